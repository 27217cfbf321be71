//! The desk's two closer looks: municipalities side by side (2 to 4, per pillar and per question,
//! the differences marked) and one municipality over time (its assessments by date, and what
//! improved or went back between two of them, from `analysis::compare::changes`).

use super::Entry;
use crate::ui::i18n::*;
use crate::ui::state::use_lang;
use leptos::prelude::*;
use megaip_core::analysis::compare::{changes, Movement};
use megaip_core::content::model::Model;
use megaip_core::messages::{catalog, stage_name};
use std::sync::Arc;

fn answer_label(model: &Model, e: &Entry, criterion: &str, lang: megaip_core::base::locale::Lang) -> String {
    let Some(c) = model.criterion(criterion) else {
        return String::new();
    };
    e.assessment
        .value(criterion)
        .and_then(|v| model.option_of(c, v))
        .map(|o| o.label.get(lang).to_owned())
        .unwrap_or_else(|| "—".to_owned())
}

/// 2 to 4 assessments side by side: each pillar's stage and index, then every question whose
/// answers are not all the same, a cell marked where it differs from the first column.
#[component]
pub fn SideBySide(model: Arc<Model>, picked: Vec<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_lang();
    let content = StoredValue::new(model.clone());
    let view_lang = move || content.with_value(|m| m.content_lang(ui.get()));
    let differing: Vec<String> = model
        .criteria()
        .iter()
        .filter(|c| {
            let first = picked.first().and_then(|e| e.assessment.value(&c.id).cloned());
            picked.iter().any(|e| e.assessment.value(&c.id).cloned() != first)
        })
        .map(|c| c.id.to_string())
        .collect();
    let n = differing.len();
    let (model_a, model_b, model_c) = (model.clone(), model.clone(), model.clone());
    let (picked_a, picked_b, picked_c) = (picked.clone(), picked.clone(), picked.clone());
    view! {
        <section class="card desk-side" aria-labelledby="side-title">
            <h2 id="side-title">{t!(i18n, desk.side_title)}</h2>
            <div class="table-scroll">
                <table class="desk-side-table">
                    <caption class="visually-hidden">{t!(i18n, desk.side_title)}</caption>
                    <thead><tr>
                        <td></td>
                        {picked_a.iter().map(|e| view! { <th scope="col">{e.row.profile.municipality.clone()}<br /><span class="muted">{e.row.profile.date.clone()}</span></th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || {
                            let l = view_lang();
                            let c = catalog(ui.get());
                            model_a.pillars().iter().enumerate().map(|(i, p)| {
                                let first = picked_b.first().and_then(|e| e.row.pillars.get(i)).map(|f| f.level);
                                view! {
                                    <tr>
                                        <th scope="row">{p.name.get(l).to_owned()}</th>
                                        {picked_b.iter().map(|e| {
                                            let f = e.row.pillars.get(i);
                                            let level = f.map(|f| f.level);
                                            let text = f.map(|f| format!("{} · {}", stage_name(c, &model_b, f.level), c.number(f.index, 2))).unwrap_or_default();
                                            view! { <td class:differs=level != first>{text}</td> }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <h3>{t_string!(i18n, desk.side_questions, n = n).to_string()}</h3>
            <div class="table-scroll">
                <table class="desk-side-table">
                    <caption class="visually-hidden">{t_string!(i18n, desk.side_questions, n = n).to_string()}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, desk.question)}</th>
                        {picked_c.iter().map(|e| view! { <th scope="col">{e.row.profile.municipality.clone()}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || {
                            let l = view_lang();
                            differing.iter().map(|id| {
                                let text = model_c.criterion(id).map(|c| c.text.get(l).to_owned()).unwrap_or_default();
                                let first = picked_c.first().map(|e| answer_label(&model_c, e, id, l));
                                view! {
                                    <tr>
                                        <th scope="row"><span class="code">{id.clone()}</span> " " {text}</th>
                                        {picked_c.iter().map(|e| {
                                            let label = answer_label(&model_c, e, id, l);
                                            let differs = Some(&label) != first.as_ref();
                                            view! { <td class:differs=differs>{label}</td> }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One municipality's assessments by date, and what changed between two of them.
#[component]
pub fn History(model: Arc<Model>, entries: Vec<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_lang();
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
    view! {
        <section class="card desk-history" aria-labelledby="history-title">
            <h2 id="history-title">{t!(i18n, desk.history_title)} ": " {name}</h2>
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
