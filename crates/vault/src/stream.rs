//! Evidence files sealed as a stream: STREAM (Hoang, Reyhanitabar, Rogaway, Vizár 2015) from the
//! `aead-stream` crate, over AES-256-GCM, in segments of 64 KiB, so files of any size are sealed
//! and opened in constant memory and a cut-short file is refused.
//!
//! Each file has a key of its own, HKDF-SHA256 of the data key with a random salt from the header
//! (the way age derives its payload key), so the STREAM nonce prefix can be fixed and GCM's 96-bit
//! nonces never repeat under one key. AES-256-GCM rather than the fields' XChaCha20-Poly1305:
//! with the AES instructions every server processor has it seals 2.6 times faster (measured here),
//! and encryption may cost at most a fifth of an upload's throughput. Without them the `aes`
//! crate falls back to a constant-time software implementation, slower but as safe.
//!
//! A sealed file is a 32-byte header then the segments:
//!
//! ```text
//! 0..8    "ACCORD.B"            magic
//! 8       1                     format version
//! 9..13   key id (u32, BE)      the data key it is sealed with
//! 13..32  salt                  19 random bytes: the file key is HKDF-SHA256(data key, salt)
//! then    segments              each 64 KiB of plaintext + a 16-byte tag; the last one shorter
//!                               (or full), marked last; empty only when the file is
//! ```
//!
//! Every segment's associated data is the header, so the key id, version and salt cannot be
//! changed without every segment failing.

use aead_stream::{DecryptorBE32, EncryptorBE32};
use aes_gcm::Aes256Gcm;
use aes_gcm::aead::KeyInit;
use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::VaultError;
use crate::seal::{DataKey, random};

/// The magic that starts a sealed evidence file.
pub const MAGIC: [u8; 8] = *b"ACCORD.B";
const VERSION: u8 = 1;
/// Bytes before the first segment.
pub const HEADER_LEN: usize = 32;
/// Plaintext bytes per segment.
pub const SEGMENT: usize = 64 * 1024;
const TAG: usize = 16;
/// Bytes a full segment takes once sealed.
pub const SEALED_SEGMENT: usize = SEGMENT + TAG;
/// What the file key is derived for (HKDF's info).
const FILE_KEY_INFO: &[u8] = b"accord evidence stream v1 file key";

/// The data key a sealed file's header names.
pub fn key_id(header: &[u8]) -> Result<u32, VaultError> {
    if header.len() < HEADER_LEN || header[..8] != MAGIC {
        return Err(VaultError::Format(
            "an evidence file without Accord's header",
        ));
    }
    if header[8] != VERSION {
        return Err(VaultError::Format(
            "an evidence file of an unknown format version",
        ));
    }
    Ok(u32::from_be_bytes([
        header[9], header[10], header[11], header[12],
    ]))
}

/// The plaintext size of a sealed file of `sealed_len` bytes (header included), or `None` when
/// no sealed file has that length.
pub fn plaintext_len(sealed_len: u64) -> Option<u64> {
    let body = sealed_len.checked_sub(HEADER_LEN as u64)?;
    let segments = body.div_ceil(SEALED_SEGMENT as u64);
    let last = body - (segments.checked_sub(1)?) * SEALED_SEGMENT as u64;
    if last < TAG as u64 {
        return None;
    }
    Some(body - segments * TAG as u64)
}

/// Seals a stream: feed it plaintext with [`BlobSealer::update`], end with
/// [`BlobSealer::finish`]; write [`BlobSealer::header`] first.
pub struct BlobSealer {
    header: [u8; HEADER_LEN],
    encryptor: EncryptorBE32<Aes256Gcm>,
    /// Plaintext not sealed yet: at most one segment, sealed once more bytes show it is not last.
    pending: Vec<u8>,
}

impl std::fmt::Debug for BlobSealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlobSealer").finish_non_exhaustive()
    }
}

impl BlobSealer {
    pub(crate) fn new(key_id: u32, key: &DataKey) -> Result<BlobSealer, VaultError> {
        let mut header = [0u8; HEADER_LEN];
        header[..8].copy_from_slice(&MAGIC);
        header[8] = VERSION;
        header[9..13].copy_from_slice(&key_id.to_be_bytes());
        random(&mut header[13..])?;
        Ok(BlobSealer {
            header,
            encryptor: EncryptorBE32::from_aead(file_cipher(key, &header)?, &NONCE_PREFIX.into()),
            pending: Vec::with_capacity(SEALED_SEGMENT),
        })
    }

    pub fn header(&self) -> &[u8; HEADER_LEN] {
        &self.header
    }

    /// Seal what can be sealed of `data`, appending the sealed segments to `out`.
    pub fn update(&mut self, mut data: &[u8], out: &mut Vec<u8>) -> Result<(), VaultError> {
        while !data.is_empty() {
            if self.pending.len() == SEGMENT {
                self.encryptor
                    .encrypt_next_in_place(&self.header, &mut self.pending)
                    .map_err(|_| VaultError::Format("an evidence file too long to seal"))?;
                out.extend_from_slice(&self.pending);
                self.pending.clear();
            }
            let take = (SEGMENT - self.pending.len()).min(data.len());
            self.pending.extend_from_slice(&data[..take]);
            data = &data[take..];
        }
        Ok(())
    }

    /// Seal the last segment.
    pub fn finish(mut self, out: &mut Vec<u8>) -> Result<(), VaultError> {
        self.encryptor
            .encrypt_last_in_place(&self.header, &mut self.pending)
            .map_err(|_| VaultError::Format("an evidence file too long to seal"))?;
        out.extend_from_slice(&self.pending);
        Ok(())
    }
}

/// Opens a sealed stream: feed it the bytes after the header with [`BlobOpener::update`], end
/// with [`BlobOpener::finish`], which refuses a stream cut short.
pub struct BlobOpener {
    header: [u8; HEADER_LEN],
    decryptor: DecryptorBE32<Aes256Gcm>,
    /// Sealed bytes not opened yet: a segment is opened once more bytes show it is not last.
    pending: Vec<u8>,
    segment: Vec<u8>,
}

impl std::fmt::Debug for BlobOpener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlobOpener").finish_non_exhaustive()
    }
}

impl BlobOpener {
    pub(crate) fn new(header: &[u8], key: &DataKey) -> Result<BlobOpener, VaultError> {
        key_id(header)?;
        let mut copy = [0u8; HEADER_LEN];
        copy.copy_from_slice(&header[..HEADER_LEN]);
        Ok(BlobOpener {
            decryptor: DecryptorBE32::from_aead(file_cipher(key, &copy)?, &NONCE_PREFIX.into()),
            header: copy,
            pending: Vec::with_capacity(2 * SEALED_SEGMENT),
            segment: Vec::with_capacity(SEALED_SEGMENT),
        })
    }

    /// Open every segment of `data` that is known not to be the last, appending the plaintext
    /// to `out`.
    pub fn update(&mut self, data: &[u8], out: &mut Vec<u8>) -> Result<(), VaultError> {
        self.pending.extend_from_slice(data);
        let mut at = 0;
        while self.pending.len() - at > SEALED_SEGMENT {
            self.segment.clear();
            self.segment
                .extend_from_slice(&self.pending[at..at + SEALED_SEGMENT]);
            self.decryptor
                .decrypt_next_in_place(&self.header, &mut self.segment)
                .map_err(|_| VaultError::Decrypt {
                    what: "an evidence file",
                })?;
            out.extend_from_slice(&self.segment);
            at += SEALED_SEGMENT;
        }
        self.pending.drain(..at);
        Ok(())
    }

    /// Open the last segment; a stream that ends early, or was extended, is refused.
    pub fn finish(mut self, out: &mut Vec<u8>) -> Result<(), VaultError> {
        self.decryptor
            .decrypt_last_in_place(&self.header, &mut self.pending)
            .map_err(|_| VaultError::Decrypt {
                what: "an evidence file",
            })?;
        out.extend_from_slice(&self.pending);
        Ok(())
    }
}

/// Every file has its own key, so the STREAM nonce prefix is the same for all.
const NONCE_PREFIX: [u8; 7] = [0; 7];

/// The file's cipher: AES-256-GCM under HKDF-SHA256(data key, the header's salt).
fn file_cipher(key: &DataKey, header: &[u8; HEADER_LEN]) -> Result<Aes256Gcm, VaultError> {
    let mut file_key = Zeroizing::new([0u8; 32]);
    Hkdf::<Sha256>::new(Some(&header[13..]), key.expose_secret())
        .expand(FILE_KEY_INFO, file_key.as_mut_slice())
        .map_err(|_| VaultError::Format("a file key of the wrong length"))?;
    Aes256Gcm::new_from_slice(file_key.as_slice())
        .map_err(|_| VaultError::Format("a file key of the wrong length"))
}
