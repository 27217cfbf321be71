//! The results file: what "Exportar resultados" writes and "Importar" reads.
//!
//! A [`ResultsFile`] is a versioned envelope around one [`Assessment`] (which names its model by
//! id, version and hash), plus the computed [`Scores`] so an advisor without the app can read
//! the figures. Its JSON Schema is `schema/results.schema.json`, generated from these types.
//!
//! [`import`] is strict and never partial: it either returns a complete assessment or an
//! [`ImportError`] (rendered for people by [`crate::messages`]). Scores in the file are ignored
//! and recomputed, so a hand-edited figure can never disagree with the answers. Files of an
//! older format are migrated step by step ([`migrate`]); there is a fixture of every format ever
//! shipped under `tests/fixtures/results/`.

use crate::analysis::scoring::{score, Scores};
use crate::answers::assessment::Assessment;
use crate::base::text::fold;
use crate::content::model::Model;
use crate::content::toolkit::Haga;
use crate::content::RESULTS_KIND as KIND;
use serde::{Deserialize, Serialize};

/// Current results format. Bump it with a migration in [`migrate`] and a new fixture.
/// 1: first release. 2: adds canvases and the action plan. 3: answers are option ids of the
/// model's scales, and scores count thousandths of a point.
pub const RESULTS_FORMAT: u32 = 4;
/// Tells our files apart from any other JSON.
pub const RESULTS_KIND: &str = KIND;
/// A real results file is tens of kilobytes; anything far larger is refused before parsing.
pub const MAX_RESULTS_BYTES: usize = 8 * 1024 * 1024;
/// At most this many unknown ids are named in an error; the rest are counted.
pub const NAMED_IDS: usize = 12;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResultsFile {
    /// Always `megaip-results`.
    pub kind: String,
    /// The results format version.
    pub format: u32,
    /// The app version that wrote the file.
    pub app_version: String,
    pub exported_at: String,
    pub assessment: Assessment,
    /// Computed by the app for readers without it; ignored on import.
    pub scores: Scores,
}

/// What import reads: the same envelope, with the scores left unread.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Incoming {
    #[allow(dead_code)]
    kind: String,
    #[allow(dead_code)]
    format: u32,
    #[allow(dead_code)]
    app_version: String,
    #[allow(dead_code)]
    exported_at: String,
    assessment: Assessment,
    #[allow(dead_code)]
    #[serde(default)]
    scores: serde::de::IgnoredAny,
}

/// Builds the file for an assessment.
pub fn export(model: &Model, assessment: &Assessment, app_version: &str, now: &str) -> ResultsFile {
    ResultsFile {
        kind: RESULTS_KIND.to_owned(),
        format: RESULTS_FORMAT,
        app_version: app_version.to_owned(),
        exported_at: now.to_owned(),
        assessment: assessment.clone(),
        scores: score(model, assessment),
    }
}

pub fn to_json(file: &ResultsFile) -> String {
    serde_json::to_string_pretty(file).unwrap_or_default()
}

/// A file name that says whose results these are: `resultados-yumbo-2026-03-01.json`.
/// Only ASCII letters, digits and dashes, whatever the profile holds.
pub fn file_name(assessment: &Assessment) -> String {
    let slug = slug(assessment.profile().municipality.trim());
    let date: String = match assessment.profile().date.as_str() {
        "" => assessment.updated_at().chars().take(10).collect(),
        d => d.to_owned(),
    };
    let date = slug_date(&date);
    match (slug.is_empty(), date.is_empty()) {
        (false, false) => format!("resultados-{slug}-{date}.json"),
        (false, true) => format!("resultados-{slug}.json"),
        (true, false) => format!("resultados-{date}.json"),
        (true, true) => "resultados.json".to_owned(),
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn slug_date(d: &str) -> String {
    d.chars().filter(|c| c.is_ascii_digit() || *c == '-').take(10).collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    NotJson,
    NotResultsFile,
    /// A model file was given where a results file was expected.
    IsAModel,
    NewerFormat {
        found: u64,
    },
    /// A field is missing or has the wrong type: `path` names it (`assessment.profile.date`).
    Shape {
        path: String,
    },
    UnknownModel {
        id: String,
        version: String,
    },
    /// Same model id and version, different content.
    ModelChanged {
        id: String,
        version: String,
    },
    UnknownCriteria(Ids),
    UnknownConditions(Ids),
    /// Answers with options the criterion's scale does not have (`criterion=option`).
    UnknownOptions(Ids),
    /// Canvas fields of methodologies (or fields) the toolkit does not have.
    UnknownCanvas(Ids),
}

/// The first few offending ids, and how many there were in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ids {
    pub shown: Vec<String>,
    pub total: usize,
}

impl Ids {
    fn collect(all: impl Iterator<Item = String>) -> Ids {
        let mut ids = Ids::default();
        for id in all {
            ids.total += 1;
            if ids.shown.len() < NAMED_IDS {
                ids.shown.push(id);
            }
        }
        ids
    }
}

/// A successfully read file.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub assessment: Assessment,
    /// The format the file was in, when it was older and had to be migrated.
    pub migrated_from: Option<u32>,
    /// Whether overlong notes or links had to be cut to the app's limits.
    pub cut: bool,
    /// The scores written in the file disagree with its answers: it was edited by hand or by
    /// another version. The scores shown are the ones computed from the answers.
    pub scores_differ: bool,
}

/// Reads a results file against the models the app has.
pub fn import(json: &str, models: &[&Model], haga: Option<&Haga>) -> Result<Imported, ImportError> {
    if json.len() > MAX_RESULTS_BYTES {
        return Err(ImportError::TooLarge { bytes: json.len() });
    }
    let mut value: serde_json::Value = serde_json::from_str(json).map_err(|_| ImportError::NotJson)?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(RESULTS_KIND) {
        let looks_like_model = value.get("stages").is_some() && value.get("criteria").is_some();
        return Err(if looks_like_model {
            ImportError::IsAModel
        } else {
            ImportError::NotResultsFile
        });
    }
    let format = value
        .get("format")
        .and_then(|f| f.as_u64())
        .ok_or(ImportError::Shape { path: "format".into() })?;
    if format > u64::from(RESULTS_FORMAT) {
        return Err(ImportError::NewerFormat { found: format });
    }
    let format = u32::try_from(format).map_err(|_| ImportError::Shape { path: "format".into() })?;
    let written_scores = value.get("scores").cloned();
    if format < RESULTS_FORMAT {
        value = migrate(value, format)?;
    }
    let file: Incoming = serde_path_to_error::deserialize(value).map_err(|e| ImportError::Shape {
        path: e.path().to_string(),
    })?;
    let mut assessment = file.assessment;
    check(&assessment, models, haga)?;
    let scores_differ = models
        .iter()
        .find(|m| m.is(assessment.model()))
        .is_some_and(|m| !scores_agree(written_scores.as_ref(), &score(m, &assessment)));
    let cut = assessment.enforce_limits();
    Ok(Imported {
        assessment,
        migrated_from: (format < RESULTS_FORMAT).then_some(format),
        cut,
        scores_differ,
    })
}

/// Whether the figures written in a file (of any format) agree with the ones computed now: the
/// overall level, the mean index and each pillar's level and index.
fn scores_agree(written: Option<&serde_json::Value>, now: &Scores) -> bool {
    let Some(w) = written else { return false };
    let same_f64 =
        |v: Option<&serde_json::Value>, x: f64| v.and_then(|v| v.as_f64()).is_some_and(|y| (y - x).abs() < 1e-6);
    let pillars = w.get("pillars").and_then(|p| p.as_array());
    w.get("overall_level").and_then(|v| v.as_u64()) == Some(now.overall_level as u64)
        && same_f64(w.get("mean_index"), now.mean_index)
        && pillars.is_some_and(|ps| {
            ps.len() == now.pillars.len()
                && ps.iter().zip(&now.pillars).all(|(p, n)| {
                    p.get("pillar").and_then(|v| v.as_str()) == Some(n.pillar.as_str())
                        && p.get("level").and_then(|v| v.as_u64()) == Some(n.level as u64)
                        && same_f64(p.get("index"), n.index)
                })
        })
}

/// Checks an assessment against the models the app has (and the toolkit, for canvases): the
/// same rules for a file being imported and for an assessment loaded from storage.
pub fn check(assessment: &Assessment, models: &[&Model], haga: Option<&Haga>) -> Result<(), ImportError> {
    let reference = assessment.model();
    let same = |m: &&&Model| m.id() == reference.id && m.version() == reference.version;
    let model = match models.iter().find(|m| same(m) && m.hash() == reference.hash) {
        Some(m) => *m,
        None if models.iter().any(|m| same(&m)) => {
            return Err(ImportError::ModelChanged {
                id: reference.id.clone(),
                version: reference.version.clone(),
            })
        }
        None => {
            return Err(ImportError::UnknownModel {
                id: reference.id.clone(),
                version: reference.version.clone(),
            })
        }
    };
    let unknown = Ids::collect(
        assessment
            .answers()
            .keys()
            .filter(|id| model.criterion(id).is_none())
            .map(|id| id.to_string()),
    );
    if unknown.total > 0 {
        return Err(ImportError::UnknownCriteria(unknown));
    }
    let unknown = Ids::collect(
        assessment
            .conditions()
            .keys()
            .filter(|id| model.condition(id).is_none())
            .map(|id| id.to_string()),
    );
    if unknown.total > 0 {
        return Err(ImportError::UnknownConditions(unknown));
    }
    let bad_criteria = assessment.answers().iter().filter_map(|(id, a)| {
        let v = a.value.as_ref()?;
        let c = model.criterion(id)?;
        model.option_of(c, v).is_none().then(|| format!("{id}={v}"))
    });
    let bad_conditions = assessment.conditions().iter().filter_map(|(id, a)| {
        let v = a.value.as_ref()?;
        let c = model.condition(id)?;
        model
            .condition_scale(c)
            .option(v)
            .is_none()
            .then(|| format!("{id}={v}"))
    });
    let unknown = Ids::collect(bad_criteria.chain(bad_conditions));
    if unknown.total > 0 {
        return Err(ImportError::UnknownOptions(unknown));
    }
    let unknown = Ids::collect(assessment.canvases().iter().flat_map(|(m, fields)| {
        match haga.and_then(|h| h.methodology(m)) {
            None => vec![m.clone()],
            Some(meth) => fields
                .keys()
                .filter(|f| !meth.canvas.fields.iter().any(|x| &x.id == *f))
                .map(|f| format!("{m}.{f}"))
                .collect(),
        }
    }));
    if unknown.total > 0 {
        return Err(ImportError::UnknownCanvas(unknown));
    }
    Ok(())
}

/// Brings a file of an older format up to [`RESULTS_FORMAT`], one version at a time. Each bump
/// adds one step here and a `results-v{n}.json` fixture.
pub fn migrate(mut value: serde_json::Value, from: u32) -> Result<serde_json::Value, ImportError> {
    let mut format = from;
    while format < RESULTS_FORMAT {
        match format {
            // 1 → 2: canvases and plan did not exist; they start empty.
            1 => {
                let assessment =
                    value
                        .get_mut("assessment")
                        .and_then(|a| a.as_object_mut())
                        .ok_or(ImportError::Shape {
                            path: "assessment".into(),
                        })?;
                assessment.entry("canvases").or_insert_with(|| serde_json::json!({}));
                assessment.entry("plan").or_insert(serde_json::Value::Null);
            }
            // 2 → 3: the answer values `yes`, `partial`, `no`, `not_applicable` are exactly the
            // option ids of the format-1 scale, so answers read as they are; the scores were
            // counted in halves and are recomputed anyway, so they are dropped.
            2 => {
                if let Some(obj) = value.as_object_mut() {
                    obj.insert("scores".into(), serde_json::Value::Null);
                }
            }
            // 3 → 4: an assessment may name the one it was upgraded from (`upgraded_from`), and
            // a plan step may name a methodology; both are absent in older files, which read
            // as they are.
            3 => {}
            // There was never a format 0 or below.
            _ => return Err(ImportError::Shape { path: "format".into() }),
        }
        format += 1;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("format".into(), format.into());
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests;
