//! The command line's arguments, read by hand: one or two command words, the FILEs, and the
//! flags `--lang`, `--help`, `--model`, `--json`, `--threshold`, `-o`, `--csv` and `--answers`. Paths stay `OsString`s, so a
//! file whose name is not UTF-8 can still be opened.
//!
//! A wrong argument becomes a [`Usage`] carrying the offending words as given (never a sentence:
//! the sentence around them comes from the message catalog).

use megaip_core::answers::workshop::DEFAULT_CONSENSUS_PERCENT;
use megaip_core::base::locale::Lang;
use megaip_core::messages::CliHelp;
use std::ffi::OsString;
use std::path::PathBuf;

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help(CliHelp),
    ModelCheck {
        file: PathBuf,
    },
    Results {
        file: PathBuf,
        models: Vec<PathBuf>,
        score: bool,
        json: bool,
    },
    WorkshopMerge(Merge),
    Compare(Compare),
    Report(Report),
}

/// `report`: results files and where to write their diagnosis reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub files: Vec<PathBuf>,
    pub models: Vec<PathBuf>,
    /// The HTML file for one results file; the folder for several.
    pub html: PathBuf,
}

/// `compare`: results files and folders of them, and where to write the spreadsheets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compare {
    pub inputs: Vec<PathBuf>,
    pub models: Vec<PathBuf>,
    /// One row per assessment.
    pub csv: PathBuf,
    /// One row per answer, when asked.
    pub answers: Option<PathBuf>,
}

/// `workshop merge`: the response files, in the order given, and what to do with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    pub files: Vec<PathBuf>,
    pub models: Vec<PathBuf>,
    /// The consensus threshold, in percent (1 to 100).
    pub threshold: u32,
    pub json: bool,
    /// Where to write the workshop file too.
    pub output: Option<PathBuf>,
}

/// Arguments that cannot be understood; the detail quotes what was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage(pub String);

/// The language of the messages (found even when the rest is wrong) and the command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub lang: Lang,
    pub command: Result<Command, Usage>,
}

/// Reads the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Invocation {
    let mut lang = Lang::default();
    let mut lang_error = None;
    let mut rest = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg != "--lang" {
            rest.push(arg);
            continue;
        }
        match args.next() {
            None => lang_error = Some(Usage("--lang".into())),
            Some(code) => match code.to_str().and_then(Lang::from_code) {
                Some(l) => lang = l,
                None => lang_error = Some(Usage(format!("--lang {}", code.to_string_lossy()))),
            },
        }
    }
    let command = match lang_error {
        Some(e) => Err(e),
        None => command(rest),
    };
    Invocation { lang, command }
}

/// The flags and words other than `--lang`.
#[derive(Default)]
struct Parts {
    help: bool,
    json: bool,
    models: Vec<PathBuf>,
    threshold: Option<u32>,
    output: Option<PathBuf>,
    csv: Option<PathBuf>,
    answers: Option<PathBuf>,
    html: Option<PathBuf>,
    words: Vec<OsString>,
}

/// A consensus threshold: a whole number of percent from 1 to 100.
fn threshold(given: &OsString) -> Result<u32, Usage> {
    given
        .to_str()
        .and_then(|s| s.parse::<u32>().ok())
        .filter(|n| (1..=100).contains(n))
        .ok_or_else(|| Usage(format!("--threshold {}", given.to_string_lossy())))
}

fn command(args: Vec<OsString>) -> Result<Command, Usage> {
    let mut parts = Parts::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--help") => parts.help = true,
            Some("--json") => parts.json = true,
            Some("--model") => match args.next() {
                Some(path) => parts.models.push(PathBuf::from(path)),
                None => return Err(Usage("--model".into())),
            },
            Some("--threshold") => match args.next() {
                Some(n) => parts.threshold = Some(threshold(&n)?),
                None => return Err(Usage("--threshold".into())),
            },
            Some("-o") => match args.next() {
                Some(path) => parts.output = Some(PathBuf::from(path)),
                None => return Err(Usage("-o".into())),
            },
            Some("--csv") => match args.next() {
                Some(path) => parts.csv = Some(PathBuf::from(path)),
                None => return Err(Usage("--csv".into())),
            },
            Some("--answers") => match args.next() {
                Some(path) => parts.answers = Some(PathBuf::from(path)),
                None => return Err(Usage("--answers".into())),
            },
            Some("--html") => match args.next() {
                Some(path) => parts.html = Some(PathBuf::from(path)),
                None => return Err(Usage("--html".into())),
            },
            Some(flag) if flag.starts_with('-') && flag.len() > 1 => return Err(Usage(flag.into())),
            _ => parts.words.push(arg),
        }
    }
    if parts.words.first().is_some_and(|w| w == "compare") {
        return compare(parts);
    }
    if parts.words.first().is_some_and(|w| w == "report") {
        return report(parts);
    }
    if parts.html.is_some() {
        return Err(Usage("--html".into()));
    }
    if parts.csv.is_some() {
        return Err(Usage("--csv".into()));
    }
    if parts.answers.is_some() {
        return Err(Usage("--answers".into()));
    }
    let mut words = parts.words.into_iter();
    let (first, second) = (lossy(words.next().as_ref()), lossy(words.next().as_ref()));
    let files: Vec<PathBuf> = words.map(PathBuf::from).collect();
    // The help topic, and whether the words name a whole command.
    let (topic, whole) = match (first.as_deref(), second.as_deref()) {
        (None, _) => (CliHelp::Main, false),
        (Some("model"), None) => (CliHelp::ModelCheck, false),
        (Some("model"), Some("check")) => (CliHelp::ModelCheck, true),
        (Some("results"), None) => (CliHelp::Main, false),
        (Some("results"), Some("check")) => (CliHelp::ResultsCheck, true),
        (Some("results"), Some("score")) => (CliHelp::ResultsScore, true),
        (Some("workshop"), None) => (CliHelp::WorkshopMerge, false),
        (Some("workshop"), Some("merge")) => (CliHelp::WorkshopMerge, true),
        (Some(word @ ("model" | "results" | "workshop")), Some(other)) => return Err(Usage(format!("{word} {other}"))),
        (Some(other), _) => return Err(Usage(other.to_owned())),
    };
    // Every command but `workshop merge` reads one file.
    if topic != CliHelp::WorkshopMerge {
        if let Some(extra) = files.get(1) {
            return Err(Usage(extra.to_string_lossy().into_owned()));
        }
    }
    if parts.help || first.is_none() {
        return Ok(Command::Help(topic));
    }
    let named = || {
        format!(
            "{} {}",
            first.as_deref().unwrap_or_default(),
            second.as_deref().unwrap_or_default()
        )
        .trim()
        .to_owned()
    };
    if !whole || files.is_empty() {
        return Err(Usage(named()));
    }
    if topic == CliHelp::WorkshopMerge {
        return Ok(Command::WorkshopMerge(Merge {
            files,
            models: parts.models,
            threshold: parts.threshold.unwrap_or(DEFAULT_CONSENSUS_PERCENT),
            json: parts.json,
            output: parts.output,
        }));
    }
    if parts.threshold.is_some() {
        return Err(Usage("--threshold".into()));
    }
    if parts.output.is_some() {
        return Err(Usage("-o".into()));
    }
    let Some(file) = files.into_iter().next() else {
        return Err(Usage(named()));
    };
    match topic {
        CliHelp::ModelCheck if parts.json => Err(Usage("--json".into())),
        CliHelp::ModelCheck if !parts.models.is_empty() => Err(Usage("--model".into())),
        CliHelp::ModelCheck => Ok(Command::ModelCheck { file }),
        CliHelp::ResultsCheck if parts.json => Err(Usage("--json".into())),
        CliHelp::ResultsCheck | CliHelp::ResultsScore => Ok(Command::Results {
            file,
            models: parts.models,
            score: topic == CliHelp::ResultsScore,
            json: parts.json,
        }),
        CliHelp::Main | CliHelp::WorkshopMerge | CliHelp::Compare | CliHelp::Report => Err(Usage(named())),
    }
}

/// `compare FILES_OR_FOLDERS… --csv OUT [--answers OUT] [--model MODEL]…`.
fn compare(parts: Parts) -> Result<Command, Usage> {
    let inputs: Vec<PathBuf> = parts.words.into_iter().skip(1).map(PathBuf::from).collect();
    if parts.help {
        return Ok(Command::Help(CliHelp::Compare));
    }
    for (given, flag) in [
        (parts.json, "--json"),
        (parts.threshold.is_some(), "--threshold"),
        (parts.output.is_some(), "-o"),
        (parts.html.is_some(), "--html"),
    ] {
        if given {
            return Err(Usage(flag.into()));
        }
    }
    let Some(csv) = parts.csv else {
        return Err(Usage("--csv".into()));
    };
    if inputs.is_empty() {
        return Err(Usage("compare".into()));
    }
    Ok(Command::Compare(Compare {
        inputs,
        models: parts.models,
        csv,
        answers: parts.answers,
    }))
}

/// `report FILE… --html OUT [--model MODEL]…`.
fn report(parts: Parts) -> Result<Command, Usage> {
    let files: Vec<PathBuf> = parts.words.into_iter().skip(1).map(PathBuf::from).collect();
    if parts.help {
        return Ok(Command::Help(CliHelp::Report));
    }
    for (given, flag) in [
        (parts.json, "--json"),
        (parts.threshold.is_some(), "--threshold"),
        (parts.output.is_some(), "-o"),
        (parts.csv.is_some(), "--csv"),
        (parts.answers.is_some(), "--answers"),
    ] {
        if given {
            return Err(Usage(flag.into()));
        }
    }
    let Some(html) = parts.html else {
        return Err(Usage("--html".into()));
    };
    if files.is_empty() {
        return Err(Usage("report".into()));
    }
    Ok(Command::Report(Report {
        files,
        models: parts.models,
        html,
    }))
}

fn lossy(word: Option<&OsString>) -> Option<String> {
    word.map(|w| w.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(line: &str) -> Invocation {
        parse(line.split_whitespace().map(OsString::from))
    }

    fn usage(detail: &str) -> Result<Command, Usage> {
        Err(Usage(detail.into()))
    }

    #[test]
    fn compare_takes_files_and_folders_and_needs_a_csv() {
        assert_eq!(
            run("compare a.json carpeta --csv out.csv --answers r.csv --model m.json --lang en").command,
            Ok(Command::Compare(Compare {
                inputs: vec!["a.json".into(), "carpeta".into()],
                models: vec!["m.json".into()],
                csv: "out.csv".into(),
                answers: Some("r.csv".into()),
            }))
        );
        assert_eq!(run("compare --help").command, Ok(Command::Help(CliHelp::Compare)));
        assert_eq!(run("compare a.json").command, usage("--csv"));
        assert_eq!(run("compare --csv o.csv").command, usage("compare"));
        assert_eq!(run("compare a.json --csv").command, usage("--csv"));
        assert_eq!(run("compare a.json --csv o.csv --json").command, usage("--json"));
        assert_eq!(run("results check a.json --csv o.csv").command, usage("--csv"));
        assert_eq!(run("results check a.json --answers o.csv").command, usage("--answers"));
    }

    #[test]
    fn report_takes_files_and_needs_an_html_output() {
        assert_eq!(
            run("report a.json b.json --html informes --model m.json").command,
            Ok(Command::Report(Report {
                files: vec!["a.json".into(), "b.json".into()],
                models: vec!["m.json".into()],
                html: "informes".into(),
            }))
        );
        assert_eq!(run("report --help").command, Ok(Command::Help(CliHelp::Report)));
        assert_eq!(run("report a.json").command, usage("--html"));
        assert_eq!(run("report --html o.html").command, usage("report"));
        assert_eq!(run("report a.json --html o.html --csv x.csv").command, usage("--csv"));
        assert_eq!(run("results check a.json --html o.html").command, usage("--html"));
        assert_eq!(run("compare a.json --csv o.csv --html o.html").command, usage("--html"));
    }

    #[test]
    fn nothing_or_help_asks_for_the_main_help() {
        assert_eq!(run("").command, Ok(Command::Help(CliHelp::Main)));
        assert_eq!(run("--help").command, Ok(Command::Help(CliHelp::Main)));
        assert_eq!(run("results --help").command, Ok(Command::Help(CliHelp::Main)));
    }

    #[test]
    fn help_names_the_command() {
        assert_eq!(
            run("model check --help").command,
            Ok(Command::Help(CliHelp::ModelCheck))
        );
        assert_eq!(
            run("--help results check").command,
            Ok(Command::Help(CliHelp::ResultsCheck))
        );
        assert_eq!(
            run("results score f.json --help").command,
            Ok(Command::Help(CliHelp::ResultsScore))
        );
    }

    #[test]
    fn lang_is_read_anywhere() {
        let inv = run("model check m.json --lang en");
        assert_eq!(inv.lang, Lang::En);
        assert_eq!(inv.command, Ok(Command::ModelCheck { file: "m.json".into() }));
        assert_eq!(run("--lang en").lang, Lang::En);
        assert_eq!(run("model check m.json").lang, Lang::Es);
    }

    #[test]
    fn results_take_models_and_json() {
        assert_eq!(
            run("results score r.json --model a.json --json --model b.json").command,
            Ok(Command::Results {
                file: "r.json".into(),
                models: vec!["a.json".into(), "b.json".into()],
                score: true,
                json: true,
            })
        );
        assert_eq!(
            run("results check r.json").command,
            Ok(Command::Results {
                file: "r.json".into(),
                models: vec![],
                score: false,
                json: false
            })
        );
    }

    #[test]
    fn wrong_arguments_quote_what_was_given() {
        assert_eq!(run("modle check m.json").command, usage("modle"));
        assert_eq!(run("model chek m.json").command, usage("model chek"));
        assert_eq!(run("model check").command, usage("model check"));
        assert_eq!(run("results").command, usage("results"));
        assert_eq!(run("model check m.json extra").command, usage("extra"));
        assert_eq!(run("model check m.json --json").command, usage("--json"));
        assert_eq!(run("results check r.json --json").command, usage("--json"));
        assert_eq!(run("results check r.json --model").command, usage("--model"));
        assert_eq!(run("results check r.json --verbose").command, usage("--verbose"));
        assert_eq!(run("model check m.json --lang fr").command, usage("--lang fr"));
        assert_eq!(run("model check m.json --lang").command, usage("--lang"));
    }

    #[test]
    fn workshop_merge_takes_many_files_and_its_own_flags() {
        assert_eq!(
            run("workshop merge a.txt b.json --model m.json --threshold 80 -o w.json --json").command,
            Ok(Command::WorkshopMerge(Merge {
                files: vec!["a.txt".into(), "b.json".into()],
                models: vec!["m.json".into()],
                threshold: 80,
                json: true,
                output: Some("w.json".into()),
            }))
        );
        assert_eq!(
            run("workshop merge a.txt").command,
            Ok(Command::WorkshopMerge(Merge {
                files: vec!["a.txt".into()],
                models: vec![],
                threshold: 70,
                json: false,
                output: None,
            }))
        );
        assert_eq!(
            run("workshop --help").command,
            Ok(Command::Help(CliHelp::WorkshopMerge))
        );
        assert_eq!(
            run("workshop merge a.txt --help").command,
            Ok(Command::Help(CliHelp::WorkshopMerge))
        );
    }

    #[test]
    fn workshop_merge_arguments_quote_what_was_given() {
        assert_eq!(run("workshop").command, usage("workshop"));
        assert_eq!(run("workshop merge").command, usage("workshop merge"));
        assert_eq!(run("workshop mix a.txt").command, usage("workshop mix"));
        assert_eq!(run("workshop merge a.txt --threshold").command, usage("--threshold"));
        for bad in ["0", "101", "-5", "7.5", "x"] {
            assert_eq!(
                run(&format!("workshop merge a.txt --threshold {bad}")).command,
                usage(&format!("--threshold {bad}"))
            );
        }
        assert_eq!(run("workshop merge a.txt --threshold 1").command.map(|_| ()), Ok(()));
        assert_eq!(run("workshop merge a.txt --threshold 100").command.map(|_| ()), Ok(()));
        assert_eq!(run("workshop merge a.txt -o").command, usage("-o"));
        assert_eq!(run("results score r.json --threshold 80").command, usage("--threshold"));
        assert_eq!(run("model check m.json -o out.json").command, usage("-o"));
    }

    #[test]
    fn a_lone_dash_is_a_file_name() {
        assert_eq!(
            run("model check -").command,
            Ok(Command::ModelCheck { file: "-".into() })
        );
    }
}
