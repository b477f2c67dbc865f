//! Any criteria set (model.md §8): a plan of criteria holding items, commune groups and its own
//! sources, worked by hand; plan files and tables refused with what is wrong; a plan whose
//! criteria are one item each gives §5's results exactly.

mod common;

use ntm_planner::engine::{CommuneTable, Model, Plan, Scenario, Strategy};
use ntm_planner::formats::error::InputError;
use ntm_planner::text::Lang;
use proptest::prelude::*;

const PLAN: &str = include_str!("fixtures/plans/tinh-x-2027.json");
const COMMUNES: &str = include_str!("fixtures/plans/tinh-x-2027-communes.csv");

fn plan() -> Plan {
    Plan::from_file(PLAN, "tinh-x-2027.json").unwrap()
}

fn model() -> Model {
    let plan = plan();
    let table = CommuneTable::from_csv(COMMUNES.as_bytes(), &plan, "communes.csv").unwrap();
    Model::new(plan, table)
}

fn item(m: &Model, key: &str) -> usize {
    m.plan.item_index(key).unwrap()
}

#[test]
fn the_plans_items_are_its_criteria_own_or_held() {
    let p = plan();
    let keys: Vec<&str> = p.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["planning", "roads", "markets"]);
    let ids: Vec<&str> = p.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["1", "2.1", "2.2"]);
    assert_eq!(p.criterion_items(1), 0b110);
    // A criterion key in an eligibility list stands for all its items.
    assert_eq!(p.default_eligibility_masks(), [0b011, 0b110]);
}

#[test]
fn a_groups_own_unit_cost_and_the_border_multiplier_make_the_default_costs() {
    let m = model();
    let (roads, markets, planning) = (item(&m, "roads"), item(&m, "markets"), item(&m, "planning"));
    // B is in group 3: its own unit cost, 30, not 40.
    assert_eq!(m.cost(1, roads), 30.0);
    // C is in group 2 and on the border: 40 × 1.3; its own cell for markets, 5.
    assert!((m.cost(2, roads) - 52.0).abs() < 1e-12);
    assert_eq!(m.cost(2, markets), 5.0);
    assert!((m.cost(2, planning) - 0.65).abs() < 1e-12);
    // Markets do not apply to group 3: B and D are never its candidates.
    assert_eq!(m.serving_order(Strategy::ClosestFirst, markets), [0, 2]);
}

#[test]
fn the_plan_year_worked_by_hand() {
    let m = model();
    // Default investment (§6, per item): planning 0.65 (C), roads 30 (B, closest first: one
    // item missing against C's three), markets 6 (A, one item missing against C's three,
    // though C's 5 is cheaper).
    let levers = m.levers(&Scenario::plan());
    assert!((levers.investment[0] - 0.65).abs() < 1e-12);
    assert_eq!(&levers.investment[1..], [30.0, 6.0]);
    let o = m.run(&Scenario::plan());
    // At the start: A meets planning and roads (not markets), B planning (roads missing,
    // markets not assessed), C nothing, D everything assessed: D alone certified.
    assert_eq!(o.certified_baseline, 1);
    // Central pays planning and roads; community, eligible by the criterion key, markets.
    let central = &o.funding.sources[0];
    assert_eq!(
        central
            .to
            .iter()
            .map(|(k, _)| k.as_str())
            .collect::<Vec<_>>(),
        ["planning", "roads"]
    );
    assert_eq!(o.funding.sources[1].to, [("markets".to_string(), 6.0)]);
    assert!((o.funding.sources[1].idle - 4.0).abs() < 1e-12);
    assert_eq!(o.funding.shortfall, 0.0);
    // A gains markets, B roads, C planning: A and B certified, C meets one criterion.
    assert_eq!(o.certified, 3);
    assert_eq!(o.newly_certified, ["A", "B"]);
    assert_eq!(o.avg_criteria, 7.0 / 4.0);
    assert_eq!(o.histogram, [0, 1, 3]);
    assert_eq!(o.min_criteria, 1);
    let infra = &o.criteria[1];
    assert_eq!((infra.baseline, infra.met, infra.target), (1, 3, 3));
    assert!((infra.investment - 36.0).abs() < 1e-12);
    let items: Vec<(&str, u32, u32)> = infra
        .items
        .iter()
        .map(|i| (i.key.as_str(), i.baseline, i.met))
        .collect();
    // Markets count only the communes of groups 1 and 2 (A and C).
    assert_eq!(items, [("roads", 2, 3), ("markets", 0, 1)]);
    assert!(
        o.criteria[0].items.is_empty(),
        "a criterion that is its own item lists none"
    );
    let json: serde_json::Value = serde_json::from_str(&o.to_json()).unwrap();
    assert_eq!(json["bands"], serde_json::json!({"2": 3, "1": 1, "0": 0}));
    assert_eq!(json["criteria"][1]["items"][1]["key"], "markets");
    assert!(json["criteria"][0].get("items").is_none());
}

#[test]
fn cheapest_first_serves_the_cheaper_commune_closest_first_the_one_missing_fewer_items() {
    let m = model();
    let markets = item(&m, "markets");
    assert_eq!(m.serving_order(Strategy::CheapestFirst, markets), [2, 0]);
    assert_eq!(m.serving_order(Strategy::ClosestFirst, markets), [0, 2]);
    // Equity first: the border commune C first.
    assert_eq!(m.serving_order(Strategy::EquityFirst, markets), [2, 0]);
}

#[test]
fn a_table_is_written_back_as_read_with_empty_cells_where_an_item_does_not_apply() {
    let m = model();
    let table = CommuneTable::from_csv(COMMUNES.as_bytes(), &m.plan, "communes.csv").unwrap();
    assert_eq!(table.to_csv(&m.plan), COMMUNES);
}

fn message(e: &InputError) -> (String, String) {
    (e.message(Lang::Vi), e.message(Lang::En))
}

#[test]
fn a_broken_plan_file_is_refused_naming_the_field_in_both_languages() {
    let cases: [(&str, &str, &str, &str); 9] = [
        (
            "\"year\": 2027",
            "\"year\": 2027, \"colour\": \"green\"",
            "the field \"colour\" is not one a plan file has (line 2)",
            "trường \"colour\" không có trong mẫu kế hoạch",
        ),
        (
            "\"year\": 2027",
            "\"year\": \"2027\"",
            "line 2, column",
            "giá trị không đúng kiểu",
        ),
        (
            "\"key\": \"markets\", \"name_vi\": \"Chợ\"",
            "\"key\": \"roads\", \"name_vi\": \"Chợ\"",
            "the key \"roads\" is given twice: criteria.infrastructure.indicators.roads and criteria.infrastructure.indicators.roads",
            "khóa \"roads\" ghi hai lần",
        ),
        (
            "\"community\": [\"infrastructure\"]",
            "\"community\": [\"bridges\"]",
            "default_eligibility.community: \"bridges\" is no criterion or item of the plan",
            "default_eligibility.community: \"bridges\" không phải tiêu chí hay chỉ tiêu nào",
        ),
        (
            "\"unit_cost\": 6, ",
            "",
            "the field \"unit_cost\" is missing",
            "thiếu trường \"unit_cost\"",
        ),
        (
            "\"applies_to\": [\"1\", \"2\"]",
            "\"applies_to\": [\"1\", \"4\"]",
            "criteria.infrastructure.indicators.markets.applies_to: the group \"4\" is not one of the plan's",
            "nhóm \"4\" không có trong kế hoạch",
        ),
        (
            "\"target\": 4, \"unit_cost\": 0.5",
            "\"target\": 4",
            "criteria.planning: neither \"unit_cost\"",
            "criteria.planning: thiếu \"unit_cost\"",
        ),
        (
            "\"unit_cost_by_group\": {\"3\": 30}",
            "\"unit_cost_by_group\": {\"3\": -30}",
            "criteria.infrastructure.indicators.roads.unit_cost_by_group.3: -30 is not a number of 0 or more",
            "-30 không phải số không âm",
        ),
        (
            "\"key\": \"tinh-x-2027\"",
            "\"key\": \"Tỉnh X\"",
            "the field \"key\" (the plan's name) \"Tỉnh X\" may hold only",
            "chỉ được gồm chữ thường",
        ),
    ];
    for (from, to, en, vi) in cases {
        assert!(PLAN.contains(from), "{from}");
        let broken = PLAN.replacen(from, to, 1);
        let err = Plan::from_file(&broken, "plan.json").expect_err(to);
        let (said_vi, said_en) = message(&err);
        assert!(said_en.starts_with("plan.json: "), "{said_en}");
        assert!(said_en.contains(en), "{said_en}");
        assert!(said_vi.contains(vi), "{said_vi}");
    }
    // The JSON reader's own words are English: for English readers only.
    let err = Plan::from_file(
        &PLAN.replacen("\"year\": 2027", "\"year\": \"2027\"", 1),
        "p",
    )
    .expect_err("a year in quotes");
    let (said_vi, said_en) = message(&err);
    assert!(said_en.contains("invalid type"), "{said_en}");
    assert!(!said_vi.contains("invalid type"), "{said_vi}");
}

#[test]
fn a_table_that_does_not_fit_its_plan_is_refused_naming_the_column_or_cell() {
    let p = plan();
    let cases = [
        // A commune's group the plan lacks.
        (
            COMMUNES.replacen("B,Xã B,3", "B,Xã B,4", 1),
            "the commune group \"4\" is not one of the plan's",
        ),
        // An item column of an id the plan lacks.
        (
            COMMUNES.replacen("cost2.2", "cost2.3", 1),
            "the column \"cost2.3\" is no item of the plan tinh-x-2027",
        ),
        // An item column mistyped, its id cut short.
        (
            COMMUNES.replacen("cost2.2", "cost.2", 1),
            "the column \"cost.2\" is no item of the plan tinh-x-2027",
        ),
        // A column the table lacks.
        (COMMUNES.replacen(",tc2.2", ",note", 1), "tc2.2"),
    ];
    for (csv, wanted) in cases {
        let err = CommuneTable::from_csv(csv.as_bytes(), &p, "communes.csv").unwrap_err();
        let said = err.message(Lang::En);
        assert!(said.contains(wanted), "{said}");
        assert!(!err.message(Lang::Vi).is_empty());
    }
    // Groups given for a plan without any.
    let with_group = common::csv(&[common::row("01", &[], 0.0)])
        .replacen("id,", "group,id,", 1)
        .replace("\n01,", "\n1,01,");
    let err =
        CommuneTable::from_csv(with_group.as_bytes(), &Plan::lang_son_2022(), "t.csv").unwrap_err();
    assert!(
        err.message(Lang::En)
            .contains("the plan lang-son-2022 has none"),
        "{}",
        err.message(Lang::En)
    );
}

#[test]
fn a_scenario_path_or_risk_file_of_another_plan_is_refused_naming_both() {
    let other = plan();
    let shipped = ntm_planner::formats::seeds::PRESETS[1].1;
    let err = Scenario::from_json(shipped, &other, "credit-70.json").unwrap_err();
    let en = err.message(Lang::En);
    assert!(
        en.contains("lang-son-2022") && en.contains("tinh-x-2027"),
        "{en}"
    );
    let vi = err.message(Lang::Vi);
    assert!(
        vi.contains("lang-son-2022") && vi.contains("tinh-x-2027"),
        "{vi}"
    );
    // Written for its plan, read back by it.
    let mut s = Scenario::plan();
    s.investment[1] = Some(12.0);
    let text = s.to_json(&other);
    assert!(text.contains("\"plan\": \"tinh-x-2027\""), "{text}");
    assert_eq!(Scenario::from_json(&text, &other, "s.json").unwrap(), s);
    assert!(Scenario::from_json(&text, &Plan::lang_son_2022(), "s.json").is_err());
    let risk = ntm_planner::engine::risk::RiskSettings::default_for(&other);
    assert!(
        risk.disbursement.iter().all(Option::is_none),
        "no source of the same name"
    );
    let path_text = ntm_planner::formats::seeds::DEFAULT_PATH;
    assert!(ntm_planner::engine::path::Path::from_json(path_text, &other, "p.json").is_err());
}

#[test]
fn a_link_carries_its_plan_and_the_2022_plan_writes_none() {
    use ntm_planner::formats::link::{decode, encode};
    let other = plan();
    let mut s = Scenario::plan();
    s.funding[0] = Some(250.0);
    let link = encode(&s, &other);
    assert!(link.contains("plan=tinh-x-2027"), "{link}");
    assert_eq!(decode(&link, &other).unwrap(), s);
    assert!(decode(&link, &Plan::lang_son_2022()).is_err());
    assert!(!encode(&s, &Plan::lang_son_2022()).contains("plan="));
}

/// The 2022 plan with every criterion holding one indicator of its own figures.
fn as_indicators(plan: &Plan) -> Plan {
    let mut value: serde_json::Value = serde_json::to_value(plan).unwrap();
    for c in value["criteria"].as_array_mut().unwrap() {
        let unit_cost = c["unit_cost"].take();
        let indicator = serde_json::json!({
            "id": format!("{}.1", c["id"]),
            "key": format!("{}-only", c["key"].as_str().unwrap()),
            "name_vi": c["name_vi"], "name_en": c["name_en"],
            "unit_cost": unit_cost, "target": c["target"], "baseline": c["baseline"],
        });
        c["indicators"] = serde_json::json!([indicator]);
    }
    let mut plan: Plan = serde_json::from_value(value).unwrap();
    plan.prepare().unwrap();
    plan
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A criterion holding one indicator is the criterion as its own item (§8 is §5's
    /// generalisation): the same year, item by item.
    #[test]
    fn a_plan_of_one_item_criteria_gives_the_results_of_section_5(
        rows in proptest::collection::vec(
            (any::<u32>(), any::<bool>(), any::<bool>(), 0.5..40.0f64), 2..30),
        strategy in prop_oneof![
            Just(Strategy::ClosestFirst), Just(Strategy::CheapestFirst), Just(Strategy::EquityFirst)],
        scale in 0.0..2.0f64,
    ) {
        let rows: Vec<common::Row> = rows
            .iter()
            .enumerate()
            .map(|(i, &(meets, border, priority, cost))| {
                let mut r = common::row(&format!("x{i}"), &[], cost);
                r.meets = u128::from(meets | meets.rotate_left(5)) & common::ALL;
                r.border = border;
                r.priority = priority;
                r.cost = std::array::from_fn(|k| (r.meets & (1 << k) == 0).then_some(cost + k as f64));
                r
            })
            .collect();
        let single = common::model(&rows);
        let held = Model::new(as_indicators(&single.plan), single.table.clone());
        let mut scenario = Scenario { strategy: Some(strategy), ..Scenario::plan() };
        for (k, &x) in single.default_investment().iter().enumerate() {
            scenario.investment[k] = Some(x * scale);
        }
        let (a, b) = (single.run(&scenario), held.run(&scenario));
        prop_assert_eq!(a.certified, b.certified);
        prop_assert_eq!(a.avg_criteria, b.avg_criteria);
        prop_assert_eq!(&a.histogram, &b.histogram);
        prop_assert_eq!(&a.meets, &b.meets);
        prop_assert_eq!(&a.border, &b.border);
        prop_assert_eq!(a.funding.shortfall, b.funding.shortfall);
        for (x, y) in a.criteria.iter().zip(&b.criteria) {
            prop_assert_eq!((x.baseline, x.met, x.target), (y.baseline, y.met, y.target));
            prop_assert_eq!((x.investment, x.covered, x.unused), (y.investment, y.covered, y.unused));
        }
        prop_assert_eq!(single.default_investment(), held.default_investment());
    }
}

#[test]
fn seek_completes_communes_for_a_criterion_holding_indicators_and_pays_a_prefix_for_an_item() {
    use ntm_planner::engine::goals::{seek, Goal};
    use ntm_planner::engine::path::Measure;
    let m = model();
    // Infrastructure, met by D alone at the start, in 3 communes: completing A costs its
    // markets (6), B its roads (30), C both (52 + 5): A and B.
    let a = seek(
        &m,
        &Scenario::plan(),
        Goal::Target(Measure::Criterion(1), 3.0),
    );
    assert!(a.reached && !a.exact);
    assert_eq!(a.paid, [0, 1, 1]);
    assert_eq!(a.total_investment, 36.0);
    assert_eq!(a.outcome.criteria[1].met, 3);
    // Roads in every commune: B and C, by the prefix of its order.
    let roads = m.plan.item_index("roads").unwrap();
    assert_eq!(
        Measure::from_key("roads", &m.plan),
        Some(Measure::Item(roads))
    );
    let a = seek(
        &m,
        &Scenario::plan(),
        Goal::Target(Measure::Item(roads), 4.0),
    );
    assert!(a.reached && a.exact);
    assert_eq!(a.paid, [0, 2, 0]);
    assert!((a.total_investment - 82.0).abs() < 1e-9);
    // The average, 7 criteria between the four: the greedy over communes.
    let a = seek(
        &m,
        &Scenario::plan(),
        Goal::Target(Measure::AvgCriteria, 1.75),
    );
    assert!(a.reached && !a.exact);
    assert!(a.outcome.avg_criteria >= 1.75);
    assert!(
        (a.total_investment - 36.65).abs() < 1e-9,
        "{}",
        a.total_investment
    );
    // Every commune (4) is within reach: A, B and C completed (6 + 30 + 57).
    let a = seek(
        &m,
        &Scenario::plan(),
        Goal::Target(Measure::Criterion(1), 4.0),
    );
    // (The community's 10 pays 10 of the markets' 11: the answer says what more it needs.)
    assert!(a.reached, "every commune can be brought to it");
    assert!(
        a.more_funding.iter().any(|&x| x > 0.0),
        "{:?}",
        a.more_funding
    );
    assert_eq!(
        a.paid,
        [0, 2, 2],
        "{:?} {} {:?}",
        a.paid,
        a.total_investment,
        a.more_funding
    );
    assert!(
        (a.total_investment - 93.0).abs() < 1e-9,
        "{}",
        a.total_investment
    );
    // More than the table holds: never.
    let a = seek(
        &m,
        &Scenario::plan(),
        Goal::Target(Measure::Criterion(1), 5.0),
    );
    assert!(!a.reached);
}

/// Two criteria of one item each, the second (markets) assessed in groups 1 and 2 only: B and D
/// (group 3) count it as met without it.
const ONE_ITEM_EACH: &str = r#"{
  "key": "tinh-y-2027", "province": "Tỉnh Y", "year": 2027,
  "criteria": [
    {"id": 1, "key": "planning", "name_vi": "Quy hoạch", "name_en": "Planning",
     "target": 4, "unit_cost": 0.5},
    {"id": 2, "key": "markets", "name_vi": "Chợ", "name_en": "Markets",
     "target": 3, "unit_cost": 6, "applies_to": ["1", "2"]}],
  "commune_groups": [{"key": "1", "name_vi": "Xã nhóm 1", "name_en": "Group 1"},
                     {"key": "2", "name_vi": "Xã nhóm 2", "name_en": "Group 2"},
                     {"key": "3", "name_vi": "Xã nhóm 3", "name_en": "Group 3"}],
  "sources": [{"key": "central", "name_vi": "Ngân sách trung ương", "name_en": "Central budget",
               "amount": 300}],
  "targets": {"certified": 3}
}"#;

const ONE_ITEM_EACH_COMMUNES: &str = "id,name,group,border,difficult,priority,tc1,tc2,cost1,cost2
A,Xã A,1,0,0,0,1,0,,
B,Xã B,3,0,0,0,1,,,
C,Xã C,2,0,0,0,0,0,,
D,Xã D,3,0,0,0,0,,,
";

fn one_item_each() -> Model {
    let plan = Plan::from_file(ONE_ITEM_EACH, "tinh-y-2027.json").unwrap();
    let table =
        CommuneTable::from_csv(ONE_ITEM_EACH_COMMUNES.as_bytes(), &plan, "communes.csv").unwrap();
    Model::new(plan, table)
}

#[test]
fn risk_with_no_spread_counts_an_item_not_assessed_as_met_as_the_run_does() {
    use ntm_planner::engine::risk::{RiskRun, RiskSettings};
    let m = one_item_each();
    let markets = item(&m, "markets");
    assert_eq!(m.not_assessed(markets), 2);
    assert_eq!(m.baseline(markets), 0);
    // Nothing invested: what the year starts with. Markets: B and D, not assessed.
    let mut s = Scenario::plan();
    s.investment.set(item(&m, "planning"), Some(0.0));
    s.investment.set(markets, Some(0.0));
    let o = m.run(&s);
    assert_eq!(o.criteria[1].met, 2);
    // The plan's scenario: markets bought for A and C.
    let plan_year = m.run(&Scenario::plan());
    assert_eq!(plan_year.criteria[1].met, 4);
    for (scenario, year) in [(&s, &o), (&Scenario::plan(), &plan_year)] {
        let settings = RiskSettings {
            draws: 5,
            ..RiskSettings::none()
        };
        let r = RiskRun::new(&m, scenario, settings).run();
        for (k, c) in year.criteria.iter().enumerate() {
            assert_eq!(r.criteria[k].met.p50, f64::from(c.met), "criterion {k}");
        }
        assert_eq!(r.certified.p50, f64::from(year.certified));
    }
}

#[test]
fn risk_with_no_spread_gives_the_run_on_a_plan_of_indicators() {
    use ntm_planner::engine::risk::{RiskRun, RiskSettings};
    // Tỉnh X: infrastructure holds roads and markets; the 2026 plan: ten criteria of 47 items
    // on 61 communes.
    let plan_2026 = Plan::lang_son_2026();
    let models = [
        model(),
        Model::new(
            plan_2026.clone(),
            CommuneTable::shipped_for(&plan_2026).unwrap(),
        ),
    ];
    for m in &models {
        for strategy in [Strategy::ClosestFirst, Strategy::CheapestFirst] {
            let mut s = Scenario::plan();
            s.strategy = Some(strategy);
            let year = m.run(&s);
            let settings = RiskSettings {
                draws: 3,
                ..RiskSettings::none()
            };
            let r = RiskRun::new(m, &s, settings).run();
            let key = &m.plan.key;
            assert_eq!(r.certified.p50, f64::from(year.certified), "{key}");
            assert!(
                (r.avg_criteria.p50 - year.avg_criteria).abs() < 1e-12,
                "{key}"
            );
            let border = year.border.avg_criteria.unwrap_or(0.0);
            assert!((r.border_avg.p50 - border).abs() < 1e-12, "{key}");
            for (k, c) in year.criteria.iter().enumerate() {
                assert_eq!(
                    r.criteria[k].met.p50,
                    f64::from(c.met),
                    "{key} criterion {k}"
                );
            }
        }
    }
}

#[test]
fn a_communes_criteria_met_are_those_whose_items_it_meets_all() {
    let m = model();
    let (planning, roads, markets) = (item(&m, "planning"), item(&m, "roads"), item(&m, "markets"));
    let set = |items: &[usize]| items.iter().fold(0u128, |s, &j| s | (1 << j));
    let criteria = |items: &[usize]| m.shape.criteria_set(set(items));
    assert_eq!(criteria(&[]), 0);
    assert_eq!(criteria(&[planning]), 0b01);
    // Infrastructure needs both its items.
    assert_eq!(criteria(&[roads]), 0);
    assert_eq!(criteria(&[markets]), 0);
    assert_eq!(criteria(&[roads, markets]), 0b10);
    assert_eq!(criteria(&[planning, roads, markets]), 0b11);
    assert_eq!(criteria(&[planning, markets]), 0b01);
}

#[test]
fn an_indicators_count_above_the_plans_communes_is_refused_and_one_at_them_read() {
    let with_communes = PLAN.replacen("\"year\": 2027", "\"year\": 2027, \"communes_total\": 4", 1);
    assert_ne!(with_communes, PLAN);
    let roads = "\"unit_cost_by_group\": {\"3\": 30}, \"target\": 3";
    assert!(PLAN.contains(roads));
    for name in ["target", "baseline"] {
        let at = |n: u32| {
            with_communes.replacen(
                roads,
                &format!("\"unit_cost_by_group\": {{\"3\": 30}}, \"{name}\": {n}"),
                1,
            )
        };
        assert!(Plan::from_file(&at(4), "plan.json").is_ok(), "{name} at 4");
        let err = Plan::from_file(&at(5), "plan.json").expect_err(name);
        let said = err.message(Lang::En);
        assert!(
            said.contains(&format!("criteria.infrastructure.indicators.roads.{name}")),
            "{said}"
        );
        // A plan that states no count of communes is not held to one.
        let unstated = PLAN.replacen(
            roads,
            &format!("\"unit_cost_by_group\": {{\"3\": 30}}, \"{name}\": 5"),
            1,
        );
        assert!(
            Plan::from_file(&unstated, "plan.json").is_ok(),
            "{name} unstated"
        );
    }
}

#[test]
fn a_plan_holds_at_most_128_items() {
    let with = |n: usize| {
        let indicators: Vec<String> = (1..=n)
            .map(|i| {
                format!(
                    r#"{{"id": "1.{i}", "key": "i{i}", "name_vi": "C{i}", "name_en": "I{i}", "unit_cost": 1}}"#
                )
            })
            .collect();
        format!(
            r#"{{"key": "many", "province": "P", "year": 2027,
              "criteria": [{{"id": 1, "key": "all", "name_vi": "Tất cả", "name_en": "All",
                            "indicators": [{}]}}],
              "sources": [{{"key": "central", "name_vi": "TW", "name_en": "Central", "amount": 1}}],
              "targets": {{"certified": 1}}}}"#,
            indicators.join(",")
        )
    };
    assert_eq!(
        Plan::from_file(&with(128), "p.json").unwrap().items.len(),
        128
    );
    let said = Plan::from_file(&with(129), "p.json")
        .expect_err("129 items")
        .message(Lang::En);
    assert!(said.contains("129") && said.contains("128"), "{said}");
}

#[test]
fn the_greedy_completes_the_cheapest_commune_first_whatever_its_place_in_the_table() {
    use ntm_planner::engine::goals::{seek, Answer, Goal};
    use ntm_planner::engine::path::Measure;
    // Infrastructure met by B alone. To complete it: A its roads (at its own cost), C its
    // markets (its own cost, 2), D its markets (6). Closest first, markets serve C then D (a
    // tie of one item missing, in the table's order).
    let with_roads_of_a = |cost: f64| {
        let table = format!(
            "id,name,group,border,difficult,priority,tc1,tc2.1,tc2.2,cost1,cost2.1,cost2.2
A,Xã A,1,0,0,0,1,0,1,,{cost},
B,Xã B,3,0,0,0,1,1,,,,
C,Xã C,2,0,0,0,1,1,0,,,2
D,Xã D,1,0,0,0,1,1,0,,,
"
        );
        let plan = plan();
        let table = CommuneTable::from_csv(table.as_bytes(), &plan, "t.csv").unwrap();
        Model::new(plan, table)
    };
    let m = with_roads_of_a(10.0);
    let markets = item(&m, "markets");
    assert_eq!(m.serving_order(Strategy::ClosestFirst, markets), [2, 3]);
    let answer = |m: &Model, n: f64| -> (Vec<usize>, f64) {
        let a: Answer = seek(m, &Scenario::plan(), Goal::Target(Measure::Criterion(1), n));
        assert!(a.reached);
        (a.paid, a.total_investment)
    };
    // One more: C (2), the third in the table, not A (10), the first.
    assert_eq!(answer(&m, 2.0), (vec![0, 0, 1], 2.0));
    // Two more: then D (its markets, 6 beyond C's 2) before A (10).
    assert_eq!(answer(&m, 3.0), (vec![0, 0, 2], 8.0));
    // Three more: A's roads too.
    assert_eq!(answer(&m, 4.0), (vec![0, 1, 2], 18.0));
    // A's roads at 6: A and D tie once C is done; the first in the table goes first.
    let m = with_roads_of_a(6.0);
    assert_eq!(answer(&m, 3.0), (vec![0, 1, 1], 8.0));
}

#[test]
fn an_eligibility_list_names_a_criterion_whole_else_its_items_and_reads_back() {
    use ntm_planner::formats::scenario::eligibility_keys;
    let p = plan();
    let (planning, roads, markets) = (0b001u128, 0b010u128, 0b100u128);
    let keys = |mask: u128| eligibility_keys(mask, &p);
    assert_eq!(keys(0), Vec::<String>::new());
    assert_eq!(
        keys(planning | roads | markets),
        ["planning", "infrastructure"]
    );
    assert_eq!(keys(planning | roads), ["planning", "roads"]);
    assert_eq!(keys(markets), ["markets"]);
    assert_eq!(keys(roads | markets), ["infrastructure"]);
    // Through a scenario file and a link, the same sets come back.
    let m = model();
    for mask in [
        planning | roads | markets,
        planning | roads,
        markets,
        roads | markets,
    ] {
        let mut s = Scenario::plan();
        s.eligibility.set(1, Some(mask));
        let back = Scenario::from_json(&s.to_json(&m.plan), &m.plan, "s.json").unwrap();
        assert_eq!(back.eligibility.get(1), Some(mask), "{mask:b}");
        let link = ntm_planner::formats::link::encode(
            &ntm_planner::formats::link::differences(&s, &m),
            &m.plan,
        );
        // (The link leaves out what is the plan's own: infrastructure for the community.)
        let back = ntm_planner::formats::link::decode(&link, &m.plan).unwrap();
        assert_eq!(m.levers(&back).eligibility[1], mask, "{link}");
    }
}
