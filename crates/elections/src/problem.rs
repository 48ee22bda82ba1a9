//! What is wrong with a value of an election or apportionment file, as data: each kind of
//! problem with the values it names, so that a page or a terminal can say it in its reader's
//! language. `Display` writes the English sentence the engine has always given (the command
//! line's English output, logs and tests read it).

use std::fmt;

/// Where in a file a problem is: a key path (`seats`, `recorded.breakdown "North": won`) and,
/// for a map of parties or units, the entry (`votes for "B"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key path, in the file's own names.
    pub path: String,
    /// The party or unit of a map, when the problem is with one entry.
    pub entry: Option<String>,
}

impl Key {
    pub(crate) fn new(path: impl Into<String>) -> Key {
        Key {
            path: path.into(),
            entry: None,
        }
    }

    pub(crate) fn entry(path: impl Into<String>, entry: &str) -> Key {
        Key {
            path: path.into(),
            entry: Some(entry.to_owned()),
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(entry) => write!(f, "{} for \"{entry}\"", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// The two files of a CSV election.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CsvFile {
    /// `constituency,party,votes`.
    Votes,
    /// `constituency,seats[,blank_votes]`.
    Seats,
}

impl fmt::Display for CsvFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CsvFile::Votes => "votes file",
            CsvFile::Seats => "seats file",
        })
    }
}

/// What kind of name a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    Party,
    Constituency,
    /// A unit of an apportionment or of a recorded breakdown.
    Unit,
}

impl NameKind {
    /// The stable name of the kind (`party`, `constituency`, `unit`), also its English word.
    pub fn name(self) -> &'static str {
        match self {
            NameKind::Party => "party",
            NameKind::Constituency => "constituency",
            NameKind::Unit => "unit",
        }
    }
}

/// A value found where a number was expected, as the file holds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Got {
    /// A number or another JSON value, as written (`-3`, `6000.5`, `true`).
    Value(String),
    /// A JSON string (quoted when shown).
    Text(String),
}

impl fmt::Display for Got {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Got::Value(v) => f.write_str(v),
            Got::Text(t) => write!(f, "the text {t:?}"),
        }
    }
}

/// What is wrong with one value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Problem {
    /// Not a whole number: non-negative, or positive when `positive` (seats).
    NotWholeNumber { positive: bool, got: Got },
    /// A threshold that is not a number in [0, 1).
    NotFraction { got: String },
    /// A first divisor that is not a number in (0, 3].
    NotFirstDivisor { got: String },
    /// No method in the file nor on the command line.
    MethodMissing,
    /// A method name the engine does not know.
    UnknownMethod { name: String },
    /// `first_divisor` with a method other than modified Sainte-Laguë.
    FirstDivisorNotModified { method: &'static str },
    /// `threshold_rule` other than `any` or `all`.
    NotThresholdRule { got: String },
    /// `ties` other than `error`, `most-votes` or `lot`.
    NotTieRule { got: String },
    /// `ties = "lot"` without a seed.
    LotNeedsSeed,
    /// A seed with a tie rule other than `lot`.
    SeedWithoutLot { ties: String },
    /// A list that must not be empty is: constituencies, or the units of an apportionment.
    NoneListed { kind: NameKind },
    /// A name that must not be empty is.
    EmptyName { kind: NameKind },
    /// The constituency or unit this field names is listed more than once.
    ListedAgain { kind: NameKind },
    /// A name (a party, a constituency, a unit) listed more than once in one map or file.
    Repeated { kind: NameKind, name: String },
    /// A party given twice in one constituency of a CSV votes file.
    RepeatedIn { party: String, constituency: String },
    /// More seats than the engine accepts.
    TooManySeats { max: u64, got: u64 },
    /// A constituency with no party.
    NoParty,
    /// The election's votes add up to more than 2^64 - 1.
    VotesOverflow,
    /// Recorded seats of a party that has no votes entry in the constituency.
    NoVotesEntry { party: String },
    /// Seats that do not add up to the constituency's or the unit's.
    SeatsSum {
        kind: NameKind,
        sum: u64,
        seats: u64,
    },
    /// A party named that does not stand in the election.
    NotStanding { party: String },
    /// The party this field names does not stand in the election.
    ThisNotStanding,
    /// A party declines an award it was not given.
    NothingToDecline { party: String },
    /// Declined seats passed on in another number than were declined.
    PassedOnSum { passed_on: u64, declined: u64 },
    /// More seats needed for every unit's minimum than there are to apportion.
    MinimumTooHigh {
        min_seats: u64,
        units: usize,
        needed: u128,
        seats: u64,
    },
    /// A CSV row with another number of fields than the header.
    CsvFields { expected: u64, got: u64 },
    /// A CSV file that is not UTF-8.
    CsvUtf8,
    /// Another problem of the CSV reader (its own message, in English).
    CsvSyntax(String),
    /// A required column is not in the header.
    MissingColumn { header: Vec<String> },
    /// A constituency of the votes file that the seats file does not list.
    NotInSeatsFile { constituency: String },
    /// A constituency of the seats file with no row in the votes file.
    NoVotesRows { constituency: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotWholeNumber { positive, got } => {
                let sign = if *positive {
                    "positive"
                } else {
                    "non-negative"
                };
                write!(f, "must be a {sign} integer, got {got}")
            }
            Problem::NotFraction { got } => write!(f, "must be a number in [0, 1), got {got}"),
            Problem::NotFirstDivisor { got } => write!(f, "must be a number in (0, 3], got {got}"),
            Problem::MethodMissing => {
                f.write_str("missing: give it in the file or on the command line")
            }
            Problem::UnknownMethod { name } => {
                let known: Vec<&str> = crate::method::METHOD_NAMES
                    .iter()
                    .map(|(c, _)| *c)
                    .collect();
                write!(f, "unknown method {name:?}; known: {}", known.join(", "))
            }
            Problem::FirstDivisorNotModified { method } => {
                write!(f, "only applies to modified-sainte-lague, not {method}")
            }
            Problem::NotThresholdRule { got } => {
                write!(f, "must be \"any\" or \"all\", got {got:?}")
            }
            Problem::NotTieRule { got } => write!(
                f,
                "must be \"error\", \"most-votes\" or \"lot\", got {got:?}"
            ),
            Problem::LotNeedsSeed => {
                f.write_str("ties = \"lot\" needs a seed, so that the draw can be repeated")
            }
            Problem::SeedWithoutLot { ties } => {
                write!(f, "only used with ties = \"lot\", not {ties:?}")
            }
            Problem::NoneListed { kind } => write!(f, "must list at least one {}", kind.name()),
            Problem::EmptyName { kind } => write!(f, "{} name must not be empty", kind.name()),
            Problem::ListedAgain { kind } => {
                write!(f, "this {} is listed more than once", kind.name())
            }
            Problem::Repeated { kind, name } => match kind {
                NameKind::Party => write!(f, "party \"{name}\" is listed more than once"),
                NameKind::Constituency | NameKind::Unit => {
                    write!(f, "\"{name}\" is listed more than once")
                }
            },
            Problem::RepeatedIn {
                party,
                constituency,
            } => write!(f, "\"{party}\" is listed twice in \"{constituency}\""),
            Problem::TooManySeats { max, got } => write!(f, "must be at most {max}, got {got}"),
            Problem::NoParty => f.write_str("no party listed"),
            Problem::VotesOverflow => f.write_str("the votes add up to more than 2^64 - 1"),
            Problem::NoVotesEntry { party } => {
                write!(f, "party \"{party}\" has no votes entry here")
            }
            Problem::SeatsSum { kind, sum, seats } => write!(
                f,
                "add up to {sum}, but the {} has {seats} seats",
                kind.name()
            ),
            Problem::NotStanding { party } => {
                write!(f, "party \"{party}\" does not stand in this election")
            }
            Problem::ThisNotStanding => f.write_str("this party does not stand in this election"),
            Problem::NothingToDecline { party } => {
                write!(f, "party \"{party}\" was awarded nothing to decline")
            }
            Problem::PassedOnSum {
                passed_on,
                declined,
            } => write!(
                f,
                "passes on {passed_on} seats, but {declined} were declined"
            ),
            Problem::MinimumTooHigh {
                min_seats,
                units,
                needed,
                seats,
            } => write!(
                f,
                "{min_seats} for each of {units} units needs {needed} seats, more than the {seats} to apportion"
            ),
            Problem::CsvFields { expected, got } => write!(
                f,
                "found record with {got} fields, but the previous record has {expected} fields"
            ),
            Problem::CsvUtf8 => f.write_str("invalid UTF-8"),
            Problem::CsvSyntax(message) => f.write_str(message),
            Problem::MissingColumn { header } => {
                write!(f, "missing column (the header has: {})", header.join(", "))
            }
            Problem::NotInSeatsFile { constituency } => {
                write!(f, "\"{constituency}\" is not in the seats file")
            }
            Problem::NoVotesRows { constituency } => {
                write!(f, "\"{constituency}\" has no rows in the votes file")
            }
        }
    }
}
