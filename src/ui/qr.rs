//! QR codes drawn as SVG: the join code on the projector and a phone's answers. Encoding only
//! (`qrcodegen`); reading QR codes belongs to the facilitator's console.

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// The QR code of `text` as one SVG path, with `label` as its accessible name. Nothing is drawn
/// when the text is too long for a QR code (the page offers the link and the file instead).
#[component]
pub fn Qr(text: String, label: String) -> impl IntoView {
    let Ok(code) = QrCode::encode_text(&text, QrCodeEcc::Medium) else {
        return ().into_any();
    };
    let size = code.size();
    let mut d = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                d.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    let view_box = format!("0 0 {0} {0}", size + 8);
    view! {
        <svg class="qr" viewBox=view_box role="img" aria-label=label data-version=code.version().value().to_string()>
            // Colours as attributes, not CSS: the code must read dark on light in every theme
            // and on paper, where the page's background is not printed.
            <rect class="qr-bg" width="100%" height="100%" fill="#ffffff" />
            <path class="qr-fg" d=d fill="#000000" />
        </svg>
    }
    .into_any()
}
