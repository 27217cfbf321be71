//! The MEGA IP core: everything the app knows, in plain Rust with no web crate and no I/O.
//!
//! The browser app (`src/` at the top of the workspace) and the `megaip` command line
//! (`crates/cli`) are two front ends on this one crate. It is built in floors; each floor may use
//! only the floors below it, never one above:
//!
//! ```text
//! reports    what people read outside the app: the advisor's spreadsheets
//! messages   every sentence a person reads, per language, rendered from typed facts
//! exchange   the boundaries: results-file wire types and migrations, the storage codec and keys
//! analysis   pure functions of content and answers: score, recommend, plan generation, search
//! answers    what a team enters: assessments, profile, canvases, plan data, workspace use cases
//! content    what is read from files: models with their answer scales, the toolkit, places
//! base       ids, languages, localized text, shared validators
//! ```
//!
//! **Architecture Invariant:** the floors form no circle. `tests/floors.rs` reads every
//! `use crate::…` and fails when a floor names one above it.
//!
//! **Architecture Invariant:** nothing here panics on data that came from a user or a file.

// What a user typed or a file carried must never panic: the browser build aborts on panic.
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

pub mod analysis;
pub mod answers;
pub mod base;
pub mod content;
pub mod exchange;
pub mod messages;
pub mod reports;

#[cfg(test)]
mod testing;
