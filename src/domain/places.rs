//! Countries, by ISO 3166-1 alpha-2 code, with their names in each interface language.
//!
//! Profiles and experiences store the code; the name is looked up here. Latin America first (the
//! app's users), then the other countries whose experiences the toolkit cites.

use crate::domain::prefs::Lang;

/// (code, Spanish name, English name)
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("AR", "Argentina", "Argentina"),
    ("BO", "Bolivia", "Bolivia"),
    ("BR", "Brasil", "Brazil"),
    ("CL", "Chile", "Chile"),
    ("CO", "Colombia", "Colombia"),
    ("CR", "Costa Rica", "Costa Rica"),
    ("CU", "Cuba", "Cuba"),
    ("DO", "República Dominicana", "Dominican Republic"),
    ("EC", "Ecuador", "Ecuador"),
    ("SV", "El Salvador", "El Salvador"),
    ("GT", "Guatemala", "Guatemala"),
    ("HN", "Honduras", "Honduras"),
    ("MX", "México", "Mexico"),
    ("NI", "Nicaragua", "Nicaragua"),
    ("PA", "Panamá", "Panama"),
    ("PY", "Paraguay", "Paraguay"),
    ("PE", "Perú", "Peru"),
    ("PR", "Puerto Rico", "Puerto Rico"),
    ("UY", "Uruguay", "Uruguay"),
    ("VE", "Venezuela", "Venezuela"),
    ("ES", "España", "Spain"),
    ("US", "Estados Unidos", "United States"),
];

/// The country's name, or the code itself when it is not in the list.
pub fn country_name(code: &str, lang: Lang) -> &str {
    COUNTRIES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, es, en)| if lang == Lang::Es { *es } else { *en })
        .unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_iso_alpha2() {
        let mut codes: Vec<&str> = COUNTRIES.iter().map(|c| c.0).collect();
        assert!(codes
            .iter()
            .all(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase())));
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), COUNTRIES.len());
        assert_eq!(country_name("MX", Lang::Es), "México");
        assert_eq!(country_name("MX", Lang::En), "Mexico");
        assert_eq!(country_name("ZZ", Lang::En), "ZZ");
    }
}
