//! The typed configuration, built once: defaults, then an optional TOML file, then `ACCORD_*`
//! environment variables and flags (clap merges those two, flags winning).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use accord_server::TrustedProxy;
use serde::Deserialize;

use crate::failure::{Said, SayContext};

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
    /// Evidence files, where they live and how large they may be.
    pub(crate) evidence: EvidenceSettings,
    /// The public address (sign-on links are built from it) and the sessions' idle timeout.
    pub(crate) site: accord_server::SiteSettings,
    /// The interface's language for readers who chose none and whose browser asks for none
    /// Accord speaks (`language`, `ACCORD_LANGUAGE`: `en`, `fr` or `km`; default `en`).
    pub(crate) language: accord_core::Lang,
}

/// Where evidence bytes and the log's signing key live. Each comes from a flag, else an
/// `ACCORD_*` variable (clap reads both), else the configuration file, else the default next to
/// the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EvidenceSettings {
    /// The blob directory (default `<db>.evidence`).
    pub(crate) evidence_dir: PathBuf,
    /// Where `evidence_dir` was set, if it was not defaulted: a directory someone named must
    /// exist, while the default one is created with the database.
    pub(crate) evidence_dir_set: Option<Origin>,
    /// Evidence in S3-compatible object storage instead of `evidence_dir`: an `s3://bucket/prefix`
    /// URL (endpoint, region and credentials from the `AWS_*` environment), with where it was set.
    pub(crate) evidence_store: Option<(String, Origin)>,
    /// The log's Ed25519 signing key file (default `<db>.log-key`), created on first use.
    pub(crate) log_key: PathBuf,
    /// The log's name (checkpoint origin), used only when the key is created.
    pub(crate) log_name: Option<String>,
    /// The largest evidence file accepted, in bytes.
    pub(crate) upload_limit: u64,
    /// The instance key file (default `<db>.instance-key`), which `accord keys init` creates and
    /// every command that reads or writes evidence needs once the instance has keys.
    pub(crate) key_file: PathBuf,
}

/// Where a setting was given, as an error names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A flag and the `ACCORD_*` variable clap merges with it, written as they are typed (the
    /// same in every language): `--evidence-store / ACCORD_EVIDENCE_STORE`.
    Flags(&'static str),
    /// A setting of the configuration file (`evidence_dir`).
    File(&'static str),
    /// The configuration file as a whole.
    ConfigFile,
}

impl Origin {
    /// Where the setting was given, in the user's language (a part of a [`Said`]).
    pub(crate) fn said(self) -> Said {
        match self {
            Origin::Flags(flags) => Said::new("cli-origin-flags", &[("flags", &flags)]),
            Origin::File(setting) => Said::new("cli-origin-file", &[("setting", &setting)]),
            Origin::ConfigFile => Said::new("cli-origin-config-file", &[]),
        }
    }
}

/// The evidence settings given on the command line or in the environment (clap merges the two).
#[derive(Debug, Clone, Default)]
pub(crate) struct EvidenceFlags {
    pub(crate) evidence_dir: Option<PathBuf>,
    pub(crate) evidence_store: Option<String>,
    pub(crate) log_key: Option<PathBuf>,
    pub(crate) log_name: Option<String>,
    pub(crate) upload_limit: Option<u64>,
    pub(crate) key_file: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    db: Option<String>,
    addr: Option<String>,
    font_paths: Option<Vec<PathBuf>>,
    trusted_proxies: Option<Vec<String>>,
    evidence_dir: Option<PathBuf>,
    evidence_store: Option<String>,
    log_key: Option<PathBuf>,
    log_name: Option<String>,
    upload_limit: Option<u64>,
    key_file: Option<PathBuf>,
    base_url: Option<String>,
    idle_timeout: Option<String>,
    language: Option<String>,
}

pub(crate) const DEFAULT_DB: &str = "accord.db";
pub(crate) const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// 4 GiB: a long video fits, a runaway upload does not fill the disk.
pub(crate) const DEFAULT_UPLOAD_LIMIT: u64 = 4 << 30;

/// Whether `--db` names a PostgreSQL database (rather than a SQLite file).
pub(crate) fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

impl Config {
    /// A file or directory setting (`evidence_dir`, `log_key`, `key_file`), refused when it was
    /// not given and the database is PostgreSQL: the SQLite defaults lie beside the database
    /// file, and a PostgreSQL database has none. Every server of an instance must name the same
    /// ones (a shared evidence directory or bucket, the same log key, the same key file).
    pub(crate) fn path_setting<'a>(&self, path: &'a Path, name: &str) -> anyhow::Result<&'a Path> {
        if path.as_os_str().is_empty() {
            return Err(Said::new("cli-err-setting-postgres", &[("name", &name)]).into());
        }
        Ok(path)
    }

    pub(crate) fn build(file: Option<&Path>, db: Option<String>) -> anyhow::Result<Config> {
        let from_file = match file {
            None => ConfigFile::default(),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .said(|| Said::new("cli-err-config-read", &[("path", &path.display())]))?;
                toml::from_str(&text).map_err(|e| {
                    let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
                    let place = format!(
                        "{}{}",
                        path.display(),
                        line.map(|l| format!(":{l}")).unwrap_or_default()
                    );
                    // toml's own words, said by their kind where `refusals.rs` knows it.
                    Said::new(
                        "cli-err-config-toml",
                        &[("place", &place), ("reason", &e.message())],
                    )
                })?
            }
        };
        let addr_text = std::env::var("ACCORD_ADDR")
            .ok()
            .or(from_file.addr)
            .unwrap_or_else(|| DEFAULT_ADDR.to_owned());
        let addr = addr_text
            .parse()
            .said(|| Said::new("cli-err-addr", &[("value", &format!("{addr_text:?}"))]))?;
        let mut font_paths = from_file.font_paths.unwrap_or_default();
        if let Some(extra) = std::env::var_os("ACCORD_FONT_PATH") {
            font_paths.extend(std::env::split_paths(&extra));
        }
        let trusted_proxies = trusted_proxies(
            from_file.trusted_proxies,
            std::env::var("ACCORD_TRUSTED_PROXIES").ok(),
        )?;
        let db = db.or(from_file.db).unwrap_or_else(|| DEFAULT_DB.to_owned());
        let mut evidence = EvidenceSettings::defaults(&db)
            .with_file_location(from_file.evidence_dir, from_file.evidence_store)?
            .with_file(
                from_file.log_key,
                from_file.log_name,
                from_file.upload_limit,
            );
        if let Some(key_file) = from_file.key_file {
            evidence.key_file = key_file;
        }
        let site = accord_server::SiteSettings::default();
        let site = with_site(
            site,
            from_file.base_url,
            from_file.idle_timeout,
            Origin::ConfigFile,
        )?;
        let language = language(std::env::var("ACCORD_LANGUAGE").ok(), from_file.language)?;
        Ok(Config {
            db,
            addr,
            font_paths,
            trusted_proxies,
            evidence,
            site,
            language,
        })
    }
}

impl Config {
    /// The configuration with the evidence settings that flags and the environment give.
    pub(crate) fn with_evidence_flags(mut self, flags: EvidenceFlags) -> anyhow::Result<Config> {
        let e = &mut self.evidence;
        // An empty ACCORD_EVIDENCE_STORE (`export ACCORD_EVIDENCE_STORE=` to turn it off) is
        // not set.
        let store = flags.evidence_store.filter(|url| !url.trim().is_empty());
        match (flags.evidence_dir, store) {
            (Some(_), Some(_)) => {
                return Err(Said::new("cli-err-evidence-both-flags", &[]).into());
            }
            (Some(dir), None) => {
                e.evidence_dir = dir;
                e.evidence_dir_set = Some(Origin::Flags("--evidence-dir / ACCORD_EVIDENCE_DIR"));
                e.evidence_store = None;
            }
            (None, Some(url)) => {
                e.evidence_store = Some((s3_url(url, STORE_FLAG)?, STORE_FLAG));
            }
            (None, None) => {}
        }
        if let Some(key) = flags.log_key {
            e.log_key = key;
        }
        if flags.log_name.is_some() {
            e.log_name = flags.log_name;
        }
        if let Some(limit) = flags.upload_limit {
            e.upload_limit = limit;
        }
        if let Some(key_file) = flags.key_file {
            e.key_file = key_file;
        }
        if e.upload_limit == 0 {
            return Err(Said::new("cli-err-upload-limit-zero", &[]).into());
        }
        if e.evidence_store.is_some() && e.upload_limit > accord_store::blob_s3::MAX_UPLOAD_LIMIT {
            return Err(Said::new("cli-err-upload-limit-s3", &[])
                .digits("limit", e.upload_limit)
                .digits("most", accord_store::blob_s3::MAX_UPLOAD_LIMIT)
                .into());
        }
        if let Some(name) = &e.log_name
            && (name.trim().is_empty() || name.chars().any(|c| c.is_whitespace() || c == '+'))
        {
            return Err(Said::new("cli-err-log-name", &[("name", &format!("{name:?}"))]).into());
        }
        Ok(self)
    }
}

/// Where `--evidence-store` and `ACCORD_EVIDENCE_STORE` come from (clap merges the two).
const STORE_FLAG: Origin = Origin::Flags("--evidence-store / ACCORD_EVIDENCE_STORE");
const STORE_FILE: Origin = Origin::File("evidence_store");

/// An `evidence_store` value: an `s3://bucket/prefix` URL, checked now (a directory belongs in
/// `evidence_dir`).
fn s3_url(url: String, origin: Origin) -> anyhow::Result<String> {
    if !accord_store::blob_s3::is_s3_url(&url) {
        return Err(Said::new(
            "cli-err-evidence-store-url",
            &[("url", &format!("{url:?}"))],
        )
        .with("origin", origin.said())
        .into());
    }
    accord_store::blob_s3::S3Location::parse(&url)
        .said(|| Said::new("cli-err-evidence-store", &[]).with("origin", origin.said()))?;
    Ok(url)
}

impl EvidenceSettings {
    /// The file's `evidence_dir` or `evidence_store` (not both).
    fn with_file_location(
        mut self,
        evidence_dir: Option<PathBuf>,
        evidence_store: Option<String>,
    ) -> anyhow::Result<EvidenceSettings> {
        match (evidence_dir, evidence_store) {
            (Some(_), Some(_)) => {
                return Err(Said::new("cli-err-evidence-both-settings", &[]).into());
            }
            (Some(dir), None) => {
                self.evidence_dir = dir;
                self.evidence_dir_set = Some(Origin::File("evidence_dir"));
            }
            (None, Some(url)) => {
                self.evidence_store = Some((s3_url(url, STORE_FILE)?, STORE_FILE));
            }
            (None, None) => {}
        }
        Ok(self)
    }

    fn defaults(db: &str) -> EvidenceSettings {
        if is_postgres(db) {
            // Nothing lies beside a PostgreSQL database: every file setting must be given (see
            // `Config::path_setting`). Empty paths stand for "not set".
            return EvidenceSettings {
                evidence_dir: PathBuf::new(),
                evidence_dir_set: None,
                evidence_store: None,
                log_key: PathBuf::new(),
                log_name: None,
                upload_limit: DEFAULT_UPLOAD_LIMIT,
                key_file: PathBuf::new(),
            };
        }
        // `sqlite://path` names the same file as `path`.
        let path = db.strip_prefix("sqlite://").unwrap_or(db);
        EvidenceSettings {
            evidence_dir: PathBuf::from(format!("{path}.evidence")),
            evidence_dir_set: None,
            evidence_store: None,
            log_key: PathBuf::from(format!("{path}.log-key")),
            log_name: None,
            upload_limit: DEFAULT_UPLOAD_LIMIT,
            key_file: PathBuf::from(format!("{path}.instance-key")),
        }
    }

    fn with_file(
        mut self,
        log_key: Option<PathBuf>,
        log_name: Option<String>,
        upload_limit: Option<u64>,
    ) -> EvidenceSettings {
        if let Some(key) = log_key {
            self.log_key = key;
        }
        if log_name.is_some() {
            self.log_name = log_name;
        }
        if let Some(limit) = upload_limit {
            self.upload_limit = limit;
        }
        self
    }
}

/// `language`: `ACCORD_LANGUAGE`, else the file's, else English; a language Accord does not speak
/// stops the start, naming it and the languages it does.
fn language(env: Option<String>, file: Option<String>) -> anyhow::Result<accord_core::Lang> {
    match env.or(file) {
        None => Ok(accord_core::Lang::En),
        Some(tag) => accord_core::Lang::from_tag(&tag)
            .said(|| Said::new("cli-err-language", &[("tag", &format!("{tag:?}"))])),
    }
}

/// The language of what is printed before the configuration is built: `--help`, a command
/// line clap refuses, a configuration that does not load. It is looked up in the order
/// [`Config::build`] follows (`ACCORD_LANGUAGE`, else `language` in the configuration file that
/// `--config` or `ACCORD_CONFIG` names), but never fails: a file that is missing, unreadable or
/// not TOML, or a language Accord does not speak, means English here, and the command itself
/// reports it once the command line parses.
pub(crate) fn early_language() -> accord_core::Lang {
    language_before_parsing(
        std::env::args_os().skip(1),
        std::env::var("ACCORD_LANGUAGE").ok(),
        std::env::var_os("ACCORD_CONFIG"),
    )
}

fn language_before_parsing(
    args: impl Iterator<Item = std::ffi::OsString>,
    env_language: Option<String>,
    env_config: Option<std::ffi::OsString>,
) -> accord_core::Lang {
    let tag = env_language.or_else(|| {
        // The flag wins over the variable, as clap merges them.
        let file = config_flag(args).or(env_config.filter(|f| !f.is_empty()))?;
        file_language(Path::new(&file))
    });
    tag.and_then(|t| accord_core::Lang::from_tag(t.trim()))
        .unwrap_or(accord_core::Lang::En)
}

/// The value of `--config FILE` or `--config=FILE` among the arguments, before a `--` that ends
/// the options.
fn config_flag(mut args: impl Iterator<Item = std::ffi::OsString>) -> Option<std::ffi::OsString> {
    while let Some(arg) = args.next() {
        if arg == "--" {
            return None;
        }
        if arg == "--config" {
            return args.next();
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--config=")) {
            return Some(value.into());
        }
    }
    None
}

/// `language` in a configuration file, if the file can be read as TOML and sets it.
fn file_language(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    table.get("language")?.as_str().map(str::to_owned)
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
        .map(|e| {
            e.parse().said(|| {
                Said::new(
                    "cli-err-setting-value",
                    &[("setting", &origin), ("value", &format!("{e:?}"))],
                )
            })
        })
        .collect()
}

impl Config {
    /// The configuration with the site settings that flags and the environment give
    /// (`--base-url` / `ACCORD_BASE_URL`, `--idle-timeout` / `ACCORD_IDLE_TIMEOUT`).
    pub(crate) fn with_site_flags(
        mut self,
        base_url: Option<String>,
        idle_timeout: Option<String>,
    ) -> anyhow::Result<Config> {
        self.site = with_site(
            self.site,
            base_url,
            idle_timeout,
            Origin::Flags("--base-url / --idle-timeout"),
        )?;
        Ok(self)
    }
}

/// `base_url` (an http(s) origin with an optional path) and `idle_timeout` (`30m`, `12h`, `1d`:
/// from one minute to the sessions' two weeks), checked at start: a wrong one stops the start,
/// naming where it came from.
fn with_site(
    mut site: accord_server::SiteSettings,
    base_url: Option<String>,
    idle_timeout: Option<String>,
    origin: Origin,
) -> anyhow::Result<accord_server::SiteSettings> {
    if let Some(url) = base_url.filter(|u| !u.trim().is_empty()) {
        site.base_url = Some(url.trim().parse().said(|| {
            Said::new("cli-err-site-setting", &[("setting", &"base_url")])
                .with("origin", origin.said())
        })?);
    }
    if let Some(text) = idle_timeout {
        site.idle_timeout = duration(&text).said(|| {
            Said::new("cli-err-idle-timeout", &[("value", &format!("{text:?}"))])
                .with("origin", origin.said())
        })?;
    }
    Ok(site)
}

/// `90s`, `30m`, `12h`, `1d`, from one minute to fourteen days.
fn duration(text: &str) -> anyhow::Result<std::time::Duration> {
    let text = text.trim();
    let split = text.len().saturating_sub(1);
    let (number, unit) = (
        text.get(..split).unwrap_or(""),
        text.get(split..).unwrap_or(""),
    );
    let syntax = || Said::new("cli-err-duration-syntax", &[]);
    let unit_secs = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(syntax().into()),
    };
    let secs = number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(unit_secs))
        .said(syntax)?;
    if !(60..=14 * 86_400).contains(&secs) {
        return Err(Said::new("cli-err-duration-range", &[]).into());
    }
    Ok(std::time::Duration::from_secs(secs))
}

#[cfg(test)]
mod site_tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn idle_timeouts_have_a_unit_and_stay_within_the_session() {
        for (text, secs) in [("12h", 43_200), ("30m", 1800), ("1d", 86_400), ("90s", 90)] {
            assert_eq!(duration(text).unwrap(), Duration::from_secs(secs), "{text}");
        }
        for bad in [
            "",
            "12",
            "h",
            "-1h",
            "59s",
            "15d",
            "1.5h",
            "99999999999999999999d",
        ] {
            assert!(duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_site_comes_from_the_file_then_flags() {
        let file: ConfigFile =
            toml::from_str("base_url = \"https://accord.example.org/\"\nidle_timeout = \"2h\"")
                .unwrap();
        let site = with_site(
            accord_server::SiteSettings::default(),
            file.base_url,
            file.idle_timeout,
            Origin::ConfigFile,
        )
        .unwrap();
        assert_eq!(
            site.base_url.as_ref().unwrap().to_string(),
            "https://accord.example.org"
        );
        assert_eq!(site.idle_timeout, Duration::from_secs(7200));
        let site = with_site(
            site,
            Some("http://localhost:8080".into()),
            None,
            Origin::Flags("--base-url / --idle-timeout"),
        )
        .unwrap();
        assert_eq!(site.base_url.unwrap().to_string(), "http://localhost:8080");
        let err = with_site(
            accord_server::SiteSettings::default(),
            Some("accord.example.org".into()),
            None,
            Origin::Flags("--base-url / --idle-timeout"),
        )
        .unwrap_err();
        assert!(
            format!("{err:#}").starts_with("base_url (--base-url / --idle-timeout): "),
            "{err:#}"
        );
        assert_eq!(
            accord_server::SiteSettings::default().idle_timeout,
            Duration::from_secs(12 * 3600)
        );
    }
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

    #[test]
    fn the_language_comes_from_the_environment_then_the_file() {
        use accord_core::Lang;
        assert_eq!(language(None, None).unwrap(), Lang::En);
        assert_eq!(language(None, Some("km".into())).unwrap(), Lang::Km);
        assert_eq!(
            language(Some("fr-FR".into()), Some("km".into())).unwrap(),
            Lang::Fr
        );
        let err = language(None, Some("de".into())).unwrap_err();
        assert_eq!(
            format!("{err:#}"),
            "language: \"de\" is not a language Accord speaks (en, fr or km)"
        );
        let file: ConfigFile = toml::from_str("language = \"km\"").unwrap();
        assert_eq!(file.language.as_deref(), Some("km"));
    }
}

#[cfg(test)]
mod early_language_tests {
    use std::ffi::OsString;

    use accord_core::Lang;

    use super::*;

    fn args(v: &[&str]) -> impl Iterator<Item = OsString> {
        v.iter().map(OsString::from).collect::<Vec<_>>().into_iter()
    }

    /// `--help` and clap's refusals follow the language the command would run in:
    /// `ACCORD_LANGUAGE`, else the configuration file's (`--config` winning over
    /// `ACCORD_CONFIG`), else English; a file that cannot be read or parsed is English.
    #[test]
    fn the_language_before_parsing_is_the_environments_then_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let fr = dir.path().join("fr.toml");
        std::fs::write(&fr, "language = \"fr\"\ndb = \"a.db\"\n").unwrap();
        let km = dir.path().join("km.toml");
        std::fs::write(&km, "language = \"km\"\n").unwrap();
        let broken = dir.path().join("broken.toml");
        std::fs::write(&broken, "language = \n").unwrap();
        let fr = fr.to_str().unwrap();
        let km = km.to_str().unwrap();
        let check = |a: &[&str], env: Option<&str>, config: Option<&str>| {
            language_before_parsing(args(a), env.map(str::to_owned), config.map(OsString::from))
        };
        assert_eq!(check(&["--help"], None, None), Lang::En);
        assert_eq!(check(&["--config", fr, "--help"], None, None), Lang::Fr);
        assert_eq!(
            check(&["case", &format!("--config={km}"), "-h"], None, None),
            Lang::Km
        );
        assert_eq!(check(&["--help"], None, Some(km)), Lang::Km);
        assert_eq!(check(&["--config", fr, "--help"], None, Some(km)), Lang::Fr);
        assert_eq!(check(&["--config", fr], Some("km"), None), Lang::Km);
        assert_eq!(check(&["--", "--config", fr], None, None), Lang::En);
        assert_eq!(check(&["--config"], None, None), Lang::En);
        let missing = dir.path().join("none.toml");
        assert_eq!(
            check(&["--config", missing.to_str().unwrap()], None, None),
            Lang::En
        );
        assert_eq!(check(&[], None, Some(broken.to_str().unwrap())), Lang::En);
        assert_eq!(check(&[], Some("de"), Some(fr)), Lang::En);
    }
}

#[cfg(test)]
mod evidence_store_tests {
    use super::*;

    fn config() -> Config {
        Config {
            db: "a.db".into(),
            addr: DEFAULT_ADDR.parse().unwrap(),
            font_paths: Vec::new(),
            trusted_proxies: Vec::new(),
            evidence: EvidenceSettings::defaults("a.db"),
            site: accord_server::SiteSettings::default(),
            language: accord_core::Lang::En,
        }
    }

    #[test]
    fn the_evidence_store_is_an_s3_url_from_one_place() {
        let from_file = EvidenceSettings::defaults("a.db")
            .with_file_location(None, Some("s3://evidence/accord".into()))
            .unwrap();
        assert_eq!(
            from_file.evidence_store,
            Some(("s3://evidence/accord".to_owned(), STORE_FILE))
        );
        let err = EvidenceSettings::defaults("a.db")
            .with_file_location(Some("/srv/e".into()), Some("s3://evidence".into()))
            .unwrap_err();
        assert!(format!("{err:#}").contains("sets both"), "{err:#}");
        let err = EvidenceSettings::defaults("a.db")
            .with_file_location(None, Some("/srv/evidence".into()))
            .unwrap_err();
        assert_eq!(
            format!("{err:#}"),
            "evidence_store (evidence_store in the configuration file): \"/srv/evidence\" is not \
             an s3://bucket/prefix URL (a directory goes in evidence_dir)"
        );

        // A flag or variable overrides the file, whichever of the two it names.
        let mut file_store = config();
        file_store.evidence = from_file;
        let with_dir = file_store
            .clone()
            .with_evidence_flags(EvidenceFlags {
                evidence_dir: Some("/srv/e".into()),
                ..EvidenceFlags::default()
            })
            .unwrap();
        assert_eq!(with_dir.evidence.evidence_store, None);
        assert_eq!(with_dir.evidence.evidence_dir, PathBuf::from("/srv/e"));
        let with_store = config()
            .with_evidence_flags(EvidenceFlags {
                evidence_store: Some("s3://other/p".into()),
                ..EvidenceFlags::default()
            })
            .unwrap();
        assert_eq!(
            with_store.evidence.evidence_store,
            Some(("s3://other/p".to_owned(), STORE_FLAG))
        );
        let err = config()
            .with_evidence_flags(EvidenceFlags {
                evidence_dir: Some("/srv/e".into()),
                evidence_store: Some("s3://other/p".into()),
                ..EvidenceFlags::default()
            })
            .unwrap_err();
        assert!(format!("{err:#}").contains("both set"), "{err:#}");
        let err = config()
            .with_evidence_flags(EvidenceFlags {
                evidence_store: Some("s3:///p".into()),
                ..EvidenceFlags::default()
            })
            .unwrap_err();
        assert!(
            format!("{err:#}").contains("the bucket is missing"),
            "{err:#}"
        );
        let empty = config()
            .with_evidence_flags(EvidenceFlags {
                evidence_store: Some(" ".into()),
                ..EvidenceFlags::default()
            })
            .unwrap();
        assert_eq!(empty.evidence.evidence_store, None, "empty is not set");
    }

    #[test]
    fn an_s3_store_takes_no_upload_limit_above_what_s3_copies() {
        let limit = accord_store::blob_s3::MAX_UPLOAD_LIMIT;
        let flags = |upload_limit| EvidenceFlags {
            evidence_store: Some("s3://evidence/accord".into()),
            upload_limit: Some(upload_limit),
            ..EvidenceFlags::default()
        };
        assert!(config().with_evidence_flags(flags(limit)).is_ok());
        let err = config().with_evidence_flags(flags(limit + 1)).unwrap_err();
        assert!(format!("{err:#}").starts_with("upload_limit: "), "{err:#}");
        // A directory has no such limit.
        assert!(
            config()
                .with_evidence_flags(EvidenceFlags {
                    upload_limit: Some(limit + 1),
                    ..EvidenceFlags::default()
                })
                .is_ok()
        );
    }
}
