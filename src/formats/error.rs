//! Input problems, each naming where it is (file row and column, or scenario field), with a
//! message in the user's language. The engine never panics on input: every check ends here.

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

/// A problem with one input, and which input it was (a file name, "link", "saved data").
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub input: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Table(TableProblem),
    Scenario(ScenarioProblem),
    Read(String),
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
        Some((name, index)) => lang.pick(
            format!(
                "dòng {}, cột \"{}\" ({})",
                at.line,
                name,
                column_letter(*index)
            ),
            format!(
                "line {}, column \"{}\" ({})",
                at.line,
                name,
                column_letter(*index)
            ),
        ),
        None => lang.pick(format!("dòng {}", at.line), format!("line {}", at.line)),
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
            Empty => lang.pick("tệp trống", "the file is empty").to_string(),
            Binary => lang
                .pick(
                    "tệp không phải văn bản CSV (có byte nhị phân)",
                    "the file is not CSV text (it holds binary bytes)",
                )
                .to_string(),
            NotUtf8 { line } => lang.pick(
                format!("dòng {line}: không phải văn bản UTF-8 (hãy lưu tệp dạng CSV UTF-8)"),
                format!("line {line}: not UTF-8 text (save the file as CSV UTF-8)"),
            ),
            Malformed { line, detail } => lang.pick(
                format!("dòng {line}: không đọc được CSV ({detail})"),
                format!("line {line}: cannot read the CSV ({detail})"),
            ),
            NoCommunes => lang
                .pick(
                    "bảng không có xã nào (chỉ có dòng tiêu đề)",
                    "the table has no commune (only a header)",
                )
                .to_string(),
            MissingColumn { column } => lang.pick(
                format!("thiếu cột \"{column}\""),
                format!("the column \"{column}\" is missing"),
            ),
            DuplicateColumn {
                column,
                first,
                second,
            } => lang.pick(
                format!(
                    "cột \"{column}\" xuất hiện hai lần (cột {} và {})",
                    column_letter(*first),
                    column_letter(*second)
                ),
                format!(
                    "the column \"{column}\" appears twice (columns {} and {})",
                    column_letter(*first),
                    column_letter(*second)
                ),
            ),
            Ragged {
                line,
                found,
                expected,
            } => lang.pick(
                format!("dòng {line}: có {found} ô, tiêu đề có {expected} cột"),
                format!("line {line}: has {found} cells, the header has {expected} columns"),
            ),
            DuplicateId {
                line,
                id,
                first_line,
            } => lang.pick(
                format!("dòng {line}, cột \"id\": mã xã \"{id}\" trùng với dòng {first_line}"),
                format!(
                    "line {line}, column \"id\": commune code \"{id}\" repeats line {first_line}"
                ),
            ),
            EmptyValue { at } => lang.pick(
                format!("{}: ô trống", cell_text(at, lang)),
                format!("{}: the cell is empty", cell_text(at, lang)),
            ),
            BadFlag { at, value } => lang.pick(
                format!("{}: \"{value}\" không phải 0 hoặc 1", cell_text(at, lang)),
                format!("{}: \"{value}\" is not 0 or 1", cell_text(at, lang)),
            ),
            BadCost { at, value } => lang.pick(
                format!(
                    "{}: \"{value}\" không phải số tiền hợp lệ (tỷ đồng, không âm)",
                    cell_text(at, lang)
                ),
                format!(
                    "{}: \"{value}\" is not a valid amount (billion VND, not negative)",
                    cell_text(at, lang)
                ),
            ),
            Several { problems, more } => {
                let total = problems.len() + more;
                let first = problems
                    .first()
                    .map(|p| p.message(lang))
                    .unwrap_or_default();
                lang.pick(
                    format!("{first} (và {} lỗi khác; {total} dòng có lỗi)", total - 1),
                    format!("{first} (and {} more; {total} rows are wrong)", total - 1),
                )
            }
            NotASpreadsheet { detail } => lang.pick(
                format!("không đọc được tệp Excel ({})", detail.message(lang)),
                format!("cannot read the Excel file ({})", detail.message(lang)),
            ),
            TooManyRows { limit } => lang.pick(
                format!("bảng có hơn {limit} xã"),
                format!("the table has more than {limit} communes"),
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
            } => lang.pick(
                format!(
                    "JSON không hợp lệ ở dòng {line}, cột {column}{}",
                    if *eof { " (văn bản bị cắt giữa chừng)" } else { "" }
                ),
                format!("invalid JSON at line {line}, column {column}: {detail}"),
            ),
            NotAnObject { field } => lang.pick(
                format!("trường \"{field}\" phải là một đối tượng JSON {{…}}"),
                format!("the field \"{field}\" must be a JSON object {{…}}"),
            ),
            MissingSchema => lang
                .pick("thiếu trường \"schema\" (phiên bản, phải là 1)", "the field \"schema\" (version, must be 1) is missing")
                .to_string(),
            Schema { found } => lang.pick(
                format!("trường \"schema\": phiên bản {found} không được hỗ trợ (chỉ 1)"),
                format!("field \"schema\": version {found} is not supported (only 1)"),
            ),
            UnknownField { field } => lang.pick(
                format!("trường \"{field}\" không tồn tại"),
                format!("unknown field \"{field}\""),
            ),
            WrongType { field, expected } => {
                let expected_vi = match *expected {
                    "number" => "một số",
                    "string" => "một chuỗi",
                    "array" => "một danh sách",
                    "object" => "một đối tượng JSON {…}",
                    "whole number ≥ 0" => "một số nguyên không âm",
                    other => other,
                };
                lang.pick(
                    format!("trường \"{field}\": phải là {expected_vi}"),
                    format!("field \"{field}\": must be a {expected}"),
                )
            }
            Negative { field, value } => lang.pick(
                format!("trường \"{field}\": số âm ({}) không hợp lệ", shown(*value)),
                format!("field \"{field}\": a negative amount ({}) is not allowed", shown(*value)),
            ),
            TooLarge { field, value, limit } => lang.pick(
                format!("trường \"{field}\": {} quá lớn (tối đa {})", shown(*value), shown(*limit)),
                format!("field \"{field}\": {} is too large (at most {})", shown(*value), shown(*limit)),
            ),
            DisbursementRange { field, value } => lang.pick(
                format!("trường \"{field}\": tỷ lệ giải ngân {} phải trong khoảng 0 đến 1", shown(*value)),
                format!("field \"{field}\": disbursement {} must be between 0 and 1", shown(*value)),
            ),
            UnknownCriterion { field, value } => lang.pick(
                format!("trường \"{field}\": không có tiêu chí \"{value}\""),
                format!("field \"{field}\": there is no criterion \"{value}\""),
            ),
            DuplicateCriterion { field, value } => lang.pick(
                format!("trường \"{field}\": tiêu chí \"{value}\" lặp lại"),
                format!("field \"{field}\": criterion \"{value}\" is listed twice"),
            ),
            UnknownStrategy { field, value } => lang.pick(
                format!(
                    "trường \"{field}\": không có cách ưu tiên \"{value}\" (closest_first, cheapest_first, equity_first)"
                ),
                format!(
                    "field \"{field}\": no strategy \"{value}\" (closest_first, cheapest_first, equity_first)"
                ),
            ),
            OutOfRange { field, value, min, max } => lang.pick(
                format!("trường \"{field}\": {} phải trong khoảng {} đến {}", shown(*value), shown(*min), shown(*max)),
                format!("field \"{field}\": {} must be between {} and {}", shown(*value), shown(*min), shown(*max)),
            ),
            NotWhole { field, value } => lang.pick(
                format!("trường \"{field}\": {} phải là số nguyên", shown(*value)),
                format!("field \"{field}\": {} must be a whole number", shown(*value)),
            ),
            Years { field } => lang.pick(
                format!("trường \"{field}\": các năm phải liên tiếp, tăng dần, từ 1 đến 10 năm"),
                format!("field \"{field}\": the years must be consecutive and ascending, 1 to 10 of them"),
            ),
            YearNotInPath { field, year } => lang.pick(
                format!("trường \"{field}\": năm {year} không nằm trong các năm của lộ trình"),
                format!("field \"{field}\": {year} is not one of the path's years"),
            ),
            RangeOrder { field } => lang.pick(
                format!("trường \"{field}\": cần min ≤ mode ≤ max"),
                format!("field \"{field}\": needs min ≤ mode ≤ max"),
            ),
            DuplicateKey { field } => lang.pick(
                format!("\"{field}\" xuất hiện hai lần"),
                format!("\"{field}\" is given twice"),
            ),
            TooLong { field, length, limit } => lang.pick(
                format!("trường \"{field}\": dài {length} ký tự, tối đa {limit}"),
                format!("field \"{field}\": {length} characters long, at most {limit}"),
            ),
            UnknownGoal { field, value } => lang.pick(
                format!("{field}: không có mục tiêu \"{value}\" (certified, avg_criteria, border_avg, min_criteria hoặc mã một tiêu chí)"),
                format!("{field}: no goal \"{value}\" (certified, avg_criteria, border_avg, min_criteria or a criterion key)"),
            ),
        }
    }
}

impl InputError {
    pub fn table(input: impl Into<String>, problem: TableProblem) -> Self {
        InputError {
            input: input.into(),
            problem: Problem::Table(problem),
        }
    }
    pub fn scenario(input: impl Into<String>, problem: ScenarioProblem) -> Self {
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
            Problem::Read(detail) => lang.pick(
                format!("không đọc được tệp: {detail}"),
                format!("cannot read the file: {detail}"),
            ),
        };
        if self.input.is_empty() {
            what
        } else {
            format!("{}: {}", self.input, what)
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
    }
}
