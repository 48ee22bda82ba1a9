//! Records' languages in SQLite: written with their case or one record at a time (a new version
//! of the record's languages, logged), read back in the order they were added.

use accord_core::translation::RecordLanguages;
use accord_core::{Case, Named};
use sqlx::{Row, SqliteConnection};

use super::audit_records;
use super::version::touch;
use crate::StoreError;

/// Write a case's language and every record's languages (the case row exists).
pub(crate) async fn insert_all(
    tx: &mut SqliteConnection,
    case_id: &str,
    case: &Case,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE cases SET language = ? WHERE id = ?")
        .bind(&case.language)
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
    for (i, r) in case.translations.iter().enumerate() {
        insert(tx, case_id, i64::try_from(i).unwrap_or(i64::MAX), r).await?;
    }
    Ok(())
}

async fn insert(
    tx: &mut SqliteConnection,
    case_id: &str,
    position: i64,
    r: &RecordLanguages,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO translations (case_id, kind, record_id, position, body) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (case_id, kind, record_id) DO UPDATE SET body = excluded.body",
    )
    .bind(case_id)
    .bind(r.kind.as_str())
    .bind(&r.id)
    .bind(position)
    .bind(crate::translations::to_json(r).to_string())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The case's language and its records' languages, into `case`.
pub(crate) async fn load(conn: &mut SqliteConnection, case: &mut Case) -> Result<(), StoreError> {
    case.language = sqlx::query_scalar("SELECT language FROM cases WHERE id = ?")
        .bind(&case.id)
        .fetch_optional(&mut *conn)
        .await?
        .flatten();
    let rows = sqlx::query("SELECT body FROM translations WHERE case_id = ? ORDER BY position")
        .bind(&case.id)
        .fetch_all(&mut *conn)
        .await?;
    case.translations = rows
        .iter()
        .map(|r| crate::translations::from_json(&case.id, r.get("body")))
        .collect::<Result<_, _>>()?;
    Ok(())
}

/// Replace one record's languages (or add them after the case's others): a new version of the
/// record's languages, logged. The caller has checked them against the case.
pub(crate) async fn save(
    tx: &mut SqliteConnection,
    case_id: &str,
    r: &RecordLanguages,
    actor: &str,
) -> Result<(), StoreError> {
    touch(tx, case_id).await?;
    let position: i64 = sqlx::query_scalar(
        "SELECT COALESCE(
            (SELECT position FROM translations WHERE case_id = ?1 AND kind = ?2 AND record_id = ?3),
            (SELECT COALESCE(MAX(position) + 1, 0) FROM translations WHERE case_id = ?1))",
    )
    .bind(case_id)
    .bind(r.kind.as_str())
    .bind(&r.id)
    .fetch_one(&mut *tx)
    .await?;
    if r.original.is_none() && r.translations.is_empty() {
        // Nothing left to keep (its last translation removed): the row goes, and its log gets a
        // removal (a version without a body), so `accord verify` expects no row; the versions
        // before keep what it was.
        sqlx::query("DELETE FROM translations WHERE case_id = ? AND kind = ? AND record_id = ?")
            .bind(case_id)
            .bind(r.kind.as_str())
            .bind(&r.id)
            .execute(&mut *tx)
            .await?;
        let mut writer = super::log::LogWriter::begin(tx).await?;
        writer
            .removed(
                tx,
                actor,
                "translation.update",
                case_id,
                crate::RecordKind::Translation,
                &crate::translations::log_id(r.kind, &r.id),
            )
            .await?;
        writer.finish(tx).await?;
        let detail = format!("{} {} (no language left)", r.kind.as_str(), r.id);
        return super::audit_row(tx, actor, Some(case_id), "translation.update", &detail).await;
    }
    insert(tx, case_id, position, r).await?;
    let langs: Vec<&str> = r.translations.iter().map(|t| t.lang.as_str()).collect();
    let detail = format!("{} {} ({})", r.kind.as_str(), r.id, langs.join(", "));
    audit_records(
        tx,
        actor,
        Some(case_id),
        "translation.update",
        &detail,
        &[crate::record::translation(r)],
        None,
    )
    .await
}

/// Set the language a case's records are written in (`None`: not said, English), a new
/// version of the case, logged (`case.language`). The caller has checked it against the case's
/// translations.
pub(crate) async fn set_language(
    tx: &mut SqliteConnection,
    case_id: &str,
    language: Option<&str>,
    actor: &str,
) -> Result<(), StoreError> {
    touch(tx, case_id).await?;
    sqlx::query("UPDATE cases SET language = ? WHERE id = ?")
        .bind(language)
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
    let detail = format!("language {}", language.unwrap_or("(not said)"));
    audit_records(
        tx,
        actor,
        Some(case_id),
        "case.language",
        &detail,
        &[],
        None,
    )
    .await
}

/// The languages of some records of one kind, in the order they were added.
pub(crate) async fn of_records(
    conn: &mut SqliteConnection,
    case_id: &str,
    kind: accord_core::TextKind,
    ids: &[String],
) -> Result<Vec<RecordLanguages>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = sqlx::query(
        "SELECT body FROM translations WHERE case_id = ? AND kind = ?
         AND record_id IN (SELECT value FROM json_each(?)) ORDER BY position",
    )
    .bind(case_id)
    .bind(kind.as_str())
    .bind(serde_json::Value::from(ids.to_vec()).to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| crate::translations::from_json(case_id, r.get("body")))
        .collect()
}
