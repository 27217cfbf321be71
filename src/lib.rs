//! MEGA IP in the browser: the Leptos app on the `megaip-core` crate.
//!
//! Everything the app knows (models, answers, scores, recommendations, files, storage rules,
//! sentences) lives in `crates/core`, which has no web crate and is tested natively. This crate
//! is the thin browser layer over it: components, routes, interface strings and the glue to
//! browser APIs. It exists only with the `web` feature, which Trunk turns on and which is the
//! only way a web crate enters the build.

// The release build aborts on panic, and a panic kills the app: nothing here may panic on what a
// user typed or a file carried.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

#[cfg(feature = "web")]
pub mod ui;

#[cfg(all(feature = "web", not(target_arch = "wasm32")))]
compile_error!("the `web` feature builds the browser app: build it for wasm32 with Trunk");
