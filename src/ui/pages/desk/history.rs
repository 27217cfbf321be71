//! One municipality over time: its assessments by date, a line of each pillar's index, and
//! between any two dates what improved or went back (`analysis::compare::changes`) and which
//! plan steps were finished (`analysis::compare::steps_done_between`). Shown on the desk for a
//! collection's files and on the results page for the device's own assessments.

use super::views::answer_label;
use super::Entry;
use crate::ui::i18n::*;
use crate::ui::state::{use_lang, use_state};
use leptos::prelude::*;
use megaip_core::analysis::compare::{changes, steps_done_between, Movement};
use megaip_core::content::model::Model;
use megaip_core::messages::{catalog, stage_name};
use megaip_core::reports::chart;
use std::sync::Arc;

/// One municipality's assessments by date, and what changed between two of them.
#[component]
pub fn History(model: Arc<Model>, entries: Vec<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_lang();
    let state = use_state();
    let mut entries = entries;
    entries.sort_by(|a, b| a.row.profile.date.cmp(&b.row.profile.date));
    let last = entries.len().saturating_sub(1);
    let from = RwSignal::new(0usize);
    let to = RwSignal::new(last);
    let name = entries
        .first()
        .map(|e| e.row.profile.municipality.clone())
        .unwrap_or_default();
    let entries = StoredValue::new(entries);
    let model = StoredValue::new(model);
    let dates = move || entries.with_value(|e| e.iter().map(|x| x.row.profile.date.clone()).collect::<Vec<_>>());
    let pick = move |which: RwSignal<usize>, id: &'static str, label: &'static str| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| which.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {dates().into_iter().enumerate().map(|(i, d)| view! { <option value=i.to_string() selected=move || which.get() == i>{d}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let haga = state.haga();
    let with_toolkit = model.with_value(|m| state.toolkit_applies(m));
    view! {
        <section class="card desk-history" aria-labelledby="history-title">
            <h2 id="history-title">{t!(i18n, desk.history_title)} ": " {name}</h2>
            {move || model.with_value(|m| entries.with_value(|all| {
                let series: Vec<Vec<f64>> = (0..m.pillars().len())
                    .map(|i| all.iter().map(|e| e.row.pillars.get(i).map_or(0.0, |p| p.index)).collect())
                    .collect();
                let l = m.content_lang(ui.get());
                let names: Vec<String> = m.pillars().iter().map(|p| p.name.get(l).to_owned()).collect();
                chart::lines(&series, all.len(), m.stages().len()).map(|g| view! {
                    <IndexLines lines=g names dates=dates() />
                })
            }))}
            <div class="table-scroll">
                <table class="desk-side-table">
                    <caption class="visually-hidden">{t!(i18n, desk.history_title)}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, profile.date)}</th>
                        {move || model.with_value(|m| { let l = m.content_lang(ui.get()); m.pillars().iter().map(|p| view! { <th scope="col">{p.name.get(l).to_owned()}</th> }).collect_view() })}
                    </tr></thead>
                    <tbody>
                        {move || {
                            let c = catalog(ui.get());
                            entries.with_value(|all| all.iter().map(|e| view! {
                                <tr>
                                    <th scope="row">{e.row.profile.date.clone()}</th>
                                    {e.row.pillars.iter().map(|f| view! { <td>{model.with_value(|m| stage_name(c, m, f.level))} " · " {c.number(f.index, 2)}</td> }).collect_view()}
                                </tr>
                            }).collect_view())
                        }}
                    </tbody>
                </table>
            </div>
            <div class="desk-filters">
                {pick(from, "history-from", t_string!(i18n, desk.history_from))}
                {pick(to, "history-to", t_string!(i18n, desk.history_to))}
            </div>
            {move || {
                let (a, b) = (from.get(), to.get());
                let titles: Vec<String> = model.with_value(|m| entries.with_value(|all| {
                    let (Some(then), Some(now)) = (all.get(a), all.get(b)) else { return Vec::new() };
                    let c = catalog(ui.get());
                    steps_done_between(&then.assessment, &now.assessment)
                        .into_iter()
                        .map(|s| c.plan_step_title(s, m, &haga))
                        .collect()
                }));
                with_toolkit.then(|| view! {
                    <h3>{t!(i18n, desk.history_steps)}</h3>
                    {if titles.is_empty() {
                        view! { <p class="muted">{t!(i18n, desk.history_no_steps)}</p> }.into_any()
                    } else {
                        view! { <ul class="history-steps">{titles.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
                    }}
                })
            }}
            <h3>{t!(i18n, desk.history_answers)}</h3>
            <ul class="desk-changes" aria-live="polite">
                {move || {
                    let (a, b) = (from.get(), to.get());
                    model.with_value(|m| entries.with_value(|all| {
                        let (Some(then), Some(now)) = (all.get(a), all.get(b)) else { return Vec::new() };
                        let l = m.content_lang(ui.get());
                        let found = changes(m, &then.assessment, &now.assessment);
                        if found.is_empty() {
                            return vec![view! { <li class="muted">{t!(i18n, desk.history_same)}</li> }.into_any()];
                        }
                        found.into_iter().map(|ch| {
                            let word = match ch.movement {
                                Movement::Improved => t_string!(i18n, desk.improved),
                                Movement::WentBack => t_string!(i18n, desk.went_back),
                                Movement::Changed => t_string!(i18n, desk.changed),
                            };
                            let before = answer_label(m, then, &ch.criterion, l);
                            let after = answer_label(m, now, &ch.criterion, l);
                            let class = match ch.movement {
                                Movement::Improved => "improved",
                                Movement::WentBack => "went-back",
                                Movement::Changed => "changed",
                            };
                            view! { <li class=class><span class="code">{ch.criterion.to_string()}</span> " " {format!("{before} → {after}")} " · " <strong>{word}</strong></li> }.into_any()
                        }).collect::<Vec<_>>()
                    }))
                }}
            </ul>
        </section>
    }
}

/// The index of each pillar over the dates: one coloured line per pillar, named in a legend.
/// The table above holds the same figures.
#[component]
fn IndexLines(lines: chart::Lines, names: Vec<String>, dates: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let chart::Lines {
        lines,
        grid,
        xs,
        left,
        right,
    } = lines;
    view! {
        <figure class="index-lines">
            <svg viewBox=chart::LINES_VIEWBOX role="img" aria-labelledby="lines-title">
                <title id="lines-title">{t!(i18n, desk.history_lines)}</title>
                {grid.into_iter().map(|(v, y)| view! {
                    <line class="grid" x1=left.clone() x2=right.clone() y1=y.clone() y2=y.clone() />
                    <text class="tick" x="32" y=y text-anchor="end" dy="0.35em">{v}</text>
                }).collect_view()}
                {xs.into_iter().zip(dates).map(|(x, d)| view! { <text class="tick" x=x y="196" text-anchor="middle">{d}</text> }).collect_view()}
                {lines.into_iter().enumerate().map(|(i, l)| view! {
                    <polyline class=format!("series series-{i}") points=l.points />
                    {l.dots.into_iter().map(|(x, y)| view! { <circle class=format!("series-dot series-{i}") cx=x cy=y r="3" /> }).collect_view()}
                }).collect_view()}
            </svg>
            <figcaption class="lines-legend">
                {names.into_iter().enumerate().map(|(i, n)| view! {
                    <span><svg viewBox="0 0 10 10" class="spread-key" aria-hidden="true"><rect class=format!("series-key series-{i}") width="10" height="10" /></svg> {n}</span>
                }).collect_view()}
            </figcaption>
        </figure>
    }
}
