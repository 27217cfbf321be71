//! A participant's phone in a workshop, and the laptop receiving what it hands back.
//!
//! `/taller/:id/participar?s=…&m=…` (what the join QR opens): the questions of the workshop's
//! scope, answered on the phone and kept there, then handed back as a QR code for the console's
//! camera, a link whose answers ride in the fragment (never sent to any server: the part after
//! `#` stays in the browser), or a small file. `/taller/:id/entregar#…` is that link opened on
//! the facilitator's laptop: the response joins the workshop's current round.

use crate::ui::files::download;
use crate::ui::i18n::*;
use crate::ui::qr::Qr;
use crate::ui::state::{content_lang, use_id_param, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use megaip_core::answers::workshop::{Response, Scope, MAX_PARTICIPANT_NOTE_CHARS};
use megaip_core::base::ids::OptionId;
use megaip_core::exchange::{frames, payload};
use megaip_core::messages::catalog;
use std::time::Duration;

/// How long each frame of a long response stays on screen: long enough for a laptop camera
/// to read it, short enough to go round a few frames in seconds.
const FRAME_EVERY: Duration = Duration::from_millis(700);

/// The scope code and model fingerprint a join link carries.
pub fn join_query(model: &megaip_core::content::model::Model, scope: &Scope) -> String {
    let s = if scope.pillars.is_empty() {
        "*".to_owned()
    } else {
        scope
            .pillars
            .iter()
            .filter_map(|p| model.pillars().iter().position(|x| x.id == *p))
            .filter_map(|i| char::from_digit(u32::try_from(i).ok()?, 36))
            .collect()
    };
    let m: String = model.hash().trim_start_matches("sha256:").chars().take(8).collect();
    format!("s={s}&m={m}")
}

fn random_id() -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..8)
        .map(|_| {
            let i = (js_sys::Math::random() * LETTERS.len() as f64) as usize;
            LETTERS.get(i).map_or('X', |b| char::from(*b))
        })
        .collect()
}

#[component]
pub fn Participate() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let query = use_query_map();
    let code = use_id_param();
    let model = state.mega_ip();
    let lang = content_lang(model.clone(), use_lang());
    let wanted_hash = query.with_untracked(|q| q.get("m")).unwrap_or_default();
    let same_model = model
        .hash()
        .trim_start_matches("sha256:")
        .starts_with(&wanted_hash.to_ascii_lowercase());
    let scope_code = query.with_untracked(|q| q.get("s")).unwrap_or_else(|| "*".into());
    let scope = if scope_code == "*" {
        Scope::default()
    } else {
        Scope {
            pillars: scope_code
                .chars()
                .filter_map(|c| c.to_digit(36))
                .filter_map(|i| model.pillars().get(usize::try_from(i).ok()?).map(|p| p.id.clone()))
                .collect(),
        }
    };
    let workshop = code.get_untracked();
    if !payload::is_code(&workshop) || !same_model || wanted_hash.is_empty() {
        return view! {
            <h1 tabindex="-1">{t!(i18n, participant.title)}</h1>
            <p class="status-error">{t!(i18n, participant.wrong_link)}</p>
        }
        .into_any();
    }
    let response = RwSignal::new(state.load_response(&workshop).unwrap_or_else(|| Response {
        participant: random_id(),
        ..Response::default()
    }));
    let workshop = StoredValue::new(workshop);
    let scope = StoredValue::new(scope);
    let model = StoredValue::new(model);
    let choose = move |criterion: String, option: OptionId| {
        response.update(|r| {
            r.answers.insert(criterion.as_str().into(), option);
        });
        state.save_response(&workshop.get_value(), &response.get_untracked());
    };
    let write_note = move |criterion: String, text: String| {
        response.update(|r| {
            let text = megaip_core::answers::assessment::cut(&text, MAX_PARTICIPANT_NOTE_CHARS);
            if text.trim().is_empty() {
                r.notes.remove(criterion.as_str());
            } else {
                r.notes.insert(criterion.as_str().into(), text);
            }
        });
        state.save_response(&workshop.get_value(), &response.get_untracked());
    };
    let code_text = move || {
        response
            .with(|r| model.with_value(|m| scope.with_value(|s| payload::encode(m, &workshop.get_value(), s, r).ok())))
    };
    // A long response (notes) is several QR codes, shown in turn for the console's camera.
    let qr_frames = Memo::new(move |_| code_text().map(|c| frames::split(&c)).unwrap_or_default());
    let frame = RwSignal::new(0usize);
    let flip = set_interval_with_handle(move || frame.update(|i| *i = i.wrapping_add(1)), FRAME_EVERY).ok();
    on_cleanup(move || {
        if let Some(f) = flip {
            f.clear();
        }
    });
    let link = move || {
        let origin = window().location().origin().unwrap_or_default();
        code_text().map(|c| format!("{origin}/taller/{}/entregar#{c}", workshop.get_value()))
    };
    let answered = move || response.with(|r| r.answers.len());
    let total = scope.with_value(|s| model.with_value(|m| s.criteria(m).len()));
    let save_file = move |_| {
        if let Some(c) = code_text() {
            let _ = download(&format!("respuesta-{}.txt", workshop.get_value()), "text/plain", &c);
        }
    };
    let share = move |_| {
        let Some(url) = link() else { return };
        let navigator = window().navigator();
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.clone().into());
        let share = js_sys::Reflect::get(&navigator, &"share".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match share {
            Some(f) => {
                let _ = f.call1(&navigator, &data);
            }
            None => {
                let _ = window().prompt_with_message_and_default(t_string!(i18n, participant.copy_link), &url);
            }
        }
    };

    view! {
        <h1 tabindex="-1">{t!(i18n, participant.title)} " · " {workshop.get_value()}</h1>
        <p class="lead">{t!(i18n, participant.lead)}</p>
        <p class="muted" role="status">{move || t_string!(i18n, participant.progress, done = answered(), total = total).to_string()}</p>
        {model.with_value(|m| scope.with_value(|s| s.criteria(m).into_iter().map(|c| {
            let cid = c.id.to_string();
            let options: Vec<(OptionId, megaip_core::base::text::Text)> = m.scale_of(c).options.iter().map(|o| (o.id.clone(), o.label.clone())).collect();
            let text = c.text.clone();
            let dom = crate::ui::pages::criterion::card_dom_id(&cid);
            let note_id = format!("{dom}-note");
            let note_for = note_id.clone();
            let cid = StoredValue::new(cid);
            view! {
                <article class="answer-card participant-card" id=dom.clone()>
                    <fieldset>
                        <legend><span class="code">{cid.get_value()}</span> " " {move || text.get(lang.get()).to_owned()}</legend>
                        <div class="choices">
                            {options.into_iter().map(|(o, label)| {
                                let input = format!("{dom}-{}", o.replace(|ch: char| !ch.is_ascii_alphanumeric(), "-"));
                                let for_id = input.clone();
                                let value = StoredValue::new(o);
                                view! {
                                    <label class="choice" for=for_id>
                                        <input type="radio" id=input name=dom.clone()
                                            prop:checked=move || response.with(|r| cid.with_value(|c| r.answers.get(c.as_str()) == Some(&value.get_value())))
                                            on:change=move |_| choose(cid.get_value(), value.get_value()) />
                                        <span>{move || label.get(lang.get()).to_owned()}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <details class="participant-note">
                        <summary>{t!(i18n, participant.note_label)}</summary>
                        <label for=note_for class="visually-hidden">{t!(i18n, participant.note_label)} " " {cid.get_value()}</label>
                        <textarea id=note_id maxlength=MAX_PARTICIPANT_NOTE_CHARS.to_string()
                            prop:value=move || response.with(|r| cid.with_value(|c| r.notes.get(c.as_str()).cloned().unwrap_or_default()))
                            on:input=move |ev| write_note(cid.get_value(), event_target_value(&ev))></textarea>
                        <p class="hint">{t!(i18n, participant.note_hint)}</p>
                    </details>
                </article>
            }
        }).collect_view()))}
        <section class="card hand-back" aria-labelledby="hand-back-title">
            <h2 id="hand-back-title">{t!(i18n, participant.hand_back)}</h2>
            <p>{t!(i18n, participant.hand_back_text)}</p>
            {move || {
                let all = qr_frames.get();
                let n = all.len();
                if n <= 1 {
                    return all.into_iter().next().map(|c| view! { <Qr text=c label=t_string!(i18n, participant.qr_label).to_string() /> }.into_any());
                }
                let i = frame.get() % n;
                all.get(i).cloned().map(|c| view! {
                    <p>{t_string!(i18n, participant.frames, n = n).to_string()}</p>
                    <Qr text=c label=t_string!(i18n, participant.qr_label).to_string() />
                    <p class="muted" aria-hidden="true">{t_string!(i18n, participant.frame_of, i = i + 1, n = n).to_string()}</p>
                }.into_any())
            }}
            <div class="actions">
                <button type="button" class="button button-primary" on:click=share>{t!(i18n, participant.share)}</button>
                <button type="button" class="button" on:click=save_file>{t!(i18n, participant.file)}</button>
            </div>
            <p class="muted">{t!(i18n, participant.private)}</p>
        </section>
    }
    .into_any()
}

/// `/taller/:id/entregar#…`: a participant's link, opened on the facilitator's laptop.
#[component]
pub fn HandBack() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let code = use_id_param();
    let fragment = || {
        window()
            .location()
            .hash()
            .unwrap_or_default()
            .trim_start_matches('#')
            .to_owned()
    };
    // Another link opened in this same tab changes only the fragment: it is read too.
    let text = RwSignal::new(fragment());
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| text.set(fragment()));
    on_cleanup(move || on_hash.remove());
    let result = move |text: &str| -> Result<usize, String> {
        let c = catalog(lang.get_untracked());
        let Some(mut w) = state.workshop(&code.get_untracked()) else {
            return Err(t_string!(i18n, participant.not_facilitator).to_string());
        };
        let Some(model) = state.model_for(&w.model) else {
            return Err(c.payload_error(&payload::PayloadError::OtherModel));
        };
        let (_, response) = payload::decode(&model, &w.id, text).map_err(|e| c.payload_error(&e))?;
        if let Some(round) = w.current_round() {
            round.add(response);
        }
        let n = w.participants();
        if state.save_workshop(w) {
            Ok(n)
        } else {
            Err(t_string!(i18n, storage.quota).to_string())
        }
    };
    // Each link is added once (a reload adds nothing new: the participant's id is kept).
    let outcome = Memo::new(move |_| text.with(|t| result(t)));
    view! {
        <h1 tabindex="-1">{t!(i18n, participant.received_title)}</h1>
        {move || match outcome.get() {
            Ok(n) => view! { <p class="status-ok" role="status">{t_string!(i18n, participant.received, n = n).to_string()}</p> }.into_any(),
            Err(e) => view! { <p class="status-error" role="alert">{e}</p> }.into_any(),
        }}
        <A href=move || format!("/taller/{}", code.get()) attr:class="button button-primary">{t!(i18n, participant.to_console)}</A>
    }
}

use wasm_bindgen::JsCast;
