//! The boundaries: the results file (wire types, versions, migrations) and the storage codec
//! with the one registry of every storage key.
//!
//! **Architecture Invariant:** `exchange` uses the floors below it and no browser API: storage is
//! reached through the [`storage::Backend`] trait, which the app implements over
//! `localStorage` and the tests over memory.

pub mod backup;
pub mod frames;
pub mod keys;
pub mod payload;
pub mod records;
pub mod results;
pub mod storage;
pub mod workshop_file;
