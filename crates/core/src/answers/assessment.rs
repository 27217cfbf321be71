//! An assessment: a municipality's answers to one model.
//!
//! [`Assessment`] holds the profile, one [`Answer`] per criterion and per enabling condition (an
//! option of the model's scale, a note and an evidence link), the methodology canvases, the
//! action plan and timestamps. Its fields are private: every edit is a [`Change`], a plain value
//! applied by [`Assessment::apply`], which also moves `updated_at`. Because changes are data, a
//! window that finds another window saved first can replay its own unsaved changes on top of
//! the newer version ([`Assessment::rebase`]) instead of overwriting it.
//!
//! Timestamps are ISO 8601 strings supplied by the caller (the browser's clock in the app, fixed
//! strings in tests), which keeps this module free of any clock.

use crate::answers::plan::{Phase, Plan, StepEdit};
use crate::base::ids::{AssessmentId, ConditionId, CriterionId, OptionId};
use crate::content::model::{Criterion, Model, ModelRef};
use crate::content::places::PopulationBand;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Notes and canvas fields longer than this are cut when typed or imported: a file the app
/// makes must always be a file it can read back.
pub const MAX_NOTE_CHARS: usize = 4000;
/// Evidence links longer than this are cut.
pub const MAX_LINK_CHARS: usize = 2000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The chosen option of the criterion's scale; `None` until the team answers.
    pub value: Option<OptionId>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub evidence_url: String,
}

impl Answer {
    pub(crate) fn is_empty(&self) -> bool {
        self.value.is_none() && self.note.is_empty() && self.evidence_url.is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    pub name: String,
    pub role: String,
}

/// Who is assessed and who answered. Only the municipality's name is required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub municipality: String,
    #[serde(default)]
    pub country: String,
    /// Department, province or state.
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub population_band: Option<PopulationBand>,
    /// The date of the assessment, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub respondents: Vec<Respondent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    id: AssessmentId,
    /// The name shown in the list ("Yumbo 2026"); the user can rename it.
    name: String,
    model: ModelRef,
    profile: Profile,
    /// By criterion id. Criteria never touched are absent.
    #[serde(default)]
    answers: BTreeMap<CriterionId, Answer>,
    /// By enabling-condition id.
    #[serde(default)]
    conditions: BTreeMap<ConditionId, Answer>,
    /// Canvas (lienzo) fields the team filled in, by methodology id, then field id.
    #[serde(default)]
    canvases: BTreeMap<String, BTreeMap<String, String>>,
    /// The action plan, once generated.
    #[serde(default)]
    plan: Option<Plan>,
    created_at: String,
    updated_at: String,
    /// The assessment of an earlier model version this one was carried from (see
    /// `answers::upgrade`); the earlier one is kept as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    upgraded_from: Option<AssessmentId>,
}

/// Which part of an answer an edit changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Value(Option<OptionId>),
    Note(String),
    Evidence(String),
}

/// One field of the profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileEdit {
    Municipality(String),
    Country(String),
    Region(String),
    Band(Option<PopulationBand>),
    Date(String),
    /// Sets person `index`'s name and role, adding people up to it if needed.
    Respondent {
        index: usize,
        name: String,
        role: String,
    },
    RemoveRespondent(usize),
}

/// Every way an assessment can change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Answer(CriterionId, Edit),
    Condition(ConditionId, Edit),
    Profile(ProfileEdit),
    /// Sets one canvas field; an emptied field is removed, and so is an emptied canvas.
    Canvas {
        methodology: String,
        field: String,
        text: String,
    },
    /// Sets a list field of a canvas to these entries, one line each (see [`Assessment::canvas_items`]).
    CanvasList {
        methodology: String,
        field: String,
        items: Vec<String>,
    },
    /// Replaces the plan (keeping the team's edits is the caller's job: see `analysis::plan_gen`).
    SetPlan(Plan),
    PlanStep {
        step: String,
        edit: StepEdit,
    },
    /// Adds a step the team wrote to a phase of the plan.
    AddStep {
        phase: Phase,
        title: String,
    },
    /// Removes a step the team wrote.
    RemoveStep(String),
    Rename(String),
}

/// Cuts `s` to at most `max` characters, on a character boundary.
pub fn cut(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

impl Assessment {
    pub fn new(id: AssessmentId, model: &Model, now: &str) -> Self {
        Assessment {
            id,
            name: String::new(),
            model: model.reference(),
            profile: Profile {
                date: date_part(now).to_owned(),
                ..Profile::default()
            },
            answers: BTreeMap::new(),
            conditions: BTreeMap::new(),
            canvases: BTreeMap::new(),
            plan: None,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            upgraded_from: None,
        }
    }

    /// This new assessment with the name, profile and canvases of `old`, which it upgrades.
    pub(crate) fn carried_from(mut self, old: &Assessment, now: &str) -> Assessment {
        self.name.clone_from(&old.name);
        self.profile = old.profile.clone();
        self.canvases = old.canvases.clone();
        self.upgraded_from = Some(old.id.clone());
        self.updated_at = now.to_owned();
        self
    }

    pub(crate) fn put_answer(&mut self, criterion: CriterionId, answer: Answer) {
        self.answers.insert(criterion, answer);
    }

    pub(crate) fn put_condition(&mut self, condition: ConditionId, answer: Answer) {
        self.conditions.insert(condition, answer);
    }

    pub(crate) fn put_plan(&mut self, plan: Plan) {
        self.plan = Some(plan);
    }

    pub fn id(&self) -> &AssessmentId {
        &self.id
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn model(&self) -> &ModelRef {
        &self.model
    }
    pub fn profile(&self) -> &Profile {
        &self.profile
    }
    pub fn answers(&self) -> &BTreeMap<CriterionId, Answer> {
        &self.answers
    }
    pub fn conditions(&self) -> &BTreeMap<ConditionId, Answer> {
        &self.conditions
    }
    pub fn canvases(&self) -> &BTreeMap<String, BTreeMap<String, String>> {
        &self.canvases
    }
    pub fn plan(&self) -> Option<&Plan> {
        self.plan.as_ref()
    }
    pub fn created_at(&self) -> &str {
        &self.created_at
    }
    pub fn updated_at(&self) -> &str {
        &self.updated_at
    }
    /// The assessment of an earlier model version this one was carried from.
    pub fn upgraded_from(&self) -> Option<&AssessmentId> {
        self.upgraded_from.as_ref()
    }

    /// The name to show: the user's, else the municipality and year, else nothing.
    pub fn display_name(&self) -> String {
        if !self.name.trim().is_empty() {
            return self.name.trim().to_owned();
        }
        let year = self.profile.date.get(..4).unwrap_or_default();
        format!("{} {}", self.profile.municipality.trim(), year)
            .trim()
            .to_owned()
    }

    pub fn answer(&self, criterion: &str) -> Option<&Answer> {
        self.answers.get(criterion)
    }

    /// The chosen option for a criterion.
    pub fn value(&self, criterion: &str) -> Option<&OptionId> {
        self.answers.get(criterion).and_then(|a| a.value.as_ref())
    }

    pub fn condition(&self, condition: &str) -> Option<&Answer> {
        self.conditions.get(condition)
    }

    /// The chosen option for an enabling condition.
    pub fn condition_value(&self, condition: &str) -> Option<&OptionId> {
        self.conditions.get(condition).and_then(|a| a.value.as_ref())
    }

    pub fn canvas_field(&self, methodology: &str, field: &str) -> &str {
        self.canvases
            .get(methodology)
            .and_then(|c| c.get(field))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The entries of a list field of a canvas. A list is stored as one line per entry, so
    /// that every reader of a results file (the CSV, a report, an older version of the app)
    /// still shows it as plain text.
    pub fn canvas_items(&self, methodology: &str, field: &str) -> Vec<&str> {
        self.canvas_field(methodology, field)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// Applies one change and stamps the time.
    pub fn apply(&mut self, change: &Change, now: &str) {
        match change {
            Change::Answer(c, edit) => edit_in(&mut self.answers, c.clone(), edit),
            Change::Condition(c, edit) => edit_in(&mut self.conditions, c.clone(), edit),
            Change::Profile(edit) => self.edit_profile(edit),
            Change::Canvas {
                methodology,
                field,
                text,
            } => {
                let canvas = self.canvases.entry(methodology.clone()).or_default();
                if text.trim().is_empty() {
                    canvas.remove(field);
                } else {
                    canvas.insert(field.clone(), cut(text, MAX_NOTE_CHARS));
                }
                if canvas.is_empty() {
                    self.canvases.remove(methodology);
                }
            }
            Change::CanvasList {
                methodology,
                field,
                items,
            } => {
                // An entry is one line: a line break typed or pasted inside it would make two.
                let lines: Vec<String> = items
                    .iter()
                    .map(|i| i.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|i| !i.is_empty())
                    .collect();
                let text = lines.join("\n");
                self.apply(
                    &Change::Canvas {
                        methodology: methodology.clone(),
                        field: field.clone(),
                        text,
                    },
                    now,
                );
            }
            Change::SetPlan(plan) => self.plan = Some(plan.clone()),
            Change::PlanStep { step, edit } => {
                if let Some(plan) = &mut self.plan {
                    plan.edit(step, edit.clone());
                }
            }
            Change::AddStep { phase, title } => {
                if let Some(plan) = &mut self.plan {
                    plan.add_custom(*phase, title);
                }
            }
            Change::RemoveStep(id) => {
                if let Some(plan) = &mut self.plan {
                    plan.remove_custom(id);
                }
            }
            Change::Rename(name) => self.name = cut(name.trim(), 200),
        }
        self.updated_at = now.to_owned();
    }

    fn edit_profile(&mut self, edit: &ProfileEdit) {
        let p = &mut self.profile;
        match edit {
            ProfileEdit::Municipality(v) => p.municipality = cut(v, 200),
            ProfileEdit::Country(v) => p.country = cut(v, 8),
            ProfileEdit::Region(v) => p.region = cut(v, 200),
            ProfileEdit::Band(b) => p.population_band = *b,
            ProfileEdit::Date(v) => p.date = cut(v, 10),
            ProfileEdit::Respondent { index, name, role } => {
                if *index < 500 {
                    if p.respondents.len() <= *index {
                        p.respondents.resize(index + 1, Respondent::default());
                    }
                    if let Some(r) = p.respondents.get_mut(*index) {
                        r.name = cut(name, 200);
                        r.role = cut(role, 200);
                    }
                }
            }
            ProfileEdit::RemoveRespondent(i) => {
                if *i < p.respondents.len() {
                    p.respondents.remove(*i);
                }
            }
        }
    }

    /// This assessment's unsaved `changes`, replayed on `newer` (the version another window
    /// saved): what both touched ends as this window set it, everything else as the other did.
    pub fn rebase(newer: &Assessment, changes: &[Change], now: &str) -> Assessment {
        let mut merged = newer.clone();
        for c in changes {
            merged.apply(c, now);
        }
        merged
    }

    /// How many of the criteria asked (see [`Assessment::is_asked`]) have an answer, of how many.
    pub fn progress(&self, model: &Model) -> (usize, usize) {
        let asked: Vec<&Criterion> = model.criteria().iter().filter(|c| self.is_asked(model, c)).collect();
        (
            asked.iter().filter(|c| self.value(&c.id).is_some()).count(),
            asked.len(),
        )
    }

    /// The first criterion asked and not answered yet, in the walk's order (pillar by pillar,
    /// each pillar's statement questions first, then stage by stage): where "Continuar" leads.
    pub fn first_unanswered<'m>(&self, model: &'m Model) -> Option<&'m Criterion> {
        let order = |c: &Criterion| {
            c.stage
                .as_ref()
                .and_then(|s| model.stage_position(s))
                .map_or(0, |p| p + 1)
        };
        model.pillars().iter().find_map(|p| {
            let mut here: Vec<&Criterion> = model.pillar_criteria(&p.id).collect();
            here.sort_by_key(|c| order(c));
            here.into_iter()
                .find(|c| self.value(&c.id).is_none() && self.is_asked(model, c))
        })
    }

    /// The same, for one pillar × stage cell.
    pub fn cell_progress(&self, model: &Model, pillar: &str, stage: &str) -> (usize, usize) {
        let cell: Vec<_> = model
            .criteria_at(pillar, stage)
            .filter(|c| self.is_asked(model, c))
            .collect();
        (cell.iter().filter(|c| self.value(&c.id).is_some()).count(), cell.len())
    }

    /// Whether a criterion is asked: always, unless it depends on an earlier answer that is not
    /// one of the options it names (or on a criterion that is itself not asked).
    pub fn is_asked(&self, model: &Model, criterion: &Criterion) -> bool {
        let mut current = criterion;
        // `when` always points to an earlier criterion (checked by the model), so this ends;
        // the bound is only a guard.
        for _ in 0..model.criteria().len() {
            let Some(when) = &current.when else { return true };
            let chosen = self.value(&when.criterion);
            if !chosen.is_some_and(|v| when.any_of.contains(v)) {
                return false;
            }
            match model.criterion(&when.criterion) {
                Some(earlier) => current = earlier,
                None => return false,
            }
        }
        false
    }

    /// A copy to reassess later: same profile and answers, new id, new dates, a fresh name.
    pub fn duplicate(&self, id: AssessmentId, now: &str) -> Assessment {
        let mut copy = self.clone();
        copy.id = id;
        copy.name = String::new();
        copy.created_at = now.to_owned();
        copy.updated_at = now.to_owned();
        copy.profile.date = date_part(now).to_owned();
        copy
    }

    /// The same assessment under another id (to keep both when an import clashes).
    pub fn with_id(mut self, id: AssessmentId) -> Assessment {
        self.id = id;
        self
    }

    /// Cuts notes, links and canvas fields that are longer than the app allows, so a file read
    /// once can always be written and read again. Returns whether anything was cut.
    pub fn enforce_limits(&mut self) -> bool {
        let mut cut_any = false;
        let mut limit = |s: &mut String, max: usize| {
            if s.chars().count() > max {
                *s = cut(s, max);
                cut_any = true;
            }
        };
        for a in self.answers.values_mut().chain(self.conditions.values_mut()) {
            limit(&mut a.note, MAX_NOTE_CHARS);
            limit(&mut a.evidence_url, MAX_LINK_CHARS);
        }
        for canvas in self.canvases.values_mut() {
            for v in canvas.values_mut() {
                limit(v, MAX_NOTE_CHARS);
            }
        }
        cut_any
    }
}

fn date_part(now: &str) -> &str {
    now.get(..10).unwrap_or_default()
}

fn edit_in<K: Ord>(map: &mut BTreeMap<K, Answer>, id: K, edit: &Edit) {
    let answer = map.entry(id).or_default();
    match edit {
        Edit::Value(v) => answer.value = v.clone(),
        Edit::Note(n) => answer.note = cut(n, MAX_NOTE_CHARS),
        Edit::Evidence(e) => answer.evidence_url = cut(e.trim(), MAX_LINK_CHARS),
    }
    // Keep the map small and exports clean: an answer emptied again is removed.
    map.retain(|_, a| !a.is_empty());
}

#[cfg(test)]
mod tests;
