//! Users, sessions, API tokens and case roles in SQLite.
//!
//! A session or token is looked up by the SHA-256 of its secret and is refused, in the same query,
//! when it has expired, when a session has been idle too long, or when its account is disabled:
//! no caller can forget one of the three.

use accord_core::{CaseRole, Named};
use sqlx::{Row, SqliteConnection};

use super::audit;
use crate::account_rules::{self as rules, normalise_email};
use crate::codec::unname;
use crate::{
    ApiTokenInfo, Attribution, NewApiToken, NewSession, PublicAuthor, Session, SessionInfo,
    StoreError, TokenGrant, User, clock,
};

fn user(r: &sqlx::sqlite::SqliteRow) -> User {
    User {
        id: r.get("id"),
        email: r.get("email"),
        is_admin: r.get::<i64, _>("is_admin") != 0,
        disabled: r.get::<Option<String>, _>("disabled_at").is_some(),
    }
}

pub(crate) async fn create_user(
    tx: &mut SqliteConnection,
    email: &str,
    password_hash: &str,
    is_admin: bool,
) -> Result<User, StoreError> {
    let email = normalise_email(email);
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE email = ?")
        .bind(&email)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_some() {
        return Err(StoreError::Exists {
            what: "user",
            id: email,
        });
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(&email)
    .bind(password_hash)
    .bind(i64::from(is_admin))
    .bind(clock::now())
    .fetch_one(&mut *tx)
    .await?;
    audit(
        tx,
        "cli",
        None,
        "user.create",
        &rules::user_created(&email, is_admin),
    )
    .await?;
    Ok(User {
        id,
        email,
        is_admin,
        disabled: false,
    })
}

pub(crate) async fn user_by_email(
    conn: &mut SqliteConnection,
    email: &str,
) -> Result<Option<(User, String)>, StoreError> {
    let row = sqlx::query(
        "SELECT id, email, is_admin, disabled_at, password_hash FROM users WHERE email = ?",
    )
    .bind(normalise_email(email))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| (user(&r), r.get("password_hash"))))
}

pub(crate) async fn create_session(
    conn: &mut SqliteConnection,
    s: &NewSession,
    address: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (token_sha256, user_id, csrf, expires_unix, created_at, last_seen_unix, address)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&s.token_sha256)
    .bind(s.user_id)
    .bind(&s.csrf)
    .bind(s.expires_unix)
    .bind(clock::now())
    .bind(clock::unix_now())
    .bind(address)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn session(
    conn: &mut SqliteConnection,
    token_sha256: &str,
    now_unix: i64,
) -> Result<Option<Session>, StoreError> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.is_admin, u.disabled_at, s.csrf, s.expires_unix FROM sessions s
         JOIN users u ON u.id = s.user_id
         WHERE s.token_sha256 = ? AND s.expires_unix > ? AND u.disabled_at IS NULL",
    )
    .bind(token_sha256)
    .bind(now_unix)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| Session {
        user: user(&r),
        csrf: r.get("csrf"),
        expires_unix: r.get("expires_unix"),
    }))
}

pub(crate) async fn delete_session(
    conn: &mut SqliteConnection,
    token_sha256: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE token_sha256 = ?")
        .bind(token_sha256)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) async fn create_api_token(
    tx: &mut SqliteConnection,
    user_id: i64,
    name: &str,
    token_sha256: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO api_tokens (token_sha256, user_id, name, created_at) VALUES (?, ?, ?, ?)",
    )
    .bind(token_sha256)
    .bind(user_id)
    .bind(name)
    .bind(clock::now())
    .execute(&mut *tx)
    .await?;
    audit(tx, &format!("user:{user_id}"), None, "token.create", name).await
}

pub(crate) async fn user_by_api_token(
    conn: &mut SqliteConnection,
    token_sha256: &str,
) -> Result<Option<User>, StoreError> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.is_admin, u.disabled_at FROM api_tokens t
         JOIN users u ON u.id = t.user_id
         WHERE t.token_sha256 = ? AND (t.expires_unix IS NULL OR t.expires_unix > ?)
           AND u.disabled_at IS NULL",
    )
    .bind(token_sha256)
    .bind(clock::unix_now())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.as_ref().map(user))
}

pub(crate) async fn set_role(
    tx: &mut SqliteConnection,
    case_id: &str,
    user_id: i64,
    role: Option<CaseRole>,
    actor: &str,
) -> Result<(), StoreError> {
    match role {
        Some(r) => {
            sqlx::query(
                "INSERT INTO memberships (case_id, user_id, role) VALUES (?, ?, ?)
                 ON CONFLICT (case_id, user_id) DO UPDATE SET role = excluded.role",
            )
            .bind(case_id)
            .bind(user_id)
            .bind(r.as_str())
            .execute(&mut *tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM memberships WHERE case_id = ? AND user_id = ?")
                .bind(case_id)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
    }
    audit(
        tx,
        actor,
        Some(case_id),
        "member.set",
        &rules::member_set(user_id, role),
    )
    .await
}

pub(crate) async fn role(
    conn: &mut SqliteConnection,
    case_id: &str,
    user_id: i64,
) -> Result<Option<CaseRole>, StoreError> {
    let r: Option<String> =
        sqlx::query_scalar("SELECT role FROM memberships WHERE case_id = ? AND user_id = ?")
            .bind(case_id)
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?;
    r.map(|r| unname(case_id, &r)).transpose()
}

pub(crate) async fn members(
    conn: &mut SqliteConnection,
    case_id: &str,
) -> Result<Vec<(User, CaseRole)>, StoreError> {
    let rows = sqlx::query(
        "SELECT u.id, u.email, u.is_admin, u.disabled_at, m.role FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.case_id = ? ORDER BY u.email",
    )
    .bind(case_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| Ok((user(r), unname(case_id, r.get("role"))?)))
        .collect()
}

pub(crate) async fn roles_of_user(
    conn: &mut SqliteConnection,
    user_id: i64,
) -> Result<Vec<(String, CaseRole)>, StoreError> {
    let rows =
        sqlx::query("SELECT case_id, role FROM memberships WHERE user_id = ? ORDER BY case_id")
            .bind(user_id)
            .fetch_all(&mut *conn)
            .await?;
    rows.iter()
        .map(|r| {
            let case: String = r.get("case_id");
            let role = unname(&case, r.get("role"))?;
            Ok((case, role))
        })
        .collect()
}

/// The user a row names by id, for the audit log's actor and detail.
async fn user_by_id(conn: &mut SqliteConnection, user_id: i64) -> Result<User, StoreError> {
    let row = sqlx::query("SELECT id, email, is_admin, disabled_at FROM users WHERE id = ?")
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(user).ok_or_else(|| StoreError::NotFound {
        what: "user",
        id: user_id.to_string(),
    })
}

async fn user_by_address(conn: &mut SqliteConnection, email: &str) -> Result<User, StoreError> {
    let email = normalise_email(email);
    let row = sqlx::query("SELECT id, email, is_admin, disabled_at FROM users WHERE email = ?")
        .bind(&email)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(user).ok_or(StoreError::NotFound {
        what: "user",
        id: email,
    })
}

pub(crate) async fn touch_session(
    conn: &mut SqliteConnection,
    token_sha256: &str,
    now_unix: i64,
    idle_secs: i64,
) -> Result<Option<Session>, StoreError> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.is_admin, u.disabled_at, s.csrf, s.expires_unix, s.last_seen_unix
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_sha256 = ? AND s.expires_unix > ? AND s.last_seen_unix > ?
           AND u.disabled_at IS NULL",
    )
    .bind(token_sha256)
    .bind(now_unix)
    .bind(now_unix.saturating_sub(idle_secs))
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    if rules::due_for_touch(Some(r.get("last_seen_unix")), now_unix) {
        sqlx::query("UPDATE sessions SET last_seen_unix = ? WHERE token_sha256 = ?")
            .bind(now_unix)
            .bind(token_sha256)
            .execute(&mut *conn)
            .await?;
    }
    Ok(Some(Session {
        user: user(&r),
        csrf: r.get("csrf"),
        expires_unix: r.get("expires_unix"),
    }))
}

pub(crate) async fn sessions_of(
    conn: &mut SqliteConnection,
    user_id: i64,
    now_unix: i64,
    idle_secs: i64,
) -> Result<Vec<SessionInfo>, StoreError> {
    let rows = sqlx::query(
        "SELECT token_sha256, created_at, last_seen_unix, expires_unix, address FROM sessions
         WHERE user_id = ? AND expires_unix > ? AND last_seen_unix > ?
         ORDER BY last_seen_unix DESC, created_at DESC",
    )
    .bind(user_id)
    .bind(now_unix)
    .bind(now_unix.saturating_sub(idle_secs))
    .fetch_all(&mut *conn)
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
    tx: &mut SqliteConnection,
    user_id: i64,
    keep: Option<&str>,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "DELETE FROM sessions WHERE user_id = ? AND (?2 IS NULL OR token_sha256 <> ?2)",
    )
    .bind(user_id)
    .bind(keep)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected())
}

pub(crate) async fn end_sessions(
    tx: &mut SqliteConnection,
    user_id: i64,
    keep: Option<&str>,
    actor: &str,
) -> Result<u64, StoreError> {
    let who = user_by_id(tx, user_id).await?;
    let ended = delete_sessions(tx, user_id, keep).await?;
    let detail = rules::sessions_ended(&who.email, ended, keep.is_some());
    audit(tx, actor, None, "session.end_all", &detail).await?;
    Ok(ended)
}

pub(crate) async fn purge_sessions(
    conn: &mut SqliteConnection,
    now_unix: i64,
    idle_secs: i64,
) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_unix <= ? OR last_seen_unix <= ?")
        .bind(now_unix)
        .bind(now_unix.saturating_sub(idle_secs))
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}

pub(crate) async fn set_password(
    tx: &mut SqliteConnection,
    user_id: i64,
    password_hash: &str,
    keep: Option<&str>,
    actor: &str,
) -> Result<u64, StoreError> {
    let who = user_by_id(tx, user_id).await?;
    sqlx::query("UPDATE users SET password_hash = ? WHERE id = ?")
        .bind(password_hash)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let ended = delete_sessions(tx, user_id, keep).await?;
    let detail = rules::password_changed(&who.email, ended);
    audit(tx, actor, None, "user.password", &detail).await?;
    Ok(ended)
}

pub(crate) async fn set_disabled(
    tx: &mut SqliteConnection,
    email: &str,
    disabled: bool,
    actor: &str,
) -> Result<User, StoreError> {
    let mut who = user_by_address(tx, email).await?;
    sqlx::query("UPDATE users SET disabled_at = ? WHERE id = ?")
        .bind(disabled.then(clock::now))
        .bind(who.id)
        .execute(&mut *tx)
        .await?;
    let ended = if disabled {
        Some(delete_sessions(tx, who.id, None).await?)
    } else {
        None
    };
    let (action, detail) = rules::disabled(&who.email, ended);
    audit(tx, actor, None, action, &detail).await?;
    who.disabled = disabled;
    Ok(who)
}

pub(crate) async fn delete_user(
    tx: &mut SqliteConnection,
    email: &str,
    actor: &str,
) -> Result<User, StoreError> {
    let who = user_by_address(tx, email).await?;
    // Sessions, tokens and memberships go with the account (ON DELETE CASCADE).
    sqlx::query("DELETE FROM users WHERE id = ?")
        .bind(who.id)
        .execute(&mut *tx)
        .await?;
    audit(tx, actor, None, "user.delete", &who.email).await?;
    Ok(who)
}

pub(crate) async fn add_api_token(
    tx: &mut SqliteConnection,
    user_id: i64,
    t: &NewApiToken,
    actor: &str,
) -> Result<(), StoreError> {
    let who = user_by_id(tx, user_id).await?;
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM api_tokens WHERE user_id = ? AND name = ?")
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
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&t.token_sha256)
    .bind(user_id)
    .bind(&t.name)
    .bind(clock::now())
    .bind(t.expires_unix)
    .bind(i64::from(t.read_only))
    .execute(&mut *tx)
    .await?;
    let detail = rules::token_created(&who.email, t);
    audit(tx, actor, None, "token.create", &detail).await
}

pub(crate) async fn api_tokens(
    conn: &mut SqliteConnection,
    user_id: i64,
) -> Result<Vec<ApiTokenInfo>, StoreError> {
    let rows = sqlx::query(
        "SELECT name, created_at, expires_unix, read_only, last_used_unix FROM api_tokens
         WHERE user_id = ? ORDER BY name, created_at",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| ApiTokenInfo {
            name: r.get("name"),
            created_at: r.get("created_at"),
            expires_unix: r.get("expires_unix"),
            read_only: r.get::<i64, _>("read_only") != 0,
            last_used_unix: r.get("last_used_unix"),
        })
        .collect())
}

pub(crate) async fn revoke_api_token(
    tx: &mut SqliteConnection,
    user_id: i64,
    name: &str,
    actor: &str,
) -> Result<bool, StoreError> {
    let who = user_by_id(tx, user_id).await?;
    let done = sqlx::query("DELETE FROM api_tokens WHERE user_id = ? AND name = ?")
        .bind(user_id)
        .bind(name)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit(
        tx,
        actor,
        None,
        "token.revoke",
        &rules::token_revoked(&who.email, name),
    )
    .await?;
    Ok(true)
}

pub(crate) async fn api_token(
    conn: &mut SqliteConnection,
    token_sha256: &str,
    now_unix: i64,
) -> Result<Option<TokenGrant>, StoreError> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.is_admin, u.disabled_at, t.read_only, t.last_used_unix
         FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_sha256 = ? AND (t.expires_unix IS NULL OR t.expires_unix > ?)
           AND u.disabled_at IS NULL",
    )
    .bind(token_sha256)
    .bind(now_unix)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let last: Option<i64> = r.get("last_used_unix");
    if rules::due_for_touch(last, now_unix) {
        sqlx::query("UPDATE api_tokens SET last_used_unix = ? WHERE token_sha256 = ?")
            .bind(now_unix)
            .bind(token_sha256)
            .execute(&mut *conn)
            .await?;
    }
    Ok(Some(TokenGrant {
        user: user(&r),
        read_only: r.get::<i64, _>("read_only") != 0,
    }))
}

pub(crate) async fn set_attribution(
    tx: &mut SqliteConnection,
    user_id: i64,
    a: &Attribution,
    actor: &str,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE users SET display_name = ?, organisation = ?, attribution = ? WHERE id = ?",
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
        tx,
        actor,
        None,
        "user.attribution",
        &rules::attribution_set(a),
    )
    .await
}

fn attribution_of(r: &sqlx::sqlite::SqliteRow) -> Result<Attribution, StoreError> {
    let shown: String = r.get("attribution");
    Ok(Attribution {
        display_name: r.get("display_name"),
        organisation: r.get("organisation"),
        shown_as: unname("", &shown)?,
    })
}

pub(crate) async fn attribution(
    conn: &mut SqliteConnection,
    user_id: i64,
) -> Result<Attribution, StoreError> {
    let row = sqlx::query("SELECT display_name, organisation, attribution FROM users WHERE id = ?")
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "user",
            id: user_id.to_string(),
        })?;
    attribution_of(&row)
}

pub(crate) async fn public_authors(
    conn: &mut SqliteConnection,
    case_id: &str,
) -> Result<Vec<PublicAuthor>, StoreError> {
    let rows = sqlx::query(
        "SELECT u.email, u.display_name, u.organisation, u.attribution, m.role
         FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.case_id = ?
         ORDER BY u.id",
    )
    .bind(case_id)
    .fetch_all(&mut *conn)
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
