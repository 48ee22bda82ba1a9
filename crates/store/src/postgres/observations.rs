//! Implementation observations in SQLite: written with their case, added one or many at a time
//! (a form, or a Peace Accords Matrix import in one transaction), reviewed, read back.

use accord_core::{Named, Observation, ObservationStatus};
use sqlx::{PgConnection, Row};

use super::audit_records;
use super::version::touch;
use crate::StoreError;
use crate::codec::{corrupt, list, uncite, unlist, unname};

/// Insert one observation at `position`.
pub(crate) async fn insert(
    tx: &mut PgConnection,
    case: &str,
    position: i64,
    o: &Observation,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO observations (case_id, id, position, provision, date, date_end, score, sources,
            coded_by, note, status, reviewed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(case)
    .bind(&o.id)
    .bind(position)
    .bind(o.provision.to_string())
    .bind(o.date.to_string())
    .bind(o.date.last_day().days_since_epoch())
    .bind(i64::from(o.score.value()))
    .bind(list(&o.sources))
    .bind(&o.coded_by)
    .bind(&o.note)
    .bind(o.status.as_str())
    .bind(&o.reviewed_by)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A case's observations, in the order they were written.
pub(crate) async fn load(
    conn: &mut PgConnection,
    case: &str,
) -> Result<Vec<Observation>, StoreError> {
    sqlx::query(
        "SELECT id, provision, date, score, sources, coded_by, note, status, reviewed_by
         FROM observations WHERE case_id = $1 ORDER BY position",
    )
    .bind(case)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| {
        Ok(Observation {
            id: r.get("id"),
            provision: uncite(case, "observations.provision", r.get("provision"))?,
            date: accord_core::observation::parse_date(r.get("date"))
                .map_err(|e| corrupt(case, format!("observations.date: {e}")))?,
            score: accord_core::Score::new(r.get("score"))
                .map_err(|e| corrupt(case, format!("observations.score: {e}")))?,
            sources: unlist(case, "observations.sources", r.get("sources"))?,
            coded_by: r.get("coded_by"),
            note: r.get("note"),
            status: unname(case, r.get("status"))?,
            reviewed_by: r.get("reviewed_by"),
        })
    })
    .collect()
}

/// Add observations after the case's others, all or none: an id the case has, or one repeated in
/// `observations`, refuses the lot. Each is versioned and logged.
pub(crate) async fn add(
    tx: &mut PgConnection,
    case: &str,
    observations: &[Observation],
    actor: &str,
) -> Result<(), StoreError> {
    touch(tx, case).await?;
    let mut position: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM observations WHERE case_id = $1",
    )
    .bind(case)
    .fetch_one(&mut *tx)
    .await?;
    for o in observations {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT 1::BIGINT FROM observations WHERE case_id = $1 AND id = $2")
                .bind(case)
                .bind(&o.id)
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_some() {
            return Err(StoreError::Exists {
                what: "observation",
                id: o.id.clone(),
            });
        }
        insert(tx, case, position, o).await?;
        position += 1;
    }
    let bodies: Vec<_> = observations
        .iter()
        .map(crate::record::observation)
        .collect();
    let detail = match observations {
        [one] => format!(
            "{} ({}, {}, score {})",
            one.id,
            one.provision,
            one.date,
            one.score.value()
        ),
        many => format!("{} observations", many.len()),
    };
    audit_records(
        tx,
        actor,
        Some(case),
        "observation.create",
        &detail,
        &bodies,
        None,
    )
    .await
}

/// Confirm, retract or return an observation to draft, recording the reviewer.
pub(crate) async fn set_status(
    tx: &mut PgConnection,
    case: &str,
    id: &str,
    status: ObservationStatus,
    reviewer: &str,
) -> Result<(), StoreError> {
    touch(tx, case).await?;
    let n = sqlx::query(
        "UPDATE observations SET status = $1, reviewed_by = $2 WHERE case_id = $3 AND id = $4",
    )
    .bind(status.as_str())
    .bind(reviewer)
    .bind(case)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound {
            what: "observation",
            id: id.to_owned(),
        });
    }
    let body: Vec<_> = load(tx, case)
        .await?
        .iter()
        .filter(|o| o.id == id)
        .map(crate::record::observation)
        .collect();
    audit_records(
        tx,
        reviewer,
        Some(case),
        &format!("observation.{}", status.as_str()),
        id,
        &body,
        None,
    )
    .await
}

// --- The store's methods (see `impl Store for PgStore`) ------------------------------------

pub(crate) async fn observations(
    store: &super::PgStore,
    case_id: &str,
) -> Result<Vec<accord_core::Observation>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::observations::load(&mut conn, case_id).await
}

pub(crate) async fn add_observations(
    store: &super::PgStore,
    case_id: &str,
    observations: &[accord_core::Observation],
    actor: &str,
) -> Result<(), crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, case_id).await?;
    super::observations::add(&mut tx, case_id, observations, actor).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn set_observation_status(
    store: &super::PgStore,
    case_id: &str,
    observation_id: &str,
    status: accord_core::ObservationStatus,
    reviewer: &str,
) -> Result<(), crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, case_id).await?;
    super::observations::set_status(&mut tx, case_id, observation_id, status, reviewer).await?;
    tx.commit().await?;
    Ok(())
}
