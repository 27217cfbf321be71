//! A long response code cut into several QR frames that a phone shows one after another, and the
//! laptop's side that puts them back together in any order.
//!
//! ```text
//! MIPF.2.5.3FA91C.…chunk…
//! │    │ │ │      └ this frame's part of the code
//! │    │ │ └ the first 6 hex digits of the whole code's SHA-256: frames of another code never mix
//! │    │ └ how many frames
//! │    └ this frame's number, from 1
//! └ a frame, format 1
//! ```
//!
//! A code of at most [`SINGLE_QR_CHARS`] characters stays one QR code: a whole MEGA IP response
//! without notes is about 100. Frames are small ([`FRAME_CHARS`]) because a phone held up to a
//! laptop's camera in a room is read far more reliably as a low QR version than a dense one.

use sha2::{Digest, Sha256};

/// Codes up to this length are shown as a single QR code.
pub const SINGLE_QR_CHARS: usize = 300;
/// Characters of the code each frame carries.
pub const FRAME_CHARS: usize = 200;
/// A response longer than this many frames is not a response (notes are capped well below).
pub const MAX_FRAMES: usize = 200;

const MAGIC: &str = "MIPF";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameError {
    /// Looked like a frame but its parts do not add up.
    Damaged,
}

fn check(code: &str) -> String {
    Sha256::digest(code.as_bytes())
        .iter()
        .take(3)
        .map(|b| format!("{b:02X}"))
        .collect()
}

/// What the phone shows: the code itself when it is short, or its frames.
pub fn split(code: &str) -> Vec<String> {
    if code.chars().count() <= SINGLE_QR_CHARS {
        return vec![code.to_owned()];
    }
    let chars: Vec<char> = code.chars().collect();
    let chunks: Vec<String> = chars.chunks(FRAME_CHARS).map(|c| c.iter().collect()).collect();
    let n = chunks.len();
    let sum = check(code);
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| format!("{MAGIC}.{}.{n}.{sum}.{chunk}", i + 1))
        .collect()
}

/// Whether a text read by the camera is a frame (rather than a whole code).
pub fn is_frame(text: &str) -> bool {
    text.starts_with("MIPF.")
}

/// Where the laptop is with the code being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Some frames are in; the rest are still to be seen.
    Partial { have: usize, of: usize },
    /// Every frame is in: the whole code.
    Complete(String),
}

/// Gathers the frames of one code; a frame of another code starts over with that one (the next
/// phone came up).
#[derive(Debug, Clone, Default)]
pub struct Assembler {
    sum: String,
    parts: Vec<Option<String>>,
}

impl Assembler {
    pub fn push(&mut self, text: &str) -> Result<Step, FrameError> {
        let mut fields = text.trim().splitn(5, '.');
        let (Some(MAGIC), Some(i), Some(n), Some(sum), Some(chunk)) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            return Err(FrameError::Damaged);
        };
        let (Ok(i), Ok(n)) = (i.parse::<usize>(), n.parse::<usize>()) else {
            return Err(FrameError::Damaged);
        };
        if n == 0 || n > MAX_FRAMES || i == 0 || i > n || sum.len() != 6 || chunk.is_empty() {
            return Err(FrameError::Damaged);
        }
        if self.sum != sum || self.parts.len() != n {
            self.sum = sum.to_owned();
            self.parts = vec![None; n];
        }
        if let Some(slot) = self.parts.get_mut(i - 1) {
            *slot = Some(chunk.to_owned());
        }
        let have = self.parts.iter().filter(|p| p.is_some()).count();
        if have < n {
            return Ok(Step::Partial { have, of: n });
        }
        let code: String = self.parts.iter().flatten().map(String::as_str).collect();
        let matches = check(&code) == self.sum;
        *self = Self::default();
        if matches {
            Ok(Step::Complete(code))
        } else {
            Err(FrameError::Damaged)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_code() -> String {
        let mut s = "MIP1.K7QX2M.4F9A2C7B.A133045E.*.".to_owned();
        s.push_str(&"2".repeat(68));
        s.push('.');
        s.push_str(
            &(0..30)
                .map(|i| format!("{i}-Falta%20el%20acta"))
                .collect::<Vec<_>>()
                .join("+"),
        );
        s
    }

    #[test]
    fn a_short_code_is_one_qr_and_is_not_a_frame() {
        let code = "MIP1.K7QX2M.4F9A2C7B.A133045E.*.0123";
        assert_eq!(split(code), vec![code.to_owned()]);
        assert!(!is_frame(code));
    }

    #[test]
    fn frames_come_back_together_in_any_order_and_with_repeats() {
        let code = long_code();
        let frames = split(&code);
        assert!(frames.len() > 2, "{} frames", frames.len());
        assert!(frames.iter().all(|f| is_frame(f) && f.len() <= FRAME_CHARS + 20));
        let mut a = Assembler::default();
        let mut order: Vec<&String> = frames.iter().rev().collect();
        order.insert(1, &frames[frames.len() - 1]);
        let mut last = None;
        for f in order {
            last = Some(a.push(f).unwrap());
        }
        assert_eq!(last, Some(Step::Complete(code)));
    }

    #[test]
    fn another_phone_starts_over_and_damage_is_caught() {
        let one = split(&long_code());
        let two = split(&long_code().replace("acta", "ACTA"));
        let mut a = Assembler::default();
        assert_eq!(a.push(&one[0]), Ok(Step::Partial { have: 1, of: one.len() }));
        assert_eq!(a.push(&two[1]), Ok(Step::Partial { have: 1, of: two.len() }));
        for bad in [
            "MIPF.0.3.ABCDEF.x",
            "MIPF.4.3.ABCDEF.x",
            "MIPF.1.3.ABC.x",
            "MIPF.1.x.ABCDEF.x",
            "MIPF.1.3.ABCDEF.",
            "MIPF.1.999.ABCDEF.x",
            "hola",
        ] {
            assert_eq!(a.push(bad), Err(FrameError::Damaged), "{bad}");
        }
        // A frame whose chunk was altered does not match the code's check.
        let mut b = Assembler::default();
        let mut frames = one.clone();
        frames[0] = frames[0].replacen("Falta", "Fa1ta", 1);
        let results: Vec<_> = frames.iter().map(|f| b.push(f)).collect();
        assert_eq!(results.last(), Some(&Err(FrameError::Damaged)));
    }
}
