//! Goals' answers and margins as JSON (model.md §7.2).

use crate::engine::goals::*;

impl Answer {
    /// model.md §7.2's output.
    pub fn to_value(&self, plan: &crate::engine::Plan) -> serde_json::Value {
        use serde_json::{Map, Value};
        let mut target = Map::new();
        target.insert("key".into(), Value::from(self.measure.key(plan)));
        target.insert("value".into(), Value::from(self.target));
        let mut top = Map::new();
        top.insert("target".into(), Value::Object(target));
        if let Some(budget) = self.budget {
            top.insert("budget".into(), Value::from(budget));
        }
        top.insert("reached".into(), Value::from(self.reached));
        top.insert("exact".into(), Value::from(self.exact));
        top.insert(
            "total_investment".into(),
            Value::from(self.total_investment),
        );
        top.insert("saving".into(), Value::from(self.saving));
        // Beyond the contract: what each source alone would have to add (null: nothing of it
        // arrives, so no amount helps).
        let more: Map<String, Value> = plan
            .sources
            .iter()
            .zip(self.more_funding.iter().copied())
            .map(|(src, x)| {
                let v = if x.is_finite() {
                    Value::from(x)
                } else {
                    Value::Null
                };
                (src.key.clone(), v)
            })
            .collect();
        top.insert("more_funding".into(), Value::Object(more));
        top.insert("scenario".into(), self.scenario.to_value(plan));
        top.insert(
            "results".into(),
            serde_json::to_value(&self.outcome).unwrap_or(Value::Null),
        );
        Value::Object(top)
    }
}

/// `ntm marginal`'s output: one entry a criterion, in the ranking's order.
pub fn margins_value(margins: &[Margin], plan: &crate::engine::Plan) -> serde_json::Value {
    use serde_json::{Map, Value};
    Value::Array(
        margins
            .iter()
            .map(|m| {
                let mut e = Map::new();
                e.insert("key".into(), Value::from(plan.items[m.item].key.clone()));
                e.insert("certified_gain".into(), Value::from(m.certified_gain));
                e.insert("criteria_gain".into(), Value::from(m.criteria_gain));
                e.insert("shortfall".into(), Value::from(m.shortfall));
                Value::Object(e)
            })
            .collect(),
    )
}
