//! The advisor's collection: results files received from many municipalities, kept on this
//! device in IndexedDB (localStorage's few megabytes cannot hold a thousand files), apart from
//! the device's own assessments and never edited. Each entry is the file's text as received,
//! keyed by its assessment id: reading it again goes through the same import as any file.
//!
//! The platform API through `web-sys`, wrapped in four futures; every failure becomes a
//! [`CollectionError`] the page can say in plain words.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const DB: &str = "megaip-advisor";
const STORE: &str = "results";
const VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CollectionError {
    /// No IndexedDB here (a private window of some browsers).
    Unavailable,
    /// The device refused to store more.
    Full,
    Failed,
}

/// Resolves when the request succeeds (with its result) or fails.
async fn done(request: &web_sys::IdbRequest) -> Result<JsValue, CollectionError> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await.map_err(|_| CollectionError::Failed)?;
    request.result().map_err(|_| CollectionError::Failed)
}

/// Resolves when a write transaction has committed: only then is the data on the device.
async fn committed(tx: &web_sys::IdbTransaction) -> Result<(), CollectionError> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(_) => Err(match tx.error().map(|e| e.name()) {
            Some(name) if name == "QuotaExceededError" => CollectionError::Full,
            _ => CollectionError::Failed,
        }),
    }
}

async fn open() -> Result<web_sys::IdbDatabase, CollectionError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(CollectionError::Unavailable)?;
    let request = factory
        .open_with_u32(DB, VERSION)
        .map_err(|_| CollectionError::Unavailable)?;
    let upgrade =
        Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |e: web_sys::IdbVersionChangeEvent| {
            let db = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok());
            if let Some(db) = db {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into().map_err(|_| CollectionError::Failed)
}

fn store(
    db: &web_sys::IdbDatabase,
    mode: web_sys::IdbTransactionMode,
) -> Result<(web_sys::IdbTransaction, web_sys::IdbObjectStore), CollectionError> {
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|_| CollectionError::Failed)?;
    let store = tx.object_store(STORE).map_err(|_| CollectionError::Failed)?;
    Ok((tx, store))
}

/// Every file in the collection: (key, text), in key order.
pub async fn all() -> Result<Vec<(String, String)>, CollectionError> {
    let db = open().await?;
    let (_tx, store) = store(&db, web_sys::IdbTransactionMode::Readonly)?;
    let keys = done(&store.get_all_keys().map_err(|_| CollectionError::Failed)?).await?;
    let values = done(&store.get_all().map_err(|_| CollectionError::Failed)?).await?;
    let keys = js_sys::Array::from(&keys);
    let values = js_sys::Array::from(&values);
    db.close();
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
        .collect())
}

/// Adds or replaces files, all in one transaction: either every one is kept or none is.
pub async fn put(files: &[(String, String)]) -> Result<(), CollectionError> {
    let db = open().await?;
    let (tx, store) = store(&db, web_sys::IdbTransactionMode::Readwrite)?;
    for (key, text) in files {
        store
            .put_with_key(&JsValue::from_str(text), &JsValue::from_str(key))
            .map_err(|_| CollectionError::Failed)?;
    }
    let result = committed(&tx).await;
    db.close();
    result
}

/// Takes files out of the collection (the municipalities' own copies are not touched).
pub async fn remove(keys: &[String]) -> Result<(), CollectionError> {
    let db = open().await?;
    let (tx, store) = store(&db, web_sys::IdbTransactionMode::Readwrite)?;
    for key in keys {
        store
            .delete(&JsValue::from_str(key))
            .map_err(|_| CollectionError::Failed)?;
    }
    let result = committed(&tx).await;
    db.close();
    result
}

/// One file of the collection, if it is there.
pub async fn get(key: &str) -> Result<Option<String>, CollectionError> {
    let db = open().await?;
    let (_tx, store) = store(&db, web_sys::IdbTransactionMode::Readonly)?;
    let value = done(
        &store
            .get(&JsValue::from_str(key))
            .map_err(|_| CollectionError::Failed)?,
    )
    .await?;
    db.close();
    Ok(value.as_string())
}

/// Workshop files of the collection are kept under this prefix and their workshop's code,
/// beside the results files (whose keys are assessment ids).
pub const WORKSHOP_PREFIX: &str = "workshop:";

/// The key a workshop file is kept under.
pub fn workshop_key(code: &str) -> String {
    format!("{WORKSHOP_PREFIX}{code}")
}

/// The workshops of the collection run on one assessment (files that no longer read are
/// skipped), read by key range so the results files are not loaded.
pub async fn workshops_of(assessment: &str) -> Vec<megaip_core::answers::workshop::Workshop> {
    let texts = async {
        let db = open().await?;
        let (_tx, store) = store(&db, web_sys::IdbTransactionMode::Readonly)?;
        let range = web_sys::IdbKeyRange::bound(
            &JsValue::from_str(WORKSHOP_PREFIX),
            &JsValue::from_str(&format!("{WORKSHOP_PREFIX}\u{10ffff}")),
        )
        .map_err(|_| CollectionError::Failed)?;
        let values = done(&store.get_all_with_key(&range).map_err(|_| CollectionError::Failed)?).await?;
        db.close();
        Ok::<_, CollectionError>(
            js_sys::Array::from(&values)
                .iter()
                .filter_map(|v| v.as_string())
                .collect::<Vec<_>>(),
        )
    };
    texts
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|t| megaip_core::exchange::workshop_file::read(t).ok())
        .filter(|w| w.assessment == *assessment)
        .collect()
}
