//! The charts, drawn natively: what each shows, in both languages, and one bar per scenario
//! when comparing.

use ntm_planner::charts::{
    bands_chart, compare_chart, criteria_chart, districts_chart, sources_chart,
};
use ntm_planner::engine::lever::{Lever, Value};
use ntm_planner::engine::{CommuneTable, Model, Scenario};
use ntm_planner::text::Lang;

fn count(svg: &str, what: &str) -> usize {
    svg.matches(what).count()
}

#[test]
fn the_criteria_chart_names_its_series_and_the_plans_year() {
    let model = Model::shipped();
    let o = model.run(&Scenario::plan());
    let vi = criteria_chart(&model, &o, Lang::Vi);
    assert!(
        vi.starts_with("<svg") && vi.contains("Chỉ tiêu 2022") && vi.contains("Dự kiến"),
        "{vi}"
    );
    let en = criteria_chart(&model, &o, Lang::En);
    assert!(en.contains("2022 target") && !en.contains("Chỉ tiêu 2022"));
}

#[test]
fn comparing_draws_one_bar_a_criterion_for_each_scenario() {
    let model = Model::shipped();
    let plan = model.run(&Scenario::plan());
    let mut credit = Scenario::plan();
    Lever::disbursement(3).set(&mut credit, Some(Value::Number(0.7)));
    let credit = model.run(&credit);
    let bars = |n: usize| {
        let outcomes: Vec<(String, _)> = (0..n)
            .map(|i| {
                (
                    format!("S{i}"),
                    if i % 2 == 0 {
                        plan.clone()
                    } else {
                        credit.clone()
                    },
                )
            })
            .collect();
        count(&compare_chart(&model, &outcomes, Lang::Vi), "<rect")
    };
    let (two, three, four) = (bars(2), bars(3), bars(4));
    // Each scenario adds a bar for each of the 19 criteria and a key in the legend.
    assert_eq!(three - two, 19 + 1, "{two} {three}");
    assert_eq!(four - three, 19 + 1, "{three} {four}");
}

#[test]
fn the_other_charts_show_sources_bands_and_districts() {
    let model = Model::shipped();
    let o = model.run(&Scenario::plan());
    let sources = sources_chart(&model, &o, Lang::Vi);
    for s in &model.plan.sources {
        let name = ntm_planner::text::number::escape_markup(s.name_vi.split(',').next().unwrap());
        assert!(sources.contains(&name), "{name}");
    }
    assert!(bands_chart(&model, &o, Lang::En).contains("<svg"));
    let districts = districts_chart(&model, &o, Lang::Vi);
    assert!(
        districts.contains("Tràng Định") || districts.contains("Cao Lộc"),
        "district names"
    );
    // A table without districts says so instead of drawing nothing.
    let mut table = CommuneTable::shipped();
    table.districts.clear();
    let small = Model::new(model.plan.clone(), table);
    let o = small.run(&Scenario::plan());
    let text = districts_chart(&small, &o, Lang::En);
    assert!(text.contains("no district"), "{text}");
}

#[test]
fn the_grid_escapes_names_from_a_table_and_marks_each_cell() {
    use ntm_planner::charts::grid::{cell_state, grid_rows_html, row_class};
    let mut table = CommuneTable::shipped();
    table.communes[0].name = "<img src=x onerror=alert(1)>".into();
    table.districts[table.communes[0].district] = "\"><script>x</script>".into();
    let model = Model::new(Model::shipped().plan, table);
    let o = model.run(&Scenario::plan());
    let html = grid_rows_html(
        &model,
        &[0, 1],
        &[(o.meets[0], o.meets[0]), (o.meets[1], o.meets[1])],
    );
    assert!(
        !html.contains("<img") && !html.contains("<script"),
        "{html}"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    assert_eq!(html.matches("<tr ").count(), 2);
    assert_eq!(html.matches("<td class=\"cell").count(), 2 * 19);
    let all = (1u128 << 19) - 1;
    assert_eq!(row_class(all, all, all, 19), "certified");
    assert_eq!(row_class(all >> 1, all, all, 19), "newly");
    assert_eq!(row_class(all >> 1, all, all >> 1, 19), "newly differs");
    assert_eq!(cell_state(1, 1, 1, 1), ("cell had", "●"));
    assert_eq!(cell_state(0, 1, 1, 1), ("cell gained", "◆"));
    assert_eq!(cell_state(0, 1, 0, 1), ("cell gained extra", "◆"));
    assert_eq!(cell_state(0, 0, 1, 1), ("cell lost", "○"));
    assert_eq!(cell_state(0, 0, 0, 1), ("cell missing", ""));
}

#[test]
fn every_chart_draws_for_a_plan_of_ten_criteria_with_its_own_bands() {
    // The bands chart once took 19 criteria for granted (it panicked on the 2026 plan).
    use ntm_planner::engine::{CommuneTable, Model, Plan, Scenario};
    let plan = Plan::lang_son_2026();
    let m = Model::new(plan.clone(), CommuneTable::shipped_for(&plan).unwrap());
    let o = m.run(&Scenario::plan());
    let lang = ntm_planner::text::Lang::Vi;
    let bands = ntm_planner::charts::bands_chart(&m, &o, lang);
    for label in ["8–9", "5–7", "3–4", "0–2"] {
        assert!(bands.contains(label), "{label}");
    }
    assert!(!ntm_planner::charts::criteria_chart_with_risk(&m, &o, lang, None).is_empty());
    assert!(!ntm_planner::charts::sources_chart(&m, &o, lang).is_empty());
    assert!(!ntm_planner::charts::districts_chart(&m, &o, lang).is_empty());
}
