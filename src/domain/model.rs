//! A maturity model as data: stages, pillars, policy lines, frameworks, enabling conditions and
//! criteria, read from JSON and validated.
//!
//! Nothing in the engine knows MEGA IP's names or counts. A [`Model`] lists its stages in order
//! (lowest first) and its pillars; every criterion sits in one pillar × stage cell. MEGA IP is
//! simply the bundled model (`toolkits/mega-ip/model.json`); a user can load another from a
//! file, and it is walked, scored and exported the same way.
//!
//! [`Model::parse`] is the only way in: it checks the JSON shape (reporting the path of a bad
//! field), then [`Model::problems`] checks the meaning (unique ids, every reference resolves,
//! every cell has a criterion, every text present in every declared language). A model is
//! identified by id + version + [`Model::content_hash`], so results made with an edited model
//! are never read against the wrong criteria.

use crate::domain::prefs::Lang;
use crate::domain::text::Text;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// The model file format this app reads.
pub const MODEL_FORMAT: u32 = 1;
/// Larger files are refused before parsing: no real model comes close.
pub const MAX_MODEL_BYTES: usize = 2 * 1024 * 1024;
/// Used when a model does not set its own threshold.
pub const DEFAULT_THRESHOLD_PERCENT: u32 = 70;

const MEGA_IP_JSON: &str = include_str!("../../toolkits/mega-ip/model.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub format: u32,
    pub id: String,
    pub version: String,
    /// Language codes every text must have.
    pub languages: Vec<String>,
    pub name: Text,
    pub description: Text,
    #[serde(default)]
    pub scoring: ScoringRules,
    /// In order, from the least to the most citizen power.
    pub stages: Vec<Stage>,
    pub pillars: Vec<Pillar>,
    #[serde(default)]
    pub lines: Vec<Line>,
    #[serde(default)]
    pub frameworks: Vec<Framework>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoringRules {
    /// A stage is reached when at least this share of its applicable criteria is met.
    pub threshold_percent: u32,
}

impl Default for ScoringRules {
    fn default() -> Self {
        ScoringRules {
            threshold_percent: DEFAULT_THRESHOLD_PERCENT,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub name: Text,
    pub description: Text,
    #[serde(default)]
    pub promise: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    pub id: String,
    #[serde(default)]
    pub short: String,
    pub name: Text,
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub id: String,
    pub name: Text,
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub id: String,
    pub name: Text,
    pub url: String,
}

/// An enabling condition: something around the assessment (budget, legal framework…) that
/// decides whether progress can last. Answered as its own checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub question: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub pillar: String,
    pub stage: String,
    pub text: Text,
    pub help: Text,
    #[serde(default)]
    pub evidence: Vec<Text>,
    #[serde(default)]
    pub lines: Vec<String>,
    #[serde(default)]
    pub frameworks: Vec<String>,
}

/// Why a model file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    TooLarge {
        bytes: usize,
    },
    NotJson(String),
    /// The JSON is not a model: `path` names the offending field (`criteria[3].stage`).
    Shape {
        path: String,
        reason: String,
    },
    UnsupportedFormat(u32),
    /// It parses, but its content is inconsistent.
    Problems(Vec<Problem>),
}

/// One inconsistency inside a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty(&'static str),
    DuplicateId {
        kind: &'static str,
        id: String,
    },
    UnknownReference {
        from: String,
        kind: &'static str,
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
    BadThreshold(u32),
    NoLanguages,
}

impl ModelError {
    /// What to tell the user, in plain words: the first problems, with where they are.
    pub fn message(&self, lang: Lang) -> String {
        let es = lang == Lang::Es;
        match self {
            ModelError::TooLarge { bytes } => {
                let mb = *bytes as f64 / 1_048_576.0;
                if es {
                    format!("El archivo pesa {mb:.1} MB; un modelo no puede pasar de 2 MB.")
                } else {
                    format!("The file is {mb:.1} MB; a model cannot be larger than 2 MB.")
                }
            }
            ModelError::NotJson(_) => {
                if es {
                    "El archivo no es JSON: no se puede leer como modelo.".into()
                } else {
                    "The file is not JSON: it cannot be read as a model.".into()
                }
            }
            ModelError::Shape { path, reason } => {
                if es {
                    format!("El archivo no tiene la forma de un modelo: revisa el campo «{path}» ({reason}).")
                } else {
                    format!("The file does not have the shape of a model: check the field “{path}” ({reason}).")
                }
            }
            ModelError::UnsupportedFormat(f) => {
                if es {
                    format!("El modelo usa el formato {f}; esta aplicación lee el formato {MODEL_FORMAT}.")
                } else {
                    format!("The model uses format {f}; this app reads format {MODEL_FORMAT}.")
                }
            }
            ModelError::Problems(problems) => {
                let shown: Vec<String> = problems.iter().take(5).map(|p| p.describe(lang)).collect();
                let more = problems.len().saturating_sub(shown.len());
                let (head, tail) = if es {
                    (
                        format!("El modelo tiene {} problema(s): ", problems.len()),
                        format!(" Y {more} más."),
                    )
                } else {
                    (
                        format!("The model has {} problem(s): ", problems.len()),
                        format!(" And {more} more."),
                    )
                };
                format!(
                    "{head}{}.{}",
                    shown.join("; "),
                    if more > 0 { tail } else { String::new() }
                )
            }
        }
    }
}

/// The Spanish word for an id kind (models name kinds in English), with its indefinite article.
fn kind_es(kind: &str) -> (&'static str, &str) {
    match kind {
        "stage" | "stages" => ("una", "etapa"),
        "pillar" | "pillars" => ("un", "pilar"),
        "line" => ("un", "lineamiento"),
        "framework" => ("un", "marco de referencia"),
        "condition" => ("una", "condición"),
        "criterion" => ("un", "criterio"),
        other => ("un", other),
    }
}

impl Problem {
    pub fn describe(&self, lang: Lang) -> String {
        let es = lang == Lang::Es;
        match self {
            Problem::Empty(what) => {
                if es {
                    format!("no tiene ningún elemento de tipo {}", kind_es(what).1)
                } else {
                    format!("it has no {what}")
                }
            }
            Problem::DuplicateId { kind, id } => {
                if es {
                    format!("el id «{id}» ({}) está vacío o repetido", kind_es(kind).1)
                } else {
                    format!("the {kind} id “{id}” is empty or repeated")
                }
            }
            Problem::UnknownReference { from, kind, id } => {
                if es {
                    {
                        let (article, word) = kind_es(kind);
                        format!("«{from}» menciona {article} {word} que no existe: «{id}»")
                    }
                } else {
                    format!("“{from}” names a {kind} that does not exist: “{id}”")
                }
            }
            Problem::EmptyCell { pillar, stage } => {
                if es {
                    format!("no hay criterios para «{pillar}» en la etapa «{stage}»")
                } else {
                    format!("there are no criteria for “{pillar}” at stage “{stage}”")
                }
            }
            Problem::MissingText { place, lang: code } => {
                if es {
                    format!("falta el texto en «{code}» de {place}")
                } else {
                    format!("{place} has no “{code}” text")
                }
            }
            Problem::BadThreshold(t) => {
                if es {
                    format!("el umbral {t} % no está entre 1 y 100")
                } else {
                    format!("the threshold {t} % is not between 1 and 100")
                }
            }
            Problem::NoLanguages => {
                if es {
                    "no declara idiomas".into()
                } else {
                    "it declares no languages".into()
                }
            }
        }
    }
}

impl Model {
    /// Reads and validates a model file.
    pub fn parse(json: &str) -> Result<Model, ModelError> {
        if json.len() > MAX_MODEL_BYTES {
            return Err(ModelError::TooLarge { bytes: json.len() });
        }
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| ModelError::NotJson(e.to_string()))?;
        match value.get("format").and_then(|f| f.as_u64()) {
            Some(f) if f as u32 != MODEL_FORMAT => return Err(ModelError::UnsupportedFormat(f as u32)),
            _ => {}
        }
        let model: Model = serde_path_to_error::deserialize(value).map_err(|e| ModelError::Shape {
            path: e.path().to_string(),
            reason: e.inner().to_string(),
        })?;
        let problems = model.problems();
        if problems.is_empty() {
            Ok(model)
        } else {
            Err(ModelError::Problems(problems))
        }
    }

    /// The MEGA IP model bundled with the app.
    pub fn mega_ip() -> Model {
        Model::parse(MEGA_IP_JSON).expect("the bundled MEGA IP model is valid (checked by tests)")
    }

    /// Every inconsistency, in file order. Empty means the model is usable.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.languages.is_empty() {
            out.push(Problem::NoLanguages);
        }
        if !(1..=100).contains(&self.scoring.threshold_percent) {
            out.push(Problem::BadThreshold(self.scoring.threshold_percent));
        }
        for (kind, empty) in [("stages", self.stages.is_empty()), ("pillars", self.pillars.is_empty())] {
            if empty {
                out.push(Problem::Empty(kind));
            }
        }
        let stages = unique_ids(&mut out, "stage", self.stages.iter().map(|s| &s.id));
        let pillars = unique_ids(&mut out, "pillar", self.pillars.iter().map(|p| &p.id));
        let lines = unique_ids(&mut out, "line", self.lines.iter().map(|l| &l.id));
        let frameworks = unique_ids(&mut out, "framework", self.frameworks.iter().map(|f| &f.id));
        unique_ids(&mut out, "condition", self.conditions.iter().map(|c| &c.id));
        unique_ids(&mut out, "criterion", self.criteria.iter().map(|c| &c.id));

        for c in &self.criteria {
            let refs = [
                ("pillar", &pillars, std::slice::from_ref(&c.pillar)),
                ("stage", &stages, std::slice::from_ref(&c.stage)),
            ];
            for (kind, known, ids) in refs.into_iter().chain([
                ("line", &lines, &c.lines[..]),
                ("framework", &frameworks, &c.frameworks[..]),
            ]) {
                for id in ids {
                    if !known.contains(id.as_str()) {
                        out.push(Problem::UnknownReference {
                            from: c.id.clone(),
                            kind,
                            id: id.clone(),
                        });
                    }
                }
            }
        }
        for p in &self.pillars {
            for s in &self.stages {
                if !self.criteria.iter().any(|c| c.pillar == p.id && c.stage == s.id) {
                    out.push(Problem::EmptyCell {
                        pillar: p.id.clone(),
                        stage: s.id.clone(),
                    });
                }
            }
        }
        for (place, text) in self.texts() {
            for lang in &self.languages {
                if !text.has(lang) {
                    out.push(Problem::MissingText {
                        place: place.clone(),
                        lang: lang.clone(),
                    });
                }
            }
        }
        out
    }

    /// Every text in the model with a readable place name, for completeness checks.
    fn texts(&self) -> Vec<(String, &Text)> {
        let mut out: Vec<(String, &Text)> =
            vec![("name".into(), &self.name), ("description".into(), &self.description)];
        for s in &self.stages {
            out.push((format!("stages.{}.name", s.id), &s.name));
            out.push((format!("stages.{}.description", s.id), &s.description));
        }
        for p in &self.pillars {
            out.push((format!("pillars.{}.name", p.id), &p.name));
            out.push((format!("pillars.{}.description", p.id), &p.description));
        }
        for l in &self.lines {
            out.push((format!("lines.{}.name", l.id), &l.name));
            out.push((format!("lines.{}.description", l.id), &l.description));
        }
        for f in &self.frameworks {
            out.push((format!("frameworks.{}.name", f.id), &f.name));
        }
        for c in &self.conditions {
            out.push((format!("conditions.{}.name", c.id), &c.name));
            out.push((format!("conditions.{}.question", c.id), &c.question));
        }
        for c in &self.criteria {
            out.push((format!("criteria.{}.text", c.id), &c.text));
            out.push((format!("criteria.{}.help", c.id), &c.help));
            for (i, e) in c.evidence.iter().enumerate() {
                out.push((format!("criteria.{}.evidence[{i}]", c.id), e));
            }
        }
        out
    }

    /// A fingerprint of the model's content: two files with the same id and version but
    /// different criteria get different hashes.
    pub fn content_hash(&self) -> String {
        let canonical = serde_json::to_string(self).expect("a model always serializes");
        let digest = Sha256::digest(canonical.as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("sha256:{hex}")
    }

    pub fn reference(&self) -> ModelRef {
        ModelRef {
            id: self.id.clone(),
            version: self.version.clone(),
            hash: self.content_hash(),
        }
    }

    pub fn stage_position(&self, stage_id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == stage_id)
    }

    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn pillar(&self, id: &str) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.id == id)
    }

    pub fn line(&self, id: &str) -> Option<&Line> {
        self.lines.iter().find(|l| l.id == id)
    }

    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The criteria of one pillar × stage cell, in file order.
    pub fn cell<'a>(&'a self, pillar: &'a str, stage: &'a str) -> impl Iterator<Item = &'a Criterion> + 'a {
        self.criteria
            .iter()
            .filter(move |c| c.pillar == pillar && c.stage == stage)
    }

    pub fn name_in(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }
}

fn unique_ids<'a>(
    out: &mut Vec<Problem>,
    kind: &'static str,
    ids: impl Iterator<Item = &'a String>,
) -> BTreeSet<&'a str> {
    let (seen, bad) = check_ids(ids.map(String::as_str));
    out.extend(bad.into_iter().map(|id| Problem::DuplicateId {
        kind,
        id: id.to_owned(),
    }));
    seen
}

/// The one rule for ids in every data file: non-blank and unique. Returns the ids seen and the
/// offending ones (blank, or repeated), in file order.
pub(crate) fn check_ids<'a>(ids: impl Iterator<Item = &'a str>) -> (BTreeSet<&'a str>, Vec<&'a str>) {
    let mut seen = BTreeSet::new();
    let mut bad = Vec::new();
    for id in ids {
        if id.trim().is_empty() || !seen.insert(id) {
            bad.push(id);
        }
    }
    (seen, bad)
}

/// Which model (exactly) an assessment was made with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ModelRef {
    pub id: String,
    pub version: String,
    /// `sha256:` + hex digest of the model's canonical JSON.
    pub hash: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mega_ip_is_valid_and_complete() {
        let model = Model::parse(MEGA_IP_JSON).unwrap_or_else(|e| panic!("MEGA IP invalid: {e:?}"));
        assert_eq!(model.id, "mega-ip");
        assert_eq!(model.stages.len(), 5);
        assert_eq!(model.pillars.len(), 4);
        assert_eq!(model.lines.len(), 4);
        assert_eq!(model.conditions.len(), 7, "the seven enabling conditions");
        assert!(
            model.criteria.len() >= 60,
            "at least 60 criteria, got {}",
            model.criteria.len()
        );
        for p in &model.pillars {
            for s in &model.stages {
                let n = model.cell(&p.id, &s.id).count();
                assert!(n >= 3, "cell {} × {} has {n} criteria, needs 3", p.id, s.id);
            }
        }
        assert_eq!(model.languages, ["es", "en"]);
    }

    #[test]
    fn every_mega_ip_criterion_is_fully_described() {
        let model = Model::mega_ip();
        for c in &model.criteria {
            assert!(!c.evidence.is_empty(), "{} needs evidence examples", c.id);
            assert!(!c.lines.is_empty(), "{} needs a policy line", c.id);
            assert!(!c.frameworks.is_empty(), "{} needs a framework", c.id);
        }
        for f in &model.frameworks {
            assert!(f.url.starts_with("https://"), "framework {} URL {}", f.id, f.url);
        }
    }

    #[test]
    fn hash_is_stable_and_content_sensitive() {
        let a = Model::mega_ip();
        let mut b = a.clone();
        assert_eq!(a.content_hash(), b.content_hash());
        b.criteria[0].text = Text::new("otro", "other");
        assert_ne!(a.content_hash(), b.content_hash());
        assert!(a.content_hash().starts_with("sha256:"));
        assert_eq!(a.content_hash().len(), 7 + 64);
    }

    fn tiny() -> serde_json::Value {
        serde_json::json!({
            "format": 1, "id": "tiny", "version": "1", "languages": ["es"],
            "name": {"es": "Mínimo"}, "description": {"es": "Prueba"},
            "stages": [{"id": "a", "name": {"es": "A"}, "description": {"es": "A"}}],
            "pillars": [{"id": "p", "name": {"es": "P"}, "description": {"es": "P"}}],
            "criteria": [{"id": "c1", "pillar": "p", "stage": "a", "text": {"es": "C"}, "help": {"es": "H"}}]
        })
    }

    #[test]
    fn a_minimal_model_parses() {
        let m = Model::parse(&tiny().to_string()).unwrap();
        assert_eq!(m.scoring.threshold_percent, DEFAULT_THRESHOLD_PERCENT);
    }

    #[test]
    fn shape_errors_name_the_field() {
        let mut v = tiny();
        v["criteria"][0]["stage"] = serde_json::json!(3);
        match Model::parse(&v.to_string()) {
            Err(ModelError::Shape { path, .. }) => assert_eq!(path, "criteria[0].stage"),
            other => panic!("expected a shape error, got {other:?}"),
        }
        let mut v = tiny();
        v["stagez"] = serde_json::json!([]);
        assert!(matches!(Model::parse(&v.to_string()), Err(ModelError::Shape { .. })));
    }

    #[test]
    fn content_problems_are_all_reported() {
        let mut v = tiny();
        v["criteria"][0]["stage"] = serde_json::json!("b");
        v["criteria"][0]["lines"] = serde_json::json!(["nope"]);
        v["stages"][0]["name"] = serde_json::json!({"en": "A"});
        v["pillars"] = serde_json::json!([
            {"id": "p", "name": {"es": "P"}, "description": {"es": "P"}},
            {"id": "p", "name": {"es": "P"}, "description": {"es": "P"}}
        ]);
        let Err(ModelError::Problems(problems)) = Model::parse(&v.to_string()) else {
            panic!("expected problems")
        };
        assert!(problems.contains(&Problem::UnknownReference {
            from: "c1".into(),
            kind: "stage",
            id: "b".into()
        }));
        assert!(problems.contains(&Problem::UnknownReference {
            from: "c1".into(),
            kind: "line",
            id: "nope".into()
        }));
        assert!(problems.contains(&Problem::DuplicateId {
            kind: "pillar",
            id: "p".into()
        }));
        assert!(problems.contains(&Problem::EmptyCell {
            pillar: "p".into(),
            stage: "a".into()
        }));
        assert!(problems.contains(&Problem::MissingText {
            place: "stages.a.name".into(),
            lang: "es".into()
        }));
    }

    #[test]
    fn model_errors_read_plainly_in_both_languages() {
        let mut v = tiny();
        v["criteria"][0]["stage"] = serde_json::json!("b");
        let err = Model::parse(&v.to_string()).unwrap_err();
        assert_eq!(
            err.message(Lang::Es),
            "El modelo tiene 2 problema(s): «c1» menciona una etapa que no existe: «b»; no hay criterios para «p» en la etapa «a»."
        );
        assert!(err.message(Lang::En).starts_with("The model has 2 problem(s)"));
        assert!(ModelError::NotJson(String::new())
            .message(Lang::Es)
            .contains("no es JSON"));
    }

    #[test]
    fn refuses_other_formats_garbage_and_huge_files() {
        let mut v = tiny();
        v["format"] = serde_json::json!(2);
        assert_eq!(Model::parse(&v.to_string()), Err(ModelError::UnsupportedFormat(2)));
        assert!(matches!(Model::parse("no soy json"), Err(ModelError::NotJson(_))));
        let huge = " ".repeat(MAX_MODEL_BYTES + 1);
        assert!(matches!(Model::parse(&huge), Err(ModelError::TooLarge { .. })));
    }
}
