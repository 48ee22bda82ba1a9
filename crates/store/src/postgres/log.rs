//! The tamper-evident log on PostgreSQL: versions, entries, the right edge, checkpoints.
//!
//! Not written yet: each function says so (a clear error), so the crate compiles while it is.

use super::{PgStore, not_yet};
use crate::{LogEntry, RecordKind, RecordVersion, StoreError, StoredCheckpoint};

pub(crate) async fn history(
    _store: &PgStore,
    _case_id: &str,
    _kind: RecordKind,
    _id: &str,
) -> Result<Vec<RecordVersion>, StoreError> {
    Err(not_yet("history"))
}

pub(crate) async fn latest_versions(
    _store: &PgStore,
    _case_id: &str,
) -> Result<Vec<(RecordKind, String, RecordVersion)>, StoreError> {
    Err(not_yet("latest_versions"))
}

pub(crate) async fn log_head(_store: &PgStore) -> Result<(u64, [u8; 32]), StoreError> {
    Err(not_yet("log_head"))
}

pub(crate) async fn log_entries(
    _store: &PgStore,
    _from: u64,
    _limit: u32,
) -> Result<Vec<(LogEntry, [u8; 32])>, StoreError> {
    Err(not_yet("log_entries"))
}

pub(crate) async fn log_entries_of(
    _store: &PgStore,
    _case_id: &str,
    _records: &[String],
) -> Result<Vec<LogEntry>, StoreError> {
    Err(not_yet("log_entries_of"))
}

pub(crate) async fn add_checkpoint(
    _store: &PgStore,
    _size: u64,
    _note: &str,
    _frontier: Option<&[u8]>,
) -> Result<(), StoreError> {
    Err(not_yet("add_checkpoint"))
}

pub(crate) async fn checkpoints(_store: &PgStore) -> Result<Vec<StoredCheckpoint>, StoreError> {
    Err(not_yet("checkpoints"))
}

pub(crate) async fn latest_checkpoint(
    _store: &PgStore,
) -> Result<Option<StoredCheckpoint>, StoreError> {
    Err(not_yet("latest_checkpoint"))
}

pub(crate) async fn log_frontier(_store: &PgStore) -> Result<Vec<u8>, StoreError> {
    Err(not_yet("log_frontier"))
}
