//! Writes where the communes are: `cargo run --bin generate-places` rewrites `seeds/places.csv`
//! from the facts in `seeds/admin/` (the 2020–2024 communes' places, the 2022 → 2025 mapping
//! for those merged away, every unit since July 2025). Running it again reproduces the file
//! byte for byte.

use ntm_planner::formats::places::compile;
#[path = "generate_communes/seed_out.rs"]
mod seed_out;
use std::process::ExitCode;

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn run() -> Result<(), String> {
    let admin = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/admin");
    let csv = compile(
        &read(&format!("{admin}/communes-lang-son-2022-places.csv"))?,
        &read(&format!("{admin}/merge-lang-son-2025.csv"))?,
        &read(&format!("{admin}/communes-vietnam-2025.csv"))?,
    )?;
    seed_out::write_seed(
        &csv,
        concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/places.csv"),
    )
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate-places: {e}");
            ExitCode::from(2)
        }
    }
}
