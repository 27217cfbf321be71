//! The walk through one assessment: the profile, then pillar by pillar and stage by stage, then
//! the enabling conditions. Every change is saved as it happens.
//!
//! Steps are addresses (`/autodiagnostico/:id/:step`), so the browser's back button, reloads and
//! shared links all land on the same step. The step list and the pillar × stage grid let the
//! team jump anywhere; every control is a native form element, so the keyboard works throughout.

use crate::domain::assessment::{PopulationBand, Respondent};
use crate::domain::model::Model;
use crate::domain::places::COUNTRIES;
use crate::domain::prefs::Lang;
use crate::ui::i18n::*;
use crate::ui::pages::criterion::{AnswerCard, Subject};
use crate::ui::pages::not_found::NotFound;
use crate::ui::state::{use_assessment_route, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

const PROFILE: &str = "perfil";
const CONDITIONS: &str = "condiciones";

/// The steps of a model's walk, in order: profile, each pillar, conditions.
fn steps(model: &Model) -> Vec<String> {
    let mut out = vec![PROFILE.to_owned()];
    out.extend(model.pillars.iter().map(|p| p.id.clone()));
    if !model.conditions.is_empty() {
        out.push(CONDITIONS.to_owned());
    }
    out
}

#[component]
pub fn Walk() -> impl IntoView {
    let (id, model) = use_assessment_route();
    move || match model.get() {
        Some(model) => view! { <WalkFor id=id.get() model /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn WalkFor(id: String, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let params = use_params_map();
    let id = StoredValue::new(id);
    let model = StoredValue::new(model);
    let all_steps = StoredValue::new(model.with_value(|m| steps(m)));
    let step = Memo::new(move |_| {
        let wanted = params.with(|p| p.get("step")).unwrap_or_else(|| PROFILE.to_owned());
        if all_steps.with_value(|s| s.contains(&wanted)) {
            wanted
        } else {
            PROFILE.to_owned()
        }
    });
    let title = move || {
        state
            .workspace
            .with(|w| w.get(&id.get_value()).map(|a| a.display_name()))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| t_string!(i18n, walk.untitled).to_string())
    };
    let progress = move || {
        state.workspace.with(|w| {
            w.get(&id.get_value())
                .map(|a| model.with_value(|m| a.progress(m)))
                .unwrap_or((0, 0))
        })
    };
    let step_label = move |s: &str, lang: Lang| -> String {
        match s {
            PROFILE => t_string!(i18n, walk.profile).to_string(),
            CONDITIONS => t_string!(i18n, walk.conditions).to_string(),
            pillar => model.with_value(|m| {
                m.pillar(pillar)
                    .map(|p| p.name.get(lang).to_string())
                    .unwrap_or_default()
            }),
        }
    };
    let href = move |s: &str| format!("/autodiagnostico/{}/{s}", id.get_value());
    let neighbour = move |offset: isize| {
        let current = step.get();
        all_steps.with_value(|s| {
            let i = s.iter().position(|x| *x == current)? as isize + offset;
            s.get(usize::try_from(i).ok()?).cloned()
        })
    };

    view! {
        <p class="crumbs"><A href="/autodiagnostico">{t!(i18n, walk.back_to_list)}</A></p>
        <h1 tabindex="-1">{title}</h1>
        <ProgressLine progress=Signal::derive(progress)>" · " {t!(i18n, walk.autosave)}</ProgressLine>
        <nav class="steps" aria-label=move || t_string!(i18n, walk.steps_label)>
            <ol>
                {move || {
                    all_steps
                        .get_value()
                        .into_iter()
                        .map(|s| {
                            let label = step_label(&s, lang.get());
                            let target = href(&s);
                            let current = s.clone();
                            view! {
                                <li>
                                    <A href=target attr:aria-current=move || (step.get() == current).then_some("step")>
                                        {label}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </nav>
        <CellGrid id=id.get_value() model=model.get_value() />
        {move || {
            let s = step.get();
            match s.as_str() {
                PROFILE => view! { <ProfileStep id=id.get_value() /> }.into_any(),
                CONDITIONS => view! { <ConditionsStep id=id.get_value() model=model.get_value() /> }.into_any(),
                pillar => view! { <PillarStep id=id.get_value() model=model.get_value() pillar=pillar.to_owned() /> }.into_any(),
            }
        }}
        <nav class="pager" aria-label=move || t_string!(i18n, walk.pager_label)>
            {move || neighbour(-1).map(|s| view! {
                <A href=href(&s) attr:class="button">{"← "}{step_label(&s, lang.get())}</A>
            })}
            {move || match neighbour(1) {
                Some(s) => view! {
                    <A href=href(&s) attr:class="button button-primary">{step_label(&s, lang.get())}{" →"}</A>
                }.into_any(),
                None => view! {
                    <A href=move || format!("/resultados/{}", id.get_value()) attr:class="button button-primary">
                        {t!(i18n, walk.see_results)}
                    </A>
                }.into_any(),
            }}
        </nav>
    }
}

/// "34 de 67 criterios respondidos", with a progress bar, and whatever follows it.
#[component]
pub fn ProgressLine(progress: Signal<(usize, usize)>, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="progress-line">
            <progress max=move || progress.get().1 value=move || progress.get().0></progress>
            " "
            {move || {
                let (done, total) = progress.get();
                t_string!(i18n, list.answered, done = done, total = total).to_string()
            }}
            {children.map(|c| c())}
        </p>
    }
}

/// The pillar × stage grid: how much of each cell is answered, and a link to it.
#[component]
fn CellGrid(id: String, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let model = StoredValue::new(model);
    let id = StoredValue::new(id);
    view! {
        <details class="grid-jump">
            <summary>{t!(i18n, walk.grid_title)}</summary>
            <div class="table-scroll" tabindex="0">
                <table class="cells">
                    <caption class="visually-hidden">{t!(i18n, walk.grid_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, walk.pillar)}</th>
                            {move || model.with_value(|m| m.stages.iter().map(|s| view! { <th scope="col">{s.name.get(lang.get()).to_string()}</th> }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>
                        {move || model.with_value(|m| m.pillars.iter().map(|p| {
                            let pillar = p.id.clone();
                            view! {
                                <tr>
                                    <th scope="row">{p.name.get(lang.get()).to_string()}</th>
                                    {m.stages.iter().map(|s| {
                                        let (pillar, stage) = (pillar.clone(), s.id.clone());
                                        let target = format!("/autodiagnostico/{}/{}#{}", id.get_value(), pillar, cell_anchor(&pillar, &stage));
                                        let counts = move || state.workspace.with(|w| {
                                            w.get(&id.get_value()).map(|a| model.with_value(|m| a.cell_progress(m, &pillar, &stage))).unwrap_or((0, 0))
                                        });
                                        let counts_for_class = counts.clone();
                                        view! {
                                            <td class:done=move || { let (d, t) = counts_for_class(); d == t && t > 0 }>
                                                <a href=target>{move || { let (d, t) = counts(); format!("{d}/{t}") }}</a>
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

pub fn cell_anchor(pillar: &str, stage: &str) -> String {
    format!("celda-{pillar}-{stage}")
}

#[component]
fn PillarStep(id: String, model: Arc<Model>, pillar: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let Some(p) = model.pillar(&pillar).cloned() else {
        return ().into_any();
    };
    let id = StoredValue::new(id);
    let model = StoredValue::new(model);
    let pillar = StoredValue::new(pillar);
    view! {
        <section class="walk-step" aria-labelledby="step-title">
            <h2 id="step-title">{move || p.name.get(lang.get()).to_string()}</h2>
            <p>{move || p.description.get(lang.get()).to_string()}</p>
            <p class="jump">
                {t!(i18n, walk.jump_to_stage)} " "
                {move || model.with_value(|m| m.stages.iter().map(|s| view! {
                    <a href=format!("#{}", cell_anchor(&pillar.get_value(), &s.id))>{s.name.get(lang.get()).to_string()}</a>" "
                }).collect_view())}
            </p>
            {model.with_value(|m| m.stages.iter().map(|s| {
                let stage = s.clone();
                let stage_id = s.id.clone();
                let counts = move || state.workspace.with(|w| {
                    w.get(&id.get_value()).map(|a| model.with_value(|m| a.cell_progress(m, &pillar.get_value(), &stage_id))).unwrap_or((0, 0))
                });
                let anchor = cell_anchor(&pillar.get_value(), &s.id);
                let criteria: Vec<String> = m.cell(&pillar.get_value(), &s.id).map(|c| c.id.clone()).collect();
                view! {
                    <section class="stage-block" id=anchor.clone() aria-labelledby=format!("{anchor}-h")>
                        <h3 id=format!("{anchor}-h")>
                            {move || stage.name.get(lang.get()).to_string()}
                            <span class="count">{move || { let (d, t) = counts(); format!(" · {d}/{t}") }}</span>
                        </h3>
                        <p class="muted">{move || stage.description.get(lang.get()).to_string()}</p>
                        {criteria.into_iter().map(|c| view! {
                            <AnswerCard id=id.get_value() model=model.get_value() subject=Subject::Criterion(c) />
                        }).collect_view()}
                    </section>
                }
            }).collect_view())}
        </section>
    }
    .into_any()
}

#[component]
fn ConditionsStep(id: String, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let conditions: Vec<String> = model.conditions.iter().map(|c| c.id.clone()).collect();
    view! {
        <section class="walk-step" aria-labelledby="step-title">
            <h2 id="step-title">{t!(i18n, walk.conditions)}</h2>
            <p>{t!(i18n, walk.conditions_text)}</p>
            {conditions.into_iter().map(|c| view! {
                <AnswerCard id=id.clone() model=model.clone() subject=Subject::Condition(c) />
            }).collect_view()}
        </section>
    }
}

#[component]
fn ProfileStep(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let id = StoredValue::new(id);
    // Inputs are uncontrolled: filled once, then every keystroke is saved. Re-rendering them on
    // each change would fight the caret.
    let initial = state.assessment(&id.get_value()).map(|a| a.profile).unwrap_or_default();
    let edit = move |change: Box<dyn FnOnce(&mut crate::domain::assessment::Profile)>| {
        state.update(&id.get_value(), |a, now| a.edit_profile(now, change));
    };
    let respondents = RwSignal::new(initial.respondents.len());
    let country = initial.country.clone();
    let band = initial.population_band;

    view! {
        <section class="walk-step" aria-labelledby="step-title">
            <h2 id="step-title">{t!(i18n, walk.profile)}</h2>
            <p>{t!(i18n, profile.intro)}</p>
            <div class="form-grid">
                <div class="field">
                    <label for="p-municipality">{t!(i18n, profile.municipality)} " " <span class="required">{t!(i18n, profile.required)}</span></label>
                    <input id="p-municipality" type="text" required autocomplete="address-level2"
                        value=initial.municipality.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |p| p.municipality = v)) } />
                </div>
                <div class="field">
                    <label for="p-country">{t!(i18n, profile.country)}</label>
                    <select id="p-country" on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |p| p.country = v)) }>
                        <option value="" selected=country.is_empty()>{t!(i18n, profile.choose)}</option>
                        {COUNTRIES.iter().map(|(code, es, en)| {
                            let selected = country == *code;
                            view! { <option value=*code selected=selected>{move || if lang.get() == Lang::Es { *es } else { *en }}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="p-region">{t!(i18n, profile.region)}</label>
                    <input id="p-region" type="text" value=initial.region.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |p| p.region = v)) } />
                </div>
                <div class="field">
                    <label for="p-band">{t!(i18n, profile.population)}</label>
                    <select id="p-band" on:change=move |ev| { let v = PopulationBand::from_id(&event_target_value(&ev)); edit(Box::new(move |p| p.population_band = v)) }>
                        <option value="" selected=band.is_none()>{t!(i18n, profile.choose)}</option>
                        {PopulationBand::ALL.into_iter().map(|b| view! {
                            <option value=b.id() selected=band == Some(b)>{move || b.label(lang.get())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="p-date">{t!(i18n, profile.date)}</label>
                    <input id="p-date" type="date" value=initial.date.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |p| p.date = v)) } />
                </div>
            </div>
            <fieldset class="respondents">
                <legend>{t!(i18n, profile.respondents)}</legend>
                <p class="muted">{t!(i18n, profile.respondents_help)}</p>
                {move || {
                    let people = state.assessment(&id.get_value()).map(|a| a.profile.respondents).unwrap_or_default();
                    (0..respondents.get()).map(|i| {
                        let person = people.get(i).cloned().unwrap_or_default();
                        view! {
                            <div class="respondent">
                                <div class="field">
                                    <label for=format!("r-name-{i}")>{t!(i18n, profile.person_name)} " " {i + 1}</label>
                                    <input id=format!("r-name-{i}") type="text" value=person.name
                                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |p| set_respondent(p, i, |r| r.name = v))) } />
                                </div>
                                <div class="field">
                                    <label for=format!("r-role-{i}")>{t!(i18n, profile.person_role)} " " {i + 1}</label>
                                    <input id=format!("r-role-{i}") type="text" value=person.role
                                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |p| set_respondent(p, i, |r| r.role = v))) } />
                                </div>
                                <button type="button" class="link" on:click=move |_| {
                                    edit(Box::new(move |p| { if i < p.respondents.len() { p.respondents.remove(i); } }));
                                    respondents.update(|n| *n = n.saturating_sub(1));
                                }>{t!(i18n, profile.remove_person)} " " {i + 1}</button>
                            </div>
                        }
                    }).collect_view()
                }}
                <button type="button" class="button" on:click=move |_| respondents.update(|n| *n += 1)>{t!(i18n, profile.add_person)}</button>
            </fieldset>
        </section>
    }
}

fn set_respondent(profile: &mut crate::domain::assessment::Profile, i: usize, change: impl FnOnce(&mut Respondent)) {
    if profile.respondents.len() <= i {
        profile.respondents.resize(i + 1, Respondent::default());
    }
    change(&mut profile.respondents[i]);
}
