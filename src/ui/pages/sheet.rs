//! `/taller/:id/hoja`: what the facilitator prints before a workshop. First a participant sheet
//! with the join QR code, the workshop's code and the steps to hand answers back; then, on its
//! own page, a paper ballot of the scope (each question's code and a box per answer) for those
//! without a phone. The facilitator types a paper ballot's marks in as tallies.

use crate::ui::i18n::*;
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::workshop::{join_url, load};
use crate::ui::qr::Qr;
use crate::ui::state::{content_lang, use_id_param, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use megaip_core::answers::workshop::Workshop;
use megaip_core::content::model::Model;
use std::sync::Arc;

#[component]
pub fn Sheet() -> impl IntoView {
    let state = use_state();
    let code = use_id_param();
    move || match load(state, &code.get()) {
        Some((w, m)) => view! { <SheetFor workshop=w model=m /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// One line of the ballot: the question's code and text, and its answers.
struct BallotRow {
    code: String,
    text: String,
    options: Vec<String>,
}

#[component]
fn SheetFor(workshop: Workshop, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = content_lang(model.clone(), use_lang()).get_untracked();
    let url = join_url(&model, &workshop);
    let code = workshop.id.clone();
    let rows: Vec<BallotRow> = workshop
        .scope
        .criteria(&model)
        .into_iter()
        .map(|c| BallotRow {
            code: c.id.to_string(),
            text: c.text.get(lang).to_owned(),
            options: model
                .scale_of(c)
                .options
                .iter()
                .map(|o| o.label.get(lang).to_owned())
                .collect(),
        })
        .collect();
    view! {
        <p class="crumbs no-print"><A href=format!("/taller/{code}")>{t!(i18n, minutes.back)}</A></p>
        <h1 tabindex="-1">{t!(i18n, sheet.title)}</h1>
        <p class="no-print"><button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t!(i18n, minutes.print)}</button></p>
        <section class="sheet-join" aria-labelledby="sheet-join-title">
            <h2 id="sheet-join-title">{t!(i18n, sheet.join_title)}</h2>
            <Qr text=url.clone() label=t_string!(i18n, workshop.join_qr).to_string() />
            <ol class="sheet-steps">
                <li>{t!(i18n, sheet.step_scan)}</li>
                <li>{t!(i18n, sheet.step_code)} " " <strong class="code">{code.clone()}</strong></li>
                <li>{t!(i18n, sheet.step_hand_back)}</li>
            </ol>
            <p>{t!(i18n, sheet.step_link)} " " <span class="join-link">{url}</span></p>
        </section>
        <section class="ballot" aria-labelledby="ballot-title">
            <h2 id="ballot-title">{t!(i18n, sheet.ballot_title)} " · " <span class="code">{code}</span></h2>
            <p>{t!(i18n, sheet.ballot_how)}</p>
            <p class="ballot-name">{t!(i18n, sheet.ballot_name)}</p>
            <table class="ballot-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, sheet.question)}</th>
                    <th scope="col">{t!(i18n, sheet.answer)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row"><span class="code">{r.code}</span> " " {r.text}</th>
                            <td><div class="ballot-boxes">{r.options.into_iter().map(|o| view! {
                                <span class="ballot-box"><span aria-hidden="true">"☐ "</span>{o}</span>
                            }).collect_view()}</div></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
