//! The URL map. Each resource has its own module under `routes/`; this file only assembles them
//! and the layers every request passes through.
//!
//! To add routes: write `routes/<resource>.rs` with a `pub(crate) fn router() -> Router<AppState>`,
//! declare it below and `.merge()` it in [`router`]. Handlers take the [`Viewer`] extractor and
//! check access with [`CaseAccess`]; forms carry `csrf` (checked by the auth layer) and templates
//! extend `base.html` (register new ones in `templates.rs`).

mod account;
mod actors;
mod api;
mod cases;
mod elections;
mod findings;
mod incidents;
mod letters;
mod mechanisms;
mod provisions;
mod timeline;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::get;
use minijinja::{Value, context};
use tower_http::compression::CompressionLayer;

use crate::access::CaseAccess;
use crate::{AppState, assets, auth, security};

/// The whole application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/assets/accord.css", get(assets::css))
        .route("/assets/htmx.min.js", get(assets::htmx))
        .merge(account::router())
        .merge(cases::router())
        .merge(timeline::router())
        .merge(incidents::router())
        .merge(letters::router())
        .merge(findings::router())
        .merge(provisions::router())
        .merge(actors::router())
        .merge(mechanisms::router())
        .merge(elections::router())
        .merge(api::router())
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), auth::layer))
        .layer(middleware::from_fn(security::headers))
        // gzip level 3: pages come out about 15 % larger than at the default level 6, for half
        // the CPU (measured on the dashboard of 100,000 incidents: 8.4 KB against 7.2 KB).
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(3)))
        .layer(DefaultBodyLimit::max(4 * 1024 * 1024))
        .with_state(state)
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
