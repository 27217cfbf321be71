//! What the command line's test files share: running the built `megaip` and temporary files.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A path from the top of the repository.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap()
}

/// What one run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `megaip` with the arguments; words naming a repository file are made absolute.
pub fn megaip(args: &[&str]) -> Run {
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
pub struct Temp(pub PathBuf);

impl Temp {
    pub fn new(contents: &[u8]) -> Temp {
        Temp::with_ext(contents, "json")
    }

    pub fn with_ext(contents: &[u8], ext: &str) -> Temp {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("megaip-cli-test-{}-{n}.{ext}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        Temp(path)
    }

    pub fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A fresh folder under the temporary directory, removed when dropped.
pub struct Folder(pub PathBuf);

impl Folder {
    pub fn new(name: &str) -> Folder {
        let path = std::env::temp_dir().join(format!("megaip-folder-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(path.join("2026")).unwrap();
        Folder(path)
    }
    pub fn put(&self, name: &str, text: &str) {
        std::fs::write(self.0.join(name), text).unwrap();
    }
    pub fn join(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The v3 fixture moved to another municipality and date.
pub fn results_of(municipality: &str, date: &str) -> String {
    let mut file: serde_json::Value = serde_json::from_str(&read("tests/fixtures/results/results-v3.json")).unwrap();
    file["assessment"]["profile"]["municipality"] = municipality.into();
    file["assessment"]["profile"]["date"] = date.into();
    file["assessment"]["id"] = format!("a-{}-{date}", municipality.to_lowercase()).into();
    file.to_string()
}

/// MEGA IP 1.0.0: the version the results fixtures under `tests/fixtures` were made with.
#[allow(dead_code)]
pub fn mega_v1() -> megaip_core::content::model::Model {
    megaip_core::content::model::Model::mega_ip_earlier()
        .unwrap()
        .into_iter()
        .find(|m| m.version() == "1.0.0")
        .unwrap()
}
