#![doc = include_str!("../README.md")]

// Reading order: the keys a person holds, how the recovery key is shared out, the data keys and
// what they seal (record fields), then evidence streams.
mod error;
pub mod keys;
mod seal;
pub mod shares;
pub mod stream;

pub use age::secrecy::{ExposeSecret, SecretString};
pub use error::VaultError;
pub use keys::{InstanceKey, KeyRecord, NewKeys, RecoveryKey, WrappedKey, create};
pub use seal::{DataKey, Vault};
pub use stream::{BlobOpener, BlobSealer};
