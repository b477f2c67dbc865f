//! The explanation of what changed against the plan: typed in the engine, said in words by
//! `text::explain`, for every kind of lever the registry has.

use ntm_planner::engine::explain::{explain, Change, Explanation};
use ntm_planner::engine::lever::{Lever, Value, TARGET_AVERAGE, TARGET_CERTIFIED};
use ntm_planner::engine::{Model, Scenario, Strategy};
use ntm_planner::text::explain::sentence;
use ntm_planner::text::Lang;

fn explained(model: &Model, s: &Scenario) -> Explanation {
    let own = model.for_scenario(s);
    let levers = own.levers(s);
    let outcome = own.run_levers(&levers);
    let plan = model.run(&Scenario::plan());
    explain(model, s, &levers, &outcome, &plan)
}

#[test]
fn the_plan_changes_nothing_and_says_so_from_its_results() {
    let model = Model::shipped();
    let e = explained(&model, &Scenario::plan());
    assert!(e.changes.is_empty());
    assert_eq!(
        (e.certified, e.certified_change, e.below_target),
        (85, 0, 0)
    );
    assert_eq!(
        sentence(&e, &model.plan, Lang::Vi),
        "Đây là kịch bản kế hoạch: mọi tiêu chí đạt chỉ tiêu 2022, 85 xã đạt chuẩn."
    );
    assert_eq!(
        sentence(&e, &model.plan, Lang::En),
        "This is the plan scenario: every criterion reaches its 2022 target, 85 communes certified."
    );
}

#[test]
fn credit_at_70_percent_is_named_with_what_it_costs() {
    let model = Model::shipped();
    let mut s = Scenario::plan();
    Lever::disbursement(3).set(&mut s, Some(Value::Number(0.7)));
    let e = explained(&model, &s);
    assert_eq!(
        e.changes,
        vec![Change::Disbursement {
            source: 3,
            rate: 0.7
        }]
    );
    assert_eq!((e.certified, e.certified_change), (82, -3));
    // The average's change is against the plan's run; the criteria below target are counted
    // from the scenario's own run.
    let plan_run = model.run(&Scenario::plan());
    let run = model.run(&s);
    assert!((e.avg_change - (run.avg_criteria - plan_run.avg_criteria)).abs() < 1e-12);
    assert!(e.avg_change < -0.2 && e.avg_criteria < plan_run.avg_criteria);
    let below: Vec<usize> = (0..run.criteria.len())
        .filter(|&k| run.criteria[k].met < model.plan.criteria[k].target)
        .collect();
    assert!(
        !below.is_empty() && below.len() < run.criteria.len(),
        "{below:?}"
    );
    assert_eq!(e.below_target, below.len());
    // 30% of credit's 3,200 billion does not arrive, and nothing else pays for its criteria.
    assert!((e.shortfall - 3200.0 * 0.3).abs() < 1e-6, "{}", e.shortfall);
    let vi = sentence(&e, &model.plan, Lang::Vi);
    assert!(
        vi.starts_with("So với kế hoạch: 82 xã đạt chuẩn (-3), bình quân 14,37"),
        "{vi}"
    );
    assert!(
        vi.contains("thiếu 960 tỷ đồng") && vi.ends_with("vì vốn tín dụng giải ngân 70 %."),
        "{vi}"
    );
    let en = sentence(&e, &model.plan, Lang::En);
    assert!(
        en.contains("960 billion VND short") && en.contains("credit disbursed at 70%"),
        "{en}"
    );
}

#[test]
fn every_kind_of_lever_is_explained() {
    let model = Model::shipped();
    let mut s = Scenario::plan();
    Lever::funding(0).set(&mut s, Some(Value::Number(700.0)));
    Lever::eligibility(2).set(&mut s, Some(Value::Items(0b11)));
    Lever::investment(1).set(&mut s, Some(Value::Number(10.0)));
    Lever::strategy().set(&mut s, Some(Value::Order(Strategy::CheapestFirst)));
    Lever::unit_cost(4).set(&mut s, Some(Value::Number(99.0)));
    Lever::new(TARGET_CERTIFIED, 0).set(&mut s, Some(Value::Number(115.0)));
    Lever::new(TARGET_AVERAGE, 0).set(&mut s, Some(Value::Number(16.0)));
    Lever::target_criterion(2).set(&mut s, Some(Value::Number(180.0)));
    let e = explained(&model, &s);
    let plan_funding = model.plan.sources[0].amount;
    assert_eq!(
        e.changes[0],
        Change::Funding {
            source: 0,
            plan: plan_funding,
            now: 700.0
        }
    );
    assert_eq!(e.changes[1], Change::Eligibility { source: 2 });
    assert!(matches!(e.changes[2], Change::Investment { criteria, .. } if criteria >= 1));
    assert_eq!(e.changes[3], Change::Order(Strategy::CheapestFirst));
    assert_eq!(e.changes[4], Change::UnitCosts { criteria: 1 });
    assert_eq!(e.changes[5], Change::CertifiedTarget { plan: 85, now: 115 });
    assert_eq!(e.changes[6], Change::OtherTargets { count: 2 });
    assert_eq!(e.changes.len(), 7);
    for lang in [Lang::Vi, Lang::En] {
        let text = sentence(&e, &model.plan, lang);
        assert!(text.contains("85 → 115") && text.contains("700"), "{text}");
    }
    // A target set to the plan's own value is no change.
    let mut same = Scenario::plan();
    Lever::new(TARGET_CERTIFIED, 0).set(&mut same, Some(Value::Number(85.0)));
    assert!(explained(&model, &same).changes.is_empty());
}

#[test]
fn an_investment_within_a_billionth_of_the_plans_is_no_change() {
    let model = Model::shipped();
    let k = model
        .default_investment()
        .iter()
        .position(|&x| x == 0.0)
        .expect("a criterion the plan puts nothing into");
    let mut s = Scenario::plan();
    Lever::investment(k).set(&mut s, Some(Value::Number(1e-9)));
    assert!(explained(&model, &s).changes.is_empty());
    Lever::investment(k).set(&mut s, Some(Value::Number(2e-9)));
    assert!(matches!(
        explained(&model, &s).changes.as_slice(),
        [Change::Investment { criteria: 1, .. }]
    ));
}
