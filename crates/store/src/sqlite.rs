//! The embedded SQLite store: one file, WAL mode, migrations applied on open.
//!
//! SQL lives here and only here; the PostgreSQL implementation will own its own SQL and
//! migrations (`migrations/postgres/`), behind the same `Store` trait.

mod accounts;
mod bulk;
mod case_io;
mod evidence;
mod follow_through;
mod keys;
mod letters_view;
mod log;
mod observations;
mod records;
mod replace;
mod rows;
mod sealing;
mod search_view;
mod signin_limits;
mod signon;
mod translations;
mod version;

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use accord_core::{
    CaseRole, ElectionFile, Finding, FindingStatus, Incident, Source, ValidCase, Verdict,
};
use async_trait::async_trait;
use sqlx::Row;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::{
    Attribution, AuditEntry, CaseHead, CaseRefs, CaseSummary, Create, ImportMode, ImportReport,
    NewSession, Page, PublicAuthor, SaveOutcome, Session, Store, StoreError, TimelineFilter, User,
    clock,
};

/// The SQLite implementation of [`Store`].
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// The instance's data keys, once given ([`Store::use_keys`]): restricted records are sealed
    /// with them (see [`sealing`]).
    keys: Arc<std::sync::OnceLock<Arc<accord_vault::Vault>>>,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

impl SqliteStore {
    /// Open (or, with [`Create::IfMissing`], create) the database file at `path`.
    pub async fn open(path: &str, create: Create) -> Result<SqliteStore, StoreError> {
        if create == Create::MustExist && !Path::new(path).exists() {
            return Err(StoreError::Missing {
                path: path.to_owned(),
            });
        }
        let options = SqliteConnectOptions::from_str(&format!("sqlite:{path}"))?
            .create_if_missing(create == Create::IfMissing)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            // Deleted and overwritten rows are zeroed on disk, not left in free pages: a record
            // restricted after it was stored in the clear keeps no readable copy in the file.
            .pragma("secure_delete", "on")
            // The write-ahead log is cut back to 1 MiB when it restarts rather than keeping old
            // pages at its tail for ever.
            .pragma("journal_size_limit", "1048576")
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(SqliteStore {
            pool,
            keys: Arc::default(),
        })
    }
}

impl SqliteStore {
    /// The keys restricted records are sealed with, if the store was given them.
    fn keys(&self) -> sealing::Keys<'_> {
        self.keys.get()
    }
}

/// Record a write that changes no versioned record: a line of the audit list and one log entry.
pub(crate) async fn audit(
    tx: &mut sqlx::SqliteConnection,
    actor: &str,
    case_id: Option<&str>,
    action: &str,
    detail: &str,
) -> Result<(), StoreError> {
    audit_records(tx, actor, case_id, action, detail, &[], None).await
}

/// Record a write: a line of the audit list, a new version of each record in `records` that
/// changed (each logged, committing to its SHA-256), and one plain log entry when none did.
pub(crate) async fn audit_records(
    tx: &mut sqlx::SqliteConnection,
    actor: &str,
    case_id: Option<&str>,
    action: &str,
    detail: &str,
    records: &[crate::record::RecordBody],
    evidence_sha256: Option<String>,
) -> Result<(), StoreError> {
    audit_sealed(
        tx,
        None,
        actor,
        case_id,
        action,
        detail,
        records,
        evidence_sha256,
    )
    .await
}

/// [`audit_records`] for records that may be restricted: their versions are sealed with `keys`
/// (the store's; a restricted version written without them on an instance that has keys is
/// refused).
#[expect(
    clippy::too_many_arguments,
    reason = "audit_records' arguments and the keys"
)]
pub(crate) async fn audit_sealed(
    tx: &mut sqlx::SqliteConnection,
    keys: Option<Arc<accord_vault::Vault>>,
    actor: &str,
    case_id: Option<&str>,
    action: &str,
    detail: &str,
    records: &[crate::record::RecordBody],
    evidence_sha256: Option<String>,
) -> Result<(), StoreError> {
    let mut writer = log::LogWriter::begin(tx).await?.sealing(keys);
    let mut logged = false;
    if let Some(case) = case_id {
        for body in records {
            logged |= writer
                .version(tx, actor, action, case, body, evidence_sha256.clone())
                .await?;
        }
    }
    if !logged {
        writer
            .append(tx, actor, action, case_id, None, None, evidence_sha256)
            .await?;
    }
    writer.finish(tx).await?;
    audit_row(tx, actor, case_id, action, detail).await
}

/// A line of the audit list (the readable summary; the log is what proves).
async fn audit_row(
    tx: &mut sqlx::SqliteConnection,
    actor: &str,
    case_id: Option<&str>,
    action: &str,
    detail: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, case_id, action, detail) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(clock::now())
    .bind(actor)
    .bind(case_id)
    .bind(action)
    .bind(detail)
    .execute(tx)
    .await?;
    Ok(())
}

#[async_trait]
impl Store for SqliteStore {
    async fn import_case(
        &self,
        case: &ValidCase,
        mode: ImportMode,
        actor: &str,
    ) -> Result<ImportReport, StoreError> {
        let mut tx = self.pool.begin().await?;
        bulk::set_cache(&mut tx, bulk::BULK_CACHE_KIB).await?;
        let existing: Option<i64> = sqlx::query_scalar("SELECT version FROM cases WHERE id = ?")
            .bind(&case.id)
            .fetch_optional(&mut *tx)
            .await?;
        if existing.is_some() && mode == ImportMode::New {
            return Err(StoreError::CaseExists(case.id.clone()));
        }
        let kept = if existing.is_some() {
            replace::clear(&mut tx, &case.id).await?
        } else {
            replace::Kept::default()
        };
        let version = match existing {
            Some(v) => v + 1,
            None => version::fresh(&mut tx).await?,
        };
        let incoming = case.actors.len()
            + case.sources.len()
            + case.incidents.len()
            + case.findings.len()
            + case.evidence.len();
        let deferred = bulk::defer_indexes(&mut tx, incoming).await?;
        let records = case_io::insert_case(&mut tx, self.keys(), case, version).await?;
        replace::restore(&mut tx, &case.id, kept).await?;
        let action = if existing.is_some() {
            "case.replace"
        } else {
            "case.import"
        };
        bulk::log_import(
            &mut tx,
            self.keys.get().cloned(),
            case,
            actor,
            action,
            existing.is_some(),
        )
        .await?;
        audit_row(
            &mut tx,
            actor,
            Some(&case.id),
            action,
            &format!("{records} records"),
        )
        .await?;
        bulk::restore_indexes(&mut tx, deferred).await?;
        bulk::set_cache(&mut tx, bulk::DEFAULT_CACHE_KIB).await?;
        tx.commit().await?;
        Ok(ImportReport {
            case_id: case.id.clone(),
            replaced: existing.is_some(),
            records,
        })
    }

    async fn begin_merge(
        &self,
        case_id: &str,
        title: Option<&str>,
        dry_run: bool,
        actor: &str,
    ) -> Result<Box<dyn crate::MergeSession>, StoreError> {
        let keys = self.keys.get().cloned();
        Ok(Box::new(
            bulk::begin(&self.pool, keys, case_id, title, dry_run, actor).await?,
        ))
    }

    async fn list_cases(&self) -> Result<Vec<CaseSummary>, StoreError> {
        let rows = sqlx::query(&format!("{} ORDER BY c.id", records::SUMMARY_SQL))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(records::summary).collect())
    }

    async fn load_case(&self, id: &str) -> Result<Option<ValidCase>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        case_io::load_case(&mut conn, self.keys(), id).await
    }

    async fn delete_case(&self, id: &str, actor: &str) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let n = sqlx::query("DELETE FROM cases WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n > 0 {
            audit(&mut tx, actor, Some(id), "case.delete", "").await?;
        }
        tx.commit().await?;
        Ok(n > 0)
    }

    async fn audit_log(
        &self,
        case_id: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT at, actor, case_id, action, detail FROM audit_log
             WHERE (?1 IS NULL OR case_id = ?1) ORDER BY id DESC LIMIT ?2",
        )
        .bind(case_id)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| AuditEntry {
                at: r.get("at"),
                actor: r.get("actor"),
                case_id: r.get("case_id"),
                action: r.get("action"),
                detail: r.get("detail"),
            })
            .collect())
    }

    async fn case_head(&self, id: &str) -> Result<Option<CaseHead>, StoreError> {
        let row =
            sqlx::query("SELECT id, title, country, published, version FROM cases WHERE id = ?")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|r| CaseHead {
            id: r.get("id"),
            title: r.get("title"),
            country: r.get("country"),
            published: r.get::<i64, _>("published") != 0,
            version: r.get("version"),
        }))
    }

    async fn case_summary(&self, id: &str) -> Result<Option<CaseSummary>, StoreError> {
        let row = sqlx::query(&format!("{} WHERE c.id = ?", records::SUMMARY_SQL))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(records::summary))
    }

    async fn set_published(
        &self,
        id: &str,
        published: bool,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        version::touch(&mut tx, id).await?;
        sqlx::query("UPDATE cases SET published = ? WHERE id = ?")
            .bind(i64::from(published))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let action = if published {
            "case.publish"
        } else {
            "case.unpublish"
        };
        audit(&mut tx, actor, Some(id), action, "").await?;
        tx.commit().await?;
        Ok(())
    }

    async fn load_case_for_status(&self, id: &str) -> Result<Option<ValidCase>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::load_for_status(&mut conn, self.keys(), id).await
    }

    async fn load_case_for_letters(
        &self,
        id: &str,
        only: Option<&str>,
    ) -> Result<Option<ValidCase>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        letters_view::load(&mut conn, self.keys(), id, only).await
    }

    async fn case_refs(&self, id: &str) -> Result<CaseRefs, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::case_refs(&mut conn, self.keys(), id).await
    }

    async fn known_refs(
        &self,
        case_id: &str,
        actors: &[String],
        sources: &[String],
    ) -> Result<crate::KnownRefs, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::known_refs(&mut conn, case_id, actors, sources).await
    }

    async fn incidents(&self, case_id: &str, ids: &[String]) -> Result<Vec<Incident>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::incidents_by_id(&mut conn, self.keys(), case_id, ids).await
    }

    async fn sources(
        &self,
        case_id: &str,
        ids: &[String],
    ) -> Result<Vec<accord_core::Source>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::sources_by_id(&mut conn, self.keys(), case_id, ids).await
    }

    async fn sources_in_order(
        &self,
        case_id: &str,
        after: Option<i64>,
        limit: u32,
    ) -> Result<Vec<(i64, accord_core::Source)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::sources_in_order(&mut conn, self.keys(), case_id, after, limit).await
    }

    async fn hidden(
        &self,
        case_id: &str,
        audience: &crate::Audience,
    ) -> Result<crate::Hidden, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::hidden(&mut conn, case_id, audience).await
    }

    async fn timeline(
        &self,
        case_id: &str,
        filter: &TimelineFilter,
        limit: u32,
        offset: u64,
    ) -> Result<Page<Incident>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::timeline(&mut conn, self.keys(), case_id, filter, limit, offset).await
    }

    async fn findings_of_incident(
        &self,
        case_id: &str,
        incident_id: &str,
    ) -> Result<Vec<Finding>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::findings_of_incident(&mut conn, case_id, incident_id).await
    }

    async fn save_incident(
        &self,
        case_id: &str,
        incident: &Incident,
        actor: &str,
    ) -> Result<SaveOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let outcome =
            records::save_incident(&mut tx, self.keys(), case_id, incident, actor).await?;
        tx.commit().await?;
        Ok(outcome)
    }

    async fn save_incident_with_source(
        &self,
        case_id: &str,
        source: &Source,
        incident: &Incident,
        actor: &str,
    ) -> Result<SaveOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        records::add_source(&mut tx, self.keys(), case_id, source, actor).await?;
        let outcome =
            records::save_incident(&mut tx, self.keys(), case_id, incident, actor).await?;
        tx.commit().await?;
        Ok(outcome)
    }

    async fn add_evidence(
        &self,
        case_id: &str,
        evidence: &accord_core::Evidence,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        evidence::add_evidence_in(&mut tx, self.keys(), case_id, evidence, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn evidence(
        &self,
        case_id: &str,
        id: &str,
    ) -> Result<Option<accord_core::Evidence>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(
            evidence::load(&mut conn, self.keys(), case_id, evidence::Select::Id(id))
                .await?
                .pop(),
        )
    }

    async fn evidence_of_incident(
        &self,
        case_id: &str,
        incident_id: &str,
    ) -> Result<Vec<accord_core::Evidence>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        evidence::load(
            &mut conn,
            self.keys(),
            case_id,
            evidence::Select::Incident(incident_id),
        )
        .await
    }

    async fn add_custody(
        &self,
        case_id: &str,
        evidence_id: &str,
        event: &accord_core::CustodyEvent,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        evidence::add_custody_in(&mut tx, case_id, evidence_id, event).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn referenced_blobs(&self) -> Result<Vec<String>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT DISTINCT sha256 FROM evidence ORDER BY sha256")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    async fn snapshot_into(&self, path: &std::path::Path) -> Result<(), StoreError> {
        let bad = |reason: &str| StoreError::BadPath {
            path: path.display().to_string(),
            reason: reason.to_owned(),
        };
        let text = path.to_str().ok_or_else(|| bad("not a UTF-8 path"))?;
        if path.exists() {
            return Err(bad("exists already: a snapshot goes into a new file"));
        }
        // VACUUM INTO reads one snapshot of the database (a read transaction: writers on other
        // connections go on, in WAL mode) and writes it, compacted, to a new file.
        sqlx::query("VACUUM INTO ?")
            .bind(text)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn history(
        &self,
        case_id: &str,
        kind: crate::RecordKind,
        id: &str,
    ) -> Result<Vec<crate::RecordVersion>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        log::history(&mut conn, self.keys(), case_id, kind, id).await
    }

    async fn latest_versions(
        &self,
        case_id: &str,
    ) -> Result<Vec<(crate::RecordKind, String, crate::RecordVersion)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        log::latest_versions(&mut conn, self.keys(), case_id).await
    }

    async fn log_head(&self) -> Result<(u64, [u8; 32]), StoreError> {
        let mut conn = self.pool.acquire().await?;
        log::head(&mut conn).await
    }

    async fn log_entries(
        &self,
        from: u64,
        limit: u32,
    ) -> Result<Vec<(crate::LogEntry, [u8; 32])>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        log::entries(&mut conn, from, limit).await
    }

    async fn log_entries_of(
        &self,
        case_id: &str,
        records: &[String],
    ) -> Result<Vec<crate::LogEntry>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        log::entries_of_records(&mut conn, case_id, records).await
    }

    async fn finding_confirmation(
        &self,
        case_id: &str,
        finding_id: &str,
    ) -> Result<Vec<(String, u32, String)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::confirmation(&mut conn, case_id, finding_id).await
    }

    async fn self_review(&self, case_id: &str) -> Result<bool, StoreError> {
        let v: Option<i64> = sqlx::query_scalar("SELECT self_review FROM cases WHERE id = ?")
            .bind(case_id)
            .fetch_optional(&self.pool)
            .await?;
        v.map(|v| v != 0)
            .ok_or_else(|| StoreError::NoCase(case_id.to_owned()))
    }

    async fn set_self_review(
        &self,
        case_id: &str,
        allowed: bool,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        version::touch(&mut tx, case_id).await?;
        sqlx::query("UPDATE cases SET self_review = ? WHERE id = ?")
            .bind(i64::from(allowed))
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        let action = if allowed {
            "case.self_review.allow"
        } else {
            "case.self_review.forbid"
        };
        audit(&mut tx, actor, Some(case_id), action, "").await?;
        tx.commit().await?;
        Ok(())
    }

    async fn add_checkpoint(
        &self,
        size: u64,
        note: &str,
        frontier: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        log::add_checkpoint(&mut conn, size, note, frontier).await
    }

    async fn latest_checkpoint(&self) -> Result<Option<crate::StoredCheckpoint>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        log::latest_checkpoint(&mut conn).await
    }

    async fn log_frontier(&self) -> Result<Vec<u8>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(log::head_frontier(&mut conn).await?.to_bytes())
    }

    async fn checkpoints(&self) -> Result<Vec<crate::StoredCheckpoint>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        log::checkpoints(&mut conn).await
    }

    async fn add_source(
        &self,
        case_id: &str,
        source: &Source,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        records::add_source(&mut tx, self.keys(), case_id, source, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn add_finding(
        &self,
        case_id: &str,
        finding: &Finding,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        records::add_finding(&mut tx, case_id, finding, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_finding_status(
        &self,
        case_id: &str,
        finding_id: &str,
        status: FindingStatus,
        reviewer: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        records::set_finding_status(&mut tx, case_id, finding_id, status, reviewer).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn observations(
        &self,
        case_id: &str,
    ) -> Result<Vec<accord_core::Observation>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        observations::load(&mut conn, case_id).await
    }

    async fn add_observations(
        &self,
        case_id: &str,
        new: &[accord_core::Observation],
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        observations::add(&mut tx, case_id, new, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_observation_status(
        &self,
        case_id: &str,
        observation_id: &str,
        status: accord_core::ObservationStatus,
        reviewer: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        observations::set_status(&mut tx, case_id, observation_id, status, reviewer).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn follow_through(
        &self,
        case_id: &str,
    ) -> Result<Vec<accord_core::FollowThrough>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        follow_through::load(&mut conn, case_id).await
    }

    async fn add_follow_through(
        &self,
        case_id: &str,
        record: &accord_core::FollowThrough,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        follow_through::add(&mut tx, case_id, record, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn save_translation(
        &self,
        case_id: &str,
        record: &accord_core::RecordLanguages,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        translations::save(&mut tx, case_id, record, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_case_language(
        &self,
        case_id: &str,
        language: Option<&str>,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        translations::set_language(&mut tx, case_id, language, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn record_languages(
        &self,
        case_id: &str,
        kind: accord_core::TextKind,
        ids: &[String],
    ) -> Result<Vec<accord_core::RecordLanguages>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        translations::of_records(&mut conn, case_id, kind, ids).await
    }

    async fn search_records(
        &self,
        case_id: &str,
        ids: crate::RecordIds<'_>,
    ) -> Result<Option<crate::SearchRecords>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        search_view::load(&mut conn, self.keys(), case_id, ids).await
    }

    async fn actors_page(
        &self,
        case_id: &str,
        pick: crate::PagePick,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<accord_core::Actor>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        search_view::actors_page(&mut conn, self.keys(), case_id, pick, after, limit).await
    }

    async fn sources_page(
        &self,
        case_id: &str,
        pick: crate::PagePick,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<accord_core::Source>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        search_view::sources_page(&mut conn, self.keys(), case_id, pick, after, limit).await
    }

    async fn all_incidents(
        &self,
        after: Option<(String, String)>,
        limit: u32,
    ) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::all_incidents(&mut conn, self.keys(), after, limit).await
    }

    async fn restricted_incidents(
        &self,
    ) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::restricted_incidents(&mut conn, self.keys()).await
    }

    async fn verdicts_of(
        &self,
        case_id: &str,
        incident_ids: &[String],
    ) -> Result<Vec<(String, Vec<Verdict>)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records::verdicts_of(&mut conn, case_id, incident_ids).await
    }

    async fn create_user(
        &self,
        email: &str,
        password_hash: &str,
        is_admin: bool,
    ) -> Result<User, StoreError> {
        let mut tx = self.pool.begin().await?;
        let user = accounts::create_user(&mut tx, email, password_hash, is_admin).await?;
        tx.commit().await?;
        Ok(user)
    }

    async fn user_by_email(&self, email: &str) -> Result<Option<(User, String)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::user_by_email(&mut conn, email).await
    }

    async fn create_session(&self, session: &NewSession) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::create_session(&mut conn, session, None).await
    }

    async fn session(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<Option<Session>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::session(&mut conn, token_sha256, now_unix).await
    }

    async fn delete_session(&self, token_sha256: &str) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::delete_session(&mut conn, token_sha256).await
    }

    async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        token_sha256: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        accounts::create_api_token(&mut tx, user_id, name, token_sha256).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn user_by_api_token(&self, token_sha256: &str) -> Result<Option<User>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::user_by_api_token(&mut conn, token_sha256).await
    }

    async fn set_role(
        &self,
        case_id: &str,
        user_id: i64,
        role: Option<CaseRole>,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        accounts::set_role(&mut tx, case_id, user_id, role, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn role(&self, case_id: &str, user_id: i64) -> Result<Option<CaseRole>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::role(&mut conn, case_id, user_id).await
    }

    async fn members(&self, case_id: &str) -> Result<Vec<(User, CaseRole)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::members(&mut conn, case_id).await
    }

    async fn roles_of_user(&self, user_id: i64) -> Result<Vec<(String, CaseRole)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::roles_of_user(&mut conn, user_id).await
    }

    async fn start_session(
        &self,
        session: &NewSession,
        address: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::create_session(&mut conn, session, address).await
    }

    async fn touch_session(
        &self,
        token_sha256: &str,
        now_unix: i64,
        idle_secs: i64,
    ) -> Result<Option<Session>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::touch_session(&mut conn, token_sha256, now_unix, idle_secs).await
    }

    async fn sessions_of(
        &self,
        user_id: i64,
        now_unix: i64,
        idle_secs: i64,
    ) -> Result<Vec<crate::SessionInfo>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::sessions_of(&mut conn, user_id, now_unix, idle_secs).await
    }

    async fn end_sessions(
        &self,
        user_id: i64,
        keep: Option<&str>,
        actor: &str,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let ended = accounts::end_sessions(&mut tx, user_id, keep, actor).await?;
        tx.commit().await?;
        Ok(ended)
    }

    async fn purge_sessions(&self, now_unix: i64, idle_secs: i64) -> Result<u64, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::purge_sessions(&mut conn, now_unix, idle_secs).await
    }

    async fn set_password(
        &self,
        user_id: i64,
        password_hash: &str,
        keep: Option<&str>,
        actor: &str,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let ended = accounts::set_password(&mut tx, user_id, password_hash, keep, actor).await?;
        tx.commit().await?;
        Ok(ended)
    }

    async fn set_disabled(
        &self,
        email: &str,
        disabled: bool,
        actor: &str,
    ) -> Result<User, StoreError> {
        let mut tx = self.pool.begin().await?;
        let user = accounts::set_disabled(&mut tx, email, disabled, actor).await?;
        tx.commit().await?;
        Ok(user)
    }

    async fn delete_user(&self, email: &str, actor: &str) -> Result<User, StoreError> {
        let mut tx = self.pool.begin().await?;
        let user = accounts::delete_user(&mut tx, email, actor).await?;
        tx.commit().await?;
        Ok(user)
    }

    async fn add_api_token(
        &self,
        user_id: i64,
        token: &crate::NewApiToken,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        accounts::add_api_token(&mut tx, user_id, token, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn api_tokens(&self, user_id: i64) -> Result<Vec<crate::ApiTokenInfo>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::api_tokens(&mut conn, user_id).await
    }

    async fn revoke_api_token(
        &self,
        user_id: i64,
        name: &str,
        actor: &str,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let revoked = accounts::revoke_api_token(&mut tx, user_id, name, actor).await?;
        tx.commit().await?;
        Ok(revoked)
    }

    async fn api_token(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<Option<crate::TokenGrant>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::api_token(&mut conn, token_sha256, now_unix).await
    }

    async fn set_attribution(
        &self,
        user_id: i64,
        attribution: &Attribution,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        accounts::set_attribution(&mut tx, user_id, attribution, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn attribution(&self, user_id: i64) -> Result<Attribution, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::attribution(&mut conn, user_id).await
    }

    async fn public_authors(&self, case_id: &str) -> Result<Vec<PublicAuthor>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        accounts::public_authors(&mut conn, case_id).await
    }

    async fn log_account_event(
        &self,
        actor: &str,
        action: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        audit(&mut tx, actor, None, action, detail).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn update_signin_limits(
        &self,
        keys: &[crate::SigninKey],
        now_ms: i64,
        max_entries: u64,
        update: crate::SigninUpdate<'_>,
    ) -> Result<Option<u64>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let answer =
            signin_limits::update_signin_limits(&mut tx, keys, now_ms, max_entries, update).await?;
        tx.commit().await?;
        Ok(answer)
    }

    async fn signin_limit_entries(&self) -> Result<u64, StoreError> {
        let mut conn = self.pool.acquire().await?;
        signin_limits::signin_limit_entries(&mut conn).await
    }

    async fn elections(&self, case_id: &str) -> Result<Vec<ElectionFile>, StoreError> {
        // The same query `load_case` runs for a case's elections, alone: the election pages need
        // these files and nothing else of a case that may hold many thousands of incidents.
        let rows =
            sqlx::query("SELECT id, json FROM elections WHERE case_id = ? ORDER BY position")
                .bind(case_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|r| ElectionFile {
                id: r.get("id"),
                json: r.get("json"),
            })
            .collect())
    }

    // --- The instance's keys (see `sqlite/keys.rs`) ------------------------------------------

    async fn vault_keys(&self) -> Result<Option<crate::VaultKeys>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        keys::load(&mut conn).await
    }

    async fn init_vault_keys(
        &self,
        new: &crate::NewVaultKeys,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        keys::init(&mut tx, new, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    fn use_keys(&self, vault: Arc<accord_vault::Vault>) -> Result<(), StoreError> {
        self.keys.set(vault).map_err(|_| {
            StoreError::Conflict("the store was given the instance's keys already".into())
        })
    }

    async fn seal_restricted(&self, actor: &str) -> Result<u64, StoreError> {
        let Some(vault) = self.keys.get() else {
            return Err(StoreError::Sealed {
                what: "instance",
                id: String::new(),
                reason: "sealing restricted records needs the instance's keys".into(),
            });
        };
        let mut tx = self.pool.begin().await?;
        let sealed = sealing::seal_all(&mut tx, vault).await?;
        if sealed > 0 {
            audit(
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

    async fn rewrap_vault_keys(
        &self,
        rewrap: &crate::Rewrap,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        keys::rewrap(&mut tx, rewrap, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    // --- Letters and sign-on (see `sqlite/signon.rs`) -----------------------------------------

    async fn save_letter(
        &self,
        case_id: &str,
        letter: &accord_core::Letter,
        pin_sha256: Option<&str>,
        actor: &str,
    ) -> Result<SaveOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let outcome = signon::save_letter(&mut tx, case_id, letter, pin_sha256, actor).await?;
        tx.commit().await?;
        Ok(outcome)
    }

    async fn invite_signatory(
        &self,
        case_id: &str,
        letter_id: &str,
        invitation: &crate::NewInvitation,
        actor: &str,
    ) -> Result<u32, StoreError> {
        let mut tx = self.pool.begin().await?;
        let position = signon::invite(&mut tx, case_id, letter_id, invitation, actor).await?;
        tx.commit().await?;
        Ok(position)
    }

    async fn renew_sign_link(
        &self,
        case_id: &str,
        letter_id: &str,
        position: u32,
        link: &crate::NewLink,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        signon::renew_sign_link(&mut tx, case_id, letter_id, position, link, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn signon_link(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<Option<crate::SignOnLink>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        signon::link(&mut conn, token_sha256, now_unix).await
    }

    async fn sign_letter(
        &self,
        token_sha256: &str,
        signature: &crate::NewSignature,
        now_unix: i64,
    ) -> Result<crate::LinkOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let outcome = signon::sign(&mut tx, token_sha256, signature, now_unix).await?;
        tx.commit().await?;
        Ok(outcome)
    }

    async fn sign_letter_version(
        &self,
        token_sha256: &str,
        lang: &str,
        signature: &crate::NewSignature,
        now_unix: i64,
    ) -> Result<crate::LinkOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let outcome =
            signon::sign_version(&mut tx, token_sha256, lang, signature, now_unix).await?;
        tx.commit().await?;
        Ok(outcome)
    }

    async fn decline_letter(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<crate::LinkOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let outcome =
            signon::decline_or_withdraw(&mut tx, token_sha256, crate::LinkPurpose::Sign, now_unix)
                .await?;
        tx.commit().await?;
        Ok(outcome)
    }

    async fn withdraw_signature(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<crate::LinkOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let outcome = signon::decline_or_withdraw(
            &mut tx,
            token_sha256,
            crate::LinkPurpose::Withdraw,
            now_unix,
        )
        .await?;
        tx.commit().await?;
        Ok(outcome)
    }

    async fn verify_signatory(
        &self,
        case_id: &str,
        letter_id: &str,
        position: u32,
        actor: &str,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let changed = signon::verify(&mut tx, case_id, letter_id, position, actor).await?;
        tx.commit().await?;
        Ok(changed)
    }

    async fn signon_entries(
        &self,
        case_id: &str,
        letter_id: &str,
        now_unix: i64,
    ) -> Result<Vec<crate::SignOnEntry>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        signon::entries(&mut conn, case_id, letter_id, now_unix).await
    }
}
