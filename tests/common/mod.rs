//! Small hand-made commune tables for the engine's rule tests.
#![allow(dead_code)]

use ntm_planner::engine::{CommuneTable, Model, Plan};
use ntm_planner::formats::table::canonical_header;
/// The 2022 plan's criteria (each its own single item).
const CRITERIA: usize = 19;

pub const ALL: u128 = (1 << CRITERIA) - 1;

#[derive(Clone, Debug)]
pub struct Row {
    pub id: String,
    pub district: String,
    pub border: bool,
    pub difficult: bool,
    pub priority: bool,
    pub meets: u128,
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
    let mut out = canonical_header(&Plan::lang_son_2022(), true).join(",");
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
    let table = CommuneTable::from_csv(
        csv(rows).as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "test.csv",
    )
    .expect("test table");
    Model::new(Plan::lang_son_2022(), table)
}

/// The header a provincial office would write for a canonical one (Mã xã, TC1, Chi phí TC1…).
pub fn vietnamese_header(canonical: &str) -> String {
    match canonical {
        "id" => "Mã xã".to_string(),
        "name" => "Tên xã".to_string(),
        "district" => "Huyện".to_string(),
        "border" => "Biên giới".to_string(),
        "difficult" => "ĐBKK".to_string(),
        "priority" => "Phấn đấu".to_string(),
        h if h.starts_with("tc") => h.to_uppercase(),
        h => format!("Chi phí TC{}", &h[4..]),
    }
}

/// The shipped table as an Excel workbook with Vietnamese headers, a title row above them and
/// the table starting at `first_column`; `edit(row, column, cell)` may change a cell of the CSV.
#[cfg(not(target_arch = "wasm32"))]
pub fn shipped_as_xlsx(
    first_column: u16,
    edit: impl Fn(usize, usize, &str) -> Option<String>,
) -> Vec<u8> {
    use rust_xlsxwriter::Workbook;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .write_string(
            0,
            first_column,
            "Số liệu các xã tỉnh Lạng Sơn, tháng 12/2021",
        )
        .unwrap();
    for (r, line) in ntm_planner::formats::seeds::SHIPPED_COMMUNES
        .lines()
        .enumerate()
    {
        for (c, cell) in line.split(',').enumerate() {
            let cell = if r == 0 {
                vietnamese_header(cell)
            } else {
                cell.to_string()
            };
            let cell = edit(r, c, &cell).unwrap_or(cell);
            if cell.is_empty() {
                continue;
            }
            let (row, col) = (r as u32 + 2, c as u16 + first_column);
            // Numbers as numbers (as Excel keeps them), except the commune codes.
            match cell.parse::<f64>() {
                Ok(v) if c != 0 => sheet.write_number(row, col, v).unwrap(),
                _ => sheet.write_string(row, col, &cell).unwrap(),
            };
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// Today's units listed in a file of `seeds/admin/` (its `code` and `name` columns).
pub fn units_2025(file: &str) -> Vec<(String, String)> {
    let text =
        std::fs::read_to_string(format!("{}/seeds/admin/{file}", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (code, name) = (at("code"), at("name"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[code].to_string(), f[name].to_string())
        })
        .collect()
}

/// A commune table with no district column, as an office of today keeps it: each unit with
/// criterion k met where `met(row, k)`, a border commune where `border(row)`, no costs.
pub fn units_table_csv(
    units: &[(String, String)],
    met: impl Fn(usize, usize) -> bool,
    border: impl Fn(usize) -> bool,
) -> String {
    let criteria: Vec<String> = (1..=CRITERIA).map(|k| format!("tc{k}")).collect();
    let costs: Vec<String> = (1..=CRITERIA).map(|k| format!("cost{k}")).collect();
    let mut csv = format!(
        "id,name,border,difficult,priority,{},{}\n",
        criteria.join(","),
        costs.join(",")
    );
    for (i, (code, name)) in units.iter().enumerate() {
        let cells: Vec<&str> = (0..CRITERIA)
            .map(|k| if met(i, k) { "1" } else { "0" })
            .collect();
        csv.push_str(&format!(
            "{code},{name},{},0,0,{}{}\n",
            u8::from(border(i)),
            cells.join(","),
            ",".repeat(CRITERIA)
        ));
    }
    csv
}
