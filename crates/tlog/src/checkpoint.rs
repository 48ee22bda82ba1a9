//! C2SP tlog-checkpoint: the note text a log signs to commit to its tree at one size.
//!
//! The text is the origin (the log's unique name), the tree size in decimal and the root hash in
//! standard base64, each on its own line, then optional extension lines. Reading is strict (no
//! leading zeros, canonical base64), so that `parse(text)?.to_text() == text` for every text
//! `parse` accepts: the bytes that were signed are the bytes that come back.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use crate::error::Error;
use crate::merkle::Hash;
use crate::note::check_text;

/// A log's tree head: its origin, size and root hash, and any extension lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    origin: String,
    size: u64,
    root: Hash,
    extensions: Vec<String>,
}

impl Checkpoint {
    /// The checkpoint of the tree of `size` leaves with root `root`, for the log called `origin`.
    ///
    /// The origin must be non-empty with no control character (newline included). The log's key
    /// name should be the origin.
    pub fn new(origin: &str, size: u64, root: Hash) -> Result<Self, Error> {
        if origin.is_empty() {
            return Err(Error::EmptyOrigin);
        }
        check_line(origin, 1)?;
        Ok(Self {
            origin: origin.to_owned(),
            size,
            root,
            extensions: Vec::new(),
        })
    }

    /// The same checkpoint with extension lines (each non-empty, no control character). The
    /// specification discourages them: log monitors cannot audit them.
    pub fn with_extensions(mut self, extensions: Vec<String>) -> Result<Self, Error> {
        for (i, extension) in extensions.iter().enumerate() {
            let line = 4 + i;
            if extension.is_empty() {
                return Err(Error::EmptyExtension { line });
            }
            check_line(extension, line)?;
        }
        self.extensions = extensions;
        Ok(self)
    }

    /// The log's origin line.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The number of leaves in the tree.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The root hash of the tree.
    pub fn root(&self) -> &Hash {
        &self.root
    }

    /// The extension lines, if any.
    pub fn extensions(&self) -> &[String] {
        &self.extensions
    }

    /// The note text: `origin\nsize\nbase64(root)\n`, then each extension line and a newline.
    pub fn to_text(&self) -> String {
        let mut text = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            BASE64.encode(self.root)
        );
        for extension in &self.extensions {
            text.push_str(extension);
            text.push('\n');
        }
        text
    }

    /// Reads a checkpoint's note text (the text only: open the signed note first).
    pub fn parse(text: &str) -> Result<Self, Error> {
        check_text(text)?;
        let body = text.strip_suffix('\n').unwrap_or(text);
        let lines: Vec<&str> = body.split('\n').collect();
        let [origin, size, root, extensions @ ..] = lines.as_slice() else {
            return Err(Error::CheckpointTooShort { lines: lines.len() });
        };
        if origin.is_empty() {
            return Err(Error::EmptyOrigin);
        }
        let size = parse_size(size)?;
        let root = parse_root(root)?;
        let extensions = extensions
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if line.is_empty() {
                    Err(Error::EmptyExtension { line: 4 + i })
                } else {
                    Ok((*line).to_owned())
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            origin: (*origin).to_owned(),
            size,
            root,
            extensions,
        })
    }
}

/// A tree size: ASCII digits, no sign, no leading zero unless the size is 0, within `u64`.
fn parse_size(text: &str) -> Result<u64, Error> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    canonical
        .then(|| text.parse().ok())
        .flatten()
        .ok_or_else(|| Error::BadTreeSize {
            text: text.to_owned(),
        })
}

/// A root hash: standard base64 (canonical padding and trailing bits) of exactly 32 bytes.
fn parse_root(text: &str) -> Result<Hash, Error> {
    let bytes = BASE64.decode(text).map_err(|_| Error::BadRootBase64 {
        text: text.to_owned(),
    })?;
    Hash::try_from(bytes.as_slice()).map_err(|_| Error::BadRootLength { len: bytes.len() })
}

/// Refuses a line (numbered from 1) holding a character below U+0020, newline included.
fn check_line(text: &str, line: usize) -> Result<(), Error> {
    match text.chars().find(|&c| c < ' ') {
        Some(c) => Err(Error::ControlCharacter {
            line,
            code: u32::from(c),
        }),
        None => Ok(()),
    }
}
