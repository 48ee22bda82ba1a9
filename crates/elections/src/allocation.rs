//! Seats for a whole election: thresholds, each constituency by the election's method, national
//! totals, indices, and the comparison with recorded official seats. The result is the public
//! allocation-result contract (see the crate README), plus fields the web pages draw from.

use serde::{Deserialize, Serialize};

use crate::election::Election;
use crate::indices::{Indices, indices, shares};
use crate::party_map::PartyMap;
use crate::scenario_refusal::ScenarioError;
use crate::seats::{SeatError, SettledTie, TieBreaker, TieRule, allocate_into};

/// Why an election could not be allocated, or a scenario computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllocateError {
    /// Exactly equal claims to more seats than are left, under `ties = "error"` (or under
    /// `most-votes` when the tied parties also have equal votes).
    #[error(
        "constituency \"{constituency}\": {} of {seats}: {} have exactly equal claims to {seats_left} seat(s); set \"ties\" to \"most-votes\" or \"lot\" (with a \"seed\") to settle it",
        seat_span(*seat, *seats_left),
        quoted_list(parties)
    )]
    Tie {
        constituency: String,
        seat: u64,
        seats: u64,
        seats_left: u64,
        parties: Vec<String>,
    },
    /// Seats are left but no party with votes passes the thresholds.
    #[error(
        "constituency \"{constituency}\": {seats_left} of {seats} seat(s) cannot be filled: no party with votes passes the thresholds"
    )]
    NoCandidates {
        constituency: String,
        seats: u64,
        seats_left: u64,
    },
    /// A scenario asks for something the election cannot give.
    #[error("{0}")]
    Scenario(#[from] ScenarioError),
    /// Seats of an apportionment are left but no unit with population is left to take them.
    #[error("{seats_left} of {seats} seats cannot be apportioned: no unit with population is left")]
    Unapportioned { seats: u64, seats_left: u64 },
}

fn seat_span(seat: u64, left: u64) -> String {
    if left <= 1 {
        format!("seat {seat}")
    } else {
        format!("seats {seat} to {}", seat + left - 1)
    }
}

pub(crate) fn quoted_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// The allocation result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    pub name: String,
    pub method: String,
    pub constituencies: Vec<ConstituencySeats>,
    /// Seats per party nationally (parties without seats omitted), most seats first.
    pub totals: PartyMap<u64>,
    /// National votes per party, most votes first.
    pub votes: PartyMap<u64>,
    pub indices: Indices,
    /// Seats in the whole assembly.
    pub house_size: u64,
    /// One row per party (all parties, seats or not), most votes first: what a seats-vs-votes
    /// chart draws.
    pub parties: Vec<PartyRow>,
    /// Parties below the national threshold (with `threshold_rule` "any" they may still take
    /// part where they pass the constituency threshold).
    pub below_threshold: Vec<String>,
    /// Ties that the election's tie rule settled (never silently: each is listed).
    pub ties: Vec<TieReport>,
    /// The official seats, when the file records them, and where they differ from these.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub recorded: Option<RecordedComparison>,
    /// The election file's notes (for example what its data leaves out).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub notes: Vec<String>,
}

/// Seats in one constituency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConstituencySeats {
    pub name: String,
    /// Seats per party (parties without seats omitted), most votes first.
    pub seats: PartyMap<u64>,
    /// The constituency's magnitude.
    pub magnitude: u64,
    /// Parties with votes here kept out by the thresholds.
    pub below_threshold: Vec<String>,
}

/// A party's votes and seats side by side (shares in percent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyRow {
    pub party: String,
    pub votes: u64,
    pub vote_share: f64,
    pub seats: u64,
    pub seat_share: f64,
    /// Seat share minus vote share, in percentage points.
    pub difference: f64,
}

/// A tie settled by the election's rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TieReport {
    pub constituency: String,
    /// The first contested seat, counted from 1 within the constituency.
    pub seat: u64,
    pub tied: Vec<String>,
    pub winners: Vec<String>,
    /// The rule that settled it; in JSON its name (`most-votes`, `lot`).
    pub rule: TieRule,
}

/// Computed seats against the officially recorded ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedComparison {
    /// Official national totals (summed over constituencies).
    pub totals: PartyMap<u64>,
    /// Whether every constituency's computed seats equal the recorded ones.
    pub matches: bool,
    pub differences: Vec<SeatDifference>,
}

/// One party in one constituency where computation and record disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatDifference {
    pub constituency: String,
    pub party: String,
    pub computed: u64,
    pub recorded: u64,
}

/// Seats per constituency, aligned with each constituency's `votes` entries.
pub(crate) type SeatTable = Vec<Vec<u64>>;

/// Allocates the election by its own method, thresholds and tie rule.
pub fn allocate(election: &Election) -> Result<Allocation, AllocateError> {
    let mut ties = TieBreaker::new(election.ties);
    let mut reports = Vec::new();
    let (table, below) = compute_seats(election, None, &mut ties, &mut reports)?;
    Ok(build_allocation(election, &table, &below, reports))
}

/// Which parties each threshold lets through; `without` is a party treated as not standing.
pub(crate) struct Eligibility {
    pub national: Vec<bool>,
}

pub(crate) fn national_eligibility(election: &Election, without: Option<usize>) -> Eligibility {
    let mut national_votes = election.national_votes();
    if let Some(p) = without {
        national_votes[p] = 0;
    }
    let valid: u64 = national_votes.iter().sum::<u64>()
        + election
            .constituencies
            .iter()
            .map(|c| c.blank_votes)
            .sum::<u64>();
    let national = national_votes
        .iter()
        .enumerate()
        .map(|(p, &v)| Some(p) != without && election.threshold.reached_by(v, valid))
        .collect();
    Eligibility { national }
}

/// Seats in every constituency; `without` removes a party as if it had not stood. Also returns
/// the parties kept out by the constituency threshold, per constituency.
pub(crate) fn compute_seats(
    election: &Election,
    without: Option<usize>,
    ties: &mut TieBreaker,
    reports: &mut Vec<TieReport>,
) -> Result<(SeatTable, Vec<Vec<usize>>), AllocateError> {
    let eligibility = national_eligibility(election, without);
    let mut table = Vec::with_capacity(election.constituencies.len());
    let mut below_all = Vec::with_capacity(election.constituencies.len());
    let mut votes = Vec::new();
    for c in &election.constituencies {
        let party_total: u64 = c
            .votes
            .iter()
            .filter(|(p, _)| Some(*p) != without)
            .map(|(_, v)| v)
            .sum();
        let valid = party_total + c.blank_votes;
        votes.clear();
        let mut below = Vec::new();
        for &(p, v) in &c.votes {
            let passes_here = election.threshold_rule.admits(
                election.threshold,
                eligibility.national[p],
                election.constituency_threshold,
                election.constituency_threshold.reached_by(v, valid),
            );
            if Some(p) != without && v > 0 && !passes_here {
                below.push(p);
            }
            votes.push(if Some(p) != without && passes_here {
                v
            } else {
                0
            });
        }
        let mut won = vec![0; votes.len()];
        allocate_into(election.method, &votes, c.seats, &mut won, ties)
            .map_err(|e| seat_error(election, c.name.as_str(), c.seats, &c.votes, e))?;
        for settled in ties.take_settled() {
            reports.push(tie_report(election, &c.name, &c.votes, &settled));
        }
        table.push(won);
        below_all.push(below);
    }
    Ok((table, below_all))
}

pub(crate) fn seat_error(
    election: &Election,
    constituency: &str,
    seats: u64,
    entries: &[(usize, u64)],
    error: SeatError,
) -> AllocateError {
    match error {
        SeatError::Tie {
            seat,
            tied,
            seats_left,
        } => AllocateError::Tie {
            constituency: constituency.to_owned(),
            seat,
            seats,
            seats_left,
            parties: tied
                .iter()
                .map(|&i| election.parties[entries[i].0].clone())
                .collect(),
        },
        SeatError::NoCandidates { seats_left } => AllocateError::NoCandidates {
            constituency: constituency.to_owned(),
            seats,
            seats_left,
        },
    }
}

pub(crate) fn tie_report(
    election: &Election,
    constituency: &str,
    entries: &[(usize, u64)],
    settled: &SettledTie,
) -> TieReport {
    let names = |v: &[usize]| {
        v.iter()
            .map(|&i| election.parties[entries[i].0].clone())
            .collect()
    };
    TieReport {
        constituency: constituency.to_owned(),
        seat: settled.seat,
        tied: names(&settled.tied),
        winners: names(&settled.winners),
        rule: settled.rule,
    }
}

/// National seats per party number from a seat table.
pub(crate) fn national_seats(election: &Election, table: &SeatTable) -> Vec<u64> {
    let mut totals = vec![0u64; election.parties.len()];
    for (c, won) in election.constituencies.iter().zip(table) {
        for (&(p, _), &s) in c.votes.iter().zip(won) {
            totals[p] += s;
        }
    }
    totals
}

/// Party numbers, most national votes first (file order among equals).
pub(crate) fn party_order(election: &Election) -> Vec<usize> {
    let national = election.national_votes();
    let mut order: Vec<usize> = (0..election.parties.len()).collect();
    order.sort_by(|&a, &b| national[b].cmp(&national[a]).then(a.cmp(&b)));
    order
}

pub(crate) fn party_rows(election: &Election, seats: &[u64]) -> Vec<PartyRow> {
    let votes = election.national_votes();
    let vs = shares(&votes);
    let ss = shares(seats);
    party_order(election)
        .into_iter()
        .map(|p| PartyRow {
            party: election.parties[p].clone(),
            votes: votes[p],
            vote_share: vs[p],
            seats: seats[p],
            seat_share: ss[p],
            difference: ss[p] - vs[p],
        })
        .collect()
}

/// Non-zero seats per party in national vote order.
pub(crate) fn seat_map(election: &Election, seats: &[u64]) -> PartyMap<u64> {
    PartyMap(
        party_order(election)
            .into_iter()
            .filter(|&p| seats[p] > 0)
            .map(|p| (election.parties[p].clone(), seats[p]))
            .collect(),
    )
}

/// Non-zero seats of one constituency, most votes there first.
pub(crate) fn constituency_map(
    election: &Election,
    entries: &[(usize, u64)],
    won: &[u64],
) -> PartyMap<u64> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| entries[b].1.cmp(&entries[a].1).then(a.cmp(&b)));
    PartyMap(
        order
            .into_iter()
            .filter(|&i| won[i] > 0)
            .map(|i| (election.parties[entries[i].0].clone(), won[i]))
            .collect(),
    )
}

fn build_allocation(
    election: &Election,
    table: &SeatTable,
    below: &[Vec<usize>],
    ties: Vec<TieReport>,
) -> Allocation {
    let seats = national_seats(election, table);
    let votes = election.national_votes();
    let eligibility = national_eligibility(election, None);
    let order = party_order(election);
    let constituencies = election
        .constituencies
        .iter()
        .zip(table)
        .zip(below)
        .map(|((c, won), below)| ConstituencySeats {
            name: c.name.clone(),
            seats: constituency_map(election, &c.votes, won),
            magnitude: c.seats,
            below_threshold: below.iter().map(|&p| election.parties[p].clone()).collect(),
        })
        .collect();
    Allocation {
        name: election.name.clone(),
        method: election.method.name().to_owned(),
        constituencies,
        totals: seat_map(election, &seats),
        votes: PartyMap(
            order
                .iter()
                .map(|&p| (election.parties[p].clone(), votes[p]))
                .collect(),
        ),
        indices: indices(&votes, &seats),
        house_size: election.total_seats(),
        parties: party_rows(election, &seats),
        below_threshold: order
            .iter()
            .filter(|&&p| votes[p] > 0 && !eligibility.national[p])
            .map(|&p| election.parties[p].clone())
            .collect(),
        ties,
        recorded: recorded_comparison(election, table),
        notes: election.notes.clone(),
    }
}

fn recorded_comparison(election: &Election, table: &SeatTable) -> Option<RecordedComparison> {
    if !election.has_recorded_seats() {
        return None;
    }
    let mut totals = vec![0u64; election.parties.len()];
    let mut differences = Vec::new();
    for (c, won) in election.constituencies.iter().zip(table) {
        let recorded = c.recorded_seats.as_deref().unwrap_or(&[]);
        for (i, &(p, _)) in c.votes.iter().enumerate() {
            let r = recorded
                .iter()
                .find(|(q, _)| *q == p)
                .map_or(0, |(_, n)| *n);
            totals[p] += r;
            if r != won[i] {
                differences.push(SeatDifference {
                    constituency: c.name.clone(),
                    party: election.parties[p].clone(),
                    computed: won[i],
                    recorded: r,
                });
            }
        }
    }
    Some(RecordedComparison {
        totals: seat_map(election, &totals),
        matches: differences.is_empty(),
        differences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn election(json: &str) -> Election {
        Election::from_json(json).unwrap()
    }

    #[test]
    fn the_contract_example_allocates() {
        let e = election(
            r#"{"name": "Example 2013", "method": "dhondt", "constituencies": [{"name": "North",
                "seats": 5, "votes": {"A": 10000, "B": 6000, "C": 1500}, "blank_votes": 120}]}"#,
        );
        let a = allocate(&e).unwrap();
        // Quotients: A 10000, 5000, 3333, 2500; B 6000, 3000; C 1500: A 3, B 2.
        assert_eq!(a.totals, PartyMap(vec![("A".into(), 3), ("B".into(), 2)]));
        assert_eq!(a.constituencies[0].seats, a.totals);
        assert_eq!(a.votes.get("C"), Some(&1500));
        assert_eq!(a.house_size, 5);
        let json = serde_json::to_value(&a).unwrap();
        for key in [
            "name",
            "method",
            "constituencies",
            "totals",
            "votes",
            "indices",
        ] {
            assert!(json.get(key).is_some(), "{key}");
        }
        for key in [
            "gallagher",
            "loosemore_hanby",
            "sainte_lague",
            "enp_votes",
            "enp_seats",
        ] {
            assert!(json["indices"].get(key).is_some(), "{key}");
        }
    }

    #[test]
    fn thresholds_count_blank_votes_and_national_totals() {
        // Constituency valid votes 1000 (incl. 100 blank); 3 % is 30: C with 29 is out, D with 30 in.
        let e = election(
            r#"{"name": "t", "method": "sainte-lague", "constituency_threshold": 0.03,
                "constituencies": [{"name": "X", "seats": 40,
                "votes": {"A": 500, "B": 341, "C": 29, "D": 30}, "blank_votes": 100}]}"#,
        );
        let a = allocate(&e).unwrap();
        assert_eq!(a.constituencies[0].below_threshold, vec!["C".to_owned()]);
        assert_eq!(a.totals.get("C"), None);
        assert!(a.totals.get("D").is_some());
        // National threshold: 5 % of 2000 = 100; B has 99 over two constituencies.
        let e = election(
            r#"{"name": "t", "method": "dhondt", "threshold": 0.05, "constituencies": [
                {"name": "X", "seats": 3, "votes": {"A": 900, "B": 90}, "blank_votes": 1},
                {"name": "Y", "seats": 3, "votes": {"A": 1000, "B": 9}}]}"#,
        );
        let a = allocate(&e).unwrap();
        assert_eq!(a.below_threshold, vec!["B".to_owned()]);
        assert_eq!(a.totals, PartyMap(vec![("A".into(), 6)]));
    }

    #[test]
    fn national_or_constituency_threshold_as_in_sweden() {
        // National valid votes 2000: 4 % is 80. R has 60 nationally (below) but 60 of 400 = 15 %
        // in East (12 % reached); in West it has nothing.
        let text = r#"{"name": "t", "method": "sainte-lague", "threshold": 0.04,
            "constituency_threshold": 0.12, "constituencies": [
            {"name": "East", "seats": 4, "votes": {"A": 200, "B": 140, "R": 60}},
            {"name": "West", "seats": 10, "votes": {"A": 900, "B": 700}}]}"#;
        let any = allocate(&election(text)).unwrap();
        assert_eq!(any.below_threshold, vec!["R".to_owned()]);
        // East, Sainte-Laguë over A 200, B 140, R 60: A 200, B 140, A 66.7, R 60 -> A 2, B 1, R 1.
        assert_eq!(any.constituencies[0].seats.get("R"), Some(&1));
        assert!(any.constituencies[0].below_threshold.is_empty());
        // Under "all", R (below 4 % nationally) is out everywhere.
        let all = allocate(&election(&text.replace(
            "\"threshold\": 0.04,",
            "\"threshold\": 0.04, \"threshold_rule\": \"all\",",
        )))
        .unwrap();
        assert_eq!(all.constituencies[0].seats.get("R"), None);
        assert_eq!(all.constituencies[0].below_threshold, vec!["R".to_owned()]);
        let bad = text.replace(
            "\"threshold\": 0.04,",
            "\"threshold\": 0.04, \"threshold_rule\": \"some\",",
        );
        assert_eq!(
            Election::from_json(&bad).unwrap_err().to_string(),
            "threshold_rule: must be \"any\" or \"all\", got \"some\""
        );
        // The national threshold alone still binds (West: A passes, B passes; nobody else).
        let only_national = text.replace("\"constituency_threshold\": 0.12,", "");
        let a = allocate(&election(&only_national)).unwrap();
        assert_eq!(a.constituencies[0].seats.get("R"), None);
    }

    #[test]
    fn a_threshold_nobody_passes_is_an_error_naming_the_constituency() {
        let e = election(
            r#"{"name": "t", "method": "dhondt", "constituency_threshold": 0.9,
                "constituencies": [{"name": "X", "seats": 2, "votes": {"A": 5, "B": 5}}]}"#,
        );
        assert_eq!(
            allocate(&e).unwrap_err().to_string(),
            "constituency \"X\": 2 of 2 seat(s) cannot be filled: no party with votes passes the thresholds"
        );
    }

    #[test]
    fn ties_are_reported_with_names_or_settled_on_record() {
        let text = r#"{"name": "t", "method": "dhondt", "constituencies": [
            {"name": "X", "seats": 3, "votes": {"A": 60, "B": 20, "C": 1}}]}"#;
        assert_eq!(
            allocate(&election(text)).unwrap_err().to_string(),
            "constituency \"X\": seat 3 of 3: \"A\" and \"B\" have exactly equal claims to 1 seat(s); set \"ties\" to \"most-votes\" or \"lot\" (with a \"seed\") to settle it"
        );
        let mv = text.replace("\"dhondt\",", "\"dhondt\", \"ties\": \"most-votes\",");
        let a = allocate(&election(&mv)).unwrap();
        assert_eq!(a.totals, PartyMap(vec![("A".into(), 3)]));
        assert_eq!(a.ties.len(), 1);
        assert_eq!(a.ties[0].winners, vec!["A".to_owned()]);
        assert_eq!(a.ties[0].tied, vec!["A".to_owned(), "B".to_owned()]);
    }

    #[test]
    fn recorded_seats_are_compared() {
        let e = election(
            r#"{"name": "t", "method": "dhondt", "constituencies": [{"name": "X", "seats": 3,
                "votes": {"A": 60, "B": 25}, "recorded_seats": {"A": 3, "B": 0}}]}"#,
        );
        let r = allocate(&e).unwrap().recorded.unwrap();
        assert!(!r.matches);
        assert_eq!(r.differences.len(), 2);
        // D'Hondt gives A 2, B 1 (60, 30, 25); the record says 3-0.
        assert_eq!(
            r.differences[1],
            SeatDifference {
                constituency: "X".into(),
                party: "B".into(),
                computed: 1,
                recorded: 0
            }
        );
        assert_eq!(r.totals, PartyMap(vec![("A".into(), 3)]));
    }
}
