//! Engine benchmarks: `cargo bench --bench engine`. Figures go to BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ntm_planner::generate::synthetic_national;
use ntm_planner::model::{Levers, Model, Plan, Scenario, Strategy, CRITERIA, SOURCES};

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
    levers.investment = std::array::from_fn(|k| {
        model.needed(k, model.baseline(k) + n / 20, Strategy::ClosestFirst)
    });
    levers.funding = [levers.investment.iter().sum::<f64>(), 0.0, 0.0, 0.0, 0.0];
    levers.disbursement = [1.0; SOURCES];
    levers
}

fn benches(c: &mut Criterion) {
    let province = Model::shipped();
    let plan = Scenario::plan();
    c.bench_function("run/province (181 communes, plan scenario)", |b| {
        b.iter(|| black_box(province.run(black_box(&plan))))
    });
    let credit70 = Scenario {
        disbursement: [None, None, None, Some(0.7), None],
        ..Scenario::plan()
    };
    c.bench_function("run/province (181 communes, credit at 70%)", |b| {
        b.iter(|| black_box(province.run(black_box(&credit70))))
    });
    c.bench_function("needed/plan (19 criteria, closest first)", |b| {
        b.iter(|| {
            let m = black_box(&province);
            let total: f64 = (0..CRITERIA)
                .map(|k| m.needed(k, m.plan.criteria[k].target, Strategy::ClosestFirst))
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
}

criterion_group!(engine, benches);
criterion_main!(engine);
