//! The communes grid as HTML rows: one commune a row, a cell a criterion (met at the start,
//! gained as in the plan or beyond it, lost against the plan, missing). Written as text so a
//! grid of 8,248 communes is one DOM write; every name from a table is escaped.

use crate::engine::{ItemSet, Model};
use crate::text::number::escape_markup;

/// The row's class: certified (already or newly), and whether it differs from the plan.
/// `before`, `after` and `in_plan` are criteria met (bit k: criterion k), of `criteria`.
pub fn row_class(before: ItemSet, after: ItemSet, in_plan: ItemSet, criteria: usize) -> String {
    let all: ItemSet = if criteria >= 128 {
        ItemSet::MAX
    } else {
        (1 << criteria) - 1
    };
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
pub fn cell_state(
    before: ItemSet,
    after: ItemSet,
    in_plan: ItemSet,
    bit: ItemSet,
) -> (&'static str, &'static str) {
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

/// `states`: per row, the criteria met after the year and in the plan (bit k: criterion k).
pub fn grid_rows_html(model: &Model, rows: &[usize], states: &[(ItemSet, ItemSet)]) -> String {
    let criteria = model.plan.criteria.len();
    let mut html = String::with_capacity(rows.len() * 700);
    for (&i, &(after, in_plan)) in rows.iter().zip(states) {
        let c = &model.table.communes[i];
        let before = model.shape.criteria_set(c.meets);
        html.push_str(&format!(
            "<tr data-row=\"{i}\" class=\"{}\" tabindex=\"0\"><th scope=\"row\">{}</th><td class=\"district\">{}</td><td class=\"num\">{}</td>",
            row_class(before, after, in_plan, criteria),
            escape_markup(&c.name),
            // Its district where the table has districts, else its group where the plan has
            // groups (the column's heading says which).
            escape_markup(
                model
                    .table
                    .district_name(c)
                    .or_else(|| model.plan.commune_groups.get(c.group).map(|g| g.key.as_str()))
                    .unwrap_or("—")
            ),
            after.count_ones()
        ));
        for k in 0..criteria {
            let (class, mark) = cell_state(before, after, in_plan, 1 << k);
            html.push_str(&format!("<td class=\"{class}\">{mark}</td>"));
        }
        html.push_str("</tr>");
    }
    html
}
