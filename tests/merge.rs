//! Carrying a table into today's communes (model.md §8.4), worked by hand: three communes into
//! one, a divided commune, across criteria sets with `from`, an item with no `from`; the
//! mapping's problems; `ntm merge`.

mod common;

use common::row;
use ntm_planner::engine::merge::{merge, MappingRow, MergeProblem};
use ntm_planner::engine::{CommuneTable, Model, Plan};
use ntm_planner::formats::merge::read_mapping;
use ntm_planner::text::Lang;

const TRANSPORT: usize = 1;
const IRRIGATION: usize = 2;
const COMMERCE: usize = 6;

/// a, b and c go into U1 (group 1); d, on the border, into U2 (group 3).
fn old() -> Model {
    common::model(&[
        row("a", &[TRANSPORT], 10.0),
        row("b", &[IRRIGATION], 4.0),
        row("c", &[], 0.0),
        row("d", &[TRANSPORT, COMMERCE], 7.0).border(),
    ])
}

const MAPPING: &str = "commune_code,commune,code_2025,name_2025,group,split_also_into\n\
a,A,U1,Xã Một,1,\n\
b,B,U1,Xã Một,1,\n\
c,C,U1,Xã Một,1,U2\n\
d,D,U2,Xã Hai,3,\n\
zz,Not in the table,U9,Xã Chín,2,\n";

fn mapping() -> Vec<MappingRow> {
    read_mapping(MAPPING.as_bytes(), "map.csv").unwrap()
}

fn carry_plan() -> Plan {
    Plan::from_file(
        include_str!("fixtures/plans/carry-2026.json"),
        "carry-2026.json",
    )
    .unwrap()
}

#[test]
fn three_communes_into_one_keep_what_all_three_had_and_sum_what_they_lack() {
    let old = old();
    let merged = merge(&old, &mapping(), &old.plan, true).unwrap();
    let ids: Vec<&str> = merged.communes.iter().map(|c| c.id.as_str()).collect();
    // In the order of their first part; the mapping's row for a commune not in the table is
    // ignored; c, divided between U1 and U2, goes whole to U1.
    assert_eq!(ids, ["U1", "U2"]);
    let u1 = &merged.communes[0];
    assert_eq!(u1.name, "Xã Một");
    assert!(!u1.meets(TRANSPORT) && !u1.meets(IRRIGATION));
    assert_eq!(u1.meets.count_ones(), 17);
    assert_eq!(u1.cost[TRANSPORT], Some(10.0));
    assert_eq!(u1.cost[IRRIGATION], Some(4.0));
    // Met by every part: written, and 0.
    assert_eq!(u1.cost[0], Some(0.0));
    assert!(!u1.border);
    let u2 = &merged.communes[1];
    assert!(u2.border, "a unit with a border part is on the border");
    assert_eq!(
        (u2.cost[TRANSPORT], u2.cost[COMMERCE]),
        (Some(7.0), Some(7.0))
    );
    // The new table reads back as the 2022 plan's, without districts.
    let csv = merged.to_csv(&old.plan);
    assert!(csv.starts_with("id,name,border,"), "{csv}");
    let back = CommuneTable::from_csv(csv.as_bytes(), &old.plan, "merged.csv").unwrap();
    assert_eq!(back, merged);
}

#[test]
fn a_default_cost_is_the_old_plans_rule_for_the_part() {
    let mut rows = vec![
        row("a", &[TRANSPORT], 10.0),
        row("b", &[TRANSPORT], 0.0).border(),
    ];
    rows[1].cost[TRANSPORT] = None;
    let old = common::model(&rows);
    let map = read_mapping(b"commune_code,code_2025,name_2025\na,U,X\nb,U,X\n", "m.csv").unwrap();
    let merged = merge(&old, &map, &old.plan, true).unwrap();
    // b's default: transport's unit cost × 1.3 on the border.
    let default = old.plan.items[TRANSPORT].unit_cost * 1.3;
    assert_eq!(merged.communes[0].cost[TRANSPORT], Some(10.0 + default));
}

#[test]
fn across_criteria_sets_an_item_is_made_of_the_old_items_its_from_names() {
    let old = old();
    let new = carry_plan();
    let merged = merge(&old, &mapping(), &new, false).unwrap();
    let item = |key: &str| new.item_index(key).unwrap();
    let (u1, u2) = (&merged.communes[0], &merged.communes[1]);
    assert_eq!((u1.group, u2.group), (0, 2));
    // Planning: every part had it.
    assert!(u1.meets(item("planning")) && u2.meets(item("planning")));
    // Roads and irrigation, of transport and irrigation: a lacks transport, b irrigation.
    let roads = item("roads-and-water");
    assert!(!u1.meets(roads));
    assert_eq!(u1.cost[roads], Some(14.0));
    assert_eq!(u2.cost[roads], Some(7.0));
    // Markets, of commerce: U1's parts all had it; U2 is in group 3, where it is not assessed.
    let markets = item("markets");
    assert!(u1.meets(markets));
    assert_eq!(u1.cost[markets], Some(0.0));
    assert_eq!(u2.cost[markets], None);
    assert!(
        u2.meets(markets),
        "not assessed in its group: counted as met"
    );
    // Digital has no `from`: unmet, the new plan's default cost.
    let digital = item("digital");
    assert!(!u1.meets(digital) && !u2.meets(digital));
    assert_eq!(u1.cost[digital], None);
    let csv = merged.to_csv(&new);
    assert_eq!(
        csv,
        "id,name,group,border,difficult,priority,tc1,tc2.1,tc2.2,tc3,cost1,cost2.1,cost2.2,cost3\n\
         U1,Xã Một,1,0,0,0,1,0,1,0,0,14,0,\n\
         U2,Xã Hai,3,1,0,0,1,0,,0,0,7,,\n"
    );
    // Readable by `run` for the new plan.
    let back = CommuneTable::from_csv(csv.as_bytes(), &new, "merged.csv").unwrap();
    let model = Model::new(new, back);
    assert_eq!(model.certified_baseline(), 0);
}

#[test]
fn a_mapping_that_cannot_carry_the_table_is_refused_naming_the_row() {
    let old = old();
    let new = carry_plan();
    let cases: [(&str, MergeProblem, &str); 5] = [
        (
            "commune_code,code_2025,name_2025\na,U1,X\nb,U1,X\nc,U1,X\na,U2,Y\nd,U2,Y\n",
            MergeProblem::ListedTwice {
                id: "a".into(),
                first_line: 2,
                line: 5,
            },
            "the commune a is listed twice (lines 2 and 5)",
        ),
        (
            "commune_code,code_2025,name_2025,group\na,U1,X,1\nb,U1,X,1\nc,U1,X,1\n",
            MergeProblem::NotMapped {
                id: "d".into(),
                row: 5,
            },
            "the commune d (line 5 of the commune table) is not in the mapping",
        ),
        (
            "commune_code,code_2025,name_2025,group\na,U1,X,1\nb,U1,X,1\nc,U1,X,1\nd,U2,Y,\n",
            MergeProblem::NoGroup { line: 5 },
            "line 5: no commune group (the new plan has groups)",
        ),
        (
            "commune_code,code_2025,name_2025,group\na,U1,X,1\nb,U1,X,2\nc,U1,X,1\nd,U2,Y,3\n",
            MergeProblem::GroupsDisagree {
                code: "U1".into(),
                first: "1".into(),
                second: "2".into(),
                line: 3,
            },
            "line 3: the unit U1 is given the group \"1\" and the group \"2\"",
        ),
        (
            "commune_code,code_2025,name_2025,group\na,U1,X,1\nb,U1,X,1\nc,U1,X,1\nd,U2,Y,7\n",
            MergeProblem::UnknownGroup {
                line: 5,
                group: "7".into(),
            },
            "line 5: the commune group \"7\" is not one of the new plan's",
        ),
    ];
    for (csv, problem, said) in cases {
        let rows = read_mapping(csv.as_bytes(), "map.csv").unwrap();
        let err = merge(&old, &rows, &new, false).unwrap_err();
        assert_eq!(err, problem);
        let input = ntm_planner::formats::error::InputError::merge("map.csv", err);
        assert_eq!(input.message(Lang::En), format!("map.csv: {said}"));
        assert!(input.message(Lang::Vi).starts_with("map.csv: "));
    }
    let mut unknown = new.clone();
    unknown.items[0].from = Some(vec!["roads".into()]);
    assert_eq!(
        merge(&old, &mapping(), &unknown, false).unwrap_err(),
        MergeProblem::UnknownFrom {
            item: "planning".into(),
            key: "roads".into()
        }
    );
    let err = read_mapping(b"commune_code,name_2025\na,X\n", "map.csv").unwrap_err();
    assert!(
        err.message(Lang::En).contains("code_2025"),
        "{}",
        err.message(Lang::En)
    );
}

fn ntm(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_ntm"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn ntm_merge_carries_the_shipped_table_into_lang_sons_units_of_2025() {
    let root = env!("CARGO_MANIFEST_DIR");
    let communes = format!("{root}/seeds/communes.csv");
    let mapping = format!("{root}/seeds/admin/merge-lang-son-2025.csv");
    let out = ntm(&["merge", "--communes", &communes, "--mapping", &mapping]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let plan = Plan::lang_son_2022();
    let merged = CommuneTable::from_csv(csv.as_bytes(), &plan, "merged.csv").unwrap();
    // 181 communes into 61 communes and 4 wards.
    assert_eq!(merged.communes.len(), 65);
    let old = Model::shipped();
    let new = Model::new(plan, merged);
    assert!(new.certified_baseline() < old.certified_baseline());
    // Across criteria sets, with the groups of the mapping.
    let dir = std::env::temp_dir().join(format!("ntm-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let map = dir.join("map.csv");
    let mut text = String::from("commune_code,code_2025,name_2025,group\n");
    for c in &old.table.communes {
        text.push_str(&format!("{},{}X,Xã {},2\n", c.id, &c.id[..4], &c.id[..4]));
    }
    std::fs::write(&map, text).unwrap();
    let carry = format!("{root}/tests/fixtures/plans/carry-2026.json");
    let out = ntm(&[
        "merge",
        "--communes",
        &communes,
        "--mapping",
        map.to_str().unwrap(),
        "--plan",
        &carry,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("id,name,group,border,"), "{csv}");
    let merged = dir.join("merged.csv");
    std::fs::write(&merged, &csv).unwrap();
    let run = ntm(&[
        "run",
        "--plan",
        &carry,
        "--communes",
        merged.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // Without a mapping: one message naming what merge needs.
    let out = ntm(&["merge", "--communes", &communes, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--mapping"));
}

#[test]
fn an_item_whose_old_items_apply_to_no_part_is_unmet_with_the_new_plans_cost() {
    // The old plan's markets are assessed in groups 1 and 2 only: B and D (group 3) have none.
    let old_plan = Plan::from_file(include_str!("fixtures/plans/tinh-x-2027.json"), "old").unwrap();
    let old_table = CommuneTable::from_csv(
        include_str!("fixtures/plans/tinh-x-2027-communes.csv").as_bytes(),
        &old_plan,
        "old.csv",
    )
    .unwrap();
    let old = Model::new(old_plan, old_table);
    let new = Plan::from_file(
        r#"{"key": "x-new", "province": "X", "year": 2028,
            "criteria": [{"id": 1, "key": "trade", "name_vi": "Chợ", "name_en": "Markets",
                          "unit_cost": 1, "from": ["markets", "markets"]}],
            "sources": [{"key": "central", "name_vi": "TW", "name_en": "Central", "amount": 1}],
            "targets": {"certified": 1}}"#,
        "new",
    )
    .unwrap();
    let map = read_mapping(
        b"commune_code,code_2025,name_2025\nA,V,Ve\nB,U,U\nC,V,Ve\nD,U,U\n",
        "m.csv",
    )
    .unwrap();
    let merged = merge(&old, &map, &new, false).unwrap();
    let (v, u) = (&merged.communes[0], &merged.communes[1]);
    assert_eq!((v.id.as_str(), u.id.as_str()), ("V", "U"));
    // V: A lacks markets (its default 6), C too (its cell 5); a key listed twice counts once.
    assert!(!v.meets(0));
    assert_eq!(v.cost[0], Some(11.0));
    // U: no part where markets apply: unmet, its cost left to the new plan.
    assert!(!u.meets(0));
    assert_eq!(u.cost[0], None);
}
