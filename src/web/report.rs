//! The printed report (A4): title block, assumptions, results, tables, charts.

use super::results::change_sentence;
use super::showing::*;
use super::state::use_state;
use crate::charts::{bands_chart, criteria_chart_with_risk, districts_chart, sources_chart};
use crate::engine::{Scenario, CRITERIA, SOURCES};
use crate::show::{
    criteria_rows, criterion_label, district_rows, path_rows, CardKind, CriterionRow, DistrictRow,
    Headline, PathRow, Verdict,
};
use crate::text::number::{amount, number, percent};
use crate::text::sentences as t;
use leptos::prelude::*;

#[component]
pub fn Report() -> impl IntoView {
    let state = use_state();
    let showing = use_showing();
    let path = expect_context::<super::path::PathShown>();
    let goals = expect_context::<super::goals::GoalsShown>();
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
                            <td>{criterion_label(c, lang)}</td>
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
                    <p class="issuer">{lang.fill(t::PROVINCIAL_PEOPLE_S_COMMITTEE, &[("0", &plan.province.to_uppercase())])}</p>
                    <h1>{lang.say(t::NEW_RURAL_DEVELOPMENT_SCENARIO_REPORT)}</h1>
                    <p>{lang.fill(t::PROVINCE, &[("0", &plan.province), ("1", &plan.year)])}</p>
                    <p>{format!("{}: {}", lang.say(t::SCENARIO), state.scenario_name())}</p>
                    <p>{format!("{}: {date}", lang.say(t::DATE))}</p>
                </header>
                {state.illustrative.get().then(|| view! {
                    <p class="report-note">{lang.say(t::NOTE_THE_COMMUNE_DATA_IS_ILLUSTRATIVE)}</p>
                })}
                {state.targets_beyond_the_table().map(|b| view! {
                    <p class="report-note" data-testid="report-targets-beyond-table">{crate::text::check::say_beyond_the_table(&b, &plan, lang)}</p>
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
                    <tbody>{headline}</tbody>
                </table>
                <p>{change_sentence(&state)}</p>
                <table>
                    <thead><tr>{headings(lang, &CriterionRow::COLUMNS)}</tr></thead>
                    <tbody>{criteria}</tbody>
                </table>
                {if o.districts.is_empty() {
                    view! { <p>{lang.say(t::THE_COMMUNE_TABLE_HAS_NO_DISTRICT_2)}</p> }.into_any()
                } else {
                    view! {
                        <table>
                            <thead><tr>{headings(lang, &DistrictRow::COLUMNS)}</tr></thead>
                            <tbody>{districts}</tbody>
                        </table>
                    }.into_any()
                }}
                <div class="report-charts">{charts}</div>
                <h2>{lang.say(t::N_3_YEARS_THE_PATH)}</h2>
                {state.model.with(|m| path_view(&path.outcome.get(), &m.plan, &path.settings.with(|p| p.carry), lang))}
                <h2>{lang.say(t::N_4_GOALS)}</h2>
                {goals_page(&goals, lang)}
                <h2>{lang.say(t::N_5_RISK)}</h2>
                {risk_view(risk.result.get().as_deref(), lang)}
                <p class="report-source">{format!("{}: {}", lang.say(t::SOURCE_2), lang.pick(&plan.title_vi, &plan.title_en))}</p>
            </section>
        })
    };
    view! { {report} }
}

/// A row of a printed table: its first cell names it, the others are figures; `below`
/// marks a row short of its target. (One function for every table: each `view!` of its own
/// is more of the first load.)
pub(super) fn table_row(cells: &[&str], below: bool) -> impl IntoView {
    let (first, figures) = cells.split_first().map_or(("", &[][..]), |(f, r)| (*f, r));
    let figures = figures
        .iter()
        .map(|c| view! { <td class="num">{c.to_string()}</td> })
        .collect_view();
    view! { <tr class:below=below><td>{first.to_string()}</td>{figures}</tr> }
}

/// A table's column headings.
pub(super) fn headings(
    lang: crate::text::Lang,
    columns: &[crate::text::Sentence],
) -> impl IntoView {
    columns
        .iter()
        .map(|&h| view! { <th scope="col">{lang.say(h)}</th> })
        .collect_view()
}

/// The goal sought last (if any) and where more money buys most (report and presentation).
pub(super) fn goals_page(goals: &super::goals::GoalsShown, lang: crate::text::Lang) -> AnyView {
    let state = use_state();
    state.model.with(|m| {
        let answer = goals.answer.get().map_or_else(
            || view! { <p class="report-note" data-testid="goal-summary">{lang.say(t::NO_GOAL_SOUGHT_YET)}</p> }.into_any(),
            |a| super::goals_view::goal_summary(&a, m, lang),
        );
        let margins = super::goals_view::margins_summary(
            goals.margins.get().as_deref(),
            goals.amount.get(),
            &m.plan,
            lang,
            5,
        );
        view! { <div class="goals-page">{answer}{margins}</div> }.into_any()
    })
}

/// The path as a table with its verdict (report and presentation).
pub(super) fn path_view(
    p: &crate::engine::path::PathOutcome,
    plan: &crate::engine::Plan,
    carry: &crate::engine::path::Carry,
    lang: crate::text::Lang,
) -> AnyView {
    let rows = path_rows(p, carry, lang)
        .into_iter()
        .map(|r| table_row(&r.cells().each_ref().map(String::as_str), false))
        .collect_view();
    let verdict = p
        .targets
        .iter()
        .map(|c| crate::show::path::target_sentence(c, plan, lang, false))
        .collect::<Vec<_>>()
        .join("; ");
    let first = p.years.first().map(|y| y.year);
    let own: Vec<String> = p
        .years
        .iter()
        .filter(|y| y.scenario_year == y.year && Some(y.year) != first)
        .map(|y| y.year.to_string())
        .collect();
    let own = (!own.is_empty()).then(|| {
        view! { <p class="report-note" data-testid="path-own-years">{lang.fill(t::YEARS_WITH_THEIR_OWN_SCENARIO, &[("years", &own.join(", "))])}</p> }
    });
    view! {
        <div class="path-summary" data-testid="path-summary">
            <p>{verdict}</p>
            <table class="slide-table">
                <thead><tr>{headings(lang, &PathRow::COLUMNS)}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="report-note">{lang.say(t::EACH_YEAR_KEEPS_THE_SCENARIO_S)}</p>
            {own}
        </div>
    }
    .into_any()
}

/// The odds (report and presentation): the chance in words and the P10–P90 bands.
pub(super) fn risk_view(
    r: Option<&crate::engine::risk::RiskOutcome>,
    lang: crate::text::Lang,
) -> AnyView {
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
