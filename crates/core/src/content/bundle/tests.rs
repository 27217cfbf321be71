use super::*;
use crate::content::model::ModelError;
use crate::testing::{haga, mega as mega_ip};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn content_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/content"))
}

/// The split parts, by file name.
fn split_files() -> (Index, BTreeMap<String, String>) {
    let (index, files) = split().unwrap();
    (index, files.into_iter().collect())
}

/// The app serves `assets/content/` as committed: it must be exactly what `split` makes of
/// `toolkits/`. `UPDATE_CONTENT=1 cargo test` rewrites it (and removes parts no longer made).
#[test]
fn committed_parts_are_the_split_sources() {
    let (index, files) = split_files();
    let dir = content_dir();
    let index_text = serde_json::to_string_pretty(&index).unwrap() + "\n";
    if std::env::var_os("UPDATE_CONTENT").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name != "index.json" && !files.contains_key(&name) {
                std::fs::remove_file(&path).unwrap();
            }
        }
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        std::fs::write(dir.join("index.json"), &index_text).unwrap();
    }
    let stale = "assets/content is out of date: run `UPDATE_CONTENT=1 cargo test` and commit it";
    assert_eq!(
        std::fs::read_to_string(dir.join("index.json")).unwrap_or_default(),
        index_text,
        "{stale}"
    );
    let mut committed: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "index.json")
        .collect();
    committed.sort();
    assert_eq!(committed, files.keys().cloned().collect::<Vec<_>>(), "{stale}");
    for (name, text) in &files {
        assert_eq!(&std::fs::read_to_string(dir.join(name)).unwrap(), text, "{stale}");
    }
}

fn assembled(lang: Lang) -> Content {
    let (index, files) = split_files();
    index
        .assemble(lang, |name| files.get(name).map(String::as_str))
        .unwrap()
}

#[test]
fn a_language_fetches_one_part_of_each_source_and_no_other_language() {
    let (index, _) = split_files();
    for lang in Lang::ALL {
        let parts = index.parts_for(lang);
        assert_eq!(parts.len(), 7, "{lang:?}");
        assert_eq!(
            index
                .by_language
                .get(lang.code())
                .map(|p| p.iter().map(String::as_str).collect()),
            Some(parts.clone())
        );
        for part in &parts {
            let own = format!(".{}.", lang.code());
            // MEGA IP 1.0.0 has no Portuguese: its Spanish part stands in.
            let fallback = lang == Lang::Pt && part.starts_with("mega-ip-1.0.0.es.");
            assert!(part.contains(&own) || fallback, "{lang:?} fetches {part}");
        }
    }
}

#[test]
fn a_model_part_is_the_same_model_in_one_language() {
    let full = mega_ip();
    for lang in Lang::ALL {
        let part = assembled(lang).mega_ip;
        assert_eq!(
            part.reference(),
            full.reference(),
            "a part keeps the full file's identity"
        );
        assert_eq!(part.languages(), [lang.code().to_owned()]);
        assert_eq!(part.criteria().len(), full.criteria().len());
        for (p, f) in part.criteria().iter().zip(full.criteria()) {
            assert_eq!(
                (&p.id, &p.pillar, &p.stage, &p.lines, &p.frameworks),
                (&f.id, &f.pillar, &f.stage, &f.lines, &f.frameworks)
            );
            assert_eq!(p.text.get(lang), f.text.get(lang));
            assert!(!p.text.get(lang).is_empty());
            assert_eq!(
                p.help.as_ref().map(|h| h.get(lang)),
                f.help.as_ref().map(|h| h.get(lang))
            );
            let evidence = |c: &crate::content::model::Criterion| {
                c.evidence.iter().map(|e| e.get(lang).to_owned()).collect::<Vec<_>>()
            };
            assert_eq!(evidence(p), evidence(f));
            for other in Lang::ALL.into_iter().filter(|o| *o != lang) {
                assert!(!p.text.has(other.code()), "{} keeps {other:?}", p.id);
            }
        }
        for (p, f) in part.stages().iter().zip(full.stages()) {
            assert_eq!(p.name.get(lang), f.name.get(lang));
        }
        for (p, f) in part.frameworks().iter().zip(full.frameworks()) {
            assert_eq!(
                (&p.id, &p.url, &p.country, p.name.get(lang)),
                (&f.id, &f.url, &f.country, f.name.get(lang))
            );
        }
    }
}

#[test]
fn the_earlier_model_falls_back_to_spanish_and_keeps_its_identity() {
    let full = crate::testing::mega_v1();
    let pt = assembled(Lang::Pt);
    let earlier = pt.earlier.first().unwrap();
    assert_eq!(earlier.reference(), full.reference());
    assert_eq!(
        earlier.content_lang(Lang::Pt),
        Lang::Es,
        "the app says the texts are in Spanish"
    );
    assert_eq!(
        earlier.criteria().first().unwrap().text.get(Lang::Es),
        full.criteria().first().unwrap().text.get(Lang::Es)
    );
    let en = assembled(Lang::En);
    assert_eq!(en.earlier.first().unwrap().content_lang(Lang::En), Lang::En);
}

#[test]
fn a_toolkit_part_has_the_same_items_in_one_language() {
    let full = haga();
    for lang in Lang::ALL {
        let content = assembled(lang);
        let part = &content.haga;
        assert!(
            part.problems(&content.mega_ip).is_empty(),
            "{:?}",
            part.problems(&content.mega_ip)
        );
        assert_eq!(part.tools.len(), full.tools.len());
        for (p, f) in part.tools.iter().zip(&full.tools) {
            assert_eq!(
                (&p.id, &p.number, p.description.get(lang)),
                (&f.id, &f.number, f.description.get(lang))
            );
            assert!(!p.description.get(lang).is_empty());
        }
        for (p, f) in part.experiences.iter().zip(&full.experiences) {
            assert_eq!(
                (&p.id, p.title.get(lang), p.summary.get(lang)),
                (&f.id, f.title.get(lang), f.summary.get(lang))
            );
            assert_eq!(p.tools, f.tools);
        }
        for (p, f) in part.methodologies.iter().zip(&full.methodologies) {
            assert_eq!(
                (&p.id, p.name.get(lang), p.steps.len()),
                (&f.id, f.name.get(lang), f.steps.len())
            );
        }
        assert_eq!(part.principles.len(), full.principles.len());
        let upgrade = content.upgrades.first().unwrap();
        assert_eq!(
            upgrade.summary.get(lang),
            Upgrade::bundled().unwrap()[0].summary.get(lang)
        );
    }
}

#[test]
fn a_damaged_or_missing_part_is_refused() {
    let (index, files) = split_files();
    let name = index.parts_for(Lang::Es)[0].to_owned();
    let damaged = files.get(&name).unwrap().replacen("Transparencia", "Transparencja", 1);
    let got = index.assemble(Lang::Es, |n| {
        if n == name {
            Some(damaged.as_str())
        } else {
            files.get(n).map(String::as_str)
        }
    });
    assert_eq!(got.err(), Some(BundleError::Damaged(name.clone())));
    let got = index.assemble(Lang::Es, |n| {
        if n == name {
            None
        } else {
            files.get(n).map(String::as_str)
        }
    });
    assert_eq!(got.err(), Some(BundleError::Missing(name)));
    assert!(matches!(Index::parse("{}"), Err(BundleError::Index(_))));
    assert!(!name_matches("mega-ip-2.0.0.es.json", "{}"));
}

#[test]
fn a_part_keeps_only_the_identity_it_is_given() {
    let (index, files) = split_files();
    let source = index.sources.iter().find(|s| s.role == Role::Model).unwrap();
    let text = files.get(source.part_for(Lang::Es).unwrap()).unwrap();
    let mut other = source.model.clone().unwrap();
    other.version = "9.9.9".into();
    assert!(matches!(Model::parse_part(text, &other), Err(ModelError::Shape { .. })));
    // Read as an ordinary model file, a part is a different model from the full file.
    assert_ne!(Model::parse(text).unwrap().reference(), mega_ip().reference());
}
