//! `megaip`, the command line on the MEGA IP core. This file owns running a command: reading
//! files (refusing oversized ones before reading them), handing their text to the core to parse
//! a model, import a results file and score it, and printing the outcome — to stdout when the
//! file is valid (exit 0), to stderr when it is not or cannot be read (exit 1) or when the
//! arguments are wrong (exit 2). Arguments are read in [`args`]; `workshop merge`, which reads
//! many files and leaves out the bad ones, is [`merge`]; `compare`, which does the same for an
//! advisor's spreadsheets, is [`compare`]; `report`, the diagnosis reports, is [`report`]. Every
//! sentence printed comes from the core's message catalog, in the language `--lang` chose;
//! nothing here panics on what a user or a file gives it.

// Nothing here may panic on what a user or a file gives it.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

mod args;
mod compare;
mod merge;
mod report;

use args::{Command, Invocation, Usage};
use megaip_core::analysis::scoring::score;
use megaip_core::answers::assessment::Assessment;
use megaip_core::content::model::{Model, ModelError, MAX_MODEL_BYTES};
use megaip_core::content::toolkit::Haga;
use megaip_core::exchange::results::{import, ImportError, MAX_RESULTS_BYTES};
use megaip_core::messages::{catalog, stage_name, Catalog};
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Lines for stdout when the command succeeds, for stderr when the file is not valid.
type Outcome = Result<Vec<String>, Vec<String>>;

fn main() -> ExitCode {
    let Invocation { lang, command } = args::parse(std::env::args_os().skip(1));
    let c = catalog(lang);
    let outcome = match command {
        Err(Usage(detail)) => {
            print(io::stderr(), &[c.cli_usage(&detail)]);
            return ExitCode::from(2);
        }
        Ok(Command::Help(topic)) => Ok(vec![c.cli_help(topic)]),
        Ok(Command::ModelCheck { file }) => model_check(c, &file),
        Ok(Command::Results {
            file,
            models,
            score,
            json,
        }) => results(c, &file, &models, score && json),
        Ok(Command::WorkshopMerge(m)) => merge::run(c, &m).map(|merged| {
            // The files left out are said, and the others still merged.
            print(io::stderr(), &merged.stderr);
            merged.stdout
        }),
        Ok(Command::Compare(x)) => compare::run(c, &x).map(|compared| {
            print(io::stderr(), &compared.stderr);
            compared.stdout
        }),
        Ok(Command::Report(x)) => report::run(c, &x),
    };
    match outcome {
        Ok(lines) => {
            print(io::stdout(), &lines);
            ExitCode::SUCCESS
        }
        Err(lines) => {
            print(io::stderr(), &lines);
            ExitCode::FAILURE
        }
    }
}

/// Writes the lines, ignoring a closed pipe (`megaip … | head` must not panic).
fn print(to: impl Write, lines: &[String]) {
    let mut to = io::BufWriter::new(to);
    for line in lines {
        if writeln!(to, "{line}").is_err() {
            return;
        }
    }
    let _ = to.flush();
}

/// Why a file cannot be used: the system could not read it, or the core refuses its content.
enum Failed<E> {
    Unreadable(io::Error),
    Invalid(E),
}

/// The text of a file of at most `max` bytes, read only after its metadata says it fits (and
/// never more than one byte past the limit, should it grow meanwhile). `too_large` and
/// `not_json` build the core's own errors for a file refused here.
fn read<E>(path: &Path, max: usize, too_large: fn(usize) -> E, not_json: E) -> Result<String, Failed<E>> {
    let file = File::open(path).map_err(Failed::Unreadable)?;
    let len = file.metadata().map_err(Failed::Unreadable)?.len();
    let refuse = |bytes: u64| Failed::Invalid(too_large(usize::try_from(bytes).unwrap_or(usize::MAX)));
    if len > max as u64 {
        return Err(refuse(len));
    }
    let mut bytes = Vec::new();
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(Failed::Unreadable)?;
    if bytes.len() > max {
        return Err(refuse(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|_| Failed::Invalid(not_json))
}

/// Writes a file the command produces, or says why it could not.
fn write(c: &dyn Catalog, path: &Path, text: &str) -> Result<(), Vec<String>> {
    std::fs::write(path, text).map_err(|e| vec![c.cli_cannot_write(&shown(path), &e.to_string())])
}

fn shown(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn unreadable(c: &dyn Catalog, path: &Path, e: &io::Error) -> Vec<String> {
    vec![c.cli_unreadable(&shown(path), &e.to_string())]
}

fn load_model(path: &Path) -> Result<Model, Failed<ModelError>> {
    let text = read(
        path,
        MAX_MODEL_BYTES,
        |bytes| ModelError::TooLarge { bytes },
        ModelError::NotJson,
    )?;
    Model::parse(&text).map_err(Failed::Invalid)
}

fn model_check(c: &dyn Catalog, path: &Path) -> Outcome {
    let model = match load_model(path) {
        Ok(model) => model,
        Err(Failed::Unreadable(e)) => return Err(unreadable(c, path, &e)),
        Err(Failed::Invalid(e)) => {
            let mut lines = vec![c.cli_invalid(&shown(path))];
            match &e {
                ModelError::Problems(problems) => {
                    lines.extend(problems.shown().iter().map(|p| format!("  - {}", c.model_problem(p))));
                    if problems.total() > problems.shown().len() {
                        lines.push(c.model_error(&e));
                    }
                }
                other => lines.push(c.model_error(other)),
            }
            return Err(lines);
        }
    };
    Ok(vec![
        c.cli_model_summary(&model),
        c.cli_model_counts(&model),
        c.cli_valid().to_owned(),
    ])
}

/// The bundled MEGA IP (current, then earlier versions) and the models given with `--model`; the first that cannot be used stops
/// the command, with the lines that say why.
fn models(c: &dyn Catalog, paths: &[PathBuf]) -> Result<(Model, Vec<Model>), Vec<String>> {
    let bundled = Model::mega_ip().map_err(|e| vec![c.model_error(&e)])?;
    // Earlier MEGA IP versions come next, so files made with them still read as they were.
    let mut loaded = Model::mega_ip_earlier().map_err(|e| vec![c.model_error(&e)])?;
    for path in paths {
        match load_model(path) {
            Ok(model) => loaded.push(model),
            Err(Failed::Unreadable(e)) => return Err(unreadable(c, path, &e)),
            Err(Failed::Invalid(e)) => return Err(vec![c.cli_invalid(&shown(path)), c.model_error(&e)]),
        }
    }
    Ok((bundled, loaded))
}

/// A results file read, checked and imported, with the model among `models` it was made with.
fn load_results<'m>(
    path: &Path,
    models: &[&'m Model],
    haga: Option<&Haga>,
) -> Result<(Assessment, &'m Model), Failed<ImportError>> {
    let text = read(
        path,
        MAX_RESULTS_BYTES,
        |bytes| ImportError::TooLarge { bytes },
        ImportError::NotJson,
    )?;
    let a = import(&text, models, haga).map_err(Failed::Invalid)?.assessment;
    // `import` succeeds only with one of `models`; this is its own error, for safety.
    match models.iter().copied().find(|m| m.is(a.model())) {
        Some(model) => Ok((a, model)),
        None => Err(Failed::Invalid(ImportError::UnknownModel {
            id: a.model().id.clone(),
            version: a.model().version.clone(),
        })),
    }
}

/// The line that says a results file was left out of a command over many files, and why.
fn left_out(c: &dyn Catalog, path: &Path, failed: &Failed<ImportError>) -> String {
    let why = match failed {
        Failed::Unreadable(e) => e.to_string(),
        Failed::Invalid(e) => c.import_error(e),
    };
    c.cli_merge_refused(&shown(path), &why)
}

/// `results check`, and `results score` (as JSON when `json`).
fn results(c: &dyn Catalog, path: &Path, model_paths: &[PathBuf], json: bool) -> Outcome {
    let (bundled, loaded) = models(c, model_paths)?;
    // The bundled toolkit is checked by the core's tests; without it, canvases are refused.
    let haga = Haga::bundled().ok();
    let models: Vec<&Model> = std::iter::once(&bundled).chain(&loaded).collect();

    let (assessment, model) = match load_results(path, &models, haga.as_ref()) {
        Ok(found) => found,
        Err(Failed::Unreadable(e)) => return Err(unreadable(c, path, &e)),
        Err(Failed::Invalid(e)) => return Err(vec![c.cli_invalid(&shown(path)), c.import_error(&e)]),
    };
    let scores = score(model, &assessment);
    if json {
        return serde_json::to_string_pretty(&scores)
            .map(|s| vec![s])
            .map_err(|e| vec![e.to_string()]);
    }

    let name = match assessment.display_name() {
        name if name.is_empty() => assessment.id().to_string(),
        name => name,
    };
    let lang = model.content_lang(c.lang());
    let mut lines = vec![c.cli_results_summary(&name, model)];
    for pillar in model.pillars() {
        if let Some(s) = scores.pillar(&pillar.id) {
            let stage = stage_name(c, model, s.level);
            lines.push(c.cli_pillar_line(pillar.name.get(lang), &stage, &c.number(s.index, 2)));
        }
    }
    let overall = stage_name(c, model, scores.overall_level);
    lines.push(c.cli_overall(&overall, &c.number(scores.mean_index, 2)));
    Ok(lines)
}
