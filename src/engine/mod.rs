//! The engine: pure Rust, no web, no text, no file formats. The plan, the commune table, the
//! scenario and its levers; one year's run and its outcome; years, goals and risk. The command
//! line, the page and the worker all call these functions.

pub mod check;
pub mod explain;
pub mod goals;
pub mod lever;
pub mod merge;
pub mod outcome;
pub mod path;
pub mod places;
pub mod plan;
pub mod risk;
pub mod rng;
pub mod run;
pub mod scenario;
pub mod table;

pub use outcome::Outcome;
pub use plan::{ItemSet, Plan};
pub use run::{Levers, Model};
pub use scenario::{Scenario, Strategy};
pub use table::CommuneTable;
