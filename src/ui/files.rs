//! Files in and out: reading a file the user picked, and downloading one we made.
//!
//! Both stay on the device. Reading checks the size first, so a huge file is refused before
//! the browser loads it into memory.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a picked file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    TooLarge { bytes: usize },
    Unreadable,
}

/// The first file of an `<input type="file">` change event, if any.
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Clear the input so picking the same file again fires `change` again.
    input.set_value("");
    file
}

/// Every file of an `<input type="file" multiple>` change event.
pub fn picked_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let files = input.files();
    let out = files
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    out
}

/// Reads a file as UTF-8 text, refusing files over `max_bytes`.
pub async fn read_text(file: &web_sys::File, max_bytes: usize) -> Result<String, ReadError> {
    let size = file.size() as usize;
    if size > max_bytes {
        return Err(ReadError::TooLarge { bytes: size });
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| ReadError::Unreadable)?;
    text.as_string().ok_or(ReadError::Unreadable)
}

/// Files read together are joined into batches of at most this many bytes: one read per batch
/// is faster than one per file, and a batch this size is held in memory twice at most.
const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// Reads many files, each as [`read_text`] would (too large ones refused unread, bytes that
/// are not UTF-8 replaced as `File.text()` does); the outcomes come back in the files' order.
///
/// The files that fit are read as one joined `Blob` per batch and cut back apart by their
/// sizes: for a thousand small files that is about twice as fast as reading each one. A batch
/// that cannot be read this way (a file removed meanwhile) is read file by file instead.
pub async fn read_texts(files: &[web_sys::File], max_bytes: usize) -> Vec<Result<String, ReadError>> {
    let mut out = Vec::with_capacity(files.len());
    let mut batch: Vec<&web_sys::File> = Vec::new();
    let mut batch_bytes = 0;
    for file in files {
        let size = file.size() as usize;
        if size > max_bytes {
            out.extend(read_batch(&batch).await);
            batch.clear();
            batch_bytes = 0;
            out.push(Err(ReadError::TooLarge { bytes: size }));
            continue;
        }
        if batch_bytes + size > BATCH_BYTES && !batch.is_empty() {
            out.extend(read_batch(&batch).await);
            batch.clear();
            batch_bytes = 0;
        }
        batch.push(file);
        batch_bytes += size;
    }
    out.extend(read_batch(&batch).await);
    out
}

async fn read_batch(files: &[&web_sys::File]) -> Vec<Result<String, ReadError>> {
    if files.is_empty() {
        return Vec::new();
    }
    let parts = js_sys::Array::new();
    for f in files {
        parts.push(f);
    }
    let joined = web_sys::Blob::new_with_blob_sequence(&parts).ok();
    let bytes = match joined {
        Some(blob) => JsFuture::from(blob.array_buffer()).await.ok(),
        None => None,
    };
    let Some(bytes) = bytes.map(|b| js_sys::Uint8Array::new(&b).to_vec()) else {
        let mut out = Vec::with_capacity(files.len());
        for f in files {
            out.push(read_text(f, usize::MAX).await);
        }
        return out;
    };
    let mut at = 0usize;
    files
        .iter()
        .map(|f| {
            let size = f.size() as usize;
            let end = at.saturating_add(size);
            let text = bytes.get(at..end).map(|b| String::from_utf8_lossy(b).into_owned());
            at = end;
            text.ok_or(ReadError::Unreadable)
        })
        .collect()
}

/// Offers `contents` as a download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
