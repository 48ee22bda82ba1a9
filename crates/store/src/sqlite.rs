//! The embedded SQLite store: one file, WAL mode, migrations applied on open.
//!
//! SQL lives here and only here; the PostgreSQL implementation will own its own SQL and
//! migrations (`migrations/postgres/`), behind the same `Store` trait.

mod case_io;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use accord_core::ValidCase;
use async_trait::async_trait;
use sqlx::Row;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::{AuditEntry, CaseSummary, Create, ImportMode, ImportReport, Store, StoreError, clock};

/// The SQLite implementation of [`Store`].
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
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
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(SqliteStore { pool })
    }
}

pub(crate) async fn audit(
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
        let existing: Option<i64> = sqlx::query_scalar("SELECT version FROM cases WHERE id = ?")
            .bind(&case.id)
            .fetch_optional(&mut *tx)
            .await?;
        if existing.is_some() && mode == ImportMode::New {
            return Err(StoreError::CaseExists(case.id.clone()));
        }
        if existing.is_some() {
            sqlx::query("DELETE FROM cases WHERE id = ?")
                .bind(&case.id)
                .execute(&mut *tx)
                .await?;
        }
        let version = existing.map_or(1, |v| v + 1);
        let records = case_io::insert_case(&mut tx, case, version).await?;
        let action = if existing.is_some() {
            "case.replace"
        } else {
            "case.import"
        };
        audit(
            &mut tx,
            actor,
            Some(&case.id),
            action,
            &format!("{records} records"),
        )
        .await?;
        tx.commit().await?;
        Ok(ImportReport {
            case_id: case.id.clone(),
            replaced: existing.is_some(),
            records,
        })
    }

    async fn list_cases(&self) -> Result<Vec<CaseSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, c.title, c.country, c.published, c.updated_at,
                    (SELECT COUNT(*) FROM incidents i WHERE i.case_id = c.id) AS incidents,
                    (SELECT COUNT(*) FROM findings f WHERE f.case_id = c.id) AS findings
             FROM cases c ORDER BY c.id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| CaseSummary {
                id: r.get("id"),
                title: r.get("title"),
                country: r.get("country"),
                published: r.get::<i64, _>("published") != 0,
                incidents: u64::try_from(r.get::<i64, _>("incidents")).unwrap_or(0),
                findings: u64::try_from(r.get::<i64, _>("findings")).unwrap_or(0),
                updated_at: r.get("updated_at"),
            })
            .collect())
    }

    async fn load_case(&self, id: &str) -> Result<Option<ValidCase>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        case_io::load_case(&mut conn, id).await
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
}
