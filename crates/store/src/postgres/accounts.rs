//! Users, sessions, API tokens, case roles and attribution on PostgreSQL: the queries of
//! `sqlite/accounts.rs` for this engine, the rules shared through [`crate::account_rules`].
//!
//! A session or token is looked up by the SHA-256 of its secret and is refused, in the same query,
//! when it has expired, when a session has been idle too long, or when its account is disabled.
//!
//! SQLite has one writer at a time; here several servers write at once, so each read-check-write
//! is made atomic by the database: a new address by the `users.email` unique constraint
//! (`ON CONFLICT DO NOTHING`), a token name unique per account by locking the account's row
//! (`FOR UPDATE`) before looking, a role by an upsert on the membership's key (under the case's
//! write lock, which every write to a case takes first).

use accord_core::{CaseRole, Named};
use sqlx::postgres::PgRow;
use sqlx::{PgConnection, Row};

use super::version::lock_case;
use super::{PgStore, audit};
use crate::account_rules::{self as rules, normalise_email};
use crate::codec::unname;
use crate::{
    ApiTokenInfo, Attribution, NewApiToken, NewSession, PublicAuthor, Session, SessionInfo,
    StoreError, TokenGrant, User, clock,
};

fn user(r: &PgRow) -> User {
    User {
        id: r.get("id"),
        email: r.get("email"),
        is_admin: r.get("is_admin"),
        disabled: r.get::<Option<String>, _>("disabled_at").is_some(),
    }
}

fn session_of(r: &PgRow) -> Session {
    Session {
        user: user(r),
        csrf: r.get("csrf"),
        expires_unix: r.get("expires_unix"),
    }
}

pub(crate) async fn create_user(
    store: &PgStore,
    email: &str,
    password_hash: &str,
    is_admin: bool,
) -> Result<User, StoreError> {
    let email = normalise_email(email);
    let mut tx = store.pool.begin().await?;
    // The unique address decides between two servers creating the same account at once.
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO users (email, password_hash, is_admin, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(&email)
    .bind(password_hash)
    .bind(is_admin)
    .bind(clock::now())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        return Err(StoreError::Exists {
            what: "user",
            id: email,
        });
    };
    audit(
        &mut tx,
        "cli",
        None,
        "user.create",
        &rules::user_created(&email, is_admin),
    )
    .await?;
    tx.commit().await?;
    Ok(User {
        id,
        email,
        is_admin,
        disabled: false,
    })
}

pub(crate) async fn user_by_email(
    store: &PgStore,
    email: &str,
) -> Result<Option<(User, String)>, StoreError> {
    let row = sqlx::query(
        "SELECT id, email, is_admin, disabled_at, password_hash FROM users WHERE email = $1",
    )
    .bind(normalise_email(email))
    .fetch_optional(&store.pool)
    .await?;
    Ok(row.map(|r| (user(&r), r.get("password_hash"))))
}

pub(crate) async fn create_session(
    store: &PgStore,
    session: &NewSession,
) -> Result<(), StoreError> {
    insert_session(store, session, None).await
}

pub(crate) async fn start_session(
    store: &PgStore,
    session: &NewSession,
    address: Option<&str>,
) -> Result<(), StoreError> {
    insert_session(store, session, address).await
}

async fn insert_session(
    store: &PgStore,
    s: &NewSession,
    address: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (token_sha256, user_id, csrf, expires_unix, created_at, last_seen_unix, address)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&s.token_sha256)
    .bind(s.user_id)
    .bind(&s.csrf)
    .bind(s.expires_unix)
    .bind(clock::now())
    .bind(clock::unix_now())
    .bind(address)
    .execute(&store.pool)
    .await?;
    Ok(())
}

pub(crate) async fn session(
    store: &PgStore,
    token_sha256: &str,
    now_unix: i64,
) -> Result<Option<Session>, StoreError> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.is_admin, u.disabled_at, s.csrf, s.expires_unix FROM sessions s
         JOIN users u ON u.id = s.user_id
         WHERE s.token_sha256 = $1 AND s.expires_unix > $2 AND u.disabled_at IS NULL",
    )
    .bind(token_sha256)
    .bind(now_unix)
    .fetch_optional(&store.pool)
    .await?;
    Ok(row.as_ref().map(session_of))
}

pub(crate) async fn delete_session(store: &PgStore, token_sha256: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE token_sha256 = $1")
        .bind(token_sha256)
        .execute(&store.pool)
        .await?;
    Ok(())
}

pub(crate) async fn create_api_token(
    store: &PgStore,
    user_id: i64,
    name: &str,
    token_sha256: &str,
) -> Result<(), StoreError> {
    let mut tx = store.pool.begin().await?;
    sqlx::query(
        "INSERT INTO api_tokens (token_sha256, user_id, name, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_sha256)
    .bind(user_id)
    .bind(name)
    .bind(clock::now())
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        &format!("user:{user_id}"),
        None,
        "token.create",
        name,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn user_by_api_token(
    store: &PgStore,
    token_sha256: &str,
) -> Result<Option<User>, StoreError> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.is_admin, u.disabled_at FROM api_tokens t
         JOIN users u ON u.id = t.user_id
         WHERE t.token_sha256 = $1 AND (t.expires_unix IS NULL OR t.expires_unix > $2)
           AND u.disabled_at IS NULL",
    )
    .bind(token_sha256)
    .bind(clock::unix_now())
    .fetch_optional(&store.pool)
    .await?;
    Ok(row.as_ref().map(user))
}

pub(crate) async fn set_role(
    store: &PgStore,
    case_id: &str,
    user_id: i64,
    role: Option<CaseRole>,
    actor: &str,
) -> Result<(), StoreError> {
    let mut tx = store.pool.begin().await?;
    lock_case(&mut tx, case_id).await?;
    match role {
        Some(r) => {
            sqlx::query(
                "INSERT INTO memberships (case_id, user_id, role) VALUES ($1, $2, $3)
                 ON CONFLICT (case_id, user_id) DO UPDATE SET role = excluded.role",
            )
            .bind(case_id)
            .bind(user_id)
            .bind(r.as_str())
            .execute(&mut *tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM memberships WHERE case_id = $1 AND user_id = $2")
                .bind(case_id)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
    }
    audit(
        &mut tx,
        actor,
        Some(case_id),
        "member.set",
        &rules::member_set(user_id, role),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn role(
    store: &PgStore,
    case_id: &str,
    user_id: i64,
) -> Result<Option<CaseRole>, StoreError> {
    let r: Option<String> =
        sqlx::query_scalar("SELECT role FROM memberships WHERE case_id = $1 AND user_id = $2")
            .bind(case_id)
            .bind(user_id)
            .fetch_optional(&store.pool)
            .await?;
    r.map(|r| unname(case_id, &r)).transpose()
}

pub(crate) async fn members(
    store: &PgStore,
    case_id: &str,
) -> Result<Vec<(User, CaseRole)>, StoreError> {
    let rows = sqlx::query(
        "SELECT u.id, u.email, u.is_admin, u.disabled_at, m.role FROM memberships m
         JOIN users u ON u.id = m.user_id
         WHERE m.case_id = $1 ORDER BY u.email",
    )
    .bind(case_id)
    .fetch_all(&store.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((user(r), unname(case_id, r.get("role"))?)))
        .collect()
}

pub(crate) async fn roles_of_user(
    store: &PgStore,
    user_id: i64,
) -> Result<Vec<(String, CaseRole)>, StoreError> {
    let rows =
        sqlx::query("SELECT case_id, role FROM memberships WHERE user_id = $1 ORDER BY case_id")
            .bind(user_id)
            .fetch_all(&store.pool)
            .await?;
    rows.iter()
        .map(|r| {
            let case: String = r.get("case_id");
            let role = unname(&case, r.get("role"))?;
            Ok((case, role))
        })
        .collect()
}

/// The user a row names by id, its row locked until the transaction ends (so that a check made
/// on the account holds until the write that depends on it commits).
async fn lock_user(tx: &mut PgConnection, user_id: i64) -> Result<User, StoreError> {
    let row =
        sqlx::query("SELECT id, email, is_admin, disabled_at FROM users WHERE id = $1 FOR UPDATE")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    row.as_ref().map(user).ok_or_else(|| StoreError::NotFound {
        what: "user",
        id: user_id.to_string(),
    })
}

/// The user an address names, its row locked until the transaction ends.
async fn lock_user_by_address(tx: &mut PgConnection, email: &str) -> Result<User, StoreError> {
    let email = normalise_email(email);
    let row = sqlx::query(
        "SELECT id, email, is_admin, disabled_at FROM users WHERE email = $1 FOR UPDATE",
    )
    .bind(&email)
    .fetch_optional(&mut *tx)
    .await?;
    row.as_ref().map(user).ok_or(StoreError::NotFound {
        what: "user",
        id: email,
    })
}

pub(crate) async fn touch_session(
    store: &PgStore,
    token_sha256: &str,
    now_unix: i64,
    idle_secs: i64,
) -> Result<Option<Session>, StoreError> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.is_admin, u.disabled_at, s.csrf, s.expires_unix, s.last_seen_unix
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_sha256 = $1 AND s.expires_unix > $2 AND s.last_seen_unix > $3
           AND u.disabled_at IS NULL",
    )
    .bind(token_sha256)
    .bind(now_unix)
    .bind(now_unix.saturating_sub(idle_secs))
    .fetch_optional(&store.pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    if rules::due_for_touch(Some(r.get("last_seen_unix")), now_unix) {
        // Servers touching one session at once write the same minute: no lock is needed, and
        // the condition keeps a later time from being moved back.
        sqlx::query(
            "UPDATE sessions SET last_seen_unix = $1 WHERE token_sha256 = $2 AND last_seen_unix < $1",
        )
        .bind(now_unix)
        .bind(token_sha256)
        .execute(&store.pool)
        .await?;
    }
    Ok(Some(session_of(&r)))
}

pub(crate) async fn sessions_of(
    store: &PgStore,
    user_id: i64,
    now_unix: i64,
    idle_secs: i64,
) -> Result<Vec<SessionInfo>, StoreError> {
    let rows = sqlx::query(
        "SELECT token_sha256, created_at, last_seen_unix, expires_unix, address FROM sessions
         WHERE user_id = $1 AND expires_unix > $2 AND last_seen_unix > $3
         ORDER BY last_seen_unix DESC, created_at DESC",
    )
    .bind(user_id)
    .bind(now_unix)
    .bind(now_unix.saturating_sub(idle_secs))
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| SessionInfo {
            token_sha256: r.get("token_sha256"),
            created_at: r.get("created_at"),
            last_seen_unix: r.get("last_seen_unix"),
            expires_unix: r.get("expires_unix"),
            address: r.get("address"),
        })
        .collect())
}

/// Delete a user's sessions except `keep`, without logging; returns how many.
async fn delete_sessions(
    tx: &mut PgConnection,
    user_id: i64,
    keep: Option<&str>,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR token_sha256 <> $2)",
    )
    .bind(user_id)
    .bind(keep)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected())
}

pub(crate) async fn end_sessions(
    store: &PgStore,
    user_id: i64,
    keep: Option<&str>,
    actor: &str,
) -> Result<u64, StoreError> {
    let mut tx = store.pool.begin().await?;
    let who = lock_user(&mut tx, user_id).await?;
    let ended = delete_sessions(&mut tx, user_id, keep).await?;
    let detail = rules::sessions_ended(&who.email, ended, keep.is_some());
    audit(&mut tx, actor, None, "session.end_all", &detail).await?;
    tx.commit().await?;
    Ok(ended)
}

pub(crate) async fn purge_sessions(
    store: &PgStore,
    now_unix: i64,
    idle_secs: i64,
) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_unix <= $1 OR last_seen_unix <= $2")
        .bind(now_unix)
        .bind(now_unix.saturating_sub(idle_secs))
        .execute(&store.pool)
        .await?;
    Ok(done.rows_affected())
}

pub(crate) async fn set_password(
    store: &PgStore,
    user_id: i64,
    password_hash: &str,
    keep: Option<&str>,
    actor: &str,
) -> Result<u64, StoreError> {
    let mut tx = store.pool.begin().await?;
    let who = lock_user(&mut tx, user_id).await?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let ended = delete_sessions(&mut tx, user_id, keep).await?;
    let detail = rules::password_changed(&who.email, ended);
    audit(&mut tx, actor, None, "user.password", &detail).await?;
    tx.commit().await?;
    Ok(ended)
}

pub(crate) async fn set_disabled(
    store: &PgStore,
    email: &str,
    disabled: bool,
    actor: &str,
) -> Result<User, StoreError> {
    let mut tx = store.pool.begin().await?;
    let mut who = lock_user_by_address(&mut tx, email).await?;
    sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
        .bind(disabled.then(clock::now))
        .bind(who.id)
        .execute(&mut *tx)
        .await?;
    let ended = if disabled {
        Some(delete_sessions(&mut tx, who.id, None).await?)
    } else {
        None
    };
    let (action, detail) = rules::disabled(&who.email, ended);
    audit(&mut tx, actor, None, action, &detail).await?;
    tx.commit().await?;
    who.disabled = disabled;
    Ok(who)
}

pub(crate) async fn delete_user(
    store: &PgStore,
    email: &str,
    actor: &str,
) -> Result<User, StoreError> {
    let mut tx = store.pool.begin().await?;
    let who = lock_user_by_address(&mut tx, email).await?;
    // Sessions, tokens and memberships go with the account (ON DELETE CASCADE).
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(who.id)
        .execute(&mut *tx)
        .await?;
    audit(&mut tx, actor, None, "user.delete", &who.email).await?;
    tx.commit().await?;
    Ok(who)
}

pub(crate) async fn add_api_token(
    store: &PgStore,
    user_id: i64,
    t: &NewApiToken,
    actor: &str,
) -> Result<(), StoreError> {
    let mut tx = store.pool.begin().await?;
    // The account's row stays locked until the commit: two servers adding a token of one name
    // for one account take turns, and the second finds the first's.
    let who = lock_user(&mut tx, user_id).await?;
    let taken: Option<i32> =
        sqlx::query_scalar("SELECT 1 FROM api_tokens WHERE user_id = $1 AND name = $2")
            .bind(user_id)
            .bind(&t.name)
            .fetch_optional(&mut *tx)
            .await?;
    if taken.is_some() {
        return Err(StoreError::Exists {
            what: "token",
            id: t.name.clone(),
        });
    }
    sqlx::query(
        "INSERT INTO api_tokens (token_sha256, user_id, name, created_at, expires_unix, read_only)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&t.token_sha256)
    .bind(user_id)
    .bind(&t.name)
    .bind(clock::now())
    .bind(t.expires_unix)
    .bind(t.read_only)
    .execute(&mut *tx)
    .await?;
    let detail = rules::token_created(&who.email, t);
    audit(&mut tx, actor, None, "token.create", &detail).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn api_tokens(
    store: &PgStore,
    user_id: i64,
) -> Result<Vec<ApiTokenInfo>, StoreError> {
    let rows = sqlx::query(
        "SELECT name, created_at, expires_unix, read_only, last_used_unix FROM api_tokens
         WHERE user_id = $1 ORDER BY name, created_at",
    )
    .bind(user_id)
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| ApiTokenInfo {
            name: r.get("name"),
            created_at: r.get("created_at"),
            expires_unix: r.get("expires_unix"),
            read_only: r.get("read_only"),
            last_used_unix: r.get("last_used_unix"),
        })
        .collect())
}

pub(crate) async fn revoke_api_token(
    store: &PgStore,
    user_id: i64,
    name: &str,
    actor: &str,
) -> Result<bool, StoreError> {
    let mut tx = store.pool.begin().await?;
    let who = lock_user(&mut tx, user_id).await?;
    let done = sqlx::query("DELETE FROM api_tokens WHERE user_id = $1 AND name = $2")
        .bind(user_id)
        .bind(name)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit(
        &mut tx,
        actor,
        None,
        "token.revoke",
        &rules::token_revoked(&who.email, name),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

pub(crate) async fn api_token(
    store: &PgStore,
    token_sha256: &str,
    now_unix: i64,
) -> Result<Option<TokenGrant>, StoreError> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.is_admin, u.disabled_at, t.read_only, t.last_used_unix
         FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_sha256 = $1 AND (t.expires_unix IS NULL OR t.expires_unix > $2)
           AND u.disabled_at IS NULL",
    )
    .bind(token_sha256)
    .bind(now_unix)
    .fetch_optional(&store.pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    if rules::due_for_touch(r.get("last_used_unix"), now_unix) {
        sqlx::query(
            "UPDATE api_tokens SET last_used_unix = $1
             WHERE token_sha256 = $2 AND (last_used_unix IS NULL OR last_used_unix < $1)",
        )
        .bind(now_unix)
        .bind(token_sha256)
        .execute(&store.pool)
        .await?;
    }
    Ok(Some(TokenGrant {
        user: user(&r),
        read_only: r.get("read_only"),
    }))
}

pub(crate) async fn set_attribution(
    store: &PgStore,
    user_id: i64,
    a: &Attribution,
    actor: &str,
) -> Result<(), StoreError> {
    let mut tx = store.pool.begin().await?;
    let done = sqlx::query(
        "UPDATE users SET display_name = $1, organisation = $2, attribution = $3 WHERE id = $4",
    )
    .bind(&a.display_name)
    .bind(&a.organisation)
    .bind(a.shown_as.as_str())
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "user",
            id: user_id.to_string(),
        });
    }
    audit(
        &mut tx,
        actor,
        None,
        "user.attribution",
        &rules::attribution_set(a),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn attribution_of(r: &PgRow) -> Result<Attribution, StoreError> {
    let shown: String = r.get("attribution");
    Ok(Attribution {
        display_name: r.get("display_name"),
        organisation: r.get("organisation"),
        shown_as: unname("", &shown)?,
    })
}

pub(crate) async fn attribution(store: &PgStore, user_id: i64) -> Result<Attribution, StoreError> {
    let row =
        sqlx::query("SELECT display_name, organisation, attribution FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&store.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                what: "user",
                id: user_id.to_string(),
            })?;
    attribution_of(&row)
}

pub(crate) async fn public_authors(
    store: &PgStore,
    case_id: &str,
) -> Result<Vec<PublicAuthor>, StoreError> {
    let rows = sqlx::query(
        "SELECT u.email, u.display_name, u.organisation, u.attribution, m.role
         FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.case_id = $1
         ORDER BY u.id",
    )
    .bind(case_id)
    .fetch_all(&store.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let role: Option<String> = r.get("role");
            Ok(PublicAuthor {
                email: r.get("email"),
                attribution: attribution_of(r)?,
                role: role.as_deref().map(|r| unname(case_id, r)).transpose()?,
            })
        })
        .collect()
}

pub(crate) async fn log_account_event(
    store: &PgStore,
    actor: &str,
    action: &str,
    detail: &str,
) -> Result<(), StoreError> {
    let mut tx = store.pool.begin().await?;
    audit(&mut tx, actor, None, action, detail).await?;
    tx.commit().await?;
    Ok(())
}
