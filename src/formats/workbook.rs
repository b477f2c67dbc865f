//! The results sheets as an Excel workbook (.xlsx): shared nothing, inline strings.

use super::error::column_letter;
use super::sheet::{number_text, Cell, Sheet};
use super::zip::zip;
use crate::text::number::escape_markup;

fn sheet_xml(sheet: &Sheet) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for (r, row) in sheet.rows.iter().enumerate() {
        xml.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column_letter(c), r + 1);
            match cell {
                Cell::Number(x) if x.is_finite() => {
                    xml.push_str(&format!("<c r=\"{at}\"><v>{}</v></c>", number_text(*x)))
                }
                Cell::Number(_) => {}
                Cell::Text(s) => xml.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    escape_markup(s)
                )),
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// The sheets as an Excel workbook (.xlsx).
pub fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let mut content_types = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>",
    );
    let mut workbook = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>",
    );
    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    let mut files = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let id = i + 1;
        content_types.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{id}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        ));
        workbook.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{id}\" r:id=\"rId{id}\"/>",
            escape_markup(&sheet.name)
        ));
        rels.push_str(&format!(
            "<Relationship Id=\"rId{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{id}.xml\"/>"
        ));
        files.push((
            format!("xl/worksheets/sheet{id}.xml"),
            sheet_xml(sheet).into_bytes(),
        ));
    }
    content_types.push_str("</Types>");
    workbook.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    let root_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    let mut all = vec![
        (
            "[Content_Types].xml".to_string(),
            content_types.into_bytes(),
        ),
        ("_rels/.rels".to_string(), root_rels.as_bytes().to_vec()),
        ("xl/workbook.xml".to_string(), workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels".to_string(), rels.into_bytes()),
    ];
    all.extend(files);
    zip(&all)
}

#[cfg(test)]
mod tests {
    use super::super::sheet::{result_sheets, results_csv};
    use super::super::zip::crc32;
    use super::*;
    use crate::engine::{Model, Scenario};
    use crate::text::Lang;

    #[test]
    fn the_crc_is_the_standard_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn the_workbook_reads_back_with_our_own_reader() {
        let model = Model::shipped();
        let scenario = Scenario::plan();
        let o = model.run(&scenario);
        let sheets = result_sheets(&model, &scenario, &o, Lang::Vi);
        let bytes = workbook(&sheets);
        let rows = super::super::xlsx::first_sheet_rows(&bytes).unwrap();
        assert_eq!(rows[0].1[1], "Tiêu chí");
        assert_eq!(rows[2].1[1], "Giao thông");
        assert_eq!(rows[2].1[3], "102");
        // Sheets are numbered from 1, as Excel wants, each with its own part.
        use super::super::zip::{entries, read_entry};
        let parts = entries(&bytes).unwrap();
        let book = read_entry(&parts, "xl/workbook.xml").unwrap().unwrap();
        for id in 1..=sheets.len() {
            assert!(
                book.contains(&format!("sheetId=\"{id}\" r:id=\"rId{id}\"")),
                "{book}"
            );
            let part = format!("xl/worksheets/sheet{id}.xml");
            assert!(read_entry(&parts, &part).unwrap().is_some(), "{part}");
        }
        assert!(!book.contains("sheetId=\"0\""), "{book}");
    }

    #[test]
    fn a_number_that_is_not_finite_is_left_out_of_the_sheet() {
        let sheet = Sheet {
            name: "Tài chính".into(),
            rows: vec![vec![
                Cell::Number(1.5),
                Cell::Number(f64::INFINITY),
                Cell::Number(f64::NAN),
                Cell::Text("x < y".into()),
            ]],
        };
        let xml = super::sheet_xml(&sheet);
        assert!(xml.contains("<c r=\"A1\"><v>1.5</v></c>"), "{xml}");
        assert!(
            !xml.contains("r=\"B1\"") && !xml.contains("r=\"C1\""),
            "{xml}"
        );
        assert!(!xml.contains("inf") && !xml.contains("NaN"), "{xml}");
        assert!(
            xml.contains(
                "<c r=\"D1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">x &lt; y</t></is></c>"
            ),
            "{xml}"
        );
    }

    #[test]
    fn csv_starts_with_a_bom_and_quotes_what_needs_it() {
        let model = Model::shipped();
        let o = model.run(&Scenario::plan());
        let csv = results_csv(&result_sheets(&model, &Scenario::plan(), &o, Lang::Vi));
        assert!(csv.starts_with("\u{feff}Tiêu chí\r\nMã,Tiêu chí,Đầu năm"));
        // Each later block follows a blank line, under its sheet's name; none before the first.
        let sheets = result_sheets(&model, &Scenario::plan(), &o, Lang::Vi);
        assert!(sheets.len() >= 3);
        for sheet in &sheets[1..] {
            assert!(
                csv.contains(&format!("\r\n\r\n{}\r\n", sheet.name)),
                "{}",
                sheet.name
            );
        }
        let gaps: Vec<&str> = csv
            .match_indices("\r\n\r\n")
            .map(|(i, _)| &csv[i.saturating_sub(40)..(i + 40).min(csv.len())])
            .collect();
        let empty_rows: usize = sheets
            .iter()
            .map(|s| s.rows.iter().filter(|r| r.is_empty()).count())
            .sum();
        assert_eq!(gaps.len(), sheets.len() - 1 + empty_rows, "{gaps:#?}");
        // A field with a comma, a quote or a line break is quoted, its quotes doubled; others
        // are written as they are.
        use super::super::sheet::{csv_field, Cell};
        let text = |s: &str| csv_field(&Cell::Text(s.into()));
        assert_eq!(text("Lộc Bình, Đình Lập"), "\"Lộc Bình, Đình Lập\"");
        assert_eq!(text("xã \"Đề Thám\""), "\"xã \"\"Đề Thám\"\"\"");
        assert_eq!(text("hai\ndòng"), "\"hai\ndòng\"");
        assert_eq!(text("Vốn thiếu (tỷ đồng)"), "Vốn thiếu (tỷ đồng)");
    }
}
