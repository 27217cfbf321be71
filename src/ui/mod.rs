//! The browser layer: Leptos components, routing, and the glue to browser APIs.
//!
//! It stays thin. State that matters lives in domain types; components read it, render it and
//! hand user actions back. The modules:
//!
//! * [`shell`]: the page frame (header, navigation, language switch, notices, footer).
//! * [`pages`]: one component per route.
//! * [`content`]: the models and toolkit, fetched in the interface language; pages wait for them.
//! * [`state`]: the assessments and models in signals; each assessment saved as its own record,
//!   merged with what other windows save.
//! * [`storage`]: the only code that touches `localStorage`.
//! * [`files`]: reading picked files and offering downloads.
//! * [`filters`]: the filter selects, search box and result count of the toolkit pages.
//! * [`charts`]: the radar and heatmap helpers, and number formatting.
//! * [`links`]: links to other sites, only when the core says the address is safe.
//! * [`offline`]: service worker registration, the update prompt, persistent storage.
//! * [`i18n`]: interface strings generated from `locales/`.

pub mod camera;
pub mod channel;
pub mod charts;
pub mod collection;
pub mod content;
pub mod files;
pub mod filters;
pub mod i18n;
pub mod links;
pub mod offline;
pub mod pages;
pub mod qr;
pub mod shell;
pub mod state;
pub mod storage;

use content::gated;
use i18n::*;
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};
use megaip_core::base::locale::Lang;
use megaip_core::exchange::keys::PREFS;
use pages::*;
use serde::{Deserialize, Serialize};

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let storage = storage::AppStorage::open();
    provide_context(storage);
    offline::provide_offline();
    provide_language(storage);
    content::provide_content(storage);
    view! {
        <Router>
            <shell::Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/autodiagnostico") view=|| gated(AssessmentList) />
                    <Route path=path!("/autodiagnostico/:id") view=|| gated(Walk) />
                    <Route path=path!("/autodiagnostico/:id/:step") view=|| gated(Walk) />
                    <Route path=path!("/resultados") view=|| gated(ResultsIndex) />
                    <Route path=path!("/resultados/:id") view=|| gated(Results) />
                    <Route path=path!("/resultados/:id/diagnostico") view=|| gated(DiagnosisPage) />
                    <Route path=path!("/plan/:id") view=|| gated(PlanPage) />
                    <Route path=path!("/actualizar/:id") view=|| gated(UpgradePage) />
                    <Route path=path!("/herramientas") view=|| gated(Tools) />
                    <Route path=path!("/herramientas/:id") view=|| gated(ToolDetail) />
                    <Route path=path!("/experiencias") view=|| gated(Experiences) />
                    <Route path=path!("/experiencias/:id") view=|| gated(ExperienceDetail) />
                    <Route path=path!("/haga") view=|| gated(Haga) />
                    <Route path=path!("/haga/:id") view=|| gated(MethodologyDetail) />
                    <Route path=path!("/asesoria") view=|| gated(Desk) />
                    <Route path=path!("/asesoria/:id") view=|| gated(DeskDiagnosis) />
                    <Route path=path!("/taller") view=|| gated(WorkshopList) />
                    <Route path=path!("/taller/guia") view=FacilitatorGuide />
                    <Route path=path!("/taller/:id") view=|| gated(WorkshopConsole) />
                    <Route path=path!("/taller/:id/proyector") view=|| gated(Projector) />
                    <Route path=path!("/taller/:id/participar") view=|| gated(Participate) />
                    <Route path=path!("/taller/:id/acta") view=|| gated(Minutes) />
                    <Route path=path!("/taller/:id/hoja") view=|| gated(Sheet) />
                    <Route path=path!("/taller/:id/entregar") view=|| gated(HandBack) />
                    <Route path=path!("/acerca") view=About />
                </Routes>
            </shell::Shell>
        </Router>
    }
}

/// Provides the i18n context in the saved language, keeps `<html lang>` in step with it, and
/// saves the choice whenever it changes (one effect, as in todomvc).
///
/// The saved choice; on a device's first visit, Portuguese if the browser's first language is
/// Portuguese and Spanish otherwise (`Lang::for_browser`: officials often share devices set up
/// in English, so English is never guessed). That is why we build the context from
/// `init_i18n_subcontext` with an explicit initial locale instead of `<I18nContextProvider>`,
/// which would start from `navigator.languages` (and a cookie) and override the saved choice.
fn provide_language(storage: storage::AppStorage) {
    let prefs: Prefs = storage.load(PREFS).unwrap_or_else(|| Prefs {
        lang: Lang::for_browser(browser_languages().iter().map(String::as_str)),
    });
    let initial: Locale = prefs.lang.into();
    let i18n = leptos_i18n::context::init_i18n_subcontext::<Locale>(Some(Signal::stored(initial)));
    provide_context(i18n);
    set_html_lang(prefs.lang);
    Effect::new(move |previous: Option<Lang>| {
        let lang: Lang = i18n.get_locale().into();
        set_html_lang(lang);
        if previous.is_some_and(|p| p != lang) {
            storage.save(PREFS, &Prefs { lang });
        }
        lang
    });
}

/// The user's preferences kept on the device: for now, the interface language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
struct Prefs {
    lang: Lang,
}

fn set_html_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.html_tag());
    }
}

/// `navigator.languages`, most preferred first.
fn browser_languages() -> Vec<String> {
    js_sys::Array::from(&window().navigator().languages())
        .iter()
        .filter_map(|l| l.as_string())
        .collect()
}
