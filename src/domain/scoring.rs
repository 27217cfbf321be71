//! The staged score, implemented once. `docs/scoring.md` states the same rule in words.
//!
//! Per pillar and stage, the applicable criteria are those not marked No aplica. A Sí earns a
//! full point, a Parcial half a point; No and unanswered earn nothing. A stage is *met* when its
//! points reach the model's threshold share of its applicable criteria (70 % for MEGA IP), and it
//! is *reached* when it is met and every lower stage is reached too: the model is a staircase,
//! and a step cannot be skipped. A stage whose criteria are all No aplica is met (nothing is
//! asked of this municipality there).
//!
//! * [`PillarScore::level`]: how many stages are reached (0 = not even the first).
//! * [`PillarScore::index`]: `level` plus the share of points in the next stage, so progress
//!   inside a stage shows (2.4 = two stages reached, 40 % of the third).
//! * [`LineScore`]: points over applicable criteria for each policy line, across pillars.
//! * [`Scores::overall_level`]: the weakest pillar's level (a municipality is as open as its
//!   least open pillar), with [`Scores::mean_index`] beside it.
//!
//! Points are counted in halves (`2 × Sí + Parcial`) so every comparison is exact integer
//! arithmetic: no rounding decides a stage.

use crate::domain::assessment::{Answer, AnswerValue, Assessment};
use crate::domain::model::Model;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scores {
    pub threshold_percent: u32,
    pub pillars: Vec<PillarScore>,
    pub lines: Vec<LineScore>,
    /// The lowest pillar level.
    pub overall_level: usize,
    /// Mean of the pillar indices.
    pub mean_index: f64,
    pub conditions: ConditionSummary,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PillarScore {
    pub pillar: String,
    /// Number of stages reached, from 0 to the number of stages.
    pub level: usize,
    /// `level` + share of points in the next stage; from 0 to the number of stages.
    pub index: f64,
    pub stages: Vec<StageScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageScore {
    pub stage: String,
    pub total: u32,
    pub answered: u32,
    /// Criteria not marked No aplica.
    pub applicable: u32,
    /// Points in halves: 2 per Sí, 1 per Parcial.
    pub half_points: u32,
    /// Whether the points reach the threshold (on its own, regardless of lower stages).
    pub met: bool,
    /// Met, and every lower stage reached.
    pub reached: bool,
    /// Half points still needed to meet this stage (0 when met).
    pub half_points_missing: u32,
    /// Applicable criteria not yet answered Sí: what stands between this stage and being met.
    pub missing: Vec<String>,
}

impl StageScore {
    /// Share of points over applicable criteria, from 0 to 1 (1 when nothing applies).
    pub fn share(&self) -> f64 {
        ratio(self.half_points, self.applicable, 1.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LineScore {
    pub line: String,
    pub total: u32,
    pub applicable: u32,
    pub half_points: u32,
    /// Reached stages' share per pillar is not meaningful across pillars, so lines get a plain
    /// share of points, from 0 to 1.
    pub share: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConditionSummary {
    pub total: u32,
    pub yes: u32,
    pub partial: u32,
    pub no: u32,
    pub unanswered: u32,
    /// Conditions not answered Sí, in model order: the plan starts with these.
    pub unmet: Vec<String>,
}

/// Half points over applicable criteria, rounded to 4 decimals so figures read cleanly in the
/// results file and survive a JSON round trip exactly. Rounding is monotone, so it never turns an
/// improvement into a drop.
fn ratio(half_points: u32, applicable: u32, when_nothing_applies: f64) -> f64 {
    if applicable == 0 {
        when_nothing_applies
    } else {
        round4(f64::from(half_points) / f64::from(2 * applicable))
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Half points one answer earns, and whether it counts at all.
fn points(answer: Option<&Answer>) -> (bool, u32) {
    match answer.and_then(|a| a.value) {
        Some(AnswerValue::NotApplicable) => (false, 0),
        Some(AnswerValue::Yes) => (true, 2),
        Some(AnswerValue::Partial) => (true, 1),
        Some(AnswerValue::No) | None => (true, 0),
    }
}

/// Whether `half_points` out of `applicable` criteria reach `threshold_percent`.
fn meets(half_points: u32, applicable: u32, threshold_percent: u32) -> bool {
    // half_points / (2 × applicable) ≥ threshold / 100, in integers.
    u64::from(half_points) * 100 >= u64::from(threshold_percent) * 2 * u64::from(applicable)
}

/// Smallest number of half points that meets the threshold.
fn half_points_needed(applicable: u32, threshold_percent: u32) -> u32 {
    let num = u64::from(threshold_percent) * 2 * u64::from(applicable);
    num.div_ceil(100) as u32
}

pub fn score(model: &Model, assessment: &Assessment) -> Scores {
    let threshold = model.scoring.threshold_percent;
    let pillars: Vec<PillarScore> = model
        .pillars
        .iter()
        .map(|p| score_pillar(model, assessment, &p.id, threshold))
        .collect();
    let lines = model
        .lines
        .iter()
        .map(|line| {
            let (mut total, mut applicable, mut half_points) = (0, 0, 0);
            for c in model.criteria.iter().filter(|c| c.lines.contains(&line.id)) {
                total += 1;
                let (counts, pts) = points(assessment.answer(&c.id));
                applicable += u32::from(counts);
                half_points += pts;
            }
            let share = ratio(half_points, applicable, 0.0);
            LineScore {
                line: line.id.clone(),
                total,
                applicable,
                half_points,
                share,
            }
        })
        .collect();
    let overall_level = pillars.iter().map(|p| p.level).min().unwrap_or(0);
    let mean_index = if pillars.is_empty() {
        0.0
    } else {
        round4(pillars.iter().map(|p| p.index).sum::<f64>() / pillars.len() as f64)
    };
    Scores {
        threshold_percent: threshold,
        pillars,
        lines,
        overall_level,
        mean_index,
        conditions: summarize_conditions(model, &assessment.conditions),
    }
}

fn score_pillar(model: &Model, assessment: &Assessment, pillar: &str, threshold: u32) -> PillarScore {
    let mut stages = Vec::with_capacity(model.stages.len());
    let mut all_lower_reached = true;
    for stage in &model.stages {
        let (mut total, mut answered, mut applicable, mut half_points) = (0, 0, 0, 0);
        let mut missing = Vec::new();
        for c in model.cell(pillar, &stage.id) {
            total += 1;
            let answer = assessment.answer(&c.id);
            answered += u32::from(answer.is_some_and(|a| a.value.is_some()));
            let (counts, pts) = points(answer);
            applicable += u32::from(counts);
            half_points += pts;
            if counts && pts < 2 {
                missing.push(c.id.clone());
            }
        }
        let met = meets(half_points, applicable, threshold);
        let reached = met && all_lower_reached;
        all_lower_reached = reached;
        let half_points_missing = half_points_needed(applicable, threshold).saturating_sub(half_points);
        stages.push(StageScore {
            stage: stage.id.clone(),
            total,
            answered,
            applicable,
            half_points,
            met,
            reached,
            half_points_missing,
            missing,
        });
    }
    let level = stages.iter().take_while(|s| s.reached).count();
    let index = level as f64 + stages.get(level).map_or(0.0, StageScore::share);
    PillarScore {
        pillar: pillar.to_owned(),
        level,
        index,
        stages,
    }
}

fn summarize_conditions(model: &Model, answers: &BTreeMap<String, Answer>) -> ConditionSummary {
    let mut s = ConditionSummary {
        total: model.conditions.len() as u32,
        ..ConditionSummary::default()
    };
    for c in &model.conditions {
        match answers.get(&c.id).and_then(|a| a.value) {
            Some(AnswerValue::Yes) => s.yes += 1,
            Some(AnswerValue::Partial) => s.partial += 1,
            Some(AnswerValue::No) => s.no += 1,
            Some(AnswerValue::NotApplicable) | None => s.unanswered += 1,
        }
        if answers.get(&c.id).and_then(|a| a.value) != Some(AnswerValue::Yes) {
            s.unmet.push(c.id.clone());
        }
    }
    s
}

impl Scores {
    pub fn pillar(&self, id: &str) -> Option<&PillarScore> {
        self.pillars.iter().find(|p| p.pillar == id)
    }
}

impl PillarScore {
    /// The stage to reach next, if any is left.
    pub fn next_stage(&self) -> Option<&StageScore> {
        self.stages.get(self.level)
    }
}

#[cfg(test)]
mod tests;
