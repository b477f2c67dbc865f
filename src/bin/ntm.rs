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
use ntm_planner::show;
use ntm_planner::text::check::check_plan;
use ntm_planner::text::number::amount;
use ntm_planner::text::sentences as t;
use ntm_planner::text::{Lang, Sentence};
use std::process::ExitCode;

/// The commands of `ntm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Run,
    Path,
    Seek,
    Marginal,
    Risk,
    CheckPlan,
    Merge,
    Help,
}

impl Command {
    const ALL: [Command; 8] = [
        Command::Run,
        Command::Path,
        Command::Seek,
        Command::Marginal,
        Command::Risk,
        Command::CheckPlan,
        Command::Merge,
        Command::Help,
    ];

    fn name(self) -> &'static str {
        match self {
            Command::Run => "run",
            Command::Path => "path",
            Command::Seek => "seek",
            Command::Marginal => "marginal",
            Command::Risk => "risk",
            Command::CheckPlan => "check-plan",
            Command::Merge => "merge",
            Command::Help => "help",
        }
    }

    fn from_name(name: &str) -> Option<Command> {
        match name {
            "--help" | "-h" => Some(Command::Help),
            _ => Command::ALL.into_iter().find(|c| c.name() == name),
        }
    }

    /// What it does, for the usage.
    fn help(self) -> Sentence {
        match self {
            Command::Run => t::CLI_HELP_RUN,
            Command::Path => t::CLI_HELP_PATH,
            Command::Seek => t::CLI_HELP_SEEK,
            Command::Marginal => t::CLI_HELP_MARGINAL,
            Command::Risk => t::CLI_HELP_RISK,
            Command::CheckPlan => t::CLI_HELP_CHECK_PLAN,
            Command::Merge => t::CLI_HELP_MERGE,
            Command::Help => t::CLI_HELP_HELP,
        }
    }
}

/// The options of `ntm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flag {
    Plan,
    FromPlan,
    Mapping,
    Target,
    Budget,
    Amount,
    Communes,
    Scenario,
    Path,
    Risk,
    Format,
    Lang,
}

/// One option: its name, what its value is, the commands that read it and what it does.
struct OptionSpec {
    flag: Flag,
    name: &'static str,
    value: &'static str,
    commands: &'static [Command],
    help: Sentence,
}

use Command::{CheckPlan, Marginal, Merge, Path as PathCommand, Risk, Run, Seek};

/// Every option, once: the parser, the usage and the refusal of an option a command does not
/// read all follow this table (in the usage's order).
const OPTIONS: [OptionSpec; 12] = [
    OptionSpec {
        flag: Flag::Plan,
        name: "--plan",
        value: "FILE",
        commands: &[Run, PathCommand, Seek, Marginal, Risk, CheckPlan, Merge],
        help: t::CLI_OPTION_PLAN,
    },
    OptionSpec {
        flag: Flag::FromPlan,
        name: "--from-plan",
        value: "FILE",
        commands: &[Merge],
        help: t::CLI_OPTION_FROM_PLAN,
    },
    OptionSpec {
        flag: Flag::Mapping,
        name: "--mapping",
        value: "FILE",
        commands: &[Merge],
        help: t::CLI_OPTION_MAPPING,
    },
    OptionSpec {
        flag: Flag::Target,
        name: "--target",
        value: "KEY=VALUE",
        commands: &[Seek],
        help: t::CLI_OPTION_TARGET,
    },
    OptionSpec {
        flag: Flag::Budget,
        name: "--budget",
        value: "B",
        commands: &[Seek],
        help: t::CLI_OPTION_BUDGET,
    },
    OptionSpec {
        flag: Flag::Amount,
        name: "--amount",
        value: "A",
        commands: &[Marginal],
        help: t::CLI_OPTION_AMOUNT,
    },
    OptionSpec {
        flag: Flag::Communes,
        name: "--communes",
        value: "FILE",
        commands: &[Run, PathCommand, Seek, Marginal, Risk, Merge],
        help: t::CLI_OPTION_COMMUNES,
    },
    OptionSpec {
        flag: Flag::Scenario,
        name: "--scenario",
        value: "FILE",
        commands: &[Run, PathCommand, Seek, Marginal, Risk],
        help: t::CLI_OPTION_SCENARIO,
    },
    OptionSpec {
        flag: Flag::Path,
        name: "--path",
        value: "FILE",
        commands: &[PathCommand, Risk],
        help: t::CLI_OPTION_PATH,
    },
    OptionSpec {
        flag: Flag::Risk,
        name: "--risk",
        value: "FILE",
        commands: &[Risk],
        help: t::CLI_OPTION_RISK,
    },
    OptionSpec {
        flag: Flag::Format,
        name: "--format",
        value: "FORMAT",
        commands: &[Run, CheckPlan],
        help: t::CLI_OPTION_FORMAT,
    },
    OptionSpec {
        flag: Flag::Lang,
        name: "--lang",
        value: "vi|en",
        commands: &[
            Run,
            PathCommand,
            Seek,
            Marginal,
            Risk,
            CheckPlan,
            Merge,
            Command::Help,
        ],
        help: t::CLI_OPTION_LANG,
    },
];

/// What a command prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Table,
    Text,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Table => "table",
            Format::Text => "text",
        }
    }
}

/// What `--format` may be for a command, its default first.
fn formats(command: Command) -> &'static [Format] {
    match command {
        Command::Run => &[Format::Json, Format::Table],
        Command::CheckPlan => &[Format::Text, Format::Json],
        _ => &[],
    }
}

fn format_names(command: Command) -> String {
    formats(command)
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join("|")
}

/// The usage, made from the commands and [`OPTIONS`], in the language asked for.
fn usage(lang: Lang) -> String {
    let mut out = lang.say(t::CLI_USAGE_TITLE).to_string();
    out.push_str("\n\n");
    for command in Command::ALL {
        out.push_str(&format!("  ntm {}", command.name()));
        for o in OPTIONS.iter().filter(|o| o.commands.contains(&command)) {
            let value = match o.flag {
                Flag::Format => format_names(command),
                _ => o.value.to_string(),
            };
            out.push_str(&format!(" [{} {value}]", o.name));
        }
        out.push('\n');
    }
    out.push('\n');
    for command in Command::ALL {
        out.push_str(&format!(
            "{:<12}{}\n",
            command.name(),
            lang.say(command.help())
        ));
    }
    out.push('\n');
    for o in &OPTIONS {
        let name = format!("{} {}", o.name, o.value);
        out.push_str(&format!("{:<22}{}\n", name, lang.say(o.help)));
    }
    out.push('\n');
    out.push_str(lang.say(t::CLI_USAGE_NUMBERS));
    out.push('\n');
    out
}

struct Options {
    command: Command,
    values: Vec<(Flag, String)>,
    lang: Lang,
}

impl Options {
    /// The value given to an option (the last, when it is given twice).
    fn get(&self, flag: Flag) -> Option<&str> {
        self.values
            .iter()
            .rfind(|(f, _)| *f == flag)
            .map(|(_, v)| v.as_str())
    }

    /// The format asked for (checked when read), else the command's default.
    fn format(&self) -> Format {
        let given = self.get(Flag::Format);
        let choices = formats(self.command);
        choices
            .iter()
            .copied()
            .find(|f| Some(f.name()) == given)
            .unwrap_or(choices[0])
    }
}

/// A bad invocation or bad input: one message, exit status 2.
struct Failure(String);

/// The language asked for, read first so that every message is in it.
fn language_of(args: &[String]) -> Lang {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let v = match a.strip_prefix("--lang") {
            Some("") => it.next().map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = v.and_then(Lang::from_code) {
            return lang;
        }
    }
    Lang::Vi
}

fn parse_args(args: Vec<String>) -> Result<Options, Failure> {
    let lang = language_of(&args);
    let mut it = args.into_iter();
    let name = it.next().unwrap_or_else(|| "help".into());
    let command = Command::from_name(&name)
        .ok_or_else(|| Failure(lang.fill(t::CLI_UNKNOWN_COMMAND, &[("command", &name)])))?;
    let mut options = Options {
        command,
        values: Vec::new(),
        lang,
    };
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let spec = OPTIONS
            .iter()
            .find(|o| o.name == name)
            .ok_or_else(|| Failure(lang.fill(t::CLI_UNKNOWN_OPTION, &[("option", &name)])))?;
        if command != Command::Help && !spec.commands.contains(&command) {
            let own: Vec<&str> = OPTIONS
                .iter()
                .filter(|o| o.commands.contains(&command))
                .map(|o| o.name)
                .collect();
            return Err(Failure(lang.fill(
                t::CLI_NOT_AN_OPTION_OF,
                &[
                    ("option", &name),
                    ("command", &command.name()),
                    ("options", &own.join(", ")),
                ],
            )));
        }
        let value = inline
            .or_else(|| it.next())
            .ok_or_else(|| Failure(lang.fill(t::CLI_MISSING_VALUE, &[("option", &name)])))?;
        if spec.flag == Flag::Lang && Lang::from_code(&value).is_none() {
            return Err(Failure(lang.fill(
                t::CLI_NOT_ONE_OF,
                &[("option", &name), ("value", &value), ("choices", &"vi, en")],
            )));
        }
        if spec.flag == Flag::Format
            && command != Command::Help
            && !formats(command).iter().any(|f| f.name() == value)
        {
            return Err(Failure(lang.fill(
                t::CLI_NOT_ONE_OF,
                &[
                    ("option", &name),
                    ("value", &value),
                    ("choices", &format_names(command)),
                ],
            )));
        }
        options.values.push((spec.flag, value));
    }
    Ok(options)
}

fn read_file(path: &str) -> Result<Vec<u8>, InputError> {
    std::fs::read(path).map_err(|e| InputError {
        input: path.into(),
        problem: ntm_planner::formats::error::Problem::Read(e.to_string()),
    })
}

fn read_text(path: &str, lang: Lang) -> Result<String, Failure> {
    let bytes = read_file(path).map_err(|e| Failure(e.message(lang)))?;
    String::from_utf8(bytes)
        .map_err(|_| Failure(format!("{path}: {}", lang.say(t::CLI_FILE_NOT_UTF8))))
}

/// The commune table and scenario of `--communes` and `--scenario` (else the shipped ones).
fn model_and_scenario(options: &Options, plan: Plan) -> Result<(Model, Scenario), Failure> {
    let lang = options.lang;
    let fail = |e: InputError| Failure(e.message(lang));
    let table = match options.get(Flag::Communes) {
        Some(path) => CommuneTable::from_file_bytes(&read_file(path).map_err(fail)?, &plan, path)
            .map_err(fail)?,
        None => CommuneTable::shipped_for(&plan).ok_or_else(|| {
            Failure(lang.fill(t::CLI_PLAN_NEEDS_COMMUNES, &[("plan", &plan.key)]))
        })?,
    };
    let scenario = match options.get(Flag::Scenario) {
        Some(path) => Scenario::from_json(&read_text(path, lang)?, &plan, path).map_err(fail)?,
        None => Scenario::plan(),
    };
    Ok((Model::new(plan, table), scenario))
}

/// A number given to an option: one syntax whatever `--lang` (digits, at most one decimal
/// point, no grouping), so that a script's figure is never read 1,000 times off; anything
/// else is refused, naming the option.
fn option_number(option: &str, text: &str, lang: Lang) -> Result<f64, Failure> {
    let plain = {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        !whole.is_empty() && digits(whole) && digits(fraction) && !text.ends_with('.')
    };
    plain
        .then(|| text.parse::<f64>().ok())
        .flatten()
        .filter(|x| x.is_finite())
        .ok_or_else(|| {
            Failure(lang.fill(
                t::CLI_NOT_A_PLAIN_NUMBER,
                &[("option", &option), ("value", &text)],
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
    let plan = match options.get(Flag::Plan) {
        Some(file) => Plan::from_file(&read_text(file, lang)?, file).map_err(fail)?,
        None => Plan::lang_son_2022(),
    };
    match options.command {
        PathCommand => {
            let (model, scenario) = model_and_scenario(options, plan)?;
            let path = match options.get(Flag::Path) {
                Some(file) => Path::from_json(&read_text(file, lang)?, &model.plan, file)
                    .map_err(fail)?
                    .with_first_scenario(&scenario),
                None => Path::shipped_for(&model.plan, &scenario).ok_or_else(|| {
                    Failure(lang.fill(t::CLI_PLAN_NEEDS_PATH, &[("plan", &model.plan.key)]))
                })?,
            };
            Ok(path.run(&model).to_json(&model.plan))
        }
        Seek => {
            let (model, scenario) = model_and_scenario(options, plan)?;
            let goal = match (options.get(Flag::Target), options.get(Flag::Budget)) {
                (Some(target), None) => {
                    let (key, value) = target.split_once('=').ok_or_else(|| {
                        Failure(format!(
                            "--target: \"{target}\" {}",
                            lang.say(t::CLI_TARGET_NOT_KEY_VALUE)
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
                _ => return Err(Failure(lang.say(t::CLI_SEEK_TARGET_OR_BUDGET).into())),
            };
            let answer = seek(&model, &scenario, goal);
            Ok(json(&answer.to_value(&model.plan)))
        }
        Marginal => {
            let (model, scenario) = model_and_scenario(options, plan)?;
            let amount = match options.get(Flag::Amount) {
                Some(text) => option_number("--amount", text, lang)?,
                None => 100.0,
            };
            let margins = marginal(&model, &scenario, amount);
            Ok(json(&margins_value(&margins, &model.plan)))
        }
        Risk => {
            let (model, scenario) = model_and_scenario(options, plan)?;
            let settings = match options.get(Flag::Risk) {
                Some(file) => RiskSettings::from_json(&read_text(file, lang)?, &model.plan, file)
                    .map_err(fail)?,
                None => RiskSettings::default_for(&model.plan),
            };
            let run = ntm_planner::engine::risk::RiskRun::new(&model, &scenario, settings.clone());
            let mut out = run.run().to_value();
            // With --path, the path under risk too: its first PATH_DRAWS draws, year by year.
            if let Some(file) = options.get(Flag::Path) {
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
        Run => {
            let (model, scenario) = model_and_scenario(options, plan)?;
            let outcome = model.run(&scenario);
            match options.format() {
                Format::Table => Ok(summary(
                    &model,
                    &scenario,
                    &outcome,
                    lang,
                    options.get(Flag::Communes).is_none(),
                )),
                _ => Ok(outcome.to_json()),
            }
        }
        CheckPlan => {
            let findings = check_plan(&plan);
            match options.format() {
                Format::Json => {
                    Ok(serde_json::to_string_pretty(&findings).unwrap_or_default() + "\n")
                }
                _ => {
                    let mut out =
                        lang.fill(t::CLI_CHECK_PLAN_HEADING, &[("count", &findings.len())]);
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
            }
        }
        Merge => merge_command(options, plan),
        Command::Help => Ok(usage(lang)),
    }
}

/// `ntm merge` (model.md §8.4): the old table, read for `--from-plan` (default: the 2022
/// plan), carried by the mapping into the units of `plan` (`--plan`, default: the old plan).
fn merge_command(options: &Options, plan: Plan) -> Result<String, Failure> {
    let lang = options.lang;
    let fail = |e: InputError| Failure(e.message(lang));
    let (Some(communes), Some(mapping)) = (options.get(Flag::Communes), options.get(Flag::Mapping))
    else {
        return Err(Failure(lang.say(t::CLI_MERGE_NEEDS).into()));
    };
    let old_plan = match options.get(Flag::FromPlan) {
        Some(file) => Plan::from_file(&read_text(file, lang)?, file).map_err(fail)?,
        None => Plan::lang_son_2022(),
    };
    // --plan left out, or naming a plan of the old one's key: the old plan itself.
    let new_plan = match options.get(Flag::Plan) {
        Some(_) if plan.key != old_plan.key => plan,
        _ => old_plan.clone(),
    };
    let same = new_plan.key == old_plan.key;
    let table =
        CommuneTable::from_file_bytes(&read_file(communes).map_err(fail)?, &old_plan, communes)
            .map_err(fail)?;
    let rows =
        ntm_planner::formats::merge::read_mapping(&read_file(mapping).map_err(fail)?, mapping)
            .map_err(fail)?;
    let old = Model::new(old_plan, table);
    let merged = ntm_planner::engine::merge::merge(&old, &rows, &new_plan, same)
        .map_err(|p| fail(InputError::merge(mapping, p)))?;
    Ok(merged.to_csv(&new_plan))
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
        t::CLI_SUMMARY_SCENARIO,
        &[("name", &scenario.display_name(plan)), ("order", &strategy)],
    ));
    if illustrative {
        out.push_str(lang.say(t::CLI_ILLUSTRATIVE_TABLE_NOTE));
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
    // The headline and the rows as every surface words them (ntm_planner::show).
    // A figure held to a target reads "85 / mục tiêu 85 · …"; money says what it is.
    for card in show::Headline::of(o, t, lang).cards() {
        let note = match card.kind {
            show::CardKind::Shortfall | show::CardKind::Idle => format!("({})", card.note),
            _ => format!("/ {}", card.note),
        };
        out.push_str(&format!(
            "{}  {} {note}\n",
            pad(&card.label, 34),
            lpad(&card.figure, 8)
        ));
    }
    out.push('\n');
    let widths = [40, 9, 10, 10, 7, 13, 11];
    let line = |cells: [&str; 7]| {
        let mut l = pad(&cells[0].chars().take(38).collect::<String>(), widths[0]);
        for (cell, w) in cells.iter().zip(widths).skip(1) {
            l.push_str(&lpad(cell, w));
        }
        l + "\n"
    };
    out.push_str(&line(lang.say_all(show::CriterionRow::COLUMNS)));
    for row in show::criteria_rows(plan, o, lang) {
        out.push_str(&line(row.cells()));
    }
    out.push('\n');
    let head: [&str; 4] =
        lang.say_all([t::HEADING_SOURCE, t::PLEDGED, t::ARRIVED, t::HEADING_IDLE]);
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
        out.push_str(lang.say(t::CLI_NO_DISTRICT_COLUMN));
        return out;
    }
    let widths = [24, 8, 11, 9];
    let line = |cells: [&str; 4]| {
        let mut l = pad(cells[0], widths[0]);
        for (cell, w) in cells.iter().zip(widths).skip(1) {
            l.push_str(&lpad(cell, w));
        }
        l + "\n"
    };
    out.push_str(&line(lang.say_all(show::DistrictRow::COLUMNS)));
    for row in show::district_rows(o, lang) {
        out.push_str(&line(row.cells()));
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
