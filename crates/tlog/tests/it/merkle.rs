//! The tree against published vectors: RFC 6962 roots, and the inclusion and consistency proofs of
//! transparency-dev/merkle with the corrupted variants its probe files check.
//!
//! Vectors: the eight leaf inputs and the roots of their first n leaves are in
//! transparency-dev/merkle `testonly/constants.go` (`LeafInputs`, `NodeHashes`, `RootHashes`);
//! the proofs are the happy paths of its `testdata/inclusion/*` and `testdata/consistency/*`
//! (also the inline tables of `proof/verify_test.go` before they moved to JSON).

use accord_tlog::merkle::{
    Hash, consistency_proof, empty_root, inclusion_proof, leaf_hash, node_hash, root,
    verify_consistency, verify_inclusion,
};
use accord_tlog::{Error, WhichRoot};

use crate::support::{h, leaves, mth, path, proof};

/// The leaf inputs of RFC 6962's test trees, as transparency-dev/merkle lists them.
const INPUTS: [&str; 8] = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
];

/// The roots of the first n of [`INPUTS`], n = 0..=8.
const ROOTS: [&str; 9] = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

/// The leaf hashes of [`INPUTS`] (level 0 of `NodeHashes`).
const LEAF_HASHES: [&str; 8] = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
];

/// Inclusion proofs: (leaf index, tree size, proof).
const INCLUSION: &[(u64, u64, &[&str])] = &[
    (0, 1, &[]),
    (
        0,
        8,
        &[
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        5,
        8,
        &[
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        3,
        &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
    ),
    (
        1,
        5,
        &[
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
];

/// Consistency proofs: (old size, new size, proof).
const CONSISTENCY: &[(u64, u64, &[&str])] = &[
    (1, 1, &[]),
    (
        1,
        8,
        &[
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        &[
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        &[
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
    (
        6,
        7,
        &[
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
];

/// A hash that is none of the tree's (transparency-dev's "random root" and "wrong leaf" stand-in).
const SOME_HASH: &str = "abacaba000000000000000000000000000000000000000000060061e00123456";

fn test_leaves() -> Vec<Hash> {
    INPUTS
        .iter()
        .map(|input| leaf_hash(&hex::decode(input).unwrap()))
        .collect()
}

fn hashes(hex_list: &[&str]) -> Vec<Hash> {
    hex_list.iter().map(|x| h(x)).collect()
}

#[test]
fn leaf_and_node_hashes_are_domain_separated_sha256() {
    for (input, expected) in INPUTS.iter().zip(LEAF_HASHES) {
        assert_eq!(
            leaf_hash(&hex::decode(input).unwrap()),
            h(expected),
            "{input}"
        );
    }
    // Level 1 of NodeHashes: the first pair.
    assert_eq!(
        node_hash(&h(LEAF_HASHES[0]), &h(LEAF_HASHES[1])),
        h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")
    );
    assert_eq!(empty_root(), h(ROOTS[0]));
}

#[test]
fn roots_of_the_rfc6962_test_trees() {
    let leaves = test_leaves();
    for (n, expected) in ROOTS.iter().enumerate() {
        assert_eq!(
            root(&leaves[..n]),
            h(expected),
            "root of the first {n} leaves"
        );
    }
}

#[test]
fn published_inclusion_proofs_are_built_and_verify() {
    let leaves = test_leaves();
    for &(index, size, expected) in INCLUSION {
        let tree = &leaves[..size as usize];
        let expected = hashes(expected);
        assert_eq!(
            inclusion_proof(tree, index).unwrap(),
            expected,
            "{index} in {size}"
        );
        let leaf = leaves[index as usize];
        let root = h(ROOTS[size as usize]);
        verify_inclusion(&leaf, index, size, &expected, &root).unwrap();
    }
}

#[test]
fn published_consistency_proofs_are_built_and_verify() {
    let leaves = test_leaves();
    for &(old, new, expected) in CONSISTENCY {
        let expected = hashes(expected);
        let tree = &leaves[..new as usize];
        assert_eq!(
            consistency_proof(tree, old).unwrap(),
            expected,
            "{old} to {new}"
        );
        let (old_root, new_root) = (h(ROOTS[old as usize]), h(ROOTS[new as usize]));
        verify_consistency(old, new, &old_root, &new_root, &expected).unwrap();
    }
}

/// The corruptions of transparency-dev/merkle's inclusion probe files, applied to each published
/// proof: every one must fail.
#[test]
fn corrupted_inclusion_proofs_fail() {
    let leaves = test_leaves();
    for &(index, size, proof) in INCLUSION {
        let proof = hashes(proof);
        let leaf = leaves[index as usize];
        let root = h(ROOTS[size as usize]);
        let mut probes: Vec<(String, u64, u64, Hash, Vec<Hash>, Hash)> = vec![
            (
                "leaf index + 1".into(),
                index + 1,
                size,
                leaf,
                proof.clone(),
                root,
            ),
            (
                "leaf index - 1".into(),
                index.wrapping_sub(1),
                size,
                leaf,
                proof.clone(),
                root,
            ),
            (
                "leaf index ^ 2".into(),
                index ^ 2,
                size,
                leaf,
                proof.clone(),
                root,
            ),
            (
                "size * 2".into(),
                index,
                size * 2,
                leaf,
                proof.clone(),
                root,
            ),
            (
                "size / 2".into(),
                index,
                size / 2,
                leaf,
                proof.clone(),
                root,
            ),
            (
                "wrong leaf".into(),
                index,
                size,
                h(SOME_HASH),
                proof.clone(),
                root,
            ),
            (
                "random root".into(),
                index,
                size,
                leaf,
                proof.clone(),
                h(SOME_HASH),
            ),
            (
                "empty root".into(),
                index,
                size,
                leaf,
                proof.clone(),
                empty_root(),
            ),
            (
                "trailing root".into(),
                index,
                size,
                leaf,
                [&proof[..], &[root]].concat(),
                root,
            ),
            (
                "preceding root".into(),
                index,
                size,
                leaf,
                [&[root], &proof[..]].concat(),
                root,
            ),
            (
                "trailing garbage".into(),
                index,
                size,
                leaf,
                [&proof[..], &[[0; 32]]].concat(),
                root,
            ),
            (
                "preceding garbage".into(),
                index,
                size,
                leaf,
                [&[[0; 32]], &proof[..]].concat(),
                root,
            ),
        ];
        for i in 0..proof.len() {
            let mut modified = proof.clone();
            modified[i][0] ^= 8;
            probes.push((
                format!("proof[{i}] bit flipped"),
                index,
                size,
                leaf,
                modified,
                root,
            ));
            let mut removed = proof.clone();
            removed.remove(i);
            probes.push((
                format!("proof[{i}] removed"),
                index,
                size,
                leaf,
                removed,
                root,
            ));
            let mut inserted = proof.clone();
            inserted.insert(i, h(SOME_HASH));
            probes.push((
                format!("hash inserted at {i}"),
                index,
                size,
                leaf,
                inserted,
                root,
            ));
        }
        for (what, index2, size2, leaf2, proof2, root2) in probes {
            assert!(
                verify_inclusion(&leaf2, index2, size2, &proof2, &root2).is_err(),
                "{what}: leaf {index} in {size} still verifies"
            );
        }
    }
}

/// The corruptions of transparency-dev/merkle's consistency probe files, applied to each published
/// proof with different sizes: every one must fail.
#[test]
fn corrupted_consistency_proofs_fail() {
    for &(old, new, proof) in CONSISTENCY.iter().filter(|(old, new, _)| old < new) {
        let proof = hashes(proof);
        let (r1, r2) = (h(ROOTS[old as usize]), h(ROOTS[new as usize]));
        let mut probes: Vec<(String, u64, u64, Hash, Hash, Vec<Hash>)> = vec![
            ("old size + 1".into(), old + 1, new, r1, r2, proof.clone()),
            ("old size - 1".into(), old - 1, new, r1, r2, proof.clone()),
            ("old size ^ 2".into(), old ^ 2, new, r1, r2, proof.clone()),
            ("new size * 2".into(), old, new * 2, r1, r2, proof.clone()),
            ("new size / 2".into(), old, new / 2, r1, r2, proof.clone()),
            ("swapped roots".into(), old, new, r2, r1, proof.clone()),
            (
                "wrong old root".into(),
                old,
                new,
                empty_root(),
                r2,
                proof.clone(),
            ),
            (
                "wrong new root".into(),
                old,
                new,
                r1,
                empty_root(),
                proof.clone(),
            ),
            ("empty proof".into(), old, new, r1, r2, Vec::new()),
            (
                "truncated proof".into(),
                old,
                new,
                r1,
                r2,
                proof[..proof.len() - 1].to_vec(),
            ),
            (
                "trailing old root".into(),
                old,
                new,
                r1,
                r2,
                [&proof[..], &[r1]].concat(),
            ),
            (
                "trailing new root".into(),
                old,
                new,
                r1,
                r2,
                [&proof[..], &[r2]].concat(),
            ),
            (
                "preceding old root".into(),
                old,
                new,
                r1,
                r2,
                [&[r1], &proof[..]].concat(),
            ),
            (
                "preceding new root".into(),
                old,
                new,
                r1,
                r2,
                [&[r2], &proof[..]].concat(),
            ),
            (
                "trailing garbage".into(),
                old,
                new,
                r1,
                r2,
                [&proof[..], &[[0; 32]]].concat(),
            ),
            (
                "preceding garbage".into(),
                old,
                new,
                r1,
                r2,
                [&[[0; 32]], &proof[..]].concat(),
            ),
            (
                "first hash doubled".into(),
                old,
                new,
                r1,
                r2,
                [&proof[..1], &proof[..]].concat(),
            ),
        ];
        for i in 0..proof.len() {
            let mut modified = proof.clone();
            modified[i][0] ^= 16;
            probes.push((
                format!("proof[{i}] bit flipped"),
                old,
                new,
                r1,
                r2,
                modified,
            ));
        }
        for (what, old2, new2, r1b, r2b, proof2) in probes {
            assert!(
                verify_consistency(old2, new2, &r1b, &r2b, &proof2).is_err(),
                "{what}: {old} to {new} still verifies"
            );
        }
    }
}

/// Sizes 0 and equal sizes, as transparency-dev/merkle's `testdata/consistency/additional` probes
/// them (their 12-byte "don't care" roots are 32-byte stand-ins here): RFC 9162 defines the check
/// for 0 < old < new, equal sizes need the empty proof and equal roots, and from the empty tree
/// there is nothing to prove.
#[test]
fn consistency_with_size_zero_or_equal_sizes() {
    fn check(sizes: (u64, u64), roots: (Hash, Hash), proof: &[Hash], expected: &Result<(), Error>) {
        let got = verify_consistency(sizes.0, sizes.1, &roots.0, &roots.1, proof);
        assert_eq!(&got, expected, "{sizes:?}");
    }
    let (empty, a, b) = (empty_root(), [0xaa; 32], [0xbb; 32]);
    let new_root = Err(Error::RootMismatch {
        which: WhichRoot::New,
    });
    let not_empty = Err(Error::ProofLength {
        got: 1,
        expected: 0,
    });
    let from_empty = Err(Error::ConsistencyFromEmptyTree { new_size: 1 });
    check((1, 1), (b, b), &[], &Ok(()));
    check((0, 0), (empty, empty), &[], &Ok(()));
    check((0, 0), (a, a), &[], &Err(Error::NotEmptyRoot));
    check((0, 0), (a, b), &[], &new_root);
    check((0, 0), (empty, b), &[], &new_root);
    check((1, 1), (a, b), &[], &new_root);
    check((1, 1), (empty, b), &[], &new_root);
    check((0, 0), (empty, empty), &[[0; 32]], &not_empty);
    check((1, 1), (empty, empty), &[[0; 32]], &not_empty);
    check((0, 1), (a, b), &[], &from_empty);
    check((0, 1), (empty, b), &[], &from_empty);
    check((0, 1), (empty, empty), &[[0; 32]], &from_empty);
    let order = |old_size, new_size| Err(Error::SizesOutOfOrder { old_size, new_size });
    check((1, 0), (a, b), &[], &order(1, 0));
    check((2, 1), (a, b), &[], &order(2, 1));
    let short = Err(Error::ProofLength {
        got: 0,
        expected: 1,
    });
    check((1, 2), (a, b), &[], &short);
}

/// transparency-dev/merkle's `testdata/inclusion/additional` and `single-entry` probes.
#[test]
fn inclusion_in_tiny_trees() {
    let (some, empty) = (h(SOME_HASH), empty_root());
    for (index, size) in [(0, 0), (1, 0), (2, 1), (1, 1)] {
        assert_eq!(
            verify_inclusion(&some, index, size, &[], &empty),
            Err(Error::IndexOutOfRange { index, size })
        );
    }
    assert!(verify_inclusion(&some, 0, 1, &[], &empty).is_err());
    // A tree of one leaf: the root is the leaf hash.
    let only = h("0d3aed023148ffd2a259fbd0cdc7fb3cf975658760d3775b82af6f90aacc2dfc");
    verify_inclusion(&only, 0, 1, &[], &only).unwrap();
}

#[test]
fn building_refuses_what_cannot_be_proven() {
    let leaves = leaves(5, 0);
    assert_eq!(
        inclusion_proof(&leaves, 5),
        Err(Error::IndexOutOfRange { index: 5, size: 5 })
    );
    assert_eq!(
        inclusion_proof(&[], 0),
        Err(Error::IndexOutOfRange { index: 0, size: 0 })
    );
    assert_eq!(
        consistency_proof(&leaves, 6),
        Err(Error::SizesOutOfOrder {
            old_size: 6,
            new_size: 5
        })
    );
    assert_eq!(
        consistency_proof(&leaves, 0),
        Err(Error::ConsistencyFromEmptyTree { new_size: 5 })
    );
    assert_eq!(consistency_proof(&leaves, 5), Ok(Vec::new()));
    assert_eq!(consistency_proof(&[], 0), Ok(Vec::new()));
}

/// Every root, inclusion proof and consistency proof of every tree up to 70 leaves is the one the
/// recursive definitions of RFC 6962 give, and verifies.
#[test]
fn everything_matches_the_rfc6962_definitions_up_to_70_leaves() {
    let all = leaves(70, 1);
    for n in 1..=all.len() {
        let d = &all[..n];
        let tree_root = root(d);
        assert_eq!(tree_root, mth(d), "root of {n}");
        for m in 0..n {
            let p = inclusion_proof(d, m as u64).unwrap();
            assert_eq!(p, path(m, d), "PATH({m}, D[{n}])");
            verify_inclusion(&d[m], m as u64, n as u64, &p, &tree_root).unwrap();
        }
        for m in 1..=n {
            let p = consistency_proof(d, m as u64).unwrap();
            assert_eq!(p, proof(m, d), "PROOF({m}, D[{n}])");
            verify_consistency(m as u64, n as u64, &mth(&d[..m]), &tree_root, &p).unwrap();
        }
    }
}

/// The root does not commit to the tree size: index 0 proves the same way in trees of 3 and 4
/// leaves, so a checkpoint's size and root must be taken together. This pins the behaviour the
/// docs of `verify_inclusion` describe.
#[test]
fn a_root_checked_under_another_size_of_the_same_shape_verifies() {
    let d = leaves(3, 2);
    let p = inclusion_proof(&d, 0).unwrap();
    verify_inclusion(&d[0], 0, 3, &p, &root(&d)).unwrap();
    verify_inclusion(&d[0], 0, 4, &p, &root(&d)).unwrap();
    assert!(verify_inclusion(&d[0], 0, 5, &p, &root(&d)).is_err());
}

/// A large tree, to show the proofs are built in linear time and shallow recursion.
#[test]
fn a_tree_of_100_000_leaves() {
    let d = leaves(100_000, 3);
    let tree_root = root(&d);
    for index in [0, 1, 65_535, 65_536, 99_999] {
        let p = inclusion_proof(&d, index).unwrap();
        assert!(p.len() <= 17, "{} hashes for a tree of depth 17", p.len());
        verify_inclusion(&d[index as usize], index, 100_000, &p, &tree_root).unwrap();
    }
    let p = consistency_proof(&d, 77_777).unwrap();
    verify_consistency(77_777, 100_000, &root(&d[..77_777]), &tree_root, &p).unwrap();
}

/// A million leaves: root, frontier, proofs. Slow unoptimised; run it with
/// `cargo test -p accord-tlog --release -- --ignored`.
#[test]
#[ignore = "a million leaves; run with --release -- --ignored"]
fn a_tree_of_a_million_leaves() {
    let n = 1_000_000;
    let d = leaves(n, 4);
    let started = std::time::Instant::now();
    let tree_root = root(&d);
    let mut frontier = accord_tlog::Frontier::new();
    for leaf in &d {
        frontier.push(*leaf).unwrap();
    }
    assert_eq!(frontier.root(), tree_root);
    for index in [0, 524_287, 524_288, 999_999] {
        let p = inclusion_proof(&d, index).unwrap();
        verify_inclusion(&d[index as usize], index, n as u64, &p, &tree_root).unwrap();
    }
    let p = consistency_proof(&d, 654_321).unwrap();
    verify_consistency(654_321, n as u64, &root(&d[..654_321]), &tree_root, &p).unwrap();
    eprintln!("a million leaves: {:?}", started.elapsed());
}
