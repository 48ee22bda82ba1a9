//! The URL map. Each resource has its own module under `routes/`; this file only assembles them
//! and the layers every request passes through.
//!
//! To add routes: write `routes/<resource>.rs` with a `pub(crate) fn router() -> Routes`,
//! declare it below and `.merge()` it in [`routes`]. Handlers take the [`Viewer`] extractor and
//! check access with [`CaseAccess`]; forms carry `csrf` (checked by the auth layer) and templates
//! extend `base.html` (register new ones in `templates.rs`).
//!
//! Every route is registered through [`table::Routes`] with [`table::get`], [`table::post`] and
//! [`table::any`] (not `axum::Router::route` with `axum::routing`'s): each registration adds the
//! route to the router and its `(method, path)` to a list, which [`route_table`] returns. The
//! route × role test (`tests/server/matrix.rs`) walks that list and fails on any route without a
//! row in its table, so a new route cannot ship without its access rules being written down and
//! checked. The JSON API's routes are listed from its OpenAPI document, which `utoipa_axum`
//! builds in the same step as the router (see `routes/api.rs`).
//!
//! [`Viewer`]: crate::Viewer

mod account;
mod actors;
mod api;
mod cases;
mod elections;
mod evidence;
mod findings;
mod follow_through;
mod history;
mod incidents;
mod letters;
mod mechanisms;
mod observations;
mod provisions;
mod records;
mod search;
mod table;
mod table_import;
mod timeline;
mod timeline_download;
mod translations;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::middleware;
use minijinja::{Value, context};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};

use crate::access::CaseAccess;
use crate::{AppState, ServerConfig, assets, auth, i18n, security, upload_csrf};
use table::{Routes, get, post};

pub(crate) use account::safe_next;

/// The whole application.
pub fn router(state: AppState) -> Router {
    let (router, _) = routes(state.config.upload_limit).into_parts();
    router
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), auth::layer))
        // Outside the auth layer: it decides the request's language, which the auth layer hands
        // to the viewer, and writes every error answer (the auth layer's too) in that language.
        .layer(middleware::from_fn_with_state(state.clone(), i18n::layer))
        // Outside the auth layer: a multipart upload's CSRF token is checked by the auth layer
        // without its body being read (see upload_csrf.rs).
        .layer(middleware::from_fn(upload_csrf::layer))
        .layer(middleware::from_fn(security::headers))
        // gzip level 3: pages come out about 15 % larger than at the default level 6, for half
        // the CPU (measured on the dashboard of 100,000 incidents: 8.4 KB against 7.2 KB).
        // Evidence downloads are sent as they are stored: compressing gigabytes of video or
        // archives on the fly would cost CPU for nothing.
        .layer(
            CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Precise(3))
                .compress_when(
                    DefaultPredicate::new()
                        .and(NotForContentType::const_new("application/octet-stream")),
                ),
        )
        // Forms and JSON bodies; the upload routes set their own limit (the configured file size).
        .layer(DefaultBodyLimit::max(4 * 1024 * 1024))
        .with_state(state)
}

/// Every route the application serves, as `(method, path pattern)` sorted by path: the list that
/// [`router`]'s own registration made (a route answering any method is listed under GET, POST,
/// PUT, PATCH and DELETE; GET includes HEAD). For the route × role test, and for anyone auditing
/// what the server exposes.
pub fn route_table() -> Vec<(Method, String)> {
    // The upload limit only sets a body limit; it changes no route.
    routes(ServerConfig::DEFAULT_UPLOAD_LIMIT).into_parts().1
}

/// Every route, before the layers and the fallback.
fn routes(upload_limit: u64) -> Routes {
    Routes::new()
        .route("/assets/accord.css", get(assets::css))
        .route("/assets/htmx.min.js", get(assets::htmx))
        .route("/assets/upload.js", get(assets::upload_js))
        .route("/language", post(i18n::switch))
        .merge(account::router())
        .merge(cases::router())
        .merge(timeline::router())
        .merge(search::router())
        .merge(timeline_download::router())
        .merge(table_import::router())
        .merge(incidents::router())
        .merge(letters::router())
        .merge(follow_through::router())
        .merge(findings::router())
        .merge(provisions::router())
        .merge(observations::router())
        .merge(actors::router())
        .merge(mechanisms::router())
        .merge(elections::router())
        .merge(evidence::router(upload_limit))
        .merge(history::router())
        .merge(translations::router())
        .merge(records::router())
        .merge(api::router(upload_limit))
}

/// Unknown paths answer like a private or missing case: one 404 page for all.
async fn not_found() -> crate::AppError {
    crate::AppError::NotFound
}

/// The context every case page needs: the case and what the viewer may do in it.
pub(crate) fn case_ctx(access: &CaseAccess) -> Value {
    context! {
        case => context! {
            id => &access.case.id,
            title => &access.case.title,
            published => access.case.published,
        },
        can => context! {
            edit => access.can_edit(),
            review => access.can_review(),
            manage => access.can_manage(),
        },
    }
}

/// A page context with the case context merged in.
pub(crate) fn with_case(access: &CaseAccess, ctx: Value) -> Value {
    minijinja::value::merge_maps([ctx, case_ctx(access)])
}

/// A 303 See Other redirect (after a successful form post).
pub(crate) fn see_other(to: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    axum::response::Redirect::to(to).into_response()
}

/// A stored address as a link: only a web address (`http`, `https`) becomes an `href`. Sources are
/// checked when written, but a database written before that check may hold `javascript:` or
/// `data:` addresses; those are shown as no link at all.
pub(crate) fn link(url: Option<&str>) -> Option<&str> {
    url.filter(|u| accord_core::validate::is_web_url(u))
}

#[cfg(test)]
mod link_tests {
    use super::link;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            link(Some("https://example.org/a")),
            Some("https://example.org/a")
        );
        for hostile in [
            "javascript:alert(1)",
            "data:text/html,x",
            " javascript:x",
            "file:///etc",
        ] {
            assert_eq!(link(Some(hostile)), None, "{hostile}");
        }
        assert_eq!(link(None), None);
    }
}
