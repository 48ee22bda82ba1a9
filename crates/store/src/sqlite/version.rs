//! A case's version: every write to a case bumps it, in the writing transaction, and the server's
//! caches of what it derives from a case compare it. The lowest of the SQLite modules: every
//! module that writes a case calls it, and it calls none of them.

use sqlx::SqliteConnection;

use crate::{StoreError, clock};

/// Mark a case as changed: a new version (caches of its status become stale) and a new time.
pub(crate) async fn touch(tx: &mut SqliteConnection, case_id: &str) -> Result<(), StoreError> {
    let n = sqlx::query("UPDATE cases SET version = version + 1, updated_at = ? WHERE id = ?")
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
pub(crate) async fn fresh(tx: &mut SqliteConnection) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT MAX((SELECT COALESCE(MAX(seq) + 1, 0) FROM log_entries),
                    (SELECT COALESCE(MAX(version), 0) FROM cases)) + 1",
    )
    .fetch_one(&mut *tx)
    .await?)
}
