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
    // The six the README names, exactly, each where the plan has it.
    let found: Vec<(&str, &str)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["location"].as_str().unwrap(), f["en"].as_str().unwrap()))
        .collect();
    let expected = [
        (
            "III",
            "4,760 billion VND, but its 5 sources add up to 4,770",
        ),
        (
            "III.3",
            "80 billion VND is stated as 1.4%, but 80 / 4,760 = 1.68%",
        ),
        (
            "III.4",
            "3,200 billion VND is stated as 67.3%, but 3,200 / 4,760 = 67.23%",
        ),
        (
            "I.2, TC14",
            "180/181 communes is stated as 99.5%, but 180/181 = 99.448% (rounded: 99.4%)",
        ),
        (
            "I.2, TC19",
            "175/181 communes is stated as 96.6%, but 175/181 = 96.685% (rounded: 96.7%)",
        ),
        (
            "II.4 (twice)",
            "Document 08/2021/NQ-HĐND (year 2021 in its number) is dated 2019-12-10",
        ),
    ];
    assert_eq!(found.len(), expected.len(), "{found:?}");
    for ((location, text), (want_location, want)) in found.iter().zip(expected) {
        assert_eq!(*location, want_location);
        assert!(text.contains(want), "{location}: {text} should say {want}");
    }
    // The enterprises' 70 billion would fit both the total and the share better.
    assert!(found[1].1.contains("With 70 billion VND"), "{}", found[1].1);
    for f in json.as_array().unwrap() {
        assert_ne!(f["vi"], f["en"]);
    }
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
    // The district column may be left out (two-tier government since 2025): border is next.
    assert_bad_input(&["run", "--communes", &table], &["xa.csv", "border"]);
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

fn json_of(o: &Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("JSON on standard output")
}

#[test]
fn path_with_no_options_runs_2022_to_2025_against_the_province_targets() {
    let v = json_of(&ntm(&["path"]));
    let years = v["years"].as_array().unwrap();
    let list: Vec<u64> = years.iter().map(|y| y["year"].as_u64().unwrap()).collect();
    assert_eq!(list, [2022, 2023, 2024, 2025]);
    // The first year is `ntm run`'s year, field for field.
    let run = json_of(&ntm(&["run"]));
    for (key, value) in run.as_object().unwrap() {
        assert_eq!(&years[0][key], value, "{key}");
    }
    for y in years {
        for key in [
            "carried_in",
            "reserved_in",
            "criteria",
            "funding",
            "districts",
        ] {
            assert!(!y[key].is_null(), "{key}");
        }
        assert_eq!(y["carried_in"].as_object().unwrap().len(), 5);
        assert_eq!(y["reserved_in"].as_object().unwrap().len(), 19);
    }
    let targets = v["targets"].as_array().unwrap();
    assert_eq!(targets[0]["year"], 2025);
    assert_eq!(targets[0]["key"], "certified");
    assert_eq!(targets[0]["target"], 115);
    assert_eq!(targets[0]["value"], years[3]["certified"].as_f64().unwrap());
    assert_eq!(targets[1]["key"], "min_criteria");
    // A path file and a scenario: the file's first year takes the scenario.
    let file = temp_file(
        "path.json",
        br#"{"schema":1,"years":[2022,2023],"carry":{"undisbursed":0,"idle":0,"unused":0}}"#,
    );
    let scenario = temp_file(
        "credit70.json",
        br#"{"schema":1,"disbursement":{"credit":0.7}}"#,
    );
    let v = json_of(&ntm(&["path", "--path", &file, "--scenario", &scenario]));
    assert_eq!(v["years"][0]["certified"], 82);
    assert_eq!(v["years"][1]["carried_in"]["credit"], 0.0);
    let bad = temp_file("bad-path.json", br#"{"schema":1,"years":[2022,2025]}"#);
    let out = ntm(&["path", "--path", &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad-path.json") && stderr(&out).contains("\"years\""));
}

#[test]
fn seek_answers_a_target_or_a_budget_with_a_complete_scenario() {
    let v = json_of(&ntm(&["seek", "--target", "avg_criteria=15"]));
    assert_eq!(v["target"]["key"], "avg_criteria");
    assert_eq!(v["reached"], true);
    assert_eq!(v["exact"], true);
    let total = v["total_investment"].as_f64().unwrap();
    assert!((v["saving"].as_f64().unwrap() - (4770.0 - total)).abs() < 1e-6);
    let scenario = v["scenario"].as_object().unwrap();
    for key in [
        "strategy",
        "funding",
        "disbursement",
        "investment",
        "eligibility",
    ] {
        assert!(scenario.contains_key(key), "{key}");
    }
    assert_eq!(scenario["investment"].as_object().unwrap().len(), 19);
    assert!(v["results"]["avg_criteria"].as_f64().unwrap() >= 15.0 - 1e-9);
    // The answer's scenario, run again, gives the answer's results.
    let file = temp_file(
        "answer.json",
        serde_json::to_string(&v["scenario"]).unwrap().as_bytes(),
    );
    assert_eq!(json_of(&ntm(&["run", "--scenario", &file])), v["results"]);
    // A goal the plan's money cannot pay for: each source says how much more of it alone
    // would do; adding that much (and not 1% less) pays all it may pay for.
    let v = json_of(&ntm(&["seek", "--target", "certified=150"]));
    let short = v["results"]["funding"]["shortfall"].as_f64().unwrap();
    assert!(short > 1.0, "{short}");
    let more = v["more_funding"].as_object().unwrap();
    assert_eq!(more.len(), 5);
    let (source, amount) = more
        .iter()
        .filter_map(|(k, x)| Some((k.clone(), x.as_f64()?)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    assert!(amount > 0.0, "{more:?}");
    let shortfall_with = |extra: f64| {
        let mut s = v["scenario"].clone();
        let pledged = s["funding"][&source].as_f64().unwrap();
        s["funding"][&source] = serde_json::json!(pledged + extra);
        let file = temp_file("more.json", serde_json::to_string(&s).unwrap().as_bytes());
        json_of(&ntm(&["run", "--scenario", &file]))["funding"]["shortfall"]
            .as_f64()
            .unwrap()
    };
    let enough = shortfall_with(amount);
    assert!(enough < short - 1.0, "{enough} vs {short}");
    assert!(shortfall_with(amount * 0.99) > enough + 1e-3);
    assert!((shortfall_with(amount * 2.0) - enough).abs() < 1e-4);
    let v = json_of(&ntm(&["seek", "--budget", "3000"]));
    assert_eq!(v["budget"], 3000.0);
    assert!(v["total_investment"].as_f64().unwrap() <= 3000.0);
    assert!(v["target"]["value"].as_f64().unwrap() > 85.0);
    for (args, says) in [
        (vec!["seek"], "--target"),
        (vec!["seek", "--target", "roads=3"], "roads"),
        (vec!["seek", "--target", "certified"], "KEY=VALUE"),
        (vec!["seek", "--budget", "-5"], "--budget"),
        (
            vec!["seek", "--target", "certified=1", "--budget", "5"],
            "--budget",
        ),
    ] {
        let out = ntm(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn marginal_lists_every_criterion_ranked() {
    let v = json_of(&ntm(&["marginal", "--amount", "50"]));
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 19);
    let rank: Vec<(i64, i64)> = list
        .iter()
        .map(|m| {
            (
                m["certified_gain"].as_i64().unwrap(),
                m["criteria_gain"].as_i64().unwrap(),
            )
        })
        .collect();
    let mut sorted = rank.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(rank, sorted);
    // The plan's money is all spent: 50 more asked is 50 short.
    for m in list {
        assert!(
            (m["shortfall"].as_f64().unwrap() - 50.0).abs() < 1e-6,
            "{m}"
        );
    }
}

#[test]
fn risk_is_seeded_and_zero_spread_is_the_run() {
    let a = json_of(&ntm(&["risk"]));
    assert_eq!(a["draws"], 1000);
    assert_eq!(a["seed"], 1);
    assert_eq!(json_of(&ntm(&["risk"])), a);
    for key in ["p10", "p50", "p90", "mean"] {
        assert!(a["certified"][key].is_number(), "{key}");
    }
    let p = |k: &str| a["certified"][k].as_f64().unwrap();
    assert!(p("p10") <= p("p50") && p("p50") <= p("p90"));
    assert!(a["chance"]["certified"].as_f64().unwrap() < 1.0);
    let none = temp_file(
        "none.json",
        br#"{"schema":1,"draws":50,"seed":9,"cost_sd":0,"delivery":1}"#,
    );
    let v = json_of(&ntm(&["risk", "--risk", &none]));
    assert_eq!(v["certified"]["p10"], 85.0);
    assert_eq!(v["certified"]["p90"], 85.0);
    assert_eq!(v["chance"]["certified"], 1.0);
    assert_eq!(v["avg_criteria"]["p50"], 2648.0 / 181.0);
    // With a path, the path under risk: P10 ≤ P50 ≤ P90 each year, over 500 draws at most.
    let path = temp_file(
        "path-risk.json",
        br#"{"schema":1,"years":[2022,2023,2024]}"#,
    );
    let v = json_of(&ntm(&["risk", "--path", &path]));
    assert_eq!(v["path_draws"], 500);
    let years = v["path"].as_array().unwrap();
    assert_eq!(years.len(), 3);
    for y in years {
        let c = &y["certified"];
        assert!(c["p10"].as_f64() <= c["p50"].as_f64() && c["p50"].as_f64() <= c["p90"].as_f64());
    }
    let bad = temp_file("bad-risk.json", br#"{"schema":1,"delivery":2}"#);
    let out = ntm(&["risk", "--risk", &bad, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("delivery"), "{}", stderr(&out));
}

#[test]
fn a_table_smaller_than_the_plans_targets_is_told_which_it_cannot_reach() {
    // The first 65 communes of the shipped table: the plan's 85 certified, and each criterion
    // target above 65, cannot be reached; the line says so, and the full table has none.
    let shipped = ntm_planner::formats::seeds::SHIPPED_COMMUNES;
    let small: String = shipped.lines().take(66).map(|l| format!("{l}\n")).collect();
    let path = temp_file("xa-65.csv", small.as_bytes());
    let plan = ntm_planner::engine::Plan::lang_son_2022();
    let beyond = ntm_planner::engine::check::beyond_the_table(
        65,
        85,
        plan.criteria.iter().map(|c| c.target),
    )
    .expect("85 > 65");
    for (lang, words) in [("vi", "có 65 xã"), ("en", "has 65 communes")] {
        let out = ntm(&[
            "run",
            "--format",
            "table",
            "--lang",
            lang,
            "--communes",
            &path,
        ]);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let line = ntm_planner::text::check::say_beyond_the_table(
            &beyond,
            &plan,
            if lang == "vi" {
                ntm_planner::text::Lang::Vi
            } else {
                ntm_planner::text::Lang::En
            },
        );
        assert!(line.contains(words), "{line}");
        assert!(text.lines().any(|l| l == line), "{text}");
    }
    let full = String::from_utf8(ntm(&["run", "--format", "table"]).stdout).unwrap();
    assert!(
        !full.contains("có 65 xã") && !full.contains("không thể đạt"),
        "{full}"
    );
    // The JSON stays as model.md §5.4 has it.
    let json: Value = serde_json::from_slice(&ntm(&["run", "--communes", &path]).stdout).unwrap();
    assert!(json.get("beyond").is_none() && json["certified"].as_u64().unwrap() <= 65);
}

#[test]
fn each_command_takes_the_options_its_usage_lists_and_refuses_the_others() {
    let usage = String::from_utf8(ntm(&["help"]).stdout).unwrap();
    let all = [
        "--plan",
        "--communes",
        "--scenario",
        "--format",
        "--path",
        "--risk",
        "--target",
        "--budget",
        "--amount",
        "--lang",
    ];
    for command in ["run", "path", "seek", "marginal", "risk", "check-plan"] {
        let line = usage
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("ntm {command} ")))
            .unwrap_or_else(|| panic!("no usage line for {command}: {usage}"));
        for flag in all {
            // A value that is wrong for every option: an option the command takes fails on
            // the value (or the file), one it does not take is named as not its own.
            let out = ntm(&[command, flag, "/no/such/value"]);
            let err = String::from_utf8(out.stderr).unwrap();
            let refused = err.contains(&format!("lệnh {command} không dùng tùy chọn này"));
            assert_eq!(
                refused,
                !line.contains(flag),
                "ntm {command} {flag}: {err} (usage: {line})"
            );
            assert_eq!(out.status.code(), Some(2), "ntm {command} {flag}: {err}");
            if refused {
                assert!(err.contains(flag) && err.contains("lệnh"), "{err}");
            }
        }
    }
}

#[test]
fn the_table_summary_holds_results_against_the_scenarios_own_targets() {
    let path = temp_file(
        "own-targets.json",
        br#"{"schema": 1, "targets": {"certified": 100, "avg_criteria": 15.0}}"#,
    );
    let text =
        String::from_utf8(ntm(&["run", "--format", "table", "--scenario", &path]).stdout).unwrap();
    assert!(text.contains("/ mục tiêu 100"), "{text}");
    assert!(!text.contains("/ mục tiêu 85"), "{text}");
    assert!(text.contains("15,0"), "{text}");
}

#[test]
fn the_table_summary_of_a_table_without_border_communes_shows_a_dash() {
    // The shipped table with every border flag cleared (column 4 of the canonical header).
    let root = env!("CARGO_MANIFEST_DIR");
    let shipped = std::fs::read_to_string(format!("{root}/seeds/communes.csv")).unwrap();
    let header = shipped.lines().next().unwrap();
    let border = header.split(',').position(|h| h == "border").unwrap();
    let inland: Vec<String> = shipped
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let mut cells: Vec<&str> = l.split(',').collect();
            if i > 0 {
                cells[border] = "0";
            }
            cells.join(",")
        })
        .collect();
    let path = temp_file("inland.csv", (inland.join("\n") + "\n").as_bytes());
    for (lang, none) in [
        ("vi", "bảng xã đang dùng không có xã biên giới"),
        ("en", "the table in use has no border communes"),
    ] {
        let out = ntm(&[
            "run",
            "--format",
            "table",
            "--communes",
            &path,
            "--lang",
            lang,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        let line = text
            .lines()
            .find(|l| l.contains(none))
            .unwrap_or_else(|| panic!("no border line saying why: {text}"));
        assert!(
            line.contains("—") && !line.contains("0,00") && !line.contains("0.00"),
            "{line}"
        );
    }
}

#[test]
fn the_table_summary_prints_the_headline_every_surface_shows() {
    use ntm_planner::engine::{Model, Scenario};
    let m = Model::shipped();
    let o = m.run(&Scenario::plan());
    let h = ntm_planner::show::Headline::of(&o, &m.plan.targets, ntm_planner::text::Lang::Vi);
    let text = String::from_utf8(ntm(&["run", "--format", "table"]).stdout).unwrap();
    for card in h.cards() {
        let line = text
            .lines()
            .find(|l| l.starts_with(&card.label))
            .unwrap_or_else(|| panic!("no line for {}: {text}", card.label));
        let said = match card.kind {
            ntm_planner::show::CardKind::Shortfall | ntm_planner::show::CardKind::Idle => {
                format!("{} ({})", card.figure, card.note)
            }
            _ => format!("{} / {}", card.figure, card.note),
        };
        assert!(line.contains(&said), "{line}");
    }
}

#[test]
fn numbers_given_to_options_take_one_syntax_whatever_the_language() {
    // A decimal point, no grouping: the same figure in either language.
    for lang in ["vi", "en"] {
        let v = json_of(&ntm(&["seek", "--budget", "69.616", "--lang", lang]));
        assert_eq!(v["budget"], 69.616, "--lang {lang}");
        let v = json_of(&ntm(&["marginal", "--amount", "50.5", "--lang", lang]));
        // Each row carries the 50.5 given (read as 50.5, not 505).
        let more = v[0]["shortfall"].as_f64().unwrap();
        assert!((more - 50.5).abs() < 1e-6, "--lang {lang}: {v}");
    }
    // Anything else is refused, the option named, in the user's language; never read as
    // another figure (a comma, grouping, a sign, words, a trailing point).
    for (args, option) in [
        (vec!["seek", "--budget", "1,000"], "--budget"),
        (vec!["seek", "--budget", "69,616"], "--budget"),
        (vec!["seek", "--budget", "1.000,5"], "--budget"),
        (vec!["seek", "--budget", "1 000"], "--budget"),
        (vec!["seek", "--budget", "-5"], "--budget"),
        (vec!["seek", "--budget", "+5"], "--budget"),
        (vec!["seek", "--budget", "5."], "--budget"),
        (vec!["seek", "--budget", ".5"], "--budget"),
        (vec!["seek", "--budget", "1e3"], "--budget"),
        (vec!["seek", "--target", "certified=1,5"], "--target"),
        (vec!["marginal", "--amount", "1,000"], "--amount"),
    ] {
        for (lang, words) in [("vi", "dấu chấm thập phân"), ("en", "decimal point")] {
            let mut args = args.clone();
            args.extend(["--lang", lang]);
            let out = ntm(&args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let err = stderr(&out);
            assert!(
                err.contains(option) && err.contains(words),
                "{args:?}: {err}"
            );
        }
    }
}

#[test]
fn the_usage_lists_each_option_from_one_table() {
    let usage = String::from_utf8(ntm(&["help"]).stdout).unwrap();
    // The formats each command takes, and every command with a line of its own.
    assert!(
        usage.contains(
            "ntm run [--plan FILE] [--communes FILE] [--scenario FILE] [--format json|table] [--lang vi|en]"
        ),
        "{usage}"
    );
    assert!(usage.contains("[--format text|json]"), "{usage}");
    assert!(
        usage.contains("ntm seek [--plan FILE] [--target KEY=VALUE] [--budget B]"),
        "{usage}"
    );
    // The usage is in the language asked for, each option with what it does, from the catalogue.
    let english = String::from_utf8(ntm(&["help", "--lang", "en"]).stdout).unwrap();
    assert!(english.contains("Usage:"), "{english}");
    assert!(!english.contains("Cách dùng"), "{english}");
    assert!(
        english.contains("--budget B            the budget, billion VND"),
        "{english}"
    );
    assert!(
        usage.contains("--budget B            ngân sách, tỷ đồng"),
        "{usage}"
    );
    // Messages before the language is read are still in it.
    let out = ntm(&["nonsense", "--lang", "en"]);
    assert!(
        stderr(&out).contains("unknown command: \"nonsense\""),
        "{}",
        stderr(&out)
    );
    let out = ntm(&["run", "--colour", "x", "--lang", "en"]);
    assert!(
        stderr(&out).contains("unknown option: \"--colour\""),
        "{}",
        stderr(&out)
    );
    let out = ntm(&["run", "--format", "xml"]);
    assert!(
        stderr(&out).contains("\"xml\" không hợp lệ (json|table)"),
        "{}",
        stderr(&out)
    );
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/plans/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_plan_file_runs_every_command_on_its_own_criteria_set() {
    let plan = fixture("tinh-x-2027.json");
    let communes = fixture("tinh-x-2027-communes.csv");
    let out = ntm(&["run", "--plan", &plan, "--communes", &communes]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json_of(&out);
    // The year worked by hand in tests/plans.rs.
    assert_eq!(v["certified"], 3);
    assert_eq!(v["histogram"], serde_json::json!([0, 1, 3]));
    assert_eq!(v["criteria"][1]["items"][0]["key"], "roads");
    assert_eq!(
        v["funding"]["sources"][1]["to"],
        serde_json::json!({"markets": 6.0})
    );
    for command in ["seek", "marginal", "risk"] {
        let mut args = vec![command, "--plan", &plan, "--communes", &communes];
        if command == "seek" {
            args.extend(["--target", "certified=4"]);
        }
        let out = ntm(&args);
        assert!(out.status.success(), "{command}: {}", stderr(&out));
    }
    // Marginal: one row an item.
    let margins = json_of(&ntm(&[
        "marginal",
        "--plan",
        &plan,
        "--communes",
        &communes,
    ]));
    assert_eq!(margins.as_array().map(Vec::len), Some(3), "{margins}");
    let out = ntm(&["check-plan", "--plan", &plan]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = ntm(&[
        "run",
        "--plan",
        &plan,
        "--communes",
        &communes,
        "--format",
        "table",
    ]);
    assert!(table.status.success(), "{}", stderr(&table));
}

#[test]
fn a_plan_file_without_its_own_table_or_path_and_a_broken_one_are_refused() {
    let plan = fixture("tinh-x-2027.json");
    let communes = fixture("tinh-x-2027-communes.csv");
    assert_bad_input(&["run", "--plan", &plan], &["tinh-x-2027", "--communes"]);
    assert_bad_input(
        &["path", "--plan", &plan, "--communes", &communes],
        &["tinh-x-2027", "--path"],
    );
    let text = std::fs::read_to_string(&plan).unwrap();
    let broken = temp_file(
        "broken-plan.json",
        text.replacen("\"community\": [\"infrastructure\"]", "\"loans\": []", 1)
            .as_bytes(),
    );
    assert_bad_input(
        &["run", "--plan", &broken, "--communes", &communes],
        &["broken-plan.json", "default_eligibility.loans"],
    );
    let out = ntm(&[
        "run",
        "--plan",
        &broken,
        "--communes",
        &communes,
        "--lang",
        "en",
    ]);
    assert!(
        stderr(&out).contains("there is no such source"),
        "{}",
        stderr(&out)
    );
    // The 2022 plan's table read against another plan: its columns are not the plan's.
    assert_bad_input(
        &[
            "run",
            "--plan",
            &plan,
            "--communes",
            &format!("{}/seeds/communes.csv", env!("CARGO_MANIFEST_DIR")),
        ],
        &["communes.csv", "tinh-x-2027"],
    );
    // A scenario made for the 2022 plan, refused naming both plans.
    let scenario = format!(
        "{}/seeds/scenarios/credit-70.json",
        env!("CARGO_MANIFEST_DIR")
    );
    assert_bad_input(
        &[
            "run",
            "--plan",
            &plan,
            "--communes",
            &communes,
            "--scenario",
            &scenario,
        ],
        &["credit-70.json", "lang-son-2022", "tinh-x-2027"],
    );
}
