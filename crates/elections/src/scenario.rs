//! Dissolution scenarios: what happens to a party's seats when it is dissolved, under a rule
//! that can be computed (`rerun`, `minor-parties`) or as an authority recorded it (`recorded`),
//! so that the computed rules can be set beside what happened.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::allocation::{
    AllocateError, SeatTable, TieReport, compute_seats, constituency_map, national_seats,
    party_order, seat_error, seat_map, tie_report,
};
use crate::election::Election;
use crate::indices::{Indices, indices, shares};
use crate::method::{Divisor, Method};
use crate::party_map::PartyMap;
pub use crate::scenario_refusal::{Place, ScenarioError};
use crate::seats::{TieBreaker, divisor_fill};

/// How the dissolved party's seats are given out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DissolveRule {
    /// Each constituency re-allocated by the election's method as if the party had not stood
    /// (its votes removed, thresholds recomputed).
    Rerun,
    /// Only to parties that won no seat, by highest average (D'Hondt unless `method` is given)
    /// on their votes; seats declined by a party pass on, by the same highest average counted
    /// from the seats they already hold, to the parties already seated.
    MinorParties {
        scope: Scope,
        declined: Vec<String>,
        method: Option<Method>,
    },
    /// As the election file records an authority decided it.
    Recorded,
}

impl DissolveRule {
    pub fn name(&self) -> &'static str {
        match self {
            DissolveRule::Rerun => "rerun",
            DissolveRule::MinorParties { .. } => "minor-parties",
            DissolveRule::Recorded => "recorded",
        }
    }
}

/// Where the "parties that won no seat" are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Nationally: national seats and national votes.
    National,
    /// In each constituency: the party's seats there go to parties without a seat there.
    Constituency,
}

/// Which seats the scenario starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The official seats recorded in the file (`recorded_seats` of every constituency).
    Recorded,
    /// The seats the election's method gives.
    Computed,
}

/// A scenario's before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    pub name: String,
    pub party: String,
    pub rule: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub scope: Option<String>,
    /// `recorded` or `computed`: where the "before" seats come from.
    pub basis: String,
    pub house_size: u64,
    /// One row per party, most votes first.
    pub parties: Vec<ScenarioRow>,
    pub totals_before: PartyMap<u64>,
    pub totals_after: PartyMap<u64>,
    /// Per constituency, when the rule works per constituency.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub constituencies: Option<Vec<ConstituencyChange>>,
    /// The rule's stages (an award, declined seats passed on), each with the seats it moved.
    pub steps: Vec<Step>,
    pub indices_before: Indices,
    pub indices_after: Indices,
    pub ties: Vec<TieReport>,
    /// What a reader must know about the result; in JSON each is its English sentence.
    pub notes: Vec<ScenarioNote>,
}

/// A party before and after (shares in percent; differences in percentage points).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioRow {
    pub party: String,
    pub votes: u64,
    pub vote_share: f64,
    pub seats_before: u64,
    pub seats_after: u64,
    pub change: i64,
    pub seat_share_before: f64,
    pub seat_share_after: f64,
    /// Seat share minus vote share, before.
    pub difference_before: f64,
    /// Seat share minus vote share, after.
    pub difference_after: f64,
}

/// One constituency before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConstituencyChange {
    pub name: String,
    pub before: PartyMap<u64>,
    pub after: PartyMap<u64>,
}

/// A stage of the rule and the seats it gave. In JSON: `description` (the English sentence
/// [`Step`]'s `Display` writes, as the JSON always held), `code` (the [`StepKind`]'s stable
/// name) and `seats`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    /// Where the stage took place, when the rule says it (`national: seats declined`).
    pub place: Option<Place>,
    pub seats: PartyMap<u64>,
}

/// The stages a rule goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// The freed seats given to parties that won none (nationally).
    Award,
    /// The freed seats of each constituency given to parties without a seat there (summed).
    AwardInConstituencies,
    /// Seats just awarded that their parties declined.
    Declined,
    /// Declined seats passed on to the seated parties.
    PassedOn,
    /// The award as the file records it.
    RecordedAward,
    /// The seats the file records as declined.
    RecordedDeclined,
    /// Where the file records the declined seats went.
    RecordedPassedOn,
}

impl StepKind {
    /// The stable name of the stage (the `code` of a step in JSON).
    pub fn code(self) -> &'static str {
        match self {
            StepKind::Award => "award",
            StepKind::AwardInConstituencies => "award-in-constituencies",
            StepKind::Declined => "declined",
            StepKind::PassedOn => "passed-on",
            StepKind::RecordedAward => "recorded-award",
            StepKind::RecordedDeclined => "recorded-declined",
            StepKind::RecordedPassedOn => "recorded-passed-on",
        }
    }

    /// The English description, as the JSON output has always written it.
    fn english(self) -> &'static str {
        match self {
            StepKind::Award => "award to parties without a seat",
            StepKind::AwardInConstituencies => {
                "award to parties without a seat in the constituency"
            }
            StepKind::Declined => "seats declined",
            StepKind::PassedOn => "declined seats to seated parties",
            StepKind::RecordedAward => "recorded award",
            StepKind::RecordedDeclined => "recorded as declined",
            StepKind::RecordedPassedOn => "declined seats, as recorded",
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Some(place) => write!(f, "{place}: {}", self.kind.english()),
            None => f.write_str(self.kind.english()),
        }
    }
}

impl Serialize for Step {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            description: String,
            code: &'static str,
            seats: &'a PartyMap<u64>,
        }
        Json {
            description: self.to_string(),
            code: self.kind.code(),
            seats: &self.seats,
        }
        .serialize(serializer)
    }
}

/// A note on a scenario's result.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ScenarioNote {
    /// The dissolved party holds no seat in the basis: nothing moves.
    NoSeatBefore { party: String },
    /// The rerun rule compares recorded seats with seats it computes.
    RerunFromRecorded,
    /// The note of the file's record of the dissolution, as its author wrote it.
    Recorded(String),
}

impl fmt::Display for ScenarioNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioNote::NoSeatBefore { party } => write!(
                f,
                "\"{party}\" holds no seat before the dissolution: nothing to redistribute"
            ),
            ScenarioNote::RerunFromRecorded => f.write_str(
                "the \"before\" seats are the recorded ones; \"after\" is computed by the election's method without the party",
            ),
            ScenarioNote::Recorded(note) => f.write_str(note),
        }
    }
}

impl Serialize for ScenarioNote {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Computes the scenario where `party` is dissolved under `rule`, starting from `basis` (by
/// default the recorded seats when every constituency has them, else the computed ones).
pub fn dissolve(
    election: &Election,
    party: &str,
    rule: &DissolveRule,
    basis: Option<Basis>,
) -> Result<Scenario, AllocateError> {
    let dissolved = election
        .party_index(party)
        .ok_or_else(|| ScenarioError::NotStanding {
            party: party.to_owned(),
            election: election.name.clone(),
        })?;
    let basis = basis.unwrap_or(if election.has_recorded_seats() {
        Basis::Recorded
    } else {
        Basis::Computed
    });
    let mut ties = TieBreaker::new(election.ties);
    let mut reports = Vec::new();
    let mut notes = Vec::new();
    let before: SeatTable = match basis {
        Basis::Computed => compute_seats(election, None, &mut ties, &mut reports)?.0,
        Basis::Recorded => {
            if !election.has_recorded_seats() {
                return Err(ScenarioError::BasisNotRecorded.into());
            }
            election
                .constituencies
                .iter()
                .map(|c| {
                    let rec = c.recorded_seats.as_deref().unwrap_or(&[]);
                    c.votes
                        .iter()
                        .map(|(p, _)| rec.iter().find(|(q, _)| q == p).map_or(0, |(_, n)| *n))
                        .collect()
                })
                .collect()
        }
    };
    let before_national = national_seats(election, &before);
    if before_national[dissolved] == 0 {
        notes.push(ScenarioNote::NoSeatBefore {
            party: party.to_owned(),
        });
    }
    let mut steps = Vec::new();
    let (after_national, after_table) = match rule {
        DissolveRule::Rerun => {
            let (table, _) = compute_seats(election, Some(dissolved), &mut ties, &mut reports)?;
            if basis == Basis::Recorded {
                notes.push(ScenarioNote::RerunFromRecorded);
            }
            (national_seats(election, &table), Some(table))
        }
        DissolveRule::MinorParties {
            scope: Scope::National,
            declined,
            method,
        } => {
            let national = minor_national(
                election,
                dissolved,
                &before_national,
                declined,
                *method,
                &mut ties,
                &mut reports,
                &mut steps,
            )?;
            (national, None)
        }
        DissolveRule::MinorParties {
            scope: Scope::Constituency,
            declined,
            method,
        } => {
            let table = minor_per_constituency(
                election,
                dissolved,
                &before,
                declined,
                *method,
                &mut ties,
                &mut reports,
                &mut steps,
            )?;
            (national_seats(election, &table), Some(table))
        }
        DissolveRule::Recorded => (
            recorded(
                election,
                dissolved,
                &before_national,
                &mut steps,
                &mut notes,
            )?,
            None,
        ),
    };
    let votes = election.national_votes();
    let constituencies = after_table.as_ref().map(|after| {
        election
            .constituencies
            .iter()
            .zip(before.iter().zip(after))
            .map(|(c, (b, a))| ConstituencyChange {
                name: c.name.clone(),
                before: constituency_map(election, &c.votes, b),
                after: constituency_map(election, &c.votes, a),
            })
            .collect()
    });
    let (vs, sb, sa) = (
        shares(&votes),
        shares(&before_national),
        shares(&after_national),
    );
    let parties = party_order(election)
        .into_iter()
        .map(|p| ScenarioRow {
            party: election.parties[p].clone(),
            votes: votes[p],
            vote_share: vs[p],
            seats_before: before_national[p],
            seats_after: after_national[p],
            change: i64::try_from(after_national[p]).unwrap_or(i64::MAX)
                - i64::try_from(before_national[p]).unwrap_or(i64::MAX),
            seat_share_before: sb[p],
            seat_share_after: sa[p],
            difference_before: sb[p] - vs[p],
            difference_after: sa[p] - vs[p],
        })
        .collect();
    Ok(Scenario {
        name: election.name.clone(),
        party: party.to_owned(),
        rule: rule.name().to_owned(),
        scope: match rule {
            DissolveRule::MinorParties {
                scope: Scope::National,
                ..
            } => Some("national".to_owned()),
            DissolveRule::MinorParties {
                scope: Scope::Constituency,
                ..
            } => Some("constituency".to_owned()),
            _ => None,
        },
        basis: match basis {
            Basis::Recorded => "recorded",
            Basis::Computed => "computed",
        }
        .to_owned(),
        house_size: election.total_seats(),
        parties,
        totals_before: seat_map(election, &before_national),
        totals_after: seat_map(election, &after_national),
        constituencies,
        steps,
        indices_before: indices(&votes, &before_national),
        indices_after: indices(&votes, &after_national),
        ties: reports,
        notes,
    })
}

const DHONDT: Divisor = Divisor::Linear {
    a: 1,
    b: 1,
    first: None,
};

fn highest_average(method: Option<Method>) -> Result<Divisor, AllocateError> {
    match method {
        None => Ok(DHONDT),
        Some(m) => m
            .divisor()
            .ok_or_else(|| AllocateError::Scenario(ScenarioError::NotDivisor { method: m.name() })),
    }
}

fn check_declined(
    election: &Election,
    declined: &[String],
    dissolved: usize,
) -> Result<Vec<usize>, AllocateError> {
    declined
        .iter()
        .map(|d| match election.party_index(d) {
            Some(p) if p != dissolved => Ok(p),
            Some(_) => Err(ScenarioError::DeclinedIsDissolved { party: d.clone() }.into()),
            None => Err(ScenarioError::DeclinedNotStanding { party: d.clone() }.into()),
        })
        .collect()
}

/// Gives `seats` among `candidates` (by party number) with highest averages on `votes`, from
/// their `held` seats; returns what each gained.
#[allow(clippy::too_many_arguments)]
fn give(
    election: &Election,
    where_: &Place,
    divisor: Divisor,
    candidates: &[usize],
    votes: &[u64],
    held: &[u64],
    seats: u64,
    ties: &mut TieBreaker,
    reports: &mut Vec<TieReport>,
) -> Result<Vec<u64>, AllocateError> {
    let entries: Vec<(usize, u64)> = candidates.iter().map(|&p| (p, votes[p])).collect();
    let local_votes: Vec<u64> = entries.iter().map(|e| e.1).collect();
    let mut won: Vec<u64> = candidates.iter().map(|&p| held[p]).collect();
    let start = won.clone();
    let already: u64 = start.iter().sum();
    let name = where_.to_string();
    divisor_fill(divisor, &local_votes, &mut won, seats, already, ties)
        .map_err(|e| seat_error(election, &name, seats, &entries, e))?;
    for settled in ties.take_settled() {
        reports.push(tie_report(election, &name, &entries, &settled));
    }
    let mut gained = vec![0u64; election.parties.len()];
    for (i, &p) in candidates.iter().enumerate() {
        gained[p] = won[i] - start[i];
    }
    Ok(gained)
}

#[allow(clippy::too_many_arguments)]
fn minor_national(
    election: &Election,
    dissolved: usize,
    before: &[u64],
    declined: &[String],
    method: Option<Method>,
    ties: &mut TieBreaker,
    reports: &mut Vec<TieReport>,
    steps: &mut Vec<Step>,
) -> Result<Vec<u64>, AllocateError> {
    let divisor = highest_average(method)?;
    let declined = check_declined(election, declined, dissolved)?;
    let votes = election.national_votes();
    let freed = before[dissolved];
    let mut after = before.to_vec();
    after[dissolved] = 0;
    let candidates: Vec<usize> = (0..election.parties.len())
        .filter(|&p| p != dissolved && before[p] == 0 && votes[p] > 0)
        .collect();
    let zero = vec![0u64; election.parties.len()];
    let award = if freed == 0 {
        zero.clone()
    } else {
        give(
            election,
            &Place::National,
            divisor,
            &candidates,
            &votes,
            &zero,
            freed,
            ties,
            reports,
        )
        .map_err(|e| no_minor(e, Place::National))?
    };
    steps.push(Step {
        kind: StepKind::Award,
        place: None,
        seats: seat_map(election, &award),
    });
    for p in 0..after.len() {
        after[p] += award[p];
    }
    pass_on_declined(
        election,
        &Place::National,
        divisor,
        &declined,
        &award,
        &votes,
        &mut after,
        dissolved,
        ties,
        reports,
        steps,
    )?;
    Ok(after)
}

fn no_minor(e: AllocateError, place: Place) -> AllocateError {
    match e {
        AllocateError::NoCandidates { seats, .. } => ScenarioError::NoMinor { place, seats }.into(),
        other => other,
    }
}

/// Takes back the seats just awarded to the declining parties (never seats they held before)
/// and gives them, by highest average from the seats already held, to the seated parties that
/// did not decline.
#[allow(clippy::too_many_arguments)]
fn pass_on_declined(
    election: &Election,
    where_: &Place,
    divisor: Divisor,
    declined: &[usize],
    awarded: &[u64],
    votes: &[u64],
    seats: &mut [u64],
    dissolved: usize,
    ties: &mut TieBreaker,
    reports: &mut Vec<TieReport>,
    steps: &mut Vec<Step>,
) -> Result<(), AllocateError> {
    let returned: u64 = declined.iter().map(|&p| awarded[p]).sum();
    if declined.is_empty() {
        return Ok(());
    }
    let mut taken = vec![0u64; seats.len()];
    for &p in declined {
        taken[p] = awarded[p];
        seats[p] -= awarded[p];
    }
    steps.push(Step {
        kind: StepKind::Declined,
        place: Some(where_.clone()),
        seats: seat_map(election, &taken),
    });
    if returned == 0 {
        return Ok(());
    }
    let seated: Vec<usize> = (0..seats.len())
        .filter(|&p| p != dissolved && seats[p] > 0 && !declined.contains(&p) && votes[p] > 0)
        .collect();
    if seated.is_empty() {
        return Err(ScenarioError::NoOneToPassTo {
            place: where_.clone(),
            seats: returned,
        }
        .into());
    }
    let gained = give(
        election, where_, divisor, &seated, votes, seats, returned, ties, reports,
    )?;
    for p in 0..seats.len() {
        seats[p] += gained[p];
    }
    steps.push(Step {
        kind: StepKind::PassedOn,
        place: Some(where_.clone()),
        seats: seat_map(election, &gained),
    });
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn minor_per_constituency(
    election: &Election,
    dissolved: usize,
    before: &SeatTable,
    declined: &[String],
    method: Option<Method>,
    ties: &mut TieBreaker,
    reports: &mut Vec<TieReport>,
    steps: &mut Vec<Step>,
) -> Result<SeatTable, AllocateError> {
    let divisor = highest_average(method)?;
    let declined = check_declined(election, declined, dissolved)?;
    let n = election.parties.len();
    let mut award_total = vec![0u64; n];
    let mut declined_total = vec![0u64; n];
    let mut passed_total = vec![0u64; n];
    let mut after = Vec::with_capacity(before.len());
    for (c, won) in election.constituencies.iter().zip(before) {
        let mut votes = vec![0u64; n];
        let mut held = vec![0u64; n];
        for (&(p, v), &s) in c.votes.iter().zip(won) {
            votes[p] = v;
            held[p] = s;
        }
        let freed = held[dissolved];
        held[dissolved] = 0;
        if freed > 0 {
            let candidates: Vec<usize> = c
                .votes
                .iter()
                .map(|(p, _)| *p)
                .filter(|&p| p != dissolved && held[p] == 0 && votes[p] > 0)
                .collect();
            let place = Place::Constituency(c.name.clone());
            let award = give(
                election,
                &place,
                divisor,
                &candidates,
                &votes,
                &vec![0; n],
                freed,
                ties,
                reports,
            )
            .map_err(|e| no_minor(e, place.clone()))?;
            for p in 0..n {
                held[p] += award[p];
                award_total[p] += award[p];
            }
            let mut local_steps = Vec::new();
            let before_decline = held.clone();
            pass_on_declined(
                election,
                &place,
                divisor,
                &declined,
                &award,
                &votes,
                &mut held,
                dissolved,
                ties,
                reports,
                &mut local_steps,
            )?;
            for p in 0..n {
                if declined.contains(&p) {
                    declined_total[p] += before_decline[p] - held[p];
                } else {
                    passed_total[p] += held[p] - before_decline[p];
                }
            }
        }
        after.push(c.votes.iter().map(|(p, _)| held[*p]).collect());
    }
    steps.push(Step {
        kind: StepKind::AwardInConstituencies,
        place: None,
        seats: seat_map(election, &award_total),
    });
    if !declined.is_empty() {
        steps.push(Step {
            kind: StepKind::Declined,
            place: None,
            seats: seat_map(election, &declined_total),
        });
        steps.push(Step {
            kind: StepKind::PassedOn,
            place: None,
            seats: seat_map(election, &passed_total),
        });
    }
    Ok(after)
}

fn recorded(
    election: &Election,
    dissolved: usize,
    before: &[u64],
    steps: &mut Vec<Step>,
    notes: &mut Vec<ScenarioNote>,
) -> Result<Vec<u64>, AllocateError> {
    let party = &election.parties[dissolved];
    let record = election
        .recorded
        .dissolutions
        .iter()
        .find(|d| &d.party == party)
        .ok_or_else(|| ScenarioError::NotRecorded {
            party: party.clone(),
        })?;
    let awarded = record
        .awarded
        .iter()
        .fold(0u64, |a, (_, n)| a.saturating_add(*n));
    if awarded != before[dissolved] {
        return Err(ScenarioError::RecordedMismatch {
            party: party.clone(),
            awarded,
            held: before[dissolved],
        }
        .into());
    }
    let index = |name: &str| election.party_index(name).unwrap_or(dissolved);
    let mut after = before.to_vec();
    after[dissolved] = 0;
    let mut first = vec![0u64; after.len()];
    for (p, n) in record.awarded.iter() {
        first[index(p)] += n;
    }
    steps.push(Step {
        kind: StepKind::RecordedAward,
        place: None,
        seats: seat_map(election, &first),
    });
    for (p, n) in record.awarded.iter() {
        if !record.declined.iter().any(|d| d == p) {
            after[index(p)] += n;
        }
    }
    if !record.declined.is_empty() {
        let mut declined = vec![0u64; after.len()];
        for p in &record.declined {
            declined[index(p)] = record.awarded.get(p).copied().unwrap_or(0);
        }
        steps.push(Step {
            kind: StepKind::RecordedDeclined,
            place: None,
            seats: seat_map(election, &declined),
        });
        let mut passed = vec![0u64; after.len()];
        for (p, n) in record.declined_to.iter() {
            passed[index(p)] += n;
            after[index(p)] += n;
        }
        steps.push(Step {
            kind: StepKind::RecordedPassedOn,
            place: None,
            seats: seat_map(election, &passed),
        });
    }
    if let Some(note) = &record.note {
        notes.push(ScenarioNote::Recorded(note.clone()));
    }
    Ok(after)
}
