//! The search index: open or create it, write incidents into it, and answer queries.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::{Column, StrColumn};
use tantivy::directory::{MmapDirectory, RamDirectory};
use tantivy::indexer::LogMergePolicy;
use tantivy::query::{BooleanQuery, Occur};
use tantivy::schema::Schema;
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, Searcher, Term};

use crate::analysis;
use crate::query::{self, Builder, KhmerMatching, MAX_DEPTH, MAX_TEXT_BYTES, TextQuery};
use crate::schema::{self, Fields, SCHEMA_VERSION, VERSION_FILE};
use crate::{IncidentDoc, SearchError, SearchQuery};

/// Memory for the writer that serves small `upsert`/`delete` batches: tantivy's minimum per
/// thread, so a serving process stays small.
const SMALL_WRITER_BYTES: usize = 20_000_000;
/// Memory per indexing thread during `rebuild`: bigger segments, fewer merges.
const REBUILD_BYTES_PER_THREAD: usize = 100_000_000;
/// Segments stop being merged past this many documents, so a large index keeps a few segments
/// that the search executor can scan in parallel.
const MAX_DOCS_PER_MERGED_SEGMENT: usize = 300_000;

/// One page of results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// Exact number of matching incidents in scope, for paging.
    pub total: usize,
    /// The requested page, best first (newest first for filter-only queries).
    pub hits: Vec<Hit>,
}

/// One matching incident.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub id: String,
    pub case_id: String,
    /// Relevance (BM25); 0 for filter-only queries, which are ordered by date instead.
    pub score: f32,
    /// The incident's first day (as indexed): what filter-only results are ordered by.
    pub date_start: i64,
}

/// One tantivy index of incidents (see [`crate::SearchIndex`], which keeps two: one on disk,
/// one in memory for restricted incidents). Searches run concurrently; writes are serialised
/// through one writer.
pub(crate) struct Part {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Where the index lives, for error messages (`None` in memory).
    dir: Option<PathBuf>,
    /// Created on the first write and kept, so the directory stays locked against a second
    /// process writing into it.
    writer: Mutex<Option<IndexWriter>>,
    threads: usize,
    /// Whether opening it created it: it holds nothing yet.
    created: bool,
}

impl std::fmt::Debug for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Part")
            .field("dir", &self.dir)
            .field("threads", &self.threads)
            .finish_non_exhaustive()
    }
}

impl Part {
    /// Opens the index in `dir`, creating the directory and an empty index if there is none.
    /// Refuses a non-empty directory that holds no index, and an index of another schema
    /// version (the caller then deletes it and calls [`Part::rebuild`]).
    pub(crate) fn open(dir: &Path) -> Result<Self, SearchError> {
        let io = |source| SearchError::Io {
            path: dir.to_owned(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let directory = MmapDirectory::open(dir).map_err(|source| SearchError::Io {
            path: dir.to_owned(),
            source: std::io::Error::other(source),
        })?;
        let (schema, fields) = schema::build();
        let exists = Index::exists(&directory).map_err(|source| SearchError::Io {
            path: dir.to_owned(),
            source: std::io::Error::other(source),
        })?;
        let index = if exists {
            let index = Index::open(directory).map_err(SearchError::tantivy("open"))?;
            check_version(&index, &schema, dir)?;
            index
        } else {
            if std::fs::read_dir(dir).map_err(io)?.next().is_some() {
                return Err(SearchError::NotAnIndex {
                    dir: dir.to_owned(),
                });
            }
            let index = Index::create(directory, schema, tantivy::IndexSettings::default())
                .map_err(SearchError::tantivy("create"))?;
            std::fs::write(dir.join(VERSION_FILE), SCHEMA_VERSION.to_string()).map_err(io)?;
            index
        };
        Self::from_index(index, fields, Some(dir.to_owned()), !exists)
    }

    /// An index that lives in memory only: for tests and small tools.
    pub(crate) fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = schema::build();
        let index = Index::create(
            RamDirectory::create(),
            schema,
            tantivy::IndexSettings::default(),
        )
        .map_err(SearchError::tantivy("create"))?;
        Self::from_index(index, fields, None, true)
    }

    fn from_index(
        mut index: Index,
        fields: Fields,
        dir: Option<PathBuf>,
        created: bool,
    ) -> Result<Self, SearchError> {
        index
            .tokenizers()
            .register(analysis::WORDS, analysis::word_analyzer());
        index
            .tokenizers()
            .register(analysis::KHMER_NGRAMS, analysis::ngram_analyzer());
        // Both cores (or whatever the machine has) search segments in parallel.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        index
            .set_multithread_executor(threads)
            .map_err(SearchError::tantivy("start search threads"))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(SearchError::tantivy("open reader"))?;
        Ok(Self {
            index,
            reader,
            fields,
            dir,
            writer: Mutex::new(None),
            threads,
            created,
        })
    }

    /// Adds incidents, replacing any indexed incident with the same id, and commits.
    /// Either the whole batch becomes visible or, on error, none of it.
    pub(crate) fn upsert(&self, docs: &[IncidentDoc]) -> Result<(), SearchError> {
        let converted = docs
            .iter()
            .map(|doc| doc.to_document(&self.fields))
            .collect::<Result<Vec<_>, _>>()?;
        self.write_batch(|writer| {
            for (doc, converted) in docs.iter().zip(converted) {
                writer.delete_term(Term::from_field_text(self.fields.id, &doc.id));
                writer
                    .add_document(converted)
                    .map_err(SearchError::tantivy("add document"))?;
            }
            Ok(())
        })
    }

    /// Removes incidents by id (unknown ids are ignored), and commits.
    pub(crate) fn delete(&self, ids: &[&str]) -> Result<(), SearchError> {
        self.write_batch(|writer| {
            for id in ids {
                writer.delete_term(Term::from_field_text(self.fields.id, id));
            }
            Ok(())
        })
    }

    /// Removes every incident of a case, and commits.
    pub(crate) fn delete_case(&self, case_id: &str) -> Result<(), SearchError> {
        self.write_batch(|writer| {
            writer.delete_term(Term::from_field_text(self.fields.case_id, case_id));
            Ok(())
        })
    }

    /// Runs `operations` on the small writer and commits them. On any error the uncommitted
    /// operations are rolled back, so a later commit can never publish half a batch.
    fn write_batch(
        &self,
        operations: impl FnOnce(&IndexWriter) -> Result<(), SearchError>,
    ) -> Result<(), SearchError> {
        let mut guard = self.writer()?;
        let writer = small_writer(&self.index, &mut guard)?;
        let result = operations(writer).and_then(|()| {
            writer
                .commit()
                .map(drop)
                .map_err(SearchError::tantivy("commit"))
        });
        if let Err(err) = result {
            // A writer that cannot roll back is dropped: the next write opens a fresh one on the
            // last commit.
            if writer.rollback().is_err() {
                *guard = None;
            }
            return Err(err);
        }
        self.reader
            .reload()
            .map_err(SearchError::tantivy("reload reader"))
    }

    /// Replaces the whole index with `docs`, indexing on every core, and returns how many were
    /// indexed. On error (of the index, or a document that could not be made) nothing is
    /// committed and the previous contents stay searchable.
    pub(crate) fn rebuild(
        &self,
        docs: impl Iterator<Item = Result<IncidentDoc, SearchError>>,
    ) -> Result<usize, SearchError> {
        let mut guard = self.writer()?;
        // Only one writer may hold the directory: release the small one first.
        *guard = None;
        let writer: IndexWriter = self
            .index
            .writer_with_num_threads(self.threads, self.threads * REBUILD_BYTES_PER_THREAD)
            .map_err(SearchError::tantivy("open writer"))?;
        let mut policy = LogMergePolicy::default();
        policy.set_max_docs_before_merge(MAX_DOCS_PER_MERGED_SEGMENT);
        writer.set_merge_policy(Box::new(policy));
        let result = self.fill(&writer, docs);
        let mut writer = writer;
        match result {
            Ok(count) => {
                self.commit(&mut writer)?;
                // Finish merging now: a rebuild is a batch job, and the result is served for
                // a long time.
                writer
                    .wait_merging_threads()
                    .map_err(SearchError::tantivy("merge"))?;
                self.reader
                    .reload()
                    .map_err(SearchError::tantivy("reload reader"))?;
                Ok(count)
            }
            Err(err) => {
                // Drop the uncommitted documents; the old index stays as it was.
                let _ = writer.rollback();
                Err(err)
            }
        }
    }

    fn fill(
        &self,
        writer: &IndexWriter,
        docs: impl Iterator<Item = Result<IncidentDoc, SearchError>>,
    ) -> Result<usize, SearchError> {
        writer
            .delete_all_documents()
            .map_err(SearchError::tantivy("delete all"))?;
        let mut count = 0;
        for doc in docs {
            // Tokenizing happens in the writer's threads; this loop only converts and queues.
            writer
                .add_document(doc?.to_document(&self.fields)?)
                .map_err(SearchError::tantivy("add document"))?;
            count += 1;
        }
        Ok(count)
    }

    /// Runs a query with a choice of Khmer matching. Only incidents of `q.case_ids` can appear
    /// in the hits or the total.
    pub(crate) fn search_with(
        &self,
        q: &SearchQuery,
        khmer: KhmerMatching,
    ) -> Result<SearchResults, SearchError> {
        if q.text.len() > MAX_TEXT_BYTES {
            return Err(SearchError::QueryTooLong {
                len: q.text.len(),
                max: MAX_TEXT_BYTES,
            });
        }
        let depth = q.offset.saturating_add(q.limit);
        if depth > MAX_DEPTH {
            return Err(SearchError::PageTooDeep {
                offset: q.offset,
                limit: q.limit,
                max: MAX_DEPTH,
            });
        }
        if let (Some(from), Some(to)) = (q.date_from, q.date_to)
            && from > to
        {
            return Err(SearchError::DateRange { from, to });
        }
        // Access control: no case in scope, nothing to see.
        if q.case_ids.is_empty() {
            return Ok(SearchResults::default());
        }
        let tokenizers = self.index.tokenizers();
        let (Some(words), Some(ngrams)) = (
            tokenizers.get(analysis::WORDS),
            tokenizers.get(analysis::KHMER_NGRAMS),
        ) else {
            return Err(SearchError::Tantivy {
                operation: "find analyzers",
                source: tantivy::TantivyError::InternalError("analyzer not registered".into()),
            });
        };
        let mut builder = Builder {
            fields: &self.fields,
            words,
            ngrams,
            khmer,
        };
        let searcher = self.reader.searcher();
        let mut clauses =
            query::filters(&self.fields, &searcher, q).map_err(SearchError::tantivy("scope"))?;
        let scored = match builder.text(&q.text) {
            TextQuery::MatchesNothing => return Ok(SearchResults::default()),
            TextQuery::None => false,
            TextQuery::Query(text) => {
                clauses.push((Occur::Must, text));
                true
            }
        };
        let query = BooleanQuery::new(clauses);
        let (total, hits) = if q.limit == 0 {
            let total = searcher
                .search(&query, &Count)
                .map_err(SearchError::tantivy("count"))?;
            (total, Vec::new())
        } else if scored {
            let top = TopDocs::with_limit(q.limit)
                .and_offset(q.offset)
                .order_by_score();
            let (total, top) = searcher
                .search(&query, &(Count, top))
                .map_err(SearchError::tantivy("search"))?;
            (total, top)
        } else {
            let top = TopDocs::with_limit(q.limit)
                .and_offset(q.offset)
                .order_by_fast_field::<i64>("date_start", Order::Desc);
            let (total, top) = searcher
                .search(&query, &(Count, top))
                .map_err(SearchError::tantivy("search"))?;
            (total, top.into_iter().map(|(_, doc)| (0.0, doc)).collect())
        };
        Ok(SearchResults {
            total,
            hits: self.hits(&searcher, hits)?,
        })
    }

    /// Whether opening this part created it (a new directory, or an index in memory).
    pub(crate) fn created(&self) -> bool {
        self.created
    }

    /// Number of incidents in the index, as of the last commit.
    pub(crate) fn doc_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Reads ids and case ids of the hits from their fast columns.
    fn hits(
        &self,
        searcher: &Searcher,
        docs: Vec<(f32, DocAddress)>,
    ) -> Result<Vec<Hit>, SearchError> {
        let mut columns: HashMap<u32, (StrColumn, StrColumn, Column<i64>)> = HashMap::new();
        let mut hits = Vec::with_capacity(docs.len());
        for (score, address) in docs {
            let (id_column, case_column, date_column) = match columns.entry(address.segment_ord) {
                Entry::Occupied(entry) => entry.into_mut(),
                Entry::Vacant(entry) => {
                    let fast = searcher.segment_reader(address.segment_ord).fast_fields();
                    let column = |name: &str| -> Result<StrColumn, SearchError> {
                        fast.str(name)
                            .map_err(SearchError::tantivy("read fast field"))?
                            .ok_or_else(|| SearchError::Tantivy {
                                operation: "read fast field",
                                source: tantivy::TantivyError::FieldNotFound(name.to_owned()),
                            })
                    };
                    let date = fast
                        .i64("date_start")
                        .map_err(SearchError::tantivy("read fast field"))?;
                    entry.insert((column(schema::ID)?, column(schema::CASE_ID)?, date))
                }
            };
            hits.push(Hit {
                id: column_value(id_column, address)?,
                case_id: column_value(case_column, address)?,
                score,
                date_start: date_column.first(address.doc_id).unwrap_or(0),
            });
        }
        Ok(hits)
    }

    fn writer(&self) -> Result<MutexGuard<'_, Option<IndexWriter>>, SearchError> {
        self.writer.lock().map_err(|_| SearchError::WriterPoisoned)
    }

    fn commit(&self, writer: &mut IndexWriter) -> Result<(), SearchError> {
        writer.commit().map_err(SearchError::tantivy("commit"))?;
        self.reader
            .reload()
            .map_err(SearchError::tantivy("reload reader"))
    }
}

/// The writer for small batches, created on first use.
fn small_writer<'a>(
    index: &Index,
    slot: &'a mut Option<IndexWriter>,
) -> Result<&'a mut IndexWriter, SearchError> {
    if slot.is_none() {
        let writer = index
            .writer_with_num_threads(1, SMALL_WRITER_BYTES)
            .map_err(SearchError::tantivy("open writer"))?;
        *slot = Some(writer);
    }
    slot.as_mut().ok_or(SearchError::WriterPoisoned)
}

fn column_value(column: &StrColumn, address: DocAddress) -> Result<String, SearchError> {
    let mut value = String::new();
    if let Some(ord) = column.term_ords(address.doc_id).next() {
        column
            .ord_to_str(ord, &mut value)
            .map_err(|source| SearchError::Tantivy {
                operation: "read fast field",
                source: source.into(),
            })?;
    }
    Ok(value)
}

fn check_version(index: &Index, schema: &Schema, dir: &Path) -> Result<(), SearchError> {
    // Kept beside tantivy's files rather than through its `Directory`, whose garbage collector
    // deletes files it does not know.
    let found = match std::fs::read_to_string(dir.join(VERSION_FILE)) {
        Ok(text) => text.trim().to_owned(),
        Err(_) => "none".to_owned(),
    };
    if found != SCHEMA_VERSION.to_string() || index.schema() != *schema {
        return Err(SearchError::SchemaVersion {
            dir: dir.to_owned(),
            found,
            expected: SCHEMA_VERSION,
        });
    }
    Ok(())
}
