//! The province's own commune table: import, preview, refusals, tables without districts.

use crate::harness::*;

/// Broken commune tables of many kinds: each is refused with a report, and nothing changes.
fn broken_tables(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let shipped = ntm_planner::formats::seeds::SHIPPED_COMMUNES;
    let lines: Vec<&str> = shipped.lines().collect();
    let with_line = |i: usize, line: String| {
        let mut l: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        l[i] = line;
        l.join("\n") + "\n"
    };
    let files: Vec<(String, Vec<u8>, &'static str)> = vec![
        ("trong.csv".into(), Vec::new(), "trống"),
        (
            "chi-tieu-de.csv".into(),
            format!("{}\n", lines[0]).into_bytes(),
            "không có xã",
        ),
        (
            "thieu-cot.csv".into(),
            shipped.replace(",tc7,", ",tc77,").into_bytes(),
            "tc7",
        ),
        (
            "trung-ma.csv".into(),
            with_line(5, lines[2].to_string()).into_bytes(),
            "trùng",
        ),
        (
            "sai-gia-tri.csv".into(),
            with_line(10, lines[10].replacen(",1,", ",có,", 1)).into_bytes(),
            "dòng 11",
        ),
        (
            "thieu-o.csv".into(),
            with_line(20, lines[20].trim_end_matches(',').to_string()).into_bytes(),
            "dòng 21",
        ),
        (
            "anh.png".into(),
            vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
            "nhị phân",
        ),
        (
            "latin1.csv".into(),
            {
                let mut b = shipped.as_bytes().to_vec();
                b.extend_from_slice(b"x9,X\xe3 M\xf4t,Huy\xean A,0,0,0\n");
                b
            },
            "UTF-8",
        ),
        (
            "gia.xlsx".into(),
            b"PK\x03\x04 this is no workbook".to_vec(),
            "Excel",
        ),
        (
            "kich-ban.json".into(),
            br#"{"schema": 1}"#.to_vec(),
            "thiếu cột",
        ),
        (
            "nhieu-loi.csv".into(),
            {
                let mut l: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
                l[4] = l[4].replacen(",0,", ",x,", 1);
                l[9] = l[9].trim_end_matches(',').to_string();
                l[30] = l[2].clone();
                (l.join("\n") + "\n").into_bytes()
            },
            "3 dòng có lỗi",
        ),
        (
            "chi-phi-am.csv".into(),
            {
                let idx = lines
                    .iter()
                    .rposition(|l| l.split(',').skip(6).take(19).any(|c| c == "0"))
                    .unwrap();
                let cells: Vec<&str> = lines[idx].split(',').collect();
                let k = (0..19).find(|&k| cells[6 + k] == "0").unwrap();
                let mut cells: Vec<String> = cells.iter().map(|s| s.to_string()).collect();
                cells[25 + k] = "-3".into();
                with_line(idx, cells.join(",")).into_bytes()
            },
            "-3",
        ),
    ];
    files
        .into_iter()
        .map(|(name, bytes, expected)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            (path, expected)
        })
        .collect()
}

/// The shipped table as a workbook with Vietnamese headers, its values changed so that the
/// import shows: every commune in Tràng Định meets criterion 2 (transport).
fn province_workbook(path: &Path) {
    let bytes = crate::common::shipped_as_xlsx(0, |r, c, cell| {
        let line = ntm_planner::formats::seeds::SHIPPED_COMMUNES
            .lines()
            .nth(r)?;
        (r > 0 && c == 7 && line.split(',').nth(2) == Some("Tràng Định")).then(|| {
            let _ = cell;
            "1".to_string()
        })
    });
    std::fs::write(path, bytes).unwrap();
}

#[tokio::test]
async fn importing_the_provinces_table_previews_refuses_broken_files_and_survives_a_reload() {
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    let dir = scratch_dir("import");
    let transport_before = criterion_row(&wd, "transport").await;
    for (file, expected) in broken_tables(&dir) {
        let input = wd
            .find(By::Css("[data-testid=import-table]"))
            .await
            .unwrap();
        input.send_keys(file.to_string_lossy()).await.unwrap();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let report = wait_for_text(&wd, "import-report", |t| t.contains(&name)).await;
        assert!(
            report.contains(expected),
            "{name}: {report} should say {expected}"
        );
        assert!(report.contains("Chưa thay đổi gì"), "{report}");
        assert_eq!(
            text(&wd, "certified").await,
            "85",
            "{name} changed the results"
        );
        assert_eq!(criterion_row(&wd, "transport").await, transport_before);
        assert!(text(&wd, "table-in-use").await.contains("minh họa"));
        assert!(!text(&wd, "illustrative-banner").await.is_empty());
    }
    screenshot(&wd, "12-import-refused").await;
    // A good workbook: a preview first; cancel changes nothing.
    let good = dir.join("xa-lang-son-2021.xlsx");
    province_workbook(&good);
    wd.find(By::Css("[data-testid=import-table]"))
        .await
        .unwrap()
        .send_keys(good.to_string_lossy())
        .await
        .unwrap();
    let report = wait_for_text(&wd, "import-report", |t| t.contains("181 xã")).await;
    assert!(
        report.contains("xa-lang-son-2021.xlsx") && report.contains("11 huyện"),
        "{report}"
    );
    screenshot(&wd, "13-import-preview").await;
    click(&wd, "[data-testid=import-cancel]").await;
    assert_eq!(criterion_row(&wd, "transport").await, transport_before);
    wd.find(By::Css("[data-testid=import-table]"))
        .await
        .unwrap()
        .send_keys(good.to_string_lossy())
        .await
        .unwrap();
    wait_for_text(&wd, "import-report", |t| t.contains("181 xã")).await;
    click(&wd, "[data-testid=import-confirm]").await;
    let transport_after = wait_for_criterion_row(&wd, "transport", |t| t != transport_before).await;
    assert!(text(&wd, "table-in-use")
        .await
        .contains("xa-lang-son-2021.xlsx"));
    assert!(
        wd.find_all(By::Css("[data-testid=illustrative-banner]"))
            .await
            .unwrap()
            .is_empty(),
        "the banner goes"
    );
    wd.refresh().await.unwrap();
    wait_for_criterion_row(&wd, "transport", |t| t == transport_after).await;
    assert!(wd
        .find_all(By::Css("[data-testid=illustrative-banner]"))
        .await
        .unwrap()
        .is_empty());
    click(&wd, "[data-testid=use-illustrative]").await;
    wait_for_criterion_row(&wd, "transport", |t| t == transport_before).await;
    assert!(!text(&wd, "illustrative-banner").await.is_empty());
    wd.refresh().await.unwrap();
    wait_for_criterion_row(&wd, "transport", |t| t == transport_before).await;
    assert_eq!(errors(&wd).await, Vec::<String>::new());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn a_province_table_without_districts_works_everywhere_and_survives_a_reload() {
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    // Every target fits the shipped table of 181 communes: nothing to say.
    wait_for_text(&wd, "certified", |t| !t.is_empty()).await;
    assert!(wd
        .find_all(By::Css("[data-testid=targets-beyond-table]"))
        .await
        .unwrap()
        .is_empty());
    // 65 units, no district column: a province's table since July 2025.
    let dir = scratch_dir("no-districts");
    let file = dir.join("xa-2025.csv");
    let table: String = ntm_planner::formats::seeds::SHIPPED_COMMUNES
        .lines()
        .take(66)
        .map(|line| {
            let mut cells: Vec<&str> = line.split(',').collect();
            cells.remove(2);
            cells.join(",") + "\n"
        })
        .collect();
    std::fs::write(&file, table).unwrap();
    wd.find(By::Css("[data-testid=import-table]"))
        .await
        .unwrap()
        .send_keys(file.to_string_lossy())
        .await
        .unwrap();
    let report = wait_for_text(&wd, "import-report", |t| t.contains("65 xã")).await;
    assert!(report.contains("không có cột huyện"), "{report}");
    click(&wd, "[data-testid=import-confirm]").await;
    wait_for_text(&wd, "table-in-use", |t| t.contains("xa-2025.csv")).await;
    // Counts come from the table in use, and the plan's claim is checked, not assumed.
    let subtitle = css_text(&wd, ".subtitle").await;
    assert!(subtitle.contains("65 xã"), "{subtitle}");
    let summary = text(&wd, "change-summary").await;
    assert!(summary.contains("chưa đạt chỉ tiêu 2022"), "{summary}");
    // The plan's targets count 181 communes: those the 65 cannot reach are named, as the
    // engine finds them, until the planner sets the province's own.
    let plan = ntm_planner::engine::Plan::lang_son_2022();
    let said = |certified: u32| {
        let beyond = ntm_planner::engine::check::beyond_the_table(
            65,
            certified,
            plan.criteria.iter().map(|c| c.target),
        )
        .unwrap();
        ntm_planner::text::check::say_beyond_the_table(&beyond, &plan, ntm_planner::text::Lang::Vi)
    };
    let beyond = text(&wd, "targets-beyond-table").await;
    assert_eq!(beyond, said(85));
    assert!(
        beyond.contains("có 65 xã") && beyond.contains("mục tiêu 85"),
        "{beyond}"
    );
    open_details(&wd, "targets-panel").await;
    type_into(&wd, "target-certified", "60").await;
    wait_for_text(&wd, "targets-beyond-table", |t| t == said(60)).await;
    let rows = wd
        .find_all(By::Css("[data-testid=communes-grid] tbody tr"))
        .await
        .unwrap_or_default();
    let districts_chart = css_text(&wd, ".charts").await;
    assert!(
        districts_chart.contains("không có cột huyện"),
        "{districts_chart}"
    );
    // The path, the goals and the odds run on it.
    wait_for_text(&wd, "path-certified-2025", |t| !t.is_empty()).await;
    // So is the path's 2025 target of 115 certified communes.
    let path =
        ntm_planner::engine::path::Path::default_for(&plan, &ntm_planner::engine::Scenario::plan());
    let beyond = path.certified_targets_beyond(65);
    assert_eq!(beyond.len(), 1);
    assert_eq!(
        text(&wd, "path-target-beyond").await,
        ntm_planner::text::Lang::Vi.fill(
            ntm_planner::text::sentences::PATH_TARGET_BEYOND_THE_TABLE,
            &[
                (
                    "target",
                    &ntm_planner::text::number::number(
                        beyond[0].target,
                        0,
                        ntm_planner::text::Lang::Vi
                    )
                ),
                ("year", &beyond[0].year),
                ("communes", &65)
            ]
        )
    );
    scroll_to(&wd, "path-view").await;
    screenshot(&wd, "19-no-districts-path").await;
    wait_for_text(&wd, "risk-status", |t| t.contains("xong")).await;
    click(&wd, "[data-testid=print]").await;
    wait_for_text(&wd, "report", |t| t.contains("không có cột huyện")).await;
    assert_eq!(text(&wd, "report-targets-beyond-table").await, said(60));
    click(&wd, "[data-testid=report-close]").await;
    wd.refresh().await.unwrap();
    wait_for_text(&wd, "table-in-use", |t| t.contains("xa-2025.csv")).await;
    screenshot(&wd, "19-no-districts").await;
    assert!(
        errors(&wd).await.is_empty(),
        "{:?} ({} grid rows)",
        errors(&wd).await,
        rows.len()
    );
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn a_table_with_no_border_communes_shows_no_border_average() {
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    // An inland table: the shipped one with every commune off the border.
    let dir = scratch_dir("no-border");
    let file = dir.join("xa-noi-dia.csv");
    let table: String = ntm_planner::formats::seeds::SHIPPED_COMMUNES
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let mut cells: Vec<&str> = line.split(',').collect();
            if i > 0 {
                cells[3] = "0";
            }
            cells.join(",") + "\n"
        })
        .collect();
    std::fs::write(&file, table).unwrap();
    // With border communes, their average and its target.
    assert!(text(&wd, "border-note").await.contains("15"));
    choose_file(&wd, "import-table", &file).await;
    wait_for_text(&wd, "import-report", |t| t.contains("181 xã")).await;
    click(&wd, "[data-testid=import-confirm]").await;
    wait_for_text(&wd, "table-in-use", |t| t.contains("xa-noi-dia.csv")).await;
    // An average of no communes is not 0 below the target: a dash, said why, not in red.
    assert_eq!(wait_for_text(&wd, "border-avg", |t| t == "—").await, "—");
    assert_eq!(
        text(&wd, "border-note").await,
        "bảng xã đang dùng không có xã biên giới"
    );
    let card = wd
        .find(By::XPath(
            "//*[@data-testid='border-avg']/ancestor::div[contains(@class,'card')][1]",
        ))
        .await
        .unwrap();
    let class = card.attr("class").await.unwrap().unwrap_or_default();
    assert!(!class.contains("short") && !class.contains("ok"), "{class}");
    // The path's years, and the comparison (the two presets with the scenario shown).
    wait_for_text(&wd, "path-certified-2025", |t| !t.is_empty()).await;
    for year in 2022..=2025 {
        assert_eq!(text(&wd, &format!("path-border-{year}")).await, "—");
    }
    click(&wd, "[data-testid=compare]").await;
    let compared = wait_for_text(&wd, "compare-table", |t| !t.is_empty()).await;
    assert!(
        compared.contains("Bình quân tiêu chí/xã")
            && !compared.contains(ntm_planner::text::sentences::BORDER_COMMUNES_CRITERIA_EACH.vi),
        "{compared}"
    );
    click(&wd, "[data-testid=compare]").await;
    click(&wd, "[data-testid=print]").await;
    assert_eq!(
        wait_for_text(&wd, "report-border-avg", |t| !t.is_empty()).await,
        "—"
    );
    assert!(errors(&wd).await.is_empty(), "{:?}", errors(&wd).await);
    wd.quit().await.unwrap();
}
