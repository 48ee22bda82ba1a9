#![doc = include_str!("../README.md")]

pub mod backup;
pub mod copy;
mod evidence;
mod follow_through;
mod key;
mod letter_versions;
mod observations;
mod package;
pub mod search;
mod signon;
mod tables;
mod translations;
mod verify;

pub use letter_versions::VersionText;

use std::path::PathBuf;
use std::sync::Arc;

use accord_core::validate::{finding_problems, incident_problems};
use accord_core::{Citation, Finding, FindingStatus, Incident, Letter, Source, ValidCase};
use accord_search::SearchIndex;
use accord_store::{
    BlobError, BlobStore, ImportMode, ImportReport, SaveOutcome, Store, StoreError,
};

pub use backup::{BackupReport, Manifest, RestoreReport, RestoreTarget, Sealing};
pub use evidence::{CUSTODY_BY_HAND, NewEvidence};
pub use key::{Extension, LogKeyConfig, LogRefusal, StateDefect, cosigner_from_file};
pub use observations::{ObservationProblem, today};
pub use package::{PackageReport, verify_package};
pub use tables::{BadRow, TableImport, TableReport};
pub use translations::{NewTranslation, RecordRef};
pub use verify::{Defect, Subject, VerifyProblem, VerifyProgress, VerifyReport};

/// Everything that can refuse or fail an action. Refusals carry what the user must fix.
#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    #[error("no {what} {id:?}")]
    NotFound { what: &'static str, id: String },
    #[error("{what} {id:?} already exists")]
    Exists { what: &'static str, id: String },
    /// The person may not do this (for example, confirm their own finding).
    #[error("{0}")]
    Forbidden(String),
    #[error("the file is larger than the upload limit of {limit} bytes")]
    TooLarge { limit: u64 },
    #[error(transparent)]
    Store(StoreError),
    #[error("evidence store: {0}")]
    Blob(BlobError),
    #[error("log: {0}")]
    Log(String),
    /// The log refuses to sign or co-sign: it does not extend what it signed before.
    #[error("log: {0}")]
    LogRefused(LogRefusal),
    /// Stored bytes or records no longer match what was recorded (found by a check).
    #[error("{0}")]
    Changed(String),
    #[error("search index: {0}")]
    Search(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl From<StoreError> for ActionError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { what, id } => ActionError::NotFound { what, id },
            StoreError::NoCase(id) => ActionError::NotFound { what: "case", id },
            StoreError::Exists { what, id } => ActionError::Exists { what, id },
            StoreError::CaseExists(id) => ActionError::Exists { what: "case", id },
            other => ActionError::Store(other),
        }
    }
}

impl From<BlobError> for ActionError {
    fn from(e: BlobError) -> Self {
        match e {
            BlobError::TooLarge { limit } => ActionError::TooLarge { limit },
            other => ActionError::Blob(other),
        }
    }
}

pub(crate) fn invalid(field: &str, message: impl Into<String>) -> ActionError {
    ActionError::Invalid {
        field: field.to_owned(),
        message: message.into(),
    }
}

pub(crate) fn io_error(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> ActionError + '_ {
    move |source| ActionError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The action layer: the CLI, the HTML routes and the JSON API call these and nothing else to
/// write. Each action checks its input against the store (never a cache), writes in one store
/// transaction (which versions the records and appends to the log), then brings the search index
/// up to date.
#[derive(Debug, Clone)]
pub struct Actions {
    store: Arc<dyn Store>,
    blobs: Arc<dyn BlobStore>,
    search: Option<Arc<SearchIndex>>,
    /// When set, actions hand the incidents they changed to an indexing task instead of
    /// committing the index themselves (see [`search::Backlog`]).
    backlog: Option<Arc<search::Backlog>>,
    key: Arc<key::LogKey>,
    /// The day taken as today (no observation may describe a later one); `None`: the clock's.
    today: Option<accord_core::Day>,
}

impl Actions {
    pub fn new(
        store: Arc<dyn Store>,
        blobs: Arc<dyn BlobStore>,
        search: Option<Arc<SearchIndex>>,
        key: LogKeyConfig,
    ) -> Actions {
        Actions {
            store,
            blobs,
            search,
            backlog: None,
            key: Arc::new(key::LogKey::new(key)),
            today: None,
        }
    }

    /// The same action layer taking `day` as today instead of reading the clock: for tests (the
    /// documented example case is set in an invented 2030) and for replaying work as of a day.
    #[must_use]
    pub fn with_today(mut self, day: accord_core::Day) -> Actions {
        self.today = Some(day);
        self
    }

    /// The same action layer handing the incidents each write changed to `backlog`, whose task
    /// (the server's log follower) indexes them in batches: an action then returns once its
    /// store transaction commits, without waiting for an index commit.
    #[must_use]
    pub fn with_index_backlog(mut self, backlog: Arc<search::Backlog>) -> Actions {
        self.backlog = Some(backlog);
        self
    }

    /// The backlog of index updates, when an indexing task applies them.
    pub fn index_backlog(&self) -> Option<&Arc<search::Backlog>> {
        self.backlog.as_ref()
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    pub fn blobs(&self) -> &Arc<dyn BlobStore> {
        &self.blobs
    }

    pub fn search(&self) -> Option<&Arc<SearchIndex>> {
        self.search.as_ref()
    }

    /// Where the log's signing key lives.
    pub fn key_path(&self) -> PathBuf {
        self.key.path()
    }

    // --- Records ------------------------------------------------------------------------

    /// Create or replace an incident, with a new source it cites added in the same transaction.
    pub async fn save_incident(
        &self,
        case: &str,
        incident: Incident,
        new_source: Option<Source>,
        by: &str,
    ) -> Result<SaveOutcome, ActionError> {
        // Only the ids this write names are looked up: a case may have tens of thousands of
        // sources, and reading them all made every write slow (bench/scale).
        let actors: Vec<String> = incident.actors.iter().map(|a| a.actor.clone()).collect();
        let mut sources = incident.sources.clone();
        sources.extend(new_source.as_ref().map(|s| s.id.clone()));
        let refs = self.store.known_refs(case, &actors, &sources).await?;
        if let Some(s) = &new_source {
            source_problems(s)?;
            if refs.has_source(&s.id) {
                return Err(ActionError::Exists {
                    what: "source",
                    id: s.id.clone(),
                });
            }
        }
        let stored = self
            .store
            .incidents(case, std::slice::from_ref(&incident.id))
            .await?
            .pop();
        self.check_restricted_to(
            case,
            &incident.restricted_to,
            stored.as_ref().map(|i| i.restricted_to.as_slice()),
        )
        .await?;
        if let Some(s) = &new_source {
            self.check_restricted_to(case, &s.restricted_to, None)
                .await?;
        }
        let new_id = new_source.as_ref().map(|s| s.id.as_str());
        if let Some(p) = incident_problems(&incident, &|a| refs.has_actor(a), &|s| {
            refs.has_source(s) || Some(s) == new_id
        })
        .into_iter()
        .next()
        {
            return Err(invalid(&p.field, p.message));
        }
        let outcome = match &new_source {
            Some(s) => {
                self.store
                    .save_incident_with_source(case, s, &incident, by)
                    .await?
            }
            None => self.store.save_incident(case, &incident, by).await?,
        };
        self.reindex(case, std::slice::from_ref(&incident.id))
            .await?;
        if let Some(s) = &new_source {
            self.reindex_records(case, search::RecordsChanged::sources(vec![s.id.clone()]))
                .await?;
        }
        Ok(outcome)
    }

    /// Add a source.
    pub async fn add_source(
        &self,
        case: &str,
        source: Source,
        by: &str,
    ) -> Result<(), ActionError> {
        source_problems(&source)?;
        self.check_restricted_to(case, &source.restricted_to, None)
            .await?;
        self.store.add_source(case, &source, by).await?;
        self.reindex_records(case, search::RecordsChanged::sources(vec![source.id]))
            .await
    }

    /// A record restricted to someone who is not a member of the case would be hidden from the
    /// very person it names, and shown to whoever later gets that address: every address a write
    /// adds to `restricted_to` must be a member's. Names the record already had are kept as they
    /// are (a member may have left since). Bundle imports are not checked: their members are
    /// granted after the import.
    async fn check_restricted_to(
        &self,
        case: &str,
        named: &[String],
        already: Option<&[String]>,
    ) -> Result<(), ActionError> {
        let added: Vec<&String> = named
            .iter()
            .filter(|n| !already.is_some_and(|a| a.iter().any(|x| x.eq_ignore_ascii_case(n))))
            .collect();
        if added.is_empty() {
            return Ok(());
        }
        let members = self.store.members(case).await?;
        for name in added {
            if !members
                .iter()
                .any(|(user, _)| user.email.eq_ignore_ascii_case(name))
            {
                return Err(invalid(
                    "restricted_to",
                    format!(
                        "{name} is not a member of this case: give them a role in the case \
                         first, or name a member"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The one citation rule of every form and API: a citation as people type it
    /// (`iccpr art 19 (2)`) is the case's provision it names, whatever the letter case.
    pub fn parse_provision(
        &self,
        case_provisions: &[String],
        text: &str,
    ) -> Result<Citation, ActionError> {
        let c = Citation::parse(text.trim()).map_err(|e| invalid("provision", e.to_string()))?;
        let printed = c.to_string();
        let known = case_provisions
            .iter()
            .find(|p| p.eq_ignore_ascii_case(&printed))
            .ok_or_else(|| invalid("provision", format!("no provision {printed} in this case")))?;
        Citation::parse(known).map_err(|e| invalid("provision", e.to_string()))
    }

    /// Add a finding (as a draft or with the status it carries).
    pub async fn add_finding(
        &self,
        case: &str,
        finding: Finding,
        by: &str,
    ) -> Result<(), ActionError> {
        let refs = self.store.case_refs(case).await?;
        let known: Vec<String> = self
            .store
            .incidents(case, &finding.incidents)
            .await?
            .into_iter()
            .map(|i| i.id)
            .collect();
        let provisions = &refs.provisions;
        if let Some(p) = finding_problems(&finding, &|i| known.iter().any(|k| k == i), &|c| {
            provisions.iter().any(|p| *p == c.to_string())
        })
        .into_iter()
        .next()
        {
            return Err(invalid(&p.field, p.message));
        }
        self.store.add_finding(case, &finding, by).await?;
        self.reindex(case, &finding.incidents).await
    }

    /// The status load of a case ([`Store::load_case_for_status`]) with the sources of `cited`
    /// that it does not hold read by id: that load holds only the sources its records cite,
    /// and a new record checked against it may cite any source of the case.
    pub(crate) async fn case_citing(
        &self,
        case: &str,
        cited: &[String],
    ) -> Result<accord_core::Case, ActionError> {
        let stored = self
            .store
            .load_case_for_status(case)
            .await?
            .ok_or_else(|| ActionError::NotFound {
                what: "case",
                id: case.to_owned(),
            })?;
        let mut stored = stored.into_case();
        let missing: Vec<String> = cited
            .iter()
            .filter(|id| stored.source(id).is_none())
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        if !missing.is_empty() {
            stored
                .sources
                .extend(self.store.sources(case, &missing).await?);
        }
        Ok(stored)
    }

    /// Confirm, retract or return a finding to draft.
    pub async fn set_finding_status(
        &self,
        case: &str,
        id: &str,
        status: FindingStatus,
        by: &str,
    ) -> Result<(), ActionError> {
        let finding = self
            .store
            .load_case_for_status(case)
            .await?
            .and_then(|c| c.finding(id).cloned())
            .ok_or_else(|| ActionError::NotFound {
                what: "finding",
                id: id.to_owned(),
            })?;
        // Nobody reviews their own finding, unless the case's owner allowed it (one-person cases).
        if status == FindingStatus::Confirmed
            && finding.author.as_deref() == Some(by)
            && !self.store.self_review(case).await?
        {
            return Err(ActionError::Forbidden(
                "a finding's author cannot confirm it; another reviewer must (or the case's owner allows self-review)".into(),
            ));
        }
        self.store.set_finding_status(case, id, status, by).await?;
        // Confirmed verdicts are part of the incidents' index documents.
        self.reindex(case, &finding.incidents).await
    }

    /// Allow or forbid a finding's author to confirm it in this case (logged). The caller checks
    /// that `by` owns the case.
    pub async fn set_self_review(
        &self,
        case: &str,
        allowed: bool,
        by: &str,
    ) -> Result<(), ActionError> {
        Ok(self.store.set_self_review(case, allowed, by).await?)
    }

    /// Store a letter's text and addressing (a new version of it).
    pub async fn save_letter(
        &self,
        case: &str,
        letter: &Letter,
        pin_sha256: Option<&str>,
        by: &str,
    ) -> Result<SaveOutcome, ActionError> {
        Ok(self.store.save_letter(case, letter, pin_sha256, by).await?)
    }

    /// Store a whole case (its evidence bytes already in the blob store), then index it.
    pub async fn import_bundle(
        &self,
        case: &ValidCase,
        mode: ImportMode,
        by: &str,
    ) -> Result<ImportReport, ActionError> {
        for e in &case.evidence {
            if let Err(err) = self.blobs.open(&e.sha256).await {
                return Err(invalid(
                    &format!("evidence/{}", e.file),
                    format!("its bytes are not in the evidence store: {err}"),
                ));
            }
        }
        let report = self.store.import_case(case, mode, by).await?;
        let ids: Vec<String> = case.incidents.iter().map(|i| i.id.clone()).collect();
        for chunk in ids.chunks(5_000) {
            self.reindex(&case.id, chunk).await?;
        }
        self.reindex_records(&case.id, search::RecordsChanged::Case)
            .await?;
        Ok(report)
    }

    /// Every version of a record, oldest first.
    pub async fn history(
        &self,
        case: &str,
        kind: accord_store::RecordKind,
        id: &str,
    ) -> Result<Vec<accord_store::RecordVersion>, ActionError> {
        Ok(self.store.history(case, kind, id).await?)
    }

    /// After a write of actors, sources, instruments, provisions or their translations: with an
    /// indexing task (the server), wake it and make this server's next searches wait for it (it
    /// re-reads what the log's new entries name, this write's among them); else re-read the
    /// records and index them here.
    async fn reindex_records(
        &self,
        case: &str,
        changed: search::RecordsChanged,
    ) -> Result<(), ActionError> {
        match (&self.backlog, &self.search) {
            (Some(backlog), Some(_)) => {
                backlog.wrote(case, &[]);
                Ok(())
            }
            (_, Some(index)) => search::reindex_changed(self.store.as_ref(), index, case, changed)
                .await
                .map_err(ActionError::Search),
            _ => Ok(()),
        }
    }

    async fn reindex(&self, case: &str, ids: &[String]) -> Result<(), ActionError> {
        match (&self.backlog, &self.search) {
            (_, _) if ids.is_empty() => Ok(()),
            (Some(backlog), Some(_)) => {
                backlog.wrote(case, ids);
                Ok(())
            }
            (_, Some(index)) => search::reindex(self.store.as_ref(), index, case, ids)
                .await
                .map_err(ActionError::Search),
            _ => Ok(()),
        }
    }

    // --- The log --------------------------------------------------------------------------

    /// The verifier key of the instance's log (the key is created on first use).
    pub fn verifier_key(&self) -> Result<String, ActionError> {
        Ok(self.key.signer()?.verifier_key())
    }

    /// Sign a checkpoint of the log if it grew since the last one; returns the new note.
    pub async fn checkpoint(&self) -> Result<Option<String>, ActionError> {
        key::checkpoint(self).await
    }

    /// The latest signed checkpoint, after making one if the log grew.
    pub async fn latest_checkpoint(&self) -> Result<Option<String>, ActionError> {
        self.checkpoint().await?;
        Ok(self.store.latest_checkpoint().await?.map(|c| c.note))
    }

    /// Co-sign the latest checkpoint with a witness's key, after checking that it is consistent
    /// with the last checkpoint this witness co-signed (kept in `state_file`).
    pub async fn cosign(
        &self,
        witness_key_file: &std::path::Path,
        state_file: &std::path::Path,
    ) -> Result<String, ActionError> {
        key::cosign(self, witness_key_file, state_file).await
    }

    /// Check everything: see [`verify`].
    pub async fn verify(
        &self,
        progress: &(dyn Fn(VerifyProgress) + Send + Sync),
    ) -> Result<VerifyReport, ActionError> {
        verify::verify(self, progress).await
    }

    /// Write an evidence package for some incidents: see [`package`].
    pub async fn package(
        &self,
        case: &str,
        incidents: &[String],
        out: &std::path::Path,
        by: &str,
    ) -> Result<PackageReport, ActionError> {
        package::write(self, case, incidents, out, by).await
    }
}

/// A source on its own, by the core's one-record rule (id, title, http(s) URL).
fn source_problems(s: &Source) -> Result<(), ActionError> {
    match accord_core::validate::source_problems(s).into_iter().next() {
        Some(p) => Err(invalid(&p.field, p.message)),
        None => Ok(()),
    }
}
