#![doc = include_str!("../README.md")]

mod access;
mod as_of;
mod assets;
pub mod auth;
mod case_cache;
mod charts;
mod disclosure;
pub mod election_words;
mod error;
mod forms;
pub mod i18n;
mod incident_query;
mod letter_cache;
mod listener;
pub mod password;
mod ratelimit;
pub mod refusals;
mod routes;
pub mod search_sync;
pub mod secrets;
mod security;
pub mod svg;
mod templates;
pub mod upload_csrf;
pub mod views;
mod visibility;

use std::net::SocketAddr;
use std::sync::Arc;

use accord_actions::Actions;
use accord_search::SearchIndex;
use accord_store::Store;
use axum::Router;

pub use access::CaseAccess;
pub use auth::Viewer;
pub use error::{ApiError, AppError};
pub use letter_cache::LetterWork;
pub use listener::{ConnectionLimits, serve_on};
pub use ratelimit::{TrustedProxy, TrustedProxyError};
pub use routes::{route_table, router};
pub use security::{BaseUrl, BaseUrlError, SiteSettings};

/// How the server runs; built once at start.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Mark cookies `Secure` (set when Accord is served over HTTPS, directly or behind a proxy).
    pub secure_cookies: bool,
    /// Directories searched for fonts (PDF rendering of letters).
    pub font_paths: Vec<std::path::PathBuf>,
    /// Proxies whose `X-Forwarded-For` gives the client's address (sign-in limits count per
    /// address); from anyone else the header is ignored.
    pub trusted_proxies: Vec<TrustedProxy>,
    /// The largest evidence file accepted, in bytes (the upload routes' body limit follows it).
    pub upload_limit: u64,
    /// The interface's language for readers who chose none and whose browser asks for none
    /// Accord speaks (`i18n.rs`).
    pub default_lang: accord_core::Lang,
}

impl ServerConfig {
    /// 4 GiB: a long video, far more than any form.
    pub const DEFAULT_UPLOAD_LIMIT: u64 = 4 * 1024 * 1024 * 1024;
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            secure_cookies: false,
            font_paths: Vec::new(),
            trusted_proxies: Vec::new(),
            upload_limit: ServerConfig::DEFAULT_UPLOAD_LIMIT,
            default_lang: accord_core::Lang::En,
        }
    }
}

/// Everything a request handler may use; built once at start and shared.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Every write goes through these (check, one transaction, log, search index).
    pub actions: Actions,
    pub store: Arc<dyn Store>,
    pub config: Arc<ServerConfig>,
    /// Full-text index of incidents; `None` falls back to the unfiltered timeline.
    pub search: Option<Arc<SearchIndex>>,
    templates: Arc<templates::Templates>,
    /// The interface's message catalogs (`i18n.rs`), shared with the templates.
    catalogs: Arc<i18n::Catalogs>,
    cache: Arc<case_cache::CaseCache>,
    /// Composed and rendered letters, per case version (`letter_cache.rs`).
    letters: Arc<letter_cache::LetterCache>,
    limiter: Arc<ratelimit::LoginLimiter>,
    dummy_hash: Arc<String>,
    /// The public address and the idle timeout ([`AppState::with_site`]).
    site: Arc<SiteSettings>,
    /// Fonts for PDF rendering, loaded on first use and then shared (loading scans
    /// `/usr/share/fonts`: tens of milliseconds, too slow for every download).
    fonts: Arc<tokio::sync::OnceCell<Arc<accord_pdf::Fonts>>>,
}

impl AppState {
    /// The state around an action layer: its store and search index are the ones pages read.
    pub fn new(actions: Actions, config: ServerConfig) -> Result<AppState, AppError> {
        let catalogs =
            Arc::new(i18n::Catalogs::load().map_err(|e| AppError::Internal(e.to_string()))?);
        // The counts are in the store, shared by every server on the database.
        let limiter =
            ratelimit::LoginLimiter::new(ratelimit::Policy::default(), actions.store().clone());
        Ok(AppState {
            dummy_hash: Arc::new(password::dummy_hash().map_err(AppError::Internal)?),
            fonts: Arc::new(tokio::sync::OnceCell::new()),
            store: actions.store().clone(),
            search: actions.search().cloned(),
            actions,
            config: Arc::new(config),
            templates: Arc::new(templates::Templates::load(catalogs.clone())?),
            catalogs,
            cache: Arc::new(case_cache::CaseCache::default()),
            letters: Arc::new(letter_cache::LetterCache::default()),
            limiter: Arc::new(limiter),
            site: Arc::new(SiteSettings::default()),
        })
    }

    /// How many letters this server has composed and rendered to PDF since it started (each is
    /// done once per version of its case; the rest are served from memory).
    pub fn letter_work(&self) -> LetterWork {
        self.letters.work()
    }

    /// The site's public address, if configured (links sent outside are built from it).
    pub fn base_url(&self) -> Option<&BaseUrl> {
        self.site.base_url.as_ref()
    }

    /// The state with these site settings (the public address, the idle timeout).
    #[must_use]
    pub fn with_site(mut self, site: SiteSettings) -> AppState {
        self.site = Arc::new(site);
        self
    }

    /// The PDF fonts: the configured paths, then the system's. A failure is not cached, so
    /// installing the font packages takes effect without a restart.
    pub async fn fonts(&self) -> Result<Arc<accord_pdf::Fonts>, AppError> {
        self.fonts
            .get_or_try_init(|| async {
                let mut paths = self.config.font_paths.clone();
                paths.extend(accord_pdf::Fonts::default_paths());
                tokio::task::spawn_blocking(move || accord_pdf::Fonts::load(&paths))
                    .await
                    .map_err(|e| AppError::Internal(format!("font loading stopped: {e}")))?
                    .map(Arc::new)
                    .map_err(|e| AppError::Unavailable(e.to_string()))
            })
            .await
            .cloned()
    }

    /// Render a page template with the common context (viewer, CSRF token, htmx) merged in.
    pub fn page(
        &self,
        viewer: &Viewer,
        name: &str,
        ctx: minijinja::Value,
    ) -> Result<axum::response::Html<String>, AppError> {
        let common = minijinja::context! {
            lang => viewer.lang.tag(),
            languages => i18n::switch_context(viewer.lang),
            here => &viewer.here,
            viewer => viewer.user.as_ref().map(|u| minijinja::context! { email => &u.email, admin => u.is_admin }),
            // Masked anew in every page (BREACH; see `auth.rs`).
            csrf => viewer.masked_csrf()?,
            htmx => assets::have_htmx(),
        };
        Ok(axum::response::Html(self.templates.render(
            name,
            minijinja::value::merge_maps([ctx, common]),
        )?))
    }
}

impl AppState {
    /// A catalog message in `lang` (the sentences handlers build: notices, form errors).
    pub(crate) fn text(&self, lang: accord_core::Lang, id: &str) -> String {
        self.catalogs.text(lang, id)
    }

    /// The words of `lang`, for what handlers write outside a template (charts, view values).
    pub(crate) fn say(&self, lang: accord_core::Lang) -> i18n::Say<'_> {
        i18n::Say::new(&self.catalogs, lang)
    }

    /// A catalog message with arguments.
    pub(crate) fn message(
        &self,
        lang: accord_core::Lang,
        id: &str,
        args: &[(&str, fluent_bundle::FluentValue<'_>)],
    ) -> String {
        let mut fluent = fluent_bundle::FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.catalogs.message(lang, id, Some(&fluent))
    }
}

/// Serve until Ctrl-C, with the default [`ConnectionLimits`] (slow clients are cut off; see
/// `listener.rs`).
pub async fn serve(addr: SocketAddr, state: AppState) -> std::io::Result<()> {
    serve_listener(bind(addr).await?, state).await
}

/// Listen on `addr`: bind first, so that a caller says it is serving only once it is (and an
/// address in use is reported before anything else).
pub async fn bind(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr).await
}

/// [`serve`] on a listener already bound.
pub async fn serve_listener(
    listener: tokio::net::TcpListener,
    state: AppState,
) -> std::io::Result<()> {
    serve_on(
        listener,
        router(state),
        ConnectionLimits::default(),
        async {
            let _ = tokio::signal::ctrl_c().await;
        },
    )
    .await
}

/// Build the application router around a state (tests call this without a socket).
pub fn app(state: AppState) -> Router {
    router(state)
}
