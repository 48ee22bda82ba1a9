//! Backup and restore of the whole instance (issue 12 §4): a backup taken while a writer adds
//! incidents restores into a fresh place, verifies, and holds everything that was committed
//! before its snapshot — records with their history, the log, accounts, memberships, the
//! publication flag, sign-on invitations, evidence and the log key — exactly as it was.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use accord_actions::backup::{self, RestoreTarget};
use accord_actions::{ActionError, Actions, LogKeyConfig, NewEvidence};
use accord_core::bundle::{self, BundleFile};
use accord_core::{CaseRole, CustodyAction, Incident, IncidentKind, ValidCase};
use accord_store::{Create, FsBlobStore, ImportMode, NewInvitation, NewLink, RecordKind, Store};

const CASE: &str = "example-2030";

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

/// An instance in `dir`: its database, blob directory and log key.
///
/// SQLite only, whatever `ACCORD_TEST_POSTGRES_URL` says: a backup's snapshot is SQLite's
/// `VACUUM INTO` of the database file, and a restore writes a database file.
async fn instance(dir: &Path) -> Actions {
    let store = accord_store::open(dir.join("accord.db").to_str().unwrap(), Create::IfMissing)
        .await
        .unwrap();
    Actions::new(
        store,
        Arc::new(FsBlobStore::open(dir.join("accord.db.evidence")).unwrap()),
        None,
        LogKeyConfig {
            path: dir.join("accord.db.log-key"),
            name_if_new: Some("test.example/log".into()),
        },
    )
}

fn incident(n: usize) -> Incident {
    Incident {
        id: format!("written-{n:04}"),
        date: "2030-03-01".parse().unwrap(),
        title: format!("Incident written during the backup, number {n}"),
        kind: IncidentKind::Other,
        summary: None,
        place: None,
        themes: Vec::new(),
        sources: Vec::new(),
        actors: Vec::new(),
        evidence: Vec::new(),
        sensitivity: accord_core::Sensitivity::Case,
        restricted_to: Vec::new(),
    }
}

async fn incident_ids(store: &Arc<dyn Store>) -> Vec<String> {
    let case = store.load_case(CASE).await.unwrap().unwrap();
    case.case().incidents.iter().map(|i| i.id.clone()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_writes_restores_whole_and_verifies() {
    let src_dir = tempfile::tempdir().unwrap();
    let src = instance(src_dir.path()).await;
    src.import_bundle(&example(), ImportMode::New, "test")
        .await
        .unwrap();
    // What must come back besides records: an account with its role, the publication flag, an
    // invitation with its sign link, an evidence file, the log key and a checkpoint.
    let store = src.store().clone();
    let ed = store
        .create_user("ed@example.org", "hash", false)
        .await
        .unwrap();
    store
        .set_role(CASE, ed.id, Some(CaseRole::Editor), "test")
        .await
        .unwrap();
    store.set_published(CASE, true, "test").await.unwrap();
    src.invite_signatory(
        CASE,
        "appeal-2030",
        &NewInvitation {
            organisation: "Fresh Org".into(),
            country: Some("SE".into()),
            contact: "office@fresh.example".into(),
            link: NewLink {
                token_sha256: "ab".repeat(32),
                expires_unix: 4_000_000_000,
            },
        },
        "test",
    )
    .await
    .unwrap();
    let photo: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let mut body: &[u8] = &photo;
    let ev = src
        .add_evidence(
            CASE,
            NewEvidence {
                file_name: "photo.bin".into(),
                incident: Some("party-dissolved".into()),
                ..NewEvidence::default()
            },
            &mut body,
            1 << 20,
            "ed@example.org",
        )
        .await
        .unwrap();
    src.checkpoint().await.unwrap();
    let before = incident_ids(&store).await;

    // A writer adds incidents while the backup runs.
    let writer = {
        let src = src.clone();
        tokio::spawn(async move {
            for n in 0..150 {
                src.save_incident(CASE, incident(n), None, "writer")
                    .await
                    .unwrap();
            }
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let out = src_dir.path().join("backup");
    let report = src.backup(&out, None).await.unwrap();
    writer.await.unwrap();
    assert_eq!(report.evidence_files, 1);
    assert_eq!(report.evidence_bytes, photo.len() as u64);
    assert!(report.log_key);

    // Restore into a fresh place.
    let dst_dir = tempfile::tempdir().unwrap();
    let target = RestoreTarget {
        db: dst_dir.path().join("accord.db"),
        log_key: dst_dir.path().join("accord.db.log-key"),
        force: false,
    };
    let manifest = backup::restore_files(&out, &target, None).await.unwrap();
    let dst = instance(dst_dir.path()).await;
    let restored = dst
        .restore_evidence(&out, &manifest, &target.db, None)
        .await
        .unwrap();
    assert!(restored.verified, "{:?}", restored.problems);

    // The restored case holds every incident committed before the snapshot and a prefix of the
    // writer's, each exactly as the source holds it, with its history.
    let dst_store = dst.store().clone();
    let got = incident_ids(&dst_store).await;
    let all = incident_ids(&store).await;
    assert!(got.len() >= before.len() && got.len() <= all.len());
    assert!(before.iter().all(|id| got.contains(id)));
    let written: Vec<&String> = got.iter().filter(|i| i.starts_with("written-")).collect();
    let expected: Vec<String> = (0..written.len()).map(|n| incident(n).id).collect();
    assert_eq!(
        written,
        expected.iter().collect::<Vec<_>>(),
        "the writer's incidents come back as a prefix, whole"
    );
    let src_case = store.load_case(CASE).await.unwrap().unwrap();
    let dst_case = dst_store.load_case(CASE).await.unwrap().unwrap();
    for inc in &dst_case.case().incidents {
        assert_eq!(Some(inc), src_case.incident(&inc.id), "{}", inc.id);
        assert_eq!(
            dst.history(CASE, RecordKind::Incident, &inc.id)
                .await
                .unwrap(),
            src.history(CASE, RecordKind::Incident, &inc.id)
                .await
                .unwrap(),
            "{}",
            inc.id
        );
    }
    // Accounts, roles, publication, sign-on, evidence and the log's key.
    let members = dst_store.members(CASE).await.unwrap();
    assert!(
        members
            .iter()
            .any(|(u, r)| u.email == "ed@example.org" && *r == CaseRole::Editor)
    );
    let head = dst_store.case_head(CASE).await.unwrap().unwrap();
    assert!(head.published);
    let entries = dst_store
        .signon_entries(CASE, "appeal-2030", 0)
        .await
        .unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.signatory.organisation == "Fresh Org" && e.invitation.is_some())
    );
    let mut reader = dst
        .open_evidence(CASE, &ev.id, "test", CustodyAction::Downloaded)
        .await
        .unwrap()
        .1
        .reader;
    let mut bytes = Vec::new();
    tokio::io::AsyncReadExt::read_to_end(&mut reader, &mut bytes)
        .await
        .unwrap();
    assert_eq!(bytes, photo);
    assert_eq!(dst.verifier_key().unwrap(), src.verifier_key().unwrap());
}

#[tokio::test]
async fn restore_refuses_to_replace_a_database_and_a_damaged_backup() {
    let src_dir = tempfile::tempdir().unwrap();
    let src = instance(src_dir.path()).await;
    src.import_bundle(&example(), ImportMode::New, "test")
        .await
        .unwrap();
    let mut body: &[u8] = b"the only copy of a witness statement";
    src.add_evidence(
        CASE,
        NewEvidence {
            file_name: "statement.txt".into(),
            ..NewEvidence::default()
        },
        &mut body,
        1 << 20,
        "test",
    )
    .await
    .unwrap();
    let out = src_dir.path().join("backup");
    src.backup(&out, None).await.unwrap();
    // A second backup into the same directory is refused: it is not empty.
    assert!(matches!(
        src.backup(&out, None).await,
        Err(ActionError::Invalid { field, .. }) if field == "out"
    ));

    // An existing database is not replaced without force, and is left as it was.
    let dst_dir = tempfile::tempdir().unwrap();
    let db = dst_dir.path().join("accord.db");
    std::fs::write(&db, b"someone's database").unwrap();
    let target = RestoreTarget {
        db: db.clone(),
        log_key: dst_dir.path().join("accord.db.log-key"),
        force: false,
    };
    let e = backup::restore_files(&out, &target, None)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("--force"), "{e}");
    assert_eq!(std::fs::read(&db).unwrap(), b"someone's database");
    let forced = RestoreTarget {
        force: true,
        ..target.clone()
    };
    backup::restore_files(&out, &forced, None).await.unwrap();
    assert_ne!(std::fs::read(&db).unwrap(), b"someone's database");

    // A damaged file is found before anything is written, and named.
    let manifest = backup::check_backup(&out).await.unwrap();
    let damaged = out.join(&manifest.evidence[0].path);
    let mut bytes = std::fs::read(&damaged).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&damaged, &bytes).unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let e = backup::restore_files(
        &out,
        &RestoreTarget {
            db: fresh.path().join("accord.db"),
            log_key: fresh.path().join("key"),
            force: false,
        },
        None,
    )
    .await
    .unwrap_err();
    assert!(e.to_string().contains(&manifest.evidence[0].path), "{e}");
    assert!(!fresh.path().join("accord.db").exists());

    // A directory without a manifest is not a backup.
    std::fs::remove_file(out.join("manifest.json")).unwrap();
    let e = backup::check_backup(&out).await.unwrap_err();
    assert!(e.to_string().contains("manifest.json"), "{e}");
}
