//! The content (the MEGA IP versions, the upgrade between them, the HAGA toolkit) as data fetched
//! in the interface language, not code compiled into the wasm.
//!
//! The app carries only the index of `assets/content/`, compiled in so that the wasm and the
//! parts it asks for always come from the same build. The parts are fetched from this origin;
//! after the first visit the service worker answers from its precache, so every language works
//! offline. The core reads and checks them (`content::bundle`): a part whose bytes do not match
//! its name is refused. Pages that show content wait for it behind [`gated`], and the first of
//! them to open starts the load: the shell, the home page and the about page neither wait for
//! the content nor spend the phone's time reading it. (The boot script has already started the
//! downloads, so the bytes are usually there.) Changing the language fetches that language's
//! parts and re-renders the page with them.

use crate::ui::i18n::*;
use crate::ui::state::AppState;
use crate::ui::storage::AppStorage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use megaip_core::base::locale::Lang;
use megaip_core::content::bundle::{BundleError, Index};
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The list of parts, written by the native tests from `toolkits/` (see `content::bundle`).
const INDEX: &str = include_str!("../../assets/content/index.json");
/// Where the build puts `assets/content/`.
const CONTENT_PATH: &str = "/content/";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Loading,
    Ready,
    /// The first load failed: a download cut short, or a broken build.
    Failed,
}

/// Whether the content is there, shared through context.
#[derive(Clone, Copy)]
pub struct ContentStatus {
    status: RwSignal<Status>,
    /// Counts the times the content was replaced (a language change), so pages re-render.
    generation: RwSignal<u32>,
    /// A page that shows content has opened: load it (and keep it in the interface language).
    wanted: RwSignal<bool>,
}

/// Loads the content in the interface language now and again whenever the language changes,
/// and provides the app state once the first load has landed.
pub fn provide_content(storage: AppStorage) {
    let content = ContentStatus {
        status: RwSignal::new(Status::Loading),
        generation: RwSignal::new(0),
        wanted: RwSignal::new(false),
    };
    provide_context(content);
    let i18n = use_i18n();
    let owner = Owner::current();
    // The parts now shown, so a language with the same parts fetches nothing.
    let shown: StoredValue<Option<Vec<String>>> = StoredValue::new(None);
    Effect::new(move |_| {
        let lang: Lang = i18n.get_locale().into();
        if !content.wanted.get() {
            return;
        }
        let Ok(index) = Index::parse(INDEX) else {
            content.status.set(Status::Failed);
            return;
        };
        let wanted: Vec<String> = index.parts_for(lang).into_iter().map(str::to_owned).collect();
        if shown.get_value().as_ref() == Some(&wanted) {
            return;
        }
        let owner = owner.clone();
        spawn_local(async move {
            let fetched = fetch_all(&wanted).await;
            // Reading the parts, loading the saved assessments and drawing the page are each
            // their own task, so a slow phone's main thread is never blocked by all three at once.
            next_task().await;
            // A later change of language started its own load: only the latest one lands.
            if Lang::from(i18n.get_locale_untracked()) != lang {
                return;
            }
            let assembled = fetched.and_then(|texts| index.assemble(lang, |name| texts.get(name).map(String::as_str)));
            next_task().await;
            match assembled {
                Ok(parts) => {
                    shown.set_value(Some(wanted));
                    match use_context_in(&owner) {
                        Some(state) => {
                            state.replace_content(parts);
                            content.generation.update(|g| *g += 1);
                        }
                        None => {
                            if let Some(owner) = &owner {
                                owner.with(|| AppState::provide(storage, parts));
                            }
                        }
                    }
                    next_task().await;
                    set_content_attribute(lang);
                    content.status.set(Status::Ready);
                    // A navigation parked the focus on <main> while the page waited.
                    let parked = document().active_element().is_some_and(|e| e.id() == "main");
                    if parked {
                        request_animation_frame(crate::ui::shell::focus_heading);
                    }
                }
                // Once content is shown, a failed switch keeps it: the pages say which language
                // its texts are in.
                Err(error) => {
                    leptos::logging::warn!("content for {}: {error:?}", lang.code());
                    if content.status.get_untracked() == Status::Loading {
                        content.status.set(Status::Failed);
                    }
                }
            }
        });
    });
}

fn use_context_in(owner: &Option<Owner>) -> Option<AppState> {
    owner.as_ref().and_then(|o| o.with(use_context::<AppState>))
}

/// `<html data-content>`: the interface language whose content is shown. The browser tests wait
/// for it after changing the language.
fn set_content_attribute(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-content", lang.code());
    }
}

/// Fetches every part at once and waits for all of them.
async fn fetch_all(names: &[String]) -> Result<HashMap<String, String>, BundleError> {
    let window = window();
    // Every request starts before the first is awaited, so they travel side by side.
    let pending: Vec<(&String, js_sys::Promise)> = names
        .iter()
        .map(|name| (name, window.fetch_with_str(&format!("{CONTENT_PATH}{name}"))))
        .collect();
    // Every request is awaited, even after one fails, so none is left as an unhandled rejection.
    let mut texts = HashMap::new();
    let mut missing = None;
    for (name, request) in pending {
        match fetch_text(request).await {
            Some(text) => {
                texts.insert(name.clone(), text);
            }
            None => missing = missing.or_else(|| Some(BundleError::Missing(name.clone()))),
        }
    }
    missing.map_or(Ok(texts), Err)
}

/// Resolves in a later task of the event loop (a zero-delay timeout).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

async fn fetch_text(request: js_sys::Promise) -> Option<String> {
    let response: web_sys::Response = JsFuture::from(request).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// `page`, once the content is there: a short "loading" line before, and a way to try again if
/// the first load failed. Re-renders `page` when the content changes language.
pub fn gated<F, V>(page: F) -> impl IntoView
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let content = expect_context::<ContentStatus>();
    if !content.wanted.get_untracked() {
        content.wanted.set(true);
    }
    move || {
        content.generation.track();
        match content.status.get() {
            Status::Ready => page().into_any(),
            Status::Loading => view! { <Loading /> }.into_any(),
            Status::Failed => view! { <Failed /> }.into_any(),
        }
    }
}

#[component]
fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="content-loading" role="status">{t!(i18n, app.loading)}</p> }
}

#[component]
fn Failed() -> impl IntoView {
    let i18n = use_i18n();
    let retry = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <h1 tabindex="-1">{t!(i18n, app.content_failed)}</h1>
        <p>{t!(i18n, app.content_failed_text)}</p>
        <p><button type="button" class="button button-primary" on:click=retry>{t!(i18n, app.retry)}</button></p>
    }
}
