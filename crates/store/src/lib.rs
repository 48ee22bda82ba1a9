#![doc = include_str!("../README.md")]

mod account_rules;
pub mod attribution;
pub mod blob;
pub mod blob_s3;
mod clock;
mod codec;
pub mod copy;
pub mod log;
mod postgres;
pub mod record;
mod sealing;
pub mod signin_limits;
mod signon_rules;
mod sqlite;
#[doc(hidden)]
pub mod testing;
pub mod translations;
pub mod vault_keys;

use std::sync::Arc;

use accord_core::{
    CaseRole, Day, ElectionFile, Finding, FindingStatus, Incident, IncidentKind, Observation,
    ObservationStatus, Source, ValidCase, Verdict,
};
use async_trait::async_trait;

pub use attribution::{Attribution, AttributionError, PublicAuthor, ShownAs};
pub use blob::{BlobError, BlobStore, FsBlobStore, StoredBlob};
pub use blob_s3::S3BlobStore;
pub use log::{LogEntry, RecordVersion, StoredCheckpoint};
pub use postgres::PgStore;
pub use record::{RecordBody, RecordKind};
pub use signin_limits::{SigninCount, SigninKey, SigninUpdate};
pub use sqlite::SqliteStore;
pub use vault_keys::{NewVaultKeys, Rewrap, RewrapReason, StoredDataKey, VaultKeys};

/// Persistence for Accord, in domain terms.
///
/// SQLite ([`SqliteStore`]) and PostgreSQL ([`PgStore`]) implement this same trait, each owning
/// its SQL and migrations; the backend is chosen once from the URL scheme by [`open`]. Every method
/// that writes is one transaction: it lands whole or not at all.
#[async_trait]
pub trait Store: Send + Sync + std::fmt::Debug {
    /// Store a whole case. Refuses a case id that exists unless `mode` is [`ImportMode::Replace`].
    async fn import_case(
        &self,
        case: &ValidCase,
        mode: ImportMode,
        actor: &str,
    ) -> Result<ImportReport, StoreError>;

    /// Begin merging records into a case, in one transaction (the case is created, titled
    /// `title` or its id, if it does not exist): each record of each batch is created, updated
    /// (a new version, at the same place) or left alone, by id, as its canonical JSON says.
    /// `dry_run`: everything is counted and nothing written. Instruments have no versions: a new
    /// one is inserted whole, one the case has gets the new notes and keeps everything else.
    async fn begin_merge(
        &self,
        case_id: &str,
        title: Option<&str>,
        dry_run: bool,
        actor: &str,
    ) -> Result<Box<dyn MergeSession>, StoreError>;

    /// Every case, ordered by id.
    async fn list_cases(&self) -> Result<Vec<CaseSummary>, StoreError>;

    /// A whole case, exactly as imported or last written.
    async fn load_case(&self, id: &str) -> Result<Option<ValidCase>, StoreError>;

    /// Delete a case and everything in it. Returns whether it existed.
    async fn delete_case(&self, id: &str, actor: &str) -> Result<bool, StoreError>;

    /// The most recent audit entries (newest first), optionally for one case.
    async fn audit_log(
        &self,
        case_id: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError>;

    // --- Cases as the web sees them -------------------------------------------------------

    /// The few fields every request about a case needs (cheap: no counting).
    async fn case_head(&self, id: &str) -> Result<Option<CaseHead>, StoreError>;

    /// One case's summary (with its `published` flag and version), if it exists.
    async fn case_summary(&self, id: &str) -> Result<Option<CaseSummary>, StoreError>;

    /// Publish (read-only, to everyone) or unpublish a case.
    async fn set_published(&self, id: &str, published: bool, actor: &str)
    -> Result<(), StoreError>;

    /// What a trigger evaluation needs, and no more: instruments, actors, mechanisms, all findings,
    /// the incidents those findings name and the sources of those incidents, the observations,
    /// and the letters with their follow-through (when each mechanism was last asked for, and what
    /// was answered). A case with many thousands of incidents evaluates from this without loading
    /// them all.
    async fn load_case_for_status(&self, id: &str) -> Result<Option<ValidCase>, StoreError>;

    /// What composing the case's letters (or its one letter `only`) needs, and no more: the case
    /// head, instruments, actors, mechanisms, all findings, those letters with their
    /// signatories, the incidents findings name, and of the sources those the loaded incidents
    /// cite or whose id a loaded letter's body contains. A letter of a case with many thousands
    /// of incidents composes from this without loading them all; a body that builds a source id
    /// from pieces does not find it here (compose from [`Store::load_case`] then).
    async fn load_case_for_letters(
        &self,
        id: &str,
        only: Option<&str>,
    ) -> Result<Option<ValidCase>, StoreError>;

    /// Ids and names a form needs to check and suggest references.
    async fn case_refs(&self, id: &str) -> Result<CaseRefs, StoreError>;

    /// Which of `actors` and `sources` the case has (one indexed probe per id asked for), for a
    /// write's reference check.
    async fn known_refs(
        &self,
        case_id: &str,
        actors: &[String],
        sources: &[String],
    ) -> Result<KnownRefs, StoreError>;

    /// Incidents by id, in the order asked for (missing ids are skipped).
    async fn incidents(&self, case_id: &str, ids: &[String]) -> Result<Vec<Incident>, StoreError>;

    /// Sources by id, in the order asked for (missing ids are skipped). Sealed text is opened
    /// with the instance's keys; the caller filters by audience.
    async fn sources(
        &self,
        case_id: &str,
        ids: &[String],
    ) -> Result<Vec<accord_core::Source>, StoreError>;

    /// A page of a case's sources in the order they were recorded: those after the position
    /// `after` (`None`: from the first), at most `limit`, each with its position (give the last
    /// one as `after` for the next page). Empty past the last page and for a case that does not
    /// exist.
    async fn sources_in_order(
        &self,
        case_id: &str,
        after: Option<i64>,
        limit: u32,
    ) -> Result<Vec<(i64, accord_core::Source)>, StoreError>;

    /// A page of the timeline, newest first, with the total count for paging.
    async fn timeline(
        &self,
        case_id: &str,
        filter: &TimelineFilter,
        limit: u32,
        offset: u64,
    ) -> Result<Page<Incident>, StoreError>;

    /// The records of a case that `audience` may not see. This is the one place the store
    /// answers "who may see what", so restricted content can later be kept apart (encrypted)
    /// behind it.
    async fn hidden(&self, case_id: &str, audience: &Audience) -> Result<Hidden, StoreError>;

    /// Findings that name an incident.
    async fn findings_of_incident(
        &self,
        case_id: &str,
        incident_id: &str,
    ) -> Result<Vec<Finding>, StoreError>;

    /// Create or replace one incident (by id). The caller has validated it against `case_refs`.
    async fn save_incident(
        &self,
        case_id: &str,
        incident: &Incident,
        actor: &str,
    ) -> Result<SaveOutcome, StoreError>;

    /// Add a source and create or replace an incident that cites it, in one transaction.
    async fn save_incident_with_source(
        &self,
        case_id: &str,
        source: &Source,
        incident: &Incident,
        actor: &str,
    ) -> Result<SaveOutcome, StoreError>;

    /// Add a source. Refuses an id that exists.
    async fn add_source(
        &self,
        case_id: &str,
        source: &Source,
        actor: &str,
    ) -> Result<(), StoreError>;

    /// Add a finding. Refuses an id that exists.
    async fn add_finding(
        &self,
        case_id: &str,
        finding: &Finding,
        actor: &str,
    ) -> Result<(), StoreError>;

    /// Confirm, retract or return a finding to draft; records the reviewer.
    async fn set_finding_status(
        &self,
        case_id: &str,
        finding_id: &str,
        status: FindingStatus,
        reviewer: &str,
    ) -> Result<(), StoreError>;

    /// A case's implementation observations, in the order they were written (empty for a case
    /// without any, or that does not exist).
    async fn observations(&self, case_id: &str) -> Result<Vec<Observation>, StoreError>;

    /// Add observations after the case's others, in one transaction: an id the case has (or one
    /// repeated in the list) refuses them all (`Exists`). The caller has validated each against
    /// the case.
    async fn add_observations(
        &self,
        case_id: &str,
        observations: &[Observation],
        actor: &str,
    ) -> Result<(), StoreError>;

    /// Confirm, retract or return an observation to draft; records the reviewer.
    async fn set_observation_status(
        &self,
        case_id: &str,
        observation_id: &str,
        status: ObservationStatus,
        reviewer: &str,
    ) -> Result<(), StoreError>;

    /// Every restricted incident of every case, with its confirmed verdicts: the search index
    /// keeps them in memory only and fills that part from here at each start.
    async fn restricted_incidents(
        &self,
    ) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError>;

    /// A case's follow-through records (deliveries, responses, deadlines, follow-ups), in the
    /// order they were written (empty for a case without any, or that does not exist).
    async fn follow_through(
        &self,
        case_id: &str,
    ) -> Result<Vec<accord_core::FollowThrough>, StoreError>;

    /// Add one follow-through record after the case's others, versioned and logged: an id the
    /// case has refuses it (`Exists`). The caller has validated it against the case.
    async fn add_follow_through(
        &self,
        case_id: &str,
        record: &accord_core::FollowThrough,
        actor: &str,
    ) -> Result<(), StoreError>;

    /// Replace one record's languages (its original language and translations), or add them
    /// after the case's others (a record left with neither is no longer kept, its last version
    /// saying so): a new version of the record's languages (`translation` in the
    /// log), and a new version of the case. The caller has checked them against the case
    /// (`accord_core::translation::record_problems`).
    async fn save_translation(
        &self,
        case_id: &str,
        record: &accord_core::RecordLanguages,
        actor: &str,
    ) -> Result<(), StoreError>;

    /// Set the language a case's records are written in (`None`: not said, read as English):
    /// a new version of the case, logged as `case.language`. The caller has checked that no
    /// record without an original of its own has a translation into it.
    async fn set_case_language(
        &self,
        case_id: &str,
        language: Option<&str>,
        actor: &str,
    ) -> Result<(), StoreError>;

    /// The languages of some records of one kind (those that have any), in the order they were
    /// added: what a page of incidents or the search index needs without loading the case.
    async fn record_languages(
        &self,
        case_id: &str,
        kind: accord_core::TextKind,
        ids: &[String],
    ) -> Result<Vec<accord_core::RecordLanguages>, StoreError>;

    /// What the search index reads of a case besides its incidents, by id: the actors and
    /// sources of `ids` that the case has, and every instrument (with its provisions) and
    /// mechanism of the case (a case has few). `None`: no such case. Sealed text is opened with
    /// the instance's keys. A case has about as many sources as incidents, and an imported one
    /// may have many thousands of actors: whole cases are read in pages
    /// ([`Store::actors_page`], [`Store::sources_page`]), never through this.
    async fn search_records(
        &self,
        case_id: &str,
        ids: RecordIds<'_>,
    ) -> Result<Option<SearchRecords>, StoreError>;

    /// One page of a case's actors in id order: those `pick` picks whose id comes after `after`
    /// (`None`: from the first), at most `limit`. The search index reads a case's actors this
    /// way (from the last id of each page to the next), so that its memory does not grow with
    /// the case. Empty past the last page, and for a case that does not exist. Sealed text is
    /// opened with the instance's keys.
    async fn actors_page(
        &self,
        case_id: &str,
        pick: PagePick,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<accord_core::Actor>, StoreError>;

    /// One page of a case's sources in id order, as [`Store::actors_page`] reads actors.
    async fn sources_page(
        &self,
        case_id: &str,
        pick: PagePick,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<accord_core::Source>, StoreError>;

    /// Every incident of every case, in batches, for (re)building the search index.
    async fn all_incidents(
        &self,
        after: Option<(String, String)>,
        limit: u32,
    ) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError>;

    /// The verdicts of the confirmed findings that name each of these incidents.
    async fn verdicts_of(
        &self,
        case_id: &str,
        incident_ids: &[String],
    ) -> Result<Vec<(String, Vec<Verdict>)>, StoreError>;

    // --- Evidence, history and the tamper-evident log ------------------------------------

    /// Add an evidence item (its bytes are already in the blob store) with its custody events.
    /// Refuses an id or a file name the case has (`Exists`), an unknown incident, source or
    /// original (`NotFound`).
    async fn add_evidence(
        &self,
        case_id: &str,
        evidence: &accord_core::Evidence,
        actor: &str,
    ) -> Result<(), StoreError>;

    /// One evidence item with its custody log.
    async fn evidence(
        &self,
        case_id: &str,
        id: &str,
    ) -> Result<Option<accord_core::Evidence>, StoreError>;

    /// The evidence items that document an incident.
    async fn evidence_of_incident(
        &self,
        case_id: &str,
        incident_id: &str,
    ) -> Result<Vec<accord_core::Evidence>, StoreError>;

    /// Append an event to an item's chain of custody (logged, with the item's SHA-256).
    async fn add_custody(
        &self,
        case_id: &str,
        evidence_id: &str,
        event: &accord_core::CustodyEvent,
    ) -> Result<(), StoreError>;

    /// The SHA-256 of every evidence file any record names, in every case.
    async fn referenced_blobs(&self) -> Result<Vec<String>, StoreError>;

    /// Write a consistent copy of the whole database to `path` (a file that does not exist),
    /// while other connections go on reading and writing: the backup's snapshot.
    async fn snapshot_into(&self, path: &std::path::Path) -> Result<(), StoreError>;

    /// Every version of a record, oldest first (empty for a record never written).
    async fn history(
        &self,
        case_id: &str,
        kind: RecordKind,
        id: &str,
    ) -> Result<Vec<RecordVersion>, StoreError>;

    /// The last version of every record of a case, including removed ones.
    async fn latest_versions(
        &self,
        case_id: &str,
    ) -> Result<Vec<(RecordKind, String, RecordVersion)>, StoreError>;

    /// The log's size and Merkle root, from its stored right edge.
    async fn log_head(&self) -> Result<(u64, [u8; 32]), StoreError>;

    /// Log entries from `from` on (at most `limit`), with their stored leaf hashes.
    async fn log_entries(
        &self,
        from: u64,
        limit: u32,
    ) -> Result<Vec<(LogEntry, [u8; 32])>, StoreError>;

    /// The log entries about some records (`kind/id`) of a case, in order.
    async fn log_entries_of(
        &self,
        case_id: &str,
        records: &[String],
    ) -> Result<Vec<LogEntry>, StoreError>;

    /// The incident versions a confirmed finding was confirmed against: (incident, version,
    /// confirmed at), in the finding's order; empty unless it is confirmed.
    async fn finding_confirmation(
        &self,
        case_id: &str,
        finding_id: &str,
    ) -> Result<Vec<(String, u32, String)>, StoreError>;

    /// Whether a finding's author may confirm it in this case.
    async fn self_review(&self, case_id: &str) -> Result<bool, StoreError>;

    /// Allow or forbid self-review in a case (logged).
    async fn set_self_review(
        &self,
        case_id: &str,
        allowed: bool,
        actor: &str,
    ) -> Result<(), StoreError>;

    /// Keep a signed checkpoint (replacing the note of the same size: a co-signature added),
    /// with the tree's right edge at that size when the caller has it.
    async fn add_checkpoint(
        &self,
        size: u64,
        note: &str,
        frontier: Option<&[u8]>,
    ) -> Result<(), StoreError>;

    /// Every checkpoint, by tree size.
    async fn checkpoints(&self) -> Result<Vec<StoredCheckpoint>, StoreError>;

    /// The checkpoint of the largest size.
    async fn latest_checkpoint(&self) -> Result<Option<StoredCheckpoint>, StoreError>;

    /// The log's stored right edge (accord-tlog `Frontier` bytes): its size and root with it.
    async fn log_frontier(&self) -> Result<Vec<u8>, StoreError>;

    // --- Accounts ------------------------------------------------------------------------

    async fn create_user(
        &self,
        email: &str,
        password_hash: &str,
        is_admin: bool,
    ) -> Result<User, StoreError>;
    /// A user and their password hash, for signing in.
    async fn user_by_email(&self, email: &str) -> Result<Option<(User, String)>, StoreError>;
    async fn create_session(&self, session: &NewSession) -> Result<(), StoreError>;
    /// A live session (expired ones are not returned).
    async fn session(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<Option<Session>, StoreError>;
    async fn delete_session(&self, token_sha256: &str) -> Result<(), StoreError>;
    async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        token_sha256: &str,
    ) -> Result<(), StoreError>;
    async fn user_by_api_token(&self, token_sha256: &str) -> Result<Option<User>, StoreError>;
    /// Give a user a role in a case, or (`None`) remove them.
    async fn set_role(
        &self,
        case_id: &str,
        user_id: i64,
        role: Option<CaseRole>,
        actor: &str,
    ) -> Result<(), StoreError>;
    async fn role(&self, case_id: &str, user_id: i64) -> Result<Option<CaseRole>, StoreError>;
    async fn members(&self, case_id: &str) -> Result<Vec<(User, CaseRole)>, StoreError>;
    /// Every case a user is a member of, with the role.
    async fn roles_of_user(&self, user_id: i64) -> Result<Vec<(String, CaseRole)>, StoreError>;

    // The account lifecycle: sessions that end, tokens that can be revoked, accounts that can be
    // disabled or deleted. Every change here is logged (the audit list and the tamper-evident
    // log); a password or a secret never is.

    /// Start a session, noting the address it comes from when known.
    async fn start_session(
        &self,
        session: &NewSession,
        address: Option<&str>,
    ) -> Result<(), StoreError>;
    /// A session that is live: before its absolute expiry, used within the last `idle_secs`, of an
    /// enabled account. Records that it was used (at most once a minute, to spare writes).
    async fn touch_session(
        &self,
        token_sha256: &str,
        now_unix: i64,
        idle_secs: i64,
    ) -> Result<Option<Session>, StoreError>;
    /// A user's live sessions, most recently used first.
    async fn sessions_of(
        &self,
        user_id: i64,
        now_unix: i64,
        idle_secs: i64,
    ) -> Result<Vec<SessionInfo>, StoreError>;
    /// End every session of a user except `keep` (a digest); returns how many ended. Logged.
    async fn end_sessions(
        &self,
        user_id: i64,
        keep: Option<&str>,
        actor: &str,
    ) -> Result<u64, StoreError>;
    /// Delete the sessions that have ended (expired or idle); returns how many.
    async fn purge_sessions(&self, now_unix: i64, idle_secs: i64) -> Result<u64, StoreError>;
    /// Replace a user's password hash and end their sessions except `keep`, in one transaction.
    /// Returns how many sessions ended. Logged (never the hash).
    async fn set_password(
        &self,
        user_id: i64,
        password_hash: &str,
        keep: Option<&str>,
        actor: &str,
    ) -> Result<u64, StoreError>;
    /// Disable (ending every session) or enable an account. `NotFound` for an unknown address.
    async fn set_disabled(
        &self,
        email: &str,
        disabled: bool,
        actor: &str,
    ) -> Result<User, StoreError>;
    /// Delete an account with its sessions, tokens and memberships (what they wrote stays, under
    /// their address). `NotFound` for an unknown address.
    async fn delete_user(&self, email: &str, actor: &str) -> Result<User, StoreError>;
    /// Add an API token. Refuses a name the user's tokens already have (`Exists`).
    async fn add_api_token(
        &self,
        user_id: i64,
        token: &NewApiToken,
        actor: &str,
    ) -> Result<(), StoreError>;
    /// A user's API tokens, by name.
    async fn api_tokens(&self, user_id: i64) -> Result<Vec<ApiTokenInfo>, StoreError>;
    /// Revoke (delete) a user's token of this name; returns whether there was one. Logged.
    async fn revoke_api_token(
        &self,
        user_id: i64,
        name: &str,
        actor: &str,
    ) -> Result<bool, StoreError>;
    /// What a token grants, if it is known, unexpired and its account enabled. Records that it
    /// was used (at most once a minute).
    async fn api_token(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<Option<TokenGrant>, StoreError>;
    /// Set how a user is named to readers outside their cases (see [`attribution`]). Logged.
    async fn set_attribution(
        &self,
        user_id: i64,
        attribution: &Attribution,
        actor: &str,
    ) -> Result<(), StoreError>;
    /// A user's choice of attribution (`NotFound` for an unknown id).
    async fn attribution(&self, user_id: i64) -> Result<Attribution, StoreError>;
    /// Every account, with its attribution and its role in this case if it has one: how records
    /// of the case name their authors to readers who are not members.
    async fn public_authors(&self, case_id: &str) -> Result<Vec<PublicAuthor>, StoreError>;
    /// Log an account event that changes no record: a sign-in, a sign-out, a refused sign-in.
    async fn log_account_event(
        &self,
        actor: &str,
        action: &str,
        detail: &str,
    ) -> Result<(), StoreError>;

    // --- Sign-in limits (shared by every server on the database) ---------------------------

    /// Read the sign-in counts of `keys` (a key without a row reads as the default), let `update`
    /// change them and decide, write them back, and return what it returned: one transaction
    /// that holds the database's write lock (SQLite) or the sign-in limits' lock (PostgreSQL)
    /// from the read to the write, so no other server's update interleaves. Counts left empty
    /// ([`SigninCount::is_empty`]) are deleted; so are rows whose `forget_at_ms` is at or before
    /// `now_ms` and, when more than `max_entries` rows are left, the least recently updated.
    async fn update_signin_limits(
        &self,
        keys: &[SigninKey],
        now_ms: i64,
        max_entries: u64,
        update: SigninUpdate<'_>,
    ) -> Result<Option<u64>, StoreError>;

    /// How many sign-in counts are kept (accounts and addresses together).
    async fn signin_limit_entries(&self) -> Result<u64, StoreError>;

    // --- Elections -------------------------------------------------------------------------

    /// A case's election files, in the case's order, without loading anything else of the case
    /// (empty for a case without elections or that does not exist).
    async fn elections(&self, case_id: &str) -> Result<Vec<ElectionFile>, StoreError>;

    // --- The instance's keys (see `vault_keys` and accord-vault) ----------------------------

    /// The instance's key record, if `accord keys init` ran.
    async fn vault_keys(&self) -> Result<Option<VaultKeys>, StoreError>;

    /// Store the keys `accord keys init` made (logged as `keys.init`). Refuses when the instance
    /// has keys already (`Exists`).
    async fn init_vault_keys(&self, keys: &NewVaultKeys, actor: &str) -> Result<(), StoreError>;

    /// Store a new instance recipient and every data key wrapped to it, in one transaction
    /// (logged as `keys.rotate` or `keys.recover`). Refuses, changing nothing, when the stored
    /// instance recipient is no longer `from_instance_recipient` or the data keys are not exactly
    /// those stored (`Conflict`).
    async fn rewrap_vault_keys(&self, rewrap: &Rewrap, actor: &str) -> Result<(), StoreError>;

    /// Give the store the instance's opened data keys: from then on it seals the text of
    /// restricted records it writes and opens what it reads (see the `sealing` module of the
    /// SQLite store). Set once, at start; a second call is refused (`Conflict`).
    fn use_keys(&self, vault: Arc<accord_vault::Vault>) -> Result<(), StoreError>;

    /// Seal the text of every restricted record (and of its versions) stored in the clear, as
    /// when keys are created after restricted records exist; returns how many rows it sealed.
    /// Refuses without keys (`Sealed`).
    async fn seal_restricted(&self, actor: &str) -> Result<u64, StoreError>;

    // --- Letters and sign-on ------------------------------------------------------------------
    // (owned by the letters work; the types are at the end of this file)

    /// Store a letter's fields (title, date, place, language, coordinator, body, closing, order,
    /// addressees, CC), keeping its signatories; or add a new letter with the signatories it
    /// carries. The caller has validated the case with this letter in place.
    ///
    /// `pin_sha256` is the SHA-256 of the letter's text before this save: signatories who signed
    /// (or were verified) without a recorded hash, as a bundle may list them, are taken to have
    /// signed that text and get it recorded, so that once the text changes they read as having
    /// signed an earlier version.
    async fn save_letter(
        &self,
        case_id: &str,
        letter: &accord_core::Letter,
        pin_sha256: Option<&str>,
        actor: &str,
    ) -> Result<SaveOutcome, StoreError>;

    /// Invite an organisation to sign a letter: a new signatory in state `invited`, numbered
    /// after the others, with its invitation and sign link. Returns its position. Refuses a
    /// name already on the letter (`Exists`).
    async fn invite_signatory(
        &self,
        case_id: &str,
        letter_id: &str,
        invitation: &NewInvitation,
        actor: &str,
    ) -> Result<u32, StoreError>;

    /// A new sign link for a signatory (a lost link, or to sign a changed text again); the
    /// signatory's unused sign links stop working (used, `replaced`).
    async fn renew_sign_link(
        &self,
        case_id: &str,
        letter_id: &str,
        position: u32,
        link: &NewLink,
        actor: &str,
    ) -> Result<(), StoreError>;

    /// What a link opens, whether or not it can still be used (`None`: no such link).
    async fn signon_link(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<Option<SignOnLink>, StoreError>;

    /// Sign through a sign link: the signatory's printed name, representative, URL and the
    /// SHA-256 of the text signed are recorded, the state becomes `signed`, the link is used up
    /// and the withdraw link is stored. A used, expired or unknown link changes nothing and
    /// says why. Refuses a name another signatory of the letter prints (`Exists`), leaving the
    /// link unused.
    async fn sign_letter(
        &self,
        token_sha256: &str,
        signature: &NewSignature,
        now_unix: i64,
    ) -> Result<LinkOutcome, StoreError>;

    /// Sign the letter's version in `lang` through a sign link: as [`Store::sign_letter`], but
    /// the SHA-256 is recorded as the signature on that version (a signature counts for the
    /// language it was given to only), the signature on the original left as it was. A letter
    /// without that version is `NotFound`, and the link stays unused.
    async fn sign_letter_version(
        &self,
        token_sha256: &str,
        lang: &str,
        signature: &NewSignature,
        now_unix: i64,
    ) -> Result<LinkOutcome, StoreError>;

    /// Decline through a sign link (state `declined`; the link is used up).
    async fn decline_letter(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<LinkOutcome, StoreError>;

    /// Withdraw through a withdraw link (state `withdrawn`; the link is used up).
    async fn withdraw_signature(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<LinkOutcome, StoreError>;

    /// The coordinator checked a signature: `signed` becomes `verified`. Returns false, and
    /// changes nothing, for a signatory in any other state.
    async fn verify_signatory(
        &self,
        case_id: &str,
        letter_id: &str,
        position: u32,
        actor: &str,
    ) -> Result<bool, StoreError>;

    /// Every signatory of a letter with its invitation and latest sign link, by position (the
    /// coordinator's list).
    async fn signon_entries(
        &self,
        case_id: &str,
        letter_id: &str,
        now_unix: i64,
    ) -> Result<Vec<SignOnEntry>, StoreError>;
}

/// What every request about a case needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseHead {
    pub id: String,
    pub title: String,
    pub country: Option<String>,
    pub published: bool,
    pub version: i64,
}

/// Result of saving a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveOutcome {
    Created,
    Updated,
}

/// A signed-in person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub is_admin: bool,
    /// A disabled account cannot sign in; its sessions and tokens are refused.
    pub disabled: bool,
}

/// A session to store; only the SHA-256 of the cookie's secret is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub token_sha256: String,
    pub user_id: i64,
    pub csrf: String,
    pub expires_unix: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: User,
    pub csrf: String,
    pub expires_unix: i64,
}

/// One of a user's live sessions, as the account page lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// The digest the session is stored under (to tell the current one; never shown).
    pub token_sha256: String,
    /// When it was started (RFC 3339, UTC).
    pub created_at: String,
    pub last_seen_unix: i64,
    pub expires_unix: i64,
    /// The address it was started from, when known.
    pub address: Option<String>,
}

/// An API token to store: only the SHA-256 of its secret is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiToken {
    /// Unique among the user's tokens: tokens are listed and revoked by name.
    pub name: String,
    pub token_sha256: String,
    /// Unix seconds after which the token is refused (`None`: never).
    pub expires_unix: Option<i64>,
    /// A read-only token may read and never change anything.
    pub read_only: bool,
}

/// One of a user's API tokens (never its secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenInfo {
    pub name: String,
    pub created_at: String,
    pub expires_unix: Option<i64>,
    pub read_only: bool,
    pub last_used_unix: Option<i64>,
}

/// What a valid API token grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenGrant {
    pub user: User,
    pub read_only: bool,
}

/// Timeline filters; every field narrows the result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineFilter {
    pub kinds: Vec<IncidentKind>,
    pub actor: Option<String>,
    pub theme: Option<String>,
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Only incidents behind a confirmed finding with this verdict.
    pub verdict: Option<Verdict>,
    /// Only incidents this reader may see (accord-core's `sensitivity` rule, in SQL).
    pub audience: Audience,
}

/// Which records a reader may see, as the store selects them: the rule of
/// `accord_core::sensitivity::Reader`, for queries that page and count in SQL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Not a member: `public` records only. The default, so a filter built without thinking of
    /// sensitivity shows least.
    #[default]
    Public,
    /// A member who is not an owner, by e-mail address: `public` and `case` records, and the
    /// `restricted` ones that name them.
    Member(String),
    /// An owner, an administrator or the operator: every record.
    Everything,
}

/// The ids of a case's records one audience may not see (see [`Audience`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden {
    pub incidents: std::collections::HashSet<String>,
    pub actors: std::collections::HashSet<String>,
    pub sources: std::collections::HashSet<String>,
    /// Evidence items by id, with their SHA-256 (incidents name their files by hash).
    pub evidence: std::collections::HashMap<String, String>,
}

/// A page of results and the total they were taken from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub total: u64,
    pub items: Vec<T>,
}

/// Which actors and sources [`Store::search_records`] reads, by id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordIds<'a> {
    pub actors: &'a [String],
    pub sources: &'a [String],
}

/// Which actors or sources a page of [`Store::actors_page`] or [`Store::sources_page`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagePick {
    /// Every one: a rebuild of the index.
    All,
    /// The restricted ones: the search index keeps them in memory only, filled at each start.
    Restricted,
}

/// What [`Store::search_records`] reads of a case.
#[derive(Debug, Clone, Default)]
pub struct SearchRecords {
    pub actors: Vec<accord_core::Actor>,
    pub sources: Vec<accord_core::Source>,
    pub instruments: Vec<accord_core::Instrument>,
    pub mechanisms: Vec<accord_core::Mechanism>,
}

/// The ids and labels of a case's records, for checking and suggesting references in forms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseRefs {
    /// (id, name)
    pub actors: Vec<(String, String)>,
    /// (id, title) of the most recently recorded sources, at most [`CaseRefs::RECENT_SOURCES`],
    /// oldest first. A case may have hundreds of thousands of sources: other sources are read
    /// by id ([`Store::sources`]).
    pub recent_sources: Vec<(String, String)>,
    /// How many sources the case has.
    pub source_count: u64,
    /// Canonical citations, in instrument order.
    pub provisions: Vec<String>,
    pub themes: Vec<String>,
    pub incident_count: u64,
}

impl CaseRefs {
    /// How many of the newest sources [`CaseRefs::recent_sources`] holds at most.
    pub const RECENT_SOURCES: u32 = 300;

    pub fn has_actor(&self, id: &str) -> bool {
        self.actors.iter().any(|(a, _)| a == id)
    }
}

/// `found` in the order of `ids` (each id once; ids not found are skipped), for reads by id whose
/// SQL returns rows in another order.
pub(crate) fn in_order<T>(found: Vec<T>, ids: &[String], id: impl Fn(&T) -> &str) -> Vec<T> {
    let mut by_id: std::collections::HashMap<String, T> =
        found.into_iter().map(|t| (id(&t).to_owned(), t)).collect();
    ids.iter().filter_map(|i| by_id.remove(i)).collect()
}

/// The actor and source ids a write names that its case has (`Store::known_refs`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownRefs {
    pub actors: std::collections::HashSet<String>,
    pub sources: std::collections::HashSet<String>,
}

impl KnownRefs {
    pub fn has_actor(&self, id: &str) -> bool {
        self.actors.contains(id)
    }

    pub fn has_source(&self, id: &str) -> bool {
        self.sources.contains(id)
    }
}

/// What to do when an imported case already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Refuse: the case exists, and replacing it could lose work done since.
    New,
    /// Replace the stored case wholesale (in one transaction).
    Replace,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub case_id: String,
    pub replaced: bool,
    pub records: usize,
}

/// A line in the list of cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    pub id: String,
    /// Bumped by every write to the case; caches of derived state compare it.
    pub version: i64,
    pub title: String,
    pub country: Option<String>,
    pub published: bool,
    pub incidents: u64,
    /// Every finding, drafts and retracted ones included (for members of the case).
    pub findings: u64,
    /// Confirmed findings only (what readers outside the case may count).
    pub confirmed_findings: u64,
    pub updated_at: String,
}

/// One audit-log entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub case_id: Option<String>,
    pub action: String,
    pub detail: String,
}

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("case {0:?} already exists (use --replace to replace it)")]
    CaseExists(String),
    #[error("unsupported database URL {url:?}: {reason}")]
    UnsupportedUrl { url: String, reason: String },
    #[error("database {path:?} does not exist (pass --create or run `accord import` to create it)")]
    Missing { path: String },
    #[error("stored data for case {case:?} is inconsistent: {detail}")]
    Corrupt { case: String, detail: String },
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("no case {0:?}")]
    NoCase(String),
    #[error("{what} {id:?} already exists")]
    Exists { what: &'static str, id: String },
    #[error("no {what} {id:?}")]
    NotFound { what: &'static str, id: String },
    #[error("replacing case {case:?} would lose sign-on records that its new letters no longer match (keep these signatories at the same place in the same letters, or export the case first to keep them): {}", .lost.join("; "))]
    ReplaceWouldLose { case: String, lost: Vec<String> },
    /// A database that cannot be used: unreachable, credentials refused, another application's,
    /// or a schema newer than this binary. Nothing was written to it.
    #[error("cannot use the database {url} (set by --db or ACCORD_DB): {reason}")]
    Unusable { url: String, reason: String },
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// Something changed under a write that checked it first; nothing was written.
    #[error("{0}")]
    Conflict(String),
    #[error("{path}: {reason}")]
    BadPath { path: String, reason: String },
    /// A restricted record's sealed text could not be sealed or opened (no keys, wrong keys, or
    /// a damaged value).
    #[error("{what} {id:?}: {reason}")]
    Sealed {
        what: &'static str,
        id: String,
        reason: String,
    },
}

/// Whether opening a database may create it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Create {
    IfMissing,
    MustExist,
}

/// Open the store a URL names, applying migrations.
///
/// `accord.db`, `./path/x.db` and `sqlite://path` are SQLite files; `postgres://` and
/// `postgresql://` name a PostgreSQL database (which must exist; its tables are created by the
/// migrations, so `create` does not apply); any other scheme is refused rather than creating an
/// empty database somewhere unexpected.
pub async fn open(url: &str, create: Create) -> Result<Arc<dyn Store>, StoreError> {
    match url.split_once("://") {
        None => Ok(Arc::new(SqliteStore::open(url, create).await?)),
        Some(("sqlite", path)) => Ok(Arc::new(SqliteStore::open(path, create).await?)),
        Some(("postgres" | "postgresql", _)) => Ok(Arc::new(PgStore::open(url).await?)),
        Some((scheme, _)) => Err(StoreError::UnsupportedUrl {
            url: url.to_owned(),
            reason: format!(
                "unknown scheme {scheme:?} (expected a file path, sqlite:// or postgres://)"
            ),
        }),
    }
}

// --- Letters and sign-on: types -------------------------------------------------------------
// (owned by the letters work)

/// A sign or withdraw link to store: only the SHA-256 of its secret token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLink {
    pub token_sha256: String,
    /// Unix seconds after which the link no longer works.
    pub expires_unix: i64,
}

/// An organisation invited to sign a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvitation {
    /// The organisation's name, as the coordinator knows it.
    pub organisation: String,
    pub country: Option<String>,
    /// How to reach them (never exported or published).
    pub contact: String,
    pub link: NewLink,
}

/// A signature given through a sign link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSignature {
    pub representative: String,
    /// The organisation's name as it is to be printed.
    pub organisation: String,
    pub url: Option<String>,
    /// SHA-256 of the exact text signed.
    pub text_sha256: String,
    /// SHA-256 of the withdraw link's token, shown once to the signatory.
    pub withdraw_token_sha256: String,
}

/// What a link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkPurpose {
    /// Sign or decline.
    Sign,
    /// Withdraw a signature.
    Withdraw,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Sign => "sign",
            LinkPurpose::Withdraw => "withdraw",
        }
    }
}

/// What using a link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkUse {
    Signed,
    Declined,
    Withdrawn,
    /// A newer sign link was made for the same signatory.
    Replaced,
}

impl LinkUse {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkUse::Signed => "signed",
            LinkUse::Declined => "declined",
            LinkUse::Withdrawn => "withdrawn",
            LinkUse::Replaced => "replaced",
        }
    }
}

/// Whether a link can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStatus {
    /// Unused and unexpired (`None`: never expires).
    Open {
        expires_unix: Option<i64>,
    },
    Expired {
        expired_unix: i64,
    },
    Used {
        at_unix: i64,
        outcome: LinkUse,
    },
}

/// A link and what it opens.
#[derive(Debug, Clone, PartialEq)]
pub struct SignOnLink {
    pub case_id: String,
    pub letter_id: String,
    /// The signatory's position in the letter's list.
    pub position: u32,
    pub purpose: LinkPurpose,
    pub status: LinkStatus,
    pub signatory: accord_core::Signatory,
}

/// The answer to using a link.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkOutcome {
    /// Done: the signatory as it now stands.
    Done(accord_core::Signatory),
    /// The link was used already; nothing changed.
    Used { at_unix: i64, outcome: LinkUse },
    /// The link expired; nothing changed.
    Expired { expired_unix: i64 },
    /// A sign link used to withdraw, or the reverse; nothing changed.
    WrongPurpose { purpose: LinkPurpose },
    /// No such link.
    NotFound,
}

/// The sign-on record of a signatory who was invited through Accord.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRecord {
    pub invited_name: String,
    pub contact: String,
    pub invited_by: String,
    pub invited_at: String,
    pub signed_at: Option<String>,
    pub verified_at: Option<String>,
    pub verified_by: Option<String>,
}

/// One line of the coordinator's list of signatories.
#[derive(Debug, Clone, PartialEq)]
pub struct SignOnEntry {
    pub position: u32,
    pub signatory: accord_core::Signatory,
    /// `None` for a signatory that came with an imported bundle.
    pub invitation: Option<InvitationRecord>,
    /// The latest sign link, if any was made.
    pub sign_link: Option<LinkStatus>,
}

// --- Merging rows into a case (table imports) -------------------------------------------------

/// Records to merge into a case: a table import sends them in batches.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordBatch {
    pub actors: Vec<accord_core::Actor>,
    pub sources: Vec<Source>,
    pub incidents: Vec<Incident>,
    pub instruments: Vec<accord_core::Instrument>,
}

/// How many records of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts {
    pub incidents: u64,
    pub actors: u64,
    pub sources: u64,
    pub instruments: u64,
}

impl KindCounts {
    /// Count one more record of a kind (`incidents`, `actors`, `sources`, `instruments`).
    pub fn add(&mut self, kind: &str) {
        match kind {
            "incidents" => self.incidents += 1,
            "actors" => self.actors += 1,
            "sources" => self.sources += 1,
            _ => self.instruments += 1,
        }
    }

    pub fn total(&self) -> u64 {
        self.incidents + self.actors + self.sources + self.instruments
    }
}

/// What a merge did (or, dry, would do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeCounts {
    pub created: KindCounts,
    pub updated: KindCounts,
    pub unchanged: u64,
}

/// A merge in progress: one transaction. Dropped without [`MergeSession::finish`], it writes
/// nothing.
#[async_trait]
pub trait MergeSession: Send + std::fmt::Debug {
    /// Merge a batch; its incidents' actors and sources are in it or in the case.
    async fn merge(&mut self, batch: &RecordBatch) -> Result<(), StoreError>;
    /// The counts so far.
    fn counts(&self) -> MergeCounts;
    /// Commit everything merged (a dry run rolls back), with `detail` in the audit list.
    async fn finish(self: Box<Self>, detail: &str) -> Result<MergeCounts, StoreError>;
    /// Write nothing (what dropping the session does, but also giving its connection back as
    /// it found it).
    async fn abandon(self: Box<Self>) -> Result<(), StoreError>;
}
