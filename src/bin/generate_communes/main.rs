//! Writes the illustrative commune table: `cargo run --bin generate-communes` rewrites
//! `seeds/communes.csv` from `seeds/admin/communes-lang-son.csv`, `seeds/generator.json` and the
//! plan seed. Running it again reproduces the file byte for byte.

use ntm_planner::engine::Plan;
// (The country-sized fixture in it is for the tests and the benchmark.)
#[allow(dead_code)]
mod generate;

use generate::{generate, Settings};
mod seed_out;
use std::process::ExitCode;

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn run() -> Result<(), String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let plan = Plan::from_json(&read(&format!("{root}/seeds/lang-son-2022.json"))?)?;
    let settings: Settings = serde_json::from_str(&read(&format!("{root}/seeds/generator.json"))?)
        .map_err(|e| format!("seeds/generator.json: {e}"))?;
    let admin = read(&format!("{root}/seeds/admin/communes-lang-son.csv"))?;
    let csv = generate(&plan, &admin, &settings)?;
    seed_out::write_seed(&csv, &format!("{root}/seeds/communes.csv"))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate-communes: {e}");
            ExitCode::from(2)
        }
    }
}
