//! The instance's key record in SQLite (migration 0009): one row of recipients and the wrapped data
//! keys, written whole by `keys init` and wrapped again whole by `keys rotate` and `keys recover`.

use sqlx::{Row, SqliteConnection};

use super::audit;
use crate::vault_keys::{
    self, NewVaultKeys, Rewrap, StoredDataKey, VaultKeys, check_new, check_rewrap, corrupt,
};
use crate::{StoreError, clock};

pub(crate) async fn load(conn: &mut SqliteConnection) -> Result<Option<VaultKeys>, StoreError> {
    let Some(row) = sqlx::query(
        "SELECT instance_recipient, recovery_recipient, recovery_threshold, recovery_shares,
                created_at, rewrapped_at
         FROM vault_keys WHERE id = 1",
    )
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

pub(crate) async fn init(
    tx: &mut SqliteConnection,
    keys: &NewVaultKeys,
    actor: &str,
) -> Result<(), StoreError> {
    // The log entry first: its first statement takes the write lock, so two `keys init` cannot
    // both find no keys.
    audit(tx, actor, None, "keys.init", &vault_keys::init_detail(keys)).await?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM vault_keys WHERE id = 1")
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_some() {
        return Err(vault_keys::already_made());
    }
    check_new(keys)?;
    let now = clock::now();
    sqlx::query(
        "INSERT INTO vault_keys (id, instance_recipient, recovery_recipient, recovery_threshold,
            recovery_shares, created_at)
         VALUES (1, ?, ?, ?, ?, ?)",
    )
    .bind(&keys.instance_recipient)
    .bind(&keys.recovery_recipient)
    .bind(i64::from(keys.recovery_threshold))
    .bind(i64::from(keys.recovery_shares))
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    for (id, wrapped) in &keys.data_keys {
        sqlx::query("INSERT INTO vault_data_keys (id, wrapped, created_at) VALUES (?, ?, ?)")
            .bind(i64::from(*id))
            .bind(wrapped)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

pub(crate) async fn rewrap(
    tx: &mut SqliteConnection,
    rewrap: &Rewrap,
    actor: &str,
) -> Result<(), StoreError> {
    let action = rewrap.reason.action();
    audit(tx, actor, None, action, vault_keys::REWRAP_DETAIL).await?;
    let Some(current) = load(tx).await? else {
        return Err(vault_keys::none_made());
    };
    check_rewrap(&current, rewrap)?;
    let now = clock::now();
    sqlx::query("UPDATE vault_keys SET instance_recipient = ?, rewrapped_at = ? WHERE id = 1")
        .bind(&rewrap.instance_recipient)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    for (id, wrapped) in &rewrap.data_keys {
        sqlx::query("UPDATE vault_data_keys SET wrapped = ? WHERE id = ?")
            .bind(wrapped)
            .bind(i64::from(*id))
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}
