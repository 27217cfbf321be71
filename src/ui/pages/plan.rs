//! Recommendations and the action plan.
//!
//! [`Recommendations`] is the "Qué hacer después" section of the results page: unmet enabling
//! conditions first, then each pillar (weakest first) with its target stage, tools, experiences
//! and methodologies, every item with its reason. [`PlanPage`] (`/plan/:id`) turns them into a
//! plan in three phases, early wins apart from medium-term steps; each step is editable and
//! saved at once, and the page prints as a document a mayor can sign.

use crate::ui::i18n::*;
use crate::ui::pages::content_lang::ContentLangNotice;
use crate::ui::pages::not_found::{NotFound, NotOnDevice};
use crate::ui::state::{content_lang, now_iso, use_assessment_route, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use megaip_core::analysis::plan_gen;
use megaip_core::analysis::recommend::{recommend, PillarAdvice};
use megaip_core::analysis::scoring::score;
use megaip_core::answers::assessment::{Assessment, Change};
use megaip_core::answers::plan::{self, Horizon, Phase, PlanStep, Status, StepEdit};
use megaip_core::content::model::Model;
use megaip_core::content::toolkit::Haga;
use megaip_core::messages::catalog;
use std::sync::Arc;

/// "Qué hacer después", from the current answers: for every model, each pillar's next stage
/// and the model's own improvement texts for the answers given; for MEGA IP also HAGA's tools,
/// experiences and methodologies, and the plan.
#[component]
pub fn Recommendations(model: Arc<Model>, assessment: Memo<Option<Assessment>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let with_toolkit = state.toolkit_applies(&model);
    // HAGA's tools and cases are classified by MEGA IP's pillars and stages only.
    let haga = StoredValue::new(if with_toolkit {
        state.haga()
    } else {
        Arc::new(Haga::default())
    });
    let model = StoredValue::new(model);
    let recs = Memo::new(move |_| {
        assessment.with(|a| {
            a.as_ref()
                .map(|a| model.with_value(|m| haga.with_value(|h| recommend(m, h, a, &score(m, a)))))
        })
    });
    let id = move || assessment.with(|a| a.as_ref().map(|a| a.id().to_string()).unwrap_or_default());
    view! {
        <section aria-labelledby="recs-title" id="recommendations">
            <h2 id="recs-title">{t!(i18n, recs.title)}</h2>
            <p>{t!(i18n, recs.lead)}</p>
            {if with_toolkit {
                view! { <p><A href=move || format!("/plan/{}", id()) attr:class="button button-primary no-print">{t!(i18n, recs.to_plan)}</A></p> }.into_any()
            } else {
                view! { <p class="muted">{t!(i18n, recs.other_model)}</p> }.into_any()
            }}
            {move || recs.get().map(|r| view! {
                {(with_toolkit && !r.conditions.is_empty()).then(|| view! {
                    <article class="card advice" id="advice-conditions">
                        <h3>{t!(i18n, recs.conditions)}</h3>
                        <ul>
                            {r.conditions.iter().map(|c| {
                                let text = model.with_value(|m| haga.with_value(|h| catalog(lang.get()).condition_reason(c, m, h)));
                                let principle = c.principles.first().copied();
                                view! {
                                    <li>
                                        {text} " "
                                        {principle.map(|n| view! { <A href=format!("/haga#principio-{n}")>{t!(i18n, recs.see_principle)}</A> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </article>
                })}
                {r.pillars.iter().map(|p| view! {
                    <PillarAdviceCard advice=p.clone() model=model.get_value() haga=haga.get_value() assessment />
                }).collect_view()}
            })}
        </section>
    }
}

#[component]
fn PillarAdviceCard(
    advice: PillarAdvice,
    model: Arc<Model>,
    haga: Arc<Haga>,
    assessment: Memo<Option<Assessment>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let content = content_lang(model.clone(), lang);
    let a = StoredValue::new(advice);
    let model = StoredValue::new(model);
    let haga = StoredValue::new(haga);
    let reason = move |pick: &megaip_core::analysis::recommend::Pick| {
        a.with_value(|a| model.with_value(|m| haga.with_value(|h| catalog(lang.get()).pick_reason(a, pick, m, h))))
    };
    // The model's own improvement text for each missing criterion's chosen answer.
    let feedback = move || -> Vec<(String, String)> {
        a.with_value(|adv| {
            model.with_value(|m| {
                assessment.with(|asmt| {
                    let Some(asmt) = asmt else { return vec![] };
                    adv.feedback
                        .iter()
                        .filter_map(|cid| {
                            let c = m.criterion(cid)?;
                            let text = m.feedback(c, asmt.value(cid)?)?;
                            Some((c.text.get(content.get()).to_owned(), text.get(content.get()).to_owned()))
                        })
                        .collect()
                })
            })
        })
    };
    view! {
        <article class="card advice" id=move || format!("advice-{}", a.with_value(|a| a.pillar.to_string()))>
            <h3>{move || model.with_value(|m| a.with_value(|a| m.pillar(&a.pillar).map(|p| p.name.get(content.get()).to_owned()).unwrap_or_default()))}</h3>
            <p class="verdict">{move || a.with_value(|a| model.with_value(|m| catalog(lang.get()).pillar_headline(a, m)))}</p>
            {move || { let items = feedback(); (!items.is_empty()).then(|| view! {
                <h4>{t!(i18n, recs.feedback)}</h4>
                <ul class="picks feedback-list">{items.into_iter().map(|(question, text)| view! {
                    <li><span class="why">{question}</span><br />{text}</li>
                }).collect_view()}</ul>
            })}}
            {move || a.with_value(|adv| (!adv.tools.is_empty()).then(|| view! {
                <h4>{t!(i18n, recs.tools)}</h4>
                <ul class="picks">{adv.tools.iter().map(|p| {
                    let name = haga.with_value(|h| h.tool(&p.id).map(|t| format!("#{} {}", t.number, t.name)).unwrap_or_default());
                    view! { <li><A href=format!("/herramientas/{}", p.id)>{name}</A><br /><span class="why">{reason(p)}</span></li> }
                }).collect_view()}</ul>
            }))}
            {move || a.with_value(|adv| (!adv.experiences.is_empty()).then(|| view! {
                <h4>{t!(i18n, recs.experiences)}</h4>
                <ul class="picks">{adv.experiences.iter().map(|p| {
                    let title = haga.with_value(|h| h.experience(&p.id).map(|e| e.title.get(lang.get()).to_owned()).unwrap_or_default());
                    view! { <li><A href=format!("/experiencias/{}", p.id)>{title}</A><br /><span class="why">{reason(p)}</span></li> }
                }).collect_view()}</ul>
            }))}
            {move || a.with_value(|adv| (!adv.methodologies.is_empty()).then(|| view! {
                <h4>{t!(i18n, recs.methodologies)}</h4>
                <ul class="picks">{adv.methodologies.iter().map(|p| {
                    let name = haga.with_value(|h| h.methodology(&p.id).map(|m| m.name.get(lang.get()).to_owned()).unwrap_or_default());
                    view! { <li><A href=format!("/haga/{}", p.id)>{name}</A><br /><span class="why">{reason(p)}</span></li> }
                }).collect_view()}</ul>
            }))}
        </article>
    }
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let state = use_state();
    let (id, model) = use_assessment_route();
    move || match model.get().and_then(|r| state.model_for(&r)) {
        Some(model) if state.toolkit_applies(&model) => view! { <PlanFor id=id.get() model /> }.into_any(),
        _ if state.assessment(&id.get()).is_none() => view! { <NotOnDevice /> }.into_any(),
        _ => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn PlanFor(id: String, model: Arc<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let id = StoredValue::new(id);
    let model = StoredValue::new(model);
    let haga = StoredValue::new(state.haga());
    // Only the plan's shape (which steps exist) rebuilds the list; edits update in place.
    let step_ids = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.get(&id.get_value())
                .and_then(|a| a.plan())
                .map(|p| p.steps.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
        })
    });
    let lang = use_lang();
    let refreshed: RwSignal<Option<String>> = RwSignal::new(None);
    let generate = move |_| {
        let Some(a) = state.assessment(&id.get_value()) else {
            return;
        };
        let had_plan = a.plan().is_some();
        let (plan, summary) = model.with_value(|m| {
            haga.with_value(|h| plan_gen::refresh(m, &a, &recommend(m, h, &a, &score(m, &a)), &now_iso()))
        });
        state.update(&id.get_value(), Change::SetPlan(plan));
        if had_plan {
            refreshed.set(Some(
                catalog(lang.get_untracked()).plan_refreshed(summary.achieved, summary.new),
            ));
        }
    };
    let name = move || {
        state
            .workspace
            .with(|w| w.get(&id.get_value()).map(|a| a.display_name()).unwrap_or_default())
    };
    let municipality = move || {
        state.workspace.with(|w| {
            w.get(&id.get_value())
                .map(|a| a.profile().municipality.clone())
                .unwrap_or_default()
        })
    };

    view! {
        <p class="crumbs no-print"><A href=move || format!("/resultados/{}", id.get_value())>{t!(i18n, plan.back)}</A></p>
        <h1 tabindex="-1">{t!(i18n, plan.title)} ": " {name}</h1>
        <p class="lead no-print">{t!(i18n, plan.lead)}</p>
        <ContentLangNotice model=model.get_value() />
        <div class="actions no-print">
            <button type="button" class="button button-primary" on:click=generate>
                {move || if step_ids.with(Option::is_some) { t_string!(i18n, plan.regenerate) } else { t_string!(i18n, plan.generate) }}
            </button>
            <Show when=move || step_ids.with(Option::is_some)>
                <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t!(i18n, plan.print)}</button>
            </Show>
        </div>
        <div class="status no-print" role="status" aria-live="polite">
            {move || refreshed.get().map(|text| view! { <p class="status-ok">{text}</p> })}
        </div>
        <Show when=move || step_ids.with(Option::is_some) fallback=move || view! { <p class="card">{t!(i18n, plan.empty)}</p> }>
            <p class="muted no-print">{t!(i18n, plan.regenerate_help)}</p>
            {Phase::ALL.into_iter().map(|phase| view! {
                <section class="phase" aria-labelledby=format!("phase-{phase:?}")>
                    <h2 id=format!("phase-{phase:?}")>{move || phase_title(phase, i18n)}</h2>
                    <p class="muted">{move || phase_text(phase, i18n)}</p>
                    <AddStep assessment=id.get_value() phase />
                    {[Horizon::EarlyWin, Horizon::MediumTerm].into_iter().map(|horizon| {
                        let steps = move || state.workspace.with(|w| {
                            w.get(&id.get_value()).and_then(|a| a.plan()).map(|p| {
                                p.phase(phase).into_iter().filter(|s| s.horizon == horizon).map(|s| s.id.clone()).collect::<Vec<_>>()
                            }).unwrap_or_default()
                        });
                        let steps = Memo::new(move |_| { step_ids.track(); steps() });
                        view! {
                            <Show when=move || steps.with(|s| !s.is_empty())>
                                <h3 class="horizon">{move || horizon_title(horizon, i18n)}</h3>
                                <ol class="plan-steps">
                                    <For each=move || steps.get() key=|s| s.clone() let:step>
                                        <StepEditor assessment=id.get_value() step model=model.get_value() haga=haga.get_value() />
                                    </For>
                                </ol>
                            </Show>
                        }
                    }).collect_view()}
                </section>
            }).collect_view()}
            <section class="signature" aria-labelledby="sign-title">
                <h2 id="sign-title">{t!(i18n, plan.approval)}</h2>
                <p>{move || t_string!(i18n, plan.approval_text, municipality = municipality()).to_string()}</p>
                <div class="sign-lines">
                    <p><span class="line"></span>{t!(i18n, plan.sign_mayor)}</p>
                    <p><span class="line"></span>{t!(i18n, plan.sign_date)}</p>
                </div>
            </section>
        </Show>
    }
}

/// "Agregar un paso propio" to a phase.
#[component]
fn AddStep(assessment: String, phase: Phase) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let draft = RwSignal::new(String::new());
    let dom = format!("add-step-{phase:?}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = draft.get_untracked();
        if !title.trim().is_empty() {
            state.update(&assessment, Change::AddStep { phase, title });
            draft.set(String::new());
        }
    };
    view! {
        <form class="inline-form add-step no-print" on:submit=submit>
            <label for=dom.clone()>{t!(i18n, plan.add_step)}</label>
            <input id=dom type="text" maxlength="2000" prop:value=draft on:input=move |ev| draft.set(event_target_value(&ev)) />
            <button type="submit" class="button">{t!(i18n, plan.add)}</button>
        </form>
    }
}

fn phase_title(p: Phase, i18n: leptos_i18n::I18nContext<Locale>) -> &'static str {
    match p {
        Phase::Design => t_string!(i18n, plan.phase_design),
        Phase::CoDesign => t_string!(i18n, plan.phase_codesign),
        Phase::Implementation => t_string!(i18n, plan.phase_implementation),
    }
}

fn phase_text(p: Phase, i18n: leptos_i18n::I18nContext<Locale>) -> &'static str {
    match p {
        Phase::Design => t_string!(i18n, plan.phase_design_text),
        Phase::CoDesign => t_string!(i18n, plan.phase_codesign_text),
        Phase::Implementation => t_string!(i18n, plan.phase_implementation_text),
    }
}

fn horizon_title(h: Horizon, i18n: leptos_i18n::I18nContext<Locale>) -> &'static str {
    match h {
        Horizon::EarlyWin => t_string!(i18n, plan.early_wins),
        Horizon::MediumTerm => t_string!(i18n, plan.medium_term),
    }
}

#[component]
fn StepEditor(assessment: String, step: String, model: Arc<Model>, haga: Arc<Haga>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let Some(initial) = state
        .assessment(&assessment)
        .and_then(|a| a.plan().and_then(|p| p.steps.iter().find(|s| s.id == step).cloned()))
    else {
        return ().into_any();
    };
    let aid = StoredValue::new(assessment);
    let sid = StoredValue::new(step);
    let dom = format!(
        "step-{}",
        sid.get_value().replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let edit = move |edit: StepEdit| {
        state.update(
            &aid.get_value(),
            Change::PlanStep {
                step: sid.get_value(),
                edit,
            },
        )
    };
    let current = move || -> Option<PlanStep> {
        state.workspace.with(|w| {
            w.get(&aid.get_value())
                .and_then(|a| a.plan())
                .and_then(|p| p.steps.iter().find(|s| s.id == sid.get_value()).cloned())
        })
    };
    let model = StoredValue::new(model);
    let haga = StoredValue::new(haga);
    let title = move || {
        current()
            .map(|s| model.with_value(|m| haga.with_value(|h| catalog(lang.get()).plan_step_title(&s, m, h))))
            .unwrap_or_default()
    };
    let links = initial
        .tools
        .iter()
        .filter_map(|t| {
            haga.with_value(|h| {
                h.tool(t)
                    .map(|x| (format!("/herramientas/{t}"), format!("#{} {}", x.number, x.name)))
            })
        })
        .chain(initial.experiences.iter().filter_map(|e| {
            haga.with_value(|h| h.experience(e).map(|x| (format!("/experiencias/{e}"), x.place.clone())))
        }))
        .collect::<Vec<_>>();
    let methodology_link = match &initial.subject {
        plan::Subject::Methodology { methodology, .. } => {
            Some(format!("/haga/{methodology}?autodiagnostico={}", aid.get_value()))
        }
        _ => None,
    };
    // A criterion no tool or experience serves: the methodology to run instead.
    let instead = initial.methodologies.first().and_then(|m| {
        haga.with_value(|h| {
            h.methodology(m)
                .map(|x| (format!("/haga/{m}?autodiagnostico={}", aid.get_value()), x.name.clone()))
        })
    });
    let custom = matches!(initial.subject, plan::Subject::Custom { .. });
    let achieved = move || current().is_some_and(|s| s.achieved);
    let printed = move || {
        let Some(s) = current() else { return String::new() };
        let mut parts = Vec::new();
        if !s.owner.trim().is_empty() {
            parts.push(format!("{}: {}", t_string!(i18n, plan.owner), s.owner.trim()));
        }
        if !s.due.is_empty() {
            parts.push(format!("{}: {}", t_string!(i18n, plan.due), s.due));
        }
        parts.push(format!(
            "{}: {}",
            t_string!(i18n, plan.status),
            status_label(s.status, i18n)
        ));
        if !s.notes.trim().is_empty() {
            parts.push(format!("{}: {}", t_string!(i18n, plan.notes), s.notes.trim()));
        }
        parts.join(" · ")
    };
    view! {
        <li class="card plan-step" class:achieved=achieved id=dom.clone()>
            <h4>
                {title}
                <Show when=achieved>" " <span class="tag achieved-tag">{t!(i18n, plan.achieved)}</span></Show>
            </h4>
            {(!links.is_empty()).then(|| view! {
                <p class="meta">{t!(i18n, plan.helps)} " "
                    {links.into_iter().map(|(href, label)| view! { <A href=href>{label}</A>" " }).collect_view()}
                </p>
            })}
            {methodology_link.map(|href| view! { <p class="no-print"><A href=href>{t!(i18n, plan.open_canvas)}</A></p> })}
            {instead.map(|(href, name)| view! {
                <p class="meta">{t!(i18n, plan.instead)} " " <A href=href>{move || name.get(lang.get()).to_owned()}</A></p>
            })}
            <p class="print-only step-print">{printed}</p>
            <div class="step-fields no-print">
                {custom.then(|| view! {
                    <div class="field wide">
                        <label for=format!("{dom}-title")>{t!(i18n, plan.step_title)}</label>
                        <input id=format!("{dom}-title") type="text" maxlength="2000"
                            value=match &initial.subject { plan::Subject::Custom { title } => title.clone(), _ => String::new() }
                            on:input=move |ev| edit(StepEdit::Title(event_target_value(&ev))) />
                    </div>
                })}
                <div class="field">
                    <label for=format!("{dom}-owner")>{t!(i18n, plan.owner)}</label>
                    <input id=format!("{dom}-owner") type="text" maxlength="2000" value=initial.owner.clone() on:input=move |ev| edit(StepEdit::Owner(event_target_value(&ev))) />
                </div>
                <div class="field">
                    <label for=format!("{dom}-due")>{t!(i18n, plan.due)}</label>
                    <input id=format!("{dom}-due") type="date" value=initial.due.clone() on:input=move |ev| edit(StepEdit::Due(event_target_value(&ev))) />
                </div>
                <div class="field">
                    <label for=format!("{dom}-status")>{t!(i18n, plan.status)}</label>
                    <select id=format!("{dom}-status") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = Status::ALL.into_iter().find(|s| status_id(*s) == v) { edit(StepEdit::Status(s)); }
                    }>
                        {Status::ALL.into_iter().map(|s| view! {
                            <option value=status_id(s) selected=initial.status == s>{move || status_label(s, i18n)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field wide">
                    <label for=format!("{dom}-notes")>{t!(i18n, plan.notes)}</label>
                    <textarea id=format!("{dom}-notes") rows="2" maxlength="2000" on:input=move |ev| edit(StepEdit::Notes(event_target_value(&ev)))>{initial.notes.clone()}</textarea>
                </div>
                {custom.then(|| view! {
                    <p><button type="button" class="link" on:click=move |_| state.update(&aid.get_value(), Change::RemoveStep(sid.get_value()))>{t!(i18n, plan.remove_step)}</button></p>
                })}
            </div>
        </li>
    }
    .into_any()
}

fn status_id(s: Status) -> &'static str {
    match s {
        Status::Pending => "pending",
        Status::InProgress => "in_progress",
        Status::Done => "done",
    }
}

fn status_label(s: Status, i18n: leptos_i18n::I18nContext<Locale>) -> &'static str {
    match s {
        Status::Pending => t_string!(i18n, plan.status_pending),
        Status::InProgress => t_string!(i18n, plan.status_in_progress),
        Status::Done => t_string!(i18n, plan.status_done),
    }
}
