//! The ground floor: ids, languages, localized text and the validators every data file shares.
//!
//! **Architecture Invariant:** `base` uses no other floor of the crate.

pub mod ids;
pub mod locale;
pub mod text;
pub mod validate;
