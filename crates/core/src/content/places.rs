//! Places: countries by ISO 3166-1 alpha-2 code, and population bands.
//!
//! Profiles and experiences store the code or the band id; names are sentences a person reads,
//! so they live in [`crate::messages`]. Latin America first (the app's users), then the other
//! countries whose experiences the toolkit cites.

use serde::{Deserialize, Serialize};

/// The countries a profile can choose, in the order the list shows them.
pub const COUNTRIES: &[&str] = &[
    "AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GT", "HN", "MX", "NI", "PA", "PY", "PE", "PR", "UY",
    "VE", "ES", "US",
];

/// Whether `code` looks like an ISO 3166-1 alpha-2 code.
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// Population size bands, for comparing with similar municipalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub enum PopulationBand {
    #[serde(rename = "lt20k")]
    Under20k,
    #[serde(rename = "20k-100k")]
    From20kTo100k,
    #[serde(rename = "100k-500k")]
    From100kTo500k,
    #[serde(rename = "500k-1m")]
    From500kTo1m,
    #[serde(rename = "gt1m")]
    Over1m,
}

impl PopulationBand {
    pub const ALL: [PopulationBand; 5] = [
        PopulationBand::Under20k,
        PopulationBand::From20kTo100k,
        PopulationBand::From100kTo500k,
        PopulationBand::From500kTo1m,
        PopulationBand::Over1m,
    ];

    /// The id used in files (`lt20k`, `20k-100k`…).
    pub fn id(self) -> &'static str {
        match self {
            PopulationBand::Under20k => "lt20k",
            PopulationBand::From20kTo100k => "20k-100k",
            PopulationBand::From100kTo500k => "100k-500k",
            PopulationBand::From500kTo1m => "500k-1m",
            PopulationBand::Over1m => "gt1m",
        }
    }

    pub fn from_id(id: &str) -> Option<PopulationBand> {
        PopulationBand::ALL.into_iter().find(|b| b.id() == id)
    }

    /// How many bands apart two bands are (0 = the same).
    pub fn distance(self, other: PopulationBand) -> usize {
        (self as usize).abs_diff(other as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_iso_alpha2() {
        let mut codes = COUNTRIES.to_vec();
        assert!(codes.iter().all(|c| is_country_code(c)));
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), COUNTRIES.len());
    }

    #[test]
    fn population_band_ids_round_trip() {
        for b in PopulationBand::ALL {
            assert_eq!(PopulationBand::from_id(b.id()), Some(b));
            assert_eq!(serde_json::to_string(&b).unwrap(), format!("\"{}\"", b.id()));
        }
        assert_eq!(PopulationBand::Under20k.distance(PopulationBand::From100kTo500k), 2);
    }
}
