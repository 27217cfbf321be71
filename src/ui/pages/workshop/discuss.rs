//! The console's list of items to discuss: the current round's divided questions, most divided
//! first (`analysis::merge::to_discuss`), each a button that brings it to the wall. A question
//! the group has since settled stays in the list, marked, so the facilitator sees what is left.

use crate::ui::i18n::*;
use leptos::prelude::*;
use megaip_core::analysis::merge::{merge_item, to_discuss, Item};
use megaip_core::answers::workshop::Workshop;
use megaip_core::content::model::Model;
use std::sync::Arc;

/// The divided questions of the current round: (criterion, agreement %, settled).
fn divided(model: &Model, w: &Workshop) -> Vec<(String, u32, bool)> {
    let Some(round) = w.rounds.last() else {
        return vec![];
    };
    let items: Vec<Item> = w
        .questions(model)
        .into_iter()
        .map(|c| merge_item(model, c, &round.votes(&c.id), w.consensus_percent))
        .collect();
    to_discuss(&items)
        .into_iter()
        .map(|i| {
            (
                i.criterion.to_string(),
                i.agreement,
                w.decisions.contains_key(&i.criterion),
            )
        })
        .collect()
}

#[component]
pub fn ToDiscuss(
    current: RwSignal<Workshop>,
    model: StoredValue<Arc<Model>>,
    questions: Memo<Vec<String>>,
    on_pick: Callback<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let list = Memo::new(move |_| current.with(|w| model.with_value(|m| divided(m, w))));
    view! {
        <section class="card to-discuss" aria-labelledby="discuss-title">
            <h2 id="discuss-title">{move || t_string!(i18n, workshop.discuss_title, n = list.with(Vec::len)).to_string()}</h2>
            {move || {
                let items = list.get();
                if items.is_empty() {
                    return view! { <p class="muted">{t!(i18n, workshop.discuss_none)}</p> }.into_any();
                }
                view! {
                    <ol class="discuss-list">
                        {items.into_iter().map(|(c, pct, settled)| {
                            let at = questions.with(|q| q.iter().position(|x| *x == c));
                            let label = if settled {
                                t_string!(i18n, workshop.discuss_settled, code = c.clone(), pct = pct).to_string()
                            } else {
                                t_string!(i18n, workshop.discuss_item, code = c.clone(), pct = pct).to_string()
                            };
                            view! {
                                <li class:settled=settled>
                                    <button type="button" class="link-button" on:click=move |_| {
                                        if let Some(i) = at {
                                            on_pick.run(i);
                                        }
                                    }>{label}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
