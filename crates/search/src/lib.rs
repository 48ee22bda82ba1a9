#![doc = include_str!("../README.md")]

mod analysis;
mod error;
mod incident;
mod index;
mod query;
mod records;
mod schema;
mod split;

pub use error::SearchError;
pub use incident::IncidentDoc;
pub use index::{Hit, SearchResults};
pub use query::{KhmerMatching, MAX_DEPTH, MAX_TEXT_BYTES, SearchQuery};
pub use records::{RecordDoc, RecordHit, RecordResults, SearchKind, record_doc_id};
pub use split::SearchIndex;

/// The word tokens the index makes of `text` (lower-cased, ASCII-folded, Khmer segmented):
/// for tools and tests that want to see what the segmenter does.
pub fn analyze_words(text: &str) -> Vec<String> {
    let mut analyzer = analysis::word_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while let Some(token) = stream.next() {
        tokens.push(token.text.clone());
    }
    tokens
}
