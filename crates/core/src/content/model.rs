//! A maturity model as data: stages, pillars, policy lines, frameworks, enabling conditions,
//! criteria and their answer scales, read from JSON and validated.
//!
//! Nothing in the engine knows MEGA IP's names or counts. A [`Model`] lists its stages in order
//! (lowest first; the first may be a *floor* where everyone starts) and its pillars; every
//! criterion sits in a pillar, either at one stage or — for a "which statement fits best?"
//! question — across the stages its options name. MEGA IP is simply the bundled model.
//!
//! [`Model::parse`] is the only way in. It reads format 2 (`docs/model-format.md`) and format 1
//! (migrated by [`crate::content::format1`]), checks the shape (naming the path of a bad field),
//! then the meaning ([`check`]): unique ids, every reference resolving, scales that make sense,
//! conditions pointing backwards, every cell covered, every required text in every declared
//! language. Validation is bounded: problems are counted, and only the first few are built.
//!
//! A model's identity ([`ModelRef`]) is its id, version and a hash fixed at parse time: of the
//! file's canonical JSON for format 2, and of the frozen format-1 shape for format 1, so results
//! made with a model are never read against other criteria, and never lose their model because
//! the app's own types changed.

use crate::base::ids::*;
use crate::base::locale::Lang;
use crate::base::text::Text;
use crate::base::validate::{check_ids, safe_web_link, Problems};
use crate::content::format1::{hex_hash, ModelV1};
use crate::content::scale::{OptionValue, Scale, ScaleOption, FULL};
use crate::content::wire::{self, ModelFile, OptionFile};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The newest model file format this app reads (it reads every older one too).
pub const MODEL_FORMAT: u32 = 2;
/// Larger files are refused before parsing: no real model comes close.
pub const MAX_MODEL_BYTES: usize = 2 * 1024 * 1024;
/// Used when a model does not set its own threshold.
pub const DEFAULT_THRESHOLD_PERCENT: u32 = 70;
/// A model may declare at most this many languages.
pub const MAX_LANGUAGES: usize = 16;
/// A model may have at most this many pillar × stage cells (MEGA IP has 20).
pub const MAX_CELLS: usize = 10_000;

/// The MEGA IP model bundled with the app.
/// MEGA IP 2.0.0, the current version: the criteria re-placed by the stage semantics of
/// `docs/stages.md`.
pub const MEGA_IP_JSON: &str = include_str!("../../../../toolkits/mega-ip/model-2.json");
/// MEGA IP 1.0.0 exactly as published: assessments and results files made with it keep opening
/// as they were, and can be carried to the current version (`content::upgrade`).
pub const MEGA_IP_1_JSON: &str = include_str!("../../../../toolkits/mega-ip/model.json");

#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: StageId,
    pub name: Text,
    pub description: Option<Text>,
    pub promise: Option<Text>,
    pub floor: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pillar {
    pub id: PillarId,
    pub short: Option<String>,
    pub name: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub id: LineId,
    pub name: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Framework {
    pub id: FrameworkId,
    pub name: Text,
    pub url: String,
    /// ISO 3166-1 alpha-2; `None` for international frameworks.
    pub country: Option<String>,
}

/// An enabling condition: something around the assessment (budget, legal framework…) that
/// decides whether progress can last. Answered as its own checklist; it does not change the score.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub id: ConditionId,
    pub name: Text,
    pub description: Option<Text>,
    pub question: Text,
    scale: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: CriterionId,
    pub pillar: PillarId,
    /// `None` for a "which statement fits best?" question.
    pub stage: Option<StageId>,
    pub text: Text,
    pub help: Option<Text>,
    pub evidence: Vec<Text>,
    pub lines: Vec<LineId>,
    pub frameworks: Vec<FrameworkId>,
    pub feedback: BTreeMap<OptionId, Text>,
    pub when: Option<When>,
    scale: usize,
}

/// A criterion asked only when an earlier criterion's answer is one of `any_of`.
#[derive(Debug, Clone, PartialEq)]
pub struct When {
    pub criterion: CriterionId,
    pub any_of: Vec<OptionId>,
}

/// A validated model. Built only by [`Model::parse`]; read through its methods.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    format: u32,
    id: String,
    version: String,
    languages: Vec<String>,
    name: Text,
    description: Option<Text>,
    threshold_percent: u32,
    scales: Vec<Scale>,
    stages: Vec<Stage>,
    pillars: Vec<Pillar>,
    lines: Vec<Line>,
    frameworks: Vec<Framework>,
    conditions: Vec<Condition>,
    criteria: Vec<Criterion>,
    hash: String,
    by_criterion: HashMap<CriterionId, usize>,
    point_step: u32,
}

/// Which model (exactly) an assessment was made with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ModelRef {
    pub id: String,
    pub version: String,
    /// `sha256:` + hex digest fixed when the model was parsed.
    pub hash: String,
}

/// The kind of thing an id or a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Stage,
    Pillar,
    Line,
    Framework,
    Condition,
    Criterion,
    Scale,
    Option,
    Language,
}

/// Why a model file cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    TooLarge {
        bytes: usize,
    },
    NotJson,
    /// A results file (or another app's file) was given where a model was expected.
    NotAModel {
        results_file: bool,
    },
    /// The JSON is not a model: `path` names the offending field (`criteria[3].stage`).
    Shape {
        path: String,
        reason: String,
    },
    UnsupportedFormat {
        found: u64,
    },
    /// It parses, but its content is inconsistent.
    Problems(Problems<Problem>),
}

/// One inconsistency inside a model.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Empty(Kind),
    /// The model's own id or version is blank.
    NoIdentity,
    /// A condition on an answer names no option, so the question would never be asked.
    EmptyWhen {
        criterion: String,
    },
    TooManyCells(usize),
    NoKnownLanguage,
    TooManyLanguages(usize),
    BadThreshold(u32),
    DuplicateId {
        kind: Kind,
        id: String,
    },
    UnknownReference {
        from: String,
        kind: Kind,
        id: String,
    },
    EmptyCell {
        pillar: String,
        stage: String,
    },
    MissingText {
        place: String,
        lang: String,
    },
    /// Only the first stage may be a floor, and a floor has no criteria.
    MisplacedFloor {
        stage: String,
    },
    CriterionAtFloor {
        criterion: String,
    },
    /// An option must have exactly one of points, a stage, or `counts: false`.
    BadOption {
        scale: String,
        option: String,
    },
    /// Points must be between 0 and 1 in steps of 0.001.
    BadPoints {
        scale: String,
        option: String,
    },
    /// A scale mixes points and stages, or has no option worth anything.
    BadScale {
        scale: String,
    },
    /// A criterion with a stage needs a points scale; one without needs a statements scale.
    ScaleDoesNotFit {
        criterion: String,
    },
    /// A condition needs a points scale.
    ConditionScale {
        condition: String,
    },
    BothScaleAndOptions {
        criterion: String,
    },
    /// A condition on an answer must name an earlier criterion.
    WhenNotEarlier {
        criterion: String,
        on: String,
    },
    BadUrl {
        framework: String,
    },
    /// A framework's country is not an ISO 3166-1 alpha-2 code.
    BadCountry {
        framework: String,
    },
}

impl Model {
    /// Reads and validates a model file.
    pub fn parse(json: &str) -> Result<Model, ModelError> {
        Model::read(json, None)
    }

    /// Reads and validates a model file; its identity is `known`'s hash when given (a part of a
    /// bundled file, whose own hash would be thrown away), else the hash of the file itself.
    fn read(json: &str, known: Option<&ModelRef>) -> Result<Model, ModelError> {
        if json.len() > MAX_MODEL_BYTES {
            return Err(ModelError::TooLarge { bytes: json.len() });
        }
        let value: serde_json::Value = serde_json::from_str(json).map_err(|_| ModelError::NotJson)?;
        let Some(object) = value.as_object() else {
            return Err(ModelError::NotAModel { results_file: false });
        };
        if object.get("kind").and_then(|k| k.as_str()) == Some(crate::content::RESULTS_KIND) {
            return Err(ModelError::NotAModel { results_file: true });
        }
        if !object.contains_key("stages") || !object.contains_key("criteria") {
            return Err(ModelError::NotAModel { results_file: false });
        }
        let format = object.get("format").and_then(|f| f.as_u64());
        let (file, hash) = match format {
            Some(1) => {
                let v1: ModelV1 = shape(value)?;
                let hash = known.map_or_else(|| v1.legacy_hash(), |k| k.hash.clone());
                (v1.into_format2(), hash)
            }
            Some(2) => {
                // serde_json's map keeps keys sorted, so this is the canonical form.
                let hash = known.map_or_else(
                    || hex_hash(serde_json::to_string(&value).unwrap_or_default().as_bytes()),
                    |k| k.hash.clone(),
                );
                (shape::<ModelFile>(value)?, hash)
            }
            Some(found) => return Err(ModelError::UnsupportedFormat { found }),
            None => {
                return Err(ModelError::Shape {
                    path: "format".into(),
                    reason: "missing".into(),
                })
            }
        };
        let source_format = format.and_then(|f| u32::try_from(f).ok()).unwrap_or(MODEL_FORMAT);
        Model::from_file(file, hash).map(|mut m| {
            m.format = source_format;
            m
        })
    }

    /// The MEGA IP model bundled with the app. Its file is validated by the tests, so this
    /// only fails if the build is broken; the caller decides what to show then.
    pub fn mega_ip() -> Result<Model, ModelError> {
        Model::parse(MEGA_IP_JSON)
    }

    /// Reads one language's part of a bundled model (`content::bundle`). The part is validated
    /// like any model file, and keeps the identity of the full file it was cut from, which the
    /// app's content index records: `identity` must name the same model and version.
    pub fn parse_part(json: &str, identity: &ModelRef) -> Result<Model, ModelError> {
        let model = Model::read(json, Some(identity))?;
        if model.id != identity.id || model.version != identity.version {
            return Err(ModelError::Shape {
                path: "id".into(),
                reason: format!("expected {} {}", identity.id, identity.version),
            });
        }
        Ok(model)
    }

    /// The earlier MEGA IP versions the app still opens, newest first.
    pub fn mega_ip_earlier() -> Result<Vec<Model>, ModelError> {
        Ok(vec![Model::parse(MEGA_IP_1_JSON)?])
    }

    fn from_file(file: ModelFile, hash: String) -> Result<Model, ModelError> {
        let mut problems = Problems::default();
        let model = build(file, hash, &mut problems);
        if problems.is_empty() {
            Ok(model)
        } else {
            Err(ModelError::Problems(problems))
        }
    }

    /// The format of the file the model was read from (1 or 2).
    pub fn format(&self) -> u32 {
        self.format
    }
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn version(&self) -> &str {
        &self.version
    }
    pub fn languages(&self) -> &[String] {
        &self.languages
    }
    pub fn name(&self) -> &Text {
        &self.name
    }
    pub fn description(&self) -> Option<&Text> {
        self.description.as_ref()
    }
    pub fn threshold_percent(&self) -> u32 {
        self.threshold_percent
    }
    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }
    pub fn pillars(&self) -> &[Pillar] {
        &self.pillars
    }
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }
    pub fn frameworks(&self) -> &[Framework] {
        &self.frameworks
    }
    pub fn conditions(&self) -> &[Condition] {
        &self.conditions
    }
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The smallest difference in points any answer can make (in thousandths): 500 when the
    /// answers are worth 1, ½ and 0. "Points still needed" is rounded up to it, so the app never
    /// asks for a tenth of a point that no answer can give.
    pub fn point_step(&self) -> u32 {
        self.point_step
    }

    pub fn reference(&self) -> ModelRef {
        ModelRef {
            id: self.id.clone(),
            version: self.version.clone(),
            hash: self.hash.clone(),
        }
    }

    /// Whether this is the model `reference` names, content included.
    pub fn is(&self, reference: &ModelRef) -> bool {
        self.id == reference.id && self.version == reference.version && self.hash == reference.hash
    }

    /// The language to show this model's texts in: the interface language when the model has
    /// it, else the first declared language the app speaks. The caller says so to the user when
    /// the two differ.
    pub fn content_lang(&self, ui: Lang) -> Lang {
        if self.languages.iter().any(|l| l == ui.code()) {
            return ui;
        }
        self.languages.iter().find_map(|l| Lang::from_code(l)).unwrap_or(ui)
    }

    pub fn stage_position(&self, stage_id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == *stage_id)
    }
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == *id)
    }
    /// The stage at a position (0 = lowest).
    pub fn stage_at(&self, position: usize) -> Option<&Stage> {
        self.stages.get(position)
    }
    pub fn pillar(&self, id: &str) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.id == *id)
    }
    pub fn line(&self, id: &str) -> Option<&Line> {
        self.lines.iter().find(|l| l.id == *id)
    }
    /// The frameworks a criterion cites, those of `country` (the profile's, ISO code) first,
    /// then international ones, then other countries', each group in the order the model gives.
    pub fn frameworks_for<'a>(&'a self, criterion: &Criterion, country: &str) -> Vec<&'a Framework> {
        let mut out: Vec<&Framework> = criterion.frameworks.iter().filter_map(|f| self.framework(f)).collect();
        out.sort_by_key(|f| match f.country.as_deref() {
            Some(c) if !country.is_empty() && c.eq_ignore_ascii_case(country) => 0,
            None => 1,
            Some(_) => 2,
        });
        out
    }

    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.id == *id)
    }
    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.id == *id)
    }
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.by_criterion.get(id).and_then(|i| self.criteria.get(*i))
    }
    pub fn scales(&self) -> &[Scale] {
        &self.scales
    }

    /// The scale a criterion is answered on.
    pub fn scale_of<'a>(&'a self, criterion: &Criterion) -> &'a Scale {
        self.scales.get(criterion.scale).unwrap_or(&EMPTY_SCALE)
    }

    /// The scale a condition is answered on.
    pub fn condition_scale<'a>(&'a self, condition: &Condition) -> &'a Scale {
        self.scales.get(condition.scale).unwrap_or(&EMPTY_SCALE)
    }

    /// The option `option` of `criterion`'s scale.
    pub fn option_of<'a>(&'a self, criterion: &Criterion, option: &str) -> Option<&'a ScaleOption> {
        self.scale_of(criterion).option(option)
    }

    /// The improvement text for choosing `option` on `criterion`, if the model has one.
    pub fn feedback<'a>(&'a self, criterion: &'a Criterion, option: &str) -> Option<&'a Text> {
        criterion
            .feedback
            .get(option)
            .or_else(|| self.option_of(criterion, option).and_then(|o| o.feedback.as_ref()))
    }

    /// The criteria counted at one pillar × stage cell, in file order: those placed at the stage,
    /// and the pillar's "which statement fits best?" questions, which count at every stage.
    pub fn cell<'a>(&'a self, pillar: &'a str, stage: &'a str) -> impl Iterator<Item = &'a Criterion> + 'a {
        let floor = self.stage(stage).is_some_and(|s| s.floor);
        self.criteria
            .iter()
            .filter(move |c| !floor && c.pillar == *pillar && c.stage.as_ref().is_none_or(|s| *s == *stage))
    }

    /// The criteria placed exactly at this cell (statement questions excluded), in file order.
    pub fn criteria_at<'a>(&'a self, pillar: &'a str, stage: &'a str) -> impl Iterator<Item = &'a Criterion> + 'a {
        self.criteria
            .iter()
            .filter(move |c| c.pillar == *pillar && c.stage.as_ref().is_some_and(|s| *s == *stage))
    }

    /// The criteria of a pillar, in file order.
    pub fn pillar_criteria<'a>(&'a self, pillar: &'a str) -> impl Iterator<Item = &'a Criterion> + 'a {
        self.criteria.iter().filter(move |c| c.pillar == *pillar)
    }
}

/// What adding a loaded model to the app's list would mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// A model not on the list yet.
    New,
    /// Exactly this model is already on the list.
    Known,
    /// A model with the same id and version but other content: refused, since results files
    /// name models by id and version and would become ambiguous.
    Clash,
}

/// The one rule for adding a model to a list of models.
pub fn arrival(existing: &[&Model], new: &Model) -> Arrival {
    match existing.iter().find(|m| m.id == new.id && m.version == new.version) {
        None => Arrival::New,
        Some(m) if m.hash == new.hash => Arrival::Known,
        Some(_) => Arrival::Clash,
    }
}

static EMPTY_SCALE: Scale = Scale {
    id: ScaleId::empty(),
    options: Vec::new(),
};

fn shape<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, ModelError> {
    serde_path_to_error::deserialize(value).map_err(|e| ModelError::Shape {
        path: e.path().to_string(),
        reason: e.inner().to_string(),
    })
}

impl wire::ModelFile {
    /// Serializes the file as pretty JSON (used to write migrated models).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

mod build;
use build::build;

#[cfg(test)]
mod tests;
