//! The assessments on this device: start a new one, continue, duplicate, rename, delete (with
//! confirmation), import a results file, and load another model.
//!
//! Importing never overwrites silently: when the file's assessment already exists here, the user
//! chooses to replace it, keep both, or cancel. Every problem with a file is said in plain words
//! in a live region, and nothing already saved changes.

use crate::ui::files::{picked_file, read_text, ReadError};
use crate::ui::i18n::*;
use crate::ui::pages::walk::ProgressLine;
use crate::ui::state::{new_id, now_iso, use_lang, use_state, AppState};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use megaip_core::answers::assessment::{Assessment, Change};
use megaip_core::answers::workspace::ImportPolicy;
use megaip_core::content::model::{arrival, Arrival, Model, ModelError, MAX_MODEL_BYTES};
use megaip_core::exchange::results::{self, ImportError, Imported, MAX_RESULTS_BYTES};
use megaip_core::messages::catalog;

/// What the live region says after an action.
#[derive(Clone, PartialEq)]
enum Status {
    None,
    Ok(String),
    Error(String),
}

#[component]
pub fn AssessmentList() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let status = RwSignal::new(Status::None);
    let list = move || {
        state
            .workspace
            .with(|w| w.list().into_iter().map(|a| a.id().to_string()).collect::<Vec<_>>())
    };

    view! {
        <h1 tabindex="-1">{t!(i18n, list.title)}</h1>
        <p class="lead">{t!(i18n, list.lead)}</p>
        <NewAssessment />
        <StatusLine status />
        <Show
            when=move || !list().is_empty()
            fallback=move || view! { <p class="card empty">{t!(i18n, list.empty)}</p> }
        >
            <ul class="assessments">
                <For each=list key=|id| id.clone() let:id>
                    <AssessmentCard id status />
                </For>
            </ul>
        </Show>
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">{t!(i18n, import.title)}</h2>
            <p>{t!(i18n, import.text)}</p>
            <ImportResults status />
        </section>
        <section class="card" aria-labelledby="models-title">
            <h2 id="models-title">{t!(i18n, models.title)}</h2>
            <p>{t!(i18n, models.text)}</p>
            <LoadModel status />
        </section>
        <crate::ui::pages::backup::CopySection />
    }
}

#[component]
fn StatusLine(status: RwSignal<Status>) -> impl IntoView {
    view! {
        <div class="status" role="status" aria-live="polite">
            {move || match status.get() {
                Status::None => ().into_any(),
                Status::Ok(text) => view! { <p class="status-ok">{text}</p> }.into_any(),
                Status::Error(text) => view! { <p class="status-error">{text}</p> }.into_any(),
            }}
        </div>
    }
}

/// "Nuevo autodiagnóstico", with a model choice when more than one model is loaded.
#[component]
fn NewAssessment() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let navigate = use_navigate();
    let chosen = RwSignal::new(0usize);
    let create = move |_| {
        let Some(model) = state.models_for_new().get(chosen.get()).cloned() else {
            return;
        };
        let id = state.create(Assessment::new(new_id(), &model, &now_iso()));
        navigate(&format!("/autodiagnostico/{id}"), Default::default());
    };
    view! {
        <div class="new-assessment">
            <Show when=move || state.models_for_new().len().gt(&1)>
                <label for="new-model">{t!(i18n, list.model)}</label>
                <select
                    id="new-model"
                    on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))
                >
                    {move || {
                        state
                            .models_for_new()
                            .iter()
                            .enumerate()
                            .map(|(i, m)| {
                                let label = format!("{} ({})", m.name().get(m.content_lang(lang.get())), m.version());
                                view! { <option value=i.to_string() selected=move || chosen.get() == i>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </Show>
            <button type="button" class="button button-primary" on:click=create>
                {t!(i18n, list.new)}
            </button>
        </div>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum CardMode {
    View,
    Rename,
    ConfirmDelete,
}

#[component]
fn AssessmentCard(id: String, status: RwSignal<Status>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let mode = RwSignal::new(CardMode::View);
    let id = StoredValue::new(id);
    let assessment = move || state.assessment(&id.get_value());
    let name = move || {
        assessment()
            .map(|a| a.display_name())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| t_string!(i18n, list.untitled).to_string())
    };
    let model = move || assessment().and_then(|a| state.model_for(a.model()));
    let progress = move || match (assessment(), model()) {
        (Some(a), Some(m)) => a.progress(&m),
        _ => (0, 0),
    };
    let heading_id = move || format!("card-{}", id.get_value());
    // "Continuar" opens the first question still to answer (the profile if it has no name yet).
    let continue_href = move || {
        let base = format!("/autodiagnostico/{}", id.get_value());
        match (assessment(), model()) {
            (Some(a), Some(m)) if !a.profile().municipality.trim().is_empty() => match a.first_unanswered(&m) {
                Some(c) => format!(
                    "{base}/{}#{}",
                    c.pillar,
                    crate::ui::pages::criterion::card_dom_id(&c.id)
                ),
                None if m.conditions().iter().any(|c| a.condition_value(&c.id).is_none()) => {
                    format!("{base}/condiciones")
                }
                None => format!("/resultados/{}", id.get_value()),
            },
            _ => base,
        }
    };
    let draft = RwSignal::new(String::new());

    let duplicate = move |_| {
        // The copy is named by its own date, so it never keeps a stale "copy of 2026" name.
        let copy = state
            .duplicate(&id.get_value())
            .and_then(|c| state.assessment(&c))
            .map(|a| a.display_name());
        if let Some(copy_name) = copy {
            status.set(Status::Ok(format!(
                "{} «{copy_name}».",
                t_string!(i18n, list.duplicated)
            )));
        }
    };
    let delete = move |_| {
        let gone = name();
        state.delete(&id.get_value());
        status.set(Status::Ok(format!("{} «{gone}».", t_string!(i18n, list.deleted))));
    };
    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.update(&id.get_value(), Change::Rename(draft.get_untracked()));
        mode.set(CardMode::View);
    };

    view! {
        <li class="card assessment" aria-labelledby=heading_id>
            <h2 id=heading_id>{name}</h2>
            <p class="muted">
                {move || model().map(|m| m.name().get(m.content_lang(lang.get())).to_string()).unwrap_or_default()}
                " · " {t!(i18n, list.updated)} " "
                {move || assessment().map(|a| a.updated_at().chars().take(10).collect::<String>())}
            </p>
            <ProgressLine progress=Signal::derive(progress) />
            {move || match mode.get() {
                CardMode::View => view! {
                    <div class="actions">
                        <A href=continue_href attr:class="button button-primary">
                            {t!(i18n, list.continue_)}
                        </A>
                        <A href=move || format!("/resultados/{}", id.get_value()) attr:class="button">
                            {t!(i18n, list.results)}
                        </A>
                        <Show when=move || model().is_some_and(|m| state.toolkit_applies(&m))>
                            <A href=move || format!("/plan/{}", id.get_value()) attr:class="button">{t!(i18n, list.plan)}</A>
                        </Show>
                        <button type="button" class="button" on:click=duplicate>{t!(i18n, list.duplicate)}</button>
                        <button type="button" class="button" on:click=move |_| {
                            draft.set(assessment().map(|a| a.display_name()).unwrap_or_default());
                            mode.set(CardMode::Rename);
                        }>{t!(i18n, list.rename)}</button>
                        <button type="button" class="button button-danger" on:click=move |_| mode.set(CardMode::ConfirmDelete)>
                            {t!(i18n, list.delete)}
                        </button>
                    </div>
                }.into_any(),
                CardMode::Rename => view! {
                    <form class="inline-form" on:submit=save_name>
                        <label for=move || format!("rename-{}", id.get_value())>{t!(i18n, list.new_name)}</label>
                        <input
                            id=move || format!("rename-{}", id.get_value())
                            type="text"
                            prop:value=draft
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            autofocus
                        />
                        <button type="submit" class="button button-primary">{t!(i18n, list.save)}</button>
                        <button type="button" class="button" on:click=move |_| mode.set(CardMode::View)>{t!(i18n, list.cancel)}</button>
                    </form>
                }.into_any(),
                CardMode::ConfirmDelete => view! {
                    <div class="confirm" role="alertdialog" aria-labelledby=move || format!("confirm-{}", id.get_value())>
                        <p id=move || format!("confirm-{}", id.get_value())>
                            {move || t_string!(i18n, list.confirm_delete, name = name()).to_string()}
                        </p>
                        <button type="button" class="button button-danger" on:click=delete>{t!(i18n, list.confirm_yes)}</button>
                        <button type="button" class="button" on:click=move |_| mode.set(CardMode::View)>{t!(i18n, list.cancel)}</button>
                    </div>
                }.into_any(),
            }}
        </li>
    }
}

/// A file that could not be read, told the way import errors are.
fn read_error_message(err: ReadError, lang: megaip_core::base::locale::Lang) -> String {
    let e = match err {
        ReadError::TooLarge { bytes } => ImportError::TooLarge { bytes },
        ReadError::Unreadable => ImportError::NotJson,
    };
    catalog(lang).import_error(&e)
}

/// "Importar resultados": reads a file, and asks before replacing an existing assessment.
#[component]
fn ImportResults(status: RwSignal<Status>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let pending: RwSignal<Option<Assessment>, LocalStorage> = RwSignal::new_local(None);
    // Said after the import when the file's written figures disagree with its answers.
    let note: RwSignal<Option<String>> = RwSignal::new(None);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            let text = match read_text(&file, MAX_RESULTS_BYTES).await {
                Ok(text) => text,
                Err(e) => return status.set(Status::Error(read_error_message(e, lang.get_untracked()))),
            };
            let models = state.models.get_untracked();
            let refs: Vec<&Model> = models.iter().map(|m| m.as_ref()).collect();
            match results::import(&text, &refs, Some(&state.haga())) {
                Err(e) => status.set(Status::Error(catalog(lang.get_untracked()).import_error(&e))),
                Ok(Imported {
                    assessment,
                    scores_differ,
                    ..
                }) => {
                    note.set(scores_differ.then(|| catalog(lang.get_untracked()).import_scores_differ().to_owned()));
                    if state.workspace.with_untracked(|w| w.conflicts(&assessment)) {
                        status.set(Status::None);
                        pending.set(Some(assessment));
                    } else {
                        finish_import(
                            state,
                            status,
                            assessment,
                            ImportPolicy::Replace,
                            note.get_untracked(),
                            i18n,
                        );
                    }
                }
            }
        });
    };

    view! {
        <label class="button file-button">
            {t!(i18n, import.choose)}
            <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_file />
        </label>
        <Show when=move || pending.with(Option::is_some)>
            <div class="confirm" role="alertdialog" aria-labelledby="import-conflict">
                <p id="import-conflict">
                    {move || {
                        let name = pending.with(|p| p.as_ref().map(|a| a.display_name()).unwrap_or_default());
                        t_string!(i18n, import.conflict, name = name).to_string()
                    }}
                </p>
                <button type="button" class="button button-danger" on:click=move |_| {
                    if let Some(a) = pending.get_untracked() {
                        pending.set(None);
                        finish_import(state, status, a, ImportPolicy::Replace, note.get_untracked(), i18n);
                    }
                }>{t!(i18n, import.replace)}</button>
                <button type="button" class="button" on:click=move |_| {
                    if let Some(a) = pending.get_untracked() {
                        pending.set(None);
                        finish_import(state, status, a, ImportPolicy::KeepBoth(new_id()), note.get_untracked(), i18n);
                    }
                }>{t!(i18n, import.keep_both)}</button>
                <button type="button" class="button" on:click=move |_| {
                    pending.set(None);
                    status.set(Status::Ok(t_string!(i18n, import.cancelled).to_string()));
                }>{t!(i18n, list.cancel)}</button>
            </div>
        </Show>
    }
}

fn finish_import(
    state: AppState,
    status: RwSignal<Status>,
    assessment: Assessment,
    policy: ImportPolicy,
    note: Option<String>,
    i18n: leptos_i18n::I18nContext<Locale>,
) {
    let name = assessment.display_name();
    state.import(assessment, policy);
    let done = t_string!(i18n, import.done, name = name).to_string();
    status.set(Status::Ok(match note {
        Some(n) => format!("{done} {n}"),
        None => done,
    }));
}

/// "Cargar otro modelo": adds a model from a JSON file, after full validation.
#[component]
fn LoadModel(status: RwSignal<Status>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            let c = catalog(lang.get_untracked());
            let text = match read_text(&file, MAX_MODEL_BYTES).await {
                Ok(text) => text,
                Err(ReadError::TooLarge { bytes }) => {
                    return status.set(Status::Error(c.model_error(&ModelError::TooLarge { bytes })))
                }
                Err(ReadError::Unreadable) => return status.set(Status::Error(c.model_error(&ModelError::NotJson))),
            };
            match Model::parse(&text) {
                Err(e) => status.set(Status::Error(c.model_error(&e))),
                Ok(model) => {
                    let name = model.name().get(model.content_lang(lang.get_untracked())).to_string();
                    let known = state.models.get_untracked();
                    let refs: Vec<&Model> = known.iter().map(|m| m.as_ref()).collect();
                    match arrival(&refs, &model) {
                        Arrival::Known => {
                            status.set(Status::Ok(t_string!(i18n, models.already, name = name).to_string()))
                        }
                        Arrival::Clash => {
                            status.set(Status::Error(t_string!(i18n, models.clash, name = name).to_string()))
                        }
                        Arrival::New => {
                            state.add_model(model, text);
                            status.set(Status::Ok(t_string!(i18n, models.loaded, name = name).to_string()));
                        }
                    }
                }
            }
        });
    };
    view! {
        <Show when=move || !state.user_models().is_empty()>
            <ul class="models">
                {move || {
                    state
                        .user_models()
                        .iter()
                        .map(|m| view! { <li>{m.name().get(m.content_lang(lang.get())).to_string()} " · " {m.version().to_owned()}</li> })
                        .collect_view()
                }}
            </ul>
        </Show>
        <label class="button file-button">
            {t!(i18n, models.choose)}
            <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_file />
        </label>
    }
}
