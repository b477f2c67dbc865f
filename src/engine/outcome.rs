//! What a year gives (model.md §5.4): each criterion, band, district, the border communes and
//! each source's money.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

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
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bands {
    #[serde(rename = "19")]
    pub all: u32,
    #[serde(rename = "15-18")]
    pub b15_18: u32,
    #[serde(rename = "10-14")]
    pub b10_14: u32,
    #[serde(rename = "5-9")]
    pub b5_9: u32,
    #[serde(rename = "0-4")]
    pub b0_4: u32,
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
    /// What it paid for, by criterion key, in criterion order (only what it paid).
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
    /// Bit k of entry i: commune i meets criterion k at the end of the year.
    #[serde(skip)]
    pub meets: Vec<u32>,
}
