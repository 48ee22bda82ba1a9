//! Group commit of incident saves: the saves that arrive at one server while a write is under
//! way are written together, in one transaction, by one task.
//!
//! Every write to a case holds that case's lock and then the log's (see `version.rs`) until its
//! transaction ends, commit and WAL flush included, so concurrent writes to one case run one after
//! another, whichever server they arrive at. A save alone is about fourteen round trips to
//! PostgreSQL under those locks. Written as a group, the case's lock, its version, the log's edge
//! and the commit are taken once for all, the positions and last versions of all the group's
//! incidents are read in one statement each, and each incident costs its insert and one statement
//! for its log entry and version row; the audit rows of the group go in one statement.
//!
//! Nothing a save guarantees changes: each incident gets its own log entry and version, in the
//! order the group writes them, under the same locks; the group commits as one, and a save
//! answers only once it is committed (durable). When anything in the group fails before the
//! commit, the group's transaction is rolled back (nothing written) and each save is then made
//! alone, in a transaction of its own, exactly as without grouping: a refused save changes
//! nothing and does not fail the others. A commit that fails fails the whole group (it is not
//! retried: whether a commit whose answer was lost took effect cannot be known).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, OnceLock};

use accord_core::Incident;
use sqlx::{PgConnection, PgPool};
use tokio::sync::{mpsc, oneshot};

use super::log::LogWriter;
use super::rows::insert_incident;
use super::sealing::Keys;
use crate::{SaveOutcome, StoreError, clock};

/// At most this many saves in one group (a group holds the case's lock while it is written).
const MAX_GROUP: usize = 32;

/// The queue of one store (shared by its clones) to its writing task, started at the first save.
#[derive(Default)]
pub(crate) struct Combiner {
    queue: OnceLock<mpsc::UnboundedSender<Job>>,
}

impl std::fmt::Debug for Combiner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Combiner")
            .field("started", &self.queue.get().is_some())
            .finish()
    }
}

/// One save waiting for its group.
struct Job {
    case: String,
    incident: Incident,
    actor: String,
    answer: oneshot::Sender<Result<SaveOutcome, StoreError>>,
}

type KeyCell = Arc<OnceLock<Arc<accord_vault::Vault>>>;

/// Create or replace an incident (`Store::save_incident`), in the next group of this store.
pub(crate) async fn save_incident(
    combiner: &Combiner,
    pool: &PgPool,
    keys: &KeyCell,
    case_id: &str,
    incident: &Incident,
    actor: &str,
) -> Result<SaveOutcome, StoreError> {
    let queue = combiner.queue.get_or_init(|| {
        let (send, receive) = mpsc::unbounded_channel();
        tokio::spawn(write_groups(pool.clone(), keys.clone(), receive));
        send
    });
    let (answer, answered) = oneshot::channel();
    let job = Job {
        case: case_id.to_owned(),
        incident: incident.clone(),
        actor: actor.to_owned(),
        answer,
    };
    if let Err(mpsc::error::SendError(job)) = queue.send(job) {
        // The writing task is gone (its runtime ended): write alone.
        return save_alone(pool, keys.get(), &job.case, &job.incident, &job.actor).await;
    }
    answered.await.unwrap_or_else(|_| {
        Err(StoreError::Conflict(format!(
            "the save of incident {:?} was interrupted (the server is stopping); \
             it may not have been written",
            incident.id
        )))
    })
}

/// The writing task: takes what is waiting, writes the first save's case's saves as a group,
/// and again, until the store is dropped.
async fn write_groups(pool: PgPool, keys: KeyCell, mut queue: mpsc::UnboundedReceiver<Job>) {
    let mut waiting: VecDeque<Job> = VecDeque::new();
    loop {
        if waiting.is_empty() {
            match queue.recv().await {
                Some(job) => waiting.push_back(job),
                None => return,
            }
        }
        while let Ok(job) = queue.try_recv() {
            waiting.push_back(job);
        }
        let Some(case) = waiting.front().map(|j| j.case.clone()) else {
            continue;
        };
        let mut group = Vec::new();
        let mut rest = VecDeque::with_capacity(waiting.len());
        for job in waiting.drain(..) {
            if job.case == case && group.len() < MAX_GROUP {
                group.push(job);
            } else {
                rest.push_back(job);
            }
        }
        waiting = rest;
        write_group(&pool, keys.get(), &case, group).await;
    }
}

/// Write one group and answer each of its saves.
async fn write_group(pool: &PgPool, keys: Keys<'_>, case: &str, group: Vec<Job>) {
    let items: Vec<(&Incident, &str)> = group
        .iter()
        .map(|j| (&j.incident, j.actor.as_str()))
        .collect();
    let written = async {
        let mut tx = pool.begin().await?;
        super::version::lock_case(&mut tx, case).await?;
        let outcomes = save_incidents_in(&mut tx, keys, case, &items).await?;
        Ok::<_, StoreError>((tx, outcomes))
    }
    .await;
    match written {
        Ok((tx, outcomes)) => match tx.commit().await {
            Ok(()) => {
                for (job, outcome) in group.into_iter().zip(outcomes) {
                    let _ = job.answer.send(Ok(outcome));
                }
            }
            Err(e) => {
                let e = e.to_string();
                for job in group {
                    let _ = job.answer.send(Err(StoreError::Conflict(format!(
                        "the save of incident {:?} failed as it was committed: {e}",
                        job.incident.id
                    ))));
                }
            }
        },
        Err(_) => {
            // Rolled back: each save alone, as without grouping, so that the one refused is
            // refused with its own reason and the others are written.
            for job in group {
                let result = save_alone(pool, keys, &job.case, &job.incident, &job.actor).await;
                let _ = job.answer.send(result);
            }
        }
    }
}

/// One save in a transaction of its own (the path without grouping).
async fn save_alone(
    pool: &PgPool,
    keys: Keys<'_>,
    case_id: &str,
    incident: &Incident,
    actor: &str,
) -> Result<SaveOutcome, StoreError> {
    let mut tx = pool.begin().await?;
    super::version::lock_case(&mut tx, case_id).await?;
    let outcome = super::records::save_incident_in(&mut tx, keys, case_id, incident, actor).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Save `items` (incident, actor), in order, in the caller's transaction, which holds the case's
/// lock. What `records::save_incident_in` does for one, for many: the case's version is bumped
/// once (a transaction's writes are seen together), each incident keeps its position or gets the
/// next one, gets a new version if it changed, a log entry and an audit row.
pub(crate) async fn save_incidents_in(
    tx: &mut PgConnection,
    keys: Keys<'_>,
    case_id: &str,
    items: &[(&Incident, &str)],
) -> Result<Vec<SaveOutcome>, StoreError> {
    super::version::touch(tx, case_id).await?;
    let ids: Vec<String> = items.iter().map(|(i, _)| i.id.clone()).collect();
    let mut positions: HashMap<String, i64> = sqlx::query_as::<_, (String, i64)>(
        "SELECT id, position FROM incidents WHERE case_id = $1 AND id = ANY($2)",
    )
    .bind(case_id)
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .collect();
    let mut next: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position + 1), 0) FROM incidents WHERE case_id = $1",
    )
    .bind(case_id)
    .fetch_one(&mut *tx)
    .await?;
    let mut last: HashMap<String, (u32, Option<String>)> =
        sqlx::query_as::<_, (String, i64, Option<String>)>(
            "SELECT DISTINCT ON (record_id) record_id, version, sha256 FROM record_versions
             WHERE case_id = $1 AND kind = 'incident' AND record_id = ANY($2)
             ORDER BY record_id, version DESC",
        )
        .bind(case_id)
        .bind(&ids)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|(id, v, sha)| (id, (u32::try_from(v).unwrap_or(0), sha)))
        .collect();
    let mut writer = LogWriter::begin(tx).await?.sealing(keys.cloned());
    let mut outcomes = Vec::with_capacity(items.len());
    let mut audit: [Vec<String>; 4] = Default::default();
    for (incident, actor) in items {
        let (position, outcome) = match positions.get(&incident.id) {
            Some(&p) => {
                sqlx::query("DELETE FROM incidents WHERE case_id = $1 AND id = $2")
                    .bind(case_id)
                    .bind(&incident.id)
                    .execute(&mut *tx)
                    .await?;
                (p, SaveOutcome::Updated)
            }
            None => {
                next += 1;
                (next - 1, SaveOutcome::Created)
            }
        };
        insert_incident(
            tx,
            keys,
            case_id,
            usize::try_from(position).unwrap_or(0),
            incident,
        )
        .await?;
        positions.insert(incident.id.clone(), position);
        let action = match outcome {
            SaveOutcome::Created => "incident.create",
            SaveOutcome::Updated => "incident.update",
        };
        let body = crate::record::incident(incident);
        let before = last.get(&incident.id).cloned();
        match writer
            .version_after(tx, actor, action, case_id, &body, None, before)
            .await?
        {
            Some(v) => {
                last.insert(incident.id.clone(), (v, Some(body.sha256.clone())));
            }
            None => {
                writer
                    .append(tx, actor, action, Some(case_id), None, None, None)
                    .await?;
            }
        }
        for (column, value) in audit.iter_mut().zip([
            clock::now(),
            (*actor).to_owned(),
            action.to_owned(),
            incident.id.clone(),
        ]) {
            column.push(value);
        }
        outcomes.push(outcome);
    }
    writer.finish(tx).await?;
    let [at, actor, action, detail] = audit;
    sqlx::query(
        "INSERT INTO audit_log (at, actor, case_id, action, detail)
         SELECT a.at, a.actor, $1, a.action, a.detail
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
            WITH ORDINALITY AS a(at, actor, action, detail, n)
         ORDER BY a.n",
    )
    .bind(case_id)
    .bind(at)
    .bind(actor)
    .bind(action)
    .bind(detail)
    .execute(&mut *tx)
    .await?;
    Ok(outcomes)
}
