//! Scenarios side by side: headline figures and the 19 criteria, differences against the first
//! marked, one chart with a bar per scenario.

use super::persistence::use_keeping;
use super::showing::*;
use super::state::State;
use crate::engine::{Outcome, Scenario};
use crate::formats::saved::SavedScenario;
use crate::formats::seeds::presets;
use crate::text::sentences as t;
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
                let name = crate::formats::seeds::preset_name(key, &s, &plan, lang);
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
