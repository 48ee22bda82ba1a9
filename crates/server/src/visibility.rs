//! Which incidents, actors, sources and evidence items one reader may see (issue 12 §1).
//!
//! A record is `public`, `case` (the members of its case) or `restricted` (the members it names
//! and the case's owners); accord-core's `sensitivity` module holds the rule. A record a reader
//! may not see does not exist for them: every page and API answer that lists or shows these
//! records passes them through [`Visibility`], which drops hidden records and every reference to
//! one (an incident's actors, sources and files). Lists that page and count in SQL (the timeline,
//! the API's incident list) select by the reader's `Audience` in the query itself, so their totals
//! count nothing hidden.
//!
//! Caches are shared between readers, so the filter applies after the cache: what
//! `case_cache.rs` keeps is the case as stored, and each request takes from it what its reader
//! may see (timeline pages are cached under a key that includes the audience).

use accord_core::{Actor, Evidence, Incident, Sensitive, Source, ValidCase};
use accord_core::{Named, Sensitivity};
use std::sync::Arc;

use accord_store::{Audience, Hidden, RecordKind, RecordVersion};

use crate::access::CaseAccess;
use crate::case_cache::Fill;
use crate::{AppError, AppState};

/// What one reader may not see of one case.
#[derive(Debug)]
pub(crate) struct Visibility {
    audience: Audience,
    hidden: Arc<Hidden>,
}

impl Visibility {
    /// The visibility of the case for the reader of `access`: read from the store once per case
    /// version and audience (it scans the case's records), then kept with the case's other
    /// cached pages until a write bumps the version.
    pub(crate) async fn load(state: &AppState, access: &CaseAccess) -> Result<Self, AppError> {
        let audience = access.audience();
        let case = &access.case;
        let cached = || state.cache.hidden(&case.id, case.version, &audience);
        let load = async {
            let hidden = Arc::new(state.store.hidden(&case.id, &audience).await?);
            state
                .cache
                .put_hidden(&case.id, case.version, audience.clone(), hidden.clone());
            Ok(hidden)
        };
        let hidden = state
            .cache
            .fill(&case.id, Fill::Hidden, cached, load)
            .await?;
        Ok(Visibility { audience, hidden })
    }

    /// Whether this reader sees every record (an owner or an administrator).
    pub(crate) fn sees_all(&self) -> bool {
        self.audience == Audience::Everything
    }

    /// Whether the case has any record this reader may not see (then nothing cached for the
    /// case as stored may be shown to them as it is).
    pub(crate) fn hides_anything(&self) -> bool {
        !(self.hidden.incidents.is_empty()
            && self.hidden.actors.is_empty()
            && self.hidden.sources.is_empty()
            && self.hidden.evidence.is_empty())
    }

    pub(crate) fn audience(&self) -> &Audience {
        &self.audience
    }

    /// The ids of the incidents this reader may not see (for the search index to leave out).
    pub(crate) fn hidden_incidents(&self) -> impl Iterator<Item = &str> {
        self.hidden.incidents.iter().map(String::as_str)
    }

    /// The ids of the actors this reader may not see (for the search index to leave out).
    pub(crate) fn hidden_actors(&self) -> impl Iterator<Item = &str> {
        self.hidden.actors.iter().map(String::as_str)
    }

    /// The ids of the sources this reader may not see (for the search index to leave out).
    pub(crate) fn hidden_sources(&self) -> impl Iterator<Item = &str> {
        self.hidden.sources.iter().map(String::as_str)
    }

    pub(crate) fn sees_incident(&self, id: &str) -> bool {
        !self.hidden.incidents.contains(id)
    }
    pub(crate) fn sees_actor(&self, id: &str) -> bool {
        !self.hidden.actors.contains(id)
    }
    pub(crate) fn sees_source(&self, id: &str) -> bool {
        !self.hidden.sources.contains(id)
    }

    /// An incident as this reader sees it: `None` when hidden; otherwise without the actors,
    /// sources and files they may not see.
    pub(crate) fn incident(&self, i: &Incident) -> Option<Incident> {
        if !self.sees_incident(&i.id) {
            return None;
        }
        let mut i = i.clone();
        i.actors.retain(|a| self.sees_actor(&a.actor));
        i.sources.retain(|s| self.sees_source(s));
        i.evidence
            .retain(|e| !self.hidden.evidence.values().any(|h| *h == e.sha256));
        Some(i)
    }

    /// After an edit by this reader: put back the actors, sources and files of the stored
    /// incident that they could not see (and so could not have meant to remove).
    pub(crate) fn keep_hidden_references(&self, stored: &Incident, edited: &mut Incident) {
        edited.actors.extend(
            stored
                .actors
                .iter()
                .filter(|a| !self.sees_actor(&a.actor))
                .cloned(),
        );
        edited.sources.extend(
            stored
                .sources
                .iter()
                .filter(|s| !self.sees_source(s))
                .cloned(),
        );
    }

    /// The cached references of a case as this reader may see them: the same `Arc` when nothing
    /// is hidden from them (the common case of a published case's readers), a filtered copy
    /// otherwise. Pages call this on every request: the references of a large case are tens of
    /// thousands of names, which a clone per request would copy.
    pub(crate) fn shared_refs(
        &self,
        refs: Arc<accord_store::CaseRefs>,
    ) -> Arc<accord_store::CaseRefs> {
        if self.hides_anything() {
            Arc::new(self.refs(refs.as_ref().clone()))
        } else {
            refs
        }
    }

    /// A case's references (for forms' suggestions and checks) without the hidden ones.
    pub(crate) fn refs(&self, mut refs: accord_store::CaseRefs) -> accord_store::CaseRefs {
        refs.actors.retain(|(id, _)| self.sees_actor(id));
        refs.recent_sources.retain(|(id, _)| self.sees_source(id));
        refs.source_count = refs
            .source_count
            .saturating_sub(u64::try_from(self.hidden.sources.len()).unwrap_or(u64::MAX));
        refs.incident_count = refs
            .incident_count
            .saturating_sub(u64::try_from(self.hidden.incidents.len()).unwrap_or(u64::MAX));
        refs
    }

    /// The incidents this reader may see, as they see them, in the order given.
    pub(crate) fn incidents<'a>(
        &'a self,
        all: impl IntoIterator<Item = &'a Incident> + 'a,
    ) -> impl Iterator<Item = Incident> + 'a {
        all.into_iter().filter_map(|i| self.incident(i))
    }

    /// An actor as this reader sees it: `None` when hidden; a group without hidden members.
    pub(crate) fn actor(&self, a: &Actor) -> Option<Actor> {
        if !self.sees_actor(&a.id) {
            return None;
        }
        let mut a = a.clone();
        a.members.retain(|m| self.sees_actor(m));
        Some(a)
    }

    pub(crate) fn source(&self, s: &Source) -> Option<Source> {
        self.sees_source(&s.id).then(|| s.clone())
    }

    /// The sources of `ids` this reader may see, read from the store (in the order of `ids`):
    /// pages that show a source read it by id, since the cached case holds only the sources
    /// its findings' incidents and other records cite.
    pub(crate) async fn sources(
        &self,
        state: &crate::AppState,
        case_id: &str,
        ids: &[String],
    ) -> Result<Vec<Source>, crate::AppError> {
        let visible: Vec<String> = ids
            .iter()
            .filter(|s| self.sees_source(s))
            .cloned()
            .collect();
        if visible.is_empty() {
            return Ok(Vec::new());
        }
        Ok(state.store.sources(case_id, &visible).await?)
    }

    /// Whether this reader may see an evidence item: the item itself, and the incident and the
    /// source it documents.
    pub(crate) fn sees_evidence(&self, e: &Evidence) -> bool {
        !self.hidden.evidence.contains_key(&e.id)
            && e.incident.as_deref().is_none_or(|i| self.sees_incident(i))
            && e.source.as_deref().is_none_or(|s| self.sees_source(s))
            && self.may_see(e)
    }

    /// An evidence item by id, when this reader may see it (404 otherwise, as for a missing one).
    pub(crate) async fn evidence_item(
        &self,
        state: &AppState,
        case_id: &str,
        id: &str,
    ) -> Result<Evidence, AppError> {
        state
            .store
            .evidence(case_id, id)
            .await?
            .filter(|e| self.sees_evidence(e))
            .ok_or(AppError::NotFound)
    }

    /// A record checked against the rule directly (for records the store has not been asked
    /// about, e.g. one just read by id).
    fn may_see(&self, r: &impl Sensitive) -> bool {
        self.reader().may_see(r)
    }

    fn reader(&self) -> accord_core::Reader<'_> {
        match &self.audience {
            Audience::Public => accord_core::Reader::Public,
            Audience::Member(email) => accord_core::Reader::Member(email),
            Audience::Everything => accord_core::Reader::Owner,
        }
    }

    /// A record's versions as this reader may see them: none for a record hidden from them now
    /// (the caller answers 404), and of the others, only the versions whose own sensitivity they
    /// may see (a record restricted once and public now keeps its restricted past to itself).
    pub(crate) fn versions(
        &self,
        kind: RecordKind,
        id: &str,
        versions: Vec<RecordVersion>,
    ) -> Vec<RecordVersion> {
        if self.sees_all() {
            return versions;
        }
        let hidden_now = match kind {
            RecordKind::Incident => !self.sees_incident(id),
            RecordKind::Actor => !self.sees_actor(id),
            RecordKind::Source => !self.sees_source(id),
            RecordKind::Evidence => self.hidden.evidence.contains_key(id),
            _ => false,
        };
        if hidden_now {
            return Vec::new();
        }
        if !matches!(
            kind,
            RecordKind::Incident | RecordKind::Actor | RecordKind::Source | RecordKind::Evidence
        ) {
            return versions;
        }
        versions
            .into_iter()
            .filter(|v| {
                v.body.as_deref().is_none_or(|b| {
                    serde_json::from_str::<serde_json::Value>(b)
                        .ok()
                        .is_some_and(|r| self.may_see(&Recorded::of(&r)))
                })
            })
            .collect()
    }

    /// The whole case as this reader may see it (accord-core's `visible`), for what is computed
    /// from the whole case: the dashboard's status, counts, letters.
    pub(crate) fn case(&self, case: &ValidCase) -> Result<ValidCase, AppError> {
        if self.sees_all() {
            return Ok(case.clone());
        }
        let (visible, _) = accord_core::sensitivity::visible(case.case(), self.reader());
        // `visible` keeps a valid case valid; should that ever fail, the page fails rather than
        // show the unfiltered case.
        accord_core::validate(visible)
            .map_err(|p| AppError::Internal(format!("a reader's view of a case is not valid: {p}")))
    }
}

/// The sensitivity a stored version of a record says it had (its canonical JSON leaves out the
/// default, `case`). A version whose sensitivity cannot be read is treated as restricted to
/// nobody: shown to owners only.
struct Recorded {
    sensitivity: Sensitivity,
    restricted_to: Vec<String>,
}

impl Recorded {
    fn of(record: &serde_json::Value) -> Recorded {
        let sensitivity = match record.get("sensitivity") {
            None => Some(Sensitivity::Case),
            Some(v) => v.as_str().and_then(|n| Sensitivity::from_name(n).ok()),
        };
        let restricted_to = record
            .get("restricted_to")
            .and_then(serde_json::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|e| e.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        match sensitivity {
            Some(sensitivity) => Recorded {
                sensitivity,
                restricted_to,
            },
            None => Recorded {
                sensitivity: Sensitivity::Restricted,
                restricted_to: Vec::new(),
            },
        }
    }
}

impl Sensitive for Recorded {
    fn sensitivity(&self) -> Sensitivity {
        self.sensitivity
    }
    fn restricted_to(&self) -> &[String] {
        &self.restricted_to
    }
}
