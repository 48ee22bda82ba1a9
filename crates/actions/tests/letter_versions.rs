//! A letter's language versions through the action layer: adding one (who translated it, when,
//! from which original), changing it, the version going out of date when the original's wording
//! changes, each version composed and signed on its own, its addressees and CC in its language
//! (part of the text signed in it), removing a version (not once signed), and every refusal
//! naming its field and writing nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_actions::{ActionError, Actions, LogKeyConfig, VersionText};
use accord_core::bundle::{self, BundleFile};
use accord_core::letter_version::original_fingerprint;
use accord_core::{AddresseeText, Day, ValidCase};
use accord_store::{Create, FsBlobStore, ImportMode, RecordKind, SaveOutcome};

const CASE: &str = "example-2030";
const LETTER: &str = "appeal-2030";

fn example() -> ValidCase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/minimal-case");
    let mut files = Vec::new();
    for rel in [
        "case.toml",
        "actors.toml",
        "sources.toml",
        "incidents.toml",
        "findings.toml",
        "mechanisms.toml",
        "instruments/FPA.toml",
        "letters/appeal-2030/letter.toml",
        "letters/appeal-2030/body.md",
    ] {
        files.push(BundleFile {
            path: rel.into(),
            contents: std::fs::read_to_string(root.join(rel)).unwrap(),
        });
    }
    bundle::read(&files).unwrap()
}

async fn actions() -> (Actions, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = accord_store::testing::fresh_url(dir.path()).await.unwrap();
    let store = accord_store::open(&db, Create::IfMissing).await.unwrap();
    let actions = Actions::new(
        store,
        Arc::new(FsBlobStore::open(dir.path().join("ev")).unwrap()),
        None,
        LogKeyConfig {
            path: dir.path().join("log.key"),
            name_if_new: Some("test.example/log".into()),
        },
    )
    .with_today(Day::parse("2030-07-03").unwrap());
    actions
        .import_bundle(&example(), ImportMode::New, "test")
        .await
        .unwrap();
    (actions, dir)
}

fn khmer() -> VersionText {
    VersionText {
        lang: "km".into(),
        title: "បណ្តឹងទៅកាន់អ្នកធានានៃកិច្ចព្រមព្រៀងសន្តិភាព".into(),
        place: Some("ទីក្រុងឧទាហរណ៍".into()),
        body: "ឯកឧត្តមរដ្ឋមន្ត្រី\n\n{{ quote(\"FPA Art. 9\") }}\n\nយើងខ្ញុំសូមស្នើ។\n".into(),
        closing: Some("ដោយសេចក្តីគោរព".into()),
        ..VersionText::default()
    }
}

async fn case(a: &Actions) -> ValidCase {
    a.store().load_case(CASE).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_version_is_added_composed_and_signed_on_its_own() {
    let (a, _dir) = actions().await;
    let before = a
        .store()
        .history(CASE, RecordKind::Letter, LETTER)
        .await
        .unwrap()
        .len();
    let outcome = a
        .save_letter_version(CASE, LETTER, &khmer(), "translator@example.org")
        .await
        .unwrap();
    assert_eq!(outcome, SaveOutcome::Created);
    let stored = case(&a).await;
    let letter = stored.letter(LETTER).unwrap();
    assert_eq!(letter.languages(), vec!["en", "km"]);
    let km = letter.version("km").unwrap();
    assert_eq!(km.translated_by.as_deref(), Some("translator@example.org"));
    assert_eq!(km.translated_at, Some(Day::parse("2030-07-03").unwrap()));
    assert_eq!(
        km.original_sha256.as_deref(),
        Some(original_fingerprint(letter).as_str())
    );
    assert!(!km.is_out_of_date(letter));
    // Logged as an edit of the letter.
    let history = a
        .store()
        .history(CASE, RecordKind::Letter, LETTER)
        .await
        .unwrap();
    assert_eq!(history.len(), before + 1);
    // Each language composes to its own text and hash; the original's signatures do not count
    // for the Khmer text (its verified signatory is printed under the English letter only).
    let en = accord_letters::compose_in(&stored, LETTER, "en").unwrap();
    let kh = accord_letters::compose_in(&stored, LETTER, "km").unwrap();
    assert_eq!(kh.document.lang, "km");
    assert_eq!(kh.document.title, khmer().title);
    assert_ne!(kh.signed_text.sha256, en.signed_text.sha256);
    assert!(kh.signed_text.text.contains("យើងខ្ញុំសូមស្នើ។"));
    assert_eq!(
        en.document.signatories,
        vec!["Example Press Freedom Network".to_owned()]
    );
    assert!(kh.document.signatories.is_empty());
    assert!(matches!(
        accord_letters::compose_in(&stored, LETTER, "fr"),
        Err(accord_letters::ComposeError::NoLanguage { .. })
    ));
    // A signature on the Khmer text (as the store records it) counts for Khmer only.
    let mut signed = letter.clone();
    signed.versions[0]
        .signatures
        .push(accord_core::VersionSignature {
            signatory: 0,
            sha256: kh.signed_text.sha256.clone(),
        });
    a.save_letter(CASE, &signed, None, "test").await.unwrap();
    let stored = case(&a).await;
    let kh = accord_letters::compose_in(&stored, LETTER, "km").unwrap();
    assert_eq!(
        kh.document.signatories,
        vec!["Example Press Freedom Network".to_owned()]
    );
}

#[tokio::test]
async fn a_version_goes_out_of_date_when_the_original_changes_and_back_when_updated() {
    let (a, _dir) = actions().await;
    a.save_letter_version(CASE, LETTER, &khmer(), "translator")
        .await
        .unwrap();
    let mut original = case(&a).await.letter(LETTER).unwrap().clone();
    original.body.push_str("\nOne more sentence.\n");
    a.save_letter(CASE, &original, None, "coordinator")
        .await
        .unwrap();
    let stored = case(&a).await;
    let letter = stored.letter(LETTER).unwrap();
    assert!(letter.version("km").unwrap().is_out_of_date(letter));
    // The translator brings it up to date.
    let mut text = khmer();
    text.body.push_str("\nប្រយោគមួយទៀត។\n");
    let outcome = a
        .save_letter_version(CASE, LETTER, &text, "translator")
        .await
        .unwrap();
    assert_eq!(outcome, SaveOutcome::Updated);
    let stored = case(&a).await;
    let letter = stored.letter(LETTER).unwrap();
    assert_eq!(letter.versions.len(), 1);
    assert!(!letter.version("km").unwrap().is_out_of_date(letter));
    assert!(letter.version("km").unwrap().body.contains("ប្រយោគមួយទៀត។"));
}

#[tokio::test]
async fn refused_versions_name_the_field_and_write_nothing() {
    let (a, _dir) = actions().await;
    let before = a.store().log_head().await.unwrap();
    let refused = |text: VersionText, field: &'static str| {
        let a = &a;
        async move {
            match a.save_letter_version(CASE, LETTER, &text, "t").await {
                Err(ActionError::Invalid { field: f, message }) => {
                    assert_eq!(f, field, "{message}");
                    message
                }
                other => panic!("{field}: {other:?}"),
            }
        }
    };
    let message = refused(
        VersionText {
            lang: "en".into(),
            ..khmer()
        },
        "lang",
    )
    .await;
    assert!(message.contains("edit the letter itself"), "{message}");
    refused(
        VersionText {
            lang: "not a tag".into(),
            ..khmer()
        },
        "lang",
    )
    .await;
    refused(
        VersionText {
            title: "  ".into(),
            ..khmer()
        },
        "title",
    )
    .await;
    let message = refused(
        VersionText {
            body: "{{ quote(\"FPA Art. 99\") }}\n".into(),
            ..khmer()
        },
        "body",
    )
    .await;
    assert!(message.contains("FPA Art. 99"), "{message}");
    assert!(matches!(
        a.save_letter_version(CASE, "no-such-letter", &khmer(), "t")
            .await,
        Err(ActionError::NotFound { .. })
    ));
    assert_eq!(
        a.store().log_head().await.unwrap(),
        before,
        "nothing logged"
    );
    assert!(case(&a).await.letter(LETTER).unwrap().versions.is_empty());
}

/// A version writes the original's addressees and CC in its language: the Khmer letter prints
/// them (the addressee's actor stays the original's, a CC line it does not write stays the
/// original's), they are part of the text signed in Khmer, the original's are unchanged, and the
/// version goes out of date when the original's addressee changes. More addressees than the
/// original has, or one without a name, is refused by field with nothing written.
#[tokio::test]
async fn a_versions_addressees_and_cc_are_printed_and_signed_in_its_language() {
    let (a, _dir) = actions().await;
    a.save_letter_version(CASE, LETTER, &khmer(), "translator")
        .await
        .unwrap();
    let plain = accord_letters::compose_in(&case(&a).await, LETTER, "km").unwrap();
    let minister = AddresseeText {
        name: "រដ្ឋមន្ត្រីការបរទេសនៃរូរីតានី".into(),
        title: Some("រដ្ឋមន្ត្រីការបរទេស".into()),
        organisation: Some("រដ្ឋាភិបាលរូរីតានី".into()),
        role: Some("អ្នកធានា".into()),
    };
    let text = VersionText {
        addressees: vec![minister.clone()],
        cc: vec!["អគ្គលេខាធិការនៃសហភាពឧទាហរណ៍".into()],
        ..khmer()
    };
    a.save_letter_version(CASE, LETTER, &text, "translator")
        .await
        .unwrap();
    let stored = case(&a).await;
    let letter = stored.letter(LETTER).unwrap();
    let km = letter.version("km").unwrap();
    assert_eq!(km.addressees, vec![minister.clone()]);
    assert!(!km.is_out_of_date(letter));
    let kh = accord_letters::compose_in(&stored, LETTER, "km").unwrap();
    let printed = &kh.document.addressees[0];
    assert_eq!(printed.name, minister.name);
    assert_eq!(printed.role.as_deref(), Some("អ្នកធានា"));
    assert_eq!(
        kh.document.cc,
        vec![
            "អគ្គលេខាធិការនៃសហភាពឧទាហរណ៍".to_owned(),
            "The Parties to the Accord".to_owned()
        ]
    );
    assert!(
        kh.signed_text.text.contains("រដ្ឋាភិបាលរូរីតានី"),
        "{}",
        kh.signed_text.text
    );
    assert!(kh.signed_text.text.contains("អគ្គលេខាធិការនៃសហភាពឧទាហរណ៍"));
    assert_ne!(
        kh.signed_text.sha256, plain.signed_text.sha256,
        "the signature binds them"
    );
    let en = accord_letters::compose_in(&stored, LETTER, "en").unwrap();
    assert_eq!(
        en.document.addressees[0].name,
        "The Foreign Minister of Ruritania"
    );
    assert_eq!(letter.addressees[0].actor.as_deref(), Some("guarantor"));

    // The original's addressee changes: the Khmer version, which writes it, is out of date.
    let mut original = letter.clone();
    original.addressees[0].title = Some("Minister for Foreign Affairs".into());
    a.save_letter(CASE, &original, None, "coordinator")
        .await
        .unwrap();
    let stored = case(&a).await;
    let letter = stored.letter(LETTER).unwrap();
    assert!(letter.version("km").unwrap().is_out_of_date(letter));

    let before = a.store().log_head().await.unwrap();
    for (text, field) in [
        (
            VersionText {
                addressees: vec![minister.clone(), minister.clone()],
                ..khmer()
            },
            "addressees",
        ),
        (
            VersionText {
                cc: vec!["a".into(), "b".into(), "c".into()],
                ..khmer()
            },
            "cc",
        ),
        (
            VersionText {
                addressees: vec![AddresseeText {
                    name: " ".into(),
                    ..minister.clone()
                }],
                ..khmer()
            },
            "addressees[0].name",
        ),
    ] {
        match a
            .save_letter_version(CASE, LETTER, &text, "translator")
            .await
        {
            Err(ActionError::Invalid { field: f, message }) => assert_eq!(f, field, "{message}"),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert_eq!(
        a.store().log_head().await.unwrap(),
        before,
        "nothing logged"
    );
}

/// Removing a version: the letter is saved without it (a logged edit; its history keeps the
/// removed wording); the original's language and a missing version are refused; a version an
/// organisation signed is refused, naming it, until that organisation withdraws.
#[tokio::test]
async fn a_version_is_removed_unless_an_organisation_signed_it() {
    let (a, _dir) = actions().await;
    a.save_letter_version(CASE, LETTER, &khmer(), "translator")
        .await
        .unwrap();
    let history = |a: &Actions| {
        let store = a.store().clone();
        async move {
            store
                .history(CASE, RecordKind::Letter, LETTER)
                .await
                .unwrap()
        }
    };
    let before = history(&a).await.len();
    assert!(matches!(
        a.remove_letter_version(CASE, LETTER, "en", "c").await,
        Err(ActionError::Invalid { field, .. }) if field == "lang"
    ));
    assert!(matches!(
        a.remove_letter_version(CASE, LETTER, "fr", "c").await,
        Err(ActionError::NotFound { .. })
    ));

    // An invited organisation signs the Khmer text through its link: refused, naming it;
    // nothing written.
    let hash = |n: u8| format!("{n:02x}").repeat(32);
    let now = i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap();
    a.store()
        .invite_signatory(
            CASE,
            LETTER,
            &accord_store::NewInvitation {
                organisation: "Khmer Signers".into(),
                country: None,
                contact: "office@example.org".into(),
                link: accord_store::NewLink {
                    token_sha256: hash(1),
                    expires_unix: now + 86_400,
                },
            },
            "test",
        )
        .await
        .unwrap();
    let signed = a
        .store()
        .sign_letter_version(
            &hash(1),
            "km",
            &accord_store::NewSignature {
                representative: "R. Presentative".into(),
                organisation: "Khmer Signers".into(),
                url: None,
                text_sha256: hash(7),
                withdraw_token_sha256: hash(2),
            },
            now,
        )
        .await
        .unwrap();
    assert!(
        matches!(signed, accord_store::LinkOutcome::Done(_)),
        "{signed:?}"
    );
    let head = a.store().log_head().await.unwrap();
    match a.remove_letter_version(CASE, LETTER, "km", "c").await {
        Err(ActionError::Invalid { field, message }) => {
            assert_eq!(field, "lang");
            assert!(message.contains("Khmer Signers"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(a.store().log_head().await.unwrap(), head, "nothing logged");
    assert_eq!(
        case(&a).await.letter(LETTER).unwrap().languages(),
        vec!["en", "km"]
    );

    // Once the organisation withdrew, the version goes.
    a.withdraw_signature(&hash(2), now).await.unwrap();
    let logged = history(&a).await.len();
    a.remove_letter_version(CASE, LETTER, "km", "coordinator")
        .await
        .unwrap();
    let letter = case(&a).await.letter(LETTER).unwrap().clone();
    assert_eq!(letter.languages(), vec!["en"]);
    let after = history(&a).await;
    assert_eq!(after.len(), logged + 1, "one more version of the letter");
    assert!(after.len() > before);
    let removed = after[after.len() - 2].body.as_deref().unwrap();
    assert!(
        removed.contains("យើងខ្ញុំសូមស្នើ។"),
        "the history keeps it: {removed}"
    );
    assert!(
        !after
            .last()
            .unwrap()
            .body
            .as_deref()
            .unwrap()
            .contains("\"versions\"")
    );
}
