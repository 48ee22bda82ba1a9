//! Letters' follow-through in SQLite (deliveries, responses, deadlines, follow-ups): written with
//! their case or one at a time, read back in the order they were written.

use accord_core::follow_through::{DeliveryMethod, FollowThrough, Record, ResponseAction};
use accord_core::{Day, Named};
use sqlx::{PgConnection, Row};

use super::audit_records;
use super::version::touch;
use crate::StoreError;
use crate::codec::{corrupt, unname};

/// Insert one record at `position`.
pub(crate) async fn insert(
    tx: &mut PgConnection,
    case: &str,
    position: i64,
    f: &FollowThrough,
) -> Result<(), StoreError> {
    let (date, addressee, method, action, summary, text, source, cites) = match &f.what {
        Record::Delivery {
            to,
            date,
            method,
            note,
        } => (
            Some(date.to_string()),
            Some(to.as_str()),
            Some(method.as_str()),
            None,
            note.as_deref(),
            None,
            None,
            None,
        ),
        Record::Response {
            from,
            date,
            action,
            summary,
            text,
            source,
        } => (
            Some(date.to_string()),
            Some(from.as_str()),
            None,
            Some(action.as_str()),
            Some(summary.as_str()),
            text.as_deref(),
            source.as_deref(),
            None,
        ),
        Record::Deadline {
            date,
            addressee,
            asked,
        } => (
            Some(date.to_string()),
            addressee.as_deref(),
            None,
            None,
            Some(asked.as_str()),
            None,
            None,
            None,
        ),
        Record::FollowUp { cites } => (
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            Some(cites.as_str()),
        ),
    };
    sqlx::query(
        "INSERT INTO follow_through (case_id, id, position, kind, letter_id, date, addressee,
            method, action, summary, text, source, cites)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(case)
    .bind(&f.id)
    .bind(position)
    .bind(f.what.kind())
    .bind(&f.letter)
    .bind(date)
    .bind(addressee)
    .bind(method)
    .bind(action)
    .bind(summary)
    .bind(text)
    .bind(source)
    .bind(cites)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A case's follow-through records, in the order they were written.
pub(crate) async fn load(
    conn: &mut PgConnection,
    case: &str,
) -> Result<Vec<FollowThrough>, StoreError> {
    sqlx::query(
        "SELECT id, kind, letter_id, date, addressee, method, action, summary, text, source, cites
         FROM follow_through WHERE case_id = $1 ORDER BY position",
    )
    .bind(case)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| {
        let id: String = r.get("id");
        let kind: String = r.get("kind");
        let bad = |column: &str| corrupt(case, format!("follow_through.{column} of {id:?}"));
        let date = || -> Result<Day, StoreError> {
            let d: Option<String> = r.get("date");
            d.as_deref()
                .and_then(|d| Day::parse(d).ok())
                .ok_or_else(|| bad("date"))
        };
        let addressee: Option<String> = r.get("addressee");
        let summary: Option<String> = r.get("summary");
        let what = match kind.as_str() {
            "delivery" => Record::Delivery {
                to: addressee.ok_or_else(|| bad("addressee"))?,
                date: date()?,
                method: unname::<DeliveryMethod>(
                    case,
                    &r.get::<Option<String>, _>("method").unwrap_or_default(),
                )?,
                note: summary,
            },
            "response" => Record::Response {
                from: addressee.ok_or_else(|| bad("addressee"))?,
                date: date()?,
                action: unname::<ResponseAction>(
                    case,
                    &r.get::<Option<String>, _>("action").unwrap_or_default(),
                )?,
                summary: summary.ok_or_else(|| bad("summary"))?,
                text: r.get("text"),
                source: r.get("source"),
            },
            "deadline" => Record::Deadline {
                date: date()?,
                addressee,
                asked: summary.ok_or_else(|| bad("summary"))?,
            },
            "follow_up" => Record::FollowUp {
                cites: r
                    .get::<Option<String>, _>("cites")
                    .ok_or_else(|| bad("cites"))?,
            },
            _ => return Err(bad("kind")),
        };
        Ok(FollowThrough {
            id,
            letter: r.get("letter_id"),
            what,
        })
    })
    .collect()
}

/// Add one record after the case's others: an id the case has refuses it (`Exists`). The record
/// is versioned and logged (`<kind>.create`: `delivery.create`, `response.create`, ...).
pub(crate) async fn add(
    tx: &mut PgConnection,
    case: &str,
    f: &FollowThrough,
    actor: &str,
) -> Result<(), StoreError> {
    touch(tx, case).await?;
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT 1::BIGINT FROM follow_through WHERE case_id = $1 AND id = $2")
            .bind(case)
            .bind(&f.id)
            .fetch_optional(&mut *tx)
            .await?;
    if exists.is_some() {
        return Err(StoreError::Exists {
            what: "follow-through record",
            id: f.id.clone(),
        });
    }
    let position: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM follow_through WHERE case_id = $1",
    )
    .bind(case)
    .fetch_one(&mut *tx)
    .await?;
    insert(tx, case, position, f).await?;
    let detail = format!("{} ({} of letter {})", f.id, f.what.kind(), f.letter);
    audit_records(
        tx,
        actor,
        Some(case),
        &format!("{}.create", f.what.kind()),
        &detail,
        &[crate::record::follow_through(f)],
        None,
    )
    .await
}

// --- The store's methods (see `impl Store for PgStore`) ------------------------------------

pub(crate) async fn follow_through(
    store: &super::PgStore,
    case_id: &str,
) -> Result<Vec<accord_core::FollowThrough>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::follow_through::load(&mut conn, case_id).await
}

pub(crate) async fn add_follow_through(
    store: &super::PgStore,
    case_id: &str,
    record: &accord_core::FollowThrough,
    actor: &str,
) -> Result<(), crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, case_id).await?;
    super::follow_through::add(&mut tx, case_id, record, actor).await?;
    tx.commit().await?;
    Ok(())
}
