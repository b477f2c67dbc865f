//! Path files (model.md §7.1) and the path's results as JSON.

use super::error::{Input, InputError, ScenarioProblem};
use super::json::*;
use crate::engine::path::*;
use crate::engine::plan::Plan;
use crate::engine::scenario::Scenario;
use serde_json::{Map, Value};

impl Path {
    /// Reads a path file (model.md §7.1). `input` names it in messages.
    pub fn from_json(text: &str, plan: &Plan, input: impl Into<Input>) -> Result<Path, InputError> {
        Self::from_json_of(text, plan, &input.into())
    }

    fn from_json_of(text: &str, plan: &Plan, input: &Input) -> Result<Path, InputError> {
        Path::from_value_of(&read_json(text, input)?, plan, input)
    }

    pub fn from_value(
        value: &Value,
        plan: &Plan,
        input: impl Into<Input>,
    ) -> Result<Path, InputError> {
        Self::from_value_of(value, plan, &input.into())
    }

    fn from_value_of(value: &Value, plan: &Plan, input: &Input) -> Result<Path, InputError> {
        let bad = |p: ScenarioProblem| InputError::scenario(input, p);
        let top = versioned(value, "(path)", plan, input)?;
        let years_value = top.get("years").ok_or_else(|| {
            bad(ScenarioProblem::WrongType {
                field: "years".into(),
                expected: "array",
            })
        })?;
        let list = years_value.as_array().ok_or_else(|| {
            bad(ScenarioProblem::WrongType {
                field: "years".into(),
                expected: "array",
            })
        })?;
        let mut years = Vec::with_capacity(list.len());
        for (i, y) in list.iter().enumerate() {
            let field = format!("years[{i}]");
            years.push(whole_in(y, &field, input, 2000.0, 2100.0)? as u16);
        }
        let consecutive = years.windows(2).all(|w| w[1] == w[0] + 1);
        if years.is_empty() || years.len() > MAX_YEARS || !consecutive {
            return Err(bad(ScenarioProblem::Years {
                field: "years".into(),
            }));
        }
        let first_year = years[0];
        let last_year = years[years.len() - 1];
        let year_of = |key: &str, field: &str| -> Result<u16, InputError> {
            key.parse::<u16>()
                .ok()
                .filter(|y| (first_year..=last_year).contains(y))
                .ok_or_else(|| {
                    bad(ScenarioProblem::YearNotInPath {
                        field: field.to_string(),
                        year: key.to_string(),
                    })
                })
        };
        let mut path = Path {
            name: None,
            first_year,
            years: years.len(),
            scenarios: Vec::new(),
            carry: Carry::default(),
            cost_growth: 0.0,
            targets: Vec::new(),
        };
        for (key, v) in top {
            match key.as_str() {
                "schema" | "plan" | "years" => {}
                "name" => path.name = Some(text_of(v, "name", input)?),
                "scenarios" => {
                    for (year_key, s) in as_object(v, "scenarios", input)? {
                        let field = format!("scenarios.{year_key}");
                        let year = year_of(year_key, &field)?;
                        // A scenario inside a path may leave out its schema: it is the path's.
                        let mut s = s.clone();
                        if let Value::Object(map) = &mut s {
                            map.entry("schema").or_insert(Value::from(SCHEMA));
                            map.entry("plan").or_insert(Value::from(plan.key.as_str()));
                        }
                        let scenario = Scenario::from_value_of(&s, plan, input)
                            .map_err(|e| e.within(&field))?;
                        path.set_scenario(year, scenario);
                    }
                }
                "carry" => {
                    for (part, x) in as_object(v, "carry", input)? {
                        let field = format!("carry.{part}");
                        let share = number_in(x, &field, input, 0.0, 1.0)?;
                        match part.as_str() {
                            "undisbursed" => path.carry.undisbursed = share,
                            "idle" => path.carry.idle = share,
                            "unused" => path.carry.unused = share,
                            _ => return Err(bad(ScenarioProblem::UnknownField { field })),
                        }
                    }
                }
                "cost_growth" => {
                    path.cost_growth = number_in(v, "cost_growth", input, -0.5, 1.0)?;
                }
                "targets" => {
                    for (year_key, goals) in as_object(v, "targets", input)? {
                        let field = format!("targets.{year_key}");
                        let year = year_of(year_key, &field)?;
                        for (goal, x) in as_object(goals, &field, input)? {
                            let field = format!("targets.{year_key}.{goal}");
                            let measure = Measure::from_key(goal, plan).ok_or_else(|| {
                                bad(ScenarioProblem::UnknownField {
                                    field: field.clone(),
                                })
                            })?;
                            let max = match measure {
                                Measure::Certified | Measure::Criterion(_) | Measure::Item(_) => {
                                    crate::engine::scenario::MAX_TARGET_COMMUNES
                                }
                                _ => plan.criteria.len() as f64,
                            };
                            let target = number_in(x, &field, input, 0.0, max)?;
                            if measure.is_count() && target.fract() != 0.0 {
                                return Err(bad(ScenarioProblem::NotWhole {
                                    field,
                                    value: target,
                                }));
                            }
                            path.targets.push(YearTarget {
                                year,
                                measure,
                                target,
                            });
                        }
                    }
                }
                _ => {
                    return Err(bad(ScenarioProblem::UnknownField { field: key.clone() }));
                }
            }
        }
        Ok(path)
    }

    /// The path as JSON: what a path file holds (scenarios only as listed).
    pub fn to_value(&self, plan: &Plan) -> Value {
        let mut top = super::json::header(plan, self.name.as_deref());
        top.insert(
            "years".into(),
            Value::Array(self.year_list().into_iter().map(Value::from).collect()),
        );
        let scenarios: Map<String, Value> = self
            .scenarios
            .iter()
            .map(|(y, s)| (y.to_string(), s.to_value(plan)))
            .collect();
        top.insert("scenarios".into(), Value::Object(scenarios));
        let mut carry = Map::new();
        carry.insert("undisbursed".into(), number(self.carry.undisbursed));
        carry.insert("idle".into(), number(self.carry.idle));
        carry.insert("unused".into(), number(self.carry.unused));
        top.insert("carry".into(), Value::Object(carry));
        top.insert("cost_growth".into(), number(self.cost_growth));
        let mut targets = Map::new();
        for t in &self.targets {
            let year = targets
                .entry(t.year.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(map) = year {
                map.insert(t.measure.key(plan), number(t.target));
            }
        }
        top.insert("targets".into(), Value::Object(targets));
        Value::Object(top)
    }

    pub fn to_json(&self, plan: &Plan) -> String {
        let mut text = serde_json::to_string_pretty(&self.to_value(plan)).unwrap_or_default();
        text.push('\n');
        text
    }
}

fn number(x: f64) -> Value {
    super::json::number_value(x)
}

pub(crate) fn json_problem(e: &serde_json::Error) -> ScenarioProblem {
    let text = e.to_string();
    let detail = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    ScenarioProblem::Json {
        line: e.line(),
        column: e.column(),
        detail,
        eof: e.is_eof(),
    }
}

impl PathOutcome {
    /// model.md §7.1's output: `years[]` (each year's §5.4 fields with `year`, `carried_in`
    /// and `reserved_in`) and `targets[]`.
    pub fn to_value(&self, plan: &Plan) -> Value {
        let years: Vec<Value> = self
            .years
            .iter()
            .map(|y| {
                let mut map = Map::new();
                map.insert("year".into(), Value::from(y.year));
                if let Ok(Value::Object(fields)) = serde_json::to_value(&y.outcome) {
                    map.extend(fields);
                }
                let carried: Map<String, Value> = (0..plan.sources.len())
                    .map(|s| (plan.sources[s].key.clone(), Value::from(y.carried_in[s])))
                    .collect();
                map.insert("carried_in".into(), Value::Object(carried));
                let reserved: Map<String, Value> = (0..plan.items.len())
                    .map(|k| (plan.items[k].key.clone(), Value::from(y.reserved_in[k])))
                    .collect();
                map.insert("reserved_in".into(), Value::Object(reserved));
                map.insert("min_criteria".into(), Value::from(y.outcome.min_criteria));
                Value::Object(map)
            })
            .collect();
        let targets: Vec<Value> = self
            .targets
            .iter()
            .map(|t| {
                let mut map = Map::new();
                map.insert("year".into(), Value::from(t.year));
                map.insert("key".into(), Value::from(t.measure.key(plan)));
                map.insert("target".into(), number(t.target));
                map.insert("value".into(), Value::from(t.value));
                map.insert("met".into(), Value::from(t.met));
                Value::Object(map)
            })
            .collect();
        let mut top = Map::new();
        top.insert("years".into(), Value::Array(years));
        top.insert("targets".into(), Value::Array(targets));
        Value::Object(top)
    }

    pub fn to_json(&self, plan: &Plan) -> String {
        let mut text = serde_json::to_string_pretty(&self.to_value(plan)).unwrap_or_default();
        text.push('\n');
        text
    }
}
