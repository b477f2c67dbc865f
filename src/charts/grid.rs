//! The communes grid as HTML rows: one commune a row, a cell a criterion (met at the start,
//! gained as in the plan or beyond it, lost against the plan, missing). Written as text so a
//! grid of 8,248 communes is one DOM write; every name from a table is escaped.

use crate::engine::{Model, CRITERIA};
use crate::text::number::escape_markup;

/// The row's class: certified (already or newly), and whether it differs from the plan.
pub fn row_class(before: u32, after: u32, in_plan: u32) -> String {
    let all = (1u32 << CRITERIA) - 1;
    let status = match (after == all, before == all) {
        (true, true) => "certified",
        (true, false) => "newly",
        _ => "",
    };
    if after != in_plan {
        format!("{status} differs")
    } else {
        status.to_string()
    }
}

/// A cell's class and mark: met at the start, gained (as in the plan, or beyond it), lost
/// against the plan, or missing.
pub fn cell_state(before: u32, after: u32, in_plan: u32, bit: u32) -> (&'static str, &'static str) {
    if before & bit != 0 {
        ("cell had", "●")
    } else if after & bit != 0 {
        (
            if in_plan & bit != 0 {
                "cell gained"
            } else {
                "cell gained extra"
            },
            "◆",
        )
    } else if in_plan & bit != 0 {
        ("cell lost", "○")
    } else {
        ("cell missing", "")
    }
}

pub fn grid_rows_html(model: &Model, rows: &[usize], states: &[(u32, u32)]) -> String {
    let mut html = String::with_capacity(rows.len() * 700);
    for (&i, &(after, in_plan)) in rows.iter().zip(states) {
        let c = &model.table.communes[i];
        html.push_str(&format!(
            "<tr data-row=\"{i}\" class=\"{}\" tabindex=\"0\"><th scope=\"row\">{}</th><td class=\"district\">{}</td><td class=\"num\">{}</td>",
            row_class(c.meets, after, in_plan),
            escape_markup(&c.name),
            escape_markup(model.table.district_name(c).unwrap_or("—")),
            after.count_ones()
        ));
        for k in 0..CRITERIA {
            let (class, mark) = cell_state(c.meets, after, in_plan, 1 << k);
            html.push_str(&format!("<td class=\"{class}\">{mark}</td>"));
        }
        html.push_str("</tr>");
    }
    html
}
