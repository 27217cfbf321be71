//! Any bytes as a model file: parsing must never panic, and a model it accepts must score.
#![no_main]

use libfuzzer_sys::fuzz_target;
use megaip_core::analysis::scoring::score;
use megaip_core::answers::assessment::Assessment;
use megaip_core::content::model::Model;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(model) = Model::parse(text) {
        let a = Assessment::new("fuzz".into(), &model, "2026-01-01T00:00:00Z");
        let _ = score(&model, &a);
    }
});
