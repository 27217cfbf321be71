//! `/taller/:id/acta`: the workshop's minutes, a document to print (A4 or Letter) and sign: the
//! date, place and facilitator, how many took part (names only when given), and for each
//! question how the votes fell and what the group decided — by consensus or after discussion,
//! with its rationale and any dissent.

use crate::ui::i18n::*;
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::workshop::{consensus_text, load, merged, votes_line};
use crate::ui::state::{content_lang, use_id_param, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use megaip_core::answers::workshop::{DecidedBy, Workshop};
use megaip_core::content::model::Model;
use std::sync::Arc;

#[component]
pub fn Minutes() -> impl IntoView {
    let state = use_state();
    let code = use_id_param();
    move || match load(state, &code.get()) {
        Some((w, m)) => view! { <MinutesFor workshop=w model=m /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn MinutesFor(workshop: Workshop, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = content_lang(model.clone(), use_lang());
    let name = state
        .assessment(&workshop.assessment)
        .map(|a| a.display_name())
        .unwrap_or_default();
    let names: Vec<String> = if workshop.anonymous {
        vec![]
    } else {
        workshop
            .rounds
            .iter()
            .flat_map(|r| r.responses.iter().filter_map(|x| x.name.clone()))
            .collect()
    };
    let code = workshop.id.clone();
    let rows: Vec<_> = workshop
        .scope
        .criteria(&model)
        .into_iter()
        .map(|c| {
            let label = |o: &megaip_core::base::ids::OptionId| {
                model
                    .option_of(c, o)
                    .map(|x| x.label.get(lang.get_untracked()).to_owned())
                    .unwrap_or_default()
            };
            let item = merged(&model, &workshop, &c.id);
            // Every round that asked the question keeps its votes in the minutes.
            let rounds: Vec<(usize, String)> = workshop
                .rounds_for(&c.id)
                .map(|(n, r)| (n, votes_line(&model, &workshop, &c.id, r, lang.get_untracked())))
                .collect();
            let votes = match rounds.as_slice() {
                [(_, only)] => only.clone(),
                many => many
                    .iter()
                    .map(|(n, v)| t_string!(i18n, workshop.round_votes, round = *n, votes = v.clone()).to_string())
                    .collect::<Vec<_>>()
                    .join(" — "),
            };
            // What participants wrote for the room, every round's, without their names.
            let notes: Vec<String> = workshop
                .rounds_for(&c.id)
                .flat_map(|(_, r)| r.notes(&c.id).into_iter().map(str::to_owned))
                .collect();
            let reading = item
                .as_ref()
                .map(|i| consensus_text(i18n, i, label))
                .unwrap_or_default();
            let decision = workshop.decisions.get(c.id.as_str()).map(|d| {
                let how = match d.by {
                    DecidedBy::Consensus => t_string!(i18n, minutes.by_consensus).to_string(),
                    DecidedBy::Discussion => t_string!(i18n, minutes.by_discussion, round = d.round).to_string(),
                };
                (label(&d.option), how, d.rationale.clone(), d.dissent.clone())
            });
            (
                c.id.to_string(),
                c.text.get(lang.get_untracked()).to_owned(),
                votes,
                reading,
                notes,
                decision,
            )
        })
        .collect();
    let discussed = workshop
        .decisions
        .values()
        .filter(|d| d.by == DecidedBy::Discussion)
        .count();
    // Raised cards are counted, not named: the most votes any question had.
    let cards = workshop
        .rounds
        .iter()
        .flat_map(|r| {
            r.tallies
                .values()
                .map(|t| t.counts.values().fold(0u32, |a, n| a.saturating_add(*n)))
        })
        .max()
        .unwrap_or(0);
    view! {
        <p class="crumbs no-print"><A href=format!("/taller/{code}")>{t!(i18n, minutes.back)}</A></p>
        <h1 tabindex="-1">{t!(i18n, minutes.title)} ": " {name}</h1>
        <p class="no-print"><button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t!(i18n, minutes.print)}</button></p>
        <dl class="minutes-facts">
            <dt>{t!(i18n, minutes.date)}</dt><dd>{workshop.date.clone()}</dd>
            <dt>{t!(i18n, minutes.place)}</dt><dd>{workshop.place.clone()}</dd>
            <dt>{t!(i18n, workshop.facilitator)}</dt><dd>{workshop.facilitator.clone()}</dd>
            <dt>{t!(i18n, minutes.participants)}</dt><dd>{workshop.participants()} {(!names.is_empty()).then(|| format!(" ({})", names.join(", ")))}</dd>
            <dt>{t!(i18n, minutes.cards)}</dt><dd>{cards}</dd>
            <dt>{t!(i18n, minutes.rule)}</dt><dd>{t_string!(i18n, minutes.rule_text, pct = workshop.consensus_percent).to_string()}</dd>
            <dt>{t!(i18n, minutes.discussed)}</dt><dd>{discussed}</dd>
        </dl>
        <table class="minutes-table">
            <caption class="visually-hidden">{t!(i18n, minutes.title)}</caption>
            <thead><tr>
                <th scope="col">{t!(i18n, results.annex_criterion)}</th>
                <th scope="col">{t!(i18n, workshop.votes)}</th>
                <th scope="col">{t!(i18n, minutes.decision)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(code, text, votes, reading, notes, decision)| view! {
                    <tr>
                        <th scope="row"><span class="code">{code}</span> " " {text}</th>
                        <td>{votes}<br /><span class="muted">{reading}</span>
                            {(!notes.is_empty()).then(|| view! {
                                <p class="minutes-notes-title">{t!(i18n, minutes.notes)}</p>
                                <ul class="minutes-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                            })}
                        </td>
                        <td>{match decision {
                            Some((option, how, rationale, dissent)) => view! {
                                <strong>{option}</strong> " · " {how}
                                {(!rationale.trim().is_empty()).then(|| view! { <br />{rationale} })}
                                {(!dissent.trim().is_empty()).then(|| view! { <br /><em>{t!(i18n, minutes.dissent)} " " {dissent}</em> })}
                            }.into_any(),
                            None => view! { <span class="muted">{t!(i18n, minutes.pending)}</span> }.into_any(),
                        }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <section class="signature" aria-labelledby="minutes-sign">
            <h2 id="minutes-sign">{t!(i18n, minutes.sign_title)}</h2>
            <div class="sign-lines">
                <p><span class="line"></span>{t!(i18n, workshop.facilitator)}</p>
                <p><span class="line"></span>{t!(i18n, plan.sign_date)}</p>
            </div>
        </section>
    }
}
