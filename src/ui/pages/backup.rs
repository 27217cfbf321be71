//! "Guardar una copia" and "Restaurar una copia": one file with every assessment on the device
//! (and the models the user loaded), and bringing it back, item by item.
//!
//! The app suggests a copy when the browser has not promised to keep its data, or when the last
//! file written is more than a week and thirty answers old (`backup::copy_is_due`). Writing a
//! results file counts as a copy of that assessment's answers, so both update the same mark.

use crate::ui::files::{download, picked_file, read_text, ReadError};
use crate::ui::i18n::*;
use crate::ui::offline::{use_offline, Persistence};
use crate::ui::state::{new_id, now_iso, use_lang, use_state};
use crate::ui::storage::use_storage;
use leptos::prelude::*;
use megaip_core::answers::workspace::ImportPolicy;
use megaip_core::content::model::{arrival, Arrival, Model};
use megaip_core::exchange::backup::{self, copy_is_due, BackupError, ExportMark, MAX_BACKUP_BYTES};
use megaip_core::exchange::keys;
use megaip_core::messages::catalog;

#[component]
pub fn CopySection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let storage = use_storage();
    let offline = use_offline();
    let lang = use_lang();
    let message: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let busy = RwSignal::new(false);

    let due = move || {
        let mark: Option<ExportMark> = storage.load(keys::EXPORTS);
        let answers = state
            .workspace
            .with(|w| w.all().iter().map(|a| a.answers().len()).sum());
        let unprotected = matches!(
            offline.persistence.get(),
            Persistence::Denied | Persistence::Unsupported
        );
        (unprotected && answers > 0) || copy_is_due(mark.as_ref(), js_sys::Date::now() as u64, answers)
    };

    let save = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        state.flush();
        let texts = state.model_texts();
        let now = now_iso();
        let file = state.workspace.with_untracked(|w| {
            let all: Vec<_> = w.all().iter().collect();
            backup::build(&all, &texts, env!("CARGO_PKG_VERSION"), &now)
        });
        if download(&backup::file_name(&now), "application/json", &backup::to_json(&file)).is_ok() {
            state.mark_exported();
            message.set(Some(Ok(t_string!(i18n, copy.saved).to_string())));
        }
        // One click, one file: a second click within a moment does nothing.
        set_timeout(move || busy.set(false), std::time::Duration::from_millis(1500));
    };

    let restore = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            let c = catalog(lang.get_untracked());
            let text = match read_text(&file, MAX_BACKUP_BYTES).await {
                Ok(t) => t,
                Err(ReadError::TooLarge { bytes }) => {
                    return message.set(Some(Err(c.backup_error(&BackupError::TooLarge { bytes }))))
                }
                Err(ReadError::Unreadable) => return message.set(Some(Err(c.backup_error(&BackupError::NotJson)))),
            };
            let models = state.models.get_untracked();
            let refs: Vec<&Model> = models.iter().map(|m| m.as_ref()).collect();
            match backup::read(&text, &refs, Some(&state.haga())) {
                Err(e) => message.set(Some(Err(c.backup_error(&e)))),
                Ok(restored) => {
                    for t in restored.models {
                        if let Ok(m) = Model::parse(&t) {
                            let known = state.models.get_untracked();
                            let refs: Vec<&Model> = known.iter().map(|m| m.as_ref()).collect();
                            if arrival(&refs, &m) == Arrival::New {
                                state.add_model(m, t);
                            }
                        }
                    }
                    let (mut brought, mut already) = (0, 0);
                    for a in restored.assessments {
                        match state.assessment(a.id()) {
                            Some(here) if here == a => already += 1,
                            Some(_) => {
                                state.import(a, ImportPolicy::KeepBoth(new_id()));
                                brought += 1;
                            }
                            None => {
                                state.import(a, ImportPolicy::Replace);
                                brought += 1;
                            }
                        }
                    }
                    message.set(Some(Ok(c.restore_summary(brought, already, restored.refused.len()))));
                }
            }
        });
    };

    view! {
        <section class="card copy" aria-labelledby="copy-title">
            <h2 id="copy-title">{t!(i18n, copy.title)}</h2>
            <Show when=due>
                <p class="notice">{t!(i18n, copy.due)}</p>
            </Show>
            <p>{t!(i18n, copy.text)}</p>
            <div class="actions">
                <button type="button" class="button button-primary" on:click=save>{t!(i18n, copy.save)}</button>
                <label class="button file-button">
                    {t!(i18n, copy.restore)}
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=restore />
                </label>
            </div>
            <div class="copy-status" role="status" aria-live="polite">
                {move || message.get().map(|m| match m {
                    Ok(text) => view! { <p class="status-ok">{text}</p> }.into_any(),
                    Err(text) => view! { <p class="status-error">{text}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}
