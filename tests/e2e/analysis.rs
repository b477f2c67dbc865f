//! Years, goals, risk and the province's own targets, against the engine's numbers.

use crate::harness::*;

#[tokio::test]
async fn the_path_and_the_goals_show_the_engines_numbers_and_an_answer_applies_in_one_step() {
    use ntm_planner::engine::goals::{seek, Goal};
    use ntm_planner::engine::path::{Measure, Path as YearsPath};
    use ntm_planner::engine::{Model, Scenario};
    use ntm_planner::text::number::{amount, number};
    use ntm_planner::text::Lang;
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    let model = Model::shipped();
    let plan = Scenario::plan();
    let path = YearsPath::default_for(&model.plan, &plan).run(&model);
    for y in &path.years {
        let id = format!("path-certified-{}", y.year);
        wait_for_text(&wd, &id, |t| t == y.outcome.certified.to_string()).await;
        let avg = number(y.outcome.avg_criteria, 2, Lang::Vi);
        assert_eq!(text(&wd, &format!("path-avg-{}", y.year)).await, avg);
    }
    let verdict = text(&wd, "path-verdict").await;
    assert!(
        verdict.contains("/ 115") && verdict.contains("chưa đạt"),
        "{verdict}"
    );
    // The target is the planner's: 100 is within reach of the path.
    let target = wd
        .find(By::Css("[data-testid=path-target-certified]"))
        .await
        .unwrap();
    assert_eq!(target.prop("value").await.unwrap().as_deref(), Some("115"));
    type_into(&wd, "path-target-certified", "100").await;
    target.send_keys(Key::Tab).await.unwrap();
    wait_for_text(&wd, "path-verdict", |t| {
        t.contains("/ 100 xã đạt chuẩn — đạt")
    })
    .await;
    // A typed target that is not a whole number is refused and named.
    type_into(&wd, "path-target-certified", "1,5").await;
    target.send_keys(Key::Tab).await.unwrap();
    wait_for_text(&wd, "path-error", |t| t.contains("số nguyên")).await;
    assert!(text(&wd, "path-verdict").await.contains("/ 100"));
    // One year fewer.
    select_value(&wd, "path-last-year", "2024").await;
    wait_for_text(&wd, "path-verdict", |t| t.starts_with("2024")).await;
    assert!(wd
        .find(By::Css("[data-testid=path-certified-2025]"))
        .await
        .is_err());

    // Goals: the least that reaches an average of 15, as `ntm seek` finds it.
    let answer = seek(&model, &plan, Goal::Target(Measure::AvgCriteria, 15.0));
    select_value(&wd, "goal-target", "avg_criteria").await;
    type_into(&wd, "goal-value", "15").await;
    click(&wd, "[data-testid=goal-run]").await;
    let total = format!("{} tỷ đồng", amount(answer.total_investment, 2, Lang::Vi));
    wait_for_text(&wd, "goal-total", |t| t == total).await;
    assert_eq!(text(&wd, "goal-exact").await, "có");
    // Against the scenario's own total: a saving, or how much more (never a negative saving).
    let (label, figure) = if answer.saving < 0.0 {
        (
            "Cần thêm so với kịch bản",
            format!("+{}", amount(-answer.saving, 2, Lang::Vi)),
        )
    } else {
        (
            "Tiết kiệm so với kịch bản",
            amount(answer.saving, 2, Lang::Vi),
        )
    };
    assert_eq!(text(&wd, "goal-saving-label").await, label);
    assert_eq!(text(&wd, "goal-saving").await, figure);
    // A goal the plan's money cannot pay for: what each source alone would have to add, as
    // the engine finds it (sources that cannot help are left out).
    let far = seek(&model, &plan, Goal::Target(Measure::Certified, 150.0));
    select_value(&wd, "goal-target", "certified").await;
    type_into(&wd, "goal-value", "150").await;
    click(&wd, "[data-testid=goal-run]").await;
    let total = format!("{} tỷ đồng", amount(far.total_investment, 2, Lang::Vi));
    wait_for_text(&wd, "goal-total", |t| t == total).await;
    assert!(
        far.saving < 0.0,
        "150 certified costs more than the plan invests"
    );
    assert_eq!(
        text(&wd, "goal-saving-label").await,
        "Cần thêm so với kịch bản"
    );
    assert_eq!(
        text(&wd, "goal-saving").await,
        format!("+{}", amount(-far.saving, 2, Lang::Vi))
    );
    let shown: Vec<String> = {
        let mut v = Vec::new();
        for el in wd
            .find_all(By::Css("[data-testid=goal-more-funding]"))
            .await
            .unwrap()
        {
            v.push(el.text().await.unwrap());
        }
        v
    };
    let wanted: Vec<String> = far
        .more_funding
        .iter()
        .filter(|x| **x > 0.0)
        .map(|x| format!("+{} tỷ đồng", amount(*x, 2, Lang::Vi)))
        .collect();
    assert!(!wanted.is_empty());
    assert_eq!(shown, wanted);
    screenshot(&wd, "goals").await;
    select_value(&wd, "goal-target", "avg_criteria").await;
    type_into(&wd, "goal-value", "15").await;
    click(&wd, "[data-testid=goal-run]").await;
    let total = format!("{} tỷ đồng", amount(answer.total_investment, 2, Lang::Vi));
    wait_for_text(&wd, "goal-total", |t| t == total).await;
    click(&wd, "[data-testid=goal-apply]").await;
    let avg = number(answer.outcome.avg_criteria, 2, Lang::Vi);
    wait_for_text(&wd, "avg-criteria", |t| t == avg).await;
    assert_eq!(
        text(&wd, "certified").await,
        answer.outcome.certified.to_string()
    );
    // The path follows the scenario: its first year is the applied answer.
    wait_for_text(&wd, "path-certified-2022", |t| {
        t == answer.outcome.certified.to_string()
    })
    .await;
    click(&wd, "[data-testid=undo]").await;
    wait_for_text(&wd, "certified", |t| t == "85").await;
    // A goal value that is not a number says so and finds nothing.
    type_into(&wd, "goal-value", "nhiều").await;
    click(&wd, "[data-testid=goal-run]").await;
    wait_for_text(&wd, "goal-error", |t| t.contains("không âm")).await;
    assert!(wd.find(By::Css("[data-testid=goal-total]")).await.is_err());
    // Where the next 100 billion buys most: every criterion, ranked.
    let rows = wd
        .find_all(By::Css("[data-testid=marginal-table] tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 19);
    // In the plan every billion is spent: the page says what that means for the margins, and
    // stops saying it once there is money to spare.
    wait_for_text(&wd, "margins-no-money", |t| t.contains("đã chi hết")).await;
    type_into(&wd, "funding-credit", "5.000").await;
    let deadline = Instant::now() + Duration::from_secs(20);
    while wd
        .find(By::Css("[data-testid=margins-no-money]"))
        .await
        .is_ok()
    {
        assert!(
            Instant::now() < deadline,
            "the note stays with money to spare"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    click(&wd, "[data-testid=undo]").await;
    wait_for_text(&wd, "margins-no-money", |t| t.contains("đã chi hết")).await;
    let path_view = wd.find(By::Css("[data-testid=path-view]")).await.unwrap();
    path_view.scroll_into_view().await.unwrap();
    screenshot(&wd, "path").await;
    assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn risk_runs_in_a_worker_with_the_native_numbers_and_restarts_when_a_lever_moves() {
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    let plan = ntm_planner::engine::Scenario::plan();
    let risk = wd.find(By::Css("[data-testid=risk-view]")).await.unwrap();
    risk.scroll_into_view().await.unwrap();
    let odds = native_risk(&plan, 1);
    expect_risk(&wd, &odds).await;
    // Each preset is named with the range its seed draws from.
    {
        use ntm_planner::engine::risk::RiskSettings;
        use ntm_planner::formats::seeds::RISK_PRESETS;
        use ntm_planner::text::{number::amount, Lang};
        let plan = ntm_planner::engine::Plan::lang_son_2022();
        let options = wd
            .execute("return [...document.querySelectorAll('[data-testid=risk-preset] option')].map(o => o.textContent)", vec![])
            .await
            .unwrap();
        let options: Vec<String> = serde_json::from_value(options.json().clone()).unwrap();
        assert_eq!(options.len(), RISK_PRESETS.len(), "{options:?}");
        for ((_, seed), option) in RISK_PRESETS.iter().zip(&options) {
            let settings = RiskSettings::from_json(seed, &plan, "seed").unwrap();
            let ranges: Vec<_> = settings.disbursement.iter().flatten().collect();
            if ranges.is_empty() {
                assert_eq!(option, "Giải ngân đủ");
                continue;
            }
            let low = ranges.iter().map(|t| t.min).fold(1.0, f64::min);
            let high = ranges.iter().map(|t| t.max).fold(0.0, f64::max);
            let range = format!(
                "({}–{}%)",
                amount(low * 100.0, 1, Lang::Vi),
                amount(high * 100.0, 1, Lang::Vi)
            );
            assert!(option.ends_with(&range), "{option} for {range}");
        }
    }
    wait_for_text(&wd, "risk-status", |t| {
        t.contains("xong 1000 lần (luồng phụ)")
    })
    .await;
    // The bands reach the headline and the criteria table.
    let band = format!(
        "rủi ro P10–P90: {}–{}",
        odds.certified.p10, odds.certified.p90
    );
    assert_eq!(text(&wd, "band-certified").await, band);
    let housing = &odds.criteria[8].met;
    assert_eq!(
        text(&wd, "risk-band-housing").await,
        format!("{}–{}", housing.p10, housing.p90)
    );
    // The path under risk: its first 500 draws, year by year, as the engine draws them.
    {
        use ntm_planner::engine::path::Path as YearsPath;
        use ntm_planner::engine::risk::{path_draw, path_spreads, RiskSettings, PATH_DRAWS};
        let model = ntm_planner::engine::Model::shipped();
        let path = YearsPath::default_for(&model.plan, &plan);
        let settings = RiskSettings::default_for(&model.plan);
        let draws: Vec<Vec<u32>> = (0..PATH_DRAWS)
            .map(|d| path_draw(&path, &model, &settings, d))
            .collect();
        let spreads = path_spreads(&draws);
        let last = spreads.last().unwrap();
        wait_for_text(&wd, "path-band-2025", |t| {
            t == format!("{}–{}", last.p10, last.p90)
        })
        .await;
        assert!(wd.find(By::Css("[data-testid=path-band]")).await.is_ok());
    }
    // The criteria chart carries the whiskers, with their legend.
    let chart = wd
        .find(By::Css("[data-testid=chart-criteria]"))
        .await
        .unwrap();
    chart.scroll_into_view().await.unwrap();
    // Its words (the canvas's text alternative) name the band.
    let mut words = String::new();
    for _ in 0..200 {
        words = wd
            .execute("return document.querySelector('[data-testid=chart-criteria] canvas').getAttribute('aria-label')", vec![])
            .await
            .unwrap()
            .json()
            .as_str()
            .unwrap_or_default()
            .to_string();
        if words.contains("Rủi ro P10–P90") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(words.contains("Rủi ro P10–P90"), "{words}");
    screenshot(&wd, "risk-criteria-chart").await;
    assert!(text(&wd, "risk-chance-certified")
        .await
        .starts_with("Khả năng đạt 85 xã"));
    screenshot(&wd, "risk").await;
    // Another seed: other draws, the same as the command line's for that seed.
    type_into(&wd, "risk-seed", "2").await;
    wd.find(By::Css("[data-testid=risk-seed]"))
        .await
        .unwrap()
        .send_keys(Key::Tab)
        .await
        .unwrap();
    expect_risk(&wd, &native_risk(&plan, 2)).await;
    // A lever moves: the old figures go at once, the new run's come.
    type_into(&wd, "risk-seed", "1").await;
    wd.find(By::Css("[data-testid=risk-seed]"))
        .await
        .unwrap()
        .send_keys(Key::Tab)
        .await
        .unwrap();
    expect_risk(&wd, &native_risk(&plan, 1)).await;
    // While the run draws again after a lever moves, the table keeps its rows' labels.
    wd.execute(
        r#"window.__blankLabels = 0;
        const body = document.querySelector('[data-testid=risk-view] table.risk-table tbody');
        new MutationObserver(() => {
            for (const th of body.querySelectorAll('th')) if (!th.textContent.trim()) window.__blankLabels += 1;
        }).observe(body, { childList: true, subtree: true, characterData: true });"#,
        vec![],
    )
    .await
    .unwrap();
    credit_at_70_percent(&wd).await;
    expect_risk(&wd, &native_risk(&credit_70(), 1)).await;
    risk.scroll_into_view().await.unwrap();
    screenshot(&wd, "19-risk").await;
    let blank = wd
        .execute("return window.__blankLabels", vec![])
        .await
        .unwrap();
    assert_eq!(
        blank.json(),
        &json!(0),
        "the risk table's labels went blank while it drew"
    );
    // A range typed wrong is named and changes nothing.
    type_into(&wd, "risk-range-credit-min", "90").await;
    wd.find(By::Css("[data-testid=risk-range-credit-min]"))
        .await
        .unwrap()
        .send_keys(Key::Tab)
        .await
        .unwrap();
    wait_for_text(&wd, "risk-error", |t| {
        t.contains("Tín dụng") || t.contains("ba số")
    })
    .await;
    expect_risk(&wd, &native_risk(&credit_70(), 1)).await;
    assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_provinces_own_targets_and_unit_costs_are_levers_of_the_scenario() {
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    open_details(&wd, "targets-panel").await;
    // The 2022 targets are the plan's until changed; a count with a fraction is refused.
    let field = |id: &str| format!("[data-testid=\"{id}\"]");
    let certified = wd.find(By::Css(field("target-certified"))).await.unwrap();
    assert_eq!(
        certified.prop("value").await.unwrap().as_deref(),
        Some("85")
    );
    type_into(&wd, "target-certified", "90,5").await;
    wait_for_text(&wd, "target-certified-error", |t| t.contains("số nguyên")).await;
    type_into(&wd, "target-certified", "100").await;
    let card = css_text(&wd, ".headline .card").await;
    assert!(card.contains("mục tiêu 100"), "{card}");
    // A criterion's own target sets its default investment: enough to reach it.
    let before = wd
        .find(By::Css(field("investment-transport")))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    type_into(&wd, "target-transport", "110").await;
    // The target column says 110 (met may fall short: the funding is the same).
    let row =
        wait_for_criterion_row(&wd, "transport", |t| t.split(' ').nth(5) == Some("110")).await;
    let after = wd
        .find(By::Css(field("investment-transport")))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_ne!(before, after, "the default investment follows the target");
    // They go into the link and come back after a reload; undo takes them back.
    tokio::time::sleep(ADDRESS_DELAY).await;
    let url = current_url(&wd).await;
    assert!(
        url.contains("t.certified=100") && url.contains("t.transport=110"),
        "{url}"
    );
    wd.refresh().await.unwrap();
    wait_for_criterion_row(&wd, "transport", |t| t == row).await;
    open_details(&wd, "targets-panel").await;
    click(&wd, "[data-testid=targets-reset]").await;
    wait_for_criterion_row(&wd, "transport", |t| t.contains("102 102")).await;
    let card = css_text(&wd, ".headline .card").await;
    assert!(card.contains("mục tiêu 85"), "{card}");
    click(&wd, "[data-testid=undo]").await;
    wait_for_criterion_row(&wd, "transport", |t| t == row).await;
    screenshot(&wd, "20-targets").await;
    assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn a_path_file_goes_out_and_comes_back_and_a_broken_one_is_named() {
    use ntm_planner::engine::path::Path as YearsPath;
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    let downloads = allow_downloads(&wd, "path-files").await;
    // Out: the path shown, as `ntm path --path` reads it.
    click(&wd, "[data-testid=download-path]").await;
    let file = downloads.join("lo-trinh-Kế-hoạch-2022.json");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !file.exists() {
        assert!(Instant::now() < deadline, "no {file:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let plan = ntm_planner::engine::Plan::lang_son_2022();
    let written = std::fs::read_to_string(&file).unwrap();
    let path = YearsPath::from_json(&written, &plan, "file").unwrap();
    assert_eq!(path.year_list(), vec![2022, 2023, 2024, 2025]);
    assert_eq!(path.targets.len(), 2);
    // In: a path of three years from 2023, credit at 70%, its own targets and cost growth,
    // and a scenario of its own for 2025.
    let mine = downloads.join("lo-trinh-cua-tinh.json");
    std::fs::write(
        &mine,
        r#"{"schema":1,"years":[2023,2024,2025],
            "scenarios":{"2023":{"disbursement":{"credit":0.7}},"2025":{"funding":{"credit":2000}}},
            "carry":{"undisbursed":0,"idle":0,"unused":0},"cost_growth":0.05,
            "targets":{"2025":{"certified":100,"min_criteria":12}}}"#,
    )
    .unwrap();
    wd.find(By::Css("[data-testid=open-path]"))
        .await
        .unwrap()
        .send_keys(mine.to_string_lossy())
        .await
        .unwrap();
    wait_for_text(&wd, "notice", |t| t.contains("lo-trinh-cua-tinh.json")).await;
    wait_for_text(&wd, "shortfall", |t| t == "960").await;
    wait_for_text(&wd, "path-verdict", |t| {
        t.starts_with("2025") && t.contains("/ 100")
    })
    .await;
    assert!(wd
        .find(By::Css("[data-testid=path-certified-2023]"))
        .await
        .is_ok());
    assert!(wd
        .find(By::Css("[data-testid=path-certified-2022]"))
        .await
        .is_err());
    let growth = wd
        .find(By::Css("[data-testid=path-cost-growth]"))
        .await
        .unwrap();
    assert_eq!(growth.prop("value").await.unwrap().as_deref(), Some("5,0"));
    // 2025 has its own scenario, shown and editable; nothing of the file is dropped.
    assert!(text(&wd, "path-year-2025").await.contains("riêng"));
    assert!(text(&wd, "path-year-2024").await.contains("như năm trước"));
    click(&wd, "[data-testid=path-year-2025]").await;
    assert_eq!(field_value(&wd, "path-funding-credit").await, "2.000");
    assert_eq!(field_value(&wd, "path-disbursement-credit").await, "100");
    let expected = YearsPath::from_json(&std::fs::read_to_string(&mine).unwrap(), &plan, "file")
        .unwrap()
        .run(&ntm_planner::engine::Model::shipped());
    for y in &expected.years {
        let id = format!("path-certified-{}", y.year);
        assert_eq!(
            text(&wd, &id).await,
            y.outcome.certified.to_string(),
            "{id}"
        );
    }
    // The same path from 2026: every year, scenario and target moved along, the same numbers.
    type_into(&wd, "path-first-year", "2026").await;
    wd.find(By::Css("[data-testid=path-first-year]"))
        .await
        .unwrap()
        .send_keys(Key::Tab)
        .await
        .unwrap();
    wait_for_text(&wd, "path-verdict", |t| {
        t.starts_with("2028") && t.contains("/ 100")
    })
    .await;
    for y in &expected.years {
        let id = format!("path-certified-{}", y.year + 3);
        wait_for_text(&wd, &id, |t| t == y.outcome.certified.to_string()).await;
    }
    assert!(text(&wd, "path-year-2028").await.contains("riêng"));
    type_into(&wd, "path-first-year", "1999").await;
    wd.find(By::Css("[data-testid=path-first-year]"))
        .await
        .unwrap()
        .send_keys(Key::Tab)
        .await
        .unwrap();
    wait_for_text(&wd, "path-error", |t| t.contains("2000")).await;
    assert!(text(&wd, "path-verdict").await.starts_with("2028"));
    type_into(&wd, "path-first-year", "2023").await;
    wd.find(By::Css("[data-testid=path-first-year]"))
        .await
        .unwrap()
        .send_keys(Key::Tab)
        .await
        .unwrap();
    wait_for_text(&wd, "path-verdict", |t| t.starts_with("2025")).await;
    // A broken file: named, nothing changes.
    let broken = downloads.join("hong.json");
    std::fs::write(&broken, r#"{"schema":1,"years":[2023,2025]}"#).unwrap();
    wd.find(By::Css("[data-testid=open-path]"))
        .await
        .unwrap()
        .send_keys(broken.to_string_lossy())
        .await
        .unwrap();
    let notice = wait_for_text(&wd, "notice", |t| t.contains("hong.json")).await;
    assert!(
        notice.contains("\"years\"") && notice.contains("không đổi"),
        "{notice}"
    );
    assert!(text(&wd, "path-verdict").await.contains("/ 100"));
    assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn each_year_of_the_path_has_its_own_scenario_kept_and_linked() {
    use ntm_planner::engine::path::Path as YearsPath;
    use ntm_planner::engine::{Model, Scenario};
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    let model = Model::shipped();
    let credit = model.plan.source_index("credit").unwrap();
    let base = YearsPath::default_for(&model.plan, &Scenario::plan());
    let before = base.run(&model);
    // 2024 of its own: at first the year before's levers as numbers (nothing moves), then no
    // credit at all that year.
    let mut own = Scenario::plan();
    for (k, c) in before.years[2].outcome.criteria.iter().enumerate() {
        own.investment[k] = Some(c.investment);
    }
    own.funding[credit] = Some(0.0);
    let mut changed = base.clone();
    changed.set_scenario(2024, own);
    let after = changed.run(&model);
    assert_ne!(
        before.years[3].outcome.certified, after.years[3].outcome.certified,
        "the change shows in 2025"
    );
    let shows = |o: &ntm_planner::engine::path::PathOutcome| {
        o.years
            .iter()
            .map(|y| {
                (
                    format!("path-certified-{}", y.year),
                    y.outcome.certified.to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let expect = |o: ntm_planner::engine::path::PathOutcome| {
        let wd = wd.clone();
        async move {
            for (id, value) in shows(&o) {
                wait_for_text(&wd, &id, |t| t == value).await;
            }
        }
    };
    expect(before.clone()).await;
    // The year being edited is the one marked; the first is the scenario on screen.
    let tab = wd
        .find(By::Css("[data-testid=path-year-2022]"))
        .await
        .unwrap();
    assert_eq!(
        tab.attr("aria-selected").await.unwrap().as_deref(),
        Some("true")
    );
    assert!(text(&wd, "path-year-note").await.contains("2022"));
    click(&wd, "[data-testid=path-year-2024]").await;
    let tab = wd
        .find(By::Css("[data-testid=path-year-2024]"))
        .await
        .unwrap();
    assert_eq!(
        tab.attr("aria-selected").await.unwrap().as_deref(),
        Some("true")
    );
    let same = wd.find(By::Css("[data-testid=path-same]")).await.unwrap();
    assert!(
        same.is_selected().await.unwrap(),
        "same as last year by default"
    );
    same.click().await.unwrap();
    wait_for_text(&wd, "path-year-2024", |t| t.contains("riêng")).await;
    expect(before.clone()).await;
    type_into(&wd, "path-funding-credit", "0").await;
    expect(after.clone()).await;
    screenshot(&wd, "path-year-own").await;
    // The one-year figures are the first year's: unchanged.
    assert_eq!(text(&wd, "certified").await, "85");
    // In the link, kept over a reload, and opened by someone else from the link alone.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let url = current_url(&wd).await;
    assert!(url.contains("&p=") || url.contains("#p="), "{url}");
    wd.refresh().await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    expect(after.clone()).await;
    let other = browser(&page.driver, 1366, 900).await;
    other.goto(&url).await.unwrap();
    wait_for_text(&other, "certified", |t| t == "85").await;
    for (id, value) in shows(&after) {
        wait_for_text(&other, &id, |t| t == value).await;
    }
    assert!(text(&other, "path-year-2024").await.contains("riêng"));
    other.quit().await.unwrap();
    // Without the link, the path kept in this browser comes back.
    wd.goto(page.server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    expect(after.clone()).await;
    // A broken path typed into the address bar of the open page is named, and the path on
    // screen stays. (It was ignored, then overwritten by the link's next write: the reload that
    // followed in this test saw the kept path or the broken one, by the timers' race.)
    let broken = format!(
        "{}#p=%7B%22schema%22%3A1%2C%22years%22%3A%5B2023%2C2025%5D%7D",
        page.server.url()
    );
    wd.goto(&broken).await.unwrap();
    let notice = wait_for_text(&wd, "notice", |t| {
        t.contains("đường liên kết, lộ trình (p)")
    })
    .await;
    assert!(
        notice.contains("\"years\"") && notice.contains("giữ nguyên"),
        "{notice}"
    );
    expect(after.clone()).await;
    screenshot(&wd, "path-broken-link").await;
    // The same link opened afresh: named on opening, the default path shown.
    wd.goto("about:blank").await.unwrap();
    wd.goto(&broken).await.unwrap();
    let notice = wait_for_text(&wd, "notice", |t| {
        t.contains("đường liên kết, lộ trình (p)")
    })
    .await;
    assert!(notice.contains("\"years\""), "{notice}");
    expect(before.clone()).await;
    // Back to "same as last year": the path is the shipped one again, and the link says so.
    wd.goto(page.server.url()).await.unwrap();
    wait_for_text(&wd, "certified", |t| t == "85").await;
    expect(after).await;
    click(&wd, "[data-testid=path-year-2024]").await;
    click(&wd, "[data-testid=path-same]").await;
    expect(before).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(!current_url(&wd).await.contains("p="));
    screenshot(&wd, "path-years").await;
    assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn on_the_countrys_table_the_path_runs_in_slices_and_a_goal_in_the_worker() {
    use ntm_planner::engine::goals::{seek, Goal};
    use ntm_planner::engine::path::{Measure, Path as YearsPath};
    use ntm_planner::engine::{CommuneTable, Model, Plan, Scenario};
    use ntm_planner::text::number::amount;
    use ntm_planner::text::Lang;
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    let plan = Plan::lang_son_2022();
    let csv = import_country_table(&wd).await;
    let model = Model::new(
        plan.clone(),
        CommuneTable::from_csv(
            csv.as_bytes(),
            &ntm_planner::engine::Plan::lang_son_2022(),
            "t",
        )
        .unwrap(),
    );
    // The path, a year a slice: the same numbers as the engine's in one go.
    let path = YearsPath::default_for(&model.plan, &Scenario::plan()).run(&model);
    for y in &path.years {
        let id = format!("path-certified-{}", y.year);
        let wanted = ntm_planner::text::number::number(f64::from(y.outcome.certified), 0, Lang::Vi);
        wait_for_text(&wd, &id, |t| {
            t == wanted || t == y.outcome.certified.to_string()
        })
        .await;
    }
    // A goal beyond what is certified, found in the worker, as `ntm seek` finds it.
    let target = f64::from(path.years[0].outcome.certified + 50);
    let answer = seek(
        &model,
        &Scenario::plan(),
        Goal::Target(Measure::Certified, target),
    );
    select_value(&wd, "goal-target", "certified").await;
    type_into(&wd, "goal-value", &format!("{target}")).await;
    click(&wd, "[data-testid=goal-run]").await;
    let total = format!("{} tỷ đồng", amount(answer.total_investment, 2, Lang::Vi));
    wait_for_text(&wd, "goal-total", |t| t == total).await;
    let communes = text(&wd, "goal-communes").await;
    assert!(
        communes.starts_with(&format!("{}:", answer.outcome.newly_certified.len())),
        "{communes}"
    );
    assert!(
        wd.find(By::Css("[data-testid=goal-seeking]"))
            .await
            .is_err(),
        "done seeking"
    );
    assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_risk_band_says_which_levers_its_ranges_replace_and_can_draw_around_them() {
    use ntm_planner::engine::risk::{DisbursementDraws, RiskRun, RiskSettings};
    use ntm_planner::engine::Model;
    let model = Model::shipped();
    let direct = model.plan.source_index("direct").unwrap();
    let mut half = ntm_planner::engine::Scenario::plan();
    half.disbursement[direct] = Some(0.5);
    let settings = RiskSettings::default_for(&model.plan);
    let drawn = |how| {
        let s = settings.drawn(how, &model.levers(&half).disbursement);
        RiskRun::new(&model, &half, s).run()
    };
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    assert_eq!(
        text(&wd, "band-replaces").await,
        "",
        "nothing replaced at the plan"
    );
    open_assumptions(&wd).await;
    type_into(&wd, "disbursement-direct", "50").await;
    // Drawn from the settings' ranges: the band is the ranges', and the headline says why.
    let ranges = drawn(DisbursementDraws::SettingsRanges);
    let band = |r: &ntm_planner::engine::risk::RiskOutcome| {
        format!("rủi ro P10–P90: {}–{}", r.certified.p10, r.certified.p90)
    };
    wait_for_text(&wd, "band-certified", |t| t == band(&ranges)).await;
    let note = text(&wd, "band-replaces").await;
    assert!(
        note.contains(&model.plan.sources[direct].short_vi) && note.contains("cần gạt"),
        "{note}"
    );
    scroll_to(&wd, "risk-view").await;
    assert_eq!(text(&wd, "risk-replaces").await, note);
    // The printed report says it on its risk page too.
    click(&wd, "[data-testid=print]").await;
    assert_eq!(
        wait_for_text(&wd, "risk-drawn", |t| !t.is_empty()).await,
        note
    );
    click(&wd, "[data-testid=report-close]").await;
    // Drawn around the levers: the band follows the 50%, and the note goes.
    click(&wd, "[data-testid=risk-around-levers]").await;
    let around = drawn(DisbursementDraws::AroundLevers);
    let avg_band = |r: &ntm_planner::engine::risk::RiskOutcome| {
        use ntm_planner::text::{number::number, Lang};
        let a = r.avg_criteria;
        format!(
            "rủi ro P10–P90: {}–{}",
            number(a.p10, 2, Lang::Vi),
            number(a.p90, 2, Lang::Vi)
        )
    };
    assert_ne!(
        avg_band(&around),
        avg_band(&ranges),
        "less money drawn, fewer criteria"
    );
    wait_for_text(&wd, "band-avg", |t| t == avg_band(&around)).await;
    assert_eq!(text(&wd, "band-certified").await, band(&around));
    assert_eq!(text(&wd, "band-replaces").await, "");
    expect_risk(&wd, &around).await;
    click(&wd, "[data-testid=print]").await;
    let drawn = wait_for_text(&wd, "risk-drawn", |t| !t.is_empty()).await;
    assert!(drawn.contains("quanh mức của cần gạt"), "{drawn}");
    wd.quit().await.unwrap();
}
