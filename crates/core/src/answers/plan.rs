//! The action plan ("Plan de acción") as data: its steps and the team's edits to them. How a plan
//! is generated from the recommendations is `analysis::plan_gen`; the rules in words are in
//! `docs/recommendations.md`.
//!
//! Three phases, as in UNIT's Impulso Local: **design** (the enabling conditions), **co-design
//! with citizens** (one methodology per pillar), and **implementation support and monitoring**
//! (the criteria missing for each pillar's next stage, each with the tools and experiences that serve it,
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
    Condition {
        condition: ConditionId,
    },
    Methodology {
        methodology: String,
        pillar: PillarId,
    },
    Criterion {
        criterion: CriterionId,
    },
    Reassess,
    /// A step the team wrote itself.
    Custom {
        title: String,
    },
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
    /// For a criterion no tool or experience serves: the HAGA methodology to run instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methodologies: Vec<String>,
    #[serde(default)]
    pub owner: String,
    /// Target date, `YYYY-MM-DD`.
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub notes: String,
    /// What the step was for is now met (by today's answers). The step is kept, with what the
    /// team wrote in it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub achieved: bool,
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
    /// Renames a step the team wrote (other steps take their title from what they are about).
    Title(String),
}

/// What "update with today's results" changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refreshed {
    /// Steps whose subject is now met: kept and marked achieved.
    pub achieved: usize,
    /// Steps that were not in the plan before.
    pub new: usize,
}

/// The id of the step about a criterion: stable across regenerations and model upgrades.
pub fn criterion_step_id(criterion: &str) -> String {
    format!("criterion:{criterion}")
}

/// Longest text kept in a step's fields.
pub const MAX_STEP_CHARS: usize = 2000;

fn cut(s: &str) -> String {
    s.chars().take(MAX_STEP_CHARS).collect()
}

impl Plan {
    /// A fresh plan that keeps the team's work: every step still recommended keeps its owner,
    /// date, status and notes; a step about a criterion or condition that is no longer missing
    /// is kept and marked achieved (never deleted); the team's own steps stay as they are.
    pub fn regenerate(&self, fresh: Plan) -> (Plan, Refreshed) {
        let mut summary = Refreshed::default();
        let mut steps: Vec<PlanStep> = fresh
            .steps
            .into_iter()
            .map(|mut s| {
                match self.steps.iter().find(|o| o.id == s.id) {
                    Some(old) => {
                        s.owner.clone_from(&old.owner);
                        s.due.clone_from(&old.due);
                        s.status = old.status;
                        s.notes.clone_from(&old.notes);
                    }
                    None => summary.new += 1,
                }
                s
            })
            .collect();
        for old in &self.steps {
            if steps.iter().any(|s| s.id == old.id) {
                continue;
            }
            let mut kept = old.clone();
            if matches!(old.subject, Subject::Criterion { .. } | Subject::Condition { .. }) && !old.achieved {
                kept.achieved = true;
                summary.achieved += 1;
            }
            steps.push(kept);
        }
        (
            Plan {
                generated_at: fresh.generated_at,
                steps,
            },
            summary,
        )
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
                StepEdit::Owner(v) => s.owner = cut(&v),
                StepEdit::Due(v) => s.due = v.chars().take(10).collect(),
                StepEdit::Status(v) => s.status = v,
                StepEdit::Notes(v) => s.notes = cut(&v),
                StepEdit::Title(v) => {
                    if let Subject::Custom { title } = &mut s.subject {
                        *title = cut(&v);
                    }
                }
            }
        }
    }

    /// Adds a step the team wrote, in a phase; returns its id.
    pub fn add_custom(&mut self, phase: Phase, title: &str) -> String {
        let n = (1..)
            .find(|n| !self.steps.iter().any(|s| s.id == format!("custom:{n}")))
            .unwrap_or(0);
        let id = format!("custom:{n}");
        self.steps.push(PlanStep::new(
            id.clone(),
            phase,
            Horizon::MediumTerm,
            Subject::Custom { title: cut(title) },
        ));
        id
    }

    /// Removes a step the team wrote (generated steps are kept: their subject decides them).
    pub fn remove_custom(&mut self, id: &str) {
        self.steps
            .retain(|s| !(s.id == id && matches!(s.subject, Subject::Custom { .. })));
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
            methodologies: vec![],
            owner: String::new(),
            due: String::new(),
            status: Status::Pending,
            notes: String::new(),
            achieved: false,
        }
    }
}
