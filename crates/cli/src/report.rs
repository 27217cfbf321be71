//! `megaip report`: the diagnosis report of each results file, written as a standalone HTML
//! page (`reports::html`) that any browser opens and prints. With one file the output is that
//! page; with several it is a folder with one page per file, named after it. A file that cannot
//! be used is left out with its reason, and the others are still written.

use super::{left_out, load_results, models, shown, write, Outcome};
use crate::args::Report;
use megaip_core::content::model::Model;
use megaip_core::content::toolkit::Haga;
use megaip_core::messages::Catalog;
use megaip_core::reports::diagnosis::diagnosis;
use megaip_core::reports::html::diagnosis_html;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Runs `report`: `Ok` with a line per page written when every file could be used; `Err` with
/// those lines and the reasons for the files left out otherwise.
pub fn run(c: &dyn Catalog, report: &Report) -> Outcome {
    let (bundled, loaded) = models(c, &report.models)?;
    let haga = Haga::bundled().ok();
    let models: Vec<&Model> = std::iter::once(&bundled).chain(&loaded).collect();
    let into_folder = report.files.len() > 1;
    if into_folder {
        std::fs::create_dir_all(&report.html)
            .map_err(|e| vec![c.cli_cannot_write(&shown(&report.html), &e.to_string())])?;
    }
    let mut written = Vec::new();
    let mut refused = Vec::new();
    let mut names = BTreeSet::new();
    for path in &report.files {
        let (a, model) = match load_results(path, &models, haga.as_ref()) {
            Ok(found) => found,
            Err(failed) => {
                refused.push(left_out(c, path, &failed));
                continue;
            }
        };
        // HAGA's tools and cases are classified by MEGA IP's pillars and stages only.
        let toolkit = haga.as_ref().filter(|_| model.id() == bundled.id());
        let html = diagnosis_html(&diagnosis(model, toolkit, &a, &[], c), c);
        let out = if into_folder {
            page_in(&report.html, path, &mut names)
        } else {
            report.html.clone()
        };
        match write(c, &out, &html) {
            Ok(()) => written.push(c.cli_report_written(&shown(path), &shown(&out))),
            Err(lines) => refused.extend(lines),
        }
    }
    if refused.is_empty() {
        Ok(written)
    } else {
        // What was written is still said, before what was not.
        written.extend(refused);
        Err(written)
    }
}

/// The page for `file` in `folder`: the file's name with `.html`, numbered when two files of
/// different folders share a name.
fn page_in(folder: &Path, file: &Path, taken: &mut BTreeSet<String>) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or_else(|| "informe".to_owned(), |s| s.to_string_lossy().into_owned());
    let mut name = format!("{stem}.html");
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{stem}-{n}.html");
        n += 1;
    }
    folder.join(name)
}
