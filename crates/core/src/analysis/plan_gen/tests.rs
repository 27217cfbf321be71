//! Plan generation on a scripted assessment, and refreshing it without losing the team's work.

use super::*;
use crate::analysis::recommend::recommend;
use crate::analysis::scoring::score;
use crate::answers::assessment::Change;
use crate::answers::plan::{PlanStep, Status, StepEdit};
use crate::content::toolkit::Haga;
use crate::testing::*;

fn setup() -> (Model, Haga, Assessment) {
    let model = mega();
    let mut a = new_assessment(&model, "p");
    let first = model
        .criteria_at("transparencia", "informar")
        .next()
        .unwrap()
        .id
        .to_string();
    set(&mut a, &first, Some("partial"));
    set_condition(&mut a, "capacidades", Some("partial"));
    set_condition(&mut a, "presupuesto", Some("yes"));
    (model, haga(), a)
}

fn plan_for(model: &Model, haga: &Haga, a: &Assessment) -> Plan {
    generate(model, a, &recommend(model, haga, a, &score(model, a)), NOW)
}

#[test]
fn three_phases_from_the_recommendations() {
    let (model, haga, a) = setup();
    let plan = plan_for(&model, &haga, &a);
    let design = plan.phase(Phase::Design);
    assert_eq!(design.len(), 6, "six unmet conditions");
    assert_eq!(
        design[0].id, "condition:capacidades",
        "the half-done one is an early win, first"
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
}

/// Each criterion step names the tools and experiences of *its* criterion, not the pillar's.
#[test]
fn each_step_names_what_serves_its_own_criterion() {
    let (model, haga, a) = setup();
    let plan = plan_for(&model, &haga, &a);
    let mut distinct = std::collections::BTreeSet::new();
    for step in plan.phase(Phase::Implementation) {
        let Subject::Criterion { criterion } = &step.subject else {
            continue;
        };
        for t in &step.tools {
            assert!(
                haga.tool(t).unwrap().criteria.contains(criterion),
                "{t} serves {criterion}"
            );
        }
        for e in &step.experiences {
            let experience = haga.experience(e).unwrap();
            assert!(experience.criteria.contains(criterion), "{e} serves {criterion}");
        }
        assert!(!step.tools.is_empty(), "every criterion has a tool: {criterion}");
        assert!(
            step.methodologies.is_empty(),
            "a methodology only when nothing serves it"
        );
        distinct.insert(step.tools.clone());
    }
    assert!(distinct.len() > 4, "steps of one pillar do not all list the same tools");
}

/// A criterion that no tool or experience serves gets the methodology to run instead.
#[test]
fn a_step_nothing_serves_names_a_methodology() {
    let (model, mut haga, a) = setup();
    for t in &mut haga.tools {
        t.criteria.clear();
    }
    for e in &mut haga.experiences {
        e.criteria.clear();
    }
    let plan = plan_for(&model, &haga, &a);
    let steps: Vec<&PlanStep> = plan
        .phase(Phase::Implementation)
        .into_iter()
        .filter(|s| matches!(s.subject, Subject::Criterion { .. }))
        .collect();
    assert!(!steps.is_empty());
    for step in steps {
        assert!(step.tools.is_empty() && step.experiences.is_empty());
        let [m] = step.methodologies.as_slice() else {
            panic!("one methodology for {:?}", step.subject);
        };
        assert!(haga.methodology(m).is_some());
    }
}

#[test]
fn refreshing_keeps_the_teams_edits() {
    let (model, haga, mut a) = setup();
    a.apply(&Change::SetPlan(plan_for(&model, &haga, &a)), NOW);
    for (step, edit) in [
        ("condition:capacidades", StepEdit::Owner("Secretaría General".into())),
        ("condition:capacidades", StepEdit::Status(Status::InProgress)),
        ("condition:capacidades", StepEdit::Notes("Curso en marzo".into())),
        ("reassess", StepEdit::Due("2027-03-01".into())),
    ] {
        a.apply(
            &Change::PlanStep {
                step: step.into(),
                edit,
            },
            NOW,
        );
    }
    a.apply(
        &Change::PlanStep {
            step: "condition:marco-normativo".into(),
            edit: StepEdit::Owner("Jurídica".into()),
        },
        NOW,
    );
    a.apply(
        &Change::AddStep {
            phase: Phase::Design,
            title: "Presentar el plan al Concejo".into(),
        },
        NOW,
    );
    set_condition(&mut a, "marco-normativo", Some("yes"));
    let (again, summary) = refresh(&model, &a, &recommend(&model, &haga, &a, &score(&model, &a)), NOW);
    let met = again
        .steps
        .iter()
        .find(|s| s.id == "condition:marco-normativo")
        .expect("a met condition stays in the plan");
    assert!(met.achieved, "and is marked achieved");
    assert_eq!(met.owner, "Jurídica", "with what the team wrote");
    assert!(again.steps.iter().any(|s| s.subject
        == Subject::Custom {
            title: "Presentar el plan al Concejo".into()
        }));
    assert_eq!(summary.achieved, 1);
    let kept = again.steps.iter().find(|s| s.id == "condition:capacidades").unwrap();
    assert_eq!(
        (kept.owner.as_str(), kept.status, kept.notes.as_str()),
        ("Secretaría General", Status::InProgress, "Curso en marzo")
    );
    assert_eq!(
        again.steps.iter().find(|s| s.id == "reassess").unwrap().due,
        "2027-03-01"
    );
}

#[test]
fn teams_add_rename_and_remove_their_own_steps_only() {
    let (model, haga, mut a) = setup();
    a.apply(&Change::SetPlan(plan_for(&model, &haga, &a)), NOW);
    a.apply(
        &Change::AddStep {
            phase: Phase::CoDesign,
            title: "Taller con juntas".into(),
        },
        NOW,
    );
    let id = a
        .plan()
        .unwrap()
        .steps
        .iter()
        .find(|s| matches!(s.subject, Subject::Custom { .. }))
        .unwrap()
        .id
        .clone();
    a.apply(
        &Change::PlanStep {
            step: id.clone(),
            edit: StepEdit::Title("Taller con juntas de acción comunal".into()),
        },
        NOW,
    );
    assert!(a.plan().unwrap().steps.iter().any(|s| s.subject
        == Subject::Custom {
            title: "Taller con juntas de acción comunal".into()
        }));
    let before = a.plan().unwrap().steps.len();
    a.apply(&Change::RemoveStep("reassess".into()), NOW);
    assert_eq!(a.plan().unwrap().steps.len(), before, "a generated step is not removed");
    a.apply(&Change::RemoveStep(id), NOW);
    assert_eq!(a.plan().unwrap().steps.len(), before - 1);
}
