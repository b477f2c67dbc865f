//! Years (model.md §7.1): the one-year engine run year after year, each year starting from
//! where the last one ended, with money that did not arrive, sat idle or was not spent carried
//! over, and the path's targets checked at the end of the years they name.

use super::engine::{Certain, Chance, Levers, Model, Outcome};
use super::error::{InputError, ScenarioProblem};
use super::plan::{Plan, CRITERIA, SOURCES};
use super::scenario::{
    as_object, number_in, read_json, text_of, versioned, whole_in, Scenario, SCHEMA,
};
use serde_json::{Map, Value};

/// The most years a path may hold.
pub const MAX_YEARS: usize = 10;

/// The path shipped as the default (2022–2025, the province's own targets for 2025).
pub const DEFAULT_PATH: &str = include_str!("../../seeds/paths/lo-trinh-2022-2025.json");

/// What a figure of the results is measured by: the keys of targets and goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Certified,
    AvgCriteria,
    MinCriteria,
    BorderAvg,
    /// Communes meeting criterion k.
    Criterion(usize),
}

impl Measure {
    pub fn from_key(key: &str, plan: &Plan) -> Option<Measure> {
        Some(match key {
            "certified" => Measure::Certified,
            "avg_criteria" => Measure::AvgCriteria,
            "min_criteria" => Measure::MinCriteria,
            "border_avg" => Measure::BorderAvg,
            other => Measure::Criterion(plan.criterion_index(other)?),
        })
    }

    pub fn key(self, plan: &Plan) -> String {
        match self {
            Measure::Certified => "certified".into(),
            Measure::AvgCriteria => "avg_criteria".into(),
            Measure::MinCriteria => "min_criteria".into(),
            Measure::BorderAvg => "border_avg".into(),
            Measure::Criterion(k) => plan.criteria[k].key.clone(),
        }
    }

    /// Counts are whole numbers; averages are not.
    pub fn is_count(self) -> bool {
        !matches!(self, Measure::AvgCriteria | Measure::BorderAvg)
    }

    /// The figure in a year's results.
    pub fn value(self, outcome: &Outcome) -> f64 {
        match self {
            Measure::Certified => f64::from(outcome.certified),
            Measure::AvgCriteria => outcome.avg_criteria,
            Measure::MinCriteria => f64::from(outcome.min_criteria),
            Measure::BorderAvg => outcome.border.avg_criteria,
            Measure::Criterion(k) => f64::from(outcome.criteria[k].met),
        }
    }

    /// Reached: at least the target (averages within the money tolerance's spirit, 1e-9).
    pub fn reaches(self, value: f64, target: f64) -> bool {
        value + 1e-9 >= target
    }
}

/// How much of what was not used in a year goes on to the next (shares, 0..1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Carry {
    /// Money pledged that did not arrive.
    pub undisbursed: f64,
    /// Money that arrived and no criterion it may pay for needed.
    pub idle: f64,
    /// Money covered for a criterion and not spent in its walk: stays with the criterion.
    pub unused: f64,
}

impl Default for Carry {
    fn default() -> Self {
        Carry {
            undisbursed: 1.0,
            idle: 1.0,
            unused: 1.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearTarget {
    pub year: u16,
    pub measure: Measure,
    pub target: f64,
}

/// A path (model.md §7.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub name: Option<String>,
    pub first_year: u16,
    pub years: usize,
    /// The scenarios listed, by year, ascending; a year not listed takes the previous one's.
    pub scenarios: Vec<(u16, Scenario)>,
    pub carry: Carry,
    pub cost_growth: f64,
    pub targets: Vec<YearTarget>,
}

/// One year of a path: the year's results and what came in from the year before.
#[derive(Debug, Clone, PartialEq)]
pub struct YearOutcome {
    pub year: u16,
    pub outcome: Outcome,
    pub carried_in: [f64; SOURCES],
    pub reserved_in: [f64; CRITERIA],
    /// The scenario in force this year (listed for it or for an earlier year).
    pub scenario_year: u16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetCheck {
    pub year: u16,
    pub measure: Measure,
    pub target: f64,
    pub value: f64,
    pub met: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PathOutcome {
    pub years: Vec<YearOutcome>,
    pub targets: Vec<TargetCheck>,
}

impl Path {
    /// The years, first to last.
    pub fn year_list(&self) -> Vec<u16> {
        (0..self.years as u16)
            .map(|i| self.first_year + i)
            .collect()
    }

    /// The scenario in force in `year`: the one listed for it or for the latest year before.
    pub fn scenario_for(&self, year: u16) -> Option<(u16, &Scenario)> {
        self.scenarios
            .iter()
            .rev()
            .find(|(y, _)| *y <= year)
            .map(|(y, s)| (*y, s))
    }

    /// Lists `scenario` for `year` (replacing what was listed), keeping the list in order.
    pub fn set_scenario(&mut self, year: u16, scenario: Scenario) {
        match self.scenarios.binary_search_by_key(&year, |(y, _)| *y) {
            Ok(i) => self.scenarios[i].1 = scenario,
            Err(i) => self.scenarios.insert(i, (year, scenario)),
        }
    }

    /// `year` takes the previous year's scenario again ("same as last year").
    pub fn unset_scenario(&mut self, year: u16) {
        if year != self.first_year {
            self.scenarios.retain(|(y, _)| *y != year);
        }
    }

    /// Gives the first year `scenario` where the path lists none for it (model.md §7.1: a path
    /// file without a scenario for its first year takes `--scenario`'s).
    pub fn with_first_scenario(mut self, scenario: &Scenario) -> Path {
        if self.scenarios.first().map(|(y, _)| *y) != Some(self.first_year) {
            self.scenarios
                .insert(0, (self.first_year, scenario.clone()));
        }
        self
    }

    /// The shipped default path (2022–2025), with `scenario` every year.
    pub fn default_for(plan: &Plan, scenario: &Scenario) -> Path {
        // The seed is checked by a test; a broken seed is a build defect.
        Path::from_json(DEFAULT_PATH, plan, "seeds/paths")
            .expect("the shipped path seed is valid")
            .with_first_scenario(scenario)
    }

    /// Runs the path: each year's engine on the communes as the year before left them.
    pub fn run(&self, model: &Model) -> PathOutcome {
        self.run_chance(model, &mut Certain)
    }

    /// Runs the path with `chance` deciding each year's disbursement, costs and delivery. A
    /// work paid for and not done within its year is done by the start of the next (its money
    /// was spent).
    pub fn run_chance<C: Chance>(&self, model: &Model, chance: &mut C) -> PathOutcome {
        let mut meets: Vec<u32> = model.table.communes.iter().map(|c| c.meets).collect();
        let mut carried = [0.0; SOURCES];
        let mut reserved = [0.0; CRITERIA];
        let mut years = Vec::with_capacity(self.years);
        // The scenario in force, its model (own unit costs, targets) and its levers as numbers.
        let mut current: Option<(u16, Model, Levers)> = None;
        let mut factor = 1.0;
        for (i, year) in self.year_list().into_iter().enumerate() {
            // Multiplied year by year (not `powi`): the same bits on every platform.
            if i > 0 {
                factor *= 1.0 + self.cost_growth;
            }
            let listed = self.scenarios.iter().find(|(y, _)| *y == year);
            let year_model = match (listed, &current) {
                (None, Some((_, base, _))) => base.at_state(&meets, factor),
                _ => {
                    // Defaults resolved once, against the communes at the start of this year.
                    let scenario = listed.map(|(_, s)| s.clone()).unwrap_or_default();
                    let base = model.for_scenario(&scenario);
                    let year_model = base.at_state(&meets, factor);
                    let levers = year_model.levers(&scenario);
                    current = Some((year, base.into_owned(), levers));
                    year_model
                }
            };
            let (scenario_year, _, levers) = current.as_ref().expect("set above");
            let mut this_year = levers.clone();
            for s in 0..SOURCES {
                this_year.funding[s] += carried[s];
            }
            chance.disbursement(&mut this_year);
            let (outcome, slipped) = year_model.run_chance(&this_year, &reserved, chance);
            let carried_in = carried;
            let reserved_in = reserved;
            for (s, source) in outcome.funding.sources.iter().enumerate() {
                carried[s] = self.carry.undisbursed * (source.pledged - source.arrived)
                    + self.carry.idle * source.idle;
            }
            for (k, c) in outcome.criteria.iter().enumerate() {
                reserved[k] = self.carry.unused * c.unused;
            }
            meets.clone_from(&outcome.meets);
            for (m, s) in meets.iter_mut().zip(&slipped) {
                *m |= s;
            }
            years.push(YearOutcome {
                year,
                outcome,
                carried_in,
                reserved_in,
                scenario_year: *scenario_year,
            });
        }
        let targets = self
            .targets
            .iter()
            .filter_map(|t| {
                let y = years.iter().find(|y| y.year == t.year)?;
                let value = t.measure.value(&y.outcome);
                Some(TargetCheck {
                    year: t.year,
                    measure: t.measure,
                    target: t.target,
                    value,
                    met: t.measure.reaches(value, t.target),
                })
            })
            .collect();
        PathOutcome { years, targets }
    }

    /// Reads a path file (model.md §7.1). `input` names it in messages.
    pub fn from_json(text: &str, plan: &Plan, input: &str) -> Result<Path, InputError> {
        Path::from_value(&read_json(text, input)?, plan, input)
    }

    pub fn from_value(value: &Value, plan: &Plan, input: &str) -> Result<Path, InputError> {
        let bad = |p: ScenarioProblem| InputError::scenario(input, p);
        let top = versioned(value, "(path)", input)?;
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
                "schema" | "years" => {}
                "name" => path.name = Some(text_of(v, "name", input)?),
                "scenarios" => {
                    for (year_key, s) in as_object(v, "scenarios", input)? {
                        let field = format!("scenarios.{year_key}");
                        let year = year_of(year_key, &field)?;
                        // A scenario inside a path may leave out its schema: it is the path's.
                        let mut s = s.clone();
                        if let Value::Object(map) = &mut s {
                            map.entry("schema").or_insert(Value::from(SCHEMA));
                        }
                        let scenario =
                            Scenario::from_value(&s, plan, input).map_err(|e| e.within(&field))?;
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
                                Measure::Certified | Measure::Criterion(_) => {
                                    super::scenario::MAX_TARGET_COMMUNES
                                }
                                _ => CRITERIA as f64,
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
        let mut top = super::scenario::header(self.name.as_deref());
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
    super::scenario::number_value(x)
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
                let carried: Map<String, Value> = (0..SOURCES)
                    .map(|s| (plan.sources[s].key.clone(), Value::from(y.carried_in[s])))
                    .collect();
                map.insert("carried_in".into(), Value::Object(carried));
                let reserved: Map<String, Value> = (0..CRITERIA)
                    .map(|k| (plan.criteria[k].key.clone(), Value::from(y.reserved_in[k])))
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
