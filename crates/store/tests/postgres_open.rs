//! Opening a PostgreSQL database: bad input is refused at open with an error that names the
//! problem and the setting (`--db` / `ACCORD_DB`), and nothing is written to the database.
//!
//! The first two tests need no server. The others need one: they run when
//! `ACCORD_TEST_POSTGRES_URL` names a server (as `scripts/test` does) and say they were skipped
//! otherwise.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use accord_store::{Create, StoreError, testing};

/// Open `url` and expect it refused as unusable; returns the message.
async fn refused(url: &str) -> String {
    match accord_store::open(url, Create::IfMissing).await {
        Err(e @ StoreError::Unusable { .. }) => {
            let message = e.to_string();
            assert!(
                message.contains("--db") && message.contains("ACCORD_DB"),
                "the message names the setting: {message}"
            );
            message
        }
        Err(other) => panic!("{url}: expected Unusable, got {other:?}"),
        Ok(_) => panic!("{url}: opened"),
    }
}

/// A fresh, migrated database on the test server, or `None` (and a note) without one.
async fn fresh_postgres(dir: &tempfile::TempDir) -> Option<String> {
    if !testing::on_postgres() {
        eprintln!("skipped: set {} to run it", testing::POSTGRES_URL_VAR);
        return None;
    }
    Some(testing::fresh_url(dir.path()).await.unwrap())
}

/// `url` with its user name (and password) replaced by `userinfo`.
fn with_userinfo(url: &str, userinfo: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    let rest = rest.split_once('@').map_or(rest, |(_, host)| host);
    format!("{scheme}://{userinfo}@{rest}")
}

/// `url` naming the database `name` instead.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (path, query) = rest.split_once('?').map_or((rest, ""), |(p, q)| (p, q));
    let authority = path.split_once('/').map_or(path, |(a, _)| a);
    format!("{scheme}://{authority}/{name}?{query}")
}

#[tokio::test]
async fn a_malformed_postgres_url_is_refused() {
    let message = refused("postgres://accord@localhost:notaport/accord").await;
    assert!(message.contains("not a PostgreSQL URL"), "{message}");
}

#[tokio::test]
async fn an_unreachable_server_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // A socket directory where no server listens.
    let url = format!(
        "postgres://accord@localhost/accord?host={}&port=5999",
        dir.path().display()
    );
    let message = refused(&url).await;
    assert!(message.contains("cannot reach the server"), "{message}");
}

#[tokio::test]
async fn an_unknown_user_and_a_missing_database_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_postgres(&dir).await else {
        return;
    };
    let message = refused(&with_userinfo(&url, "no_such_accord_role:hunter2")).await;
    assert!(
        message.contains("refused the user name or password"),
        "{message}"
    );
    assert!(
        !message.contains("hunter2"),
        "the password is never shown: {message}"
    );
    assert!(message.contains("no_such_accord_role:***@"), "{message}");

    let message = refused(&with_database(&url, "accord_test_no_such_database")).await;
    assert!(message.contains("database does not exist"), "{message}");
}

#[tokio::test]
async fn a_database_of_another_application_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_postgres(&dir).await else {
        return;
    };
    // Tables, but no record of Accord's migrations: what another application's database holds.
    testing::execute(&url, "DROP SCHEMA public CASCADE")
        .await
        .unwrap();
    testing::execute(&url, "CREATE SCHEMA public")
        .await
        .unwrap();
    testing::execute(&url, "CREATE TABLE invoices (id BIGINT PRIMARY KEY)")
        .await
        .unwrap();
    let tables = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'";
    let before = testing::query_i64(&url, tables).await.unwrap();
    let message = refused(&url).await;
    assert!(message.contains("not Accord's"), "{message}");
    assert!(
        message.contains("invoices"),
        "names what it found: {message}"
    );
    assert_eq!(
        testing::query_i64(&url, tables).await.unwrap(),
        before,
        "nothing was created"
    );
}

#[tokio::test]
async fn a_schema_newer_than_the_binary_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_postgres(&dir).await else {
        return;
    };
    // What a newer Accord leaves behind: a migration this binary does not know.
    testing::execute(
        &url,
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (9999, 'from the future', TRUE, '\\x00'::bytea, 0)",
    )
    .await
    .unwrap();
    let migrations = "SELECT COUNT(*) FROM _sqlx_migrations";
    let before = testing::query_i64(&url, migrations).await.unwrap();
    let message = refused(&url).await;
    assert!(message.contains("newer than this binary"), "{message}");
    assert!(message.contains("9999"), "names the migration: {message}");
    assert_eq!(
        testing::query_i64(&url, migrations).await.unwrap(),
        before,
        "nothing was written"
    );
    // The same database, without the stranger, opens.
    testing::execute(&url, "DELETE FROM _sqlx_migrations WHERE version = 9999")
        .await
        .unwrap();
    accord_store::open(&url, Create::MustExist).await.unwrap();
}
