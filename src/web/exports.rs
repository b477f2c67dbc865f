//! The exports bar: results as CSV and as an Excel workbook.

use super::persistence::{download, file_name};
use super::showing::*;
use super::state::use_state;
use crate::formats::sheet::{path_sheet, result_sheets, results_csv, risk_sheet};
use crate::formats::workbook::workbook;
use crate::text::sentences as t;
use leptos::prelude::*;

#[component]
pub fn ExportBar() -> impl IntoView {
    let state = use_state();
    let showing = use_showing();
    let path = expect_context::<super::path::PathShown>();
    let risk = expect_context::<super::risk::Shown>();
    let sheets = move || {
        let lang = state.lang.get_untracked();
        let scenario = state.scenario.get_untracked();
        let o = state.outcome.get_untracked();
        state.model.with_untracked(|m| {
            let mut sheets = result_sheets(m, &scenario, &o, lang);
            sheets.push(path_sheet(&path.outcome.get_untracked(), lang));
            // The odds go in once the run for what is on screen has finished.
            if let Some(r) = risk.result.get_untracked() {
                sheets.push(risk_sheet(&r, &m.plan, lang));
            }
            (sheets, untrack(|| state.scenario_name()))
        })
    };
    let base_name = |name: &str| format!("ket-qua-{}", file_name(name));
    view! {
        <div class="export-bar" role="toolbar" aria-label=move || state.tr(t::EXPORT_AND_PRESENT)>
            <button type="button" data-testid="compare" on:click=move |_| showing.compare_open.update(|o| *o = !*o)>
                {move || state.tr(t::COMPARE_SCENARIOS)}
            </button>
            <button type="button" data-testid="present" on:click=move |_| {
                showing.presenting.set(Some(Slide::Headline));
                if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                    let _ = el.request_fullscreen();
                }
            }>{move || state.tr(t::PRESENT)}</button>
            <button type="button" data-testid="print" on:click=move |_| showing.report_open.set(true)>
                {move || state.tr(t::PRINTABLE_REPORT)}
            </button>
            <button type="button" data-testid="export-csv" on:click=move |_| {
                let (s, name) = sheets();
                download(&format!("{}.csv", base_name(&name)), "text/csv;charset=utf-8", results_csv(&s).as_bytes());
            }>{move || state.tr(t::EXPORT_CSV)}</button>
            <button type="button" data-testid="export-xlsx" on:click=move |_| {
                let (s, name) = sheets();
                download(&format!("{}.xlsx", base_name(&name)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &workbook(&s));
            }>{move || state.tr(t::EXPORT_EXCEL)}</button>
        </div>
    }
}
