//! Building a [`Model`] from its file and recording every problem on the way: the meaning
//! checks of `docs/model-format.md`. Linear in the size of the file: every lookup goes through a
//! set or a map built once, and problems are counted, not all built ([`Problems`]).

use super::*;
use crate::content::places::is_country_code;

/// Builds the model and records every problem. Linear in the size of the file: every lookup
/// goes through a set or a map built once.
pub(super) fn build(file: ModelFile, hash: String, out: &mut Problems<Problem>) -> Model {
    if file.id.trim().is_empty() || file.version.trim().is_empty() {
        out.push(Problem::NoIdentity);
    }
    let mut languages: Vec<String> = Vec::new();
    for l in file.languages {
        if !languages.contains(&l) {
            languages.push(l);
        }
    }
    if languages.len() > MAX_LANGUAGES {
        out.push(Problem::TooManyLanguages(languages.len()));
        languages.truncate(MAX_LANGUAGES);
    }
    if !languages.iter().any(|l| Lang::from_code(l).is_some()) {
        out.push(Problem::NoKnownLanguage);
    }
    let threshold_percent = file.scoring.map_or(DEFAULT_THRESHOLD_PERCENT, |s| s.threshold_percent);
    if !(1..=100).contains(&threshold_percent) {
        out.push(Problem::BadThreshold(threshold_percent));
    }
    for (kind, empty) in [
        (Kind::Stage, file.stages.is_empty()),
        (Kind::Pillar, file.pillars.is_empty()),
        (Kind::Scale, file.scales.is_empty()),
    ] {
        if empty {
            out.push(Problem::Empty(kind));
        }
    }
    let texts = TextCheck { langs: &languages };
    unique(out, Kind::Stage, file.stages.iter().map(|s| s.id.as_str()));
    unique(out, Kind::Pillar, file.pillars.iter().map(|s| s.id.as_str()));
    unique(out, Kind::Line, file.lines.iter().map(|s| s.id.as_str()));
    unique(out, Kind::Framework, file.frameworks.iter().map(|s| s.id.as_str()));
    unique(out, Kind::Condition, file.conditions.iter().map(|s| s.id.as_str()));
    unique(out, Kind::Criterion, file.criteria.iter().map(|s| s.id.as_str()));
    unique(out, Kind::Scale, file.scales.iter().map(|s| s.id.as_str()));

    texts.required(out, "name", &file.name);
    texts.optional(out, "description", file.description.as_ref());
    let stage_pos: HashMap<&str, usize> = file
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    for (i, s) in file.stages.iter().enumerate() {
        if s.floor && i != 0 {
            out.push(Problem::MisplacedFloor {
                stage: s.id.to_string(),
            });
        }
        texts.required(out, &format!("stages.{}.name", s.id), &s.name);
        texts.optional(out, &format!("stages.{}.description", s.id), s.description.as_ref());
        texts.optional(out, &format!("stages.{}.promise", s.id), s.promise.as_ref());
    }
    let pillar_ids: BTreeSet<&str> = file.pillars.iter().map(|p| p.id.as_str()).collect();
    for p in &file.pillars {
        texts.required(out, &format!("pillars.{}.name", p.id), &p.name);
        texts.optional(out, &format!("pillars.{}.description", p.id), p.description.as_ref());
    }
    let line_ids: BTreeSet<&str> = file.lines.iter().map(|l| l.id.as_str()).collect();
    for l in &file.lines {
        texts.required(out, &format!("lines.{}.name", l.id), &l.name);
        texts.optional(out, &format!("lines.{}.description", l.id), l.description.as_ref());
    }
    let framework_ids: BTreeSet<&str> = file.frameworks.iter().map(|f| f.id.as_str()).collect();
    for f in &file.frameworks {
        texts.required(out, &format!("frameworks.{}.name", f.id), &f.name);
        if safe_web_link(&f.url).is_none() {
            out.push(Problem::BadUrl {
                framework: f.id.to_string(),
            });
        }
        if f.country.as_deref().is_some_and(|c| !is_country_code(c)) {
            out.push(Problem::BadCountry {
                framework: f.id.to_string(),
            });
        }
    }

    // Scales: the shared ones first, then one per criterion with its own options.
    let mut scales: Vec<Scale> = Vec::with_capacity(file.scales.len());
    for s in &file.scales {
        scales.push(build_scale(out, &texts, s.id.clone(), &s.options, &stage_pos));
    }
    let scale_index: HashMap<&str, usize> = file
        .scales
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let pick_scale = |out: &mut Problems<Problem>, from: &str, named: Option<&ScaleId>| -> usize {
        match named {
            None => 0,
            Some(id) => scale_index.get(id.as_str()).copied().unwrap_or_else(|| {
                out.push_with(|| Problem::UnknownReference {
                    from: from.to_owned(),
                    kind: Kind::Scale,
                    id: id.to_string(),
                });
                usize::MAX
            }),
        }
    };

    let mut conditions = Vec::with_capacity(file.conditions.len());
    for c in file.conditions {
        let scale = pick_scale(out, &c.id, c.scale.as_ref());
        if scales.get(scale).is_some_and(Scale::is_statements) {
            out.push(Problem::ConditionScale {
                condition: c.id.to_string(),
            });
        }
        texts.required(out, &format!("conditions.{}.name", c.id), &c.name);
        texts.required(out, &format!("conditions.{}.question", c.id), &c.question);
        texts.optional(out, &format!("conditions.{}.description", c.id), c.description.as_ref());
        conditions.push(Condition {
            id: c.id,
            name: c.name,
            description: c.description,
            question: c.question,
            scale,
        });
    }

    let mut covered: BTreeSet<(&str, usize)> = BTreeSet::new();
    let mut seen_criteria: HashMap<String, usize> = HashMap::new();
    let mut criteria = Vec::with_capacity(file.criteria.len());
    let stages_for_cover: Vec<&str> = file.stages.iter().map(|s| s.id.as_str()).collect();
    for c in &file.criteria {
        let at = c.id.as_str();
        let reference = |out: &mut Problems<Problem>, kind: Kind, id: &str, known: bool| {
            if !known {
                out.push_with(|| Problem::UnknownReference {
                    from: at.to_owned(),
                    kind,
                    id: id.to_owned(),
                });
            }
        };
        reference(out, Kind::Pillar, &c.pillar, pillar_ids.contains(c.pillar.as_str()));
        let position = c.stage.as_ref().and_then(|s| stage_pos.get(s.as_str()).copied());
        if let Some(s) = &c.stage {
            reference(out, Kind::Stage, s, position.is_some());
        }
        for l in &c.lines {
            reference(out, Kind::Line, l, line_ids.contains(l.as_str()));
        }
        for f in &c.frameworks {
            reference(out, Kind::Framework, f, framework_ids.contains(f.as_str()));
        }
        if position.is_some_and(|p| file.stages.get(p).is_some_and(|s| s.floor)) {
            out.push(Problem::CriterionAtFloor {
                criterion: at.to_owned(),
            });
        }
        let scale = match (&c.options, &c.scale) {
            (Some(_), Some(_)) => {
                out.push(Problem::BothScaleAndOptions {
                    criterion: at.to_owned(),
                });
                usize::MAX
            }
            (Some(options), None) => {
                scales.push(build_scale(out, &texts, ScaleId::new(at), options, &stage_pos));
                scales.len() - 1
            }
            (None, named) => pick_scale(out, at, named.as_ref()),
        };
        let the_scale = scales.get(scale);
        if let Some(sc) = the_scale {
            if sc.is_statements() != c.stage.is_none() {
                out.push(Problem::ScaleDoesNotFit {
                    criterion: at.to_owned(),
                });
            }
            for option in c.feedback.keys() {
                reference(out, Kind::Option, option, sc.option(option).is_some());
            }
        }
        // Which cells this criterion covers.
        if pillar_ids.contains(c.pillar.as_str()) {
            match (position, the_scale) {
                (Some(p), _) => {
                    covered.insert((c.pillar.as_str(), p));
                }
                (None, Some(sc)) => {
                    let top = sc
                        .options
                        .iter()
                        .filter_map(|o| match o.value {
                            OptionValue::Stage(s) => Some(s),
                            _ => None,
                        })
                        .max();
                    for p in 0..=top.unwrap_or(0).min(stages_for_cover.len().saturating_sub(1)) {
                        if top.is_some() {
                            covered.insert((c.pillar.as_str(), p));
                        }
                    }
                }
                (None, None) => {}
            }
        }
        if let Some(w) = &c.when {
            if w.any_of.is_empty() {
                out.push(Problem::EmptyWhen {
                    criterion: at.to_owned(),
                });
            }
            match seen_criteria.get(w.criterion.as_str()).and_then(|i| criteria.get(*i)) {
                None => out.push(Problem::WhenNotEarlier {
                    criterion: at.to_owned(),
                    on: w.criterion.to_string(),
                }),
                Some(earlier) => {
                    let earlier: &Criterion = earlier;
                    let sc = scales.get(earlier.scale);
                    for o in &w.any_of {
                        reference(out, Kind::Option, o, sc.is_some_and(|s| s.option(o).is_some()));
                    }
                }
            }
        }
        texts.required(out, &format!("criteria.{at}.text"), &c.text);
        texts.optional(out, &format!("criteria.{at}.help"), c.help.as_ref());
        for (i, e) in c.evidence.iter().enumerate() {
            texts.required(out, &format!("criteria.{at}.evidence[{i}]"), e);
        }
        for (o, t) in &c.feedback {
            texts.required(out, &format!("criteria.{at}.feedback.{o}"), t);
        }
        seen_criteria.entry(c.id.to_string()).or_insert(criteria.len());
        criteria.push(Criterion {
            id: c.id.clone(),
            pillar: c.pillar.clone(),
            stage: c.stage.clone(),
            text: c.text.clone(),
            help: c.help.clone(),
            evidence: c.evidence.clone(),
            lines: c.lines.clone(),
            frameworks: c.frameworks.clone(),
            feedback: c.feedback.clone(),
            when: c.when.as_ref().map(|w| When {
                criterion: w.criterion.clone(),
                any_of: w.any_of.clone(),
            }),
            scale,
        });
    }
    let cells = file.pillars.len().saturating_mul(file.stages.len());
    if cells > MAX_CELLS {
        out.push(Problem::TooManyCells(cells));
    }
    for p in file.pillars.iter().take(if cells > MAX_CELLS { 0 } else { usize::MAX }) {
        for (i, s) in file.stages.iter().enumerate() {
            if !s.floor && !covered.contains(&(p.id.as_str(), i)) {
                out.push_with(|| Problem::EmptyCell {
                    pillar: p.id.to_string(),
                    stage: s.id.to_string(),
                });
            }
        }
    }

    let by_criterion = criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .rev()
        .collect();
    let point_step = scales
        .iter()
        .flat_map(|s| &s.options)
        .filter_map(|o| match o.value {
            OptionValue::Points(p) if p > 0 => Some(p),
            OptionValue::Stage(_) => Some(FULL),
            _ => None,
        })
        .fold(FULL, gcd)
        .max(1);
    Model {
        format: file.format,
        id: file.id,
        version: file.version,
        languages,
        name: file.name,
        description: file.description,
        threshold_percent,
        scales,
        stages: file
            .stages
            .into_iter()
            .map(|s| Stage {
                id: s.id,
                name: s.name,
                description: s.description,
                promise: s.promise,
                floor: s.floor,
            })
            .collect(),
        pillars: file
            .pillars
            .into_iter()
            .map(|p| Pillar {
                id: p.id,
                short: p.short,
                name: p.name,
                description: p.description,
            })
            .collect(),
        lines: file
            .lines
            .into_iter()
            .map(|l| Line {
                id: l.id,
                name: l.name,
                description: l.description,
            })
            .collect(),
        frameworks: file
            .frameworks
            .into_iter()
            .map(|f| Framework {
                id: f.id,
                name: f.name,
                url: f.url,
                country: f.country,
            })
            .collect(),
        conditions,
        criteria,
        hash,
        by_criterion,
        point_step,
    }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn build_scale(
    out: &mut Problems<Problem>,
    texts: &TextCheck,
    id: ScaleId,
    options: &[OptionFile],
    stage_pos: &HashMap<&str, usize>,
) -> Scale {
    unique(out, Kind::Option, options.iter().map(|o| o.id.as_str()));
    if options.is_empty() {
        out.push(Problem::Empty(Kind::Option));
    }
    let mut built = Vec::with_capacity(options.len());
    for o in options {
        let bad = || Problem::BadOption {
            scale: id.to_string(),
            option: o.id.to_string(),
        };
        let value = match (o.points, &o.stage, o.counts) {
            (None, None, false) => OptionValue::LeftOut,
            (Some(p), None, true) => {
                let milli = p * f64::from(FULL);
                if !(0.0..=f64::from(FULL)).contains(&milli) || (milli - milli.round()).abs() > 1e-6 {
                    out.push(Problem::BadPoints {
                        scale: id.to_string(),
                        option: o.id.to_string(),
                    });
                    OptionValue::Points(0)
                } else {
                    OptionValue::Points(milli.round() as u32)
                }
            }
            (None, Some(stage), true) => match stage_pos.get(stage.as_str()) {
                Some(p) => OptionValue::Stage(*p),
                None => {
                    out.push(Problem::UnknownReference {
                        from: format!("{id}.{}", o.id),
                        kind: Kind::Stage,
                        id: stage.to_string(),
                    });
                    OptionValue::Stage(0)
                }
            },
            _ => {
                out.push(bad());
                OptionValue::LeftOut
            }
        };
        texts.required(out, &format!("scales.{id}.{}.label", o.id), &o.label);
        texts.optional(out, &format!("scales.{id}.{}.feedback", o.id), o.feedback.as_ref());
        built.push(ScaleOption {
            id: o.id.clone(),
            label: o.label.clone(),
            value,
            feedback: o.feedback.clone(),
        });
    }
    let points = built.iter().any(|o| matches!(o.value, OptionValue::Points(_)));
    let stages = built.iter().any(|o| matches!(o.value, OptionValue::Stage(_)));
    let full = built
        .iter()
        .any(|o| matches!(o.value, OptionValue::Points(FULL) | OptionValue::Stage(_)));
    if (points && stages) || (!built.is_empty() && !full) {
        out.push(Problem::BadScale { scale: id.to_string() });
    }
    Scale { id, options: built }
}

struct TextCheck<'a> {
    langs: &'a [String],
}

impl TextCheck<'_> {
    fn required(&self, out: &mut Problems<Problem>, place: &str, text: &Text) {
        for lang in self.langs {
            if !text.has(lang) {
                out.push_with(|| Problem::MissingText {
                    place: place.to_owned(),
                    lang: lang.clone(),
                });
            }
        }
    }

    fn optional(&self, out: &mut Problems<Problem>, place: &str, text: Option<&Text>) {
        if let Some(t) = text {
            self.required(out, place, t);
        }
    }
}

fn unique<'a>(out: &mut Problems<Problem>, kind: Kind, ids: impl Iterator<Item = &'a str>) {
    let (_, bad) = check_ids(ids);
    for id in bad {
        out.push_with(|| Problem::DuplicateId {
            kind,
            id: id.to_owned(),
        });
    }
}
