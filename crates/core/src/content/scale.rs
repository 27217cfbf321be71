//! Answer scales as data. A model declares its scales; each criterion and condition names one.
//!
//! An option either earns **points** (from 0 to 1, in thousandths, so every comparison is exact
//! integer arithmetic), or is **left out** of the count (like MEGA IP's "No aplica"), or — in a
//! "which statement fits best?" question — places the answer at a **stage**: the question counts
//! as met at that stage and every stage below it, and as not met above it.
//!
//! An option may carry an improvement text (feedback), shown in the results and used by the
//! recommendations when that option is chosen.

use crate::base::ids::{OptionId, ScaleId};
use crate::base::text::Text;

/// Full points, in thousandths.
pub const FULL: u32 = 1000;

#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub id: ScaleId,
    pub options: Vec<ScaleOption>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScaleOption {
    pub id: OptionId,
    pub label: Text,
    pub value: OptionValue,
    pub feedback: Option<Text>,
}

/// What choosing an option means for the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionValue {
    /// Counts, with these points in thousandths (0 to [`FULL`]).
    Points(u32),
    /// Met up to the stage at this position of the model's stages, not above.
    Stage(usize),
    /// Not counted at all (No aplica).
    LeftOut,
}

/// How an answer reads at a glance, for colours and for "early win": the whole of what was
/// asked, part of it, none of it, or not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Full,
    Partial,
    None,
    LeftOut,
}

impl Scale {
    pub fn option(&self, id: &str) -> Option<&ScaleOption> {
        self.options.iter().find(|o| o.id == *id)
    }

    /// Whether the options place answers at stages ("which statement fits best?").
    pub fn is_statements(&self) -> bool {
        self.options.iter().any(|o| matches!(o.value, OptionValue::Stage(_)))
    }

    /// The tone of an option, given the number of stages in the model.
    pub fn tone(&self, option: &ScaleOption, stages: usize) -> Tone {
        match option.value {
            OptionValue::LeftOut => Tone::LeftOut,
            OptionValue::Points(FULL) => Tone::Full,
            OptionValue::Points(0) => Tone::None,
            OptionValue::Points(_) => Tone::Partial,
            OptionValue::Stage(s) if s + 1 >= stages => Tone::Full,
            OptionValue::Stage(s) => {
                let lowest = self
                    .options
                    .iter()
                    .filter_map(|o| match o.value {
                        OptionValue::Stage(x) => Some(x),
                        _ => None,
                    })
                    .min()
                    .unwrap_or(0);
                if s == lowest {
                    Tone::None
                } else {
                    Tone::Partial
                }
            }
        }
    }
}
