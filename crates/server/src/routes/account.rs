//! Signing in and out, and the account page: the password, the sessions ("sign out
//! everywhere") and the API tokens (created with an expiry and a read-only scope, listed, revoked).
//!
//! Every sign-in, sign-out and refused sign-in is logged (the audit list and the tamper-evident
//! log), never with a password: a refused sign-in names the account only when it exists, since
//! what was typed in the e-mail field may be a password typed in the wrong place.

use std::net::{IpAddr, SocketAddr};
use std::time::SystemTime;

use accord_core::Named;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use minijinja::context;

use accord_store::{Attribution, NewApiToken, NewSession, User};

use crate::auth::{self, Viewer};
use crate::forms::Fields;
use crate::routes::see_other;
use crate::routes::table::{Routes, get, post};
use crate::{AppError, AppState, password, ratelimit, secrets};

/// Sessions last two weeks.
const SESSION_SECS: i64 = 14 * 24 * 60 * 60;

/// The shortest password (as `accord user add` asks), and the longest (argon2 would take more, but
/// nobody types more).
const MIN_PASSWORD: usize = 10;
const MAX_PASSWORD: usize = 1024;
/// The longest token lifetime one can ask for, in days (ten years).
const MAX_TOKEN_DAYS: i64 = 3650;

/// How long a sign-in waits for a free hashing slot before the server answers that it is busy.
const HASHING_PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

pub(crate) fn router() -> Routes {
    Routes::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/account", get(account))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/revoke", post(revoke_token))
        .route("/account/password", post(change_password))
        .route("/account/sessions/end", post(end_sessions))
        .route("/account/attribution", post(set_attribution))
}

/// The address a request comes from: the connecting peer, or, behind a trusted proxy, the
/// address the proxy forwarded (see [`ratelimit::client_address`]). `None` when the server was
/// started without connection info (a router called directly, as in tests).
pub(crate) struct ClientAddr(Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientAddr(ratelimit::client_address(
            peer,
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

/// Only a path of this site is followed after signing in (no open redirect); anything else
/// goes to `/`.
pub(crate) fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_local_path(n) => n.to_owned(),
        _ => "/".to_owned(),
    }
}

/// A path of this site: exactly one `/` first, then neither `/` nor `\`, and no `\`, whitespace
/// or control character anywhere. Browsers drop tabs and line breaks from a `Location` and read
/// `\` as `/`, so `/\t/evil.example` or `/\\evil.example` would lead to another host (`//host`).
fn is_local_path(n: &str) -> bool {
    let mut chars = n.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !n
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

async fn login_page(
    State(state): State<AppState>,
    viewer: Viewer,
    RawQuery(q): RawQuery,
) -> Result<Response, AppError> {
    if viewer.user.is_some() {
        return Ok(see_other("/"));
    }
    let q = Fields::from_query(q.as_deref());
    Ok(state
        .page(
            &viewer,
            "login.html",
            context! { title => state.text(viewer.lang, "login-title"), error => None::<String>, email => "", next => safe_next(q.get("next")) },
        )?
        .into_response())
}

async fn login(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    body: Bytes,
) -> Result<Response, AppError> {
    let f = Fields::from_body(&body);
    let email = f.get("email").unwrap_or("").to_lowercase();
    let next = safe_next(f.get("next"));
    let fail = |state: &AppState, message: String, status| -> Result<Response, AppError> {
        let mut r = state
            .page(
                &viewer,
                "login.html",
                context! { title => state.text(viewer.lang, "login-title"), error => message, email => &email, next => &next },
            )?
            .into_response();
        *r.status_mut() = status;
        Ok(r)
    };
    // The attempt is counted before the password is verified (and refunded if it is right), so
    // guesses sent in parallel cannot all pass this check before any of them fails.
    let attempt = match state
        .limiter
        .reserve(&email, address, SystemTime::now())
        .await?
    {
        Ok(attempt) => attempt,
        Err(wait) => {
            // Whole seconds, rounded up: waiting what is said is always enough.
            let secs = (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1);
            let message = if secs < 60 {
                state.message(
                    viewer.lang,
                    "login-too-many-seconds",
                    &[("seconds", secs.into())],
                )
            } else {
                let minutes = secs.div_ceil(60);
                state.message(
                    viewer.lang,
                    "login-too-many",
                    &[("minutes", minutes.into())],
                )
            };
            let mut r = fail(&state, message, axum::http::StatusCode::TOO_MANY_REQUESTS)?;
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            return Ok(r);
        }
    };
    let password = f.text("password").unwrap_or("").to_owned();
    let found = state.store.user_by_email(&email).await?;
    // Verify against a dummy hash when the account does not exist, so timing does not tell.
    let (user, hash) = match found {
        Some((u, h)) => (Some(u), h),
        None => (None, state.dummy_hash.as_ref().clone()),
    };
    let ok = verify_password(&state, password, hash).await? && user.is_some();
    // A disabled account gets the answer a wrong password gets: the form does not confirm that
    // a password is right.
    let user = match user {
        Some(u) if ok && !u.disabled => u,
        refused => {
            attempt.failed(SystemTime::now()).await?;
            let (actor, why) = match &refused {
                None => ("anonymous".to_owned(), "unknown account"),
                Some(u) if u.disabled && ok => (u.email.clone(), "account disabled"),
                Some(u) => (u.email.clone(), "wrong password"),
            };
            state
                .store
                .log_account_event(&actor, "session.sign_in_failed", why)
                .await?;
            return fail(
                &state,
                state.text(viewer.lang, "login-wrong"),
                axum::http::StatusCode::UNAUTHORIZED,
            );
        }
    };
    attempt.succeeded().await?;
    let now = unix_now();
    // Sessions that have ended are deleted here, at each sign-in: no timer needed, and the table
    // never holds more than the sessions of the last idle period.
    state.store.purge_sessions(now, idle_secs(&state)).await?;
    let token = secrets::token().map_err(|e| AppError::Internal(e.to_string()))?;
    let csrf = secrets::token().map_err(|e| AppError::Internal(e.to_string()))?;
    state
        .store
        .start_session(
            &NewSession {
                token_sha256: secrets::digest(&token),
                user_id: user.id,
                csrf,
                expires_unix: now + SESSION_SECS,
            },
            address.map(|a| a.to_string()).as_deref(),
        )
        .await?;
    state
        .store
        .log_account_event(&user.email, "session.sign_in", "signed in")
        .await?;
    let mut r = see_other(&next);
    set_session_cookie(&state, &mut r, &token, SESSION_SECS)?;
    Ok(r)
}

/// Verify a password with one of the bounded hashing slots (each hash holds 19 MiB).
async fn verify_password(
    state: &AppState,
    password: String,
    hash: String,
) -> Result<bool, AppError> {
    let Some(slot) = state.limiter.hashing_slot(HASHING_PATIENCE).await else {
        return Err(AppError::Unavailable(crate::error::BUSY.into()));
    };
    let ok = password::verify(password, hash).await;
    drop(slot);
    Ok(ok)
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

fn idle_secs(state: &AppState) -> i64 {
    i64::try_from(state.site.idle_timeout.as_secs()).unwrap_or(i64::MAX)
}

fn set_session_cookie(
    state: &AppState,
    r: &mut Response,
    token: &str,
    max_age: i64,
) -> Result<(), AppError> {
    let secure = state.config.secure_cookies;
    let cookie = auth::set_cookie(auth::session_cookie(secure), token, max_age, secure);
    r.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|e| AppError::Internal(e.to_string()))?,
    );
    Ok(())
}

async fn logout(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    if let Some(s) = &viewer.session {
        state.store.delete_session(s).await?;
        state
            .store
            .log_account_event(&viewer.audit_name(), "session.sign_out", "signed out")
            .await?;
    }
    let mut r = see_other("/");
    set_session_cookie(&state, &mut r, "", 0)?;
    Ok(r)
}

/// `YYYY-MM-DD HH:MM UTC`.
fn when(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let rem = unix.rem_euclid(86_400);
    accord_core::Day::from_days_since_epoch(days).map_or_else(
        || unix.to_string(),
        |d| format!("{d} {:02}:{:02} UTC", rem / 3600, (rem % 3600) / 60),
    )
}

/// The account page, with what a form just did (a new token shown once, an error).
async fn account_page(
    state: &AppState,
    viewer: &Viewer,
    user: &User,
    token: Option<String>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let now = unix_now();
    let sessions: Vec<_> = state
        .store
        .sessions_of(user.id, now, idle_secs(state))
        .await?
        .into_iter()
        .map(|s| {
            context! {
                created => s.created_at.replace('T', " ").replace('Z', " UTC"),
                last_seen => when(s.last_seen_unix),
                address => s.address,
                current => viewer.session.as_deref() == Some(s.token_sha256.as_str()),
            }
        })
        .collect();
    let tokens: Vec<_> = state
        .store
        .api_tokens(user.id)
        .await?
        .into_iter()
        .map(|t| {
            context! {
                name => t.name,
                created => t.created_at.replace('T', " ").replace('Z', " UTC"),
                expires => t.expires_unix.map(when),
                expired => t.expires_unix.is_some_and(|e| e <= now),
                read_only => t.read_only,
                last_used => t.last_used_unix.map(when),
            }
        })
        .collect();
    let idle_hours = state.site.idle_timeout.as_secs().div_ceil(3600);
    let a = state.store.attribution(user.id).await?;
    let attribution = context! {
        display_name => a.display_name, organisation => a.organisation,
        shown_as => a.shown_as.as_str(),
    };
    let mut r = state
        .page(
            viewer,
            "account.html",
            context! { title => state.text(viewer.lang, "account-title"), token, error => &error, sessions, tokens, idle_hours, attribution },
        )?
        .into_response();
    if error.is_some() {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

async fn account(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    let user = viewer.require_user()?.clone();
    account_page(&state, &viewer, &user, None, None).await
}

async fn create_token(
    State(state): State<AppState>,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let user = viewer.require_user()?.clone();
    let f = Fields::from_body(&body);
    let name = f
        .get("name")
        .map(str::trim)
        .filter(|n| !n.is_empty() && n.chars().count() <= 100)
        .ok_or_else(|| AppError::invalid("name", "give the token a name (at most 100 characters)"))?
        .to_owned();
    let expires_unix = match f
        .get("expires_in_days")
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => None,
        Some(d) => match d.parse::<i64>() {
            Ok(n) if (1..=MAX_TOKEN_DAYS).contains(&n) => Some(unix_now() + n * 86_400),
            _ => {
                return Err(AppError::invalid(
                    "expires_in_days",
                    format!("a number of days from 1 to {MAX_TOKEN_DAYS}, or nothing"),
                ));
            }
        },
    };
    let token = secrets::token().map_err(|e| AppError::Internal(e.to_string()))?;
    state
        .store
        .add_api_token(
            user.id,
            &NewApiToken {
                name,
                token_sha256: secrets::digest(&token),
                expires_unix,
                read_only: f.get("read_only").is_some(),
            },
            &user.email,
        )
        .await?;
    account_page(&state, &viewer, &user, Some(token), None).await
}

async fn revoke_token(
    State(state): State<AppState>,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let user = viewer.require_user()?;
    let f = Fields::from_body(&body);
    let name = f.get("name").unwrap_or("");
    if !state
        .store
        .revoke_api_token(user.id, name, &user.email)
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/account"))
}

async fn change_password(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    body: Bytes,
) -> Result<Response, AppError> {
    let user = viewer.require_user()?.clone();
    let f = Fields::from_body(&body);
    let new = f.text("new").unwrap_or("").to_owned();
    let lang = viewer.lang;
    let problem = if new.chars().count() < MIN_PASSWORD {
        Some(state.message(
            lang,
            "account-password-short",
            &[("min", MIN_PASSWORD.into())],
        ))
    } else if new.chars().count() > MAX_PASSWORD {
        Some(state.message(
            lang,
            "account-password-long",
            &[("max", MAX_PASSWORD.into())],
        ))
    } else if f.text("confirm").unwrap_or("") != new {
        Some(state.text(lang, "account-password-differ"))
    } else {
        None
    };
    if let Some(problem) = problem {
        return account_page(&state, &viewer, &user, None, Some(problem)).await;
    }
    // The current password is asked for, and its guesses count like sign-in guesses: a session
    // left open on a shared computer must not be enough to take the account over.
    let attempt = state
        .limiter
        .reserve(&user.email, address, SystemTime::now())
        .await?
        .map_err(|wait| AppError::TooManyRequests(wait.as_secs().max(1)))?;
    let (_, hash) = state
        .store
        .user_by_email(&user.email)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let current = f.text("current").unwrap_or("").to_owned();
    if !verify_password(&state, current, hash).await? {
        attempt.failed(SystemTime::now()).await?;
        state
            .store
            .log_account_event(
                &user.email,
                "user.password_refused",
                "wrong current password",
            )
            .await?;
        let problem = state.text(viewer.lang, "account-password-wrong");
        return account_page(&state, &viewer, &user, None, Some(problem)).await;
    }
    attempt.succeeded().await?;
    let hash = password::hash(new).await.map_err(AppError::Internal)?;
    state
        .store
        .set_password(user.id, &hash, viewer.session.as_deref(), &user.email)
        .await?;
    Ok(see_other("/account"))
}

/// How the user is named in published views: a display name, their organisation, or their role.
async fn set_attribution(
    State(state): State<AppState>,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let user = viewer.require_user()?.clone();
    let f = Fields::from_body(&body);
    let chosen = Attribution::new(
        f.get("display_name"),
        f.get("organisation"),
        f.get("shown_as").unwrap_or(""),
    );
    match chosen {
        Ok(a) => {
            state
                .store
                .set_attribution(user.id, &a, &user.email)
                .await?;
            Ok(see_other("/account"))
        }
        Err(e) => {
            let label = match e.field {
                "display_name" => "account-display-name",
                "organisation" => "account-organisation",
                _ => "account-named-by",
            };
            let problem = format!("{}: {}", state.text(viewer.lang, label), e.message);
            account_page(&state, &viewer, &user, None, Some(problem)).await
        }
    }
}

async fn end_sessions(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    let user = viewer.require_user()?;
    state.store.end_sessions(user.id, None, &user.email).await?;
    let mut r = see_other("/login");
    set_session_cookie(&state, &mut r, "", 0)?;
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    fn check(next: &str, expected: &str) {
        assert_eq!(safe_next(Some(next)), expected, "next = {next:?}");
    }

    #[test]
    fn only_paths_of_this_site_are_followed() {
        for ok in [
            "/",
            "/account",
            "/cases/example-2030/timeline?page=2&kind=arrest",
            "/cases/x#section",
            "/%2F%2Fevil.example",
            "/%09/evil.example",
            "/a//b",
            "/ខ្មែរ",
        ] {
            check(ok, ok);
        }
        for hostile in [
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "/ /evil.example",
            " /evil.example",
            "/evil.example ",
            "/\u{0}/evil.example",
            "/\u{7f}/evil.example",
            "/\u{a0}/evil.example",
            "/\u{2028}/evil.example",
            "/\u{3000}/evil.example",
            "/a\\b",
            "https://evil.example/",
            "http:evil.example",
            "javascript:alert(1)",
            "data:text/html,x",
            "evil.example",
            "",
            "%2F%2Fevil.example",
            "%2f%2fevil.example",
            "\t//evil.example",
        ] {
            check(hostile, "/");
        }
        assert_eq!(safe_next(None), "/");
    }
}
