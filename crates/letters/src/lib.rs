#![doc = include_str!("../README.md")]

mod compose;
mod document;
mod error;
mod escape;
mod locale;
mod render;
mod signatories;
mod signed;
pub mod signon;

pub use compose::{
    Composed, MAX_BODY_BYTES, MAX_NESTING, check_body, compose, compose_in, compose_letter,
};
pub use document::{Addressee, Block, Document, Inline, is_safe_url, plain_text};
pub use error::{BodyProblem, ComposeError};
pub use render::{pdf_document, render_html, render_html_fragment, render_markdown, render_pdf};
pub use signatories::{SignOnState, SignatoryStatus};
pub use signed::{SignedText, signed_text};
