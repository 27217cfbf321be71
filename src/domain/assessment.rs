//! An assessment: a municipality's answers to one model, and the set of assessments kept on the
//! device.
//!
//! [`Assessment`] holds the profile, one [`Answer`] per criterion (Sí / Parcial / No / No aplica,
//! a note and an evidence link), the enabling-condition checklist, and timestamps. Every edit
//! goes through a method here that also moves `updated_at`, so the UI can save after any change
//! without knowing what changed. [`Workspace`] is the list the user sees: create, open,
//! duplicate (to reassess next year), rename, delete, and add an imported one.
//!
//! Timestamps are ISO 8601 strings supplied by the caller (the browser's clock in the app, fixed
//! strings in tests), which keeps this module free of any clock.

use crate::domain::model::{Model, ModelRef};
use crate::domain::plan::{Plan, StepEdit};
use crate::domain::prefs::Lang;
use crate::domain::storage::Key;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where the assessments live in storage. Version 2 added canvases and the plan; a device that
/// only has version 1 is read from [`ASSESSMENTS_KEY_V1`] (the same shape minus those fields).
pub const ASSESSMENTS_KEY: Key = Key::new("assessments", 2);
pub const ASSESSMENTS_KEY_V1: Key = Key::new("assessments", 1);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnswerValue {
    Yes,
    Partial,
    No,
    NotApplicable,
}

impl AnswerValue {
    pub const ALL: [AnswerValue; 4] = [
        AnswerValue::Yes,
        AnswerValue::Partial,
        AnswerValue::No,
        AnswerValue::NotApplicable,
    ];
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// `None` until the team answers.
    pub value: Option<AnswerValue>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub evidence_url: String,
}

impl Answer {
    fn is_empty(&self) -> bool {
        self.value.is_none() && self.note.is_empty() && self.evidence_url.is_empty()
    }
}

/// Population size bands, for comparing with similar municipalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub enum PopulationBand {
    #[serde(rename = "lt20k")]
    Under20k,
    #[serde(rename = "20k-100k")]
    From20kTo100k,
    #[serde(rename = "100k-500k")]
    From100kTo500k,
    #[serde(rename = "500k-1m")]
    From500kTo1m,
    #[serde(rename = "gt1m")]
    Over1m,
}

impl PopulationBand {
    pub const ALL: [PopulationBand; 5] = [
        PopulationBand::Under20k,
        PopulationBand::From20kTo100k,
        PopulationBand::From100kTo500k,
        PopulationBand::From500kTo1m,
        PopulationBand::Over1m,
    ];

    /// The id used in files (`lt20k`, `20k-100k`…).
    pub fn id(self) -> &'static str {
        match self {
            PopulationBand::Under20k => "lt20k",
            PopulationBand::From20kTo100k => "20k-100k",
            PopulationBand::From100kTo500k => "100k-500k",
            PopulationBand::From500kTo1m => "500k-1m",
            PopulationBand::Over1m => "gt1m",
        }
    }

    pub fn from_id(id: &str) -> Option<PopulationBand> {
        PopulationBand::ALL.into_iter().find(|b| b.id() == id)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PopulationBand::Under20k, Lang::Es) => "Menos de 20 000 habitantes",
            (PopulationBand::Under20k, Lang::En) => "Under 20,000 inhabitants",
            (PopulationBand::From20kTo100k, Lang::Es) => "De 20 000 a 100 000 habitantes",
            (PopulationBand::From20kTo100k, Lang::En) => "20,000 to 100,000 inhabitants",
            (PopulationBand::From100kTo500k, Lang::Es) => "De 100 000 a 500 000 habitantes",
            (PopulationBand::From100kTo500k, Lang::En) => "100,000 to 500,000 inhabitants",
            (PopulationBand::From500kTo1m, Lang::Es) => "De 500 000 a 1 millón de habitantes",
            (PopulationBand::From500kTo1m, Lang::En) => "500,000 to 1 million inhabitants",
            (PopulationBand::Over1m, Lang::Es) => "Más de 1 millón de habitantes",
            (PopulationBand::Over1m, Lang::En) => "Over 1 million inhabitants",
        }
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
    pub id: String,
    /// The name shown in the list ("Yumbo 2026"); the user can rename it.
    pub name: String,
    pub model: ModelRef,
    pub profile: Profile,
    /// By criterion id. Criteria never touched are absent.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// By enabling-condition id.
    #[serde(default)]
    pub conditions: BTreeMap<String, Answer>,
    /// Canvas (lienzo) fields the team filled in, by methodology id, then field id.
    #[serde(default)]
    pub canvases: BTreeMap<String, BTreeMap<String, String>>,
    /// The action plan, once generated.
    #[serde(default)]
    pub plan: Option<Plan>,
    pub created_at: String,
    pub updated_at: String,
}

/// Which part of an answer an edit changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Value(Option<AnswerValue>),
    Note(String),
    Evidence(String),
}

impl Assessment {
    pub fn new(id: String, model: &Model, now: &str) -> Self {
        Assessment {
            id,
            name: String::new(),
            model: model.reference(),
            profile: Profile {
                date: now.get(..10).unwrap_or_default().to_owned(),
                ..Profile::default()
            },
            answers: BTreeMap::new(),
            conditions: BTreeMap::new(),
            canvases: BTreeMap::new(),
            plan: None,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
        }
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

    pub fn value(&self, criterion: &str) -> Option<AnswerValue> {
        self.answers.get(criterion).and_then(|a| a.value)
    }

    pub fn edit_answer(&mut self, criterion: &str, edit: Edit, now: &str) {
        edit_in(&mut self.answers, criterion, edit);
        self.touch(now);
    }

    pub fn edit_condition(&mut self, condition: &str, edit: Edit, now: &str) {
        edit_in(&mut self.conditions, condition, edit);
        self.touch(now);
    }

    pub fn edit_profile(&mut self, now: &str, change: impl FnOnce(&mut Profile)) {
        change(&mut self.profile);
        self.touch(now);
    }

    /// Sets one canvas field; an emptied field is removed, and so is an emptied canvas.
    pub fn edit_canvas(&mut self, methodology: &str, field: &str, text: String, now: &str) {
        let canvas = self.canvases.entry(methodology.to_owned()).or_default();
        if text.trim().is_empty() {
            canvas.remove(field);
        } else {
            canvas.insert(field.to_owned(), text);
        }
        if canvas.is_empty() {
            self.canvases.remove(methodology);
        }
        self.touch(now);
    }

    pub fn canvas_field(&self, methodology: &str, field: &str) -> &str {
        self.canvases
            .get(methodology)
            .and_then(|c| c.get(field))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Replaces the plan (keeping edits is the caller's choice: see [`Plan::regenerate`]).
    pub fn set_plan(&mut self, plan: Plan, now: &str) {
        self.plan = Some(plan);
        self.touch(now);
    }

    pub fn edit_plan_step(&mut self, step: &str, edit: StepEdit, now: &str) {
        if let Some(plan) = &mut self.plan {
            plan.edit(step, edit);
            self.touch(now);
        }
    }

    pub fn rename(&mut self, name: &str, now: &str) {
        self.name = name.trim().to_owned();
        self.touch(now);
    }

    fn touch(&mut self, now: &str) {
        self.updated_at = now.to_owned();
    }

    /// How many of the model's criteria have an answer, out of how many.
    pub fn progress(&self, model: &Model) -> (usize, usize) {
        let answered = model.criteria.iter().filter(|c| self.value(&c.id).is_some()).count();
        (answered, model.criteria.len())
    }

    /// The same, for one pillar × stage cell.
    pub fn cell_progress(&self, model: &Model, pillar: &str, stage: &str) -> (usize, usize) {
        let cell: Vec<_> = model.cell(pillar, stage).collect();
        (cell.iter().filter(|c| self.value(&c.id).is_some()).count(), cell.len())
    }

    /// A copy to reassess later: same profile and answers, new id, new dates.
    pub fn duplicate(&self, id: String, name: String, now: &str) -> Assessment {
        let mut copy = self.clone();
        copy.id = id;
        copy.name = name;
        copy.created_at = now.to_owned();
        copy.updated_at = now.to_owned();
        copy.profile.date = now.get(..10).unwrap_or_default().to_owned();
        copy
    }
}

fn edit_in(map: &mut BTreeMap<String, Answer>, id: &str, edit: Edit) {
    let answer = map.entry(id.to_owned()).or_default();
    match edit {
        Edit::Value(v) => answer.value = v,
        Edit::Note(n) => answer.note = n,
        Edit::Evidence(e) => answer.evidence_url = e.trim().to_owned(),
    }
    // Keep the map small and exports clean: an answer emptied again is removed.
    if answer.is_empty() {
        map.remove(id);
    }
}

/// All assessments on this device, newest first in [`Workspace::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub assessments: Vec<Assessment>,
}

impl Workspace {
    pub fn list(&self) -> Vec<&Assessment> {
        let mut all: Vec<&Assessment> = self.assessments.iter().collect();
        all.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then_with(|| a.id.cmp(&b.id)));
        all
    }

    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Assessment> {
        self.assessments.iter_mut().find(|a| a.id == id)
    }

    pub fn add(&mut self, assessment: Assessment) {
        self.assessments.push(assessment);
    }

    /// Adds a copy of `id` under `new_id`; returns whether `id` existed.
    pub fn duplicate(&mut self, id: &str, new_id: String, name: String, now: &str) -> bool {
        let Some(copy) = self.get(id).map(|a| a.duplicate(new_id, name, now)) else {
            return false;
        };
        self.assessments.push(copy);
        true
    }

    pub fn delete(&mut self, id: &str) -> bool {
        let before = self.assessments.len();
        self.assessments.retain(|a| a.id != id);
        self.assessments.len() != before
    }

    /// Puts `assessment` in place of the one with the same id, or adds it.
    pub fn replace(&mut self, assessment: Assessment) {
        match self.get_mut(&assessment.id) {
            Some(existing) => *existing = assessment,
            None => self.assessments.push(assessment),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: &str = "2026-03-01T10:00:00Z";
    const T1: &str = "2026-03-02T11:00:00Z";

    fn fresh() -> (Model, Assessment) {
        let model = Model::mega_ip();
        let a = Assessment::new("a1".into(), &model, T0);
        (model, a)
    }

    #[test]
    fn new_assessment_is_empty_and_dated() {
        let (model, a) = fresh();
        assert_eq!(a.progress(&model), (0, model.criteria.len()));
        assert_eq!(a.profile.date, "2026-03-01");
        assert_eq!(a.model, model.reference());
    }

    #[test]
    fn edits_update_the_answer_and_the_timestamp() {
        let (model, mut a) = fresh();
        a.edit_answer("T-INF-1", Edit::Value(Some(AnswerValue::Partial)), T1);
        a.edit_answer("T-INF-1", Edit::Note("Falta la categoría de contratos".into()), T1);
        a.edit_answer(
            "T-INF-1",
            Edit::Evidence("  https://example.gov/transparencia ".into()),
            T1,
        );
        let ans = a.answer("T-INF-1").unwrap();
        assert_eq!(ans.value, Some(AnswerValue::Partial));
        assert_eq!(ans.note, "Falta la categoría de contratos");
        assert_eq!(ans.evidence_url, "https://example.gov/transparencia");
        assert_eq!(a.updated_at, T1);
        assert_eq!(a.progress(&model).0, 1);
        assert_eq!(a.cell_progress(&model, "transparencia", "informar").0, 1);
    }

    #[test]
    fn clearing_an_answer_removes_it() {
        let (_, mut a) = fresh();
        a.edit_answer("T-INF-1", Edit::Value(Some(AnswerValue::Yes)), T1);
        a.edit_answer("T-INF-1", Edit::Value(None), T1);
        assert!(a.answers.is_empty());
    }

    #[test]
    fn display_name_prefers_the_users_name() {
        let (_, mut a) = fresh();
        assert_eq!(a.display_name(), "2026");
        a.edit_profile(T1, |p| p.municipality = "Yumbo".into());
        assert_eq!(a.display_name(), "Yumbo 2026");
        a.rename("  Línea base  ", T1);
        assert_eq!(a.display_name(), "Línea base");
    }

    #[test]
    fn workspace_duplicates_renames_and_deletes() {
        let (_, mut a) = fresh();
        a.edit_answer("T-INF-1", Edit::Value(Some(AnswerValue::Yes)), T0);
        let mut ws = Workspace::default();
        ws.add(a);
        assert!(ws.duplicate("a1", "a2".into(), "Reevaluación".into(), T1));
        assert!(!ws.duplicate("nope", "a3".into(), String::new(), T1));
        let copy = ws.get("a2").unwrap();
        assert_eq!(copy.value("T-INF-1"), Some(AnswerValue::Yes));
        assert_eq!(copy.created_at, T1);
        assert_eq!(ws.list()[0].id, "a2", "newest first");
        ws.get_mut("a2").unwrap().rename("Otro nombre", T1);
        assert_eq!(ws.get("a2").unwrap().name, "Otro nombre");
        assert!(ws.delete("a1"));
        assert!(!ws.delete("a1"));
        assert_eq!(ws.assessments.len(), 1);
    }

    #[test]
    fn canvases_keep_only_filled_fields() {
        let (_, mut a) = fresh();
        a.edit_canvas("mapa-actores", "actor", "Junta de Acción Comunal".into(), T1);
        a.edit_canvas("mapa-actores", "poder", "Alto".into(), T1);
        assert_eq!(a.canvas_field("mapa-actores", "actor"), "Junta de Acción Comunal");
        a.edit_canvas("mapa-actores", "poder", "  ".into(), T1);
        assert_eq!(a.canvases["mapa-actores"].len(), 1);
        a.edit_canvas("mapa-actores", "actor", String::new(), T1);
        assert!(a.canvases.is_empty());
        assert_eq!(a.updated_at, T1);
    }

    #[test]
    fn version_1_data_reads_as_version_2() {
        let (_, a) = fresh();
        let mut v = serde_json::to_value(Workspace {
            assessments: vec![a.clone()],
        })
        .unwrap();
        let stored = v["assessments"][0].as_object_mut().unwrap();
        stored.remove("canvases");
        stored.remove("plan");
        let back: Workspace = serde_json::from_value(v).unwrap();
        assert_eq!(back.assessments[0], a);
    }

    #[test]
    fn population_band_ids_round_trip() {
        for b in PopulationBand::ALL {
            assert_eq!(PopulationBand::from_id(b.id()), Some(b));
            assert_eq!(serde_json::to_string(&b).unwrap(), format!("\"{}\"", b.id()));
        }
    }
}
