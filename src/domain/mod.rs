//! The domain: everything the app knows that is not the browser.
//!
//! Plain Rust with `serde` and nothing web-related. The browser layer calls into it; it never
//! calls out. Each submodule owns one rule:
//!
//! * [`storage`]: the storage codec (versioned keys, typed load/save, corrupt values kept aside).
//! * [`prefs`]: the user's preferences, such as the interface language.

pub mod prefs;
pub mod storage;
