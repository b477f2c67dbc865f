//! Hostile and careless input: crafted workbooks, formula injection in exports, float noise.

mod common;

use common::{csv, row};
use ntm_planner::engine::{CommuneTable, Scenario};
use ntm_planner::formats::sheet::{csv_field, number_text, result_sheets, results_csv, Cell};
use ntm_planner::formats::xlsx::{first_sheet_rows, XlsxError, MAX_PART_BYTES};
use ntm_planner::formats::zip::zip;
use ntm_planner::text::Lang;
/// The 2022 plan's criteria (each its own single item).
const CRITERIA: usize = 19;

/// A workbook whose only sheet is `sheet` (XML of `<sheetData>`'s rows).
fn workbook_with_rows(rows_xml: &str) -> Vec<u8> {
    let sheet = format!(
        "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows_xml}</sheetData></worksheet>"
    );
    zip(&[("xl/worksheets/sheet1.xml".to_string(), sheet.into_bytes())])
}

/// The same archive with its one entry deflated (method 8) and claiming `claimed` bytes.
fn deflated_workbook(sheet: &[u8], claimed: u32) -> Vec<u8> {
    let packed = miniz_oxide::deflate::compress_to_vec(sheet, 6);
    let mut bytes = zip(&[("xl/worksheets/sheet1.xml".to_string(), packed.clone())]);
    // Local header: method at 8, sizes at 18 (compressed) and 22; central: method at 10, 24.
    bytes[8..10].copy_from_slice(&8u16.to_le_bytes());
    bytes[22..26].copy_from_slice(&claimed.to_le_bytes());
    let central = bytes
        .windows(4)
        .position(|w| w == 0x0201_4b50u32.to_le_bytes())
        .unwrap();
    bytes[central + 10..central + 12].copy_from_slice(&8u16.to_le_bytes());
    bytes[central + 24..central + 28].copy_from_slice(&claimed.to_le_bytes());
    bytes
}

#[test]
fn cells_beyond_the_sheet_or_the_reader_are_refused_not_allocated() {
    for reference in ["ZZZZZZ1", "ZZZZZ1", "XFD1", "XFE1", "AMK1", "A60001"] {
        let bytes = workbook_with_rows(&format!(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"{reference}\"><v>1</v></c></row>"
        ));
        match first_sheet_rows(&bytes) {
            Err(XlsxError::CellBeyond(cell)) => assert_eq!(cell, reference),
            Err(XlsxError::TooManyRows) => assert_eq!(reference, "A60001"),
            other => panic!("{reference}: {other:?}"),
        }
        let err = CommuneTable::from_file_bytes(
            &bytes,
            &ntm_planner::engine::Plan::lang_son_2022(),
            "tinh.xlsx",
        )
        .unwrap_err();
        let vi = err.message(Lang::Vi);
        assert!(vi.contains("tệp Excel"), "{vi}");
        assert!(vi.contains("giới hạn") || vi.contains("dòng"), "{vi}");
        assert!(!err.message(Lang::En).contains("giới"));
    }
    // The last column a commune table could use is fine.
    let ok = workbook_with_rows("<row r=\"1\"><c r=\"AMJ1\"><v>1</v></c></row>");
    assert_eq!(first_sheet_rows(&ok).unwrap()[0].1.len(), 1024);
}

#[test]
fn many_rows_and_many_cells_are_refused() {
    let mut rows = String::new();
    for r in 1..=60_001 {
        rows.push_str(&format!("<row r=\"{r}\"><c r=\"A{r}\"><v>1</v></c></row>"));
    }
    assert_eq!(
        first_sheet_rows(&workbook_with_rows(&rows)),
        Err(XlsxError::TooManyRows)
    );
    // 5,000 rows each reaching column AMJ: 5.1 million cells.
    let mut rows = String::new();
    for r in 1..=5_000 {
        rows.push_str(&format!(
            "<row r=\"{r}\"><c r=\"AMJ{r}\"><v>1</v></c></row>"
        ));
    }
    assert_eq!(
        first_sheet_rows(&workbook_with_rows(&rows)),
        Err(XlsxError::TooManyCells)
    );
}

#[test]
fn a_part_that_inflates_beyond_the_cap_is_refused_whatever_it_claims() {
    let mut sheet = b"<worksheet><sheetData>".to_vec();
    sheet.resize(MAX_PART_BYTES + 1024, b' ');
    for claimed in [100u32, (MAX_PART_BYTES + 1024) as u32] {
        let bytes = deflated_workbook(&sheet, claimed);
        assert!(bytes.len() < 200_000, "the bomb is small: {}", bytes.len());
        assert_eq!(
            first_sheet_rows(&bytes),
            Err(XlsxError::TooLarge("xl/worksheets/sheet1.xml".into()))
        );
    }
    // The same reader takes a deflated sheet within the cap.
    let small = b"<worksheet><sheetData><row r=\"1\"><c r=\"B1\"><v>7</v></c></row></sheetData></worksheet>";
    let rows = first_sheet_rows(&deflated_workbook(small, small.len() as u32)).unwrap();
    assert_eq!(rows, vec![(1, vec![String::new(), "7".to_string()])]);
}

/// A stored (method 0) archive of one sheet of `data`, claiming `claimed` bytes (the reader
/// checks no CRC, so none is written).
fn stored_workbook(data: &[u8], claimed: u32) -> Vec<u8> {
    let name = "xl/worksheets/sheet1.xml";
    let empty = zip(&[(name.to_string(), Vec::new())]);
    let local = 30 + name.len();
    let mut bytes = empty[..local].to_vec();
    bytes.extend_from_slice(data);
    bytes.extend_from_slice(&empty[local..]);
    let n = data.len() as u32;
    let central = local + data.len();
    bytes[18..22].copy_from_slice(&n.to_le_bytes());
    bytes[22..26].copy_from_slice(&claimed.to_le_bytes());
    bytes[central + 20..central + 24].copy_from_slice(&n.to_le_bytes());
    bytes[central + 24..central + 28].copy_from_slice(&claimed.to_le_bytes());
    let end = bytes.len() - 22;
    bytes[end + 16..end + 20].copy_from_slice(&(central as u32).to_le_bytes());
    bytes
}

#[test]
fn a_stored_part_larger_than_the_cap_or_claiming_to_be_is_refused_at_the_cap_itself_read() {
    let too_large = Err(XlsxError::TooLarge("xl/worksheets/sheet1.xml".into()));
    let sheet = b"<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>7</v></c></row></sheetData>";
    let one = vec![(1, vec!["7".to_string()])];
    let cap = MAX_PART_BYTES as u32;
    // What the entry claims: the cap itself is read, one byte more refused before any work.
    let mut small = sheet.to_vec();
    small.extend_from_slice(b"</worksheet>");
    assert_eq!(
        first_sheet_rows(&stored_workbook(&small, cap)),
        Ok(one.clone())
    );
    assert_eq!(
        first_sheet_rows(&stored_workbook(&small, cap + 1)),
        too_large
    );
    // What it holds, whatever it claims: the cap itself is read, one byte more refused.
    let mut full = sheet.to_vec();
    full.resize(MAX_PART_BYTES - b"</worksheet>".len(), b' ');
    full.extend_from_slice(b"</worksheet>");
    assert_eq!(full.len(), MAX_PART_BYTES);
    assert_eq!(first_sheet_rows(&stored_workbook(&full, 100)), Ok(one));
    full.insert(sheet.len(), b' ');
    assert_eq!(first_sheet_rows(&stored_workbook(&full, 100)), too_large);
}

#[test]
fn damaged_workbooks_say_so_in_the_users_language() {
    let good = workbook_with_rows("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
    for cut in [10, good.len() / 2, good.len() - 30] {
        let err = CommuneTable::from_file_bytes(
            &good[..cut],
            &ntm_planner::engine::Plan::lang_son_2022(),
            "tinh.xlsx",
        )
        .unwrap_err();
        let vi = err.message(Lang::Vi);
        assert!(
            vi.starts_with("tinh.xlsx: không đọc được tệp Excel"),
            "{vi}"
        );
        for english in ["truncated", "entry", "expected", "not a zip"] {
            assert!(!vi.contains(english), "{vi}");
        }
    }
    let err = CommuneTable::from_file_bytes(
        b"not a workbook at all",
        &ntm_planner::engine::Plan::lang_son_2022(),
        "tinh.xlsx",
    )
    .unwrap_err();
    assert!(
        err.message(Lang::En).contains("Excel"),
        "{}",
        err.message(Lang::En)
    );
}

#[test]
fn csv_exports_never_carry_a_formula() {
    let hostile = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1)",
        "-2+3",
        "\tTAB",
        "\rCR",
    ];
    let mut rows = vec![
        row("a", &[1], 10.0),
        row("b", &[1], 10.0),
        row("c", &[], 1.0),
    ];
    rows[0].district = hostile[1].to_string();
    rows[1].district = hostile[4].to_string();
    let text = csv(&rows)
        .replace("Xã a", "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        .replace("Xã b", "@SUM(1)");
    let table = CommuneTable::from_csv(
        text.as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "t.csv",
    )
    .unwrap();
    let m = ntm_planner::engine::Model::new(ntm_planner::engine::Plan::lang_son_2022(), table);
    let scenario = Scenario {
        name: Some("-2+3".into()),
        ..Scenario::plan()
    };
    let o = m.run(&scenario);
    let exported = results_csv(&result_sheets(&m, &scenario, &o, Lang::Vi));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(exported.trim_start_matches('\u{feff}').as_bytes());
    let mut seen = 0;
    for record in reader.records() {
        for field in record.unwrap().iter() {
            if field.parse::<f64>().is_ok() {
                continue;
            }
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{field:?}"
            );
            if hostile.iter().any(|h| field == format!("'{h}")) {
                seen += 1;
            }
        }
    }
    assert!(
        seen >= 3,
        "the hostile names are there, neutralised ({seen})"
    );
    for h in hostile {
        assert_eq!(
            csv_field(&Cell::Text(h.into()))
                .trim_matches('"')
                .chars()
                .next(),
            Some('\'')
        );
    }
    // Ordinary text and negative numbers are left as they are.
    assert_eq!(csv_field(&Cell::Text("Xã Đề Thám".into())), "Xã Đề Thám");
    assert_eq!(csv_field(&Cell::Number(-2.5)), "-2.5");
}

#[test]
fn exported_numbers_have_no_float_noise_and_no_negative_zero() {
    assert_eq!(number_text(47.24999999999999), "47.25");
    assert_eq!(number_text(-0.0), "0");
    assert_eq!(number_text(-1e-12), "0");
    assert_eq!(number_text(14.629834254143647), "14.629834");
    assert_eq!(number_text(4770.0), "4770");
    assert_eq!(number_text(f64::NAN), "");
}

#[test]
fn the_communes_sheet_gives_each_communes_criteria_and_certification_as_the_run() {
    use ntm_planner::engine::Model;
    let m = Model::shipped();
    let s = Scenario {
        disbursement: [None, None, None, Some(0.7), None].into(),
        ..Scenario::plan()
    };
    let o = m.run(&s);
    let sheets = result_sheets(&m, &s, &o, Lang::En);
    let communes = sheets
        .iter()
        .find(|sh| sh.rows.len() == m.table.communes.len() + 1)
        .expect("a sheet of the communes");
    let width = communes.rows[0].len();
    let all = (1u128 << CRITERIA) - 1;
    let (mut yes, mut no) = (0, 0);
    for (row, &after) in communes.rows[1..].iter().zip(&o.meets) {
        let number = |i: usize| match &row[i] {
            Cell::Number(x) => *x,
            other => panic!("column {i}: {other:?}"),
        };
        assert_eq!(number(width - CRITERIA - 2), f64::from(after.count_ones()));
        let certified = number(width - CRITERIA - 1);
        assert_eq!(certified, if after == all { 1.0 } else { 0.0 });
        if certified == 1.0 {
            yes += 1
        } else {
            no += 1
        }
        for k in 0..CRITERIA {
            assert_eq!(
                number(width - CRITERIA + k),
                ((after >> k) & 1) as f64,
                "TC{}",
                k + 1
            );
        }
    }
    assert!(yes > 0 && no > 0);
}
