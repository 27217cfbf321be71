//! The floors of the core only look down: `base` ← `content` ← `answers` ← `analysis` ←
//! `exchange` ← `messages` ← `reports`. This test reads every source file of a floor and fails when it
//! names a floor above its own. Test files (`tests.rs`, `testing.rs`) may use any floor: they
//! check how the floors work together.

use std::path::Path;

const FLOORS: [&str; 7] = [
    "base", "content", "answers", "analysis", "exchange", "messages", "reports",
];

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The floors a file names, from `crate::floor` paths outside comments.
fn named_floors(text: &str) -> Vec<&'static str> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    FLOORS
        .iter()
        .copied()
        .filter(|f| code.contains(&format!("crate::{f}::")) || code.contains(&format!("crate::{f};")))
        .collect()
}

#[test]
fn floors_only_look_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut violations = Vec::new();
    for (level, floor) in FLOORS.iter().enumerate() {
        let mut files = Vec::new();
        sources(&src.join(floor), &mut files);
        assert!(!files.is_empty(), "floor {floor} has no files");
        for file in files {
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            if name == "tests.rs" || name == "testing.rs" {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap();
            for above in named_floors(&text) {
                let their = FLOORS.iter().position(|f| *f == above).unwrap();
                if their > level {
                    violations.push(format!("{} ({floor}) uses {above}", file.display()));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "floors must only look down:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_check_sees_a_violation() {
    assert_eq!(named_floors("use crate::messages::catalog;"), vec!["messages"]);
    assert_eq!(named_floors("// use crate::messages::catalog;"), Vec::<&str>::new());
}
