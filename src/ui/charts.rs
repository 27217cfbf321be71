//! Charts drawn as plain SVG and HTML from the scores: the radar of pillar indices and the
//! pillar × stage heatmap. Each chart goes with a table holding the same figures, so nothing is
//! shown only as shape or colour.

use crate::ui::i18n::*;
use leptos::prelude::*;
use megaip_core::analysis::scoring::Scores;
use megaip_core::base::locale::Lang;
use megaip_core::content::model::Model;
use megaip_core::messages::catalog;
use std::f64::consts::PI;
use std::sync::Arc;

/// A number in the user's convention (`1,40` in Spanish, `1.40` in English).
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    catalog(lang).number(x, decimals)
}

/// A share (0..1) as a percentage (`75 %` in Spanish, `75%` in English).
pub fn percent(share: f64, lang: Lang) -> String {
    catalog(lang).percent(share)
}

/// Radar of pillar indices (0 at the centre, the top stage at the edge). For fewer than three
/// pillars a radar says nothing, so only the table is shown.
#[component]
pub fn Radar(model: Arc<Model>, scores: Signal<Scores>, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let n = model.pillars().len();
    if n < 3 {
        return ().into_any();
    }
    let levels = model.stages().len().max(1);
    let radius = 100.0;
    let point = move |i: usize, r: f64| {
        let angle = -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
        (r * angle.cos(), r * angle.sin())
    };
    let ring = move |level: usize| {
        (0..n)
            .map(|i| {
                let (x, y) = point(i, radius * level as f64 / levels as f64);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let model = StoredValue::new(model);
    let shape = move || {
        scores.with(|s| {
            s.pillars
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let (x, y) = point(i, radius * p.index / levels as f64);
                    format!("{x:.1},{y:.1}")
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    view! {
        <svg class="radar" viewBox="-260 -150 520 300" role="img" aria-labelledby="radar-title radar-desc">
            <title id="radar-title">{t!(i18n, results.radar_title)}</title>
            <desc id="radar-desc">{t!(i18n, results.radar_desc)}</desc>
            {(1..=levels).map(|l| view! { <polygon class="ring" points=ring(l) /> }).collect_view()}
            {(0..n).map(|i| { let (x, y) = point(i, radius); view! { <line class="axis" x1="0" y1="0" x2=format!("{x:.1}") y2=format!("{y:.1}") /> } }).collect_view()}
            <polygon class="shape" points=shape />
            {move || scores.with(|s| s.pillars.iter().enumerate().map(|(i, p)| {
                let (x, y) = point(i, radius * p.index / levels as f64);
                view! { <circle class="dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="3.5" /> }
            }).collect_view())}
            {move || model.with_value(|m| m.pillars().iter().enumerate().map(|(i, p)| {
                let (x, y) = point(i, radius + 14.0);
                let anchor = if x.abs() < 1.0 { "middle" } else if x > 0.0 { "start" } else { "end" };
                let dy = if y < -radius { "-0.2em" } else if y > radius { "0.9em" } else { "0.35em" };
                // Long names go on two lines, so no label runs past the edge of the chart.
                let (first, second) = split_label(p.name.get(lang.get()));
                let x = format!("{x:.1}");
                view! {
                    <text x=x.clone() y=format!("{y:.1}") text-anchor=anchor dy=dy>
                        <tspan x=x.clone()>{first}</tspan>
                        {second.map(|s| view! { <tspan x=x.clone() dy="1.15em">{s}</tspan> })}
                    </text>
                }
            }).collect_view())}
        </svg>
    }
    .into_any()
}

/// A label in one line, or split at the space nearest its middle when it is long.
fn split_label(label: &str) -> (String, Option<String>) {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= 14 {
        return (label.to_owned(), None);
    }
    let middle = chars.len() / 2;
    let split = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == ' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => (chars.iter().take(i).collect(), Some(chars.iter().skip(i + 1).collect())),
        None => (label.to_owned(), None),
    }
}

/// Heatmap class of one cell: reached, met but not yet counted, on the way, or nothing yet.
pub fn heat_class(share: f64, met: bool, reached: bool) -> &'static str {
    match (reached, met) {
        (true, _) => "heat heat-reached",
        (false, true) => "heat heat-met",
        _ if share >= 0.35 => "heat heat-mid",
        _ if share > 0.0 => "heat heat-low",
        _ => "heat heat-none",
    }
}
