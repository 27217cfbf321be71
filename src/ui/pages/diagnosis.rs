//! The diagnosis report on screen and on paper: `/resultados/:id/diagnostico` for an assessment
//! of this device, and `/asesoria/:id` for a file of the advisor's collection, read-only.
//!
//! Both lay out [`megaip_core::reports::diagnosis::Diagnosis`], the same report `megaip report`
//! writes as HTML: the core decides every sentence, this page only places them, and its print
//! styles turn it into 2–4 pages plus the annex on A4 or Letter.

use crate::ui::charts::RadarSvg;
use crate::ui::collection;
use crate::ui::i18n::*;
use crate::ui::links::WebLink;
use crate::ui::pages::content_lang::ContentLangNotice;
use crate::ui::pages::desk::read_entry;
use crate::ui::pages::not_found::{NotFound, NotOnDevice};
use crate::ui::state::{use_assessment_route, use_id_param, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use megaip_core::answers::assessment::Assessment;
use megaip_core::answers::workshop::Workshop;
use megaip_core::base::locale::Lang;
use megaip_core::content::model::Model;
use megaip_core::messages::{catalog, ReportText as T};
use megaip_core::reports::diagnosis::{diagnosis, AnnexLine, Diagnosis, PillarPart};
use std::sync::Arc;

/// `/resultados/:id/diagnostico`.
#[component]
pub fn DiagnosisPage() -> impl IntoView {
    let state = use_state();
    let (id, model) = use_assessment_route();
    move || match model.get().and_then(|r| state.model_for(&r)) {
        Some(model) => {
            let id = id.get();
            let back = format!("/resultados/{id}");
            let workshops = Signal::derive(move || state.workshops.get());
            let assessment = Memo::new(move |_| state.assessment(&id));
            view! { <Live model assessment workshops back /> }.into_any()
        }
        None if state.assessment(&id.get()).is_none() => view! { <NotOnDevice /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// A file of the collection, read.
type Found = (Assessment, Arc<Model>, Vec<Workshop>);

/// `/asesoria/:id`: a file of the collection, read again like any import, never editable.
#[component]
pub fn DeskDiagnosis() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let id = use_id_param();
    // `None` while reading; then the file's assessment and model, or nothing.
    let found: RwSignal<Option<Option<Found>>> = RwSignal::new(None);
    Effect::new(move |_| {
        let key = id.get();
        leptos::task::spawn_local(async move {
            let text = collection::get(&key).await.ok().flatten();
            let entry = text.and_then(|t| read_entry(&state, &t).ok());
            // Workshops the advisor received for this assessment, to show their votes.
            let workshops = match &entry {
                Some(e) => collection::workshops_of(e.assessment.id().as_str()).await,
                None => Vec::new(),
            };
            found.set(Some(entry.map(|e| (e.assessment, e.model, workshops))));
        });
    });
    move || match found.get() {
        None => view! { <p class="muted">{t!(i18n, desk.loading)}</p> }.into_any(),
        Some(None) => view! { <NotFound /> }.into_any(),
        Some(Some((a, model, workshops))) => {
            let assessment = Memo::new(move |_| Some(a.clone()));
            let workshops = Signal::derive(move || workshops.clone());
            view! { <Live model assessment workshops back="/asesoria".to_owned() /> }.into_any()
        }
    }
}

/// The report of `assessment`, rebuilt when it or the language changes.
#[component]
fn Live(
    model: Arc<Model>,
    assessment: Memo<Option<Assessment>>,
    workshops: Signal<Vec<Workshop>>,
    back: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let haga = state.toolkit_applies(&model).then(|| state.haga());
    let notice_model = model.clone();
    let report = Memo::new(move |_| {
        let c = catalog(lang.get());
        workshops.with(|ws| assessment.with(|a| a.as_ref().map(|a| diagnosis(&model, haga.as_deref(), a, ws, c))))
    });
    view! {
        <p class="crumbs no-print"><A href=back>{t!(i18n, report.back)}</A></p>
        <div class="actions no-print">
            <button type="button" class="button button-primary" id="report-print" on:click=move |_| { let _ = window().print(); }>
                {move || catalog(lang.get()).report_text(T::Print)}
            </button>
        </div>
        <p class="hint no-print">{t!(i18n, report.hint)}</p>
        // Printed too: the paper says which language the model's texts are in.
        <ContentLangNotice model=notice_model />
        {move || report.get().map(|d| view! { <Report d /> })}
    }
}

/// The whole report, in the order of `reports::diagnosis`.
#[component]
fn Report(d: Diagnosis) -> impl IntoView {
    let d_lang = d.lang;
    let c = catalog(d_lang);
    let t = move |x: T| c.report_text(x);
    let Diagnosis {
        municipality,
        place,
        date,
        model,
        people,
        overall,
        stages,
        pillars,
        radar,
        advice,
        first_phase,
        conditions,
        annex,
        ..
    } = d;
    let facts = [(T::Place, place), (T::Date, date), (T::Model, model)];
    view! {
        <article class="report" id="report">
            <header class="report-cover">
                <div>
                <p class="kicker">{t(T::Title)}</p>
                <h1 tabindex="-1">{municipality}</h1>
                <dl class="facts">
                    {facts.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! { <dt>{t(k)}</dt><dd>{v}</dd> }).collect_view()}
                    <dt>{t(T::TookPart)}</dt>
                    <dd>{if people.is_empty() {
                        t(T::NobodyListed).into_any()
                    } else {
                        view! { <ul>{people.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> }.into_any()
                    }}</dd>
                </dl>
                </div>
                // The radar sits on the cover, beside the facts, so the body starts on page one.
                {radar.map(|r| view! {
                    <figure class="cover-radar">
                        <RadarSvg radar=r />
                        <figcaption><strong>{t(T::Radar)} "."</strong> " " {t(T::RadarText)}</figcaption>
                    </figure>
                })}
            </header>
            <section aria-labelledby="report-overall">
                <h2 id="report-overall">{t(T::Overall)}</h2>
                <p class="report-reading" id="report-reading">{overall}</p>
                <p class="muted">{t(T::OverallHow)}</p>
            </section>
            <section aria-labelledby="report-heat" class="report-charts">
                <h2 id="report-heat">{t(T::Heatmap)}</h2>
                <div class="table-scroll" tabindex="0">
                    <table class="heatmap">
                        <caption class="visually-hidden">{t(T::Heatmap)}</caption>
                        <thead><tr>
                            <th scope="col">{t(T::Pillar)}</th>
                            {stages.into_iter().map(|s| view! { <th scope="col">{s}</th> }).collect_view()}
                            <th scope="col">{t(T::Stage)}</th>
                            <th scope="col">{t(T::Index)}</th>
                        </tr></thead>
                        <tbody>
                            {pillars.iter().map(|p| view! {
                                <tr>
                                    <th scope="row">{p.name.clone()}</th>
                                    {p.cells.iter().map(|cell| view! {
                                        <td class=cell.class><span class="pct">{cell.percent.clone()}</span><span class="state">{cell.state}</span></td>
                                    }).collect_view()}
                                    <td class="level">{p.stage.clone()}</td>
                                    <td>{p.index.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="legend muted">{t(T::HeatLegend)}</p>
            </section>
            <section aria-labelledby="report-pillars">
                <h2 id="report-pillars">{t(T::Pillars)}</h2>
                {pillars.into_iter().map(|p| view! { <Pillar p c /> }).collect_view()}
            </section>
            <section aria-labelledby="report-advice">
                <h2 id="report-advice">{t(T::Recommendations)}</h2>
                {advice.is_empty().then(|| view! { <p class="muted">{t(T::NoRecommendations)}</p> })}
                {advice.into_iter().map(|a| view! {
                    <h3>{a.heading}</h3>
                    <ul class="picks">{a.picks.into_iter().map(|(name, why)| view! {
                        <li><strong>{name}</strong><br /><span class="why">{why}</span></li>
                    }).collect_view()}</ul>
                }).collect_view()}
                {first_phase.map(|ph| view! {
                    <h3>{t(T::FirstPhase)} ": " {ph.name}</h3>
                    <p>{ph.lead}</p>
                    <ol class="report-steps">{ph.steps.into_iter().map(|s| {
                        let owner = (!s.owner.trim().is_empty()).then(|| format!(" · {}: {}", t(T::Owner), s.owner));
                        let due = (!s.due.trim().is_empty()).then(|| format!(" · {}: {}", t(T::Due), s.due));
                        view! { <li>{s.title}{owner}{due}</li> }
                    }).collect_view()}</ol>
                })}
            </section>
            <section aria-labelledby="report-conditions">
                <h2 id="report-conditions">{t(T::Conditions)}</h2>
                <p>{t(T::ConditionsLead)}</p>
                // One line for all of them: the plan's first phase already lists what to do.
                <p class="conditions-line" id="report-conditions-line">{if conditions.is_empty() { t(T::AllConditionsMet).to_owned() } else { conditions.join(" · ") }}</p>
            </section>
            <section class="signature report-signature" aria-labelledby="report-sign">
                <h2 id="report-sign">{t(T::Signatures)}</h2>
                <p>{t(T::SignaturesLead)}</p>
                <div class="signers">
                    {[T::Mayor, T::Official].into_iter().map(|role| view! {
                        <div class="signer">
                            <p class="role">{t(role)}</p>
                            <p class="line">{t(T::SignName)} ":"</p>
                            <p class="line">{t(T::SignHere)} ":"</p>
                            <p class="line">{t(T::SignDate)} ":"</p>
                        </div>
                    }).collect_view()}
                </div>
            </section>
            <section class="annex report-annex" aria-labelledby="report-annex">
                <h2 id="report-annex">{t(T::Annex)}</h2>
                <AnnexTable lines=annex lang=d_lang />
            </section>
            <footer class="muted report-footer">{t(T::Footer)}</footer>
        </article>
    }
}

/// Every answer with its note, its evidence (a link only when safe) and how a workshop decided
/// it: the annex of the report and of the results page.
#[component]
pub(crate) fn AnnexTable(lines: Vec<AnnexLine>, lang: Lang) -> impl IntoView {
    let c = catalog(lang);
    let t = move |x: T| c.report_text(x);
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="annex-table">
                <caption class="visually-hidden">{t(T::Annex)}</caption>
                <thead><tr>
                    <th scope="col">{t(T::Question)}</th>
                    <th scope="col">{t(T::Answer)}</th>
                    <th scope="col">{t(T::Note)}</th>
                    <th scope="col">{t(T::Evidence)}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|a| view! {
                        <tr>
                            <th scope="row"><span class="code">{a.code}</span> " " {a.question}</th>
                            <td data-label=t(T::Answer)>{a.answer}{a.workshop.map(|w| view! { <span class="workshop-votes">{w}</span> })}</td>
                            <td class="note" data-label=t(T::Note)>{a.note}</td>
                            <td data-label=t(T::Evidence)>{(!a.evidence.is_empty()).then(|| view! { <WebLink url=a.evidence /> })}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One pillar's strengths and challenges.
#[component]
fn Pillar(p: PillarPart, c: &'static dyn megaip_core::messages::Catalog) -> impl IntoView {
    let t = move |x: T| c.report_text(x);
    view! {
        <article class="report-pillar" id=format!("report-{}", p.id)>
            <h3>{p.name} " — " {p.stage} " · " {t(T::Index)} " " {p.index}</h3>
            <h4>{t(T::Strengths)}</h4>
            <p>{p.strengths_lead}</p>
            {if p.strengths.is_empty() {
                view! { <p class="muted">{t(T::NoStrengths)}</p> }.into_any()
            } else {
                view! { <ul class="strengths">{p.strengths.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
            }}
            <h4>{t(T::Challenges)}</h4>
            <p>{p.challenges_lead}</p>
            {(!p.challenges.is_empty()).then(|| view! {
                <ul class="challenges">{p.challenges.into_iter().map(|ch| view! {
                    <li>
                        <span class="code">{ch.code}</span> " " {ch.question} " " <span class="tag">{ch.answer}</span>
                        {ch.advice.map(|a| view! { <br /><span class="feedback">{a}</span> })}
                    </li>
                }).collect_view()}</ul>
            })}
        </article>
    }
}
