//! Showing results: exports, scenarios side by side, the presentation for the People's
//! Council, and the printed report.

use super::charts::{
    bands_chart, compare_chart, criteria_chart_with_risk, districts_chart, sources_chart,
};
use super::keeping::{download, file_name, use_keeping};
use super::results::change_sentence;
use super::state::{use_state, State};
use crate::engine::{Outcome, Scenario, CRITERIA, SOURCES};
use crate::formats::sheet::{path_sheet, result_sheets, results_csv, risk_sheet};
use crate::formats::workbook::workbook;
use crate::presets::presets;
use crate::text::number::{amount, number, percent};
use crate::text::Lang;
use leptos::prelude::*;

/// What is being shown besides the levers and results.
#[derive(Clone, Copy)]
pub struct Showing {
    pub compare_open: RwSignal<bool>,
    /// Keys of the scenarios picked for comparison ("current", "plan", "saved:N", "preset:KEY").
    pub picked: RwSignal<Vec<String>>,
    pub report_open: RwSignal<bool>,
    pub presenting: RwSignal<Option<usize>>,
}

pub fn use_showing() -> Showing {
    expect_context::<Showing>()
}

pub fn start() -> Showing {
    let showing = Showing {
        compare_open: RwSignal::new(false),
        picked: RwSignal::new(vec!["plan".into(), "current".into()]),
        report_open: RwSignal::new(false),
        presenting: RwSignal::new(None),
    };
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        let Some(slide) = showing.presenting.get_untracked() else {
            return;
        };
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => Some((slide + 1).min(SLIDES - 1)),
            "ArrowLeft" | "ArrowUp" | "PageUp" => Some(slide.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(SLIDES - 1),
            "Escape" => {
                showing.presenting.set(None);
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    if doc.fullscreen_element().is_some() {
                        doc.exit_fullscreen();
                    }
                }
                None
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(n) = next {
            showing.presenting.set(Some(n));
        }
    });
    showing
}

/// The scenarios that can be compared: the one shown, the plan, the saved ones, the presets.
fn candidates(state: &State) -> Vec<(String, String, Scenario)> {
    let keeping = use_keeping();
    let lang = state.lang.get();
    let plan = state.model.with(|m| m.plan.clone());
    let mut out = vec![
        (
            "current".to_string(),
            lang.pick("Đang xem", "Shown now").to_string()
                + ": "
                + state.scenario.with(|_| state.scenario_name()).as_str(),
            state.scenario.get(),
        ),
        (
            "plan".to_string(),
            plan.default_scenario_name.clone(),
            Scenario::plan(),
        ),
    ];
    for (i, s) in keeping.saved.get().into_iter().enumerate() {
        out.push((format!("saved:{i}"), s.name.clone(), s.scenario));
    }
    for (key, s) in presets(&plan).unwrap_or_default() {
        if key != "plan" {
            let name = crate::presets::preset_name(key, &s, &plan, lang);
            out.push((format!("preset:{key}"), name, s));
        }
    }
    out
}

/// The picked scenarios with their results, in the order picked.
fn compared(state: &State, showing: &Showing) -> Vec<(String, Outcome)> {
    let all = candidates(state);
    showing
        .picked
        .get()
        .iter()
        .filter_map(|key| all.iter().find(|(k, _, _)| k == key))
        .map(|(_, name, s)| (name.clone(), state.model.with(|m| m.run(s))))
        .collect()
}

fn diff_cell(
    value: f64,
    first: f64,
    decimals: usize,
    higher_is_better: bool,
    lang: Lang,
) -> impl IntoView {
    let d = value - first;
    let shown = number(value, decimals, lang);
    let (class, text) = if d.abs() < 1e-9 {
        ("same", shown)
    } else {
        let better = (d > 0.0) == higher_is_better;
        let sign = if d > 0.0 { "+" } else { "" };
        (
            if better { "better" } else { "worse" },
            format!("{shown} ({sign}{})", number(d, decimals, lang)),
        )
    };
    view! { <td class=format!("num {class}")>{text}</td> }
}

#[component]
fn CompareTables(rows: Vec<(String, Outcome)>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let head = rows
        .iter()
        .map(|(name, _)| view! { <th scope="col">{name.clone()}</th> })
        .collect_view();
    let first = rows[0].1.clone();
    let metric = |label: &'static str, get: fn(&Outcome) -> f64, decimals: usize, higher: bool| {
        let cells = rows
            .iter()
            .map(|(_, o)| diff_cell(get(o), get(&first), decimals, higher, lang))
            .collect_view();
        view! { <tr><th scope="row">{label}</th>{cells}</tr> }
    };
    let metrics = view! {
        {metric(lang.pick("Xã đạt chuẩn NTM", "Certified communes"), |o| f64::from(o.certified), 0, true)}
        {metric(lang.pick("Bình quân tiêu chí/xã", "Average criteria a commune"), |o| o.avg_criteria, 2, true)}
        {metric(lang.pick("Xã biên giới: tiêu chí/xã", "Border communes: criteria each"), |o| o.border.avg_criteria, 2, true)}
        {metric(lang.pick("Vốn thiếu (tỷ đồng)", "Money short (bn VND)"), |o| o.funding.shortfall, 0, false)}
        {metric(lang.pick("Vốn không dùng được (tỷ đồng)", "Money idle (bn VND)"), |o| o.funding.idle, 0, false)}
    };
    let names: Vec<String> = state.model.with_untracked(|m| {
        m.plan
            .criteria
            .iter()
            .map(|c| format!("{}. {}", c.id, lang.pick(&c.name_vi, &c.name_en)))
            .collect()
    });
    let criteria = (0..CRITERIA)
        .map(|k| {
            let target = f64::from(first.criteria[k].target);
            let cells = rows.iter().map(|(_, o)| diff_cell(f64::from(o.criteria[k].met), f64::from(first.criteria[k].met), 0, true, lang)).collect_view();
            view! { <tr><th scope="row">{names[k].clone()}</th><td class="num">{target}</td>{cells}</tr> }
        })
        .collect_view();
    let head2 = rows
        .iter()
        .map(|(name, _)| view! { <th scope="col">{name.clone()}</th> })
        .collect_view();
    view! {
        <table class="compare" data-testid="compare-table">
            <thead><tr><th></th>{head}</tr></thead>
            <tbody>{metrics}</tbody>
        </table>
        <table class="compare" data-testid="compare-criteria">
            <thead><tr><th>{lang.pick("Tiêu chí (số xã đạt)", "Criterion (communes)")}</th><th>{lang.pick("Chỉ tiêu", "Target")}</th>{head2}</tr></thead>
            <tbody>{criteria}</tbody>
        </table>
    }
}

#[component]
pub fn CompareView() -> impl IntoView {
    let state = use_state();
    let showing = use_showing();
    let picks = move || {
        candidates(&state)
            .into_iter()
            .enumerate()
            .map(|(i, (key, name, _))| {
                let k = key.clone();
                let checked = move || showing.picked.with(|p| p.contains(&k));
                let k2 = key.clone();
                view! {
                    <label class="pick">
                        <input type="checkbox" data-testid=format!("compare-pick-{i}") prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                showing.picked.update(|p| {
                                    p.retain(|x| *x != k2);
                                    if on {
                                        p.push(k2.clone());
                                    }
                                    // Four at the most: the oldest pick gives way.
                                    while p.len() > 4 {
                                        p.remove(0);
                                    }
                                });
                            }/>
                        <span>{name}</span>
                    </label>
                }
            })
            .collect_view()
    };
    let body = move || {
        let rows = compared(&state, &showing);
        if rows.len() < 2 {
            return view! { <p class="note">{state.tr("Chọn từ 2 đến 4 kịch bản để so sánh.", "Pick two to four scenarios to compare.")}</p> }.into_any();
        }
        let lang = state.lang.get();
        let svg = state.model.with(|m| compare_chart(m, &rows, lang));
        view! {
            <CompareTables rows=rows/>
            <figure class="chart wide" data-testid="chart-compare">
                <figcaption>{state.tr("Số xã đạt từng tiêu chí theo kịch bản (vạch đen: chỉ tiêu)", "Communes meeting each criterion, by scenario (black: target)")}</figcaption>
                <div class="chart-svg" inner_html=svg></div>
            </figure>
        }
        .into_any()
    };
    view! {
        <Show when=move || showing.compare_open.get()>
            <section class="panel compare-view" data-testid="compare-view">
                <h3>
                    {move || state.tr("So sánh kịch bản", "Scenarios side by side")}
                    <button type="button" class="link" data-testid="compare-close" aria-label=move || state.tr("Đóng", "Close")
                        on:click=move |_| showing.compare_open.set(false)>"×"</button>
                </h3>
                <p class="note">{move || state.tr("Chênh lệch so với kịch bản đầu tiên được chọn; xanh: tốt hơn, đỏ: kém hơn.", "Differences against the first scenario picked; green: better, red: worse.")}</p>
                <div class="picks">{picks}</div>
                {body}
            </section>
        </Show>
    }
}

#[component]
pub fn ExportBar() -> impl IntoView {
    let state = use_state();
    let showing = use_showing();
    let path = expect_context::<super::years::PathShown>();
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
        <div class="export-bar" role="toolbar" aria-label=move || state.tr("Xuất và trình bày", "Export and present")>
            <button type="button" data-testid="compare" on:click=move |_| showing.compare_open.update(|o| *o = !*o)>
                {move || state.tr("So sánh kịch bản", "Compare scenarios")}
            </button>
            <button type="button" data-testid="present" on:click=move |_| {
                showing.presenting.set(Some(0));
                if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                    let _ = el.request_fullscreen();
                }
            }>{move || state.tr("Trình chiếu", "Present")}</button>
            <button type="button" data-testid="print" on:click=move |_| showing.report_open.set(true)>
                {move || state.tr("Báo cáo để in", "Printable report")}
            </button>
            <button type="button" data-testid="export-csv" on:click=move |_| {
                let (s, name) = sheets();
                download(&format!("{}.csv", base_name(&name)), "text/csv;charset=utf-8", results_csv(&s).as_bytes());
            }>{move || state.tr("Xuất CSV", "Export CSV")}</button>
            <button type="button" data-testid="export-xlsx" on:click=move |_| {
                let (s, name) = sheets();
                download(&format!("{}.xlsx", base_name(&name)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &workbook(&s));
            }>{move || state.tr("Xuất Excel", "Export Excel")}</button>
        </div>
    }
}

const SLIDES: usize = 7;

#[component]
pub fn Presentation() -> impl IntoView {
    let state = use_state();
    let showing = use_showing();
    let path = expect_context::<super::years::PathShown>();
    let risk = expect_context::<super::risk::Shown>();
    let slide = move || {
        let index = showing.presenting.get()?;
        let lang = state.lang.get();
        let o = state.outcome.get();
        let t = state.targets();
        let (title, body) = match index {
            0 => (
                lang.pick("Kết quả chính", "Headline"),
                view! {
                    <div class="slide-figures">
                        <div><span class="big">{o.certified}</span><span>{lang.pick(format!("xã đạt chuẩn NTM (mục tiêu {})", t.certified), format!("certified communes (target {})", t.certified))}</span></div>
                        <div><span class="big">{number(o.avg_criteria, 2, lang)}</span><span>{lang.pick(format!("tiêu chí/xã (mục tiêu {})", number(t.avg_criteria_min, 1, lang)), format!("criteria a commune (target {})", number(t.avg_criteria_min, 1, lang)))}</span></div>
                        <div><span class="big">{number(o.border.avg_criteria, 2, lang)}</span><span>{lang.pick(format!("tiêu chí/xã biên giới (mục tiêu {}–{})", number(t.border_avg_min, 0, lang), number(t.border_avg_max, 1, lang)), format!("criteria a border commune (target {}–{})", number(t.border_avg_min, 0, lang), number(t.border_avg_max, 1, lang)))}</span></div>
                        <div><span class="big">{amount(o.funding.shortfall, 0, lang)}</span><span>{lang.pick("tỷ đồng vốn thiếu", "billion VND short")}</span></div>
                    </div>
                    <p class="slide-sentence">{change_sentence(&state)}</p>
                }
                .into_any(),
            ),
            1 => {
                let rows = state.model.with(|m| {
                    m.plan
                        .criteria
                        .iter()
                        .zip(&o.criteria)
                        .map(|(c, r)| {
                            let gap = i64::from(r.met) - i64::from(r.target);
                            view! {
                                <tr class:below=gap < 0>
                                    <th scope="row">{format!("{}. {}", c.id, lang.pick(&c.name_vi, &c.name_en))}</th>
                                    <td class="num">{r.baseline}</td><td class="num">{r.met}</td><td class="num">{r.target}</td>
                                    <td class="num">{if gap > 0 { format!("+{gap}") } else { gap.to_string() }}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                });
                (
                    lang.pick("19 tiêu chí", "The 19 criteria"),
                    view! {
                        <table class="slide-table">
                            <thead><tr><th></th><th>{lang.pick("Đầu năm", "Start")}</th><th>{lang.pick("Dự kiến", "Projected")}</th><th>{lang.pick("Chỉ tiêu", "Target")}</th><th>{lang.pick("Chênh", "Gap")}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                    .into_any(),
                )
            }
            2 => (
                lang.pick("Các huyện", "Districts"),
                if o.districts.is_empty() {
                    view! { <p class="slide-sentence">{no_districts(lang)}</p> }.into_any()
                } else {
                    view! { <div class="slide-chart" inner_html=state.model.with(|m| districts_chart(m, &o, lang))></div> }.into_any()
                },
            ),
            3 => (
                lang.pick("Các xã theo số tiêu chí đạt", "Communes by criteria met"),
                view! { <div class="slide-chart" inner_html=state.model.with(|m| bands_chart(m, &o, lang))></div> }.into_any(),
            ),
            4 => (
                lang.pick("Lộ trình nhiều năm", "Years: the path"),
                path_view(&path.outcome.get(), &path.settings.get(), lang),
            ),
            5 => (
                lang.pick("Rủi ro: khả năng đạt mục tiêu", "Risk: how likely the targets are"),
                risk_view(risk.result.get().as_deref(), lang),
            ),
            _ => {
                let mut rows = compared(&state, &showing);
                if rows.len() < 2 {
                    let plan = state.model.with(|m| m.run(&Scenario::plan()));
                    rows = vec![(lang.pick("Kế hoạch", "The plan").to_string(), plan), (lang.pick("Đang xem", "Shown now").to_string(), (*o).clone())];
                }
                (lang.pick("So sánh kịch bản", "Scenarios side by side"), view! { <CompareTables rows=rows/> }.into_any())
            }
        };
        Some(view! {
            <div class="presentation" data-testid="presentation" role="dialog" aria-modal="true" aria-label=title>
                <header>
                    <h2 data-testid="slide-title">{title}</h2>
                    <span class="slide-number" data-testid="slide-number">{format!("{} / {SLIDES}", index + 1)}</span>
                </header>
                <div class="slide-body">{body}</div>
                <footer>{lang.pick("← → hoặc PageUp/PageDown để chuyển trang · Esc để thoát", "← → or PageUp/PageDown to move · Esc to leave")}</footer>
            </div>
        })
    };
    view! { {slide} }
}

#[component]
pub fn Report() -> impl IntoView {
    let state = use_state();
    let showing = use_showing();
    let path = expect_context::<super::years::PathShown>();
    let risk = expect_context::<super::risk::Shown>();
    let report = move || {
        if !showing.report_open.get() {
            return None;
        }
        let lang = state.lang.get();
        let o = state.outcome.get();
        let levers = state.levers.get();
        let odds = risk.result.get();
        let (plan, plan_levers, charts) = state.model.with(|m| {
            let charts = [
                (
                    lang.pick("Số xã đạt từng tiêu chí", "Communes meeting each criterion"),
                    criteria_chart_with_risk(m, &o, lang, odds.as_deref()),
                ),
                (
                    lang.pick("Số xã theo số tiêu chí đạt", "Communes by criteria met"),
                    bands_chart(m, &o, lang),
                ),
                (
                    lang.pick("Vốn từng nguồn đã đi đâu", "Where each source's money went"),
                    sources_chart(m, &o, lang),
                ),
                (
                    lang.pick("Các huyện", "Districts"),
                    districts_chart(m, &o, lang),
                ),
            ];
            (m.plan.clone(), m.levers(&Scenario::plan()), charts)
        });
        let date = js_sys::Date::new_0()
            .to_locale_date_string(
                lang.pick("vi-VN", "en-GB"),
                &wasm_bindgen::JsValue::UNDEFINED,
            )
            .as_string()
            .unwrap_or_default();
        let funding = (0..SOURCES)
            .map(|s| {
                let src = &plan.sources[s];
                view! {
                    <tr>
                        <td>{lang.pick(src.name_vi.clone(), src.name_en.clone())}</td>
                        <td class="num">{amount(src.amount, 2, lang)}</td>
                        <td class="num">{amount(levers.funding[s], 2, lang)}</td>
                        <td class="num">{percent(levers.disbursement[s], 0, lang)}</td>
                        <td class="num">{amount(o.funding.sources[s].arrived, 2, lang)}</td>
                        <td class="num">{amount(o.funding.sources[s].idle, 2, lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        let changed: Vec<usize> = (0..CRITERIA)
            .filter(|&k| (levers.investment[k] - plan_levers.investment[k]).abs() > 1e-9)
            .collect();
        let investments = if changed.is_empty() {
            view! { <p>{lang.pick("Đầu tư từng tiêu chí: như kế hoạch (đủ để đạt chỉ tiêu 2022).", "Investment by criterion: as in the plan (enough to reach the 2022 targets).")}</p> }.into_any()
        } else {
            let rows = changed
                .iter()
                .map(|&k| {
                    let c = &plan.criteria[k];
                    view! {
                        <tr>
                            <td>{format!("{}. {}", c.id, lang.pick(&c.name_vi, &c.name_en))}</td>
                            <td class="num">{amount(plan_levers.investment[k], 2, lang)}</td>
                            <td class="num">{amount(levers.investment[k], 2, lang)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead><tr><th>{lang.pick("Đầu tư khác kế hoạch", "Investment that differs from the plan")}</th><th>{lang.pick("Kế hoạch", "Plan")}</th><th>{lang.pick("Kịch bản", "Scenario")}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        };
        let eligibility_changed = (0..SOURCES)
            .filter(|&s| levers.eligibility[s] != plan_levers.eligibility[s])
            .count();
        let criteria = plan
            .criteria
            .iter()
            .zip(&o.criteria)
            .map(|(c, r)| {
                let gap = i64::from(r.met) - i64::from(r.target);
                view! {
                    <tr class:below=gap < 0>
                        <td>{format!("{}. {}", c.id, lang.pick(&c.name_vi, &c.name_en))}</td>
                        <td class="num">{r.baseline}</td><td class="num">{r.met}</td><td class="num">{r.target}</td>
                        <td class="num">{if gap > 0 { format!("+{gap}") } else { gap.to_string() }}</td>
                        <td class="num">{amount(r.investment, 2, lang)}</td><td class="num">{amount(r.shortfall, 2, lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        let districts = o
            .districts
            .iter()
            .map(|d| view! { <tr><td>{d.name.clone()}</td><td class="num">{d.communes}</td><td class="num">{d.certified}</td><td class="num">{number(d.avg_criteria, 2, lang)}</td></tr> })
            .collect_view();
        let charts = charts
            .into_iter()
            .map(|(title, svg)| view! { <figure class="report-chart"><figcaption>{title}</figcaption><div inner_html=svg></div></figure> })
            .collect_view();
        let t = &state.targets();
        Some(view! {
            <section class="report" data-testid="report">
                <div class="report-tools">
                    <button type="button" data-testid="print-now" on:click=move |_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.print();
                        }
                    }>{lang.pick("In (A4)", "Print (A4)")}</button>
                    <button type="button" data-testid="report-close" on:click=move |_| showing.report_open.set(false)>{lang.pick("Đóng báo cáo", "Close the report")}</button>
                </div>
                <header class="report-title">
                    <p class="issuer">{lang.pick(format!("ỦY BAN NHÂN DÂN TỈNH {}", plan.province.to_uppercase()), format!("{} PROVINCIAL PEOPLE'S COMMITTEE", plan.province.to_uppercase()))}</p>
                    <h1>{lang.pick("BÁO CÁO KỊCH BẢN XÂY DỰNG NÔNG THÔN MỚI", "NEW RURAL DEVELOPMENT SCENARIO REPORT")}</h1>
                    <p>{lang.pick(format!("Tỉnh {} · năm {}", plan.province, plan.year), format!("{} province · {}", plan.province, plan.year))}</p>
                    <p>{format!("{}: {}", lang.pick("Kịch bản", "Scenario"), state.scenario_name())}</p>
                    <p>{format!("{}: {date}", lang.pick("Ngày lập", "Date"))}</p>
                </header>
                {state.illustrative.get().then(|| view! {
                    <p class="report-note">{lang.pick(
                        "Lưu ý: số liệu từng xã là minh họa (tình trạng và chi phí do chương trình tạo ra, khớp với số liệu tổng của kế hoạch), chưa phải số liệu của tỉnh.",
                        "Note: the commune data is illustrative (made-up status and costs that add up to the plan's totals), not the province's own.",
                    )}</p>
                })}
                <h2>{lang.pick("1. Giả định", "1. Assumptions")}</h2>
                <p>{format!("{}: {}", lang.pick("Thứ tự ưu tiên xã", "Which communes go first"), lang.pick(levers.strategy.name_vi(), levers.strategy.name_en()))}</p>
                <table>
                    <thead><tr>
                        <th>{lang.pick("Nguồn vốn (tỷ đồng)", "Source (bn VND)")}</th><th>{lang.pick("Kế hoạch", "Plan")}</th><th>{lang.pick("Kịch bản", "Scenario")}</th>
                        <th>{lang.pick("Giải ngân", "Disbursed")}</th><th>{lang.pick("Về thực tế", "Arrived")}</th><th>{lang.pick("Không dùng", "Idle")}</th>
                    </tr></thead>
                    <tbody>{funding}</tbody>
                </table>
                {investments}
                {(eligibility_changed > 0).then(|| view! { <p>{lang.pick(format!("{eligibility_changed} nguồn vốn được chi cho các tiêu chí khác giả định của kế hoạch."), format!("{eligibility_changed} sources may pay for other criteria than assumed."))}</p> })}
                <h2>{lang.pick("2. Kết quả", "2. Results")}</h2>
                <table class="report-headline">
                    <tbody>
                        <tr><td>{lang.pick("Xã đạt chuẩn NTM", "Certified communes")}</td><td class="num">{o.certified}</td><td>{lang.pick(format!("mục tiêu {}, đầu năm {}", t.certified, o.certified_baseline), format!("target {}, start {}", t.certified, o.certified_baseline))}</td></tr>
                        <tr><td>{lang.pick("Bình quân tiêu chí/xã", "Average criteria a commune")}</td><td class="num">{number(o.avg_criteria, 2, lang)}</td><td>{format!("{} {}", lang.pick("mục tiêu ≥", "target ≥"), number(t.avg_criteria_min, 1, lang))}</td></tr>
                        <tr><td>{lang.pick("Xã biên giới: tiêu chí/xã", "Border communes: criteria each")}</td><td class="num">{number(o.border.avg_criteria, 2, lang)}</td><td>{format!("{} {}–{}", lang.pick("mục tiêu", "target"), number(t.border_avg_min, 0, lang), number(t.border_avg_max, 1, lang))}</td></tr>
                        <tr><td>{lang.pick("Vốn thiếu (tỷ đồng)", "Money short (bn VND)")}</td><td class="num">{amount(o.funding.shortfall, 2, lang)}</td><td></td></tr>
                        <tr><td>{lang.pick("Vốn không dùng được (tỷ đồng)", "Money idle (bn VND)")}</td><td class="num">{amount(o.funding.idle, 2, lang)}</td><td></td></tr>
                    </tbody>
                </table>
                <p>{change_sentence(&state)}</p>
                <table>
                    <thead><tr>
                        <th>{lang.pick("Tiêu chí", "Criterion")}</th><th>{lang.pick("Đầu năm", "Start")}</th><th>{lang.pick("Dự kiến", "Projected")}</th>
                        <th>{lang.pick("Chỉ tiêu", "Target")}</th><th>{lang.pick("Chênh", "Gap")}</th><th>{lang.pick("Đầu tư", "Invested")}</th><th>{lang.pick("Thiếu vốn", "Short")}</th>
                    </tr></thead>
                    <tbody>{criteria}</tbody>
                </table>
                {if o.districts.is_empty() {
                    view! { <p>{no_districts(lang)}</p> }.into_any()
                } else {
                    view! {
                        <table>
                            <thead><tr><th>{lang.pick("Huyện", "District")}</th><th>{lang.pick("Số xã", "Communes")}</th><th>{lang.pick("Đạt chuẩn", "Certified")}</th><th>{lang.pick("Tiêu chí/xã", "Criteria each")}</th></tr></thead>
                            <tbody>{districts}</tbody>
                        </table>
                    }.into_any()
                }}
                <div class="report-charts">{charts}</div>
                <h2>{lang.pick("3. Lộ trình nhiều năm", "3. Years: the path")}</h2>
                {path_view(&path.outcome.get(), &path.settings.get(), lang)}
                <h2>{lang.pick("4. Rủi ro", "4. Risk")}</h2>
                {risk_view(risk.result.get().as_deref(), lang)}
                <p class="report-source">{format!("{}: {}", lang.pick("Nguồn số liệu", "Source"), lang.pick(&plan.title_vi, &plan.title_en))}</p>
            </section>
        })
    };
    view! { {report} }
}

/// The path as a table with its verdict (report and presentation).
fn path_view(
    p: &crate::engine::path::PathOutcome,
    settings: &super::years::PathSettings,
    lang: crate::text::Lang,
) -> AnyView {
    let rows = p
        .years
        .iter()
        .map(|y| {
            let o = &y.outcome;
            view! {
                <tr>
                    <td>{y.year}</td><td class="num">{o.certified}</td>
                    <td class="num">{number(o.avg_criteria, 2, lang)}</td>
                    <td class="num">{number(o.border.avg_criteria, 2, lang)}</td>
                    <td class="num">{o.min_criteria}</td>
                    <td class="num">{amount(o.funding.shortfall, 2, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let verdict = p
        .targets
        .iter()
        .map(|t| {
            let mark = if t.met {
                lang.pick("đạt", "reached")
            } else {
                lang.pick("chưa đạt", "not reached")
            };
            match t.measure {
                crate::engine::path::Measure::Certified => lang.pick(
                    format!(
                        "{}: {} xã đạt chuẩn, mục tiêu {} — {mark}",
                        t.year, t.value, settings.target_certified
                    ),
                    format!(
                        "{}: {} communes certified, target {} — {mark}",
                        t.year, t.value, settings.target_certified
                    ),
                ),
                _ => lang.pick(
                    format!(
                        "xã thấp nhất {} tiêu chí, mục tiêu {} — {mark}",
                        t.value, settings.target_min_criteria
                    ),
                    format!(
                        "lowest commune {} criteria, target {} — {mark}",
                        t.value, settings.target_min_criteria
                    ),
                ),
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <div class="path-summary" data-testid="path-summary">
            <p>{verdict}</p>
            <table class="slide-table">
                <thead><tr>
                    <th>{lang.pick("Năm", "Year")}</th><th>{lang.pick("Xã đạt chuẩn", "Certified")}</th>
                    <th>{lang.pick("Tiêu chí/xã", "Criteria each")}</th><th>{lang.pick("Biên giới", "Border")}</th>
                    <th>{lang.pick("Xã thấp nhất", "Lowest commune")}</th><th>{lang.pick("Vốn thiếu", "Short")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="report-note">{lang.pick(
                "Mỗi năm giữ đòn bẩy của kịch bản; vốn chưa về, không dùng và chưa chi được chuyển sang năm sau.",
                "Each year keeps the scenario's levers; money not arrived, idle or unspent goes on to the next year.",
            )}</p>
        </div>
    }
    .into_any()
}

/// The odds (report and presentation): the chance in words and the P10–P90 bands.
fn risk_view(r: Option<&crate::engine::risk::RiskOutcome>, lang: crate::text::Lang) -> AnyView {
    let Some(r) = r else {
        return view! { <p data-testid="risk-summary">{lang.pick("Đang tính rủi ro…", "The risk run is still drawing…")}</p> }.into_any();
    };
    let row = |label: &'static str, s: &crate::engine::risk::Spread, decimals: usize| {
        view! {
            <tr><td>{label}</td><td class="num">{number(s.p10, decimals, lang)}</td><td class="num">{number(s.p50, decimals, lang)}</td><td class="num">{number(s.p90, decimals, lang)}</td></tr>
        }
    };
    view! {
        <div class="risk-summary" data-testid="risk-summary">
            <p class="big-sentence">{lang.pick(
                format!("Khả năng đạt {} xã đạt chuẩn: {}", r.targets.0, percent(r.chance_certified, 0, lang)),
                format!("Chance of reaching {} certified communes: {}", r.targets.0, percent(r.chance_certified, 0, lang)),
            )}</p>
            <table class="slide-table">
                <thead><tr><th></th><th>P10</th><th>P50</th><th>P90</th></tr></thead>
                <tbody>
                    {row(lang.pick("Xã đạt chuẩn", "Certified communes"), &r.certified, 0)}
                    {row(lang.pick("Bình quân tiêu chí/xã", "Average criteria"), &r.avg_criteria, 2)}
                    {row(lang.pick("Biên giới: tiêu chí/xã", "Border average"), &r.border_avg, 2)}
                </tbody>
            </table>
            <p class="report-note">{lang.pick(
                format!("{} lần rút, hạt giống {}; giải ngân, chi phí và tiến độ theo giả định ở mục Rủi ro.", r.draws, r.seed),
                format!("{} draws, seed {}; disbursement, costs and delivery as set under Risk.", r.draws, r.seed),
            )}</p>
        </div>
    }
    .into_any()
}

/// What the district views say for a table without districts.
pub fn no_districts(lang: crate::text::Lang) -> &'static str {
    lang.pick(
        "Bảng xã không có cột huyện (chính quyền hai cấp từ 7/2025): không có kết quả theo huyện.",
        "The commune table has no district column (two-tier local government since July 2025): no results by district.",
    )
}
