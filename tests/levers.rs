//! The lever registry: every lever goes through a scenario file and a link exactly, is named
//! by its own field when its value is wrong, and drops out of a link when it is the plan's.

use ntm_planner::engine::lever::{Kind, Lever, Value, FAMILIES};
use ntm_planner::engine::{Model, Scenario, Strategy};
use ntm_planner::formats::link;
use ntm_planner::text::Lang;
use std::collections::HashSet;

/// A value of the lever's kind that is not the plan's.
fn other_value(lever: Lever, model: &Model) -> Value {
    match (lever.family().kind, lever.default_in(model)) {
        (Kind::Order, _) => Value::Order(Strategy::EquityFirst),
        (Kind::Items, Value::Items(m)) => Value::Items(m ^ 0b101),
        (Kind::Share, _) => Value::Number(0.625),
        (Kind::Whole { .. }, Value::Number(x)) => Value::Number(x + 3.0),
        (Kind::CriteriaCount, Value::Number(x)) => Value::Number((x - 0.25).max(0.5)),
        (_, Value::Number(x)) => Value::Number(x + 12.5),
        (kind, v) => panic!("{kind:?} with {v:?}"),
    }
}

#[test]
fn every_lever_goes_through_a_file_and_a_link_exactly() {
    let model = Model::shipped();
    let plan = &model.plan;
    let mut all = Scenario::plan();
    let mut count = 0;
    for lever in Lever::all(&ntm_planner::engine::Plan::lang_son_2022()) {
        let value = other_value(lever, &model);
        assert_ne!(Some(value), Some(lever.default_in(&model)), "{lever:?}");
        let mut one = Scenario::plan();
        lever.set(&mut one, Some(value));
        assert_eq!(
            lever.get(&one),
            Some(value),
            "{lever:?} is set and read back"
        );
        let text = one.to_json(plan);
        let field = lever.field(plan);
        // The file holds the value at the lever's field.
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let at = field.split('.').fold(&json, |v, part| &v[part]);
        assert!(!at.is_null(), "{field} in {text}");
        assert_eq!(
            Scenario::from_json(&text, plan, "f.json").unwrap(),
            one,
            "{field}: file"
        );
        let fragment = link::encode(&one, plan);
        assert!(
            fragment.contains(&format!("{}=", lever.link_key(plan))),
            "{fragment}"
        );
        assert_eq!(
            link::decode(&fragment, plan).unwrap(),
            one,
            "{field}: link {fragment}"
        );
        // The plan's own value is dropped from a link.
        let mut same = Scenario::plan();
        lever.set(&mut same, Some(lever.default_in(&model)));
        let d = link::differences(&same, &model);
        assert_eq!(d, Scenario::plan(), "{field} at the plan's value");
        lever.set(&mut all, Some(value));
        count += 1;
    }
    // 1 strategy, 3 per source, 3 per criterion, 4 targets of one value.
    assert_eq!(count, 1 + 3 * 5 + 3 * 19 + 4);
    let text = all.to_json(plan);
    assert_eq!(Scenario::from_json(&text, plan, "f.json").unwrap(), all);
    assert_eq!(link::decode(&link::encode(&all, plan), plan).unwrap(), all);
}

#[test]
fn fields_and_link_keys_name_one_lever_each() {
    let plan = Model::shipped().plan;
    let mut fields = HashSet::new();
    let mut keys = HashSet::new();
    for lever in Lever::all(&ntm_planner::engine::Plan::lang_son_2022()) {
        assert!(fields.insert(lever.field(&plan)), "{}", lever.field(&plan));
        assert!(
            keys.insert(lever.link_key(&plan)),
            "{}",
            lever.link_key(&plan)
        );
    }
    assert!(fields.contains("targets.criteria.transport") && keys.contains("t.transport"));
    assert!(fields.contains("funding.credit") && keys.contains("f.credit"));
    assert_eq!(
        FAMILIES.iter().map(|f| f.key).collect::<HashSet<_>>().len(),
        FAMILIES.len()
    );
}

#[test]
fn a_wrong_value_is_named_by_the_levers_own_field() {
    let model = Model::shipped();
    let plan = &model.plan;
    for lever in Lever::all(&ntm_planner::engine::Plan::lang_son_2022()) {
        let field = lever.field(plan);
        let mut value = serde_json::json!("nonsense");
        if lever.family().kind == Kind::Order {
            value = serde_json::json!(7);
        }
        // Build {"schema":1, <path>: "nonsense"}.
        let mut doc = value;
        for part in field.split('.').rev() {
            doc = serde_json::json!({ part: doc });
        }
        doc["schema"] = serde_json::json!(1);
        let err = Scenario::from_json(&doc.to_string(), plan, "f.json").unwrap_err();
        for lang in [Lang::Vi, Lang::En] {
            assert!(
                err.message(lang).contains(&field),
                "{field}: {}",
                err.message(lang)
            );
        }
        // In a link too (a number field given letters; the order given a number).
        let fragment = format!("v=1&{}=abc", lever.link_key(plan));
        if matches!(lever.family().kind, Kind::Items) {
            continue; // "abc" is a criterion key that does not exist: named by position
        }
        let err = link::decode(&fragment, plan).unwrap_err();
        assert!(
            err.message(Lang::En).contains(&field) || err.message(Lang::En).contains("abc"),
            "{fragment}: {}",
            err.message(Lang::En)
        );
    }
}

#[test]
fn each_levers_default_is_the_plans_own_figure() {
    use ntm_planner::engine::lever::{
        TARGET_AVERAGE, TARGET_BORDER_MAX, TARGET_BORDER_MIN, TARGET_CERTIFIED, UNIT_COSTS,
    };
    let model = Model::shipped();
    let plan = &model.plan;
    let number = |lever: Lever| lever.default_in(&model).number().unwrap();
    for k in 0..plan.criteria.len() {
        assert_eq!(number(Lever::new(UNIT_COSTS, k)), plan.items[k].unit_cost);
        assert_eq!(
            number(Lever::target_criterion(k)),
            f64::from(plan.criteria[k].target)
        );
        assert_eq!(number(Lever::investment(k)), model.default_investment()[k]);
    }
    let t = &plan.targets;
    assert_eq!(
        number(Lever::new(TARGET_CERTIFIED, 0)),
        f64::from(t.certified)
    );
    assert_eq!(number(Lever::new(TARGET_AVERAGE, 0)), t.avg_criteria_min);
    assert_eq!(number(Lever::new(TARGET_BORDER_MIN, 0)), t.border_avg_min);
    assert_eq!(number(Lever::new(TARGET_BORDER_MAX, 0)), t.border_avg_max);
    for s in 0..plan.sources.len() {
        assert_eq!(number(Lever::funding(s)), plan.sources[s].amount);
        assert_eq!(number(Lever::disbursement(s)), 1.0);
    }
}

#[test]
fn a_value_of_the_wrong_kind_leaves_the_scenario_as_it_was() {
    let model = Model::shipped();
    for lever in Lever::all(&ntm_planner::engine::Plan::lang_son_2022()) {
        let mut s = Scenario::default();
        let value = other_value(lever, &model);
        lever.set(&mut s, Some(value));
        let wrong = match lever.family().kind {
            Kind::Order => Value::Number(1.0),
            Kind::Items => Value::Order(Strategy::EquityFirst),
            _ => Value::Items(0b11),
        };
        let before = s.clone();
        lever.set(&mut s, Some(wrong));
        assert_eq!(s, before, "{lever:?} given {wrong:?}");
        lever.set(&mut s, None);
        assert_eq!(lever.get(&s), None, "{lever:?} back to the plan's");
    }
}

#[test]
fn a_link_keeps_an_investment_that_differs_from_the_scenarios_own_default() {
    // With its own transport target the scenario's default investment in transport is not the
    // plan's: an investment equal to the plan's default is the scenario's choice and must stay.
    let model = Model::shipped();
    let plan = &model.plan;
    let transport = plan.criterion_index("transport").unwrap();
    let table_default = model.default_investment()[transport];
    let fragment = format!("v=1&t.transport=110&i.transport={table_default}");
    let scenario = link::decode(&fragment, plan).unwrap();
    let own_default = model.for_scenario(&scenario).default_investment()[transport];
    assert_ne!(own_default, table_default, "the target moves the default");
    let kept = link::encode(&link::differences(&scenario, &model), plan);
    assert!(
        kept.contains(&format!("i.transport={table_default}")),
        "{kept}"
    );
    let reopened = link::decode(&kept, plan).unwrap();
    assert_eq!(model.run(&reopened), model.run(&scenario));
    // At the scenario's own default the investment is dropped, and reopening gives it back.
    let mut at_own = scenario.clone();
    at_own.investment[transport] = Some(own_default);
    let short = link::encode(&link::differences(&at_own, &model), plan);
    assert!(!short.contains("i.transport"), "{short}");
    assert_eq!(
        model.run(&link::decode(&short, plan).unwrap()),
        model.run(&at_own)
    );
}
