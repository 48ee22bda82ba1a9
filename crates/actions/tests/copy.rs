//! `accord copy` (issue 13 §4): a whole instance moved to another database and back. Afterwards
//! `verify` passes on the target, its latest checkpoint has the same tree size and root as the
//! source's, and everything reads back the same: records with their history, accounts and roles,
//! publication, sign-on, evidence bytes, the log. A target that holds data is refused unless
//! forced. The middle database is PostgreSQL when `ACCORD_TEST_POSTGRES_URL` is set (as
//! `scripts/test-postgres` sets it), else another SQLite file.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use accord_actions::copy::copy_instance;
use accord_actions::{ActionError, Actions, LogKeyConfig, NewEvidence};
use accord_core::bundle::{self, BundleFile};
use accord_core::{CaseRole, CustodyAction, ValidCase};
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

/// The action layer over the database at `url`, evidence in `dir/evidence`, the log key `key`.
async fn instance(url: &str, dir: &Path, key: &Path) -> Actions {
    let store = accord_store::open(url, Create::IfMissing).await.unwrap();
    Actions::new(
        store,
        Arc::new(FsBlobStore::open(dir.join("evidence")).unwrap()),
        None,
        LogKeyConfig {
            path: key.to_path_buf(),
            name_if_new: Some("test.example/log".into()),
        },
    )
}

/// Everything a reader of the instance could compare, as text.
async fn contents(actions: &Actions) -> Vec<String> {
    let store: &Arc<dyn Store> = actions.store();
    let mut out = Vec::new();
    let case = store.load_case(CASE).await.unwrap().unwrap();
    out.push(format!("{:?}", case.case()));
    for inc in &case.case().incidents {
        let history = actions
            .history(CASE, RecordKind::Incident, &inc.id)
            .await
            .unwrap();
        out.push(format!("{history:?}"));
    }
    let head = store.case_head(CASE).await.unwrap().unwrap();
    out.push(format!(
        "published {} version {}",
        head.published, head.version
    ));
    out.push(format!("{:?}", store.members(CASE).await.unwrap()));
    out.push(format!(
        "{:?}",
        store.signon_entries(CASE, "appeal-2030", 0).await.unwrap()
    ));
    out.push(format!("{:?}", store.log_head().await.unwrap()));
    out.push(format!("{:?}", store.checkpoints().await.unwrap()));
    out.push(format!("{:?}", store.audit_log(None, 1000).await.unwrap()));
    out
}

async fn verified(actions: &Actions) {
    let report = actions.verify(&|_| {}).await.unwrap();
    assert!(report.ok, "{:?}", report.problems);
    assert!(report.entries > 0);
}

async fn evidence_bytes(actions: &Actions, id: &str) -> Vec<u8> {
    let mut reader = actions
        .open_evidence(CASE, id, "test", CustodyAction::Downloaded)
        .await
        .unwrap()
        .1
        .reader;
    let mut bytes = Vec::new();
    tokio::io::AsyncReadExt::read_to_end(&mut reader, &mut bytes)
        .await
        .unwrap();
    bytes
}

#[tokio::test]
async fn an_instance_copied_there_and_back_verifies_and_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("log-key");
    let src_url = dir.path().join("src.db").to_string_lossy().into_owned();
    let src_dir = dir.path().join("src");
    let src = instance(&src_url, &src_dir, &key).await;
    src.import_bundle(&example(), ImportMode::New, "test")
        .await
        .unwrap();
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
    // An edit, so that a record has more than one version.
    let mut inc = store
        .load_case(CASE)
        .await
        .unwrap()
        .unwrap()
        .case()
        .incidents[0]
        .clone();
    inc.title = format!("{} (corrected)", inc.title);
    src.save_incident(CASE, inc, None, "ed@example.org")
        .await
        .unwrap();
    src.checkpoint().await.unwrap();
    let source = contents(&src).await;
    let source_checkpoint = src.latest_checkpoint().await.unwrap().unwrap();

    // There: into a new database on the backend under test.
    let mid_dir = tempfile::tempdir().unwrap();
    let mid_url = accord_store::testing::fresh_url(mid_dir.path())
        .await
        .unwrap();
    let mid_blobs = FsBlobStore::open(mid_dir.path().join("evidence")).unwrap();
    let src_blobs = FsBlobStore::open(src_dir.join("evidence")).unwrap();
    let report = copy_instance(&src_url, &mid_url, &src_blobs, &mid_blobs, false, &|_| {})
        .await
        .unwrap();
    assert_eq!(report.evidence_copied, 1);
    assert_eq!(report.evidence_bytes, photo.len() as u64);
    assert!(report.rows > 0);
    assert!(
        report
            .tables
            .iter()
            .any(|t| t.table == "log_entries" && t.rows > 0)
    );
    let mid = instance(&mid_url, mid_dir.path(), &key).await;
    verified(&mid).await;
    assert_eq!(contents(&mid).await, source);
    assert_eq!(
        mid.latest_checkpoint().await.unwrap().unwrap(),
        source_checkpoint,
        "the same signed checkpoint: the same tree size and root"
    );
    assert_eq!(evidence_bytes(&mid, &ev.id).await, photo);

    // A target that holds data is refused, and left as it was.
    let again = copy_instance(&src_url, &mid_url, &src_blobs, &mid_blobs, false, &|_| {}).await;
    assert!(
        matches!(&again, Err(ActionError::Invalid { field, message }) if field == "to" && message.contains("--force")),
        "{again:?}"
    );
    verified(&mid).await;

    // The target keeps working after the copy: a new write gets the next sequence number and a
    // new checkpoint extends the copied log.
    let mut inc = mid
        .store()
        .load_case(CASE)
        .await
        .unwrap()
        .unwrap()
        .case()
        .incidents[1]
        .clone();
    inc.title = format!("{} (written after the copy)", inc.title);
    mid.save_incident(CASE, inc, None, "ed@example.org")
        .await
        .unwrap();
    mid.checkpoint().await.unwrap();
    verified(&mid).await;
    let after_write = contents(&mid).await;

    // And back: into a new SQLite file, replacing nothing.
    let back_dir = tempfile::tempdir().unwrap();
    let back_url = back_dir
        .path()
        .join("back.db")
        .to_string_lossy()
        .into_owned();
    let back_blobs = FsBlobStore::open(back_dir.path().join("evidence")).unwrap();
    copy_instance(&mid_url, &back_url, &mid_blobs, &back_blobs, false, &|_| {})
        .await
        .unwrap();
    let back = instance(&back_url, back_dir.path(), &key).await;
    verified(&back).await;
    assert_eq!(contents(&back).await, after_write);
    assert_eq!(evidence_bytes(&back, &ev.id).await, photo);

    // Forced over a database that holds data: it ends up holding the source, no more.
    copy_instance(&src_url, &back_url, &src_blobs, &back_blobs, true, &|_| {})
        .await
        .unwrap();
    let back = instance(&back_url, back_dir.path(), &key).await;
    verified(&back).await;
    assert_eq!(contents(&back).await, source);
}

#[tokio::test]
async fn copying_a_database_onto_itself_or_from_nowhere_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let url = dir.path().join("a.db").to_string_lossy().into_owned();
    let blobs = FsBlobStore::open(dir.path().join("evidence")).unwrap();
    let a = instance(&url, dir.path(), &dir.path().join("key")).await;
    a.import_bundle(&example(), ImportMode::New, "test")
        .await
        .unwrap();
    let same = copy_instance(&url, &url, &blobs, &blobs, true, &|_| {}).await;
    assert!(same.is_err(), "{same:?}");
    verified(&a).await;

    let missing = dir.path().join("missing.db").to_string_lossy().into_owned();
    let to = dir.path().join("b.db").to_string_lossy().into_owned();
    let from_nowhere = copy_instance(&missing, &to, &blobs, &blobs, false, &|_| {}).await;
    assert!(from_nowhere.is_err(), "{from_nowhere:?}");
    assert!(
        !Path::new(&missing).exists(),
        "a missing source is not created"
    );
}
