//! The scenario (model.md §4): the levers and assumptions a planner sets. A field left out
//! takes the plan's default; what was given is kept apart from the defaults, so a scenario
//! written back is exactly the one read.

use super::plan::{Plan, CRITERIA, SOURCES};
pub const SCHEMA: u64 = 1;

/// No amount of a province's programme comes near a million billion VND: a larger number is a
/// typing mistake.
pub const MAX_AMOUNT: f64 = 1_000_000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Strategy {
    /// Gần đạt chuẩn trước: the plan's own priority.
    #[default]
    ClosestFirst,
    /// Chi phí thấp trước.
    CheapestFirst,
    /// Xã biên giới, khó khăn trước.
    EquityFirst,
}

impl Strategy {
    pub const ALL: [Strategy; 3] = [
        Strategy::ClosestFirst,
        Strategy::CheapestFirst,
        Strategy::EquityFirst,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Strategy::ClosestFirst => "closest_first",
            Strategy::CheapestFirst => "cheapest_first",
            Strategy::EquityFirst => "equity_first",
        }
    }
    pub fn from_key(key: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|s| s.key() == key)
    }
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A scenario as given: `None` where the plan's default applies. Indices follow the plan's
/// order of sources and criteria.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scenario {
    pub name: Option<String>,
    pub strategy: Option<Strategy>,
    pub funding: [Option<f64>; SOURCES],
    pub disbursement: [Option<f64>; SOURCES],
    pub investment: [Option<f64>; CRITERIA],
    /// Bit mask of the criteria each source may pay for.
    pub eligibility: [Option<u32>; SOURCES],
    /// Billion VND a commune, replacing the plan's unit cost where a table's cost cell is empty.
    pub unit_costs: [Option<f64>; CRITERIA],
    /// The scenario's own targets, replacing the plan's (and with them the default investment).
    pub targets: Targets,
}

/// Targets a scenario sets for itself (model.md §4 `targets`); `None`: the plan's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Targets {
    pub certified: Option<u32>,
    pub avg_criteria: Option<f64>,
    pub border_avg_min: Option<f64>,
    pub border_avg_max: Option<f64>,
    pub criteria: [Option<u32>; CRITERIA],
}

impl Targets {
    pub fn is_empty(&self) -> bool {
        *self == Targets::default()
    }

    /// The province-wide targets in force: these where set, else the plan's.
    pub fn over(&self, plan: &super::plan::Targets) -> super::plan::Targets {
        let mut t = plan.clone();
        t.certified = self.certified.unwrap_or(t.certified);
        t.avg_criteria_min = self.avg_criteria.unwrap_or(t.avg_criteria_min);
        t.border_avg_min = self.border_avg_min.unwrap_or(t.border_avg_min);
        t.border_avg_max = self.border_avg_max.unwrap_or(t.border_avg_max);
        t
    }
}

/// A scenario's name is a title, not a document: longer ones are refused.
pub const MAX_NAME_CHARS: usize = 200;

/// The disbursement of a source the scenario leaves alone: all of its pledge arrives.
pub const FULL_DISBURSEMENT: f64 = 1.0;

/// The most communes a target may name (the table's limit).
pub const MAX_TARGET_COMMUNES: f64 = 50_000.0;

impl Scenario {
    /// The plan itself: every lever at its default.
    pub fn plan() -> Scenario {
        Scenario::default()
    }

    /// The name to show: the given one, or the plan's.
    pub fn display_name<'a>(&'a self, plan: &'a Plan) -> &'a str {
        self.name.as_deref().unwrap_or(&plan.default_scenario_name)
    }
}
