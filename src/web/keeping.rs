//! Keeping scenarios: saved in the browser (named, and the current one on every change), in
//! the address bar (only what differs from the plan), and in files; and the province's own
//! commune table imported in place of the illustrative one.

use super::state::Step;
use super::state::{use_state, State};
use crate::engine::{CommuneTable, Scenario};
use crate::formats::link;
use crate::formats::saved::{SavedScenario, Store};
use crate::formats::InputError;
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const STORE_KEY: &str = "ntm.store";
const TABLE_KEY: &str = "ntm.table";

/// A message for the whole page, in both languages (the switch may come after it).
#[derive(Clone, PartialEq)]
pub struct Notice {
    pub vi: String,
    pub en: String,
    pub error: bool,
}

impl Notice {
    pub fn problem(e: &InputError, vi_then: &str, en_then: &str) -> Notice {
        Notice {
            vi: format!("{} {vi_then}", e.message(Lang::Vi)),
            en: format!("{} {en_then}", e.message(Lang::En)),
            error: true,
        }
    }
    /// A problem told in a sentence of its own.
    pub fn problem_text(vi: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice {
            error: true,
            ..Notice::info(vi, en)
        }
    }

    pub fn info(vi: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice {
            vi: vi.into(),
            en: en.into(),
            error: false,
        }
    }
}

/// Changes not yet written to the storage and the address bar.
#[derive(Clone, Copy, Default)]
struct Pending {
    generation: u64,
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
}

pub fn use_keeping() -> Keeping {
    expect_context::<Keeping>()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the browser lets the page use its storage at all (site data may be blocked).
fn storage_blocked() -> bool {
    web_sys::window().is_some_and(|w| w.local_storage().is_err())
}

/// The kept data as it is in storage now: `Some(default)` when nothing is kept, `None` when
/// it cannot be read (then nothing may be written over it).
fn stored_store(plan: &crate::engine::Plan) -> Option<Store> {
    let s = storage()?;
    match s.get_item(STORE_KEY).ok().flatten() {
        None => Some(Store::default()),
        Some(text) => Store::from_json(&text, plan).ok(),
    }
}

fn write_store(keeping: Keeping, store: &Store, plan: &crate::engine::Plan) {
    let written = storage().is_some_and(|s| s.set_item(STORE_KEY, &store.to_json(plan)).is_ok());
    if !written {
        keeping.notice.set(Some(Notice::info(
            "Không lưu được vào trình duyệt (hết chỗ hoặc bị chặn).",
            "Cannot save in the browser (full or blocked).",
        )));
    }
}

/// Changes the list of saved scenarios as it stands in storage now, so that what another tab
/// saved meanwhile is kept, writes it back and shows it. Where storage cannot be read, only the
/// list shown changes.
fn update_saved(state: State, keeping: Keeping, change: impl FnOnce(&mut Vec<SavedScenario>)) {
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

fn blocked_notice() -> Notice {
    Notice::problem_text(
        "Trình duyệt đang chặn lưu trữ của trang này: kịch bản sẽ không được giữ lại khi đóng trang. Hãy cho phép lưu dữ liệu trang web, hoặc tải tệp kịch bản về máy.",
        "The browser blocks this page's storage: scenarios will not be kept when the page closes. Allow site data, or download the scenario file.",
    )
}

fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

fn location_hash() -> String {
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
    };
    let plan = state.model.with_untracked(|m| m.plan.clone());
    if storage_blocked() {
        keeping.notice.set(Some(blocked_notice()));
    }
    // The province's own table, if one was imported.
    if let Some(text) = storage().and_then(|s| s.get_item(TABLE_KEY).ok().flatten()) {
        let kept: Option<(String, String)> = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| {
                Some((
                    v.get("name")?.as_str()?.to_string(),
                    v.get("csv")?.as_str()?.to_string(),
                ))
            });
        match kept.map(|(name, csv)| (CommuneTable::from_csv(csv.as_bytes(), &name), name)) {
            Some((Ok(table), name)) => {
                state.load_table(table, false);
                keeping.table_name.set(Some(name));
            }
            Some((Err(e), _)) => keeping.notice.set(Some(Notice::problem(
                &e,
                "Bảng xã đã nhập không đọc được; đang dùng bảng minh họa.",
                "The imported commune table cannot be read; the illustrative table is in use.",
            ))),
            None => keeping.notice.set(Some(Notice::info(
                "Bảng xã đã nhập không đọc được; đang dùng bảng minh họa.",
                "The imported commune table cannot be read; the illustrative table is in use.",
            ))),
        }
    }
    let mut current = None;
    if let Some(text) = storage().and_then(|s| s.get_item(STORE_KEY).ok().flatten()) {
        match Store::from_json(&text, &plan) {
            Ok(store) => {
                keeping.saved.set(store.saved);
                current = store.current;
            }
            Err(e) => {
                keeping.store_unreadable.set(true);
                keeping.notice.set(Some(Notice::problem(
                    &e,
                    "Dữ liệu đã lưu được giữ nguyên, không bị ghi đè; kịch bản sẽ không được lưu cho tới khi bạn bỏ dữ liệu hỏng.",
                    "The saved data is left as it is, not overwritten; scenarios are not saved until you discard it.",
                )));
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
            Err(e) => keeping.notice.set(Some(Notice::problem(
                &e,
                "Liên kết bị hỏng hoặc không phải của trang này: đang hiển thị kế hoạch.",
                "The link is broken or not one of this page's: the plan is shown.",
            ))),
        }
    }
    // The scenario being worked on is kept, and the address bar holds it; each step of the undo
    // history is a step of the browser's, so Back and Forward walk the changes. Both are
    // written a moment after the last change (and at once when the page goes away), not on
    // every keystroke or slider step: storage and history writes cost more than a run.
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
        let fragment = state.model.with_untracked(|m| {
            link::encode(
                &link::differences(&scenario, m, &m.default_investment()),
                &m.plan,
            )
        });
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
        let step = state.step.get();
        let new_step = previous.is_some_and(|p| p != step);
        pending.update_value(|p| {
            p.generation += 1;
            p.new_step |= new_step;
            p.dirty = true;
        });
        let generation = pending.with_value(|p| p.generation);
        set_timeout(
            move || {
                if pending.try_with_value(|p| p.generation) == Some(generation) {
                    flush();
                }
            },
            std::time::Duration::from_millis(200),
        );
        step
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| flush());
    // Another tab saved, renamed or deleted a scenario: show the list as it is now.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(STORE_KEY) || keeping.store_unreadable.get_untracked() {
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
        let plan = state.model.with_untracked(|m| m.plan.clone());
        match link::decode(&location_hash(), &plan) {
            Ok(s) => {
                if s != state.scenario.get_untracked() {
                    state.scenario.set(s);
                }
            }
            Err(e) => {
                // A broken link typed into the address bar shows the plan, as on opening.
                keeping.notice.set(Some(Notice::problem(
                    &e,
                    "Liên kết bị hỏng hoặc không phải của trang này: đang hiển thị kế hoạch.",
                    "The link is broken or not one of this page's: the plan is shown.",
                )));
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
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        let _ = document.body().map(|b| b.append_child(&a));
        a.click();
        a.remove();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
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

pub(crate) async fn read_file(input: &web_sys::HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.get(0)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

fn show_date(iso: &str, lang: Lang) -> String {
    if iso.is_empty() {
        return lang.say(t::DATE_UNKNOWN).into();
    }
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    let locale = lang.say(t::EN_GB);
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
                                let _ = s.remove_item(STORE_KEY);
                            }
                            keeping.saved.set(Vec::new());
                            keeping.store_unreadable.set(false);
                            keeping.notice.set(None);
                        }>{move || state.tr(t::DISCARD_THE_UNREADABLE_SAVED_DATA)}</button>
                    })}
                    <button type="button" class="link" aria-label=move || state.tr(t::CLOSE)
                        on:click=move |_| keeping.notice.set(None)>"×"</button>
                </div>
            }
        })
    }
}

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
                        format!("Đã mở {name}."),
                        format!("Opened {name}."),
                    )));
                }
                Err(e) => keeping.notice.set(Some(Notice::problem(
                    &e,
                    "Kịch bản đang xem không đổi.",
                    "The scenario shown is unchanged.",
                ))),
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
                                let question = state.lang.get_untracked().fill(t::DELETE_THE_SCENARIO, &[("name", &name)]);
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
                {move || state.tr(t::THE_SCENARIO_SHOWN_IS_KEPT_IN)}
            </p>
        </fieldset>
    }
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_state();
    let keeping = use_keeping();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        let Some(el) = input.get() else { return };
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = read_file(&el).await else {
                return;
            };
            el.set_value("");
            keeping.pending_table.set(None);
            keeping.import_problem.set(None);
            match CommuneTable::from_file_bytes(&bytes, &name) {
                Ok(table) => keeping.pending_table.set(Some((name, table))),
                Err(e) => keeping.import_problem.set(Some(e)),
            }
        });
    };
    let confirm = move |_| {
        let Some((name, table)) = keeping.pending_table.get_untracked() else {
            return;
        };
        let kept =
            serde_json::json!({ "schema": 1, "name": name, "csv": table.to_csv() }).to_string();
        if let Some(s) = storage() {
            if s.set_item(TABLE_KEY, &kept).is_err() {
                keeping.notice.set(Some(Notice::info(
                    "Bảng xã đã được dùng nhưng không lưu được vào trình duyệt (quá lớn?): sẽ mất khi tải lại trang.",
                    "The table is in use but could not be kept in the browser (too large?): it will be gone after a reload.",
                )));
            }
        }
        state.load_table(table, false);
        keeping.table_name.set(Some(name));
        keeping.pending_table.set(None);
    };
    let back = move |_| {
        if let Some(s) = storage() {
            let _ = s.remove_item(TABLE_KEY);
        }
        state.load_table(CommuneTable::shipped(), true);
        keeping.table_name.set(None);
    };
    let preview = move || {
        let lang = state.lang.get();
        keeping.pending_table.get().map(|(name, table)| {
            let plan = state.model.with(|m| m.plan.clone());
            let all = (1u32 << crate::engine::CRITERIA) - 1;
            let certified = table.communes.iter().filter(|c| c.meets == all).count();
            let border = table.communes.iter().filter(|c| c.border).count();
            let rows = plan
                .criteria
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let n = table.count_meeting(k);
                    view! {
                        <tr class:differs=n != c.baseline>
                            <td>{format!("{}. {}", c.id, lang.pick(&c.name_vi, &c.name_en))}</td>
                            <td class="num">{n}</td>
                            <td class="num">{c.baseline}</td>
                        </tr>
                    }
                })
                .collect_view();
            let ignored = (!table.ignored_columns.is_empty()).then(|| {
                format!("{} {}", lang.say(t::COLUMNS_NOT_USED), table.ignored_columns.join(", "))
            });
            view! {
                <div class="import-preview" data-testid="import-report">
                    <p>
                        <strong>{name.clone()}</strong>
                        {lang.fill(
                            if table.districts.is_empty() { t::TABLE_READ_NO_DISTRICTS } else { t::TABLE_READ },
                            &[("communes", &table.communes.len()), ("districts", &table.districts.len()), ("certified", &certified), ("border", &border)],
                        )}
                    </p>
                    {ignored.map(|t| view! { <p class="note">{t}</p> })}
                    <table class="criteria">
                        <thead><tr>
                            <th>{lang.say(t::CRITERION)}</th>
                            <th>{lang.say(t::COMMUNES_FILE)}</th>
                            <th>{lang.say(t::PLAN_START)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <button type="button" data-testid="import-confirm" on:click=confirm>{lang.say(t::REPLACE_THE_COMMUNE_TABLE_WITH_THIS)}</button>
                    <button type="button" data-testid="import-cancel" on:click=move |_| keeping.pending_table.set(None)>{lang.say(t::CANCEL)}</button>
                </div>
            }
        })
    };
    let problem = move || {
        keeping.import_problem.get().map(|e| {
            let lang = state.lang.get();
            let each: Vec<String> = match &e.problem {
                crate::formats::error::Problem::Table(p) => {
                    p.each().iter().map(|p| p.message(lang)).collect()
                }
                _ => vec![e.message(lang)],
            };
            let more = match &e.problem {
                crate::formats::error::Problem::Table(
                    crate::formats::error::TableProblem::Several { more, .. },
                ) => *more,
                _ => 0,
            };
            let count = each.len() + more;
            let heading = if count > 1 {
                lang.fill(
                    t::ROWS_ARE_WRONG_NOTHING_WAS_CHANGED,
                    &[("0", &e.input), ("count", &count)],
                )
            } else {
                lang.fill(
                    t::CANNOT_BE_IMPORTED_NOTHING_WAS_CHANGED,
                    &[("0", &e.input)],
                )
            };
            let items = each
                .into_iter()
                .map(|m| view! { <li>{m}</li> })
                .collect_view();
            let rest = (more > 0).then(|| lang.fill(t::AND_MORE_ROWS, &[("more", &more)]));
            view! {
                <div class="import-problem" role="alert" data-testid="import-report">
                    <p>{heading}</p>
                    <ul>{items}</ul>
                    {rest.map(|r| view! { <p>{r}</p> })}
                </div>
            }
        })
    };
    view! {
        <fieldset class="panel import">
            <legend>{move || state.tr(t::THE_PROVINCE_S_COMMUNE_TABLE)}</legend>
            <p class="note" data-testid="table-in-use">
                {move || match keeping.table_name.get() {
                    Some(name) => state.lang.get().fill(t::IN_USE, &[("name", &name)]),
                    None => state.tr(t::IN_USE_THE_ILLUSTRATIVE_TABLE).to_string(),
                }}
            </p>
            <label class="file-button">
                <span>{move || state.tr(t::IMPORT_A_COMMUNE_TABLE_CSV_OR)}</span>
                <input type="file" accept=".csv,.xlsx,text/csv" data-testid="import-table" node_ref=input on:change=on_file/>
            </label>
            <Show when=move || !state.illustrative.get()>
                <button type="button" data-testid="use-illustrative" on:click=back>
                    {move || state.tr(t::BACK_TO_THE_ILLUSTRATIVE_TABLE)}
                </button>
            </Show>
            {problem}
            {preview}
            <p class="note">
                {move || state.tr(t::COLUMNS_ID_NAME_DISTRICT_BORDER_DIFFICULT)}
            </p>
        </fieldset>
    }
}
