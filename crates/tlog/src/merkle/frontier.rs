//! The right edge of a growing tree, so that a log can append a leaf and sign the new root without
//! reading back the leaves it already holds.
//!
//! A tree of `n` leaves splits, from the left, into perfect subtrees whose sizes are the powers of
//! two set in `n` (13 = 8 + 4 + 1). Their roots, at most 64 of them, are all it takes to add the
//! next leaf and to compute the root.

use crate::error::Error;
use crate::merkle::{Hash, empty_root, node_hash};

/// The roots of the perfect subtrees of a tree, largest (leftmost) first, and the tree's size.
///
/// Invariant: `hashes.len() == size.count_ones()`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frontier {
    size: u64,
    hashes: Vec<Hash>,
}

impl Frontier {
    /// The frontier of the empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a leaf hash: O(log n) node hashes, usually one or two.
    ///
    /// Fails only when the size would pass `u64::MAX`.
    pub fn push(&mut self, leaf: Hash) -> Result<(), Error> {
        let size = self.size;
        let next = size.checked_add(1).ok_or(Error::TreeFull { size })?;
        append(&mut self.hashes, size, leaf);
        self.size = next;
        Ok(())
    }

    /// The number of leaves in the tree.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The roots of the perfect subtrees, largest (leftmost) first.
    pub fn hashes(&self) -> &[Hash] {
        &self.hashes
    }

    /// The root of the tree (the empty root for size 0).
    pub fn root(&self) -> Hash {
        fold(&self.hashes)
    }

    /// The stable byte form: the size as 8 bytes big-endian, then the subtree roots, largest first.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(8 + 32 * self.hashes.len());
        bytes.extend_from_slice(&self.size.to_be_bytes());
        for hash in &self.hashes {
            bytes.extend_from_slice(hash);
        }
        bytes
    }

    /// Reads the byte form of [`Frontier::to_bytes`]; its length must match the size it starts with.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let Some((size, rest)) = bytes.split_first_chunk::<8>() else {
            return Err(Error::FrontierLength {
                len: bytes.len(),
                size: 0,
                expected: 8,
            });
        };
        let size = u64::from_be_bytes(*size);
        // At most 64 hashes, so this cannot overflow.
        let expected = 8 + 32 * size.count_ones() as usize;
        if bytes.len() != expected {
            return Err(Error::FrontierLength {
                len: bytes.len(),
                size,
                expected,
            });
        }
        let hashes = rest
            .chunks_exact(32)
            .filter_map(|chunk| Hash::try_from(chunk).ok())
            .collect();
        Ok(Self { size, hashes })
    }
}

/// Adds `leaf` to the edge of a tree of `size` leaves: the leaf merges with one subtree root per
/// trailing one bit of `size`, as equal-sized perfect subtrees pair up.
pub(crate) fn append(hashes: &mut Vec<Hash>, size: u64, leaf: Hash) {
    let mut hash = leaf;
    for _ in 0..size.trailing_ones() {
        // The invariant gives one hash per set bit, so the pop never comes back empty.
        if let Some(left) = hashes.pop() {
            hash = node_hash(&left, &hash);
        }
    }
    hashes.push(hash);
}

/// The root from the subtree roots: right to left, each smaller subtree hangs on the right of the
/// next larger one (RFC 6962 splits at the largest power of two, so this is the MTH).
pub(crate) fn fold(hashes: &[Hash]) -> Hash {
    let mut rest = hashes.iter().rev();
    let Some(&last) = rest.next() else {
        return empty_root();
    };
    rest.fold(last, |right, left| node_hash(left, &right))
}
