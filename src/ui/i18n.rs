//! The interface strings, generated at build time from `locales/*.json` by `leptos_i18n`.
//!
//! A key used in code but missing from the files fails to compile, so a page can never show a
//! raw key. Content (the model, tools, experiences) is data with its own languages, not here.

// Generated code: its lints are leptos_i18n's business.
#![allow(
    missing_docs,
    clippy::all,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::indexing_slicing
)]
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
pub use self::i18n::*;

use megaip_core::base::locale::Lang;

impl From<Lang> for Locale {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Es => Locale::es,
            Lang::En => Locale::en,
            Lang::Pt => Locale::pt,
        }
    }
}

impl From<Locale> for Lang {
    fn from(locale: Locale) -> Self {
        match locale {
            Locale::es => Lang::Es,
            Locale::en => Lang::En,
            Locale::pt => Lang::Pt,
        }
    }
}
