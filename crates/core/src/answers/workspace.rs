//! The assessments on a device, and what a user does with them as a whole: list, create,
//! duplicate (to reassess next year), delete, and import a file with a conflict policy.

use crate::answers::assessment::{Assessment, Change};
use crate::base::ids::AssessmentId;

/// What to do with an imported assessment whose id is already on the device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportPolicy {
    /// Put the file's version in place of the one on the device.
    Replace,
    /// Keep both: the file's version comes in under this new id.
    KeepBoth(AssessmentId),
}

/// All assessments on this device, newest first in [`Workspace::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workspace {
    assessments: Vec<Assessment>,
}

impl Workspace {
    pub fn new(assessments: Vec<Assessment>) -> Self {
        Workspace { assessments }
    }

    pub fn all(&self) -> &[Assessment] {
        &self.assessments
    }

    pub fn list(&self) -> Vec<&Assessment> {
        let mut all: Vec<&Assessment> = self.assessments.iter().collect();
        all.sort_by(|a, b| b.updated_at().cmp(a.updated_at()).then_with(|| a.id().cmp(b.id())));
        all
    }

    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id() == id)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Applies a change to one assessment; returns whether it exists.
    pub fn apply(&mut self, id: &str, change: &Change, now: &str) -> bool {
        match self.assessments.iter_mut().find(|a| a.id() == id) {
            Some(a) => {
                a.apply(change, now);
                true
            }
            None => false,
        }
    }

    /// Puts `assessment` in place of the one with the same id, or adds it.
    pub fn put(&mut self, assessment: Assessment) {
        match self.assessments.iter_mut().find(|a| a.id() == assessment.id()) {
            Some(existing) => *existing = assessment,
            None => self.assessments.push(assessment),
        }
    }

    pub fn delete(&mut self, id: &str) -> bool {
        let before = self.assessments.len();
        self.assessments.retain(|a| a.id() != id);
        self.assessments.len() != before
    }

    /// Adds a copy of `id` under `new_id`; returns the copy's id when `id` existed.
    pub fn duplicate(&mut self, id: &str, new_id: AssessmentId, now: &str) -> Option<AssessmentId> {
        let copy = self.get(id)?.duplicate(new_id, now);
        let copy_id = copy.id().clone();
        self.assessments.push(copy);
        Some(copy_id)
    }

    /// Whether importing `assessment` needs the user to choose a policy.
    pub fn conflicts(&self, assessment: &Assessment) -> bool {
        self.contains(assessment.id())
    }

    /// Brings in an imported assessment with the policy the user chose; returns its id here.
    pub fn import(&mut self, assessment: Assessment, policy: ImportPolicy) -> AssessmentId {
        let assessment = match policy {
            ImportPolicy::Replace => assessment,
            ImportPolicy::KeepBoth(new_id) => assessment.with_id(new_id),
        };
        let id = assessment.id().clone();
        self.put(assessment);
        id
    }
}
