//! Sealing restricted records already stored in the clear, on PostgreSQL.
//!
//! Not written yet: each function says so (a clear error), so the crate compiles while it is.

use super::{PgStore, not_yet};
use crate::StoreError;

pub(crate) async fn seal_restricted(_store: &PgStore, _actor: &str) -> Result<u64, StoreError> {
    Err(not_yet("seal_restricted"))
}
