//! The shared harness: a static server for `dist/` (from a sub-folder), ChromeDriver, a
//! browser per test (one at a time), and the helpers that read and drive the page.

pub use serde_json::{json, Value};
pub use std::io::{BufRead, BufReader, Write};
pub use std::net::{TcpListener, TcpStream};
pub use std::path::{Path, PathBuf};
pub use std::process::{Child, Command, Stdio};
pub use std::sync::atomic::{AtomicBool, Ordering};
pub use std::sync::{Arc, Mutex, MutexGuard};
pub use std::time::{Duration, Instant};
pub use thirtyfour::prelude::*;

/// The page writes the storage and the address bar this long after the last change.
pub const ADDRESS_DELAY: Duration = Duration::from_millis(600);

/// Browsers are heavy on a two-core machine: one test at a time.
pub static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub fn serial() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// A browser on the page served from its sub-folder, showing the plan; one at a time.
pub struct Page {
    pub wd: WebDriver,
    pub server: StaticServer,
    pub driver: Driver,
    pub _one: MutexGuard<'static, ()>,
}

/// Lets the browser save downloads into a fresh folder under target/, and returns it.
pub async fn allow_downloads(wd: &WebDriver, name: &str) -> PathBuf {
    let dir = scratch_dir(name);
    wd.cdp()
        .send_raw(
            "Browser.setDownloadBehavior",
            json!({ "behavior": "allow", "downloadPath": dir.to_string_lossy() }),
        )
        .await
        .unwrap();
    dir
}

/// The file `name` once the browser has saved it into `downloads`, read.
pub async fn downloaded(downloads: &Path, name: &str) -> Vec<u8> {
    let path = downloads.join(name);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !path.exists() || std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) == 0 {
        assert!(Instant::now() < deadline, "no {path:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    std::fs::read(&path).unwrap()
}

pub async fn open_page(width: u32, height: u32) -> Page {
    let one = serial();
    let server = StaticServer::start();
    let driver = Driver::start();
    let wd = browser(&driver, width, height).await;
    wd.goto(server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    Page {
        wd,
        server,
        driver,
        _one: one,
    }
}

pub fn dist() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").exists() && dist.join("ntm-planner-offline.html").exists(),
        "dist/ is not built: run `trunk build --release` first (scripts/test.sh does)"
    );
    dist
}

/// A static file server for `dist/` under `/some/sub-folder/`, stoppable to test offline use.
pub struct StaticServer {
    pub port: u16,
    pub running: Arc<AtomicBool>,
    pub thread: Option<std::thread::JoinHandle<()>>,
}

pub const SUB_FOLDER: &str = "/intranet/ntm/";

impl StaticServer {
    pub fn start() -> StaticServer {
        Self::start_serving(false)
    }

    /// A server that gzips what it sends on the fly (HTML, script, style, wasm), as a server
    /// set up to compress does; [`StaticServer::start`] is one left at its defaults.
    pub fn start_compressing() -> StaticServer {
        Self::start_serving(true)
    }

    fn start_serving(compress: bool) -> StaticServer {
        let root = dist();
        if compress {
            // Compressed before the first request, as a server's cache would hold them.
            for name in [
                "index.html",
                "ntm-web.js",
                "ntm-web_bg.wasm",
                "main.css",
                "ntm-worker.js",
                "ntm-worker_bg.wasm",
            ] {
                let file = root.join(name);
                if let Ok(body) = std::fs::read(&file) {
                    gzipped(&file, &body);
                }
            }
        }
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let running = Arc::new(AtomicBool::new(true));
        let flag = running.clone();
        let thread = std::thread::spawn(move || {
            while flag.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let root = root.clone();
                        std::thread::spawn(move || serve(stream, &root, compress));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        StaticServer {
            port,
            running,
            thread: Some(thread),
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{SUB_FOLDER}", self.port)
    }

    pub fn stop(&mut self) {
        self.running.store(false, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

pub fn serve(stream: TcpStream, root: &Path, compress: bool) {
    stream.set_nonblocking(false).ok();
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut accepts_gzip = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
            break;
        }
        let lower = header.to_ascii_lowercase();
        accepts_gzip |= lower.starts_with("accept-encoding:") && lower.contains("gzip");
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split('?').next().unwrap_or("/");
    let file = path
        .strip_prefix(SUB_FOLDER)
        .map(|rest| if rest.is_empty() { "index.html" } else { rest })
        .filter(|rest| !rest.contains(".."))
        .map(|rest| root.join(rest));
    let mut stream = stream;
    match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
        Some((f, body)) => {
            let kind = match f.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                _ => "application/octet-stream",
            };
            let (body, encoding) = if compress && accepts_gzip && kind != "application/octet-stream"
            {
                (gzipped(&f, &body), "Content-Encoding: gzip\r\n")
            } else {
                (body, "")
            };
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n{encoding}Content-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = stream
                .write_all(head.as_bytes())
                .and_then(|_| stream.write_all(&body));
        }
        None => {
            let _ = stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    }
}

/// A file as the compressing server sends it, compressed once (the test build's deflate is far
/// slower than a server's; a cold load measures the link, not this program).
fn gzipped(file: &Path, body: &[u8]) -> Vec<u8> {
    static KEPT: Mutex<Vec<(PathBuf, Vec<u8>)>> = Mutex::new(Vec::new());
    let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, packed)) = kept
        .iter()
        .find(|(f, packed)| f == file && !packed.is_empty())
    {
        return packed.clone();
    }
    let packed = gzip(body);
    kept.push((file.to_path_buf(), packed.clone()));
    packed
}

/// A gzip file of `data` at level 6, a server's usual setting.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    out.extend(miniz_oxide::deflate::compress_to_vec(data, 6));
    out.extend((!crc).to_le_bytes());
    out.extend((data.len() as u32).to_le_bytes());
    out
}

/// chromedriver on a free port, stopped when dropped.
pub struct Driver {
    pub process: Child,
    pub port: u16,
}

impl Driver {
    pub fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let process = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {binary}: {e} (scripts/setup.sh --browser installs it)")
            });
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { process, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Catches console errors and uncaught exceptions from the first script of every page.
pub const ERROR_CATCHER: &str = r#"
window.__errors = [];

pub const original = console.error.bind(console);
console.error = (...args) => { window.__errors.push(args.map(String).join(" ")); original(...args); };
window.addEventListener("error", (e) => window.__errors.push("error: " + e.message));
window.addEventListener("unhandledrejection", (e) => window.__errors.push("rejection: " + e.reason));
document.addEventListener("securitypolicyviolation", (e) => window.__errors.push("content security policy: " + e.violatedDirective + " " + e.blockedURI));
"#;

pub async fn browser(driver: &Driver, width: u32, height: u32) -> WebDriver {
    browser_with_profile(driver, width, height, None).await
}

/// A browser keeping its profile in `profile`, so that closing it and opening it again finds
/// what the page kept.
pub async fn browser_with_profile(
    driver: &Driver,
    width: u32,
    height: u32,
    profile: Option<&Path>,
) -> WebDriver {
    let mut caps = DesiredCapabilities::chrome();
    if let Some(dir) = profile {
        caps.add_arg(&format!("--user-data-dir={}", dir.display()))
            .unwrap();
    }
    for arg in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        &format!("--window-size={width},{height}"),
    ] {
        caps.add_arg(arg).unwrap();
    }
    if let Ok(binary) = std::env::var("CHROME_BINARY") {
        caps.set_binary(&binary).unwrap();
    } else if Path::new("/usr/bin/chromium").exists() {
        caps.set_binary("/usr/bin/chromium").unwrap();
    }
    let wd = WebDriver::new(format!("http://127.0.0.1:{}", driver.port), caps)
        .await
        .expect("a browser session");
    on_every_document(&wd, ERROR_CATCHER).await;
    wd
}

/// Runs `script` in every document the browser opens from now on, before the page's own.
pub async fn on_every_document(wd: &WebDriver, script: &str) {
    wd.cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        )
        .await
        .unwrap();
}

pub async fn errors(wd: &WebDriver) -> Vec<String> {
    let v = wd
        .execute("return window.__errors || []", vec![])
        .await
        .unwrap();
    serde_json::from_value(v.json().clone()).unwrap_or_default()
}

pub async fn wait_for_text(wd: &WebDriver, testid: &str, wanted: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(el) = wd
            .find(By::Css(format!("[data-testid=\"{testid}\"]")))
            .await
        {
            if let Ok(text) = el.text().await {
                if wanted(text.trim()) {
                    return text.trim().to_string();
                }
            }
        }
        if Instant::now() > deadline {
            let errs = errors(wd).await;
            let seen = match wd
                .find(By::Css(format!("[data-testid=\"{testid}\"]")))
                .await
            {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => "(not on the page)".into(),
            };
            panic!(
                "{testid} never showed what was expected; it shows {seen:?} (console: {errs:?})"
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Runs `script` every 25 ms, at most `tries` times, until it returns an array; what it last
/// returned (null when it never did).
pub async fn poll_for_array(wd: &WebDriver, script: &str, tries: usize) -> Value {
    let mut got = Value::Null;
    for _ in 0..tries {
        got = wd.execute(script, vec![]).await.unwrap().json().clone();
        if got.is_array() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    got
}

pub async fn text(wd: &WebDriver, testid: &str) -> String {
    wd.find(By::Css(format!("[data-testid=\"{testid}\"]")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .trim()
        .to_string()
}

/// Types into a field as a user does: select all, type, and let the page react.
pub async fn type_into(wd: &WebDriver, testid: &str, value: &str) {
    let el = wd
        .find(By::Css(format!("[data-testid=\"{testid}\"]")))
        .await
        .unwrap();
    el.scroll_into_view().await.unwrap();
    el.click().await.unwrap();
    el.send_keys(Key::Control + "a").await.unwrap();
    el.send_keys(Key::Backspace).await.unwrap();
    el.send_keys(value).await.unwrap();
    tokio::time::sleep(Duration::from_millis(150)).await;
}

/// A criterion's row of the criteria table, without the risk band (which comes when the
/// draws are done, at its own pace).
pub async fn criterion_row(wd: &WebDriver, key: &str) -> String {
    let cells = wd
        .find_all(By::Css(format!(
            "[data-testid=\"criterion-{key}\"] th, [data-testid=\"criterion-{key}\"] td:not(.band)"
        )))
        .await
        .unwrap_or_default();
    let mut parts = Vec::new();
    for c in cells {
        parts.push(c.text().await.unwrap_or_default().trim().to_string());
    }
    parts.join(" ")
}

pub async fn wait_for_criterion_row(
    wd: &WebDriver,
    key: &str,
    wanted: impl Fn(&str) -> bool,
) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let row = criterion_row(wd, key).await;
        if wanted(&row) {
            return row;
        }
        assert!(Instant::now() < deadline, "criterion {key} shows {row:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text of the first element `css` finds.
pub async fn css_text(wd: &WebDriver, css: &str) -> String {
    wd.find(By::Css(css)).await.unwrap().text().await.unwrap()
}

/// Opens a `<details>` panel by its test id, as a click on its summary does.
pub async fn open_details(wd: &WebDriver, testid: &str) {
    wd.execute(
        &format!("document.querySelector('[data-testid={testid}]').open = true"),
        vec![],
    )
    .await
    .unwrap();
}

pub async fn click(wd: &WebDriver, css: &str) {
    let el = wd.find(By::Css(css)).await.unwrap();
    el.scroll_into_view().await.unwrap();
    el.click().await.unwrap();
    tokio::time::sleep(Duration::from_millis(150)).await;
}

/// Scrolls the element with this test id into view.
pub async fn scroll_to(wd: &WebDriver, testid: &str) {
    wd.execute(
        &format!("document.querySelector('[data-testid={testid}]').scrollIntoView()"),
        vec![],
    )
    .await
    .unwrap();
}

pub async fn screenshot(wd: &WebDriver, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    wd.screenshot(&dir.join(format!("{name}.png")))
        .await
        .unwrap();
}

/// Credit disbursed at 70%: 960 billion VND short (the preset's figures).
pub async fn credit_at_70_percent(wd: &WebDriver) {
    open_assumptions(wd).await;
    type_into(wd, "disbursement-credit", "70").await;
    wait_for_text(wd, "shortfall", |t| t == "960").await;
}

/// Gives the scenario a name, as a user does: type it, leave the field.
pub async fn name_scenario(wd: &WebDriver, name: &str) {
    type_into(wd, "scenario-name", name).await;
    wd.find(By::Css("[data-testid=scenario-name]"))
        .await
        .unwrap()
        .send_keys(Key::Tab)
        .await
        .unwrap();
}

pub async fn open_assumptions(wd: &WebDriver) {
    wd.execute(
        "document.querySelector('details.assumptions').open = true",
        vec![],
    )
    .await
    .unwrap();
}

pub fn credit_70() -> ntm_planner::engine::Scenario {
    let mut s = ntm_planner::engine::Scenario::plan();
    s.disbursement[3] = Some(0.7);
    s
}

/// The risk of `scenario` with the default settings and `seed`, computed natively.
pub fn native_risk(
    scenario: &ntm_planner::engine::Scenario,
    seed: u64,
) -> ntm_planner::engine::risk::RiskOutcome {
    use ntm_planner::engine::risk::{RiskRun, RiskSettings};
    let model = ntm_planner::engine::Model::shipped();
    let settings = RiskSettings {
        seed,
        ..RiskSettings::default_for(&model.plan)
    };
    RiskRun::new(&model, scenario, settings).run()
}

/// Waits for the page's risk figures to be exactly the native ones.
pub async fn expect_risk(wd: &WebDriver, expected: &ntm_planner::engine::risk::RiskOutcome) {
    use ntm_planner::text::number::{number, percent};
    use ntm_planner::text::Lang;
    let c = expected.certified;
    for (p, v) in [("p10", c.p10), ("p50", c.p50), ("p90", c.p90)] {
        let want = number(v, 0, Lang::Vi);
        wait_for_text(wd, &format!("risk-certified-{p}"), |t| t == want).await;
    }
    let a = expected.avg_criteria;
    for (p, v) in [("p10", a.p10), ("p50", a.p50), ("p90", a.p90)] {
        assert_eq!(
            text(wd, &format!("risk-avg-{p}")).await,
            number(v, 2, Lang::Vi)
        );
    }
    let chance = percent(expected.chance_certified, 0, Lang::Vi);
    let sentence = text(wd, "risk-chance-certified").await;
    assert!(sentence.ends_with(&chance), "{sentence} / {chance}");
}

/// p50 and p95 of the time from an input event to updated figures, charts and grid.
/// From a lever's `input` event to the next paint, p50 and p95 in ms, against the same for an
/// `input` event on a detached field (the floor: what any input costs to reach a paint). Each
/// input is dispatched just after a paint (a message posted from `requestAnimationFrame`
/// arrives once the frame is painted), and the time runs until the frame after it is painted.
/// Returns (p50, p95, floor p50, floor p95, whether the charts changed).
pub async fn measure(wd: &WebDriver, testid: &str, values: &[f64]) -> (f64, f64, f64, f64, bool) {
    measure_watching(wd, testid, values, "[data-testid=\"chart-sources\"] canvas").await
}

/// As [`measure`], saying whether the canvas `watched` (a CSS selector) changed with the input.
pub async fn measure_watching(
    wd: &WebDriver,
    testid: &str,
    values: &[f64],
    watched: &str,
) -> (f64, f64, f64, f64, bool) {
    let script = r#"
        const [testid, values, watched] = arguments;
        const input = document.querySelector(`[data-testid="${testid}"]`);
        const detached = document.createElement('input');
        const painted = () => new Promise((r) => requestAnimationFrame(() => {
            const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0);
        }));
        const quantiles = (times) => {
            times.sort((a, b) => a - b);
            const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
            return [q(0.5), q(0.95)];
        };
        // The charts come a frame after the headline: looked up when read.
        const shown = () => {
            const chart = document.querySelector(watched);
            return chart ? chart.toDataURL() : '';
        };
        let changed = false;
        const run = async (field) => {
            const times = [];
            let last = shown();
            for (const v of values) {
                await painted();
                const t0 = performance.now();
                field.value = String(v).replace('.', ',');
                field.dispatchEvent(new Event('input', { bubbles: true }));
                times.push((await painted()) - t0);
                if (field === input && shown() !== last) { changed = true; last = shown(); }
            }
            return quantiles(times);
        };
        const floor = await run(detached);
        const lever = await run(input);
        return [lever[0], lever[1], floor[0], floor[1], changed];
    "#;
    let r = wd
        .execute(script, vec![json!(testid), json!(values), json!(watched)])
        .await
        .unwrap();
    let v: Value = r.json().clone();
    (
        v[0].as_f64().unwrap(),
        v[1].as_f64().unwrap(),
        v[2].as_f64().unwrap(),
        v[3].as_f64().unwrap(),
        v[4].as_bool().unwrap(),
    )
}
// ---- Keeping, sharing and importing -------------------------------------------------------

pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/e2e-files")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub async fn field_value(wd: &WebDriver, testid: &str) -> String {
    let el = wd
        .find(By::Css(format!("[data-testid=\"{testid}\"]")))
        .await
        .unwrap();
    el.prop("value").await.unwrap().unwrap_or_default()
}

pub async fn current_url(wd: &WebDriver) -> String {
    wd.current_url().await.unwrap().to_string()
}

pub fn base64_decode(text: &str) -> Vec<u8> {
    let table = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|&c| u32::from(table(c))).collect();
        let n = v
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, x)| acc | (x << (18 - 6 * i)));
        out.push((n >> 16) as u8);
        if chunk.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if chunk.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}

pub async fn select_value(wd: &WebDriver, testid: &str, value: &str) {
    let select = wd
        .find(By::Css(format!("[data-testid=\"{testid}\"]")))
        .await
        .unwrap();
    select.scroll_into_view().await.unwrap();
    thirtyfour::components::SelectElement::new(&select)
        .await
        .unwrap()
        .select_by_value(value)
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(150)).await;
}

/// Chooses `file` in the file field `testid`, as a planner picks it in the file dialog.
pub async fn choose_file(wd: &WebDriver, testid: &str, file: &Path) {
    wd.find(By::Css(format!("[data-testid=\"{testid}\"]")))
        .await
        .unwrap()
        .send_keys(file.to_string_lossy())
        .await
        .unwrap();
}

/// Imports the synthetic national table (8,248 communes) through the import, its preview and
/// "replace the table", as a planner does; returns its CSV.
pub async fn import_country_table(wd: &WebDriver) -> String {
    let plan = ntm_planner::engine::Plan::lang_son_2022();
    let admin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/admin/communes-vietnam.csv"),
    )
    .unwrap();
    let csv = crate::generate::synthetic_national(&plan, &admin, 7)
        .unwrap()
        .to_csv(&ntm_planner::engine::Plan::lang_son_2022());
    let file = scratch_dir("country").join("communes-vietnam.csv");
    std::fs::write(&file, &csv).unwrap();
    choose_file(wd, "import-table", &file).await;
    wait_for_text(wd, "import-report", |t| t.contains("8248")).await;
    click(wd, "[data-testid=import-confirm]").await;
    wait_for_text(wd, "table-in-use", |t| t.contains("communes-vietnam.csv")).await;
    csv
}
