//! An assessment of a small example model carried to a new version of it: unchanged, moved,
//! split, changed, dropped and new questions, conditions, canvases and the plan.

use super::*;
use crate::answers::assessment::{Change, Edit};
use crate::answers::plan::{Horizon, Phase, Plan, PlanStep};
use serde_json::{json, Value};

const V1: &str = include_str!("../../../../../tests/fixtures/models/records-maturity.json");
const NOW: &str = "2026-12-02T10:00:00Z";

fn with_condition(mut m: Value) -> Value {
    m["conditions"] = json!([{ "id": "equipo", "name": { "es": "Equipo", "en": "Team" },
        "question": { "es": "¿Hay equipo?", "en": "Is there a team?" }, "scale": "yes-no" }]);
    m
}

fn criterion(m: &Value, id: &str) -> Value {
    m["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
        .clone()
}

/// Version 2: D-4 moves to n3 as D-6; D-5 splits into D-7 and D-8; A-4 changes into A-6;
/// A-5 is dropped; A-7 is new. Everything else is the same.
fn models() -> (Model, Model, Upgrade) {
    let v1 = with_condition(serde_json::from_str(V1).unwrap());
    let mut v2 = v1.clone();
    v2["version"] = json!("2.0.0");
    let keep: Vec<Value> = v1["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !["D-4", "D-5", "A-4", "A-5"].contains(&c["id"].as_str().unwrap()))
        .cloned()
        .collect();
    let mut criteria = keep;
    let mut add = |from: &str, id: &str, stage: &str, es: &str| {
        let mut c = criterion(&v1, from);
        c["id"] = json!(id);
        c["stage"] = json!(stage);
        if !es.is_empty() {
            c["text"] = json!({ "es": es, "en": es });
        }
        criteria.push(c);
    };
    add("D-4", "D-6", "n3", "");
    add("D-5", "D-7", "n5", "¿Se pide en línea?");
    add("D-5", "D-8", "n5", "¿Se responde en línea?");
    add("A-4", "A-6", "n4", "¿Otra cosa?");
    add("A-5", "A-7", "n5", "¿Nueva?");
    add("D-2", "D-9", "n4", "¿Una más en n4?");
    v2["criteria"] = json!(criteria);
    let why = json!({ "es": "Porque sí.", "en": "Because." });
    let mut mappings: Vec<Value> = ["D-1", "D-2", "D-3", "A-1", "A-2", "A-3"]
        .iter()
        .map(|id| json!({ "old": id, "how": "same", "new": [id] }))
        .collect();
    mappings.push(json!({ "old": "D-4", "how": "moved", "new": ["D-6"], "why": why }));
    mappings.push(json!({ "old": "D-5", "how": "split", "new": ["D-7", "D-8"], "why": why }));
    mappings.push(json!({ "old": "A-4", "how": "changed", "new": ["A-6"], "why": why }));
    mappings.push(json!({ "old": "A-5", "how": "dropped", "why": why }));
    let upgrade = json!({ "format": 1, "kind": "megaip-upgrade", "model": "records-maturity",
        "from": "1.0.0", "to": "2.0.0", "summary": why, "criteria": mappings });
    (
        Model::parse(&v1.to_string()).unwrap(),
        Model::parse(&v2.to_string()).unwrap(),
        Upgrade::parse(&upgrade.to_string()).unwrap(),
    )
}

fn answered(model: &Model) -> Assessment {
    let mut a = Assessment::new("a1".into(), model, "2026-11-02T09:00:00Z");
    let yes = |c: &str| Change::Answer(c.into(), Edit::Value(Some("yes".into())));
    for c in ["D-2", "D-4", "D-5", "A-1", "A-2", "A-4", "A-5"] {
        a.apply(&yes(c), NOW);
    }
    a.apply(&Change::Answer("D-1".into(), Edit::Value(Some("reglas".into()))), NOW);
    a.apply(&Change::Answer("D-5".into(), Edit::Note("Acta 12 de 2026".into())), NOW);
    a.apply(
        &Change::Answer("D-4".into(), Edit::Evidence("https://example.org/cuadro".into())),
        NOW,
    );
    a.apply(&Change::Condition("equipo".into(), Edit::Value(Some("no".into()))), NOW);
    a.apply(&Change::Rename("Yumbo noviembre".into()), NOW);
    a.apply(
        &Change::Canvas {
            methodology: "m".into(),
            field: "f".into(),
            text: "texto".into(),
        },
        NOW,
    );
    let step = |c: &str| {
        PlanStep::new(
            criterion_step_id(c),
            Phase::Implementation,
            Horizon::MediumTerm,
            Subject::Criterion { criterion: c.into() },
        )
    };
    let mut moved = step("D-4");
    moved.owner = "Ana".into();
    a.apply(
        &Change::SetPlan(Plan {
            generated_at: NOW.into(),
            steps: vec![moved, step("A-5"), step("D-2")],
        }),
        NOW,
    );
    a
}

#[test]
fn the_example_upgrade_is_sound() {
    let (v1, v2, up) = models();
    assert_eq!(up.check(&v1, &v2), Vec::<String>::new());
}

#[test]
fn carries_same_and_moved_answers_and_asks_the_rest_again() {
    let (v1, v2, up) = models();
    let old = answered(&v1);
    assert!(up.starts_from(old.model()));
    let (new, report) = carry(&old, &up, &v2, "a2".into(), NOW);

    assert!(v2.is(new.model()));
    assert_eq!(new.upgraded_from().map(|i| i.as_str()), Some("a1"));
    assert_eq!(new.value("D-1").map(|v| v.as_str()), Some("reglas"));
    assert_eq!(new.value("D-2").map(|v| v.as_str()), Some("yes"));
    // Moved: answer and link follow the question to its new id.
    assert_eq!(new.value("D-6").map(|v| v.as_str()), Some("yes"));
    assert_eq!(new.answer("D-6").unwrap().evidence_url, "https://example.org/cuadro");
    assert!(new.answer("D-4").is_none());
    // Split: asked again, the note kept beside each new question.
    for c in ["D-7", "D-8"] {
        assert_eq!(new.value(c), None);
        assert_eq!(new.answer(c).unwrap().note, "Acta 12 de 2026");
    }
    assert_eq!(new.value("A-6"), None);
    assert!(new.answer("A-5").is_none());
    assert_eq!(new.condition_value("equipo").map(|v| v.as_str()), Some("no"));
    assert_eq!(new.canvas_field("m", "f"), "texto");
    assert_eq!(new.name(), "Yumbo noviembre");
    assert_eq!(new.profile(), old.profile());

    assert_eq!(report.moved, vec![("D-4".into(), "D-6".into())]);
    assert_eq!(
        report.ask_again,
        vec![
            ("D-5".into(), vec!["D-7".into(), "D-8".into()]),
            ("A-4".into(), vec!["A-6".into()])
        ]
    );
    assert_eq!(report.dropped, vec![CriterionId::from("A-5")]);
    assert_eq!(report.new, vec![CriterionId::from("A-7"), CriterionId::from("D-9")]);
    let to_answer: Vec<&str> = report.to_answer().into_iter().map(|c| c.as_str()).collect();
    assert_eq!(to_answer, ["A-6", "A-7", "D-7", "D-8", "D-9"]);

    // The walk asks exactly those (and what was never answered before).
    let mut unanswered: Vec<&str> = v2
        .criteria()
        .iter()
        .filter(|c| new.is_asked(&v2, c) && new.value(&c.id).is_none())
        .map(|c| c.id.as_str())
        .collect();
    unanswered.sort();
    assert_eq!(unanswered, ["A-3", "A-6", "A-7", "D-3", "D-7", "D-8", "D-9"]);

    // The plan: the moved step keeps the team's owner under its new id; the dropped one leaves.
    let plan = new.plan().unwrap();
    let ids: Vec<&str> = plan.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["criterion:D-6", "criterion:D-2"]);
    assert_eq!(plan.steps[0].owner, "Ana");
    assert_eq!(report.steps_removed, 1);

    // The old assessment is untouched.
    assert_eq!(old, answered(&v1));
}

#[test]
fn an_answer_whose_option_is_gone_is_asked_again() {
    let (v1, v2, up) = models();
    let mut old = answered(&v1);
    old.apply(
        &Change::Answer("D-1".into(), Edit::Value(Some("desaparecida".into()))),
        NOW,
    );
    let (new, report) = carry(&old, &up, &v2, "a2".into(), NOW);
    assert_eq!(new.value("D-1"), None);
    assert!(report.ask_again.iter().any(|(o, _)| o.as_str() == "D-1"));
}

#[test]
fn check_names_every_kind_of_broken_mapping() {
    let (v1, v2, up) = models();
    let mut broken = up.clone();
    broken.criteria.retain(|m| m.old.as_str() != "A-3");
    broken.criteria.push(up.criteria[0].clone());
    if let Some(m) = broken.criteria.iter_mut().find(|m| m.old.as_str() == "D-4") {
        m.why = None;
        m.new = vec!["D-4".into()];
    }
    if let Some(m) = broken.criteria.iter_mut().find(|m| m.old.as_str() == "D-5") {
        m.new.push("Z-9".into());
    }
    let problems = broken.check(&v1, &v2).join("\n");
    for expected in [
        "criterion A-3 of version 1.0.0 is not mapped",
        "criterion D-1 is mapped twice",
        "criterion D-4 changes (Moved) without a reason",
        "criterion D-4 leads to D-4, which is not in version 2.0.0",
        "criterion D-4 is moved but keeps its id",
        "criterion D-5 leads to Z-9",
    ] {
        assert!(problems.contains(expected), "{expected:?} not in:\n{problems}");
    }
    // Answers carried onto a question with other options are refused.
    let mut odd = up.clone();
    if let Some(m) = odd.criteria.iter_mut().find(|m| m.old.as_str() == "D-3") {
        m.how = How::Moved;
        m.new = vec!["A-7".into()];
        m.why = up.criteria.iter().find_map(|m| m.why.clone());
    }
    assert!(odd.check(&v1, &v2).join("\n").contains("whose options differ"));
}

/// The bundled MEGA IP 1.0.0 → 2.0.0 upgrade: sound, and an assessment answered in full on
/// 1.0.0 arrives on 2.0.0 with every carried answer in place and only the rest to answer.
#[test]
fn a_full_mega_ip_1_assessment_carries_to_2() {
    use crate::testing::{mega, mega_v1};
    let (v1, v2) = (mega_v1(), mega());
    let ups = Upgrade::bundled().unwrap();
    let up = Upgrade::from_model(&ups, &v1.reference()).expect("an upgrade from 1.0.0");
    assert!(up.leads_to(&v2));
    assert_eq!(up.check(&v1, &v2), Vec::<String>::new());

    let mut old = Assessment::new("a1".into(), &v1, NOW);
    let values = ["yes", "partial", "no", "not_applicable"];
    for (i, c) in v1.criteria().iter().enumerate() {
        let value = values.get(i % 4).copied().map(Into::into);
        old.apply(&Change::Answer(c.id.clone(), Edit::Value(value)), NOW);
        old.apply(&Change::Answer(c.id.clone(), Edit::Note(format!("nota {}", c.id))), NOW);
    }
    let (new, report) = carry(&old, up, &v2, "a2".into(), NOW);

    let counted = report.same.len()
        + report.moved.len()
        + report.ask_again.len()
        + report.to_condition.len()
        + report.dropped.len();
    assert_eq!(counted, v1.criteria().len(), "every old question is accounted for");
    for c in &report.same {
        assert_eq!(new.value(c), old.value(c), "{c} same");
    }
    for (from, to) in &report.moved {
        assert_eq!(new.value(to), old.value(from), "{from} → {to}");
        assert_eq!(new.answer(to).unwrap().note, format!("nota {from}"));
    }
    for (from, parts) in &report.ask_again {
        for p in parts {
            assert_eq!(new.value(p), None, "{p} is asked again");
            let note = &new.answer(p).unwrap().note;
            assert!(
                note.contains(&format!("nota {from}")),
                "the note of {from} stays beside {p}: {note}"
            );
        }
    }
    // What is left to answer is exactly what the upgrade asks again or adds.
    let mut open: Vec<&str> = v2
        .criteria()
        .iter()
        .filter(|c| new.is_asked(&v2, c) && new.value(&c.id).is_none())
        .map(|c| c.id.as_str())
        .collect();
    open.sort();
    let asked: Vec<&str> = up.asked_again(&v2).into_iter().map(|c| c.as_str()).collect();
    assert_eq!(open, asked);
    let mut to_answer: Vec<&str> = report.to_answer().into_iter().map(|c| c.as_str()).collect();
    to_answer.sort();
    assert_eq!(to_answer, asked);
    assert!(!report.same.is_empty() && !report.moved.is_empty() && !report.ask_again.is_empty());
}
