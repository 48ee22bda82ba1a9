//! Sealing in PostgreSQL: restricted rows and versions stored in the clear, sealed in place.
//!
//! What sealing is (which rows, bound to what, how a sealed row is opened) is the
//! backend-independent [`crate::sealing`]; this module re-exports it for the PostgreSQL store's
//! other modules and holds the SQL.

use accord_vault::Vault;
use serde_json::Value;

use crate::StoreError;
pub(crate) use crate::sealing::{
    Keys, Row, open, open_json, opt_text, seal, seal_json, seals, text, texts,
};

/// Seal, in place, the versions of one record that are stored in the clear (from before it was
/// restricted, or before the instance had keys); returns how many.
pub(crate) async fn seal_plain_versions(
    tx: &mut sqlx::PgConnection,
    vault: &Vault,
    case: &str,
    kind: crate::RecordKind,
    id: &str,
) -> Result<u64, StoreError> {
    let plain: Vec<(i64, String)> = sqlx::query_as(
        "SELECT version, body FROM record_versions
         WHERE case_id = $1 AND kind = $2 AND record_id = $3 AND body IS NOT NULL",
    )
    .bind(case)
    .bind(kind.as_str())
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (version, body) in &plain {
        let sealed = seal(
            vault,
            Row::Version(kind, *version),
            case,
            id,
            body.as_bytes(),
        )?;
        sqlx::query(
            "UPDATE record_versions SET body = NULL, sealed_body = $1
             WHERE case_id = $2 AND kind = $3 AND record_id = $4 AND version = $5",
        )
        .bind(sealed)
        .bind(case)
        .bind(kind.as_str())
        .bind(id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
    }
    Ok(u64::try_from(plain.len()).unwrap_or(u64::MAX))
}

/// A table whose restricted rows hold sealed text: which columns the text is in, and what they
/// hold once it is sealed. The sealed JSON object has a member per column, named after it (the
/// same object the inserts seal).
struct Sealable {
    table: &'static str,
    row: Row,
    /// Text columns that are never NULL.
    texts: &'static [&'static str],
    /// Text columns that may be NULL.
    optional: &'static [&'static str],
    /// Columns holding a JSON array.
    lists: &'static [&'static str],
    /// The placeholders, as an SQL `SET` list.
    cleared: &'static str,
}

const SEALABLE: [Sealable; 4] = [
    Sealable {
        table: "incidents",
        row: Row::Incident,
        texts: &["title"],
        optional: &["summary", "place"],
        lists: &["evidence"],
        cleared: "title = '', summary = NULL, place = NULL, evidence = '[]'",
    },
    Sealable {
        table: "actors",
        row: Row::Actor,
        texts: &["name"],
        optional: &["country"],
        lists: &["aliases", "members"],
        cleared: "name = '', aliases = '[]', country = NULL, members = '[]'",
    },
    Sealable {
        table: "sources",
        row: Row::Source,
        texts: &["title"],
        optional: &["publisher", "url", "note"],
        lists: &["authors"],
        cleared: "authors = '[]', title = '', publisher = NULL, url = NULL, note = NULL",
    },
    Sealable {
        table: "evidence",
        row: Row::Evidence,
        texts: &["file"],
        optional: &[
            "note",
            "captured_by",
            "source_url",
            "method",
            "tool",
            "place",
        ],
        lists: &[],
        cleared: "file = 'sealed:' || id, note = NULL, captured_by = NULL, source_url = NULL,
            method = NULL, tool = NULL, place = NULL",
    },
];

/// Seal, in place, the restricted rows of one table stored in the clear; returns how many.
async fn seal_rows(
    tx: &mut sqlx::PgConnection,
    vault: &Vault,
    t: &Sealable,
) -> Result<u64, StoreError> {
    use sqlx::Row as _;
    let columns: Vec<&str> = t
        .texts
        .iter()
        .chain(t.optional)
        .chain(t.lists)
        .copied()
        .collect();
    let rows = sqlx::query(&format!(
        "SELECT case_id, id, {} FROM {} WHERE sensitivity = 'restricted' AND sealed IS NULL",
        columns.join(", "),
        t.table
    ))
    .fetch_all(&mut *tx)
    .await?;
    let mut sealed = 0;
    for r in rows {
        let (case, id): (String, String) = (r.get("case_id"), r.get("id"));
        let mut text = serde_json::Map::new();
        for c in t.texts {
            text.insert((*c).into(), r.get::<String, _>(*c).into());
        }
        for c in t.optional {
            text.insert((*c).into(), r.get::<Option<String>, _>(*c).into());
        }
        for c in t.lists {
            let list: Value = serde_json::from_str(r.get::<&str, _>(*c))
                .map_err(|e| crate::codec::corrupt(&case, format!("{}.{c}: {e}", t.table)))?;
            text.insert((*c).into(), list);
        }
        let blob = seal_json(vault, t.row, &case, &id, &Value::Object(text))?;
        sqlx::query(&format!(
            "UPDATE {} SET {}, sealed = $1 WHERE case_id = $2 AND id = $3",
            t.table, t.cleared
        ))
        .bind(blob)
        .bind(&case)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        sealed += 1;
    }
    Ok(sealed)
}

/// Seal every restricted incident, actor, source and evidence item stored in the clear, and the
/// versions of every record that is or was restricted; returns how many rows were sealed.
pub(crate) async fn seal_all(
    tx: &mut sqlx::PgConnection,
    vault: &std::sync::Arc<Vault>,
) -> Result<u64, StoreError> {
    let mut sealed = 0u64;
    for t in &SEALABLE {
        sealed += seal_rows(tx, vault, t).await?;
    }
    // Versions: of every record restricted now, and of every record one of whose versions says
    // it was restricted then.
    let records: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT case_id, 'incident', id FROM incidents WHERE sensitivity = 'restricted'
         UNION SELECT case_id, 'actor', id FROM actors WHERE sensitivity = 'restricted'
         UNION SELECT case_id, 'source', id FROM sources WHERE sensitivity = 'restricted'
         UNION SELECT case_id, 'evidence', id FROM evidence WHERE sensitivity = 'restricted'
         UNION SELECT case_id, kind, record_id FROM record_versions
            WHERE body IS NOT NULL AND (body::json ->> 'sensitivity') = 'restricted'",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (case, kind, id) in records {
        let Some(kind) = crate::RecordKind::from_name(&kind) else {
            continue;
        };
        sealed += seal_plain_versions(tx, vault, &case, kind, &id).await?;
    }
    Ok(sealed)
}

// --- The store's methods (see `impl Store for PgStore`) ------------------------------------

pub(crate) async fn seal_restricted(
    store: &super::PgStore,
    actor: &str,
) -> Result<u64, crate::StoreError> {
    let Some(vault) = store.keys.get() else {
        return Err(crate::StoreError::Sealed {
            what: "instance",
            id: String::new(),
            reason: "sealing restricted records needs the instance's keys".into(),
        });
    };
    let mut tx = store.pool.begin().await?;
    // Every case at once: the log's lock keeps other writers out while rows are sealed in place.
    super::version::lock_log(&mut tx).await?;
    let sealed = super::sealing::seal_all(&mut tx, vault).await?;
    if sealed > 0 {
        super::audit(
            &mut tx,
            actor,
            None,
            "keys.seal_restricted",
            &format!("{sealed} rows"),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(sealed)
}
