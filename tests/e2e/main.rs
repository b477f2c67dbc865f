//! The whole page end to end in a real headless Chromium (WebDriver, thirtyfour), against the
//! built `dist/` served from a sub-folder of a static server on 127.0.0.1, and from `file://`.
//! Needs `trunk build --release` first and chromedriver (scripts/test.sh does both).
//! Screenshots of the main views go to `target/screenshots/`. One file a part of the page,
//! one shared harness.
//!
//! The in-browser benchmarks are here too, ignored by default:
//! `cargo test --release --test e2e -- --ignored --nocapture browser_benchmark`.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

/// The seed generator and the country-sized fixture: the generator binary's own module, not
/// part of the shipped library.
#[allow(dead_code)]
#[path = "../../src/bin/generate_communes/generate.rs"]
mod generate;

mod analysis;
mod benchmarks;
mod first_screen;
mod harness;
mod import;
mod keeping;
mod links;
mod map;
mod page;
mod plans;
mod showing;
