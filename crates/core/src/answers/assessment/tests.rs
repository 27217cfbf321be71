//! Assessment tests: edits through changes, limits, conditional questions, and replaying one
//! window's unsaved changes on another window's newer version.

use super::*;
use crate::testing::*;

const T1: &str = "2026-03-02T11:00:00Z";

fn fresh() -> (Model, Assessment) {
    let model = mega();
    let a = new_assessment(&model, "a1");
    (model, a)
}

#[test]
fn new_assessment_is_empty_and_dated() {
    let (model, a) = fresh();
    assert_eq!(a.progress(&model), (0, model.criteria().len()));
    assert_eq!(a.profile().date, "2026-03-01");
    assert_eq!(a.model(), &model.reference());
}

#[test]
fn changes_update_the_answer_and_the_timestamp() {
    let (model, mut a) = fresh();
    a.apply(
        &Change::Answer("T-INF-1".into(), Edit::Value(Some("partial".into()))),
        T1,
    );
    a.apply(
        &Change::Answer("T-INF-1".into(), Edit::Note("Falta la categoría de contratos".into())),
        T1,
    );
    a.apply(
        &Change::Answer(
            "T-INF-1".into(),
            Edit::Evidence("  https://example.gov/transparencia ".into()),
        ),
        T1,
    );
    let ans = a.answer("T-INF-1").unwrap();
    assert_eq!(ans.value.as_deref(), Some("partial"));
    assert_eq!(ans.note, "Falta la categoría de contratos");
    assert_eq!(ans.evidence_url, "https://example.gov/transparencia");
    assert_eq!(a.updated_at(), T1);
    assert_eq!(a.progress(&model).0, 1);
    assert_eq!(a.cell_progress(&model, "transparencia", "informar").0, 1);
}

#[test]
fn clearing_an_answer_removes_it() {
    let (_, mut a) = fresh();
    set(&mut a, "T-INF-1", Some("yes"));
    set(&mut a, "T-INF-1", None);
    assert!(a.answers().is_empty());
}

#[test]
fn display_name_prefers_the_users_name() {
    let (_, mut a) = fresh();
    assert_eq!(a.display_name(), "2026");
    a.apply(&Change::Profile(ProfileEdit::Municipality("Yumbo".into())), T1);
    assert_eq!(a.display_name(), "Yumbo 2026");
    a.apply(&Change::Rename("  Línea base  ".into()), T1);
    assert_eq!(a.display_name(), "Línea base");
}

#[test]
fn a_duplicate_takes_its_name_from_its_own_date() {
    let (_, mut a) = fresh();
    a.apply(&Change::Profile(ProfileEdit::Municipality("San Rafael".into())), T1);
    let mut copy = a.duplicate("a2".into(), "2027-11-15T09:00:00Z");
    assert_eq!(copy.display_name(), "San Rafael 2027");
    copy.apply(&Change::Profile(ProfileEdit::Date("2028-01-10".into())), T1);
    assert_eq!(copy.display_name(), "San Rafael 2028", "no stale «· copia» name");
}

#[test]
fn canvases_keep_only_filled_fields() {
    let (_, mut a) = fresh();
    let canvas = |field: &str, text: &str| Change::Canvas {
        methodology: "mapa-actores".into(),
        field: field.into(),
        text: text.into(),
    };
    a.apply(&canvas("actor", "Junta de Acción Comunal"), T1);
    a.apply(&canvas("poder", "Alto"), T1);
    assert_eq!(a.canvas_field("mapa-actores", "actor"), "Junta de Acción Comunal");
    a.apply(&canvas("poder", "  "), T1);
    assert_eq!(a.canvases()["mapa-actores"].len(), 1);
    a.apply(&canvas("actor", ""), T1);
    assert!(a.canvases().is_empty());
}

#[test]
fn notes_are_cut_at_the_limit_on_a_character_boundary() {
    let (_, mut a) = fresh();
    let long = "ñ".repeat(MAX_NOTE_CHARS + 10);
    a.apply(&Change::Answer("T-INF-1".into(), Edit::Note(long)), T1);
    assert_eq!(a.answer("T-INF-1").unwrap().note.chars().count(), MAX_NOTE_CHARS);
}

#[test]
fn respondents_are_set_and_removed_by_position() {
    let (_, mut a) = fresh();
    let person = |index, name: &str| {
        Change::Profile(ProfileEdit::Respondent {
            index,
            name: name.into(),
            role: "Planeación".into(),
        })
    };
    a.apply(&person(1, "Beatriz"), T1);
    assert_eq!(a.profile().respondents.len(), 2, "people up to the index are added");
    a.apply(&person(0, "Ana"), T1);
    a.apply(&Change::Profile(ProfileEdit::RemoveRespondent(0)), T1);
    assert_eq!(a.profile().respondents[0].name, "Beatriz");
    a.apply(&Change::Profile(ProfileEdit::RemoveRespondent(9)), T1);
    a.apply(&person(usize::MAX, "Nadie"), T1);
    assert_eq!(a.profile().respondents.len(), 1, "out-of-range edits change nothing");
}

#[test]
fn replaying_unsaved_changes_on_a_newer_version_keeps_both() {
    let (_, base) = fresh();
    // Window B saved first: a new answer and a note.
    let mut newer = base.clone();
    set(&mut newer, "T-INF-2", Some("no"));
    newer.apply(&Change::Answer("T-INF-2".into(), Edit::Note("de B".into())), T1);
    // Window A's unsaved changes, made on the old version.
    let mine = vec![
        Change::Answer("T-INF-1".into(), Edit::Value(Some("yes".into()))),
        Change::Answer("T-INF-1".into(), Edit::Note("de A".into())),
    ];
    let merged = Assessment::rebase(&newer, &mine, T1);
    assert_eq!(merged.value("T-INF-1").map(|v| v.as_str()), Some("yes"));
    assert_eq!(merged.answer("T-INF-1").unwrap().note, "de A");
    assert_eq!(merged.value("T-INF-2").map(|v| v.as_str()), Some("no"));
    assert_eq!(merged.answer("T-INF-2").unwrap().note, "de B");
}

#[test]
fn old_stored_assessments_read_with_their_answers() {
    let (_, mut a) = fresh();
    set(&mut a, "T-INF-1", Some("partial"));
    let mut v = serde_json::to_value(&a).unwrap();
    let stored = v.as_object_mut().unwrap();
    stored.remove("canvases");
    stored.remove("plan");
    let back: Assessment = serde_json::from_value(v).unwrap();
    assert_eq!(back, a);
}

#[test]
fn continuing_leads_to_the_first_question_not_answered() {
    let (model, mut a) = fresh();
    assert_eq!(a.first_unanswered(&model).map(|c| c.id.as_str()), Some("T-INF-1"));
    set(&mut a, "T-INF-1", Some("yes"));
    assert_eq!(a.first_unanswered(&model).map(|c| c.id.as_str()), Some("T-INF-2"));
    for c in model.criteria() {
        set(&mut a, &c.id, Some("no"));
    }
    assert!(a.first_unanswered(&model).is_none());
}

#[test]
fn a_canvas_list_keeps_one_entry_per_line() {
    let model = mega();
    let mut a = new_assessment(&model, "a");
    let list = |items: &[&str]| Change::CanvasList {
        methodology: "mapa-actores".into(),
        field: "actores".into(),
        items: items.iter().map(|s| s.to_string()).collect(),
    };
    a.apply(
        &list(&["Junta de Acción Comunal", "  ", "Mesa de jóvenes\nde La Estancia"]),
        NOW,
    );
    assert_eq!(
        a.canvas_items("mapa-actores", "actores"),
        ["Junta de Acción Comunal", "Mesa de jóvenes de La Estancia"],
        "blank entries go, and a pasted line break stays inside its entry"
    );
    a.apply(&list(&["Junta de Acción Comunal"]), NOW);
    assert_eq!(a.canvas_items("mapa-actores", "actores"), ["Junta de Acción Comunal"]);
    a.apply(&list(&[]), NOW);
    assert!(
        a.canvases().is_empty(),
        "an emptied list removes the field and the canvas"
    );
}
