//! The diagnosis report a mayor signs: what one assessment says, in the order a reader needs it
//! (a cover, the overall reading in one sentence, the heatmap and radar, strengths and
//! challenges per pillar, the top recommendations and the plan's first phase, the enabling
//! conditions still missing, a signature block, and an annex of every answer).
//!
//! [`diagnosis`] builds it as finished sentences in one language, so that every renderer (the
//! browser page, the standalone HTML of `megaip report`) only lays it out. Text from the file
//! stays text; an evidence link is a link only when [`safe_web_link`] accepts it.

use crate::analysis::merge::votes_line;
use crate::analysis::plan_gen;
use crate::analysis::recommend::{recommend, Recommendations};
use crate::analysis::scoring::{points_at, score, PillarScore, Scores};
use crate::answers::assessment::Assessment;
use crate::answers::plan::{Phase, Plan};
use crate::answers::workshop::Workshop;
use crate::base::locale::Lang;
use crate::base::validate::safe_web_link;
use crate::content::model::Model;
use crate::content::scale::{Tone, FULL};
use crate::content::toolkit::Haga;
use crate::messages::{country_or_code, stage_name, Catalog, ReportText as T};
use crate::reports::chart::{self, heat_class, Radar};

/// How many tools each pillar's recommendation names (and one experience): the report keeps the
/// top ones, the plan page has the rest.
const TOOLS_PER_PILLAR: usize = 1;

/// One heatmap cell: a pillar at a stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub percent: String,
    /// Reached, met or missing, in words.
    pub state: &'static str,
    /// The CSS class of its colour, from [`heat_class`].
    pub class: &'static str,
}

/// A question still to meet for the next stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Challenge {
    pub code: String,
    pub question: String,
    /// "Current answer: …".
    pub answer: String,
    /// The model's advice for that answer, when it has one.
    pub advice: Option<String>,
}

/// One pillar: its reading, its heatmap row, what it does well and what it lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarPart {
    pub id: String,
    pub name: String,
    /// The stage reached, "no stage yet", or "not assessed".
    pub stage: String,
    pub index: String,
    pub cells: Vec<Cell>,
    /// The sentence before the strengths ("Already met at Consultar:").
    pub strengths_lead: String,
    pub strengths: Vec<String>,
    /// The sentence before the challenges: what the next stage needs, or why there is none.
    pub challenges_lead: String,
    pub challenges: Vec<Challenge>,
}

/// A recommendation: its pillar and the top tool and experience, with their reasons. (What is
/// missing is already each pillar's challenges, and the conditions have their own section.)
#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    pub heading: String,
    /// `(name, why)`.
    pub picks: Vec<(String, String)>,
}

/// A step of the plan's first phase.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub title: String,
    pub owner: String,
    pub due: String,
}

/// The first phase of the plan that has steps.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstPhase {
    pub name: String,
    /// Whether the steps are the team's saved plan, or proposed from today's results.
    pub lead: &'static str,
    pub steps: Vec<Step>,
}

/// One answer in the annex.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnexLine {
    pub code: String,
    pub question: String,
    pub answer: String,
    pub note: String,
    /// The evidence as the team wrote it.
    pub evidence: String,
    /// The same, when it is a safe web link.
    pub evidence_link: Option<String>,
    /// How a workshop decided it, when one did: "Taller K7QX2M: Sí 8 · No 2 · por consenso".
    pub workshop: Option<String>,
}

/// The whole report, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnosis {
    pub lang: Lang,
    pub municipality: String,
    /// Municipality, region, country and population band, as one line.
    pub place: String,
    pub date: String,
    pub model: String,
    /// Who took part: "Name — role".
    pub people: Vec<String>,
    /// The overall reading in one sentence.
    pub overall: String,
    /// The heatmap's column headings.
    pub stages: Vec<String>,
    pub pillars: Vec<PillarPart>,
    pub radar: Option<Radar>,
    /// Empty when the toolkit does not apply to the model.
    pub advice: Vec<Advice>,
    pub first_phase: Option<FirstPhase>,
    /// The enabling conditions not yet fully met: "name: current answer".
    pub conditions: Vec<String>,
    pub annex: Vec<AnnexLine>,
}

/// The diagnosis of `a`, scored with `model`. `haga` is the toolkit to recommend from, or
/// `None` when it does not apply to this model; `workshops` may hold workshops run on this
/// assessment, whose votes the annex then shows beside each answer they decided.
pub fn diagnosis(
    model: &Model,
    haga: Option<&Haga>,
    a: &Assessment,
    workshops: &[Workshop],
    c: &dyn Catalog,
) -> Diagnosis {
    let lang = model.content_lang(c.lang());
    let s = score(model, a);
    let p = a.profile();
    // The cover names the place; an assessment without one goes by its own name.
    let municipality = [p.municipality.trim().to_owned(), a.display_name()]
        .into_iter()
        .find(|n| !n.trim().is_empty())
        .unwrap_or_else(|| c.report_text(T::Untitled).to_owned());
    let town: Vec<&str> = [p.municipality.trim(), p.region.trim()]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect();
    let mut place: Vec<String> = vec![town.join(", ")];
    place.retain(|x| !x.is_empty());
    if !p.country.trim().is_empty() {
        place.push(country_or_code(c, p.country.trim()));
    }
    if let Some(b) = p.population_band {
        place.push(c.band(b).to_owned());
    }
    let people = p
        .respondents
        .iter()
        .filter(|r| !r.name.trim().is_empty() || !r.role.trim().is_empty())
        .map(|r| match (r.name.trim(), r.role.trim()) {
            (n, "") => n.to_owned(),
            ("", role) => role.to_owned(),
            (n, role) => format!("{n} — {role}"),
        })
        .collect();
    let overall_stage = s
        .overall_level
        .checked_sub(1)
        .and_then(|i| model.stage_at(i))
        .map(|st| st.name.get(lang));
    let max = model.stages().len();
    let names: Vec<&str> = model.pillars().iter().map(|p| p.name.get(lang)).collect();
    let values: Vec<f64> = s.pillars.iter().map(|p| p.index).collect();
    let recs = haga.map(|h| (h, recommend(model, h, a, &s)));
    Diagnosis {
        lang: c.lang(),
        overall: c.report_overall(&municipality, overall_stage, &c.number(s.mean_index, 2), max),
        municipality,
        place: place.join(" · "),
        date: p.date.clone(),
        model: format!("{} {}", model.name().get(lang), model.version()),
        people,
        stages: model.stages().iter().map(|st| st.name.get(lang).to_owned()).collect(),
        pillars: s.pillars.iter().map(|ps| pillar_part(model, a, &s, ps, c)).collect(),
        radar: chart::radar(&names, &values, max),
        advice: recs.as_ref().map(|(h, r)| advice(model, h, r, c)).unwrap_or_default(),
        first_phase: recs.as_ref().and_then(|(_, r)| first_phase(model, haga, a, r, c)),
        conditions: unmet_conditions(model, a, &s, c),
        annex: annex(model, a, workshops, c),
    }
}

fn pillar_part(model: &Model, a: &Assessment, s: &Scores, ps: &PillarScore, c: &dyn Catalog) -> PillarPart {
    let lang = model.content_lang(c.lang());
    let name = model
        .pillar(&ps.pillar)
        .map(|p| p.name.get(lang).to_owned())
        .unwrap_or_default();
    let stage_of = |i: usize| {
        model
            .stage_at(i)
            .map(|st| st.name.get(lang).to_owned())
            .unwrap_or_default()
    };
    let cells = ps
        .stages
        .iter()
        .map(|st| Cell {
            percent: c.percent(st.share()),
            state: c.report_text(if st.reached {
                T::CellReached
            } else if st.met {
                T::CellMet
            } else {
                T::CellMissing
            }),
            class: heat_class(st.share(), st.met, st.reached),
        })
        .collect();
    // Strengths: what earns full points at the highest stage reached (or, before the first
    // stage, at the first one), so the team sees what already holds.
    let strong_at = ps.level.saturating_sub(1);
    let strengths = model
        .criteria()
        .iter()
        .filter(|cr| cr.pillar == ps.pillar)
        .filter(|cr| cr.stage.as_ref().and_then(|st| model.stage_position(st)) == Some(strong_at))
        .filter(|cr| a.value(&cr.id).is_some() && points_at(model, a, cr, strong_at) == Some(FULL))
        .map(|cr| format!("{}: {}", cr.id, cr.text.get(lang)))
        .collect();
    let (challenges_lead, challenges) = match ps.next_stage() {
        _ if !ps.assessed => (c.report_text(T::NotAssessed).to_owned(), vec![]),
        None => (c.report_text(T::TopReached).to_owned(), vec![]),
        Some(next) => {
            let next_name = model.stage(&next.stage).map(|st| st.name.get(lang)).unwrap_or_default();
            let lead = c.report_next(
                next_name,
                &crate::messages::points(c, next.points_missing),
                s.threshold_percent,
            );
            let items = next
                .missing
                .iter()
                .filter_map(|id| {
                    let cr = model.criterion(id)?;
                    let chosen = a.value(id);
                    let answer = chosen
                        .and_then(|v| model.option_of(cr, v))
                        .map_or(c.report_text(T::Unanswered), |o| o.label.get(lang));
                    Some(Challenge {
                        code: id.to_string(),
                        question: cr.text.get(lang).to_owned(),
                        answer: c.report_answer_now(answer),
                        advice: chosen
                            .and_then(|v| model.feedback(cr, v))
                            .map(|t| t.get(lang).to_owned()),
                    })
                })
                .collect();
            (lead, items)
        }
    };
    PillarPart {
        id: ps.pillar.to_string(),
        name,
        stage: if ps.assessed {
            stage_name(c, model, ps.level)
        } else {
            c.report_text(T::NotAssessedShort).to_owned()
        },
        index: c.number(ps.index, 2),
        cells,
        strengths_lead: if ps.level == 0 {
            c.report_text(T::StrengthsBeforeFirst).to_owned()
        } else {
            c.report_strengths_at(&stage_of(strong_at))
        },
        strengths: if ps.assessed { strengths } else { vec![] },
        challenges_lead,
        challenges,
    }
}

fn advice(model: &Model, haga: &Haga, r: &Recommendations, c: &dyn Catalog) -> Vec<Advice> {
    let lang = model.content_lang(c.lang());
    let mut out = Vec::new();
    for p in r
        .pillars
        .iter()
        .filter(|p| !p.tools.is_empty() || !p.experiences.is_empty())
    {
        let tools = p.tools.iter().take(TOOLS_PER_PILLAR).filter_map(|pick| {
            let t = haga.tool(&pick.id)?;
            Some((format!("#{} {}", t.number, t.name), c.pick_reason(p, pick, model, haga)))
        });
        let cases = p.experiences.iter().take(1).filter_map(|pick| {
            let e = haga.experience(&pick.id)?;
            Some((e.title.get(lang).to_owned(), c.pick_reason(p, pick, model, haga)))
        });
        out.push(Advice {
            heading: model
                .pillar(&p.pillar)
                .map(|x| x.name.get(lang).to_owned())
                .unwrap_or_default(),
            picks: tools.chain(cases).collect(),
        });
    }
    out
}

fn first_phase(
    model: &Model,
    haga: Option<&Haga>,
    a: &Assessment,
    r: &Recommendations,
    c: &dyn Catalog,
) -> Option<FirstPhase> {
    let haga = haga?;
    // The team's own plan when it has one; otherwise the plan today's results propose.
    let (plan, lead) = match a.plan() {
        Some(p) => (p.clone(), c.report_text(T::PlanSaved)),
        None => (
            plan_gen::generate(model, a, r, a.updated_at()),
            c.report_text(T::PlanProposed),
        ),
    };
    let Plan { steps, .. } = plan;
    let phase = Phase::ALL
        .into_iter()
        .find(|ph| steps.iter().any(|s| s.phase == *ph && !s.achieved))?;
    Some(FirstPhase {
        name: c.phase(phase).to_owned(),
        lead,
        steps: steps
            .iter()
            .filter(|s| s.phase == phase && !s.achieved)
            .map(|s| Step {
                title: c.plan_step_title(s, model, haga),
                owner: s.owner.clone(),
                due: s.due.clone(),
            })
            .collect(),
    })
}

fn unmet_conditions(model: &Model, a: &Assessment, s: &Scores, c: &dyn Catalog) -> Vec<String> {
    let lang = model.content_lang(c.lang());
    s.conditions
        .unmet
        .iter()
        .filter_map(|id| {
            let cond = model.condition(id)?;
            let scale = model.condition_scale(cond);
            let option = a.condition_value(id).and_then(|v| scale.option(v));
            let status = match option {
                Some(o) if scale.tone(o, model.stages().len()) != Tone::Full => o.label.get(lang),
                Some(_) => return None,
                None => c.report_text(T::Unanswered),
            };
            Some(format!("{}: {status}", cond.name.get(lang)))
        })
        .collect()
}

/// Every question asked, with its answer (or "not answered"), note, evidence and, when one of
/// `workshops` on this assessment decided it, how. The annex of the report and of the results
/// page.
pub fn annex(model: &Model, a: &Assessment, workshops: &[Workshop], c: &dyn Catalog) -> Vec<AnnexLine> {
    let lang = model.content_lang(c.lang());
    // The latest workshop on this assessment and model that decided a question says how.
    let decided = |criterion: &str| {
        workshops
            .iter()
            .rev()
            .filter(|w| w.assessment == *a.id() && w.model == *a.model())
            .find_map(|w| {
                let d = w.decisions.get(criterion)?;
                let (_, round) = w.round_for(criterion)?;
                let votes = votes_line(model, w, criterion, round, lang);
                Some(c.report_workshop(&w.id, &votes, d.by, d.round))
            })
    };
    model
        .criteria()
        .iter()
        .filter(|cr| a.is_asked(model, cr))
        .map(|cr| {
            let ans = a.answer(&cr.id);
            let answer = ans
                .and_then(|x| x.value.as_ref())
                .and_then(|v| model.option_of(cr, v))
                .map_or(c.report_text(T::Unanswered), |o| o.label.get(lang));
            let evidence = ans.map(|x| x.evidence_url.trim().to_owned()).unwrap_or_default();
            AnnexLine {
                code: cr.id.to_string(),
                question: cr.text.get(lang).to_owned(),
                answer: answer.to_owned(),
                note: ans.map(|x| x.note.clone()).unwrap_or_default(),
                evidence_link: safe_web_link(&evidence).map(str::to_owned),
                evidence,
                workshop: decided(cr.id.as_str()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
