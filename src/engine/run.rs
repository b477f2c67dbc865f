//! The engine (model.md §5, §8.3): one year, deterministic. Money arrives, flows from the most
//! restricted source to the least, and each item's covered money is spent on communes in the
//! strategy's order, skipping those it cannot pay for. A commune meets a criterion when it
//! meets every item of it that applies to its group.

use super::outcome::*;
use super::plan::{ItemSet, Plan};
use super::scenario::{Scenario, Strategy};
use super::table::CommuneTable;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Every money comparison is `x <= y + TOLERANCE`; a remainder below it is no money.
pub const TOLERANCE: f64 = 1e-9;

fn snap(x: f64) -> f64 {
    if x.abs() <= TOLERANCE {
        0.0
    } else {
        x
    }
}

/// The levers of a scenario with every default filled in: per source (`funding`,
/// `disbursement`, `eligibility`) and per item (`investment`).
#[derive(Debug, Clone, PartialEq)]
pub struct Levers {
    pub strategy: Strategy,
    pub funding: Vec<f64>,
    pub disbursement: Vec<f64>,
    pub investment: Vec<f64>,
    pub eligibility: Vec<ItemSet>,
}

/// How the plan's items make up its criteria, for a table's communes: worked out once.
#[derive(Debug, Clone)]
pub struct Shape {
    /// Per criterion: its items.
    pub criterion_items: Vec<ItemSet>,
    /// Per commune group: the items not assessed in it (counted as met).
    pub not_applying: Vec<ItemSet>,
    pub all: ItemSet,
    /// Per criterion: its items' indices (a criterion's items follow each other).
    pub ranges: Vec<std::ops::Range<usize>>,
    /// Every criterion is a single item: criteria met is a count of bits.
    single: bool,
}

impl Shape {
    pub fn of(plan: &Plan) -> Shape {
        let all = plan.all_items();
        Shape {
            criterion_items: (0..plan.criteria.len())
                .map(|k| plan.criterion_items(k))
                .collect(),
            not_applying: (0..plan.commune_groups.len().max(1))
                .map(|g| all & !plan.applying_in(g))
                .collect(),
            all,
            ranges: (0..plan.criteria.len())
                .map(|k| {
                    let first = plan
                        .items
                        .iter()
                        .position(|i| i.criterion == k)
                        .unwrap_or(0);
                    let count = plan.items.iter().filter(|i| i.criterion == k).count();
                    first..first + count
                })
                .collect(),
            single: plan.single_items(),
        }
    }

    /// The criteria met by a commune whose items met are `meets`.
    pub fn criteria_met(&self, meets: ItemSet) -> u32 {
        if self.single {
            (meets & self.all).count_ones()
        } else {
            self.criterion_items
                .iter()
                .filter(|&&m| meets & m == m)
                .count() as u32
        }
    }

    /// Whether criterion k is met.
    pub fn meets_criterion(&self, meets: ItemSet, k: usize) -> bool {
        let m = self.criterion_items[k];
        meets & m == m
    }

    pub fn criteria(&self) -> usize {
        self.criterion_items.len()
    }

    /// A commune's items as a bit set over criteria (bit k: criterion k met).
    pub fn criteria_set(&self, meets: ItemSet) -> ItemSet {
        self.criterion_items
            .iter()
            .enumerate()
            .filter(|(_, &m)| meets & m == m)
            .fold(0, |set, (k, _)| set | (1 << k))
    }
}

/// A plan and a commune table, with what every run needs computed once: each commune's cost
/// per item and, per strategy and item, the order in which communes are served.
#[derive(Debug, Clone)]
pub struct Model {
    pub plan: Plan,
    /// The table, with every item that does not apply to a commune's group set as met.
    pub table: CommuneTable,
    pub shape: Shape,
    items: usize,
    /// Cost of bringing commune i up to item j at `i * items + j` (0 where it meets j).
    cost: Vec<f64>,
    /// Per strategy, per item: the communes that do not meet it, in serving order.
    /// Sorted when a strategy is first asked for (a year of a path needs one strategy only).
    orders: [OnceLock<Vec<Vec<u32>>>; 3],
    /// Per item: communes it applies to that meet it at the start.
    baseline: Vec<u32>,
    /// Per item: communes it does not apply to (they count as meeting its criterion).
    not_assessed: Vec<u32>,
    /// Per criterion: communes meeting it at the start.
    criteria_baseline: Vec<u32>,
    certified_baseline: u32,
    default_investment: Vec<f64>,
    /// The plan's eligibility, by source (read on every input: its lists resolved once).
    default_eligibility: Vec<ItemSet>,
}

impl Model {
    pub fn new(plan: Plan, mut table: CommuneTable) -> Model {
        let shape = Shape::of(&plan);
        let items = plan.items.len();
        let m = &plan.cost_multipliers;
        let mut not_assessed = vec![0u32; items];
        for c in &mut table.communes {
            let skip = shape.not_applying.get(c.group).copied().unwrap_or(0);
            c.meets = (c.meets | skip) & shape.all;
            for (j, n) in not_assessed.iter_mut().enumerate() {
                *n += u32::from(skip & (1 << j) != 0);
            }
        }
        let mut cost = Vec::with_capacity(table.communes.len() * items);
        for c in &table.communes {
            let factor = 1.0
                + m.border * f64::from(u8::from(c.border))
                + m.difficult * f64::from(u8::from(c.difficult));
            for j in 0..items {
                cost.push(if c.meets(j) {
                    0.0
                } else {
                    c.cost
                        .get(j)
                        .copied()
                        .flatten()
                        .unwrap_or_else(|| plan.unit_cost(j, c.group) * factor)
                });
            }
        }
        let orders = Strategy::ALL.map(|_| OnceLock::new());
        let baseline = (0..items)
            .map(|j| table.communes.iter().filter(|c| c.meets(j)).count() as u32 - not_assessed[j])
            .collect();
        let criteria_baseline = (0..shape.criteria())
            .map(|k| {
                table
                    .communes
                    .iter()
                    .filter(|c| shape.meets_criterion(c.meets, k))
                    .count() as u32
            })
            .collect();
        let certified_baseline = table
            .communes
            .iter()
            .filter(|c| c.meets == shape.all)
            .count() as u32;
        let mut model = Model {
            plan,
            table,
            shape,
            items,
            cost,
            orders,
            baseline,
            not_assessed,
            criteria_baseline,
            certified_baseline,
            default_investment: Vec::new(),
            default_eligibility: Vec::new(),
        };
        model.default_eligibility = model.plan.default_eligibility_masks();
        model.default_investment = (0..items)
            .map(|j| model.needed(j, model.plan.items[j].target, Strategy::ClosestFirst))
            .collect();
        model
    }

    /// How many items the plan has.
    pub fn items(&self) -> usize {
        self.items
    }

    /// The model a scenario runs on: this one, or, where the scenario sets its own unit costs or
    /// targets (model.md §4), one built with them (costs, serving orders and the default
    /// investment all follow).
    pub fn for_scenario(&self, scenario: &Scenario) -> Cow<'_, Model> {
        if scenario.unit_costs.is_empty() && scenario.targets.is_empty() {
            return Cow::Borrowed(self);
        }
        let mut plan = self.plan.clone();
        for (j, item) in plan.items.iter_mut().enumerate() {
            if let Some(cost) = scenario.unit_costs.get(j) {
                // A scenario's unit cost is the item's for every group.
                item.unit_cost = cost;
                item.unit_cost_by_group.iter_mut().for_each(|c| *c = None);
            }
            if let Some(target) = scenario.targets.items.get(j) {
                item.target = target;
                if item.whole_criterion {
                    plan.criteria[item.criterion].target = target;
                }
            }
        }
        plan.targets = scenario.targets.over(&plan.targets);
        Cow::Owned(Model::new(plan, self.table.clone()))
    }

    /// The same plan and communes as they stand at the start of a later year: `meets` says
    /// which items each commune meets, and every cost is this model's times `cost_factor`.
    pub fn at_state(&self, meets: &[ItemSet], cost_factor: f64) -> Model {
        let mut table = self.table.clone();
        for (i, c) in table.communes.iter_mut().enumerate() {
            c.meets = meets[i];
            c.cost = (0..self.items)
                .map(|j| Some(self.cost(i, j) * cost_factor))
                .collect();
        }
        Model::new(self.plan.clone(), table)
    }

    /// The cost of commune `i` for item `j` (0 where it meets it).
    #[inline]
    pub fn cost(&self, i: usize, j: usize) -> f64 {
        self.cost[i * self.items + j]
    }

    /// Communes meeting item j at the start of the year, in this table (of those it applies
    /// to).
    pub fn baseline(&self, j: usize) -> u32 {
        self.baseline[j]
    }

    /// Communes item j does not apply to.
    pub fn not_assessed(&self, j: usize) -> u32 {
        self.not_assessed[j]
    }

    /// Communes meeting criterion k at the start of the year.
    pub fn criterion_baseline(&self, k: usize) -> u32 {
        self.criteria_baseline[k]
    }

    pub fn certified_baseline(&self) -> u32 {
        self.certified_baseline
    }

    /// Items a commune does not meet at the start of the year, of those that apply to it.
    fn missing(&self, i: usize) -> u32 {
        (self.shape.all & !self.table.communes[i].meets).count_ones()
    }

    fn orders_of(&self, strategy: Strategy) -> &Vec<Vec<u32>> {
        self.orders[strategy.index()].get_or_init(|| {
            let missing: Vec<u32> = (0..self.table.communes.len())
                .map(|i| self.missing(i))
                .collect();
            (0..self.items)
                .map(|j| self.serving_order_of(&missing, strategy, j))
                .collect()
        })
    }

    /// The communes not meeting j, in the order `strategy` serves them.
    pub fn serving_order(&self, strategy: Strategy, j: usize) -> &[u32] {
        &self.orders_of(strategy)[j]
    }

    /// model.md §6: the cost of the first `target − baseline` communes in the strategy's order.
    pub fn needed(&self, j: usize, target: u32, strategy: Strategy) -> f64 {
        let missing = target.saturating_sub(self.baseline[j]) as usize;
        self.orders_of(strategy)[j]
            .iter()
            .take(missing)
            .map(|&i| self.cost(i as usize, j))
            .sum::<f64>()
            // An empty sum of floats is -0.0; no money is 0.
            + 0.0
    }

    /// The plan's investment per item: what reaching each item's target costs, closest first.
    pub fn default_investment(&self) -> &[f64] {
        &self.default_investment
    }

    /// The items each source may pay for in the plan.
    pub fn default_eligibility(&self) -> &[ItemSet] {
        &self.default_eligibility
    }

    /// Fills in every lever the scenario leaves to the plan.
    pub fn levers(&self, scenario: &Scenario) -> Levers {
        let eligibility = &self.default_eligibility;
        let sources = self.plan.sources.len();
        Levers {
            strategy: scenario.strategy.unwrap_or_default(),
            funding: (0..sources)
                .map(|s| {
                    scenario
                        .funding
                        .get(s)
                        .unwrap_or(self.plan.sources[s].amount)
                })
                .collect(),
            disbursement: (0..sources)
                .map(|s| {
                    scenario
                        .disbursement
                        .get(s)
                        .unwrap_or(super::scenario::FULL_DISBURSEMENT)
                })
                .collect(),
            investment: (0..self.items)
                .map(|j| {
                    scenario
                        .investment
                        .get(j)
                        .unwrap_or(self.default_investment[j])
                })
                .collect(),
            eligibility: (0..sources)
                .map(|s| scenario.eligibility.get(s).unwrap_or(eligibility[s]))
                .collect(),
        }
    }

    /// Runs a scenario, with its own unit costs and targets where it sets them.
    pub fn run(&self, scenario: &Scenario) -> Outcome {
        let model = self.for_scenario(scenario);
        model.run_levers(&model.levers(scenario))
    }

    pub fn run_levers(&self, levers: &Levers) -> Outcome {
        self.run_with_reserve(levers, &vec![0.0; self.items])
    }

    /// One year where each item's walk also has `reserved[j]`: money covered in an earlier
    /// year and not spent (model.md §7.1).
    pub fn run_with_reserve(&self, levers: &Levers, reserved: &[f64]) -> Outcome {
        self.run_chance(levers, reserved, &mut Certain).0
    }

    /// One year where what a paid work costs, and whether it is done within the year, is up
    /// to `chance` (model.md §7.3). Also gives, per commune, the items paid for this year
    /// whose works slipped past its end.
    pub fn run_chance<C: Chance>(
        &self,
        levers: &Levers,
        reserved: &[f64],
        chance: &mut C,
    ) -> (Outcome, Vec<ItemSet>) {
        let flow = funding_flow(levers);
        let mut meets: Vec<ItemSet> = self.table.communes.iter().map(|c| c.meets).collect();
        let mut slipped: Vec<ItemSet> = vec![0; meets.len()];
        let mut items = Vec::with_capacity(self.items);
        let order = self.orders_of(levers.strategy);
        for j in 0..self.items {
            let mut budget = flow.covered[j] + reserved[j];
            let mut met = self.baseline[j];
            for &i in &order[j] {
                let cost = chance.cost(self.cost(i as usize, j));
                if cost <= budget + TOLERANCE {
                    budget -= cost;
                    if chance.delivered() {
                        meets[i as usize] |= 1 << j;
                        met += 1;
                    } else {
                        slipped[i as usize] |= 1 << j;
                    }
                }
            }
            let item = &self.plan.items[j];
            items.push(ItemOutcome {
                id: item.id.clone(),
                key: item.key.clone(),
                baseline: self.baseline[j],
                met,
                target: item.target,
                investment: levers.investment[j],
                covered: flow.covered[j],
                shortfall: flow.shortfall[j],
                unused: snap(budget.max(0.0)),
            });
        }
        (self.summarise(levers, flow, items, meets), slipped)
    }

    /// Criteria met by a commune whose items met are `meets`.
    pub fn criteria_met(&self, meets: ItemSet) -> u32 {
        self.shape.criteria_met(meets)
    }

    fn summarise(
        &self,
        levers: &Levers,
        flow: Flow,
        items: Vec<ItemOutcome>,
        meets: Vec<ItemSet>,
    ) -> Outcome {
        let all = self.shape.all;
        let criteria_count = self.shape.criteria();
        let communes = &self.table.communes;
        let n = communes.len().max(1) as f64;
        let mut histogram = vec![0u32; criteria_count + 1];
        let mut criteria_met_count = vec![0u32; criteria_count];
        let mut districts: Vec<DistrictOutcome> = self
            .table
            .districts
            .iter()
            .map(|d| DistrictOutcome {
                name: d.clone(),
                communes: 0,
                certified: 0,
                avg_criteria: 0.0,
            })
            .collect();
        let mut border = BorderOutcome::default();
        let mut border_met = 0u32;
        let mut total_met = 0u32;
        let mut certified = 0u32;
        let mut min_criteria = u32::MAX;
        let mut newly_certified = Vec::new();
        for (c, &m) in communes.iter().zip(&meets) {
            // Where every criterion is one item, a count of bits (its criteria counted below).
            let count = if self.shape.single {
                (m & all).count_ones()
            } else {
                let mut count = 0;
                for (k, &mask) in self.shape.criterion_items.iter().enumerate() {
                    if m & mask == mask {
                        count += 1;
                        criteria_met_count[k] += 1;
                    }
                }
                count
            };
            total_met += count;
            min_criteria = min_criteria.min(count);
            histogram[count as usize] += 1;
            let is_certified = m == all;
            // A table without districts has none to count in.
            let mut district = districts.get_mut(c.district);
            if let Some(d) = district.as_deref_mut() {
                d.communes += 1;
                d.avg_criteria += f64::from(count);
            }
            if is_certified {
                certified += 1;
                if let Some(d) = district {
                    d.certified += 1;
                }
                if c.meets != all {
                    newly_certified.push(c.id.clone());
                }
            }
            if c.border {
                border.communes += 1;
                border_met += count;
                border.certified += u32::from(is_certified);
            }
        }
        for d in &mut districts {
            d.avg_criteria /= f64::from(d.communes.max(1));
        }
        border.avg_criteria =
            (border.communes > 0).then(|| f64::from(border_met) / f64::from(border.communes));
        if communes.is_empty() {
            min_criteria = 0;
        }
        if self.shape.single {
            // Criterion k is item k: met where the item is, or where it is not assessed.
            for (k, n) in criteria_met_count.iter_mut().enumerate() {
                *n = items[k].met + self.not_assessed[k];
            }
        }
        let bands = Bands::of(&histogram);
        let sources = (0..self.plan.sources.len())
            .map(|s| SourceOutcome {
                key: self.plan.sources[s].key.clone(),
                pledged: levers.funding[s],
                arrived: flow.arrived[s],
                idle: flow.idle[s],
                to: (0..self.items)
                    .filter(|&j| flow.paid[s][j] > 0.0)
                    .map(|j| (self.plan.items[j].key.clone(), flow.paid[s][j]))
                    .collect(),
            })
            .collect();
        let criteria = self
            .plan
            .criteria
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let mine = &items[self.shape.ranges[k].clone()];
                let sum = |f: fn(&ItemOutcome) -> f64| mine.iter().map(f).sum::<f64>();
                CriterionOutcome {
                    id: c.id,
                    key: c.key.clone(),
                    baseline: self.criteria_baseline[k],
                    met: criteria_met_count[k],
                    target: c.target,
                    investment: sum(|o| o.investment),
                    covered: sum(|o| o.covered),
                    shortfall: sum(|o| o.shortfall),
                    unused: sum(|o| o.unused),
                    items: if c.indicators.is_empty() {
                        Vec::new()
                    } else {
                        mine.to_vec()
                    },
                }
            })
            .collect();
        Outcome {
            certified,
            certified_baseline: self.certified_baseline,
            newly_certified,
            avg_criteria: f64::from(total_met) / n,
            criteria,
            histogram,
            bands,
            districts,
            border,
            funding: FundingOutcome {
                sources,
                idle: snap(flow.idle.iter().sum()),
                shortfall: snap(flow.shortfall.iter().sum()),
            },
            min_criteria,
            meets,
            items,
        }
    }
}

impl Model {
    /// The order in which a strategy serves the communes that do not meet item j (§5.3,
    /// §8.3). Counts are those at the start of the year.
    fn serving_order_of(&self, missing: &[u32], strategy: Strategy, j: usize) -> Vec<u32> {
        let communes = &self.table.communes;
        let mut order: Vec<u32> = (0..communes.len() as u32)
            .filter(|&i| !communes[i as usize].meets(j))
            .collect();
        order.sort_by(|&a, &b| {
            let (ca, cb) = (&communes[a as usize], &communes[b as usize]);
            let cost_a = self.cost(a as usize, j);
            let cost_b = self.cost(b as usize, j);
            let (ma, mb) = (missing[a as usize], missing[b as usize]);
            let by_cost_then_row = || cost_a.total_cmp(&cost_b).then(a.cmp(&b));
            match strategy {
                Strategy::ClosestFirst => cb
                    .priority
                    .cmp(&ca.priority)
                    .then(ma.cmp(&mb))
                    .then_with(by_cost_then_row),
                Strategy::CheapestFirst => by_cost_then_row(),
                Strategy::EquityFirst => (cb.border || cb.difficult)
                    .cmp(&(ca.border || ca.difficult))
                    .then(mb.cmp(&ma))
                    .then_with(by_cost_then_row),
            }
        });
        order
    }
}

/// What happens to money and works in a year: how much of a source arrives, what a paid work
/// really costs, whether it is done within the year. The plain engine is [`Certain`]; the risk
/// draws (model.md §7.3) draw them.
pub trait Chance {
    /// Sets the year's disbursement where it is uncertain.
    fn disbursement(&mut self, _levers: &mut Levers) {}
    /// The actual cost of a work estimated at `estimate`.
    fn cost(&mut self, estimate: f64) -> f64;
    /// Whether a paid work is done within the year.
    fn delivered(&mut self) -> bool;
}

/// Costs are the estimates, every paid work is done, money arrives as the levers say.
pub struct Certain;

impl Chance for Certain {
    #[inline]
    fn cost(&mut self, estimate: f64) -> f64 {
        estimate
    }
    #[inline]
    fn delivered(&mut self) -> bool {
        true
    }
}

/// Where the money went (§5.1–5.2), per source and per item.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub arrived: Vec<f64>,
    pub idle: Vec<f64>,
    /// paid[s][j]: what source s paid for item j.
    pub paid: Vec<Vec<f64>>,
    pub covered: Vec<f64>,
    pub shortfall: Vec<f64>,
}

/// The order in which sources pay: the fewest eligible items first, ties by source order.
pub fn flow_order(eligibility: &[ItemSet]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..eligibility.len()).collect();
    order.sort_by_key(|&s| (eligibility[s].count_ones(), s));
    order
}

pub fn funding_flow(levers: &Levers) -> Flow {
    let items = levers.investment.len();
    let sources = levers.funding.len();
    let arrived: Vec<f64> = (0..sources)
        .map(|s| levers.funding[s] * levers.disbursement[s])
        .collect();
    let mut need = levers.investment.clone();
    let mut idle = vec![0.0; sources];
    let mut paid = vec![vec![0.0; items]; sources];
    for s in flow_order(&levers.eligibility) {
        let mask = levers.eligibility[s];
        let eligible = |j: &usize| mask & (1 << j) != 0;
        let wanted: f64 = (0..items).filter(eligible).map(|j| need[j]).sum();
        if wanted <= arrived[s] + TOLERANCE {
            for j in (0..items).filter(eligible) {
                paid[s][j] = need[j];
                need[j] = 0.0;
            }
            idle[s] = snap((arrived[s] - wanted).max(0.0));
        } else {
            for j in (0..items).filter(eligible) {
                let share = arrived[s] * need[j] / wanted;
                paid[s][j] = share;
                need[j] -= share;
            }
        }
    }
    let shortfall: Vec<f64> = need.iter().map(|r| snap(r.max(0.0))).collect();
    let covered = (0..items)
        .map(|j| levers.investment[j] - shortfall[j])
        .collect();
    Flow {
        arrived,
        idle,
        paid,
        covered,
        shortfall,
    }
}
