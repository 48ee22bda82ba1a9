//! The action layer on a real SQLite store and blob directory: evidence in and out, every version
//! kept, and `verify` catching each kind of tampering (each test changes one thing behind
//! Accord's back and expects exactly that kind of problem).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_actions::{ActionError, Actions, LogKeyConfig, NewEvidence, VerifyReport};
use accord_core::bundle::{self, BundleFile};
use accord_core::{Capture, CustodyAction, ValidCase};
use accord_store::{Create, FsBlobStore, ImportMode, RecordKind};
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;

struct World {
    actions: Actions,
    /// The database's URL (SQLite, or PostgreSQL when the environment asks for it).
    db: String,
    blobs: PathBuf,
    _dir: tempfile::TempDir,
}

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

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let db = accord_store::testing::fresh_url(dir.path()).await.unwrap();
    let store = accord_store::open(&db, Create::IfMissing).await.unwrap();
    let blobs = dir.path().join("accord.db.evidence");
    let actions = Actions::new(
        store,
        Arc::new(FsBlobStore::open(&blobs).unwrap()),
        None,
        LogKeyConfig {
            path: dir.path().join("log.key"),
            name_if_new: Some("test.example/log".into()),
        },
    );
    actions
        .import_bundle(&example(), ImportMode::New, "test")
        .await
        .unwrap();
    World {
        actions,
        db,
        blobs,
        _dir: dir,
    }
}

const CASE: &str = "example-2030";

async fn add(w: &World, name: &str, bytes: &[u8]) -> accord_core::Evidence {
    let mut body: &[u8] = bytes;
    w.actions
        .add_evidence(
            CASE,
            NewEvidence {
                file_name: name.into(),
                incident: Some("party-dissolved".into()),
                capture: Capture {
                    captured_at: Some("2030-02-01T10:00:00Z".into()),
                    captured_by: Some("a researcher".into()),
                    source_url: Some("https://example.org/decree".into()),
                    method: Some("download".into()),
                    ..Capture::default()
                },
                ..NewEvidence::default()
            },
            &mut body,
            1 << 20,
            "ed@example.org",
        )
        .await
        .unwrap()
}

async fn verify(w: &World) -> VerifyReport {
    w.actions.checkpoint().await.unwrap();
    w.actions.verify(&|_| {}).await.unwrap()
}

fn kinds(r: &VerifyReport) -> Vec<&str> {
    let mut k: Vec<&str> = r.problems.iter().map(|p| p.kind.as_str()).collect();
    k.dedup();
    k
}

/// Run SQL on the database behind Accord's back.
async fn tamper(db: &str, sql: &str) {
    accord_store::testing::execute(db, sql).await.unwrap();
}

fn blob_path(w: &World, sha: &str) -> PathBuf {
    w.blobs.join("sha256").join(&sha[..2]).join(sha)
}

#[tokio::test]
async fn evidence_is_hashed_stored_once_and_read_back_exactly() {
    let w = world().await;
    let bytes = b"\x89PNG\r\n\x1a\n not really an image, but it starts like one".to_vec();
    let e = add(&w, "decree.png", &bytes).await;
    assert_eq!(e.sha256, hex::encode(Sha256::digest(&bytes)));
    assert_eq!(e.size, bytes.len() as u64);
    assert_eq!(e.media_type, "image/png");
    assert_eq!(e.custody[0].action, CustodyAction::Received);
    // The same bytes again: a second record, one stored file.
    let again = add(&w, "decree.png", &bytes).await;
    assert_ne!(again.id, e.id);
    assert_ne!(again.file, e.file, "file names stay unique in a case");
    assert_eq!(std::fs::read(blob_path(&w, &e.sha256)).unwrap(), bytes);

    let (_, mut r) = w
        .actions
        .open_evidence(CASE, &e.id, "viewer@example.org", CustodyAction::Downloaded)
        .await
        .unwrap();
    let mut back = Vec::new();
    r.reader.read_to_end(&mut back).await.unwrap();
    assert_eq!(back, bytes);
    let stored = w
        .actions
        .store()
        .evidence(CASE, &e.id)
        .await
        .unwrap()
        .unwrap();
    let actions: Vec<_> = stored.custody.iter().map(|c| c.action).collect();
    assert_eq!(
        actions,
        [CustodyAction::Received, CustodyAction::Downloaded]
    );
    assert!(verify(&w).await.ok);
}

#[tokio::test]
async fn a_refused_upload_leaves_nothing_behind() {
    let w = world().await;
    let mut body: &[u8] = b"bytes for an incident that does not exist";
    let err = w
        .actions
        .add_evidence(
            CASE,
            NewEvidence {
                file_name: "x.txt".into(),
                incident: Some("no-such-incident".into()),
                ..NewEvidence::default()
            },
            &mut body,
            1 << 20,
            "ed",
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            ActionError::NotFound {
                what: "incident",
                ..
            }
        ),
        "{err}"
    );
    let mut big: &[u8] = &[7u8; 4096];
    let err = w
        .actions
        .add_evidence(
            CASE,
            NewEvidence {
                file_name: "big.bin".into(),
                incident: Some("party-dissolved".into()),
                ..NewEvidence::default()
            },
            &mut big,
            1000,
            "ed",
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ActionError::TooLarge { limit: 1000 }),
        "{err}"
    );
    let report = verify(&w).await;
    assert!(report.ok, "{:?}", report.problems);
    assert_eq!(report.evidence, 0);
    assert!(w.actions.blobs().list().await.unwrap().is_empty());
    let tmp: Vec<_> = std::fs::read_dir(w.blobs.join("tmp")).unwrap().collect();
    assert!(tmp.is_empty());
}

#[tokio::test]
async fn every_version_is_kept() {
    let w = world().await;
    let store = w.actions.store();
    let mut inc = store
        .incidents(CASE, &["harassment".to_owned()])
        .await
        .unwrap()
        .pop()
        .unwrap();
    let before = inc.title.clone();
    inc.title = "Harassment of the gazette's editors".into();
    w.actions
        .save_incident(CASE, inc, None, "ed@example.org")
        .await
        .unwrap();
    let h = w
        .actions
        .history(CASE, RecordKind::Incident, "harassment")
        .await
        .unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].version, 1);
    assert_eq!(h[1].actor, "ed@example.org");
    assert!(h[0].body.as_deref().unwrap().contains(&before));
    assert!(h[1].body.as_deref().unwrap().contains("editors"));
    assert!(verify(&w).await.ok);
}

#[tokio::test]
async fn a_changed_evidence_byte_is_found() {
    let w = world().await;
    let e = add(&w, "decree.txt", b"The decree of 1 February 2030").await;
    assert!(verify(&w).await.ok);
    let path = blob_path(&w, &e.sha256);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[4] ^= 1;
    std::fs::write(&path, bytes).unwrap();
    let r = verify(&w).await;
    assert!(!r.ok);
    assert_eq!(kinds(&r), ["evidence"]);
}

#[tokio::test]
async fn a_changed_log_entry_is_found() {
    let w = world().await;
    assert!(verify(&w).await.ok);
    tamper(
        &w.db,
        "UPDATE log_entries SET actor = 'someone else' WHERE seq = 2",
    )
    .await;
    let r = w.actions.verify(&|_| {}).await.unwrap();
    assert!(kinds(&r).contains(&"log_entry"), "{:?}", r.problems);
    assert!(kinds(&r).contains(&"checkpoint"), "{:?}", r.problems);
}

#[tokio::test]
async fn a_log_entry_rewritten_with_its_leaf_is_still_found_by_the_checkpoint() {
    let w = world().await;
    assert!(verify(&w).await.ok);
    // A careful forger recomputes the leaf too; the signed checkpoint still disagrees.
    let (entries, _) = (w.actions.store().log_entries(3, 1).await.unwrap(), ());
    let mut e = entries[0].0.clone();
    e.actor = "someone else".into();
    let leaf = hex::encode(e.leaf_hash());
    tamper(
        &w.db,
        &format!(
            "UPDATE log_entries SET actor = 'someone else', leaf = {} WHERE seq = 3",
            accord_store::testing::bytes_literal(&w.db, &leaf)
        ),
    )
    .await;
    let r = w.actions.verify(&|_| {}).await.unwrap();
    assert!(kinds(&r).contains(&"checkpoint"), "{:?}", r.problems);
    assert!(!kinds(&r).contains(&"log_entry"));
}

#[tokio::test]
async fn a_removed_log_entry_is_found() {
    let w = world().await;
    assert!(verify(&w).await.ok);
    tamper(&w.db, "DELETE FROM log_entries WHERE seq = 1").await;
    let r = w.actions.verify(&|_| {}).await.unwrap();
    assert!(kinds(&r).contains(&"log_order"), "{:?}", r.problems);
}

#[tokio::test]
async fn reordered_log_entries_are_found() {
    let w = world().await;
    assert!(verify(&w).await.ok);
    tamper(&w.db, "UPDATE log_entries SET seq = -1 WHERE seq = 1").await;
    tamper(&w.db, "UPDATE log_entries SET seq = 1 WHERE seq = 2").await;
    tamper(&w.db, "UPDATE log_entries SET seq = 2 WHERE seq = -1").await;
    let r = w.actions.verify(&|_| {}).await.unwrap();
    assert!(!r.ok);
    assert!(
        kinds(&r).contains(&"log_entry") || kinds(&r).contains(&"checkpoint"),
        "{:?}",
        r.problems
    );
}

#[tokio::test]
async fn a_record_edited_behind_accords_back_is_found() {
    let w = world().await;
    assert!(verify(&w).await.ok);
    tamper(
        &w.db,
        "UPDATE incidents SET title = 'Nothing happened' WHERE id = 'harassment'",
    )
    .await;
    let r = w.actions.verify(&|_| {}).await.unwrap();
    assert_eq!(kinds(&r), ["record"], "{:?}", r.problems);
    assert!(r.problems[0].what.contains("incident/harassment"));
}

#[tokio::test]
async fn a_record_and_its_history_rewritten_together_are_found_by_the_log() {
    let w = world().await;
    assert!(verify(&w).await.ok);
    let store = w.actions.store();
    let mut inc = store
        .incidents(CASE, &["harassment".to_owned()])
        .await
        .unwrap()
        .pop()
        .unwrap();
    inc.title = "Nothing happened".into();
    let body = accord_store::record::incident(&inc);
    tamper(
        &w.db,
        "UPDATE incidents SET title = 'Nothing happened' WHERE id = 'harassment'",
    )
    .await;
    let json = body.json.replace('\'', "''");
    tamper(
        &w.db,
        &format!(
            "UPDATE record_versions SET body = '{json}', sha256 = '{}' WHERE kind = 'incident' AND record_id = 'harassment'",
            body.sha256
        ),
    )
    .await;
    let r = w.actions.verify(&|_| {}).await.unwrap();
    assert_eq!(kinds(&r), ["version"], "{:?}", r.problems);
}

#[tokio::test]
async fn checkpoints_are_signed_and_consistent() {
    let w = world().await;
    let first = w.actions.latest_checkpoint().await.unwrap().unwrap();
    let key = w.actions.verifier_key().unwrap();
    assert!(key.starts_with("test.example/log+"));
    let v = accord_tlog::NoteVerifier::parse(&key).unwrap();
    let opened = accord_tlog::open(&first, std::slice::from_ref(&v)).unwrap();
    assert!(opened.text.starts_with("test.example/log\n"));
    // No new checkpoint until the log grows.
    assert_eq!(w.actions.checkpoint().await.unwrap(), None);
    add(&w, "a.txt", b"a").await;
    let second = w.actions.checkpoint().await.unwrap().unwrap();
    let a = accord_tlog::Checkpoint::parse(&opened.text).unwrap();
    let b =
        accord_tlog::Checkpoint::parse(&accord_tlog::open(&second, &[v]).unwrap().text).unwrap();
    assert!(b.size() > a.size());
    // Co-signing: a witness adds its line after checking consistency.
    let dir = tempfile::tempdir().unwrap();
    let cosigned = w
        .actions
        .cosign(
            &dir.path().join("witness.key"),
            &dir.path().join("witness.state"),
        )
        .await
        .unwrap();
    assert!(cosigned.starts_with(&second));
    assert_eq!(cosigned.lines().filter(|l| l.starts_with('—')).count(), 2);
    assert!(verify(&w).await.ok);

    // A witness state that cannot be read, or whose line for this log is damaged, refuses:
    // co-signing without the consistency check would let a rewritten log through.
    add(&w, "b.txt", b"b").await;
    w.actions.checkpoint().await.unwrap().unwrap();
    let unreadable = dir.path().join("a-directory");
    std::fs::create_dir(&unreadable).unwrap();
    let err = w
        .actions
        .cosign(&dir.path().join("witness.key"), &unreadable)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("a-directory"), "{err}");
    let state = dir.path().join("witness.state");
    let good = std::fs::read_to_string(&state).unwrap();
    std::fs::write(&state, good.replace(' ', " x")).unwrap();
    let err = w
        .actions
        .cosign(&dir.path().join("witness.key"), &state)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("damaged"), "{err}");
    std::fs::write(&state, good).unwrap();
    w.actions
        .cosign(&dir.path().join("witness.key"), &state)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_package_checks_offline_and_a_changed_byte_fails_it() {
    let w = world().await;
    add(&w, "decree.txt", b"The decree of 1 February 2030").await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("package");
    let report = w
        .actions
        .package(CASE, &["party-dissolved".to_owned()], &out, "coordinator")
        .await
        .unwrap();
    assert_eq!(report.files, 1);
    assert!(report.entries >= 2);
    let ok = accord_actions::verify_package(&out).unwrap();
    assert!(ok.ok, "{:?}", ok.problems);
    let sums = std::fs::read_to_string(out.join("SHA256SUMS")).unwrap();
    assert!(sums.ends_with("  originals/decree.txt\n"));
    let original = out.join("originals/decree.txt");
    let mut bytes = std::fs::read(&original).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&original, bytes).unwrap();
    let bad = accord_actions::verify_package(&out).unwrap();
    assert!(!bad.ok);
    assert_eq!(bad.problems[0].kind, "evidence");
}

#[tokio::test]
async fn nobody_confirms_their_own_finding_unless_the_owner_allows_it() {
    let w = world().await;
    let finding = accord_core::Finding {
        id: "f-new".into(),
        incidents: vec!["harassment".into()],
        provision: w
            .actions
            .parse_provision(
                &w.actions.store().case_refs(CASE).await.unwrap().provisions,
                "fpa art 3 (2)",
            )
            .unwrap(),
        verdict: accord_core::Verdict::Concern,
        status: accord_core::FindingStatus::Draft,
        rationale: "why".into(),
        author: Some("ed@example.org".into()),
        reviewed_by: None,
    };
    w.actions
        .add_finding(CASE, finding, "ed@example.org")
        .await
        .unwrap();
    let confirm = |by: &'static str| {
        let a = w.actions.clone();
        async move {
            a.set_finding_status(CASE, "f-new", accord_core::FindingStatus::Confirmed, by)
                .await
        }
    };
    let err = confirm("ed@example.org").await.unwrap_err();
    assert!(matches!(err, ActionError::Forbidden(_)), "{err}");
    w.actions
        .set_self_review(CASE, true, "owner@example.org")
        .await
        .unwrap();
    confirm("ed@example.org").await.unwrap();
    // The confirmation pins the incident's version; a later edit shows as newer.
    let pinned = w
        .actions
        .store()
        .finding_confirmation(CASE, "f-new")
        .await
        .unwrap();
    assert_eq!(pinned.len(), 1);
    assert_eq!((pinned[0].0.as_str(), pinned[0].1), ("harassment", 1));
    let log = w.actions.store().audit_log(Some(CASE), 5).await.unwrap();
    assert!(log.iter().any(|e| e.action == "case.self_review.allow"));
}

#[tokio::test]
async fn the_key_file_reads_back_whatever_its_base64_holds() {
    // Base64 uses '+': keys with and without one must both load again in a new process.
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.key");
        let config = || LogKeyConfig {
            path: path.clone(),
            name_if_new: Some("test.example/log".into()),
        };
        let store = accord_store::testing::fresh_store(dir.path())
            .await
            .unwrap();
        let blobs = Arc::new(FsBlobStore::open(dir.path().join("b")).unwrap());
        let first = Actions::new(store.clone(), blobs.clone(), None, config());
        let key = first.verifier_key().unwrap();
        let again = Actions::new(store, blobs, None, config());
        assert_eq!(again.verifier_key().unwrap(), key);
    }
}

/// The sign-on actions check what the routes' forms used to check, so the API and the CLI get
/// the same refusals; a link that can no longer sign is the store's answer, unchecked.
#[tokio::test]
async fn sign_on_is_checked_by_the_actions_for_every_caller() {
    use accord_core::SignatureState;
    use accord_store::{LinkOutcome, NewInvitation, NewLink, NewSignature};

    const LETTER: &str = "appeal-2030";
    const NOW: i64 = 2_000_000_000;
    let w = world().await;
    let hash = |n: u8| format!("{n:02x}").repeat(32);
    let invitation = |organisation: &str, country: &str| NewInvitation {
        organisation: organisation.into(),
        country: Some(country.into()),
        contact: " office@fresh.example ".into(),
        link: NewLink {
            token_sha256: hash(1),
            expires_unix: NOW + 86_400,
        },
    };
    let field_of = |e: ActionError| match e {
        ActionError::Invalid { field, .. } => field,
        other => panic!("expected a refused field, got {other}"),
    };

    for (organisation, country, field) in [
        ("Fresh Org", "Sweden", "country"),
        ("   ", "SE", "organisation"),
        ("Fresh\u{7}Org", "SE", "organisation"),
    ] {
        let e = w
            .actions
            .invite_signatory(CASE, LETTER, &invitation(organisation, country), "c")
            .await
            .unwrap_err();
        assert_eq!(field_of(e), field, "{organisation:?} {country:?}");
    }
    let position = w
        .actions
        .invite_signatory(CASE, LETTER, &invitation("  Fresh Org ", "se"), "c")
        .await
        .unwrap();
    let entries = w
        .actions
        .store()
        .signon_entries(CASE, LETTER, NOW)
        .await
        .unwrap();
    let entry = entries.iter().find(|e| e.position == position).unwrap();
    assert_eq!(entry.signatory.organisation, "Fresh Org");
    assert_eq!(entry.signatory.country.as_deref(), Some("SE"));
    assert_eq!(
        entry.invitation.as_ref().unwrap().contact,
        "office@fresh.example"
    );
    // The same name, differently spaced and cased, is taken (the store's rule, through the action).
    let mut again = invitation("fresh org", "SE");
    again.link.token_sha256 = hash(9);
    assert!(matches!(
        w.actions
            .invite_signatory(CASE, LETTER, &again, "c")
            .await
            .unwrap_err(),
        ActionError::Exists {
            what: "signatory",
            ..
        }
    ));

    let case = w.actions.store().load_case(CASE).await.unwrap().unwrap();
    let current = accord_letters::compose(&case, LETTER)
        .unwrap()
        .signed_text
        .sha256;
    let signature = |text: &str, url: &str| NewSignature {
        representative: " Jane Doe ".into(),
        organisation: "Fresh Org".into(),
        url: Some(url.into()),
        text_sha256: text.into(),
        withdraw_token_sha256: hash(2),
    };
    for (text, url, field) in [
        (hash(0), "", "text"),
        (current.clone(), "javascript:alert(1)", "url"),
    ] {
        let e = w
            .actions
            .sign_letter(&hash(1), &signature(&text, url), NOW)
            .await
            .unwrap_err();
        assert_eq!(field_of(e), field, "{text} {url:?}");
    }
    // A refused form leaves the link unused: the right text then signs.
    let LinkOutcome::Done(signed) = w
        .actions
        .sign_letter(&hash(1), &signature(&current, ""), NOW)
        .await
        .unwrap()
    else {
        panic!("not signed");
    };
    assert_eq!(signed.representative.as_deref(), Some("Jane Doe"));
    assert_eq!(signed.url, None);
    assert_eq!(signed.signed_text_sha256.as_deref(), Some(current.as_str()));
    // A used link says so, whatever the form holds.
    assert!(matches!(
        w.actions
            .sign_letter(&hash(1), &signature(&hash(0), "bad"), NOW)
            .await
            .unwrap(),
        LinkOutcome::Used { .. }
    ));
    assert!(
        w.actions
            .verify_signatory(CASE, LETTER, position, "c")
            .await
            .unwrap()
    );
    let LinkOutcome::Done(withdrawn) = w.actions.withdraw_signature(&hash(2), NOW).await.unwrap()
    else {
        panic!("not withdrawn");
    };
    assert_eq!(withdrawn.state, SignatureState::Withdrawn);
    assert_eq!(
        w.actions.decline_letter(&hash(42), NOW).await.unwrap(),
        LinkOutcome::NotFound
    );
}

#[tokio::test]
async fn no_checkpoint_is_signed_over_a_rewritten_past() {
    let w = world().await;
    assert!(w.actions.checkpoint().await.unwrap().is_some());
    // Rewrite an entry behind Accord's back (its leaf too), then write through Accord.
    let mut e = w.actions.store().log_entries(1, 1).await.unwrap()[0]
        .0
        .clone();
    e.actor = "someone else".into();
    let leaf = hex::encode(e.leaf_hash());
    tamper(
        &w.db,
        &format!(
            "UPDATE log_entries SET actor = 'someone else', leaf = {} WHERE seq = 1",
            accord_store::testing::bytes_literal(&w.db, &leaf)
        ),
    )
    .await;
    // Rebuild the stored edge from the rewritten leaves, as a careful forger would.
    let leaves: Vec<[u8; 32]> = w
        .actions
        .store()
        .log_entries(0, 100_000)
        .await
        .unwrap()
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    let mut f = accord_tlog::Frontier::new();
    for l in leaves {
        f.push(l).unwrap();
    }
    tamper(
        &w.db,
        &format!(
            "UPDATE log_state SET frontier = {}",
            accord_store::testing::bytes_literal(&w.db, &hex::encode(f.to_bytes()))
        ),
    )
    .await;
    add(&w, "later.txt", b"written after the rewrite").await;
    let err = w.actions.checkpoint().await.unwrap_err();
    assert!(err.to_string().contains("refusing to sign"), "{err}");
}

/// `verify` removed every stored file no record named, so a verify running while an upload was
/// between storing its bytes and committing its record deleted the evidence the record then
/// named. It leaves stored files alone now.
#[tokio::test]
async fn verify_never_removes_bytes_an_upload_is_about_to_commit() {
    let w = world().await;
    // The first half of an upload: the bytes are stored, the record not yet written.
    let mut body: &[u8] = b"a witness statement, stored a moment before its record";
    let stored = w.actions.blobs().put(&mut body, 1 << 20).await.unwrap();
    assert!(verify(&w).await.ok);
    // The record is committed after the verify: its bytes are still there.
    let mut reader = w.actions.blobs().open(&stored.sha256).await.unwrap().reader;
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).await.unwrap();
    assert_eq!(
        bytes,
        b"a witness statement, stored a moment before its record"
    );
}

#[tokio::test]
async fn a_record_is_restricted_only_to_members_of_its_case() {
    let w = world().await;
    let store = w.actions.store();
    let member = store
        .create_user("member@example.org", "not-a-real-hash", false)
        .await
        .unwrap();
    store
        .set_role(CASE, member.id, Some(accord_core::CaseRole::Editor), "test")
        .await
        .unwrap();
    let mut inc = store
        .incidents(CASE, &["harassment".to_owned()])
        .await
        .unwrap()
        .pop()
        .unwrap();
    inc.sensitivity = accord_core::Sensitivity::Restricted;
    inc.restricted_to = vec!["stranger@example.org".into()];
    let err = w
        .actions
        .save_incident(CASE, inc.clone(), None, "test")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid { field, message }
            if field == "restricted_to" && message.contains("stranger@example.org")),
        "{err}"
    );
    assert_eq!(
        store
            .history(CASE, RecordKind::Incident, "harassment")
            .await
            .unwrap()
            .len(),
        1,
        "nothing written"
    );
    inc.restricted_to = vec!["Member@Example.org".into()];
    w.actions
        .save_incident(CASE, inc.clone(), None, "test")
        .await
        .unwrap();
    // The member leaves; the record keeps naming them and can still be edited.
    store.set_role(CASE, member.id, None, "test").await.unwrap();
    inc.title = "Harassment, edited after the member left".into();
    w.actions
        .save_incident(CASE, inc, None, "test")
        .await
        .unwrap();
}
