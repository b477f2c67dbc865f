//! Reading scenario files (model.md §4): defaults for what is left out, and every mistake
//! refused with the field named.

use ntm_planner::text::Lang;

use ntm_planner::engine::{Model, Plan, Scenario, Strategy};

fn read(text: &str) -> Result<Scenario, String> {
    Scenario::from_json(text, &Plan::lang_son_2022(), "kb.json").map_err(|e| e.message(Lang::En))
}

fn refused(text: &str) -> String {
    read(text).expect_err(text)
}

#[test]
fn everything_left_out_takes_the_plans_default() {
    let model = Model::shipped();
    let s = read(r#"{"schema": 1}"#).unwrap();
    assert_eq!(s, Scenario::plan());
    let levers = model.levers(&s);
    assert_eq!(levers.strategy, Strategy::ClosestFirst);
    assert_eq!(levers.funding, [640.0, 580.0, 80.0, 3200.0, 270.0]);
    assert_eq!(levers.disbursement, [1.0; 5]);
    assert_eq!(levers.investment, model.default_investment());
    assert_eq!(levers.eligibility, model.plan.default_eligibility_masks());
}

#[test]
fn a_key_left_out_inside_a_group_takes_its_default() {
    let model = Model::shipped();
    let s = read(
        r#"{"schema": 1, "funding": {"credit": 2000}, "investment": {"transport": 480.0},
                    "eligibility": {"credit": ["housing"]}}"#,
    )
    .unwrap();
    let levers = model.levers(&s);
    assert_eq!(levers.funding, [640.0, 580.0, 80.0, 2000.0, 270.0]);
    assert_eq!(levers.investment[1], 480.0);
    assert_eq!(levers.investment[2], model.default_investment()[2]);
    assert_eq!(levers.eligibility[3], 1 << 8);
    assert_eq!(
        levers.eligibility[0],
        model.plan.default_eligibility_masks()[0]
    );
}

#[test]
fn the_example_of_model_md_reads() {
    let text = r#"{
      "schema": 1,
      "name": "Kế hoạch 2022",
      "strategy": "closest_first",
      "funding":      {"direct": 640, "integrated": 580, "enterprise": 80, "credit": 3200, "community": 270},
      "disbursement": {"direct": 1.0, "integrated": 1.0, "enterprise": 1.0, "credit": 1.0, "community": 1.0},
      "investment":   {"transport": 480.0, "housing": 600.0},
      "eligibility":  {"credit": ["housing", "income", "poverty", "production", "environment"]}
    }"#;
    let s = read(text).unwrap();
    assert_eq!(s.name.as_deref(), Some("Kế hoạch 2022"));
    assert_eq!(s.investment[8], Some(600.0));
}

#[test]
fn mistakes_are_refused_naming_the_field() {
    let cases = [
        (r#"{"schema": 1, "fundin": {}}"#, "\"fundin\""),
        (
            r#"{"schema": 1, "funding": {"loans": 5}}"#,
            "\"funding.loans\"",
        ),
        (
            r#"{"schema": 1, "funding": {"credit": -5}}"#,
            "\"funding.credit\": a negative",
        ),
        (
            r#"{"schema": 1, "funding": {"credit": "5"}}"#,
            "\"funding.credit\": must be a number",
        ),
        (
            r#"{"schema": 1, "funding": {"credit": 1e300}}"#,
            "\"funding.credit\": 1e300 is too large",
        ),
        (
            r#"{"schema": 1, "investment": {"roads": 5}}"#,
            "\"investment.roads\"",
        ),
        (
            r#"{"schema": 1, "investment": {"transport": -0.5}}"#,
            "\"investment.transport\"",
        ),
        (
            r#"{"schema": 1, "disbursement": {"credit": 1.5}}"#,
            "\"disbursement.credit\": disbursement 1.5",
        ),
        (
            r#"{"schema": 1, "disbursement": {"credit": -0.1}}"#,
            "\"disbursement.credit\"",
        ),
        (
            r#"{"schema": 1, "eligibility": {"credit": ["housing", "roads"]}}"#,
            "\"eligibility.credit[1]\": there is no criterion \"roads\"",
        ),
        (
            r#"{"schema": 1, "eligibility": {"credit": ["housing", "housing"]}}"#,
            "\"eligibility.credit[1]\"",
        ),
        (
            r#"{"schema": 1, "eligibility": {"credit": "housing"}}"#,
            "\"eligibility.credit\": must be a array",
        ),
        (
            r#"{"schema": 1, "strategy": "fastest"}"#,
            "\"strategy\": no strategy \"fastest\"",
        ),
        (r#"{"schema": 1, "name": 5}"#, "\"name\""),
        (
            r#"{"schema": 1, "funding": [1, 2]}"#,
            "\"funding\" must be a JSON object",
        ),
        (r#"{"name": "x"}"#, "\"schema\""),
        (r#"{"schema": 2}"#, "version 2"),
        (
            r#"{"schema": 1, "funding": {"credit": NaN}}"#,
            "invalid JSON at line 1",
        ),
        (
            r#"{"schema": 1, "funding": {"credit": 1e999}}"#,
            "invalid JSON",
        ),
        (r#"{"schema": 1,"#, "invalid JSON"),
        ("", "invalid JSON"),
        ("[1, 2]", "must be a JSON object"),
    ];
    for (text, expected) in cases {
        let message = refused(text);
        assert!(message.starts_with("kb.json: "), "{message}");
        assert!(
            message.contains(expected),
            "{text}\n→ {message}\n(expected to contain {expected})"
        );
    }
}

#[test]
fn messages_are_in_vietnamese_too() {
    let e = Scenario::from_json(
        r#"{"schema": 1, "funding": {"credit": -5}}"#,
        &Plan::lang_son_2022(),
        "kb.json",
    )
    .unwrap_err();
    assert_eq!(
        e.message(Lang::Vi),
        "kb.json: trường \"funding.credit\": số âm (-5) không hợp lệ"
    );
    // The JSON reader's own English stays out of Vietnamese messages.
    let plan = Plan::lang_son_2022();
    for (text, says) in [
        ("", "dòng 1, cột 0 (văn bản bị cắt giữa chừng)"),
        ("{\"schema\": 1,", "(văn bản bị cắt giữa chừng)"),
        (
            "{\"schema\": 1, \"funding\": x}",
            "JSON không hợp lệ ở dòng 1, cột 26",
        ),
    ] {
        let vi = Scenario::from_json(text, &plan, "kb.json")
            .unwrap_err()
            .message(Lang::Vi);
        assert!(vi.contains(says), "{text}: {vi}");
        for english in ["expected", "EOF", "while parsing", "at line"] {
            assert!(!vi.contains(english), "{text}: {vi}");
        }
    }
}

#[test]
fn an_amount_at_its_limit_is_read_and_one_above_it_is_refused() {
    use ntm_planner::engine::scenario::MAX_AMOUNT;
    let at = format!(r#"{{"schema":1,"funding":{{"credit":{MAX_AMOUNT}}}}}"#);
    let s = read(&at).unwrap();
    assert_eq!(s.funding[3], Some(MAX_AMOUNT), "{s:?}");
    let above = format!(
        r#"{{"schema":1,"funding":{{"credit":{}}}}}"#,
        MAX_AMOUNT + 0.5
    );
    let e = read(&above).unwrap_err();
    assert!(e.contains("funding.credit"), "{e}");
}

#[test]
fn a_name_at_its_limit_is_read_and_a_negative_disbursement_is_said_as_out_of_its_range() {
    use ntm_planner::engine::scenario::MAX_NAME_CHARS;
    let name = "x".repeat(MAX_NAME_CHARS);
    let s = read(&format!(r#"{{"schema":1,"name":"{name}"}}"#)).unwrap();
    assert_eq!(s.name.as_deref(), Some(name.as_str()));
    let e = refused(&format!(r#"{{"schema":1,"name":"{name}y"}}"#));
    assert!(e.contains("name"), "{e}");
    // Below 0 as above 1: the share must be between 0 and 1 (not "must not be negative").
    let above = refused(r#"{"schema":1,"disbursement":{"credit":1.5}}"#);
    let below = refused(r#"{"schema":1,"disbursement":{"credit":-0.5}}"#);
    assert_eq!(below, above.replace("1.5", "-0.5"));
}

#[test]
fn a_scenario_is_shown_by_its_own_name_or_else_by_the_plans_default_name() {
    let plan = Plan::lang_son_2022();
    assert!(!plan.default_scenario_name.is_empty());
    assert_eq!(
        Scenario::plan().display_name(&plan),
        plan.default_scenario_name
    );
    let named = Scenario {
        name: Some("Tín dụng 70%".into()),
        ..Scenario::plan()
    };
    assert_eq!(named.display_name(&plan), "Tín dụng 70%");
}

#[test]
fn the_pages_own_inputs_are_named_in_the_planners_language() {
    use ntm_planner::formats::error::Input;
    use ntm_planner::formats::saved::Store;
    let plan = Model::shipped().plan;
    let broken = r#"{"schema": 2, "saved": [{"name": "A", "scenario": {"schema": 1, "funding": {"credit": -1}}}]}"#;
    let e = Store::from_json(broken, &plan).unwrap_err();
    assert_eq!(e.input, Input::SavedAt("saved[0].scenario".into()));
    let vi = e.message(Lang::Vi);
    assert!(
        vi.starts_with("dữ liệu đã lưu, saved[0].scenario: ") && vi.contains("funding.credit"),
        "{vi}"
    );
    let en = e.message(Lang::En);
    assert!(en.starts_with("saved data, saved[0].scenario: "), "{en}");
    // A problem with no field of its own still says where it is.
    let e = Store::from_json(
        r#"{"schema": 2, "saved": [], "current": {"schema": 9}}"#,
        &plan,
    )
    .unwrap_err();
    assert!(
        e.message(Lang::Vi).starts_with("dữ liệu đã lưu, current: "),
        "{}",
        e.message(Lang::Vi)
    );
    // A file keeps its own name in either language.
    let e = Scenario::from_json("{", &plan, "kich-ban.json").unwrap_err();
    assert!(e.message(Lang::Vi).starts_with("kich-ban.json: "));
    assert!(e.message(Lang::En).starts_with("kich-ban.json: "));
    let e = ntm_planner::formats::link::decode("#v=1&f.credit=x", &plan).unwrap_err();
    assert!(
        e.message(Lang::Vi).starts_with("đường liên kết: "),
        "{}",
        e.message(Lang::Vi)
    );
    assert!(e.message(Lang::En).starts_with("link: "));
}
