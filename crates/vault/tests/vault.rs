//! The vault's promises, each shown failing where it should: fields and streams round-trip and
//! refuse a wrong key, a changed byte or a cut; shares rebuild from any M of N and refuse the
//! rest; key files are whole, private and never replaced; rotation locks the old key out.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::os::unix::fs::PermissionsExt;

use accord_vault::stream::{HEADER_LEN, SEALED_SEGMENT, SEGMENT, plaintext_len};
use accord_vault::{
    ExposeSecret, InstanceKey, KeyRecord, NewKeys, RecoveryKey, Vault, VaultError, create,
};

fn new_vault() -> (NewKeys, Vault) {
    let keys = create().unwrap();
    let vault = Vault::open(&keys.record, &keys.instance).unwrap();
    (keys, vault)
}

/// Bytes that differ from position to position, so a swapped segment cannot look the same.
fn bytes(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i * 31 + i / 251) as u8).collect()
}

fn seal(vault: &Vault, data: &[u8], piece: usize) -> Vec<u8> {
    let mut sealer = vault.blob_sealer().unwrap();
    let mut out = sealer.header().to_vec();
    for chunk in data.chunks(piece.max(1)) {
        sealer.update(chunk, &mut out).unwrap();
    }
    sealer.finish(&mut out).unwrap();
    out
}

fn open(vault: &Vault, sealed: &[u8], piece: usize) -> Result<Vec<u8>, VaultError> {
    if sealed.len() < HEADER_LEN {
        return Err(VaultError::Format("short"));
    }
    let mut opener = vault.blob_opener(&sealed[..HEADER_LEN])?;
    let mut out = Vec::new();
    for chunk in sealed[HEADER_LEN..].chunks(piece.max(1)) {
        opener.update(chunk, &mut out)?;
    }
    opener.finish(&mut out)?;
    Ok(out)
}

#[test]
fn streams_round_trip_at_every_segment_boundary_in_pieces_of_any_size() {
    let (_, vault) = new_vault();
    fn check(vault: &Vault, len: usize, piece: usize) {
        let data = bytes(len);
        let sealed = seal(vault, &data, piece);
        assert_eq!(
            plaintext_len(sealed.len() as u64),
            Some(len as u64),
            "size of {len} bytes sealed in pieces of {piece}"
        );
        assert_eq!(
            open(vault, &sealed, piece).unwrap(),
            data,
            "{len} bytes in pieces of {piece}"
        );
        assert_eq!(open(vault, &sealed, 1 << 20).unwrap(), data);
    }
    for len in [
        0,
        1,
        SEGMENT - 1,
        SEGMENT,
        SEGMENT + 1,
        2 * SEGMENT,
        3 * SEGMENT + 17,
    ] {
        for piece in [1000, 4096, SEGMENT, SEALED_SEGMENT + 3, 1 << 20] {
            check(&vault, len, piece);
        }
    }
    check(&vault, 2 * SEGMENT + 5, 1);
}

#[test]
fn the_sealed_file_holds_no_plaintext_and_two_seals_differ() {
    let (_, vault) = new_vault();
    let marker = b"ACCORD-MARKER-7f3a9c";
    let mut data = bytes(3 * SEGMENT);
    for at in [0, SEGMENT - 5, 2 * SEGMENT + 100] {
        data[at..at + marker.len()].copy_from_slice(marker);
    }
    let a = seal(&vault, &data, 8192);
    let b = seal(&vault, &data, 8192);
    assert!(!a.windows(marker.len()).any(|w| w == marker));
    assert_ne!(a, b, "a fresh nonce for every file");
    assert_eq!(open(&vault, &b, 8192).unwrap(), data);
}

#[test]
fn a_cut_extended_changed_or_reordered_stream_is_refused() {
    let (_, vault) = new_vault();
    let data = bytes(3 * SEGMENT + 10);
    let sealed = seal(&vault, &data, 1 << 16);
    let refused = |bad: &[u8], what: &str| {
        assert!(
            matches!(open(&vault, bad, 4096), Err(VaultError::Decrypt { .. })),
            "{what} was accepted"
        );
    };
    // Cut at every segment boundary, and inside a segment and the header's tail.
    for cut in [
        HEADER_LEN,
        HEADER_LEN + 1,
        HEADER_LEN + SEALED_SEGMENT,
        HEADER_LEN + 2 * SEALED_SEGMENT,
        HEADER_LEN + 3 * SEALED_SEGMENT,
        sealed.len() - 1,
    ] {
        refused(&sealed[..cut], &format!("the stream cut at {cut}"));
    }
    // One more segment (the first again) after the last.
    let mut extended = sealed.clone();
    extended.extend_from_slice(&sealed[HEADER_LEN..HEADER_LEN + SEALED_SEGMENT]);
    refused(&extended, "the stream extended");
    // A changed byte anywhere after the key id: nonce, segments, tags.
    for at in [20, HEADER_LEN, HEADER_LEN + SEGMENT + 3, sealed.len() - 1] {
        let mut changed = sealed.clone();
        changed[at] ^= 0x01;
        refused(&changed, &format!("a byte changed at {at}"));
    }
    // Two segments swapped.
    let mut swapped = sealed.clone();
    let (a, b) = (HEADER_LEN, HEADER_LEN + SEALED_SEGMENT);
    swapped[a..b].copy_from_slice(&sealed[b..b + SEALED_SEGMENT]);
    swapped[b..b + SEALED_SEGMENT].copy_from_slice(&sealed[a..b]);
    refused(&swapped, "two segments swapped");
    // The magic, the version and an unknown key id.
    for (at, what) in [(0, "the magic"), (8, "the version")] {
        let mut changed = sealed.clone();
        changed[at] ^= 0x01;
        assert!(
            matches!(open(&vault, &changed, 4096), Err(VaultError::Format(_))),
            "{what} changed was accepted"
        );
    }
    let mut other_key = sealed.clone();
    other_key[12] = 9;
    assert!(matches!(
        open(&vault, &other_key, 4096),
        Err(VaultError::UnknownKey(9))
    ));
    assert_eq!(
        open(&vault, &sealed, 4096).unwrap(),
        data,
        "the original opens"
    );
}

#[test]
fn another_instances_vault_opens_nothing() {
    let (_, vault) = new_vault();
    let (_, other) = new_vault();
    let sealed = seal(&vault, &bytes(1000), 100);
    assert!(matches!(
        open(&other, &sealed, 100),
        Err(VaultError::Decrypt { .. })
    ));
    let field = vault.seal_field(b"incident/c/i/body", b"secret").unwrap();
    assert!(matches!(
        other.open_field(b"incident/c/i/body", &field),
        Err(VaultError::Decrypt { .. })
    ));
}

#[test]
fn fields_open_only_in_their_context_and_unchanged() {
    let (_, vault) = new_vault();
    let context = b"incident/cambodia-2017/kem-sokha-arrest/body";
    for text in ["", "a", "Detained at 00:30 by 100 police; witness: K."] {
        let sealed = vault.seal_field(context, text.as_bytes()).unwrap();
        assert!(
            !sealed
                .windows(3)
                .any(|w| text.len() >= 3 && w == &text.as_bytes()[..3])
        );
        assert_eq!(
            vault.open_field(context, &sealed).unwrap().as_slice(),
            text.as_bytes()
        );
        assert!(matches!(
            vault.open_field(b"incident/cambodia-2017/other/body", &sealed),
            Err(VaultError::Decrypt { .. })
        ));
        for at in [0, 1, 5, 20, sealed.len() - 1] {
            let mut changed = sealed.clone();
            changed[at] ^= 0x80;
            assert!(
                vault.open_field(context, &changed).is_err(),
                "a byte changed at {at}"
            );
        }
        assert!(
            vault
                .open_field(context, &sealed[..sealed.len() - 1])
                .is_err()
        );
    }
    let a = vault.seal_field(context, b"same").unwrap();
    let b = vault.seal_field(context, b"same").unwrap();
    assert_ne!(a, b, "a fresh nonce for every field");
}

#[test]
fn key_files_are_private_whole_and_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys/instance-key");
    let key = InstanceKey::generate();
    key.write_new(&path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(
        InstanceKey::read(&path).unwrap().recipient(),
        key.recipient()
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.lines().any(|l| l.starts_with("AGE-SECRET-KEY-PQ-1")),
        "{text}"
    );
    assert_eq!(
        std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
        1,
        "no leftovers"
    );

    let other = InstanceKey::generate();
    assert!(matches!(
        other.write_new(&path),
        Err(VaultError::KeyFileExists { .. })
    ));
    assert_eq!(
        InstanceKey::read(&path).unwrap().recipient(),
        key.recipient()
    );

    assert!(matches!(
        InstanceKey::read(&dir.path().join("missing")),
        Err(VaultError::KeyFileMissing { .. })
    ));
    for (text, why) in [
        ("", "holds no key"),
        ("# only a comment\n", "holds no key"),
        ("AGE-SECRET-KEY-1QQQQ\n", "not an age post-quantum identity"),
        ("AGE-SECRET-KEY-PQ-1QQQQ\n", "does not parse"),
    ] {
        let bad = dir.path().join("bad");
        std::fs::write(&bad, text).unwrap();
        let err = InstanceKey::read(&bad).unwrap_err();
        assert!(
            matches!(err, VaultError::NotAKeyFile { .. }) && err.to_string().contains(why),
            "{text:?}: {err}"
        );
    }
}

#[test]
fn the_wrong_instance_key_is_refused_by_name() {
    let (keys, _) = new_vault();
    assert!(matches!(
        Vault::open(&keys.record, &InstanceKey::generate()),
        Err(VaultError::WrongKey)
    ));
    // A record that claims another key's recipient still does not unwrap with it.
    let other = InstanceKey::generate();
    let forged = KeyRecord {
        instance_recipient: other.recipient().to_owned(),
        ..keys.record.clone()
    };
    assert!(matches!(
        Vault::open(&forged, &other),
        Err(VaultError::Unwrap { id: 1, .. })
    ));
}

#[test]
fn rotation_rewraps_the_same_data_keys_and_locks_the_old_key_out() {
    let (keys, vault) = new_vault();
    let sealed = seal(&vault, &bytes(SEGMENT + 9), 777);
    let field = vault.seal_field(b"ctx", b"kept").unwrap();

    let new_key = InstanceKey::generate();
    let rotated = vault.rewrap(&keys.record, &new_key).unwrap();
    assert_eq!(rotated.recovery_recipient, keys.record.recovery_recipient);
    assert_ne!(rotated.data_keys, keys.record.data_keys);

    let reopened = Vault::open(&rotated, &new_key).unwrap();
    assert_eq!(
        reopened.current_key().1.expose_secret(),
        vault.current_key().1.expose_secret()
    );
    assert_eq!(open(&reopened, &sealed, 4096).unwrap(), bytes(SEGMENT + 9));
    assert_eq!(
        reopened.open_field(b"ctx", &field).unwrap().as_slice(),
        b"kept"
    );

    assert!(matches!(
        Vault::open(&rotated, &keys.instance),
        Err(VaultError::WrongKey)
    ));
    let stale = KeyRecord {
        instance_recipient: keys.instance.recipient().to_owned(),
        ..rotated.clone()
    };
    assert!(matches!(
        Vault::open(&stale, &keys.instance),
        Err(VaultError::Unwrap { .. })
    ));
    // The recovery key still opens the rotated keys.
    let recovery = RecoveryKey::rebuild(
        &[keys.recovery.secret_text().expose_secret()],
        &rotated.recovery_recipient,
    )
    .unwrap();
    let recovered = Vault::open_for_recovery(&rotated, &recovery).unwrap();
    assert_eq!(open(&recovered, &sealed, 4096).unwrap(), bytes(SEGMENT + 9));
}

fn shares_of(keys: &NewKeys, n: u8, m: u8) -> Vec<String> {
    keys.recovery
        .split(n, m)
        .unwrap()
        .iter()
        .map(|s| s.expose_secret().to_owned())
        .collect()
}

#[test]
fn any_three_of_five_shares_rebuild_the_recovery_key() {
    let (keys, vault) = new_vault();
    let shares = shares_of(&keys, 5, 3);
    assert_eq!(shares.len(), 5);
    for s in &shares {
        assert!(s.starts_with("accord-share1"), "{s}");
        assert!(s.len() <= 90, "{} characters", s.len());
        assert!(!s.contains(' '));
    }
    let recipient = &keys.record.recovery_recipient;
    for a in 0..5 {
        for b in a + 1..5 {
            for c in b + 1..5 {
                let given = [&shares[c], &shares[a], &shares[b]].map(String::as_str);
                let rebuilt = RecoveryKey::rebuild(&given, recipient).unwrap();
                assert_eq!(rebuilt.recipient(), recipient);
                let opened = Vault::open_for_recovery(&keys.record, &rebuilt).unwrap();
                assert_eq!(
                    opened.current_key().1.expose_secret(),
                    vault.current_key().1.expose_secret()
                );
            }
        }
    }
    // All five do too, and upper case (as printed on paper) and stray spaces are read.
    let all: Vec<&str> = shares.iter().map(String::as_str).collect();
    RecoveryKey::rebuild(&all, recipient).unwrap();
    let upper = shares[1].to_uppercase();
    let spaced = format!(" {} ", &shares[2]);
    RecoveryKey::rebuild(&[&shares[0], &upper, &spaced], recipient).unwrap();
}

#[test]
fn too_few_bad_repeated_or_foreign_shares_are_refused_naming_the_share() {
    let (keys, _) = new_vault();
    let (other, _) = new_vault();
    let shares = shares_of(&keys, 5, 3);
    let foreign = shares_of(&other, 5, 3);
    let recipient = keys.record.recovery_recipient.as_str();
    let check = |given: &[&str], expected: &str| {
        let err = RecoveryKey::rebuild(given, recipient).unwrap_err();
        assert_eq!(err.to_string(), expected, "{given:?}");
    };
    check(&[&shares[0], &shares[3]], "2 shares given, 3 needed");
    check(&[&shares[4]], "1 shares given, 3 needed");
    let mut typo = shares[1].clone().into_bytes();
    let at = typo.len() - 10;
    typo[at] = if typo[at] == b'q' { b'p' } else { b'q' };
    let typo = String::from_utf8(typo).unwrap();
    check(
        &[&shares[0], &typo, &shares[2]],
        "share 2 is not valid: it is not an Accord recovery share, or a character in it is wrong or missing",
    );
    check(
        &[&shares[0], &shares[1][..60], &shares[2]],
        "share 2 is not valid: it is not an Accord recovery share, or a character in it is wrong or missing",
    );
    check(
        &[&shares[0], &shares[2], &shares[0]],
        "share 3 is not valid: it is share 1 again",
    );
    check(
        &[&shares[0], &shares[1], &foreign[2]],
        "share 3 is not valid: it belongs to another recovery key (another instance, or an earlier `keys init`)",
    );
    let whole = keys.recovery.secret_text().expose_secret().to_owned();
    check(
        &[&shares[0], &whole],
        "share 2 is not valid: it is a whole recovery key: give it alone",
    );
    let other_whole = other.recovery.secret_text().expose_secret().to_owned();
    check(
        &[&other_whole],
        "the shares do not rebuild this instance's recovery key (one was altered, or they come from different sets)",
    );
    // Shares of a 2-of-3 split cannot stand in for a 3-of-5 one: their set differs.
    let two_of_three = shares_of(&keys, 3, 2);
    check(
        &[&shares[0], &shares[1], &two_of_three[2]],
        "share 3 is not valid: it says 2 shares are needed where share 1 says 3",
    );
    RecoveryKey::rebuild(&[&whole], recipient).unwrap();
}

#[test]
fn a_split_needs_a_threshold_between_two_and_the_number_of_shares() {
    let (keys, _) = new_vault();
    for (n, m, why) in [
        (5, 1, "the threshold must be at least 2"),
        (3, 4, "the threshold cannot exceed the number of shares"),
        (0, 0, "the threshold must be at least 2"),
    ] {
        let err = keys.recovery.split(n, m).unwrap_err();
        assert!(err.to_string().contains(why), "{n}/{m}: {err}");
    }
    assert_eq!(keys.recovery.split(255, 2).unwrap().len(), 255);
}

#[test]
fn secrets_do_not_print_in_debug() {
    let (keys, vault) = new_vault();
    let seed_text = keys.recovery.secret_text().expose_secret().to_owned();
    let printed = format!("{keys:?} {vault:?} {:?}", vault.current_key());
    assert!(!printed.contains(&seed_text[20..40]), "{printed}");
    assert!(!printed.contains("AGE-SECRET-KEY"), "{printed}");
    let hex: String = vault.current_key().1.expose_secret()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(!printed.contains(&hex), "{printed}");
}
