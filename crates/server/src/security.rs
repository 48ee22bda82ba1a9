//! Security headers on every response.
//!
//! The policy allows scripts, styles and images from this origin only (no inline script: htmx is
//! a file served by Accord), forbids framing, and keeps the URL of private pages out of
//! `Referer` headers sent elsewhere.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
frame-ancestors 'none'";

pub async fn headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let pairs: [(HeaderName, &str); 5] = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in pairs {
        h.insert(name, HeaderValue::from_static(value));
    }
    res
}

/// Settings of the site as its users reach it, beside [`crate::ServerConfig`]: the address
/// links sent out of the site are built from, and how long an unused session lasts.
#[derive(Debug, Clone)]
pub struct SiteSettings {
    /// The site's public address (`base_url`, `ACCORD_BASE_URL`, `--base-url`). Links sent to
    /// people outside (sign-on invitations) are built from it, never from the request's `Host`
    /// header, which whoever sends the request chooses.
    pub base_url: Option<BaseUrl>,
    /// A session unused for this long ends, whatever its absolute expiry (default 12 hours).
    pub idle_timeout: std::time::Duration,
}

impl SiteSettings {
    pub const DEFAULT_IDLE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(12 * 3600);
}

impl Default for SiteSettings {
    fn default() -> Self {
        SiteSettings {
            base_url: None,
            idle_timeout: SiteSettings::DEFAULT_IDLE_TIMEOUT,
        }
    }
}

/// An `http://` or `https://` origin with an optional path, without query or fragment; kept
/// without its trailing `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

/// Why a base URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url:?} is not a base URL such as https://accord.example.org ({reason})")]
pub struct BaseUrlError {
    pub url: String,
    pub reason: &'static str,
}

impl std::str::FromStr for BaseUrl {
    type Err = BaseUrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let refuse = |reason| BaseUrlError {
            url: s.to_owned(),
            reason,
        };
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or_else(|| refuse("it must start with https:// or http://"))?;
        let host = rest.split('/').next().unwrap_or("");
        if host.is_empty() || host.starts_with(':') {
            return Err(refuse("it names no host"));
        }
        if s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '\\' | '"' | '<' | '>'))
        {
            return Err(refuse("it holds a space, a control character or a quote"));
        }
        if s.contains(['?', '#', '@']) {
            return Err(refuse("no query, fragment or user name"));
        }
        Ok(BaseUrl(s.trim_end_matches('/').to_owned()))
    }
}

impl BaseUrl {
    /// The address of a path of this site (`path` starts with `/`).
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

impl std::fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
