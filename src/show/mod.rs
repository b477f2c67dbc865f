//! What each surface shows: the results in the planner's words, worded once. The headline
//! cards with their verdicts and target words, the criteria, district and path rows. The page,
//! the printed report, the presentation and `ntm run --format table` print from here, so that
//! no surface words a figure its own way (or forgets that an average of nothing is a dash).
//!
//! Native Rust over `engine` and `text`: no Leptos, no web; tested in `tests/show.rs`.

pub mod fields;
pub mod first_screen;
pub mod goals;
pub mod headline;
pub mod map;
pub mod path;
pub mod risk;
pub mod rows;

pub use headline::{Card, CardKind, Headline};
pub use rows::{
    criteria_rows, criterion_label, district_rows, path_rows, CriterionRow, DistrictRow, PathRow,
};

use crate::text::number::number;
use crate::text::Lang;

/// How a figure stands against what it is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// At or above its target (or, for money, nothing wrong).
    Reached,
    /// Below its target (or money short or idle).
    Short,
    /// Nothing to hold it against (no border commune; money that is 0).
    Neither,
}

/// What stands where a figure cannot exist (the average of no commune).
pub const DASH: &str = "—";

/// An average that may not exist, with two decimals, or the dash.
pub fn average(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| DASH.to_string(), |x| number(x, 2, lang))
}

/// A difference with its sign (+3, −2, 0).
pub fn signed(x: f64, decimals: usize, lang: Lang) -> String {
    if x > 0.0 {
        format!("+{}", number(x, decimals, lang))
    } else {
        number(x, decimals, lang)
    }
}
