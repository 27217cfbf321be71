//! `megaip workshop merge`: a room's responses — results files and phones' response codes —
//! merged into a proposed answer for each question, by the core's consensus rule
//! (`analysis::merge`). A file that cannot be used is left out with its reason and the others
//! still count; the command fails only when not one file can be used.
//!
//! All the responses must be of one model (the first file used sets it) and, for phones' codes,
//! of one workshop (the first code used sets it). With `-o` the whole workshop is also written as
//! a workshop file, and read back before the command says it is saved.

use super::{models, read, shown, unreadable, Failed};
use crate::args::Merge;
use megaip_core::analysis::merge::{merge_round, to_discuss, Consensus, Item};
use megaip_core::answers::assessment::Assessment;
use megaip_core::answers::workshop::{Response, Round, Scope, Workshop};
use megaip_core::base::ids::AssessmentId;
use megaip_core::content::model::Model;
use megaip_core::content::toolkit::Haga;
use megaip_core::exchange::payload::{decode, PayloadError};
use megaip_core::exchange::results::{import, ImportError, MAX_RESULTS_BYTES};
use megaip_core::exchange::workshop_file::{self, WorkshopFileError, MAX_WORKSHOP_BYTES};
use megaip_core::messages::Catalog;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// The workshop code used when every response is a results file (no phone code names one).
const FILE_ONLY_CODE: &str = "CLI";
/// A participant id made from a results file's assessment id is at most this long.
const PARTICIPANT_CHARS: usize = 16;

/// What the merge says: the merged questions for stdout; the files left out (and, with
/// `--json`, the workshop file saved) for stderr.
pub struct Merged {
    pub stdout: Vec<String>,
    pub stderr: Vec<String>,
}

/// The merge's findings so far, file by file.
#[derive(Default)]
struct Found {
    /// The model of the first file used, as a position in the models.
    model: Option<usize>,
    /// The workshop code and scope of the first phone code used.
    code: Option<(String, Scope)>,
    responses: Vec<Response>,
    refused: Vec<String>,
}

/// Runs `workshop merge`; `Err` holds the lines for stderr when nothing could be merged or the
/// workshop file could not be written.
pub fn run(c: &dyn Catalog, merge: &Merge) -> Result<Merged, Vec<String>> {
    let (bundled, loaded) = models(c, &merge.models)?;
    // The bundled toolkit is checked by the core's tests; without it, canvases are refused.
    let haga = Haga::bundled().ok();
    let models: Vec<&Model> = std::iter::once(&bundled).chain(&loaded).collect();

    let mut found = Found::default();
    for path in &merge.files {
        if let Err(why) = take(c, &models, haga.as_ref(), path, &mut found) {
            found.refused.push(why);
        }
    }
    let Some(model) = found.model.and_then(|i| models.get(i).copied()) else {
        let mut lines = found.refused;
        lines.push(c.cli_merge_nothing().to_owned());
        return Err(lines);
    };
    let (code, scope) = found
        .code
        .unwrap_or_else(|| (FILE_ONLY_CODE.to_owned(), Scope::default()));
    let mut workshop = Workshop::new(code, AssessmentId::new("cli"), model, scope);
    workshop.consensus_percent = merge.threshold;
    let asked: Vec<&str> = workshop.scope.criteria(model).iter().map(|c| c.id.as_str()).collect();
    if let Some(round) = workshop.current_round() {
        for mut response in found.responses {
            // Only the workshop's questions: a results file answers every pillar.
            response
                .answers
                .retain(|criterion, _| asked.contains(&criterion.as_str()));
            round.add(response);
        }
    }
    let empty = Round::default();
    let items = merge_round(model, &workshop, workshop.rounds.first().unwrap_or(&empty));

    let mut lines = if merge.json {
        json(&items)
    } else {
        text(c, model, &workshop, &items)
    };
    let mut refused = found.refused;
    if let Some(output) = &merge.output {
        if let Err(why) = save(c, &workshop, output) {
            refused.extend(why);
            return Err(refused);
        }
        let saved = c.cli_workshop_saved(&shown(output));
        // JSON on stdout stays JSON alone.
        if merge.json {
            refused.push(saved);
        } else {
            lines.push(saved);
        }
    }
    Ok(Merged {
        stdout: lines,
        stderr: refused,
    })
}

/// Reads one response file into `found`, or gives the line saying why it is left out.
fn take(c: &dyn Catalog, models: &[&Model], haga: Option<&Haga>, path: &Path, found: &mut Found) -> Result<(), String> {
    let refuse = |why: String| c.cli_merge_refused(&shown(path), &why);
    let text = match read(
        path,
        MAX_RESULTS_BYTES,
        |bytes| ImportError::TooLarge { bytes },
        ImportError::NotJson,
    ) {
        Ok(text) => text,
        Err(Failed::Unreadable(e)) => return Err(c.cli_unreadable(&shown(path), &e.to_string())),
        Err(Failed::Invalid(e)) => return Err(refuse(import_reason(c, &e))),
    };
    let first_line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    let (model, scope, response) = if first_line.starts_with("MIP1.") {
        payload(models, found, first_line).map_err(|e| refuse(c.payload_error(&e)))?
    } else {
        results(models, haga, &text).map_err(|e| refuse(import_reason(c, &e)))?
    };
    if let Some(expected) = found.model.filter(|m| *m != model) {
        return Err(match (models.get(model), models.get(expected)) {
            (Some(this), Some(first)) => refuse(c.cli_merge_other_model(this, first)),
            _ => refuse(c.payload_error(&PayloadError::OtherModel)),
        });
    }
    found.model = Some(model);
    if let Some(scope) = scope {
        if found.code.is_none() {
            found.code = Some((payload_code(first_line).to_owned(), scope));
        }
    }
    found.responses.push(response);
    Ok(())
}

/// Why a file is refused as a results file: a file that is not even JSON, or JSON of another
/// kind, may have been meant as a phone's code.
fn import_reason(c: &dyn Catalog, e: &ImportError) -> String {
    match e {
        ImportError::NotJson | ImportError::NotResultsFile => c.cli_merge_not_input().to_owned(),
        other => c.import_error(other),
    }
}

/// The workshop code a phone's response names (its second field).
fn payload_code(line: &str) -> &str {
    line.split('.').nth(1).unwrap_or_default()
}

/// A phone's response: the model it decodes with (position in `models`), its scope, and its
/// answers. It must be for the workshop of the first code used, if one was.
fn payload(models: &[&Model], found: &Found, line: &str) -> Result<(usize, Option<Scope>, Response), PayloadError> {
    let code = found
        .code
        .as_ref()
        .map_or_else(|| payload_code(line), |(code, _)| code.as_str());
    let mut refusal = None;
    for (i, model) in models.iter().enumerate() {
        match decode(model, code, line) {
            Ok((scope, response)) => return Ok((i, Some(scope), response)),
            // The model whose hash matched says best what is wrong with the rest.
            Err(PayloadError::OtherModel) => {}
            Err(e) => refusal = refusal.or(Some(e)),
        }
    }
    Err(refusal.unwrap_or(PayloadError::OtherModel))
}

/// A results file: the model it names (position in `models`) and its answers, as one person's.
fn results(
    models: &[&Model],
    haga: Option<&Haga>,
    text: &str,
) -> Result<(usize, Option<Scope>, Response), ImportError> {
    let assessment = import(text, models, haga)?.assessment;
    let reference = assessment.model();
    let Some(model) = models.iter().position(|m| m.is(reference)) else {
        // `import` only succeeds with one of these models; this is its own error, for safety.
        return Err(ImportError::UnknownModel {
            id: reference.id.clone(),
            version: reference.version.clone(),
        });
    };
    Ok((model, None, response_of(&assessment)))
}

/// An assessment's answers as a participant's response: the id is the assessment's, upper case,
/// letters and digits only, as a phone's would be.
fn response_of(assessment: &Assessment) -> Response {
    let participant = assessment
        .id()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|ch| ch.to_ascii_uppercase())
        .take(PARTICIPANT_CHARS)
        .collect();
    Response {
        participant,
        answers: assessment
            .answers()
            .iter()
            .filter_map(|(criterion, answer)| answer.value.clone().map(|v| (criterion.clone(), v)))
            .collect(),
        ..Response::default()
    }
}

/// The label of an option of a question, or its id when the model has none for it.
fn label<'m>(c: &dyn Catalog, model: &'m Model, criterion: &str, option: &'m str) -> &'m str {
    let lang = model.content_lang(c.lang());
    model
        .criterion(criterion)
        .and_then(|cr| model.option_of(cr, option))
        .map(|o| o.label.get(lang))
        .filter(|l| !l.is_empty())
        .unwrap_or(option)
}

fn text(c: &dyn Catalog, model: &Model, workshop: &Workshop, items: &[Item]) -> Vec<String> {
    let mut lines = vec![c.cli_merge_heading(&workshop.id, model, workshop.consensus_percent)];
    for item in items {
        let id = item.criterion.as_str();
        let name = |option: &str| label(c, model, id, option).to_owned();
        let counts: Vec<(String, u32)> = item
            .distribution
            .counts
            .iter()
            .map(|(option, n)| (name(option), *n))
            .collect();
        let counts: Vec<(&str, u32)> = counts.iter().map(|(l, n)| (l.as_str(), *n)).collect();
        let consensus = match &item.consensus {
            Consensus::One(option) => c.cli_consensus_one(&name(option), item.agreement),
            Consensus::Neighbours(lower, upper) => {
                c.cli_consensus_neighbours(&name(lower), &name(upper), item.agreement)
            }
            Consensus::Divided => c.cli_consensus_divided(item.agreement),
            Consensus::NoVotes => c.cli_consensus_no_votes().to_owned(),
        };
        let proposed = item.proposed.as_deref().map(name);
        lines.push(c.cli_merge_line(id, &c.cli_merge_counts(&counts), &consensus, proposed.as_deref()));
    }
    let discuss: Vec<&str> = to_discuss(items).iter().map(|i| i.criterion.as_str()).collect();
    lines.push(c.cli_merge_summary(workshop.participants(), &discuss));
    lines
}

fn json(items: &[Item]) -> Vec<String> {
    let array: Vec<serde_json::Value> = items
        .iter()
        .map(|item| {
            let counts: serde_json::Map<String, serde_json::Value> = item
                .distribution
                .counts
                .iter()
                .map(|(option, n)| (option.to_string(), serde_json::json!(n)))
                .collect();
            let (consensus, options) = match &item.consensus {
                Consensus::One(o) => ("one", vec![o.as_str()]),
                Consensus::Neighbours(a, b) => ("neighbours", vec![a.as_str(), b.as_str()]),
                Consensus::Divided => ("divided", vec![]),
                Consensus::NoVotes => ("no_votes", vec![]),
            };
            serde_json::json!({
                "criterion": item.criterion.as_str(),
                "counts": counts,
                "total": item.distribution.total,
                "median": item.median.as_deref(),
                "consensus": consensus,
                "consensus_options": options,
                "proposed": item.proposed.as_deref(),
                "agreement": item.agreement,
            })
        })
        .collect();
    let pretty = serde_json::to_string_pretty(&array).unwrap_or_default();
    vec![pretty]
}

/// Writes the workshop file, and reads it back from the disk to check it holds the workshop.
fn save(c: &dyn Catalog, workshop: &Workshop, path: &Path) -> Result<(), Vec<String>> {
    let not_checked = || vec![c.cli_workshop_not_checked(&shown(path))];
    let text = workshop_file::to_json(&workshop_file::build(
        workshop,
        env!("CARGO_PKG_VERSION"),
        &utc(SystemTime::now()),
    ));
    // Never write a file that would not read back.
    if workshop_file::read(&text).as_ref() != Ok(workshop) {
        return Err(not_checked());
    }
    std::fs::write(path, &text).map_err(|e| vec![c.cli_cannot_write(&shown(path), &e.to_string())])?;
    let back = read(
        path,
        MAX_WORKSHOP_BYTES,
        |bytes| WorkshopFileError::TooLarge { bytes },
        WorkshopFileError::NotJson,
    );
    match back.map(|back| workshop_file::read(&back)) {
        Ok(Ok(back)) if back == *workshop => Ok(()),
        Err(Failed::Unreadable(e)) => Err(unreadable(c, path, &e)),
        _ => Err(not_checked()),
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` in UTC, or `""` for a time before 1970 or after 9999.
fn utc(time: SystemTime) -> String {
    let Ok(since) = time.duration_since(UNIX_EPOCH) else {
        return String::new();
    };
    let secs = since.as_secs();
    let (days, of_day) = (secs / 86_400, secs % 86_400);
    let (hour, minute, second) = (of_day / 3600, of_day % 3600 / 60, of_day % 60);
    // Howard Hinnant's `civil_from_days`, for days since 1970-01-01 (never negative here).
    let Some(z) = days.checked_add(719_468) else {
        return String::new();
    };
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = era.saturating_mul(400).saturating_add(yoe) + u64::from(month <= 2);
    if year > 9999 {
        return String::new();
    }
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(secs: u64) -> String {
        utc(UNIX_EPOCH + Duration::from_secs(secs))
    }

    #[test]
    fn times_are_written_in_utc() {
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(at(951_868_799), "2000-02-29T23:59:59Z");
        assert_eq!(at(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(at(1_772_359_200), "2026-03-01T10:00:00Z");
        assert_eq!(at(253_402_300_799), "9999-12-31T23:59:59Z");
        assert_eq!(at(253_402_300_800), "");
        assert_eq!(utc(UNIX_EPOCH - Duration::from_secs(1)), "");
    }

    #[test]
    fn a_results_file_id_becomes_a_participant_code() {
        let model = Model::mega_ip().unwrap();
        let a = Assessment::new(AssessmentId::new("a-yumbo-2026-ñ-with-a-long-tail"), &model, "");
        assert_eq!(response_of(&a).participant, "AYUMBO2026WITHAL");
    }
}
