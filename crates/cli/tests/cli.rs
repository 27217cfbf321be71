//! Runs the built `megaip` on the repository's real model and results files and checks what it
//! prints and how it exits: 0 valid, 1 not valid or unreadable, 2 wrong arguments.

use megaip_core::analysis::scoring::score;
use megaip_core::answers::workshop::{Response, Scope};
use megaip_core::content::model::{Model, MAX_MODEL_BYTES};
use megaip_core::content::toolkit::Haga;
use megaip_core::exchange::payload::encode;
use megaip_core::exchange::results::import;
use megaip_core::exchange::workshop_file;

mod common;
use common::*;

const MEGA_IP: &str = "toolkits/mega-ip/model.json";
const RECORDS: &str = "tests/fixtures/models/records-maturity.json";
const CITY: &str = "tests/fixtures/models/city-data-maturity.json";
const RESULTS: [&str; 3] = [
    "tests/fixtures/results/results-v1.json",
    "tests/fixtures/results/results-v2.json",
    "tests/fixtures/results/results-v3.json",
];

/// The v3 fixture with one answer changed to an option no scale has.
fn results_with_bad_answer() -> Temp {
    let mut file: serde_json::Value = serde_json::from_str(&read(RESULTS[2])).unwrap();
    file["assessment"]["answers"]["P-COL-1"]["value"] = "maybe".into();
    Temp::new(file.to_string().as_bytes())
}

/// The v3 fixture turned into an (unanswered) assessment of the city data model.
fn results_of_city_model() -> Temp {
    let city = Model::parse(&read(CITY)).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&read(RESULTS[2])).unwrap();
    let a = &mut file["assessment"];
    a["model"] = serde_json::json!({ "id": city.id(), "version": city.version(), "hash": city.hash() });
    a["name"] = "Data city".into();
    a["answers"] = serde_json::json!({});
    a["conditions"] = serde_json::json!({});
    a["plan"] = serde_json::Value::Null;
    Temp::new(file.to_string().as_bytes())
}

// Models.

#[test]
fn valid_models_are_summed_up() {
    for path in [MEGA_IP, RECORDS, CITY] {
        let model = Model::parse(&read(path)).unwrap();
        let run = megaip(&["model", "check", path]);
        assert_eq!(run.code, 0, "{path}: {}", run.stderr);
        assert!(run.stdout.contains(model.id()), "{path}: {}", run.stdout);
        assert!(run.stdout.contains(model.version()), "{path}: {}", run.stdout);
        assert!(
            run.stdout.contains(&format!("{} etapas", model.stages().len())),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout.contains(&format!("{} criterios", model.criteria().len())),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains("El archivo es válido."), "{}", run.stdout);
        assert!(run.stderr.is_empty());
    }
}

#[test]
fn every_invalid_model_exits_with_1_and_says_why() {
    let dir = repo("tests/fixtures/models/invalid");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        seen += 1;
        let shown = path.to_str().unwrap();
        let run = megaip(&["model", "check", shown]);
        assert_eq!(run.code, 1, "{shown}: {}", run.stdout);
        assert!(run.stdout.is_empty(), "{shown}: {}", run.stdout);
        let mut lines = run.stderr.lines();
        assert_eq!(
            lines.next(),
            Some(format!("{shown}: el archivo no es válido.").as_str())
        );
        assert!(
            lines.next().is_some_and(|why| !why.trim().is_empty()),
            "{shown}: {}",
            run.stderr
        );
    }
    assert!(seen >= 10, "only {seen} invalid models found in {}", dir.display());
}

#[test]
fn model_problems_are_listed_one_per_line() {
    let run = megaip(&[
        "model",
        "check",
        "tests/fixtures/models/invalid/shape-no-stages.json",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("\n  - it has no stage\n"), "{}", run.stderr);
    assert!(
        run.stderr.lines().filter(|l| l.starts_with("  - ")).count() > 1,
        "{}",
        run.stderr
    );
}

#[test]
fn problems_beyond_those_listed_are_counted() {
    let mut model: serde_json::Value = serde_json::from_str(&read(RECORDS)).unwrap();
    let criteria = model["criteria"].as_array_mut().unwrap();
    let template = criteria[1].clone();
    for n in 0..60 {
        let mut c = template.clone();
        c["id"] = format!("X-{n}").into();
        c["pillar"] = "nowhere".into();
        criteria.push(c);
    }
    let many = Temp::new(model.to_string().as_bytes());
    let run = megaip(&["model", "check", many.path(), "--lang", "en"]);
    assert_eq!(run.code, 1);
    let listed = run.stderr.lines().filter(|l| l.starts_with("  - ")).count();
    assert!(listed > 0 && listed < 60, "{}", run.stderr);
    assert!(
        run.stderr
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("The model has 60 problems")),
        "{}",
        run.stderr
    );
}

#[test]
fn a_results_file_is_not_a_model() {
    let run = megaip(&["model", "check", RESULTS[2], "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("This is a results file, not a model"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_above_the_limit_is_refused_unread() {
    let big = Temp::new(b"");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big.0)
        .unwrap()
        .set_len(MAX_MODEL_BYTES as u64 + 1)
        .unwrap();
    let run = megaip(&["model", "check", big.path(), "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("a model cannot be larger than 2 MB"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_that_is_not_text_is_not_json() {
    let binary = Temp::new(&[0xff, 0xfe, 0x00, 0x7b]);
    let run = megaip(&["model", "check", binary.path(), "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("The file is not JSON"), "{}", run.stderr);
    let run = megaip(&["results", "check", binary.path(), "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("it is not a JSON file"), "{}", run.stderr);
}

// Results.

#[test]
fn every_results_format_is_checked_and_read() {
    for path in RESULTS {
        let run = megaip(&["results", "check", path]);
        assert_eq!(run.code, 0, "{path}: {}", run.stderr);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert!(
            lines
                .first()
                .is_some_and(|l| l.starts_with("Resultados de «Yumbo 2026»")),
            "{}",
            run.stdout
        );
        assert!(
            lines.iter().any(|l| l.starts_with("  Transparencia: ")),
            "{}",
            run.stdout
        );
        assert!(
            lines.last().is_some_and(|l| l.starts_with("Lectura general: ")),
            "{}",
            run.stdout
        );
        // A line per pillar of MEGA IP, between the summary and the overall reading.
        assert_eq!(lines.len(), 2 + mega_v1().pillars().len(), "{}", run.stdout);
        // Spanish numbers have a decimal comma.
        assert!(run.stdout.contains("(índice 0,50)"), "{}", run.stdout);
    }
}

#[test]
fn score_without_json_prints_what_check_prints() {
    for path in RESULTS {
        let check = megaip(&["results", "check", path]);
        let scored = megaip(&["results", "score", path]);
        assert_eq!(scored.code, 0);
        assert_eq!(scored.stdout, check.stdout);
    }
}

#[test]
fn score_json_is_what_the_core_computes() {
    let mega_ip = mega_v1();
    let haga = Haga::bundled().unwrap();
    for path in RESULTS {
        let run = megaip(&["results", "score", path, "--json"]);
        assert_eq!(run.code, 0, "{path}: {}", run.stderr);
        let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let assessment = import(&read(path), &[&mega_ip], Some(&haga)).unwrap().assessment;
        let scores = score(&mega_ip, &assessment);
        assert_eq!(
            printed["overall_level"].as_u64(),
            Some(scores.overall_level as u64),
            "{path}"
        );
        assert_eq!(printed, serde_json::to_value(&scores).unwrap(), "{path}");
    }
}

#[test]
fn a_wrong_answer_option_is_named() {
    let bad = results_with_bad_answer();
    for command in ["check", "score"] {
        let run = megaip(&["results", command, bad.path(), "--lang", "en"]);
        assert_eq!(run.code, 1);
        assert!(run.stdout.is_empty());
        assert!(
            run.stderr
                .starts_with(&format!("{}: the file is not valid.", bad.path())),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("P-COL-1=maybe"), "{}", run.stderr);
    }
}

#[test]
fn a_model_is_not_a_results_file() {
    let run = megaip(&["results", "check", MEGA_IP, "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("This file is a model, not results"),
        "{}",
        run.stderr
    );
}

#[test]
fn results_of_another_model_need_that_model() {
    let city = results_of_city_model();
    let run = megaip(&["results", "check", city.path(), "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("“city-data-maturity” version 0.3.0"),
        "{}",
        run.stderr
    );

    let run = megaip(&[
        "results",
        "check",
        city.path(),
        "--model",
        RECORDS,
        "--model",
        CITY,
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stdout
        .starts_with("Results of “Data city” with the model “City Data Maturity” version 0.3.0"));
    let pillars = Model::parse(&read(CITY)).unwrap().pillars().len();
    assert_eq!(run.stdout.lines().count(), 2 + pillars, "{}", run.stdout);

    let run = megaip(&["results", "score", city.path(), "--model", CITY, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(printed["pillars"].as_array().map(Vec::len), Some(pillars));
}

#[test]
fn a_bad_extra_model_stops_the_check() {
    let invalid = "tests/fixtures/models/invalid/meaning-unknown-pillar.json";
    let run = megaip(&["results", "check", RESULTS[2], "--model", invalid, "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("the file is not valid."), "{}", run.stderr);
    assert!(run.stderr.contains("The model has 1 problem"), "{}", run.stderr);

    let run = megaip(&["results", "check", RESULTS[2], "--model", "no-such-model.json"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("no-such-model.json: no se puede leer el archivo ("),
        "{}",
        run.stderr
    );
}

// Files that cannot be read.

#[test]
fn a_missing_file_cannot_be_read() {
    for args in [["model", "check"], ["results", "check"], ["results", "score"]] {
        let run = megaip(&[args[0], args[1], "no-such-file.json"]);
        assert_eq!(run.code, 1);
        assert!(run.stdout.is_empty());
        assert!(
            run.stderr
                .starts_with("no-such-file.json: no se puede leer el archivo ("),
            "{}",
            run.stderr
        );
    }
}

// Language.

#[test]
fn lang_en_speaks_english_anywhere_on_the_line() {
    let run = megaip(&["--lang", "en", "model", "check", MEGA_IP]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("5 stages, 4 pillars"), "{}", run.stdout);
    assert!(run.stdout.contains("The file is valid."), "{}", run.stdout);

    let run = megaip(&["results", "check", "--lang", "en", RESULTS[2]]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("Results of “Yumbo 2026”"), "{}", run.stdout);
    assert!(run.stdout.contains("  Transparency: "), "{}", run.stdout);
    assert!(run.stdout.contains("(index 0.50)"), "{}", run.stdout);
    assert!(run.stdout.contains("Overall reading: "), "{}", run.stdout);

    let run = megaip(&["--help", "--lang", "en"]);
    assert!(run.stdout.contains("Usage:"), "{}", run.stdout);
}

// Arguments.

#[test]
fn wrong_arguments_exit_with_2() {
    let cases: [&[&str]; 11] = [
        &["frobnicate"],
        &["model"],
        &["model", "check"],
        &["model", "verify", MEGA_IP],
        &["results", "check"],
        &["results", "score", RESULTS[2], "--verbose"],
        &["results", "check", RESULTS[2], "--json"],
        &["results", "check", RESULTS[2], "--model"],
        &["model", "check", MEGA_IP, "extra"],
        &["model", "check", MEGA_IP, "--lang", "fr"],
        &["model", "check", MEGA_IP, "--lang"],
    ];
    for args in cases {
        let run = megaip(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert!(
            run.stderr.starts_with("No se entienden los argumentos: "),
            "{args:?}: {}",
            run.stderr
        );
    }
    let run = megaip(&["frobnicate", "--lang", "en"]);
    assert_eq!(
        run.stderr.trim(),
        "The arguments cannot be understood: frobnicate. Use --help to see how to use it."
    );
    let run = megaip(&["model", "check", MEGA_IP, "--lang", "fr"]);
    assert!(run.stderr.contains("--lang fr"), "{}", run.stderr);
}

#[test]
fn every_command_has_help() {
    let cases: [&[&str]; 6] = [
        &[],
        &["--help"],
        &["model", "check", "--help"],
        &["results", "check", "--help"],
        &["results", "score", "--help"],
        &["results", "score", RESULTS[2], "--json", "--help"],
    ];
    for lang in ["es", "en"] {
        let mut texts = Vec::new();
        for args in cases {
            let mut args = args.to_vec();
            args.extend(["--lang", lang]);
            let run = megaip(&args);
            assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
            assert!(!run.stdout.trim().is_empty(), "{args:?}");
            assert!(run.stderr.is_empty(), "{args:?}");
            texts.push(run.stdout);
        }
        // The main help, then one of its own for each command.
        assert_eq!(texts[0], texts[1]);
        assert_ne!(texts[1], texts[2]);
        assert_ne!(texts[2], texts[3]);
        assert_ne!(texts[3], texts[4]);
        assert_eq!(texts[4], texts[5]);
    }
}

// Workshops.

const WORKSHOP: &str = "K7QX2M";

fn transparencia() -> Scope {
    Scope {
        pillars: vec!["transparencia".into()],
    }
}

/// Participant `i` of 20 in a room on Transparencia, as a phone's response code:
/// - T-INF-1: 18 Sí, 2 Parcial (consensus on Sí);
/// - T-INF-2: 10 Sí, 10 No (divided, 50/50);
/// - T-INF-3: 8 Sí, 8 Parcial, 4 No (consensus on the neighbours Parcial and Sí);
/// - T-CON-1: 16 Sí, 4 No (consensus at 70 %, not at 90 %);
/// - T-EMP-3: nobody answers;
/// - every other question: Sí.
fn payload(model: &Model, workshop: &str, i: usize) -> String {
    let answer = |yes: usize, partial: usize| {
        if i < yes {
            "yes"
        } else if i < yes + partial {
            "partial"
        } else {
            "no"
        }
    };
    let mut response = Response {
        participant: format!("P{i:02}"),
        ..Response::default()
    };
    for (criterion, option) in [
        ("T-INF-1", answer(18, 2)),
        ("T-INF-2", answer(10, 0)),
        ("T-INF-3", answer(8, 8)),
        ("T-CON-1", answer(16, 0)),
    ] {
        response.answers.insert(criterion.into(), option.into());
    }
    // Every other question but T-EMP-3: Sí.
    for c in transparencia().criteria(model) {
        if c.id.as_str() != "T-EMP-3" && !response.answers.contains_key(c.id.as_str()) {
            response.answers.insert(c.id.clone(), "yes".into());
        }
    }
    encode(model, workshop, &transparencia(), &response).unwrap()
}

/// The room's 20 phone responses, one file each (with a blank line first, as a phone may save it).
fn room() -> Vec<Temp> {
    let model = mega_v1();
    (0..20)
        .map(|i| Temp::with_ext(format!("\n{}\n", payload(&model, WORKSHOP, i)).as_bytes(), "txt"))
        .collect()
}

/// Runs `workshop merge` on the files, then the other arguments.
fn merge(files: &[&Temp], rest: &[&str]) -> Run {
    let mut args = vec!["workshop", "merge"];
    args.extend(files.iter().map(|f| f.path()));
    args.extend(rest);
    megaip(&args)
}

/// The printed JSON item of a criterion.
fn item<'a>(items: &'a serde_json::Value, criterion: &str) -> &'a serde_json::Value {
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["criterion"] == criterion)
        .unwrap_or_else(|| panic!("{criterion} not in {items}"))
}

#[test]
fn workshop_merge_counts_the_votes_and_flags_consensus() {
    let room = room();
    let model = mega_v1();
    let stranger = Temp::with_ext(payload(&model, "ZZ9ZZZ", 7).as_bytes(), "txt");
    let mut files: Vec<&Temp> = room.iter().collect();
    files.insert(3, &stranger);
    let run = merge(&files, &["--json", RESULTS[2]]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The payload of another workshop is left out, named, and the rest still merged.
    let refused: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(refused.len(), 1, "{}", run.stderr);
    assert!(
        refused[0].starts_with(&format!("{}: se deja fuera.", stranger.path())),
        "{}",
        run.stderr
    );
    assert!(refused[0].contains("ZZ9ZZZ"), "{}", run.stderr);

    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(items.as_array().unwrap().len(), transparencia().criteria(&model).len());
    // 18 Sí and 2 Parcial from the phones, Sí from the results file (Yumbo).
    let clear = item(&items, "T-INF-1");
    assert_eq!(
        clear["counts"],
        serde_json::json!({"yes": 19, "partial": 2, "no": 0, "not_applicable": 0})
    );
    assert_eq!(clear["total"], 21);
    assert_eq!(clear["consensus"], "one");
    assert_eq!(clear["consensus_options"], serde_json::json!(["yes"]));
    assert_eq!(clear["proposed"], "yes");
    assert_eq!(clear["median"], "yes");
    assert_eq!(clear["agreement"], 90);
    // 10 Sí and 10 No from the phones, Parcial from Yumbo: divided, the median proposed.
    let split = item(&items, "T-INF-2");
    assert_eq!(
        split["counts"],
        serde_json::json!({"yes": 10, "partial": 1, "no": 10, "not_applicable": 0})
    );
    assert_eq!(split["consensus"], "divided");
    assert_eq!(split["consensus_options"], serde_json::json!([]));
    assert_eq!(split["proposed"], "partial");
    assert_eq!(split["agreement"], 47);
    // 8 Sí, 8 Parcial, 4 No and Yumbo's No: the neighbours, the lower one on a tie.
    let pair = item(&items, "T-INF-3");
    assert_eq!(pair["consensus"], "neighbours");
    assert_eq!(pair["consensus_options"], serde_json::json!(["partial", "yes"]));
    assert_eq!(pair["proposed"], "partial");
    assert_eq!(pair["agreement"], 76);
    // Only Yumbo answered T-EMP-3.
    assert_eq!(item(&items, "T-EMP-3")["total"], 1);
    assert_eq!(item(&items, "T-CON-1")["consensus"], "one");
}

#[test]
fn a_higher_threshold_divides_the_room() {
    let room = room();
    let files: Vec<&Temp> = room.iter().collect();
    let run = merge(&files, &[RESULTS[2], "--threshold", "90", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // 17 of 21 (80 %) is consensus at 70 %, not at 90 %.
    let c = item(&items, "T-CON-1");
    assert_eq!(c["counts"]["yes"], 17);
    assert_eq!(c["consensus"], "divided");
    assert_eq!(c["agreement"], 80);
    // 19 of 21 still is.
    assert_eq!(item(&items, "T-INF-1")["consensus"], "one");
}

#[test]
fn workshop_merge_says_each_question_in_plain_words() {
    let room = room();
    let files: Vec<&Temp> = room.iter().collect();
    let questions = transparencia().criteria(&mega_v1()).len();

    let run = merge(&files, &[RESULTS[2]]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // A heading, a line per question, and the summary.
    assert_eq!(lines.len(), questions + 2, "{}", run.stdout);
    assert!(
        lines[0].starts_with("Taller K7QX2M con el modelo «MEGA IP"),
        "{}",
        run.stdout
    );
    assert!(
        lines[0].ends_with("hay consenso desde el 70 % de los votos"),
        "{}",
        run.stdout
    );
    assert_eq!(
        lines[1],
        "T-INF-1: votos «Sí» 19, «Parcial» 2, «No» 0, «No aplica» 0. Consenso en «Sí» (90 % de los votos). \
         Respuesta propuesta: «Sí»."
    );
    assert!(
        lines.contains(
            &"T-INF-2: votos «Sí» 10, «Parcial» 1, «No» 10, «No aplica» 0. Sin consenso: la opción más votada \
              tiene el 47 % de los votos. Respuesta propuesta: «Parcial»."
        ),
        "{}",
        run.stdout
    );
    assert!(
        lines.iter().any(|l| l.starts_with("T-INF-3: ")
            && l.contains("Consenso en dos opciones vecinas, «Parcial» y «Sí» (76 % de los votos)")),
        "{}",
        run.stdout
    );
    assert_eq!(
        lines.last(),
        Some(&"Participantes: 21. Preguntas para discutir: 1 (T-INF-2).")
    );

    let run = merge(&files, &[RESULTS[2], "--lang", "en", "--threshold", "90"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with("Workshop K7QX2M with the model “MEGA IP"),
        "{}",
        run.stdout
    );
    assert!(lines[0].ends_with("consensus from 90% of the votes"), "{}", run.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("T-CON-1: votes “Yes” 17, “Partly” 0, “No” 4")
                && l.contains("No consensus: the most voted option has 80% of the votes")),
        "{}",
        run.stdout
    );
    assert_eq!(
        lines.last(),
        Some(&"Participants: 21. Questions to discuss: 3 (most divided first: T-INF-3, T-INF-2, T-CON-1).")
    );
}

#[test]
fn workshop_merge_writes_a_workshop_file_that_reads_back() {
    let room = room();
    let files: Vec<&Temp> = room.iter().collect();
    let out = Temp::new(b"");
    let run = merge(&files, &["--threshold", "80", "-o", out.path()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().last(),
        Some(format!("Taller guardado en {}.", out.path()).as_str())
    );
    let text = std::fs::read_to_string(&out.0).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["app_version"], env!("CARGO_PKG_VERSION"));
    let at = file["exported_at"].as_str().unwrap();
    assert!(at.len() == 20 && at.starts_with("20") && at.ends_with('Z'), "{at}");
    let workshop = workshop_file::read(&text).unwrap();
    assert_eq!(workshop.id, WORKSHOP);
    assert_eq!(workshop.scope, transparencia());
    assert_eq!(workshop.consensus_percent, 80);
    assert!(mega_v1().is(&workshop.model));
    assert_eq!(workshop.rounds.len(), 1);
    assert_eq!(workshop.rounds[0].responses.len(), 20);
    assert_eq!(workshop.participants(), 20);
    // Phones alone: exactly 50/50 on T-INF-2, and nobody answered T-EMP-3.
    let run = merge(&files, &["--json", "-o", out.path()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // With --json, stdout is the JSON alone; the file saved is said on stderr.
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(run.stderr.starts_with("Taller guardado en "), "{}", run.stderr);
    let split = item(&items, "T-INF-2");
    assert_eq!(
        (split["consensus"].as_str(), split["agreement"].as_u64()),
        (Some("divided"), Some(50))
    );
    let nobody = item(&items, "T-EMP-3");
    assert_eq!(nobody["consensus"], "no_votes");
    assert_eq!(
        (
            nobody["total"].as_u64(),
            nobody["median"].is_null(),
            nobody["proposed"].is_null()
        ),
        (Some(0), true, true)
    );
}

#[test]
fn results_files_alone_make_a_workshop_of_every_pillar() {
    let out = Temp::new(b"");
    let run = megaip(&["workshop", "merge", RESULTS[2], RESULTS[0], "-o", out.path(), "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let model = mega_v1();
    assert_eq!(items.as_array().unwrap().len(), model.criteria().len());
    let workshop = workshop_file::read(&std::fs::read_to_string(&out.0).unwrap()).unwrap();
    assert_eq!(workshop.id, "CLI");
    assert_eq!(workshop.scope, Scope::default());
    assert_eq!(workshop.consensus_percent, 70);
    // The same assessment handed in twice counts once.
    assert_eq!(workshop.participants(), 1);
    assert_eq!(workshop.rounds[0].responses[0].participant, "AYUMBO2026");
}

#[test]
fn responses_of_another_model_are_left_out() {
    let room = room();
    let city = results_of_city_model();
    let bad = results_with_bad_answer();
    let junk = Temp::with_ext(b"hola\nMIP1.K7QX2M", "txt");
    let cut = Temp::with_ext(b"MIP1.K7QX2M.P01.A133045E.0.12", "txt");
    let files = [&room[0], &city, &bad, &junk, &cut, &room[1]];
    let run = merge(&files, &["--model", CITY, "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let refused: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(refused.len(), 4, "{}", run.stderr);
    assert!(
        refused[0].starts_with(&format!(
            "{}: left out. It uses the model “City Data Maturity” version 0.3.0",
            city.path()
        )),
        "{}",
        run.stderr
    );
    assert!(
        refused[1].starts_with(&format!("{}: left out. ", bad.path())) && refused[1].contains("P-COL-1=maybe"),
        "{}",
        run.stderr
    );
    assert!(
        refused[2].contains("neither a MEGA IP results file nor a workshop response"),
        "{}",
        run.stderr
    );
    assert!(
        refused[3].starts_with(&format!("{}: left out. ", cut.path())),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("Participants: 2.")),
        "{}",
        run.stdout
    );
}

#[test]
fn workshop_merge_fails_only_when_no_file_can_be_used() {
    let model = mega_v1();
    let stranger = Temp::with_ext(payload(&model, "ZZ9ZZZ", 7).as_bytes(), "txt");
    let run = megaip(&["workshop", "merge", MEGA_IP, "no-such-file.txt", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(lines[0].contains("This file is a model, not results"), "{}", run.stderr);
    assert!(
        lines[1].starts_with("no-such-file.txt: the file cannot be read ("),
        "{}",
        run.stderr
    );
    assert_eq!(lines[2], "No file could be used: there are no responses to merge.");
    // A lone phone code sets the workshop: it is used.
    let run = merge(&[&stranger], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("Taller ZZ9ZZZ "), "{}", run.stdout);
    // A workshop file that cannot be written fails the command.
    let nowhere = std::env::temp_dir().join("megaip-cli-test-no-such-dir").join("w.json");
    let run = merge(&[&stranger], &["-o", nowhere.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .starts_with(&format!("{}: no se puede escribir el archivo (", nowhere.display())),
        "{}",
        run.stderr
    );
}

#[test]
fn workshop_merge_arguments_are_checked() {
    let cases: [&[&str]; 11] = [
        &["workshop"],
        &["workshop", "merge"],
        &["workshop", "mix", RESULTS[2]],
        &["workshop", "merge", RESULTS[2], "--threshold"],
        &["workshop", "merge", RESULTS[2], "--threshold", "0"],
        &["workshop", "merge", RESULTS[2], "--threshold", "101"],
        &["workshop", "merge", RESULTS[2], "--threshold", "70.5"],
        &["workshop", "merge", RESULTS[2], "--threshold", "many"],
        &["workshop", "merge", RESULTS[2], "-o"],
        &["results", "score", RESULTS[2], "--threshold", "80"],
        &["results", "check", RESULTS[2], "-o", "out.json"],
    ];
    for args in cases {
        let run = megaip(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert!(
            run.stderr.starts_with("No se entienden los argumentos: "),
            "{args:?}: {}",
            run.stderr
        );
    }
    let run = megaip(&["workshop", "merge", RESULTS[2], "--threshold", "0", "--lang", "en"]);
    assert!(run.stderr.contains("--threshold 0"), "{}", run.stderr);
}

#[test]
fn workshop_merge_has_help() {
    for lang in ["es", "en"] {
        let main = megaip(&["--help", "--lang", lang]);
        assert!(main.stdout.contains("megaip workshop merge "), "{}", main.stdout);
        let workshop = megaip(&["workshop", "--help", "--lang", lang]);
        let merge = megaip(&["workshop", "merge", "--help", "--lang", lang]);
        let with_files = megaip(&["workshop", "merge", RESULTS[2], "--json", "--help", "--lang", lang]);
        for run in [&workshop, &merge, &with_files] {
            assert_eq!(run.code, 0, "{}", run.stderr);
            assert!(run.stderr.is_empty());
        }
        assert_eq!(workshop.stdout, merge.stdout);
        assert_eq!(merge.stdout, with_files.stdout);
        assert_ne!(merge.stdout, main.stdout);
        assert!(merge.stdout.contains("--threshold"), "{}", merge.stdout);
    }
    let run = megaip(&["workshop", "merge", "--help", "--lang", "en"]);
    assert!(
        run.stdout.starts_with("Usage: megaip workshop merge RESPONSES…"),
        "{}",
        run.stdout
    );
}

#[test]
fn lang_pt_speaks_brazilian_portuguese() {
    let model_2 = concat!(env!("CARGO_MANIFEST_DIR"), "/../../toolkits/mega-ip/model-2.json");
    let run = megaip(&["--lang", "pt", "model", "check", model_2]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("O arquivo é válido."), "{}", run.stdout);
    let run = megaip(&["results", "check", "--lang", "pt", RESULTS[2]]);
    assert_eq!(run.code, 0);
    // The file was made with MEGA IP 1.0.0, which has no Portuguese: its pillar names stay
    // in a language the model has, inside Portuguese sentences.
    assert!(run.stdout.contains("Transparencia"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("Resultados de «"),
        "no Spanish frame: {}",
        run.stdout
    );
    let run = megaip(&["--help", "--lang", "pt"]);
    assert!(
        run.stdout.contains("Uso:") && run.stdout.contains("esta ajuda"),
        "{}",
        run.stdout
    );
}
