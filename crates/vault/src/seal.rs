//! Data keys, the vault that holds them open, and small fields sealed with them.
//!
//! A sealed field is `[1][key id: u32 BE][nonce: 24 bytes][ciphertext ‖ tag]`, XChaCha20-Poly1305
//! with a random nonce (24 bytes: random nonces never repeat in practice, whatever the number of
//! fields). The associated data is a fixed label, the first five bytes and the caller's context
//! (say `incident/<case>/<id>/body`): a sealed value moved to another record, or from a field to
//! a blob, does not open.

use std::collections::BTreeMap;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::VaultError;
use crate::keys::{InstanceKey, KeyRecord, RecoveryKey};
use crate::stream::{BlobOpener, BlobSealer};

const FIELD_VERSION: u8 = 1;
const FIELD_LABEL: &[u8] = b"accord sealed field v1\0";
const FIELD_HEAD: usize = 1 + 4;
const NONCE: usize = 24;

/// A 256-bit data key. Zeroed when dropped; never printed.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

impl DataKey {
    /// A new random key.
    pub fn generate() -> Result<DataKey, VaultError> {
        let mut key = Zeroizing::new([0u8; 32]);
        random(key.as_mut_slice())?;
        Ok(DataKey(key))
    }

    pub(crate) fn from_slice(bytes: &[u8]) -> Option<DataKey> {
        let mut key = Zeroizing::new([0u8; 32]);
        if bytes.len() != key.len() {
            return None;
        }
        key.copy_from_slice(bytes);
        Some(DataKey(key))
    }

    /// The raw key, for a caller with a cipher of its own (a backup, say): use it with a label of
    /// your own in the associated data, so nothing sealed one way opens another.
    pub fn expose_secret(&self) -> &[u8; 32] {
        &self.0
    }

    pub(crate) fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&(*self.0).into())
    }
}

pub(crate) fn random(buf: &mut [u8]) -> Result<(), VaultError> {
    getrandom::fill(buf).map_err(|e| VaultError::Random(e.to_string()))
}

/// The data keys of an instance, unwrapped: what seals and opens fields and evidence streams.
/// New data is sealed with the newest key; anything sealed names its key, so older keys keep
/// opening what they sealed.
pub struct Vault {
    keys: BTreeMap<u32, DataKey>,
    current: u32,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("key_ids", &self.keys.keys().collect::<Vec<_>>())
            .field("current", &self.current)
            .finish()
    }
}

impl Vault {
    /// Open the data keys with the instance key. A key file that is not the one the database
    /// names is refused before anything is tried ([`VaultError::WrongKey`]).
    pub fn open(record: &KeyRecord, key: &InstanceKey) -> Result<Vault, VaultError> {
        if key.recipient() != record.instance_recipient {
            return Err(VaultError::WrongKey);
        }
        Vault::unwrap_all(record, key.identity())
    }

    /// Open the data keys with the recovery key (when the instance key is lost).
    pub fn open_for_recovery(record: &KeyRecord, key: &RecoveryKey) -> Result<Vault, VaultError> {
        if key.recipient() != record.recovery_recipient {
            return Err(VaultError::WrongRecoveryKey);
        }
        Vault::unwrap_all(record, &key.0)
    }

    fn unwrap_all(
        record: &KeyRecord,
        identity: &crate::keys::Identity,
    ) -> Result<Vault, VaultError> {
        let mut keys = BTreeMap::new();
        for wrapped in &record.data_keys {
            keys.insert(wrapped.id, identity.unwrap(wrapped)?);
        }
        let current = *keys
            .keys()
            .next_back()
            .ok_or(VaultError::Format("the database holds no data key"))?;
        Ok(Vault { keys, current })
    }

    /// The key new data is sealed with, and its id: "give me the data key".
    pub fn current_key(&self) -> (u32, &DataKey) {
        let key = &self.keys[&self.current];
        (self.current, key)
    }

    /// A data key by id.
    pub fn key(&self, id: u32) -> Option<&DataKey> {
        self.keys.get(&id)
    }

    /// Seal a small value (a record's text, a name) bound to `context`: the same context opens
    /// it, any other does not.
    pub fn seal_field(&self, context: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, VaultError> {
        let (id, key) = self.current_key();
        let mut out = Vec::with_capacity(FIELD_HEAD + NONCE + plaintext.len() + 16);
        out.push(FIELD_VERSION);
        out.extend_from_slice(&id.to_be_bytes());
        let mut nonce = [0u8; NONCE];
        random(&mut nonce)?;
        out.extend_from_slice(&nonce);
        let aad = field_aad(&out[..FIELD_HEAD], context);
        let sealed = key
            .cipher()
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad: &aad,
                },
            )
            .map_err(|_| VaultError::Format("a field too long to seal"))?;
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// Open a value [`Vault::seal_field`] sealed with the same `context`.
    pub fn open_field(
        &self,
        context: &[u8],
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        if sealed.len() < FIELD_HEAD + NONCE + 16 {
            return Err(VaultError::Format(
                "a sealed field is shorter than its header",
            ));
        }
        if sealed[0] != FIELD_VERSION {
            return Err(VaultError::Format("a sealed field of an unknown version"));
        }
        let id = u32::from_be_bytes([sealed[1], sealed[2], sealed[3], sealed[4]]);
        let key = self.key(id).ok_or(VaultError::UnknownKey(id))?;
        let mut nonce = [0u8; NONCE];
        nonce.copy_from_slice(&sealed[FIELD_HEAD..FIELD_HEAD + NONCE]);
        let aad = field_aad(&sealed[..FIELD_HEAD], context);
        key.cipher()
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &sealed[FIELD_HEAD + NONCE..],
                    aad: &aad,
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| VaultError::Decrypt { what: "a field" })
    }

    /// Start sealing a stream (an evidence file) with the current key.
    pub fn blob_sealer(&self) -> Result<BlobSealer, VaultError> {
        let (id, key) = self.current_key();
        BlobSealer::new(id, key)
    }

    /// Start opening a sealed stream from its header ([`crate::stream::HEADER_LEN`] bytes).
    pub fn blob_opener(&self, header: &[u8]) -> Result<BlobOpener, VaultError> {
        let id = crate::stream::key_id(header)?;
        let key = self.key(id).ok_or(VaultError::UnknownKey(id))?;
        BlobOpener::new(header, key)
    }
}

fn field_aad(head: &[u8], context: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(FIELD_LABEL.len() + head.len() + context.len());
    aad.extend_from_slice(FIELD_LABEL);
    aad.extend_from_slice(head);
    aad.extend_from_slice(context);
    aad
}
