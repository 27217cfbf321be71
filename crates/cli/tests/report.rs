//! `megaip report` on real results files: one page, a folder of pages, bad files named with
//! their reason while the others are still written.

mod common;
use common::*;

#[test]
fn one_file_becomes_one_printable_page() {
    let dir = Folder::new("report-one");
    dir.put("yumbo.json", &results_of("Yumbo", "2026-03-01"));
    let out = dir.join("yumbo.html");
    let run = megaip(&["report", &dir.join("yumbo.json"), "--html", &out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("informe de diagnóstico escrito en"),
        "{}",
        run.stdout
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"es\">"));
    assert!(html.contains("<h1>Yumbo</h1>"));
    assert!(html.contains("Diagnóstico de gobierno abierto"));
    assert!(html.contains("<h2>Firmas</h2>"));
    // Standalone: nothing to run and nothing to fetch.
    assert!(!html.contains("<script"));
    assert!(!html.contains("src="));
}

#[test]
fn many_files_go_to_a_folder_and_bad_ones_are_named() {
    let dir = Folder::new("report-many");
    dir.put("yumbo.json", &results_of("Yumbo", "2026-03-01"));
    dir.put("2026/yumbo.json", &results_of("Yumbo", "2027-03-01"));
    dir.put("tumaco.json", &results_of("Tumaco", "2026-02-10"));
    dir.put("roto.json", "{\"kind\": ");
    let out = dir.join("informes");
    let run = megaip(&[
        "report",
        &dir.join("yumbo.json"),
        &dir.join("roto.json"),
        &dir.join("2026/yumbo.json"),
        &dir.join("tumaco.json"),
        &dir.join("falta.json"),
        "--html",
        &out,
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("roto.json: left out."), "{}", run.stderr);
    assert!(run.stderr.contains("falta.json: left out."), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("diagnosis report written to").count(),
        3,
        "{}",
        run.stderr
    );
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(pages, ["tumaco.html", "yumbo-2.html", "yumbo.html"]);
    let tumaco = std::fs::read_to_string(dir.0.join("informes/tumaco.html")).unwrap();
    assert!(tumaco.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(tumaco.contains("<h1>Tumaco</h1>") && tumaco.contains("<h2>Signatures</h2>"));
}

#[test]
fn a_report_needs_somewhere_to_write() {
    let run = megaip(&["report", "tests/fixtures/results/results-v3.json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--html"), "{}", run.stderr);
    let run = megaip(&["report", "--help", "--lang", "en"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("Usage: megaip report FILE… --html OUT"));
}
