//! Recommendations: from an assessment's scores to HAGA tools, experiences and methodologies,
//! each with its reason in plain words. `docs/recommendations.md` states the rules in words.
//!
//! 1. Unmet enabling conditions come first (the decálogo asks for them before anything else),
//!    each with the principles and methodologies that serve it.
//! 2. Per pillar, weakest first, the **target** is the next stage to reach, and the criteria still
//!    missing there drive the choice:
//!    * tools of the target stage whose main pillar is this one, then those where it is the second
//!      pillar; within each, tools that address a missing criterion first;
//!    * experiences of the same pillar and stage, ordered by similar population band and the same
//!      country; if fewer than two, experiences of the same pillar at a neighbouring stage;
//!    * methodologies for this pillar and stage, those working a missing criterion first.
//!
//! Everything is deterministic (ties broken by number or id) and offline.

use crate::domain::assessment::{AnswerValue, Assessment, PopulationBand};
use crate::domain::haga::Haga;
use crate::domain::model::Model;
use crate::domain::places::country_name;
use crate::domain::prefs::Lang;
use crate::domain::scoring::Scores;

pub const TOOLS_PER_PILLAR: usize = 3;
pub const EXPERIENCES_PER_PILLAR: usize = 2;
pub const METHODOLOGIES_PER_PILLAR: usize = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct Recommendations {
    pub conditions: Vec<ConditionAdvice>,
    pub pillars: Vec<PillarAdvice>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConditionAdvice {
    pub condition: String,
    pub answer: Option<AnswerValue>,
    /// Numbers of the decálogo principles that serve this condition.
    pub principles: Vec<u32>,
    pub methodologies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PillarAdvice {
    pub pillar: String,
    /// Stages reached.
    pub level: usize,
    /// The next stage to reach; `None` when the top stage is reached.
    pub target: Option<String>,
    /// Criteria of the target stage not yet answered Sí.
    pub missing: Vec<String>,
    pub tools: Vec<Pick>,
    pub experiences: Vec<Pick>,
    pub methodologies: Vec<Pick>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub id: String,
    pub why: Why,
}

/// Why an item was picked: the facts the sentence is built from.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// A tool for the target stage; `main` when this is its main pillar. `criteria` are the
    /// missing criteria it helps meet.
    Tool {
        main: bool,
        criteria: Vec<String>,
    },
    /// An experience at the target stage (`exact`) or a neighbouring one.
    Experience {
        exact: bool,
        same_band: bool,
        same_country: bool,
    },
    Methodology {
        criteria: Vec<String>,
    },
}

fn band_distance(a: PopulationBand, b: PopulationBand) -> usize {
    let pos = |x| PopulationBand::ALL.iter().position(|y| *y == x).unwrap_or(0);
    pos(a).abs_diff(pos(b))
}

pub fn recommend(model: &Model, haga: &Haga, assessment: &Assessment, scores: &Scores) -> Recommendations {
    let conditions = scores
        .conditions
        .unmet
        .iter()
        .map(|c| ConditionAdvice {
            condition: c.clone(),
            answer: assessment.conditions.get(c).and_then(|a| a.value),
            principles: haga
                .principles
                .iter()
                .filter(|p| p.conditions.contains(c))
                .map(|p| p.number)
                .collect(),
            methodologies: haga
                .methodologies
                .iter()
                .filter(|m| m.conditions.contains(c))
                .map(|m| m.id.clone())
                .collect(),
        })
        .collect();

    let mut pillars: Vec<PillarAdvice> = scores
        .pillars
        .iter()
        .map(|ps| {
            let Some(next) = ps.next_stage() else {
                return PillarAdvice {
                    pillar: ps.pillar.clone(),
                    level: ps.level,
                    target: None,
                    missing: vec![],
                    tools: vec![],
                    experiences: vec![],
                    methodologies: vec![],
                };
            };
            let target = next.stage.clone();
            let missing = next.missing.clone();
            let addressed =
                |ids: &[String]| -> Vec<String> { missing.iter().filter(|m| ids.contains(m)).cloned().collect() };

            let mut tools: Vec<(usize, u32, Pick)> = haga
                .tools
                .iter()
                .filter(|t| {
                    t.stage == target && (t.pillar == ps.pillar || t.second_pillar.as_ref() == Some(&ps.pillar))
                })
                .map(|t| {
                    let main = t.pillar == ps.pillar;
                    let criteria = addressed(&t.criteria);
                    let rank = usize::from(main) * 100 + criteria.len() * 10;
                    (
                        rank,
                        t.number,
                        Pick {
                            id: t.id.clone(),
                            why: Why::Tool { main, criteria },
                        },
                    )
                })
                .collect();
            tools.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));

            let profile = &assessment.profile;
            let target_pos = model.stage_position(&target).unwrap_or(0);
            let mut experiences: Vec<(bool, usize, String, Pick)> = haga
                .experiences
                .iter()
                .filter(|e| e.pillars.contains(&ps.pillar))
                .filter_map(|e| {
                    let pos = model.stage_position(&e.stage)?;
                    let exact = pos == target_pos;
                    if !exact && pos.abs_diff(target_pos) != 1 {
                        return None;
                    }
                    let distance = profile.population_band.map(|b| band_distance(b, e.population_band));
                    let same_band = distance == Some(0);
                    let same_country = !profile.country.is_empty() && profile.country == e.country;
                    let rank = match distance {
                        Some(0) => 20,
                        Some(1) => 10,
                        _ => 0,
                    } + usize::from(same_country) * 5;
                    Some((
                        exact,
                        rank,
                        e.id.clone(),
                        Pick {
                            id: e.id.clone(),
                            why: Why::Experience {
                                exact,
                                same_band,
                                same_country,
                            },
                        },
                    ))
                })
                .collect();
            experiences.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
            let exact_count = experiences.iter().filter(|e| e.0).count();
            let experiences: Vec<Pick> = experiences
                .into_iter()
                .filter(|e| e.0 || exact_count < EXPERIENCES_PER_PILLAR)
                .take(EXPERIENCES_PER_PILLAR)
                .map(|e| e.3)
                .collect();

            let mut methodologies: Vec<(usize, String, Pick)> = haga
                .methodologies
                .iter()
                .filter(|m| m.pillars.contains(&ps.pillar) && m.stages.contains(&target))
                .map(|m| {
                    let criteria = addressed(&m.criteria);
                    (
                        criteria.len(),
                        m.id.clone(),
                        Pick {
                            id: m.id.clone(),
                            why: Why::Methodology { criteria },
                        },
                    )
                })
                .collect();
            methodologies.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));

            PillarAdvice {
                pillar: ps.pillar.clone(),
                level: ps.level,
                target: Some(target),
                missing,
                tools: tools.into_iter().take(TOOLS_PER_PILLAR).map(|t| t.2).collect(),
                experiences,
                methodologies: methodologies
                    .into_iter()
                    .take(METHODOLOGIES_PER_PILLAR)
                    .map(|m| m.2)
                    .collect(),
            }
        })
        .collect();
    // Weakest pillar first; model order among equals.
    let order = |id: &str| model.pillars.iter().position(|p| p.id == id).unwrap_or(usize::MAX);
    pillars.sort_by(|a, b| a.level.cmp(&b.level).then(order(&a.pillar).cmp(&order(&b.pillar))));
    Recommendations { conditions, pillars }
}

/// Sentences for the user. Kept next to the rules so that what is said matches what was done.
impl PillarAdvice {
    /// "En Rendición de cuentas estás en Consultar; para Involucrar te falta: «…»."
    pub fn headline(&self, model: &Model, lang: Lang) -> String {
        let es = lang == Lang::Es;
        let pillar = model.pillar(&self.pillar).map(|p| p.name.get(lang)).unwrap_or_default();
        let where_ = match (self.level, es) {
            (0, true) => format!("En {pillar} aún no alcanzas la primera etapa"),
            (0, false) => format!("In {pillar} you have not reached the first stage yet"),
            (l, true) => format!("En {pillar} estás en {}", model.stages[l - 1].name.get(lang)),
            (l, false) => format!("In {pillar} you are at {}", model.stages[l - 1].name.get(lang)),
        };
        let Some(target) = self.target.as_ref().and_then(|t| model.stage(t)) else {
            return if es {
                format!("En {pillar} alcanzaste la etapa más alta. Mantén lo logrado y compártelo.")
            } else {
                format!("In {pillar} you reached the highest stage. Keep it up and share it.")
            };
        };
        let target = target.name.get(lang);
        let first = self
            .missing
            .first()
            .and_then(|c| model.criterion(c))
            .map(|c| lower_first(c.text.get(lang)));
        let more = self.missing.len().saturating_sub(1);
        match (es, first) {
            (true, Some(f)) if more > 0 => format!("{where_}; para {target} te falta: «{f}» y {more} criterio(s) más."),
            (true, Some(f)) => format!("{where_}; para {target} te falta: «{f}»."),
            (true, None) => format!("{where_}; {target} ya se cumple y cuenta cuando se alcance la etapa anterior."),
            (false, Some(f)) if more > 0 => {
                format!("{where_}; to reach {target} you still need: “{f}” and {more} more criteria.")
            }
            (false, Some(f)) => format!("{where_}; to reach {target} you still need: “{f}”."),
            (false, None) => format!("{where_}; {target} is already met and counts once the earlier stage is reached."),
        }
    }

    /// Why this pick, in one sentence.
    pub fn reason(&self, pick: &Pick, model: &Model, haga: &Haga, lang: Lang) -> String {
        let es = lang == Lang::Es;
        let pillar = model.pillar(&self.pillar).map(|p| p.name.get(lang)).unwrap_or_default();
        let target = self
            .target
            .as_ref()
            .and_then(|t| model.stage(t))
            .map(|s| s.name.get(lang))
            .unwrap_or_default();
        let criterion = |ids: &[String]| {
            ids.first()
                .and_then(|c| model.criterion(c))
                .map(|c| lower_first(c.text.get(lang)))
        };
        match &pick.why {
            Why::Tool { main, criteria } => {
                let name = haga.tool(&pick.id).map(|t| t.name.as_str()).unwrap_or_default();
                let base = match (es, main) {
                    (true, true) => format!("{name} es una herramienta de {pillar} para la etapa {target}"),
                    (true, false) => format!("{name} apoya {pillar} como segundo pilar, en la etapa {target}"),
                    (false, true) => format!("{name} is a {pillar} tool for the {target} stage"),
                    (false, false) => format!("{name} supports {pillar} as its second pillar, at the {target} stage"),
                };
                match (criterion(criteria), es) {
                    (Some(c), true) => format!("{base}, y ayuda a cumplir: «{c}»."),
                    (Some(c), false) => format!("{base}, and helps meet: “{c}”."),
                    (None, _) => format!("{base}."),
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
                let place = format!("{} ({}, {})", e.place, country_name(&e.country, lang), e.years);
                let stage = model.stage(&e.stage).map(|s| s.name.get(lang)).unwrap_or_default();
                let mut s = if es {
                    if *exact {
                        format!("Así lo hizo {place}, en {pillar} y la etapa {target}")
                    } else {
                        format!("Así lo hizo {place}, en {pillar} y la etapa vecina {stage}")
                    }
                } else if *exact {
                    format!("This is how {place} did it, in {pillar} at the {target} stage")
                } else {
                    format!("This is how {place} did it, in {pillar} at the neighbouring {stage} stage")
                };
                match (es, same_band, same_country) {
                    (true, true, true) => s.push_str(", con una población parecida y en tu mismo país"),
                    (true, true, false) => s.push_str(", con una población parecida a la tuya"),
                    (true, false, true) => s.push_str(", en tu mismo país"),
                    (false, true, true) => s.push_str(", with a similar population and in your country"),
                    (false, true, false) => s.push_str(", with a population similar to yours"),
                    (false, false, true) => s.push_str(", in your country"),
                    _ => {}
                }
                s.push('.');
                s
            }
            Why::Methodology { criteria } => {
                let name = haga.methodology(&pick.id).map(|m| m.name.get(lang)).unwrap_or_default();
                match (criterion(criteria), es) {
                    (Some(c), true) => {
                        format!("{name} sirve para {pillar} en la etapa {target} y trabaja directamente: «{c}».")
                    }
                    (Some(c), false) => {
                        format!("{name} fits {pillar} at the {target} stage and works directly on: “{c}”.")
                    }
                    (None, true) => format!("{name} sirve para {pillar} en la etapa {target}."),
                    (None, false) => format!("{name} fits {pillar} at the {target} stage."),
                }
            }
        }
    }
}

impl ConditionAdvice {
    /// "Falta «Presupuesto asegurado». El decálogo lo pide en el principio 2: «…»."
    pub fn reason(&self, model: &Model, haga: &Haga, lang: Lang) -> String {
        let es = lang == Lang::Es;
        let name = model
            .conditions
            .iter()
            .find(|c| c.id == self.condition)
            .map(|c| c.name.get(lang))
            .unwrap_or_default();
        let state = match (self.answer, es) {
            (Some(AnswerValue::Partial), true) => format!("«{name}» está a medias"),
            (Some(AnswerValue::Partial), false) => format!("“{name}” is only partly in place"),
            (_, true) => format!("Falta «{name}»"),
            (_, false) => format!("“{name}” is missing"),
        };
        match self
            .principles
            .first()
            .and_then(|n| haga.principles.iter().find(|p| p.number == *n))
        {
            Some(p) if es => format!(
                "{state}. El decálogo lo pide en el principio {}: «{}».",
                p.number,
                p.title.get(lang)
            ),
            Some(p) => format!(
                "{state}. The decalogue asks for it in principle {}: “{}”.",
                p.number,
                p.title.get(lang)
            ),
            None => format!("{state}."),
        }
    }
}

/// Lowercases the first letter, to quote a criterion inside a sentence.
/// Acronyms ("OCDS…", "WCAG…") keep their capitals.
fn lower_first(s: &str) -> String {
    let s = s.trim_end_matches('.');
    let mut chars = s.chars();
    let second_is_upper = s.chars().nth(1).is_some_and(char::is_uppercase);
    match chars.next() {
        Some(c) if !second_is_upper => c.to_lowercase().chain(chars).collect(),
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests;
