//! The languages the app speaks.
//!
//! Adding a language is adding a variant here: every `match` on [`Lang`] (the message catalogs
//! first of all) then fails to compile until the new language has its sentences. There is no
//! fallback to another language anywhere.

use serde::{Deserialize, Serialize};

/// An interface language. Spanish comes first: it is the default for every new device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Es,
    En,
    /// Brazilian Portuguese.
    Pt,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Es, Lang::En, Lang::Pt];

    /// The code used in content files and saved preferences.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
            Lang::Pt => "pt",
        }
    }

    /// The BCP 47 tag for `<html lang>`: the Portuguese written here is Brazil's.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
            Lang::Pt => "pt-BR",
        }
    }

    /// The language's own name for itself, as a language menu shows it whatever the current
    /// language: someone who cannot read the current one still finds theirs.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::Es => "Español",
            Lang::En => "English",
            Lang::Pt => "Português",
        }
    }

    /// The interface language for a browser's preferred languages (`navigator.languages`),
    /// used only on a device's first visit: Portuguese when the first preference is
    /// Portuguese, Spanish otherwise (officials often share devices set up in English).
    pub fn for_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        match preferred.into_iter().next() {
            Some(tag) if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("pt")) => Lang::Pt,
            _ => Lang::Es,
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_is_the_default() {
        assert_eq!(Lang::default(), Lang::Es);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn a_portuguese_browser_opens_in_portuguese_and_any_other_in_spanish() {
        assert_eq!(Lang::for_browser(["pt-BR", "en"]), Lang::Pt);
        assert_eq!(Lang::for_browser(["pt"]), Lang::Pt);
        assert_eq!(Lang::for_browser(["PT-pt"]), Lang::Pt);
        assert_eq!(Lang::for_browser(["en-US", "pt-BR"]), Lang::Es);
        assert_eq!(Lang::for_browser(["es-CO"]), Lang::Es);
        assert_eq!(Lang::for_browser(["p"]), Lang::Es);
        assert_eq!(Lang::for_browser([]), Lang::Es);
        assert_eq!(Lang::Pt.html_tag(), "pt-BR");
    }
}
