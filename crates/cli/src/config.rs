//! The typed configuration, built once: defaults, then an optional TOML file, then `ACCORD_*`
//! environment variables and flags (clap merges those two, flags winning).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use accord_server::TrustedProxy;
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
    /// Reverse proxies whose `X-Forwarded-For` gives the client's address (`serve`).
    pub(crate) trusted_proxies: Vec<TrustedProxy>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    db: Option<String>,
    addr: Option<String>,
    font_paths: Option<Vec<PathBuf>>,
    trusted_proxies: Option<Vec<String>>,
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
        let trusted_proxies = trusted_proxies(
            from_file.trusted_proxies,
            std::env::var("ACCORD_TRUSTED_PROXIES").ok(),
        )?;
        Ok(Config {
            db: db.or(from_file.db).unwrap_or_else(|| DEFAULT_DB.to_owned()),
            addr,
            font_paths,
            trusted_proxies,
        })
    }
}

/// `trusted_proxies`: `ACCORD_TRUSTED_PROXIES` (comma-separated) replaces the file's list. Each
/// entry is an address or a network (`10.0.0.0/8`); a wrong one stops the start, naming where it
/// came from, rather than silently trusting nobody or everybody.
fn trusted_proxies(
    file: Option<Vec<String>>,
    env: Option<String>,
) -> anyhow::Result<Vec<TrustedProxy>> {
    let (entries, origin) = match env {
        Some(list) => (
            list.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            "ACCORD_TRUSTED_PROXIES",
        ),
        None => (file.unwrap_or_default(), "trusted_proxies"),
    };
    entries
        .iter()
        .map(|e| e.parse().with_context(|| format!("{origin}: {e:?}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(v: &[&str]) -> Vec<TrustedProxy> {
        v.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn trusted_proxies_come_from_the_environment_or_the_file() {
        let file = Some(vec!["10.0.0.0/8".to_owned(), "::1".to_owned()]);
        assert_eq!(
            trusted_proxies(file.clone(), None).unwrap(),
            list(&["10.0.0.0/8", "::1"])
        );
        assert_eq!(
            trusted_proxies(file, Some(" 192.168.0.1 , fd00::/8,".into())).unwrap(),
            list(&["192.168.0.1", "fd00::/8"])
        );
        assert_eq!(trusted_proxies(None, None).unwrap(), list(&[]));
        let err = trusted_proxies(None, Some("10.0.0.0/8,proxy.example".into())).unwrap_err();
        assert!(
            format!("{err:#}").contains("ACCORD_TRUSTED_PROXIES: \"proxy.example\""),
            "{err:#}"
        );
        let err = trusted_proxies(Some(vec!["10.0.0.0/40".into()]), None).unwrap_err();
        assert!(
            format!("{err:#}").starts_with("trusted_proxies: "),
            "{err:#}"
        );
    }

    #[test]
    fn the_configuration_file_reads_trusted_proxies() {
        let file: ConfigFile = toml::from_str("trusted_proxies = [\"10.0.0.0/8\"]").unwrap();
        assert_eq!(file.trusted_proxies, Some(vec!["10.0.0.0/8".to_owned()]));
    }
}
