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

/// Reads many files at once (the browser reads them side by side), each as [`read_text`] would;
/// the outcomes come back in the files' order.
pub async fn read_texts(files: &[web_sys::File], max_bytes: usize) -> Vec<Result<String, ReadError>> {
    let reads = js_sys::Array::new();
    for file in files {
        let fits = (file.size() as usize) <= max_bytes;
        let read = if fits {
            file.text()
        } else {
            js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)
        };
        reads.push(&read);
    }
    let Ok(settled) = JsFuture::from(js_sys::Promise::all_settled(&reads)).await else {
        return files.iter().map(|_| Err(ReadError::Unreadable)).collect();
    };
    let settled = js_sys::Array::from(&settled);
    files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let size = file.size() as usize;
            if size > max_bytes {
                return Err(ReadError::TooLarge { bytes: size });
            }
            let outcome = settled.get(u32::try_from(i).unwrap_or(u32::MAX));
            js_sys::Reflect::get(&outcome, &"value".into())
                .ok()
                .and_then(|v| v.as_string())
                .ok_or(ReadError::Unreadable)
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
