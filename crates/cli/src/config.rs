//! The typed configuration, built once: defaults, then an optional TOML file, then `ACCORD_*`
//! environment variables and flags (clap merges those two, flags winning).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

/// Everything the commands need to know about where things are.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The database: a SQLite path (or, later, a postgres:// URL).
    pub(crate) db: String,
    /// Where `serve` listens unless `--addr` says otherwise.
    pub(crate) addr: SocketAddr,
    /// Extra directories searched for fonts (PDF rendering).
    pub(crate) font_paths: Vec<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    db: Option<String>,
    addr: Option<String>,
    font_paths: Option<Vec<PathBuf>>,
}

pub(crate) const DEFAULT_DB: &str = "accord.db";
pub(crate) const DEFAULT_ADDR: &str = "127.0.0.1:8080";

impl Config {
    pub(crate) fn build(file: Option<&Path>, db: Option<String>) -> anyhow::Result<Config> {
        let from_file = match file {
            None => ConfigFile::default(),
            Some(path) => {
                let text = std::fs::read_to_string(path).with_context(|| {
                    format!("cannot read the configuration file {}", path.display())
                })?;
                toml::from_str(&text).map_err(|e| {
                    let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
                    anyhow::anyhow!(
                        "{}{}: {}",
                        path.display(),
                        line.map(|l| format!(":{l}")).unwrap_or_default(),
                        e.message()
                    )
                })?
            }
        };
        let addr_text = std::env::var("ACCORD_ADDR")
            .ok()
            .or(from_file.addr)
            .unwrap_or_else(|| DEFAULT_ADDR.to_owned());
        let addr = addr_text.parse().with_context(|| {
            format!("addr: {addr_text:?} is not an address such as 127.0.0.1:8080")
        })?;
        let mut font_paths = from_file.font_paths.unwrap_or_default();
        if let Some(extra) = std::env::var_os("ACCORD_FONT_PATH") {
            font_paths.extend(std::env::split_paths(&extra));
        }
        Ok(Config {
            db: db.or(from_file.db).unwrap_or_else(|| DEFAULT_DB.to_owned()),
            addr,
            font_paths,
        })
    }
}
