//! The goals panel, and the goal's answer and the margins as the report and the presentation
//! show them.
use super::goals::{default_value, goal_options, GoalsShown};
use super::state::use_state;
use crate::engine::goals::{Answer, Goal};
use crate::engine::path::Measure;
use crate::engine::CRITERIA;
use crate::text::number::{amount, number, parse_number};
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;

/// The funding an answer lacks: per source, how much more of it alone would pay for what it
/// may pay for (a source that cannot help is left out).
fn more_funding_rows(a: &Answer, plan: &crate::engine::Plan, l: Lang) -> Vec<(String, String)> {
    plan.sources
        .iter()
        .zip(a.more_funding)
        .filter(|(_, x)| *x > 0.0)
        .map(|(src, x)| {
            let figure = if x.is_finite() {
                format!("+{} {}", amount(x, 2, l), l.say(t::BILLION_VND_3))
            } else {
                l.say(t::NONE_OF_IT_ARRIVES).to_string()
            };
            (l.pick(&src.name_vi, &src.name_en).to_string(), figure)
        })
        .collect()
}

/// The answer against the scenario's own total: a saving, or (when the goal costs more than the
/// scenario invests) how much more, never a negative saving.
fn against_the_scenario(a: &Answer, l: Lang) -> (&'static str, String) {
    if a.saving < 0.0 {
        (
            l.say(t::MORE_THAN_THE_SCENARIO),
            format!("+{}", amount(-a.saving, 2, l)),
        )
    } else {
        (
            l.say(t::SAVING_AGAINST_THE_SCENARIO),
            amount(a.saving, 2, l),
        )
    }
}

/// A goal's answer in short (report and presentation).
pub(super) fn goal_summary(a: &Answer, m: &crate::engine::Model, l: Lang) -> AnyView {
    let what = goal_options(&m.plan, l)
        .into_iter()
        .find(|(key, _)| {
            if a.budget.is_some() {
                key == "budget"
            } else {
                *key == a.measure.key(&m.plan)
            }
        })
        .map(|(_, label)| label)
        .unwrap_or_default();
    let goal = match a.budget {
        Some(b) => format!("{what}: {}", amount(b, 2, l)),
        None if a.measure.is_count() => format!("{what}: {:.0}", a.target),
        None => format!("{what}: {}", number(a.target, 2, l)),
    };
    let more = more_funding_rows(a, &m.plan, l);
    view! {
        <div class="goal-summary" data-testid="goal-summary">
            <p class="big-sentence">{goal}</p>
            <table class="slide-table">
                <tbody>
                    <tr><td>{l.say(t::LEAST_TOTAL_INVESTMENT)}</td><td class="num">{format!("{} {}", amount(a.total_investment, 2, l), l.say(t::BILLION_VND_3))}</td></tr>
                    {let (label, figure) = against_the_scenario(a, l); view! { <tr><td>{label}</td><td class="num">{figure}</td></tr> }}
                    <tr><td>{l.say(t::COMMUNES_NEWLY_CERTIFIED)}</td><td class="num">{a.outcome.newly_certified.len()}</td></tr>
                    <tr><td>{l.say(t::SHORT_WITH_THE_CURRENT_FUNDING)}</td><td class="num">{amount(a.outcome.funding.shortfall, 2, l)}</td></tr>
                    <tr><td>{l.say(t::PROVEN_LEAST)}</td><td>{if a.exact { l.say(t::YES) } else { l.say(t::NO_GREEDY_A_CHEAPER_ANSWER_MAY) }}</td></tr>
                    {more.into_iter().map(|(name, figure)| view! {
                        <tr><td>{l.fill(t::MORE_FROM_SOURCE_ALONE, &[("name", &name)])}</td><td class="num">{figure}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Whether the sources leave every criterion's extra amount short: then more for one criterion
/// only moves money from the others (the plan's case: every billion is spent).
fn all_short(list: &[crate::engine::goals::Margin], more: f64) -> bool {
    more > 0.0 && !list.is_empty() && list.iter().all(|g| g.shortfall + 1e-6 >= more)
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
            <p>{l.fill(t::WHERE_MORE_BUYS_MOST, &[("amount", &amount(more, 2, l))])}</p>
            {no_money}
            <table class="slide-table">
                <thead><tr>
                    <th>{l.say(t::CRITERION)}</th><th>{l.say(t::MORE_CERTIFIED)}</th>
                    <th>{l.say(t::MORE_CRITERIA_MET)}</th><th>{l.say(t::SHORT)}</th>
                </tr></thead>
                <tbody>
                    {list.iter().take(rows).map(|g| {
                        let c = &plan.criteria[g.criterion];
                        view! {
                            <tr>
                                <td>{format!("{} {}", c.id, l.pick(&c.name_vi, &c.name_en))}</td>
                                <td class="num">{format!("{:+}", g.certified_gain)}</td>
                                <td class="num">{format!("{:+}", g.criteria_gain)}</td>
                                <td class="num">{amount(g.shortfall, 2, l)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

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
    let goal_key = RwSignal::new("certified".to_string());
    let value_text =
        RwSignal::new(state.model.with_untracked(|m| {
            number(default_value("certified", m), 2, state.lang.get_untracked())
        }));
    let error = RwSignal::new(None::<String>);
    let lang = move || state.lang.get();
    let run = move |_| {
        let l = state.lang.get_untracked();
        let key = goal_key.get_untracked();
        let parsed = parse_number(&value_text.get_untracked(), l)
            .ok()
            .filter(|x| x.is_finite() && *x >= 0.0);
        let Some(value) = parsed else {
            error.set(Some(l.say(t::THE_GOAL_S_VALUE_MUST_BE).to_string()));
            return;
        };
        error.set(None);
        let goal = state.model.with_untracked(|m| {
            if key == "budget" {
                Some(Goal::Budget(value))
            } else {
                Some(Goal::Target(Measure::from_key(&key, &m.plan)?, value))
            }
        });
        match goal {
            Some(goal) => goals.seek(state, goal),
            None => answer.set(None),
        }
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
            <h3 id="goals-title">{move || state.tr(t::GOALS_WHAT_IS_THE_LEAST_IT)}</h3>
            <div class="goal-form">
                <label>
                    <span>{move || state.tr(t::GOAL)}</span>
                    <select data-testid="goal-target" on:change=move |ev| {
                        let key = event_target_value(&ev);
                        let v = state.model.with_untracked(|m| default_value(&key, m));
                        value_text.set(number(v, 2, state.lang.get_untracked()));
                        goal_key.set(key);
                        answer.set(None);
                    }>
                        {move || state.model.with(|m| goal_options(&m.plan, lang())).into_iter().map(|(key, label)| {
                            let k = key.clone();
                            view! { <option value=key prop:selected=move || goal_key.with(|g| *g == k)>{label}</option> }
                        }).collect_view()}
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
                let criteria: Vec<String> = state.model.with(|m| (0..CRITERIA)
                    .filter(|&k| a.paid[k] > 0)
                    .map(|k| format!("{} ({})", l.pick(&m.plan.criteria[k].name_vi, &m.plan.criteria[k].name_en), amount(a.scenario.investment[k].unwrap_or(0.0), 1, l)))
                    .collect());
                let headline = if a.budget.is_some() {
                    l.fill(t::WITHIN_THIS_BUDGET_COMMUNES_CERTIFIED, &[("0", &a.target)])
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
                            <dd data-testid="goal-total">{format!("{} {}", amount(a.total_investment, 2, l), l.say(t::BILLION_VND_3))}</dd>
                            {let (label, figure) = against_the_scenario(&a, l); view! {
                                <dt data-testid="goal-saving-label">{label}</dt>
                                <dd data-testid="goal-saving">{figure}</dd>
                            }}
                            <dt>{l.say(t::PROVEN_LEAST)}</dt>
                            <dd data-testid="goal-exact">{if a.exact { l.say(t::YES) } else { l.say(t::NO_GREEDY_A_CHEAPER_ANSWER_MAY) }}</dd>
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
            <h4>{move || state.tr(t::WHERE_DOES_MORE_MONEY_BUY_MOST)}</h4>
            <label class="margin-amount">
                <span>{move || state.tr(t::AMOUNT_MORE_BILLION_VND)}</span>
                <input type="text" inputmode="decimal" class="number small" data-testid="marginal-amount"
                    prop:value=move || amount_text.get() on:input=move |ev| amount_text.set(event_target_value(&ev))/>
            </label>
            <p class="hint">{move || state.tr(t::EACH_ROW_THE_CURRENT_SCENARIO_WITH)}</p>
            {move || {
                let more = goals.amount.get()?;
                margins.with(|m| m.as_deref().is_some_and(|list| all_short(list, more))).then(|| view! {
                    <p class="hint" role="note" data-testid="margins-no-money">{state.tr(t::NO_MONEY_FOR_MORE)}</p>
                })
            }}
            {move || progress.get().map(|done| view! {
                <p class="hint working" role="status" data-testid="marginal-progress">
                    {lang().fill(t::WORKING_OUT_THE_MARGINS, &[("done", &done), ("of", &CRITERIA)])}
                </p>
            })}
            <table class="marginal" data-testid="marginal-table">
                <thead><tr>
                    <th scope="col">{move || state.tr(t::CRITERION)}</th>
                    <th scope="col">{move || state.tr(t::MORE_CERTIFIED)}</th>
                    <th scope="col">{move || state.tr(t::MORE_CRITERIA_MET)}</th>
                    <th scope="col">{move || state.tr(t::SHORT)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let l = lang();
                        match margins.get() {
                            // A valid amount, not worked out yet (the progress line says so).
                            None if goals.amount.get().is_some() => ().into_any(),
                            None => view! { <tr><td colspan="4" class="field-error">{l.say(t::NOT_A_VALID_AMOUNT)}</td></tr> }.into_any(),
                            Some(list) => state.model.with(|m| list.iter().map(|g| {
                                let c = &m.plan.criteria[g.criterion];
                                view! {
                                    <tr>
                                        <th scope="row">{format!("{} {}", c.id, l.pick(&c.name_vi, &c.name_en))}</th>
                                        <td>{format!("{:+}", g.certified_gain)}</td>
                                        <td>{format!("{:+}", g.criteria_gain)}</td>
                                        <td>{amount(g.shortfall, 2, l)}</td>
                                    </tr>
                                }
                            }).collect_view()).into_any(),
                        }
                    }}
                </tbody>
            </table>
        </section>
    }
}
