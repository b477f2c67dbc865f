//! The scenario (model.md §4): the levers and assumptions a planner sets. A field left out
//! takes the plan's default; what was given is kept apart from the defaults, so a scenario
//! written back is exactly the one read.

use super::error::{InputError, ScenarioProblem};
use super::plan::{Plan, CRITERIA, SOURCES};
use serde_json::{Map, Value};

pub const SCHEMA: u64 = 1;

/// No amount of a province's programme comes near a million billion VND: a larger number is a
/// typing mistake.
pub const MAX_AMOUNT: f64 = 1_000_000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Strategy {
    /// Gần đạt chuẩn trước: the plan's own priority.
    #[default]
    ClosestFirst,
    /// Chi phí thấp trước.
    CheapestFirst,
    /// Xã biên giới, khó khăn trước.
    EquityFirst,
}

impl Strategy {
    pub const ALL: [Strategy; 3] = [
        Strategy::ClosestFirst,
        Strategy::CheapestFirst,
        Strategy::EquityFirst,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Strategy::ClosestFirst => "closest_first",
            Strategy::CheapestFirst => "cheapest_first",
            Strategy::EquityFirst => "equity_first",
        }
    }
    pub fn from_key(key: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|s| s.key() == key)
    }
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn name_vi(self) -> &'static str {
        match self {
            Strategy::ClosestFirst => "Gần đạt chuẩn trước",
            Strategy::CheapestFirst => "Chi phí thấp trước",
            Strategy::EquityFirst => "Xã biên giới, khó khăn trước",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            Strategy::ClosestFirst => "Closest to the standard first",
            Strategy::CheapestFirst => "Cheapest first",
            Strategy::EquityFirst => "Border and difficult communes first",
        }
    }
}

/// A scenario as given: `None` where the plan's default applies. Indices follow the plan's
/// order of sources and criteria.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scenario {
    pub name: Option<String>,
    pub strategy: Option<Strategy>,
    pub funding: [Option<f64>; SOURCES],
    pub disbursement: [Option<f64>; SOURCES],
    pub investment: [Option<f64>; CRITERIA],
    /// Bit mask of the criteria each source may pay for.
    pub eligibility: [Option<u32>; SOURCES],
    /// Billion VND a commune, replacing the plan's unit cost where a table's cost cell is empty.
    pub unit_costs: [Option<f64>; CRITERIA],
    /// The scenario's own targets, replacing the plan's (and with them the default investment).
    pub targets: Targets,
}

/// Targets a scenario sets for itself (model.md §4 `targets`); `None`: the plan's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Targets {
    pub certified: Option<u32>,
    pub avg_criteria: Option<f64>,
    pub border_avg_min: Option<f64>,
    pub border_avg_max: Option<f64>,
    pub criteria: [Option<u32>; CRITERIA],
}

impl Targets {
    pub fn is_empty(&self) -> bool {
        *self == Targets::default()
    }
}

/// A scenario's name is a title, not a document: longer ones are refused.
pub const MAX_NAME_CHARS: usize = 200;

/// The most communes a target may name (the table's limit).
pub const MAX_TARGET_COMMUNES: f64 = 50_000.0;

fn problem(input: &str, p: ScenarioProblem) -> InputError {
    InputError::scenario(input, p)
}

pub(crate) fn as_object<'a>(
    value: &'a Value,
    field: &str,
    input: &str,
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
pub(crate) fn read_json(text: &str, input: &str) -> Result<Value, InputError> {
    serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| problem(input, super::path::json_problem(&e)))
}

/// The top object of a file with `"schema": 1`; `what` names it when it is not an object.
pub(crate) fn versioned<'a>(
    value: &'a Value,
    what: &str,
    input: &str,
) -> Result<&'a Map<String, Value>, InputError> {
    let top = as_object(value, what, input)?;
    match top.get("schema") {
        None => Err(problem(input, ScenarioProblem::MissingSchema)),
        Some(v) if v.as_u64() == Some(SCHEMA) => Ok(top),
        Some(v) => Err(problem(
            input,
            ScenarioProblem::Schema {
                found: v.to_string(),
            },
        )),
    }
}

/// The start of every file this project writes: its schema, and its name where it has one.
pub(crate) fn header(name: Option<&str>) -> Map<String, Value> {
    let mut top = Map::new();
    top.insert("schema".into(), Value::from(SCHEMA));
    if let Some(name) = name {
        top.insert("name".into(), Value::from(name));
    }
    top
}

/// A text field (a name), named by its field when the value is something else.
pub(crate) fn text_of(value: &Value, field: &str, input: &str) -> Result<String, InputError> {
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
pub(crate) fn index_of(
    found: Option<usize>,
    field: &str,
    input: &str,
) -> Result<usize, InputError> {
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
fn a_number(value: &Value, field: &str, input: &str) -> Result<f64, InputError> {
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
pub(crate) fn number_in(
    value: &Value,
    field: &str,
    input: &str,
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
pub(crate) fn whole_in(
    value: &Value,
    field: &str,
    input: &str,
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

pub(crate) fn amount(
    value: &Value,
    field: &str,
    input: &str,
    limit: f64,
) -> Result<f64, InputError> {
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

impl Scenario {
    /// The plan itself: every lever at its default.
    pub fn plan() -> Scenario {
        Scenario::default()
    }

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

    /// The name to show: the given one, or the plan's.
    pub fn display_name<'a>(&'a self, plan: &'a Plan) -> &'a str {
        self.name.as_deref().unwrap_or(&plan.default_scenario_name)
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

/// Whole amounts are written without a fraction (`640`, not `640.0`).
pub(crate) fn number_value(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}
