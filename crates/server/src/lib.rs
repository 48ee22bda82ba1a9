#![doc = include_str!("../README.md")]

mod error;
mod pages;
mod templates;
pub mod views;

use std::net::SocketAddr;
use std::sync::Arc;

use accord_store::Store;
use axum::Router;
use axum::routing::get;

pub use error::AppError;

/// Everything a request handler may use; built once at start and shared.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    templates: Arc<templates::Templates>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>) -> Result<AppState, minijinja::Error> {
        Ok(AppState {
            store,
            templates: Arc::new(templates::Templates::load()?),
        })
    }
}

/// The whole application as an axum router (tests call it without a socket).
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::cases::list))
        .route("/cases/{id}", get(pages::cases::dashboard))
        .with_state(state)
}

/// Serve until Ctrl-C.
pub async fn serve(addr: SocketAddr, state: AppState) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
