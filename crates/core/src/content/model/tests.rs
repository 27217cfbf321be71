//! Model tests: the bundled model, both formats, the worked example of format 2, the schema
//! agreeing with the parser, and validation that stays bounded on hostile files.

use super::*;
use crate::analysis::scoring::score;
use crate::content::format1::ModelV1;
use crate::testing::*;
use serde_json::json;

const EXAMPLE: &str = include_str!("../../../../../tests/fixtures/models/records-maturity.json");
const CITY: &str = include_str!("../../../../../tests/fixtures/models/city-data-maturity.json");

fn fixtures_dir() -> String {
    format!("{}/../../tests/fixtures/models", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn mega_ip_is_valid_and_complete() {
    let model = mega();
    assert_eq!(model.id(), "mega-ip");
    assert_eq!(
        (model.stages().len(), model.pillars().len(), model.lines().len()),
        (5, 4, 4)
    );
    assert_eq!(model.conditions().len(), 7, "the seven enabling conditions");
    assert!(model.criteria().len() >= 60);
    for p in model.pillars() {
        for s in model.stages() {
            let n = model.cell(&p.id, &s.id).count();
            assert!(n >= 3, "cell {} × {} has {n} criteria, needs 3", p.id, s.id);
        }
    }
    for c in model.criteria() {
        assert!(
            !c.evidence.is_empty() && !c.lines.is_empty() && !c.frameworks.is_empty(),
            "{}",
            c.id
        );
        assert_eq!(model.scale_of(c).options.len(), 4, "Sí, Parcial, No, No aplica");
    }
    for c in model.conditions() {
        assert_eq!(
            model.condition_scale(c).options.len(),
            3,
            "conditions have no No aplica"
        );
    }
    assert_eq!(model.languages(), ["es", "en", "pt"]);
    assert_eq!(mega_v1().languages(), ["es", "en"], "1.0.0 is frozen as published");
}

/// Results files made with MEGA IP 1.0.0 carry this hash; it must never change.
#[test]
fn format_1_models_keep_the_identity_results_files_carry() {
    assert_eq!(
        mega_v1().hash(),
        "sha256:a133045ee541e6359b69b2a9e9be0d002a7e6cf62aa078e1c6bb5aeac3282165"
    );
}

#[test]
fn format_1_migrates_to_format_2_with_the_same_meaning() {
    for json in [MEGA_IP_1_JSON, CITY] {
        let v1: ModelV1 = serde_json::from_str(json).unwrap();
        let original = Model::parse(json).unwrap();
        let as_format2 = v1.into_format2();
        let migrated = Model::parse(&as_format2.to_json()).unwrap();
        assert_eq!(migrated.format(), 2);
        assert_ne!(migrated.hash(), original.hash(), "a format-2 file has its own identity");
        assert_eq!(migrated.criteria(), original.criteria());
        assert_eq!(migrated.stages(), original.stages());
        assert_eq!(migrated.scales(), original.scales());
        assert_eq!(migrated.conditions(), original.conditions());
        // Every results fixture scores the same against both.
        let v3 = include_str!("../../../../../tests/fixtures/results/results-v3.json");
        if original.id() == "mega-ip" {
            let a = crate::exchange::results::import(v3, &[&original], Some(&haga()))
                .unwrap()
                .assessment;
            let s1 = score(&original, &a);
            let s2 = score(&migrated, &a);
            assert_eq!(s1, s2);
        }
    }
}

#[test]
fn the_worked_example_parses_scores_and_round_trips() {
    let model = Model::parse(EXAMPLE).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(model.stages()[0].floor);
    let d1 = model.criterion("D-1").unwrap();
    assert!(d1.stage.is_none() && model.scale_of(d1).is_statements());
    let d3 = model.criterion("D-3").unwrap();
    assert_eq!(
        model.scale_of(d3).options.len(),
        3,
        "a question with three answers of its own"
    );
    assert_eq!(
        model.feedback(d3, "a-veces").map(|t| t.get(Lang::Es)),
        Some("Fija un día a la semana para digitalizar lo pendiente.")
    );
    let a1 = model.criterion("A-1").unwrap();
    assert!(model
        .feedback(a1, "no")
        .is_some_and(|t| t.get(Lang::En).starts_with("Pick one")));
    assert!(model.feedback(a1, "yes").is_none());

    let mut a = new_assessment(&model, "r");
    assert_eq!(score(&model, &a).overall_level, 1, "everyone starts at the floor");
    let a2 = model.criterion("A-2").unwrap();
    assert!(!a.is_asked(&model, a2), "A-2 waits for a Sí on A-1");
    set(&mut a, "A-1", Some("yes"));
    assert!(a.is_asked(&model, a2));
    set(&mut a, "D-1", Some("reglas"));
    set(&mut a, "D-2", Some("yes"));
    set(&mut a, "D-3", Some("siempre"));
    let s = score(&model, &a);
    assert_eq!(
        s.pillar("documentos").unwrap().level,
        3,
        "statement at n3 plus both criteria met"
    );
    assert_eq!(s.pillar("datos").unwrap().level, 2);

    // The file written back from the parsed types reads the same.
    let file: wire::ModelFile = serde_json::from_str(EXAMPLE).unwrap();
    let again = Model::parse(&file.to_json()).unwrap();
    assert_eq!(again.criteria(), model.criteria());
    // The identity is the canonical JSON of the file: layout and key order do not change it.
    let value: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    let relaid = Model::parse(&serde_json::to_string(&value).unwrap()).unwrap();
    assert_eq!(relaid.hash(), model.hash());
    let reordered = EXAMPLE.replacen(
        r#""format": 2,
  "id": "records-maturity","#,
        r#""id": "records-maturity",
  "format": 2,"#,
        1,
    );
    assert_ne!(reordered, EXAMPLE);
    assert_eq!(
        Model::parse(&reordered).unwrap().hash(),
        model.hash(),
        "key order is not identity"
    );
    assert_eq!(model.format(), 2);
    assert_eq!(mega_v1().format(), 1, "the format of the file it was read from");
    assert_eq!(mega().format(), 2, "MEGA IP 2.0.0 is written in format 2");
}

#[test]
fn only_declared_languages_are_required_and_content_says_which_to_show() {
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    v["languages"] = json!(["es"]);
    strip_english(&mut v);
    let model = Model::parse(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        model.content_lang(Lang::En),
        Lang::Es,
        "an English UI shows this model in Spanish"
    );
    assert_eq!(model.content_lang(Lang::Es), Lang::Es);
}

fn strip_english(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("en");
            map.values_mut().for_each(strip_english);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_english),
        _ => {}
    }
}

fn validator() -> jsonschema::Validator {
    let path = format!("{}/../../schema/model.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// Every invalid fixture is refused by the parser; those whose fault JSON Schema can express
/// (`shape-*`) are refused by the published schema too, and every valid format-2 file passes both.
#[test]
fn schema_and_parser_agree_on_every_fixture() {
    let schema = validator();
    let valid: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    assert!(
        schema.is_valid(&valid),
        "{:?}",
        schema.iter_errors(&valid).map(|e| e.to_string()).collect::<Vec<_>>()
    );
    let dir = format!("{}/invalid", fixtures_dir());
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(Model::parse(&text).is_err(), "the parser accepts {name}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        if name.starts_with("shape-") {
            assert!(!schema.is_valid(&value), "the schema accepts {name}");
        }
        seen += 1;
    }
    assert!(seen >= 10, "only {seen} invalid fixtures");
}

#[test]
fn shape_errors_name_the_field() {
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    v["criteria"][1]["stage"] = json!(3);
    match Model::parse(&v.to_string()) {
        Err(ModelError::Shape { path, .. }) => assert_eq!(path, "criteria[1].stage"),
        other => panic!("expected a shape error, got {other:?}"),
    }
}

#[test]
fn content_problems_are_reported_with_their_place() {
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    v["criteria"][1]["stage"] = json!("n9");
    v["criteria"][1]["lines"] = json!(["nope"]);
    v["pillars"][1]["id"] = json!("documentos");
    let Err(ModelError::Problems(problems)) = Model::parse(&v.to_string()) else {
        panic!("expected problems")
    };
    assert!(problems.contains(&Problem::UnknownReference {
        from: "D-2".into(),
        kind: Kind::Stage,
        id: "n9".into()
    }));
    assert!(problems.contains(&Problem::UnknownReference {
        from: "D-2".into(),
        kind: Kind::Line,
        id: "nope".into()
    }));
    assert!(problems.contains(&Problem::DuplicateId {
        kind: Kind::Pillar,
        id: "documentos".into()
    }));
}

#[test]
fn results_files_and_other_json_are_named_for_what_they_are() {
    let results = include_str!("../../../../../tests/fixtures/results/results-v3.json");
    assert_eq!(Model::parse(results), Err(ModelError::NotAModel { results_file: true }));
    assert_eq!(
        Model::parse(r#"{"name": "x"}"#),
        Err(ModelError::NotAModel { results_file: false })
    );
    assert_eq!(Model::parse("no soy json"), Err(ModelError::NotJson));
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    v["format"] = json!(4_294_967_297u64);
    assert_eq!(
        Model::parse(&v.to_string()),
        Err(ModelError::UnsupportedFormat { found: 4_294_967_297 })
    );
    let huge = " ".repeat(MAX_MODEL_BYTES + 1);
    assert!(matches!(Model::parse(&huge), Err(ModelError::TooLarge { .. })));
}

/// A 2 MB model built to make validation explode (thousands of empty cells, missing texts and
/// bad references) is refused quickly, with a bounded list of problems.
#[test]
fn a_hostile_two_megabyte_model_validates_within_bounds() {
    let stages: Vec<serde_json::Value> = (0..99).map(|i| json!({"id": format!("s{i}"), "name": {}})).collect();
    let pillars: Vec<serde_json::Value> = (0..100).map(|i| json!({"id": format!("p{i}"), "name": {}})).collect();
    let mut criteria = Vec::new();
    let mut size = 0;
    let mut i = 0;
    while size < MAX_MODEL_BYTES - 200_000 {
        let c = json!({"id": format!("c{i}"), "pillar": "nope", "stage": "nada", "text": {}, "lines": ["x", "y"]});
        size += c.to_string().len();
        criteria.push(c);
        i += 1;
    }
    let langs: Vec<String> = (0..16).map(|i| format!("l{i}")).chain(["es".into()]).collect();
    let v = json!({
        "format": 2, "id": "hostile", "version": "1", "languages": langs, "name": {},
        "scales": [{"id": "s", "options": [{"id": "y", "label": {}, "points": 1}]}],
        "stages": stages, "pillars": pillars, "criteria": criteria
    });
    let text = v.to_string();
    assert!(text.len() <= MAX_MODEL_BYTES, "{}", text.len());
    let start = std::time::Instant::now();
    let Err(ModelError::Problems(problems)) = Model::parse(&text) else {
        panic!("a hostile model must be refused")
    };
    let took = start.elapsed();
    assert!(
        problems.total() > 100_000,
        "every problem is counted: {}",
        problems.total()
    );
    assert!(problems.shown().len() <= crate::base::validate::SHOWN_PROBLEMS);
    // Generous for a debug build on a busy machine; the release figure is in the note.
    assert!(took.as_secs() < 10, "validation took {took:?}");
}

/// Legal references are shown for the profile's country first, then international ones.
#[test]
fn frameworks_of_the_profiles_country_come_first() {
    let model = mega();
    let with_countries = model
        .criteria()
        .iter()
        .find(|c| {
            let fs = model.frameworks_for(c, "");
            fs.iter().any(|f| f.country.is_some()) && fs.iter().any(|f| f.country.as_deref() != Some("CO"))
        })
        .expect("a criterion cites laws of more than one country");
    let countries = |country: &str| -> Vec<Option<String>> {
        model
            .frameworks_for(with_countries, country)
            .iter()
            .map(|f| f.country.clone())
            .collect()
    };
    for country in ["CO", "MX", "CL", "PE", "BR"] {
        let order = countries(country);
        let own = order.iter().take_while(|c| c.as_deref() == Some(country)).count();
        assert_eq!(
            own,
            order.iter().filter(|c| c.as_deref() == Some(country)).count(),
            "{country} first: {order:?}"
        );
    }
    let unknown = countries("");
    assert_eq!(unknown.len(), with_countries.frameworks.len());
}

/// The current version's laws are tagged by country, and no criterion cites only Colombian law.
#[test]
fn no_criterion_cites_only_one_countrys_law() {
    let model = mega();
    for f in model.frameworks() {
        assert!(f.country.as_deref() != Some(""), "{}", f.id);
    }
    let only_colombian: Vec<&str> = model
        .criteria()
        .iter()
        .filter(|c| {
            let fs = model.frameworks_for(c, "");
            !fs.is_empty() && fs.iter().all(|f| f.country.as_deref() == Some("CO"))
        })
        .map(|c| c.id.as_str())
        .collect();
    assert!(only_colombian.is_empty(), "cite only Colombian law: {only_colombian:?}");
}

/// Every pillar × stage cell of the current MEGA IP has at least three criteria, so that no
/// single answer decides a stage on its own.
#[test]
fn every_cell_of_mega_ip_has_at_least_three_criteria() {
    let model = mega();
    for p in model.pillars() {
        for s in model.stages().iter().filter(|s| !s.floor) {
            let n = model.criteria_at(&p.id, &s.id).count();
            assert!(n >= 3, "{} × {}: {n} criteria", p.id, s.id);
        }
    }
}
