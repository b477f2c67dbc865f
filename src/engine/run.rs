//! The engine (model.md §5): one year, deterministic. Money arrives, flows from the most
//! restricted source to the least, and each criterion's covered money is spent on communes
//! in the strategy's order, skipping those it cannot pay for.

use super::outcome::*;
use super::plan::{Plan, CRITERIA, SOURCES};
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

/// The levers of a scenario with every default filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Levers {
    pub strategy: Strategy,
    pub funding: [f64; SOURCES],
    pub disbursement: [f64; SOURCES],
    pub investment: [f64; CRITERIA],
    pub eligibility: [u32; SOURCES],
}

/// A plan and a commune table, with what every run needs computed once: each commune's cost
/// per criterion and, per strategy and criterion, the order in which communes are served.
#[derive(Debug, Clone)]
pub struct Model {
    pub plan: Plan,
    pub table: CommuneTable,
    /// Cost of bringing commune i up to criterion k (0 where it meets k already).
    cost: Vec<[f64; CRITERIA]>,
    /// Per strategy, per criterion: the communes that do not meet it, in serving order.
    /// Sorted when a strategy is first asked for (a year of a path needs one strategy only).
    orders: [OnceLock<Vec<Vec<u32>>>; 3],
    baseline: [u32; CRITERIA],
    certified_baseline: u32,
    default_investment: [f64; CRITERIA],
}

impl Model {
    pub fn new(plan: Plan, table: CommuneTable) -> Model {
        let m = &plan.cost_multipliers;
        let cost: Vec<[f64; CRITERIA]> = table
            .communes
            .iter()
            .map(|c| {
                std::array::from_fn(|k| {
                    if c.meets(k) {
                        0.0
                    } else {
                        c.cost[k].unwrap_or_else(|| {
                            plan.criteria[k].unit_cost
                                * (1.0
                                    + m.border * f64::from(u8::from(c.border))
                                    + m.difficult * f64::from(u8::from(c.difficult)))
                        })
                    }
                })
            })
            .collect();
        let orders = Strategy::ALL.map(|_| OnceLock::new());
        let baseline = std::array::from_fn(|k| table.count_meeting(k));
        let all = (1u32 << CRITERIA) - 1;
        let certified_baseline = table.communes.iter().filter(|c| c.meets == all).count() as u32;
        let mut model = Model {
            plan,
            table,
            cost,
            orders,
            baseline,
            certified_baseline,
            default_investment: [0.0; CRITERIA],
        };
        model.default_investment = std::array::from_fn(|k| {
            model.needed(k, model.plan.criteria[k].target, Strategy::ClosestFirst)
        });
        model
    }

    /// The model a scenario runs on: this one, or, where the scenario sets its own unit costs or
    /// targets (model.md §4), one built with them (costs, serving orders and the default
    /// investment all follow).
    pub fn for_scenario(&self, scenario: &Scenario) -> Cow<'_, Model> {
        if scenario.unit_costs.iter().all(Option::is_none) && scenario.targets.is_empty() {
            return Cow::Borrowed(self);
        }
        let mut plan = self.plan.clone();
        for (k, c) in plan.criteria.iter_mut().enumerate() {
            if let Some(cost) = scenario.unit_costs[k] {
                c.unit_cost = cost;
            }
            if let Some(target) = scenario.targets.criteria[k] {
                c.target = target;
            }
        }
        plan.targets = scenario.targets.over(&plan.targets);
        Cow::Owned(Model::new(plan, self.table.clone()))
    }

    /// The same plan and communes as they stand at the start of a later year: `meets` says
    /// which criteria each commune meets, and every cost is this model's times `cost_factor`.
    pub fn at_state(&self, meets: &[u32], cost_factor: f64) -> Model {
        let mut table = self.table.clone();
        for (i, c) in table.communes.iter_mut().enumerate() {
            c.meets = meets[i];
            c.cost = std::array::from_fn(|k| Some(self.cost[i][k] * cost_factor));
        }
        Model::new(self.plan.clone(), table)
    }

    /// The cost of commune `i` for criterion `k` (0 where it meets it).
    pub fn cost(&self, i: usize, k: usize) -> f64 {
        self.cost[i][k]
    }

    /// Communes meeting criterion k at the start of the year, in this table.
    pub fn baseline(&self, k: usize) -> u32 {
        self.baseline[k]
    }

    pub fn certified_baseline(&self) -> u32 {
        self.certified_baseline
    }

    fn orders_of(&self, strategy: Strategy) -> &Vec<Vec<u32>> {
        self.orders[strategy.index()].get_or_init(|| {
            (0..CRITERIA)
                .map(|k| serving_order(&self.table, &self.cost, strategy, k))
                .collect()
        })
    }

    /// The communes not meeting k, in the order `strategy` serves them.
    pub fn serving_order(&self, strategy: Strategy, k: usize) -> &[u32] {
        &self.orders_of(strategy)[k]
    }

    /// model.md §6: the cost of the first `target − baseline` communes in the strategy's order.
    pub fn needed(&self, k: usize, target: u32, strategy: Strategy) -> f64 {
        let missing = target.saturating_sub(self.baseline[k]) as usize;
        self.orders_of(strategy)[k]
            .iter()
            .take(missing)
            .map(|&i| self.cost[i as usize][k])
            .sum::<f64>()
            // An empty sum of floats is -0.0; no money is 0.
            + 0.0
    }

    /// The plan's investment per criterion: what reaching each 2022 target costs, closest first.
    pub fn default_investment(&self) -> [f64; CRITERIA] {
        self.default_investment
    }

    /// Fills in every lever the scenario leaves to the plan.
    pub fn levers(&self, scenario: &Scenario) -> Levers {
        let funding = self.plan.funding();
        let eligibility = self.plan.default_eligibility_masks();
        Levers {
            strategy: scenario.strategy.unwrap_or_default(),
            funding: std::array::from_fn(|s| scenario.funding[s].unwrap_or(funding[s])),
            disbursement: std::array::from_fn(|s| {
                scenario.disbursement[s].unwrap_or(super::scenario::FULL_DISBURSEMENT)
            }),
            investment: std::array::from_fn(|k| {
                scenario.investment[k].unwrap_or(self.default_investment[k])
            }),
            eligibility: std::array::from_fn(|s| scenario.eligibility[s].unwrap_or(eligibility[s])),
        }
    }

    /// Runs a scenario, with its own unit costs and targets where it sets them.
    pub fn run(&self, scenario: &Scenario) -> Outcome {
        let model = self.for_scenario(scenario);
        model.run_levers(&model.levers(scenario))
    }

    pub fn run_levers(&self, levers: &Levers) -> Outcome {
        self.run_with_reserve(levers, &[0.0; CRITERIA])
    }

    /// One year where each criterion's walk also has `reserved[k]`: money covered in an
    /// earlier year and not spent (model.md §7.1).
    pub fn run_with_reserve(&self, levers: &Levers, reserved: &[f64; CRITERIA]) -> Outcome {
        self.run_chance(levers, reserved, &mut Certain).0
    }

    /// One year where what a paid work costs, and whether it is done within the year, is up
    /// to `chance` (model.md §7.3). Also gives, per commune, the criteria paid for this year
    /// whose works slipped past its end.
    pub fn run_chance<C: Chance>(
        &self,
        levers: &Levers,
        reserved: &[f64; CRITERIA],
        chance: &mut C,
    ) -> (Outcome, Vec<u32>) {
        let flow = funding_flow(levers);
        let mut meets: Vec<u32> = self.table.communes.iter().map(|c| c.meets).collect();
        let mut slipped = vec![0u32; meets.len()];
        let mut criteria = Vec::with_capacity(CRITERIA);
        let order = self.orders_of(levers.strategy);
        for k in 0..CRITERIA {
            let mut budget = flow.covered[k] + reserved[k];
            let mut met = self.baseline[k];
            for &i in &order[k] {
                let cost = chance.cost(self.cost[i as usize][k]);
                if cost <= budget + TOLERANCE {
                    budget -= cost;
                    if chance.delivered() {
                        meets[i as usize] |= 1 << k;
                        met += 1;
                    } else {
                        slipped[i as usize] |= 1 << k;
                    }
                }
            }
            let c = &self.plan.criteria[k];
            criteria.push(CriterionOutcome {
                id: c.id,
                key: c.key.clone(),
                baseline: self.baseline[k],
                met,
                target: c.target,
                investment: levers.investment[k],
                covered: flow.covered[k],
                shortfall: flow.shortfall[k],
                unused: snap(budget.max(0.0)),
            });
        }
        (self.summarise(levers, flow, criteria, meets), slipped)
    }

    fn summarise(
        &self,
        levers: &Levers,
        flow: Flow,
        criteria: Vec<CriterionOutcome>,
        meets: Vec<u32>,
    ) -> Outcome {
        let all = (1u32 << CRITERIA) - 1;
        let communes = &self.table.communes;
        let n = communes.len().max(1) as f64;
        let mut histogram = vec![0u32; CRITERIA + 1];
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
        let mut newly_certified = Vec::new();
        for (c, &m) in communes.iter().zip(&meets) {
            let count = m.count_ones();
            total_met += count;
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
        let min_criteria = meets.iter().map(|m| m.count_ones()).min().unwrap_or(0);
        let band = |lo: usize, hi: usize| histogram[lo..=hi].iter().sum::<u32>();
        let bands = Bands {
            all: band(19, 19),
            b15_18: band(15, 18),
            b10_14: band(10, 14),
            b5_9: band(5, 9),
            b0_4: band(0, 4),
        };
        let sources = (0..SOURCES)
            .map(|s| SourceOutcome {
                key: self.plan.sources[s].key.clone(),
                pledged: levers.funding[s],
                arrived: flow.arrived[s],
                idle: flow.idle[s],
                to: (0..CRITERIA)
                    .filter(|&k| flow.paid[s][k] > 0.0)
                    .map(|k| (self.plan.criteria[k].key.clone(), flow.paid[s][k]))
                    .collect(),
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
        }
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

/// The order in which a strategy serves the communes that do not meet criterion k (§5.3).
/// Counts are those at the start of the year.
fn serving_order(
    table: &CommuneTable,
    cost: &[[f64; CRITERIA]],
    strategy: Strategy,
    k: usize,
) -> Vec<u32> {
    let mut order: Vec<u32> = (0..table.communes.len() as u32)
        .filter(|&i| !table.communes[i as usize].meets(k))
        .collect();
    let communes = &table.communes;
    order.sort_by(|&a, &b| {
        let (ca, cb) = (&communes[a as usize], &communes[b as usize]);
        let cost_a = cost[a as usize][k];
        let cost_b = cost[b as usize][k];
        let by_cost_then_row = || cost_a.total_cmp(&cost_b).then(a.cmp(&b));
        match strategy {
            Strategy::ClosestFirst => cb
                .priority
                .cmp(&ca.priority)
                .then(ca.criteria_met().cmp(&cb.criteria_met()).reverse())
                .then_with(by_cost_then_row),
            Strategy::CheapestFirst => by_cost_then_row(),
            Strategy::EquityFirst => (cb.border || cb.difficult)
                .cmp(&(ca.border || ca.difficult))
                .then(ca.criteria_met().cmp(&cb.criteria_met()))
                .then_with(by_cost_then_row),
        }
    });
    order
}

/// Where the money went (§5.1–5.2).
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub arrived: [f64; SOURCES],
    pub idle: [f64; SOURCES],
    /// paid[s][k]: what source s paid for criterion k.
    pub paid: [[f64; CRITERIA]; SOURCES],
    pub covered: [f64; CRITERIA],
    pub shortfall: [f64; CRITERIA],
}

/// The order in which sources pay: the fewest eligible criteria first, ties by source order.
pub fn flow_order(eligibility: &[u32; SOURCES]) -> [usize; SOURCES] {
    let mut order: [usize; SOURCES] = std::array::from_fn(|s| s);
    order.sort_by_key(|&s| (eligibility[s].count_ones(), s));
    order
}

pub fn funding_flow(levers: &Levers) -> Flow {
    let arrived: [f64; SOURCES] =
        std::array::from_fn(|s| levers.funding[s] * levers.disbursement[s]);
    let mut need = levers.investment;
    let mut idle = [0.0; SOURCES];
    let mut paid = [[0.0; CRITERIA]; SOURCES];
    for s in flow_order(&levers.eligibility) {
        let mask = levers.eligibility[s];
        let eligible = |k: &usize| mask & (1 << k) != 0;
        let wanted: f64 = (0..CRITERIA).filter(eligible).map(|k| need[k]).sum();
        if wanted <= arrived[s] + TOLERANCE {
            for k in (0..CRITERIA).filter(eligible) {
                paid[s][k] = need[k];
                need[k] = 0.0;
            }
            idle[s] = snap((arrived[s] - wanted).max(0.0));
        } else {
            for k in (0..CRITERIA).filter(eligible) {
                let share = arrived[s] * need[k] / wanted;
                paid[s][k] = share;
                need[k] -= share;
            }
        }
    }
    let shortfall = need.map(|r| snap(r.max(0.0)));
    let covered = std::array::from_fn(|k| levers.investment[k] - shortfall[k]);
    Flow {
        arrived,
        idle,
        paid,
        covered,
        shortfall,
    }
}
