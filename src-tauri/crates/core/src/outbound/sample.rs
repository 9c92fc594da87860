//! The spot-check sample (随机电话抽查): a number or a percentage of the
//! trips, stratified by village, drawn with a seeded ChaCha20 generator so
//! that the same seed on the same data draws the same trips on any machine.

use std::collections::BTreeMap;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

/// How many to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleSize {
    /// This many trips (all of them if fewer).
    Count(u32),
    /// This percentage (1–100) of the trips, rounded up.
    Percent(u32),
}

impl SampleSize {
    /// The number drawn from a population of `n`.
    pub fn of(self, n: usize) -> usize {
        match self {
            SampleSize::Count(c) => (c as usize).min(n),
            SampleSize::Percent(p) => (n * p.min(100) as usize).div_ceil(100),
        }
    }
}

/// Proportional allocation of `total` over strata of the given sizes, by the
/// largest remainder; ties go to the larger stratum, then to the earlier one.
pub fn allocate(sizes: &[usize], total: usize) -> Vec<usize> {
    let n: usize = sizes.iter().sum();
    let total = total.min(n);
    if n == 0 {
        return vec![0; sizes.len()];
    }
    let mut out: Vec<usize> = sizes.iter().map(|s| s * total / n).collect();
    let mut given: usize = out.iter().sum();
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    // Remainder of stratum i is (s_i * total) mod n; compare exactly.
    order.sort_by(|&a, &b| {
        let ra = sizes[a] * total % n;
        let rb = sizes[b] * total % n;
        rb.cmp(&ra).then(sizes[b].cmp(&sizes[a])).then(a.cmp(&b))
    });
    for i in order.into_iter().cycle() {
        if given >= total {
            break;
        }
        if out[i] < sizes[i] {
            out[i] += 1;
            given += 1;
        }
    }
    out
}

/// A uniform integer below `bound` (> 0), without modulo bias.
fn below(rng: &mut ChaCha20Rng, bound: u64) -> u64 {
    let zone = u64::MAX - (u64::MAX % bound);
    loop {
        let x = rng.next_u64();
        if x < zone {
            return x % bound;
        }
    }
}

/// Draw from `population` (stratum key, id) pairs. Input order does not
/// matter: strata and ids are sorted first. Strata are visited in key order;
/// within each, a partial Fisher–Yates shuffle picks its share. The result
/// lists each stratum's picks in the order drawn.
pub fn draw(population: &[(String, String)], size: SampleSize, seed: u64) -> Vec<String> {
    let mut strata: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (k, id) in population {
        strata.entry(k.as_str()).or_default().push(id.as_str());
    }
    for ids in strata.values_mut() {
        ids.sort_unstable();
        ids.dedup();
    }
    let sizes: Vec<usize> = strata.values().map(Vec::len).collect();
    let total = size.of(sizes.iter().sum());
    let shares = allocate(&sizes, total);
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let mut out = Vec::with_capacity(total);
    for (ids, share) in strata.into_values().zip(shares) {
        let mut ids = ids;
        for i in 0..share {
            let j = i + below(&mut rng, (ids.len() - i) as u64) as usize;
            ids.swap(i, j);
            out.push(ids[i].to_string());
        }
    }
    out
}
