//! Every sentence a person reads that the app builds from facts: import and model errors,
//! reasons for recommendations, plan step titles, labels of bands and initiatives, country
//! names, numbers. The browser app and the command line both speak through here.
//!
//! Each language is one implementation of [`Catalog`], a trait with no default methods: a new
//! message is a new trait method, which fails to compile until every language has it, and a new
//! [`Lang`] fails to compile in [`catalog`] until it has a catalog. Completeness is by
//! construction; `tests` renders every message in every language as a second check.
//!
//! The interface's fixed strings (buttons, headings) stay in the app's `locales/`.
//!
//! **Architecture Invariant:** `messages` is the top floor: it may read every floor below, and
//! nothing below reads it.

mod en;
mod es;
mod pt;

use crate::analysis::recommend::{ConditionAdvice, Pick, PillarAdvice};
use crate::answers::plan::{Phase, PlanStep};
use crate::answers::workshop::DecidedBy;
use crate::base::locale::Lang;
use crate::content::model::{Model, ModelError, Problem};
use crate::content::places::PopulationBand;
use crate::content::toolkit::{Availability, Haga, Initiative};
use crate::exchange::backup::BackupError;
use crate::exchange::payload::PayloadError;
use crate::exchange::results::ImportError;

/// The sentences of one language.
pub trait Catalog {
    fn lang(&self) -> Lang;

    // Files that cannot be used.
    fn model_error(&self, e: &ModelError) -> String;
    fn model_problem(&self, p: &Problem) -> String;
    fn import_error(&self, e: &ImportError) -> String;

    /// An imported file's written scores disagree with its answers.
    fn import_scores_differ(&self) -> &'static str;
    fn backup_error(&self, e: &BackupError) -> String;
    /// A participant's response code that cannot be used.
    fn payload_error(&self, e: &PayloadError) -> String;
    /// What "Restaurar una copia" did: assessments brought in, already here, refused.
    fn restore_summary(&self, restored: usize, already: usize, refused: usize) -> String;

    // Recommendations and the plan.
    fn pillar_headline(&self, advice: &PillarAdvice, model: &Model) -> String;
    fn pick_reason(&self, advice: &PillarAdvice, pick: &Pick, model: &Model, haga: &Haga) -> String;
    fn condition_reason(&self, advice: &ConditionAdvice, model: &Model, haga: &Haga) -> String;
    /// What "update with today's results" did to the plan.
    fn plan_refreshed(&self, achieved: usize, new: usize) -> String;
    fn plan_step_title(&self, step: &PlanStep, model: &Model, haga: &Haga) -> String;

    // Labels.
    fn band(&self, band: PopulationBand) -> &'static str;
    fn initiative(&self, initiative: Initiative) -> &'static str;
    /// Whether a tool can be used in Spanish.
    fn availability(&self, a: Availability) -> &'static str;
    /// The country's name, or `None` when the code is not one the app names.
    fn country(&self, code: &str) -> Option<&'static str>;
    /// What a pillar that has not reached its first stage is at.
    fn no_stage(&self) -> &'static str;

    // Numbers, in the language's convention: `1,40` and `75 %` in Spanish, `1.40` and `75%` in
    // English.
    fn number(&self, x: f64, decimals: usize) -> String;
    fn percent(&self, share: f64) -> String;

    /// A heading of the advisor's spreadsheets.
    fn table_heading(&self, h: TableHeading) -> &'static str;

    // The diagnosis report (`reports::diagnosis`).
    /// A fixed word or sentence of the report.
    fn report_text(&self, t: ReportText) -> &'static str;
    /// The overall reading in one sentence; `stage` is `None` before the first stage.
    fn report_overall(&self, name: &str, stage: Option<&str>, mean: &str, max: usize) -> String;
    /// Before a pillar's strengths: what is met at the highest stage it reached.
    fn report_strengths_at(&self, stage: &str) -> String;
    /// Before a pillar's challenges: the points the next stage still needs.
    fn report_next(&self, next: &str, points: &str, threshold: u32) -> String;
    /// A missing question's current answer.
    fn report_answer_now(&self, answer: &str) -> String;
    /// How workshop `code` decided an answer: its votes, by consensus or after discussion in
    /// `round`.
    fn report_workshop(&self, code: &str, votes: &str, by: DecidedBy, round: u32) -> String;
    /// The name of a phase of the plan.
    fn phase(&self, p: Phase) -> &'static str;

    // The command line.
    fn cli_help(&self, topic: CliHelp) -> String;
    /// The arguments could not be understood; `detail` says which one.
    fn cli_usage(&self, detail: &str) -> String;
    fn cli_model_summary(&self, model: &Model) -> String;
    fn cli_model_counts(&self, model: &Model) -> String;
    fn cli_valid(&self) -> &'static str;
    fn cli_invalid(&self, path: &str) -> String;
    fn cli_unreadable(&self, path: &str, why: &str) -> String;
    fn cli_pillar_line(&self, pillar: &str, stage: &str, index: &str) -> String;
    fn cli_overall(&self, stage: &str, mean: &str) -> String;
    fn cli_results_summary(&self, name: &str, model: &Model) -> String;

    // `megaip workshop merge`.
    /// The first line: the workshop's code, its model and the consensus threshold (percent).
    fn cli_merge_heading(&self, code: &str, model: &Model, threshold: u32) -> String;
    /// The votes for each option of a question, in the scale's order: `(label, votes)`.
    fn cli_merge_counts(&self, counts: &[(&str, u32)]) -> String;
    /// Consensus on one option, with the share of the votes (percent).
    fn cli_consensus_one(&self, option: &str, agreement: u32) -> String;
    /// Consensus on two neighbouring options (the lower first), with their share of the votes.
    fn cli_consensus_neighbours(&self, lower: &str, upper: &str, agreement: u32) -> String;
    /// No consensus; `agreement` is the share of the most voted option.
    fn cli_consensus_divided(&self, agreement: u32) -> String;
    fn cli_consensus_no_votes(&self) -> &'static str;
    /// One question: its id, [`Catalog::cli_merge_counts`], the consensus and the proposed answer.
    fn cli_merge_line(&self, criterion: &str, counts: &str, consensus: &str, proposed: Option<&str>) -> String;
    /// The last line: how many took part, and the questions to discuss, most divided first.
    fn cli_merge_summary(&self, participants: usize, to_discuss: &[&str]) -> String;
    /// A response file left out of the merge, and why.
    fn cli_merge_refused(&self, path: &str, why: &str) -> String;
    /// A file that is neither a results file nor a phone's response.
    fn cli_merge_not_input(&self) -> &'static str;
    /// A response made with another model than the first file used.
    fn cli_merge_other_model(&self, found: &Model, expected: &Model) -> String;
    /// Not one response file could be used.
    fn cli_merge_nothing(&self) -> &'static str;
    fn cli_cannot_write(&self, path: &str, why: &str) -> String;

    // `megaip compare`.
    /// A results file of another model than the first one used.
    fn cli_compare_other_model(&self, found: &Model, expected: &Model) -> String;
    fn cli_compare_nothing(&self) -> &'static str;
    /// `files` assessments of `municipalities` places written to `path`.
    fn cli_compare_written(&self, files: usize, municipalities: usize, path: &str) -> String;
    /// `megaip report` wrote the diagnosis report of `file` to `out`.
    fn cli_report_written(&self, file: &str, out: &str) -> String;
    /// The workshop file written does not read back as the workshop it was written from.
    fn cli_workshop_not_checked(&self, path: &str) -> String;
    fn cli_workshop_saved(&self, path: &str) -> String;
}

/// The headings of the advisor's spreadsheets (`reports::table`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableHeading {
    Municipality,
    Country,
    Region,
    Population,
    Date,
    Assessment,
    Model,
    /// Followed by a pillar's name: the stage it reached.
    Stage,
    /// Followed by a pillar's name: its index.
    Index,
    Overall,
    MeanIndex,
    Answered,
    Asked,
    UnmetConditions,
    Criterion,
    Pillar,
    Question,
    Answer,
    Note,
    Evidence,
}

impl TableHeading {
    pub const ALL: [TableHeading; 20] = [
        TableHeading::Municipality,
        TableHeading::Country,
        TableHeading::Region,
        TableHeading::Population,
        TableHeading::Date,
        TableHeading::Assessment,
        TableHeading::Model,
        TableHeading::Stage,
        TableHeading::Index,
        TableHeading::Overall,
        TableHeading::MeanIndex,
        TableHeading::Answered,
        TableHeading::Asked,
        TableHeading::UnmetConditions,
        TableHeading::Criterion,
        TableHeading::Pillar,
        TableHeading::Question,
        TableHeading::Answer,
        TableHeading::Note,
        TableHeading::Evidence,
    ];
}

/// The fixed words of the diagnosis report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportText {
    Title,
    Untitled,
    Place,
    Date,
    Model,
    TookPart,
    NobodyListed,
    Overall,
    OverallHow,
    Heatmap,
    HeatLegend,
    Pillar,
    Stage,
    Index,
    CellReached,
    CellMet,
    CellMissing,
    Radar,
    RadarText,
    Pillars,
    Strengths,
    StrengthsBeforeFirst,
    NoStrengths,
    Challenges,
    TopReached,
    NotAssessed,
    NotAssessedShort,
    Recommendations,
    NoRecommendations,
    FirstPhase,
    PlanSaved,
    PlanProposed,
    Owner,
    Due,
    Conditions,
    ConditionsLead,
    AllConditionsMet,
    Signatures,
    SignaturesLead,
    Mayor,
    Official,
    SignName,
    SignHere,
    SignDate,
    Annex,
    Question,
    Answer,
    Note,
    Evidence,
    Unanswered,
    Footer,
    Print,
}

impl ReportText {
    pub const ALL: [ReportText; 52] = [
        ReportText::Title,
        ReportText::Untitled,
        ReportText::Place,
        ReportText::Date,
        ReportText::Model,
        ReportText::TookPart,
        ReportText::NobodyListed,
        ReportText::Overall,
        ReportText::OverallHow,
        ReportText::Heatmap,
        ReportText::HeatLegend,
        ReportText::Pillar,
        ReportText::Stage,
        ReportText::Index,
        ReportText::CellReached,
        ReportText::CellMet,
        ReportText::CellMissing,
        ReportText::Radar,
        ReportText::RadarText,
        ReportText::Pillars,
        ReportText::Strengths,
        ReportText::StrengthsBeforeFirst,
        ReportText::NoStrengths,
        ReportText::Challenges,
        ReportText::TopReached,
        ReportText::NotAssessed,
        ReportText::NotAssessedShort,
        ReportText::Recommendations,
        ReportText::NoRecommendations,
        ReportText::FirstPhase,
        ReportText::PlanSaved,
        ReportText::PlanProposed,
        ReportText::Owner,
        ReportText::Due,
        ReportText::Conditions,
        ReportText::ConditionsLead,
        ReportText::AllConditionsMet,
        ReportText::Signatures,
        ReportText::SignaturesLead,
        ReportText::Mayor,
        ReportText::Official,
        ReportText::SignName,
        ReportText::SignHere,
        ReportText::SignDate,
        ReportText::Annex,
        ReportText::Question,
        ReportText::Answer,
        ReportText::Note,
        ReportText::Evidence,
        ReportText::Unanswered,
        ReportText::Footer,
        ReportText::Print,
    ];
}

/// Which help text of the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CliHelp {
    Main,
    ModelCheck,
    ResultsCheck,
    ResultsScore,
    WorkshopMerge,
    Compare,
    Report,
}

impl CliHelp {
    pub const ALL: [CliHelp; 7] = [
        CliHelp::Main,
        CliHelp::ModelCheck,
        CliHelp::ResultsCheck,
        CliHelp::ResultsScore,
        CliHelp::WorkshopMerge,
        CliHelp::Compare,
        CliHelp::Report,
    ];
}

/// The catalog of a language.
pub fn catalog(lang: Lang) -> &'static dyn Catalog {
    match lang {
        Lang::Es => &es::Es,
        Lang::En => &en::En,
        Lang::Pt => &pt::Pt,
    }
}

/// The name of the stage a pillar at `level` has reached, or the "no stage yet" wording.
pub fn stage_name(c: &dyn Catalog, model: &Model, level: usize) -> String {
    let lang = model.content_lang(c.lang());
    match level.checked_sub(1).and_then(|i| model.stage_at(i)) {
        Some(stage) => stage.name.get(lang).to_owned(),
        None => c.no_stage().to_owned(),
    }
}

/// A country's name, or its code when the app does not name it.
pub fn country_or_code(c: &dyn Catalog, code: &str) -> String {
    c.country(code).map_or_else(|| code.to_owned(), str::to_owned)
}

/// Lowercases the first letter, to quote a criterion inside a sentence. Acronyms ("OCDS…",
/// "WCAG…") keep their capitals.
pub(crate) fn lower_first(s: &str) -> String {
    let s = s.trim_end_matches('.');
    let mut chars = s.chars();
    let second_is_upper = s.chars().nth(1).is_some_and(char::is_uppercase);
    match chars.next() {
        Some(c) if !second_is_upper => c.to_lowercase().chain(chars).collect(),
        _ => s.to_owned(),
    }
}

/// A value quoted from a file, cut to a readable length: a hostile file can put megabytes in a
/// field name or a value, and a message must stay a sentence.
pub(crate) fn short(s: &str) -> String {
    short_to(s, 120)
}

/// The same, to `max` characters.
pub(crate) fn short_to(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// `x` with `decimals` decimals and the given decimal mark.
pub(crate) fn decimal(x: f64, decimals: usize, mark: char) -> String {
    let s = format!("{x:.decimals$}");
    if mark == '.' {
        s
    } else {
        s.replace('.', &mark.to_string())
    }
}

/// Points in thousandths, as a person reads them: `2`, `1,5`, `0,333`.
pub fn points(c: &dyn Catalog, milli: u32) -> String {
    let x = f64::from(milli) / 1000.0;
    let decimals = if milli.is_multiple_of(1000) {
        0
    } else if milli.is_multiple_of(100) {
        1
    } else if milli.is_multiple_of(10) {
        2
    } else {
        3
    };
    c.number(x, decimals)
}

/// Joins ids for an error message, with "and N more" when some were left out.
pub(crate) fn id_list(shown: &[String], total: usize, more: impl Fn(usize) -> String) -> String {
    let mut s = shown.join(", ");
    let rest = total.saturating_sub(shown.len());
    if rest > 0 {
        s.push_str(&more(rest));
    }
    s
}

#[cfg(test)]
mod tests;
