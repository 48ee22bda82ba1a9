#![doc = include_str!("../README.md")]

mod clusters;
mod error;
mod fonts;
mod model;
mod render;
mod view;
mod world;

pub use error::PdfError;
pub use fonts::Fonts;
pub use model::{Block, FootnoteStyle, Inline, LetterDoc};
pub use render::render_pdf;
