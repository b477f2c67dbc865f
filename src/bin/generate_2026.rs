//! Writes the shipped 2026 plan (model.md §8.5): `cargo run --bin generate-2026` rewrites
//! `seeds/lang-son-2026.json`, `seeds/communes-2026.csv` and
//! `seeds/paths/lo-trinh-2026-2030.json` from the plan's template and the facts in
//! `seeds/admin/`, and the shipped 2022 plan, table and path (`formats::plan_2026`). Running it
//! again reproduces them byte for byte.

use ntm_planner::formats::plan_2026::derive;
use std::process::ExitCode;

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn run() -> Result<(), String> {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let derived = derive(
        &read(&format!("{seeds}/admin/lang-son-2026-template.json"))?,
        &read(&format!("{seeds}/admin/merge-lang-son-2025.csv"))?,
        &read(&format!("{seeds}/admin/communes-lang-son-2025.csv"))?,
    )?;
    for (text, file) in [
        (&derived.plan, "lang-son-2026.json"),
        (&derived.communes, "communes-2026.csv"),
        (&derived.path, "paths/lo-trinh-2026-2030.json"),
    ] {
        let out = format!("{seeds}/{file}");
        std::fs::write(&out, text).map_err(|e| format!("{out}: {e}"))?;
        eprintln!("wrote {out}");
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate-2026: {e}");
            ExitCode::from(2)
        }
    }
}
