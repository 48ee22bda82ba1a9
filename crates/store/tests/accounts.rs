//! The account lifecycle in the store: sessions that end (idle, expired, signed out everywhere,
//! password changed, account disabled), tokens that expire, are read-only or revoked, accounts
//! disabled and deleted, and every one of those changes in the audit list.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::sync::Arc;

use accord_store::{NewApiToken, NewSession, Store, StoreError};

const HOUR: i64 = 3600;

/// A fresh store on the backend the environment chooses (PostgreSQL when
/// `ACCORD_TEST_POSTGRES_URL` names a server, else SQLite).
async fn store() -> (Arc<dyn Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    (store, dir)
}

fn now() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap()
}

fn session(token: &str, user_id: i64) -> NewSession {
    NewSession {
        token_sha256: token.into(),
        user_id,
        csrf: format!("csrf-{token}"),
        expires_unix: now() + 14 * 24 * HOUR,
    }
}

fn token(name: &str, digest: &str, expires_unix: Option<i64>, read_only: bool) -> NewApiToken {
    NewApiToken {
        name: name.into(),
        token_sha256: digest.into(),
        expires_unix,
        read_only,
    }
}

async fn actions(store: &Arc<dyn Store>) -> Vec<String> {
    store
        .audit_log(None, 100)
        .await
        .unwrap()
        .into_iter()
        .rev()
        .map(|e| format!("{} {}: {}", e.actor, e.action, e.detail))
        .collect()
}

#[tokio::test]
async fn a_session_ends_when_idle_as_well_as_when_expired() {
    let (store, _dir) = store().await;
    let alice = store
        .create_user("alice@example.org", "h", false)
        .await
        .unwrap();
    store
        .start_session(&session("s1", alice.id), Some("192.0.2.7"))
        .await
        .unwrap();
    let t = now();
    let live = store
        .touch_session("s1", t, 12 * HOUR)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((live.user.id, live.csrf.as_str()), (alice.id, "csrf-s1"));
    // Thirteen hours without a request: idle, though two weeks have not passed.
    assert_eq!(
        store
            .touch_session("s1", t + 13 * HOUR, 12 * HOUR)
            .await
            .unwrap(),
        None
    );
    // Past the absolute expiry, however recently used.
    assert_eq!(
        store
            .touch_session("s1", t + 15 * 24 * HOUR, i64::MAX / 2)
            .await
            .unwrap(),
        None
    );
    let listed = store.sessions_of(alice.id, t, 12 * HOUR).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].address.as_deref(), Some("192.0.2.7"));
    assert_eq!(listed[0].token_sha256, "s1");

    // Purging deletes what has ended, and only that.
    store
        .start_session(&session("s2", alice.id), None)
        .await
        .unwrap();
    assert_eq!(store.purge_sessions(t, 12 * HOUR).await.unwrap(), 0);
    assert_eq!(
        store
            .purge_sessions(t + 13 * HOUR, 12 * HOUR)
            .await
            .unwrap(),
        2
    );
    assert!(
        store
            .sessions_of(alice.id, t, 12 * HOUR)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn signing_out_everywhere_and_changing_the_password_end_the_other_sessions() {
    let (store, _dir) = store().await;
    let alice = store
        .create_user("alice@example.org", "old", false)
        .await
        .unwrap();
    let bob = store
        .create_user("bob@example.org", "h", false)
        .await
        .unwrap();
    for s in ["a1", "a2", "a3"] {
        store
            .start_session(&session(s, alice.id), None)
            .await
            .unwrap();
    }
    store
        .start_session(&session("b1", bob.id), None)
        .await
        .unwrap();
    let t = now();

    let ended = store
        .set_password(alice.id, "new", Some("a1"), "alice@example.org")
        .await
        .unwrap();
    assert_eq!(ended, 2);
    assert!(store.touch_session("a1", t, HOUR).await.unwrap().is_some());
    assert!(store.touch_session("a2", t, HOUR).await.unwrap().is_none());
    assert_eq!(
        store
            .user_by_email("alice@example.org")
            .await
            .unwrap()
            .unwrap()
            .1,
        "new"
    );

    assert_eq!(
        store
            .end_sessions(alice.id, None, "alice@example.org")
            .await
            .unwrap(),
        1
    );
    assert!(store.touch_session("a1", t, HOUR).await.unwrap().is_none());
    assert!(
        store.touch_session("b1", t, HOUR).await.unwrap().is_some(),
        "bob's stays"
    );

    let log = actions(&store).await;
    assert!(
        log.iter()
            .any(|l| l.contains("user.password") && !l.contains("new")),
        "{log:?}"
    );
    assert!(log.iter().any(|l| l.contains("session.end_all")), "{log:?}");
}

#[tokio::test]
async fn a_disabled_account_has_no_session_and_no_token_until_enabled() {
    let (store, _dir) = store().await;
    let alice = store
        .create_user("alice@example.org", "h", false)
        .await
        .unwrap();
    store
        .start_session(&session("s1", alice.id), None)
        .await
        .unwrap();
    store
        .add_api_token(alice.id, &token("laptop", "t1", None, false), "cli")
        .await
        .unwrap();
    let t = now();

    let disabled = store
        .set_disabled("ALICE@example.org", true, "cli")
        .await
        .unwrap();
    assert!(disabled.disabled);
    assert!(store.touch_session("s1", t, HOUR).await.unwrap().is_none());
    assert!(store.session("s1", t).await.unwrap().is_none());
    assert!(store.api_token("t1", t).await.unwrap().is_none());
    assert!(store.user_by_api_token("t1").await.unwrap().is_none());
    assert!(
        store
            .user_by_email("alice@example.org")
            .await
            .unwrap()
            .unwrap()
            .0
            .disabled
    );

    // Enabling gives the tokens back; the sessions ended for good.
    store
        .set_disabled("alice@example.org", false, "cli")
        .await
        .unwrap();
    assert!(store.api_token("t1", t).await.unwrap().is_some());
    assert!(store.touch_session("s1", t, HOUR).await.unwrap().is_none());

    assert!(matches!(
        store.set_disabled("nobody@example.org", true, "cli").await,
        Err(StoreError::NotFound { .. })
    ));
    let log = actions(&store).await;
    assert!(
        log.iter()
            .any(|l| l == "cli user.disable: alice@example.org: disabled, 1 session(s) ended"),
        "{log:?}"
    );
    assert!(
        log.iter()
            .any(|l| l == "cli user.enable: alice@example.org: enabled"),
        "{log:?}"
    );
}

#[tokio::test]
async fn a_deleted_account_takes_its_sessions_tokens_and_memberships() {
    let (store, _dir) = store().await;
    let alice = store
        .create_user("alice@example.org", "h", false)
        .await
        .unwrap();
    store
        .start_session(&session("s1", alice.id), None)
        .await
        .unwrap();
    store
        .add_api_token(alice.id, &token("laptop", "t1", None, false), "cli")
        .await
        .unwrap();
    store.delete_user("alice@example.org", "cli").await.unwrap();
    assert!(
        store
            .user_by_email("alice@example.org")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .touch_session("s1", now(), HOUR)
            .await
            .unwrap()
            .is_none()
    );
    assert!(store.api_token("t1", now()).await.unwrap().is_none());
    assert!(matches!(
        store.delete_user("alice@example.org", "cli").await,
        Err(StoreError::NotFound { .. })
    ));
    // The address can be given to a new account, which inherits nothing.
    let again = store
        .create_user("alice@example.org", "h2", false)
        .await
        .unwrap();
    assert!(store.api_tokens(again.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn tokens_expire_are_read_only_listed_and_revoked_by_name() {
    let (store, _dir) = store().await;
    let alice = store
        .create_user("alice@example.org", "h", false)
        .await
        .unwrap();
    let t = now();
    store
        .add_api_token(alice.id, &token("ci", "t1", Some(t + HOUR), true), "cli")
        .await
        .unwrap();
    store
        .add_api_token(alice.id, &token("laptop", "t2", None, false), "cli")
        .await
        .unwrap();
    assert!(matches!(
        store
            .add_api_token(alice.id, &token("ci", "t3", None, false), "cli")
            .await,
        Err(StoreError::Exists { what: "token", .. })
    ));

    let grant = store.api_token("t1", t).await.unwrap().unwrap();
    assert!(grant.read_only);
    assert!(!store.api_token("t2", t).await.unwrap().unwrap().read_only);
    assert!(
        store.api_token("t1", t + HOUR).await.unwrap().is_none(),
        "expired"
    );

    let listed = store.api_tokens(alice.id).await.unwrap();
    let names: Vec<_> = listed
        .iter()
        .map(|i| (i.name.as_str(), i.read_only, i.expires_unix))
        .collect();
    assert_eq!(
        names,
        [("ci", true, Some(t + HOUR)), ("laptop", false, None)]
    );
    assert_eq!(listed[0].last_used_unix, Some(t), "use is recorded");

    assert!(
        store
            .revoke_api_token(alice.id, "laptop", "alice@example.org")
            .await
            .unwrap()
    );
    assert!(
        !store
            .revoke_api_token(alice.id, "laptop", "alice@example.org")
            .await
            .unwrap()
    );
    assert!(store.api_token("t2", t).await.unwrap().is_none());
    let log = actions(&store).await;
    assert!(
        log.iter()
            .any(|l| l == "alice@example.org token.revoke: alice@example.org: \"laptop\""),
        "{log:?}"
    );
}

#[tokio::test]
async fn account_events_are_logged_in_the_tamper_evident_log_too() {
    let (store, _dir) = store().await;
    let (before, _) = store.log_head().await.unwrap();
    store
        .log_account_event("alice@example.org", "session.sign_in", "signed in")
        .await
        .unwrap();
    let (after, _) = store.log_head().await.unwrap();
    assert_eq!(after, before + 1);
    assert_eq!(
        actions(&store).await.last().unwrap(),
        "alice@example.org session.sign_in: signed in"
    );
}

#[tokio::test]
async fn each_account_chooses_how_readers_outside_a_case_name_it() {
    use accord_core::CaseRole;
    use accord_store::{Attribution, ShownAs};

    let (store, _dir) = store().await;
    let case = accord_core::bundle::read(&common_example()).unwrap();
    store
        .import_case(&case, accord_store::ImportMode::New, "test")
        .await
        .unwrap();
    let id = case.case().id.clone();
    let ed = store
        .create_user("ed@example.org", "h", false)
        .await
        .unwrap();
    let other = store
        .create_user("other@example.org", "h", false)
        .await
        .unwrap();
    store
        .set_role(&id, ed.id, Some(CaseRole::Editor), "test")
        .await
        .unwrap();

    // Nobody is named until they choose: the default is the role.
    assert_eq!(
        store.attribution(ed.id).await.unwrap(),
        Attribution::default()
    );
    let chosen = Attribution::new(Some("Dara"), Some("ADHOC"), "organisation").unwrap();
    store
        .set_attribution(ed.id, &chosen, "ed@example.org")
        .await
        .unwrap();
    assert_eq!(store.attribution(ed.id).await.unwrap(), chosen);
    assert_eq!(
        store.attribution(ed.id).await.unwrap().shown_as,
        ShownAs::Organisation
    );

    let authors = store.public_authors(&id).await.unwrap();
    let of = |email: &str| authors.iter().find(|a| a.email == email).unwrap();
    assert_eq!(of("ed@example.org").role, Some(CaseRole::Editor));
    assert_eq!(
        of("ed@example.org")
            .attribution
            .public_name(of("ed@example.org").role),
        "ADHOC"
    );
    assert_eq!(of("other@example.org").role, None);
    assert_eq!(other.email, "other@example.org");

    // The choice is logged, not the names.
    let log = actions(&store).await;
    let last = log.last().unwrap();
    assert_eq!(
        last,
        "ed@example.org user.attribution: named by organisation in published views"
    );
    assert!(!last.contains("Dara") && !last.contains("ADHOC"));

    // An unknown account is NotFound.
    assert!(matches!(
        store.set_attribution(9999, &chosen, "x").await,
        Err(StoreError::NotFound { .. })
    ));
}

/// A case with nothing in it but its title.
fn common_example() -> Vec<accord_core::bundle::BundleFile> {
    vec![accord_core::bundle::BundleFile {
        path: "case.toml".into(),
        contents: "id = \"t\"\ntitle = \"Test case\"\n".into(),
    }]
}
