//! Who is asking, and is their form genuine: sessions, API tokens and CSRF, in one middleware.
//!
//! Every request passes through [`layer`]:
//! - a browser with a session cookie is the session's user; one without is anonymous and gets an
//!   anonymous CSRF cookie, so that the forms it may post (sign in, sign a letter) carry a token too;
//! - `/api/` requests authenticate with `Authorization: Bearer <token>` only — cookies are ignored
//!   there, so a page on another site cannot make the browser call the API;
//! - every state-changing browser request (POST, PUT, PATCH, DELETE outside `/api/`) must carry the
//!   `csrf` form field matching the session's (or the anonymous cookie's) token, or it is refused
//!   with 403 before any handler runs. Being a layer, no route can forget the check.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use accord_store::User;

use crate::{AppError, AppState, secrets};

pub const SESSION_COOKIE: &str = "accord_session";
pub const ANON_COOKIE: &str = "accord_csrf";
/// The largest form body accepted (evidence uploads are not form-encoded).
const MAX_FORM: usize = 2 * 1024 * 1024;

/// The person behind a request, as the middleware established it.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: Option<User>,
    /// The token a form must echo in its `csrf` field.
    pub csrf: String,
    /// The session's digest, when signed in through a cookie (for signing out).
    pub session: Option<String>,
}

impl Viewer {
    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.is_admin)
    }

    /// The name written in the audit log for this person's actions.
    pub fn audit_name(&self) -> String {
        self.user
            .as_ref()
            .map_or_else(|| "anonymous".to_owned(), |u| u.email.clone())
    }

    /// The signed-in user, or 401.
    pub fn require_user(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthorized)
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .ok_or_else(|| AppError::Internal("the auth layer did not run".into()))
    }
}

/// The value of one cookie.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, whole site; `Secure` behind HTTPS.
pub fn set_cookie(name: &str, value: &str, max_age_secs: i64, secure: bool) -> String {
    format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{}",
        if secure { "; Secure" } else { "" }
    )
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    match run(&state, req, next).await {
        Ok(r) | Err(r) => r,
    }
}

async fn run(state: &AppState, req: Request, next: Next) -> Result<Response, Response> {
    let api = req.uri().path().starts_with("/api/");
    let mut new_anon = None;
    let viewer = if api {
        let user = match bearer(req.headers()) {
            Some(token) => Some(
                state
                    .store
                    .user_by_api_token(&secrets::digest(token))
                    .await
                    .map_err(|e| crate::ApiError(AppError::from(e)).into_response())?
                    // An API client gets the API's JSON error, not the HTML page.
                    .ok_or_else(|| crate::ApiError(AppError::Unauthorized).into_response())?,
            ),
            None => None,
        };
        Viewer {
            user,
            csrf: String::new(),
            session: None,
        }
    } else {
        let session = match cookie(req.headers(), SESSION_COOKIE) {
            Some(token) => {
                let digest = secrets::digest(token);
                state
                    .store
                    .session(&digest, unix_now())
                    .await
                    .map_err(|e| AppError::from(e).into_response())?
                    .map(|s| (s, digest))
            }
            None => None,
        };
        match session {
            Some((s, digest)) => Viewer {
                user: Some(s.user),
                csrf: s.csrf,
                session: Some(digest),
            },
            None => {
                let anon = match cookie(req.headers(), ANON_COOKIE) {
                    Some(v) if v.len() >= 32 => v.to_owned(),
                    _ => {
                        let t = secrets::token().map_err(|e| {
                            AppError::Internal(format!("no randomness: {e}")).into_response()
                        })?;
                        new_anon = Some(t.clone());
                        t
                    }
                };
                Viewer {
                    user: None,
                    csrf: anon,
                    session: None,
                }
            }
        }
    };

    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let req = if unsafe_method && !api {
        check_csrf(req, &viewer, new_anon.is_some()).await?
    } else {
        req
    };

    let mut req = req;
    req.extensions_mut().insert(viewer);
    let mut response = next.run(req).await;
    if let Some(token) = new_anon
        && let Ok(v) = HeaderValue::from_str(&set_cookie(
            ANON_COOKIE,
            &token,
            60 * 60 * 24 * 30,
            state.config.secure_cookies,
        ))
    {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}

/// Buffer the form body, compare its `csrf` field with the viewer's token, and hand the request
/// on with the same body.
async fn check_csrf(req: Request, viewer: &Viewer, fresh_anon: bool) -> Result<Request, Response> {
    let forbidden = || {
        AppError::Forbidden("The form has expired or did not come from this site. Go back, reload the page and try again.".into()).into_response()
    };
    if fresh_anon {
        // No cookie came with the request, so no token can match.
        return Err(forbidden());
    }
    let (parts, body) = req.into_parts();
    let bytes: Bytes = axum::body::to_bytes(body, MAX_FORM)
        .await
        .map_err(|_| AppError::BadRequest("the form is too large".into()).into_response())?;
    let sent = form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.into_owned());
    match sent {
        Some(t) if !viewer.csrf.is_empty() && secrets::same(&t, &viewer.csrf) => {
            Ok(Request::from_parts(parts, Body::from(bytes)))
        }
        _ => Err(forbidden()),
    }
}
