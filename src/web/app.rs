//! The app: its start (language, service worker), the header and the layout of the page.

use super::state::{use_state, State};
use super::{
    charts, compare, compare_view, exports, filters, goals, goals_view, grid, import, levers, map,
    map_view, merge_view, path, path_chart, path_view, path_years, persistence, plan_view,
    presentation, report, results, risk, risk_view, scenarios, showing, targets,
};
use crate::engine::Scenario;
use crate::formats::seeds::presets;
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub(super) const LANG_KEY: &str = "ntm.lang";

pub(super) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language the user chose last time, Vietnamese otherwise.
pub fn remembered_lang() -> Lang {
    storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Starts the page: mounts the app, registers the service worker, installs the test hooks.
pub fn start() {
    console_error_panic_hook::set_once();
    // The build's first screen (the plan's headline) gives way to the live page in the same
    // task, so no frame shows both, and the live page lays out where it stood.
    if let Some(first) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(crate::show::first_screen::FIRST_SCREEN_ID))
    {
        first.remove();
    }
    leptos::mount::mount_to_body(App);
    register_service_worker();
}

/// Keeps the page working offline after the first visit (not from `file://`, where service
/// workers do not exist).
pub(super) fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    // Where site data is blocked, even reading `navigator.serviceWorker` throws, and the
    // registration is refused: the page works on without offline copies, quietly.
    let Ok(container) =
        js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker"))
    else {
        return;
    };
    let Ok(container) = container.dyn_into::<web_sys::ServiceWorkerContainer>() else {
        return;
    };
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = container.register("./sw.js").catch(&ignore);
    ignore.forget();
}

#[component]
pub fn App() -> impl IntoView {
    // The plan in use first: everything after is built for its criteria, items and sources.
    let in_use = super::plans::in_use();
    let state = State::new(in_use.model, remembered_lang());
    state.illustrative.set(in_use.illustrative);
    provide_context(state);
    let keeping = persistence::start(state);
    if let Some(key) = in_use.missing {
        keeping.notice.set(Some(persistence::Notice::info(
            t::NOTICE_PLAN_NOT_OPEN,
            &[("plan", &key)],
        )));
    }
    provide_context(keeping);
    compare::provide_others(state);
    provide_context(showing::start());
    path::provide_path(state);
    goals::provide_goals(state);
    risk::provide_risk(state);
    filters::provide_filters(state);
    map::provide_map(state);
    // Sync the outside world: the document's language and the remembered choice.
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            let (province, year) = state
                .model
                .with_untracked(|m| (m.plan.province.clone(), m.plan.year));
            doc.set_title(&lang.fill(t::PAGE_TITLE, &[("province", &province), ("year", &year)]));
        }
        if let Some(s) = storage() {
            let _ = s.set_item(LANG_KEY, lang.code());
        }
    });
    // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo scenario changes, except inside a text
    // field, where they belong to the text.
    let _keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let in_text = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
            .is_some_and(|i| i.type_() == "text");
        if in_text {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => {
                ev.prevent_default();
                state.undo();
            }
            ("y", _) | ("z", true) => {
                ev.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });
    // The page in three frames, so that the answer is on screen first: the headline; then
    // what the planner moves and reads next (scenarios, levers, the criteria table);
    // then what costs most to build (targets, import, the path, goals and risk panels, the
    // charts, the grid, the presentation and the report). Each stage comes once the frame
    // before it is painted (a timeout queued from an animation frame runs after that paint).
    let stage = RwSignal::new(Stage::Headline);
    let owner = Owner::current();
    wasm_bindgen_futures::spawn_local(async move {
        super::slices::after_paint().await;
        stage.set(Stage::Levers);
        super::slices::after_paint().await;
        stage.set(Stage::Rest);
        // The risk runner with the later parts, as when the panel started it.
        if let Some(owner) = owner {
            owner.with(|| risk::run_risk(state));
        }
    });
    let levers = move || stage.get() >= Stage::Levers;
    let rest = move || stage.get() >= Stage::Rest;
    view! {
        <Header/>
        <persistence::NoticeBar/>
        <main class="layout">
            <div class="left">
                // Until the levers come, where one column holds all (a narrow window) their
                // place is kept, so that the headline does not jump down when they come.
                <Show when=levers fallback=|| view! { <div class="levers-to-come"></div> }>
                    <plan_view::PlanPanel/>
                    <scenarios::ScenariosPanel/>
                    <levers::Levers/>
                </Show>
                <Show when=rest>
                    <targets::TargetsPanel/>
                    <import::ImportPanel/>
                    <merge_view::MergePanel/>
                </Show>
            </div>
            <section class="results" aria-labelledby="results-title">
                <h2 id="results-title" class="visually-hidden">{move || state.tr(t::RESULTS)}</h2>
                <exports::ExportBar/>
                <compare_view::CompareView/>
                <results::Headline/>
                <Show when=levers>
                    <results::CriteriaTable/>
                </Show>
                <Show when=rest>
                    <path_view::PathView>
                        <path_years::YearScenarios/>
                        <path_chart::PathChart/>
                    </path_view::PathView>
                    <goals_view::GoalsPanel/>
                    <risk_view::RiskPanel/>
                    <charts::Charts/>
                    <map_view::MapPanel/>
                    <grid::CommunesGrid/>
                </Show>
            </section>
        </main>
        <Show when=rest>
            <presentation::Presentation/>
            <report::Report/>
        </Show>
        <footer class="footer">
            {move || {
                let lang = state.lang.get();
                let title = state.model.with(|m| lang.pick(m.plan.title_vi.clone(), m.plan.title_en.clone()));
                lang.fill(t::PAGE_FOOTER, &[("title", &title)])
            }}
        </footer>
    }
}

/// What of the page is built so far (see `App`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Headline,
    Levers,
    Rest,
}

#[component]
pub(super) fn Header() -> impl IntoView {
    let state = use_state();
    let preset_list = state
        .model
        .with_untracked(|m| presets(&m.plan).unwrap_or_default());
    let plan = state.model.with_untracked(|m| m.plan.clone());
    let names: Vec<(String, Scenario)> = preset_list
        .iter()
        .map(|(key, s)| (key.to_string(), s.clone()))
        .collect();
    let on_preset = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        if let Some((_, s)) = preset_list.iter().find(|(k, _)| *k == key) {
            state.replace(s.clone());
        }
    };
    let illustrative = move || state.illustrative.get();
    view! {
        <header class="top">
            <div class="title">
                <h1>{move || state.tr(t::APP_TITLE)}</h1>
                <p class="subtitle">{move || {
                    // The province and year from the plan, the communes from the table in use.
                    let (province, year, communes, criteria) = state.model.with(|m| (m.plan.province.clone(), m.plan.year, m.table.communes.len(), m.plan.criteria.len()));
                    state.lang.get().fill(t::PLAN_SUBTITLE, &[("province", &province), ("year", &year), ("communes", &communes), ("criteria", &criteria)])
                }}</p>
            </div>
            <div class="toolbar" role="toolbar" aria-label=move || state.tr(t::TOOLS)>
                <label class="preset">
                    <span>{move || state.tr(t::PRESETS)}</span>
                    <select data-testid="presets" on:change=on_preset>
                        <option value="" selected=true>{move || state.tr(t::CHOOSE)}</option>
                        {move || {
                            let lang = state.lang.get();
                            names
                                .iter()
                                .map(|(key, s)| {
                                    let name = crate::formats::seeds::preset_name(key, s, &plan, lang);
                                    view! { <option value=key.clone()>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <button type="button" data-testid="undo" disabled=move || !state.can_undo() on:click=move |_| state.undo()
                    title=move || state.tr(t::UNDO_CTRL_Z)>
                    {move || state.tr(t::UNDO)}
                </button>
                <button type="button" data-testid="redo" disabled=move || !state.can_redo() on:click=move |_| state.redo()
                    title=move || state.tr(t::REDO_CTRL_Y)>
                    {move || state.tr(t::REDO)}
                </button>
                <button type="button" data-testid="reset" on:click=move |_| state.replace(crate::engine::Scenario::plan())>
                    {move || state.tr(t::RESET_TO_THE_PLAN)}
                </button>
                <button type="button" data-testid="lang" class="lang"
                    aria-label=move || state.tr(t::SWITCH_LANGUAGE)
                    on:click=move |_| state.lang.update(|l| *l = if *l == Lang::Vi { Lang::En } else { Lang::Vi })>
                    {move || state.tr(t::OTHER_LANGUAGE)}
                </button>
            </div>
        </header>
        <Show when=illustrative>
            <p class="banner" data-testid="illustrative-banner" role="note">
                {move || state.tr(t::ILLUSTRATIVE_BANNER)}
            </p>
        </Show>
        <TargetsBeyondTheTable/>
    }
}

/// Says so when a target in force is more than the communes of the table in use (the plan's
/// 181-commune targets kept after a table of merged communes was brought in).
#[component]
fn TargetsBeyondTheTable() -> impl IntoView {
    let state = use_state();
    // A plain closure, not a memo: a memo of its own type cost 1.4 KB of wasm, and the check is
    // 19 comparisons a change.
    move || {
        let beyond = state.targets_beyond_the_table()?;
        let said = state
            .model
            .with(|m| crate::text::check::say_beyond_the_table(&beyond, &m.plan, state.lang.get()));
        Some(
            view! { <p class="banner warn" data-testid="targets-beyond-table" role="status">{said}</p> },
        )
    }
}
