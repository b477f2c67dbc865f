//! The sentence catalogue: every entry in both languages, once, with the same placeholders,
//! and no Vietnamese letters in the English.

use ntm_planner::text::sentences::ALL;
use ntm_planner::text::{fill, Lang};
use std::collections::{BTreeSet, HashMap};

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.insert(name.to_string());
        }
        rest = &after[close + 1..];
    }
    out
}

/// Letters of Vietnamese beyond ASCII (đ, ă, â, ê, ô, ơ, ư and the tone marks).
fn vietnamese_letter(c: char) -> bool {
    c != '×'
        && c != '÷'
        && matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{0300}'..='\u{0323}')
}

/// Names that stay Vietnamese in English (places, the programme, the plan's own terms).
const NAMES: [&str; 6] = [
    "Lạng Sơn",
    "Nông thôn mới",
    "Lộ trình",
    "Mục tiêu",
    "Rủi ro",
    "Giả định",
];

#[test]
fn every_sentence_has_both_languages_and_the_same_placeholders() {
    assert!(
        ALL.len() > 300,
        "the catalogue holds the page's sentences ({})",
        ALL.len()
    );
    let mut seen = HashMap::new();
    for (key, s) in ALL {
        assert!(!s.vi.trim().is_empty(), "{key}: no Vietnamese");
        assert!(!s.en.trim().is_empty(), "{key}: no English");
        assert_eq!(
            placeholders(s.vi),
            placeholders(s.en),
            "{key}: placeholders differ"
        );
        // The language switch is written in the language it switches to, on purpose.
        if ["SWITCH_LANGUAGE", "OTHER_LANGUAGE"].contains(key) {
            continue;
        }
        let mut en = s.en.to_string();
        for name in NAMES {
            en = en.replace(name, "");
        }
        assert!(
            !en.chars().any(vietnamese_letter),
            "{key}: Vietnamese in the English: {}",
            s.en
        );
        if let Some(other) = seen.insert((s.vi, s.en), key) {
            panic!("{key} and {other} are the same sentence");
        }
    }
}

#[test]
fn a_vietnamese_sentence_is_not_left_in_english() {
    // Identical texts are only symbols, codes and abbreviations the same in both languages.
    for (key, s) in ALL {
        if s.vi == s.en {
            assert!(
                !s.vi
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .any(|c| c.is_lowercase())
                    || s.vi.split_whitespace().all(|w| w.len() <= 4),
                "{key}: the same text in both languages: {}",
                s.vi
            );
        }
    }
}

#[test]
fn placeholders_are_filled_by_name() {
    let s = ntm_planner::text::Sentence {
        vi: "{n} xã, {n} lần, {x}",
        en: "{n} communes",
    };
    assert_eq!(Lang::Vi.fill(s, &[("n", &3)]), "3 xã, 3 lần, {x}");
    assert_eq!(Lang::En.fill(s, &[("n", &"a")]), "a communes");
    assert_eq!(fill("{", &[]), "{");
    assert_eq!(fill("a {b", &[("b", &1)]), "a {b");
    assert_eq!(fill("{a}{b}", &[("a", &1), ("b", &2)]), "12");
}

/// Every call that fills an entry (`t::KEY, &[("name", …), …]`) in the code, with the names it
/// gives.
fn fill_calls() -> Vec<(String, String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("sentences.rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            let mut rest = code.as_str();
            while let Some(at) = rest.find("t::") {
                rest = &rest[at + 3..];
                let key: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                let after = rest[key.len()..].trim_start();
                let Some(args) = after.strip_prefix(',').map(str::trim_start) else {
                    continue;
                };
                let Some(args) = args.strip_prefix("&[") else {
                    continue;
                };
                // The names given, up to the list's end.
                let mut names = BTreeSet::new();
                let mut depth = 0;
                let mut list = String::new();
                for c in args.chars() {
                    match c {
                        '[' | '(' => depth += 1,
                        ']' if depth == 0 => break,
                        ']' | ')' => depth -= 1,
                        _ => {}
                    }
                    list.push(c);
                }
                // Each tuple's first element, however it is laid out.
                for part in list.split('(').skip(1) {
                    let Some(part) = part.trim_start().strip_prefix('"') else {
                        continue;
                    };
                    // A name, not a string given as a value (`join(", ")`).
                    let name = part.split('"').next().unwrap_or("");
                    let is_name = part[name.len()..].starts_with("\",");
                    if is_name && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                        names.insert(name.to_string());
                    }
                }
                out.push((path.display().to_string(), key, names));
            }
        }
    }
    out
}

#[test]
fn every_fill_gives_exactly_the_entrys_named_placeholders() {
    let entries: HashMap<&str, BTreeSet<String>> = ALL
        .iter()
        .map(|(key, s)| (*key, placeholders(s.vi)))
        .collect();
    let calls = fill_calls();
    assert!(
        calls.len() > 50,
        "the reader finds the calls: {}",
        calls.len()
    );
    for (file, key, names) in calls {
        let Some(wanted) = entries.get(key.as_str()) else {
            panic!("{file}: t::{key} is no entry");
        };
        assert_eq!(
            &names, wanted,
            "{file}: t::{key} is filled with other names"
        );
    }
    // Placeholders are named by meaning: no {0}.
    for (key, s) in ALL {
        let positional: Vec<String> = placeholders(s.vi)
            .into_iter()
            .filter(|p| p.chars().all(|c| c.is_ascii_digit()))
            .collect();
        assert!(positional.is_empty(), "{key}: {positional:?}");
    }
}
