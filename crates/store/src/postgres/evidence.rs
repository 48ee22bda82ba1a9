//! Evidence items and their chain of custody on PostgreSQL (mirrors `sqlite/evidence.rs`).
//!
//! Not written yet: each function says so (a clear error), so the crate compiles while it is.

use super::{PgStore, not_yet};
use crate::StoreError;

pub(crate) async fn add_evidence(
    _store: &PgStore,
    _case_id: &str,
    _evidence: &accord_core::Evidence,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("add_evidence"))
}

pub(crate) async fn evidence(
    _store: &PgStore,
    _case_id: &str,
    _id: &str,
) -> Result<Option<accord_core::Evidence>, StoreError> {
    Err(not_yet("evidence"))
}

pub(crate) async fn evidence_of_incident(
    _store: &PgStore,
    _case_id: &str,
    _incident_id: &str,
) -> Result<Vec<accord_core::Evidence>, StoreError> {
    Err(not_yet("evidence_of_incident"))
}

pub(crate) async fn add_custody(
    _store: &PgStore,
    _case_id: &str,
    _evidence_id: &str,
    _event: &accord_core::CustodyEvent,
) -> Result<(), StoreError> {
    Err(not_yet("add_custody"))
}

pub(crate) async fn referenced_blobs(store: &PgStore) -> Result<Vec<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT DISTINCT sha256 FROM evidence ORDER BY sha256")
            .fetch_all(&store.pool)
            .await?,
    )
}
