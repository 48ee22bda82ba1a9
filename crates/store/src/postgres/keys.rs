//! The instance's key record on PostgreSQL (mirrors `sqlite/keys.rs`).
//!
//! Not written yet: each function says so (a clear error), so the crate compiles while it is.

use super::{PgStore, not_yet};
use crate::{NewVaultKeys, Rewrap, StoreError, VaultKeys};

pub(crate) async fn vault_keys(_store: &PgStore) -> Result<Option<VaultKeys>, StoreError> {
    Err(not_yet("vault_keys"))
}

pub(crate) async fn init_vault_keys(
    _store: &PgStore,
    _keys: &NewVaultKeys,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("init_vault_keys"))
}

pub(crate) async fn rewrap_vault_keys(
    _store: &PgStore,
    _rewrap: &Rewrap,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("rewrap_vault_keys"))
}
