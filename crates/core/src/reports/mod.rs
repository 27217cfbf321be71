//! What is written for people to read outside the app's screens: the advisor's spreadsheets
//! (`table`), the diagnosis report a mayor signs (`diagnosis`, laid out as standalone HTML by
//! `html`), and the geometry of the charts both the report and the app draw (`chart`). Each is
//! built from the floors below and worded by `messages`.
//!
//! **Architecture Invariant:** `reports` is the top floor: nothing in the core uses it.

pub mod chart;
pub mod diagnosis;
pub mod html;
pub mod table;
