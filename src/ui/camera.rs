//! Reading QR codes with the laptop's camera, for the facilitator's console only.
//!
//! Desktop Chromium on Windows and Linux has no `BarcodeDetector`, so the app carries a decoder:
//! jsQR, from the npm package pinned in `e2e/package-lock.json`, copied to
//! [`QR_DECODER_URL`] by `scripts/ondemand.mjs`. It is outside the wasm and outside the service
//! worker's install-time precache, so an official's first visit never downloads it; the console
//! fetches it when it opens, and the worker keeps it for offline use from then on.
//!
//! Frames go from the `<video>` to a small canvas and to the decoder as the canvas's own pixel
//! array, so no frame is copied into wasm memory.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// Where the decoder is served; `scripts/ondemand.mjs` puts it there.
pub const QR_DECODER_URL: &str = "/ondemand/qr-decoder.js";
/// Frames are scaled down to this width: QR codes held up to a laptop read well at it, and the
/// decoder's time grows with the pixels.
const READ_WIDTH: u32 = 640;
const TICK: Duration = Duration::from_millis(120);

/// Asks for the decoder once, so the service worker keeps it before the room goes offline.
pub fn keep_decoder_offline() {
    let _ = window().fetch_with_str(QR_DECODER_URL);
}

/// Why the camera is not reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraTrouble {
    /// The person (or the browser's settings) did not allow the camera.
    Denied,
    /// No camera, or the browser cannot use one here.
    NoCamera,
    /// The decoder could not be loaded (first opened with no network).
    NoDecoder,
}

fn decoder() -> Option<js_sys::Function> {
    js_sys::Reflect::get(&window(), &"jsQR".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

async fn load_decoder() -> Option<js_sys::Function> {
    if let Some(f) = decoder() {
        return Some(f);
    }
    let document = window().document()?;
    let script: web_sys::HtmlScriptElement = document.create_element("script").ok()?.dyn_into().ok()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    script.set_src(QR_DECODER_URL);
    document.head()?.append_child(&script).ok()?;
    wasm_bindgen_futures::JsFuture::from(loaded).await.ok()?;
    decoder()
}

async fn open_camera() -> Result<web_sys::MediaStream, CameraTrouble> {
    let devices = window()
        .navigator()
        .media_devices()
        .map_err(|_| CameraTrouble::NoCamera)?;
    let constraints = web_sys::MediaStreamConstraints::new();
    let video = js_sys::Object::new();
    // The laptop's own camera faces the room; on a phone, the back camera.
    let _ = js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into());
    constraints.set_video(&video);
    constraints.set_audio(&JsValue::FALSE);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| CameraTrouble::NoCamera)?;
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(stream) => stream.dyn_into().map_err(|_| CameraTrouble::NoCamera),
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            Err(if name == "NotAllowedError" || name == "SecurityError" {
                CameraTrouble::Denied
            } else {
                CameraTrouble::NoCamera
            })
        }
    }
}

fn stop(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// One look at the video: the text of the QR code in view, if any.
fn read_frame(
    video: &web_sys::HtmlVideoElement,
    canvas: &web_sys::HtmlCanvasElement,
    context: &web_sys::CanvasRenderingContext2d,
    decode: &js_sys::Function,
) -> Option<String> {
    let (w, h) = (video.video_width(), video.video_height());
    if w == 0 || h == 0 {
        return None;
    }
    let width = w.min(READ_WIDTH);
    let height = h.saturating_mul(width) / w;
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    context
        .draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, f64::from(width), f64::from(height))
        .ok()?;
    let image = context
        .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
        .ok()?;
    let pixels = js_sys::Reflect::get(&image, &"data".into()).ok()?;
    let options = js_sys::Object::new();
    // Phones show dark on light; not trying the inverted image halves the time per frame.
    let _ = js_sys::Reflect::set(&options, &"inversionAttempts".into(), &"dontInvert".into());
    let args = js_sys::Array::of4(&pixels, &width.into(), &height.into(), &options);
    let found = decode.apply(&JsValue::NULL, &args).ok()?;
    if found.is_null() || found.is_undefined() {
        return None;
    }
    js_sys::Reflect::get(&found, &"data".into()).ok()?.as_string()
}

/// The camera's picture and a reader behind it: calls `on_text` with each QR code it sees
/// (the same code many times while it stays in view: the caller ignores repeats).
#[component]
pub fn QrReader(on_text: Callback<String>, on_trouble: Callback<CameraTrouble>, label: String) -> impl IntoView {
    let video_ref = NodeRef::<leptos::html::Video>::new();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let stream: StoredValue<Option<web_sys::MediaStream>, LocalStorage> = StoredValue::new_local(None);
    let ticker: StoredValue<Option<IntervalHandle>> = StoredValue::new(None);
    let alive = StoredValue::new(true);
    on_cleanup(move || {
        alive.set_value(false);
        if let Some(t) = ticker.get_value() {
            t.clear();
        }
        stream.with_value(|s| s.as_ref().map(stop));
    });
    leptos::task::spawn_local(async move {
        let Some(decode) = load_decoder().await else {
            on_trouble.run(CameraTrouble::NoDecoder);
            return;
        };
        let s = match open_camera().await {
            Ok(s) => s,
            Err(t) => {
                on_trouble.run(t);
                return;
            }
        };
        // The reader was closed while the camera was being opened.
        if !alive.get_value() {
            stop(&s);
            return;
        }
        let (Some(video), Some(canvas)) = (video_ref.get_untracked(), canvas_ref.get_untracked()) else {
            stop(&s);
            return;
        };
        video.set_src_object(Some(&s));
        let _ = video.play();
        stream.set_value(Some(s));
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE);
        let Some(context) = canvas
            .get_context_with_context_options("2d", &options)
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            on_trouble.run(CameraTrouble::NoCamera);
            return;
        };
        let video: web_sys::HtmlVideoElement = video;
        let canvas: web_sys::HtmlCanvasElement = canvas;
        let handle = set_interval_with_handle(
            move || {
                if let Some(text) = read_frame(&video, &canvas, &context, &decode) {
                    on_text.run(text);
                }
            },
            TICK,
        )
        .ok();
        ticker.set_value(handle);
    });
    view! {
        <div class="qr-reader">
            <video node_ref=video_ref aria-label=label muted=true playsinline=true></video>
            <canvas node_ref=canvas_ref class="visually-hidden" aria-hidden="true"></canvas>
        </div>
    }
}
