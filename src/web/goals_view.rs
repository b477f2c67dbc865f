//! The goals panel, and the goal's answer and the margins as the report and the presentation
//! show them.
use super::goals::GoalsShown;
use super::printed::{headings, table_row};
use super::state::use_state;
use crate::engine::path::Measure;
use crate::show::goals::{
    against_the_scenario, all_short, margin_rows, more_funding_rows, GoalChoice, MarginRow,
};
use crate::text::number::{amount, number, parse_number};
use crate::text::sentences as t;
use leptos::prelude::*;

#[component]
pub fn GoalsPanel() -> impl IntoView {
    let state = use_state();
    let goals = expect_context::<GoalsShown>();
    let GoalsShown {
        answer,
        amount_text,
        margins,
        progress,
        seeking,
        ..
    } = goals;
    let choice = RwSignal::new(GoalChoice::Reach(Measure::Certified));
    let value_text = RwSignal::new(state.model.with_untracked(|m| {
        number(
            choice.get_untracked().default_value(&m.plan),
            2,
            state.lang.get_untracked(),
        )
    }));
    let error = RwSignal::new(None::<String>);
    let lang = move || state.lang.get();
    let run = move |_| {
        let l = state.lang.get_untracked();
        let parsed = parse_number(&value_text.get_untracked(), l)
            .ok()
            .filter(|x| x.is_finite() && *x >= 0.0);
        let Some(value) = parsed else {
            error.set(Some(l.say(t::GOAL_VALUE_INVALID).to_string()));
            return;
        };
        error.set(None);
        goals.seek(state, choice.get_untracked().goal(value));
    };
    let apply = move |_| {
        if let Some(a) = answer.get_untracked() {
            let mut scenario = a.scenario.clone();
            scenario.name = None;
            state.replace(scenario);
        }
    };
    view! {
        <section class="panel goals" data-testid="goals-view" aria-labelledby="goals-title">
            <h3 id="goals-title">{move || state.tr(t::GOALS_PANEL_TITLE)}</h3>
            <div class="goal-form">
                <label>
                    <span>{move || state.tr(t::GOAL)}</span>
                    <select data-testid="goal-target" on:change=move |ev| {
                        let key = event_target_value(&ev);
                        let picked = state.model.with_untracked(|m| {
                            GoalChoice::from_key(&key, &m.plan).map(|c| (c, c.default_value(&m.plan)))
                        });
                        if let Some((c, v)) = picked {
                            value_text.set(number(v, 2, state.lang.get_untracked()));
                            choice.set(c);
                            answer.set(None);
                        }
                    }>
                        {move || state.model.with(|m| {
                            let l = lang();
                            GoalChoice::all(&m.plan).into_iter().map(|c| {
                                let (key, label) = (c.key(&m.plan), c.label(&m.plan, l));
                                view! { <option value=key prop:selected=move || choice.get() == c>{label}</option> }
                            }).collect_view()
                        })}
                    </select>
                </label>
                <label>
                    <span>{move || state.tr(t::VALUE)}</span>
                    <input type="text" inputmode="decimal" class="number" data-testid="goal-value"
                        prop:value=move || value_text.get()
                        on:input=move |ev| value_text.set(event_target_value(&ev))/>
                </label>
                <button type="button" data-testid="goal-run" on:click=run>{move || state.tr(t::FIND)}</button>
            </div>
            <p class="field-error" role="alert" data-testid="goal-error">{move || error.get()}</p>
            {move || seeking.get().then(|| view! {
                <p class="hint working" role="status" data-testid="goal-seeking">{state.tr(t::SEEKING)}</p>
            })}
            {move || answer.get().map(|a| {
                let l = lang();
                let names: Vec<String> = state.model.with(|m| a.outcome.newly_certified.iter().filter_map(|id| {
                    m.table.communes.iter().find(|c| &c.id == id).map(|c| c.name.clone())
                }).collect());
                let criteria: Vec<String> = state.model.with(|m| (0..m.items())
                    .filter(|&k| a.paid.get(k).is_some_and(|&p| p > 0))
                    .map(|k| format!("{} ({})", l.pick(&m.plan.items[k].name_vi, &m.plan.items[k].name_en), amount(a.scenario.investment[k].unwrap_or(0.0), 1, l)))
                    .collect());
                let headline = if a.budget.is_some() {
                    l.fill(t::GOAL_BUDGET_ANSWER, &[("certified", &a.target)])
                } else if a.reached {
                    l.say(t::GOAL_CAN_BE_REACHED).to_string()
                } else {
                    l.say(t::GOAL_NOT_REACHABLE).to_string()
                };
                view! {
                    <div class="goal-answer" data-testid="goal-answer">
                        <p>{headline}</p>
                        <dl>
                            <dt>{l.say(t::LEAST_TOTAL_INVESTMENT)}</dt>
                            <dd data-testid="goal-total">{format!("{} {}", amount(a.total_investment, 2, l), l.say(t::BILLION_VND_UNIT))}</dd>
                            {let (label, figure) = against_the_scenario(&a, l); view! {
                                <dt data-testid="goal-saving-label">{label}</dt>
                                <dd data-testid="goal-saving">{figure}</dd>
                            }}
                            <dt>{l.say(t::PROVEN_LEAST)}</dt>
                            <dd data-testid="goal-exact">{if a.exact { l.say(t::YES) } else { l.say(t::GOAL_GREEDY_NOTE) }}</dd>
                            <dt>{l.say(t::SHORT_WITH_THE_CURRENT_FUNDING)}</dt>
                            <dd data-testid="goal-shortfall">{amount(a.outcome.funding.shortfall, 2, l)}</dd>
                            {state.model.with(|m| more_funding_rows(&a, &m.plan, l)).into_iter().map(|(name, figure)| view! {
                                <dt>{l.fill(t::MORE_FROM_SOURCE_ALONE, &[("name", &name)])}</dt>
                                <dd data-testid="goal-more-funding">{figure}</dd>
                            }).collect_view()}
                            <dt>{l.say(t::INVESTED_IN)}</dt>
                            <dd>{criteria.join("; ")}</dd>
                            <dt>{l.say(t::COMMUNES_NEWLY_CERTIFIED)}</dt>
                            <dd data-testid="goal-communes">{if names.is_empty() { "0".to_string() } else { format!("{}: {}", names.len(), names.join(", ")) }}</dd>
                        </dl>
                        <button type="button" data-testid="goal-apply" on:click=apply>
                            {l.say(t::APPLY_AS_THE_CURRENT_SCENARIO)}
                        </button>
                    </div>
                }
            })}
            <h4>{move || state.tr(t::MARGINS_HEADING)}</h4>
            <label class="margin-amount">
                <span>{move || state.tr(t::AMOUNT_MORE_BILLION_VND)}</span>
                <input type="text" inputmode="decimal" class="number small" data-testid="marginal-amount"
                    prop:value=move || amount_text.get() on:input=move |ev| amount_text.set(event_target_value(&ev))/>
            </label>
            <p class="hint">{move || state.tr(t::MARGINS_HINT)}</p>
            {move || {
                let more = goals.amount.get()?;
                margins.with(|m| m.as_deref().is_some_and(|list| all_short(list, more))).then(|| view! {
                    <p class="hint" role="note" data-testid="margins-no-money">{state.tr(t::NO_MONEY_FOR_MORE)}</p>
                })
            }}
            {move || progress.get().map(|done| view! {
                <p class="hint working" role="status" data-testid="marginal-progress">
                    {lang().fill(t::MARGINS_PROGRESS, &[("done", &done), ("of", &state.model.with_untracked(|m| m.items()))])}
                </p>
            })}
            <table class="marginal" data-testid="marginal-table">
                <thead><tr>{move || headings(lang(), &MarginRow::COLUMNS)}</tr></thead>
                <tbody>
                    {move || {
                        let l = lang();
                        match margins.get() {
                            // A valid amount, not worked out yet (the progress line says so).
                            None if goals.amount.get().is_some() => ().into_any(),
                            None => view! { <tr><td colspan="4" class="field-error">{l.say(t::NOT_A_VALID_AMOUNT)}</td></tr> }.into_any(),
                            Some(list) => state.model.with(|m| {
                                margin_rows(&list, &m.plan, l).iter().map(|r| table_row(&r.cells(), false)).collect_view()
                            }).into_any(),
                        }
                    }}
                </tbody>
            </table>
        </section>
    }
}
