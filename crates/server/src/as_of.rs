//! "As of" a day: the status of a case as it stood then, for the dashboard, the provision pages
//! and the API (`?as_of=YYYY-MM-DD`).
//!
//! The case as of a day is [`accord_core::as_of`] of the cached status case: only the incidents
//! that may have happened by then count (an incident counts from the first day it may have
//! happened), with the findings on them. It is computed on each request and never cached: the
//! per-version cache keeps what every reader of the current case shares, and a cache keyed by
//! every day someone asks about would grow without bound for little gain (the computation is a
//! filter over the findings' incidents, not a database read).

use std::ops::Deref;
use std::sync::Arc;

use accord_core::{Day, ValidCase};
use accord_store::CaseHead;

use crate::case_cache::{Snapshot, snapshot};
use crate::forms::Fields;
use crate::{AppError, AppState};

/// The name of the query parameter, and of the field a refusal names.
pub(crate) const FIELD: &str = "as_of";

/// The day asked for in a query string (`as_of=YYYY-MM-DD`), if any. A blank value (the form
/// submitted empty) means today's status; anything else that is not a calendar day is refused
/// naming the field.
pub(crate) fn from_query(query: Option<&str>) -> Result<Option<Day>, AppError> {
    Fields::from_query(query)
        .get(FIELD)
        .map(|v| Day::parse(v).map_err(|e| AppError::invalid(FIELD, e.to_string())))
        .transpose()
}

/// A case's status inputs: the cached current ones, or those as of a day.
#[derive(Debug)]
pub(crate) enum CaseAt {
    Now(Arc<Snapshot>),
    AsOf(Arc<Snapshot>, Box<ValidCase>),
}

impl CaseAt {
    /// The case as of `day` (`None`: as it stands).
    pub(crate) async fn load(
        state: &AppState,
        head: &CaseHead,
        day: Option<Day>,
    ) -> Result<CaseAt, AppError> {
        let snap = snapshot(state, head).await?;
        Ok(match day {
            None => CaseAt::Now(snap),
            Some(day) => {
                let case = accord_core::as_of(&snap.case, day);
                CaseAt::AsOf(snap, Box::new(case))
            }
        })
    }

    /// The cached snapshot of the case's current version.
    pub(crate) fn snapshot(&self) -> &Arc<Snapshot> {
        match self {
            CaseAt::Now(s) | CaseAt::AsOf(s, _) => s,
        }
    }
}

impl Deref for CaseAt {
    type Target = ValidCase;
    fn deref(&self) -> &ValidCase {
        match self {
            CaseAt::Now(s) => &s.case,
            CaseAt::AsOf(_, case) => case,
        }
    }
}
