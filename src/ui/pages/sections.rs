//! The sections that later work fills in: each says plainly what it will hold, so a link to it
//! is never a dead end.

use crate::ui::i18n::*;
use leptos::prelude::*;

/// A section page: heading, lead, and the list of what it will hold.
#[component]
fn Section(
    title: AnyView,
    lead: AnyView,
    holds_title: AnyView,
    items: Vec<AnyView>,
) -> impl IntoView {
    view! {
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{lead}</p>
        <section class="card" aria-labelledby="holds-title">
            <h2 id="holds-title">{holds_title}</h2>
            <ul class="checks">{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
        </section>
    }
}

#[component]
pub fn Tools() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Section
            title=t!(i18n, tools.title).into_any()
            lead=t!(i18n, tools.lead).into_any()
            holds_title=t!(i18n, tools.holds_title).into_any()
            items=vec![
                t!(i18n, tools.holds_1).into_any(),
                t!(i18n, tools.holds_2).into_any(),
                t!(i18n, tools.holds_3).into_any(),
            ]
        />
    }
}

#[component]
pub fn Experiences() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Section
            title=t!(i18n, experiences.title).into_any()
            lead=t!(i18n, experiences.lead).into_any()
            holds_title=t!(i18n, experiences.holds_title).into_any()
            items=vec![
                t!(i18n, experiences.holds_1).into_any(),
                t!(i18n, experiences.holds_2).into_any(),
                t!(i18n, experiences.holds_3).into_any(),
            ]
        />
    }
}

#[component]
pub fn Haga() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Section
            title=t!(i18n, haga.title).into_any()
            lead=t!(i18n, haga.lead).into_any()
            holds_title=t!(i18n, haga.holds_title).into_any()
            items=vec![
                t!(i18n, haga.holds_1).into_any(),
                t!(i18n, haga.holds_2).into_any(),
                t!(i18n, haga.holds_3).into_any(),
                t!(i18n, haga.holds_4).into_any(),
            ]
        />
    }
}
