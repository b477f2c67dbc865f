//! The explanation of what changed against the plan, as one plain sentence.

use super::number::{amount, number};
use super::sentences as t;
use super::Lang;
use crate::engine::explain::{Change, Explanation};
use crate::engine::Plan;

fn signed(x: f64, decimals: usize, lang: Lang) -> String {
    if x > 0.0 {
        format!("+{}", number(x, decimals, lang))
    } else {
        number(x, decimals, lang)
    }
}

/// One change, in words.
pub fn change(c: &Change, plan: &Plan, lang: Lang) -> String {
    let source = |s: usize| {
        lang.pick(&plan.sources[s].name_vi, &plan.sources[s].name_en)
            .to_lowercase()
    };
    match c {
        Change::Funding {
            source: s,
            plan: before,
            now,
        } => {
            format!(
                "{} {} → {}",
                source(*s),
                amount(*before, 2, lang),
                amount(*now, 2, lang)
            )
        }
        Change::Disbursement { source: s, rate } => lang.fill(
            t::DISBURSEMENT_CHANGED,
            &[
                ("name", &source(*s)),
                ("percent", &number(rate * 100.0, 0, lang)),
            ],
        ),
        Change::Eligibility { source: s } => {
            lang.fill(t::ELIGIBILITY_CHANGED, &[("name", &source(*s))])
        }
        Change::Investment {
            criteria,
            plan_total,
            total,
        } => lang.fill(
            t::INVESTMENT_CHANGED,
            &[
                ("invest_changed", criteria),
                ("before", &amount(*plan_total, 2, lang)),
                ("after", &amount(*total, 2, lang)),
            ],
        ),
        Change::Order(order) => lang.fill(
            t::ORDER_CHANGED,
            &[("order", &lang.order_name(*order).to_lowercase())],
        ),
        Change::UnitCosts { criteria } => lang.fill(t::OWN_UNIT_COSTS_CHANGED, &[("n", criteria)]),
        Change::CertifiedTarget { plan: before, now } => {
            lang.fill(t::OWN_CERTIFIED_TARGET, &[("plan", before), ("now", now)])
        }
        Change::OtherTargets { count } => lang.fill(t::OWN_OTHER_TARGETS, &[("n", count)]),
    }
}

/// The whole sentence: the results against the plan's, then the changes behind them.
pub fn sentence(e: &Explanation, plan: &Plan, lang: Lang) -> String {
    if e.changes.is_empty() {
        // Said from the results, not assumed: with another table the plan may fall short.
        return match e.below_target {
            0 => lang.fill(
                t::EXPLAIN_PLAN_ALL_TARGETS_MET,
                &[("year", &e.year), ("certified", &e.certified)],
            ),
            n => lang.fill(
                t::EXPLAIN_PLAN_CRITERIA_SHORT,
                &[("n", &n), ("year", &e.year), ("certified", &e.certified)],
            ),
        };
    }
    let mut result = lang.fill(
        t::EXPLAIN_AGAINST_PLAN,
        &[
            ("certified", &e.certified),
            (
                "certified_change",
                &signed(e.certified_change as f64, 0, lang),
            ),
            ("average", &number(e.avg_criteria, 2, lang)),
            ("average_change", &signed(e.avg_change, 2, lang)),
        ],
    );
    if e.below_target > 0 {
        result.push_str(&lang.fill(t::EXPLAIN_BELOW_TARGET, &[("missed", &e.below_target)]));
    }
    if e.shortfall > 0.0 {
        result.push_str(&lang.fill(
            t::EXPLAIN_SHORTFALL,
            &[("amount", &amount(e.shortfall, 2, lang))],
        ));
    }
    if e.idle > 0.0 {
        result.push_str(&lang.fill(t::EXPLAIN_IDLE, &[("amount", &amount(e.idle, 2, lang))]));
    }
    result.push_str(lang.say(t::EXPLAIN_BECAUSE_OF));
    let changes: Vec<String> = e.changes.iter().map(|c| change(c, plan, lang)).collect();
    result.push_str(&changes.join("; "));
    result.push('.');
    result
}
