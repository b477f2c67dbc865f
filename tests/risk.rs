//! Risk (model.md §7.3): zero spread is the deterministic run exactly, seeds repeat, and the
//! draws follow their distributions within sampling error.

mod common;

use common::{model, row};
use ntm_planner::engine::risk::{Draw, RiskRun, RiskSettings, Spread, Triangular};
use ntm_planner::engine::{Model, Plan, Scenario};
use ntm_planner::text::Lang;
/// The 2022 plan's criteria (each its own single item).
const CRITERIA: usize = 19;

fn plan() -> Plan {
    Plan::lang_son_2022()
}

#[test]
fn zero_spread_gives_the_deterministic_result_exactly() {
    let m = Model::shipped();
    for file in ["plan", "credit-70", "border-first", "direct-minus-20"] {
        let text = std::fs::read_to_string(format!("seeds/scenarios/{file}.json")).unwrap();
        let s = Scenario::from_json(&text, &m.plan, file).unwrap();
        let expected = m.run(&s);
        let settings = RiskSettings {
            draws: 25,
            ..RiskSettings::none()
        };
        let r = RiskRun::new(&m, &s, settings).run();
        let same = |spread: Spread, x: f64| {
            assert_eq!([spread.p10, spread.p50, spread.p90], [x; 3], "{file}");
            assert!((spread.mean - x).abs() < 1e-12);
        };
        same(r.certified, f64::from(expected.certified));
        same(r.avg_criteria, expected.avg_criteria);
        same(r.border_avg, expected.border.avg_criteria.unwrap());
        for k in 0..CRITERIA {
            same(r.criteria[k].met, f64::from(expected.criteria[k].met));
        }
        let reached = expected.certified >= m.plan.targets.certified;
        assert_eq!(r.chance_certified, if reached { 1.0 } else { 0.0 });
        assert_eq!(r.histogram, vec![(expected.certified, 25)]);
    }
}

#[test]
fn the_same_seed_gives_the_same_numbers_and_another_seed_others() {
    let m = Model::shipped();
    let settings = RiskSettings {
        draws: 200,
        ..RiskSettings::default_for(&m.plan)
    };
    let a = RiskRun::new(&m, &Scenario::plan(), settings.clone()).run();
    let b = RiskRun::new(&m, &Scenario::plan(), settings.clone()).run();
    assert_eq!(a, b);
    // Slices give the same draws as one run (what the worker and the page's frames rely on).
    let run = RiskRun::new(&m, &Scenario::plan(), settings.clone());
    let mut sliced = run.draws(0..70);
    sliced.extend(run.draws(70..200));
    assert_eq!(run.summarise(&sliced), a);
    let c = RiskRun::new(
        &m,
        &Scenario::plan(),
        RiskSettings {
            seed: 2,
            ..settings
        },
    )
    .run();
    assert_ne!(a.avg_criteria.mean, c.avg_criteria.mean);
}

#[test]
fn triangular_draws_have_the_triangular_mean_and_spread() {
    // Inverse CDF on a fine grid of u is the distribution itself: mean and variance match the
    // closed forms.
    let t = Triangular {
        min: 0.31,
        mode: 0.7,
        max: 0.83,
    };
    let n = 200_000;
    let values: Vec<f64> = (0..n).map(|i| t.at((i as f64 + 0.5) / n as f64)).collect();
    let mean = values.iter().sum::<f64>() / n as f64;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64;
    let (a, c, b) = (t.min, t.mode, t.max);
    let expected_var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
    assert!((mean - t.mean()).abs() < 1e-6, "{mean}");
    assert!((var - expected_var).abs() < 1e-6, "{var} {expected_var}");
    assert!(values.iter().all(|v| (a..=b).contains(v)));
    // A degenerate range is its value.
    let point = Triangular {
        min: 0.5,
        mode: 0.5,
        max: 0.5,
    };
    assert_eq!(point.at(0.3), 0.5);
}

#[test]
fn drawn_disbursement_and_costs_follow_their_distributions() {
    // One commune missing transport at cost 10, budget 10 and full delivery: it is paid exactly
    // when the drawn cost factor is at most 1; P(exp(σZ − σ²/2) <= 1) = P(Z <= σ/2).
    let m = model(&[row("a", &[1], 10.0)]);
    let s = Scenario::from_json(
        r#"{"schema":1,"investment":{"transport":10}}"#,
        &m.plan,
        "t",
    )
    .unwrap();
    let sigma = 0.5;
    let draws = 20_000u32;
    let settings = RiskSettings {
        draws,
        seed: 7,
        cost_sd: sigma,
        delivery: 1.0,
        ..RiskSettings::none()
    };
    let r = RiskRun::new(&m, &s, settings).run();
    // Φ(0.25) = 0.598706…; sampling sd sqrt(p(1−p)/n) ≈ 0.0035: allow four of them.
    let p = r.criteria[1].met.mean;
    assert!((p - 0.598706).abs() < 0.014, "{p}");
    // Delivery alone: paid always (σ = 0), met with probability 0.8.
    let settings = RiskSettings {
        draws,
        seed: 7,
        cost_sd: 0.0,
        delivery: 0.8,
        ..RiskSettings::none()
    };
    let r = RiskRun::new(&m, &s, settings).run();
    assert!(
        (r.criteria[1].met.mean - 0.8).abs() < 0.012,
        "{}",
        r.criteria[1].met.mean
    );
    // Disbursement: credit alone pays housing here; certified when ≥ 60% arrives.
    let m = model(&[row("a", &[8], 60.0)]);
    let s = Scenario::from_json(
        r#"{"schema":1,"investment":{"housing":100},"funding":{"credit":100,"direct":0,"integrated":0,"community":0}}"#,
        &m.plan,
        "t",
    )
    .unwrap();
    let settings = RiskSettings::from_json(
        r#"{"schema":1,"draws":20000,"seed":3,"cost_sd":0,"delivery":1,
            "disbursement":{"credit":{"min":0.2,"mode":0.6,"max":1.0}}}"#,
        &m.plan,
        "r",
    )
    .unwrap();
    let r = RiskRun::new(&m, &s, settings).run();
    // P(X >= 0.6) for Triangular(0.2, 0.6, 1.0) is 1/2.
    assert!(
        (r.certified.mean - 0.5).abs() < 0.014,
        "{}",
        r.certified.mean
    );
}

#[test]
fn a_chance_counts_the_draws_at_their_target_and_above_and_the_histogram_counts_each_value() {
    // Two communes, one on the border; targets set so that a draw can sit exactly on each.
    let mut m = model(&[row("01", &[0], 1.0), row("02", &[0], 1.0).border()]);
    m.plan.targets.certified = 1;
    m.plan.targets.avg_criteria_min = 15.5;
    m.plan.targets.border_avg_min = 15.0;
    m.plan.criteria[0].target = 1;
    let draw = |certified: u32, criteria_met: u32, border_met: u32, met0: u32, which: u64| {
        let mut met = [0; CRITERIA];
        met[0] = met0;
        Draw {
            certified,
            criteria_met,
            border_met,
            met: met.to_vec(),
            certified_communes: vec![which],
        }
    };
    let at = draw(1, 31, 15, 1, 0b10); // each figure exactly its target (31 / 2 = 15.5)
    let below = draw(0, 30, 14, 0, 0);
    let above = draw(2, 38, 19, 2, 0b11);
    let run = RiskRun::new(&m, &Scenario::plan(), RiskSettings::none());
    let r = run.summarise(&[at.clone(), below, above, at]);
    // The second commune is certified in three draws of four, the first in one.
    assert_eq!(r.commune_chance, [0.25, 0.75]);
    assert_eq!(r.draws, 4);
    assert_eq!(
        [
            r.chance_certified,
            r.chance_avg_criteria,
            r.chance_border_avg,
            r.criteria[0].chance
        ],
        [0.75; 4]
    );
    assert_eq!(r.targets, (1.0, 15.5, 15.0));
    assert_eq!(r.histogram, vec![(0, 1), (1, 2), (2, 1)]);
    assert_eq!(r.avg_criteria.mean, (15.5 + 15.0 + 19.0 + 15.5) / 4.0);
    assert_eq!(r.border_avg.p90, 19.0);
    // No draws: no chance and no histogram, not a division by zero.
    let none = run.summarise(&[]);
    assert_eq!((none.chance_certified, none.histogram.len()), (0.0, 0));
}

#[test]
fn percentiles_are_nearest_rank() {
    let s = Spread::of((1..=10).map(f64::from).rev().collect());
    assert_eq!((s.p10, s.p50, s.p90, s.mean), (1.0, 5.0, 9.0, 5.5));
    let s = Spread::of(vec![3.0]);
    assert_eq!((s.p10, s.p50, s.p90), (3.0, 3.0, 3.0));
    // n = 1000: P10 is the 100th value, P90 the 900th.
    let s = Spread::of((1..=1000).map(f64::from).collect());
    assert_eq!((s.p10, s.p50, s.p90), (100.0, 500.0, 900.0));
}

#[test]
fn risk_files_round_trip_and_bad_ones_name_the_field() {
    let plan = plan();
    for preset in ["as-provinces-report", "as-in-2022", "full-disbursement"] {
        let text = std::fs::read_to_string(format!("seeds/risk/{preset}.json")).unwrap();
        let r = RiskSettings::from_json(&text, &plan, preset).unwrap();
        let again = RiskSettings::from_value(&r.to_value(&plan), &plan, preset).unwrap();
        assert_eq!(r, again);
    }
    let cases = [
        (r#"{"schema":1,"draws":0}"#, "draws"),
        (r#"{"schema":1,"draws":100001}"#, "draws"),
        (r#"{"schema":1,"draws":10.5}"#, "draws"),
        (r#"{"schema":1,"seed":-1}"#, "seed"),
        (r#"{"schema":1,"cost_sd":-0.1}"#, "cost_sd"),
        (r#"{"schema":1,"delivery":1.2}"#, "delivery"),
        (
            r#"{"schema":1,"disbursement":{"loans":{"min":0,"mode":0,"max":0}}}"#,
            "disbursement.loans",
        ),
        (
            r#"{"schema":1,"disbursement":{"credit":{"min":0.9,"mode":0.5,"max":1}}}"#,
            "disbursement.credit",
        ),
        (
            r#"{"schema":1,"disbursement":{"credit":{"min":0.1,"max":1}}}"#,
            "disbursement.credit.mode",
        ),
        (
            r#"{"schema":1,"disbursement":{"credit":{"min":0.1,"mode":0.5,"max":1,"p":2}}}"#,
            "disbursement.credit.p",
        ),
        (r#"{"schema":2}"#, "schema"),
        (r#"{"schema":1,"spread":1}"#, "spread"),
    ];
    for (text, field) in cases {
        let err = RiskSettings::from_json(text, &plan, "r.json").unwrap_err();
        let vi = err.message(Lang::Vi);
        let en = err.message(Lang::En);
        assert!(
            vi.contains(field) && en.contains(field),
            "{text}: {vi} / {en}"
        );
        for english in ["whole number", "must be", "between", "object"] {
            assert!(!vi.contains(english), "English in Vietnamese: {vi}");
        }
    }
}

#[test]
fn a_path_under_no_risk_is_the_path_and_under_risk_repeats_by_seed() {
    use ntm_planner::engine::path::Path;
    use ntm_planner::engine::risk::{path_draw, path_spreads};
    let m = Model::shipped();
    let path = Path::default_for(&m.plan, &Scenario::plan());
    let certain: Vec<u32> = path
        .run(&m)
        .years
        .iter()
        .map(|y| y.outcome.certified)
        .collect();
    assert_eq!(path_draw(&path, &m, &RiskSettings::none(), 3), certain);
    let settings = RiskSettings::default_for(&m.plan);
    let draws: Vec<Vec<u32>> = (0..60)
        .map(|d| path_draw(&path, &m, &settings, d))
        .collect();
    let again: Vec<Vec<u32>> = (0..60)
        .map(|d| path_draw(&path, &m, &settings, d))
        .collect();
    assert_eq!(draws, again);
    assert!(draws.iter().any(|d| d != &draws[0]), "the draws differ");
    let spreads = path_spreads(&draws);
    assert_eq!(spreads.len(), 4);
    for (y, s) in spreads.iter().enumerate() {
        assert!(s.p10 <= s.p50 && s.p50 <= s.p90, "{y}: {s:?}");
        // Less money arrives than the plan counts on: never more certified than without risk.
        assert!(
            s.p90 <= f64::from(certain[y]) + 2.0,
            "{y}: {s:?} vs {}",
            certain[y]
        );
    }
    // Certified communes never fall from one year to the next within a draw.
    for d in &draws {
        assert!(d.windows(2).all(|w| w[1] >= w[0]), "{d:?}");
    }
}

#[test]
fn a_paths_first_year_draw_is_the_one_year_draw_of_the_paths_streams() {
    // The module's doc: path draw d of seed s takes its numbers from the streams of one-year
    // draw d of seed s ^ 0x7061_7468, in the same order. So a one-year path under risk is the
    // one-year draw, draw by draw: the one-year walk (written out for speed) and a path's year
    // (the walk with its chances) agree.
    use ntm_planner::engine::path::Path;
    use ntm_planner::engine::risk::path_draw;
    let m = Model::shipped();
    let mut path = Path::default_for(&m.plan, &Scenario::plan());
    path.years = 1;
    // Year one of path draws 0..30 of `settings`, and one-year draws 0..30 of the path's seed.
    let first_years = |settings: &RiskSettings| {
        let mut one_year = settings.clone();
        one_year.seed ^= 0x7061_7468;
        let run = RiskRun::new(&m, &Scenario::plan(), one_year);
        let paths: Vec<u32> = (0..30)
            .map(|d| path_draw(&path, &m, settings, d)[0])
            .collect();
        let years: Vec<u32> = (0..30).map(|d| run.draw(d).certified).collect();
        (paths, years)
    };
    for seed in [1u64, 8, 0x68, 0x7061_7468] {
        let mut settings = RiskSettings::default_for(&m.plan);
        settings.seed = seed;
        let (paths, years) = first_years(&settings);
        assert_eq!(paths, years, "seed {seed}");
        assert!(
            years.iter().any(|&c| c != years[0]),
            "seed {seed}: the draws differ"
        );
    }
    // With no spread in costs and delivery at chance, the walk draws no normals.
    let mut settings = RiskSettings::default_for(&m.plan);
    settings.cost_sd = 0.0;
    settings.delivery = 0.9;
    let (paths, years) = first_years(&settings);
    assert_eq!(paths, years, "no cost spread");
}

#[test]
fn the_worker_draws_on_the_plan_and_table_the_page_sends() {
    use ntm_planner::analysis_worker::{AnalysisReply, AnalysisRequest, RiskJobs};
    use ntm_planner::engine::CommuneTable;
    use ntm_planner::formats::seeds::DEFAULT_RISK;
    // Another plan than the shipped one: the second criterion's target 10 communes lower
    // (so the plan's scenario pays for fewer of them).
    let mut other = plan();
    other.criteria[1].target -= 10;
    // Items are made from the criteria when a plan is read: again after an edit.
    other.prepare().unwrap();
    let table = CommuneTable::shipped();
    let scenario = Scenario::plan();
    let settings = RiskSettings::from_json(DEFAULT_RISK, &other, "risk").unwrap();
    let expected: Vec<Draw> = {
        let m = Model::new(other.clone(), table.clone());
        let run = RiskRun::new(&m, &scenario, settings.clone());
        (0..20).map(|d| run.draw(d)).collect()
    };
    let shipped: Vec<Draw> = {
        let m = Model::shipped();
        let run = RiskRun::new(&m, &scenario, settings);
        (0..20).map(|d| run.draw(d)).collect()
    };
    assert_ne!(expected, shipped, "the other plan must change the draws");
    let mut jobs = RiskJobs::default();
    let model = AnalysisRequest::Model {
        plan: Box::new(other.clone()),
        table,
    };
    assert!(jobs.handle(model, || 0.0).is_none());
    let job = AnalysisRequest::Job {
        job: 7,
        scenario: scenario.to_json(&other),
        settings: DEFAULT_RISK.to_string(),
        path: None,
    };
    assert!(jobs.handle(job, || 0.0).is_none());
    let asked = AnalysisRequest::Draws {
        job: 7,
        from: 0,
        to: 20,
    };
    match jobs.handle(asked, || 0.0) {
        Some(AnalysisReply::Draws {
            job, from, draws, ..
        }) => {
            assert_eq!((job, from), (7, 0));
            assert_eq!(draws, expected);
        }
        other => panic!("{other:?}"),
    }
    // Draws of another job than the last are not drawn.
    let stale = AnalysisRequest::Draws {
        job: 6,
        from: 0,
        to: 20,
    };
    assert!(jobs.handle(stale, || 0.0).is_none());
}

#[test]
fn the_disbursement_span_runs_from_the_lowest_minimum_to_the_highest_maximum() {
    let mut settings = RiskSettings::none();
    assert_eq!(settings.disbursement_span(), None);
    settings.disbursement = vec![None; 5];
    settings.disbursement[1] = Some(Triangular {
        min: 0.3,
        mode: 0.5,
        max: 0.6,
    });
    settings.disbursement[3] = Some(Triangular {
        min: 0.1,
        mode: 0.2,
        max: 0.4,
    });
    assert_eq!(settings.disbursement_span(), Some((0.1, 0.6)));
}

#[test]
fn the_ranges_replace_the_disbursement_levers_and_can_be_drawn_around_them_instead() {
    use ntm_planner::engine::risk::DisbursementDraws;
    let m = Model::shipped();
    let settings = RiskSettings {
        draws: 200,
        ..RiskSettings::default_for(&m.plan)
    };
    let direct = m.plan.source_index("direct").unwrap();
    let credit = m.plan.source_index("credit").unwrap();
    let plan_levers = m.levers(&Scenario::plan());
    let mut half = Scenario::plan();
    half.disbursement[direct] = Some(0.5);
    half.disbursement[credit] = Some(0.5);
    let levers = m.levers(&half);
    // Direct has a range (it replaces the lever), credit has none (its lever is drawn as set).
    assert!(settings.disbursement[direct].is_some() && settings.disbursement[credit].is_none());
    assert_eq!(
        settings.replaced_levers(&levers.disbursement, &plan_levers.disbursement),
        vec![direct]
    );
    assert_eq!(
        settings.replaced_levers(&plan_levers.disbursement, &plan_levers.disbursement),
        Vec::<usize>::new(),
        "nothing to say while the levers are the plan's"
    );
    // As the settings say: direct at 50% or 100% draws the same.
    let mut full_credit_half_direct = Scenario::plan();
    full_credit_half_direct.disbursement[direct] = Some(0.5);
    let ranges = |s: &Scenario| {
        let drawn = settings.drawn(DisbursementDraws::SettingsRanges, &m.levers(s).disbursement);
        assert_eq!(drawn, settings);
        RiskRun::new(&m, s, drawn).run()
    };
    assert_eq!(
        ranges(&full_credit_half_direct).certified,
        ranges(&Scenario::plan()).certified
    );
    // Around the levers: the range moves to the lever, its width kept within 0 and 1.
    let around = settings.drawn(DisbursementDraws::AroundLevers, &levers.disbursement);
    let before = settings.disbursement[direct].unwrap();
    let after = around.disbursement[direct].unwrap();
    assert_eq!(after.mode, 0.5);
    let shift = 0.5 - before.mode;
    assert!(
        (after.min - (before.min + shift)).abs() < 1e-12,
        "{after:?}"
    );
    assert!(
        (after.max - (before.max + shift)).abs() < 1e-12,
        "{after:?}"
    );
    assert_eq!(around.disbursement[credit], None);
    // At 100% the top is held at 1 and the bottom at 0 never crossed.
    let top = settings.drawn(DisbursementDraws::AroundLevers, &plan_levers.disbursement);
    let t = top.disbursement[direct].unwrap();
    assert_eq!((t.mode, t.max), (1.0, 1.0));
    let mut nothing = Scenario::plan();
    nothing.disbursement[direct] = Some(0.0);
    let z = settings
        .drawn(
            DisbursementDraws::AroundLevers,
            &m.levers(&nothing).disbursement,
        )
        .disbursement[direct]
        .unwrap();
    assert_eq!((z.min, z.mode), (0.0, 0.0));
    assert!(z.max > 0.0);
    // Drawn around the lever, half the direct money moves the band down.
    let around_run = |s: &Scenario| {
        let drawn = settings.drawn(DisbursementDraws::AroundLevers, &m.levers(s).disbursement);
        RiskRun::new(&m, s, drawn).run()
    };
    assert!(
        around_run(&full_credit_half_direct).certified.p50
            < around_run(&Scenario::plan()).certified.p50
    );
}

#[test]
fn a_draw_marks_the_communes_it_certifies_and_the_summary_gives_each_its_chance() {
    // With nothing drawn, a draw is the year's run: its certified communes are the run's.
    let model = Model::shipped();
    let scenario = Scenario::plan();
    let o = model.run(&scenario);
    let run = RiskRun::new(&model, &scenario, RiskSettings::none());
    let d = run.draw(0);
    let all = (1u128 << CRITERIA) - 1;
    assert_eq!(
        d.certified_communes.len(),
        model.table.communes.len().div_ceil(64)
    );
    let marked: u32 = d.certified_communes.iter().map(|w| w.count_ones()).sum();
    assert_eq!(marked, d.certified);
    for (i, &m) in o.meets.iter().enumerate() {
        assert_eq!(
            d.certified_communes[i / 64] >> (i % 64) & 1 == 1,
            m == all,
            "commune {i}"
        );
    }
    let r = run.summarise(&[d.clone(), d]);
    let sure: Vec<f64> = o
        .meets
        .iter()
        .map(|&m| if m == all { 1.0 } else { 0.0 })
        .collect();
    assert_eq!(r.commune_chance, sure);
}
