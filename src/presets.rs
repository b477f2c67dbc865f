//! The preset scenarios of `seeds/scenarios/`, built into the program (the page works offline).
//! A test checks this list against `seeds/scenarios/index.json`.

use crate::formats::InputError;

use crate::engine::{Plan, Scenario};

/// (file stem, scenario JSON), in the order of `seeds/scenarios/index.json`.
pub const PRESETS: [(&str, &str); 5] = [
    ("plan", include_str!("../seeds/scenarios/plan.json")),
    (
        "credit-70",
        include_str!("../seeds/scenarios/credit-70.json"),
    ),
    (
        "community-plus-50",
        include_str!("../seeds/scenarios/community-plus-50.json"),
    ),
    (
        "direct-minus-20",
        include_str!("../seeds/scenarios/direct-minus-20.json"),
    ),
    (
        "border-first",
        include_str!("../seeds/scenarios/border-first.json"),
    ),
];

/// The presets read as scenarios.
pub fn presets(plan: &Plan) -> Result<Vec<(&'static str, Scenario)>, InputError> {
    PRESETS
        .iter()
        .map(|(key, text)| {
            Ok((
                *key,
                Scenario::from_json(text, plan, &format!("seeds/scenarios/{key}.json"))?,
            ))
        })
        .collect()
}

const INDEX: &str = include_str!("../seeds/scenarios/index.json");

/// A preset's name in the reader's language: the file's own name in Vietnamese, the index's
/// English one in English.
pub fn preset_name(key: &str, scenario: &Scenario, plan: &Plan, lang: crate::text::Lang) -> String {
    let english = || -> Option<String> {
        let index: serde_json::Value = serde_json::from_str(INDEX).ok()?;
        Some(index.get("names_en")?.get(key)?.as_str()?.to_string())
    };
    match lang {
        crate::text::Lang::En => {
            english().unwrap_or_else(|| scenario.display_name(plan).to_string())
        }
        crate::text::Lang::Vi => scenario.display_name(plan).to_string(),
    }
}
