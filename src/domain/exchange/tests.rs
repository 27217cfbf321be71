//! Results-file tests: exact round trip, every import error one by one, the fixture of every
//! shipped format, and the published JSON Schemas.

use super::*;
use crate::domain::assessment::{AnswerValue, Edit, PopulationBand, Respondent};
use crate::domain::haga::Haga;
use crate::domain::scoring::Scores;
use serde_json::{json, Value};

const NOW: &str = "2026-03-01T10:00:00Z";

/// A realistic assessment: profile, answers with notes and evidence, conditions.
fn scripted(model: &Model) -> Assessment {
    let mut a = scripted_v1(model);
    a.edit_canvas(
        "mapa-actores",
        "actor",
        "Junta de Acción Comunal del barrio La Estancia".into(),
        NOW,
    );
    a.edit_canvas(
        "mapa-actores",
        "interes",
        "Alto: pide la pavimentación desde 2024".into(),
        NOW,
    );
    let haga = Haga::bundled();
    let recs = crate::domain::recommend::recommend(model, &haga, &a, &score(model, &a));
    a.set_plan(crate::domain::plan::generate(&a, &recs, NOW), NOW);
    a.edit_plan_step(
        "reassess",
        crate::domain::plan::StepEdit::Owner("Oficina de Planeación".into()),
        NOW,
    );
    a
}

/// What a format-1 file could hold: no canvases, no plan.
fn scripted_v1(model: &Model) -> Assessment {
    let mut a = Assessment::new("a-yumbo-2026".into(), model, NOW);
    a.edit_profile(NOW, |p| {
        p.municipality = "Yumbo".into();
        p.country = "CO".into();
        p.region = "Valle del Cauca".into();
        p.population_band = Some(PopulationBand::From100kTo500k);
        p.respondents = vec![Respondent {
            name: "Ana Pérez".into(),
            role: "Secretaria de Planeación".into(),
        }];
    });
    let values = [
        AnswerValue::Yes,
        AnswerValue::Partial,
        AnswerValue::No,
        AnswerValue::NotApplicable,
    ];
    let ids: Vec<String> = model.criteria.iter().map(|c| c.id.clone()).collect();
    for (i, id) in ids.iter().enumerate().take(40) {
        a.edit_answer(id, Edit::Value(Some(values[i % 4])), NOW);
    }
    a.edit_answer(
        &ids[0],
        Edit::Note("Publicado en la sección «Transparencia» <b>sin</b> marcas".into()),
        NOW,
    );
    a.edit_answer(
        &ids[0],
        Edit::Evidence("https://www.yumbo.gov.co/transparencia".into()),
        NOW,
    );
    a.edit_condition("presupuesto", Edit::Value(Some(AnswerValue::Partial)), NOW);
    a.edit_condition(
        "presupuesto",
        Edit::Note("Rubro 2026 aprobado por el Concejo".into()),
        NOW,
    );
    a
}

fn file_json(model: &Model, a: &Assessment) -> Value {
    serde_json::from_str(&to_json(&export(model, a, "0.1.0", NOW))).unwrap()
}

#[test]
fn export_then_import_is_exact() {
    let model = Model::mega_ip();
    let a = scripted(&model);
    let text = to_json(&export(&model, &a, "0.1.0", NOW));
    let back = import(&text, std::slice::from_ref(&model), &Haga::bundled()).unwrap();
    assert_eq!(back.assessment, a);
    assert_eq!(back.migrated_from, None);
    assert_eq!(score(&model, &back.assessment), score(&model, &a));
}

#[test]
fn the_envelope_carries_what_advisors_need() {
    let model = Model::mega_ip();
    let v = file_json(&model, &scripted(&model));
    assert_eq!(v["kind"], "megaip-results");
    assert_eq!(v["format"], RESULTS_FORMAT);
    assert_eq!(v["app_version"], "0.1.0");
    assert_eq!(v["assessment"]["model"]["id"], "mega-ip");
    assert_eq!(v["assessment"]["model"]["hash"], json!(model.content_hash()));
    assert_eq!(v["assessment"]["profile"]["municipality"], "Yumbo");
    assert!(v["scores"]["pillars"].as_array().unwrap().len() == 4);
    assert!(v["assessment"]["answers"]["T-INF-1"]["evidence_url"].is_string());
}

#[test]
fn file_names_follow_municipality_and_date() {
    let model = Model::mega_ip();
    let mut a = scripted(&model);
    assert_eq!(file_name(&a), "resultados-yumbo-2026-03-01.json");
    a.edit_profile(NOW, |p| p.municipality = "San José de Cúcuta / Norte".into());
    assert_eq!(file_name(&a), "resultados-san-jose-de-cucuta-norte-2026-03-01.json");
    a.edit_profile(NOW, |p| p.municipality = "".into());
    assert_eq!(file_name(&a), "resultados-2026-03-01.json");
}

fn import_value(v: &Value) -> Result<Imported, ImportError> {
    import(&v.to_string(), &[Model::mega_ip()], &Haga::bundled())
}

#[test]
fn import_refuses_bad_files_one_by_one() {
    let model = Model::mega_ip();
    let good = file_json(&model, &scripted(&model));

    assert!(matches!(
        import(&" ".repeat(MAX_RESULTS_BYTES + 1), &[], &Haga::bundled()),
        Err(ImportError::TooLarge { .. })
    ));
    assert_eq!(
        import("{ esto no es json", &[], &Haga::bundled()),
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
            found: RESULTS_FORMAT + 1
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
    v["assessment"]["answers"]["T-INF-1"]["value"] = json!("maybe");
    assert_eq!(
        import_value(&v),
        Err(ImportError::Shape {
            path: "assessment.answers.T-INF-1.value".into()
        })
    );

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
            version: model.version.clone()
        })
    );

    let mut v = good.clone();
    v["assessment"]["model"]["hash"] = json!("sha256:0000");
    assert_eq!(
        import_value(&v),
        Err(ImportError::ModelChanged {
            id: "mega-ip".into(),
            version: model.version.clone()
        })
    );

    let mut v = good.clone();
    v["assessment"]["answers"]["X-NOPE-9"] = json!({"value": "yes"});
    assert_eq!(
        import_value(&v),
        Err(ImportError::UnknownCriteria(vec!["X-NOPE-9".into()]))
    );

    let mut v = good.clone();
    v["assessment"]["conditions"]["suerte"] = json!({"value": "yes"});
    assert_eq!(
        import_value(&v),
        Err(ImportError::UnknownConditions(vec!["suerte".into()]))
    );

    let mut v = good;
    v["format"] = json!(0);
    assert!(matches!(import_value(&v), Err(ImportError::Shape { .. })));
}

#[test]
fn every_error_has_a_message_in_both_languages() {
    let errors = [
        ImportError::TooLarge { bytes: 9_000_000 },
        ImportError::NotJson,
        ImportError::NotResultsFile,
        ImportError::NewerFormat { found: 9 },
        ImportError::Shape {
            path: "assessment.profile".into(),
        },
        ImportError::UnknownModel {
            id: "m".into(),
            version: "1".into(),
        },
        ImportError::ModelChanged {
            id: "m".into(),
            version: "1".into(),
        },
        ImportError::UnknownCriteria(vec!["A".into()]),
        ImportError::UnknownConditions(vec!["B".into()]),
    ];
    for e in &errors {
        let (es, en) = (e.message(Lang::Es), e.message(Lang::En));
        assert!(!es.is_empty() && !en.is_empty() && es != en, "{e:?}");
    }
    assert!(ImportError::TooLarge { bytes: 9_000_000 }
        .message(Lang::Es)
        .contains("8.6 MB"));
}

/// A fixture of every results format ever shipped must still import, with its answers intact.
#[test]
fn shipped_fixtures_still_import() {
    let model = Model::mega_ip();
    let haga = Haga::bundled();
    let v2 = include_str!("../../../tests/fixtures/results/results-v2.json");
    let imported = import(v2, std::slice::from_ref(&model), &haga).expect("v2 fixture imports");
    assert_eq!(imported.migrated_from, None);
    let a = imported.assessment;
    assert_eq!(
        a.canvas_field("mapa-actores", "actor"),
        "Junta de Acción Comunal del barrio La Estancia"
    );
    let plan = a.plan.as_ref().expect("the v2 fixture has a plan");
    assert_eq!(
        plan.steps.iter().find(|s| s.id == "reassess").unwrap().owner,
        "Oficina de Planeación"
    );

    let v1 = include_str!("../../../tests/fixtures/results/results-v1.json");
    let imported = import(v1, std::slice::from_ref(&model), &haga).expect("v1 fixture imports");
    assert_eq!(imported.migrated_from, Some(1));
    let a = imported.assessment;
    assert!(a.canvases.is_empty() && a.plan.is_none(), "format 1 had neither");
    assert_eq!(a.profile.municipality, "Yumbo");
    assert_eq!(a.answers.len(), 40);
    assert_eq!(a.value("T-INF-1"), Some(AnswerValue::Yes));
    assert_eq!(
        a.answers["T-INF-1"].note,
        "Publicado en la sección «Transparencia» <b>sin</b> marcas"
    );
    assert_eq!(a.conditions["presupuesto"].value, Some(AnswerValue::Partial));
    // The scores written in the file agree with the scores computed now.
    let file: serde_json::Value = serde_json::from_str(v1).unwrap();
    let scores: Scores = serde_json::from_value(file["scores"].clone()).unwrap();
    assert_eq!(scores, score(&model, &a));
}

#[test]
fn migrating_format_1_equals_the_same_answers_in_format_2() {
    let model = Model::mega_ip();
    let a = scripted_v1(&model);
    let mut v1 = file_json(&model, &a);
    v1["format"] = json!(1);
    let fields = v1["assessment"].as_object_mut().unwrap();
    fields.remove("canvases");
    fields.remove("plan");
    let migrated = migrate(v1, 1).unwrap();
    assert_eq!(migrated["format"], RESULTS_FORMAT);
    assert_eq!(migrated, file_json(&model, &a));
}

fn check_schema(path: &str, schema: schemars::Schema) {
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::write(&full, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        committed == generated,
        "{path} is out of date: run `UPDATE_SCHEMAS=1 cargo test` and commit it"
    );
}

#[test]
fn published_schemas_match_the_types() {
    check_schema("schema/results.schema.json", schemars::schema_for!(ResultsFile));
    check_schema("schema/model.schema.json", schemars::schema_for!(Model));
}

/// Writes the fixture of the current format. Run once when a format ships:
/// `WRITE_FIXTURE=1 cargo test write_current_fixture -- --ignored`
#[test]
#[ignore]
fn write_current_fixture() {
    let model = Model::mega_ip();
    let path = format!(
        "{}/tests/fixtures/results/results-v{RESULTS_FORMAT}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("WRITE_FIXTURE").is_some() {
        std::fs::write(path, to_json(&export(&model, &scripted(&model), "0.1.0", NOW)) + "\n").unwrap();
    }
}

fn validator(path: &str) -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap())
            .unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// The published schemas accept what the app reads and writes, and reject what it refuses.
#[test]
fn schemas_validate_real_files() {
    let results = validator("schema/results.schema.json");
    let fixture: Value = serde_json::from_str(include_str!("../../../tests/fixtures/results/results-v2.json")).unwrap();
    assert!(results.is_valid(&fixture));
    let mut broken = fixture.clone();
    broken["assessment"]["answers"]["T-INF-1"]["value"] = json!("maybe");
    assert!(!results.is_valid(&broken));

    let models = validator("schema/model.schema.json");
    for json in [
        include_str!("../../../toolkits/mega-ip/model.json"),
        include_str!("../../../tests/fixtures/models/city-data-maturity.json"),
    ] {
        let v: Value = serde_json::from_str(json).unwrap();
        let errors: Vec<String> = models.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}
