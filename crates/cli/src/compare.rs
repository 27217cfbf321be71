//! `megaip compare`: many municipalities' results files (and the `.json` files of folders, at
//! any depth) in the advisor's spreadsheets, `exchange::table`: one row per assessment and, with
//! `--answers`, one row per answer. A file that cannot be used is left out with its reason and
//! the others still count; the command fails only when not one file can be used.
//!
//! All the files must be of one model: the first file used sets it.

use super::{left_out, load_results, models, shown, unreadable, write, Failed};
use crate::args::Compare;
use megaip_core::analysis::compare::{latest, row, Row};
use megaip_core::answers::assessment::Assessment;
use megaip_core::content::model::Model;
use megaip_core::content::toolkit::Haga;
use megaip_core::exchange::results::ImportError;
use megaip_core::messages::Catalog;
use megaip_core::reports::table::{answers_csv, assessments_csv};
use std::path::{Path, PathBuf};

/// What the comparison says: a summary for stdout, the files left out for stderr.
pub struct Compared {
    pub stdout: Vec<String>,
    pub stderr: Vec<String>,
}

/// The files to read: each file given, and every `.json` under each folder given, in name order.
fn expand(inputs: &[PathBuf], c: &dyn Catalog, refused: &mut Vec<String>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, c, refused, &mut out);
        } else {
            out.push(input.clone());
        }
    }
    out
}

fn walk(dir: &Path, c: &dyn Catalog, refused: &mut Vec<String>, out: &mut Vec<PathBuf>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            refused.extend(unreadable(c, dir, &e));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, c, refused, out);
        } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("json")) {
            out.push(p);
        }
    }
}

/// Runs `compare`; `Err` holds the lines for stderr when no file could be used or a spreadsheet
/// could not be written.
pub fn run(c: &dyn Catalog, compare: &Compare) -> Result<Compared, Vec<String>> {
    let (bundled, loaded) = models(c, &compare.models)?;
    // The bundled toolkit is checked by the core's tests; without it, canvases are refused.
    let haga = Haga::bundled().ok();
    let models: Vec<&Model> = std::iter::once(&bundled).chain(&loaded).collect();

    let mut refused = Vec::new();
    let paths = expand(&compare.inputs, c, &mut refused);
    let mut model: Option<&Model> = None;
    let mut assessments: Vec<Assessment> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    for (path, loaded) in load_all(&paths, &models, haga.as_ref()) {
        let (a, r) = match loaded {
            Ok(found) => found,
            Err(failed) => {
                refused.push(left_out(c, path, &failed));
                continue;
            }
        };
        let Some(own) = models.iter().copied().find(|m| m.is(a.model())) else {
            continue;
        };
        match model {
            None => model = Some(own),
            Some(first) if !first.is(a.model()) => {
                refused.push(c.cli_merge_refused(&shown(path), &c.cli_compare_other_model(own, first)));
                continue;
            }
            Some(_) => {}
        }
        assessments.push(a);
        rows.push(r);
    }
    let Some(model) = model else {
        refused.push(c.cli_compare_nothing().to_owned());
        return Err(refused);
    };
    write(c, &compare.csv, &assessments_csv(model, &rows, c))?;
    if let Some(path) = &compare.answers {
        let all: Vec<&Assessment> = assessments.iter().collect();
        write(c, path, &answers_csv(model, &all, c))?;
    }
    Ok(Compared {
        stdout: vec![c.cli_compare_written(rows.len(), latest(&rows).len(), &shown(&compare.csv))],
        stderr: refused,
    })
}

/// What became of one file: its assessment and row, or why it cannot be used.
type Loaded = Result<(Assessment, Row), Failed<ImportError>>;

/// Reads, imports and scores every file, on every core the machine has (each file is
/// independent), and gives the outcomes back in the files' order.
fn load_all<'p>(paths: &'p [PathBuf], models: &[&Model], haga: Option<&Haga>) -> Vec<(&'p PathBuf, Loaded)> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = paths.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                let worker = scope.spawn(move || part.iter().map(|p| (p, load(p, models, haga))).collect::<Vec<_>>());
                (part, worker)
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|(part, worker)| {
                // A worker that died still accounts for each of its files.
                worker.join().unwrap_or_else(|_| {
                    part.iter()
                        .map(|p| (p, Err(Failed::Unreadable(std::io::Error::other("internal error")))))
                        .collect()
                })
            })
            .collect()
    })
}

fn load(path: &Path, models: &[&Model], haga: Option<&Haga>) -> Loaded {
    let (a, model) = load_results(path, models, haga)?;
    let r = row(model, &a);
    Ok((a, r))
}
