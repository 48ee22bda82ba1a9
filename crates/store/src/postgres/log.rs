//! The log in PostgreSQL: entries appended inside each write's transaction, every record version kept,
//! the tree's right edge updated, checkpoints stored.
//!
//! A write opens a [`LogWriter`] in its transaction; its first statement takes the log's lock (a
//! transaction-scoped advisory lock, held until commit or rollback): two writers, on one server or
//! several, can never both read the same tree edge and append conflicting leaves.

use accord_tlog::merkle::Frontier;
use sqlx::{PgConnection, Row};

use super::sealing::Keys;
use crate::log::{LogEntry, RecordVersion, StoredCheckpoint};
use crate::record::{RecordBody, RecordKind};
use crate::{StoreError, clock};

/// Appends entries within one transaction; [`LogWriter::finish`] stores the new tree edge.
#[derive(Debug)]
pub(crate) struct LogWriter {
    frontier: Frontier,
    at: String,
    changed: bool,
    /// The keys versions of restricted records are sealed with (see [`LogWriter::sealing`]).
    keys: Option<std::sync::Arc<accord_vault::Vault>>,
}

fn corrupt_log(detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        case: "(the log)".into(),
        detail: detail.into(),
    }
}

impl LogWriter {
    pub(crate) async fn begin(tx: &mut PgConnection) -> Result<LogWriter, StoreError> {
        // One writer at a time appends to the log, whichever server it runs on: the lock is held
        // from reading the edge to the transaction's end, so two writers can never both read the
        // same edge and append conflicting leaves. (Writes lock their case before, never after.)
        super::version::lock_log(tx).await?;
        let bytes: Option<Vec<u8>> =
            sqlx::query_scalar("SELECT frontier FROM log_state WHERE id = 1")
                .fetch_optional(&mut *tx)
                .await?;
        let frontier = match bytes {
            Some(b) => Frontier::from_bytes(&b)
                .map_err(|e| corrupt_log(format!("log_state.frontier: {e}")))?,
            None => Frontier::new(),
        };
        Ok(LogWriter {
            frontier,
            at: clock::now(),
            changed: false,
            keys: None,
        })
    }

    /// Seal the versions of restricted records this writer keeps with `keys` (the store's).
    pub(crate) fn sealing(mut self, keys: Option<std::sync::Arc<accord_vault::Vault>>) -> Self {
        self.keys = keys;
        self
    }

    /// Append one entry; returns its sequence number.
    #[expect(
        clippy::too_many_arguments,
        reason = "the entry's columns, named at each call"
    )]
    pub(crate) async fn append(
        &mut self,
        tx: &mut PgConnection,
        actor: &str,
        action: &str,
        case_id: Option<&str>,
        record: Option<String>,
        record_sha256: Option<String>,
        evidence_sha256: Option<String>,
    ) -> Result<u64, StoreError> {
        let entry = LogEntry {
            seq: self.frontier.size(),
            at: self.at.clone(),
            actor: actor.to_owned(),
            action: action.to_owned(),
            case_id: case_id.map(str::to_owned),
            record,
            record_sha256,
            evidence_sha256,
        };
        let leaf = entry.leaf_hash();
        sqlx::query(
            "INSERT INTO log_entries (seq, at, actor, action, case_id, record, record_sha256, evidence_sha256, leaf)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(seq_i64(entry.seq))
        .bind(&entry.at)
        .bind(&entry.actor)
        .bind(&entry.action)
        .bind(&entry.case_id)
        .bind(&entry.record)
        .bind(&entry.record_sha256)
        .bind(&entry.evidence_sha256)
        .bind(&leaf[..])
        .execute(&mut *tx)
        .await?;
        self.frontier
            .push(leaf)
            .map_err(|e| corrupt_log(e.to_string()))?;
        self.changed = true;
        Ok(entry.seq)
    }

    /// The next entry and its leaf, pushed onto the tree's edge but not stored: the bulk path
    /// (`bulk.rs`) stores many entries in one statement.
    pub(crate) fn next_entry(
        &mut self,
        actor: &str,
        action: &str,
        case_id: &str,
        record: String,
        record_sha256: Option<String>,
        evidence_sha256: Option<String>,
    ) -> Result<(LogEntry, [u8; 32]), StoreError> {
        let entry = LogEntry {
            seq: self.frontier.size(),
            at: self.at.clone(),
            actor: actor.to_owned(),
            action: action.to_owned(),
            case_id: Some(case_id.to_owned()),
            record: Some(record),
            record_sha256,
            evidence_sha256,
        };
        let leaf = entry.leaf_hash();
        self.frontier
            .push(leaf)
            .map_err(|e| corrupt_log(e.to_string()))?;
        self.changed = true;
        Ok((entry, leaf))
    }

    /// The time every entry of this write carries.
    pub(crate) fn at(&self) -> &str {
        &self.at
    }

    /// Keep a new version of a record, if it differs from the last one, and log it. Returns
    /// whether anything was written.
    pub(crate) async fn version(
        &mut self,
        tx: &mut PgConnection,
        actor: &str,
        action: &str,
        case_id: &str,
        body: &RecordBody,
        evidence_sha256: Option<String>,
    ) -> Result<bool, StoreError> {
        let last = last_version(tx, case_id, body.kind, &body.id).await?;
        Ok(self
            .version_after(tx, actor, action, case_id, body, evidence_sha256, last)
            .await?
            .is_some())
    }

    /// [`LogWriter::version`] for a caller that already read the record's last version
    /// (`last`: its number and SHA-256, `None` for a removal) under the case's lock, as a group
    /// of writes does for all its records at once. Returns the version written, if any.
    #[expect(
        clippy::too_many_arguments,
        reason = "version's arguments and the last version"
    )]
    pub(crate) async fn version_after(
        &mut self,
        tx: &mut PgConnection,
        actor: &str,
        action: &str,
        case_id: &str,
        body: &RecordBody,
        evidence_sha256: Option<String>,
        last: Option<(u32, Option<String>)>,
    ) -> Result<Option<u32>, StoreError> {
        if last
            .as_ref()
            .is_some_and(|(_, sha)| sha.as_deref() == Some(body.sha256.as_str()))
        {
            return Ok(None);
        }
        let version = last.map_or(1, |(v, _)| v + 1);
        let sealed = if body.restricted {
            self.seal_versions(tx, case_id, body, version).await?
        } else {
            None
        };
        let entry = LogEntry {
            seq: self.frontier.size(),
            at: self.at.clone(),
            actor: actor.to_owned(),
            action: action.to_owned(),
            case_id: Some(case_id.to_owned()),
            record: Some(body.log_name()),
            record_sha256: Some(body.sha256.clone()),
            evidence_sha256,
        };
        let leaf = entry.leaf_hash();
        // The entry and the version row in one statement: one round trip fewer under the locks.
        sqlx::query(
            "WITH entry AS (
                INSERT INTO log_entries (seq, at, actor, action, case_id, record, record_sha256,
                    evidence_sha256, leaf)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9))
             INSERT INTO record_versions (case_id, kind, record_id, version, at, actor, sha256,
                body, sealed_body, log_seq)
             VALUES ($5, $10, $11, $12, $2, $3, $7, $13, $14, $1)",
        )
        .bind(seq_i64(entry.seq))
        .bind(&entry.at)
        .bind(&entry.actor)
        .bind(&entry.action)
        .bind(case_id)
        .bind(&entry.record)
        .bind(&entry.record_sha256)
        .bind(&entry.evidence_sha256)
        .bind(&leaf[..])
        .bind(body.kind.as_str())
        .bind(&body.id)
        .bind(i64::from(version))
        .bind(if sealed.is_some() {
            None
        } else {
            Some(body.json.as_str())
        })
        .bind(sealed)
        .execute(&mut *tx)
        .await?;
        self.frontier
            .push(leaf)
            .map_err(|e| corrupt_log(e.to_string()))?;
        self.changed = true;
        Ok(Some(version))
    }

    /// A restricted record's new version `version`, sealed; and its earlier versions stored in
    /// the clear (from before it was restricted, or before the instance had keys) sealed in
    /// place. `None` when the instance has no keys. A writer given no keys on an instance that
    /// has them refuses, rather than store a restricted record's text in the clear.
    async fn seal_versions(
        &self,
        tx: &mut PgConnection,
        case_id: &str,
        body: &RecordBody,
        version: u32,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let Some(vault) = self.keys.as_deref() else {
            let has_keys: Option<i64> =
                sqlx::query_scalar("SELECT 1::BIGINT FROM vault_keys LIMIT 1")
                    .fetch_optional(&mut *tx)
                    .await?;
            return match has_keys {
                None => Ok(None),
                Some(_) => Err(StoreError::Sealed {
                    what: "record version",
                    id: body.log_name(),
                    reason: "a restricted record written without the instance's keys".into(),
                }),
            };
        };
        super::sealing::seal_plain_versions(tx, vault, case_id, body.kind, &body.id).await?;
        super::sealing::seal(
            vault,
            super::sealing::Row::Version(body.kind, i64::from(version)),
            case_id,
            &body.id,
            body.json.as_bytes(),
        )
        .map(Some)
    }

    /// Record that a record was removed (a version with no body), unless it already was.
    pub(crate) async fn removed(
        &mut self,
        tx: &mut PgConnection,
        actor: &str,
        action: &str,
        case_id: &str,
        kind: RecordKind,
        id: &str,
    ) -> Result<(), StoreError> {
        let Some((v, Some(_))) = last_version(tx, case_id, kind, id).await? else {
            return Ok(());
        };
        let seq = self
            .append(
                tx,
                actor,
                action,
                Some(case_id),
                Some(format!("{}/{id}", kind.as_str())),
                None,
                None,
            )
            .await?;
        insert_version(
            tx,
            case_id,
            kind,
            id,
            v + 1,
            (&self.at, actor),
            None,
            None,
            seq,
        )
        .await
    }

    /// Store the tree's new edge (the last statement of the write).
    pub(crate) async fn finish(self, tx: &mut PgConnection) -> Result<(), StoreError> {
        if !self.changed {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO log_state (id, frontier) VALUES (1, $1)
             ON CONFLICT (id) DO UPDATE SET frontier = excluded.frontier",
        )
        .bind(self.frontier.to_bytes())
        .execute(&mut *tx)
        .await?;
        Ok(())
    }
}

pub(crate) fn seq_i64(seq: u64) -> i64 {
    i64::try_from(seq).unwrap_or(i64::MAX)
}

fn seq_u64(seq: i64) -> u64 {
    u64::try_from(seq).unwrap_or(0)
}

pub(crate) async fn last_version(
    tx: &mut PgConnection,
    case_id: &str,
    kind: RecordKind,
    id: &str,
) -> Result<Option<(u32, Option<String>)>, StoreError> {
    let row = sqlx::query(
        "SELECT version, sha256 FROM record_versions
         WHERE case_id = $1 AND kind = $2 AND record_id = $3 ORDER BY version DESC LIMIT 1",
    )
    .bind(case_id)
    .bind(kind.as_str())
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.map(|r| {
        (
            u32::try_from(r.get::<i64, _>("version")).unwrap_or(0),
            r.get("sha256"),
        )
    }))
}

#[expect(clippy::too_many_arguments, reason = "one row's columns")]
async fn insert_version(
    tx: &mut PgConnection,
    case_id: &str,
    kind: RecordKind,
    id: &str,
    version: u32,
    (at, actor): (&str, &str),
    body: Option<(&str, Option<&str>)>,
    sealed_body: Option<Vec<u8>>,
    seq: u64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO record_versions (case_id, kind, record_id, version, at, actor, sha256, body,
            sealed_body, log_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(case_id)
    .bind(kind.as_str())
    .bind(id)
    .bind(i64::from(version))
    .bind(at)
    .bind(actor)
    .bind(body.map(|b| b.0))
    .bind(body.and_then(|b| b.1))
    .bind(sealed_body)
    .bind(seq_i64(seq))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Every version of a record, oldest first.
pub(crate) async fn history_in(
    conn: &mut PgConnection,
    keys: Keys<'_>,
    case_id: &str,
    kind: RecordKind,
    id: &str,
) -> Result<Vec<RecordVersion>, StoreError> {
    let rows = sqlx::query(
        "SELECT version, at, actor, sha256, body, sealed_body, log_seq FROM record_versions
         WHERE case_id = $1 AND kind = $2 AND record_id = $3 ORDER BY version",
    )
    .bind(case_id)
    .bind(kind.as_str())
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|r| version_of(keys, case_id, kind, id, &r))
        .collect()
}

/// A `record_versions` row, its body opened if it is sealed.
fn version_of(
    keys: Keys<'_>,
    case_id: &str,
    kind: RecordKind,
    id: &str,
    r: &sqlx::postgres::PgRow,
) -> Result<RecordVersion, StoreError> {
    let version: i64 = r.get("version");
    let body = match r.get::<Option<Vec<u8>>, _>("sealed_body") {
        Some(sealed) => Some(super::sealing::open(
            keys,
            super::sealing::Row::Version(kind, version),
            case_id,
            id,
            &sealed,
        )?),
        None => r.get("body"),
    };
    Ok(RecordVersion {
        version: u32::try_from(version).unwrap_or(0),
        at: r.get("at"),
        actor: r.get("actor"),
        sha256: r.get("sha256"),
        body,
        log_seq: seq_u64(r.get("log_seq")),
    })
}

/// The last version of every record of a case: (kind, id, version, sha256 or removed, log seq).
pub(crate) async fn latest_versions_in(
    conn: &mut PgConnection,
    keys: Keys<'_>,
    case_id: &str,
) -> Result<Vec<(RecordKind, String, RecordVersion)>, StoreError> {
    let rows = sqlx::query(
        "SELECT kind, record_id, version, at, actor, sha256, body, sealed_body, log_seq
         FROM record_versions v
         WHERE case_id = $1 AND version =
            (SELECT MAX(version) FROM record_versions w
             WHERE w.case_id = v.case_id AND w.kind = v.kind AND w.record_id = v.record_id)
         ORDER BY kind, record_id",
    )
    .bind(case_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let kind: String = r.get("kind");
        let Some(kind) = RecordKind::from_name(&kind) else {
            return Err(corrupt_log(format!("record_versions.kind {kind:?}")));
        };
        let record_id: String = r.get("record_id");
        let version = version_of(keys, case_id, kind, &record_id, &r)?;
        out.push((kind, record_id, version));
    }
    Ok(out)
}

/// Entries `from..` (at most `limit`), in order, with their stored leaf hashes.
pub(crate) async fn entries(
    conn: &mut PgConnection,
    from: u64,
    limit: u32,
) -> Result<Vec<(LogEntry, [u8; 32])>, StoreError> {
    let rows = sqlx::query(
        "SELECT seq, at, actor, action, case_id, record, record_sha256, evidence_sha256, leaf
         FROM log_entries WHERE seq >= $1 ORDER BY seq LIMIT $2",
    )
    .bind(seq_i64(from))
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let leaf: Vec<u8> = r.get("leaf");
            let leaf: [u8; 32] = leaf
                .try_into()
                .map_err(|_| corrupt_log("log_entries.leaf is not 32 bytes"))?;
            Ok((
                LogEntry {
                    seq: seq_u64(r.get("seq")),
                    at: r.get("at"),
                    actor: r.get("actor"),
                    action: r.get("action"),
                    case_id: r.get("case_id"),
                    record: r.get("record"),
                    record_sha256: r.get("record_sha256"),
                    evidence_sha256: r.get("evidence_sha256"),
                },
                leaf,
            ))
        })
        .collect()
}

/// Entries that concern any of these records (`kind/id`) of a case, in order.
pub(crate) async fn entries_of_records(
    conn: &mut PgConnection,
    case_id: &str,
    records: &[String],
) -> Result<Vec<LogEntry>, StoreError> {
    let ids = serde_json::Value::from(records.to_vec()).to_string();
    let seqs: Vec<i64> = sqlx::query_scalar(
        "SELECT seq FROM log_entries WHERE case_id = $1 AND record = ANY(ARRAY(SELECT json_array_elements_text($2::json)))
         ORDER BY seq",
    )
    .bind(case_id)
    .bind(ids)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(seqs.len());
    for s in seqs {
        out.extend(
            entries(conn, seq_u64(s), 1)
                .await?
                .into_iter()
                .map(|(e, _)| e),
        );
    }
    Ok(out)
}

/// The tree's size and root as the log's stored edge has them.
pub(crate) async fn head(conn: &mut PgConnection) -> Result<(u64, [u8; 32]), StoreError> {
    let frontier = head_frontier(conn).await?;
    Ok((frontier.size(), frontier.root()))
}

/// The log's stored right edge.
pub(crate) async fn head_frontier(conn: &mut PgConnection) -> Result<Frontier, StoreError> {
    let bytes: Option<Vec<u8>> = sqlx::query_scalar("SELECT frontier FROM log_state WHERE id = 1")
        .fetch_optional(&mut *conn)
        .await?;
    match bytes {
        Some(b) => {
            Frontier::from_bytes(&b).map_err(|e| corrupt_log(format!("log_state.frontier: {e}")))
        }
        None => Ok(Frontier::new()),
    }
}

pub(crate) async fn add_checkpoint_in(
    conn: &mut PgConnection,
    size: u64,
    note: &str,
    frontier: Option<&[u8]>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO checkpoints (size, note, created_at, frontier) VALUES ($1, $2, $3, $4)
         ON CONFLICT (size) DO UPDATE SET note = excluded.note,
            frontier = COALESCE(excluded.frontier, checkpoints.frontier)",
    )
    .bind(seq_i64(size))
    .bind(note)
    .bind(clock::now())
    .bind(frontier)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn checkpoints_in(
    conn: &mut PgConnection,
) -> Result<Vec<StoredCheckpoint>, StoreError> {
    let rows =
        sqlx::query("SELECT size, note, created_at, frontier FROM checkpoints ORDER BY size")
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.iter().map(checkpoint_from).collect())
}

/// The checkpoint of the largest size, if any.
pub(crate) async fn latest_checkpoint_in(
    conn: &mut PgConnection,
) -> Result<Option<StoredCheckpoint>, StoreError> {
    let row = sqlx::query(
        "SELECT size, note, created_at, frontier FROM checkpoints ORDER BY size DESC LIMIT 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.as_ref().map(checkpoint_from))
}

fn checkpoint_from(r: &sqlx::postgres::PgRow) -> StoredCheckpoint {
    StoredCheckpoint {
        size: seq_u64(r.get("size")),
        note: r.get("note"),
        created_at: r.get("created_at"),
        frontier: r.get("frontier"),
    }
}

// --- The store's methods (see `impl Store for PgStore`) ------------------------------------

pub(crate) async fn history(
    store: &super::PgStore,
    case_id: &str,
    kind: crate::RecordKind,
    id: &str,
) -> Result<Vec<crate::RecordVersion>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::log::history_in(&mut conn, store.keys(), case_id, kind, id).await
}

pub(crate) async fn latest_versions(
    store: &super::PgStore,
    case_id: &str,
) -> Result<Vec<(crate::RecordKind, String, crate::RecordVersion)>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::log::latest_versions_in(&mut conn, store.keys(), case_id).await
}

pub(crate) async fn log_head(store: &super::PgStore) -> Result<(u64, [u8; 32]), crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::log::head(&mut conn).await
}

pub(crate) async fn log_entries(
    store: &super::PgStore,
    from: u64,
    limit: u32,
) -> Result<Vec<(crate::LogEntry, [u8; 32])>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::log::entries(&mut conn, from, limit).await
}

pub(crate) async fn log_entries_of(
    store: &super::PgStore,
    case_id: &str,
    records: &[String],
) -> Result<Vec<crate::LogEntry>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::log::entries_of_records(&mut conn, case_id, records).await
}

pub(crate) async fn add_checkpoint(
    store: &super::PgStore,
    size: u64,
    note: &str,
    frontier: Option<&[u8]>,
) -> Result<(), crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::log::add_checkpoint_in(&mut conn, size, note, frontier).await
}

pub(crate) async fn checkpoints(
    store: &super::PgStore,
) -> Result<Vec<crate::StoredCheckpoint>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::log::checkpoints_in(&mut conn).await
}

pub(crate) async fn latest_checkpoint(
    store: &super::PgStore,
) -> Result<Option<crate::StoredCheckpoint>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::log::latest_checkpoint_in(&mut conn).await
}

pub(crate) async fn log_frontier(store: &super::PgStore) -> Result<Vec<u8>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    Ok(super::log::head_frontier(&mut conn).await?.to_bytes())
}
