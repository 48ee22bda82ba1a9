//! Checkpoints: the C2SP example, the text layout, round trips, and each way a text can be wrong.

use accord_tlog::{Checkpoint, Error};
use proptest::prelude::*;

use crate::support::h;

/// The checkpoint of the C2SP tlog-checkpoint specification's example.
const EXAMPLE: &str =
    "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

#[test]
fn the_c2sp_example_reads_and_writes_back() {
    let checkpoint = Checkpoint::parse(EXAMPLE).unwrap();
    assert_eq!(checkpoint.origin(), "example.com/behind-the-sofa");
    assert_eq!(checkpoint.size(), 20_852_163);
    assert_eq!(
        *checkpoint.root(),
        h("0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62")
    );
    assert!(checkpoint.extensions().is_empty());
    assert_eq!(checkpoint.to_text(), EXAMPLE);
}

#[test]
fn the_text_is_origin_size_root_then_extensions() {
    let checkpoint = Checkpoint::new("accord.example/log", 0, [0; 32])
        .unwrap()
        .with_extensions(vec!["ext one".into(), "two".into()])
        .unwrap();
    assert_eq!(
        checkpoint.to_text(),
        "accord.example/log\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\next one\ntwo\n"
    );
    assert_eq!(
        Checkpoint::parse(&checkpoint.to_text()).unwrap(),
        checkpoint
    );
}

fn check(text: &str, expected: &Error) {
    assert_eq!(Checkpoint::parse(text).as_ref(), Err(expected), "{text:?}");
}

#[test]
fn malformed_texts_are_refused_with_what_is_wrong() {
    let root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
    let bad_size = |text: &str| Error::BadTreeSize { text: text.into() };
    check("", &Error::EmptyText);
    check("o\n1\n", &Error::CheckpointTooShort { lines: 2 });
    check(&format!("o\n1\n{root}"), &Error::MissingFinalNewline);
    check(&format!("\n1\n{root}\n"), &Error::EmptyOrigin);
    check(&format!("o\n01\n{root}\n"), &bad_size("01"));
    check(&format!("o\n+1\n{root}\n"), &bad_size("+1"));
    check(&format!("o\n-1\n{root}\n"), &bad_size("-1"));
    check(&format!("o\n\n{root}\n"), &bad_size(""));
    check(&format!("o\n1 \n{root}\n"), &bad_size("1 "));
    check(
        &format!("o\n18446744073709551616\n{root}\n"),
        &bad_size("18446744073709551616"),
    );
    check(
        "o\n1\nnot base64!\n",
        &Error::BadRootBase64 {
            text: "not base64!".into(),
        },
    );
    // Unpadded, and a non-zero trailing bit: not canonical standard base64.
    let unpadded = root.trim_end_matches('=');
    check(
        &format!("o\n1\n{unpadded}\n"),
        &Error::BadRootBase64 {
            text: unpadded.into(),
        },
    );
    let trailing = root.replace("2I=", "2J=");
    check(
        &format!("o\n1\n{trailing}\n"),
        &Error::BadRootBase64 {
            text: trailing.clone(),
        },
    );
    check("o\n1\nAAAA\n", &Error::BadRootLength { len: 3 });
    check(
        &format!("o\n1\n{root}A\n"),
        &Error::BadRootBase64 {
            text: format!("{root}A"),
        },
    );
    check(
        &format!("o\n1\n{root}\n\n"),
        &Error::EmptyExtension { line: 4 },
    );
    check(
        &format!("o\n1\n{root}\nx\n\ny\n"),
        &Error::EmptyExtension { line: 5 },
    );
    check(
        &format!("o\r\n1\n{root}\n"),
        &Error::ControlCharacter {
            line: 1,
            code: 0x0d,
        },
    );
    check(
        &format!("o\n1\n{root}\nex\tt\n"),
        &Error::ControlCharacter {
            line: 4,
            code: 0x09,
        },
    );
}

#[test]
fn a_checkpoint_is_built_only_from_valid_parts() {
    assert_eq!(Checkpoint::new("", 1, [0; 32]), Err(Error::EmptyOrigin));
    assert_eq!(
        Checkpoint::new("two\nlines", 1, [0; 32]),
        Err(Error::ControlCharacter {
            line: 1,
            code: 0x0a
        })
    );
    let checkpoint = Checkpoint::new("o", 1, [0; 32]).unwrap();
    assert_eq!(
        checkpoint.clone().with_extensions(vec![String::new()]),
        Err(Error::EmptyExtension { line: 4 })
    );
    assert_eq!(
        checkpoint.with_extensions(vec!["a".into(), "b\nc".into()]),
        Err(Error::ControlCharacter {
            line: 5,
            code: 0x0a
        })
    );
}

proptest! {
    #[test]
    fn checkpoints_round_trip(
        origin in "[^\\x00-\\x1f]{1,40}",
        size in any::<u64>(),
        root in any::<[u8; 32]>(),
        extensions in prop::collection::vec("[^\\x00-\\x1f]{1,20}", 0..3),
    ) {
        let checkpoint = Checkpoint::new(&origin, size, root)
            .unwrap()
            .with_extensions(extensions)
            .unwrap();
        let text = checkpoint.to_text();
        prop_assert_eq!(Checkpoint::parse(&text).unwrap(), checkpoint);
        prop_assert_eq!(Checkpoint::parse(&text).unwrap().to_text(), text);
    }
}
