//! The map of the communes, as every surface shows it: each commune of the table in use at its
//! place (matched by official code, in the administrative layout that holds most of the
//! table's codes), projected so the province keeps its shape, sized by its area where known;
//! its colour class (criteria met, or its chance of being certified in the risk draws); and
//! the words of the legend, a commune's line and the list of communes with no place.

use crate::engine::path::PathOutcome;
use crate::engine::places::{Layout, Places};
use crate::engine::run::Shape;
use crate::engine::{CommuneTable, ItemSet};
use crate::text::number::{number, percent};
use crate::text::sentences as t;
use crate::text::Lang;

/// Where on the picture the communes go, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// A commune with a place: its row in the table, its projected centre and its mark's radius.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub row: usize,
    pub x: f64,
    pub y: f64,
    pub radius: f64,
}

/// A commune of the table with no place: none matched its code, or it was merged away.
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    pub row: usize,
    /// The unit it went into, where the places say so.
    pub merged_into: Option<String>,
}

/// The table in use laid out on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// The layout whose codes the table's match (none when no code matched).
    pub layout: Option<Layout>,
    pub marks: Vec<Mark>,
    pub unplaced: Vec<Unplaced>,
    /// Kilometres a pixel, for the scale bar.
    pub km_per_px: f64,
}

/// A mark's radius for a unit of unknown area, when no unit of the table has one: this share
/// of the median distance to the nearest other commune, so neighbours barely touch.
const SPACING_SHARE: f64 = 0.42;
/// Radii in pixels, so that the smallest unit stays visible and the largest does not hide its
/// neighbours.
const SMALLEST: f64 = 2.0;
const LARGEST: f64 = 26.0;
/// A mark covers this share of its unit's true-to-scale disc, so that neighbours stay apart.
const AREA_SHARE: f64 = 0.8;
const KM_A_DEGREE: f64 = 111.32;

/// Lays out `table` on `frame`: each commune's place by its code in the layout that holds most
/// of the table's codes; longitude scaled by the cosine of the middle latitude (an
/// equirectangular projection, true in shape at a province's size), fitted to the frame.
pub fn lay_out(table: &CommuneTable, places: &Places, frame: Frame) -> MapLayout {
    let matching = |layout: Layout| {
        table
            .communes
            .iter()
            .filter(|c| places.get(layout, &place_code(&c.id)).is_some())
            .count()
    };
    let layout = [Layout::Units2025, Layout::Communes2020]
        .into_iter()
        .map(|l| (l, matching(l)))
        .filter(|&(_, n)| n > 0)
        // The most matches; on a tie, the layout of today.
        .fold(None, |best: Option<(Layout, usize)>, (l, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((l, n)),
        })
        .map(|(l, _)| l);
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    for (row, c) in table.communes.iter().enumerate() {
        let place = layout.and_then(|l| places.get(l, &place_code(&c.id)));
        match place.and_then(|p| p.at.map(|at| (at, p.area_km2))) {
            Some((at, area)) => placed.push((row, at, area)),
            None => unplaced.push(Unplaced {
                row,
                merged_into: place.and_then(|p| p.merged_into.clone()),
            }),
        }
    }
    if placed.is_empty() {
        return MapLayout {
            layout,
            marks: Vec::new(),
            unplaced,
            km_per_px: 0.0,
        };
    }
    let (mut south, mut north, mut west, mut east) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(_, (lat, lon), _) in &placed {
        south = south.min(lat);
        north = north.max(lat);
        west = west.min(lon);
        east = east.max(lon);
    }
    let squeeze = cos_of_latitude((south + north) / 2.0);
    // Degrees of latitude a pixel; a margin for the largest mark.
    let span_x = ((east - west) * squeeze).max(1e-6);
    let span_y = (north - south).max(1e-6);
    let inner = (frame.width - 2.0 * LARGEST, frame.height - 2.0 * LARGEST);
    let px_a_degree = (inner.0 / span_x).min(inner.1 / span_y);
    // From the middle, so that a lone commune (or a row of them) sits in the frame's middle.
    let (middle_x, middle_y) = (
        frame.left + frame.width / 2.0,
        frame.top + frame.height / 2.0,
    );
    let (middle_lon, middle_lat) = ((west + east) / 2.0, (south + north) / 2.0);
    let km_per_px = KM_A_DEGREE / px_a_degree;
    let mut marks: Vec<Mark> = placed
        .iter()
        .map(|&(row, (lat, lon), area)| Mark {
            row,
            x: middle_x + (lon - middle_lon) * squeeze * px_a_degree,
            y: middle_y + (middle_lat - lat) * px_a_degree,
            radius: area
                .map(|a| (AREA_SHARE * a / std::f64::consts::PI).sqrt() / km_per_px)
                .unwrap_or(f64::NAN),
        })
        .collect();
    let mut known: Vec<f64> = marks
        .iter()
        .map(|m| m.radius)
        .filter(|r| r.is_finite())
        .collect();
    let unknown = if known.is_empty() {
        SPACING_SHARE * median_nearest(&marks)
    } else {
        known.sort_by(f64::total_cmp);
        known[known.len() / 2]
    };
    for m in &mut marks {
        if !m.radius.is_finite() {
            m.radius = unknown;
        }
        m.radius = m.radius.clamp(SMALLEST, LARGEST);
    }
    MapLayout {
        layout,
        marks,
        unplaced,
        km_per_px,
    }
}

/// The cosine of a latitude in degrees, by its Taylor series to the x⁸ term: within 1e-8 up
/// to 35°, and places are Vietnam's (8–24°N). `f64::cos` would bring the general argument
/// reduction into the page's wasm (5 KB before wasm-opt, measured) for this one number.
fn cos_of_latitude(degrees: f64) -> f64 {
    let x2 = degrees.to_radians().powi(2);
    1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0)))
}

/// The median distance from a mark to its nearest other mark (the 2020–2024 places have no
/// area; they are a province's 181 communes, so the quadratic search is small).
fn median_nearest(marks: &[Mark]) -> f64 {
    let mut nearest: Vec<f64> = marks
        .iter()
        .enumerate()
        .map(|(i, a)| {
            marks
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, b)| (a.x - b.x).hypot(a.y - b.y))
                .fold(f64::MAX, f64::min)
        })
        .filter(|d| *d < f64::MAX)
        .collect();
    if nearest.is_empty() {
        return LARGEST / SPACING_SHARE / 2.0;
    }
    nearest.sort_by(f64::total_cmp);
    nearest[nearest.len() / 2]
}

impl MapLayout {
    /// The mark nearest to a point within its radius and a few pixels more (a pointer's
    /// reach), among the communes `kept` (by row: the grid's filters), if any.
    pub fn mark_at(&self, x: f64, y: f64, kept: &[Standing]) -> Option<&Mark> {
        self.marks
            .iter()
            .filter(|m| kept.get(m.row).is_some_and(|s| s.kept))
            .map(|m| (m, (m.x - x).hypot(m.y - y)))
            .filter(|(m, d)| *d <= m.radius + 4.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(m, _)| m)
    }

    /// The next mark from `from` in a direction (arrow keys): the nearest one kept by the
    /// filters that lies that way, counting a sideways step double.
    pub fn next_mark(&self, from: usize, direction: Direction, kept: &[Standing]) -> Option<usize> {
        let a = self.marks.get(from)?;
        let (ux, uy) = match direction {
            Direction::Left => (-1.0, 0.0),
            Direction::Right => (1.0, 0.0),
            Direction::Up => (0.0, -1.0),
            Direction::Down => (0.0, 1.0),
        };
        self.marks
            .iter()
            .enumerate()
            .filter_map(|(j, b)| {
                let (dx, dy) = (b.x - a.x, b.y - a.y);
                let along = dx * ux + dy * uy;
                let across = (dx * uy - dy * ux).abs();
                let usable = kept.get(b.row).is_some_and(|s| s.kept);
                (j != from && usable && along > 0.0).then_some((j, along + 2.0 * across))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(j, _)| j)
    }
}

/// Arrow keys on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

/// What a mark's colour says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Colouring {
    /// Criteria met at the end of the year shown (certified its own class).
    #[default]
    CriteriaMet,
    /// The commune's chance of being certified, over the risk draws made.
    ChanceCertified,
}

impl Colouring {
    pub const ALL: [Colouring; 2] = [Colouring::CriteriaMet, Colouring::ChanceCertified];

    /// Its value in the page's list.
    pub fn key(self) -> &'static str {
        match self {
            Colouring::CriteriaMet => "criteria",
            Colouring::ChanceCertified => "chance",
        }
    }

    pub fn from_key(key: &str) -> Colouring {
        Self::ALL
            .into_iter()
            .find(|c| c.key() == key)
            .unwrap_or_default()
    }
}

/// The number of colour classes; class 0 is the best (certified, or nearly sure to be).
pub const CLASSES: usize = 5;

/// A commune's class by the criteria it still misses: 0 (certified), 1–2, 3–4, 5–8, 9 or more.
pub fn missing_class(missing: u32) -> usize {
    match missing {
        0 => 0,
        1..=2 => 1,
        3..=4 => 2,
        5..=8 => 3,
        _ => 4,
    }
}

/// A commune's class by its chance of being certified: 90% or more, 70–90%, 30–70%, 10–30%,
/// under 10%.
pub fn chance_class(chance: f64) -> usize {
    [0.9, 0.7, 0.3, 0.1]
        .iter()
        .position(|&floor| chance >= floor - 1e-12)
        .unwrap_or(4)
}

/// The legend's words for each class, best first.
pub fn class_labels(colouring: Colouring, lang: Lang) -> [String; CLASSES] {
    match colouring {
        Colouring::CriteriaMet => [
            lang.say(t::HEADING_CERTIFIED).to_string(),
            lang.fill(t::MAP_CLASS_MISSING, &[("from", &1), ("to", &2)]),
            lang.fill(t::MAP_CLASS_MISSING, &[("from", &3), ("to", &4)]),
            lang.fill(t::MAP_CLASS_MISSING, &[("from", &5), ("to", &8)]),
            lang.fill(t::MAP_CLASS_MISSING_OR_MORE, &[("from", &9)]),
        ],
        Colouring::ChanceCertified => {
            let p = |x: f64| percent(x, 0, lang);
            [
                lang.fill(t::MAP_CLASS_CHANCE_AT_LEAST, &[("from", &p(0.9))]),
                lang.fill(t::MAP_CLASS_CHANCE, &[("from", &p(0.7)), ("to", &p(0.9))]),
                lang.fill(t::MAP_CLASS_CHANCE, &[("from", &p(0.3)), ("to", &p(0.7))]),
                lang.fill(t::MAP_CLASS_CHANCE, &[("from", &p(0.1)), ("to", &p(0.3))]),
                lang.fill(t::MAP_CLASS_CHANCE_UNDER, &[("to", &p(0.1))]),
            ]
        }
    }
}

/// One commune as the map shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    /// Criteria met at the start of the year shown and at its end.
    pub start: ItemSet,
    pub end: ItemSet,
    /// At the end of the year under the plan itself, where the year shown has one to compare
    /// with (the scenario on screen; a year of the path has none).
    pub plan_end: Option<ItemSet>,
    /// Its chance of being certified in the risk draws, where they are what is shown.
    pub chance: Option<f64>,
    /// Kept by the communes grid's filters.
    pub kept: bool,
}

impl Standing {
    /// Its colour class (see [`missing_class`], [`chance_class`]).
    pub fn class(&self, criteria: usize) -> usize {
        match self.chance {
            Some(c) => chance_class(c),
            None => missing_class(criteria as u32 - self.end.count_ones().min(criteria as u32)),
        }
    }

    /// It gained a criterion in the year shown: where the year's money landed.
    pub fn gained(&self) -> bool {
        self.end & !self.start != 0
    }

    /// This scenario leaves it otherwise than the plan would.
    pub fn changed(&self) -> bool {
        self.plan_end.is_some_and(|p| p != self.end)
    }
}

/// What the map is asked to show, from the results in force.
pub struct Shown<'a> {
    /// The year's end on screen, and under the plan.
    pub on_screen: &'a [ItemSet],
    pub plan: &'a [ItemSet],
    /// The year of the path asked for: its start (`None` for the path's first year: the
    /// table's own) and its end.
    pub path_year: Option<(Option<&'a [ItemSet]>, &'a [ItemSet])>,
    /// Each commune's chance of being certified, where the colour shows it.
    pub chance: Option<&'a [f64]>,
    /// The rows the grid's filters keep.
    pub kept: &'a [usize],
}

/// Each commune's standing, by row. A result of another table (a path or risk run not yet
/// redone after an import) is not used: the scenario on screen stands in for a stale path
/// year, and the criteria for a stale chance.
pub fn standings(table: &CommuneTable, shape: &Shape, shown: &Shown) -> Vec<Standing> {
    let n = table.communes.len();
    let fits = |v: &[ItemSet]| v.len() == n;
    let mut kept = vec![false; n];
    for &i in shown.kept {
        if let Some(k) = kept.get_mut(i) {
            *k = true;
        }
    }
    let path_year = shown
        .path_year
        .filter(|(start, end)| fits(end) && start.is_none_or(fits));
    let chance = shown.chance.filter(|c| c.len() == n);
    let plan = fits(shown.plan).then_some(shown.plan);
    (0..n)
        .map(|i| {
            let from_table = table.communes[i].meets;
            let (start, end, plan_end) = match path_year {
                Some((start, end)) => (start.map_or(from_table, |s| s[i]), end[i], None),
                None => (
                    from_table,
                    shown.on_screen.get(i).copied().unwrap_or(from_table),
                    plan.map(|p| p[i]),
                ),
            };
            // Bits of criteria met, not of items: what the map's classes count.
            Standing {
                start: shape.criteria_set(start),
                end: shape.criteria_set(end),
                plan_end: plan_end.map(|p| shape.criteria_set(p)),
                chance: chance.map(|c| c[i]),
                kept: kept[i],
            }
        })
        .collect()
}

/// The year of the path asked for, where the path has it worked out for a table of
/// `communes`: (year, its start, or `None` for the path's first year, and its end).
pub fn path_year(
    path: &PathOutcome,
    asked: Option<u16>,
    communes: usize,
) -> Option<(u16, Option<&[ItemSet]>, &[ItemSet])> {
    let asked = asked?;
    let at = path.years.iter().position(|y| y.year == asked)?;
    let end = &path.years[at].outcome.meets;
    let start = at
        .checked_sub(1)
        .map(|b| path.years[b].outcome.meets.as_slice());
    (end.len() == communes && start.is_none_or(|s| s.len() == communes)).then_some((
        asked,
        start,
        end.as_slice(),
    ))
}

/// An official code as the places write it: a code of digits only is five digits, so a code
/// that lost its leading zeros in a spreadsheet (5986 for 05986) still finds its place.
pub fn place_code(code: &str) -> std::borrow::Cow<'_, str> {
    let code = code.trim();
    if !code.is_empty() && code.len() < 5 && code.bytes().all(|b| b.is_ascii_digit()) {
        std::borrow::Cow::Owned(format!("{code:0>5}"))
    } else {
        std::borrow::Cow::Borrowed(code)
    }
}

/// A commune's line (hover, keyboard focus): name, district, criteria met at the year's end of
/// how many, gained in the year, certified, border, the chance in the draws.
pub fn describe(
    table: &CommuneTable,
    row: usize,
    standing: &Standing,
    criteria: usize,
    lang: Lang,
) -> String {
    let Some(c) = table.communes.get(row) else {
        return String::new();
    };
    let mut parts = vec![c.name.clone()];
    if let Some(d) = table.district_name(c) {
        parts.push(d.to_string());
    }
    let met = standing.end.count_ones();
    parts.push(lang.fill(
        t::MAP_COMMUNE_CRITERIA,
        &[("met", &met), ("criteria", &criteria)],
    ));
    if standing.gained() {
        let gained = (standing.end & !standing.start).count_ones();
        parts.push(lang.fill(t::MAP_COMMUNE_GAINED, &[("gained", &gained)]));
    }
    if met as usize == criteria {
        parts.push(lang.say(t::HEADING_CERTIFIED).to_string());
    }
    if standing.changed() {
        parts.push(lang.say(t::MAP_COMMUNE_CHANGED).to_string());
    }
    if c.border {
        parts.push(lang.say(t::MAP_BORDER_COMMUNE).to_string());
    }
    if let Some(chance) = standing.chance {
        parts.push(lang.fill(
            t::MAP_COMMUNE_CHANCE,
            &[("chance", &percent(chance, 0, lang))],
        ));
    }
    parts.join(" · ")
}

/// The line under the map naming the communes with no place, or `None` when every commune has
/// one.
pub fn unplaced_line(table: &CommuneTable, layout: &MapLayout, lang: Lang) -> Option<String> {
    if layout.unplaced.is_empty() {
        return None;
    }
    let names: Vec<String> = layout
        .unplaced
        .iter()
        .filter_map(|u| {
            let name = &table.communes.get(u.row)?.name;
            Some(match &u.merged_into {
                Some(into) => lang.fill(t::MAP_MERGED_INTO, &[("name", name), ("into", into)]),
                None => name.clone(),
            })
        })
        .collect();
    Some(lang.fill(
        t::MAP_UNPLACED,
        &[
            ("count", &layout.unplaced.len()),
            ("names", &names.join(", ")),
        ],
    ))
}

/// The source line: where the places come from, and which layout's they are.
pub fn source_line(layout: &MapLayout, lang: Lang) -> String {
    let which = match layout.layout {
        Some(Layout::Communes2020) => lang.say(t::MAP_LAYOUT_2020),
        Some(Layout::Units2025) => lang.say(t::MAP_LAYOUT_2025),
        None => lang.say(t::MAP_LAYOUT_NONE),
    };
    format!("{} · {which}", lang.say(t::MAP_SOURCE))
}

/// A round length for the scale bar at most `max_px` long: (kilometres, pixels).
pub fn scale_bar(layout: &MapLayout, max_px: f64, lang: Lang) -> Option<(String, f64)> {
    if layout.km_per_px <= 0.0 {
        return None;
    }
    let most = max_px * layout.km_per_px;
    let km = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0]
        .into_iter()
        .rev()
        .find(|&k| k <= most)?;
    Some((format!("{} km", number(km, 0, lang)), km / layout.km_per_px))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_latitudes_cosine_is_the_cosine_where_places_are() {
        for tenth in 0..=350 {
            let degrees = f64::from(tenth) / 10.0;
            let error = (super::cos_of_latitude(degrees) - degrees.to_radians().cos()).abs();
            assert!(error < 1e-8, "{degrees}°: {error}");
        }
    }
}
