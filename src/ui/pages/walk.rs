//! The walk through one assessment: the profile, then pillar by pillar and stage by stage, then
//! the enabling conditions. Every change is saved as it happens.
//!
//! Steps are addresses (`/autodiagnostico/:id/:step`), so the browser's back button, reloads and
//! shared links all land on the same step. The step list and the pillar × stage grid let the
//! team jump anywhere; every control is a native form element, so the keyboard works throughout.

use crate::ui::i18n::*;
use crate::ui::pages::content_lang::ContentLangNotice;
use crate::ui::pages::criterion::{AnswerCard, Question};
use crate::ui::pages::not_found::{NotFound, NotOnDevice};
use crate::ui::pages::upgrade::UpgradeOffer;
use crate::ui::state::{content_lang, use_assessment_route, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use megaip_core::answers::assessment::{Change, ProfileEdit};
use megaip_core::base::locale::Lang;
use megaip_core::content::model::Model;
use megaip_core::content::places::{PopulationBand, COUNTRIES};
use megaip_core::messages::catalog;
use std::sync::Arc;

const PROFILE: &str = "perfil";
const CONDITIONS: &str = "condiciones";

/// The steps of a model's walk, in order: profile, each pillar, conditions.
fn steps(model: &Model) -> Vec<String> {
    let mut out = vec![PROFILE.to_owned()];
    out.extend(model.pillars().iter().map(|p| p.id.to_string()));
    if !model.conditions().is_empty() {
        out.push(CONDITIONS.to_owned());
    }
    out
}

#[component]
pub fn Walk() -> impl IntoView {
    let state = use_state();
    let (id, model) = use_assessment_route();
    move || match model.get().and_then(|r| state.model_for(&r)) {
        Some(model) => view! { <WalkFor id=id.get() model /> }.into_any(),
        None if state.assessment(&id.get()).is_none() => view! { <NotOnDevice /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn WalkFor(id: String, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = content_lang(model.clone(), use_lang());
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
        <ContentLangNotice model=model.get_value() />
        <UpgradeOffer id=id.get_value() />
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
    let lang = content_lang(model.clone(), use_lang());
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
                            {move || model.with_value(|m| m.stages().iter().filter(|s| !s.floor).map(|s| view! { <th scope="col">{s.name.get(lang.get()).to_string()}</th> }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>
                        {move || model.with_value(|m| m.pillars().iter().map(|p| {
                            let pillar = p.id.to_string();
                            view! {
                                <tr>
                                    <th scope="row">{p.name.get(lang.get()).to_string()}</th>
                                    {m.stages().iter().filter(|s| !s.floor).map(|s| {
                                        let (pillar, stage) = (pillar.clone(), s.id.to_string());
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
    let lang = content_lang(model.clone(), use_lang());
    let Some(p) = model.pillar(&pillar).cloned() else {
        return ().into_any();
    };
    // "Which statement fits best?" questions span the pillar's stages: they come first.
    let statements: Vec<String> = model
        .pillar_criteria(&pillar)
        .filter(|c| c.stage.is_none())
        .map(|c| c.id.to_string())
        .collect();
    let id = StoredValue::new(id);
    let model = StoredValue::new(model);
    let pillar = StoredValue::new(pillar);
    view! {
        <section class="walk-step" aria-labelledby="step-title">
            <h2 id="step-title">{let name = p.name.clone(); move || name.get(lang.get()).to_string()}</h2>
            {p.description.clone().map(|d| view! { <p>{move || d.get(lang.get()).to_string()}</p> })}
            {statements.into_iter().map(|c| view! {
                <AskedCard id=id.get_value() model=model.get_value() criterion=c />
            }).collect_view()}
            <p class="jump">
                {t!(i18n, walk.jump_to_stage)} " "
                {move || model.with_value(|m| m.stages().iter().filter(|s| !s.floor && m.criteria_at(&pillar.get_value(), &s.id).next().is_some()).map(|s| view! {
                    <a href=format!("#{}", cell_anchor(&pillar.get_value(), &s.id))>{s.name.get(lang.get()).to_string()}</a>" "
                }).collect_view())}
            </p>
            {model.with_value(|m| m.stages().iter().filter(|s| m.criteria_at(&pillar.get_value(), &s.id).next().is_some()).map(|s| {
                let stage = s.clone();
                let stage_id = s.id.to_string();
                let counts = move || state.workspace.with(|w| {
                    w.get(&id.get_value()).map(|a| model.with_value(|m| a.cell_progress(m, &pillar.get_value(), &stage_id))).unwrap_or((0, 0))
                });
                let anchor = cell_anchor(&pillar.get_value(), &s.id);
                let criteria: Vec<String> = m.criteria_at(&pillar.get_value(), &s.id).map(|c| c.id.to_string()).collect();
                view! {
                    <section class="stage-block" id=anchor.clone() aria-labelledby=format!("{anchor}-h")>
                        <h3 id=format!("{anchor}-h")>
                            {move || stage.name.get(lang.get()).to_string()}
                            <span class="count">{move || { let (d, t) = counts(); format!(" · {d}/{t}") }}</span>
                        </h3>
                        {stage.description.clone().map(|d| view! { <p class="muted">{move || d.get(lang.get()).to_string()}</p> })}
                        {criteria.into_iter().map(|c| view! {
                            <AskedCard id=id.get_value() model=model.get_value() criterion=c />
                        }).collect_view()}
                    </section>
                }
            }).collect_view())}
        </section>
    }
    .into_any()
}

/// A criterion's card, shown only while the criterion is asked: a question that depends on an
/// earlier answer appears when that answer is given, and hides again when it changes.
#[component]
fn AskedCard(id: String, model: Arc<Model>, criterion: String) -> impl IntoView {
    let state = use_state();
    let (aid, m, c) = (id.clone(), model.clone(), criterion.clone());
    let asked = Memo::new(move |_| {
        state.workspace.with(|w| {
            let Some(a) = w.get(&aid) else { return false };
            m.criterion(&c).is_some_and(|cr| a.is_asked(&m, cr))
        })
    });
    view! {
        <Show when=move || asked.get()>
            <AnswerCard id=id.clone() model=model.clone() question=Question::Criterion(criterion.clone()) />
        </Show>
    }
}

#[component]
fn ConditionsStep(id: String, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let conditions: Vec<String> = model.conditions().iter().map(|c| c.id.to_string()).collect();
    view! {
        <section class="walk-step" aria-labelledby="step-title">
            <h2 id="step-title">{t!(i18n, walk.conditions)}</h2>
            <p>{t!(i18n, walk.conditions_text)}</p>
            {conditions.into_iter().map(|c| view! {
                <AnswerCard id=id.clone() model=model.clone() question=Question::Condition(c) />
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
    // Inputs are uncontrolled: filled once, then every keystroke is a change. Re-rendering them
    // on each change would fight the caret.
    let initial = state
        .assessment(&id.get_value())
        .map(|a| a.profile().clone())
        .unwrap_or_default();
    let edit = move |e: ProfileEdit| state.update(&id.get_value(), Change::Profile(e));
    let person = move |i: usize| {
        state
            .assessment(&id.get_value())
            .and_then(|a| a.profile().respondents.get(i).cloned())
            .unwrap_or_default()
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
                    <input id="p-municipality" type="text" required autocomplete="address-level2" maxlength="200"
                        value=initial.municipality.clone()
                        on:input=move |ev| edit(ProfileEdit::Municipality(event_target_value(&ev))) />
                </div>
                <div class="field">
                    <label for="p-country">{t!(i18n, profile.country)}</label>
                    <select id="p-country" on:change=move |ev| edit(ProfileEdit::Country(event_target_value(&ev)))>
                        <option value="" selected=country.is_empty()>{t!(i18n, profile.choose)}</option>
                        {COUNTRIES.iter().map(|code| {
                            let selected = country == *code;
                            view! { <option value=*code selected=selected>{move || catalog(lang.get()).country(code).unwrap_or(code)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="p-region">{t!(i18n, profile.region)}</label>
                    <input id="p-region" type="text" maxlength="200" value=initial.region.clone()
                        on:input=move |ev| edit(ProfileEdit::Region(event_target_value(&ev))) />
                </div>
                <div class="field">
                    <label for="p-band">{t!(i18n, profile.population)}</label>
                    <select id="p-band" on:change=move |ev| edit(ProfileEdit::Band(PopulationBand::from_id(&event_target_value(&ev))))>
                        <option value="" selected=band.is_none()>{t!(i18n, profile.choose)}</option>
                        {PopulationBand::ALL.into_iter().map(|b| view! {
                            <option value=b.id() selected=band == Some(b)>{move || catalog(lang.get()).band(b)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="p-date">{t!(i18n, profile.date)}</label>
                    <input id="p-date" type="date" value=initial.date.clone()
                        on:input=move |ev| edit(ProfileEdit::Date(event_target_value(&ev))) />
                </div>
            </div>
            <fieldset class="respondents">
                <legend>{t!(i18n, profile.respondents)}</legend>
                <p class="muted">{t!(i18n, profile.respondents_help)}</p>
                {move || {
                    (0..respondents.get()).map(|i| {
                        let p = person(i);
                        view! {
                            <div class="respondent">
                                <div class="field">
                                    <label for=format!("r-name-{i}")>{t!(i18n, profile.person_name)} " " {i + 1}</label>
                                    <input id=format!("r-name-{i}") type="text" maxlength="200" value=p.name
                                        on:input=move |ev| edit(ProfileEdit::Respondent { index: i, name: event_target_value(&ev), role: person(i).role }) />
                                </div>
                                <div class="field">
                                    <label for=format!("r-role-{i}")>{t!(i18n, profile.person_role)} " " {i + 1}</label>
                                    <input id=format!("r-role-{i}") type="text" maxlength="200" value=p.role
                                        on:input=move |ev| edit(ProfileEdit::Respondent { index: i, name: person(i).name, role: event_target_value(&ev) }) />
                                </div>
                                <button type="button" class="link" on:click=move |_| {
                                    edit(ProfileEdit::RemoveRespondent(i));
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
