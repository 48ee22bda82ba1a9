//! Signed notes: the published examples (C2SP signed-note, Go's golang.org/x/mod/sumdb/note),
//! round trips, tampering, unknown keys, and malformed notes and keys.

use accord_tlog::note::MAX_SIGNATURES;
use accord_tlog::{Error, NoteSigner, NoteVerifier, SignedBy, add_signature_line, open};
use proptest::prelude::*;

/// The verifier key and signed note of the C2SP signed-note specification's example.
const C2SP_VKEY: &str = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
const C2SP_NOTE: &str = "This is an example message.\n\n\u{2014} example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

/// The example of Go's golang.org/x/mod/sumdb/note documentation: the signer key
/// `PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz` holds
/// 0x01 ‖ this seed.
const PETER_SEED: &str = "810a1402d5146c8d84f2443330f54080ebf98ee17d9c74f6252fc5d5c7283173";
const PETER_VKEY: &str = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const PETER_TEXT: &str = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_LINE: &str = "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";
/// The second signature of the same documentation's doubly signed note, and its key (from the
/// package's tests).
const ENOCH_VKEY: &str = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
const ENOCH_LINE: &str = "\u{2014} EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=";

fn peter() -> NoteSigner {
    let seed: [u8; 32] = hex::decode(PETER_SEED).unwrap().try_into().unwrap();
    NoteSigner::new("PeterNeumann", &seed).unwrap()
}

fn signed_by(name: &str, key_id: &str) -> SignedBy {
    SignedBy {
        name: name.into(),
        key_id: hex::decode(key_id).unwrap().try_into().unwrap(),
    }
}

#[test]
fn the_c2sp_example_note_verifies() {
    let verifier = NoteVerifier::parse(C2SP_VKEY).unwrap();
    assert_eq!(verifier.name(), "example.com/foo");
    assert_eq!(hex::encode(verifier.key_id()), "530d903a");
    assert_eq!(verifier.verifier_key(), C2SP_VKEY);
    let opened = open(C2SP_NOTE, &[verifier]).unwrap();
    assert_eq!(opened.text, "This is an example message.\n");
    assert_eq!(opened.verified, [signed_by("example.com/foo", "530d903a")]);
    assert!(opened.other_lines.is_empty());
}

/// Ed25519 is deterministic, so signing the example text with the example key must give the
/// published note byte for byte.
#[test]
fn signing_the_go_example_gives_the_published_note() {
    let signer = peter();
    assert_eq!(hex::encode(signer.key_id()), "c74f20a3");
    assert_eq!(signer.verifier_key(), PETER_VKEY);
    assert_eq!(
        signer.sign(PETER_TEXT).unwrap(),
        format!("{PETER_TEXT}\n{PETER_LINE}\n")
    );
    assert_eq!(signer.signature_line(PETER_TEXT).unwrap(), PETER_LINE);
}

#[test]
fn the_doubly_signed_go_example_verifies_each_known_key_and_ignores_the_other() {
    let note = format!("{PETER_TEXT}\n{PETER_LINE}\n{ENOCH_LINE}\n");
    let peter = NoteVerifier::parse(PETER_VKEY).unwrap();
    let enoch = NoteVerifier::parse(ENOCH_VKEY).unwrap();

    let opened = open(&note, std::slice::from_ref(&peter)).unwrap();
    assert_eq!(opened.text, PETER_TEXT);
    assert_eq!(opened.verified, [signed_by("PeterNeumann", "c74f20a3")]);
    assert_eq!(opened.other_lines, [ENOCH_LINE]);

    let opened = open(&note, &[enoch.clone(), peter]).unwrap();
    assert_eq!(
        opened.verified,
        [
            signed_by("PeterNeumann", "c74f20a3"),
            signed_by("EnochRoot", "af0cfe78")
        ]
    );
    assert!(opened.other_lines.is_empty());

    assert_eq!(open(&note, &[]), Err(Error::NoKnownSignature));
    assert_eq!(
        add_signature_line(&format!("{PETER_TEXT}\n{PETER_LINE}\n"), ENOCH_LINE).unwrap(),
        note
    );
}

/// transparency-dev/formats `note/note_cosigv1_test.go`: a type 0x01 key whose base64 holds plus
/// signs, so the key must be split at the first two only.
#[test]
fn a_verifier_key_with_plus_signs_in_its_base64() {
    let vkey = "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6";
    let verifier = NoteVerifier::parse(vkey).unwrap();
    assert_eq!(verifier.name(), "TEST");
    assert_eq!(verifier.verifier_key(), vkey);
}

#[test]
fn a_note_round_trips_and_tampering_is_caught() {
    let signer = NoteSigner::new("accord.example/log", &[7; 32]).unwrap();
    let verifier = NoteVerifier::parse(&signer.verifier_key()).unwrap();
    assert_eq!(verifier, signer.verifier());
    let text = "accord.example/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    let note = signer.sign(text).unwrap();
    let opened = open(&note, std::slice::from_ref(&verifier)).unwrap();
    assert_eq!(opened.text, text);
    assert_eq!(opened.verified.len(), 1);

    let bad = Err(Error::BadSignature {
        name: "accord.example/log".into(),
        key_id: signer.key_id(),
    });
    // The text changed.
    let tampered = note.replacen("\n3\n", "\n4\n", 1);
    assert_eq!(open(&tampered, std::slice::from_ref(&verifier)), bad);
    // A signature byte changed (here: the last base64 digit before the padding).
    let (head, _) = note.trim_end().rsplit_once(' ').unwrap();
    let signature = note.trim_end().rsplit_once(' ').unwrap().1;
    let mut chars: Vec<char> = signature.chars().collect();
    let at = chars.len() - 3;
    chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
    let tampered = format!("{head} {}\n", chars.iter().collect::<String>());
    assert_eq!(open(&tampered, std::slice::from_ref(&verifier)), bad);
    // The same key under another name, or another key under the same name: unknown, ignored.
    let renamed = note.replace(
        "\u{2014} accord.example/log ",
        "\u{2014} accord.example/other ",
    );
    assert_eq!(
        open(&renamed, std::slice::from_ref(&verifier)),
        Err(Error::NoKnownSignature)
    );
    let other = NoteSigner::new("accord.example/log", &[8; 32]).unwrap();
    assert_eq!(
        open(&note, &[other.verifier()]),
        Err(Error::NoKnownSignature)
    );
}

#[test]
fn a_bad_signature_by_a_known_key_fails_even_beside_a_good_one() {
    let a = NoteSigner::new("a", &[1; 32]).unwrap();
    let b = NoteSigner::new("b", &[2; 32]).unwrap();
    let note = a.sign("text\n").unwrap();
    let forged_line = b.signature_line("other text\n").unwrap();
    let note = add_signature_line(&note, &forged_line).unwrap();
    assert_eq!(
        open(&note, &[a.verifier()]).unwrap().other_lines,
        [forged_line]
    );
    assert_eq!(
        open(&note, &[a.verifier(), b.verifier()]),
        Err(Error::BadSignature {
            name: "b".into(),
            key_id: b.key_id()
        })
    );
}

#[test]
fn a_repeated_signature_counts_once() {
    let a = NoteSigner::new("a", &[1; 32]).unwrap();
    let note = a.sign("text\n").unwrap();
    let line = a.signature_line("text\n").unwrap();
    let note = add_signature_line(&note, &format!("{line}\n")).unwrap();
    assert_eq!(open(&note, &[a.verifier()]).unwrap().verified.len(), 1);
}

/// Key IDs are only 32 bits: these two seeds (found by a birthday search over the seeds 0, 1, 2,
/// ... as 32-byte big-endian numbers) give keys with the same ID under the name `collide`.
#[test]
fn two_keys_with_one_name_and_key_id_are_ambiguous() {
    let seed = |i: u32| {
        let mut seed = [0; 32];
        seed[28..].copy_from_slice(&i.to_be_bytes());
        seed
    };
    let a = NoteSigner::new("collide", &seed(74_721)).unwrap();
    let b = NoteSigner::new("collide", &seed(95_125)).unwrap();
    assert_eq!(hex::encode(a.key_id()), "a4a624d3");
    assert_eq!(a.key_id(), b.key_id());
    assert_ne!(a.verifier(), b.verifier());
    let note = a.sign("text\n").unwrap();
    assert_eq!(
        open(&note, &[a.verifier(), b.verifier()]),
        Err(Error::AmbiguousVerifiers {
            name: "collide".into(),
            key_id: a.key_id()
        })
    );
    // Known by name and key ID alone, the other key must verify the line, and cannot.
    assert_eq!(
        open(&note, &[b.verifier()]),
        Err(Error::BadSignature {
            name: "collide".into(),
            key_id: a.key_id()
        })
    );
    // Listing the same key twice is not ambiguous.
    assert!(open(&note, &[a.verifier(), a.verifier()]).is_ok());
}

#[test]
fn texts_that_cannot_be_signed() {
    let signer = NoteSigner::new("a", &[1; 32]).unwrap();
    assert_eq!(signer.sign(""), Err(Error::EmptyText));
    assert_eq!(signer.sign("no newline"), Err(Error::MissingFinalNewline));
    assert_eq!(
        signer.sign("one\ntwo\tthree\n"),
        Err(Error::ControlCharacter { line: 2, code: 9 })
    );
    assert_eq!(
        signer.sign("crlf\r\n"),
        Err(Error::ControlCharacter {
            line: 1,
            code: 0x0d
        })
    );
    // Empty lines inside the text are fine: the last blank line separates the signatures.
    let note = signer.sign("a\n\nb\n\n").unwrap();
    assert_eq!(
        open(&note, &[signer.verifier()]).unwrap().text,
        "a\n\nb\n\n"
    );
}

#[test]
fn key_names_are_checked() {
    for (name, problem) in [
        ("", "is empty"),
        ("a b", "holds a space"),
        ("a\u{a0}b", "holds a space"),
        ("a+b", "holds a plus sign"),
        ("a\u{1}b", "holds a control character"),
    ] {
        assert_eq!(
            NoteSigner::new(name, &[1; 32]).map(|_| ()),
            Err(Error::InvalidKeyName {
                name: name.into(),
                problem
            })
        );
    }
    assert!(NoteSigner::new("accord.example/log—ü", &[1; 32]).is_ok());
}

#[test]
fn malformed_verifier_keys_are_refused() {
    let cases = [
        ("example.com/foo+530d903a", "is not name+keyid+key"),
        (
            "+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
            "has an invalid key name",
        ),
        (
            "example.com/foo+530d903+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
            "key ID is not 8 hex digits",
        ),
        (
            "example.com/foo+530d903g+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
            "key ID is not 8 hex digits",
        ),
        (
            "example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
            "key ID does not match the name and key",
        ),
        (
            "example.com/bar+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
            "key ID does not match the name and key",
        ),
        (
            "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2",
            "key is not standard base64",
        ),
        ("example.com/foo+530d903a+", "key is empty"),
        (
            "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U0=",
            "Ed25519 key is not 32 bytes",
        ),
        // Go's sumdb/note tests: an unknown algorithm, and a key of the wrong length, each with a
        // key ID adjusted to match. The second has stray bits in its last base64 digit, which
        // Go's decoder ignores and this crate refuses first.
        (
            "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "has a signature type this crate does not support",
        ),
        (
            "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
            "key is not standard base64",
        ),
        // A cosigner key (type 0x04, transparency-dev/formats tests) is not a note signing key.
        (
            "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2",
            "is a cosigner key (type 0x04), not a note signing key (type 0x01)",
        ),
    ];
    for (vkey, problem) in cases {
        assert_eq!(
            NoteVerifier::parse(vkey),
            Err(Error::InvalidVerifierKey {
                vkey: vkey.into(),
                problem
            }),
            "{vkey}"
        );
    }
    // Every truncation of a good key, and every single-byte change, is refused (as Go's tests do).
    let bytes = C2SP_VKEY.as_bytes();
    for end in 0..bytes.len() {
        assert!(NoteVerifier::parse(&C2SP_VKEY[..end]).is_err(), "{end}");
    }
    for i in 0..bytes.len() {
        let mut changed = bytes.to_vec();
        changed[i] = changed[i].wrapping_add(1);
        if let Ok(changed) = String::from_utf8(changed) {
            assert!(NoteVerifier::parse(&changed).is_err(), "{changed}");
        }
    }
}

#[test]
fn malformed_notes_are_refused() {
    let v = [NoteVerifier::parse(PETER_VKEY).unwrap()];
    let good = format!("{PETER_TEXT}\n{PETER_LINE}\n");
    assert!(open(&good, &v).is_ok());
    let malformed = |problem| Err(Error::MalformedNote { problem });
    assert_eq!(
        open(&format!("{PETER_TEXT}{PETER_LINE}\n"), &v),
        malformed("no blank line between text and signatures")
    );
    assert_eq!(
        open(&format!("{PETER_TEXT}\n"), &v),
        malformed("no signature line after the blank line")
    );
    assert_eq!(
        open(&format!("{PETER_TEXT}\n{PETER_LINE}"), &v),
        Err(Error::MissingFinalNewline)
    );
    assert_eq!(
        open(&format!("{PETER_TEXT}\n{PETER_LINE}\n\n"), &v),
        malformed("no signature line after the blank line")
    );
    assert_eq!(
        open(&format!("{PETER_TEXT}\n{PETER_LINE}\r\n"), &v),
        Err(Error::ControlCharacter {
            line: 4,
            code: 0x0d
        })
    );
    let line_problem = |line: &str, problem| {
        assert_eq!(
            open(&format!("{PETER_TEXT}\n{PETER_LINE}\n{line}\n"), &v),
            Err(Error::MalformedSignatureLine {
                line: line.into(),
                problem
            }),
            "{line}"
        );
    };
    line_problem("- a AAAAAAA=", "does not start with an em dash and a space");
    line_problem(
        "\u{2014}a AAAAAAA=",
        "does not start with an em dash and a space",
    );
    line_problem(
        "\u{2014} aAAAAAAA=",
        "has no space between key name and signature",
    );
    line_problem("\u{2014} a+b AAAAAAA=", "has an invalid key name");
    line_problem("\u{2014} a AAAAAAA", "signature is not standard base64");
    line_problem("\u{2014} a AAAA AAA=", "signature is not standard base64");
    line_problem("\u{2014} a AAA=", "signature is shorter than a key ID");
    line_problem(
        "\u{2014} a AAAAAA==",
        "signature has a key ID and nothing else",
    );
}

#[test]
fn the_number_of_signature_lines_is_limited() {
    let a = NoteSigner::new("a", &[1; 32]).unwrap();
    let mut note = a.sign("text\n").unwrap();
    let stranger = "\u{2014} stranger AAAAAAA=";
    for _ in 1..MAX_SIGNATURES {
        note = add_signature_line(&note, stranger).unwrap();
    }
    assert_eq!(
        open(&note, &[a.verifier()]).unwrap().other_lines.len(),
        MAX_SIGNATURES - 1
    );
    let too_many = Err(Error::TooManySignatures {
        max: MAX_SIGNATURES,
    });
    assert_eq!(add_signature_line(&note, stranger), too_many);
    assert_eq!(
        open(&format!("{note}{stranger}\n"), &[a.verifier()]).unwrap_err(),
        Error::TooManySignatures {
            max: MAX_SIGNATURES
        }
    );
}

#[test]
fn only_well_formed_lines_are_added() {
    let a = NoteSigner::new("a", &[1; 32]).unwrap();
    let note = a.sign("text\n").unwrap();
    assert!(matches!(
        add_signature_line(&note, "\u{2014} b AAAAAAA=\n\u{2014} c AAAAAAA="),
        Err(Error::MalformedSignatureLine { .. })
    ));
    assert!(matches!(
        add_signature_line("text\n", "\u{2014} b AAAAAAA="),
        Err(Error::MissingFinalNewline | Error::MalformedNote { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn notes_round_trip(
        name in "[a-z0-9./-]{1,30}",
        seed in any::<[u8; 32]>(),
        lines in prop::collection::vec("[^\\x00-\\x1f]{0,40}", 1..6),
    ) {
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        let signer = NoteSigner::new(&name, &seed).unwrap();
        let verifier = NoteVerifier::parse(&signer.verifier_key()).unwrap();
        let opened = open(&signer.sign(&text).unwrap(), &[verifier]).unwrap();
        prop_assert_eq!(opened.text, text);
        prop_assert_eq!(opened.verified, vec![SignedBy { name, key_id: signer.key_id() }]);
    }
}
