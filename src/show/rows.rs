//! Rows of the tables every surface prints: the criteria, the districts, the path's years.

use super::{average, signed, Verdict};
use crate::engine::path::{Carry, PathOutcome};
use crate::engine::plan::Criterion;
use crate::engine::{Outcome, Plan};
use crate::text::number::{amount, number};
use crate::text::sentences as t;
use crate::text::{Lang, Sentence};

pub use crate::text::criterion_label;

/// One criterion's row: communes meeting it at the start, projected, its target, the gap and
/// the money.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionRow {
    pub key: String,
    pub label: String,
    pub baseline: String,
    pub met: String,
    pub target: String,
    pub gap: String,
    pub investment: String,
    pub shortfall: String,
    pub verdict: Verdict,
    /// Money short for it (the shortfall cell is marked).
    pub short: bool,
}

/// What a criterion's row and an item's row are made of.
struct Counts {
    baseline: u32,
    met: u32,
    target: u32,
    investment: f64,
    shortfall: f64,
}

impl CriterionRow {
    /// The headings of the columns, in the order of [`CriterionRow::cells`].
    pub const COLUMNS: [Sentence; 7] = [
        t::CRITERION,
        t::START,
        t::HEADING_PROJECTED,
        t::HEADING_TARGET_SET,
        t::GAP,
        t::INVESTED_BN,
        t::HEADING_MONEY_SHORT,
    ];

    pub fn of(c: &Criterion, r: &crate::engine::outcome::CriterionOutcome, lang: Lang) -> Self {
        let counts = Counts {
            baseline: r.baseline,
            met: r.met,
            target: r.target,
            investment: r.investment,
            shortfall: r.shortfall,
        };
        Self::counted(&r.key, criterion_label(c, lang), counts, lang)
    }

    /// An indicator's row, under its criterion's (a criterion that is its own item has none).
    pub fn of_item(
        plan: &Plan,
        j: usize,
        r: &crate::engine::outcome::ItemOutcome,
        lang: Lang,
    ) -> Self {
        let counts = Counts {
            baseline: r.baseline,
            met: r.met,
            target: r.target,
            investment: r.investment,
            shortfall: r.shortfall,
        };
        Self::counted(&r.key, crate::text::item_label(plan, j, lang), counts, lang)
    }

    /// A row of communes counted against a target, with its money: a criterion's or an item's.
    fn counted(key: &str, label: String, c: Counts, lang: Lang) -> Self {
        let gap = i64::from(c.met) - i64::from(c.target);
        CriterionRow {
            key: key.to_string(),
            label,
            baseline: c.baseline.to_string(),
            met: c.met.to_string(),
            target: c.target.to_string(),
            gap: signed(gap as f64, 0, lang),
            investment: amount(c.investment, 2, lang),
            shortfall: amount(c.shortfall, 2, lang),
            verdict: if gap >= 0 {
                Verdict::Reached
            } else {
                Verdict::Short
            },
            short: c.shortfall > 0.0,
        }
    }

    pub fn cells(&self) -> [&str; 7] {
        [
            &self.label,
            &self.baseline,
            &self.met,
            &self.target,
            &self.gap,
            &self.investment,
            &self.shortfall,
        ]
    }
}

/// Every criterion's row, in the plan's order.
pub fn criteria_rows(plan: &Plan, o: &Outcome, lang: Lang) -> Vec<CriterionRow> {
    plan.criteria
        .iter()
        .zip(&o.criteria)
        .map(|(c, r)| CriterionRow::of(c, r, lang))
        .collect()
}

/// One district's row (a table without districts has none).
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictRow {
    pub name: String,
    pub communes: String,
    pub certified: String,
    pub average: String,
}

impl DistrictRow {
    pub const COLUMNS: [Sentence; 4] = [
        t::DISTRICT,
        t::HEADING_COMMUNES,
        t::HEADING_CERTIFIED,
        t::CRITERIA_EACH,
    ];

    pub fn cells(&self) -> [&str; 4] {
        [&self.name, &self.communes, &self.certified, &self.average]
    }
}

pub fn district_rows(o: &Outcome, lang: Lang) -> Vec<DistrictRow> {
    o.districts
        .iter()
        .map(|d| DistrictRow {
            name: d.name.clone(),
            communes: d.communes.to_string(),
            certified: d.certified.to_string(),
            average: number(d.avg_criteria, 2, lang),
        })
        .collect()
}

/// One year of the path.
#[derive(Debug, Clone, PartialEq)]
pub struct PathRow {
    pub year: u16,
    pub certified: String,
    pub average: String,
    /// The border communes' average, or the dash when the table has none.
    pub border: String,
    pub lowest: String,
    pub shortfall: String,
    /// What goes on to the next year (undisbursed, idle and unspent money, as the path carries).
    pub carried: String,
}

impl PathRow {
    pub const COLUMNS: [Sentence; 7] = [
        t::YEAR,
        t::CERTIFIED,
        t::CRITERIA_EACH,
        t::BORDER,
        t::LOWEST_COMMUNE,
        t::SHORT,
        t::CARRIED_OVER,
    ];

    pub fn cells(&self) -> [String; 7] {
        [
            self.year.to_string(),
            self.certified.clone(),
            self.average.clone(),
            self.border.clone(),
            self.lowest.clone(),
            self.shortfall.clone(),
            self.carried.clone(),
        ]
    }
}

/// Every year of the path; `carry` is the path's, for what goes on to the next year.
pub fn path_rows(p: &PathOutcome, carry: &Carry, lang: Lang) -> Vec<PathRow> {
    p.years
        .iter()
        .map(|y| {
            let o = &y.outcome;
            PathRow {
                year: y.year,
                certified: o.certified.to_string(),
                average: number(o.avg_criteria, 2, lang),
                border: average(o.border.avg_criteria, lang),
                lowest: o.min_criteria.to_string(),
                shortfall: amount(o.funding.shortfall, 2, lang),
                carried: amount(carry.total_out_of(o), 2, lang),
            }
        })
        .collect()
}
