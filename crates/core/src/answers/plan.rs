//! The action plan ("Plan de acción") as data: its steps and the team's edits to them. How a plan
//! is generated from the recommendations is `analysis::plan_gen`; the rules in words are in
//! `docs/recommendations.md`.
//!
//! Three phases, as in UNIT's Impulso Local: **design** (the enabling conditions), **co-design
//! with citizens** (one methodology per pillar), and **implementation support and monitoring**
//! (the criteria missing for each pillar's next stage, with the tools and experiences that help,
//! and a final step to reassess). A step already half done (answered Parcial) is an **early
//! win**; the rest is **medium term**.
//!
//! Steps carry what they are about (a condition, a criterion, a methodology), not a sentence, so
//! the plan reads in the current language. Regenerating after new answers keeps what the team
//! wrote (owner, date, status, notes) on every step that is still in the plan.

use crate::base::ids::{ConditionId, CriterionId, PillarId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Design,
    CoDesign,
    Implementation,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Design, Phase::CoDesign, Phase::Implementation];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    EarlyWin,
    MediumTerm,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Pending,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Pending, Status::InProgress, Status::Done];
}

/// What a step is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Subject {
    Condition { condition: ConditionId },
    Methodology { methodology: String, pillar: PillarId },
    Criterion { criterion: CriterionId },
    Reassess,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanStep {
    /// Stable across regenerations: derived from the subject.
    pub id: String,
    pub phase: Phase,
    pub horizon: Horizon,
    pub subject: Subject,
    /// HAGA tools and experiences that help with this step.
    #[serde(default)]
    pub tools: Vec<String>,
    #[serde(default)]
    pub experiences: Vec<String>,
    #[serde(default)]
    pub owner: String,
    /// Target date, `YYYY-MM-DD`.
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub generated_at: String,
    pub steps: Vec<PlanStep>,
}

/// Which part of a step an edit changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepEdit {
    Owner(String),
    Due(String),
    Status(Status),
    Notes(String),
}

impl Plan {
    /// A new plan that keeps the team's edits on steps that are still there.
    pub fn regenerate(&self, fresh: Plan) -> Plan {
        let steps = fresh
            .steps
            .into_iter()
            .map(|mut s| {
                if let Some(old) = self.steps.iter().find(|o| o.id == s.id) {
                    s.owner.clone_from(&old.owner);
                    s.due.clone_from(&old.due);
                    s.status = old.status;
                    s.notes.clone_from(&old.notes);
                }
                s
            })
            .collect();
        Plan {
            generated_at: fresh.generated_at,
            steps,
        }
    }

    /// Steps of a phase, early wins first, in generation order otherwise.
    pub fn phase(&self, phase: Phase) -> Vec<&PlanStep> {
        let mut steps: Vec<&PlanStep> = self.steps.iter().filter(|s| s.phase == phase).collect();
        steps.sort_by_key(|s| s.horizon);
        steps
    }

    pub fn edit(&mut self, id: &str, edit: StepEdit) {
        if let Some(s) = self.steps.iter_mut().find(|s| s.id == id) {
            match edit {
                StepEdit::Owner(v) => s.owner = v,
                StepEdit::Due(v) => s.due = v,
                StepEdit::Status(v) => s.status = v,
                StepEdit::Notes(v) => s.notes = v,
            }
        }
    }
}

impl PlanStep {
    /// A step with nothing filled in yet.
    pub fn new(id: String, phase: Phase, horizon: Horizon, subject: Subject) -> Self {
        PlanStep {
            id,
            phase,
            horizon,
            subject,
            tools: vec![],
            experiences: vec![],
            owner: String::new(),
            due: String::new(),
            status: Status::Pending,
            notes: String::new(),
        }
    }
}
