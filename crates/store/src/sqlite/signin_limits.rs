//! Sign-in limits in SQLite (`signin_limits`, migration 0016): see `crate::signin_limits`.
//!
//! SQLite has one writer at a time, and the first statement of the update is a write (the purge
//! of forgotten rows), so the read, the rule and the write-back run under the write lock: a
//! second server on the same file waits for it (the pool's busy timeout) instead of reading
//! counts about to change.

use sqlx::{Row, SqliteConnection};

use crate::{SigninCount, SigninKey, SigninUpdate, StoreError};

pub(crate) async fn update_signin_limits(
    tx: &mut SqliteConnection,
    keys: &[SigninKey],
    now_ms: i64,
    max_entries: u64,
    update: SigninUpdate<'_>,
) -> Result<Option<u64>, StoreError> {
    sqlx::query("DELETE FROM signin_limits WHERE forget_at_ms <= ?")
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
    let mut counts = Vec::with_capacity(keys.len());
    let mut existed = Vec::with_capacity(keys.len());
    for key in keys {
        let row = sqlx::query(
            "SELECT failures, in_flight, in_flight_at_ms, last_failure_ms, forget_at_ms
             FROM signin_limits WHERE key = ?",
        )
        .bind(&key[..])
        .fetch_optional(&mut *tx)
        .await?;
        existed.push(row.is_some());
        counts.push(row.map_or_else(SigninCount::default, |r| SigninCount {
            failures: u32::try_from(r.get::<i64, _>("failures")).unwrap_or(u32::MAX),
            in_flight: u32::try_from(r.get::<i64, _>("in_flight")).unwrap_or(u32::MAX),
            in_flight_at_ms: r.get("in_flight_at_ms"),
            last_failure_ms: r.get("last_failure_ms"),
            forget_at_ms: r.get("forget_at_ms"),
        }));
    }
    let answer = update(&mut counts);
    let mut added = false;
    for ((key, count), existed) in keys.iter().zip(&counts).zip(existed) {
        if count.is_empty() {
            if existed {
                sqlx::query("DELETE FROM signin_limits WHERE key = ?")
                    .bind(&key[..])
                    .execute(&mut *tx)
                    .await?;
            }
            continue;
        }
        added |= !existed;
        sqlx::query(
            "INSERT INTO signin_limits
                 (key, failures, in_flight, in_flight_at_ms, last_failure_ms, forget_at_ms, touched)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                     (SELECT coalesce(max(touched), 0) + 1 FROM signin_limits))
             ON CONFLICT (key) DO UPDATE SET failures = ?2, in_flight = ?3, in_flight_at_ms = ?4,
                 last_failure_ms = ?5, forget_at_ms = ?6, touched = excluded.touched",
        )
        .bind(&key[..])
        .bind(i64::from(count.failures))
        .bind(i64::from(count.in_flight))
        .bind(count.in_flight_at_ms)
        .bind(count.last_failure_ms)
        .bind(count.forget_at_ms)
        .execute(&mut *tx)
        .await?;
    }
    if added {
        trim(tx, max_entries).await?;
    }
    Ok(answer)
}

/// Past `max_entries` rows, the least recently updated go (a flood of made-up e-mail addresses
/// fills the table with its own rows and evicts them, not the counts of real accounts under
/// attack, which are updated at each attempt).
async fn trim(tx: &mut SqliteConnection, max_entries: u64) -> Result<(), StoreError> {
    let max = i64::try_from(max_entries.max(1)).unwrap_or(i64::MAX);
    sqlx::query(
        "DELETE FROM signin_limits WHERE key IN (
             SELECT key FROM signin_limits ORDER BY touched ASC
             LIMIT max(0, (SELECT count(*) FROM signin_limits) - ?))",
    )
    .bind(max)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub(crate) async fn signin_limit_entries(conn: &mut SqliteConnection) -> Result<u64, StoreError> {
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM signin_limits")
        .fetch_one(&mut *conn)
        .await?;
    Ok(u64::try_from(n).unwrap_or(0))
}
