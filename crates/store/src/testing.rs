//! Test support, not part of the store's interface: a fresh, empty store on the backend the
//! environment asks for, so that every test that opens a store (the store's, the action layer's,
//! the server's) runs on PostgreSQL too when `ACCORD_TEST_POSTGRES_URL` names a server.
//!
//! Without the variable a test's store is SQLite at `dir/accord.db`, as before. With it (for
//! example `postgres://accord@localhost/postgres?host=/tmp/pg&port=5432`, the database an
//! administrator connects to), each store is a new database on that server, named
//! `accord_test_<pid>_<n>`, cloned from a template database that already holds the migrations
//! (`accord_template_<digest of the migrations>`, made once by whichever test gets there first,
//! under an advisory lock). A test database is dropped once the directory it was made for is gone
//! and no store opened on it is left (checked at the next `fresh_store` of the same process), and
//! those of test processes that have ended are dropped at a process's first `fresh_store`; the
//! rest go with the throwaway cluster `scripts/test` starts.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};

use sha2::{Digest, Sha256};
use sqlx::Connection;

use crate::{Create, Store, StoreError};

/// The environment variable that names the PostgreSQL server the tests use.
pub const POSTGRES_URL_VAR: &str = "ACCORD_TEST_POSTGRES_URL";

/// The prefix of every database the tests make (their sweep drops nothing else).
const TEST_PREFIX: &str = "accord_test_";

/// A backend a test can run on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file in the test's directory.
    Sqlite,
    /// New databases on the server at this (administrator's) URL.
    Postgres(String),
}

impl Backend {
    /// The backend the environment asks for: PostgreSQL when [`POSTGRES_URL_VAR`] is set (and not
    /// empty), else SQLite.
    pub fn from_env() -> Backend {
        match std::env::var(POSTGRES_URL_VAR) {
            Ok(url) if !url.trim().is_empty() => Backend::Postgres(url.trim().to_owned()),
            _ => Backend::Sqlite,
        }
    }

    /// A short name for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// The URL of a new, empty, migrated database on this backend, for a test whose files live
    /// in `dir` (SQLite: `dir/accord.db`; PostgreSQL: dropped once `dir` is gone, see the module).
    pub async fn fresh_url(&self, dir: &Path) -> Result<String, StoreError> {
        match self {
            Backend::Sqlite => Ok(dir.join("accord.db").to_string_lossy().into_owned()),
            Backend::Postgres(admin) => postgres::fresh_database(admin, dir).await,
        }
    }

    /// A new, empty store on this backend (see [`Backend::fresh_url`]).
    pub async fn fresh_store(&self, dir: &Path) -> Result<Arc<dyn Store>, StoreError> {
        let url = self.fresh_url(dir).await?;
        reopen_with(&url, Create::IfMissing).await
    }
}

/// Every backend the tests can reach: SQLite, and PostgreSQL when [`POSTGRES_URL_VAR`] is set.
/// The store's contract suites run on each.
pub fn backends() -> Vec<Backend> {
    match Backend::from_env() {
        Backend::Sqlite => vec![Backend::Sqlite],
        pg => vec![Backend::Sqlite, pg],
    }
}

/// A new, empty store on every backend ([`backends`]), each with a directory of its own from
/// `dir` (a `tempfile::tempdir`, which the caller keeps alive as long as the store).
pub async fn every_backend<D: AsRef<Path>>(
    mut dir: impl FnMut() -> D,
) -> Result<Vec<(Arc<dyn Store>, D)>, StoreError> {
    let mut out = Vec::new();
    for backend in backends() {
        let d = dir();
        out.push((backend.fresh_store(d.as_ref()).await?, d));
    }
    Ok(out)
}

/// Whether the tests run on PostgreSQL ([`POSTGRES_URL_VAR`] is set).
pub fn on_postgres() -> bool {
    matches!(Backend::from_env(), Backend::Postgres(_))
}

/// A new, empty store on the backend the environment asks for (see [`Backend::from_env`]).
pub async fn fresh_store(dir: &Path) -> Result<Arc<dyn Store>, StoreError> {
    Backend::from_env().fresh_store(dir).await
}

/// The URL of a new, empty database on the backend the environment asks for: for tests that
/// open it again ([`reopen`]) or reach below the store ([`execute`]).
pub async fn fresh_url(dir: &Path) -> Result<String, StoreError> {
    Backend::from_env().fresh_url(dir).await
}

/// Open a test database again (a second server on the same database, a restart).
pub async fn reopen(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    reopen_with(url, Create::MustExist).await
}

async fn reopen_with(url: &str, create: Create) -> Result<Arc<dyn Store>, StoreError> {
    let store = crate::open(url, create).await?;
    postgres::opened(url, &store);
    Ok(store)
}

/// Run one SQL statement on a test database below the store (to damage it, or to check what is
/// stored); returns the number of rows it changed. The statement must be valid on the backend.
pub async fn execute(url: &str, sql: &str) -> Result<u64, StoreError> {
    if is_postgres(url) {
        let mut conn = sqlx::PgConnection::connect(url).await?;
        let done = sqlx::query(sql).execute(&mut conn).await?;
        conn.close().await?;
        Ok(done.rows_affected())
    } else {
        let path = url.strip_prefix("sqlite://").unwrap_or(url);
        let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite:{path}")).await?;
        let done = sqlx::query(sql).execute(&mut conn).await?;
        conn.close().await?;
        Ok(done.rows_affected())
    }
}

/// Run one query that returns a single integer (a count) on a test database below the store.
pub async fn query_i64(url: &str, sql: &str) -> Result<i64, StoreError> {
    if is_postgres(url) {
        let mut conn = sqlx::PgConnection::connect(url).await?;
        let n: i64 = sqlx::query_scalar(sql).fetch_one(&mut conn).await?;
        conn.close().await?;
        Ok(n)
    } else {
        let path = url.strip_prefix("sqlite://").unwrap_or(url);
        let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite:{path}")).await?;
        let n: i64 = sqlx::query_scalar(sql).fetch_one(&mut conn).await?;
        conn.close().await?;
        Ok(n)
    }
}

/// A literal of these bytes (given in hex) in the SQL of the database `url` names: `X'..'` in
/// SQLite, `'\\x..'::bytea` in PostgreSQL.
pub fn bytes_literal(url: &str, hex: &str) -> String {
    if is_postgres(url) {
        format!("'\\x{hex}'::bytea")
    } else {
        format!("X'{hex}'")
    }
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// The same URL naming another database: its path replaced, its query (socket directory, port,
/// TLS settings) kept.
fn with_database(url: &str, database: &str) -> Result<String, StoreError> {
    let bad = |reason: &str| StoreError::UnsupportedUrl {
        url: url.to_owned(),
        reason: format!("{POSTGRES_URL_VAR}: {reason}"),
    };
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| bad("not a URL (expected postgres://user@host/database)"))?;
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (rest, None),
    };
    let authority = before_query
        .split_once('/')
        .map_or(before_query, |(authority, _)| authority);
    if authority.is_empty() {
        return Err(bad(
            "the URL names no host (use ?host=/socket/dir for a socket)",
        ));
    }
    let mut out = format!("{scheme}://{authority}/{database}");
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    Ok(out)
}

mod postgres {
    use super::{
        Arc, AtomicU64, Connection, Digest, Mutex, Ordering, Path, PathBuf, Sha256, Store,
        StoreError, TEST_PREFIX, Weak, with_database,
    };

    /// A test database of this process and what keeps it alive.
    struct Live {
        url: String,
        name: String,
        dir: PathBuf,
        stores: Vec<Weak<dyn Store>>,
    }

    static LIVE: Mutex<Vec<Live>> = Mutex::new(Vec::new());
    static NEXT: AtomicU64 = AtomicU64::new(0);
    /// Set once the databases of ended processes are dropped. Every test of the process waits for
    /// it: the sweep's forced drops must be over before this process's own databases are made and
    /// used (a test that went on beside the sweep lost its first connection in CI twice, with
    /// "expected to read 5 bytes, got 0 bytes at EOF", each time in the first test binary after
    /// the server's, which leaves the most databases behind).
    static SWEPT: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();

    /// An arbitrary constant: the advisory lock held while the template is made.
    const TEMPLATE_LOCK: i64 = 0x0ACC_0D7E_57DB;

    static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

    /// The template's name: it changes with the migrations, so a template made by another
    /// version of the schema is never cloned.
    fn template_name() -> String {
        let mut digest = Sha256::new();
        for m in MIGRATOR.iter() {
            digest.update(m.version.to_be_bytes());
            digest.update(&m.checksum[..]);
        }
        let hex = hex::encode(digest.finalize());
        format!("accord_template_{}", &hex[..16])
    }

    /// Remember a store opened on a test database, so the database outlives it.
    pub(super) fn opened(url: &str, store: &Arc<dyn Store>) {
        let Ok(mut live) = LIVE.lock() else { return };
        if let Some(l) = live.iter_mut().find(|l| l.url == url) {
            l.stores.push(Arc::downgrade(store));
        }
    }

    pub(super) async fn fresh_database(admin_url: &str, dir: &Path) -> Result<String, StoreError> {
        let mut admin = sqlx::PgConnection::connect(admin_url).await?;
        SWEPT
            .get_or_try_init(|| sweep_ended_processes(&mut admin))
            .await?;
        sweep_unused(&mut admin).await?;
        let template = template_name();
        ensure_template(&mut admin, admin_url, &template).await?;
        let name = format!(
            "{TEST_PREFIX}{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        sqlx::query(&format!(
            "CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""
        ))
        .execute(&mut admin)
        .await?;
        admin.close().await?;
        let url = with_database(admin_url, &name)?;
        if let Ok(mut live) = LIVE.lock() {
            live.push(Live {
                url: url.clone(),
                name,
                dir: dir.to_path_buf(),
                stores: Vec::new(),
            });
        }
        Ok(url)
    }

    /// Make the template once: a database with every migration applied, which nothing stays
    /// connected to (cloning needs that) and which is marked a template only when complete.
    async fn ensure_template(
        admin: &mut sqlx::PgConnection,
        admin_url: &str,
        template: &str,
    ) -> Result<(), StoreError> {
        if template_state(admin, template).await? == Some(true) {
            return Ok(());
        }
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(TEMPLATE_LOCK)
            .execute(&mut *admin)
            .await?;
        let state = template_state(admin, template).await;
        let made = match state {
            Ok(state) => make_template(admin, admin_url, template, state).await,
            Err(e) => Err(e),
        };
        sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(TEMPLATE_LOCK)
            .execute(&mut *admin)
            .await?;
        made
    }

    /// Whether the template exists (`None`: no), and is complete (marked a template).
    async fn template_state(
        admin: &mut sqlx::PgConnection,
        template: &str,
    ) -> Result<Option<bool>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT datistemplate FROM pg_database WHERE datname = $1")
                .bind(template)
                .fetch_optional(&mut *admin)
                .await?,
        )
    }

    async fn make_template(
        admin: &mut sqlx::PgConnection,
        admin_url: &str,
        template: &str,
        state: Option<bool>,
    ) -> Result<(), StoreError> {
        match state {
            Some(true) => return Ok(()),
            // Left half-made by a test process that died: start again.
            Some(false) => drop_database(admin, template).await?,
            None => {}
        }
        sqlx::query(&format!("CREATE DATABASE \"{template}\""))
            .execute(&mut *admin)
            .await?;
        let url = with_database(admin_url, template)?;
        drop(crate::open(&url, crate::Create::IfMissing).await?);
        // The store's pool closes its connections in the background: end them now.
        sqlx::query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = $1 AND pid <> pg_backend_pid()",
        )
        .bind(template)
        .execute(&mut *admin)
        .await?;
        sqlx::query(&format!(
            "ALTER DATABASE \"{template}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false"
        ))
        .execute(&mut *admin)
        .await?;
        Ok(())
    }

    /// Drop this process's test databases whose directory is gone and whose stores are all
    /// dropped.
    async fn sweep_unused(admin: &mut sqlx::PgConnection) -> Result<(), StoreError> {
        let done: Vec<String> = match LIVE.lock() {
            Ok(mut live) => {
                let (gone, kept): (Vec<Live>, Vec<Live>) = live.drain(..).partition(|l| {
                    !l.dir.exists() && l.stores.iter().all(|s| s.strong_count() == 0)
                });
                *live = kept;
                gone.into_iter().map(|l| l.name).collect()
            }
            Err(_) => Vec::new(),
        };
        for name in done {
            drop_database(admin, &name).await?;
        }
        Ok(())
    }

    /// Drop the test databases of processes that are no longer running (on this machine: the
    /// process id is in the name).
    async fn sweep_ended_processes(admin: &mut sqlx::PgConnection) -> Result<(), StoreError> {
        if !Path::new("/proc/self").exists() {
            return Ok(());
        }
        let names: Vec<String> =
            sqlx::query_scalar("SELECT datname FROM pg_database WHERE starts_with(datname, $1)")
                .bind(TEST_PREFIX)
                .fetch_all(&mut *admin)
                .await?;
        for name in names {
            let pid = name
                .strip_prefix(TEST_PREFIX)
                .and_then(|rest| rest.split('_').next())
                .and_then(|pid| pid.parse::<u32>().ok());
            let Some(pid) = pid else { continue };
            if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
                drop_database(admin, &name).await?;
            }
        }
        Ok(())
    }

    async fn drop_database(admin: &mut sqlx::PgConnection, name: &str) -> Result<(), StoreError> {
        sqlx::query(&format!("ALTER DATABASE \"{name}\" WITH IS_TEMPLATE false"))
            .execute(&mut *admin)
            .await
            .ok();
        sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .execute(&mut *admin)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn another_database_on_the_same_server() {
        let cases: &[(&str, &str)] = &[
            (
                "postgres://accord@localhost/postgres?host=/tmp/pg&port=5434",
                "postgres://accord@localhost/t1?host=/tmp/pg&port=5434",
            ),
            (
                "postgresql://u:p@db.example:5432/admin",
                "postgresql://u:p@db.example:5432/t1",
            ),
            ("postgres://u@db", "postgres://u@db/t1"),
            (
                "postgres://u@db/?sslmode=require",
                "postgres://u@db/t1?sslmode=require",
            ),
        ];
        for (admin, want) in cases {
            assert_eq!(with_database(admin, "t1").unwrap(), *want, "{admin}");
        }
        assert!(with_database("localhost/postgres", "t1").is_err());
        assert!(with_database("postgres:///postgres", "t1").is_err());
    }
}
