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

    #[test]
    fn a_workshop_file_round_trips_exactly() {
        let model = mega();
        let mut w = Workshop::new("K7QX2M".into(), "a-1".into(), &model, Scope::default());
        w.facilitator = "Laura Gómez".into();
        let mut r = Response {
            participant: "P1".into(),
            ..Response::default()
        };
        r.answers.insert("T-INF-1".into(), "yes".into());
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
        let text = to_json(&build(&w, "0.1.0", NOW));
        assert_eq!(read(&text), Ok(w.clone()));
        let mut storage = crate::exchange::storage::MemoryBackend::default();
        save(&mut storage, &w).unwrap();
        assert_eq!(load_all(&mut storage), vec![w]);
        assert_eq!(read("{}"), Err(WorkshopFileError::NotAWorkshop));
        assert_eq!(
            read(r#"{"kind":"megaip-workshop","format":2}"#),
            Err(WorkshopFileError::NewerFormat { found: 2 })
        );
    }
}
