//! `accord serve [--demo] [--addr]`: the web interface.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use accord_actions::Actions;
use accord_core::bundle::{BundleBlob, BundleFile};
use accord_server::TrustedProxy;
use accord_store::{BlobStore, Create, ImportMode};
use clap::Args;
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::setup;
use crate::words::Words;

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
    /// Directory of this server's full-text index; each server needs its own (two servers on one
    /// machine must not share one) [default: the database path + ".search", or "accord.search"
    /// in the current directory for a PostgreSQL database]
    #[arg(long, value_name = "DIR", env = "ACCORD_SEARCH_DIR")]
    search_dir: Option<PathBuf>,
    /// A reverse proxy (address or network, e.g. 10.0.0.0/8) whose X-Forwarded-For header names
    /// the client's address; repeat for several. Replaces trusted_proxies of the config file and
    /// ACCORD_TRUSTED_PROXIES
    #[arg(long = "trusted-proxy", value_name = "ADDR/CIDR")]
    trusted_proxy: Vec<TrustedProxy>,
}

pub(crate) async fn run(config: &Config, args: ServeArgs) -> anyhow::Result<ExitCode> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ACCORD_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    setup::check_evidence_store(config).await?;
    let store = accord_store::open(&config.db, Create::IfMissing).await?;
    let vault = setup::vault(config, store.as_ref()).await?;
    if vault.is_some() {
        tracing::info!("evidence is encrypted at rest (the instance's keys are open)");
    } else {
        tracing::info!(
            "evidence is stored unencrypted: `accord keys init` creates the keys that encrypt it"
        );
    }
    let blobs: Arc<dyn BlobStore> = setup::blob_store(config, vault)?;
    tracing::info!("evidence files in {}", blobs.describe());
    let search_dir = args
        .search_dir
        .unwrap_or_else(|| default_search_dir(&config.db));
    // Held until the server stops: a second server on this machine given the same directory is
    // refused instead of writing into this one's index.
    let _search_lock = lock_search_dir(&search_dir)?;
    let index = Arc::new(open_index(&search_dir)?);
    // This server's writes hand what they changed to the log follower below, which indexes
    // them in batches; searches wait for it (`search_sync`).
    let backlog = Arc::new(accord_actions::search::Backlog::default());
    let actions = setup::with_store(config, store.clone(), blobs, Some(index.clone()))?
        .with_index_backlog(backlog.clone());
    // The key is created (or found unreadable) now, not at the first write.
    actions
        .verifier_key()
        .said(|| crate::log::log_key_unusable(config))?;
    if args.demo {
        load_demo(&actions, config.language).await?;
    }
    // The index is in step only if it was marked at the log's current size: any write made since
    // (an import, a replaced redaction with as many incidents as before) shows as a longer log,
    // and a part of it that opening created holds nothing. An index in step is not rebuilt,
    // records included: only the restricted records, kept in memory, are read again, a page at
    // a time. Either way the server
    // then follows the log from that size, so writes made by other servers on the same database
    // (or by commands) reach this index too (`search_sync::follow`).
    let (size, _) = store.log_head().await?;
    if accord_server::search_sync::needs_rebuild(store.as_ref(), &index, &search_dir).await? {
        // The index is derived data: rebuild it in the background; search fills in as it goes.
        let (store, index, dir, backlog) = (
            store.clone(),
            index.clone(),
            search_dir.clone(),
            backlog.clone(),
        );
        tokio::spawn(async move {
            let started = std::time::Instant::now();
            let marked = match accord_server::search_sync::rebuild(store.clone(), index.clone())
                .await
            {
                Ok(n) => {
                    tracing::info!(
                        incidents = n.incidents,
                        records = n.records,
                        secs = started.elapsed().as_secs_f64(),
                        "search index rebuilt"
                    );
                    match accord_server::search_sync::mark_in_step(&dir, size) {
                        Ok(()) => Some(dir),
                        Err(e) => {
                            tracing::warn!(error = %e, "search index: cannot record that it is in step");
                            None
                        }
                    }
                }
                Err(e) => {
                    tracing::error!(error = %e, "search index rebuild failed");
                    None
                }
            };
            // Without a complete rebuild the mark stays where it was, so the next start rebuilds.
            accord_server::search_sync::follow(store, index, size, marked, backlog).await;
        });
    } else {
        let n = accord_server::search_sync::load_restricted(store.as_ref(), index.clone()).await?;
        tracing::info!(restricted_in_memory = n, "search index up to date");
        tokio::spawn(accord_server::search_sync::follow(
            store.clone(),
            index.clone(),
            size,
            Some(search_dir.clone()),
            backlog,
        ));
    }
    let addr = args.addr.unwrap_or(config.addr);
    let trusted_proxies = if args.trusted_proxy.is_empty() {
        config.trusted_proxies.clone()
    } else {
        args.trusted_proxy
    };
    if !trusted_proxies.is_empty() {
        let list: Vec<String> = trusted_proxies.iter().map(ToString::to_string).collect();
        tracing::info!(
            proxies = %list.join(", "),
            "X-Forwarded-For is believed from these proxies"
        );
    }
    // Checkpoints after writes, at most one a second (none while the log does not grow).
    let signer = actions.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            tick.tick().await;
            if let Err(e) = signer.checkpoint().await {
                tracing::error!(error = %e, "cannot sign a checkpoint of the log");
            }
        }
    });
    let state = accord_server::AppState::new(
        actions,
        accord_server::ServerConfig {
            secure_cookies: args.secure_cookies,
            font_paths: config.font_paths.clone(),
            trusted_proxies,
            upload_limit: config.evidence.upload_limit,
            default_lang: config.language,
        },
    )?
    .with_site(config.site.clone());
    // Bound before it says so: whoever waits for this line can connect at once.
    let listener = accord_server::bind(addr)
        .await
        .said(|| Said::new("cli-err-listen", &[("addr", &addr)]))?;
    let words = Words::new(config.language)?;
    let args_of = [
        ("db", config.db.as_str().into()),
        ("addr", addr.to_string().into()),
    ];
    println!("{}", words.msg("cli-serving", &args_of));
    if args.demo {
        println!("{}", words.msg("cli-serving-demo", &args_of));
    }
    accord_server::serve_listener(listener, state).await?;
    Ok(ExitCode::SUCCESS)
}

/// Import the embedded reference case unless it is already stored, and publish it read-only. Its
/// evidence files go into the blob store first, each checked against its record.
async fn load_demo(actions: &Actions, lang: accord_core::Lang) -> anyhow::Result<()> {
    let files: Vec<BundleFile> = DEMO_BUNDLE
        .iter()
        .map(|(path, contents)| BundleFile {
            path: (*path).to_owned(),
            contents: (*contents).to_owned(),
        })
        .collect();
    let blobs: Vec<BundleBlob> = DEMO_EVIDENCE
        .iter()
        .map(|(path, bytes)| BundleBlob {
            path: (*path).to_owned(),
            sha256: hex::encode(Sha256::digest(bytes)),
            size: bytes.len() as u64,
            media_type: accord_store::blob::sniff(&bytes[..bytes.len().min(8192)]),
        })
        .collect();
    let case = crate::import::check(&files, &blobs, "data/cases/cambodia-2017")
        .map_err(accord_core::bundle::BundleErrors)
        .said(|| Said::new("cli-err-demo-invalid", &[]))?;
    let store = actions.store();
    if store.case_head(&case.id).await?.is_none() {
        for ((path, bytes), blob) in DEMO_EVIDENCE.iter().zip(&blobs) {
            let mut body: &[u8] = bytes;
            let stored = actions
                .blobs()
                .put(&mut body, u64::MAX)
                .await
                .said(|| Said::new("cli-err-demo-store-file", &[("path", path)]))?;
            if stored.sha256 != blob.sha256 {
                return Err(Said::new("cli-err-demo-file-changed", &[("path", path)]).into());
            }
        }
        actions
            .import_bundle(&case, ImportMode::New, "demo")
            .await
            .said(|| Said::new("cli-err-demo-store-case", &[]))?;
        store.set_published(&case.id, true, "demo").await?;
        crate::evidence::checkpoint(actions).await?;
        let words = Words::new(lang)?;
        println!(
            "{}",
            words.msg("cli-demo-loaded", &[("case", case.id.as_str().into())])
        );
    }
    Ok(())
}

/// Where the search index lives unless `--search-dir` or `ACCORD_SEARCH_DIR` says: beside a
/// SQLite file, or `accord.search` in the current directory for a database named by a URL.
fn default_search_dir(db: &str) -> PathBuf {
    match db.split_once("://") {
        None => PathBuf::from(format!("{db}.search")),
        Some(("sqlite", path)) => PathBuf::from(format!("{path}.search")),
        Some(_) => PathBuf::from("accord.search"),
    }
}

/// Take the lock of a search index directory (`DIR.lock`, beside it): one server per index. The
/// lock is the operating system's, so it goes with the process however the process ends.
fn lock_search_dir(dir: &std::path::Path) -> anyhow::Result<std::fs::File> {
    let mut name = dir.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .said(|| Said::new("cli-err-search-lock-file", &[("path", &path.display())]))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(Said::new("cli-err-search-dir-in-use", &[("path", &dir.display())]).into())
        }
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).said(|| Said::new("cli-err-search-lock", &[("path", &path.display())]))
        }
    }
}

/// Open the search index; one written by another version of Accord is deleted and made again
/// empty (it is derived data: the start rebuilds it from the store, since it is not marked in
/// step).
fn open_index(dir: &std::path::Path) -> anyhow::Result<accord_search::SearchIndex> {
    let open = || {
        accord_search::SearchIndex::open(dir)
            .said(|| Said::new("cli-err-search-open", &[("path", &dir.display())]))
    };
    match accord_search::SearchIndex::open(dir) {
        Err(accord_search::SearchError::SchemaVersion {
            found, expected, ..
        }) => {
            tracing::info!(%found, expected, "search index of another version: rebuilding it");
            std::fs::remove_dir_all(dir)
                .said(|| Said::new("cli-err-search-remove", &[("path", &dir.display())]))?;
            open()
        }
        Err(_) => open(),
        Ok(index) => Ok(index),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::ServeArgs;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        serve: ServeArgs,
    }

    #[test]
    fn trusted_proxy_is_repeatable_and_checked() {
        let cli = Cli::try_parse_from([
            "serve",
            "--trusted-proxy",
            "10.0.0.0/8",
            "--trusted-proxy",
            "::1",
        ])
        .unwrap();
        let got: Vec<String> = cli
            .serve
            .trusted_proxy
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(got, ["10.0.0.0/8", "::1/128"]);
        assert!(Cli::try_parse_from(["serve", "--trusted-proxy", "proxy.example"]).is_err());
    }
}
