//! Every dependency's licence, read offline from `cargo metadata` (the registry's own field),
//! is one this project may ship or build with. The list is in the README.

use serde_json::Value;
use std::process::Command;

/// Licences that allow use, change and redistribution in an MIT-licensed tool given to
/// provincial offices, without obligations on the tool's own code.
const ALLOWED: &[&str] = &[
    "MIT",
    "MIT-0",
    "Apache-2.0",
    "Apache-2.0 WITH LLVM-exception",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "0BSD",
    "Unlicense",
    "CC0-1.0",
    "BSL-1.0",
    "Unicode-3.0",
    "Unicode-DFS-2016",
];

/// Whether an SPDX expression (with the old `/` for OR) can be met with allowed licences.
fn allowed(expression: &str) -> bool {
    let text = expression.replace('/', " OR ");
    let tokens: Vec<String> = text
        .replace('(', " ( ")
        .replace(')', " ) ")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut at = 0;
    let result = or(&tokens, &mut at);
    result && at == tokens.len()
}

fn or(t: &[String], at: &mut usize) -> bool {
    let mut any = and(t, at);
    while t.get(*at).map(String::as_str) == Some("OR") {
        *at += 1;
        any |= and(t, at);
    }
    any
}

fn and(t: &[String], at: &mut usize) -> bool {
    let mut all = atom(t, at);
    while t.get(*at).map(String::as_str) == Some("AND") {
        *at += 1;
        all &= atom(t, at);
    }
    all
}

fn atom(t: &[String], at: &mut usize) -> bool {
    match t.get(*at).map(String::as_str) {
        Some("(") => {
            *at += 1;
            let inner = or(t, at);
            if t.get(*at).map(String::as_str) == Some(")") {
                *at += 1;
            }
            inner
        }
        Some(id) => {
            *at += 1;
            let mut id = id.to_string();
            if t.get(*at).map(String::as_str) == Some("WITH") {
                id = format!("{id} WITH {}", t.get(*at + 1).cloned().unwrap_or_default());
                *at += 2;
            }
            ALLOWED.contains(&id.as_str())
        }
        None => false,
    }
}

#[test]
fn the_licence_checker_reads_spdx_expressions() {
    assert!(allowed("MIT OR Apache-2.0"));
    assert!(allowed("MIT/Apache-2.0"));
    assert!(allowed("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(allowed("MIT OR Apache-2.0 OR LGPL-2.1-or-later"));
    assert!(allowed(
        "Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT"
    ));
    assert!(!allowed("GPL-3.0"));
    assert!(!allowed("MIT AND GPL-3.0"));
    assert!(!allowed(""));
}

#[test]
fn every_dependency_has_an_allowed_licence() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut refused = Vec::new();
    let mut count = 0;
    for p in meta["packages"].as_array().unwrap() {
        count += 1;
        let name = p["name"].as_str().unwrap_or_default();
        match p["license"].as_str() {
            Some(l) if allowed(l) => {}
            Some(l) => refused.push(format!("{name}: {l}")),
            None => refused.push(format!("{name}: no licence field")),
        }
    }
    assert!(count > 100, "{count} packages");
    assert!(refused.is_empty(), "licences not allowed: {refused:#?}");
}
