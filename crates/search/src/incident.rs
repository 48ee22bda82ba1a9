//! What the store hands the index for one incident, and how it becomes a tantivy document.

use tantivy::TantivyDocument;

use crate::SearchError;
use crate::schema::Fields;

/// The searchable view of one incident. The store converts its own rows into this type, so a
/// change to the store's tables never reaches the index schema.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IncidentDoc {
    /// Unique id; `upsert` replaces the document with the same id.
    pub id: String,
    /// The case the incident belongs to: the unit of access control.
    pub case_id: String,
    /// Free text in any language, Khmer and Latin scripts mixed freely.
    pub title: String,
    pub summary: String,
    /// Incident kind, matched exactly ("arrest", "closure", ...).
    pub kind: String,
    /// First and last day of the incident, as day numbers (days since 1970-01-01, or any other
    /// monotonic encoding such as yyyymmdd, as long as queries use the same one). A single-day
    /// incident has `date_start == date_end`; an ongoing one ends far in the future.
    pub date_start: i32,
    pub date_end: i32,
    /// Actor ids and theme ids, matched exactly.
    pub actors: Vec<String>,
    pub themes: Vec<String>,
    /// A restricted incident: indexed in memory only, never written to the index directory.
    pub restricted: bool,
}

impl IncidentDoc {
    /// Checks the rules the index relies on, then builds the tantivy document.
    pub(crate) fn to_document(&self, fields: &Fields) -> Result<TantivyDocument, SearchError> {
        let invalid = |field, reason| SearchError::InvalidDoc {
            id: self.id.clone(),
            field,
            reason,
        };
        if self.id.is_empty() {
            return Err(invalid("id", "must not be empty"));
        }
        if self.case_id.is_empty() {
            return Err(invalid("case_id", "must not be empty"));
        }
        if self.date_end < self.date_start {
            return Err(invalid("date_end", "is before date_start"));
        }
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.id, &self.id);
        doc.add_text(fields.case_id, &self.case_id);
        doc.add_text(fields.kind, &self.kind);
        for actor in &self.actors {
            doc.add_text(fields.actor, actor);
        }
        for theme in &self.themes {
            doc.add_text(fields.theme, theme);
        }
        doc.add_i64(fields.date_start, i64::from(self.date_start));
        doc.add_i64(fields.date_end, i64::from(self.date_end));
        doc.add_text(fields.text, &self.title);
        doc.add_text(fields.text, &self.summary);
        // One value, so the run gap of the n-gram analyzer also separates title from summary
        // (tantivy's own gap between values is a single position).
        let mut khmer = String::with_capacity(self.title.len() + 1 + self.summary.len());
        khmer.push_str(&self.title);
        khmer.push('\n');
        khmer.push_str(&self.summary);
        doc.add_text(fields.khmer, &khmer);
        Ok(doc)
    }
}
