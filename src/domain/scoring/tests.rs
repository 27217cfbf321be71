//! Scoring tests: scripted answers on MEGA IP, the second model end to end, and properties that
//! must hold for a model of any shape.

use super::*;
use crate::domain::assessment::Edit;
use crate::domain::model::{Criterion, Pillar, ScoringRules, Stage, MODEL_FORMAT};
use crate::domain::text::Text;
use proptest::prelude::*;

const NOW: &str = "2026-03-01T10:00:00Z";

fn answer_all(model: &Model, a: &mut Assessment, pillar: &str, stage: &str, values: &[AnswerValue]) {
    let ids: Vec<String> = model.cell(pillar, stage).map(|c| c.id.clone()).collect();
    for (id, v) in ids.iter().zip(values.iter().cycle()) {
        a.edit_answer(id, Edit::Value(Some(*v)), NOW);
    }
}

fn mega() -> (Model, Assessment) {
    let model = Model::mega_ip();
    let a = Assessment::new("t".into(), &model, NOW);
    (model, a)
}

#[test]
fn empty_assessment_scores_cleanly() {
    let (model, a) = mega();
    let s = score(&model, &a);
    assert_eq!(s.threshold_percent, 70);
    assert_eq!(s.overall_level, 0);
    assert_eq!(s.mean_index, 0.0);
    for p in &s.pillars {
        assert_eq!(p.level, 0);
        assert_eq!(p.index, 0.0);
        assert!(p.stages.iter().all(|st| !st.met && st.answered == 0));
        assert_eq!(p.next_stage().unwrap().stage, "informar");
    }
    assert!(s.lines.iter().all(|l| l.share == 0.0));
    assert_eq!(s.conditions.unanswered, 7);
    assert_eq!(s.conditions.unmet.len(), 7);
}

#[test]
fn stages_are_reached_in_order_only() {
    let (model, mut a) = mega();
    use AnswerValue::*;
    // Transparencia: Informar all Sí, Consultar all Sí, Involucrar all Sí, Colaborar nothing.
    for stage in ["informar", "consultar", "involucrar"] {
        answer_all(&model, &mut a, "transparencia", stage, &[Yes]);
    }
    // Participación: Consultar fully met, but Informar not: the staircase stops at 0.
    answer_all(&model, &mut a, "participacion", "consultar", &[Yes]);
    let s = score(&model, &a);
    let t = s.pillar("transparencia").unwrap();
    assert_eq!(t.level, 3);
    assert_eq!(t.next_stage().unwrap().stage, "colaborar");
    assert_eq!(t.index, 3.0);
    let p = s.pillar("participacion").unwrap();
    assert_eq!(p.level, 0);
    assert!(p.stages[1].met && !p.stages[1].reached, "met on its own, not reached");
    assert_eq!(s.overall_level, 0, "the weakest pillar sets the overall stage");
}

#[test]
fn partial_counts_half_and_not_applicable_is_left_out() {
    let (model, mut a) = mega();
    use AnswerValue::*;
    let ids: Vec<String> = model.cell("rendicion", "informar").map(|c| c.id.clone()).collect();
    assert_eq!(ids.len(), 4);
    // Sí, Sí, Parcial, No → 5 half points of 8 = 62.5 % < 70 %: not met.
    for (id, v) in ids.iter().zip([Yes, Yes, Partial, No]) {
        a.edit_answer(id, Edit::Value(Some(v)), NOW);
    }
    let st = score(&model, &a).pillar("rendicion").unwrap().stages[0].clone();
    assert_eq!((st.applicable, st.half_points, st.met), (4, 5, false));
    assert_eq!(
        st.half_points_missing, 1,
        "70 % of 8 half points is 5.6, so 6 are needed"
    );
    assert_eq!(st.missing, vec![ids[2].clone(), ids[3].clone()]);
    // The No becomes No aplica: 5 of 6 = 83 % → met, and the index shows Consultar's progress.
    a.edit_answer(&ids[3], Edit::Value(Some(NotApplicable)), NOW);
    let p = score(&model, &a).pillar("rendicion").unwrap().clone();
    assert_eq!((p.stages[0].applicable, p.stages[0].met), (3, true));
    assert_eq!(p.level, 1);
    assert_eq!(p.index, 1.0);
}

#[test]
fn threshold_is_inclusive_and_exact() {
    assert!(meets(7, 5, 70), "7 of 10 half points is exactly 70 %");
    assert!(!meets(6, 5, 70));
    assert!(meets(0, 0, 70), "nothing applicable: met");
    assert_eq!(half_points_needed(5, 70), 7);
    assert_eq!(half_points_needed(3, 70), 5, "4.2 rounds up to 5");
}

#[test]
fn all_not_applicable_stage_does_not_block() {
    let (model, mut a) = mega();
    answer_all(&model, &mut a, "innovacion", "informar", &[AnswerValue::NotApplicable]);
    answer_all(&model, &mut a, "innovacion", "consultar", &[AnswerValue::Yes]);
    assert_eq!(score(&model, &a).pillar("innovacion").unwrap().level, 2);
}

#[test]
fn lines_and_conditions_are_summarized() {
    let (model, mut a) = mega();
    let open_data: Vec<String> = model
        .criteria
        .iter()
        .filter(|c| c.lines.iter().any(|l| l == "datos-abiertos"))
        .map(|c| c.id.clone())
        .collect();
    for id in &open_data {
        a.edit_answer(id, Edit::Value(Some(AnswerValue::Yes)), NOW);
    }
    a.edit_condition("presupuesto", Edit::Value(Some(AnswerValue::Yes)), NOW);
    a.edit_condition("marco-normativo", Edit::Value(Some(AnswerValue::Partial)), NOW);
    let s = score(&model, &a);
    let line = s.lines.iter().find(|l| l.line == "datos-abiertos").unwrap();
    assert_eq!(line.share, 1.0);
    assert_eq!(line.total as usize, open_data.len());
    assert_eq!(
        (s.conditions.yes, s.conditions.partial, s.conditions.unanswered),
        (1, 1, 5)
    );
    assert!(!s.conditions.unmet.contains(&"presupuesto".to_string()));
    assert_eq!(
        s.conditions.unmet[0], "marco-normativo",
        "unmet conditions keep model order"
    );
}

#[test]
fn the_second_model_runs_end_to_end() {
    let json = include_str!("../../../tests/fixtures/models/city-data-maturity.json");
    let model = Model::parse(json).expect("the second model is valid");
    assert_eq!((model.stages.len(), model.pillars.len()), (3, 6));
    assert_eq!(model.scoring.threshold_percent, 60);
    let mut a = Assessment::new("x".into(), &model, NOW);
    let first = model.pillars[0].id.clone();
    for stage in model.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>() {
        answer_all(
            &model,
            &mut a,
            &first,
            &stage,
            &[AnswerValue::Yes, AnswerValue::Partial],
        );
    }
    let s = score(&model, &a);
    assert_eq!(s.pillars.len(), 6);
    // Sí + Parcial = 3 of 4 half points = 75 % ≥ 60 %: every stage reached.
    assert_eq!(s.pillar(&first).unwrap().level, 3);
    assert_eq!(s.overall_level, 0);
    assert!((s.mean_index - 0.5).abs() < 1e-9, "one pillar at 3 of six: mean 0.5");
}

/// A model with the given shape: `cells[p][s]` criteria in pillar p, stage s.
fn synthetic(stages: usize, pillars: usize, per_cell: &[usize], threshold: u32) -> Model {
    let t = |s: &str| Text::new(s, s);
    let mut criteria = Vec::new();
    for p in 0..pillars {
        for s in 0..stages {
            for n in 0..per_cell[(p * stages + s) % per_cell.len()] {
                criteria.push(Criterion {
                    id: format!("p{p}-s{s}-{n}"),
                    pillar: format!("p{p}"),
                    stage: format!("s{s}"),
                    text: t("c"),
                    help: t("h"),
                    evidence: vec![],
                    lines: vec![],
                    frameworks: vec![],
                });
            }
        }
    }
    let model = Model {
        format: MODEL_FORMAT,
        id: "synthetic".into(),
        version: "1".into(),
        languages: vec!["es".into(), "en".into()],
        name: t("m"),
        description: t("d"),
        scoring: ScoringRules {
            threshold_percent: threshold,
        },
        stages: (0..stages)
            .map(|s| Stage {
                id: format!("s{s}"),
                name: t("s"),
                description: t("s"),
                promise: t("s"),
            })
            .collect(),
        pillars: (0..pillars)
            .map(|p| Pillar {
                id: format!("p{p}"),
                short: String::new(),
                name: t("p"),
                description: t("p"),
            })
            .collect(),
        lines: vec![],
        frameworks: vec![],
        conditions: vec![],
        criteria,
    };
    assert_eq!(model.problems(), vec![]);
    model
}

fn value_strategy() -> impl Strategy<Value = Option<AnswerValue>> {
    prop_oneof![
        Just(None),
        Just(Some(AnswerValue::Yes)),
        Just(Some(AnswerValue::Partial)),
        Just(Some(AnswerValue::No)),
        Just(Some(AnswerValue::NotApplicable)),
    ]
}

/// An answer one step better, if there is one.
fn improve(v: Option<AnswerValue>) -> Option<AnswerValue> {
    match v {
        None | Some(AnswerValue::No) => Some(AnswerValue::Partial),
        Some(AnswerValue::Partial) | Some(AnswerValue::NotApplicable) => Some(AnswerValue::Yes),
        Some(AnswerValue::Yes) => Some(AnswerValue::Yes),
    }
}

prop_compose! {
    fn shaped()(stages in 1usize..7, pillars in 1usize..8, per_cell in prop::collection::vec(1usize..5, 1..6), threshold in 1u32..=100)
        -> Model {
        synthetic(stages, pillars, &per_cell, threshold)
    }
}

prop_compose! {
    fn answered()(model in shaped())(values in prop::collection::vec(value_strategy(), model.criteria.len()), model in Just(model))
        -> (Model, Assessment) {
        let mut a = Assessment::new("p".into(), &model, NOW);
        let ids: Vec<String> = model.criteria.iter().map(|c| c.id.clone()).collect();
        for (id, v) in ids.iter().zip(values) {
            a.edit_answer(id, Edit::Value(v), NOW);
        }
        (model, a)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_shape_scores_within_bounds((model, a) in answered()) {
        let s = score(&model, &a);
        let n = model.stages.len();
        prop_assert_eq!(s.pillars.len(), model.pillars.len());
        for p in &s.pillars {
            prop_assert!(p.level <= n);
            prop_assert!(p.index >= p.level as f64 && p.index <= n as f64);
            if p.level < n { prop_assert!(p.index < (p.level + 1) as f64); }
            prop_assert!(p.stages.iter().take(p.level).all(|st| st.reached));
            prop_assert!(p.stages.iter().skip(p.level).all(|st| !st.reached));
            for st in &p.stages {
                prop_assert_eq!(st.met, st.half_points_missing == 0);
            }
        }
        prop_assert!(s.overall_level <= n);
    }

    #[test]
    fn an_empty_assessment_of_any_shape_is_at_zero(model in shaped()) {
        let s = score(&model, &Assessment::new("e".into(), &model, NOW));
        prop_assert_eq!(s.overall_level, 0);
        prop_assert!(s.pillars.iter().all(|p| p.level == 0 && p.index == 0.0));
    }

    #[test]
    fn improving_one_answer_never_lowers_any_score((model, a) in answered(), pick in any::<prop::sample::Index>()) {
        let before = score(&model, &a);
        let id = model.criteria[pick.index(model.criteria.len())].id.clone();
        let mut better = a.clone();
        better.edit_answer(&id, Edit::Value(improve(a.value(&id))), NOW);
        let after = score(&model, &better);
        for (b, x) in before.pillars.iter().zip(&after.pillars) {
            prop_assert!(x.level >= b.level, "level of {} fell", b.pillar);
            prop_assert!(x.index >= b.index, "index of {} fell", b.pillar);
            for (bs, xs) in b.stages.iter().zip(&x.stages) {
                prop_assert!(xs.share() >= bs.share() || bs.applicable == 0);
            }
        }
        for (b, x) in before.lines.iter().zip(&after.lines) {
            prop_assert!(x.share >= b.share);
        }
        prop_assert!(after.overall_level >= before.overall_level);
        prop_assert!(after.mean_index >= before.mean_index);
    }
}
