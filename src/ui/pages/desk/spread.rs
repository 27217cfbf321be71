//! How the collection's stages are spread, pillar by pillar: one stacked bar per pillar (darker
//! for later stages), with a table of the same counts so nothing is told by colour alone.

use crate::ui::i18n::*;
use crate::ui::state::use_lang;
use leptos::prelude::*;
use megaip_core::analysis::overview::Spread;
use megaip_core::content::model::Model;
use megaip_core::messages::{catalog, stage_name};
use std::sync::Arc;

#[component]
pub fn StageSpread(model: Arc<Model>, spread: Vec<Spread>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let levels = model.stages().len();
    let model = StoredValue::new(model);
    let spread = StoredValue::new(spread);
    let name = move |level: usize| model.with_value(|m| stage_name(catalog(lang.get()), m, level));
    view! {
        <section class="desk-spread" aria-labelledby="desk-spread-title">
            <h3 id="desk-spread-title">{t!(i18n, desk.spread_title)}</h3>
            <div class="desk-spread-bars" aria-hidden="true">
                {move || model.with_value(|m| spread.with_value(|all| m.pillars().iter().zip(all).map(|(p, s)| {
                    let total = (s.counts.iter().sum::<usize>() + s.not_assessed).max(1) as f64;
                    let mut x = 0.0;
                    let rects = s.counts.iter().enumerate().filter(|(_, n)| **n > 0).map(|(level, n)| {
                        let w = 100.0 * *n as f64 / total;
                        let rect = view! { <rect class=format!("spread-{level}") x=format!("{x:.2}") width=format!("{w:.2}") height="10" /> };
                        x += w;
                        rect
                    }).collect_view();
                    view! {
                        <p class="spread-row">
                            <span>{p.name.get(m.content_lang(lang.get())).to_owned()}</span>
                            <svg viewBox="0 0 100 10" preserveAspectRatio="none" class="spread-bar"><rect class="spread-bg" width="100" height="10" />{rects}</svg>
                        </p>
                    }
                }).collect_view()))}
                <p class="spread-legend">
                    {(0..=levels).map(|level| view! { <span><svg viewBox="0 0 10 10" class="spread-key"><rect class=format!("spread-{level}") width="10" height="10" /></svg> {move || name(level)}</span> }).collect_view()}
                </p>
            </div>
            <div class="table-scroll" tabindex="0">
                <table class="desk-spread-table">
                    <caption class="visually-hidden">{t!(i18n, desk.spread_title)}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, walk.pillar)}</th>
                        {(0..=levels).map(|level| view! { <th scope="col">{move || name(level)}</th> }).collect_view()}
                        <th scope="col">{t!(i18n, results.not_assessed_short)}</th>
                    </tr></thead>
                    <tbody>
                        {move || model.with_value(|m| spread.with_value(|all| m.pillars().iter().zip(all).map(|(p, s)| view! {
                            <tr>
                                <th scope="row">{p.name.get(m.content_lang(lang.get())).to_owned()}</th>
                                {s.counts.iter().map(|n| view! { <td>{*n}</td> }).collect_view()}
                                <td>{s.not_assessed}</td>
                            </tr>
                        }).collect_view()))}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
