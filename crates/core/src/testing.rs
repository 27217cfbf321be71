//! Helpers shared by the tests of every floor: the bundled content, answering, and small models
//! built as files and read through `Model::parse`, the only way in.

use crate::answers::assessment::{Assessment, Change, Edit};
use crate::base::ids::OptionId;
use crate::base::text::Text;
use crate::content::model::Model;
use crate::content::toolkit::Haga;
use crate::content::wire::*;

pub const NOW: &str = "2026-03-01T10:00:00Z";

pub fn mega() -> Model {
    Model::mega_ip().unwrap_or_else(|e| panic!("MEGA IP is invalid: {e:?}"))
}

/// MEGA IP 1.0.0, the version the results and workshop fixtures were written with.
pub fn mega_v1() -> Model {
    Model::mega_ip_earlier()
        .ok()
        .and_then(|m| m.into_iter().find(|m| m.version() == "1.0.0"))
        .unwrap_or_else(|| panic!("MEGA IP 1.0.0 is no longer bundled"))
}

pub fn haga() -> Haga {
    Haga::bundled().unwrap_or_else(|e| panic!("HAGA is invalid: {e}"))
}

/// The toolkit as it was when the results fixtures were written (`tests/fixtures/haga-2026-11/`).
/// Fixtures are frozen, so tests that compare against them build their plans from this copy;
/// corrections to the bundled toolkit do not change a file written last month.
pub fn frozen_haga() -> Haga {
    Haga::parse(
        include_str!("../../../tests/fixtures/haga-2026-11/tools.json"),
        include_str!("../../../tests/fixtures/haga-2026-11/experiences.json"),
        include_str!("../../../tests/fixtures/haga-2026-11/decalogue.json"),
        include_str!("../../../tests/fixtures/haga-2026-11/methodologies.json"),
    )
    .unwrap_or_else(|e| panic!("the frozen toolkit no longer parses: {e}"))
}

pub fn new_assessment(model: &Model, id: &str) -> Assessment {
    Assessment::new(id.into(), model, NOW)
}

pub fn set(a: &mut Assessment, criterion: &str, option: Option<&str>) {
    a.apply(
        &Change::Answer(criterion.into(), Edit::Value(option.map(OptionId::new))),
        NOW,
    );
}

pub fn set_condition(a: &mut Assessment, condition: &str, option: Option<&str>) {
    a.apply(
        &Change::Condition(condition.into(), Edit::Value(option.map(OptionId::new))),
        NOW,
    );
}

/// Answers every criterion placed at a cell, cycling through `options`.
pub fn answer_cell(model: &Model, a: &mut Assessment, pillar: &str, stage: &str, options: &[&str]) {
    let ids: Vec<String> = model.criteria_at(pillar, stage).map(|c| c.id.to_string()).collect();
    for (id, v) in ids.iter().zip(options.iter().cycle()) {
        set(a, id, Some(v));
    }
}

pub fn t(s: &str) -> Text {
    Text::new(s, s)
}

pub fn option(id: &str, points: Option<f64>, stage: Option<&str>, counts: bool) -> OptionFile {
    OptionFile {
        id: id.into(),
        label: t(id),
        points,
        stage: stage.map(Into::into),
        counts,
        feedback: None,
    }
}

/// The four-option scale of MEGA IP.
pub fn yes_partial_no_na() -> ScaleFile {
    ScaleFile {
        id: "ypnn".into(),
        options: vec![
            option("yes", Some(1.0), None, true),
            option("partial", Some(0.5), None, true),
            option("no", Some(0.0), None, true),
            option("not_applicable", None, None, false),
        ],
    }
}

pub fn criterion(id: &str, pillar: &str, stage: Option<&str>) -> CriterionFile {
    CriterionFile {
        id: id.into(),
        pillar: pillar.into(),
        stage: stage.map(Into::into),
        text: t(id),
        help: None,
        evidence: vec![],
        lines: vec![],
        frameworks: vec![],
        scale: None,
        options: None,
        feedback: Default::default(),
        when: None,
    }
}

/// A model file with `stages` stages and `pillars` pillars, `per_cell[(p × stages + s) % len]`
/// criteria in each cell, on the four-option scale.
pub fn synthetic(stages: usize, pillars: usize, per_cell: &[usize], threshold: u32) -> ModelFile {
    let mut criteria = Vec::new();
    for p in 0..pillars {
        for s in 0..stages {
            let n = per_cell
                .get((p * stages + s) % per_cell.len().max(1))
                .copied()
                .unwrap_or(1);
            for k in 0..n {
                criteria.push(criterion(
                    &format!("p{p}-s{s}-{k}"),
                    &format!("p{p}"),
                    Some(&format!("s{s}")),
                ));
            }
        }
    }
    ModelFile {
        format: 2,
        id: "synthetic".into(),
        version: "1".into(),
        languages: vec!["es".into(), "en".into()],
        name: t("m"),
        description: None,
        scoring: Some(ScoringFile {
            threshold_percent: threshold,
        }),
        scales: vec![yes_partial_no_na()],
        stages: (0..stages)
            .map(|s| StageFile {
                id: format!("s{s}").into(),
                name: t("s"),
                description: None,
                promise: None,
                floor: false,
            })
            .collect(),
        pillars: (0..pillars)
            .map(|p| PillarFile {
                id: format!("p{p}").into(),
                short: None,
                name: t("p"),
                description: None,
            })
            .collect(),
        lines: vec![],
        frameworks: vec![],
        conditions: vec![],
        criteria,
    }
}

/// Reads a model file written compactly (large synthetic models stay under the size limit).
pub fn parse_compact(file: &ModelFile) -> Model {
    Model::parse(&serde_json::to_string(file).unwrap_or_default()).unwrap_or_else(|e| panic!("model invalid: {e:?}"))
}

pub fn parse(file: &ModelFile) -> Model {
    Model::parse(&file.to_json()).unwrap_or_else(|e| panic!("model invalid: {e:?}"))
}

/// A mid-size Colombian municipality with Rendición de cuentas at Consultar, the budget
/// secured and the legal framework half in place.
pub fn scripted_tumaco(model: &Model) -> Assessment {
    use crate::answers::assessment::ProfileEdit;
    use crate::content::places::PopulationBand;
    let mut a = new_assessment(model, "r");
    for edit in [
        ProfileEdit::Municipality("Tumaco".into()),
        ProfileEdit::Country("CO".into()),
        ProfileEdit::Band(Some(PopulationBand::From100kTo500k)),
    ] {
        a.apply(&Change::Profile(edit), NOW);
    }
    answer_cell(model, &mut a, "rendicion", "informar", &["yes"]);
    answer_cell(model, &mut a, "rendicion", "consultar", &["yes"]);
    set_condition(&mut a, "presupuesto", Some("yes"));
    set_condition(&mut a, "marco-normativo", Some("partial"));
    a
}

/// Fails when the committed schema at `path` is not the one generated from the types;
/// `UPDATE_SCHEMAS=1 cargo test` rewrites it.
pub fn check_schema(path: &str, schema: schemars::Schema) {
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let full = format!("{}/{path}", concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::write(&full, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        committed == generated,
        "{path} is out of date: run `UPDATE_SCHEMAS=1 cargo test` and commit it"
    );
}

/// A validator for the committed schema at `path`.
pub fn validator(path: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/{path}", concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).unwrap()
}
