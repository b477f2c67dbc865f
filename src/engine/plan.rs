//! The province's plan: criteria and the items they hold, commune groups, targets, funding
//! sources, default eligibility (the seed `seeds/lang-son-2022.json`, or a planner's own plan
//! file, model.md §8.1). Every figure carries where in the plan it comes from. No count of
//! criteria, items, sources or groups is fixed: they are what the plan says.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A set of the plan's items, bit j = item j (in the plan's order).
pub type ItemSet = u128;

// No field of the plan file's types is left out when written (`skip_serializing_if`): the
// plan crosses to the worker in bincode, which is not self-describing (a field left out would
// shift every later one). Its items are not sent at all (`skip`): the worker prepares the plan
// again, as every reader does.

/// The most items a plan may hold: the width of [`ItemSet`]. Decision 51/2025 has 47
/// indicators; a plan with more than 128 is refused with a message, not cut.
pub const MAX_ITEMS: usize = ItemSet::BITS as usize;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The plan's name in files and links (`lang-son-2022`).
    pub key: String,
    pub province: String,
    pub year: u16,
    #[serde(default)]
    pub title_vi: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub document: String,
    #[serde(default)]
    pub default_scenario_name: String,
    /// The communes the plan counts (0: not stated).
    #[serde(default)]
    pub communes_total: u32,
    #[serde(default)]
    pub cost_multipliers: CostMultipliers,
    /// Display groups of criteria (headings), not commune groups.
    #[serde(default)]
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    /// Commune groups (Decision 51/2025's three): an item's thresholds and costs may differ by
    /// group, and an item may apply to some groups only.
    #[serde(default)]
    pub commune_groups: Vec<Group>,
    #[serde(default)]
    pub unit_cost_note: String,
    pub targets: Targets,
    #[serde(default)]
    pub other_targets: Vec<OtherTarget>,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub stated_total: Option<StatedTotal>,
    #[serde(default)]
    pub default_eligibility: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub eligibility_note: String,
    #[serde(default)]
    pub references: Vec<Reference>,
    /// What in the plan is the project's assumption or illustration (said on the page).
    #[serde(default)]
    pub illustrative_vi: Option<String>,
    #[serde(default)]
    pub illustrative_en: Option<String>,
    /// Every item of every criterion, in file order (filled when the plan is read).
    #[serde(skip)]
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct CostMultipliers {
    pub border: f64,
    pub difficult: f64,
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
    /// How the group is defined (commune groups: as published).
    #[serde(default)]
    pub definition: Option<String>,
}

/// A criterion: its own single item (`unit_cost`), or the indicators it holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: u8,
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
    /// The display group (a heading); empty: none.
    #[serde(default)]
    pub group: String,
    /// Communes meeting it at the start (as the plan states; 0: not stated).
    #[serde(default)]
    pub baseline: u32,
    /// Communes meeting it at the end of the plan's year, as the plan sets (0: none set).
    #[serde(default)]
    pub target: u32,
    /// The share the plan states, as written (Vietnamese decimal comma).
    #[serde(default)]
    pub stated_share: Option<String>,
    /// Billion VND to bring one commune up to it, for a criterion that is its own item.
    #[serde(default)]
    pub unit_cost: Option<f64>,
    #[serde(default)]
    pub unit_cost_by_group: BTreeMap<String, f64>,
    #[serde(default)]
    pub applies_to: Option<Vec<String>>,
    #[serde(default)]
    pub from: Option<Vec<String>>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub assumption: Option<String>,
}

/// An indicator of a criterion (model.md §8.1).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
    pub unit_cost: f64,
    #[serde(default)]
    pub unit_cost_by_group: BTreeMap<String, f64>,
    #[serde(default)]
    pub applies_to: Option<Vec<String>>,
    #[serde(default)]
    pub target: Option<u32>,
    #[serde(default)]
    pub baseline: Option<u32>,
    #[serde(default)]
    pub from: Option<Vec<String>>,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub assumption: Option<String>,
}

/// One item of the plan: an indicator, or a criterion that is its own single item. The engine
/// works per item; a criterion is met when its items are.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// `2.1`, or the criterion's id (`1`) for a criterion that is its own item.
    pub id: String,
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
    /// Index into [`Plan::criteria`].
    pub criterion: usize,
    /// Whether it is a criterion that is its own single item.
    pub whole_criterion: bool,
    pub unit_cost: f64,
    /// By commune group index: the group's own unit cost where the plan gives one.
    pub unit_cost_by_group: Vec<Option<f64>>,
    /// By commune group index: whether it is assessed in that group.
    pub applies: Vec<bool>,
    /// Communes meeting it at the end of the plan's year (0: none set).
    pub target: u32,
    /// The old plan's items it is made of (model.md §8.4); `None`: not stated.
    pub from: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    pub certified: u32,
    #[serde(default)]
    pub certified_baseline: u32,
    #[serde(default)]
    pub newly_certified: u32,
    #[serde(default)]
    pub avg_criteria_min: f64,
    #[serde(default)]
    pub advanced_communes: u32,
    #[serde(default)]
    pub model_communes: u32,
    #[serde(default)]
    pub border_communes: u32,
    #[serde(default)]
    pub border_certified_baseline: u32,
    #[serde(default)]
    pub border_avg_baseline: f64,
    #[serde(default)]
    pub border_avg_min: f64,
    #[serde(default)]
    pub border_avg_max: f64,
    #[serde(default)]
    pub ocop_products_min: u32,
    #[serde(default)]
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
    /// A short name for tight places (table headers, chart labels); empty: the name.
    #[serde(default)]
    pub short_vi: String,
    #[serde(default)]
    pub short_en: String,
    pub name_vi: String,
    pub name_en: String,
    /// Billion VND the plan counts on.
    pub amount: f64,
    #[serde(default)]
    pub stated_share: String,
    #[serde(default)]
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

/// What is wrong with a plan file (model.md §8.1), each naming the field it is in as a path
/// of keys (`criteria.infrastructure.indicators.roads.unit_cost`). Said in words by
/// `formats::error`.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanProblem {
    /// `key` is not lowercase letters, digits and `-`.
    BadPlanKey {
        key: String,
    },
    NoCriteria,
    NoSources,
    /// A key given twice among criteria and items, sources, or commune groups.
    DuplicateKey {
        key: String,
        first: String,
        second: String,
    },
    /// An item id given twice (criterion ids count as their own items').
    DuplicateId {
        id: String,
        first: String,
        second: String,
    },
    /// A criterion with neither `unit_cost` nor `indicators`.
    NoCost {
        field: String,
    },
    /// A criterion with both `unit_cost` and `indicators`.
    CostAndIndicators {
        field: String,
    },
    /// A number that must be finite and not negative.
    BadNumber {
        field: String,
        value: f64,
    },
    /// A commune group (or display group) the plan lacks.
    UnknownGroup {
        field: String,
        group: String,
    },
    /// An eligibility list naming a key that is no criterion or item.
    UnknownKey {
        field: String,
        key: String,
    },
    /// An eligibility list for a source the plan lacks.
    UnknownSource {
        field: String,
    },
    /// A count above the plan's communes.
    AboveCommunes {
        field: String,
        value: u32,
        communes: u32,
    },
    TooManyItems {
        count: usize,
        limit: usize,
    },
}

fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Plan {
    /// Checks the plan and builds its items (model.md §8.1). Run by every reader of a plan.
    pub fn prepare(&mut self) -> Result<(), PlanProblem> {
        if !valid_key(&self.key) {
            return Err(PlanProblem::BadPlanKey {
                key: self.key.clone(),
            });
        }
        if self.criteria.is_empty() {
            return Err(PlanProblem::NoCriteria);
        }
        if self.sources.is_empty() {
            return Err(PlanProblem::NoSources);
        }
        let number = |field: String, value: f64| {
            if value.is_finite() && value >= 0.0 {
                Ok(())
            } else {
                Err(PlanProblem::BadNumber { field, value })
            }
        };
        number(
            "cost_multipliers.border".into(),
            self.cost_multipliers.border,
        )?;
        number(
            "cost_multipliers.difficult".into(),
            self.cost_multipliers.difficult,
        )?;
        let mut groups_seen: BTreeMap<&str, String> = BTreeMap::new();
        for (g, group) in self.commune_groups.iter().enumerate() {
            let here = format!("commune_groups[{}]", g + 1);
            if let Some(first) = groups_seen.insert(&group.key, here.clone()) {
                return Err(PlanProblem::DuplicateKey {
                    key: group.key.clone(),
                    first,
                    second: here,
                });
            }
        }
        let group_index = |field: &str, key: &str| -> Result<usize, PlanProblem> {
            self.commune_groups
                .iter()
                .position(|g| g.key == key)
                .ok_or_else(|| PlanProblem::UnknownGroup {
                    field: field.to_string(),
                    group: key.to_string(),
                })
        };
        let groups = self.commune_groups.len().max(1);
        let by_group =
            |field: &str, costs: &BTreeMap<String, f64>| -> Result<Vec<Option<f64>>, PlanProblem> {
                let mut out = vec![None; groups];
                for (key, &cost) in costs {
                    let here = format!("{field}.unit_cost_by_group.{key}");
                    let g = group_index(&here, key)?;
                    number(here, cost)?;
                    out[g] = Some(cost);
                }
                Ok(out)
            };
        let applies = |field: &str, list: &Option<Vec<String>>| -> Result<Vec<bool>, PlanProblem> {
            match list {
                None => Ok(vec![true; groups]),
                Some(list) => {
                    let mut out = vec![false; groups];
                    for key in list {
                        out[group_index(&format!("{field}.applies_to"), key)?] = true;
                    }
                    Ok(out)
                }
            }
        };
        let mut keys: BTreeMap<String, String> = BTreeMap::new();
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        let claim =
            |map: &mut BTreeMap<String, String>, value: &str, here: &str, is_key: bool| match map
                .insert(value.to_string(), here.to_string())
            {
                Some(first) if is_key => Err(PlanProblem::DuplicateKey {
                    key: value.to_string(),
                    first,
                    second: here.to_string(),
                }),
                Some(first) => Err(PlanProblem::DuplicateId {
                    id: value.to_string(),
                    first,
                    second: here.to_string(),
                }),
                None => Ok(()),
            };
        let mut items = Vec::new();
        for (k, c) in self.criteria.iter().enumerate() {
            let field = format!("criteria.{}", c.key);
            claim(&mut keys, &c.key, &field, true)?;
            claim(&mut ids, &c.id.to_string(), &field, false)?;
            if !c.group.is_empty() && !self.groups.iter().any(|g| g.key == c.group) {
                return Err(PlanProblem::UnknownGroup {
                    field: format!("{field}.group"),
                    group: c.group.clone(),
                });
            }
            for (name, value) in [("baseline", c.baseline), ("target", c.target)] {
                if self.communes_total > 0 && value > self.communes_total {
                    return Err(PlanProblem::AboveCommunes {
                        field: format!("{field}.{name}"),
                        value,
                        communes: self.communes_total,
                    });
                }
            }
            match (c.unit_cost, c.indicators.is_empty()) {
                (None, true) => return Err(PlanProblem::NoCost { field }),
                (Some(_), false) => return Err(PlanProblem::CostAndIndicators { field }),
                (Some(cost), true) => {
                    number(format!("{field}.unit_cost"), cost)?;
                    items.push(Item {
                        id: c.id.to_string(),
                        key: c.key.clone(),
                        name_vi: c.name_vi.clone(),
                        name_en: c.name_en.clone(),
                        criterion: k,
                        whole_criterion: true,
                        unit_cost: cost,
                        unit_cost_by_group: by_group(&field, &c.unit_cost_by_group)?,
                        applies: applies(&field, &c.applies_to)?,
                        target: c.target,
                        from: c.from.clone(),
                    });
                }
                (None, false) => {
                    for indicator in &c.indicators {
                        let here = format!("{field}.indicators.{}", indicator.key);
                        claim(&mut keys, &indicator.key, &here, true)?;
                        claim(&mut ids, &indicator.id, &here, false)?;
                        number(format!("{here}.unit_cost"), indicator.unit_cost)?;
                        for (name, value) in [
                            ("baseline", indicator.baseline),
                            ("target", indicator.target),
                        ] {
                            match value {
                                Some(value)
                                    if self.communes_total > 0 && value > self.communes_total =>
                                {
                                    return Err(PlanProblem::AboveCommunes {
                                        field: format!("{here}.{name}"),
                                        value,
                                        communes: self.communes_total,
                                    })
                                }
                                _ => {}
                            }
                        }
                        items.push(Item {
                            id: indicator.id.clone(),
                            key: indicator.key.clone(),
                            name_vi: indicator.name_vi.clone(),
                            name_en: indicator.name_en.clone(),
                            criterion: k,
                            whole_criterion: false,
                            unit_cost: indicator.unit_cost,
                            unit_cost_by_group: by_group(&here, &indicator.unit_cost_by_group)?,
                            applies: applies(&here, &indicator.applies_to)?,
                            target: indicator.target.unwrap_or(0),
                            from: indicator.from.clone(),
                        });
                    }
                }
            }
        }
        if items.len() > MAX_ITEMS {
            return Err(PlanProblem::TooManyItems {
                count: items.len(),
                limit: MAX_ITEMS,
            });
        }
        let mut source_keys: BTreeMap<String, String> = BTreeMap::new();
        for s in &self.sources {
            let here = format!("sources.{}", s.key);
            claim(&mut source_keys, &s.key, &here, true)?;
            number(format!("{here}.amount"), s.amount)?;
        }
        self.items = items;
        for (source, list) in &self.default_eligibility {
            let field = format!("default_eligibility.{source}");
            if self.source_index(source).is_none() {
                return Err(PlanProblem::UnknownSource { field });
            }
            if let Some(key) = list.iter().find(|k| self.key_items(k).is_none()) {
                return Err(PlanProblem::UnknownKey {
                    field,
                    key: key.clone(),
                });
            }
        }
        Ok(())
    }

    pub fn criterion_index(&self, key: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.key == key)
    }

    pub fn item_index(&self, key: &str) -> Option<usize> {
        self.items.iter().position(|c| c.key == key)
    }

    pub fn source_index(&self, key: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.key == key)
    }

    pub fn commune_group_index(&self, key: &str) -> Option<usize> {
        self.commune_groups.iter().position(|g| g.key == key)
    }

    /// The items a key of an eligibility list stands for: a criterion's (all of them) or an
    /// item's own.
    pub fn key_items(&self, key: &str) -> Option<ItemSet> {
        if let Some(j) = self.item_index(key) {
            return Some(1 << j);
        }
        let k = self.criterion_index(key)?;
        Some(self.criterion_items(k))
    }

    /// The items of criterion k.
    pub fn criterion_items(&self, k: usize) -> ItemSet {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.criterion == k)
            .fold(0, |mask, (j, _)| mask | (1 << j))
    }

    /// Every item.
    pub fn all_items(&self) -> ItemSet {
        match self.items.len() {
            MAX_ITEMS => ItemSet::MAX,
            n => (1 << n) - 1,
        }
    }

    /// Whether every criterion is its own single item (the plans of §1–7).
    pub fn single_items(&self) -> bool {
        self.items.iter().all(|item| item.whole_criterion)
    }

    /// The plan's funding per source, in source order.
    pub fn funding(&self) -> Vec<f64> {
        self.sources.iter().map(|s| s.amount).collect()
    }

    /// The sum of the sources' amounts (4,770 for Lạng Sơn 2022; the plan states 4,760).
    pub fn funding_total(&self) -> f64 {
        self.funding().iter().sum()
    }

    /// Which items each source may pay for (a source the lists leave out: every item).
    pub fn default_eligibility_masks(&self) -> Vec<ItemSet> {
        self.sources
            .iter()
            .map(|s| match self.default_eligibility.get(&s.key) {
                None => self.all_items(),
                Some(list) => list
                    .iter()
                    .filter_map(|k| self.key_items(k))
                    .fold(0, |mask, m| mask | m),
            })
            .collect()
    }

    pub fn baseline_sum(&self) -> u32 {
        self.criteria.iter().map(|c| c.baseline).sum()
    }

    pub fn target_sum(&self) -> u32 {
        self.criteria.iter().map(|c| c.target).sum()
    }

    /// The unit cost of item j for a commune of group g (its group's where given).
    pub fn unit_cost(&self, j: usize, group: usize) -> f64 {
        let item = &self.items[j];
        item.unit_cost_by_group
            .get(group)
            .copied()
            .flatten()
            .unwrap_or(item.unit_cost)
    }

    /// The items assessed in group g (with no groups, every item).
    pub fn applying_in(&self, group: usize) -> ItemSet {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.applies.get(group).copied().unwrap_or(true))
            .fold(0, |mask, (j, _)| mask | (1 << j))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_plan_has_the_figures_of_model_md() {
        let plan = Plan::lang_son_2022();
        assert_eq!(plan.key, "lang-son-2022");
        assert_eq!(plan.baseline_sum(), 2490);
        assert_eq!(plan.target_sum(), 2648);
        assert_eq!(plan.funding_total(), 4770.0);
        assert_eq!(plan.stated_total.as_ref().map(|t| t.amount), Some(4760.0));
        assert_eq!(plan.targets.certified, 85);
        assert_eq!(plan.items.len(), 19);
        assert!(plan.single_items());
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
    fn a_source_the_lists_leave_out_may_pay_for_every_item() {
        let mut plan = Plan::lang_son_2022();
        plan.default_eligibility.remove("credit");
        let credit = plan.source_index("credit").unwrap();
        assert_eq!(plan.default_eligibility_masks()[credit], plan.all_items());
        plan.default_eligibility.insert("credit".into(), vec![]);
        assert_eq!(plan.default_eligibility_masks()[credit], 0);
    }

    #[test]
    fn a_broken_seed_is_refused_with_a_reason() {
        let broken = crate::formats::seeds::LANG_SON_2022
            .replace("\"key\": \"credit\"", "\"key\": \"loans\"");
        let err = Plan::from_json(&broken).unwrap_err();
        assert!(err.contains("credit") || err.contains("loans"), "{err}");
    }
}
