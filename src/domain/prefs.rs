//! User preferences kept on the device: for now, the interface language.

use crate::domain::storage::Key;
use serde::{Deserialize, Serialize};

/// Where preferences live in storage.
pub const PREFS_KEY: Key = Key::new("prefs", 1);

/// The interface languages. Spanish comes first: it is the default for every new device,
/// whatever the browser says, because the app is written for Spanish-speaking municipalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Es,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// The BCP 47 code, as used in `<html lang>` and in content files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The other language, for a two-language switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Es => Lang::En,
            Lang::En => Lang::Es,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Prefs {
    pub lang: Lang,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::storage::{MemoryBackend, Store};

    #[test]
    fn spanish_is_the_default() {
        assert_eq!(Prefs::default().lang, Lang::Es);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn prefs_are_saved_as_plain_json() {
        let mut store = Store::new(MemoryBackend::default());
        store.save(PREFS_KEY, &Prefs { lang: Lang::En }).unwrap();
        use crate::domain::storage::Backend;
        assert_eq!(
            store.backend().get("megaip.prefs.v1").unwrap().as_deref(),
            Some(r#"{"lang":"en"}"#)
        );
        assert_eq!(
            store.load::<Prefs>(PREFS_KEY, 0).unwrap(),
            Some(Prefs { lang: Lang::En })
        );
    }
}
