//! `accord serve [--demo] [--addr]`: the web interface.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use accord_core::bundle::BundleFile;
use accord_store::{Create, ImportMode, Store};
use anyhow::Context;
use clap::Args;

use crate::config::Config;

include!(concat!(env!("OUT_DIR"), "/demo_bundle.rs"));

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080, or ACCORD_ADDR, or the config file's addr]
    #[arg(long)]
    addr: Option<SocketAddr>,
    /// Load the reference case (Cambodia 2017) if it is not there, and publish it read-only
    #[arg(long)]
    demo: bool,
    /// Mark cookies Secure (when Accord is reached over HTTPS)
    #[arg(long, env = "ACCORD_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Directory of the full-text index [default: the database path + ".search"]
    #[arg(long, value_name = "DIR")]
    search_dir: Option<PathBuf>,
}

pub(crate) async fn run(config: &Config, args: ServeArgs) -> anyhow::Result<ExitCode> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ACCORD_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let store = accord_store::open(&config.db, Create::IfMissing).await?;
    if args.demo {
        load_demo(store.as_ref()).await?;
    }
    let search_dir = args
        .search_dir
        .unwrap_or_else(|| PathBuf::from(format!("{}.search", config.db)));
    let index = Arc::new(
        accord_search::SearchIndex::open(&search_dir)
            .with_context(|| format!("cannot open the search index in {}", search_dir.display()))?,
    );
    let stored: u64 = store.list_cases().await?.iter().map(|c| c.incidents).sum();
    if index.doc_count() != stored {
        // The index is derived data: rebuild it in the background; search fills in as it goes.
        let (store, index) = (store.clone(), index.clone());
        tokio::spawn(async move {
            let started = std::time::Instant::now();
            match accord_server::search_sync::rebuild(store, index).await {
                Ok(n) => tracing::info!(
                    incidents = n,
                    secs = started.elapsed().as_secs_f64(),
                    "search index rebuilt"
                ),
                Err(e) => tracing::error!(error = %e, "search index rebuild failed"),
            }
        });
    } else {
        tracing::info!(incidents = stored, "search index up to date");
    }
    let addr = args.addr.unwrap_or(config.addr);
    let state = accord_server::AppState::new(
        store,
        accord_server::ServerConfig {
            secure_cookies: args.secure_cookies,
            font_paths: config.font_paths.clone(),
        },
        Some(index),
    )?;
    println!("Accord is serving {} on http://{addr}/", config.db);
    if args.demo {
        println!(
            "The reference case is published read-only at http://{addr}/cases/cambodia-2017 ; \
             to edit, create an account: accord --db {} user add EMAIL --admin --password-stdin",
            config.db
        );
    }
    accord_server::serve(addr, state).await?;
    Ok(ExitCode::SUCCESS)
}

/// Import the embedded reference case unless it is already stored, and publish it read-only.
async fn load_demo(store: &dyn Store) -> anyhow::Result<()> {
    let files: Vec<BundleFile> = DEMO_BUNDLE
        .iter()
        .map(|(path, contents)| BundleFile {
            path: (*path).to_owned(),
            contents: (*contents).to_owned(),
        })
        .collect();
    let case = crate::import::check(&files, "data/cases/cambodia-2017").map_err(|errors| {
        anyhow::anyhow!(
            "the embedded reference case does not import:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })?;
    if store.case_head(&case.id).await?.is_none() {
        store.import_case(&case, ImportMode::New, "demo").await?;
        store.set_published(&case.id, true, "demo").await?;
        println!(
            "loaded the reference case {} (published read-only)",
            case.id
        );
    }
    Ok(())
}
