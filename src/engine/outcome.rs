//! What a year gives (model.md §5.4): each criterion, band, district, the border communes and
//! each source's money.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// A criterion's year (model.md §5.4, §8.3): communes meeting it, and the money of its items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionOutcome {
    pub id: u8,
    pub key: String,
    pub baseline: u32,
    pub met: u32,
    pub target: u32,
    pub investment: f64,
    pub covered: f64,
    pub shortfall: f64,
    pub unused: f64,
    /// Its items, for a criterion that holds indicators (none for a criterion that is its own
    /// item).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemOutcome>,
}

/// An item's year: `met` and `baseline` count the communes it applies to that meet it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemOutcome {
    pub id: String,
    pub key: String,
    pub baseline: u32,
    pub met: u32,
    pub target: u32,
    pub investment: f64,
    pub covered: f64,
    pub shortfall: f64,
    pub unused: f64,
}

/// Communes by criteria met in bands (model.md §5.4 when there are 19 criteria): every
/// criterion, then four ranges whose lower ends are N·15/19, N·10/19, N·5/19 (rounded) and 0;
/// an empty range is left out. Written as an object in this order.
#[derive(Debug, Clone, PartialEq)]
pub struct Bands(pub Vec<(String, u32)>);

impl Bands {
    /// The bands of a histogram of N + 1 entries.
    pub fn of(histogram: &[u32]) -> Bands {
        let n = histogram.len().saturating_sub(1);
        let mut bands = vec![(n.to_string(), histogram.get(n).copied().unwrap_or(0))];
        let mut hi = n as i64 - 1;
        for share in [15.0, 10.0, 5.0, 0.0] {
            let lo = (n as f64 * share / 19.0).round() as i64;
            if lo <= hi {
                let count = histogram[lo as usize..=hi as usize].iter().sum();
                let name = if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo}-{hi}")
                };
                bands.push((name, count));
                hi = lo - 1;
            }
        }
        Bands(bands)
    }

    /// The communes in the band named `name`.
    pub fn get(&self, name: &str) -> Option<u32> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, c)| *c)
    }
}

impl Serialize for Bands {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistrictOutcome {
    pub name: String,
    pub communes: u32,
    pub certified: u32,
    pub avg_criteria: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct BorderOutcome {
    pub communes: u32,
    /// `None` when the table has no border commune: an average of nothing is not 0 (model.md
    /// §8.3 writes it as `null`), so no surface can print one by forgetting.
    pub avg_criteria: Option<f64>,
    /// Not in the command line's JSON (model.md §5.4 lists communes and average only).
    #[serde(skip)]
    pub certified: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceOutcome {
    pub key: String,
    pub pledged: f64,
    pub arrived: f64,
    pub idle: f64,
    /// What it paid for, by item key, in item order (only what it paid).
    #[serde(serialize_with = "ordered_map")]
    pub to: Vec<(String, f64)>,
}

fn ordered_map<S: Serializer>(pairs: &[(String, f64)], serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FundingOutcome {
    pub sources: Vec<SourceOutcome>,
    pub idle: f64,
    pub shortfall: f64,
}

/// The results of one run (model.md §5.4), and each commune's criteria after the year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub certified: u32,
    pub certified_baseline: u32,
    pub newly_certified: Vec<String>,
    pub avg_criteria: f64,
    pub criteria: Vec<CriterionOutcome>,
    pub histogram: Vec<u32>,
    pub bands: Bands,
    pub districts: Vec<DistrictOutcome>,
    pub border: BorderOutcome,
    pub funding: FundingOutcome,
    /// The fewest criteria any commune meets at the end of the year.
    #[serde(skip)]
    pub min_criteria: u32,
    /// Bit j of entry i: commune i meets item j at the end of the year.
    #[serde(skip)]
    pub meets: Vec<crate::engine::ItemSet>,
    /// Every item's year, in the plan's order (for a plan of single-item criteria, one a
    /// criterion).
    #[serde(skip)]
    pub items: Vec<ItemOutcome>,
}
