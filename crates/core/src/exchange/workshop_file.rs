//! The workshop file: a whole workshop (its settings, every round's responses and tallies, the
//! group's decisions) in one versioned JSON file, exported by the facilitator's console and by
//! `megaip workshop merge -o`, and read back exactly.

use crate::answers::workshop::Workshop;
use serde::{Deserialize, Serialize};

pub const WORKSHOP_KIND: &str = "megaip-workshop";
/// Bump with a migration step in [`read`] and a fixture.
pub const WORKSHOP_FORMAT: u32 = 1;
pub const MAX_WORKSHOP_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkshopFile {
    pub kind: String,
    pub format: u32,
    pub app_version: String,
    pub exported_at: String,
    pub workshop: Workshop,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkshopFileError {
    TooLarge { bytes: usize },
    NotJson,
    NotAWorkshop,
    NewerFormat { found: u64 },
    Shape { path: String },
}

pub fn build(workshop: &Workshop, app_version: &str, now: &str) -> WorkshopFile {
    WorkshopFile {
        kind: WORKSHOP_KIND.to_owned(),
        format: WORKSHOP_FORMAT,
        app_version: app_version.to_owned(),
        exported_at: now.to_owned(),
        workshop: workshop.clone(),
    }
}

pub fn to_json(file: &WorkshopFile) -> String {
    serde_json::to_string_pretty(file).unwrap_or_default()
}

pub fn read(json: &str) -> Result<Workshop, WorkshopFileError> {
    if json.len() > MAX_WORKSHOP_BYTES {
        return Err(WorkshopFileError::TooLarge { bytes: json.len() });
    }
    let value: serde_json::Value = serde_json::from_str(json).map_err(|_| WorkshopFileError::NotJson)?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(WORKSHOP_KIND) {
        return Err(WorkshopFileError::NotAWorkshop);
    }
    match value.get("format").and_then(|f| f.as_u64()) {
        Some(f) if f > u64::from(WORKSHOP_FORMAT) => return Err(WorkshopFileError::NewerFormat { found: f }),
        Some(_) => {}
        None => return Err(WorkshopFileError::Shape { path: "format".into() }),
    }
    let file: WorkshopFile = serde_path_to_error::deserialize(value).map_err(|e| WorkshopFileError::Shape {
        path: e.path().to_string(),
    })?;
    Ok(file.workshop)
}

/// Every workshop saved on a device, by scanning its storage (unreadable ones are kept aside).
pub fn load_all<B: crate::exchange::storage::Backend + ?Sized>(b: &mut B) -> Vec<Workshop> {
    let keys: Vec<String> = b.keys().unwrap_or_default();
    let mut out: Vec<Workshop> = keys
        .iter()
        .filter(|k| crate::exchange::keys::workshop_code(k).is_some())
        .filter_map(|k| crate::exchange::storage::load_raw::<Workshop, B>(b, k).ok().flatten())
        .collect();
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    out
}

/// Saves one workshop under its own key.
pub fn save<B: crate::exchange::storage::Backend + ?Sized>(
    b: &mut B,
    workshop: &Workshop,
) -> Result<(), crate::exchange::storage::SaveError> {
    let text = crate::exchange::storage::encode(workshop)?;
    b.set(&crate::exchange::keys::workshop(&workshop.id), &text)
        .map_err(Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::workshop::{DecidedBy, Decision, Response, Scope};
    use crate::testing::*;

    /// A workshop with two rounds, a phone's notes and a decision after discussion.
    fn scripted() -> Workshop {
        let model = mega_v1();
        let mut w = Workshop::new("K7QX2M".into(), "a-1".into(), &model, Scope::default());
        w.facilitator = "Laura Gómez".into();
        let mut r = Response {
            participant: "P1".into(),
            ..Response::default()
        };
        r.answers.insert("T-INF-1".into(), "yes".into());
        r.notes.insert("T-INF-1".into(), "El acta está en la web".into());
        if let Some(round) = w.current_round() {
            round.add(r);
        }
        w.next_round(vec!["T-INF-1".into()]);
        w.decisions.insert(
            "T-INF-1".into(),
            Decision {
                option: "yes".into(),
                by: DecidedBy::Discussion,
                round: 2,
                rationale: "El portal tiene todas las categorías".into(),
                evidence: "https://example.gov.co/transparencia".into(),
                dissent: String::new(),
            },
        );
        w
    }

    #[test]
    fn a_workshop_file_round_trips_exactly() {
        let w = scripted();
        let text = to_json(&build(&w, "0.1.0", NOW));
        assert_eq!(read(&text), Ok(w.clone()));
        let mut storage = crate::exchange::storage::MemoryBackend::default();
        save(&mut storage, &w).unwrap();
        assert_eq!(load_all(&mut storage), vec![w]);
        // The published schema is the types', and accepts what the console exports.
        check_schema("schema/workshop.schema.json", schemars::schema_for!(WorkshopFile));
        let exported: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(validator("schema/workshop.schema.json").is_valid(&exported));
        assert_eq!(read("{}"), Err(WorkshopFileError::NotAWorkshop));
        assert_eq!(
            read(r#"{"kind":"megaip-workshop","format":2}"#),
            Err(WorkshopFileError::NewerFormat { found: 2 })
        );
    }

    /// Every workshop format ever shipped has a fixture that still reads; the current one is
    /// exactly what the app writes today (written once over a `{}` placeholder, never edited).
    #[test]
    fn the_current_fixture_is_what_the_app_writes() {
        let path = format!(
            "{}/tests/fixtures/workshops/workshop-v{WORKSHOP_FORMAT}.json",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../..")
        );
        let written = to_json(&build(&scripted(), "0.1.0", NOW)) + "\n";
        let placeholder = std::fs::read_to_string(&path).is_ok_and(|s| s.trim() == "{}");
        if std::env::var_os("WRITE_FIXTURE").is_some() && placeholder {
            std::fs::write(&path, &written).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(read(&committed), Ok(scripted()), "fixtures are never edited");
    }
}
