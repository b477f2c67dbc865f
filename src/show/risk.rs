//! What the risk shows: which disbursement levers its ranges replace, the P10/P50/P90 table
//! and the chances of the targets.

use crate::engine::risk::{DisbursementDraws, RiskOutcome, RiskSettings, Spread};
use crate::engine::{Levers, Plan};
use crate::text::number::{number, percent};
use crate::text::sentences as t;
use crate::text::Lang;

/// Said beside the risk band (headline and panel) when the settings' ranges replace a
/// disbursement lever the scenario has moved, so the band and the figure it stands under
/// cannot disagree without a reason: `None` when nothing is replaced, or when the draws go
/// around the levers' own values.
pub fn replaced_levers_note(
    settings: &RiskSettings,
    how: DisbursementDraws,
    levers: &Levers,
    plan_levers: &Levers,
    plan: &Plan,
    lang: Lang,
) -> Option<String> {
    if how == DisbursementDraws::AroundLevers {
        return None;
    }
    let replaced = settings.replaced_levers(&levers.disbursement, &plan_levers.disbursement);
    if replaced.is_empty() {
        return None;
    }
    let sources: Vec<&str> = replaced
        .iter()
        .map(|&s| {
            lang.pick(&plan.sources[s].short_vi, &plan.sources[s].short_en)
                .as_str()
        })
        .collect();
    Some(lang.fill(
        t::RISK_RANGES_REPLACE_LEVERS,
        &[("sources", &sources.join(", "))],
    ))
}

/// One of the headline's measures in the risk table: its P10, P50, P90 and mean as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct SpreadRow {
    pub measure: RiskMeasure,
    pub label: String,
    /// P10, P50, P90, in that order.
    pub percentiles: [String; 3],
    pub mean: String,
}

/// The measures the risk reports a spread and a chance of, in the table's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskMeasure {
    Certified,
    AvgCriteria,
    BorderAvg,
}

impl RiskMeasure {
    pub const ALL: [RiskMeasure; 3] = [
        RiskMeasure::Certified,
        RiskMeasure::AvgCriteria,
        RiskMeasure::BorderAvg,
    ];

    /// A short name for element ids.
    pub fn key(self) -> &'static str {
        match self {
            RiskMeasure::Certified => "certified",
            RiskMeasure::AvgCriteria => "avg",
            RiskMeasure::BorderAvg => "border",
        }
    }

    /// The row's label (shown while the run still draws, before any figure).
    pub fn label(self) -> crate::text::Sentence {
        match self {
            RiskMeasure::Certified => t::HEADING_CERTIFIED_COMMUNES,
            RiskMeasure::AvgCriteria => t::AVERAGE_CRITERIA,
            RiskMeasure::BorderAvg => t::BORDER_AVERAGE,
        }
    }

    /// Communes are whole; averages show two decimals.
    fn decimals(self) -> usize {
        match self {
            RiskMeasure::Certified => 0,
            _ => 2,
        }
    }

    /// The band under the headline's card of this measure: "rủi ro P10–P90: 79–82".
    pub fn band(self, r: &RiskOutcome, lang: Lang) -> String {
        super::headline::band(self.spread(r), self.decimals(), lang)
    }

    pub fn spread(self, r: &RiskOutcome) -> &Spread {
        match self {
            RiskMeasure::Certified => &r.certified,
            RiskMeasure::AvgCriteria => &r.avg_criteria,
            RiskMeasure::BorderAvg => &r.border_avg,
        }
    }
}

/// The risk table's rows: every surface (panel, report, slide) prints these.
pub fn spread_rows(r: &RiskOutcome, lang: Lang) -> Vec<SpreadRow> {
    RiskMeasure::ALL
        .into_iter()
        .map(|measure| {
            let s = measure.spread(r);
            let d = measure.decimals();
            SpreadRow {
                measure,
                label: lang.say(measure.label()).to_string(),
                percentiles: [s.p10, s.p50, s.p90].map(|x| number(x, d, lang)),
                mean: number(s.mean, 2, lang),
            }
        })
        .collect()
}

/// The chance of reaching the certified target, as the risk's first sentence.
pub fn certified_chance(r: &RiskOutcome, lang: Lang) -> String {
    lang.fill(
        t::RISK_CERTIFIED_CHANCE,
        &[
            ("target", &r.targets.0),
            ("chance", &percent(r.chance_certified, 0, lang)),
        ],
    )
}

/// The chances of the average and border targets, in one sentence.
pub fn other_chances(r: &RiskOutcome, lang: Lang) -> String {
    lang.fill(
        t::RISK_OTHER_CHANCES,
        &[
            ("average", &number(r.targets.1, 1, lang)),
            ("average_chance", &percent(r.chance_avg_criteria, 0, lang)),
            ("border", &number(r.targets.2, 1, lang)),
            ("border_chance", &percent(r.chance_border_avg, 0, lang)),
        ],
    )
}

/// How the run was drawn: draws and seed, for the report and slide.
pub fn draws_note(r: &RiskOutcome, lang: Lang) -> String {
    lang.fill(
        t::RISK_DRAWS_NOTE,
        &[("draws", &r.draws), ("seed", &r.seed)],
    )
}
