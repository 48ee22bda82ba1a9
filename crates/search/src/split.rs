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
use crate::records::{RECORDS_DIR, RecordHit, RecordResults, record_doc_id};
use crate::{IncidentDoc, RecordDoc, SearchError, SearchKind, SearchQuery};

/// A full-text index of incidents, and beside it one of the case's other records (actors,
/// sources, instruments, provisions, mechanisms: see [`crate::RecordDoc`]). `Send + Sync`: share it in an
/// `Arc`. Searches run concurrently; writes are serialised through one writer per part.
///
/// The records have an index of their own (a `records` directory inside the incidents' one),
/// not a kind of document among the incidents: a query of the timeline then never scans them,
/// and a million incidents are searched as fast as before.
#[derive(Debug)]
pub struct SearchIndex {
    incidents: Pair,
    records: Pair,
}

/// Two tantivy indexes of one schema: on disk (or in memory for tests) for every document that
/// is not restricted, in memory for the restricted ones.
#[derive(Debug)]
struct Pair {
    /// Every document that is not restricted: on disk (or in memory for tests).
    open: Part,
    /// Restricted documents: in memory only, rebuilt from the store at each start.
    restricted: Part,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if there is none
    /// (the records' index in its `records` directory). Refuses a non-empty directory that
    /// holds no index, and an index of another schema version (the caller then deletes it and
    /// calls [`SearchIndex::rebuild`] and [`SearchIndex::rebuild_records`]). The parts that hold
    /// restricted documents start empty: fill them with [`SearchIndex::upsert`] and
    /// [`SearchIndex::upsert_records`].
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        let incidents = Pair::open(dir)?;
        let records = Pair::open(&dir.join(RECORDS_DIR))?;
        Ok(SearchIndex { incidents, records })
    }

    /// Whether opening the index created a part of it on disk: a new directory, or an index
    /// of this version whose `records` directory was missing. Such an index holds nothing
    /// until rebuilt, whatever the caller's own mark of it being in step with the store says.
    pub fn created(&self) -> bool {
        self.incidents.open.created() || self.records.open.created()
    }

    /// An index that lives in memory only: for tests and small tools.
    pub fn in_memory() -> Result<Self, SearchError> {
        Ok(SearchIndex {
            incidents: Pair::in_memory()?,
            records: Pair::in_memory()?,
        })
    }

    /// Adds incidents, replacing any indexed incident with the same id (in either part: an
    /// incident that became restricted leaves the disk), and commits. Either each part's batch
    /// becomes visible or, on error, none of it.
    pub fn upsert(&self, docs: &[IncidentDoc]) -> Result<(), SearchError> {
        self.incidents.upsert(docs)
    }

    /// Removes incidents by id (unknown ids are ignored), and commits.
    pub fn delete(&self, ids: &[&str]) -> Result<(), SearchError> {
        self.incidents.delete(ids)
    }

    /// Removes every incident and every other record of a case (a case deleted), from every
    /// part, and commits.
    pub fn delete_case(&self, case_id: &str) -> Result<(), SearchError> {
        self.incidents.delete_case(case_id)?;
        self.records.delete_case(case_id)
    }

    /// Replaces every incident of the index with `docs`, indexing on every core, and returns how
    /// many were indexed. On error nothing is committed to the part that failed.
    pub fn rebuild(&self, docs: impl Iterator<Item = IncidentDoc>) -> Result<usize, SearchError> {
        self.incidents.rebuild(docs.map(Ok))
    }

    /// Runs a query over incidents. Only incidents of `q.case_ids` can appear in the hits or the
    /// total.
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
        self.incidents.search_with(q, khmer)
    }

    /// Number of incidents in the index, as of the last commit.
    pub fn doc_count(&self) -> u64 {
        self.incidents.doc_count()
    }

    /// Number of restricted incidents, held in memory only.
    pub fn restricted_count(&self) -> u64 {
        self.incidents.restricted_count()
    }

    /// Adds records (actors, sources, instruments, provisions, mechanisms), replacing any indexed record of
    /// the same case, kind and id, and commits; restricted ones are kept in memory only.
    pub fn upsert_records(&self, docs: &[RecordDoc]) -> Result<(), SearchError> {
        let docs = docs
            .iter()
            .map(RecordDoc::to_incident_doc)
            .collect::<Result<Vec<_>, _>>()?;
        self.records.upsert(&docs)
    }

    /// Removes records by case, kind and id (unknown ones are ignored), and commits.
    pub fn delete_records(&self, records: &[(&str, SearchKind, &str)]) -> Result<(), SearchError> {
        let ids: Vec<String> = records
            .iter()
            .map(|(case, kind, id)| record_doc_id(case, *kind, id))
            .collect();
        self.records
            .delete(&ids.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// Removes every record of a case (its incidents stay), and commits: before a case's
    /// records are indexed anew (the case was replaced by an import).
    pub fn delete_case_records(&self, case_id: &str) -> Result<(), SearchError> {
        self.records.delete_case(case_id)
    }

    /// Replaces every record of the index with `docs`, and returns how many were indexed. The
    /// documents are taken one at a time as the writer's threads index them: a caller that
    /// reads them from the store in pages (through a bounded channel) holds a page at a time,
    /// not the records of every case. An invalid record stops the rebuild and leaves the index
    /// as it was.
    pub fn rebuild_records(
        &self,
        docs: impl Iterator<Item = RecordDoc>,
    ) -> Result<usize, SearchError> {
        self.records.rebuild(docs.map(|d| d.to_incident_doc()))
    }

    /// Runs a query over records: `q.kinds` names the kinds wanted (`actor`, `source`,
    /// `instrument`, `provision`, `mechanism`; empty: all), `q.exclude_ids` holds
    /// [`record_doc_id`]s the reader may not see; actor and theme filters match no record, dates
    /// are ignored. Only records of `q.case_ids` can appear in the hits or the total.
    /// Filter-only queries (no text) list records in index order.
    pub fn search_records(&self, q: &SearchQuery) -> Result<RecordResults, SearchError> {
        if !q.actors.is_empty() || !q.themes.is_empty() {
            return Ok(RecordResults::default());
        }
        let q = SearchQuery {
            // Records have no dates: a date range would exclude them all.
            date_from: None,
            date_to: None,
            ..q.clone()
        };
        let found = self.records.search_with(&q, KhmerMatching::default())?;
        let mut hits = Vec::with_capacity(found.hits.len());
        for hit in found.hits {
            hits.push(RecordHit::from_hit(&hit)?);
        }
        Ok(RecordResults {
            total: found.total,
            hits,
        })
    }

    /// Number of records in the index, as of the last commit.
    pub fn record_count(&self) -> u64 {
        self.records.doc_count()
    }
}

impl Pair {
    /// Opens the index in `dir`, creating the directory and an empty index if there is none.
    /// Refuses a non-empty directory that holds no index, and an index of another schema
    /// version (the caller then deletes it and calls [`SearchIndex::rebuild`]). The part that
    /// holds restricted incidents starts empty: fill it with [`SearchIndex::upsert`].
    fn open(dir: &Path) -> Result<Self, SearchError> {
        Ok(Pair {
            open: Part::open(dir)?,
            restricted: Part::in_memory()?,
        })
    }

    /// An index that lives in memory only: for tests and small tools.
    fn in_memory() -> Result<Self, SearchError> {
        Ok(Pair {
            open: Part::in_memory()?,
            restricted: Part::in_memory()?,
        })
    }

    /// Adds incidents, replacing any indexed incident with the same id (in either part: an
    /// incident that became restricted leaves the disk), and commits. Either each part's batch
    /// becomes visible or, on error, none of it.
    fn upsert(&self, docs: &[IncidentDoc]) -> Result<(), SearchError> {
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
    fn delete(&self, ids: &[&str]) -> Result<(), SearchError> {
        self.open.delete(ids)?;
        if self.restricted.doc_count() > 0 {
            self.restricted.delete(ids)?;
        }
        Ok(())
    }

    /// Removes every incident of a case (a case deleted), from both parts, and commits.
    fn delete_case(&self, case_id: &str) -> Result<(), SearchError> {
        self.open.delete_case(case_id)?;
        if self.restricted.doc_count() > 0 {
            self.restricted.delete_case(case_id)?;
        }
        Ok(())
    }

    /// Replaces the whole index with `docs`, indexing on every core, and returns how many were
    /// indexed. On error nothing is committed to the part that failed.
    fn rebuild(
        &self,
        docs: impl Iterator<Item = Result<IncidentDoc, SearchError>>,
    ) -> Result<usize, SearchError> {
        let mut restricted = Vec::new();
        let open = docs.filter_map(|d| match d {
            Ok(d) if d.restricted => {
                restricted.push(d);
                None
            }
            other => Some(other),
        });
        let count = self.open.rebuild(open)?;
        let sealed = restricted.len();
        self.restricted.rebuild(restricted.into_iter().map(Ok))?;
        Ok(count + sealed)
    }

    /// Runs a query with a choice of Khmer matching. Only documents of `q.case_ids` can appear
    /// in the hits or the total.
    fn search_with(
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
    fn doc_count(&self) -> u64 {
        self.open.doc_count() + self.restricted.doc_count()
    }

    /// Number of restricted incidents, held in memory only.
    fn restricted_count(&self) -> u64 {
        self.restricted.doc_count()
    }
}
