//! Reading commune tables: broken files are refused with the row and column named; good
//! variants (Vietnamese headers, BOM, CRLF) read the same as the canonical file.

mod common;

use ntm_planner::engine::CommuneTable;
use ntm_planner::formats::error::TableProblem;
use ntm_planner::formats::seeds::SHIPPED_COMMUNES;
use ntm_planner::text::Lang;

fn refuse(bytes: &[u8]) -> (String, String) {
    let err = CommuneTable::from_csv(bytes, &ntm_planner::engine::Plan::lang_son_2022(), "xa.csv")
        .expect_err("the file should be refused");
    (err.message(Lang::Vi), err.message(Lang::En))
}

fn shipped_lines() -> Vec<String> {
    SHIPPED_COMMUNES.lines().map(str::to_string).collect()
}

fn join(lines: &[String]) -> String {
    lines.join("\n") + "\n"
}

#[test]
fn a_missing_column_is_named() {
    let lines: Vec<String> = shipped_lines()
        .iter()
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            // drop tc7 (column index 12)
            cells
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != 12)
                .map(|(_, c)| *c)
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    let (vi, en) = refuse(join(&lines).as_bytes());
    assert!(vi.contains("thiếu cột \"tc7\""), "{vi}");
    assert!(
        en.starts_with("xa.csv: ") && en.contains("\"tc7\" is missing"),
        "{en}"
    );
}

#[test]
fn a_duplicate_commune_code_names_both_lines() {
    let mut lines = shipped_lines();
    let second = lines[2].clone();
    lines[5] = second;
    let (_, en) = refuse(join(&lines).as_bytes());
    assert!(
        en.contains("line 6") && en.contains("repeats line 3") && en.contains("\"id\""),
        "{en}"
    );
}

#[test]
fn a_bad_value_names_line_and_column() {
    let mut lines = shipped_lines();
    lines[10] = lines[10].replacen(",1,", ",có,", 1);
    let (vi, en) = refuse(join(&lines).as_bytes());
    assert!(
        en.contains("line 11") && en.contains("\"có\" is not 0 or 1"),
        "{en}"
    );
    assert!(vi.contains("dòng 11") && vi.contains("cột"), "{vi}");
}

#[test]
fn a_bad_cost_names_line_and_column_letter() {
    let text = "id,name,district,border,difficult,priority,tc1,tc2,tc3,tc4,tc5,tc6,tc7,tc8,tc9,tc10,tc11,tc12,tc13,tc14,tc15,tc16,tc17,tc18,tc19,cost1,cost2,cost3,cost4,cost5,cost6,cost7,cost8,cost9,cost10,cost11,cost12,cost13,cost14,cost15,cost16,cost17,cost18,cost19\n\
                x1,Xã Một,Huyện A,0,0,0,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,-5,,,,,,,,,,,,,,,,,\n";
    let (_, en) = refuse(text.as_bytes());
    assert!(
        en.contains("line 2, column \"cost2\" (AA)") && en.contains("\"-5\""),
        "{en}"
    );
    // One problem is that problem, not a list of one.
    let err = CommuneTable::from_csv(
        text.as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "t.csv",
    )
    .unwrap_err();
    assert!(
        matches!(
            err.problem,
            ntm_planner::formats::error::Problem::Table(TableProblem::BadCost { .. })
        ),
        "{err:?}"
    );
}

#[test]
fn a_ragged_row_is_refused() {
    let mut lines = shipped_lines();
    lines[20] = lines[20].trim_end_matches(',').to_string();
    let (_, en) = refuse(join(&lines).as_bytes());
    assert!(en.contains("line 21") && en.contains("cells"), "{en}");
}

#[test]
fn an_empty_file_is_refused() {
    assert!(refuse(b"").1.contains("empty"));
    assert!(refuse(b"\xef\xbb\xbf \r\n").1.contains("empty"));
}

#[test]
fn a_header_alone_has_no_commune() {
    let header = shipped_lines()[0].clone() + "\n";
    let (vi, en) = refuse(header.as_bytes());
    assert!(en.contains("no commune"), "{en}");
    assert!(vi.contains("không có xã"), "{vi}");
}

#[test]
fn binary_junk_is_refused() {
    let junk: Vec<u8> = (0..2000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let (_, en) = refuse(&junk);
    assert!(
        en.contains("binary") || en.contains("UTF-8") || en.contains("missing"),
        "{en}"
    );
    // A spreadsheet saved in a legacy code page: not UTF-8, with the line named.
    let mut latin1 = SHIPPED_COMMUNES.as_bytes().to_vec();
    latin1.extend_from_slice(b"x9,X\xe3 M\xf4t,Huy\xean A,0,0,0\n");
    let (_, en) = refuse(&latin1);
    assert!(en.contains("UTF-8") && en.contains("line 183"), "{en}");
}

#[test]
fn unbalanced_quotes_and_wrong_files_are_refused() {
    let (_, en) = refuse(b"{\"schema\": 1}\n");
    assert!(en.contains("missing"), "{en}");
    let (_, en) = refuse(b"%PDF-1.7\n\x00\x01\x02");
    assert!(en.contains("binary"), "{en}");
}

#[test]
fn vietnamese_headers_read_the_same_table() {
    let mut lines = shipped_lines();
    let header: Vec<String> = lines[0].split(',').map(common::vietnamese_header).collect();
    lines[0] = header.join(",");
    let table = CommuneTable::from_csv(
        join(&lines).as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "xa.csv",
    )
    .unwrap();
    assert_eq!(table, CommuneTable::shipped());
}

#[test]
fn bom_and_crlf_read_the_same_table() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(SHIPPED_COMMUNES.replace('\n', "\r\n").as_bytes());
    let table = CommuneTable::from_csv(
        &bytes,
        &ntm_planner::engine::Plan::lang_son_2022(),
        "xa.csv",
    )
    .unwrap();
    assert_eq!(table, CommuneTable::shipped());
}

#[test]
fn columns_in_another_order_and_extra_columns_are_fine() {
    let lines = shipped_lines();
    let reordered: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut cells: Vec<&str> = l.split(',').collect();
            cells.reverse();
            let extra = if i == 0 {
                "Ghi chú"
            } else {
                "ghi chú tự do"
            };
            format!("{},{}", cells.join(","), extra)
        })
        .collect();
    let table = CommuneTable::from_csv(
        join(&reordered).as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "xa.csv",
    )
    .unwrap();
    assert_eq!(table.communes, CommuneTable::shipped().communes);
    assert_eq!(table.ignored_columns, ["Ghi chú"]);
}

#[test]
fn a_cost_with_a_decimal_comma_is_read() {
    let mut lines = shipped_lines();
    // the last commune: put a quoted Vietnamese decimal in its first empty cost cell of an unmet criterion
    let unmet = |l: &String| (0..19).find(|&k| l.split(',').nth(6 + k) == Some("0"));
    let idx = lines.iter().rposition(|l| unmet(l).is_some()).unwrap();
    let k = unmet(&lines[idx]).unwrap();
    let mut cells: Vec<String> = lines[idx].split(',').map(str::to_string).collect();
    cells[25 + k] = "\"12,5\"".into();
    lines[idx] = cells.join(",");
    let table = CommuneTable::from_csv(
        join(&lines).as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "xa.csv",
    )
    .unwrap();
    assert_eq!(table.communes[idx - 1].cost[k], Some(12.5));
}

#[test]
fn an_excel_workbook_with_vietnamese_headers_reads_the_same_table() {
    let bytes = common::shipped_as_xlsx(1, |_, _, _| None);
    let table = CommuneTable::from_file_bytes(
        &bytes,
        &ntm_planner::engine::Plan::lang_son_2022(),
        "xa.xlsx",
    )
    .unwrap();
    assert_eq!(table.communes, CommuneTable::shipped().communes);
    assert_eq!(table.districts, CommuneTable::shipped().districts);
    assert!(table.has_districts());
    assert_eq!(
        table.district_name(&table.communes[0]),
        Some("Thành phố Lạng Sơn")
    );
}

#[test]
fn a_bad_cell_in_excel_names_its_row_and_column_as_excel_does() {
    // Line 7 of the CSV (a commune) → sheet row 9; column tc3 (index 8) → sheet column J.
    let bytes = common::shipped_as_xlsx(1, |r, c, cell| {
        (r == 6 && c == 8).then(|| format!("{cell}x"))
    });
    let err = CommuneTable::from_file_bytes(
        &bytes,
        &ntm_planner::engine::Plan::lang_son_2022(),
        "xa.xlsx",
    )
    .unwrap_err()
    .message(Lang::En);
    assert!(err.contains("line 9, column \"TC3\" (J)"), "{err}");
}

#[test]
fn a_file_that_claims_to_be_excel_but_is_not_is_refused() {
    let err = CommuneTable::from_file_bytes(
        b"PK\x03\x04not really a zip",
        &ntm_planner::engine::Plan::lang_son_2022(),
        "xa.xlsx",
    )
    .unwrap_err();
    assert!(
        err.message(Lang::En).contains("cannot read the Excel file"),
        "{}",
        err.message(Lang::En)
    );
}

#[test]
fn every_wrong_row_is_reported_not_only_the_first() {
    let mut lines = shipped_lines();
    lines[4] = lines[4].replacen(",0,", ",x,", 1);
    lines[9] = lines[9].trim_end_matches(',').to_string();
    let second = lines[2].clone();
    lines[30] = second;
    let err = CommuneTable::from_csv(
        join(&lines).as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "xa.csv",
    )
    .unwrap_err();
    let ntm_planner::formats::error::Problem::Table(problem) = &err.problem else {
        panic!("{err:?}")
    };
    let each: Vec<String> = problem.each().iter().map(|p| p.message(Lang::En)).collect();
    assert_eq!(each.len(), 3, "{each:?}");
    assert!(
        each[0].contains("line 5") && each[1].contains("line 10") && each[2].contains("line 31"),
        "{each:?}"
    );
    assert!(
        err.message(Lang::En)
            .contains("and 2 more; 3 rows are wrong"),
        "{}",
        err.message(Lang::En)
    );
}

/// The shipped table as a province has it since July 2025: no district column, any size.
fn without_districts(rows: usize) -> String {
    let text = ntm_planner::formats::seeds::SHIPPED_COMMUNES;
    let mut out = String::new();
    for line in text.lines().take(rows + 1) {
        let mut cells: Vec<&str> = line.split(',').collect();
        cells.remove(2);
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

#[test]
fn a_table_without_districts_of_any_size_is_read_and_run() {
    use ntm_planner::engine::{Model, Plan, Scenario};
    for rows in [65, 2, 181] {
        let text = without_districts(rows);
        let table = CommuneTable::from_csv(
            text.as_bytes(),
            &ntm_planner::engine::Plan::lang_son_2022(),
            "xa-2025.csv",
        )
        .unwrap();
        assert_eq!(table.communes.len(), rows);
        assert!(!table.has_districts());
        assert_eq!(table.district_name(&table.communes[0]), None);
        // Written back and read again, it stays without districts.
        let again = CommuneTable::from_csv(
            table
                .to_csv(&ntm_planner::engine::Plan::lang_son_2022())
                .as_bytes(),
            &ntm_planner::engine::Plan::lang_son_2022(),
            "again.csv",
        )
        .unwrap();
        assert_eq!(again, table);
        let model = Model::new(Plan::lang_son_2022(), table);
        let o = model.run(&Scenario::plan());
        assert!(o.districts.is_empty());
        assert_eq!(o.histogram.iter().sum::<u32>() as usize, rows);
        // The same communes with districts give the same figures but the districts.
        let with = CommuneTable::from_csv(
            ntm_planner::formats::seeds::SHIPPED_COMMUNES
                .lines()
                .take(rows + 1)
                .collect::<Vec<_>>()
                .join("\n")
                .as_bytes(),
            &ntm_planner::engine::Plan::lang_son_2022(),
            "with.csv",
        )
        .unwrap();
        let w = Model::new(Plan::lang_son_2022(), with).run(&Scenario::plan());
        assert_eq!((w.certified, w.avg_criteria), (o.certified, o.avg_criteria));
        assert_eq!(w.border, o.border);
    }
}

#[test]
fn blank_lines_are_skipped_not_counted_as_communes() {
    let mut lines = shipped_lines();
    lines.insert(5, String::new());
    lines.insert(9, ",,,,".into());
    lines.push("  ".into());
    let table = CommuneTable::from_csv(
        join(&lines).as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "t.csv",
    )
    .unwrap();
    assert_eq!(table.communes.len(), 181);
}

#[test]
fn the_report_lists_fifty_wrong_rows_and_counts_the_rest() {
    use ntm_planner::formats::error::{Problem, TableProblem};
    use ntm_planner::formats::table::MAX_PROBLEMS;
    let mut lines = shipped_lines();
    // Make the border flag of 70 rows unreadable.
    for line in lines.iter_mut().skip(1).take(70) {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        cells[3] = "perhaps".into();
        *line = cells.join(",");
    }
    let err = CommuneTable::from_csv(
        join(&lines).as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "t.csv",
    )
    .unwrap_err();
    match &err.problem {
        Problem::Table(TableProblem::Several { problems, more }) => {
            assert_eq!(problems.len(), MAX_PROBLEMS);
            assert_eq!(*more, 70 - MAX_PROBLEMS);
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.message(Lang::En).contains("70 rows are wrong"),
        "{}",
        err.message(Lang::En)
    );
}

#[test]
fn a_table_larger_than_any_province_is_refused() {
    use ntm_planner::engine::table::MAX_COMMUNES;
    let lines = shipped_lines();
    let mut big = vec![lines[0].clone()];
    // Distinct codes, MAX_COMMUNES + 1 rows.
    for i in 0..=MAX_COMMUNES {
        let row = &lines[1 + i % 181];
        let (_, rest) = row.split_once(',').unwrap();
        big.push(format!("X{i},{rest}"));
    }
    let err = CommuneTable::from_csv(
        join(&big).as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "big.csv",
    )
    .unwrap_err();
    for lang in [Lang::Vi, Lang::En] {
        let message = err.message(lang);
        assert!(
            message.contains("50000") || message.contains("50.000") || message.contains("50,000"),
            "{message}"
        );
    }
}

#[test]
fn a_workbook_written_by_another_program_is_read() {
    // tests/excel/make.py: deflated parts with extra fields and comments, the first sheet at
    // communes.xml, shared strings with a rich-text item and a phonetic reading, a row skipped.
    let bytes = include_bytes!("excel/written-elsewhere.xlsx");
    let rows = ntm_planner::formats::xlsx::first_sheet_rows(bytes).unwrap();
    let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        rows,
        vec![
            (1, row(&["Mã xã", "Tên xã", "Chi phí"])),
            (2, row(&["6091", "Xã Yên Thịnh", "12.5"])),
            (4, row(&["6094", "Bắc Sơn", "3"])),
        ]
    );
}
