//! Lenguaje claro in every Spanish text a person reads: the HAGA toolkit, the current MEGA IP
//! model and the interface strings (`locales/es.json`). No sentence over 35 words (the aim is
//! 25; longer ones are listed as a warning), no calque "Cuenta si…" (Spanish says "Se cumple
//! si…"), and the prefix *co-* written joined, as the RAE asks (*cocreación*, *codiseño*),
//! except in the proper names of documents that spell it otherwise.
//!
//! MEGA IP 1.0.0 (`model.json`) is left as it was published: its file is part of its identity,
//! so editing it would orphan every assessment made with it. Its corrections are 2.0.0.

use std::path::PathBuf;

const FAIL_ABOVE: usize = 35;
const AIM: usize = 25;
/// Names of documents as their authors spell them.
const PROPER_NAMES: [&str; 1] = ["Estándares de Participación y Co-creación"];

fn spanish_texts(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                match (k.as_str(), x) {
                    ("es", serde_json::Value::String(s)) => out.push((path.to_owned(), s.clone())),
                    _ => spanish_texts(x, &format!("{path}.{k}"), out),
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                spanish_texts(x, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// Every Spanish text a person reads: the toolkit, the current model and the interface.
fn texts() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = haga_texts();
    let model: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("toolkits/mega-ip/model-2.json")).unwrap()).unwrap();
    spanish_texts(&model, "model-2.json", &mut out);
    let ui: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("locales/es.json")).unwrap()).unwrap();
    every_string(&ui, "es.json", &mut out);
    out
}

/// The interface strings are the whole file, not `es` fields.
fn every_string(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                every_string(x, &format!("{path}.{k}"), out);
            }
        }
        serde_json::Value::String(s) => out.push((path.to_owned(), s.clone())),
        _ => {}
    }
}

fn haga_texts() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../toolkits/haga");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    let mut out = Vec::new();
    for f in files {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        spanish_texts(&v, &name, &mut out);
    }
    out
}

/// Sentences end at `.`, `!` or `?` followed by a space; a decimal point or a web address
/// stays inside its sentence.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' ') {
            out.push(text[start..=i].trim());
            start = i + 1;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

#[test]
fn sentences_split_at_their_ends_only() {
    assert_eq!(
        sentences("Son 2,5 puntos. Ver participa.rosario.gob.ar hoy. ¿Cuántos? Tres."),
        [
            "Son 2,5 puntos.",
            "Ver participa.rosario.gob.ar hoy.",
            "¿Cuántos?",
            "Tres."
        ]
    );
}

#[test]
fn no_spanish_sentence_is_over_35_words() {
    let texts = texts();
    assert!(texts.len() > 1000, "{} texts", texts.len());
    let mut too_long = Vec::new();
    let mut over_aim = 0;
    for (path, text) in &texts {
        for s in sentences(text) {
            let words = s.split_whitespace().count();
            if words > FAIL_ABOVE {
                too_long.push(format!("{path} ({words} words): {s}"));
            } else if words > AIM {
                over_aim += 1;
            }
        }
    }
    if over_aim > 0 {
        eprintln!("warning: {over_aim} Spanish sentences have more than {AIM} words");
    }
    assert!(too_long.is_empty(), "{}", too_long.join("\n"));
}

#[test]
fn the_prefix_co_is_written_joined() {
    let mut hyphenated = Vec::new();
    for (path, text) in texts() {
        let mut text = text.clone();
        for name in PROPER_NAMES {
            text = text.replace(name, "");
        }
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            let lower = word.to_lowercase();
            if lower.starts_with("co-") && lower.len() > 3 {
                hyphenated.push(format!("{path}: {word}"));
            }
        }
    }
    assert!(hyphenated.is_empty(), "{}", hyphenated.join("\n"));
}

#[test]
fn no_calque_of_it_counts_if() {
    let calques: Vec<String> = texts()
        .into_iter()
        .filter(|(_, t)| t.contains("Cuenta si") || t.contains("cuenta si "))
        .map(|(path, t)| format!("{path}: {t}"))
        .collect();
    assert!(calques.is_empty(), "{}", calques.join("\n"));
}
