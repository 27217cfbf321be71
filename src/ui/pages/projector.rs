//! `/taller/:id/proyector`: the wall. One question at a time in large type — its pillar, its stage
//! on the staircase, the question and its help in one line — and, once the facilitator reveals
//! it, how the votes fall (a bar per option, never who voted what), the consensus state and the
//! time spent. It has no controls of its own: it follows the console over the workshop's
//! `BroadcastChannel` and reads the workshop from storage.

use crate::ui::channel::{workshop_channel, Channel};
use crate::ui::i18n::*;
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::workshop::{consensus_text, follow_saves, load, merged, Live};
use crate::ui::state::{content_lang, use_id_param, use_lang, use_state};
use leptos::prelude::*;
use megaip_core::answers::workshop::Workshop;
use megaip_core::base::ids::OptionId;
use megaip_core::content::model::Model;
use std::sync::Arc;
use std::time::Duration;

#[component]
pub fn Projector() -> impl IntoView {
    let state = use_state();
    let code = use_id_param();
    move || match load(state, &code.get()) {
        Some((w, m)) => view! { <Wall workshop=w model=m /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn Wall(workshop: Workshop, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = content_lang(model.clone(), use_lang());
    let code = StoredValue::new(workshop.id.clone());
    let current = RwSignal::new(workshop);
    let live = RwSignal::new(Live::default());
    let model = StoredValue::new(model);
    let channel = Channel::open(&workshop_channel(&code.get_value()), move |m: Live| {
        if !m.hello {
            if let Some(w) = state.workshop(&code.get_value()) {
                current.set(w);
            }
            live.set(m);
        }
    });
    // The console's message can arrive before its save reaches this window's storage (another
    // renderer); the save, when it arrives, brings the wall up to date.
    follow_saves(state, code.get_value(), current);
    channel.send(&Live {
        hello: true,
        ..Live::default()
    });
    // The clock on the wall ticks while the timer runs.
    let now = RwSignal::new(js_sys::Date::now());
    let tick = set_interval_with_handle(move || now.set(js_sys::Date::now()), Duration::from_millis(500)).ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });
    let criterion = Memo::new(move |_| {
        current.with(|w| model.with_value(|m| w.questions(m).get(live.with(|l| l.index)).map(|c| c.id.to_string())))
    });
    let label_of = move |o: &OptionId| {
        criterion
            .get()
            .and_then(|c| {
                model.with_value(|m| {
                    m.criterion(&c)
                        .and_then(|cr| m.option_of(cr, o))
                        .map(|x| x.label.get(lang.get()).to_owned())
                })
            })
            .unwrap_or_default()
    };
    let seconds = move || {
        let l = live.get();
        l.timer_seconds + l.timer_from.map_or(0.0, |from| (now.get() - from) / 1000.0)
    };

    let join_url = move || current.with(|w| model.with_value(|m| crate::ui::pages::workshop::join_url(m, w)));
    view! {
        <div class="projector" class:revealed=move || live.with(|l| l.revealed)>
            <Show when=move || live.with(|l| l.join)>
                <div class="projector-join">
                    <crate::ui::qr::Qr text=join_url() label=t_string!(i18n, workshop.join_qr).to_string() />
                    <p>{t!(i18n, workshop.join_code)} " " <strong class="code">{code.get_value()}</strong></p>
                </div>
            </Show>
            {move || criterion.get().and_then(|c| model.with_value(|m| m.criterion(&c).cloned())).map(|c| {
                let pillar = model.with_value(|m| m.pillar(&c.pillar).map(|p| p.name.get(lang.get()).to_owned()).unwrap_or_default());
                let at = model.with_value(|m| c.stage.as_ref().and_then(|s| m.stage_position(s)));
                let stages: Vec<(String, bool)> = model.with_value(|m| m.stages().iter().enumerate().map(|(i, s)| (s.name.get(lang.get()).to_owned(), Some(i) == at)).collect());
                let help = c.help.as_ref().map(|h| h.get(lang.get()).split(". ").next().unwrap_or_default().to_owned());
                view! {
                    <div class="projector-question">
                    <p class="projector-where">{pillar}</p>
                    <ol class="projector-stairs" aria-label=move || t_string!(i18n, workshop.stairs)>
                        {stages.into_iter().map(|(name, here)| view! { <li class:here=here aria-current=here.then_some("step")>{name}</li> }).collect_view()}
                    </ol>
                    <h1 tabindex="-1"><span class="code">{c.id.to_string()}</span> " " {c.text.get(lang.get()).to_owned()}</h1>
                    {help.map(|h| view! { <p class="projector-help">{h}</p> })}
                    </div>
                }
            })}
            <Show when=move || live.with(|l| l.revealed)>
                {move || criterion.get().and_then(|c| current.with(|w| model.with_value(|m| merged(m, w, &c)))).map(|item| {
                    let total = item.distribution.total.max(1);
                    let text = consensus_text(i18n, &item, label_of);
                    view! {
                        <div class="projector-votes">
                            <table class="projector-bars">
                                <caption>{t!(i18n, workshop.votes)} " · " {item.distribution.total}</caption>
                                <tbody>
                                    {item.distribution.counts.iter().map(|(o, n)| {
                                        let width = format!("{:.1}", f64::from(*n) * 100.0 / f64::from(total));
                                        view! {
                                            <tr>
                                                <th scope="row">{label_of(o)}</th>
                                                <td><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="bar-bg" width="100" height="10" /><rect class="bar-fill" width=width height="10" /></svg></td>
                                                <td class="n">{*n}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <p class="projector-consensus">{text}</p>
                        </div>
                    }
                })}
            </Show>
            <p class="projector-time" aria-live="off">{move || {
                let s = seconds() as u64;
                format!("{}:{:02}", s / 60, s % 60)
            }}</p>
        </div>
    }
}
