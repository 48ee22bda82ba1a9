//! JSON shapes that other tools rely on (docs/contracts.md), built by hand from domain values.
//!
//! Keeping them here, apart from the domain types, means a change to the core never silently
//! changes a public contract: the conversion below would stop compiling instead.

use accord_core::{CaseStatus, Named};
use serde::Serialize;
use utoipa::ToSchema;

/// The trigger status of a case (docs/contracts.md): `accord case status CASE --json` and
/// `GET /api/v1/cases/{id}/status`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = CaseStatus)]
pub struct CaseStatusView {
    /// The case id.
    pub case: String,
    /// `YYYY-MM-DD`: present when the status was computed as of that day (`--as-of`,
    /// `?as_of=`), from the incidents that may have happened by then and the findings on them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    pub mechanisms: Vec<MechanismView>,
    pub provisions: Vec<ProvisionView>,
}

/// One mechanism: triggered or not, since when, and the findings that justify it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = MechanismStatus)]
pub struct MechanismView {
    pub id: String,
    pub citation: String,
    pub name: String,
    pub triggered: bool,
    /// `YYYY-MM-DD`: the earliest day of the earliest qualifying incident.
    pub since: Option<String>,
    /// How precisely the incident behind `since` is dated (`day`, `month`, `range`, ...).
    pub since_precision: Option<String>,
    /// The id of the incident behind `since`.
    pub since_incident: Option<String>,
    /// Ids of the confirmed findings that trigger it, by date.
    pub findings: Vec<String>,
    /// Names of the actors (groups listed by their members).
    pub requested_by: Vec<String>,
    pub responsible: Vec<String>,
    pub consult: Vec<String>,
    pub action: String,
}

/// One provision's state.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ProvisionStatus)]
pub struct ProvisionView {
    pub citation: String,
    /// `violated`, `threatened`, `concern` or `none`.
    pub status: String,
    /// Ids of the confirmed findings about it or its sub-divisions.
    pub findings: Vec<String>,
    /// The latest confirmed observation of its implementation (of this provision itself), or
    /// null; as of `as_of` when the status is.
    pub observation: Option<ObservationSummary>,
}

/// An implementation observation, as a provision's status shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ObservationSummary {
    /// The observation's id.
    pub id: String,
    /// The date it describes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// On the Peace Accords Matrix scale: 0 (not implemented), 1 (minimal), 2 (intermediate), 3
    /// (full implementation).
    pub score: u8,
    /// `not implemented`, `minimal`, `intermediate` or `full`.
    pub score_label: String,
}

impl ObservationSummary {
    pub fn new(o: &accord_core::Observation) -> ObservationSummary {
        ObservationSummary {
            id: o.id.clone(),
            date: o.date.to_string(),
            score: o.score.value(),
            score_label: o.score.label().to_owned(),
        }
    }
}

impl CaseStatusView {
    pub fn new(case_id: &str, status: &CaseStatus<'_>) -> CaseStatusView {
        let names =
            |actors: &[&accord_core::Actor]| actors.iter().map(|a| a.name.clone()).collect();
        CaseStatusView {
            case: case_id.to_owned(),
            as_of: None,
            mechanisms: status
                .mechanisms
                .iter()
                .map(|m| MechanismView {
                    id: m.mechanism.id.clone(),
                    citation: m.mechanism.provision.to_string(),
                    name: m.mechanism.name.clone(),
                    triggered: m.triggered,
                    since: m.since.map(|d| d.to_string()),
                    since_precision: m.since_incident.map(|i| i.date.precision().to_owned()),
                    since_incident: m.since_incident.map(|i| i.id.clone()),
                    findings: m.findings.iter().map(|f| f.id.clone()).collect(),
                    requested_by: names(&m.requested_by),
                    responsible: names(&m.responsible),
                    consult: names(&m.consult),
                    action: m.mechanism.action.clone(),
                })
                .collect(),
            provisions: status
                .provisions
                .iter()
                .map(|p| ProvisionView {
                    citation: p.provision.citation.to_string(),
                    status: p.state.as_str().to_owned(),
                    findings: p.findings.iter().map(|f| f.id.clone()).collect(),
                    observation: p.observation.map(ObservationSummary::new),
                })
                .collect(),
        }
    }

    /// The same status, marked as computed as of `day` (see [`accord_core::as_of`]).
    #[must_use]
    pub fn as_of(mut self, day: accord_core::Day) -> CaseStatusView {
        self.as_of = Some(day.to_string());
        self
    }
}
