//! Validators every data file shares, and the bounded list their problems go into.
//!
//! One rule, one place: ids (non-blank, unique), content web addresses (https), dates
//! (`YYYY-MM-DD`, real days), and the one decision on whether a string from a model, a toolkit
//! or a results file may become a clickable link ([`safe_web_link`]).

use std::collections::BTreeSet;

/// At most this many problems are kept to be shown; the rest are only counted.
pub const SHOWN_PROBLEMS: usize = 40;

/// Problems found while validating: all are counted, the first [`SHOWN_PROBLEMS`] are kept.
/// A hostile file with millions of faults costs a counter, not millions of values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems<P> {
    shown: Vec<P>,
    total: usize,
}

impl<P> Default for Problems<P> {
    fn default() -> Self {
        Problems {
            shown: Vec::new(),
            total: 0,
        }
    }
}

impl<P> Problems<P> {
    pub fn push(&mut self, problem: P) {
        self.total = self.total.saturating_add(1);
        if self.shown.len() < SHOWN_PROBLEMS {
            self.shown.push(problem);
        }
    }

    /// Counts a problem without building it (once enough are kept to be shown).
    pub fn push_with(&mut self, make: impl FnOnce() -> P) {
        self.total = self.total.saturating_add(1);
        if self.shown.len() < SHOWN_PROBLEMS {
            self.shown.push(make());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    pub fn total(&self) -> usize {
        self.total
    }

    /// The problems kept, in the order found.
    pub fn shown(&self) -> &[P] {
        &self.shown
    }

    /// How many were found beyond those kept.
    pub fn more(&self) -> usize {
        self.total - self.shown.len()
    }

    pub fn contains(&self, p: &P) -> bool
    where
        P: PartialEq,
    {
        self.shown.contains(p)
    }
}

/// The one rule for ids in every data file: non-blank and unique. Returns the ids seen and the
/// offending ones (blank, or repeated), in file order.
pub fn check_ids<'a>(ids: impl Iterator<Item = &'a str>) -> (BTreeSet<&'a str>, Vec<&'a str>) {
    let mut seen = BTreeSet::new();
    let mut bad = Vec::new();
    for id in ids {
        if id.trim().is_empty() || !seen.insert(id) {
            bad.push(id);
        }
    }
    (seen, bad)
}

/// A well-formed public web address for content files: https, a host with a dot, no spaces.
pub fn is_content_url(u: &str) -> bool {
    let Some(rest) = u.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !u.contains(char::is_whitespace)
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
}

/// `YYYY-MM-DD` with a real month and day, between 2000 and 2100.
pub fn is_date(d: &str) -> bool {
    let mut parts = d.split('-');
    let (Some(y), Some(m), Some(day), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    if d.len() != 10 || !d.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return false;
    }
    let (Ok(y), Ok(m), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), day.parse::<u32>()) else {
        return false;
    };
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => return false,
    };
    (2000..=2100).contains(&y) && (1..=days).contains(&day)
}

/// The link to render for `s`, or `None` when `s` must stay plain text.
///
/// Only `http://` and `https://` addresses with a host become links, after trimming and
/// case-folding the scheme; anything else (`javascript:`, `data:`, `vbscript:`, a relative path,
/// text with control characters or spaces inside) is refused. Every link that shows text from a
/// model, a toolkit or a results file goes through this function.
pub fn safe_web_link(s: &str) -> Option<&str> {
    let url = s.trim();
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let scheme_end = url.find("://")?;
    let scheme = url.get(..scheme_end)?;
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return None;
    }
    let rest = url.get(scheme_end + 3..)?;
    let host = rest.split(['/', '?', '#', '\\']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && !host.starts_with(['.', '-', ':', '@'])
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'));
    host_ok.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        for good in [
            "https://decidim.org/",
            "http://bel.fundacionfindel.org/?p=125",
            "  HTTPS://Example.org/a?b=c#d  ",
            "https://[::1]:8080/x",
            "https://municipio.gov.co",
        ] {
            assert!(safe_web_link(good).is_some(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript://example.org/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "https://example.org/\u{0}",
            "https://example.org/\nx",
            "ftp://example.org",
            "//example.org",
            "/relative/path",
            "example.org",
            "https:example.org",
            "http://@evil",
            "",
            "   ",
            "jav\tascript:alert(1)",
            "https\u{202e}://example.org",
        ] {
            assert_eq!(safe_web_link(bad), None, "{bad:?}");
        }
        assert_eq!(safe_web_link("  https://a.org  "), Some("https://a.org"));
    }

    #[test]
    fn content_urls_and_dates() {
        assert!(is_content_url("https://decidim.org/"));
        assert!(is_content_url("https://www.oecd.org/en/publications?x=1#a"));
        assert!(!is_content_url("http://decidim.org"));
        assert!(!is_content_url("https://localhost/"));
        assert!(!is_content_url("https://exa mple.org"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("21-11-2026"));
        assert!(!is_date("2026-03-0é"));
        assert!(!is_date("+026-03-01"));
    }

    #[test]
    fn problems_are_counted_but_only_some_kept() {
        let mut p = Problems::default();
        for i in 0..1_000_000u32 {
            p.push_with(|| i);
        }
        assert_eq!(p.total(), 1_000_000);
        assert_eq!(p.shown().len(), SHOWN_PROBLEMS);
        assert_eq!(p.more(), 1_000_000 - SHOWN_PROBLEMS);
    }

    #[test]
    fn ids_must_be_unique_and_non_blank() {
        let (seen, bad) = check_ids(["a", "b", "a", " ", ""].into_iter());
        assert_eq!(seen.len(), 2);
        assert_eq!(bad, vec!["a", " ", ""]);
    }
}
