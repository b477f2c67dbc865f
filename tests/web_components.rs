//! The page's components in a real headless Chromium (wasm-bindgen-test):
//! `cargo test --target wasm32-unknown-unknown --test web_components` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use ntm_planner::text::Lang;
use ntm_planner::web::app::App;
use ntm_planner::web::fields::NumberField;
use ntm_planner::web::state::State;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets effects and the renders they cause run (an effect that sets a signal needs a second turn).
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
    // What the page builds after the headline's frame, in two stages, each an animation frame
    // and then a task after the one before.
    for _ in 0..2 {
        frame().await;
        for _ in 0..3 {
            leptos::task::tick().await;
        }
    }
}

/// An animation frame, then a task.
async fn frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let then = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        });
        let _ = web_sys::window()
            .unwrap()
            .request_animation_frame(then.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

thread_local! {
    /// The app mounted last: unmounted when the next test mounts its own, so that no effect
    /// of an earlier test writes to the address bar or the storage of a later one.
    static MOUNTED: std::cell::RefCell<Option<Box<dyn std::any::Any>>> = const { std::cell::RefCell::new(None) };
}

/// A fresh container with the whole app in it, Vietnamese, nothing remembered, no link.
fn mount_app() -> HtmlElement {
    MOUNTED.with(|m| m.borrow_mut().take());
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
    container
}

fn find(root: &HtmlElement, testid: &str) -> HtmlElement {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element {testid}"))
        .unchecked_into()
}

/// A chart on the page: the words it drew (its text alternative) and its pixels.
async fn chart(root: &HtmlElement, key: &str) -> (String, String) {
    look_at(root, &format!("[data-testid=chart-{key}]")).await;
    let canvas: web_sys::HtmlCanvasElement = root
        .query_selector(&format!("[data-testid=chart-{key}] canvas"))
        .unwrap()
        .unwrap_or_else(|| panic!("no canvas for the {key} chart"))
        .unchecked_into();
    (
        canvas.get_attribute("aria-label").unwrap_or_default(),
        canvas.to_data_url().unwrap(),
    )
}

/// What a chart shows, to tell whether it was redrawn.
async fn drawn(root: &HtmlElement, key: &str) -> String {
    let (words, pixels) = chart(root, key).await;
    words + &pixels
}

/// Scrolls a part of the page into view, as a planner does, and lets it catch up (what is off
/// screen is drawn as it comes into view).
async fn look_at(root: &HtmlElement, css: &str) {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .scroll_into_view();
    settle().await;
    settle().await;
}

fn text(root: &HtmlElement, testid: &str) -> String {
    find(root, testid)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

async fn type_into(root: &HtmlElement, testid: &str, value: &str) {
    let input: HtmlInputElement = find(root, testid).unchecked_into();
    input.set_value(value);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

async fn click(root: &HtmlElement, testid: &str) {
    find(root, testid).click();
    settle().await;
}

#[wasm_bindgen_test]
async fn the_page_shows_the_plan() {
    let app = mount_app();
    settle().await;
    assert_eq!(text(&app, "certified"), "85");
    assert_eq!(text(&app, "avg-criteria"), "14,63");
    assert_eq!(text(&app, "shortfall"), "0");
    assert_eq!(text(&app, "idle"), "0");
    assert_eq!(text(&app, "border-avg"), "14,50");
    let row = text(&app, "criterion-transport");
    assert!(row.contains("90") && row.contains("102"), "{row}");
    assert!(!text(&app, "illustrative-banner").is_empty());
    let (words, pixels) = chart(&app, "criteria").await;
    assert!(
        words.contains("Tiêu chí") && pixels.len() > 5_000,
        "the criteria chart is drawn with Vietnamese axes: {words}"
    );
    assert_eq!(grid_rows(&app), 181);
    look_at(&app, "[data-testid=communes-grid]").await;
    // Only the grid's window of rows is in the page.
    let in_page = app
        .query_selector_all("[data-testid=communes-grid] tbody tr[data-row]")
        .unwrap()
        .length();
    assert!(in_page > 20 && in_page < 181, "{in_page} rows in the page");
    app.remove();
}

#[wasm_bindgen_test]
async fn credit_at_70_percent_lowers_the_results() {
    let app = mount_app();
    settle().await;
    let sources_before = drawn(&app, "sources").await;
    let districts_before = drawn(&app, "districts").await;
    type_into(&app, "disbursement-credit", "70").await;
    assert_ne!(
        drawn(&app, "sources").await,
        sources_before,
        "the sources chart is redrawn"
    );
    assert_ne!(
        drawn(&app, "districts").await,
        districts_before,
        "the districts chart is redrawn"
    );
    let certified: u32 = text(&app, "certified").parse().unwrap();
    assert!(certified < 85, "{certified}");
    assert_eq!(text(&app, "shortfall"), "960");
    assert!(
        text(&app, "change-summary").contains("giải ngân 70 %"),
        "{}",
        text(&app, "change-summary")
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn a_bad_amount_gets_a_message_and_leaves_the_results() {
    let app = mount_app();
    settle().await;
    type_into(&app, "funding-credit", "2.000").await;
    let after_2000 = (text(&app, "certified"), text(&app, "shortfall"));
    assert_ne!(after_2000.1, "0");
    // Leaving the field keeps 2,000: what is typed next is a new edit.
    find(&app, "funding-credit")
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    settle().await;
    for (bad, message) in [
        ("abc", "Không phải số"),
        ("-5", "Không được âm"),
        ("99.999.999", "Quá lớn"),
        ("", "Hãy nhập"),
    ] {
        type_into(&app, "funding-credit", bad).await;
        assert!(
            text(&app, "funding-credit-error").contains(message),
            "{bad}: {}",
            text(&app, "funding-credit-error")
        );
        assert_eq!(
            (text(&app, "certified"), text(&app, "shortfall")),
            after_2000,
            "{bad} changed the results"
        );
        let input: HtmlInputElement = find(&app, "funding-credit").unchecked_into();
        assert_eq!(input.value(), bad, "what was typed stays");
    }
    type_into(&app, "funding-credit", "3200").await;
    assert_eq!(text(&app, "funding-credit-error"), "");
    assert_eq!(text(&app, "certified"), "85");
    // Within one edit, a half-valid text leaves no valid beginning behind ("12" of "12abc"):
    // the lever goes back to where it was when the edit began (3,200, once left).
    find(&app, "funding-credit")
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    settle().await;
    type_into(&app, "funding-credit", "12").await;
    assert_ne!(text(&app, "certified"), "85");
    type_into(&app, "funding-credit", "12abc").await;
    assert_eq!(text(&app, "certified"), "85");
    assert_eq!(text(&app, "shortfall"), "0");
    app.remove();
}

#[wasm_bindgen_test]
async fn undo_redo_and_reset() {
    let app = mount_app();
    settle().await;
    // Typing digit by digit is one step.
    for partial in ["1", "10", "100", "1000"] {
        type_into(&app, "funding-credit", partial).await;
    }
    type_into(&app, "funding-direct", "0").await;
    let changed = text(&app, "certified");
    assert_ne!(changed, "85");
    click(&app, "undo").await;
    let input: HtmlInputElement = find(&app, "funding-direct").unchecked_into();
    assert_eq!(input.value(), "640");
    click(&app, "undo").await;
    assert_eq!(text(&app, "certified"), "85");
    click(&app, "redo").await;
    click(&app, "redo").await;
    assert_eq!(text(&app, "certified"), changed);
    click(&app, "reset").await;
    assert_eq!(text(&app, "certified"), "85");
    click(&app, "undo").await;
    assert_eq!(text(&app, "certified"), changed, "reset can be undone");
    app.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_translates_and_is_remembered() {
    let app = mount_app();
    settle().await;
    click(&app, "lang").await;
    assert_eq!(text(&app, "avg-criteria"), "14.63");
    assert!(app.text_content().unwrap().contains("Certified communes"));
    assert!(chart(&app, "criteria").await.0.contains("Criterion"));
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("ntm.lang")
        .unwrap();
    assert_eq!(stored.as_deref(), Some("en"));
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn strategy_and_eligibility_change_the_results() {
    let app = mount_app();
    settle().await;
    let select: web_sys::HtmlSelectElement = find(&app, "strategy").unchecked_into();
    select.set_value("equity_first");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(text(&app, "certified"), "80");
    assert_eq!(text(&app, "border-avg"), "14,65");
    click(&app, "reset").await;
    // Credit may no longer pay for housing (criterion 9): its share goes elsewhere.
    click(&app, "eligible-credit-8").await;
    assert_ne!(text(&app, "certified"), "85");
    app.remove();
}

#[wasm_bindgen_test]
async fn a_number_field_reads_both_ways_of_writing() {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let value = RwSignal::new(640.0);
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(State::shipped(Lang::Vi));
        view! {
            <NumberField value=value on_commit=move |v| value.set(v) testid="n".to_string()
                label=Signal::derive(|| "n".to_string()) limit=1e6 />
        }
    });
    settle().await;
    let input: HtmlInputElement = find(&container, "n").unchecked_into();
    assert_eq!(input.value(), "640");
    type_into(&container, "n", "1.234,5").await;
    assert_eq!(value.get_untracked(), 1234.5);
    type_into(&container, "n", "1234.5").await;
    assert_eq!(value.get_untracked(), 1234.5);
    type_into(&container, "n", "12,5").await;
    assert_eq!(value.get_untracked(), 12.5);
    value.set(3200.0);
    settle().await;
    assert_eq!(
        input.value(),
        "3.200",
        "a value set elsewhere is shown the Vietnamese way"
    );
    drop(handle);
    container.remove();
}

async fn choose(root: &HtmlElement, testid: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = find(root, testid).unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
}

/// The rows the grid holds (the filters' communes; only a window of them is in the page).
fn grid_rows(root: &HtmlElement) -> u32 {
    root.query_selector("[data-testid=communes-grid]")
        .unwrap()
        .unwrap()
        .get_attribute("data-rows")
        .unwrap()
        .parse()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_communes_grid_filters_and_shows_a_communes_details() {
    let app = mount_app();
    settle().await;
    assert_eq!(grid_rows(&app), 181);
    let wrap: HtmlElement = app
        .query_selector(".grid-wrap")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // The page's style sheet is not loaded here: make the grid a scroll window as it styles it.
    wrap.style().set_property("max-height", "300px").unwrap();
    wrap.style().set_property("overflow", "auto").unwrap();
    look_at(&app, "[data-testid=communes-grid]").await;
    // Scrolled to the end, the window follows: the last commune is in the page, the first not.
    let row = |i: usize| {
        app.query_selector(&format!("[data-testid=communes-grid] tr[data-row=\"{i}\"]"))
            .unwrap()
    };
    assert!(row(0).is_some() && row(180).is_none());
    // Scrolled as the planner scrolls it, looking at it (what is built after the headline may
    // have moved it down meanwhile; just off screen, the grid follows only when the levers
    // settle).
    // (Two frames: the browser tells what came on screen after a frame's rendering.)
    let scroll = |top: i32| {
        wrap.scroll_into_view();
        wrap.set_scroll_top(top);
        wrap.dispatch_event(&web_sys::Event::new("scroll").unwrap())
            .unwrap();
        async {
            settle().await;
            settle().await;
        }
    };
    scroll(100_000).await;
    assert!(
        row(180).is_some() && row(0).is_none(),
        "the window moved to the end"
    );
    // Wherever the grid is scrolled, what is in view is rows, never the spacers standing for
    // the rows outside the window: at the top and the bottom of the view.
    for top in [0, 130, 500, 777, 1234, 2000, 2345, 3000, 100_000] {
        scroll(top).await;
        wrap.scroll_into_view();
        let view = wrap.get_bounding_client_rect();
        let header = app
            .query_selector("[data-testid=communes-grid] thead")
            .unwrap()
            .unwrap()
            .get_bounding_client_rect()
            .height();
        // (The test page may be shorter than the grid's view: what of it is on screen.)
        let screen = web_sys::window()
            .unwrap()
            .inner_height()
            .unwrap()
            .as_f64()
            .unwrap();
        assert!(
            view.top() + header + 60.0 < screen,
            "the grid is on screen: {} + {header} of {screen}",
            view.top()
        );
        let rows = wrap.query_selector_all("tr[data-row]").unwrap();
        let (mut first, mut last) = (f64::MAX, f64::MIN);
        for k in 0..rows.length() {
            let r = rows
                .item(k)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_bounding_client_rect();
            first = first.min(r.top());
            last = last.max(r.bottom());
        }
        let (wanted_first, wanted_last) =
            (view.top() + header + 6.0, view.bottom().min(screen) - 6.0);
        assert!(
            first <= wanted_first && last >= wanted_last,
            "scrolled to {top} px, the rows in the page span {first:.0}–{last:.0} px, the view {wanted_first:.0}–{wanted_last:.0}"
        );
    }
    scroll(0).await;
    assert!(row(0).is_some());
    choose(&app, "filter-district", "Đình Lập").await;
    assert_eq!(grid_rows(&app), 10);
    choose(&app, "filter-district", "").await;
    choose(&app, "filter-border", "1").await;
    assert_eq!(grid_rows(&app), 20);
    choose(&app, "filter-border", "").await;
    choose(&app, "filter-status", "newly").await;
    assert_eq!(grid_rows(&app), 10, "the plan certifies ten more communes");
    assert!(text(&app, "grid-count").contains("10"));
    // What this scenario changes against the plan is marked.
    choose(&app, "filter-status", "differs").await;
    assert_eq!(grid_rows(&app), 0);
    type_into(&app, "disbursement-credit", "50").await;
    assert!(
        grid_rows(&app) > 0,
        "communes that the plan would have served and this scenario does not"
    );
    assert!(
        app.query_selector_all("[data-testid=communes-grid] td.lost")
            .unwrap()
            .length()
            > 0
    );
    // A click on a row opens the commune's details.
    let row: HtmlElement = app
        .query_selector("[data-testid=communes-grid] tbody tr")
        .unwrap()
        .unwrap()
        .unchecked_into();
    row.click();
    settle().await;
    let details = text(&app, "commune-details");
    assert!(
        details.contains("Giao thông") && details.contains("chưa đạt"),
        "{details}"
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn the_scenarios_compared_with_the_one_shown_do_not_change_when_a_lever_moves() {
    use ntm_planner::web::compare::Others;
    // What runs while comparing (the compared scenarios' path runs) reads these: a lever's
    // move must not restart it (it re-parsed the presets and re-ran four paths each input).
    // The app mounted starts the executor the effects run on.
    let _root = mount_app();
    let state = State::shipped(Lang::Vi);
    let saved = RwSignal::new(Vec::new());
    let others = Others::new(state, saved);
    let runs = RwSignal::new(0u32);
    let effect = Effect::new(move |_| {
        others.get();
        runs.update_untracked(|n| *n += 1);
    });
    settle().await;
    let base = runs.get_untracked();
    let names: Vec<String> = untrack(|| others.get().into_iter().map(|(k, _, _)| k).collect());
    assert!(
        names.contains(&"plan".to_string()) && !names.contains(&"current".to_string()),
        "{names:?}"
    );
    let credit = state
        .model
        .with_untracked(|m| m.plan.source_index("credit").unwrap());
    state
        .scenario
        .update(|s| s.disbursement[credit] = Some(0.7));
    settle().await;
    assert_eq!(
        runs.get_untracked(),
        base,
        "a lever moved: the others are the same"
    );
    // A scenario saved, or the language, does change them.
    state.lang.set(Lang::En);
    settle().await;
    assert_eq!(runs.get_untracked(), base + 1);
    let _ = effect;
}
