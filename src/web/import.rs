//! The province's own commune table: read from CSV or Excel, previewed or reported, and put in
//! place of the illustrative one only when asked.

use super::persistence::*;
use super::state::use_state;
use crate::engine::CommuneTable;
use crate::text::sentences as t;
use leptos::prelude::*;

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_state();
    let keeping = use_keeping();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        let Some(el) = input.get() else { return };
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = read_file(&el).await else {
                return;
            };
            el.set_value("");
            keeping.pending_table.set(None);
            keeping.import_problem.set(None);
            let read = state
                .model
                .with_untracked(|m| CommuneTable::from_file_bytes(&bytes, &m.plan, &name));
            match read {
                Ok(table) => keeping.pending_table.set(Some((name, table))),
                Err(e) => keeping.import_problem.set(Some(e)),
            }
        });
    };
    let confirm = move |_| {
        let Some((name, table)) = keeping.pending_table.get_untracked() else {
            return;
        };
        let csv = state.model.with_untracked(|m| table.to_csv(&m.plan));
        let kept = serde_json::json!({ "schema": 1, "name": name, "csv": csv }).to_string();
        if let Some(s) = storage() {
            if s.set_item(&super::persistence::table_key(), &kept).is_err() {
                keeping
                    .notice
                    .set(Some(Notice::info(t::NOTICE_TABLE_NOT_KEPT, &[])));
            }
        }
        state.load_table(table, false);
        keeping.table_name.set(Some(name));
        keeping.pending_table.set(None);
    };
    let back = move |_| {
        if let Some(s) = storage() {
            let _ = s.remove_item(&super::persistence::table_key());
        }
        if let Some(table) = state
            .model
            .with_untracked(|m| CommuneTable::shipped_for(&m.plan))
        {
            state.load_table(table, true);
        }
        keeping.table_name.set(None);
    };
    let preview = move || {
        let lang = state.lang.get();
        keeping.pending_table.get().map(|(name, table)| {
            let (plan, shape) = state.model.with(|m| (m.plan.clone(), m.shape.clone()));
            let certified = table.communes.iter().filter(|c| c.meets & shape.all == shape.all).count();
            let border = table.communes.iter().filter(|c| c.border).count();
            let rows = plan
                .criteria
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let n = table
                        .communes
                        .iter()
                        .filter(|x| shape.meets_criterion(x.meets, k))
                        .count() as u32;
                    view! {
                        <tr class:differs=n != c.baseline>
                            <td>{crate::show::rows::criterion_label(c, lang)}</td>
                            <td class="num">{n}</td>
                            <td class="num">{c.baseline}</td>
                        </tr>
                    }
                })
                .collect_view();
            let ignored = (!table.ignored_columns.is_empty()).then(|| {
                format!("{} {}", lang.say(t::COLUMNS_NOT_USED), table.ignored_columns.join(", "))
            });
            view! {
                <div class="import-preview" data-testid="import-report">
                    <p>
                        <strong>{name.clone()}</strong>
                        {lang.fill(
                            if table.districts.is_empty() { t::TABLE_READ_NO_DISTRICTS } else { t::TABLE_READ },
                            &[("communes", &table.communes.len()), ("districts", &table.districts.len()), ("certified", &certified), ("border", &border)],
                        )}
                    </p>
                    {ignored.map(|t| view! { <p class="note">{t}</p> })}
                    <table class="criteria">
                        <thead><tr>
                            <th>{lang.say(t::CRITERION)}</th>
                            <th>{lang.say(t::COMMUNES_FILE)}</th>
                            <th>{lang.say(t::PLAN_START)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <button type="button" data-testid="import-confirm" on:click=confirm>{lang.say(t::IMPORT_CONFIRM)}</button>
                    <button type="button" data-testid="import-cancel" on:click=move |_| keeping.pending_table.set(None)>{lang.say(t::CANCEL)}</button>
                </div>
            }
        })
    };
    let problem = move || {
        keeping.import_problem.get().map(|e| {
            let lang = state.lang.get();
            let each: Vec<String> = match &e.problem {
                crate::formats::error::Problem::Table(p) => {
                    p.each().iter().map(|p| p.message(lang)).collect()
                }
                _ => vec![e.message(lang)],
            };
            let more = match &e.problem {
                crate::formats::error::Problem::Table(
                    crate::formats::error::TableProblem::Several { more, .. },
                ) => *more,
                _ => 0,
            };
            let count = each.len() + more;
            let heading = if count > 1 {
                lang.fill(
                    t::IMPORT_ROWS_WRONG,
                    &[("file", &e.input.name(lang)), ("count", &count)],
                )
            } else {
                lang.fill(t::IMPORT_FAILED, &[("file", &e.input.name(lang))])
            };
            let items = each
                .into_iter()
                .map(|m| view! { <li>{m}</li> })
                .collect_view();
            let rest = (more > 0).then(|| lang.fill(t::IMPORT_MORE_ROWS, &[("more", &more)]));
            view! {
                <div class="import-problem" role="alert" data-testid="import-report">
                    <p>{heading}</p>
                    <ul>{items}</ul>
                    {rest.map(|r| view! { <p>{r}</p> })}
                </div>
            }
        })
    };
    view! {
        <fieldset class="panel import">
            <legend>{move || state.tr(t::IMPORT_PANEL_TITLE)}</legend>
            <p class="note" data-testid="table-in-use">
                {move || match keeping.table_name.get() {
                    Some(name) => state.lang.get().fill(t::IMPORT_TABLE_IN_USE, &[("name", &name)]),
                    None => state.tr(t::IMPORT_ILLUSTRATIVE_IN_USE).to_string(),
                }}
            </p>
            <label class="file-button">
                <span>{move || state.tr(t::IMPORT_TABLE_BUTTON)}</span>
                <input type="file" accept=".csv,.xlsx,text/csv" data-testid="import-table" node_ref=input on:change=on_file/>
            </label>
            <Show when=move || !state.illustrative.get()>
                <button type="button" data-testid="use-illustrative" on:click=back>
                    {move || state.tr(t::IMPORT_BACK_TO_ILLUSTRATIVE)}
                </button>
            </Show>
            {problem}
            {preview}
            <p class="note">
                {move || state.lang.get().fill(t::IMPORT_COLUMNS_HINT, &[("last", &state.model.with(|m| m.plan.criteria.len()))])}
            </p>
        </fieldset>
    }
}
