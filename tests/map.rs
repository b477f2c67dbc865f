//! The map of the communes, natively: places read and reproduced, each commune at its
//! projected place, sized and coloured as its standing says, the communes with no place
//! counted and named, the picture drawn as SVG in both languages.

mod common;

use ntm_planner::charts::map::{map_svg, MapPicture, CLASS_COLOURS, FRAME};
use ntm_planner::engine::places::{Layout, Places};
use ntm_planner::engine::{CommuneTable, Model, Scenario};
use ntm_planner::formats::places::compile;
use ntm_planner::show::map::{
    chance_class, describe, lay_out, missing_class, unplaced_line, Colouring, Direction, MapLayout,
    Standing,
};
use ntm_planner::text::Lang;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap()
}

fn places() -> Places {
    Places::from_csv(&read("seeds/places.csv")).unwrap()
}

/// The great-circle distance in km between two (lat, lon) in degrees.
fn km_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

fn mark_of<'a>(
    layout: &'a MapLayout,
    table: &CommuneTable,
    name: &str,
) -> &'a ntm_planner::show::map::Mark {
    let row = table.communes.iter().position(|c| c.name == name).unwrap();
    layout.marks.iter().find(|m| m.row == row).unwrap()
}

#[test]
fn the_places_seed_is_what_generate_places_writes_from_the_facts() {
    let compiled = compile(
        &read("seeds/admin/communes-lang-son-2022-places.csv"),
        &read("seeds/admin/merge-lang-son-2025.csv"),
        &read("seeds/admin/communes-vietnam-2025.csv"),
    )
    .unwrap();
    assert!(
        compiled == read("seeds/places.csv"),
        "seeds/places.csv is stale: run cargo run --bin generate-places"
    );
    let p = places();
    assert_eq!(p.len(), 181 + 3321);
    let hoang_dong = p.get(Layout::Communes2020, "05986").unwrap();
    assert_eq!(hoang_dong.at, Some((21.89540, 106.74285)));
    // The same code names another unit since 2025.
    let tam_thanh = p.get(Layout::Units2025, "05986").unwrap();
    assert_eq!(tam_thanh.at, Some((21.88370, 106.74300)));
    assert_eq!(tam_thanh.area_km2, Some(27.35));
    let vinh_tien = p.get(Layout::Communes2020, "06007").unwrap();
    assert_eq!(
        (vinh_tien.at, vinh_tien.merged_into.as_deref()),
        (None, Some("Xã Khánh Long"))
    );
}

#[test]
fn a_broken_places_file_is_refused_with_its_line() {
    let header = "code,layout,lat,lon,area_km2,merged_into\n";
    for (body, says) in [
        ("1,2025,21,106,,\n1,2025,22,106,,\n", "line 3: code 1 twice"),
        ("1,2025,x,106,,\n", "line 2: \"x\" is not a number"),
        ("1,2025,21,,,\n", "line 2: a latitude without a longitude"),
        ("1,2030,21,106,,\n", "line 2: no such layout"),
        ("1,2025,21,106\n", "line 2: not six fields"),
    ] {
        let e = Places::from_csv(&format!("{header}{body}")).unwrap_err();
        assert!(e.contains(says), "{e}");
    }
    assert!(Places::from_csv("code,lat\n")
        .unwrap_err()
        .contains("header"));
    // The same code in the two layouts is two places.
    assert_eq!(
        Places::from_csv(&format!("{header}1,2025,21,106,,\n1,2020,21,106,,\n"))
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_commune_of_known_coordinates_is_at_its_projected_place() {
    let table = CommuneTable::shipped();
    let layout = lay_out(&table, &places(), FRAME);
    assert_eq!(layout.layout, Some(Layout::Communes2020));
    let a = mark_of(&layout, &table, "Hoàng Đồng");
    let b = mark_of(&layout, &table, "Khánh Long");
    let (pa, pb) = ((21.89540, 106.74285), (22.41484, 106.28237));
    // North up, west left.
    assert!(b.y < a.y && b.x < a.x);
    // Distances and bearings kept: the pixels between them, at the map's scale, are the
    // kilometres between them (to 1%), and the east–west share is the cosine-scaled one.
    let px = (a.x - b.x).hypot(a.y - b.y);
    let km = km_between(pa, pb);
    assert!(
        (px * layout.km_per_px / km - 1.0).abs() < 0.01,
        "{px} px × {} = {km} km?",
        layout.km_per_px
    );
    let squeeze = ((21.89540f64 + 22.41484) / 2.0).to_radians().cos();
    // (the projection's middle latitude is the province's, not this pair's: within 0.5%)
    let want = (106.74285 - 106.28237) * squeeze / (22.41484 - 21.89540);
    let got = (a.x - b.x) / (a.y - b.y);
    assert!((got / want - 1.0).abs() < 0.005, "{got} against {want}");
    // Every mark inside the frame.
    for m in &layout.marks {
        assert!(
            m.x - m.radius >= FRAME.left - 0.5 && m.x + m.radius <= FRAME.left + FRAME.width + 0.5
        );
        assert!(
            m.y - m.radius >= FRAME.top - 0.5 && m.y + m.radius <= FRAME.top + FRAME.height + 0.5
        );
    }
}

#[test]
fn the_2022_table_places_176_communes_and_names_the_5_merged_away() {
    let table = CommuneTable::shipped();
    let layout = lay_out(&table, &places(), FRAME);
    assert_eq!((layout.marks.len(), layout.unplaced.len()), (176, 5));
    let vi = unplaced_line(&table, &layout, Lang::Vi).unwrap();
    assert!(
        vi.starts_with("5 xã không có vị trí")
            && vi.contains("Vĩnh Tiến (đã sáp nhập vào Xã Khánh Long)"),
        "{vi}"
    );
    let en = unplaced_line(&table, &layout, Lang::En).unwrap();
    assert!(
        en.contains("5 communes have no place")
            && en.contains("Sơn Hà (merged into Thị trấn Hữu Lũng)"),
        "{en}"
    );
    // No area in the 2020–2024 places: one size for all, from the spacing.
    let r = layout.marks[0].radius;
    assert!(
        layout.marks.iter().all(|m| m.radius == r) && r > 3.0 && r < 20.0,
        "{r}"
    );
}

/// A table of today's units, as an office would import it (no district column).
fn table_2025(rows: &[(String, String)]) -> CommuneTable {
    let csv = common::units_table_csv(rows, |i, k| k <= i % 19, |_| false);
    CommuneTable::from_csv(csv.as_bytes(), "test.csv").unwrap()
}

#[test]
fn todays_units_are_placed_by_their_2025_codes_and_sized_by_area() {
    let table = table_2025(&common::units_2025("communes-lang-son-2025.csv"));
    let layout = lay_out(&table, &places(), FRAME);
    assert_eq!(layout.layout, Some(Layout::Units2025));
    assert_eq!((layout.marks.len(), layout.unplaced.len()), (65, 0));
    // A larger unit has a larger mark: Đoàn Kết (240.66 km²) against Tam Thanh (27.35 km²).
    let big = mark_of(&layout, &table, "Đoàn Kết");
    let small = mark_of(&layout, &table, "Tam Thanh");
    assert!(
        big.radius > 2.0 * small.radius,
        "{} {}",
        big.radius,
        small.radius
    );
    assert!(unplaced_line(&table, &layout, Lang::En).is_none());
}

#[test]
fn codes_with_no_place_are_counted_and_listed_never_dropped() {
    let named = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(c, n)| (c.to_string(), n.to_string()))
            .collect()
    };
    let table = table_2025(&named(&[
        ("05986", "Tam Thanh"),
        ("99998", "Nowhere"),
        ("99999", "Elsewhere"),
    ]));
    let layout = lay_out(&table, &places(), FRAME);
    assert_eq!((layout.marks.len(), layout.unplaced.len()), (1, 2));
    let en = unplaced_line(&table, &layout, Lang::En).unwrap();
    assert_eq!(
        en,
        "2 communes have no place on the map: Nowhere, Elsewhere."
    );
    let none = lay_out(&table_2025(&named(&[("x1", "A")])), &places(), FRAME);
    assert_eq!(
        (none.layout, none.marks.len(), none.unplaced.len()),
        (None, 0, 1)
    );
}

#[test]
fn a_communes_class_follows_the_criteria_it_misses_or_its_chance() {
    let classes: Vec<usize> = (0..=19).map(missing_class).collect();
    assert_eq!(
        classes,
        [0, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]
    );
    let chances: Vec<usize> = [1.0, 0.9, 0.89, 0.7, 0.69, 0.3, 0.29, 0.1, 0.09, 0.0]
        .into_iter()
        .map(chance_class)
        .collect();
    assert_eq!(chances, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    let all = (1u32 << 19) - 1;
    let s = Standing {
        start: all >> 3,
        end: all,
        chance: None,
        kept: true,
    };
    assert!(s.gained() && s.class(19) == 0);
    let s = Standing {
        start: all >> 3,
        end: all >> 3,
        chance: Some(0.5),
        kept: true,
    };
    assert!(!s.gained() && s.class(19) == 2);
}

#[test]
fn arrow_keys_go_to_the_nearest_commune_that_way() {
    let table = CommuneTable::shipped();
    let layout = lay_out(&table, &places(), FRAME);
    let from = layout.marks.iter().position(|m| m.row == 0).unwrap();
    let a = layout.marks[from];
    for (d, ok) in [
        (
            Direction::Right,
            Box::new(move |b: &ntm_planner::show::map::Mark| b.x > a.x) as Box<dyn Fn(&_) -> bool>,
        ),
        (
            Direction::Left,
            Box::new(move |b: &ntm_planner::show::map::Mark| b.x < a.x),
        ),
        (
            Direction::Up,
            Box::new(move |b: &ntm_planner::show::map::Mark| b.y < a.y),
        ),
        (
            Direction::Down,
            Box::new(move |b: &ntm_planner::show::map::Mark| b.y > a.y),
        ),
    ] {
        let to = layout.next_mark(from, d).unwrap();
        assert!(ok(&layout.marks[to]), "{d:?}");
    }
    assert_eq!(layout.mark_at(a.x + 1.0, a.y).map(|m| m.row), Some(0));
    assert_eq!(layout.mark_at(-100.0, -100.0), None);
}

#[test]
fn the_map_draws_each_commune_at_its_place_in_its_class_colour() {
    let model = Model::shipped();
    let o = model.run(&Scenario::plan());
    let table = &model.table;
    let layout = lay_out(table, &places(), FRAME);
    let standings: Vec<Standing> = table
        .communes
        .iter()
        .zip(&o.meets)
        .enumerate()
        .map(|(i, (c, &end))| Standing {
            start: c.meets,
            end,
            chance: None,
            kept: i != 0,
        })
        .collect();
    let picture = MapPicture {
        table,
        layout: &layout,
        standings: &standings,
        criteria: 19,
        colouring: Colouring::CriteriaMet,
    };
    let vi = map_svg(&picture, Lang::Vi);
    assert!(
        vi.starts_with("<svg")
            && vi.contains("Đạt chuẩn")
            && vi.contains("vietnamadminunits (MIT)")
    );
    let en = map_svg(&picture, Lang::En);
    assert!(en.contains("Certified") && en.contains("Thick ring: gained in the year"));
    // A certified commune, kept by the filters, is a disc of the first class's colour at its place.
    let row = (1..table.communes.len())
        .find(|&i| {
            o.meets[i] == (1 << 19) - 1
                && !table.communes[i].border
                && layout.marks.iter().any(|m| m.row == i)
        })
        .unwrap();
    let m = layout.marks.iter().find(|m| m.row == row).unwrap();
    let c = CLASS_COLOURS[0];
    let disc = format!(
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" opacity=\"1\" fill=\"#{:02X}{:02X}{:02X}\"",
        m.x.round() as i32,
        m.y.round() as i32,
        m.radius.round() as i32,
        c.0,
        c.1,
        c.2
    );
    assert!(vi.contains(&disc), "{disc} not in the SVG");
    // The commune outside the filters is a small grey dot at its place, not a disc.
    let m0 = layout.marks.iter().find(|m| m.row == 0).unwrap();
    assert!(vi.contains(&format!(
        "<circle cx=\"{}\" cy=\"{}\" r=\"2\" opacity=\"1\" fill=\"#C8C8C8\"",
        m0.x.round() as i32,
        m0.y.round() as i32
    )));
    // Its line names it with its figures.
    let line = describe(table, row, &standings[row], 19, Lang::En);
    assert!(
        line.starts_with(&table.communes[row].name)
            && line.contains("19 of 19 criteria")
            && line.contains("Certified"),
        "{line}"
    );
}

/// Writes the 2022 plan's map to `target/screenshots/map-2022.svg`, to look at
/// (`cargo test --test map -- --ignored`).
#[test]
#[ignore]
fn write_the_map_to_look_at() {
    let model = Model::shipped();
    let o = model.run(&Scenario::plan());
    let layout = lay_out(&model.table, &places(), FRAME);
    let standings: Vec<Standing> = model
        .table
        .communes
        .iter()
        .zip(&o.meets)
        .map(|(c, &end)| Standing {
            start: c.meets,
            end,
            chance: None,
            kept: true,
        })
        .collect();
    let picture = MapPicture {
        table: &model.table,
        layout: &layout,
        standings: &standings,
        criteria: 19,
        colouring: Colouring::CriteriaMet,
    };
    std::fs::create_dir_all(format!("{ROOT}/target/screenshots")).unwrap();
    std::fs::write(
        format!("{ROOT}/target/screenshots/map-2022.svg"),
        map_svg(&picture, Lang::Vi),
    )
    .unwrap();
}
