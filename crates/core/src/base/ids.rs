//! Ids as newtypes. A criterion id can never be passed where a pillar id is expected, and every
//! id reads and writes as a plain JSON string (`#[serde(transparent)]`), so files do not change.
//!
//! Each id derefs to `str` and borrows as `str`, so maps keyed by ids are looked up with `&str`.

use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(test, derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }
            pub const fn empty() -> Self {
                $name(String::new())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }
        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }
        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }
        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    )*};
}

id_type!(
    /// A stage of a model (`informar`).
    StageId,
    /// A pillar of a model (`transparencia`).
    PillarId,
    /// A policy line of a model.
    LineId,
    /// A reference framework cited by criteria.
    FrameworkId,
    /// An enabling condition.
    ConditionId,
    /// A criterion (`T-INF-1`).
    CriterionId,
    /// An answer scale of a model.
    ScaleId,
    /// One option of an answer scale (`yes`, `partial`…).
    OptionId,
    /// One assessment on a device.
    AssessmentId,
);
