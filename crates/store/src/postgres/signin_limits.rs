//! Sign-in limits on PostgreSQL (`signin_limits`, migration 0016): see `crate::signin_limits`.
//!
//! Several servers update these counts at once, and a row that does not exist yet cannot be
//! locked with `FOR UPDATE`; so each update takes one transaction-scoped advisory lock for the
//! whole table first. Sign-in attempts are few (each costs a password hash), so one lock costs
//! nothing worth measuring, and the read, the rule and the write-back never interleave.

use sqlx::{PgConnection, Row};

use super::PgStore;
use crate::{SigninCount, SigninKey, SigninUpdate, StoreError};

/// The advisory lock of the sign-in limits (a constant of Accord's own: "accord-signin").
const LOCK: i64 = 0x6163_636f_7264_5349;

pub(crate) async fn update_signin_limits(
    store: &PgStore,
    keys: &[SigninKey],
    now_ms: i64,
    max_entries: u64,
    update: SigninUpdate<'_>,
) -> Result<Option<u64>, StoreError> {
    let mut tx = store.pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(LOCK)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM signin_limits WHERE forget_at_ms <= $1")
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
    let mut counts = Vec::with_capacity(keys.len());
    let mut existed = Vec::with_capacity(keys.len());
    for key in keys {
        let row = sqlx::query(
            "SELECT failures, in_flight, in_flight_at_ms, last_failure_ms, forget_at_ms
             FROM signin_limits WHERE key = $1",
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
                sqlx::query("DELETE FROM signin_limits WHERE key = $1")
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
             VALUES ($1, $2, $3, $4, $5, $6,
                     (SELECT coalesce(max(touched), 0) + 1 FROM signin_limits))
             ON CONFLICT (key) DO UPDATE SET failures = $2, in_flight = $3, in_flight_at_ms = $4,
                 last_failure_ms = $5, forget_at_ms = $6, touched = excluded.touched",
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
        trim(&mut tx, max_entries).await?;
    }
    tx.commit().await?;
    Ok(answer)
}

/// Past `max_entries` rows, the least recently updated go (as in SQLite).
async fn trim(tx: &mut PgConnection, max_entries: u64) -> Result<(), StoreError> {
    let max = i64::try_from(max_entries.max(1)).unwrap_or(i64::MAX);
    sqlx::query(
        "DELETE FROM signin_limits WHERE key IN (
             SELECT key FROM signin_limits ORDER BY touched ASC
             LIMIT greatest(0, (SELECT count(*) FROM signin_limits) - $1))",
    )
    .bind(max)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub(crate) async fn signin_limit_entries(store: &PgStore) -> Result<u64, StoreError> {
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM signin_limits")
        .fetch_one(&store.pool)
        .await?;
    Ok(u64::try_from(n).unwrap_or(0))
}
