//! Keeping scenarios: the browser's store, links, scenario files, other tabs, blocked storage.

use crate::harness::*;
/// The 2022 plan's criteria (each its own single item).
const CRITERIA: usize = 19;

#[tokio::test]
async fn a_saved_scenario_and_the_current_one_survive_a_reload() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let profile = scratch_dir("profile");
    let wd = browser_with_profile(&driver, 1366, 768, Some(&profile)).await;
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    // Three scenarios, saved by name.
    let mut certified_of = Vec::new();
    for (name, credit) in [
        ("Tín dụng thấp", "2.000"),
        ("Tín dụng vừa", "2.600"),
        ("Tín dụng cao", "3.000"),
    ] {
        name_scenario(&wd, name).await;
        type_into(&wd, "funding-credit", credit).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        certified_of.push((name, text(&wd, "certified").await));
        click(&wd, "[data-testid=save]").await;
        wait_for_text(&wd, "scenario-list", |t| t.contains(name)).await;
    }
    assert_ne!(certified_of[0].1, "85");
    // Keep working on another, then close the browser and open it again on the same profile.
    type_into(&wd, "funding-direct", "300").await;
    // Closed by the driver, the browser gets no `pagehide`: wait until the change is kept (the
    // address bar is written in the same step, after storage) before closing it.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !current_url(&wd).await.contains("f.direct=300") {
        assert!(Instant::now() < deadline, "{}", current_url(&wd).await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let working = wait_for_text(&wd, "shortfall", |t| t != "0").await;
    wd.quit().await.unwrap();
    let wd = browser_with_profile(&driver, 1366, 768, Some(&profile)).await;
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "shortfall", |t| t == working).await;
    assert_eq!(
        field_value(&wd, "funding-direct").await,
        "300",
        "the scenario being worked on came back"
    );
    let list = wait_for_text(&wd, "scenario-list", |t| t.contains("Tín dụng cao")).await;
    assert!(
        list.contains("Tín dụng thấp") && list.contains("Tín dụng vừa"),
        "{list}"
    );
    assert!(
        list.matches('/').count() >= 6,
        "each with its date (d/m/y): {list}"
    );
    let opens = wd
        .find_all(By::Css("[data-testid=saved-open]"))
        .await
        .unwrap();
    opens[0].click().await.unwrap();
    wait_for_text(&wd, "certified", |t| t == certified_of[0].1).await;
    assert_eq!(field_value(&wd, "funding-direct").await, "640");
    assert_eq!(field_value(&wd, "scenario-name").await, "Tín dụng thấp");
    // Duplicate, rename the copy, delete the original.
    let duplicates = wd
        .find_all(By::Css("[data-testid=saved-duplicate]"))
        .await
        .unwrap();
    duplicates[0].click().await.unwrap();
    wait_for_text(&wd, "scenario-list", |t| t.contains("Tín dụng thấp (2)")).await;
    let renames = wd
        .find_all(By::Css("[data-testid=saved-rename]"))
        .await
        .unwrap();
    renames[3].click().await.unwrap();
    wd.send_alert_text("Bản sao").await.unwrap();
    wd.accept_alert().await.unwrap();
    wait_for_text(&wd, "scenario-list", |t| t.contains("Bản sao")).await;
    let deletes = wd
        .find_all(By::Css("[data-testid=saved-delete]"))
        .await
        .unwrap();
    deletes[0].click().await.unwrap();
    wd.accept_alert().await.unwrap();
    let list = wait_for_text(&wd, "scenario-list", |t| !t.contains("Tín dụng thấp")).await;
    assert!(
        list.contains("Bản sao") && list.contains("Tín dụng cao"),
        "{list}"
    );
    screenshot(&wd, "10-saved").await;
    wd.refresh().await.unwrap();
    let list = wait_for_text(&wd, "scenario-list", |t| t.contains("Bản sao")).await;
    assert!(!list.contains("Tín dụng thấp"), "{list}");
    assert_eq!(errors(&wd).await, Vec::<String>::new());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn a_link_reopens_the_scenario_in_a_fresh_browser_and_back_walks_the_changes() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    // The address bar follows a moment after the last change (ADDRESS_DELAY).
    credit_at_70_percent(&wd).await;
    tokio::time::sleep(ADDRESS_DELAY).await;
    type_into(&wd, "investment-transport", "600,5").await;
    tokio::time::sleep(ADDRESS_DELAY).await;
    let strategy = wd.find(By::Css("[data-testid=strategy]")).await.unwrap();
    thirtyfour::components::SelectElement::new(&strategy)
        .await
        .unwrap()
        .select_by_value("equity_first")
        .await
        .unwrap();
    tokio::time::sleep(ADDRESS_DELAY).await;
    let figures = (
        text(&wd, "certified").await,
        text(&wd, "avg-criteria").await,
        text(&wd, "shortfall").await,
    );
    let url = current_url(&wd).await;
    assert!(
        url.contains("#v=1") && url.contains("d.credit=0.7") && url.contains("i.transport=600.5"),
        "{url}"
    );
    assert!(
        url.contains("s=equity_first") && !url.contains("f.direct"),
        "only what differs: {url}"
    );
    // Back walks the changes, Forward comes back: at each step exactly that step's figures.
    use ntm_planner::engine::{Model, Strategy};
    use ntm_planner::text::number::{amount, number};
    use ntm_planner::text::Lang;
    let model = Model::shipped();
    let transport = model.plan.criterion_index("transport").unwrap();
    let step1 = credit_70();
    let mut step2 = step1.clone();
    step2.investment[transport] = Some(600.5);
    let mut step3 = step2.clone();
    step3.strategy = Some(Strategy::EquityFirst);
    let shown = |s: &ntm_planner::engine::Scenario| {
        let o = model.run(s);
        (
            o.certified.to_string(),
            number(o.avg_criteria, 2, Lang::Vi),
            amount(o.funding.shortfall, 2, Lang::Vi),
        )
    };
    assert_eq!(shown(&step3), figures);
    assert_ne!(shown(&step2), shown(&step3));
    assert_ne!(shown(&step1), shown(&step2));
    let at = |expected: (String, String, String)| {
        let wd = wd.clone();
        async move {
            wait_for_text(&wd, "certified", |t| t == expected.0).await;
            wait_for_text(&wd, "avg-criteria", |t| t == expected.1).await;
            wait_for_text(&wd, "shortfall", |t| t == expected.2).await;
        }
    };
    let strategy = || {
        let wd = wd.clone();
        async move {
            wd.find(By::Css("[data-testid=strategy]"))
                .await
                .unwrap()
                .prop("value")
                .await
                .unwrap()
                .unwrap_or_default()
        }
    };
    wd.back().await.unwrap();
    at(shown(&step2)).await;
    assert_eq!(strategy().await, "closest_first");
    assert_eq!(field_value(&wd, "investment-transport").await, "600,5");
    wd.back().await.unwrap();
    at(shown(&step1)).await;
    assert_eq!(
        field_value(&wd, "investment-transport").await,
        amount(model.default_investment()[transport], 2, Lang::Vi)
    );
    wd.forward().await.unwrap();
    at(shown(&step2)).await;
    assert_eq!(field_value(&wd, "investment-transport").await, "600,5");
    wd.forward().await.unwrap();
    at(shown(&step3)).await;
    assert_eq!(strategy().await, "equity_first");
    wd.quit().await.unwrap();
    // Another browser, another profile: the link alone brings the scenario back exactly.
    let other = browser(&page.driver, 1366, 768).await;
    other.goto(&url).await.unwrap();
    wait_for_text(&other, "certified", |t| t == figures.0).await;
    assert_eq!(
        (
            text(&other, "certified").await,
            text(&other, "avg-criteria").await,
            text(&other, "shortfall").await
        ),
        figures
    );
    assert_eq!(field_value(&other, "investment-transport").await, "600,5");
    assert_eq!(
        other
            .find(By::Css("[data-testid=strategy]"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("equity_first")
    );
    assert_eq!(errors(&other).await, Vec::<String>::new());
    other.quit().await.unwrap();
}

#[tokio::test]
async fn a_hostile_or_broken_link_gives_a_message_and_the_plan() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let wd = browser(&driver, 1366, 768).await;
    for (fragment, named) in [
        ("v=1&d.credit=abc", "disbursement.credit"),
        ("v=1&d.credit=", "disbursement.credit"),
        ("v=1&f.credit=-1e9", "funding.credit"),
        ("v=2&f.credit=5", "2"),
        ("v=1&i.transport=1e999", "investment.transport"),
        ("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "script"),
        ("v=1&n=%E0%A4%A&s=", "n="),
        ("v=1&e.credit=housing,%22%3E%3Cimg%20src=x%3E", "img"),
        ("v=1&d.credit=0.7&d.credit=0.5", "d.credit"),
        ("v=1&t.certified=90.5", "targets.certified"),
    ] {
        eprintln!("link #{fragment}");
        wd.goto("about:blank").await.unwrap();
        wd.goto(format!("{}#{fragment}", server.url()))
            .await
            .unwrap();
        let notice = wait_for_text(&wd, "notice", |t| !t.is_empty()).await;
        assert!(
            notice.contains("liên kết") || notice.contains("link"),
            "{fragment}: {notice}"
        );
        assert!(
            notice.contains(named),
            "{fragment}: {notice} should name {named}"
        );
        assert_eq!(
            text(&wd, "certified").await,
            "85",
            "{fragment}: the plan is shown"
        );
        assert_eq!(
            wd.find_all(By::Css("img[src=x]")).await.unwrap().len(),
            0,
            "nothing from the link is run or shown as HTML"
        );
        // Each link's page is checked for console errors before the next one.
        assert_eq!(errors(&wd).await, Vec::<String>::new(), "{fragment}");
    }
    screenshot(&wd, "11-hostile-link").await;
    // A broken link typed into the address bar of a page showing another scenario: the plan.
    wd.goto(format!("{}#v=1&d.credit=0.7", server.url()))
        .await
        .unwrap();
    wait_for_text(&wd, "shortfall", |t| t == "960").await;
    wd.execute("location.hash = 'v=1&d.credit=abc'", vec![])
        .await
        .unwrap();
    wait_for_text(&wd, "notice", |t| t.contains("disbursement.credit")).await;
    wait_for_text(&wd, "certified", |t| t == "85").await;
    assert_eq!(text(&wd, "shortfall").await, "0");
    assert_eq!(errors(&wd).await, Vec::<String>::new());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn unreadable_saved_data_gives_a_message_and_is_not_overwritten_without_asking() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    // Let the page write what it keeps first, then break it.
    tokio::time::sleep(ADDRESS_DELAY).await;
    wd.execute(
        "localStorage.setItem('ntm.store', '{\"schema\": 2, \"saved\": [{\"name\": 5}]')",
        vec![],
    )
    .await
    .unwrap();
    wd.goto(page.server.url()).await.unwrap();
    let notice = wait_for_text(&wd, "notice", |t| !t.is_empty()).await;
    assert!(
        // The input named in the planner's language, as every word of the message.
        notice.contains("dữ liệu đã lưu")
            && !notice.contains("saved data")
            && notice.contains("không bị ghi đè"),
        "{notice}"
    );
    assert_eq!(text(&wd, "certified").await, "85", "the app starts");
    type_into(&wd, "funding-credit", "1000").await;
    tokio::time::sleep(ADDRESS_DELAY).await;
    let kept = wd
        .execute("return localStorage.getItem('ntm.store')", vec![])
        .await
        .unwrap();
    assert_eq!(
        kept.json().as_str(),
        Some("{\"schema\": 2, \"saved\": [{\"name\": 5}]"),
        "not overwritten"
    );
    click(&wd, "[data-testid=discard-saved]").await;
    type_into(&wd, "funding-credit", "1500").await;
    tokio::time::sleep(ADDRESS_DELAY).await;
    let written = wd
        .execute("return localStorage.getItem('ntm.store')", vec![])
        .await
        .unwrap();
    assert!(
        written.json().as_str().unwrap_or_default().contains("1500"),
        "saving again once the user discarded it"
    );
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn a_scenario_file_goes_out_and_comes_back_exactly() {
    use ntm_planner::engine::{Model, Scenario};
    use ntm_planner::text::number::{amount, number};
    use ntm_planner::text::Lang;
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    let downloads = allow_downloads(&wd, "downloads").await;
    let model = Model::shipped();
    let plan = &model.plan;
    // What the planner sets, and what the engine makes of it.
    let mut expected = Scenario::plan();
    expected.name = Some("Cộng đồng +50%".into());
    expected.funding[plan.source_index("community").unwrap()] = Some(405.0);
    expected.investment[plan.criterion_index("housing").unwrap()] = Some(750.25);
    let o = model.run(&expected);
    let figures = |o: &ntm_planner::engine::Outcome| {
        [
            ("certified", o.certified.to_string()),
            ("avg-criteria", number(o.avg_criteria, 2, Lang::Vi)),
            ("shortfall", amount(o.funding.shortfall, 2, Lang::Vi)),
            ("idle", amount(o.funding.idle, 2, Lang::Vi)),
        ]
    };
    assert_ne!(figures(&o), figures(&model.run(&Scenario::plan())));
    name_scenario(&wd, "Cộng đồng +50%").await;
    type_into(&wd, "funding-community", "405").await;
    type_into(&wd, "investment-housing", "750,25").await;
    for (id, value) in figures(&o) {
        wait_for_text(&wd, id, |t| t == value).await;
    }
    click(&wd, "[data-testid=download-scenario]").await;
    let file = downloads.join("Cộng-đồng-50.json");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !file.exists() {
        assert!(
            Instant::now() < deadline,
            "no download in {downloads:?}: {:?}",
            std::fs::read_dir(&downloads).unwrap().collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let text_written = std::fs::read_to_string(&file).unwrap();
    // Every lever as set, nothing else: the file reads back as the scenario set.
    let read = Scenario::from_json(&text_written, plan, "file").unwrap();
    assert_eq!(read, expected);
    assert_eq!(read.to_json(plan), text_written, "canonical form");
    // The command line reads the same file and finds every figure the engine finds.
    let cli = Command::new(env!("CARGO_BIN_EXE_ntm"))
        .args(["run", "--scenario"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        cli.status.success(),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    let v: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(v, serde_json::to_value(&o).unwrap());
    // Back to the plan, then open the file: the same scenario, lever by lever.
    click(&wd, "[data-testid=reset]").await;
    wait_for_text(&wd, "certified", |t| t == "85").await;
    wd.find(By::Css("[data-testid=open-scenario]"))
        .await
        .unwrap()
        .send_keys(file.to_string_lossy())
        .await
        .unwrap();
    for (id, value) in figures(&o) {
        wait_for_text(&wd, id, |t| t == value).await;
    }
    assert_eq!(field_value(&wd, "scenario-name").await, "Cộng đồng +50%");
    for (s, source) in plan.sources.iter().enumerate() {
        let want = expected.funding[s].unwrap_or(source.amount);
        assert_eq!(
            field_value(&wd, &format!("funding-{}", source.key)).await,
            amount(want, 2, Lang::Vi),
            "{}",
            source.key
        );
    }
    let defaults = model.default_investment();
    for k in 0..CRITERIA {
        let key = &plan.criteria[k].key;
        let want = expected.investment[k].unwrap_or(defaults[k]);
        assert_eq!(
            field_value(&wd, &format!("investment-{key}")).await,
            amount(want, 2, Lang::Vi),
            "{key}"
        );
    }
    let figures = (
        text(&wd, "certified").await,
        text(&wd, "avg-criteria").await,
        text(&wd, "idle").await,
    );
    // A broken file: a message, nothing changes.
    let bad = scratch_dir("bad-scenario").join("hỏng.json");
    std::fs::write(&bad, r#"{"schema": 1, "disbursement": {"credit": 2}}"#).unwrap();
    wd.find(By::Css("[data-testid=open-scenario]"))
        .await
        .unwrap()
        .send_keys(bad.to_string_lossy())
        .await
        .unwrap();
    let notice = wait_for_text(&wd, "notice", |t| t.contains("hỏng.json")).await;
    assert!(notice.contains("disbursement.credit"), "{notice}");
    assert_eq!(text(&wd, "idle").await, figures.2);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn two_tabs_never_lose_each_others_saved_scenarios() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    let first = wd.window().await.unwrap();
    let second = wd.new_tab().await.unwrap();
    wd.switch_to_window(second.clone()).await.unwrap();
    wd.goto(page.server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    // The first tab saves a named scenario.
    wd.switch_to_window(first.clone()).await.unwrap();
    name_scenario(&wd, "Tab một").await;
    click(&wd, "[data-testid=save]").await;
    wait_for_text(&wd, "scenario-list", |t| t.contains("Tab một")).await;
    // The second tab's list follows, and its own autosave keeps the first tab's scenario.
    wd.switch_to_window(second.clone()).await.unwrap();
    wait_for_text(&wd, "scenario-list", |t| t.contains("Tab một")).await;
    type_into(&wd, "funding-direct", "100").await;
    wait_for_text(&wd, "certified", |t| t != "85").await;
    tokio::time::sleep(ADDRESS_DELAY * 2).await;
    // The second tab saves one of its own; neither list loses the other's.
    name_scenario(&wd, "Tab hai").await;
    click(&wd, "[data-testid=save]").await;
    wd.switch_to_window(first.clone()).await.unwrap();
    wd.refresh().await.unwrap();
    wait_for_text(&wd, "scenario-list", |t| {
        t.contains("Tab một") && t.contains("Tab hai")
    })
    .await;
    let saved = wd
        .find_all(By::Css("[data-testid=saved-scenario]"))
        .await
        .unwrap();
    assert_eq!(saved.len(), 2);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn blocked_storage_is_reported_and_the_page_still_works() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let wd = browser(&driver, 1366, 768).await;
    // What a browser does with site data blocked: touching localStorage throws.
    on_every_document(
        &wd,
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });",
    )
    .await;
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    let notice = wait_for_text(&wd, "notice", |t| !t.is_empty()).await;
    assert!(notice.contains("chặn lưu trữ"), "{notice}");
    click(&wd, "[data-testid=save]").await;
    wait_for_text(&wd, "scenario-list", |t| t.contains("Kế hoạch 2022")).await;
    assert!(text(&wd, "notice").await.contains("chặn lưu trữ"));
    type_into(&wd, "funding-direct", "100").await;
    wait_for_text(&wd, "certified", |t| t != "85").await;
    assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_scenario_being_worked_on_comes_back_after_the_tab_crashes() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let wd = browser(&driver, 1366, 768).await;
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    type_into(&wd, "funding-direct", "300").await;
    let working = wait_for_text(&wd, "shortfall", |t| t != "0").await;
    // Past the moment the page keeps it (a write 200 ms after the last change), the tab's
    // renderer dies: no `pagehide`, nothing flushed on the way out.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let crashing = wd.window().await.unwrap();
    let other = wd.new_tab().await.unwrap();
    wd.switch_to_window(crashing).await.unwrap();
    let _ = wd.cdp().send_raw("Page.crash", json!({})).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(wd.title().await.is_err(), "the tab is gone");
    // The planner opens the page again in another tab of the same browser.
    wd.switch_to_window(other).await.unwrap();
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "shortfall", |t| t == working).await;
    assert_eq!(field_value(&wd, "funding-direct").await, "300");
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn a_broken_imported_table_in_storage_is_named_kept_and_the_illustrative_one_used() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    // What another version, a full disk or a hand edit could leave: a table that is no table.
    let kept = r#"{"name":"xa-cua-tinh.csv","csv":"id,name\n1"}"#;
    wd.execute(
        "localStorage.setItem('ntm.table', arguments[0])",
        vec![json!(kept)],
    )
    .await
    .unwrap();
    wd.refresh().await.unwrap();
    let notice = wait_for_text(&wd, "notice", |t| t.contains("xa-cua-tinh.csv")).await;
    assert!(notice.contains("bảng minh họa"), "{notice}");
    wait_for_text(&wd, "certified", |t| t == "85").await;
    let still = wd
        .execute("return localStorage.getItem('ntm.table')", vec![])
        .await
        .unwrap();
    assert_eq!(still.json(), &json!(kept), "left as it was");
    // Not even JSON.
    wd.execute("localStorage.setItem('ntm.table', '{broken')", vec![])
        .await
        .unwrap();
    wd.refresh().await.unwrap();
    wait_for_text(&wd, "notice", |t| {
        t.contains("Bảng xã đã nhập không đọc được")
    })
    .await;
    wait_for_text(&wd, "certified", |t| t == "85").await;
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn a_full_storage_is_said_and_what_is_on_screen_stays() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    // The browser's quota reached: every write refused, as Chromium refuses it.
    wd.execute(
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
        vec![],
    )
    .await
    .unwrap();
    name_scenario(&wd, "Không lưu được").await;
    type_into(&wd, "funding-credit", "2.000").await;
    let certified = wait_for_text(&wd, "certified", |t| t != "85").await;
    click(&wd, "[data-testid=save]").await;
    let notice = wait_for_text(&wd, "notice", |t| t.contains("hết chỗ")).await;
    assert!(
        notice.contains("Không lưu được vào trình duyệt"),
        "{notice}"
    );
    // What was there is not lost: the scenario on screen, and the list shown this session.
    assert_eq!(text(&wd, "certified").await, certified);
    assert!(text(&wd, "scenario-list").await.contains("Không lưu được"));
    // The path too says so when it cannot be kept.
    click(&wd, "[data-testid=notice-close]").await;
    tokio::time::sleep(ADDRESS_DELAY).await;
    assert!(wd.find(By::Css("[data-testid=notice]")).await.is_err());
    type_into(&wd, "path-target-certified", "100").await;
    wd.find(By::Css("[data-testid=path-target-certified]"))
        .await
        .unwrap()
        .send_keys(Key::Tab)
        .await
        .unwrap();
    wait_for_text(&wd, "notice", |t| t.contains("hết chỗ")).await;
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn a_link_keeps_an_investment_at_the_tables_default_when_its_own_target_moves_the_default() {
    use ntm_planner::engine::Model;
    use ntm_planner::formats::link;
    // Its own transport target moves the scenario's default investment; the link invests the
    // table's default there on purpose, and the page must keep saying so.
    let model = Model::shipped();
    let transport = model.plan.criterion_index("transport").unwrap();
    let fragment = format!(
        "v=1&t.transport=110&i.transport={}",
        model.default_investment()[transport]
    );
    let scenario = link::decode(&fragment, &model.plan).unwrap();
    let certified = model.run(&scenario).certified.to_string();
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    // Opened afresh (a new document), not by a change of the fragment and a reload, which
    // race the first page's pending write of the link.
    wd.goto("about:blank").await.unwrap();
    wd.goto(format!("{}#{fragment}", page.server.url()))
        .await
        .unwrap();
    wait_for_text(&wd, "certified", |t| t == certified).await;
    tokio::time::sleep(ADDRESS_DELAY).await;
    let url = current_url(&wd).await;
    assert!(
        url.contains("i.transport="),
        "the investment is dropped: {url}"
    );
    // That link in a fresh browser gives the same figure.
    let other = browser(&page.driver, 1366, 768).await;
    other.goto(&url).await.unwrap();
    assert_eq!(
        wait_for_text(&other, "certified", |t| t == certified).await,
        certified
    );
    other.quit().await.unwrap();
    wd.quit().await.unwrap();
}
