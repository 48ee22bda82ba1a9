//! C2SP signed notes with Ed25519 keys: the envelope a log signs its checkpoints in, and that
//! witnesses add their cosignatures to.
//!
//! A note is its text (every line ending in a newline), one blank line, then signature lines
//! `— <key name> <base64(4-byte key ID ‖ signature)>`. The signed message is the text, final
//! newline included. A reader knows some keys by name and key ID; it must check every signature
//! line from a key it knows and ignore the others, which is what lets cosignatures sit beside the
//! log's own signature in one note.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::error::Error;

/// The most signature lines [`open`] and [`add_signature_line`] accept in one note. The signed-note
/// specification asks readers to set a limit and to accept at least 16.
pub const MAX_SIGNATURES: usize = 100;

/// The signature type byte of plain Ed25519 note signatures.
pub(crate) const TYPE_ED25519: u8 = 0x01;

/// What starts every signature line: U+2014 EM DASH, then a space.
const SIGNATURE_PREFIX: &str = "\u{2014} ";

/// A named Ed25519 key that signs notes, made from a 32-byte seed the caller keeps secret.
#[derive(Clone)]
pub struct NoteSigner {
    name: String,
    key_id: [u8; 4],
    key: SigningKey,
}

impl NoteSigner {
    /// The signer called `name` with the Ed25519 key of `seed` (RFC 8032 secret key bytes).
    pub fn new(name: &str, seed: &[u8; 32]) -> Result<Self, Error> {
        check_name(name)?;
        let key = SigningKey::from_bytes(seed);
        Ok(Self {
            name: name.to_owned(),
            key_id: key_id(name, TYPE_ED25519, key.verifying_key().as_bytes()),
            key,
        })
    }

    /// The key name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The key ID: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
    pub fn key_id(&self) -> [u8; 4] {
        self.key_id
    }

    /// The verifier key to publish: `name+<key ID in hex>+<base64(0x01 ‖ public key)>`.
    pub fn verifier_key(&self) -> String {
        encode_vkey(
            &self.name,
            self.key_id,
            TYPE_ED25519,
            self.key.verifying_key().as_bytes(),
        )
    }

    /// The verifier of this signer's signatures.
    pub fn verifier(&self) -> NoteVerifier {
        NoteVerifier {
            name: self.name.clone(),
            key_id: self.key_id,
            key: self.key.verifying_key(),
        }
    }

    /// The signed note: `text`, a blank line and this signer's signature line.
    ///
    /// The text must be non-empty, end with a newline and hold no control character but newline.
    pub fn sign(&self, text: &str) -> Result<String, Error> {
        let line = self.signature_line(text)?;
        Ok(format!("{text}\n{line}\n"))
    }

    /// This signer's signature line over `text` (without its newline), to add to a note that
    /// already has signatures with [`add_signature_line`].
    pub fn signature_line(&self, text: &str) -> Result<String, Error> {
        check_text(text)?;
        let signature = self.key.sign(text.as_bytes());
        Ok(format_signature_line(
            &self.name,
            self.key_id,
            &signature.to_bytes(),
        ))
    }
}

impl fmt::Debug for NoteSigner {
    // The secret key stays out of logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NoteSigner")
            .field("name", &self.name)
            .field("key_id", &hex::encode(self.key_id))
            .finish_non_exhaustive()
    }
}

/// A known Ed25519 note key, read from its verifier key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteVerifier {
    name: String,
    key_id: [u8; 4],
    key: VerifyingKey,
}

impl NoteVerifier {
    /// Reads `name+<8 hex digits>+<base64(0x01 ‖ 32-byte public key)>` and checks that the key ID
    /// is the one the name and key give.
    pub fn parse(vkey: &str) -> Result<Self, Error> {
        let (name, key_id, key) = decode_vkey(vkey, TYPE_ED25519)?;
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

    /// The verifier key in its text form (what [`NoteVerifier::parse`] reads).
    pub fn verifier_key(&self) -> String {
        encode_vkey(&self.name, self.key_id, TYPE_ED25519, self.key.as_bytes())
    }
}

/// A note whose signatures were checked by [`open`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedNote {
    /// The signed text, final newline included.
    pub text: String,
    /// The known keys whose signatures verified, each once, in the order of their lines.
    pub verified: Vec<SignedBy>,
    /// The signature lines by keys not given to [`open`] (without their newline), unverified: for
    /// example witnesses' cosignatures, to check with [`crate::cosign::verify_cosignature`].
    pub other_lines: Vec<String>,
}

/// A key that signed a note, by name and key ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedBy {
    /// The key name.
    pub name: String,
    /// The key ID.
    pub key_id: [u8; 4],
}

/// Opens a signed note: checks every signature line by one of `verifiers` (a known key's bad
/// signature is an error, [`Error::BadSignature`]) and requires at least one of them to have
/// signed. Lines by other keys are returned unverified in [`OpenedNote::other_lines`].
pub fn open(note: &str, verifiers: &[NoteVerifier]) -> Result<OpenedNote, Error> {
    let (text, lines) = split(note)?;
    let mut verified: Vec<SignedBy> = Vec::new();
    let mut other_lines = Vec::new();
    for line in lines {
        let parsed = parse_signature_line(line)?;
        let mut known = verifiers
            .iter()
            .filter(|v| v.name == parsed.name && v.key_id == parsed.key_id);
        let Some(verifier) = known.next() else {
            other_lines.push(line.to_owned());
            continue;
        };
        if known.any(|other| other.key != verifier.key) {
            return Err(Error::AmbiguousVerifiers {
                name: verifier.name.clone(),
                key_id: verifier.key_id,
            });
        }
        let bad = || Error::BadSignature {
            name: verifier.name.clone(),
            key_id: verifier.key_id,
        };
        let signature = <[u8; 64]>::try_from(parsed.signature.as_slice()).map_err(|_| bad())?;
        verifier
            .key
            .verify_strict(text.as_bytes(), &Signature::from_bytes(&signature))
            .map_err(|_| bad())?;
        if !verified
            .iter()
            .any(|s| s.name == verifier.name && s.key_id == verifier.key_id)
        {
            verified.push(SignedBy {
                name: verifier.name.clone(),
                key_id: verifier.key_id,
            });
        }
    }
    if verified.is_empty() {
        return Err(Error::NoKnownSignature);
    }
    Ok(OpenedNote {
        text: text.to_owned(),
        verified,
        other_lines,
    })
}

/// Adds a signature line (a cosignature, say) at the end of a signed note.
///
/// The note must be well formed; the line must be a well-formed signature line (one trailing
/// newline is accepted and dropped). Nothing is verified here: [`open`] does that.
pub fn add_signature_line(note: &str, line: &str) -> Result<String, Error> {
    let (_, lines) = split(note)?;
    for existing in &lines {
        parse_signature_line(existing)?;
    }
    if lines.len() >= MAX_SIGNATURES {
        return Err(Error::TooManySignatures {
            max: MAX_SIGNATURES,
        });
    }
    let line = line.strip_suffix('\n').unwrap_or(line);
    parse_signature_line(line)?;
    Ok(format!("{note}{line}\n"))
}

/// The key ID of a key: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ public key).
pub(crate) fn key_id(name: &str, key_type: u8, public_key: &[u8; 32]) -> [u8; 4] {
    let digest = Sha256::new()
        .chain_update(name.as_bytes())
        .chain_update([b'\n', key_type])
        .chain_update(public_key)
        .finalize();
    let mut id = [0; 4];
    id.copy_from_slice(&digest[..4]);
    id
}

/// `name+<key ID in hex>+<base64(type ‖ public key)>`.
pub(crate) fn encode_vkey(
    name: &str,
    key_id: [u8; 4],
    key_type: u8,
    public_key: &[u8; 32],
) -> String {
    let mut typed = Vec::with_capacity(33);
    typed.push(key_type);
    typed.extend_from_slice(public_key);
    format!("{name}+{}+{}", hex::encode(key_id), BASE64.encode(typed))
}

/// Reads a verifier key of the given type; its key ID must match its name and key.
pub(crate) fn decode_vkey(
    vkey: &str,
    key_type: u8,
) -> Result<(String, [u8; 4], VerifyingKey), Error> {
    let bad = |problem| Error::InvalidVerifierKey {
        vkey: vkey.to_owned(),
        problem,
    };
    // The name has no plus sign and the key ID is hex, so the first two plus signs are the
    // separators; the base64 key may hold more.
    let mut parts = vkey.splitn(3, '+');
    let (Some(name), Some(id_hex), Some(key_b64)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("is not name+keyid+key"));
    };
    check_name(name).map_err(|_| bad("has an invalid key name"))?;
    let id = Some(id_hex)
        .filter(|h| h.len() == 8)
        .and_then(|h| hex::decode(h).ok())
        .and_then(|bytes| <[u8; 4]>::try_from(bytes).ok())
        .ok_or_else(|| bad("key ID is not 8 hex digits"))?;
    let typed = BASE64
        .decode(key_b64)
        .map_err(|_| bad("key is not standard base64"))?;
    let Some((&found_type, key)) = typed.split_first() else {
        return Err(bad("key is empty"));
    };
    if found_type != key_type {
        return Err(bad(match found_type {
            crate::cosign::TYPE_COSIGNATURE_V1 => {
                "is a cosigner key (type 0x04), not a note signing key (type 0x01)"
            }
            TYPE_ED25519 => "is a note signing key (type 0x01), not a cosigner key (type 0x04)",
            _ => "has a signature type this crate does not support",
        }));
    }
    let key = <[u8; 32]>::try_from(key).map_err(|_| bad("Ed25519 key is not 32 bytes"))?;
    if key_id(name, key_type, &key) != id {
        return Err(bad("key ID does not match the name and key"));
    }
    let key = VerifyingKey::from_bytes(&key).map_err(|_| bad("is not an Ed25519 public key"))?;
    Ok((name.to_owned(), id, key))
}

/// `— <name> <base64(key ID ‖ signature)>`, without the newline.
pub(crate) fn format_signature_line(name: &str, key_id: [u8; 4], signature: &[u8]) -> String {
    let mut blob = Vec::with_capacity(4 + signature.len());
    blob.extend_from_slice(&key_id);
    blob.extend_from_slice(signature);
    format!("{SIGNATURE_PREFIX}{name} {}", BASE64.encode(blob))
}

/// A signature line taken apart; nothing is verified yet.
#[derive(Debug)]
pub(crate) struct SignatureLine<'a> {
    pub(crate) name: &'a str,
    pub(crate) key_id: [u8; 4],
    pub(crate) signature: Vec<u8>,
}

/// Reads `— <name> <base64(key ID ‖ signature)>` (without the newline).
pub(crate) fn parse_signature_line(line: &str) -> Result<SignatureLine<'_>, Error> {
    let bad = |problem| Error::MalformedSignatureLine {
        line: line.to_owned(),
        problem,
    };
    let rest = line
        .strip_prefix(SIGNATURE_PREFIX)
        .ok_or_else(|| bad("does not start with an em dash and a space"))?;
    let (name, b64) = rest
        .split_once(' ')
        .ok_or_else(|| bad("has no space between key name and signature"))?;
    check_name(name).map_err(|_| bad("has an invalid key name"))?;
    let blob = BASE64
        .decode(b64)
        .map_err(|_| bad("signature is not standard base64"))?;
    let Some((id, signature)) = blob.split_first_chunk::<4>() else {
        return Err(bad("signature is shorter than a key ID"));
    };
    if signature.is_empty() {
        return Err(bad("signature has a key ID and nothing else"));
    }
    Ok(SignatureLine {
        name,
        key_id: *id,
        signature: signature.to_vec(),
    })
}

/// Checks a key name: non-empty, no Unicode space, no plus sign, and no character below U+0020
/// (which no note may hold).
pub(crate) fn check_name(name: &str) -> Result<(), Error> {
    let problem = if name.is_empty() {
        "is empty"
    } else if name.chars().any(char::is_whitespace) {
        "holds a space"
    } else if name.contains('+') {
        "holds a plus sign"
    } else if name.chars().any(|c| c < ' ') {
        "holds a control character"
    } else {
        return Ok(());
    };
    Err(Error::InvalidKeyName {
        name: name.to_owned(),
        problem,
    })
}

/// Checks a note text: non-empty, no control character but newline, ends with a newline.
pub(crate) fn check_text(text: &str) -> Result<(), Error> {
    if text.is_empty() {
        return Err(Error::EmptyText);
    }
    check_controls(text, 1)?;
    if !text.ends_with('\n') {
        return Err(Error::MissingFinalNewline);
    }
    Ok(())
}

/// Refuses characters below U+0020 other than newline; `first_line` numbers the first line.
pub(crate) fn check_controls(text: &str, first_line: usize) -> Result<(), Error> {
    let mut line = first_line;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        } else if c < ' ' {
            return Err(Error::ControlCharacter {
                line,
                code: u32::from(c),
            });
        }
    }
    Ok(())
}

/// Splits a note into its text (final newline included) and its signature lines (without
/// newlines), at the last blank line.
fn split(note: &str) -> Result<(&str, Vec<&str>), Error> {
    check_controls(note, 1)?;
    if !note.ends_with('\n') {
        return Err(Error::MissingFinalNewline);
    }
    let Some(blank) = note.rfind("\n\n") else {
        return Err(Error::MalformedNote {
            problem: "no blank line between text and signatures",
        });
    };
    let (text, block) = (&note[..=blank], &note[blank + 2..]);
    let Some(block) = block.strip_suffix('\n') else {
        return Err(Error::MalformedNote {
            problem: "no signature line after the blank line",
        });
    };
    let lines: Vec<&str> = block.split('\n').collect();
    if lines.len() > MAX_SIGNATURES {
        return Err(Error::TooManySignatures {
            max: MAX_SIGNATURES,
        });
    }
    Ok((text, lines))
}
