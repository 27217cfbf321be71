//! The storage codec: how typed values become saved text and back, and what happens when
//! saved text cannot be trusted.
//!
//! The browser's local storage is one flat map of strings. This module owns the rules for using
//! it, independent of the browser so they are tested natively:
//!
//! * [`Key`] names a value and carries its format version (`megaip.prefs.v1`), so a future
//!   format lives under a new key and never misreads an old one.
//! * [`Store`] wraps any [`Backend`] (local storage in the app, [`MemoryBackend`] when local
//!   storage is unavailable and in tests) with typed `load` / `save`.
//! * A value that does not decode is *corrupt*: `load` copies it aside under a quarantine key and
//!   reports it as [`LoadError::Corrupt`]. The original is left where it was; nothing is deleted.
//! * A failed write ([`SaveError`]) leaves what was saved before untouched and says why
//!   (for example a full quota), so the UI can tell the user instead of crashing.

use serde::{de::DeserializeOwned, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Every key this app writes starts with this, so its data is easy to find and never collides
/// with another app served from the same origin.
pub const PREFIX: &str = "megaip";

/// A named, versioned slot in storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub name: &'static str,
    pub version: u32,
}

impl Key {
    pub const fn new(name: &'static str, version: u32) -> Self {
        Key { name, version }
    }

    /// The string used in storage, e.g. `megaip.prefs.v1`.
    pub fn storage_key(&self) -> String {
        format!("{PREFIX}.{}.v{}", self.name, self.version)
    }

    /// Where a corrupt value under this key is kept aside.
    pub fn quarantine_key(&self) -> String {
        quarantine_key(&self.storage_key())
    }
}

/// Where a corrupt value saved under `key` is kept aside: one copy per key. A copy is replaced
/// only by a different corrupt value, so starting the app again and again never piles copies up.
pub fn quarantine_key(key: &str) -> String {
    let rest = key
        .strip_prefix(PREFIX)
        .and_then(|k| k.strip_prefix('.'))
        .unwrap_or(key);
    format!("{PREFIX}.quarantine.{rest}")
}

/// Copies a corrupt value aside (once) and says where, or `None` when it could not be copied.
pub fn keep_aside<B: Backend + ?Sized>(backend: &mut B, key: &str, raw: &str) -> Option<String> {
    let aside = quarantine_key(key);
    match backend.get(&aside) {
        Ok(Some(existing)) if existing == raw => Some(aside),
        _ => backend.set(&aside, raw).ok().map(|_| aside),
    }
}

/// Why a backend could not complete an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendError {
    /// The device refused to store more (the browser's `QuotaExceededError`).
    QuotaFull,
    /// Storage exists but refused the operation for another reason (the text says which).
    Refused(String),
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::QuotaFull => write!(f, "storage quota is full"),
            BackendError::Refused(why) => write!(f, "storage refused the operation: {why}"),
        }
    }
}

/// A flat string map: local storage, or memory.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
    fn keys(&self) -> Result<Vec<String>, BackendError>;
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;
}

/// Storage that lives only as long as the page. Used when the browser offers no local storage
/// (some private modes), so the app still works and says that nothing will be kept.
#[derive(Debug, Default, Clone)]
pub struct MemoryBackend {
    map: BTreeMap<String, String>,
    /// Total bytes allowed (keys plus values), to behave like a browser quota.
    quota: Option<usize>,
}

impl MemoryBackend {
    pub fn with_quota(quota: usize) -> Self {
        MemoryBackend {
            map: BTreeMap::new(),
            quota: Some(quota),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.map
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.map.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(BackendError::QuotaFull);
            }
        }
        self.map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.map.keys().cloned().collect())
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.map.remove(key);
        Ok(())
    }
}

/// Why a value could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The saved text is not a valid value of this version. It was copied to `kept_at`
    /// (or could not be, when `kept_at` is `None`: then the original is still in place).
    Corrupt {
        key: String,
        kept_at: Option<String>,
        reason: String,
    },
    /// Storage could not be read at all.
    Unreadable(BackendError),
}

/// Why a value could not be saved. What was saved before is still there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    QuotaFull,
    Refused(String),
    /// The value could not be turned into text (a bug, not a user problem).
    Encode(String),
}

impl From<BackendError> for SaveError {
    fn from(e: BackendError) -> Self {
        match e {
            BackendError::QuotaFull => SaveError::QuotaFull,
            BackendError::Refused(why) => SaveError::Refused(why),
        }
    }
}

/// Typed access to a backend, with the corrupt-value and failed-write rules above.
pub struct Store<B: Backend> {
    backend: B,
}

impl<B: Backend> Store<B> {
    pub fn new(backend: B) -> Self {
        Store { backend }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }

    /// Loads the value under `key`. `Ok(None)` means nothing was ever saved there.
    pub fn load<T: DeserializeOwned>(&mut self, key: Key) -> Result<Option<T>, LoadError> {
        load_raw(&mut self.backend, &key.storage_key())
    }

    /// Saves `value` under `key`. On error nothing was changed.
    pub fn save<T: Serialize>(&mut self, key: Key, value: &T) -> Result<(), SaveError> {
        let text = encode(value)?;
        self.backend.set(&key.storage_key(), &text).map_err(SaveError::from)
    }

    /// Keys of values kept aside because they were corrupt, oldest first.
    pub fn quarantined(&self) -> Result<Vec<String>, BackendError> {
        let prefix = format!("{PREFIX}.quarantine.");
        let mut keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        keys.sort();
        Ok(keys)
    }
}

/// Loads the value saved under a raw storage key, keeping a corrupt value aside.
pub fn load_raw<T: DeserializeOwned, B: Backend + ?Sized>(backend: &mut B, key: &str) -> Result<Option<T>, LoadError> {
    let raw = match backend.get(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Ok(None),
        Err(e) => return Err(LoadError::Unreadable(e)),
    };
    match decode::<T>(&raw) {
        Ok(value) => Ok(Some(value)),
        Err(reason) => Err(LoadError::Corrupt {
            key: key.to_owned(),
            kept_at: keep_aside(backend, key, &raw),
            reason,
        }),
    }
}

/// Turns a value into the text that is saved.
pub fn encode<T: Serialize>(value: &T) -> Result<String, SaveError> {
    serde_json::to_string(value).map_err(|e| SaveError::Encode(e.to_string()))
}

/// Reads saved text back into a value, or says why it cannot.
pub fn decode<T: DeserializeOwned>(raw: &str) -> Result<T, String> {
    serde_json::from_str(raw).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Prefs {
        locale: String,
    }

    const KEY: Key = Key::new("prefs", 1);

    fn prefs(locale: &str) -> Prefs {
        Prefs { locale: locale.into() }
    }

    #[test]
    fn keys_are_prefixed_and_versioned() {
        assert_eq!(KEY.storage_key(), "megaip.prefs.v1");
        assert_eq!(Key::new("prefs", 2).storage_key(), "megaip.prefs.v2");
        assert_eq!(KEY.quarantine_key(), "megaip.quarantine.prefs.v1");
    }

    #[test]
    fn a_saved_value_loads_back_identical() {
        let mut store = Store::new(MemoryBackend::default());
        store.save(KEY, &prefs("en")).unwrap();
        assert_eq!(store.load::<Prefs>(KEY).unwrap(), Some(prefs("en")));
    }

    #[test]
    fn nothing_saved_loads_as_none() {
        let mut store = Store::new(MemoryBackend::default());
        assert_eq!(store.load::<Prefs>(KEY).unwrap(), None);
    }

    #[test]
    fn versions_do_not_see_each_other() {
        let mut store = Store::new(MemoryBackend::default());
        store.save(KEY, &prefs("en")).unwrap();
        assert_eq!(store.load::<Prefs>(Key::new("prefs", 2)).unwrap(), None);
    }

    #[test]
    fn corrupt_value_is_kept_aside_not_deleted_and_reported() {
        let mut backend = MemoryBackend::default();
        backend.set("megaip.prefs.v1", "{not json").unwrap();
        let mut store = Store::new(backend);

        let err = store.load::<Prefs>(KEY).unwrap_err();
        let LoadError::Corrupt { key, kept_at, reason } = err else {
            panic!("expected Corrupt")
        };
        assert_eq!(key, "megaip.prefs.v1");
        assert_eq!(kept_at.as_deref(), Some("megaip.quarantine.prefs.v1"));
        assert!(!reason.is_empty());
        // The original is still there, and so is the copy.
        assert_eq!(
            store.backend().get("megaip.prefs.v1").unwrap().as_deref(),
            Some("{not json")
        );
        assert_eq!(
            store.backend().get("megaip.quarantine.prefs.v1").unwrap().as_deref(),
            Some("{not json")
        );
        assert_eq!(store.quarantined().unwrap(), vec!["megaip.quarantine.prefs.v1"]);
    }

    #[test]
    fn wrong_shape_counts_as_corrupt() {
        let mut backend = MemoryBackend::default();
        backend.set("megaip.prefs.v1", r#"{"language":"es"}"#).unwrap();
        let mut store = Store::new(backend);
        assert!(matches!(store.load::<Prefs>(KEY), Err(LoadError::Corrupt { .. })));
    }

    #[test]
    fn corrupt_loads_on_every_start_keep_one_copy() {
        let mut backend = MemoryBackend::default();
        backend.set("megaip.prefs.v1", "[]").unwrap();
        let mut store = Store::new(backend);
        for _ in 0..50 {
            let _ = store.load::<Prefs>(KEY);
        }
        assert_eq!(store.quarantined().unwrap().len(), 1);
        store.backend_mut().set("megaip.prefs.v1", "{").unwrap();
        let _ = store.load::<Prefs>(KEY);
        assert_eq!(
            store.quarantined().unwrap().len(),
            1,
            "still one copy: the newest corrupt value"
        );
        assert_eq!(
            store.backend().get("megaip.quarantine.prefs.v1").unwrap().as_deref(),
            Some("{")
        );
    }

    #[test]
    fn full_quota_is_reported_and_keeps_the_previous_value() {
        let mut store = Store::new(MemoryBackend::with_quota(40));
        store.save(KEY, &prefs("es")).unwrap();
        let big = prefs(&"x".repeat(100));
        assert_eq!(store.save(KEY, &big), Err(SaveError::QuotaFull));
        assert_eq!(store.load::<Prefs>(KEY).unwrap(), Some(prefs("es")));
    }

    #[test]
    fn corrupt_value_that_cannot_be_copied_is_still_reported_and_left_in_place() {
        let mut backend = MemoryBackend::with_quota(30);
        backend.set("megaip.prefs.v1", "garbage").unwrap();
        let mut store = Store::new(backend);
        let err = store.load::<Prefs>(KEY).unwrap_err();
        assert!(matches!(err, LoadError::Corrupt { kept_at: None, .. }));
        assert_eq!(
            store.backend().get("megaip.prefs.v1").unwrap().as_deref(),
            Some("garbage")
        );
    }
}
