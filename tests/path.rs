//! Years (model.md §7.1): the path, worked by hand on small tables and on the shipped one.

mod common;

use common::{model, row};
use ntm_planner::engine::path::{Carry, Measure, Path, YearTarget};
use ntm_planner::engine::{Model, Plan, Scenario};
use ntm_planner::text::Lang;
/// The 2022 plan's criteria (each its own single item).
const CRITERIA: usize = 19;
/// The 2022 plan's funding sources.
const SOURCES: usize = 5;

fn plan() -> Plan {
    Plan::lang_son_2022()
}

fn path(years: usize, scenario: Scenario) -> Path {
    Path {
        name: None,
        first_year: 2022,
        years,
        scenarios: vec![(2022, scenario)],
        carry: Carry::default(),
        cost_growth: 0.0,
        targets: Vec::new(),
    }
}

fn scenario(json: &str) -> Scenario {
    Scenario::from_json(json, &plan(), "test").unwrap()
}

#[test]
fn a_one_year_path_is_the_one_year_run() {
    let model = Model::shipped();
    for file in ["credit-70", "border-first", "community-plus-50"] {
        let text = std::fs::read_to_string(format!("seeds/scenarios/{file}.json")).unwrap();
        let s = scenario(&text);
        let outcome = path(1, s.clone()).run(&model);
        assert_eq!(outcome.years[0].outcome, model.run(&s), "{file}");
        assert_eq!(outcome.years[0].carried_in, [0.0; SOURCES]);
        assert_eq!(outcome.years[0].reserved_in, [0.0; CRITERIA]);
    }
}

#[test]
fn a_year_starts_where_the_last_ended_and_is_served_in_its_new_order() {
    // Transport (k = 1): a costs 10, b costs 30, c costs 5. 12 a year, cheapest first.
    let rows = [
        row("a", &[1], 10.0),
        row("b", &[1], 30.0),
        row("c", &[1, 2], 5.0),
    ];
    let model = model(&rows);
    let s = scenario(
        r#"{"schema":1,"strategy":"cheapest_first","investment":{"transport":12,"irrigation":0}}"#,
    );
    let mut p = path(3, s);
    p.carry = Carry {
        undisbursed: 0.0,
        idle: 0.0,
        unused: 1.0,
    };
    let out = p.run(&model);
    let transport = |y: usize| &out.years[y].outcome.criteria[1];
    // 2022: c (5) then a (10 > 7 left): skipped; b skipped. 7 unused.
    assert_eq!(transport(0).met, 1);
    assert!((transport(0).unused - 7.0).abs() < 1e-9);
    // 2023: 12 + 7 reserved = 19: a (10) paid, b (30) not; 9 unused.
    assert!((out.years[1].reserved_in[1] - 7.0).abs() < 1e-9);
    assert_eq!(transport(1).baseline, 1);
    assert_eq!(transport(1).met, 2);
    assert!((transport(1).unused - 9.0).abs() < 1e-9);
    // 2024: 12 + 9 = 21 < 30: b still waits, the money stays with transport.
    assert_eq!(transport(2).met, 2);
    assert!((transport(2).unused - 21.0).abs() < 1e-9);
    // a was certified in 2023 (it missed only transport), and counted new only then.
    assert_eq!(out.years[1].outcome.newly_certified, vec!["a".to_string()]);
    assert!(out.years[2].outcome.newly_certified.is_empty());
    assert_eq!(out.years[2].outcome.certified_baseline, 1);
}

#[test]
fn money_that_did_not_arrive_or_sat_idle_is_carried_by_the_shares_given() {
    let model = Model::shipped();
    // Direct pays after community (it may pay for every criterion), so its lateness leaves
    // community's idle money as it is.
    let s = scenario(r#"{"schema":1,"disbursement":{"direct":0.9},"funding":{"community":405}}"#);
    for (undisbursed, idle) in [(1.0, 1.0), (0.5, 0.25), (0.0, 0.0)] {
        let mut p = path(2, s.clone());
        p.carry = Carry {
            undisbursed,
            idle,
            unused: 1.0,
        };
        let out = p.run(&model);
        let first = &out.years[0].outcome.funding.sources;
        let direct_late = 640.0 * 0.1;
        // Community pays more, so the sources paying after it need less: integrated sits idle.
        let integrated_idle = first[1].idle;
        assert!(integrated_idle > 50.0, "community +50% leaves money idle");
        let carried = out.years[1].carried_in.clone();
        assert!((carried[0] - undisbursed * direct_late).abs() < 1e-6);
        assert!((carried[1] - idle * integrated_idle).abs() < 1e-6);
        for s in 2..SOURCES {
            assert_eq!(carried[s], 0.0);
        }
        // The second year's pledge includes what was carried, and arrives at the same rate.
        let second = &out.years[1].outcome.funding.sources;
        assert!((second[0].pledged - (640.0 + carried[0])).abs() < 1e-6);
        assert!((second[0].arrived - 0.9 * second[0].pledged).abs() < 1e-6);
        assert!((second[1].pledged - (580.0 + carried[1])).abs() < 1e-6);
    }
}

#[test]
fn costs_grow_by_the_rate_each_year() {
    // One commune missing transport at 10: 10.5 is enough in 2022, not after 10% growth.
    let rows = [row("a", &[1], 10.0), row("b", &[1], 10.0)];
    let model = model(&rows);
    let s = scenario(r#"{"schema":1,"strategy":"cheapest_first","investment":{"transport":10.5}}"#);
    let mut p = path(2, s);
    p.carry.unused = 0.0;
    p.cost_growth = 0.1;
    let out = p.run(&model);
    assert_eq!(out.years[0].outcome.criteria[1].met, 1);
    assert_eq!(
        out.years[1].outcome.criteria[1].met, 1,
        "11 > 10.5: b waits"
    );
    p.cost_growth = 0.05;
    let out = p.run(&model);
    assert_eq!(
        out.years[1].outcome.criteria[1].met, 2,
        "10.5 <= 10.5: b is paid"
    );
}

#[test]
fn a_scenario_listed_for_a_later_year_takes_over_and_its_defaults_resolve_then() {
    let model = Model::shipped();
    let text = r#"{"schema":1,"years":[2022,2023,2024],
        "scenarios":{"2023":{"funding":{"credit":0},"investment":{"housing":0}}},
        "carry":{"undisbursed":0,"idle":0,"unused":0}}"#;
    let p = Path::from_json(text, &model.plan, "p.json")
        .unwrap()
        .with_first_scenario(&Scenario::plan());
    assert_eq!(p.scenario_for(2024).unwrap().0, 2023);
    let out = p.run(&model);
    assert_eq!(out.years[1].scenario_year, 2023);
    assert_eq!(out.years[2].scenario_year, 2023);
    assert_eq!(out.years[1].outcome.funding.sources[3].pledged, 0.0);
    assert_eq!(out.years[1].outcome.criteria[8].investment, 0.0);
    // Transport's default in 2023 is what reaching its target costs from 2023's start: the
    // 2022 target is met already, so nothing.
    assert_eq!(out.years[1].outcome.criteria[1].investment, 0.0);
    // Without a listed 2023, 2023 invests the 2022 numbers again.
    let plain = path(2, Scenario::plan()).run(&model);
    assert_eq!(
        plain.years[1].outcome.criteria[1].investment,
        plain.years[0].outcome.criteria[1].investment
    );
}

#[test]
fn targets_are_checked_at_the_end_of_their_year() {
    let model = Model::shipped();
    let mut p = Path::default_for(&model.plan, &Scenario::plan());
    assert_eq!(p.year_list(), vec![2022, 2023, 2024, 2025]);
    p.targets.push(YearTarget {
        year: 2022,
        measure: Measure::Criterion(1),
        target: 102.0,
    });
    let out = p.run(&model);
    let last = &out.years[3].outcome;
    let certified = &out.targets[0];
    assert_eq!(
        (certified.year, certified.measure),
        (2025, Measure::Certified)
    );
    assert_eq!(certified.target, 115.0);
    assert_eq!(certified.value, f64::from(last.certified));
    assert_eq!(certified.met, last.certified >= 115);
    let floor = &out.targets[1];
    assert_eq!(floor.measure, Measure::MinCriteria);
    let lowest = last.meets.iter().map(|m| m.count_ones()).min().unwrap();
    assert_eq!(floor.value, f64::from(lowest));
    let transport = &out.targets[2];
    assert_eq!(transport.value, 102.0);
    assert!(transport.met);
    // Certified communes never fall from one year to the next.
    for w in out.years.windows(2) {
        assert!(w[1].outcome.certified >= w[0].outcome.certified);
        assert_eq!(w[1].outcome.certified_baseline, w[0].outcome.certified);
    }
}

#[test]
fn path_files_round_trip_and_bad_ones_name_the_field() {
    let plan = plan();
    let text = r#"{"schema":1,"name":"Lộ trình","years":[2024,2025],
        "scenarios":{"2025":{"schema":1,"funding":{"credit":2000}}},
        "carry":{"undisbursed":0.5,"idle":1,"unused":0},"cost_growth":0.04,
        "targets":{"2025":{"certified":115,"avg_criteria":15.5,"transport":150}}}"#;
    let p = Path::from_json(text, &plan, "p.json").unwrap();
    let again = Path::from_json(&p.to_json(&plan), &plan, "p.json").unwrap();
    assert_eq!(p, again);
    let cases = [
        (r#"{"schema":1,"years":[2022,2024]}"#, "\"years\""),
        (r#"{"schema":1,"years":[]}"#, "\"years\""),
        (
            r#"{"schema":1,"years":[2022,2023,2024,2025,2026,2027,2028,2029,2030,2031,2032]}"#,
            "\"years\"",
        ),
        (r#"{"schema":1,"years":[2022.5]}"#, "years[0]"),
        (
            r#"{"schema":1,"years":[2022],"scenarios":{"2023":{}}}"#,
            "scenarios.2023",
        ),
        (
            r#"{"schema":1,"years":[2022],"scenarios":{"2022":{"funding":{"credit":-1}}}}"#,
            "scenarios.2022.funding.credit",
        ),
        (
            r#"{"schema":1,"years":[2022],"carry":{"idle":1.5}}"#,
            "carry.idle",
        ),
        (
            r#"{"schema":1,"years":[2022],"carry":{"spent":1}}"#,
            "carry.spent",
        ),
        (
            r#"{"schema":1,"years":[2022],"targets":{"2022":{"certified":90.5}}}"#,
            "targets.2022.certified",
        ),
        (
            r#"{"schema":1,"years":[2022],"targets":{"2022":{"roads":3}}}"#,
            "targets.2022.roads",
        ),
        (
            r#"{"schema":1,"years":[2022],"cost_growth":"3%"}"#,
            "cost_growth",
        ),
        (r#"{"schema":1,"years":[2022],"colour":"red"}"#, "colour"),
        (r#"{"years":[2022]}"#, "schema"),
        (r#"{"schema":1,"years":[2022],"#, "JSON"),
    ];
    for (text, field) in cases {
        let err = Path::from_json(text, &plan, "p.json").unwrap_err();
        let vi = err.message(Lang::Vi);
        let en = err.message(Lang::En);
        assert!(vi.starts_with("p.json: "), "{vi}");
        assert!(
            vi.contains(field) && en.contains(field),
            "{text}: {vi} / {en}"
        );
        assert_ne!(vi, en);
    }
    // A year's scenario that is not an object is named by its year alone, and the error prints
    // as its English message.
    let err = Path::from_json(
        r#"{"schema":1,"years":[2022],"scenarios":{"2022":5}}"#,
        &plan,
        "p.json",
    )
    .unwrap_err();
    let en = err.message(Lang::En);
    assert!(
        en.contains("\"scenarios.2022\"") && !en.contains("(scenario)"),
        "{en}"
    );
    assert_eq!(err.to_string(), en);
    // Ten years is the most a path holds, and it is read.
    let ten = Path::from_json(
        r#"{"schema":1,"years":[2021,2022,2023,2024,2025,2026,2027,2028,2029,2030]}"#,
        &plan,
        "p.json",
    )
    .unwrap();
    assert_eq!((ten.first_year, ten.years), (2021, 10));
}

#[test]
fn the_shipped_default_path_reads() {
    let p = Path::default_for(&plan(), &Scenario::plan());
    assert_eq!(p.years, 4);
    assert_eq!(p.carry, Carry::default());
    assert_eq!(p.cost_growth, 0.0);
    let keys: Vec<(u16, Measure, f64)> = p
        .targets
        .iter()
        .map(|t| (t.year, t.measure, t.target))
        .collect();
    assert_eq!(
        keys,
        vec![
            (2025, Measure::Certified, 115.0),
            (2025, Measure::MinCriteria, 15.0)
        ]
    );
}

/// The page's editing of a path: a year given its own scenario and back to "same as last
/// year"; the first year always keeps one.
#[test]
fn a_year_listed_and_unlisted_and_the_first_year_kept() {
    let plan_s = Scenario::plan();
    let mut p = path(4, plan_s.clone());
    let own = scenario(r#"{"schema": 1, "funding": {"credit": 2000}}"#);
    p.set_scenario(2024, own.clone());
    assert_eq!(p.scenario_for(2025), Some((2024, &own)));
    p.unset_scenario(2024);
    assert_eq!(p.scenario_for(2025), Some((2022, &plan_s)));
    assert_eq!(p.scenarios.len(), 1);
    // Unsetting a year not listed changes nothing; the first year cannot be unset.
    p.set_scenario(2023, own.clone());
    p.unset_scenario(2025);
    assert_eq!(p.scenarios.len(), 2);
    p.unset_scenario(2022);
    assert_eq!(p.scenario_for(2022), Some((2022, &plan_s)));
    assert_eq!(p.scenarios.len(), 2);
}

/// A path run a year at a time (the page's slices) counts its years and gives what a run in
/// one go gives.
#[test]
fn a_path_run_a_year_at_a_time_is_the_path_run_in_one_go() {
    use ntm_planner::engine::path::PathRun;
    use ntm_planner::engine::run::Certain;
    let model = Model::shipped();
    let p = Path::default_for(&model.plan, &Scenario::plan());
    let mut run = PathRun::new(&model);
    assert_eq!(run.done(), 0);
    let mut more = true;
    let mut steps = 0;
    while more {
        more = run.step(&p, &model, &mut Certain);
        steps += 1;
        assert_eq!(run.done(), steps);
    }
    assert_eq!(steps, 4);
    assert!(
        !run.step(&p, &model, &mut Certain),
        "nothing past the last year"
    );
    assert_eq!(run.done(), 4);
    assert_eq!(run.finish(&p), p.run(&model));
}

#[test]
fn certified_targets_beyond_the_table_are_those_above_its_communes() {
    let mut p = path(4, Scenario::plan());
    let target = |year, measure, target| YearTarget {
        year,
        measure,
        target,
    };
    p.targets = vec![
        target(2023, Measure::Certified, 65.0),
        target(2024, Measure::Certified, 65.5),
        target(2025, Measure::Certified, 115.0),
        // Not a count of communes: never beyond the table.
        target(2025, Measure::MinCriteria, 15.0),
        target(2025, Measure::AvgCriteria, 90.0),
    ];
    let beyond: Vec<(u16, f64)> = p
        .certified_targets_beyond(65)
        .into_iter()
        .map(|t| (t.year, t.target))
        .collect();
    assert_eq!(beyond, vec![(2024, 65.5), (2025, 115.0)]);
    assert!(p.certified_targets_beyond(115).is_empty());
    // The shipped path fits the shipped table.
    let shipped = Path::default_for(&plan(), &Scenario::plan());
    assert!(shipped
        .certified_targets_beyond(plan().communes_total)
        .is_empty());
}

#[test]
fn what_a_year_carries_out_is_what_the_next_receives_from_sources_and_items() {
    let m = Model::shipped();
    let mut s = Scenario::plan();
    s.disbursement[m.plan.source_index("credit").unwrap()] = Some(0.7);
    let mut path = Path::default_for(&m.plan, &s);
    path.carry = Carry {
        undisbursed: 0.5,
        idle: 1.0,
        unused: 1.0,
    };
    let p = path.run(&m);
    let items_unused: f64 = p
        .years
        .iter()
        .flat_map(|y| y.outcome.items.iter().map(|c| c.unused))
        .sum();
    assert!(
        items_unused > 0.0,
        "some item's money is covered and not spent"
    );
    for pair in p.years.windows(2) {
        let out = path.carry.total_out_of(&pair[0].outcome);
        let received: f64 =
            pair[1].carried_in.iter().sum::<f64>() + pair[1].reserved_in.iter().sum::<f64>();
        assert!((out - received).abs() < 1e-6, "{out} against {received}");
    }
}
