//! Where the communes are: each unit's official code, the administrative layout it belongs to,
//! its centroid and area, or, for a commune merged away with no place of its own, the unit it
//! went into. Read from `seeds/places.csv` by `formats::places`.

/// Which administrative layout a place belongs to: the same code can name another unit in
/// each (05986 was Hoàng Đồng and is now Tam Thanh).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layout {
    /// The communes as they stood from 2020 to November 2024 (the 2022 plan's table).
    Communes2020,
    /// The units since 1 July 2025.
    Units2025,
}

impl Layout {
    pub fn key(self) -> &'static str {
        match self {
            Layout::Communes2020 => "2020",
            Layout::Units2025 => "2025",
        }
    }

    pub fn from_key(key: &str) -> Option<Layout> {
        [Layout::Communes2020, Layout::Units2025]
            .into_iter()
            .find(|l| l.key() == key)
    }
}

/// One unit's place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub code: String,
    pub layout: Layout,
    /// Centroid latitude and longitude in degrees; `None` for a commune merged away.
    pub at: Option<(f64, f64)>,
    pub area_km2: Option<f64>,
    /// The unit it was merged into in December 2024 (as the source names it: "Xã Khánh
    /// Long"), where it has no place of its own.
    pub merged_into: Option<String>,
}

/// Every place known, sorted by layout and code (a sorted list rather than a hash map: the
/// page's wasm has one map type fewer to carry, and the file comes sorted).
#[derive(Debug, Clone, Default)]
pub struct Places {
    sorted: Vec<Place>,
}

impl Places {
    fn find(&self, layout: Layout, code: &str) -> Result<usize, usize> {
        self.sorted
            .binary_search_by(|p| (p.layout, p.code.as_str()).cmp(&(layout, code)))
    }

    /// Adds a place; gives it back if its layout already has its code.
    pub fn insert(&mut self, place: Place) -> Result<(), Place> {
        match self.find(place.layout, &place.code) {
            Ok(_) => Err(place),
            Err(at) => {
                self.sorted.insert(at, place);
                Ok(())
            }
        }
    }

    pub fn get(&self, layout: Layout, code: &str) -> Option<&Place> {
        self.find(layout, code).ok().map(|at| &self.sorted[at])
    }

    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }
}
