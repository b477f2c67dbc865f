//! The plan panel: which plan the page is for, the switch to another (the shipped ones and a
//! plan file kept), a plan file opened (with its commune table where the project ships none),
//! and what of the plan in use is illustrative.

use super::persistence::read_file;
use super::plans;
use super::state::use_state;
use crate::engine::{CommuneTable, Plan};
use crate::formats::InputError;
use crate::text::sentences as t;
use leptos::prelude::*;

/// What went wrong opening a plan or its table.
#[derive(Clone)]
enum Problem {
    Input(InputError),
    NotKept,
}

#[component]
pub fn PlanPanel() -> impl IntoView {
    let state = use_state();
    let current = state.model.with_untracked(|m| m.plan.key.clone());
    // The shipped plans, then a plan file kept (unless it bears a shipped plan's key).
    let mut choices: Vec<(Plan, bool)> = plans::shipped().into_iter().map(|p| (p, false)).collect();
    if let Some(file) = plans::kept_file() {
        match choices.iter_mut().find(|(p, _)| p.key == file.key) {
            Some(choice) => *choice = (file, true),
            None => choices.push((file, true)),
        }
    }
    let problem = RwSignal::new(None::<Problem>);
    // A plan file read, waiting for its commune table: its text and the plan.
    let pending = RwSignal::new(None::<(String, Plan)>);
    let plan_input = NodeRef::<leptos::html::Input>::new();
    let table_input = NodeRef::<leptos::html::Input>::new();
    let on_choice = {
        let current = current.clone();
        move |ev: leptos::ev::Event| {
            let key = event_target_value(&ev);
            if key != current {
                plans::switch_to(&key);
            }
        }
    };
    let on_plan_file = move |_| {
        let Some(el) = plan_input.get() else { return };
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = read_file(&el).await else {
                return;
            };
            el.set_value("");
            problem.set(None);
            pending.set(None);
            let text = String::from_utf8_lossy(&bytes).into_owned();
            match Plan::from_file(&text, &name) {
                Err(e) => problem.set(Some(Problem::Input(e))),
                Ok(plan) if CommuneTable::shipped_for(&plan).is_some() => {
                    if !plans::keep_and_switch(&text, &plan, None) {
                        problem.set(Some(Problem::NotKept));
                    }
                }
                Ok(plan) => pending.set(Some((text, plan))),
            }
        });
    };
    let on_table_file = move |_| {
        let Some(el) = table_input.get() else { return };
        let Some((text, plan)) = pending.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = read_file(&el).await else {
                return;
            };
            el.set_value("");
            problem.set(None);
            match CommuneTable::from_file_bytes(&bytes, &plan, &name) {
                Err(e) => problem.set(Some(Problem::Input(e))),
                Ok(table) => {
                    if !plans::keep_and_switch(&text, &plan, Some((&name, &table))) {
                        problem.set(Some(Problem::NotKept));
                    }
                }
            }
        });
    };
    let options = move || {
        let lang = state.lang.get();
        choices
            .iter()
            .map(|(p, file)| {
                let label = lang.fill(
                    t::PLAN_CHOICE,
                    &[
                        ("province", &p.province),
                        ("year", &p.year),
                        ("criteria", &p.criteria.len()),
                    ],
                );
                let label = if *file {
                    format!("{label} {}", lang.say(t::PLAN_FROM_FILE))
                } else {
                    label
                };
                view! { <option value=p.key.clone() selected=p.key == current>{label}</option> }
            })
            .collect_view()
    };
    let illustrative = move || {
        let lang = state.lang.get();
        state.model.with(|m| {
            let note = match lang {
                crate::text::Lang::Vi => m.plan.illustrative_vi.clone(),
                crate::text::Lang::En => m.plan.illustrative_en.clone(),
            };
            note.map(
                |n| view! { <p class="note" data-testid="plan-illustrative" role="note">{n}</p> },
            )
        })
    };
    let said = move || {
        let lang = state.lang.get();
        problem.get().map(|p| {
            let text = match p {
                Problem::Input(e) => e.message(lang),
                Problem::NotKept => lang.say(t::PLAN_NOT_KEPT).to_string(),
            };
            view! { <p class="import-problem" role="alert" data-testid="plan-problem">{text}</p> }
        })
    };
    view! {
        <fieldset class="panel plan">
            <legend>{move || state.tr(t::HEADING_PLAN)}</legend>
            <label class="lever-row">
                <span class="lever-name">{move || state.tr(t::PLAN_IN_USE)}</span>
                <select data-testid="plan-choice" on:change=on_choice>{options}</select>
            </label>
            {illustrative}
            <label class="file-button">
                <span>{move || state.tr(t::PLAN_OPEN_FILE)}</span>
                <input type="file" accept=".json,application/json" data-testid="plan-file" node_ref=plan_input on:change=on_plan_file/>
            </label>
            {move || pending.get().map(|(_, plan)| view! {
                <p class="note" data-testid="plan-needs-table">
                    {state.lang.get().fill(t::PLAN_NEEDS_TABLE, &[("plan", &plan.key)])}
                </p>
                <label class="file-button">
                    <span>{move || state.tr(t::PLAN_OPEN_TABLE)}</span>
                    <input type="file" accept=".csv,.xlsx,text/csv" data-testid="plan-table" node_ref=table_input on:change=on_table_file/>
                </label>
            })}
            {said}
        </fieldset>
    }
}
