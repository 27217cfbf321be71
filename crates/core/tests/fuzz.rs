//! Mutation fuzzing in the test suite: thousands of damaged versions of the real fixtures (results
//! files, models, stored records) go through every entry point, and whatever is accepted then
//! goes through every action the app offers on it. Nothing may panic, every refusal must read
//! as a bounded message, and every file the app writes must be a file it reads back.
//!
//! Deterministic (a fixed seed per case), so a failure names the case that reproduces it. Longer
//! runs: `FUZZ_CASES=200000 cargo test --release --test fuzz`; a coverage-guided target for
//! `cargo fuzz` is in `crates/core/fuzz/`.

use megaip_core::analysis::{plan_gen, recommend::recommend, scoring::score};
use megaip_core::answers::assessment::Assessment;
use megaip_core::base::locale::Lang;
use megaip_core::content::model::Model;
use megaip_core::content::toolkit::Haga;
use megaip_core::exchange::results::{self, MAX_RESULTS_BYTES};
use megaip_core::exchange::storage::{Backend, MemoryBackend};
use megaip_core::exchange::{backup, records};
use megaip_core::messages::catalog;
use serde_json::{json, Value};

const RESULTS: [&str; 4] = [
    include_str!("../../../tests/fixtures/results/results-v1.json"),
    include_str!("../../../tests/fixtures/results/results-v2.json"),
    include_str!("../../../tests/fixtures/results/results-v3.json"),
    include_str!("../../../tests/fixtures/results/results-v4.json"),
];
const MODELS: [&str; 4] = [
    include_str!("../../../toolkits/mega-ip/model.json"),
    include_str!("../../../toolkits/mega-ip/model-2.json"),
    include_str!("../../../tests/fixtures/models/city-data-maturity.json"),
    include_str!("../../../tests/fixtures/models/records-maturity.json"),
];
/// The longest message any refusal may produce.
const MAX_MESSAGE: usize = 6_000;

/// xorshift64*: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn hostile(rng: &mut Rng) -> Value {
    let strings = [
        "2026-03-0é",
        "ñandú 🦜 \u{202e}evil",
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\u{0}\u{1}\u{7f}",
        "",
        "   ",
        "yes",
        "partial",
        "not_applicable",
        "mega-ip",
        "1.0.0",
        "T-INF-1",
        "https://example.org/\u{0}",
    ];
    match rng.below(12) {
        0 => json!(4_294_967_297u64),
        1 => json!(-1),
        2 => json!(1e308),
        3 => json!(u64::MAX),
        4 => {
            let mut v = json!([]);
            for _ in 0..(20 + rng.below(200)) {
                v = json!([v]);
            }
            v
        }
        5 => json!("ñ".repeat(1 + rng.below(20_000))),
        6 => json!(null),
        7 => json!({}),
        8 => json!(true),
        9 => json!(0.5),
        _ => json!(strings[rng.below(strings.len())]),
    }
}

/// Changes one random place in the tree: replaces a value, drops a key, duplicates an item.
fn mutate(v: &mut Value, rng: &mut Rng, depth: usize) {
    let descend = depth < 12 && rng.below(4) != 0;
    match v {
        Value::Object(map) if !map.is_empty() => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = keys[rng.below(keys.len())].clone();
            match rng.below(8) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    map.insert(format!("{key}-x"), hostile(rng));
                }
                _ if descend => mutate(map.get_mut(&key).unwrap(), rng, depth + 1),
                _ => {
                    map.insert(key, hostile(rng));
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let i = rng.below(items.len());
            match rng.below(6) {
                0 => {
                    items.remove(i);
                }
                1 => {
                    let copy = items[i].clone();
                    items.push(copy);
                }
                _ if descend => mutate(&mut items[i], rng, depth + 1),
                _ => items[i] = hostile(rng),
            }
        }
        other => *other = hostile(rng),
    }
}

/// Either a mutated tree or, sometimes, damaged bytes.
fn damaged(seed_text: &str, rng: &mut Rng) -> String {
    if rng.below(10) == 0 {
        let cut = rng.below(seed_text.len());
        let mut s: String = seed_text.chars().take(cut).collect();
        if rng.below(2) == 0 {
            s.push_str("\"\u{fffd}é}]");
        }
        return s;
    }
    let mut v: Value = serde_json::from_str(seed_text).unwrap();
    for _ in 0..(1 + rng.below(4)) {
        mutate(&mut v, rng, 0);
    }
    v.to_string()
}

fn cases() -> u64 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// Everything the app does with an accepted assessment, which must never fail.
fn exercise(model: &Model, haga: Option<&Haga>, a: &Assessment, models: &[&Model]) {
    let s = score(model, a);
    assert_eq!(s.pillars.len(), model.pillars().len());
    let empty = Haga::default();
    let h = haga.unwrap_or(&empty);
    let recs = recommend(model, h, a, &s);
    let (plan, _) = plan_gen::refresh(model, a, &recs, "2026-03-01T10:00:00Z");
    for lang in Lang::ALL {
        let c = catalog(lang);
        for p in &recs.pillars {
            c.pillar_headline(p, model);
            for pick in p.tools.iter().chain(&p.experiences).chain(&p.methodologies) {
                c.pick_reason(p, pick, model, h);
            }
        }
        for step in &plan.steps {
            c.plan_step_title(step, model, h);
        }
        megaip_core::messages::stage_name(c, model, s.overall_level);
    }
    let name = results::file_name(a);
    assert!(name.is_ascii() && name.len() < 120, "{name}");
    // A file the app writes is a file it reads back, under its own size limit.
    let text = results::to_json(&results::export(model, a, "0.1.0", "2026-03-01T10:00:00Z"));
    assert!(text.len() <= MAX_RESULTS_BYTES, "export of {} bytes", text.len());
    let back = results::import(&text, models, haga).unwrap_or_else(|e| panic!("the app refused its own export: {e:?}"));
    assert!(back.assessment == *a, "the export read back differs");
    assert!(!back.scores_differ);
    let copy = backup::to_json(&backup::build(&[a], &[], "0.1.0", "2026-03-01T10:00:00Z"));
    let restored = backup::read(&copy, models, haga).unwrap();
    assert_eq!(restored.assessments.len(), 1);
}

#[test]
fn damaged_results_files_never_crash_and_what_is_accepted_works() {
    let mega = Model::mega_ip().unwrap();
    // The fixtures were written with MEGA IP 1.0.0, which the app still opens.
    let mega_1 = Model::parse(MODELS[0]).unwrap();
    let city = Model::parse(MODELS[2]).unwrap();
    let haga = Haga::bundled().unwrap();
    let models = [&mega, &mega_1, &city];
    let (mut accepted, n) = (0, cases() * 6 / 10);
    for case in 0..n {
        let mut rng = Rng::new(case);
        let text = damaged(RESULTS[rng.below(RESULTS.len())], &mut rng);
        match results::import(&text, &models, Some(&haga)) {
            Ok(imported) => {
                accepted += 1;
                let model = models.iter().find(|m| m.is(imported.assessment.model())).unwrap();
                exercise(model, Some(&haga), &imported.assessment, &models);
            }
            Err(e) => {
                for lang in Lang::ALL {
                    let m = catalog(lang).import_error(&e);
                    assert!(
                        !m.is_empty() && m.len() <= MAX_MESSAGE,
                        "case {case}: {} chars",
                        m.len()
                    );
                }
            }
        }
    }
    eprintln!("results: {n} cases, {accepted} accepted and exercised");
    assert!(accepted > 0, "the mutations must leave some files valid");
}

#[test]
fn damaged_models_never_crash_and_what_is_accepted_scores() {
    let (mut accepted, n) = (0, cases() * 3 / 10);
    for case in 0..n {
        let mut rng = Rng::new(1_000_000 + case);
        let text = damaged(MODELS[rng.below(MODELS.len())], &mut rng);
        match Model::parse(&text) {
            Ok(model) => {
                accepted += 1;
                let mut a = Assessment::new("fuzz".into(), &model, "2026-03-01T10:00:00Z");
                // Answer every criterion with a random option of its scale.
                let answers: Vec<(String, Option<String>)> = model
                    .criteria()
                    .iter()
                    .map(|c| {
                        let opts = &model.scale_of(c).options;
                        (
                            c.id.to_string(),
                            opts.get(rng.below(opts.len() + 1)).map(|o| o.id.to_string()),
                        )
                    })
                    .collect();
                for (id, v) in answers {
                    a.apply(
                        &megaip_core::answers::assessment::Change::Answer(
                            id.as_str().into(),
                            megaip_core::answers::assessment::Edit::Value(v.map(Into::into)),
                        ),
                        "2026-03-01T10:00:00Z",
                    );
                }
                exercise(&model, None, &a, &[&model]);
            }
            Err(e) => {
                for lang in Lang::ALL {
                    let m = catalog(lang).model_error(&e);
                    assert!(
                        !m.is_empty() && m.len() <= MAX_MESSAGE,
                        "case {case}: {} chars",
                        m.len()
                    );
                }
            }
        }
    }
    eprintln!("models: {n} cases, {accepted} accepted and exercised");
    assert!(accepted > 0);
}

#[test]
fn damaged_storage_never_crashes_and_nothing_is_deleted() {
    // The stored record below was written with MEGA IP 1.0.0.
    let mega = Model::parse(MODELS[0]).unwrap();
    let haga = Haga::bundled().unwrap();
    let v3: Value = serde_json::from_str(RESULTS[2]).unwrap();
    let record = json!({"revision": 3, "assessment": v3["assessment"]}).to_string();
    let n = cases() / 10;
    for case in 0..n {
        let mut rng = Rng::new(2_000_000 + case);
        let mut b = MemoryBackend::default();
        let key = "megaip.assessment.a-yumbo-2026.v3";
        let value = damaged(&record, &mut rng);
        b.set(key, &value).unwrap();
        if rng.below(3) == 0 {
            b.set("megaip.assessments.index.v3", &damaged(r#"["a-yumbo-2026"]"#, &mut rng))
                .unwrap();
        }
        if rng.below(4) == 0 {
            b.set(
                "megaip.assessments.v2",
                &damaged(&json!({"assessments": [v3["assessment"]]}).to_string(), &mut rng),
            )
            .unwrap();
        }
        let loaded = records::load_all(&mut b, &[&mega], Some(&haga));
        for r in &loaded.records {
            exercise(&mega, Some(&haga), &r.assessment, &[&mega]);
        }
        // Whatever was stored is still there, or kept aside.
        let kept = b.get(key).unwrap();
        let aside = b.get("megaip.quarantine.assessment.a-yumbo-2026.v3").unwrap();
        assert!(
            kept.is_some() || aside.is_some(),
            "case {case}: a stored value vanished"
        );
    }
    eprintln!("storage: {n} cases");
}

/// A response code with one to four characters replaced, inserted or removed (any character,
/// not only the code's own).
fn damaged_code(code: &str, rng: &mut Rng) -> String {
    let alphabet = ['.', '+', '-', '%', '0', '9', 'Z', 'a', 'é', '🦜', '\u{202e}', ' ', 'F'];
    let mut chars: Vec<char> = code.chars().collect();
    for _ in 0..(1 + rng.below(4)) {
        let at = rng.below(chars.len() + 1);
        let c = alphabet[rng.below(alphabet.len())];
        match rng.below(3) {
            0 if at < chars.len() => chars[at] = c,
            1 if at < chars.len() => {
                chars.remove(at);
            }
            _ => chars.insert(at, c),
        }
    }
    chars.into_iter().collect()
}

#[test]
fn damaged_phone_codes_and_frames_never_crash_and_what_is_accepted_round_trips() {
    use megaip_core::answers::workshop::{Response, Scope};
    use megaip_core::exchange::{frames, payload};
    let model = Model::mega_ip().unwrap();
    let mut r = Response {
        participant: "4F9A2C7B".into(),
        ..Response::default()
    };
    for (i, c) in model.criteria().iter().enumerate() {
        if let Some(o) = model.scale_of(c).options.get(i % 4) {
            r.answers.insert(c.id.clone(), o.id.clone());
        }
        if i % 9 == 0 {
            r.notes
                .insert(c.id.clone(), format!("Nota {i}: ¿quién publica el acta? 100 % + – sí."));
        }
    }
    let code = payload::encode(&model, "K7QX2M", &Scope::default(), &r).unwrap();
    let frames_of_code = frames::split(&code);
    assert!(frames_of_code.len() > 1);
    let n = cases() / 5;
    let mut accepted = 0;
    for case in 0..n {
        let mut rng = Rng::new(3_000_000 + case);
        let text = damaged_code(&code, &mut rng);
        match payload::decode(&model, "K7QX2M", &text) {
            Ok((scope, back)) => {
                accepted += 1;
                let again = payload::encode(&model, "K7QX2M", &scope, &back).unwrap();
                assert_eq!(
                    payload::decode(&model, "K7QX2M", &again).map(|(_, b)| b),
                    Ok(back),
                    "case {case}"
                );
            }
            Err(e) => {
                for lang in Lang::ALL {
                    assert!(catalog(lang).payload_error(&e).len() < MAX_MESSAGE, "case {case}");
                }
            }
        }
        // The frames, one damaged, in a shuffled order, some seen twice.
        let mut shown = frames_of_code.clone();
        let hit = rng.below(shown.len());
        shown[hit] = damaged_code(&shown[hit], &mut rng);
        for i in (1..shown.len()).rev() {
            shown.swap(i, rng.below(i + 1));
        }
        shown.push(shown[0].clone());
        let mut a = frames::Assembler::default();
        for f in &shown {
            if let Ok(frames::Step::Complete(whole)) = a.push(f) {
                // Whatever comes out whole is checked again by the response's own decoding.
                let _ = payload::decode(&model, "K7QX2M", &whole);
            }
        }
    }
    eprintln!("phone codes: {n} cases, {accepted} damaged codes still read");
}
