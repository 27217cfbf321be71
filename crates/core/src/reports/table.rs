//! The advisor's spreadsheets: one row per assessment ([`assessments_csv`]) and one row per
//! answer ([`answers_csv`]), as CSV that opens right in Excel in the user's language.
//!
//! Spanish (and any language that writes decimals with a comma) gets `;` between fields and a
//! decimal comma; English gets `,` and a point. Both start with a UTF-8 byte order mark, without
//! which Excel reads accents wrong. Quoting, and line breaks inside notes, are the `csv` crate's.
//! Headings and labels come from the message catalog.

use crate::analysis::compare::Row;
use crate::answers::assessment::Assessment;
use crate::base::locale::Lang;
use crate::content::model::Model;
use crate::messages::{Catalog, TableHeading as Heading};

const BOM: &str = "\u{feff}";

fn writer(c: &dyn Catalog) -> csv::Writer<Vec<u8>> {
    // The catalog's own decimal separator decides the field separator.
    let delimiter = if c.number(0.5, 1).contains(',') { b';' } else { b',' };
    let mut out = Vec::new();
    out.extend_from_slice(BOM.as_bytes());
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    // Writing into memory cannot fail, and every field is a `String`: the bytes are UTF-8.
    w.into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

fn stage_name(model: &Model, lang: Lang, c: &dyn Catalog, assessed: bool, level: usize) -> String {
    if !assessed {
        return String::new();
    }
    match level.checked_sub(1).and_then(|i| model.stage_at(i)) {
        Some(s) => s.name.get(lang).to_owned(),
        None => c.no_stage().to_owned(),
    }
}

/// One row per assessment: place, date, model, each pillar's stage and index, the overall
/// reading, progress and unmet conditions. `rows` must be scored with `model`.
pub fn assessments_csv(model: &Model, rows: &[Row], c: &dyn Catalog) -> String {
    let lang = model.content_lang(c.lang());
    let h = |x: Heading| c.table_heading(x).to_owned();
    let mut head = vec![
        h(Heading::Municipality),
        h(Heading::Country),
        h(Heading::Region),
        h(Heading::Population),
        h(Heading::Date),
        h(Heading::Assessment),
        h(Heading::Model),
    ];
    for p in model.pillars() {
        let name = p.name.get(lang);
        head.push(format!("{}: {name}", c.table_heading(Heading::Stage)));
        head.push(format!("{}: {name}", c.table_heading(Heading::Index)));
    }
    head.extend([
        h(Heading::Overall),
        h(Heading::MeanIndex),
        h(Heading::Answered),
        h(Heading::Asked),
        h(Heading::UnmetConditions),
    ]);
    let mut w = writer(c);
    let _ = w.write_record(&head);
    for r in rows {
        let p = &r.profile;
        let mut line = vec![
            p.municipality.clone(),
            c.country(&p.country).map_or_else(|| p.country.clone(), str::to_owned),
            p.region.clone(),
            p.population_band.map(|b| c.band(b).to_owned()).unwrap_or_default(),
            p.date.clone(),
            r.name.clone(),
            r.model.clone(),
        ];
        for figure in &r.pillars {
            line.push(stage_name(model, lang, c, figure.assessed, figure.level));
            line.push(if figure.assessed {
                c.number(figure.index, 2)
            } else {
                String::new()
            });
        }
        line.extend([
            stage_name(model, lang, c, true, r.overall_level),
            c.number(r.mean_index, 2),
            r.answered.to_string(),
            r.asked.to_string(),
            r.unmet_conditions
                .iter()
                .map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join(" · "),
        ]);
        let _ = w.write_record(&line);
    }
    finish(w)
}

/// One row per answered question of each assessment: where, which question, the answer, its note
/// and its evidence link. Each assessment is read with `model`; others are skipped.
pub fn answers_csv(model: &Model, assessments: &[&Assessment], c: &dyn Catalog) -> String {
    let lang = model.content_lang(c.lang());
    let h = |x: Heading| c.table_heading(x).to_owned();
    let mut w = writer(c);
    let _ = w.write_record([
        h(Heading::Municipality),
        h(Heading::Date),
        h(Heading::Assessment),
        h(Heading::Criterion),
        h(Heading::Pillar),
        h(Heading::Stage),
        h(Heading::Question),
        h(Heading::Answer),
        h(Heading::Note),
        h(Heading::Evidence),
    ]);
    // What every row of a question repeats, looked up once.
    let questions: Vec<[String; 4]> = model
        .criteria()
        .iter()
        .map(|cr| {
            [
                cr.id.to_string(),
                model
                    .pillar(&cr.pillar)
                    .map(|p| p.name.get(lang).to_owned())
                    .unwrap_or_default(),
                cr.stage
                    .as_ref()
                    .and_then(|s| model.stage(s))
                    .map(|s| s.name.get(lang).to_owned())
                    .unwrap_or_default(),
                cr.text.get(lang).to_owned(),
            ]
        })
        .collect();
    for a in assessments.iter().filter(|a| model.is(a.model())) {
        let name = a.display_name();
        let p = a.profile();
        for (cr, [code, pillar, stage, text]) in model.criteria().iter().zip(&questions) {
            let Some(answer) = a.answer(&cr.id) else { continue };
            let label = answer
                .value
                .as_ref()
                .and_then(|v| model.option_of(cr, v))
                .map(|o| o.label.get(lang))
                .unwrap_or_default();
            let _ = w.write_record([
                p.municipality.as_str(),
                p.date.as_str(),
                name.as_str(),
                code,
                pillar,
                stage,
                text,
                label,
                answer.note.as_str(),
                answer.evidence_url.as_str(),
            ]);
        }
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compare::row;
    use crate::answers::assessment::{Change, Edit, ProfileEdit};
    use crate::messages::catalog;
    use crate::testing::*;

    fn yumbo(model: &Model) -> Assessment {
        let mut a = Assessment::new("a-yumbo".into(), model, NOW);
        for e in [
            ProfileEdit::Municipality("Santa Fe de Antioquia".into()),
            ProfileEdit::Country("CO".into()),
            ProfileEdit::Region("Antioquia".into()),
            ProfileEdit::Date("2026-03-01".into()),
        ] {
            a.apply(&Change::Profile(e), NOW);
        }
        for (i, c) in model.criteria().iter().enumerate().take(12) {
            let v = ["yes", "partial", "no"][i % 3];
            a.apply(&Change::Answer(c.id.clone(), Edit::Value(Some(v.into()))), NOW);
        }
        let first = model.criteria()[0].id.clone();
        a.apply(
            &Change::Answer(first, Edit::Note("Dijo \"sí\"; luego,\nen el acta, otra cosa".into())),
            NOW,
        );
        a
    }

    fn read(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .from_reader(text.trim_start_matches(BOM).as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn spanish_excel_gets_a_bom_semicolons_and_decimal_commas() {
        let model = mega();
        let a = yumbo(&model);
        let text = assessments_csv(&model, &[row(&model, &a)], catalog(Lang::Es));
        assert!(text.starts_with(BOM));
        assert!(text.contains("\r\n"));
        let rows = read(&text, b';');
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][0], "Municipio");
        assert_eq!(rows[0][7], "Etapa: Transparencia");
        assert_eq!(rows[0][8], "Índice: Transparencia");
        assert_eq!(
            &rows[1][..5],
            ["Santa Fe de Antioquia", "Colombia", "Antioquia", "", "2026-03-01"]
        );
        assert_eq!(rows[0].len(), rows[1].len());
        let index = &rows[1][8];
        assert!(index.contains(',') && !index.contains('.'), "{index}");
    }

    #[test]
    fn english_gets_commas_and_points_and_notes_survive_quotes_and_line_breaks() {
        let model = mega();
        let a = yumbo(&model);
        let text = assessments_csv(&model, &[row(&model, &a)], catalog(Lang::En));
        let rows = read(&text, b',');
        assert_eq!(rows[0][7], "Stage: Transparency");
        assert!(rows[1][8].contains('.') && !rows[1][8].contains(','), "{}", rows[1][8]);

        let answers = answers_csv(&model, &[&a], catalog(Lang::Es));
        assert!(answers.contains("\"Dijo \"\"sí\"\"; luego,\nen el acta, otra cosa\""));
        let rows = read(&answers, b';');
        assert_eq!(rows.len(), 13, "a heading and one row per answered question");
        assert_eq!(rows[1][8], "Dijo \"sí\"; luego,\nen el acta, otra cosa");
        assert_eq!(rows[1][7], "Sí");
        assert_eq!(rows[2][7], "Parcial");
    }
}
