//! The first screen written into the built page: the plan's headline before the wasm arrives,
//! without JavaScript at all, taken over by the live page where it stands; never the plan's
//! figures when the page will show another scenario; the wasm travelling compressed from a
//! server that compresses nothing.

use crate::harness::*;
use serde_json::json;
use std::time::Duration;

/// Where the certified figure stands and what it says, in whichever screen is up.
const CERTIFIED_PLACE: &str = r#"
const el = document.querySelector('[data-testid=certified]') || document.querySelector('[data-first=certified]');
const r = el.getBoundingClientRect();
return [el.textContent, r.left, r.top, r.width, r.height];
"#;

/// Every frame from the first paint: the headline figures visible on screen, either screen's.
const FIGURE_WATCH: &str = r#"
window.__seen = [];
window.__shifts = 0;
window.__shifted = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__shifts += e.value;
    for (const s of e.sources || []) {
      const n = s.node;
      window.__shifted.push([n ? (n.className || n.nodeName) : '?', s.previousRect.top, s.currentRect.top, s.previousRect.left, s.currentRect.left, Math.round(performance.now())]);
    }
  }
}).observe({ type: 'layout-shift', buffered: true });
window.__firstShown = false;
(function sample() {
  const first = document.querySelector('[data-first=certified]');
  if (first && first.textContent && getComputedStyle(first).visibility !== 'hidden') window.__firstShown = true;
  for (const el of document.querySelectorAll('[data-first=certified], [data-first=avg-criteria], [data-testid=certified], [data-testid=avg-criteria]')) {
    if (el.textContent && getComputedStyle(el).visibility !== 'hidden') window.__seen.push(el.textContent);
  }
  requestAnimationFrame(sample);
})();
"#;

/// Waits for the live page's `expected` certified communes, then holds every figure seen on
/// screen since the first paint to that scenario's, never the plan's.
async fn only_the_scenarios_figures(wd: &thirtyfour::WebDriver, expected: &str, plans: &[String]) {
    wait_for_text(wd, "certified", |t| t == expected).await;
    let v = wd.execute("return window.__seen", vec![]).await.unwrap();
    let figures: Vec<String> = serde_json::from_value(v.json().clone()).unwrap();
    assert!(figures.iter().any(|f| f == expected), "{figures:?}");
    for p in plans {
        assert!(
            !figures.contains(p),
            "the plan's {p} was on screen: {figures:?}"
        );
    }
}

#[tokio::test]
async fn without_javascript_the_plans_headline_shows_where_the_live_page_puts_it() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    for (width, height) in [(1366, 768), (900, 800)] {
        let quiet = browser(&driver, width, height).await;
        quiet
            .cdp()
            .send_raw(
                "Emulation.setScriptExecutionDisabled",
                json!({ "value": true }),
            )
            .await
            .unwrap();
        quiet.goto(server.url()).await.unwrap();
        let before = quiet.execute(CERTIFIED_PLACE, vec![]).await.unwrap();
        let before: (String, f64, f64, f64, f64) =
            serde_json::from_value(before.json().clone()).unwrap();
        assert_eq!(
            before.0, "85",
            "{width}: the plan's figure without JavaScript"
        );
        let said = css_text(&quiet, "[data-first=noscript]").await;
        assert!(said.contains("JavaScript"), "{width}: {said}");
        assert_eq!(css_text(&quiet, "[data-first=avg-criteria]").await, "14,63");
        if width == 1366 {
            screenshot(&quiet, "first-screen-without-javascript").await;
        }
        quiet.quit().await.unwrap();

        let wd = browser(&driver, width, height).await;
        on_every_document(&wd, FIGURE_WATCH).await;
        wd.goto(server.url()).await.unwrap();
        wait_for_text(&wd, "certified", |t| t == "85").await;
        // The live page has taken the first screen's place: gone, and nothing moved.
        let gone = wd
            .execute(
                "return document.getElementById('first-screen') === null",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(gone.json(), &json!(true));
        let after = wd.execute(CERTIFIED_PLACE, vec![]).await.unwrap();
        let after: (String, f64, f64, f64, f64) =
            serde_json::from_value(after.json().clone()).unwrap();
        for (a, b, what) in [
            (before.1, after.1, "left"),
            (before.2, after.2, "top"),
            (before.3, after.3, "width"),
            (before.4, after.4, "height"),
        ] {
            assert!(
                (a - b).abs() < 0.5,
                "{width}: the figure's {what} moved from {a} to {b}"
            );
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        let shifts = wd.execute("return window.__shifts", vec![]).await.unwrap();
        let shifted = wd.execute("return window.__shifted", vec![]).await.unwrap();
        assert_eq!(
            shifts.json().as_f64(),
            Some(0.0),
            "{width}: layout shift of {:?}",
            shifted.json()
        );
        assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
        wd.quit().await.unwrap();
    }
}

#[tokio::test]
async fn a_link_or_a_kept_scenario_never_shows_the_plans_figures() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let model = ntm_planner::engine::Model::shipped();
    let other = credit_70();
    let o = model.run(&other);
    let plan = model.run(&ntm_planner::engine::Scenario::plan());
    let expected = o.certified.to_string();
    assert_ne!(
        o.certified, plan.certified,
        "the test needs a scenario that changes the figure"
    );
    let avg = ntm_planner::text::number::number(o.avg_criteria, 2, ntm_planner::text::Lang::Vi);
    let plans: Vec<String> = vec![
        plan.certified.to_string(),
        ntm_planner::text::number::number(plan.avg_criteria, 2, ntm_planner::text::Lang::Vi),
    ];
    assert!(!plans.contains(&avg));

    // A link.
    let wd = browser(&driver, 1366, 768).await;
    on_every_document(&wd, FIGURE_WATCH).await;
    let link = ntm_planner::formats::link::encode(&other, &model.plan);
    wd.goto(&format!("{}#{link}", server.url())).await.unwrap();
    only_the_scenarios_figures(&wd, &expected, &plans).await;
    wd.quit().await.unwrap();

    // The scenario kept from the last visit.
    let profile = scratch_dir("first-screen-profile");
    let wd = browser_with_profile(&driver, 1366, 768, Some(&profile)).await;
    wd.goto(server.url()).await.unwrap();
    credit_at_70_percent(&wd).await;
    tokio::time::sleep(ADDRESS_DELAY * 2).await;
    wd.quit().await.unwrap();
    let wd = browser_with_profile(&driver, 1366, 768, Some(&profile)).await;
    on_every_document(&wd, FIGURE_WATCH).await;
    wd.goto(server.url()).await.unwrap();
    only_the_scenarios_figures(&wd, &expected, &plans).await;
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn a_server_that_compresses_nothing_delivers_the_wasm_compressed() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let raw = std::fs::metadata(dist().join("ntm-web_bg.wasm"))
        .unwrap()
        .len() as f64;
    let fetched = r#"return performance.getEntriesByType('resource')
        .filter(e => e.name.includes('ntm-web_bg'))
        .map(e => [e.name.split('/').pop(), e.transferSize]);"#;
    let wd = browser(&driver, 1366, 768).await;
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    let entries: Vec<(String, f64)> =
        serde_json::from_value(wd.execute(fetched, vec![]).await.unwrap().json().clone()).unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].0, "ntm-web_bg.wasm.gz");
    assert!(entries[0].1 < raw / 2.0, "{entries:?} of {raw} bytes");
    wd.quit().await.unwrap();
    // A browser without DecompressionStream takes the plain wasm, and the page works.
    let wd = browser(&driver, 1366, 768).await;
    on_every_document(&wd, "delete window.DecompressionStream;").await;
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    let entries: Vec<(String, f64)> =
        serde_json::from_value(wd.execute(fetched, vec![]).await.unwrap().json().clone()).unwrap();
    assert!(
        entries.iter().any(|(name, _)| name == "ntm-web_bg.wasm"),
        "{entries:?}"
    );
    assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_plans_own_address_shows_its_first_screen_again() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let profile = scratch_dir("first-screen-plan-profile");
    let wd = browser_with_profile(&driver, 1366, 768, Some(&profile)).await;
    on_every_document(&wd, FIGURE_WATCH).await;
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    // The page writes the plan's own address ("#v=1") and keeps the plan as the current one.
    tokio::time::sleep(ADDRESS_DELAY * 2).await;
    assert!(
        current_url(&wd).await.contains("#v=1"),
        "{}",
        current_url(&wd).await
    );
    wd.refresh().await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    let shown = wd
        .execute("return window.__firstShown", vec![])
        .await
        .unwrap();
    assert_eq!(
        shown.json(),
        &json!(true),
        "the first screen's figures were hidden"
    );
    wd.quit().await.unwrap();
}
