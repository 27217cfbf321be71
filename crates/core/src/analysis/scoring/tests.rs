//! Scoring tests: scripted answers on MEGA IP, the second model end to end, a model with its own
//! scales, statements, conditions and a floor, and properties for a model of any shape.

use super::*;
use crate::content::wire::{ModelFile, StageFile, WhenFile};
use crate::testing::*;
use proptest::prelude::*;

#[test]
fn empty_assessment_scores_cleanly() {
    let model = mega();
    let s = score(&model, &new_assessment(&model, "t"));
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
    let model = mega();
    let mut a = new_assessment(&model, "t");
    for stage in ["informar", "consultar", "involucrar"] {
        answer_cell(&model, &mut a, "transparencia", stage, &["yes"]);
    }
    // Participación: Consultar fully met, but Informar not: the staircase stops at 0.
    answer_cell(&model, &mut a, "participacion", "consultar", &["yes"]);
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
    let model = mega();
    let mut a = new_assessment(&model, "t");
    let ids: Vec<String> = model
        .criteria_at("participacion", "informar")
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(ids.len(), 4);
    // Sí, Sí, Parcial, No → 2.5 points of 4 = 62.5 % < 70 %: not met.
    for (id, v) in ids.iter().zip(["yes", "yes", "partial", "no"]) {
        set(&mut a, id, Some(v));
    }
    let st = score(&model, &a).pillar("participacion").unwrap().stages[0].clone();
    assert_eq!((st.applicable, st.points, st.met), (4, 2500, false));
    assert_eq!(
        st.points_missing, 500,
        "70 % of 4 points is 2.8: 0.3 more, and answers give halves"
    );
    assert_eq!(st.missing, vec![CriterionId::new(&*ids[2]), CriterionId::new(&*ids[3])]);
    // The No becomes No aplica: 2.5 of 3 = 83 % → met.
    set(&mut a, &ids[3], Some("not_applicable"));
    let p = score(&model, &a).pillar("participacion").unwrap().clone();
    assert_eq!((p.stages[0].applicable, p.stages[0].met), (3, true));
    assert_eq!(p.level, 1);
    assert_eq!(p.index, 1.0);
}

#[test]
fn threshold_is_inclusive_and_exact() {
    assert!(meets(3500, 5, 70), "3.5 of 5 points is exactly 70 %");
    assert!(!meets(3499, 5, 70));
    assert!(meets(0, 0, 70), "nothing counts: met");
    assert_eq!(points_needed(5, 70), 3500);
    assert_eq!(points_needed(3, 70), 2100);
}

#[test]
fn all_not_applicable_stage_does_not_block() {
    let model = mega();
    let mut a = new_assessment(&model, "t");
    answer_cell(&model, &mut a, "innovacion", "informar", &["not_applicable"]);
    answer_cell(&model, &mut a, "innovacion", "consultar", &["yes"]);
    assert_eq!(score(&model, &a).pillar("innovacion").unwrap().level, 2);
}

#[test]
fn a_pillar_answered_all_not_applicable_has_no_stage() {
    let model = mega();
    let mut a = new_assessment(&model, "t");
    for stage in ["informar", "consultar", "involucrar", "colaborar", "empoderar"] {
        answer_cell(&model, &mut a, "transparencia", stage, &["not_applicable"]);
        answer_cell(&model, &mut a, "participacion", stage, &["yes"]);
    }
    let s = score(&model, &a);
    let t = s.pillar("transparencia").unwrap();
    assert!(!t.assessed);
    assert_eq!((t.level, t.index), (0, 0.0), "not Empoderar with index 5");
    assert_eq!(s.pillar("participacion").unwrap().level, 5);
    assert_eq!(s.overall_level, 0, "the unanswered pillars still count as not met");
    let only_two = |p: &PillarScore| p.pillar == "transparencia" || p.pillar == "participacion";
    assert!(s.pillars.iter().filter(|p| only_two(p)).count() == 2);
}

#[test]
fn lines_and_conditions_are_summarized() {
    let model = mega();
    let mut a = new_assessment(&model, "t");
    let open_data: Vec<String> = model
        .criteria()
        .iter()
        .filter(|c| c.lines.iter().any(|l| l == "datos-abiertos"))
        .map(|c| c.id.to_string())
        .collect();
    for id in &open_data {
        set(&mut a, id, Some("yes"));
    }
    set_condition(&mut a, "presupuesto", Some("yes"));
    set_condition(&mut a, "marco-normativo", Some("partial"));
    let s = score(&model, &a);
    let line = s.lines.iter().find(|l| l.line == "datos-abiertos").unwrap();
    assert_eq!(line.share, 1.0);
    assert_eq!(line.total as usize, open_data.len());
    assert_eq!(
        (s.conditions.met, s.conditions.partial, s.conditions.unanswered),
        (1, 1, 5)
    );
    assert!(!s.conditions.unmet.iter().any(|c| c == "presupuesto"));
    assert_eq!(
        s.conditions.unmet[0], "marco-normativo",
        "unmet conditions keep model order"
    );
}

#[test]
fn the_second_model_runs_end_to_end() {
    let json = include_str!("../../../../../tests/fixtures/models/city-data-maturity.json");
    let model = Model::parse(json).expect("the second model is valid");
    assert_eq!((model.stages().len(), model.pillars().len()), (3, 6));
    assert_eq!(model.threshold_percent(), 60);
    let mut a = new_assessment(&model, "x");
    let first = model.pillars()[0].id.to_string();
    for stage in model.stages().iter().map(|s| s.id.to_string()).collect::<Vec<_>>() {
        answer_cell(&model, &mut a, &first, &stage, &["yes", "partial"]);
    }
    let s = score(&model, &a);
    assert_eq!(s.pillars.len(), 6);
    // Sí + Parcial = 1.5 of 2 points = 75 % ≥ 60 %: every stage reached.
    assert_eq!(s.pillar(&first).unwrap().level, 3);
    assert_eq!(s.overall_level, 0);
    assert!((s.mean_index - 0.5).abs() < 1e-9, "one pillar at 3 of six: mean 0.5");
}

/// Three stages (the first a floor), one pillar; a three-option question with its own points,
/// a statement question, and a question asked only after a Sí.
fn questionnaire() -> ModelFile {
    let mut file = synthetic(3, 1, &[1], 70);
    file.stages[0] = StageFile {
        id: "s0".into(),
        name: t("start"),
        description: None,
        promise: None,
        floor: true,
    };
    file.criteria.retain(|c| c.stage.as_deref() != Some("s0"));
    // p0-s1-0 keeps the shared scale; give p0-s2-0 three options of its own.
    if let Some(c) = file.criteria.iter_mut().find(|c| c.id == "p0-s2-0") {
        c.options = Some(vec![
            option("always", Some(1.0), None, true),
            option("sometimes", Some(0.4), None, true),
            option("never", Some(0.0), None, true),
        ]);
    }
    let mut statements = criterion("fits", "p0", None);
    statements.options = Some(vec![
        option("none", None, Some("s0"), true),
        option("some", None, Some("s1"), true),
        option("all", None, Some("s2"), true),
    ]);
    file.criteria.push(statements);
    let mut follow_up = criterion("follow", "p0", Some("s1"));
    follow_up.when = Some(WhenFile {
        criterion: "p0-s1-0".into(),
        any_of: vec!["yes".into()],
    });
    file.criteria.push(follow_up);
    file
}

#[test]
fn own_scales_statements_conditions_and_a_floor_score_as_stated() {
    let model = parse(&questionnaire());
    let mut a = new_assessment(&model, "q");
    // Nothing answered: the floor is reached, so the level is 1.
    let s = score(&model, &a);
    assert_eq!(s.pillars[0].level, 1);
    assert!(s.pillars[0].stages[0].reached && s.pillars[0].stages[0].applicable == 0);
    // The follow-up is not asked until p0-s1-0 is Sí: s1 counts p0-s1-0 and the statement.
    assert_eq!(s.pillars[0].stages[1].total, 2);
    set(&mut a, "p0-s1-0", Some("yes"));
    assert_eq!(
        score(&model, &a).pillars[0].stages[1].total,
        3,
        "now the follow-up is asked"
    );
    set(&mut a, "follow", Some("yes"));
    set(&mut a, "fits", Some("some"));
    let s = score(&model, &a);
    // s1: yes + yes + statement at s1 (full) = 3 of 3.
    assert_eq!(
        (s.pillars[0].stages[1].points, s.pillars[0].stages[1].met),
        (3000, true)
    );
    // s2: "sometimes" 0.4 + statement above s1 (0) = 0.4 of 2.
    set(&mut a, "p0-s2-0", Some("sometimes"));
    let s = score(&model, &a);
    assert_eq!(s.pillars[0].stages[2].points, 400);
    assert_eq!(s.pillars[0].level, 2);
    set(&mut a, "fits", Some("all"));
    set(&mut a, "p0-s2-0", Some("always"));
    assert_eq!(score(&model, &a).pillars[0].level, 3);
    // Going back on the first answer hides the follow-up again: it no longer counts.
    set(&mut a, "p0-s1-0", Some("no"));
    let s1 = score(&model, &a).pillars[0].stages[1].clone();
    assert_eq!((s1.total, s1.applicable), (2, 2));
}

fn option_strategy() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![
        Just(None),
        Just(Some("yes")),
        Just(Some("partial")),
        Just(Some("no")),
        Just(Some("not_applicable")),
    ]
}

/// An answer one step better among those that count, if there is one. ("No aplica" is not a
/// worse answer: it takes the criterion out of the count, so it is left as it is.)
fn improve(v: Option<&str>) -> Option<&str> {
    match v {
        None | Some("no") => Some("partial"),
        Some("not_applicable") => Some("not_applicable"),
        _ => Some("yes"),
    }
}

prop_compose! {
    fn shaped()(stages in 1usize..7, pillars in 1usize..8, per_cell in prop::collection::vec(1usize..5, 1..6), threshold in 1u32..=100)
        -> Model {
        parse(&synthetic(stages, pillars, &per_cell, threshold))
    }
}

prop_compose! {
    fn answered()(model in shaped())(values in prop::collection::vec(option_strategy(), model.criteria().len()), model in Just(model))
        -> (Model, Assessment) {
        let mut a = new_assessment(&model, "p");
        let ids: Vec<String> = model.criteria().iter().map(|c| c.id.to_string()).collect();
        for (id, v) in ids.iter().zip(values) {
            set(&mut a, id, v);
        }
        (model, a)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_shape_scores_within_bounds((model, a) in answered()) {
        let s = score(&model, &a);
        let n = model.stages().len();
        prop_assert_eq!(s.pillars.len(), model.pillars().len());
        for p in s.pillars.iter().filter(|p| p.assessed) {
            prop_assert!(p.level <= n);
            prop_assert!(p.index >= p.level as f64 && p.index <= n as f64);
            if p.level < n { prop_assert!(p.index < (p.level + 1) as f64); }
            prop_assert!(p.stages.iter().take(p.level).all(|st| st.reached));
            prop_assert!(p.stages.iter().skip(p.level).all(|st| !st.reached));
            for st in &p.stages {
                prop_assert_eq!(st.met, st.points_missing == 0);
            }
        }
        prop_assert!(s.overall_level <= n);
    }

    #[test]
    fn an_empty_assessment_of_any_shape_is_at_zero(model in shaped()) {
        let s = score(&model, &new_assessment(&model, "e"));
        prop_assert_eq!(s.overall_level, 0);
        prop_assert!(s.pillars.iter().all(|p| p.level == 0 && p.index == 0.0));
    }

    #[test]
    fn improving_one_answer_never_lowers_any_score((model, a) in answered(), pick in any::<prop::sample::Index>()) {
        let before = score(&model, &a);
        let id = model.criteria()[pick.index(model.criteria().len())].id.to_string();
        let mut better = a.clone();
        set(&mut better, &id, improve(a.value(&id).map(|v| v.as_str())));
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

#[test]
fn a_model_of_fourteen_thousand_criteria_scores_in_linear_time() {
    // 24 pillars × 6 stages × 100 criteria = 14,400.
    let model = parse_compact(&synthetic(6, 24, &[100], 70));
    assert_eq!(model.criteria().len(), 14_400);
    let mut a = new_assessment(&model, "big");
    let ids: Vec<String> = model.criteria().iter().map(|c| c.id.to_string()).collect();
    for id in ids.iter().step_by(2) {
        set(&mut a, id, Some("yes"));
    }
    let start = std::time::Instant::now();
    let s = score(&model, &a);
    eprintln!("scored 14,400 criteria in {:?}", start.elapsed());
    assert_eq!(s.pillars.len(), 24);
    assert!(s.pillars.iter().all(|p| p.stages.iter().all(|st| st.points == 50_000)));
}
