//! `accord user`: accounts disabled, enabled, deleted and given a new password; API tokens
//! created with an expiry and a read-only scope, listed and revoked. The real binary, against a
//! temporary database; the store is opened afterwards to see what the commands did.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use accord_store::{Create, Store};
use common::{accord, fails};

fn run_with_stdin(db: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ACCORD_CONFIG")
        .env("ACCORD_LOG_KEY", common::test_log_key())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn store(db: &Path) -> (tokio::runtime::Runtime, std::sync::Arc<dyn Store>) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let store = rt
        .block_on(accord_store::open(db.to_str().unwrap(), Create::MustExist))
        .unwrap();
    (rt, store)
}

fn digest(token: &str) -> String {
    use sha2::Digest as _;
    hex::encode(sha2::Sha256::digest(token.trim().as_bytes()))
}

fn new_account(db: &Path, email: &str) {
    ok(&run_with_stdin(
        db,
        &["user", "add", email, "--password-stdin"],
        "a long enough password\n",
    ));
}

#[test]
fn tokens_are_created_with_a_scope_and_an_expiry_listed_and_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    new_account(&db, "alice@example.org");

    let full = ok(&accord(
        &db,
        &["user", "token", "alice@example.org", "laptop"],
    ));
    let reader = ok(&accord(
        &db,
        &[
            "user",
            "token",
            "alice@example.org",
            "ci",
            "--read-only",
            "--expires-in-days",
            "30",
        ],
    ));
    let err = fails(&accord(&db, &["user", "token", "alice@example.org", "ci"]));
    assert!(err.contains("already has a token named \"ci\""), "{err}");
    let err = fails(&accord(
        &db,
        &[
            "user",
            "token",
            "alice@example.org",
            "x",
            "--expires-in-days",
            "0",
        ],
    ));
    assert!(err.contains("--expires-in-days"), "{err}");

    let (rt, s) = store(&db);
    let grant = rt
        .block_on(s.api_token(&digest(&reader), 0))
        .unwrap()
        .unwrap();
    assert!(grant.read_only);
    assert!(
        !rt.block_on(s.api_token(&digest(&full), 0))
            .unwrap()
            .unwrap()
            .read_only
    );
    let in_31_days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 31 * 86_400;
    assert!(
        rt.block_on(s.api_token(&digest(&reader), i64::try_from(in_31_days).unwrap()))
            .unwrap()
            .is_none(),
        "expired after 30 days"
    );

    let text = ok(&accord(
        &db,
        &["user", "token", "list", "alice@example.org"],
    ));
    assert!(
        text.contains("ci") && text.contains("read-only") && text.contains("laptop"),
        "{text}"
    );
    assert!(!text.contains(full.trim()), "never the secret");
    let json: serde_json::Value = serde_json::from_str(&ok(&accord(
        &db,
        &["user", "token", "list", "alice@example.org", "--json"],
    )))
    .unwrap();
    assert_eq!(json[0]["name"], "ci");
    assert_eq!(json[0]["read_only"], true);
    assert!(json[0]["expires_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(json[1]["name"], "laptop");
    assert_eq!(json[1]["expires_at"], serde_json::Value::Null);

    ok(&accord(
        &db,
        &["user", "token", "revoke", "alice@example.org", "laptop"],
    ));
    assert!(
        rt.block_on(s.api_token(&digest(&full), 0))
            .unwrap()
            .is_none()
    );
    let err = fails(&accord(
        &db,
        &["user", "token", "revoke", "alice@example.org", "laptop"],
    ));
    assert!(err.contains("no token named \"laptop\""), "{err}");
}

#[test]
fn the_only_owner_of_a_case_is_not_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&accord(
        &db,
        &[
            "import",
            common::repo()
                .join("docs/examples/minimal-case")
                .to_str()
                .unwrap(),
        ],
    ));
    new_account(&db, "alice@example.org");
    new_account(&db, "bob@example.org");
    ok(&accord(
        &db,
        &[
            "case",
            "grant",
            "example-2030",
            "alice@example.org",
            "--role",
            "owner",
        ],
    ));
    let err = fails(&accord(&db, &["user", "delete", "alice@example.org"]));
    assert!(err.contains("the only owner of example-2030"), "{err}");
    ok(&accord(
        &db,
        &[
            "case",
            "grant",
            "example-2030",
            "bob@example.org",
            "--role",
            "owner",
        ],
    ));
    ok(&accord(&db, &["user", "delete", "alice@example.org"]));
}

#[test]
fn accounts_are_disabled_enabled_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    new_account(&db, "alice@example.org");
    let token = ok(&accord(
        &db,
        &["user", "token", "alice@example.org", "laptop"],
    ));
    let (rt, s) = store(&db);

    let out = ok(&accord(&db, &["user", "disable", "alice@example.org"]));
    assert!(out.contains("disabled alice@example.org"), "{out}");
    assert!(
        rt.block_on(s.api_token(&digest(&token), 0))
            .unwrap()
            .is_none()
    );
    ok(&accord(&db, &["user", "enable", "alice@example.org"]));
    assert!(
        rt.block_on(s.api_token(&digest(&token), 0))
            .unwrap()
            .is_some()
    );

    // A new password set by an administrator ends every session.
    ok(&run_with_stdin(
        &db,
        &["user", "password", "alice@example.org", "--password-stdin"],
        "another long password\n",
    ));
    let (_, hash) = rt
        .block_on(s.user_by_email("alice@example.org"))
        .unwrap()
        .unwrap();
    assert!(rt.block_on(accord_server::password::verify(
        "another long password".into(),
        hash
    )));

    ok(&accord(&db, &["user", "delete", "alice@example.org"]));
    assert!(
        rt.block_on(s.user_by_email("alice@example.org"))
            .unwrap()
            .is_none()
    );
    let err = fails(&accord(&db, &["user", "disable", "alice@example.org"]));
    assert!(err.contains("no account for alice@example.org"), "{err}");

    let log: Vec<String> = rt
        .block_on(s.audit_log(None, 50))
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in [
        "user.disable",
        "user.enable",
        "user.password",
        "user.delete",
    ] {
        assert!(log.iter().any(|a| a == action), "{action}: {log:?}");
    }
}
