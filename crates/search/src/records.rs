//! The records of a case other than incidents — actors, sources, instruments, provisions,
//! mechanisms — as the index sees them: a title and a text, each holding every language the record has.
//!
//! They are indexed with the incidents' schema and analyzers (Khmer segmentation and n-grams,
//! Latin folding), in an index of their own ([`crate::SearchIndex`]), so a record is found by any
//! of its languages exactly as an incident is, and incident queries never scan them.

use crate::SearchError;
use crate::incident::IncidentDoc;
use crate::index::Hit;

/// The directory of the records' index, inside the incidents' index directory.
pub(crate) const RECORDS_DIR: &str = "records";

/// The kinds of record [`crate::SearchIndex::search_records`] finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SearchKind {
    Actor,
    Source,
    Instrument,
    Provision,
    Mechanism,
}

impl SearchKind {
    /// Every kind, in the order pages list them.
    pub const ALL: [SearchKind; 5] = [
        SearchKind::Actor,
        SearchKind::Source,
        SearchKind::Instrument,
        SearchKind::Provision,
        SearchKind::Mechanism,
    ];

    /// The kind's name, as indexed and as a `kind` filter names it.
    pub fn as_str(self) -> &'static str {
        match self {
            SearchKind::Actor => "actor",
            SearchKind::Source => "source",
            SearchKind::Instrument => "instrument",
            SearchKind::Provision => "provision",
            SearchKind::Mechanism => "mechanism",
        }
    }

    /// The kind named `name`, if it is one.
    pub fn from_name(name: &str) -> Option<SearchKind> {
        SearchKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// The searchable view of one record. The caller puts every language of the record into it:
/// the original and each translation of its title (an actor's name and aliases, a provision's
/// citation and heading, a mechanism's name) into `title`, the other fields into `text`,
/// separated by line breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordDoc {
    pub kind: SearchKind,
    /// The record's id in its case (a provision's is its citation as printed).
    pub id: String,
    /// The case the record belongs to: the unit of access control.
    pub case_id: String,
    pub title: String,
    pub text: String,
    /// A restricted record: indexed in memory only, never written to the index directory.
    pub restricted: bool,
}

impl RecordDoc {
    /// The incident-shaped document the records' index holds: the id names case, kind and
    /// record, the kind is the `kind` field, and there are no dates.
    pub(crate) fn to_incident_doc(&self) -> Result<IncidentDoc, SearchError> {
        let invalid = |field, reason| SearchError::InvalidDoc {
            id: format!("{} {}", self.kind.as_str(), self.id),
            field,
            reason,
        };
        if self.id.is_empty() {
            return Err(invalid("id", "must not be empty"));
        }
        if self.case_id.is_empty() || self.case_id.contains('/') {
            return Err(invalid("case_id", "must be an id without '/'"));
        }
        Ok(IncidentDoc {
            id: record_doc_id(&self.case_id, self.kind, &self.id),
            case_id: self.case_id.clone(),
            title: self.title.clone(),
            summary: self.text.clone(),
            kind: self.kind.as_str().to_owned(),
            date_start: 0,
            date_end: 0,
            actors: Vec::new(),
            themes: Vec::new(),
            restricted: self.restricted,
        })
    }
}

/// The index id of a record: `case/kind/id` (a case id holds no `/`; a record id may).
pub fn record_doc_id(case_id: &str, kind: SearchKind, id: &str) -> String {
    format!("{case_id}/{}/{id}", kind.as_str())
}

/// One page of records found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordResults {
    /// Exact number of matching records in scope, for paging.
    pub total: usize,
    /// The requested page, best first.
    pub hits: Vec<RecordHit>,
}

/// One matching record.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordHit {
    pub kind: SearchKind,
    pub id: String,
    pub case_id: String,
    /// Relevance (BM25); 0 for filter-only queries.
    pub score: f32,
}

impl RecordHit {
    pub(crate) fn from_hit(hit: &Hit) -> Result<RecordHit, SearchError> {
        let corrupt = || SearchError::InvalidDoc {
            id: hit.id.clone(),
            field: "id",
            reason: "is not a record's index id (case/kind/id)",
        };
        let mut parts = hit.id.splitn(3, '/');
        let (Some(_case), Some(kind), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(corrupt());
        };
        Ok(RecordHit {
            kind: SearchKind::from_name(kind).ok_or_else(corrupt)?,
            id: id.to_owned(),
            case_id: hit.case_id.clone(),
            score: hit.score,
        })
    }
}
