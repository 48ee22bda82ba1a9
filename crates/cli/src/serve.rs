//! `accord serve [--demo] [--addr]`: the web interface.

use std::net::SocketAddr;
use std::process::ExitCode;

use accord_core::bundle::BundleFile;
use accord_store::{Create, ImportMode};
use clap::Args;

use crate::config::Config;

include!(concat!(env!("OUT_DIR"), "/demo_bundle.rs"));

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080, or ACCORD_ADDR, or the config file's addr]
    #[arg(long)]
    addr: Option<SocketAddr>,
    /// Load the reference case (Cambodia 2017) into the database if it is not there
    #[arg(long)]
    demo: bool,
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
    let addr = args.addr.unwrap_or(config.addr);
    let state = accord_server::AppState::new(store)?;
    println!("Accord is serving {} on http://{addr}/", config.db);
    accord_server::serve(addr, state).await?;
    Ok(ExitCode::SUCCESS)
}

/// Import the embedded reference case unless a case with its id is already stored.
async fn load_demo(store: &dyn accord_store::Store) -> anyhow::Result<()> {
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
    if store.load_case(&case.id).await?.is_none() {
        store.import_case(&case, ImportMode::New, "demo").await?;
        println!("loaded the reference case {}", case.id);
    }
    Ok(())
}
