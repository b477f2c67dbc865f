//! `seeds/places.csv`, where the communes are (`engine::places`): one row a unit with its
//! official code, the layout it belongs to (the communes of 2020–2024, or the units since
//! 1 July 2025), its centroid and area, and, for a commune merged away with no place of its
//! own, the unit it went into. `generate-places` writes it from the facts in `seeds/admin/`;
//! the page loads it with the map.

use crate::engine::places::{Layout, Place, Places};
use std::collections::HashMap;

impl Places {
    /// Reads `seeds/places.csv`.
    pub fn from_csv(text: &str) -> Result<Places, String> {
        let mut places = Places::default();
        let mut lines = text.lines();
        let header = lines.next().unwrap_or_default();
        if header != HEADER {
            return Err(format!("places: the header is {header:?}, not {HEADER:?}"));
        }
        for (n, line) in lines.enumerate() {
            let at = |what: &str| format!("places, line {}: {what}", n + 2);
            let fields: Vec<&str> = line.split(',').collect();
            let [code, layout, lat, lon, area, merged_into] = fields[..] else {
                return Err(at("not six fields"));
            };
            let layout = Layout::from_key(layout).ok_or_else(|| at("no such layout"))?;
            let number = |s: &str| -> Result<Option<f64>, String> {
                if s.is_empty() {
                    Ok(None)
                } else {
                    s.parse::<f64>()
                        .ok()
                        .filter(|x| x.is_finite())
                        .map(Some)
                        .ok_or_else(|| at(&format!("{s:?} is not a number")))
                }
            };
            let at_place = match (number(lat)?, number(lon)?) {
                (Some(lat), Some(lon)) => Some((lat, lon)),
                (None, None) => None,
                _ => return Err(at("a latitude without a longitude")),
            };
            let place = Place {
                code: code.to_string(),
                layout,
                at: at_place,
                area_km2: number(area)?,
                merged_into: (!merged_into.is_empty()).then(|| merged_into.to_string()),
            };
            if places.insert(place).is_err() {
                return Err(at(&format!("code {code} twice")));
            }
        }
        Ok(places)
    }
}

const HEADER: &str = "code,layout,lat,lon,area_km2,merged_into";

/// Writes `seeds/places.csv` from the facts: the 2020–2024 communes' places (and, for those
/// merged away, the unit they went into, from the 2022 → 2025 mapping's `via`) and every
/// unit since July 2025. Sorted by layout and code, so it is reproduced byte for byte.
pub fn compile(places_2020: &str, merges: &str, units_2025: &str) -> Result<String, String> {
    let rows = |text: &str, name: &str| -> Result<Vec<HashMap<String, String>>, String> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| format!("{name}: {e}"))?
            .iter()
            .map(str::to_string)
            .collect();
        reader
            .records()
            .map(|r| {
                let r = r.map_err(|e| format!("{name}: {e}"))?;
                Ok(header
                    .iter()
                    .cloned()
                    .zip(r.iter().map(str::to_string))
                    .collect())
            })
            .collect()
    };
    let field = |row: &HashMap<String, String>, key: &str, name: &str| {
        row.get(key)
            .cloned()
            .ok_or_else(|| format!("{name}: no column {key}"))
    };
    let via: HashMap<String, String> = rows(merges, "merge")?
        .iter()
        .filter_map(|r| {
            let code = r.get("commune_code")?;
            let via = r.get("via").filter(|v| !v.is_empty())?;
            // "Xã Khánh Long (December 2024)": the unit's name, without the source's date.
            let name = via.split(" (").next().unwrap_or(via).trim();
            Some((code.clone(), name.to_string()))
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    for r in rows(places_2020, "places 2020")? {
        let code = field(&r, "commune_code", "places 2020")?;
        let (lat, lon) = (
            field(&r, "lat", "places 2020")?,
            field(&r, "lon", "places 2020")?,
        );
        let merged_into = if lat.is_empty() {
            via.get(&code)
                .cloned()
                .ok_or_else(|| format!("places 2020: {code} has no place and no successor"))?
        } else {
            String::new()
        };
        out.push(format!("{code},2020,{lat},{lon},,{merged_into}"));
    }
    for r in rows(units_2025, "units 2025")? {
        out.push(format!(
            "{},2025,{},{},{},",
            field(&r, "code", "units 2025")?,
            field(&r, "lat", "units 2025")?,
            field(&r, "lon", "units 2025")?,
            field(&r, "area_km2", "units 2025")?
        ));
    }
    out.sort_by(|a, b| {
        let key = |s: &str| (s[6..10].to_string(), s[..5].to_string());
        key(a).cmp(&key(b))
    });
    Ok(format!("{HEADER}\n{}\n", out.join("\n")))
}
