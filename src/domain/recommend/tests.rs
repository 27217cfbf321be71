//! Recommendation rules on scripted assessments, checked against the bundled content.

use super::*;
use crate::domain::assessment::Edit;
use crate::domain::scoring::score;

const NOW: &str = "2026-03-01T10:00:00Z";

fn answer_cell(model: &Model, a: &mut Assessment, pillar: &str, stage: &str, v: AnswerValue) {
    let ids: Vec<String> = model.cell(pillar, stage).map(|c| c.id.clone()).collect();
    for id in ids {
        a.edit_answer(&id, Edit::Value(Some(v)), NOW);
    }
}

/// Buenaventura-like: a mid-size Colombian municipality, Rendición de cuentas at Consultar.
fn scripted() -> (Model, Haga, Assessment) {
    let model = Model::mega_ip();
    let haga = Haga::bundled();
    let mut a = Assessment::new("r".into(), &model, NOW);
    a.edit_profile(NOW, |p| {
        p.municipality = "Tumaco".into();
        p.country = "CO".into();
        p.population_band = Some(PopulationBand::From100kTo500k);
    });
    answer_cell(&model, &mut a, "rendicion", "informar", AnswerValue::Yes);
    answer_cell(&model, &mut a, "rendicion", "consultar", AnswerValue::Yes);
    a.edit_condition("presupuesto", Edit::Value(Some(AnswerValue::Yes)), NOW);
    a.edit_condition("marco-normativo", Edit::Value(Some(AnswerValue::Partial)), NOW);
    (model, haga, a)
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
    let (model, haga, r) = recs();
    let unmet: Vec<&str> = r.conditions.iter().map(|c| c.condition.as_str()).collect();
    assert_eq!(unmet.len(), 6, "presupuesto is met, the other six are not");
    assert_eq!(unmet[0], "marco-normativo", "model order");
    assert!(!unmet.contains(&"presupuesto"));
    let legal = &r.conditions[0];
    assert_eq!(legal.answer, Some(AnswerValue::Partial));
    assert!(!legal.principles.is_empty());
    let text = legal.reason(&model, &haga, Lang::Es);
    assert!(text.starts_with("«Marco normativo"), "{text}");
    assert!(text.contains("El decálogo lo pide en el principio"), "{text}");
}

#[test]
fn the_target_is_the_next_stage_and_missing_criteria_drive_the_choice() {
    let (model, haga, r) = recs();
    // Weakest pillars first: the three at level 0, then Rendición de cuentas at level 2.
    let order: Vec<&str> = r.pillars.iter().map(|p| p.pillar.as_str()).collect();
    assert_eq!(order, ["transparencia", "participacion", "innovacion", "rendicion"]);
    let rc = r.pillars.iter().find(|p| p.pillar == "rendicion").unwrap();
    assert_eq!(rc.level, 2);
    assert_eq!(rc.target.as_deref(), Some("involucrar"));
    assert_eq!(rc.missing, ["R-INV-1", "R-INV-2", "R-INV-3"]);

    // Main-pillar tools of the target stage first, then a second-pillar one.
    assert_eq!(ids(&rc.tools), ["red-como-vamos", "ogp-local", "ocds"]);
    assert!(matches!(rc.tools[2].why, Why::Tool { main: false, .. }));
    // Same pillar and stage; same population band and country first.
    assert_eq!(
        ids(&rc.experiences),
        ["buenaventura-concejo-a-la-calle", "bogota-como-vamos"]
    );
    assert_eq!(
        rc.experiences[0].why,
        Why::Experience {
            exact: true,
            same_band: true,
            same_country: true
        }
    );
    // The hearing methodology works two missing criteria directly.
    assert_eq!(ids(&rc.methodologies), ["audiencia-rendicion", "co-creacion-plan"]);
    assert_eq!(
        rc.methodologies[0].why,
        Why::Methodology {
            criteria: vec!["R-INV-1".into(), "R-INV-2".into()]
        }
    );

    let level0 = r.pillars[0].headline(&model, Lang::Es);
    assert!(
        level0.starts_with("En Transparencia aún no alcanzas la primera etapa; para Informar te falta: «"),
        "{level0}"
    );
    let headline = rc.headline(&model, Lang::Es);
    assert!(
        headline.starts_with("En Rendición de cuentas estás en Consultar; para Involucrar te falta: «"),
        "{headline}"
    );
    assert!(headline.ends_with("y 2 criterio(s) más."), "{headline}");
    let why = rc.reason(&rc.experiences[0], &model, &haga, Lang::Es);
    assert!(why.starts_with("Así lo hizo Buenaventura (Colombia,"), "{why}");
    assert!(why.ends_with("con una población parecida y en tu mismo país."), "{why}");
    let why = rc.reason(&rc.methodologies[0], &model, &haga, Lang::En);
    assert!(why.contains("works directly on"), "{why}");
}

#[test]
fn every_pick_has_a_reason_in_both_languages() {
    let (model, haga, r) = recs();
    for p in &r.pillars {
        assert!(
            !p.tools.is_empty() && !p.methodologies.is_empty() && !p.experiences.is_empty(),
            "{}",
            p.pillar
        );
        for pick in p.tools.iter().chain(&p.experiences).chain(&p.methodologies) {
            for lang in Lang::ALL {
                let text = p.reason(pick, &model, &haga, lang);
                assert!(text.len() > 20 && text.ends_with('.'), "{} {lang:?}: {text}", pick.id);
            }
        }
        assert!(p.headline(&model, Lang::En).starts_with("In "));
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
    for s in model.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>() {
        answer_cell(&model, &mut a, "innovacion", &s, AnswerValue::Yes);
    }
    let r = recommend(&model, &haga, &a, &score(&model, &a));
    let top = r.pillars.iter().find(|p| p.pillar == "innovacion").unwrap();
    assert_eq!((top.level, top.target.as_deref()), (5, None));
    assert!(top.tools.is_empty());
    assert_eq!(r.pillars.last().unwrap().pillar, "innovacion", "strongest last");
    assert!(top.headline(&model, Lang::Es).contains("alcanzaste la etapa más alta"));
}

#[test]
fn recommendations_are_deterministic() {
    let (_, _, a) = recs();
    let (_, _, b) = recs();
    assert_eq!(a, b);
}

#[test]
fn without_a_profile_no_similarity_is_claimed() {
    let model = Model::mega_ip();
    let haga = Haga::bundled();
    let a = Assessment::new("e".into(), &model, NOW);
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
