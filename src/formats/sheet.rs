//! Results out: CSV (UTF-8 with BOM, so Excel reads Vietnamese) and an Excel workbook with
//! the criteria, districts and communes sheets.
//!
//! The workbook is written here rather than with rust_xlsxwriter to keep the page small: a
//! workbook of plain values is a zip (stored, not compressed) of six short XML files.

use crate::engine::{Model, Outcome, Scenario};
use crate::text::sentences as t;
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

/// A figure that may not exist (the border average of a table with no border commune): an
/// empty cell, never 0.
fn maybe(x: Option<f64>) -> Cell {
    x.map_or_else(|| t(""), n)
}

/// The results as sheets: criteria, districts, communes (with each commune's criteria after
/// the year).
pub fn result_sheets(model: &Model, scenario: &Scenario, o: &Outcome, lang: Lang) -> Vec<Sheet> {
    let plan = &model.plan;
    let criteria_header = lang.say_all([
        t::ID,
        t::CRITERION,
        t::START,
        t::HEADING_PROJECTED,
        t::HEADING_TARGET_SET,
        t::GAP,
        t::INVESTMENT_BN_VND,
        t::COVERED,
        t::SHORTFALL,
        t::UNUSED,
    ]);
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
        t(lang.say(t::SCENARIO)),
        t(scenario.display_name(plan)),
    ]);
    criteria.push(vec![
        t(lang.say(t::HEADING_CERTIFIED_COMMUNES)),
        n(o.certified),
    ]);
    criteria.push(vec![
        t(lang.say(t::AVERAGE_CRITERIA_A_COMMUNE)),
        n(o.avg_criteria),
    ]);
    criteria.push(vec![
        t(lang.say(t::BORDER_COMMUNES_CRITERIA_EACH)),
        maybe(o.border.avg_criteria),
    ]);
    criteria.push(vec![
        t(lang.say(t::MONEY_SHORT_BN_VND)),
        n(o.funding.shortfall),
    ]);
    criteria.push(vec![t(lang.say(t::MONEY_IDLE_BN_VND)), n(o.funding.idle)]);

    let district_header = lang.say_all([
        t::DISTRICT,
        t::HEADING_COMMUNES,
        t::HEADING_CERTIFIED,
        t::AVERAGE_CRITERIA,
    ]);
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
        .say_all([
            t::HEADING_COMMUNE_ID,
            t::HEADING_COMMUNE_NAME,
            t::DISTRICT,
            t::BORDER,
            t::HEADING_DIFFICULT,
            t::PRIORITY,
            t::CRITERIA_AT_START,
            t::CRITERIA_AT_END,
            t::HEADING_CERTIFIED,
        ])
        .iter()
        .map(|h| t(*h))
        .collect::<Vec<_>>();
    header.extend(
        model
            .plan
            .items
            .iter()
            .map(|item| t(format!("TC{}", item.id))),
    );
    let mut communes = vec![header];
    let all = model.shape.all;
    for (c, &after) in model.table.communes.iter().zip(&o.meets) {
        let mut row = vec![
            t(c.id.as_str()),
            t(c.name.as_str()),
            t(model.table.district_name(c).unwrap_or("")),
            n(u8::from(c.border)),
            n(u8::from(c.difficult)),
            n(u8::from(c.priority)),
            n(model.criteria_met(c.meets)),
            n(model.criteria_met(after)),
            n(u8::from(after == all)),
        ];
        row.extend((0..model.items()).map(|k| n(u8::from(after & (1 << k) != 0))));
        communes.push(row);
    }
    vec![
        Sheet {
            name: lang.say(t::CRITERIA).into(),
            rows: criteria,
        },
        Sheet {
            name: lang.say(t::DISTRICTS).into(),
            rows: districts,
        },
        Sheet {
            name: lang.say(t::COMMUNES).into(),
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
            t(lang.say(t::DRAWS)),
            n(r.draws),
            t(lang.say(t::SEED)),
            n(r.seed as f64),
        ],
        vec![
            t(""),
            t("P10"),
            t("P50"),
            t("P90"),
            t(lang.say(t::MEAN)),
            t(lang.say(t::HEADING_TARGET)),
            t(lang.say(t::CHANCE_OF_REACHING_IT)),
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
        lang.say(t::HEADING_CERTIFIED_COMMUNES),
        &r.certified,
        r.targets.0,
        r.chance_certified,
    ));
    rows.push(spread(
        lang.say(t::AVERAGE_CRITERIA_A_COMMUNE),
        &r.avg_criteria,
        r.targets.1,
        r.chance_avg_criteria,
    ));
    rows.push(spread(
        lang.say(t::BORDER_COMMUNES_CRITERIA_EACH),
        &r.border_avg,
        r.targets.2,
        r.chance_border_avg,
    ));
    for (c, risk) in plan.criteria.iter().zip(&r.criteria) {
        rows.push(spread(
            &crate::text::criterion_label(c, lang),
            &risk.met,
            f64::from(risk.target),
            risk.chance,
        ));
    }
    Sheet {
        name: lang.say(t::RISK).into(),
        rows,
    }
}

/// The path year by year as a sheet (model.md §7.1).
pub fn path_sheet(p: &crate::engine::path::PathOutcome, lang: Lang) -> Sheet {
    let mut rows = vec![vec![
        t(lang.say(t::YEAR)),
        t(lang.say(t::CERTIFIED)),
        t(lang.say(t::AVERAGE_CRITERIA)),
        t(lang.say(t::BORDER_AVERAGE)),
        t(lang.say(t::LOWEST_COMMUNE_CRITERIA)),
        t(lang.say(t::SHORT)),
        t(lang.say(t::IDLE)),
    ]];
    for y in &p.years {
        let o = &y.outcome;
        rows.push(vec![
            n(y.year),
            n(o.certified),
            n(o.avg_criteria),
            maybe(o.border.avg_criteria),
            n(o.min_criteria),
            n(o.funding.shortfall),
            n(o.funding.idle),
        ]);
    }
    Sheet {
        name: lang.say(t::PATH).into(),
        rows,
    }
}
