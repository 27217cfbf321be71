//! Every message renders in every language, and the sentences read as intended.

use super::*;
use crate::analysis::recommend::{recommend, Why};
use crate::analysis::scoring::score;
use crate::base::validate::Problems;
use crate::content::model::Kind;
use crate::content::toolkit::Availability;
use crate::exchange::results::Ids;
use crate::testing::*;

fn every_import_error() -> Vec<ImportError> {
    let ids = Ids {
        shown: vec!["A".into(), "B".into()],
        total: 30,
    };
    vec![
        ImportError::TooLarge { bytes: 9_000_000 },
        ImportError::NotJson,
        ImportError::NotResultsFile,
        ImportError::IsAModel,
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
        ImportError::UnknownCriteria(ids.clone()),
        ImportError::UnknownConditions(ids.clone()),
        ImportError::UnknownOptions(ids.clone()),
        ImportError::UnknownCanvas(ids),
    ]
}

fn every_problem() -> Vec<Problem> {
    let s = || "x".to_owned();
    vec![
        Problem::Empty(Kind::Stage),
        Problem::NoIdentity,
        Problem::EmptyWhen { criterion: s() },
        Problem::TooManyCells(20_000),
        Problem::NoKnownLanguage,
        Problem::TooManyLanguages(17),
        Problem::BadThreshold(0),
        Problem::DuplicateId {
            kind: Kind::Pillar,
            id: s(),
        },
        Problem::UnknownReference {
            from: s(),
            kind: Kind::Option,
            id: s(),
        },
        Problem::EmptyCell {
            pillar: s(),
            stage: s(),
        },
        Problem::MissingText { place: s(), lang: s() },
        Problem::MisplacedFloor { stage: s() },
        Problem::CriterionAtFloor { criterion: s() },
        Problem::BadOption {
            scale: s(),
            option: s(),
        },
        Problem::BadPoints {
            scale: s(),
            option: s(),
        },
        Problem::BadScale { scale: s() },
        Problem::ScaleDoesNotFit { criterion: s() },
        Problem::ConditionScale { condition: s() },
        Problem::BothScaleAndOptions { criterion: s() },
        Problem::WhenNotEarlier {
            criterion: s(),
            on: s(),
        },
        Problem::BadUrl { framework: s() },
        Problem::BadCountry { framework: s() },
    ]
}

/// Each message is non-empty in every language and differs between languages (so none is an
/// untranslated copy).
#[test]
fn every_message_exists_in_every_language() {
    let model = mega();
    let haga = haga();
    let a = scripted_tumaco(&model);
    let recs = recommend(&model, &haga, &a, &score(&model, &a));
    let mut problems = Problems::default();
    for p in every_problem() {
        problems.push(p);
    }
    let model_errors = [
        ModelError::TooLarge { bytes: 3_000_000 },
        ModelError::NotJson,
        ModelError::NotAModel { results_file: true },
        ModelError::NotAModel { results_file: false },
        ModelError::Shape {
            path: "p".into(),
            reason: "r".into(),
        },
        ModelError::UnsupportedFormat { found: 7 },
        ModelError::Problems(problems),
    ];
    let render = |c: &dyn Catalog| -> Vec<String> {
        let mut out: Vec<String> = every_import_error().iter().map(|e| c.import_error(e)).collect();
        out.extend(every_problem().iter().map(|p| c.model_problem(p)));
        out.extend(model_errors.iter().map(|e| c.model_error(e)));
        for p in &recs.pillars {
            out.push(c.pillar_headline(p, &model));
            for pick in p.tools.iter().chain(&p.experiences).chain(&p.methodologies) {
                out.push(c.pick_reason(p, pick, &model, &haga));
            }
        }
        out.extend(recs.conditions.iter().map(|x| c.condition_reason(x, &model, &haga)));
        out.extend(PopulationBand::ALL.iter().map(|b| c.band(*b).to_owned()));
        out.extend(Initiative::ALL.iter().map(|i| c.initiative(*i).to_owned()));
        out.push(c.no_stage().into());
        out.extend(super::TableHeading::ALL.iter().map(|h| c.table_heading(*h).to_owned()));
        out.extend(super::ReportText::ALL.iter().map(|t| c.report_text(*t).to_owned()));
        out.push(c.report_overall("Yumbo", Some("Informar"), "1,2", 5));
        out.push(c.report_overall("Yumbo", None, "0,2", 5));
        out.push(c.report_strengths_at("Informar"));
        out.push(c.report_next("Consultar", "2", 70));
        out.push(c.report_answer_now("No"));
        out.push(c.report_workshop("K7QX2M", "Sí 8", crate::answers::workshop::DecidedBy::Consensus, 1));
        out.push(c.report_workshop("K7QX2M", "Sí 8", crate::answers::workshop::DecidedBy::Discussion, 2));
        out.extend(crate::answers::plan::Phase::ALL.iter().map(|p| c.phase(*p).to_owned()));
        for e in [
            crate::exchange::backup::BackupError::TooLarge { bytes: 50_000_000 },
            crate::exchange::backup::BackupError::NotJson,
            crate::exchange::backup::BackupError::NotABackup,
            crate::exchange::backup::BackupError::NewerFormat { found: 2 },
        ] {
            out.push(c.backup_error(&e));
        }
        out.push(c.restore_summary(3, 1, 2));
        for e in [
            crate::exchange::payload::PayloadError::NotAResponse,
            crate::exchange::payload::PayloadError::OtherWorkshop { found: "AB12".into() },
            crate::exchange::payload::PayloadError::OtherModel,
            crate::exchange::payload::PayloadError::Damaged,
            crate::exchange::payload::PayloadError::TooManyOptions,
        ] {
            out.push(c.payload_error(&e));
        }
        out.push(c.restore_summary(1, 0, 0));
        out.push(c.plan_refreshed(2, 3));
        out.push(c.import_scores_differ().to_owned());
        out.push(c.plan_refreshed(0, 1));
        out.extend(
            [Availability::Yes, Availability::Partial, Availability::No]
                .iter()
                .map(|a| c.availability(*a).to_owned()),
        );
        out.push(c.cli_model_summary(&model));
        out.push(c.cli_model_counts(&model));
        out.push(c.cli_valid().into());
        out.extend(CliHelp::ALL.iter().map(|h| c.cli_help(*h)));
        out.push(c.cli_usage("x"));
        out.push(c.cli_invalid("f"));
        out.push(c.cli_unreadable("f", "w"));
        out.push(c.cli_overall("s", "1"));
        out.push(c.cli_results_summary("n", &model));
        out.push(c.cli_merge_heading("K7QX2M", &model, 70));
        out.push(c.cli_merge_counts(&[("a", 2), ("b", 0)]));
        out.push(c.cli_merge_counts(&[]));
        out.push(c.cli_consensus_one("a", 85));
        out.push(c.cli_consensus_neighbours("a", "b", 75));
        out.push(c.cli_consensus_divided(50));
        out.push(c.cli_consensus_no_votes().into());
        out.push(c.cli_merge_line("T-INF-1", "n", "c", Some("a")));
        out.push(c.cli_merge_line("T-INF-1", "n", "c", None));
        out.push(c.cli_merge_summary(21, &[]));
        out.push(c.cli_merge_summary(21, &["T-INF-2"]));
        out.push(c.cli_merge_summary(1, &["T-INF-2", "T-COL-1"]));
        out.push(c.cli_merge_refused("f", "w"));
        out.push(c.cli_merge_not_input().into());
        out.push(c.cli_merge_other_model(&model, &model));
        out.push(c.cli_merge_nothing().into());
        out.push(c.cli_compare_other_model(&model, &model));
        out.push(c.cli_compare_nothing().into());
        out.push(c.cli_compare_written(1, 1, "f"));
        out.push(c.cli_compare_written(40, 12, "f"));
        out.push(c.cli_cannot_write("f", "w"));
        out.push(c.cli_report_written("f", "o"));
        out.push(c.cli_workshop_not_checked("f"));
        out.push(c.cli_workshop_saved("f"));
        out
    };
    let es = render(catalog(Lang::Es));
    let en = render(catalog(Lang::En));
    assert_eq!(es.len(), en.len());
    for (a, b) in es.iter().zip(&en) {
        assert!(!a.trim().is_empty() && !b.trim().is_empty());
        // A few words are the same in both languages.
        if !["Academia"].contains(&a.as_str()) {
            assert_ne!(a, b, "not translated: {a}");
        }
    }
    for lang in Lang::ALL {
        let c = catalog(lang);
        assert_eq!(c.lang(), lang);
        for code in crate::content::places::COUNTRIES {
            assert!(c.country(code).is_some(), "{code} in {lang:?}");
        }
    }
}

#[test]
fn sentences_read_as_intended() {
    // One point is singular, in both languages.
    assert!(catalog(Lang::Es)
        .report_next("Informar", "1", 70)
        .contains("Informar falta 1 punto (el umbral"));
    assert!(catalog(Lang::Es)
        .report_next("Informar", "2,5", 70)
        .contains("faltan 2,5 puntos"));
    assert!(catalog(Lang::En)
        .report_next("Inform", "1", 70)
        .contains("1 more point is needed"));
    let model = mega();
    let haga = haga();
    let a = scripted_tumaco(&model);
    let r = recommend(&model, &haga, &a, &score(&model, &a));
    let es = catalog(Lang::Es);
    let legal = &r.conditions[0];
    let text = es.condition_reason(legal, &model, &haga);
    assert!(text.starts_with("«Marco normativo"), "{text}");
    assert!(text.contains("El decálogo lo pide en el principio"), "{text}");

    let level0 = es.pillar_headline(&r.pillars[0], &model);
    assert!(
        level0.starts_with(
            "En Transparencia aún no alcanzas la primera etapa. Para llegar a Informar te falta este criterio: «"
        ),
        "{level0}"
    );
    let rc = r.pillars.iter().find(|p| p.pillar == "rendicion").unwrap();
    let headline = es.pillar_headline(rc, &model);
    assert!(headline
        .starts_with("En Rendición de cuentas estás en Consultar. Para llegar a Involucrar te falta este criterio: «"));
    assert!(headline.ends_with("». Te faltan 2 criterios más."), "{headline}");
    let exp = rc
        .experiences
        .iter()
        .find(|p| matches!(p.why, Why::Experience { same_band: true, .. }))
        .unwrap();
    let why = es.pick_reason(rc, exp, &model, &haga);
    assert!(why.starts_with("Así lo hizo Macul (Chile,"), "{why}");
    assert!(why.ends_with(". Tiene una población parecida a la tuya."), "{why}");
    let why = catalog(Lang::En).pick_reason(rc, &rc.methodologies[0], &model, &haga);
    assert!(why.contains("It works directly on this criterion"), "{why}");
}

#[test]
fn numbers_follow_each_language() {
    assert_eq!(catalog(Lang::Es).number(1.4, 2), "1,40");
    assert_eq!(catalog(Lang::En).number(1.4, 2), "1.40");
    assert_eq!(catalog(Lang::Es).percent(0.75), "75 %");
    assert_eq!(catalog(Lang::En).percent(0.75), "75%");
    assert!(catalog(Lang::Es)
        .import_error(&ImportError::TooLarge { bytes: 9_000_000 })
        .contains("8,6 MB"));
}

#[test]
fn long_lists_of_ids_say_how_many_more() {
    let e = ImportError::UnknownCriteria(Ids {
        shown: vec!["A".into()],
        total: 143_000,
    });
    assert_eq!(
        catalog(Lang::Es).import_error(&e),
        "El archivo responde criterios que el modelo no tiene: A y 142999 más."
    );
}

#[test]
fn acronyms_keep_their_capitals_when_quoted() {
    assert_eq!(lower_first("Publica los contratos."), "publica los contratos");
    assert_eq!(lower_first("OCDS en el portal"), "OCDS en el portal");
}
