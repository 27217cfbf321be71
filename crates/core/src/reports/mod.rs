//! What is written for people to read outside the app: the advisor's spreadsheets today, and
//! the diagnosis report to come. Each is built from the floors below and worded by `messages`.
//!
//! **Architecture Invariant:** `reports` is the top floor: nothing in the core uses it.

pub mod table;
