//! The layout keeps its direction: the engine depends on nothing else of the crate and holds
//! no text and no file format; nothing but the page depends on the web.

use std::fs;
use std::path::Path;

/// The code of every `.rs` file under `dir`, without its unit tests and comments.
fn code_of(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    for entry in fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            let code: String = text
                .split("#[cfg(test)]")
                .next()
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            out.push((path.display().to_string(), code));
        }
    }
    assert!(!out.is_empty(), "{dir} has code");
    out
}

fn uses(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (file, code) in code_of(dir) {
        for f in forbidden {
            if code.contains(f) {
                found.push(format!("{file}: {f}"));
            }
        }
    }
    found
}

#[test]
fn the_engine_depends_on_nothing_else_and_has_no_text_or_formats() {
    let found = uses(
        "src/engine",
        &[
            "crate::formats",
            "crate::text",
            "crate::charts",
            "crate::web",
            "serde_json",
            "web_sys",
            "leptos",
            "csv::",
            "quick_xml",
        ],
    );
    assert_eq!(found, Vec::<String>::new());
    // No sentence for people: no Vietnamese letter in its code.
    for (file, code) in code_of("src/engine") {
        let viet = code
            .chars()
            .find(|c| matches!(c, 'À'..='ỹ') && !matches!(c, '×' | '÷'));
        assert_eq!(viet, None, "{file} holds text");
    }
}

#[test]
fn text_formats_and_charts_do_not_depend_on_the_web_or_on_each_other_backwards() {
    assert_eq!(
        uses(
            "src/text",
            &["crate::formats", "crate::charts", "crate::web", "leptos"]
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        uses(
            "src/formats",
            &["crate::charts", "crate::web", "leptos", "web_sys"]
        ),
        Vec::<String>::new()
    );
    // What each surface shows: over the engine and the words, natively (no page, no files).
    assert_eq!(
        uses(
            "src/show",
            &[
                "crate::formats",
                "crate::charts",
                "crate::web",
                "leptos",
                "web_sys"
            ]
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        uses(
            "src/charts",
            &["crate::formats", "crate::web", "leptos", "web_sys"]
        ),
        Vec::<String>::new()
    );
}
