//! Filter controls shared by the Herramientas and Experiencias pages: a labelled select whose
//! empty option means "all", a search box, and the live result count.

use crate::ui::i18n::*;
use leptos::prelude::*;

/// A select bound to an optional value. The options are (value, label) pairs, recomputed when
/// the language changes.
#[component]
pub fn FilterSelect(
    id: &'static str,
    label: Signal<String>,
    options: Signal<Vec<(String, String)>>,
    value: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    value.set((!v.is_empty()).then_some(v));
                }
            >
                <option value="" selected=move || value.with(Option::is_none)>{t!(i18n, filters.all)}</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected_value = v.clone();
                            view! { <option value=v selected=move || value.with(|x| x.as_deref() == Some(selected_value.as_str()))>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

#[component]
pub fn SearchBox(id: &'static str, query: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field search">
            <label for=id>{t!(i18n, filters.search)}</label>
            <input
                id=id
                type="search"
                prop:value=query
                on:input=move |ev| query.set(event_target_value(&ev))
                placeholder=move || t_string!(i18n, filters.search_hint)
            />
        </div>
    }
}

/// "12 de 61 herramientas", announced politely as filters change.
#[component]
pub fn ResultCount(shown: Signal<usize>, total: usize, noun: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="count" role="status" aria-live="polite">
            {move || t_string!(i18n, filters.count, shown = shown.get(), total = total, noun = noun.get()).to_string()}
        </p>
    }
}
