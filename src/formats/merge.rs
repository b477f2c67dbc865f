//! The mapping of old communes to today's units (model.md §8.4) read from CSV, and the merge's
//! problems as input errors.

use super::error::{Cell, Input, InputError, Problem, TableProblem};
use crate::engine::merge::MappingRow;

/// Reads a mapping: columns `commune_code`, `code_2025`, `name_2025`, optional `group`; other
/// columns are ignored. `input` names the file in messages.
pub fn read_mapping(bytes: &[u8], input: impl Into<Input>) -> Result<Vec<MappingRow>, InputError> {
    let input = input.into();
    let fail = |problem| InputError::table(&input, problem);
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(fail(malformed(&e))),
        None => return Err(fail(TableProblem::Empty)),
    };
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let required = |name: &str| {
        column(name).ok_or_else(|| {
            fail(TableProblem::MissingColumn {
                column: name.into(),
            })
        })
    };
    let (old, code, name) = (
        required("commune_code")?,
        required("code_2025")?,
        required("name_2025")?,
    );
    let group = column("group");
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| fail(malformed(&e)))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |col: usize| -> Result<String, InputError> {
            let text = record.get(col).unwrap_or("").trim();
            if text.is_empty() {
                Err(fail(TableProblem::EmptyValue {
                    at: Cell {
                        line,
                        column: Some((header[col].trim().to_string(), col)),
                    },
                }))
            } else {
                Ok(text.to_string())
            }
        };
        rows.push(MappingRow {
            old_id: cell(old)?,
            code: cell(code)?,
            name: cell(name)?,
            group: group
                .and_then(|g| record.get(g))
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .map(str::to_string),
            line,
        });
    }
    Ok(rows)
}

fn malformed(e: &csv::Error) -> TableProblem {
    TableProblem::Malformed {
        line: e.position().map_or(0, |p| p.line()),
        detail: e.to_string(),
    }
}

impl InputError {
    /// A merge that cannot be made, named against the mapping file.
    pub fn merge(input: impl Into<Input>, problem: crate::engine::merge::MergeProblem) -> Self {
        InputError {
            input: input.into(),
            problem: Problem::Merge(problem),
        }
    }
}
