//! Trigger evaluation: which mechanisms a case's confirmed findings have set in motion.
//!
//! This is the heart of the advocacy argument ("your obligation under Art. 29 has been triggered"),
//! so it is a pure function of the case that anyone can re-run: a mechanism is triggered when at
//! least one confirmed finding whose verdict it counts concerns a provision in its scope, since the
//! earliest day of the earliest incident behind such a finding. Drafts and retracted findings never
//! count. Each provision's status also carries its latest confirmed implementation observation
//! (`crate::observation`), and [`as_of`] gives the case as it stood on any day.

use std::collections::HashSet;

use crate::date::Day;
use crate::model::{Actor, Finding, FindingStatus, Incident, Mechanism, Provision, Verdict};
use crate::names::Named;
use crate::observation::Observation;
use crate::validate::ValidCase;

/// The state of every mechanism and provision of a case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseStatus<'a> {
    pub mechanisms: Vec<MechanismStatus<'a>>,
    pub provisions: Vec<ProvisionStatus<'a>>,
}

/// Whether one mechanism is triggered, since when, by what, and who must act.
#[derive(Debug, Clone, PartialEq)]
pub struct MechanismStatus<'a> {
    pub mechanism: &'a Mechanism,
    pub triggered: bool,
    /// The earliest day of the earliest qualifying incident.
    pub since: Option<Day>,
    /// The incident that sets `since`.
    pub since_incident: Option<&'a Incident>,
    /// The qualifying findings, ordered by the date of their earliest incident, then by id.
    pub findings: Vec<&'a Finding>,
    pub requested_by: Vec<&'a Actor>,
    pub responsible: Vec<&'a Actor>,
    /// Groups are listed by their members.
    pub consult: Vec<&'a Actor>,
}

/// How a provision stands, from the confirmed findings on it and on its sub-divisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProvisionState {
    Violated,
    Threatened,
    Concern,
    None,
}

impl Named for ProvisionState {
    const WHAT: &'static str = "provision state";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Violated, "violated"),
        (Self::Threatened, "threatened"),
        (Self::Concern, "concern"),
        (Self::None, "none"),
    ];
}

impl From<Verdict> for ProvisionState {
    fn from(v: Verdict) -> Self {
        match v {
            Verdict::Violation => ProvisionState::Violated,
            Verdict::ThreatOfViolation => ProvisionState::Threatened,
            Verdict::Concern => ProvisionState::Concern,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProvisionStatus<'a> {
    pub provision: &'a Provision,
    pub state: ProvisionState,
    /// Confirmed findings on the provision or its sub-divisions, ordered like a mechanism's.
    pub findings: Vec<&'a Finding>,
    /// The latest confirmed observation of its implementation (of this provision itself: a
    /// sub-division's implementation is not the whole's).
    pub observation: Option<&'a Observation>,
}

/// Evaluate every mechanism and provision of a valid case.
pub fn evaluate(case: &ValidCase) -> CaseStatus<'_> {
    let confirmed: Vec<&Finding> = {
        let mut v: Vec<&Finding> = case
            .findings
            .iter()
            .filter(|f| f.status == FindingStatus::Confirmed)
            .collect();
        v.sort_by_cached_key(|f| (finding_day(case, f), f.id.as_str()));
        v
    };

    let mechanisms = case
        .mechanisms
        .iter()
        .map(|m| mechanism_status(case, m, &confirmed))
        .collect();

    let provisions = case
        .provisions()
        .map(|p| {
            let findings: Vec<&Finding> = confirmed
                .iter()
                .copied()
                .filter(|f| p.citation.covers(&f.provision))
                .collect();
            let state = findings
                .iter()
                .map(|f| ProvisionState::from(f.verdict))
                .min()
                .unwrap_or(ProvisionState::None);
            ProvisionStatus {
                provision: p,
                state,
                findings,
                observation: crate::observation::latest_confirmed(&case.observations, &p.citation),
            }
        })
        .collect();

    CaseStatus {
        mechanisms,
        provisions,
    }
}

fn mechanism_status<'a>(
    case: &'a ValidCase,
    m: &'a Mechanism,
    confirmed: &[&'a Finding],
) -> MechanismStatus<'a> {
    let findings: Vec<&Finding> = confirmed
        .iter()
        .copied()
        .filter(|f| m.counts.contains(&f.verdict) && m.in_scope(&f.provision))
        .collect();
    let since_incident = findings
        .iter()
        .flat_map(|f| f.incidents.iter().filter_map(|id| case.incident(id)))
        .min_by_key(|i| (i.date.earliest(), i.id.as_str()));
    MechanismStatus {
        mechanism: m,
        triggered: !findings.is_empty(),
        since: since_incident.map(|i| i.date.earliest()),
        since_incident,
        findings,
        requested_by: actors(case, &m.requested_by),
        responsible: actors(case, &m.responsible),
        consult: actors(case, &m.consult),
    }
}

/// The case as it stood on `day`: only the incidents that may have happened by then (an incident
/// counts from the first day it may have happened), and the findings on them, each naming only
/// those incidents; and only the observations dated on or before that day (an observation counts
/// from the last day it describes: a code for 2017 says where things stood at the end of 2017);
/// the letters written by then, with the deliveries and responses dated on or before it.
/// Evaluating this case gives the status "as of" that day.
pub fn as_of(case: &ValidCase, day: Day) -> ValidCase {
    let mut c = case.case().clone();
    c.observations.retain(|o| o.date.last_day() <= day);
    // Letters not yet written asked for nothing, and nothing had happened after them.
    c.letters.retain(|l| l.date <= day);
    crate::follow_through::as_of(&mut c.follow_through, &c.letters, day);
    c.incidents.retain(|i| i.date.earliest() <= day);
    let kept: HashSet<&str> = c.incidents.iter().map(|i| i.id.as_str()).collect();
    let mut findings = Vec::with_capacity(c.findings.len());
    for mut f in std::mem::take(&mut c.findings) {
        f.incidents.retain(|id| kept.contains(id.as_str()));
        if !f.incidents.is_empty() {
            findings.push(f);
        }
    }
    c.findings = findings;
    for e in &mut c.evidence {
        if e.incident.as_deref().is_some_and(|i| !kept.contains(i)) {
            e.incident = None;
        }
    }
    // Removing records never breaks a reference that remains; were it to, the full case is the
    // safer answer than a panic.
    crate::validate::validate(c).unwrap_or_else(|_| case.clone())
}

/// The earliest day of a finding's incidents (findings sort by when things happened).
pub fn finding_day(case: &ValidCase, f: &Finding) -> Option<Day> {
    f.incidents
        .iter()
        .filter_map(|id| case.incident(id))
        .map(|i| i.date.earliest())
        .min()
}

/// Resolve actor ids, listing a group by its members (recursively, each actor once).
fn actors<'a>(case: &'a ValidCase, ids: &[String]) -> Vec<&'a Actor> {
    fn walk<'a>(
        case: &'a ValidCase,
        id: &str,
        seen: &mut HashSet<&'a str>,
        out: &mut Vec<&'a Actor>,
    ) {
        let Some(a) = case.actor(id) else { return };
        if !seen.insert(a.id.as_str()) {
            return;
        }
        if a.members.is_empty() {
            out.push(a);
        } else {
            for m in &a.members {
                walk(case, m, seen, out);
            }
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for id in ids {
        walk(case, id, &mut seen, &mut out);
    }
    out
}
