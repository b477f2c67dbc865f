//! Years (model.md §7.1): the one-year engine run year after year, each year starting from
//! where the last one ended, with money that did not arrive, sat idle or was not spent carried
//! over, and the path's targets checked at the end of the years they name.

use super::outcome::Outcome;
use super::plan::{ItemSet, Plan};
use super::run::{Certain, Chance, Levers, Model};
use super::scenario::Scenario;

/// The most years a path may hold.
pub const MAX_YEARS: usize = 10;

/// What a figure of the results is measured by: the keys of targets and goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Measure {
    Certified,
    AvgCriteria,
    MinCriteria,
    BorderAvg,
    /// Communes meeting criterion k.
    Criterion(usize),
    /// Communes meeting item j, an indicator (of those it applies to; a criterion that is
    /// its own item is [`Measure::Criterion`]).
    Item(usize),
}

impl Measure {
    pub fn from_key(key: &str, plan: &Plan) -> Option<Measure> {
        Some(match key {
            "certified" => Measure::Certified,
            "avg_criteria" => Measure::AvgCriteria,
            "min_criteria" => Measure::MinCriteria,
            "border_avg" => Measure::BorderAvg,
            other => match plan.criterion_index(other) {
                Some(k) => Measure::Criterion(k),
                None => Measure::Item(plan.item_index(other)?),
            },
        })
    }

    pub fn key(self, plan: &Plan) -> String {
        match self {
            Measure::Certified => "certified".into(),
            Measure::AvgCriteria => "avg_criteria".into(),
            Measure::MinCriteria => "min_criteria".into(),
            Measure::BorderAvg => "border_avg".into(),
            Measure::Criterion(k) => plan.criteria[k].key.clone(),
            Measure::Item(j) => plan.items[j].key.clone(),
        }
    }

    /// Counts are whole numbers; averages are not.
    pub fn is_count(self) -> bool {
        !matches!(self, Measure::AvgCriteria | Measure::BorderAvg)
    }

    /// The figure in a year's results.
    pub fn value(self, outcome: &Outcome) -> f64 {
        match self {
            Measure::Certified => f64::from(outcome.certified),
            Measure::AvgCriteria => outcome.avg_criteria,
            Measure::MinCriteria => f64::from(outcome.min_criteria),
            // With no border commune it counts as 0, as the goals' search does (a border
            // target over an empty set is reached only at 0 or below).
            Measure::BorderAvg => outcome.border.avg_criteria.unwrap_or(0.0),
            Measure::Criterion(k) => f64::from(outcome.criteria[k].met),
            Measure::Item(j) => f64::from(outcome.items[j].met),
        }
    }

    /// Reached: at least the target (averages within the money tolerance's spirit, 1e-9).
    pub fn reaches(self, value: f64, target: f64) -> bool {
        value + 1e-9 >= target
    }
}

impl Carry {
    /// What of a source's money goes on to the next year: the pledge that did not arrive and
    /// the money idle.
    pub fn of_source(&self, source: &super::outcome::SourceOutcome) -> f64 {
        self.undisbursed * (source.pledged - source.arrived) + self.idle * source.idle
    }

    /// What of an item's money goes on: covered and not spent.
    pub fn of_item(&self, item: &super::outcome::ItemOutcome) -> f64 {
        self.unused * item.unused
    }

    /// All that goes on from a year to the next, in billion VND (as many sources and items as
    /// the outcome has).
    pub fn total_out_of(&self, outcome: &Outcome) -> f64 {
        let sources: f64 = outcome
            .funding
            .sources
            .iter()
            .map(|s| self.of_source(s))
            .sum();
        let items: f64 = outcome.items.iter().map(|c| self.of_item(c)).sum();
        sources + items
    }
}

/// How much of what was not used in a year goes on to the next (shares, 0..1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Carry {
    /// Money pledged that did not arrive.
    pub undisbursed: f64,
    /// Money that arrived and no criterion it may pay for needed.
    pub idle: f64,
    /// Money covered for a criterion and not spent in its walk: stays with the criterion.
    pub unused: f64,
}

impl Default for Carry {
    fn default() -> Self {
        Carry {
            undisbursed: 1.0,
            idle: 1.0,
            unused: 1.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearTarget {
    pub year: u16,
    pub measure: Measure,
    pub target: f64,
}

/// A path (model.md §7.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub name: Option<String>,
    pub first_year: u16,
    pub years: usize,
    /// The scenarios listed, by year, ascending; a year not listed takes the previous one's.
    pub scenarios: Vec<(u16, Scenario)>,
    pub carry: Carry,
    pub cost_growth: f64,
    pub targets: Vec<YearTarget>,
}

/// One year of a path: the year's results and what came in from the year before.
#[derive(Debug, Clone, PartialEq)]
pub struct YearOutcome {
    pub year: u16,
    pub outcome: Outcome,
    /// By source.
    pub carried_in: Vec<f64>,
    /// By item.
    pub reserved_in: Vec<f64>,
    /// The scenario in force this year (listed for it or for an earlier year).
    pub scenario_year: u16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetCheck {
    pub year: u16,
    pub measure: Measure,
    pub target: f64,
    pub value: f64,
    pub met: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PathOutcome {
    pub years: Vec<YearOutcome>,
    pub targets: Vec<TargetCheck>,
}

impl Path {
    /// Its certified targets that a table of `communes` cannot reach (more than it holds).
    pub fn certified_targets_beyond(&self, communes: u32) -> Vec<&YearTarget> {
        self.targets
            .iter()
            .filter(|t| t.measure == Measure::Certified && t.target > f64::from(communes))
            .collect()
    }

    /// The years, first to last.
    pub fn year_list(&self) -> Vec<u16> {
        (0..self.years as u16)
            .map(|i| self.first_year + i)
            .collect()
    }

    /// The scenario in force in `year`: the one listed for it or for the latest year before.
    pub fn scenario_for(&self, year: u16) -> Option<(u16, &Scenario)> {
        self.scenarios
            .iter()
            .rev()
            .find(|(y, _)| *y <= year)
            .map(|(y, s)| (*y, s))
    }

    /// Lists `scenario` for `year` (replacing what was listed), keeping the list in order.
    pub fn set_scenario(&mut self, year: u16, scenario: Scenario) {
        match self.scenarios.binary_search_by_key(&year, |(y, _)| *y) {
            Ok(i) => self.scenarios[i].1 = scenario,
            Err(i) => self.scenarios.insert(i, (year, scenario)),
        }
    }

    /// `year` takes the previous year's scenario again ("same as last year").
    pub fn unset_scenario(&mut self, year: u16) {
        if year != self.first_year {
            self.scenarios.retain(|(y, _)| *y != year);
        }
    }

    /// Gives the first year `scenario` where the path lists none for it (model.md §7.1: a path
    /// file without a scenario for its first year takes `--scenario`'s).
    pub fn with_first_scenario(mut self, scenario: &Scenario) -> Path {
        if self.scenarios.first().map(|(y, _)| *y) != Some(self.first_year) {
            self.scenarios
                .insert(0, (self.first_year, scenario.clone()));
        }
        self
    }

    /// Runs the path: each year's engine on the communes as the year before left them.
    pub fn run(&self, model: &Model) -> PathOutcome {
        self.run_chance(model, &mut Certain)
    }

    /// Runs the path with `chance` deciding each year's disbursement, costs and delivery. A
    /// work paid for and not done within its year is done by the start of the next (its money
    /// was spent).
    pub fn run_chance<C: Chance>(&self, model: &Model, chance: &mut C) -> PathOutcome {
        let mut run = PathRun::new(model);
        while run.step(self, model, chance) {}
        run.finish(self)
    }
}

/// A path being run, a year at a time (the page runs a long path in slices between frames).
/// It holds only what carries from year to year; the path and the model are lent to each step.
#[derive(Debug, Clone)]
pub struct PathRun {
    meets: Vec<ItemSet>,
    carried: Vec<f64>,
    reserved: Vec<f64>,
    years: Vec<YearOutcome>,
    /// The scenario in force, its model (own unit costs, targets) and its levers as numbers.
    current: Option<(u16, Model, Levers)>,
    factor: f64,
}

impl PathRun {
    pub fn new(model: &Model) -> PathRun {
        PathRun {
            meets: model.table.communes.iter().map(|c| c.meets).collect(),
            carried: vec![0.0; model.plan.sources.len()],
            reserved: vec![0.0; model.items()],
            years: Vec::new(),
            current: None,
            factor: 1.0,
        }
    }

    /// The years run so far.
    pub fn done(&self) -> usize {
        self.years.len()
    }

    /// Runs the next year of `path` on `model` (the same every step); false once every year
    /// has run.
    pub fn step<C: Chance>(&mut self, path: &Path, model: &Model, chance: &mut C) -> bool {
        let i = self.years.len();
        if i >= path.years {
            return false;
        }
        let year = path.first_year + i as u16;
        // Multiplied year by year (not `powi`): the same bits on every platform.
        if i > 0 {
            self.factor *= 1.0 + path.cost_growth;
        }
        let listed = path.scenarios.iter().find(|(y, _)| *y == year);
        let year_model = match (listed, &self.current) {
            (None, Some((_, base, _))) => base.at_state(&self.meets, self.factor),
            _ => {
                // Defaults resolved once, against the communes at the start of this year.
                let scenario = listed.map(|(_, s)| s.clone()).unwrap_or_default();
                let base = model.for_scenario(&scenario);
                let year_model = base.at_state(&self.meets, self.factor);
                let levers = year_model.levers(&scenario);
                self.current = Some((year, base.into_owned(), levers));
                year_model
            }
        };
        let (scenario_year, _, levers) = self.current.as_ref().expect("set above");
        let mut this_year = levers.clone();
        for (funding, carried) in this_year.funding.iter_mut().zip(&self.carried) {
            *funding += carried;
        }
        chance.disbursement(&mut this_year);
        let (outcome, slipped) = year_model.run_chance(&this_year, &self.reserved, chance);
        let carried_in = self.carried.clone();
        let reserved_in = self.reserved.clone();
        for (carried, source) in self.carried.iter_mut().zip(&outcome.funding.sources) {
            *carried = path.carry.of_source(source);
        }
        for (reserved, item) in self.reserved.iter_mut().zip(&outcome.items) {
            *reserved = path.carry.of_item(item);
        }
        self.meets.clone_from(&outcome.meets);
        for (m, s) in self.meets.iter_mut().zip(&slipped) {
            *m |= s;
        }
        self.years.push(YearOutcome {
            year,
            outcome,
            carried_in,
            reserved_in,
            scenario_year: *scenario_year,
        });
        self.years.len() < path.years
    }

    /// The years run and the path's targets checked against them.
    pub fn finish(self, path: &Path) -> PathOutcome {
        let years = self.years;
        let targets = path
            .targets
            .iter()
            .filter_map(|t| {
                let y = years.iter().find(|y| y.year == t.year)?;
                let value = t.measure.value(&y.outcome);
                Some(TargetCheck {
                    year: t.year,
                    measure: t.measure,
                    target: t.target,
                    value,
                    met: t.measure.reaches(value, t.target),
                })
            })
            .collect();
        PathOutcome { years, targets }
    }
}
