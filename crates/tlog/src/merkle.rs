//! The RFC 6962 Merkle tree: hashing, roots, inclusion and consistency proofs, and their checks.
//!
//! Proofs are built from the definitions of RFC 6962 §2.1.1 and §2.1.2 (top down, one split per
//! level) and checked with the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2 (bottom up, bit by bit),
//! so the two sides do not share code that could hide a mistake. Building a proof over `n` leaves
//! hashes each leaf at most once per proof (O(n) work, O(log n) memory, no recursion).

mod frontier;

use sha2::{Digest, Sha256};

pub use frontier::Frontier;

use crate::error::{Error, WhichRoot};

/// A SHA-256 hash: a leaf hash, an interior node or a root.
pub type Hash = [u8; 32];

/// The hash of a leaf: SHA-256(0x00 ‖ entry).
pub fn leaf_hash(entry: &[u8]) -> Hash {
    Sha256::new()
        .chain_update([0x00])
        .chain_update(entry)
        .finalize()
        .into()
}

/// The hash of an interior node: SHA-256(0x01 ‖ left ‖ right).
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    Sha256::new()
        .chain_update([0x01])
        .chain_update(left)
        .chain_update(right)
        .finalize()
        .into()
}

/// The root of the empty tree: SHA-256 of the empty string.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// The Merkle tree hash (MTH) of the given leaf hashes; the tree is not padded.
pub fn root(leaves: &[Hash]) -> Hash {
    let mut edge = Vec::with_capacity(64);
    for (size, leaf) in (0u64..).zip(leaves) {
        frontier::append(&mut edge, size, *leaf);
    }
    frontier::fold(&edge)
}

/// The inclusion proof (audit path, RFC 6962 §2.1.1) of the leaf at `index` in the tree of all
/// `leaves`: the sibling hashes from the leaf up to the root.
pub fn inclusion_proof(leaves: &[Hash], index: u64) -> Result<Vec<Hash>, Error> {
    let size = len_u64(leaves);
    let Some(mut index) = usize::try_from(index).ok().filter(|&i| i < leaves.len()) else {
        return Err(Error::IndexOutOfRange { index, size });
    };
    // Walk down from the root, keeping the subtree that holds the leaf; the other side is one
    // proof hash. They come out top first, and the proof lists them bottom first.
    let mut proof = Vec::new();
    let mut tree = leaves;
    while tree.len() > 1 {
        let (left, right) = tree.split_at(split(tree.len()));
        if index < left.len() {
            proof.push(root(right));
            tree = left;
        } else {
            proof.push(root(left));
            index -= left.len();
            tree = right;
        }
    }
    proof.reverse();
    Ok(proof)
}

/// The consistency proof (RFC 6962 §2.1.2) that the tree of the first `old_size` leaves is a
/// prefix of the tree of all `leaves`.
///
/// Equal sizes give the empty proof. An `old_size` of 0 below a non-empty tree is an error, as
/// [`verify_consistency`] would refuse any proof for it.
pub fn consistency_proof(leaves: &[Hash], old_size: u64) -> Result<Vec<Hash>, Error> {
    let new_size = len_u64(leaves);
    let Some(mut old) = usize::try_from(old_size)
        .ok()
        .filter(|&m| m <= leaves.len())
    else {
        return Err(Error::SizesOutOfOrder { old_size, new_size });
    };
    if old == leaves.len() {
        return Ok(Vec::new());
    }
    if old == 0 {
        return Err(Error::ConsistencyFromEmptyTree { new_size });
    }
    // SUBPROOF(m, D[n], b) of RFC 6962, unrolled: `whole_old_tree` is its flag b, true while the
    // old tree is the whole left part of the current subtree (its root is known to the verifier).
    let mut proof = Vec::new();
    let mut tree = leaves;
    let mut whole_old_tree = true;
    while old < tree.len() {
        let (left, right) = tree.split_at(split(tree.len()));
        if old <= left.len() {
            proof.push(root(right));
            tree = left;
        } else {
            proof.push(root(left));
            old -= left.len();
            tree = right;
            whole_old_tree = false;
        }
    }
    if !whole_old_tree {
        proof.push(root(tree));
    }
    proof.reverse();
    Ok(proof)
}

/// Checks that `leaf` is the leaf hash at `index` in the tree of `size` leaves whose root is
/// `root` (RFC 9162 §2.1.3.2).
///
/// The root does not commit to the size: a proof can check out against the same root under more
/// than one size when the path has the same shape (for example index 0 in sizes 3 and 4). The size
/// is bound to the root by the signed checkpoint, so take both from the same checkpoint.
pub fn verify_inclusion(
    leaf: &Hash,
    index: u64,
    size: u64,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), Error> {
    if index >= size {
        return Err(Error::IndexOutOfRange { index, size });
    }
    let expected = inclusion_proof_len(index, size);
    if proof.len() != expected {
        return Err(Error::ProofLength {
            got: proof.len(),
            expected,
        });
    }
    let (mut f_n, mut s_n) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(p, &r);
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    // The length check above makes `s_n` reach 0 exactly at the end of the proof.
    if s_n == 0 && r == *root {
        Ok(())
    } else {
        Err(Error::RootMismatch {
            which: WhichRoot::Tree,
        })
    }
}

/// Checks that the tree of `old_size` leaves with root `old_root` is a prefix of the tree of
/// `new_size` leaves with root `new_root` (RFC 9162 §2.1.4.2).
///
/// Equal sizes need the empty proof and equal roots (and size 0 needs the empty root). From size 0
/// to a larger size there is nothing to prove ([`Error::ConsistencyFromEmptyTree`]): a client that
/// holds no checkpoint yet accepts its first one on its signatures alone. As with inclusion, the
/// roots do not commit to the sizes; take each size from the checkpoint that signs its root.
pub fn verify_consistency(
    old_size: u64,
    new_size: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> Result<(), Error> {
    if old_size > new_size {
        return Err(Error::SizesOutOfOrder { old_size, new_size });
    }
    if old_size == new_size {
        if !proof.is_empty() {
            return Err(Error::ProofLength {
                got: proof.len(),
                expected: 0,
            });
        }
        if old_root != new_root {
            return Err(Error::RootMismatch {
                which: WhichRoot::New,
            });
        }
        if old_size == 0 && *old_root != empty_root() {
            return Err(Error::NotEmptyRoot);
        }
        return Ok(());
    }
    if old_size == 0 {
        return Err(Error::ConsistencyFromEmptyTree { new_size });
    }
    let expected = consistency_proof_len(old_size, new_size);
    if proof.len() != expected {
        return Err(Error::ProofLength {
            got: proof.len(),
            expected,
        });
    }
    // When the old tree is a perfect subtree, its root is the first node of the path and the
    // proof leaves it out.
    let (first, rest) = match proof.split_first() {
        Some((first, rest)) if !old_size.is_power_of_two() => (first, rest),
        _ => (old_root, proof),
    };
    let (mut f_n, mut s_n) = (old_size - 1, new_size - 1);
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    let (mut f_r, mut s_r) = (*first, *first);
    for c in rest {
        if f_n & 1 == 1 || f_n == s_n {
            f_r = node_hash(c, &f_r);
            s_r = node_hash(c, &s_r);
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        } else {
            s_r = node_hash(&s_r, c);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    if f_r != *old_root {
        return Err(Error::RootMismatch {
            which: WhichRoot::Old,
        });
    }
    // The length check above makes `s_n` reach 0 exactly at the end of the proof.
    if s_n != 0 || s_r != *new_root {
        return Err(Error::RootMismatch {
            which: WhichRoot::New,
        });
    }
    Ok(())
}

/// The number of hashes in the inclusion proof of `index` in a tree of `size` leaves
/// (`index < size`): the steps the RFC 9162 check takes until its `sn` reaches 0.
fn inclusion_proof_len(index: u64, size: u64) -> usize {
    let (mut f_n, mut s_n) = (index, size - 1);
    let mut len = 0;
    while s_n != 0 {
        if f_n & 1 == 0 && f_n == s_n {
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        }
        f_n >>= 1;
        s_n >>= 1;
        len += 1;
    }
    len
}

/// The number of hashes in the consistency proof from `old_size` to `new_size`
/// (`0 < old_size < new_size`), counted the way the RFC 9162 check walks it.
fn consistency_proof_len(old_size: u64, new_size: u64) -> usize {
    let (mut f_n, mut s_n) = (old_size - 1, new_size - 1);
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    let mut len = 0;
    while s_n != 0 {
        if f_n & 1 == 0 && f_n == s_n {
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        }
        f_n >>= 1;
        s_n >>= 1;
        len += 1;
    }
    // The first hash seeds the walk; a perfect old tree supplies it from its own root.
    if old_size.is_power_of_two() {
        len
    } else {
        len + 1
    }
}

/// Where RFC 6962 splits a tree of `n > 1` leaves: the largest power of two smaller than `n`.
fn split(n: usize) -> usize {
    1 << (n - 1).ilog2()
}

/// A slice length as a tree size (lossless: `usize` is at most 64 bits on every target Rust has).
fn len_u64(leaves: &[Hash]) -> u64 {
    u64::try_from(leaves.len()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_the_largest_power_of_two_below() {
        let got: Vec<usize> = (2..=9).map(split).collect();
        assert_eq!(got, [1, 2, 2, 4, 4, 4, 4, 8]);
    }

    #[test]
    fn proof_lengths_match_the_proofs_built() {
        let leaves: Vec<Hash> = (0u32..70).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        for n in 1..=leaves.len() {
            let tree = &leaves[..n];
            for i in 0..n {
                let proof = inclusion_proof(tree, i as u64).unwrap();
                assert_eq!(
                    proof.len(),
                    inclusion_proof_len(i as u64, n as u64),
                    "{i} in {n}"
                );
            }
            for m in 1..n {
                let proof = consistency_proof(tree, m as u64).unwrap();
                assert_eq!(
                    proof.len(),
                    consistency_proof_len(m as u64, n as u64),
                    "{m} to {n}"
                );
            }
        }
    }
}
