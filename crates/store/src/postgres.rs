//! The PostgreSQL store: the same [`Store`] as SQLite, for a coalition that outgrows one machine
//! (several servers on one database).
//!
//! Each method of the trait is one function of a module below, named like the method and taking
//! the store first; the modules own their SQL, as `sqlite/*.rs` do. What is not SQL (the
//! record codec, the sign-on rules, attribution) is shared with SQLite in the crate's
//! backend-independent modules. Migrations are `migrations/postgres/`, numbered on their own,
//! applied on open.
//!
//! SQLite serialises writers; PostgreSQL does not, so every write here takes the locks that make
//! its read-check-write atomic: the log's right edge is appended by one writer at a time (a
//! transaction-scoped advisory lock, see `log.rs`), and a write that checks a case first locks
//! its row.

mod accounts;
mod bulk;
mod case_io;
mod cases;
mod copy_in;
mod evidence;
mod follow_through;
mod group;
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

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use accord_core::{
    CaseRole, ElectionFile, Finding, FindingStatus, Incident, Observation, ObservationStatus,
    Source, ValidCase, Verdict,
};
use async_trait::async_trait;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

use crate::{
    ApiTokenInfo, Attribution, Audience, AuditEntry, CaseHead, CaseRefs, CaseSummary, Hidden,
    ImportMode, ImportReport, LinkOutcome, LogEntry, MergeSession, NewApiToken, NewInvitation,
    NewLink, NewSession, NewSignature, NewVaultKeys, Page, PublicAuthor, RecordKind, RecordVersion,
    Rewrap, SaveOutcome, Session, SessionInfo, SignOnEntry, SignOnLink, Store, StoreError,
    StoredCheckpoint, TimelineFilter, TokenGrant, User, VaultKeys,
};

/// The PostgreSQL implementation of [`Store`].
#[derive(Clone)]
pub struct PgStore {
    pool: PgPool,
    /// The URL it was opened with: a snapshot ([`Store::snapshot_into`]) reads the database
    /// through a connection of its own.
    url: String,
    /// The instance's data keys, once given ([`Store::use_keys`]): restricted records are sealed
    /// with them, as in the SQLite store.
    keys: Arc<std::sync::OnceLock<Arc<accord_vault::Vault>>>,
    /// Incident saves arriving together are written as one group (`group.rs`).
    group: Arc<group::Combiner>,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// How long a pooled connection may sit idle before it is checked (pinged) as it is handed out.
const IDLE_BEFORE_PING: Duration = Duration::from_secs(10);

/// Shown without the URL's password.
impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("url", &redact(&self.url))
            .finish_non_exhaustive()
    }
}

impl PgStore {
    /// Connect to the database `url` names (`postgres://` or `postgresql://`), check that it is
    /// Accord's (or empty) and no newer than this binary, and apply the migrations it lacks.
    ///
    /// Nothing is written to a database that fails a check.
    pub async fn open(url: &str) -> Result<PgStore, StoreError> {
        let unusable = |reason: String| StoreError::Unusable {
            url: redact(url),
            reason,
        };
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| unusable(format!("not a PostgreSQL URL: {e}")))?;
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            // sqlx pings every connection it hands out by default: one more round trip to the
            // server for each query of a page (most pages read one row, the case's version).
            // Only a connection that sat idle a while is checked; one that breaks under a busy
            // server fails its query and is dropped from the pool.
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for > IDLE_BEFORE_PING {
                        sqlx::Connection::ping(conn).await?;
                    }
                    Ok(true)
                })
            })
            .connect_with(options)
            .await
            .map_err(|e| unusable(connect_problem(&e)))?;
        check_schema(&pool).await.map_err(|e| match e {
            Refusal::Store(e) => e,
            Refusal::Problem(reason) => unusable(reason),
        })?;
        MIGRATOR.run(&pool).await?;
        Ok(PgStore {
            pool,
            url: url.to_owned(),
            keys: Arc::default(),
            group: Arc::default(),
        })
    }

    /// The keys restricted records are sealed with, if the store was given them.
    fn keys(&self) -> sealing::Keys<'_> {
        self.keys.get()
    }
}

/// Record a write that changes no versioned record: a line of the audit list and one log entry.
pub(crate) async fn audit(
    tx: &mut sqlx::PgConnection,
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
    tx: &mut sqlx::PgConnection,
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
    tx: &mut sqlx::PgConnection,
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
    tx: &mut sqlx::PgConnection,
    actor: &str,
    case_id: Option<&str>,
    action: &str,
    detail: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, case_id, action, detail) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(crate::clock::now())
    .bind(actor)
    .bind(case_id)
    .bind(action)
    .bind(detail)
    .execute(tx)
    .await?;
    Ok(())
}

/// Why a database is refused at open.
enum Refusal {
    Store(StoreError),
    Problem(String),
}

impl From<sqlx::Error> for Refusal {
    fn from(e: sqlx::Error) -> Self {
        Refusal::Store(e.into())
    }
}

/// Refuse a database that holds another application's tables, or a schema this binary does not
/// know (migrations applied by a newer Accord).
async fn check_schema(pool: &PgPool) -> Result<(), Refusal> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = current_schema() ORDER BY table_name",
    )
    .fetch_all(pool)
    .await?;
    if tables.is_empty() {
        return Ok(());
    }
    if !tables.iter().any(|t| t == "_sqlx_migrations") {
        let shown: Vec<&str> = tables.iter().take(5).map(String::as_str).collect();
        let more = if tables.len() > 5 { ", …" } else { "" };
        return Err(Refusal::Problem(format!(
            "the database holds tables that are not Accord's ({}{more}) and no record of Accord's \
             migrations; give Accord an empty database of its own",
            shown.join(", ")
        )));
    }
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
            .fetch_all(pool)
            .await?;
    let known: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
    if let Some(newer) = applied.iter().find(|v| !known.contains(v)) {
        return Err(Refusal::Problem(format!(
            "the database's schema is newer than this binary (it has migration {newer}, which \
             this Accord does not know); run a newer Accord, or restore a backup made by this one"
        )));
    }
    Ok(())
}

/// What went wrong connecting, in the operator's terms.
fn connect_problem(e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Database(db) => match db.code().as_deref() {
            Some("28P01" | "28000") => {
                format!("the server refused the user name or password: {db}")
            }
            Some("3D000") => format!("the database does not exist (create it first): {db}"),
            _ => format!("the server refused the connection: {db}"),
        },
        sqlx::Error::Io(io) => format!("cannot reach the server: {io}"),
        sqlx::Error::PoolTimedOut => "cannot reach the server (no answer within 10 s)".into(),
        sqlx::Error::Tls(tls) => format!("the TLS connection failed: {tls}"),
        other => format!("cannot connect: {other}"),
    }
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[async_trait]
impl Store for PgStore {
    async fn import_case(
        &self,
        case: &ValidCase,
        mode: ImportMode,
        actor: &str,
    ) -> Result<ImportReport, StoreError> {
        cases::import_case(self, case, mode, actor).await
    }

    async fn begin_merge(
        &self,
        case_id: &str,
        title: Option<&str>,
        dry_run: bool,
        actor: &str,
    ) -> Result<Box<dyn MergeSession>, StoreError> {
        cases::begin_merge(self, case_id, title, dry_run, actor).await
    }

    async fn list_cases(&self) -> Result<Vec<CaseSummary>, StoreError> {
        cases::list_cases(self).await
    }

    async fn load_case(&self, id: &str) -> Result<Option<ValidCase>, StoreError> {
        cases::load_case(self, id).await
    }

    async fn delete_case(&self, id: &str, actor: &str) -> Result<bool, StoreError> {
        cases::delete_case(self, id, actor).await
    }

    async fn audit_log(
        &self,
        case_id: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        cases::audit_log(self, case_id, limit).await
    }

    async fn case_head(&self, id: &str) -> Result<Option<CaseHead>, StoreError> {
        cases::case_head(self, id).await
    }

    async fn case_summary(&self, id: &str) -> Result<Option<CaseSummary>, StoreError> {
        cases::case_summary(self, id).await
    }

    async fn set_published(
        &self,
        id: &str,
        published: bool,
        actor: &str,
    ) -> Result<(), StoreError> {
        cases::set_published(self, id, published, actor).await
    }

    async fn load_case_for_status(&self, id: &str) -> Result<Option<ValidCase>, StoreError> {
        cases::load_case_for_status(self, id).await
    }

    async fn load_case_for_letters(
        &self,
        id: &str,
        only: Option<&str>,
    ) -> Result<Option<ValidCase>, StoreError> {
        cases::load_case_for_letters(self, id, only).await
    }

    async fn case_refs(&self, id: &str) -> Result<CaseRefs, StoreError> {
        cases::case_refs(self, id).await
    }

    async fn known_refs(
        &self,
        case_id: &str,
        actors: &[String],
        sources: &[String],
    ) -> Result<crate::KnownRefs, StoreError> {
        records::known_refs_of(self, case_id, actors, sources).await
    }

    async fn incidents(&self, case_id: &str, ids: &[String]) -> Result<Vec<Incident>, StoreError> {
        records::incidents(self, case_id, ids).await
    }

    async fn sources(
        &self,
        case_id: &str,
        ids: &[String],
    ) -> Result<Vec<accord_core::Source>, StoreError> {
        records::sources(self, case_id, ids).await
    }

    async fn sources_in_order(
        &self,
        case_id: &str,
        after: Option<i64>,
        limit: u32,
    ) -> Result<Vec<(i64, accord_core::Source)>, StoreError> {
        records::sources_in_order_of(self, case_id, after, limit).await
    }

    async fn timeline(
        &self,
        case_id: &str,
        filter: &TimelineFilter,
        limit: u32,
        offset: u64,
    ) -> Result<Page<Incident>, StoreError> {
        records::timeline(self, case_id, filter, limit, offset).await
    }

    async fn hidden(&self, case_id: &str, audience: &Audience) -> Result<Hidden, StoreError> {
        records::hidden(self, case_id, audience).await
    }

    async fn findings_of_incident(
        &self,
        case_id: &str,
        incident_id: &str,
    ) -> Result<Vec<Finding>, StoreError> {
        records::findings_of_incident(self, case_id, incident_id).await
    }

    async fn save_incident(
        &self,
        case_id: &str,
        incident: &Incident,
        actor: &str,
    ) -> Result<SaveOutcome, StoreError> {
        group::save_incident(
            &self.group,
            &self.pool,
            &self.keys,
            case_id,
            incident,
            actor,
        )
        .await
    }

    async fn save_incident_with_source(
        &self,
        case_id: &str,
        source: &Source,
        incident: &Incident,
        actor: &str,
    ) -> Result<SaveOutcome, StoreError> {
        records::save_incident_with_source(self, case_id, source, incident, actor).await
    }

    async fn add_source(
        &self,
        case_id: &str,
        source: &Source,
        actor: &str,
    ) -> Result<(), StoreError> {
        records::add_source(self, case_id, source, actor).await
    }

    async fn add_finding(
        &self,
        case_id: &str,
        finding: &Finding,
        actor: &str,
    ) -> Result<(), StoreError> {
        records::add_finding(self, case_id, finding, actor).await
    }

    async fn set_finding_status(
        &self,
        case_id: &str,
        finding_id: &str,
        status: FindingStatus,
        reviewer: &str,
    ) -> Result<(), StoreError> {
        records::set_finding_status(self, case_id, finding_id, status, reviewer).await
    }

    async fn observations(&self, case_id: &str) -> Result<Vec<Observation>, StoreError> {
        observations::observations(self, case_id).await
    }

    async fn add_observations(
        &self,
        case_id: &str,
        observations: &[Observation],
        actor: &str,
    ) -> Result<(), StoreError> {
        observations::add_observations(self, case_id, observations, actor).await
    }

    async fn set_observation_status(
        &self,
        case_id: &str,
        observation_id: &str,
        status: ObservationStatus,
        reviewer: &str,
    ) -> Result<(), StoreError> {
        observations::set_observation_status(self, case_id, observation_id, status, reviewer).await
    }

    async fn restricted_incidents(
        &self,
    ) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError> {
        records::restricted_incidents(self).await
    }

    async fn follow_through(
        &self,
        case_id: &str,
    ) -> Result<Vec<accord_core::FollowThrough>, StoreError> {
        follow_through::follow_through(self, case_id).await
    }

    async fn add_follow_through(
        &self,
        case_id: &str,
        record: &accord_core::FollowThrough,
        actor: &str,
    ) -> Result<(), StoreError> {
        follow_through::add_follow_through(self, case_id, record, actor).await
    }

    async fn save_translation(
        &self,
        case_id: &str,
        record: &accord_core::RecordLanguages,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        version::lock_case(&mut tx, case_id).await?;
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
        version::lock_case(&mut tx, case_id).await?;
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
        records::all_incidents(self, after, limit).await
    }

    async fn verdicts_of(
        &self,
        case_id: &str,
        incident_ids: &[String],
    ) -> Result<Vec<(String, Vec<Verdict>)>, StoreError> {
        records::verdicts_of(self, case_id, incident_ids).await
    }

    async fn add_evidence(
        &self,
        case_id: &str,
        evidence: &accord_core::Evidence,
        actor: &str,
    ) -> Result<(), StoreError> {
        evidence::add_evidence(self, case_id, evidence, actor).await
    }

    async fn evidence(
        &self,
        case_id: &str,
        id: &str,
    ) -> Result<Option<accord_core::Evidence>, StoreError> {
        evidence::evidence(self, case_id, id).await
    }

    async fn evidence_of_incident(
        &self,
        case_id: &str,
        incident_id: &str,
    ) -> Result<Vec<accord_core::Evidence>, StoreError> {
        evidence::evidence_of_incident(self, case_id, incident_id).await
    }

    async fn add_custody(
        &self,
        case_id: &str,
        evidence_id: &str,
        event: &accord_core::CustodyEvent,
    ) -> Result<(), StoreError> {
        evidence::add_custody(self, case_id, evidence_id, event).await
    }

    async fn referenced_blobs(&self) -> Result<Vec<String>, StoreError> {
        evidence::referenced_blobs(self).await
    }

    async fn snapshot_into(&self, path: &std::path::Path) -> Result<(), StoreError> {
        cases::snapshot_into(self, path).await
    }

    async fn history(
        &self,
        case_id: &str,
        kind: RecordKind,
        id: &str,
    ) -> Result<Vec<RecordVersion>, StoreError> {
        log::history(self, case_id, kind, id).await
    }

    async fn latest_versions(
        &self,
        case_id: &str,
    ) -> Result<Vec<(RecordKind, String, RecordVersion)>, StoreError> {
        log::latest_versions(self, case_id).await
    }

    async fn log_head(&self) -> Result<(u64, [u8; 32]), StoreError> {
        log::log_head(self).await
    }

    async fn log_entries(
        &self,
        from: u64,
        limit: u32,
    ) -> Result<Vec<(LogEntry, [u8; 32])>, StoreError> {
        log::log_entries(self, from, limit).await
    }

    async fn log_entries_of(
        &self,
        case_id: &str,
        records: &[String],
    ) -> Result<Vec<LogEntry>, StoreError> {
        log::log_entries_of(self, case_id, records).await
    }

    async fn finding_confirmation(
        &self,
        case_id: &str,
        finding_id: &str,
    ) -> Result<Vec<(String, u32, String)>, StoreError> {
        records::finding_confirmation(self, case_id, finding_id).await
    }

    async fn self_review(&self, case_id: &str) -> Result<bool, StoreError> {
        cases::self_review(self, case_id).await
    }

    async fn set_self_review(
        &self,
        case_id: &str,
        allowed: bool,
        actor: &str,
    ) -> Result<(), StoreError> {
        cases::set_self_review(self, case_id, allowed, actor).await
    }

    async fn add_checkpoint(
        &self,
        size: u64,
        note: &str,
        frontier: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        log::add_checkpoint(self, size, note, frontier).await
    }

    async fn checkpoints(&self) -> Result<Vec<StoredCheckpoint>, StoreError> {
        log::checkpoints(self).await
    }

    async fn latest_checkpoint(&self) -> Result<Option<StoredCheckpoint>, StoreError> {
        log::latest_checkpoint(self).await
    }

    async fn log_frontier(&self) -> Result<Vec<u8>, StoreError> {
        log::log_frontier(self).await
    }

    async fn create_user(
        &self,
        email: &str,
        password_hash: &str,
        is_admin: bool,
    ) -> Result<User, StoreError> {
        accounts::create_user(self, email, password_hash, is_admin).await
    }

    async fn user_by_email(&self, email: &str) -> Result<Option<(User, String)>, StoreError> {
        accounts::user_by_email(self, email).await
    }

    async fn create_session(&self, session: &NewSession) -> Result<(), StoreError> {
        accounts::create_session(self, session).await
    }

    async fn session(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<Option<Session>, StoreError> {
        accounts::session(self, token_sha256, now_unix).await
    }

    async fn delete_session(&self, token_sha256: &str) -> Result<(), StoreError> {
        accounts::delete_session(self, token_sha256).await
    }

    async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        token_sha256: &str,
    ) -> Result<(), StoreError> {
        accounts::create_api_token(self, user_id, name, token_sha256).await
    }

    async fn user_by_api_token(&self, token_sha256: &str) -> Result<Option<User>, StoreError> {
        accounts::user_by_api_token(self, token_sha256).await
    }

    async fn set_role(
        &self,
        case_id: &str,
        user_id: i64,
        role: Option<CaseRole>,
        actor: &str,
    ) -> Result<(), StoreError> {
        accounts::set_role(self, case_id, user_id, role, actor).await
    }

    async fn role(&self, case_id: &str, user_id: i64) -> Result<Option<CaseRole>, StoreError> {
        accounts::role(self, case_id, user_id).await
    }

    async fn members(&self, case_id: &str) -> Result<Vec<(User, CaseRole)>, StoreError> {
        accounts::members(self, case_id).await
    }

    async fn roles_of_user(&self, user_id: i64) -> Result<Vec<(String, CaseRole)>, StoreError> {
        accounts::roles_of_user(self, user_id).await
    }

    async fn start_session(
        &self,
        session: &NewSession,
        address: Option<&str>,
    ) -> Result<(), StoreError> {
        accounts::start_session(self, session, address).await
    }

    async fn touch_session(
        &self,
        token_sha256: &str,
        now_unix: i64,
        idle_secs: i64,
    ) -> Result<Option<Session>, StoreError> {
        accounts::touch_session(self, token_sha256, now_unix, idle_secs).await
    }

    async fn sessions_of(
        &self,
        user_id: i64,
        now_unix: i64,
        idle_secs: i64,
    ) -> Result<Vec<SessionInfo>, StoreError> {
        accounts::sessions_of(self, user_id, now_unix, idle_secs).await
    }

    async fn end_sessions(
        &self,
        user_id: i64,
        keep: Option<&str>,
        actor: &str,
    ) -> Result<u64, StoreError> {
        accounts::end_sessions(self, user_id, keep, actor).await
    }

    async fn purge_sessions(&self, now_unix: i64, idle_secs: i64) -> Result<u64, StoreError> {
        accounts::purge_sessions(self, now_unix, idle_secs).await
    }

    async fn set_password(
        &self,
        user_id: i64,
        password_hash: &str,
        keep: Option<&str>,
        actor: &str,
    ) -> Result<u64, StoreError> {
        accounts::set_password(self, user_id, password_hash, keep, actor).await
    }

    async fn set_disabled(
        &self,
        email: &str,
        disabled: bool,
        actor: &str,
    ) -> Result<User, StoreError> {
        accounts::set_disabled(self, email, disabled, actor).await
    }

    async fn delete_user(&self, email: &str, actor: &str) -> Result<User, StoreError> {
        accounts::delete_user(self, email, actor).await
    }

    async fn add_api_token(
        &self,
        user_id: i64,
        token: &NewApiToken,
        actor: &str,
    ) -> Result<(), StoreError> {
        accounts::add_api_token(self, user_id, token, actor).await
    }

    async fn api_tokens(&self, user_id: i64) -> Result<Vec<ApiTokenInfo>, StoreError> {
        accounts::api_tokens(self, user_id).await
    }

    async fn revoke_api_token(
        &self,
        user_id: i64,
        name: &str,
        actor: &str,
    ) -> Result<bool, StoreError> {
        accounts::revoke_api_token(self, user_id, name, actor).await
    }

    async fn api_token(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<Option<TokenGrant>, StoreError> {
        accounts::api_token(self, token_sha256, now_unix).await
    }

    async fn set_attribution(
        &self,
        user_id: i64,
        attribution: &Attribution,
        actor: &str,
    ) -> Result<(), StoreError> {
        accounts::set_attribution(self, user_id, attribution, actor).await
    }

    async fn attribution(&self, user_id: i64) -> Result<Attribution, StoreError> {
        accounts::attribution(self, user_id).await
    }

    async fn public_authors(&self, case_id: &str) -> Result<Vec<PublicAuthor>, StoreError> {
        accounts::public_authors(self, case_id).await
    }

    async fn log_account_event(
        &self,
        actor: &str,
        action: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        accounts::log_account_event(self, actor, action, detail).await
    }

    async fn update_signin_limits(
        &self,
        keys: &[crate::SigninKey],
        now_ms: i64,
        max_entries: u64,
        update: crate::SigninUpdate<'_>,
    ) -> Result<Option<u64>, StoreError> {
        signin_limits::update_signin_limits(self, keys, now_ms, max_entries, update).await
    }

    async fn signin_limit_entries(&self) -> Result<u64, StoreError> {
        signin_limits::signin_limit_entries(self).await
    }

    async fn elections(&self, case_id: &str) -> Result<Vec<ElectionFile>, StoreError> {
        cases::elections(self, case_id).await
    }

    async fn vault_keys(&self) -> Result<Option<VaultKeys>, StoreError> {
        keys::vault_keys(self).await
    }

    async fn init_vault_keys(&self, keys: &NewVaultKeys, actor: &str) -> Result<(), StoreError> {
        keys::init_vault_keys(self, keys, actor).await
    }

    async fn rewrap_vault_keys(&self, rewrap: &Rewrap, actor: &str) -> Result<(), StoreError> {
        keys::rewrap_vault_keys(self, rewrap, actor).await
    }

    async fn seal_restricted(&self, actor: &str) -> Result<u64, StoreError> {
        sealing::seal_restricted(self, actor).await
    }

    async fn save_letter(
        &self,
        case_id: &str,
        letter: &accord_core::Letter,
        pin_sha256: Option<&str>,
        actor: &str,
    ) -> Result<SaveOutcome, StoreError> {
        signon::save_letter(self, case_id, letter, pin_sha256, actor).await
    }

    async fn invite_signatory(
        &self,
        case_id: &str,
        letter_id: &str,
        invitation: &NewInvitation,
        actor: &str,
    ) -> Result<u32, StoreError> {
        signon::invite_signatory(self, case_id, letter_id, invitation, actor).await
    }

    async fn renew_sign_link(
        &self,
        case_id: &str,
        letter_id: &str,
        position: u32,
        link: &NewLink,
        actor: &str,
    ) -> Result<(), StoreError> {
        signon::renew_sign_link(self, case_id, letter_id, position, link, actor).await
    }

    async fn signon_link(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<Option<SignOnLink>, StoreError> {
        signon::signon_link(self, token_sha256, now_unix).await
    }

    async fn sign_letter(
        &self,
        token_sha256: &str,
        signature: &NewSignature,
        now_unix: i64,
    ) -> Result<LinkOutcome, StoreError> {
        signon::sign_letter(self, token_sha256, signature, now_unix).await
    }

    async fn sign_letter_version(
        &self,
        token_sha256: &str,
        lang: &str,
        signature: &NewSignature,
        now_unix: i64,
    ) -> Result<LinkOutcome, StoreError> {
        signon::sign_letter_version(self, token_sha256, lang, signature, now_unix).await
    }

    async fn decline_letter(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<LinkOutcome, StoreError> {
        signon::decline_letter(self, token_sha256, now_unix).await
    }

    async fn withdraw_signature(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<LinkOutcome, StoreError> {
        signon::withdraw_signature(self, token_sha256, now_unix).await
    }

    async fn verify_signatory(
        &self,
        case_id: &str,
        letter_id: &str,
        position: u32,
        actor: &str,
    ) -> Result<bool, StoreError> {
        signon::verify_signatory(self, case_id, letter_id, position, actor).await
    }

    async fn signon_entries(
        &self,
        case_id: &str,
        letter_id: &str,
        now_unix: i64,
    ) -> Result<Vec<SignOnEntry>, StoreError> {
        signon::signon_entries(self, case_id, letter_id, now_unix).await
    }

    fn use_keys(&self, vault: Arc<accord_vault::Vault>) -> Result<(), StoreError> {
        self.keys.set(vault).map_err(|_| {
            StoreError::Conflict("the store was given the instance's keys already".into())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn a_password_never_appears_in_messages() {
        assert_eq!(
            redact("postgres://accord:s3cret@db.example:5432/accord?sslmode=require"),
            "postgres://accord:***@db.example:5432/accord?sslmode=require"
        );
        assert_eq!(
            redact("postgres://accord@localhost/accord?host=/tmp/pg"),
            "postgres://accord@localhost/accord?host=/tmp/pg"
        );
        assert_eq!(redact("postgres://a:b@h"), "postgres://a:***@h");
    }
}
