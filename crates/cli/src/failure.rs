//! The chain of an error the binary prints, said in the user's language (issue 16 §1).
//!
//! The layers below keep their `thiserror` types and English `Display` (the JSON API, logs and
//! English users read those). Here each link of the chain is recognised by its type and said from
//! the catalogs: the action layer's refusals (a refused field through the server's
//! `refusals.rs`, the same words the pages use; a missing or existing record; a forbidden
//! action; the log's refusal to sign), the store's, the blob store's and the vault's failures,
//! the typed errors of the crates below (the core's refusals of a value and a bundle's
//! problems, a table or a mapping `accord-tables` cannot read, a letter `accord-letters` cannot
//! compose, `accord-tlog`'s), and an operating system's error, said by its kind with the
//! system's own text after it. What the command line adds itself is a [`Said`]: a catalog
//! message and its arguments (`cannot read FILE`), formatted when the error is printed; every
//! refusal of the command line's own is one. A link of a type not known here is the English
//! detail under the language's "Details (in English)" introduction.
//!
//! English output is the chain exactly as the layers wrote it.

use std::fmt;

use accord_actions::ActionError;
use accord_core::Lang;
use accord_server::i18n::FluentValue;
use accord_store::{BlobError, StoreError};
use accord_vault::VaultError;

use crate::words::{LANGUAGE, Words};

/// A failure said by a catalog message (`id`, with its arguments), the error that caused it (an
/// OS error, a refusal from below) after it in the chain.
#[derive(Debug)]
pub(crate) struct Said {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
    source: Option<anyhow::Error>,
}

/// An argument of a [`Said`] message.
#[derive(Debug)]
enum Arg {
    /// Shown as it is (a path, an id, a flag, a value quoted by the caller).
    Text(String),
    /// A figure shown as written (a size in bytes, a row number, a tree size), in the
    /// language's digits: copyable, never grouped.
    Digits(String),
    /// A count that chooses a plural (`{ $n -> [one] ... }`), written in the language's digits
    /// and grouping.
    Count(u64),
    /// A part of the sentence said by a message of its own (where a setting was given).
    Said(Box<Said>),
    /// Lines, each said by a message of its own (the problems of a bundle, one a line).
    Lines(Vec<Said>),
}

impl Said {
    pub(crate) fn new(id: &'static str, args: &[(&'static str, &dyn fmt::Display)]) -> Said {
        Said {
            id,
            args: args
                .iter()
                .map(|(n, v)| (*n, Arg::Text(v.to_string())))
                .collect(),
            source: None,
        }
    }

    /// The message with a figure more, in the language's digits (`{ $limit } bytes`).
    pub(crate) fn digits(mut self, name: &'static str, figure: impl fmt::Display) -> Said {
        self.args.push((name, Arg::Digits(figure.to_string())));
        self
    }

    /// The message with a part more that is said by a message of its own.
    pub(crate) fn with(mut self, name: &'static str, part: Said) -> Said {
        self.args.push((name, Arg::Said(Box::new(part))));
        self
    }

    /// The message with lines more, each a message of its own, joined by line breaks.
    pub(crate) fn lines(mut self, name: &'static str, lines: Vec<Said>) -> Said {
        self.args.push((name, Arg::Lines(lines)));
        self
    }

    /// The message with a count more, which may choose a plural.
    pub(crate) fn count(mut self, name: &'static str, n: impl TryInto<u64>) -> Said {
        self.args
            .push((name, Arg::Count(n.try_into().unwrap_or(u64::MAX))));
        self
    }

    /// The message in `words`' language. A text argument named `reason` is a refusal from
    /// below in English, said by its kind (`refusals.rs`); one named `what` a kind of record.
    pub(crate) fn text(&self, words: &Words) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(n, v)| {
                let v = match (v, *n) {
                    (Arg::Text(v), "reason") => FluentValue::from(words.refusal(v)),
                    (Arg::Text(v), "what") => FluentValue::from(what(words, v)),
                    (Arg::Text(v), _) => FluentValue::from(v.clone()),
                    (Arg::Digits(v), _) => FluentValue::from(words.lang.digits(v)),
                    (Arg::Count(n), _) => FluentValue::from(*n),
                    (Arg::Said(part), _) => FluentValue::from(part.text(words)),
                    (Arg::Lines(lines), _) => FluentValue::from(
                        lines
                            .iter()
                            .map(|l| l.text(words))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                };
                (*n, v)
            })
            .collect();
        words.msg(self.id, &args)
    }
}

impl fmt::Display for Said {
    /// In English: what `{error:#}` and the English error line print.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match Words::new(Lang::En) {
            Ok(words) => f.write_str(&self.text(&words)),
            Err(_) => f.write_str(self.id),
        }
    }
}

impl std::error::Error for Said {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| -> &(dyn std::error::Error + 'static) { e.as_ref() })
    }
}

/// `.said(|| Said::new(...))`: the failure said above the error that caused it.
pub(crate) trait SayContext<T> {
    fn said(self, said: impl FnOnce() -> Said) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> SayContext<T> for Result<T, E> {
    fn said(self, said: impl FnOnce() -> Said) -> anyhow::Result<T> {
        self.map_err(|e| {
            let mut said = said();
            said.source = Some(e.into());
            anyhow::Error::new(said)
        })
    }
}

impl<T> SayContext<T> for Option<T> {
    fn said(self, said: impl FnOnce() -> Said) -> anyhow::Result<T> {
        self.ok_or_else(|| anyhow::Error::new(said()))
    }
}

/// A failure already in the user's language (`accord elections` words its own): the error line
/// shows it as it is. A type of its own, so that the error line can tell it from an English
/// sentence of a layer below.
#[derive(Debug)]
pub(crate) struct Worded(pub(crate) String);

impl std::fmt::Display for Worded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Worded {}

/// The refusal of a case id the database does not hold, said in the user's language when the
/// error is printed.
pub(crate) fn no_case(case: &str, db: &str) -> Said {
    Said::new(
        "cli-no-case",
        &[("case", &format!("{case:?}")), ("db", &db)],
    )
}

/// `error: …` as the binary prints a failure, in the user's language: the configuration's once
/// it was built, else the one found before (`ACCORD_LANGUAGE`, the configuration file's
/// `language`), else English. Each link of the chain of causes is said
/// in it where its kind is known (`failure.rs`).
pub(crate) fn error_line(error: &anyhow::Error) -> String {
    let lang = LANGUAGE
        .get()
        .copied()
        .unwrap_or_else(crate::config::early_language);
    Words::new(lang).map_or_else(
        |_| format!("error: {error:#}"),
        |w| {
            let chain = chain(&w, error);
            w.msg("cli-error", &[("error", chain.as_str().into())])
        },
    )
}

/// A message printed beside the output (a note, a warning) in the user's language, as the error
/// line would say it.
pub(crate) fn in_language(said: &Said) -> String {
    let lang = LANGUAGE
        .get()
        .copied()
        .unwrap_or_else(crate::config::early_language);
    Words::new(lang).map_or_else(|_| said.to_string(), |w| said.text(&w))
}

/// `FLAG`, above the error that refused its value (`--role: unknown role ...`).
pub(crate) fn flag(flag: &str) -> Said {
    Said::new("cli-err-flag", &[("flag", &flag)])
}

/// `FLAG: REASON`: a value refused for a flag, the reason in English from below, said by its
/// kind where it is known (`refusals.rs`).
pub(crate) fn flag_refused(flag: &str, reason: &dyn fmt::Display) -> Said {
    Said::new(
        "cli-err-flag-reason",
        &[("flag", &flag), ("reason", reason)],
    )
}

/// `cannot check PATH`, above the OS's error (a file's metadata could not be read).
pub(crate) fn cannot_check(path: &std::path::Path) -> Said {
    Said::new("cli-err-cannot-check", &[("path", &path.display())])
}

/// `cannot read PATH`, above the OS's error.
pub(crate) fn cannot_read(path: &std::path::Path) -> Said {
    Said::new("cli-err-cannot-read", &[("path", &path.display())])
}

/// `cannot write PATH`, above the OS's error.
pub(crate) fn cannot_write(path: &std::path::Path) -> Said {
    Said::new("cli-err-cannot-write", &[("path", &path.display())])
}

/// `cannot create PATH`, above the OS's error.
pub(crate) fn cannot_create(path: &std::path::Path) -> Said {
    Said::new("cli-err-cannot-create", &[("path", &path.display())])
}

/// The whole chain of `error` in `words`' language, its links joined by `: ` as anyhow joins
/// them.
pub(crate) fn chain(words: &Words, error: &anyhow::Error) -> String {
    if words.lang == Lang::En {
        return format!("{error:#}");
    }
    let mut said: Vec<String> = Vec::new();
    // Links of unknown types, in English, gathered under one introduction.
    let mut english: Vec<String> = Vec::new();
    for link in error.chain() {
        // The layers' own errors write their causes into their message ("PATH: the OS's
        // error"): the chain ends with them.
        let (text, last) = if let Some(s) = link.downcast_ref::<Said>() {
            (s.text(words), false)
        } else if let Some(w) = link.downcast_ref::<Worded>() {
            // An election command's failure, already in the language.
            (w.0.clone(), false)
        } else if let Some(e) = link.downcast_ref::<ActionError>() {
            (action_error(words, e), true)
        } else if let Some(e) = link.downcast_ref::<StoreError>() {
            (store_error(words, e), true)
        } else if let Some(e) = link.downcast_ref::<BlobError>() {
            (blob_error(words, e), true)
        } else if let Some(e) = link.downcast_ref::<VaultError>() {
            (vault_error(words, e), true)
        } else if let Some(e) = link.downcast_ref::<std::io::Error>() {
            (os_error(words, e), true)
        } else if let Some(text) = lower_error(words, link) {
            (text, true)
        } else {
            english.push(link.to_string());
            continue;
        };
        flush(words, &mut english, &mut said);
        said.push(text);
        if last {
            break;
        }
    }
    flush(words, &mut english, &mut said);
    // `first: then`, with the language's colon, from the innermost cause outwards.
    said.into_iter()
        .rev()
        .reduce(|then, first| {
            words.msg(
                "cli-err-then",
                &[("first", first.into()), ("then", then.into())],
            )
        })
        .unwrap_or_default()
}

fn flush(words: &Words, english: &mut Vec<String>, said: &mut Vec<String>) {
    if !english.is_empty() {
        let detail = english.join(": ");
        english.clear();
        said.push(words.msg("error-detail", &[("detail", detail.into())]));
    }
}

/// A kind of record (`case`, `evidence item`) in the language, else as the layer named it.
fn what(words: &Words, what: &str) -> String {
    if words.lang == Lang::En {
        return what.to_owned();
    }
    let id = format!("cli-what-{}", what.replace(' ', "-"));
    match words.t(&id) {
        text if text == id => what.to_owned(),
        text => text,
    }
}

/// An English detail (a reason from deeper down) in the language where its kind is known.
fn detail(words: &Words, message: &str) -> String {
    words.refusal(message)
}

pub(crate) fn action_error(words: &Words, e: &ActionError) -> String {
    match e {
        ActionError::Invalid { field, message } => words.refused(field, message),
        ActionError::NotFound { what: w, id } => words.msg(
            "cli-err-not-found",
            &[("what", what(words, w).into()), ("id", quoted(id).into())],
        ),
        ActionError::Exists { what: w, id } => words.msg(
            "cli-err-exists",
            &[("what", what(words, w).into()), ("id", quoted(id).into())],
        ),
        ActionError::Forbidden(why) | ActionError::Changed(why) => detail(words, why),
        ActionError::TooLarge { limit } => {
            words.msg("error-too-large", &[("limit", FluentValue::from(*limit))])
        }
        ActionError::Store(e) => store_error(words, e),
        ActionError::Blob(e) => {
            words.msg("cli-err-blob", &[("error", blob_error(words, e).into())])
        }
        ActionError::Log(why) => words.msg("cli-err-log", &[("error", detail(words, why).into())]),
        ActionError::LogRefused(refusal) => words.msg(
            "cli-err-log",
            &[("error", log_refusal(words, refusal).into())],
        ),
        ActionError::Search(why) => {
            words.msg("cli-err-search", &[("error", detail(words, why).into())])
        }
        ActionError::Io { path, source } => file_error(words, path, source),
    }
}

pub(crate) fn store_error(words: &Words, e: &StoreError) -> String {
    match e {
        StoreError::NoCase(id) => words.msg(
            "cli-err-not-found",
            &[
                ("what", what(words, "case").into()),
                ("id", quoted(id).into()),
            ],
        ),
        StoreError::NotFound { what: w, id } => words.msg(
            "cli-err-not-found",
            &[("what", what(words, w).into()), ("id", quoted(id).into())],
        ),
        StoreError::Exists { what: w, id } => words.msg(
            "cli-err-exists",
            &[("what", what(words, w).into()), ("id", quoted(id).into())],
        ),
        StoreError::CaseExists(id) => {
            words.msg("cli-err-case-exists", &[("case", quoted(id).into())])
        }
        StoreError::Missing { path } => {
            words.msg("cli-err-no-database", &[("path", path.as_str().into())])
        }
        StoreError::Unusable { url, reason } => words.msg(
            "cli-err-unusable-database",
            &[
                ("url", url.as_str().into()),
                ("reason", detail(words, reason).into()),
            ],
        ),
        StoreError::UnsupportedUrl { url, reason } => words.msg(
            "cli-err-unsupported-database",
            &[
                ("url", url.as_str().into()),
                ("reason", detail(words, reason).into()),
            ],
        ),
        StoreError::Conflict(why) => detail(words, why),
        other => words.msg(
            "cli-err-database",
            &[("error", detail(words, &other.to_string()).into())],
        ),
    }
}

fn blob_error(words: &Words, e: &BlobError) -> String {
    match e {
        BlobError::Io { path, source } => file_error(words, path, source),
        BlobError::TooLarge { limit } => {
            words.msg("error-too-large", &[("limit", FluentValue::from(*limit))])
        }
        BlobError::NotFound(hash) => {
            words.msg("cli-err-no-blob", &[("sha256", hash.as_str().into())])
        }
        other => detail(words, &other.to_string()),
    }
}

fn vault_error(words: &Words, e: &VaultError) -> String {
    match e {
        VaultError::KeyFileMissing { path } => {
            words.msg("cli-err-no-key-file", &[("path", path.as_str().into())])
        }
        VaultError::KeyFileExists { path } => {
            words.msg("cli-err-key-file-exists", &[("path", path.as_str().into())])
        }
        VaultError::Io { path, source } => file_error(words, path, source),
        VaultError::WrongKey => words.t("cli-err-wrong-key"),
        VaultError::WrongRecoveryKey => words.t("cli-err-wrong-recovery-key"),
        VaultError::TooFewShares { given, needed } => words.msg(
            "cli-err-too-few-shares",
            &[
                ("given", FluentValue::from(*given)),
                ("needed", FluentValue::from(*needed)),
            ],
        ),
        other => detail(words, &other.to_string()),
    }
}

/// An error of a crate below the action layer, said by its kind: the core's refusals of a
/// value (a date, a name of a closed vocabulary, a score), a bundle's or a case's problems, a
/// table that cannot be read or a mapping refused (`accord-tables`), a letter that cannot be
/// composed (`accord-letters`), a setting the server refuses. Each ends the chain: its
/// `Display` holds its causes. `None` for a type not known here.
fn lower_error(words: &Words, link: &(dyn std::error::Error + 'static)) -> Option<String> {
    use accord_core::bundle::{BundleError, BundleErrors};
    use accord_tables::mapping::MappingError;
    use accord_tables::read::ReadError;

    // The core's refusals of one value: the same sentences a form refuses a field with, said
    // by `refusals.rs`.
    if link.is::<accord_core::date::DateError>()
        || link.is::<accord_core::names::UnknownName>()
        || link.is::<accord_core::observation::ScoreError>()
        || link.is::<accord_core::citation::CitationError>()
    {
        return Some(words.refusal(&link.to_string()));
    }
    if let Some(e) = link.downcast_ref::<BundleErrors>() {
        let lines: Vec<String> = e.0.iter().map(|e| bundle_error(words, e)).collect();
        return Some(lines.join("\n"));
    }
    if let Some(e) = link.downcast_ref::<BundleError>() {
        return Some(bundle_error(words, e));
    }
    if let Some(e) = link.downcast_ref::<accord_core::validate::Problems>() {
        let lines: Vec<String> =
            e.0.iter()
                .map(|p| {
                    words.msg(
                        "cli-bundle-problem-field",
                        &[
                            ("place", format!("{:?}", p.entity).into()),
                            ("field", p.field.clone().into()),
                            ("reason", words.refusal(&p.message).into()),
                        ],
                    )
                })
                .collect();
        return Some(lines.join("\n"));
    }
    if let Some(e) = link.downcast_ref::<ReadError>() {
        return Some(match e {
            ReadError::Csv(detail) => words.msg(
                "cli-err-table-not-csv",
                &[("detail", words.refusal(detail).into())],
            ),
            ReadError::Xlsx(detail) => words.msg(
                "cli-err-table-not-xlsx",
                &[("detail", words.refusal(detail).into())],
            ),
            ReadError::NoSheet(sheet) => {
                words.msg("cli-err-table-no-sheet", &[("sheet", quoted(sheet).into())])
            }
            ReadError::Empty => words.t("cli-err-table-empty"),
        });
    }
    if let Some(e) = link.downcast_ref::<MappingError>() {
        return Some(match e {
            MappingError::Toml(detail) => words.msg(
                "cli-err-mapping-toml",
                &[("detail", words.refusal(detail).into())],
            ),
            MappingError::Field { key, message } => words.msg(
                "cli-err-mapping-field",
                &[
                    ("key", key.as_str().into()),
                    ("reason", words.refusal(message).into()),
                ],
            ),
        });
    }
    if let Some(e) = link.downcast_ref::<accord_tables::Problem>() {
        return Some(words.msg(
            "cli-err-table-row",
            &[
                ("row", words.n(e.row)),
                ("column", quoted(&e.column).into()),
                ("reason", words.refusal(&e.message).into()),
                ("value", quoted(&e.value).into()),
            ],
        ));
    }
    if let Some(e) = link.downcast_ref::<accord_letters::ComposeError>() {
        return Some(compose_error(words, e));
    }
    if let Some(e) = link.downcast_ref::<accord_server::TrustedProxyError>() {
        return Some(words.msg(
            "cli-err-trusted-proxy",
            &[("value", quoted(&e.value).into())],
        ));
    }
    if let Some(e) = link.downcast_ref::<accord_server::BaseUrlError>() {
        let reason = match e.reason {
            "it must start with https:// or http://" => words.t("cli-err-base-url-scheme"),
            "it names no host" => words.t("cli-err-base-url-host"),
            "it holds a space, a control character or a quote" => {
                words.t("cli-err-base-url-characters")
            }
            "no query, fragment or user name" => words.t("cli-err-base-url-query"),
            other => words.refusal(other),
        };
        return Some(words.msg(
            "cli-err-base-url",
            &[("url", quoted(&e.url).into()), ("reason", reason.into())],
        ));
    }
    if let Some(e) = link.downcast_ref::<accord_tlog::Error>() {
        return Some(tlog_error(words, e));
    }
    if let Some(e) = link.downcast_ref::<accord_actions::LogRefusal>() {
        return Some(log_refusal(words, e));
    }
    if link.is::<std::net::AddrParseError>() {
        return Some(words.t("cli-err-addr-syntax"));
    }
    None
}

/// Why the log refused to sign or co-sign a checkpoint.
fn log_refusal(words: &Words, r: &accord_actions::LogRefusal) -> String {
    use accord_actions::{Extension, LogRefusal as R, StateDefect};
    match r {
        R::NothingToCosign => words.t("cli-log-nothing-to-cosign"),
        R::Shrank { old, new } => words.msg(
            "cli-log-shrank",
            &[("old", words.n(old)), ("new", words.n(new))],
        ),
        R::NotConsistent { old_size, proof } => words.msg(
            "cli-log-not-consistent",
            &[
                ("old_size", words.n(old_size)),
                ("error", tlog_error(words, proof).into()),
            ],
        ),
        R::WitnessState {
            file,
            origin,
            defect,
        } => words.msg(
            match defect {
                StateDefect::NoTreeSize => "cli-log-state-no-size",
                StateDefect::NoRootHash => "cli-log-state-no-root",
            },
            &[
                ("file", file.as_str().into()),
                ("origin", origin.as_str().into()),
            ],
        ),
        R::NotExtending { size, why } => {
            let why = match why {
                Extension::EdgeDiffers => words.t("cli-log-edge-differs"),
                Extension::EntriesDiffer => words.t("cli-log-entries-differ"),
                Extension::Proof(e) => tlog_error(words, e),
            };
            words.msg(
                "cli-log-not-extending",
                &[("size", words.n(size)), ("why", why.into())],
            )
        }
    }
}

/// An error of the transparency log's formats and proofs (`accord-tlog`), said by its kind
/// where a check of the log or of a checkpoint meets it; the others in English, introduced.
pub(crate) fn tlog_error(words: &Words, e: &accord_tlog::Error) -> String {
    use accord_tlog::{Error as E, WhichRoot};
    match e {
        E::IndexOutOfRange { index, size } => words.msg(
            "cli-tlog-index-out-of-range",
            &[("index", words.n(index)), ("size", words.n(size))],
        ),
        E::SizesOutOfOrder { old_size, new_size } => words.msg(
            "cli-tlog-sizes-out-of-order",
            &[
                ("old_size", words.n(old_size)),
                ("new_size", words.n(new_size)),
            ],
        ),
        E::ConsistencyFromEmptyTree { new_size } => words.msg(
            "cli-tlog-from-empty-tree",
            &[("new_size", words.n(new_size))],
        ),
        E::ProofLength { got, expected } => words.msg(
            "cli-tlog-proof-length",
            &[("got", words.n(got)), ("expected", words.n(expected))],
        ),
        E::RootMismatch { which } => words.msg(
            "cli-tlog-root-mismatch",
            &[(
                "which",
                match which {
                    WhichRoot::Tree => "tree",
                    WhichRoot::Old => "old",
                    WhichRoot::New => "new",
                }
                .into(),
            )],
        ),
        E::BadSignature { name, key_id } => words.msg(
            "cli-tlog-bad-signature",
            &[("key", format!("{name}+{}", hex::encode(key_id)).into())],
        ),
        E::NoKnownSignature => words.t("cli-tlog-no-known-signature"),
        E::CheckpointTooShort { lines } => words.msg(
            "cli-tlog-checkpoint-too-short",
            &[("lines", words.n(lines))],
        ),
        E::EmptyOrigin => words.t("cli-tlog-empty-origin"),
        E::BadTreeSize { text } => {
            words.msg("cli-tlog-bad-tree-size", &[("text", quoted(text).into())])
        }
        E::BadRootBase64 { text } => {
            words.msg("cli-tlog-bad-root-base64", &[("text", quoted(text).into())])
        }
        E::BadRootLength { len } => words.msg("cli-tlog-bad-root-length", &[("len", words.n(len))]),
        other => words.refusal(&other.to_string()),
    }
}

/// One problem of a bundle, located (`file:line: field:`), its sentence said by its kind where
/// `refusals.rs` knows it. In English, as the core wrote it.
pub(crate) fn bundle_error(words: &Words, e: &accord_core::bundle::BundleError) -> String {
    if words.lang == Lang::En {
        return e.to_string();
    }
    let place = match e.line {
        Some(line) => format!("{}:{line}", e.file),
        None => e.file.clone(),
    };
    let reason = words.refusal(&e.message);
    match &e.field {
        Some(field) => words.msg(
            "cli-bundle-problem-field",
            &[
                ("place", place.into()),
                ("field", field.as_str().into()),
                ("reason", reason.into()),
            ],
        ),
        None => words.msg(
            "cli-bundle-problem",
            &[("place", place.into()), ("reason", reason.into())],
        ),
    }
}

/// A letter that cannot be composed: no such letter, no version in the language, or a body
/// template's problem, located in `body.md`.
fn compose_error(words: &Words, e: &accord_letters::ComposeError) -> String {
    use accord_letters::{BodyProblem as P, ComposeError as C};
    match e {
        C::NoLetter { case, letter } => words.msg(
            "cli-err-compose-no-letter",
            &[
                ("case", quoted(case).into()),
                ("letter", quoted(letter).into()),
            ],
        ),
        C::NoLanguage { letter, lang } => words.msg(
            "cli-err-compose-no-language",
            &[
                ("letter", quoted(letter).into()),
                ("lang", quoted(lang).into()),
            ],
        ),
        C::Body {
            letter,
            line,
            problem,
        } => {
            let q = |s: &str| FluentValue::from(quoted(s));
            let problem = match problem {
                P::UnknownCitation { citation } => {
                    words.msg("cli-body-unknown-citation", &[("citation", q(citation))])
                }
                P::BadCitation { citation, reason } => words.msg(
                    "cli-body-bad-citation",
                    &[
                        ("citation", q(citation)),
                        ("reason", words.refusal(reason).into()),
                    ],
                ),
                P::MissingText { citation } => words.msg(
                    "cli-body-missing-text",
                    &[
                        ("citation", q(citation)),
                        ("cite", citation.as_str().into()),
                    ],
                ),
                P::UnknownSource { id } => words.msg("cli-body-unknown-source", &[("id", q(id))]),
                P::UnknownMechanismOrFinding { id } => {
                    words.msg("cli-body-unknown-mechanism", &[("id", q(id))])
                }
                P::ReservedCharacter { code } => words.msg(
                    "cli-body-reserved",
                    &[("code", format!("{code:04X}").into())],
                ),
                P::TooLarge { bytes, max } => words.msg(
                    "cli-body-too-large",
                    &[("bytes", words.n(bytes)), ("max", words.n(max))],
                ),
                P::TooDeep { max } => words.msg("cli-body-too-deep", &[("max", words.n(max))]),
                P::TooDeepRendered { line, max } => words.msg(
                    "cli-body-too-deep-rendered",
                    &[("line", words.n(line)), ("max", words.n(max))],
                ),
                other => words.refusal(&other.to_string()),
            };
            let place = match line {
                Some(line) => words.msg("cli-body-line", &[("line", words.n(line))]),
                None => words.t("cli-body-file"),
            };
            words.msg(
                "cli-err-compose-body",
                &[
                    ("letter", quoted(letter).into()),
                    ("place", place.into()),
                    ("problem", problem.into()),
                ],
            )
        }
    }
}

/// `PATH: <what the OS says, in the language> (<the OS's own text>)`.
fn file_error(words: &Words, path: &str, e: &std::io::Error) -> String {
    words.msg(
        "cli-err-file",
        &[("path", path.into()), ("error", os_error(words, e).into())],
    )
}

/// An operating system's error: its kind in the language, the system's own text after it.
pub(crate) fn os_error(words: &Words, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let kind = match e.kind() {
        K::NotFound => "cli-os-not-found",
        K::PermissionDenied => "cli-os-permission-denied",
        K::AlreadyExists => "cli-os-exists",
        K::IsADirectory => "cli-os-is-a-directory",
        K::NotADirectory => "cli-os-not-a-directory",
        K::StorageFull => "cli-os-full",
        K::ReadOnlyFilesystem => "cli-os-read-only",
        K::InvalidData => "cli-os-invalid-data",
        K::UnexpectedEof => "cli-os-cut-short",
        _ => "cli-os-other",
    };
    words.msg(kind, &[("os", e.to_string().into())])
}

fn quoted(id: &str) -> String {
    format!("{id:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(kind: std::io::ErrorKind) -> anyhow::Error {
        anyhow::Error::new(std::io::Error::from(kind))
    }

    /// Each known link is said in French and Khmer; an unknown one keeps its English under the
    /// introduction; English is the chain as it always was.
    #[test]
    fn a_chain_is_said_link_by_link() {
        let fr = Words::new(Lang::Fr).unwrap_or_else(|e| panic!("{e}"));
        let km = Words::new(Lang::Km).unwrap_or_else(|e| panic!("{e}"));
        let en = Words::new(Lang::En).unwrap_or_else(|e| panic!("{e}"));
        let path = std::path::Path::new("/tmp/x.csv");
        let missing = || {
            Err::<(), _>(std::io::Error::from(std::io::ErrorKind::NotFound))
                .said(|| cannot_read(path))
                .unwrap_err()
        };
        let said = chain(&fr, &missing());
        assert!(said.starts_with("impossible de lire /tmp/x.csv"), "{said}");
        assert!(said.contains("introuvable"), "{said}");
        let said = chain(&km, &missing());
        assert!(
            said.contains("/tmp/x.csv") && said.contains('\u{17D4}')
                || said.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)),
            "{said}"
        );
        assert_eq!(
            chain(&en, &missing()),
            format!(
                "cannot read /tmp/x.csv: {}",
                std::io::Error::from(std::io::ErrorKind::NotFound)
            )
        );
        // The action layer's refusal of a field, in the pages' words.
        let refused = anyhow::Error::new(ActionError::Invalid {
            field: "title".into(),
            message: "must not be empty".into(),
        });
        assert_eq!(
            chain(&fr, &refused),
            "Titre\u{202F}: ce champ ne doit pas être vide"
        );
        let not_found = anyhow::Error::new(ActionError::NotFound {
            what: "letter",
            id: "x".into(),
        });
        let said = chain(&fr, &not_found);
        assert!(said.contains("lettre") && said.contains("\"x\""), "{said}");
        // An unknown link: its English under one introduction.
        let unknown = os(std::io::ErrorKind::NotFound).context("the moon is not aligned");
        let said = chain(&fr, &unknown);
        assert!(
            said.starts_with("Détail (en anglais)\u{202F}: the moon is not aligned"),
            "{said}"
        );
        assert!(
            said.ends_with(")") && said.contains("introuvable"),
            "{said}"
        );
    }
}
