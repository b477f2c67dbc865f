//! The map of the communes in the page: each commune's mark at its projected place in its
//! class's colour, following a lever, the grid's filters, the path's years and the risk draws;
//! a click and the keyboard opening a commune; its exports; an imported table's communes with
//! no place counted; from the single-file edition too.

use crate::harness::*;
use ntm_planner::charts::map::{CLASS_COLOURS, FRAME, SIZE};
use ntm_planner::engine::places::Places;
use ntm_planner::engine::{Model, Scenario};
use ntm_planner::show::map::{lay_out, MapLayout, Mark, Standing};
use std::time::{Duration, Instant};
/// The 2022 plan's criteria (each its own single item).
const CRITERIA: usize = 19;

fn places() -> Places {
    Places::from_csv(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/places.csv")).unwrap(),
    )
    .unwrap()
}

/// Whether nothing else drawn could cover the mark's centre (a neighbour's disc, diamond or
/// ring).
fn clear(layout: &MapLayout, m: &Mark) -> bool {
    layout
        .marks
        .iter()
        .all(|o| o.row == m.row || (o.x - m.x).hypot(o.y - m.y) > o.radius * 1.3 + 5.0)
}

/// The colour of the map's canvas at a point of the picture, as "#RRGGBB".
async fn colour_at(wd: &WebDriver, x: f64, y: f64) -> String {
    let v = wd
        .execute(
            &format!(
                "const c = document.querySelector('[data-testid=map-canvas]');
                 const r = c.width / {w};
                 const d = c.getContext('2d').getImageData(Math.round({x} * r), Math.round({y} * r), 1, 1).data;
                 return '#' + [d[0], d[1], d[2]].map(v => v.toString(16).padStart(2, '0').toUpperCase()).join('');",
                w = SIZE.0
            ),
            vec![],
        )
        .await
        .unwrap();
    v.json().as_str().unwrap().to_string()
}

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Waits until the map's canvas shows `want` at the point (it redraws within a frame of the
/// change; the wait is only for the page's own pace).
async fn wait_for_colour(wd: &WebDriver, x: f64, y: f64, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let got = colour_at(wd, x, y).await;
        if got == want {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the map shows {got} at ({x}, {y}), not {want}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The map canvas's text alternative: its title and the words it drew.
async fn map_words(wd: &WebDriver) -> String {
    wd.find(By::Css("[data-testid=map-canvas]"))
        .await
        .unwrap()
        .attr("aria-label")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Scrolls the map into view and waits for it to be drawn with its places.
pub async fn show_map(wd: &WebDriver) {
    scroll_to(wd, "map").await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let label = map_words(wd).await;
        if label.contains("vietnamadminunits") {
            return;
        }
        if Instant::now() > deadline {
            let status = text(wd, "map-status").await;
            panic!("the map was not drawn: {label} ({status})");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks the canvas at a point of the picture.
async fn click_map(wd: &WebDriver, x: f64, y: f64) {
    let canvas = wd.find(By::Css("[data-testid=map-canvas]")).await.unwrap();
    let rect = canvas.rect().await.unwrap();
    let scale = rect.width / f64::from(SIZE.0);
    // Offsets from the element's centre (WebDriver's pointer origin).
    let (dx, dy) = (x * scale - rect.width / 2.0, y * scale - rect.height / 2.0);
    wd.action_chain()
        .move_to_element_with_offset(&canvas, dx.round() as i64, dy.round() as i64)
        .click()
        .perform()
        .await
        .unwrap();
}

/// The shipped table laid out, and the plan's year on it.
fn shipped_map() -> (Model, MapLayout, ntm_planner::engine::Outcome) {
    let model = Model::shipped();
    let layout = lay_out(&model.table, &places(), FRAME);
    let plan = model.run(&Scenario::plan());
    (model, layout, plan)
}

fn standing(model: &Model, o: &ntm_planner::engine::Outcome, row: usize) -> Standing {
    Standing {
        start: model.table.communes[row].meets,
        end: o.meets[row],
        plan_end: None,
        chance: None,
        kept: true,
    }
}

#[tokio::test]
async fn each_commune_is_at_its_place_in_its_colour_and_follows_a_lever_and_the_filters() {
    let (model, layout, plan) = shipped_map();
    let credit = model.run(&credit_70());
    // A commune whose class the lever changes, its centre clear of its neighbours.
    let m = *layout
        .marks
        .iter()
        .find(|m| {
            clear(&layout, m)
                && standing(&model, &plan, m.row).class(CRITERIA)
                    != standing(&model, &credit, m.row).class(CRITERIA)
        })
        .expect("a commune the lever moves");
    let name = model.table.communes[m.row].name.clone();
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    show_map(&wd).await;
    let before = hex(CLASS_COLOURS[standing(&model, &plan, m.row).class(CRITERIA)]);
    wait_for_colour(&wd, m.x, m.y, &before).await;
    screenshot(&wd, "map-2022").await;
    credit_at_70_percent(&wd).await;
    scroll_to(&wd, "map").await;
    let after = hex(CLASS_COLOURS[standing(&model, &credit, m.row).class(CRITERIA)]);
    wait_for_colour(&wd, m.x, m.y, &after).await;
    // The grid's filters apply: only the border communes, and this one is inland or not.
    let border = model.table.communes[m.row].border;
    select_value(&wd, "filter-border", if border { "0" } else { "1" }).await;
    scroll_to(&wd, "map").await;
    wait_for_colour(&wd, m.x, m.y, "#C8C8C8").await;
    select_value(&wd, "filter-border", "").await;
    scroll_to(&wd, "map").await;
    wait_for_colour(&wd, m.x, m.y, &after).await;
    // A click opens it in the communes grid's details.
    click_map(&wd, m.x, m.y).await;
    let details = wait_for_text(&wd, "commune-details", |t| t.contains(&name)).await;
    assert!(details.contains(&name), "{details}");
    assert!(errors(&wd).await.is_empty());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn hover_and_the_arrow_keys_name_a_commune_and_enter_opens_it() {
    let (model, layout, plan) = shipped_map();
    let m = *layout.marks.iter().find(|m| clear(&layout, m)).unwrap();
    let name = model.table.communes[m.row].name.clone();
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    show_map(&wd).await;
    let canvas = wd.find(By::Css("[data-testid=map-canvas]")).await.unwrap();
    let rect = canvas.rect().await.unwrap();
    let scale = rect.width / f64::from(SIZE.0);
    wd.action_chain()
        .move_to_element_with_offset(
            &canvas,
            (m.x * scale - rect.width / 2.0).round() as i64,
            (m.y * scale - rect.height / 2.0).round() as i64,
        )
        .perform()
        .await
        .unwrap();
    let met = plan.meets[m.row].count_ones();
    let tip = wait_for_text(&wd, "map-tip", |t| t.starts_with(&name)).await;
    assert!(tip.contains(&format!("{met}/{CRITERIA} tiêu chí")), "{tip}");
    screenshot(&wd, "map-hover").await;
    // The keyboard: focus alone names a commune, an arrow picks the next, Enter opens it.
    wd.action_chain()
        .move_by_offset(0, 2000)
        .perform()
        .await
        .ok();
    wd.execute(
        "document.querySelector('[data-testid=map-canvas]').focus()",
        vec![],
    )
    .await
    .unwrap();
    let focused = wait_for_text(&wd, "map-pointed", |t| !t.is_empty()).await;
    canvas.send_keys(Key::Right).await.unwrap();
    let pointed = wait_for_text(&wd, "map-pointed", |t| !t.is_empty() && t != focused).await;
    let first = pointed.split(" · ").next().unwrap().to_string();
    canvas.send_keys(Key::Enter).await.unwrap();
    wait_for_text(&wd, "commune-details", |t| t.contains(&first)).await;
    canvas.send_keys(Key::Down).await.unwrap();
    let next = wait_for_text(&wd, "map-pointed", |t| !t.starts_with(&first)).await;
    assert!(!next.is_empty());
    // In English: the title, the legend and a commune's line.
    click(&wd, "[data-testid=lang]").await;
    scroll_to(&wd, "map").await;
    wait_for_text(&wd, "map-title", |t| {
        t == "Map of the communes, end of 2022"
    })
    .await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !map_words(&wd).await.contains("Black ring: not as planned") {
        assert!(
            Instant::now() < deadline,
            "the legend in English: {}",
            map_words(&wd).await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    canvas.send_keys(Key::Left).await.unwrap();
    wait_for_text(&wd, "map-pointed", |t| t.contains(" of 19 criteria")).await;
    assert!(errors(&wd).await.is_empty());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_map_follows_the_paths_year_and_the_risk_draws() {
    let (model, layout, plan) = shipped_map();
    let path =
        ntm_planner::engine::path::Path::default_for(&model.plan, &Scenario::plan()).run(&model);
    let (y2023, y2024) = (&path.years[1], &path.years[2]);
    assert_eq!((y2023.year, y2024.year), (2023, 2024));
    let in_2024 = |row: usize| Standing {
        start: y2023.outcome.meets[row],
        end: y2024.outcome.meets[row],
        plan_end: None,
        chance: None,
        kept: true,
    };
    let m = *layout
        .marks
        .iter()
        .find(|m| {
            clear(&layout, m)
                && in_2024(m.row).class(CRITERIA) != standing(&model, &plan, m.row).class(CRITERIA)
        })
        .expect("a commune that moves by 2024");
    let odds = native_risk(&Scenario::plan(), 1);
    let chance = |row: usize| Standing {
        chance: Some(odds.commune_chance[row]),
        ..standing(&model, &plan, row)
    };
    let r = *layout
        .marks
        .iter()
        .find(|r| {
            clear(&layout, r)
                && chance(r.row).class(CRITERIA) != standing(&model, &plan, r.row).class(CRITERIA)
        })
        .expect("a commune whose chance is not its year's outcome");
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    show_map(&wd).await;
    select_value(&wd, "map-year", "2024").await;
    wait_for_text(&wd, "map-title", |t| t.contains("cuối năm 2024")).await;
    wait_for_colour(
        &wd,
        m.x,
        m.y,
        &hex(CLASS_COLOURS[in_2024(m.row).class(CRITERIA)]),
    )
    .await;
    // The chance is drawn for the scenario on screen only: asked for in a path year, the map
    // says so and keeps the criteria.
    select_value(&wd, "map-colouring", "chance").await;
    wait_for_text(&wd, "map-status", |t| t.contains("chỉ có cho năm")).await;
    select_value(&wd, "map-year", "").await;
    let title = wait_for_text(&wd, "map-title", |t| t.contains("lần rút")).await;
    assert!(
        title.contains(&format!("{} lần rút", odds.draws)),
        "{title}"
    );
    wait_for_colour(
        &wd,
        r.x,
        r.y,
        &hex(CLASS_COLOURS[chance(r.row).class(CRITERIA)]),
    )
    .await;
    screenshot(&wd, "map-risk").await;
    assert!(errors(&wd).await.is_empty());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn todays_communes_imported_are_placed_and_those_without_a_place_counted() {
    // Today's 65 units of Lạng Sơn as an office's table, with two codes no place has.
    let mut units = crate::common::units_2025("communes-lang-son-2025.csv");
    units.push(("99998".into(), "Xã Thử Một".into()));
    units.push(("99999".into(), "Xã Thử Hai".into()));
    let csv = crate::common::units_table_csv(&units, |i, k| k < 10 + i % 10, |_| false);
    let file = scratch_dir("map-2025").join("xa-2025.csv");
    std::fs::write(&file, &csv).unwrap();
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    // A district chosen in the grid before the import: today's table has no districts, and the
    // choice (whose list is hidden with the column) must not hide every commune.
    select_value(&wd, "filter-district", "Cao Lộc").await;
    wait_for_text(&wd, "grid-count", |t| t == "20 xã").await;
    choose_file(&wd, "import-table", &file).await;
    wait_for_text(&wd, "import-report", |t| t.contains("67")).await;
    click(&wd, "[data-testid=import-confirm]").await;
    wait_for_text(&wd, "table-in-use", |t| t.contains("xa-2025.csv")).await;
    wait_for_text(&wd, "grid-count", |t| t == "67 xã").await;
    show_map(&wd).await;
    let unplaced = wait_for_text(&wd, "map-unplaced", |t| !t.is_empty()).await;
    assert_eq!(
        unplaced,
        "2 xã không có vị trí trên bản đồ: Xã Thử Một, Xã Thử Hai."
    );
    let label = map_words(&wd).await;
    assert!(label.contains("đơn vị hành chính từ 1/7/2025"), "{label}");
    // Each of today's units at its place: one of known coordinates, in its class's colour.
    let table = ntm_planner::engine::CommuneTable::from_csv(
        csv.as_bytes(),
        &ntm_planner::engine::Plan::lang_son_2022(),
        "xa-2025.csv",
    )
    .unwrap();
    let layout = lay_out(&table, &places(), FRAME);
    assert_eq!(layout.marks.len(), 65);
    let model = Model::new(ntm_planner::engine::Plan::lang_son_2022(), table);
    let o = model.run(&Scenario::plan());
    let m = *layout.marks.iter().find(|m| clear(&layout, m)).unwrap();
    wait_for_colour(
        &wd,
        m.x,
        m.y,
        &hex(CLASS_COLOURS[standing(&model, &o, m.row).class(CRITERIA)]),
    )
    .await;
    screenshot(&wd, "map-2025").await;
    assert!(errors(&wd).await.is_empty());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_map_exports_as_svg_and_png() {
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    let downloads = allow_downloads(&wd, "map-exports").await;
    show_map(&wd).await;
    click(&wd, "[data-testid=export-svg-map]").await;
    click(&wd, "[data-testid=export-png-map]").await;
    let svg = String::from_utf8(downloaded(&downloads, "bieu-do-map.svg").await).unwrap();
    assert!(
        svg.starts_with("<svg")
            && svg.contains("vietnamadminunits (MIT)")
            && svg.contains("Đạt chuẩn")
    );
    assert!(
        svg.matches("<circle").count() >= 176,
        "every placed commune drawn"
    );
    let png = downloaded(&downloads, "bieu-do-map.png").await;
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    // Twice the picture's size.
    let (w, h) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (2 * SIZE.0, 2 * SIZE.1));
    wd.quit().await.unwrap();
}

/// A table of the country's 3,321 units of today with made-up statuses (each criterion met by
/// about seven units in ten, fixed by the row; one in nine on the border), no costs (the
/// plan's unit costs apply).
fn country_2025_table() -> String {
    crate::common::units_table_csv(
        &crate::common::units_2025("communes-vietnam-2025.csv"),
        |i, k| (i * 31 + k * 17) % 10 < 7,
        |i| i % 9 == 0,
    )
}

#[tokio::test]
#[ignore = "a benchmark: run with --ignored and record the figures in BENCHMARKS.md"]
async fn map_benchmark() {
    let page = open_page(1366, 768).await;
    let wd = page.wd.clone();
    let values: Vec<f64> = (0..200).map(|i| 40.0 + f64::from(i % 61)).collect();
    let report = |what: &str, (p50, p95, f50, f95, changed): (f64, f64, f64, f64, bool)| {
        assert!(changed, "{what}: the map followed the input");
        println!(
            "{what}: input → next paint p50 {p50:.1} ms, p95 {p95:.1} ms; no-op input p50 {f50:.1}, p95 {f95:.1}; beyond the no-op at p95: {:+.1} ms",
            p95 - f95
        )
    };
    let map = "[data-testid=map-canvas]";
    show_map(&wd).await;
    report(
        "province (181 communes), map in view",
        measure_watching(&wd, "disbursement-credit", &values, map).await,
    );
    let file = scratch_dir("map-benchmark").join("units-vietnam-2025.csv");
    std::fs::write(&file, country_2025_table()).unwrap();
    choose_file(&wd, "import-table", &file).await;
    wait_for_text(&wd, "import-report", |t| t.contains("3321")).await;
    click(&wd, "[data-testid=import-confirm]").await;
    wait_for_text(&wd, "table-in-use", |t| {
        t.contains("units-vietnam-2025.csv")
    })
    .await;
    // The plan's money is a province's: give the country's table work to do.
    for key in ["housing", "income", "poverty", "production", "environment"] {
        type_into(&wd, &format!("investment-{key}"), "20000").await;
    }
    type_into(&wd, "funding-credit", "100000").await;
    show_map(&wd).await;
    let unplaced = text(&wd, "map-unplaced").await;
    assert!(unplaced.is_empty(), "every unit placed: {unplaced}");
    screenshot(&wd, "map-country").await;
    report(
        "country (3,321 units of 2025), map in view",
        measure_watching(&wd, "disbursement-credit", &values, map).await,
    );
    wd.quit().await.unwrap();
}
