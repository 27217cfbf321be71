//! Model files of format 1, read forever.
//!
//! Format 1 had one closed answer scale (Sí / Parcial / No / No aplica for criteria, Sí /
//! Parcial / No for conditions) and every text required. [`ModelV1`] is that format's shape,
//! frozen: it must never change, because a format-1 model is identified by the hash of exactly
//! this shape re-serialized ([`ModelV1::legacy_hash`]), and results files made with it carry that
//! hash. [`ModelV1::into_format2`] writes the implicit scale out as data.

use crate::base::ids::{OptionId, ScaleId};
use crate::base::text::Text;
use crate::content::wire::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The scale every format-1 criterion used, and the one its conditions used.
pub const CRITERION_SCALE: &str = "yes-partial-no-na";
pub const CONDITION_SCALE: &str = "yes-partial-no";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelV1 {
    pub format: u32,
    pub id: String,
    pub version: String,
    pub languages: Vec<String>,
    pub name: Text,
    pub description: Text,
    #[serde(default)]
    pub scoring: ScoringV1,
    pub stages: Vec<StageV1>,
    pub pillars: Vec<PillarV1>,
    #[serde(default)]
    pub lines: Vec<LineV1>,
    #[serde(default)]
    pub frameworks: Vec<FrameworkV1>,
    #[serde(default)]
    pub conditions: Vec<ConditionV1>,
    pub criteria: Vec<CriterionV1>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringV1 {
    pub threshold_percent: u32,
}

impl Default for ScoringV1 {
    fn default() -> Self {
        ScoringV1 { threshold_percent: 70 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageV1 {
    pub id: String,
    pub name: Text,
    pub description: Text,
    #[serde(default)]
    pub promise: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PillarV1 {
    pub id: String,
    #[serde(default)]
    pub short: String,
    pub name: Text,
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineV1 {
    pub id: String,
    pub name: Text,
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkV1 {
    pub id: String,
    pub name: Text,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionV1 {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub question: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionV1 {
    pub id: String,
    pub pillar: String,
    pub stage: String,
    pub text: Text,
    pub help: Text,
    #[serde(default)]
    pub evidence: Vec<Text>,
    #[serde(default)]
    pub lines: Vec<String>,
    #[serde(default)]
    pub frameworks: Vec<String>,
}

/// The labels of the format-1 scale, in the languages format-1 files were written in.
const LABELS: [(&str, &str, &str); 4] = [
    ("yes", "Sí", "Yes"),
    ("partial", "Parcial", "Partly"),
    ("no", "No", "No"),
    ("not_applicable", "No aplica", "Not applicable"),
];

fn option(i: usize, points: Option<f64>, counts: bool) -> OptionFile {
    let (id, es, en) = LABELS.get(i).copied().unwrap_or(("", "", ""));
    OptionFile {
        id: OptionId::new(id),
        label: Text::new(es, en),
        points,
        stage: None,
        counts,
        feedback: None,
    }
}

fn present(t: Text) -> Option<Text> {
    let filled = t.all().any(|s| !s.trim().is_empty());
    filled.then_some(t)
}

impl ModelV1 {
    /// The identity results files carry for this model: the SHA-256 of this exact shape
    /// re-serialized, as every earlier version of the app computed it.
    pub fn legacy_hash(&self) -> String {
        let canonical = serde_json::to_string(self).unwrap_or_default();
        hex_hash(canonical.as_bytes())
    }

    /// The same model in format 2, with its implicit scales written out.
    pub fn into_format2(self) -> ModelFile {
        let yes_partial_no = vec![
            option(0, Some(1.0), true),
            option(1, Some(0.5), true),
            option(2, Some(0.0), true),
        ];
        let mut with_na = yes_partial_no.clone();
        with_na.push(option(3, None, false));
        ModelFile {
            format: 2,
            id: self.id,
            version: self.version,
            languages: self.languages,
            name: self.name,
            description: present(self.description),
            scoring: Some(ScoringFile {
                threshold_percent: self.scoring.threshold_percent,
            }),
            scales: vec![
                ScaleFile {
                    id: ScaleId::new(CRITERION_SCALE),
                    options: with_na,
                },
                ScaleFile {
                    id: ScaleId::new(CONDITION_SCALE),
                    options: yes_partial_no,
                },
            ],
            stages: self
                .stages
                .into_iter()
                .map(|s| StageFile {
                    id: s.id.into(),
                    name: s.name,
                    description: present(s.description),
                    promise: present(s.promise),
                    floor: false,
                })
                .collect(),
            pillars: self
                .pillars
                .into_iter()
                .map(|p| PillarFile {
                    id: p.id.into(),
                    short: (!p.short.is_empty()).then_some(p.short),
                    name: p.name,
                    description: present(p.description),
                })
                .collect(),
            lines: self
                .lines
                .into_iter()
                .map(|l| LineFile {
                    id: l.id.into(),
                    name: l.name,
                    description: present(l.description),
                })
                .collect(),
            frameworks: self
                .frameworks
                .into_iter()
                .map(|f| FrameworkFile {
                    id: f.id.into(),
                    name: f.name,
                    url: f.url,
                    country: None,
                })
                .collect(),
            conditions: self
                .conditions
                .into_iter()
                .map(|c| ConditionFile {
                    id: c.id.into(),
                    name: c.name,
                    description: present(c.description),
                    question: c.question,
                    scale: Some(ScaleId::new(CONDITION_SCALE)),
                })
                .collect(),
            criteria: self
                .criteria
                .into_iter()
                .map(|c| CriterionFile {
                    id: c.id.into(),
                    pillar: c.pillar.into(),
                    stage: Some(c.stage.into()),
                    text: c.text,
                    help: present(c.help),
                    evidence: c.evidence,
                    lines: c.lines.into_iter().map(Into::into).collect(),
                    frameworks: c.frameworks.into_iter().map(Into::into).collect(),
                    scale: None,
                    options: None,
                    feedback: Default::default(),
                    when: None,
                })
                .collect(),
        }
    }
}

/// `sha256:` and the hex digest.
pub fn hex_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in digest {
        for nibble in [b >> 4, b & 15] {
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    out
}
