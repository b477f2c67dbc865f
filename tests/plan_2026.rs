//! The shipped 2026 plan (model.md §8.5): the ten criteria and three groups of Decision
//! 51/2025, Lạng Sơn's 61 communes of 2025 derived by `generate-2026`, its money and targets
//! by documented rules.

use ntm_planner::engine::{CommuneTable, Model, Plan, Scenario};
use ntm_planner::formats::plan_2026::{aim_2030, derive, target_2026};
use ntm_planner::formats::seeds::{COMMUNES_2026, LANG_SON_2026, PATH_2026};

fn admin(file: &str) -> String {
    std::fs::read_to_string(format!("{}/seeds/admin/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn the_2026_seeds_are_what_generate_2026_writes() {
    let derived = derive(
        &admin("lang-son-2026-template.json"),
        &admin("merge-lang-son-2025.csv"),
        &admin("communes-lang-son-2025.csv"),
    )
    .unwrap();
    let stale = "seeds of 2026 are stale: run cargo run --bin generate-2026";
    assert!(derived.plan == LANG_SON_2026, "{stale}");
    assert!(derived.communes == COMMUNES_2026, "{stale}");
    assert!(derived.path == PATH_2026, "{stale}");
}

#[test]
fn the_2026_plan_holds_the_ten_criteria_and_three_groups_of_decision_51() {
    let plan = Plan::lang_son_2026();
    assert_eq!(plan.criteria.len(), 10);
    assert_eq!(plan.commune_groups.len(), 3);
    // Its indicators are the 2021–2025 criteria, each once.
    let old = Plan::lang_son_2022();
    let mut from: Vec<&str> = plan
        .items
        .iter()
        .flat_map(|i| i.from.as_ref().unwrap().iter().map(String::as_str))
        .collect();
    from.sort_unstable();
    let mut keys: Vec<&str> = old.items.iter().map(|i| i.key.as_str()).collect();
    keys.sort_unstable();
    assert_eq!(from, keys);
    assert!(plan.illustrative_vi.is_some() && plan.illustrative_en.is_some());
    // Every criterion says it is the project's assumption until the office loads its plan.
    assert!(plan.criteria.iter().all(|c| c.assumption.is_some()));
}

#[test]
fn its_communes_are_the_61_of_2025_without_the_wards() {
    let plan = Plan::lang_son_2026();
    let table = CommuneTable::shipped_for(&plan).unwrap();
    assert_eq!(table.communes.len(), 61);
    assert!(!table.has_districts());
    let units = admin("communes-lang-son-2025.csv");
    for c in &table.communes {
        let line = units
            .lines()
            .find(|l| l.starts_with(&format!("{},", c.id)))
            .unwrap();
        assert_eq!(line.split(',').nth(2), Some("xa"), "{line}");
    }
    assert_eq!(plan.communes_total, 61);
}

#[test]
fn its_money_is_lang_sons_share_of_the_programme_by_the_national_mix() {
    let plan = Plan::lang_son_2026();
    let year: f64 = 1_044_000.0 / 5.0 * 61.0 / 2621.0;
    for (key, share) in [
        ("central", 9.6),
        ("local", 28.7),
        ("integrated", 34.5),
        ("credit", 2.2),
        ("enterprise-community", 25.0),
    ] {
        let s = &plan.sources[plan.source_index(key).unwrap()];
        assert_eq!(s.amount, (year * share / 100.0).round(), "{key}");
    }
}

#[test]
fn its_targets_are_a_fifth_of_the_way_to_the_2030_aim() {
    let plan = Plan::lang_son_2026();
    let model = Model::new(plan.clone(), CommuneTable::shipped_for(&plan).unwrap());
    let aim = aim_2030(61);
    assert_eq!(aim, 40);
    assert_eq!(plan.targets.certified_baseline, model.certified_baseline());
    assert_eq!(
        plan.targets.certified,
        target_2026(model.certified_baseline(), aim)
    );
    for (k, c) in plan.criteria.iter().enumerate() {
        assert_eq!(c.baseline, model.criterion_baseline(k), "{}", c.key);
        assert_eq!(c.target, target_2026(c.baseline, aim), "{}", c.key);
    }
    assert_eq!(target_2026(11, 40), 17);
    assert_eq!(target_2026(55, 40), 55);
    // The shipped path aims at 2030's 40.
    let path = ntm_planner::engine::path::Path::shipped_for(&plan, &Scenario::plan()).unwrap();
    assert_eq!(path.year_list(), [2026, 2027, 2028, 2029, 2030]);
    assert_eq!(path.targets[0].target, 40.0);
}

#[test]
fn ntm_runs_the_2026_plan_on_its_own_communes() {
    let plan = format!("{}/seeds/lang-son-2026.json", env!("CARGO_MANIFEST_DIR"));
    for command in ["run", "path"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ntm"))
            .args([command, "--plan", &plan])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
