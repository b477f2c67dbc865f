//! Input problems, each naming where it is (file row and column, or scenario field), with a
//! message in the user's language. The engine never panics on input: every check ends here.

use crate::text::sentences as t;
use crate::text::Lang;
use std::fmt;
/// Where in a commune table a problem is: the file's line (the header is line 1) and, when
/// it is about one cell, the column as the file names it and as a spreadsheet letter.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub line: u64,
    pub column: Option<(String, usize)>,
}

/// What is wrong with a commune table.
#[derive(Debug, Clone, PartialEq)]
pub enum TableProblem {
    Empty,
    Binary,
    NotUtf8 {
        line: u64,
    },
    Malformed {
        line: u64,
        detail: String,
    },
    NoCommunes,
    MissingColumn {
        column: String,
    },
    DuplicateColumn {
        column: String,
        first: usize,
        second: usize,
    },
    Ragged {
        line: u64,
        found: usize,
        expected: usize,
    },
    DuplicateId {
        line: u64,
        id: String,
        first_line: u64,
    },
    EmptyValue {
        at: Cell,
    },
    BadFlag {
        at: Cell,
        value: String,
    },
    BadCost {
        at: Cell,
        value: String,
    },
    TooManyRows {
        limit: usize,
    },
    /// A commune's group that the plan lacks.
    UnknownGroup {
        at: Cell,
        value: String,
    },
    /// An item column (`tc…`, `cost…`) of an id the plan lacks.
    UnknownItemColumn {
        column: String,
        plan: String,
    },
    /// A group column where the plan has no commune groups.
    GroupsNotInPlan {
        column: String,
        plan: String,
    },
    NotASpreadsheet {
        detail: super::xlsx::XlsxError,
    },
    /// Several rows are wrong: each row's first problem, and how many more were not listed.
    Several {
        problems: Vec<TableProblem>,
        more: usize,
    },
}

/// What is wrong with a scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioProblem {
    Json {
        line: usize,
        column: usize,
        /// The reader's own words (English), shown in English messages only.
        detail: String,
        /// The text ends in the middle (cut short).
        eof: bool,
    },
    NotAnObject {
        field: String,
    },
    MissingSchema,
    Schema {
        found: String,
    },
    UnknownField {
        field: String,
    },
    WrongType {
        field: String,
        expected: &'static str,
    },
    Negative {
        field: String,
        value: f64,
    },
    TooLarge {
        field: String,
        value: f64,
        limit: f64,
    },
    DisbursementRange {
        field: String,
        value: f64,
    },
    UnknownCriterion {
        field: String,
        value: String,
    },
    DuplicateCriterion {
        field: String,
        value: String,
    },
    UnknownStrategy {
        field: String,
        value: String,
    },
    /// A number outside the range its field allows (years, shares, counts).
    OutOfRange {
        field: String,
        value: f64,
        min: f64,
        max: f64,
    },
    /// A whole number was expected (a count of communes, a year).
    NotWhole {
        field: String,
        value: f64,
    },
    /// The years of a path are not consecutive and ascending, or too many.
    Years {
        field: String,
    },
    /// A year named in a path file that is not one of its years.
    YearNotInPath {
        field: String,
        year: String,
    },
    /// A triangular range whose min, mode and max are not in order.
    RangeOrder {
        field: String,
    },
    /// A key given twice (in a link).
    DuplicateKey {
        field: String,
    },
    /// A text longer than its field allows (a scenario's name).
    TooLong {
        field: String,
        length: usize,
        limit: usize,
    },
    /// A goal that is not one the seek knows (`certified`, `avg_criteria`, …).
    UnknownGoal {
        field: String,
        value: String,
    },
}

/// Which input a problem is in: a file the planner named, or one of the page's own places,
/// named in the planner's language. Readers take `impl Into<Input>` (a file name will do) and
/// hand one `&Input` to a body of their own (`from_json_of`…), so that body is compiled once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, by its name (or a name the caller gives a text it holds).
    File(String),
    /// The page's address.
    Link,
    /// The path written in the page's address.
    PathInLink,
    /// What the browser keeps: saved scenarios and the one being worked on.
    Saved,
    /// A place inside what the browser keeps (`saved[2].scenario`, `current`).
    SavedAt(String),
    /// The path the browser keeps.
    SavedPath,
    /// A file shipped with the program (a preset).
    Shipped,
}

impl Input {
    /// The input as a message names it.
    pub fn name(&self, lang: Lang) -> String {
        match self {
            Input::File(name) => name.clone(),
            Input::Link => lang.say(t::INPUT_LINK).to_string(),
            Input::PathInLink => lang.say(t::INPUT_PATH_IN_LINK).to_string(),
            Input::Saved => lang.say(t::INPUT_SAVED).to_string(),
            Input::SavedAt(place) => format!("{}, {place}", lang.say(t::INPUT_SAVED)),
            Input::SavedPath => lang.say(t::INPUT_SAVED_PATH).to_string(),
            Input::Shipped => lang.say(t::INPUT_SHIPPED).to_string(),
        }
    }
}

impl From<&str> for Input {
    fn from(name: &str) -> Input {
        Input::File(name.to_string())
    }
}

impl From<String> for Input {
    fn from(name: String) -> Input {
        Input::File(name)
    }
}

impl From<&String> for Input {
    fn from(name: &String) -> Input {
        Input::File(name.clone())
    }
}

impl From<&Input> for Input {
    fn from(input: &Input) -> Input {
        input.clone()
    }
}

/// A problem with one input, and which input it was.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub input: Input,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Table(TableProblem),
    Scenario(ScenarioProblem),
    Plan(PlanFileProblem),
    /// A file made for another plan than the one in use.
    OtherPlan {
        found: String,
        plan: String,
    },
    /// A table that cannot be carried into today's communes with this mapping.
    Merge(crate::engine::merge::MergeProblem),
    Read(String),
}

/// What is wrong with a plan file: its JSON, or what it says (model.md §8.1).
#[derive(Debug, Clone, PartialEq)]
pub enum PlanFileProblem {
    Json(ScenarioProblem),
    MissingField {
        field: String,
        line: usize,
    },
    UnknownField {
        field: String,
        line: usize,
    },
    WrongValue {
        line: usize,
        column: usize,
        detail: String,
    },
    Contents(crate::engine::plan::PlanProblem),
}

impl PlanFileProblem {
    pub fn message(&self, lang: Lang) -> String {
        use crate::engine::plan::PlanProblem as P;
        match self {
            PlanFileProblem::Json(p) => p.message(lang),
            PlanFileProblem::MissingField { field, line } => lang.fill(
                t::PLAN_ERROR_MISSING_FIELD,
                &[("field", field), ("line", line)],
            ),
            PlanFileProblem::UnknownField { field, line } => lang.fill(
                t::PLAN_ERROR_UNKNOWN_FIELD,
                &[("field", field), ("line", line)],
            ),
            PlanFileProblem::WrongValue {
                line,
                column,
                detail,
            } => {
                let mut text = lang.fill(
                    t::PLAN_ERROR_WRONG_VALUE,
                    &[("line", line), ("column", column)],
                );
                // The JSON reader's own words are English: shown only to English readers.
                if lang == Lang::En {
                    text.push_str(": ");
                    text.push_str(detail);
                }
                text
            }
            PlanFileProblem::Contents(p) => match p {
                P::BadPlanKey { key } => lang.fill(t::PLAN_ERROR_BAD_KEY, &[("key", key)]),
                P::NoCriteria => lang.say(t::PLAN_ERROR_NO_CRITERIA).to_string(),
                P::NoSources => lang.say(t::PLAN_ERROR_NO_SOURCES).to_string(),
                P::DuplicateKey { key, first, second } => lang.fill(
                    t::PLAN_ERROR_DUPLICATE_KEY,
                    &[("key", key), ("first", first), ("second", second)],
                ),
                P::DuplicateId { id, first, second } => lang.fill(
                    t::PLAN_ERROR_DUPLICATE_ID,
                    &[("id", id), ("first", first), ("second", second)],
                ),
                P::NoCost { field } => lang.fill(t::PLAN_ERROR_NO_COST, &[("field", field)]),
                P::CostAndIndicators { field } => {
                    lang.fill(t::PLAN_ERROR_COST_AND_INDICATORS, &[("field", field)])
                }
                P::BadNumber { field, value } => lang.fill(
                    t::PLAN_ERROR_BAD_NUMBER,
                    &[("field", field), ("value", &shown(*value))],
                ),
                P::UnknownGroup { field, group } => lang.fill(
                    t::PLAN_ERROR_UNKNOWN_GROUP,
                    &[("field", field), ("group", group)],
                ),
                P::UnknownKey { field, key } => {
                    lang.fill(t::PLAN_ERROR_UNKNOWN_KEY, &[("field", field), ("key", key)])
                }
                P::UnknownSource { field } => {
                    lang.fill(t::PLAN_ERROR_UNKNOWN_SOURCE, &[("field", field)])
                }
                P::AboveCommunes {
                    field,
                    value,
                    communes,
                } => lang.fill(
                    t::PLAN_ERROR_ABOVE_COMMUNES,
                    &[("field", field), ("value", value), ("communes", communes)],
                ),
                P::TooManyItems { count, limit } => lang.fill(
                    t::PLAN_ERROR_TOO_MANY_ITEMS,
                    &[("count", count), ("limit", limit)],
                ),
            },
        }
    }
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A number as typed: plain, or in scientific notation when it is very large or small.
fn shown(x: f64) -> String {
    if x != 0.0 && (x.abs() >= 1e9 || x.abs() < 1e-6) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

fn cell_text(at: &Cell, lang: Lang) -> String {
    match &at.column {
        Some((name, index)) => lang.fill(
            t::TABLE_ERROR_AT_CELL,
            &[
                ("line", &at.line),
                ("column", &name),
                ("letter", &column_letter(*index)),
            ],
        ),
        None => lang.fill(t::TABLE_ERROR_AT_LINE, &[("line", &at.line)]),
    }
}

impl TableProblem {
    /// Each problem on its own (a report lists them one a line).
    pub fn each(&self) -> Vec<&TableProblem> {
        match self {
            TableProblem::Several { problems, .. } => problems.iter().collect(),
            one => vec![one],
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use TableProblem::*;
        match self {
            Empty => lang.say(t::TABLE_ERROR_EMPTY_FILE).to_string(),
            Binary => lang.say(t::TABLE_ERROR_BINARY).to_string(),
            NotUtf8 { line } => lang.fill(t::TABLE_ERROR_NOT_UTF8, &[("line", &line)]),
            Malformed { line, detail } => lang.fill(
                t::TABLE_ERROR_MALFORMED_CSV,
                &[("line", &line), ("detail", &detail)],
            ),
            NoCommunes => lang.say(t::TABLE_ERROR_NO_COMMUNES).to_string(),
            MissingColumn { column } => {
                lang.fill(t::TABLE_ERROR_MISSING_COLUMN, &[("column", &column)])
            }
            DuplicateColumn {
                column,
                first,
                second,
            } => lang.fill(
                t::TABLE_ERROR_DUPLICATE_COLUMN,
                &[
                    ("column", &column),
                    ("first", &column_letter(*first)),
                    ("second", &column_letter(*second)),
                ],
            ),
            Ragged {
                line,
                found,
                expected,
            } => lang.fill(
                t::TABLE_ERROR_RAGGED_ROW,
                &[("line", &line), ("found", &found), ("expected", &expected)],
            ),
            DuplicateId {
                line,
                id,
                first_line,
            } => lang.fill(
                t::TABLE_ERROR_DUPLICATE_COMMUNE_ID,
                &[("line", &line), ("id", &id), ("first_line", &first_line)],
            ),
            EmptyValue { at } => lang.fill(
                t::TABLE_ERROR_EMPTY_CELL,
                &[("place", &cell_text(at, lang))],
            ),
            BadFlag { at, value } => lang.fill(
                t::TABLE_ERROR_NOT_A_FLAG,
                &[("place", &cell_text(at, lang)), ("value", &value)],
            ),
            BadCost { at, value } => lang.fill(
                t::TABLE_ERROR_BAD_COST,
                &[("place", &cell_text(at, lang)), ("value", &value)],
            ),
            Several { problems, more } => {
                let total = problems.len() + more;
                let first = problems
                    .first()
                    .map(|p| p.message(lang))
                    .unwrap_or_default();
                lang.fill(
                    t::TABLE_ERROR_SEVERAL_ROWS,
                    &[("first", &first), ("more", &(total - 1)), ("total", &total)],
                )
            }
            NotASpreadsheet { detail } => lang.fill(
                t::TABLE_ERROR_NOT_A_SPREADSHEET,
                &[("reason", &detail.message(lang))],
            ),
            TooManyRows { limit } => {
                lang.fill(t::TABLE_ERROR_TOO_MANY_COMMUNES, &[("limit", &limit)])
            }
            UnknownGroup { at, value } => lang.fill(
                t::TABLE_ERROR_UNKNOWN_GROUP,
                &[("place", &cell_text(at, lang)), ("value", &value)],
            ),
            UnknownItemColumn { column, plan } => lang.fill(
                t::TABLE_ERROR_UNKNOWN_ITEM_COLUMN,
                &[("column", &column), ("plan", &plan)],
            ),
            GroupsNotInPlan { column, plan } => lang.fill(
                t::TABLE_ERROR_GROUPS_NOT_IN_PLAN,
                &[("column", &column), ("plan", &plan)],
            ),
        }
    }
}

impl ScenarioProblem {
    /// The field the problem is about, where it is about one.
    fn field_mut(&mut self) -> Option<&mut String> {
        use ScenarioProblem::*;
        match self {
            Json { .. } | MissingSchema | Schema { .. } => None,
            NotAnObject { field }
            | UnknownField { field }
            | WrongType { field, .. }
            | Negative { field, .. }
            | TooLarge { field, .. }
            | DisbursementRange { field, .. }
            | UnknownCriterion { field, .. }
            | DuplicateCriterion { field, .. }
            | UnknownStrategy { field, .. }
            | OutOfRange { field, .. }
            | NotWhole { field, .. }
            | Years { field }
            | YearNotInPath { field, .. }
            | RangeOrder { field }
            | DuplicateKey { field }
            | TooLong { field, .. }
            | UnknownGoal { field, .. } => Some(field),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use ScenarioProblem::*;
        match self {
            Json {
                line,
                column,
                detail,
                eof,
            } => {
                let cut = if *eof {
                    lang.say(t::JSON_CUT_SHORT)
                } else {
                    ""
                };
                let mut text = lang.fill(
                    t::INVALID_JSON,
                    &[("line", line), ("column", column), ("cut", &cut)],
                );
                // The JSON reader's own words are English: shown only to English readers.
                if lang == Lang::En {
                    text.push_str(": ");
                    text.push_str(detail);
                }
                text
            }
            NotAnObject { field } => lang.fill(t::FIELD_ERROR_NOT_AN_OBJECT, &[("field", field)]),
            MissingSchema => lang.say(t::FILE_ERROR_NO_SCHEMA).to_string(),
            Schema { found } => lang.fill(t::FILE_ERROR_SCHEMA_UNSUPPORTED, &[("found", &found)]),
            UnknownField { field } => lang.fill(t::UNKNOWN_FIELD, &[("field", &field)]),
            WrongType { field, expected } => {
                let expected = match *expected {
                    "number" => lang.say(t::FIELD_TYPE_NUMBER),
                    "string" => lang.say(t::FIELD_TYPE_STRING),
                    "array" => lang.say(t::FIELD_TYPE_ARRAY),
                    "object" => lang.say(t::FIELD_TYPE_OBJECT),
                    "whole number ≥ 0" => lang.say(t::FIELD_TYPE_WHOLE_NUMBER),
                    other => other,
                };
                lang.fill(
                    t::FIELD_ERROR_WRONG_TYPE,
                    &[("field", field), ("expected", &expected)],
                )
            }
            Negative { field, value } => lang.fill(
                t::FIELD_ERROR_NEGATIVE,
                &[("field", &field), ("value", &shown(*value))],
            ),
            TooLarge {
                field,
                value,
                limit,
            } => lang.fill(
                t::FIELD_ERROR_TOO_LARGE,
                &[
                    ("field", &field),
                    ("value", &shown(*value)),
                    ("max", &shown(*limit)),
                ],
            ),
            DisbursementRange { field, value } => lang.fill(
                t::DISBURSEMENT_OUT_OF_RANGE,
                &[("field", &field), ("value", &shown(*value))],
            ),
            UnknownCriterion { field, value } => lang.fill(
                t::FIELD_ERROR_UNKNOWN_CRITERION,
                &[("field", &field), ("value", &value)],
            ),
            DuplicateCriterion { field, value } => lang.fill(
                t::FIELD_ERROR_DUPLICATE_CRITERION,
                &[("field", &field), ("value", &value)],
            ),
            UnknownStrategy { field, value } => lang.fill(
                t::FIELD_ERROR_UNKNOWN_STRATEGY,
                &[("field", &field), ("value", &value)],
            ),
            OutOfRange {
                field,
                value,
                min,
                max,
            } => lang.fill(
                t::FIELD_ERROR_OUT_OF_RANGE,
                &[
                    ("field", &field),
                    ("value", &shown(*value)),
                    ("min", &shown(*min)),
                    ("max", &shown(*max)),
                ],
            ),
            NotWhole { field, value } => lang.fill(
                t::FIELD_ERROR_NOT_WHOLE,
                &[("field", &field), ("value", &shown(*value))],
            ),
            Years { field } => lang.fill(t::FIELD_ERROR_PATH_YEARS, &[("field", &field)]),
            YearNotInPath { field, year } => lang.fill(
                t::FIELD_ERROR_YEAR_NOT_IN_PATH,
                &[("field", &field), ("year", &year)],
            ),
            RangeOrder { field } => lang.fill(t::FIELD_ERROR_RANGE_ORDER, &[("field", &field)]),
            DuplicateKey { field } => lang.fill(t::FIELD_ERROR_DUPLICATE_KEY, &[("field", &field)]),
            TooLong {
                field,
                length,
                limit,
            } => lang.fill(
                t::FIELD_ERROR_TOO_LONG,
                &[("field", &field), ("length", &length), ("limit", &limit)],
            ),
            UnknownGoal { field, value } => lang.fill(
                t::FIELD_ERROR_UNKNOWN_GOAL,
                &[("field", &field), ("value", &value)],
            ),
        }
    }
}

fn merge_message(p: &crate::engine::merge::MergeProblem, lang: Lang) -> String {
    use crate::engine::merge::MergeProblem as M;
    match p {
        M::ListedTwice {
            id,
            first_line,
            line,
        } => lang.fill(
            t::MERGE_LISTED_TWICE,
            &[("id", id), ("first", first_line), ("line", line)],
        ),
        M::NotMapped { id, row } => lang.fill(t::MERGE_NOT_MAPPED, &[("id", id), ("row", row)]),
        M::NoGroup { line } => lang.fill(t::MERGE_NO_GROUP, &[("line", line)]),
        M::UnknownGroup { line, group } => {
            lang.fill(t::MERGE_UNKNOWN_GROUP, &[("line", line), ("group", group)])
        }
        M::GroupsDisagree {
            code,
            first,
            second,
            line,
        } => lang.fill(
            t::MERGE_GROUPS_DISAGREE,
            &[
                ("code", code),
                ("first", first),
                ("second", second),
                ("line", line),
            ],
        ),
        M::UnknownFrom { item, key } => {
            lang.fill(t::MERGE_UNKNOWN_FROM, &[("item", item), ("key", key)])
        }
    }
}

impl InputError {
    pub fn table(input: impl Into<Input>, problem: TableProblem) -> Self {
        InputError {
            input: input.into(),
            problem: Problem::Table(problem),
        }
    }
    pub fn scenario(input: impl Into<Input>, problem: ScenarioProblem) -> Self {
        InputError {
            input: input.into(),
            problem: Problem::Scenario(problem),
        }
    }
    /// The same problem with its field named inside a larger file: a scenario read as
    /// `scenarios.2024` of a path names `scenarios.2024.funding.credit`.
    pub fn within(mut self, prefix: &str) -> Self {
        if let Problem::Scenario(p) = &mut self.problem {
            match p.field_mut() {
                Some(field) if field == "(scenario)" => *field = prefix.to_string(),
                Some(field) => *field = format!("{prefix}.{field}"),
                None => {}
            }
        }
        self
    }

    /// The whole message: which input, then what is wrong with it.
    pub fn message(&self, lang: Lang) -> String {
        let what = match &self.problem {
            Problem::Table(p) => p.message(lang),
            Problem::Scenario(p) => p.message(lang),
            Problem::Plan(p) => p.message(lang),
            Problem::OtherPlan { found, plan } => {
                lang.fill(t::OTHER_PLAN, &[("found", found), ("plan", plan)])
            }
            Problem::Merge(p) => merge_message(p, lang),
            Problem::Read(detail) => lang.fill(t::FILE_ERROR_UNREADABLE, &[("detail", &detail)]),
        };
        let input = self.input.name(lang);
        if input.is_empty() {
            what
        } else {
            format!("{input}: {what}")
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_spreadsheets() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(44), "AS");
        assert_eq!(column_letter(51), "AZ");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn a_number_in_a_message_is_written_as_typed_or_in_scientific_notation_past_its_range() {
        assert_eq!(shown(0.0), "0");
        assert_eq!(shown(12.5), "12.5");
        assert_eq!(shown(-3.0), "-3");
        // From a millionth up to a billion, as typed (the edges included).
        assert_eq!(shown(0.000001), "0.000001");
        assert_eq!(shown(999_999_999.0), "999999999");
        assert_eq!(shown(0.0000005), "5e-7");
        assert_eq!(shown(-0.0000005), "-5e-7");
        assert_eq!(shown(1e9), "1e9");
        assert_eq!(shown(-2.5e12), "-2.5e12");
    }
}
