//! Reading many [`Row`]s at once, for the advisor's desk: which rows a set of filters keeps
//! (search ignoring accents, country, population band, stage overall or in one pillar, a date
//! range), and how the stages are spread across the collection, pillar by pillar.

use crate::analysis::compare::Row;
use crate::base::text::fold;
use crate::content::places::PopulationBand;

/// What the advisor asked to see. An empty field keeps every row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Part of the municipality's or region's name, already [`fold`]ed.
    pub search: String,
    /// A country code.
    pub country: String,
    pub band: Option<PopulationBand>,
    /// Stages reached (0 for "no stage yet"), overall or in `pillar`.
    pub stage: Option<usize>,
    /// The pillar `stage` is read in; the overall reading when empty.
    pub pillar: String,
    /// `YYYY-MM-DD`, inclusive; dates compare as text.
    pub from: String,
    pub to: String,
}

impl Filter {
    /// A filter searching for `text`, folded here so callers cannot forget to.
    pub fn searching(text: &str) -> Filter {
        Filter {
            search: fold(text.trim()),
            ..Filter::default()
        }
    }

    pub fn keeps(&self, r: &Row) -> bool {
        let p = &r.profile;
        let level = if self.pillar.is_empty() {
            Some(r.overall_level)
        } else {
            r.pillars
                .iter()
                .find(|x| x.pillar == *self.pillar)
                .filter(|x| x.assessed)
                .map(|x| x.level)
        };
        (self.search.is_empty() || r.folded_name.contains(&self.search) || r.folded_region.contains(&self.search))
            && (self.country.is_empty() || p.country == self.country)
            && self.band.is_none_or(|b| p.population_band == Some(b))
            && self.stage.is_none_or(|s| level == Some(s))
            && (self.from.is_empty() || p.date.as_str() >= self.from.as_str())
            && (self.to.is_empty() || (!p.date.is_empty() && p.date.as_str() <= self.to.as_str()))
    }
}

/// How many rows reached each stage in one pillar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    /// `counts[l]`: rows at level `l` (0 for no stage yet), up to the number of stages.
    pub counts: Vec<usize>,
    /// Rows where the pillar was left out ("not applicable" everywhere).
    pub not_assessed: usize,
}

/// The spread of stages of each pillar (in the rows' pillar order) across `rows`, for a model
/// of `stages` stages.
pub fn spread<'a>(rows: impl IntoIterator<Item = &'a Row>, pillars: usize, stages: usize) -> Vec<Spread> {
    let mut out = vec![
        Spread {
            counts: vec![0; stages + 1],
            not_assessed: 0,
        };
        pillars
    ];
    for r in rows {
        for (s, p) in out.iter_mut().zip(&r.pillars) {
            if !p.assessed {
                s.not_assessed += 1;
            } else if let Some(n) = s.counts.get_mut(p.level) {
                *n += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compare::row;
    use crate::answers::assessment::{Assessment, Change, ProfileEdit};
    use crate::content::model::Model;
    use crate::testing::*;

    fn place(
        model: &Model,
        id: &str,
        name: &str,
        country: &str,
        date: &str,
        band: Option<PopulationBand>,
    ) -> Assessment {
        let mut a = new_assessment(model, id);
        for e in [
            ProfileEdit::Municipality(name.into()),
            ProfileEdit::Country(country.into()),
            ProfileEdit::Region("Región Ñuble".into()),
            ProfileEdit::Date(date.into()),
            ProfileEdit::Band(band),
        ] {
            a.apply(&Change::Profile(e), NOW);
        }
        a
    }

    fn rows(model: &Model) -> Vec<Row> {
        let mut yumbo = place(
            model,
            "a",
            "Yumbo",
            "CO",
            "2026-03-01",
            Some(PopulationBand::From100kTo500k),
        );
        answer_cell(model, &mut yumbo, "transparencia", "informar", &["yes"]);
        let mut chillan = place(
            model,
            "b",
            "Chillán",
            "CL",
            "2025-11-20",
            Some(PopulationBand::From20kTo100k),
        );
        answer_cell(model, &mut chillan, "participacion", "informar", &["not_applicable"]);
        answer_cell(model, &mut chillan, "participacion", "consultar", &["not_applicable"]);
        answer_cell(model, &mut chillan, "participacion", "involucrar", &["not_applicable"]);
        answer_cell(model, &mut chillan, "participacion", "colaborar", &["not_applicable"]);
        answer_cell(model, &mut chillan, "participacion", "empoderar", &["not_applicable"]);
        let undated = place(model, "c", "Tumaco", "CO", "", None);
        [yumbo, chillan, undated].iter().map(|a| row(model, a)).collect()
    }

    fn kept(f: &Filter, rows: &[Row]) -> Vec<String> {
        rows.iter()
            .filter(|r| f.keeps(r))
            .map(|r| r.assessment.to_string())
            .collect()
    }

    #[test]
    fn each_filter_keeps_what_it_names() {
        let model = mega();
        let rows = rows(&model);
        assert_eq!(kept(&Filter::default(), &rows), ["a", "b", "c"]);
        assert_eq!(kept(&Filter::searching(" CHILLAN "), &rows), ["b"]);
        assert_eq!(kept(&Filter::searching("ñuble"), &rows).len(), 3);
        let f = |edit: fn(&mut Filter)| {
            let mut f = Filter::default();
            edit(&mut f);
            kept(&f, &rows)
        };
        assert_eq!(f(|f| f.country = "CO".into()), ["a", "c"]);
        assert_eq!(f(|f| f.band = Some(PopulationBand::From20kTo100k)), ["b"]);
        assert_eq!(f(|f| f.stage = Some(0)), ["a", "b", "c"]);
        assert_eq!(
            f(|f| {
                f.stage = Some(1);
                f.pillar = "transparencia".into();
            }),
            ["a"]
        );
        // A pillar left out has no stage to match, not even "no stage yet".
        assert_eq!(
            f(|f| {
                f.stage = Some(0);
                f.pillar = "participacion".into();
            }),
            ["a", "c"]
        );
        assert_eq!(f(|f| f.from = "2026-01-01".into()), ["a"]);
        // An undated assessment is outside any range that has an end.
        assert_eq!(f(|f| f.to = "2026-01-01".into()), ["b"]);
    }

    #[test]
    fn the_spread_counts_every_row_once_per_pillar() {
        let model = mega();
        let rows = rows(&model);
        let s = spread(&rows, model.pillars().len(), model.stages().len());
        assert_eq!(s.len(), 4);
        assert_eq!(s[0].counts, [2, 1, 0, 0, 0, 0]);
        assert_eq!((s[1].counts[0], s[1].not_assessed), (2, 1));
        for p in &s {
            assert_eq!(p.counts.iter().sum::<usize>() + p.not_assessed, rows.len());
        }
    }
}
