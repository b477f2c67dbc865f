//! The scenario (model.md §4): the levers and assumptions a planner sets. A field left out
//! takes the plan's default; what was given is kept apart from the defaults, so a scenario
//! written back is exactly the one read.

use super::plan::{ItemSet, Plan};
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

/// Values by index (a source's, an item's), each `None` where the plan's default applies.
/// Any length: an index past the end is `None`, and two are equal when they give the same
/// values, whatever their lengths (trailing `None`s do not count).
#[derive(Debug, Clone, Default)]
pub struct PerIndex<T: Copy> {
    values: Vec<Option<T>>,
    /// What an index past the end reads as.
    none: Option<T>,
}

impl<T: Copy> PerIndex<T> {
    pub fn get(&self, i: usize) -> Option<T> {
        self.values.get(i).copied().flatten()
    }
    pub fn set(&mut self, i: usize, value: Option<T>) {
        if value.is_some() && self.values.len() <= i {
            self.values.resize(i + 1, None);
        }
        if let Some(slot) = self.values.get_mut(i) {
            *slot = value;
        }
    }
    pub fn is_empty(&self) -> bool {
        self.values.iter().all(Option::is_none)
    }
    /// The indices set, with their values.
    pub fn iter(&self) -> impl Iterator<Item = (usize, T)> + '_ {
        self.values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
    }
}

impl<T: Copy, const N: usize> From<[Option<T>; N]> for PerIndex<T> {
    fn from(values: [Option<T>; N]) -> PerIndex<T> {
        PerIndex {
            values: values.to_vec(),
            none: None,
        }
    }
}

impl<T: Copy + PartialEq> PartialEq for PerIndex<T> {
    fn eq(&self, other: &Self) -> bool {
        let n = self.values.len().max(other.values.len());
        (0..n).all(|i| self.get(i) == other.get(i))
    }
}

impl<T: Copy> std::ops::Index<usize> for PerIndex<T> {
    type Output = Option<T>;
    fn index(&self, i: usize) -> &Option<T> {
        self.values.get(i).unwrap_or(&self.none)
    }
}

impl<T: Copy> std::ops::IndexMut<usize> for PerIndex<T> {
    fn index_mut(&mut self, i: usize) -> &mut Option<T> {
        if self.values.len() <= i {
            self.values.resize(i + 1, None);
        }
        &mut self.values[i]
    }
}

/// A scenario as given: `None` where the plan's default applies. Indices follow the plan's
/// order of sources and items.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scenario {
    pub name: Option<String>,
    pub strategy: Option<Strategy>,
    pub funding: PerIndex<f64>,
    pub disbursement: PerIndex<f64>,
    /// By item.
    pub investment: PerIndex<f64>,
    /// The items each source may pay for.
    pub eligibility: PerIndex<ItemSet>,
    /// Billion VND a commune, by item, replacing the plan's unit cost (for every group) where
    /// a table's cost cell is empty.
    pub unit_costs: PerIndex<f64>,
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
    /// By item: communes meeting it.
    pub items: PerIndex<u32>,
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

#[cfg(test)]
mod tests {
    use super::PerIndex;

    #[test]
    fn setting_an_index_keeps_the_others_and_grows_only_for_a_value() {
        let mut v = PerIndex::from([Some(1.0), None, Some(3.0)]);
        v.set(0, Some(5.0));
        assert_eq!((v.get(0), v.get(1), v.get(2)), (Some(5.0), None, Some(3.0)));
        v.set(2, None);
        assert_eq!(v.get(2), None);
        assert_eq!(v.get(0), Some(5.0));
        // Past the end: a value grows it, nothing leaves it as it is.
        v.set(6, Some(7.0));
        assert_eq!((v.get(5), v.get(6)), (None, Some(7.0)));
        let before = v.clone();
        v.set(40, None);
        assert_eq!(v, before);
        assert_eq!(v.values.len(), 7);
    }
}
