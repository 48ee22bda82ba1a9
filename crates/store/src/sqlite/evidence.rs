//! Evidence records and their custody logs in SQLite (the bytes are in the blob store).

use accord_core::{Capture, CustodyAction, CustodyEvent, Derivation, Evidence, Named};
use sqlx::{Row, SqliteConnection};

use super::sealing::{Keys, Row as SealedRow, open_json, opt_text, seal_json, seals, text};
use crate::StoreError;
use crate::codec::corrupt;

fn int(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// The text of an item that is sealed when it is restricted: its file name, note and how it was
/// captured (by whom, from where, how, with what, where). Dates, sizes, hashes and links stay.
fn sealed_text(e: &Evidence) -> serde_json::Value {
    let c = &e.capture;
    serde_json::json!({"file": e.file, "note": e.note, "captured_by": c.captured_by,
        "source_url": c.source_url, "method": c.method, "tool": c.tool, "place": c.place})
}

/// Insert an item and its custody events (its text sealed when it is restricted and the store
/// has keys; the file name column then holds a placeholder unique in the case).
pub(crate) async fn insert(
    tx: &mut SqliteConnection,
    keys: Keys<'_>,
    case: &str,
    position: i64,
    e: &Evidence,
) -> Result<(), StoreError> {
    let c = &e.capture;
    let sealed = match keys {
        Some(vault) if seals(keys, e.sensitivity) => Some(seal_json(
            vault,
            SealedRow::Evidence,
            case,
            &e.id,
            &sealed_text(e),
        )?),
        _ => None,
    };
    let clear = |v: &Option<String>| if sealed.is_some() { None } else { v.clone() };
    let file = if sealed.is_some() {
        format!("sealed:{}", e.id)
    } else {
        e.file.clone()
    };
    sqlx::query(
        "INSERT INTO evidence (case_id, id, position, sha256, size, media_type, file, incident,
            source, note, captured_at, captured_by, source_url, method, tool, place, derived_from,
            derivation, sensitivity, restricted_to, sealed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case)
    .bind(&e.id)
    .bind(position)
    .bind(&e.sha256)
    .bind(int(e.size))
    .bind(&e.media_type)
    .bind(file)
    .bind(&e.incident)
    .bind(&e.source)
    .bind(clear(&e.note))
    .bind(&c.captured_at)
    .bind(clear(&c.captured_by))
    .bind(clear(&c.source_url))
    .bind(clear(&c.method))
    .bind(clear(&c.tool))
    .bind(clear(&c.place))
    .bind(e.derived_from.as_ref().map(|d| &d.original))
    .bind(e.derived_from.as_ref().map(|d| &d.what))
    .bind(e.sensitivity.as_str())
    .bind(crate::codec::list(&e.restricted_to))
    .bind(sealed)
    .execute(&mut *tx)
    .await?;
    for (seq, ev) in e.custody.iter().enumerate() {
        insert_custody(tx, case, &e.id, int(seq as u64), ev).await?;
    }
    Ok(())
}

pub(crate) async fn insert_custody(
    tx: &mut SqliteConnection,
    case: &str,
    evidence_id: &str,
    seq: i64,
    ev: &CustodyEvent,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO custody (case_id, evidence_id, seq, at, actor, action, note)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case)
    .bind(evidence_id)
    .bind(seq)
    .bind(&ev.at)
    .bind(&ev.by)
    .bind(ev.action.as_str())
    .bind(&ev.note)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The next custody sequence number of an item (its number of events).
pub(crate) async fn custody_len(
    tx: &mut SqliteConnection,
    case: &str,
    evidence_id: &str,
) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM custody WHERE case_id = ? AND evidence_id = ?")
            .bind(case)
            .bind(evidence_id)
            .fetch_one(&mut *tx)
            .await?,
    )
}

/// Which items to read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Select<'a> {
    All,
    Id(&'a str),
    Incident(&'a str),
}

/// Items of a case in position order, with their custody logs.
pub(crate) async fn load(
    conn: &mut SqliteConnection,
    keys: Keys<'_>,
    case: &str,
    select: Select<'_>,
) -> Result<Vec<Evidence>, StoreError> {
    let (cond, param) = match select {
        Select::All => ("1", None),
        Select::Id(id) => ("id = ?2", Some(id)),
        Select::Incident(id) => ("incident = ?2", Some(id)),
    };
    let rows = sqlx::query(&format!(
        "SELECT id, sha256, size, media_type, file, incident, source, note, captured_at,
            captured_by, source_url, method, tool, place, derived_from, derivation, sensitivity,
            restricted_to, sealed
         FROM evidence WHERE case_id = ?1 AND {cond} ORDER BY position"
    ))
    .bind(case)
    .bind(param)
    .fetch_all(&mut *conn)
    .await?;
    let custody = sqlx::query(
        "SELECT c.evidence_id, c.at, c.actor, c.action, c.note FROM custody c
         WHERE c.case_id = ?1 AND (?2 IS NULL OR c.evidence_id IN
            (SELECT id FROM evidence WHERE case_id = ?1 AND (id = ?2 OR incident = ?2)))
         ORDER BY c.evidence_id, c.seq",
    )
    .bind(case)
    .bind(param)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_item: std::collections::HashMap<String, Vec<CustodyEvent>> =
        std::collections::HashMap::new();
    for r in custody {
        let action: String = r.get("action");
        let action = CustodyAction::from_name(&action)
            .map_err(|e| corrupt(case, format!("custody.action: {e}")))?;
        by_item
            .entry(r.get("evidence_id"))
            .or_default()
            .push(CustodyEvent {
                at: r.get("at"),
                by: r.get("actor"),
                action,
                note: r.get("note"),
            });
    }
    rows.into_iter()
        .map(|r| {
            let id: String = r.get("id");
            let derived: Option<String> = r.get("derived_from");
            let what: Option<String> = r.get("derivation");
            let mut item = Evidence {
                custody: by_item.remove(&id).unwrap_or_default(),
                id,
                sha256: r.get("sha256"),
                size: u64::try_from(r.get::<i64, _>("size"))
                    .map_err(|e| corrupt(case, format!("evidence.size: {e}")))?,
                media_type: r.get("media_type"),
                file: r.get("file"),
                incident: r.get("incident"),
                source: r.get("source"),
                note: r.get("note"),
                capture: Capture {
                    captured_at: r.get("captured_at"),
                    captured_by: r.get("captured_by"),
                    source_url: r.get("source_url"),
                    method: r.get("method"),
                    tool: r.get("tool"),
                    place: r.get("place"),
                },
                derived_from: derived.map(|original| Derivation {
                    original,
                    what: what.unwrap_or_default(),
                }),
                sensitivity: crate::codec::unname(case, r.get("sensitivity"))?,
                restricted_to: crate::codec::unlist(
                    case,
                    "evidence.restricted_to",
                    r.get("restricted_to"),
                )?,
            };
            if let Some(sealed) = r.get::<Option<Vec<u8>>, _>("sealed") {
                let v = open_json(keys, SealedRow::Evidence, case, &item.id, &sealed)?;
                item.file = text(&v, "file");
                item.note = opt_text(&v, "note");
                let c = &mut item.capture;
                c.captured_by = opt_text(&v, "captured_by");
                c.source_url = opt_text(&v, "source_url");
                c.method = opt_text(&v, "method");
                c.tool = opt_text(&v, "tool");
                c.place = opt_text(&v, "place");
            }
            Ok(item)
        })
        .collect()
}

/// Add an evidence item's record inside `tx`: its id and file name unused in the case, what it
/// names (incident, source, original) present; logged.
pub(crate) async fn add_evidence_in(
    tx: &mut SqliteConnection,
    keys: Keys<'_>,
    case_id: &str,
    evidence: &accord_core::Evidence,
    actor: &str,
) -> Result<(), StoreError> {
    super::version::touch(tx, case_id).await?;
    let taken: Option<String> = sqlx::query_scalar(
        "SELECT id FROM evidence WHERE case_id = ? AND (id = ? OR file = ?) LIMIT 1",
    )
    .bind(case_id)
    .bind(&evidence.id)
    .bind(&evidence.file)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(other) = taken {
        return Err(if other == evidence.id {
            StoreError::Exists {
                what: "evidence item",
                id: evidence.id.clone(),
            }
        } else {
            StoreError::Exists {
                what: "evidence file name",
                id: evidence.file.clone(),
            }
        });
    }
    let refs: [(&str, Option<&String>, &'static str); 3] = [
        (
            "SELECT 1 FROM incidents WHERE case_id = ? AND id = ?",
            evidence.incident.as_ref(),
            "incident",
        ),
        (
            "SELECT 1 FROM sources WHERE case_id = ? AND id = ?",
            evidence.source.as_ref(),
            "source",
        ),
        (
            "SELECT 1 FROM evidence WHERE case_id = ? AND id = ?",
            evidence.derived_from.as_ref().map(|d| &d.original),
            "evidence item",
        ),
    ];
    for (sql, id, what) in refs {
        let Some(id) = id else { continue };
        let found: Option<i64> = sqlx::query_scalar(sql)
            .bind(case_id)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        if found.is_none() {
            return Err(StoreError::NotFound {
                what,
                id: id.clone(),
            });
        }
    }
    let position: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(position + 1), 0) FROM evidence WHERE case_id = ?")
            .bind(case_id)
            .fetch_one(&mut *tx)
            .await?;
    insert(tx, keys, case_id, position, evidence).await?;
    super::audit_sealed(
        tx,
        keys.cloned(),
        actor,
        Some(case_id),
        "evidence.add",
        &evidence.id,
        &[crate::record::evidence(evidence)],
        Some(evidence.sha256.clone()),
    )
    .await
}

/// Append a custody event to an evidence item inside `tx`; logged.
pub(crate) async fn add_custody_in(
    tx: &mut SqliteConnection,
    case_id: &str,
    evidence_id: &str,
    event: &accord_core::CustodyEvent,
) -> Result<(), StoreError> {
    let sha256: Option<String> =
        sqlx::query_scalar("SELECT sha256 FROM evidence WHERE case_id = ? AND id = ?")
            .bind(case_id)
            .bind(evidence_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(sha256) = sha256 else {
        return Err(StoreError::NotFound {
            what: "evidence item",
            id: evidence_id.to_owned(),
        });
    };
    let seq = custody_len(tx, case_id, evidence_id).await?;
    insert_custody(tx, case_id, evidence_id, seq, event).await?;
    let mut writer = super::log::LogWriter::begin(tx).await?;
    writer
        .append(
            tx,
            &event.by,
            &format!("custody.{}", event.action.as_str()),
            Some(case_id),
            Some(format!("evidence/{evidence_id}")),
            None,
            Some(sha256),
        )
        .await?;
    writer.finish(tx).await
}
