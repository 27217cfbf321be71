//! One question of the walk: a criterion or an enabling condition, answered with the options of
//! its scale (as the model defines them), with its help, a note and an evidence link.
//!
//! The question is the `<legend>` of its radio group, so a screen reader announces it with each
//! choice, and arrow keys move between choices as in any native radio group. Text fields are
//! uncontrolled (see `ProfileStep`); every change is saved a moment later.

use crate::ui::i18n::*;
use crate::ui::state::{content_lang, use_lang, use_state};
use leptos::prelude::*;
use megaip_core::answers::assessment::{Answer, Change, Edit};
use megaip_core::base::ids::OptionId;
use megaip_core::base::text::Text;
use megaip_core::base::validate::safe_web_link;
use megaip_core::content::model::Model;
use megaip_core::content::scale::{Scale, Tone};
use std::sync::Arc;

/// Which question a card asks.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    Criterion(String),
    Condition(String),
}

impl Question {
    fn id(&self) -> &str {
        match self {
            Question::Criterion(id) | Question::Condition(id) => id,
        }
    }

    fn change(&self, edit: Edit) -> Change {
        match self {
            Question::Criterion(c) => Change::Answer(c.as_str().into(), edit),
            Question::Condition(c) => Change::Condition(c.as_str().into(), edit),
        }
    }
}

/// The page element id of a question's card (`q-T-INF-1`), for links that lead to it.
pub fn card_dom_id(question: &str) -> String {
    format!("q-{}", question.replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
}

/// The CSS class of a card by the tone of its answer.
pub fn tone_class(tone: Option<Tone>) -> &'static str {
    match tone {
        None => "answer-card",
        Some(Tone::Full) => "answer-card is-yes",
        Some(Tone::Partial) => "answer-card is-partial",
        Some(Tone::None) => "answer-card is-no",
        Some(Tone::LeftOut) => "answer-card is-na",
    }
}

/// What a card shows, taken from the model once.
struct Asked {
    text: Text,
    help: Option<Text>,
    examples: Vec<Text>,
    lines: Vec<Text>,
    frameworks: Vec<(Text, String)>,
    code: Option<String>,
    scale: Scale,
}

/// `country` is the profile's: its laws are listed first.
fn asked(model: &Model, question: &Question, country: &str) -> Option<Asked> {
    match question {
        Question::Criterion(id) => {
            let c = model.criterion(id)?;
            Some(Asked {
                text: c.text.clone(),
                help: c.help.clone(),
                examples: c.evidence.clone(),
                lines: c
                    .lines
                    .iter()
                    .filter_map(|l| model.line(l).map(|l| l.name.clone()))
                    .collect(),
                frameworks: model
                    .frameworks_for(c, country)
                    .into_iter()
                    .map(|f| (f.name.clone(), f.url.clone()))
                    .collect(),
                code: Some(c.id.to_string()),
                scale: model.scale_of(c).clone(),
            })
        }
        Question::Condition(id) => {
            let c = model.condition(id)?;
            Some(Asked {
                text: c.question.clone(),
                help: c.description.clone(),
                examples: vec![],
                lines: vec![],
                frameworks: vec![],
                code: None,
                scale: model.condition_scale(c).clone(),
            })
        }
    }
}

#[component]
pub fn AnswerCard(id: String, model: Arc<Model>, question: Question) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = content_lang(model.clone(), use_lang());
    let country = state
        .assessment(&id)
        .map(|a| a.profile().country.clone())
        .unwrap_or_default();
    let Some(asked) = asked(&model, &question, &country) else {
        return ().into_any();
    };
    let dom = card_dom_id(question.id());
    let assessment_id = StoredValue::new(id);
    let question = StoredValue::new(question);
    let n_stages = model.stages().len();
    let model = StoredValue::new(model);

    // Only this card's answer: typing elsewhere does not re-run it.
    let current = Memo::new(move |_| -> Option<Answer> {
        state.workspace.with(|w| {
            w.get(&assessment_id.get_value())
                .and_then(|a| match &question.get_value() {
                    Question::Criterion(c) => a.answer(c).cloned(),
                    Question::Condition(c) => a.condition(c).cloned(),
                })
        })
    });
    let initial = current.get_untracked().unwrap_or_default();
    let card_dom = StoredValue::new(dom.clone());
    let edit = move |e: Edit| {
        state.last_edited.set(Some(card_dom.get_value()));
        state.update(&assessment_id.get_value(), question.with_value(|q| q.change(e)));
    };
    // A failed save is said here, next to what was just edited, as well as in the banner.
    let save_failed = move || {
        state.failed.with(|f| f.contains(&assessment_id.get_value()))
            && state
                .last_edited
                .with(|l| card_dom.with_value(|d| l.as_deref() == Some(d.as_str())))
    };
    let note_len = RwSignal::new(initial.note.chars().count());
    let evidence = RwSignal::new(initial.evidence_url.clone());
    let scale = StoredValue::new(asked.scale);
    let chosen = move || current.with(|a| a.as_ref().and_then(|a| a.value.clone()));
    let card_class = move || {
        let tone = chosen().and_then(|v| scale.with_value(|s| s.option(&v).map(|o| s.tone(o, n_stages))));
        tone_class(tone)
    };
    let feedback = move || -> Option<String> {
        let v = chosen()?;
        let id = question.with_value(|q| match q {
            Question::Criterion(c) => Some(c.clone()),
            Question::Condition(_) => None,
        })?;
        model.with_value(|m| {
            let c = m.criterion(&id)?;
            m.feedback(c, &v).map(|t| t.get(lang.get()).to_owned())
        })
    };
    let Asked {
        text,
        help,
        examples,
        lines,
        frameworks,
        code,
        ..
    } = asked;
    let has_details = !examples.is_empty() || !frameworks.is_empty() || !lines.is_empty();
    // A question the upgrade to this version asks again or adds, while it is unanswered. What
    // the upgrade asks is fixed; only "upgraded and unanswered" follows the answers.
    let asked_again = question.with_value(|q| match q {
        Question::Criterion(c) => model.with_value(|m| state.asked_again(m).contains(c)),
        Question::Condition(_) => false,
    });
    let upgraded = move || {
        state.workspace.with(|w| {
            w.get(&assessment_id.get_value())
                .is_some_and(|a| a.upgraded_from().is_some())
        })
    };
    let is_new = move || asked_again && upgraded() && chosen().is_none();
    let dom = StoredValue::new(dom);
    let options: Vec<(OptionId, Text)> =
        scale.with_value(|s| s.options.iter().map(|o| (o.id.clone(), o.label.clone())).collect());

    view! {
        <article class=card_class id=dom.get_value()>
            <fieldset>
                <legend>
                    {code.map(|c| view! { <span class="code">{c}</span> " " })}
                    <Show when=is_new>
                        <span class="tag new-tag">{t!(i18n, upgrade.new_badge)}</span> " "
                    </Show>
                    {move || text.get(lang.get()).to_string()}
                </legend>
                <div class="choices">
                    {options.into_iter().map(|(v, label)| {
                        let input_id = format!("{}-{}", dom.get_value(), v.replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
                        let for_id = input_id.clone();
                        let value = StoredValue::new(v);
                        view! {
                            <label class="choice" for=for_id>
                                <input
                                    type="radio"
                                    id=input_id
                                    name=dom.get_value()
                                    prop:checked=move || chosen().as_ref() == Some(&value.get_value())
                                    on:change=move |_| edit(Edit::Value(Some(value.get_value())))
                                />
                                <span>{move || label.get(lang.get()).to_string()}</span>
                            </label>
                        }
                    }).collect_view()}
                    <Show when=move || chosen().is_some()>
                        <button type="button" class="link clear" on:click=move |_| edit(Edit::Value(None))>
                            {t!(i18n, answer.clear)}
                        </button>
                    </Show>
                </div>
            </fieldset>
            {move || feedback().map(|f| view! { <p class="feedback"><strong>{t!(i18n, answer.feedback)}</strong> " " {f}</p> })}
            <div role="alert" class="save-alert">
                <Show when=save_failed>
                    <p class="status-error">{t!(i18n, storage.field_failed)}</p>
                </Show>
            </div>
            {(help.is_some() || has_details).then(|| view! {
                <details class="help">
                    <summary>{t!(i18n, answer.help)}</summary>
                    {help.map(|h| view! { <p>{move || h.get(lang.get()).to_string()}</p> })}
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
                            <li><crate::ui::links::WebLink url=url.clone() label=name.get(lang.get()).to_string() /></li>
                        }).collect_view()}</ul>
                    }})}
                </details>
            })}
            // Closed until used, so a phone shows more questions per screen; open when filled.
            <details class="answer-more" open=!initial.note.is_empty() || !initial.evidence_url.is_empty()>
            <summary>{t!(i18n, answer.more)}</summary>
            <div class="answer-fields">
                <div class="field">
                    <label for=format!("{}-note", dom.get_value())>{t!(i18n, answer.note)}</label>
                    <textarea id=format!("{}-note", dom.get_value()) rows="2"
                        maxlength=megaip_core::answers::assessment::MAX_NOTE_CHARS.to_string()
                        on:input=move |ev| { let v = event_target_value(&ev); note_len.set(v.chars().count()); edit(Edit::Note(v)) }>{initial.note.clone()}</textarea>
                    <Show when=move || { note_len.get() * 10 >= megaip_core::answers::assessment::MAX_NOTE_CHARS * 8 }>
                        <p class="hint" aria-live="polite">{move || t_string!(i18n, answer.note_left, left = megaip_core::answers::assessment::MAX_NOTE_CHARS.saturating_sub(note_len.get())).to_string()}</p>
                    </Show>
                </div>
                <div class="field">
                    <label for=format!("{}-evidence", dom.get_value())>{t!(i18n, answer.evidence)}</label>
                    <input id=format!("{}-evidence", dom.get_value()) type="url" inputmode="url" placeholder="https://"
                        maxlength=megaip_core::answers::assessment::MAX_LINK_CHARS.to_string()
                        value=initial.evidence_url.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); evidence.set(v.clone()); edit(Edit::Evidence(v)) } />
                    {move || {
                        let e = evidence.get();
                        match safe_web_link(&e) {
                            Some(link) => view! {
                                <p class="hint"><a href=link.to_owned() target="_blank" rel="noopener noreferrer">{t!(i18n, answer.open_evidence)}</a></p>
                            }.into_any(),
                            None if !e.trim().is_empty() => view! { <p class="hint">{t!(i18n, answer.evidence_hint)}</p> }.into_any(),
                            None => ().into_any(),
                        }
                    }}
                </div>
            </div>
            </details>
        </article>
    }
    .into_any()
}
