//! Carrying an assessment to a new version of its model.
//!
//! [`carry`] makes a new assessment on the new version from an old one and the upgrade file
//! (`content::upgrade`): the answer, note and link of every question that is the same (or only
//! moved) are carried; a question split or changed is asked again, with the old note and link
//! kept next to it so nobody retypes them; enabling conditions, canvases, the profile and the
//! name are carried as they are; plan steps follow their criterion or leave the plan. The old
//! assessment is never touched: the caller keeps it, so the previous version still opens
//! exactly as it was. [`Carried`] lists what happened to each question, for the summary.

use crate::answers::assessment::{Answer, Assessment, MAX_NOTE_CHARS};
use crate::answers::plan::{criterion_step_id, Subject};
use crate::base::ids::{AssessmentId, ConditionId, CriterionId};
use crate::content::model::Model;
use crate::content::upgrade::{How, Upgrade};

/// What the upgrade did, question by question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Carried {
    /// Answered before, answer carried to the same question.
    pub same: Vec<CriterionId>,
    /// Answered before, answer carried to the question's new place: (old, new).
    pub moved: Vec<(CriterionId, CriterionId)>,
    /// To answer again: split or changed questions, (old, the new ones).
    pub ask_again: Vec<(CriterionId, Vec<CriterionId>)>,
    /// Now enabling conditions: (old, condition).
    pub to_condition: Vec<(CriterionId, ConditionId)>,
    /// No longer in the model.
    pub dropped: Vec<CriterionId>,
    /// Questions the new version adds.
    pub new: Vec<CriterionId>,
    /// Plan steps that left the plan because their criterion left the model.
    pub steps_removed: usize,
}

impl Carried {
    /// The questions the team has to answer in the new version: split, changed and new ones.
    pub fn to_answer(&self) -> Vec<&CriterionId> {
        let mut out: Vec<&CriterionId> = self.ask_again.iter().flat_map(|(_, n)| n).collect();
        out.extend(&self.new);
        out.sort();
        out.dedup();
        out
    }
}

/// The old assessment as a new one on `new_model`, under `id`. `upgrade` must lead from the
/// old assessment's model to `new_model` (the caller checks with `Upgrade::starts_from`).
pub fn carry(
    old: &Assessment,
    upgrade: &Upgrade,
    new_model: &Model,
    id: AssessmentId,
    now: &str,
) -> (Assessment, Carried) {
    let mut report = Carried::default();
    let mut next = Assessment::new(id, new_model, now).carried_from(old, now);
    for m in &upgrade.criteria {
        let before = old.answer(&m.old).filter(|a| !a.is_empty());
        match m.how {
            How::Same | How::Moved => {
                let Some(target) = m.new.first() else { continue };
                if let Some(a) = before {
                    // The check of the upgrade file guarantees the options match; an answer
                    // whose option is not there anyway (a hand-edited file) is asked again.
                    let fits = a.value.as_ref().is_none_or(|v| {
                        new_model
                            .criterion(target)
                            .and_then(|c| new_model.option_of(c, v))
                            .is_some()
                    });
                    if fits {
                        next.put_answer(target.clone(), a.clone());
                        if m.how == How::Same {
                            report.same.push(m.old.clone());
                        } else {
                            report.moved.push((m.old.clone(), target.clone()));
                        }
                    } else {
                        next.put_answer(target.clone(), keep_words(a));
                        report.ask_again.push((m.old.clone(), vec![target.clone()]));
                    }
                }
            }
            How::Split | How::Changed => {
                if let Some(a) = before {
                    let words = keep_words(a);
                    if !words.is_empty() {
                        for n in &m.new {
                            // Two old questions can lead to one new one: keep both notes.
                            let joined = join_words(next.answer(n), &words);
                            next.put_answer(n.clone(), joined);
                        }
                    }
                    report.ask_again.push((m.old.clone(), m.new.clone()));
                }
            }
            How::ToCondition => {
                if let (Some(_), Some(c)) = (before, &m.condition) {
                    report.to_condition.push((m.old.clone(), c.clone()));
                }
            }
            How::Dropped => {
                if before.is_some() {
                    report.dropped.push(m.old.clone());
                }
            }
        }
    }
    report.new = upgrade.new_criteria(new_model).into_iter().cloned().collect();
    for (c, a) in old.conditions() {
        let fits = new_model.condition(c).is_some_and(|cond| {
            a.value
                .as_ref()
                .is_none_or(|v| new_model.condition_scale(cond).option(v).is_some())
        });
        if fits {
            next.put_condition(c.clone(), a.clone());
        }
    }
    if let Some(plan) = old.plan() {
        let mut plan = plan.clone();
        let before = plan.steps.len();
        plan.steps.retain_mut(|step| {
            let Subject::Criterion { criterion } = &step.subject else {
                return true;
            };
            match upgrade.mapping(criterion) {
                Some(m) if m.how.carries() => match m.new.first() {
                    Some(n) => {
                        step.id = criterion_step_id(n);
                        step.subject = Subject::Criterion { criterion: n.clone() };
                        true
                    }
                    None => false,
                },
                _ => false,
            }
        });
        report.steps_removed = before - plan.steps.len();
        next.put_plan(plan);
    }
    (next, report)
}

/// An answer's note and link without its choice: what is kept of a question asked again.
fn keep_words(a: &Answer) -> Answer {
    Answer {
        value: None,
        note: a.note.clone(),
        evidence_url: a.evidence_url.clone(),
    }
}

/// The words of a question asked again, added to what another old question already left
/// there: both notes, one per paragraph, and the first link.
fn join_words(already: Option<&Answer>, words: &Answer) -> Answer {
    let Some(a) = already.filter(|a| !a.is_empty()) else {
        return words.clone();
    };
    let note = match (a.note.trim().is_empty(), words.note.trim().is_empty()) {
        (_, true) => a.note.clone(),
        (true, false) => words.note.clone(),
        (false, false) => {
            let both = format!("{}\n\n{}", a.note, words.note);
            both.chars().take(MAX_NOTE_CHARS).collect()
        }
    };
    let evidence_url = if a.evidence_url.is_empty() {
        words.evidence_url.clone()
    } else {
        a.evidence_url.clone()
    };
    Answer {
        value: None,
        note,
        evidence_url,
    }
}

#[cfg(test)]
mod tests;
