//! Beyond one year on the page: the path year by year (*Lộ trình*, model.md §7.1) and the goals
//! (*Mục tiêu*, §7.2). Both call the engine's own functions on the page's scenario.

use super::state::use_state;
use crate::engine::goals::{marginal, seek, Answer, Goal};
use crate::engine::path::{Carry, Measure, Path, PathOutcome, YearTarget};
use crate::engine::{CRITERIA, SOURCES};
use crate::text::number::{amount, number, parse_number};
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// What the planner sets for the path: the last year, the 2025 (last-year) targets, carry-over
/// and cost growth. The current scenario is the first year's, and every later year keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct PathSettings {
    pub first_year: u16,
    pub last_year: u16,
    pub target_certified: u32,
    pub target_min_criteria: u32,
    pub carry: Carry,
    pub cost_growth: f64,
}

fn default_path(plan: &crate::engine::Plan) -> Path {
    Path::default_for(plan, &crate::engine::Scenario::plan())
}

impl PathSettings {
    /// The shipped default path's (seeds/paths): 2022–2025, 115 certified, none under 15.
    fn shipped(plan: &crate::engine::Plan) -> PathSettings {
        PathSettings::from_path(&default_path(plan)).0
    }

    /// What the page's path view takes from a path file, and what it leaves (said to the user):
    /// scenarios listed for later years, and targets other than the last year's certified
    /// communes and lowest commune.
    pub fn from_path(p: &Path) -> (PathSettings, Vec<String>) {
        let last_year = p.first_year + p.years as u16 - 1;
        let target = |m: Measure| {
            p.targets
                .iter()
                .find(|t| t.measure == m && t.year == last_year)
                .map_or(0, |t| t.target as u32)
        };
        let mut left = Vec::new();
        for (year, _) in p.scenarios.iter().filter(|(y, _)| *y != p.first_year) {
            left.push(format!("scenarios.{year}"));
        }
        for t in &p.targets {
            let shown = t.year == last_year
                && matches!(t.measure, Measure::Certified | Measure::MinCriteria);
            if !shown {
                left.push(format!("targets.{}", t.year));
            }
        }
        left.dedup();
        let settings = PathSettings {
            first_year: p.first_year,
            last_year,
            target_certified: target(Measure::Certified),
            target_min_criteria: target(Measure::MinCriteria),
            carry: p.carry,
            cost_growth: p.cost_growth,
        };
        (settings, left)
    }

    /// Everything is carried over (the default), or nothing.
    fn carries_all(&self) -> bool {
        self.carry == Carry::default()
    }

    /// The path these settings make of a scenario (its first year's; later years keep it).
    pub fn path(&self, plan: &crate::engine::Plan, scenario: &crate::engine::Scenario) -> Path {
        let base = default_path(plan);
        let years = usize::from(self.last_year.saturating_sub(self.first_year)) + 1;
        Path {
            name: base.name,
            first_year: self.first_year,
            years,
            scenarios: vec![(self.first_year, scenario.clone())],
            carry: self.carry,
            cost_growth: self.cost_growth,
            targets: vec![
                YearTarget {
                    year: self.last_year,
                    measure: Measure::Certified,
                    target: f64::from(self.target_certified),
                },
                YearTarget {
                    year: self.last_year,
                    measure: Measure::MinCriteria,
                    target: f64::from(self.target_min_criteria),
                },
            ],
        }
    }
}

/// A whole number typed in a small field; anything else leaves the setting as it was.
fn whole(text: &str, lang: Lang, max: u32) -> Option<u32> {
    let x = parse_number(text, lang).ok()?;
    (x.fract() == 0.0 && (0.0..=f64::from(max)).contains(&x)).then_some(x as u32)
}

/// The path of the scenario shown, for the path view, the report, the presentation and the
/// exports alike.
#[derive(Clone, Copy)]
pub struct PathShown {
    pub settings: RwSignal<PathSettings>,
    pub outcome: Memo<Arc<PathOutcome>>,
}

pub fn provide_path(state: super::state::State) -> PathShown {
    let settings = RwSignal::new(
        state
            .model
            .with_untracked(|m| PathSettings::shipped(&m.plan)),
    );
    // Four years cost four preparations of the table: computed once the levers settle.
    let outcome: Memo<Arc<PathOutcome>> = Memo::new(move |_| {
        let s = settings.get();
        state.settled.track();
        state.model.with_untracked(|m| {
            state
                .scenario
                .with_untracked(|scenario| Arc::new(s.path(&m.plan, scenario).run(m)))
        })
    });
    let shown = PathShown { settings, outcome };
    provide_context(shown);
    shown
}

#[component]
pub fn PathView() -> impl IntoView {
    let state = use_state();
    let PathShown { settings, outcome } = expect_context::<PathShown>();
    let risk_band = use_context::<super::risk::Shown>().map(|s| s.path_band);
    let lang = move || state.lang.get();
    let keeping = super::persistence::use_keeping();
    let download_path = move |_| {
        let (json, name) = state.model.with_untracked(|m| {
            let p = settings
                .get_untracked()
                .path(&m.plan, &state.scenario.get_untracked());
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
    // becomes the one on screen; what the path view cannot show is named, not dropped silently.
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
                    let (read, left) = PathSettings::from_path(&p);
                    if let Some((_, first)) = p.scenarios.iter().find(|(y, _)| *y == p.first_year) {
                        state.replace(first.clone());
                    }
                    settings.set(read);
                    let unused = left.join(", ");
                    keeping.notice.set(Some(if left.is_empty() {
                        super::persistence::Notice::info(t::OPENED_THE_PATH, &[("name", &name)])
                    } else {
                        super::persistence::Notice::info(
                            t::OPENED_THE_PATH_NOT_USED_BY,
                            &[("name", &name), ("unused", &unused)],
                        )
                    }));
                }
                Err(e) => keeping.notice.set(Some(super::persistence::Notice::problem(
                    &e,
                    t::THE_PATH_SHOWN_IS_UNCHANGED,
                ))),
            }
        });
    };
    let field_error = RwSignal::new(None::<&'static str>);
    let set_whole =
        move |ev: leptos::ev::Event, max: u32, apply: fn(&mut PathSettings, u32)| match whole(
            &event_target_value(&ev),
            state.lang.get_untracked(),
            max,
        ) {
            Some(v) => {
                field_error.set(None);
                settings.update(|s| apply(s, v));
            }
            None => field_error.set(Some("whole")),
        };
    let verdict = move || {
        let o = outcome.get();
        let s = settings.get();
        o.targets
            .iter()
            .map(|t| {
                let what = match t.measure {
                    Measure::Certified => lang().fill(
                        t::COMMUNES_CERTIFIED,
                        &[("0", &t.year), ("1", &t.value), ("2", &s.target_certified)],
                    ),
                    _ => lang().fill(
                        t::THE_LOWEST_COMMUNE_MEETS_CRITERIA,
                        &[("0", &t.value), ("1", &s.target_min_criteria)],
                    ),
                };
                let mark = if t.met {
                    lang().say(t::REACHED)
                } else {
                    lang().say(t::NOT_REACHED)
                };
                format!("{what} — {mark}")
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    view! {
        <section class="panel path" data-testid="path-view" aria-labelledby="path-title">
            <h3 id="path-title">{move || state.tr(t::YEARS_THE_PATH)}</h3>
            <p class="hint">{move || state.tr(t::THE_SCENARIO_SHOWN_IS_THE_FIRST)}</p>
            <div class="path-settings">
                <label>
                    <span>{move || state.tr(t::UNTIL)}</span>
                    <select data-testid="path-last-year" on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse::<u16>() {
                            settings.update(|s| s.last_year = y);
                        }
                    }>
                        {move || {
                            let first_year = settings.with(|s| s.first_year);
                            (first_year..first_year + crate::engine::path::MAX_YEARS as u16)
                                .map(|y| view! { <option value=y.to_string() selected=move || settings.with(|s| s.last_year == y)>{y}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    <span>{move || state.tr(t::TARGET_CERTIFIED_COMMUNES)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="path-target-certified"
                        prop:value=move || settings.with(|s| s.target_certified.to_string())
                        on:change=move |ev| set_whole(ev, 50_000, |s, v| s.target_certified = v)/>
                </label>
                <label>
                    <span>{move || state.tr(t::NO_COMMUNE_UNDER_CRITERIA)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="path-target-min"
                        prop:value=move || settings.with(|s| s.target_min_criteria.to_string())
                        on:change=move |ev| set_whole(ev, CRITERIA as u32, |s, v| s.target_min_criteria = v)/>
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
                    <input type="checkbox" data-testid="path-carry" prop:checked=move || settings.with(|s| s.carries_all())
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
                    _ => state.tr(t::TYPE_A_WHOLE_NUMBER_NOT_NEGATIVE),
                })}
            </p>
            <p class="path-verdict" data-testid="path-verdict">{verdict}</p>
            <div class="file-buttons">
                <button type="button" data-testid="download-path" on:click=download_path>
                    {move || state.tr(t::DOWNLOAD_PATH_FILE)}
                </button>
                <label class="file-button">
                    <span>{move || state.tr(t::OPEN_PATH_FILE)}</span>
                    <input type="file" accept=".json,application/json" data-testid="open-path" node_ref=path_file on:change=open_path/>
                </label>
            </div>
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
                                    let s = settings.get_untracked();
                                    let c = s.carry;
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
                                    <td>{number(out.border.avg_criteria, 2, l)}</td>
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

/// Certified communes year by year against the target (an SVG line; the bars are years).
#[component]
fn PathChart(outcome: Memo<Arc<PathOutcome>>, settings: RwSignal<PathSettings>) -> impl IntoView {
    let state = use_state();
    // P10–P90 of the path under risk, once drawn (the risk panel draws it with its odds).
    let band = use_context::<super::risk::Shown>().map(|s| s.path_band);
    let (w, h, left, bottom, top) = (520.0, 180.0, 40.0, 24.0, 12.0);
    view! {
        <svg class="path-chart" viewBox=format!("0 0 {w} {h}") role="img" data-testid="path-chart"
            aria-label=move || state.tr(t::CERTIFIED_COMMUNES_BY_YEAR_AGAINST_THE)>
            {move || {
                let o = outcome.get();
                let target = f64::from(settings.with(|s| s.target_certified));
                let communes = state.model.with(|m| m.table.communes.len()) as f64;
                // The axis spans the start of the path to the target (or the best year), so that
                // a few communes a year show as a slope, not a flat line.
                let start = o.years.first().map_or(0.0, |y| f64::from(y.outcome.certified_baseline));
                let best = o.years.iter().map(|y| f64::from(y.outcome.certified)).fold(target, f64::max);
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

#[component]
pub fn GoalsPanel() -> impl IntoView {
    let state = use_state();
    let goal_key = RwSignal::new("certified".to_string());
    let value_text =
        RwSignal::new(state.model.with_untracked(|m| {
            number(default_value("certified", m), 2, state.lang.get_untracked())
        }));
    let error = RwSignal::new(None::<String>);
    let answer = RwSignal::new(None::<Arc<Answer>>);
    // An answer is for the scenario it was sought from: a lever moved, it is gone.
    Effect::new(move |_| {
        state.scenario.track();
        state.model.track();
        answer.set(None);
    });
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
        let found = state.model.with_untracked(|m| {
            let goal = if key == "budget" {
                Goal::Budget(value)
            } else {
                Goal::Target(Measure::from_key(&key, &m.plan)?, value)
            };
            Some(state.scenario.with_untracked(|s| seek(m, s, goal)))
        });
        answer.set(found.map(Arc::new));
    };
    let apply = move |_| {
        if let Some(a) = answer.get_untracked() {
            let mut scenario = a.scenario.clone();
            scenario.name = None;
            state.replace(scenario);
        }
    };
    let amount_text = RwSignal::new("100".to_string());
    let margin_amount = Memo::new(move |_| {
        parse_number(&amount_text.get(), state.lang.get())
            .ok()
            .filter(|x| x.is_finite() && *x >= 0.0 && *x <= crate::engine::scenario::MAX_AMOUNT)
    });
    let margins = Memo::new(move |_| {
        let amount = margin_amount.get()?;
        // Nineteen runs: once the levers settle.
        state.settled.track();
        Some(
            state
                .model
                .with_untracked(|m| state.scenario.with_untracked(|s| marginal(m, s, amount))),
        )
    });
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
                            view! { <option value=key selected=move || goal_key.with(|g| *g == k)>{label}</option> }
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
                            <dt>{l.say(t::SAVING_AGAINST_THE_SCENARIO)}</dt>
                            <dd data-testid="goal-saving">{amount(a.saving, 2, l)}</dd>
                            <dt>{l.say(t::PROVEN_LEAST)}</dt>
                            <dd data-testid="goal-exact">{if a.exact { l.say(t::YES) } else { l.say(t::NO_GREEDY_A_CHEAPER_ANSWER_MAY) }}</dd>
                            <dt>{l.say(t::SHORT_WITH_THE_CURRENT_FUNDING)}</dt>
                            <dd data-testid="goal-shortfall">{amount(a.outcome.funding.shortfall, 2, l)}</dd>
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
