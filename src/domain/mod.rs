//! The domain: everything the app knows that is not the browser.
//!
//! Plain Rust with `serde` and nothing web-related. The browser layer calls into it; it never
//! calls out. Each submodule owns one rule:
//!
//! * [`storage`]: the storage codec (versioned keys, typed load/save, corrupt values kept aside).
//! * [`prefs`]: the user's preferences, such as the interface language.
//! * [`places`]: country codes and names.
//! * [`text`]: localized text in content files, and accent-insensitive folding for search.
//! * [`model`]: a maturity model as data (MEGA IP is one), parsed and validated.
//! * [`assessment`]: one municipality's answers, and the list kept on the device.
//! * [`exchange`]: the results file (export, import with clear errors, migrations).
//! * [`haga`]: the HAGA toolkit (tools, experiences, decálogo, methodologies), validated.
//! * [`plan`]: the action plan generated from the recommendations, then edited by the team.
//! * [`recommend`]: tools, experiences and methodologies picked from the scores, with reasons.
//! * [`search`]: filters and accent-insensitive search over the toolkit.
//! * [`scoring`]: the staged score with its explanation (the rule is in `docs/scoring.md`).

pub mod assessment;
pub mod exchange;
pub mod haga;
pub mod model;
pub mod places;
pub mod plan;
pub mod prefs;
pub mod recommend;
pub mod scoring;
pub mod search;
pub mod storage;
pub mod text;
