//! The report's content on scripted assessments, in both languages, and its HTML: escaped, with
//! only safe links.

use super::*;
use crate::answers::assessment::{Change, Edit, ProfileEdit};
use crate::answers::plan::StepEdit;
use crate::messages::catalog;
use crate::reports::html::diagnosis_html;
use crate::testing::*;

fn yumbo(model: &Model) -> Assessment {
    let mut a = new_assessment(model, "a-1");
    for e in [
        ProfileEdit::Municipality("Yumbo".into()),
        ProfileEdit::Country("CO".into()),
        ProfileEdit::Region("Valle del Cauca".into()),
        ProfileEdit::Date("2026-03-01".into()),
    ] {
        a.apply(&Change::Profile(e), NOW);
    }
    a.apply(
        &Change::Profile(ProfileEdit::Respondent {
            index: 0,
            name: "Ana Pérez".into(),
            role: "Secretaria de Planeación".into(),
        }),
        NOW,
    );
    a
}

fn es(model: &Model, a: &Assessment) -> Diagnosis {
    diagnosis(model, Some(&haga()), a, &[], catalog(Lang::Es))
}

#[test]
fn an_empty_assessment_has_no_stage_and_every_first_criterion_to_meet() {
    let model = mega();
    let d = es(&model, &yumbo(&model));
    assert_eq!(d.municipality, "Yumbo");
    assert_eq!(d.place, "Yumbo, Valle del Cauca · Colombia");
    assert_eq!(d.people, ["Ana Pérez — Secretaria de Planeación"]);
    assert!(
        d.overall.starts_with("Yumbo aún no alcanza la primera etapa"),
        "{}",
        d.overall
    );
    assert_eq!(d.stages.len(), 5);
    assert_eq!(d.pillars.len(), 4);
    for p in &d.pillars {
        assert!(p.strengths.is_empty());
        assert_eq!(p.cells.len(), 5);
        assert!(p.cells.iter().all(|c| c.class == "heat heat-none"));
        let first: Vec<&str> = model.criteria_at(&p.id, "informar").map(|c| c.id.as_str()).collect();
        let codes: Vec<&str> = p.challenges.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, first, "{}", p.id);
        assert!(p
            .challenges
            .iter()
            .all(|c| c.answer == "Respuesta actual: Sin responder"));
        assert!(p.challenges_lead.starts_with("Para llegar a la etapa Informar faltan"));
    }
    // Every condition is missing, so the first phase is Design, proposed from today.
    assert_eq!(d.conditions.len(), model.conditions().len());
    let phase = d.first_phase.as_ref().unwrap();
    assert_eq!(phase.name, "1. Diseño");
    assert_eq!(phase.lead, catalog(Lang::Es).report_text(T::PlanProposed));
    assert_eq!(phase.steps.len(), model.conditions().len());
    assert!(d.radar.is_some());
    assert_eq!(
        d.annex.len(),
        model.criteria().iter().filter(|c| c.when.is_none()).count()
    );
}

#[test]
fn strengths_are_what_is_met_at_the_highest_stage_and_challenges_the_next() {
    let model = mega();
    let mut a = yumbo(&model);
    answer_cell(&model, &mut a, "transparencia", "informar", &["yes"]);
    let consultar: Vec<String> = model
        .criteria_at("transparencia", "consultar")
        .map(|c| c.id.to_string())
        .collect();
    set(&mut a, &consultar[0], Some("yes"));
    set(&mut a, &consultar[1], Some("partial"));
    let d = es(&model, &a);
    let t = &d.pillars[0];
    assert_eq!(t.stage, "Informar");
    assert_eq!(t.cells[0].class, "heat heat-reached");
    assert_eq!(
        t.strengths_lead,
        "Lo que ya se cumple en la etapa Informar, la más alta alcanzada:"
    );
    assert_eq!(
        t.strengths.len(),
        model.criteria_at("transparencia", "informar").count()
    );
    assert!(t.strengths[0].starts_with("T-INF-1: "));
    // The next stage lists what is not fully met, with the current answer.
    assert!(t.challenges_lead.starts_with("Para llegar a la etapa Consultar faltan"));
    assert!(!t.challenges.iter().any(|c| c.code == consultar[0]));
    let partial = t.challenges.iter().find(|c| c.code == consultar[1]).unwrap();
    assert_eq!(partial.answer, "Respuesta actual: Parcial");
    // A pillar with nothing met yet has no strengths and says so in its lead.
    assert!(d.pillars[1].strengths.is_empty());
    assert_eq!(d.pillars[1].strengths_lead, "Lo que ya se cumple en la primera etapa:");
}

#[test]
fn everything_met_has_no_challenges_and_no_missing_condition() {
    let model = mega();
    let mut a = yumbo(&model);
    for c in model.criteria() {
        let id = c.id.to_string();
        set(&mut a, &id, Some("yes"));
    }
    for c in model.conditions() {
        let id = c.id.to_string();
        set_condition(&mut a, &id, Some("yes"));
    }
    let d = es(&model, &a);
    assert!(
        d.overall.starts_with("Yumbo está en la etapa Empoderar"),
        "{}",
        d.overall
    );
    for p in &d.pillars {
        assert_eq!(p.challenges_lead, catalog(Lang::Es).report_text(T::TopReached));
        assert!(p.challenges.is_empty());
        assert!(!p.strengths.is_empty());
    }
    assert!(d.conditions.is_empty());
}

#[test]
fn the_teams_saved_plan_is_the_first_phase_with_its_owners() {
    let model = mega();
    let mut a = yumbo(&model);
    let h = haga();
    let plan = plan_gen::generate(&model, &a, &recommend(&model, &h, &a, &score(&model, &a)), NOW);
    let first = plan.steps[0].id.clone();
    a.apply(&Change::SetPlan(plan), NOW);
    a.apply(
        &Change::PlanStep {
            step: first,
            edit: StepEdit::Owner("Oficina TIC".into()),
        },
        NOW,
    );
    let d = es(&model, &a);
    let phase = d.first_phase.unwrap();
    assert_eq!(phase.lead, catalog(Lang::Es).report_text(T::PlanSaved));
    assert_eq!(phase.steps[0].owner, "Oficina TIC");
}

#[test]
fn without_the_toolkit_there_is_no_advice_and_no_plan() {
    let model = mega();
    let d = diagnosis(&model, None, &yumbo(&model), &[], catalog(Lang::Es));
    assert!(d.advice.is_empty());
    assert!(d.first_phase.is_none());
    assert!(diagnosis_html(&d, catalog(Lang::Es)).contains(catalog(Lang::Es).report_text(T::NoRecommendations)));
}

#[test]
fn english_is_worded_in_english() {
    let model = mega();
    let mut a = yumbo(&model);
    answer_cell(&model, &mut a, "transparencia", "informar", &["yes"]);
    let d = diagnosis(&model, Some(&haga()), &a, &[], catalog(Lang::En));
    assert_eq!(d.lang, Lang::En);
    assert!(
        d.overall.starts_with("Yumbo has not yet reached the first stage"),
        "{}",
        d.overall
    );
    assert_eq!(d.pillars[0].name, "Transparency");
    assert_eq!(d.pillars[0].stage, "Inform");
    assert_eq!(d.first_phase.as_ref().unwrap().name, "1. Design");
    let html = diagnosis_html(&d, catalog(Lang::En));
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(html.contains("<h2>Signatures</h2>"));
}

#[test]
fn the_html_escapes_what_the_file_carries_and_links_only_safe_evidence() {
    let model = mega();
    let mut a = yumbo(&model);
    a.apply(
        &Change::Profile(ProfileEdit::Municipality("<b>Yumbo</b> & \"Co\"".into())),
        NOW,
    );
    let ids: Vec<String> = model.criteria().iter().take(3).map(|c| c.id.to_string()).collect();
    a.apply(
        &Change::Answer(
            ids[0].as_str().into(),
            Edit::Note("<script>alert(1)</script>\nline two".into()),
        ),
        NOW,
    );
    a.apply(
        &Change::Answer(ids[1].as_str().into(), Edit::Evidence("javascript:alert(1)".into())),
        NOW,
    );
    a.apply(
        &Change::Answer(
            ids[2].as_str().into(),
            Edit::Evidence("https://yumbo.gov.co/transparencia".into()),
        ),
        NOW,
    );
    let d = es(&model, &a);
    assert_eq!(d.annex[1].evidence_link, None);
    assert_eq!(
        d.annex[2].evidence_link.as_deref(),
        Some("https://yumbo.gov.co/transparencia")
    );
    let html = diagnosis_html(&d, catalog(Lang::Es));
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<b>Yumbo"));
    assert!(html.contains("&lt;b&gt;Yumbo&lt;/b&gt; &amp; &quot;Co&quot;"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;\nline two"));
    assert!(!html.contains("href=\"javascript"));
    assert!(html.contains("<a href=\"https://yumbo.gov.co/transparencia\""));
    // The signature block comes before the annex, whole, with both signers.
    let sig = html.find("class=\"signature\"").unwrap();
    assert!(sig < html.find("class=\"annex\"").unwrap());
    assert!(html.contains("Alcalde o alcaldesa") && html.contains("Responsable del autodiagnóstico"));
}

#[test]
fn a_workshop_on_the_assessment_says_how_it_decided_each_answer() {
    let model = mega_v1();
    let w = crate::exchange::workshop_file::read(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/workshops/workshop-v1.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let mut a = yumbo(&model).with_id(w.assessment.clone());
    set(&mut a, "T-INF-1", Some("yes"));
    let d = diagnosis(&model, None, &a, std::slice::from_ref(&w), catalog(Lang::Es));
    let line = d.annex.iter().find(|l| l.code == "T-INF-1").unwrap();
    let said = line.workshop.as_deref().unwrap();
    assert!(said == "Taller K7QX2M: tras conversarlo (ronda 2)", "{said}");
    // A workshop of another assessment says nothing here.
    let elsewhere = yumbo(&model).with_id("a-elsewhere".into());
    let other = diagnosis(&model, None, &elsewhere, std::slice::from_ref(&w), catalog(Lang::Es));
    assert!(other.annex.iter().all(|l| l.workshop.is_none()));
}
