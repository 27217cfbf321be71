//! `megaip compare` on a folder of real results files, with bad ones among them: the good ones
//! reach the spreadsheets, the bad ones are named with their reason.

mod common;
use common::*;

#[test]
fn a_folder_of_files_becomes_two_spreadsheets_and_bad_files_are_named() {
    let dir = Folder::new("folder");
    dir.put("yumbo-2025.json", &results_of("Yumbo", "2025-03-01"));
    dir.put("2026/yumbo-2026.json", &results_of("Yumbo", "2026-03-01"));
    dir.put("2026/tumaco.json", &results_of("Tumaco", "2026-02-10"));
    dir.put("roto.json", "{\"kind\": ");
    dir.put("notas.txt", "not read: not a .json file");
    let (out, answers) = (dir.join("tabla.csv"), dir.join("respuestas.csv"));
    let run = megaip(&["compare", &dir.join(""), "--csv", &out, "--answers", &answers]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("3 autodiagnósticos de 2 municipios"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("roto.json: se deja fuera."), "{}", run.stderr);
    assert!(!run.stderr.contains("notas.txt"));

    let table = std::fs::read_to_string(&out).unwrap();
    assert!(table.starts_with('\u{feff}'));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert!(lines[0].contains("Municipio;País;"));
    assert!(lines.iter().any(|l| l.starts_with("Tumaco;Colombia;")));
    let answers = std::fs::read_to_string(&answers).unwrap();
    assert!(answers.lines().count() > 3);

    let en = megaip(&["compare", &dir.join("2026"), "--csv", &out, "--lang", "en"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(
        en.stdout.contains("2 self-assessments of 2 municipalities"),
        "{}",
        en.stdout
    );
    assert!(std::fs::read_to_string(&out).unwrap().contains("Municipality,Country,"));
}

#[test]
fn nothing_usable_exits_with_1_and_wrong_arguments_with_2() {
    let dir = Folder::new("bad");
    dir.put("roto.json", "[]");
    let out = dir.join("tabla.csv");
    let run = megaip(&["compare", &dir.join("roto.json"), "--csv", &out]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("No se pudo usar ningún archivo"), "{}", run.stderr);
    assert!(!std::path::Path::new(&out).exists(), "no spreadsheet without rows");
    assert_eq!(megaip(&["compare", &dir.join("roto.json")]).code, 2);
    let help = megaip(&["compare", "--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("--csv SALIDA.csv"));
}
