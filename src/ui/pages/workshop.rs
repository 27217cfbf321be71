//! Workshops: `/taller` sets one up for an assessment; `/taller/:id` is the facilitator's console.
//!
//! The console moves through the questions in scope (keyboard: ← →, 1–9 for the group's answer,
//! R to reveal the votes on the projector, Space for the timer), takes the counts of raised cards,
//! shows the merge and its consensus flag (`analysis::merge`, rule in `docs/workshop.md`), and
//! records the group's answer with its rationale into the assessment. The projector window
//! (`/taller/:id/proyector`) follows it over a `BroadcastChannel`; nothing leaves the device.

mod discuss;
mod intake;
mod reading;
use discuss::ToDiscuss;
use intake::{response_from, CameraIntake};
pub use reading::{consensus_text, follow_saves, join_url, load, merged, votes_line};

use crate::ui::channel::{workshop_channel, Channel};
use crate::ui::i18n::*;
use crate::ui::pages::not_found::NotFound;
use crate::ui::state::{content_lang, new_id, now_iso, use_id_param, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use megaip_core::analysis::merge::{start_next_round, Consensus};
use megaip_core::answers::assessment::{Assessment, Change, Edit, ProfileEdit};
use megaip_core::answers::workshop::{DecidedBy, Decision, Response, Scope, Tally, Workshop};
use megaip_core::base::ids::{OptionId, PillarId};
use megaip_core::content::model::Model;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What the projector shows, sent by the console whenever it changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Live {
    /// Position of the current question in the workshop's scope.
    pub index: usize,
    pub revealed: bool,
    /// When the timer started (ms since the epoch), if it runs.
    pub timer_from: Option<f64>,
    /// Seconds counted before the timer was last stopped.
    pub timer_seconds: f64,
    /// A projector that opens late asks for the current state.
    #[serde(default)]
    pub hello: bool,
    /// The projector shows how to join (the QR code and the workshop's code).
    #[serde(default)]
    pub join: bool,
}

/// A short code participants can read off the wall and type.
fn new_code() -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..6)
        .map(|_| {
            let i = (js_sys::Math::random() * LETTERS.len() as f64) as usize;
            LETTERS.get(i).map_or('X', |b| char::from(*b))
        })
        .collect()
}

/// `/taller`: the workshops on this device, and a new one.
#[component]
pub fn WorkshopList() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let navigate = use_navigate();
    let model = state.mega_ip();
    let pillars: Vec<(PillarId, String)> = model
        .pillars()
        .iter()
        .map(|p| {
            (
                p.id.clone(),
                p.name.get(model.content_lang(lang.get_untracked())).to_owned(),
            )
        })
        .collect();
    let chosen: RwSignal<Vec<PillarId>> = RwSignal::new(pillars.iter().map(|p| p.0.clone()).collect());
    let municipality = RwSignal::new(String::new());
    let facilitator = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let threshold = RwSignal::new(70u32);
    let error = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if municipality.get_untracked().trim().is_empty() || chosen.with_untracked(Vec::is_empty) {
            error.set(true);
            return;
        }
        let model = state.mega_ip();
        let assessment = Assessment::new(new_id(), &model, &now_iso());
        let aid = state.create(assessment);
        state.update(
            &aid,
            Change::Profile(ProfileEdit::Municipality(municipality.get_untracked())),
        );
        let all = chosen.with_untracked(|c| c.len() == model.pillars().len());
        let scope = Scope {
            pillars: if all { vec![] } else { chosen.get_untracked() },
        };
        let mut w = Workshop::new(new_code(), aid, &model, scope);
        w.facilitator = facilitator.get_untracked();
        w.place = place.get_untracked();
        w.date = now_iso().chars().take(10).collect();
        w.consensus_percent = threshold.get_untracked().clamp(1, 100);
        let code = w.id.clone();
        if state.save_workshop(w) {
            navigate(&format!("/taller/{code}"), Default::default());
        }
    };
    // A workshop file brings back the whole workshop (its assessment must be on this device, or
    // come with it as a results file).
    let imported: RwSignal<Option<String>> = RwSignal::new(None);
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = crate::ui::files::picked_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = crate::ui::files::read_text(&file, megaip_core::exchange::workshop_file::MAX_WORKSHOP_BYTES)
                .await
                .unwrap_or_default();
            match megaip_core::exchange::workshop_file::read(&text) {
                Ok(w) if state.model_for(&w.model).is_some() => {
                    let code = w.id.clone();
                    if state.save_workshop(w) {
                        imported.set(Some(t_string!(i18n, workshop.imported, code = code).to_string()));
                    }
                }
                _ => imported.set(Some(t_string!(i18n, workshop.import_bad).to_string())),
            }
        });
    };
    view! {
        <h1 tabindex="-1">{t!(i18n, workshop.title)}</h1>
        <p class="lead">{t!(i18n, workshop.lead)}</p>
        <p><A href="/taller/guia" attr:class="button">{t!(i18n, guide.link)}</A></p>
        <Show when=move || state.workshops.with(|w| !w.is_empty())>
            <ul class="link-list workshops">
                {move || state.workshops.get().into_iter().map(|w| {
                    let name = state.assessment(&w.assessment).map(|a| a.display_name()).unwrap_or_default();
                    view! { <li><A href=format!("/taller/{}", w.id)>{format!("{name} · {} · {}", w.date, w.id)}</A></li> }
                }).collect_view()}
            </ul>
        </Show>
        <section class="card" aria-labelledby="workshop-import">
            <h2 id="workshop-import">{t!(i18n, workshop.import)}</h2>
            <label class="button file-button">
                {t!(i18n, workshop.import_choose)}
                <input id="workshop-import-file" type="file" accept=".json,application/json" class="visually-hidden" on:change=import />
            </label>
            <div role="status" aria-live="polite">{move || imported.get().map(|m| view! { <p class="status-ok">{m}</p> })}</div>
        </section>
        <form class="card workshop-new" on:submit=create>
            <h2>{t!(i18n, workshop.new)}</h2>
            <div class="field">
                <label for="w-municipality">{t!(i18n, profile.municipality)}</label>
                <input id="w-municipality" type="text" maxlength="200" required prop:value=municipality on:input=move |ev| municipality.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="w-facilitator">{t!(i18n, workshop.facilitator)}</label>
                <input id="w-facilitator" type="text" maxlength="200" prop:value=facilitator on:input=move |ev| facilitator.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="w-place">{t!(i18n, minutes.place)}</label>
                <input id="w-place" type="text" maxlength="200" prop:value=place on:input=move |ev| place.set(event_target_value(&ev)) />
            </div>
            <fieldset>
                <legend>{t!(i18n, workshop.scope)}</legend>
                {pillars.into_iter().map(|(id, name)| {
                    let dom = format!("w-pillar-{id}");
                    let for_id = dom.clone();
                    let pid = StoredValue::new(id);
                    view! {
                        <label class="choice" for=for_id>
                            <input type="checkbox" id=dom
                                prop:checked=move || chosen.with(|c| pid.with_value(|p| c.contains(p)))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| pid.with_value(|p| x != p));
                                        if on { c.push(pid.get_value()); }
                                    });
                                } />
                            <span>{name}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="w-threshold">{t!(i18n, workshop.threshold)}</label>
                <input id="w-threshold" type="number" min="1" max="100" prop:value=move || threshold.get().to_string()
                    on:input=move |ev| threshold.set(event_target_value(&ev).parse().unwrap_or(70)) />
            </div>
            <div role="alert">
                <Show when=move || error.get()><p class="status-error">{t!(i18n, workshop.needs)}</p></Show>
            </div>
            <button type="submit" class="button button-primary">{t!(i18n, workshop.create)}</button>
        </form>
    }
}

/// `/taller/:id`: the facilitator's console.
#[component]
pub fn WorkshopConsole() -> impl IntoView {
    let state = use_state();
    let code = use_id_param();
    move || match state
        .workshop(&code.get())
        .and_then(|w| state.model_for(&w.model).map(|m| (w, m)))
    {
        Some((w, m)) => view! { <Console workshop=w model=m /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn Console(workshop: Workshop, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = content_lang(model.clone(), use_lang());
    let code = StoredValue::new(workshop.id.clone());
    let model = StoredValue::new(model);
    let live = RwSignal::new(Live::default());
    // The workshop as saved; every change to it is saved at once and announced to the projector.
    let current = RwSignal::new(workshop);
    // The current round's questions: the whole scope, or in a later round the items left divided.
    let questions = Memo::new(move |_| {
        current.with(|w| model.with_value(|m| w.questions(m).iter().map(|c| c.id.to_string()).collect::<Vec<_>>()))
    });
    let channel = StoredValue::new_local(Channel::open(&workshop_channel(&code.get_value()), move |m: Live| {
        if m.hello {
            live.notify();
        }
    }));
    Effect::new(move || {
        let l = live.get();
        channel.with_value(|c| c.send(&l));
    });
    let criterion = Memo::new(move |_| questions.with(|q| q.get(live.with(|l| l.index)).cloned()));
    // Another window's saves (a second console, a hand-back link) show here at once.
    follow_saves(state, code.get_value(), current);
    // Saves a change to the workshop, made on the copy saved now so that what another window
    // saved is kept; false when it could not be saved (the app says why).
    let change = move |f: &dyn Fn(&mut Workshop)| -> bool {
        let mut w = state
            .workshop(&code.get_value())
            .unwrap_or_else(|| current.get_untracked());
        f(&mut w);
        let saved = state.save_workshop(w.clone());
        if saved {
            current.set(w);
            live.notify();
        }
        saved
    };
    let go = move |delta: isize| {
        let n = questions.with(Vec::len);
        live.update(|l| {
            let next = l.index as isize + delta;
            if next >= 0 && (next as usize) < n {
                *l = Live {
                    index: next as usize,
                    ..Live::default()
                };
            }
        });
    };
    let toggle_timer = move || {
        live.update(|l| match l.timer_from.take() {
            Some(from) => l.timer_seconds += (js_sys::Date::now() - from) / 1000.0,
            None => l.timer_from = Some(js_sys::Date::now()),
        })
    };
    let chosen: RwSignal<Option<OptionId>> = RwSignal::new(None);
    let rationale = RwSignal::new(String::new());
    let options = move || -> Vec<(OptionId, String)> {
        criterion
            .get()
            .and_then(|c| {
                model.with_value(|m| {
                    m.criterion(&c).map(|cr| {
                        m.scale_of(cr)
                            .options
                            .iter()
                            .map(|o| (o.id.clone(), o.label.get(lang.get()).to_owned()))
                            .collect()
                    })
                })
            })
            .unwrap_or_default()
    };
    let item = move || {
        criterion
            .get()
            .and_then(|c| current.with(|w| model.with_value(|m| merged(m, w, &c))))
    };
    // The proposal is preselected each time the question or its votes change.
    Effect::new(move || {
        let proposed = item().and_then(|i| i.proposed);
        let decided = criterion
            .get()
            .and_then(|c| current.with(|w| w.decisions.get(c.as_str()).map(|d| d.option.clone())));
        chosen.set(decided.or(proposed));
        rationale.set(
            criterion
                .get()
                .and_then(|c| current.with(|w| w.decisions.get(c.as_str()).map(|d| d.rationale.clone())))
                .unwrap_or_default(),
        );
    });
    let record = move || {
        let (Some(c), Some(option)) = (criterion.get_untracked(), chosen.get_untracked()) else {
            return;
        };
        let consensus = item().is_some_and(|i| matches!(i.consensus, Consensus::One(_) | Consensus::Neighbours(..)));
        let rounds = current.with_untracked(|w| w.rounds.len());
        let why = rationale.get_untracked();
        let aid = current.with_untracked(|w| w.assessment.to_string());
        change(&|w: &mut Workshop| {
            w.decisions.insert(
                c.as_str().into(),
                Decision {
                    option: option.clone(),
                    by: if consensus {
                        DecidedBy::Consensus
                    } else {
                        DecidedBy::Discussion
                    },
                    round: u32::try_from(rounds).unwrap_or(1),
                    rationale: why.clone(),
                    evidence: String::new(),
                    dissent: String::new(),
                },
            );
        });
        // The group's answer becomes the assessment's answer, with the rationale as its note.
        state.update(&aid, Change::Answer(c.as_str().into(), Edit::Value(Some(option))));
        if !why.trim().is_empty() {
            state.update(&aid, Change::Answer(c.as_str().into(), Edit::Note(why)));
        }
    };
    let on_key = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        let typing = document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing {
            return;
        }
        match e.key().as_str() {
            "ArrowRight" => go(1),
            "ArrowLeft" => go(-1),
            "r" | "R" => live.update(|l| l.revealed = !l.revealed),
            " " => {
                e.prevent_default();
                toggle_timer();
            }
            k => {
                if let Some(n) = k.parse::<usize>().ok().filter(|n| (1..=9).contains(n)) {
                    if let Some((id, _)) = options().get(n - 1) {
                        chosen.set(Some(id.clone()));
                    }
                }
            }
        }
    });
    on_cleanup(move || on_key.remove());
    let open_projector = move |_| {
        let _ = window().open_with_url_and_target(&format!("/taller/{}/proyector", code.get_value()), "_blank");
    };
    let set_tally = move |option: OptionId, n: u32| {
        let Some(c) = criterion.get_untracked() else { return };
        change(&|w: &mut Workshop| {
            if let Some(round) = w.current_round() {
                round
                    .tallies
                    .entry(c.as_str().into())
                    .or_insert_with(Tally::default)
                    .counts
                    .insert(option.clone(), n);
            }
        });
    };
    let ui_lang = use_lang();
    let join_url = move || current.with(|w| model.with_value(|m| join_url(m, w)));
    // Response files handed over (a phone's saved code, or a colleague's results file).
    let received: RwSignal<Option<String>> = RwSignal::new(None);
    // What the last press of "second round" did: how many items it asks again.
    let round_said: RwSignal<Option<usize>> = RwSignal::new(None);
    let receive = move |ev: leptos::ev::Event| {
        let files = crate::ui::files::picked_files(&ev);
        leptos::task::spawn_local(async move {
            let c = megaip_core::messages::catalog(ui_lang.get_untracked());
            let (mut added, mut refused) = (0usize, Vec::new());
            for file in files {
                let Ok(text) =
                    crate::ui::files::read_text(&file, megaip_core::exchange::results::MAX_RESULTS_BYTES).await
                else {
                    refused.push(file.name());
                    continue;
                };
                let w = current.get_untracked();
                match response_from(&model.get_value(), &w, &state, &text, c) {
                    Ok(r) => {
                        change(&|w: &mut Workshop| {
                            if let Some(round) = w.current_round() {
                                round.add(r.clone());
                            }
                        });
                        added += 1;
                    }
                    Err(e) => refused.push(format!("{}: {e}", file.name())),
                }
            }
            let mut text = t_string!(i18n, workshop.received, n = added).to_string();
            if !refused.is_empty() {
                text.push(' ');
                text.push_str(&refused.join(" · "));
            }
            received.set(Some(text));
        });
    };
    let add_response = Callback::new(move |r: Response| {
        change(&|w: &mut Workshop| {
            if let Some(round) = w.current_round() {
                round.add(r.clone());
            }
        })
    });
    let label_of = move |o: &OptionId| {
        options()
            .into_iter()
            .find(|(id, _)| id == o)
            .map(|(_, l)| l)
            .unwrap_or_default()
    };

    view! {
        <p class="crumbs"><A href="/taller">{t!(i18n, workshop.back)}</A></p>
        <h1 tabindex="-1">{t!(i18n, workshop.console)} " · " {code.get_value()}</h1>
        <p class="muted">{move || {
            let w = current.get();
            let name = state.assessment(&w.assessment).map(|a| a.display_name()).unwrap_or_default();
            t_string!(i18n, workshop.summary, name = name, round = w.rounds.len(), n = questions.with(Vec::len), done = w.decisions.len()).to_string()
        }}</p>
        <div class="actions no-print">
            <button type="button" class="button" on:click=open_projector>{t!(i18n, workshop.open_projector)}</button>
            <A href=move || format!("/resultados/{}", current.with(|w| w.assessment.to_string())) attr:class="button">{t!(i18n, workshop.results)}</A>
            <A href=move || format!("/taller/{}/hoja", code.get_value()) attr:class="button">{t!(i18n, sheet.title)}</A>
            <A href=move || format!("/taller/{}/acta", code.get_value()) attr:class="button">{t!(i18n, workshop.minutes)}</A>
            <button type="button" class="button" id="next-round" on:click=move |_| {
                let before = current.with_untracked(|w| w.rounds.len());
                let started = std::cell::Cell::new(0);
                change(&|w: &mut Workshop| started.set(model.with_value(|m| start_next_round(m, w))));
                // A round that could not be saved did not start (the failed save is said already).
                if current.with_untracked(|w| w.rounds.len()) > before {
                    round_said.set(Some(started.get()));
                    live.set(Live::default());
                } else if started.get() == 0 {
                    round_said.set(Some(0));
                }
            }>{t!(i18n, workshop.next_round)}</button>
            <button type="button" class="button" on:click=move |_| {
                let w = current.get_untracked();
                let file = megaip_core::exchange::workshop_file::build(&w, env!("CARGO_PKG_VERSION"), &now_iso());
                let _ = crate::ui::files::download(&format!("taller-{}.json", w.id), "application/json", &megaip_core::exchange::workshop_file::to_json(&file));
            }>{t!(i18n, workshop.export)}</button>
        </div>
        <div role="status" aria-live="polite">{move || round_said.get().map(|n| {
            let text = if n == 0 {
                t_string!(i18n, workshop.next_round_none).to_string()
            } else {
                t_string!(i18n, workshop.next_round_started, round = current.with(|w| w.rounds.len()), n = n).to_string()
            };
            view! { <p class="status-ok">{text}</p> }
        })}</div>
        <p class="hint">{t!(i18n, workshop.keys)}</p>
        <section class="card" aria-labelledby="join-title">
            <h2 id="join-title">{t!(i18n, workshop.phones)}</h2>
            <p>{move || t_string!(i18n, workshop.phones_text, n = current.with(|w| w.participants())).to_string()}</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| live.update(|l| l.join = !l.join)>
                    {move || if live.with(|l| l.join) { t_string!(i18n, workshop.join_hide) } else { t_string!(i18n, workshop.join_show) }}
                </button>
                <label class="button file-button">
                    {t!(i18n, workshop.receive_files)}
                    <input id="workshop-files" type="file" multiple accept=".txt,.json,text/plain,application/json" class="visually-hidden" on:change=receive />
                </label>
            </div>
            <CameraIntake current=current model=model add=add_response />
            <p>{t!(i18n, workshop.join_link)} " " <a class="join-link" href=join_url>{join_url}</a></p>
            <div role="status" aria-live="polite">{move || received.get().map(|m| view! { <p class="status-ok">{m}</p> })}</div>
        </section>
        {move || criterion.get().and_then(|c| model.with_value(|m| m.criterion(&c).cloned())).map(|c| {
            let pillar = model.with_value(|m| m.pillar(&c.pillar).map(|p| p.name.get(lang.get()).to_owned()).unwrap_or_default());
            let stage = model.with_value(|m| c.stage.as_ref().and_then(|s| m.stage(s)).map(|s| s.name.get(lang.get()).to_owned()).unwrap_or_default());
            view! {
                <section class="card console-item" aria-labelledby="console-q">
                    <p class="meta">{move || live.with(|l| format!("{} / {}", l.index + 1, questions.with(Vec::len)))} " · " {pillar} " · " {stage}</p>
                    <h2 id="console-q"><span class="code">{c.id.to_string()}</span> " " {c.text.get(lang.get()).to_owned()}</h2>
                    <fieldset class="tallies">
                        <legend>{t!(i18n, workshop.tallies)}</legend>
                        {options().into_iter().map(|(id, label)| {
                            let dom = format!("tally-{}", id.replace(|ch: char| !ch.is_ascii_alphanumeric(), "-"));
                            let for_id = dom.clone();
                            let oid = StoredValue::new(id);
                            let value = move || criterion.get().map(|c| current.with(|w| w.rounds.last().and_then(|r| r.tallies.get(c.as_str())).and_then(|t| oid.with_value(|o| t.counts.get(o).copied())).unwrap_or(0))).unwrap_or(0);
                            view! {
                                <div class="field tally">
                                    <label for=for_id>{label}</label>
                                    <input id=dom type="number" min="0" max="10000" inputmode="numeric" prop:value=move || value().to_string()
                                        on:change=move |ev| set_tally(oid.get_value(), event_target_value(&ev).parse().unwrap_or(0)) />
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div role="status" aria-live="polite" class="merge">
                        {move || item().map(|i| view! {
                            <p class="votes-line">{criterion.get().and_then(|c| current.with(|w| {
                                let (_, round) = w.round_for(&c)?;
                                Some(model.with_value(|m| votes_line(m, w, &c, round, lang.get())))
                            }))}</p>
                            <p class="consensus"><strong>{consensus_text(i18n, &i, label_of)}</strong></p>
                        })}
                    </div>
                    {move || {
                        // Participants' notes on this question, for the discussion (no names).
                        let notes: Vec<String> = criterion.get().map(|c| current.with(|w| {
                            w.round_for(&c).map(|(_, r)| r.notes(&c).into_iter().map(str::to_owned).collect()).unwrap_or_default()
                        })).unwrap_or_default();
                        (!notes.is_empty()).then(|| view! {
                            <details class="participant-notes" open=true>
                                <summary>{t_string!(i18n, workshop.notes, n = notes.len()).to_string()}</summary>
                                <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                            </details>
                        })
                    }}
                    <fieldset>
                        <legend>{t!(i18n, workshop.group_answer)}</legend>
                        {options().into_iter().enumerate().map(|(n, (id, label))| {
                            let dom = format!("group-{}", id.replace(|ch: char| !ch.is_ascii_alphanumeric(), "-"));
                            let for_id = dom.clone();
                            let oid = StoredValue::new(id);
                            view! {
                                <label class="choice" for=for_id>
                                    <input type="radio" name="group-answer" id=dom
                                        prop:checked=move || chosen.with(|c| oid.with_value(|o| c.as_ref() == Some(o)))
                                        on:change=move |_| chosen.set(Some(oid.get_value())) />
                                    <span>{format!("{} · {label}", n + 1)}</span>
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for="group-rationale">{t!(i18n, workshop.rationale)}</label>
                        <textarea id="group-rationale" rows="2" maxlength="2000" prop:value=rationale on:input=move |ev| rationale.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| go(-1)>{"← "}{t!(i18n, workshop.previous)}</button>
                        <button type="button" class="button" on:click=move |_| live.update(|l| l.revealed = !l.revealed)>
                            {move || if live.with(|l| l.revealed) { t_string!(i18n, workshop.hide) } else { t_string!(i18n, workshop.reveal) }}
                        </button>
                        <button type="button" class="button" on:click=move |_| toggle_timer()>{t!(i18n, workshop.timer)}</button>
                        <button type="button" class="button button-primary" on:click=move |_| record()>{t!(i18n, workshop.record)}</button>
                        <button type="button" class="button" on:click=move |_| go(1)>{t!(i18n, workshop.next)}{" →"}</button>
                    </div>
                    <p class="muted" role="status">{move || criterion.get().and_then(|c| current.with(|w| w.decisions.get(c.as_str()).map(|d| t_string!(i18n, workshop.recorded, option = label_of(&d.option)).to_string())))}</p>
                </section>
            }
        })}
        <ToDiscuss current=current model=model questions=questions on_pick=Callback::new(move |i: usize| live.set(Live { index: i, ..Live::default() })) />
    }
}
