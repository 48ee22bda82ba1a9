//! Single records on PostgreSQL: incidents, sources, findings, the timeline and what readers may see.
//!
//! Not written yet: each function says so (a clear error), so the crate compiles while it is.

use accord_core::{Finding, FindingStatus, Incident, Source, Verdict};

use super::{PgStore, not_yet};
use crate::{Audience, Hidden, Page, SaveOutcome, StoreError, TimelineFilter};

pub(crate) async fn incidents(
    _store: &PgStore,
    _case_id: &str,
    _ids: &[String],
) -> Result<Vec<Incident>, StoreError> {
    Err(not_yet("incidents"))
}

pub(crate) async fn timeline(
    _store: &PgStore,
    _case_id: &str,
    _filter: &TimelineFilter,
    _limit: u32,
    _offset: u64,
) -> Result<Page<Incident>, StoreError> {
    Err(not_yet("timeline"))
}

pub(crate) async fn hidden(
    _store: &PgStore,
    _case_id: &str,
    _audience: &Audience,
) -> Result<Hidden, StoreError> {
    Err(not_yet("hidden"))
}

pub(crate) async fn findings_of_incident(
    _store: &PgStore,
    _case_id: &str,
    _incident_id: &str,
) -> Result<Vec<Finding>, StoreError> {
    Err(not_yet("findings_of_incident"))
}

pub(crate) async fn save_incident(
    _store: &PgStore,
    _case_id: &str,
    _incident: &Incident,
    _actor: &str,
) -> Result<SaveOutcome, StoreError> {
    Err(not_yet("save_incident"))
}

pub(crate) async fn save_incident_with_source(
    _store: &PgStore,
    _case_id: &str,
    _source: &Source,
    _incident: &Incident,
    _actor: &str,
) -> Result<SaveOutcome, StoreError> {
    Err(not_yet("save_incident_with_source"))
}

pub(crate) async fn add_source(
    _store: &PgStore,
    _case_id: &str,
    _source: &Source,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("add_source"))
}

pub(crate) async fn add_finding(
    _store: &PgStore,
    _case_id: &str,
    _finding: &Finding,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("add_finding"))
}

pub(crate) async fn set_finding_status(
    _store: &PgStore,
    _case_id: &str,
    _finding_id: &str,
    _status: FindingStatus,
    _reviewer: &str,
) -> Result<(), StoreError> {
    Err(not_yet("set_finding_status"))
}

pub(crate) async fn restricted_incidents(
    _store: &PgStore,
) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError> {
    Err(not_yet("restricted_incidents"))
}

pub(crate) async fn all_incidents(
    _store: &PgStore,
    _after: Option<(String, String)>,
    _limit: u32,
) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError> {
    Err(not_yet("all_incidents"))
}

pub(crate) async fn verdicts_of(
    _store: &PgStore,
    _case_id: &str,
    _incident_ids: &[String],
) -> Result<Vec<(String, Vec<Verdict>)>, StoreError> {
    Err(not_yet("verdicts_of"))
}

pub(crate) async fn finding_confirmation(
    _store: &PgStore,
    _case_id: &str,
    _finding_id: &str,
) -> Result<Vec<(String, u32, String)>, StoreError> {
    Err(not_yet("finding_confirmation"))
}
