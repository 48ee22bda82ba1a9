//! The chain of an error the binary prints, said in the user's language (issue 16 §1).
//!
//! The layers below keep their `thiserror` types and English `Display` (the JSON API, logs and
//! English users read those). Here each link of the chain is recognised by its type and said from
//! the catalogs: the action layer's refusals (a refused field through the server's
//! `refusals.rs`, the same words the pages use; a missing or existing record; a forbidden
//! action), the store's, the blob store's and the vault's failures, and an operating system's
//! error, said by its kind with the system's own text after it. What the command line adds
//! itself is a [`Said`]: a catalog message and its arguments (`cannot read FILE`), formatted when
//! the error is printed. A link of a type not known here is the English detail under the
//! language's "Details (in English)" introduction.
//!
//! English output is the chain exactly as the layers wrote it.

use std::fmt;

use accord_actions::ActionError;
use accord_core::Lang;
use accord_server::i18n::FluentValue;
use accord_store::{BlobError, StoreError};
use accord_vault::VaultError;

use crate::words::{LANGUAGE, Words, env_language};

/// A failure said by a catalog message (`id`, with text arguments), the error that caused it (an
/// OS error, a refusal from below) after it in the chain.
#[derive(Debug)]
pub(crate) struct Said {
    id: &'static str,
    args: Vec<(&'static str, String)>,
    source: Option<anyhow::Error>,
}

impl Said {
    pub(crate) fn new(id: &'static str, args: &[(&'static str, &dyn fmt::Display)]) -> Said {
        Said {
            id,
            args: args.iter().map(|(n, v)| (*n, v.to_string())).collect(),
            source: None,
        }
    }

    /// The message in `words`' language. An argument named `reason` is a refusal from below
    /// in English, said by its kind (`refusals.rs`); one named `what` a kind of record.
    pub(crate) fn text(&self, words: &Words) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(n, v)| {
                let v = match *n {
                    "reason" => words.refusal(v),
                    "what" => what(words, v),
                    _ => v.clone(),
                };
                (*n, FluentValue::from(v))
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
/// it was read, else `ACCORD_LANGUAGE`, else English. Each link of the chain of causes is said
/// in it where its kind is known (`failure.rs`).
pub(crate) fn error_line(error: &anyhow::Error) -> String {
    let lang = LANGUAGE.get().copied().unwrap_or_else(env_language);
    Words::new(lang).map_or_else(
        |_| format!("error: {error:#}"),
        |w| {
            let chain = chain(&w, error);
            w.msg("cli-error", &[("error", chain.as_str().into())])
        },
    )
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
