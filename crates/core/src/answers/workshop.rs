//! A workshop as data: a facilitator runs one assessment with a room of officials. Who took part,
//! what each round collected (phones' and colleagues' responses, and the counts of raised cards
//! the facilitator types), and what the group decided for each question, with its provenance.
//!
//! How the votes become a proposed group answer is `analysis::merge`; how a phone's response
//! travels is `exchange::payload`.

use crate::base::ids::{AssessmentId, CriterionId, OptionId, PillarId};
use crate::content::model::{Criterion, Model, ModelRef};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Used when a workshop does not set its own consensus threshold.
pub const DEFAULT_CONSENSUS_PERCENT: u32 = 70;

/// Which questions a workshop asks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Scope {
    /// The pillars asked; empty means every pillar.
    #[serde(default)]
    pub pillars: Vec<PillarId>,
}

impl Scope {
    /// The model's criteria in this scope, in model order.
    pub fn criteria<'m>(&self, model: &'m Model) -> Vec<&'m Criterion> {
        model
            .criteria()
            .iter()
            .filter(|c| self.pillars.is_empty() || self.pillars.contains(&c.pillar))
            .collect()
    }
}

/// One person's answers, from a phone, a file or a colleague's own walk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Response {
    /// A random id the phone made, so a response handed back twice counts once.
    pub participant: String,
    /// Given only when the workshop is not anonymous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    pub answers: BTreeMap<CriterionId, OptionId>,
    /// What the person wants the room to hear about a question (at most
    /// [`MAX_PARTICIPANT_NOTE_CHARS`] characters each).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<CriterionId, String>,
}

/// A participant's note is a sentence or two for the discussion, not a report.
pub const MAX_PARTICIPANT_NOTE_CHARS: usize = 280;

/// Raised cards counted by the facilitator for one question: how many chose each option.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Tally {
    pub counts: BTreeMap<OptionId, u32>,
}

/// One round of voting (Delphi style: the second round asks only the items still divided).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Round {
    pub responses: Vec<Response>,
    #[serde(default)]
    pub tallies: BTreeMap<CriterionId, Tally>,
    /// The questions this round asks; empty means the whole scope (the first round).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<CriterionId>,
}

impl Round {
    /// Adds a response; a participant who hands back again replaces their earlier answers.
    pub fn add(&mut self, response: Response) {
        match self
            .responses
            .iter_mut()
            .find(|r| r.participant == response.participant)
        {
            Some(existing) => *existing = response,
            None => self.responses.push(response),
        }
    }

    /// The participants' notes on one question in this round, in the order they arrived.
    pub fn notes(&self, criterion: &str) -> Vec<&str> {
        self.responses
            .iter()
            .filter_map(|r| r.notes.get(criterion).map(String::as_str))
            .collect()
    }

    /// Every vote for one question in this round: the responses' and the typed tallies'.
    pub fn votes(&self, criterion: &str) -> Vec<(OptionId, u32)> {
        let mut out: BTreeMap<OptionId, u32> = BTreeMap::new();
        for r in &self.responses {
            if let Some(v) = r.answers.get(criterion) {
                *out.entry(v.clone()).or_default() += 1;
            }
        }
        if let Some(t) = self.tallies.get(criterion) {
            for (option, n) in &t.counts {
                let slot = out.entry(option.clone()).or_default();
                *slot = slot.saturating_add(*n);
            }
        }
        out.into_iter().collect()
    }
}

/// How the group settled a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    /// The room agreed by the stated rule; the facilitator confirmed.
    Consensus,
    /// The room was divided; the answer was settled after discussion.
    Discussion,
}

/// What the group recorded for a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Decision {
    pub option: OptionId,
    pub by: DecidedBy,
    /// The round whose votes the decision rests on (1 or 2).
    pub round: u32,
    #[serde(default)]
    pub rationale: String,
    #[serde(default)]
    pub evidence: String,
    /// Views the minutes should record as dissent.
    #[serde(default)]
    pub dissent: String,
}

/// A workshop for one assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Workshop {
    /// A short code participants type or scan (`K7QX2M`).
    pub id: String,
    pub assessment: AssessmentId,
    pub model: ModelRef,
    pub scope: Scope,
    #[serde(default)]
    pub facilitator: String,
    #[serde(default)]
    pub place: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// Participants vote without a name (the default).
    pub anonymous: bool,
    pub consensus_percent: u32,
    pub rounds: Vec<Round>,
    #[serde(default)]
    pub decisions: BTreeMap<CriterionId, Decision>,
}

impl Workshop {
    pub fn new(id: String, assessment: AssessmentId, model: &Model, scope: Scope) -> Self {
        Workshop {
            id,
            assessment,
            model: model.reference(),
            scope,
            facilitator: String::new(),
            place: String::new(),
            date: String::new(),
            anonymous: true,
            consensus_percent: DEFAULT_CONSENSUS_PERCENT,
            rounds: vec![Round::default()],
            decisions: BTreeMap::new(),
        }
    }

    /// The round being collected now (a workshop always has one).
    pub fn current_round(&mut self) -> Option<&mut Round> {
        if self.rounds.is_empty() {
            self.rounds.push(Round::default());
        }
        self.rounds.last_mut()
    }

    /// Starts the next round, asking only `items` (Delphi style: the items still divided).
    /// An empty list asks the whole scope again.
    pub fn next_round(&mut self, items: Vec<CriterionId>) {
        self.rounds.push(Round {
            items,
            ..Round::default()
        });
    }

    /// The questions the current round asks, in model order. A round whose items are none of
    /// the scope's (a hand-edited file) asks the whole scope, so the console is never empty.
    pub fn questions<'m>(&self, model: &'m Model) -> Vec<&'m Criterion> {
        let scope = self.scope.criteria(model);
        let Some(items) = self.rounds.last().map(|r| &r.items).filter(|i| !i.is_empty()) else {
            return scope;
        };
        let asked: Vec<&Criterion> = scope.iter().copied().filter(|c| items.contains(&c.id)).collect();
        if asked.is_empty() {
            scope
        } else {
            asked
        }
    }

    /// The last round that asked this question: its votes are the ones that count.
    pub fn round_for(&self, criterion: &str) -> Option<(usize, &Round)> {
        self.rounds
            .iter()
            .enumerate()
            .rev()
            .find(|(_, r)| r.items.is_empty() || r.items.iter().any(|i| i == criterion))
    }

    /// Every round that asked this question, first to last, with its number (from 1).
    pub fn rounds_for<'w>(&'w self, criterion: &'w str) -> impl Iterator<Item = (usize, &'w Round)> + 'w {
        self.rounds
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.items.is_empty() || r.items.iter().any(|i| i == criterion))
            .map(|(n, r)| (n + 1, r))
    }

    /// How many different people handed back a response, over all rounds.
    pub fn participants(&self) -> usize {
        let mut ids: Vec<&str> = self
            .rounds
            .iter()
            .flat_map(|r| r.responses.iter().map(|x| x.participant.as_str()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}
