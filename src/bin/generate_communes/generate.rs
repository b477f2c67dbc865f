//! Writes the illustrative commune table (`seeds/communes.csv`) from the real list of Lạng Sơn's
//! communes: made-up status and costs, reproducible from a seed, calibrated as model.md §3 and
//! §6 ask. Every calibration fact is checked at the end by running the engine itself.

use ntm_planner::engine::plan::{ItemSet, Plan};
use ntm_planner::engine::rng::Rng;
use ntm_planner::engine::table::{Commune, CommuneTable};
use ntm_planner::engine::{Model, Scenario};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Settings {
    pub about: String,
    pub seed: u64,
    pub border_communes: Vec<String>,
    pub border_certified: usize,
    pub border_criteria_total: u32,
    pub always_certified_districts: Vec<String>,
    pub named_priority: Vec<String>,
    pub priority_count: usize,
    pub priority_on_border: usize,
    pub difficult_share: f64,
    pub cost_spread: f64,
}

struct AdminCommune {
    code: String,
    name: String,
    district: String,
}

fn read_admin(csv_text: &str) -> Result<Vec<AdminCommune>, String> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("admin list, row {}: {e}", i + 2))?;
        let district = row
            .get(3)
            .ok_or_else(|| format!("admin list, row {}: no district", i + 2))?;
        // "Huyện Tràng Định" → "Tràng Định": the district as planners say it.
        let district = district
            .strip_prefix("Huyện ")
            .unwrap_or(district)
            .to_string();
        out.push(AdminCommune {
            code: row.get(0).unwrap_or_default().to_string(),
            name: row.get(1).unwrap_or_default().to_string(),
            district,
        });
    }
    Ok(out)
}

// Criteria by their place in the plan (0-based), for the calibration rules below.
const PLANNING: usize = 0;
const SCHOOLS: usize = 4;
const CULTURE_FACILITIES: usize = 5;
const EMPLOYMENT: usize = 11;
const EDUCATION: usize = 13;
const ENVIRONMENT: usize = 16;
const SECURITY: usize = 18;

/// Picks `n` of `pool` with probability growing with `weight`, without replacement.
fn weighted_pick(
    rng: &mut Rng,
    pool: &[usize],
    weight: impl Fn(usize) -> f64,
    n: usize,
) -> Vec<usize> {
    let mut left: Vec<usize> = pool.to_vec();
    let mut chosen = Vec::with_capacity(n);
    for _ in 0..n.min(pool.len()) {
        let total: f64 = left.iter().map(|&i| weight(i)).sum();
        let mut x = rng.unit() * total;
        let mut pick = left.len() - 1;
        for (j, &i) in left.iter().enumerate() {
            x -= weight(i);
            if x < 0.0 {
                pick = j;
                break;
            }
        }
        chosen.push(left.swap_remove(pick));
    }
    chosen
}

/// Builds the table and checks every calibration fact; returns the canonical CSV.
pub fn generate(plan: &Plan, admin_csv: &str, settings: &Settings) -> Result<String, String> {
    // A table of criteria met (model.md §3): for a plan whose criteria are single items.
    if !plan.single_items() {
        return Err(format!(
            "the plan {} has criteria of several items",
            plan.key
        ));
    }
    let criteria = plan.items.len();
    let admin = read_admin(admin_csv)?;
    let n = admin.len();
    let mut rng = Rng::new(settings.seed);
    let index_of = |code: &str| {
        admin
            .iter()
            .position(|a| a.code == code)
            .ok_or_else(|| format!("generator settings: commune {code} is not in the admin list"))
    };
    let border: Vec<usize> = settings
        .border_communes
        .iter()
        .map(|c| index_of(c))
        .collect::<Result<_, _>>()?;
    let named_priority: Vec<usize> = settings
        .named_priority
        .iter()
        .map(|c| index_of(c))
        .collect::<Result<_, _>>()?;
    let is_border = |i: usize| border.contains(&i);

    // 1. Certified communes (all 19 criteria): border ones, the city's, then the rest at random.
    let certified_total = plan.targets.certified_baseline as usize;
    let mut certified = vec![false; n];
    let mut border_pool: Vec<usize> = border
        .iter()
        .copied()
        .filter(|i| !named_priority.contains(i))
        .collect();
    rng.shuffle(&mut border_pool);
    for &i in border_pool.iter().take(settings.border_certified) {
        certified[i] = true;
    }
    for (i, a) in admin.iter().enumerate() {
        if settings.always_certified_districts.contains(&a.district) && !is_border(i) {
            certified[i] = true;
        }
    }
    let mut rest: Vec<usize> = (0..n)
        .filter(|&i| !certified[i] && !is_border(i) && !named_priority.contains(&i))
        .collect();
    rng.shuffle(&mut rest);
    let still = certified_total - certified.iter().filter(|&&c| c).count();
    for &i in rest.iter().take(still) {
        certified[i] = true;
    }

    // 2. Priority communes: the two the plan names, some on the border, the rest at random.
    let mut priority = vec![false; n];
    for &i in &named_priority {
        priority[i] = true;
    }
    let mut pool: Vec<usize> = border
        .iter()
        .copied()
        .filter(|&i| !certified[i] && !priority[i])
        .collect();
    rng.shuffle(&mut pool);
    for &i in pool.iter().take(settings.priority_on_border) {
        priority[i] = true;
    }
    let mut pool: Vec<usize> = (0..n)
        .filter(|&i| !certified[i] && !priority[i] && !is_border(i))
        .collect();
    rng.shuffle(&mut pool);
    let still = settings.priority_count - priority.iter().filter(|&&p| p).count();
    for &i in pool.iter().take(still) {
        priority[i] = true;
    }

    // 3. Which criteria each commune meets.
    let all = plan.all_items();
    let mut meets: Vec<ItemSet> = vec![0; n];
    for i in 0..n {
        if certified[i] {
            meets[i] = all;
        }
    }
    let increase: Vec<u32> = plan
        .criteria
        .iter()
        .map(|c| c.target - c.baseline)
        .collect();
    // Priority communes miss cultural facilities and environment, half miss schools, and a few
    // other criteria the plan raises, never more per criterion than the plan's increase. All
    // ten cultural-facilities places then go to them, so no other commune completes its set.
    let priority_rows: Vec<usize> = (0..n).filter(|&i| priority[i]).collect();
    let mut missing_per_criterion = vec![0u32; criteria];
    for (j, &i) in priority_rows.iter().enumerate() {
        let mut m = all & !(1 << CULTURE_FACILITIES) & !(1 << ENVIRONMENT);
        if j % 2 == 0 {
            m &= !(1 << SCHOOLS);
        }
        let extra = 1 + rng.below(3);
        let mut flexible: Vec<usize> = (0..criteria)
            .filter(|&k| {
                increase[k] > 0 && ![SCHOOLS, CULTURE_FACILITIES, ENVIRONMENT].contains(&k)
            })
            .collect();
        rng.shuffle(&mut flexible);
        let mut added = 0;
        for k in flexible {
            if added == extra {
                break;
            }
            if missing_per_criterion[k] < increase[k] {
                m &= !(1 << k);
                added += 1;
            }
        }
        for k in 0..criteria {
            if m & (1 << k) == 0 {
                missing_per_criterion[k] += 1;
            }
        }
        meets[i] = m;
    }
    // The other communes: each criterion goes to as many as the baseline needs, the stronger
    // communes (a hidden score, lower on the border) more likely to meet it.
    let others: Vec<usize> = (0..n).filter(|&i| !certified[i] && !priority[i]).collect();
    let strength: Vec<f64> = (0..n)
        .map(|i| rng.unit() * if is_border(i) { 0.55 } else { 1.0 })
        .collect();
    let weight = |i: usize| (3.5 * strength[i]).exp();
    let mut column_order: Vec<usize> = (0..criteria).collect();
    // Cultural facilities first: the communes that meet it must miss security (an unchanged
    // criterion) so that no non-priority commune can complete its set.
    column_order.sort_by_key(|&k| if k == CULTURE_FACILITIES { 0 } else { 1 });
    let mut protected: Vec<usize> = Vec::new();
    for k in column_order {
        let already = meets.iter().filter(|&&m| m & (1 << k) != 0).count() as u32;
        let wanted = plan.criteria[k]
            .baseline
            .checked_sub(already)
            .ok_or_else(|| {
                format!(
                    "criterion {}: the priority communes already exceed the baseline",
                    plan.criteria[k].key
                )
            })? as usize;
        let pool: Vec<usize> = others
            .iter()
            .copied()
            .filter(|i| !(k == SECURITY && protected.contains(i)))
            .collect();
        if wanted > pool.len() {
            return Err(format!(
                "criterion {}: cannot place {wanted} communes",
                plan.criteria[k].key
            ));
        }
        let chosen = if [PLANNING, EMPLOYMENT].contains(&k) {
            pool
        } else {
            weighted_pick(&mut rng, &pool, weight, wanted)
        };
        for &i in &chosen {
            meets[i] |= 1 << k;
        }
        if k == CULTURE_FACILITIES {
            protected = chosen;
        }
    }
    // The weakest communes keep 7 criteria or more (the plan speaks of a group at 7–9): a
    // criterion moves to them from the strongest of the others (column sums stay).
    let fixed_columns = [
        PLANNING,
        SCHOOLS,
        CULTURE_FACILITIES,
        EMPLOYMENT,
        EDUCATION,
        ENVIRONMENT,
        SECURITY,
    ];
    const FLOOR: u32 = 7;
    let mut guard = 0;
    while let Some(&weak) = others.iter().find(|&&i| meets[i].count_ones() < FLOOR) {
        guard += 1;
        if guard > 100_000 {
            return Err("could not lift the weakest communes".into());
        }
        let k = rng.below(criteria);
        let donor = others
            .iter()
            .copied()
            .filter(|&i| is_border(i) == is_border(weak) && meets[i] & (1 << k) != 0)
            .max_by_key(|&i| meets[i].count_ones());
        if let Some(donor) = donor {
            if !fixed_columns.contains(&k)
                && meets[weak] & (1 << k) == 0
                && meets[donor].count_ones() > FLOOR + 1
            {
                meets[donor] &= !(1 << k);
                meets[weak] |= 1 << k;
            }
        }
    }
    // The border communes must total the known 13.85 average: move single criteria between a
    // border and an inland commune (column sums stay) until they do.
    let border_others: Vec<usize> = others.iter().copied().filter(|&i| is_border(i)).collect();
    let inland_others: Vec<usize> = others.iter().copied().filter(|&i| !is_border(i)).collect();
    let border_total =
        |meets: &[ItemSet]| border.iter().map(|&i| meets[i].count_ones()).sum::<u32>();
    let mut guard = 0;
    while border_total(&meets) != settings.border_criteria_total {
        guard += 1;
        if guard > 100_000 {
            return Err("could not calibrate the border communes' total".into());
        }
        let raise = border_total(&meets) < settings.border_criteria_total;
        let k = rng.below(criteria);
        if fixed_columns.contains(&k) {
            continue;
        }
        let b = border_others[rng.below(border_others.len())];
        let o = inland_others[rng.below(inland_others.len())];
        let (from, to) = if raise { (o, b) } else { (b, o) };
        let bit = 1 << k;
        if meets[from] & bit != 0 && meets[to] & bit == 0 && meets[from].count_ones() > FLOOR {
            meets[from] &= !bit;
            meets[to] |= bit;
        }
    }

    // 4. Difficult communes (xã ĐBKK): more likely the weaker ones and the border.
    let difficult: Vec<bool> = (0..n)
        .map(|i| {
            let weak = meets[i].count_ones() <= 11;
            let p = settings.difficult_share
                * if certified[i] {
                    0.3
                } else if weak {
                    1.6
                } else {
                    1.0
                }
                * if is_border(i) { 1.5 } else { 1.0 };
            rng.unit() < p
        })
        .collect();

    // 5. Costs, in hundredths of a billion, around the plan's unit costs.
    let spread: Vec<Vec<f64>> = (0..n)
        .map(|_| {
            (0..criteria)
                .map(|_| (settings.cost_spread * rng.normal()).exp().clamp(0.5, 2.0))
                .collect()
        })
        .collect();
    let m = &plan.cost_multipliers;
    let build = |scale: f64, fix: Option<(usize, usize, i64)>| -> CommuneTable {
        let mut districts: Vec<String> = Vec::new();
        let communes = (0..n)
            .map(|i| {
                let a = &admin[i];
                let district = match districts.iter().position(|d| *d == a.district) {
                    Some(d) => d,
                    None => {
                        districts.push(a.district.clone());
                        districts.len() - 1
                    }
                };
                let factor = 1.0
                    + m.border * f64::from(u8::from(is_border(i)))
                    + m.difficult * f64::from(u8::from(difficult[i]));
                let cost = (0..criteria)
                    .map(|k| {
                        if meets[i] & (1 << k) != 0 {
                            return None;
                        }
                        let mut cents =
                            (plan.items[k].unit_cost * factor * spread[i][k] * scale * 100.0)
                                .round() as i64;
                        if let Some((fi, fk, delta)) = fix {
                            if fi == i && fk == k {
                                cents += delta;
                            }
                        }
                        Some(cents.max(1) as f64 / 100.0)
                    })
                    .collect();
                Commune {
                    id: a.code.clone(),
                    name: a.name.clone(),
                    district,
                    group: 0,
                    border: is_border(i),
                    difficult: difficult[i],
                    priority: priority[i],
                    meets: meets[i],
                    cost,
                }
            })
            .collect();
        CommuneTable {
            communes,
            districts,
            ignored_columns: Vec::new(),
        }
    };
    let total_cents = |table: &CommuneTable| -> i64 {
        let model = Model::new(plan.clone(), table.clone());
        model
            .default_investment()
            .iter()
            .map(|x| (x * 100.0).round() as i64)
            .sum()
    };
    let wanted_cents = (plan.funding_total() * 100.0).round() as i64;
    let mut scale = 1.0;
    for _ in 0..20 {
        let got = total_cents(&build(scale, None));
        if (got - wanted_cents).abs() < 500 {
            break;
        }
        scale *= wanted_cents as f64 / got as f64;
    }
    // The last cents go to a priority commune's largest cost: every priority commune is
    // served anyway, so its cost moves no commune in or out of the plan.
    let table = build(scale, None);
    let communes = &table.communes;
    let (fi, fk) = priority_rows
        .iter()
        .flat_map(|&i| (0..criteria).filter_map(move |k| communes[i].cost[k].map(|c| (c, i, k))))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i, k)| (i, k))
        .ok_or("no priority commune has a cost")?;
    let delta = wanted_cents - total_cents(&table);
    let table = build(scale, Some((fi, fk, delta)));
    let csv = table.to_csv(plan);
    verify(plan, &csv, settings)?;
    Ok(csv)
}

/// Checks the table against every calibration fact of model.md §3 and §6.
pub fn verify(plan: &Plan, csv: &str, settings: &Settings) -> Result<(), String> {
    let table =
        CommuneTable::from_csv(csv.as_bytes(), plan, "generated").map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    for (k, c) in plan.criteria.iter().enumerate() {
        let meeting = table.communes.iter().filter(|x| x.meets(k)).count() as u32;
        if meeting != c.baseline {
            problems.push(format!(
                "{}: {} communes meet it, baseline {}",
                c.key, meeting, c.baseline
            ));
        }
    }
    let model = Model::new(plan.clone(), table);
    let table = &model.table;
    if model.certified_baseline() != plan.targets.certified_baseline {
        problems.push(format!(
            "{} certified at the start",
            model.certified_baseline()
        ));
    }
    let priority = table.communes.iter().filter(|c| c.priority).count();
    if priority != settings.priority_count {
        problems.push(format!("{priority} priority communes"));
    }
    let border: Vec<&Commune> = table.communes.iter().filter(|c| c.border).collect();
    let border_met: u32 = border.iter().map(|c| model.criteria_met(c.meets)).sum();
    let border_certified = border.iter().filter(|c| c.meets == model.shape.all).count();
    if border.len() != settings.border_communes.len()
        || border_met != settings.border_criteria_total
        || border_certified != settings.border_certified
    {
        problems.push(format!(
            "border: {} communes, {border_met} criteria, {border_certified} certified",
            border.len()
        ));
    }
    let outcome = model.run(&Scenario::plan());
    if outcome.certified != plan.targets.certified {
        problems.push(format!("plan scenario certifies {}", outcome.certified));
    }
    for c in &outcome.criteria {
        if c.met != c.target {
            problems.push(format!(
                "plan scenario: {} reaches {} of {}",
                c.key, c.met, c.target
            ));
        }
    }
    let invested: f64 = model.default_investment().iter().sum();
    if (invested - plan.funding_total()).abs() > 1e-6 {
        problems.push(format!(
            "plan investment {invested}, funding {}",
            plan.funding_total()
        ));
    }
    if outcome.funding.idle != 0.0 || outcome.funding.shortfall != 0.0 {
        problems.push(format!(
            "idle {} shortfall {}",
            outcome.funding.idle, outcome.funding.shortfall
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the generated table misses its calibration: {}",
            problems.join("; ")
        ))
    }
}

/// A synthetic table of every commune of Vietnam (`seeds/admin/communes-vietnam.csv`): real
/// codes and names, random status and costs. For benchmarks and tests at national scale only.
pub fn synthetic_national(plan: &Plan, admin_csv: &str, seed: u64) -> Result<CommuneTable, String> {
    let criteria = plan.items.len();
    let mut reader = csv::Reader::from_reader(admin_csv.as_bytes());
    let mut rng = Rng::new(seed);
    let mut districts: Vec<String> = Vec::new();
    let mut communes = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("national list, row {}: {e}", i + 2))?;
        let district_name = format!(
            "{} ({})",
            row.get(3).unwrap_or_default(),
            row.get(5).unwrap_or_default()
        );
        let district = match districts.iter().rposition(|d| *d == district_name) {
            Some(d) => d,
            None => {
                districts.push(district_name);
                districts.len() - 1
            }
        };
        let strength = rng.unit();
        let mut meets: ntm_planner::engine::ItemSet = 0;
        for k in 0..criteria {
            if rng.unit() < 0.35 + 0.65 * strength {
                meets |= 1 << k;
            }
        }
        let border = rng.unit() < 0.05;
        let difficult = rng.unit() < 0.2;
        let cost = (0..criteria)
            .map(|k| {
                (meets & (1 << k) == 0).then(|| {
                    let c = plan.items[k].unit_cost * (0.25 * rng.normal()).exp();
                    (c * 100.0).round() / 100.0
                })
            })
            .collect();
        communes.push(Commune {
            id: row.get(0).unwrap_or_default().to_string(),
            name: row.get(1).unwrap_or_default().to_string(),
            district,
            group: 0,
            border,
            difficult,
            priority: rng.unit() < 0.05,
            meets,
            cost,
        });
    }
    Ok(CommuneTable {
        communes,
        districts,
        ignored_columns: Vec::new(),
    })
}

/// The country's 2,621 communes since July 2025 (the `xa` rows of
/// `seeds/admin/communes-vietnam-2025.csv`: code, name, type in columns 3–5) for any plan, with
/// made-up status, groups and costs: for benchmarks and tests at national scale. No districts.
pub fn synthetic_2025(plan: &Plan, units_csv: &str, seed: u64) -> Result<CommuneTable, String> {
    let items = plan.items.len();
    let groups = plan.commune_groups.len().max(1);
    let mut reader = csv::Reader::from_reader(units_csv.as_bytes());
    let mut rng = Rng::new(seed);
    let mut communes = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("units of 2025, row {}: {e}", i + 2))?;
        if row.get(4) != Some("xa") {
            continue;
        }
        let strength = rng.unit();
        let mut meets: ItemSet = 0;
        for j in 0..items {
            if rng.unit() < 0.5 + 0.5 * strength {
                meets |= 1 << j;
            }
        }
        let group = rng.below(groups);
        let border = rng.unit() < 0.05;
        let difficult = rng.unit() < 0.2;
        let cost = (0..items)
            .map(|j| {
                (meets & (1 << j) == 0).then(|| {
                    let c = plan.unit_cost(j, group) * (0.25 * rng.normal()).exp();
                    (c * 100.0).round() / 100.0
                })
            })
            .collect();
        communes.push(Commune {
            id: row.get(2).unwrap_or_default().to_string(),
            name: row.get(3).unwrap_or_default().to_string(),
            district: 0,
            group,
            border,
            difficult,
            priority: rng.unit() < 0.05,
            meets,
            cost,
        });
    }
    Ok(CommuneTable {
        communes,
        districts: Vec::new(),
        ignored_columns: Vec::new(),
    })
}
