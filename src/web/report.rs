//! The printed report (A4): title block, assumptions, results, tables, charts.

use super::printed::*;
use super::showing::*;
use super::state::use_state;
use crate::charts::{bands_chart, criteria_chart_with_risk, districts_chart, sources_chart};
use crate::engine::Scenario;
use crate::show::{
    criteria_rows, district_rows, CardKind, CriterionRow, DistrictRow, Headline, Verdict,
};
use crate::text::number::{amount, percent};
use crate::text::sentences as t;
use leptos::prelude::*;

#[component]
pub fn Report() -> impl IntoView {
    let state = use_state();
    let showing = use_showing();
    let path = expect_context::<super::path::PathShown>();
    let goals = expect_context::<super::goals::GoalsShown>();
    let risk = expect_context::<super::risk::Shown>();
    // The report's map needs the places: they load when the report opens.
    Effect::new(move |_| {
        if showing.report_open.get() {
            super::map::use_map().want_places();
        }
    });
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
                    lang.say(t::CHART_COMMUNES_BY_CRITERIA_MET),
                    bands_chart(m, &o, lang),
                ),
                (lang.say(t::CHART_SOURCES_TITLE), sources_chart(m, &o, lang)),
                (lang.say(t::HEADING_DISTRICTS), districts_chart(m, &o, lang)),
            ];
            (m.plan.clone(), m.levers(&Scenario::plan()), charts)
        });
        let date = js_sys::Date::new_0()
            .to_locale_date_string(lang.say(t::DATE_LOCALE), &wasm_bindgen::JsValue::UNDEFINED)
            .as_string()
            .unwrap_or_default();
        let funding = (0..state.model.with_untracked(|m| m.plan.sources.len()))
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
        let changed: Vec<usize> = (0..state.model.with_untracked(|m| m.items()))
            .filter(|&k| (levers.investment[k] - plan_levers.investment[k]).abs() > 1e-9)
            .collect();
        let investments = if changed.is_empty() {
            view! { <p>{lang.fill(t::REPORT_INVESTMENT_AS_PLANNED, &[("year", &plan.year)])}</p> }
                .into_any()
        } else {
            let rows = changed
                .iter()
                .map(|&k| {
                    view! {
                        <tr>
                            <td>{crate::text::item_label(&plan, k, lang)}</td>
                            <td class="num">{amount(plan_levers.investment[k], 2, lang)}</td>
                            <td class="num">{amount(levers.investment[k], 2, lang)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead><tr><th>{lang.say(t::REPORT_INVESTMENT_CHANGED_HEADING)}</th><th>{lang.say(t::HEADING_PLAN)}</th><th>{lang.say(t::SCENARIO)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        };
        let eligibility_changed = (0..state.model.with_untracked(|m| m.plan.sources.len()))
            .filter(|&s| levers.eligibility[s] != plan_levers.eligibility[s])
            .count();
        let criteria = criteria_rows(&plan, &o, lang)
            .into_iter()
            .map(|r| table_row(&r.cells(), r.verdict == Verdict::Short))
            .collect_view();
        let districts = district_rows(&o, lang)
            .into_iter()
            .map(|d| table_row(&d.cells(), false))
            .collect_view();
        let headline = Headline::of(&o, &state.targets(), lang)
            .cards()
            .into_iter()
            .map(|c| {
                let testid = (c.kind == CardKind::Border).then_some("report-border-avg");
                view! { <tr><td>{c.label.clone()}</td><td class="num" data-testid=testid>{c.figure.clone()}</td><td>{c.note.clone()}</td></tr> }
            })
            .collect_view();
        let charts = charts
            .into_iter()
            .map(|(title, svg)| view! { <figure class="report-chart"><figcaption>{title}</figcaption><div inner_html=svg></div></figure> })
            .collect_view();
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
                    <p class="issuer">{lang.fill(t::REPORT_ISSUER, &[("province", &plan.province.to_uppercase())])}</p>
                    <h1>{lang.say(t::REPORT_TITLE)}</h1>
                    <p>{lang.fill(t::REPORT_PROVINCE_YEAR, &[("province", &plan.province), ("year", &plan.year)])}</p>
                    <p>{format!("{}: {}", lang.say(t::SCENARIO), state.scenario_name())}</p>
                    <p>{format!("{}: {date}", lang.say(t::DATE))}</p>
                </header>
                {state.illustrative.get().then(|| view! {
                    <p class="report-note">{lang.say(t::REPORT_ILLUSTRATIVE_NOTE)}</p>
                })}
                {state.targets_beyond_the_table().map(|b| view! {
                    <p class="report-note" data-testid="report-targets-beyond-table">{crate::text::check::say_beyond_the_table(&b, &plan, lang)}</p>
                })}
                <h2>{lang.say(t::REPORT_ASSUMPTIONS_HEADING)}</h2>
                <p>{format!("{}: {}", lang.say(t::ORDER_LABEL), lang.order_name(levers.strategy))}</p>
                <table>
                    <thead><tr>
                        <th>{lang.say(t::SOURCE_BN_VND)}</th><th>{lang.say(t::HEADING_PLAN)}</th><th>{lang.say(t::SCENARIO)}</th>
                        <th>{lang.say(t::DISBURSED)}</th><th>{lang.say(t::ARRIVED)}</th><th>{lang.say(t::HEADING_IDLE)}</th>
                    </tr></thead>
                    <tbody>{funding}</tbody>
                </table>
                {investments}
                {(eligibility_changed > 0).then(|| view! { <p>{lang.fill(t::REPORT_ELIGIBILITY_CHANGED, &[("eligibility_changed", &eligibility_changed)])}</p> })}
                <h2>{lang.say(t::REPORT_RESULTS_HEADING)}</h2>
                <table class="report-headline">
                    <tbody>{headline}</tbody>
                </table>
                <p>{state.change_sentence()}</p>
                <table>
                    <thead><tr>{headings(lang, &CriterionRow::COLUMNS)}</tr></thead>
                    <tbody>{criteria}</tbody>
                </table>
                {if o.districts.is_empty() {
                    view! { <p>{lang.say(t::NO_DISTRICT_COLUMN_ON_THE_PAGE)}</p> }.into_any()
                } else {
                    view! {
                        <table>
                            <thead><tr>{headings(lang, &DistrictRow::COLUMNS)}</tr></thead>
                            <tbody>{districts}</tbody>
                        </table>
                    }.into_any()
                }}
                <div class="report-charts">{charts}</div>
                {map_figure(lang)}
                <h2>{lang.say(t::REPORT_PATH_HEADING)}</h2>
                {state.model.with(|m| path_view(&path.outcome.get(), &m.plan, &path.settings.with(|p| p.carry), lang))}
                <h2>{lang.say(t::REPORT_GOALS_HEADING)}</h2>
                {goals_page(&goals, lang)}
                <h2>{lang.say(t::REPORT_RISK_HEADING)}</h2>
                {risk_view(risk.result.get().as_deref(), super::risk::drawn_note(state, risk), lang)}
                <p class="report-source">{format!("{}: {}", lang.say(t::DATA_SOURCE), lang.pick(&plan.title_vi, &plan.title_en))}</p>
            </section>
        })
    };
    view! { {report} }
}
