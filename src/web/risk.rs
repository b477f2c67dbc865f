//! Risk on the page (*Rủi ro*, model.md §7.3): the scenario on screen drawn many times in a Web
//! Worker (`ntm-worker`), with a progress bar; a new job starts whenever a lever, the table or a
//! risk setting changes, and the old one's draws are dropped, never shown. Where no worker can
//! run (the single file opened from `file://`), the same draws run on the main thread in slices
//! of about 12 ms, each followed by a yield through a `MessageChannel`.

use super::state::{use_state, State};
use crate::engine::path::Path;
use crate::engine::risk::{
    path_spreads, DisbursementDraws, Draw, RiskOutcome, RiskRun, RiskSettings, Spread, Triangular,
    MAX_DRAWS, PATH_DRAWS,
};
use crate::engine::{Model, Scenario, SOURCES};
use crate::formats::seeds::RISK_PRESETS;
use crate::risk_worker::worker::RiskWorker;
use crate::risk_worker::{draw_slice, RiskReply, RiskRequest};
use crate::text::number::{number, parse_number, percent};
use crate::text::sentences as t;
use crate::text::Lang;
use gloo_worker::{Spawnable, WorkerBridge};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// Main-thread slices: about this long, then the page gets its turn (ms).
const MAIN_THREAD_SLICE_MS: f64 = 12.0;

/// The job in progress: what it draws from, and the draws so far.
struct Job {
    number: u64,
    model: Arc<Model>,
    scenario: Scenario,
    settings: RiskSettings,
    draws: Vec<Draw>,
    /// The path drawn too (its first PATH_DRAWS draws): certified communes year by year.
    path: Option<Path>,
    paths: Vec<Vec<u32>>,
}

struct Runner {
    bridge: Option<WorkerBridge<RiskWorker>>,
    sent: SentTable,
    job: Option<Job>,
    next_number: u64,
    /// A reply from the worker has come since it was spawned.
    worker_answered: bool,
}

/// The risk run of the scenario shown, for the panel, the report, the presentation and the
/// exports alike.
#[derive(Clone, Copy)]
pub struct Shown {
    pub progress: RwSignal<(u64, u64)>,
    /// The summary of the finished run for what is on screen now (None while it runs).
    pub result: RwSignal<Option<Arc<RiskOutcome>>>,
    /// Where the draws run: true in the worker.
    pub in_worker: RwSignal<bool>,
    /// Certified communes year by year on the path, over the path draws (None while drawing).
    pub path_band: RwSignal<Option<Arc<Vec<Spread>>>>,
    /// The settings drawn with (the panel edits them; the report and exports name them).
    pub settings: RwSignal<RiskSettings>,
    /// Disbursement drawn around the levers' own values (`DisbursementDraws::AroundLevers`),
    /// else from the settings' ranges. (A flag: a signal of the enum is one more signal type in
    /// the first load.)
    pub around_levers: RwSignal<bool>,
}

impl Shown {
    /// How disbursement is drawn.
    pub fn draws(&self) -> DisbursementDraws {
        if self.around_levers.get() {
            DisbursementDraws::AroundLevers
        } else {
            DisbursementDraws::SettingsRanges
        }
    }

    /// The odds go (a setting or a lever moved). Only a change is written: a signal set to the
    /// None it holds would still redraw every chart and cell that shows the odds, on every input.
    fn clear(&self) {
        if self.result.with_untracked(Option::is_some) {
            self.result.set(None);
        }
        if self.path_band.with_untracked(Option::is_some) {
            self.path_band.set(None);
        }
    }
}

pub fn provide_risk(state: State) -> Shown {
    let plan = state.model.with_untracked(|m| m.plan.clone());
    let shown = Shown {
        progress: RwSignal::new((0, 0)),
        result: RwSignal::new(None),
        in_worker: RwSignal::new(false),
        path_band: RwSignal::new(None),
        settings: RwSignal::new(RiskSettings::default_for(&plan)),
        around_levers: RwSignal::new(false),
    };
    provide_context(shown);
    shown
}

/// Which disbursement levers the risk ranges replace, in words (headline and panel); `None`
/// when there are none, or the draws go around the levers.
pub fn replaced_levers_note(state: State, shown: Shown) -> Option<String> {
    let levers = state.levers.get();
    let lang = state.lang.get();
    let how = shown.draws();
    shown.settings.with(|settings| {
        state.model.with(|m| {
            crate::show::risk::replaced_levers_note(
                settings,
                how,
                &levers,
                &m.levers(&Scenario::plan()),
                &m.plan,
                lang,
            )
        })
    })
}

/// Workers need a served page: from `file://` a worker's script cannot be loaded.
pub(super) fn workers_possible() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    let has_worker = js_sys::Reflect::has(&window, &JsValue::from_str("Worker")).unwrap_or(false);
    has_worker && (protocol == "http:" || protocol == "https:")
}

impl Runner {
    /// Takes the draws of a reply; asks for the rest or finishes.
    fn take(
        &mut self,
        shown: Shown,
        number: u64,
        from: u64,
        draws: Vec<Draw>,
        paths: Vec<Vec<u32>>,
    ) {
        self.worker_answered = true;
        let Some(job) = self.job.as_mut() else { return };
        if job.number != number || from != job.draws.len() as u64 {
            return;
        }
        job.draws.extend(draws);
        job.paths.extend(paths);
        let done = job.draws.len() as u64;
        let total = u64::from(job.settings.draws);
        shown.progress.set((done, total));
        if done < total {
            if let Some(bridge) = &self.bridge {
                bridge.send(RiskRequest::Draws {
                    job: number,
                    from: done,
                    to: total,
                });
            }
        } else {
            finish(job, shown);
        }
    }
}

fn finish(job: &Job, shown: Shown) {
    let run = RiskRun::new(&job.model, &job.scenario, job.settings.clone());
    shown.result.set(Some(Arc::new(run.summarise(&job.draws))));
    if job.path.is_some() && !job.paths.is_empty() {
        shown
            .path_band
            .set(Some(Arc::new(path_spreads(&job.paths))));
    }
}

/// The model whose table a worker was last sent: kept, not its address, so that a later model
/// allocated where a freed one was is not taken for it (and its table left unsent).
#[derive(Default)]
pub(super) struct SentTable(Option<Arc<Model>>);

impl SentTable {
    /// Whether the worker must be sent `model`'s table; from now on it has it.
    pub(super) fn send(&mut self, model: &Arc<Model>) -> bool {
        let has = self.0.as_ref().is_some_and(|sent| Arc::ptr_eq(sent, model));
        self.0 = Some(model.clone());
        !has
    }
}

/// Starts a worker of the page's (`ntm-worker`, which the risk draws and the goals' seek each
/// have one of). Classic, not a module: as a module it fails without a word.
pub(super) fn spawn(on_reply: impl Fn(RiskReply) + 'static) -> WorkerBridge<RiskWorker> {
    RiskWorker::spawner()
        .callback(on_reply)
        .as_module(false)
        .spawn("./ntm-worker.js")
}

fn spawn_worker(runner: &Rc<RefCell<Runner>>, shown: Shown) {
    let weak = Rc::downgrade(runner);
    let bridge = spawn(move |reply: RiskReply| {
        let Some(runner) = weak.upgrade() else { return };
        match reply {
            RiskReply::Draws {
                job,
                from,
                draws,
                paths,
            } => runner.borrow_mut().take(shown, job, from, draws, paths),
            // Seeks have a worker of their own (the goals'); never here.
            RiskReply::Sought { .. } => {}
            RiskReply::Failed { .. } => {
                // The worker could not read what the page sent: draw here instead.
                fall_back(&runner, shown);
            }
        }
    });
    let mut r = runner.borrow_mut();
    r.bridge = Some(bridge);
    r.sent = SentTable::default();
    r.worker_answered = false;
}

/// No worker (or one that never answers): the current and later jobs run on the main thread.
fn fall_back(runner: &Rc<RefCell<Runner>>, shown: Shown) {
    let restart = {
        let mut r = runner.borrow_mut();
        if r.bridge.take().is_none() {
            return;
        }
        shown.in_worker.set(false);
        r.job.as_ref().map(|j| j.number)
    };
    if let Some(number) = restart {
        spawn_main_thread(runner.clone(), shown, number);
    }
}

fn spawn_main_thread(runner: Rc<RefCell<Runner>>, shown: Shown, number: u64) {
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            {
                let mut r = runner.borrow_mut();
                let Some(job) = r.job.as_mut() else { return };
                if job.number != number {
                    return;
                }
                let total = u64::from(job.settings.draws);
                let start = js_sys::Date::now();
                let from = job.draws.len() as u64;
                let (draws, paths) = draw_slice(
                    &job.model,
                    &job.scenario,
                    &job.settings,
                    job.path.as_ref(),
                    from,
                    total,
                    || js_sys::Date::now() - start > MAIN_THREAD_SLICE_MS,
                );
                job.draws.extend(draws);
                job.paths.extend(paths);
                let d = job.draws.len() as u64;
                shown.progress.set((d, total));
                if d >= total {
                    finish(job, shown);
                    return;
                }
            }
            super::slices::next_task().await;
        }
    });
}

/// Starts a job for the scenario, table and settings given; the one before is dropped.
fn start_job(
    runner: &Rc<RefCell<Runner>>,
    shown: Shown,
    model: Arc<Model>,
    scenario: Scenario,
    settings: RiskSettings,
    path: Option<Path>,
) {
    let total = u64::from(settings.draws);
    shown.progress.set((0, total));
    shown.clear();
    let number = {
        let mut runner = runner.borrow_mut();
        // One borrow of the runner's fields apart: the bridge and what it was sent.
        let r = &mut *runner;
        r.next_number += 1;
        let number = r.next_number;
        let plan = &model.plan;
        let scenario_json = scenario.to_json(plan);
        let settings_json = settings.to_value(plan).to_string();
        if let Some(bridge) = &r.bridge {
            if r.sent.send(&model) {
                bridge.send(RiskRequest::model(&model));
            }
            bridge.send(RiskRequest::Job {
                job: number,
                scenario: scenario_json,
                settings: settings_json,
                path: path.as_ref().map(|p| p.to_json(plan)),
            });
            bridge.send(RiskRequest::Draws {
                job: number,
                from: 0,
                to: total,
            });
        }
        r.job = Some(Job {
            number,
            model,
            scenario,
            settings,
            draws: Vec::with_capacity(total as usize),
            path,
            paths: Vec::with_capacity(total.min(PATH_DRAWS) as usize),
        });
        number
    };
    if runner.borrow().bridge.is_none() {
        spawn_main_thread(runner.clone(), shown, number);
    } else if !runner.borrow().worker_answered {
        // A worker that has never answered gets a few seconds, then the main thread takes over.
        let weak = Rc::downgrade(runner);
        gloo_timers::callback::Timeout::new(5000, move || {
            if let Some(runner) = weak.upgrade() {
                let silent = !runner.borrow().worker_answered;
                if silent {
                    fall_back(&runner, shown);
                }
            }
        })
        .forget();
    }
}

/// A range typed in percent ("31"), or empty.
fn percent_field(text: &str, lang: Lang) -> Result<Option<f64>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match parse_number(text, lang) {
        Ok(x) if (0.0..=100.0).contains(&x) => Ok(Some(x / 100.0)),
        _ => Err(()),
    }
}

/// A preset's name, with the range of disbursement its seed draws from (lowest to highest of
/// any source, in percent).
fn preset_name(key: &str, settings: &RiskSettings, lang: Lang) -> String {
    let Some((low, high)) = settings.disbursement_span() else {
        return lang.say(t::FULL_DISBURSEMENT).to_string();
    };
    let sentence = match key {
        "as-in-2022" => t::AS_IN_2022_RANGE,
        _ => t::AS_PROVINCES_REPORT_RANGE,
    };
    let percent = |x: f64| crate::text::number::amount(x * 100.0, 1, lang);
    lang.fill(
        sentence,
        &[("low", &percent(low)), ("high", &percent(high))],
    )
}

#[component]
pub fn RiskPanel() -> impl IntoView {
    let state = use_state();
    let plan = state.model.with_untracked(|m| m.plan.clone());
    let shown = expect_context::<Shown>();
    let settings = shown.settings;
    let runner = Rc::new(RefCell::new(Runner {
        bridge: None,
        sent: SentTable::default(),
        job: None,
        next_number: 0,
        worker_answered: false,
    }));
    if workers_possible() {
        spawn_worker(&runner, shown);
        shown.in_worker.set(true);
    }
    let runner = StoredValue::new_local(runner);
    // Sync with the outside (the worker): a new job whenever what it draws from changes.
    // What is on screen changed: the odds drawn for what was there go at once (never shown
    // stale); the new job starts once the levers settle.
    Effect::new(move |_| {
        state.model.track();
        state.scenario.track();
        runner.with_value(|r| r.borrow_mut().job = None);
        shown.clear();
    });
    let path_shown = use_context::<super::path::PathShown>();
    Effect::new(move |_| {
        state.settled.track();
        let how = shown.draws();
        let path_settings = path_shown.map(|p| p.settings.get());
        let model = state.model.get_untracked();
        let scenario = state.scenario.get_untracked();
        let disbursement = state.levers.with_untracked(|l| l.disbursement);
        let settings = settings.with(|s| s.drawn(how, &disbursement));
        let path = path_settings.map(|p| crate::show::path::with_scenario(&p, &scenario));
        runner.with_value(|r| start_job(r, shown, model, scenario, settings, path));
    });
    let lang = move || state.lang.get();
    let error = RwSignal::new(None::<String>);
    let edit =
        move |field: &'static str, text: String, apply: fn(&mut RiskSettings, f64) -> bool| {
            let l = state.lang.get_untracked();
            match parse_number(&text, l) {
                Ok(x) => {
                    let mut s = settings.get_untracked();
                    if apply(&mut s, x) {
                        error.set(None);
                        settings.set(s);
                    } else {
                        error.set(Some(
                            l.fill(t::THE_VALUE_IS_OUT_OF_RANGE, &[("field", &field)]),
                        ));
                    }
                }
                Err(_) => error.set(Some(l.fill(t::NOT_A_NUMBER, &[("field", &field)]))),
            }
        };
    let ranges_text: Vec<[RwSignal<String>; 3]> = (0..SOURCES)
        .map(|s| {
            let t = settings.get_untracked().disbursement[s];
            let show = move |x: Option<f64>| {
                x.map(|v| number(v * 100.0, 1, Lang::Vi))
                    .unwrap_or_default()
            };
            [
                RwSignal::new(show(t.map(|t| t.min))),
                RwSignal::new(show(t.map(|t| t.mode))),
                RwSignal::new(show(t.map(|t| t.max))),
            ]
        })
        .collect();
    let ranges_text = StoredValue::new(ranges_text);
    let apply_ranges = move || {
        let l = state.lang.get_untracked();
        let mut s = settings.get_untracked();
        for source in 0..SOURCES {
            let cells = ranges_text.with_value(|r| r[source].map(|c| c.get_untracked()));
            let read: Result<Vec<Option<f64>>, ()> =
                cells.iter().map(|c| percent_field(c, l)).collect();
            let name = state.model.with_untracked(|m| {
                l.pick(
                    m.plan.sources[source].short_vi.clone(),
                    m.plan.sources[source].short_en.clone(),
                )
            });
            match read.as_deref() {
                Ok([None, None, None]) => s.disbursement[source] = None,
                Ok([Some(min), Some(mode), Some(max)]) if min <= mode && mode <= max => {
                    s.disbursement[source] = Some(Triangular {
                        min: *min,
                        mode: *mode,
                        max: *max,
                    })
                }
                _ => {
                    error.set(Some(
                        l.fill(t::NEEDS_THREE_NUMBERS_0_100_WITH, &[("name", &name)]),
                    ));
                    return;
                }
            }
        }
        error.set(None);
        settings.set(s);
    };
    let load_preset = move |key: String| {
        let plan = state.model.with_untracked(|m| m.plan.clone());
        if let Some((_, text)) = RISK_PRESETS.iter().find(|(k, _)| *k == key) {
            if let Ok(s) = RiskSettings::from_json(text, &plan, "preset") {
                ranges_text.with_value(|r| {
                    for source in 0..SOURCES {
                        let t = s.disbursement[source];
                        let show = |x: Option<f64>| {
                            x.map(|v| number(v * 100.0, 1, state.lang.get_untracked()))
                                .unwrap_or_default()
                        };
                        r[source][0].set(show(t.map(|t| t.min)));
                        r[source][1].set(show(t.map(|t| t.mode)));
                        r[source][2].set(show(t.map(|t| t.max)));
                    }
                });
                error.set(None);
                settings.set(s);
            }
        }
    };
    let result = shown.result;
    let spread_row = move |label: crate::text::Sentence,
                           pick: fn(&RiskOutcome) -> crate::engine::risk::Spread,
                           decimals: usize,
                           id: &'static str| {
        view! {
            <tr>
                <th scope="row">{move || state.tr(label)}</th>
                {["p10", "p50", "p90"].into_iter().enumerate().map(|(i, p)| view! {
                    <td data-testid=format!("risk-{id}-{p}")>{move || result.get().map(|r| {
                        let s = pick(&r);
                        number([s.p10, s.p50, s.p90][i], decimals, lang())
                    })}</td>
                }).collect_view()}
                <td>{move || result.get().map(|r| number(pick(&r).mean, 2, lang()))}</td>
            </tr>
        }
    };
    view! {
        <section class="panel risk" data-testid="risk-view" aria-labelledby="risk-title">
            <h3 id="risk-title">{move || state.tr(t::RISK_HOW_LIKELY_THE_TARGETS_ARE)}</h3>
            <p class="hint">{move || state.tr(t::THE_SCENARIO_SHOWN_DRAWN_MANY_TIMES)}</p>
            <div class="risk-settings">
                <label>
                    <span>{move || state.tr(t::DISBURSEMENT_ASSUMPTION)}</span>
                    <select data-testid="risk-preset" on:change=move |ev| load_preset(event_target_value(&ev))>
                        {RISK_PRESETS.iter().filter_map(|(key, text)| {
                            let preset = RiskSettings::from_json(text, &plan, "preset").ok()?;
                            let key = key.to_string();
                            let k = key.clone();
                            Some(view! { <option value=key>{move || preset_name(&k, &preset, lang())}</option> })
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || state.tr(t::DRAWS)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="risk-draws"
                        prop:value=move || settings.with(|s| s.draws.to_string())
                        on:change=move |ev| edit("draws", event_target_value(&ev), |s, x| {
                            let ok = x.fract() == 0.0 && (1.0..=f64::from(MAX_DRAWS)).contains(&x);
                            if ok { s.draws = x as u32; }
                            ok
                        })/>
                </label>
                <label>
                    <span>{move || state.tr(t::SEED)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="risk-seed"
                        prop:value=move || settings.with(|s| s.seed.to_string())
                        on:change=move |ev| edit("seed", event_target_value(&ev), |s, x| {
                            let ok = x.fract() == 0.0 && (0.0..9.0e15).contains(&x);
                            if ok { s.seed = x as u64; }
                            ok
                        })/>
                </label>
                <label>
                    <span>{move || state.tr(t::COST_SPREAD)}</span>
                    <input type="text" inputmode="decimal" class="number small" data-testid="risk-cost-sd"
                        prop:value=move || number(settings.with(|s| s.cost_sd) * 100.0, 1, lang())
                        on:change=move |ev| edit("cost_sd", event_target_value(&ev), |s, x| {
                            let ok = (0.0..=200.0).contains(&x);
                            if ok { s.cost_sd = x / 100.0; }
                            ok
                        })/>
                </label>
                <label>
                    <span>{move || state.tr(t::WORKS_DONE_WITHIN_THE_YEAR)}</span>
                    <input type="text" inputmode="decimal" class="number small" data-testid="risk-delivery"
                        prop:value=move || number(settings.with(|s| s.delivery) * 100.0, 1, lang())
                        on:change=move |ev| edit("delivery", event_target_value(&ev), |s, x| {
                            let ok = (0.0..=100.0).contains(&x);
                            if ok { s.delivery = x / 100.0; }
                            ok
                        })/>
                </label>
            </div>
            <table class="risk-ranges">
                <caption>{move || state.tr(t::DISBURSEMENT_BY_SOURCE_EMPTY_KEEPS_THE)}</caption>
                <thead><tr>
                    <th scope="col">{move || state.tr(t::SOURCE)}</th>
                    <th scope="col">{move || state.tr(t::LEAST)}</th>
                    <th scope="col">{move || state.tr(t::MOST_LIKELY)}</th>
                    <th scope="col">{move || state.tr(t::LARGEST)}</th>
                </tr></thead>
                <tbody>
                    {(0..SOURCES).map(|source| {
                        let key = plan.sources[source].key.clone();
                        let (vi, en) = (plan.sources[source].short_vi.clone(), plan.sources[source].short_en.clone());
                        view! {
                            <tr>
                                <th scope="row">{move || lang().pick(vi.clone(), en.clone())}</th>
                                {["min", "mode", "max"].into_iter().enumerate().map(|(part, name)| {
                                    let cell = ranges_text.with_value(|r| r[source][part]);
                                    view! {
                                        <td><input type="text" inputmode="decimal" class="number tiny"
                                            data-testid=format!("risk-range-{key}-{name}")
                                            aria-label=format!("{key} {name}")
                                            prop:value=move || cell.get()
                                            on:input=move |ev| cell.set(event_target_value(&ev))
                                            on:change=move |_| apply_ranges()/></td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <label class="check">
                <input type="checkbox" data-testid="risk-around-levers"
                    prop:checked=move || shown.around_levers.get()
                    on:change=move |ev| shown.around_levers.set(event_target_checked(&ev))/>
                <span>{move || state.tr(t::RISK_DRAW_AROUND_LEVERS)}</span>
            </label>
            <p class="hint" data-testid="risk-replaces">{move || replaced_levers_note(state, shown)}</p>
            <p class="field-error" role="alert" data-testid="risk-error">{move || error.get()}</p>
            <div class="risk-progress">
                <progress data-testid="risk-progress" max=move || shown.progress.get().1.max(1).to_string()
                    value=move || shown.progress.get().0.to_string()></progress>
                <span data-testid="risk-status">{move || {
                    let (done, total) = shown.progress.get();
                    let l = lang();
                    let place = if shown.in_worker.get() { l.say(t::WORKER) } else { l.say(t::PAGE) };
                    if done < total {
                        l.fill(t::DRAWING, &[("done", &done), ("total", &total), ("place", &place)])
                    } else {
                        l.fill(t::DRAWS_DONE, &[("total", &total), ("place", &place)])
                    }
                }}</span>
            </div>
            <p class="risk-chance" data-testid="risk-chance-certified" aria-live="polite">{move || result.get().map(|r| {
                let l = lang();
                l.fill(t::CHANCE_OF_REACHING_CERTIFIED_COMMUNES, &[("0", &r.targets.0), ("1", &percent(r.chance_certified, 0, l))])
            })}</p>
            <table class="risk-table">
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col">P10</th><th scope="col">P50</th><th scope="col">P90</th>
                    <th scope="col">{move || state.tr(t::MEAN)}</th>
                </tr></thead>
                <tbody>
                    {spread_row(t::CERTIFIED_COMMUNES_2, |r| r.certified, 0, "certified")}
                    {spread_row(t::AVERAGE_CRITERIA, |r| r.avg_criteria, 2, "avg")}
                    {spread_row(t::BORDER_AVERAGE, |r| r.border_avg, 2, "border")}
                </tbody>
            </table>
            <p class="hint" data-testid="risk-other-chances">{move || result.get().map(|r| {
                let l = lang();
                l.fill(t::CHANCE_OF_AN_AVERAGE_BORDER, &[("0", &number(r.targets.1, 1, l)), ("1", &percent(r.chance_avg_criteria, 0, l)), ("2", &number(r.targets.2, 1, l)), ("3", &percent(r.chance_border_avg, 0, l))])
            })}</p>
            <Histogram result=result/>
        </section>
    }
}

/// Draws by certified communes: a bar per value, the target marked.
#[component]
fn Histogram(result: RwSignal<Option<Arc<RiskOutcome>>>) -> impl IntoView {
    let state = use_state();
    let (w, h, bottom) = (520.0, 150.0, 22.0);
    view! {
        <svg class="risk-histogram" viewBox=format!("0 0 {w} {h}") role="img" data-testid="risk-histogram"
            aria-label=move || state.tr(t::DRAWS_BY_CERTIFIED_COMMUNES)>
            {move || result.get().map(|r| {
                let lo = r.histogram.first().map_or(0, |b| b.0).min(r.targets.0 as u32);
                let hi = r.histogram.last().map_or(0, |b| b.0).max(r.targets.0 as u32);
                let slots = f64::from(hi - lo + 1);
                let most = r.histogram.iter().map(|b| b.1).max().unwrap_or(1).max(1);
                let bw = (w - 20.0) / slots;
                let x = |v: u32| 10.0 + f64::from(v - lo) * bw;
                let target_x = x(r.targets.0 as u32) + bw / 2.0;
                // The target's label stays inside the chart, left of the line near the edge.
                let near_edge = target_x > w - 90.0;
                let label_x = if near_edge { target_x - 4.0 } else { target_x + 4.0 };
                let anchor = if near_edge { "end" } else { "start" };
                view! {
                    {r.histogram.iter().map(|&(v, n)| {
                        let bh = (h - bottom - 10.0) * f64::from(n) / f64::from(most);
                        view! { <rect x=x(v) + 1.0 y=h - bottom - bh width=(bw - 2.0).max(1.0) height=bh class="risk-bar"/> }
                    }).collect_view()}
                    <line x1=target_x y1="4" x2=target_x y2=h - bottom class="target-line"/>
                    <text x=10.0 y=h - 6.0 class="path-year">{lo}</text>
                    <text x=w - 10.0 y=h - 6.0 text-anchor="end" class="path-year">{hi}</text>
                    <text x=label_x y="14" text-anchor=anchor class="target-label">
                        {format!("{} {}", state.tr(t::TARGET_4), r.targets.0)}
                    </text>
                }
            })}
        </svg>
    }
}
