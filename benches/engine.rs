//! Engine benchmarks: `cargo bench --bench engine`. Figures go to BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ntm_planner::engine::goals::{seek, Goal};
use ntm_planner::engine::path::{Measure, Path};
use ntm_planner::engine::risk::{RiskRun, RiskSettings};
use ntm_planner::engine::{Levers, Model, Plan, Scenario, Strategy};
/// The seed generator and the country-sized fixture: the generator binary's own module, not
/// part of the shipped library.
#[allow(dead_code)]
#[path = "../src/bin/generate_communes/generate.rs"]
mod generate;

use generate::{synthetic_2025, synthetic_national};

fn national() -> Model {
    let plan = Plan::lang_son_2022();
    let admin = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/admin/communes-vietnam.csv"
    ))
    .unwrap();
    let table = synthetic_national(&plan, &admin, 7).unwrap();
    Model::new(plan, table)
}

/// Enough investment to raise each criterion by a twentieth of the communes, all funded.
fn national_levers(model: &Model) -> Levers {
    let n = model.table.communes.len() as u32;
    let mut levers = model.levers(&Scenario::plan());
    levers.investment = (0..model.items())
        .map(|k| model.needed(k, model.baseline(k) + n / 20, Strategy::ClosestFirst))
        .collect();
    let sources = model.plan.sources.len();
    levers.funding = vec![0.0; sources];
    levers.funding[0] = levers.investment.iter().sum::<f64>();
    levers.disbursement = vec![1.0; sources];
    levers
}

/// A plan of 10 criteria holding 47 indicators and three groups (a fixture) on the country's
/// 2,621 communes of 2025, statuses made up.
fn country_2025() -> Model {
    let plan = Plan::from_file(
        include_str!("../tests/fixtures/plans/ten-criteria-47-indicators.json"),
        "ten-criteria-47-indicators.json",
    )
    .unwrap();
    let units = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/admin/communes-vietnam-2025.csv"
    ))
    .unwrap();
    let table = synthetic_2025(&plan, &units, 7).unwrap();
    Model::new(plan, table)
}

fn benches(c: &mut Criterion) {
    let country = country_2025();
    assert_eq!(country.table.communes.len(), 2621);
    c.bench_function(
        "run/country 2025 (2,621 communes, 10 criteria, 47 indicators)",
        |b| b.iter(|| black_box(country.run(black_box(&Scenario::plan())))),
    );
    let plan_2026 = Model::new(
        Plan::lang_son_2026(),
        ntm_planner::engine::CommuneTable::shipped_for(&Plan::lang_son_2026()).unwrap(),
    );
    c.bench_function(
        "run/2026 plan (61 communes, 10 criteria, 19 indicators)",
        |b| b.iter(|| black_box(plan_2026.run(black_box(&Scenario::plan())))),
    );
    let province = Model::shipped();
    let plan = Scenario::plan();
    c.bench_function("run/province (181 communes, plan scenario)", |b| {
        b.iter(|| black_box(province.run(black_box(&plan))))
    });
    let credit70 = Scenario {
        disbursement: [None, None, None, Some(0.7), None].into(),
        ..Scenario::plan()
    };
    c.bench_function("run/province (181 communes, credit at 70%)", |b| {
        b.iter(|| black_box(province.run(black_box(&credit70))))
    });
    c.bench_function("needed/plan (19 criteria, closest first)", |b| {
        b.iter(|| {
            let m = black_box(&province);
            let total: f64 = (0..m.items())
                .map(|k| m.needed(k, m.plan.items[k].target, Strategy::ClosestFirst))
                .sum();
            black_box(total)
        })
    });
    c.bench_function(
        "prepare/province (Model::new: costs and serving orders)",
        |b| b.iter(|| black_box(Model::new(province.plan.clone(), province.table.clone()))),
    );
    let country = national();
    let levers = national_levers(&country);
    c.bench_function("run/country (8,248 communes)", |b| {
        b.iter(|| black_box(country.run_levers(black_box(&levers))))
    });
    let mut group = c.benchmark_group("prepare");
    group.sample_size(10);
    group.bench_function("country (Model::new, 8,248 communes)", |b| {
        b.iter(|| black_box(Model::new(country.plan.clone(), country.table.clone())))
    });
    group.finish();

    // Years, goals and risk (model.md §7).
    let path = Path::default_for(&province.plan, &plan);
    c.bench_function("path/province (4 years, 2022–2025)", |b| {
        b.iter(|| black_box(path.run(black_box(&province))))
    });
    for (name, goal) in [
        (
            "seek/province certified=100 (greedy)",
            Goal::Target(Measure::Certified, 100.0),
        ),
        (
            "seek/province avg_criteria=15 (exact)",
            Goal::Target(Measure::AvgCriteria, 15.0),
        ),
        (
            "seek/province border_avg=15 (exact)",
            Goal::Target(Measure::BorderAvg, 15.0),
        ),
        ("seek/province budget=3000 (greedy)", Goal::Budget(3000.0)),
    ] {
        c.bench_function(name, |b| b.iter(|| black_box(seek(&province, &plan, goal))));
    }
    let risk = RiskRun::new(&province, &plan, RiskSettings::default_for(&province.plan));
    c.bench_function("risk/province one draw", |b| {
        b.iter(|| black_box(risk.draw(black_box(17))))
    });
    let country_risk = RiskRun::new(&country, &plan, RiskSettings::default_for(&country.plan));
    let mut group = c.benchmark_group("country");
    group.sample_size(10);
    group.bench_function("risk one draw (8,248 communes)", |b| {
        b.iter(|| black_box(country_risk.draw(black_box(17))))
    });
    let n = country.table.communes.len() as f64;
    let start = f64::from(country.certified_baseline());
    for (name, goal) in [
        (
            "seek certified=+10% (greedy, 8,248 communes)",
            Goal::Target(Measure::Certified, start + n / 10.0),
        ),
        (
            "seek avg_criteria=+0.5 (exact, 8,248 communes)",
            Goal::Target(Measure::AvgCriteria, {
                let o = country.run(&Scenario::plan());
                (o.avg_criteria + 0.5).min(19.0)
            }),
        ),
    ] {
        group.bench_function(name, |b| b.iter(|| black_box(seek(&country, &plan, goal))));
    }
    group.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
