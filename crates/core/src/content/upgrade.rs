//! A model upgrade as data: how each criterion of one version of a model maps to the next.
//!
//! A published model version is frozen: its hash names it in every results file, so a fix to
//! its criteria comes as a new version. The upgrade file next to the model
//! (`toolkits/mega-ip/upgrade-1.0.0-to-2.0.0.json`) says, for every criterion of the old version,
//! what became of it: the same question (`same`), the same question at another place (`moved`),
//! split into single questions (`split`), a different requirement (`changed`), now an enabling
//! condition (`to-condition`) or gone (`dropped`), with a sentence saying why. A criterion of the
//! new version that no line names is new.
//!
//! Carrying an assessment across is `answers::upgrade`; this module only reads the file and
//! checks it against the two models it joins ([`Upgrade::check`]), which the native tests run
//! over the bundled files.

use crate::base::ids::{ConditionId, CriterionId};
use crate::base::text::Text;
use crate::content::model::{Model, ModelRef};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The marker of upgrade files.
pub const UPGRADE_KIND: &str = "megaip-upgrade";

pub(crate) const MEGA_IP_1_TO_2: &str = include_str!("../../../../toolkits/mega-ip/upgrade-1.0.0-to-2.0.0.json");

/// What became of one criterion of the old version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// The same question, under the same id: the answer is carried.
    Same,
    /// The same question at another stage or pillar, under a new id: the answer is carried.
    Moved,
    /// Two or more single questions now: asked again.
    Split,
    /// A different requirement: the old answer no longer holds, so it is asked again.
    Changed,
    /// Now an enabling condition, answered in the conditions checklist.
    ToCondition,
    /// No longer in the model.
    Dropped,
}

impl How {
    /// Whether the old answer still answers the new question.
    pub fn carries(self) -> bool {
        matches!(self, How::Same | How::Moved)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub old: CriterionId,
    pub how: How,
    /// The criteria of the new version it became (one for `same` and `moved`).
    #[serde(default)]
    pub new: Vec<CriterionId>,
    /// For `to-condition`: the condition of the new version.
    #[serde(default)]
    pub condition: Option<ConditionId>,
    /// Why, in a sentence an official reads in the upgrade summary; required unless `same`.
    #[serde(default)]
    pub why: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct UpgradeFile {
    format: u32,
    kind: String,
    model: String,
    from: String,
    to: String,
    summary: Text,
    criteria: Vec<Mapping>,
}

/// The upgrade from version `from` of model `model` to version `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Upgrade {
    pub model: String,
    pub from: String,
    pub to: String,
    /// What changed, in a sentence or two.
    pub summary: Text,
    pub criteria: Vec<Mapping>,
}

impl Upgrade {
    /// Reads an upgrade file. Its meaning is checked against the two models by [`Upgrade::check`].
    pub fn parse(json: &str) -> Result<Upgrade, String> {
        let file: UpgradeFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if file.format != 1 || file.kind != UPGRADE_KIND {
            return Err(format!("not an upgrade file of format 1 (kind {:?})", file.kind));
        }
        Ok(Upgrade {
            model: file.model,
            from: file.from,
            to: file.to,
            summary: file.summary,
            criteria: file.criteria,
        })
    }

    /// The upgrades bundled with the app, oldest first. Their files are checked against the
    /// bundled models by the native tests.
    pub fn bundled() -> Result<Vec<Upgrade>, String> {
        Ok(vec![Upgrade::parse(MEGA_IP_1_TO_2)?])
    }

    /// The upgrade among `upgrades` that starts from `model`, if any.
    pub fn from_model<'u>(upgrades: &'u [Upgrade], model: &ModelRef) -> Option<&'u Upgrade> {
        upgrades.iter().find(|u| u.starts_from(model))
    }

    /// The questions of the new version an upgraded assessment has to answer: those split or
    /// changed, and those with no past at all.
    pub fn asked_again<'m>(&self, new: &'m Model) -> Vec<&'m CriterionId> {
        let again: BTreeSet<&str> = self
            .criteria
            .iter()
            .filter(|m| matches!(m.how, How::Split | How::Changed))
            .flat_map(|m| m.new.iter().map(|c| c.as_str()))
            .collect();
        let mut out: Vec<&CriterionId> = new
            .criteria()
            .iter()
            .map(|c| &c.id)
            .filter(|id| again.contains(id.as_str()))
            .collect();
        out.extend(self.new_criteria(new));
        out.sort();
        out.dedup();
        out
    }

    /// Whether this upgrade starts from the model an assessment was made with.
    pub fn starts_from(&self, model: &ModelRef) -> bool {
        model.id == self.model && model.version == self.from
    }

    /// Whether it leads to `model`.
    pub fn leads_to(&self, model: &Model) -> bool {
        model.id() == self.model && model.version() == self.to
    }

    /// What became of an old criterion.
    pub fn mapping(&self, old: &str) -> Option<&Mapping> {
        self.criteria.iter().find(|m| m.old.as_str() == old)
    }

    /// The criteria of the new version no line leads to: questions with no past at all.
    pub fn new_criteria<'m>(&self, new: &'m Model) -> Vec<&'m CriterionId> {
        let mapped: BTreeSet<&str> = self
            .criteria
            .iter()
            .flat_map(|m| m.new.iter().map(|c| c.as_str()))
            .collect();
        new.criteria()
            .iter()
            .map(|c| &c.id)
            .filter(|id| !mapped.contains(id.as_str()))
            .collect()
    }

    /// Everything wrong with this upgrade as a bridge from `old` to `new` (empty when it is
    /// sound): every old criterion mapped exactly once, every target present, a carried answer
    /// landing on a question with the same options, a reason for every change.
    pub fn check(&self, old: &Model, new: &Model) -> Vec<String> {
        let mut out = Vec::new();
        if old.id() != self.model || old.version() != self.from {
            out.push(format!(
                "the upgrade starts from {} {}, not from {} {}",
                self.model,
                self.from,
                old.id(),
                old.version()
            ));
        }
        if !self.leads_to(new) {
            out.push(format!(
                "the upgrade leads to {} {}, not to {} {}",
                self.model,
                self.to,
                new.id(),
                new.version()
            ));
        }
        let mut seen = BTreeSet::new();
        let mut targets = BTreeSet::new();
        for m in &self.criteria {
            let at = format!("criterion {}", m.old);
            if !seen.insert(m.old.as_str()) {
                out.push(format!("{at} is mapped twice"));
            }
            let Some(before) = old.criterion(&m.old) else {
                out.push(format!("{at} is not in version {}", self.from));
                continue;
            };
            for n in &m.new {
                if new.criterion(n).is_none() {
                    out.push(format!("{at} leads to {n}, which is not in version {}", self.to));
                }
            }
            let needs_new = !matches!(m.how, How::ToCondition | How::Dropped);
            if needs_new && m.new.is_empty() {
                out.push(format!("{at} is {:?} but names no new criterion", m.how));
            }
            if !needs_new && !m.new.is_empty() {
                out.push(format!("{at} is {:?} and must not name new criteria", m.how));
            }
            if m.how.carries() {
                if m.new.len() != 1 {
                    out.push(format!(
                        "{at} carries its answer, so it must lead to exactly one criterion"
                    ));
                }
                for n in &m.new {
                    if !targets.insert(n.as_str()) {
                        out.push(format!("{n} receives two carried answers"));
                    }
                    if let Some(after) = new.criterion(n) {
                        let options = |model: &Model, c| -> Vec<String> {
                            model.scale_of(c).options.iter().map(|o| o.id.to_string()).collect()
                        };
                        if options(old, before) != options(new, after) {
                            out.push(format!("{at} carries its answer to {n}, whose options differ"));
                        }
                    }
                }
            }
            if m.how == How::Same && m.new.first().is_some_and(|n| n.as_str() != m.old.as_str()) {
                out.push(format!("{at} is the same question but changes its id; use moved"));
            }
            if m.how == How::Moved && m.new.first().is_some_and(|n| n.as_str() == m.old.as_str()) {
                out.push(format!(
                    "{at} is moved but keeps its id; a moved question gets a new id"
                ));
            }
            match (m.how, &m.condition) {
                (How::ToCondition, None) => out.push(format!("{at} becomes a condition but names none")),
                (How::ToCondition, Some(c)) if new.conditions().iter().all(|x| &x.id != c) => out.push(format!(
                    "{at} becomes condition {c}, which is not in version {}",
                    self.to
                )),
                (How::ToCondition, Some(_)) => {}
                (_, Some(_)) => out.push(format!("{at} names a condition but is {:?}", m.how)),
                (_, None) => {}
            }
            let why_missing = m.why.as_ref().is_none_or(|w| old.languages().iter().any(|l| !w.has(l)));
            if m.how != How::Same && why_missing {
                out.push(format!("{at} changes ({:?}) without a reason in every language", m.how));
            }
        }
        for c in old.criteria() {
            if !seen.contains(c.id.as_str()) {
                out.push(format!("criterion {} of version {} is not mapped", c.id, self.from));
            }
        }
        // An id kept in the new version must be the same question: reusing it for another
        // requirement would carry answers silently.
        for c in new.criteria() {
            if old.criterion(&c.id).is_some() && self.mapping(&c.id).is_some_and(|m| m.how != How::Same) {
                out.push(format!(
                    "{} is reused in version {} for another question",
                    c.id, self.to
                ));
            }
        }
        if old.languages().iter().any(|l| !self.summary.has(l)) {
            out.push("the summary is missing in a language".to_owned());
        }
        out
    }
}
