//! The text a signatory signs.
//!
//! It is the letter's canonical Markdown (see [`crate::render_markdown`]) **without the list of
//! signatories**: the title, place and date, the addressees, the body with its notes, the
//! closing and the CC list — everything an organisation puts its name to, and nothing that
//! changes when another organisation signs. The text is UTF-8 with `\n` line ends and one final
//! `\n`; its SHA-256 is written as 64 lower-case hexadecimal digits, so anyone can check a
//! signature with `sha256sum` on the text shown on the sign page.

use sha2::{Digest, Sha256};

use crate::document::Document;

/// The exact text signed and its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedText {
    pub text: String,
    /// Lower-case hexadecimal.
    pub sha256: String,
}

/// The text signatories of `document` sign (its signatories are ignored).
pub fn signed_text(document: &Document) -> SignedText {
    let text = crate::render::markdown::render(&crate::document::bounded(document), false);
    let sha256 = hex::encode(Sha256::digest(text.as_bytes()));
    SignedText { text, sha256 }
}
