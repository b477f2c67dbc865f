//! Plan files (model.md §8.1) read: the JSON, then what it says, each problem naming its field
//! or line in the planner's language. A broken file changes nothing.

use super::error::{Input, InputError, PlanFileProblem, Problem};
use crate::engine::Plan;

/// The field a serde message names between backticks (`missing field `key``).
fn quoted(message: &str) -> String {
    message.split('`').nth(1).unwrap_or_default().to_string()
}

fn problem(e: &serde_json::Error) -> PlanFileProblem {
    use serde_json::error::Category;
    let message = e.to_string();
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            PlanFileProblem::Json(super::path::json_problem(e))
        }
        Category::Data if message.starts_with("missing field") => PlanFileProblem::MissingField {
            field: quoted(&message),
            line: e.line(),
        },
        Category::Data if message.starts_with("unknown field") => PlanFileProblem::UnknownField {
            field: quoted(&message),
            line: e.line(),
        },
        Category::Data => PlanFileProblem::WrongValue {
            line: e.line(),
            column: e.column(),
            // The place is said apart.
            detail: message
                .rfind(" at line ")
                .map_or(message.clone(), |i| message[..i].to_string()),
        },
    }
}

impl Plan {
    /// Reads a plan file. `input` names it in messages.
    pub fn from_file(text: &str, input: impl Into<Input>) -> Result<Plan, InputError> {
        let fail = |p: PlanFileProblem, input: Input| InputError {
            input,
            problem: Problem::Plan(p),
        };
        let input = input.into();
        // A file saved with a byte-order mark reads as one without.
        let text = text.trim_start_matches('\u{feff}');
        let mut plan: Plan =
            serde_json::from_str(text).map_err(|e| fail(problem(&e), input.clone()))?;
        plan.prepare()
            .map_err(|p| fail(PlanFileProblem::Contents(p), input))?;
        Ok(plan)
    }

    /// Refuses a file made for another plan (`found`: the plan it names; none: the 2022
    /// plan's, as every file before plans had names).
    pub fn check_named(
        &self,
        found: Option<&str>,
        input: impl Into<Input>,
    ) -> Result<(), InputError> {
        let found = found.unwrap_or(LANG_SON_2022_KEY);
        if found == self.key {
            Ok(())
        } else {
            Err(InputError {
                input: input.into(),
                problem: Problem::OtherPlan {
                    found: found.to_string(),
                    plan: self.key.clone(),
                },
            })
        }
    }
}

/// The name a file without `plan` stands for (model.md §8.1).
pub const LANG_SON_2022_KEY: &str = "lang-son-2022";
