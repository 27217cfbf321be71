//! Any bytes as a results file: import must never panic, and what it accepts must score,
//! recommend and export to a file that imports again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use megaip_core::analysis::{recommend::recommend, scoring::score};
use megaip_core::content::{model::Model, toolkit::Haga};
use megaip_core::exchange::results;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (Ok(model), Ok(haga)) = (Model::mega_ip(), Haga::bundled()) else { return };
    if let Ok(imported) = results::import(text, &[&model], Some(&haga)) {
        let a = imported.assessment;
        let s = score(&model, &a);
        let _ = recommend(&model, &haga, &a, &s);
        let out = results::to_json(&results::export(&model, &a, "fuzz", "2026-01-01T00:00:00Z"));
        assert!(results::import(&out, &[&model], Some(&haga)).is_ok());
        let _ = results::file_name(&a);
    }
});
