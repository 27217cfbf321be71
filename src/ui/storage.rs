//! The one place that touches the browser's local storage.
//!
//! [`WebBackend`] adapts `window.localStorage` to the core's [`Backend`] trait, so every rule
//! about keys, versions, records and corrupt values lives in `megaip_core::exchange` and is
//! tested natively. When the browser offers no local storage (blocked, some private modes) it falls back
//! to memory and the app says so. Problems are pushed as [`Notice`]s for the banner to show.
//!
//! We do not use `gloo-storage` here: its typed `get` drops the saved text when decoding fails
//! (we must keep that text aside) and its `raw()` panics when storage is blocked.

use leptos::prelude::*;
use megaip_core::exchange::storage::{Backend, BackendError, Key, LoadError, MemoryBackend, SaveError, Store};
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

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        match self {
            WebBackend::Local(s) => s.remove_item(key).map_err(backend_error),
            WebBackend::Memory(m) => m.remove(key),
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
    /// Another window changed an assessment open here; both sets of changes were kept.
    Merged,
    /// Saved assessments or models that do not fit any model here were set aside (not deleted).
    SetAside,
    /// An assessment open here was deleted in another window.
    DeletedElsewhere,
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

    pub fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Runs `f` on the storage backend (for the core's record functions).
    pub fn with_backend<R>(&self, f: impl FnOnce(&mut WebBackend) -> R) -> Option<R> {
        self.store.try_update_value(|s| f(s.backend_mut()))
    }

    /// Loads a value; on any problem, reports it and returns `None` so the caller starts fresh.
    pub fn load<T: DeserializeOwned>(&self, key: Key) -> Option<T> {
        match self.store.try_update_value(|s| s.load::<T>(key)) {
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

    /// Saves a value; on failure, reports it and returns `false`. What was saved before stays.
    pub fn save<T: Serialize>(&self, key: Key, value: &T) -> bool {
        match self.store.try_update_value(|s| s.save(key, value)) {
            Some(Ok(())) => true,
            None => false,
            Some(Err(e)) => {
                self.report(&e);
                false
            }
        }
    }

    /// Tells the user a write failed.
    pub fn report(&self, e: &SaveError) {
        match e {
            SaveError::QuotaFull => self.notify(Notice::QuotaFull),
            other => {
                leptos::logging::warn!("save failed: {other:?}");
                self.notify(Notice::Refused);
            }
        }
    }

    pub fn remove(&self, key: Key) {
        let _ = self.with_backend(|b| b.remove(&key.storage_key()));
    }

    pub fn dismiss(&self, notice: Notice) {
        self.notices.update(|n| n.retain(|x| *x != notice));
    }
}

pub fn use_storage() -> AppStorage {
    expect_context::<AppStorage>()
}
