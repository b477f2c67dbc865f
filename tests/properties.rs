//! Properties that hold for any table and any levers (proptest).

mod common;

use common::{model, Row, ALL};
use ntm_planner::engine::{Levers, Model, Plan, Scenario, Strategy as ServingOrder};
use proptest::prelude::*;
/// The 2022 plan's criteria (each its own single item).
const CRITERIA: usize = 19;
/// The 2022 plan's funding sources.
const SOURCES: usize = 5;

fn arb_row(i: usize) -> impl Strategy<Value = Row> {
    (
        any::<u32>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0..3usize,
        proptest::collection::vec(
            prop_oneof![Just(None), (0.0..50.0f64).prop_map(Some), Just(Some(0.0))],
            CRITERIA,
        ),
    )
        .prop_map(
            move |(meets, border, difficult, priority, district, costs)| Row {
                id: format!("x{i}"),
                district: format!("Huyện {district}"),
                border,
                difficult,
                priority,
                // Bias towards communes meeting most criteria, as real ones do.
                meets: u128::from(meets | meets.rotate_left(7)) & ALL,
                cost: std::array::from_fn(|k| costs[k]),
            },
        )
}

fn arb_table() -> impl Strategy<Value = Vec<Row>> {
    (1..25usize).prop_flat_map(|n| (0..n).map(arb_row).collect::<Vec<_>>())
}

fn arb_strategy() -> impl Strategy<Value = ServingOrder> {
    prop_oneof![
        Just(ServingOrder::ClosestFirst),
        Just(ServingOrder::CheapestFirst),
        Just(ServingOrder::EquityFirst)
    ]
}

fn arb_levers() -> impl Strategy<Value = Levers> {
    (
        arb_strategy(),
        proptest::array::uniform5(0.0..400.0f64),
        proptest::array::uniform5(prop_oneof![Just(1.0), Just(0.0), 0.0..=1.0f64]),
        proptest::collection::vec(prop_oneof![Just(0.0), 0.0..200.0f64], CRITERIA),
        proptest::array::uniform5(any::<u32>()),
    )
        .prop_map(
            |(strategy, funding, disbursement, investment, eligibility)| Levers {
                strategy,
                funding: funding.to_vec(),
                disbursement: disbursement.to_vec(),
                investment,
                eligibility: eligibility.iter().map(|&m| u128::from(m) & ALL).collect(),
            },
        )
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-7 * (1.0 + a.abs().max(b.abs()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn covered_plus_shortfall_is_the_investment(rows in arb_table(), levers in arb_levers()) {
        let o = model(&rows).run_levers(&levers);
        for c in &o.criteria {
            prop_assert!(close(c.covered + c.shortfall, c.investment), "{c:?}");
            prop_assert!(c.shortfall >= 0.0 && c.covered >= -1e-9 && c.unused >= 0.0);
            prop_assert!(c.unused <= c.covered + 1e-9);
        }
    }

    #[test]
    fn what_flows_plus_what_is_idle_is_what_arrived(rows in arb_table(), levers in arb_levers()) {
        let o = model(&rows).run_levers(&levers);
        for s in &o.funding.sources {
            let paid: f64 = s.to.iter().map(|(_, x)| x).sum();
            prop_assert!(close(paid + s.idle, s.arrived), "{s:?}");
        }
        let arrived: f64 = o.funding.sources.iter().map(|s| s.arrived).sum();
        let covered: f64 = o.criteria.iter().map(|c| c.covered).sum();
        prop_assert!(close(covered + o.funding.idle, arrived));
    }

    #[test]
    fn counts_stay_within_bounds(rows in arb_table(), levers in arb_levers()) {
        let m = model(&rows);
        let o = m.run_levers(&levers);
        let n = rows.len() as u32;
        for c in &o.criteria {
            prop_assert!(c.baseline <= c.met && c.met <= n);
        }
        prop_assert!(o.certified_baseline <= o.certified && o.certified <= n);
        prop_assert_eq!(o.histogram.iter().sum::<u32>(), n);
        let b = &o.bands;
        prop_assert_eq!(b.0.iter().map(|(_, c)| c).sum::<u32>(), n);
        prop_assert_eq!(b.0.len(), 5);
        prop_assert_eq!(o.districts.iter().map(|d| d.communes).sum::<u32>(), n);
        prop_assert!((0.0..=19.0).contains(&o.avg_criteria));
        prop_assert_eq!(o.newly_certified.len() as u32, o.certified - o.certified_baseline);
        // A commune keeps every criterion it had.
        for (c, after) in m.table.communes.iter().zip(&o.meets) {
            prop_assert_eq!(c.meets & !after, 0);
        }
    }

    #[test]
    fn the_same_inputs_give_the_same_results(rows in arb_table(), levers in arb_levers()) {
        let a = model(&rows).run_levers(&levers);
        let b = model(&rows).run_levers(&levers);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn cheapest_first_never_meets_fewer_communes_with_more_money(
        rows in arb_table(),
        levers in arb_levers(),
        extra in proptest::collection::vec(0.0..100.0f64, CRITERIA),
    ) {
        let m = model(&rows);
        let mut less = levers.clone();
        less.strategy = ServingOrder::CheapestFirst;
        less.disbursement = vec![1.0; SOURCES];
        let mut more = less.clone();
        for k in 0..CRITERIA {
            more.investment[k] += extra[k];
        }
        // Enough money that every investment is covered in both runs.
        less.funding = vec![1e6; SOURCES];
        more.funding = vec![1e6; SOURCES];
        less.eligibility = vec![ALL; SOURCES];
        more.eligibility = vec![ALL; SOURCES];
        let (a, b) = (m.run_levers(&less), m.run_levers(&more));
        for k in 0..CRITERIA {
            prop_assert!(b.criteria[k].met >= a.criteria[k].met, "criterion {k}");
        }
    }

    #[test]
    fn a_scenario_file_reads_back_exactly(
        name in proptest::option::of("[a-zA-Zà-ỹ 0-9]{0,20}"),
        strategy in proptest::option::of(arb_strategy()),
        funding in proptest::array::uniform5(proptest::option::of(prop_oneof![0.0..5000.0f64, (0..5000u32).prop_map(f64::from)])),
        disbursement in proptest::array::uniform5(proptest::option::of(0.0..=1.0f64)),
        investment in proptest::collection::vec(proptest::option::of(0.0..2000.0f64), CRITERIA),
        eligibility in proptest::array::uniform5(proptest::option::of(any::<u32>())),
        unit_costs in proptest::collection::vec(proptest::option::of(0.0..200.0f64), CRITERIA),
        certified in proptest::option::of(0..400u32),
        avg in proptest::option::of(0.0..=19.0f64),
        border in proptest::option::of((0.0..=19.0f64, 0.0..=19.0f64)),
        criterion_targets in proptest::collection::vec(proptest::option::of(0..400u32), CRITERIA),
    ) {
        let plan = Plan::lang_son_2022();
        let scenario = Scenario {
            name,
            strategy,
            funding: funding.into(),
            disbursement: disbursement.into(),
            investment: <[Option<f64>; CRITERIA]>::try_from(investment).unwrap().into(),
            eligibility: eligibility.map(|e| e.map(|m| u128::from(m) & ALL)).into(),
            unit_costs: <[Option<f64>; CRITERIA]>::try_from(unit_costs).unwrap().into(),
            targets: ntm_planner::engine::scenario::Targets {
                certified,
                avg_criteria: avg,
                border_avg_min: border.map(|b| b.0),
                border_avg_max: border.map(|b| b.1),
                items: <[Option<u32>; CRITERIA]>::try_from(criterion_targets).unwrap().into(),
            },
        };
        let text = scenario.to_json(&plan);
        let back = Scenario::from_json(&text, &plan, "round-trip.json").unwrap();
        prop_assert_eq!(&back, &scenario);
        prop_assert_eq!(back.to_json(&plan), text);
    }
}

#[test]
fn the_shipped_model_gives_the_same_results_as_a_separate_process() {
    // Not a pure function run twice in one process: the command line, another process with its
    // own hash seeds and allocations, gives the plan's results to the byte.
    let here = Model::shipped().run(&Scenario::plan()).to_json();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ntm"))
        .arg("run")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), here);
}
