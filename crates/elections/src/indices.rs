//! Disproportionality and fragmentation indices, from votes and seats per party.
//!
//! Shares are in percent for the indices the literature states in percent (Gallagher,
//! Loosemore–Hanby, Sainte-Laguë); the effective numbers of parties are plain counts.
//! These are reported figures, not decisions, so floating point is fine here.

use serde::{Deserialize, Serialize};

/// The indices of one seat distribution against one vote distribution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Indices {
    /// Least-squares index: sqrt(½ Σ (v_i − s_i)²), shares in percent.
    pub gallagher: f64,
    /// ½ Σ |v_i − s_i|, shares in percent.
    pub loosemore_hanby: f64,
    /// Σ (s_i − v_i)² / v_i over parties with votes, shares in percent.
    pub sainte_lague: f64,
    /// Laakso–Taagepera effective number of parties by votes: 1 / Σ v_i² (shares as fractions).
    pub enp_votes: f64,
    /// The same by seats.
    pub enp_seats: f64,
}

/// Percent shares of a list of counts (all zero when the total is zero).
pub fn shares(counts: &[u64]) -> Vec<f64> {
    let total: u128 = counts.iter().map(|&c| u128::from(c)).sum();
    #[expect(clippy::cast_precision_loss, reason = "shares are reported figures")]
    let shares = counts
        .iter()
        .map(|&c| {
            if total == 0 {
                0.0
            } else {
                100.0 * c as f64 / total as f64
            }
        })
        .collect();
    shares
}

/// Computes every index; `votes` and `seats` are per party, in the same order.
pub fn indices(votes: &[u64], seats: &[u64]) -> Indices {
    let v = shares(votes);
    let s = shares(seats);
    let mut squares = 0.0;
    let mut absolute = 0.0;
    let mut sainte_lague = 0.0;
    for (vi, si) in v.iter().zip(&s) {
        let d = si - vi;
        squares += d * d;
        absolute += d.abs();
        if *vi > 0.0 {
            sainte_lague += d * d / vi;
        }
    }
    let enp = |shares: &[f64]| {
        let sum: f64 = shares.iter().map(|x| (x / 100.0) * (x / 100.0)).sum();
        if sum > 0.0 { 1.0 / sum } else { 0.0 }
    };
    Indices {
        gallagher: (squares / 2.0).sqrt(),
        loosemore_hanby: absolute / 2.0,
        sainte_lague,
        enp_votes: enp(&v),
        enp_seats: enp(&s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proportional_outcomes_score_zero() {
        let i = indices(&[500, 300, 200], &[5, 3, 2]);
        assert!(
            i.gallagher.abs() < 1e-12
                && i.loosemore_hanby.abs() < 1e-12
                && i.sainte_lague.abs() < 1e-12
        );
        // 1 / (0.25 + 0.09 + 0.04) = 2.6315...
        assert!((i.enp_votes - 1.0 / 0.38).abs() < 1e-9);
        assert!((i.enp_seats - 1.0 / 0.38).abs() < 1e-9);
    }

    #[test]
    fn hand_computed_disproportionality() {
        // Votes 50/30/20 %, seats 60/40/0 %: differences 10, 10, -20.
        let i = indices(&[50, 30, 20], &[3, 2, 0]);
        // Gallagher sqrt((100 + 100 + 400) / 2) = sqrt(300).
        assert!((i.gallagher - 300f64.sqrt()).abs() < 1e-9);
        assert!((i.loosemore_hanby - 20.0).abs() < 1e-9);
        // 100/50 + 100/30 + 400/20 = 2 + 3.333 + 20.
        assert!((i.sainte_lague - (2.0 + 100.0 / 30.0 + 20.0)).abs() < 1e-9);
        assert!((i.enp_seats - 1.0 / (0.36 + 0.16)).abs() < 1e-9);
        // Nothing at all: zeros, not NaN.
        let z = indices(&[0, 0], &[0, 0]);
        assert_eq!(z, Indices::default());
    }
}
