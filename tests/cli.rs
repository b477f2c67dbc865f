//! The `ntm` command line, run as a user runs it.

mod common;

use serde_json::Value;
use std::process::{Command, Output};

fn ntm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ntm"))
        .args(args)
        .output()
        .expect("ntm runs")
}

fn temp_file(name: &str, contents: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("ntm-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn run_with_no_options_reproduces_the_plan() {
    let out = ntm(&["run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["certified"], 85);
    assert_eq!(v["certified_baseline"], 75);
    assert_eq!(v["newly_certified"].as_array().unwrap().len(), 10);
    assert_eq!(v["avg_criteria"].as_f64().unwrap(), 2648.0 / 181.0);
    for c in v["criteria"].as_array().unwrap() {
        assert_eq!(c["met"], c["target"], "{c}");
        assert_eq!(c["shortfall"].as_f64().unwrap(), 0.0, "{c}");
    }
    assert_eq!(v["funding"]["shortfall"].as_f64().unwrap(), 0.0);
    assert_eq!(v["funding"]["idle"].as_f64().unwrap(), 0.0);
    let invested: f64 = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["investment"].as_f64().unwrap())
        .sum();
    assert!((invested - 4770.0).abs() < 1e-6, "{invested}");
    for key in ["histogram", "bands", "districts", "border"] {
        assert!(!v[key].is_null(), "{key}");
    }
    assert_eq!(v["histogram"].as_array().unwrap().len(), 20);
    assert_eq!(
        v["bands"].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["19", "15-18", "10-14", "5-9", "0-4"]
    );
    assert_eq!(v["border"]["communes"], 20);
    let keys: Vec<&str> = v["funding"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        ["direct", "integrated", "enterprise", "credit", "community"]
    );
}

#[test]
fn explicit_files_give_the_same_as_the_defaults() {
    let root = env!("CARGO_MANIFEST_DIR");
    let communes = format!("{root}/seeds/communes.csv");
    let scenario = format!("{root}/seeds/scenarios/plan.json");
    let a = ntm(&["run"]);
    let b = ntm(&[
        "run",
        "--communes",
        &communes,
        "--scenario",
        &scenario,
        "--format",
        "json",
    ]);
    assert!(b.status.success(), "{}", stderr(&b));
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn a_scenario_changes_the_results() {
    let path = temp_file(
        "credit70.json",
        br#"{"schema": 1, "disbursement": {"credit": 0.7}}"#,
    );
    let out = ntm(&["run", "--scenario", &path]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["certified"].as_u64().unwrap() < 85);
    assert!((v["funding"]["shortfall"].as_f64().unwrap() - 960.0).abs() < 1e-6);
}

#[test]
fn table_format_is_a_vietnamese_summary() {
    let out = ntm(&["run", "--format", "table"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Xã đạt chuẩn NTM") && text.contains("85 / mục tiêu 85"),
        "{text}"
    );
    assert!(text.contains("14,63"), "{text}");
    assert!(
        text.contains("Giao thông") && text.contains("Vốn tín dụng") && text.contains("Tràng Định"),
        "{text}"
    );
    assert!(
        text.contains("minh họa"),
        "the illustrative-data note: {text}"
    );
    let root = env!("CARGO_MANIFEST_DIR");
    let own = String::from_utf8(
        ntm(&[
            "run",
            "--format",
            "table",
            "--communes",
            &format!("{root}/seeds/communes.csv"),
        ])
        .stdout,
    )
    .unwrap();
    assert!(
        !own.contains("minh họa"),
        "no illustrative note for a table the user gives: {own}"
    );
    let en = String::from_utf8(ntm(&["run", "--format", "table", "--lang", "en"]).stdout).unwrap();
    assert!(
        en.contains("Certified communes") && en.contains("14.63"),
        "{en}"
    );
}

#[test]
fn check_plan_lists_the_plans_inconsistencies() {
    let out = ntm(&["check-plan"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("4.760") && text.contains("4.770"), "{text}");
    assert!(text.contains("1,4 %") && text.contains("1,68 %"), "{text}");
    let json: Value =
        serde_json::from_slice(&ntm(&["check-plan", "--format", "json"]).stdout).unwrap();
    assert!(json.as_array().unwrap().len() >= 4);
}

fn assert_bad_input(args: &[&str], must_name: &[&str]) {
    let out = ntm(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "one message: {err}");
    assert!(!err.contains("panicked"), "{err}");
    for word in must_name {
        assert!(err.contains(word), "{args:?}: {err} should name {word}");
    }
}

#[test]
fn bad_input_exits_2_with_one_message_naming_what_is_wrong() {
    let scenario = temp_file("bad.json", br#"{"schema": 1, "funding": {"credit": -1}}"#);
    assert_bad_input(
        &["run", "--scenario", &scenario],
        &["bad.json", "funding.credit"],
    );
    let scenario = temp_file("broken.json", b"{\"schema\": 1,\n \"name\": }");
    assert_bad_input(
        &["run", "--scenario", &scenario],
        &["broken.json", "dòng 2"],
    );
    let junk = temp_file("junk.json", &[0xff, 0xfe, 0x00, 0x41]);
    assert_bad_input(&["run", "--scenario", &junk], &["junk.json", "UTF-8"]);
    let table = temp_file("xa.csv", b"id,name\n1,A\n");
    assert_bad_input(&["run", "--communes", &table], &["xa.csv", "district"]);
    let header =
        std::fs::read_to_string(format!("{}/seeds/communes.csv", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let mut lines: Vec<String> = header.lines().map(str::to_string).collect();
    lines[3] = lines[3].replacen(",0,", ",2,", 1);
    let table = temp_file("xa2.csv", (lines.join("\n") + "\n").as_bytes());
    assert_bad_input(
        &["run", "--communes", &table],
        &["xa2.csv", "dòng 4", "cột"],
    );
    assert_bad_input(
        &["run", "--communes", "/no/such/file.csv"],
        &["/no/such/file.csv"],
    );
    assert_bad_input(&["run", "--format", "xml"], &["--format"]);
    assert_bad_input(&["run", "--frobnicate"], &["--frobnicate"]);
    assert_bad_input(&["run", "--scenario"], &["--scenario"]);
    assert_bad_input(&["fly"], &["fly"]);
    assert_bad_input(&["run", "--lang", "fr"], &["--lang"]);
}

#[test]
fn messages_follow_the_language_option() {
    let scenario = temp_file("neg.json", br#"{"schema": 1, "funding": {"credit": -1}}"#);
    let out = ntm(&["run", "--scenario", &scenario, "--lang", "en"]);
    assert!(stderr(&out).contains("negative amount"), "{}", stderr(&out));
}

#[test]
fn an_excel_table_with_vietnamese_headers_gives_the_same_results() {
    let path = temp_file("xa.xlsx", &common::shipped_as_xlsx(1, |_, _, _| None));
    let from_excel = ntm(&["run", "--communes", &path]);
    assert!(from_excel.status.success(), "{}", stderr(&from_excel));
    assert_eq!(from_excel.stdout, ntm(&["run"]).stdout);
    let broken = temp_file(
        "hong.xlsx",
        &common::shipped_as_xlsx(1, |r, c, _| (r == 3 && c == 6).then(|| "có".to_string())),
    );
    assert_bad_input(
        &["run", "--communes", &broken],
        &["hong.xlsx", "dòng 6", "TC1"],
    );
}
