#![doc = include_str!("../README.md")]

mod clock;
mod codec;
mod sqlite;

use std::sync::Arc;

use accord_core::ValidCase;
use async_trait::async_trait;

pub use sqlite::SqliteStore;

/// Persistence for Accord, in domain terms.
///
/// SQLite is one implementation; PostgreSQL will be a second implementation of this same trait
/// (each owning its SQL and migrations), chosen once from the URL scheme by [`open`]. Every method
/// that writes is one transaction: it lands whole or not at all.
#[async_trait]
pub trait Store: Send + Sync + std::fmt::Debug {
    /// Store a whole case. Refuses a case id that exists unless `mode` is [`ImportMode::Replace`].
    async fn import_case(
        &self,
        case: &ValidCase,
        mode: ImportMode,
        actor: &str,
    ) -> Result<ImportReport, StoreError>;

    /// Every case, ordered by id.
    async fn list_cases(&self) -> Result<Vec<CaseSummary>, StoreError>;

    /// A whole case, exactly as imported or last written.
    async fn load_case(&self, id: &str) -> Result<Option<ValidCase>, StoreError>;

    /// Delete a case and everything in it. Returns whether it existed.
    async fn delete_case(&self, id: &str, actor: &str) -> Result<bool, StoreError>;

    /// The most recent audit entries (newest first), optionally for one case.
    async fn audit_log(
        &self,
        case_id: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError>;
}

/// What to do when an imported case already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Refuse: the case exists, and replacing it could lose work done since.
    New,
    /// Replace the stored case wholesale (in one transaction).
    Replace,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub case_id: String,
    pub replaced: bool,
    pub records: usize,
}

/// A line in the list of cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    pub id: String,
    pub title: String,
    pub country: Option<String>,
    pub published: bool,
    pub incidents: u64,
    pub findings: u64,
    pub updated_at: String,
}

/// One audit-log entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub case_id: Option<String>,
    pub action: String,
    pub detail: String,
}

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("case {0:?} already exists (use --replace to replace it)")]
    CaseExists(String),
    #[error("unsupported database URL {url:?}: {reason}")]
    UnsupportedUrl { url: String, reason: String },
    #[error("database {path:?} does not exist (pass --create or run `accord import` to create it)")]
    Missing { path: String },
    #[error("stored data for case {case:?} is inconsistent: {detail}")]
    Corrupt { case: String, detail: String },
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

/// Whether opening a database may create it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Create {
    IfMissing,
    MustExist,
}

/// Open the store a URL names, applying migrations.
///
/// `accord.db`, `./path/x.db` and `sqlite://path` are SQLite files; `postgres://` is reserved for the
/// PostgreSQL implementation; any other scheme is refused rather than creating an empty database
/// somewhere unexpected.
pub async fn open(url: &str, create: Create) -> Result<Arc<dyn Store>, StoreError> {
    match url.split_once("://") {
        None => Ok(Arc::new(SqliteStore::open(url, create).await?)),
        Some(("sqlite", path)) => Ok(Arc::new(SqliteStore::open(path, create).await?)),
        Some(("postgres" | "postgresql", _)) => Err(StoreError::UnsupportedUrl {
            url: url.to_owned(),
            reason: "the PostgreSQL backend is not part of this build yet; use a SQLite file path"
                .into(),
        }),
        Some((scheme, _)) => Err(StoreError::UnsupportedUrl {
            url: url.to_owned(),
            reason: format!(
                "unknown scheme {scheme:?} (expected a file path, sqlite:// or postgres://)"
            ),
        }),
    }
}
