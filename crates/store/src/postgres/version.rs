//! A case's version: every write to a case bumps it, in the writing transaction, and the server's
//! caches of what it derives from a case compare it. And the locks writers take: SQLite lets one
//! writer in at a time; PostgreSQL lets many, so a write that reads, checks and writes a case
//! first takes that case's lock, and an append to the log takes the log's. The lowest of the PostgreSQL store's modules: every
//! module that writes a case calls it, and it calls none of them.

use sqlx::PgConnection;

use crate::{StoreError, clock};

/// Mark a case as changed: a new version (caches of its status become stale) and a new time.
pub(crate) async fn touch(tx: &mut PgConnection, case_id: &str) -> Result<(), StoreError> {
    let n = sqlx::query("UPDATE cases SET version = version + 1, updated_at = $1 WHERE id = $2")
        .bind(clock::now())
        .bind(case_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(StoreError::NoCase(case_id.to_owned()));
    }
    Ok(())
}

/// The version a case starts at when it is created (or created again after a deletion): past the
/// log's size and every case's version. Every write to a case bumps its version by one and appends
/// at least one log entry, so a case's version never passes the log's size; a case deleted and
/// made again under the same id therefore never gets a version it had before, and what a server
/// cached for the old case (pages, what a reader may not see) cannot be served for the new one.
pub(crate) async fn fresh(tx: &mut PgConnection) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT GREATEST((SELECT COALESCE(MAX(seq) + 1, 0) FROM log_entries),
                    (SELECT COALESCE(MAX(version), 0) FROM cases)) + 1",
    )
    .fetch_one(&mut *tx)
    .await?)
}

/// Advisory lock spaces (the first key of `pg_advisory_xact_lock(int, int)`): Accord's writes
/// to a case, and to the log.
const CASE_LOCKS: i32 = 0x4163_6301;
const LOG_LOCK: i32 = 0x4163_6302;

/// Hold the case's write lock until the transaction ends: another write to the same case (on
/// this server or another) waits, so what this one read and checked stays true until it commits.
/// Taken before anything else of the write and always before the log's lock, so two writers
/// never wait for each other in a circle. Works for a case that does not exist yet (an import).
pub(crate) async fn lock_case(tx: &mut PgConnection, case_id: &str) -> Result<(), StoreError> {
    sqlx::query("SELECT pg_advisory_xact_lock($1, hashtext($2))")
        .bind(CASE_LOCKS)
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Hold the log's lock until the transaction ends (see `log::LogWriter::begin`).
pub(crate) async fn lock_log(tx: &mut PgConnection) -> Result<(), StoreError> {
    sqlx::query("SELECT pg_advisory_xact_lock($1, 0)")
        .bind(LOG_LOCK)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
