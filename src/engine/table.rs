//! The commune table (model.md §3, §8.2): one row a commune.

use super::plan::ItemSet;

/// A table larger than every commune of Vietnam several times over is a wrong file.
pub const MAX_COMMUNES: usize = 50_000;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Commune {
    pub id: String,
    pub name: String,
    /// Index into [`CommuneTable::districts`].
    pub district: usize,
    /// Index into the plan's commune groups (0 where the plan has none).
    #[serde(default)]
    pub group: usize,
    pub border: bool,
    pub difficult: bool,
    pub priority: bool,
    /// Bit j set: the commune meets item j (0-based) now. An item that does not apply to the
    /// commune's group counts as met (model.md §8.2).
    pub meets: ItemSet,
    /// The cost given in the file for items it does not meet, by item; `None`: the default
    /// applies.
    pub cost: Vec<Option<f64>>,
}

impl Commune {
    pub fn meets(&self, j: usize) -> bool {
        self.meets & (1 << j) != 0
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CommuneTable {
    pub communes: Vec<Commune>,
    /// District names in the order they first appear.
    pub districts: Vec<String>,
    /// Columns of the file that the model does not use (kept out, reported in previews).
    pub ignored_columns: Vec<String>,
}

impl CommuneTable {
    /// Whether the table has districts (a table of the two-tier government since July 2025
    /// has none).
    pub fn has_districts(&self) -> bool {
        !self.districts.is_empty()
    }

    /// The district of a commune, where the table has districts.
    pub fn district_name(&self, commune: &Commune) -> Option<&str> {
        self.districts.get(commune.district).map(String::as_str)
    }
}
