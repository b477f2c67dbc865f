//! `ntm`: the projection engine on the command line.
//!
//! ntm run [--communes FILE] [--scenario FILE] [--format json|table] [--lang vi|en]
//! ntm path [--communes FILE] [--scenario FILE] [--path FILE]
//! ntm seek (--target KEY=VALUE | --budget B) [--communes FILE] [--scenario FILE]
//! ntm marginal [--amount A] [--communes FILE] [--scenario FILE]
//! ntm risk [--communes FILE] [--scenario FILE] [--risk FILE] [--path FILE]
//! ntm check-plan [--format text|json] [--lang vi|en]

use ntm_planner::engine::goals::{marginal, seek, Goal};
use ntm_planner::engine::path::{Measure, Path};
use ntm_planner::engine::risk::RiskSettings;
use ntm_planner::engine::{CommuneTable, Model, Outcome, Plan, Scenario};
use ntm_planner::formats::error::ScenarioProblem;
use ntm_planner::formats::goals::margins_value;
use ntm_planner::formats::InputError;
use ntm_planner::text::check::check_plan;
use ntm_planner::text::number::{amount, number, parse_number};
use ntm_planner::text::sentences as t;
use ntm_planner::text::Lang;
use std::process::ExitCode;

const USAGE: &str = "\
ntm — mô phỏng Chương trình xây dựng nông thôn mới (Lạng Sơn 2022)

Cách dùng / usage:
  ntm run [--communes FILE] [--scenario FILE] [--format json|table] [--lang vi|en]
  ntm path [--communes FILE] [--scenario FILE] [--path FILE] [--lang vi|en]
  ntm seek --target KEY=VALUE | --budget B [--communes FILE] [--scenario FILE] [--lang vi|en]
  ntm marginal [--amount A] [--communes FILE] [--scenario FILE] [--lang vi|en]
  ntm risk [--communes FILE] [--scenario FILE] [--risk FILE] [--path FILE] [--lang vi|en]
  ntm check-plan [--format text|json] [--lang vi|en]
  ntm help

run         chạy mô hình một năm; mặc định: bảng xã kèm theo và kịch bản kế hoạch
            (runs one year; by default the shipped commune table and the plan scenario)
path        lộ trình nhiều năm, mặc định 2022–2025 với mục tiêu 2025 của tỉnh
            (years: by default 2022–2025 against the province's 2025 targets)
seek        đầu tư ít nhất để đạt một mục tiêu (certified, avg_criteria, border_avg,
            min_criteria, hoặc mã tiêu chí như transport=120), hoặc nhiều xã đạt chuẩn
            nhất với một ngân sách (the least investment reaching a target, or the most
            communes certified for a budget)
marginal    thêm A tỷ đồng (mặc định 100) cho từng tiêu chí thì được gì
            (what A billion more, 100 by default, buys in each criterion)
risk        khả năng đạt mục tiêu khi vốn về muộn, chi phí lệch, công trình chậm
            (how likely the targets are when money is late, costs vary, works slip)
check-plan  liệt kê các chỗ không khớp trong số liệu của chính kế hoạch
            (lists the inconsistencies inside the plan's own figures)
";

struct Options {
    command: String,
    communes: Option<String>,
    scenario: Option<String>,
    format: Option<String>,
    path: Option<String>,
    risk: Option<String>,
    target: Option<String>,
    budget: Option<String>,
    amount: Option<String>,
    lang: Lang,
}

/// The options each command reads (the usage above says the same); any other is refused
/// rather than silently ignored (`seek --format table` would otherwise print JSON).
const COMMAND_OPTIONS: [(&str, &[&str]); 6] = [
    ("run", &["--communes", "--scenario", "--format", "--lang"]),
    ("path", &["--communes", "--scenario", "--path", "--lang"]),
    (
        "seek",
        &["--target", "--budget", "--communes", "--scenario", "--lang"],
    ),
    (
        "marginal",
        &["--amount", "--communes", "--scenario", "--lang"],
    ),
    (
        "risk",
        &["--communes", "--scenario", "--risk", "--path", "--lang"],
    ),
    ("check-plan", &["--format", "--lang"]),
];

/// A bad invocation or bad input: one message, exit status 2.
struct Failure(String);

fn parse_args(args: Vec<String>) -> Result<Options, Failure> {
    let mut it = args.into_iter();
    let command = it.next().unwrap_or_else(|| "help".into());
    let mut options = Options {
        command,
        communes: None,
        scenario: None,
        format: None,
        path: None,
        risk: None,
        target: None,
        budget: None,
        amount: None,
        lang: Lang::Vi,
    };
    let accepted = COMMAND_OPTIONS
        .iter()
        .find(|(name, _)| *name == options.command)
        .map(|(_, flags)| *flags);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        if let Some(flags) = accepted {
            let known = COMMAND_OPTIONS
                .iter()
                .any(|(_, f)| f.contains(&flag.as_str()));
            if known && !flags.contains(&flag.as_str()) {
                return Err(Failure(format!(
                    "{flag}: lệnh {0} không dùng tùy chọn này / not an option of {0} ({0}: {1})",
                    options.command,
                    flags.join(", ")
                )));
            }
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| Failure(format!("{flag}: thiếu giá trị (missing value)")))
        };
        match flag.as_str() {
            "--communes" => options.communes = Some(value()?),
            "--scenario" => options.scenario = Some(value()?),
            "--format" => options.format = Some(value()?),
            "--path" => options.path = Some(value()?),
            "--risk" => options.risk = Some(value()?),
            "--target" => options.target = Some(value()?),
            "--budget" => options.budget = Some(value()?),
            "--amount" => options.amount = Some(value()?),
            "--lang" => {
                let v = value()?;
                options.lang = Lang::from_code(&v)
                    .ok_or_else(|| Failure(format!("--lang: \"{v}\" không hợp lệ (vi, en)")))?;
            }
            other => {
                return Err(Failure(format!(
                    "tùy chọn không hợp lệ / unknown option: \"{other}\" (ntm help)"
                )))
            }
        }
    }
    Ok(options)
}

fn read_file(path: &str) -> Result<Vec<u8>, InputError> {
    std::fs::read(path).map_err(|e| InputError {
        input: path.to_string(),
        problem: ntm_planner::formats::error::Problem::Read(e.to_string()),
    })
}

fn read_text(path: &str, lang: Lang) -> Result<String, Failure> {
    let bytes = read_file(path).map_err(|e| Failure(e.message(lang)))?;
    String::from_utf8(bytes)
        .map_err(|_| Failure(format!("{path}: {}", lang.say(t::NOT_UTF_8_TEXT))))
}

/// The commune table and scenario of `--communes` and `--scenario` (else the shipped ones).
fn model_and_scenario(options: &Options, plan: Plan) -> Result<(Model, Scenario), Failure> {
    let lang = options.lang;
    let fail = |e: InputError| Failure(e.message(lang));
    let table = match &options.communes {
        Some(path) => {
            CommuneTable::from_file_bytes(&read_file(path).map_err(fail)?, path).map_err(fail)?
        }
        None => CommuneTable::shipped(),
    };
    let scenario = match &options.scenario {
        Some(path) => Scenario::from_json(&read_text(path, lang)?, &plan, path).map_err(fail)?,
        None => Scenario::plan(),
    };
    Ok((Model::new(plan, table), scenario))
}

/// A number given on the command line (`--budget 3.000,5` or `3000.5`), named by its option.
fn option_number(option: &str, text: &str, lang: Lang) -> Result<f64, Failure> {
    parse_number(text, lang)
        .or_else(|_| parse_number(text, lang.pick(Lang::En, Lang::Vi)))
        .ok()
        .filter(|x| x.is_finite() && *x >= 0.0)
        .ok_or_else(|| {
            Failure(format!(
                "{option}: \"{text}\" {}",
                lang.say(t::IS_NOT_A_VALID_NUMBER_NOT)
            ))
        })
}

fn json(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

fn run(options: &Options) -> Result<String, Failure> {
    let lang = options.lang;
    let fail = |e: InputError| Failure(e.message(lang));
    let plan = Plan::lang_son_2022();
    match options.command.as_str() {
        "path" => {
            let (model, scenario) = model_and_scenario(options, plan)?;
            let path = match &options.path {
                Some(file) => Path::from_json(&read_text(file, lang)?, &model.plan, file)
                    .map_err(fail)?
                    .with_first_scenario(&scenario),
                None => Path::default_for(&model.plan, &scenario),
            };
            Ok(path.run(&model).to_json(&model.plan))
        }
        "seek" => {
            let (model, scenario) = model_and_scenario(options, plan)?;
            let goal = match (&options.target, &options.budget) {
                (Some(target), None) => {
                    let (key, value) = target.split_once('=').ok_or_else(|| {
                        Failure(format!(
                            "--target: \"{target}\" {}",
                            lang.say(t::MUST_READ_KEY_VALUE)
                        ))
                    })?;
                    let measure = Measure::from_key(key.trim(), &model.plan).ok_or_else(|| {
                        fail(InputError::scenario(
                            "",
                            ScenarioProblem::UnknownGoal {
                                field: "--target".into(),
                                value: key.trim().into(),
                            },
                        ))
                    })?;
                    Goal::Target(measure, option_number("--target", value.trim(), lang)?)
                }
                (None, Some(budget)) => Goal::Budget(option_number("--budget", budget, lang)?),
                _ => {
                    return Err(Failure(
                        lang.say(t::SEEK_NEEDS_EXACTLY_ONE_OF_TARGET).into(),
                    ))
                }
            };
            let answer = seek(&model, &scenario, goal);
            Ok(json(&answer.to_value(&model.plan)))
        }
        "marginal" => {
            let (model, scenario) = model_and_scenario(options, plan)?;
            let amount = match &options.amount {
                Some(text) => option_number("--amount", text, lang)?,
                None => 100.0,
            };
            let margins = marginal(&model, &scenario, amount);
            Ok(json(&margins_value(&margins, &model.plan)))
        }
        "risk" => {
            let (model, scenario) = model_and_scenario(options, plan)?;
            let settings = match &options.risk {
                Some(file) => RiskSettings::from_json(&read_text(file, lang)?, &model.plan, file)
                    .map_err(fail)?,
                None => RiskSettings::default_for(&model.plan),
            };
            let run = ntm_planner::engine::risk::RiskRun::new(&model, &scenario, settings.clone());
            let mut out = run.run().to_value();
            // With --path, the path under risk too: its first PATH_DRAWS draws, year by year.
            if let Some(file) = &options.path {
                use ntm_planner::engine::risk::{path_draw, path_spreads, PATH_DRAWS};
                let path = Path::from_json(&read_text(file, lang)?, &model.plan, file)
                    .map_err(fail)?
                    .with_first_scenario(&scenario);
                let n = u64::from(settings.draws).min(PATH_DRAWS);
                let draws: Vec<Vec<u32>> = (0..n)
                    .map(|d| path_draw(&path, &model, &settings, d))
                    .collect();
                let years: Vec<serde_json::Value> = path
                    .year_list()
                    .into_iter()
                    .zip(path_spreads(&draws))
                    .map(|(year, s)| {
                        serde_json::json!({"year": year, "certified": {"p10": s.p10, "p50": s.p50, "p90": s.p90, "mean": s.mean}})
                    })
                    .collect();
                if let serde_json::Value::Object(map) = &mut out {
                    map.insert("path_draws".into(), serde_json::Value::from(n));
                    map.insert("path".into(), serde_json::Value::Array(years));
                }
            }
            Ok(json(&out))
        }
        "run" => {
            let (model, scenario) = model_and_scenario(options, plan)?;
            let outcome = model.run(&scenario);
            match options.format.as_deref().unwrap_or("json") {
                "json" => Ok(outcome.to_json()),
                "table" => Ok(summary(
                    &model,
                    &scenario,
                    &outcome,
                    lang,
                    options.communes.is_none(),
                )),
                other => Err(Failure(format!(
                    "--format: \"{other}\" không hợp lệ (json, table)"
                ))),
            }
        }
        "check-plan" => {
            let findings = check_plan(&plan);
            match options.format.as_deref().unwrap_or("text") {
                "json" => Ok(serde_json::to_string_pretty(&findings).unwrap_or_default() + "\n"),
                "text" => {
                    let mut out = lang.fill(
                        t::INCONSISTENCIES_IN_THE_PLAN_S_OWN,
                        &[("0", &findings.len())],
                    );
                    for (i, f) in findings.iter().enumerate() {
                        out.push_str(&format!(
                            "{:>2}. [{}] {}\n",
                            i + 1,
                            f.location,
                            f.text(lang)
                        ));
                    }
                    Ok(out)
                }
                other => Err(Failure(format!(
                    "--format: \"{other}\" không hợp lệ (text, json)"
                ))),
            }
        }
        "help" | "--help" | "-h" => Ok(USAGE.to_string()),
        other => Err(Failure(format!(
            "lệnh không hợp lệ / unknown command: \"{other}\" (ntm help)"
        ))),
    }
}

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

fn lpad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{}{text}", " ".repeat(width.saturating_sub(n)))
}

/// A readable summary for a terminal.
fn summary(
    model: &Model,
    scenario: &Scenario,
    o: &Outcome,
    lang: Lang,
    illustrative: bool,
) -> String {
    let plan = &model.plan;
    // The targets in force: the scenario's own where it sets them.
    let t = &scenario.targets.over(&plan.targets);
    let levers = model.levers(scenario);
    let money = |x: f64| amount(x, 2, lang);
    let mut out = String::new();
    let strategy = lang.order_name(levers.strategy);
    out.push_str(&lang.fill(
        t::SCENARIO_N,
        &[("0", &scenario.display_name(plan)), ("1", &strategy)],
    ));
    if illustrative {
        out.push_str(lang.say(t::THE_COMMUNE_TABLE_IS_ILLUSTRATIVE_UNTIL));
    }
    out.push('\n');
    if let Some(b) = ntm_planner::engine::check::beyond_the_table(
        model.table.communes.len() as u32,
        t.certified,
        o.criteria.iter().map(|c| c.target),
    ) {
        out.push_str(&ntm_planner::text::check::say_beyond_the_table(
            &b, plan, lang,
        ));
        out.push('\n');
    }
    let rows: Vec<(String, String)> = vec![
        (
            lang.say(t::CERTIFIED_COMMUNES).into(),
            lang.fill(
                t::TARGET_START,
                &[
                    ("0", &o.certified),
                    ("1", &t.certified),
                    ("2", &o.certified_baseline),
                    ("3", &o.newly_certified.len()),
                ],
            ),
        ),
        (
            lang.say(t::AVERAGE_CRITERIA_A_COMMUNE).into(),
            lang.fill(
                t::TARGET,
                &[
                    ("0", &number(o.avg_criteria, 2, lang)),
                    ("1", &number(t.avg_criteria_min, 1, lang)),
                ],
            ),
        ),
        (
            lang.fill(t::BORDER_COMMUNES, &[("0", &o.border.communes)]),
            lang.fill(
                t::CRITERIA_A_COMMUNE_TARGET,
                &[
                    ("0", &number(o.border.avg_criteria, 2, lang)),
                    ("1", &number(t.border_avg_min, 0, lang)),
                    ("2", &number(t.border_avg_max, 1, lang)),
                ],
            ),
        ),
        (
            lang.say(t::MONEY_SHORT).into(),
            lang.fill(t::BILLION_VND, &[("0", &money(o.funding.shortfall))]),
        ),
        (
            lang.say(t::MONEY_IDLE).into(),
            lang.fill(t::BILLION_VND, &[("0", &money(o.funding.idle))]),
        ),
    ];
    for (label, value) in rows {
        out.push_str(&format!("{}  {}\n", pad(&label, 28), value));
    }
    out.push('\n');
    let head: [&str; 7] = lang.say_all([
        t::CRITERION,
        t::START,
        t::PROJECTED_2,
        t::TARGET_2,
        t::GAP,
        t::INVESTED,
        t::SHORT_2,
    ]);
    out.push_str(&format!(
        "{}{}{}{}{}{}{}\n",
        pad(head[0], 40),
        lpad(head[1], 9),
        lpad(head[2], 10),
        lpad(head[3], 10),
        lpad(head[4], 7),
        lpad(head[5], 11),
        lpad(head[6], 11)
    ));
    for (c, r) in plan.criteria.iter().zip(&o.criteria) {
        let gap = i64::from(r.met) - i64::from(r.target);
        let name = format!("{:>2} {}", c.id, lang.pick(&c.name_vi, &c.name_en));
        let name: String = name.chars().take(38).collect();
        out.push_str(&format!(
            "{}{}{}{}{}{}{}\n",
            pad(&name, 40),
            lpad(&r.baseline.to_string(), 9),
            lpad(&r.met.to_string(), 10),
            lpad(&r.target.to_string(), 10),
            lpad(
                &if gap > 0 {
                    format!("+{gap}")
                } else {
                    gap.to_string()
                },
                7
            ),
            lpad(&money(r.investment), 11),
            lpad(&money(r.shortfall), 11)
        ));
    }
    out.push('\n');
    let head: [&str; 4] = lang.say_all([t::SOURCE_3, t::PLEDGED, t::ARRIVED, t::IDLE_3]);
    out.push_str(&format!(
        "{}{}{}{}\n",
        pad(head[0], 48),
        lpad(head[1], 10),
        lpad(head[2], 12),
        lpad(head[3], 12)
    ));
    for (s, r) in plan.sources.iter().zip(&o.funding.sources) {
        out.push_str(&format!(
            "{}{}{}{}\n",
            pad(lang.pick(&s.name_vi, &s.name_en), 48),
            lpad(&money(r.pledged), 10),
            lpad(&money(r.arrived), 12),
            lpad(&money(r.idle), 12)
        ));
    }
    out.push('\n');
    if o.districts.is_empty() {
        out.push_str(lang.say(t::THE_COMMUNE_TABLE_HAS_NO_DISTRICT));
        return out;
    }
    let head: [&str; 4] = lang.say_all([t::DISTRICT, t::COMMUNES_2, t::CERTIFIED_3, t::CRITERIA_2]);
    out.push_str(&format!(
        "{}{}{}{}\n",
        pad(head[0], 24),
        lpad(head[1], 8),
        lpad(head[2], 11),
        lpad(head[3], 9)
    ));
    for d in &o.districts {
        out.push_str(&format!(
            "{}{}{}{}\n",
            pad(&d.name, 24),
            lpad(&d.communes.to_string(), 8),
            lpad(&d.certified.to_string(), 11),
            lpad(&number(d.avg_criteria, 2, lang), 9)
        ));
    }
    out
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = parse_args(args).and_then(|options| run(&options));
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(Failure(message)) => {
            eprintln!("ntm: {message}");
            ExitCode::from(2)
        }
    }
}
