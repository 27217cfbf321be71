//! Runs the built `megaip` on the repository's real model and results files and checks what it
//! prints and how it exits: 0 valid, 1 not valid or unreadable, 2 wrong arguments.

use megaip_core::analysis::scoring::score;
use megaip_core::content::model::{Model, MAX_MODEL_BYTES};
use megaip_core::content::toolkit::Haga;
use megaip_core::exchange::results::import;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const MEGA_IP: &str = "toolkits/mega-ip/model.json";
const RECORDS: &str = "tests/fixtures/models/records-maturity.json";
const CITY: &str = "tests/fixtures/models/city-data-maturity.json";
const RESULTS: [&str; 3] = [
    "tests/fixtures/results/results-v1.json",
    "tests/fixtures/results/results-v2.json",
    "tests/fixtures/results/results-v3.json",
];

/// A path from the top of the repository.
fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap()
}

/// What one run printed and how it ended.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `megaip` with the arguments; words naming a repository file are made absolute.
fn megaip(args: &[&str]) -> Run {
    let args: Vec<PathBuf> = args
        .iter()
        .map(|a| {
            if a.ends_with(".json") && repo(a).exists() {
                repo(a)
            } else {
                PathBuf::from(a)
            }
        })
        .collect();
    let Output { status, stdout, stderr } = Command::new(env!("CARGO_BIN_EXE_megaip")).args(&args).output().unwrap();
    Run {
        code: status.code().unwrap(),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

/// A file under the temporary directory, removed when dropped.
struct Temp(PathBuf);

impl Temp {
    fn new(contents: &[u8]) -> Temp {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("megaip-cli-test-{}-{n}.json", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        Temp(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

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
        assert_eq!(
            lines.len(),
            2 + Model::mega_ip().unwrap().pillars().len(),
            "{}",
            run.stdout
        );
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
    let mega_ip = Model::mega_ip().unwrap();
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
