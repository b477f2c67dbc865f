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

/// The card of a kind.
fn card(h: &Headline, kind: CardKind) -> &ntm_planner::show::Card {
    h.cards().into_iter().find(|c| c.kind == kind).unwrap()
}

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
    let carry = Path::default_for(&m.plan, &Scenario::plan()).carry;
    let rows = path_rows(&p, &carry, Lang::Vi);
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
    // Money short for a criterion marks its row.
    let mut none = Scenario::plan();
    none.disbursement[m.plan.source_index("credit").unwrap()] = Some(0.0);
    let o = m.run(&none);
    let rows = criteria_rows(&m.plan, &o, Lang::Vi);
    assert!(rows.iter().any(|r| r.short));
    for (r, out) in rows.iter().zip(&o.criteria) {
        assert_eq!(r.short, out.shortfall > 0.0, "{}", r.label);
    }
    // Raised targets put a criterion below.
    let mut s = Scenario::plan();
    s.targets.items[m.plan.criterion_index("transport").unwrap()] = Some(181);
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
fn the_risk_table_shows_each_measures_percentiles_and_the_chances_of_its_targets() {
    use ntm_planner::engine::risk::{RiskOutcome, Spread};
    use ntm_planner::show::risk::{
        certified_chance, draws_note, other_chances, spread_rows, RiskMeasure,
    };
    let spread = |p10, p50, p90, mean| Spread {
        p10,
        p50,
        p90,
        mean,
    };
    let r = RiskOutcome {
        draws: 500,
        seed: 7,
        certified: spread(79.0, 81.0, 83.0, 80.96),
        avg_criteria: spread(17.456, 17.5, 17.61, 17.52),
        border_avg: spread(16.0, 16.25, 16.5, 16.249),
        criteria: vec![],
        chance_certified: 0.104,
        chance_avg_criteria: 0.5,
        chance_border_avg: 0.996,
        targets: (85.0, 17.6, 16.0),
        histogram: vec![],
        commune_chance: vec![],
    };
    let rows = spread_rows(&r, Lang::Vi);
    assert_eq!(
        rows.iter().map(|r| r.measure).collect::<Vec<_>>(),
        RiskMeasure::ALL
    );
    assert_eq!(rows[0].label, Lang::Vi.say(t::HEADING_CERTIFIED_COMMUNES));
    assert_eq!(rows[0].percentiles, ["79", "81", "83"]);
    assert_eq!(rows[0].mean, "80,96");
    assert_eq!(rows[1].percentiles, ["17,46", "17,50", "17,61"]);
    assert_eq!(rows[2].percentiles, ["16,00", "16,25", "16,50"]);
    assert_eq!(spread_rows(&r, Lang::En)[2].mean, "16.25");
    let chance = certified_chance(&r, Lang::En);
    assert!(chance.contains("85") && chance.contains("10%"), "{chance}");
    // The page names each row's cells by these keys (risk-certified-p10 …).
    assert_eq!(
        RiskMeasure::ALL.map(RiskMeasure::key),
        ["certified", "avg", "border"]
    );
    // The headline's bands: communes whole, averages with two decimals.
    assert!(RiskMeasure::Certified
        .band(&r, Lang::Vi)
        .ends_with("P10–P90: 79–83"));
    assert!(RiskMeasure::AvgCriteria
        .band(&r, Lang::Vi)
        .ends_with("P10–P90: 17,46–17,61"));
    let note = draws_note(&r, Lang::En);
    assert!(note.contains("500") && note.contains('7'), "{note}");
    let others = other_chances(&r, Lang::Vi);
    assert!(
        others.contains("17,6") && others.contains("50 %") && others.contains("100 %"),
        "{others}"
    );
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

#[test]
fn the_path_rows_carry_what_the_next_year_receives() {
    use ntm_planner::engine::path::Carry;
    let m = Model::shipped();
    let mut s = Scenario::plan();
    s.disbursement[m.plan.source_index("credit").unwrap()] = Some(0.7);
    let path = Path::default_for(&m.plan, &s);
    let p = path.run(&m);
    let rows = path_rows(&p, &path.carry, Lang::En);
    for (i, row) in rows.iter().enumerate() {
        let here = &p.years[i];
        assert_eq!(row.year, here.year);
        assert_eq!(row.certified, here.outcome.certified.to_string());
        let carried = match p.years.get(i + 1) {
            Some(next) => {
                next.carried_in.iter().sum::<f64>() + next.reserved_in.iter().sum::<f64>()
            }
            None => path.carry.total_out_of(&here.outcome),
        };
        assert_eq!(
            row.carried,
            ntm_planner::text::number::amount(carried, 2, Lang::En)
        );
    }
    // With 70% of the credit arriving, something goes on to the next year.
    assert!(path.carry.total_out_of(&p.years[0].outcome) > 0.0);
    // Nothing carried: nothing goes on.
    let none = Carry {
        undisbursed: 0.0,
        idle: 0.0,
        unused: 0.0,
    };
    assert_eq!(none.total_out_of(&p.years[0].outcome), 0.0);
}

#[test]
fn the_paths_edit_rules_move_its_years_targets_and_scenarios() {
    use ntm_planner::engine::path::Measure;
    use ntm_planner::show::path::*;
    let m = Model::shipped();
    let shipped = Path::default_for(&m.plan, &Scenario::plan());
    let last = last_year(&shipped);
    assert_eq!(last, shipped.first_year + shipped.years as u16 - 1);
    let target = last_target(&shipped, Measure::Certified).expect("a target by the end");
    // Ending two years later: the targets by the end go with it.
    let mut p = shipped.clone();
    set_last_year(&mut p, last + 2);
    assert_eq!(last_year(&p), last + 2);
    assert_eq!(last_target(&p, Measure::Certified), Some(target));
    // Before the first year, or the same year: nothing changes.
    let mut same = p.clone();
    set_last_year(&mut same, p.first_year - 1);
    assert_eq!(same, p);
    // A new target by the end replaces, never adds.
    set_last_target(&mut p, Measure::Certified, target + 5.0);
    assert_eq!(last_target(&p, Measure::Certified), Some(target + 5.0));
    let by_end = p
        .targets
        .iter()
        .filter(|t| t.year == last + 2 && t.measure == Measure::Certified);
    assert_eq!(by_end.count(), 1);
    // Starting four years later moves every year along: the length, targets and scenarios.
    let mut later = shipped.clone();
    let mut own = Scenario::plan();
    own.name = Some("năm thứ hai".into());
    later.set_scenario(shipped.first_year + 1, own.clone());
    set_first_year(&mut later, shipped.first_year + 4);
    assert_eq!(later.years, shipped.years);
    assert_eq!(last_year(&later), last + 4);
    assert_eq!(last_target(&later, Measure::Certified), Some(target));
    assert_eq!(
        later.scenario_for(shipped.first_year + 5).map(|(_, s)| s),
        Some(&own)
    );
    // The first year's scenario is the one given; years past the end are dropped.
    let mut shown = Scenario::plan();
    shown.name = Some("đang xem".into());
    let run = with_scenario(&later, &shown);
    assert_eq!(
        run.scenario_for(later.first_year).map(|(_, s)| s),
        Some(&shown)
    );
    assert!(carries_all(&shipped));
}

#[test]
fn goal_choices_are_an_enum_with_one_key_label_and_default_each() {
    use ntm_planner::engine::goals::{marginal, seek};
    use ntm_planner::engine::path::Measure;
    use ntm_planner::show::goals::{goal_line, margin_rows, GoalChoice};
    let m = Model::shipped();
    let all = GoalChoice::all(&m.plan);
    assert_eq!(all.len(), 5 + m.plan.criteria.len());
    for c in &all {
        assert_eq!(GoalChoice::from_key(&c.key(&m.plan), &m.plan), Some(*c));
        assert!(!c.label(&m.plan, Lang::Vi).is_empty());
    }
    assert_eq!(GoalChoice::from_key("nonsense", &m.plan), None);
    assert_eq!(
        GoalChoice::Reach(Measure::Certified).default_value(&m.plan),
        f64::from(m.plan.targets.certified)
    );
    assert_eq!(
        GoalChoice::Budget.default_value(&m.plan),
        m.plan.funding_total()
    );
    // The lowest commune's criteria: the national standard's 15 of 19, as a share of the
    // plan's criteria (10 in the 2026 plan: 7.9, so 8).
    let lowest = GoalChoice::Reach(Measure::MinCriteria);
    assert_eq!(lowest.default_value(&m.plan), 15.0);
    assert_eq!(
        lowest.default_value(&ntm_planner::engine::Plan::lang_son_2026()),
        8.0
    );
    // An answer names the goal it was sought for.
    let goal = GoalChoice::Reach(Measure::Certified).goal(90.0);
    let answer = seek(&m, &Scenario::plan(), goal);
    assert_eq!(
        GoalChoice::of(&answer),
        GoalChoice::Reach(Measure::Certified)
    );
    let label = GoalChoice::Reach(Measure::Certified).label(&m.plan, Lang::En);
    assert_eq!(
        goal_line(&answer, &m.plan, Lang::En),
        format!("{label}: 90")
    );
    // The margins as rows: one a criterion, signed gains, the criterion named once.
    let margins = marginal(&m, &Scenario::plan(), 100.0);
    let rows = margin_rows(&margins, &m.plan, Lang::Vi);
    assert_eq!(rows.len(), m.plan.criteria.len());
    for (r, g) in rows.iter().zip(&margins) {
        assert_eq!(
            r.criterion,
            criterion_label(&m.plan.criteria[g.item], Lang::Vi)
        );
        assert_eq!(r.certified_gain, format!("{:+}", g.certified_gain));
        assert!(
            r.certified_gain.starts_with(['+', '-']),
            "{}",
            r.certified_gain
        );
    }
}

#[test]
fn each_lever_field_takes_its_scale_limit_decimals_and_unit_from_the_registry() {
    use ntm_planner::engine::lever::{Lever, Value};
    use ntm_planner::engine::scenario::{FULL_DISBURSEMENT, MAX_AMOUNT, MAX_TARGET_COMMUNES};
    use ntm_planner::show::fields::FieldFormat;
    let share = FieldFormat::of(
        Lever::disbursement(0).family(),
        &ntm_planner::engine::Plan::lang_son_2022(),
    );
    assert_eq!(
        (share.scale, share.limit, share.decimals, share.unit),
        (100.0, 100.0, 1, "%")
    );
    assert_eq!(share.shown(0.7), 70.0);
    assert_eq!(share.value(share.shown(0.625)), 0.625);
    let money = FieldFormat::of(
        Lever::funding(0).family(),
        &ntm_planner::engine::Plan::lang_son_2022(),
    );
    assert_eq!(
        (money.scale, money.limit, money.decimals, money.unit),
        (1.0, MAX_AMOUNT, 2, "")
    );
    assert_eq!(money.shown(640.0), 640.0);
    let communes = FieldFormat::of(
        Lever::target_criterion(0).family(),
        &ntm_planner::engine::Plan::lang_son_2022(),
    );
    assert_eq!(
        (communes.limit, communes.decimals, communes.whole),
        (MAX_TARGET_COMMUNES, 0, true)
    );
    assert!(
        !FieldFormat::of(
            Lever::unit_cost(0).family(),
            &ntm_planner::engine::Plan::lang_son_2022()
        )
        .whole
    );
    // The default disbursement is defined once: the registry's and the run's.
    let m = Model::shipped();
    assert_eq!(
        Lever::disbursement(0).default_in(&m),
        Value::Number(FULL_DISBURSEMENT)
    );
    assert!(m
        .levers(&Scenario::plan())
        .disbursement
        .iter()
        .all(|&d| d == FULL_DISBURSEMENT));
}

#[test]
fn a_goals_answer_is_said_once_for_every_surface() {
    use ntm_planner::engine::goals::{seek, Goal, Margin};
    use ntm_planner::engine::path::Measure;
    use ntm_planner::show::goals::{
        against_the_scenario, all_short, goal_line, more_funding_rows, GoalChoice,
    };
    let m = Model::shipped();
    // Labels: the measure's own words, a criterion by its number and name.
    assert_eq!(
        GoalChoice::Reach(Measure::Certified).label(&m.plan, Lang::Vi),
        Lang::Vi.say(t::GOAL_CERTIFIED_COMMUNES)
    );
    let transport = m.plan.criterion_index("transport").unwrap();
    let c = &m.plan.criteria[transport];
    assert_eq!(
        GoalChoice::Reach(Measure::Criterion(transport)).label(&m.plan, Lang::En),
        format!("Criterion {}: {}", c.id, c.name_en)
    );
    assert_eq!(
        GoalChoice::Budget.label(&m.plan, Lang::Vi),
        Lang::Vi.say(t::GOAL_BUDGET_CHOICE)
    );
    // An average goal is written with two decimals, a count without.
    let average = seek(
        &m,
        &Scenario::plan(),
        Goal::Target(Measure::AvgCriteria, 15.0),
    );
    let label = GoalChoice::Reach(Measure::AvgCriteria).label(&m.plan, Lang::Vi);
    assert_eq!(
        goal_line(&average, &m.plan, Lang::Vi),
        format!("{label}: 15,00")
    );
    let budget = seek(&m, &Scenario::plan(), Goal::Budget(3000.0));
    let label = GoalChoice::Budget.label(&m.plan, Lang::En);
    assert_eq!(
        goal_line(&budget, &m.plan, Lang::En),
        format!("{label}: 3,000")
    );
    // More funding: one line a source that would help, "none of it arrives" where it cannot.
    let mut a = average.clone();
    a.more_funding = vec![0.0; 5];
    assert!(more_funding_rows(&a, &m.plan, Lang::Vi).is_empty());
    a.more_funding[1] = 12.5;
    a.more_funding[3] = f64::INFINITY;
    let rows = more_funding_rows(&a, &m.plan, Lang::En);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, m.plan.sources[1].name_en);
    assert_eq!(rows[0].1, "+12.5 billion VND");
    assert_eq!(rows[1].1, Lang::En.say(t::GOAL_SOURCE_NONE_ARRIVES));
    // Against the scenario: a saving at 0 or more, "more" (never a negative saving) below.
    a.saving = 18.5;
    assert_eq!(
        against_the_scenario(&a, Lang::En),
        (
            Lang::En.say(t::SAVING_AGAINST_THE_SCENARIO),
            "18.5".to_string()
        )
    );
    a.saving = 0.0;
    assert_eq!(
        against_the_scenario(&a, Lang::En).0,
        Lang::En.say(t::SAVING_AGAINST_THE_SCENARIO)
    );
    a.saving = -7.25;
    assert_eq!(
        against_the_scenario(&a, Lang::En),
        (
            Lang::En.say(t::GOAL_EXTRA_OVER_SCENARIO),
            "+7.25".to_string()
        )
    );
    // All short: only when there is more to spend, a list, and every row short of it all.
    let margin = |shortfall: f64| Margin {
        item: 0,
        certified_gain: 0,
        criteria_gain: 0,
        shortfall,
    };
    assert!(all_short(&[margin(100.0), margin(150.0)], 100.0));
    assert!(!all_short(&[margin(100.0), margin(99.0)], 100.0));
    assert!(!all_short(&[], 100.0));
    assert!(!all_short(&[margin(0.0)], 0.0));
    assert!(!all_short(&[margin(5.0)], -1.0));
}

#[test]
fn the_paths_sentences_and_edges_of_its_edit_rules() {
    use ntm_planner::engine::path::{Carry, Measure, TargetCheck, YearTarget};
    use ntm_planner::show::headline::band;
    use ntm_planner::show::path::*;
    let m = Model::shipped();
    let mut p = Path::default_for(&m.plan, &Scenario::plan());
    let last = last_year(&p);
    // A target of another year, or of another measure, is not the one by the end.
    p.targets = vec![
        YearTarget {
            year: last - 1,
            measure: Measure::Certified,
            target: 1.0,
        },
        YearTarget {
            year: last,
            measure: Measure::AvgCriteria,
            target: 2.0,
        },
    ];
    assert_eq!(last_target(&p, Measure::Certified), None);
    assert_eq!(last_target(&p, Measure::AvgCriteria), Some(2.0));
    set_last_target(&mut p, Measure::Certified, 9.0);
    assert_eq!(
        p.targets.len(),
        3,
        "added by the end, the other year's kept"
    );
    assert_eq!(last_target(&p, Measure::Certified), Some(9.0));
    // Ending the path in its first year keeps one year; the targets by the end come along
    // and replace that year's own.
    let first = p.first_year;
    let mut one = p.clone();
    one.targets.push(YearTarget {
        year: first,
        measure: Measure::Certified,
        target: 4.0,
    });
    // A measure with no target by the end keeps its own in the new last year.
    for (year, target) in [(first, 12.0), (last - 1, 13.0)] {
        one.targets.push(YearTarget {
            year,
            measure: Measure::MinCriteria,
            target,
        });
    }
    set_last_year(&mut one, first);
    assert_eq!(last_target(&one, Measure::MinCriteria), Some(12.0));
    assert_eq!((one.years, last_year(&one)), (1, first));
    assert_eq!(last_target(&one, Measure::Certified), Some(9.0));
    assert_eq!(
        one.targets
            .iter()
            .filter(|t| t.year == first && t.measure == Measure::Certified)
            .count(),
        1
    );
    // The scenario of a year past the end is dropped from the run, the last year's kept.
    let mut s = Scenario::plan();
    s.name = Some("cuối".into());
    let mut q = p.clone();
    q.set_scenario(last, s.clone());
    q.set_scenario(last + 1, s.clone());
    let run = with_scenario(&q, &Scenario::plan());
    assert!(run.scenarios.iter().any(|(y, _)| *y == last));
    assert!(!run.scenarios.iter().any(|(y, _)| *y == last + 1));
    // Carrying nothing is not carrying all.
    let mut none = p.clone();
    none.carry = Carry {
        undisbursed: 0.0,
        idle: 0.0,
        unused: 0.0,
    };
    assert!(!carries_all(&none));
    // The sentences: the page's short form and the report's, each measure its own words.
    let check = |measure, value: f64, target: f64, met| TargetCheck {
        year: 2025,
        measure,
        target,
        value,
        met,
    };
    let certified = check(Measure::Certified, 87.0, 115.0, false);
    let short = target_sentence(&certified, &m.plan, Lang::En, true);
    let long = target_sentence(&certified, &m.plan, Lang::En, false);
    assert!(
        short.contains("87")
            && short.contains("115")
            && short.ends_with(Lang::En.say(t::NOT_REACHED)),
        "{short}"
    );
    assert_ne!(short, long);
    assert!(long.contains("2025") && long.contains("87"), "{long}");
    let lowest = check(Measure::MinCriteria, 12.0, 15.0, true);
    assert_ne!(
        target_sentence(&lowest, &m.plan, Lang::En, true),
        target_sentence(&lowest, &m.plan, Lang::En, false)
    );
    let avg = target_sentence(
        &check(Measure::AvgCriteria, 14.63, 15.0, false),
        &m.plan,
        Lang::Vi,
        false,
    );
    assert!(
        avg.contains(Lang::Vi.say(t::AVERAGE_CRITERIA_A_COMMUNE)) && avg.contains("14,63"),
        "{avg}"
    );
    let border = target_sentence(
        &check(Measure::BorderAvg, 15.2, 15.0, true),
        &m.plan,
        Lang::Vi,
        false,
    );
    assert!(
        border.contains(Lang::Vi.say(t::BORDER_COMMUNES_AVERAGE))
            && border.contains(Lang::Vi.say(t::REACHED)),
        "{border}"
    );
    let k = m.plan.criterion_index("transport").unwrap();
    let one_criterion = target_sentence(
        &check(Measure::Criterion(k), 100.0, 110.0, false),
        &m.plan,
        Lang::En,
        false,
    );
    assert!(
        one_criterion.contains(&criterion_label(&m.plan.criteria[k], Lang::En)),
        "{one_criterion}"
    );
    // An indicator of the 2026 plan, by its own label.
    let plan_2026 = ntm_planner::engine::Plan::lang_son_2026();
    let j = plan_2026.item_index("transport").unwrap();
    let one_item = target_sentence(
        &check(Measure::Item(j), 30.0, 40.0, false),
        &plan_2026,
        Lang::En,
        false,
    );
    let label = ntm_planner::text::item_label(&plan_2026, j, Lang::En);
    assert!(!label.is_empty() && one_item.contains(&label), "{one_item}");
    // The risk band under a headline figure.
    let spread = ntm_planner::engine::risk::Spread {
        p10: 79.0,
        p50: 80.0,
        p90: 82.0,
        mean: 80.1,
    };
    assert_eq!(band(&spread, 0, Lang::Vi), "rủi ro P10–P90: 79–82");
    assert_eq!(band(&spread, 2, Lang::En), "risk P10–P90: 79.00–82.00");
}

#[test]
fn margin_rows_give_their_cells_in_the_columns_order() {
    use ntm_planner::engine::goals::marginal;
    use ntm_planner::show::goals::{margin_rows, MarginRow};
    let m = Model::shipped();
    let rows = margin_rows(&marginal(&m, &Scenario::plan(), 100.0), &m.plan, Lang::Vi);
    let r = &rows[0];
    assert_eq!(
        r.cells(),
        [
            r.criterion.as_str(),
            &r.certified_gain,
            &r.criteria_gain,
            &r.shortfall
        ]
    );
    assert_eq!(MarginRow::COLUMNS.len(), r.cells().len());
}

#[test]
fn the_first_screen_holds_the_plans_headline_in_the_pages_frame() {
    use ntm_planner::show::first_screen::{escape, first_screen, FIRST_SCREEN_ID};
    let m = Model::shipped();
    let presets = vec!["Kế hoạch <2022> & \"mới\"".to_string()];
    let html = first_screen(&m, &presets, true, Lang::Vi);
    let h = headline(&m, &Scenario::plan(), Lang::Vi);
    assert!(html.starts_with(&format!("<div id=\"{FIRST_SCREEN_ID}\">")));
    for (key, card) in [
        ("certified", &h.certified),
        ("avg-criteria", &h.average),
        ("border-avg", &h.border),
        ("shortfall", &h.shortfall),
        ("idle", &h.idle),
    ] {
        assert!(
            html.contains(&format!("data-first=\"{key}\">{}<", card.figure)),
            "{key}"
        );
        assert!(
            html.contains(&format!(
                "data-first=\"{key}-note\">{}<",
                escape(&card.note)
            )),
            "{key}"
        );
    }
    // The verdicts as the page colours them.
    assert!(html.contains("<div class=\"card ok\"><div class=\"card-label\">Xã đạt chuẩn NTM"));
    assert!(html.contains("<div class=\"card short\"><div class=\"card-label\">Xã biên giới"));
    // Names are text, never markup.
    assert!(html.contains("<option>Kế hoạch &lt;2022&gt; &amp; &quot;mới&quot;</option>"));
    assert_eq!(escape("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
    // The illustrative table is said so; a province's own is not; English is English.
    assert!(html.contains("class=\"banner\""));
    assert!(!first_screen(&m, &presets, false, Lang::Vi).contains("class=\"banner\""));
    let en = first_screen(&m, &presets, false, Lang::En);
    assert!(
        en.contains("Certified communes") && en.contains("<noscript>"),
        "{en}"
    );
    // Nothing in it can be used before the page starts.
    assert_eq!(
        html.matches("<button").count(),
        html.matches("<button type=\"button\" disabled>").count()
            + html
                .matches("<button type=\"button\" class=\"lang\" disabled>")
                .count()
    );
}

#[test]
fn the_headline_writes_a_plans_targets_with_the_decimals_they_have() {
    // The 2026 plan's targets have two decimals, and its border target is one value.
    let plan = ntm_planner::engine::Plan::lang_son_2026();
    let m = Model::new(
        plan.clone(),
        ntm_planner::engine::CommuneTable::shipped_for(&plan).unwrap(),
    );
    let o = m.run(&ntm_planner::engine::Scenario::plan());
    let mut targets = plan.targets.clone();
    targets.avg_criteria_min = 6.89;
    targets.border_avg_min = 6.59;
    targets.border_avg_max = 6.59;
    let h = Headline::of(&o, &targets, Lang::Vi);
    let note = |kind: CardKind| card(&h, kind).note.clone();
    assert_eq!(note(CardKind::Average), "mục tiêu ≥ 6,89");
    assert_eq!(note(CardKind::Border), "mục tiêu ≥ 6,59");
    // The 2022 plan's as before.
    targets.avg_criteria_min = 14.5;
    targets.border_avg_min = 15.0;
    targets.border_avg_max = 15.5;
    let h = Headline::of(&o, &targets, Lang::Vi);
    let note = |kind: CardKind| card(&h, kind).note.clone();
    assert_eq!(note(CardKind::Average), "mục tiêu ≥ 14,5");
    assert_eq!(note(CardKind::Border), "mục tiêu 15–15,5");
}

#[test]
fn a_target_the_plan_does_not_set_is_said_so_and_judged_neither_way() {
    // A plan file may leave out the average's and the border's targets (they read as 0): "at
    // least 0" is no target, and a green mark against it would say the plan was met.
    let plan = ntm_planner::engine::Plan::lang_son_2026();
    let m = Model::new(
        plan.clone(),
        ntm_planner::engine::CommuneTable::shipped_for(&plan).unwrap(),
    );
    let o = m.run(&ntm_planner::engine::Scenario::plan());
    assert!(
        o.border.avg_criteria.is_some(),
        "the table has border communes"
    );
    let mut targets = plan.targets.clone();
    targets.avg_criteria_min = 0.0;
    targets.border_avg_min = 0.0;
    targets.border_avg_max = 0.0;
    for (lang, words) in [
        (Lang::Vi, "kế hoạch không đặt mục tiêu"),
        (Lang::En, "the plan sets no target"),
    ] {
        let h = Headline::of(&o, &targets, lang);
        for kind in [CardKind::Average, CardKind::Border] {
            let card = card(&h, kind);
            assert_eq!(card.note, words, "{kind:?}");
            assert_eq!(card.verdict, Verdict::Neither, "{kind:?}");
        }
    }
    // Either one stated is held to as before.
    targets.border_avg_max = 6.5;
    let h = Headline::of(&o, &targets, Lang::Vi);
    let border = card(&h, CardKind::Border);
    assert_eq!(border.note, "mục tiêu 0–6,5");
    // A floor alone.
    targets.border_avg_min = 6.0;
    targets.border_avg_max = 0.0;
    let h = Headline::of(&o, &targets, Lang::Vi);
    let border = card(&h, CardKind::Border);
    assert_eq!(border.note, "mục tiêu ≥ 6,0");
    assert_ne!(border.verdict, Verdict::Neither);
    targets.avg_criteria_min = 0.5;
    let h = Headline::of(&o, &targets, Lang::Vi);
    let average = card(&h, CardKind::Average);
    assert_eq!(average.note, "mục tiêu ≥ 0,5");
    assert_eq!(average.verdict, Verdict::Reached);
}

#[test]
fn an_indicators_row_holds_its_count_against_its_target_and_its_money() {
    use ntm_planner::engine::outcome::ItemOutcome;
    use ntm_planner::show::rows::CriterionRow;
    let plan = ntm_planner::engine::Plan::lang_son_2026();
    let j = plan.item_index("transport").unwrap();
    let row = |met: u32, shortfall: f64| {
        let r = ItemOutcome {
            id: plan.items[j].id.clone(),
            key: plan.items[j].key.clone(),
            baseline: 20,
            met,
            target: 30,
            investment: 12.5,
            covered: 12.5 - shortfall,
            shortfall,
            unused: 0.0,
        };
        CriterionRow::of_item(&plan, j, &r, Lang::En)
    };
    let short = row(27, 2.5);
    assert_eq!(
        (short.gap.as_str(), short.verdict, short.short),
        ("-3", Verdict::Short, true)
    );
    assert_eq!(
        short.label,
        ntm_planner::text::item_label(&plan, j, Lang::En)
    );
    assert_eq!(
        (
            short.baseline.as_str(),
            short.met.as_str(),
            short.target.as_str()
        ),
        ("20", "27", "30")
    );
    let at = row(30, 0.0);
    assert_eq!(
        (at.gap.as_str(), at.verdict, at.short),
        ("0", Verdict::Reached, false)
    );
    let beyond = row(33, 0.0);
    assert_eq!(
        (beyond.gap.as_str(), beyond.verdict),
        ("+3", Verdict::Reached)
    );
}
