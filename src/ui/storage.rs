//! The one place that touches the browser's local storage.
//!
//! [`WebBackend`] adapts `window.localStorage` to the domain's [`Backend`] trait, so every rule
//! about keys, versions and corrupt values lives in [`crate::domain::storage`] and is tested
//! natively. When the browser offers no local storage (blocked, some private modes) it falls back
//! to memory and the app says so. Problems are pushed as [`Notice`]s for the banner to show.
//!
//! We do not use `gloo-storage` here: its typed `get` drops the saved text when decoding fails
//! (we must keep that text aside) and its `raw()` panics when storage is blocked.

use crate::domain::storage::{Backend, BackendError, Key, LoadError, MemoryBackend, SaveError, Store};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsCast;

/// Local storage when the browser has it, memory otherwise.
pub enum WebBackend {
    Local(web_sys::Storage),
    Memory(MemoryBackend),
}

impl WebBackend {
    fn detect() -> Self {
        let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        // Some browsers hand out a storage object that throws on every write; probe it once.
        match local {
            Some(s) if s.set_item("megaip.probe", "1").is_ok() && s.remove_item("megaip.probe").is_ok() => {
                WebBackend::Local(s)
            }
            _ => WebBackend::Memory(MemoryBackend::default()),
        }
    }
}

fn backend_error(err: wasm_bindgen::JsValue) -> BackendError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => BackendError::QuotaFull,
        Some(e) => BackendError::Refused(format!("{}: {}", e.name(), e.message())),
        None => BackendError::Refused(format!("{err:?}")),
    }
}

impl Backend for WebBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        match self {
            WebBackend::Local(s) => s.get_item(key).map_err(backend_error),
            WebBackend::Memory(m) => m.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        match self {
            WebBackend::Local(s) => s.set_item(key, value).map_err(backend_error),
            WebBackend::Memory(m) => m.set(key, value),
        }
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        match self {
            WebBackend::Local(s) => {
                let n = s.length().map_err(backend_error)?;
                Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
            }
            WebBackend::Memory(m) => m.keys(),
        }
    }
}

/// Something about storage the user needs to know. Shown in the notice banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Notice {
    /// No local storage: nothing will survive the tab.
    Unavailable,
    /// A saved value could not be read and was kept aside.
    Corrupt,
    /// The last write failed because the device is full.
    QuotaFull,
    /// The last write failed for another reason.
    Refused,
}

/// The app's storage, shared through context.
#[derive(Clone, Copy)]
pub struct AppStorage {
    store: StoredValue<Store<WebBackend>, LocalStorage>,
    pub notices: RwSignal<Vec<Notice>>,
}

impl AppStorage {
    /// Opens local storage (or memory, with a notice, when the browser has none).
    pub fn open() -> Self {
        let backend = WebBackend::detect();
        let notices = RwSignal::new(Vec::new());
        if matches!(backend, WebBackend::Memory(_)) {
            notices.update(|n| n.push(Notice::Unavailable));
        }
        AppStorage {
            store: StoredValue::new_local(Store::new(backend)),
            notices,
        }
    }

    fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Loads a value; on any problem, reports it and returns `None` so the caller starts fresh.
    pub fn load<T: DeserializeOwned>(&self, key: Key) -> Option<T> {
        let now = js_sys::Date::now() as u64;
        match self.store.try_update_value(|s| s.load::<T>(key, now)) {
            Some(Ok(value)) => value,
            Some(Err(LoadError::Corrupt { key, kept_at, reason })) => {
                leptos::logging::warn!("corrupt value at {key} (kept at {kept_at:?}): {reason}");
                self.notify(Notice::Corrupt);
                None
            }
            Some(Err(LoadError::Unreadable(e))) => {
                leptos::logging::warn!("storage unreadable: {e}");
                self.notify(Notice::Refused);
                None
            }
            None => None,
        }
    }

    /// Saves a value; on failure, reports it. What was saved before stays in place.
    pub fn save<T: Serialize>(&self, key: Key, value: &T) {
        match self.store.try_update_value(|s| s.save(key, value)) {
            Some(Ok(())) | None => {}
            Some(Err(SaveError::QuotaFull)) => self.notify(Notice::QuotaFull),
            Some(Err(e)) => {
                leptos::logging::warn!("save failed: {e:?}");
                self.notify(Notice::Refused);
            }
        }
    }

    pub fn dismiss(&self, notice: Notice) {
        self.notices.update(|n| n.retain(|x| *x != notice));
    }
}

pub fn use_storage() -> AppStorage {
    expect_context::<AppStorage>()
}
