//! The layout keeps its direction, read from the paths the code names (`use` lines, grouped
//! ones included, and paths written inline): the engine depends on nothing else of the crate;
//! text, what each surface shows, formats and charts only on what is below them; nothing but
//! the page depends on the web; and in the page, views read state and shared parts, never
//! each other, and no file grows past about 400 lines.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The code of a file, without its unit tests and comments.
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    text.split("#[cfg(test)]")
        .next()
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `.rs` files directly in `dir` (relative to the crate), by module name.
fn files(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<(String, String)> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().to_string(),
                code(&p),
            )
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "{dir} has code");
    out
}

/// The first segment of every path after `prefix` (`crate::`, `super::`): inline paths,
/// `use prefix{a, b::c}` groups (nested ones too) and `use prefix::a`.
fn named(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        // Not the tail of a longer word (`my_crate::`).
        let before = rest[..at].chars().last();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // A group: split at the top level.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            out.insert(first_segment(&item));
        } else {
            out.insert(first_segment(rest));
        }
    }
    out.remove("");
    out.remove("self");
    out
}

fn first_segment(path: &str) -> String {
    path.trim()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// What the files of a folder name of the crate (`crate::x`), by file.
fn crate_uses(dir: &str) -> Vec<(String, BTreeSet<String>)> {
    files(dir)
        .into_iter()
        .map(|(name, code)| (name, named(&code, "crate::")))
        .collect()
}

fn only(dir: &str, allowed: &[&str]) {
    for (file, used) in crate_uses(dir) {
        let wrong: Vec<&String> = used
            .iter()
            .filter(|u| !allowed.contains(&u.as_str()))
            .collect();
        assert!(
            wrong.is_empty(),
            "{dir}/{file}.rs names {wrong:?} (allowed: {allowed:?})"
        );
    }
}

#[test]
fn the_reader_sees_grouped_and_inline_paths() {
    let code = "use crate::{engine::Plan, text::{Lang, number}};\nlet x = crate::show::DASH;\nuse super::{a, b::C};\nmy_crate::nothing;";
    assert_eq!(
        named(code, "crate::").into_iter().collect::<Vec<_>>(),
        ["engine", "show", "text"]
    );
    assert_eq!(
        named(code, "super::").into_iter().collect::<Vec<_>>(),
        ["a", "b"]
    );
}

#[test]
fn the_engine_depends_on_nothing_else_and_has_no_text_or_formats() {
    only("src/engine", &["engine"]);
    for (file, code) in files("src/engine") {
        for outside in ["serde_json", "web_sys", "leptos", "quick_xml"] {
            assert!(
                !code.contains(outside),
                "src/engine/{file}.rs uses {outside}"
            );
        }
        // No sentence for people: no Vietnamese letter in its code.
        let viet = code
            .chars()
            .find(|c| matches!(c, 'À'..='ỹ') && !matches!(c, '×' | '÷'));
        assert_eq!(viet, None, "src/engine/{file}.rs holds text");
    }
}

#[test]
fn each_layer_depends_only_on_what_is_below_it() {
    only("src/text", &["engine", "text"]);
    // What each surface shows: natively, over the engine and the words.
    only("src/show", &["engine", "text", "show"]);
    only("src/formats", &["engine", "text", "formats"]);
    only("src/charts", &["engine", "text", "show", "charts"]);
    for dir in ["src/text", "src/show", "src/formats", "src/charts"] {
        for (file, code) in files(dir) {
            for web in ["leptos", "web_sys"] {
                assert!(!code.contains(web), "{dir}/{file}.rs uses {web}");
            }
        }
    }
}

#[test]
fn nothing_but_the_page_depends_on_the_web() {
    // The crate root's modules and the command line.
    let root: Vec<(String, BTreeSet<String>)> = crate_uses("src");
    for (file, used) in &root {
        if file != "lib" {
            assert!(!used.contains("web"), "src/{file}.rs names the web");
        }
    }
    // Every program but the page's own, in a folder of its own too (the generator), read as
    // the layers are: grouped and inline paths.
    let mut programs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bin")];
    let mut seen = 0;
    while let Some(dir) = programs.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                programs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("web.rs") {
                seen += 1;
                let used = named(&code(&path), "ntm_planner::");
                assert!(!used.contains("web"), "{} names the web", path.display());
            }
        }
    }
    assert!(
        seen >= 4,
        "the command line, the worker and the generator are read: {seen}"
    );
}

/// The page's modules by what they are: state (signals, providers, effects, workers), parts
/// shared by views, views (one panel or surface a file), and the app that places them.
const STATE: &[&str] = &[
    "state",
    "persistence",
    "showing",
    "slices",
    "path",
    "goals",
    "risk",
    "compare",
    "filters",
    "map",
    "plans",
];
const PARTS: &[&str] = &["fields", "printed", "canvas"];
const APP: &[&str] = &["app", "mod"];

#[test]
fn the_pages_views_read_state_and_parts_never_each_other() {
    let web = files("src/web");
    let views: Vec<&str> = web
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| !STATE.contains(n) && !PARTS.contains(n) && !APP.contains(n))
        .collect();
    assert!(
        views.contains(&"results") && views.contains(&"risk_view"),
        "{views:?}"
    );
    for (file, code) in &web {
        let used = named(code, "super::");
        let allowed: Vec<&str> = if views.contains(&file.as_str()) || PARTS.contains(&file.as_str())
        {
            STATE.iter().chain(PARTS).copied().collect()
        } else if STATE.contains(&file.as_str()) {
            // State reads state, never a view or a part.
            STATE.to_vec()
        } else {
            continue;
        };
        let wrong: Vec<&String> = used
            .iter()
            .filter(|u| !allowed.contains(&u.as_str()))
            .collect();
        assert!(wrong.is_empty(), "src/web/{file}.rs names {wrong:?}");
        assert!(
            !named(code, "crate::web::")
                .iter()
                .any(|u| views.contains(&u.as_str())),
            "src/web/{file}.rs names a view by its full path"
        );
    }
}

#[test]
fn no_file_of_the_page_grows_past_about_four_hundred_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    for entry in fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let lines = fs::read_to_string(&path).unwrap().lines().count();
        assert!(lines <= 430, "{} has {lines} lines", path.display());
    }
}
