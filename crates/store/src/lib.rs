#![doc = include_str!("../README.md")]

mod clock;
mod codec;
mod sqlite;

use std::sync::Arc;

use accord_core::{
    CaseRole, Day, Finding, FindingStatus, Incident, IncidentKind, Source, ValidCase, Verdict,
};
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

    // --- Cases as the web sees them -------------------------------------------------------

    /// The few fields every request about a case needs (cheap: no counting).
    async fn case_head(&self, id: &str) -> Result<Option<CaseHead>, StoreError>;

    /// One case's summary (with its `published` flag and version), if it exists.
    async fn case_summary(&self, id: &str) -> Result<Option<CaseSummary>, StoreError>;

    /// Publish (read-only, to everyone) or unpublish a case.
    async fn set_published(&self, id: &str, published: bool, actor: &str)
    -> Result<(), StoreError>;

    /// What a trigger evaluation needs, and no more: instruments, actors, mechanisms, all findings,
    /// the incidents those findings name and the sources of those incidents. A case with many
    /// thousands of incidents evaluates from this without loading them all.
    async fn load_case_for_status(&self, id: &str) -> Result<Option<ValidCase>, StoreError>;

    /// Ids and names a form needs to check and suggest references.
    async fn case_refs(&self, id: &str) -> Result<CaseRefs, StoreError>;

    /// Incidents by id, in the order asked for (missing ids are skipped).
    async fn incidents(&self, case_id: &str, ids: &[String]) -> Result<Vec<Incident>, StoreError>;

    /// A page of the timeline, newest first, with the total count for paging.
    async fn timeline(
        &self,
        case_id: &str,
        filter: &TimelineFilter,
        limit: u32,
        offset: u64,
    ) -> Result<Page<Incident>, StoreError>;

    /// Findings that name an incident.
    async fn findings_of_incident(
        &self,
        case_id: &str,
        incident_id: &str,
    ) -> Result<Vec<Finding>, StoreError>;

    /// Create or replace one incident (by id). The caller has validated it against `case_refs`.
    async fn save_incident(
        &self,
        case_id: &str,
        incident: &Incident,
        actor: &str,
    ) -> Result<SaveOutcome, StoreError>;

    /// Add a source. Refuses an id that exists.
    async fn add_source(
        &self,
        case_id: &str,
        source: &Source,
        actor: &str,
    ) -> Result<(), StoreError>;

    /// Add a finding. Refuses an id that exists.
    async fn add_finding(
        &self,
        case_id: &str,
        finding: &Finding,
        actor: &str,
    ) -> Result<(), StoreError>;

    /// Confirm, retract or return a finding to draft; records the reviewer.
    async fn set_finding_status(
        &self,
        case_id: &str,
        finding_id: &str,
        status: FindingStatus,
        reviewer: &str,
    ) -> Result<(), StoreError>;

    /// Every incident of every case, in batches, for (re)building the search index.
    async fn all_incidents(
        &self,
        after: Option<(String, String)>,
        limit: u32,
    ) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError>;

    /// The verdicts of the confirmed findings that name each of these incidents.
    async fn verdicts_of(
        &self,
        case_id: &str,
        incident_ids: &[String],
    ) -> Result<Vec<(String, Vec<Verdict>)>, StoreError>;

    // --- Accounts ------------------------------------------------------------------------

    async fn create_user(
        &self,
        email: &str,
        password_hash: &str,
        is_admin: bool,
    ) -> Result<User, StoreError>;
    /// A user and their password hash, for signing in.
    async fn user_by_email(&self, email: &str) -> Result<Option<(User, String)>, StoreError>;
    async fn create_session(&self, session: &NewSession) -> Result<(), StoreError>;
    /// A live session (expired ones are not returned).
    async fn session(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<Option<Session>, StoreError>;
    async fn delete_session(&self, token_sha256: &str) -> Result<(), StoreError>;
    async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        token_sha256: &str,
    ) -> Result<(), StoreError>;
    async fn user_by_api_token(&self, token_sha256: &str) -> Result<Option<User>, StoreError>;
    /// Give a user a role in a case, or (`None`) remove them.
    async fn set_role(
        &self,
        case_id: &str,
        user_id: i64,
        role: Option<CaseRole>,
        actor: &str,
    ) -> Result<(), StoreError>;
    async fn role(&self, case_id: &str, user_id: i64) -> Result<Option<CaseRole>, StoreError>;
    async fn members(&self, case_id: &str) -> Result<Vec<(User, CaseRole)>, StoreError>;
    /// Every case a user is a member of, with the role.
    async fn roles_of_user(&self, user_id: i64) -> Result<Vec<(String, CaseRole)>, StoreError>;
}

/// What every request about a case needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseHead {
    pub id: String,
    pub title: String,
    pub country: Option<String>,
    pub published: bool,
    pub version: i64,
}

/// Result of saving a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveOutcome {
    Created,
    Updated,
}

/// A signed-in person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub is_admin: bool,
}

/// A session to store; only the SHA-256 of the cookie's secret is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub token_sha256: String,
    pub user_id: i64,
    pub csrf: String,
    pub expires_unix: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: User,
    pub csrf: String,
    pub expires_unix: i64,
}

/// Timeline filters; every field narrows the result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineFilter {
    pub kinds: Vec<IncidentKind>,
    pub actor: Option<String>,
    pub theme: Option<String>,
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Only incidents behind a confirmed finding with this verdict.
    pub verdict: Option<Verdict>,
}

/// A page of results and the total they were taken from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub total: u64,
    pub items: Vec<T>,
}

/// The ids and labels of a case's records, for checking and suggesting references in forms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseRefs {
    /// (id, name)
    pub actors: Vec<(String, String)>,
    /// (id, title)
    pub sources: Vec<(String, String)>,
    /// Canonical citations, in instrument order.
    pub provisions: Vec<String>,
    pub themes: Vec<String>,
    pub incident_count: u64,
}

impl CaseRefs {
    pub fn has_actor(&self, id: &str) -> bool {
        self.actors.iter().any(|(a, _)| a == id)
    }
    pub fn has_source(&self, id: &str) -> bool {
        self.sources.iter().any(|(s, _)| s == id)
    }
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
    /// Bumped by every write to the case; caches of derived state compare it.
    pub version: i64,
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
    #[error("no case {0:?}")]
    NoCase(String),
    #[error("{what} {id:?} already exists")]
    Exists { what: &'static str, id: String },
    #[error("no {what} {id:?}")]
    NotFound { what: &'static str, id: String },
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
