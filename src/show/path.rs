//! The path as every surface says it, and the rules by which the page edits a path: its
//! last year, its first year, its targets by the end, the scenario of its first year.

use crate::engine::path::{Carry, Measure, Path, YearTarget};
use crate::engine::Plan;
use crate::text::number::number;
use crate::text::sentences as t;
use crate::text::Lang;

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

pub fn set_last_target(p: &mut Path, measure: Measure, target: f64) {
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
pub fn set_last_year(p: &mut Path, year: u16) {
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
pub fn set_first_year(p: &mut Path, year: u16) {
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

/// Everything is carried over (the default), or nothing.
pub fn carries_all(p: &Path) -> bool {
    p.carry == Carry::default()
}

/// What a target check says: the year, the figure reached, the target and whether it is met.
/// `on_page`: the path view's short form ("2025: 87 / 115 communes certified — not reached").
pub fn target_sentence(
    check: &crate::engine::path::TargetCheck,
    plan: &Plan,
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
                t::PATH_CERTIFIED_CHECK_SHORT,
                &[
                    ("year", &check.year),
                    ("value", &shown(check.value)),
                    ("target", &shown(check.target))
                ],
            )
        ),
        Measure::MinCriteria if on_page => format!(
            "{} — {mark}",
            lang.fill(
                t::PATH_MINIMUM_CHECK_SHORT,
                &[
                    ("value", &shown(check.value)),
                    ("target", &shown(check.target))
                ],
            )
        ),
        Measure::Certified => lang.fill(
            t::PATH_CERTIFIED_CHECK,
            &[
                ("year", &check.year),
                ("value", &shown(check.value)),
                ("target", &shown(check.target)),
                ("mark", &mark),
            ],
        ),
        Measure::MinCriteria => lang.fill(
            t::PATH_MINIMUM_CHECK,
            &[
                ("year", &check.year),
                ("value", &shown(check.value)),
                ("target", &shown(check.target)),
                ("mark", &mark),
            ],
        ),
        other => {
            let what = match other {
                Measure::AvgCriteria => lang.say(t::AVERAGE_CRITERIA_A_COMMUNE).to_string(),
                Measure::BorderAvg => lang.say(t::BORDER_COMMUNES_AVERAGE).to_string(),
                Measure::Criterion(k) => super::criterion_label(&plan.criteria[k], lang),
                Measure::Item(j) => crate::text::item_label(plan, j, lang),
                _ => String::new(),
            };
            lang.fill(
                t::PATH_MEASURE_CHECK,
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
