//! The instance's key record on PostgreSQL: the queries of `sqlite/keys.rs` for this engine, the
//! checks and log wording shared through [`crate::vault_keys`].
//!
//! Two servers (or two `accord keys` commands) may write at once: a second `keys init` is refused
//! by the record's one-row key (`ON CONFLICT DO NOTHING`), and a rewrap locks the record's row
//! (`FOR UPDATE`) before comparing it with what it was made from, so of two rotations from one
//! key exactly one lands.

use sqlx::{PgConnection, Row};

use super::{PgStore, audit};
use crate::vault_keys::{
    self, NewVaultKeys, Rewrap, StoredDataKey, VaultKeys, check_new, check_rewrap, corrupt,
};
use crate::{StoreError, clock};

pub(crate) async fn vault_keys(store: &PgStore) -> Result<Option<VaultKeys>, StoreError> {
    let mut conn = store.pool.acquire().await?;
    load(&mut conn, false).await
}

/// The key record; with `lock`, its row stays locked until the transaction ends.
async fn load(conn: &mut PgConnection, lock: bool) -> Result<Option<VaultKeys>, StoreError> {
    let Some(row) = sqlx::query(if lock {
        "SELECT instance_recipient, recovery_recipient, recovery_threshold, recovery_shares,
                created_at, rewrapped_at
         FROM vault_keys WHERE id = 1 FOR UPDATE"
    } else {
        "SELECT instance_recipient, recovery_recipient, recovery_threshold, recovery_shares,
                created_at, rewrapped_at
         FROM vault_keys WHERE id = 1"
    })
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let count = |column: &str| -> Result<u8, StoreError> {
        u8::try_from(row.get::<i64, _>(column))
            .map_err(|_| corrupt(format!("vault_keys.{column} is out of range")))
    };
    let recovery_threshold = count("recovery_threshold")?;
    let recovery_shares = count("recovery_shares")?;
    let data_keys = sqlx::query("SELECT id, wrapped, created_at FROM vault_data_keys ORDER BY id")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| {
            Ok(StoredDataKey {
                id: u32::try_from(r.get::<i64, _>("id"))
                    .map_err(|_| corrupt("a data key id is out of range"))?,
                wrapped: r.get("wrapped"),
                created_at: r.get("created_at"),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(Some(VaultKeys {
        instance_recipient: row.get("instance_recipient"),
        recovery_recipient: row.get("recovery_recipient"),
        recovery_threshold,
        recovery_shares,
        created_at: row.get("created_at"),
        rewrapped_at: row.get("rewrapped_at"),
        data_keys,
    }))
}

pub(crate) async fn init_vault_keys(
    store: &PgStore,
    keys: &NewVaultKeys,
    actor: &str,
) -> Result<(), StoreError> {
    let mut tx = store.pool.begin().await?;
    let now = clock::now();
    // The record's key is its one row: of two `keys init` at once, the second inserts nothing
    // (it waits for the first's commit) and is refused.
    let inserted = sqlx::query(
        "INSERT INTO vault_keys (id, instance_recipient, recovery_recipient, recovery_threshold,
            recovery_shares, created_at)
         VALUES (1, $1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(&keys.instance_recipient)
    .bind(&keys.recovery_recipient)
    .bind(i64::from(keys.recovery_threshold))
    .bind(i64::from(keys.recovery_shares))
    .bind(&now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Err(vault_keys::already_made());
    }
    check_new(keys)?;
    for (id, wrapped) in &keys.data_keys {
        sqlx::query("INSERT INTO vault_data_keys (id, wrapped, created_at) VALUES ($1, $2, $3)")
            .bind(i64::from(*id))
            .bind(wrapped)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
    }
    audit(
        &mut tx,
        actor,
        None,
        "keys.init",
        &vault_keys::init_detail(keys),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn rewrap_vault_keys(
    store: &PgStore,
    rewrap: &Rewrap,
    actor: &str,
) -> Result<(), StoreError> {
    let mut tx = store.pool.begin().await?;
    // Locked while compared and written: a concurrent rotation waits, then finds the new
    // recipient and is refused.
    let Some(current) = load(&mut tx, true).await? else {
        return Err(vault_keys::none_made());
    };
    check_rewrap(&current, rewrap)?;
    let now = clock::now();
    sqlx::query("UPDATE vault_keys SET instance_recipient = $1, rewrapped_at = $2 WHERE id = 1")
        .bind(&rewrap.instance_recipient)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    for (id, wrapped) in &rewrap.data_keys {
        sqlx::query("UPDATE vault_data_keys SET wrapped = $1 WHERE id = $2")
            .bind(wrapped)
            .bind(i64::from(*id))
            .execute(&mut *tx)
            .await?;
    }
    audit(
        &mut tx,
        actor,
        None,
        rewrap.reason.action(),
        vault_keys::REWRAP_DETAIL,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
