//! The results file: what "Exportar resultados" writes and "Importar" reads.
//!
//! A [`ResultsFile`] is a versioned envelope around one [`Assessment`] (which names its model by
//! id, version and content hash), plus the computed [`Scores`] so an advisor without the app can
//! read the figures. Its JSON Schema is `schema/results.schema.json`, generated from these types
//! by a test.
//!
//! [`import`] is strict and never partial: it either returns a complete assessment or an
//! [`ImportError`] saying, in the user's language, what is wrong. Scores in the file are ignored
//! on import and recomputed, so a hand-edited figure can never disagree with the answers.
//! Files of an older format are migrated step by step ([`migrate`]); there is a fixture of every
//! format ever shipped under `tests/fixtures/results/`.

use crate::domain::assessment::Assessment;
use crate::domain::haga::Haga;
use crate::domain::model::Model;
use crate::domain::prefs::Lang;
use crate::domain::scoring::{score, Scores};
use serde::{Deserialize, Serialize};

/// Current results format. Bump it with a migration in [`migrate`] and a new fixture.
/// 1: first release. 2: adds the methodology canvases and the action plan.
pub const RESULTS_FORMAT: u32 = 2;
/// Tells our files apart from any other JSON.
pub const RESULTS_KIND: &str = "megaip-results";
/// A real results file is tens of kilobytes; anything far larger is refused before parsing.
pub const MAX_RESULTS_BYTES: usize = 5 * 1024 * 1024;

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
    serde_json::to_string_pretty(file).expect("a results file always serializes")
}

/// A file name that says whose results these are: `resultados-yumbo-2026-03-01.json`.
pub fn file_name(assessment: &Assessment) -> String {
    let mut slug = String::new();
    for c in crate::domain::text::fold(assessment.profile.municipality.trim()).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let date = if assessment.profile.date.is_empty() {
        &assessment.updated_at[..assessment.updated_at.len().min(10)]
    } else {
        &assessment.profile.date
    };
    match (slug.is_empty(), date.is_empty()) {
        (false, false) => format!("resultados-{slug}-{date}.json"),
        (false, true) => format!("resultados-{slug}.json"),
        (true, false) => format!("resultados-{date}.json"),
        (true, true) => "resultados.json".to_owned(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    NotJson,
    NotResultsFile,
    NewerFormat {
        found: u32,
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
    UnknownCriteria(Vec<String>),
    UnknownConditions(Vec<String>),
    /// Canvas fields of methodologies (or fields) the toolkit does not have.
    UnknownCanvas(Vec<String>),
}

impl ImportError {
    /// What to tell the user, in plain words. Nothing was changed in any case.
    pub fn message(&self, lang: Lang) -> String {
        use ImportError::*;
        let es = lang == Lang::Es;
        match self {
            TooLarge { bytes } => {
                let mb = *bytes as f64 / 1_048_576.0;
                let max = MAX_RESULTS_BYTES / 1_048_576;
                if es {
                    format!("El archivo pesa {mb:.1} MB y el máximo es {max} MB. No parece un archivo de resultados.")
                } else {
                    format!("The file is {mb:.1} MB and the limit is {max} MB. It does not look like a results file.")
                }
            }
            NotJson => {
                if es {
                    "El archivo no se puede leer: no es un archivo JSON. Elige el archivo .json que exportó la aplicación.".into()
                } else {
                    "The file cannot be read: it is not a JSON file. Choose the .json file the app exported.".into()
                }
            }
            NotResultsFile => {
                if es {
                    "Este archivo JSON no es un archivo de resultados de MEGA IP.".into()
                } else {
                    "This JSON file is not a MEGA IP results file.".into()
                }
            }
            NewerFormat { found } => {
                if es {
                    format!("El archivo se hizo con una versión más nueva de la aplicación (formato {found}; esta lee hasta el {RESULTS_FORMAT}). Actualiza la aplicación e inténtalo de nuevo.")
                } else {
                    format!("The file was made with a newer version of the app (format {found}; this one reads up to {RESULTS_FORMAT}). Update the app and try again.")
                }
            }
            Shape { path } => {
                if es {
                    format!("El archivo está incompleto o dañado: el campo «{path}» falta o tiene un valor no válido.")
                } else {
                    format!("The file is incomplete or damaged: the field “{path}” is missing or has an invalid value.")
                }
            }
            UnknownModel { id, version } => {
                if es {
                    format!("El archivo usa el modelo «{id}» versión {version}, que no está en esta aplicación. Carga ese modelo primero con «Cargar otro modelo».")
                } else {
                    format!("The file uses the model “{id}” version {version}, which this app does not have. Load that model first with “Load another model”.")
                }
            }
            ModelChanged { id, version } => {
                if es {
                    format!("El archivo usa una variante del modelo «{id}» versión {version} con otro contenido que el de esta aplicación. Sus respuestas no se pueden leer con seguridad.")
                } else {
                    format!("The file uses a variant of the model “{id}” version {version} whose content differs from this app's. Its answers cannot be read safely.")
                }
            }
            UnknownCriteria(ids) => {
                if es {
                    format!(
                        "El archivo responde criterios que el modelo no tiene: {}.",
                        ids.join(", ")
                    )
                } else {
                    format!("The file answers criteria the model does not have: {}.", ids.join(", "))
                }
            }
            UnknownConditions(ids) => {
                if es {
                    format!(
                        "El archivo responde condiciones habilitantes que el modelo no tiene: {}.",
                        ids.join(", ")
                    )
                } else {
                    format!(
                        "The file answers enabling conditions the model does not have: {}.",
                        ids.join(", ")
                    )
                }
            }
            UnknownCanvas(ids) => {
                if es {
                    format!(
                        "El archivo tiene lienzos que esta aplicación no conoce: {}.",
                        ids.join(", ")
                    )
                } else {
                    format!("The file has canvases this app does not know: {}.", ids.join(", "))
                }
            }
        }
    }
}

/// A successfully read file.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub assessment: Assessment,
    /// The format the file was in, when it was older and had to be migrated.
    pub migrated_from: Option<u32>,
}

/// Reads a results file against the models the app has.
pub fn import(json: &str, models: &[Model], haga: &Haga) -> Result<Imported, ImportError> {
    if json.len() > MAX_RESULTS_BYTES {
        return Err(ImportError::TooLarge { bytes: json.len() });
    }
    let mut value: serde_json::Value = serde_json::from_str(json).map_err(|_| ImportError::NotJson)?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(RESULTS_KIND) {
        return Err(ImportError::NotResultsFile);
    }
    let format = value
        .get("format")
        .and_then(|f| f.as_u64())
        .ok_or(ImportError::Shape { path: "format".into() })? as u32;
    if format > RESULTS_FORMAT {
        return Err(ImportError::NewerFormat { found: format });
    }
    if format < RESULTS_FORMAT {
        value = migrate(value, format)?;
    }
    let file: ResultsFile = serde_path_to_error::deserialize(value).map_err(|e| ImportError::Shape {
        path: e.path().to_string(),
    })?;
    let assessment = file.assessment;
    let reference = &assessment.model;
    let model = models
        .iter()
        .find(|m| m.id == reference.id && m.version == reference.version)
        .ok_or_else(|| ImportError::UnknownModel {
            id: reference.id.clone(),
            version: reference.version.clone(),
        })?;
    if model.content_hash() != reference.hash {
        return Err(ImportError::ModelChanged {
            id: reference.id.clone(),
            version: reference.version.clone(),
        });
    }
    let unknown: Vec<String> = assessment
        .answers
        .keys()
        .filter(|id| model.criterion(id).is_none())
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Err(ImportError::UnknownCriteria(unknown));
    }
    let unknown: Vec<String> = assessment
        .conditions
        .keys()
        .filter(|id| !model.conditions.iter().any(|c| &c.id == *id))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Err(ImportError::UnknownConditions(unknown));
    }
    let unknown: Vec<String> = assessment
        .canvases
        .iter()
        .flat_map(|(m, fields)| match haga.methodology(m) {
            None => vec![m.clone()],
            Some(meth) => fields
                .keys()
                .filter(|f| !meth.canvas.fields.iter().any(|x| &x.id == *f))
                .map(|f| format!("{m}.{f}"))
                .collect(),
        })
        .collect();
    if !unknown.is_empty() {
        return Err(ImportError::UnknownCanvas(unknown));
    }
    Ok(Imported {
        assessment,
        migrated_from: (format < RESULTS_FORMAT).then_some(format),
    })
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
            // There was never a format 0 or below.
            _ => return Err(ImportError::Shape { path: "format".into() }),
        }
        format += 1;
        value["format"] = format.into();
    }
    Ok(value)
}

#[cfg(test)]
mod tests;
