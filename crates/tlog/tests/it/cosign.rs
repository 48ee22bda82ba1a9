//! Cosignatures: the key and line formats checked by hand against C2SP tlog-cosignature, a log's
//! checkpoint cosigned by witnesses end to end, and tampering.

use accord_tlog::merkle::{leaf_hash, root};
use accord_tlog::{
    Checkpoint, CosignerKey, CosignerVerifier, Error, NoteSigner, NoteVerifier, add_signature_line,
    open, verify_cosignature,
};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, SigningKey};
use proptest::prelude::*;
use sha2::{Digest, Sha256};

const TIME: u64 = 1_679_315_147;

fn checkpoint_text() -> String {
    let leaves: Vec<_> = (0u8..5).map(|i| leaf_hash(&[i])).collect();
    Checkpoint::new("accord.example/log", 5, root(&leaves))
        .unwrap()
        .to_text()
}

/// The base64 payload of a signature line.
fn payload(line: &str) -> Vec<u8> {
    BASE64.decode(line.rsplit_once(' ').unwrap().1).unwrap()
}

/// transparency-dev/formats `note/note_cosigv1_test.go`: a native cosigner verifier key.
#[test]
fn a_published_cosigner_key_reads() {
    let vkey = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";
    let verifier = CosignerVerifier::parse(vkey).unwrap();
    assert_eq!(verifier.name(), "remora.n621.de");
    assert_eq!(hex::encode(verifier.key_id()), "da77ade7");
    assert_eq!(verifier.verifier_key(), vkey);
    // A note signing key (type 0x01) is not a cosigner key.
    let note_key = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    assert_eq!(
        CosignerVerifier::parse(note_key),
        Err(Error::InvalidVerifierKey {
            vkey: note_key.into(),
            problem: "is a note signing key (type 0x01), not a cosigner key (type 0x04)"
        })
    );
}

/// The C2SP tlog-cosignature example note: a log signature and a cosignature whose payload starts
/// with the time of the specification's example message. No keys are published for it, so it can
/// only be read, not verified.
#[test]
fn the_c2sp_example_note_reads() {
    let text =
        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    let cosignature = "\u{2014} witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==";
    let note = format!(
        "{text}\n\u{2014} example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n{cosignature}\n"
    );
    assert_eq!(open(&note, &[]), Err(Error::NoKnownSignature));
    let blob = payload(cosignature);
    assert_eq!(blob.len(), 4 + 8 + 64);
    assert_eq!(u64::from_be_bytes(blob[4..12].try_into().unwrap()), TIME);
    // Checked against a witness of that name with another key, the line is by someone else.
    let stranger = CosignerKey::new("witness.example.com/w1", &[3; 32]).unwrap();
    assert!(matches!(
        verify_cosignature(cosignature, text, &stranger.verifier()),
        Err(Error::OtherSigner { .. })
    ));
}

#[test]
fn key_id_and_verifier_key_use_type_0x04() {
    let seed = [4; 32];
    let witness = CosignerKey::new("witness.example/w1", &seed).unwrap();
    let public = SigningKey::from_bytes(&seed).verifying_key().to_bytes();
    let digest = Sha256::digest([b"witness.example/w1\n\x04".as_slice(), &public].concat());
    assert_eq!(witness.key_id(), digest[..4]);
    assert_eq!(
        witness.verifier_key(),
        format!(
            "witness.example/w1+{}+{}",
            hex::encode(&digest[..4]),
            BASE64.encode([[4].as_slice(), &public].concat())
        )
    );
    assert_eq!(
        CosignerVerifier::parse(&witness.verifier_key()).unwrap(),
        witness.verifier()
    );
    // The same seed and name as a note signing key: another key ID, so never mistaken for it.
    let as_note_key = NoteSigner::new("witness.example/w1", &seed).unwrap();
    assert_ne!(as_note_key.key_id(), witness.key_id());
    assert!(matches!(
        NoteVerifier::parse(&witness.verifier_key()),
        Err(Error::InvalidVerifierKey { .. })
    ));
}

/// The line carries key ID, 8-byte big-endian time and an Ed25519 signature over
/// `cosignature/v1\ntime <t>\n` and the checkpoint text: checked here with ed25519-dalek directly.
#[test]
fn the_line_signs_the_documented_message() {
    let seed = [5; 32];
    let witness = CosignerKey::new("witness.example/w1", &seed).unwrap();
    let text = checkpoint_text();
    let line = witness.cosign(&text, TIME).unwrap();
    assert!(line.starts_with("\u{2014} witness.example/w1 "));
    let blob = payload(&line);
    assert_eq!(blob.len(), 76);
    assert_eq!(blob[..4], witness.key_id());
    assert_eq!(blob[4..12], TIME.to_be_bytes());
    let message = format!("cosignature/v1\ntime {TIME}\n{text}");
    let signature = Signature::from_bytes(&blob[12..].try_into().unwrap());
    SigningKey::from_bytes(&seed)
        .verifying_key()
        .verify_strict(message.as_bytes(), &signature)
        .unwrap();
}

#[test]
fn a_checkpoint_signed_by_the_log_and_cosigned_by_two_witnesses() {
    let log = NoteSigner::new("accord.example/log", &[1; 32]).unwrap();
    let w1 = CosignerKey::new("witness.example/w1", &[2; 32]).unwrap();
    let w2 = CosignerKey::new("witness.example/w2", &[3; 32]).unwrap();
    let text = checkpoint_text();
    let mut note = log.sign(&text).unwrap();
    note = add_signature_line(&note, &w1.cosign(&text, TIME).unwrap()).unwrap();
    note = add_signature_line(&note, &w2.cosign(&text, TIME + 1).unwrap()).unwrap();

    // A reader that knows the log's key: the cosignatures are the lines it leaves unverified.
    let opened = open(&note, &[NoteVerifier::parse(&log.verifier_key()).unwrap()]).unwrap();
    assert_eq!(opened.text, text);
    assert_eq!(opened.other_lines.len(), 2);
    let witnesses = [
        CosignerVerifier::parse(&w1.verifier_key()).unwrap(),
        CosignerVerifier::parse(&w2.verifier_key()).unwrap(),
    ];
    let mut times = Vec::new();
    for line in &opened.other_lines {
        for witness in &witnesses {
            match verify_cosignature(line, &opened.text, witness) {
                Ok(time) => times.push((witness.name().to_owned(), time)),
                Err(Error::OtherSigner { .. }) => {}
                Err(e) => panic!("{e}"),
            }
        }
    }
    assert_eq!(
        times,
        [
            ("witness.example/w1".to_owned(), TIME),
            ("witness.example/w2".to_owned(), TIME + 1)
        ]
    );
    // A note carrying only cosignatures has no signature by the log.
    let only_cosigned = format!("{text}\n{}\n", w1.cosign(&text, TIME).unwrap());
    assert_eq!(
        open(&only_cosigned, &[log.verifier()]),
        Err(Error::NoKnownSignature)
    );
}

#[test]
fn tampered_cosignatures_fail() {
    let witness = CosignerKey::new("witness.example/w1", &[6; 32]).unwrap();
    let verifier = witness.verifier();
    let text = checkpoint_text();
    let line = witness.cosign(&text, TIME).unwrap();
    assert_eq!(verify_cosignature(&line, &text, &verifier), Ok(TIME));
    assert_eq!(
        verify_cosignature(&format!("{line}\n"), &text, &verifier),
        Ok(TIME)
    );

    let bad = Err(Error::BadSignature {
        name: "witness.example/w1".into(),
        key_id: witness.key_id(),
    });
    let with_payload = |blob: &[u8]| format!("\u{2014} witness.example/w1 {}", BASE64.encode(blob));
    // Another time, a flipped signature bit, a cut-off signature.
    let mut blob = payload(&line);
    blob[11] ^= 1;
    assert_eq!(
        verify_cosignature(&with_payload(&blob), &text, &verifier),
        bad
    );
    let mut blob = payload(&line);
    blob[40] ^= 0x80;
    assert_eq!(
        verify_cosignature(&with_payload(&blob), &text, &verifier),
        bad
    );
    let blob = payload(&line);
    assert_eq!(
        verify_cosignature(&with_payload(&blob[..75]), &text, &verifier),
        bad
    );
    // A time past 2^63 - 1 is refused before any signature check.
    let mut blob = payload(&line);
    blob[4] = 0x80;
    assert_eq!(
        verify_cosignature(&with_payload(&blob), &text, &verifier),
        Err(Error::TimeOutOfRange {
            time: (0x80 << 56) | TIME
        })
    );
    // Another checkpoint.
    let other = text.replacen("\n5\n", "\n6\n", 1);
    assert_eq!(verify_cosignature(&line, &other, &verifier), bad);
    // Another witness.
    let stranger = CosignerKey::new("witness.example/w2", &[6; 32]).unwrap();
    assert_eq!(
        verify_cosignature(&line, &text, &stranger.verifier()),
        Err(Error::OtherSigner {
            name: "witness.example/w1".into(),
            key_id: witness.key_id(),
            expected_name: "witness.example/w2".into(),
            expected_key_id: stranger.key_id(),
        })
    );
}

#[test]
fn only_checkpoints_and_valid_times_are_cosigned() {
    let witness = CosignerKey::new("witness.example/w1", &[7; 32]).unwrap();
    let text = checkpoint_text();
    let max = (1u64 << 63) - 1;
    assert_eq!(
        verify_cosignature(
            &witness.cosign(&text, max).unwrap(),
            &text,
            &witness.verifier()
        ),
        Ok(max)
    );
    assert_eq!(
        verify_cosignature(
            &witness.cosign(&text, 0).unwrap(),
            &text,
            &witness.verifier()
        ),
        Ok(0)
    );
    assert_eq!(
        witness.cosign(&text, max + 1),
        Err(Error::TimeOutOfRange { time: max + 1 })
    );
    assert_eq!(
        witness.cosign("hello\n", TIME),
        Err(Error::CheckpointTooShort { lines: 1 })
    );
    assert_eq!(
        witness.cosign(text.trim_end(), TIME),
        Err(Error::MissingFinalNewline)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn cosignatures_round_trip(seed in any::<[u8; 32]>(), time in 0u64..=i64::MAX as u64) {
        let witness = CosignerKey::new("w", &seed).unwrap();
        let verifier = CosignerVerifier::parse(&witness.verifier_key()).unwrap();
        let text = checkpoint_text();
        let line = witness.cosign(&text, time).unwrap();
        prop_assert_eq!(verify_cosignature(&line, &text, &verifier), Ok(time));
    }
}
