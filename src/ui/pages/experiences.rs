//! Experiencias: real local cases with combinable filters (pillar, stage, country, population
//! band) and search, and a detail page per case (`/experiencias/:id`) linking to its tools and
//! methodologies and to its source.

use crate::ui::filters::{FilterSelect, ResultCount, SearchBox};
use crate::ui::i18n::*;
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::tools::{pillar_name, pillar_options, stage_name, stage_options};
use crate::ui::state::{use_id_param, use_lang, use_state};
use leptos::prelude::*;
use leptos_router::components::A;
use megaip_core::analysis::search::{self, ExperienceFilter};
use megaip_core::base::ids::{PillarId, StageId};
use megaip_core::content::places::PopulationBand;
use megaip_core::content::toolkit::Experience;
use megaip_core::messages::{catalog, country_or_code};

#[component]
pub fn Experiences() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let model = StoredValue::new(state.mega_ip());
    let haga = StoredValue::new(state.haga());
    let (pillar, stage, country, band) = (
        RwSignal::new(None),
        RwSignal::new(None),
        RwSignal::new(None),
        RwSignal::new(None),
    );
    let query = RwSignal::new(String::new());
    let filter = Memo::new(move |_| ExperienceFilter {
        pillar: pillar.get().map(PillarId::new),
        stage: stage.get().map(StageId::new),
        country: country.get(),
        band: band.get().and_then(|b: String| PopulationBand::from_id(&b)),
        query: query.get(),
    });
    let shown = Memo::new(move |_| {
        haga.with_value(|h| {
            search::experiences(h, &filter.get())
                .into_iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let total = haga.with_value(|h| h.experiences.len());
    let countries = Signal::derive(move || {
        let mut codes: Vec<String> = haga.with_value(|h| h.experiences.iter().map(|e| e.country.clone()).collect());
        codes.sort();
        codes.dedup();
        let mut out: Vec<(String, String)> = codes
            .into_iter()
            .map(|c| (c.clone(), country_or_code(catalog(lang.get()), &c)))
            .collect();
        out.sort_by(|a, b| a.1.cmp(&b.1));
        out
    });

    view! {
        <h1 tabindex="-1">{t!(i18n, experiences.title)}</h1>
        <p class="lead">{t!(i18n, experiences.lead)}</p>
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <SearchBox id="exp-search" query />
            <FilterSelect id="exp-pillar" label=Signal::derive(move || t_string!(i18n, filters.pillar).to_string())
                options=Signal::derive(move || model.with_value(|m| pillar_options(m, lang.get()))) value=pillar />
            <FilterSelect id="exp-stage" label=Signal::derive(move || t_string!(i18n, filters.stage).to_string())
                options=Signal::derive(move || model.with_value(|m| stage_options(m, lang.get()))) value=stage />
            <FilterSelect id="exp-country" label=Signal::derive(move || t_string!(i18n, filters.country).to_string()) options=countries value=country />
            <FilterSelect id="exp-band" label=Signal::derive(move || t_string!(i18n, filters.population).to_string())
                options=Signal::derive(move || PopulationBand::ALL.iter().map(|b| (b.id().to_owned(), catalog(lang.get()).band(*b).to_owned())).collect())
                value=band />
        </form>
        <ResultCount shown=Signal::derive(move || shown.with(Vec::len)) total noun=Signal::derive(move || t_string!(i18n, experiences.noun).to_string()) />
        <ul class="catalog">
            <For each=move || shown.get() key=|id| id.clone() let:id>
                {haga.with_value(|h| h.experience(&id).cloned()).map(|e| view! { <ExperienceCard experience=e /> })}
            </For>
        </ul>
    }
}

/// "Rosario, Santa Fe (Argentina) · 2022–2024".
fn place_line(e: &Experience, lang: megaip_core::base::locale::Lang) -> String {
    let place = if e.region.is_empty() || e.region == e.place {
        e.place.clone()
    } else {
        format!("{}, {}", e.place, e.region)
    };
    format!("{place} ({}) · {}", country_or_code(catalog(lang), &e.country), e.years)
}

#[component]
pub fn ExperienceCard(experience: Experience) -> impl IntoView {
    let state = use_state();
    let lang = use_lang();
    let model = StoredValue::new(state.mega_ip());
    let e = StoredValue::new(experience);
    view! {
        <li class="card item">
            <h2><A href=move || format!("/experiencias/{}", e.with_value(|e| e.id.clone()))>{move || e.with_value(|e| e.title.get(lang.get()).to_owned())}</A></h2>
            <p class="meta">{move || e.with_value(|e| place_line(e, lang.get()))}</p>
            <p class="meta">{move || e.with_value(|e| {
                let pillars: Vec<String> = e.pillars.iter().map(|p| model.with_value(|m| pillar_name(m, p, lang.get()))).collect();
                format!("{} · {} · {}", pillars.join(", "), model.with_value(|m| stage_name(m, &e.stage, lang.get())), catalog(lang.get()).band(e.population_band))
            })}</p>
            <p>{move || e.with_value(|e| e.summary.get(lang.get()).to_owned())}</p>
        </li>
    }
}

#[component]
pub fn ExperienceDetail() -> impl IntoView {
    let state = use_state();
    let id = use_id_param();
    move || match state.haga().experience(&id.get()).cloned() {
        Some(experience) => view! { <ExperiencePage experience /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn ExperiencePage(experience: Experience) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let model = StoredValue::new(state.mega_ip());
    let haga = StoredValue::new(state.haga());
    let tools: Vec<(String, String, u32)> = haga.with_value(|h| {
        experience
            .tools
            .iter()
            .filter_map(|t| h.tool(t))
            .map(|t| (t.id.clone(), t.name.clone(), t.number))
            .collect()
    });
    let methodologies: Vec<(String, megaip_core::base::text::Text)> = haga.with_value(|h| {
        experience
            .methodologies
            .iter()
            .filter_map(|m| h.methodology(m))
            .map(|m| (m.id.clone(), m.name.clone()))
            .collect()
    });
    let e = StoredValue::new(experience);
    view! {
        <p class="crumbs"><A href="/experiencias">{t!(i18n, experiences.back)}</A></p>
        <h1 tabindex="-1">{move || e.with_value(|e| e.title.get(lang.get()).to_owned())}</h1>
        <p class="meta">{move || e.with_value(|e| place_line(e, lang.get()))}</p>
        <p class="lead">{move || e.with_value(|e| e.summary.get(lang.get()).to_owned())}</p>
        {move || e.with_value(|e| e.results.clone()).map(|r| view! {
            <section class="card" aria-labelledby="exp-results">
                <h2 id="exp-results">{t!(i18n, experiences.results)}</h2>
                <p>{move || r.get(lang.get()).to_owned()}</p>
            </section>
        })}
        <dl class="facts card">
            <dt>{t!(i18n, tools.pillars)}</dt>
            <dd>{move || e.with_value(|e| e.pillars.iter().map(|p| model.with_value(|m| pillar_name(m, p, lang.get()))).collect::<Vec<_>>().join(", "))}</dd>
            <dt>{t!(i18n, filters.stage)}</dt>
            <dd>{move || e.with_value(|e| model.with_value(|m| stage_name(m, &e.stage, lang.get())))}</dd>
            <dt>{t!(i18n, filters.population)}</dt>
            <dd>{move || e.with_value(|e| catalog(lang.get()).band(e.population_band))}</dd>
            <dt>{t!(i18n, experiences.source)}</dt>
            <dd>{move || e.with_value(|e| view! { <crate::ui::links::WebLink url=e.source.clone() /> })}</dd>
            <dt>{t!(i18n, tools.checked)}</dt>
            <dd>{move || e.with_value(|e| e.checked.clone())}</dd>
        </dl>
        <section aria-labelledby="exp-tools">
            <h2 id="exp-tools">{t!(i18n, experiences.tools)}</h2>
            {if tools.is_empty() {
                view! { <p class="muted">{t!(i18n, experiences.tools_none)}</p> }.into_any()
            } else {
                view! { <ul class="link-list">{tools.into_iter().map(|(id, name, n)| view! {
                    <li><A href=format!("/herramientas/{id}")>{format!("#{n} {name}")}</A></li>
                }).collect_view()}</ul> }.into_any()
            }}
        </section>
        {(!methodologies.is_empty()).then(|| view! {
            <section aria-labelledby="exp-methods">
                <h2 id="exp-methods">{t!(i18n, experiences.methodologies)}</h2>
                <ul class="link-list">{methodologies.into_iter().map(|(id, name)| view! {
                    <li><A href=format!("/haga/{id}")>{move || name.get(lang.get()).to_owned()}</A></li>
                }).collect_view()}</ul>
            </section>
        })}
    }
}
