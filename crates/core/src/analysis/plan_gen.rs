//! Generating the action plan from the recommendations (`docs/recommendations.md`).
//!
//! Three phases, as in UNIT's Impulso Local: **design** (the unmet enabling conditions),
//! **co-design with citizens** (one methodology per pillar), and **implementation support and
//! monitoring** (the criteria missing for each pillar's next stage, each with the tools and
//! experiences that serve that criterion, or the methodology to run when none does, and a
//! final step to reassess). A step already partly done is an
//! **early win**; the rest is **medium term**.

use crate::analysis::recommend::Recommendations;
use crate::answers::assessment::Assessment;
use crate::answers::plan::{criterion_step_id, Horizon, Phase, Plan, PlanStep, Refreshed, Subject};
use crate::content::model::Model;
use crate::content::scale::Tone;

fn horizon(partial: bool) -> Horizon {
    if partial {
        Horizon::EarlyWin
    } else {
        Horizon::MediumTerm
    }
}

/// Whether the criterion's current answer is partly there (some points, not all).
pub fn is_partial(model: &Model, assessment: &Assessment, criterion: &str) -> bool {
    let Some(c) = model.criterion(criterion) else {
        return false;
    };
    let scale = model.scale_of(c);
    assessment
        .value(criterion)
        .and_then(|v| scale.option(v))
        .is_some_and(|o| scale.tone(o, model.stages().len()) == Tone::Partial)
}

/// Builds a fresh plan from the recommendations.
pub fn generate(model: &Model, assessment: &Assessment, recs: &Recommendations, now: &str) -> Plan {
    let mut steps = Vec::new();
    for c in &recs.conditions {
        steps.push(PlanStep::new(
            format!("condition:{}", c.condition),
            Phase::Design,
            horizon(c.partial),
            Subject::Condition {
                condition: c.condition.clone(),
            },
        ));
    }
    for p in &recs.pillars {
        if let Some(m) = p.methodologies.first() {
            steps.push(PlanStep::new(
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
        for advice in &p.steps {
            let c = &advice.criterion;
            let mut s = PlanStep::new(
                criterion_step_id(c),
                Phase::Implementation,
                horizon(is_partial(model, assessment, c)),
                Subject::Criterion { criterion: c.clone() },
            );
            s.tools = advice.tools.clone();
            s.experiences = advice.experiences.clone();
            s.methodologies = advice.methodologies.clone();
            steps.push(s);
        }
    }
    steps.push(PlanStep::new(
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

/// The plan to save after "update with today's results", and what changed: a fresh plan that
/// keeps the team's work (see `Plan::regenerate`).
pub fn refresh(model: &Model, assessment: &Assessment, recs: &Recommendations, now: &str) -> (Plan, Refreshed) {
    let fresh = generate(model, assessment, recs, now);
    match assessment.plan() {
        Some(old) => old.regenerate(fresh),
        None => {
            let new = fresh.steps.len();
            (fresh, Refreshed { achieved: 0, new })
        }
    }
}

#[cfg(test)]
mod tests;
