//! Shared helpers: hex literals, generated leaves, and a naive model of the RFC 6962 tree.
//!
//! The model follows the recursive definitions of RFC 6962 §2.1 word for word (MTH, PATH,
//! SUBPROOF) and is as slow as they are; the crate builds the same things iteratively, and the
//! tests compare the two.

use accord_tlog::merkle::{Hash, empty_root, leaf_hash, node_hash};

/// A hash from 64 hex digits.
pub fn h(hex_digits: &str) -> Hash {
    hex::decode(hex_digits).unwrap().try_into().unwrap()
}

/// `n` distinct leaf hashes, different for each `seed`.
pub fn leaves(n: usize, seed: u64) -> Vec<Hash> {
    (0..n as u64)
        .map(|i| leaf_hash(&[seed.to_be_bytes(), i.to_be_bytes()].concat()))
        .collect()
}

/// Where RFC 6962 splits `n > 1` leaves: the largest power of two smaller than `n`.
fn k(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}

/// MTH(D[n]), RFC 6962 §2.1.
pub fn mth(d: &[Hash]) -> Hash {
    match d.len() {
        0 => empty_root(),
        1 => d[0],
        n => node_hash(&mth(&d[..k(n)]), &mth(&d[k(n)..])),
    }
}

/// PATH(m, D[n]), RFC 6962 §2.1.1.
pub fn path(m: usize, d: &[Hash]) -> Vec<Hash> {
    let n = d.len();
    if n == 1 {
        return Vec::new();
    }
    let k = k(n);
    if m < k {
        let mut p = path(m, &d[..k]);
        p.push(mth(&d[k..]));
        p
    } else {
        let mut p = path(m - k, &d[k..]);
        p.push(mth(&d[..k]));
        p
    }
}

/// PROOF(m, D[n]) = SUBPROOF(m, D[n], true), RFC 6962 §2.1.2.
pub fn proof(m: usize, d: &[Hash]) -> Vec<Hash> {
    subproof(m, d, true)
}

fn subproof(m: usize, d: &[Hash], b: bool) -> Vec<Hash> {
    let n = d.len();
    if m == n {
        return if b { Vec::new() } else { vec![mth(d)] };
    }
    let k = k(n);
    if m <= k {
        let mut p = subproof(m, &d[..k], b);
        p.push(mth(&d[k..]));
        p
    } else {
        let mut p = subproof(m - k, &d[k..], false);
        p.push(mth(&d[..k]));
        p
    }
}

/// The shape of PATH(m, D[n]): for each proof hash, bottom first, whether it sits on the left of
/// the path. Two (index, size) pairs with one shape hash a proof the same way, so a proof for one
/// checks out under the other: the root does not commit to the size.
pub fn path_shape(m: u64, n: u64) -> Vec<bool> {
    if n <= 1 {
        return Vec::new();
    }
    let k = k(n as usize) as u64;
    let (mut shape, left) = if m < k {
        (path_shape(m, k), false)
    } else {
        (path_shape(m - k, n - k), true)
    };
    shape.push(left);
    shape
}

/// The shape of PROOF(m, D[n]) in the same sense: whether it starts with the root of a part of
/// the old tree (else the old root itself is the start), then for each hash whether it is on the
/// left.
pub fn proof_shape(m: u64, n: u64) -> (bool, Vec<bool>) {
    fn sub(m: u64, n: u64, b: bool) -> (bool, Vec<bool>) {
        if m == n {
            return (!b, Vec::new());
        }
        let k = k(n as usize) as u64;
        let ((seeded, mut shape), left) = if m <= k {
            (sub(m, k, b), false)
        } else {
            (sub(m - k, n - k, false), true)
        };
        shape.push(left);
        (seeded, shape)
    }
    sub(m, n, true)
}
