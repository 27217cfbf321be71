//! What the workshop pages share: the merge of a question's votes, the lines that say them,
//! the join address, and loading a workshop with its model. The console, projector, minutes,
//! sheet and results pages read workshops through these.

use crate::ui::i18n::*;
use crate::ui::state::AppState;
use leptos::prelude::*;
pub use megaip_core::analysis::merge::votes_line;
use megaip_core::analysis::merge::{merge_item, Consensus, Item};
use megaip_core::answers::workshop::Workshop;
use megaip_core::base::ids::OptionId;
use megaip_core::content::model::Model;
use std::sync::Arc;

/// The merge of the current votes of one question.
pub fn merged(model: &Model, workshop: &Workshop, criterion: &str) -> Option<Item> {
    let c = model.criterion(criterion)?;
    let (_, round) = workshop.round_for(criterion)?;
    Some(merge_item(
        model,
        c,
        &round.votes(criterion),
        workshop.consensus_percent,
    ))
}

/// The address a phone opens to join: the workshop's code, and the scope and model it asks.
pub fn join_url(model: &Model, workshop: &Workshop) -> String {
    let origin = window().location().origin().unwrap_or_default();
    let q = crate::ui::pages::participant_join_query(model, &workshop.scope);
    format!("{origin}/taller/{}/participar?{q}", workshop.id)
}

/// "Consenso en Sí (75 %)", "Dividido", in the interface language.
pub fn consensus_text(
    i18n: leptos_i18n::I18nContext<Locale>,
    item: &Item,
    label: impl Fn(&OptionId) -> String,
) -> String {
    match &item.consensus {
        Consensus::One(o) => {
            t_string!(i18n, workshop.consensus_one, option = label(o), pct = item.agreement).to_string()
        }
        Consensus::Neighbours(a, b) => t_string!(
            i18n,
            workshop.consensus_two,
            first = label(a),
            second = label(b),
            pct = item.agreement
        )
        .to_string(),
        Consensus::Divided => t_string!(i18n, workshop.divided, pct = item.agreement).to_string(),
        Consensus::NoVotes => t_string!(i18n, workshop.no_votes).to_string(),
    }
}

/// For the other pages: the state a projector needs, read from storage.
pub fn load(state: AppState, code: &str) -> Option<(Workshop, Arc<Model>)> {
    let w = state.workshop(code)?;
    let m = state.model_for(&w.model)?;
    Some((w, m))
}

/// Keeps `current` equal to the saved workshop whenever another window of this device saves it
/// (a second console, a hand-back link opened in a new tab), so no window shows or builds on a
/// stale copy.
pub fn follow_saves(state: AppState, code: String, current: RwSignal<Workshop>) {
    let key = megaip_core::exchange::keys::workshop(&code);
    let handle = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(key.as_str()) {
            if let Some(w) = state.workshop(&code) {
                current.set(w);
            }
        }
    });
    on_cleanup(move || handle.remove());
}
