//! What the page keeps in the browser: named scenarios and the scenario being worked on, with a
//! schema version so that data written by an older version is read and migrated.

use super::error::{Input, InputError, ScenarioProblem};
use crate::engine::{Plan, Scenario};
use serde_json::{json, Value};

/// The version of the stored data this program writes.
pub const STORE_SCHEMA: u64 = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct SavedScenario {
    pub name: String,
    /// When it was saved, as the browser's ISO 8601 time.
    pub saved_at: String,
    pub scenario: Scenario,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Store {
    pub saved: Vec<SavedScenario>,
    /// The scenario being worked on (kept on every change, restored after a reload or a crash).
    pub current: Option<Scenario>,
}

fn broken(field: &str) -> InputError {
    InputError::scenario(
        Input::Saved,
        ScenarioProblem::WrongType {
            field: field.to_string(),
            expected: "object",
        },
    )
}

impl Store {
    pub fn to_json(&self, plan: &Plan) -> String {
        let saved: Vec<Value> = self
            .saved
            .iter()
            .map(|s| json!({ "name": s.name, "saved_at": s.saved_at, "scenario": s.scenario.to_value(plan) }))
            .collect();
        let current = self
            .current
            .as_ref()
            .map(|s| s.to_value(plan))
            .unwrap_or(Value::Null);
        json!({ "schema": STORE_SCHEMA, "current": current, "saved": saved }).to_string()
    }

    /// Reads stored data of this or an older version.
    ///
    /// Version 1 (the first builds) kept a list of `{name, scenario}` without dates and no
    /// current scenario; it is migrated with an empty date.
    pub fn from_json(text: &str, plan: &Plan) -> Result<Store, InputError> {
        let value: Value = super::json::read_json(text, &Input::Saved)?;
        let schema = value.get("schema").and_then(Value::as_u64);
        match schema {
            Some(1) | Some(STORE_SCHEMA) => {}
            Some(other) => {
                return Err(InputError::scenario(
                    Input::Saved,
                    ScenarioProblem::Schema {
                        found: other.to_string(),
                    },
                ))
            }
            None => {
                return Err(InputError::scenario(
                    Input::Saved,
                    ScenarioProblem::MissingSchema,
                ))
            }
        }
        let list = value
            .get("saved")
            .and_then(Value::as_array)
            .ok_or_else(|| broken("saved"))?;
        let mut saved = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            let field = format!("saved[{i}]");
            let name = item
                .get("name")
                .and_then(Value::as_str)
                .ok_or_else(|| broken(&format!("{field}.name")))?;
            let scenario = item
                .get("scenario")
                .ok_or_else(|| broken(&format!("{field}.scenario")))?;
            let scenario =
                Scenario::from_value(scenario, plan, Input::SavedAt(format!("{field}.scenario")))?;
            let saved_at = item
                .get("saved_at")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            saved.push(SavedScenario {
                name: name.to_string(),
                saved_at,
                scenario,
            });
        }
        let current = match value.get("current") {
            None | Some(Value::Null) => None,
            Some(v) => Some(Scenario::from_value(
                v,
                plan,
                Input::SavedAt("current".into()),
            )?),
        };
        Ok(Store { saved, current })
    }

    /// A name not used yet: `name`, else `name (2)`, `name (3)`…
    pub fn free_name(&self, name: &str) -> String {
        let taken = |n: &str| self.saved.iter().any(|s| s.name == n);
        if !taken(name) {
            return name.to_string();
        }
        (2..)
            .map(|i| format!("{name} ({i})"))
            .find(|n| !taken(n))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn the_store_reads_back_what_it_wrote() {
        let plan = Plan::lang_son_2022();
        let mut a = Scenario::plan();
        a.disbursement[3] = Some(0.7);
        let store = Store {
            saved: vec![SavedScenario {
                name: "Tín dụng 70%".into(),
                saved_at: "2026-11-28T10:00:00.000Z".into(),
                scenario: a.clone(),
            }],
            current: Some(a),
        };
        assert_eq!(
            Store::from_json(&store.to_json(&plan), &plan).unwrap(),
            store
        );
    }

    #[test]
    fn version_1_data_is_migrated() {
        let plan = Plan::lang_son_2022();
        let old = r#"{"schema": 1, "saved": [{"name": "Cũ", "scenario": {"schema": 1, "strategy": "equity_first"}}]}"#;
        let store = Store::from_json(old, &plan).unwrap();
        assert_eq!(store.saved.len(), 1);
        assert_eq!(store.saved[0].saved_at, "");
        assert_eq!(store.current, None);
        // The migrated scenario is the one written: its name and its serving order.
        assert_eq!(store.saved[0].name, "Cũ");
        let mut expected = Scenario::plan();
        expected.strategy = Some(crate::engine::Strategy::EquityFirst);
        assert_eq!(store.saved[0].scenario, expected);
        // Written back, it is version 2 and reads back the same.
        let again = Store::from_json(&store.to_json(&plan), &plan).unwrap();
        assert_eq!(again, store);
        assert!(
            store.to_json(&plan).contains("\"schema\": 2")
                || store.to_json(&plan).contains("\"schema\":2")
        );
    }

    #[test]
    fn unreadable_data_is_refused_with_where() {
        let plan = Plan::lang_son_2022();
        for (text, expected) in [
            ("{", "invalid JSON"),
            (r#"{"saved": []}"#, "schema"),
            (r#"{"schema": 7, "saved": []}"#, "version 7"),
            (r#"{"schema": 2, "saved": {}}"#, "saved"),
            (
                r#"{"schema": 2, "saved": [{"name": "x", "scenario": {"schema": 1, "funding": {"credit": -1}}}]}"#,
                "saved[0]",
            ),
        ] {
            let message = Store::from_json(text, &plan).unwrap_err().message(Lang::En);
            assert!(message.contains(expected), "{text}: {message}");
        }
    }

    #[test]
    fn names_are_not_overwritten() {
        let mut store = Store::default();
        assert_eq!(store.free_name("A"), "A");
        store.saved.push(SavedScenario {
            name: "A".into(),
            saved_at: String::new(),
            scenario: Scenario::plan(),
        });
        store.saved.push(SavedScenario {
            name: "A (2)".into(),
            saved_at: String::new(),
            scenario: Scenario::plan(),
        });
        assert_eq!(store.free_name("A"), "A (3)");
    }
}
