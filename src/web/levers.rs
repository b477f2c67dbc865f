//! The levers: funding per source, investment per criterion, strategy, and the assumptions.

use super::fields::NumberField;
use super::state::use_state;
use super::state::Step;
use crate::engine::lever::*;
use crate::engine::scenario::FULL_DISBURSEMENT;
use crate::engine::Strategy;
use crate::show::fields::FieldFormat;
use crate::text::number::{amount, number, percent};
use crate::text::sentences as t;
use leptos::prelude::*;

#[component]
pub fn Levers() -> impl IntoView {
    view! {
        <section class="levers" aria-labelledby="levers-title">
            <h2 id="levers-title">{move || use_state().tr(t::LEVERS)}</h2>
            <StrategyPicker/>
            <Funding/>
            <Investments/>
            <Assumptions/>
        </section>
    }
}

#[component]
fn StrategyPicker() -> impl IntoView {
    let state = use_state();
    let selected = move || state.levers.with(|l| l.strategy);
    view! {
        <label class="strategy">
            <span>{move || state.tr(t::ORDER_LABEL)}</span>
            <select
                data-testid="strategy"
                on:change=move |ev| {
                    let key = event_target_value(&ev);
                    if let Some(s) = Strategy::from_key(&key) {
                        state.set_lever(Lever::strategy(), Some(Value::Order(s)));
                    }
                }
            >
                {Strategy::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <option value=s.key() prop:selected=move || selected() == s>
                                {move || state.lang.get().order_name(s)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
fn Funding() -> impl IntoView {
    let state = use_state();
    let total = move || state.levers.with(|l| l.funding.iter().sum::<f64>());
    let plan_total = move || state.model.with(|m| m.plan.funding_total());
    let rows = (0..state.model.with_untracked(|m| m.plan.sources.len()))
        .map(|s| {
            let (key, name_vi, name_en, plan_amount) = state.model.with_untracked(|m| {
                let src = &m.plan.sources[s];
                (src.key.clone(), src.name_vi.clone(), src.name_en.clone(), src.amount)
            });
            let value = Signal::derive(move || state.levers.with(|l| l.funding[s]));
            let label = {
                let (vi, en) = (name_vi.clone(), name_en.clone());
                Signal::derive(move || state.lang.get().pick(vi.clone(), en.clone()))
            };
            let on_commit = Callback::new(move |v: f64| state.set_lever(Lever::funding(s), Some(Value::Number(v))));
            let share = move || {
                let t = total();
                if t > 0.0 { percent(value.get() / t, 1, state.lang.get()) } else { "—".into() }
            };
            let changed = move || (value.get() - plan_amount).abs() > 1e-9;
            view! {
                <div class="lever-row" class:changed=changed>
                    <span class="lever-name">{move || label.get()}</span>
                    <NumberField
                        value=value
                        on_commit=on_commit
                        testid=format!("funding-{key}")
                        label=label
                        limit=state.model.with_untracked(|m| FieldFormat::of(Lever::funding(s).family(), &m.plan)).limit
                        slider_max=Signal::derive(move || (plan_amount * 2.0).max(value.get()).max(10.0))
                    />
                    <span class="share" title=move || state.tr(t::LEVER_FUNDING_SHARE)>{share}</span>
                    <span class="plan-figure" title=move || state.tr(t::LEVER_PLAN_FIGURE)>
                        {move || format!("{} {}", state.tr(t::PLAN), amount(plan_amount, 2, state.lang.get()))}
                    </span>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="panel">
            <legend>{move || state.tr(t::FUNDING_BILLION_VND)}</legend>
            {rows}
            <div class="lever-row total">
                <span class="lever-name">{move || state.tr(t::TOTAL)}</span>
                <strong data-testid="funding-total">{move || amount(total(), 2, state.lang.get())}</strong>
                <span class="plan-figure">
                    {move || {
                        let lang = state.lang.get();
                        format!("{} {} ({} {})", state.tr(t::PLAN), amount(plan_total(), 2, lang), state.tr(t::FUNDING_STATED_TOTAL), amount(state.model.with(|m| m.plan.stated_total.as_ref().map_or_else(|| m.plan.funding_total(), |t| t.amount)), 2, lang))
                    }}
                </span>
            </div>
        </fieldset>
    }
}

#[component]
fn Investments() -> impl IntoView {
    let state = use_state();
    let scale = RwSignal::new(100.0);
    let groups = state.model.with_untracked(|m| m.plan.groups.clone());
    let on_scale = Callback::new(move |p: f64| {
        scale.set(p);
        let defaults = state
            .model
            .with_untracked(|m| m.default_investment().to_vec());
        state.edit(Step::ScaleInvestment, |sc| {
            for k in 0..state.model.with_untracked(|m| m.items()) {
                sc.investment[k] = if (p - 100.0).abs() < 1e-9 {
                    None
                } else {
                    Some(defaults[k] * p / 100.0)
                };
            }
        });
    });
    // The items under their criterion's display group; those of criteria without one (a
    // plan file need not group its criteria) under a heading of their own, last.
    let group_of = |m: &crate::engine::Model, j: usize| {
        m.plan.criteria[m.plan.items[j].criterion].group.clone()
    };
    let mut headings: Vec<(String, String, String)> = groups
        .into_iter()
        .map(|g| (g.key, g.name_vi, g.name_en))
        .collect();
    let ungrouped = state
        .model
        .with_untracked(|m| (0..m.items()).any(|j| !headings_has(&m.plan.groups, &group_of(m, j))));
    if ungrouped {
        headings.push((
            String::new(),
            t::OTHER_CRITERIA.vi.to_string(),
            t::OTHER_CRITERIA.en.to_string(),
        ));
    }
    let group_views = headings
        .into_iter()
        .map(|(key, name_vi, name_en)| {
            let members: Vec<usize> = state.model.with_untracked(|m| {
                (0..m.items())
                    .filter(|&j| {
                        let g = group_of(m, j);
                        g == key || (key.is_empty() && !headings_has(&m.plan.groups, &g))
                    })
                    .collect()
            });
            // A criterion that is its own item: its lever; one holding indicators: its items'
            // levers folded under its name, with their total (opened to move them).
            let mut criteria: Vec<(usize, Vec<usize>)> = Vec::new();
            for j in members {
                let k = state.model.with_untracked(|m| m.plan.items[j].criterion);
                match criteria.last_mut() {
                    Some((last, items)) if *last == k => items.push(j),
                    _ => criteria.push((k, vec![j])),
                }
            }
            let rows = criteria
                .into_iter()
                .map(|(k, items)| {
                    let whole = state.model.with_untracked(|m| m.plan.criteria[k].indicators.is_empty());
                    if whole {
                        return items.into_iter().map(|j| view! { <InvestmentRow k=j/> }).collect_view().into_any();
                    }
                    let key = state.model.with_untracked(|m| m.plan.criteria[k].key.clone());
                    let name = move || {
                        let lang = state.lang.get();
                        state.model.with(|m| crate::text::criterion_label(&m.plan.criteria[k], lang))
                    };
                    let total = {
                        let items = items.clone();
                        move || {
                            let sum: f64 = state.levers.with(|l| items.iter().map(|&j| l.investment[j]).sum());
                            amount(sum, 2, state.lang.get())
                        }
                    };
                    let levers = items.into_iter().map(|j| view! { <InvestmentRow k=j/> }).collect_view();
                    view! {
                        <details class="criterion-items" data-testid=format!("criterion-levers-{key}")>
                            <summary>{name}" · "{total}</summary>
                            {levers}
                        </details>
                    }
                    .into_any()
                })
                .collect_view();
            let (vi, en) = (name_vi.clone(), name_en.clone());
            view! {
                <div class="group">
                    <h4>{move || state.lang.get().pick(vi.clone(), en.clone())}</h4>
                    {rows}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="panel">
            <legend>{move || state.tr(t::INVESTMENT_BY_CRITERION_BILLION_VND)}</legend>
            <div class="lever-row scale-all">
                <span class="lever-name">{move || state.tr(t::SCALE_ALL_TO)}</span>
                <NumberField
                    value=Signal::derive(move || scale.get())
                    on_commit=on_scale
                    testid="investment-scale".to_string()
                    label=Signal::derive(move || state.tr(t::SCALE_EVERY_INVESTMENT).to_string())
                    decimals=0
                    limit=1000.0
                    slider_max=Signal::derive(|| 200.0)
                    unit="%"
                />
            </div>
            {group_views}
        </fieldset>
    }
}

/// Whether `key` names one of the plan's display groups.
fn headings_has(groups: &[crate::engine::plan::Group], key: &str) -> bool {
    groups.iter().any(|g| g.key == key)
}

#[component]
fn InvestmentRow(k: usize) -> impl IntoView {
    let state = use_state();
    let key = state.model.with_untracked(|m| m.plan.items[k].key.clone());
    let value = Signal::derive(move || state.levers.with(|l| l.investment[k]));
    let default = Signal::derive(move || state.model.with(|m| m.default_investment()[k]));
    let label = Signal::derive(move || {
        let lang = state.lang.get();
        state
            .model
            .with(|m| crate::text::item_label(&m.plan, k, lang))
    });
    let on_commit =
        Callback::new(move |v: f64| state.set_lever(Lever::investment(k), Some(Value::Number(v))));
    let changed = move || {
        state
            .scenario
            .with(|s| s.investment[k].is_some_and(|v| (v - default.get()).abs() > 1e-9))
    };
    view! {
        <div class="lever-row" class:changed=changed>
            <span class="lever-name">{move || label.get()}</span>
            <NumberField
                value=value
                on_commit=on_commit
                testid=format!("investment-{key}")
                label=label
                limit=state.model.with_untracked(|m| FieldFormat::of(Lever::investment(k).family(), &m.plan)).limit
                slider_max=Signal::derive(move || (default.get() * 3.0).max(value.get()).max(10.0))
            />
            <span class="plan-figure" title=move || state.lang.get().fill(t::LEVER_INVESTMENT_PLAN_FIGURE, &[("year", &state.model.with(|m| m.plan.year))])>
                {move || format!("{} {}", state.tr(t::PLAN), amount(default.get(), 2, state.lang.get()))}
            </span>
            <button
                type="button"
                class="link"
                title=move || state.tr(t::LEVER_RESET_TIP)
                aria-label=move || format!("{} {}", state.tr(t::LEVER_RESET_LABEL), label.get())
                disabled=move || !changed()
                on:click=move |_| state.edit(Step::Reset(Lever::investment(k)), |sc| Lever::investment(k).set(sc, None))
            >
                "↺"
            </button>
        </div>
    }
}

#[component]
fn Assumptions() -> impl IntoView {
    let state = use_state();
    let sources = state.model.with_untracked(|m| m.plan.sources.clone());
    let disbursement = sources
        .iter()
        .enumerate()
        .map(|(s, src)| {
            let key = src.key.clone();
            let (vi, en) = (src.name_vi.clone(), src.name_en.clone());
            let label = Signal::derive(move || state.lang.get().pick(vi.clone(), en.clone()));
            let lever = Lever::disbursement(s);
            let field = state.model.with_untracked(|m| FieldFormat::of(lever.family(), &m.plan));
            let value = Signal::derive(move || state.levers.with(|l| field.shown(l.disbursement[s])));
            let on_commit = Callback::new(move |p: f64| state.set_lever(lever, Some(Value::Number(field.value(p)))));
            let full = field.shown(FULL_DISBURSEMENT);
            view! {
                <div class="lever-row" class:changed=move || value.get() < full>
                    <span class="lever-name">{move || label.get()}</span>
                    <NumberField
                        value=value
                        on_commit=on_commit
                        testid=format!("disbursement-{key}")
                        label=Signal::derive(move || format!("{} ({})", label.get(), state.tr(t::DISBURSEMENT_FIELD_SUFFIX)))
                        decimals=field.decimals
                        limit=field.limit
                        slider_max=Signal::derive(move || field.limit)
                        unit=field.unit
                    />
                </div>
            }
        })
        .collect_view();
    let header = sources
        .iter()
        .map(|src| {
            let (vi, en) = (src.name_vi.clone(), src.name_en.clone());
            let (short_vi, short_en) = (src.short_vi.clone(), src.short_en.clone());
            view! {
                <th scope="col" title=move || state.lang.get().pick(vi.clone(), en.clone())>
                    {move || state.lang.get().pick(short_vi.clone(), short_en.clone())}
                </th>
            }
        })
        .collect_view();
    let grid = (0..state.model.with_untracked(|m| m.items()))
        .map(|k| {
            let name = Signal::derive(move || {
                let lang = state.lang.get();
                state.model.with(|m| crate::text::item_label(&m.plan, k, lang))
            });
            let cells = (0..state.model.with_untracked(|m| m.plan.sources.len()))
                .map(|s| {
                    let (source_key, short_vi, short_en) = state.model.with_untracked(|m| {
                        let src = &m.plan.sources[s];
                        (src.key.clone(), src.short_vi.clone(), src.short_en.clone())
                    });
                    let checked = move || state.levers.with(|l| l.eligibility[s] & (1 << k) != 0);
                    view! {
                        <td>
                            <input
                                type="checkbox"
                                data-testid=format!("eligible-{source_key}-{k}")
                                aria-label=move || format!("{} — {}", name.get(), state.lang.get().pick(short_vi.clone(), short_en.clone()))
                                prop:checked=checked
                                on:change=move |_| {
                                    let mask = state.levers.with_untracked(|l| l.eligibility[s]) ^ (1 << k);
                                    state.set_lever(Lever::eligibility(s), Some(Value::Items(mask)));
                                }
                            />
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{move || name.get()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="panel assumptions">
            <summary>{move || state.tr(t::ASSUMPTIONS_PANEL_TITLE)}</summary>
            <h4>{move || state.tr(t::HEADING_DISBURSEMENT_PERCENT)}</h4>
            {disbursement}
            <h4>{move || state.tr(t::ELIGIBILITY_HEADING)}</h4>
            <table class="eligibility">
                <thead><tr><th></th>{header}</tr></thead>
                <tbody>{grid}</tbody>
            </table>
            <h4>{move || state.tr(t::UNIT_COSTS_HEADING)}</h4>
            <p class="note">
                {move || {
                    let lang = state.lang.get();
                    let (border, difficult) = state.model.with(|m| (m.plan.cost_multipliers.border, m.plan.cost_multipliers.difficult));
                    lang.fill(t::UNIT_COSTS_NOTE, &[("border", &number(1.0 + border, 1, lang)), ("difficult", &number(1.0 + difficult, 1, lang))])
                }}
            </p>
        </details>
    }
}
