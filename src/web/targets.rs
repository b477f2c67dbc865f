//! The province's own targets and unit costs (model.md §4 `targets`, `unit_costs`), editable
//! beside the plan's figures, so that an office can plan its own year with its own communes.
//! They are part of the scenario: kept, linked, saved in files and undone like every lever.

use super::fields::NumberField;
use super::state::use_state;
use super::state::Step;
use crate::engine::lever::*;
use crate::engine::scenario::{Targets, MAX_TARGET_COMMUNES};
use crate::show::fields::FieldFormat;
use crate::text::number::{amount, number};
use crate::text::sentences as t;
use leptos::prelude::*;

/// One target field: the value in force, the plan's beside it.
#[component]
fn TargetRow(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    #[prop(into)] value: Signal<f64>,
    #[prop(into)] plan_value: Signal<f64>,
    on_commit: Callback<f64>,
    decimals: usize,
    limit: f64,
    #[prop(optional)] whole: bool,
) -> impl IntoView {
    let state = use_state();
    let changed = move || (value.get() - plan_value.get()).abs() > 1e-9;
    view! {
        <div class="lever-row" class:changed=changed>
            <span class="lever-name">{move || label.get()}</span>
            <NumberField value=value on_commit=on_commit testid=testid.to_string() label=label
                decimals=decimals limit=limit whole=whole/>
            <span class="plan-figure">{move || format!("{} {}", state.tr(t::PLAN), number(plan_value.get(), decimals, state.lang.get()))}</span>
        </div>
    }
}

#[component]
pub fn TargetsPanel() -> impl IntoView {
    let state = use_state();
    let plan_targets = move || state.model.with(|m| m.plan.targets.clone());
    let own = move |f: fn(&Targets) -> Option<f64>| state.scenario.with(|s| f(&s.targets));
    let label =
        |sentence: crate::text::Sentence| Signal::derive(move || state.tr(sentence).to_string());
    let certified = Signal::derive(move || {
        own(|t| t.certified.map(f64::from)).unwrap_or(f64::from(plan_targets().certified))
    });
    let avg =
        Signal::derive(move || own(|t| t.avg_criteria).unwrap_or(plan_targets().avg_criteria_min));
    let border_min =
        Signal::derive(move || own(|t| t.border_avg_min).unwrap_or(plan_targets().border_avg_min));
    let border_max =
        Signal::derive(move || own(|t| t.border_avg_max).unwrap_or(plan_targets().border_avg_max));
    let criteria = (0..state.model.with_untracked(|m| m.items()))
        .map(|k| {
            let key = state.model.with_untracked(|m| m.plan.items[k].key.clone());
            let plan_target = move || state.model.with(|m| m.plan.items[k].target);
            let plan_cost = move || state.model.with(|m| m.plan.items[k].unit_cost);
            let target = Signal::derive(move || {
                f64::from(state.scenario.with(|s| s.targets.items[k]).unwrap_or(plan_target()))
            });
            let cost = Signal::derive(move || {
                state.scenario.with(|s| s.unit_costs[k]).unwrap_or(plan_cost())
            });
            let name = Signal::derive(move || {
                let lang = state.lang.get();
                state.model.with(|m| crate::text::item_label(&m.plan, k, lang))
            });
            let target_field = state.model.with_untracked(|m| FieldFormat::of(Lever::target_criterion(k).family(), &m.plan));
            let cost_field = state.model.with_untracked(|m| FieldFormat::of(Lever::unit_cost(k).family(), &m.plan));
            let on_target = Callback::new(move |v: f64| {
                state.set_lever(Lever::target_criterion(k), Some(Value::Number(v)))
            });
            let on_cost =
                Callback::new(move |v: f64| state.set_lever(Lever::unit_cost(k), Some(Value::Number(v))));
            let target_label = Signal::derive(move || {
                format!("{} — {}", name.get(), state.tr(t::TARGET_COMMUNES))
            });
            let cost_label = Signal::derive(move || {
                format!("{} — {}", name.get(), state.tr(t::UNIT_COST_BN_VND_A_COMMUNE))
            });
            view! {
                <tr class:changed=move || {
                    state.scenario.with(|s| s.targets.items[k].is_some() || s.unit_costs[k].is_some())
                }>
                    <th scope="row">{move || name.get()}</th>
                    <td>
                        <NumberField value=target on_commit=on_target testid=format!("target-{key}")
                            label=target_label decimals=target_field.decimals limit=target_field.limit whole=target_field.whole/>
                    </td>
                    <td class="plan-figure">{move || plan_target().to_string()}</td>
                    <td>
                        <NumberField value=cost on_commit=on_cost testid=format!("unit-cost-{key}")
                            label=cost_label decimals=cost_field.decimals limit=cost_field.limit/>
                    </td>
                    <td class="plan-figure">{move || amount(plan_cost(), 2, state.lang.get())}</td>
                </tr>
            }
        })
        .collect_view();
    let changed = move || {
        state
            .scenario
            .with(|s| !s.targets.is_empty() || !s.unit_costs.is_empty())
    };
    // The averages' limit, from the lever registry (the plan's number of criteria).
    let average_limit = state.model.with_untracked(|m| {
        FieldFormat::of(
            &crate::engine::lever::FAMILIES[crate::engine::lever::TARGET_AVERAGE],
            &m.plan,
        )
        .limit
    });
    view! {
        <details class="panel targets" data-testid="targets-panel">
            <summary>{move || state.tr(t::TARGETS_PANEL_TITLE)}</summary>
            <p class="note">{move || state.tr(t::TARGETS_PANEL_NOTE)}</p>
            <TargetRow label=label(t::CERTIFIED_COMMUNES) testid="target-certified"
                value=certified plan_value=Signal::derive(move || f64::from(plan_targets().certified))
                on_commit=Callback::new(move |v: f64| state.set_lever(Lever::new(TARGET_CERTIFIED, 0), Some(Value::Number(v))))
                decimals=0 limit=MAX_TARGET_COMMUNES whole=true/>
            <TargetRow label=label(t::AVERAGE_CRITERIA_A_COMMUNE_AT_LEAST) testid="target-avg"
                value=avg plan_value=Signal::derive(move || plan_targets().avg_criteria_min)
                on_commit=Callback::new(move |v: f64| state.set_lever(Lever::new(TARGET_AVERAGE, 0), Some(Value::Number(v))))
                decimals=2 limit=average_limit/>
            <TargetRow label=label(t::BORDER_COMMUNES_CRITERIA_EACH_FROM) testid="target-border-min"
                value=border_min plan_value=Signal::derive(move || plan_targets().border_avg_min)
                on_commit=Callback::new(move |v: f64| state.set_lever(Lever::new(TARGET_BORDER_MIN, 0), Some(Value::Number(v))))
                decimals=2 limit=average_limit/>
            <TargetRow label=label(t::BORDER_COMMUNES_CRITERIA_EACH_TO) testid="target-border-max"
                value=border_max plan_value=Signal::derive(move || plan_targets().border_avg_max)
                on_commit=Callback::new(move |v: f64| state.set_lever(Lever::new(TARGET_BORDER_MAX, 0), Some(Value::Number(v))))
                decimals=2 limit=average_limit/>
            <table class="targets-table">
                <thead><tr>
                    <th scope="col">{move || state.tr(t::CRITERION)}</th>
                    <th scope="col">{move || state.tr(t::HEADING_TARGET_COMMUNES)}</th>
                    <th scope="col">{move || state.tr(t::PLAN)}</th>
                    <th scope="col">{move || state.tr(t::UNIT_COST_BN)}</th>
                    <th scope="col">{move || state.tr(t::PLAN)}</th>
                </tr></thead>
                <tbody>{criteria}</tbody>
            </table>
            <button type="button" data-testid="targets-reset" disabled=move || !changed()
                on:click=move |_| state.edit(Step::ResetTargets, |s| {
                    s.targets = Targets::default();
                    s.unit_costs = Default::default();
                })>
                {move || state.tr(t::TARGETS_RESET)}
            </button>
        </details>
    }
}
