//! The one error type of the crate: what failed, and on which directory, document or value.

use std::path::PathBuf;

/// Everything that can go wrong when opening, writing or querying a search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// A filesystem operation on the index directory failed.
    #[error("search index {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The directory exists, holds files, and is not a search index: refuse to write into it.
    #[error("search index {dir}: the directory is not empty and holds no index")]
    NotAnIndex { dir: PathBuf },
    /// The index on disk was written by another schema version; delete it and rebuild.
    #[error(
        "search index {dir}: schema version {found}, this build needs {expected}; delete the directory and rebuild the index"
    )]
    SchemaVersion {
        dir: PathBuf,
        found: String,
        expected: u32,
    },
    /// tantivy failed during the named operation.
    #[error("search index: {operation}: {source}")]
    Tantivy {
        operation: &'static str,
        #[source]
        source: tantivy::TantivyError,
    },
    /// A document handed to the index breaks one of its rules.
    #[error("incident {id:?}: field {field}: {reason}")]
    InvalidDoc {
        id: String,
        field: &'static str,
        reason: &'static str,
    },
    /// The query text is longer than the index accepts.
    #[error("query text is {len} bytes, the limit is {max}")]
    QueryTooLong { len: usize, max: usize },
    /// Paging reaches too deep into the results.
    #[error("page offset {offset} + limit {limit} exceeds {max}")]
    PageTooDeep {
        offset: usize,
        limit: usize,
        max: usize,
    },
    /// The date range is empty because it starts after it ends.
    #[error("date range starts at {from} after it ends at {to}")]
    DateRange { from: i32, to: i32 },
    /// An earlier write panicked while holding the writer; the index must be reopened.
    #[error("search index writer is unusable after an earlier panic")]
    WriterPoisoned,
}

impl SearchError {
    pub(crate) fn tantivy(operation: &'static str) -> impl FnOnce(tantivy::TantivyError) -> Self {
        move |source| Self::Tantivy { operation, source }
    }
}
