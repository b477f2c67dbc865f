//! How the seed generators write what they made: to the path given as their one argument, to
//! standard output for `-`, or over the seed itself by default.

pub fn write_seed(text: &str, default_path: &str) -> Result<(), String> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| default_path.to_string());
    if out == "-" {
        print!("{text}");
    } else {
        std::fs::write(&out, text).map_err(|e| format!("{out}: {e}"))?;
        eprintln!("wrote {out}");
    }
    Ok(())
}
