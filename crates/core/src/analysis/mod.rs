//! Pure functions of content and answers: the staged score, recommendations, plan generation and
//! toolkit search.
//!
//! **Architecture Invariant:** `analysis` uses only `base`, `content` and `answers`, and never
//! mutates what it is given: every function returns a new value.

pub mod plan_gen;
pub mod recommend;
pub mod scoring;
pub mod search;
