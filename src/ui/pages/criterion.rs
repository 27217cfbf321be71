//! One question of the walk: a criterion (Sí / Parcial / No / No aplica) or an enabling
//! condition (Sí / Parcial / No), with its help, a note and an evidence link.
//!
//! The question is the `<legend>` of its radio group, so a screen reader announces it with each
//! choice, and arrow keys move between choices as in any native radio group. Text fields are
//! uncontrolled (see `ProfileStep`); every change is saved at once.

use crate::domain::assessment::{AnswerValue, Edit};
use crate::domain::model::Model;
use crate::ui::i18n::*;
use crate::ui::state::{use_lang, use_state};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    Criterion(String),
    Condition(String),
}

impl Subject {
    fn id(&self) -> &str {
        match self {
            Subject::Criterion(id) | Subject::Condition(id) => id,
        }
    }
}

/// Only http(s) links are shown as links: a typed `javascript:` URL must stay inert text.
fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && lower.len() > 8
}

#[component]
pub fn AnswerCard(id: String, model: Arc<Model>, subject: Subject) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let key = subject.id().to_owned();
    let dom = format!("q-{}", key.replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
    let assessment_id = StoredValue::new(id);
    let subject = StoredValue::new(subject);

    let current = move || {
        state.workspace.with(|w| {
            w.get(&assessment_id.get_value())
                .and_then(|a| match &subject.get_value() {
                    Subject::Criterion(c) => a.answers.get(c).cloned(),
                    Subject::Condition(c) => a.conditions.get(c).cloned(),
                })
        })
    };
    let initial = current().unwrap_or_default();
    let edit = move |edit: Edit| {
        state.update(&assessment_id.get_value(), |a, now| match &subject.get_value() {
            Subject::Criterion(c) => a.edit_answer(c, edit, now),
            Subject::Condition(c) => a.edit_condition(c, edit, now),
        });
    };
    let evidence = RwSignal::new(initial.evidence_url.clone());

    let (question, help, examples, lines, frameworks, code) = match subject.get_value() {
        Subject::Criterion(c) => {
            let Some(c) = model.criterion(&c).cloned() else {
                return ().into_any();
            };
            let lines: Vec<_> = c
                .lines
                .iter()
                .filter_map(|l| model.line(l).map(|l| l.name.clone()))
                .collect();
            let frameworks: Vec<_> = c
                .frameworks
                .iter()
                .filter_map(|f| model.framework(f).map(|f| (f.name.clone(), f.url.clone())))
                .collect();
            (c.text, Some(c.help), c.evidence, lines, frameworks, Some(c.id))
        }
        Subject::Condition(c) => {
            let Some(c) = model.conditions.iter().find(|x| x.id == c).cloned() else {
                return ().into_any();
            };
            (c.question, Some(c.description), vec![], vec![], vec![], None)
        }
    };
    let choices: &[AnswerValue] = match subject.get_value() {
        Subject::Criterion(_) => &AnswerValue::ALL,
        Subject::Condition(_) => &[AnswerValue::Yes, AnswerValue::Partial, AnswerValue::No],
    };
    let label = move |v: AnswerValue| match v {
        AnswerValue::Yes => t_string!(i18n, answer.yes),
        AnswerValue::Partial => t_string!(i18n, answer.partial),
        AnswerValue::No => t_string!(i18n, answer.no),
        AnswerValue::NotApplicable => t_string!(i18n, answer.not_applicable),
    };
    let state_class = move || match current().and_then(|a| a.value) {
        None => "answer-card",
        Some(AnswerValue::Yes) => "answer-card is-yes",
        Some(AnswerValue::Partial) => "answer-card is-partial",
        Some(AnswerValue::No) => "answer-card is-no",
        Some(AnswerValue::NotApplicable) => "answer-card is-na",
    };
    let has_details = !examples.is_empty() || !frameworks.is_empty() || !lines.is_empty();
    let dom = StoredValue::new(dom);

    view! {
        <article class=state_class id=dom.get_value()>
            <fieldset>
                <legend>
                    {code.map(|c| view! { <span class="code">{c}</span> " " })}
                    {move || question.get(lang.get()).to_string()}
                </legend>
                <div class="choices">
                    {choices.iter().map(|&v| {
                        let input_id = format!("{}-{}", dom.get_value(), serde_json::to_string(&v).unwrap_or_default().trim_matches('"'));
                        let for_id = input_id.clone();
                        view! {
                            <label class="choice" for=for_id>
                                <input
                                    type="radio"
                                    id=input_id
                                    name=dom.get_value()
                                    prop:checked=move || current().and_then(|a| a.value) == Some(v)
                                    on:change=move |_| edit(Edit::Value(Some(v)))
                                />
                                <span>{move || label(v)}</span>
                            </label>
                        }
                    }).collect_view()}
                    <Show when=move || current().and_then(|a| a.value).is_some()>
                        <button type="button" class="link clear" on:click=move |_| edit(Edit::Value(None))>
                            {t!(i18n, answer.clear)}
                        </button>
                    </Show>
                </div>
            </fieldset>
            <details class="help">
                <summary>{t!(i18n, answer.help)}</summary>
                {help.map(|h| view! { <p>{move || h.get(lang.get()).to_string()}</p> })}
                {has_details.then(|| view! {
                    {(!examples.is_empty()).then(|| { let examples = examples.clone(); view! {
                        <p class="help-label">{t!(i18n, answer.evidence_examples)}</p>
                        <ul>{move || examples.iter().map(|e| view! { <li>{e.get(lang.get()).to_string()}</li> }).collect_view()}</ul>
                    }})}
                    {(!lines.is_empty()).then(|| { let lines = lines.clone(); view! {
                        <p><span class="help-label">{t!(i18n, answer.lines)}</span> " "
                            {move || lines.iter().map(|l| l.get(lang.get()).to_string()).collect::<Vec<_>>().join(" · ")}</p>
                    }})}
                    {(!frameworks.is_empty()).then(|| { let frameworks = frameworks.clone(); view! {
                        <p class="help-label">{t!(i18n, answer.frameworks)}</p>
                        <ul>{move || frameworks.iter().map(|(name, url)| view! {
                            <li><a href=url.clone() target="_blank" rel="noopener noreferrer">{name.get(lang.get()).to_string()}</a></li>
                        }).collect_view()}</ul>
                    }})}
                })}
            </details>
            <div class="answer-fields">
                <div class="field">
                    <label for=format!("{}-note", dom.get_value())>{t!(i18n, answer.note)}</label>
                    <textarea id=format!("{}-note", dom.get_value()) rows="2"
                        on:input=move |ev| edit(Edit::Note(event_target_value(&ev)))>{initial.note.clone()}</textarea>
                </div>
                <div class="field">
                    <label for=format!("{}-evidence", dom.get_value())>{t!(i18n, answer.evidence)}</label>
                    <input id=format!("{}-evidence", dom.get_value()) type="url" inputmode="url" placeholder="https://"
                        value=initial.evidence_url.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); evidence.set(v.clone()); edit(Edit::Evidence(v)) } />
                    <Show when=move || { let e = evidence.get(); !e.trim().is_empty() && !is_web_link(&e) }>
                        <p class="hint">{t!(i18n, answer.evidence_hint)}</p>
                    </Show>
                    <Show when=move || is_web_link(&evidence.get())>
                        <p class="hint"><a href=move || evidence.get().trim().to_string() target="_blank" rel="noopener noreferrer">{t!(i18n, answer.open_evidence)}</a></p>
                    </Show>
                </div>
            </div>
        </article>
    }
    .into_any()
}
