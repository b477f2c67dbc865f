//! Small hand-made commune tables for the engine's rule tests.
#![allow(dead_code)]

use ntm_planner::model::table::canonical_header;
use ntm_planner::model::{CommuneTable, Model, Plan, CRITERIA};

pub const ALL: u32 = (1 << CRITERIA) - 1;

#[derive(Clone, Debug)]
pub struct Row {
    pub id: String,
    pub district: String,
    pub border: bool,
    pub difficult: bool,
    pub priority: bool,
    pub meets: u32,
    pub cost: [Option<f64>; CRITERIA],
}

/// A commune meeting everything but `missing` (criterion indices, 0-based), each at `cost`.
pub fn row(id: &str, missing: &[usize], cost: f64) -> Row {
    let mut meets = ALL;
    let mut costs = [None; CRITERIA];
    for &k in missing {
        meets &= !(1 << k);
        costs[k] = Some(cost);
    }
    Row {
        id: id.into(),
        district: "Huyện A".into(),
        border: false,
        difficult: false,
        priority: false,
        meets,
        cost: costs,
    }
}

impl Row {
    pub fn priority(mut self) -> Row {
        self.priority = true;
        self
    }
    pub fn border(mut self) -> Row {
        self.border = true;
        self
    }
    pub fn difficult(mut self) -> Row {
        self.difficult = true;
        self
    }
    pub fn cost(mut self, k: usize, c: f64) -> Row {
        self.cost[k] = Some(c);
        self
    }
    pub fn district(mut self, d: &str) -> Row {
        self.district = d.into();
        self
    }
}

pub fn csv(rows: &[Row]) -> String {
    let mut out = canonical_header().join(",");
    out.push('\n');
    for r in rows {
        let mut cells = vec![
            r.id.clone(),
            format!("Xã {}", r.id),
            r.district.clone(),
            (r.border as u8).to_string(),
            (r.difficult as u8).to_string(),
            (r.priority as u8).to_string(),
        ];
        cells.extend((0..CRITERIA).map(|k| ((r.meets >> k) & 1).to_string()));
        cells.extend(
            r.cost
                .iter()
                .map(|c| c.map(|v| v.to_string()).unwrap_or_default()),
        );
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

pub fn model(rows: &[Row]) -> Model {
    let table = CommuneTable::from_csv(csv(rows).as_bytes(), "test.csv").expect("test table");
    Model::new(Plan::lang_son_2022(), table)
}
