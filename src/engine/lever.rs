//! The lever registry: one descriptor per kind of lever (what a planner sets in a scenario),
//! read by everything that handles levers — the scenario file, the link, undo, the page, the
//! report and the explanation of what changed. Adding a lever is a row of [`FAMILIES`], a
//! variant of [`Lever`], the field of [`Scenario`] it lives in, and the engine code that uses it.

use super::plan::{ItemSet, Plan};
use super::run::Model;
use super::scenario::{Scenario, Strategy, MAX_AMOUNT, MAX_TARGET_COMMUNES};

/// What a lever is set per.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// One value for the whole scenario.
    One,
    /// One value a funding source.
    Source,
    /// One value an item (a criterion that is its own item, or an indicator).
    Item,
}

/// What a lever's value is, and so how it is read and checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// The serving order, one of [`Strategy::ALL`].
    Order,
    /// Billion VND, 0 to `max`.
    Amount { max: f64 },
    /// A share of a pledge that arrives, 0 to 1.
    Share,
    /// The items a source may pay for.
    Items,
    /// A whole count (communes), 0 to `max`.
    Whole { max: f64 },
    /// Criteria a commune, 0 to the plan's number of criteria.
    CriteriaCount,
}

/// The unit a lever is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    None,
    BillionVnd,
    /// Shown as a percentage.
    Share,
    Communes,
    CriteriaACommune,
    BillionVndACommune,
}

/// One kind of lever.
#[derive(Debug)]
pub struct Family {
    /// The lever's name in code and in the sentence catalogue: `funding`.
    pub key: &'static str,
    /// Where it sits in a scenario file (model.md §4): `["funding"]` holds one value a source
    /// under `funding.<source>`; `["targets", "criteria"]` one a criterion.
    pub path: &'static [&'static str],
    /// Its key in a link: a prefix (`f` → `f.credit`) for levers per source or criterion, the
    /// whole key (`s`, `t.certified`) for one value.
    pub link: &'static str,
    pub per: Per,
    pub kind: Kind,
    pub unit: Unit,
}

/// Every kind of lever, in the order files and links write them.
pub const FAMILIES: [Family; 11] = [
    Family {
        key: "strategy",
        path: &["strategy"],
        link: "s",
        per: Per::One,
        kind: Kind::Order,
        unit: Unit::None,
    },
    Family {
        key: "funding",
        path: &["funding"],
        link: "f",
        per: Per::Source,
        kind: Kind::Amount { max: MAX_AMOUNT },
        unit: Unit::BillionVnd,
    },
    Family {
        key: "disbursement",
        path: &["disbursement"],
        link: "d",
        per: Per::Source,
        kind: Kind::Share,
        unit: Unit::Share,
    },
    Family {
        key: "investment",
        path: &["investment"],
        link: "i",
        per: Per::Item,
        kind: Kind::Amount { max: MAX_AMOUNT },
        unit: Unit::BillionVnd,
    },
    Family {
        key: "eligibility",
        path: &["eligibility"],
        link: "e",
        per: Per::Source,
        kind: Kind::Items,
        unit: Unit::None,
    },
    Family {
        key: "unit_costs",
        path: &["unit_costs"],
        link: "u",
        per: Per::Item,
        kind: Kind::Amount { max: MAX_AMOUNT },
        unit: Unit::BillionVndACommune,
    },
    Family {
        key: "target_certified",
        path: &["targets", "certified"],
        link: "t.certified",
        per: Per::One,
        kind: Kind::Whole {
            max: MAX_TARGET_COMMUNES,
        },
        unit: Unit::Communes,
    },
    Family {
        key: "target_average",
        path: &["targets", "avg_criteria"],
        link: "t.avg_criteria",
        per: Per::One,
        kind: Kind::CriteriaCount,
        unit: Unit::CriteriaACommune,
    },
    Family {
        key: "target_border_min",
        path: &["targets", "border_avg_min"],
        link: "t.border_avg_min",
        per: Per::One,
        kind: Kind::CriteriaCount,
        unit: Unit::CriteriaACommune,
    },
    Family {
        key: "target_border_max",
        path: &["targets", "border_avg_max"],
        link: "t.border_avg_max",
        per: Per::One,
        kind: Kind::CriteriaCount,
        unit: Unit::CriteriaACommune,
    },
    Family {
        key: "target_criterion",
        path: &["targets", "criteria"],
        link: "t",
        per: Per::Item,
        kind: Kind::Whole {
            max: MAX_TARGET_COMMUNES,
        },
        unit: Unit::Communes,
    },
];

/// One lever: a family and, for levers per source or criterion, which one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lever {
    /// Index into [`FAMILIES`].
    pub family: usize,
    /// The source or criterion (0 for a lever of one value).
    pub item: usize,
}

/// A lever's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Order(Strategy),
    Number(f64),
    /// Bit j set: item j.
    Items(ItemSet),
}

impl Value {
    pub fn number(self) -> Option<f64> {
        match self {
            Value::Number(x) => Some(x),
            _ => None,
        }
    }
}

impl Family {
    /// How many levers of this kind the plan has.
    pub fn count(&self, plan: &Plan) -> usize {
        match self.per {
            Per::One => 1,
            Per::Source => plan.sources.len(),
            Per::Item => plan.items.len(),
        }
    }
}

/// The index of a family in [`FAMILIES`] by its key (a build defect if unknown).
const fn family(key: &str) -> usize {
    let mut i = 0;
    while i < FAMILIES.len() {
        if const_eq(FAMILIES[i].key, key) {
            return i;
        }
        i += 1;
    }
    panic!("no such lever family");
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

pub const STRATEGY: usize = family("strategy");
pub const FUNDING: usize = family("funding");
pub const DISBURSEMENT: usize = family("disbursement");
pub const INVESTMENT: usize = family("investment");
pub const ELIGIBILITY: usize = family("eligibility");
pub const UNIT_COSTS: usize = family("unit_costs");
pub const TARGET_CERTIFIED: usize = family("target_certified");
pub const TARGET_AVERAGE: usize = family("target_average");
pub const TARGET_BORDER_MIN: usize = family("target_border_min");
pub const TARGET_BORDER_MAX: usize = family("target_border_max");
pub const TARGET_CRITERION: usize = family("target_criterion");

impl Lever {
    pub const fn new(family: usize, item: usize) -> Lever {
        Lever { family, item }
    }
    pub const fn strategy() -> Lever {
        Lever::new(STRATEGY, 0)
    }
    pub const fn funding(source: usize) -> Lever {
        Lever::new(FUNDING, source)
    }
    pub const fn disbursement(source: usize) -> Lever {
        Lever::new(DISBURSEMENT, source)
    }
    pub const fn investment(criterion: usize) -> Lever {
        Lever::new(INVESTMENT, criterion)
    }
    pub const fn eligibility(source: usize) -> Lever {
        Lever::new(ELIGIBILITY, source)
    }
    pub const fn unit_cost(criterion: usize) -> Lever {
        Lever::new(UNIT_COSTS, criterion)
    }
    pub const fn target_criterion(criterion: usize) -> Lever {
        Lever::new(TARGET_CRITERION, criterion)
    }

    pub fn family(self) -> &'static Family {
        &FAMILIES[self.family]
    }

    /// Every lever, in the order files and links write them.
    pub fn all(plan: &Plan) -> impl Iterator<Item = Lever> + '_ {
        (0..FAMILIES.len())
            .flat_map(move |f| (0..FAMILIES[f].count(plan)).map(move |i| Lever::new(f, i)))
    }

    /// The lever of a family whose item is named `key` in the plan (a source or a criterion).
    pub fn of(family: usize, key: &str, plan: &Plan) -> Option<Lever> {
        let item = match FAMILIES[family].per {
            Per::One => return None,
            Per::Source => plan.source_index(key)?,
            Per::Item => plan.item_index(key)?,
        };
        Some(Lever::new(family, item))
    }

    /// The key of the source or criterion in the plan (`credit`, `transport`); none for a
    /// lever of one value.
    pub fn item_key(self, plan: &Plan) -> Option<&str> {
        match self.family().per {
            Per::One => None,
            Per::Source => Some(&plan.sources[self.item].key),
            Per::Item => Some(&plan.items[self.item].key),
        }
    }

    /// Where it sits in a scenario file: `funding.credit`, `targets.criteria.transport`.
    pub fn field(self, plan: &Plan) -> String {
        let mut field = self.family().path.join(".");
        if let Some(key) = self.item_key(plan) {
            field.push('.');
            field.push_str(key);
        }
        field
    }

    /// Its key in a link: `f.credit`, `t.transport`, `s`.
    pub fn link_key(self, plan: &Plan) -> String {
        match self.item_key(plan) {
            Some(key) => format!("{}.{key}", self.family().link),
            None => self.family().link.to_string(),
        }
    }

    /// The value the scenario gives it, `None` where the plan's default applies.
    pub fn get(self, s: &Scenario) -> Option<Value> {
        let i = self.item;
        let n = |x: Option<f64>| x.map(Value::Number);
        let whole = |x: Option<u32>| x.map(|x| Value::Number(f64::from(x)));
        match self.family {
            STRATEGY => s.strategy.map(Value::Order),
            FUNDING => n(s.funding.get(i)),
            DISBURSEMENT => n(s.disbursement.get(i)),
            INVESTMENT => n(s.investment.get(i)),
            ELIGIBILITY => s.eligibility.get(i).map(Value::Items),
            UNIT_COSTS => n(s.unit_costs.get(i)),
            TARGET_CERTIFIED => whole(s.targets.certified),
            TARGET_AVERAGE => n(s.targets.avg_criteria),
            TARGET_BORDER_MIN => n(s.targets.border_avg_min),
            TARGET_BORDER_MAX => n(s.targets.border_avg_max),
            TARGET_CRITERION => whole(s.targets.items.get(i)),
            _ => None,
        }
    }

    /// Sets the lever (`None`: back to the plan's default). A value of the wrong kind for the
    /// lever leaves the scenario as it was.
    pub fn set(self, s: &mut Scenario, value: Option<Value>) {
        let i = self.item;
        let number = value.and_then(Value::number);
        let whole = number.map(|x| x.round().max(0.0) as u32);
        match (self.family, value) {
            (STRATEGY, Some(Value::Order(o))) => s.strategy = Some(o),
            (STRATEGY, None) => s.strategy = None,
            (ELIGIBILITY, Some(Value::Items(m))) => s.eligibility.set(i, Some(m)),
            (ELIGIBILITY, None) => s.eligibility.set(i, None),
            (_, Some(Value::Order(_) | Value::Items(_))) => {}
            (FUNDING, _) => s.funding.set(i, number),
            (DISBURSEMENT, _) => s.disbursement.set(i, number),
            (INVESTMENT, _) => s.investment.set(i, number),
            (UNIT_COSTS, _) => s.unit_costs.set(i, number),
            (TARGET_CERTIFIED, _) => s.targets.certified = whole,
            (TARGET_AVERAGE, _) => s.targets.avg_criteria = number,
            (TARGET_BORDER_MIN, _) => s.targets.border_avg_min = number,
            (TARGET_BORDER_MAX, _) => s.targets.border_avg_max = number,
            (TARGET_CRITERION, _) => s.targets.items.set(i, whole),
            _ => {}
        }
    }

    /// The plan's value: what the lever is when the scenario leaves it out. `model` is the
    /// model the scenario runs on (its default investment follows the scenario's targets and
    /// unit costs).
    pub fn default_in(self, model: &Model) -> Value {
        let plan = &model.plan;
        let i = self.item;
        match self.family {
            STRATEGY => Value::Order(Strategy::default()),
            FUNDING => Value::Number(plan.sources[i].amount),
            DISBURSEMENT => Value::Number(super::scenario::FULL_DISBURSEMENT),
            INVESTMENT => Value::Number(model.default_investment()[i]),
            ELIGIBILITY => Value::Items(model.default_eligibility()[i]),
            UNIT_COSTS => Value::Number(plan.items[i].unit_cost),
            TARGET_CERTIFIED => Value::Number(f64::from(plan.targets.certified)),
            TARGET_AVERAGE => Value::Number(plan.targets.avg_criteria_min),
            TARGET_BORDER_MIN => Value::Number(plan.targets.border_avg_min),
            TARGET_BORDER_MAX => Value::Number(plan.targets.border_avg_max),
            _ => Value::Number(f64::from(plan.items[i].target)),
        }
    }

    /// The value in force: the scenario's, or the plan's.
    pub fn in_force(self, s: &Scenario, model: &Model) -> Value {
        self.get(s).unwrap_or_else(|| self.default_in(model))
    }
}
