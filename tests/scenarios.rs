//! Scenario checks as data: every `seeds/scenarios/NAME.json` is run through the engine and
//! its results compared with `NAME.expected.json` beside it. A change to the engine or the
//! seeds shows up as a changed expectation, to be reviewed: rewrite them with
//! `UPDATE_EXPECTED=1 cargo test --test scenarios` and read the diff.

use ntm_planner::engine::{Model, Scenario};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn scenario_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".expected.json") && name != "index.json"
        })
        .collect();
    files.sort();
    files
}

/// Equal, with numbers equal to a billionth of their size.
fn same(expected: &Value, actual: &Value, path: &str, diffs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            if (a - b).abs() > 1e-9 * (1.0 + a.abs()) {
                diffs.push(format!("{path}: expected {a}, got {b}"));
            }
        }
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => same(x, y, &format!("{path}.{key}"), diffs),
                    (x, _) => diffs.push(format!(
                        "{path}.{key}: {}",
                        if x.is_some() { "missing" } else { "unexpected" }
                    )),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                same(x, y, &format!("{path}[{i}]"), diffs);
            }
        }
        (a, b) if a == b => {}
        (a, b) => diffs.push(format!("{path}: expected {a}, got {b}")),
    }
}

#[test]
fn every_preset_scenario_gives_its_expected_results() {
    let model = Model::shipped();
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    // In CI the expectations are checked, never rewritten.
    assert!(
        !(update && std::env::var_os("CI").is_some()),
        "UPDATE_EXPECTED is set in CI: the expected results would be rewritten instead of checked"
    );
    let files = scenario_files();
    assert!(files.len() >= 5, "the five presets are there");
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(file).unwrap();
        let scenario =
            Scenario::from_json(&text, &model.plan, &name).unwrap_or_else(|e| panic!("{}", e));
        // The file reads back to the same text: presets are kept in canonical form.
        assert_eq!(
            scenario.to_json(&model.plan),
            text,
            "{name} is not in canonical form"
        );
        let actual = model.run(&scenario).to_json();
        let expected_path = file.with_extension("expected.json");
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no expected results beside it", name));
        let mut diffs = Vec::new();
        same(
            &serde_json::from_str(&expected).unwrap(),
            &serde_json::from_str(&actual).unwrap(),
            &name,
            &mut diffs,
        );
        if !diffs.is_empty() {
            failures.push(diffs.into_iter().take(10).collect::<Vec<_>>().join("\n"));
        }
    }
    assert!(
        failures.is_empty(),
        "results changed:\n{}",
        failures.join("\n\n")
    );
}

#[test]
fn the_preset_index_lists_every_preset() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/scenarios");
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    let listed: Vec<String> = index["presets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| format!("{}.json", v.as_str().unwrap()))
        .collect();
    let mut on_disk: Vec<String> = scenario_files()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    let mut listed_sorted = listed.clone();
    listed_sorted.sort();
    on_disk.sort();
    assert_eq!(listed_sorted, on_disk);
}

#[test]
fn the_built_in_presets_are_the_files_of_the_index() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/scenarios");
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    let listed: Vec<&str> = index["presets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let built_in: Vec<&str> = ntm_planner::formats::seeds::PRESETS
        .iter()
        .map(|(k, _)| *k)
        .collect();
    assert_eq!(listed, built_in);
    let plan = ntm_planner::engine::Plan::lang_son_2022();
    let presets = ntm_planner::formats::seeds::presets(&plan).unwrap();
    assert_eq!(presets.len(), 5);
    for (key, scenario) in &presets {
        let en = ntm_planner::formats::seeds::preset_name(
            key,
            scenario,
            &plan,
            ntm_planner::text::Lang::En,
        );
        let vi = ntm_planner::formats::seeds::preset_name(
            key,
            scenario,
            &plan,
            ntm_planner::text::Lang::Vi,
        );
        assert_ne!(en, vi, "{key} has an English name");
    }
}

/// The presets' money, derived from the plan's own figures without the engine: every preset
/// invests what the plan invests (model.md §6), and in the plan every billion that arrives is
/// spent and none is short, so what arrives more or less than the plan's 4,770 is exactly what
/// sits idle or is short (community +50%: 270 × 0.5 = 135 idle; direct −20%: 640 × 0.2 = 128
/// short; credit at 70%: 3,200 × 0.3 = 960 short; border first: the same money, nothing).
#[test]
fn each_presets_idle_and_short_money_is_what_arrives_beyond_or_below_the_plan() {
    use ntm_planner::engine::{Plan, Scenario};
    let plan = Plan::lang_son_2022();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/scenarios");
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
    };
    let plan_results = read("plan.expected.json");
    assert_eq!(plan_results["funding"]["idle"], 0.0);
    assert_eq!(plan_results["funding"]["shortfall"], 0.0);
    let plan_money: f64 = plan.sources.iter().map(|s| s.amount).sum();
    let mut seen = 0;
    for (file, expected_gap) in [
        ("community-plus-50", -135.0),
        ("direct-minus-20", 128.0),
        ("credit-70", 960.0),
        ("border-first", 0.0),
    ] {
        let text = std::fs::read_to_string(dir.join(format!("{file}.json"))).unwrap();
        let s = Scenario::from_json(&text, &plan, file).unwrap();
        assert!(s.investment.is_empty(), "{file} invests as the plan");
        let arrived: f64 = plan
            .sources
            .iter()
            .enumerate()
            .map(|(i, src)| s.funding[i].unwrap_or(src.amount) * s.disbursement[i].unwrap_or(1.0))
            .sum();
        let gap = plan_money - arrived;
        assert!((gap - expected_gap).abs() < 1e-9, "{file}: {gap}");
        let results = read(&format!("{file}.expected.json"));
        let short = results["funding"]["shortfall"].as_f64().unwrap();
        let idle = results["funding"]["idle"].as_f64().unwrap();
        assert!(
            (short - idle - gap).abs() < 1e-6,
            "{file}: {short} short, {idle} idle"
        );
        // More money than the plan's, the plan's order: every commune the plan pays is paid.
        if gap <= 0.0 && s.strategy.is_none() {
            assert_eq!(results["certified"], plan_results["certified"], "{file}");
        }
        seen += 1;
    }
    assert_eq!(seen, 4);
}
