//! Results out: CSV (UTF-8 with BOM, so Excel reads Vietnamese) and an Excel workbook with
//! the criteria, districts and communes sheets.
//!
//! The workbook is written here rather than with rust_xlsxwriter to keep the page small: a
//! workbook of plain values is a zip (stored, not compressed) of six short XML files.

use crate::engine::{Model, Outcome, Scenario, CRITERIA};
use crate::text::Lang;

/// One sheet: a name and rows of cells.
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn n(x: impl Into<f64>) -> Cell {
    Cell::Number(x.into())
}

/// The results as sheets: criteria, districts, communes (with each commune's criteria after
/// the year).
pub fn result_sheets(model: &Model, scenario: &Scenario, o: &Outcome, lang: Lang) -> Vec<Sheet> {
    let plan = &model.plan;
    let criteria_header = lang.pick(
        [
            "Mã",
            "Tiêu chí",
            "Đầu năm",
            "Dự kiến",
            "Chỉ tiêu",
            "Chênh",
            "Đầu tư (tỷ đồng)",
            "Được cấp vốn",
            "Thiếu vốn",
            "Chưa dùng",
        ],
        [
            "Id",
            "Criterion",
            "Start",
            "Projected",
            "Target",
            "Gap",
            "Investment (bn VND)",
            "Covered",
            "Shortfall",
            "Unused",
        ],
    );
    let mut criteria = vec![criteria_header.iter().map(|h| t(*h)).collect::<Vec<_>>()];
    for (c, r) in plan.criteria.iter().zip(&o.criteria) {
        criteria.push(vec![
            n(c.id),
            t(lang.pick(&c.name_vi, &c.name_en).as_str()),
            n(r.baseline),
            n(r.met),
            n(r.target),
            n(f64::from(r.met) - f64::from(r.target)),
            n(r.investment),
            n(r.covered),
            n(r.shortfall),
            n(r.unused),
        ]);
    }
    criteria.push(vec![]);
    criteria.push(vec![
        t(lang.pick("Kịch bản", "Scenario")),
        t(scenario.display_name(plan)),
    ]);
    criteria.push(vec![
        t(lang.pick("Xã đạt chuẩn", "Certified communes")),
        n(o.certified),
    ]);
    criteria.push(vec![
        t(lang.pick("Bình quân tiêu chí/xã", "Average criteria a commune")),
        n(o.avg_criteria),
    ]);
    criteria.push(vec![
        t(lang.pick(
            "Xã biên giới: tiêu chí/xã",
            "Border communes: criteria each",
        )),
        n(o.border.avg_criteria),
    ]);
    criteria.push(vec![
        t(lang.pick("Vốn thiếu (tỷ đồng)", "Money short (bn VND)")),
        n(o.funding.shortfall),
    ]);
    criteria.push(vec![
        t(lang.pick("Vốn không dùng được (tỷ đồng)", "Money idle (bn VND)")),
        n(o.funding.idle),
    ]);

    let district_header = lang.pick(
        ["Huyện", "Số xã", "Đạt chuẩn", "Bình quân tiêu chí/xã"],
        ["District", "Communes", "Certified", "Average criteria"],
    );
    let mut districts = vec![district_header.iter().map(|h| t(*h)).collect::<Vec<_>>()];
    for d in &o.districts {
        districts.push(vec![
            t(d.name.as_str()),
            n(d.communes),
            n(d.certified),
            n(d.avg_criteria),
        ]);
    }

    let mut header = lang
        .pick(
            [
                "Mã xã",
                "Tên xã",
                "Huyện",
                "Biên giới",
                "ĐBKK",
                "Phấn đấu",
                "Số TC đầu năm",
                "Số TC cuối năm",
                "Đạt chuẩn",
            ],
            [
                "Id",
                "Commune",
                "District",
                "Border",
                "Difficult",
                "Priority",
                "Criteria at start",
                "Criteria at end",
                "Certified",
            ],
        )
        .iter()
        .map(|h| t(*h))
        .collect::<Vec<_>>();
    header.extend((1..=CRITERIA).map(|k| t(format!("TC{k}"))));
    let mut communes = vec![header];
    let all = (1u32 << CRITERIA) - 1;
    for (c, &after) in model.table.communes.iter().zip(&o.meets) {
        let mut row = vec![
            t(c.id.as_str()),
            t(c.name.as_str()),
            t(model.table.districts[c.district].as_str()),
            n(u8::from(c.border)),
            n(u8::from(c.difficult)),
            n(u8::from(c.priority)),
            n(c.criteria_met()),
            n(after.count_ones()),
            n(u8::from(after == all)),
        ];
        row.extend((0..CRITERIA).map(|k| n((after >> k) & 1)));
        communes.push(row);
    }
    vec![
        Sheet {
            name: lang.pick("Tiêu chí", "Criteria").into(),
            rows: criteria,
        },
        Sheet {
            name: lang.pick("Huyện", "Districts").into(),
            rows: districts,
        },
        Sheet {
            name: lang.pick("Xã", "Communes").into(),
            rows: communes,
        },
    ]
}

/// A number as a spreadsheet should show it: at most six decimals (a thousand VND of a
/// billion), no float noise (`47.24999999999999` → `47.25`), no `-0`.
pub fn number_text(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let rounded = (x * 1e6).round() / 1e6;
    if rounded == 0.0 {
        "0".to_string()
    } else {
        format!("{rounded}")
    }
}

/// A text cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, carriage
/// return first) is written with a leading `'` (OWASP's advice), so it stays text.
fn neutralised(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

pub fn csv_field(cell: &Cell) -> String {
    match cell {
        Cell::Number(x) => number_text(*x),
        Cell::Text(s) => {
            let s = neutralised(s);
            if s.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.into_owned()
            }
        }
    }
}

/// The results as one CSV file: the criteria, then the districts, then the communes, each
/// block under its own header, with a byte order mark so that Excel reads it as UTF-8.
pub fn results_csv(sheets: &[Sheet]) -> String {
    let mut out = String::from("\u{feff}");
    for (i, sheet) in sheets.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        out.push_str(&csv_field(&Cell::Text(sheet.name.clone())));
        out.push_str("\r\n");
        for row in &sheet.rows {
            out.push_str(&row.iter().map(csv_field).collect::<Vec<_>>().join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The risk run's percentiles and chances as a sheet (model.md §7.3).
pub fn risk_sheet(
    r: &crate::engine::risk::RiskOutcome,
    plan: &crate::engine::Plan,
    lang: Lang,
) -> Sheet {
    let mut rows = vec![
        vec![
            t(lang.pick("Số lần rút", "Draws")),
            n(r.draws),
            t(lang.pick("Hạt giống", "Seed")),
            n(r.seed as f64),
        ],
        vec![
            t(""),
            t("P10"),
            t("P50"),
            t("P90"),
            t(lang.pick("Trung bình", "Mean")),
            t(lang.pick("Mục tiêu", "Target")),
            t(lang.pick("Khả năng đạt", "Chance of reaching it")),
        ],
    ];
    let spread = |label: &str, s: &crate::engine::risk::Spread, target: f64, chance: f64| {
        vec![
            t(label),
            n(s.p10),
            n(s.p50),
            n(s.p90),
            n(s.mean),
            n(target),
            n(chance),
        ]
    };
    rows.push(spread(
        lang.pick("Xã đạt chuẩn", "Certified communes"),
        &r.certified,
        r.targets.0,
        r.chance_certified,
    ));
    rows.push(spread(
        lang.pick("Bình quân tiêu chí/xã", "Average criteria a commune"),
        &r.avg_criteria,
        r.targets.1,
        r.chance_avg_criteria,
    ));
    rows.push(spread(
        lang.pick(
            "Xã biên giới: tiêu chí/xã",
            "Border communes: criteria each",
        ),
        &r.border_avg,
        r.targets.2,
        r.chance_border_avg,
    ));
    for (c, risk) in plan.criteria.iter().zip(&r.criteria) {
        rows.push(spread(
            &format!("{}. {}", c.id, lang.pick(&c.name_vi, &c.name_en)),
            &risk.met,
            f64::from(risk.target),
            risk.chance,
        ));
    }
    Sheet {
        name: lang.pick("Rủi ro", "Risk").into(),
        rows,
    }
}

/// The path year by year as a sheet (model.md §7.1).
pub fn path_sheet(p: &crate::engine::path::PathOutcome, lang: Lang) -> Sheet {
    let mut rows = vec![vec![
        t(lang.pick("Năm", "Year")),
        t(lang.pick("Xã đạt chuẩn", "Certified")),
        t(lang.pick("Bình quân tiêu chí/xã", "Average criteria")),
        t(lang.pick("Biên giới: tiêu chí/xã", "Border average")),
        t(lang.pick("Xã thấp nhất (tiêu chí)", "Lowest commune (criteria)")),
        t(lang.pick("Vốn thiếu", "Short")),
        t(lang.pick("Vốn không dùng", "Idle")),
    ]];
    for y in &p.years {
        let o = &y.outcome;
        rows.push(vec![
            n(y.year),
            n(o.certified),
            n(o.avg_criteria),
            n(o.border.avg_criteria),
            n(o.min_criteria),
            n(o.funding.shortfall),
            n(o.funding.idle),
        ]);
    }
    Sheet {
        name: lang.pick("Lộ trình", "Path").into(),
        rows,
    }
}
