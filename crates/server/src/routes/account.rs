//! Signing in and out, and the account page (API tokens).

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use minijinja::context;

use accord_store::NewSession;

use crate::auth::{self, Viewer};
use crate::forms::Fields;
use crate::routes::see_other;
use crate::{AppError, AppState, password, ratelimit, secrets};

/// Sessions last two weeks.
const SESSION_SECS: i64 = 14 * 24 * 60 * 60;

/// How long a sign-in waits for a free hashing slot before the server answers that it is busy.
const HASHING_PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/account", get(account))
        .route("/account/tokens", post(create_token))
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

/// "30 seconds", "1 minute", "15 minutes".
fn in_words(secs: u64) -> String {
    match secs {
        1 => "1 second".to_owned(),
        s if s < 60 => format!("{s} seconds"),
        s => match s.div_ceil(60) {
            1 => "1 minute".to_owned(),
            m => format!("{m} minutes"),
        },
    }
}

/// Only a path of this site is followed after signing in (no open redirect); anything else
/// goes to `/`.
fn safe_next(next: Option<&str>) -> String {
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
            context! { title => "Sign in", error => None::<String>, email => "", next => safe_next(q.get("next")) },
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
                context! { title => "Sign in", error => message, email => &email, next => &next },
            )?
            .into_response();
        *r.status_mut() = status;
        Ok(r)
    };
    // The attempt is counted before the password is verified (and refunded if it is right), so
    // guesses sent in parallel cannot all pass this check before any of them fails.
    let attempt = match state.limiter.reserve(&email, address, Instant::now()) {
        Ok(attempt) => attempt,
        Err(wait) => {
            // Whole seconds, rounded up: waiting what is said is always enough.
            let secs = (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1);
            let mut r = fail(
                &state,
                format!("Too many failed attempts. Try again in {}.", in_words(secs)),
                axum::http::StatusCode::TOO_MANY_REQUESTS,
            )?;
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
    // One hash per core at a time: each holds 19 MiB.
    let Some(slot) = state.limiter.hashing_slot(HASHING_PATIENCE).await else {
        return Err(AppError::Unavailable(
            "The server is busy. Try again in a moment.".into(),
        ));
    };
    let ok = password::verify(password, hash).await && user.is_some();
    drop(slot);
    let Some(user) = user.filter(|_| ok) else {
        attempt.failed(Instant::now());
        return fail(
            &state,
            "The e-mail address or the password is not right.".to_owned(),
            axum::http::StatusCode::UNAUTHORIZED,
        );
    };
    attempt.succeeded();
    let token = secrets::token().map_err(|e| AppError::Internal(e.to_string()))?;
    let csrf = secrets::token().map_err(|e| AppError::Internal(e.to_string()))?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    state
        .store
        .create_session(&NewSession {
            token_sha256: secrets::digest(&token),
            user_id: user.id,
            csrf,
            expires_unix: now + SESSION_SECS,
        })
        .await?;
    let mut r = see_other(&next);
    let cookie = auth::set_cookie(
        auth::SESSION_COOKIE,
        &token,
        SESSION_SECS,
        state.config.secure_cookies,
    );
    r.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|e| AppError::Internal(e.to_string()))?,
    );
    Ok(r)
}

async fn logout(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    if let Some(s) = &viewer.session {
        state.store.delete_session(s).await?;
    }
    let mut r = see_other("/");
    let cookie = auth::set_cookie(auth::SESSION_COOKIE, "", 0, state.config.secure_cookies);
    r.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|e| AppError::Internal(e.to_string()))?,
    );
    Ok(r)
}

async fn account(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    viewer.require_user()?;
    Ok(state
        .page(
            &viewer,
            "account.html",
            context! { title => "Your account", token => None::<String> },
        )?
        .into_response())
}

async fn create_token(
    State(state): State<AppState>,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let user = viewer.require_user()?;
    let f = Fields::from_body(&body);
    let name = f
        .get("name")
        .ok_or_else(|| AppError::invalid("name", "give the token a name"))?;
    let token = secrets::token().map_err(|e| AppError::Internal(e.to_string()))?;
    state
        .store
        .create_api_token(user.id, name, &secrets::digest(&token))
        .await?;
    Ok(state
        .page(
            &viewer,
            "account.html",
            context! { title => "Your account", token },
        )?
        .into_response())
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
