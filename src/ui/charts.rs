//! Charts drawn as plain SVG and HTML from the scores: the radar of pillar indices and the
//! pillar × stage heatmap. Each chart goes with a table holding the same figures, so nothing is
//! shown only as shape or colour.

use crate::ui::i18n::*;
use leptos::prelude::*;
use megaip_core::analysis::scoring::Scores;
use megaip_core::base::locale::Lang;
use megaip_core::content::model::Model;
use megaip_core::messages::catalog;
use megaip_core::reports::chart;
use std::sync::Arc;

pub use chart::heat_class;

/// A number in the user's convention (`1,40` in Spanish, `1.40` in English).
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    catalog(lang).number(x, decimals)
}

/// A share (0..1) as a percentage (`75 %` in Spanish, `75%` in English).
pub fn percent(share: f64, lang: Lang) -> String {
    catalog(lang).percent(share)
}

/// Radar of pillar indices (0 at the centre, the top stage at the edge), drawn from
/// [`chart::radar`]. For fewer than three pillars a radar says nothing, so only the table is
/// shown.
#[component]
pub fn Radar(model: Arc<Model>, scores: Signal<Scores>, lang: Signal<Lang>) -> impl IntoView {
    let geometry = move || {
        let names: Vec<String> = model
            .pillars()
            .iter()
            .map(|p| p.name.get(lang.get()).to_owned())
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let values: Vec<f64> = scores.with(|s| s.pillars.iter().map(|p| p.index).collect());
        chart::radar(&names, &values, model.stages().len())
    };
    move || geometry().map(|r| view! { <RadarSvg radar=r /> })
}

/// A radar's shape as SVG, titled for screen readers.
#[component]
pub fn RadarSvg(radar: chart::Radar) -> impl IntoView {
    let i18n = use_i18n();
    let chart::Radar {
        rings,
        axes,
        shape,
        dots,
        labels,
    } = radar;
    view! {
        <svg class="radar" viewBox=chart::RADAR_VIEWBOX role="img" aria-labelledby="radar-title radar-desc">
            <title id="radar-title">{t!(i18n, results.radar_title)}</title>
            <desc id="radar-desc">{t!(i18n, results.radar_desc)}</desc>
            {rings.into_iter().map(|points| view! { <polygon class="ring" points=points /> }).collect_view()}
            {axes.into_iter().map(|(x, y)| view! { <line class="axis" x1="0" y1="0" x2=x y2=y /> }).collect_view()}
            <polygon class="shape" points=shape />
            {dots.into_iter().map(|(x, y)| view! { <circle class="dot" cx=x cy=y r="3.5" /> }).collect_view()}
            {labels.into_iter().map(|l| {
                let x = l.x.clone();
                view! {
                    <text x=l.x y=l.y text-anchor=l.anchor dy=l.dy>
                        <tspan x=x.clone()>{l.first}</tspan>
                        {l.second.map(|s| view! { <tspan x=x.clone() dy="1.15em">{s}</tspan> })}
                    </text>
                }
            }).collect_view()}
        </svg>
    }
}
