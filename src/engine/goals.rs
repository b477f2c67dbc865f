//! Goals (model.md §7.2): the least investment that reaches a target, the most communes a
//! budget certifies, and where a further amount buys most.
//!
//! Answers are of *prefix form*: criterion k pays the first `j[k]` communes of its serving
//! order, so exactly those reach it. Criterion targets are a prefix length; the average and the
//! border average are multiple-choice knapsacks over criteria, solved exactly by dynamic
//! programming on the criteria gained; certified communes are exact by enumeration where at
//! most [`EXACT_CERTIFIED_LIMIT`] communes are not yet certified, and otherwise the greedy of
//! the contract (each step the commune whose certification adds least).

use super::outcome::Outcome;
use super::path::Measure;
use super::run::{funding_flow, Levers, Model, TOLERANCE};
use super::scenario::Scenario;

/// Up to this many communes not yet certified, `certified` targets are solved exactly.
pub const EXACT_CERTIFIED_LIMIT: usize = 16;

/// What to seek.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Goal {
    /// Reach `target` of a measure (certified, avg_criteria, border_avg, a criterion).
    Target(Measure, f64),
    /// The most communes certified for at most this much investment.
    Budget(f64),
}

/// An answer of the seek.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub measure: Measure,
    /// The target reached (for a budget: the most communes certified within it).
    pub target: f64,
    pub budget: Option<f64>,
    pub reached: bool,
    /// Whether the total is proven least.
    pub exact: bool,
    /// j[k]: how many of item k's candidates are paid.
    pub paid: Vec<usize>,
    pub total_investment: f64,
    /// The scenario's own total investment minus this one.
    pub saving: f64,
    /// The scenario with every lever written out and the answer's investment.
    pub scenario: Scenario,
    /// The answer run through the one-year engine with the scenario's funding.
    pub outcome: Outcome,
    /// Per source: how much more it alone would have to pledge to pay for all it may pay for
    /// of the answer's shortfall (0: it cannot help or nothing is short; infinite: none of its
    /// pledge arrives).
    pub more_funding: Vec<f64>,
}

/// Each criterion's candidates in serving order, their cumulative costs, and where each
/// commune stands in each order.
struct Prefixes {
    /// sums[k][j]: the cost of the first j candidates of k (sums[k][0] = 0).
    sums: Vec<Vec<f64>>,
    /// position[k][i]: where commune i stands in k's order (None: it meets k).
    position: Vec<Vec<Option<u32>>>,
    orders: Vec<Vec<u32>>,
}

impl Prefixes {
    fn new(model: &Model, levers: &Levers) -> Prefixes {
        let n = model.table.communes.len();
        let items = model.items();
        let mut sums = Vec::with_capacity(items);
        let mut position = Vec::with_capacity(items);
        let mut orders = Vec::with_capacity(items);
        for k in 0..items {
            let order = model.serving_order(levers.strategy, k).to_vec();
            // Summed in serving order, as `Model::needed` sums (same rounding).
            let mut running = Vec::with_capacity(order.len() + 1);
            running.push(0.0);
            let mut total = 0.0;
            let mut pos = vec![None; n];
            for (p, &i) in order.iter().enumerate() {
                total += model.cost(i as usize, k);
                running.push(total);
                pos[i as usize] = Some(p as u32);
            }
            sums.push(running);
            position.push(pos);
            orders.push(order);
        }
        Prefixes {
            sums,
            position,
            orders,
        }
    }

    fn total(&self, paid: &[usize]) -> f64 {
        (0..self.sums.len()).map(|k| self.sums[k][paid[k]]).sum()
    }

    fn all(&self) -> Vec<usize> {
        self.orders.iter().map(Vec::len).collect()
    }

    fn none(&self) -> Vec<usize> {
        vec![0; self.orders.len()]
    }

    /// What commune i meets once `paid` is paid.
    fn meets(&self, model: &Model, i: usize, paid: &[usize]) -> crate::engine::ItemSet {
        let mut m = model.table.communes[i].meets;
        for (j, &p) in paid.iter().enumerate() {
            if self.position[j][i].is_some_and(|pos| (pos as usize) < p) {
                m |= 1 << j;
            }
        }
        m
    }
}

/// Seeks the least prefix-form investment for a goal, under `scenario`'s strategy, unit costs
/// and targets; funding does not limit the search (the answer's results show any shortfall).
pub fn seek(model: &Model, scenario: &Scenario, goal: Goal) -> Answer {
    let found = search(model, scenario, goal);
    answer(model, scenario, &found)
}

/// What the search finds: how many candidates of each criterion to pay. The long part of a
/// seek (the page has it done in its worker); [`answer`] makes the rest of the answer of it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Found {
    pub goal: Goal,
    /// The target reached (for a budget: the most communes certified within it).
    pub target: f64,
    pub paid: Vec<usize>,
    pub reached: bool,
    pub exact: bool,
}

/// The search of [`seek`].
pub fn search(model: &Model, scenario: &Scenario, goal: Goal) -> Found {
    let model = model.for_scenario(scenario);
    let levers = model.levers(scenario);
    let prefixes = Prefixes::new(&model, &levers);
    let (target, paid, reached, exact) = match goal {
        Goal::Target(measure, target) => {
            let (paid, reached, exact) = match measure {
                Measure::Criterion(k) => for_criterion(&model, &prefixes, k, target),
                Measure::Item(j) => for_item(&prefixes, j, model.baseline(j), target),
                Measure::AvgCriteria => for_average(&model, &prefixes, target, false),
                Measure::BorderAvg => for_average(&model, &prefixes, target, true),
                Measure::Certified => for_certified(&model, &prefixes, target),
                Measure::MinCriteria => for_minimum(&model, &prefixes, target),
            };
            (target, paid, reached, exact)
        }
        Goal::Budget(budget) => {
            let (count, paid, exact) = certified_within(&model, &prefixes, budget);
            (f64::from(count), paid, true, exact)
        }
    };
    Found {
        goal,
        target,
        paid,
        reached,
        exact,
    }
}

/// The answer of what was found: its investment, saving, scenario, results and the funding
/// it lacks per source (one run of the engine).
pub fn answer(model: &Model, scenario: &Scenario, found: &Found) -> Answer {
    let model = model.for_scenario(scenario);
    let levers = model.levers(scenario);
    let prefixes = Prefixes::new(&model, &levers);
    // What was found on another table (a stale reply) cannot pay past its candidates.
    let paid: Vec<usize> = (0..prefixes.orders.len())
        .map(|k| {
            found
                .paid
                .get(k)
                .copied()
                .unwrap_or(0)
                .min(prefixes.orders[k].len())
        })
        .collect();
    let (measure, budget) = match found.goal {
        Goal::Target(measure, _) => (measure, None),
        Goal::Budget(b) => (Measure::Certified, Some(b)),
    };
    let (target, reached, exact) = (found.target, found.reached, found.exact);
    let total_investment = prefixes.total(&paid);
    let own_total: f64 = levers.investment.iter().sum();
    let mut answer_scenario = complete(scenario, &levers);
    for (k, &p) in paid.iter().enumerate() {
        answer_scenario.investment.set(k, Some(prefixes.sums[k][p]));
    }
    let outcome = model.run(&answer_scenario);
    let more_funding = more_funding_needed(&model.levers(&answer_scenario));
    Answer {
        measure,
        target,
        budget,
        reached,
        exact,
        paid,
        total_investment,
        saving: own_total - total_investment,
        scenario: answer_scenario,
        outcome,
        more_funding,
    }
}

/// Per source, the least extra pledge of that source alone that brings the shortfall down to
/// what it cannot pay for anyway (model.md §5.2's flow; bisection, the flow's shortfall does
/// not grow with a source's money). 0 where the source cannot lower the shortfall; infinite
/// where it could but none of its pledge arrives.
pub fn more_funding_needed(levers: &Levers) -> Vec<f64> {
    let short = |l: &Levers| funding_flow(l).shortfall.iter().sum::<f64>();
    let now = short(levers);
    // Sums of the items' shortfalls: equal within a hundred VND.
    let close = 1e-7;
    (0..levers.funding.len())
        .map(|s| {
            let mut with = levers.clone();
            let arrives = levers.disbursement[s];
            // Enough for everything: the whole investment on top of what it pledges (where none
            // of the pledge arrives, what it could do were it to arrive).
            let most: f64 = levers.investment.iter().sum::<f64>() / arrives.max(1e-3);
            with.disbursement[s] = if arrives > 0.0 { arrives } else { 1.0 };
            with.funding[s] = levers.funding[s] + most;
            let floor = short(&with);
            if now <= floor + close {
                return 0.0;
            }
            if arrives <= 0.0 {
                return f64::INFINITY;
            }
            let (mut low, mut high) = (0.0, most);
            // To a thousandth of a VND, then given to the thousand VND (a millionth of a billion).
            while high - low > 1e-9 {
                let mid = 0.5 * (low + high);
                with.funding[s] = levers.funding[s] + mid;
                if short(&with) <= floor + close {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            (high * 1e6).round() / 1e6
        })
        .collect()
}

/// The scenario with every lever written out (model.md §7.2: "complete").
pub fn complete(scenario: &Scenario, levers: &Levers) -> Scenario {
    let mut out = Scenario {
        name: scenario.name.clone(),
        strategy: Some(levers.strategy),
        unit_costs: scenario.unit_costs.clone(),
        targets: scenario.targets.clone(),
        ..Scenario::default()
    };
    for (s, &v) in levers.funding.iter().enumerate() {
        out.funding.set(s, Some(v));
    }
    for (s, &v) in levers.disbursement.iter().enumerate() {
        out.disbursement.set(s, Some(v));
    }
    for (s, &v) in levers.eligibility.iter().enumerate() {
        out.eligibility.set(s, Some(v));
    }
    for (k, &v) in levers.investment.iter().enumerate() {
        out.investment.set(k, Some(v));
    }
    out
}

/// An item's count, from `start` communes: a prefix of its order.
fn for_item(prefixes: &Prefixes, j: usize, start: u32, target: f64) -> (Vec<usize>, bool, bool) {
    let missing = (target - f64::from(start)).ceil().max(0.0) as usize;
    let candidates = prefixes.orders[j].len();
    let mut paid = prefixes.none();
    paid[j] = missing.min(candidates);
    (paid, missing <= candidates, true)
}

/// A criterion's count: its item's prefix where it is its own item, else the greedy over
/// communes completing it.
fn for_criterion(
    model: &Model,
    prefixes: &Prefixes,
    k: usize,
    target: f64,
) -> (Vec<usize>, bool, bool) {
    let items = model.shape.criterion_items[k];
    if items.count_ones() == 1 {
        // Counted as the criterion counts (a commune it does not apply to meets it).
        let start = model.criterion_baseline(k);
        return for_item(prefixes, items.trailing_zeros() as usize, start, target);
    }
    let total = target.ceil().max(0.0);
    if total > model.table.communes.len() as f64 {
        return (prefixes.all(), false, true);
    }
    let members: Vec<usize> = (0..model.table.communes.len()).collect();
    greedy_complete(model, prefixes, &members, &[k], total as u32)
}

/// The fewest further criteria met that reach an average of `target` over `communes`.
fn gain_needed(start: u32, communes: u32, criteria: usize, target: f64) -> u64 {
    let n = f64::from(communes.max(1));
    let reaches = |total: u64| Measure::AvgCriteria.reaches(total as f64 / n, target);
    // Counted up, with the very test a result is judged by: no rounding of target × communes
    // can disagree with it (at most N × communes steps; targets above N are never reached).
    let most = u64::from(communes.max(1)) * criteria as u64;
    let total = (0..=most).find(|&t| reaches(t)).unwrap_or(most + 1);
    total.saturating_sub(u64::from(start))
}

/// Average criteria of all communes (or of the border ones): a multiple-choice knapsack, one
/// choice of prefix length per criterion, solved by dynamic programming on the criteria gained
/// (capped at what is needed).
fn for_average(
    model: &Model,
    prefixes: &Prefixes,
    target: f64,
    border_only: bool,
) -> (Vec<usize>, bool, bool) {
    let communes = &model.table.communes;
    let counts = |i: usize| !border_only || communes[i].border;
    let members = (0..communes.len()).filter(|&i| counts(i)).count() as u32;
    let start: u32 = (0..communes.len())
        .filter(|&i| counts(i))
        .map(|i| model.criteria_met(communes[i].meets))
        .sum();
    if members == 0 {
        return (prefixes.none(), target <= 0.0, true);
    }
    let criteria = model.plan.criteria.len();
    let needed = gain_needed(start, members, criteria, target) as usize;
    if needed == 0 {
        return (prefixes.none(), true, true);
    }
    if !model.plan.single_items() {
        let members: Vec<usize> = (0..communes.len()).filter(|&i| counts(i)).collect();
        let criteria: Vec<usize> = (0..model.shape.criteria()).collect();
        return greedy_complete(model, prefixes, &members, &criteria, start + needed as u32);
    }
    // Each criterion's useful choices: pay nothing, or up to a commune that counts.
    let options: Vec<Vec<(usize, usize)>> = (0..model.items())
        .map(|k| {
            let mut list = vec![(0usize, 0usize)];
            let mut gained = 0;
            for (p, &i) in prefixes.orders[k].iter().enumerate() {
                if counts(i as usize) {
                    gained += 1;
                    list.push((p + 1, gained));
                }
            }
            list
        })
        .collect();
    let available: usize = options.iter().map(|o| o.last().map_or(0, |l| l.1)).sum();
    if needed > available {
        return (prefixes.all(), false, true);
    }
    let cap = needed;
    let mut best = vec![f64::INFINITY; cap + 1];
    best[0] = 0.0;
    // choice[k][d]: (option index, previous d) that gave best[d] after criterion k.
    let mut choices: Vec<Vec<(u32, u32)>> = Vec::with_capacity(options.len());
    for k in 0..options.len() {
        let mut next = vec![f64::INFINITY; cap + 1];
        let mut choice = vec![(0u32, 0u32); cap + 1];
        for d in 0..=cap {
            if !best[d].is_finite() {
                continue;
            }
            for (o, &(length, gain)) in options[k].iter().enumerate() {
                let nd = (d + gain).min(cap);
                let cost = best[d] + prefixes.sums[k][length];
                if cost < next[nd] {
                    next[nd] = cost;
                    choice[nd] = (o as u32, d as u32);
                }
                // Longer prefixes cost at least as much and cannot land beyond the cap.
                if nd == cap {
                    break;
                }
            }
        }
        best = next;
        choices.push(choice);
    }
    let mut paid = prefixes.none();
    let mut d = cap;
    for k in (0..options.len()).rev() {
        let (o, previous) = choices[k][d];
        paid[k] = options[k][o as usize].0;
        d = previous as usize;
    }
    (paid, true, true)
}

/// The communes not yet certified, each with its position in the order of every criterion it
/// misses (criterion, position).
fn uncertified(model: &Model, prefixes: &Prefixes) -> Vec<(usize, Vec<(usize, usize)>)> {
    let all = model.shape.all;
    model
        .table
        .communes
        .iter()
        .enumerate()
        .filter(|(_, c)| c.meets != all)
        .map(|(i, _)| {
            let missing = (0..model.items())
                .filter_map(|k| prefixes.position[k][i].map(|p| (k, p as usize)))
                .collect();
            (i, missing)
        })
        .collect()
}

/// A commune is certified by `paid` when every criterion it misses reaches its position.
fn covered(missing: &[(usize, usize)], paid: &[usize]) -> bool {
    missing.iter().all(|&(k, p)| p < paid[k])
}

/// The exact least cost for each number of communes certified (index: further communes
/// certified), by trying every set of the (at most 16) communes not yet certified.
fn exact_certified(
    prefixes: &Prefixes,
    pending: &[(usize, Vec<(usize, usize)>)],
) -> Vec<(f64, Vec<usize>)> {
    let m = pending.len();
    let mut best = vec![(f64::INFINITY, prefixes.none()); m + 1];
    for set in 0u32..(1u32 << m) {
        let mut paid = prefixes.none();
        for (bit, (_, missing)) in pending.iter().enumerate() {
            if set & (1 << bit) != 0 {
                for &(k, p) in missing {
                    paid[k] = paid[k].max(p + 1);
                }
            }
        }
        let count = pending.iter().filter(|(_, m)| covered(m, &paid)).count();
        let cost = prefixes.total(&paid);
        if cost < best[count].0 {
            best[count] = (cost, paid);
        }
    }
    // Exactly c is never dearer than c + 1, so this is also the least for at least c: from
    // the payments certifying c + 1, drop the last commune paid for in a criterion whose last
    // one is certified; that uncertifies it alone (positions in an order are distinct).
    best
}

/// The contract's greedy: each step, the commune whose certification adds the least
/// investment to what is chosen (ties: row order). Calls `step` after each step with the
/// further communes certified and the choice; stops when `step` says so.
fn greedy_certified(
    prefixes: &Prefixes,
    pending: &[(usize, Vec<(usize, usize)>)],
    mut step: impl FnMut(usize, f64, &[usize]) -> bool,
) {
    let mut paid = prefixes.none();
    let mut done = vec![false; pending.len()];
    let mut count = 0;
    if !step(0, 0.0, &paid) {
        return;
    }
    while count < pending.len() {
        let mut pick: Option<(usize, f64)> = None;
        for (p, (_, missing)) in pending.iter().enumerate() {
            if done[p] {
                continue;
            }
            let added: f64 = missing
                .iter()
                .filter(|&&(k, pos)| pos >= paid[k])
                .map(|&(k, pos)| prefixes.sums[k][pos + 1] - prefixes.sums[k][paid[k]])
                .sum();
            if pick.is_none_or(|(_, least)| added < least) {
                pick = Some((p, added));
            }
        }
        let Some((p, _)) = pick else { break };
        for &(k, pos) in &pending[p].1 {
            paid[k] = paid[k].max(pos + 1);
        }
        for (q, (_, missing)) in pending.iter().enumerate() {
            if !done[q] && covered(missing, &paid) {
                done[q] = true;
                count += 1;
            }
        }
        if !step(count, prefixes.total(&paid), &paid) {
            return;
        }
    }
}

fn for_certified(model: &Model, prefixes: &Prefixes, target: f64) -> (Vec<usize>, bool, bool) {
    let needed = (target - f64::from(model.certified_baseline()))
        .ceil()
        .max(0.0) as usize;
    if needed == 0 {
        return (prefixes.none(), true, true);
    }
    let pending = uncertified(model, prefixes);
    if needed > pending.len() {
        return (prefixes.all(), false, true);
    }
    if pending.len() <= EXACT_CERTIFIED_LIMIT {
        let mut best = exact_certified(prefixes, &pending);
        return (best.swap_remove(needed).1, true, true);
    }
    let mut answer = prefixes.none();
    greedy_certified(prefixes, &pending, |count, _, paid| {
        answer = paid.to_vec();
        count < needed
    });
    (answer, true, false)
}

/// The most communes certified for at most `budget`, and that answer.
fn certified_within(model: &Model, prefixes: &Prefixes, budget: f64) -> (u32, Vec<usize>, bool) {
    let base = model.certified_baseline();
    let pending = uncertified(model, prefixes);
    if pending.len() <= EXACT_CERTIFIED_LIMIT {
        let mut best = exact_certified(prefixes, &pending);
        let c = (0..best.len())
            .rev()
            .find(|&c| best[c].0 <= budget + TOLERANCE)
            .unwrap_or(0);
        return (base + c as u32, best.swap_remove(c).1, true);
    }
    let mut answer = (0usize, prefixes.none());
    greedy_certified(prefixes, &pending, |count, total, paid| {
        if total <= budget + TOLERANCE {
            // Each step certifies at least one more commune, so the last step within the
            // budget is the answer (the first to reach its count).
            answer = (count, paid.to_vec());
            true
        } else {
            false
        }
    });
    (base + answer.0 as u32, answer.1, false)
}

/// No commune under `target` criteria: each commune short of it needs its cheapest missing
/// criteria (all of a criterion's missing items); raised greedily, commune by commune in row
/// order, to the prefixes that pay them. Not proven least.
fn for_minimum(model: &Model, prefixes: &Prefixes, target: f64) -> (Vec<usize>, bool, bool) {
    let floor = target.ceil().max(0.0) as u32;
    let shape = &model.shape;
    if floor > shape.criteria() as u32 {
        return (prefixes.all(), false, true);
    }
    let mut paid = prefixes.none();
    for i in 0..model.table.communes.len() {
        let mut meets = prefixes.meets(model, i, &paid);
        while shape.criteria_met(meets) < floor {
            // The missing criterion whose raise to this commune adds least.
            let next = (0..shape.criteria())
                .filter(|&k| !shape.meets_criterion(meets, k))
                .map(|k| {
                    let added: f64 = (0..model.items())
                        .filter(|&j| shape.criterion_items[k] & !meets & (1 << j) != 0)
                        .filter_map(|j| {
                            let p = prefixes.position[j][i]? as usize;
                            Some(prefixes.sums[j][p + 1] - prefixes.sums[j][paid[j]])
                        })
                        .sum();
                    (k, added)
                })
                .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            let Some((k, _)) = next else { break };
            for j in 0..model.items() {
                if shape.criterion_items[k] & !meets & (1 << j) != 0 {
                    if let Some(p) = prefixes.position[j][i] {
                        paid[j] = paid[j].max(p as usize + 1);
                    }
                }
            }
            meets = prefixes.meets(model, i, &paid);
        }
    }
    // Reached: a commune stops short of the floor only once it has every criterion (the
    // floor is at most N), and later communes' raises only add to what it has.
    (paid, true, false)
}

/// With criteria of several items (model.md §8.3), the greedy over communes: each step
/// completes the (commune, criterion) that costs least to complete, until `members` meet
/// `total` of `criteria` between them (each criterion counted once a commune). Serves the
/// average (every criterion) and a criterion's count (that criterion alone). Not proven least.
fn greedy_complete(
    model: &Model,
    prefixes: &Prefixes,
    members: &[usize],
    criteria: &[usize],
    total: u32,
) -> (Vec<usize>, bool, bool) {
    let shape = &model.shape;
    let mut slot_of = vec![None; model.table.communes.len()];
    for (slot, &i) in members.iter().enumerate() {
        slot_of[i] = Some(slot);
    }
    let mut paid = prefixes.none();
    let mut meets: Vec<_> = members
        .iter()
        .map(|&i| model.table.communes[i].meets)
        .collect();
    let counted = |meets: &[crate::engine::ItemSet]| -> u32 {
        meets
            .iter()
            .map(|&m| {
                criteria
                    .iter()
                    .filter(|&&k| shape.meets_criterion(m, k))
                    .count() as u32
            })
            .sum()
    };
    let mut met = counted(&meets);
    while met < total {
        let mut pick: Option<(usize, usize, f64)> = None;
        for (slot, &i) in members.iter().enumerate() {
            for &k in criteria {
                let missing = shape.criterion_items[k] & !meets[slot];
                if missing == 0 {
                    continue;
                }
                let mut added = 0.0;
                for j in (0..model.items()).filter(|&j| missing & (1 << j) != 0) {
                    match prefixes.position[j][i] {
                        Some(p) => {
                            added += prefixes.sums[j][p as usize + 1] - prefixes.sums[j][paid[j]]
                        }
                        None => added = f64::INFINITY,
                    }
                }
                if added.is_finite() && pick.is_none_or(|(_, _, least)| added < least) {
                    pick = Some((i, k, added));
                }
            }
        }
        let Some((i, k, _)) = pick else {
            return (prefixes.all(), false, false);
        };
        // Pay each missing item of k up to commune i; the communes passed on the way gain it.
        for j in (0..model.items()).filter(|&j| shape.criterion_items[k] & (1 << j) != 0) {
            let Some(p) = prefixes.position[j][i] else {
                continue;
            };
            let to = p as usize + 1;
            for &c in &prefixes.orders[j][paid[j].min(to)..to] {
                if let Some(slot) = slot_of[c as usize] {
                    meets[slot] |= 1 << j;
                }
            }
            paid[j] = paid[j].max(to);
        }
        met = counted(&meets);
    }
    (paid, true, false)
}

/// What `amount` more for one criterion brings (model.md §7.2 `ntm marginal`).
#[derive(Debug, Clone, PartialEq)]
pub struct Margin {
    /// The item the amount is added to.
    pub item: usize,
    pub certified_gain: i64,
    pub criteria_gain: i64,
    /// The run's total shortfall with the amount added.
    pub shortfall: f64,
}

/// For each criterion, the scenario run with `amount` added to its investment (funded as the
/// scenario funds it); sorted by certified gain, then criteria gain (most first), then the
/// criteria's order.
pub fn marginal(model: &Model, scenario: &Scenario, amount: f64) -> Vec<Margin> {
    let mut run = MarginRun::new(model, scenario, amount);
    while run.step(model) {}
    run.finish()
}

/// The margins being worked out, a criterion at a time (the page works them out between
/// frames on a large table). The table's model is lent to each step; a scenario with its own
/// unit costs or targets brings its own model.
#[derive(Debug, Clone)]
pub struct MarginRun {
    own: Option<Model>,
    levers: Levers,
    base_certified: u32,
    base_met: i64,
    amount: f64,
    margins: Vec<Margin>,
}

fn criteria_met(o: &Outcome) -> i64 {
    o.criteria.iter().map(|c| i64::from(c.met)).sum()
}

impl MarginRun {
    pub fn new(model: &Model, scenario: &Scenario, amount: f64) -> MarginRun {
        let for_scenario = model.for_scenario(scenario);
        let levers = for_scenario.levers(scenario);
        let base = for_scenario.run_levers(&levers);
        let own = match for_scenario {
            std::borrow::Cow::Owned(m) => Some(m),
            std::borrow::Cow::Borrowed(_) => None,
        };
        MarginRun {
            own,
            levers,
            base_certified: base.certified,
            base_met: criteria_met(&base),
            amount,
            margins: Vec::with_capacity(model.items()),
        }
    }

    /// The criteria worked out so far.
    pub fn done(&self) -> usize {
        self.margins.len()
    }

    /// Works out the next criterion's margin on `model` (the same every step); false once all
    /// are done.
    pub fn step(&mut self, model: &Model) -> bool {
        let k = self.margins.len();
        let model = self.own.as_ref().unwrap_or(model);
        if k >= model.items() {
            return false;
        }
        let mut more = self.levers.clone();
        more.investment[k] += self.amount;
        let o = model.run_levers(&more);
        self.margins.push(Margin {
            item: k,
            certified_gain: i64::from(o.certified) - i64::from(self.base_certified),
            criteria_gain: criteria_met(&o) - self.base_met,
            shortfall: o.funding.shortfall,
        });
        self.margins.len() < model.items()
    }

    /// The margins, ranked.
    pub fn finish(self) -> Vec<Margin> {
        let mut margins = self.margins;
        margins.sort_by(|a, b| {
            b.certified_gain
                .cmp(&a.certified_gain)
                .then(b.criteria_gain.cmp(&a.criteria_gain))
                .then(a.item.cmp(&b.item))
        });
        margins
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gain_needed_is_the_least_that_passes_the_results_test() {
        for n in [1u32, 7, 181, 8248] {
            for t in [0u64, 1, 100, 2648, 19 * u64::from(n)] {
                let exact = t as f64 / f64::from(n);
                for offset in [0.0, 5e-7, -5e-7, 0.9e-9, -0.9e-9, 2e-9] {
                    let target = exact + offset;
                    let reaches = |total: u64| {
                        Measure::AvgCriteria.reaches(total as f64 / f64::from(n), target)
                    };
                    let most = 19 * u64::from(n);
                    match (0..=most).find(|&x| reaches(x)) {
                        Some(least) => {
                            assert_eq!(
                                gain_needed(0, n, 19, target),
                                least,
                                "n {n} t {t} {offset}"
                            );
                            assert_eq!(gain_needed(5, n, 19, target), least.saturating_sub(5));
                        }
                        // Beyond every criterion of every commune: more than can be gained.
                        None => assert!(gain_needed(0, n, 19, target) > most),
                    }
                }
            }
        }
        // Beyond 19 criteria a commune: more than every criterion can give.
        assert_eq!(gain_needed(0, 10, 19, 19.5), 191);
    }
}
