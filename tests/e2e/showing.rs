//! Showing results: comparison, presentation, the printed report, exports.

use crate::harness::*;

// ---- Showing: compare, present, print, export ---------------------------------------------

#[tokio::test]
async fn scenarios_side_by_side() {
    let page = open_page(1920, 1080).await;
    let wd = page.wd.clone();
    credit_at_70_percent(&wd).await;
    // One saved scenario to compare too.
    name_scenario(&wd, "Tín dụng 70% đã lưu").await;
    click(&wd, "[data-testid=save]").await;
    wait_for_text(&wd, "scenario-list", |t| t.contains("Tín dụng 70% đã lưu")).await;
    click(&wd, "[data-testid=compare]").await;
    // The plan and the scenario shown are picked at first.
    let table = wait_for_text(&wd, "compare-table", |t| t.contains("85")).await;
    assert!(table.contains("82 (-3)"), "{table}");
    // Add two presets: four scenarios side by side.
    let picks = wd.find_all(By::Css(".compare-view .pick")).await.unwrap();
    for pick in &picks {
        let label = pick.text().await.unwrap();
        if label.contains("Đóng góp cộng đồng") || label.contains("biên giới") {
            pick.find(By::Css("input"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
        }
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let heads = wd
        .find_all(By::Css("[data-testid=compare-table] thead th"))
        .await
        .unwrap();
    assert_eq!(heads.len(), 5, "four scenarios and the label column");
    let table = text(&wd, "compare-table").await;
    assert!(
        table.contains("80 (-5)"),
        "border first certifies 80: {table}"
    );
    let criteria = text(&wd, "compare-criteria").await;
    assert!(criteria.contains("Thu nhập"), "{criteria}");
    // The path draws a faint line for each scenario compared besides the one shown, each
    // ending where that scenario's own path ends (the plan's: the native path's 2025).
    let lines = wd
        .find_all(By::Css("[data-testid=path-compare-line]"))
        .await
        .unwrap();
    assert_eq!(lines.len(), 3, "plan and two presets");
    let model = ntm_planner::engine::Model::shipped();
    let plan_path = ntm_planner::engine::path::Path::default_for(
        &model.plan,
        &ntm_planner::engine::Scenario::plan(),
    )
    .run(&model);
    let legend = text(&wd, "path-compare-legend").await;
    let plan_end = plan_path.years.last().unwrap().outcome.certified;
    assert!(
        legend.contains(&format!(
            "{}: {plan_end}.",
            model.plan.default_scenario_name
        )),
        "{legend}"
    );
    assert!(
        !wd.find_all(By::Css("[data-testid=compare-criteria] td.worse"))
            .await
            .unwrap()
            .is_empty(),
        "differences are marked"
    );
    let svg = wd
        .find(By::Css("[data-testid=chart-compare] svg"))
        .await
        .unwrap();
    assert!(svg.inner_html().await.unwrap().contains("rect"));
    // A fifth pick, the saved scenario: four at the most, the oldest pick (the plan) gives way.
    let plan_name = ntm_planner::engine::Plan::lang_son_2022().default_scenario_name;
    let heads_text = |wd: WebDriver| async move {
        let mut names = Vec::new();
        for th in wd
            .find_all(By::Css("[data-testid=compare-table] thead th"))
            .await
            .unwrap()
        {
            names.push(th.text().await.unwrap());
        }
        names
    };
    assert!(heads_text(wd.clone())
        .await
        .iter()
        .any(|h| h.contains(&plan_name)));
    for pick in wd.find_all(By::Css(".compare-view .pick")).await.unwrap() {
        // The saved one (the scenario shown has the same name after "Đang xem: ").
        if pick.text().await.unwrap().trim() == "Tín dụng 70% đã lưu" {
            pick.find(By::Css("input"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
        }
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let heads = heads_text(wd.clone()).await;
    assert_eq!(heads.len(), 5, "still four scenarios: {heads:?}");
    assert!(!heads.iter().any(|h| h.contains(&plan_name)), "{heads:?}");
    assert!(
        heads.iter().any(|h| h.contains("Tín dụng 70% đã lưu")),
        "{heads:?}"
    );
    scroll_to(&wd, "compare-view").await;
    screenshot(&wd, "14-compare").await;
    assert_eq!(errors(&wd).await, Vec::<String>::new());
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn presentation_mode_moves_with_the_keys_a_clicker_sends() {
    let page = open_page(1920, 1080).await;
    let wd = page.wd.clone();
    click(&wd, "[data-testid=present]").await;
    assert_eq!(
        wait_for_text(&wd, "slide-number", |t| t == "1 / 9").await,
        "1 / 9"
    );
    let body = text(&wd, "presentation").await;
    assert!(
        body.contains("85") && body.contains("Xã đạt chuẩn NTM"),
        "{body}"
    );
    screenshot(&wd, "15-present-headline").await;
    // Only the slide scrolls: the page behind it shows no scroll bars (its own width at the
    // screen's size is no concern of the slides). The widest elements are named if it fails.
    let bars = wd
        .execute(
            r#"const d = document.documentElement;
               const wide = [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > d.clientWidth + 1)
                 .slice(0, 5).map(e => e.tagName + '.' + e.className);
               return [innerWidth - d.clientWidth, innerHeight - d.clientHeight, wide.join(' ')];"#,
            vec![],
        )
        .await
        .unwrap();
    let bars = bars.json();
    assert_eq!(
        (&bars[0], &bars[1]),
        (&json!(0), &json!(0)),
        "scroll bars behind the slide: {bars}"
    );
    let full = wd
        .execute("return document.fullscreenElement !== null", vec![])
        .await
        .unwrap();
    assert_eq!(
        full.json(),
        &json!(true),
        "the presentation fills the screen"
    );
    let send = |key: Key| {
        let wd = wd.clone();
        async move {
            wd.action_chain().send_keys(key).perform().await.unwrap();
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    };
    send(Key::Right).await;
    assert_eq!(text(&wd, "slide-number").await, "2 / 9");
    assert!(text(&wd, "presentation").await.contains("Giao thông"));
    // Each criterion heads its row, for a screen reader as for the eye.
    let headers = wd
        .execute(
            "return [...document.querySelectorAll('.presentation tbody th[scope=row]')].map(t => t.textContent)",
            vec![],
        )
        .await
        .unwrap();
    let headers: Vec<String> = serde_json::from_value(headers.json().clone()).unwrap();
    assert_eq!(headers.len(), 19, "{headers:?}");
    assert_eq!(headers[1], "2. Giao thông");
    screenshot(&wd, "16-present-criteria").await;
    send(Key::PageDown).await;
    assert_eq!(text(&wd, "slide-number").await, "3 / 9");
    send(Key::PageDown).await;
    send(Key::PageDown).await;
    assert_eq!(text(&wd, "slide-number").await, "5 / 9");
    let path = text(&wd, "presentation").await;
    assert!(
        path.contains("2025") && path.contains("mục tiêu 115"),
        "{path}"
    );
    send(Key::PageDown).await;
    assert_eq!(text(&wd, "slide-number").await, "6 / 9");
    // The goals: none sought yet, and where the next 100 billion buys most.
    let goals = text(&wd, "presentation").await;
    assert!(
        goals.contains("Chưa tìm mục tiêu")
            && goals.contains("Thêm 100 tỷ đồng")
            && goals.contains("đã chi hết"),
        "{goals}"
    );
    screenshot(&wd, "18-present-goals").await;
    send(Key::PageDown).await;
    assert_eq!(text(&wd, "slide-number").await, "7 / 9");
    let odds = wait_for_text(&wd, "risk-summary", |t| t.contains("Khả năng đạt 85")).await;
    assert!(odds.contains("P10"), "{odds}");
    screenshot(&wd, "18-present-risk").await;
    send(Key::PageDown).await;
    assert_eq!(text(&wd, "slide-number").await, "8 / 9");
    // The map: every commune drawn, readable on a projector, with its source.
    let map = wait_for_text(&wd, "printed-map", |t| t.contains("vietnamadminunits")).await;
    assert!(
        map.contains("Bản đồ các xã, cuối năm 2022") && map.contains("5 xã không có vị trí"),
        "{map}"
    );
    let marks = wd
        .execute("return document.querySelectorAll('.presentation svg circle, .presentation svg polygon').length", vec![])
        .await
        .unwrap();
    assert!(marks.json().as_u64().unwrap() >= 176, "{marks:?}");
    screenshot(&wd, "18-present-map").await;
    send(Key::PageDown).await;
    assert_eq!(text(&wd, "slide-number").await, "9 / 9");
    assert!(text(&wd, "presentation").await.contains("Kế hoạch"));
    send(Key::PageDown).await;
    assert_eq!(
        text(&wd, "slide-number").await,
        "9 / 9",
        "the last view stays"
    );
    send(Key::PageUp).await;
    send(Key::PageUp).await;
    send(Key::PageUp).await;
    send(Key::PageUp).await;
    send(Key::PageUp).await;
    send(Key::Left).await;
    assert_eq!(text(&wd, "slide-number").await, "3 / 9");
    screenshot(&wd, "17-present-districts").await;
    send(Key::Escape).await;
    assert!(
        wd.find_all(By::Css("[data-testid=presentation]"))
            .await
            .unwrap()
            .is_empty(),
        "Escape leaves"
    );
    let full = wd
        .execute("return document.fullscreenElement !== null", vec![])
        .await
        .unwrap();
    assert_eq!(full.json(), &json!(false), "and leaves full screen");
    assert_eq!(text(&wd, "certified").await, "85");
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn the_report_prints_on_a4_in_vietnamese() {
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    name_scenario(&wd, "Tín dụng về 70%").await;
    open_assumptions(&wd).await;
    type_into(&wd, "disbursement-credit", "70").await;
    type_into(&wd, "investment-transport", "500").await;
    // Both changes on screen before printing: the engine's shortfall for both.
    let model = ntm_planner::engine::Model::shipped();
    let mut s = credit_70();
    s.investment[model.plan.criterion_index("transport").unwrap()] = Some(500.0);
    let short = ntm_planner::text::number::amount(
        model.run(&s).funding.shortfall,
        2,
        ntm_planner::text::Lang::Vi,
    );
    assert_ne!(short, "960");
    wait_for_text(&wd, "shortfall", |t| t == short).await;
    click(&wd, "[data-testid=print]").await;
    wait_for_text(&wd, "report", |t| t.contains("BÁO CÁO")).await;
    wait_for_text(&wd, "risk-summary", |t| t.contains("Khả năng đạt")).await;
    wait_for_text(&wd, "printed-map", |t| t.contains("vietnamadminunits")).await;
    scroll_to(&wd, "report").await;
    screenshot(&wd, "18-report").await;
    // *In* asks the browser to print (observed: headless Chromium has no print dialog).
    wd.execute(
        "window.__printed = 0; window.print = () => { window.__printed += 1; };",
        vec![],
    )
    .await
    .unwrap();
    click(&wd, "[data-testid=print-now]").await;
    let printed = wd.execute("return window.__printed", vec![]).await.unwrap();
    assert_eq!(printed.json(), &json!(1), "the In button prints once");
    // Words drawn only in the report's charts (not in its tables or text).
    let drawn = wd
        .execute(
            r#"const r = document.querySelector('[data-testid=report]');
               const plain = r.cloneNode(true);
               plain.querySelectorAll('svg').forEach((s) => s.remove());
               const words = plain.textContent;
               return [...new Set([...r.querySelectorAll('svg text')]
                   .map((t) => t.textContent.trim())
                   .filter((w) => w.length > 3 && !/^[0-9.,%\s–-]+$/.test(w) && !words.includes(w)))];"#,
            vec![],
        )
        .await
        .unwrap();
    let drawn: Vec<String> = serde_json::from_value(drawn.json().clone()).unwrap();
    assert!(
        drawn.len() >= 3,
        "the charts draw words of their own: {drawn:?}"
    );
    // No paper size given: the page's own CSS (`@page`) decides.
    let pdf = wd
        .cdp()
        .send_raw(
            "Page.printToPDF",
            json!({ "preferCSSPageSize": true, "printBackground": true }),
        )
        .await
        .unwrap();
    let bytes = base64_decode(pdf["data"].as_str().unwrap());
    let dir = scratch_dir("report");
    let path = dir.join("bao-cao.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let info =
        String::from_utf8(Command::new("pdfinfo").arg(&path).output().unwrap().stdout).unwrap();
    let pages: u32 = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .unwrap()
        .split_whitespace()
        .last()
        .unwrap()
        .parse()
        .unwrap();
    assert!((2..=8).contains(&pages), "{pages} pages");
    assert!(info.contains("(A4)"), "A4: {info}");
    let text = String::from_utf8(
        Command::new("pdftotext")
            .args(["-layout"])
            .arg(&path)
            .arg("-")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for wanted in [
        "BÁO CÁO KỊCH BẢN XÂY DỰNG NÔNG THÔN MỚI",
        "Tỉnh Lạng Sơn",
        "Tín dụng về 70%",
        "Giả định",
        "Vốn tín dụng",
        "70 %",
        "Giao thông",
        "Kết quả",
        "Xã đạt chuẩn NTM",
        "Tràng Định",
        "Lộ trình nhiều năm",
        "Mục tiêu và vốn thêm",
        "Thêm 100 tỷ đồng",
        "Khả năng đạt 85 xã đạt chuẩn",
        "minh họa",
        "Bản đồ các xã, cuối năm 2022",
        "vietnamadminunits (MIT)",
        "5 xã không có vị trí",
    ] {
        assert!(text.contains(wanted), "the PDF says {wanted:?}:\n{text}");
    }
    assert!(!text.contains("Đòn bẩy"), "the levers are not printed");
    // The charts are printed: their own words are in the PDF's text.
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let found: Vec<&String> = drawn
        .iter()
        .filter(|w| flat.contains(&w.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect();
    assert!(
        found.len() * 2 >= drawn.len() && found.len() >= 3,
        "chart words in the PDF: {found:?} of {drawn:?}"
    );
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-f", "1", "-l", "1"])
        .arg(&path)
        .arg(dir.join("page"))
        .status()
        .unwrap();
    assert!(status.success());
    let first_page = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("page"))
        .expect("the first page as a picture");
    assert!(
        first_page.metadata().unwrap().len() > 5_000,
        "a page with something on it"
    );
    wd.quit().await.unwrap();
}

#[tokio::test]
async fn results_export_as_csv_excel_and_charts_as_png_and_svg() {
    let page = open_page(1366, 900).await;
    let wd = page.wd.clone();
    let downloads = allow_downloads(&wd, "exports").await;
    open_assumptions(&wd).await;
    type_into(&wd, "disbursement-credit", "70").await;
    let certified = wait_for_text(&wd, "certified", |t| t != "85").await;
    // The odds of what is on screen go into the exports once drawn.
    let odds = native_risk(&credit_70(), 1);
    wait_for_text(&wd, "risk-certified-p50", |t| {
        t == odds.certified.p50.to_string()
    })
    .await;
    for id in [
        "export-csv",
        "export-xlsx",
        "export-svg-criteria",
        "export-png-criteria",
        "export-png-sources",
    ] {
        click(&wd, &format!("[data-testid={id}]")).await;
    }
    let csv = downloaded(&downloads, "ket-qua-Kịch-bản-mới.csv").await;
    assert!(csv.starts_with(b"\xef\xbb\xbf"), "UTF-8 with BOM");
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains("Giao thông") && csv.contains("Tràng Định") && csv.contains("Hoàng Đồng"),
        "criteria, districts, communes"
    );
    assert!(
        csv.contains(&format!("Xã đạt chuẩn,{certified}")),
        "{certified}"
    );
    // The workbook, read back by an independent reader (calamine).
    let xlsx = downloaded(&downloads, "ket-qua-Kịch-bản-mới.xlsx").await;
    {
        use calamine::{DataType, Reader, Xlsx};
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
        assert_eq!(
            book.sheet_names(),
            ["Tiêu chí", "Huyện", "Xã", "Lộ trình", "Rủi ro"]
        );
        let risk = book.worksheet_range("Rủi ro").unwrap();
        let certified_row = risk
            .rows()
            .find(|r| r[0].to_string() == "Xã đạt chuẩn")
            .unwrap();
        let p: Vec<f64> = certified_row[1..4]
            .iter()
            .map(|c| c.get_float().unwrap())
            .collect();
        assert_eq!(
            p,
            [odds.certified.p10, odds.certified.p50, odds.certified.p90]
        );
        assert_eq!(certified_row[6].get_float().unwrap(), odds.chance_certified);
        let path = book.worksheet_range("Lộ trình").unwrap();
        assert_eq!(path.get_value((1, 0)).unwrap().get_float(), Some(2022.0));
        assert_eq!(path.get_value((1, 1)).unwrap().to_string(), certified);
        let criteria = book.worksheet_range("Tiêu chí").unwrap();
        assert_eq!(
            criteria.get_value((2, 1)).unwrap().to_string(),
            "Giao thông"
        );
        let income = criteria
            .rows()
            .find(|r| r[1].to_string() == "Thu nhập")
            .unwrap();
        assert!(
            income[3].get_float().unwrap() < income[4].get_float().unwrap(),
            "income below its target at 70% credit"
        );
        let communes = book.worksheet_range("Xã").unwrap();
        assert_eq!(communes.height(), 182);
        let districts = book.worksheet_range("Huyện").unwrap();
        assert_eq!(districts.height(), 12);
    }
    let svg = String::from_utf8(downloaded(&downloads, "bieu-do-criteria.svg").await).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("Tiêu chí"),
        "{}",
        &svg[..100.min(svg.len())]
    );
    for png in ["bieu-do-criteria.png", "bieu-do-sources.png"] {
        let bytes = downloaded(&downloads, png).await;
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{png} is a PNG");
        let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        assert!(width >= 1000, "{png}: drawn at twice the size ({width} px)");
    }
    wd.quit().await.unwrap();
}
