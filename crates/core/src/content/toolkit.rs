//! HAGA, the toolkit that goes with a model: the numbered tool portfolio, the repository of real
//! experiences, the decálogo and the methodologies with their canvases.
//!
//! The four files under `toolkits/haga/` are data, embedded at build time. [`Haga::problems`]
//! checks them against the model they refer to: unique numbers and ids, every reference
//! resolves (pillars, stages, criteria, enabling conditions, tools, methodologies), URLs are
//! well formed, dates are real dates, every text exists in every language of the model, and every
//! pillar × stage cell has at least [`MIN_TOOLS_PER_CELL`] tools.

use crate::base::ids::{ConditionId, CriterionId, PillarId, StageId};
use crate::base::text::Text;
use crate::base::validate::{check_ids, is_content_url, is_date};
use crate::content::model::Model;
use crate::content::places::{is_country_code, PopulationBand};
use serde::{Deserialize, Serialize};

pub const MIN_TOOLS_PER_CELL: usize = 2;

pub(crate) const TOOLS_JSON: &str = include_str!("../../../../toolkits/haga/tools.json");
pub(crate) const EXPERIENCES_JSON: &str = include_str!("../../../../toolkits/haga/experiences.json");
pub(crate) const DECALOGUE_JSON: &str = include_str!("../../../../toolkits/haga/decalogue.json");
pub(crate) const METHODOLOGIES_JSON: &str = include_str!("../../../../toolkits/haga/methodologies.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolsFile {
    pub format: u32,
    pub categories: Vec<Category>,
    pub tools: Vec<Tool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: Text,
}

/// Who is behind a tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Initiative {
    Government,
    CivilSociety,
    Multilateral,
    Private,
    Academic,
    OpenSource,
}

impl Initiative {
    pub const ALL: [Initiative; 6] = [
        Initiative::Government,
        Initiative::CivilSociety,
        Initiative::Multilateral,
        Initiative::Private,
        Initiative::Academic,
        Initiative::OpenSource,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Initiative::Government => "government",
            Initiative::CivilSociety => "civil-society",
            Initiative::Multilateral => "multilateral",
            Initiative::Private => "private",
            Initiative::Academic => "academic",
            Initiative::OpenSource => "open-source",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Availability {
    Yes,
    Partial,
    No,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub number: u32,
    pub id: String,
    pub name: String,
    pub description: Text,
    pub pillar: PillarId,
    pub second_pillar: Option<PillarId>,
    pub stage: StageId,
    pub category: String,
    pub initiative: Initiative,
    pub initiative_detail: Text,
    pub url: String,
    pub license: Text,
    /// Whether the tool can be used in Spanish.
    pub spanish: Availability,
    /// Criteria of the model this tool helps meet.
    #[serde(default)]
    pub criteria: Vec<CriterionId>,
    /// When the facts were last checked against the source, `YYYY-MM-DD`.
    pub checked: String,
    /// How they were checked that day.
    pub checked_how: CheckedHow,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExperiencesFile {
    pub format: u32,
    pub experiences: Vec<Experience>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    pub id: String,
    pub title: Text,
    pub place: String,
    pub region: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub years: String,
    pub pillars: Vec<PillarId>,
    pub stage: StageId,
    pub population_band: PopulationBand,
    pub summary: Text,
    pub results: Option<Text>,
    #[serde(default)]
    pub tools: Vec<String>,
    #[serde(default)]
    pub methodologies: Vec<String>,
    pub source: String,
    /// Criteria of the model this experience shows being met.
    #[serde(default)]
    pub criteria: Vec<CriterionId>,
    /// The day its source was read, `YYYY-MM-DD`.
    pub checked: String,
    /// How the source was read that day.
    pub checked_how: CheckedHow,
}

/// How an item's source was read on its `checked` day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckedHow {
    /// The source's live web page.
    LivePage,
    /// An archived copy of the source's page.
    ArchivedCopy,
    /// One of the project's seed documents (the HAGA and IP360 reports).
    SeedDocument,
    /// Not read again since the item was written from it on that day.
    NotRechecked,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecalogueFile {
    pub format: u32,
    pub principles: Vec<Principle>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub number: u32,
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub evidence: Text,
    /// Enabling conditions this principle serves.
    pub conditions: Vec<ConditionId>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodologiesFile {
    pub format: u32,
    pub methodologies: Vec<Methodology>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Methodology {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    pub pillars: Vec<PillarId>,
    pub stages: Vec<StageId>,
    #[serde(default)]
    pub criteria: Vec<CriterionId>,
    #[serde(default)]
    pub conditions: Vec<ConditionId>,
    pub duration: Text,
    pub steps: Vec<Step>,
    pub canvas: Canvas,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: Text,
    pub text: Text,
}

/// The fields a team fills in when it runs a methodology.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Canvas {
    pub title: Text,
    pub fields: Vec<CanvasField>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// One line.
    Short,
    /// A paragraph.
    Long,
    /// A repeatable list of one-line entries (actors, commitments, risks), with add and remove.
    List,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CanvasField {
    pub id: String,
    pub label: Text,
    pub help: Text,
    pub kind: FieldKind,
}

/// The whole toolkit. Empty (`Default`) for models it does not classify.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Haga {
    pub categories: Vec<Category>,
    pub tools: Vec<Tool>,
    pub experiences: Vec<Experience>,
    pub principles: Vec<Principle>,
    pub methodologies: Vec<Methodology>,
}

impl Haga {
    /// Reads the four toolkit files (tools, experiences, decálogo, methodologies).
    pub fn parse(tools: &str, experiences: &str, decalogue: &str, methodologies: &str) -> Result<Haga, String> {
        fn read<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> Result<T, String> {
            serde_json::from_str(json).map_err(|e| format!("{name}: {e}"))
        }
        let tools: ToolsFile = read("tools.json", tools)?;
        let experiences: ExperiencesFile = read("experiences.json", experiences)?;
        let decalogue: DecalogueFile = read("decalogue.json", decalogue)?;
        let methodologies: MethodologiesFile = read("methodologies.json", methodologies)?;
        Ok(Haga {
            categories: tools.categories,
            tools: tools.tools,
            experiences: experiences.experiences,
            principles: decalogue.principles,
            methodologies: methodologies.methodologies,
        })
    }

    /// The bundled toolkit. Its files are validated by the tests.
    pub fn bundled() -> Result<Haga, String> {
        Haga::parse(TOOLS_JSON, EXPERIENCES_JSON, DECALOGUE_JSON, METHODOLOGIES_JSON)
    }

    pub fn tool(&self, id: &str) -> Option<&Tool> {
        self.tools.iter().find(|t| t.id == id)
    }

    pub fn experience(&self, id: &str) -> Option<&Experience> {
        self.experiences.iter().find(|e| e.id == id)
    }

    pub fn methodology(&self, id: &str) -> Option<&Methodology> {
        self.methodologies.iter().find(|m| m.id == id)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// Experiences that used a tool.
    pub fn experiences_using<'a>(&'a self, tool: &'a str) -> impl Iterator<Item = &'a Experience> + 'a {
        self.experiences
            .iter()
            .filter(move |e| e.tools.iter().any(|t| t == tool))
    }

    /// Every inconsistency between the toolkit and `model`, as readable lines. Empty means valid.
    pub fn problems(&self, model: &Model) -> Vec<String> {
        let mut out = Vec::new();
        let pillar = |id: &str| model.pillar(id).is_some();
        let stage = |id: &str| model.stage(id).is_some();
        let criterion = |id: &str| model.criterion(id).is_some();
        let condition = |id: &str| model.condition(id).is_some();
        let langs = model.languages();
        let mut texts: Vec<(String, &Text)> = Vec::new();

        unique(&mut out, "category", self.categories.iter().map(|c| c.id.as_str()));
        unique(&mut out, "tool", self.tools.iter().map(|t| t.id.as_str()));
        unique(&mut out, "experience", self.experiences.iter().map(|e| e.id.as_str()));
        unique(&mut out, "principle", self.principles.iter().map(|p| p.id.as_str()));
        unique(
            &mut out,
            "methodology",
            self.methodologies.iter().map(|m| m.id.as_str()),
        );
        contiguous(&mut out, "tool", self.tools.iter().map(|t| t.number));
        contiguous(&mut out, "principle", self.principles.iter().map(|p| p.number));

        for c in &self.categories {
            texts.push((format!("category {}", c.id), &c.name));
        }
        for t in &self.tools {
            let at = format!("tool {}", t.id);
            check(&mut out, &at, "pillar", &t.pillar, pillar);
            if let Some(p) = &t.second_pillar {
                check(&mut out, &at, "second pillar", p, pillar);
            }
            check(&mut out, &at, "stage", &t.stage, stage);
            check(&mut out, &at, "category", &t.category, |c| self.category(c).is_some());
            for c in &t.criteria {
                check(&mut out, &at, "criterion", c, criterion);
            }
            url(&mut out, &at, &t.url);
            date(&mut out, &at, &t.checked);
            if t.name.trim().is_empty() {
                out.push(format!("{at}: empty name"));
            }
            texts.extend([
                (format!("{at} description"), &t.description),
                (format!("{at} license"), &t.license),
            ]);
            texts.push((format!("{at} initiative_detail"), &t.initiative_detail));
        }
        for e in &self.experiences {
            let at = format!("experience {}", e.id);
            if e.pillars.is_empty() {
                out.push(format!("{at}: no pillar"));
            }
            for p in &e.pillars {
                check(&mut out, &at, "pillar", p, pillar);
            }
            check(&mut out, &at, "stage", &e.stage, stage);
            for t in &e.tools {
                check(&mut out, &at, "tool", t, |t| self.tool(t).is_some());
            }
            for m in &e.methodologies {
                check(&mut out, &at, "methodology", m, |m| self.methodology(m).is_some());
            }
            if !is_country_code(&e.country) {
                out.push(format!("{at}: country {:?} is not an ISO code", e.country));
            }
            for c in &e.criteria {
                check(&mut out, &at, "criterion", c, criterion);
            }
            url(&mut out, &at, &e.source);
            date(&mut out, &at, &e.checked);
            texts.extend([(format!("{at} title"), &e.title), (format!("{at} summary"), &e.summary)]);
            if let Some(r) = &e.results {
                texts.push((format!("{at} results"), r));
            }
        }
        for p in &self.principles {
            let at = format!("principle {}", p.id);
            for c in &p.conditions {
                check(&mut out, &at, "condition", c, condition);
            }
            for s in &p.sources {
                url(&mut out, &at, s);
            }
            texts.extend([
                (format!("{at} title"), &p.title),
                (format!("{at} text"), &p.text),
                (format!("{at} evidence"), &p.evidence),
            ]);
        }
        for m in &self.methodologies {
            let at = format!("methodology {}", m.id);
            for p in &m.pillars {
                check(&mut out, &at, "pillar", p, pillar);
            }
            for s in &m.stages {
                check(&mut out, &at, "stage", s, stage);
            }
            for c in &m.criteria {
                check(&mut out, &at, "criterion", c, criterion);
            }
            for c in &m.conditions {
                check(&mut out, &at, "condition", c, condition);
            }
            for s in &m.sources {
                url(&mut out, &at, s);
            }
            if m.steps.is_empty() || m.canvas.fields.is_empty() {
                out.push(format!("{at}: needs steps and canvas fields"));
            }
            unique(
                &mut out,
                &format!("{at} canvas field"),
                m.canvas.fields.iter().map(|f| f.id.as_str()),
            );
            texts.extend([
                (format!("{at} name"), &m.name),
                (format!("{at} summary"), &m.summary),
                (format!("{at} duration"), &m.duration),
            ]);
            texts.push((format!("{at} canvas title"), &m.canvas.title));
            for (i, s) in m.steps.iter().enumerate() {
                texts.extend([
                    (format!("{at} step {i} title"), &s.title),
                    (format!("{at} step {i} text"), &s.text),
                ]);
            }
            for f in &m.canvas.fields {
                texts.extend([
                    (format!("{at} field {} label", f.id), &f.label),
                    (format!("{at} field {} help", f.id), &f.help),
                ]);
            }
        }
        for (place, text) in texts {
            for lang in langs {
                if !text.has(lang) {
                    out.push(format!("{place}: no {lang} text"));
                }
            }
        }
        for p in model.pillars() {
            for s in model.stages() {
                let n = self
                    .tools
                    .iter()
                    .filter(|t| t.pillar == p.id && t.stage == s.id)
                    .count();
                if n < MIN_TOOLS_PER_CELL {
                    out.push(format!(
                        "cell {} × {}: {n} tools, needs {MIN_TOOLS_PER_CELL}",
                        p.id, s.id
                    ));
                }
                let cases = self
                    .experiences
                    .iter()
                    .filter(|e| e.pillars.first() == Some(&p.id) && e.stage == s.id)
                    .count();
                if cases == 0 {
                    out.push(format!(
                        "cell {} × {}: no experience with it as main pillar",
                        p.id, s.id
                    ));
                }
            }
        }
        for c in model.criteria() {
            if !self.tools.iter().any(|t| t.criteria.contains(&c.id)) {
                out.push(format!("criterion {}: no tool serves it", c.id));
            }
        }
        out.extend(self.shared_date());
        out
    }

    /// A date most items share is the day they were written, not the day each source was read:
    /// the problem the content audit found. Reading sources again spreads the dates.
    fn shared_date(&self) -> Option<String> {
        let dates: Vec<&str> = self
            .tools
            .iter()
            .map(|t| t.checked.as_str())
            .chain(self.experiences.iter().map(|e| e.checked.as_str()))
            .collect();
        let mut counts = std::collections::BTreeMap::<&str, usize>::new();
        for d in &dates {
            *counts.entry(d).or_default() += 1;
        }
        let (date, n) = counts.into_iter().max_by_key(|(_, n)| *n)?;
        (n * 2 > dates.len()).then(|| {
            format!(
                "{n} of {} tools and experiences say they were checked on {date}: each item's date is the day its source was read",
                dates.len()
            )
        })
    }
}

fn unique<'a>(out: &mut Vec<String>, kind: &str, ids: impl Iterator<Item = &'a str>) {
    let (_, bad) = check_ids(ids);
    out.extend(
        bad.into_iter()
            .map(|id| format!("{kind} id {id:?} is empty or repeated")),
    );
}

fn contiguous(out: &mut Vec<String>, kind: &str, numbers: impl Iterator<Item = u32>) {
    let mut all: Vec<u32> = numbers.collect();
    all.sort_unstable();
    if all.iter().enumerate().any(|(i, n)| *n != i as u32 + 1) {
        out.push(format!(
            "{kind} numbers are not 1..{} without gaps or repeats",
            all.len()
        ));
    }
}

fn check(out: &mut Vec<String>, at: &str, what: &str, id: &str, exists: impl Fn(&str) -> bool) {
    if !exists(id) {
        out.push(format!("{at}: unknown {what} {id:?}"));
    }
}

fn url(out: &mut Vec<String>, at: &str, u: &str) {
    if !is_content_url(u) {
        out.push(format!("{at}: malformed URL {u:?}"));
    }
}

fn date(out: &mut Vec<String>, at: &str, d: &str) {
    if !is_date(d) {
        out.push(format!("{at}: checked date {d:?} is not YYYY-MM-DD"));
    }
}

#[cfg(test)]
mod tests;
