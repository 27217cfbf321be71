//! The frame around every page: skip link, header with navigation and language switch,
//! storage notices, the update prompt, and the footer.
//!
//! After a route change, focus moves to the new page's heading, so keyboard and screen-reader
//! users land on the content instead of at the top of a page that silently changed.

use crate::ui::i18n::*;
use crate::ui::offline::UpdateBanner;
use crate::ui::storage::{use_storage, Notice};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};
use megaip_core::base::locale::Lang;
use wasm_bindgen::JsCast;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let (menu_open, set_menu_open) = signal(false);

    // Move focus to the page heading on navigation (not on first load, where the browser's
    // own focus handling is what users expect).
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            set_menu_open.set(false);
            request_animation_frame(focus_heading);
        }
        path
    });

    // The projector is a wall, not a page to use: no header, navigation or footer.
    let wall = move || location.pathname.with(|p| p.ends_with("/proyector"));
    let children = children();
    view! {
        <Show when=move || !wall()>
        <a class="skip" href="#main">{t!(i18n, app.skip)}</a>
        <header class="top">
            <div class="top-inner">
                <A href="/" attr:class="brand">
                    <img src="/icons/icon.svg" alt="" width="32" height="32" />
                    <span class="brand-text">
                        <span class="brand-name">{t!(i18n, app.name)}</span>
                        <span class="brand-tagline">{t!(i18n, app.tagline)}</span>
                    </span>
                </A>
                <LangMenu />
                <button
                    type="button"
                    class="menu-toggle"
                    aria-controls="site-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| set_menu_open.update(|o| *o = !*o)
                >
                    {t!(i18n, nav.menu)}
                </button>
            </div>
            <nav id="site-nav" class="site-nav" class:open=menu_open aria-label=move || t_string!(i18n, nav.label)>
                <ul>
                    <li><A href="/" exact=true>{t!(i18n, nav.home)}</A></li>
                    <li><A href="/autodiagnostico">{t!(i18n, nav.assessment)}</A></li>
                    <li><A href="/resultados">{t!(i18n, nav.results)}</A></li>
                    <li><A href="/herramientas">{t!(i18n, nav.tools)}</A></li>
                    <li><A href="/experiencias">{t!(i18n, nav.experiences)}</A></li>
                    <li><A href="/haga">{t!(i18n, nav.haga)}</A></li>
                    <li><A href="/taller">{t!(i18n, nav.workshop)}</A></li>
                    <li><A href="/asesoria">{t!(i18n, nav.desk)}</A></li>
                    <li><A href="/acerca">{t!(i18n, nav.about)}</A></li>
                </ul>
            </nav>
        </header>
        <UpdateBanner />
        <StorageNotices />
        </Show>
        <main id="main" tabindex="-1" class:wall=wall>{children}</main>
        <Show when=move || !wall()>
        <footer class="bottom">
            <p>{t!(i18n, footer.privacy)} " · " <A href="/acerca">{t!(i18n, nav.about)}</A></p>
        </footer>
        </Show>
    }
}

/// Focuses the page heading; while a page waits for its content, `<main>` holds the focus and
/// `ui::content` moves it to the heading once the page is there.
pub(crate) fn focus_heading() {
    let heading = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .or_else(|| document().get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        let _ = h.focus();
    }
}

/// The language menu: every language named in its own words (Español, English, Português), so
/// someone who cannot read the current language still finds theirs. A native `<select>`: the
/// keyboard, screen readers and phones already know how to use it.
#[component]
fn LangMenu() -> impl IntoView {
    let i18n = use_i18n();
    let current = move || Lang::from(i18n.get_locale());
    view! {
        <label class="visually-hidden" for="lang-menu">{t!(i18n, lang.menu_label)}</label>
        <select
            id="lang-menu"
            class="lang-menu"
            on:change=move |ev| {
                if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                    i18n.set_locale(lang.into());
                }
            }
        >
            {Lang::ALL
                .into_iter()
                .map(|lang| view! {
                    <option value=lang.code() lang=lang.html_tag() selected=move || current() == lang>
                        {lang.autonym()}
                    </option>
                })
                .collect_view()}
        </select>
    }
}

/// Problems with saving, in plain words. Assertive: the user must know before typing more.
#[component]
fn StorageNotices() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    view! {
        <div class="notices" role="alert">
            <For each=move || storage.notices.get() key=|n| *n let:notice>
                <p class="notice">
                    <span>
                        {move || match notice {
                            Notice::Unavailable => t_string!(i18n, storage.unavailable),
                            Notice::Corrupt => t_string!(i18n, storage.corrupt),
                            Notice::QuotaFull => t_string!(i18n, storage.quota),
                            Notice::Refused => t_string!(i18n, storage.refused),
                            Notice::Merged => t_string!(i18n, storage.merged),
                            Notice::SetAside => t_string!(i18n, storage.set_aside),
                            Notice::DeletedElsewhere => t_string!(i18n, storage.deleted_elsewhere),
                        }}
                    </span>
                    <button type="button" class="link" on:click=move |_| storage.dismiss(notice)>
                        {t!(i18n, storage.dismiss)}
                    </button>
                </p>
            </For>
        </div>
    }
}
