//! The results of one assessment: the overall reading, the pillar × stage heatmap, the radar of
//! indices, an explanation per pillar (why this stage, what is missing for the next), the policy
//! lines and the enabling conditions; plus "Exportar resultados".
//!
//! Every figure comes from [`megaip_core::analysis::scoring::score`]; this page only lays it out.

use crate::ui::charts::{heat_class, number, percent, Radar};
use crate::ui::files::download;
use crate::ui::i18n::*;
use crate::ui::pages::content_lang::ContentLangNotice;
use crate::ui::pages::desk::history::History;
use crate::ui::pages::desk::Entry;
use crate::ui::pages::diagnosis::AnnexTable;
use crate::ui::pages::not_found::{NotFound, NotOnDevice};
use crate::ui::pages::upgrade::UpgradeOffer;
use crate::ui::state::{now_iso, use_assessment_route, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use megaip_core::analysis::compare::place_key;
use megaip_core::analysis::scoring::{score, PillarScore, Scores};
use megaip_core::answers::assessment::Assessment;
use megaip_core::base::locale::Lang;
use megaip_core::content::model::Model;
use megaip_core::content::scale::Tone;
use megaip_core::exchange::results as exchange;
use megaip_core::messages::{self, catalog, country_or_code};
use megaip_core::reports::diagnosis::annex;
use std::sync::Arc;

/// `/resultados`: choose an assessment (or start one).
#[component]
pub fn ResultsIndex() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let items = move || {
        state.workspace.with(|w| {
            w.list()
                .into_iter()
                .map(|a| (a.id().to_string(), a.display_name()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1 tabindex="-1">{t!(i18n, results.title)}</h1>
        <p class="lead">{t!(i18n, results.lead)}</p>
        <Show
            when=move || !items().is_empty()
            fallback=move || view! {
                <p class="card empty">{t!(i18n, results.none)} " "
                    <A href="/autodiagnostico">{t!(i18n, results.start)}</A></p>
            }
        >
            <ul class="link-list">
                {move || items().into_iter().map(|(id, name)| {
                    let name = if name.is_empty() { t_string!(i18n, list.untitled).to_string() } else { name };
                    view! { <li><A href=format!("/resultados/{id}")>{name}</A></li> }
                }).collect_view()}
            </ul>
        </Show>
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let state = use_state();
    let (id, model) = use_assessment_route();
    move || match model.get().and_then(|r| state.model_for(&r)) {
        Some(model) => view! { <ResultsFor id=id.get() model /> }.into_any(),
        None if state.assessment(&id.get()).is_none() => view! { <NotOnDevice /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn ResultsFor(id: String, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let id = StoredValue::new(id);
    let model = StoredValue::new(model);
    let assessment = Memo::new(move |_| state.assessment(&id.get_value()));
    // Scored once per change, whoever reads it. If the assessment disappears (deleted in another
    // window) the route shows "not found"; until then an empty score keeps the page whole.
    let scores = Memo::new(move |_| {
        model.with_value(|m| {
            assessment.with(|a| match a {
                Some(a) => score(m, a),
                None => score(m, &Assessment::new(Default::default(), m, "")),
            })
        })
    });
    let scores: Signal<Scores> = scores.into();
    let stage_name = move |level: usize, lang: Lang| -> String {
        model.with_value(|m| messages::stage_name(catalog(lang), m, level))
    };
    let (exported, set_exported) = signal(false);
    // One click, one file: a second click while the first download starts does nothing.
    let exporting = RwSignal::new(false);
    let export = move |_| {
        let Some(a) = assessment.get_untracked() else {
            return;
        };
        if exporting.get_untracked() {
            return;
        }
        exporting.set(true);
        let file = model.with_value(|m| exchange::export(m, &a, env!("CARGO_PKG_VERSION"), &now_iso()));
        if download(&exchange::file_name(&a), "application/json", &exchange::to_json(&file)).is_ok() {
            set_exported.set(true);
            state.mark_exported();
        }
        set_timeout(move || exporting.set(false), std::time::Duration::from_millis(1500));
    };
    let n_stages = model.with_value(|m| m.stages().len());

    view! {
        <p class="crumbs"><A href="/autodiagnostico">{t!(i18n, walk.back_to_list)}</A></p>
        <h1 tabindex="-1">
            {t!(i18n, results.title)} ": "
            {move || assessment.get().map(|a| a.display_name()).filter(|n| !n.is_empty()).unwrap_or_else(|| t_string!(i18n, list.untitled).to_string())}
        </h1>
        <p class="muted">{move || assessment.get().map(|a| profile_line(&a, &model.get_value(), lang.get()))}</p>
        <div class="actions no-print">
            <button type="button" class="button button-primary" on:click=export>{t!(i18n, results.export)}</button>
            <A href=move || format!("/autodiagnostico/{}", id.get_value()) attr:class="button">{t!(i18n, results.edit)}</A>
            <A href=move || format!("/resultados/{}/diagnostico", id.get_value()) attr:class="button" attr:id="results-diagnosis">{t!(i18n, results.diagnosis)}</A>
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t!(i18n, results.print)}</button>
        </div>
        <div class="no-print"><ContentLangNotice model=model.get_value() /><UpgradeOffer id=id.get_value() /></div>
        <div role="status" aria-live="polite">
            <Show when=move || exported.get()>
                <p class="status-ok">{t!(i18n, results.exported)}</p>
            </Show>
        </div>

        <section class="card summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{t!(i18n, results.overall)}</h2>
            <p class="big" id="overall-stage">{move || stage_name(scores.with(|s| s.overall_level), lang.get())}</p>
            <p>
                {move || {
                    let mean = scores.with(|s| s.mean_index);
                    t_string!(i18n, results.overall_text, mean = number(mean, 2, lang.get()), max = n_stages).to_string()
                }}
            </p>
        </section>

        <section aria-labelledby="heat-title">
            <h2 id="heat-title">{t!(i18n, results.heat_title)}</h2>
            <p>{move || t_string!(i18n, results.heat_text, threshold = scores.with(|s| s.threshold_percent)).to_string()}</p>
            <div class="table-scroll" tabindex="0">
                <table class="heatmap" id="heatmap">
                    <caption class="visually-hidden">{t!(i18n, results.heat_title)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, walk.pillar)}</th>
                            {move || model.with_value(|m| m.stages().iter().map(|s| view! { <th scope="col">{s.name.get(lang.get()).to_string()}</th> }).collect_view())}
                            <th scope="col">{t!(i18n, results.stage)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || scores.with(|s| s.pillars.iter().map(|p| {
                            let name = model.with_value(|m| m.pillar(&p.pillar).map(|x| x.name.get(lang.get()).to_string()).unwrap_or_default());
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    {p.stages.iter().map(|st| {
                                        let status = if st.reached { t_string!(i18n, results.cell_reached) }
                                            else if st.met { t_string!(i18n, results.cell_met) }
                                            else { t_string!(i18n, results.cell_missing) };
                                        view! {
                                            <td class=heat_class(st.share(), st.met, st.reached)>
                                                <span class="pct">{percent(st.share(), lang.get())}</span>
                                                <span class="state">{status}</span>
                                            </td>
                                        }
                                    }).collect_view()}
                                    <td class="level">{if p.assessed { stage_name(p.level, lang.get()) } else { t_string!(i18n, results.not_assessed_short).to_string() }}</td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
            <p class="legend muted">{t!(i18n, results.heat_legend)}</p>
        </section>

        <section aria-labelledby="radar-section">
            <h2 id="radar-section">{t!(i18n, results.index_title)}</h2>
            <p>{move || t_string!(i18n, results.index_text, max = n_stages).to_string()}</p>
            <div class="chart-pair">
                <Radar model=model.get_value() scores lang />
                <table class="index-table">
                    <caption>{t!(i18n, results.index_caption)}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, walk.pillar)}</th>
                        <th scope="col">{t!(i18n, results.stage)}</th>
                        <th scope="col">{t!(i18n, results.index)}</th>
                    </tr></thead>
                    <tbody>
                        {move || scores.with(|s| s.pillars.iter().map(|p| {
                            let name = model.with_value(|m| m.pillar(&p.pillar).map(|x| x.name.get(lang.get()).to_string()).unwrap_or_default());
                            view! { <tr><th scope="row">{name}</th><td>{if p.assessed { stage_name(p.level, lang.get()) } else { t_string!(i18n, results.not_assessed_short).to_string() }}</td><td>{number(p.index, 2, lang.get())}</td></tr> }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>

        <section aria-labelledby="why-title">
            <h2 id="why-title">{t!(i18n, results.why_title)}</h2>
            {move || scores.with(|s| assessment.get().map(|a| s.pillars.iter().map(|p| {
                view! { <Explanation model=model.get_value() pillar=p.clone() assessment=a.clone() threshold=s.threshold_percent /> }
            }).collect_view()))}
        </section>

        <LinesAndConditions model=model.get_value() scores assessment />

        <Progress model=model.get_value() id=id.get_value() />

        <crate::ui::pages::plan::Recommendations model=model.get_value() assessment />

        <Annex model=model.get_value() assessment />
    }
}

/// This municipality's other assessments on the device (same name and country, same model),
/// read over time as on the advisor's desk. Shown only when there are at least two.
#[component]
fn Progress(model: Arc<Model>, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let model = StoredValue::new(model);
    let same = Memo::new(move |_| {
        state.workspace.with(|w| {
            let list = w.list();
            let Some(this) = list.iter().find(|a| a.id().as_str() == id) else {
                return Vec::new();
            };
            let place = place_key(this.profile());
            model.with_value(|m| {
                list.iter()
                    .filter(|a| m.is(a.model()) && place_key(a.profile()) == place)
                    .map(|a| Entry::new((*a).clone(), m.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let entries = same.get();
        (entries.len() >= 2).then(|| {
            view! {
                <section aria-labelledby="progress-title" class="no-print">
                    <h2 id="progress-title">{t!(i18n, results.progress_title)}</h2>
                    <p>{t!(i18n, results.progress_text)}</p>
                    <History model=model.get_value() entries />
                </section>
            }
        })
    }
}

/// Who took part, and every answer with its note, evidence and workshop votes: what an advisor
/// or a mayor reads to check the figures. Shown last, and printed. The lines are the diagnosis
/// report's (`reports::diagnosis::annex`), so both say the same.
#[component]
fn Annex(model: Arc<Model>, assessment: Memo<Option<Assessment>>) -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_lang();
    let state = use_state();
    let model = StoredValue::new(model);
    let lines = move || {
        let c = catalog(ui.get());
        state.workshops.with(|ws| {
            assessment.with(|a| {
                a.as_ref()
                    .map(|a| model.with_value(|m| annex(m, a, ws, c)))
                    .unwrap_or_default()
            })
        })
    };
    let people = move || assessment.with(|a| a.as_ref().map(|a| a.profile().respondents.clone()).unwrap_or_default());
    view! {
        <section class="annex" aria-labelledby="annex-title">
            <h2 id="annex-title">{t!(i18n, results.annex_title)}</h2>
            {move || { let people = people(); (!people.is_empty()).then(|| view! {
                <h3>{t!(i18n, profile.respondents)}</h3>
                <ul>{people.into_iter().filter(|p| !p.name.trim().is_empty() || !p.role.trim().is_empty()).map(|p| view! {
                    <li>{p.name} {(!p.role.trim().is_empty()).then(|| format!(" — {}", p.role))}</li>
                }).collect_view()}</ul>
            })}}
            {move || view! { <AnnexTable lines=lines() lang=ui.get() /> }}
        </section>
    }
}

fn profile_line(a: &Assessment, model: &Model, lang: Lang) -> String {
    let p = a.profile();
    let mut parts: Vec<String> = Vec::new();
    let place = [p.municipality.trim(), p.region.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if !place.is_empty() {
        parts.push(place);
    }
    if !p.country.is_empty() {
        parts.push(country_or_code(catalog(lang), &p.country));
    }
    if let Some(b) = p.population_band {
        parts.push(catalog(lang).band(b).to_owned());
    }
    if !p.date.is_empty() {
        parts.push(p.date.clone());
    }
    parts.push(format!(
        "{} {}",
        model.name().get(model.content_lang(lang)),
        model.version()
    ));
    parts.join(" · ")
}

/// Why a pillar is where it is, stage by stage, and what is missing for the next stage.
#[component]
fn Explanation(model: Arc<Model>, pillar: PillarScore, assessment: Assessment, threshold: u32) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let Some(p) = model.pillar(&pillar.pillar).cloned() else {
        return ().into_any();
    };
    let model = StoredValue::new(model);
    let pillar = StoredValue::new(pillar);
    let assessment = StoredValue::new(assessment);
    let stage_text = move |i: usize, lang: Lang| {
        model.with_value(|m| m.stage_at(i).map(|s| s.name.get(lang).to_string()).unwrap_or_default())
    };
    view! {
        <article class="card explanation" id=format!("why-{}", p.id)>
            <h3>{move || p.name.get(lang.get()).to_string()}</h3>
            <p class="verdict">
                {move || pillar.with_value(|ps| match ps.level {
                    _ if !ps.assessed => t_string!(i18n, results.not_assessed).to_string(),
                    0 => t_string!(i18n, results.verdict_none, first = stage_text(0, lang.get())).to_string(),
                    l => t_string!(i18n, results.verdict, stage = stage_text(l - 1, lang.get()), index = number(ps.index, 2, lang.get())).to_string(),
                })}
            </p>
            <ul class="stage-lines">
                {move || pillar.with_value(|ps| ps.stages.iter().enumerate().map(|(i, st)| {
                    let points = messages::points(catalog(lang.get()), st.points);
                    let state = if st.reached { t_string!(i18n, results.cell_reached) }
                        else if st.met { t_string!(i18n, results.cell_met_long) }
                        else { t_string!(i18n, results.cell_missing) };
                    view! {
                        <li>
                            <strong>{stage_text(i, lang.get())}</strong> ": "
                            {t_string!(i18n, results.stage_points, points = points, applicable = st.applicable, pct = percent(st.share(), lang.get())).to_string()}
                            " — " {state}
                        </li>
                    }
                }).collect_view())}
            </ul>
            {move || pillar.with_value(|ps| match ps.next_stage() {
                _ if !ps.assessed => ().into_any(),
                None => view! { <p class="ok">{t!(i18n, results.top_reached)}</p> }.into_any(),
                Some(next) => {
                    let next_name = model.with_value(|m| m.stage(&next.stage).map(|s| s.name.get(lang.get()).to_string()).unwrap_or_default());
                    let points = messages::points(catalog(lang.get()), next.points_missing);
                    let blocked = !next.met;
                    // Each missing criterion with its current answer and, when the model has one,
                    // the improvement text for that answer.
                    let items: Vec<(String, String, String, Option<String>)> = next.missing.iter().filter_map(|cid| {
                        model.with_value(|m| {
                            let c = m.criterion(cid)?;
                            let chosen = assessment.with_value(|a| a.value(cid).cloned());
                            let option = chosen.as_ref().and_then(|v| m.option_of(c, v));
                            let status = option.map_or_else(|| t_string!(i18n, answer.unanswered).to_string(), |o| o.label.get(lang.get()).to_string());
                            let feedback = chosen.and_then(|v| m.feedback(c, &v).map(|t| t.get(lang.get()).to_string()));
                            Some((cid.to_string(), c.text.get(lang.get()).to_string(), status, feedback))
                        })
                    }).collect();
                    view! {
                        <p>
                            {if blocked {
                                t_string!(i18n, results.next_needs, next = next_name.clone(), points = points, threshold = threshold).to_string()
                            } else {
                                t_string!(i18n, results.next_met_blocked, next = next_name.clone()).to_string()
                            }}
                        </p>
                        <ul class="missing">
                            {items.into_iter().map(|(cid, text, status, feedback)| view! {
                                <li>
                                    <span class="code">{cid}</span> " " {text} " " <span class="tag">{status}</span>
                                    {feedback.map(|f| view! { <br /><span class="feedback"><strong>{t!(i18n, answer.feedback)}</strong> " " {f}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
        </article>
    }
    .into_any()
}

#[component]
fn LinesAndConditions(
    model: Arc<Model>,
    scores: Signal<Scores>,
    assessment: Memo<Option<Assessment>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let model = StoredValue::new(model);
    view! {
        <Show when=move || model.with_value(|m| !m.lines().is_empty())>
            <section aria-labelledby="lines-title">
                <h2 id="lines-title">{t!(i18n, results.lines_title)}</h2>
                <p>{t!(i18n, results.lines_text)}</p>
                <table class="bars">
                    <caption class="visually-hidden">{t!(i18n, results.lines_title)}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, results.line)}</th>
                        <th scope="col">{t!(i18n, results.share)}</th>
                        <th scope="col">{t!(i18n, results.counted)}</th>
                    </tr></thead>
                    <tbody>
                        {move || scores.with(|s| s.lines.iter().map(|l| {
                            let name = model.with_value(|m| m.line(&l.line).map(|x| x.name.get(lang.get()).to_string()).unwrap_or_default());
                            // An SVG bar, not a style attribute: the page's Content-Security-Policy
                            // allows no inline styles.
                            let width = format!("{:.1}", (l.share * 100.0).clamp(0.0, 100.0));
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="bar-bg" width="100" height="10" /><rect class="bar-fill" width=width height="10" /></svg> {percent(l.share, lang.get())}</td>
                                    <td>{l.applicable} " / " {l.total}</td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </section>
        </Show>
        <Show when=move || model.with_value(|m| !m.conditions().is_empty())>
            <section aria-labelledby="conditions-title">
                <h2 id="conditions-title">{t!(i18n, results.conditions_title)}</h2>
                <p>{t!(i18n, results.conditions_text)}</p>
                <ul class="conditions">
                    {move || model.with_value(|m| m.conditions().iter().map(|c| {
                        let scale = m.condition_scale(c);
                        let chosen = assessment.with(|a| a.as_ref().and_then(|a| a.condition_value(&c.id).cloned()));
                        let option = chosen.and_then(|v| scale.option(&v).cloned());
                        let class = match option.as_ref().map(|o| scale.tone(o, m.stages().len())) {
                            Some(Tone::Full) => "cond cond-yes",
                            Some(Tone::Partial) => "cond cond-partial",
                            Some(Tone::None) => "cond cond-no",
                            _ => "cond cond-none",
                        };
                        let status = option.map_or_else(|| t_string!(i18n, answer.unanswered).to_string(), |o| o.label.get(lang.get()).to_string());
                        view! { <li class=class><span class="tag">{status}</span> " " {c.name.get(lang.get()).to_string()}</li> }
                    }).collect_view())}
                </ul>
            </section>
        </Show>
    }
}
