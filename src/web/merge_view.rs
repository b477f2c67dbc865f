//! Carrying the table in use into today's communes (model.md §8.4), from the page: the mapping
//! the project ships (Lạng Sơn, 2022 → 2025) or the office's own file; a preview of what
//! merging does (units, certified and average before and after, which communes went into which,
//! those divided between two); then the merged table waits in the import's preview, to replace
//! the table as an import does.

use super::persistence::{read_file, use_keeping};
use super::state::use_state;
use crate::engine::merge::{merge, MappingRow};
use crate::engine::Model;
use crate::formats::merge::read_mapping;
use crate::formats::InputError;
use crate::text::number::number;
use crate::text::sentences as t;
use leptos::prelude::*;

/// What merging does, shown before the table is replaced.
#[derive(Clone)]
struct Summary {
    units: (usize, usize),
    certified: (u32, u32),
    average: (f64, f64),
    /// Each new unit with the communes merged into it (those of more than one).
    merged: Vec<(String, Vec<String>)>,
    /// Communes divided between units, each with the one it also went into.
    divided: Vec<(String, String)>,
}

fn summarise(old: &Model, rows: &[MappingRow], mapping: &str, new: &Model) -> Summary {
    let run_old = old.run(&crate::engine::Scenario::plan());
    let run_new = new.run(&crate::engine::Scenario::plan());
    let name_of = |id: &str| {
        old.table
            .communes
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
    };
    let merged = new
        .table
        .communes
        .iter()
        .filter_map(|u| {
            let parts: Vec<String> = rows
                .iter()
                .filter(|r| r.code == u.id)
                .filter_map(|r| name_of(&r.old_id))
                .collect();
            (parts.len() > 1).then(|| (u.name.clone(), parts))
        })
        .collect();
    // The mapping's `split_also_into` column, where it has one.
    let mut divided = Vec::new();
    let mut lines = mapping.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let at = |name: &str| header.iter().position(|h| h.trim() == name);
    if let (Some(old_col), Some(split)) = (at("commune_code"), at("split_also_into")) {
        for line in lines {
            let cells: Vec<&str> = line.split(',').collect();
            let also = cells.get(split).map_or("", |c| c.trim());
            if let (false, Some(name)) = (
                also.is_empty(),
                cells.get(old_col).and_then(|id| name_of(id.trim())),
            ) {
                divided.push((name, also.to_string()));
            }
        }
    }
    Summary {
        units: (old.table.communes.len(), new.table.communes.len()),
        certified: (run_old.certified_baseline, run_new.certified_baseline),
        average: (
            old.table
                .communes
                .iter()
                .map(|c| f64::from(old.criteria_met(c.meets)))
                .sum::<f64>()
                / old.table.communes.len().max(1) as f64,
            new.table
                .communes
                .iter()
                .map(|c| f64::from(new.criteria_met(c.meets)))
                .sum::<f64>()
                / new.table.communes.len().max(1) as f64,
        ),
        merged,
        divided,
    }
}

#[component]
pub fn MergePanel() -> impl IntoView {
    let state = use_state();
    let keeping = use_keeping();
    let summary = RwSignal::new(None::<Summary>);
    let problem = RwSignal::new(None::<InputError>);
    let input = NodeRef::<leptos::html::Input>::new();
    // Merges the table in use by a mapping's text; the result waits in the import's preview.
    let carry = move |name: String, text: String| {
        problem.set(None);
        summary.set(None);
        let done = state.model.with_untracked(|old| {
            let rows = read_mapping(text.as_bytes(), name.as_str())?;
            let table = merge(old, &rows, &old.plan, true)
                .map_err(|p| InputError::merge(name.as_str(), p))?;
            let new = Model::new(old.plan.clone(), table.clone());
            Ok::<_, InputError>((summarise(old, &rows, &text, &new), table))
        });
        match done {
            Ok((s, table)) => {
                summary.set(Some(s));
                let title = state
                    .lang
                    .get_untracked()
                    .fill(t::MERGE_TABLE_NAME, &[("mapping", &name)]);
                keeping.pending_table.set(Some((title, table)));
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let shipped = move |_| {
        carry(
            "merge-lang-son-2025.csv".into(),
            crate::formats::seeds::MERGE_LANG_SON_2025.to_string(),
        )
    };
    let own = move |_| {
        let Some(el) = input.get() else { return };
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = read_file(&el).await else {
                return;
            };
            el.set_value("");
            carry(name, String::from_utf8_lossy(&bytes).into_owned());
        });
    };
    let shown = move || {
        let lang = state.lang.get();
        summary.get().map(|s| {
            let list = s
                .merged
                .iter()
                .map(|(unit, parts)| view! { <li>{format!("{unit} ← {}", parts.join(", "))}</li> })
                .collect_view();
            let divided = s
                .divided
                .iter()
                .map(|(name, also)| {
                    view! { <li>{lang.fill(t::MERGE_DIVIDED, &[("commune", name), ("also", also)])}</li> }
                })
                .collect_view();
            view! {
                <div class="merge-summary" data-testid="merge-summary">
                    <p>{lang.fill(t::MERGE_SUMMARY, &[
                        ("before", &s.units.0), ("after", &s.units.1),
                        ("certified_before", &s.certified.0), ("certified_after", &s.certified.1),
                        ("average_before", &number(s.average.0, 2, lang)),
                        ("average_after", &number(s.average.1, 2, lang)),
                    ])}</p>
                    <details>
                        <summary>{lang.fill(t::MERGE_UNITS_OF_SEVERAL, &[("count", &s.merged.len())])}</summary>
                        <ul>{list}</ul>
                    </details>
                    {(!s.divided.is_empty()).then(|| view! { <ul data-testid="merge-divided">{divided}</ul> })}
                    <p class="note">{lang.say(t::MERGE_THEN_CONFIRM)}</p>
                </div>
            }
        })
    };
    view! {
        <fieldset class="panel import">
            <legend>{move || state.tr(t::MERGE_PANEL_TITLE)}</legend>
            <p class="note">{move || state.tr(t::MERGE_EXPLAIN)}</p>
            <button type="button" data-testid="merge-shipped" on:click=shipped>
                {move || state.tr(t::MERGE_SHIPPED_MAPPING)}
            </button>
            <label class="file-button">
                <span>{move || state.tr(t::MERGE_OWN_MAPPING)}</span>
                <input type="file" accept=".csv,text/csv" data-testid="merge-mapping" node_ref=input on:change=own/>
            </label>
            {move || problem.get().map(|e| view! {
                <p class="import-problem" role="alert" data-testid="merge-problem">{e.message(state.lang.get())}</p>
            })}
            {shown}
        </fieldset>
    }
}
