//! Sign-in limits in the store: counts read, changed by the caller's rule and written back in
//! one transaction, shared by every handle on one database (every server), forgotten when their
//! time is over, bounded in number.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::sync::Arc;

use accord_store::{Create, SigninCount, SigninKey, Store};

/// A new database on the backend the environment names (PostgreSQL when
/// `ACCORD_TEST_POSTGRES_URL` is set, else a SQLite file in `dir`).
async fn database(dir: &std::path::Path) -> String {
    accord_store::testing::fresh_url(dir).await.unwrap()
}

async fn open(url: &str) -> Arc<dyn Store> {
    accord_store::open(url, Create::IfMissing).await.unwrap()
}

fn key(n: u8) -> SigninKey {
    [n; 32]
}

/// Count one failure for each key at `now`, kept until `now + keep`; returns the counts read.
async fn fail(store: &dyn Store, keys: &[SigninKey], now: i64, keep: i64) -> Vec<SigninCount> {
    let seen = std::sync::Mutex::new(Vec::new());
    let rule = |counts: &mut [SigninCount]| {
        seen.lock().unwrap().extend_from_slice(counts);
        for c in counts.iter_mut() {
            c.failures += 1;
            c.last_failure_ms = Some(now);
            c.forget_at_ms = now + keep;
        }
        Some(7)
    };
    assert_eq!(
        store
            .update_signin_limits(keys, now, 1000, &rule)
            .await
            .unwrap(),
        Some(7),
        "the rule's answer is returned"
    );
    seen.into_inner().unwrap()
}

#[tokio::test]
async fn counts_are_read_changed_and_written_back_and_empty_ones_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&database(dir.path()).await).await;
    let first = fail(store.as_ref(), &[key(1), key(2)], 1_000, 60_000).await;
    assert_eq!(
        first,
        vec![SigninCount::default(); 2],
        "unknown keys read as zero"
    );
    let second = fail(store.as_ref(), &[key(2), key(3)], 2_000, 60_000).await;
    assert_eq!(second[0].failures, 1);
    assert_eq!(second[0].last_failure_ms, Some(1_000));
    assert_eq!(second[1], SigninCount::default());
    assert_eq!(store.signin_limit_entries().await.unwrap(), 3);
    // A rule that clears a count deletes its row.
    let clear = |counts: &mut [SigninCount]| {
        for c in counts.iter_mut() {
            *c = SigninCount::default();
        }
        None
    };
    let cleared = store
        .update_signin_limits(&[key(2)], 3_000, 1000, &clear)
        .await
        .unwrap();
    assert_eq!(cleared, None);
    assert_eq!(store.signin_limit_entries().await.unwrap(), 2);
}

#[tokio::test]
async fn counts_are_forgotten_when_their_time_is_over() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&database(dir.path()).await).await;
    fail(store.as_ref(), &[key(1)], 1_000, 10_000).await;
    fail(store.as_ref(), &[key(2)], 1_000, 20_000).await;
    // At 11 000 the first is forgotten (read as zero again), the second is not.
    let seen = fail(store.as_ref(), &[key(1), key(2)], 11_000, 10_000).await;
    assert_eq!(seen[0].failures, 0);
    assert_eq!(seen[1].failures, 1);
}

#[tokio::test]
async fn past_the_cap_the_least_recently_updated_go() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&database(dir.path()).await).await;
    let rule = |counts: &mut [SigninCount]| {
        for c in counts.iter_mut() {
            c.failures += 1;
            c.forget_at_ms = i64::MAX;
        }
        None
    };
    for n in 0..10 {
        store
            .update_signin_limits(&[key(n)], 0, 5, &rule)
            .await
            .unwrap();
        assert!(store.signin_limit_entries().await.unwrap() <= 5);
    }
    // Touching key 5 makes it the most recent: the next new key evicts key 6, not key 5.
    store
        .update_signin_limits(&[key(5)], 0, 5, &rule)
        .await
        .unwrap();
    store
        .update_signin_limits(&[key(10)], 0, 5, &rule)
        .await
        .unwrap();
    let seen = fail(store.as_ref(), &[key(5), key(6)], 0, i64::MAX / 2).await;
    assert_eq!(seen[0].failures, 2, "key 5 was kept");
    assert_eq!(seen[1].failures, 0, "key 6 was evicted");
}

#[tokio::test]
async fn two_servers_on_one_database_never_interleave_an_update() {
    // Two stores opened on one database are two servers: 40 updates racing through both, each
    // reading a count and writing it plus one, must lose none.
    let dir = tempfile::tempdir().unwrap();
    let url = database(dir.path()).await;
    let a = open(&url).await;
    let b = open(&url).await;
    let mut tasks = Vec::new();
    for i in 0..40 {
        let store = if i % 2 == 0 { a.clone() } else { b.clone() };
        tasks.push(tokio::spawn(async move {
            let rule = |counts: &mut [SigninCount]| {
                counts[0].in_flight += 1;
                counts[0].forget_at_ms = i64::MAX;
                None
            };
            store
                .update_signin_limits(&[key(9)], 0, 1000, &rule)
                .await
                .unwrap();
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let seen = fail(b.as_ref(), &[key(9)], 0, i64::MAX / 2).await;
    assert_eq!(seen[0].in_flight, 40);
}
