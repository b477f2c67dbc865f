//! Risk on the page (*Rủi ro*, model.md §7.3): the scenario on screen drawn many times in a Web
//! Worker (`ntm-worker`), with a progress bar; a new job starts whenever a lever, the table or a
//! risk setting changes, and the old one's draws are dropped, never shown. Where no worker can
//! run (the single file opened from `file://`), the same draws run on the main thread in slices
//! of about 12 ms, each followed by a yield through a `MessageChannel`.

use super::state::State;
use crate::analysis_worker::worker::AnalysisWorker;
use crate::analysis_worker::{draw_slice, AnalysisReply, AnalysisRequest};
use crate::engine::path::Path;
use crate::engine::risk::{
    path_spreads, DisbursementDraws, Draw, RiskOutcome, RiskRun, RiskSettings, Spread, PATH_DRAWS,
};
use crate::engine::{Model, Scenario};
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
    bridge: Option<WorkerBridge<AnalysisWorker>>,
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

/// How the disbursement was drawn, for the printed report and the slide: the levers the
/// ranges replace, or that the draws went around the levers.
pub fn drawn_note(state: State, shown: Shown) -> Option<String> {
    replaced_levers_note(state, shown).or_else(|| {
        (shown.draws() == DisbursementDraws::AroundLevers).then(|| {
            state
                .lang
                .get()
                .say(crate::text::sentences::RISK_DRAWN_AROUND_LEVERS)
                .to_string()
        })
    })
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
                bridge.send(AnalysisRequest::Draws {
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
pub(super) fn spawn(on_reply: impl Fn(AnalysisReply) + 'static) -> WorkerBridge<AnalysisWorker> {
    AnalysisWorker::spawner()
        .callback(on_reply)
        .as_module(false)
        .spawn("./ntm-worker.js")
}

fn spawn_worker(runner: &Rc<RefCell<Runner>>, shown: Shown) {
    let weak = Rc::downgrade(runner);
    let bridge = spawn(move |reply: AnalysisReply| {
        let Some(runner) = weak.upgrade() else { return };
        match reply {
            AnalysisReply::Draws {
                job,
                from,
                draws,
                paths,
            } => runner.borrow_mut().take(shown, job, from, draws, paths),
            // Seeks have a worker of their own (the goals'); never here.
            AnalysisReply::Sought { .. } => {}
            AnalysisReply::Failed { .. } => {
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
                bridge.send(AnalysisRequest::model(&model));
            }
            bridge.send(AnalysisRequest::Job {
                job: number,
                scenario: scenario_json,
                settings: settings_json,
                path: path.as_ref().map(|p| p.to_json(plan)),
            });
            bridge.send(AnalysisRequest::Draws {
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

/// Starts the risk runner at the app's level (once the page's later parts are built): a worker
/// where one can run, else slices on the main thread; a new job whenever what it draws from
/// changes, for the headline's bands, the panel, the report and the exports alike.
pub fn run_risk(state: State) {
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
        let disbursement = state.levers.with_untracked(|l| l.disbursement.clone());
        let settings = settings.with(|s| s.drawn(how, &disbursement));
        let path = path_settings.map(|p| crate::show::path::with_scenario(&p, &scenario));
        runner.with_value(|r| start_job(r, shown, model, scenario, settings, path));
    });
}
