//! Filtering and searching the toolkit, as the Herramientas and Experiencias pages do.
//!
//! Filters combine (all must hold). The text search ignores accents and case and looks in both
//! languages, so "participacion" finds "Participación" and an English word finds a Spanish item.
//! Every word of the query must appear somewhere in the item.

use crate::base::ids::{PillarId, StageId};
use crate::base::text::{fold, Text};
use crate::content::places::PopulationBand;
use crate::content::toolkit::{Experience, Haga, Initiative, Tool};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ToolFilter {
    /// Main or second pillar.
    pub pillar: Option<PillarId>,
    pub stage: Option<StageId>,
    pub category: Option<String>,
    pub initiative: Option<Initiative>,
    pub query: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExperienceFilter {
    pub pillar: Option<PillarId>,
    pub stage: Option<StageId>,
    pub country: Option<String>,
    pub band: Option<PopulationBand>,
    pub query: String,
}

fn all_langs(t: &Text) -> impl Iterator<Item = &str> {
    t.all()
}

/// Whether every word of `query` occurs in `haystack` (both already folded).
fn words_match(query: &str, haystack: &str) -> bool {
    fold(query).split_whitespace().all(|w| haystack.contains(w))
}

fn tool_haystack(t: &Tool, haga: &Haga) -> String {
    let mut parts: Vec<&str> = vec![&t.name, &t.id];
    parts.extend(all_langs(&t.description));
    parts.extend(all_langs(&t.initiative_detail));
    if let Some(c) = haga.category(&t.category) {
        parts.extend(all_langs(&c.name));
    }
    fold(&parts.join(" "))
}

fn experience_haystack(e: &Experience) -> String {
    let mut parts: Vec<&str> = vec![&e.place, &e.region, &e.country, &e.years];
    parts.extend(all_langs(&e.title));
    parts.extend(all_langs(&e.summary));
    if let Some(r) = &e.results {
        parts.extend(all_langs(r));
    }
    fold(&parts.join(" "))
}

pub fn tools<'a>(haga: &'a Haga, f: &ToolFilter) -> Vec<&'a Tool> {
    haga.tools
        .iter()
        .filter(|t| {
            f.pillar
                .as_ref()
                .is_none_or(|p| &t.pillar == p || t.second_pillar.as_ref() == Some(p))
        })
        .filter(|t| f.stage.as_ref().is_none_or(|s| &t.stage == s))
        .filter(|t| f.category.as_ref().is_none_or(|c| &t.category == c))
        .filter(|t| f.initiative.is_none_or(|i| t.initiative == i))
        .filter(|t| f.query.trim().is_empty() || words_match(&f.query, &tool_haystack(t, haga)))
        .collect()
}

pub fn experiences<'a>(haga: &'a Haga, f: &ExperienceFilter) -> Vec<&'a Experience> {
    haga.experiences
        .iter()
        .filter(|e| f.pillar.as_ref().is_none_or(|p| e.pillars.contains(p)))
        .filter(|e| f.stage.as_ref().is_none_or(|s| &e.stage == s))
        .filter(|e| f.country.as_ref().is_none_or(|c| &e.country == c))
        .filter(|e| f.band.is_none_or(|b| e.population_band == b))
        .filter(|e| f.query.trim().is_empty() || words_match(&f.query, &experience_haystack(e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn haga() -> Haga {
        Haga::bundled().unwrap()
    }

    #[test]
    fn search_ignores_accents_and_case() {
        let h = haga();
        let plain = tools(
            &h,
            &ToolFilter {
                query: "participacion".into(),
                ..Default::default()
            },
        );
        let accented = tools(
            &h,
            &ToolFilter {
                query: "PARTICIPACIÓN".into(),
                ..Default::default()
            },
        );
        assert!(!plain.is_empty());
        assert_eq!(plain, accented);
        let bogota = experiences(
            &h,
            &ExperienceFilter {
                query: "bogota".into(),
                ..Default::default()
            },
        );
        assert!(bogota.iter().all(|e| fold(&e.place).contains("bogota")
            || fold(e.summary.get(crate::base::locale::Lang::Es)).contains("bogota")));
        assert!(!bogota.is_empty());
    }

    #[test]
    fn every_word_must_match() {
        let h = haga();
        let decidim = tools(
            &h,
            &ToolFilter {
                query: "decidim".into(),
                ..Default::default()
            },
        );
        let narrower = tools(
            &h,
            &ToolFilter {
                query: "decidim barcelona".into(),
                ..Default::default()
            },
        );
        assert!(narrower.len() <= decidim.len());
        assert!(tools(
            &h,
            &ToolFilter {
                query: "decidim zzzzqqq".into(),
                ..Default::default()
            }
        )
        .is_empty());
    }

    #[test]
    fn filters_combine() {
        let h = haga();
        let all = tools(&h, &ToolFilter::default());
        assert_eq!(all.len(), h.tools.len());
        let f = ToolFilter {
            pillar: Some("participacion".into()),
            stage: Some("empoderar".into()),
            ..Default::default()
        };
        let both = tools(&h, &f);
        assert!(!both.is_empty());
        assert!(both.iter().all(|t| t.stage == "empoderar"
            && (t.pillar == "participacion" || t.second_pillar.as_deref() == Some("participacion"))));
        let f = ToolFilter {
            initiative: Some(Initiative::Academic),
            ..f
        };
        assert!(tools(&h, &f).iter().all(|t| t.initiative == Initiative::Academic));

        let co = experiences(
            &h,
            &ExperienceFilter {
                country: Some("CO".into()),
                ..Default::default()
            },
        );
        let co_big = experiences(
            &h,
            &ExperienceFilter {
                country: Some("CO".into()),
                band: Some(PopulationBand::Over1m),
                ..Default::default()
            },
        );
        assert!(!co_big.is_empty() && co_big.len() < co.len());
        assert!(co_big
            .iter()
            .all(|e| e.country == "CO" && e.population_band == PopulationBand::Over1m));
    }

    #[test]
    fn english_words_find_items_too() {
        let h = haga();
        assert!(!experiences(
            &h,
            &ExperienceFilter {
                query: "participatory budgeting".into(),
                ..Default::default()
            }
        )
        .is_empty());
    }
}
