//! One component per route. Pages compose small components and read shared state from context.

mod about;
mod assessments;
mod criterion;
mod home;
mod not_found;
mod results;
mod sections;
mod walk;

pub use about::About;
pub use assessments::AssessmentList;
pub use home::Home;
pub use not_found::NotFound;
pub use results::{Results, ResultsIndex};
pub use sections::{Experiences, Haga, Tools};
pub use walk::Walk;
