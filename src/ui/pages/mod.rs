//! One component per route. Pages compose small components and read shared state from context.

mod about;
mod home;
mod not_found;
mod sections;

pub use about::About;
pub use home::Home;
pub use not_found::NotFound;
pub use sections::{Assessment, Experiences, Haga, Results, Tools};
