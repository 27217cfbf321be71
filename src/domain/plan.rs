//! The action plan ("Plan de acción"), generated from the recommendations and then edited by the
//! team. `docs/recommendations.md` states the rules in words.
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

use crate::domain::assessment::{AnswerValue, Assessment};
use crate::domain::haga::Haga;
use crate::domain::model::Model;
use crate::domain::prefs::Lang;
use crate::domain::recommend::Recommendations;
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
    Condition { condition: String },
    Methodology { methodology: String, pillar: String },
    Criterion { criterion: String },
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

fn horizon(answer: Option<AnswerValue>) -> Horizon {
    if answer == Some(AnswerValue::Partial) {
        Horizon::EarlyWin
    } else {
        Horizon::MediumTerm
    }
}

/// Builds a fresh plan from the recommendations.
pub fn generate(assessment: &Assessment, recs: &Recommendations, now: &str) -> Plan {
    let mut steps = Vec::new();
    for c in &recs.conditions {
        steps.push(step(
            format!("condition:{}", c.condition),
            Phase::Design,
            horizon(c.answer),
            Subject::Condition {
                condition: c.condition.clone(),
            },
        ));
    }
    for p in &recs.pillars {
        if let Some(m) = p.methodologies.first() {
            steps.push(step(
                format!("methodology:{}:{}", p.pillar, m.id),
                Phase::CoDesign,
                Horizon::MediumTerm,
                Subject::Methodology {
                    methodology: m.id.clone(),
                    pillar: p.pillar.clone(),
                },
            ));
        }
    }
    for p in &recs.pillars {
        for c in &p.missing {
            let mut s = step(
                format!("criterion:{c}"),
                Phase::Implementation,
                horizon(assessment.value(c)),
                Subject::Criterion { criterion: c.clone() },
            );
            s.tools = p.tools.iter().map(|t| t.id.clone()).collect();
            s.experiences = p.experiences.iter().map(|e| e.id.clone()).collect();
            steps.push(s);
        }
    }
    steps.push(step(
        "reassess".into(),
        Phase::Implementation,
        Horizon::MediumTerm,
        Subject::Reassess,
    ));
    Plan {
        generated_at: now.to_owned(),
        steps,
    }
}

fn step(id: String, phase: Phase, horizon: Horizon, subject: Subject) -> PlanStep {
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
    /// What to do, in the user's language.
    pub fn title(&self, model: &Model, haga: &Haga, lang: Lang) -> String {
        let es = lang == Lang::Es;
        match &self.subject {
            Subject::Condition { condition } => {
                let name = model
                    .conditions
                    .iter()
                    .find(|c| &c.id == condition)
                    .map(|c| c.name.get(lang))
                    .unwrap_or(condition);
                if es {
                    format!("Asegurar la condición: {name}")
                } else {
                    format!("Secure the condition: {name}")
                }
            }
            Subject::Methodology { methodology, pillar } => {
                let m = haga
                    .methodology(methodology)
                    .map(|m| m.name.get(lang))
                    .unwrap_or(methodology);
                let p = model.pillar(pillar).map(|p| p.name.get(lang)).unwrap_or(pillar);
                if es {
                    format!("Aplicar «{m}» con la ciudadanía en {p}")
                } else {
                    format!("Run “{m}” with citizens for {p}")
                }
            }
            Subject::Criterion { criterion } => {
                let text = model
                    .criterion(criterion)
                    .map(|c| c.text.get(lang))
                    .unwrap_or(criterion);
                format!("{criterion}: {text}")
            }
            Subject::Reassess => {
                if es {
                    "Repetir el autodiagnóstico dentro de un año (duplicándolo) y comparar los resultados".into()
                } else {
                    "Repeat the self-assessment within a year (by duplicating it) and compare the results".into()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::Edit;
    use crate::domain::recommend::recommend;
    use crate::domain::scoring::score;

    const NOW: &str = "2026-03-01T10:00:00Z";

    fn setup() -> (Model, Haga, Assessment) {
        let model = Model::mega_ip();
        let haga = Haga::bundled();
        let mut a = Assessment::new("p".into(), &model, NOW);
        let inf: Vec<String> = model.cell("transparencia", "informar").map(|c| c.id.clone()).collect();
        a.edit_answer(&inf[0], Edit::Value(Some(AnswerValue::Partial)), NOW);
        a.edit_condition("capacidades", Edit::Value(Some(AnswerValue::Partial)), NOW);
        a.edit_condition("presupuesto", Edit::Value(Some(AnswerValue::Yes)), NOW);
        (model, haga, a)
    }

    fn plan_for(model: &Model, haga: &Haga, a: &Assessment) -> Plan {
        generate(a, &recommend(model, haga, a, &score(model, a)), NOW)
    }

    #[test]
    fn three_phases_from_the_recommendations() {
        let (model, haga, a) = setup();
        let plan = plan_for(&model, &haga, &a);
        let design = plan.phase(Phase::Design);
        assert_eq!(design.len(), 6, "six unmet conditions");
        assert_eq!(
            design[0].id, "condition:capacidades",
            "the half-done one is an early win, listed first"
        );
        assert_eq!(design[0].horizon, Horizon::EarlyWin);
        assert!(design[1..].iter().all(|s| s.horizon == Horizon::MediumTerm));
        assert_eq!(plan.phase(Phase::CoDesign).len(), 4, "one methodology per pillar");
        let implementation = plan.phase(Phase::Implementation);
        let first = &implementation[0];
        assert_eq!(
            first.horizon,
            Horizon::EarlyWin,
            "the Parcial criterion is an early win"
        );
        assert!(!first.tools.is_empty() && !first.experiences.is_empty());
        assert_eq!(implementation.last().unwrap().subject, Subject::Reassess);
        assert!(plan.steps.iter().all(|s| !s.title(&model, &haga, Lang::Es).is_empty()));
    }

    #[test]
    fn regenerating_keeps_the_teams_edits() {
        let (model, haga, mut a) = setup();
        let mut plan = plan_for(&model, &haga, &a);
        plan.edit("condition:capacidades", StepEdit::Owner("Secretaría General".into()));
        plan.edit("condition:capacidades", StepEdit::Status(Status::InProgress));
        plan.edit("reassess", StepEdit::Due("2027-03-01".into()));
        a.edit_condition("marco-normativo", Edit::Value(Some(AnswerValue::Yes)), NOW);
        let again = plan.regenerate(plan_for(&model, &haga, &a));
        assert!(
            again.steps.iter().all(|s| s.id != "condition:marco-normativo"),
            "a met condition leaves the plan"
        );
        let kept = again.steps.iter().find(|s| s.id == "condition:capacidades").unwrap();
        assert_eq!(
            (kept.owner.as_str(), kept.status),
            ("Secretaría General", Status::InProgress)
        );
        assert_eq!(
            again.steps.iter().find(|s| s.id == "reassess").unwrap().due,
            "2027-03-01"
        );
    }

    #[test]
    fn step_titles_read_in_both_languages() {
        let (model, haga, a) = setup();
        let plan = plan_for(&model, &haga, &a);
        let m = plan.phase(Phase::CoDesign)[0];
        assert!(m.title(&model, &haga, Lang::Es).starts_with("Aplicar «"));
        assert!(m.title(&model, &haga, Lang::En).starts_with("Run “"));
    }
}
