//! Users, sessions, API tokens and case roles in SQLite.

use accord_core::{CaseRole, Named};
use sqlx::{Row, SqliteConnection};

use super::audit;
use crate::codec::unname;
use crate::{NewSession, Session, StoreError, User, clock};

fn user(r: &sqlx::sqlite::SqliteRow) -> User {
    User {
        id: r.get("id"),
        email: r.get("email"),
        is_admin: r.get::<i64, _>("is_admin") != 0,
    }
}

/// E-mail addresses compare case-insensitively; they are stored trimmed and lower-cased.
pub(crate) fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
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
        &format!("{email}{}", if is_admin { " (admin)" } else { "" }),
    )
    .await?;
    Ok(User {
        id,
        email,
        is_admin,
    })
}

pub(crate) async fn user_by_email(
    conn: &mut SqliteConnection,
    email: &str,
) -> Result<Option<(User, String)>, StoreError> {
    let row = sqlx::query("SELECT id, email, is_admin, password_hash FROM users WHERE email = ?")
        .bind(normalise_email(email))
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| (user(&r), r.get("password_hash"))))
}

pub(crate) async fn create_session(
    conn: &mut SqliteConnection,
    s: &NewSession,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (token_sha256, user_id, csrf, expires_unix, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&s.token_sha256)
    .bind(s.user_id)
    .bind(&s.csrf)
    .bind(s.expires_unix)
    .bind(clock::now())
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
        "SELECT u.id, u.email, u.is_admin, s.csrf, s.expires_unix FROM sessions s
         JOIN users u ON u.id = s.user_id WHERE s.token_sha256 = ? AND s.expires_unix > ?",
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
        "SELECT u.id, u.email, u.is_admin FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_sha256 = ?",
    )
    .bind(token_sha256)
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
        &format!(
            "user {user_id}: {}",
            role.map_or("removed", CaseRole::as_str)
        ),
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
        "SELECT u.id, u.email, u.is_admin, m.role FROM memberships m JOIN users u ON u.id = m.user_id
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
