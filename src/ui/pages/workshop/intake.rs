//! How responses reach the console: files handed over (a phone's saved code, or a colleague's
//! results file) and phones held up to the laptop's camera, one QR code or several frames.
//! Each becomes one participant's response in the current round.

use crate::ui::camera::{keep_decoder_offline, CameraTrouble, QrReader};
use crate::ui::i18n::*;
use crate::ui::state::{use_lang, use_state, AppState};
use leptos::prelude::*;
use megaip_core::answers::workshop::{Response, Workshop};
use megaip_core::content::model::Model;
use megaip_core::exchange::frames::{self, Assembler, Step};
use megaip_core::exchange::payload;
use std::sync::Arc;

/// A response from a handed-over text: a phone's code, or a colleague's results file (its
/// answers in the workshop's scope become one participant's).
pub fn response_from(
    model: &Model,
    w: &Workshop,
    state: &AppState,
    text: &str,
    c: &dyn megaip_core::messages::Catalog,
) -> Result<Response, String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    if line.starts_with("MIP1.") {
        return payload::decode(model, &w.id, line)
            .map(|(_, r)| r)
            .map_err(|e| c.payload_error(&e));
    }
    let models = state.models.get_untracked();
    let refs: Vec<&Model> = models.iter().map(|m| m.as_ref()).collect();
    let imported =
        megaip_core::exchange::results::import(text, &refs, Some(&state.haga())).map_err(|e| c.import_error(&e))?;
    let a = imported.assessment;
    if !model.is(a.model()) {
        return Err(c.payload_error(&payload::PayloadError::OtherModel));
    }
    let participant: String = a
        .id()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|ch| ch.to_ascii_uppercase())
        .take(16)
        .collect();
    let answers = w
        .scope
        .criteria(model)
        .into_iter()
        .filter_map(|cr| a.value(&cr.id).map(|v| (cr.id.clone(), v.clone())))
        .collect();
    Ok(Response {
        participant,
        name: Some(a.display_name()),
        answers,
        ..Response::default()
    })
}

/// What the console shows after the camera read something.
#[derive(Clone, Debug, PartialEq)]
enum Seen {
    Frames { have: usize, of: usize },
    Added { participant: String, total: usize },
    Refused(String),
    Trouble(CameraTrouble),
}

/// The camera button and, once opened, its picture and what it read. `add` puts a response into
/// the current round and says whether it was saved.
#[component]
pub fn CameraIntake(
    current: RwSignal<Workshop>,
    model: StoredValue<Arc<Model>>,
    add: Callback<Response, bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    // The console is the one page that needs the decoder: fetch it now, while there may still be
    // a network, so the service worker has it for the room.
    keep_decoder_offline();
    let open = RwSignal::new(false);
    let seen: RwSignal<Option<Seen>> = RwSignal::new(None);
    let assembler = StoredValue::new(Assembler::default());
    // The same phone stays in view for many frames: each code counts once.
    let last_code = StoredValue::new(String::new());
    let take_code = move |code: String| {
        if last_code.with_value(|l| *l == code) {
            return;
        }
        last_code.set_value(code.clone());
        let c = megaip_core::messages::catalog(lang.get_untracked());
        let w = current.get_untracked();
        match model.with_value(|m| response_from(m, &w, &state, &code, c)) {
            Ok(r) => {
                let participant = r.participant.clone();
                if add.run(r) {
                    seen.set(Some(Seen::Added {
                        participant,
                        total: current.with_untracked(Workshop::participants),
                    }));
                } else {
                    seen.set(Some(Seen::Refused(t_string!(i18n, storage.quota).to_string())));
                }
            }
            Err(e) => seen.set(Some(Seen::Refused(e))),
        }
    };
    let on_text = Callback::new(move |text: String| {
        if !frames::is_frame(&text) {
            take_code(text);
            return;
        }
        match assembler.try_update_value(|a| a.push(&text)) {
            Some(Ok(Step::Partial { have, of })) => seen.set(Some(Seen::Frames { have, of })),
            Some(Ok(Step::Complete(code))) => take_code(code),
            _ => {
                let c = megaip_core::messages::catalog(lang.get_untracked());
                seen.set(Some(Seen::Refused(c.payload_error(&payload::PayloadError::Damaged))));
            }
        }
    });
    let on_trouble = Callback::new(move |t: CameraTrouble| seen.set(Some(Seen::Trouble(t))));
    let say = move || {
        seen.get().map(|s| match s {
            Seen::Frames { have, of } => {
                view! { <p class="status-info">{t_string!(i18n, workshop.camera_frames, have = have, of = of).to_string()}</p> }.into_any()
            }
            Seen::Added { participant, total } => {
                view! { <p class="status-ok">{t_string!(i18n, workshop.camera_added, id = participant, n = total).to_string()}</p> }.into_any()
            }
            Seen::Refused(e) => view! { <p class="status-error">{e}</p> }.into_any(),
            Seen::Trouble(t) => {
                let text = match t {
                    CameraTrouble::Denied => t_string!(i18n, workshop.camera_denied),
                    CameraTrouble::NoCamera => t_string!(i18n, workshop.camera_none),
                    CameraTrouble::NoDecoder => t_string!(i18n, workshop.camera_no_decoder),
                };
                view! { <p class="status-error">{text}</p> }.into_any()
            }
        })
    };
    view! {
        <div class="camera-intake">
            <button type="button" class="button" id="camera-toggle" aria-expanded=move || open.get().to_string()
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    seen.set(None);
                    last_code.set_value(String::new());
                }>
                {move || if open.get() { t_string!(i18n, workshop.camera_close) } else { t_string!(i18n, workshop.camera_open) }}
            </button>
            // Closed, or nothing to show when the camera cannot be used (the reason is said).
            <Show when=move || open.get() && !matches!(seen.get(), Some(Seen::Trouble(_)))>
                <p class="hint">{t!(i18n, workshop.camera_help)}</p>
                <QrReader on_text=on_text on_trouble=on_trouble label=t_string!(i18n, workshop.camera_label).to_string() />
            </Show>
            <div role="status" aria-live="polite" id="camera-status">{say}</div>
        </div>
    }
}
