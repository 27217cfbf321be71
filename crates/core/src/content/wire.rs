//! The model file, format 2, as it is written on disk (`docs/model-format.md` explains every
//! field with a worked example). These are wire types: plain, serde-shaped, and turned into a
//! validated [`crate::content::model::Model`] by `Model::parse`. The JSON Schema in
//! `schema/model.schema.json` is generated from them.

use crate::base::ids::*;
use crate::base::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    /// Always 2 for this format.
    #[cfg_attr(test, schemars(range(min = 2, max = 2)))]
    pub format: u32,
    pub id: String,
    pub version: String,
    /// Language codes every required text must have (`es`, `en`…).
    #[cfg_attr(test, schemars(length(min = 1, max = 16)))]
    pub languages: Vec<String>,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<ScoringFile>,
    /// The answer scales. A criterion or condition that names none uses the first.
    #[cfg_attr(test, schemars(length(min = 1)))]
    pub scales: Vec<ScaleFile>,
    /// In order, from the least to the most citizen power. The first may be a floor.
    #[cfg_attr(test, schemars(length(min = 1)))]
    pub stages: Vec<StageFile>,
    #[cfg_attr(test, schemars(length(min = 1)))]
    pub pillars: Vec<PillarFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<LineFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<FrameworkFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<ConditionFile>,
    pub criteria: Vec<CriterionFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoringFile {
    /// A stage is met when its points reach this share (1–100) of what counts there.
    #[cfg_attr(test, schemars(range(min = 1, max = 100)))]
    pub threshold_percent: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScaleFile {
    pub id: ScaleId,
    #[cfg_attr(test, schemars(length(min = 1)))]
    pub options: Vec<OptionFile>,
}

/// One answer option. Exactly one of: `points` (0–1), `stage` (a "which statement fits best?"
/// option), or `"counts": false` (left out of the count).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OptionFile {
    pub id: OptionId,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, schemars(range(min = 0.0, max = 1.0)))]
    pub points: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<StageId>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub counts: bool,
    /// An improvement text shown when this option is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Text>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageFile {
    pub id: StageId,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// What the government promises the public at this stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promise: Option<Text>,
    /// The stage where everyone starts: it has no criteria and is always reached. Only the first.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub floor: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PillarFile {
    pub id: PillarId,
    /// A one-letter or short code (`T`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LineFile {
    pub id: LineId,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FrameworkFile {
    pub id: FrameworkId,
    pub name: Text,
    /// An http(s) address; anything else is refused.
    #[cfg_attr(test, schemars(regex(pattern = r"^\s*[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+")))]
    pub url: String,
    /// The country whose law or rule this is (ISO 3166-1 alpha-2), absent for international
    /// frameworks; a criterion shows the profile's country first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConditionFile {
    pub id: ConditionId,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub question: Text,
    /// A scale with points (no statements); the first scale when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CriterionFile {
    pub id: CriterionId,
    pub pillar: PillarId,
    /// The stage this criterion is counted at. Absent for a "which statement fits best?"
    /// question, whose options place the answer at a stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<StageId>,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<LineId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<FrameworkId>,
    /// A scale of the model; the first when neither this nor `options` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleId>,
    /// This question's own options, instead of a shared scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, schemars(length(min = 1)))]
    pub options: Option<Vec<OptionFile>>,
    /// Improvement texts for this question, by option id (they take precedence over the
    /// option's own feedback).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub feedback: BTreeMap<OptionId, Text>,
    /// Asked only when an earlier criterion's answer is one of these options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<WhenFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WhenFile {
    pub criterion: CriterionId,
    pub any_of: Vec<OptionId>,
}
