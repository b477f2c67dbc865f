//! The plan check (`ntm check-plan`), typed: the shipped plan's six findings derived by hand
//! from the seed's figures, and each rule on a plan changed at its edge.

use ntm_planner::engine::check::{agrees, check_plan, stated, Finding};
use ntm_planner::engine::Plan;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// The findings of one kind, in the plan's order.
fn of_kind(findings: &[Finding], kind: fn(&Finding) -> bool) -> Vec<Finding> {
    findings.iter().filter(|f| kind(f)).cloned().collect()
}

#[test]
fn the_shipped_plan_has_exactly_its_six_findings_worked_out_by_hand() {
    let plan = Plan::lang_son_2022();
    let findings = check_plan(&plan);
    // By hand from seeds/lang-son-2022.json: the sources 640 + 580 + 80 + 3,200 + 270 add up to
    // 4,770, the stated total is 4,760.
    // Enterprises (III.3): 80 / 4,760 = 1.681 % against "1,4"; 80 / 4,770 = 1.677 %; 70 (the
    // amount that makes the sum 4,760) is 1.471 %, closer to 1.4.
    // Credit (III.4): 3,200 / 4,760 = 67.227 % against "67,3"; 3,190 is 67.017 %, further.
    // TC14: 180 / 181 = 99.448 % against "99,5"; TC19: 175 / 181 = 96.685 % against "96,6".
    // 08/2021/NQ-HĐND is dated 2019-12-10. The shares add up to 100.0; every criterion's
    // target is at least the 85 certified; 75 + 10 = 85; 2,648 / 181 = 14.63 ≥ 14.5.
    assert_eq!(findings.len(), 6, "{findings:#?}");
    assert_eq!(
        findings[0],
        Finding::StatedTotal {
            stated: 4760.0,
            sum: 4770.0
        }
    );
    match &findings[1] {
        Finding::SourceShare {
            source: 2,
            share,
            of_total,
            of_sum,
            fitting: Some(fitting),
        } => {
            assert!(close(*share, 1.4));
            assert!(close(*of_total, 8000.0 / 4760.0), "{of_total}");
            assert!(close(*of_sum, 8000.0 / 4770.0), "{of_sum}");
            assert!(close(*fitting, 70.0), "{fitting}");
        }
        other => panic!("enterprises' share: {other:?}"),
    }
    match &findings[2] {
        Finding::SourceShare {
            source: 3,
            share,
            of_total,
            of_sum,
            fitting: None,
        } => {
            assert!(close(*share, 67.3));
            assert!(close(*of_total, 320_000.0 / 4760.0), "{of_total}");
            assert!(close(*of_sum, 320_000.0 / 4770.0), "{of_sum}");
        }
        other => panic!("credit's share: {other:?}"),
    }
    // TC14 and TC19: (criterion index, stated share, target over the 181 communes).
    for (finding, (criterion, stated, target)) in findings[3..5]
        .iter()
        .zip([(13, 99.5, 180.0), (18, 96.6, 175.0)])
    {
        match finding {
            Finding::CriterionShare {
                criterion: k,
                share,
                exact,
                decimals: 1,
            } if *k == criterion => {
                assert!(close(*share, stated));
                assert!(close(*exact, 100.0 * target / 181.0), "{exact}");
            }
            other => panic!("TC{}: {other:?}", criterion + 1),
        }
    }
    assert_eq!(
        findings[5],
        Finding::ReferenceDate {
            reference: 4,
            number_year: 2021,
            date_year: 2019
        }
    );
    assert_eq!(findings[3].location(&plan), "I.2, TC14");
    assert_eq!(findings[1].location(&plan), "III.3");
}

#[test]
fn sources_that_add_up_to_the_stated_total_are_not_reported() {
    let mut plan = Plan::lang_son_2022();
    plan.stated_total.as_mut().unwrap().amount = 4770.0;
    let findings = check_plan(&plan);
    assert!(
        !findings
            .iter()
            .any(|f| matches!(f, Finding::StatedTotal { .. })),
        "{findings:#?}"
    );
    // Over 4,770 credit is 67.09 % (still not 67.3) and the amount that fits is the amount
    // itself, which comes no closer: no fitting amount.
    let shares = of_kind(&findings, |f| matches!(f, Finding::SourceShare { .. }));
    assert!(
        shares.iter().all(|f| matches!(
            f,
            Finding::SourceShare {
                fitting: None,
                of_total,
                of_sum,
                ..
            } if close(*of_total, *of_sum)
        )),
        "{shares:#?}"
    );
    // A sum short of the total by a little more than rounding is reported.
    plan.stated_total.as_mut().unwrap().amount = 4770.0 + 1e-6;
    assert!(matches!(check_plan(&plan)[0], Finding::StatedTotal { .. }));
}

#[test]
fn a_fitting_amount_is_offered_only_when_it_is_above_zero() {
    let mut plan = Plan::lang_son_2022();
    // Enterprises' 80, stated as 0 %, against a total 80 below the sum: the amount that would
    // fit is 0, which would match the share exactly but is no amount to offer.
    plan.sources[2].stated_share = "0".into();
    plan.stated_total.as_mut().unwrap().amount = 4690.0;
    let enterprises = of_kind(&check_plan(&plan), |f| {
        matches!(f, Finding::SourceShare { source: 2, .. })
    });
    assert!(
        matches!(
            enterprises.as_slice(),
            [Finding::SourceShare { fitting: None, .. }]
        ),
        "{enterprises:?}"
    );
    // 10 above nothing fits, and comes closer to a stated 0,2 % than 80 does.
    plan.sources[2].stated_share = "0,2".into();
    plan.stated_total.as_mut().unwrap().amount = 4700.0;
    let enterprises = of_kind(&check_plan(&plan), |f| {
        matches!(f, Finding::SourceShare { source: 2, .. })
    });
    match enterprises.as_slice() {
        [Finding::SourceShare {
            fitting: Some(f), ..
        }] => assert!(close(*f, 10.0), "{f}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn stated_shares_that_do_not_add_up_to_a_hundred_are_reported() {
    let mut plan = Plan::lang_son_2022();
    plan.sources[0].stated_share = "13,5".into();
    let sums = of_kind(&check_plan(&plan), |f| {
        matches!(f, Finding::SharesSum { .. })
    });
    match sums.as_slice() {
        [Finding::SharesSum { sum }] => assert!(close(*sum, 100.1), "{sum}"),
        other => panic!("{other:?}"),
    }
    // 100.04 is 100 as the plan rounds: not reported; an unreadable share is left out.
    plan.sources[0].stated_share = "13,44".into();
    assert!(!check_plan(&plan)
        .iter()
        .any(|f| matches!(f, Finding::SharesSum { .. })));
    plan.sources[0].stated_share = "không rõ".into();
    let findings = check_plan(&plan);
    assert!(
        findings
            .iter()
            .any(|f| matches!(f, Finding::SharesSum { sum } if close(*sum, 86.6))),
        "{findings:#?}"
    );
    assert!(!findings
        .iter()
        .any(|f| matches!(f, Finding::SourceShare { source: 0, .. })));
}

#[test]
fn a_criterion_below_the_certified_target_is_reported_and_one_at_it_is_not() {
    let mut plan = Plan::lang_son_2022();
    plan.criteria[4].target = 84;
    plan.criteria[4].stated_share = None;
    plan.criteria[5].target = 85;
    plan.criteria[5].stated_share = None;
    let below = of_kind(&check_plan(&plan), |f| {
        matches!(f, Finding::CriterionBelowCertified { .. })
    });
    assert_eq!(
        below,
        vec![Finding::CriterionBelowCertified { criterion: 4 }]
    );
    assert_eq!(below[0].location(&plan), "I.2, TC5");
}

#[test]
fn a_criterion_target_or_a_count_of_communes_left_unstated_is_not_checked() {
    // A plan file may state neither (both read as 0): neither alone makes a finding.
    let below_or_share = |f: &Finding| {
        matches!(
            f,
            Finding::CriterionBelowCertified { criterion: 4 }
                | Finding::CriterionShare { criterion: 4, .. }
        )
    };
    let mut plan = Plan::lang_son_2022();
    plan.criteria[4].target = 0;
    assert!(of_kind(&check_plan(&plan), below_or_share).is_empty());
    let mut plan = Plan::lang_son_2022();
    plan.criteria[4].target = 84;
    plan.communes_total = 0;
    assert!(of_kind(&check_plan(&plan), below_or_share).is_empty());
}

#[test]
fn certified_at_the_start_and_newly_certified_must_add_up_to_the_target() {
    let mut plan = Plan::lang_son_2022();
    plan.targets.newly_certified = 11;
    assert!(check_plan(&plan).contains(&Finding::CertifiedSum));
    assert_eq!(Finding::CertifiedSum.location(&plan), "I.1");
    plan.targets.certified_baseline = 74;
    assert!(!check_plan(&plan).contains(&Finding::CertifiedSum));
}

#[test]
fn criteria_targets_below_the_average_target_are_reported() {
    let mut plan = Plan::lang_son_2022();
    // The targets add up to 2,648: 14.63 criteria a commune.
    let implied = 2648.0 / 181.0;
    plan.targets.avg_criteria_min = implied;
    assert!(!check_plan(&plan)
        .iter()
        .any(|f| matches!(f, Finding::AverageBelow { .. })));
    // Within a billionth (rounding of the division) is not below.
    plan.targets.avg_criteria_min = implied + 1e-9;
    assert!(!check_plan(&plan)
        .iter()
        .any(|f| matches!(f, Finding::AverageBelow { .. })));
    plan.targets.avg_criteria_min = 14.7;
    let findings = check_plan(&plan);
    match of_kind(&findings, |f| matches!(f, Finding::AverageBelow { .. })).as_slice() {
        [Finding::AverageBelow { implied: got }] => assert!(close(*got, implied), "{got}"),
        other => panic!("{other:?}"),
    }
    // A criterion whose target the plan leaves out (0) implies no average, nor does a plan
    // that states no count of communes.
    let below = |plan: &Plan| {
        check_plan(plan)
            .iter()
            .any(|f| matches!(f, Finding::AverageBelow { .. }))
    };
    let mut unstated = plan.clone();
    unstated.criteria[3].target = 0;
    assert!(!below(&unstated));
    let mut uncounted = plan.clone();
    uncounted.communes_total = 0;
    assert!(!below(&uncounted));
}

#[test]
fn stated_figures_are_read_and_compared_as_the_plan_writes_them() {
    assert_eq!(stated(" 1.234,5 "), Some((1234.5, 1)));
    assert_eq!(stated("12"), Some((12.0, 0)));
    assert_eq!(stated("1,25"), Some((1.25, 2)));
    assert_eq!(stated("về cơ bản"), None);
    // 96.685 shows as 96.7, not 96.6; 56.35 as 56; 1.25 rounds to itself at two decimals.
    assert!(agrees(96.685, 96.7, 1));
    assert!(!agrees(96.685, 96.6, 1));
    assert!(agrees(56.35, 56.0, 0));
    assert!(!agrees(56.5, 56.0, 0));
    assert!(agrees(1.25, 1.25, 2));
    assert!(!agrees(1.26, 1.25, 2));
}

#[test]
fn targets_beyond_the_table_are_those_above_its_communes_and_only_those() {
    use ntm_planner::engine::check::{beyond_the_table, BeyondTheTable};
    // Equal to the communes is reachable; one more is not.
    assert_eq!(beyond_the_table(65, 65, [65, 64, 0]), None);
    assert_eq!(
        beyond_the_table(65, 66, [65, 66, 0, 181]),
        Some(BeyondTheTable {
            communes: 65,
            certified: Some(66),
            criteria: vec![(1, 66), (3, 181)],
        })
    );
    // A criterion alone, or the certified target alone, is enough to say so.
    assert_eq!(
        beyond_the_table(10, 5, [11]).map(|b| (b.certified, b.criteria)),
        Some((None, vec![(0, 11)]))
    );
    assert_eq!(
        beyond_the_table(10, 11, [1]).map(|b| (b.certified, b.criteria)),
        Some((Some(11), vec![]))
    );
    // The shipped plan fits its own 181 communes.
    let plan = Plan::lang_son_2022();
    assert_eq!(
        beyond_the_table(
            plan.communes_total,
            plan.targets.certified,
            plan.criteria.iter().map(|c| c.target)
        ),
        None
    );
}

#[test]
fn the_sentence_names_the_first_five_and_counts_the_rest_in_both_languages() {
    use ntm_planner::engine::check::beyond_the_table;
    use ntm_planner::text::check::say_beyond_the_table;
    use ntm_planner::text::Lang;
    let plan = Plan::lang_son_2022();
    // 65 communes: 85 certified, and every criterion whose target is above 65.
    let beyond = beyond_the_table(65, 85, plan.criteria.iter().map(|c| c.target)).expect("85 > 65");
    let above = plan.criteria.iter().filter(|c| c.target > 65).count();
    let vi = say_beyond_the_table(&beyond, &plan, Lang::Vi);
    let first = &plan.criteria[beyond.criteria[0].0];
    assert!(
        vi.starts_with(&format!(
            "Bảng xã đang dùng có 65 xã; chỉ tiêu lớn hơn số đó không thể đạt ({}): xã đạt chuẩn NTM (mục tiêu 85); {} (mục tiêu {});",
            above + 1,
            first.name_vi,
            first.target
        )),
        "{vi}"
    );
    assert!(
        vi.contains(&format!("và {} chỉ tiêu khác.", above + 1 - 5)),
        "{vi}"
    );
    let fifth = &plan.criteria[beyond.criteria[3].0];
    let sixth = &plan.criteria[beyond.criteria[4].0];
    assert!(
        vi.contains(&fifth.name_vi) && !vi.contains(&format!("{} (", sixth.name_vi)),
        "{vi}"
    );
    let en = say_beyond_the_table(&beyond, &plan, Lang::En);
    assert!(
        en.starts_with("The commune table in use has 65 communes;")
            && en.contains(&format!("{} (target {})", first.name_en, first.target))
            && en.contains(&format!("and {} more.", above + 1 - 5)),
        "{en}"
    );
    // Five or fewer: all named, none counted.
    let few = beyond_the_table(65, 85, [70, 80]).unwrap();
    let said = say_beyond_the_table(&few, &plan, Lang::Vi);
    assert!(
        said.contains("(3)") && !said.contains("chỉ tiêu khác"),
        "{said}"
    );
    // Exactly five: all named; six: five named and one counted.
    let five = beyond_the_table(65, 85, [70, 80, 90, 100]).unwrap();
    let said = say_beyond_the_table(&five, &plan, Lang::Vi);
    assert!(
        said.contains("(5)") && !said.contains("chỉ tiêu khác"),
        "{said}"
    );
    assert!(
        said.contains(&format!("{} (mục tiêu 100)", plan.criteria[3].name_vi)),
        "{said}"
    );
    let six = beyond_the_table(65, 85, [70, 80, 90, 100, 110]).unwrap();
    let said = say_beyond_the_table(&six, &plan, Lang::Vi);
    assert!(
        said.contains("(6)") && said.contains("và 1 chỉ tiêu khác."),
        "{said}"
    );
    assert!(!said.contains("(mục tiêu 110)"), "{said}");
}
