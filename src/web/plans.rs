//! The plan in use (model.md §8): the 2022 plan, the 2026 plan (both shipped) or a plan file the
//! planner opened. It is chosen before anything else is built, from the link (`plan=`), else
//! what the browser remembers, else the 2022 plan; a switch reloads the page under the other
//! plan, so every part is built for its criteria, items and sources. Each plan keeps its own
//! scenarios and table in the browser.

use crate::engine::{CommuneTable, Model, Plan};
use crate::formats::plan::LANG_SON_2022_KEY;
use crate::formats::seeds::LANG_SON_2026_KEY;

/// Where the browser remembers the plan chosen.
const PLAN_KEY: &str = "ntm.plan";
/// Where it keeps the plan file opened (its text).
const PLAN_FILE_KEY: &str = "ntm.plan-file";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Where the browser keeps something of a plan's (`ntm.store`: its scenarios, `ntm.table`: its
/// own commune table, `ntm.path`: its path): the 2022 plan's under the name it always had,
/// another's under the name and its key.
pub fn kept_key(base: &str, plan: &str) -> String {
    match plan {
        LANG_SON_2022_KEY => base.into(),
        other => format!("{base}.{other}"),
    }
}

/// Where the plan in use keeps `base`.
pub fn kept_key_in_use(base: &str) -> String {
    kept_key(base, &key_in_use())
}

/// Where a plan's own commune table is kept.
pub fn table_key(plan: &str) -> String {
    kept_key("ntm.table", plan)
}

/// The plan the link in the address bar is for (a 2022 plan's link names none).
fn linked() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    crate::formats::link::plan_of(&hash)
}

/// The link in the address bar is another plan's (typed in, or Back to before a switch): the
/// page is to be built again for that plan, as when the link is opened.
pub fn link_is_for_another_plan() -> bool {
    linked().is_some_and(|asked| asked != key_in_use())
}

/// Builds the page again for the link in the address bar.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The plan file the browser keeps, read.
pub fn kept_file() -> Option<Plan> {
    let text = storage()?.get_item(PLAN_FILE_KEY).ok().flatten()?;
    Plan::from_file(&text, "").ok()
}

/// A plan's commune table kept in the browser.
fn kept_table(plan: &Plan) -> Option<CommuneTable> {
    let text = storage()?.get_item(&table_key(&plan.key)).ok().flatten()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let csv = value.get("csv")?.as_str()?;
    CommuneTable::from_csv(csv.as_bytes(), plan, "").ok()
}

/// The plan in use for the page's life (a switch reloads the page): chosen once.
static IN_USE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The key of the plan in use (the 2022 plan's until one is chosen).
pub fn key_in_use() -> String {
    IN_USE
        .get()
        .cloned()
        .unwrap_or_else(|| LANG_SON_2022_KEY.to_string())
}

/// The plan in use and its table; `illustrative`: the table is one the project ships.
pub struct InUse {
    pub model: Model,
    pub illustrative: bool,
    /// The plan asked for (by the link or the browser) that is not open here.
    pub missing: Option<String>,
}

/// The shipped plans, in the switch's order.
pub fn shipped() -> [Plan; 2] {
    [Plan::lang_son_2022(), Plan::lang_son_2026()]
}

/// Chooses the plan in use: the link's, else the remembered one, else the 2022 plan. A plan
/// file the planner opened comes with its own table; a shipped plan with the project's.
pub fn in_use() -> InUse {
    let asked = linked()
        .or_else(|| storage()?.get_item(PLAN_KEY).ok().flatten())
        .unwrap_or_else(|| LANG_SON_2022_KEY.to_string());
    let own = kept_file().filter(|p| p.key == asked);
    let found = match own {
        Some(plan) => kept_table(&plan).map(|table| (Model::new(plan, table), false)),
        None if asked == LANG_SON_2026_KEY => {
            let plan = Plan::lang_son_2026();
            CommuneTable::shipped_for(&plan).map(|table| (Model::new(plan, table), true))
        }
        None => None,
    };
    let found_key = found
        .as_ref()
        .map_or(LANG_SON_2022_KEY.to_string(), |(m, _)| m.plan.key.clone());
    let _ = IN_USE.set(found_key);
    match found {
        Some((model, illustrative)) => InUse {
            model,
            illustrative,
            missing: None,
        },
        None => InUse {
            model: Model::shipped(),
            illustrative: true,
            missing: (asked != LANG_SON_2022_KEY).then_some(asked),
        },
    }
}

/// Goes over to another plan: remembered, in the link, and the page built again for it.
pub fn switch_to(key: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(PLAN_KEY, key);
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    // The other plan's link: none of this plan's levers (they would be refused there).
    let hash = match key {
        LANG_SON_2022_KEY => String::new(),
        other => format!("#v=1&{}={other}", crate::formats::link::PLAN_KEY),
    };
    let here = location.href().unwrap_or_default();
    let base = here.split('#').next().unwrap_or_default().to_string();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{base}{hash}")),
        );
    }
    let _ = location.reload();
}

/// Keeps an opened plan file and its table (none for a plan the project ships a table with),
/// then goes over to it. Nothing is kept when the browser refuses it.
pub fn keep_and_switch(text: &str, plan: &Plan, table: Option<(&str, &CommuneTable)>) -> bool {
    let Some(s) = storage() else {
        return false;
    };
    if s.set_item(PLAN_FILE_KEY, text).is_err() {
        return false;
    }
    if let Some((name, table)) = table {
        let kept = serde_json::json!({
            "schema": 1, "name": name, "plan": plan.key, "csv": table.to_csv(plan)
        });
        if s.set_item(&table_key(&plan.key), &kept.to_string())
            .is_err()
        {
            return false;
        }
    }
    switch_to(&plan.key);
    true
}
