//! The projection model: pure Rust, no web, no I/O. The command line, the page and the worker
//! all call these functions.

pub mod check;
pub mod engine;
pub mod error;
pub mod export;
pub mod format;
pub mod goals;
pub mod link;
pub mod path;
pub mod plan;
pub mod risk;
pub mod rng;
pub mod saved;
pub mod scenario;
pub mod table;
pub mod xlsx;

pub use engine::{Levers, Model, Outcome};
pub use error::{InputError, Lang};
pub use plan::{Plan, CRITERIA, SOURCES};
pub use scenario::{Scenario, Strategy};
pub use table::CommuneTable;
