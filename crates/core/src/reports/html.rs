//! The diagnosis report as one standalone HTML file (`megaip report`): its own styles, no
//! script, nothing fetched, so it opens and prints the same in any browser, offline.
//!
//! Every piece of text goes through [`escape`]: what a results file carries is data, never
//! markup. The only links are evidence links the core judged safe, and they are escaped too.

use crate::messages::{Catalog, ReportText as T};
use crate::reports::chart::{Radar, RADAR_VIEWBOX};
use crate::reports::diagnosis::{Diagnosis, PillarPart};
use std::fmt::Write;

/// Text made safe to place in HTML, in content or inside a quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The styles of the standalone report: the app's colours (`assets/app.css`), A4 or Letter as the printer
/// chooses, and the signature block kept whole on one page.
const STYLE: &str = "
@page { margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 system-ui, 'Segoe UI', Roboto, Arial, sans-serif; color: #1c2733; margin: 0 auto; max-width: 52rem; padding: 1.5rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; } h2 { font-size: 1.3rem; margin: 1.6rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .35rem; } h4 { font-size: 1rem; margin: .6rem 0 .2rem; }
.cover { border-bottom: 3px solid #0b5f5a; padding-bottom: 1rem; display: grid; grid-template-columns: 1fr 17rem; gap: 1rem; align-items: start; }
.cover-radar { margin: 0; } .cover-radar figcaption { font-size: .8rem; color: #4a5866; }
@media (max-width: 40rem) { .cover { grid-template-columns: 1fr; } }
.kicker { color: #0b5f5a; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .8rem 0; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
.overall { font-size: 1.2rem; font-weight: 600; background: #e3f0ee; border-left: 5px solid #0b5f5a; padding: .7rem 1rem; }
.muted { color: #4a5866; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { border: 1px solid #c8d0d8; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #f1f4f7; }
.heat { text-align: center; font-size: .9rem; } .heat .state { display: block; font-size: .75rem; }
.heat-reached { background: #0b5f5a; color: #fff; } .heat-met { background: #fff1d6; outline: 2px dashed #c77700; outline-offset: -4px; }
.heat-mid { background: #b5dad5; } .heat-low { background: #e3f0ee; } .heat-none { background: #f1f3f2; }
.radar { display: block; width: 100%; margin: 0 auto; }
.keep { break-inside: avoid; }
h2, h3, h4 { break-after: avoid; } li, tr { break-inside: avoid; }
.radar .ring { fill: none; stroke: #c8d0d8; } .radar .axis { stroke: #c8d0d8; }
.radar .shape { fill: rgba(11, 95, 90, .25); stroke: #0b5f5a; stroke-width: 2; } .radar .dot { fill: #0b5f5a; }
.radar text { font-size: 12px; fill: #1c2733; }
.pillar { border-top: 1px solid #c8d0d8; }
.code { font-family: ui-monospace, Consolas, monospace; font-size: .85em; color: #4a5866; }
.advice-why { display: block; color: #4a5866; font-size: .92em; }
.signature { break-inside: avoid; page-break-inside: avoid; break-before: avoid; margin-top: 2rem; }
.signature h2 { break-after: avoid; }
.signers { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; margin-top: 1.2rem; }
.signer p { margin: 0 0 1.6rem; border-bottom: 1px solid #1c2733; padding-bottom: .15rem; }
.signer p.role { border: 0; font-weight: 700; margin-bottom: .8rem; }
.annex { break-before: page; } .annex td, .annex th { font-size: .85rem; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; } .evidence { overflow-wrap: anywhere; }
footer { margin-top: 2rem; font-size: .85rem; color: #4a5866; }
@media print { body { padding: 0; max-width: none; font-size: 9.5pt; } h2 { margin: 1rem 0 .35rem; } .signature { margin-top: 1rem; } .signer p { margin-bottom: 1.1rem; } * { print-color-adjust: exact; -webkit-print-color-adjust: exact; } a { color: inherit; } }
";

/// The report as a complete HTML document.
pub fn diagnosis_html(d: &Diagnosis, c: &dyn Catalog) -> String {
    let t = |x: T| escape(c.report_text(x));
    let mut h = String::new();
    let title = format!("{} — {}", c.report_text(T::Title), d.municipality);
    // Writing into a String cannot fail; the results are ignored on purpose.
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        d.lang.code(),
        escape(&title)
    );
    cover(&mut h, d, c);
    let _ = writeln!(
        h,
        "<section><h2>{}</h2><p class=\"overall\">{}</p><p class=\"muted\">{}</p></section>",
        t(T::Overall),
        escape(&d.overall),
        t(T::OverallHow)
    );
    heatmap(&mut h, d, c);
    let _ = write!(h, "<section><h2>{}</h2>", t(T::Pillars));
    for p in &d.pillars {
        pillar(&mut h, p, c);
    }
    h.push_str("</section>\n");
    advice(&mut h, d, c);
    conditions(&mut h, d, c);
    signature(&mut h, c);
    annex(&mut h, d, c);
    let _ = write!(h, "<footer>{}</footer>\n</body>\n</html>\n", t(T::Footer));
    h
}

fn cover(h: &mut String, d: &Diagnosis, c: &dyn Catalog) {
    let t = |x: T| escape(c.report_text(x));
    let _ = write!(
        h,
        "<header class=\"cover\"><div><p class=\"kicker\">{}</p><h1>{}</h1><dl class=\"facts\">",
        t(T::Title),
        escape(&d.municipality)
    );
    for (label, value) in [(T::Place, &d.place), (T::Date, &d.date), (T::Model, &d.model)] {
        if !value.is_empty() {
            let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", t(label), escape(value));
        }
    }
    let _ = write!(h, "<dt>{}</dt><dd>", t(T::TookPart));
    if d.people.is_empty() {
        h.push_str(&t(T::NobodyListed));
    } else {
        h.push_str("<ul>");
        for p in &d.people {
            let _ = write!(h, "<li>{}</li>", escape(p));
        }
        h.push_str("</ul>");
    }
    h.push_str("</dd></dl></div>");
    // The radar sits on the cover, beside the facts, so the body starts on the first page.
    if let Some(r) = &d.radar {
        h.push_str("<figure class=\"cover-radar\">");
        radar(h, r, c);
        let _ = write!(
            h,
            "<figcaption><strong>{}.</strong> {}</figcaption></figure>",
            t(T::Radar),
            t(T::RadarText)
        );
    }
    h.push_str("</header>\n");
}

fn heatmap(h: &mut String, d: &Diagnosis, c: &dyn Catalog) {
    let t = |x: T| escape(c.report_text(x));
    let _ = write!(
        h,
        "<section><h2>{}</h2><table class=\"heatmap\"><thead><tr><th scope=\"col\">{}</th>",
        t(T::Heatmap),
        t(T::Pillar)
    );
    for s in &d.stages {
        let _ = write!(h, "<th scope=\"col\">{}</th>", escape(s));
    }
    let _ = write!(
        h,
        "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        t(T::Stage),
        t(T::Index)
    );
    for p in &d.pillars {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", escape(&p.name));
        for cell in &p.cells {
            let _ = write!(
                h,
                "<td class=\"{}\">{}<span class=\"state\">{}</span></td>",
                cell.class,
                escape(&cell.percent),
                escape(cell.state)
            );
        }
        let _ = write!(h, "<td>{}</td><td>{}</td></tr>", escape(&p.stage), escape(&p.index));
    }
    let _ = writeln!(
        h,
        "</tbody></table><p class=\"muted\">{}</p></section>",
        t(T::HeatLegend)
    );
}

fn radar(h: &mut String, r: &Radar, c: &dyn Catalog) {
    let _ = write!(
        h,
        "<svg class=\"radar\" viewBox=\"{RADAR_VIEWBOX}\" role=\"img\" aria-label=\"{}\">",
        escape(c.report_text(T::Radar))
    );
    for ring in &r.rings {
        let _ = write!(h, "<polygon class=\"ring\" points=\"{ring}\"/>");
    }
    for (x, y) in &r.axes {
        let _ = write!(h, "<line class=\"axis\" x1=\"0\" y1=\"0\" x2=\"{x}\" y2=\"{y}\"/>");
    }
    let _ = write!(h, "<polygon class=\"shape\" points=\"{}\"/>", r.shape);
    for (x, y) in &r.dots {
        let _ = write!(h, "<circle class=\"dot\" cx=\"{x}\" cy=\"{y}\" r=\"3.5\"/>");
    }
    for l in &r.labels {
        let _ = write!(
            h,
            "<text x=\"{x}\" y=\"{}\" text-anchor=\"{}\" dy=\"{}\"><tspan x=\"{x}\">{}</tspan>",
            l.y,
            l.anchor,
            l.dy,
            escape(&l.first),
            x = l.x
        );
        if let Some(second) = &l.second {
            let _ = write!(h, "<tspan x=\"{}\" dy=\"1.15em\">{}</tspan>", l.x, escape(second));
        }
        h.push_str("</text>");
    }
    h.push_str("</svg>");
}

fn pillar(h: &mut String, p: &PillarPart, c: &dyn Catalog) {
    let t = |x: T| escape(c.report_text(x));
    let _ = write!(
        h,
        "<article class=\"pillar\"><h3>{} — {} · {} {}</h3><h4>{}</h4><p>{}</p>",
        escape(&p.name),
        escape(&p.stage),
        t(T::Index),
        escape(&p.index),
        t(T::Strengths),
        escape(&p.strengths_lead)
    );
    if p.strengths.is_empty() {
        let _ = write!(h, "<p class=\"muted\">{}</p>", t(T::NoStrengths));
    } else {
        h.push_str("<ul>");
        for s in &p.strengths {
            let _ = write!(h, "<li>{}</li>", escape(s));
        }
        h.push_str("</ul>");
    }
    let _ = write!(h, "<h4>{}</h4><p>{}</p>", t(T::Challenges), escape(&p.challenges_lead));
    if !p.challenges.is_empty() {
        h.push_str("<ul>");
        for ch in &p.challenges {
            let _ = write!(
                h,
                "<li><span class=\"code\">{}</span> {} <em>({})</em>",
                escape(&ch.code),
                escape(&ch.question),
                escape(&ch.answer)
            );
            if let Some(a) = &ch.advice {
                let _ = write!(h, "<span class=\"advice-why\">{}</span>", escape(a));
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>");
    }
    h.push_str("</article>\n");
}

fn advice(h: &mut String, d: &Diagnosis, c: &dyn Catalog) {
    let t = |x: T| escape(c.report_text(x));
    let _ = write!(h, "<section><h2>{}</h2>", t(T::Recommendations));
    if d.advice.is_empty() {
        let _ = write!(h, "<p class=\"muted\">{}</p>", t(T::NoRecommendations));
    }
    for a in &d.advice {
        let _ = write!(h, "<h3>{}</h3>", escape(&a.heading));
        if !a.picks.is_empty() {
            h.push_str("<ul>");
            for (name, why) in &a.picks {
                let _ = write!(
                    h,
                    "<li><strong>{}</strong><span class=\"advice-why\">{}</span></li>",
                    escape(name),
                    escape(why)
                );
            }
            h.push_str("</ul>");
        }
    }
    if let Some(phase) = &d.first_phase {
        let _ = write!(
            h,
            "<h3>{}: {}</h3><p>{}</p><ol>",
            t(T::FirstPhase),
            escape(&phase.name),
            escape(phase.lead)
        );
        for s in &phase.steps {
            let _ = write!(h, "<li>{}", escape(&s.title));
            for (label, value) in [(T::Owner, &s.owner), (T::Due, &s.due)] {
                if !value.trim().is_empty() {
                    let _ = write!(h, " · {}: {}", t(label), escape(value));
                }
            }
            h.push_str("</li>");
        }
        h.push_str("</ol>");
    }
    h.push_str("</section>\n");
}

fn conditions(h: &mut String, d: &Diagnosis, c: &dyn Catalog) {
    let t = |x: T| escape(c.report_text(x));
    let _ = write!(
        h,
        "<section><h2>{}</h2><p>{}</p>",
        t(T::Conditions),
        t(T::ConditionsLead)
    );
    // One line for all of them: the plan's first phase already lists what to do about each.
    let line = if d.conditions.is_empty() {
        t(T::AllConditionsMet)
    } else {
        escape(&d.conditions.join(" · "))
    };
    let _ = write!(h, "<p class=\"conditions-line\">{line}</p>");
    h.push_str("</section>\n");
}

fn signature(h: &mut String, c: &dyn Catalog) {
    let t = |x: T| escape(c.report_text(x));
    let _ = write!(
        h,
        "<section class=\"signature\"><h2>{}</h2><p>{}</p><div class=\"signers\">",
        t(T::Signatures),
        t(T::SignaturesLead)
    );
    for role in [T::Mayor, T::Official] {
        let _ = write!(
            h,
            "<div class=\"signer\"><p class=\"role\">{}</p><p>{}:</p><p>{}:</p><p>{}:</p></div>",
            t(role),
            t(T::SignName),
            t(T::SignHere),
            t(T::SignDate)
        );
    }
    h.push_str("</div></section>\n");
}

fn annex(h: &mut String, d: &Diagnosis, c: &dyn Catalog) {
    let t = |x: T| escape(c.report_text(x));
    let _ = write!(
        h,
        "<section class=\"annex\"><h2>{}</h2><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        t(T::Annex),
        t(T::Question),
        t(T::Answer),
        t(T::Note),
        t(T::Evidence)
    );
    for a in &d.annex {
        let _ = write!(
            h,
            "<tr><th scope=\"row\"><span class=\"code\">{}</span> {}</th><td>{}",
            escape(&a.code),
            escape(&a.question),
            escape(&a.answer),
        );
        if let Some(w) = &a.workshop {
            let _ = write!(h, "<span class=\"advice-why\">{}</span>", escape(w));
        }
        let _ = write!(
            h,
            "</td><td class=\"note\">{}</td><td class=\"evidence\">",
            escape(&a.note)
        );
        match &a.evidence_link {
            Some(link) => {
                let _ = write!(h, "<a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a>", escape(link));
            }
            None => h.push_str(&escape(&a.evidence)),
        }
        h.push_str("</td></tr>");
    }
    h.push_str("</tbody></table></section>\n");
}
