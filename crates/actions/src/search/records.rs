//! The index documents of a case's records other than incidents — actors, sources,
//! instruments, provisions, mechanisms — each with every language it holds, and how they are
//! read from the store: by id after a write, and a page at a time when a whole case is indexed.
//!
//! Why pages: a case has about as many sources as incidents (333,334 for the benchmark's million
//! incidents) and an imported one may have many thousands of actors. Read at once into one list,
//! as the first version of this index did at every start, they took the server from 243 MB to
//! over 1 GB. [`RecordPages`] holds one page of records (and their documents) at a time, whatever
//! the size of the case; instruments, provisions and mechanisms are few and read whole.

use accord_core::{Sensitivity, TextKind};
use accord_search::{RecordDoc, SearchIndex, SearchKind};
use accord_store::{PagePick, RecordIds, SearchRecords, Store};

use super::languages_of;

/// How many actors or sources a page holds: what [`RecordPages`] keeps in memory at once (a few
/// megabytes of records and documents), and what a re-index of a whole case commits at a time.
pub const RECORD_PAGE: u32 = 2_000;

/// The index documents of some records of a case (whatever `records` holds of each kind): each
/// holds its original text and every translation of it (the translations store's, and a
/// provision's own translated texts), so a query in any of the record's languages finds it,
/// through the same analyzers as incidents (Khmer segmentation, Latin folding). Titles (an
/// actor's name and aliases, a source's or instrument's title, a provision's citation and
/// heading, a mechanism's name) go into the title, the other fields into the text.
pub async fn record_docs(
    store: &dyn Store,
    case_id: &str,
    records: &SearchRecords,
) -> Result<Vec<RecordDoc>, String> {
    let languages = |kind: TextKind, ids: Vec<String>| async move {
        if ids.is_empty() {
            return Ok(std::collections::HashMap::new());
        }
        languages_of(store, case_id, kind, &ids).await
    };
    let actors = languages(
        TextKind::Actor,
        records.actors.iter().map(|a| a.id.clone()).collect(),
    )
    .await?;
    let sources = languages(
        TextKind::Source,
        records.sources.iter().map(|s| s.id.clone()).collect(),
    )
    .await?;
    let instruments = languages(
        TextKind::Instrument,
        records.instruments.iter().map(|i| i.id.clone()).collect(),
    )
    .await?;
    let provisions = languages(
        TextKind::Provision,
        records
            .instruments
            .iter()
            .flat_map(|i| i.provisions.iter().map(|p| p.citation.to_string()))
            .collect(),
    )
    .await?;
    let mechanisms = languages(
        TextKind::Mechanism,
        records.mechanisms.iter().map(|m| m.id.clone()).collect(),
    )
    .await?;
    let mut docs = Vec::new();
    for a in &records.actors {
        let mut title = vec![a.name.as_str()];
        title.extend(a.aliases.iter().map(String::as_str));
        docs.push(record_doc(
            SearchKind::Actor,
            case_id,
            &a.id,
            title,
            Vec::new(),
            actors.get(&a.id),
            a.sensitivity == Sensitivity::Restricted,
        ));
    }
    for s in &records.sources {
        let mut text: Vec<&str> = s.authors.iter().map(String::as_str).collect();
        text.extend(s.publisher.as_deref());
        text.extend(s.note.as_deref());
        docs.push(record_doc(
            SearchKind::Source,
            case_id,
            &s.id,
            vec![s.title.as_str()],
            text,
            sources.get(&s.id),
            s.sensitivity == Sensitivity::Restricted,
        ));
    }
    for i in &records.instruments {
        docs.push(record_doc(
            SearchKind::Instrument,
            case_id,
            &i.id,
            vec![i.title.as_str()],
            i.notes.iter().map(String::as_str).collect(),
            instruments.get(&i.id),
            false,
        ));
        for p in &i.provisions {
            let cite = p.citation.to_string();
            let mut title = vec![cite.as_str()];
            title.extend(p.heading.as_deref());
            let mut text: Vec<&str> = p.text.iter().map(String::as_str).collect();
            text.extend(p.translations.iter().map(|t| t.text.as_str()));
            docs.push(record_doc(
                SearchKind::Provision,
                case_id,
                &cite,
                title,
                text,
                provisions.get(&cite),
                false,
            ));
        }
    }
    for m in &records.mechanisms {
        docs.push(record_doc(
            SearchKind::Mechanism,
            case_id,
            &m.id,
            vec![m.name.as_str()],
            vec![m.action.as_str()],
            mechanisms.get(&m.id),
            false,
        ));
    }
    Ok(docs)
}

/// One record's index document: `title` and `text` hold its original fields, to which each of
/// its translations adds its own.
fn record_doc<'a>(
    kind: SearchKind,
    case_id: &str,
    id: &str,
    mut title: Vec<&'a str>,
    mut text: Vec<&'a str>,
    languages: Option<&'a accord_core::RecordLanguages>,
    restricted: bool,
) -> RecordDoc {
    for t in languages.into_iter().flat_map(|r| r.translations.iter()) {
        for f in &t.fields {
            if kind_title_field(kind) == f.field {
                title.push(&f.text);
            } else {
                text.push(&f.text);
            }
        }
    }
    RecordDoc {
        kind,
        id: id.to_owned(),
        case_id: case_id.to_owned(),
        title: title.join("\n"),
        text: text.join("\n"),
        restricted,
    }
}

/// The field of a kind that is its title: what joins a record's title in the index.
fn kind_title_field(kind: SearchKind) -> &'static str {
    match kind {
        SearchKind::Actor | SearchKind::Mechanism => "name",
        SearchKind::Provision => "heading",
        SearchKind::Source | SearchKind::Instrument => "title",
    }
}

/// A case's records other than incidents as index documents, a page at a time: its
/// instruments, provisions and mechanisms first (with [`PagePick::All`] only: they have no
/// sensitivity of their own), then its actors and its sources, [`RECORD_PAGE`] at a time in id
/// order, each page read from where the last one ended. Memory: one page and its documents.
#[derive(Debug)]
pub struct RecordPages<'a> {
    store: &'a dyn Store,
    case_id: &'a str,
    pick: PagePick,
    at: Stage,
}

/// Where [`RecordPages`] is in a case.
#[derive(Debug)]
enum Stage {
    Whole,
    Actors(Option<String>),
    Sources(Option<String>),
    Done,
}

impl<'a> RecordPages<'a> {
    pub fn new(store: &'a dyn Store, case_id: &'a str, pick: PagePick) -> Self {
        let at = match pick {
            PagePick::All => Stage::Whole,
            PagePick::Restricted => Stage::Actors(None),
        };
        RecordPages {
            store,
            case_id,
            pick,
            at,
        }
    }

    /// The next page's documents (never empty), or `None` once the case is read.
    pub async fn next(&mut self) -> Result<Option<Vec<RecordDoc>>, String> {
        let err = |e: accord_store::StoreError| e.to_string();
        loop {
            let records = match std::mem::replace(&mut self.at, Stage::Done) {
                Stage::Done => return Ok(None),
                Stage::Whole => {
                    self.at = Stage::Actors(None);
                    self.store
                        .search_records(self.case_id, RecordIds::default())
                        .await
                        .map_err(err)?
                        .unwrap_or_default()
                }
                Stage::Actors(after) => {
                    let actors = self
                        .store
                        .actors_page(self.case_id, self.pick, after.as_deref(), RECORD_PAGE)
                        .await
                        .map_err(err)?;
                    self.at = match actors.last() {
                        Some(last) => Stage::Actors(Some(last.id.clone())),
                        None => Stage::Sources(None),
                    };
                    SearchRecords {
                        actors,
                        ..SearchRecords::default()
                    }
                }
                Stage::Sources(after) => {
                    let sources = self
                        .store
                        .sources_page(self.case_id, self.pick, after.as_deref(), RECORD_PAGE)
                        .await
                        .map_err(err)?;
                    self.at = match sources.last() {
                        Some(last) => Stage::Sources(Some(last.id.clone())),
                        None => Stage::Done,
                    };
                    SearchRecords {
                        sources,
                        ..SearchRecords::default()
                    }
                }
            };
            let docs = record_docs(self.store, self.case_id, &records).await?;
            if !docs.is_empty() {
                return Ok(Some(docs));
            }
        }
    }
}

/// Which records other than incidents a write changed, for the index to re-read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordsChanged {
    /// Some records of the case: these actors and sources (by id), and with `whole` its
    /// instruments, provisions and mechanisms (few: all of them are read again).
    Records {
        actors: Vec<String>,
        sources: Vec<String>,
        whole: bool,
    },
    /// Anything in the case (an import): its records leave the index and are read again, a page
    /// at a time.
    Case,
}

impl RecordsChanged {
    /// These actors changed.
    pub fn actors(ids: Vec<String>) -> RecordsChanged {
        RecordsChanged::Records {
            actors: ids,
            sources: Vec::new(),
            whole: false,
        }
    }

    /// These sources changed.
    pub fn sources(ids: Vec<String>) -> RecordsChanged {
        RecordsChanged::Records {
            actors: Vec::new(),
            sources: ids,
            whole: false,
        }
    }

    /// An instrument, a provision or a mechanism changed.
    pub fn whole() -> RecordsChanged {
        RecordsChanged::Records {
            actors: Vec::new(),
            sources: Vec::new(),
            whole: true,
        }
    }

    /// Nothing yet: what changes are added to.
    pub fn none() -> RecordsChanged {
        RecordsChanged::Records {
            actors: Vec::new(),
            sources: Vec::new(),
            whole: false,
        }
    }

    /// Both changes, as one.
    #[must_use]
    pub fn and(self, other: RecordsChanged) -> RecordsChanged {
        match (self, other) {
            (
                RecordsChanged::Records {
                    mut actors,
                    mut sources,
                    whole,
                },
                RecordsChanged::Records {
                    actors: a,
                    sources: s,
                    whole: w,
                },
            ) => {
                actors.extend(a);
                sources.extend(s);
                RecordsChanged::Records {
                    actors,
                    sources,
                    whole: whole || w,
                }
            }
            _ => RecordsChanged::Case,
        }
    }

    /// What a translation of a record of `kind` changes in the index, if anything besides an
    /// incident.
    pub fn of_kind(kind: TextKind, id: &str) -> Option<RecordsChanged> {
        match kind {
            TextKind::Actor => Some(RecordsChanged::actors(vec![id.to_owned()])),
            TextKind::Source => Some(RecordsChanged::sources(vec![id.to_owned()])),
            TextKind::Instrument | TextKind::Provision | TextKind::Mechanism => {
                Some(RecordsChanged::whole())
            }
            TextKind::Case | TextKind::Incident => None,
        }
    }
}

/// Re-index what `changed` names of a case: the actors and sources named as they are now
/// (those the store no longer has leave the index), the instruments, provisions and mechanisms
/// when asked; or every record of the case, a page at a time (a case replaced by an import is
/// emptied first: its records that are gone leave the index).
pub async fn reindex_changed(
    store: &dyn Store,
    index: &SearchIndex,
    case_id: &str,
    changed: RecordsChanged,
) -> Result<(), String> {
    match changed {
        RecordsChanged::Records {
            mut actors,
            mut sources,
            whole,
        } => {
            if actors.is_empty() && sources.is_empty() && !whole {
                return Ok(());
            }
            for ids in [&mut actors, &mut sources] {
                ids.sort();
                ids.dedup();
            }
            // Asked by id in pages, so that a long catch-up naming many sources reads a page
            // at a time too.
            let step = usize::try_from(RECORD_PAGE).unwrap_or(usize::MAX);
            let pages = actors.len().max(sources.len()).div_ceil(step).max(1);
            for page in 0..pages {
                let slice = |ids: &[String]| -> Vec<String> {
                    ids.iter().skip(page * step).take(step).cloned().collect()
                };
                let (a, s) = (slice(&actors), slice(&sources));
                let Some(mut records) = store
                    .search_records(
                        case_id,
                        RecordIds {
                            actors: &a,
                            sources: &s,
                        },
                    )
                    .await
                    .map_err(|e| e.to_string())?
                else {
                    // No such case (deleted since): its records left the index with it.
                    return Ok(());
                };
                if !(whole && page == 0) {
                    records.instruments.clear();
                    records.mechanisms.clear();
                }
                let docs = record_docs(store, case_id, &records).await?;
                index.upsert_records(&docs).map_err(|e| e.to_string())?;
                // Asked for by id and no longer in the store: they leave the index.
                let mut gone: Vec<(&str, SearchKind, &str)> = Vec::new();
                gone.extend(
                    a.iter()
                        .filter(|id| !records.actors.iter().any(|r| &r.id == *id))
                        .map(|id| (case_id, SearchKind::Actor, id.as_str())),
                );
                gone.extend(
                    s.iter()
                        .filter(|id| !records.sources.iter().any(|r| &r.id == *id))
                        .map(|id| (case_id, SearchKind::Source, id.as_str())),
                );
                if !gone.is_empty() {
                    index.delete_records(&gone).map_err(|e| e.to_string())?;
                }
            }
            Ok(())
        }
        RecordsChanged::Case => {
            index
                .delete_case_records(case_id)
                .map_err(|e| e.to_string())?;
            let mut pages = RecordPages::new(store, case_id, PagePick::All);
            while let Some(docs) = pages.next().await? {
                index.upsert_records(&docs).map_err(|e| e.to_string())?;
            }
            Ok(())
        }
    }
}
