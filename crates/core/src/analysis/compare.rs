//! Many municipalities side by side, for an advisor: one [`Row`] per assessment with what is
//! read first (place, date, model, the stage and index of each pillar, the overall reading, the
//! unmet conditions), the latest assessment of each municipality, and what changed between two
//! assessments of the same one.
//!
//! Scores come from `scoring::score` only; the figures a file carries are never trusted.

use crate::analysis::scoring::{points_at, score};
use crate::answers::assessment::{Assessment, Profile};
use crate::answers::plan::{PlanStep, Status};
use crate::base::ids::{AssessmentId, ConditionId, CriterionId, OptionId, PillarId};
use crate::base::text::fold;
use crate::content::model::Model;
use std::collections::BTreeMap;

/// One pillar's reading in a row.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarFigure {
    pub pillar: PillarId,
    /// False when everything asked was answered "left out": no stage, left out of the overall.
    pub assessed: bool,
    /// Stages reached, from 0.
    pub level: usize,
    pub index: f64,
}

/// What an advisor reads first about one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub assessment: AssessmentId,
    pub name: String,
    pub profile: Profile,
    /// The model's id and version, e.g. `mega-ip 1.0.0`.
    pub model: String,
    pub pillars: Vec<PillarFigure>,
    /// The lowest pillar level.
    pub overall_level: usize,
    pub mean_index: f64,
    pub unmet_conditions: Vec<ConditionId>,
    /// Questions answered, of those asked.
    pub answered: usize,
    pub asked: usize,
    /// The municipality's and region's names [`fold`]ed once, for searching many rows as a
    /// person types.
    pub folded_name: String,
    pub folded_region: String,
}

/// The row of one assessment, scored with its model.
pub fn row(model: &Model, a: &Assessment) -> Row {
    let s = score(model, a);
    let (answered, asked) = a.progress(model);
    Row {
        assessment: a.id().clone(),
        name: a.display_name(),
        profile: a.profile().clone(),
        model: format!("{} {}", model.id(), model.version()),
        pillars: s
            .pillars
            .iter()
            .map(|p| PillarFigure {
                pillar: p.pillar.clone(),
                assessed: p.assessed,
                level: p.level,
                index: p.index,
            })
            .collect(),
        overall_level: s.overall_level,
        mean_index: s.mean_index,
        unmet_conditions: s.conditions.unmet.clone(),
        answered,
        asked,
        folded_name: fold(&a.profile().municipality),
        folded_region: fold(&a.profile().region),
    }
}

/// Which municipality an assessment is about: its name without accents, case or extra spaces,
/// and its country. Two assessments with the same key form a history.
pub fn place_key(profile: &Profile) -> String {
    let name = fold(&profile.municipality.split_whitespace().collect::<Vec<_>>().join(" "));
    format!("{name}|{}", profile.country.trim().to_ascii_uppercase())
}

/// Which history an assessment belongs to: the municipality an advisor joined it to by hand
/// (`links`: assessment id → [`place_key`]), or else its own place. A town renamed, or written
/// two ways, is followed as one.
pub fn history_key(r: &Row, links: &BTreeMap<String, String>) -> String {
    links
        .get(r.assessment.as_str())
        .cloned()
        .unwrap_or_else(|| place_key(&r.profile))
}

/// The latest assessment of each municipality (by date; on the same date, the later one in
/// `rows`), in the order their municipalities first appear.
pub fn latest(rows: &[Row]) -> Vec<&Row> {
    latest_linked(rows, &BTreeMap::new())
}

/// The same, with the assessments an advisor joined by hand counted as their municipality's.
pub fn latest_linked<'a>(rows: &'a [Row], links: &BTreeMap<String, String>) -> Vec<&'a Row> {
    let mut best: BTreeMap<String, (usize, &Row)> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let key = history_key(r, links);
        match best.get(&key) {
            Some((_, kept)) if kept.profile.date > r.profile.date => {}
            Some((first, _)) => {
                let first = *first;
                best.insert(key, (first, r));
            }
            None => {
                best.insert(key, (i, r));
            }
        }
    }
    let mut out: Vec<(usize, &Row)> = best.into_values().collect();
    out.sort_by_key(|(first, _)| *first);
    out.into_iter().map(|(_, r)| r).collect()
}

/// How one question's answer moved between two assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    Improved,
    WentBack,
    /// Answered in one of the two only, or moved to or from an option that does not count.
    Changed,
}

/// A question whose answer is not the same in the two assessments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    pub criterion: CriterionId,
    pub before: Option<OptionId>,
    pub after: Option<OptionId>,
    pub movement: Movement,
}

/// What changed between `then` and `now` (same model), question by question, in model order.
/// Better or worse is read from the points each answer earns at its own stage.
pub fn changes(model: &Model, then: &Assessment, now: &Assessment) -> Vec<AnswerChange> {
    model
        .criteria()
        .iter()
        .filter_map(|c| {
            let (before, after) = (then.value(&c.id).cloned(), now.value(&c.id).cloned());
            if before == after {
                return None;
            }
            let position = c.stage.as_ref().and_then(|s| model.stage_position(s)).unwrap_or(0);
            let movement = match (
                before.as_ref().and(points_at(model, then, c, position)),
                after.as_ref().and(points_at(model, now, c, position)),
            ) {
                (Some(b), Some(a)) if a > b => Movement::Improved,
                (Some(b), Some(a)) if a < b => Movement::WentBack,
                _ => Movement::Changed,
            };
            Some(AnswerChange {
                criterion: c.id.clone(),
                before,
                after,
                movement,
            })
        })
        .collect()
}

/// The plan steps done (or met by the results) in `now` that were not yet in `then`: what the
/// team finished between two assessments of the same municipality.
pub fn steps_done_between<'a>(then: &Assessment, now: &'a Assessment) -> Vec<&'a PlanStep> {
    let finished = |s: &PlanStep| s.achieved || s.status == Status::Done;
    let before: Vec<&str> = then
        .plan()
        .map(|p| p.steps.iter().filter(|s| finished(s)).map(|s| s.id.as_str()).collect())
        .unwrap_or_default();
    now.plan()
        .map(|p| {
            p.steps
                .iter()
                .filter(|s| finished(s) && !before.contains(&s.id.as_str()))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::assessment::{Change, Edit, ProfileEdit};
    use crate::testing::*;

    fn assessment(model: &Model, id: &str, name: &str, country: &str, date: &str, yes: usize) -> Assessment {
        let mut a = Assessment::new(id.into(), model, NOW);
        a.apply(&Change::Profile(ProfileEdit::Municipality(name.into())), NOW);
        a.apply(&Change::Profile(ProfileEdit::Country(country.into())), NOW);
        a.apply(&Change::Profile(ProfileEdit::Date(date.into())), NOW);
        for c in model.criteria().iter().take(yes) {
            a.apply(&Change::Answer(c.id.clone(), Edit::Value(Some("yes".into()))), NOW);
        }
        a
    }

    #[test]
    fn a_row_reads_the_scores_from_the_answers() {
        let model = mega();
        let a = assessment(&model, "a-1", "Yumbo", "CO", "2026-03-01", 4);
        let r = row(&model, &a);
        let s = score(&model, &a);
        assert_eq!(r.pillars.len(), model.pillars().len());
        assert_eq!(r.pillars[0].level, s.pillars[0].level);
        assert_eq!(r.mean_index, s.mean_index);
        assert_eq!((r.answered, r.asked), a.progress(&model));
        assert!(r.model.starts_with("mega-ip "));
    }

    #[test]
    fn the_latest_of_each_municipality_ignoring_accents_case_and_spaces() {
        let model = mega();
        let rows: Vec<Row> = [
            assessment(&model, "a-1", "Bogotá", "CO", "2025-03-01", 1),
            assessment(&model, "a-2", "Yumbo", "CO", "2026-01-10", 1),
            assessment(&model, "a-3", " bogota ", "co", "2026-03-01", 1),
            assessment(&model, "a-4", "Bogotá", "CO", "2024-12-01", 1),
            // Another country: another municipality.
            assessment(&model, "a-5", "Bogotá", "PE", "2020-01-01", 1),
        ]
        .iter()
        .map(|a| row(&model, a))
        .collect();
        let ids: Vec<&str> = latest(&rows).iter().map(|r| r.assessment.as_str()).collect();
        assert_eq!(ids, ["a-3", "a-2", "a-5"]);
    }

    #[test]
    fn changes_say_what_improved_and_what_went_back() {
        let model = mega();
        let mut then = assessment(&model, "a-1", "Yumbo", "CO", "2025-03-01", 3);
        let ids: Vec<CriterionId> = model.criteria().iter().map(|c| c.id.clone()).collect();
        then.apply(&Change::Answer(ids[6].clone(), Edit::Value(Some("no".into()))), NOW);
        let mut now = then.duplicate("a-2".into(), NOW);
        now.apply(&Change::Answer(ids[6].clone(), Edit::Value(Some("yes".into()))), NOW);
        now.apply(&Change::Answer(ids[0].clone(), Edit::Value(Some("no".into()))), NOW);
        now.apply(
            &Change::Answer(ids[5].clone(), Edit::Value(Some("partial".into()))),
            NOW,
        );
        now.apply(
            &Change::Answer(ids[1].clone(), Edit::Value(Some("not_applicable".into()))),
            NOW,
        );
        let found: Vec<(String, Movement)> = changes(&model, &then, &now)
            .into_iter()
            .map(|c| (c.criterion.to_string(), c.movement))
            .collect();
        assert_eq!(
            found,
            [
                (ids[0].to_string(), Movement::WentBack),
                (ids[1].to_string(), Movement::Changed),
                (ids[5].to_string(), Movement::Changed),
                (ids[6].to_string(), Movement::Improved),
            ]
        );
    }

    #[test]
    fn steps_done_between_two_dates_are_the_newly_finished_ones() {
        use crate::analysis::{plan_gen, recommend::recommend, scoring::score};
        use crate::answers::plan::StepEdit;
        let model = mega();
        let h = haga();
        let mut then = assessment(&model, "a-1", "Yumbo", "CO", "2025-03-01", 0);
        let plan = plan_gen::generate(&model, &then, &recommend(&model, &h, &then, &score(&model, &then)), NOW);
        let ids: Vec<String> = plan.steps.iter().map(|s| s.id.clone()).collect();
        then.apply(&Change::SetPlan(plan), NOW);
        let done = |step: &str| Change::PlanStep {
            step: step.into(),
            edit: StepEdit::Status(Status::Done),
        };
        then.apply(&done(&ids[0]), NOW);
        let mut now = then.duplicate("a-2".into(), NOW);
        now.apply(&done(&ids[1]), NOW);
        now.apply(&done(&ids[2]), NOW);
        let found: Vec<&str> = steps_done_between(&then, &now).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(found, [ids[1].as_str(), ids[2].as_str()]);
        assert!(steps_done_between(&now, &then).is_empty());
    }

    #[test]
    fn an_assessment_joined_by_hand_is_in_the_other_history() {
        let model = mega();
        let rows: Vec<Row> = [
            assessment(&model, "a-1", "Bogotá", "CO", "2025-03-01", 1),
            assessment(&model, "a-2", "Bogotá D.C.", "CO", "2026-03-01", 1),
            assessment(&model, "a-3", "Yumbo", "CO", "2026-01-10", 1),
        ]
        .iter()
        .map(|a| row(&model, a))
        .collect();
        let ids = |rs: Vec<&Row>| rs.iter().map(|r| r.assessment.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(latest(&rows)), ["a-1", "a-2", "a-3"]);
        let links = BTreeMap::from([("a-2".to_owned(), place_key(&rows[0].profile))]);
        assert_eq!(history_key(&rows[1], &links), history_key(&rows[0], &links));
        assert_eq!(history_key(&rows[2], &links), place_key(&rows[2].profile));
        assert_eq!(ids(latest_linked(&rows, &links)), ["a-2", "a-3"]);
    }
}
