//! The built page (`dist/`, after `trunk build --release`; scripts/test.sh builds it first):
//! the first screen written into index.html holds the plan's headline as `ntm run` prints it,
//! and the wasm ships gzipped beside itself.

use std::path::Path;
use std::process::Command;

fn dist(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("dist")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (dist/ is built first: trunk build --release)",
            path.display()
        )
    })
}

/// The text of the element marked `data-first="{key}"` in the built page.
fn first(html: &str, key: &str) -> String {
    let mark = format!("data-first=\"{key}\">");
    let start = html
        .find(&mark)
        .unwrap_or_else(|| panic!("no {key} in the first screen"))
        + mark.len();
    let end = start + html[start..].find('<').unwrap();
    html[start..end]
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[test]
fn the_built_page_holds_the_plans_headline_as_ntm_run_prints_it() {
    let html = String::from_utf8(dist("index.html")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_ntm"))
        .args(["run", "--format", "table"])
        .output()
        .expect("ntm runs");
    let table = String::from_utf8(out.stdout).unwrap();
    // Each card's line: "label   figure / note" or "label   figure (note)".
    let mut compared = 0;
    for (key, line) in [
        "certified",
        "avg-criteria",
        "border-avg",
        "shortfall",
        "idle",
    ]
    .iter()
    .zip(table.lines().skip(3))
    {
        let figure = first(&html, key);
        let note = first(&html, &format!("{key}-note"));
        assert!(
            line.contains(&format!(" {figure} / {note}"))
                || line.contains(&format!(" {figure} ({note})")),
            "{key}: the page says {figure} ({note}), ntm run: {line}"
        );
        compared += 1;
    }
    assert_eq!(compared, 5, "{table}");
    assert_eq!(first(&html, "certified"), "85");
    // Without JavaScript the page says what the rest needs.
    assert!(html.contains("<noscript>") && first(&html, "noscript").contains("JavaScript"));
    // The figures are hidden where the page will show another scenario, table or language.
    assert!(html.contains("classList.add(\"kept\")"));
}

#[test]
fn the_wasm_ships_gzipped_and_unpacks_to_itself() {
    for name in ["ntm-web_bg.wasm", "ntm-worker_bg.wasm"] {
        let wasm = dist(name);
        let packed = dist(&format!("{name}.gz"));
        assert_eq!(
            &packed[..3],
            &[0x1f, 0x8b, 8],
            "{name}: a gzip file of deflate"
        );
        assert!(
            packed.len() * 2 < wasm.len(),
            "{name}: {} of {}",
            packed.len(),
            wasm.len()
        );
        // The deflate stream after the 10-byte header (no name, no extra field: flags 0).
        assert_eq!(packed[3], 0, "{name}: no optional gzip fields");
        let body = &packed[10..packed.len() - 8];
        let unpacked = miniz_oxide::inflate::decompress_to_vec(body).expect("inflates");
        assert!(unpacked == wasm, "{name}: the .gz unpacks to the wasm");
        let size = u32::from_le_bytes(packed[packed.len() - 4..].try_into().unwrap());
        assert_eq!(size as usize, wasm.len());
    }
    // The loaders fetch the .gz (the worker's through its wasm_bindgen, wrapped), the preload
    // is of it, and the service worker keeps them.
    let html = String::from_utf8(dist("index.html")).unwrap();
    assert!(html.contains("packedWasm('./ntm-web_bg.wasm')"));
    assert!(html.contains("fetch(url + \".gz\")"));
    assert!(html.contains("<link rel=\"preload\" href=\"./ntm-web_bg.wasm.gz\""));
    assert!(!html.contains("<link rel=\"preload\" href=\"./ntm-web_bg.wasm\""));
    let worker = String::from_utf8(dist("ntm-worker.js")).unwrap();
    assert!(worker.contains("init({ module_or_path: packedWasm(arg) })"));
    let sw = String::from_utf8(dist("sw.js")).unwrap();
    assert!(sw.contains("\"./ntm-web_bg.wasm.gz\"") && sw.contains("\"./ntm-worker_bg.wasm.gz\""));
}
