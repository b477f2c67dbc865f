//! The map of the communes, natively: places read and reproduced, each commune at its
//! projected place, sized and coloured as its standing says, the communes with no place
//! counted and named, the picture drawn as SVG in both languages.

mod common;

use ntm_planner::charts::map::{map_svg, MapPicture, CLASS_COLOURS, FRAME};
use ntm_planner::engine::lever::{Lever, Value};
use ntm_planner::engine::places::{Layout, Places};
use ntm_planner::engine::Outcome;
use ntm_planner::engine::{CommuneTable, Model, Scenario};
use ntm_planner::formats::places::compile;
use ntm_planner::show::map::{
    chance_class, describe, lay_out, missing_class, path_year, place_code, standings,
    unplaced_line, Colouring, Direction, MapLayout, Shown, Standing,
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

/// The standings of the year on screen: `o` against `plan`, the rows `kept`.
fn on_screen(model: &Model, o: &Outcome, plan: &Outcome, kept: &[usize]) -> Vec<Standing> {
    standings(
        &model.table,
        &model.shape,
        &Shown {
            on_screen: &o.meets,
            plan: &plan.meets,
            path_year: None,
            chance: None,
            kept,
        },
    )
}

/// The map of `table` as SVG, coloured by criteria met.
fn drawn(table: &CommuneTable, layout: &MapLayout, standings: &[Standing], lang: Lang) -> String {
    map_svg(
        &MapPicture {
            table,
            layout,
            standings,
            criteria: 19,
            colouring: Colouring::CriteriaMet,
        },
        lang,
    )
}

/// `n` communes standing alike, each kept by the filters.
fn all_kept(n: usize) -> Vec<Standing> {
    let alike = Standing {
        start: 0,
        end: 0,
        plan_end: None,
        chance: None,
        kept: true,
    };
    vec![alike; n]
}

/// Marks alone, as a layout at 1 km a pixel.
fn layout_of(marks: Vec<ntm_planner::show::map::Mark>) -> MapLayout {
    MapLayout {
        layout: None,
        marks,
        unplaced: vec![],
        km_per_px: 1.0,
    }
}

/// A made-up place of today's layout, or the 2020–2024 one.
fn place_at(
    code: &str,
    layout: Layout,
    (lat, lon): (f64, f64),
) -> ntm_planner::engine::places::Place {
    ntm_planner::engine::places::Place {
        code: code.into(),
        layout,
        at: Some((lat, lon)),
        area_km2: None,
        merged_into: None,
    }
}

/// Credit disbursed at 70%.
fn credit_70() -> Scenario {
    let mut s = Scenario::plan();
    Lever::disbursement(3).set(&mut s, Some(Value::Number(0.7)));
    s
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
    // 0.42 of the median distance to the nearest other commune, worked out here.
    let mut nearest: Vec<f64> = layout
        .marks
        .iter()
        .map(|a| {
            layout
                .marks
                .iter()
                .filter(|b| b.row != a.row)
                .map(|b| (a.x - b.x).hypot(a.y - b.y))
                .fold(f64::MAX, f64::min)
        })
        .collect();
    nearest.sort_by(f64::total_cmp);
    assert!((r - 0.42 * nearest[nearest.len() / 2]).abs() < 1e-9, "{r}");
    assert!(
        layout.marks.iter().all(|m| m.radius == r) && r > 3.0 && r < 20.0,
        "{r}"
    );
}

/// A table of today's units, as an office would import it (no district column).
fn table_2025(rows: &[(String, String)]) -> CommuneTable {
    let csv = common::units_table_csv(rows, |i, k| k <= i % 19, |_| false);
    CommuneTable::from_csv(
        csv.as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "test.csv",
    )
    .unwrap()
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
    let all = (1u128 << 19) - 1;
    let s = Standing {
        start: all >> 3,
        end: all,
        plan_end: Some(all >> 1),
        chance: None,
        kept: true,
    };
    assert!(s.gained() && s.changed() && s.class(19) == 0);
    let s = Standing {
        start: all >> 3,
        end: all >> 3,
        plan_end: None,
        chance: Some(0.5),
        kept: true,
    };
    assert!(!s.gained() && !s.changed() && s.class(19) == 2);
    assert!(!Standing {
        plan_end: Some(all >> 3),
        ..s
    }
    .changed());
}

#[test]
fn arrow_keys_go_to_the_nearest_commune_that_way_among_those_kept() {
    let model = Model::shipped();
    let table = &model.table;
    let layout = lay_out(table, &places(), FRAME);
    let o = model.run(&Scenario::plan());
    let every = on_screen(
        &model,
        &o,
        &o,
        &(0..table.communes.len()).collect::<Vec<_>>(),
    );
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
        let to = layout.next_mark(from, d, &every).unwrap();
        assert!(ok(&layout.marks[to]), "{d:?}");
        // A commune the filters leave out is passed over.
        let without: Vec<usize> = (0..table.communes.len())
            .filter(|&i| i != layout.marks[to].row)
            .collect();
        let fewer = on_screen(&model, &o, &o, &without);
        assert_ne!(layout.next_mark(from, d, &fewer), Some(to), "{d:?}");
    }
    assert_eq!(
        layout.mark_at(a.x + 1.0, a.y, &every).map(|m| m.row),
        Some(0)
    );
    assert_eq!(layout.mark_at(-100.0, -100.0, &every), None);
    let not_0: Vec<usize> = (1..table.communes.len()).collect();
    let hidden = on_screen(&model, &o, &o, &not_0);
    assert_ne!(layout.mark_at(a.x, a.y, &hidden).map(|m| m.row), Some(0));
}

#[test]
fn the_map_draws_each_commune_at_its_place_in_its_class_colour() {
    let model = Model::shipped();
    let o = model.run(&Scenario::plan());
    let table = &model.table;
    let layout = lay_out(table, &places(), FRAME);
    let credit = model.run(&credit_70());
    let standings = on_screen(
        &model,
        &credit,
        &o,
        &(1..table.communes.len()).collect::<Vec<_>>(),
    );
    let vi = drawn(table, &layout, &standings, Lang::Vi);
    assert!(
        vi.starts_with("<svg")
            && vi.contains("Đạt chuẩn")
            && vi.contains("vietnamadminunits (MIT)")
    );
    let en = drawn(table, &layout, &standings, Lang::En);
    assert!(en.contains("Certified") && en.contains("Black ring: not as planned"));
    // A certified commune, kept by the filters, is a disc of the first class's colour at its place.
    let row = (1..table.communes.len())
        .find(|&i| {
            credit.meets[i] == (1 << 19) - 1
                && !table.communes[i].border
                && layout.marks.iter().any(|m| m.row == i && m.radius > 3.0)
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
    let standings = on_screen(
        &model,
        &o,
        &o,
        &(0..model.table.communes.len()).collect::<Vec<_>>(),
    );
    std::fs::create_dir_all(format!("{ROOT}/target/screenshots")).unwrap();
    std::fs::write(
        format!("{ROOT}/target/screenshots/map-2022.svg"),
        drawn(&model.table, &layout, &standings, Lang::Vi),
    )
    .unwrap();
}

#[test]
fn a_lever_moves_a_communes_class_and_rings_it_as_changed_by_the_scenario() {
    let model = Model::shipped();
    let plan = model.run(&Scenario::plan());
    let credit = model.run(&credit_70());
    let all: Vec<usize> = (0..model.table.communes.len()).collect();
    let under_plan = on_screen(&model, &plan, &plan, &all);
    let under_credit = on_screen(&model, &credit, &plan, &all);
    // With the plan on screen nothing is changed by the scenario.
    assert!(under_plan.iter().all(|s| !s.changed()));
    let moved: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| under_plan[i].class(19) != under_credit[i].class(19))
        .collect();
    assert!(
        !moved.is_empty(),
        "credit at 70% moves some commune's class"
    );
    for &i in &moved {
        assert!(under_credit[i].changed(), "commune {i}");
        assert_eq!(under_credit[i].end, credit.meets[i]);
        assert_eq!(under_credit[i].plan_end, Some(plan.meets[i]));
    }
    // The changed ring is drawn at each such commune, and only there.
    let layout = lay_out(&model.table, &places(), FRAME);
    let picture = |standings: &[Standing]| drawn(&model.table, &layout, standings, Lang::En);
    let rings = |svg: &str| {
        svg.matches("stroke=\"#000000\" stroke-width=\"3\"").count()
            + svg.matches("stroke=\"#000000\" stroke-width=\"1\"").count()
    };
    // (the legend draws one ring of its own)
    assert_eq!(rings(&picture(&under_plan)), 1);
    let changed_placed = layout
        .marks
        .iter()
        .filter(|m| under_credit[m.row].changed())
        .count();
    assert_eq!(rings(&picture(&under_credit)), 1 + changed_placed);
}

#[test]
fn a_path_year_shows_its_own_start_and_end_and_a_stale_result_is_not_used() {
    let model = Model::shipped();
    let n = model.table.communes.len();
    let plan = model.run(&Scenario::plan());
    let path =
        ntm_planner::engine::path::Path::default_for(&model.plan, &Scenario::plan()).run(&model);
    let (_, start, end) = path_year(&path, Some(2024), n).unwrap();
    assert_eq!(end, path.years[2].outcome.meets.as_slice());
    assert_eq!(start, Some(path.years[1].outcome.meets.as_slice()));
    assert_eq!(
        path_year(&path, Some(2022), n).unwrap().1,
        None,
        "the first year starts from the table"
    );
    assert!(
        path_year(&path, Some(2031), n).is_none(),
        "a year the path lacks"
    );
    assert!(path_year(&path, None, n).is_none());
    assert!(
        path_year(&path, Some(2024), n + 1).is_none(),
        "a path of another table"
    );
    let all: Vec<usize> = (0..n).collect();
    let shown = standings(
        &model.table,
        &model.shape,
        &Shown {
            on_screen: &plan.meets,
            plan: &plan.meets,
            path_year: Some((start, end)),
            chance: None,
            kept: &all,
        },
    );
    assert!((0..n).all(|i| shown[i].start == start.unwrap()[i]
        && shown[i].end == end[i]
        && shown[i].plan_end.is_none()));
    // Results of another table: the scenario on screen stands in, the criteria for the chance.
    let short = &end[..n - 1];
    let chance = vec![0.5; n - 1];
    let stale = standings(
        &model.table,
        &model.shape,
        &Shown {
            on_screen: &plan.meets,
            plan: &plan.meets,
            path_year: Some((None, short)),
            chance: Some(&chance),
            kept: &all,
        },
    );
    assert_eq!(stale.len(), n);
    assert!((0..n).all(|i| stale[i].end == plan.meets[i] && stale[i].chance.is_none()));
    let chance = vec![0.25; n];
    let fresh = standings(
        &model.table,
        &model.shape,
        &Shown {
            on_screen: &plan.meets,
            plan: &plan.meets,
            path_year: None,
            chance: Some(&chance),
            kept: &all[1..],
        },
    );
    assert!(fresh.iter().all(|s| s.chance == Some(0.25)) && !fresh[0].kept && fresh[1].kept);
}

#[test]
fn a_code_that_lost_its_leading_zeros_still_finds_its_place() {
    assert_eq!(place_code("5986"), "05986");
    assert_eq!(place_code(" 05986 "), "05986");
    assert_eq!(place_code("4"), "00004");
    assert_eq!(place_code("x12"), "x12");
    assert_eq!(place_code("123456"), "123456");
    assert_eq!(place_code(""), "");
    let table = table_2025(&[("5986".to_string(), "Tam Thanh".to_string())]);
    let layout = lay_out(&table, &places(), FRAME);
    assert_eq!(
        (layout.layout, layout.marks.len()),
        (Some(Layout::Units2025), 1)
    );
    assert!(!places().is_empty() && Places::default().is_empty());
}

#[test]
fn the_communes_fill_the_frame_along_one_side_and_are_centred_along_the_other() {
    for table in [
        CommuneTable::shipped(),
        table_2025(&common::units_2025("communes-vietnam-2025.csv")),
    ] {
        let layout = lay_out(&table, &places(), FRAME);
        let xs = layout.marks.iter().map(|m| m.x);
        let ys = layout.marks.iter().map(|m| m.y);
        let (x0, x1) = (
            xs.clone().fold(f64::MAX, f64::min),
            xs.fold(f64::MIN, f64::max),
        );
        let (y0, y1) = (
            ys.clone().fold(f64::MAX, f64::min),
            ys.fold(f64::MIN, f64::max),
        );
        let near = |a: f64, b: f64| (a - b).abs() < 0.01;
        assert!(
            near((x0 + x1) / 2.0, FRAME.left + FRAME.width / 2.0),
            "centred across"
        );
        assert!(
            near((y0 + y1) / 2.0, FRAME.top + FRAME.height / 2.0),
            "centred down"
        );
        // The margin keeps the largest mark inside: 26 px each side.
        assert!(
            near(x1 - x0, FRAME.width - 52.0) || near(y1 - y0, FRAME.height - 52.0),
            "{x0} {x1} {y0} {y1}"
        );
    }
}

#[test]
fn border_communes_are_diamonds_and_small_dark_marks_have_no_edge_and_the_legend_stands_apart() {
    let model = Model::shipped();
    let o = model.run(&Scenario::plan());
    let layout = lay_out(&model.table, &places(), FRAME);
    let all: Vec<usize> = (0..model.table.communes.len()).collect();
    let shown = on_screen(&model, &o, &o, &all);
    let svg = drawn(&model.table, &layout, &shown, Lang::Vi);
    let m = layout
        .marks
        .iter()
        .find(|m| model.table.communes[m.row].border)
        .unwrap();
    let (x, y, r) = (
        m.x.round() as i32,
        m.y.round() as i32,
        (m.radius.round() * 1.3).round() as i32,
    );
    assert!(
        svg.contains(&format!(
            "points=\"{},{} {},{} {},{} {},{} {},{} \"",
            x,
            y - r,
            x + r,
            y,
            x,
            y + r,
            x - r,
            y,
            x,
            y - r
        )),
        "a diamond at ({x}, {y}) of {r}"
    );
    // The country's small marks: a dark class without an edge, a light one with.
    let units = common::units_2025("communes-vietnam-2025.csv");
    let csv = common::units_table_csv(&units, |i, _| i % 2 == 0, |_| false);
    let country = Model::new(
        model.plan.clone(),
        CommuneTable::from_csv(
            csv.as_bytes(),
            &ntm_planner::engine::Plan::lang_son_2022(),
            "x.csv",
        )
        .unwrap(),
    );
    let layout = lay_out(&country.table, &places(), FRAME);
    let all: Vec<usize> = (0..units.len()).collect();
    let start: Vec<u128> = country.table.communes.iter().map(|c| c.meets).collect();
    let standings = standings(
        &country.table,
        &country.shape,
        &Shown {
            on_screen: &start,
            plan: &start,
            path_year: None,
            chance: None,
            kept: &all,
        },
    );
    let svg = drawn(&country.table, &layout, &standings, Lang::Vi);
    let edge_at = |m: &ntm_planner::show::map::Mark| {
        svg.contains(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" opacity=\"1\" fill=\"none\" stroke=\"#555555\"",
            m.x.round() as i32,
            m.y.round() as i32,
            m.radius.round().max(2.0) as i32
        ))
    };
    let small = |m: &&ntm_planner::show::map::Mark| {
        m.radius.round() <= 3.0
            && layout
                .marks
                .iter()
                .filter(|o| (o.x - m.x).hypot(o.y - m.y) < 8.0)
                .count()
                == 1
    };
    let dark = layout
        .marks
        .iter()
        .filter(small)
        .find(|m| standings[m.row].class(19) == 0)
        .unwrap();
    let light = layout
        .marks
        .iter()
        .filter(small)
        .find(|m| standings[m.row].class(19) == 4)
        .unwrap();
    assert!(!edge_at(dark) && edge_at(light));
    let big = layout
        .marks
        .iter()
        .find(|m| m.radius.round() > 3.0 && standings[m.row].class(19) == 0)
        .unwrap();
    assert!(edge_at(big));
    // The legend's words stand right of the map, one under another.
    let legend_y: Vec<i32> = [
        "Đạt chuẩn",
        "Thiếu 1–2 tiêu chí",
        "Thiếu 9 tiêu chí trở lên",
        "Viền đen",
        "Hình thoi",
        "Chấm xám",
    ]
    .iter()
    .map(|w| {
        let at = svg.find(w).unwrap_or_else(|| panic!("{w}"));
        let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
        let attr = |name: &str| -> i32 {
            let from = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            tag[from..].split('"').next().unwrap().parse().unwrap()
        };
        assert!(
            attr("x") as f64 > FRAME.left + FRAME.width,
            "{w} right of the map"
        );
        // 24 px right of the legend's edge, beside its key.
        assert_eq!(attr("x"), 548 + 24, "{w}");
        attr("y")
    })
    .collect();
    assert!(
        legend_y.windows(2).all(|p| p[1] - p[0] >= 20),
        "{legend_y:?}"
    );
    // Each key's sign is centred 8 px in and 8 px down from its words' top left.
    let first = CLASS_COLOURS[0];
    assert!(svg.contains(&format!(
        "<circle cx=\"556\" cy=\"{}\" r=\"8\" opacity=\"1\" fill=\"#{:02X}{:02X}{:02X}\"",
        legend_y[0] + 8,
        first.0,
        first.1,
        first.2
    )));
}

#[test]
fn each_colouring_has_its_own_key_and_reads_back() {
    let keys: Vec<&str> = Colouring::ALL.iter().map(|c| c.key()).collect();
    assert_eq!(keys, ["criteria", "chance"]);
    for c in Colouring::ALL {
        assert_eq!(Colouring::from_key(c.key()), c);
    }
    assert_eq!(Colouring::from_key("other"), Colouring::CriteriaMet);
}

#[test]
fn the_next_commune_that_way_is_the_nearest_counting_a_sideways_step_double() {
    // Marks scattered over a square (a fixed sequence), every one kept.
    let marks: Vec<ntm_planner::show::map::Mark> = (0..40)
        .map(|i| ntm_planner::show::map::Mark {
            row: i,
            x: f64::from(((i * 37) % 101) as u32),
            y: f64::from(((i * 59) % 97) as u32),
            radius: 3.0,
        })
        .collect();
    let layout = layout_of(marks.clone());
    let kept = all_kept(40);
    for from in 0..marks.len() {
        for (d, (ux, uy)) in [
            (Direction::Right, (1.0, 0.0)),
            (Direction::Left, (-1.0, 0.0)),
            (Direction::Down, (0.0, 1.0)),
            (Direction::Up, (0.0, -1.0)),
        ] {
            // Worked out apart: the distance that way, plus twice the distance across.
            let best = marks
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != from)
                .map(|(j, b)| {
                    let (dx, dy) = (b.x - marks[from].x, b.y - marks[from].y);
                    let along = dx * ux + dy * uy;
                    let across = if ux != 0.0 { dy.abs() } else { dx.abs() };
                    (j, along, along + 2.0 * across)
                })
                .filter(|(_, along, _)| *along > 0.0)
                .min_by(|a, b| a.2.total_cmp(&b.2))
                .map(|(j, _, _)| j);
            assert_eq!(layout.next_mark(from, d, &kept), best, "from {from} {d:?}");
        }
    }
}

#[test]
fn a_communes_line_names_what_it_gained_its_border_its_change_and_its_chance() {
    let table = CommuneTable::shipped();
    let row = table
        .communes
        .iter()
        .position(|c| c.border && c.meets.count_ones() < 17)
        .unwrap();
    let c = &table.communes[row];
    let missing: Vec<u32> = (0..19).filter(|k| c.meets & (1 << k) == 0).collect();
    let end = c.meets | (1 << missing[0]) | (1 << missing[1]);
    let s = Standing {
        start: c.meets,
        end,
        plan_end: Some(c.meets),
        chance: Some(0.5),
        kept: true,
    };
    let en = describe(&table, row, &s, 19, Lang::En);
    let district = table.district_name(c).unwrap();
    assert_eq!(
        en,
        format!(
            "{} · {district} · {} of 19 criteria · 2 gained in the year · not as in the plan · border commune · chance of certification 50%",
            c.name,
            end.count_ones()
        )
    );
    let same = Standing {
        end: c.meets,
        plan_end: Some(c.meets),
        chance: None,
        ..s
    };
    let vi = describe(&table, row, &same, 19, Lang::Vi);
    assert_eq!(
        vi,
        format!(
            "{} · {district} · {}/19 tiêu chí · xã biên giới",
            c.name,
            c.meets.count_ones()
        )
    );
    assert_eq!(
        describe(&table, table.communes.len(), &same, 19, Lang::Vi),
        ""
    );
}

#[test]
fn the_scale_bar_is_the_longest_round_length_that_fits() {
    use ntm_planner::show::map::scale_bar;
    let layout = lay_out(&CommuneTable::shipped(), &places(), FRAME);
    let (words, px) = scale_bar(&layout, 160.0, Lang::Vi).unwrap();
    let km: f64 = words.trim_end_matches(" km").parse().unwrap();
    assert!(
        (px * layout.km_per_px - km).abs() < 1e-9 && px <= 160.0,
        "{words} {px}"
    );
    // The next round length would not fit.
    let next = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0]
        .into_iter()
        .find(|&k| k > km)
        .unwrap();
    assert!(next / layout.km_per_px > 160.0);
    assert_eq!(words, "20 km");
    let none = MapLayout {
        layout: None,
        marks: vec![],
        unplaced: vec![],
        km_per_px: 0.0,
    };
    assert_eq!(scale_bar(&none, 160.0, Lang::Vi), None);
    let tiny = MapLayout {
        km_per_px: 0.001,
        ..none
    };
    assert_eq!(
        scale_bar(&tiny, 160.0, Lang::En),
        None,
        "160 px are 0.16 km: not even 1 km fits"
    );
}

#[test]
fn a_map_wider_than_tall_fills_the_frames_width() {
    let mut places = Places::default();
    for (code, at) in [
        ("00001", (20.0, 104.0)),
        ("00002", (20.0, 108.0)),
        ("00003", (20.5, 106.0)),
    ] {
        places
            .insert(place_at(code, Layout::Units2025, at))
            .unwrap();
    }
    let table = table_2025(&[
        ("00001".into(), "A".into()),
        ("00002".into(), "B".into()),
        ("00003".into(), "C".into()),
    ]);
    let layout = lay_out(&table, &places, FRAME);
    let (a, b, c) = (layout.marks[0], layout.marks[1], layout.marks[2]);
    assert!(
        (b.x - a.x - (FRAME.width - 52.0)).abs() < 1e-9,
        "{} {}",
        a.x,
        b.x
    );
    assert!((a.x - FRAME.left - 26.0).abs() < 1e-9);
    assert!((a.y - b.y).abs() < 1e-9 && c.y < a.y, "north up");
    // Centred down the frame.
    assert!(((a.y + c.y) / 2.0 - (FRAME.top + FRAME.height / 2.0)).abs() < 1e-9);
    // The pointer finds a mark within its radius and 4 px more, not beyond.
    let kept = all_kept(3);
    let reach = a.radius + 4.0;
    assert_eq!(
        layout
            .mark_at(a.x + reach - 0.01, a.y, &kept)
            .map(|m| m.row),
        Some(0)
    );
    assert_eq!(
        layout
            .mark_at(a.x, a.y + reach - 0.01, &kept)
            .map(|m| m.row),
        Some(0)
    );
    assert_eq!(layout.mark_at(a.x + reach + 0.01, a.y, &kept), None);
    assert_eq!(layout.mark_at(a.x - reach - 0.01, a.y, &kept), None);
}

#[test]
fn the_scale_bar_and_the_source_line_are_drawn_where_they_say() {
    let model = Model::shipped();
    let o = model.run(&Scenario::plan());
    let layout = lay_out(&model.table, &places(), FRAME);
    let all: Vec<usize> = (0..model.table.communes.len()).collect();
    let shown = on_screen(&model, &o, &o, &all);
    let svg = drawn(&model.table, &layout, &shown, Lang::Vi);
    let (_, px) = ntm_planner::show::map::scale_bar(&layout, 160.0, Lang::Vi).unwrap();
    let bar = px.round() as i32;
    // The legend's left edge, its keys' rows: five classes 26 px apart, 8 px more before the
    // ring, 28 px to each next sign, 40 px to the bar.
    let (x, y) = (548, 16 + 5 * 26 + 8 + 28 + 28 + 40);
    assert!(
        svg.contains(&format!(
            "points=\"{x},{y} {x},{} {},{} {},{y} \"",
            y + 6,
            x + bar,
            y + 6,
            x + bar
        )),
        "the scale bar"
    );
    assert!(
        svg.contains(&format!("<text x=\"{}\" y=\"{}\"", x + bar + 8, y - 4)),
        "its words"
    );
    assert!(
        svg.contains("<text x=\"8\" y=\"538\""),
        "the source line along the bottom"
    );
}

#[test]
fn the_changed_ring_is_thick_on_a_large_mark_and_thin_on_a_small_one() {
    let units = common::units_2025("communes-vietnam-2025.csv");
    let csv = common::units_table_csv(&units, |_, _| true, |_| false);
    let table = CommuneTable::from_csv(
        csv.as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "x.csv",
    )
    .unwrap();
    let layout = lay_out(&table, &places(), FRAME);
    let large = layout
        .marks
        .iter()
        .find(|m| m.radius.round() >= 4.0)
        .unwrap();
    let small = layout
        .marks
        .iter()
        .find(|m| m.radius.round() == 3.0)
        .unwrap();
    let all = (1u128 << 19) - 1;
    let standings: Vec<Standing> = (0..table.communes.len())
        .map(|i| Standing {
            start: all,
            end: all,
            // Changed by the scenario: the plan would have left it one short.
            plan_end: (i == large.row || i == small.row).then_some(all >> 1),
            chance: None,
            kept: true,
        })
        .collect();
    let svg = drawn(&table, &layout, &standings, Lang::En);
    let ring = |m: &ntm_planner::show::map::Mark, grow: i32, width: i32| {
        format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" opacity=\"1\" fill=\"none\" stroke=\"#000000\" stroke-width=\"{width}\"",
            m.x.round() as i32,
            m.y.round() as i32,
            m.radius.round() as i32 + grow
        )
    };
    assert!(svg.contains(&ring(large, 2, 3)), "{}", ring(large, 2, 3));
    assert!(svg.contains(&ring(small, 1, 1)), "{}", ring(small, 1, 1));
    // A dark mark of radius 3 has no edge; the large one has.
    let edge = |m: &ntm_planner::show::map::Mark| {
        format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" opacity=\"1\" fill=\"none\" stroke=\"#555555\"",
            m.x.round() as i32,
            m.y.round() as i32,
            m.radius.round() as i32
        )
    };
    assert!(!svg.contains(&edge(small)) && svg.contains(&edge(large)));
}

#[test]
fn every_legend_label_fits_beside_the_map_in_both_languages() {
    use ntm_planner::text::sentences as t;
    for lang in [Lang::Vi, Lang::En] {
        let mut labels: Vec<String> = Colouring::ALL
            .iter()
            .flat_map(|&c| ntm_planner::show::map::class_labels(c, lang))
            .collect();
        for key in [t::MAP_KEY_CHANGED, t::MAP_KEY_BORDER, t::MAP_KEY_FILTERED] {
            labels.push(lang.say(key).to_string());
        }
        for label in labels {
            // 14 px type, a glyph about 0.55 em wide; the words start 24 px right of the
            // legend's edge (548 px) in a picture 780 px wide.
            let width = label.chars().count() as f64 * 14.0 * 0.55;
            assert!(
                548.0 + 24.0 + width <= 780.0,
                "{label:?} does not fit ({width} px)"
            );
        }
    }
}

#[test]
fn a_lone_commune_without_an_area_gets_half_the_largest_mark() {
    let mut places = Places::default();
    places
        .insert(place_at("00001", Layout::Communes2020, (21.0, 106.0)))
        .unwrap();
    let layout = lay_out(&table_2025(&[("00001".into(), "A".into())]), &places, FRAME);
    assert_eq!(layout.marks.len(), 1);
    // No neighbour to space it by: half the largest radius (26 px).
    assert!(
        (layout.marks[0].radius - 13.0).abs() < 1e-9,
        "{}",
        layout.marks[0].radius
    );
    assert!((layout.marks[0].x - (FRAME.left + FRAME.width / 2.0)).abs() < 1e-9);
}

#[test]
fn a_commune_straight_across_is_not_the_next_one_that_way() {
    let at = |row: usize, x: f64, y: f64| ntm_planner::show::map::Mark {
        row,
        x,
        y,
        radius: 3.0,
    };
    // B is straight below A (nothing of it lies to the right); C is to the right, further.
    let layout = layout_of(vec![at(0, 0.0, 0.0), at(1, 0.0, 10.0), at(2, 30.0, 0.0)]);
    let kept = all_kept(3);
    assert_eq!(layout.next_mark(0, Direction::Right, &kept), Some(2));
    assert_eq!(layout.next_mark(0, Direction::Down, &kept), Some(1));
    assert_eq!(layout.next_mark(0, Direction::Left, &kept), None);
}

#[test]
fn a_path_year_of_which_either_end_is_another_tables_is_not_used() {
    let model = Model::shipped();
    let n = model.table.communes.len();
    let path =
        ntm_planner::engine::path::Path::default_for(&model.plan, &Scenario::plan()).run(&model);
    let mut end_short = path.clone();
    end_short.years[2].outcome.meets.pop();
    assert!(path_year(&end_short, Some(2024), n).is_none(), "its end");
    let mut start_short = path.clone();
    start_short.years[1].outcome.meets.pop();
    assert!(
        path_year(&start_short, Some(2024), n).is_none(),
        "its start"
    );
    assert!(
        path_year(&start_short, Some(2022), n).is_some(),
        "the first year starts from the table"
    );
}
