//! The year's results as model.md §5.4's JSON.

use crate::engine::Outcome;

impl Outcome {
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
