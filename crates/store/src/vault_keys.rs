//! The instance's keys as the database keeps them: the public recipients of the instance and
//! recovery keys and the data keys wrapped to them (accord-vault makes and opens them). Never a
//! secret: a copy of the database alone unwraps nothing.

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
