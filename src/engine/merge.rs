//! Carrying a commune table into today's communes (model.md §8.4): each new unit is made of
//! the old communes mapped to it (its *parts*), and keeps an item only where every part had
//! what the item is made of (the conservative rule provinces saw after the 2025 mergers).

use super::plan::{ItemSet, Plan};
use super::run::Model;
use super::table::{Commune, CommuneTable};

/// One row of the mapping: an old commune and the unit it went into.
#[derive(Debug, Clone, PartialEq)]
pub struct MappingRow {
    pub old_id: String,
    pub code: String,
    pub name: String,
    /// The unit's commune group (read when the new plan has groups).
    pub group: Option<String>,
    /// The mapping file's line (the header is line 1).
    pub line: u64,
}

/// What stops a merge.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeProblem {
    /// An old commune listed twice in the mapping.
    ListedTwice {
        id: String,
        first_line: u64,
        line: u64,
    },
    /// A commune of the old table the mapping does not list (`row`: its line in the table).
    NotMapped { id: String, row: u64 },
    /// A mapping row without a group, where the new plan has groups.
    NoGroup { line: u64 },
    /// A mapping row whose group the new plan lacks.
    UnknownGroup { line: u64, group: String },
    /// Two rows of one unit giving it different groups.
    GroupsDisagree {
        code: String,
        first: String,
        second: String,
        line: u64,
    },
    /// An item's `from` naming no item of the old plan.
    UnknownFrom { item: String, key: String },
}

/// The new table (§8.4). `old` is the old table with its plan (its costs, the default rule
/// included); `same_plan`: the new plan is the old one, each item made of itself.
pub fn merge(
    old: &Model,
    mapping: &[MappingRow],
    new: &Plan,
    same_plan: bool,
) -> Result<CommuneTable, MergeProblem> {
    // Which rows of the mapping an old id is in (rows for communes not in the table are
    // ignored, but an id listed twice is an error wherever it is).
    let mut by_id: std::collections::HashMap<&str, &MappingRow> = Default::default();
    for row in mapping {
        if let Some(first) = by_id.insert(&row.old_id, row) {
            return Err(MergeProblem::ListedTwice {
                id: row.old_id.clone(),
                first_line: first.line,
                line: row.line,
            });
        }
    }
    // Each new item's old items, as a set of the old plan's items.
    let made_of: Vec<Option<ItemSet>> = new
        .items
        .iter()
        .map(|item| {
            let keys: Vec<&str> = match (&item.from, same_plan) {
                (_, true) => vec![item.key.as_str()],
                (Some(from), false) => from.iter().map(String::as_str).collect(),
                (None, false) => return Ok(None),
            };
            keys.iter()
                .map(|k| {
                    old.plan.item_index(k).map(|j| 1 << j).ok_or_else(|| {
                        MergeProblem::UnknownFrom {
                            item: item.key.clone(),
                            key: k.to_string(),
                        }
                    })
                })
                .try_fold(0, |set, bit| bit.map(|b| set | b))
                .map(Some)
        })
        .collect::<Result<_, _>>()?;
    // The units, in the order of their first part, with their parts.
    let mut units: Vec<(&MappingRow, Vec<usize>)> = Vec::new();
    for (i, c) in old.table.communes.iter().enumerate() {
        let row = by_id
            .get(c.id.as_str())
            .ok_or_else(|| MergeProblem::NotMapped {
                id: c.id.clone(),
                row: i as u64 + 2,
            })?;
        match units.iter_mut().find(|(first, _)| first.code == row.code) {
            Some((first, parts)) => {
                if !new.commune_groups.is_empty() && first.group != row.group {
                    return Err(MergeProblem::GroupsDisagree {
                        code: row.code.clone(),
                        first: first.group.clone().unwrap_or_default(),
                        second: row.group.clone().unwrap_or_default(),
                        line: row.line,
                    });
                }
                parts.push(i);
            }
            None => units.push((row, vec![i])),
        }
    }
    let old_applying: Vec<ItemSet> = (0..old.plan.commune_groups.len().max(1))
        .map(|g| old.plan.applying_in(g))
        .collect();
    let communes = units
        .into_iter()
        .map(|(row, parts)| {
            let group = match (&row.group, new.commune_groups.is_empty()) {
                (_, true) => 0,
                (None, false) => return Err(MergeProblem::NoGroup { line: row.line }),
                (Some(key), false) => {
                    new.commune_group_index(key)
                        .ok_or_else(|| MergeProblem::UnknownGroup {
                            line: row.line,
                            group: key.clone(),
                        })?
                }
            };
            let applies = new.applying_in(group);
            let mut meets: ItemSet = 0;
            let mut cost = vec![None; new.items.len()];
            for (j, old_items) in made_of.iter().enumerate() {
                if applies & (1 << j) == 0 {
                    // Not assessed in the unit's group: met, its cells empty.
                    meets |= 1 << j;
                    continue;
                }
                let Some(old_items) = old_items else { continue };
                let mut pairs = 0;
                let mut met = true;
                let mut sum = 0.0;
                for &i in &parts {
                    let part = &old.table.communes[i];
                    let assessed = old_items & old_applying.get(part.group).copied().unwrap_or(0);
                    for k in (0..old.items()).filter(|&k| assessed & (1 << k) != 0) {
                        pairs += 1;
                        if !part.meets(k) {
                            met = false;
                            sum += old.cost(i, k);
                        }
                    }
                }
                if pairs > 0 {
                    if met {
                        meets |= 1 << j;
                    }
                    cost[j] = Some(sum);
                }
            }
            let any = |f: fn(&Commune) -> bool| parts.iter().any(|&i| f(&old.table.communes[i]));
            Ok(Commune {
                id: row.code.clone(),
                name: row.name.clone(),
                district: 0,
                group,
                border: any(|c| c.border),
                difficult: any(|c| c.difficult),
                priority: any(|c| c.priority),
                meets,
                cost,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CommuneTable {
        communes,
        districts: Vec::new(),
        ignored_columns: Vec::new(),
    })
}
