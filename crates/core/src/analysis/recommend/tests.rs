//! Recommendation rules on scripted assessments, checked against the bundled content. The
//! sentences they are told in are tested with the messages.

use super::*;
use crate::analysis::scoring::score;
use crate::testing::*;

fn scripted() -> (Model, Haga, Assessment) {
    let model = mega();
    let a = scripted_tumaco(&model);
    (model, haga(), a)
}

fn recs() -> (Model, Haga, Recommendations) {
    let (model, haga, a) = scripted();
    let scores = score(&model, &a);
    let r = recommend(&model, &haga, &a, &scores);
    (model, haga, r)
}

fn ids(picks: &[Pick]) -> Vec<&str> {
    picks.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn unmet_conditions_come_first_with_their_principles() {
    let (_, _, r) = recs();
    let unmet: Vec<&str> = r.conditions.iter().map(|c| c.condition.as_str()).collect();
    assert_eq!(unmet.len(), 6, "presupuesto is met, the other six are not");
    assert_eq!(unmet[0], "marco-normativo", "model order");
    assert!(!unmet.contains(&"presupuesto"));
    let legal = &r.conditions[0];
    assert!(legal.partial);
    assert!(!legal.principles.is_empty());
}

#[test]
fn the_target_is_the_next_stage_and_missing_criteria_drive_the_choice() {
    let (_, _, r) = recs();
    // Weakest pillars first: the three at level 0, then Rendición de cuentas at level 2.
    let order: Vec<&str> = r.pillars.iter().map(|p| p.pillar.as_str()).collect();
    assert_eq!(order, ["transparencia", "participacion", "innovacion", "rendicion"]);
    let rc = r.pillars.iter().find(|p| p.pillar == "rendicion").unwrap();
    assert_eq!(rc.level, 2);
    assert_eq!(rc.target.as_deref(), Some("involucrar"));
    assert_eq!(rc.missing, ["R-INV-4", "R-INV-5", "R-INV-6"]);

    // Main-pillar tools of the target stage first, then a second-pillar one.
    assert_eq!(ids(&rc.tools), ["red-como-vamos", "ogp-local", "ocds"]);
    assert!(matches!(rc.tools[2].why, Why::Tool { main: false, .. }));
    // Same pillar and stage; same population band first (no Colombian case is at this stage).
    assert_eq!(
        ids(&rc.experiences),
        ["macul-quiero-mi-barrio-consejo-vecinal", "penalolen-ogp-local"]
    );
    assert_eq!(
        rc.experiences[0].why,
        Why::Experience {
            exact: true,
            same_band: true,
            same_country: false
        }
    );
    // The hearing methodology works two missing criteria directly.
    assert_eq!(ids(&rc.methodologies)[0], "audiencia-rendicion");
    assert_eq!(
        rc.methodologies[0].why,
        Why::Methodology {
            criteria: vec!["R-INV-5".into(), "R-INV-6".into()]
        }
    );
}

#[test]
fn every_pillar_below_the_top_gets_tools_experiences_and_methodologies() {
    let (_, _, r) = recs();
    for p in &r.pillars {
        assert!(
            !p.tools.is_empty() && !p.methodologies.is_empty() && !p.experiences.is_empty(),
            "{}",
            p.pillar
        );
    }
}

#[test]
fn tools_match_the_pillar_and_target_stage() {
    let (_, haga, r) = recs();
    for p in &r.pillars {
        for pick in &p.tools {
            let t = haga.tool(&pick.id).unwrap();
            assert_eq!(Some(&t.stage), p.target.as_ref());
            assert!(t.pillar == p.pillar || t.second_pillar.as_ref() == Some(&p.pillar));
        }
    }
}

#[test]
fn a_pillar_at_the_top_gets_no_target_and_says_so() {
    let (model, haga, mut a) = scripted();
    for s in model.stages().iter().map(|s| s.id.to_string()).collect::<Vec<_>>() {
        answer_cell(&model, &mut a, "innovacion", &s, &["yes"]);
    }
    let r = recommend(&model, &haga, &a, &score(&model, &a));
    let top = r.pillars.iter().find(|p| p.pillar == "innovacion").unwrap();
    assert_eq!((top.level, top.target.as_deref()), (5, None));
    assert!(top.tools.is_empty());
    assert_eq!(r.pillars.last().unwrap().pillar, "innovacion", "strongest last");
}

#[test]
fn feedback_texts_of_chosen_answers_are_collected() {
    let file = {
        let mut f = synthetic(1, 1, &[2], 70);
        let mut scale = yes_partial_no_na();
        if let Some(no) = scale.options.iter_mut().find(|o| o.id == "no") {
            no.feedback = Some(t("Empieza por publicar el presupuesto."));
        }
        f.scales = vec![scale];
        f
    };
    let model = parse(&file);
    let mut a = new_assessment(&model, "f");
    set(&mut a, "p0-s0-0", Some("no"));
    set(&mut a, "p0-s0-1", Some("partial"));
    let empty = Haga::parse(
        r#"{"format":1,"categories":[],"tools":[]}"#,
        r#"{"format":1,"experiences":[]}"#,
        r#"{"format":1,"principles":[]}"#,
        r#"{"format":1,"methodologies":[]}"#,
    )
    .unwrap();
    let r = recommend(&model, &empty, &a, &score(&model, &a));
    assert_eq!(
        r.pillars[0].feedback,
        vec![CriterionId::new("p0-s0-0")],
        "only the No carries a text"
    );
}

#[test]
fn without_a_profile_no_similarity_is_claimed() {
    let model = mega();
    let haga = haga();
    let a = new_assessment(&model, "e");
    let r = recommend(&model, &haga, &a, &score(&model, &a));
    for p in &r.pillars {
        for e in &p.experiences {
            assert!(matches!(
                e.why,
                Why::Experience {
                    same_band: false,
                    same_country: false,
                    ..
                }
            ));
        }
    }
}
