//! Properties of proofs on generated trees: every proof built verifies, and any change to a proof,
//! a root, a leaf, an index or a size makes it fail, unless (for sizes) the change keeps the shape
//! of the proof, which the naive model in `support` decides independently.

use accord_tlog::merkle::{
    consistency_proof, inclusion_proof, root, verify_consistency, verify_inclusion,
};
use proptest::prelude::*;

use crate::support::{leaves, path_shape, proof_shape};

/// A tree of 1 to 300 leaves (from a seed) and an index in it.
fn tree_and_index() -> impl Strategy<Value = (u64, u64, u64)> {
    (1u64..=300, any::<u64>()).prop_flat_map(|(n, seed)| (Just(n), 0..n, Just(seed)))
}

/// A tree of 2 to 300 leaves and an old size with 0 < old <= n.
fn tree_and_old_size() -> impl Strategy<Value = (u64, u64, u64)> {
    (2u64..=300, any::<u64>()).prop_flat_map(|(n, seed)| (Just(n), 1..=n, Just(seed)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn inclusion_proofs_verify_and_every_change_breaks_them(
        (n, index, seed) in tree_and_index(),
        pick in any::<prop::sample::Index>(),
        byte in 0usize..32,
        bit in 0u8..8,
        other in any::<u64>(),
    ) {
        let d = leaves(n as usize, seed);
        let tree_root = root(&d);
        let leaf = d[index as usize];
        let proof = inclusion_proof(&d, index).unwrap();
        prop_assert!(verify_inclusion(&leaf, index, n, &proof, &tree_root).is_ok());

        let flip = |mut h: [u8; 32]| { h[byte] ^= 1 << bit; h };
        prop_assert!(verify_inclusion(&flip(leaf), index, n, &proof, &tree_root).is_err());
        prop_assert!(verify_inclusion(&leaf, index, n, &proof, &flip(tree_root)).is_err());
        if !proof.is_empty() {
            let mut bad = proof.clone();
            let i = pick.index(bad.len());
            bad[i] = flip(bad[i]);
            prop_assert!(verify_inclusion(&leaf, index, n, &bad, &tree_root).is_err());
            bad = proof.clone();
            bad.remove(i);
            prop_assert!(verify_inclusion(&leaf, index, n, &bad, &tree_root).is_err());
        }
        let mut longer = proof.clone();
        longer.push(tree_root);
        prop_assert!(verify_inclusion(&leaf, index, n, &longer, &tree_root).is_err());

        // Another index, near or far: a different position, so never the same shape.
        for other_index in [other % n, other, index ^ 1, index.wrapping_add(1)] {
            if other_index != index {
                prop_assert!(
                    verify_inclusion(&leaf, other_index, n, &proof, &tree_root).is_err(),
                    "index {} passed for {} in {}", other_index, index, n
                );
            }
        }
        // Another size: fails exactly when the proof's shape changes.
        for other_size in [other % 600, n + 1, n - 1, n * 2, n / 2] {
            if other_size != n {
                let same_shape = index < other_size
                    && path_shape(index, other_size) == path_shape(index, n);
                let verified =
                    verify_inclusion(&leaf, index, other_size, &proof, &tree_root).is_ok();
                prop_assert_eq!(
                    verified, same_shape,
                    "{} in size {} checked as size {}", index, n, other_size
                );
            }
        }
    }

    #[test]
    fn consistency_proofs_verify_and_every_change_breaks_them(
        (n, old, seed) in tree_and_old_size(),
        pick in any::<prop::sample::Index>(),
        byte in 0usize..32,
        bit in 0u8..8,
        other in any::<u64>(),
    ) {
        let d = leaves(n as usize, seed);
        let (old_root, new_root) = (root(&d[..old as usize]), root(&d));
        let proof = consistency_proof(&d, old).unwrap();
        prop_assert!(verify_consistency(old, n, &old_root, &new_root, &proof).is_ok());

        let flip = |mut h: [u8; 32]| { h[byte] ^= 1 << bit; h };
        prop_assert!(verify_consistency(old, n, &flip(old_root), &new_root, &proof).is_err());
        prop_assert!(verify_consistency(old, n, &old_root, &flip(new_root), &proof).is_err());
        if !proof.is_empty() {
            let mut bad = proof.clone();
            let i = pick.index(bad.len());
            bad[i] = flip(bad[i]);
            prop_assert!(verify_consistency(old, n, &old_root, &new_root, &bad).is_err());
            bad = proof.clone();
            bad.remove(i);
            prop_assert!(verify_consistency(old, n, &old_root, &new_root, &bad).is_err());
        }
        let mut longer = proof.clone();
        longer.push(new_root);
        prop_assert!(verify_consistency(old, n, &old_root, &new_root, &longer).is_err());

        // Other sizes: fail exactly when the proof's shape changes, or the sizes leave the range
        // RFC 9162 checks (0 < old < new; equal sizes need equal roots and the empty proof).
        let candidates = [
            (other % 600, n), (old, other % 600), (old + 1, n), (old - 1, n),
            (old, n + 1), (old, n - 1), (old * 2, n), (old, n * 2),
        ];
        for (old2, new2) in candidates {
            if (old2, new2) != (old, n) {
                let same_shape = if old2 == new2 {
                    // The empty proof of equal sizes, with the two roots equal.
                    old == n && old2 > 0
                } else {
                    0 < old2 && old2 < new2 && old < n
                        && proof_shape(old2, new2) == proof_shape(old, n)
                };
                let verified =
                    verify_consistency(old2, new2, &old_root, &new_root, &proof).is_ok();
                prop_assert_eq!(
                    verified, same_shape,
                    "{} to {} checked as {} to {}", old, n, old2, new2
                );
            }
        }
    }
}
