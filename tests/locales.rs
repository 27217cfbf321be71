//! The interface strings in `locales/` are complete in every language: the same keys, none
//! empty, and the same `{{ placeholders }}` in each. There is no fallback to another language, so
//! a key missing in one file must fail here, before a user meets it.

use std::collections::BTreeMap;

fn flatten(prefix: &str, v: &serde_json::Value, out: &mut BTreeMap<String, String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        other => {
            out.insert(prefix.to_owned(), other.as_str().unwrap_or_default().to_owned());
        }
    }
}

fn locale(code: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{code}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = BTreeMap::new();
    flatten("", &value, &mut out);
    out
}

fn placeholders(s: &str) -> Vec<&str> {
    let mut found: Vec<&str> = s
        .split("{{")
        .skip(1)
        .filter_map(|p| p.split("}}").next())
        .map(str::trim)
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn every_interface_string_exists_in_every_language() {
    let es = locale("es");
    for code in ["en", "pt"] {
        let other = locale(code);
        let missing: Vec<&String> = es.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !es.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{code}: missing {missing:?}, extra {extra:?}"
        );
        for (key, text) in &other {
            assert!(!text.trim().is_empty(), "{code}: {key} is empty");
            assert_eq!(
                placeholders(text),
                placeholders(&es[key]),
                "{code}: {key} has other placeholders"
            );
        }
    }
    assert!(es.values().all(|t| !t.trim().is_empty()));
}
