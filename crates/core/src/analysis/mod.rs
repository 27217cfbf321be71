//! Pure functions of content and answers: the staged score, recommendations, plan generation,
//! toolkit search, and merging a workshop's votes.
//!
//! **Architecture Invariant:** `analysis` uses only `base`, `content` and `answers`, and never
//! mutates what it is given: every function returns a new value.

pub mod compare;
pub mod merge;
pub mod overview;
pub mod plan_gen;
pub mod recommend;
pub mod scoring;
pub mod search;
