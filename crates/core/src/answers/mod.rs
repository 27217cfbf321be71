//! What a team enters: an assessment (profile, one answer per criterion and condition, canvases,
//! the action plan and its edits) and the workspace of assessments on a device, with its use
//! cases (import with a conflict policy, duplicate).
//!
//! **Architecture Invariant:** `answers` uses only `base` and `content`. It stores and edits; it
//! never computes a score or a recommendation (that is `analysis`).

pub mod assessment;
pub mod plan;
pub mod upgrade;
pub mod workshop;
pub mod workspace;
