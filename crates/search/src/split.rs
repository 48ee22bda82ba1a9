//! The index Accord serves: restricted incidents never reach the disk.
//!
//! A restricted incident's text is sealed in the database; writing it into the index directory
//! would leave it readable there. So [`SearchIndex`] keeps two tantivy indexes with the same
//! schema and analyzers: the one on disk for every other incident, and one in memory for the
//! restricted ones (few, by nature), which the server fills from the store (opening their sealed
//! text with the instance's keys) each time it starts. A query runs on both and the two result
//! lists are merged: by relevance for text queries, by date for filter-only ones. Relevance
//! scores of the two parts are computed over different document sets (BM25's statistics are
//! per index), so a restricted incident's rank against others is approximate; which incidents
//! match, and the totals, are exact. With no restricted incident in memory a query costs what
//! it did with one index.

use std::cmp::Ordering;
use std::path::Path;

use crate::index::{Part, SearchResults};
use crate::query::{KhmerMatching, MAX_DEPTH};
use crate::{IncidentDoc, SearchError, SearchQuery};

/// A full-text index of incidents. `Send + Sync`: share it in an `Arc`. Searches run
/// concurrently; writes are serialised through one writer per part.
#[derive(Debug)]
pub struct SearchIndex {
    /// Every incident that is not restricted: on disk (or in memory for tests).
    open: Part,
    /// Restricted incidents: in memory only, rebuilt from the store at each start.
    restricted: Part,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if there is none.
    /// Refuses a non-empty directory that holds no index, and an index of another schema
    /// version (the caller then deletes it and calls [`SearchIndex::rebuild`]). The part that
    /// holds restricted incidents starts empty: fill it with [`SearchIndex::upsert`].
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        Ok(SearchIndex {
            open: Part::open(dir)?,
            restricted: Part::in_memory()?,
        })
    }

    /// An index that lives in memory only: for tests and small tools.
    pub fn in_memory() -> Result<Self, SearchError> {
        Ok(SearchIndex {
            open: Part::in_memory()?,
            restricted: Part::in_memory()?,
        })
    }

    /// Adds incidents, replacing any indexed incident with the same id (in either part: an
    /// incident that became restricted leaves the disk), and commits. Either each part's batch
    /// becomes visible or, on error, none of it.
    pub fn upsert(&self, docs: &[IncidentDoc]) -> Result<(), SearchError> {
        // The common write: nothing restricted, before or now — no copy, one part.
        if self.restricted.doc_count() == 0 && docs.iter().all(|d| !d.restricted) {
            return self.open.upsert(docs);
        }
        let (restricted, open): (Vec<IncidentDoc>, Vec<IncidentDoc>) =
            docs.iter().cloned().partition(|d| d.restricted);
        let ids = |docs: &[IncidentDoc]| docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        let (to_open, to_restricted) = (ids(&open), ids(&restricted));
        if !restricted.is_empty() {
            self.restricted.upsert(&restricted)?;
            self.open
                .delete(&to_restricted.iter().map(String::as_str).collect::<Vec<_>>())?;
        }
        if !open.is_empty() {
            self.open.upsert(&open)?;
            if self.restricted.doc_count() > 0 {
                self.restricted
                    .delete(&to_open.iter().map(String::as_str).collect::<Vec<_>>())?;
            }
        }
        Ok(())
    }

    /// Removes incidents by id (unknown ids are ignored), and commits.
    pub fn delete(&self, ids: &[&str]) -> Result<(), SearchError> {
        self.open.delete(ids)?;
        if self.restricted.doc_count() > 0 {
            self.restricted.delete(ids)?;
        }
        Ok(())
    }

    /// Removes every incident of a case (a case deleted), from both parts, and commits.
    pub fn delete_case(&self, case_id: &str) -> Result<(), SearchError> {
        self.open.delete_case(case_id)?;
        if self.restricted.doc_count() > 0 {
            self.restricted.delete_case(case_id)?;
        }
        Ok(())
    }

    /// Replaces the whole index with `docs`, indexing on every core, and returns how many were
    /// indexed. On error nothing is committed to the part that failed.
    pub fn rebuild(&self, docs: impl Iterator<Item = IncidentDoc>) -> Result<usize, SearchError> {
        let mut restricted = Vec::new();
        let open = docs.filter_map(|d| {
            if d.restricted {
                restricted.push(d);
                None
            } else {
                Some(d)
            }
        });
        let count = self.open.rebuild(open)?;
        let sealed = restricted.len();
        self.restricted.rebuild(restricted.into_iter())?;
        Ok(count + sealed)
    }

    /// Runs a query. Only incidents of `q.case_ids` can appear in the hits or the total.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        self.search_with(q, KhmerMatching::default())
    }

    /// [`SearchIndex::search`] with a choice of Khmer matching: the benchmark uses it to measure
    /// the recall of dictionary words alone.
    pub fn search_with(
        &self,
        q: &SearchQuery,
        khmer: KhmerMatching,
    ) -> Result<SearchResults, SearchError> {
        if self.restricted.doc_count() == 0 {
            return self.open.search_with(q, khmer);
        }
        // Each part answers the first offset + limit hits; the merged page is cut from them.
        let depth = q.offset.saturating_add(q.limit);
        if depth > MAX_DEPTH {
            // Let the part say it, with its own error.
            return self.open.search_with(q, khmer);
        }
        let top = SearchQuery {
            offset: 0,
            limit: depth,
            ..q.clone()
        };
        let open = self.open.search_with(&top, khmer)?;
        let restricted = self.restricted.search_with(&top, khmer)?;
        let mut hits = open.hits;
        hits.extend(restricted.hits);
        let text_query = hits.iter().any(|h| h.score > 0.0);
        hits.sort_by(|a, b| {
            let order = if text_query {
                b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal)
            } else {
                b.date_start.cmp(&a.date_start)
            };
            order.then_with(|| a.id.cmp(&b.id))
        });
        Ok(SearchResults {
            total: open.total + restricted.total,
            hits: hits.into_iter().skip(q.offset).take(q.limit).collect(),
        })
    }

    /// Number of incidents in the index, as of the last commit.
    pub fn doc_count(&self) -> u64 {
        self.open.doc_count() + self.restricted.doc_count()
    }

    /// Number of restricted incidents, held in memory only.
    pub fn restricted_count(&self) -> u64 {
        self.restricted.doc_count()
    }
}
