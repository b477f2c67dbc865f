//! Formats around the engine: scenario, path and risk files (JSON), links, the browser's store,
//! commune tables from CSV and Excel, the results sheets (CSV, Excel) and the seeds. Every
//! problem with outside input is an [`InputError`] naming the file and field, line or column.

pub mod error;
pub mod goals;
pub mod json;
pub mod link;
pub mod merge;
pub mod outcome;
pub mod path;
pub mod places;
pub mod plan;
pub mod plan_2026;
pub mod risk;
pub mod saved;
pub mod scenario;
pub mod seeds;
pub mod sheet;
pub mod table;
pub mod workbook;
pub mod xlsx;
pub mod zip;

pub use error::InputError;
