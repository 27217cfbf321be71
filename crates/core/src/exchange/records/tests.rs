//! Records: two windows on one storage never overwrite each other; old keys migrate; stored
//! assessments that do not fit their model are set aside, not deleted.

use super::*;
use crate::answers::assessment::{Change, Edit};
use crate::exchange::storage::MemoryBackend;
use crate::testing::*;

#[test]
fn a_stale_write_is_refused_and_the_changes_merge() {
    let model = mega();
    let mut storage = MemoryBackend::default();
    let a = new_assessment(&model, "a-1");
    let rev = write(&mut storage, &a, 0).unwrap();
    assert_eq!(rev, 1);

    // Window B answers T-INF-2 and saves.
    let mut in_b = a.clone();
    set(&mut in_b, "T-INF-2", Some("no"));
    assert_eq!(write(&mut storage, &in_b, 1), Ok(2));

    // Window A, still at revision 1, answered T-INF-1 and wrote a note.
    let mine = vec![
        Change::Answer("T-INF-1".into(), Edit::Value(Some("yes".into()))),
        Change::Answer("T-INF-1".into(), Edit::Note("nota de A".into())),
    ];
    let mut in_a = a.clone();
    for c in &mine {
        in_a.apply(c, NOW);
    }
    let Err(WriteError::Stale(stored)) = write(&mut storage, &in_a, 1) else {
        panic!("a write over an old revision must be refused")
    };
    assert_eq!(stored.revision, 2);
    let merged = Assessment::rebase(&stored.assessment, &mine, NOW);
    assert_eq!(write(&mut storage, &merged, stored.revision), Ok(3));

    let back = read(&mut storage, "a-1").unwrap().unwrap();
    assert_eq!(back.assessment.value("T-INF-1").map(|v| v.as_str()), Some("yes"));
    assert_eq!(back.assessment.value("T-INF-2").map(|v| v.as_str()), Some("no"));
    assert_eq!(back.assessment.answer("T-INF-1").unwrap().note, "nota de A");
}

#[test]
fn one_key_per_assessment_and_an_index() {
    let model = mega();
    let mut storage = MemoryBackend::default();
    for id in ["a-1", "a-2", "a-3"] {
        write(&mut storage, &new_assessment(&model, id), 0).unwrap();
    }
    delete(&mut storage, "a-2").unwrap();
    let loaded = load_all(&mut storage, &[&model], Some(&haga()));
    let ids: Vec<&str> = loaded.records.iter().map(|r| r.assessment.id().as_str()).collect();
    assert_eq!(ids, ["a-1", "a-3"]);
    assert_eq!(
        storage.get("megaip.assessments.index.v3").unwrap().as_deref(),
        Some(r#"["a-1","a-3"]"#)
    );
    assert!(loaded.problems.is_empty());
}

#[test]
fn a_record_missing_from_the_index_is_still_found() {
    let model = mega();
    let mut storage = MemoryBackend::default();
    write(&mut storage, &new_assessment(&model, "a-1"), 0).unwrap();
    storage.set("megaip.assessments.index.v3", "[]").unwrap();
    let loaded = load_all(&mut storage, &[&model], Some(&haga()));
    assert_eq!(loaded.records.len(), 1);
}

#[test]
fn the_old_single_key_migrates_once_and_is_cleared_after_reading_back() {
    let model = mega();
    let mut storage = MemoryBackend::default();
    let mut a = new_assessment(&model, "a-old");
    set(&mut a, "T-INF-1", Some("partial"));
    let b = new_assessment(&model, "a-other");
    let old = serde_json::json!({ "assessments": [a, b] }).to_string();
    storage.set("megaip.assessments.v2", &old).unwrap();
    let loaded = load_all(&mut storage, &[&model], Some(&haga()));
    assert_eq!(loaded.migrated, 2);
    assert_eq!(loaded.records.len(), 2);
    assert_eq!(storage.get("megaip.assessments.v2").unwrap(), None);
    let again = load_all(&mut storage, &[&model], Some(&haga()));
    assert_eq!((again.migrated, again.records.len()), (0, 2));
}

#[test]
fn a_migration_that_cannot_finish_leaves_the_old_key() {
    let model = mega();
    let a = new_assessment(&model, "a-old");
    let old = serde_json::json!({ "assessments": [a] }).to_string();
    let mut storage = MemoryBackend::with_quota(old.len() + 60);
    storage.set("megaip.assessments.v2", &old).unwrap();
    let loaded = load_all(&mut storage, &[&model], Some(&haga()));
    assert!(loaded.migration_failed);
    assert_eq!(
        storage.get("megaip.assessments.v2").unwrap().as_deref(),
        Some(old.as_str())
    );
}

#[test]
fn stored_assessments_that_do_not_fit_are_set_aside_not_deleted() {
    let model = mega();
    let mut storage = MemoryBackend::default();
    let mut a = new_assessment(&model, "a-1");
    set(&mut a, "T-INF-1", Some("maybe"));
    write(&mut storage, &a, 0).unwrap();
    storage.set("megaip.assessment.a-2.v3", "{ roto").unwrap();
    let loaded = load_all(&mut storage, &[&model], Some(&haga()));
    assert!(loaded.records.is_empty());
    assert_eq!(loaded.problems.len(), 2);
    assert!(
        storage.get("megaip.assessment.a-1.v3").unwrap().is_some(),
        "never deleted"
    );
    assert_eq!(
        storage.get("megaip.quarantine.assessment.a-2.v3").unwrap().as_deref(),
        Some("{ roto")
    );
}
