//! Whole cases on PostgreSQL: import, load, list, delete, heads, summaries and the case flags.
//!
//! Each function is one method of the store (see `impl Store for PgStore`); the SQL of the
//! records they read and write is in `case_io`, `records` and `bulk`.

use sqlx::Row;

pub(crate) async fn import_case(
    store: &super::PgStore,
    case: &accord_core::ValidCase,
    mode: crate::ImportMode,
    actor: &str,
) -> Result<crate::ImportReport, crate::StoreError> {
    use tokio::runtime::{Handle, RuntimeFlavor};
    // On a runtime with several threads the record bodies (canonical JSON and SHA-256 of every
    // record) are built on a thread of their own while the rows before them are sent and
    // stored: this task's thread is handed over to the import (`block_in_place`), so the thread
    // building bodies can be a scoped one, borrowing the case. A runtime with one thread (tests)
    // builds them in turn.
    if Handle::current().runtime_flavor() != RuntimeFlavor::MultiThread {
        let mut bodies = super::bulk::Bodies::Here(Box::new(crate::record::bodies(case)));
        return import_with(store, case, mode, actor, &mut bodies).await;
    }
    tokio::task::block_in_place(|| {
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(super::bulk::BATCHES_AHEAD);
            scope.spawn(move || super::bulk::build_ahead(case, &send));
            let mut bodies = super::bulk::Bodies::Ahead(receive);
            // Dropping `bodies` (after the import, whether it failed or not) closes the channel,
            // which stops the thread; the scope then waits for it.
            let done =
                Handle::current().block_on(import_with(store, case, mode, actor, &mut bodies));
            drop(bodies);
            done
        })
    })
}

async fn import_with(
    store: &super::PgStore,
    case: &accord_core::ValidCase,
    mode: crate::ImportMode,
    actor: &str,
    bodies: &mut super::bulk::Bodies<'_>,
) -> Result<crate::ImportReport, crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, &case.id).await?;
    let existing: Option<i64> = sqlx::query_scalar("SELECT version FROM cases WHERE id = $1")
        .bind(&case.id)
        .fetch_optional(&mut *tx)
        .await?;
    if existing.is_some() && mode == crate::ImportMode::New {
        return Err(crate::StoreError::CaseExists(case.id.clone()));
    }
    let kept = if existing.is_some() {
        super::replace::clear(&mut tx, &case.id).await?
    } else {
        super::replace::Kept::default()
    };
    let version = match existing {
        Some(v) => v + 1,
        None => super::version::fresh(&mut tx).await?,
    };
    let incoming = case.actors.len()
        + case.sources.len()
        + case.incidents.len()
        + case.findings.len()
        + case.evidence.len();
    let deferred = super::bulk::defer_indexes(&mut tx, incoming).await?;
    let records = super::case_io::insert_case(&mut tx, store.keys(), case, version).await?;
    super::replace::restore(&mut tx, &case.id, kept).await?;
    let action = if existing.is_some() {
        "case.replace"
    } else {
        "case.import"
    };
    super::bulk::log_import(
        &mut tx,
        store.keys.get().cloned(),
        case,
        bodies,
        actor,
        action,
        existing.is_some(),
    )
    .await?;
    super::bulk::restore_indexes(&mut tx, deferred).await?;
    super::audit_row(
        &mut tx,
        actor,
        Some(&case.id),
        action,
        &format!("{records} records"),
    )
    .await?;
    tx.commit().await?;
    Ok(crate::ImportReport {
        case_id: case.id.clone(),
        replaced: existing.is_some(),
        records,
    })
}

pub(crate) async fn begin_merge(
    store: &super::PgStore,
    case_id: &str,
    title: Option<&str>,
    dry_run: bool,
    actor: &str,
) -> Result<Box<dyn crate::MergeSession>, crate::StoreError> {
    let keys = store.keys.get().cloned();
    Ok(Box::new(
        super::bulk::begin(&store.pool, keys, case_id, title, dry_run, actor).await?,
    ))
}

pub(crate) async fn list_cases(
    store: &super::PgStore,
) -> Result<Vec<crate::CaseSummary>, crate::StoreError> {
    let rows = sqlx::query(&format!("{} ORDER BY c.id", super::records::SUMMARY_SQL))
        .fetch_all(&store.pool)
        .await?;
    Ok(rows.iter().map(super::records::summary).collect())
}

pub(crate) async fn load_case(
    store: &super::PgStore,
    id: &str,
) -> Result<Option<accord_core::ValidCase>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::case_io::load_case(&mut conn, store.keys(), id).await
}

pub(crate) async fn delete_case(
    store: &super::PgStore,
    id: &str,
    actor: &str,
) -> Result<bool, crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, id).await?;
    let n = sqlx::query("DELETE FROM cases WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n > 0 {
        super::audit(&mut tx, actor, Some(id), "case.delete", "").await?;
    }
    tx.commit().await?;
    Ok(n > 0)
}

pub(crate) async fn audit_log(
    store: &super::PgStore,
    case_id: Option<&str>,
    limit: u32,
) -> Result<Vec<crate::AuditEntry>, crate::StoreError> {
    let rows = sqlx::query(
        "SELECT at, actor, case_id, action, detail FROM audit_log
             WHERE ($1 IS NULL OR case_id = $1) ORDER BY id DESC LIMIT $2",
    )
    .bind(case_id)
    .bind(i64::from(limit))
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| crate::AuditEntry {
            at: r.get("at"),
            actor: r.get("actor"),
            case_id: r.get("case_id"),
            action: r.get("action"),
            detail: r.get("detail"),
        })
        .collect())
}

pub(crate) async fn case_head(
    store: &super::PgStore,
    id: &str,
) -> Result<Option<crate::CaseHead>, crate::StoreError> {
    let row = sqlx::query("SELECT id, title, country, published, version FROM cases WHERE id = $1")
        .bind(id)
        .fetch_optional(&store.pool)
        .await?;
    Ok(row.map(|r| crate::CaseHead {
        id: r.get("id"),
        title: r.get("title"),
        country: r.get("country"),
        published: r.get::<bool, _>("published"),
        version: r.get("version"),
    }))
}

pub(crate) async fn case_summary(
    store: &super::PgStore,
    id: &str,
) -> Result<Option<crate::CaseSummary>, crate::StoreError> {
    let row = sqlx::query(&format!("{} WHERE c.id = $1", super::records::SUMMARY_SQL))
        .bind(id)
        .fetch_optional(&store.pool)
        .await?;
    Ok(row.as_ref().map(super::records::summary))
}

pub(crate) async fn set_published(
    store: &super::PgStore,
    id: &str,
    published: bool,
    actor: &str,
) -> Result<(), crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, id).await?;
    super::version::touch(&mut tx, id).await?;
    sqlx::query("UPDATE cases SET published = $1 WHERE id = $2")
        .bind(published)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let action = if published {
        "case.publish"
    } else {
        "case.unpublish"
    };
    super::audit(&mut tx, actor, Some(id), action, "").await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn load_case_for_status(
    store: &super::PgStore,
    id: &str,
) -> Result<Option<accord_core::ValidCase>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::load_for_status(&mut conn, store.keys(), id).await
}

pub(crate) async fn load_case_for_letters(
    store: &super::PgStore,
    id: &str,
    only: Option<&str>,
) -> Result<Option<accord_core::ValidCase>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::letters_view::load(&mut conn, store.keys(), id, only).await
}

pub(crate) async fn case_refs(
    store: &super::PgStore,
    id: &str,
) -> Result<crate::CaseRefs, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::case_refs(&mut conn, store.keys(), id).await
}

/// A snapshot of a PostgreSQL database as a SQLite file (what `accord backup` holds for either
/// backend, so a backup restores onto SQLite or PostgreSQL alike): every row of every table,
/// read in one `REPEATABLE READ` transaction (consistent while servers keep writing), written by
/// [`crate::copy::copy_database`] into a new file at `path`, which must not exist.
pub(crate) async fn snapshot_into(
    store: &super::PgStore,
    path: &std::path::Path,
) -> Result<(), crate::StoreError> {
    if path.exists() {
        return Err(crate::StoreError::BadPath {
            path: path.display().to_string(),
            reason: "a snapshot is written into a new file, and this one exists".into(),
        });
    }
    let target = path.to_str().ok_or_else(|| crate::StoreError::BadPath {
        path: path.display().to_string(),
        reason: "not valid UTF-8".into(),
    })?;
    // The rows go into a scratch SQLite file beside the snapshot; its connections close in the
    // background after the copy and SQLite may still checkpoint its write-ahead log into it then.
    // The snapshot itself is written from it by VACUUM INTO, on a connection closed before this
    // returns: one plain file that nothing touches after the caller hashes it.
    let scratch = format!("{target}.copying");
    let remove_scratch = || {
        for side in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{scratch}{side}"));
        }
    };
    remove_scratch();
    let written = async {
        crate::copy::copy_database(
            &store.url,
            &scratch,
            crate::copy::Existing::Refuse,
            &|_, _| {},
        )
        .await?;
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&scratch);
        let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect_with(&options).await?;
        sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(&mut conn)
            .await?;
        sqlx::Connection::close(conn).await?;
        Ok::<(), crate::StoreError>(())
    }
    .await;
    remove_scratch();
    if written.is_err() {
        // No half-written snapshot left behind.
        for side in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{target}{side}"));
        }
    }
    written
}

pub(crate) async fn self_review(
    store: &super::PgStore,
    case_id: &str,
) -> Result<bool, crate::StoreError> {
    let v: Option<bool> = sqlx::query_scalar("SELECT self_review FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&store.pool)
        .await?;
    v.ok_or_else(|| crate::StoreError::NoCase(case_id.to_owned()))
}

pub(crate) async fn set_self_review(
    store: &super::PgStore,
    case_id: &str,
    allowed: bool,
    actor: &str,
) -> Result<(), crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, case_id).await?;
    super::version::touch(&mut tx, case_id).await?;
    sqlx::query("UPDATE cases SET self_review = $1 WHERE id = $2")
        .bind(allowed)
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
    let action = if allowed {
        "case.self_review.allow"
    } else {
        "case.self_review.forbid"
    };
    super::audit(&mut tx, actor, Some(case_id), action, "").await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn elections(
    store: &super::PgStore,
    case_id: &str,
) -> Result<Vec<accord_core::ElectionFile>, crate::StoreError> {
    // The same query `load_case` runs for a case's elections, alone: the election pages need
    // these files and nothing else of a case that may hold many thousands of incidents.
    let rows = sqlx::query("SELECT id, json FROM elections WHERE case_id = $1 ORDER BY position")
        .bind(case_id)
        .fetch_all(&store.pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| accord_core::ElectionFile {
            id: r.get("id"),
            json: r.get("json"),
        })
        .collect())
}
