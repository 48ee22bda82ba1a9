//! Who is asking, and is their form genuine: sessions, API tokens and CSRF, in one middleware.
//!
//! Every request passes through [`layer`]:
//! - a browser with a session cookie is the session's user; one without is anonymous and gets an
//!   anonymous CSRF cookie, so that the forms it may post (sign in, sign a letter) carry a token too;
//! - `/api/` requests authenticate with `Authorization: Bearer <token>` only — cookies are ignored
//!   there, so a page on another site cannot make the browser call the API;
//! - every state-changing browser request (POST, PUT, PATCH, DELETE outside `/api/`) must carry the
//!   `csrf` form field matching the session's (or the anonymous cookie's) token, or it is refused
//!   with 403 before any handler runs. Being a layer, no route can forget the check;
//! - a read-only API token is refused (403) on every state-changing method, here, where tokens
//!   are authenticated: no API handler has to remember it;
//! - every answer to a signed-in person, to a token, or that sets or carries a CSRF token is
//!   marked `Cache-Control: no-store`; with `--secure-cookies`, every answer carries
//!   `Strict-Transport-Security` and the cookies are named `__Host-…` (so no other host of the
//!   domain, and no plain-HTTP answer, can set them).
//!
//! Pages never carry the CSRF token itself but `mask ‖ (token XOR mask)` with a fresh random mask
//! (base64url), different in every page: pages are compressed and echo input, and a secret that
//! stays the same from page to page can be read through the compressed size (BREACH). The check
//! unmasks. It accepts the plain token as well, as Django and Rails do: masking is a public
//! transformation (whoever knows the token can mask it), so refusing the plain one would protect
//! nothing; what matters is that no page ever shows it.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use accord_store::User;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::{AppError, AppState, secrets};

pub const SESSION_COOKIE: &str = "accord_session";
pub const ANON_COOKIE: &str = "accord_csrf";
/// The cookie names with `--secure-cookies`: a browser accepts a `__Host-` cookie only over
/// HTTPS, for the whole site, from this very host.
pub const SECURE_SESSION_COOKIE: &str = "__Host-accord_session";
pub const SECURE_ANON_COOKIE: &str = "__Host-accord_csrf";
/// A year, the least the HSTS preload list asks for. Without `includeSubDomains`: other hosts
/// of the domain are not Accord's to decide.
const HSTS: &str = "max-age=31536000";
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
    /// The language pages are written in for this person (`i18n.rs`: their choice, their
    /// browser's, or the instance's).
    pub lang: accord_core::Lang,
    /// The path and query asked for, where the language switch sends the reader back to.
    pub here: String,
}

impl Viewer {
    /// The CSRF token as a page carries it: masked anew (see the module's documentation).
    pub fn masked_csrf(&self) -> Result<String, AppError> {
        mask(&self.csrf).map_err(|e| AppError::Internal(format!("no randomness: {e}")))
    }

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

/// The session cookie's name: `__Host-` prefixed with `--secure-cookies`.
pub fn session_cookie(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// The anonymous CSRF cookie's name: `__Host-` prefixed with `--secure-cookies`.
pub fn anon_cookie(secure: bool) -> &'static str {
    if secure {
        SECURE_ANON_COOKIE
    } else {
        ANON_COOKIE
    }
}

/// `mask ‖ (token XOR mask)`, base64url, with a fresh mask from the operating system.
pub fn mask(token: &str) -> Result<String, getrandom::Error> {
    let token = token.as_bytes();
    let mut out = vec![0u8; 2 * token.len()];
    let (mask, masked) = out.split_at_mut(token.len());
    getrandom::fill(mask)?;
    for ((m, t), o) in mask.iter().zip(token).zip(masked.iter_mut()) {
        *o = m ^ t;
    }
    Ok(URL_SAFE_NO_PAD.encode(out))
}

/// Whether a form's token is the viewer's: masked (as pages carry it) or plain. Compared in
/// constant time.
pub fn csrf_matches(sent: &str, token: &str) -> bool {
    if token.is_empty() {
        return false;
    }
    if secrets::same(sent, token) {
        return true;
    }
    let Ok(bytes) = URL_SAFE_NO_PAD.decode(sent) else {
        return false;
    };
    if bytes.len() != 2 * token.len() {
        return false;
    }
    let (mask, masked) = bytes.split_at(token.len());
    let unmasked: Vec<u8> = mask.iter().zip(masked).map(|(m, x)| m ^ x).collect();
    let token = token.as_bytes();
    unmasked
        .iter()
        .zip(token)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
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
    let secure = state.config.secure_cookies;
    let api = req.uri().path().starts_with("/api/");
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let mut new_anon = None;
    let lang = req
        .extensions()
        .get::<accord_core::Lang>()
        .copied()
        .unwrap_or(state.config.default_lang);
    // After a form, the page shown is the form's answer; the switch goes back to its path.
    let here = match (unsafe_method, req.uri().path_and_query()) {
        (false, Some(pq)) => pq.as_str().to_owned(),
        _ => req.uri().path().to_owned(),
    };
    let viewer = if api {
        let user = match bearer(req.headers()) {
            Some(token) => {
                let grant = state
                    .store
                    .api_token(&secrets::digest(token), unix_now())
                    .await
                    .map_err(|e| {
                        private(crate::ApiError(AppError::from(e)).into_response(), secure)
                    })?
                    // An API client gets the API's JSON error, not the HTML page.
                    .ok_or_else(|| {
                        private(
                            crate::ApiError(AppError::Unauthorized).into_response(),
                            secure,
                        )
                    })?;
                // The one place a read-only token is held to reading.
                if grant.read_only && unsafe_method {
                    return Err(private(
                        crate::ApiError(AppError::Forbidden("this token is read-only".into()))
                            .into_response(),
                        secure,
                    ));
                }
                Some(grant.user)
            }
            None => None,
        };
        Viewer {
            user,
            csrf: String::new(),
            session: None,
            lang,
            here,
        }
    } else {
        let idle = i64::try_from(state.site.idle_timeout.as_secs()).unwrap_or(i64::MAX);
        let session = match cookie(req.headers(), session_cookie(secure)) {
            Some(token) => {
                let digest = secrets::digest(token);
                state
                    .store
                    .touch_session(&digest, unix_now(), idle)
                    .await
                    .map_err(|e| private(AppError::from(e).into_response(), secure))?
                    .map(|s| (s, digest))
            }
            None => None,
        };
        match session {
            Some((s, digest)) => Viewer {
                user: Some(s.user),
                csrf: s.csrf,
                session: Some(digest),
                lang,
                here,
            },
            None => {
                let anon = match cookie(req.headers(), anon_cookie(secure)) {
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
                    lang,
                    here,
                }
            }
        }
    };

    let req = if unsafe_method && !api {
        check_csrf(req, &viewer, new_anon.is_some())
            .await
            .map_err(|r| private(r, secure))?
    } else {
        req
    };

    let path = req.uri().path().to_owned();
    let signed_in = viewer.user.is_some();
    let mut req = req;
    req.extensions_mut().insert(viewer);
    let mut response = next.run(req).await;
    if let Some(token) = &new_anon
        && let Ok(v) = HeaderValue::from_str(&set_cookie(
            anon_cookie(secure),
            token,
            60 * 60 * 24 * 30,
            secure,
        ))
    {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    // Not for anyone's cache: whatever a signed-in person or a token sees, whatever sets a
    // cookie, the pages of the account (the sign-in form carries a CSRF token) and the sign-on
    // pages (their secret is in the address, and they open letters that may be private). Public
    // pages of published cases, to anonymous visitors who hold their cookie already, stay as
    // they are.
    let account_page = path == "/login"
        || path == "/logout"
        || path.starts_with("/account")
        || path.starts_with("/sign/")
        || path.starts_with("/withdraw/");
    let sets_cookie = response.headers().contains_key(header::SET_COOKIE);
    let no_store_already = response
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store"));
    if (signed_in || sets_cookie || account_page)
        && !no_store_already
        && !path.starts_with("/assets/")
    {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(with_hsts(response, secure))
}

/// An answer refused before any handler ran: never cached, with HSTS when served over HTTPS.
fn private(mut response: Response, secure: bool) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    with_hsts(response, secure)
}

fn with_hsts(mut response: Response, secure: bool) -> Response {
    if secure {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    response
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
        Some(t) if csrf_matches(&t, &viewer.csrf) => {
            Ok(Request::from_parts(parts, Body::from(bytes)))
        }
        _ => Err(forbidden()),
    }
}
