//! A scenario in a link's fragment: only what differs from the plan, compact and readable,
//! read back exactly. `v=1&s=equity_first&d.credit=0.7&i.transport=480&e.credit=housing,income`.
//!
//! Reading goes through the scenario file's own checks, so a broken link is refused with the
//! field named, as a broken file is.

use super::error::{Input, InputError, ScenarioProblem};
use super::json::{put_lever, SCHEMA};
use crate::engine::lever::{Kind, Lever, Per, Value as LeverValue, FAMILIES, INVESTMENT};
use crate::engine::{Model, Plan, Scenario};
use serde_json::{Map, Value};

/// The link's key for the path (model.md §7.1 JSON, without the first year's scenario, which
/// is the link's own).
const PATH_KEY: &str = "p";
/// The key of the plan a link is for (none: the 2022 plan).
pub const PLAN_KEY: &str = "plan";

/// The link's part for a path given as its JSON text: `p=…`.
pub fn encode_path(json: &str) -> String {
    format!("{PATH_KEY}={}", encode_component(json))
}

/// The path's JSON text in a fragment, if it has one (read by the path's own checks).
pub fn path_part(fragment: &str) -> Option<String> {
    part(fragment, PATH_KEY)
}

/// A part's value, decoded where it can be (a broken one is left for its reader to name).
fn part(fragment: &str, key: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(key)?.strip_prefix('='))
        .map(|raw| decode_component(raw).unwrap_or_else(|| raw.to_string()))
}

/// The plan a link is for: its `plan=`, else the 2022 plan's where it holds a scenario (`v=`:
/// the 2022 plan's links name none), else none (no link).
pub fn plan_of(fragment: &str) -> Option<String> {
    part(fragment, PLAN_KEY)
        .or_else(|| part(fragment, "v").map(|_| super::plan::LANG_SON_2022_KEY.to_string()))
}

fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode_component(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Drops the values that are the plan's own, so the link says only what differs. `model` is
/// the table's model (the plan's figures). The default investment a lever is held to is the
/// scenario's own (it follows the scenario's targets and unit costs, `Model::for_scenario`),
/// worked out here so that no caller can hold it to the table's and drop a value the
/// scenario's own default would not give back.
pub fn differences(scenario: &Scenario, model: &Model) -> Scenario {
    let own = model.for_scenario(scenario);
    let mut s = scenario.clone();
    for lever in Lever::all(&model.plan) {
        let default = match lever.family {
            INVESTMENT => lever.default_in(&own),
            _ => lever.default_in(model),
        };
        if lever.get(&s) == Some(default) {
            lever.set(&mut s, None);
        }
    }
    if s.name.as_deref() == Some(model.plan.default_scenario_name.as_str()) {
        s.name = None;
    }
    s
}

/// The fragment (without `#`) for a scenario, in the registry's and the plan's order.
pub fn encode(scenario: &Scenario, plan: &Plan) -> String {
    let mut parts = vec![format!("v={SCHEMA}")];
    // A link without a plan is the 2022 plan's (as every link before plans had names).
    if plan.key != super::plan::LANG_SON_2022_KEY {
        parts.push(format!("{PLAN_KEY}={}", plan.key));
    }
    if let Some(name) = &scenario.name {
        parts.push(format!("n={}", encode_component(name)));
    }
    for lever in Lever::all(plan) {
        let Some(value) = lever.get(scenario) else {
            continue;
        };
        let text = match value {
            LeverValue::Order(o) => o.key().to_string(),
            LeverValue::Number(x) => format!("{x}"),
            LeverValue::Items(m) => super::scenario::eligibility_keys(m, plan).join(","),
        };
        parts.push(format!("{}={text}", lever.link_key(plan)));
    }
    parts.join("&")
}

fn bad(part: &str) -> InputError {
    InputError::scenario(
        Input::Link,
        ScenarioProblem::UnknownField {
            field: part.chars().take(60).collect(),
        },
    )
}

/// The lever a link key names: `s`, `t.certified` (one value), `f.credit`, `t.transport`.
fn lever_of_key(key: &str, plan: &Plan) -> Option<Lever> {
    if let Some(f) = FAMILIES
        .iter()
        .position(|f| f.per == Per::One && f.link == key)
    {
        return Some(Lever::new(f, 0));
    }
    let (prefix, item) = key.split_once('.')?;
    (0..FAMILIES.len())
        .filter(|&f| FAMILIES[f].per != Per::One && FAMILIES[f].link == prefix)
        .find_map(|f| Lever::of(f, item, plan))
}

/// Reads a fragment (with or without `#`). An empty fragment is the plan. The link's values
/// are put where a scenario file has them and read by the file's own checks, so a broken link
/// is refused with the field named, as a broken file is.
pub fn decode(fragment: &str, plan: &Plan) -> Result<Scenario, InputError> {
    let fragment = fragment.trim_start_matches('#');
    if fragment.is_empty() {
        return Ok(Scenario::plan());
    }
    let mut top = Map::new();
    let mut seen = std::collections::HashSet::new();
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = part.split_once('=').ok_or_else(|| bad(part))?;
        // A key given twice is a link pieced together by hand or cut and pasted twice.
        if !seen.insert(key) {
            return Err(InputError::scenario(
                Input::Link,
                ScenarioProblem::DuplicateKey {
                    field: key.chars().take(60).collect(),
                },
            ));
        }
        let value = decode_component(raw).ok_or_else(|| bad(part))?;
        match key {
            "v" => {
                let v = value
                    .parse::<u64>()
                    .map(Value::from)
                    .unwrap_or(Value::from(value.clone()));
                top.insert("schema".into(), v);
            }
            "n" => {
                top.insert("name".into(), Value::from(value));
            }
            PLAN_KEY => {
                top.insert("plan".into(), Value::from(value));
            }
            // The path: read by the page's path (`path_part`), not part of the scenario.
            PATH_KEY => {}
            _ => {
                let lever = lever_of_key(key, plan).ok_or_else(|| {
                    // An unknown source or criterion is named as the file would name it.
                    match key.split_once('.').and_then(|(prefix, item)| {
                        FAMILIES
                            .iter()
                            .find(|f| f.per != Per::One && f.link == prefix)
                            .map(|f| (f, item))
                    }) {
                        // `t.…` may be a one-value target mistyped as much as a criterion.
                        Some((f, item)) if f.link != "t" => InputError::scenario(
                            Input::Link,
                            ScenarioProblem::UnknownField {
                                field: format!("{}.{item}", f.path.join(".")),
                            },
                        ),
                        Some((_, item)) => InputError::scenario(
                            Input::Link,
                            ScenarioProblem::UnknownField {
                                field: format!("targets.{item}"),
                            },
                        ),
                        None => bad(part),
                    }
                })?;
                let family = lever.family();
                let field = lever.field(plan);
                let v = match family.kind {
                    Kind::Order => Value::from(value),
                    Kind::Items => Value::Array(
                        value
                            .split(',')
                            .filter(|k| !k.is_empty())
                            .map(Value::from)
                            .collect(),
                    ),
                    _ => number(&value, &field)?,
                };
                put_lever(&mut top, lever, plan, v);
            }
        }
    }
    Scenario::from_value(&Value::Object(top), plan, Input::Link)?.with_name_checked(Input::Link)
}

fn number(value: &str, field: &str) -> Result<Value, InputError> {
    let wrong = || {
        InputError::scenario(
            Input::Link,
            ScenarioProblem::WrongType {
                field: field.to_string(),
                expected: "number",
            },
        )
    };
    let x: f64 = value.parse().map_err(|_| wrong())?;
    serde_json::Number::from_f64(x)
        .map(Value::Number)
        .ok_or_else(wrong)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Strategy;
    use crate::text::Lang;

    #[test]
    fn a_link_is_for_the_plan_it_names_else_the_2022_plans_when_it_holds_a_scenario() {
        assert_eq!(
            plan_of("#v=1&plan=lang-son-2026&d.credit=0.7").as_deref(),
            Some("lang-son-2026")
        );
        // The 2022 plan's links name no plan; the path part is not the plan part.
        assert_eq!(
            plan_of("#v=1&d.credit=0.7&p=%7B%7D").as_deref(),
            Some("lang-son-2022")
        );
        assert_eq!(plan_of("v=1").as_deref(), Some("lang-son-2022"));
        // A plan file's key as the page wrote it.
        assert_eq!(
            plan_of("#v=1&plan=t%E1%BB%89nh-x").as_deref(),
            Some("tỉnh-x")
        );
        // No link, or none the page wrote: the plan the browser remembers.
        assert_eq!(plan_of(""), None);
        assert_eq!(plan_of("#"), None);
        assert_eq!(plan_of("#d.credit=0.7&vv=1&pl=x"), None);
        assert_eq!(path_part("#v=1&plan=x&p=%7B%7D").as_deref(), Some("{}"));
        assert_eq!(path_part("#v=1&plan=x"), None);
    }

    #[test]
    fn a_path_rides_in_a_link_beside_the_scenario() {
        let plan = Plan::lang_son_2022();
        let json = r#"{"schema":1,"years":[2026,2027],"targets":{"2027":{"certified":120}}}"#;
        let part = encode_path(json);
        assert!(part.starts_with("p=%7B%22schema%22"), "{part}");
        let mut s = Scenario::plan();
        s.disbursement[3] = Some(0.7);
        let fragment = format!("#{}&{part}", encode(&s, &plan));
        assert_eq!(path_part(&fragment).as_deref(), Some(json));
        // The scenario reads as if the path were not there.
        assert_eq!(decode(&fragment, &plan).unwrap(), s);
        assert_eq!(path_part(&format!("#{}", encode(&s, &plan))), None);
        assert_eq!(path_part(""), None);
        // The path's text is given as it is; its own reader judges it.
        assert_eq!(path_part("v=1&p=%7Bbroken").as_deref(), Some("{broken"));
    }

    #[test]
    fn a_scenario_goes_through_a_link_exactly() {
        let plan = Plan::lang_son_2022();
        let mut s = Scenario::plan();
        s.name = Some("Tín dụng 70% & biên giới".into());
        s.strategy = Some(Strategy::EquityFirst);
        s.disbursement[3] = Some(0.7);
        s.funding[0] = Some(512.25);
        s.investment[1] = Some(480.123456789);
        s.eligibility[3] = Some(0b1_0000_0000 | 1 << 9);
        s.eligibility[2] = Some(0);
        let link = encode(&s, &plan);
        assert!(link.starts_with("v=1&n=T%C3%ADn"), "{link}");
        assert!(
            link.contains("d.credit=0.7") && link.contains("e.enterprise=&")
                || link.ends_with("e.enterprise="),
            "{link}"
        );
        assert_eq!(decode(&format!("#{link}"), &plan).unwrap(), s);
        assert_eq!(decode("", &plan).unwrap(), Scenario::plan());
        // A scenario's own unit costs and targets go through too.
        s.unit_costs[1] = Some(45.5);
        s.targets.certified = Some(115);
        s.targets.avg_criteria = Some(15.25);
        s.targets.items[1] = Some(120);
        let link = encode(&s, &plan);
        assert!(
            link.contains("u.transport=45.5") && link.contains("t.transport=120"),
            "{link}"
        );
        assert_eq!(decode(&link, &plan).unwrap(), s);
        // A name of a thousand characters is refused, its length said.
        let long = format!("v=1&n={}", "a".repeat(1000));
        assert!(decode(&long, &plan)
            .unwrap_err()
            .message(Lang::En)
            .contains("1000"));
        // The same key twice is refused, named.
        let err = decode("v=1&d.credit=0.7&d.credit=0.5", &plan).unwrap_err();
        assert!(
            err.message(Lang::En).contains("d.credit"),
            "{}",
            err.message(Lang::En)
        );
        assert_ne!(err.message(Lang::Vi), err.message(Lang::En));
        assert_eq!(encode(&Scenario::plan(), &plan), "v=1");
    }

    #[test]
    fn broken_links_are_refused_naming_the_part() {
        let plan = Plan::lang_son_2022();
        for (link, expected) in [
            ("v=1&d.credit=abc", "disbursement.credit"),
            ("v=1&d.credit=1.7", "disbursement.credit"),
            ("v=1&f.loans=5", "funding.loans"),
            ("v=1&x.y=5", "x.y=5"),
            ("v=1&garbage", "garbage"),
            ("v=9", "version"),
            ("s=closest_first", "schema"),
            ("v=1&n=%E0%A4", "n=%E0%A4"),
            ("v=1&i.transport=-4", "investment.transport"),
            ("v=1&e.credit=housing,roads", "roads"),
            ("v=1&s=fastest", "fastest"),
            ("v=1&i.transport=1e999", "investment.transport"),
        ] {
            let message = decode(link, &plan).expect_err(link).message(Lang::En);
            assert!(
                message.starts_with("link: ") && message.contains(expected),
                "{link}: {message}"
            );
        }
    }

    #[test]
    fn the_link_carries_only_what_differs_from_the_plan() {
        let model = crate::engine::Model::shipped();
        let mut s = Scenario::plan();
        s.funding[0] = Some(640.0);
        s.disbursement[3] = Some(1.0);
        s.investment[1] = Some(model.default_investment()[1]);
        s.strategy = Some(Strategy::ClosestFirst);
        s.funding[3] = Some(2000.0);
        let d = differences(&s, &model);
        assert_eq!(encode(&d, &model.plan), "v=1&f.credit=2000");
    }

    #[test]
    fn an_unknown_source_or_criterion_in_a_link_is_named_as_a_file_would_name_it() {
        let plan = crate::engine::Plan::lang_son_2022();
        let named = |fragment: &str| match decode(fragment, &plan) {
            Err(InputError {
                problem:
                    crate::formats::error::Problem::Scenario(ScenarioProblem::UnknownField { field }),
                ..
            }) => field,
            other => panic!("{fragment}: {other:?}"),
        };
        assert_eq!(named("v=1&f.loans=5"), "funding.loans");
        assert_eq!(named("v=1&i.roads=5"), "investment.roads");
        assert_eq!(named("v=1&t.roads=5"), "targets.roads");
        assert_eq!(named("v=1&t.avrage=5"), "targets.avrage");
        assert_eq!(named("v=1&q.credit=5"), "q.credit=5");
    }

    #[test]
    fn an_investment_is_dropped_at_the_scenarios_own_default_and_the_plans_name_too() {
        let model = crate::engine::Model::shipped();
        let plan = &model.plan;
        // Its own target for transport: its own model invests otherwise by default.
        let mut s = Scenario::plan();
        s.targets.items[1] = Some(plan.criteria[1].target + 10);
        let own = model.for_scenario(&s).default_investment().to_vec();
        assert_ne!(own[1], model.default_investment()[1]);
        s.investment[1] = Some(own[1]);
        s.investment[2] = Some(model.default_investment()[2] + 1.0);
        s.name = Some(plan.default_scenario_name.clone());
        let d = differences(&s, &model);
        assert_eq!(
            d.investment[1], None,
            "the scenario's own default is not carried"
        );
        assert_eq!(d.investment[2], s.investment[2]);
        assert_eq!(d.name, None, "the plan's own name is not carried");
        // At the plan's default but not the scenario's own, an investment is carried.
        s.investment[1] = Some(model.default_investment()[1]);
        s.name = Some("Ưu tiên giao thông".into());
        let d = differences(&s, &model);
        assert_eq!(d.investment[1], s.investment[1]);
        assert_eq!(d.name.as_deref(), Some("Ưu tiên giao thông"));
    }
}
