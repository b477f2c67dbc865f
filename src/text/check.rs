//! The plan's own figures checked against each other (`ntm check-plan`): stated shares against
//! amounts, stated percentages against counts, totals against their parts. Found, not hidden.

use super::number::{amount, number};
use super::Lang;
use crate::engine::plan::Plan;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Where in the plan (section and item).
    pub location: String,
    pub vi: String,
    pub en: String,
}

impl Finding {
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
}

/// A figure as the plan writes it ("67,3"): its value and how many decimals it states.
fn stated(text: &str) -> Option<(f64, usize)> {
    let t = text.trim();
    let decimals = t.split_once(',').map(|(_, f)| f.len()).unwrap_or(0);
    t.replace('.', "")
        .replace(',', ".")
        .parse()
        .ok()
        .map(|v| (v, decimals))
}

/// Does `exact` round to the stated figure?
fn agrees(exact: f64, stated: f64, decimals: usize) -> bool {
    let scale = 10f64.powi(decimals as i32);
    ((exact * scale).round() - (stated * scale).round()).abs() < 0.5
}

pub fn check_plan(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    let vi = Lang::Vi;
    let en = Lang::En;
    let sum = plan.funding_total();
    let total = plan.stated_total.amount;
    if (sum - total).abs() > 1e-9 {
        let parts: Vec<String> = plan
            .sources
            .iter()
            .map(|s| amount(s.amount, 2, vi))
            .collect();
        findings.push(Finding {
            location: "III".into(),
            vi: format!(
                "Tổng nhu cầu vốn ghi {} tỷ đồng, nhưng năm nguồn cộng lại là {} ({} = {}). Mô hình dùng số của từng nguồn: {} tỷ đồng.",
                amount(total, 2, vi), amount(sum, 2, vi), parts.join(" + "), amount(sum, 2, vi), amount(sum, 2, vi)
            ),
            en: format!(
                "The plan states a total of {} billion VND, but its five sources add up to {}. The model takes the sources as stated: {} billion VND.",
                amount(total, 2, en), amount(sum, 2, en), amount(sum, 2, en)
            ),
        });
    }
    for (i, s) in plan.sources.iter().enumerate() {
        let Some((share, decimals)) = stated(&s.stated_share) else {
            continue;
        };
        let of_total = 100.0 * s.amount / total;
        let of_sum = 100.0 * s.amount / sum;
        if !agrees(of_total, share, decimals) {
            // Would the amount that makes the sources add up to the stated total come closer
            // to the stated share? (80 → 70 for enterprises: 1,47 % against 1,4 %.)
            let fitting = s.amount + (total - sum);
            let closer =
                fitting > 0.0 && (100.0 * fitting / total - share).abs() < (of_total - share).abs();
            let hint_vi = if closer {
                format!(
                    " Nếu là {} tỷ đồng thì năm nguồn cộng lại đúng {} và tỷ lệ là {} %, gần với {} % hơn (có thể là lỗi đánh máy; văn bản không nói rõ).",
                    amount(fitting, 2, vi), amount(total, 2, vi), number(100.0 * fitting / total, 2, vi), s.stated_share
                )
            } else {
                String::new()
            };
            let hint_en = if closer {
                format!(
                    " With {} billion VND the five sources would add up to {} and the share would be {}%, closer to {}% (perhaps a typo; the document does not say).",
                    amount(fitting, 2, en), amount(total, 2, en), number(100.0 * fitting / total, 2, en), share
                )
            } else {
                String::new()
            };
            findings.push(Finding {
                location: format!("III.{}", i + 1),
                vi: format!(
                    "{}: {} tỷ đồng ghi chiếm {} %, nhưng {} / {} = {} % (trên tổng năm nguồn {}: {} %).{}",
                    s.name_vi,
                    amount(s.amount, 2, vi),
                    s.stated_share,
                    amount(s.amount, 2, vi),
                    amount(total, 2, vi),
                    number(of_total, 2, vi),
                    amount(sum, 2, vi),
                    number(of_sum, 2, vi),
                    hint_vi
                ),
                en: format!(
                    "{}: {} billion VND is stated as {}%, but {} / {} = {}% ({}% of the five sources' {}).{}",
                    s.name_en,
                    amount(s.amount, 2, en),
                    share,
                    amount(s.amount, 2, en),
                    amount(total, 2, en),
                    number(of_total, 2, en),
                    number(of_sum, 2, en),
                    amount(sum, 2, en),
                    hint_en
                ),
            });
        }
    }
    let shares: Vec<(f64, usize)> = plan
        .sources
        .iter()
        .filter_map(|s| stated(&s.stated_share))
        .collect();
    let share_sum: f64 = shares.iter().map(|(v, _)| v).sum();
    if (share_sum - 100.0).abs() > 0.05 {
        findings.push(Finding {
            location: "III".into(),
            vi: format!(
                "Tỷ lệ các nguồn cộng lại là {} %, không phải 100 %.",
                number(share_sum, 1, vi)
            ),
            en: format!(
                "The sources' stated shares add up to {}%, not 100%.",
                number(share_sum, 1, en)
            ),
        });
    }
    let n = plan.communes_total;
    for c in &plan.criteria {
        let Some((share, decimals)) = c.stated_share.as_deref().and_then(stated) else {
            continue;
        };
        let exact = 100.0 * f64::from(c.target) / f64::from(n);
        if !agrees(exact, share, decimals) {
            findings.push(Finding {
                location: format!("I.2, TC{}", c.id),
                vi: format!(
                    "Tiêu chí {} ({}): {}/{} xã ghi {} %, nhưng {}/{} = {} % (làm tròn: {} %).",
                    c.id,
                    c.name_vi,
                    c.target,
                    n,
                    c.stated_share.as_deref().unwrap_or_default(),
                    c.target,
                    n,
                    number(exact, 3, vi),
                    number(exact, decimals, vi)
                ),
                en: format!(
                    "Criterion {} ({}): {}/{} communes is stated as {}%, but {}/{} = {}% (rounded: {}%).",
                    c.id,
                    c.name_en,
                    c.target,
                    n,
                    share,
                    c.target,
                    n,
                    number(exact, 3, en),
                    number(exact, decimals, en)
                ),
            });
        }
        if c.target < plan.targets.certified {
            findings.push(Finding {
                location: format!("I.2, TC{}", c.id),
                vi: format!(
                    "Tiêu chí {}: chỉ {} xã đạt, ít hơn {} xã đạt chuẩn NTM (xã đạt chuẩn phải đạt mọi tiêu chí).",
                    c.id, c.target, plan.targets.certified
                ),
                en: format!(
                    "Criterion {}: only {} communes meet it, fewer than the {} certified communes (a certified commune meets every criterion).",
                    c.id, c.target, plan.targets.certified
                ),
            });
        }
    }
    let t = &plan.targets;
    if t.certified_baseline + t.newly_certified != t.certified {
        findings.push(Finding {
            location: "I.1".into(),
            vi: format!(
                "{} + {} xã đạt chuẩn mới ≠ {} xã.",
                t.certified_baseline, t.newly_certified, t.certified
            ),
            en: format!(
                "{} + {} newly certified ≠ {}.",
                t.certified_baseline, t.newly_certified, t.certified
            ),
        });
    }
    let implied_avg = f64::from(plan.target_sum()) / f64::from(n);
    if implied_avg + 1e-9 < t.avg_criteria_min {
        findings.push(Finding {
            location: "I.1, I.2".into(),
            vi: format!(
                "Các chỉ tiêu từng tiêu chí cho bình quân {} tiêu chí/xã, dưới mục tiêu {}.",
                number(implied_avg, 2, vi),
                number(t.avg_criteria_min, 1, vi)
            ),
            en: format!(
                "The criteria targets give {} criteria a commune, below the target of {}.",
                number(implied_avg, 2, en),
                number(t.avg_criteria_min, 1, en)
            ),
        });
    }
    for r in &plan.references {
        let number_year = r
            .number
            .split('/')
            .nth(1)
            .and_then(|y| y.parse::<u32>().ok());
        let date_year = r.date.split('-').next().and_then(|y| y.parse::<u32>().ok());
        if let (Some(ny), Some(dy)) = (number_year, date_year) {
            if ny != dy {
                let date_vi = r.date.split('-').rev().collect::<Vec<_>>().join("/");
                findings.push(Finding {
                    location: r.location.clone(),
                    vi: format!(
                        "Văn bản số {} (năm {} trong số hiệu) ghi ngày {} (năm {}): số hiệu và ngày không khớp.",
                        r.number, ny, date_vi, dy
                    ),
                    en: format!(
                        "Document {} (year {} in its number) is dated {} (year {}): the number and the date disagree.",
                        r.number, ny, r.date, dy
                    ),
                });
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lang_son_plan_has_the_known_inconsistencies() {
        let findings = check_plan(&Plan::lang_son_2022());
        let all: Vec<&str> = findings.iter().map(|f| f.en.as_str()).collect();
        let joined = all.join("\n");
        assert!(
            joined.contains("4,760") && joined.contains("4,770"),
            "{joined}"
        );
        assert!(
            findings
                .iter()
                .any(|f| f.location == "III.3" && f.en.contains("1.68")),
            "{joined}"
        );
        assert!(
            findings
                .iter()
                .any(|f| f.location == "III.3" && f.en.contains("70 billion")),
            "{joined}"
        );
        assert!(
            findings.iter().any(|f| f.location == "III.4"),
            "credit 67.23% vs 67.3%: {joined}"
        );
        assert!(
            findings.iter().any(|f| f.location == "I.2, TC19"),
            "175/181 is 96.7%: {joined}"
        );
        assert!(
            findings.iter().any(|f| f.en.contains("08/2021/NQ-HĐND")),
            "{joined}"
        );
        // Shares that do round right are not reported.
        assert!(
            !findings
                .iter()
                .any(|f| f.location == "III.1" || f.location == "I.2, TC2"),
            "{joined}"
        );
    }

    #[test]
    fn stated_figures_are_read_as_written() {
        assert_eq!(stated("67,3"), Some((67.3, 1)));
        assert_eq!(stated("56"), Some((56.0, 0)));
        assert!(agrees(56.35, 56.0, 0));
        assert!(!agrees(96.685, 96.6, 1));
    }
}
