//! The index schema, its version, and the field handles the rest of the crate uses.

use tantivy::schema::{
    FAST, Field, IndexRecordOption, NumericOptions, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis;

/// Version of the on-disk layout: bump it whenever the schema or the analysis changes, so an
/// index written by an older build is refused (and rebuilt) instead of silently answering wrong.
/// 2: restricted incidents are no longer written to the directory (an index of version 1 may
/// hold their text, so it is rebuilt).
/// 3: actors, sources, instruments and provisions in an index of their own, in the `records`
/// directory (an index of version 2 has none, and would never be filled).
/// 4: mechanisms among the records (an index of version 3 has none).
pub(crate) const SCHEMA_VERSION: u32 = 4;
/// File in the index directory that records [`SCHEMA_VERSION`].
pub(crate) const VERSION_FILE: &str = "accord-search-version";

/// Name of the case id field, read as a fast column by the case scope and the hits.
pub(crate) const CASE_ID: &str = "case_id";
/// Name of the incident id field, read as a fast column by the hits.
pub(crate) const ID: &str = "id";

/// Field handles, resolved once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    /// Incident id: indexed whole (replace and delete by id) and a fast column (hits).
    pub id: Field,
    /// Case id: indexed whole for the access-control scope, fast column for hits.
    pub case_id: Field,
    pub kind: Field,
    pub actor: Field,
    pub theme: Field,
    /// Day numbers, fast columns: range filters and the date order of filter-only queries.
    pub date_start: Field,
    pub date_end: Field,
    /// Title and summary through the word analyzer, with positions for phrases.
    pub text: Field,
    /// Title and summary as Khmer trigrams, with positions: the recall fallback.
    pub khmer: Field,
}

/// Builds the schema and its field handles.
pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let with_positions = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Fields {
        id: builder.add_text_field(ID, STRING | FAST),
        case_id: builder.add_text_field(CASE_ID, STRING | FAST),
        kind: builder.add_text_field("kind", STRING),
        actor: builder.add_text_field("actor", STRING),
        theme: builder.add_text_field("theme", STRING),
        date_start: builder.add_i64_field("date_start", NumericOptions::default().set_fast()),
        date_end: builder.add_i64_field("date_end", NumericOptions::default().set_fast()),
        text: builder.add_text_field("text", with_positions(analysis::WORDS)),
        khmer: builder.add_text_field("khmer", with_positions(analysis::KHMER_NGRAMS)),
    };
    (builder.build(), fields)
}
