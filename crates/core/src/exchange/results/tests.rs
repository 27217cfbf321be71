//! Results-file tests: exact round trip, every import error one by one, the fixture of every
//! shipped format, and the published JSON Schemas.

use super::*;
use crate::analysis::{plan_gen, recommend::recommend};
use crate::answers::assessment::{Change, Edit, ProfileEdit};
use crate::answers::plan::StepEdit;
use crate::content::places::PopulationBand;
use crate::testing::*;
use serde_json::{json, Value};

/// A realistic assessment: profile, answers with notes and evidence, conditions, a canvas and
/// a plan with an edit.
pub(crate) fn scripted(model: &Model) -> Assessment {
    let mut a = scripted_v1(model);
    let canvas = |field: &str, text: &str| Change::Canvas {
        methodology: "mapa-actores".into(),
        field: field.into(),
        text: text.into(),
    };
    a.apply(&canvas("actor", "Junta de Acción Comunal del barrio La Estancia"), NOW);
    a.apply(&canvas("interes", "Alto: pide la pavimentación desde 2024"), NOW);
    let haga = frozen_haga();
    let recs = recommend(model, &haga, &a, &score(model, &a));
    a.apply(&Change::SetPlan(plan_gen::generate(model, &a, &recs, NOW)), NOW);
    a.apply(
        &Change::PlanStep {
            step: "reassess".into(),
            edit: StepEdit::Owner("Oficina de Planeación".into()),
        },
        NOW,
    );
    a
}

/// What a format-1 file could hold: no canvases, no plan.
fn scripted_v1(model: &Model) -> Assessment {
    let mut a = Assessment::new("a-yumbo-2026".into(), model, NOW);
    for edit in [
        ProfileEdit::Municipality("Yumbo".into()),
        ProfileEdit::Country("CO".into()),
        ProfileEdit::Region("Valle del Cauca".into()),
        ProfileEdit::Band(Some(PopulationBand::From100kTo500k)),
        ProfileEdit::Respondent {
            index: 0,
            name: "Ana Pérez".into(),
            role: "Secretaria de Planeación".into(),
        },
    ] {
        a.apply(&Change::Profile(edit), NOW);
    }
    let values = ["yes", "partial", "no", "not_applicable"];
    let ids: Vec<String> = model.criteria().iter().map(|c| c.id.to_string()).collect();
    for (i, id) in ids.iter().enumerate().take(40) {
        set(&mut a, id, values.get(i % 4).copied());
    }
    let first = ids.first().cloned().unwrap_or_default();
    a.apply(
        &Change::Answer(
            first.as_str().into(),
            Edit::Note("Publicado en la sección «Transparencia» <b>sin</b> marcas".into()),
        ),
        NOW,
    );
    a.apply(
        &Change::Answer(
            first.as_str().into(),
            Edit::Evidence("https://www.yumbo.gov.co/transparencia".into()),
        ),
        NOW,
    );
    set_condition(&mut a, "presupuesto", Some("partial"));
    a.apply(
        &Change::Condition(
            "presupuesto".into(),
            Edit::Note("Rubro 2026 aprobado por el Concejo".into()),
        ),
        NOW,
    );
    a
}

fn file_json(model: &Model, a: &Assessment) -> Value {
    serde_json::from_str(&to_json(&export(model, a, "0.1.0", NOW))).unwrap()
}

#[test]
fn export_then_import_is_exact() {
    let model = mega_v1();
    let a = scripted(&model);
    let text = to_json(&export(&model, &a, "0.1.0", NOW));
    let back = import(&text, &[&model], Some(&haga())).unwrap();
    assert_eq!(back.assessment, a);
    assert_eq!(back.migrated_from, None);
    assert_eq!(score(&model, &back.assessment), score(&model, &a));
}

#[test]
fn the_envelope_carries_what_advisors_need() {
    let model = mega_v1();
    let v = file_json(&model, &scripted(&model));
    assert_eq!(v["kind"], "megaip-results");
    assert_eq!(v["format"], RESULTS_FORMAT);
    assert_eq!(v["app_version"], "0.1.0");
    assert_eq!(v["assessment"]["model"]["id"], "mega-ip");
    assert_eq!(v["assessment"]["model"]["hash"], json!(model.hash()));
    assert_eq!(v["assessment"]["profile"]["municipality"], "Yumbo");
    assert!(v["scores"]["pillars"].as_array().unwrap().len() == 4);
    assert!(v["assessment"]["answers"]["T-INF-1"]["evidence_url"].is_string());
}

#[test]
fn file_names_follow_municipality_and_date() {
    let model = mega_v1();
    let mut a = scripted(&model);
    assert_eq!(file_name(&a), "resultados-yumbo-2026-03-01.json");
    let rename = |a: &mut Assessment, m: &str| a.apply(&Change::Profile(ProfileEdit::Municipality(m.into())), NOW);
    rename(&mut a, "San José de Cúcuta / Norte");
    assert_eq!(file_name(&a), "resultados-san-jose-de-cucuta-norte-2026-03-01.json");
    rename(&mut a, "");
    assert_eq!(file_name(&a), "resultados-2026-03-01.json");
    // A non-ASCII date from a hand-edited file never splits a character.
    a.apply(
        &Change::Profile(ProfileEdit::Date(String::new())),
        "2026-03-0éT10:00:00Z",
    );
    assert_eq!(file_name(&a), "resultados-2026-03-0.json");
}

fn import_value(v: &Value) -> Result<Imported, ImportError> {
    let model = mega_v1();
    import(&v.to_string(), &[&model], Some(&haga()))
}

#[test]
fn import_refuses_bad_files_one_by_one() {
    let model = mega_v1();
    let good = file_json(&model, &scripted(&model));

    assert!(matches!(
        import(&" ".repeat(MAX_RESULTS_BYTES + 1), &[], Some(&haga())),
        Err(ImportError::TooLarge { .. })
    ));
    assert_eq!(
        import("{ esto no es json", &[], Some(&haga())),
        Err(ImportError::NotJson)
    );
    assert_eq!(
        import_value(&json!({"hello": "world"})),
        Err(ImportError::NotResultsFile)
    );
    assert_eq!(import_value(&json!([1, 2, 3])), Err(ImportError::NotResultsFile));

    let mut v = good.clone();
    v["format"] = json!(RESULTS_FORMAT + 1);
    assert_eq!(
        import_value(&v),
        Err(ImportError::NewerFormat {
            found: u64::from(RESULTS_FORMAT) + 1
        })
    );

    let mut v = good.clone();
    v.as_object_mut().unwrap().remove("format");
    assert_eq!(import_value(&v), Err(ImportError::Shape { path: "format".into() }));

    let mut v = good.clone();
    v["assessment"]["profile"]
        .as_object_mut()
        .unwrap()
        .remove("municipality");
    assert_eq!(
        import_value(&v),
        Err(ImportError::Shape {
            path: "assessment.profile".into()
        })
    );

    let mut v = good.clone();
    v["assessment"]["answers"]["T-INF-1"]["value"] = json!(7);
    assert_eq!(
        import_value(&v),
        Err(ImportError::Shape {
            path: "assessment.answers.T-INF-1.value".into()
        })
    );

    let mut v = good.clone();
    v["assessment"]["answers"]["T-INF-1"]["value"] = json!("maybe");
    assert_eq!(
        import_value(&v),
        Err(ImportError::UnknownOptions(Ids {
            shown: vec!["T-INF-1=maybe".into()],
            total: 1
        }))
    );

    let mut v = good.clone();
    v["format"] = json!(4_294_967_297u64);
    assert_eq!(
        import_value(&v),
        Err(ImportError::NewerFormat { found: 4_294_967_297 }),
        "a huge format is not read as a small one"
    );

    let mut v = good.clone();
    v["assessment"]["canvases"]["inventado"] = json!({"x": "y"});
    assert!(matches!(import_value(&v), Err(ImportError::UnknownCanvas(_))));

    let mut v = good.clone();
    v["kind"] = json!(null);
    v["stages"] = json!([]);
    v["criteria"] = json!([]);
    assert_eq!(import_value(&v), Err(ImportError::IsAModel));

    let mut v = good.clone();
    v["assessment"]["created_at"] = json!(12);
    assert_eq!(
        import_value(&v),
        Err(ImportError::Shape {
            path: "assessment.created_at".into()
        })
    );

    let mut v = good.clone();
    v["assessment"]["model"]["id"] = json!("otro-modelo");
    assert_eq!(
        import_value(&v),
        Err(ImportError::UnknownModel {
            id: "otro-modelo".into(),
            version: model.version().to_owned()
        })
    );

    let mut v = good.clone();
    v["assessment"]["model"]["hash"] = json!("sha256:0000");
    assert_eq!(
        import_value(&v),
        Err(ImportError::ModelChanged {
            id: "mega-ip".into(),
            version: model.version().to_owned()
        })
    );

    let mut v = good.clone();
    v["assessment"]["answers"]["X-NOPE-9"] = json!({"value": "yes"});
    assert_eq!(
        import_value(&v),
        Err(ImportError::UnknownCriteria(Ids {
            shown: vec!["X-NOPE-9".into()],
            total: 1
        }))
    );

    let mut v = good.clone();
    v["assessment"]["conditions"]["suerte"] = json!({"value": "yes"});
    assert_eq!(
        import_value(&v),
        Err(ImportError::UnknownConditions(Ids {
            shown: vec!["suerte".into()],
            total: 1
        }))
    );

    let mut v = good;
    v["format"] = json!(0);
    assert!(matches!(import_value(&v), Err(ImportError::Shape { .. })));
}

#[test]
fn thousands_of_unknown_ids_are_counted_not_listed() {
    let model = mega_v1();
    let mut v = file_json(&model, &scripted(&model));
    for i in 0..20_000 {
        v["assessment"]["answers"][format!("X-{i}")] = json!({"value": "yes"});
    }
    let Err(ImportError::UnknownCriteria(ids)) = import_value(&v) else {
        panic!("expected unknown criteria")
    };
    assert_eq!((ids.shown.len(), ids.total), (NAMED_IDS, 20_000));
}

#[test]
fn stored_scores_are_ignored_and_recomputed() {
    let model = mega_v1();
    let a = scripted(&model);
    let mut v = file_json(&model, &a);
    assert!(
        !import_value(&v).unwrap().scores_differ,
        "an untouched file agrees with itself"
    );
    v["scores"]["overall_level"] = json!(5);
    let back = import_value(&v).unwrap();
    assert_eq!(score(&model, &back.assessment), score(&model, &a));
    assert!(back.scores_differ, "the user is told the file was edited");
}

/// A fixture of every results format ever shipped must still import, with its answers intact.
#[test]
fn shipped_fixtures_still_import() {
    let model = mega_v1();
    let haga = haga();
    let v4 = include_str!("../../../../../tests/fixtures/results/results-v4.json");
    let imported = import(v4, &[&model], Some(&haga)).expect("v4 fixture imports");
    assert_eq!(imported.migrated_from, None);
    assert_eq!(
        imported.assessment,
        scripted(&model),
        "the v4 fixture is the scripted assessment"
    );

    for (old, format) in [
        (include_str!("../../../../../tests/fixtures/results/results-v3.json"), 3),
        (include_str!("../../../../../tests/fixtures/results/results-v2.json"), 2),
    ] {
        let imported = import(old, &[&model], Some(&haga)).expect("the fixture imports");
        assert_eq!(imported.migrated_from, Some(format));
        assert!(
            !imported.scores_differ,
            "old files' figures still agree with their answers"
        );
        let a = imported.assessment;
        assert_eq!(
            a.canvas_field("mapa-actores", "actor"),
            "Junta de Acción Comunal del barrio La Estancia"
        );
        let plan = a.plan().expect("the fixture has a plan");
        assert_eq!(
            plan.steps.iter().find(|s| s.id == "reassess").unwrap().owner,
            "Oficina de Planeación"
        );
        assert_eq!(a.upgraded_from(), None);
    }

    let v1 = include_str!("../../../../../tests/fixtures/results/results-v1.json");
    let imported = import(v1, &[&model], Some(&haga)).expect("v1 fixture imports");
    assert_eq!(imported.migrated_from, Some(1));
    let a = imported.assessment;
    assert!(a.canvases().is_empty() && a.plan().is_none(), "format 1 had neither");
    assert_eq!(a.profile().municipality, "Yumbo");
    assert_eq!(a.answers().len(), 40);
    assert_eq!(a.value("T-INF-1").map(|v| v.as_str()), Some("yes"));
    assert_eq!(
        a.answer("T-INF-1").map(|x| x.note.as_str()),
        Some("Publicado en la sección «Transparencia» <b>sin</b> marcas")
    );
    assert_eq!(a.condition_value("presupuesto").map(|v| v.as_str()), Some("partial"));
    // The stages written in the old files agree, pillar by pillar, with the stages computed now.
    let v2 = include_str!("../../../../../tests/fixtures/results/results-v2.json");
    for old in [v1, v2] {
        let file: Value = serde_json::from_str(old).unwrap();
        let a = import(old, &[&model], Some(&haga)).unwrap().assessment;
        let now = score(&model, &a);
        for (i, p) in now.pillars.iter().enumerate() {
            assert_eq!(file["scores"]["pillars"][i]["level"], json!(p.level), "{}", p.pillar);
            assert_eq!(file["scores"]["pillars"][i]["index"], json!(p.index), "{}", p.pillar);
        }
        assert_eq!(file["scores"]["overall_level"], json!(now.overall_level));
    }
}

#[test]
fn migrating_format_1_equals_the_same_answers_in_format_2() {
    let model = mega_v1();
    let a = scripted_v1(&model);
    let mut v1 = file_json(&model, &a);
    v1["format"] = json!(1);
    let fields = v1["assessment"].as_object_mut().unwrap();
    fields.remove("canvases");
    fields.remove("plan");
    let migrated = migrate(v1, 1).unwrap();
    assert_eq!(migrated["format"], RESULTS_FORMAT);
    let mut expected = file_json(&model, &a);
    expected["scores"] = Value::Null;
    assert_eq!(migrated, expected);
}

#[test]
fn published_schemas_match_the_types() {
    check_schema("schema/results.schema.json", schemars::schema_for!(ResultsFile));
    check_schema(
        "schema/model.schema.json",
        schemars::schema_for!(crate::content::wire::ModelFile),
    );
}

/// The published results schema accepts what the app writes and rejects what it refuses.
#[test]
fn the_results_schema_validates_real_files() {
    let results = validator("schema/results.schema.json");
    let fixture: Value =
        serde_json::from_str(include_str!("../../../../../tests/fixtures/results/results-v4.json")).unwrap();
    assert!(results.is_valid(&fixture));
    let mut broken = fixture.clone();
    broken["assessment"]["answers"]["T-INF-1"]["value"] = json!(7);
    assert!(!results.is_valid(&broken));
}

/// Writes the fixture of the current format when `WRITE_FIXTURE` is set, and otherwise checks
/// that the committed one is what the app writes today.
#[test]
fn the_current_fixture_is_what_the_app_writes() {
    let model = mega_v1();
    let path = format!(
        "{}/tests/fixtures/results/results-v{RESULTS_FORMAT}.json",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../..")
    );
    let written = to_json(&export(&model, &scripted(&model), "0.1.0", NOW)) + "\n";
    // A new format's fixture is written once, over an empty placeholder (`{}`), never again.
    let placeholder = std::fs::read_to_string(&path).is_ok_and(|s| s.trim() == "{}");
    if std::env::var_os("WRITE_FIXTURE").is_some() && placeholder {
        std::fs::write(&path, &written).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let (a, b): (Value, Value) = (
        serde_json::from_str(&committed).unwrap(),
        serde_json::from_str(&written).unwrap(),
    );
    assert_eq!(
        a, b,
        "fixtures are never edited: a change to the file needs a new format"
    );
}

/// The largest assessment the app lets anyone type (every note, link, canvas field, plan field
/// and name at its limit, in characters that take the most bytes once written as JSON) still
/// exports to a file the app imports.
#[test]
fn an_export_at_every_limit_still_imports() {
    for model in [mega(), mega_v1()] {
        export_at_every_limit(model);
    }
}

fn export_at_every_limit(model: Model) {
    use crate::answers::assessment::{MAX_LINK_CHARS, MAX_NOTE_CHARS};
    let haga = haga();
    let mut a = scripted(&model);
    let worst = |n: usize| "\u{1}".repeat(n); // written as \u0001: six bytes each
    for c in model.criteria() {
        set(&mut a, &c.id, Some("partial"));
        a.apply(
            &Change::Answer(c.id.clone(), Edit::Note(worst(MAX_NOTE_CHARS + 50))),
            NOW,
        );
        a.apply(
            &Change::Answer(c.id.clone(), Edit::Evidence("x".repeat(MAX_LINK_CHARS + 50))),
            NOW,
        );
    }
    for c in model.conditions() {
        a.apply(&Change::Condition(c.id.clone(), Edit::Note(worst(MAX_NOTE_CHARS))), NOW);
    }
    for m in &haga.methodologies {
        for f in &m.canvas.fields {
            a.apply(
                &Change::Canvas {
                    methodology: m.id.clone(),
                    field: f.id.clone(),
                    text: worst(MAX_NOTE_CHARS),
                },
                NOW,
            );
        }
    }
    let steps: Vec<String> = a
        .plan()
        .map(|p| p.steps.iter().map(|s| s.id.clone()).collect())
        .unwrap_or_default();
    for s in steps {
        for edit in [StepEdit::Owner(worst(5000)), StepEdit::Notes(worst(5000))] {
            a.apply(&Change::PlanStep { step: s.clone(), edit }, NOW);
        }
    }
    for i in 0..600 {
        a.apply(
            &Change::Profile(ProfileEdit::Respondent {
                index: i,
                name: worst(300),
                role: worst(300),
            }),
            NOW,
        );
    }
    a.apply(&Change::Rename(worst(500)), NOW);
    let text = to_json(&export(&model, &a, "0.1.0", NOW));
    assert!(text.len() <= MAX_RESULTS_BYTES, "an export of {} bytes", text.len());
    let back = import(&text, &[&model], Some(&haga)).unwrap();
    assert!(back.assessment == a && !back.cut);
}
