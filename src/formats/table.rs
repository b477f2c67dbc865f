//! Commune tables read from CSV and Excel files (model.md §3), all or nothing, and written back as CSV.

use super::error::{Cell, Input, InputError, TableProblem};
use crate::engine::plan::Plan;
use crate::engine::table::{Commune, CommuneTable, MAX_COMMUNES};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Id,
    Name,
    District,
    Group,
    Border,
    Difficult,
    Priority,
    /// Item j (`tc<id>`).
    Meets(usize),
    /// Item j's cost (`cost<id>`).
    Cost(usize),
}

/// The columns a plan's table has: the fixed ones, then `tc` and `cost` of every item.
const FIXED: usize = 7;

/// What a header names: a field, or an item column of an id the plan lacks.
enum Header {
    Field(Field),
    UnknownItem,
}

impl Field {
    fn slot(self, items: usize) -> usize {
        match self {
            Field::Id => 0,
            Field::Name => 1,
            Field::District => 2,
            Field::Group => 3,
            Field::Border => 4,
            Field::Difficult => 5,
            Field::Priority => 6,
            Field::Meets(k) => FIXED + k,
            Field::Cost(k) => FIXED + items + k,
        }
    }
    fn from_slot(slot: usize, items: usize) -> Field {
        match slot {
            0 => Field::Id,
            1 => Field::Name,
            2 => Field::District,
            3 => Field::Group,
            4 => Field::Border,
            5 => Field::Difficult,
            6 => Field::Priority,
            s if s < FIXED + items => Field::Meets(s - FIXED),
            s => Field::Cost(s - FIXED - items),
        }
    }
    /// The canonical header of the column.
    pub fn canonical(self, plan: &Plan) -> String {
        match self {
            Field::Id => "id".into(),
            Field::Name => "name".into(),
            Field::District => "district".into(),
            Field::Group => "group".into(),
            Field::Border => "border".into(),
            Field::Difficult => "difficult".into(),
            Field::Priority => "priority".into(),
            Field::Meets(k) => format!("tc{}", plan.items[k].id),
            Field::Cost(k) => format!("cost{}", plan.items[k].id),
        }
    }
    /// Reads a header: canonical, or the Vietnamese a provincial office would write.
    fn from_header(header: &str, plan: &Plan) -> Option<Header> {
        let h = normalise(header);
        let simple = match h.as_str() {
            "id" | "mã xã" | "ma xa" | "mã" | "commune_code" => Some(Field::Id),
            "name" | "tên xã" | "ten xa" | "xã" | "commune" => Some(Field::Name),
            "district" | "huyện" | "huyen" | "huyện, thành phố" | "huyện/thành phố" => {
                Some(Field::District)
            }
            "group" | "nhóm xã" | "nhom xa" | "nhóm" | "nhom" => Some(Field::Group),
            "border" | "biên giới" | "bien gioi" | "xã biên giới" => Some(Field::Border),
            "difficult"
            | "đbkk"
            | "dbkk"
            | "xã đbkk"
            | "đặc biệt khó khăn"
            | "xã đặc biệt khó khăn" => Some(Field::Difficult),
            "priority" | "phấn đấu" | "phan dau" | "phấn đấu đạt chuẩn" | "phấn đấu 2022" => {
                Some(Field::Priority)
            }
            _ => None,
        };
        if let Some(field) = simple {
            return Some(Header::Field(field));
        }
        // An item's id as written: `2.1`, or a number with leading zeros (`tc01`); digits and
        // dots that are no item's (`cost.2`, a mistyped `cost2.2`) are named, not skipped.
        let item = |rest: &str| -> Option<Option<usize>> {
            let rest = rest.trim();
            let looks_like_id =
                !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.');
            if !looks_like_id {
                return None;
            }
            let number = rest.parse::<u32>().ok();
            Some(plan.items.iter().position(|item| {
                item.id == rest || (number.is_some() && item.id.parse::<u32>().ok() == number)
            }))
        };
        for prefix in ["chi phí tc", "chi phi tc", "chi phí", "cost"] {
            if let Some(rest) = h.strip_prefix(prefix) {
                match item(rest) {
                    Some(Some(k)) => return Some(Header::Field(Field::Cost(k))),
                    Some(None) => return Some(Header::UnknownItem),
                    None => {}
                }
            }
        }
        for prefix in ["tc", "tiêu chí", "tieu chi"] {
            if let Some(rest) = h.strip_prefix(prefix) {
                match item(rest) {
                    Some(Some(k)) => return Some(Header::Field(Field::Meets(k))),
                    Some(None) => return Some(Header::UnknownItem),
                    None => {}
                }
            }
        }
        None
    }
}

/// Lower case, trimmed, inner spaces folded, composed accents where a file has them decomposed
/// (the common decomposed forms of the Vietnamese header words are folded by hand).
fn normalise(header: &str) -> String {
    let lower = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The canonical header line of a plan's table (with a group column where the plan has
/// commune groups, with a district column where asked).
pub fn canonical_header(plan: &Plan, with_districts: bool) -> Vec<String> {
    let items = plan.items.len();
    (0..FIXED + 2 * items)
        .map(|s| Field::from_slot(s, items))
        .filter(|f| *f != Field::District || with_districts)
        .filter(|f| *f != Field::Group || !plan.commune_groups.is_empty())
        .map(|f| f.canonical(plan))
        .collect()
}

fn parse_flag(text: &str) -> Option<bool> {
    match text.trim() {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// A cost in the file: canonical `12.5`, or a Vietnamese decimal comma `12,5` (which a
/// spreadsheet writes when the file is quoted). Empty means "use the default".
fn parse_cost(text: &str) -> Result<Option<f64>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    // A comma is the decimal point: with a second comma, or a point as well, there are two
    // points and it does not parse.
    let canonical = t.replace(',', ".");
    // Digits and a point only: no sign, exponent, `inf` or `NaN`.
    if !canonical.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(());
    }
    match canonical.parse::<f64>() {
        // 400 digits parse as infinity.
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(()),
    }
}

impl CommuneTable {
    /// Reads a commune table from CSV bytes (UTF-8, with or without BOM, `\n` or `\r\n`).
    /// `input` names the file in messages.
    pub fn from_csv(
        bytes: &[u8],
        plan: &Plan,
        input: impl Into<Input>,
    ) -> Result<CommuneTable, InputError> {
        Self::from_csv_of(bytes, plan, &input.into())
    }

    fn from_csv_of(bytes: &[u8], plan: &Plan, input: &Input) -> Result<CommuneTable, InputError> {
        let fail = |problem| InputError::table(input, problem);
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(fail(TableProblem::Empty));
        }
        if bytes.contains(&0) {
            return Err(fail(TableProblem::Binary));
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut records = reader.byte_records();
        let header = match records.next() {
            Some(Ok(h)) => h,
            Some(Err(e)) => return Err(fail(csv_problem(&e))),
            None => return Err(fail(TableProblem::Empty)),
        };
        let header_texts = decode_record(&header, 1).map_err(fail)?;
        let (columns, ignored) = map_columns(&header_texts, plan).map_err(fail)?;
        Self::from_rows(
            plan,
            header_texts,
            columns,
            ignored,
            records.map(|r| {
                let r = r.map_err(|e| csv_problem(&e))?;
                let line = r.position().map(|p| p.line()).unwrap_or(0);
                Ok((line, decode_record(&r, line)?))
            }),
        )
        .map_err(fail)
    }

    /// Reads a commune table from a file's bytes: an Excel workbook (.xlsx, its first sheet) or
    /// CSV text, told apart by their first bytes.
    pub fn from_file_bytes(
        bytes: &[u8],
        plan: &Plan,
        input: impl Into<Input>,
    ) -> Result<CommuneTable, InputError> {
        Self::from_file_bytes_of(bytes, plan, &input.into())
    }

    fn from_file_bytes_of(
        bytes: &[u8],
        plan: &Plan,
        input: &Input,
    ) -> Result<CommuneTable, InputError> {
        let named_xlsx =
            matches!(input, Input::File(name) if name.to_ascii_lowercase().ends_with(".xlsx"));
        if bytes.starts_with(b"PK\x03\x04") || named_xlsx {
            CommuneTable::from_xlsx_of(bytes, plan, input)
        } else {
            CommuneTable::from_csv_of(bytes, plan, input)
        }
    }

    /// Reads the first worksheet of an Excel workbook. The header is the first row that names
    /// columns of the table (a sheet often has a title or notes above it); lines are the
    /// sheet's row numbers.
    pub fn from_xlsx(
        bytes: &[u8],
        plan: &Plan,
        input: impl Into<Input>,
    ) -> Result<CommuneTable, InputError> {
        Self::from_xlsx_of(bytes, plan, &input.into())
    }

    fn from_xlsx_of(bytes: &[u8], plan: &Plan, input: &Input) -> Result<CommuneTable, InputError> {
        let fail = |problem| InputError::table(input, problem);
        let all_rows = super::xlsx::first_sheet_rows(bytes)
            .map_err(|detail| fail(TableProblem::NotASpreadsheet { detail }))?;
        let recognised = |cells: &[String]| {
            cells
                .iter()
                .filter(|c| matches!(Field::from_header(c, plan), Some(Header::Field(_))))
                .count()
        };
        let header_at = all_rows
            .iter()
            .take(30)
            .position(|(_, cells)| recognised(cells) >= 6)
            .or(if all_rows.is_empty() { None } else { Some(0) })
            .ok_or_else(|| fail(TableProblem::Empty))?;
        let mut rows = all_rows.into_iter().skip(header_at);
        let header = rows.next().map(|(_, cells)| cells).unwrap_or_default();
        // Spreadsheets pad rows to the used width: trailing empty header cells are not columns.
        let width = header
            .iter()
            .rposition(|h| !h.trim().is_empty())
            .map(|i| i + 1)
            .unwrap_or(0);
        let header: Vec<String> = header.into_iter().take(width).collect();
        let rows: Vec<(u64, Vec<String>)> = rows
            .map(|(line, mut cells)| {
                // A sheet stores no cell for an empty one at the end of a row.
                if cells[width.min(cells.len())..]
                    .iter()
                    .all(|c| c.trim().is_empty())
                {
                    cells.resize(width, String::new());
                }
                (line, cells)
            })
            .collect();
        CommuneTable::from_text_rows(header, rows, plan, input)
    }

    /// Builds a table from rows of text cells (used by the CSV and the spreadsheet readers).
    /// `rows` yields (file line, cells).
    pub fn from_text_rows(
        header: Vec<String>,
        rows: impl IntoIterator<Item = (u64, Vec<String>)>,
        plan: &Plan,
        input: &Input,
    ) -> Result<CommuneTable, InputError> {
        let fail = |problem| InputError::table(input, problem);
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err(fail(TableProblem::Empty));
        }
        let (columns, ignored) = map_columns(&header, plan).map_err(fail)?;
        Self::from_rows(plan, header, columns, ignored, rows.into_iter().map(Ok)).map_err(fail)
    }

    fn from_rows(
        plan: &Plan,
        header: Vec<String>,
        columns: Vec<usize>,
        ignored_columns: Vec<String>,
        rows: impl Iterator<Item = Result<(u64, Vec<String>), TableProblem>>,
    ) -> Result<CommuneTable, TableProblem> {
        let mut communes: Vec<Commune> = Vec::new();
        let mut districts: Vec<String> = Vec::new();
        let mut first_line_of_id = std::collections::HashMap::new();
        // Every row is read, so that the report lists what is wrong in the whole file, one
        // problem a row, up to a limit.
        let mut problems: Vec<TableProblem> = Vec::new();
        let mut more = 0usize;
        for row in rows {
            let (line, cells) = match row {
                Ok(row) => row,
                Err(problem) => {
                    // The text itself cannot be read further.
                    problems.push(problem);
                    break;
                }
            };
            // A fully blank line (a spreadsheet's trailing row) is not a commune.
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if communes.len() + problems.len() >= MAX_COMMUNES {
                return Err(TableProblem::TooManyRows {
                    limit: MAX_COMMUNES,
                });
            }
            let parsed = read_row(
                plan,
                &header,
                &columns,
                line,
                &cells,
                &mut first_line_of_id,
                &mut districts,
            );
            match parsed {
                Ok(commune) => communes.push(commune),
                Err(problem) if problems.len() < MAX_PROBLEMS => problems.push(problem),
                Err(_) => more += 1,
            }
        }
        match problems.len() {
            0 if communes.is_empty() => Err(TableProblem::NoCommunes),
            0 => Ok(CommuneTable {
                communes,
                districts,
                ignored_columns,
            }),
            // One problem is said as itself (with fewer than MAX_PROBLEMS listed, none more).
            1 => Err(problems.remove(0)),
            _ => Err(TableProblem::Several { problems, more }),
        }
    }

    /// Writes the table as canonical CSV for its plan (costs written only where given; no
    /// district column where the table has none; an item that does not apply to a commune's
    /// group written empty).
    pub fn to_csv(&self, plan: &Plan) -> String {
        let header = canonical_header(plan, self.has_districts());
        let groups = !plan.commune_groups.is_empty();
        let applying: Vec<_> = (0..plan.commune_groups.len().max(1))
            .map(|g| plan.applying_in(g))
            .collect();
        let mut out = header.join(",");
        out.push('\n');
        for c in &self.communes {
            let mut cells: Vec<String> = vec![csv_cell(&c.id), csv_cell(&c.name)];
            if let Some(d) = self.district_name(c) {
                cells.push(csv_cell(d));
            }
            if groups {
                cells.push(csv_cell(&plan.commune_groups[c.group].key));
            }
            cells.extend([
                (c.border as u8).to_string(),
                (c.difficult as u8).to_string(),
                (c.priority as u8).to_string(),
            ]);
            let applies = applying.get(c.group).copied().unwrap_or(0);
            let assessed = |k: usize| applies & (1 << k) != 0;
            cells.extend((0..plan.items.len()).map(|k| match assessed(k) {
                true => (c.meets(k) as u8).to_string(),
                false => String::new(),
            }));
            cells.extend((0..plan.items.len()).map(|k| {
                match assessed(k) {
                    true => c
                        .cost
                        .get(k)
                        .copied()
                        .flatten()
                        .map(cost_text)
                        .unwrap_or_default(),
                    false => String::new(),
                }
            }));
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }
}

/// How many problems a report lists before it only counts them.
pub const MAX_PROBLEMS: usize = 50;

/// Reads one row of the table: the commune, or the first thing wrong with the row.
fn read_row(
    plan: &Plan,
    header: &[String],
    columns: &[usize],
    line: u64,
    cells: &[String],
    first_line_of_id: &mut std::collections::HashMap<String, u64>,
    districts: &mut Vec<String>,
) -> Result<Commune, TableProblem> {
    if cells.len() != header.len() {
        return Err(TableProblem::Ragged {
            line,
            found: cells.len(),
            expected: header.len(),
        });
    }
    let items = plan.items.len();
    let at = |field: Field| {
        let col = columns[field.slot(items)];
        Cell {
            line,
            column: Some((header[col].trim().to_string(), col)),
        }
    };
    let text = |field: Field| cells[columns[field.slot(items)]].trim();
    let required = |field: Field| -> Result<String, TableProblem> {
        let t = text(field);
        if t.is_empty() {
            Err(TableProblem::EmptyValue { at: at(field) })
        } else {
            Ok(t.to_string())
        }
    };
    let flag = |field: Field| -> Result<bool, TableProblem> {
        parse_flag(text(field)).ok_or_else(|| {
            if text(field).is_empty() {
                TableProblem::EmptyValue { at: at(field) }
            } else {
                TableProblem::BadFlag {
                    at: at(field),
                    value: text(field).to_string(),
                }
            }
        })
    };
    let id = required(Field::Id)?;
    if let Some(first_line) = first_line_of_id.get(&id) {
        return Err(TableProblem::DuplicateId {
            line,
            id,
            first_line: *first_line,
        });
    }
    first_line_of_id.insert(id.clone(), line);
    let name = required(Field::Name)?;
    let has_district = columns[Field::District.slot(items)] != usize::MAX;
    let district_name = if has_district {
        Some(required(Field::District)?)
    } else {
        None
    };
    let border = flag(Field::Border)?;
    let difficult = flag(Field::Difficult)?;
    let priority = flag(Field::Priority)?;
    let group = if plan.commune_groups.is_empty() {
        0
    } else {
        let key = required(Field::Group)?;
        plan.commune_group_index(&key)
            .ok_or_else(|| TableProblem::UnknownGroup {
                at: at(Field::Group),
                value: key,
            })?
    };
    let applies = plan.applying_in(group);
    let mut meets = 0;
    let mut cost = vec![None; items];
    for k in 0..items {
        // An item not assessed in the commune's group: its cells are not read (model.md §8.2).
        if applies & (1 << k) == 0 {
            meets |= 1 << k;
            continue;
        }
        if flag(Field::Meets(k))? {
            meets |= 1 << k;
        }
        let raw = text(Field::Cost(k));
        cost[k] = parse_cost(raw).map_err(|_| TableProblem::BadCost {
            at: at(Field::Cost(k)),
            value: raw.to_string(),
        })?;
    }
    let district = match district_name {
        None => 0,
        Some(name) => match districts.iter().position(|d| *d == name) {
            Some(i) => i,
            None => {
                districts.push(name);
                districts.len() - 1
            }
        },
    };
    Ok(Commune {
        id,
        name,
        district,
        group,
        border,
        difficult,
        priority,
        meets,
        cost,
    })
}

/// A cost as a plain decimal with a point, no grouping, the fewest digits that read back to
/// the same value (a merged cost is a sum: model.md §8.4).
pub fn cost_text(v: f64) -> String {
    format!("{v}")
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// What the CSV reader found wrong (records are read as bytes: text that is not UTF-8 is
/// found by `decode_record`, never here).
fn csv_problem(e: &csv::Error) -> TableProblem {
    TableProblem::Malformed {
        line: e.position().map(|p| p.line()).unwrap_or(0),
        detail: e.to_string(),
    }
}

fn decode_record(record: &csv::ByteRecord, line: u64) -> Result<Vec<String>, TableProblem> {
    record
        .iter()
        .map(|field| {
            std::str::from_utf8(field)
                .map(str::to_string)
                .map_err(|_| TableProblem::NotUtf8 { line })
        })
        .collect()
}

/// Finds the column of each field; every field must be there exactly once.
fn map_columns(header: &[String], plan: &Plan) -> Result<(Vec<usize>, Vec<String>), TableProblem> {
    let items = plan.items.len();
    let mut columns = vec![usize::MAX; FIXED + 2 * items];
    let mut ignored = Vec::new();
    for (i, h) in header.iter().enumerate() {
        match Field::from_header(h, plan) {
            Some(Header::UnknownItem) => {
                return Err(TableProblem::UnknownItemColumn {
                    column: h.trim().to_string(),
                    plan: plan.key.clone(),
                })
            }
            Some(Header::Field(Field::Group)) if plan.commune_groups.is_empty() => {
                return Err(TableProblem::GroupsNotInPlan {
                    column: h.trim().to_string(),
                    plan: plan.key.clone(),
                })
            }
            Some(Header::Field(field)) => {
                let slot = field.slot(items);
                if columns[slot] != usize::MAX {
                    return Err(TableProblem::DuplicateColumn {
                        column: field.canonical(plan),
                        first: columns[slot],
                        second: i,
                    });
                }
                columns[slot] = i;
            }
            None if h.trim().is_empty() => {}
            None => ignored.push(h.trim().to_string()),
        }
    }
    // Since July 2025 provinces have no districts: a table may have no district column.
    let optional = |slot: usize| {
        slot == Field::District.slot(items)
            || (slot == Field::Group.slot(items) && plan.commune_groups.is_empty())
    };
    if let Some(slot) = columns
        .iter()
        .enumerate()
        .position(|(slot, c)| *c == usize::MAX && !optional(slot))
    {
        return Err(TableProblem::MissingColumn {
            column: Field::from_slot(slot, items).canonical(plan),
        });
    }
    Ok((columns, ignored))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(header: &str) -> Option<Field> {
        match Field::from_header(header, &Plan::lang_son_2022()) {
            Some(Header::Field(f)) => Some(f),
            _ => None,
        }
    }

    #[test]
    fn headers_are_read_in_both_languages() {
        assert_eq!(field("Mã xã"), Some(Field::Id));
        assert_eq!(field(" TC19 "), Some(Field::Meets(18)));
        assert_eq!(field("tc01"), Some(Field::Meets(0)));
        assert_eq!(field("Chi phí TC3"), Some(Field::Cost(2)));
        assert_eq!(field("cost12"), Some(Field::Cost(11)));
        assert_eq!(field("ĐBKK"), Some(Field::Difficult));
        assert_eq!(field("Nhóm xã"), Some(Field::Group));
        assert!(matches!(
            Field::from_header("tc20", &Plan::lang_son_2022()),
            Some(Header::UnknownItem)
        ));
        assert!(Field::from_header("Ghi chú", &Plan::lang_son_2022()).is_none());
    }

    #[test]
    fn costs_accept_a_decimal_comma() {
        assert_eq!(parse_cost("12,5"), Ok(Some(12.5)));
        assert_eq!(parse_cost(" 3.25 "), Ok(Some(3.25)));
        assert_eq!(parse_cost(""), Ok(None));
        assert_eq!(parse_cost("-1"), Err(()));
        assert_eq!(parse_cost("NaN"), Err(()));
        assert_eq!(parse_cost("1e3"), Err(()));
        assert_eq!(parse_cost("1,234.5"), Err(()));
        assert_eq!(parse_cost("1,2,3"), Err(()));
        assert_eq!(parse_cost("1.234,5"), Err(()));
        assert_eq!(parse_cost("5,"), Ok(Some(5.0)));
        assert_eq!(parse_cost(&"9".repeat(400)), Err(()));
        assert_eq!(parse_cost(&"9".repeat(300)), Ok(Some(1e300)));
    }

    #[test]
    fn shipped_table_round_trips() {
        let table = CommuneTable::shipped();
        assert_eq!(
            table.to_csv(&Plan::lang_son_2022()),
            crate::formats::seeds::SHIPPED_COMMUNES
        );
    }
}
