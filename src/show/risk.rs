//! What the risk says about itself: which disbursement levers its ranges replace.

use crate::engine::risk::{DisbursementDraws, RiskSettings};
use crate::engine::{Levers, Plan};
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
