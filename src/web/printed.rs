//! Parts shared by the printed report and the presentation (and the panels that show the
//! same thing): tables as rows, the path, the goals, the odds, scenarios side by side. Not a
//! view of its own: views read state and these parts, never each other.

use super::goals::GoalsShown;
use super::state::use_state;
use crate::engine::goals::Answer;
use crate::engine::Outcome;
use crate::show::goals::{
    against_the_scenario, all_short, goal_line, margin_rows, more_funding_rows, MarginRow,
};
use crate::show::risk::{certified_chance, draws_note, spread_rows};
use crate::show::{path_rows, PathRow};
use crate::text::number::{amount, number};
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;

/// A row of a printed table: its first cell names it (a row header), the others are figures; `below`
/// marks a row short of its target. (One function for every table: each `view!` of its own
/// is more of the first load.)
pub(super) fn table_row(cells: &[&str], below: bool) -> impl IntoView {
    let (first, figures) = cells.split_first().map_or(("", &[][..]), |(f, r)| (*f, r));
    let figures = figures
        .iter()
        .map(|c| view! { <td class="num">{c.to_string()}</td> })
        .collect_view();
    view! { <tr class:below=below><th scope="row">{first.to_string()}</th>{figures}</tr> }
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
pub(super) fn goals_page(goals: &GoalsShown, lang: crate::text::Lang) -> AnyView {
    let state = use_state();
    state.model.with(|m| {
        let answer = goals.answer.get().map_or_else(
            || view! { <p class="report-note" data-testid="goal-summary">{lang.say(t::NO_GOAL_SOUGHT_YET)}</p> }.into_any(),
            |a| goal_summary(&a, m, lang),
        );
        let margins = margins_summary(
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
        view! { <p class="report-note" data-testid="path-own-years">{lang.fill(t::PATH_OWN_YEARS_NOTE, &[("years", &own.join(", "))])}</p> }
    });
    view! {
        <div class="path-summary" data-testid="path-summary">
            <p>{verdict}</p>
            <table class="slide-table">
                <thead><tr>{headings(lang, &PathRow::COLUMNS)}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="report-note">{lang.say(t::PATH_PRINTED_NOTE)}</p>
            {own}
        </div>
    }
    .into_any()
}

/// The odds (report and presentation): the chance in words and the P10–P90 bands.
pub(super) fn risk_view(
    r: Option<&crate::engine::risk::RiskOutcome>,
    drawn: Option<String>,
    lang: crate::text::Lang,
) -> AnyView {
    let Some(r) = r else {
        return view! { <p data-testid="risk-summary">{lang.say(t::RISK_STILL_DRAWING)}</p> }
            .into_any();
    };
    let rows = spread_rows(r, lang)
        .into_iter()
        .map(|row| {
            let [p10, p50, p90] = row.percentiles;
            view! { <tr><th scope="row">{row.label}</th><td class="num">{p10}</td><td class="num">{p50}</td><td class="num">{p90}</td></tr> }
        })
        .collect_view();
    view! {
        <div class="risk-summary" data-testid="risk-summary">
            <p class="big-sentence">{certified_chance(r, lang)}</p>
            <table class="slide-table">
                <thead><tr><th></th><th scope="col">P10</th><th scope="col">P50</th><th scope="col">P90</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {drawn.map(|d| view! { <p class="report-note" data-testid="risk-drawn">{d}</p> })}
            <p class="report-note">{draws_note(r, lang)}</p>
        </div>
    }
    .into_any()
}

/// A goal's answer in short (report and presentation).
pub(super) fn goal_summary(a: &Answer, m: &crate::engine::Model, l: Lang) -> AnyView {
    let goal = goal_line(a, &m.plan, l);
    let more = more_funding_rows(a, &m.plan, l);
    view! {
        <div class="goal-summary" data-testid="goal-summary">
            <p class="big-sentence">{goal}</p>
            <table class="slide-table">
                <tbody>
                    <tr><td>{l.say(t::LEAST_TOTAL_INVESTMENT)}</td><td class="num">{format!("{} {}", amount(a.total_investment, 2, l), l.say(t::BILLION_VND_UNIT))}</td></tr>
                    {let (label, figure) = against_the_scenario(a, l); view! { <tr><td>{label}</td><td class="num">{figure}</td></tr> }}
                    <tr><td>{l.say(t::COMMUNES_NEWLY_CERTIFIED)}</td><td class="num">{a.outcome.newly_certified.len()}</td></tr>
                    <tr><td>{l.say(t::SHORT_WITH_THE_CURRENT_FUNDING)}</td><td class="num">{amount(a.outcome.funding.shortfall, 2, l)}</td></tr>
                    <tr><td>{l.say(t::PROVEN_LEAST)}</td><td>{if a.exact { l.say(t::YES) } else { l.say(t::GOAL_GREEDY_NOTE) }}</td></tr>
                    {more.into_iter().map(|(name, figure)| view! {
                        <tr><td>{l.fill(t::MORE_FROM_SOURCE_ALONE, &[("name", &name)])}</td><td class="num">{figure}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Where more money buys most, the first rows (report and presentation).
pub(super) fn margins_summary(
    margins: Option<&[crate::engine::goals::Margin]>,
    amount_more: Option<f64>,
    plan: &crate::engine::Plan,
    l: Lang,
    rows: usize,
) -> AnyView {
    let (Some(list), Some(more)) = (margins, amount_more) else {
        return view! { <p>{l.say(t::NOT_A_VALID_AMOUNT)}</p> }.into_any();
    };
    let no_money = all_short(list, more).then(|| {
        view! {
            <p class="report-note" data-testid="margins-no-money">{l.say(t::NO_MONEY_FOR_MORE)}</p>
        }
    });
    view! {
        <div class="margins-summary" data-testid="margins-summary">
            <p>{l.fill(t::MARGINS_SUMMARY_HEADING, &[("amount", &amount(more, 2, l))])}</p>
            {no_money}
            <table class="slide-table">
                <thead><tr>{headings(l, &MarginRow::COLUMNS)}</tr></thead>
                <tbody>
                    {margin_rows(&list[..rows.min(list.len())], plan, l).iter().map(|r| table_row(&r.cells(), false)).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

pub(super) fn diff_cell(
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
pub(super) fn CompareTables(rows: Vec<(String, Outcome)>) -> impl IntoView {
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
        // The scenarios share one table: with no border communes there is no row to compare.
        {(first.border.communes > 0).then(|| metric(lang.say(t::BORDER_COMMUNES_CRITERIA_EACH), |o| o.border.avg_criteria.unwrap_or_default(), 2, true))}
        {metric(lang.say(t::MONEY_SHORT_BN_VND), |o| o.funding.shortfall, 0, false)}
        {metric(lang.say(t::MONEY_IDLE_BN_VND), |o| o.funding.idle, 0, false)}
    };
    let names: Vec<String> = state.model.with_untracked(|m| {
        m.plan
            .criteria
            .iter()
            .map(|c| crate::show::criterion_label(c, lang))
            .collect()
    });
    let criteria = (0..names.len())
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
            <thead><tr><th>{lang.say(t::CRITERION_COMMUNES)}</th><th>{lang.say(t::HEADING_TARGET_SET)}</th>{head2}</tr></thead>
            <tbody>{criteria}</tbody>
        </table>
    }
}

/// The map as the report and the presentation print it: its title, the picture (once the
/// places are loaded, which opening either starts), and the communes with no place.
pub fn map_figure(lang: Lang) -> AnyView {
    let state = use_state();
    let map = super::map::use_map();
    let title = map.title(&state, lang);
    let picture = match (map.svg(&state, lang), map.places.get()) {
        (Some(svg), _) => view! { <div class="map-svg" inner_html=svg></div> }.into_any(),
        (None, super::map::PlacesLoad::Failed(why)) => {
            view! { <p>{lang.fill(t::MAP_PLACES_FAILED, &[("reason", &why)])}</p> }.into_any()
        }
        (None, _) => view! { <p>{lang.say(t::MAP_PLACES_LOADING)}</p> }.into_any(),
    };
    let unplaced = map.layout.get().and_then(|l| {
        state
            .model
            .with(|m| crate::show::map::unplaced_line(&m.table, &l, lang))
    });
    view! {
        <figure class="report-chart report-map" data-testid="printed-map">
            <figcaption>{title}</figcaption>
            {picture}
            {unplaced.map(|u| view! { <p class="report-note">{u}</p> })}
        </figure>
    }
    .into_any()
}
