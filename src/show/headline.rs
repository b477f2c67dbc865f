//! The headline: five cards (certified communes, average criteria, the border communes'
//! average, money short, money idle), each with its figure, what it is held against and its
//! verdict.

use super::{average, Verdict};
use crate::engine::plan::Targets;
use crate::engine::Outcome;
use crate::text::number::{amount, number};
use crate::text::sentences as t;
use crate::text::Lang;

/// Which card (the page marks each with it; the order is [`Headline::cards`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardKind {
    Certified,
    Average,
    Border,
    Shortfall,
    Idle,
}

/// One headline figure as every surface shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub kind: CardKind,
    pub label: String,
    pub figure: String,
    /// What the figure is held against (the target words), or what it means.
    pub note: String,
    pub verdict: Verdict,
}

/// The headline of one outcome against the targets in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub certified: Card,
    pub average: Card,
    pub border: Card,
    pub shortfall: Card,
    pub idle: Card,
}

/// Averages are compared with the engine's tolerance (1e-9), so 14.5 reaches 14.5.
fn reaches(value: f64, target: f64) -> Verdict {
    if value + 1e-9 >= target {
        Verdict::Reached
    } else {
        Verdict::Short
    }
}

/// Money left over or missing is a fault when there is any.
fn money_verdict(x: f64) -> Verdict {
    if x > 0.0 {
        Verdict::Short
    } else {
        Verdict::Neither
    }
}

/// A target as written: at least `least` decimals, two where it has them (a plan's 6.89 is
/// not 6.9).
fn target_figure(x: f64, least: usize, lang: Lang) -> String {
    let tenths = x * 10.0;
    let decimals = if (tenths - tenths.round()).abs() > 1e-9 {
        2
    } else {
        least.max(usize::from(x.fract() != 0.0))
    };
    number(x, decimals, lang)
}

impl Headline {
    pub fn of(o: &Outcome, targets: &Targets, lang: Lang) -> Headline {
        let certified = Card {
            kind: CardKind::Certified,
            label: lang.say(t::CERTIFIED_COMMUNES).into(),
            figure: o.certified.to_string(),
            note: lang.fill(
                t::HEADLINE_CERTIFIED_NOTE,
                &[
                    ("target", &targets.certified),
                    ("start", &o.certified_baseline),
                ],
            ),
            verdict: reaches(f64::from(o.certified), f64::from(targets.certified)),
        };
        let average_card = Card {
            kind: CardKind::Average,
            label: lang.say(t::AVERAGE_CRITERIA_A_COMMUNE).into(),
            figure: number(o.avg_criteria, 2, lang),
            note: if targets.avg_criteria_min > 0.0 {
                format!(
                    "{} {}",
                    lang.say(t::TARGET_AT_LEAST),
                    target_figure(targets.avg_criteria_min, 1, lang)
                )
            } else {
                lang.say(t::PLAN_SETS_NO_TARGET).into()
            },
            verdict: if targets.avg_criteria_min > 0.0 {
                reaches(o.avg_criteria, targets.avg_criteria_min)
            } else {
                Verdict::Neither
            },
        };
        let border_target = targets.border_avg_min > 0.0 || targets.border_avg_max > 0.0;
        let border = Card {
            kind: CardKind::Border,
            label: format!(
                "{} ({})",
                lang.say(t::BORDER_COMMUNES_CRITERIA_EACH),
                o.border.communes
            ),
            figure: average(o.border.avg_criteria, lang),
            note: match o.border.avg_criteria {
                None => lang.say(t::NO_BORDER_COMMUNES_IN_THE_TABLE).into(),
                // A plan file may leave the border's target out (it reads as 0).
                Some(_) if !border_target => lang.say(t::PLAN_SETS_NO_TARGET).into(),
                // A range where the plan gives one, else its floor.
                Some(_) if targets.border_avg_max > targets.border_avg_min => format!(
                    "{} {}–{}",
                    lang.say(t::TARGET_WORD),
                    target_figure(targets.border_avg_min, 0, lang),
                    target_figure(targets.border_avg_max, 1, lang)
                ),
                Some(_) => format!(
                    "{} {}",
                    lang.say(t::TARGET_AT_LEAST),
                    target_figure(targets.border_avg_min, 1, lang)
                ),
            },
            verdict: match o.border.avg_criteria {
                Some(a) if border_target => reaches(a, targets.border_avg_min),
                _ => Verdict::Neither,
            },
        };
        let money = |kind, label, x: f64, note| Card {
            kind,
            label: lang.say(label).into(),
            figure: amount(x, 2, lang),
            note: lang.say(note).into(),
            verdict: money_verdict(x),
        };
        let shortfall = money(
            CardKind::Shortfall,
            t::MONEY_SHORT_BILLION_VND,
            o.funding.shortfall,
            t::HEADLINE_SHORTFALL_NOTE,
        );
        let idle = money(
            CardKind::Idle,
            t::MONEY_IDLE_BILLION_VND,
            o.funding.idle,
            t::HEADLINE_IDLE_NOTE,
        );
        Headline {
            certified,
            average: average_card,
            border,
            shortfall,
            idle,
        }
    }

    /// The card of a kind.
    pub fn card(&self, kind: CardKind) -> &Card {
        match kind {
            CardKind::Certified => &self.certified,
            CardKind::Average => &self.average,
            CardKind::Border => &self.border,
            CardKind::Shortfall => &self.shortfall,
            CardKind::Idle => &self.idle,
        }
    }

    /// The cards in the order every surface shows them.
    pub fn cards(&self) -> [&Card; 5] {
        [
            &self.certified,
            &self.average,
            &self.border,
            &self.shortfall,
            &self.idle,
        ]
    }
}

/// The risk run's P10–P90 under a headline figure: "rủi ro P10–P90: 79–82".
pub fn band(spread: &crate::engine::risk::Spread, decimals: usize, lang: Lang) -> String {
    format!(
        "{} P10–P90: {}–{}",
        lang.say(t::RISK_WORD),
        number(spread.p10, decimals, lang),
        number(spread.p90, decimals, lang)
    )
}
