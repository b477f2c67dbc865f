//! Keeping the scenario: the browser's store (saved scenarios, the current one a moment after
//! every change, the imported table), the address bar (only what differs from the plan), other
//! tabs, and the notices that say what could not be read or kept.

use super::state::{use_state, State};
use crate::engine::{CommuneTable, Scenario};
use crate::formats::link;
use crate::formats::saved::{SavedScenario, Store};
use crate::formats::InputError;
use crate::text::sentences as t;
use crate::text::Lang;
use crate::text::Sentence;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the plan in use keeps its scenarios and its own table (each plan its own).
fn store_key() -> String {
    super::plans::kept_key_in_use("ntm.store")
}

pub(super) fn table_key() -> String {
    super::plans::kept_key_in_use("ntm.table")
}

/// A message for the whole page, in both languages (the switch may come after it).
#[derive(Clone, PartialEq)]
pub struct Notice {
    pub vi: String,
    pub en: String,
    pub error: bool,
}

impl Notice {
    /// An input problem, then what was done about it (a sentence of the catalogue).
    pub fn problem(e: &InputError, then: Sentence) -> Notice {
        // A problem's message may end without a full stop: the next sentence needs one.
        let joined = |problem: String, then: &str| match problem.ends_with(['.', '!', '?']) {
            true => format!("{problem} {then}"),
            false => format!("{problem}. {then}"),
        };
        Notice {
            vi: joined(e.message(Lang::Vi), then.vi),
            en: joined(e.message(Lang::En), then.en),
            error: true,
        }
    }

    /// A problem told in a sentence of its own.
    pub fn problem_text(s: Sentence, values: &[(&str, &dyn std::fmt::Display)]) -> Notice {
        Notice {
            error: true,
            ..Notice::info(s, values)
        }
    }

    /// A sentence of the catalogue, in both languages, its values filled in.
    pub fn info(s: Sentence, values: &[(&str, &dyn std::fmt::Display)]) -> Notice {
        Notice {
            vi: Lang::Vi.fill(s, values),
            en: Lang::En.fill(s, values),
            error: false,
        }
    }
}

/// Changes not yet written to the storage and the address bar.
#[derive(Clone, Copy, Default)]
pub(super) struct Pending {
    dirty: bool,
    /// Some change since the last write began a new undo step: a new browser history entry.
    new_step: bool,
}

/// What the page keeps, shared through context.
#[derive(Clone, Copy)]
pub struct Keeping {
    pub saved: RwSignal<Vec<SavedScenario>>,
    /// The stored data could not be read: it is left as it is, and nothing is written over it
    /// until the user says so.
    pub store_unreadable: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// A table read from a file, waiting for the user to look at it and confirm.
    pub pending_table: RwSignal<Option<(String, CommuneTable)>>,
    /// Why the last file could not be imported (the table in use is unchanged).
    pub import_problem: RwSignal<Option<InputError>>,
    pub table_name: RwSignal<Option<String>>,
    /// The path as the link carries it (its JSON), when it is not the shipped one.
    pub path_part: RwSignal<Option<String>>,
}

pub fn use_keeping() -> Keeping {
    expect_context::<Keeping>()
}

pub(super) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the browser lets the page use its storage at all (site data may be blocked).
pub(super) fn storage_blocked() -> bool {
    web_sys::window().is_some_and(|w| w.local_storage().is_err())
}

/// The kept data as it is in storage now: `Some(default)` when nothing is kept, `None` when
/// it cannot be read (then nothing may be written over it).
pub(super) fn stored_store(plan: &crate::engine::Plan) -> Option<Store> {
    let s = storage()?;
    match s.get_item(&store_key()).ok().flatten() {
        None => Some(Store::default()),
        Some(text) => Store::from_json(&text, plan).ok(),
    }
}

pub(super) fn write_store(keeping: Keeping, store: &Store, plan: &crate::engine::Plan) {
    let written = storage().is_some_and(|s| s.set_item(&store_key(), &store.to_json(plan)).is_ok());
    if !written {
        keeping
            .notice
            .set(Some(Notice::info(t::NOTICE_CANNOT_SAVE, &[])));
    }
}

/// Changes the list of saved scenarios as it stands in storage now, so that what another tab
/// saved meanwhile is kept, writes it back and shows it. Where storage cannot be read, only the
/// list shown changes.
pub(super) fn update_saved(
    state: State,
    keeping: Keeping,
    change: impl FnOnce(&mut Vec<SavedScenario>),
) {
    let plan = state.model.with_untracked(|m| m.plan.clone());
    let stored = if keeping.store_unreadable.get_untracked() {
        None
    } else {
        stored_store(&plan)
    };
    match stored {
        Some(mut store) => {
            change(&mut store.saved);
            write_store(keeping, &store, &plan);
            keeping.saved.set(store.saved);
        }
        None => {
            if storage_blocked() {
                keeping.notice.set(Some(blocked_notice()));
            }
            keeping.saved.update(change);
        }
    }
}

pub(super) fn blocked_notice() -> Notice {
    Notice::problem_text(t::NOTICE_STORAGE_BLOCKED, &[])
}

pub(super) fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

pub(super) fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Reads what was kept, opens the scenario of the link (or the one being worked on), and
/// keeps the browser's storage and address bar in step with the scenario from then on.
pub fn start(state: State) -> Keeping {
    let keeping = Keeping {
        saved: RwSignal::new(Vec::new()),
        store_unreadable: RwSignal::new(false),
        notice: RwSignal::new(None),
        pending_table: RwSignal::new(None),
        import_problem: RwSignal::new(None),
        table_name: RwSignal::new(None),
        path_part: RwSignal::new(None),
    };
    let plan = state.model.with_untracked(|m| m.plan.clone());
    if storage_blocked() {
        keeping.notice.set(Some(blocked_notice()));
    }
    // The province's own table, if one was imported.
    if let Some(text) = storage().and_then(|s| s.get_item(&table_key()).ok().flatten()) {
        let kept: Option<(String, String)> = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| {
                Some((
                    v.get("name")?.as_str()?.to_string(),
                    v.get("csv")?.as_str()?.to_string(),
                ))
            });
        match kept.map(|(name, csv)| (CommuneTable::from_csv(csv.as_bytes(), &plan, &name), name)) {
            Some((Ok(table), name)) => {
                state.load_table(table, false);
                keeping.table_name.set(Some(name));
            }
            Some((Err(e), _)) => keeping.notice.set(Some(Notice::problem(
                &e,
                t::NOTICE_IMPORTED_TABLE_UNREADABLE,
            ))),
            None => keeping
                .notice
                .set(Some(Notice::info(t::NOTICE_IMPORTED_TABLE_UNREADABLE, &[]))),
        }
    }
    let mut current = None;
    if let Some(text) = storage().and_then(|s| s.get_item(&store_key()).ok().flatten()) {
        match Store::from_json(&text, &plan) {
            Ok(store) => {
                keeping.saved.set(store.saved);
                current = store.current;
            }
            Err(e) => {
                keeping.store_unreadable.set(true);
                keeping
                    .notice
                    .set(Some(Notice::problem(&e, t::NOTICE_SAVED_DATA_KEPT)));
            }
        }
    }
    let hash = location_hash();
    if hash.trim_start_matches('#').is_empty() {
        if let Some(s) = current {
            state.scenario.set(s);
        }
    } else {
        match link::decode(&hash, &plan) {
            Ok(s) => state.scenario.set(s),
            Err(e) => keeping
                .notice
                .set(Some(Notice::problem(&e, t::NOTICE_LINK_BROKEN))),
        }
    }
    // The scenario being worked on is kept, and the address bar holds it; each step of the undo
    // history is a step of the browser's, so Back and Forward walk the changes. Both are
    // written a moment after the last change (and at once when the page goes away), not on
    // every keystroke or slider step: storage and history writes cost more than a run.
    let writing = StoredValue::new_local(None::<Timeout>);
    let pending = StoredValue::new(Pending::default());
    let flush = move || {
        let Some(p) = pending.try_get_value() else {
            return;
        };
        if !p.dirty {
            return;
        }
        pending.update_value(|p| *p = Pending::default());
        let scenario = state.scenario.get_untracked();
        let plan = state.model.with_untracked(|m| m.plan.clone());
        // Only the scenario being worked on is written here, into what storage holds now: the
        // saved list is another tab's as much as this one's (it changes by `update_saved`).
        if !keeping.store_unreadable.get_untracked() && !storage_blocked() {
            if let Some(mut store) = stored_store(&plan) {
                store.current = Some(scenario.clone());
                write_store(keeping, &store, &plan);
            }
        }
        let mut fragment = state
            .model
            .with_untracked(|m| link::encode(&link::differences(&scenario, m), &m.plan));
        if let Some(path) = keeping.path_part.get_untracked() {
            fragment.push('&');
            fragment.push_str(&link::encode_path(&path));
        }
        let wanted = format!("#{fragment}");
        if location_hash() != wanted {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                if p.new_step {
                    let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&wanted));
                } else {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&wanted));
                }
            }
        }
    };
    Effect::new(move |previous: Option<u64>| {
        state.scenario.with(|_| ());
        keeping.saved.with(|_| ());
        keeping.store_unreadable.with(|_| ());
        keeping.path_part.with(|_| ());
        let step = state.step.get();
        let new_step = previous.is_some_and(|p| p != step);
        pending.update_value(|p| {
            p.new_step |= new_step;
            p.dirty = true;
        });
        // A write 200 ms after the last change: a new timeout replaces (cancels) the last.
        writing.set_value(Some(Timeout::new(200, flush)));
        step
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| flush());
    // Another tab saved, renamed or deleted a scenario: show the list as it is now.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(store_key().as_str())
            || keeping.store_unreadable.get_untracked()
        {
            return;
        }
        let plan = state.model.with_untracked(|m| m.plan.clone());
        if let Some(store) = stored_store(&plan) {
            if store.saved != keeping.saved.get_untracked() {
                keeping.saved.set(store.saved);
            }
        }
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        if super::plans::link_is_for_another_plan() {
            // Nothing of this plan is written over the link on the way out.
            writing.set_value(None);
            pending.update_value(|p| *p = Pending::default());
            super::plans::reload();
            return;
        }
        let plan = state.model.with_untracked(|m| m.plan.clone());
        match link::decode(&location_hash(), &plan) {
            Ok(s) => {
                if s != state.scenario.get_untracked() {
                    state.scenario.set(s);
                }
            }
            Err(e) => {
                // A broken link typed into the address bar shows the plan, as on opening.
                keeping
                    .notice
                    .set(Some(Notice::problem(&e, t::NOTICE_LINK_BROKEN)));
                if state.scenario.get_untracked() != Scenario::plan() {
                    state.scenario.set(Scenario::plan());
                }
            }
        }
    });
    keeping
}

/// Offers a text as a file to download.
pub(crate) fn download(name: &str, mime: &str, bytes: &[u8]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The object URL lives until the link is clicked, and is revoked when dropped.
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(bytes, Some(mime)));
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        let _ = document.body().map(|b| b.append_child(&a));
        a.click();
        a.remove();
    }
}

/// A file name from a scenario's name: letters, digits and dashes.
pub(crate) fn file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if cleaned.is_empty() {
        "kich-ban".into()
    } else {
        cleaned
    }
}

/// The first file chosen in a file field: its name and bytes.
pub(crate) async fn read_file(input: &web_sys::HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = gloo_file::File::from(input.files()?.get(0)?);
    let bytes = gloo_file::futures::read_as_bytes(&file).await.ok()?;
    Some((file.name(), bytes))
}

pub(super) fn show_date(iso: &str, lang: Lang) -> String {
    if iso.is_empty() {
        return lang.say(t::DATE_UNKNOWN).into();
    }
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    let locale = lang.say(t::DATE_LOCALE);
    date.to_locale_string(locale, &JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_else(|| iso.to_string())
}

#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_state();
    let keeping = use_keeping();
    move || {
        keeping.notice.get().map(|n| {
            let text = state.lang.get().pick(n.vi.clone(), n.en.clone());
            view! {
                <div class="notice" class:error=n.error role="alert" data-testid="notice">
                    <span>{text}</span>
                    {move || keeping.store_unreadable.get().then(|| view! {
                        <button type="button" data-testid="discard-saved" on:click=move |_| {
                            if let Some(s) = storage() {
                                let _ = s.remove_item(&store_key());
                            }
                            keeping.saved.set(Vec::new());
                            keeping.store_unreadable.set(false);
                            keeping.notice.set(None);
                        }>{move || state.tr(t::DISCARD_THE_UNREADABLE_SAVED_DATA)}</button>
                    })}
                    <button type="button" class="link" aria-label=move || state.tr(t::CLOSE) data-testid="notice-close"
                        on:click=move |_| keeping.notice.set(None)>"×"</button>
                </div>
            }
        })
    }
}
