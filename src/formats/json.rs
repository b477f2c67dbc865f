//! What every JSON file of this project shares: its schema and name, and fields read with
//! their problems named (a field, a line and column of the text).

use super::error::{Input, InputError, ScenarioProblem};
use serde_json::{Map, Value};

pub const SCHEMA: u64 = 1;

pub fn problem(input: &Input, p: ScenarioProblem) -> InputError {
    InputError::scenario(input, p)
}

pub fn as_object<'a>(
    value: &'a Value,
    field: &str,
    input: &Input,
) -> Result<&'a Map<String, Value>, InputError> {
    value.as_object().ok_or_else(|| {
        problem(
            input,
            ScenarioProblem::NotAnObject {
                field: field.to_string(),
            },
        )
    })
}

/// Reads the JSON of a file (a byte order mark is allowed), its errors named by line and column.
pub fn read_json(text: &str, input: &Input) -> Result<Value, InputError> {
    serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| problem(input, super::path::json_problem(&e)))
}

/// The top object of a file with `"schema": 1`; `what` names it when it is not an object.
pub fn versioned<'a>(
    value: &'a Value,
    what: &str,
    plan: &crate::engine::Plan,
    input: &Input,
) -> Result<&'a Map<String, Value>, InputError> {
    let top = as_object(value, what, input)?;
    match top.get("schema") {
        None => return Err(problem(input, ScenarioProblem::MissingSchema)),
        Some(v) if v.as_u64() == Some(SCHEMA) => {}
        Some(v) => {
            return Err(problem(
                input,
                ScenarioProblem::Schema {
                    found: v.to_string(),
                },
            ))
        }
    }
    // The plan it was made for (model.md §8.1): none is the 2022 plan's.
    let named = match top.get("plan") {
        None => None,
        Some(Value::String(key)) => Some(key.as_str()),
        Some(_) => {
            return Err(problem(
                input,
                ScenarioProblem::WrongType {
                    field: "plan".into(),
                    expected: "string",
                },
            ))
        }
    };
    plan.check_named(named, input)?;
    Ok(top)
}

/// The start of every file this project writes: its schema, its plan, and its name where it
/// has one.
pub fn header(plan: &crate::engine::Plan, name: Option<&str>) -> Map<String, Value> {
    let mut top = Map::new();
    top.insert("schema".into(), Value::from(SCHEMA));
    top.insert("plan".into(), Value::from(plan.key.as_str()));
    if let Some(name) = name {
        top.insert("name".into(), Value::from(name));
    }
    top
}

/// A text field (a name), named by its field when the value is something else.
pub fn text_of(value: &Value, field: &str, input: &Input) -> Result<String, InputError> {
    value.as_str().map(str::to_string).ok_or_else(|| {
        problem(
            input,
            ScenarioProblem::WrongType {
                field: field.to_string(),
                expected: "string",
            },
        )
    })
}

/// The index of a criterion or source named in a file, the file's field named when unknown.
pub fn index_of(found: Option<usize>, field: &str, input: &Input) -> Result<usize, InputError> {
    found.ok_or_else(|| {
        problem(
            input,
            ScenarioProblem::UnknownField {
                field: field.to_string(),
            },
        )
    })
}

/// A JSON number, named by its field when the value is something else.
pub fn a_number(value: &Value, field: &str, input: &Input) -> Result<f64, InputError> {
    value.as_f64().ok_or_else(|| {
        problem(
            input,
            ScenarioProblem::WrongType {
                field: field.to_string(),
                expected: "number",
            },
        )
    })
}

/// A number within `min..=max`, named by its field when it is not.
pub fn number_in(
    value: &Value,
    field: &str,
    input: &Input,
    min: f64,
    max: f64,
) -> Result<f64, InputError> {
    let x = a_number(value, field, input)?;
    if !(min..=max).contains(&x) {
        return Err(problem(
            input,
            ScenarioProblem::OutOfRange {
                field: field.to_string(),
                value: x,
                min,
                max,
            },
        ));
    }
    Ok(x)
}

/// A whole number within `min..=max`.
pub fn whole_in(
    value: &Value,
    field: &str,
    input: &Input,
    min: f64,
    max: f64,
) -> Result<u32, InputError> {
    let x = number_in(value, field, input, min, max)?;
    if x.fract() != 0.0 {
        return Err(problem(
            input,
            ScenarioProblem::NotWhole {
                field: field.to_string(),
                value: x,
            },
        ));
    }
    Ok(x as u32)
}

pub fn amount(value: &Value, field: &str, input: &Input, limit: f64) -> Result<f64, InputError> {
    let x = a_number(value, field, input)?;
    if x < 0.0 {
        return Err(problem(
            input,
            ScenarioProblem::Negative {
                field: field.to_string(),
                value: x,
            },
        ));
    }
    if x > limit {
        return Err(problem(
            input,
            ScenarioProblem::TooLarge {
                field: field.to_string(),
                value: x,
                limit,
            },
        ));
    }
    Ok(x)
}
/// Whole amounts are written without a fraction (`640`, not `640.0`).
pub fn number_value(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}

/// Puts a lever's value where a scenario file has it (`funding.credit`,
/// `targets.criteria.transport`), making the objects on the way.
pub fn put_lever(
    top: &mut Map<String, Value>,
    lever: crate::engine::lever::Lever,
    plan: &crate::engine::Plan,
    value: Value,
) {
    let family = lever.family();
    let (last, parents) = match lever.item_key(plan) {
        Some(item) => (item, family.path),
        None => family
            .path
            .split_last()
            .map(|(l, p)| (*l, p))
            .unwrap_or(("", &[])),
    };
    let mut map = top;
    for part in parents {
        let entry = map
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        map = match entry {
            Value::Object(m) => m,
            _ => unreachable!("lever paths never end where another goes on"),
        };
    }
    map.insert(last.to_string(), value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_amounts_are_written_without_a_fraction_while_exact() {
        assert_eq!(number_value(640.0).to_string(), "640");
        assert_eq!(number_value(-3.0).to_string(), "-3");
        assert_eq!(number_value(12.5).to_string(), "12.5");
        assert_eq!(number_value(8.999e15).to_string(), "8999000000000000");
        // From 9e15 on, a float as the reader gives it back (beyond what an i64 cast keeps
        // exact for every whole double).
        assert!(number_value(9.0e15).is_f64());
        assert!(number_value(-9.0e15).is_f64());
    }
}
