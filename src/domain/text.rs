//! Localized text in content files: `{"es": "…", "en": "…"}`.
//!
//! Interface strings live in `locales/`; everything that comes from a data file (a model, a
//! tool, an experience) carries its own languages as a [`Text`]. Reading one never fails: a
//! missing language falls back to Spanish, then to any language present, so a partly translated
//! file loaded by a user still shows something. Completeness is checked by validation instead.

use crate::domain::prefs::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, or the best available fallback.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get(Lang::Es.code()))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether a non-blank text exists for the language code.
    pub fn has(&self, code: &str) -> bool {
        self.0.get(code).is_some_and(|t| !t.trim().is_empty())
    }

    /// Convenience for building texts in code and tests.
    pub fn new(es: &str, en: &str) -> Self {
        Text(BTreeMap::from([("es".into(), es.into()), ("en".into(), en.into())]))
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
    fn falls_back_to_spanish_then_anything() {
        let both = Text::new("Hola", "Hello");
        assert_eq!(both.get(Lang::En), "Hello");
        let only_es = Text(BTreeMap::from([("es".into(), "Hola".into())]));
        assert_eq!(only_es.get(Lang::En), "Hola");
        let only_pt = Text(BTreeMap::from([("pt".into(), "Olá".into())]));
        assert_eq!(only_pt.get(Lang::Es), "Olá");
        assert_eq!(Text::default().get(Lang::Es), "");
    }

    #[test]
    fn fold_ignores_accents_and_case() {
        assert_eq!(fold("Participación Ciudadana"), "participacion ciudadana");
        assert_eq!(fold("RENDICIÓN"), "rendicion");
        assert_eq!(fold("Peñalolén"), "penalolen");
    }
}
