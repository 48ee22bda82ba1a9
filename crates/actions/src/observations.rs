//! Implementation observations: record one, record many (a Peace Accords Matrix import, all or
//! none), review them.
//!
//! Every new observation is a draft, whoever records it and whatever status its input carries:
//! like a finding, it becomes a provision's status only once someone else confirmed it (unless
//! the case's owner allows self-review). The checks are the core's (`accord_core::observation`),
//! run against the case as stored and today's date. A whole bundle is not compared with today
//! (an invented example may be set in 2030, as `docs/examples/minimal-case` is): what a bundle
//! says is checked by `accord_core::bundle`, what is written one observation at a time here.

use accord_core::observation::observation_problems;
use accord_core::{Day, Observation, ObservationStatus};
use accord_store::RecordKind;

use crate::{ActionError, Actions, invalid};

/// One refused field of one observation of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObservationProblem {
    /// The observation's position in the batch.
    pub index: usize,
    /// `provision`, `date`, `score`, `sources[1]`, `id`, ...
    pub field: String,
    pub message: String,
}

/// Today (UTC): no observation may describe a later date.
pub fn today() -> Day {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Day::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0)).unwrap_or(Day::EPOCH)
}

impl Actions {
    /// Every problem `observations` would meet if recorded now in `case`, by position: their
    /// provision, sources and date against the case as stored and today, and ids taken (by the
    /// case or earlier in the batch). Empty when all may be recorded. Writes nothing: this is what
    /// an import's `--dry-run` reports.
    pub async fn check_observations(
        &self,
        case: &str,
        observations: &[Observation],
    ) -> Result<Vec<ObservationProblem>, ActionError> {
        let cited: Vec<String> = observations
            .iter()
            .flat_map(|o| o.sources.iter().cloned())
            .collect();
        let stored = self.case_citing(case, &cited).await?;
        let today = self.today.unwrap_or_else(today);
        let mut out = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for (index, o) in observations.iter().enumerate() {
            for p in observation_problems(&stored, o, today) {
                out.push(ObservationProblem {
                    index,
                    field: p.field,
                    message: p.message,
                });
            }
            if stored.observation(&o.id).is_some() || !ids.insert(o.id.as_str()) {
                out.push(ObservationProblem {
                    index,
                    field: "id".into(),
                    message: format!("observation {:?} already exists", o.id),
                });
            }
        }
        Ok(out)
    }

    /// Record one observation, as a draft. A refusal names the field (`date`, `score`, ...).
    pub async fn add_observation(
        &self,
        case: &str,
        observation: Observation,
        by: &str,
    ) -> Result<Observation, ActionError> {
        let mut added = self.add_observations(case, vec![observation], by).await;
        if let Err(ActionError::Invalid { field, .. }) = &mut added
            && let Some(rest) = field.strip_prefix("observations[0].")
        {
            *field = rest.to_owned();
        }
        added.map(|mut v| v.remove(0))
    }

    /// Record observations, as drafts, all or none: one problem refuses them all (the error
    /// names `observations[i].field`; [`Actions::check_observations`] lists every problem).
    pub async fn add_observations(
        &self,
        case: &str,
        observations: Vec<Observation>,
        by: &str,
    ) -> Result<Vec<Observation>, ActionError> {
        if observations.is_empty() {
            return Err(invalid("observations", "nothing to record"));
        }
        let observations: Vec<Observation> = observations
            .into_iter()
            .map(|o| Observation {
                status: ObservationStatus::Draft,
                reviewed_by: None,
                ..o
            })
            .collect();
        if let Some(p) = self
            .check_observations(case, &observations)
            .await?
            .into_iter()
            .next()
        {
            // An id taken is a conflict, not a malformed field.
            if p.field == "id" && p.message.ends_with("already exists") {
                return Err(ActionError::Exists {
                    what: "observation",
                    id: observations[p.index].id.clone(),
                });
            }
            return Err(invalid(
                &format!("observations[{}].{}", p.index, p.field),
                p.message,
            ));
        }
        self.store.add_observations(case, &observations, by).await?;
        Ok(observations)
    }

    /// Confirm, retract or return an observation to draft. Nobody confirms an observation they
    /// coded or recorded, unless the case's owner allowed self-review (the rule findings follow).
    pub async fn set_observation_status(
        &self,
        case: &str,
        id: &str,
        status: ObservationStatus,
        by: &str,
    ) -> Result<(), ActionError> {
        let observation = self
            .store
            .observations(case)
            .await?
            .into_iter()
            .find(|o| o.id == id)
            .ok_or_else(|| ActionError::NotFound {
                what: "observation",
                id: id.to_owned(),
            })?;
        if status == ObservationStatus::Confirmed {
            let recorded_by = self
                .store
                .history(case, RecordKind::Observation, id)
                .await?
                .into_iter()
                .next()
                .map(|v| v.actor);
            let own =
                observation.coded_by.as_deref() == Some(by) || recorded_by.as_deref() == Some(by);
            if own && !self.store.self_review(case).await? {
                return Err(ActionError::Forbidden(
                    "an observation's coder cannot confirm it; another reviewer must (or the case's owner allows self-review)".into(),
                ));
            }
        }
        Ok(self
            .store
            .set_observation_status(case, id, status, by)
            .await?)
    }
}
