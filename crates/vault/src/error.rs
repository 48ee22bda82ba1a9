//! The one error type of the vault, each variant naming what is wrong in words an administrator
//! who is recovering a seized instance can act on.

/// What went wrong with a key, a share or sealed data.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("the key file {path} does not exist")]
    KeyFileMissing { path: String },
    #[error("the key file {path} already exists")]
    KeyFileExists { path: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not an instance key file: {reason}")]
    NotAKeyFile { path: String, reason: String },
    /// The key is a well-formed key, but not the one the database names.
    #[error("this is not the instance key the database names (it opens another instance's keys)")]
    WrongKey,
    #[error("data key {id} does not unwrap: {reason}")]
    Unwrap { id: u32, reason: String },
    #[error("{given} shares given, {needed} needed")]
    TooFewShares { given: usize, needed: u8 },
    /// `position` counts from 1, in the order the shares were given.
    #[error("share {position} is not valid: {reason}")]
    BadShare { position: usize, reason: String },
    #[error(
        "the shares do not rebuild this instance's recovery key (one was altered, or they come from \
         different sets)"
    )]
    WrongRecoveryKey,
    #[error("{shares} shares with a threshold of {threshold}: {reason}")]
    BadSplit {
        shares: u8,
        threshold: u8,
        reason: &'static str,
    },
    #[error("no data key {0}: the database does not hold the key this was sealed with")]
    UnknownKey(u32),
    /// Authentication failed: wrong key, changed or truncated ciphertext, or another context.
    #[error("cannot decrypt {what}: it was changed, cut short, or sealed for another place")]
    Decrypt { what: &'static str },
    #[error("not sealed by Accord: {0}")]
    Format(&'static str),
    #[error("no randomness from the operating system: {0}")]
    Random(String),
    #[error("age: {0}")]
    Age(String),
}
