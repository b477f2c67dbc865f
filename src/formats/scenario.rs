//! Scenario files (model.md §4): read with every field checked and named, written back exactly.

use super::error::Problem;
use super::error::{Input, InputError, ScenarioProblem};
use super::json::*;
use crate::engine::lever::{Family, Kind, Lever, Per, Value as LeverValue, FAMILIES};
use crate::engine::plan::Plan;
use crate::engine::scenario::{Scenario, Strategy, MAX_NAME_CHARS};
use serde_json::Value;

fn problem(input: &Input, p: ScenarioProblem) -> InputError {
    InputError::scenario(input, p)
}

impl Scenario {
    /// Reads a scenario file. `input` names it in messages ("scenario.json", "link").
    pub fn from_json(
        text: &str,
        plan: &Plan,
        input: impl Into<Input>,
    ) -> Result<Scenario, InputError> {
        Self::from_json_of(text, plan, &input.into())
    }

    fn from_json_of(text: &str, plan: &Plan, input: &Input) -> Result<Scenario, InputError> {
        Scenario::from_value_of(&read_json(text, input)?, plan, input)?.with_name_checked_of(input)
    }

    /// Files and links from outside may not carry a name longer than [`MAX_NAME_CHARS`] (what
    /// the browser already keeps is read as it is, so nothing kept is lost).
    pub fn with_name_checked(self, input: impl Into<Input>) -> Result<Scenario, InputError> {
        self.with_name_checked_of(&input.into())
    }

    fn with_name_checked_of(self, input: &Input) -> Result<Scenario, InputError> {
        let length = self.name.as_deref().map_or(0, |n| n.chars().count());
        if length > MAX_NAME_CHARS {
            return Err(problem(
                input,
                ScenarioProblem::TooLong {
                    field: "name".into(),
                    length,
                    limit: MAX_NAME_CHARS,
                },
            ));
        }
        Ok(self)
    }

    pub fn from_value(
        value: &Value,
        plan: &Plan,
        input: impl Into<Input>,
    ) -> Result<Scenario, InputError> {
        Self::from_value_of(value, plan, &input.into())
    }

    pub(crate) fn from_value_of(
        value: &Value,
        plan: &Plan,
        input: &Input,
    ) -> Result<Scenario, InputError> {
        let top = versioned(value, "(scenario)", plan, input)?;
        let mut scenario = Scenario::default();
        for (key, value) in top {
            match key.as_str() {
                "schema" | "plan" => {}
                "name" => scenario.name = Some(text_of(value, "name", input)?),
                _ => read_levers(&mut scenario, &[key.as_str()], value, plan, input)?,
            }
        }
        Ok(scenario)
    }

    /// The scenario as JSON: only what was given, in the registry's order of levers and the
    /// plan's order of sources and criteria.
    pub fn to_value(&self, plan: &Plan) -> Value {
        let mut top = header(plan, self.name.as_deref());
        for lever in Lever::all(plan) {
            let Some(value) = lever.get(self) else {
                continue;
            };
            put_lever(&mut top, lever, plan, lever_value(value, plan));
        }
        Value::Object(top)
    }

    pub fn to_json(&self, plan: &Plan) -> String {
        let mut text = serde_json::to_string_pretty(&self.to_value(plan)).unwrap_or_default();
        text.push('\n');
        text
    }
}
/// Reads what sits at `path` of a scenario file (a lever's value, or an object of them),
/// every problem named by its field.
fn read_levers(
    scenario: &mut Scenario,
    path: &[&str],
    value: &Value,
    plan: &Plan,
    input: &Input,
) -> Result<(), InputError> {
    let field = path.join(".");
    let here = |f: &Family| f.path.len() >= path.len() && f.path[..path.len()] == *path;
    let Some(family) = FAMILIES.iter().position(here) else {
        return Err(problem(input, ScenarioProblem::UnknownField { field }));
    };
    let f = &FAMILIES[family];
    if f.path.len() == path.len() {
        if f.per == Per::One {
            let x = read_value(value, f.kind, &field, plan, input)?;
            Lever::new(family, 0).set(scenario, Some(x));
            return Ok(());
        }
        for (item, v) in as_object(value, &field, input)? {
            let item_field = format!("{field}.{item}");
            let lever = Lever::of(family, item, plan).ok_or_else(|| {
                problem(
                    input,
                    ScenarioProblem::UnknownField {
                        field: item_field.clone(),
                    },
                )
            })?;
            let x = read_value(v, f.kind, &item_field, plan, input)?;
            lever.set(scenario, Some(x));
        }
        return Ok(());
    }
    // An object of levers (`targets`): each of its fields in turn.
    for (key, v) in as_object(value, &field, input)? {
        let mut deeper = path.to_vec();
        deeper.push(key);
        read_levers(scenario, &deeper, v, plan, input)?;
    }
    Ok(())
}

/// One lever's value, checked for its kind.
fn read_value(
    value: &Value,
    kind: Kind,
    field: &str,
    plan: &Plan,
    input: &Input,
) -> Result<LeverValue, InputError> {
    let wrong = |expected: &'static str| {
        problem(
            input,
            ScenarioProblem::WrongType {
                field: field.to_string(),
                expected,
            },
        )
    };
    Ok(match kind {
        Kind::Order => {
            let text = value.as_str().ok_or_else(|| wrong("string"))?;
            LeverValue::Order(Strategy::from_key(text).ok_or_else(|| {
                problem(
                    input,
                    ScenarioProblem::UnknownStrategy {
                        field: field.to_string(),
                        value: text.into(),
                    },
                )
            })?)
        }
        Kind::Amount { max } => LeverValue::Number(amount(value, field, input, max)?),
        Kind::Share => {
            let range = |value| {
                problem(
                    input,
                    ScenarioProblem::DisbursementRange {
                        field: field.to_string(),
                        value,
                    },
                )
            };
            let x = amount(value, field, input, f64::INFINITY).map_err(|e| match e.problem {
                Problem::Scenario(ScenarioProblem::Negative { value, .. }) => range(value),
                _ => e,
            })?;
            if x > 1.0 {
                return Err(range(x));
            }
            LeverValue::Number(x)
        }
        Kind::Whole { max } => {
            LeverValue::Number(f64::from(whole_in(value, field, input, 0.0, max)?))
        }
        Kind::CriteriaCount => LeverValue::Number(number_in(
            value,
            field,
            input,
            0.0,
            plan.criteria.len() as f64,
        )?),
        Kind::Items => {
            let list = value.as_array().ok_or_else(|| wrong("array"))?;
            let mut mask: crate::engine::ItemSet = 0;
            let mut seen: Vec<&str> = Vec::new();
            for (i, item) in list.iter().enumerate() {
                let item_field = format!("{field}[{i}]");
                let text = item.as_str().ok_or_else(|| {
                    problem(
                        input,
                        ScenarioProblem::WrongType {
                            field: item_field.clone(),
                            expected: "string",
                        },
                    )
                })?;
                let items = plan.key_items(text).ok_or_else(|| {
                    problem(
                        input,
                        ScenarioProblem::UnknownCriterion {
                            field: item_field.clone(),
                            value: text.into(),
                        },
                    )
                })?;
                // A key given twice is a mistake; a criterion and one of its items overlap and
                // stand for the distinct items (model.md §8.1).
                if seen.contains(&text) {
                    return Err(problem(
                        input,
                        ScenarioProblem::DuplicateCriterion {
                            field: item_field,
                            value: text.into(),
                        },
                    ));
                }
                seen.push(text);
                mask |= items;
            }
            LeverValue::Items(mask)
        }
    })
}

/// The keys an eligibility list writes for a set of items: a criterion's key where all its
/// items are in (and it has indicators), else the items' keys, in the plan's order.
pub fn eligibility_keys(mask: crate::engine::ItemSet, plan: &Plan) -> Vec<String> {
    let mut keys = Vec::new();
    for (k, c) in plan.criteria.iter().enumerate() {
        let items = plan.criterion_items(k);
        if !c.indicators.is_empty() && mask & items == items {
            keys.push(c.key.clone());
            continue;
        }
        for (j, item) in plan.items.iter().enumerate() {
            if items & mask & (1 << j) != 0 {
                keys.push(item.key.clone());
            }
        }
    }
    keys
}

/// A lever's value as a file writes it.
/// (A whole number is written without a fraction by `number_value`, as every amount is.)
fn lever_value(value: LeverValue, plan: &Plan) -> Value {
    match value {
        LeverValue::Order(o) => Value::from(o.key()),
        LeverValue::Items(m) => Value::Array(
            eligibility_keys(m, plan)
                .into_iter()
                .map(Value::from)
                .collect(),
        ),
        LeverValue::Number(x) => number_value(x),
    }
}
