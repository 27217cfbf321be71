//! Every storage key the app uses, in one place.
//!
//! Keys carry their format version (`megaip.prefs.v1`): a new format gets a new key and old
//! keys are never reinterpreted; they are read once, migrated, and cleared after the new key is
//! written and read back (see [`crate::exchange::records`]).

use crate::exchange::storage::{Key, PREFIX};

/// The interface preferences (the chosen language).
pub const PREFS: Key = Key::new("prefs", 1);
/// Models the user loaded, as the texts of their files (re-validated on every start).
pub const MODELS: Key = Key::new("models", 2);
/// Before: the user's models as the app's own serialization of format-1 models.
pub const MODELS_V1: Key = Key::new("models", 1);
/// When the device last wrote its data to a file (`backup::ExportMark`).
pub const EXPORTS: Key = Key::new("exports", 1);
/// On the advisor's desk: assessments joined by hand to another municipality's history
/// (assessment id → place key).
pub const DESK_LINKS: Key = Key::new("desk.links", 1);
/// The ids of the assessments on this device, one record each under [`assessment`].
pub const ASSESSMENT_INDEX: Key = Key::new("assessments.index", 3);
/// Before: every assessment in one value, rewritten whole on each change (v2 added canvases
/// and the plan to v1).
pub const ASSESSMENTS_V2: Key = Key::new("assessments", 2);
pub const ASSESSMENTS_V1: Key = Key::new("assessments", 1);

/// Version of one assessment record.
pub const ASSESSMENT_VERSION: u32 = 3;

/// Where one assessment lives: `megaip.assessment.<id>.v3`.
pub fn assessment(id: &str) -> String {
    format!("{PREFIX}.assessment.{id}.v{ASSESSMENT_VERSION}")
}

/// Version of one workshop record.
pub const WORKSHOP_VERSION: u32 = 1;

/// Where one workshop lives: `megaip.workshop.<code>.v1`.
pub fn workshop(code: &str) -> String {
    format!("{PREFIX}.workshop.{code}.v{WORKSHOP_VERSION}")
}

/// The workshop code a storage key belongs to, if it is a workshop record's key.
pub fn workshop_code(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)?
        .strip_prefix(".workshop.")?
        .strip_suffix(".v1")
        .filter(|id| !id.is_empty())
}

/// A participant's own answers to a workshop, on their phone: `megaip.response.<code>.v1`.
pub fn response(code: &str) -> String {
    format!("{PREFIX}.response.{code}.v1")
}

/// The assessment id a storage key belongs to, if it is an assessment record's key.
pub fn assessment_id(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)?
        .strip_prefix(".assessment.")?
        .strip_suffix(".v3")
        .filter(|id| !id.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assessment_keys_round_trip() {
        assert_eq!(assessment("a-1"), "megaip.assessment.a-1.v3");
        assert_eq!(assessment_id("megaip.assessment.a-1.v3"), Some("a-1"));
        assert_eq!(assessment_id("megaip.assessments.index.v3"), None);
        assert_eq!(assessment_id("megaip.prefs.v1"), None);
        assert_eq!(ASSESSMENT_INDEX.storage_key(), "megaip.assessments.index.v3");
    }
}
