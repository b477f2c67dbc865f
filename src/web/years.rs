//! Beyond one year on the page: the path year by year (*Lộ trình*, model.md §7.1) and the goals
//! (*Mục tiêu*, §7.2). Both call the engine's own functions on the page's scenario.

use super::fields::NumberField;
use super::state::use_state;
use crate::engine::goals::{seek, Answer, Goal};
use crate::engine::path::{Carry, Measure, Path, PathOutcome, YearTarget};
use crate::engine::{CRITERIA, SOURCES};
use crate::formats::link;
use crate::text::number::{amount, number, parse_number};
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// The path the page shows: the first year's scenario is always the one on screen (what the
/// levers edit); later years keep the year before's unless given their own in the path view.
/// Targets, carry-over and cost growth are the path's own, kept whole from a path file.
fn shipped_path(plan: &crate::engine::Plan) -> Path {
    Path::default_for(plan, &crate::engine::Scenario::plan())
}

/// The last year of a path.
pub fn last_year(p: &Path) -> u16 {
    p.first_year + p.years as u16 - 1
}

/// The path's target for its last year, if it has one.
pub fn last_target(p: &Path, measure: Measure) -> Option<f64> {
    let year = last_year(p);
    p.targets
        .iter()
        .find(|t| t.measure == measure && t.year == year)
        .map(|t| t.target)
}

fn set_last_target(p: &mut Path, measure: Measure, target: f64) {
    let year = last_year(p);
    match p
        .targets
        .iter_mut()
        .find(|t| t.measure == measure && t.year == year)
    {
        Some(t) => t.target = target,
        None => p.targets.push(YearTarget {
            year,
            measure,
            target,
        }),
    }
}

/// Ends the path in `year`: the targets of the old last year ("by the end") move with it;
/// scenarios and targets of other years stay as they are (unused past the end, not lost).
fn set_last_year(p: &mut Path, year: u16) {
    let old = last_year(p);
    if year < p.first_year || year == old {
        return;
    }
    let moving: Vec<Measure> = p
        .targets
        .iter()
        .filter(|t| t.year == old)
        .map(|t| t.measure)
        .collect();
    p.targets
        .retain(|t| !(t.year == year && moving.contains(&t.measure)));
    for t in p.targets.iter_mut().filter(|t| t.year == old) {
        t.year = year;
    }
    p.years = usize::from(year - p.first_year) + 1;
}

/// Starts the path in `year`, every year of it moved along: its scenarios and targets keep
/// their place in the path (an office planning 2026–2030 from the plan's 2022–2025).
fn set_first_year(p: &mut Path, year: u16) {
    let shift = |y: u16| (i32::from(y) + i32::from(year) - i32::from(p.first_year)) as u16;
    for (y, _) in &mut p.scenarios {
        *y = shift(*y);
    }
    for t in &mut p.targets {
        t.year = shift(t.year);
    }
    p.first_year = year;
}

/// The path with `scenario` as its first year's: what runs, downloads and compares.
pub fn with_scenario(p: &Path, scenario: &crate::engine::Scenario) -> Path {
    let mut p = p.clone();
    p.set_scenario(p.first_year, scenario.clone());
    p.scenarios
        .retain(|(y, _)| *y < p.first_year + p.years as u16);
    p
}

/// The path as the page keeps it (storage, link): without the first year's scenario, which is
/// kept and linked as the scenario on screen.
pub fn kept_json(p: &Path, plan: &crate::engine::Plan) -> String {
    let mut p = p.clone();
    p.scenarios.retain(|(y, _)| *y != p.first_year);
    p.to_value(plan).to_string()
}

/// Everything is carried over (the default), or nothing.
fn carries_all(p: &Path) -> bool {
    p.carry == Carry::default()
}

/// A whole number typed in a small field; anything else leaves the setting as it was.
fn whole(text: &str, lang: Lang, max: u32) -> Option<u32> {
    let x = parse_number(text, lang).ok()?;
    (x.fract() == 0.0 && (0.0..=f64::from(max)).contains(&x)).then_some(x as u32)
}

/// What a target check says: the year, the figure reached, the target and whether it is met.
/// `on_page`: the path view's short form ("2025: 87 / 115 communes certified — not reached").
pub(super) fn target_sentence(
    check: &crate::engine::path::TargetCheck,
    plan: &crate::engine::Plan,
    lang: Lang,
    on_page: bool,
) -> String {
    let mark = if check.met {
        lang.say(t::REACHED)
    } else {
        lang.say(t::NOT_REACHED)
    };
    let shown = |x: f64| {
        if check.measure.is_count() {
            format!("{x:.0}")
        } else {
            number(x, 2, lang)
        }
    };
    match check.measure {
        Measure::Certified if on_page => format!(
            "{} — {mark}",
            lang.fill(
                t::COMMUNES_CERTIFIED,
                &[
                    ("0", &check.year),
                    ("1", &shown(check.value)),
                    ("2", &shown(check.target))
                ],
            )
        ),
        Measure::MinCriteria if on_page => format!(
            "{} — {mark}",
            lang.fill(
                t::THE_LOWEST_COMMUNE_MEETS_CRITERIA,
                &[("0", &shown(check.value)), ("1", &shown(check.target))],
            )
        ),
        Measure::Certified => lang.fill(
            t::COMMUNES_CERTIFIED_TARGET,
            &[
                ("0", &check.year),
                ("1", &shown(check.value)),
                ("2", &shown(check.target)),
                ("mark", &mark),
            ],
        ),
        Measure::MinCriteria => lang.fill(
            t::YEAR_LOWEST_COMMUNE_CRITERIA_TARGET,
            &[
                ("year", &check.year),
                ("0", &shown(check.value)),
                ("1", &shown(check.target)),
                ("mark", &mark),
            ],
        ),
        other => {
            let what = match other {
                Measure::AvgCriteria => lang.say(t::AVERAGE_CRITERIA_A_COMMUNE).to_string(),
                Measure::BorderAvg => lang.say(t::BORDER_COMMUNES_AVERAGE).to_string(),
                Measure::Criterion(k) => {
                    let c = &plan.criteria[k];
                    format!("{} {}", c.id, lang.pick(&c.name_vi, &c.name_en))
                }
                _ => String::new(),
            };
            lang.fill(
                t::YEAR_MEASURE_TARGET,
                &[
                    ("year", &check.year),
                    ("what", &what),
                    ("value", &shown(check.value)),
                    ("target", &shown(check.target)),
                    ("mark", &mark),
                ],
            )
        }
    }
}

/// The path of the scenario shown, for the path view, the report, the presentation and the
/// exports alike.
#[derive(Clone, Copy)]
pub struct PathShown {
    pub settings: RwSignal<Path>,
    pub outcome: RwSignal<Arc<PathOutcome>>,
    /// Years run of the path being worked out, while it takes more than a slice.
    pub progress: RwSignal<Option<(usize, usize)>>,
}

/// Where the page keeps the path (the scenario being worked on is kept with the saved ones).
const PATH_KEY: &str = "ntm.path";

pub fn provide_path(state: super::state::State) -> PathShown {
    let keeping = super::persistence::use_keeping();
    let plan = state.model.with_untracked(|m| m.plan.clone());
    // A link's path, else the one kept from the last visit, else the shipped default. What
    // cannot be read is named; the default is shown and the kept text is left as it was
    // until the planner changes the path.
    let hash = super::persistence::location_hash();
    let kept = if hash.trim_start_matches('#').is_empty() {
        super::persistence::storage()
            .and_then(|s| s.get_item(PATH_KEY).ok().flatten())
            .map(|text| (text, super::persistence::PATH_STORED))
    } else {
        link::path_part(&hash).map(|text| (text, link::PATH_IN_LINK))
    };
    let start = match kept {
        None => shipped_path(&plan),
        Some((text, input)) => match Path::from_json(&text, &plan, input) {
            Ok(p) => p,
            Err(e) => {
                keeping.notice.set(Some(super::persistence::Notice::problem(
                    &e,
                    t::THE_DEFAULT_PATH_IS_SHOWN,
                )));
                shipped_path(&plan)
            }
        },
    };
    // Nothing worked out yet: the first outcome comes once the headline is painted.
    let years = start.years;
    let settings = RwSignal::new(start);
    let outcome = RwSignal::new(Arc::new(crate::engine::path::PathOutcome {
        years: Vec::new(),
        targets: Vec::new(),
    }));
    let progress = RwSignal::new(Some((0, years)));
    // Four years cost four preparations of the table: worked out once the levers settle, a
    // year at a time between frames (the country's table takes several frames).
    let job = StoredValue::new(0u64);
    let work_out = move |p: Path| {
        let model = state.model.get_untracked();
        let path = state
            .scenario
            .with_untracked(|scenario| with_scenario(&p, scenario));
        let run = crate::engine::path::PathRun::new(&model);
        super::slices::sliced(
            job,
            (run, path, model),
            |(run, path, model)| run.step(path, model, &mut crate::engine::run::Certain),
            move |(run, path, _)| progress.set(Some((run.done(), path.years))),
            move |(run, path, _)| {
                outcome.set(Arc::new(run.finish(&path)));
                if progress.get_untracked().is_some() {
                    progress.set(None);
                }
            },
        );
    };
    Effect::new(move |first_run: Option<()>| {
        let p = settings.get();
        state.settled.track();
        match first_run {
            Some(()) => work_out(p),
            // The answer first: the path's first years once the headline is on screen.
            None => super::slices::once_painted(job, move || work_out(settings.get_untracked())),
        }
    });
    // Sync with the outside: the path goes into the link (only when it is not the shipped
    // one) and into storage, once the planner changes it.
    Effect::new(move |first: Option<()>| {
        let p = settings.get();
        let json = state.model.with_untracked(|m| {
            let default = shipped_path(&m.plan);
            (with_scenario(&p, &Default::default()) != with_scenario(&default, &Default::default()))
                .then(|| kept_json(&p, &m.plan))
        });
        if keeping.path_part.get_untracked() != json {
            keeping.path_part.set(json.clone());
        }
        if first.is_some() {
            if let Some(s) = super::persistence::storage() {
                let kept = match &json {
                    Some(text) => s.set_item(PATH_KEY, text),
                    None => s.remove_item(PATH_KEY),
                };
                if kept.is_err() {
                    keeping.notice.set(Some(super::persistence::Notice::info(
                        t::CANNOT_SAVE_IN_THE_BROWSER_FULL,
                        &[],
                    )));
                }
            }
        }
    });
    // Back and Forward bring the path of that step back too.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let plan = state.model.with_untracked(|m| m.plan.clone());
        let p = match link::path_part(&super::persistence::location_hash()) {
            None => Ok(shipped_path(&plan)),
            Some(text) => Path::from_json(&text, &plan, link::PATH_IN_LINK),
        };
        if let Ok(p) = p {
            if p != settings.get_untracked() {
                settings.set(p);
            }
        }
    });
    let shown = PathShown {
        settings,
        outcome,
        progress,
    };
    provide_context(shown);
    shown
}

#[component]
pub fn PathView() -> impl IntoView {
    let state = use_state();
    let PathShown {
        settings,
        outcome,
        progress,
    } = expect_context::<PathShown>();
    let risk_band = use_context::<super::risk::Shown>().map(|s| s.path_band);
    let lang = move || state.lang.get();
    let keeping = super::persistence::use_keeping();
    let download_path = move |_| {
        let (json, name) = state.model.with_untracked(|m| {
            let p = with_scenario(&settings.get_untracked(), &state.scenario.get_untracked());
            (p.to_json(&m.plan), state.scenario_name())
        });
        super::persistence::download(
            &format!("lo-trinh-{}.json", super::persistence::file_name(&name)),
            "application/json",
            json.as_bytes(),
        );
    };
    let path_file = NodeRef::<leptos::html::Input>::new();
    // A path file (model.md §7.1, what `ntm path --path` reads): its first year's scenario
    // becomes the one on screen; its later years' scenarios and all its targets are kept.
    let open_path = move |_| {
        let Some(input) = path_file.get() else { return };
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = super::persistence::read_file(&input).await else {
                return;
            };
            input.set_value("");
            let plan = state.model.with_untracked(|m| m.plan.clone());
            let text = String::from_utf8_lossy(&bytes).into_owned();
            match Path::from_json(&text, &plan, &name) {
                Ok(p) => {
                    if let Some((_, first)) = p.scenarios.iter().find(|(y, _)| *y == p.first_year) {
                        state.replace(first.clone());
                    }
                    settings.set(p);
                    keeping.notice.set(Some(super::persistence::Notice::info(
                        t::OPENED_THE_PATH,
                        &[("name", &name)],
                    )));
                }
                Err(e) => keeping.notice.set(Some(super::persistence::Notice::problem(
                    &e,
                    t::THE_PATH_SHOWN_IS_UNCHANGED,
                ))),
            }
        });
    };
    let field_error = RwSignal::new(None::<&'static str>);
    let set_whole = move |ev: leptos::ev::Event, max: u32, measure: Measure| match whole(
        &event_target_value(&ev),
        state.lang.get_untracked(),
        max,
    ) {
        Some(v) => {
            field_error.set(None);
            settings.update(|p| set_last_target(p, measure, f64::from(v)));
        }
        None => field_error.set(Some("whole")),
    };
    let verdict = move || {
        let o = outcome.get();
        let l = lang();
        state.model.with(|m| {
            o.targets
                .iter()
                .map(|c| target_sentence(c, &m.plan, l, true))
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    view! {
        <section class="panel path" data-testid="path-view" aria-labelledby="path-title">
            <h3 id="path-title">{move || state.tr(t::YEARS_THE_PATH)}</h3>
            <p class="hint">{move || state.tr(t::THE_SCENARIO_SHOWN_IS_THE_FIRST)}</p>
            <div class="path-settings">
                <label>
                    <span>{move || state.tr(t::FROM_YEAR)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="path-first-year"
                        prop:value=move || settings.with(|p| p.first_year.to_string())
                        on:change=move |ev| match whole(&event_target_value(&ev), state.lang.get_untracked(), 2090) {
                            Some(y) if y >= 2000 => {
                                field_error.set(None);
                                settings.update(|p| set_first_year(p, y as u16));
                            }
                            _ => field_error.set(Some("year")),
                        }/>
                </label>
                <label>
                    <span>{move || state.tr(t::UNTIL)}</span>
                    <select data-testid="path-last-year" on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse::<u16>() {
                            settings.update(|p| set_last_year(p, y));
                        }
                    }>
                        {move || {
                            let first_year = settings.with(|s| s.first_year);
                            (first_year..first_year + crate::engine::path::MAX_YEARS as u16)
                                .map(|y| view! { <option value=y.to_string() prop:selected=move || settings.with(|p| last_year(p) == y)>{y}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    <span>{move || state.tr(t::TARGET_CERTIFIED_COMMUNES)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="path-target-certified"
                        prop:value=move || settings.with(|p| last_target(p, Measure::Certified).map_or(String::new(), |v| v.to_string()))
                        on:change=move |ev| set_whole(ev, 50_000, Measure::Certified)/>
                </label>
                <label>
                    <span>{move || state.tr(t::NO_COMMUNE_UNDER_CRITERIA)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="path-target-min"
                        prop:value=move || settings.with(|p| last_target(p, Measure::MinCriteria).map_or(String::new(), |v| v.to_string()))
                        on:change=move |ev| set_whole(ev, CRITERIA as u32, Measure::MinCriteria)/>
                </label>
                <label>
                    <span>{move || state.tr(t::COSTS_GROW_A_YEAR)}</span>
                    <input type="text" inputmode="decimal" class="number small" data-testid="path-cost-growth"
                        prop:value=move || number(settings.with(|s| s.cost_growth) * 100.0, 1, lang())
                        on:change=move |ev| {
                            match parse_number(&event_target_value(&ev), state.lang.get_untracked()) {
                                Ok(p) if (-50.0..=100.0).contains(&p) => {
                                    field_error.set(None);
                                    settings.update(|s| s.cost_growth = p / 100.0);
                                }
                                _ => field_error.set(Some("growth")),
                            }
                        }/>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="path-carry" prop:checked=move || settings.with(carries_all)
                        on:change=move |ev| {
                            let share = if event_target_checked(&ev) { 1.0 } else { 0.0 };
                            settings.update(|s| s.carry = Carry { undisbursed: share, idle: share, unused: share });
                        }/>
                    <span>{move || state.tr(t::CARRY_WHAT_IS_LEFT_TO_THE)}</span>
                </label>
            </div>
            <p class="field-error" role="alert" data-testid="path-error">
                {move || field_error.get().map(|which| match which {
                    "growth" => state.tr(t::COST_GROWTH_MUST_BE_A_NUMBER),
                    "year" => state.tr(t::A_YEAR_FROM_2000_TO_2090),
                    _ => state.tr(t::TYPE_A_WHOLE_NUMBER_NOT_NEGATIVE),
                })}
            </p>
            <p class="path-verdict" data-testid="path-verdict">{verdict}</p>
            {move || {
                let communes = state.model.with(|m| m.table.communes.len()) as u32;
                let said: Vec<String> = settings.with(|p| {
                    p.certified_targets_beyond(communes)
                        .into_iter()
                        .map(|target| {
                            let l = lang();
                            l.fill(t::PATH_TARGET_BEYOND_THE_TABLE, &[("target", &number(target.target, 0, l)), ("year", &target.year), ("communes", &number(f64::from(communes), 0, l))])
                        })
                        .collect()
                });
                (!said.is_empty()).then(|| view! { <p class="field-note warn" data-testid="path-target-beyond" role="status">{said.join(" ")}</p> })
            }}
            {move || progress.get().map(|(done, of)| view! {
                <p class="hint working" role="status" data-testid="path-progress">
                    {lang().fill(t::WORKING_OUT_THE_PATH, &[("done", &done), ("of", &of)])}
                </p>
            })}
            <div class="file-buttons">
                <button type="button" data-testid="download-path" on:click=download_path>
                    {move || state.tr(t::DOWNLOAD_PATH_FILE)}
                </button>
                <label class="file-button">
                    <span>{move || state.tr(t::OPEN_PATH_FILE)}</span>
                    <input type="file" accept=".json,application/json" data-testid="open-path" node_ref=path_file on:change=open_path/>
                </label>
            </div>
            <YearScenarios settings=settings outcome=outcome/>
            <PathChart outcome=outcome settings=settings/>
            <div class="table-scroll">
            <table class="path-table">
                <thead><tr>
                    <th scope="col">{move || state.tr(t::YEAR)}</th>
                    <th scope="col">{move || state.tr(t::CERTIFIED)}</th>
                    <th scope="col">{move || state.tr(t::CRITERIA_A_COMMUNE)}</th>
                    <th scope="col">{move || state.tr(t::BORDER_AVERAGE_2)}</th>
                    <th scope="col">{move || state.tr(t::LOWEST_COMMUNE_2)}</th>
                    <th scope="col">{move || state.tr(t::SHORT)}</th>
                    <th scope="col">{move || state.tr(t::CARRIED_OVER)}</th>
                    <th scope="col">{move || state.tr(t::RISK_P10_P90_CERTIFIED)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let o = outcome.get();
                        let l = lang();
                        let bands = risk_band.and_then(|b| b.get()).filter(|b| b.len() == o.years.len());
                        o.years.iter().enumerate().map(|(i, y)| {
                            let band = bands.as_ref().map(|b| format!("{}–{}", b[i].p10, b[i].p90));
                            let out = &y.outcome;
                            let carried_next: f64 = o.years.get(i + 1).map_or_else(
                                || {
                                    // After the last year: what would go on.
                                    let c = settings.with_untracked(|p| p.carry);
                                    out.funding.sources.iter().map(|src| c.undisbursed * (src.pledged - src.arrived) + c.idle * src.idle).sum::<f64>()
                                        + c.unused * out.criteria.iter().map(|k| k.unused).sum::<f64>()
                                },
                                |next| next.carried_in.iter().take(SOURCES).sum::<f64>() + next.reserved_in.iter().sum::<f64>(),
                            );
                            view! {
                                <tr>
                                    <th scope="row">{y.year}</th>
                                    <td data-testid=format!("path-certified-{}", y.year)>{out.certified}</td>
                                    <td data-testid=format!("path-avg-{}", y.year)>{number(out.avg_criteria, 2, l)}</td>
                                    <td data-testid=format!("path-border-{}", y.year)>{crate::show::average(out.border.avg_criteria, l)}</td>
                                    <td>{out.min_criteria}</td>
                                    <td>{amount(out.funding.shortfall, 2, l)}</td>
                                    <td>{amount(carried_next, 2, l)}</td>
                                    <td class="band" data-testid=format!("path-band-{}", y.year)>{band}</td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            </div>
        </section>
    }
}

/// One scenario a year: the first year's is the one on screen; each later year keeps the year
/// before's ("same as last year", the default) or has its own, edited here lever by lever
/// (the registry's funding, disbursement and investment) or taken from a saved scenario.
#[component]
fn YearScenarios(settings: RwSignal<Path>, outcome: RwSignal<Arc<PathOutcome>>) -> impl IntoView {
    let state = use_state();
    let lang = move || state.lang.get();
    let editing = RwSignal::new(None::<u16>);
    // The year being edited: the one picked, while it is in the path; else the first.
    let year = Memo::new(move |_| {
        settings.with(|p| {
            editing
                .get()
                .filter(|y| (p.first_year..=last_year(p)).contains(y))
                .unwrap_or(p.first_year)
        })
    });
    let own = move |y: u16| {
        settings.with(|p| y != p.first_year && p.scenarios.iter().any(|(l, _)| *l == y))
    };
    let tabs = move || {
        let (first, last) = settings.with(|p| (p.first_year, last_year(p)));
        (first..=last)
            .map(|y| {
                let status = move || {
                    if y == first {
                        state.tr(t::THE_SCENARIO_SHOWN)
                    } else if own(y) {
                        state.tr(t::ITS_OWN_SCENARIO)
                    } else {
                        state.tr(t::SAME_AS_LAST_YEAR)
                    }
                };
                view! {
                    <button type="button" role="tab" class="year-tab" class:own=move || own(y)
                        aria-selected=move || (year.get() == y).to_string()
                        data-testid=format!("path-year-{y}")
                        on:click=move |_| editing.set(Some(y))>
                        <strong>{y}</strong>
                        <small>{status}</small>
                    </button>
                }
            })
            .collect_view()
    };
    // Own scenario for `y`: the one in force that year with its investment as the numbers the
    // path used, so that the results do not move until a lever does.
    let make_own = move |y: u16| {
        let first = state.scenario.get_untracked();
        let o = outcome.get_untracked();
        settings.update(|p| {
            let mut s = with_scenario(p, &first)
                .scenario_for(y)
                .map(|(_, s)| s.clone())
                .unwrap_or_default();
            if let Some(yo) = o.years.iter().find(|yo| yo.year == y) {
                for (k, c) in yo.outcome.criteria.iter().enumerate().take(CRITERIA) {
                    s.investment[k] = Some(c.investment);
                }
            }
            s.name = None;
            p.set_scenario(y, s);
        });
    };
    let take_from = move |y: u16, key: String| {
        let all = super::compare::candidates(&state);
        if let Some((_, _, s)) = all.into_iter().find(|(k, _, _)| *k == key) {
            settings.update(|p| p.set_scenario(y, s));
        }
    };
    let editor = move || {
        let y = year.get();
        let first = settings.with_untracked(|p| p.first_year);
        if y == first {
            return view! {
                <p class="hint" data-testid="path-year-note">
                    {move || lang().fill(t::YEAR_USES_THE_SCENARIO_SHOWN, &[("year", &y)])}
                </p>
            }
            .into_any();
        }
        let fields = move || {
            own(y).then(|| {
                let choices = super::compare::candidates(&state);
                view! {
                    <label>
                        <span>{move || state.tr(t::TAKE_A_SCENARIO)}</span>
                        <select data-testid="path-year-from" on:change=move |ev| take_from(y, event_target_value(&ev))>
                            <option value="" selected>{move || state.tr(t::CHOOSE)}</option>
                            {choices.into_iter().map(|(key, name, _)| view! { <option value=key>{name}</option> }).collect_view()}
                        </select>
                    </label>
                    <YearLevers settings=settings outcome=outcome year=y/>
                }
            })
        };
        view! {
            <div class="year-editor" data-testid="path-year-editor">
                <label class="check">
                    <input type="checkbox" data-testid="path-same" prop:checked=move || !own(y)
                        on:change=move |ev| {
                            if event_target_checked(&ev) {
                                settings.update(|p| p.unset_scenario(y));
                            } else {
                                make_own(y);
                            }
                        }/>
                    <span>{move || lang().fill(t::YEAR_SAME_AS_YEAR_BEFORE, &[("year", &y), ("before", &(y - 1))])}</span>
                </label>
                {fields}
            </div>
        }
        .into_any()
    };
    view! {
        <div class="year-scenarios" data-testid="path-years">
            <h4>{move || state.tr(t::THE_SCENARIO_OF_EACH_YEAR)}</h4>
            <div class="year-tabs" role="tablist">{tabs}</div>
            {editor}
        </div>
    }
}

/// The levers of one year's own scenario, from the registry: funding and disbursement per
/// source, investment per criterion. Each value shown is the one in force that year.
#[component]
fn YearLevers(
    settings: RwSignal<Path>,
    outcome: RwSignal<Arc<PathOutcome>>,
    year: u16,
) -> impl IntoView {
    use crate::engine::lever::{Lever, Value, DISBURSEMENT, FUNDING, INVESTMENT};
    let state = use_state();
    let row = move |lever: Lever| {
        let (key, name_vi, name_en) = state.model.with_untracked(|m| {
            let key = lever.item_key(&m.plan).unwrap_or_default().to_string();
            match lever.family {
                INVESTMENT => {
                    let c = &m.plan.criteria[lever.item];
                    (
                        key,
                        format!("{} {}", c.id, c.name_vi),
                        format!("{} {}", c.id, c.name_en),
                    )
                }
                _ => {
                    let src = &m.plan.sources[lever.item];
                    (key, src.name_vi.clone(), src.name_en.clone())
                }
            }
        });
        let share = lever.family == DISBURSEMENT;
        let value = Signal::derive(move || {
            let set = settings.with(|p| {
                p.scenarios
                    .iter()
                    .find(|(y, _)| *y == year)
                    .and_then(|(_, s)| lever.get(s))
            });
            let x = match set {
                Some(Value::Number(x)) => x,
                _ if lever.family == INVESTMENT => outcome.with(|o| {
                    o.years
                        .iter()
                        .find(|y| y.year == year)
                        .map_or(0.0, |y| y.outcome.criteria[lever.item].investment)
                }),
                _ => state
                    .model
                    .with(|m| lever.default_in(m).number().unwrap_or(0.0)),
            };
            if share {
                x * 100.0
            } else {
                x
            }
        });
        let on_commit = Callback::new(move |x: f64| {
            let v = if share { x / 100.0 } else { x };
            settings.update(|p| {
                if let Some((_, s)) = p.scenarios.iter_mut().find(|(y, _)| *y == year) {
                    lever.set(s, Some(Value::Number(v)));
                }
            });
        });
        let name = Signal::derive(move || state.lang.get().pick(&name_vi, &name_en).to_string());
        // Read aloud with its year: the same source is a lever of the scenario on screen too.
        let label = Signal::derive(move || format!("{year}: {}", name.get()));
        let (limit, unit, decimals) = if share {
            (100.0, "%", 1)
        } else {
            (crate::engine::scenario::MAX_AMOUNT, "", 2)
        };
        view! {
            <div class="lever-row">
                <span class="lever-name">{move || name.get()}</span>
                <NumberField value=value on_commit=on_commit
                    testid=format!("path-{}-{key}", lever.family().key)
                    label=label limit=limit decimals=decimals unit=unit/>
            </div>
        }
    };
    let family = move |f: usize| {
        (0..crate::engine::lever::FAMILIES[f].count())
            .map(|i| row(Lever::new(f, i)))
            .collect_view()
    };
    view! {
        <div class="year-levers">
            <fieldset>
                <legend>{move || state.tr(t::FUNDING_BILLION_VND)}</legend>
                {family(FUNDING)}
            </fieldset>
            <fieldset>
                <legend>{move || state.tr(t::DISBURSEMENT_2)}</legend>
                {family(DISBURSEMENT)}
            </fieldset>
            <details>
                <summary>{move || state.tr(t::INVESTMENT_BY_CRITERION_BILLION_VND)}</summary>
                {family(INVESTMENT)}
            </details>
        </div>
    }
}

/// Certified communes year by year against the target (an SVG line; the bars are years).
#[component]
fn PathChart(outcome: RwSignal<Arc<PathOutcome>>, settings: RwSignal<Path>) -> impl IntoView {
    let state = use_state();
    // P10–P90 of the path under risk, once drawn (the risk panel draws it with its odds).
    let band = use_context::<super::risk::Shown>().map(|s| s.path_band);
    let showing = super::showing::use_showing();
    // While scenarios are compared: the same path with each of them as the first year's, a
    // faint line each (the one shown is the main line).
    let compared = RwSignal::new(Vec::<(String, Vec<u32>)>::new());
    let others = expect_context::<super::compare::Others>();
    // Each one a path run (four preparations of the table): a year a slice, as the path's own.
    let job = StoredValue::new(0u64);
    Effect::new(move |_| {
        if !showing.compare_open.get() {
            job.update_value(|n| *n += 1);
            if !compared.with_untracked(Vec::is_empty) {
                compared.set(Vec::new());
            }
            return;
        }
        state.settled.track();
        let picked = showing.picked.get();
        // Not the one shown (the main line): the others follow no lever.
        let all = others.0.get();
        let p = settings.get();
        let model = state.model.get_untracked();
        let paths: Vec<(String, Path)> = picked
            .iter()
            .filter(|key| key.as_str() != "current")
            .filter_map(|key| all.iter().find(|(k, _, _)| k == key))
            .map(|(_, name, s)| (name.clone(), with_scenario(&p, s)))
            .collect();
        let run = crate::engine::path::PathRun::new(&model);
        super::slices::sliced(
            job,
            (paths, 0usize, run, Vec::new(), model),
            |(paths, i, run, done, model)| {
                let Some((name, path)) = paths.get(*i) else {
                    return false;
                };
                if !run.step(path, model, &mut crate::engine::run::Certain) {
                    let finished = std::mem::replace(run, crate::engine::path::PathRun::new(model));
                    let years = finished.finish(path).years;
                    done.push((
                        name.clone(),
                        years.iter().map(|y| y.outcome.certified).collect(),
                    ));
                    *i += 1;
                }
                *i < paths.len()
            },
            |_| {},
            move |(_, _, _, done, _)| compared.set(done),
        );
    });
    let (w, h, left, bottom, top) = (520.0, 180.0, 40.0, 24.0, 12.0);
    view! {
        <svg class="path-chart" viewBox=format!("0 0 {w} {h}") role="img" data-testid="path-chart"
            aria-label=move || state.tr(t::CERTIFIED_COMMUNES_BY_YEAR_AGAINST_THE)>
            {move || {
                let o = outcome.get();
                let target = settings.with(|p| last_target(p, Measure::Certified)).unwrap_or(0.0);
                let communes = state.model.with(|m| m.table.communes.len()) as f64;
                // The axis spans the start of the path to the target (or the best year), so that
                // a few communes a year show as a slope, not a flat line.
                let start = o.years.first().map_or(0.0, |y| f64::from(y.outcome.certified_baseline));
                let others = compared.get();
                let best = o.years.iter().map(|y| f64::from(y.outcome.certified))
                    .chain(others.iter().flat_map(|(_, v)| v.iter().map(|&c| f64::from(c))))
                    .fold(target, f64::max);
                let low = start.min(target);
                let span = (best - low).max(1.0);
                let low = (low - span * 0.15).max(0.0);
                let high = (best + span * 0.15).min(communes.max(best));
                let n = o.years.len().max(1) as f64;
                let x = |i: usize| left + (i as f64 + 0.5) * (w - left - 10.0) / n;
                let y = |v: f64| top + (h - top - bottom) * (1.0 - (v - low) / (high - low).max(1.0));
                let points: Vec<String> = o.years.iter().enumerate()
                    .map(|(i, yr)| format!("{:.1},{:.1}", x(i), y(f64::from(yr.outcome.certified))))
                    .collect();
                let ty = y(target);
                let band_points = band
                    .and_then(|b| b.get())
                    .filter(|b| b.len() == o.years.len())
                    .map(|b| {
                        let clamp = |v: f64| y(v.clamp(low, high));
                        let upper = b.iter().enumerate().map(|(i, s)| format!("{:.1},{:.1}", x(i), clamp(s.p90)));
                        let lower = b.iter().enumerate().rev().map(|(i, s)| format!("{:.1},{:.1}", x(i), clamp(s.p10)));
                        upper.chain(lower).collect::<Vec<_>>().join(" ")
                    });
                view! {
                    {band_points.map(|p| view! { <polygon points=p class="path-band" data-testid="path-band"/> })}
                    <line x1=left y1=h - bottom x2=w - 5.0 y2=h - bottom class="axis"/>
                    <line x1=left y1=top x2=left y2=h - bottom class="axis"/>
                    <text x=left - 4.0 y=y(low) text-anchor="end" class="path-year">{format!("{low:.0}")}</text>
                    <text x=left - 4.0 y=y(high) + 8.0 text-anchor="end" class="path-year">{format!("{high:.0}")}</text>
                    <line x1=left y1=ty x2=w - 5.0 y2=ty class="target-line"/>
                    <text x=left + 4.0 y=ty - 4.0 class="target-label">{format!("{} {}", state.tr(t::TARGET_4), target)}</text>
                    {others.iter().map(|(name, values)| {
                        let pts: Vec<String> = values.iter().enumerate()
                            .map(|(i, &c)| format!("{:.1},{:.1}", x(i), y(f64::from(c))))
                            .collect();
                        let last = values.last().copied().unwrap_or(0);
                        view! {
                            <polyline points=pts.join(" ") class="path-compare-line" data-testid="path-compare-line">
                                <title>{format!("{name}: {last}")}</title>
                            </polyline>
                        }
                    }).collect_view()}
                    <polyline points=points.join(" ") class="path-line"/>
                    {o.years.iter().enumerate().map(|(i, yr)| {
                        let v = f64::from(yr.outcome.certified);
                        view! {
                            <circle cx=x(i) cy=y(v) r="4" class="path-point"/>
                            <text x=x(i) y=y(v) - 8.0 class="path-value" text-anchor="middle">{yr.outcome.certified}</text>
                            <text x=x(i) y=h - 6.0 class="path-year" text-anchor="middle">{yr.year}</text>
                        }
                    }).collect_view()}
                }
            }}
        </svg>
        {move || {
            let others = compared.get();
            (!others.is_empty()).then(|| view! {
                <p class="hint" data-testid="path-compare-legend">
                    {state.tr(t::A_LINE_PER_SCENARIO_COMPARED)}
                    {others.iter().map(|(name, v)| format!(" {name}: {}.", v.last().copied().unwrap_or(0))).collect::<String>()}
                </p>
            })
        }}
    }
}

/// A goal the planner can pick, as the select's value.
fn goal_options(plan: &crate::engine::Plan, lang: Lang) -> Vec<(String, String)> {
    let mut list = vec![
        (
            "certified".to_string(),
            lang.say(t::CERTIFIED_COMMUNES_3).to_string(),
        ),
        (
            "avg_criteria".to_string(),
            lang.say(t::AVERAGE_CRITERIA_A_COMMUNE).to_string(),
        ),
        (
            "border_avg".to_string(),
            lang.say(t::BORDER_COMMUNES_AVERAGE).to_string(),
        ),
        (
            "min_criteria".to_string(),
            lang.say(t::NO_COMMUNE_UNDER_CRITERIA).to_string(),
        ),
        (
            "budget".to_string(),
            lang.say(t::BUDGET_BILLION_VND_MOST_COMMUNES_CERTIFIED)
                .to_string(),
        ),
    ];
    for c in &plan.criteria {
        let name = lang.pick(&c.name_vi, &c.name_en);
        list.push((
            c.key.clone(),
            format!("{} {}: {}", lang.say(t::CRITERION), c.id, name),
        ));
    }
    list
}

/// The value a goal starts from: the plan's own target, or the plan's money for a budget.
fn default_value(key: &str, m: &crate::engine::Model) -> f64 {
    let t = &m.plan.targets;
    match key {
        "certified" => f64::from(t.certified),
        "avg_criteria" => t.avg_criteria_min,
        "border_avg" => t.border_avg_min,
        "min_criteria" => 15.0,
        "budget" => m.plan.funding_total(),
        other => m
            .plan
            .criterion_index(other)
            .map_or(0.0, |k| f64::from(m.plan.criteria[k].target)),
    }
}

/// The goal sought last and the margins of more money, for the goals panel, the report and the
/// presentation alike.
#[derive(Clone, Copy)]
pub struct GoalsShown {
    /// The answer for the scenario on screen (gone when a lever moves).
    pub answer: RwSignal<Option<Arc<Answer>>>,
    /// The amount of "where does more money buy most", as typed.
    pub amount_text: RwSignal<String>,
    pub amount: Memo<Option<f64>>,
    pub margins: RwSignal<Option<Vec<crate::engine::goals::Margin>>>,
    /// Criteria worked out of the margins, while they take more than a slice.
    pub progress: RwSignal<Option<usize>>,
    /// A goal is being sought (in the worker, or after the next paint on the main thread).
    pub seeking: RwSignal<bool>,
    seeker: StoredValue<std::rc::Rc<std::cell::RefCell<Seeker>>, LocalStorage>,
}

/// Tables up to this many communes are sought on the main thread at once (the province's
/// greedy seek: 63 µs natively); larger ones in the worker (the country's: 151 ms natively).
const SEEK_HERE_UP_TO: usize = 2_000;

/// The goals' own worker (the risk draws have theirs, so a seek never waits behind draws).
#[derive(Default)]
struct Seeker {
    bridge: Option<gloo_worker::WorkerBridge<crate::risk_worker::worker::RiskWorker>>,
    sent: super::risk::SentTable,
    /// The seek wanted now; replies to others are dropped.
    number: u64,
    answered: bool,
}

impl GoalsShown {
    /// Seeks `goal` for the scenario on screen: the search in the worker where one can run
    /// (on the country's table it takes several frames), else on the main thread once
    /// "seeking" is painted; the answer is made of what is found on the main thread.
    pub fn seek(self, state: super::state::State, goal: Goal) {
        self.answer.set(None);
        self.seeking.set(true);
        let model = state.model.get_untracked();
        let scenario = state.scenario.get_untracked();
        let seeker = self.seeker.get_value();
        let number = {
            let mut s = seeker.borrow_mut();
            s.number += 1;
            s.number
        };
        let shown = self;
        let on_main_thread = move |number: u64| {
            leptos::task::spawn_local(async move {
                super::slices::after_paint().await;
                if shown.seeker.try_get_value().map(|s| s.borrow().number) != Some(number) {
                    return;
                }
                let model = state.model.get_untracked();
                let a = state.scenario.with_untracked(|s| seek(&model, s, goal));
                shown.answer.set(Some(Arc::new(a)));
                shown.seeking.set(false);
            });
        };
        if model.table.communes.len() <= SEEK_HERE_UP_TO {
            // The province's seek takes well under a millisecond: at once, in this frame.
            let a = seek(&model, &scenario, goal);
            self.answer.set(Some(Arc::new(a)));
            self.seeking.set(false);
            return;
        }
        if !super::risk::workers_possible() {
            on_main_thread(number);
            return;
        }
        let mut s = seeker.borrow_mut();
        if s.bridge.is_none() {
            let weak = std::rc::Rc::downgrade(&seeker);
            let bridge = super::risk::spawn(move |reply: crate::risk_worker::RiskReply| {
                let Some(seeker) = weak.upgrade() else { return };
                let current = {
                    let mut s = seeker.borrow_mut();
                    s.answered = true;
                    s.number
                };
                match reply {
                    crate::risk_worker::RiskReply::Sought { seek, found } if seek == current => {
                        let model = state.model.get_untracked();
                        let a = state
                            .scenario
                            .with_untracked(|s| crate::engine::goals::answer(&model, s, &found));
                        shown.answer.set(Some(Arc::new(a)));
                        shown.seeking.set(false);
                    }
                    crate::risk_worker::RiskReply::Failed { job, .. } if job == current => {
                        on_main_thread(current);
                    }
                    _ => {}
                }
            });
            s.bridge = Some(bridge);
            s.sent = Default::default();
        }
        let send_table = s.sent.send(&model);
        if let Some(bridge) = &s.bridge {
            if send_table {
                bridge.send(crate::risk_worker::RiskRequest::model(&model));
            }
            bridge.send(crate::risk_worker::RiskRequest::Seek {
                seek: number,
                scenario: scenario.to_json(&model.plan),
                goal,
            });
        }
        if !s.answered {
            // A worker that has never answered gets a few seconds, then the main thread seeks.
            let weak = std::rc::Rc::downgrade(&seeker);
            gloo_timers::callback::Timeout::new(5000, move || {
                if let Some(seeker) = weak.upgrade() {
                    let (silent, current) = {
                        let s = seeker.borrow();
                        (!s.answered, s.number)
                    };
                    if silent && current == number {
                        seeker.borrow_mut().bridge = None;
                        on_main_thread(number);
                    }
                }
            })
            .forget();
        }
    }
}

pub fn provide_goals(state: super::state::State) -> GoalsShown {
    let answer = RwSignal::new(None::<Arc<Answer>>);
    let seeking = RwSignal::new(false);
    let seeker =
        StoredValue::new_local(std::rc::Rc::new(std::cell::RefCell::new(Seeker::default())));
    // An answer is for the scenario it was sought from: a lever moved, it is gone, and so is a
    // seek under way.
    Effect::new(move |_| {
        state.scenario.track();
        state.model.track();
        answer.set(None);
        seeker.with_value(|s| s.borrow_mut().number += 1);
        seeking.set(false);
    });
    let amount_text = RwSignal::new("100".to_string());
    let amount = Memo::new(move |_| {
        parse_number(&amount_text.get(), state.lang.get())
            .ok()
            .filter(|x| x.is_finite() && *x >= 0.0 && *x <= crate::engine::scenario::MAX_AMOUNT)
    });
    // Nothing worked out yet: the first margins come once the headline is painted.
    let margins = RwSignal::new(None);
    let progress = RwSignal::new(amount.get_untracked().map(|_| 0));
    // Nineteen runs: once the levers settle, a criterion at a time between frames.
    let job = StoredValue::new(0u64);
    let work_out = move |wanted: Option<f64>| {
        let model = state.model.get_untracked();
        let Some(x) = wanted else {
            // Stops the one under way.
            job.update_value(|n| *n += 1);
            margins.set(None);
            progress.set(None);
            return;
        };
        let run = state
            .scenario
            .with_untracked(|s| crate::engine::goals::MarginRun::new(&model, s, x));
        super::slices::sliced(
            job,
            (run, model),
            |(run, model)| run.step(model),
            move |(run, _)| progress.set(Some(run.done())),
            move |(run, _)| {
                margins.set(Some(run.finish()));
                if progress.get_untracked().is_some() {
                    progress.set(None);
                }
            },
        );
    };
    Effect::new(move |first_run: Option<()>| {
        let wanted = amount.get();
        state.settled.track();
        match first_run {
            Some(()) => work_out(wanted),
            // The answer first: the margins once the headline is on screen.
            None => super::slices::once_painted(job, move || work_out(amount.get_untracked())),
        }
    });
    let shown = GoalsShown {
        answer,
        amount_text,
        amount,
        margins,
        progress,
        seeking,
        seeker,
    };
    provide_context(shown);
    shown
}

/// The funding an answer lacks: per source, how much more of it alone would pay for what it
/// may pay for (a source that cannot help is left out).
fn more_funding_rows(a: &Answer, plan: &crate::engine::Plan, l: Lang) -> Vec<(String, String)> {
    plan.sources
        .iter()
        .zip(a.more_funding)
        .filter(|(_, x)| *x > 0.0)
        .map(|(src, x)| {
            let figure = if x.is_finite() {
                format!("+{} {}", amount(x, 2, l), l.say(t::BILLION_VND_3))
            } else {
                l.say(t::NONE_OF_IT_ARRIVES).to_string()
            };
            (l.pick(&src.name_vi, &src.name_en).to_string(), figure)
        })
        .collect()
}

/// The answer against the scenario's own total: a saving, or (when the goal costs more than the
/// scenario invests) how much more, never a negative saving.
fn against_the_scenario(a: &Answer, l: Lang) -> (&'static str, String) {
    if a.saving < 0.0 {
        (
            l.say(t::MORE_THAN_THE_SCENARIO),
            format!("+{}", amount(-a.saving, 2, l)),
        )
    } else {
        (
            l.say(t::SAVING_AGAINST_THE_SCENARIO),
            amount(a.saving, 2, l),
        )
    }
}

/// A goal's answer in short (report and presentation).
pub(super) fn goal_summary(a: &Answer, m: &crate::engine::Model, l: Lang) -> AnyView {
    let what = goal_options(&m.plan, l)
        .into_iter()
        .find(|(key, _)| {
            if a.budget.is_some() {
                key == "budget"
            } else {
                *key == a.measure.key(&m.plan)
            }
        })
        .map(|(_, label)| label)
        .unwrap_or_default();
    let goal = match a.budget {
        Some(b) => format!("{what}: {}", amount(b, 2, l)),
        None if a.measure.is_count() => format!("{what}: {:.0}", a.target),
        None => format!("{what}: {}", number(a.target, 2, l)),
    };
    let more = more_funding_rows(a, &m.plan, l);
    view! {
        <div class="goal-summary" data-testid="goal-summary">
            <p class="big-sentence">{goal}</p>
            <table class="slide-table">
                <tbody>
                    <tr><td>{l.say(t::LEAST_TOTAL_INVESTMENT)}</td><td class="num">{format!("{} {}", amount(a.total_investment, 2, l), l.say(t::BILLION_VND_3))}</td></tr>
                    {let (label, figure) = against_the_scenario(a, l); view! { <tr><td>{label}</td><td class="num">{figure}</td></tr> }}
                    <tr><td>{l.say(t::COMMUNES_NEWLY_CERTIFIED)}</td><td class="num">{a.outcome.newly_certified.len()}</td></tr>
                    <tr><td>{l.say(t::SHORT_WITH_THE_CURRENT_FUNDING)}</td><td class="num">{amount(a.outcome.funding.shortfall, 2, l)}</td></tr>
                    <tr><td>{l.say(t::PROVEN_LEAST)}</td><td>{if a.exact { l.say(t::YES) } else { l.say(t::NO_GREEDY_A_CHEAPER_ANSWER_MAY) }}</td></tr>
                    {more.into_iter().map(|(name, figure)| view! {
                        <tr><td>{l.fill(t::MORE_FROM_SOURCE_ALONE, &[("name", &name)])}</td><td class="num">{figure}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Whether the sources leave every criterion's extra amount short: then more for one criterion
/// only moves money from the others (the plan's case: every billion is spent).
fn all_short(list: &[crate::engine::goals::Margin], more: f64) -> bool {
    more > 0.0 && !list.is_empty() && list.iter().all(|g| g.shortfall + 1e-6 >= more)
}

/// Where more money buys most, the first rows (report and presentation).
pub(super) fn margins_summary(
    margins: Option<&[crate::engine::goals::Margin]>,
    amount_more: Option<f64>,
    plan: &crate::engine::Plan,
    l: Lang,
    rows: usize,
) -> AnyView {
    let (Some(list), Some(more)) = (margins, amount_more) else {
        return view! { <p>{l.say(t::NOT_A_VALID_AMOUNT)}</p> }.into_any();
    };
    let no_money = all_short(list, more).then(|| {
        view! {
            <p class="report-note" data-testid="margins-no-money">{l.say(t::NO_MONEY_FOR_MORE)}</p>
        }
    });
    view! {
        <div class="margins-summary" data-testid="margins-summary">
            <p>{l.fill(t::WHERE_MORE_BUYS_MOST, &[("amount", &amount(more, 2, l))])}</p>
            {no_money}
            <table class="slide-table">
                <thead><tr>
                    <th>{l.say(t::CRITERION)}</th><th>{l.say(t::MORE_CERTIFIED)}</th>
                    <th>{l.say(t::MORE_CRITERIA_MET)}</th><th>{l.say(t::SHORT)}</th>
                </tr></thead>
                <tbody>
                    {list.iter().take(rows).map(|g| {
                        let c = &plan.criteria[g.criterion];
                        view! {
                            <tr>
                                <td>{format!("{} {}", c.id, l.pick(&c.name_vi, &c.name_en))}</td>
                                <td class="num">{format!("{:+}", g.certified_gain)}</td>
                                <td class="num">{format!("{:+}", g.criteria_gain)}</td>
                                <td class="num">{amount(g.shortfall, 2, l)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn GoalsPanel() -> impl IntoView {
    let state = use_state();
    let goals = expect_context::<GoalsShown>();
    let GoalsShown {
        answer,
        amount_text,
        margins,
        progress,
        seeking,
        ..
    } = goals;
    let goal_key = RwSignal::new("certified".to_string());
    let value_text =
        RwSignal::new(state.model.with_untracked(|m| {
            number(default_value("certified", m), 2, state.lang.get_untracked())
        }));
    let error = RwSignal::new(None::<String>);
    let lang = move || state.lang.get();
    let run = move |_| {
        let l = state.lang.get_untracked();
        let key = goal_key.get_untracked();
        let parsed = parse_number(&value_text.get_untracked(), l)
            .ok()
            .filter(|x| x.is_finite() && *x >= 0.0);
        let Some(value) = parsed else {
            error.set(Some(l.say(t::THE_GOAL_S_VALUE_MUST_BE).to_string()));
            return;
        };
        error.set(None);
        let goal = state.model.with_untracked(|m| {
            if key == "budget" {
                Some(Goal::Budget(value))
            } else {
                Some(Goal::Target(Measure::from_key(&key, &m.plan)?, value))
            }
        });
        match goal {
            Some(goal) => goals.seek(state, goal),
            None => answer.set(None),
        }
    };
    let apply = move |_| {
        if let Some(a) = answer.get_untracked() {
            let mut scenario = a.scenario.clone();
            scenario.name = None;
            state.replace(scenario);
        }
    };
    view! {
        <section class="panel goals" data-testid="goals-view" aria-labelledby="goals-title">
            <h3 id="goals-title">{move || state.tr(t::GOALS_WHAT_IS_THE_LEAST_IT)}</h3>
            <div class="goal-form">
                <label>
                    <span>{move || state.tr(t::GOAL)}</span>
                    <select data-testid="goal-target" on:change=move |ev| {
                        let key = event_target_value(&ev);
                        let v = state.model.with_untracked(|m| default_value(&key, m));
                        value_text.set(number(v, 2, state.lang.get_untracked()));
                        goal_key.set(key);
                        answer.set(None);
                    }>
                        {move || state.model.with(|m| goal_options(&m.plan, lang())).into_iter().map(|(key, label)| {
                            let k = key.clone();
                            view! { <option value=key prop:selected=move || goal_key.with(|g| *g == k)>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || state.tr(t::VALUE)}</span>
                    <input type="text" inputmode="decimal" class="number" data-testid="goal-value"
                        prop:value=move || value_text.get()
                        on:input=move |ev| value_text.set(event_target_value(&ev))/>
                </label>
                <button type="button" data-testid="goal-run" on:click=run>{move || state.tr(t::FIND)}</button>
            </div>
            <p class="field-error" role="alert" data-testid="goal-error">{move || error.get()}</p>
            {move || seeking.get().then(|| view! {
                <p class="hint working" role="status" data-testid="goal-seeking">{state.tr(t::SEEKING)}</p>
            })}
            {move || answer.get().map(|a| {
                let l = lang();
                let names: Vec<String> = state.model.with(|m| a.outcome.newly_certified.iter().filter_map(|id| {
                    m.table.communes.iter().find(|c| &c.id == id).map(|c| c.name.clone())
                }).collect());
                let criteria: Vec<String> = state.model.with(|m| (0..CRITERIA)
                    .filter(|&k| a.paid[k] > 0)
                    .map(|k| format!("{} ({})", l.pick(&m.plan.criteria[k].name_vi, &m.plan.criteria[k].name_en), amount(a.scenario.investment[k].unwrap_or(0.0), 1, l)))
                    .collect());
                let headline = if a.budget.is_some() {
                    l.fill(t::WITHIN_THIS_BUDGET_COMMUNES_CERTIFIED, &[("0", &a.target)])
                } else if a.reached {
                    l.say(t::GOAL_CAN_BE_REACHED).to_string()
                } else {
                    l.say(t::GOAL_NOT_REACHABLE).to_string()
                };
                view! {
                    <div class="goal-answer" data-testid="goal-answer">
                        <p>{headline}</p>
                        <dl>
                            <dt>{l.say(t::LEAST_TOTAL_INVESTMENT)}</dt>
                            <dd data-testid="goal-total">{format!("{} {}", amount(a.total_investment, 2, l), l.say(t::BILLION_VND_3))}</dd>
                            {let (label, figure) = against_the_scenario(&a, l); view! {
                                <dt data-testid="goal-saving-label">{label}</dt>
                                <dd data-testid="goal-saving">{figure}</dd>
                            }}
                            <dt>{l.say(t::PROVEN_LEAST)}</dt>
                            <dd data-testid="goal-exact">{if a.exact { l.say(t::YES) } else { l.say(t::NO_GREEDY_A_CHEAPER_ANSWER_MAY) }}</dd>
                            <dt>{l.say(t::SHORT_WITH_THE_CURRENT_FUNDING)}</dt>
                            <dd data-testid="goal-shortfall">{amount(a.outcome.funding.shortfall, 2, l)}</dd>
                            {state.model.with(|m| more_funding_rows(&a, &m.plan, l)).into_iter().map(|(name, figure)| view! {
                                <dt>{l.fill(t::MORE_FROM_SOURCE_ALONE, &[("name", &name)])}</dt>
                                <dd data-testid="goal-more-funding">{figure}</dd>
                            }).collect_view()}
                            <dt>{l.say(t::INVESTED_IN)}</dt>
                            <dd>{criteria.join("; ")}</dd>
                            <dt>{l.say(t::COMMUNES_NEWLY_CERTIFIED)}</dt>
                            <dd data-testid="goal-communes">{if names.is_empty() { "0".to_string() } else { format!("{}: {}", names.len(), names.join(", ")) }}</dd>
                        </dl>
                        <button type="button" data-testid="goal-apply" on:click=apply>
                            {l.say(t::APPLY_AS_THE_CURRENT_SCENARIO)}
                        </button>
                    </div>
                }
            })}
            <h4>{move || state.tr(t::WHERE_DOES_MORE_MONEY_BUY_MOST)}</h4>
            <label class="margin-amount">
                <span>{move || state.tr(t::AMOUNT_MORE_BILLION_VND)}</span>
                <input type="text" inputmode="decimal" class="number small" data-testid="marginal-amount"
                    prop:value=move || amount_text.get() on:input=move |ev| amount_text.set(event_target_value(&ev))/>
            </label>
            <p class="hint">{move || state.tr(t::EACH_ROW_THE_CURRENT_SCENARIO_WITH)}</p>
            {move || {
                let more = goals.amount.get()?;
                margins.with(|m| m.as_deref().is_some_and(|list| all_short(list, more))).then(|| view! {
                    <p class="hint" role="note" data-testid="margins-no-money">{state.tr(t::NO_MONEY_FOR_MORE)}</p>
                })
            }}
            {move || progress.get().map(|done| view! {
                <p class="hint working" role="status" data-testid="marginal-progress">
                    {lang().fill(t::WORKING_OUT_THE_MARGINS, &[("done", &done), ("of", &CRITERIA)])}
                </p>
            })}
            <table class="marginal" data-testid="marginal-table">
                <thead><tr>
                    <th scope="col">{move || state.tr(t::CRITERION)}</th>
                    <th scope="col">{move || state.tr(t::MORE_CERTIFIED)}</th>
                    <th scope="col">{move || state.tr(t::MORE_CRITERIA_MET)}</th>
                    <th scope="col">{move || state.tr(t::SHORT)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let l = lang();
                        match margins.get() {
                            // A valid amount, not worked out yet (the progress line says so).
                            None if goals.amount.get().is_some() => ().into_any(),
                            None => view! { <tr><td colspan="4" class="field-error">{l.say(t::NOT_A_VALID_AMOUNT)}</td></tr> }.into_any(),
                            Some(list) => state.model.with(|m| list.iter().map(|g| {
                                let c = &m.plan.criteria[g.criterion];
                                view! {
                                    <tr>
                                        <th scope="row">{format!("{} {}", c.id, l.pick(&c.name_vi, &c.name_en))}</th>
                                        <td>{format!("{:+}", g.certified_gain)}</td>
                                        <td>{format!("{:+}", g.criteria_gain)}</td>
                                        <td>{amount(g.shortfall, 2, l)}</td>
                                    </tr>
                                }
                            }).collect_view()).into_any(),
                        }
                    }}
                </tbody>
            </table>
        </section>
    }
}
