//! The desk's closer look at a few municipalities: side by side (2 to 4, per pillar and per
//! question, the differences marked). One municipality over time is `history`.

use super::Entry;
use crate::ui::i18n::*;
use crate::ui::state::use_lang;
use leptos::prelude::*;
use megaip_core::content::model::Model;
use megaip_core::messages::{catalog, stage_name};
use std::sync::Arc;

pub(super) fn answer_label(model: &Model, e: &Entry, criterion: &str, lang: megaip_core::base::locale::Lang) -> String {
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
