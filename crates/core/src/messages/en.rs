//! The sentences in English, a full second language: plain words, British spelling.

use super::{decimal, id_list, lower_first, Catalog, CliHelp, ReportText, TableHeading as Heading};
use crate::analysis::recommend::{ConditionAdvice, Pick, PillarAdvice, Why};
use crate::answers::plan::{Phase, PlanStep, Subject};
use crate::answers::workshop::DecidedBy;
use crate::base::locale::Lang;
use crate::content::model::{Kind, Model, ModelError, Problem, MAX_MODEL_BYTES};
use crate::content::places::PopulationBand;
use crate::content::toolkit::{Availability, Haga, Initiative};
use crate::exchange::backup::BackupError;
use crate::exchange::payload::PayloadError;
use crate::exchange::results::{ImportError, MAX_RESULTS_BYTES, RESULTS_FORMAT};

pub struct En;

fn mb(bytes: usize) -> String {
    decimal(bytes as f64 / 1_048_576.0, 1, '.')
}

fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Stage => "stage",
        Kind::Pillar => "pillar",
        Kind::Line => "policy line",
        Kind::Framework => "framework",
        Kind::Condition => "condition",
        Kind::Criterion => "criterion",
        Kind::Scale => "answer scale",
        Kind::Option => "answer option",
        Kind::Language => "language",
    }
}

fn more(n: usize) -> String {
    format!(" and {n} more")
}

impl En {
    fn problem_text(&self, p: &Problem) -> String {
        match p {
            Problem::Empty(k) => format!("it has no {}", kind(*k)),
            Problem::NoIdentity => "the model has no id or no version".into(),
            Problem::EmptyWhen { criterion } => format!("criterion “{criterion}” depends on an answer but names none"),
            Problem::TooManyCells(n) => format!("it has {n} pillar × stage cells, too many for a self-assessment"),
            Problem::NoKnownLanguage => "it declares no language this app can show (es, en, pt)".into(),
            Problem::TooManyLanguages(n) => format!("it declares {n} languages; the limit is 16"),
            Problem::BadThreshold(t) => format!("the threshold {t} % is not between 1 and 100"),
            Problem::DuplicateId { kind: k, id } => format!("the {} id “{id}” is empty or repeated", kind(*k)),
            Problem::UnknownReference { from, kind: k, id } => {
                format!("“{from}” names a {} that does not exist: “{id}”", kind(*k))
            }
            Problem::EmptyCell { pillar, stage } => format!("there are no criteria for “{pillar}” at stage “{stage}”"),
            Problem::MissingText { place, lang } => format!("{place} has no “{lang}” text"),
            Problem::MisplacedFloor { stage } => {
                format!("only the first stage can be the starting stage, and “{stage}” is not the first")
            }
            Problem::CriterionAtFloor { criterion } => {
                format!("criterion “{criterion}” is at the starting stage, which has no criteria")
            }
            Problem::BadOption { scale, option } => format!(
                "option “{option}” of “{scale}” needs points, or a stage, or \"counts\": false (exactly one of them)"
            ),
            Problem::BadPoints { scale, option } => {
                format!("the points of option “{option}” of “{scale}” must be from 0 to 1, with up to three decimals")
            }
            Problem::BadScale { scale } => {
                format!("scale “{scale}” mixes points and stages, or none of its options gives a full point")
            }
            Problem::ScaleDoesNotFit { criterion } => format!(
                "criterion “{criterion}” does not fit its scale: with a stage it needs a points scale; without one, a scale of statements per stage"
            ),
            Problem::ConditionScale { condition } => {
                format!("condition “{condition}” needs a scale with points on every option")
            }
            Problem::BothScaleAndOptions { criterion } => {
                format!("criterion “{criterion}” has both a scale and its own options; keep only one")
            }
            Problem::WhenNotEarlier { criterion, on } => {
                format!("criterion “{criterion}” depends on “{on}”, which is not an earlier criterion")
            }
            Problem::BadUrl { framework } => {
                format!("the link of framework “{framework}” is not a web address (https:// or http://)")
            }
            Problem::BadCountry { framework } => {
                format!("the country of framework “{framework}” is not a two-letter capital code, such as “CO”")
            }
        }
    }

    fn import_text(&self, e: &ImportError) -> String {
        use ImportError::*;
        match e {
            TooLarge { bytes } => format!(
                "The file is {} MB and the limit is {} MB. It does not look like a results file.",
                mb(*bytes),
                MAX_RESULTS_BYTES / 1_048_576
            ),
            NotJson => "The file cannot be read: it is not a JSON file. Choose the .json file the app exported.".into(),
            NotResultsFile => "This JSON file is not a MEGA IP results file.".into(),
            IsAModel => "This file is a model, not results. To use it, choose “Load another model”.".into(),
            NewerFormat { found } => format!(
                "The file was made with a newer version of the app (format {found}; this one reads up to {RESULTS_FORMAT}). Update the app and try again."
            ),
            Shape { path } => {
                let path = super::short(path);
                format!("The file is incomplete or damaged: the field “{path}” is missing or has an invalid value.")
            }
            UnknownModel { id, version } => format!(
                "The file uses the model “{id}” version {version}, which this app does not have. Load that model first with “Load another model”."
            ),
            ModelChanged { id, version } => format!(
                "The file uses a variant of the model “{id}” version {version} whose content differs from this app's. Its answers cannot be read safely."
            ),
            UnknownCriteria(ids) => format!(
                "The file answers criteria the model does not have: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
            UnknownConditions(ids) => format!(
                "The file answers enabling conditions the model does not have: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
            UnknownOptions(ids) => format!(
                "The file has answers the model's scale does not offer: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
            UnknownCanvas(ids) => format!(
                "The file has canvases this app does not know: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
        }
    }
}

impl Catalog for En {
    fn lang(&self) -> Lang {
        Lang::En
    }

    fn model_error(&self, e: &ModelError) -> String {
        match e {
            ModelError::TooLarge { bytes } => format!(
                "The file is {} MB; a model cannot be larger than {} MB.",
                mb(*bytes),
                MAX_MODEL_BYTES / 1_048_576
            ),
            ModelError::NotJson => "The file is not JSON: it cannot be read as a model.".into(),
            ModelError::NotAModel { results_file: true } => {
                "This is a results file, not a model. To open it, use “Import results”.".into()
            }
            ModelError::NotAModel { results_file: false } => {
                "This JSON file is not a self-assessment model: it has no stages or no criteria.".into()
            }
            ModelError::Shape { path, reason } => {
                let (path, reason) = (super::short(path), super::short(reason));
                format!("The file does not have the shape of a model: check the field “{path}” ({reason}).")
            }
            ModelError::UnsupportedFormat { found } => format!(
                "The model uses format {found}; this app reads formats 1 and 2. If the file is new, update the app."
            ),
            ModelError::Problems(problems) => {
                let shown: Vec<String> = problems.shown().iter().take(5).map(|p| self.model_problem(p)).collect();
                let rest = problems.total().saturating_sub(shown.len());
                let head = match problems.total() {
                    1 => "The model has 1 problem: ".to_owned(),
                    n => format!("The model has {n} problems: "),
                };
                let tail = if rest > 0 {
                    format!(" And {rest} more.")
                } else {
                    String::new()
                };
                format!("{head}{}.{tail}", shown.join("; "))
            }
        }
    }

    fn model_problem(&self, p: &Problem) -> String {
        // Ids and places come from the file: a problem stays one readable line.
        super::short_to(&self.problem_text(p), 300)
    }

    fn import_error(&self, e: &ImportError) -> String {
        super::short_to(&self.import_text(e), 2000)
    }
    fn backup_error(&self, e: &BackupError) -> String {
        match e {
            BackupError::TooLarge { bytes } => {
                format!("The file is {} MB: too large to be a copy of this device.", mb(*bytes))
            }
            BackupError::NotJson => "The file cannot be read: it is not a JSON file.".into(),
            BackupError::NotABackup => {
                "This file is not a copy made by the app. For a results file, use “Import results”.".into()
            }
            BackupError::NewerFormat { found } => format!(
                "The copy was made with a newer version of the app (format {found}). Update the app and try again."
            ),
        }
    }

    fn payload_error(&self, e: &PayloadError) -> String {
        match e {
            PayloadError::NotAResponse => "This is not a response from a MEGA IP workshop.".into(),
            PayloadError::OtherWorkshop { found } => format!(
                "This response is from another workshop (code {}). Ask the person to open today's workshop.",
                super::short(found)
            ),
            PayloadError::OtherModel => {
                "This response was made with another model or another version of the model.".into()
            }
            PayloadError::Damaged => "The response arrived incomplete or damaged. Ask for it to be sent again.".into(),
            PayloadError::TooManyOptions => "A question has too many options to be sent in a code.".into(),
        }
    }

    fn restore_summary(&self, restored: usize, already: usize, refused: usize) -> String {
        let mut parts = vec![match restored {
            1 => "1 assessment was restored.".to_owned(),
            n => format!("{n} assessments were restored."),
        }];
        if already > 0 {
            parts.push(format!("{already} were already on this device."));
        }
        if refused > 0 {
            parts.push(format!("{refused} could not be read and were left out."));
        }
        parts.join(" ")
    }

    fn import_scores_differ(&self) -> &'static str {
        "Note: the figures saved in the file do not match its answers. Someone may have edited it by hand, or it comes from another version. We show the figures computed from the answers."
    }

    fn pillar_headline(&self, advice: &PillarAdvice, model: &Model) -> String {
        let lang = model.content_lang(Lang::En);
        let pillar = model
            .pillar(&advice.pillar)
            .map(|p| p.name.get(lang))
            .unwrap_or_default();
        let at = advice.level.checked_sub(1).and_then(|i| model.stage_at(i));
        let where_ = match at {
            None => format!("In {pillar} you have not reached the first stage yet"),
            Some(s) => format!("In {pillar} you are at {}", s.name.get(lang)),
        };
        if !advice.assessed {
            return format!("In {pillar} everything asked was answered “not applicable”, so the pillar has no stage. Check whether really nothing applies to your municipality.");
        }
        let Some(target) = advice.target.as_ref().and_then(|t| model.stage(t)) else {
            return format!("In {pillar} you reached the highest stage. Keep it up and share it.");
        };
        let target = target.name.get(lang);
        let first = advice
            .missing
            .first()
            .and_then(|c| model.criterion(c))
            .map(|c| lower_first(c.text.get(lang)));
        let rest = advice.missing.len().saturating_sub(1);
        match (first, rest) {
            (Some(f), 0) => format!("{where_}. To reach {target} you still need this criterion: “{f}”."),
            (Some(f), 1) => format!(
                "{where_}. To reach {target} you still need this criterion: “{f}”. You also need 1 more criterion."
            ),
            (Some(f), n) => format!(
                "{where_}. To reach {target} you still need this criterion: “{f}”. You also need {n} more criteria."
            ),
            (None, _) => {
                format!("{where_}. {target} is already met, but it only counts once the earlier stage is reached.")
            }
        }
    }

    fn pick_reason(&self, advice: &PillarAdvice, pick: &Pick, model: &Model, haga: &Haga) -> String {
        let lang = model.content_lang(Lang::En);
        let pillar = model
            .pillar(&advice.pillar)
            .map(|p| p.name.get(lang))
            .unwrap_or_default();
        let target = advice
            .target
            .as_ref()
            .and_then(|t| model.stage(t))
            .map(|s| s.name.get(lang))
            .unwrap_or_default();
        let criterion = |ids: &[crate::base::ids::CriterionId]| {
            ids.first()
                .and_then(|c| model.criterion(c))
                .map(|c| lower_first(c.text.get(lang)))
        };
        match &pick.why {
            Why::Tool { main, criteria } => {
                let name = haga.tool(&pick.id).map(|t| t.name.as_str()).unwrap_or_default();
                let base = if *main {
                    format!("{name} is a {pillar} tool for the {target} stage")
                } else {
                    format!("{name} supports {pillar} as its second pillar, at the {target} stage")
                };
                match criterion(criteria) {
                    Some(c) => format!("{base}. It helps meet this criterion: “{c}”."),
                    None => format!("{base}."),
                }
            }
            Why::Experience {
                exact,
                same_band,
                same_country,
            } => {
                let Some(e) = haga.experience(&pick.id) else {
                    return String::new();
                };
                let country = super::country_or_code(self, &e.country);
                let place = format!("{} ({country}, {})", e.place, e.years);
                let stage = model.stage(&e.stage).map(|s| s.name.get(lang)).unwrap_or_default();
                let mut s = if *exact {
                    format!("This is how {place} did it, in {pillar} at the {target} stage")
                } else {
                    format!("This is how {place} did it, in {pillar} at the neighbouring {stage} stage")
                };
                match (same_band, same_country) {
                    (true, true) => s.push_str(". It has a similar population and is in your country"),
                    (true, false) => s.push_str(". It has a population similar to yours"),
                    (false, true) => s.push_str(". It is in your country"),
                    (false, false) => {}
                }
                s.push('.');
                s
            }
            Why::Methodology { criteria } => {
                let name = haga.methodology(&pick.id).map(|m| m.name.get(lang)).unwrap_or_default();
                match criterion(criteria) {
                    Some(c) => format!(
                        "{name} fits {pillar} at the {target} stage. It works directly on this criterion: “{c}”."
                    ),
                    None => format!("{name} fits {pillar} at the {target} stage."),
                }
            }
        }
    }

    fn condition_reason(&self, advice: &ConditionAdvice, model: &Model, haga: &Haga) -> String {
        let lang = model.content_lang(Lang::En);
        let name = model
            .condition(&advice.condition)
            .map(|c| c.name.get(lang))
            .unwrap_or_default();
        let state = if advice.partial {
            format!("“{name}” is only partly in place")
        } else {
            format!("“{name}” is missing")
        };
        match advice
            .principles
            .first()
            .and_then(|n| haga.principles.iter().find(|p| p.number == *n))
        {
            Some(p) => format!(
                "{state}. The decalogue asks for it in principle {}: “{}”.",
                p.number,
                p.title.get(lang)
            ),
            None => format!("{state}."),
        }
    }

    fn plan_refreshed(&self, achieved: usize, new: usize) -> String {
        let achieved = match achieved {
            0 => "no step achieved".to_owned(),
            1 => "1 step achieved".to_owned(),
            n => format!("{n} steps achieved"),
        };
        let new = match new {
            0 => "none new".to_owned(),
            1 => "1 new".to_owned(),
            n => format!("{n} new"),
        };
        format!("Plan updated: {achieved}, {new}. What you wrote in each step is kept.")
    }

    fn plan_step_title(&self, step: &PlanStep, model: &Model, haga: &Haga) -> String {
        let lang = model.content_lang(Lang::En);
        match &step.subject {
            Subject::Condition { condition } => {
                let name = model
                    .condition(condition)
                    .map_or(condition.as_str(), |c| c.name.get(lang));
                format!("Secure the condition: {name}")
            }
            Subject::Methodology { methodology, pillar } => {
                let m = haga
                    .methodology(methodology)
                    .map_or(methodology.as_str(), |m| m.name.get(lang));
                let p = model.pillar(pillar).map_or(pillar.as_str(), |p| p.name.get(lang));
                format!("Run “{m}” with citizens for {p}")
            }
            Subject::Criterion { criterion } => {
                let text = model
                    .criterion(criterion)
                    .map_or(criterion.as_str(), |c| c.text.get(lang));
                format!("{criterion}: {text}")
            }
            Subject::Reassess => {
                "Repeat the self-assessment within a year (by duplicating it) and compare the results".into()
            }
            Subject::Custom { title } => title.clone(),
        }
    }

    fn band(&self, band: PopulationBand) -> &'static str {
        match band {
            PopulationBand::Under20k => "Under 20,000 inhabitants",
            PopulationBand::From20kTo100k => "20,000 to 100,000 inhabitants",
            PopulationBand::From100kTo500k => "100,000 to 500,000 inhabitants",
            PopulationBand::From500kTo1m => "500,000 to 1 million inhabitants",
            PopulationBand::Over1m => "Over 1 million inhabitants",
        }
    }

    fn initiative(&self, initiative: Initiative) -> &'static str {
        match initiative {
            Initiative::Government => "Government",
            Initiative::CivilSociety => "Civil society",
            Initiative::Multilateral => "Multilateral agency",
            Initiative::Private => "Private sector",
            Initiative::Academic => "Academia",
            Initiative::OpenSource => "Open-source community",
        }
    }

    fn availability(&self, a: Availability) -> &'static str {
        match a {
            Availability::Yes => "In Spanish",
            Availability::Partial => "Partly in Spanish",
            Availability::No => "Not in Spanish",
        }
    }

    fn country(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "AR" => "Argentina",
            "BO" => "Bolivia",
            "BR" => "Brazil",
            "CL" => "Chile",
            "CO" => "Colombia",
            "CR" => "Costa Rica",
            "CU" => "Cuba",
            "DO" => "Dominican Republic",
            "EC" => "Ecuador",
            "SV" => "El Salvador",
            "GT" => "Guatemala",
            "HN" => "Honduras",
            "MX" => "Mexico",
            "NI" => "Nicaragua",
            "PA" => "Panama",
            "PY" => "Paraguay",
            "PE" => "Peru",
            "PR" => "Puerto Rico",
            "UY" => "Uruguay",
            "VE" => "Venezuela",
            "ES" => "Spain",
            "US" => "United States",
            _ => return None,
        })
    }

    fn no_stage(&self) -> &'static str {
        "No stage yet"
    }

    fn number(&self, x: f64, decimals: usize) -> String {
        decimal(x, decimals, '.')
    }

    fn percent(&self, share: f64) -> String {
        format!("{}%", (share * 100.0).round())
    }

    fn table_heading(&self, h: Heading) -> &'static str {
        match h {
            Heading::Municipality => "Municipality",
            Heading::Country => "Country",
            Heading::Region => "Department, province or state",
            Heading::Population => "Population",
            Heading::Date => "Date",
            Heading::Assessment => "Self-assessment",
            Heading::Model => "Model",
            Heading::Stage => "Stage",
            Heading::Index => "Index",
            Heading::Overall => "Overall stage",
            Heading::MeanIndex => "Mean index",
            Heading::Answered => "Questions answered",
            Heading::Asked => "Questions",
            Heading::UnmetConditions => "Conditions still to meet",
            Heading::Criterion => "Code",
            Heading::Pillar => "Pillar",
            Heading::Question => "Question",
            Heading::Answer => "Answer",
            Heading::Note => "Note",
            Heading::Evidence => "Evidence",
        }
    }

    fn report_text(&self, t: ReportText) -> &'static str {
        match t {
            ReportText::Title => "Open government diagnosis",
            ReportText::Untitled => "Untitled assessment",
            ReportText::Place => "Place",
            ReportText::Date => "Date of the assessment",
            ReportText::Model => "Model",
            ReportText::TookPart => "Who took part",
            ReportText::NobodyListed => "The team did not write down who took part.",
            ReportText::Overall => "Overall reading",
            ReportText::OverallHow => "The overall stage is that of the lowest pillar, because open government moves forward on all its pillars.",
            ReportText::Heatmap => "Stages per pillar",
            ReportText::HeatLegend => "Each cell says what share of that stage's points was earned. A stage is reached when it meets the threshold and the earlier ones do too.",
            ReportText::Pillar => "Pillar",
            ReportText::Stage => "Stage reached",
            ReportText::Index => "Index",
            ReportText::CellReached => "reached",
            ReportText::CellMet => "met, an earlier one is missing",
            ReportText::CellMissing => "to meet",
            ReportText::Radar => "Index per pillar",
            ReportText::RadarText => "The index runs from 0 to the last stage. The further from the centre, the further along the pillar is.",
            ReportText::Pillars => "Strengths and challenges per pillar",
            ReportText::Strengths => "Strengths",
            ReportText::StrengthsBeforeFirst => "What is already met at the first stage:",
            ReportText::NoStrengths => "No criterion of this stage is fully met yet.",
            ReportText::Challenges => "Challenges",
            ReportText::TopReached => "This pillar reached the highest stage. The challenge is to keep what was achieved.",
            ReportText::NotAssessed => "This pillar has no stage: everything asked was answered “not applicable”.",
            ReportText::NotAssessedShort => "Not assessed",
            ReportText::Recommendations => "Top recommendations",
            ReportText::NoRecommendations => "The HAGA toolkit is made for the MEGA IP model, so it makes no recommendations for this model.",
            ReportText::FirstPhase => "The plan's first phase",
            ReportText::PlanSaved => "These are the pending steps of the plan the team saved.",
            ReportText::PlanProposed => "The team has not saved a plan yet. These steps come from today's results and can be changed.",
            ReportText::Owner => "Owner",
            ReportText::Due => "Due",
            ReportText::Conditions => "Enabling conditions still missing",
            ReportText::ConditionsLead => "They are what the municipality needs for progress to last, such as a team in charge or a budget.",
            ReportText::AllConditionsMet => "Every enabling condition is met.",
            ReportText::Signatures => "Signatures",
            ReportText::SignaturesLead => "By signing, the mayor's office and the team accept this diagnosis as the starting point of their open government plan.",
            ReportText::Mayor => "Mayor",
            ReportText::Official => "Official responsible for the assessment",
            ReportText::SignName => "Name",
            ReportText::SignHere => "Signature",
            ReportText::SignDate => "Date",
            ReportText::Annex => "Annex: every answer",
            ReportText::Question => "Question",
            ReportText::Answer => "Answer",
            ReportText::Note => "Note",
            ReportText::Evidence => "Evidence",
            ReportText::Unanswered => "Not answered",
            ReportText::Footer => "Made with MEGA IP. The data stayed on the device of whoever made this report.",
            ReportText::Print => "Print or save as PDF",
        }
    }

    fn report_overall(&self, name: &str, stage: Option<&str>, mean: &str, max: usize) -> String {
        match stage {
            Some(stage) => format!("{name} is at the {stage} stage, with a mean index of {mean} out of {max}."),
            None => format!(
                "{name} has not yet reached the first stage in all its pillars; its mean index is {mean} out of {max}."
            ),
        }
    }

    fn report_strengths_at(&self, stage: &str) -> String {
        format!("What is already met at {stage}, the highest stage reached:")
    }

    fn report_next(&self, next: &str, points: &str, threshold: u32) -> String {
        let points = if points == "1" {
            "1 more point is".to_owned()
        } else {
            format!("{points} more points are")
        };
        format!("To reach {next}, {points} needed (the threshold is {threshold}%). This is what is missing:")
    }

    fn report_answer_now(&self, answer: &str) -> String {
        format!("Current answer: {answer}")
    }

    fn report_workshop(&self, code: &str, votes: &str, by: DecidedBy, round: u32) -> String {
        let how = match by {
            DecidedBy::Consensus => "by consensus".to_owned(),
            DecidedBy::Discussion => format!("after discussion (round {round})"),
        };
        if votes.is_empty() {
            format!("Workshop {code}: {how}")
        } else {
            format!("Workshop {code}: {votes} · {how}")
        }
    }

    fn phase(&self, p: Phase) -> &'static str {
        match p {
            Phase::Design => "1. Design",
            Phase::CoDesign => "2. Co-design with citizens",
            Phase::Implementation => "3. Support for implementation and follow-up",
        }
    }

    fn cli_help(&self, topic: CliHelp) -> String {
        match topic {
            CliHelp::Main => "megaip: checks MEGA IP models and results files, scores them, merges a workshop's
responses, compares municipalities and writes diagnosis reports.

Usage:
  megaip model check FILE                        check a model
  megaip results check FILE [--model MODEL]…     check a results file
  megaip results score FILE [--model MODEL]… [--json]
                                                 compute the scores again
  megaip workshop merge RESPONSES… [--model MODEL]… [--threshold N] [--json] [-o FILE]
                                                 merge a workshop's responses
  megaip compare FILES_OR_FOLDERS… --csv OUT.csv [--answers ANSWERS.csv]
                                                 compare many municipalities in a spreadsheet
  megaip report FILE… --html OUT [--model MODEL]…
                                                 write the diagnosis report, ready to print

Options of every command:
  --lang es|en|pt  language of the messages (Spanish unless given)
  --help           this help

Exits with 0 when the file is valid, 1 when it is not, and 2 when the arguments are wrong."
                .into(),
            CliHelp::ModelCheck => "Usage: megaip model check FILE [--lang es|en|pt]

Reads a model (format 1 or 2) and prints its id, version, stages, pillars and number of
criteria, or the problems that stop it from being used. Exits with 0 when valid, 1 when not."
                .into(),
            CliHelp::ResultsCheck => "Usage: megaip results check FILE [--model MODEL]… [--lang es|en|pt]

Checks a results file against the bundled MEGA IP model and any models given with --model
(repeatable). When it is valid, prints each pillar's stage and index. Exits with 0 when valid,
1 when not."
                .into(),
            CliHelp::ResultsScore => "Usage: megaip results score FILE [--model MODEL]… [--json] [--lang es|en|pt]

Computes the scores of a results file again, without trusting the ones it carries. With
--json it writes them as JSON, with the same fields as the results file. Exits with 0 when the
file is valid, 1 when not."
                .into(),
            CliHelp::Report => "Usage: megaip report FILE… --html OUT [--model MODEL]… [--lang es|en|pt]

Writes the diagnosis report of a results file as an HTML page that opens and prints in any
browser. The report has a cover, overall reading, stages per pillar, strengths and challenges,
recommendations and the plan's first phase. It also has the conditions still missing,
signatures and an annex with every answer.
With one FILE, OUT is the HTML file; with several, OUT is a folder and each report is named
after its file. Files that cannot be used are left out, with the reason.

Exits with 0 when every report was written, 1 when a file could not be used, and 2 when the
arguments are wrong."
                .into(),
            CliHelp::Compare => "Usage: megaip compare FILES_OR_FOLDERS… --csv OUT.csv [--answers ANSWERS.csv]
                      [--model MODEL]… [--lang es|en|pt]

Reads many results files (and the .json files in the folders you give) and writes a
spreadsheet with one row per self-assessment. Each row has the municipality, date, each
pillar's stage and index, the overall stage and the conditions still to meet. With --answers
it also writes one row per answer. With --lang es or pt it uses \";\" and a decimal comma, as
Spanish and Portuguese Excel expect; with --lang en, \",\" and a point. Files that cannot be used are left out, with the reason.

Exits with 0 when at least one file could be used, 1 when none could, and 2 when the arguments
are wrong."
                .into(),
            CliHelp::WorkshopMerge => {
                "Usage: megaip workshop merge RESPONSES… [--model MODEL]… [--threshold N] [--json]
                             [-o FILE] [--lang es|en|pt]

Merges a workshop's responses into a proposed answer for each question. Each RESPONSES file is
a MEGA IP results file, which counts as one person. It can also be a text file with a phone's
response code (a line starting with MIP1.). They must all be of the same model and the same workshop; files
that cannot be used are left out, and the reason is given.

For each question it prints the votes for each option, whether there is consensus, and the
proposed answer. There is consensus when at least the threshold of the votes fall on one option
or on two neighbouring options.

  --model MODEL    another model besides MEGA IP (repeatable)
  --threshold N    the consensus threshold, from 1 to 100 (70 unless given)
  --json           write the result as JSON, one object per question
  -o FILE          also save the whole workshop to FILE (a workshop file)

Exits with 0 when at least one file could be used, 1 when none could, and 2 when the arguments
are wrong."
                    .into()
            }
        }
    }

    fn cli_usage(&self, detail: &str) -> String {
        format!("The arguments cannot be understood: {detail}. Use --help to see how to use it.")
    }

    fn cli_model_summary(&self, model: &Model) -> String {
        format!(
            "Model “{}” ({}), version {}, format {}",
            model.name().get(model.content_lang(Lang::En)),
            model.id(),
            model.version(),
            model.format()
        )
    }

    fn cli_model_counts(&self, model: &Model) -> String {
        format!(
            "{} stages, {} pillars, {} criteria, {} enabling conditions, {} answer scales",
            model.stages().len(),
            model.pillars().len(),
            model.criteria().len(),
            model.conditions().len(),
            model.scales().len()
        )
    }

    fn cli_valid(&self) -> &'static str {
        "The file is valid."
    }

    fn cli_invalid(&self, path: &str) -> String {
        format!("{path}: the file is not valid.")
    }

    fn cli_unreadable(&self, path: &str, why: &str) -> String {
        format!("{path}: the file cannot be read ({why}).")
    }

    fn cli_pillar_line(&self, pillar: &str, stage: &str, index: &str) -> String {
        format!("  {pillar}: {stage} (index {index})")
    }

    fn cli_overall(&self, stage: &str, mean: &str) -> String {
        format!("Overall reading: {stage}; mean index of the pillars: {mean}")
    }

    fn cli_results_summary(&self, name: &str, model: &Model) -> String {
        format!(
            "Results of “{name}” with the model “{}” version {}",
            model.name().get(model.content_lang(Lang::En)),
            model.version()
        )
    }

    fn cli_merge_heading(&self, code: &str, model: &Model, threshold: u32) -> String {
        format!(
            "Workshop {code} with the model “{}” version {}; consensus from {} of the votes",
            model.name().get(model.content_lang(Lang::En)),
            model.version(),
            self.percent(f64::from(threshold) / 100.0)
        )
    }

    fn cli_merge_counts(&self, counts: &[(&str, u32)]) -> String {
        if counts.is_empty() {
            return "no option".into();
        }
        let counts: Vec<String> = counts.iter().map(|(label, n)| format!("“{label}” {n}")).collect();
        counts.join(", ")
    }

    fn cli_consensus_one(&self, option: &str, agreement: u32) -> String {
        format!(
            "Consensus on “{option}” ({} of the votes)",
            self.percent(f64::from(agreement) / 100.0)
        )
    }

    fn cli_consensus_neighbours(&self, lower: &str, upper: &str, agreement: u32) -> String {
        format!(
            "Consensus on two neighbouring options, “{lower}” and “{upper}” ({} of the votes)",
            self.percent(f64::from(agreement) / 100.0)
        )
    }

    fn cli_consensus_divided(&self, agreement: u32) -> String {
        format!(
            "No consensus: the most voted option has {} of the votes",
            self.percent(f64::from(agreement) / 100.0)
        )
    }

    fn cli_consensus_no_votes(&self) -> &'static str {
        "Nobody answered this question"
    }

    fn cli_merge_line(&self, criterion: &str, counts: &str, consensus: &str, proposed: Option<&str>) -> String {
        match proposed {
            Some(p) => format!("{criterion}: votes {counts}. {consensus}. Proposed answer: “{p}”."),
            None => format!("{criterion}: votes {counts}. {consensus}. No proposed answer."),
        }
    }

    fn cli_merge_summary(&self, participants: usize, to_discuss: &[&str]) -> String {
        let discuss = match to_discuss {
            [] => "none".to_owned(),
            [one] => format!("1 ({one})"),
            many => format!("{} (most divided first: {})", many.len(), many.join(", ")),
        };
        format!("Participants: {participants}. Questions to discuss: {discuss}.")
    }

    fn cli_merge_refused(&self, path: &str, why: &str) -> String {
        format!("{path}: left out. {why}")
    }

    fn cli_merge_not_input(&self) -> &'static str {
        "This is neither a MEGA IP results file nor a workshop response (a line starting with MIP1.)."
    }

    fn cli_merge_other_model(&self, found: &Model, expected: &Model) -> String {
        format!(
            "It uses the model “{}” version {}, but the first file used is of the model “{}” version {}. Every response must be of the same model.",
            super::short(found.name().get(found.content_lang(Lang::En))),
            found.version(),
            super::short(expected.name().get(expected.content_lang(Lang::En))),
            expected.version()
        )
    }

    fn cli_merge_nothing(&self) -> &'static str {
        "No file could be used: there are no responses to merge."
    }

    fn cli_cannot_write(&self, path: &str, why: &str) -> String {
        format!("{path}: the file cannot be written ({why}).")
    }

    fn cli_compare_other_model(&self, found: &Model, expected: &Model) -> String {
        format!(
            "It uses the model \u{201c}{}\u{201d} version {}, but the first file used is of the model \u{201c}{}\u{201d} version {}. Compare files of one model.",
            super::short(found.name().get(found.content_lang(Lang::En))),
            found.version(),
            super::short(expected.name().get(expected.content_lang(Lang::En))),
            expected.version()
        )
    }

    fn cli_compare_nothing(&self) -> &'static str {
        "No file could be used: there is nothing to compare."
    }

    fn cli_compare_written(&self, files: usize, municipalities: usize, path: &str) -> String {
        let files = match files {
            1 => "1 self-assessment".to_owned(),
            n => format!("{n} self-assessments"),
        };
        let places = match municipalities {
            1 => "1 municipality".to_owned(),
            n => format!("{n} municipalities"),
        };
        format!("{files} of {places}, in {path}.")
    }

    fn cli_report_written(&self, file: &str, out: &str) -> String {
        format!("{file}: diagnosis report written to {out}")
    }

    fn cli_workshop_not_checked(&self, path: &str) -> String {
        format!("{path}: the workshop file does not read back as it was written. Do not use it.")
    }

    fn cli_workshop_saved(&self, path: &str) -> String {
        format!("Workshop saved to {path}.")
    }
}
