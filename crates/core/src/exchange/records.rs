//! Assessments in storage: one record per assessment, each with a revision, plus an index.
//!
//! A window writes a record only when *that* assessment changed, and only over the revision it
//! last read: [`write`] refuses a stale write with [`WriteError::Stale`], handing back what is
//! stored, so the window can replay its own unsaved changes on top
//! (`Assessment::rebase`) and write again. Two windows therefore never silently overwrite each
//! other, and nothing typed is lost.
//!
//! Stored assessments are checked like imports ([`crate::exchange::results::check`]): one whose
//! model is missing, or that names criteria or options its model does not have, is set aside
//! and reported, never deleted. The old whole-workspace keys (`assessments.v2`, `.v1`) are
//! migrated on first start: every record is written and read back before the old key goes.

use crate::answers::assessment::Assessment;
use crate::base::ids::AssessmentId;
use crate::content::model::Model;
use crate::content::toolkit::Haga;
use crate::exchange::keys;
use crate::exchange::results::{check, ImportError};
use crate::exchange::storage::{encode, keep_aside, load_raw, Backend, LoadError, SaveError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One assessment as stored, with the number of times it has been written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub revision: u64,
    pub assessment: Assessment,
}

/// Why a stored assessment was not opened. It is still where it was.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordProblem {
    /// The saved text is not an assessment; a copy was kept aside.
    Corrupt { key: String },
    /// It reads, but does not fit the models the app has.
    Invalid { key: String, error: ImportError },
    /// Storage could not be read.
    Unreadable,
}

/// What [`load_all`] found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<Record>,
    pub problems: Vec<RecordProblem>,
    /// How many assessments were moved from an older storage format on this start.
    pub migrated: usize,
    /// The old key could not be migrated (it was left in place).
    pub migration_failed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum WriteError {
    /// Another window wrote this assessment since this one read it: here is what it wrote.
    Stale(Box<Record>),
    Save(SaveError),
}

#[derive(Deserialize)]
struct LegacyWorkspace {
    assessments: Vec<Assessment>,
}

/// Reads every assessment on the device (migrating old keys first).
pub fn load_all<B: Backend + ?Sized>(b: &mut B, models: &[&Model], haga: Option<&Haga>) -> Loaded {
    let mut loaded = Loaded::default();
    match migrate_legacy(b) {
        Ok(n) => loaded.migrated = n,
        Err(()) => loaded.migration_failed = true,
    }
    let mut ids: BTreeSet<String> = match load_raw::<Vec<AssessmentId>, B>(b, &keys::ASSESSMENT_INDEX.storage_key()) {
        Ok(ids) => ids.unwrap_or_default().into_iter().map(|i| i.to_string()).collect(),
        Err(LoadError::Corrupt { key, .. }) => {
            loaded.problems.push(RecordProblem::Corrupt { key });
            BTreeSet::new()
        }
        Err(LoadError::Unreadable(_)) => {
            loaded.problems.push(RecordProblem::Unreadable);
            BTreeSet::new()
        }
    };
    // A record written just before a crash may be missing from the index: find it anyway.
    if let Ok(all) = b.keys() {
        ids.extend(all.iter().filter_map(|k| keys::assessment_id(k)).map(str::to_owned));
    }
    for id in ids {
        let key = keys::assessment(&id);
        match load_raw::<Record, B>(b, &key) {
            Ok(Some(mut record)) => match check(&record.assessment, models, haga) {
                Ok(()) if record.assessment.id().as_str() == id => {
                    // Saved by an older version or edited by hand: the same limits as an import,
                    // so whatever is on the device can always be exported and read back.
                    record.assessment.enforce_limits();
                    loaded.records.push(record)
                }
                Ok(()) => loaded.problems.push(RecordProblem::Invalid {
                    key,
                    error: ImportError::Shape {
                        path: "assessment.id".into(),
                    },
                }),
                Err(error) => loaded.problems.push(RecordProblem::Invalid { key, error }),
            },
            Ok(None) => {}
            Err(LoadError::Corrupt { key, .. }) => loaded.problems.push(RecordProblem::Corrupt { key }),
            Err(LoadError::Unreadable(_)) => loaded.problems.push(RecordProblem::Unreadable),
        }
    }
    loaded
}

/// The record of one assessment as stored now.
pub fn read<B: Backend + ?Sized>(b: &mut B, id: &str) -> Result<Option<Record>, LoadError> {
    load_raw(b, &keys::assessment(id))
}

/// Writes `assessment` over revision `base` (0 for a new one) and returns the new revision.
pub fn write<B: Backend + ?Sized>(b: &mut B, assessment: &Assessment, base: u64) -> Result<u64, WriteError> {
    let key = keys::assessment(assessment.id());
    match load_raw::<Record, B>(b, &key) {
        Ok(Some(stored)) if stored.revision != base => return Err(WriteError::Stale(Box::new(stored))),
        // A corrupt record was kept aside by `load_raw`; writing over it loses nothing.
        Ok(_) | Err(LoadError::Corrupt { .. }) => {}
        Err(LoadError::Unreadable(e)) => return Err(WriteError::Save(e.into())),
    }
    let record = Record {
        revision: base + 1,
        assessment: assessment.clone(),
    };
    let text = encode(&record).map_err(WriteError::Save)?;
    b.set(&key, &text).map_err(|e| WriteError::Save(e.into()))?;
    index_update(b, |ids| {
        ids.insert(assessment.id().to_string());
    })
    .map_err(WriteError::Save)?;
    Ok(record.revision)
}

/// Removes an assessment from the device.
pub fn delete<B: Backend + ?Sized>(b: &mut B, id: &str) -> Result<(), SaveError> {
    index_update(b, |ids| {
        ids.remove(id);
    })?;
    b.remove(&keys::assessment(id)).map_err(SaveError::from)
}

fn index_update<B: Backend + ?Sized>(b: &mut B, change: impl FnOnce(&mut BTreeSet<String>)) -> Result<(), SaveError> {
    let key = keys::ASSESSMENT_INDEX.storage_key();
    // Read fresh every time: another window may have added or removed ids since.
    let mut ids: BTreeSet<String> = load_raw::<Vec<String>, B>(b, &key)
        .ok()
        .flatten()
        .unwrap_or_default()
        .into_iter()
        .collect();
    change(&mut ids);
    let list: Vec<&String> = ids.iter().collect();
    b.set(&key, &encode(&list)?).map_err(SaveError::from)
}

/// Moves the old whole-workspace value into one record per assessment. Does nothing once the
/// index exists. The old key is removed only after every record was written and read back.
fn migrate_legacy<B: Backend + ?Sized>(b: &mut B) -> Result<usize, ()> {
    let index = keys::ASSESSMENT_INDEX.storage_key();
    if b.get(&index).ok().flatten().is_some() {
        return Ok(0);
    }
    for old in [keys::ASSESSMENTS_V2, keys::ASSESSMENTS_V1] {
        let old_key = old.storage_key();
        let Ok(Some(raw)) = b.get(&old_key) else { continue };
        let Ok(workspace) = serde_json::from_str::<LegacyWorkspace>(&raw) else {
            keep_aside(b, &old_key, &raw);
            return Err(());
        };
        let mut all_back = true;
        for a in &workspace.assessments {
            let written = match write(b, a, 0) {
                Ok(_) => true,
                // Written by an earlier start that stopped half-way.
                Err(WriteError::Stale(stored)) => stored.assessment == *a,
                Err(WriteError::Save(_)) => false,
            };
            let back = read(b, a.id()).ok().flatten().is_some_and(|r| r.assessment == *a);
            all_back &= written && back;
        }
        if !all_back {
            return Err(());
        }
        let _ = b.remove(&old_key);
        if old == keys::ASSESSMENTS_V2 {
            let _ = b.remove(&keys::ASSESSMENTS_V1.storage_key());
        }
        return Ok(workspace.assessments.len());
    }
    Ok(0)
}

#[cfg(test)]
mod tests;
