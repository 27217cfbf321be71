//! The staged score, implemented once. `docs/scoring.md` states the same rule in words.
//!
//! Per pillar and stage, the criteria that *count* are those asked (a conditional criterion
//! whose condition does not hold is skipped) and not answered with an option that is left out
//! (No aplica). Each counting criterion earns the points of its answer (Sí 1, Parcial ½, No or
//! unanswered 0 in MEGA IP); a "which statement fits best?" question earns a full point at every
//! stage up to the one its answer names, and nothing above. A stage is *met* when its points
//! reach the model's threshold share of what counts (70 % for MEGA IP), and *reached* when it is
//! met and every lower stage is reached too: a step cannot be skipped. A floor stage is always
//! reached. A stage where nothing counts is met (nothing is asked of this municipality there); a
//! pillar where nothing counts at all has no stage and is left out of the overall reading.
//!
//! * [`PillarScore::level`]: how many stages are reached (0 = not even the first).
//! * [`PillarScore::index`]: `level` plus the share of points in the next stage.
//! * [`LineScore`]: points over what counts for each policy line, across pillars.
//! * [`Scores::overall_level`]: the weakest pillar's level, with [`Scores::mean_index`].
//!
//! Points are counted in thousandths, so every comparison is exact integer arithmetic. The work
//! is linear in the number of criteria: each is visited once per stage it counts at.

use crate::answers::assessment::Assessment;
use crate::base::ids::{ConditionId, CriterionId, LineId, PillarId, StageId};
use crate::content::model::{Criterion, Model};
use crate::content::scale::{OptionValue, FULL};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
    pub pillar: PillarId,
    /// Whether anything counts in this pillar. When every criterion asked is answered "left out"
    /// (No aplica), the pillar has no stage: its level and index are 0 and it is left out of the
    /// overall reading.
    pub assessed: bool,
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
    pub stage: StageId,
    /// Criteria asked at this stage.
    pub total: u32,
    pub answered: u32,
    /// Criteria that count: asked and not left out.
    pub applicable: u32,
    /// Points earned, in thousandths of a point.
    pub points: u32,
    /// Whether the points reach the threshold (on its own, regardless of lower stages).
    pub met: bool,
    /// Met, and every lower stage reached.
    pub reached: bool,
    /// Thousandths of a point still needed to meet this stage (0 when met), rounded up to what
    /// answers can give (`Model::point_step`).
    pub points_missing: u32,
    /// Criteria that count and do not have full points: what stands between this stage and
    /// being met.
    pub missing: Vec<CriterionId>,
}

impl StageScore {
    /// Share of points over what counts, from 0 to 1 (1 when nothing counts).
    pub fn share(&self) -> f64 {
        ratio(self.points, self.applicable, 1.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LineScore {
    pub line: LineId,
    pub total: u32,
    pub applicable: u32,
    /// Thousandths of a point.
    pub points: u32,
    /// A plain share of points, from 0 to 1.
    pub share: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConditionSummary {
    pub total: u32,
    /// Answered with full points.
    pub met: u32,
    /// Answered with some points.
    pub partial: u32,
    /// Answered with none.
    pub not_met: u32,
    pub unanswered: u32,
    /// Conditions without full points, in model order: the plan starts with these.
    pub unmet: Vec<ConditionId>,
}

/// Points over what counts, rounded to 4 decimals so figures read cleanly in the results file
/// and survive a JSON round trip exactly. Rounding is monotone.
fn ratio(points: u32, applicable: u32, when_nothing_counts: f64) -> f64 {
    if applicable == 0 {
        when_nothing_counts
    } else {
        round4(f64::from(points) / (f64::from(FULL) * f64::from(applicable)))
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// What one criterion's answer earns at the stage at `position`: `None` when it does not count.
pub fn points_at(model: &Model, assessment: &Assessment, c: &Criterion, position: usize) -> Option<u32> {
    if !assessment.is_asked(model, c) {
        return None;
    }
    let Some(chosen) = assessment.value(&c.id) else {
        return Some(0);
    };
    match model.option_of(c, chosen).map(|o| o.value) {
        Some(OptionValue::Points(p)) => Some(p.min(FULL)),
        Some(OptionValue::Stage(s)) => Some(if position <= s { FULL } else { 0 }),
        Some(OptionValue::LeftOut) => None,
        // An option the scale does not have (an import is checked against this) earns nothing.
        None => Some(0),
    }
}

/// Whether `points` out of `applicable` criteria reach `threshold_percent`.
fn meets(points: u32, applicable: u32, threshold_percent: u32) -> bool {
    // points / (FULL × applicable) ≥ threshold / 100, in integers.
    u64::from(points) * 100 >= u64::from(threshold_percent) * u64::from(FULL) * u64::from(applicable)
}

/// Smallest number of points (thousandths) that meets the threshold.
fn points_needed(applicable: u32, threshold_percent: u32) -> u32 {
    let num = u64::from(threshold_percent) * u64::from(FULL) * u64::from(applicable);
    u32::try_from(num.div_ceil(100)).unwrap_or(u32::MAX)
}

#[derive(Default, Clone)]
struct Tally {
    total: u32,
    answered: u32,
    applicable: u32,
    points: u32,
    missing: Vec<CriterionId>,
}

pub fn score(model: &Model, assessment: &Assessment) -> Scores {
    let threshold = model.threshold_percent();
    let n_stages = model.stages().len();
    let pillar_pos: HashMap<&str, usize> = model
        .pillars()
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let stage_pos: HashMap<&str, usize> = model
        .stages()
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let line_pos: HashMap<&str, usize> = model
        .lines()
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let mut cells = vec![vec![Tally::default(); n_stages]; model.pillars().len()];
    let mut lines = vec![Tally::default(); model.lines().len()];

    for c in model.criteria() {
        let Some(row) = pillar_pos.get(c.pillar.as_str()).and_then(|p| cells.get_mut(*p)) else {
            continue;
        };
        let positions: Vec<usize> = match &c.stage {
            Some(s) => stage_pos.get(s.as_str()).copied().into_iter().collect(),
            None => (0..n_stages)
                .filter(|p| model.stage_at(*p).is_some_and(|s| !s.floor))
                .collect(),
        };
        let asked = assessment.is_asked(model, c);
        let answered = asked && assessment.value(&c.id).is_some();
        for &pos in &positions {
            let Some(t) = row.get_mut(pos) else { continue };
            if !asked {
                continue;
            }
            t.total += 1;
            t.answered += u32::from(answered);
            if let Some(p) = points_at(model, assessment, c, pos) {
                t.applicable += 1;
                t.points += p;
                if p < FULL {
                    t.missing.push(c.id.clone());
                }
            }
        }
        // Lines count a criterion once, at its own stage (statements: at their best stage).
        let line_points = match &c.stage {
            Some(s) => stage_pos
                .get(s.as_str())
                .and_then(|p| points_at(model, assessment, c, *p)),
            None => positions.first().and_then(|p| points_at(model, assessment, c, *p)),
        };
        for l in &c.lines {
            if let Some(t) = line_pos.get(l.as_str()).and_then(|i| lines.get_mut(*i)) {
                if asked {
                    t.total += 1;
                }
                if let Some(p) = line_points {
                    t.applicable += 1;
                    t.points += p;
                }
            }
        }
    }

    let pillars: Vec<PillarScore> = model
        .pillars()
        .iter()
        .zip(cells)
        .map(|(p, row)| score_pillar(model, p.id.clone(), row, threshold))
        .collect();
    let lines = model
        .lines()
        .iter()
        .zip(lines)
        .map(|(l, t)| LineScore {
            line: l.id.clone(),
            total: t.total,
            applicable: t.applicable,
            points: t.points,
            share: ratio(t.points, t.applicable, 0.0),
        })
        .collect();
    // Pillars where nothing counts neither lower nor raise the overall reading.
    let assessed: Vec<&PillarScore> = pillars.iter().filter(|p| p.assessed).collect();
    let overall_level = assessed.iter().map(|p| p.level).min().unwrap_or(0);
    let mean_index = if assessed.is_empty() {
        0.0
    } else {
        round4(assessed.iter().map(|p| p.index).sum::<f64>() / assessed.len() as f64)
    };
    Scores {
        threshold_percent: threshold,
        pillars,
        lines,
        overall_level,
        mean_index,
        conditions: summarize_conditions(model, assessment),
    }
}

fn score_pillar(model: &Model, pillar: PillarId, row: Vec<Tally>, threshold: u32) -> PillarScore {
    let mut stages = Vec::with_capacity(row.len());
    let mut all_lower_reached = true;
    for (stage, t) in model.stages().iter().zip(row) {
        let met = stage.floor || meets(t.points, t.applicable, threshold);
        let reached = met && all_lower_reached;
        all_lower_reached = reached;
        let points_missing = if stage.floor {
            0
        } else {
            let short = points_needed(t.applicable, threshold).saturating_sub(t.points);
            let step = model.point_step().max(1);
            short.div_ceil(step).saturating_mul(step)
        };
        stages.push(StageScore {
            stage: stage.id.clone(),
            total: t.total,
            answered: t.answered,
            applicable: t.applicable,
            points: t.points,
            met,
            reached,
            points_missing,
            missing: t.missing,
        });
    }
    let assessed = stages.iter().any(|s| s.applicable > 0) || model.criteria().is_empty();
    let (level, index) = if assessed {
        let level = stages.iter().take_while(|s| s.reached).count();
        (level, level as f64 + stages.get(level).map_or(0.0, StageScore::share))
    } else {
        (0, 0.0)
    };
    PillarScore {
        pillar,
        assessed,
        level,
        index,
        stages,
    }
}

fn summarize_conditions(model: &Model, assessment: &Assessment) -> ConditionSummary {
    let mut s = ConditionSummary {
        total: u32::try_from(model.conditions().len()).unwrap_or(u32::MAX),
        ..ConditionSummary::default()
    };
    for c in model.conditions() {
        let scale = model.condition_scale(c);
        let value = assessment
            .condition_value(&c.id)
            .and_then(|v| scale.option(v))
            .map(|o| o.value);
        match value {
            Some(OptionValue::Points(FULL)) => s.met += 1,
            Some(OptionValue::Points(0)) => s.not_met += 1,
            Some(OptionValue::Points(_)) => s.partial += 1,
            _ => s.unanswered += 1,
        }
        if value != Some(OptionValue::Points(FULL)) {
            s.unmet.push(c.id.clone());
        }
    }
    s
}

impl Scores {
    pub fn pillar(&self, id: &str) -> Option<&PillarScore> {
        self.pillars.iter().find(|p| p.pillar == *id)
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
