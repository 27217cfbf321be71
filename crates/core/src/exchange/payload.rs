//! A participant's answers in a few dozen characters, to hand back from a phone by QR code, in a
//! link's fragment, or as a small file — never through a server.
//!
//! ```text
//! MIP1.K7QX2M.4F9A2C7B.A133045E.0123.21304….3-Falta%20el%20acta+7-…
//! │    │      │        │        │    │       └ optional notes: question position, `-`, the text
//! │    │      │        │        │    │         with every byte but a letter or digit as `%XX`;
//! │    │      │        │        │    │         notes are joined by `+`
//! │    │      │        │        │    └ one base-36 digit per question in scope, in model order:
//! │    │      │        │        │      0 = not answered, n = the scale's n-th option
//! │    │      │        │        └ the pillars in scope, by position in the model (`*` = all)
//! │    │      │        └ the first 8 hex digits of the model's hash, upper case
//! │    │      └ the participant's random id
//! │    └ the workshop's code
//! └ format 1
//! ```
//!
//! Without notes, only characters of QR's alphanumeric mode (`0-9 A-Z . *`), so the code stays
//! small: a whole MEGA IP response is about 100 characters, where the same answers as JSON take
//! about 3,000. Notes make it longer; `exchange::frames` cuts a long code into several QR frames.
//! Decoding checks the workshop and the model, and says plainly when the response belongs to
//! another one.

use crate::answers::assessment::cut;
use crate::answers::workshop::{Response, Scope, MAX_PARTICIPANT_NOTE_CHARS};
use crate::base::ids::CriterionId;
use crate::content::model::Model;
use std::collections::BTreeMap;

const MAGIC: &str = "MIP1";
const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadError {
    /// Not a response code at all.
    NotAResponse,
    /// A response made for another workshop (its code is given).
    OtherWorkshop { found: String },
    /// A response made with another model or model version.
    OtherModel,
    /// The answers do not fit the questions (damaged or cut).
    Damaged,
    /// A question has more options than one digit can say (more than 35).
    TooManyOptions,
}

fn digit(n: usize) -> Option<char> {
    DIGITS.get(n).map(|b| char::from(*b))
}

fn value(c: char) -> Option<usize> {
    DIGITS.iter().position(|b| char::from(*b) == c.to_ascii_uppercase())
}

fn hash8(model: &Model) -> String {
    model
        .hash()
        .trim_start_matches("sha256:")
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_uppercase()
}

fn scope_code(model: &Model, scope: &Scope) -> Result<String, PayloadError> {
    if scope.pillars.is_empty() {
        return Ok("*".into());
    }
    scope
        .pillars
        .iter()
        .map(|p| {
            model
                .pillars()
                .iter()
                .position(|x| x.id == *p)
                .and_then(digit)
                .ok_or(PayloadError::Damaged)
        })
        .collect()
}

fn scope_from(model: &Model, code: &str) -> Result<Scope, PayloadError> {
    if code == "*" {
        return Ok(Scope::default());
    }
    let pillars = code
        .chars()
        .map(|c| {
            value(c)
                .and_then(|i| model.pillars().get(i))
                .map(|p| p.id.clone())
                .ok_or(PayloadError::Damaged)
        })
        .collect::<Result<_, _>>()?;
    Ok(Scope { pillars })
}

/// A code safe to put in a payload: upper-case letters and digits only.
pub fn is_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 16 && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Encodes a response to the workshop's questions (answers outside the scope are not carried).
pub fn encode(model: &Model, workshop: &str, scope: &Scope, response: &Response) -> Result<String, PayloadError> {
    if !is_code(workshop) || !is_code(&response.participant) {
        return Err(PayloadError::NotAResponse);
    }
    let mut answers = String::new();
    let mut notes = Vec::new();
    for (i, c) in scope.criteria(model).into_iter().enumerate() {
        if let Some(note) = response.notes.get(&c.id).map(|n| n.trim()).filter(|n| !n.is_empty()) {
            notes.push(format!("{i}-{}", escape(&cut(note, MAX_PARTICIPANT_NOTE_CHARS))));
        }
        let scale = model.scale_of(c);
        if scale.options.len() > 35 {
            return Err(PayloadError::TooManyOptions);
        }
        let n = response
            .answers
            .get(&c.id)
            .and_then(|v| scale.options.iter().position(|o| o.id == *v))
            .map_or(0, |i| i + 1);
        answers.push(digit(n).ok_or(PayloadError::TooManyOptions)?);
    }
    let mut code = format!(
        "{MAGIC}.{workshop}.{}.{}.{}.{answers}",
        response.participant,
        hash8(model),
        scope_code(model, scope)?
    );
    if !notes.is_empty() {
        code.push('.');
        code.push_str(&notes.join("+"));
    }
    Ok(code)
}

/// Every byte but an ASCII letter or digit as `%XX`, so a note never holds the code's separators.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn unescape(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(b) = rest.next() {
        if b == b'%' {
            let hi = char::from(rest.next()?).to_digit(16)?;
            let lo = char::from(rest.next()?).to_digit(16)?;
            bytes.push(u8::try_from(hi * 16 + lo).ok()?);
        } else if b.is_ascii_alphanumeric() {
            bytes.push(b);
        } else {
            return None;
        }
    }
    String::from_utf8(bytes).ok()
}

fn notes_from(
    text: &str,
    questions: &[&crate::content::model::Criterion],
) -> Result<BTreeMap<CriterionId, String>, PayloadError> {
    let mut out = BTreeMap::new();
    for note in text.split('+') {
        let (i, body) = note.split_once('-').ok_or(PayloadError::Damaged)?;
        let c = i
            .parse::<usize>()
            .ok()
            .and_then(|i| questions.get(i))
            .ok_or(PayloadError::Damaged)?;
        let body = unescape(body).ok_or(PayloadError::Damaged)?;
        let body = cut(body.trim(), MAX_PARTICIPANT_NOTE_CHARS);
        if !body.is_empty() {
            out.insert(c.id.clone(), body);
        }
    }
    Ok(out)
}

/// Reads a response for `workshop` (its code), made with `model`.
pub fn decode(model: &Model, workshop: &str, text: &str) -> Result<(Scope, Response), PayloadError> {
    let mut parts = text.trim().split('.');
    let (Some(magic), Some(found), Some(participant), Some(hash), Some(scope), Some(answers), notes, None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(PayloadError::NotAResponse);
    };
    if magic != MAGIC || !is_code(found) || !is_code(participant) {
        return Err(PayloadError::NotAResponse);
    }
    if found != workshop {
        return Err(PayloadError::OtherWorkshop {
            found: found.to_owned(),
        });
    }
    if !hash.eq_ignore_ascii_case(&hash8(model)) {
        return Err(PayloadError::OtherModel);
    }
    let scope = scope_from(model, scope)?;
    let questions = scope.criteria(model);
    if answers.chars().count() != questions.len() {
        return Err(PayloadError::Damaged);
    }
    let mut response = Response {
        participant: participant.to_owned(),
        ..Response::default()
    };
    for (c, ch) in questions.iter().zip(answers.chars()) {
        let n = value(ch).ok_or(PayloadError::Damaged)?;
        if n == 0 {
            continue;
        }
        let option = model.scale_of(c).options.get(n - 1).ok_or(PayloadError::Damaged)?;
        response.answers.insert(c.id.clone(), option.id.clone());
    }
    if let Some(notes) = notes {
        response.notes = notes_from(notes, &questions)?;
    }
    Ok((scope, response))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    fn full_response(model: &Model) -> Response {
        let mut r = Response {
            participant: "4F9A2C7B".into(),
            ..Response::default()
        };
        for (i, c) in model.criteria().iter().enumerate() {
            let opts = &model.scale_of(c).options;
            if let Some(o) = opts.get(i % opts.len()) {
                r.answers.insert(c.id.clone(), o.id.clone());
            }
        }
        r
    }

    #[test]
    fn a_whole_mega_ip_response_round_trips_in_about_a_hundred_characters() {
        let model = mega();
        let r = full_response(&model);
        let code = encode(&model, "K7QX2M", &Scope::default(), &r).unwrap();
        // 87 criteria in MEGA IP 2.0.0: one character each, plus the header.
        assert!(code.len() < 125, "{} characters: {code}", code.len());
        assert!(code
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || ".*".contains(c)));
        let (scope, back) = decode(&model, "K7QX2M", &code).unwrap();
        assert_eq!((scope, back), (Scope::default(), r));
    }

    #[test]
    fn notes_travel_with_accents_separators_and_the_length_limit() {
        let model = mega();
        let mut r = full_response(&model);
        r.notes
            .insert("T-INF-1".into(), "Falta el acta. ¿Quién la firma? 100 % + – sí".into());
        r.notes
            .insert("I-EMP-4".into(), "ñ".repeat(MAX_PARTICIPANT_NOTE_CHARS + 20));
        r.notes.insert("P-CON-1".into(), "   ".into());
        let code = encode(&model, "K7QX2M", &Scope::default(), &r).unwrap();
        let (_, back) = decode(&model, "K7QX2M", &code).unwrap();
        assert_eq!(
            back.notes.get("T-INF-1").map(String::as_str),
            Some("Falta el acta. ¿Quién la firma? 100 % + – sí")
        );
        assert_eq!(
            back.notes.get("I-EMP-4").map(|n| n.chars().count()),
            Some(MAX_PARTICIPANT_NOTE_CHARS)
        );
        assert!(!back.notes.contains_key("P-CON-1"), "a blank note is not sent");
        assert_eq!(back.answers, r.answers);
        // The first index past the last criterion is out of range.
        let past_the_end = format!(".{}-x", model.criteria().len());
        for bad in [past_the_end.as_str(), ".0-%G1", ".0-%C3", ".0x", ".0-a b", ".999-x"] {
            let damaged = format!("{}{bad}", code.split('.').take(6).collect::<Vec<_>>().join("."));
            assert_eq!(decode(&model, "K7QX2M", &damaged), Err(PayloadError::Damaged), "{bad}");
        }
    }

    #[test]
    fn a_scoped_response_carries_only_its_pillars() {
        let model = mega();
        let scope = Scope {
            pillars: vec!["rendicion".into(), "innovacion".into()],
        };
        let r = full_response(&model);
        let code = encode(&model, "K7QX2M", &scope, &r).unwrap();
        let (s, back) = decode(&model, "K7QX2M", &code).unwrap();
        assert_eq!(s, scope);
        assert!(back.answers.keys().all(|k| k.starts_with("R-") || k.starts_with("I-")));
        assert_eq!(back.answers.len(), scope.criteria(&model).len());
    }

    #[test]
    fn responses_for_another_workshop_or_model_are_refused_plainly() {
        let model = mega();
        let code = encode(&model, "K7QX2M", &Scope::default(), &full_response(&model)).unwrap();
        assert_eq!(
            decode(&model, "AAAAAA", &code),
            Err(PayloadError::OtherWorkshop { found: "K7QX2M".into() })
        );
        let other = parse(&synthetic(2, 2, &[1], 70));
        assert_eq!(decode(&other, "K7QX2M", &code), Err(PayloadError::OtherModel));
        assert_eq!(decode(&model, "K7QX2M", "hola"), Err(PayloadError::NotAResponse));
        let cut: String = code.chars().take(code.len() - 3).collect();
        assert_eq!(decode(&model, "K7QX2M", &cut), Err(PayloadError::Damaged));
        let bad = format!("{}Z", &code[..code.len() - 1]);
        assert_eq!(decode(&model, "K7QX2M", &bad), Err(PayloadError::Damaged));
    }
}
