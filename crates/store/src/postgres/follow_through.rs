//! Letters' follow-through on PostgreSQL (mirrors `sqlite/follow_through.rs`).
//!
//! Not written yet: each function says so (a clear error), so the crate compiles while it is.

use super::{PgStore, not_yet};
use crate::StoreError;

pub(crate) async fn follow_through(
    _store: &PgStore,
    _case_id: &str,
) -> Result<Vec<accord_core::FollowThrough>, StoreError> {
    Err(not_yet("follow_through"))
}

pub(crate) async fn add_follow_through(
    _store: &PgStore,
    _case_id: &str,
    _record: &accord_core::FollowThrough,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("add_follow_through"))
}
