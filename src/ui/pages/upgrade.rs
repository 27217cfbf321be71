//! Carrying an assessment to the new version of its model: the offer shown on the walk and the
//! results of an assessment made with an earlier version, and the page that previews what
//! happens to each question and then makes the upgraded copy (`/actualizar/:id`).
//!
//! The upgrade never touches the old assessment: it stays on the device and opens exactly as it
//! was. The copy on the new version carries every answer that still holds (`answers::upgrade`),
//! and the walk then opens at the first question to answer again, marked "Nueva".

use crate::ui::i18n::*;
use crate::ui::pages::criterion::card_dom_id;
use crate::ui::pages::not_found::NotOnDevice;
use crate::ui::state::{content_lang, new_id, now_iso, use_id_param, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use megaip_core::answers::assessment::Assessment;
use megaip_core::answers::upgrade::{carry, Carried};
use megaip_core::base::ids::CriterionId;
use megaip_core::content::model::Model;
use megaip_core::content::upgrade::Upgrade;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Shown above the walk and the results: for an assessment of an earlier model version, the
/// offer to upgrade (or the way to the copy already made); for an upgraded one, how many new
/// questions are left, with a link to the next.
#[component]
pub fn UpgradeOffer(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let id = StoredValue::new(id);
    move || {
        let a = state.assessment(&id.get_value())?;
        if let Some((upgrade, newer)) = state.upgrade_for(a.model()) {
            let done = state.workspace.with(|w| {
                w.all()
                    .iter()
                    .find(|b| b.upgraded_from() == Some(a.id()))
                    .map(|b| b.id().to_string())
            });
            let model = newer.name().get(newer.content_lang(lang.get())).to_owned();
            return Some(match done {
                Some(copy) => view! {
                    <aside class="notice upgrade-offer" aria-labelledby="upgrade-offer-title">
                        <h2 id="upgrade-offer-title">{t!(i18n, upgrade.offer_title)}</h2>
                        <p>{t!(i18n, upgrade.already)}</p>
                        <p><A href=format!("/autodiagnostico/{copy}")>{t!(i18n, upgrade.open_copy)}</A></p>
                    </aside>
                }
                .into_any(),
                None => view! {
                    <aside class="notice upgrade-offer" aria-labelledby="upgrade-offer-title">
                        <h2 id="upgrade-offer-title">{t!(i18n, upgrade.offer_title)}</h2>
                        <p>{t_string!(i18n, upgrade.offer_text, model = model.clone(), from = upgrade.from.clone(), to = upgrade.to.clone()).to_string()}</p>
                        <p><A href=format!("/actualizar/{}", id.get_value()) attr:class="button button-primary">{t!(i18n, upgrade.offer_link)}</A></p>
                    </aside>
                }
                .into_any(),
            });
        }
        // An upgraded assessment: the questions still to answer in the new version.
        a.upgraded_from()?;
        let model = state.model_for(a.model())?;
        let again = state.asked_again(&model);
        let open: Vec<CriterionId> = model
            .criteria()
            .iter()
            .filter(|c| again.iter().any(|x| x == c.id.as_str()))
            .filter(|c| a.is_asked(&model, c) && a.value(&c.id).is_none())
            .map(|c| c.id.clone())
            .collect();
        let first = open.first()?;
        let href = question_href(&model, a.id().as_str(), first);
        let n = open.len();
        Some(
            view! {
                <aside class="notice upgrade-offer" aria-labelledby="upgrade-left-title">
                    <h2 id="upgrade-left-title">{t!(i18n, upgrade.left_title)}</h2>
                    <p>{t_string!(i18n, upgrade.left_text, n = n).to_string()}</p>
                    <p><a href=href.clone() on:click=move |ev| go_to_question(ev, href.clone())>{t!(i18n, upgrade.left_link)}</a></p>
                </aside>
            }
            .into_any(),
        )
    }
}

/// The address of a question in the walk: its pillar's step, then its card.
fn question_href(model: &Model, assessment: &str, criterion: &CriterionId) -> String {
    let pillar = model
        .criterion(criterion)
        .map(|c| c.pillar.to_string())
        .unwrap_or_default();
    format!("/autodiagnostico/{assessment}/{pillar}#{}", card_dom_id(criterion))
}

/// Follows a link to a question and brings its card into view once the step has rendered.
fn go_to_question(ev: leptos::ev::MouseEvent, href: String) {
    ev.prevent_default();
    let navigate = use_navigate();
    navigate(&href, Default::default());
    focus_card(href);
}

fn focus_card(href: String) {
    let Some((_, anchor)) = href.split_once('#') else {
        return;
    };
    let anchor = anchor.to_owned();
    // The step renders after the navigation; its card exists a moment later.
    set_timeout(
        move || {
            let Some(card) = document().get_element_by_id(&anchor) else {
                return;
            };
            card.scroll_into_view();
            if let Some(first) = card
                .query_selector("input")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = first.focus();
            }
        },
        std::time::Duration::from_millis(120),
    );
}

/// `/actualizar/:id`: what the upgrade will do, question by question, and the button that does it.
#[component]
pub fn UpgradePage() -> impl IntoView {
    let state = use_state();
    let id = use_id_param();
    move || {
        let Some(a) = state.assessment(&id.get()) else {
            return view! { <NotOnDevice /> }.into_any();
        };
        let old_model = state.model_for(a.model());
        match (old_model, state.upgrade_for(a.model())) {
            (Some(old_model), Some((upgrade, newer))) => {
                view! { <Preview assessment=a old_model upgrade newer /> }.into_any()
            }
            _ => view! { <NothingToUpgrade id=id.get() /> }.into_any(),
        }
    }
}

#[component]
fn NothingToUpgrade(id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 tabindex="-1">{t!(i18n, upgrade.title)}</h1>
        <p>{t!(i18n, upgrade.nothing)}</p>
        <p><A href=format!("/autodiagnostico/{id}")>{t!(i18n, upgrade.back)}</A></p>
    }
}

#[component]
fn Preview(assessment: Assessment, old_model: Arc<Model>, upgrade: Upgrade, newer: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = content_lang(newer.clone(), use_lang());
    let navigate = use_navigate();
    // A dry run on a throwaway id: the same carry the button makes, for the summary.
    let (_, report) = carry(&assessment, &upgrade, &newer, "preview".into(), &now_iso());
    let old_id = assessment.id().to_string();
    let name = assessment.display_name();
    let model_name = newer.name().clone();
    let summary = upgrade.summary.clone();
    let (from, to) = (upgrade.from.clone(), upgrade.to.clone());
    let stored = StoredValue::new((assessment, upgrade.clone(), newer.clone()));
    let make = move |_| {
        let (old, upgrade, newer) = stored.get_value();
        let (copy, report) = carry(&old, &upgrade, &newer, new_id(), &now_iso());
        let copy_id = state.create(copy);
        // The first question to answer in the order the walk asks them.
        let to_answer = report.to_answer();
        let first = newer.criteria().iter().find(|c| to_answer.contains(&&c.id));
        let href = match first {
            Some(c) => question_href(&newer, copy_id.as_str(), &c.id),
            None => format!("/autodiagnostico/{copy_id}"),
        };
        navigate(&href, Default::default());
        focus_card(href);
    };
    let counts = counts(&report);
    let changes = changes(&report, &upgrade, &old_model, &newer);
    view! {
        <p class="crumbs"><A href=format!("/autodiagnostico/{old_id}")>{t!(i18n, upgrade.back)}</A></p>
        <h1 tabindex="-1">{t!(i18n, upgrade.title)}</h1>
        <p class="lead">{move || t_string!(i18n, upgrade.lead, name = name.clone(), model = model_name.get(lang.get()).to_owned(), from = from.clone(), to = to.clone()).to_string()}</p>
        <section aria-labelledby="upgrade-summary">
            <h2 id="upgrade-summary">{t!(i18n, upgrade.summary_title)}</h2>
            <p>{move || summary.get(lang.get()).to_owned()}</p>
            <dl class="upgrade-counts">
                {counts.into_iter().map(|(kind, n)| view! {
                    <div><dt>{move || kind_label(i18n, kind)}</dt><dd>{n}</dd></div>
                }).collect_view()}
            </dl>
            <p>{t!(i18n, upgrade.kept)}</p>
        </section>
        <p><button type="button" class="button button-primary" on:click=make>{t!(i18n, upgrade.go)}</button></p>
        <section aria-labelledby="upgrade-changes">
            <h2 id="upgrade-changes">{t!(i18n, upgrade.changes_title)}</h2>
            <ul class="upgrade-changes">
                {changes.into_iter().map(|c| {
                    let Change { kind, old, old_text, new, why } = c;
                    view! {
                        <li>
                            <p><span class="tag">{move || kind_label(i18n, kind)}</span> " "
                                {old.map(|code| view! { <span class="code">{code}</span> " " })}
                                {move || old_text.as_ref().map(|t| t.get(lang.get()).to_owned())}</p>
                            {(!new.is_empty()).then(|| view! {
                                <ul>{new.into_iter().map(|(code, text)| view! {
                                    <li><span class="code">{code}</span> " " {move || text.get(lang.get()).to_owned()}</li>
                                }).collect_view()}</ul>
                            })}
                            {why.map(|w| view! { <p class="muted">{move || w.get(lang.get()).to_owned()}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The kinds of change the summary counts and lists.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Same,
    Moved,
    AskAgain,
    ToCondition,
    Dropped,
    New,
}

fn kind_label(i18n: leptos_i18n::I18nContext<Locale>, kind: Kind) -> String {
    match kind {
        Kind::Same => t_string!(i18n, upgrade.kind_same),
        Kind::Moved => t_string!(i18n, upgrade.kind_moved),
        Kind::AskAgain => t_string!(i18n, upgrade.kind_ask_again),
        Kind::ToCondition => t_string!(i18n, upgrade.kind_to_condition),
        Kind::Dropped => t_string!(i18n, upgrade.kind_dropped),
        Kind::New => t_string!(i18n, upgrade.kind_new),
    }
    .to_string()
}

fn counts(r: &Carried) -> Vec<(Kind, usize)> {
    [
        (Kind::Same, r.same.len()),
        (Kind::Moved, r.moved.len()),
        (Kind::AskAgain, r.ask_again.len()),
        (Kind::ToCondition, r.to_condition.len()),
        (Kind::Dropped, r.dropped.len()),
        (Kind::New, r.new.len()),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .collect()
}

/// One line of the list of changes: the old question, what it became, and why.
struct Change {
    kind: Kind,
    old: Option<String>,
    old_text: Option<megaip_core::base::text::Text>,
    new: Vec<(String, megaip_core::base::text::Text)>,
    why: Option<megaip_core::base::text::Text>,
}

/// Every answered question that does not simply carry over, then the questions with no past.
fn changes(r: &Carried, upgrade: &Upgrade, old: &Model, new: &Model) -> Vec<Change> {
    let text_new = |ids: &[CriterionId]| -> Vec<(String, megaip_core::base::text::Text)> {
        ids.iter()
            .filter_map(|id| new.criterion(id).map(|c| (id.to_string(), c.text.clone())))
            .collect()
    };
    let line = |kind: Kind, from: &CriterionId, to: Vec<CriterionId>| {
        let m = upgrade.mapping(from);
        Change {
            kind,
            old: Some(from.to_string()),
            old_text: old.criterion(from).map(|c| c.text.clone()),
            new: text_new(&to),
            why: m.and_then(|m| m.why.clone()),
        }
    };
    let mut out: Vec<Change> = Vec::new();
    out.extend(
        r.moved
            .iter()
            .map(|(from, to)| line(Kind::Moved, from, vec![to.clone()])),
    );
    out.extend(
        r.ask_again
            .iter()
            .map(|(from, to)| line(Kind::AskAgain, from, to.clone())),
    );
    out.extend(r.to_condition.iter().map(|(from, condition)| {
        let mut c = line(Kind::ToCondition, from, vec![]);
        if let Some(cond) = new.condition(condition) {
            c.new = vec![(String::new(), cond.name.clone())];
        }
        c
    }));
    out.extend(r.dropped.iter().map(|from| line(Kind::Dropped, from, vec![])));
    if !r.new.is_empty() {
        out.push(Change {
            kind: Kind::New,
            old: None,
            old_text: None,
            new: text_new(&r.new),
            why: None,
        });
    }
    out
}
