//! The page itself: it loads, follows the levers, refuses bad amounts, switches language,
//! undoes, works offline and from one file, and asks nothing outside its folder.

use crate::harness::*;
/// The 2022 plan's criteria (each its own single item).
const CRITERIA: usize = 19;

/// Notes, in the page, what is there when the headline's figure first has text: the levers,
/// the communes grid, the headline's place; and when each part arrives.
const FIRST_FRAME_WATCH: &str = r#"
window.__first = null;
new MutationObserver((_, observer) => {
    const figure = document.querySelector('[data-testid=certified]');
    if (!window.__first && figure && figure.textContent.trim()) {
        window.__first = {
            levers: !!document.querySelector('[data-testid=strategy]'),
            grid: !!document.querySelector('[data-testid=communes-grid]'),
            top: figure.getBoundingClientRect().top,
        };
    }
    if (window.__first && document.querySelector('[data-testid=strategy]') && document.querySelector('[data-testid=communes-grid]')) {
        observer.disconnect();
        window.__all = true;
    }
}).observe(document, { childList: true, subtree: true, characterData: true });
"#;

#[tokio::test]
async fn the_headline_comes_first_then_the_levers_and_the_rest_without_moving_it() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    for (width, height) in [(1366, 768), (900, 800)] {
        let wd = browser(&driver, width, height).await;
        on_every_document(&wd, FIRST_FRAME_WATCH).await;
        wd.goto(server.url()).await.unwrap();
        wait_for_text(&wd, "certified", |t| t == "85").await;
        let mut all = false;
        for _ in 0..200 {
            let v = wd
                .execute("return window.__all === true", vec![])
                .await
                .unwrap();
            if v.json() == &json!(true) {
                all = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert!(all, "{width}: the levers and the grid arrive");
        let first = wd.execute("return window.__first", vec![]).await.unwrap();
        let first = first.json().clone();
        assert_eq!(
            first["levers"],
            json!(false),
            "{width}: the headline before the levers"
        );
        assert_eq!(
            first["grid"],
            json!(false),
            "{width}: the headline before the grid"
        );
        let now = wd
            .execute(
                "return document.querySelector('[data-testid=certified]').getBoundingClientRect().top",
                vec![],
            )
            .await
            .unwrap();
        let (then, now) = (first["top"].as_f64().unwrap(), now.json().as_f64().unwrap());
        if width > 1100 {
            // Two columns: the levers come beside the headline, which stays where it was.
            assert!(
                (then - now).abs() < 1.0,
                "the headline moved from {then} to {now}"
            );
        } else {
            // One column: the levers' place was kept, the headline below the first screen.
            assert!(
                then >= f64::from(height) - 1.0,
                "the headline at {then} in a {height} px window"
            );
        }
        assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
        wd.quit().await.unwrap();
    }
}

#[tokio::test]
async fn the_page_loads_from_a_sub_folder_without_console_errors_and_shows_the_plan() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let wd = browser(&driver, 1366, 768).await;
    wd.goto(server.url()).await.unwrap();
    assert_eq!(wait_for_text(&wd, "certified", |t| t == "85").await, "85");
    assert_eq!(text(&wd, "avg-criteria").await, "14,63");
    assert_eq!(text(&wd, "shortfall").await, "0");
    assert!(text(&wd, "illustrative-banner").await.contains("minh họa"));
    let title = wd.title().await.unwrap();
    assert!(
        title.contains("nông thôn mới") && title.contains("Lạng Sơn 2022"),
        "{title}"
    );
    // No test hook ships in the page: nothing of ours is put on `window`.
    let hooks = wd
        .execute(
            "return Object.keys(window).filter(k => /^ntm/i.test(k))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(hooks.json(), &json!([]), "test hooks on window");
    screenshot(&wd, "01-plan-1366x768").await;
    wd.set_window_rect(0, 0, 1920, 1080).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    screenshot(&wd, "02-plan-1920x1080").await;
    scroll_to(&wd, "chart-criteria").await;
    screenshot(&wd, "03-charts").await;
    // Scrolled to the grid (off screen it waits), a click on its first commune.
    scroll_to(&wd, "communes-grid").await;
    let row = wd
        .query(By::Css("[data-testid=communes-grid] tbody tr[data-row]"))
        .first()
        .await
        .unwrap();
    row.click().await.unwrap();
    wait_for_text(&wd, "commune-details", |t| t.contains("Hoàng Đồng")).await;
    screenshot(&wd, "04-communes").await;
    assert_eq!(errors(&wd).await, Vec::<String>::new());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn credit_arriving_at_70_percent_lowers_the_results() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    open_assumptions(&wd).await;
    type_into(&wd, "disbursement-credit", "70").await;
    let certified: u32 = wait_for_text(&wd, "certified", |t| t != "85")
        .await
        .parse()
        .unwrap();
    assert!(certified < 85);
    assert_eq!(text(&wd, "shortfall").await, "960");
    let avg = text(&wd, "avg-criteria").await;
    assert!(avg.as_str() < "14,63", "{avg}");
    let income = text(&wd, "criterion-income").await;
    assert!(
        income.contains('-'),
        "income falls below its target: {income}"
    );
    // The grid, scrolled into view (off screen it waits), marks the communes.
    scroll_to(&wd, "communes-grid").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let lost = wd
        .find_all(By::Css("[data-testid=communes-grid] td.cell.lost"))
        .await
        .unwrap()
        .len();
    assert!(
        lost > 0,
        "the grid marks what the plan would have reached and this scenario does not"
    );
    let differs = wd
        .find_all(By::Css("[data-testid=communes-grid] tr.differs"))
        .await
        .unwrap()
        .len();
    assert!(differs > 0);
    screenshot(&wd, "05-credit-70").await;
    assert_eq!(errors(&wd).await, Vec::<String>::new());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_grid_and_a_chart_just_off_screen_catch_up_once_the_levers_stop() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    // Typed without focusing the field (focusing would scroll the page).
    let credit = |v: &'static str| {
        let wd = wd.clone();
        async move {
            wd.execute(
                "const f = document.querySelector('[data-testid=disbursement-credit]'); f.value = arguments[0]; f.dispatchEvent(new Event('input', { bubbles: true }));",
                vec![json!(v)],
            )
            .await
            .unwrap();
        }
    };
    let words = || async {
        wd.execute(
            "return document.querySelector('[data-testid=chart-districts] canvas').getAttribute('aria-label')",
            vec![],
        )
        .await
        .unwrap()
        .json()
        .as_str()
        .unwrap_or_default()
        .to_string()
    };
    // Criteria met, summed over the grid's rows in the page.
    let lost = || async {
        wd.execute(
            "return [...document.querySelectorAll('[data-testid=communes-grid] tr[data-row] td.num')].reduce((n, td) => n + Number(td.textContent), 0)",
            vec![],
        )
        .await
        .unwrap()
        .json()
        .as_u64()
        .unwrap()
    };
    // First away from the plan (the page's text above the charts takes its new length), the
    // grid and the chart seen once.
    credit("70").await;
    let at_70 = wait_for_text(&wd, "certified", |t| t != "85").await;
    scroll_to(&wd, "communes-grid").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (lost_70, words_70) = (lost().await, words().await);
    // Then the districts chart just below the screen (within the 300 px it is watched from),
    // the grid further below, and nothing scrolls them into view from here on.
    let place = r#"
        const [what, by] = arguments;
        const e = document.querySelector(what);
        if (by !== null) window.scrollBy(0, e.getBoundingClientRect().top - innerHeight - by);
        return e.getBoundingClientRect().top - innerHeight;
    "#;
    let below = |what: &'static str, by: Option<f64>| {
        let wd = wd.clone();
        async move {
            wd.execute(place, vec![json!(what), json!(by)])
                .await
                .unwrap()
                .json()
                .as_f64()
                .unwrap()
        }
    };
    let (chart, grid) = ("[data-testid=chart-districts] canvas", ".grid-wrap");
    let until = |what: &'static str, done: Box<dyn Fn(u64, &str) -> bool>| {
        let (lost, words) = (&lost, &words);
        async move {
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                let (l, w) = (lost().await, words().await);
                if done(l, &w) {
                    return l;
                }
                assert!(
                    Instant::now() < deadline,
                    "{what} ({l} criteria met in the grid's rows)"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    };
    assert!((0.0..300.0).contains(&below(chart, Some(150.0)).await));
    assert!(below(grid, None).await > 300.0);
    tokio::time::sleep(Duration::from_millis(300)).await;
    credit("40").await;
    wait_for_text(&wd, "certified", |t| t != at_70).await;
    let w70 = words_70.clone();
    until(
        "the chart caught up off screen",
        Box::new(move |_, w| w != w70),
    )
    .await;
    assert_eq!(lost().await, lost_70, "further off, the grid waits");
    // The grid just below the screen: it catches up as it comes near, then once the levers stop.
    assert!((0.0..300.0).contains(&below(grid, Some(100.0)).await));
    let at_40 = until(
        "the grid caught up as it came near",
        Box::new(move |l, _| l != lost_70),
    )
    .await;
    credit("55").await;
    until(
        "the grid caught up off screen",
        Box::new(move |l, _| l != at_40),
    )
    .await;
    assert!(below(grid, None).await > 0.0, "the grid stayed off screen");
    assert_eq!(errors(&wd).await, Vec::<String>::new());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn a_bad_amount_shows_a_message_and_leaves_the_results() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    // A half-valid amount typed key by key passes valid beginnings ("12", "1.234") on the
    // way: none of them may stay in the scenario.
    for typed in ["12abc", "1.234.567,89", "5e2"] {
        type_into(&wd, "funding-credit", typed).await;
        wait_for_text(&wd, "funding-credit-error", |t| !t.is_empty()).await;
        wait_for_text(&wd, "certified", |t| t == "85").await;
        assert_eq!(text(&wd, "shortfall").await, "0", "{typed}");
        tokio::time::sleep(ADDRESS_DELAY).await;
        assert!(
            !current_url(&wd).await.contains("f.credit"),
            "{typed} reached the link"
        );
    }
    type_into(&wd, "funding-credit", "2.500").await;
    let certified = wait_for_text(&wd, "certified", |t| t != "85").await;
    let shortfall = text(&wd, "shortfall").await;
    // Leaving the field keeps 2,500; what is typed afterwards starts a new edit.
    wd.find(By::Css("[data-testid=\"funding-credit\"]"))
        .await
        .unwrap()
        .send_keys(Key::Tab)
        .await
        .unwrap();
    type_into(&wd, "funding-credit", "hai nghìn").await;
    let message = wait_for_text(&wd, "funding-credit-error", |t| !t.is_empty()).await;
    assert!(message.contains("Không phải số"), "{message}");
    assert_eq!(text(&wd, "certified").await, certified);
    assert_eq!(text(&wd, "shortfall").await, shortfall);
    let field = wd
        .find(By::Css("[data-testid=\"funding-credit\"]"))
        .await
        .unwrap();
    assert_eq!(
        field.prop("value").await.unwrap().as_deref(),
        Some("hai nghìn"),
        "what was typed is kept"
    );
    assert_eq!(
        field.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    screenshot(&wd, "06-bad-amount").await;
    type_into(&wd, "funding-credit", "-3").await;
    assert!(
        wait_for_text(&wd, "funding-credit-error", |t| t.contains("âm"))
            .await
            .contains("Không được âm")
    );
    assert_eq!(text(&wd, "certified").await, certified);
    type_into(&wd, "funding-credit", "3.200").await;
    wait_for_text(&wd, "certified", |t| t == "85").await;
    assert_eq!(text(&wd, "funding-credit-error").await, "");
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_language_switch_translates_the_page_and_is_remembered() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    click(&wd, "[data-testid=lang]").await;
    assert_eq!(
        wait_for_text(&wd, "avg-criteria", |t| t == "14.63").await,
        "14.63"
    );
    let body = wd
        .find(By::Tag("body"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        body.contains("Certified communes") && body.contains("Levers"),
        "English labels"
    );
    assert!(
        !body.contains("Xã đạt chuẩn NTM"),
        "no Vietnamese label left"
    );
    assert_eq!(text(&wd, "funding-total").await, "4,770");
    screenshot(&wd, "07-english").await;
    wd.refresh().await.unwrap();
    assert_eq!(
        wait_for_text(&wd, "avg-criteria", |t| !t.is_empty()).await,
        "14.63",
        "English is remembered"
    );
    click(&wd, "[data-testid=lang]").await;
    assert_eq!(
        wait_for_text(&wd, "avg-criteria", |t| t == "14,63").await,
        "14,63"
    );
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn undo_redo_and_reset_to_the_plan() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    type_into(&wd, "funding-direct", "100").await;
    let changed = wait_for_text(&wd, "certified", |t| t != "85").await;
    click(&wd, "[data-testid=undo]").await;
    wait_for_text(&wd, "certified", |t| t == "85").await;
    click(&wd, "[data-testid=redo]").await;
    wait_for_text(&wd, "certified", |t| t == changed).await;
    let select = wd.find(By::Css("[data-testid=presets]")).await.unwrap();
    select.scroll_into_view().await.unwrap();
    thirtyfour::components::SelectElement::new(&select)
        .await
        .unwrap()
        .select_by_value("credit-70")
        .await
        .unwrap();
    wait_for_text(&wd, "shortfall", |t| t == "960").await;
    click(&wd, "[data-testid=reset]").await;
    wait_for_text(&wd, "certified", |t| t == "85").await;
    assert_eq!(text(&wd, "shortfall").await, "0");
    let direct = wd
        .find(By::Css("[data-testid=\"funding-direct\"]"))
        .await
        .unwrap();
    assert_eq!(direct.prop("value").await.unwrap().as_deref(), Some("640"));
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_page_reloads_offline_once_visited() {
    let _one = serial();
    let mut server = StaticServer::start();
    let driver = Driver::start();
    let wd = browser(&driver, 1366, 768).await;
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let ready = wd
            .execute("return !!navigator.serviceWorker.controller", vec![])
            .await
            .unwrap()
            .json()
            .as_bool()
            .unwrap_or(false);
        if ready {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the service worker never took control"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    server.stop();
    assert!(
        TcpStream::connect(("127.0.0.1", server.port)).is_err(),
        "the server is down"
    );
    wd.refresh().await.unwrap();
    assert_eq!(wait_for_text(&wd, "certified", |t| t == "85").await, "85");
    credit_at_70_percent(&wd).await;
    screenshot(&wd, "08-offline").await;
    // The map's places were kept at install: the map draws with the server gone.
    crate::map::show_map(&wd).await;
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_single_file_opens_from_file_url() {
    let _one = serial();
    let file = dist().join("ntm-planner-offline.html");
    let driver = Driver::start();
    let wd = browser(&driver, 1366, 768).await;
    wd.goto(format!("file://{}", file.display())).await.unwrap();
    assert_eq!(wait_for_text(&wd, "certified", |t| t == "85").await, "85");
    credit_at_70_percent(&wd).await;
    screenshot(&wd, "09-single-file").await;
    // The places travel inside the single file: the map draws from file://.
    crate::map::show_map(&wd).await;
    // No worker from file://: the draws run on the page, in slices, with the same numbers.
    let expected = native_risk(&credit_70(), 1);
    expect_risk(&wd, &expected).await;
    assert!(text(&wd, "risk-status").await.contains("(trang)"));
    assert_eq!(errors(&wd).await, Vec::<String>::new());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_page_asks_nothing_outside_its_folder_under_its_content_security_policy() {
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    let policy = wd
        .execute(
            "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content || ''",
            vec![],
        )
        .await
        .unwrap();
    let policy = policy.json().as_str().unwrap_or_default().to_string();
    assert!(policy.contains("default-src 'self'"), "{policy}");
    assert!(!policy.contains("'unsafe-eval'"), "{policy}");
    assert!(!policy.contains("http"), "no remote source: {policy}");
    // Use the page: the risk worker, an export, the goals.
    let risk = wd.find(By::Css("[data-testid=risk-view]")).await.unwrap();
    risk.scroll_into_view().await.unwrap();
    wait_for_text(&wd, "risk-status", |t| t.contains("xong")).await;
    click(&wd, "[data-testid=goal-run]").await;
    wait_for_text(&wd, "goal-total", |t| !t.is_empty()).await;
    let urls = wd
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name)",
            vec![],
        )
        .await
        .unwrap();
    let urls: Vec<String> = serde_json::from_value(urls.json().clone()).unwrap();
    let folder = page.server.url();
    assert!(!urls.is_empty());
    for url in &urls {
        assert!(
            url.starts_with(&folder) || url.starts_with("blob:"),
            "{url} is outside {folder}"
        );
    }
    assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn keys_undo_and_redo_a_dragged_slider_is_one_step_and_scale_all_scales_every_investment() {
    use ntm_planner::engine::{Model, Scenario};
    use ntm_planner::text::number::amount;
    use ntm_planner::text::Lang;
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    let keys = |k: &'static str| {
        let wd = wd.clone();
        async move {
            // Outside a text field: on the page's heading.
            wd.find(By::Css("h1")).await.unwrap().click().await.unwrap();
            wd.action_chain()
                .key_down(Key::Control)
                .send_keys(k)
                .key_up(Key::Control)
                .perform()
                .await
                .unwrap();
        }
    };
    type_into(&wd, "funding-direct", "100").await;
    let changed = wait_for_text(&wd, "certified", |t| t != "85").await;
    keys("z").await;
    wait_for_text(&wd, "certified", |t| t == "85").await;
    assert_eq!(field_value(&wd, "funding-direct").await, "640");
    keys("y").await;
    wait_for_text(&wd, "certified", |t| t == changed).await;
    keys("z").await;
    wait_for_text(&wd, "certified", |t| t == "85").await;
    // Dragging the credit slider to the left: the value follows the hand, one undo step.
    let slider = wd
        .find(By::Css("[data-testid=funding-credit-slider]"))
        .await
        .unwrap();
    slider.scroll_into_view().await.unwrap();
    wd.action_chain()
        .click_and_hold_element(&slider)
        .move_by_offset(-20, 0)
        .move_by_offset(-20, 0)
        .move_by_offset(-20, 0)
        .release()
        .perform()
        .await
        .unwrap();
    let dragged = wait_for_text(&wd, "certified", |t| t != "85").await;
    let credit: f64 = field_value(&wd, "funding-credit")
        .await
        .replace('.', "")
        .replace(',', ".")
        .parse()
        .unwrap();
    assert!(credit < 3200.0, "{credit}");
    assert!(dragged.parse::<u32>().unwrap() < 85, "{dragged}");
    keys("z").await;
    wait_for_text(&wd, "certified", |t| t == "85").await;
    assert_eq!(
        field_value(&wd, "funding-credit").await,
        "3.200",
        "one step undoes the drag"
    );
    // Scale every investment to 50%: each criterion's field says half the plan's, and the
    // headline is the engine's for that scenario.
    let model = Model::shipped();
    let plan = model.default_investment();
    let mut half = Scenario::plan();
    for k in 0..CRITERIA {
        half.investment[k] = Some(plan[k] * 0.5);
    }
    let o = model.run(&half);
    type_into(&wd, "investment-scale", "50").await;
    wait_for_text(&wd, "certified", |t| t == o.certified.to_string()).await;
    for (k, key) in ["transport", "schools", "income"].iter().enumerate() {
        let i = model.plan.criterion_index(key).unwrap();
        assert_eq!(
            field_value(&wd, &format!("investment-{key}")).await,
            amount(plan[i] * 0.5, 2, Lang::Vi),
            "{k} {key}"
        );
    }
    assert_eq!(errors(&wd).await, Vec::<String>::new());
    wd.quit().await.unwrap();
}
