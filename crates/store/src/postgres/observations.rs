//! Implementation observations on PostgreSQL (mirrors `sqlite/observations.rs`).
//!
//! Not written yet: each function says so (a clear error), so the crate compiles while it is.

use accord_core::{Observation, ObservationStatus};

use super::{PgStore, not_yet};
use crate::StoreError;

pub(crate) async fn observations(
    _store: &PgStore,
    _case_id: &str,
) -> Result<Vec<Observation>, StoreError> {
    Err(not_yet("observations"))
}

pub(crate) async fn add_observations(
    _store: &PgStore,
    _case_id: &str,
    _observations: &[Observation],
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("add_observations"))
}

pub(crate) async fn set_observation_status(
    _store: &PgStore,
    _case_id: &str,
    _observation_id: &str,
    _status: ObservationStatus,
    _reviewer: &str,
) -> Result<(), StoreError> {
    Err(not_yet("set_observation_status"))
}
