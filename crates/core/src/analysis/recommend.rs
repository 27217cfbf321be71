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
//! 3. Per missing criterion (one plan step each): the tools and experiences that name that
//!    criterion among those they serve, main pillar first; a criterion no tool or experience
//!    serves gets the methodology to run instead.
//!
//! Everything is deterministic (ties broken by number or id) and offline.

use crate::analysis::scoring::Scores;
use crate::answers::assessment::Assessment;
use crate::base::ids::{ConditionId, CriterionId, PillarId, StageId};
use crate::content::model::Model;
use crate::content::scale::{OptionValue, FULL};
use crate::content::toolkit::{Experience, Haga, Tool};

pub const TOOLS_PER_PILLAR: usize = 3;
pub const EXPERIENCES_PER_PILLAR: usize = 2;
pub const METHODOLOGIES_PER_PILLAR: usize = 2;
pub const TOOLS_PER_STEP: usize = 3;
pub const EXPERIENCES_PER_STEP: usize = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct Recommendations {
    pub conditions: Vec<ConditionAdvice>,
    pub pillars: Vec<PillarAdvice>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConditionAdvice {
    pub condition: ConditionId,
    /// Partly in place (some points, not all).
    pub partial: bool,
    /// Numbers of the decálogo principles that serve this condition.
    pub principles: Vec<u32>,
    pub methodologies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PillarAdvice {
    pub pillar: PillarId,
    /// Whether anything counts in the pillar (see `PillarScore::assessed`).
    pub assessed: bool,
    /// Stages reached.
    pub level: usize,
    /// The next stage to reach; `None` when the top stage is reached.
    pub target: Option<StageId>,
    /// Criteria of the target stage without full points.
    pub missing: Vec<CriterionId>,
    /// Missing criteria whose chosen answer carries an improvement text in the model.
    pub feedback: Vec<CriterionId>,
    pub tools: Vec<Pick>,
    pub experiences: Vec<Pick>,
    pub methodologies: Vec<Pick>,
    /// What helps with each missing criterion, in the order of `missing`.
    pub steps: Vec<CriterionAdvice>,
}

/// What helps with one missing criterion: the plan step for it names these. `methodologies` is
/// filled only when no tool and no experience serves the criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionAdvice {
    pub criterion: CriterionId,
    pub tools: Vec<String>,
    pub experiences: Vec<String>,
    pub methodologies: Vec<String>,
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
        criteria: Vec<CriterionId>,
    },
    /// An experience at the target stage (`exact`) or a neighbouring one.
    Experience {
        exact: bool,
        same_band: bool,
        same_country: bool,
    },
    Methodology {
        criteria: Vec<CriterionId>,
    },
}

pub fn recommend(model: &Model, haga: &Haga, assessment: &Assessment, scores: &Scores) -> Recommendations {
    let conditions = scores
        .conditions
        .unmet
        .iter()
        .map(|c| ConditionAdvice {
            condition: c.clone(),
            partial: model.condition(c).is_some_and(|cond| {
                let scale = model.condition_scale(cond);
                assessment
                    .condition_value(c)
                    .and_then(|v| scale.option(v))
                    .is_some_and(|o| matches!(o.value, OptionValue::Points(p) if p > 0 && p < FULL))
            }),
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
            let next = if ps.assessed { ps.next_stage() } else { None };
            let Some(next) = next else {
                return PillarAdvice {
                    pillar: ps.pillar.clone(),
                    assessed: ps.assessed,
                    level: ps.level,
                    target: None,
                    missing: vec![],
                    feedback: vec![],
                    tools: vec![],
                    experiences: vec![],
                    methodologies: vec![],
                    steps: vec![],
                };
            };
            let target = next.stage.clone();
            let missing = next.missing.clone();
            let addressed = |ids: &[CriterionId]| -> Vec<CriterionId> {
                missing.iter().filter(|m| ids.contains(m)).cloned().collect()
            };
            let feedback: Vec<CriterionId> = missing
                .iter()
                .filter(|c| {
                    let criterion = model.criterion(c);
                    let chosen = assessment.value(c);
                    criterion
                        .zip(chosen)
                        .is_some_and(|(cr, v)| model.feedback(cr, v).is_some())
                })
                .cloned()
                .collect();

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
                    let (rank, same_band, same_country) = closeness(assessment, e);
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

            let steps = missing
                .iter()
                .map(|c| criterion_advice(haga, assessment, &ps.pillar, &target, c))
                .collect();
            PillarAdvice {
                pillar: ps.pillar.clone(),
                assessed: ps.assessed,
                level: ps.level,
                steps,
                target: Some(target),
                missing,
                feedback,
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
    let order = |id: &str| model.pillars().iter().position(|p| p.id == *id).unwrap_or(usize::MAX);
    pillars.sort_by(|a, b| a.level.cmp(&b.level).then(order(&a.pillar).cmp(&order(&b.pillar))));
    Recommendations { conditions, pillars }
}

/// How close an experience is to the assessed municipality: a rank (similar size counts more
/// than the same country), and whether the size band and the country are the same.
fn closeness(assessment: &Assessment, e: &Experience) -> (usize, bool, bool) {
    let profile = assessment.profile();
    let distance = profile.population_band.map(|b| b.distance(e.population_band));
    let same_country = !profile.country.is_empty() && profile.country == e.country;
    let rank = match distance {
        Some(0) => 20,
        Some(1) => 10,
        _ => 0,
    } + usize::from(same_country) * 5;
    (rank, distance == Some(0), same_country)
}

/// The tools and experiences that serve one missing criterion of `pillar`'s target stage, or,
/// when there are none, the methodology to run instead (one that works the criterion, else one
/// for the pillar and stage).
pub fn criterion_advice(
    haga: &Haga,
    assessment: &Assessment,
    pillar: &PillarId,
    target: &StageId,
    criterion: &CriterionId,
) -> CriterionAdvice {
    let mut tools: Vec<&Tool> = haga.tools.iter().filter(|t| t.criteria.contains(criterion)).collect();
    tools.sort_by_key(|t| (t.pillar != *pillar, t.stage != *target, t.number));
    let mut experiences: Vec<(usize, &Experience)> = haga
        .experiences
        .iter()
        .filter(|e| e.criteria.contains(criterion))
        .map(|e| (closeness(assessment, e).0, e))
        .collect();
    experiences.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    let methodologies = if tools.is_empty() && experiences.is_empty() {
        let works = haga.methodologies.iter().find(|m| m.criteria.contains(criterion));
        let fits = || {
            haga.methodologies
                .iter()
                .find(|m| m.pillars.contains(pillar) && m.stages.contains(target))
        };
        works.or_else(fits).map(|m| m.id.clone()).into_iter().collect()
    } else {
        vec![]
    };
    CriterionAdvice {
        criterion: criterion.clone(),
        tools: tools.iter().take(TOOLS_PER_STEP).map(|t| t.id.clone()).collect(),
        experiences: experiences
            .iter()
            .take(EXPERIENCES_PER_STEP)
            .map(|(_, e)| e.id.clone())
            .collect(),
        methodologies,
    }
}

#[cfg(test)]
mod tests;
