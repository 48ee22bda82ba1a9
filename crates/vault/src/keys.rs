//! The keys people hold: the instance key (a file the running instance reads) and the recovery
//! key (printed once, or split into shares), and the data keys wrapped to both.
//!
//! Both are age identities of the hybrid post-quantum kind (`mlkem768x25519`: ML-KEM-768 and
//! X25519, age's recommended recipient since 0.13). A seized disk can be kept for decades; the
//! data keys wrapped on it should not become readable when large quantum computers arrive, and
//! the bulk ciphers (256-bit XChaCha20-Poly1305 and AES-256-GCM) do not have that weakness. Each data
//! key is one age file with two recipients, so either identity unwraps it; only the recipients
//! (public) and the wrapped keys are stored in the database.

use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::str::FromStr;

use age::pq;
use age::secrecy::{ExposeSecret, SecretString};
use zeroize::{Zeroize, Zeroizing};

use crate::seal::DataKey;
use crate::{Vault, VaultError};

/// The prefix of an age post-quantum identity, as age spells it.
const IDENTITY_HRP: &str = "AGE-SECRET-KEY-PQ-";

/// What the database keeps about an instance's keys: public recipients and wrapped data keys,
/// never a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRecord {
    /// The instance key's recipient (`age1pq1…`): which key file opens the data keys.
    pub instance_recipient: String,
    /// The recovery key's recipient: shares that rebuild a key with another are refused.
    pub recovery_recipient: String,
    pub data_keys: Vec<WrappedKey>,
}

/// A data key as stored: an age file (binary) to the instance and recovery recipients.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey {
    /// Named in the header of everything sealed with it.
    pub id: u32,
    pub wrapped: Vec<u8>,
}

/// An age identity and its recipient's text.
#[derive(Clone)]
pub(crate) struct Identity {
    secret: pq::Identity,
    recipient: String,
}

impl Identity {
    fn generate() -> Identity {
        Identity::from_secret(pq::Identity::generate())
    }

    fn from_secret(secret: pq::Identity) -> Identity {
        let recipient = secret.to_public().to_string();
        Identity { secret, recipient }
    }

    fn parse(text: &str) -> Result<Identity, &'static str> {
        pq::Identity::from_str(text.trim()).map(Identity::from_secret)
    }

    /// The 32-byte seed the identity is made from (what the recovery shares split).
    pub(crate) fn seed(&self) -> Result<Zeroizing<[u8; 32]>, VaultError> {
        let text = self.secret.to_string();
        let (_, mut bytes) = bech32::decode(text.expose_secret())
            .map_err(|e| VaultError::Age(format!("an identity does not spell as bech32: {e}")))?;
        let mut seed = Zeroizing::new([0u8; 32]);
        let ok = bytes.len() == 32;
        if ok {
            seed.copy_from_slice(&bytes);
        }
        bytes.zeroize();
        if ok {
            Ok(seed)
        } else {
            Err(VaultError::Age("an identity is not 32 bytes".into()))
        }
    }

    /// The identity a seed makes.
    pub(crate) fn from_seed(seed: &[u8; 32]) -> Result<Identity, VaultError> {
        let hrp = bech32::Hrp::parse_unchecked(IDENTITY_HRP);
        let mut text = bech32::encode_upper::<bech32::Bech32>(hrp, seed)
            .map_err(|e| VaultError::Age(e.to_string()))?;
        let identity = Identity::parse(&text).map_err(|e| VaultError::Age(e.into()));
        text.zeroize();
        identity
    }

    pub(crate) fn recipient(&self) -> &str {
        &self.recipient
    }

    pub(crate) fn secret_text(&self) -> SecretString {
        self.secret.to_string()
    }

    /// Unwrap a data key wrapped to this identity.
    pub(crate) fn unwrap(&self, key: &WrappedKey) -> Result<DataKey, VaultError> {
        let unwrap_err = |reason: String| VaultError::Unwrap { id: key.id, reason };
        let decryptor = age::Decryptor::new_buffered(key.wrapped.as_slice())
            .map_err(|e| unwrap_err(e.to_string()))?;
        let mut reader = decryptor
            .decrypt(std::iter::once(&self.secret as &dyn age::Identity))
            .map_err(|e| unwrap_err(e.to_string()))?;
        let mut bytes = Zeroizing::new(Vec::with_capacity(32));
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| unwrap_err(e.to_string()))?;
        DataKey::from_slice(&bytes).ok_or_else(|| unwrap_err("it is not 32 bytes".into()))
    }
}

/// Wrap a data key to the instance and recovery recipients: one age file either unwraps.
pub(crate) fn wrap(
    key: &DataKey,
    id: u32,
    instance_recipient: &str,
    recovery_recipient: &str,
) -> Result<WrappedKey, VaultError> {
    let parse = |text: &str| {
        pq::Recipient::from_str(text)
            .map_err(|e| VaultError::Age(format!("{e}: a stored recipient does not parse")))
    };
    let recipients = [parse(instance_recipient)?, parse(recovery_recipient)?];
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|e| VaultError::Age(e.to_string()))?;
    let mut wrapped = Vec::new();
    let age_io = |e: std::io::Error| VaultError::Age(e.to_string());
    let mut writer = encryptor.wrap_output(&mut wrapped).map_err(age_io)?;
    writer.write_all(key.expose_secret()).map_err(age_io)?;
    writer.finish().map_err(age_io)?;
    Ok(WrappedKey { id, wrapped })
}

/// The instance key: the file the running instance reads to open its data keys.
pub struct InstanceKey(Identity);

impl std::fmt::Debug for InstanceKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InstanceKey")
            .field("recipient", &short(self.recipient()))
            .finish_non_exhaustive()
    }
}

/// A recipient shortened for messages (they are about 2,000 characters long).
pub fn short(recipient: &str) -> String {
    let head: String = recipient.chars().take(16).collect();
    let tail: String = {
        let mut t: Vec<char> = recipient.chars().rev().take(8).collect();
        t.reverse();
        t.into_iter().collect()
    };
    format!("{head}…{tail}")
}

impl InstanceKey {
    /// A new instance key.
    pub fn generate() -> InstanceKey {
        InstanceKey(Identity::generate())
    }

    /// Its public recipient (`age1pq1…`), as the database stores it.
    pub fn recipient(&self) -> &str {
        self.0.recipient()
    }

    pub(crate) fn identity(&self) -> &Identity {
        &self.0
    }

    /// Read a key file: comment lines (`#`) and one `AGE-SECRET-KEY-PQ-1…` line, the format of
    /// `age-keygen -pq`, so `age -d -i FILE` unwraps a stored data key without Accord.
    pub fn read(path: &Path) -> Result<InstanceKey, VaultError> {
        let shown = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => Zeroizing::new(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(VaultError::KeyFileMissing { path: shown });
            }
            Err(source) => {
                return Err(VaultError::Io {
                    path: shown,
                    source,
                });
            }
        };
        let bad = |reason: &str| VaultError::NotAKeyFile {
            path: shown.clone(),
            reason: reason.to_owned(),
        };
        let mut keys = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        let line = keys.next().ok_or_else(|| bad("it holds no key"))?;
        if keys.next().is_some() {
            return Err(bad("it holds more than one key"));
        }
        if !line.to_ascii_uppercase().starts_with(IDENTITY_HRP) {
            return Err(bad(
                "its key is not an age post-quantum identity (AGE-SECRET-KEY-PQ-1…)",
            ));
        }
        Identity::parse(line)
            .map(InstanceKey)
            .map_err(|e| bad(&format!("its key does not parse ({e})")))
    }

    /// Write the key to a new file, readable by its owner only. An existing file is never
    /// replaced ([`VaultError::KeyFileExists`]); the file appears whole or not at all (written
    /// beside it, synced, then linked into place).
    pub fn write_new(&self, path: &Path) -> Result<(), VaultError> {
        let shown = path.display().to_string();
        if path.exists() {
            return Err(VaultError::KeyFileExists { path: shown });
        }
        let io = |p: &Path| {
            let p = p.display().to_string();
            move |source| VaultError::Io { path: p, source }
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        let tmp = path.with_file_name(format!(
            ".{}.tmp-{}",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let mut text = Zeroizing::new(String::new());
        text.push_str(
            "# An Accord instance key: it opens the keys that encrypt this instance's evidence.\n\
             # Keep it off the disk that holds the database and the evidence directory.\n",
        );
        text.push_str(self.0.secret_text().expose_secret());
        text.push('\n');
        let written = (|| {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)
                .map_err(io(&tmp))?;
            file.write_all(text.as_bytes()).map_err(io(&tmp))?;
            file.sync_all().map_err(io(&tmp))?;
            match std::fs::hard_link(&tmp, path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(VaultError::KeyFileExists {
                        path: shown.clone(),
                    })
                }
                Err(e) => Err(io(path)(e)),
            }
        })();
        let _ = std::fs::remove_file(&tmp);
        written?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // The new name must survive a crash too.
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    }
}

/// The recovery key: its secret is shown once (whole, or as shares) and never stored.
pub struct RecoveryKey(pub(crate) Identity);

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecoveryKey")
            .field("recipient", &short(self.recipient()))
            .finish_non_exhaustive()
    }
}

impl RecoveryKey {
    pub fn generate() -> RecoveryKey {
        RecoveryKey(Identity::generate())
    }

    pub fn recipient(&self) -> &str {
        self.0.recipient()
    }

    /// The whole key as text (`AGE-SECRET-KEY-PQ-1…`), to print once.
    pub fn secret_text(&self) -> SecretString {
        self.0.secret_text()
    }

    /// Split the key into `shares` Shamir shares, any `threshold` of which rebuild it.
    pub fn split(&self, shares: u8, threshold: u8) -> Result<Vec<SecretString>, VaultError> {
        crate::shares::split(&self.0, shares, threshold)
    }

    /// Rebuild the key from shares, or from the whole key given alone, and check that it is the
    /// one whose recipient the database holds.
    pub fn rebuild(texts: &[&str], recipient: &str) -> Result<RecoveryKey, VaultError> {
        let trimmed: Vec<&str> = texts.iter().map(|t| t.trim()).collect();
        let is_whole = |t: &str| t.to_ascii_uppercase().starts_with(IDENTITY_HRP);
        let identity = if let [only] = trimmed.as_slice()
            && is_whole(only)
        {
            Identity::parse(only).map_err(|e| VaultError::BadShare {
                position: 1,
                reason: format!("it is not a recovery key ({e})"),
            })?
        } else {
            if let Some(at) = trimmed.iter().position(|t| is_whole(t)) {
                return Err(VaultError::BadShare {
                    position: at + 1,
                    reason: "it is a whole recovery key: give it alone".into(),
                });
            }
            crate::shares::rebuild(&trimmed, recipient)?
        };
        if identity.recipient() != recipient {
            return Err(VaultError::WrongRecoveryKey);
        }
        Ok(RecoveryKey(identity))
    }
}

/// A new instance's keys: an instance key, a recovery key and a first data key (id 1) wrapped to
/// both.
#[derive(Debug)]
pub struct NewKeys {
    pub instance: InstanceKey,
    pub recovery: RecoveryKey,
    pub record: KeyRecord,
}

/// Make a new instance's keys.
pub fn create() -> Result<NewKeys, VaultError> {
    let instance = InstanceKey::generate();
    let recovery = RecoveryKey::generate();
    let data_key = DataKey::generate()?;
    let wrapped = wrap(&data_key, 1, instance.recipient(), recovery.recipient())?;
    let record = KeyRecord {
        instance_recipient: instance.recipient().to_owned(),
        recovery_recipient: recovery.recipient().to_owned(),
        data_keys: vec![wrapped],
    };
    Ok(NewKeys {
        instance,
        recovery,
        record,
    })
}

impl Vault {
    /// Every data key wrapped again, to a new instance key and the same recovery recipient: what
    /// `rotate` and `recover` store. Nothing sealed with the data keys changes.
    pub fn rewrap(
        &self,
        record: &KeyRecord,
        new_instance: &InstanceKey,
    ) -> Result<KeyRecord, VaultError> {
        let data_keys = record
            .data_keys
            .iter()
            .map(|k| {
                let key = self.key(k.id).ok_or(VaultError::UnknownKey(k.id))?;
                wrap(
                    key,
                    k.id,
                    new_instance.recipient(),
                    &record.recovery_recipient,
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(KeyRecord {
            instance_recipient: new_instance.recipient().to_owned(),
            recovery_recipient: record.recovery_recipient.clone(),
            data_keys,
        })
    }
}
