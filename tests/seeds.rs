//! The seeds: the plan's figures, the illustrative table's calibration (model.md §3, §6) and
//! its reproduction byte for byte by the generator.

/// The seed generator and the country-sized fixture: the generator binary's own module, not
/// part of the shipped library.
#[allow(dead_code)]
#[path = "../src/bin/generate_communes/generate.rs"]
mod generate;

use generate::{generate, verify, Settings};
use ntm_planner::engine::{Model, Plan, Scenario};
use ntm_planner::formats::seeds::SHIPPED_COMMUNES;
/// The 2022 plan's criteria (each its own single item).
const CRITERIA: usize = 19;

fn settings() -> Settings {
    let text = std::fs::read_to_string(format!(
        "{}/seeds/generator.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_generator_reproduces_the_shipped_table_byte_for_byte() {
    let admin = std::fs::read_to_string(format!(
        "{}/seeds/admin/communes-lang-son.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let csv = generate(&Plan::lang_son_2022(), &admin, &settings()).unwrap();
    assert!(
        csv == SHIPPED_COMMUNES,
        "seeds/communes.csv differs from what the generator writes"
    );
}

#[test]
fn the_shipped_table_meets_its_calibration() {
    verify(&Plan::lang_son_2022(), SHIPPED_COMMUNES, &settings()).unwrap();
}

#[test]
fn the_shipped_table_has_the_real_communes_and_the_known_facts() {
    let model = Model::shipped();
    let table = &model.table;
    assert_eq!(table.communes.len(), 181);
    let admin = std::fs::read_to_string(format!(
        "{}/seeds/admin/communes-lang-son.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    for (line, c) in admin.lines().skip(1).zip(&table.communes) {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!((cells[0], cells[1]), (c.id.as_str(), c.name.as_str()));
        assert!(cells[3].ends_with(&table.districts[c.district]));
    }
    let priority: Vec<&str> = table
        .communes
        .iter()
        .filter(|c| c.priority)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(priority.len(), 10);
    assert!(priority.contains(&"Đề Thám") && priority.contains(&"Vân Nham"));
    let border: Vec<_> = table.communes.iter().filter(|c| c.border).collect();
    assert_eq!(border.len(), 20);
    let border_districts = ["Tràng Định", "Văn Lãng", "Cao Lộc", "Lộc Bình", "Đình Lập"];
    assert!(border
        .iter()
        .all(|c| border_districts.contains(&table.districts[c.district].as_str())));
    assert_eq!(
        border.iter().filter(|c| c.meets.count_ones() == 19).count(),
        9
    );
    assert_eq!(
        border.iter().map(|c| c.meets.count_ones()).sum::<u32>(),
        277
    ); // 13.85 × 20
    let weakest = table
        .communes
        .iter()
        .map(|c| c.meets.count_ones())
        .min()
        .unwrap();
    // README: the weakest at 7 criteria.
    assert_eq!(weakest, 7, "weakest commune meets {weakest}");
    // Costs vary commune by commune around the unit costs.
    for k in 0..CRITERIA {
        let costs: Vec<f64> = (0..table.communes.len())
            .filter(|&i| !table.communes[i].meets(k))
            .map(|i| model.cost(i, k))
            .collect();
        if costs.len() < 5 {
            continue;
        }
        let unit = model.plan.items[k].unit_cost;
        let mean = costs.iter().sum::<f64>() / costs.len() as f64;
        assert!(
            mean > 0.7 * unit && mean < 1.5 * unit,
            "criterion {k}: mean {mean} vs unit {unit}"
        );
        assert!(
            costs.iter().any(|&c| (c - costs[0]).abs() > 1e-9),
            "criterion {k}: costs vary"
        );
    }
}

#[test]
fn the_plan_scenario_gives_exactly_the_plans_targets() {
    let model = Model::shipped();
    let o = model.run(&Scenario::plan());
    assert_eq!(o.certified, 85);
    assert_eq!(o.avg_criteria, 2648.0 / 181.0);
    assert_eq!(format!("{:.2}", o.avg_criteria), "14.63");
    for (c, plan_c) in o.criteria.iter().zip(&model.plan.criteria) {
        assert_eq!(c.met, plan_c.target, "{}", c.key);
        assert_eq!(c.baseline, plan_c.baseline, "{}", c.key);
        assert_eq!(c.shortfall, 0.0, "{}", c.key);
    }
    assert_eq!(o.funding.idle, 0.0);
    assert_eq!(o.funding.shortfall, 0.0);
    let invested: f64 = model.default_investment().iter().sum();
    assert!((invested - 4770.0).abs() < 1e-9, "{invested}");
    assert!(o
        .funding
        .sources
        .iter()
        .all(|s| s.idle == 0.0 && s.arrived == s.pledged));
}

/// The plan seed changed by `edit`, as text.
fn plan_seed_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut seed: serde_json::Value =
        serde_json::from_str(ntm_planner::formats::seeds::LANG_SON_2022).unwrap();
    edit(&mut seed);
    seed.to_string()
}

#[test]
fn a_plan_seed_broken_in_any_way_is_refused_with_what_is_wrong() {
    use serde_json::json;
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "no criteria",
            Box::new(|p| p["criteria"] = json!([])),
            "the plan has no criteria",
        ),
        (
            "a source missing that an eligibility list names",
            Box::new(|p| {
                p["sources"].as_array_mut().unwrap().pop();
            }),
            "default_eligibility.community: there is no such source",
        ),
        (
            "an id given twice",
            Box::new(|p| p["criteria"][3]["id"] = json!(5)),
            "the id \"5\" is given twice: criteria.electricity and criteria.schools",
        ),
        (
            "a key given twice",
            Box::new(|p| p["criteria"][2]["key"] = json!("transport")),
            "the key \"transport\" is given twice",
        ),
        (
            "an unknown group",
            Box::new(|p| p["criteria"][2]["group"] = json!("roads")),
            "criteria.irrigation.group: the group \"roads\" is not one of the plan's",
        ),
        (
            "a negative unit cost",
            Box::new(|p| p["criteria"][1]["unit_cost"] = json!(-0.5)),
            "criteria.transport.unit_cost: -0.5 is not a number of 0 or more",
        ),
        (
            "a baseline above the communes",
            Box::new(|p| p["criteria"][1]["baseline"] = json!(182)),
            "criteria.transport.baseline: 182 is more than the plan's communes (181)",
        ),
        (
            "a target above the communes",
            Box::new(|p| p["criteria"][1]["target"] = json!(182)),
            "criteria.transport.target: 182 is more than the plan's communes (181)",
        ),
        (
            "eligibility for an unknown source",
            Box::new(|p| p["default_eligibility"]["loans"] = json!(["planning"])),
            "default_eligibility.loans: there is no such source",
        ),
        (
            "eligibility for an unknown criterion",
            Box::new(|p| p["default_eligibility"]["credit"] = json!(["income", "roads"])),
            "default_eligibility.credit: \"roads\" is no criterion or item of the plan",
        ),
        (
            "a criterion with no cost",
            Box::new(|p| {
                p["criteria"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("unit_cost");
            }),
            "criteria.transport: neither \"unit_cost\"",
        ),
        (
            "a plan without its key",
            Box::new(|p| {
                p.as_object_mut().unwrap().remove("key");
            }),
            "the field \"key\" is missing",
        ),
    ];
    for (what, edit, reason) in cases {
        let err = Plan::from_json(&plan_seed_with(edit)).expect_err(what);
        assert!(err.contains(reason), "{what}: {err}");
    }
    // At the edges: a free criterion, and counts equal to the communes, are fine.
    let edge = plan_seed_with(|p| {
        p["criteria"][1]["unit_cost"] = json!(0.0);
        p["criteria"][1]["baseline"] = json!(181);
        p["criteria"][1]["target"] = json!(181);
    });
    let plan = Plan::from_json(&edge).unwrap();
    assert_eq!(plan.criteria[1].target, 181);
}

#[test]
fn the_plans_eligibility_masks_name_the_criteria_each_source_may_pay_for() {
    let plan = Plan::lang_son_2022();
    let masks = plan.default_eligibility_masks();
    let named = |s: usize| -> Vec<&str> {
        (0..CRITERIA)
            .filter(|k| masks[s] & (1 << k) != 0)
            .map(|k| plan.criteria[k].key.as_str())
            .collect()
    };
    assert_eq!(masks[0], (1 << CRITERIA) - 1);
    assert_eq!(
        named(2),
        [
            "electricity",
            "commerce",
            "ict",
            "income",
            "production",
            "environment"
        ]
    );
    assert_eq!(plan.criterion_index("security"), Some(18));
    assert_eq!(plan.criterion_index("roads"), None);
    assert_eq!(plan.source_index("community"), Some(4));
    assert_eq!(plan.funding(), [640.0, 580.0, 80.0, 3200.0, 270.0]);
}
