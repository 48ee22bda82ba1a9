//! Restricted records at rest (issue 12 §2): with the instance's keys, the text of a restricted
//! incident, actor and source — and of every version of them — is sealed in the database, reads
//! back exactly, and is found by no byte search of the database, its write-ahead log or its
//! shared memory; a store without the keys reads everything else and refuses the sealed text by
//! name; records restricted before the instance had keys are sealed in place, their clear text
//! overwritten.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use accord_core::ValidCase;
use accord_core::bundle::{self, BundleFile};
use accord_store::{Create, ImportMode, NewVaultKeys, RecordKind, Store, StoreError};
use accord_vault::Vault;

const CASE: &str = "example-2030";
const MARKER: &str = "MARKER-sealed-row-b00c-41e5";

/// The example case with a restricted witness, source and incident, each holding [`MARKER`].
fn restricted_case() -> ValidCase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/minimal-case");
    let extra = |rel: &str| match rel {
        "actors.toml" => format!(
            "\n[[actors]]\nid = \"witness-1\"\nsensitivity = \"restricted\"\nkind = \"person\"\n\
             name = \"Witness {MARKER}\"\naliases = [\"W {MARKER}\"]\n"
        ),
        "sources.toml" => format!(
            "\n[[sources]]\nid = \"interview-1\"\nsensitivity = \"restricted\"\n\
             title = \"Interview {MARKER}\"\nauthors = [\"Researcher {MARKER}\"]\n\
             note = \"Recorded {MARKER}\"\n"
        ),
        "incidents.toml" => format!(
            "\n[[incidents]]\nid = \"witness-statement\"\nsensitivity = \"restricted\"\n\
             date = \"2030-02-20\"\ntitle = \"Statement {MARKER}\"\nkind = \"other\"\n\
             place = \"Safe house {MARKER}\"\nsummary = \"Seen by {MARKER}.\"\n\
             sources = [\"interview-1\"]\n\
             actors = [{{ actor = \"witness-1\", role = \"witness\" }}]\n"
        ),
        _ => String::new(),
    };
    let files = [
        "case.toml",
        "actors.toml",
        "sources.toml",
        "incidents.toml",
        "findings.toml",
        "mechanisms.toml",
        "instruments/FPA.toml",
        "letters/appeal-2030/letter.toml",
        "letters/appeal-2030/body.md",
    ]
    .into_iter()
    .map(|rel| BundleFile {
        path: rel.into(),
        contents: std::fs::read_to_string(root.join(rel)).unwrap() + &extra(rel),
    })
    .collect::<Vec<_>>();
    bundle::read(&files).unwrap()
}

/// A SQLite store at `path`, whatever `ACCORD_TEST_POSTGRES_URL` says: these tests search the
/// bytes of the database's files (main file, write-ahead log, shared memory) and rely on SQLite's
/// `secure_delete`.
async fn open(path: &Path) -> Arc<dyn Store> {
    accord_store::open(path.to_str().unwrap(), Create::IfMissing)
        .await
        .unwrap()
}

/// Make the instance's keys, store their record, and give them to the store.
async fn keys_for(store: &dyn Store) -> Arc<Vault> {
    let made = accord_vault::create().unwrap();
    store
        .init_vault_keys(
            &NewVaultKeys {
                instance_recipient: made.record.instance_recipient.clone(),
                recovery_recipient: made.record.recovery_recipient.clone(),
                recovery_threshold: 1,
                recovery_shares: 1,
                data_keys: made
                    .record
                    .data_keys
                    .iter()
                    .map(|k| (k.id, k.wrapped.clone()))
                    .collect(),
            },
            "test",
        )
        .await
        .unwrap();
    let vault = Arc::new(Vault::open(&made.record, &made.instance).unwrap());
    store.use_keys(vault.clone()).unwrap();
    vault
}

/// The files of the database (main file, write-ahead log, shared memory) that hold the marker.
fn files_with_marker(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        // The shared-memory file comes and goes with the last connection.
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()) {
            found.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    found
}

/// Move the write-ahead log into the database and empty it, as SQLite does now and then.
async fn checkpoint(path: &Path) {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .unwrap();
}

#[tokio::test]
async fn restricted_text_is_sealed_reads_back_and_leaves_no_byte_in_the_database_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accord.db");
    let store = open(&path).await;
    keys_for(store.as_ref()).await;
    let case = restricted_case();
    store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    // An edit: a second version, sealed like the first.
    let mut statement = case
        .case()
        .incidents
        .iter()
        .find(|i| i.id == "witness-statement")
        .unwrap()
        .clone();
    statement.summary = Some(format!("Seen again by {MARKER}."));
    store.save_incident(CASE, &statement, "test").await.unwrap();
    // A restricted evidence item: its name, note and capture details are sealed too.
    let item = accord_core::Evidence {
        id: "statement-audio".into(),
        sha256: "ab".repeat(32),
        size: 10,
        media_type: "audio/ogg".into(),
        file: format!("statement-{MARKER}.ogg"),
        incident: Some("witness-statement".into()),
        source: None,
        note: Some(format!("Recorded with {MARKER}")),
        capture: accord_core::Capture {
            captured_at: Some("2030-02-20T10:00:00Z".into()),
            captured_by: Some(format!("Researcher {MARKER}")),
            source_url: None,
            method: Some(format!("handed over by {MARKER}")),
            tool: None,
            place: Some(format!("Safe house {MARKER}")),
        },
        derived_from: None,
        custody: Vec::new(),
        sensitivity: accord_core::Sensitivity::Restricted,
        restricted_to: Vec::new(),
    };
    store.add_evidence(CASE, &item, "test").await.unwrap();
    let got = store
        .evidence(CASE, "statement-audio")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (&got.file, &got.note, &got.capture),
        (&item.file, &item.note, &item.capture)
    );

    assert_eq!(files_with_marker(dir.path()), Vec::<String>::new());
    let back = store.load_case(CASE).await.unwrap().unwrap();
    let got = back
        .case()
        .incidents
        .iter()
        .find(|i| i.id == "witness-statement")
        .unwrap();
    assert_eq!(got, &statement);
    let witness = back
        .case()
        .actors
        .iter()
        .find(|a| a.id == "witness-1")
        .unwrap();
    assert_eq!(witness.name, format!("Witness {MARKER}"));
    assert_eq!(witness.aliases, [format!("W {MARKER}")]);
    let source = back
        .case()
        .sources
        .iter()
        .find(|s| s.id == "interview-1")
        .unwrap();
    assert_eq!(
        source.note.as_deref(),
        Some(format!("Recorded {MARKER}").as_str())
    );
    let refs = store.case_refs(CASE).await.unwrap();
    assert!(
        refs.actors
            .contains(&("witness-1".into(), format!("Witness {MARKER}")))
    );
    let history = store
        .history(CASE, RecordKind::Incident, "witness-statement")
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert!(history[0].body.as_deref().unwrap().contains("Safe house"));
    assert!(
        history[1]
            .body
            .as_deref()
            .unwrap()
            .contains("Seen again by")
    );
    assert_eq!(
        store.restricted_incidents().await.unwrap()[0].1,
        statement,
        "what the search index keeps in memory"
    );

    // Another process without the keys: everything but the sealed text reads.
    drop(store);
    checkpoint(&path).await;
    assert_eq!(files_with_marker(dir.path()), Vec::<String>::new());
    let keyless = open(&path).await;
    assert_eq!(keyless.list_cases().await.unwrap().len(), 1);
    let err = keyless.load_case(CASE).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::Sealed { what: "actor", id, .. } if id == "witness-1"),
        "{err}"
    );
    let err = keyless
        .history(CASE, RecordKind::Incident, "witness-statement")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Sealed { .. }), "{err}");
    let err = keyless.seal_restricted("test").await.unwrap_err();
    assert!(matches!(err, StoreError::Sealed { .. }), "{err}");
}

#[tokio::test]
async fn records_restricted_before_the_keys_existed_are_sealed_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accord.db");
    let store = open(&path).await;
    let case = restricted_case();
    store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    checkpoint(&path).await;
    assert_eq!(
        files_with_marker(dir.path()),
        ["accord.db"],
        "without keys the text is in the clear (the test can see it)"
    );

    keys_for(store.as_ref()).await;
    // Rows of the incident, actor and source, and the first version of each.
    assert_eq!(store.seal_restricted("test").await.unwrap(), 6);
    assert_eq!(
        store.seal_restricted("test").await.unwrap(),
        0,
        "idempotent"
    );
    assert_eq!(store.load_case(CASE).await.unwrap().unwrap(), case);
    drop(store);
    checkpoint(&path).await;
    assert_eq!(
        files_with_marker(dir.path()),
        Vec::<String>::new(),
        "the clear text is overwritten, not only unlinked (secure_delete)"
    );
}

/// How many columns of the PostgreSQL database `url` names hold [`MARKER`] in some row: every
/// column of every table of its schema, text as text, `BYTEA` as bytes (through `query_to_xml`,
/// which runs a query built for each column).
async fn postgres_columns_with_marker(url: &str) -> i64 {
    let sql = format!(
        "SELECT count(*) FROM information_schema.columns c \
         WHERE c.table_schema = current_schema() \
         AND (xpath('/row/n/text()', query_to_xml(format( \
               'SELECT count(*) AS n FROM %I WHERE %s', c.table_name, \
               CASE WHEN c.data_type = 'bytea' \
                    THEN format('position(convert_to(%L, ''UTF8'') in %I) > 0', '{MARKER}', c.column_name) \
                    ELSE format('position(%L in %I::text) > 0', '{MARKER}', c.column_name) END), \
             false, true, '')))[1]::text::bigint > 0"
    );
    accord_store::testing::query_i64(url, &sql).await.unwrap()
}

/// The same promise on PostgreSQL, as far as a database's rows can show it: with the keys, no
/// column of any row — records, their versions, the log, the audit list, evidence — holds the
/// restricted text; without the keys the same import leaves it in several (the search finds
/// it). What PostgreSQL keeps below its rows — dead row versions until VACUUM reuses their
/// space, the write-ahead log, archives — is the operator's to encrypt (README, PostgreSQL).
#[tokio::test]
async fn on_postgresql_no_row_holds_restricted_text() {
    if !accord_store::testing::on_postgres() {
        eprintln!("ACCORD_TEST_POSTGRES_URL is not set: skipped (scripts/test-postgres runs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let case = restricted_case();

    let clear = accord_store::testing::fresh_url(dir.path()).await.unwrap();
    let store = accord_store::testing::reopen(&clear).await.unwrap();
    store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    assert!(postgres_columns_with_marker(&clear).await >= 3);

    let sealed = accord_store::testing::fresh_url(dir.path()).await.unwrap();
    let store = accord_store::testing::reopen(&sealed).await.unwrap();
    keys_for(store.as_ref()).await;
    store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    let mut statement = case
        .case()
        .incidents
        .iter()
        .find(|i| i.id == "witness-statement")
        .unwrap()
        .clone();
    statement.summary = Some(format!("Seen again by {MARKER}."));
    store.save_incident(CASE, &statement, "test").await.unwrap();
    assert_eq!(postgres_columns_with_marker(&sealed).await, 0);
    let back = store.load_case(CASE).await.unwrap().unwrap();
    assert!(back.case().incidents.contains(&statement));
}
