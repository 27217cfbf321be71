//! Localized text in content files (`{"es": "…", "en": "…"}`), and accent folding for search.
//!
//! Interface strings live in the app's `locales/`, sentences built from facts in
//! [`crate::messages`]; everything a data file carries (a model, a tool, an experience) brings
//! its own languages as a [`Text`]. There is no fallback between languages: [`Text::get`] gives
//! the text in the language asked for or nothing. Which language to ask for is decided once, by
//! the model (`Model::content_lang`), which says so when it is not the interface language.

use crate::base::locale::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Text(BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, or `""` when the file has none in that language.
    pub fn get(&self, lang: Lang) -> &str {
        self.0.get(lang.code()).map(String::as_str).unwrap_or("")
    }

    /// Whether a non-blank text exists for the language code.
    pub fn has(&self, code: &str) -> bool {
        self.0.get(code).is_some_and(|t| !t.trim().is_empty())
    }

    /// Every language's text, for searches that look in all of them.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(String::as_str)
    }

    /// The language codes present.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// A text in the given languages, for building content in code and tests.
    pub fn of(pairs: &[(Lang, &str)]) -> Self {
        Text(
            pairs
                .iter()
                .map(|(l, t)| (l.code().to_owned(), (*t).to_owned()))
                .collect(),
        )
    }

    /// Spanish and English: the languages of format-1 models (their migrated scale labels) and
    /// of the test models.
    pub fn new(es: &str, en: &str) -> Self {
        Text::of(&[(Lang::Es, es), (Lang::En, en)])
    }
}

/// Lowercases and strips accents, for searches where "participacion" must find "Participación".
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' | 'ã' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' | 'õ' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_fallback_between_languages() {
        let both = Text::new("Hola", "Hello");
        assert_eq!(both.get(Lang::En), "Hello");
        assert_eq!(both.get(Lang::Es), "Hola");
        let only_es = Text::of(&[(Lang::Es, "Hola")]);
        assert_eq!(only_es.get(Lang::En), "", "a missing language is missing, not Spanish");
        assert!(only_es.has("es") && !only_es.has("en"));
    }

    #[test]
    fn fold_ignores_accents_and_case() {
        assert_eq!(fold("Participación Ciudadana"), "participacion ciudadana");
        assert_eq!(fold("RENDICIÓN"), "rendicion");
        assert_eq!(fold("Peñalolén"), "penalolen");
    }
}
