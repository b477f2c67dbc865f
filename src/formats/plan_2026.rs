//! The shipped 2026 plan and its communes, derived (model.md §8.5): the shipped 2022 table run
//! along the shipped 2022–2025 path, carried by §8.4 into Lạng Sơn's communes of 2025 and the
//! ten criteria of Decision 51/2025, the wards left out; the plan's counts and 2026 targets
//! filled into its template by one documented rule. `cargo run --bin generate-2026` writes the
//! three files; running it again reproduces them byte for byte (a test checks this).

use super::merge::read_mapping;
use crate::engine::merge::merge;
use crate::engine::path::Path;
use crate::engine::{Model, Plan, Scenario};
use serde_json::{json, Value};

/// The national aim for 2030: about 65% of communes meeting the standard (Resolution
/// 257/2025/QH15), in whole communes.
pub fn aim_2030(communes: u32) -> u32 {
    (f64::from(communes) * 0.65).ceil() as u32
}

/// A count's 2026 target: a fifth of the way from where it stands to the 2030 aim (kept where
/// it is already there).
pub fn target_2026(now: u32, aim: u32) -> u32 {
    now + (aim.saturating_sub(now)).div_ceil(5)
}

/// An average's 2026 target: a fifth of the way to 2030's, where 65% of communes meet every
/// criterion and the others stand still; two decimals.
pub fn average_target_2026(now: f64, criteria: usize) -> f64 {
    let aim = 0.65 * criteria as f64 + 0.35 * now;
    ((now + (aim - now) / 5.0) * 100.0).round() / 100.0
}

/// What `generate-2026` writes: the plan, its communes and its 2026–2030 path.
pub struct Derived {
    pub plan: String,
    pub communes: String,
    pub path: String,
}

/// Derives the 2026 plan from its template (`seeds/admin/lang-son-2026-template.json`), the
/// 2022 → 2025 mapping and the units of 2025 (their type: `xa`, `phuong`).
pub fn derive(template: &str, mapping: &str, units: &str) -> Result<Derived, String> {
    let fail = |e: super::error::InputError| e.message(crate::text::Lang::En);
    // 1. The shipped 2022 table at the end of 2025, along the shipped path.
    let old = Model::shipped();
    let path = Path::default_for(&old.plan, &Scenario::plan());
    let run = path.run(&old);
    let end = &run
        .years
        .last()
        .ok_or("the 2022 path has no years")?
        .outcome
        .meets;
    let mut table = old.table.clone();
    for (c, &m) in table.communes.iter_mut().zip(end) {
        c.meets = m;
    }
    let at_2025 = Model::new(old.plan.clone(), table);
    // 2. The mapping, each unit's group by the illustrative rule: a part the 2022 table marks
    // especially difficult puts it in group 3; else a part from the city, group 1; else 2.
    let mut rows = read_mapping(mapping.as_bytes(), "merge-lang-son-2025.csv").map_err(fail)?;
    let part = |id: &str| at_2025.table.communes.iter().find(|c| c.id == id);
    let group_of = |code: &str| {
        let parts: Vec<_> = rows
            .iter()
            .filter(|r| r.code == code)
            .filter_map(|r| part(&r.old_id))
            .collect();
        if parts.iter().any(|c| c.difficult) {
            "3"
        } else if parts
            .iter()
            .any(|c| at_2025.table.district_name(c) == Some("Thành phố Lạng Sơn"))
        {
            "1"
        } else {
            "2"
        }
    };
    let groups: Vec<String> = rows.iter().map(|r| group_of(&r.code).to_string()).collect();
    for (row, group) in rows.iter_mut().zip(groups) {
        row.group = Some(group);
    }
    // 3. Carried into the 2026 criteria (§8.4), the wards left out.
    let template_plan = Plan::from_file(template, "lang-son-2026-template.json").map_err(fail)?;
    let mut merged = merge(&at_2025, &rows, &template_plan, false).map_err(|p| {
        fail(super::error::InputError::merge(
            "merge-lang-son-2025.csv",
            p,
        ))
    })?;
    let wards: Vec<&str> = units
        .lines()
        .filter(|l| l.split(',').nth(2) == Some("phuong"))
        .filter_map(|l| l.split(',').next())
        .collect();
    merged.communes.retain(|c| !wards.contains(&c.id.as_str()));
    let model = Model::new(template_plan.clone(), merged.clone());
    // 4. The plan's counts and targets.
    let n = model.table.communes.len() as u32;
    let aim = aim_2030(n);
    let mut plan: Value = serde_json::from_str(template).map_err(|e| e.to_string())?;
    plan["communes_total"] = json!(n);
    for (k, c) in template_plan.criteria.iter().enumerate() {
        let baseline = model.criterion_baseline(k);
        plan["criteria"][k]["baseline"] = json!(baseline);
        plan["criteria"][k]["target"] = json!(target_2026(baseline, aim));
        for (i, indicator) in c.indicators.iter().enumerate() {
            let j = template_plan
                .item_index(&indicator.key)
                .ok_or("an indicator without its item")?;
            let baseline = model.baseline(j);
            plan["criteria"][k]["indicators"][i]["baseline"] = json!(baseline);
            plan["criteria"][k]["indicators"][i]["target"] = json!(target_2026(baseline, aim));
        }
    }
    let criteria = template_plan.criteria.len();
    let certified = model.certified_baseline();
    let average = |members: &[usize]| {
        let met: u32 = members
            .iter()
            .map(|&i| model.criteria_met(model.table.communes[i].meets))
            .sum();
        f64::from(met) / members.len().max(1) as f64
    };
    let all: Vec<usize> = (0..n as usize).collect();
    let border: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| model.table.communes[i].border)
        .collect();
    let border_now = average(&border);
    let border_target = average_target_2026(border_now, criteria);
    let targets = &mut plan["targets"];
    targets["certified"] = json!(target_2026(certified, aim));
    targets["certified_baseline"] = json!(certified);
    targets["newly_certified"] = json!(target_2026(certified, aim) - certified);
    targets["avg_criteria_min"] = json!(average_target_2026(average(&all), criteria));
    targets["border_communes"] = json!(border.len());
    targets["border_certified_baseline"] = json!(border
        .iter()
        .filter(|&&i| model.table.communes[i].meets == model.shape.all)
        .count());
    targets["border_avg_baseline"] = json!((border_now * 100.0).round() / 100.0);
    targets["border_avg_min"] = json!(border_target);
    targets["border_avg_max"] = json!(border_target);
    let mut plan_text = serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())?;
    plan_text.push('\n');
    // The plan as written must read, and give the table's counts.
    let written = Plan::from_file(&plan_text, "lang-son-2026.json").map_err(fail)?;
    let path = json!({
        "schema": 1,
        "plan": written.key,
        "name": "Lộ trình 2026–2030",
        "years": [2026, 2027, 2028, 2029, 2030],
        "carry": {"undisbursed": 1, "idle": 1, "unused": 1},
        "cost_growth": 0,
        "targets": {"2030": {"certified": aim}}
    });
    let mut path_text = serde_json::to_string_pretty(&path).map_err(|e| e.to_string())?;
    path_text.push('\n');
    Ok(Derived {
        plan: plan_text,
        communes: merged.to_csv(&written),
        path: path_text,
    })
}
