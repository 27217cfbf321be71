//! Offline support as the user sees it: the service worker, the "new version" prompt, and the
//! request for persistent storage.
//!
//! The service worker itself is `assets/sw.js` (precache of the hashed build, old caches cleared,
//! navigations answered with the app shell). Here we register it, but only in release builds:
//! a worker caching `trunk serve` output would hide every edit behind a stale cache. A new
//! version never replaces the running one silently: it waits until the user presses "Actualizar".

use crate::ui::i18n::*;
use leptos::prelude::*;
use leptos_use_service_worker::{use_service_worker_with_options, UseServiceWorkerOptions, UseServiceWorkerReturn};
use wasm_bindgen_futures::JsFuture;

/// What the browser said about keeping our data when it runs short of space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    Checking,
    Granted,
    Denied,
    Unsupported,
}

/// Tells the waiting service worker to take over (the page then reloads).
type SkipWaiting = Box<dyn Fn()>;

/// Offline state shared through context.
#[derive(Clone, Copy)]
pub struct Offline {
    /// A service worker controls this origin: the app will open without a network.
    pub ready: Signal<bool>,
    /// A newer version is installed and waiting for the user's go-ahead.
    pub update_waiting: Signal<bool>,
    /// Whether service workers exist at all in this browser (and build).
    pub supported: bool,
    pub persistence: ReadSignal<Persistence>,
    skip_waiting: StoredValue<Option<SkipWaiting>, LocalStorage>,
}

impl Offline {
    pub fn apply_update(&self) {
        self.skip_waiting.with_value(|f| {
            if let Some(f) = f {
                f()
            }
        });
    }
}

/// Sets up the service worker (release builds) and asks for persistent storage.
pub fn provide_offline() -> Offline {
    let has_sw = web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false))
        .unwrap_or(false);
    let register = has_sw && !cfg!(debug_assertions);

    let (ready, update_waiting, skip): (Signal<bool>, Signal<bool>, Option<SkipWaiting>) = if register {
        let UseServiceWorkerReturn {
            active,
            waiting,
            skip_waiting,
            ..
        } = use_service_worker_with_options(UseServiceWorkerOptions::default().script_url("/sw.js"));
        // `active` only refreshes on registration events; `serviceWorker.ready` settles exactly
        // when a worker is active, so either one says the app is ready offline.
        let (ready_promise, set_ready_promise) = signal(false);
        leptos::task::spawn_local(async move {
            if let Some(w) = web_sys::window() {
                if let Ok(ready) = w.navigator().service_worker().ready() {
                    set_ready_promise.set(JsFuture::from(ready).await.is_ok());
                }
            }
        });
        (
            Signal::derive(move || active.get() || ready_promise.get()),
            waiting,
            Some(Box::new(skip_waiting)),
        )
    } else {
        (Signal::derive(|| false), Signal::derive(|| false), None)
    };

    let (persistence, set_persistence) = signal(Persistence::Checking);
    leptos::task::spawn_local(async move {
        set_persistence.set(request_persistence().await);
    });

    let offline = Offline {
        ready,
        update_waiting,
        supported: register,
        persistence,
        skip_waiting: StoredValue::new_local(skip),
    };
    provide_context(offline);
    offline
}

/// Asks the browser to keep our data (`navigator.storage.persist()`), unless it already does.
async fn request_persistence() -> Persistence {
    let Some(window) = web_sys::window() else {
        return Persistence::Unsupported;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return Persistence::Unsupported;
    }
    let manager = navigator.storage();
    let answer = async {
        if JsFuture::from(manager.persisted().ok()?).await.ok()?.as_bool()? {
            return Some(true);
        }
        JsFuture::from(manager.persist().ok()?).await.ok()?.as_bool()
    };
    match answer.await {
        Some(true) => Persistence::Granted,
        Some(false) => Persistence::Denied,
        None => Persistence::Unsupported,
    }
}

pub fn use_offline() -> Offline {
    expect_context::<Offline>()
}

/// The "new version" prompt. A polite live region, so screen readers hear it once.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    view! {
        <div class="update" role="status" aria-live="polite">
            <Show when=move || offline.update_waiting.get()>
                <p>
                    {t!(i18n, update.available)} " "
                    <button type="button" class="button" on:click=move |_| offline.apply_update()>
                        {t!(i18n, update.button)}
                    </button>
                </p>
            </Show>
        </div>
    }
}

/// One plain sentence on whether the browser will keep the user's data.
#[component]
pub fn PersistenceStatus() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    move || match offline.persistence.get() {
        Persistence::Checking => t!(i18n, about.persist_checking).into_any(),
        Persistence::Granted => t!(i18n, about.persist_granted).into_any(),
        Persistence::Denied => t!(i18n, about.persist_denied).into_any(),
        Persistence::Unsupported => t!(i18n, about.persist_unsupported).into_any(),
    }
}

/// One plain sentence on whether the app will open without a network.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    move || {
        if !offline.supported {
            t!(i18n, about.offline_unavailable).into_any()
        } else if offline.ready.get() {
            t!(i18n, about.offline_ready).into_any()
        } else {
            t!(i18n, about.offline_pending).into_any()
        }
    }
}
