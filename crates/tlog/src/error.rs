//! The one error type of the crate, so that a caller matches on what went wrong, whatever the format.

/// What is wrong with a tree, a proof, a note, a key, a checkpoint or a cosignature.
///
/// Every variant carries the value it is about, so that a message can be shown as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    // The tree and its proofs.
    /// An inclusion proof was asked for, or checked, at an index the tree does not have.
    #[error("leaf index {index} is outside a tree of size {size}")]
    IndexOutOfRange { index: u64, size: u64 },
    /// A consistency proof was asked for, or checked, from a larger tree to a smaller one.
    #[error("old tree size {old_size} is larger than new tree size {new_size}")]
    SizesOutOfOrder { old_size: u64, new_size: u64 },
    /// A consistency proof from the empty tree to a non-empty one: every tree extends the empty
    /// tree, so such a proof would say nothing about the new root (RFC 9162 §2.1.4.2 requires
    /// `0 < first`).
    #[error("a consistency proof from the empty tree to size {new_size} proves nothing")]
    ConsistencyFromEmptyTree { new_size: u64 },
    /// A proof with more or fewer hashes than the sizes and index call for.
    #[error("the proof has {got} hashes where {expected} are needed")]
    ProofLength { got: usize, expected: usize },
    /// A proof that does not lead to the root it was checked against.
    #[error("the proof does not lead to the given {which} root")]
    RootMismatch { which: WhichRoot },
    /// A tree of size 0 with a root other than SHA-256 of the empty string.
    #[error("the root of the empty tree is not SHA-256 of nothing")]
    NotEmptyRoot,
    /// A frontier cannot grow past `u64::MAX` leaves.
    #[error("the tree already holds {size} leaves, the most a 64-bit size can count")]
    TreeFull { size: u64 },
    /// Frontier bytes whose length does not match the size they start with.
    #[error("frontier bytes are {len} long where size {size} needs {expected}")]
    FrontierLength {
        len: usize,
        size: u64,
        expected: usize,
    },

    // Signed notes and keys.
    /// A key name that is empty or holds a space, a plus sign or a control character.
    #[error("key name {name:?} {problem}")]
    InvalidKeyName { name: String, problem: &'static str },
    /// A note text that is empty.
    #[error("the note text is empty")]
    EmptyText,
    /// A note text, or a note, that does not end with a newline.
    #[error("the note text does not end with a newline")]
    MissingFinalNewline,
    /// A character below U+0020 other than newline (line counted from 1).
    #[error("line {line} holds control character {code:#04x}")]
    ControlCharacter { line: usize, code: u32 },
    /// A verifier key that is not `name+hex8+base64(type || key)` or whose key ID does not match.
    #[error("verifier key {vkey:?}: {problem}")]
    InvalidVerifierKey { vkey: String, problem: &'static str },
    /// A note that is not text, a blank line and signature lines.
    #[error("malformed note: {problem}")]
    MalformedNote { problem: &'static str },
    /// A signature line that is not `— name base64(key ID || signature)`.
    #[error("malformed signature line {line:?}: {problem}")]
    MalformedSignatureLine { line: String, problem: &'static str },
    /// A note with more signature lines than [`crate::note::MAX_SIGNATURES`].
    #[error("the note has more than {max} signature lines")]
    TooManySignatures { max: usize },
    /// Two different verifier keys with the same name and key ID were given.
    #[error("two verifier keys are named {name}+{key_id}", key_id = hex::encode(.key_id))]
    AmbiguousVerifiers { name: String, key_id: [u8; 4] },
    /// A signature line by a known key (name and key ID match) whose signature does not verify.
    #[error("the signature by {name}+{key_id} does not verify", key_id = hex::encode(.key_id))]
    BadSignature { name: String, key_id: [u8; 4] },
    /// A note with no verified signature by any of the given keys.
    #[error("the note has no signature by a known key")]
    NoKnownSignature,

    // Checkpoints.
    /// A checkpoint text with fewer than three lines.
    #[error("a checkpoint needs at least 3 lines, this one has {lines}")]
    CheckpointTooShort { lines: usize },
    /// A checkpoint whose first line is empty.
    #[error("the checkpoint origin is empty")]
    EmptyOrigin,
    /// A tree size line that is not a decimal `u64` without sign or leading zeros.
    #[error("tree size {text:?} is not a decimal number without leading zeros")]
    BadTreeSize { text: String },
    /// A root hash line that is not canonical standard base64.
    #[error("root hash {text:?} is not standard base64")]
    BadRootBase64 { text: String },
    /// A root hash line that decodes to something other than 32 bytes.
    #[error("root hash is {len} bytes long where SHA-256 gives 32")]
    BadRootLength { len: usize },
    /// An extension line that is empty (line counted from 1).
    #[error("checkpoint extension line {line} is empty")]
    EmptyExtension { line: usize },

    // Cosignatures.
    /// A cosignature time past 2^63 - 1 seconds (C2SP tlog-cosignature forbids it).
    #[error("cosignature time {time} is past 2^63 - 1")]
    TimeOutOfRange { time: u64 },
    /// A signature line by another key than the cosigner it was checked against.
    #[error(
        "the signature line is by {name}+{key_id}, not by {expected_name}+{expected_key_id}",
        key_id = hex::encode(.key_id),
        expected_key_id = hex::encode(.expected_key_id)
    )]
    OtherSigner {
        name: String,
        key_id: [u8; 4],
        expected_name: String,
        expected_key_id: [u8; 4],
    },
}

/// Which of the two roots of a consistency proof failed to match (or the only one, for inclusion).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhichRoot {
    /// The root of an inclusion proof.
    Tree,
    /// The root of the older, smaller tree of a consistency proof.
    Old,
    /// The root of the newer, larger tree of a consistency proof.
    New,
}

impl std::fmt::Display for WhichRoot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Tree => "tree",
            Self::Old => "old",
            Self::New => "new",
        })
    }
}
