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
//! exponentials come from `libm`, so native and wasm32 give the same bits. Draw `d` of a path
//! under seed `s` takes its numbers, year after year, from the generator of one-year draw `d`
//! of seed `s ^ 0x7061_7468` ("path"), so a path's draws are not the one-year draws again.

use super::path::Path;
use super::plan::ItemSet;
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
    /// By source.
    pub disbursement: Vec<Option<Triangular>>,
    /// σ of the cost factor `exp(σZ − σ²/2)`.
    pub cost_sd: f64,
    /// The chance that a commune paid for a criterion meets it by the year's end.
    pub delivery: f64,
}

/// Where each source's disbursement is drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DisbursementDraws {
    /// From the settings' ranges: a source with a range replaces the scenario's disbursement
    /// lever for it (model.md §7.3).
    #[default]
    SettingsRanges,
    /// Around the levers' own values: each range moved so that its most likely value is the
    /// lever's, its width kept (within 0 and 1).
    AroundLevers,
}

impl RiskSettings {
    /// The sources whose disbursement lever the ranges replace: those with a range, in source
    /// order, where the scenario's lever is not what the plan gives (`plan_disbursement`).
    /// Drawn from the settings, these levers do not move the risk's figures.
    pub fn replaced_levers(&self, disbursement: &[f64], plan_disbursement: &[f64]) -> Vec<usize> {
        (0..self
            .disbursement
            .len()
            .min(disbursement.len())
            .min(plan_disbursement.len()))
            .filter(|&s| {
                self.disbursement[s].is_some()
                    && (disbursement[s] - plan_disbursement[s]).abs() > TOLERANCE
            })
            .collect()
    }

    /// The settings to draw with: as they are, or each range moved around the levers' own
    /// disbursement (`disbursement`, the scenario's levers).
    pub fn drawn(&self, how: DisbursementDraws, disbursement: &[f64]) -> RiskSettings {
        let mut out = self.clone();
        if how == DisbursementDraws::AroundLevers {
            for (range, &lever) in out.disbursement.iter_mut().zip(disbursement) {
                if let Some(t) = range {
                    let shift = lever - t.mode;
                    let top = lever.max(1.0);
                    *t = Triangular {
                        min: (t.min + shift).clamp(0.0, lever),
                        mode: lever,
                        max: (t.max + shift).clamp(lever, top),
                    };
                }
            }
        }
        out
    }

    /// The lowest and highest disbursement drawn for any source; `None` when every source
    /// keeps the scenario's.
    pub fn disbursement_span(&self) -> Option<(f64, f64)> {
        let ranges = self.disbursement.iter().flatten();
        let low = ranges.clone().map(|t| t.min).reduce(f64::min)?;
        let high = ranges.map(|t| t.max).reduce(f64::max)?;
        Some((low, high))
    }

    /// No spread at all: every draw is the deterministic run.
    pub fn none() -> RiskSettings {
        RiskSettings {
            name: None,
            draws: 1,
            seed: 1,
            disbursement: Vec::new(),
            cost_sd: 0.0,
            delivery: 1.0,
        }
    }
}

/// What one draw gives.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Draw {
    pub certified: u32,
    pub criteria_met: u32,
    pub border_met: u32,
    /// By criterion: communes meeting it.
    pub met: Vec<u32>,
    /// Which communes are certified in the draw: bit i % 64 of word i / 64 (a bit a commune,
    /// so a thousand draws of the country's table cross to the page in a few hundred KB).
    pub certified_communes: Vec<u64>,
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
        for (s, range) in self.settings.disbursement.iter().enumerate() {
            if let (Some(range), Some(lever)) = (range, levers.disbursement.get_mut(s)) {
                *lever = range.at(unit(self.rng));
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
        for (s, range) in self.settings.disbursement.iter().enumerate() {
            if let (Some(range), Some(lever)) = (range, levers.disbursement.get_mut(s)) {
                *lever = range.at(unit(&mut rng));
            }
        }
        let flow = funding_flow(&levers);
        let model = &*self.model;
        let communes = &model.table.communes;
        let mut meets: Vec<ItemSet> = communes.iter().map(|c| c.meets).collect();
        let sigma = self.settings.cost_sd;
        let delivery = self.settings.delivery;
        // Per item: communes that gained it (its criterion's count where each criterion is one).
        let mut gained = vec![0u32; model.items()];
        for k in 0..model.items() {
            let mut budget = flow.covered[k];
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
                        gained[k] += 1;
                    }
                }
            }
        }
        let shape = &model.shape;
        let all = shape.all;
        let mut draw = Draw {
            certified: 0,
            criteria_met: 0,
            border_met: 0,
            met: vec![0; shape.criteria()],
            certified_communes: vec![0; communes.len().div_ceil(64)],
        };
        let single = shape.criterion_items.len() == model.items();
        if single {
            for (k, met) in draw.met.iter_mut().enumerate() {
                *met = model.baseline(k) + gained[k] + model.not_assessed(k);
            }
        }
        for (i, (c, &m)) in communes.iter().zip(&meets).enumerate() {
            let count = if single {
                (m & all).count_ones()
            } else {
                let mut count = 0;
                for (k, &mask) in shape.criterion_items.iter().enumerate() {
                    if m & mask == mask {
                        count += 1;
                        draw.met[k] += 1;
                    }
                }
                count
            };
            draw.criteria_met += count;
            draw.certified += u32::from(m == all);
            if m == all {
                draw.certified_communes[i / 64] |= 1 << (i % 64);
            }
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
        let share = |hit: usize| share_of(hit as f64, draws.len());
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
        let criteria = (0..plan.criteria.len())
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
        let mut commune_chance = vec![0.0; model.table.communes.len()];
        for d in draws {
            for (i, chance) in commune_chance.iter_mut().enumerate() {
                if d.certified_communes
                    .get(i / 64)
                    .is_some_and(|w| w >> (i % 64) & 1 == 1)
                {
                    *chance += 1.0;
                }
            }
        }
        for chance in &mut commune_chance {
            *chance = share_of(*chance, draws.len());
        }
        RiskOutcome {
            commune_chance,
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
    /// Each commune's chance of being certified: the share of draws in which it is (by row).
    pub commune_chance: Vec<f64>,
}

/// The share of `draws` that `hits` are (none of no draws).
fn share_of(hits: f64, draws: usize) -> f64 {
    hits / draws.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draws_generator_is_seeded_by_splitmix64_over_the_seed_and_the_draw() {
        // The module's doc, worked out apart: SplitMix64 from seed ^ d·0xD1B54A32D192ED03 gives
        // four words; the state is the first two (high, low), the stream the next two.
        for (seed, d) in [(1u64, 0u64), (1, 1), (42, 999), (u64::MAX, 7)] {
            let mut mix = SplitMix::new(seed ^ d.wrapping_mul(0xD1B5_4A32_D192_ED03));
            let w: Vec<u128> = (0..4).map(|_| u128::from(mix.next_u64())).collect();
            let (state, stream) = splitmix_pair(seed, d);
            assert_eq!(state, w[0] * (1u128 << 64) + w[1], "state of {seed}, {d}");
            assert_eq!(stream, w[2] * (1u128 << 64) + w[3], "stream of {seed}, {d}");
        }
    }

    #[test]
    fn both_normals_of_each_pair_are_standard() {
        let mut rng = Pcg64::new(3, 5);
        let mut normals = Normals { spare: None };
        let n = 20_000;
        let (mut first, mut second) = (Vec::new(), Vec::new());
        for _ in 0..n {
            first.push(normals.next(&mut rng));
            second.push(normals.next(&mut rng));
        }
        for (which, z) in [("first", &first), ("second", &second)] {
            let mean = z.iter().sum::<f64>() / n as f64;
            let var = z.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
            let below = z.iter().filter(|&&x| x < 0.0).count() as f64 / n as f64;
            // Four standard errors: 0.028 for the mean, 0.04 for the variance, 0.014 for the share.
            assert!(mean.abs() < 0.028, "{which}: mean {mean}");
            assert!((var - 1.0).abs() < 0.04, "{which}: variance {var}");
            assert!((below - 0.5).abs() < 0.014, "{which}: below zero {below}");
        }
    }

    fn settings(cost_sd: f64, delivery: f64) -> RiskSettings {
        RiskSettings {
            cost_sd,
            delivery,
            ..RiskSettings::none()
        }
    }

    /// What a path year's chances draw, `n` times, and the generator's next word after them.
    fn drawn<T>(
        settings: &RiskSettings,
        n: usize,
        mut f: impl FnMut(&mut Drawn<'_>) -> T,
    ) -> (Vec<T>, u64) {
        let mut rng = Pcg64::new(9, 4);
        let mut chance = Drawn {
            rng: &mut rng,
            normals: Normals { spare: None },
            settings,
        };
        let values = (0..n).map(|_| f(&mut chance)).collect();
        (values, rng.next_u64())
    }

    #[test]
    fn a_path_years_chances_follow_the_settings_and_draw_only_what_they_use() {
        let untouched = Pcg64::new(9, 4).next_u64();
        // No spread, sure delivery: the estimate and done, nothing drawn.
        let certain = settings(0.0, 1.0);
        assert_eq!(
            drawn(&certain, 3, |c| c.cost(12.5)),
            (vec![12.5; 3], untouched)
        );
        assert_eq!(
            drawn(&certain, 3, |c| c.delivered()),
            (vec![true; 3], untouched)
        );
        assert_eq!(
            drawn(&settings(0.0, 0.0), 2, |c| c.delivered()).0,
            vec![false; 2]
        );
        // Costs: a factor exp(σZ − σ²/2), mean 1, its logarithm's spread σ.
        let n = 20_000;
        let (costs, _) = drawn(&settings(0.15, 1.0), n, |c| c.cost(10.0));
        let mean = costs.iter().sum::<f64>() / n as f64 / 10.0;
        let logs: Vec<f64> = costs.iter().map(|x| (x / 10.0).ln()).collect();
        let log_mean = logs.iter().sum::<f64>() / n as f64;
        let log_sd = (logs.iter().map(|l| (l - log_mean).powi(2)).sum::<f64>() / n as f64).sqrt();
        assert!((mean - 1.0).abs() < 0.005, "mean factor {mean}");
        assert!(
            (log_mean + 0.15 * 0.15 / 2.0).abs() < 0.005,
            "log mean {log_mean}"
        );
        assert!((log_sd - 0.15).abs() < 0.005, "log spread {log_sd}");
        // Delivery: done with its chance.
        let (done, _) = drawn(&settings(0.0, 0.3), n, |c| c.delivered());
        let share = done.iter().filter(|&&d| d).count() as f64 / n as f64;
        assert!((share - 0.3).abs() < 0.013, "delivered {share}");
        // Disbursement: drawn in its range for a source listed, the others left.
        let mut ranged = RiskSettings::none();
        ranged.disbursement = vec![
            None,
            Some(Triangular {
                min: 0.2,
                mode: 0.3,
                max: 0.4,
            }),
        ];
        let (levers, _) = drawn(&ranged, 200, |c| {
            let mut levers = Levers {
                strategy: Default::default(),
                funding: vec![100.0; 5],
                disbursement: vec![0.9; 5],
                investment: vec![0.0; 19],
                eligibility: vec![0; 5],
            };
            c.disbursement(&mut levers);
            levers.disbursement
        });
        assert!(
            levers.iter().all(|d| (0.2..=0.4).contains(&d[1])),
            "{levers:?}"
        );
        assert!(
            levers.iter().any(|d| d[1] != levers[0][1]),
            "one value drawn every time"
        );
        assert!(levers
            .iter()
            .all(|d| d[0] == 0.9 && d[2..].iter().all(|&x| x == 0.9)));
    }

    #[test]
    fn a_uniform_is_the_generators_top_53_bits() {
        let mut a = Pcg64::new(7, 11);
        let mut b = Pcg64::new(7, 11);
        for _ in 0..1000 {
            let word = b.next_u64();
            let u = unit(&mut a);
            assert!((0.0..1.0).contains(&u), "{u}");
            // Exactly the word's top 53 bits over 2^53: within 2^-53 below word / 2^64.
            let exact = word as f64 / 18_446_744_073_709_551_616.0;
            assert!(u <= exact && exact - u < 1.2e-16, "{u} against {exact}");
            assert_eq!(u * 9_007_199_254_740_992.0, (word >> 11) as f64);
        }
    }
}
