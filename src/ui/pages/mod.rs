//! One component per route. Pages compose small components and read shared state from context.

mod about;
mod assessments;
mod backup;
mod criterion;
mod desk;
mod experiences;
mod guide;
mod haga;
mod home;
mod minutes;
mod not_found;
mod participant;
mod plan;
mod projector;
mod results;
mod sheet;
mod tools;
mod walk;
pub(crate) mod workshop;

pub use about::About;
pub use assessments::AssessmentList;
pub use desk::Desk;
pub use experiences::{ExperienceDetail, Experiences};
pub use guide::FacilitatorGuide;
pub use haga::{Haga, MethodologyDetail};
pub use home::Home;
pub use minutes::Minutes;
pub use not_found::NotFound;
pub use participant::{join_query as participant_join_query, HandBack, Participate};
pub use plan::PlanPage;
pub use projector::Projector;
pub use results::{Results, ResultsIndex};
pub use sheet::Sheet;
pub use tools::{ToolDetail, Tools};
pub use walk::Walk;
pub use workshop::{WorkshopConsole, WorkshopList};
