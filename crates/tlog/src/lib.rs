#![doc = include_str!("../README.md")]

// Reading order: the tree, the note envelope, what a log signs in it, what witnesses add to it.
pub mod checkpoint;
pub mod cosign;
mod error;
pub mod merkle;
pub mod note;

pub use checkpoint::Checkpoint;
pub use cosign::{CosignerKey, CosignerVerifier, verify_cosignature};
pub use error::{Error, WhichRoot};
pub use merkle::{Frontier, Hash};
pub use note::{NoteSigner, NoteVerifier, OpenedNote, SignedBy, add_signature_line, open};
