//! The plan's own figures checked against each other (`ntm check-plan`): stated shares against
//! amounts, stated percentages against counts, totals against their parts. Found, not hidden;
//! typed here, said in words by `text::check`.

use super::plan::Plan;

/// One inconsistency in the plan's own figures.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// The stated total is not the sum of the sources.
    StatedTotal { stated: f64, sum: f64 },
    /// A source's stated share is not its amount over the stated total. `fitting`: the amount
    /// that would make the sources add up to the total, where it comes closer to the share.
    SourceShare {
        source: usize,
        share: f64,
        of_total: f64,
        of_sum: f64,
        fitting: Option<f64>,
    },
    /// The sources' stated shares do not add up to 100%.
    SharesSum { sum: f64 },
    /// A criterion's stated share is not its target over the communes.
    CriterionShare {
        criterion: usize,
        share: f64,
        exact: f64,
        decimals: usize,
    },
    /// A criterion's target is below the certified communes' (a certified commune meets all).
    CriterionBelowCertified { criterion: usize },
    /// Certified at the start plus newly certified is not the certified target.
    CertifiedSum,
    /// The criteria targets give a lower average than the average target.
    AverageBelow { implied: f64 },
    /// A document's number names another year than its date.
    ReferenceDate {
        reference: usize,
        number_year: u32,
        date_year: u32,
    },
}

impl Finding {
    /// Where in the plan (section and item).
    pub fn location(&self, plan: &Plan) -> String {
        match self {
            Finding::StatedTotal { .. } | Finding::SharesSum { .. } => "III".into(),
            Finding::SourceShare { source, .. } => format!("III.{}", source + 1),
            Finding::CriterionShare { criterion, .. }
            | Finding::CriterionBelowCertified { criterion } => {
                format!("I.2, TC{}", plan.criteria[*criterion].id)
            }
            Finding::CertifiedSum => "I.1".into(),
            Finding::AverageBelow { .. } => "I.1, I.2".into(),
            Finding::ReferenceDate { reference, .. } => {
                plan.references[*reference].location.clone()
            }
        }
    }
}

/// A figure as the plan writes it ("67,3"): its value and how many decimals it states.
pub fn stated(text: &str) -> Option<(f64, usize)> {
    let t = text.trim();
    let decimals = t.split_once(',').map(|(_, f)| f.len()).unwrap_or(0);
    t.replace('.', "")
        .replace(',', ".")
        .parse()
        .ok()
        .map(|v| (v, decimals))
}

/// Does `exact` round to the stated figure?
pub fn agrees(exact: f64, stated: f64, decimals: usize) -> bool {
    let scale = 10f64.powi(decimals as i32);
    // Both sides rounded to whole numbers of the last stated decimal: equal or a step apart.
    (exact * scale).round() == (stated * scale).round()
}

pub fn check_plan(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    let sum = plan.funding_total();
    let total = plan.stated_total.as_ref().map_or(sum, |t| t.amount);
    if (sum - total).abs() > 1e-9 {
        findings.push(Finding::StatedTotal { stated: total, sum });
    }
    for (i, s) in plan.sources.iter().enumerate() {
        let Some((share, decimals)) = stated(&s.stated_share) else {
            continue;
        };
        let of_total = 100.0 * s.amount / total;
        let of_sum = 100.0 * s.amount / sum;
        if !agrees(of_total, share, decimals) {
            // Would the amount that makes the sources add up to the stated total come closer
            // to the stated share? (80 → 70 for enterprises: 1,47 % against 1,4 %.)
            let fitting = s.amount + (total - sum);
            let closer =
                fitting > 0.0 && (100.0 * fitting / total - share).abs() < (of_total - share).abs();
            findings.push(Finding::SourceShare {
                source: i,
                share,
                of_total,
                of_sum,
                fitting: closer.then_some(fitting),
            });
        }
    }
    let share_sum: f64 = plan
        .sources
        .iter()
        .filter_map(|s| stated(&s.stated_share))
        .map(|(v, _)| v)
        .sum();
    if (share_sum - 100.0).abs() > 0.05 {
        findings.push(Finding::SharesSum { sum: share_sum });
    }
    let n = plan.communes_total;
    for (k, c) in plan.criteria.iter().enumerate() {
        // A plan file need state no criterion target (0) and no count of communes (0).
        if c.target == 0 || n == 0 {
            continue;
        }
        // Whether or not the plan states the criterion's share.
        if c.target < plan.targets.certified {
            findings.push(Finding::CriterionBelowCertified { criterion: k });
        }
        let Some((share, decimals)) = c.stated_share.as_deref().and_then(stated) else {
            continue;
        };
        let exact = 100.0 * f64::from(c.target) / f64::from(n);
        if !agrees(exact, share, decimals) {
            findings.push(Finding::CriterionShare {
                criterion: k,
                share,
                exact,
                decimals,
            });
        }
    }
    let t = &plan.targets;
    if t.certified_baseline + t.newly_certified != t.certified {
        findings.push(Finding::CertifiedSum);
    }
    // No count of communes (0) implies an infinite average: never below.
    let implied = f64::from(plan.target_sum()) / f64::from(n);
    let every_target = plan.criteria.iter().all(|c| c.target > 0);
    if every_target && implied + 1e-9 < t.avg_criteria_min {
        findings.push(Finding::AverageBelow { implied });
    }
    for (reference, r) in plan.references.iter().enumerate() {
        let number_year = r
            .number
            .split('/')
            .nth(1)
            .and_then(|y| y.parse::<u32>().ok());
        let date_year = r.date.split('-').next().and_then(|y| y.parse::<u32>().ok());
        if let (Some(number_year), Some(date_year)) = (number_year, date_year) {
            if number_year != date_year {
                findings.push(Finding::ReferenceDate {
                    reference,
                    number_year,
                    date_year,
                });
            }
        }
    }
    findings
}

/// Targets the table in use cannot reach: more communes than it holds (the plan's targets kept
/// after a table of merged communes was brought in). Checked against the targets in force.
#[derive(Debug, Clone, PartialEq)]
pub struct BeyondTheTable {
    /// Communes in the table.
    pub communes: u32,
    /// The certified target, where it is more than the communes.
    pub certified: Option<u32>,
    /// Each criterion (index, target) whose target is more than the communes, in criterion order.
    pub criteria: Vec<(usize, u32)>,
}

/// `None` when every target fits the table.
pub fn beyond_the_table(
    communes: u32,
    certified: u32,
    criteria: impl IntoIterator<Item = u32>,
) -> Option<BeyondTheTable> {
    let criteria: Vec<(usize, u32)> = criteria
        .into_iter()
        .enumerate()
        .filter(|&(_, target)| target > communes)
        .collect();
    let certified = (certified > communes).then_some(certified);
    (certified.is_some() || !criteria.is_empty()).then_some(BeyondTheTable {
        communes,
        certified,
        criteria,
    })
}
