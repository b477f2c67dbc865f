//! Scenario files (model.md §4): read with every field checked and named, written back exactly.

use super::error::{InputError, ScenarioProblem};
use super::json::*;

fn problem(input: &str, p: ScenarioProblem) -> InputError {
    InputError::scenario(input, p)
}

use crate::engine::plan::{Plan, CRITERIA, SOURCES};
use crate::engine::scenario::{
    Scenario, Strategy, Targets, MAX_AMOUNT, MAX_NAME_CHARS, MAX_TARGET_COMMUNES,
};
use serde_json::{Map, Value};

impl Scenario {
    /// Reads a scenario file. `input` names it in messages ("scenario.json", "link").
    pub fn from_json(text: &str, plan: &Plan, input: &str) -> Result<Scenario, InputError> {
        Scenario::from_value(&read_json(text, input)?, plan, input)?.with_name_checked(input)
    }

    /// Files and links from outside may not carry a name longer than [`MAX_NAME_CHARS`] (what
    /// the browser already keeps is read as it is, so nothing kept is lost).
    pub fn with_name_checked(self, input: &str) -> Result<Scenario, InputError> {
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

    pub fn from_value(value: &Value, plan: &Plan, input: &str) -> Result<Scenario, InputError> {
        let top = as_object(value, "(scenario)", input)?;
        let mut scenario = Scenario::default();
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
        for (key, value) in top {
            match key.as_str() {
                "schema" => {}
                "name" => {
                    scenario.name = Some(text_of(value, "name", input)?);
                }
                "strategy" => {
                    let text = value.as_str().ok_or_else(|| {
                        problem(
                            input,
                            ScenarioProblem::WrongType {
                                field: "strategy".into(),
                                expected: "string",
                            },
                        )
                    })?;
                    scenario.strategy = Some(Strategy::from_key(text).ok_or_else(|| {
                        problem(
                            input,
                            ScenarioProblem::UnknownStrategy {
                                field: "strategy".into(),
                                value: text.into(),
                            },
                        )
                    })?);
                }
                "funding" | "disbursement" => {
                    for (source, v) in as_object(value, key, input)? {
                        let field = format!("{key}.{source}");
                        let s = index_of(plan.source_index(source), &field, input)?;
                        if key == "funding" {
                            scenario.funding[s] = Some(amount(v, &field, input, MAX_AMOUNT)?);
                        } else {
                            let x = amount(v, &field, input, f64::INFINITY).map_err(|e| match e
                                .problem
                            {
                                super::error::Problem::Scenario(ScenarioProblem::Negative {
                                    value,
                                    ..
                                }) => problem(
                                    input,
                                    ScenarioProblem::DisbursementRange {
                                        field: field.clone(),
                                        value,
                                    },
                                ),
                                _ => e,
                            })?;
                            if x > 1.0 {
                                return Err(problem(
                                    input,
                                    ScenarioProblem::DisbursementRange { field, value: x },
                                ));
                            }
                            scenario.disbursement[s] = Some(x);
                        }
                    }
                }
                "investment" | "unit_costs" => {
                    for (criterion, v) in as_object(value, key, input)? {
                        let field = format!("{key}.{criterion}");
                        let k = index_of(plan.criterion_index(criterion), &field, input)?;
                        let x = amount(v, &field, input, MAX_AMOUNT)?;
                        if key == "investment" {
                            scenario.investment[k] = Some(x);
                        } else {
                            scenario.unit_costs[k] = Some(x);
                        }
                    }
                }
                "targets" => scenario.targets = read_targets(value, plan, input)?,
                "eligibility" => {
                    for (source, v) in as_object(value, key, input)? {
                        let field = format!("eligibility.{source}");
                        let s = index_of(plan.source_index(source), &field, input)?;
                        let list = v.as_array().ok_or_else(|| {
                            problem(
                                input,
                                ScenarioProblem::WrongType {
                                    field: field.clone(),
                                    expected: "array",
                                },
                            )
                        })?;
                        let mut mask = 0u32;
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
                            let k = plan.criterion_index(text).ok_or_else(|| {
                                problem(
                                    input,
                                    ScenarioProblem::UnknownCriterion {
                                        field: item_field.clone(),
                                        value: text.into(),
                                    },
                                )
                            })?;
                            if mask & (1 << k) != 0 {
                                return Err(problem(
                                    input,
                                    ScenarioProblem::DuplicateCriterion {
                                        field: item_field,
                                        value: text.into(),
                                    },
                                ));
                            }
                            mask |= 1 << k;
                        }
                        scenario.eligibility[s] = Some(mask);
                    }
                }
                other => {
                    return Err(problem(
                        input,
                        ScenarioProblem::UnknownField {
                            field: other.to_string(),
                        },
                    ));
                }
            }
        }
        Ok(scenario)
    }

    /// The scenario as JSON: only what was given, in the plan's order of sources and criteria.
    pub fn to_value(&self, plan: &Plan) -> Value {
        let mut top = header(self.name.as_deref());
        if let Some(strategy) = self.strategy {
            top.insert("strategy".into(), Value::from(strategy.key()));
        }
        let per_source = |values: &[Option<f64>; SOURCES]| -> Option<Value> {
            let map: Map<String, Value> = values
                .iter()
                .enumerate()
                .filter_map(|(s, v)| v.map(|x| (plan.sources[s].key.clone(), number_value(x))))
                .collect();
            (!map.is_empty()).then_some(Value::Object(map))
        };
        if let Some(v) = per_source(&self.funding) {
            top.insert("funding".into(), v);
        }
        if let Some(v) = per_source(&self.disbursement) {
            top.insert("disbursement".into(), v);
        }
        let investment: Map<String, Value> = self
            .investment
            .iter()
            .enumerate()
            .filter_map(|(k, v)| v.map(|x| (plan.criteria[k].key.clone(), number_value(x))))
            .collect();
        if !investment.is_empty() {
            top.insert("investment".into(), Value::Object(investment));
        }
        let eligibility: Map<String, Value> = self
            .eligibility
            .iter()
            .enumerate()
            .filter_map(|(s, mask)| {
                mask.map(|m| {
                    let keys: Vec<Value> = (0..CRITERIA)
                        .filter(|k| m & (1 << k) != 0)
                        .map(|k| Value::from(plan.criteria[k].key.clone()))
                        .collect();
                    (plan.sources[s].key.clone(), Value::Array(keys))
                })
            })
            .collect();
        if !eligibility.is_empty() {
            top.insert("eligibility".into(), Value::Object(eligibility));
        }
        let unit_costs: Map<String, Value> = self
            .unit_costs
            .iter()
            .enumerate()
            .filter_map(|(k, v)| v.map(|x| (plan.criteria[k].key.clone(), number_value(x))))
            .collect();
        if !unit_costs.is_empty() {
            top.insert("unit_costs".into(), Value::Object(unit_costs));
        }
        if !self.targets.is_empty() {
            top.insert("targets".into(), targets_value(&self.targets, plan));
        }
        Value::Object(top)
    }

    /// Pretty JSON, as written to a scenario file.
    pub fn to_json(&self, plan: &Plan) -> String {
        let mut text = serde_json::to_string_pretty(&self.to_value(plan)).unwrap_or_default();
        text.push('\n');
        text
    }
}
fn read_targets(value: &Value, plan: &Plan, input: &str) -> Result<Targets, InputError> {
    let mut targets = Targets::default();
    let max_criteria = CRITERIA as f64;
    for (key, v) in as_object(value, "targets", input)? {
        let field = format!("targets.{key}");
        match key.as_str() {
            "certified" => {
                targets.certified = Some(whole_in(v, &field, input, 0.0, MAX_TARGET_COMMUNES)?)
            }
            "avg_criteria" => {
                targets.avg_criteria = Some(number_in(v, &field, input, 0.0, max_criteria)?)
            }
            "border_avg_min" => {
                targets.border_avg_min = Some(number_in(v, &field, input, 0.0, max_criteria)?)
            }
            "border_avg_max" => {
                targets.border_avg_max = Some(number_in(v, &field, input, 0.0, max_criteria)?)
            }
            "criteria" => {
                for (criterion, n) in as_object(v, &field, input)? {
                    let field = format!("targets.criteria.{criterion}");
                    let k = index_of(plan.criterion_index(criterion), &field, input)?;
                    targets.criteria[k] =
                        Some(whole_in(n, &field, input, 0.0, MAX_TARGET_COMMUNES)?);
                }
            }
            _ => return Err(problem(input, ScenarioProblem::UnknownField { field })),
        }
    }
    Ok(targets)
}

fn targets_value(targets: &Targets, plan: &Plan) -> Value {
    let mut map = Map::new();
    if let Some(n) = targets.certified {
        map.insert("certified".into(), Value::from(n));
    }
    for (key, v) in [
        ("avg_criteria", targets.avg_criteria),
        ("border_avg_min", targets.border_avg_min),
        ("border_avg_max", targets.border_avg_max),
    ] {
        if let Some(x) = v {
            map.insert(key.into(), number_value(x));
        }
    }
    let criteria: Map<String, Value> = targets
        .criteria
        .iter()
        .enumerate()
        .filter_map(|(k, v)| v.map(|n| (plan.criteria[k].key.clone(), Value::from(n))))
        .collect();
    if !criteria.is_empty() {
        map.insert("criteria".into(), Value::Object(criteria));
    }
    Value::Object(map)
}
