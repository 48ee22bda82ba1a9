//! C2SP tlog-cosignature/v1 with Ed25519: a witness's signed, timestamped statement that a
//! checkpoint is the largest consistent tree head it has seen for that log.
//!
//! The signed message is `cosignature/v1\n`, `time <unix seconds>\n`, then the checkpoint text;
//! the signature line carries the 8-byte big-endian time followed by the 64-byte Ed25519
//! signature. The key ID uses signature type 0x04, so a cosignature can never be taken for a plain
//! note signature by the same key, nor the other way round.

use std::fmt;

use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};

use crate::checkpoint::Checkpoint;
use crate::error::Error;
use crate::note::{decode_vkey, encode_vkey, format_signature_line, key_id, parse_signature_line};

/// The signature type byte of Ed25519 cosignatures (C2SP signed-note, tlog-cosignature).
pub(crate) const TYPE_COSIGNATURE_V1: u8 = 0x04;

/// The latest time a cosignature may carry: 2^63 - 1 seconds.
const MAX_TIME: u64 = i64::MAX.unsigned_abs();

/// A witness's named Ed25519 key, made from a 32-byte seed the caller keeps secret.
#[derive(Clone)]
pub struct CosignerKey {
    name: String,
    key_id: [u8; 4],
    key: SigningKey,
}

impl CosignerKey {
    /// The cosigner called `name` with the Ed25519 key of `seed`.
    ///
    /// tlog-cosignature/v1 does not sign the cosigner's name, so one key must not serve two
    /// cosigners; nor should it also sign notes with type 0x01.
    pub fn new(name: &str, seed: &[u8; 32]) -> Result<Self, Error> {
        crate::note::check_name(name)?;
        let key = SigningKey::from_bytes(seed);
        Ok(Self {
            name: name.to_owned(),
            key_id: key_id(name, TYPE_COSIGNATURE_V1, key.verifying_key().as_bytes()),
            key,
        })
    }

    /// The key name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The key ID: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key).
    pub fn key_id(&self) -> [u8; 4] {
        self.key_id
    }

    /// The verifier key to publish: `name+<key ID in hex>+<base64(0x04 ‖ public key)>`.
    pub fn verifier_key(&self) -> String {
        encode_vkey(
            &self.name,
            self.key_id,
            TYPE_COSIGNATURE_V1,
            self.key.verifying_key().as_bytes(),
        )
    }

    /// The verifier of this cosigner's cosignatures.
    pub fn verifier(&self) -> CosignerVerifier {
        CosignerVerifier {
            name: self.name.clone(),
            key_id: self.key_id,
            key: self.key.verifying_key(),
        }
    }

    /// The cosignature line (without its newline) over `checkpoint_text`, made at `time_unix`
    /// (seconds since the epoch, passed in by the caller), to add to the note with
    /// [`crate::note::add_signature_line`].
    ///
    /// The text must be a well-formed checkpoint. Checking that it is consistent with the last
    /// checkpoint this witness cosigned for the log is the caller's job.
    pub fn cosign(&self, checkpoint_text: &str, time_unix: u64) -> Result<String, Error> {
        if time_unix > MAX_TIME {
            return Err(Error::TimeOutOfRange { time: time_unix });
        }
        Checkpoint::parse(checkpoint_text)?;
        let signature = self.key.sign(&message(time_unix, checkpoint_text));
        let mut payload = [0; 72];
        payload[..8].copy_from_slice(&time_unix.to_be_bytes());
        payload[8..].copy_from_slice(&signature.to_bytes());
        Ok(format_signature_line(&self.name, self.key_id, &payload))
    }
}

impl fmt::Debug for CosignerKey {
    // The secret key stays out of logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CosignerKey")
            .field("name", &self.name)
            .field("key_id", &hex::encode(self.key_id))
            .finish_non_exhaustive()
    }
}

/// A known witness key, read from its verifier key (type 0x04).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CosignerVerifier {
    name: String,
    key_id: [u8; 4],
    key: VerifyingKey,
}

impl CosignerVerifier {
    /// Reads `name+<8 hex digits>+<base64(0x04 ‖ 32-byte public key)>` and checks that the key ID
    /// is the one the name and key give.
    pub fn parse(vkey: &str) -> Result<Self, Error> {
        let (name, key_id, key) = decode_vkey(vkey, TYPE_COSIGNATURE_V1)?;
        Ok(Self { name, key_id, key })
    }

    /// The key name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The key ID.
    pub fn key_id(&self) -> [u8; 4] {
        self.key_id
    }

    /// The verifier key in its text form (what [`CosignerVerifier::parse`] reads).
    pub fn verifier_key(&self) -> String {
        encode_vkey(
            &self.name,
            self.key_id,
            TYPE_COSIGNATURE_V1,
            self.key.as_bytes(),
        )
    }
}

/// Checks that `line` (a signature line, one trailing newline allowed) is `cosigner`'s valid
/// cosignature of `checkpoint_text`, and returns the time it carries.
///
/// A line by another key gives [`Error::OtherSigner`], so a caller can try each witness it knows
/// on each line [`crate::note::open`] left unverified. Whether the time is plausible (not in the
/// future, recent enough) is the caller's judgement: this crate has no clock.
pub fn verify_cosignature(
    line: &str,
    checkpoint_text: &str,
    cosigner: &CosignerVerifier,
) -> Result<u64, Error> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    let parsed = parse_signature_line(line)?;
    if parsed.name != cosigner.name || parsed.key_id != cosigner.key_id {
        return Err(Error::OtherSigner {
            name: parsed.name.to_owned(),
            key_id: parsed.key_id,
            expected_name: cosigner.name.clone(),
            expected_key_id: cosigner.key_id,
        });
    }
    Checkpoint::parse(checkpoint_text)?;
    let bad = || Error::BadSignature {
        name: cosigner.name.clone(),
        key_id: cosigner.key_id,
    };
    // The payload is the 8-byte time, then the 64-byte signature.
    let Some((time, signature)) = parsed.signature.split_first_chunk::<8>() else {
        return Err(bad());
    };
    let signature = <[u8; 64]>::try_from(signature).map_err(|_| bad())?;
    let time = u64::from_be_bytes(*time);
    if time > MAX_TIME {
        return Err(Error::TimeOutOfRange { time });
    }
    cosigner
        .key
        .verify_strict(
            &message(time, checkpoint_text),
            &Signature::from_bytes(&signature),
        )
        .map_err(|_| bad())?;
    Ok(time)
}

/// The signed message: `cosignature/v1\ntime <t>\n` followed by the checkpoint text.
fn message(time: u64, checkpoint_text: &str) -> Vec<u8> {
    format!("cosignature/v1\ntime {time}\n{checkpoint_text}").into_bytes()
}
