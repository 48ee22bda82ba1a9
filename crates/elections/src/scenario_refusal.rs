//! Why a dissolution scenario cannot be computed, and the places a scenario names: apart from
//! `scenario.rs` so that the allocation's error type can hold a scenario's refusal without the
//! two modules depending on each other.

use std::fmt;

/// Where a stage took place, or where a rule could not go on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    /// The whole country (national seats and votes).
    National,
    /// One constituency, by its name.
    Constituency(String),
}

impl fmt::Display for Place {
    /// `national`, or the constituency's name, as the engine's English has always written it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::National => f.write_str("national"),
            Place::Constituency(name) => f.write_str(name),
        }
    }
}

/// Why a scenario cannot be computed as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("party \"{party}\" does not stand in \"{election}\"")]
    NotStanding { party: String, election: String },
    #[error("basis \"recorded\": not every constituency has recorded_seats")]
    BasisNotRecorded,
    /// `minor-parties` was given a method that is not a divisor method (by its name).
    #[error("minor-parties needs a highest-average (divisor) method, not {method}")]
    NotDivisor { method: &'static str },
    #[error("--declined: \"{party}\" is the dissolved party")]
    DeclinedIsDissolved { party: String },
    #[error("--declined: party \"{party}\" does not stand in this election")]
    DeclinedNotStanding { party: String },
    /// No party without a seat has votes to take the freed seats, nationally or in one
    /// constituency.
    #[error("{}", no_minor_text(place, *seats))]
    NoMinor { place: Place, seats: u64 },
    /// Declined seats with no seated party left to take them.
    #[error("{place}: {seats} declined seat(s) but no other seated party to pass them to")]
    NoOneToPassTo { place: Place, seats: u64 },
    #[error("rule \"recorded\": the file records no dissolution of \"{party}\"")]
    NotRecorded { party: String },
    #[error(
        "rule \"recorded\": the record gives out {awarded} seats, but \"{party}\" holds {held} in the basis used"
    )]
    RecordedMismatch {
        party: String,
        awarded: u64,
        held: u64,
    },
}

fn no_minor_text(place: &Place, seats: u64) -> String {
    match place {
        Place::National => {
            format!("no party without a seat has votes to receive the {seats} freed seat(s)")
        }
        Place::Constituency(c) => format!(
            "constituency \"{c}\": no party without a seat there has votes to receive the {seats} freed seat(s)"
        ),
    }
}
