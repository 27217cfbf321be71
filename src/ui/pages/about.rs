//! About: where the model comes from, where the user's data lives, and whether this device
//! is ready to work offline and will keep the data.

use crate::ui::i18n::*;
use crate::ui::offline::{OfflineStatus, PersistenceStatus};
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 tabindex="-1">{t!(i18n, about.title)}</h1>
        <p class="lead">{t!(i18n, about.lead)}</p>
        <section class="card" aria-labelledby="origin-title">
            <h2 id="origin-title">{t!(i18n, about.origin_title)}</h2>
            <p>{t!(i18n, about.origin_text)}</p>
        </section>
        <section class="card" aria-labelledby="privacy-title">
            <h2 id="privacy-title">{t!(i18n, about.privacy_title)}</h2>
            <p>{t!(i18n, about.privacy_text)}</p>
        </section>
        <section class="card" aria-labelledby="offline-title">
            <h2 id="offline-title">{t!(i18n, about.offline_title)}</h2>
            <p id="offline-status"><OfflineStatus /></p>
        </section>
        <section class="card" aria-labelledby="persist-title">
            <h2 id="persist-title">{t!(i18n, about.persist_title)}</h2>
            <p id="persist-status"><PersistenceStatus /></p>
        </section>
        <p class="muted">{t!(i18n, about.version)} " " {env!("CARGO_PKG_VERSION")}</p>
    }
}
