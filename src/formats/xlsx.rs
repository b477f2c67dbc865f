//! Reads the cells of an Excel workbook's first sheet as text (.xlsx: a zip of XML files).
//!
//! Written for this project instead of taking calamine: calamine brings every legacy text
//! encoding along and doubled the page's size (600 KB → 1.1 MB of wasm); the page needs only
//! the first sheet's values. Inflating is miniz_oxide's, XML reading quick-xml's.

use crate::text::sentences as t;
use crate::text::Lang;
use quick_xml::events::Event;
use quick_xml::Reader;

/// The largest part of a workbook inflated (the sheet of 50,000 communes is about 25 MB).
pub const MAX_PART_BYTES: usize = 48 * 1024 * 1024;
/// Columns beyond this are not a commune table's (it has 44); a sheet using them is refused.
pub const MAX_COLUMNS: usize = 1024;
/// Rows beyond this are refused (the table's 50,000 communes and a few title rows).
pub const MAX_ROWS: u64 = 60_000;
/// Cells in all, counted as the rows' widths.
pub const MAX_CELLS: usize = 4_000_000;

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum XlsxError {
    NotZip,
    Damaged,
    /// A part (file inside the workbook) is cut short, or its entry is damaged.
    DamagedPart(String),
    TooLarge(String),
    Compression(String, u16),
    NotUtf8(String),
    /// The XML of a part cannot be read.
    Xml(String),
    NoSheet(String),
    /// A cell reference beyond what a sheet or this reader allows.
    CellBeyond(String),
    TooManyRows,
    TooManyCells,
}

impl XlsxError {
    pub fn message(&self, lang: Lang) -> String {
        use XlsxError::*;
        match self {
            NotZip => lang.say(t::EXCEL_NOT_A_ZIP).into(),
            Damaged => lang.say(t::EXCEL_FILE_DAMAGED).into(),
            DamagedPart(part) => lang.fill(t::ARCHIVE_PART_DAMAGED, &[("part", &part)]),
            TooLarge(part) => lang.fill(
                t::ARCHIVE_PART_TOO_LARGE,
                &[("part", &part), ("max", &(MAX_PART_BYTES / 1024 / 1024))],
            ),
            Compression(part, m) => {
                lang.fill(t::ARCHIVE_PART_COMPRESSION, &[("part", &part), ("m", &m)])
            }
            NotUtf8(part) => lang.fill(t::ARCHIVE_PART_NOT_UTF_8, &[("part", &part)]),
            Xml(part) => lang.fill(t::ARCHIVE_PART_BROKEN_XML, &[("part", &part)]),
            NoSheet(path) => lang.fill(t::SHEET_MISSING, &[("path", &path)]),
            CellBeyond(cell) => lang.fill(
                t::CELL_BEYOND_LIMITS,
                &[
                    ("cell", cell),
                    ("columns", &MAX_COLUMNS),
                    ("rows", &MAX_ROWS),
                ],
            ),
            TooManyRows => lang.fill(t::SHEET_TOO_MANY_ROWS, &[("rows", &MAX_ROWS)]),
            TooManyCells => lang.fill(t::SHEET_TOO_MANY_CELLS, &[("cells", &MAX_CELLS)]),
        }
    }
}
use super::zip::{entries, read_entry, Entry};

fn attribute(e: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.to_string()))
}

/// The path of the first sheet, from the workbook and its relationships.
fn first_sheet(entries: &[Entry<'_>]) -> Result<String, XlsxError> {
    let fallback = "xl/worksheets/sheet1.xml".to_string();
    let Some(workbook) = read_entry(entries, "xl/workbook.xml")? else {
        return Ok(fallback);
    };
    let mut reader = Reader::from_str(&workbook);
    let mut id = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"sheet" => {
                id = attribute(&e, b"r:id").or_else(|| attribute(&e, b"id"));
                break;
            }
            Ok(Event::Eof) => break,
            Err(_) => return Err(XlsxError::Xml("xl/workbook.xml".into())),
            _ => {}
        }
    }
    let (Some(id), Some(rels)) = (id, read_entry(entries, "xl/_rels/workbook.xml.rels")?) else {
        return Ok(fallback);
    };
    let mut reader = Reader::from_str(&rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if e.local_name().as_ref() == b"Relationship" =>
            {
                if attribute(&e, b"Id").as_deref() == Some(id.as_str()) {
                    let target = attribute(&e, b"Target").unwrap_or_default();
                    return Ok(match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_string(),
                        None => format!("xl/{target}"),
                    });
                }
            }
            Ok(Event::Eof) => return Ok(fallback),
            Err(_) => return Err(XlsxError::Xml("xl/_rels/workbook.xml.rels".into())),
            _ => {}
        }
    }
}

fn shared_strings(entries: &[Entry<'_>]) -> Result<Vec<String>, XlsxError> {
    let Some(xml) = read_entry(entries, "xl/sharedStrings.xml")? else {
        return Ok(Vec::new());
    };
    let mut reader = Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    let mut in_phonetic = false;
    loop {
        match reader.read_event() {
            // No `si` arm: the text of an item is taken at its end, so each starts empty.
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"rPh" => in_phonetic = true,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text && !in_phonetic => current.push_str(
                &t.unescape()
                    .map_err(|_| XlsxError::Xml("xl/sharedStrings.xml".into()))?,
            ),
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"si" => out.push(std::mem::take(&mut current)),
                b"t" => in_text = false,
                b"rPh" => in_phonetic = false,
                _ => {}
            },
            Ok(Event::Eof) => break,
            Err(_) => return Err(XlsxError::Xml("xl/sharedStrings.xml".into())),
            _ => {}
        }
    }
    Ok(out)
}

/// "B12" → (row 12, column index 1). Err: a reference beyond the sheet's limits (columns past
/// XFD, or past what this reader takes); None: not a reference at all.
fn cell_ref(r: &str) -> Result<Option<(u64, usize)>, XlsxError> {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let Ok(row) = r[letters.len()..].parse::<u64>() else {
        return Ok(None);
    };
    if letters.is_empty() {
        return Ok(None);
    }
    let beyond = || XlsxError::CellBeyond(r.chars().take(24).collect());
    if letters.len() > 3 {
        return Err(beyond());
    }
    let col = letters.bytes().fold(0usize, |acc, b| {
        acc * 26 + (b.to_ascii_uppercase() - b'A') as usize + 1
    });
    if col > MAX_COLUMNS || row > MAX_ROWS {
        return Err(beyond());
    }
    Ok(Some((row, col - 1)))
}

/// A number as a person would type it: `1`, not `1.0`; `0`, not `-0` (Rust writes a number
/// without an exponent or a trailing `.0`, and keeps the sign of a negative zero).
fn number_text(raw: &str) -> String {
    match raw.parse::<f64>() {
        Ok(v) if v == 0.0 => "0".to_string(),
        Ok(v) => format!("{v}"),
        Err(_) => raw.to_string(),
    }
}

/// The first sheet's rows as (sheet row number, cells as text), empty rows left out.
pub fn first_sheet_rows(bytes: &[u8]) -> Result<Vec<(u64, Vec<String>)>, XlsxError> {
    let entries = entries(bytes)?;
    let path = first_sheet(&entries)?;
    let sheet = read_entry(&entries, &path)?.ok_or_else(|| XlsxError::NoSheet(path.clone()))?;
    let strings = shared_strings(&entries)?;
    let mut reader = Reader::from_str(&sheet);
    let mut rows: Vec<(u64, Vec<String>)> = Vec::new();
    let (mut row, mut col, mut kind) = (0u64, 0usize, String::new());
    let mut value = String::new();
    let mut in_value = false;
    let mut cells = 0usize;
    let reference = |e: &quick_xml::events::BytesStart<'_>| -> Result<Option<usize>, XlsxError> {
        match attribute(e, b"r") {
            Some(r) => Ok(cell_ref(&r)?.map(|(_, c)| c)),
            None => Ok(None),
        }
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"row" => {
                row = match attribute(&e, b"r") {
                    Some(r) => r.trim().parse().map_err(|_| XlsxError::Xml(path.clone()))?,
                    None => row + 1,
                };
                if row > MAX_ROWS || rows.len() as u64 >= MAX_ROWS {
                    return Err(XlsxError::TooManyRows);
                }
                rows.push((row, Vec::new()));
                col = 0;
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"c" => {
                if let Some(c) = reference(&e)? {
                    col = c;
                }
                kind = attribute(&e, b"t").unwrap_or_default();
                value.clear();
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"c" => {
                col = reference(&e)?.map(|c| c + 1).unwrap_or(col + 1);
            }
            Ok(Event::Start(e)) if matches!(e.local_name().as_ref(), b"v" | b"t") => {
                in_value = true
            }
            Ok(Event::Text(t)) if in_value => {
                value.push_str(&t.unescape().map_err(|_| XlsxError::Xml(path.clone()))?)
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"v" | b"t" => in_value = false,
                b"c" => {
                    // A boolean's value is 0 or 1, an error's is its text (`#DIV/0!`): read
                    // as numbers are.
                    let text = match kind.as_str() {
                        "s" => value
                            .trim()
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| strings.get(i).cloned())
                            .unwrap_or_default(),
                        "str" | "inlineStr" => value.clone(),
                        _ => number_text(value.trim()),
                    };
                    if col >= MAX_COLUMNS {
                        return Err(XlsxError::CellBeyond(format!("#{}", col + 1)));
                    }
                    if let Some((_, row_cells)) = rows.last_mut() {
                        if row_cells.len() <= col {
                            cells += col + 1 - row_cells.len();
                            if cells > MAX_CELLS {
                                return Err(XlsxError::TooManyCells);
                            }
                            row_cells.resize(col + 1, String::new());
                        }
                        row_cells[col] = text;
                    }
                    col += 1;
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Err(_) => return Err(XlsxError::Xml(path.clone())),
            _ => {}
        }
    }
    rows.retain(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_read_as_spreadsheets_write_them() {
        assert_eq!(cell_ref("A1"), Ok(Some((1, 0))));
        assert_eq!(cell_ref("AB12"), Ok(Some((12, 27))));
        assert_eq!(cell_ref("AMJ1"), Ok(Some((1, 1023))));
        assert_eq!(cell_ref("1"), Ok(None));
        assert!(cell_ref("AMK1").is_err());
        assert!(cell_ref("ZZZZZZ1").is_err());
        assert!(cell_ref("A60001").is_err());
        assert_eq!(number_text("1.0"), "1");
        assert_eq!(number_text("12.5"), "12.5");
        assert_eq!(number_text("-0"), "0");
        assert_eq!(number_text("-0.0"), "0");
        assert_eq!(number_text("1E3"), "1000");
        assert_eq!(number_text("-2.50"), "-2.5");
        assert_eq!(number_text("1e16"), "10000000000000000");
        assert_eq!(number_text("n/a"), "n/a");
    }

    /// A zip of the given parts (name, XML).
    fn zipped(parts: &[(&str, &str)]) -> Vec<u8> {
        let files: Vec<(String, Vec<u8>)> = parts
            .iter()
            .map(|(name, xml)| (name.to_string(), xml.as_bytes().to_vec()))
            .collect();
        crate::formats::zip::zip(&files)
    }

    /// A workbook of only `xl/worksheets/sheet1.xml`.
    fn one_sheet(xml: &str) -> Vec<u8> {
        zipped(&[("xl/worksheets/sheet1.xml", xml)])
    }

    fn cells(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|c| c.to_string()).collect()
    }

    /// A sheet of one text cell.
    fn sheet_of(text: &str) -> String {
        format!("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{text}</t></is></c></row></sheetData></worksheet>")
    }

    /// A workbook whose first sheet is `xl/worksheets/data.xml`, its relationship named
    /// `rId7` by an attribute with the prefix `prefix`.
    fn workbook_with_its_sheet_elsewhere(prefix: &str) -> Vec<u8> {
        let ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        zipped(&[
            (
                "xl/workbook.xml",
                &format!("<workbook xmlns:{prefix}=\"{ns}\"><sheets><sheet name=\"Xã\" sheetId=\"1\" {prefix}:id=\"rId7\"/></sheets></workbook>"),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId7\" Target=\"worksheets/data.xml\"/></Relationships>",
            ),
            ("xl/worksheets/sheet1.xml", &sheet_of("wrong sheet")),
            ("xl/worksheets/data.xml", &sheet_of("first sheet")),
        ])
    }

    #[test]
    fn the_first_sheet_is_found_through_the_workbooks_relationships() {
        for prefix in ["r", "rel"] {
            let rows = first_sheet_rows(&workbook_with_its_sheet_elsewhere(prefix)).unwrap();
            assert_eq!(
                rows,
                vec![(1, vec!["first sheet".to_string()])],
                "{prefix}:id"
            );
        }
    }

    /// A workbook of `xl/worksheets/sheet1.xml` (one cell) with the given workbook and
    /// relationships parts.
    fn workbook_with(book: &str, rels: &str) -> Vec<u8> {
        zipped(&[
            ("xl/workbook.xml", book),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/worksheets/sheet1.xml", &sheet_of("sheet one")),
        ])
    }

    #[test]
    fn without_a_sheet_or_its_relationship_the_first_sheet_is_sheet1_and_broken_parts_are_named() {
        let rels = "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
        let one = vec![(1, vec!["sheet one".to_string()])];
        // No sheet listed; a sheet whose relationship is not there.
        let no_sheet = workbook_with("<workbook><sheets></sheets></workbook>", rels);
        assert_eq!(first_sheet_rows(&no_sheet).unwrap(), one);
        let elsewhere = workbook_with(
            "<workbook xmlns:r=\"x\"><sheets><sheet name=\"A\" r:id=\"rId9\"/></sheets></workbook>",
            rels,
        );
        assert_eq!(first_sheet_rows(&elsewhere).unwrap(), one);
        // Broken XML in either part is named.
        let broken_book = workbook_with("<workbook><sheets></sheet></workbook>", rels);
        assert_eq!(
            first_sheet_rows(&broken_book).unwrap_err(),
            XlsxError::Xml("xl/workbook.xml".into())
        );
        let broken_rels = workbook_with(
            "<workbook xmlns:r=\"x\"><sheets><sheet name=\"A\" r:id=\"rId1\"/></sheets></workbook>",
            "<Relationships></Relationship></Relationships>",
        );
        assert_eq!(
            first_sheet_rows(&broken_rels).unwrap_err(),
            XlsxError::Xml("xl/_rels/workbook.xml.rels".into())
        );
    }

    #[test]
    fn a_part_too_large_is_said_with_the_limit_in_megabytes() {
        let message = XlsxError::TooLarge("xl/worksheets/sheet1.xml".into());
        assert!(
            message.message(Lang::En).contains("(at most 48 MB)"),
            "{}",
            message.message(Lang::En)
        );
        assert!(
            message.message(Lang::Vi).contains("(tối đa 48 MB)"),
            "{}",
            message.message(Lang::Vi)
        );
    }

    /// A workbook whose two cells are shared strings 1 and 2, with the given shared-strings part.
    fn workbook_with_strings(strings: &str) -> Vec<u8> {
        zipped(&[
            ("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c><c r=\"B1\" t=\"s\"><v>2</v></c></row></sheetData></worksheet>"),
            ("xl/sharedStrings.xml", strings),
        ])
    }

    #[test]
    fn a_shared_string_is_its_text_runs_without_phonetic_readings_or_layout() {
        // As Excel writes them: indented, a rich-text item of two runs with a phonetic reading.
        let strings = "<sst>\n  <si><t>Bắc Sơn</t></si>\n  <si>\n    <r><t>Xã </t></r>\n    <r><t>Yên Thịnh</t></r>\n    <rPh sb=\"0\" eb=\"1\"><t>ya</t></rPh>\n  </si>\n  <si><t>Hữu Lũng</t></si>\n</sst>";
        // The item after a phonetic reading is read again.
        assert_eq!(
            first_sheet_rows(&workbook_with_strings(strings)).unwrap(),
            vec![(1, vec!["Xã Yên Thịnh".to_string(), "Hữu Lũng".to_string()])]
        );
        let broken = "<sst><si><t>Bắc Sơn</x></si></sst>";
        assert_eq!(
            first_sheet_rows(&workbook_with_strings(broken)).unwrap_err(),
            XlsxError::Xml("xl/sharedStrings.xml".into())
        );
    }

    #[test]
    fn formulas_empty_cells_and_cells_without_a_reference_read_as_excel_shows_them() {
        // Indented as some writers do; a formula's text is not its value; a shared formula is
        // an empty element inside its cell; a styled empty cell; cells without `r` follow on.
        let sheet = "<worksheet><sheetData>
  <row r=\"1\">
    <c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>
    <c r=\"B1\" s=\"3\"/>
    <c r=\"C1\"><f>A2*2</f><v>12</v></c>
  </row>
  <row r=\"2\">
    <c r=\"A2\"><f t=\"shared\" ref=\"A2:A3\" si=\"0\"/><v>5</v></c>
    <c r=\"C2\" s=\"1\"/>
    <c t=\"inlineStr\"><is><t>b</t></is></c>
    <c/>
    <c><v>3</v></c>
  </row>
  <row><c t=\"inlineStr\"><is><t>c</t></is></c></row>
</sheetData></worksheet>";
        let rows = first_sheet_rows(&one_sheet(sheet)).unwrap();
        assert_eq!(
            rows,
            vec![
                (1, cells(&["a", "", "12"])),
                (2, cells(&["5", "", "", "b", "", "3"])),
                (3, cells(&["c"])),
            ]
        );
        let broken =
            "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row></sheetData></worksheet>";
        assert_eq!(
            first_sheet_rows(&one_sheet(broken)).unwrap_err(),
            XlsxError::Xml("xl/worksheets/sheet1.xml".into())
        );
    }

    #[test]
    fn a_row_beyond_the_last_the_reader_takes_is_refused_and_the_last_is_read() {
        let sheet = |r: u64| {
            let row = format!("<row r=\"{r}\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>");
            one_sheet(&format!(
                "<worksheet><sheetData>{row}</sheetData></worksheet>"
            ))
        };
        assert_eq!(
            first_sheet_rows(&sheet(MAX_ROWS)).unwrap(),
            vec![(MAX_ROWS, cells(&["x"]))]
        );
        assert_eq!(
            first_sheet_rows(&sheet(MAX_ROWS + 1)),
            Err(XlsxError::TooManyRows)
        );
    }

    #[test]
    fn text_is_kept_as_written_and_booleans_and_errors_as_excel_stores_them() {
        // A commune code kept as text keeps its zeros; a formula's text result and an inline
        // string keep their spaces; a boolean is 0 or 1; an error cell is its error.
        let sheet = "<worksheet><sheetData><row r=\"1\">\
            <c r=\"A1\" t=\"inlineStr\"><is><t>00601</t></is></c>\
            <c r=\"B1\" t=\"str\"><f>B2</f><v> 1.50 </v></c>\
            <c r=\"C1\" t=\"b\"><v>1</v></c>\
            <c r=\"D1\" t=\"e\"><v>#DIV/0!</v></c>\
            <c r=\"E1\"><v>00601</v></c>\
            </row></sheetData></worksheet>";
        let rows = first_sheet_rows(&one_sheet(sheet)).unwrap();
        assert_eq!(
            rows,
            vec![(1, cells(&["00601", " 1.50 ", "1", "#DIV/0!", "601"]))]
        );
    }

    /// A sheet of `rows` rows, each with a cell in column A and one in AMJ (the last column),
    /// then a row reaching column `last` (none if empty).
    fn wide_rows(rows: u64, last: &str) -> Vec<u8> {
        let mut xml = String::from("<worksheet><sheetData>");
        let row = |r: u64, to: &str| {
            format!("<row r=\"{r}\"><c r=\"A{r}\"><v>1</v></c><c r=\"{to}{r}\"><v>1</v></c></row>")
        };
        for r in 1..=rows {
            xml.push_str(&row(r, "AMJ"));
        }
        if !last.is_empty() {
            xml.push_str(&row(rows + 1, last));
        }
        xml.push_str("</sheetData></worksheet>");
        one_sheet(&xml)
    }

    #[test]
    fn the_cells_counted_against_the_limit_are_those_a_row_reaches() {
        // 3,906 rows of 1,024 cells and one of 256 (to IV): 4,000,000, the limit itself;
        // 3,910 rows of 1,024: 4,003,840.
        assert_eq!(MAX_CELLS, 4_000_000);
        assert_eq!(
            first_sheet_rows(&wide_rows(3_906, "IV")).unwrap().len(),
            3_907
        );
        assert_eq!(
            first_sheet_rows(&wide_rows(3_910, "")),
            Err(XlsxError::TooManyCells)
        );
    }

    #[test]
    fn junk_is_refused() {
        assert!(first_sheet_rows(b"PK\x03\x04 nothing more").is_err());
        assert!(first_sheet_rows(b"").is_err());
    }
}
