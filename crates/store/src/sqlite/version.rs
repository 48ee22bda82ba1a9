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
