//! The page's state: one scenario signal is the source of truth; the results are memos derived
//! from it. Shared through context, so components take what they need without props.

use crate::engine::{CommuneTable, Levers, Model, Outcome, Plan, Scenario};
use crate::text::sentences as t;

use crate::engine::lever::{Lever, Value};
use crate::text::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// What an edit changed: edits of the same thing in a row make one undo step.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Step {
    Lever(Lever),
    /// A lever put back to the plan's value by its own button.
    Reset(Lever),
    Name,
    /// The one control that scales every investment.
    ScaleInvestment,
    ResetTargets,
    /// The whole scenario at once (presets, reset, an opened file, a goal applied).
    Replace,
}

/// Undo and redo stacks of whole scenarios. Edits of the same lever in a row (typing a number
/// digit by digit, dragging a slider) make one step.
#[derive(Clone, Default)]
struct History {
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
    last_step: Option<Step>,
}

/// The model built for a scenario's own unit costs or targets (None: the table's model).
#[derive(Clone)]
struct OwnModel(Option<Arc<Model>>);

impl PartialEq for OwnModel {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

#[derive(Clone, Copy)]
pub struct State {
    pub lang: RwSignal<Lang>,
    pub model: RwSignal<Arc<Model>>,
    pub scenario: RwSignal<Scenario>,
    /// The scenario's levers with every default filled in.
    pub levers: Memo<Levers>,
    pub outcome: Memo<Arc<Outcome>>,
    /// The plan scenario on the same table, to say what changed.
    pub plan_outcome: Memo<Arc<Outcome>>,
    pub selected_commune: RwSignal<Option<usize>>,
    /// Counts undo steps, so the address bar can make one browser history entry per step.
    pub step: RwSignal<u64>,
    /// The table in use is the shipped, illustrative one.
    pub illustrative: RwSignal<bool>,
    /// Counts the moments the scenario and table have stopped changing (120 ms after the last
    /// change). What costs more than a frame — the path, the margins, a new risk job — follows
    /// this, so dragging a slider stays within a frame.
    pub settled: RwSignal<u64>,
    history: RwSignal<History>,
}

impl State {
    pub fn new(model: Model, lang: Lang) -> State {
        let model = RwSignal::new(Arc::new(model));
        let scenario = RwSignal::new(Scenario::plan());
        // A scenario with its own unit costs or targets runs on a model built with them.
        let scenario_model = Memo::new(move |_| {
            OwnModel(model.with(|m| {
                scenario.with(|s| match m.for_scenario(s) {
                    std::borrow::Cow::Borrowed(_) => None,
                    std::borrow::Cow::Owned(own) => Some(Arc::new(own)),
                })
            }))
        });
        let levers = Memo::new(move |_| {
            scenario_model.with(|own| match &own.0 {
                Some(m) => scenario.with(|s| m.levers(s)),
                None => model.with(|m| scenario.with(|s| m.levers(s))),
            })
        });
        let outcome = Memo::new(move |_| {
            Arc::new(scenario_model.with(|own| match &own.0 {
                Some(m) => levers.with(|l| m.run_levers(l)),
                None => model.with(|m| levers.with(|l| m.run_levers(l))),
            }))
        });
        let plan_outcome = Memo::new(move |_| Arc::new(model.with(|m| m.run(&Scenario::plan()))));
        let settled = RwSignal::new(0u64);
        // 120 ms after the last change; each change's timeout replaces (cancels) the last.
        let settling = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
        Effect::new(move |_| {
            model.track();
            scenario.track();
            let tick =
                gloo_timers::callback::Timeout::new(120, move || settled.update(|n| *n += 1));
            settling.set_value(Some(tick));
        });
        State {
            settled,
            lang: RwSignal::new(lang),
            model,
            scenario,
            levers,
            outcome,
            plan_outcome,
            selected_commune: RwSignal::new(None),
            illustrative: RwSignal::new(true),
            step: RwSignal::new(0),
            history: RwSignal::new(History::default()),
        }
    }

    pub fn shipped(lang: Lang) -> State {
        State::new(Model::shipped(), lang)
    }

    /// One plain sentence: what this scenario gives against the plan, and which levers differ.
    pub fn change_sentence(&self) -> String {
        let lang = self.lang.get();
        let o = self.outcome.get();
        let p = self.plan_outcome.get();
        self.model.with(|m| {
            let e = self.scenario.with(|s| {
                self.levers
                    .with(|l| crate::engine::explain::explain(m, s, l, &o, &p))
            });
            crate::text::explain::sentence(&e, &m.plan, lang)
        })
    }

    /// Sets one lever (`None`: back to the plan's); moving the same lever again in a row
    /// (typing digit by digit, dragging) adds to the same undo step.
    pub fn set_lever(&self, lever: Lever, value: Option<Value>) {
        self.edit(Step::Lever(lever), |s| lever.set(s, value));
    }

    /// Changes the scenario; `step` says what was changed, so repeated changes of one thing
    /// make one undo step.
    pub fn edit(&self, step: Step, change: impl FnOnce(&mut Scenario)) {
        let before = self.scenario.get_untracked();
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return;
        }
        let mut new_step = false;
        self.history.update(|h| {
            if h.last_step != Some(step) || h.undo.is_empty() {
                h.undo.push(before);
                new_step = true;
            }
            h.redo.clear();
            h.last_step = Some(step);
        });
        if new_step {
            self.step.update(|n| *n += 1);
        }
        self.scenario.set(after);
    }

    /// Replaces the whole scenario as one undo step (presets, reset).
    pub fn replace(&self, scenario: Scenario) {
        self.edit(Step::Replace, |s| *s = scenario);
        self.history.update(|h| h.last_step = None);
    }

    pub fn undo(&self) {
        let current = self.scenario.get_untracked();
        let mut previous = None;
        self.history.update(|h| {
            if let Some(p) = h.undo.pop() {
                h.redo.push(current);
                h.last_step = None;
                previous = Some(p);
            }
        });
        if let Some(p) = previous {
            self.step.update(|n| *n += 1);
            self.scenario.set(p);
        }
    }

    pub fn redo(&self) {
        let current = self.scenario.get_untracked();
        let mut next = None;
        self.history.update(|h| {
            if let Some(n) = h.redo.pop() {
                h.undo.push(current);
                h.last_step = None;
                next = Some(n);
            }
        });
        if let Some(n) = next {
            self.step.update(|s| *s += 1);
            self.scenario.set(n);
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.with(|h| !h.undo.is_empty())
    }

    pub fn can_redo(&self) -> bool {
        self.history.with(|h| !h.redo.is_empty())
    }

    /// Puts a new commune table in place (the scenario stays; its defaults follow the table).
    pub fn load_table(&self, table: CommuneTable, illustrative: bool) {
        let plan: Plan = self.model.with_untracked(|m| m.plan.clone());
        self.selected_commune.set(None);
        self.illustrative.set(illustrative);
        self.model.set(Arc::new(Model::new(plan, table)));
    }

    /// The scenario's name: the one given, the plan's while it is the plan, and "new scenario"
    /// once a lever has moved, so that a changed scenario is not taken for the plan.
    pub fn scenario_name(&self) -> String {
        self.scenario.with(|s| match &s.name {
            Some(name) => name.clone(),
            None if *s == Scenario::plan() => self.model.with(|m| {
                // A plan file need not name its scenario: "the plan", with its year.
                match m.plan.default_scenario_name.as_str() {
                    "" => self
                        .lang
                        .get()
                        .fill(t::PLAN_SCENARIO_NAME, &[("year", &m.plan.year)]),
                    name => name.to_string(),
                }
            }),
            None => self.lang.get().say(t::NEW_SCENARIO).to_string(),
        })
    }

    /// The targets in force: the scenario's own where it sets them, else the plan's.
    pub fn targets(&self) -> crate::engine::plan::Targets {
        self.model
            .with(|m| self.scenario.with(|s| s.targets.over(&m.plan.targets)))
    }

    /// The targets in force that the table in use cannot reach (more than its communes).
    pub fn targets_beyond_the_table(&self) -> Option<crate::engine::check::BeyondTheTable> {
        let communes = self.model.with(|m| m.table.communes.len()) as u32;
        let certified = self.targets().certified;
        self.outcome.with(|o| {
            crate::engine::check::beyond_the_table(
                communes,
                certified,
                o.criteria.iter().map(|c| c.target),
            )
        })
    }

    /// "vi" or "en" words, following the language switch.
    pub fn tr(&self, sentence: crate::text::Sentence) -> &'static str {
        self.lang.get().say(sentence)
    }
}

pub fn use_state() -> State {
    expect_context::<State>()
}

/// Whether an element is on screen, or within `margin` (CSS, "300px") of it, following the
/// scroll: what costs a frame to redraw (the charts, the grid) is redrawn only while it can be
/// seen, and catches up as it comes near.
fn on_screen(element: &web_sys::Element, seen: RwSignal<bool>, margin: &str) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.iter().last() {
            let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
            seen.set(entry.is_intersecting());
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(margin);
    match web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
    {
        Ok(observer) => {
            observer.observe(element);
            // Observers live as long as the page (two a chart and two for the grid).
            std::mem::forget(observer);
            callback.forget();
        }
        // No observer (an old browser): always drawn.
        Err(_) => seen.set(true),
    }
}

/// Where something costly to redraw (a chart, the grid) stands against the screen, and whether
/// to redraw it now: on screen, at once; within 300 px of it, once the levers settle or as it
/// comes near; further off, not (it catches up as it comes near).
#[derive(Clone, Copy)]
pub struct ScreenWatch {
    near: RwSignal<bool>,
    on: RwSignal<bool>,
    /// What the last look saw: the levers' settle count and whether it was near.
    last: StoredValue<(u64, bool)>,
}

impl ScreenWatch {
    /// Watches the element once it is in the page.
    pub fn new(element: impl Fn() -> Option<web_sys::Element> + 'static) -> Self {
        let watch = ScreenWatch {
            near: RwSignal::new(false),
            on: RwSignal::new(false),
            last: StoredValue::new((u64::MAX, false)),
        };
        Effect::new(move |watching: Option<bool>| {
            if watching != Some(true) {
                if let Some(element) = element() {
                    on_screen(&element, watch.near, "300px");
                    on_screen(&element, watch.on, "0px");
                    return true;
                }
            }
            watching.unwrap_or(false)
        });
        watch
    }

    /// Whether it is within 300 px of the screen (tracked).
    pub fn near(&self) -> bool {
        self.near.get()
    }

    /// Whether to redraw now (tracks the screen and the levers' settling).
    pub fn due(&self, state: &State) -> bool {
        let (near, on) = (self.near.get(), self.on.get());
        let settled = state.settled.get();
        let (settled_before, near_before) = self.last.get_value();
        self.last.set_value((settled, near));
        on || (near && (settled != settled_before || !near_before))
    }
}
