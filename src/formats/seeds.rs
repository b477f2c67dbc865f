//! What the project ships in `seeds/`, read: the plan, the illustrative commune table, the
//! default path, the preset scenarios and the risk presets. A broken seed is a build defect (tests check each), not
//! user input.

use crate::engine::path::Path;
use crate::engine::risk::RiskSettings;
use crate::engine::{CommuneTable, Model, Plan, Scenario};
use crate::formats::plan::LANG_SON_2022_KEY;

/// The shipped 2026 plan's key.
pub const LANG_SON_2026_KEY: &str = "lang-son-2026";

/// The plan shipped with the project.
pub const LANG_SON_2022: &str = include_str!("../../seeds/lang-son-2022.json");

/// The 2026 plan shipped with the project (model.md §8.5; illustrative, `generate-2026`).
pub const LANG_SON_2026: &str = include_str!("../../seeds/lang-son-2026.json");

/// The 2026 plan's communes: the 61 of 2025 (`seeds/communes-2026.csv`, `generate-2026`).
pub const COMMUNES_2026: &str = include_str!("../../seeds/communes-2026.csv");

/// The 2026 plan's path to the national aim for 2030.
pub const PATH_2026: &str = include_str!("../../seeds/paths/lo-trinh-2026-2030.json");

/// Lạng Sơn's 181 communes of 2022 and the units of 2025 they went into (model.md §8.4).
pub const MERGE_LANG_SON_2025: &str = include_str!("../../seeds/admin/merge-lang-son-2025.csv");

/// The illustrative table shipped with the project (`seeds/communes.csv`).
pub const SHIPPED_COMMUNES: &str = include_str!("../../seeds/communes.csv");

/// The path shipped as the default (2022–2025, the province's own targets for 2025).
pub const DEFAULT_PATH: &str = include_str!("../../seeds/paths/lo-trinh-2022-2025.json");

/// The default risk settings (disbursement as provinces report it), `seeds/risk/`.
pub const DEFAULT_RISK: &str = include_str!("../../seeds/risk/as-provinces-report.json");

/// The shipped presets (`seeds/risk/README.md` says where each figure comes from): key, file.
pub const RISK_PRESETS: [(&str, &str); 3] = [
    ("as-provinces-report", DEFAULT_RISK),
    (
        "as-in-2022",
        include_str!("../../seeds/risk/as-in-2022.json"),
    ),
    (
        "full-disbursement",
        include_str!("../../seeds/risk/full-disbursement.json"),
    ),
];

impl Plan {
    /// Reads and checks a plan seed. The seed is project data, so a problem is reported in
    /// English for the developer who edited it.
    pub fn from_json(text: &str) -> Result<Plan, String> {
        Plan::from_file(text, "plan seed").map_err(|e| e.message(crate::text::Lang::En))
    }

    /// The illustrative 2026 plan shipped in `seeds/` (model.md §8.5).
    pub fn lang_son_2026() -> Plan {
        Plan::from_json(LANG_SON_2026).expect("the shipped 2026 plan is valid")
    }

    /// The Lạng Sơn 2022 plan shipped in `seeds/`.
    pub fn lang_son_2022() -> Plan {
        // The seed is checked by a test; a broken seed is a build defect, not user input.
        Plan::from_json(LANG_SON_2022).expect("the shipped plan seed is valid")
    }
}

impl CommuneTable {
    /// The illustrative table shipped with the project.
    pub fn shipped() -> CommuneTable {
        // Checked by tests; a broken seed is a build defect.
        CommuneTable::from_csv(
            SHIPPED_COMMUNES.as_bytes(),
            &Plan::lang_son_2022(),
            "seeds/communes.csv",
        )
        .expect("the shipped commune table is valid")
    }
}

impl CommuneTable {
    /// The table the project ships with `plan`, where it ships one.
    pub fn shipped_for(plan: &Plan) -> Option<CommuneTable> {
        match plan.key.as_str() {
            LANG_SON_2022_KEY => Some(CommuneTable::shipped()),
            LANG_SON_2026_KEY => Some(
                CommuneTable::from_csv(COMMUNES_2026.as_bytes(), plan, "seeds/communes-2026.csv")
                    .expect("the shipped 2026 table is valid"),
            ),
            _ => None,
        }
    }
}

impl Path {
    /// The shipped default path (2022–2025), with `scenario` every year.
    pub fn default_for(plan: &Plan, scenario: &Scenario) -> Path {
        Path::from_json(DEFAULT_PATH, plan, "seeds/paths")
            .expect("the shipped path seed is valid")
            .with_first_scenario(scenario)
    }

    /// The path the project ships with `plan`, where it ships one.
    pub fn shipped_for(plan: &Plan, scenario: &Scenario) -> Option<Path> {
        match plan.key.as_str() {
            LANG_SON_2022_KEY => Some(Path::default_for(plan, scenario)),
            LANG_SON_2026_KEY => Some(
                Path::from_json(PATH_2026, plan, "seeds/paths")
                    .expect("the shipped 2026 path is valid")
                    .with_first_scenario(scenario),
            ),
            _ => None,
        }
    }
}

impl RiskSettings {
    /// The shipped default (`seeds/risk/as-provinces-report.json`). For another plan, the same
    /// settings with the ranges of the sources it has (a source of another name keeps its
    /// scenario's disbursement).
    pub fn default_for(plan: &Plan) -> RiskSettings {
        let mut seed: serde_json::Value =
            serde_json::from_str(DEFAULT_RISK).expect("the shipped risk seed is JSON");
        seed["plan"] = serde_json::Value::from(plan.key.as_str());
        if let Some(ranges) = seed["disbursement"].as_object_mut() {
            ranges.retain(|source, _| plan.source_index(source).is_some());
        }
        RiskSettings::from_value(&seed, plan, "seeds/risk").expect("the shipped risk seed is valid")
    }
}

impl Model {
    /// The Lạng Sơn plan with the shipped illustrative table.
    pub fn shipped() -> Model {
        Model::new(Plan::lang_son_2022(), CommuneTable::shipped())
    }
}

/// The preset scenarios of `seeds/scenarios/`, built into the program (the page works
/// offline). A test checks this list against `seeds/scenarios/index.json`.
/// (file stem, scenario JSON), in the order of `seeds/scenarios/index.json`.
pub const PRESETS: [(&str, &str); 5] = [
    ("plan", include_str!("../../seeds/scenarios/plan.json")),
    (
        "credit-70",
        include_str!("../../seeds/scenarios/credit-70.json"),
    ),
    (
        "community-plus-50",
        include_str!("../../seeds/scenarios/community-plus-50.json"),
    ),
    (
        "direct-minus-20",
        include_str!("../../seeds/scenarios/direct-minus-20.json"),
    ),
    (
        "border-first",
        include_str!("../../seeds/scenarios/border-first.json"),
    ),
];

/// The presets read as scenarios.
pub fn presets(plan: &Plan) -> Result<Vec<(&'static str, Scenario)>, super::InputError> {
    PRESETS
        .iter()
        .map(|(key, text)| {
            Ok((
                *key,
                Scenario::from_json(text, plan, format!("seeds/scenarios/{key}.json"))?,
            ))
        })
        .collect()
}

const INDEX: &str = include_str!("../../seeds/scenarios/index.json");

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
