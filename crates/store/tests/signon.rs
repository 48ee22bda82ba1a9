//! Letters and sign-on in the store: every state a signatory passes through (invited, signed,
//! declined, withdrawn, verified, signed again after the text changed), links that expire, are
//! used up or replaced, and the reference letter's signatories surviving import and export
//! unchanged. Like the contract suite, each test runs on every backend.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use accord_core::bundle::{self, BundleFile};
use accord_core::{SignatureState, ValidCase};
use accord_store::{
    ImportMode, LinkOutcome, LinkPurpose, LinkStatus, LinkUse, NewInvitation, NewLink,
    NewSignature, SaveOutcome, Store, StoreError,
};

const CASE: &str = "cambodia-2017";
const LETTER: &str = "2017-10-23-reconvene-paris-conference";
/// A fixed "now" for link expiry: the tests move time by passing it, not by waiting.
const NOW: i64 = 2_000_000_000;
const DAY: i64 = 86_400;

/// A fresh, empty store on every backend (SQLite, and PostgreSQL when `ACCORD_TEST_POSTGRES_URL`
/// names a server); the guard keeps the temporary directory alive.
async fn backends() -> Vec<(Arc<dyn Store>, tempfile::TempDir)> {
    accord_store::testing::every_backend(|| tempfile::tempdir().unwrap())
        .await
        .unwrap()
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<BundleFile>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else {
            let rel = path.strip_prefix(root).unwrap();
            out.push(BundleFile {
                path: rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/"),
                contents: std::fs::read_to_string(&path).unwrap(),
            });
        }
    }
}

/// The reference case, from the repository's bundle.
fn reference() -> ValidCase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/cases/cambodia-2017");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    bundle::read(&files).unwrap()
}

async fn store_with_reference() -> Vec<(Arc<dyn Store>, tempfile::TempDir)> {
    let backends = backends().await;
    for (store, _) in &backends {
        store
            .import_case(&reference(), ImportMode::New, "test")
            .await
            .unwrap();
    }
    backends
}

fn hash(n: u8) -> String {
    format!("{n:02x}").repeat(32)
}

fn invitation(name: &str, token: u8, expires_unix: i64) -> NewInvitation {
    NewInvitation {
        organisation: name.to_owned(),
        country: Some("SE".to_owned()),
        contact: format!("office@{}.example", name.len()),
        link: NewLink {
            token_sha256: hash(token),
            expires_unix,
        },
    }
}

fn signature(name: &str, text: u8, withdraw: u8) -> NewSignature {
    NewSignature {
        representative: "Rep Resentative".to_owned(),
        organisation: name.to_owned(),
        url: Some("https://example.org".to_owned()),
        text_sha256: hash(text),
        withdraw_token_sha256: hash(withdraw),
    }
}

async fn state_of(store: &dyn Store, position: u32) -> (SignatureState, Option<String>) {
    let entries = store.signon_entries(CASE, LETTER, NOW).await.unwrap();
    let e = entries.iter().find(|e| e.position == position).unwrap();
    (e.signatory.state, e.signatory.signed_text_sha256.clone())
}

#[tokio::test]
async fn the_reference_signatories_round_trip_unchanged_through_sign_on() {
    for (store, _dir) in store_with_reference().await {
        let original = reference().letter(LETTER).unwrap().signatories.clone();
        assert_eq!(original.len(), 55);
        let loaded = store.load_case(CASE).await.unwrap().unwrap();
        assert_eq!(loaded.letter(LETTER).unwrap().signatories, original);

        // Sign-on for a new organisation leaves the imported ones as they were.
        let pos = store
            .invite_signatory(
                CASE,
                LETTER,
                &invitation("New Org", 1, NOW + DAY),
                "coordinator",
            )
            .await
            .unwrap();
        assert_eq!(pos, 55);
        store
            .sign_letter(&hash(1), &signature("New Org", 9, 2), NOW)
            .await
            .unwrap();
        let loaded = store.load_case(CASE).await.unwrap().unwrap();
        let sigs = &loaded.letter(LETTER).unwrap().signatories;
        assert_eq!(&sigs[..55], original.as_slice());
        assert_eq!(sigs[55].organisation, "New Org");
        assert_eq!(sigs[55].order, Some(56), "numbered after the 55");

        // Export (the case as loaded) and import it again: the same signatories.
        let mut exported = bundle::write(loaded.case()).unwrap();
        // The bundle's evidence bytes travel beside the TOML files (the CLI copies them from the
        // blob store); here they come from the repository's bundle.
        let mut originals = Vec::new();
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/cases/cambodia-2017");
        collect(&root, &root, &mut originals);
        exported.extend(
            originals
                .into_iter()
                .filter(|f| bundle::is_evidence_path(&f.path)),
        );
        let again = bundle::read(&exported).unwrap();
        assert_eq!(again.letter(LETTER).unwrap().signatories, *sigs);
        store
            .import_case(&again, ImportMode::Replace, "test")
            .await
            .unwrap();
        let reloaded = store.load_case(CASE).await.unwrap().unwrap();
        assert_eq!(reloaded.letter(LETTER).unwrap().signatories, *sigs);
        // Replacing the case keeps its sign-on records (a bundle does not carry them): the used
        // link still says so.
        let link = store.signon_link(&hash(1), NOW).await.unwrap().unwrap();
        assert!(matches!(
            link.status,
            LinkStatus::Used {
                outcome: LinkUse::Signed,
                ..
            }
        ));
    }
}

#[tokio::test]
async fn invited_signed_verified_withdrawn() {
    for (store, _dir) in store_with_reference().await {
        let pos = store
            .invite_signatory(
                CASE,
                LETTER,
                &invitation("PEN Sweden", 1, NOW + 30 * DAY),
                "coordinator",
            )
            .await
            .unwrap();
        assert_eq!(
            state_of(&*store, pos).await,
            (SignatureState::Invited, None)
        );
        let entries = store.signon_entries(CASE, LETTER, NOW).await.unwrap();
        let entry = entries.iter().find(|e| e.position == pos).unwrap();
        let inv = entry.invitation.as_ref().unwrap();
        assert_eq!(inv.invited_name, "PEN Sweden");
        assert_eq!(inv.invited_by, "coordinator");
        assert_eq!(
            entry.sign_link,
            Some(LinkStatus::Open {
                expires_unix: Some(NOW + 30 * DAY)
            })
        );
        // Imported signatories have no invitation and no link.
        assert!(entries[0].invitation.is_none() && entries[0].sign_link.is_none());

        let link = store.signon_link(&hash(1), NOW).await.unwrap().unwrap();
        assert_eq!(
            (link.case_id.as_str(), link.letter_id.as_str()),
            (CASE, LETTER)
        );
        assert_eq!(link.purpose, LinkPurpose::Sign);
        assert_eq!(link.signatory.organisation, "PEN Sweden");

        // Signed: the printed name may differ from the invited one.
        let done = store
            .sign_letter(&hash(1), &signature("PEN Sweden (Svenska PEN)", 9, 2), NOW)
            .await
            .unwrap();
        let LinkOutcome::Done(s) = done else {
            panic!("signed: {done:?}")
        };
        assert_eq!(s.organisation, "PEN Sweden (Svenska PEN)");
        assert_eq!(s.representative.as_deref(), Some("Rep Resentative"));
        assert_eq!(s.url.as_deref(), Some("https://example.org"));
        assert_eq!(
            state_of(&*store, pos).await,
            (SignatureState::Signed, Some(hash(9)))
        );

        // Verified by the coordinator; verifying again changes nothing.
        assert!(
            store
                .verify_signatory(CASE, LETTER, pos, "coordinator")
                .await
                .unwrap()
        );
        assert_eq!(state_of(&*store, pos).await.0, SignatureState::Verified);
        assert!(
            !store
                .verify_signatory(CASE, LETTER, pos, "coordinator")
                .await
                .unwrap()
        );
        let entries = store.signon_entries(CASE, LETTER, NOW).await.unwrap();
        let inv = entries[pos as usize].invitation.clone().unwrap();
        assert!(inv.signed_at.is_some() && inv.verified_by.as_deref() == Some("coordinator"));

        // Withdrawn through the withdraw link, once.
        let done = store.withdraw_signature(&hash(2), NOW + DAY).await.unwrap();
        assert!(matches!(done, LinkOutcome::Done(ref s) if s.state == SignatureState::Withdrawn));
        assert_eq!(
            store
                .withdraw_signature(&hash(2), NOW + 2 * DAY)
                .await
                .unwrap(),
            LinkOutcome::Used {
                at_unix: NOW + DAY,
                outcome: LinkUse::Withdrawn
            }
        );
        assert_eq!(state_of(&*store, pos).await.0, SignatureState::Withdrawn);

        // Everything was audit-logged.
        let actions: Vec<String> = store
            .audit_log(Some(CASE), 20)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for a in [
            "signon.invite",
            "signon.sign",
            "signon.verify",
            "signon.withdraw",
        ] {
            assert!(actions.iter().any(|x| x == a), "{a} not in {actions:?}");
        }
        // The case is still valid after every step.
        assert!(store.load_case(CASE).await.unwrap().is_some());
    }
}

#[tokio::test]
async fn signing_twice_changes_nothing() {
    for (store, _dir) in store_with_reference().await {
        let pos = store
            .invite_signatory(CASE, LETTER, &invitation("Twice Org", 1, NOW + DAY), "c")
            .await
            .unwrap();
        store
            .sign_letter(&hash(1), &signature("Twice Org", 9, 2), NOW)
            .await
            .unwrap();
        let before = store.signon_entries(CASE, LETTER, NOW).await.unwrap();
        let audit_before = store.audit_log(Some(CASE), 100).await.unwrap().len();
        let again = store
            .sign_letter(&hash(1), &signature("Twice Org Renamed", 8, 3), NOW + 10)
            .await
            .unwrap();
        assert_eq!(
            again,
            LinkOutcome::Used {
                at_unix: NOW,
                outcome: LinkUse::Signed
            }
        );
        assert_eq!(
            store.signon_entries(CASE, LETTER, NOW).await.unwrap(),
            before
        );
        assert_eq!(
            store.audit_log(Some(CASE), 100).await.unwrap().len(),
            audit_before
        );
        // The second withdraw token was not stored.
        assert_eq!(store.signon_link(&hash(3), NOW).await.unwrap(), None);
        assert_eq!(
            state_of(&*store, pos).await,
            (SignatureState::Signed, Some(hash(9)))
        );
    }
}

#[tokio::test]
async fn declined_and_the_used_link_says_so() {
    for (store, _dir) in store_with_reference().await {
        let pos = store
            .invite_signatory(CASE, LETTER, &invitation("No Thanks", 1, NOW + DAY), "c")
            .await
            .unwrap();
        let done = store.decline_letter(&hash(1), NOW).await.unwrap();
        assert!(matches!(done, LinkOutcome::Done(ref s) if s.state == SignatureState::Declined));
        assert_eq!(
            state_of(&*store, pos).await,
            (SignatureState::Declined, None)
        );
        assert_eq!(
            store
                .sign_letter(&hash(1), &signature("No Thanks", 9, 2), NOW)
                .await
                .unwrap(),
            LinkOutcome::Used {
                at_unix: NOW,
                outcome: LinkUse::Declined
            }
        );
        let link = store.signon_link(&hash(1), NOW).await.unwrap().unwrap();
        assert_eq!(
            link.status,
            LinkStatus::Used {
                at_unix: NOW,
                outcome: LinkUse::Declined
            }
        );
    }
}

#[tokio::test]
async fn an_expired_link_changes_nothing() {
    for (store, _dir) in store_with_reference().await {
        let pos = store
            .invite_signatory(CASE, LETTER, &invitation("Late Org", 1, NOW + DAY), "c")
            .await
            .unwrap();
        let late = NOW + DAY + 1;
        assert_eq!(
            store
                .sign_letter(&hash(1), &signature("Late Org", 9, 2), late)
                .await
                .unwrap(),
            LinkOutcome::Expired {
                expired_unix: NOW + DAY
            }
        );
        assert_eq!(
            store.decline_letter(&hash(1), late).await.unwrap(),
            LinkOutcome::Expired {
                expired_unix: NOW + DAY
            }
        );
        assert_eq!(
            state_of(&*store, pos).await,
            (SignatureState::Invited, None)
        );
        let link = store.signon_link(&hash(1), late).await.unwrap().unwrap();
        assert_eq!(
            link.status,
            LinkStatus::Expired {
                expired_unix: NOW + DAY
            }
        );
        // Still open a second before it expires.
        let link = store
            .signon_link(&hash(1), NOW + DAY - 1)
            .await
            .unwrap()
            .unwrap();
        assert!(matches!(link.status, LinkStatus::Open { .. }));
    }
}

#[tokio::test]
async fn a_new_link_replaces_the_old_one_and_records_the_new_text() {
    for (store, _dir) in store_with_reference().await {
        let pos = store
            .invite_signatory(CASE, LETTER, &invitation("Again Org", 1, NOW + DAY), "c")
            .await
            .unwrap();
        store
            .sign_letter(&hash(1), &signature("Again Org", 9, 2), NOW)
            .await
            .unwrap();
        assert!(
            store
                .verify_signatory(CASE, LETTER, pos, "c")
                .await
                .unwrap()
        );

        // The text changed (hash 9 → 7): the coordinator sends a new link, twice (the first
        // one was lost); the unused one is replaced.
        let link = |t: u8| NewLink {
            token_sha256: hash(t),
            expires_unix: NOW + 2 * DAY,
        };
        store
            .renew_sign_link(CASE, LETTER, pos, &link(4), "c")
            .await
            .unwrap();
        store
            .renew_sign_link(CASE, LETTER, pos, &link(5), "c")
            .await
            .unwrap();
        let replaced = store
            .sign_letter(&hash(4), &signature("Again Org", 7, 6), NOW + DAY)
            .await
            .unwrap();
        assert!(
            matches!(
                replaced,
                LinkOutcome::Used {
                    outcome: LinkUse::Replaced,
                    ..
                }
            ),
            "{replaced:?}"
        );
        // Until they sign again, the old signature stands as it was (the letters crate reads
        // it as "signed an earlier version").
        assert_eq!(
            state_of(&*store, pos).await,
            (SignatureState::Verified, Some(hash(9)))
        );
        let done = store
            .sign_letter(&hash(5), &signature("Again Org", 7, 6), NOW + DAY)
            .await
            .unwrap();
        assert!(matches!(done, LinkOutcome::Done(_)), "{done:?}");
        // Signing again returns the signature to `signed`, to be verified again.
        assert_eq!(
            state_of(&*store, pos).await,
            (SignatureState::Signed, Some(hash(7)))
        );
        // Both withdraw links work; the first one used is enough.
        assert!(matches!(
            store.withdraw_signature(&hash(2), NOW + DAY).await.unwrap(),
            LinkOutcome::Done(_)
        ));
    }
}

#[tokio::test]
async fn links_are_used_only_for_their_purpose() {
    for (store, _dir) in store_with_reference().await {
        store
            .invite_signatory(CASE, LETTER, &invitation("Purpose Org", 1, NOW + DAY), "c")
            .await
            .unwrap();
        assert_eq!(
            store.withdraw_signature(&hash(1), NOW).await.unwrap(),
            LinkOutcome::WrongPurpose {
                purpose: LinkPurpose::Sign
            }
        );
        store
            .sign_letter(&hash(1), &signature("Purpose Org", 9, 2), NOW)
            .await
            .unwrap();
        assert_eq!(
            store
                .sign_letter(&hash(2), &signature("Purpose Org", 9, 3), NOW)
                .await
                .unwrap(),
            LinkOutcome::WrongPurpose {
                purpose: LinkPurpose::Withdraw
            }
        );
        assert_eq!(
            store.decline_letter(&hash(42), NOW).await.unwrap(),
            LinkOutcome::NotFound
        );
        assert_eq!(store.signon_link(&hash(42), NOW).await.unwrap(), None);
    }
}

#[tokio::test]
async fn names_on_a_letter_are_unique() {
    for (store, _dir) in store_with_reference().await {
        // "Civil Rights Defenders" already signed the reference letter (compared ignoring case).
        let err = store
            .invite_signatory(
                CASE,
                LETTER,
                &invitation("civil rights defenders ", 1, NOW + DAY),
                "c",
            )
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Exists {
                    what: "signatory",
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(
            store.signon_link(&hash(1), NOW).await.unwrap(),
            None,
            "nothing written"
        );

        let pos = store
            .invite_signatory(CASE, LETTER, &invitation("Fresh Org", 1, NOW + DAY), "c")
            .await
            .unwrap();
        let err = store
            .sign_letter(&hash(1), &signature("Human Rights Watch", 9, 2), NOW)
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Exists { .. }), "{err}");
        // The link is still unused: they can sign under their own name.
        assert_eq!(state_of(&*store, pos).await.0, SignatureState::Invited);
        assert!(matches!(
            store
                .sign_letter(&hash(1), &signature("Fresh Org", 9, 2), NOW)
                .await
                .unwrap(),
            LinkOutcome::Done(_)
        ));
    }
}

#[tokio::test]
async fn unknown_letters_are_errors() {
    for (store, _dir) in store_with_reference().await {
        let err = store
            .invite_signatory(CASE, "no-such-letter", &invitation("X", 1, NOW + DAY), "c")
            .await
            .unwrap_err();
        assert!(
            matches!(err, StoreError::NotFound { what: "letter", .. }),
            "{err}"
        );
        let err = store
            .invite_signatory("no-such-case", LETTER, &invitation("X", 1, NOW + DAY), "c")
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::NoCase(_)), "{err}");
        let err = store
            .verify_signatory(CASE, LETTER, 999, "c")
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NotFound {
                    what: "signatory",
                    ..
                }
            ),
            "{err}"
        );
    }
}

#[tokio::test]
async fn saving_a_letter_keeps_its_signatories() {
    for (store, _dir) in store_with_reference().await {
        let pos = store
            .invite_signatory(CASE, LETTER, &invitation("Kept Org", 1, NOW + DAY), "c")
            .await
            .unwrap();
        let case = store.load_case(CASE).await.unwrap().unwrap();
        let mut letter = case.letter(LETTER).unwrap().clone();
        letter.body.push_str("\nA new closing paragraph.\n");
        letter.place = Some("Stockholm".into());
        letter.cc.push("Another copy".into());
        // Signatories passed in are ignored for an existing letter.
        letter.signatories.clear();
        assert_eq!(
            store
                .save_letter(CASE, &letter, Some(&hash(3)), "c")
                .await
                .unwrap(),
            SaveOutcome::Updated
        );
        let saved = store.load_case(CASE).await.unwrap().unwrap();
        let l = saved.letter(LETTER).unwrap();
        assert!(l.body.ends_with("A new closing paragraph.\n"));
        assert_eq!(l.place.as_deref(), Some("Stockholm"));
        assert_eq!(l.cc.last().map(String::as_str), Some("Another copy"));
        assert_eq!(l.addressees, case.letter(LETTER).unwrap().addressees);
        assert_eq!(l.signatories.len(), 56);
        // The 55 verified signatories of the bundle, without a hash, are pinned to the text
        // before the save; the invited one has signed nothing.
        assert!(
            l.signatories[..55]
                .iter()
                .all(|s| s.signed_text_sha256.as_deref() == Some(hash(3).as_str()))
        );
        assert_eq!(
            state_of(&*store, pos).await,
            (SignatureState::Invited, None)
        );
        // A hash once recorded is never overwritten by a later pin.
        store
            .save_letter(CASE, &letter, Some(&hash(4)), "c")
            .await
            .unwrap();
        let saved = store.load_case(CASE).await.unwrap().unwrap();
        assert_eq!(
            saved.letter(LETTER).unwrap().signatories[0]
                .signed_text_sha256
                .as_deref(),
            Some(hash(3).as_str())
        );

        // A new letter is added after the others, with its signatories.
        let mut new = letter.clone();
        new.id = "follow-up".into();
        new.signatories = vec![case.letter(LETTER).unwrap().signatories[0].clone()];
        assert_eq!(
            store.save_letter(CASE, &new, None, "c").await.unwrap(),
            SaveOutcome::Created
        );
        let saved = store.load_case(CASE).await.unwrap().unwrap();
        assert_eq!(saved.letters.len(), 2);
        assert_eq!(saved.letters[1].id, "follow-up");
        assert_eq!(saved.letters[1].signatories.len(), 1);
        let actions: Vec<String> = store
            .audit_log(Some(CASE), 5)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert!(
            actions.contains(&"letter.update".to_owned())
                && actions.contains(&"letter.create".to_owned())
        );
    }
}

#[tokio::test]
async fn a_replace_keeps_members_publication_and_sign_on_records() {
    for (store, _guard) in store_with_reference().await {
        let user = store
            .create_user("owner@example.org", "x", false)
            .await
            .unwrap();
        store
            .set_role(CASE, user.id, Some(accord_core::CaseRole::Owner), "test")
            .await
            .unwrap();
        store.set_published(CASE, true, "test").await.unwrap();
        let pos = store
            .invite_signatory(
                CASE,
                LETTER,
                &invitation("Friends of the Accords", 7, NOW + DAY),
                "owner",
            )
            .await
            .unwrap();
        // The case as exported now (with the new signatory) replaces itself: nothing is lost.
        let now = store.load_case(CASE).await.unwrap().unwrap();
        store
            .import_case(&now, ImportMode::Replace, "test")
            .await
            .unwrap();
        assert_eq!(store.roles_of_user(user.id).await.unwrap().len(), 1);
        assert!(store.case_head(CASE).await.unwrap().unwrap().published);
        let entries = store.signon_entries(CASE, LETTER, NOW).await.unwrap();
        let invited = entries.iter().find(|e| e.position == pos).unwrap();
        assert_eq!(
            invited.invitation.as_ref().unwrap().invited_name,
            "Friends of the Accords"
        );
        // The repository's bundle does not have that signatory: replacing with it would lose the
        // invitation and its open link, so it is refused and nothing changes.
        let err = store
            .import_case(&reference(), ImportMode::Replace, "test")
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::ReplaceWouldLose { .. }), "{err}");
        assert!(err.to_string().contains("Friends of the Accords"), "{err}");
        assert_eq!(store.load_case(CASE).await.unwrap().unwrap(), now);
    }
}

/// The documented example case with records a letter does not need added around it: an incident
/// no finding names (citing a source of its own), a source nothing cites, a source only the
/// second letter's body names, and a second letter.
fn example_with_extras() -> ValidCase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/minimal-case");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let mut case = bundle::read(&files).unwrap().into_case();
    let mut source = case.sources[0].clone();
    for id in [
        "only-unnamed-incident",
        "cited-by-nobody",
        "named-in-second-body",
    ] {
        source.id = id.to_owned();
        case.sources.push(source.clone());
    }
    let mut incident = case.incidents[0].clone();
    incident.id = "named-by-no-finding".to_owned();
    incident.sources = vec!["only-unnamed-incident".to_owned()];
    case.incidents.push(incident);
    let mut second = case.letters[0].clone();
    second.id = "second".to_owned();
    second.body = "See {{ cite(\"named-in-second-body\") }}.".to_owned();
    second.signatories.truncate(1);
    case.letters.push(second);
    accord_core::validate(case).unwrap()
}

fn ids<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut v: Vec<&str> = items.collect();
    v.sort_unstable();
    v
}

#[tokio::test]
async fn the_letters_view_reads_what_composing_needs_and_no_more() {
    for (store, _guard) in backends().await {
        let full = example_with_extras();
        store
            .import_case(&full, ImportMode::New, "test")
            .await
            .unwrap();
        assert!(
            store
                .load_case_for_letters("no-such-case", None)
                .await
                .unwrap()
                .is_none()
        );

        let one = store
            .load_case_for_letters(&full.id, Some("appeal-2030"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            one.letters,
            vec![full.letter("appeal-2030").unwrap().clone()]
        );
        assert_eq!(one.findings, full.findings);
        assert_eq!(one.mechanisms, full.mechanisms);
        assert_eq!(one.instruments, full.instruments);
        assert_eq!(one.actors, full.actors);
        // The incidents findings name, each whole; not the one no finding names.
        let mut named = ids(full
            .findings
            .iter()
            .flat_map(|f| f.incidents.iter().map(String::as_str)));
        named.dedup();
        assert_eq!(ids(one.incidents.iter().map(|i| i.id.as_str())), named);
        for i in &one.incidents {
            assert_eq!(Some(i), full.incident(&i.id));
        }
        // Sources: those the loaded incidents cite and those the body names.
        assert_eq!(
            ids(one.sources.iter().map(|s| s.id.as_str())),
            vec!["gazette-2030-02", "monitor-report"]
        );
        assert!(one.elections.is_empty() && one.evidence.is_empty());

        let all = store
            .load_case_for_letters(&full.id, None)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(all.letters, full.letters);
        assert_eq!(
            ids(all.sources.iter().map(|s| s.id.as_str())),
            vec!["gazette-2030-02", "monitor-report", "named-in-second-body"]
        );
        assert!(all.incident("named-by-no-finding").is_none());

        let second = store
            .load_case_for_letters(&full.id, Some("second"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(second.letters.len(), 1);
        assert!(second.source("named-in-second-body").is_some());
        assert!(
            store
                .load_case_for_letters(&full.id, Some("no-such-letter"))
                .await
                .unwrap()
                .unwrap()
                .letters
                .is_empty()
        );
    }
}
