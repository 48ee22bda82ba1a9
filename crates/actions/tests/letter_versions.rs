//! A letter's language versions through the action layer: adding one (who translated it, when,
//! from which original), changing it, the version going out of date when the original's wording
//! changes, each version composed and signed on its own, and every refusal naming its field and
//! writing nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_actions::{ActionError, Actions, LogKeyConfig, VersionText};
use accord_core::bundle::{self, BundleFile};
use accord_core::letter_version::original_fingerprint;
use accord_core::{Day, ValidCase};
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
