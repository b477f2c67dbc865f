//! The plan's own inconsistencies (`engine::check`) said in words, in either language.

use super::number::{amount, number};
use super::sentences as t;
use super::Lang;
use crate::engine::check::{BeyondTheTable, Finding};
use crate::engine::plan::Plan;
use serde::Serialize;

/// A finding with where it is and what it says in both languages (`ntm check-plan`'s JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Said {
    /// Where in the plan (section and item).
    pub location: String,
    pub vi: String,
    pub en: String,
}

impl Said {
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
}

/// What one finding says.
pub fn say(f: &Finding, plan: &Plan, lang: Lang) -> String {
    let money = |x: f64| amount(x, 2, lang);
    let total = plan
        .stated_total
        .as_ref()
        .map_or_else(|| plan.funding_total(), |t| t.amount);
    match f {
        Finding::StatedTotal { stated, sum } => {
            let parts: Vec<String> = plan.sources.iter().map(|s| money(s.amount)).collect();
            lang.fill(
                t::PLAN_STATED_TOTAL,
                &[
                    ("stated", &money(*stated)),
                    ("sum", &money(*sum)),
                    ("parts", &parts.join(" + ")),
                    ("sources", &plan.sources.len()),
                ],
            )
        }
        Finding::SourceShare {
            source,
            share,
            of_total,
            of_sum,
            fitting,
        } => {
            let s = &plan.sources[*source];
            // The share as the plan writes it (Vietnamese), or as a number (English).
            let stated = lang.pick(s.stated_share.clone(), share.to_string());
            let hint = fitting.map(|fitting| {
                lang.fill(
                    t::PLAN_SHARE_FITTING,
                    &[
                        ("fitting", &money(fitting)),
                        ("total", &money(total)),
                        ("fitting_share", &number(100.0 * fitting / total, 2, lang)),
                        ("stated", &stated),
                        ("sources", &plan.sources.len()),
                    ],
                )
            });
            lang.fill(
                t::PLAN_SOURCE_SHARE,
                &[
                    ("name", &lang.pick(&s.name_vi, &s.name_en)),
                    ("amount", &money(s.amount)),
                    ("stated", &stated),
                    ("total", &money(total)),
                    ("of_total", &number(*of_total, 2, lang)),
                    ("sum", &money(plan.funding_total())),
                    ("of_sum", &number(*of_sum, 2, lang)),
                    ("hint", &hint.unwrap_or_default()),
                    ("sources", &plan.sources.len()),
                ],
            )
        }
        Finding::SharesSum { sum } => {
            lang.fill(t::PLAN_SHARES_SUM, &[("sum", &number(*sum, 1, lang))])
        }
        Finding::CriterionShare {
            criterion,
            share,
            exact,
            decimals,
        } => {
            let c = &plan.criteria[*criterion];
            let stated = lang.pick(
                c.stated_share.clone().unwrap_or_default(),
                share.to_string(),
            );
            lang.fill(
                t::PLAN_CRITERION_SHARE,
                &[
                    ("id", &c.id),
                    ("name", &lang.pick(&c.name_vi, &c.name_en)),
                    ("target", &c.target),
                    ("n", &plan.communes_total),
                    ("stated", &stated),
                    ("exact", &number(*exact, 3, lang)),
                    ("rounded", &number(*exact, *decimals, lang)),
                ],
            )
        }
        Finding::CriterionBelowCertified { criterion } => {
            let c = &plan.criteria[*criterion];
            lang.fill(
                t::PLAN_CRITERION_BELOW_CERTIFIED,
                &[
                    ("id", &c.id),
                    ("target", &c.target),
                    ("certified", &plan.targets.certified),
                ],
            )
        }
        Finding::CertifiedSum => {
            let g = &plan.targets;
            lang.fill(
                t::PLAN_CERTIFIED_SUM,
                &[
                    ("start", &g.certified_baseline),
                    ("new", &g.newly_certified),
                    ("certified", &g.certified),
                ],
            )
        }
        Finding::AverageBelow { implied } => lang.fill(
            t::PLAN_AVERAGE_BELOW,
            &[
                ("implied", &number(*implied, 2, lang)),
                ("target", &number(plan.targets.avg_criteria_min, 1, lang)),
            ],
        ),
        Finding::ReferenceDate {
            reference,
            number_year,
            date_year,
        } => {
            let r = &plan.references[*reference];
            let date = lang.pick(
                r.date.split('-').rev().collect::<Vec<_>>().join("/"),
                r.date.clone(),
            );
            lang.fill(
                t::PLAN_REFERENCE_DATE,
                &[
                    ("number", &r.number),
                    ("number_year", number_year),
                    ("date", &date),
                    ("date_year", date_year),
                ],
            )
        }
    }
}

/// Every finding of the plan, with where it is and what it says in both languages.
pub fn check_plan(plan: &Plan) -> Vec<Said> {
    crate::engine::check::check_plan(plan)
        .iter()
        .map(|f| Said {
            location: f.location(plan),
            vi: say(f, plan, Lang::Vi),
            en: say(f, plan, Lang::En),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lang_son_plan_has_the_known_inconsistencies() {
        let findings = check_plan(&Plan::lang_son_2022());
        let all: Vec<&str> = findings.iter().map(|f| f.en.as_str()).collect();
        let joined = all.join("\n");
        assert!(
            joined.contains("4,760") && joined.contains("4,770"),
            "{joined}"
        );
        assert!(
            findings
                .iter()
                .any(|f| f.location == "III.3" && f.en.contains("1.68")),
            "{joined}"
        );
        assert!(
            findings
                .iter()
                .any(|f| f.location == "III.3" && f.en.contains("70 billion")),
            "{joined}"
        );
        assert!(
            findings.iter().any(|f| f.location == "III.4"),
            "credit 67.23% vs 67.3%: {joined}"
        );
        assert!(
            findings.iter().any(|f| f.location == "I.2, TC19"),
            "175/181 is 96.7%: {joined}"
        );
        assert!(
            findings.iter().any(|f| f.en.contains("08/2021/NQ-HĐND")),
            "{joined}"
        );
        // Shares that do round right are not reported.
        assert!(
            !findings
                .iter()
                .any(|f| f.location == "III.1" || f.location == "I.2, TC2"),
            "{joined}"
        );
    }

    #[test]
    fn stated_figures_are_read_as_written() {
        use crate::engine::check::{agrees, stated};
        assert_eq!(stated("67,3"), Some((67.3, 1)));
        assert_eq!(stated("56"), Some((56.0, 0)));
        assert!(agrees(56.35, 56.0, 0));
        assert!(!agrees(96.685, 96.6, 1));
    }
}

/// Targets the table in use cannot reach, in one sentence: the first few named with their
/// figure, the rest counted.
pub fn say_beyond_the_table(b: &BeyondTheTable, plan: &Plan, lang: Lang) -> String {
    const NAMED: usize = 5;
    let mut items: Vec<String> = Vec::new();
    if let Some(target) = b.certified {
        items.push(lang.fill(t::TARGETS_BEYOND_CERTIFIED, &[("target", &target)]));
    }
    items.extend(b.criteria.iter().map(|&(k, target)| {
        let c = &plan.criteria[k];
        let name = lang.pick(&c.name_vi, &c.name_en);
        lang.fill(
            t::TARGETS_BEYOND_CRITERION,
            &[("name", &name), ("target", &target)],
        )
    }));
    let count = items.len();
    if count > NAMED {
        let rest = count - NAMED;
        items.truncate(NAMED);
        items.push(lang.fill(t::TARGETS_BEYOND_MORE, &[("n", &rest)]));
    }
    lang.fill(
        t::TARGETS_BEYOND_THE_TABLE,
        &[
            ("communes", &b.communes),
            ("count", &count),
            ("list", &items.join("; ")),
        ],
    )
}
