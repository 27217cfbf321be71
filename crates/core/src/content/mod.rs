//! What is read from content files: a maturity model (stages, pillars, criteria and their answer
//! scales), the HAGA toolkit that goes with MEGA IP, and places (countries, population bands).
//!
//! **Architecture Invariant:** `content` uses only `base`. It knows nothing of answers: a model
//! is the same whoever answers it.

/// The marker of results files (`"kind": "megaip-results"`). Known here so that a results file
/// given where a model is expected is recognized and named as such.
pub const RESULTS_KIND: &str = "megaip-results";

pub mod bundle;
pub mod format1;
pub mod model;
pub mod places;
pub mod scale;
pub mod toolkit;
pub mod upgrade;
pub mod wire;
