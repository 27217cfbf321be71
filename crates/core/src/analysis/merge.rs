//! Merging a room's votes into a proposed group answer, with a consensus flag by a stated rule
//! (`docs/workshop.md`):
//!
//! > There is **consensus** when at least the workshop's threshold (70 % by default) of the votes
//! > cast fall on one option, or — on an ordered scale — on two neighbouring options. Otherwise
//! > the room is **divided** and the item goes to discussion, most divided first.
//!
//! Votes cast are every vote with an option, "No aplica" included. A scale's counting options are
//! ordered by what they are worth (points, or the stage a statement places the answer at); the
//! median is taken over votes for those options. The proposed answer is the consensus option (for
//! two neighbours, the one with more votes, the lower on a tie), else the median.

use crate::answers::workshop::{Round, Workshop};
use crate::base::ids::{CriterionId, OptionId};
use crate::base::locale::Lang;
use crate::content::model::{Criterion, Model};
use crate::content::scale::{OptionValue, Scale};

/// How the votes for one question fall, in the scale's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distribution {
    /// Every option of the scale, in the scale's order, with its votes.
    pub counts: Vec<(OptionId, u32)>,
    /// Votes cast (with an option).
    pub total: u32,
}

impl Distribution {
    /// An option's share of the votes cast, in percent (rounded down).
    pub fn percent(&self, option: &str) -> u32 {
        let n = self.counts.iter().find(|(o, _)| o == option).map_or(0, |c| c.1);
        if self.total == 0 {
            0
        } else {
            u32::try_from(u64::from(n) * 100 / u64::from(self.total)).unwrap_or(100)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Consensus {
    /// At least the threshold on one option.
    One(OptionId),
    /// At least the threshold on two neighbouring options of an ordered scale.
    Neighbours(OptionId, OptionId),
    Divided,
    NoVotes,
}

/// The merged votes of one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub criterion: CriterionId,
    pub distribution: Distribution,
    pub median: Option<OptionId>,
    pub consensus: Consensus,
    pub proposed: Option<OptionId>,
    /// The share (percent) behind the consensus, or the largest single share when divided: the
    /// lower, the more divided.
    pub agreement: u32,
}

/// The scale's counting options in order of worth (lowest first), as positions in the scale's
/// own list; empty when the scale is not ordered (two options worth the same), so neither
/// neighbours nor a median mean anything.
fn ordered(scale: &Scale) -> Vec<usize> {
    let worth = |v: OptionValue| match v {
        OptionValue::Points(p) => Some(u64::from(p)),
        OptionValue::Stage(s) => Some(s as u64),
        OptionValue::LeftOut => None,
    };
    let mut idx: Vec<(u64, usize)> = scale
        .options
        .iter()
        .enumerate()
        .filter_map(|(i, o)| worth(o.value).map(|w| (w, i)))
        .collect();
    idx.sort_unstable();
    if idx.windows(2).any(|w| matches!(w, [a, b] if a.0 == b.0)) {
        return Vec::new();
    }
    idx.into_iter().map(|(_, i)| i).collect()
}

/// Merges the votes `(option, how many)` for one criterion.
pub fn merge_item(model: &Model, criterion: &Criterion, votes: &[(OptionId, u32)], threshold_percent: u32) -> Item {
    let scale = model.scale_of(criterion);
    let counts: Vec<(OptionId, u32)> = scale
        .options
        .iter()
        .map(|o| {
            let n = votes
                .iter()
                .filter(|(v, _)| *v == o.id)
                .map(|(_, n)| *n)
                .fold(0u32, u32::saturating_add);
            (o.id.clone(), n)
        })
        .collect();
    let total = counts.iter().map(|c| c.1).fold(0u32, u32::saturating_add);
    let distribution = Distribution { counts, total };
    let order = ordered(scale);
    let count_at = |i: usize| distribution.counts.get(i).map_or(0, |c| c.1);
    let id_at = |i: usize| distribution.counts.get(i).map(|c| c.0.clone());

    // The lower median of the votes for counting options, walking the scale in order.
    let counted: u64 = order.iter().map(|i| u64::from(count_at(*i))).sum();
    let median = (counted > 0)
        .then(|| {
            let half = counted.div_ceil(2);
            let mut seen = 0u64;
            order.iter().find(|i| {
                seen += u64::from(count_at(**i));
                seen >= half
            })
        })
        .flatten()
        .and_then(|i| id_at(*i));

    let meets = |n: u32| u64::from(n) * 100 >= u64::from(threshold_percent) * u64::from(total);
    let pct = |n: u32| {
        if total == 0 {
            0
        } else {
            u32::try_from(u64::from(n) * 100 / u64::from(total)).unwrap_or(100)
        }
    };
    // The most voted option: on a tie, the one lower on the scale (or first in the list).
    let rank = |i: usize| order.iter().position(|x| *x == i).unwrap_or(usize::MAX);
    let top =
        (0..distribution.counts.len()).max_by(|a, b| count_at(*a).cmp(&count_at(*b)).then(rank(*b).cmp(&rank(*a))));
    let (consensus, proposed, agreement) = match top {
        _ if total == 0 => (Consensus::NoVotes, None, 0),
        Some(t) if meets(count_at(t)) => {
            let id = id_at(t);
            (
                id.clone().map_or(Consensus::Divided, Consensus::One),
                id,
                pct(count_at(t)),
            )
        }
        _ => {
            let best_pair = order
                .windows(2)
                .filter_map(|w| match w {
                    [a, b] => Some((*a, *b, count_at(*a).saturating_add(count_at(*b)))),
                    _ => None,
                })
                .max_by_key(|(_, _, n)| *n);
            match best_pair {
                Some((a, b, n)) if meets(n) => {
                    let pick = if count_at(b) > count_at(a) { b } else { a };
                    match (id_at(a), id_at(b)) {
                        (Some(x), Some(y)) => (Consensus::Neighbours(x, y), id_at(pick), pct(n)),
                        _ => (Consensus::Divided, median.clone(), pct(n)),
                    }
                }
                _ => (Consensus::Divided, median.clone(), top.map_or(0, |t| pct(count_at(t)))),
            }
        }
    };
    Item {
        criterion: criterion.id.clone(),
        distribution,
        median,
        consensus,
        proposed,
        agreement,
    }
}

/// One round's votes for a question, in the scale's order, with the model's labels: "Sí 9 ·
/// No 1". Options nobody chose are left out.
pub fn votes_line(model: &Model, workshop: &Workshop, criterion: &str, round: &Round, lang: Lang) -> String {
    let Some(c) = model.criterion(criterion) else {
        return String::new();
    };
    merge_item(model, c, &round.votes(criterion), workshop.consensus_percent)
        .distribution
        .counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .filter_map(|(o, n)| model.option_of(c, o).map(|x| format!("{} {n}", x.label.get(lang))))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Merges one round of a workshop: every question in its scope.
pub fn merge_round(model: &Model, workshop: &Workshop, round: &Round) -> Vec<Item> {
    workshop
        .scope
        .criteria(model)
        .into_iter()
        .map(|c| merge_item(model, c, &round.votes(&c.id), workshop.consensus_percent))
        .collect()
}

/// The items to discuss: every divided one, most divided first (ties in model order).
pub fn to_discuss(items: &[Item]) -> Vec<&Item> {
    let mut out: Vec<&Item> = items.iter().filter(|i| i.consensus == Consensus::Divided).collect();
    out.sort_by_key(|i| i.agreement);
    out
}

/// Starts a second (or later) round that asks again only the items the current round left
/// divided. Returns how many; with none divided, no round is started and it returns 0.
pub fn start_next_round(model: &Model, workshop: &mut Workshop) -> usize {
    let Some(round) = workshop.rounds.last() else {
        return 0;
    };
    let asked: Vec<&Criterion> = workshop.questions(model);
    let items: Vec<Item> = asked
        .into_iter()
        .map(|c| merge_item(model, c, &round.votes(&c.id), workshop.consensus_percent))
        .collect();
    let divided: Vec<CriterionId> = to_discuss(&items).iter().map(|i| i.criterion.clone()).collect();
    let n = divided.len();
    if n > 0 {
        workshop.next_round(divided);
    }
    n
}

#[cfg(test)]
mod tests;
