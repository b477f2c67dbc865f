//! The commune table (model.md §3): one row a commune.

use super::plan::CRITERIA;

/// A table larger than every commune of Vietnam several times over is a wrong file.
pub const MAX_COMMUNES: usize = 50_000;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Commune {
    pub id: String,
    pub name: String,
    /// Index into [`CommuneTable::districts`].
    pub district: usize,
    pub border: bool,
    pub difficult: bool,
    pub priority: bool,
    /// Bit k set: the commune meets criterion k (0-based) now.
    pub meets: u32,
    /// The cost given in the file for criteria it does not meet; `None`: the default applies.
    pub cost: [Option<f64>; CRITERIA],
}

impl Commune {
    pub fn meets(&self, k: usize) -> bool {
        self.meets & (1 << k) != 0
    }
    pub fn criteria_met(&self) -> u32 {
        self.meets.count_ones()
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

/// What a column holds.

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
    /// How many communes meet criterion k now.
    pub fn count_meeting(&self, k: usize) -> u32 {
        self.communes.iter().filter(|c| c.meets(k)).count() as u32
    }
}
