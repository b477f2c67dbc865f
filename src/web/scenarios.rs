//! The scenarios panel: name, save, the saved list (open, rename, duplicate, delete), presets,
//! and scenario files in and out.

use super::persistence::*;
use super::state::use_state;
use super::state::Step;
use crate::engine::Scenario;
use crate::formats::saved::{SavedScenario, Store};
use crate::text::sentences as t;
use leptos::prelude::*;

#[component]
pub fn ScenariosPanel() -> impl IntoView {
    let state = use_state();
    let keeping = use_keeping();
    let name = move || state.scenario_name();
    let save = move |_| {
        let scenario = state.scenario.get_untracked();
        let wanted = untrack(|| state.scenario_name());
        update_saved(state, keeping, |list| {
            let store = Store {
                saved: list.clone(),
                current: None,
            };
            let name = store.free_name(&wanted);
            list.push(SavedScenario {
                name,
                saved_at: now_iso(),
                scenario,
            });
        });
    };
    let file_input = NodeRef::<leptos::html::Input>::new();
    let open_file = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = read_file(&input).await else {
                return;
            };
            input.set_value("");
            let plan = state.model.with_untracked(|m| m.plan.clone());
            let text = String::from_utf8(bytes).unwrap_or_default();
            match Scenario::from_json(&text, &plan, &name) {
                Ok(s) => {
                    state.replace(s);
                    keeping.notice.set(Some(Notice::info(
                        t::NOTICE_SCENARIO_OPENED,
                        &[("name", &name)],
                    )));
                }
                Err(e) => keeping
                    .notice
                    .set(Some(Notice::problem(&e, t::NOTICE_SCENARIO_UNCHANGED))),
            }
        });
    };
    let download_file = move |_| {
        let (json, name) = state.model.with_untracked(|m| {
            let s = state.scenario.get_untracked();
            (s.to_json(&m.plan), state.scenario_name())
        });
        download(
            &format!("{}.json", file_name(&name)),
            "application/json",
            json.as_bytes(),
        );
    };
    let rows = move || {
        let lang = state.lang.get();
        keeping
            .saved
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let shown_name = s.name.clone();
                let scenario = s.scenario.clone();
                view! {
                    <li data-testid="saved-scenario">
                        <span class="saved-name">{shown_name.clone()}</span>
                        <span class="saved-date">{show_date(&s.saved_at, lang)}</span>
                        <span class="saved-actions">
                            <button type="button" data-testid="saved-open" on:click=move |_| {
                                let mut sc = scenario.clone();
                                sc.name = Some(shown_name.clone());
                                state.replace(sc);
                            }>{lang.say(t::OPEN)}</button>
                            <button type="button" data-testid="saved-rename" on:click=move |_| {
                                let Some(window) = web_sys::window() else { return };
                                let current = keeping.saved.with_untracked(|l| l[i].name.clone());
                                let asked = window.prompt_with_message_and_default(state.tr(t::NEW_NAME), &current);
                                if let Ok(Some(new_name)) = asked {
                                    let new_name = new_name.trim().to_string();
                                    if !new_name.is_empty() && new_name != current {
                                        update_saved(state, keeping, |l| {
                                            let store = Store { saved: l.clone(), current: None };
                                            let free = store.free_name(&new_name);
                                            if let Some(item) = l.iter_mut().find(|s| s.name == current) {
                                                item.name = free;
                                            }
                                        });
                                    }
                                }
                            }>{lang.say(t::RENAME)}</button>
                            <button type="button" data-testid="saved-duplicate" on:click=move |_| {
                                let name = keeping.saved.with_untracked(|l| l[i].name.clone());
                                update_saved(state, keeping, |l| {
                                    if let Some(original) = l.iter().find(|s| s.name == name) {
                                        let mut copy = original.clone();
                                        let store = Store { saved: l.clone(), current: None };
                                        copy.name = store.free_name(&copy.name);
                                        copy.saved_at = now_iso();
                                        l.push(copy);
                                    }
                                });
                            }>{lang.say(t::DUPLICATE)}</button>
                            <button type="button" data-testid="saved-delete" on:click=move |_| {
                                let Some(window) = web_sys::window() else { return };
                                let name = keeping.saved.with_untracked(|l| l[i].name.clone());
                                let question = state.lang.get_untracked().fill(t::SCENARIO_DELETE_CONFIRM, &[("name", &name)]);
                                if window.confirm_with_message(&question).unwrap_or(false) {
                                    update_saved(state, keeping, |l| l.retain(|s| s.name != name));
                                }
                            }>{lang.say(t::DELETE)}</button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="panel scenarios">
            <legend>{move || state.tr(t::SCENARIO)}</legend>
            <div class="scenario-name">
                <label>
                    <span>{move || state.tr(t::NAME)}</span>
                    <input
                        type="text"
                        data-testid="scenario-name"
                        maxlength=crate::engine::scenario::MAX_NAME_CHARS.to_string()
                        prop:value=name
                        on:change=move |ev| {
                            let new_name = event_target_value(&ev).trim().to_string();
                            state.edit(Step::Name, |s| s.name = (!new_name.is_empty()).then_some(new_name));
                        }
                    />
                </label>
                <button type="button" data-testid="save" on:click=save>{move || state.tr(t::SAVE)}</button>
            </div>
            <div class="file-buttons">
                <button type="button" data-testid="download-scenario" on:click=download_file>
                    {move || state.tr(t::DOWNLOAD_SCENARIO_FILE)}
                </button>
                <label class="file-button">
                    <span>{move || state.tr(t::OPEN_SCENARIO_FILE)}</span>
                    <input type="file" accept=".json,application/json" data-testid="open-scenario" node_ref=file_input on:change=open_file/>
                </label>
            </div>
            <ul class="saved-list" data-testid="scenario-list">
                {rows}
            </ul>
            <p class="note">
                {move || state.tr(t::SCENARIOS_KEPT_NOTE)}
            </p>
        </fieldset>
    }
}
