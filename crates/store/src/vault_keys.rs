//! The instance's keys as the database keeps them: the public recipients of the instance and
//! recovery keys and the data keys wrapped to them (accord-vault makes and opens them). Never a
//! secret: a copy of the database alone unwraps nothing.
//!
//! The checks a backend makes before writing them, and what the log says, are here too, so that
//! every backend refuses the same stale rewrap with the same words.

use crate::StoreError;

/// The stored key record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaultKeys {
    /// The instance key's age recipient: which key file opens the data keys.
    pub instance_recipient: String,
    /// The recovery key's age recipient: which shares rebuild the recovery key.
    pub recovery_recipient: String,
    /// How many shares rebuild the recovery key (1: it was shown whole), of how many made.
    pub recovery_threshold: u8,
    pub recovery_shares: u8,
    pub created_at: String,
    /// When the data keys were last wrapped to a new instance key.
    pub rewrapped_at: Option<String>,
    /// By id.
    pub data_keys: Vec<StoredDataKey>,
}

/// A data key as stored: an age file to the instance and recovery recipients.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDataKey {
    pub id: u32,
    pub wrapped: Vec<u8>,
    pub created_at: String,
}

/// What `accord keys init` stores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVaultKeys {
    pub instance_recipient: String,
    pub recovery_recipient: String,
    pub recovery_threshold: u8,
    pub recovery_shares: u8,
    /// (id, wrapped)
    pub data_keys: Vec<(u32, Vec<u8>)>,
}

/// Every data key wrapped again to a new instance key (the recovery recipient stays).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrap {
    /// The instance recipient the data keys were unwrapped with: if another rotation stored a
    /// new one since, this one is refused.
    pub from_instance_recipient: String,
    pub instance_recipient: String,
    /// (id, wrapped), for exactly the stored data keys.
    pub data_keys: Vec<(u32, Vec<u8>)>,
    pub reason: RewrapReason,
}

/// Why the data keys are wrapped again (the log's action).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RewrapReason {
    /// `accord keys rotate`: a new instance key replaces one that still works.
    Rotate,
    /// `accord keys recover`: a new instance key, the data keys opened with the recovery key.
    Recover,
}

impl RewrapReason {
    /// The log's action.
    pub fn action(self) -> &'static str {
        match self {
            RewrapReason::Rotate => "keys.rotate",
            RewrapReason::Recover => "keys.recover",
        }
    }
}

/// A stored key record that does not decode.
pub(crate) fn corrupt(detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        case: "(the instance keys)".into(),
        detail: detail.into(),
    }
}

/// The refusal of a second `keys init`.
pub(crate) fn already_made() -> StoreError {
    StoreError::Exists {
        what: "instance keys",
        id: "(this database)".into(),
    }
}

/// The refusal of a rewrap when the database has no keys.
pub(crate) fn none_made() -> StoreError {
    StoreError::NotFound {
        what: "instance keys",
        id: "(this database)".into(),
    }
}

/// What the log says of `keys init`.
pub(crate) fn init_detail(keys: &NewVaultKeys) -> String {
    if keys.recovery_shares > 1 {
        format!(
            "instance keys created; the recovery key split into {} shares, {} needed",
            keys.recovery_shares, keys.recovery_threshold
        )
    } else {
        "instance keys created; the recovery key shown whole".to_owned()
    }
}

/// New keys must carry a data key.
pub(crate) fn check_new(keys: &NewVaultKeys) -> Result<(), StoreError> {
    if keys.data_keys.is_empty() {
        return Err(corrupt("keys without a data key"));
    }
    Ok(())
}

/// What the log says of a rewrap.
pub(crate) const REWRAP_DETAIL: &str = "the data keys wrapped to a new instance key";

/// A rewrap is refused, changing nothing, unless it was made from the stored instance recipient
/// and wraps exactly the stored data keys: another rotation or recovery may have run meanwhile.
pub(crate) fn check_rewrap(current: &VaultKeys, rewrap: &Rewrap) -> Result<(), StoreError> {
    if current.instance_recipient != rewrap.from_instance_recipient {
        return Err(StoreError::Conflict(
            "the instance key changed while this ran (another `accord keys rotate` or `recover`); \
             nothing was changed"
                .into(),
        ));
    }
    let mut stored: Vec<u32> = current.data_keys.iter().map(|k| k.id).collect();
    let mut given: Vec<u32> = rewrap.data_keys.iter().map(|(id, _)| *id).collect();
    stored.sort_unstable();
    given.sort_unstable();
    if stored != given {
        return Err(StoreError::Conflict(format!(
            "the data keys changed while this ran (stored {stored:?}, wrapped {given:?}); nothing \
             was changed"
        )));
    }
    Ok(())
}
