//! The frontier: appending leaves one by one gives the same root as hashing them all, and its byte
//! form round-trips and refuses bytes whose length does not match their size.

use accord_tlog::Error;
use accord_tlog::merkle::{Frontier, leaf_hash, root};

use crate::support::{h, leaves};

#[test]
fn frontier_root_equals_the_tree_root_for_every_size_up_to_300() {
    let all = leaves(300, 7);
    let mut frontier = Frontier::new();
    assert_eq!(frontier.root(), root(&[]));
    for (n, leaf) in all.iter().enumerate() {
        frontier.push(*leaf).unwrap();
        assert_eq!(frontier.size(), n as u64 + 1);
        assert_eq!(frontier.hashes().len(), (n + 1).count_ones() as usize);
        assert_eq!(frontier.root(), root(&all[..=n]), "size {}", n + 1);
        let bytes = frontier.to_bytes();
        assert_eq!(bytes.len(), 8 + 32 * (n + 1).count_ones() as usize);
        assert_eq!(Frontier::from_bytes(&bytes).unwrap(), frontier);
    }
}

/// transparency-dev/merkle's `CompactTrees`: the subtree roots of the first 7 leaves of the
/// RFC 6962 test tree are the nodes of levels 2, 1 and 0 it lists.
#[test]
fn frontier_hashes_are_the_published_compact_ranges() {
    let inputs: [&[u8]; 7] = [
        b"",
        &[0x00],
        &[0x10],
        &[0x20, 0x21],
        &[0x30, 0x31],
        &[0x40, 0x41, 0x42, 0x43],
        &[0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
    ];
    let mut frontier = Frontier::new();
    for input in inputs {
        frontier.push(leaf_hash(input)).unwrap();
    }
    assert_eq!(
        frontier.hashes(),
        [
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
        ]
    );
    assert_eq!(
        frontier.root(),
        h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c")
    );
}

#[test]
fn the_byte_form_is_size_then_hashes() {
    let mut frontier = Frontier::new();
    assert_eq!(frontier.to_bytes(), [0; 8]);
    for leaf in leaves(5, 8) {
        frontier.push(leaf).unwrap();
    }
    let bytes = frontier.to_bytes();
    assert_eq!(bytes[..8], 5u64.to_be_bytes());
    assert_eq!(bytes[8..40], frontier.hashes()[0]);
    assert_eq!(bytes[40..], frontier.hashes()[1]);
}

#[test]
fn bytes_of_the_wrong_length_are_refused() {
    let mut frontier = Frontier::new();
    for leaf in leaves(6, 9) {
        frontier.push(leaf).unwrap();
    }
    let bytes = frontier.to_bytes();
    for len in [0, 7, 8, 39, 40, 71] {
        assert!(
            matches!(
                Frontier::from_bytes(&bytes[..len]),
                Err(Error::FrontierLength { .. })
            ),
            "{len} bytes"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        Frontier::from_bytes(&longer),
        Err(Error::FrontierLength {
            len: 73,
            size: 6,
            expected: 72
        })
    );
    // A size whose set bits ask for more hashes than there are.
    let mut lying = bytes;
    lying[7] = 7;
    assert_eq!(
        Frontier::from_bytes(&lying),
        Err(Error::FrontierLength {
            len: 72,
            size: 7,
            expected: 104
        })
    );
}

#[test]
fn a_full_frontier_refuses_another_leaf() {
    let mut bytes = u64::MAX.to_be_bytes().to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 64 * 32));
    let mut frontier = Frontier::from_bytes(&bytes).unwrap();
    assert_eq!(
        frontier.push([1; 32]),
        Err(Error::TreeFull { size: u64::MAX })
    );
    assert_eq!(frontier.size(), u64::MAX);
}
