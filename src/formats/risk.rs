//! Risk files (model.md §7.3) and the odds as JSON.

use super::error::{Input, InputError, ScenarioProblem};
use super::json::*;
use crate::engine::plan::Plan;
use crate::engine::risk::*;
use serde_json::{Map, Value};

impl RiskSettings {
    pub fn from_json(
        text: &str,
        plan: &Plan,
        input: impl Into<Input>,
    ) -> Result<RiskSettings, InputError> {
        Self::from_json_of(text, plan, &input.into())
    }

    fn from_json_of(text: &str, plan: &Plan, input: &Input) -> Result<RiskSettings, InputError> {
        RiskSettings::from_value_of(&read_json(text, input)?, plan, input)
    }

    pub fn from_value(
        value: &Value,
        plan: &Plan,
        input: impl Into<Input>,
    ) -> Result<RiskSettings, InputError> {
        Self::from_value_of(value, plan, &input.into())
    }

    fn from_value_of(
        value: &Value,
        plan: &Plan,
        input: &Input,
    ) -> Result<RiskSettings, InputError> {
        let bad = |p: ScenarioProblem| InputError::scenario(input, p);
        let top = versioned(value, "(risk)", plan, input)?;
        let mut settings = RiskSettings {
            name: None,
            draws: 1000,
            seed: 1,
            disbursement: vec![None; plan.sources.len()],
            cost_sd: 0.15,
            delivery: 0.95,
        };
        for (key, v) in top {
            match key.as_str() {
                "schema" | "plan" => {}
                "name" => settings.name = Some(text_of(v, "name", input)?),
                "draws" => {
                    settings.draws = whole_in(v, "draws", input, 1.0, f64::from(MAX_DRAWS))?;
                }
                "seed" => {
                    settings.seed = v.as_u64().ok_or_else(|| {
                        bad(ScenarioProblem::WrongType {
                            field: "seed".into(),
                            expected: "whole number ≥ 0",
                        })
                    })?
                }
                "cost_sd" => settings.cost_sd = number_in(v, "cost_sd", input, 0.0, 2.0)?,
                "delivery" => settings.delivery = number_in(v, "delivery", input, 0.0, 1.0)?,
                "disbursement" => {
                    for (source, range) in as_object(v, "disbursement", input)? {
                        let field = format!("disbursement.{source}");
                        let s = index_of(plan.source_index(source), &field, input)?;
                        let parts = as_object(range, &field, input)?;
                        let read = |part: &str| -> Result<f64, InputError> {
                            let f = format!("{field}.{part}");
                            let v = parts.get(part).ok_or_else(|| {
                                bad(ScenarioProblem::WrongType {
                                    field: f.clone(),
                                    expected: "number",
                                })
                            })?;
                            number_in(v, &f, input, 0.0, 1.0)
                        };
                        let t = Triangular {
                            min: read("min")?,
                            mode: read("mode")?,
                            max: read("max")?,
                        };
                        if let Some(extra) = parts
                            .keys()
                            .find(|k| !matches!(k.as_str(), "min" | "mode" | "max"))
                        {
                            return Err(bad(ScenarioProblem::UnknownField {
                                field: format!("{field}.{extra}"),
                            }));
                        }
                        if !(t.min <= t.mode && t.mode <= t.max) {
                            return Err(bad(ScenarioProblem::RangeOrder { field }));
                        }
                        settings.disbursement[s] = Some(t);
                    }
                }
                _ => return Err(bad(ScenarioProblem::UnknownField { field: key.clone() })),
            }
        }
        Ok(settings)
    }

    pub fn to_value(&self, plan: &Plan) -> Value {
        let mut top = super::json::header(plan, self.name.as_deref());
        top.insert("draws".into(), Value::from(self.draws));
        top.insert("seed".into(), Value::from(self.seed));
        let ranges: Map<String, Value> = (0..plan.sources.len())
            .filter_map(|s| {
                let t = self.disbursement.get(s).copied().flatten()?;
                let mut r = Map::new();
                r.insert("min".into(), Value::from(t.min));
                r.insert("mode".into(), Value::from(t.mode));
                r.insert("max".into(), Value::from(t.max));
                Some((plan.sources[s].key.clone(), Value::Object(r)))
            })
            .collect();
        top.insert("disbursement".into(), Value::Object(ranges));
        top.insert("cost_sd".into(), Value::from(self.cost_sd));
        top.insert("delivery".into(), Value::from(self.delivery));
        Value::Object(top)
    }
}
fn spread_value(s: &Spread) -> Value {
    let mut m = Map::new();
    m.insert("p10".into(), Value::from(s.p10));
    m.insert("p50".into(), Value::from(s.p50));
    m.insert("p90".into(), Value::from(s.p90));
    m.insert("mean".into(), Value::from(s.mean));
    Value::Object(m)
}

impl RiskOutcome {
    pub fn to_value(&self) -> Value {
        let mut top = Map::new();
        top.insert("draws".into(), Value::from(self.draws));
        top.insert("seed".into(), Value::from(self.seed));
        top.insert("certified".into(), spread_value(&self.certified));
        top.insert("avg_criteria".into(), spread_value(&self.avg_criteria));
        top.insert("border_avg".into(), spread_value(&self.border_avg));
        let criteria: Vec<Value> = self
            .criteria
            .iter()
            .map(|c| {
                let mut m = Map::new();
                m.insert("key".into(), Value::from(c.key.clone()));
                m.insert("met".into(), spread_value(&c.met));
                Value::Object(m)
            })
            .collect();
        top.insert("criteria".into(), Value::Array(criteria));
        let mut chance = Map::new();
        chance.insert("certified".into(), Value::from(self.chance_certified));
        chance.insert("avg_criteria".into(), Value::from(self.chance_avg_criteria));
        chance.insert("border_avg".into(), Value::from(self.chance_border_avg));
        let by_criterion: Map<String, Value> = self
            .criteria
            .iter()
            .map(|c| (c.key.clone(), Value::from(c.chance)))
            .collect();
        chance.insert("criteria".into(), Value::Object(by_criterion));
        top.insert("chance".into(), Value::Object(chance));
        let mut targets = Map::new();
        targets.insert("certified".into(), Value::from(self.targets.0));
        targets.insert("avg_criteria".into(), Value::from(self.targets.1));
        targets.insert("border_avg".into(), Value::from(self.targets.2));
        top.insert("targets".into(), Value::Object(targets));
        let histogram: Vec<Value> = self
            .histogram
            .iter()
            .map(|&(c, n)| {
                let mut m = Map::new();
                m.insert("certified".into(), Value::from(c));
                m.insert("draws".into(), Value::from(n));
                Value::Object(m)
            })
            .collect();
        top.insert("histogram".into(), Value::Array(histogram));
        Value::Object(top)
    }
}
