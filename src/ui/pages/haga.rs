//! HAGA: the decálogo and the methodologies (`/haga`), and one methodology with its steps and
//! its canvas (`/haga/:id`).
//!
//! A canvas is filled in for one assessment and saved into it at every keystroke, like answers;
//! it travels in the results file. The page prints as a clean sheet: the form is replaced by
//! the written values.

use crate::ui::i18n::*;
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::tools::{pillar_name, stage_name};
use crate::ui::state::{new_id, now_iso, use_id_param, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use megaip_core::answers::assessment::Change;
use megaip_core::base::text::Text;
use megaip_core::content::toolkit::{FieldKind, Methodology};
use wasm_bindgen::JsCast;

#[component]
pub fn Haga() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let haga = StoredValue::new(state.haga());
    let model = StoredValue::new(state.mega_ip());
    view! {
        <h1 tabindex="-1">{t!(i18n, haga.title)}</h1>
        <p class="lead">{t!(i18n, haga.lead)}</p>
        <section aria-labelledby="decalogue-title">
            <h2 id="decalogue-title">{t!(i18n, haga.decalogue)}</h2>
            <p>{t!(i18n, haga.decalogue_text)}</p>
            <ol class="decalogue">
                {move || haga.with_value(|h| h.principles.iter().map(|p| {
                    let p = p.clone();
                    let conditions: Vec<String> = model.with_value(|m| p.conditions.iter().filter_map(|c| m.condition(c)).map(|c| c.name.get(lang.get()).to_owned()).collect());
                    view! {
                        <li class="card principle" id=format!("principio-{}", p.number)>
                            <h3>{p.title.get(lang.get()).to_owned()}</h3>
                            <p>{p.text.get(lang.get()).to_owned()}</p>
                            <details>
                                <summary>{t!(i18n, haga.evidence)}</summary>
                                <p>{p.evidence.get(lang.get()).to_owned()}</p>
                                <ul class="sources">{p.sources.iter().map(|s| view! { <li><crate::ui::links::WebLink url=s.clone() /></li> }).collect_view()}</ul>
                            </details>
                            <p class="meta">{t!(i18n, haga.serves)} " " {conditions.join(" · ")}</p>
                        </li>
                    }
                }).collect_view())}
            </ol>
        </section>
        <section aria-labelledby="methods-title">
            <h2 id="methods-title">{t!(i18n, haga.methodologies)}</h2>
            <p>{t!(i18n, haga.methodologies_text)}</p>
            <ul class="catalog">
                {move || haga.with_value(|h| h.methodologies.iter().map(|m| {
                    let m = m.clone();
                    let fit = model.with_value(|md| format!(
                        "{} · {}",
                        m.pillars.iter().map(|p| pillar_name(md, p, lang.get())).collect::<Vec<_>>().join(", "),
                        m.stages.iter().map(|s| stage_name(md, s, lang.get())).collect::<Vec<_>>().join(", "),
                    ));
                    view! {
                        <li class="card item">
                            <h3><A href=format!("/haga/{}", m.id)>{m.name.get(lang.get()).to_owned()}</A></h3>
                            <p class="meta">{fit} " · " {m.duration.get(lang.get()).to_owned()}</p>
                            <p>{m.summary.get(lang.get()).to_owned()}</p>
                        </li>
                    }
                }).collect_view())}
            </ul>
        </section>
    }
}

#[component]
pub fn MethodologyDetail() -> impl IntoView {
    let state = use_state();
    let id = use_id_param();
    move || match state.haga().methodology(&id.get()).cloned() {
        Some(methodology) => view! { <MethodologyPage methodology /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn MethodologyPage(methodology: Methodology) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let model = StoredValue::new(state.mega_ip());
    let m = StoredValue::new(methodology);
    view! {
        <p class="crumbs no-print"><A href="/haga">{t!(i18n, haga.back)}</A></p>
        <h1 tabindex="-1">{move || m.with_value(|m| m.name.get(lang.get()).to_owned())}</h1>
        <p class="lead">{move || m.with_value(|m| m.summary.get(lang.get()).to_owned())}</p>
        <p class="meta">
            {t!(i18n, haga.when)} " "
            {move || m.with_value(|m| model.with_value(|md| format!(
                "{} · {} · {}",
                m.pillars.iter().map(|p| pillar_name(md, p, lang.get())).collect::<Vec<_>>().join(", "),
                m.stages.iter().map(|s| stage_name(md, s, lang.get())).collect::<Vec<_>>().join(", "),
                m.duration.get(lang.get()),
            )))}
        </p>
        <section aria-labelledby="steps-title" class="no-print">
            <h2 id="steps-title">{t!(i18n, haga.steps)}</h2>
            <ol class="method-steps">
                {move || m.with_value(|m| m.steps.iter().map(|s| view! {
                    <li><h3>{s.title.get(lang.get()).to_owned()}</h3><p>{s.text.get(lang.get()).to_owned()}</p></li>
                }).collect_view())}
            </ol>
            <p class="meta">{t!(i18n, haga.sources)} " "
                {move || m.with_value(|m| m.sources.iter().map(|s| view! { <crate::ui::links::WebLink url=s.clone() />" " }).collect_view())}
            </p>
        </section>
        <CanvasSection methodology=m.get_value() />
    }
}

/// The canvas, filled for one of the assessments on this device.
#[component]
fn CanvasSection(methodology: Methodology) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let query = use_query_map();
    let m = StoredValue::new(methodology);
    // A memo in stable order, so typing in the canvas (which touches the assessment) does not
    // rebuild the form under the user's cursor.
    let ids = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.all()
                .iter()
                .map(|a| (a.id().to_string(), a.display_name()))
                .collect::<Vec<_>>()
        })
    });
    let ids = move || ids.get();
    // The assessment chosen in the page address (?autodiagnostico=…), else the latest one.
    let latest = state
        .workspace
        .with_untracked(|w| w.list().first().map(|a| a.id().to_string()));
    let chosen = RwSignal::new(query.with_untracked(|q| q.get("autodiagnostico")).or(latest));
    let create = move |_| {
        let model = state.mega_ip();
        let id = state.create(megaip_core::answers::assessment::Assessment::new(
            new_id(),
            &model,
            &now_iso(),
        ));
        chosen.set(Some(id.to_string()));
    };
    view! {
        <section class="canvas" aria-labelledby="canvas-title">
            <h2 id="canvas-title">{t!(i18n, canvas.title)} ": " {move || m.with_value(|m| m.canvas.title.get(lang.get()).to_owned())}</h2>
            {move || {
                if ids().is_empty() {
                    return view! {
                        <p>{t!(i18n, canvas.needs_assessment)}</p>
                        <button type="button" class="button button-primary" on:click=create>{t!(i18n, list.new)}</button>
                    }.into_any();
                }
                view! {
                    <div class="field no-print canvas-for">
                        <label for="canvas-assessment">{t!(i18n, canvas.for_assessment)}</label>
                        <select id="canvas-assessment" on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                            {ids().into_iter().map(|(id, name)| {
                                let selected = chosen.get_untracked().as_deref() == Some(id.as_str());
                                let name = if name.is_empty() { t_string!(i18n, list.untitled).to_string() } else { name };
                                view! { <option value=id selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <p class="muted no-print">{t!(i18n, canvas.autosave)}</p>
                    {move || chosen.get().map(|id| view! { <CanvasForm methodology=m.get_value() assessment=id /> })}
                    <p class="no-print">
                        <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t!(i18n, canvas.print)}</button>
                    </p>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn CanvasForm(methodology: Methodology, assessment: String) -> impl IntoView {
    let state = use_state();
    let lang = use_lang();
    let mid = methodology.id.clone();
    let saved = state
        .assessment(&assessment)
        .map(|a| a.canvases().get(&mid).cloned().unwrap_or_default())
        .unwrap_or_default();
    let assessment = StoredValue::new(assessment);
    let mid = StoredValue::new(mid);
    let value = move |field: &str| {
        state.workspace.with(|w| {
            w.get(&assessment.get_value())
                .map(|a| a.canvas_field(&mid.get_value(), field).to_owned())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="canvas-grid">
            {methodology.canvas.fields.into_iter().map(|f| {
                let dom = format!("canvas-{}-{}", methodology.id, f.id);
                let initial = saved.get(&f.id).cloned().unwrap_or_default();
                let field_id = StoredValue::new(f.id.clone());
                let on_input = move |ev: leptos::ev::Event| {
                    let text = event_target_value(&ev);
                    state.update(&assessment.get_value(), Change::Canvas { methodology: mid.get_value(), field: field_id.get_value(), text });
                };
                let label = f.label.clone();
                let help = f.help.clone();
                let help_id = format!("{dom}-help");
                view! {
                    <div class=if f.kind == FieldKind::Short { "field canvas-field" } else { "field canvas-field wide" }>
                        <label for=if f.kind == FieldKind::List { format!("{dom}-0") } else { dom.clone() }>{move || label.get(lang.get()).to_owned()}</label>
                        <p class="hint" id=help_id.clone()>{move || help.get(lang.get()).to_owned()}</p>
                        {match f.kind {
                            FieldKind::Short => view! { <input type="text" id=dom.clone() aria-describedby=help_id.clone() value=initial.clone() on:input=on_input /> }.into_any(),
                            FieldKind::Long => view! { <textarea id=dom.clone() rows="4" aria-describedby=help_id.clone() on:input=on_input>{initial.clone()}</textarea> }.into_any(),
                            FieldKind::List => {
                                let entries = state
                                    .assessment(&assessment.get_value())
                                    .map(|a| a.canvas_items(&mid.get_value(), &field_id.get_value()).into_iter().map(String::from).collect())
                                    .unwrap_or_default();
                                let save = move |items: Vec<String>| {
                                    state.update(&assessment.get_value(), Change::CanvasList { methodology: mid.get_value(), field: field_id.get_value(), items });
                                };
                                view! { <ListField dom=dom.clone() help_id=help_id.clone() label=f.label.clone() entries=entries save=save /> }.into_any()
                            }
                        }}
                        {if f.kind == FieldKind::List {
                            view! { <ul class="print-only print-value">{move || state.workspace.with(|w| w.get(&assessment.get_value()).map(|a| a.canvas_items(&mid.get_value(), &field_id.get_value()).into_iter().map(|i| view! { <li>{i.to_owned()}</li> }).collect_view()))}</ul> }.into_any()
                        } else {
                            view! { <p class="print-only print-value">{move || value(&field_id.get_value())}</p> }.into_any()
                        }}
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

/// A repeatable list field: one line per entry, with add and remove. Every change saves the
/// whole list (`Change::CanvasList`); blank entries are dropped when saved, so an entry added
/// and left empty is gone after a reload.
#[component]
fn ListField(
    dom: String,
    help_id: String,
    label: Text,
    entries: Vec<String>,
    save: impl Fn(Vec<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    // Each row keeps a key of its own, so removing one does not move the others' focus or text.
    let next_key = StoredValue::new(entries.len().max(1));
    let start: Vec<(usize, String)> = if entries.is_empty() {
        vec![(0, String::new())]
    } else {
        entries.into_iter().enumerate().collect()
    };
    let rows = RwSignal::new(start);
    let store = move || save(rows.with_untracked(|r| r.iter().map(|(_, t)| t.clone()).collect()));
    let label = StoredValue::new(label);
    let dom = StoredValue::new(dom);
    let help_id = StoredValue::new(help_id);
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push((key, String::new())));
        let position = rows.with_untracked(Vec::len).saturating_sub(1);
        let id = format!("{}-{position}", dom.get_value());
        request_animation_frame(move || {
            if let Some(input) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = input.focus();
            }
        });
    };
    view! {
        <ol class="canvas-list no-print">
            {move || rows.get().into_iter().enumerate().map(|(position, (key, text))| {
                let n = position + 1;
                let name = move || format!("{} {n}", label.with_value(|l| l.get(lang.get()).to_owned()));
                let on_input = move |ev: leptos::ev::Event| {
                    let value = event_target_value(&ev);
                    rows.update_untracked(|r| {
                        if let Some(row) = r.iter_mut().find(|(k, _)| *k == key) {
                            row.1 = value;
                        }
                    });
                    store();
                };
                let remove = move |_| {
                    rows.update(|r| r.retain(|(k, _)| *k != key));
                    if rows.with_untracked(Vec::is_empty) {
                        rows.update(|r| r.push((next_key.get_value(), String::new())));
                        next_key.set_value(next_key.get_value() + 1);
                    }
                    store();
                };
                view! {
                    <li class="canvas-list-row">
                        <input type="text" id=format!("{}-{position}", dom.get_value()) aria-label=name aria-describedby=help_id.get_value() value=text on:input=on_input />
                        <button type="button" class="button" on:click=remove
                            aria-label=move || t_string!(i18n, canvas.remove_item, item = name()).to_string()>
                            {t!(i18n, canvas.remove)}
                        </button>
                    </li>
                }
            }).collect_view()}
        </ol>
        <button type="button" class="button no-print" on:click=add>{t!(i18n, canvas.add_item)}</button>
    }
}
