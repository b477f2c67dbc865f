//! The goals (*Mục tiêu*, model.md §7.2): the goal sought and its answer, the margins, and the
//! search (here for a small table, in the worker for a large one).
use crate::engine::goals::{seek, Answer, Goal};
use crate::text::number::parse_number;
use leptos::prelude::*;
use std::sync::Arc;

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
    bridge: Option<gloo_worker::WorkerBridge<crate::analysis_worker::worker::AnalysisWorker>>,
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
            let bridge = super::risk::spawn(move |reply: crate::analysis_worker::AnalysisReply| {
                let Some(seeker) = weak.upgrade() else { return };
                let current = {
                    let mut s = seeker.borrow_mut();
                    s.answered = true;
                    s.number
                };
                match reply {
                    crate::analysis_worker::AnalysisReply::Sought { seek, found }
                        if seek == current =>
                    {
                        let model = state.model.get_untracked();
                        let a = state
                            .scenario
                            .with_untracked(|s| crate::engine::goals::answer(&model, s, &found));
                        shown.answer.set(Some(Arc::new(a)));
                        shown.seeking.set(false);
                    }
                    crate::analysis_worker::AnalysisReply::Failed { job, .. } if job == current => {
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
                bridge.send(crate::analysis_worker::AnalysisRequest::model(&model));
            }
            bridge.send(crate::analysis_worker::AnalysisRequest::Seek {
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
