//! Two windows of one device in step, with no network: the facilitator's console and the
//! projector talk over a `BroadcastChannel` named after the workshop. Messages are small JSON
//! values; the workshop itself is read from storage, where the console saves it.

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A channel to the other windows of this workshop. Closed when dropped with its owner.
#[derive(Clone)]
pub struct Channel {
    inner: Option<web_sys::BroadcastChannel>,
}

impl Channel {
    /// Opens the channel and calls `on_message` with each message other windows send.
    pub fn open<T: DeserializeOwned + 'static>(name: &str, on_message: impl Fn(T) + 'static) -> Channel {
        let Ok(inner) = web_sys::BroadcastChannel::new(name) else {
            return Channel { inner: None };
        };
        let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if let Some(text) = e.data().as_string() {
                if let Ok(value) = serde_json::from_str::<T>(&text) {
                    on_message(value);
                }
            }
        });
        inner.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        // The handler lives as long as the channel; the channel is closed on cleanup.
        handler.forget();
        let to_close = inner.clone();
        on_cleanup(move || to_close.close());
        Channel { inner: Some(inner) }
    }

    pub fn send<T: Serialize>(&self, message: &T) {
        if let (Some(c), Ok(text)) = (&self.inner, serde_json::to_string(message)) {
            let _ = c.post_message(&text.into());
        }
    }
}

/// The channel name of a workshop.
pub fn workshop_channel(code: &str) -> String {
    format!("megaip-workshop-{code}")
}
