//! Benchmarks and a profile of the page, ignored by default (BENCHMARKS.md has the figures).

use crate::harness::*;

#[tokio::test]
#[ignore = "a benchmark: run with --ignored and record the figures in BENCHMARKS.md"]
async fn browser_benchmark() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    let values: Vec<f64> = (0..200).map(|i| 40.0 + f64::from(i % 61)).collect();
    let report = |what: &str, (p50, p95, f50, f95, _): (f64, f64, f64, f64, bool)| {
        println!(
            "{what}: input → next paint p50 {p50:.1} ms, p95 {p95:.1} ms; no-op input p50 {f50:.1}, p95 {f95:.1}; beyond the no-op at p95: {:+.1} ms",
            p95 - f95
        )
    };
    let m = measure(&wd, "disbursement-credit", &values).await;
    report("province (181 communes), page at the top", m);
    wd.execute(
        "document.querySelector('[data-testid=chart-criteria]').scrollIntoView()",
        vec![],
    )
    .await
    .unwrap();
    let m = measure(&wd, "disbursement-credit", &values).await;
    assert!(m.4, "the charts in view followed the input");
    report("province (181 communes), charts in view", m);
    wd.execute(
        "document.querySelector('[data-testid=communes-grid]').scrollIntoView()",
        vec![],
    )
    .await
    .unwrap();
    report(
        "province (181 communes), communes grid in view",
        measure(&wd, "disbursement-credit", &values).await,
    );
    wd.execute("window.scrollTo(0, 0)", vec![]).await.unwrap();

    let plan = ntm_planner::engine::Plan::lang_son_2022();
    let admin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/admin/communes-vietnam.csv"),
    )
    .unwrap();
    let national = crate::generate::synthetic_national(&plan, &admin, 7)
        .unwrap()
        .to_csv(&ntm_planner::engine::Plan::lang_son_2022());
    // Loaded as a planner loads it: through the import, its preview and "replace the table".
    let file = scratch_dir("benchmark").join("communes-vietnam.csv");
    std::fs::write(&file, national).unwrap();
    let t0 = Instant::now();
    wd.find(By::Css("[data-testid=import-table]"))
        .await
        .unwrap()
        .send_keys(file.to_string_lossy())
        .await
        .unwrap();
    wait_for_text(&wd, "import-report", |t| t.contains("8248")).await;
    click(&wd, "[data-testid=import-confirm]").await;
    wait_for_text(&wd, "table-in-use", |t| t.contains("communes-vietnam.csv")).await;
    println!(
        "national table (8,248 communes) imported in {:.0} ms (file read, preview, replace)",
        t0.elapsed().as_secs_f64() * 1000.0
    );
    // The plan's targets are below a national baseline, so give the credit criteria work to do.
    for key in ["housing", "income", "poverty", "production", "environment"] {
        type_into(&wd, &format!("investment-{key}"), "20000").await;
    }
    type_into(&wd, "funding-credit", "100000").await;
    let m = measure(&wd, "disbursement-credit", &values).await;
    report("country (8,248 communes), page at the top", m);
    wd.quit().await.unwrap();
}

#[tokio::test]
#[ignore = "a profile, for looking into the page's speed"]
async fn browser_profile() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    let cdp = wd.cdp();
    cdp.send_raw("Profiler.enable", json!({})).await.unwrap();
    cdp.send_raw("Profiler.setSamplingInterval", json!({"interval": 100}))
        .await
        .unwrap();
    cdp.send_raw("Profiler.start", json!({})).await.unwrap();
    let values: Vec<f64> = (0..60).map(|i| 40.0 + f64::from(i % 61)).collect();
    let (p50, p95, _, _, _) = measure(&wd, "disbursement-credit", &values).await;
    let profile = cdp.send_raw("Profiler.stop", json!({})).await.unwrap();
    println!("p50 {p50:.1} p95 {p95:.1}");
    let sizes = wd.execute("return [...document.querySelectorAll('.chart-svg, [data-testid=communes-grid] tbody')].map(e => e.innerHTML.length + ' ' + e.querySelectorAll('*').length)", vec![]).await.unwrap();
    println!("sizes {:?}", sizes.json());
    let nodes = profile["profile"]["nodes"].as_array().unwrap();
    let samples = profile["profile"]["samples"].as_array().unwrap();
    let mut by_id = std::collections::HashMap::new();
    for n in nodes {
        by_id.insert(
            n["id"].as_i64().unwrap(),
            n["callFrame"]["functionName"]
                .as_str()
                .unwrap_or("")
                .to_string(),
        );
    }
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for s in samples {
        *counts
            .entry(by_id[&s.as_i64().unwrap()].clone())
            .or_default() += 1;
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1));
    for (name, c) in v.iter().take(25) {
        println!("{c:6} {name}");
    }
    wd.quit().await.unwrap();
}

/// The risk run in the page: 10,000 draws of the province from the change of the draws field
/// to the finished summary, and the longest main-thread task meanwhile (long tasks API), in the
/// worker and on the main thread (the single file from file://).
/// `cargo test --release --test e2e -- --ignored --nocapture risk_benchmark`
#[tokio::test]
#[ignore = "a benchmark: run with --ignored and record the figures in BENCHMARKS.md"]
async fn risk_benchmark() {
    let script = r#"
        const done = arguments[arguments.length - 1];
        const [draws] = arguments;
        const status = document.querySelector('[data-testid="risk-status"]');
        const field = document.querySelector('[data-testid="risk-draws"]');
        let longest = 0;
        const observer = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
        });
        observer.observe({ type: 'longtask' });
        const start = performance.now();
        field.value = String(draws);
        field.dispatchEvent(new Event('change', { bubbles: true }));
        const check = () => {
            if (status.textContent.includes('xong ' + draws)) {
                observer.disconnect();
                done([performance.now() - start, longest]);
            } else {
                requestAnimationFrame(check);
            }
        };
        requestAnimationFrame(check);
    "#;
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    for (place, url) in [
        ("worker", server.url()),
        (
            "main thread (file://)",
            format!(
                "file://{}",
                dist().join("ntm-planner-offline.html").display()
            ),
        ),
    ] {
        let wd = browser(&driver, 1366, 768).await;
        wd.goto(&url).await.unwrap();
        wait_for_text(&wd, "risk-status", |t| t.contains("xong 1000")).await;
        for draws in [10_000, 9_999, 10_000] {
            let out = wd.execute_async(script, vec![json!(draws)]).await.unwrap();
            let v: Vec<f64> = serde_json::from_value(out.json().clone()).unwrap();
            println!(
                "risk {place}: {draws} draws in {:.0} ms, longest main-thread task {:.0} ms",
                v[0], v[1]
            );
        }
        wd.quit().await.unwrap();
    }
}

#[tokio::test]
#[ignore = "a profile, for looking into the page's speed"]
async fn browser_metrics() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    let cdp = wd.cdp();
    cdp.send_raw("Performance.enable", json!({})).await.unwrap();
    let values: Vec<f64> = (0..60).map(|i| 40.0 + f64::from(i % 61)).collect();
    let hide = std::env::var("NTM_HIDE").unwrap_or_default();
    if !hide.is_empty() {
        wd.execute(&format!("const s = document.createElement('style'); s.textContent = `{hide}`; document.head.appendChild(s)"), vec![]).await.unwrap();
    }
    for (what, target) in [
        ("top", ""),
        ("charts", "[data-testid=chart-criteria]"),
        ("grid", "[data-testid=communes-grid]"),
    ] {
        if !target.is_empty() {
            wd.execute(
                &format!("document.querySelector('{target}').scrollIntoView()"),
                vec![],
            )
            .await
            .unwrap();
        }
        let before = cdp
            .send_raw("Performance.getMetrics", json!({}))
            .await
            .unwrap();
        let (p50, p95, _, _, _) = measure(&wd, "disbursement-credit", &values).await;
        let after = cdp
            .send_raw("Performance.getMetrics", json!({}))
            .await
            .unwrap();
        let get = |m: &Value, name: &str| {
            m["metrics"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["name"] == name)
                .map(|x| x["value"].as_f64().unwrap())
                .unwrap_or(0.0)
        };
        let per = |name: &str| {
            (get(&after, name) - get(&before, name)) * 1000.0 / (2.0 * values.len() as f64)
        };
        println!(
            "{what}: p50 {p50:.1} p95 {p95:.1}; per input (ms): script {:.1}, style {:.1}, layout {:.1}, task {:.1}",
            per("ScriptDuration"), per("RecalcStyleDuration"), per("LayoutDuration"), per("TaskDuration")
        );
    }
    wd.quit().await.unwrap();
}

/// Marks, in the page, when the headline's certified figure is first on screen: the time the
/// browser painted it (Element Timing's `renderTime`, in ms from navigation start; the watcher
/// marks the figure for timing as soon as it has text, before its first paint). Also the older
/// mark, the first task after that frame (`__headlineTaskAt`), which counts whatever work the
/// page queued ahead of it (the rest of the page, built after the headline's frame).
const HEADLINE_WATCH: &str = r#"
new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
        if (e.identifier === 'headline' && window.__headlineAt === undefined) {
            window.__headlineAt = e.renderTime || e.loadTime;
        }
    }
}).observe({ type: 'element', buffered: true });
new MutationObserver((_, observer) => {
    const figure = document.querySelector('[data-testid=certified]');
    if (figure && figure.textContent.trim() && window.__headlineTaskAt === undefined) {
        window.__headlineTaskAt = null;
        figure.setAttribute('elementtiming', 'headline');
        observer.disconnect();
        requestAnimationFrame(() => {
            const c = new MessageChannel();
            c.port1.onmessage = () => { window.__headlineTaskAt = performance.now(); };
            c.port2.postMessage(0);
        });
    }
}).observe(document, { childList: true, subtree: true, characterData: true });
"#;

#[tokio::test]
#[ignore = "a benchmark: run with --ignored and record the figures in BENCHMARKS.md"]
async fn start_benchmark() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for _ in 0..8 {
        // A new browser each time: an empty cache, nothing compiled (a cold load).
        let wd = browser(&driver, 1366, 768).await;
        on_every_document(&wd, HEADLINE_WATCH).await;
        for (i, times) in [&mut cold, &mut warm].into_iter().enumerate() {
            if i == 0 {
                wd.goto(server.url()).await.unwrap();
            } else {
                wd.refresh().await.unwrap();
            }
            let at = poll_for_array(
                &wd,
                "return window.__headlineAt && window.__headlineTaskAt ? [window.__headlineAt, window.__headlineTaskAt] : null",
                200,
            )
            .await;
            let painted = at[0].as_f64().expect("the headline is painted");
            times.push((painted, at[1].as_f64().unwrap_or(f64::NAN)));
            if std::env::var_os("NTM_START_DETAIL").is_some() {
                let detail = wd
                    .execute("const n = performance.getEntriesByType('navigation')[0]; return [n.responseEnd, n.domContentLoadedEventEnd, ...performance.getEntriesByType('resource').map(r => r.name.split('/').pop() + ' ' + Math.round(r.startTime) + '→' + Math.round(r.responseEnd))]", vec![])
                    .await
                    .unwrap();
                println!("{}", detail.json());
            }
        }
        wd.quit().await.unwrap();
    }
    for (what, times) in [("cold", &mut cold), ("warm (reload)", &mut warm)] {
        for (mark, pick) in [("headline painted", 0), ("first task after that frame", 1)] {
            let mut t: Vec<f64> = times
                .iter()
                .map(|&(p, task)| if pick == 0 { p } else { task })
                .collect();
            t.sort_by(f64::total_cmp);
            println!(
                "{what}: {mark} {:.0} ms after navigation (median of {}; {:.0}–{:.0})",
                t[t.len() / 2],
                t.len(),
                t[0],
                t[t.len() - 1]
            );
        }
    }
}

#[tokio::test]
#[ignore = "a profile, for looking into the page's start"]
async fn start_profile() {
    let _one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let wd = browser(&driver, 1366, 768).await;
    let cdp = wd.cdp();
    cdp.send_raw("Profiler.enable", json!({})).await.unwrap();
    cdp.send_raw("Profiler.setSamplingInterval", json!({"interval": 200}))
        .await
        .unwrap();
    cdp.send_raw("Profiler.start", json!({})).await.unwrap();
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| !t.is_empty()).await;
    let profile = cdp.send_raw("Profiler.stop", json!({})).await.unwrap();
    // The whole profile, for a closer look (Chromium's DevTools opens a .cpuprofile).
    if let Some(file) = std::env::var_os("NTM_PROFILE_FILE") {
        std::fs::write(file, profile["profile"].to_string()).unwrap();
    }
    let nodes = profile["profile"]["nodes"].as_array().unwrap();
    let samples = profile["profile"]["samples"].as_array().unwrap();
    let deltas = profile["profile"]["timeDeltas"].as_array().unwrap();
    let mut by_id = std::collections::HashMap::new();
    for n in nodes {
        let f = &n["callFrame"];
        by_id.insert(
            n["id"].as_i64().unwrap(),
            format!(
                "{} {}",
                f["functionName"].as_str().unwrap_or(""),
                f["url"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
            ),
        );
    }
    // Each node's parent, to count a sample for every function on its stack (inclusive time,
    // each name once a sample so that recursion is not counted twice).
    let mut parent = std::collections::HashMap::new();
    for n in nodes {
        for c in n["children"].as_array().into_iter().flatten() {
            parent.insert(c.as_i64().unwrap(), n["id"].as_i64().unwrap());
        }
    }
    let mut own: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    let mut within: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    for (s, d) in samples.iter().zip(deltas) {
        let ms = d.as_f64().unwrap_or(0.0) / 1000.0;
        let mut id = s.as_i64().unwrap();
        *own.entry(by_id[&id].clone()).or_default() += ms;
        let mut seen = std::collections::HashSet::new();
        loop {
            if seen.insert(by_id[&id].clone()) {
                *within.entry(by_id[&id].clone()).or_default() += ms;
            }
            match parent.get(&id) {
                Some(&p) => id = p,
                None => break,
            }
        }
    }
    for (what, ms) in [("self", own), ("inclusive", within)] {
        let mut v: Vec<_> = ms.into_iter().collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1));
        println!("{what}:");
        for (name, t) in v.iter().take(if what == "self" {
            30
        } else {
            std::env::var("NTM_PROFILE_LINES")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(60)
        }) {
            println!("{t:8.1} ms {}", name.chars().take(160).collect::<String>());
        }
    }
    wd.quit().await.unwrap();
}

/// The longest task the page runs (PerformanceObserver `longtask`, 50 ms and more) from
/// `action` (a script) until `wait_ms` after the paint that follows `ready` (a CSS selector)
/// being on the page, and the time from the action to that paint.
async fn longest_task(wd: &WebDriver, action: &str, ready: &str, wait_ms: u64) -> (f64, f64) {
    let script = format!(
        r#"const done = arguments[arguments.length - 1];
        window.__long = 0;
        const seen = new PerformanceObserver((list) => {{
            for (const e of list.getEntries()) window.__long = Math.max(window.__long, e.duration);
        }});
        seen.observe({{ type: 'longtask' }});
        const t0 = performance.now();
        {action};
        const look = () => {{
            if (document.querySelector({ready:?})) {{
                requestAnimationFrame(() => {{
                    const c = new MessageChannel();
                    c.port1.onmessage = () => {{
                        const shown = performance.now() - t0;
                        setTimeout(() => {{ seen.disconnect(); done([window.__long, shown]); }}, {wait_ms});
                    }};
                    c.port2.postMessage(0);
                }});
            }} else setTimeout(look, 5);
        }};
        look();"#
    );
    let v = wd.execute_async(&script, vec![]).await.unwrap();
    let v: Value = v.json().clone();
    (v[0].as_f64().unwrap_or(0.0), v[1].as_f64().unwrap_or(0.0))
}

/// What the years and goals cost in the page: the path and the margins once the levers settle,
/// and a goal sought, on the province's table and on the country's.
#[tokio::test]
#[ignore = "a benchmark: run with --ignored and record the figures in BENCHMARKS.md"]
async fn analysis_benchmark() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    let settle = r#"const f = document.querySelector('[data-testid="disbursement-credit"]');
        f.value = String(40 + Math.floor(Math.random() * 60)); f.dispatchEvent(new Event('input', { bubbles: true }))"#;
    let seek = "document.querySelector('[data-testid=goal-run]').click()";
    for table in ["province (181 communes)", "country (8,248 communes)"] {
        if table.starts_with("country") {
            import_country_table(&wd).await;
            tokio::time::sleep(Duration::from_millis(1500)).await;
        }
        let mut settled = Vec::new();
        for _ in 0..5 {
            settled.push(longest_task(&wd, settle, "body", 1500).await.0);
        }
        settled.sort_by(f64::total_cmp);
        println!(
            "{table}: longest task after a lever settles (path, margins, risk job), median of 5: {:.0} ms",
            settled[2]
        );
        // Goals beyond what the table certifies already.
        let now: u32 = text(&wd, "certified")
            .await
            .replace('.', "")
            .parse()
            .unwrap();
        for more in [10, 50, 200] {
            let value = (now + more).to_string();
            // Another goal picked and back: the last answer goes.
            select_value(&wd, "goal-target", "avg_criteria").await;
            select_value(&wd, "goal-target", "certified").await;
            type_into(&wd, "goal-value", &value).await;
            let (long, shown) = longest_task(&wd, seek, "[data-testid=goal-total]", 300).await;
            println!(
                "{table}: seek certified = {value}: answer painted {shown:.0} ms after the click, longest task {long:.0} ms"
            );
        }
    }
    wd.quit().await.unwrap();
}
