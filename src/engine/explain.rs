//! What changed against the plan, and what it did: typed, so the page, the report and the
//! presentation say it in either language (`text::explain`) and tests check it natively.

use super::lever::{Lever, FAMILIES, TARGET_CERTIFIED, UNIT_COSTS};
use super::outcome::Outcome;
use super::run::{Levers, Model};
use super::scenario::{Scenario, Strategy};

/// One lever, or group of levers, that differs from the plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Funding {
        source: usize,
        plan: f64,
        now: f64,
    },
    /// A source's pledge arrives only in part.
    Disbursement {
        source: usize,
        rate: f64,
    },
    /// A source may pay for other criteria than the plan's.
    Eligibility {
        source: usize,
    },
    /// `criteria` criteria are invested in differently; the totals before and after.
    Investment {
        criteria: usize,
        plan_total: f64,
        total: f64,
    },
    Order(Strategy),
    /// The scenario's own unit costs for `criteria` criteria.
    UnitCosts {
        criteria: usize,
    },
    /// The scenario's own certified target (plan's, scenario's).
    CertifiedTarget {
        plan: u32,
        now: u32,
    },
    /// The scenario's own targets for the averages or for `criteria` criteria.
    OtherTargets {
        count: usize,
    },
}

/// The results against the plan's, and the changes behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub changes: Vec<Change>,
    pub certified: u32,
    pub certified_change: i64,
    pub avg_criteria: f64,
    pub avg_change: f64,
    /// Criteria below their target after the year.
    pub below_target: usize,
    pub shortfall: f64,
    pub idle: f64,
    /// The plan's year.
    pub year: u16,
}

const SAME: f64 = 1e-9;

/// Explains `outcome` (the scenario's levers run) against `plan_outcome` (the plan on the same
/// table). `model` is the table's model, whose defaults are the plan's.
pub fn explain(
    model: &Model,
    scenario: &Scenario,
    levers: &Levers,
    outcome: &Outcome,
    plan_outcome: &Outcome,
) -> Explanation {
    let plan_levers = model.levers(&Scenario::plan());
    let mut changes = Vec::new();
    for s in 0..levers.funding.len() {
        if (levers.funding[s] - plan_levers.funding[s]).abs() > SAME {
            changes.push(Change::Funding {
                source: s,
                plan: plan_levers.funding[s],
                now: levers.funding[s],
            });
        }
        if (levers.disbursement[s] - plan_levers.disbursement[s]).abs() > SAME {
            changes.push(Change::Disbursement {
                source: s,
                rate: levers.disbursement[s],
            });
        }
        if levers.eligibility[s] != plan_levers.eligibility[s] {
            changes.push(Change::Eligibility { source: s });
        }
    }
    // Counted in criteria, as the sentence says them: a criterion any of whose items differs.
    let criteria_of = |items: &mut dyn Iterator<Item = usize>| {
        let mut touched: Vec<usize> = items.map(|j| model.plan.items[j].criterion).collect();
        touched.dedup();
        touched.len()
    };
    let invested = criteria_of(
        &mut (0..levers.investment.len())
            .filter(|&k| (levers.investment[k] - plan_levers.investment[k]).abs() > SAME),
    );
    if invested > 0 {
        changes.push(Change::Investment {
            criteria: invested,
            plan_total: plan_levers.investment.iter().sum(),
            total: levers.investment.iter().sum(),
        });
    }
    if levers.strategy != plan_levers.strategy {
        changes.push(Change::Order(levers.strategy));
    }
    // The scenario's own figures, lever by lever from the registry: what differs from the plan.
    let differs = |lever: Lever| {
        lever
            .get(scenario)
            .is_some_and(|v| v != lever.default_in(model))
    };
    let unit_costs =
        criteria_of(&mut (0..model.items()).filter(|&k| differs(Lever::new(UNIT_COSTS, k))));
    if unit_costs > 0 {
        changes.push(Change::UnitCosts {
            criteria: unit_costs,
        });
    }
    let certified_target = Lever::new(TARGET_CERTIFIED, 0);
    if differs(certified_target) {
        changes.push(Change::CertifiedTarget {
            plan: model.plan.targets.certified,
            now: scenario
                .targets
                .certified
                .unwrap_or(model.plan.targets.certified),
        });
    }
    let other_targets = Lever::all(&model.plan)
        .filter(|l| l.family != TARGET_CERTIFIED && FAMILIES[l.family].key.starts_with("target_"))
        .filter(|&l| differs(l))
        .count();
    if other_targets > 0 {
        changes.push(Change::OtherTargets {
            count: other_targets,
        });
    }
    Explanation {
        changes,
        certified: outcome.certified,
        certified_change: i64::from(outcome.certified) - i64::from(plan_outcome.certified),
        avg_criteria: outcome.avg_criteria,
        avg_change: outcome.avg_criteria - plan_outcome.avg_criteria,
        below_target: outcome.criteria.iter().filter(|c| c.met < c.target).count(),
        shortfall: outcome.funding.shortfall,
        idle: outcome.funding.idle,
        year: model.plan.year,
    }
}
