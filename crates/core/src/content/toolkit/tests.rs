//! The bundled toolkit against the bundled model, and the editorial targets of the content
//! issue: cell coverage, the stage-share cap, small municipalities, honest dates.

use super::*;

fn haga() -> Haga {
    Haga::bundled().unwrap()
}

fn mega_ip() -> Model {
    Model::mega_ip().unwrap()
}

#[test]
fn bundled_toolkit_is_consistent_with_mega_ip() {
    let problems = haga().problems(&mega_ip());
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn bundled_toolkit_has_the_required_size() {
    let h = haga();
    assert!(h.tools.len() >= 60, "{} tools", h.tools.len());
    assert!(h.experiences.len() >= 60, "{} experiences", h.experiences.len());
    assert_eq!(h.principles.len(), 10);
    assert!(h.methodologies.len() >= 5);
    assert!(h.methodologies.iter().all(|m| !m.canvas.fields.is_empty()));
}

#[test]
fn seed_municipalities_are_all_in_the_repository() {
    let h = haga();
    let places: Vec<String> = h
        .experiences
        .iter()
        .map(|e| crate::base::text::fold(&format!("{} {}", e.place, e.title.get(crate::base::locale::Lang::Es))))
        .collect();
    for seed in [
        "bahia blanca",
        "tucuman",
        "hurlingham",
        "general pico",
        "rosario",
        "lujan",
        "la estrella",
        "medellin",
        "envigado",
        "la paz",
        "antigua",
        "bogota",
        "cali",
        "yumbo",
        "buenaventura",
        "bucaramanga",
        "copacabana",
        "itagui",
    ] {
        assert!(places.iter().any(|p| p.contains(seed)), "no experience for {seed}");
    }
}

#[test]
fn the_seed_mistakes_are_corrected() {
    let h = haga();
    assert_eq!(h.tool("nyc-open-data").unwrap().initiative, Initiative::Government);
    let govlab = h.tools.iter().find(|t| t.name.contains("GovLab")).unwrap();
    assert_eq!(govlab.initiative, Initiative::Academic);
}

#[test]
fn validation_catches_broken_references() {
    let mut h = haga();
    h.tools[0].stage = "nowhere".into();
    h.tools[1].url = "http://insecure.example".into();
    h.experiences[0].tools.push("ghost".into());
    h.methodologies[0].criteria.push("X-1".into());
    h.principles[0].conditions.push("luck".into());
    h.tools[2].checked = "2026-02-30".into();
    let problems = h.problems(&mega_ip());
    for needle in [
        "unknown stage \"nowhere\"",
        "malformed URL",
        "unknown tool \"ghost\"",
        "unknown criterion \"X-1\"",
        "unknown condition \"luck\"",
        "checked date",
    ] {
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "missing {needle:?} in {problems:?}"
        );
    }
}

#[test]
fn every_stage_holds_at_most_a_third_of_the_experiences() {
    let h = haga();
    for s in mega_ip().stages() {
        let n = h.experiences.iter().filter(|e| e.stage == s.id).count();
        assert!(n * 3 <= h.experiences.len(), "{}: {n} of {}", s.id, h.experiences.len());
    }
}

#[test]
fn small_municipalities_have_their_own_cases() {
    let small = haga()
        .experiences
        .iter()
        .filter(|e| e.population_band == PopulationBand::Under20k)
        .count();
    assert!(small >= 8, "{small} experiences of municipalities under 20,000 people");
}

#[test]
fn every_item_says_how_and_when_its_source_was_read() {
    let h = haga();
    let read = h
        .tools
        .iter()
        .map(|t| t.checked_how)
        .chain(h.experiences.iter().map(|e| e.checked_how))
        .filter(|how| *how != CheckedHow::NotRechecked)
        .count();
    assert!(read > 0, "no item was read again");
    let mut stamped = haga();
    for t in &mut stamped.tools {
        t.checked = "2026-11-21".into();
    }
    assert!(
        stamped
            .problems(&mega_ip())
            .iter()
            .any(|p| p.contains("were checked on 2026-11-21")),
        "a toolkit where most items share one date is refused"
    );
}

#[test]
fn every_cell_and_criterion_is_covered() {
    let mut h = haga();
    h.experiences
        .retain(|e| !(e.pillars.first().is_some_and(|p| p == "rendicion") && e.stage == "empoderar"));
    let first = mega_ip().criteria()[0].id.clone();
    for t in &mut h.tools {
        t.criteria.retain(|c| *c != first);
    }
    let problems = h.problems(&mega_ip());
    assert!(problems
        .iter()
        .any(|p| p == "cell rendicion × empoderar: no experience with it as main pillar"));
    assert!(problems
        .iter()
        .any(|p| p == &format!("criterion {first}: no tool serves it")));
}
