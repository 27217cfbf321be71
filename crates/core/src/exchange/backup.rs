//! A copy of everything on the device in one file: "Guardar una copia" writes it, "Restaurar
//! una copia" reads it back, and the rescue page (`assets/rescue.js`, outside the wasm) writes
//! the same shape if the app ever stops working.
//!
//! Reading is per item: every assessment is checked like an import, and one that does not fit
//! is listed with its reason while the others come in. Values the device could not read are
//! carried as text (`unreadable`), so nothing is left behind.

use crate::answers::assessment::Assessment;
use crate::content::model::Model;
use crate::content::toolkit::Haga;
use crate::exchange::results::{check, ImportError, MAX_RESULTS_BYTES};
use serde::{Deserialize, Serialize};

pub const BACKUP_KIND: &str = "megaip-backup";
pub const BACKUP_FORMAT: u32 = 1;
/// A copy may hold many assessments, so it may be larger than one results file.
pub const MAX_BACKUP_BYTES: usize = 8 * MAX_RESULTS_BYTES;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub kind: String,
    pub format: u32,
    pub app_version: String,
    pub exported_at: String,
    /// Each one as the device stored it; read one by one.
    pub assessments: Vec<serde_json::Value>,
    /// The texts of the models the user loaded.
    #[serde(default)]
    pub models: Vec<String>,
    /// Saved values the device could not read, by storage key, as text.
    #[serde(default)]
    pub unreadable: Vec<Unreadable>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unreadable {
    pub key: String,
    pub text: String,
}

/// Builds the copy of a device.
pub fn build(assessments: &[&Assessment], models: &[String], app_version: &str, now: &str) -> Backup {
    Backup {
        kind: BACKUP_KIND.to_owned(),
        format: BACKUP_FORMAT,
        app_version: app_version.to_owned(),
        exported_at: now.to_owned(),
        assessments: assessments
            .iter()
            .filter_map(|a| serde_json::to_value(a).ok())
            .collect(),
        models: models.to_vec(),
        unreadable: Vec::new(),
    }
}

pub fn to_json(backup: &Backup) -> String {
    serde_json::to_string_pretty(backup).unwrap_or_default()
}

/// A file name for the copy: `copia-megaip-2026-03-01.json`.
pub fn file_name(now: &str) -> String {
    let date: String = now
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .take(10)
        .collect();
    format!("copia-megaip-{date}.json")
}

/// When this device last wrote a file with its data (a copy or a results file), and how many
/// answers it held then.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportMark {
    pub at_ms: u64,
    pub answers: usize,
}

const WEEK_MS: u64 = 7 * 24 * 60 * 60 * 1000;
/// Answers given since the last copy before the app suggests another.
pub const ANSWERS_BEFORE_REMINDER: usize = 30;

/// Whether to suggest "Guardar una copia": the last export is more than a week old and thirty
/// answers have been given since (or nothing was ever exported and thirty answers exist).
pub fn copy_is_due(last: Option<&ExportMark>, now_ms: u64, answers: usize) -> bool {
    match last {
        None => answers >= ANSWERS_BEFORE_REMINDER,
        Some(m) => {
            now_ms.saturating_sub(m.at_ms) > WEEK_MS && answers.saturating_sub(m.answers) >= ANSWERS_BEFORE_REMINDER
        }
    }
}

/// Why a copy could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    TooLarge { bytes: usize },
    NotJson,
    NotABackup,
    NewerFormat { found: u64 },
}

/// What a copy brings back.
#[derive(Debug, Default, PartialEq)]
pub struct Restored {
    pub assessments: Vec<Assessment>,
    /// Model texts that validate.
    pub models: Vec<String>,
    /// Assessments that could not come in: their position in the file and why.
    pub refused: Vec<(usize, ImportError)>,
    /// How many model texts did not validate.
    pub bad_models: usize,
}

/// Reads a copy. `models` are the models the app has; valid models in the copy are used too.
pub fn read(json: &str, models: &[&Model], haga: Option<&Haga>) -> Result<Restored, BackupError> {
    if json.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge { bytes: json.len() });
    }
    let value: serde_json::Value = serde_json::from_str(json).map_err(|_| BackupError::NotJson)?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(BACKUP_KIND) {
        return Err(BackupError::NotABackup);
    }
    match value.get("format").and_then(|f| f.as_u64()) {
        Some(f) if f > u64::from(BACKUP_FORMAT) => return Err(BackupError::NewerFormat { found: f }),
        Some(_) => {}
        None => return Err(BackupError::NotABackup),
    }
    let backup: Backup = serde_json::from_value(value).map_err(|_| BackupError::NotABackup)?;
    let mut restored = Restored::default();
    let mut own: Vec<Model> = Vec::new();
    for text in backup.models {
        match Model::parse(&text) {
            Ok(m) => {
                own.push(m);
                restored.models.push(text);
            }
            Err(_) => restored.bad_models += 1,
        }
    }
    let mut all: Vec<&Model> = models.to_vec();
    all.extend(own.iter());
    for (i, raw) in backup.assessments.into_iter().enumerate() {
        let assessment: Assessment = match serde_json::from_value(raw) {
            Ok(a) => a,
            Err(_) => {
                restored.refused.push((
                    i,
                    ImportError::Shape {
                        path: format!("assessments[{i}]"),
                    },
                ));
                continue;
            }
        };
        match check(&assessment, &all, haga) {
            Ok(()) => {
                let mut a = assessment;
                a.enforce_limits();
                restored.assessments.push(a);
            }
            Err(e) => restored.refused.push((i, e)),
        }
    }
    Ok(restored)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn a_copy_round_trips_and_bad_items_are_listed_not_fatal() {
        let model = mega();
        let mut a = new_assessment(&model, "a-1");
        set(&mut a, "T-INF-1", Some("yes"));
        let b = new_assessment(&model, "a-2");
        let mut copy = build(&[&a, &b], &[], "0.1.0", NOW);
        copy.assessments.push(serde_json::json!({"id": "roto"}));
        let mut bad = serde_json::to_value(&a).unwrap();
        bad["answers"]["T-INF-1"]["value"] = serde_json::json!("maybe");
        copy.assessments.push(bad);
        let restored = read(&to_json(&copy), &[&model], Some(&haga())).unwrap();
        assert_eq!(restored.assessments, vec![a, b]);
        assert_eq!(restored.refused.len(), 2);
        assert!(matches!(restored.refused[1].1, ImportError::UnknownOptions(_)));
        assert_eq!(file_name("2026-03-01T10:00:00Z"), "copia-megaip-2026-03-01.json");
    }

    #[test]
    fn a_copy_is_suggested_after_a_week_and_thirty_answers() {
        let day = 24 * 60 * 60 * 1000;
        assert!(!copy_is_due(None, 0, 29));
        assert!(copy_is_due(None, 0, 30));
        let mark = ExportMark { at_ms: 0, answers: 10 };
        assert!(!copy_is_due(Some(&mark), 8 * day, 39), "a week, but 29 answers");
        assert!(!copy_is_due(Some(&mark), 6 * day, 40), "30 answers, but six days");
        assert!(copy_is_due(Some(&mark), 8 * day, 40));
    }

    #[test]
    fn other_files_are_refused_plainly() {
        let model = mega();
        assert_eq!(read("{", &[&model], None), Err(BackupError::NotJson));
        assert_eq!(
            read(r#"{"kind":"megaip-results"}"#, &[&model], None),
            Err(BackupError::NotABackup)
        );
        assert_eq!(
            read(r#"{"kind":"megaip-backup","format":99}"#, &[&model], None),
            Err(BackupError::NewerFormat { found: 99 })
        );
    }

    /// The copy the rescue page writes (`assets/rescue.js`) is read by the app.
    #[test]
    fn the_rescue_pages_copy_is_read() {
        let model = mega();
        let a = new_assessment(&model, "a-9");
        let json = serde_json::json!({
            "kind": "megaip-backup", "format": 1, "app_version": "rescue", "exported_at": "2026-03-01T10:00:00.000Z",
            "assessments": [a], "models": [], "unreadable": [{"key": "megaip.prefs.v1", "text": "{roto"}]
        });
        let restored = read(&json.to_string(), &[&model], None).unwrap();
        assert_eq!(restored.assessments.len(), 1);
    }
}
