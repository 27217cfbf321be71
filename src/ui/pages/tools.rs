//! Herramientas: the numbered portfolio with combinable filters and accent-insensitive search,
//! and a detail page per tool (`/herramientas/:id`) linking to the experiences that used it.
//!
//! Content is rendered as text only; external links open the tool's official site.

use crate::ui::filters::{FilterSelect, ResultCount, SearchBox};
use crate::ui::i18n::*;
use crate::ui::pages::not_found::NotFound;
use crate::ui::state::{use_id_param, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use megaip_core::analysis::search::{self, ToolFilter};
use megaip_core::base::ids::{PillarId, StageId};
use megaip_core::base::locale::Lang;
use megaip_core::content::model::Model;
use megaip_core::content::toolkit::{Haga, Initiative, Tool};
use megaip_core::messages::catalog;
use std::sync::Arc;

/// Options for pillar and stage selects, from the model.
pub fn pillar_options(model: &Model, lang: Lang) -> Vec<(String, String)> {
    model
        .pillars()
        .iter()
        .map(|p| (p.id.to_string(), p.name.get(lang).to_owned()))
        .collect()
}

pub fn stage_options(model: &Model, lang: Lang) -> Vec<(String, String)> {
    model
        .stages()
        .iter()
        .map(|s| (s.id.to_string(), s.name.get(lang).to_owned()))
        .collect()
}

pub fn pillar_name(model: &Model, id: &str, lang: Lang) -> String {
    model
        .pillar(id)
        .map(|p| p.name.get(lang).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

pub fn stage_name(model: &Model, id: &str, lang: Lang) -> String {
    model
        .stage(id)
        .map(|s| s.name.get(lang).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

#[component]
pub fn Tools() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let model = StoredValue::new(state.mega_ip());
    let haga = StoredValue::new(state.haga());
    let (pillar, stage, category, initiative) = (
        RwSignal::new(None),
        RwSignal::new(None),
        RwSignal::new(None),
        RwSignal::new(None),
    );
    let query = RwSignal::new(String::new());
    let filter = Memo::new(move |_| ToolFilter {
        pillar: pillar.get().map(PillarId::new),
        stage: stage.get().map(StageId::new),
        category: category.get(),
        initiative: initiative
            .get()
            .and_then(|i: String| Initiative::ALL.into_iter().find(|x| x.id() == i)),
        query: query.get(),
    });
    let shown = Memo::new(move |_| {
        haga.with_value(|h| {
            search::tools(h, &filter.get())
                .into_iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let total = haga.with_value(|h| h.tools.len());

    view! {
        <h1 tabindex="-1">{t!(i18n, tools.title)}</h1>
        <p class="lead">{t!(i18n, tools.lead)}</p>
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <SearchBox id="tool-search" query />
            <FilterSelect id="tool-pillar" label=Signal::derive(move || t_string!(i18n, filters.pillar).to_string())
                options=Signal::derive(move || model.with_value(|m| pillar_options(m, lang.get()))) value=pillar />
            <FilterSelect id="tool-stage" label=Signal::derive(move || t_string!(i18n, filters.stage).to_string())
                options=Signal::derive(move || model.with_value(|m| stage_options(m, lang.get()))) value=stage />
            <FilterSelect id="tool-category" label=Signal::derive(move || t_string!(i18n, filters.category).to_string())
                options=Signal::derive(move || haga.with_value(|h| h.categories.iter().map(|c| (c.id.clone(), c.name.get(lang.get()).to_owned())).collect()))
                value=category />
            <FilterSelect id="tool-initiative" label=Signal::derive(move || t_string!(i18n, filters.initiative).to_string())
                options=Signal::derive(move || Initiative::ALL.iter().map(|i| (i.id().to_owned(), catalog(lang.get()).initiative(*i).to_owned())).collect())
                value=initiative />
        </form>
        <ResultCount shown=Signal::derive(move || shown.with(Vec::len)) total noun=Signal::derive(move || t_string!(i18n, tools.noun).to_string()) />
        <ul class="catalog">
            <For each=move || shown.get() key=|id| id.clone() let:id>
                {
                    let tool = haga.with_value(|h| h.tool(&id).cloned());
                    tool.map(|t| view! { <ToolCard tool=t model=model.get_value() haga=haga.get_value() /> })
                }
            </For>
        </ul>
    }
}

/// The facts line under a tool's name: pillars, stage, category, who is behind it.
fn tool_meta(t: &Tool, model: &Model, haga: &Haga, lang: Lang) -> String {
    let mut pillars = pillar_name(model, &t.pillar, lang);
    if let Some(second) = &t.second_pillar {
        pillars = format!("{pillars} (+ {})", pillar_name(model, second, lang));
    }
    let category = haga
        .category(&t.category)
        .map(|c| c.name.get(lang).to_owned())
        .unwrap_or_default();
    format!(
        "{pillars} · {} · {category} · {}",
        stage_name(model, &t.stage, lang),
        catalog(lang).initiative(t.initiative)
    )
}

#[component]
pub fn ToolCard(tool: Tool, model: Arc<Model>, haga: Arc<Haga>) -> impl IntoView {
    let lang = use_lang();
    let tool = StoredValue::new(tool);
    view! {
        <li class="card item">
            <h2>
                <span class="number">{move || format!("#{}", tool.with_value(|t| t.number))}</span> " "
                <A href=move || format!("/herramientas/{}", tool.with_value(|t| t.id.clone()))>{move || tool.with_value(|t| t.name.clone())}</A>
            </h2>
            <p class="meta">{move || tool.with_value(|t| tool_meta(t, &model, &haga, lang.get()))}</p>
            <p>{move || tool.with_value(|t| t.description.get(lang.get()).to_owned())}</p>
            <p class="meta">{move || tool.with_value(|t| format!("{} · {}", t.license.get(lang.get()), catalog(lang.get()).availability(t.spanish)))}</p>
        </li>
    }
}

#[component]
pub fn ToolDetail() -> impl IntoView {
    let state = use_state();
    let id = use_id_param();
    move || match state.haga().tool(&id.get()).cloned() {
        Some(tool) => view! { <ToolPage tool /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn ToolPage(tool: Tool) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let model = StoredValue::new(state.mega_ip());
    let haga = StoredValue::new(state.haga());
    let used_by: Vec<(String, megaip_core::base::text::Text)> = haga.with_value(|h| {
        h.experiences_using(&tool.id)
            .map(|e| (e.id.clone(), e.title.clone()))
            .collect()
    });
    let criteria = tool.criteria.clone();
    let tool = StoredValue::new(tool);
    view! {
        <p class="crumbs"><A href="/herramientas">{t!(i18n, tools.back)}</A></p>
        <h1 tabindex="-1"><span class="number">{move || format!("#{}", tool.with_value(|t| t.number))}</span> " " {move || tool.with_value(|t| t.name.clone())}</h1>
        <p class="lead">{move || tool.with_value(|t| t.description.get(lang.get()).to_owned())}</p>
        <dl class="facts card">
            <dt>{t!(i18n, tools.pillars)}</dt>
            <dd>{move || tool.with_value(|t| {
                let main = model.with_value(|m| pillar_name(m, &t.pillar, lang.get()));
                match &t.second_pillar {
                    Some(s) => format!("{main} · {} {}", t_string!(i18n, tools.second), model.with_value(|m| pillar_name(m, s, lang.get()))),
                    None => main,
                }
            })}</dd>
            <dt>{t!(i18n, filters.stage)}</dt>
            <dd>{move || tool.with_value(|t| model.with_value(|m| stage_name(m, &t.stage, lang.get())))}</dd>
            <dt>{t!(i18n, filters.category)}</dt>
            <dd>{move || tool.with_value(|t| haga.with_value(|h| h.category(&t.category).map(|c| c.name.get(lang.get()).to_owned()).unwrap_or_default()))}</dd>
            <dt>{t!(i18n, filters.initiative)}</dt>
            <dd>{move || tool.with_value(|t| format!("{} — {}", catalog(lang.get()).initiative(t.initiative), t.initiative_detail.get(lang.get())))}</dd>
            <dt>{t!(i18n, tools.license)}</dt>
            <dd>{move || tool.with_value(|t| t.license.get(lang.get()).to_owned())}</dd>
            <dt>{t!(i18n, tools.spanish)}</dt>
            <dd>{move || tool.with_value(|t| catalog(lang.get()).availability(t.spanish))}</dd>
            <dt>{t!(i18n, tools.site)}</dt>
            <dd>{move || tool.with_value(|t| view! { <crate::ui::links::WebLink url=t.url.clone() /> })}</dd>
            <dt>{t!(i18n, tools.checked)}</dt>
            <dd>{move || tool.with_value(|t| t.checked.clone())}</dd>
        </dl>
        {(!criteria.is_empty()).then(|| view! {
            <section aria-labelledby="tool-criteria">
                <h2 id="tool-criteria">{t!(i18n, tools.criteria)}</h2>
                <ul>{criteria.iter().map(|c| {
                    let c = c.clone();
                    view! { <li><span class="code">{c.to_string()}</span> " " {move || model.with_value(|m| m.criterion(&c).map(|x| x.text.get(lang.get()).to_owned()).unwrap_or_default())}</li> }
                }).collect_view()}</ul>
            </section>
        })}
        <section aria-labelledby="tool-used">
            <h2 id="tool-used">{t!(i18n, tools.used_by)}</h2>
            {if used_by.is_empty() {
                view! { <p class="muted">{t!(i18n, tools.used_by_none)}</p> }.into_any()
            } else {
                view! { <ul class="link-list">{used_by.into_iter().map(|(id, title)| view! {
                    <li><A href=format!("/experiencias/{id}")>{move || title.get(lang.get()).to_owned()}</A></li>
                }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}
