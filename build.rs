//! Generates the `i18n` module from `locales/*.json` for the browser build.
//!
//! Only with the `web` feature: a native build (the domain and its tests) has no interface
//! strings and must not pay for compiling the i18n code generator.

fn main() {
    #[cfg(feature = "web")]
    web::generate_i18n();
}

#[cfg(feature = "web")]
mod web {
    use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
    use std::path::PathBuf;

    pub fn generate_i18n() {
        let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
        // Spanish is the default locale (then English and Brazilian Portuguese). A key missing in
        // another language would fall back to it,
        // so `tests/locales.rs` fails when any key is missing in any language.
        // `interpolate_display` lets `t_string!` take arguments, for messages built in code.
        let config = Config::new("es")
            .and_then(|c| c.add_locale("en"))
            .and_then(|c| c.add_locale("pt"))
            .expect("valid locales")
            .parse_options(ParseOptions::new().interpolate_display(true));
        let infos = TranslationsInfos::parse(config).expect("locales/*.json parse");
        infos.emit_diagnostics();
        infos.rerun_if_locales_changed();
        infos
            .generate_i18n_module(out.join("i18n"))
            .expect("i18n module is written");
    }
}
