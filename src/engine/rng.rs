//! A small seeded random generator (SplitMix64). Hand-written on purpose: the illustrative
//! commune table must come out byte for byte the same from the same seed for as long as the
//! project lives, which a crate's generator does not promise across versions.

#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    /// Roughly standard normal (Irwin–Hall of four uniforms, rescaled).
    pub fn normal(&mut self) -> f64 {
        let s: f64 = (0..4).map(|_| self.unit()).sum();
        (s - 2.0) * 3f64.sqrt()
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shuffle_gives_every_order_about_as_often() {
        // Fisher–Yates: each of the 6 orders of three items with chance 1/6, the identity too.
        let mut r = Rng::new(11);
        let mut seen = std::collections::HashMap::new();
        let n = 6000;
        for _ in 0..n {
            let mut items = [0, 1, 2];
            r.shuffle(&mut items);
            *seen.entry(items).or_insert(0) += 1;
        }
        assert_eq!(seen.len(), 6, "{seen:?}");
        // Four standard errors of a count of 1,000 out of 6,000: about 115.
        assert!(
            seen.values().all(|&c| (c as i32 - 1000).abs() < 115),
            "{seen:?}"
        );
    }

    #[test]
    fn same_seed_same_numbers() {
        let a: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        let mut r = Rng::new(1);
        assert!((0..1000).all(|_| {
            let u = r.unit();
            (0.0..1.0).contains(&u)
        }));
    }

    #[test]
    fn it_is_splitmix64_as_published() {
        // The reference outputs of SplitMix64 from seed 0 (Steele, Lea and Flood 2014; the
        // values of Vigna's splitmix64.c).
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(r.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn unit_below_normal_and_shuffle_keep_their_ranges_and_shapes() {
        let mut r = Rng::new(42);
        let n = 20_000;
        let units: Vec<f64> = (0..n).map(|_| r.unit()).collect();
        let mean = units.iter().sum::<f64>() / n as f64;
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
        // Every value of 0..7 comes up, about as often as the others, and nothing else.
        let mut counts = [0usize; 7];
        for _ in 0..n {
            counts[r.below(7)] += 1;
        }
        assert!(
            counts
                .iter()
                .all(|&c| (c as f64 - n as f64 / 7.0).abs() < 200.0),
            "{counts:?}"
        );
        assert_eq!(r.below(1), 0);
        let normals: Vec<f64> = (0..n).map(|_| r.normal()).collect();
        let mean = normals.iter().sum::<f64>() / n as f64;
        let var = normals.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.03, "{mean}");
        assert!((var - 1.0).abs() < 0.05, "{var}");
        assert!(normals.iter().all(|x| x.abs() <= 2.0 * 3f64.sqrt()));
        // A shuffle is a permutation, moves things, and the last item is not always kept.
        let mut items: Vec<u32> = (0..50).collect();
        r.shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort();
        assert_eq!(sorted, (0..50).collect::<Vec<u32>>());
        assert_ne!(items, sorted);
        let last_moved = (0..100).any(|_| {
            let mut v = [0, 1, 2];
            r.shuffle(&mut v);
            v[2] != 2
        });
        let first_moved = (0..100).any(|_| {
            let mut v = [0, 1, 2];
            r.shuffle(&mut v);
            v[0] != 0
        });
        assert!(last_moved && first_moved);
    }
}
