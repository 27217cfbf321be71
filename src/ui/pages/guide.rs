//! `/taller/guia`: the facilitator's guide. What to prepare, a two-hour agenda (welcome,
//! individual round, discussion of the divided items, second round, a first look at the plan),
//! the consensus rule in one paragraph, and what to do after. It prints on one or two pages.

use crate::ui::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

/// A list of sentences: one view type for any number of items, and cheap in the wasm (each
/// `t!` in a view is its own type).
fn items(texts: Vec<&'static str>) -> impl IntoView {
    texts.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()
}

#[component]
pub fn FacilitatorGuide() -> impl IntoView {
    let i18n = use_i18n();
    let agenda = move || {
        [
            (t_string!(i18n, guide.step1), t_string!(i18n, guide.step1_text)),
            (t_string!(i18n, guide.step2), t_string!(i18n, guide.step2_text)),
            (t_string!(i18n, guide.step3), t_string!(i18n, guide.step3_text)),
            (t_string!(i18n, guide.step4), t_string!(i18n, guide.step4_text)),
            (t_string!(i18n, guide.step5), t_string!(i18n, guide.step5_text)),
        ]
        .into_iter()
        .map(|(title, text)| view! { <li><h3>{title}</h3><p>{text}</p></li> })
        .collect_view()
    };
    view! {
        <p class="crumbs no-print"><A href="/taller">{t!(i18n, guide.back)}</A></p>
        <h1 tabindex="-1">{t!(i18n, guide.title)}</h1>
        <p class="lead">{t!(i18n, guide.lead)}</p>
        <p class="no-print"><button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t!(i18n, guide.print)}</button></p>
        <section class="card" aria-labelledby="guide-before">
            <h2 id="guide-before">{t!(i18n, guide.before_title)}</h2>
            <ul>{move || items(vec![
                t_string!(i18n, guide.before_1),
                t_string!(i18n, guide.before_2),
                t_string!(i18n, guide.before_3),
                t_string!(i18n, guide.before_4),
                t_string!(i18n, guide.before_5),
            ])}</ul>
        </section>
        <section class="card" aria-labelledby="guide-agenda">
            <h2 id="guide-agenda">{t!(i18n, guide.agenda_title)}</h2>
            <p>{t!(i18n, guide.agenda_intro)}</p>
            <ol class="agenda">{agenda}</ol>
        </section>
        <section class="card" aria-labelledby="guide-rule">
            <h2 id="guide-rule">{t!(i18n, guide.rule_title)}</h2>
            <p>{t!(i18n, guide.rule_text)}</p>
        </section>
        <section class="card" aria-labelledby="guide-tips">
            <h2 id="guide-tips">{t!(i18n, guide.tips_title)}</h2>
            <ul>{move || items(vec![t_string!(i18n, guide.tips_1), t_string!(i18n, guide.tips_2), t_string!(i18n, guide.tips_3)])}</ul>
        </section>
        <section class="card" aria-labelledby="guide-after">
            <h2 id="guide-after">{t!(i18n, guide.after_title)}</h2>
            <ul>{move || items(vec![t_string!(i18n, guide.after_1), t_string!(i18n, guide.after_2)])}</ul>
        </section>
    }
}
