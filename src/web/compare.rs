//! Scenarios side by side: headline figures and the 19 criteria, differences against the first
//! marked, one chart with a bar per scenario.

use super::persistence::use_keeping;
use super::showing::*;
use super::state::{use_state, State};
use crate::charts::compare_chart;
use crate::engine::{Outcome, Scenario, CRITERIA};
use crate::formats::saved::SavedScenario;
use crate::presets::presets;
use crate::text::number::number;
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;

/// The scenarios that can be compared other than the one shown (the plan, the saved ones, the
/// presets). They follow the language, the saved list and the plan, never a lever: what reads
/// them while comparing (the path chart's compared lines) is not restarted by every input, as
/// it was when it read the one shown with them. (Read, not kept in a memo: a memo of them
/// measured 1 KB more of the first load, and they are read once a settle.)
#[derive(Clone, Copy)]
pub struct Others {
    state: State,
    saved: RwSignal<Vec<SavedScenario>>,
}

impl Others {
    pub fn new(state: State, saved: RwSignal<Vec<SavedScenario>>) -> Others {
        Others { state, saved }
    }

    pub fn get(&self) -> Vec<(String, String, Scenario)> {
        let lang = self.state.lang.get();
        let plan = self.state.model.with(|m| m.plan.clone());
        let mut out = vec![(
            "plan".to_string(),
            plan.default_scenario_name.clone(),
            Scenario::plan(),
        )];
        for (i, s) in self.saved.get().into_iter().enumerate() {
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
}

/// The others, for the page (`web::app` provides them).
pub fn provide_others(state: State) -> Others {
    let others = Others::new(state, use_keeping().saved);
    provide_context(others);
    others
}

/// The scenarios that can be compared: the one shown, then [`Others`].
pub fn candidates(state: &State) -> Vec<(String, String, Scenario)> {
    let lang = state.lang.get();
    let mut out = vec![(
        "current".to_string(),
        lang.say(t::SHOWN_NOW).to_string()
            + ": "
            + state.scenario.with(|_| state.scenario_name()).as_str(),
        state.scenario.get(),
    )];
    out.extend(expect_context::<Others>().get());
    out
}

/// The picked scenarios with their results, in the order picked.
pub(super) fn compared(state: &State, showing: &Showing) -> Vec<(String, Outcome)> {
    let all = candidates(state);
    showing
        .picked
        .get()
        .iter()
        .filter_map(|key| all.iter().find(|(k, _, _)| k == key))
        .map(|(_, name, s)| (name.clone(), state.model.with(|m| m.run(s))))
        .collect()
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
