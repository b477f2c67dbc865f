//! Risk (model.md §7.3): the one-year engine drawn many times, with money arriving late and
//! partly, costs off their estimates and works that slip.
//!
//! The generator is PCG 64 (`rand_pcg::Pcg64`, XSL-RR 128/64). Draw `d` of seed `s` uses its
//! own generator, whose 128-bit state and stream come from SplitMix64 over `s` and `d`, so a run
//! can be split into slices (a worker's progress, the page's frames) and still give the same
//! numbers. Within a draw the random numbers are taken in this order: for each source with a
//! range (source order) one uniform for its triangular disbursement; then criterion by
//! criterion, candidate by candidate in serving order, a standard normal for the cost (when the
//! spread is above 0: Marsaglia's polar method, its second value kept for the next candidate)
//! and, for a commune paid, one uniform for delivery (when delivery is below 1). Logarithms and
//! exponentials come from `libm`, so native and wasm32 give the same bits.

use super::path::Path;
use super::plan::{CRITERIA, SOURCES};
use super::rng::Rng as SplitMix;
use super::run::{funding_flow, Chance, Levers, Model, TOLERANCE};
use super::scenario::Scenario;
use rand_core::RngCore;
use rand_pcg::Pcg64;

/// The most draws a run may ask for.
pub const MAX_DRAWS: u32 = 100_000;

/// Draws of a path under risk: the first this many draws of a run (a path draw costs a year's
/// preparation of the table per year; 500 draws put P10 and P90 within about a commune).
pub const PATH_DRAWS: u64 = 500;

/// A triangular range: least, most likely, largest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Triangular {
    pub min: f64,
    pub mode: f64,
    pub max: f64,
}

impl Triangular {
    /// The value at cumulative probability `u` (inverse of the distribution function).
    pub fn at(&self, u: f64) -> f64 {
        let Triangular { min, mode, max } = *self;
        let width = max - min;
        if width <= 0.0 {
            return min;
        }
        let split = (mode - min) / width;
        if u < split {
            min + (u * width * (mode - min)).sqrt()
        } else {
            max - ((1.0 - u) * width * (max - mode)).sqrt()
        }
    }

    pub fn mean(&self) -> f64 {
        (self.min + self.mode + self.max) / 3.0
    }
}

/// The settings of a risk run (a risk file, model.md §7.3).
#[derive(Debug, Clone, PartialEq)]
pub struct RiskSettings {
    pub name: Option<String>,
    pub draws: u32,
    pub seed: u64,
    /// The range of each source's disbursement; `None`: the scenario's.
    pub disbursement: [Option<Triangular>; SOURCES],
    /// σ of the cost factor `exp(σZ − σ²/2)`.
    pub cost_sd: f64,
    /// The chance that a commune paid for a criterion meets it by the year's end.
    pub delivery: f64,
}

impl RiskSettings {
    /// No spread at all: every draw is the deterministic run.
    pub fn none() -> RiskSettings {
        RiskSettings {
            name: None,
            draws: 1,
            seed: 1,
            disbursement: [None; SOURCES],
            cost_sd: 0.0,
            delivery: 1.0,
        }
    }
}

/// What one draw gives.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Draw {
    pub certified: u32,
    pub criteria_met: u32,
    pub border_met: u32,
    pub met: [u32; CRITERIA],
}

/// A scenario prepared for drawing: its model, levers and settings.
pub struct RiskRun<'a> {
    model: std::borrow::Cow<'a, Model>,
    levers: Levers,
    settings: RiskSettings,
}

fn splitmix_pair(seed: u64, draw: u64) -> (u128, u128) {
    let mut mix = SplitMix::new(seed ^ draw.wrapping_mul(0xD1B5_4A32_D192_ED03));
    let state = (u128::from(mix.next_u64()) << 64) | u128::from(mix.next_u64());
    let stream = (u128::from(mix.next_u64()) << 64) | u128::from(mix.next_u64());
    (state, stream)
}

/// Uniform in [0, 1) from the top 53 bits.
fn unit(rng: &mut Pcg64) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Standard normals by Marsaglia's polar method, keeping the second of each pair.
struct Normals {
    spare: Option<f64>,
}

impl Normals {
    fn next(&mut self, rng: &mut Pcg64) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        loop {
            let u = 2.0 * unit(rng) - 1.0;
            let v = 2.0 * unit(rng) - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let scale = (-2.0 * libm::log(s) / s).sqrt();
                self.spare = Some(v * scale);
                return u * scale;
            }
        }
    }
}

/// A year's chances drawn from one draw's generator, in the order the module's doc gives.
struct Drawn<'r> {
    rng: &'r mut Pcg64,
    normals: Normals,
    settings: &'r RiskSettings,
}

impl Chance for Drawn<'_> {
    fn disbursement(&mut self, levers: &mut Levers) {
        for s in 0..SOURCES {
            if let Some(range) = self.settings.disbursement[s] {
                levers.disbursement[s] = range.at(unit(self.rng));
            }
        }
    }
    fn cost(&mut self, estimate: f64) -> f64 {
        let sigma = self.settings.cost_sd;
        if sigma > 0.0 {
            estimate * libm::exp(sigma * self.normals.next(self.rng) - sigma * sigma / 2.0)
        } else {
            estimate
        }
    }
    fn delivered(&mut self) -> bool {
        self.settings.delivery >= 1.0 || unit(self.rng) < self.settings.delivery
    }
}

/// Draw `d` of a path under risk: the communes certified at the end of each year. Each year
/// draws its own disbursement, costs and delivery (in the year's order: disbursement, then the
/// walk); a work that slips is done by the next year.
pub fn path_draw(path: &Path, model: &Model, settings: &RiskSettings, d: u64) -> Vec<u32> {
    // Its own streams, apart from the one-year draws of the same seed.
    let (state, stream) = splitmix_pair(settings.seed ^ 0x7061_7468, d);
    let mut rng = Pcg64::new(state, stream);
    let mut chance = Drawn {
        rng: &mut rng,
        normals: Normals { spare: None },
        settings,
    };
    path.run_chance(model, &mut chance)
        .years
        .iter()
        .map(|y| y.outcome.certified)
        .collect()
}

/// P10, P50, P90 and the mean of certified communes, year by year, over path draws.
pub fn path_spreads(draws: &[Vec<u32>]) -> Vec<Spread> {
    let years = draws.first().map_or(0, Vec::len);
    (0..years)
        .map(|y| {
            Spread::of(
                draws
                    .iter()
                    .filter_map(|d| d.get(y).map(|&c| f64::from(c)))
                    .collect(),
            )
        })
        .collect()
}

impl<'a> RiskRun<'a> {
    pub fn new(model: &'a Model, scenario: &Scenario, settings: RiskSettings) -> RiskRun<'a> {
        let model = model.for_scenario(scenario);
        let levers = model.levers(scenario);
        RiskRun {
            model,
            levers,
            settings,
        }
    }

    pub fn settings(&self) -> &RiskSettings {
        &self.settings
    }

    /// Draw number `d` (0-based) of the run.
    pub fn draw(&self, d: u64) -> Draw {
        let (state, stream) = splitmix_pair(self.settings.seed, d);
        let mut rng = Pcg64::new(state, stream);
        let mut normals = Normals { spare: None };
        let mut levers = self.levers.clone();
        for s in 0..SOURCES {
            if let Some(range) = self.settings.disbursement[s] {
                levers.disbursement[s] = range.at(unit(&mut rng));
            }
        }
        let flow = funding_flow(&levers);
        let model = &*self.model;
        let communes = &model.table.communes;
        let mut meets: Vec<u32> = communes.iter().map(|c| c.meets).collect();
        let sigma = self.settings.cost_sd;
        let delivery = self.settings.delivery;
        let mut met = [0u32; CRITERIA];
        for k in 0..CRITERIA {
            let mut budget = flow.covered[k];
            met[k] = model.baseline(k);
            for &i in model.serving_order(levers.strategy, k) {
                let estimate = model.cost(i as usize, k);
                let cost = if sigma > 0.0 {
                    estimate * libm::exp(sigma * normals.next(&mut rng) - sigma * sigma / 2.0)
                } else {
                    estimate
                };
                if cost <= budget + TOLERANCE {
                    budget -= cost;
                    if delivery >= 1.0 || unit(&mut rng) < delivery {
                        meets[i as usize] |= 1 << k;
                        met[k] += 1;
                    }
                }
            }
        }
        let all = (1u32 << CRITERIA) - 1;
        let mut draw = Draw {
            certified: 0,
            criteria_met: 0,
            border_met: 0,
            met,
        };
        for (c, &m) in communes.iter().zip(&meets) {
            let count = m.count_ones();
            draw.criteria_met += count;
            draw.certified += u32::from(m == all);
            if c.border {
                draw.border_met += count;
            }
        }
        draw
    }

    /// Draws `range` of the run (for slices and workers).
    pub fn draws(&self, range: std::ops::Range<u64>) -> Vec<Draw> {
        range.map(|d| self.draw(d)).collect()
    }

    /// Every draw, summarised.
    pub fn run(&self) -> RiskOutcome {
        let draws = self.draws(0..u64::from(self.settings.draws));
        self.summarise(&draws)
    }

    /// Percentiles, means and chances over the draws.
    pub fn summarise(&self, draws: &[Draw]) -> RiskOutcome {
        let model = &*self.model;
        let plan = &model.plan;
        let n = model.table.communes.len().max(1) as f64;
        let border = model
            .table
            .communes
            .iter()
            .filter(|c| c.border)
            .count()
            .max(1) as f64;
        let stat = |values: Vec<f64>| Spread::of(values);
        let certified: Vec<f64> = draws.iter().map(|d| f64::from(d.certified)).collect();
        let avg: Vec<f64> = draws
            .iter()
            .map(|d| f64::from(d.criteria_met) / n)
            .collect();
        let border_avg: Vec<f64> = draws
            .iter()
            .map(|d| f64::from(d.border_met) / border)
            .collect();
        let share = |hit: usize| hit as f64 / draws.len().max(1) as f64;
        let t = &plan.targets;
        let chance_certified = share(
            certified
                .iter()
                .filter(|&&c| c >= f64::from(t.certified))
                .count(),
        );
        let chance_avg = share(
            avg.iter()
                .filter(|&&a| a + 1e-9 >= t.avg_criteria_min)
                .count(),
        );
        let chance_border = share(
            border_avg
                .iter()
                .filter(|&&a| a + 1e-9 >= t.border_avg_min)
                .count(),
        );
        let criteria = (0..CRITERIA)
            .map(|k| {
                let target = plan.criteria[k].target;
                CriterionRisk {
                    key: plan.criteria[k].key.clone(),
                    target,
                    met: stat(draws.iter().map(|d| f64::from(d.met[k])).collect()),
                    chance: share(draws.iter().filter(|d| d.met[k] >= target).count()),
                }
            })
            .collect();
        let mut histogram: Vec<(u32, u32)> = Vec::new();
        let mut sorted: Vec<u32> = draws.iter().map(|d| d.certified).collect();
        sorted.sort_unstable();
        for c in sorted {
            match histogram.last_mut() {
                Some((value, count)) if *value == c => *count += 1,
                _ => histogram.push((c, 1)),
            }
        }
        RiskOutcome {
            draws: draws.len() as u32,
            seed: self.settings.seed,
            certified: stat(certified),
            avg_criteria: stat(avg),
            border_avg: stat(border_avg),
            criteria,
            chance_certified,
            chance_avg_criteria: chance_avg,
            chance_border_avg: chance_border,
            targets: (f64::from(t.certified), t.avg_criteria_min, t.border_avg_min),
            histogram,
        }
    }
}

/// P10, P50, P90 (nearest rank: the sorted draws' entry ⌈p·n⌉ − 1) and the mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub mean: f64,
}

impl Spread {
    pub fn of(mut values: Vec<f64>) -> Spread {
        if values.is_empty() {
            return Spread {
                p10: 0.0,
                p50: 0.0,
                p90: 0.0,
                mean: 0.0,
            };
        }
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let rank = |p: f64| {
            let r = (p * n as f64 - 1e-9).ceil() as usize;
            values[r.clamp(1, n) - 1]
        };
        Spread {
            p10: rank(0.1),
            p50: rank(0.5),
            p90: rank(0.9),
            mean,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CriterionRisk {
    pub key: String,
    pub target: u32,
    pub met: Spread,
    pub chance: f64,
}

/// The result of a risk run (model.md §7.3).
#[derive(Debug, Clone, PartialEq)]
pub struct RiskOutcome {
    pub draws: u32,
    pub seed: u64,
    pub certified: Spread,
    pub avg_criteria: Spread,
    pub border_avg: Spread,
    pub criteria: Vec<CriterionRisk>,
    pub chance_certified: f64,
    pub chance_avg_criteria: f64,
    pub chance_border_avg: f64,
    /// The targets the chances are of: certified, average, border average (its lower end).
    pub targets: (f64, f64, f64),
    /// Draws by certified communes: (certified, draws), ascending.
    pub histogram: Vec<(u32, u32)>,
}
