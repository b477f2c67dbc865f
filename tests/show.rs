//! What each surface shows (`ntm_planner::show`): the headline cards with their verdicts and
//! target words, the criteria, district and path rows, worked on small tables by hand.

mod common;

use common::{model, row};
use ntm_planner::engine::path::Path;
use ntm_planner::engine::{Model, Scenario};
use ntm_planner::show::{
    criteria_rows, criterion_label, district_rows, path_rows, CardKind, Headline, Verdict, DASH,
};
use ntm_planner::text::sentences as t;
use ntm_planner::text::Lang;

fn headline(m: &Model, scenario: &Scenario, lang: Lang) -> Headline {
    let o = m.run(scenario);
    Headline::of(&o, &scenario.targets.over(&m.plan.targets), lang)
}

#[test]
fn the_certified_card_holds_the_figure_against_the_target_and_the_start() {
    let m = Model::shipped();
    let o = m.run(&Scenario::plan());
    let h = headline(&m, &Scenario::plan(), Lang::Vi);
    assert_eq!(h.certified.figure, o.certified.to_string());
    assert_eq!(
        h.certified.note,
        format!(
            "mục tiêu {} · đầu năm {}",
            m.plan.targets.certified, o.certified_baseline
        )
    );
    // The plan reaches its own target of certified communes.
    assert!(o.certified >= m.plan.targets.certified);
    assert_eq!(h.certified.verdict, Verdict::Reached);
    // One more than it gives is short.
    let mut above = Scenario::plan();
    above.targets.certified = Some(o.certified + 1);
    let h = headline(&m, &above, Lang::En);
    assert_eq!(h.certified.verdict, Verdict::Short);
    assert!(h
        .certified
        .note
        .starts_with(&format!("target {}", o.certified + 1)));
    // Exactly what it gives is reached.
    let mut exact = Scenario::plan();
    exact.targets.certified = Some(o.certified);
    assert_eq!(
        headline(&m, &exact, Lang::En).certified.verdict,
        Verdict::Reached
    );
}

#[test]
fn averages_are_written_in_each_language_and_reach_their_target_at_equality() {
    // Two communes meeting 19 and 17 criteria: 18 on average.
    let m = model(&[row("1", &[], 1.0), row("2", &[0, 1], 1e6)]);
    let mut s = Scenario::plan();
    s.targets.avg_criteria = Some(18.0);
    let vi = headline(&m, &s, Lang::Vi);
    assert_eq!(vi.average.figure, "18,00");
    assert_eq!(vi.average.note, "mục tiêu ≥ 18,0");
    assert_eq!(vi.average.verdict, Verdict::Reached);
    assert_eq!(headline(&m, &s, Lang::En).average.figure, "18.00");
    s.targets.avg_criteria = Some(18.01);
    assert_eq!(headline(&m, &s, Lang::Vi).average.verdict, Verdict::Short);
}

#[test]
fn a_table_without_border_communes_shows_a_dash_never_zero() {
    let m = model(&[row("1", &[], 1.0), row("2", &[3], 1.0)]);
    let o = m.run(&Scenario::plan());
    assert_eq!(o.border.avg_criteria, None);
    let h = headline(&m, &Scenario::plan(), Lang::Vi);
    assert_eq!(h.border.figure, DASH);
    assert_eq!(
        h.border.note,
        Lang::Vi.say(t::NO_BORDER_COMMUNES_IN_THE_TABLE)
    );
    assert_eq!(h.border.verdict, Verdict::Neither);
    assert!(h.border.label.ends_with("(0)"), "{}", h.border.label);
    // Every year of the path too.
    let p = Path::default_for(&m.plan, &Scenario::plan()).run(&m);
    let rows = path_rows(&p, Lang::Vi);
    assert_eq!(rows.len(), p.years.len());
    assert!(rows.iter().all(|r| r.border == DASH), "{rows:?}");
}

#[test]
fn the_border_card_counts_its_communes_and_holds_their_average_to_the_range() {
    // Two border communes meeting 19 and 13 criteria (16 on average), one inland.
    let m = model(&[
        row("1", &[], 1.0).border(),
        row("2", &[0, 1, 2, 3, 4, 5], 1e6).border(),
        row("3", &[0], 1e6),
    ]);
    let mut s = Scenario::plan();
    s.targets.border_avg_min = Some(16.0);
    s.targets.border_avg_max = Some(16.5);
    let h = headline(&m, &s, Lang::En);
    assert!(h.border.label.ends_with("(2)"), "{}", h.border.label);
    assert_eq!(h.border.figure, "16.00");
    assert_eq!(h.border.note, "target 16–16.5");
    assert_eq!(h.border.verdict, Verdict::Reached);
    s.targets.border_avg_min = Some(16.5);
    assert_eq!(headline(&m, &s, Lang::En).border.verdict, Verdict::Short);
}

#[test]
fn money_cards_are_short_only_when_there_is_money_short_or_idle() {
    let m = Model::shipped();
    let o = m.run(&Scenario::plan());
    let h = headline(&m, &Scenario::plan(), Lang::Vi);
    let expect = |x: f64| {
        if x > 0.0 {
            Verdict::Short
        } else {
            Verdict::Neither
        }
    };
    assert_eq!(h.shortfall.verdict, expect(o.funding.shortfall));
    assert_eq!(h.idle.verdict, expect(o.funding.idle));
    // Nothing of the credit arrives: investment that only credit covers goes short.
    let mut s = Scenario::plan();
    s.disbursement[m.plan.source_index("credit").unwrap()] = Some(0.0);
    let o = m.run(&s);
    assert!(o.funding.shortfall > 0.0);
    assert_eq!(headline(&m, &s, Lang::Vi).shortfall.verdict, Verdict::Short);
    // The cards come in one order, each where its kind says.
    let kinds = h.cards().map(|c| c.kind);
    assert_eq!(
        kinds,
        [
            CardKind::Certified,
            CardKind::Average,
            CardKind::Border,
            CardKind::Shortfall,
            CardKind::Idle
        ]
    );
    for kind in kinds {
        assert_eq!(h.card(kind).kind, kind);
    }
}

#[test]
fn criteria_rows_name_each_criterion_once_and_sign_the_gap() {
    let m = Model::shipped();
    let o = m.run(&Scenario::plan());
    let rows = criteria_rows(&m.plan, &o, Lang::Vi);
    assert_eq!(rows.len(), m.plan.criteria.len());
    for ((r, c), out) in rows.iter().zip(&m.plan.criteria).zip(&o.criteria) {
        assert_eq!(r.label, format!("{}. {}", c.id, c.name_vi));
        assert_eq!(r.label, criterion_label(c, Lang::Vi));
        let gap = i64::from(out.met) - i64::from(out.target);
        let expected = match gap {
            g if g > 0 => format!("+{g}"),
            g => g.to_string(),
        };
        assert_eq!(r.gap, expected, "{}", r.label);
        assert_eq!(r.verdict == Verdict::Reached, gap >= 0);
        assert_eq!(r.short, out.shortfall > 0.0);
        assert_eq!(r.cells()[0], r.label);
    }
    // Raised targets put a criterion below.
    let mut s = Scenario::plan();
    s.targets.criteria[m.plan.criterion_index("transport").unwrap()] = Some(181);
    let o = m.run(&s);
    let r = criteria_rows(&m.plan, &o, Lang::En)
        .into_iter()
        .find(|r| r.key == "transport")
        .unwrap();
    assert_eq!(r.verdict, Verdict::Short);
    assert!(r.gap.starts_with('-'), "{}", r.gap);
    assert!(r.label.ends_with("Transport"), "{}", r.label);
}

#[test]
fn district_rows_follow_the_outcome() {
    let m = model(&[
        row("1", &[], 1.0),
        row("2", &[0], 1e6).district("Huyện B"),
        row("3", &[0, 1], 1e6).district("Huyện B"),
    ]);
    let o = m.run(&Scenario::plan());
    let rows = district_rows(&o, Lang::Vi);
    let b = rows.iter().find(|r| r.name == "Huyện B").unwrap();
    assert_eq!(b.cells(), ["Huyện B", "2", "0", "17,50"]);
    let a = rows.iter().find(|r| r.name == "Huyện A").unwrap();
    assert_eq!(a.cells(), ["Huyện A", "1", "1", "19,00"]);
}

#[test]
fn the_risk_note_names_the_levers_its_ranges_replace_until_drawn_around_them() {
    use ntm_planner::engine::risk::{DisbursementDraws, RiskSettings};
    use ntm_planner::show::risk::replaced_levers_note;
    let m = Model::shipped();
    let settings = RiskSettings::default_for(&m.plan);
    let plan_levers = m.levers(&Scenario::plan());
    let note = |s: &Scenario, how, lang| {
        replaced_levers_note(&settings, how, &m.levers(s), &plan_levers, &m.plan, lang)
    };
    assert_eq!(
        note(
            &Scenario::plan(),
            DisbursementDraws::SettingsRanges,
            Lang::Vi
        ),
        None
    );
    let direct = m.plan.source_index("direct").unwrap();
    let mut half = Scenario::plan();
    half.disbursement[direct] = Some(0.5);
    let said = note(&half, DisbursementDraws::SettingsRanges, Lang::En).unwrap();
    assert!(said.contains(&m.plan.sources[direct].short_en), "{said}");
    let vi = note(&half, DisbursementDraws::SettingsRanges, Lang::Vi).unwrap();
    assert!(
        vi.contains(&m.plan.sources[direct].short_vi) && vi.contains("cần gạt"),
        "{vi}"
    );
    assert_eq!(note(&half, DisbursementDraws::AroundLevers, Lang::Vi), None);
}
