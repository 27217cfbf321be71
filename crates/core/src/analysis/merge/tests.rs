//! Merge and consensus on scripted votes.

use super::*;
use crate::answers::workshop::{Response, Scope, Tally, Workshop};
use crate::testing::*;

fn votes(pairs: &[(&str, u32)]) -> Vec<(OptionId, u32)> {
    pairs.iter().map(|(o, n)| (OptionId::new(*o), *n)).collect()
}

fn item(pairs: &[(&str, u32)]) -> Item {
    let model = mega();
    let c = model.criterion("T-INF-1").unwrap().clone();
    merge_item(&model, &c, &votes(pairs), 70)
}

#[test]
fn seventy_percent_on_one_option_is_consensus() {
    let i = item(&[("yes", 14), ("partial", 4), ("no", 2)]);
    assert_eq!(i.consensus, Consensus::One("yes".into()));
    assert_eq!((i.proposed.as_deref(), i.agreement), (Some("yes"), 70));
    assert_eq!(i.distribution.total, 20);
    assert_eq!(i.distribution.percent("partial"), 20);
}

#[test]
fn two_neighbours_together_are_consensus_on_an_ordered_scale() {
    // Sí 8 + Parcial 7 = 75 %; Sí and Parcial are neighbours (1 and ½ points).
    let i = item(&[("yes", 8), ("partial", 7), ("no", 5)]);
    assert_eq!(i.consensus, Consensus::Neighbours("partial".into(), "yes".into()));
    assert_eq!(i.proposed.as_deref(), Some("yes"), "the neighbour with more votes");
    // Sí and No are not neighbours.
    let i = item(&[("yes", 8), ("partial", 3), ("no", 7), ("not_applicable", 2)]);
    assert_eq!(i.consensus, Consensus::Divided);
    assert_eq!(
        i.median.as_deref(),
        Some("partial"),
        "lower median over counting votes: no,no…,partial"
    );
    assert_eq!(i.proposed, i.median);
}

#[test]
fn ties_one_voter_no_votes_and_all_not_applicable() {
    let tie = item(&[("yes", 5), ("no", 5)]);
    assert_eq!(tie.consensus, Consensus::Divided);
    assert_eq!(tie.agreement, 50);
    let one = item(&[("no", 1)]);
    assert_eq!(one.consensus, Consensus::One("no".into()));
    let none = item(&[]);
    assert_eq!(
        (none.consensus, none.proposed, none.median),
        (Consensus::NoVotes, None, None)
    );
    let na = item(&[("not_applicable", 9)]);
    assert_eq!(na.consensus, Consensus::One("not_applicable".into()));
    assert_eq!(na.median, None, "No aplica is not on the scale's order");
    // Neighbour ties: the lower option of the pair is proposed.
    let i = item(&[("yes", 4), ("partial", 4), ("no", 2)]);
    assert_eq!(i.consensus, Consensus::Neighbours("partial".into(), "yes".into()));
    assert_eq!(i.proposed.as_deref(), Some("partial"));
}

#[test]
fn two_hundred_voters_and_the_items_to_discuss_most_divided_first() {
    let model = mega();
    let mut w = Workshop::new(
        "K7QX2M".into(),
        "a-1".into(),
        &model,
        Scope {
            pillars: vec!["transparencia".into()],
        },
    );
    let round = w.current_round().unwrap();
    for p in 0..200u32 {
        let mut r = Response {
            participant: format!("p{p}"),
            ..Response::default()
        };
        r.answers.insert("T-INF-1".into(), "yes".into());
        // T-INF-2 splits 100/100 between Sí and No; T-INF-3 60/40 between No and Parcial.
        r.answers
            .insert("T-INF-2".into(), if p % 2 == 0 { "yes" } else { "no" }.into());
        r.answers
            .insert("T-INF-3".into(), if p % 5 < 3 { "no" } else { "yes" }.into());
        round.add(r);
    }
    // A facilitator's typed tally adds to the phones' votes.
    round.tallies.insert(
        "T-INF-4".into(),
        Tally {
            counts: [("partial".into(), 12), ("no".into(), 3)].into_iter().collect(),
        },
    );
    let round = w.rounds[0].clone();
    let items = merge_round(&model, &w, &round);
    assert_eq!(items.len(), model.pillar_criteria("transparencia").count());
    assert_eq!(items[0].distribution.total, 200);
    assert_eq!(items[0].consensus, Consensus::One("yes".into()));
    assert_eq!(
        items[3].consensus,
        Consensus::One("partial".into()),
        "12 of 15 from the tally"
    );
    let discuss = to_discuss(&items);
    assert_eq!(discuss[0].criterion, "T-INF-2", "the 50/50 split first");
    assert_eq!(discuss[1].criterion, "T-INF-3");
    assert_eq!(w.participants(), 200);
}

#[test]
fn a_participant_handing_back_twice_counts_once_and_rounds_are_kept() {
    let model = mega();
    let mut w = Workshop::new("K7QX2M".into(), "a-1".into(), &model, Scope::default());
    let mut r = Response {
        participant: "p1".into(),
        ..Response::default()
    };
    r.answers.insert("T-INF-1".into(), "no".into());
    w.current_round().unwrap().add(r.clone());
    r.answers.insert("T-INF-1".into(), "yes".into());
    w.current_round().unwrap().add(r.clone());
    assert_eq!(w.rounds[0].votes("T-INF-1"), votes(&[("yes", 1)]));
    w.next_round(vec![]);
    r.answers.insert("T-INF-1".into(), "partial".into());
    w.current_round().unwrap().add(r);
    assert_eq!(w.rounds.len(), 2);
    assert_eq!(
        w.rounds[0].votes("T-INF-1"),
        votes(&[("yes", 1)]),
        "the first round is kept"
    );
    assert_eq!(w.rounds[1].votes("T-INF-1"), votes(&[("partial", 1)]));
}

#[test]
fn a_second_round_asks_only_the_divided_items_and_keeps_the_first() {
    let model = mega();
    let mut w = Workshop::new("K7QX2M".into(), "a-1".into(), &model, Scope::default());
    let tally = |pairs: &[(&str, u32)]| Tally {
        counts: pairs.iter().map(|(o, n)| (OptionId::new(*o), *n)).collect(),
    };
    let first = w.current_round().unwrap();
    first.tallies.insert("T-INF-1".into(), tally(&[("yes", 9), ("no", 1)]));
    first.tallies.insert("T-INF-2".into(), tally(&[("yes", 5), ("no", 5)]));
    let asked = w.questions(&model).len();

    assert_eq!(start_next_round(&model, &mut w), 1, "only T-INF-2 is divided");
    assert_eq!(w.rounds.len(), 2);
    let now: Vec<&str> = w.questions(&model).iter().map(|c| c.id.as_str()).collect();
    assert_eq!(now, ["T-INF-2"]);
    assert_eq!(
        w.round_for("T-INF-1").map(|r| r.0),
        Some(0),
        "a settled item keeps its votes"
    );
    assert_eq!(w.round_for("T-INF-2").map(|r| r.0), Some(1));
    let numbers: Vec<usize> = w.rounds_for("T-INF-2").map(|r| r.0).collect();
    assert_eq!(numbers, [1, 2], "both rounds are kept for the flagged item");
    assert!(asked > 1);

    // With no votes yet, nothing in the second round is divided: no third round starts.
    assert_eq!(start_next_round(&model, &mut w), 0);
    assert_eq!(w.rounds.len(), 2);

    // A round naming no question of the scope (a hand-edited file) asks the whole scope.
    w.next_round(vec!["NO-SUCH-1".into()]);
    assert_eq!(w.questions(&model).len(), asked);
}

#[test]
fn a_statement_question_orders_by_stage_and_an_unordered_scale_has_no_neighbours() {
    let model = parse(&{
        let mut f = synthetic(4, 1, &[1], 70);
        let mut fits = criterion("fits", "p0", None);
        fits.options = Some(vec![
            option("s1", None, Some("s1"), true),
            option("s3", None, Some("s3"), true),
            option("s2", None, Some("s2"), true),
        ]);
        f.criteria.push(fits);
        let mut same = criterion("same", "p0", Some("s0"));
        same.options = Some(vec![
            option("a", Some(1.0), None, true),
            option("b", Some(1.0), None, true),
        ]);
        f.criteria.push(same);
        f
    });
    let fits = model.criterion("fits").unwrap();
    // s2 and s3 are neighbours by stage, though not in the list.
    let i = merge_item(&model, fits, &votes(&[("s3", 4), ("s2", 4), ("s1", 2)]), 70);
    assert_eq!(i.consensus, Consensus::Neighbours("s2".into(), "s3".into()));
    let same = model.criterion("same").unwrap();
    let i = merge_item(&model, same, &votes(&[("a", 6), ("b", 4)]), 70);
    assert_eq!((i.consensus, i.median), (Consensus::Divided, None));
}
