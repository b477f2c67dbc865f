//! Fuzzing every parser that takes outside input, on stable Rust: seed inputs mutated by a
//! seeded generator (byte flips, insertions, deletions, repeats, splices, cuts, and values that
//! break naive parsers), each parsed under `catch_unwind`. No input may panic. The files in
//! `tests/fuzz-corpus/<parser>/` are run first, every time: inputs that once found a problem
//! stay as regression tests. A panic writes the input to `target/fuzz-crashes/` to be copied
//! there.
//!
//! `.ci/run` runs a short round (2,000 inputs a parser). The long round, a million inputs a
//! parser, reports the slowest input of each:
//! `NTM_FUZZ_INPUTS=1000000 CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true cargo test --release --test fuzz -- --nocapture`

use ntm_planner::engine::path::Path;
use ntm_planner::engine::risk::RiskSettings;
use ntm_planner::engine::rng::Rng;
use ntm_planner::engine::{CommuneTable, Plan, Scenario};
use ntm_planner::formats::link;
use ntm_planner::formats::saved::Store;
use ntm_planner::formats::sheet::{Cell, Sheet};
use ntm_planner::formats::workbook::workbook;
use ntm_planner::text::number::parse_amount;
use ntm_planner::text::Lang;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Values that break naive parsers, spliced into inputs.
const TRICKY: &[&[u8]] = &[
    b"-1",
    b"1e309",
    b"NaN",
    b"-0",
    b"\0",
    b"\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b";",
    b"\n",
    b"\r\n",
    b"%",
    b"%FF",
    b"&",
    b"=",
    b"\xff\xfe",
    b"\xe2\x80",
    b"18446744073709551616",
    b"99999999999999999999",
    b"0.0000000001",
    b"1.234.567,89",
    b"ZZZZZZ1",
    b"XFD1048576",
    b"<row r=\"999999999999\">",
    b"<c r=\"ZZZZ1\"><v>1</v></c>",
    b"\"schema\":1",
    b"null",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut input = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let at = if input.is_empty() {
            0
        } else {
            rng.below(input.len() + 1)
        };
        match rng.below(8) {
            0 if !input.is_empty() => {
                let i = at.min(input.len() - 1);
                input[i] ^= 1 << rng.below(8);
            }
            1 => input.insert(at, rng.below(256) as u8),
            2 if at < input.len() => {
                let end = (at + 1 + rng.below(16)).min(input.len());
                input.drain(at..end);
            }
            3 => {
                let t = TRICKY[rng.below(TRICKY.len())];
                input.splice(at..at, t.iter().copied());
            }
            4 if at < input.len() => {
                let end = (at + 1 + rng.below(64)).min(input.len());
                let chunk: Vec<u8> = input[at..end].to_vec();
                for _ in 0..1 + rng.below(8) {
                    input.splice(at..at, chunk.iter().copied());
                }
            }
            5 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                input.splice(at..at, other[from..].iter().take(200).copied());
            }
            6 => input.truncate(at),
            _ => {
                if let Some(b) = input.get_mut(at) {
                    *b = b"0123456789-.,e\"{}[]:"[rng.below(20)];
                }
            }
        }
    }
    input
}

fn corpus(name: &str) -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-corpus")
        .join(name);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

fn inputs_per_parser() -> usize {
    std::env::var("NTM_FUZZ_INPUTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

/// Runs the corpus and `inputs_per_parser()` mutations of the seeds through `parse`.
fn fuzz(name: &str, mut seeds: Vec<Vec<u8>>, parse: impl Fn(&[u8])) {
    let regression = corpus(name);
    seeds.extend(regression.iter().cloned());
    let mut rng = Rng::new(0x6e74_6d00 ^ name.len() as u64);
    let total = inputs_per_parser();
    let mut slowest = (Duration::ZERO, Vec::new());
    let inputs = regression
        .into_iter()
        .chain((0..total).map(|_| mutate(&mut rng, &seeds)));
    let mut count = 0usize;
    for input in inputs {
        let start = Instant::now();
        if catch_unwind(AssertUnwindSafe(|| parse(&input))).is_err() {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join(format!("{name}-{count}"));
            std::fs::write(&file, &input).unwrap();
            panic!("{name}: input {count} panicked; kept in {}", file.display());
        }
        let took = start.elapsed();
        if took > slowest.0 {
            slowest = (took, input);
        }
        count += 1;
    }
    println!(
        "fuzz {name}: {count} inputs, no panic; slowest {:.1} ms ({} bytes)",
        slowest.0.as_secs_f64() * 1000.0,
        slowest.1.len()
    );
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn commune_tables_in_csv() {
    let shipped = ntm_planner::formats::seeds::SHIPPED_COMMUNES;
    let small: String = shipped.lines().take(6).map(|l| format!("{l}\n")).collect();
    let seeds = vec![shipped.as_bytes().to_vec(), small.into_bytes()];
    fuzz("csv", seeds, |b| {
        let _ =
            CommuneTable::from_file_bytes(b, &ntm_planner::engine::Plan::lang_son_2022(), "xa.csv");
    });
}

#[test]
fn commune_tables_in_excel() {
    let shipped = ntm_planner::formats::seeds::SHIPPED_COMMUNES;
    let rows: Vec<Vec<Cell>> = shipped
        .lines()
        .take(5)
        .map(|l| {
            l.split(',')
                .map(|c| match c.parse::<f64>() {
                    Ok(x) => Cell::Number(x),
                    Err(_) => Cell::Text(c.to_string()),
                })
                .collect()
        })
        .collect();
    let book = workbook(&[Sheet {
        name: "Xã".into(),
        rows,
    }]);
    fuzz("xlsx", vec![book], |b| {
        let _ = CommuneTable::from_file_bytes(
            b,
            &ntm_planner::engine::Plan::lang_son_2022(),
            "xa.xlsx",
        );
    });
}

#[test]
fn commune_tables_in_excel_sheet_xml() {
    // The sheet's XML mutated inside a sound archive: the reader's XML and cell handling, not
    // only its zip checks, meet the broken input.
    use ntm_planner::formats::zip::zip;
    let sheet = br#"<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="AB2"><v>12.5</v></c></row></sheetData></worksheet>"#;
    fuzz("xlsx-sheet", vec![sheet.to_vec()], |b| {
        let book = zip(&[("xl/worksheets/sheet1.xml".to_string(), b.to_vec())]);
        let _ = CommuneTable::from_file_bytes(
            &book,
            &ntm_planner::engine::Plan::lang_son_2022(),
            "xa.xlsx",
        );
    });
}

#[test]
fn scenario_files() {
    let plan = Plan::lang_son_2022();
    let mut seeds: Vec<Vec<u8>> = ["plan", "credit-70", "border-first", "community-plus-50"]
        .iter()
        .map(|f| {
            std::fs::read(format!(
                "{}/seeds/scenarios/{f}.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap()
        })
        .collect();
    seeds.push(
        br#"{"schema":1,"unit_costs":{"transport":45},"targets":{"certified":90,"criteria":{"transport":110}}}"#
            .to_vec(),
    );
    fuzz("scenario", seeds, |b| {
        let _ = Scenario::from_json(&text(b), &plan, "s.json");
    });
}

#[test]
fn path_files() {
    let plan = Plan::lang_son_2022();
    let seeds = vec![
        ntm_planner::formats::seeds::DEFAULT_PATH.as_bytes().to_vec(),
        br#"{"schema":1,"years":[2024,2025],"scenarios":{"2025":{"funding":{"credit":2000}}},"carry":{"idle":0.5},"cost_growth":0.04,"targets":{"2025":{"certified":115,"transport":150}}}"#.to_vec(),
    ];
    fuzz("path", seeds, |b| {
        let _ = Path::from_json(&text(b), &plan, "p.json");
    });
}

#[test]
fn risk_files() {
    let plan = Plan::lang_son_2022();
    let seeds = ntm_planner::formats::seeds::RISK_PRESETS
        .iter()
        .map(|(_, t)| t.as_bytes().to_vec())
        .collect();
    fuzz("risk", seeds, |b| {
        let _ = RiskSettings::from_json(&text(b), &plan, "r.json");
    });
}

#[test]
fn links() {
    let plan = Plan::lang_son_2022();
    let seeds = vec![
        b"#v=1&n=T%C3%ADn%20d%E1%BB%A5ng&s=equity_first&d.credit=0.7&i.transport=480&e.credit=housing,income".to_vec(),
        b"v=1&f.direct=100&u.transport=45&t.certified=115&t.transport=120".to_vec(),
    ];
    fuzz("link", seeds, |b| {
        let _ = link::decode(&text(b), &plan);
    });
}

#[test]
fn saved_data() {
    let plan = Plan::lang_son_2022();
    let mut store = Store::default();
    store.current = Some(Scenario::plan());
    let _ = store.free_name("A");
    let seeds = vec![
        store.to_json(&plan).into_bytes(),
        br#"{"schema":2,"current":{"schema":1},"saved":[{"name":"A","saved_at":"2026-01-01","scenario":{"schema":1,"funding":{"credit":1}}}]}"#.to_vec(),
        br#"[{"name":"v1","scenario":{"schema":1}}]"#.to_vec(),
    ];
    fuzz("saved", seeds, |b| {
        let _ = Store::from_json(&text(b), &plan);
    });
}

#[test]
fn typed_numbers() {
    let seeds = [
        "1.234,5", "1234.5", "1,234.5", "3.200", "70", "0,7", "1 000",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    fuzz("amount", seeds, |b| {
        for lang in [Lang::Vi, Lang::En] {
            if let Ok(x) = parse_amount(&text(b), lang, 1e6) {
                assert!(x.is_finite() && (0.0..=1e6).contains(&x), "{x}");
            }
        }
    });
}

#[test]
fn plan_files_and_the_tables_they_read() {
    let seeds = vec![
        include_bytes!("fixtures/plans/tinh-x-2027.json").to_vec(),
        include_bytes!("fixtures/plans/carry-2026.json").to_vec(),
        ntm_planner::formats::seeds::LANG_SON_2022
            .as_bytes()
            .to_vec(),
    ];
    let communes = include_bytes!("fixtures/plans/tinh-x-2027-communes.csv");
    fuzz("plan", seeds, |b| {
        // A plan that reads must read a table and run without panicking.
        if let Ok(plan) = Plan::from_file(&text(b), "plan.json") {
            if let Ok(table) = CommuneTable::from_csv(communes, &plan, "communes.csv") {
                let _ = ntm_planner::engine::Model::new(plan, table).run(&Scenario::plan());
            }
        }
    });
}

#[test]
fn merge_mappings() {
    let old = ntm_planner::engine::Model::shipped();
    let seeds = vec![include_bytes!("../seeds/admin/merge-lang-son-2025.csv").to_vec()];
    fuzz("mapping", seeds, |b| {
        if let Ok(rows) = ntm_planner::formats::merge::read_mapping(b, "map.csv") {
            let _ = ntm_planner::engine::merge::merge(&old, &rows, &old.plan, true);
        }
    });
}
