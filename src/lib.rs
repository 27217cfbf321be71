//! MEGA IP: an offline-first open-government self-assessment for municipalities.
//!
//! The crate has two halves with a wall between them:
//!
//! * [`domain`] is plain Rust: the model, scoring, exchange formats and the storage codec.
//!   It never touches the browser and is what `cargo test` compiles and tests natively.
//! * `ui` is the Leptos browser layer. It exists only with the `web` feature (turned on by
//!   Trunk), which is also the only way any web crate enters the build. Because the domain
//!   is compiled and tested without those crates, a `use leptos` in it fails to compile.

pub mod domain;

#[cfg(feature = "web")]
pub mod ui;

#[cfg(all(feature = "web", not(target_arch = "wasm32")))]
compile_error!("the `web` feature builds the browser app: build it for wasm32 with Trunk");
