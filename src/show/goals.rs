//! The goals as every surface says them: the goal choices (an enum), a goal's answer and where
//! more money buys most.

use crate::engine::goals::{Answer, Goal, Margin};
use crate::engine::path::Measure;
use crate::engine::Plan;
use crate::text::number::{amount, number};
use crate::text::sentences as t;
use crate::text::Lang;

/// A goal the planner can pick: a figure to reach, or a budget to spend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalChoice {
    Reach(Measure),
    Budget,
}

impl GoalChoice {
    /// Every choice, in the order the page offers them: the province-wide figures, the budget,
    /// then each criterion.
    pub fn all(plan: &Plan) -> Vec<GoalChoice> {
        let mut list = vec![
            GoalChoice::Reach(Measure::Certified),
            GoalChoice::Reach(Measure::AvgCriteria),
            GoalChoice::Reach(Measure::BorderAvg),
            GoalChoice::Reach(Measure::MinCriteria),
            GoalChoice::Budget,
        ];
        list.extend((0..plan.criteria.len()).map(|k| GoalChoice::Reach(Measure::Criterion(k))));
        // Then the indicators, where criteria hold them.
        list.extend(
            (0..plan.items.len())
                .filter(|&j| !plan.items[j].whole_criterion)
                .map(|j| GoalChoice::Reach(Measure::Item(j))),
        );
        list
    }

    /// Its key (a select's value; the command line's `--target KEY` or `--budget`).
    pub fn key(self, plan: &Plan) -> String {
        match self {
            GoalChoice::Reach(m) => m.key(plan),
            GoalChoice::Budget => "budget".into(),
        }
    }

    pub fn from_key(key: &str, plan: &Plan) -> Option<GoalChoice> {
        match key {
            "budget" => Some(GoalChoice::Budget),
            other => Measure::from_key(other, plan).map(GoalChoice::Reach),
        }
    }

    /// The choice an answer was sought for.
    pub fn of(answer: &Answer) -> GoalChoice {
        match answer.budget {
            Some(_) => GoalChoice::Budget,
            None => GoalChoice::Reach(answer.measure),
        }
    }

    pub fn label(self, plan: &Plan, lang: Lang) -> String {
        match self {
            GoalChoice::Reach(Measure::Certified) => lang.say(t::GOAL_CERTIFIED_COMMUNES).into(),
            GoalChoice::Reach(Measure::AvgCriteria) => {
                lang.say(t::AVERAGE_CRITERIA_A_COMMUNE).into()
            }
            GoalChoice::Reach(Measure::BorderAvg) => lang.say(t::BORDER_COMMUNES_AVERAGE).into(),
            GoalChoice::Reach(Measure::MinCriteria) => {
                lang.say(t::NO_COMMUNE_UNDER_CRITERIA).into()
            }
            GoalChoice::Reach(Measure::Criterion(k)) => {
                let c = &plan.criteria[k];
                format!(
                    "{} {}: {}",
                    lang.say(t::CRITERION),
                    c.id,
                    lang.pick(&c.name_vi, &c.name_en)
                )
            }
            GoalChoice::Reach(Measure::Item(j)) => crate::text::item_label(plan, j, lang),
            GoalChoice::Budget => lang.say(t::GOAL_BUDGET_CHOICE).into(),
        }
    }

    /// The value it starts from: the plan's own target, or the plan's money for a budget.
    pub fn default_value(self, plan: &Plan) -> f64 {
        let t = &plan.targets;
        match self {
            GoalChoice::Reach(Measure::Certified) => f64::from(t.certified),
            GoalChoice::Reach(Measure::AvgCriteria) => t.avg_criteria_min,
            GoalChoice::Reach(Measure::BorderAvg) => t.border_avg_min,
            // No target of the plan's: the national standard's reach (15 of 19 criteria), as a
            // share of the plan's criteria (the bands' rule).
            GoalChoice::Reach(Measure::MinCriteria) => {
                (plan.criteria.len() as f64 * 15.0 / 19.0).round()
            }
            GoalChoice::Reach(Measure::Criterion(k)) => f64::from(plan.criteria[k].target),
            GoalChoice::Reach(Measure::Item(j)) => f64::from(plan.items[j].target),
            GoalChoice::Budget => plan.funding_total(),
        }
    }

    /// The goal to seek with the value given.
    pub fn goal(self, value: f64) -> Goal {
        match self {
            GoalChoice::Reach(m) => Goal::Target(m, value),
            GoalChoice::Budget => Goal::Budget(value),
        }
    }
}

/// The goal an answer reached for, in words: "Certified communes: 100".
pub fn goal_line(a: &Answer, plan: &Plan, l: Lang) -> String {
    let what = GoalChoice::of(a).label(plan, l);
    match a.budget {
        Some(b) => format!("{what}: {}", amount(b, 2, l)),
        None if a.measure.is_count() => format!("{what}: {:.0}", a.target),
        None => format!("{what}: {}", number(a.target, 2, l)),
    }
}

/// The funding an answer lacks: per source, how much more of it alone would pay for what it
/// may pay for (a source that cannot help is left out).
pub fn more_funding_rows(a: &Answer, plan: &Plan, l: Lang) -> Vec<(String, String)> {
    plan.sources
        .iter()
        .zip(a.more_funding.iter().copied())
        .filter(|(_, x)| *x > 0.0)
        .map(|(src, x)| {
            let figure = if x.is_finite() {
                format!("+{} {}", amount(x, 2, l), l.say(t::BILLION_VND_UNIT))
            } else {
                l.say(t::GOAL_SOURCE_NONE_ARRIVES).to_string()
            };
            (l.pick(&src.name_vi, &src.name_en).to_string(), figure)
        })
        .collect()
}

/// The answer against the scenario's own total: a saving, or (when the goal costs more than the
/// scenario invests) how much more, never a negative saving.
pub fn against_the_scenario(a: &Answer, l: Lang) -> (&'static str, String) {
    if a.saving < 0.0 {
        (
            l.say(t::GOAL_EXTRA_OVER_SCENARIO),
            format!("+{}", amount(-a.saving, 2, l)),
        )
    } else {
        (
            l.say(t::SAVING_AGAINST_THE_SCENARIO),
            amount(a.saving, 2, l),
        )
    }
}

/// Whether the sources leave every criterion's extra amount short: then more for one criterion
/// only moves money from the others (the plan's case: every billion is spent).
pub fn all_short(list: &[Margin], more: f64) -> bool {
    more > 0.0 && !list.is_empty() && list.iter().all(|g| g.shortfall + 1e-6 >= more)
}

/// One row of "where does more money buy most": the criterion, the communes certified and the
/// criteria met that the amount adds, and what is then short.
#[derive(Debug, Clone, PartialEq)]
pub struct MarginRow {
    pub criterion: String,
    pub certified_gain: String,
    pub criteria_gain: String,
    pub shortfall: String,
}

impl MarginRow {
    pub const COLUMNS: [crate::text::Sentence; 4] = [
        t::CRITERION,
        t::MORE_CERTIFIED,
        t::MORE_CRITERIA_MET,
        t::SHORT,
    ];

    pub fn cells(&self) -> [&str; 4] {
        [
            &self.criterion,
            &self.certified_gain,
            &self.criteria_gain,
            &self.shortfall,
        ]
    }
}

/// The margins as rows, best first (the order `marginal` gives).
pub fn margin_rows(list: &[Margin], plan: &Plan, l: Lang) -> Vec<MarginRow> {
    list.iter()
        .map(|g| MarginRow {
            criterion: crate::text::item_label(plan, g.item, l),
            certified_gain: format!("{:+}", g.certified_gain),
            criteria_gain: format!("{:+}", g.criteria_gain),
            shortfall: amount(g.shortfall, 2, l),
        })
        .collect()
}
