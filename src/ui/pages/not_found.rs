//! The page for any address the app does not know.

use crate::ui::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 tabindex="-1">{t!(i18n, not_found.title)}</h1>
        <p class="lead">{t!(i18n, not_found.text)}</p>
        <A href="/" attr:class="button button-primary">{t!(i18n, not_found.back)}</A>
    }
}

/// For an address about one assessment that is not on this device (a link shared from another
/// device, or an assessment deleted since): says so, and how to bring it here.
#[component]
pub fn NotOnDevice() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 tabindex="-1">{t!(i18n, not_found.not_here_title)}</h1>
        <p class="lead">{t!(i18n, not_found.not_here_text)}</p>
        <A href="/autodiagnostico" attr:class="button button-primary">{t!(i18n, not_found.not_here_action)}</A>
    }
}
