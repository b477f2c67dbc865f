//! Showing results: exports, scenarios side by side, the presentation for the People's
//! Council, and the printed report.

use super::keeping::{download, file_name, use_keeping};
use super::results::change_sentence;
use super::state::{use_state, State};
use crate::charts::{
    bands_chart, compare_chart, criteria_chart_with_risk, districts_chart, sources_chart,
};
use crate::engine::{Outcome, Scenario, CRITERIA, SOURCES};
use crate::formats::sheet::{path_sheet, result_sheets, results_csv, risk_sheet};
use crate::formats::workbook::workbook;
use crate::presets::presets;
use crate::text::number::{amount, number, percent};
use crate::text::sentences as t;
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
            lang.say(t::SHOWN_NOW).to_string()
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
        {metric(lang.say(t::CERTIFIED_COMMUNES), |o| f64::from(o.certified), 0, true)}
        {metric(lang.say(t::AVERAGE_CRITERIA_A_COMMUNE), |o| o.avg_criteria, 2, true)}
        {metric(lang.say(t::BORDER_COMMUNES_CRITERIA_EACH), |o| o.border.avg_criteria, 2, true)}
        {metric(lang.say(t::MONEY_SHORT_BN_VND), |o| o.funding.shortfall, 0, false)}
        {metric(lang.say(t::MONEY_IDLE_BN_VND), |o| o.funding.idle, 0, false)}
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
            <thead><tr><th>{lang.say(t::CRITERION_COMMUNES)}</th><th>{lang.say(t::TARGET_5)}</th>{head2}</tr></thead>
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
            return view! { <p class="note">{state.tr(t::PICK_TWO_TO_FOUR_SCENARIOS_TO)}</p> }
                .into_any();
        }
        let lang = state.lang.get();
        let svg = state.model.with(|m| compare_chart(m, &rows, lang));
        view! {
            <CompareTables rows=rows/>
            <figure class="chart wide" data-testid="chart-compare">
                <figcaption>{state.tr(t::COMMUNES_MEETING_EACH_CRITERION_BY_SCENARIO)}</figcaption>
                <div class="chart-svg" inner_html=svg></div>
            </figure>
        }
        .into_any()
    };
    view! {
        <Show when=move || showing.compare_open.get()>
            <section class="panel compare-view" data-testid="compare-view">
                <h3>
                    {move || state.tr(t::SCENARIOS_SIDE_BY_SIDE)}
                    <button type="button" class="link" data-testid="compare-close" aria-label=move || state.tr(t::CLOSE)
                        on:click=move |_| showing.compare_open.set(false)>"×"</button>
                </h3>
                <p class="note">{move || state.tr(t::DIFFERENCES_AGAINST_THE_FIRST_SCENARIO_PICKED)}</p>
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
        <div class="export-bar" role="toolbar" aria-label=move || state.tr(t::EXPORT_AND_PRESENT)>
            <button type="button" data-testid="compare" on:click=move |_| showing.compare_open.update(|o| *o = !*o)>
                {move || state.tr(t::COMPARE_SCENARIOS)}
            </button>
            <button type="button" data-testid="present" on:click=move |_| {
                showing.presenting.set(Some(0));
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
                lang.say(t::HEADLINE),
                view! {
                    <div class="slide-figures">
                        <div><span class="big">{o.certified}</span><span>{lang.fill(t::CERTIFIED_COMMUNES_TARGET, &[("0", &t.certified)])}</span></div>
                        <div><span class="big">{number(o.avg_criteria, 2, lang)}</span><span>{lang.fill(t::CRITERIA_A_COMMUNE_TARGET_2, &[("0", &number(t.avg_criteria_min, 1, lang))])}</span></div>
                        <div><span class="big">{number(o.border.avg_criteria, 2, lang)}</span><span>{lang.fill(t::CRITERIA_A_BORDER_COMMUNE_TARGET, &[("0", &number(t.border_avg_min, 0, lang)), ("1", &number(t.border_avg_max, 1, lang))])}</span></div>
                        <div><span class="big">{amount(o.funding.shortfall, 0, lang)}</span><span>{lang.say(t::BILLION_VND_SHORT_2)}</span></div>
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
                    lang.say(t::THE_19_CRITERIA),
                    view! {
                        <table class="slide-table">
                            <thead><tr><th></th><th>{lang.say(t::START)}</th><th>{lang.say(t::PROJECTED_2)}</th><th>{lang.say(t::TARGET_5)}</th><th>{lang.say(t::GAP)}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                    .into_any(),
                )
            }
            2 => (
                lang.say(t::DISTRICTS_2),
                if o.districts.is_empty() {
                    view! { <p class="slide-sentence">{lang.say(t::THE_COMMUNE_TABLE_HAS_NO_DISTRICT_2)}</p> }.into_any()
                } else {
                    view! { <div class="slide-chart" inner_html=state.model.with(|m| districts_chart(m, &o, lang))></div> }.into_any()
                },
            ),
            3 => (
                lang.say(t::COMMUNES_BY_CRITERIA_MET),
                view! { <div class="slide-chart" inner_html=state.model.with(|m| bands_chart(m, &o, lang))></div> }.into_any(),
            ),
            4 => (
                lang.say(t::YEARS_THE_PATH),
                path_view(&path.outcome.get(), &path.settings.get(), lang),
            ),
            5 => (
                lang.say(t::RISK_HOW_LIKELY_THE_TARGETS_ARE),
                risk_view(risk.result.get().as_deref(), lang),
            ),
            _ => {
                let mut rows = compared(&state, &showing);
                if rows.len() < 2 {
                    let plan = state.model.with(|m| m.run(&Scenario::plan()));
                    rows = vec![(lang.say(t::THE_PLAN).to_string(), plan), (lang.say(t::SHOWN_NOW).to_string(), (*o).clone())];
                }
                (lang.say(t::SCENARIOS_SIDE_BY_SIDE), view! { <CompareTables rows=rows/> }.into_any())
            }
        };
        Some(view! {
            <div class="presentation" data-testid="presentation" role="dialog" aria-modal="true" aria-label=title>
                <header>
                    <h2 data-testid="slide-title">{title}</h2>
                    <span class="slide-number" data-testid="slide-number">{format!("{} / {SLIDES}", index + 1)}</span>
                </header>
                <div class="slide-body">{body}</div>
                <footer>{lang.say(t::OR_PAGEUP_PAGEDOWN_TO_MOVE_ESC)}</footer>
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
                    lang.say(t::COMMUNES_MEETING_EACH_CRITERION),
                    criteria_chart_with_risk(m, &o, lang, odds.as_deref()),
                ),
                (
                    lang.say(t::COMMUNES_BY_CRITERIA_MET_2),
                    bands_chart(m, &o, lang),
                ),
                (
                    lang.say(t::WHERE_EACH_SOURCE_S_MONEY_WENT),
                    sources_chart(m, &o, lang),
                ),
                (lang.say(t::DISTRICTS_2), districts_chart(m, &o, lang)),
            ];
            (m.plan.clone(), m.levers(&Scenario::plan()), charts)
        });
        let date = js_sys::Date::new_0()
            .to_locale_date_string(lang.say(t::EN_GB), &wasm_bindgen::JsValue::UNDEFINED)
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
            view! { <p>{lang.fill(t::INVESTMENT_BY_CRITERION_AS_IN_THE, &[("year", &plan.year)])}</p> }.into_any()
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
                    <thead><tr><th>{lang.say(t::INVESTMENT_THAT_DIFFERS_FROM_THE_PLAN)}</th><th>{lang.say(t::PLAN_2)}</th><th>{lang.say(t::SCENARIO)}</th></tr></thead>
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
                    }>{lang.say(t::PRINT_A4)}</button>
                    <button type="button" data-testid="report-close" on:click=move |_| showing.report_open.set(false)>{lang.say(t::CLOSE_THE_REPORT)}</button>
                </div>
                <header class="report-title">
                    <p class="issuer">{lang.fill(t::PROVINCIAL_PEOPLE_S_COMMITTEE, &[("0", &plan.province.to_uppercase())])}</p>
                    <h1>{lang.say(t::NEW_RURAL_DEVELOPMENT_SCENARIO_REPORT)}</h1>
                    <p>{lang.fill(t::PROVINCE, &[("0", &plan.province), ("1", &plan.year)])}</p>
                    <p>{format!("{}: {}", lang.say(t::SCENARIO), state.scenario_name())}</p>
                    <p>{format!("{}: {date}", lang.say(t::DATE))}</p>
                </header>
                {state.illustrative.get().then(|| view! {
                    <p class="report-note">{lang.say(t::NOTE_THE_COMMUNE_DATA_IS_ILLUSTRATIVE)}</p>
                })}
                <h2>{lang.say(t::N_1_ASSUMPTIONS)}</h2>
                <p>{format!("{}: {}", lang.say(t::WHICH_COMMUNES_GO_FIRST), lang.order_name(levers.strategy))}</p>
                <table>
                    <thead><tr>
                        <th>{lang.say(t::SOURCE_BN_VND)}</th><th>{lang.say(t::PLAN_2)}</th><th>{lang.say(t::SCENARIO)}</th>
                        <th>{lang.say(t::DISBURSED)}</th><th>{lang.say(t::ARRIVED)}</th><th>{lang.say(t::IDLE_3)}</th>
                    </tr></thead>
                    <tbody>{funding}</tbody>
                </table>
                {investments}
                {(eligibility_changed > 0).then(|| view! { <p>{lang.fill(t::SOURCES_MAY_PAY_FOR_OTHER_CRITERIA, &[("eligibility_changed", &eligibility_changed)])}</p> })}
                <h2>{lang.say(t::N_2_RESULTS)}</h2>
                <table class="report-headline">
                    <tbody>
                        <tr><td>{lang.say(t::CERTIFIED_COMMUNES)}</td><td class="num">{o.certified}</td><td>{lang.fill(t::TARGET_START_2, &[("0", &t.certified), ("1", &o.certified_baseline)])}</td></tr>
                        <tr><td>{lang.say(t::AVERAGE_CRITERIA_A_COMMUNE)}</td><td class="num">{number(o.avg_criteria, 2, lang)}</td><td>{format!("{} {}", lang.say(t::TARGET_3), number(t.avg_criteria_min, 1, lang))}</td></tr>
                        <tr><td>{lang.say(t::BORDER_COMMUNES_CRITERIA_EACH)}</td><td class="num">{number(o.border.avg_criteria, 2, lang)}</td><td>{format!("{} {}–{}", lang.say(t::TARGET_4), number(t.border_avg_min, 0, lang), number(t.border_avg_max, 1, lang))}</td></tr>
                        <tr><td>{lang.say(t::MONEY_SHORT_BN_VND)}</td><td class="num">{amount(o.funding.shortfall, 2, lang)}</td><td></td></tr>
                        <tr><td>{lang.say(t::MONEY_IDLE_BN_VND)}</td><td class="num">{amount(o.funding.idle, 2, lang)}</td><td></td></tr>
                    </tbody>
                </table>
                <p>{change_sentence(&state)}</p>
                <table>
                    <thead><tr>
                        <th>{lang.say(t::CRITERION)}</th><th>{lang.say(t::START)}</th><th>{lang.say(t::PROJECTED_2)}</th>
                        <th>{lang.say(t::TARGET_5)}</th><th>{lang.say(t::GAP)}</th><th>{lang.say(t::INVESTED)}</th><th>{lang.say(t::SHORT_2)}</th>
                    </tr></thead>
                    <tbody>{criteria}</tbody>
                </table>
                {if o.districts.is_empty() {
                    view! { <p>{lang.say(t::THE_COMMUNE_TABLE_HAS_NO_DISTRICT_2)}</p> }.into_any()
                } else {
                    view! {
                        <table>
                            <thead><tr><th>{lang.say(t::DISTRICT)}</th><th>{lang.say(t::COMMUNES_2)}</th><th>{lang.say(t::CERTIFIED_3)}</th><th>{lang.say(t::CRITERIA_EACH)}</th></tr></thead>
                            <tbody>{districts}</tbody>
                        </table>
                    }.into_any()
                }}
                <div class="report-charts">{charts}</div>
                <h2>{lang.say(t::N_3_YEARS_THE_PATH)}</h2>
                {path_view(&path.outcome.get(), &path.settings.get(), lang)}
                <h2>{lang.say(t::N_4_RISK)}</h2>
                {risk_view(risk.result.get().as_deref(), lang)}
                <p class="report-source">{format!("{}: {}", lang.say(t::SOURCE_2), lang.pick(&plan.title_vi, &plan.title_en))}</p>
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
                lang.say(t::REACHED)
            } else {
                lang.say(t::NOT_REACHED)
            };
            match t.measure {
                crate::engine::path::Measure::Certified => lang.fill(
                    t::COMMUNES_CERTIFIED_TARGET,
                    &[
                        ("0", &t.year),
                        ("1", &t.value),
                        ("2", &settings.target_certified),
                        ("mark", &mark),
                    ],
                ),
                _ => lang.fill(
                    t::LOWEST_COMMUNE_CRITERIA_TARGET,
                    &[
                        ("0", &t.value),
                        ("1", &settings.target_min_criteria),
                        ("mark", &mark),
                    ],
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
                    <th>{lang.say(t::YEAR)}</th><th>{lang.say(t::CERTIFIED)}</th>
                    <th>{lang.say(t::CRITERIA_EACH)}</th><th>{lang.say(t::BORDER)}</th>
                    <th>{lang.say(t::LOWEST_COMMUNE)}</th><th>{lang.say(t::SHORT)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="report-note">{lang.say(t::EACH_YEAR_KEEPS_THE_SCENARIO_S)}</p>
        </div>
    }
    .into_any()
}

/// The odds (report and presentation): the chance in words and the P10–P90 bands.
fn risk_view(r: Option<&crate::engine::risk::RiskOutcome>, lang: crate::text::Lang) -> AnyView {
    let Some(r) = r else {
        return view! { <p data-testid="risk-summary">{lang.say(t::THE_RISK_RUN_IS_STILL_DRAWING)}</p> }.into_any();
    };
    let row = |label: &'static str, s: &crate::engine::risk::Spread, decimals: usize| {
        view! {
            <tr><td>{label}</td><td class="num">{number(s.p10, decimals, lang)}</td><td class="num">{number(s.p50, decimals, lang)}</td><td class="num">{number(s.p90, decimals, lang)}</td></tr>
        }
    };
    view! {
        <div class="risk-summary" data-testid="risk-summary">
            <p class="big-sentence">{lang.fill(t::CHANCE_OF_REACHING_CERTIFIED_COMMUNES, &[("0", &r.targets.0), ("1", &percent(r.chance_certified, 0, lang))])}</p>
            <table class="slide-table">
                <thead><tr><th></th><th>P10</th><th>P50</th><th>P90</th></tr></thead>
                <tbody>
                    {row(lang.say(t::CERTIFIED_COMMUNES_2), &r.certified, 0)}
                    {row(lang.say(t::AVERAGE_CRITERIA), &r.avg_criteria, 2)}
                    {row(lang.say(t::BORDER_AVERAGE), &r.border_avg, 2)}
                </tbody>
            </table>
            <p class="report-note">{lang.fill(t::DRAWS_SEED_DISBURSEMENT_COSTS_AND_DELIVERY, &[("0", &r.draws), ("1", &r.seed)])}</p>
        </div>
    }
    .into_any()
}
