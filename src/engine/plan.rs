//! The province's plan: criteria, targets, funding sources, default eligibility (the seed
//! `seeds/lang-son-2022.json`). Every figure carries where in the plan it comes from.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The national criteria set has 19 criteria; the commune table has a column per criterion.
pub const CRITERIA: usize = 19;
/// The plan names five funding sources.
pub const SOURCES: usize = 5;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub province: String,
    pub year: u16,
    pub title_vi: String,
    pub title_en: String,
    pub document: String,
    pub default_scenario_name: String,
    pub communes_total: u32,
    pub cost_multipliers: CostMultipliers,
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    pub unit_cost_note: String,
    pub targets: Targets,
    pub other_targets: Vec<OtherTarget>,
    pub sources: Vec<Source>,
    pub stated_total: StatedTotal,
    pub default_eligibility: BTreeMap<String, Vec<String>>,
    pub eligibility_note: String,
    pub references: Vec<Reference>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CostMultipliers {
    pub border: f64,
    pub difficult: f64,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: u8,
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
    pub group: String,
    /// Communes meeting it at the end of 2021.
    pub baseline: u32,
    /// Communes meeting it at the end of 2022, as the plan sets.
    pub target: u32,
    /// The share of 181 the plan states, as written (Vietnamese decimal comma).
    pub stated_share: Option<String>,
    /// Billion VND to bring one commune up to this criterion (an assumption).
    pub unit_cost: f64,
    pub source: String,
    pub assumption: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    pub certified: u32,
    pub certified_baseline: u32,
    pub newly_certified: u32,
    pub avg_criteria_min: f64,
    pub advanced_communes: u32,
    pub model_communes: u32,
    pub border_communes: u32,
    pub border_certified_baseline: u32,
    pub border_avg_baseline: f64,
    pub border_avg_min: f64,
    pub border_avg_max: f64,
    pub ocop_products_min: u32,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OtherTarget {
    pub key: String,
    pub vi: String,
    pub en: String,
    pub value: String,
    pub unit_vi: String,
    pub unit_en: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub key: String,
    /// A short name for tight places (table headers, chart labels).
    pub short_vi: String,
    pub short_en: String,
    pub name_vi: String,
    pub name_en: String,
    /// Billion VND the plan counts on.
    pub amount: f64,
    pub stated_share: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StatedTotal {
    pub amount: f64,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub number: String,
    pub date: String,
    #[serde(rename = "where")]
    pub location: String,
}

impl Plan {
    pub(crate) fn validate(&self) -> Result<(), String> {
        if self.criteria.len() != CRITERIA {
            return Err(format!(
                "plan seed: {} criteria, expected {CRITERIA}",
                self.criteria.len()
            ));
        }
        if self.sources.len() != SOURCES {
            return Err(format!(
                "plan seed: {} sources, expected {SOURCES}",
                self.sources.len()
            ));
        }
        for (i, c) in self.criteria.iter().enumerate() {
            if c.id as usize != i + 1 {
                return Err(format!("plan seed: criterion {} has id {}", i + 1, c.id));
            }
            if !self.groups.iter().any(|g| g.key == c.group) {
                return Err(format!(
                    "plan seed: criterion {}: unknown group {}",
                    c.key, c.group
                ));
            }
            if !(c.unit_cost.is_finite() && c.unit_cost >= 0.0) {
                return Err(format!("plan seed: criterion {}: bad unit cost", c.key));
            }
            if c.baseline > self.communes_total || c.target > self.communes_total {
                return Err(format!(
                    "plan seed: criterion {}: count above communes_total",
                    c.key
                ));
            }
        }
        for key in self.default_eligibility.keys() {
            if self.source_index(key).is_none() {
                return Err(format!(
                    "plan seed: default_eligibility: unknown source {key}"
                ));
            }
        }
        for s in &self.sources {
            let list = self
                .default_eligibility
                .get(&s.key)
                .ok_or_else(|| format!("plan seed: default_eligibility: no entry for {}", s.key))?;
            for k in list {
                if self.criterion_index(k).is_none() {
                    return Err(format!(
                        "plan seed: default_eligibility.{}: unknown criterion {k}",
                        s.key
                    ));
                }
            }
        }
        Ok(())
    }

    pub fn criterion_index(&self, key: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.key == key)
    }

    pub fn source_index(&self, key: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.key == key)
    }

    /// The plan's funding per source, in source order.
    pub fn funding(&self) -> [f64; SOURCES] {
        std::array::from_fn(|s| self.sources[s].amount)
    }

    /// The sum of the five sources' amounts (4,770 for Lạng Sơn; the plan states 4,760).
    pub fn funding_total(&self) -> f64 {
        self.funding().iter().sum()
    }

    /// Which criteria each source may pay for, as bit masks (bit k = criterion k).
    pub fn default_eligibility_masks(&self) -> [u32; SOURCES] {
        std::array::from_fn(|s| {
            self.default_eligibility[&self.sources[s].key]
                .iter()
                .filter_map(|k| self.criterion_index(k))
                .fold(0u32, |mask, k| mask | (1 << k))
        })
    }

    pub fn baseline_sum(&self) -> u32 {
        self.criteria.iter().map(|c| c.baseline).sum()
    }

    pub fn target_sum(&self) -> u32 {
        self.criteria.iter().map(|c| c.target).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_plan_has_the_figures_of_model_md() {
        let plan = Plan::lang_son_2022();
        assert_eq!(plan.baseline_sum(), 2490);
        assert_eq!(plan.target_sum(), 2648);
        assert_eq!(plan.funding_total(), 4770.0);
        assert_eq!(plan.stated_total.amount, 4760.0);
        assert_eq!(plan.targets.certified, 85);
        let keys: Vec<&str> = plan.sources.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            ["direct", "integrated", "enterprise", "credit", "community"]
        );
        let masks = plan.default_eligibility_masks();
        let counts: Vec<u32> = masks.iter().map(|m| m.count_ones()).collect();
        assert_eq!(counts, [19, 19, 6, 5, 6]);
    }

    #[test]
    fn a_criterion_listed_twice_for_a_source_is_eligible_once() {
        let mut plan = Plan::lang_son_2022();
        let before = plan.default_eligibility_masks();
        let credit = plan.default_eligibility.get_mut("credit").unwrap();
        let first = credit[0].clone();
        credit.push(first);
        assert_eq!(plan.default_eligibility_masks(), before);
    }

    #[test]
    fn a_broken_seed_is_refused_with_a_reason() {
        let broken = crate::formats::seeds::LANG_SON_2022
            .replace("\"key\": \"credit\"", "\"key\": \"loans\"");
        let err = Plan::from_json(&broken).unwrap_err();
        assert!(err.contains("credit") || err.contains("loans"), "{err}");
    }
}
