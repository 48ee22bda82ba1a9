//! The election file: reading it (JSON, or CSV plus a seats file), checking every field, and
//! the validated [`Election`] the rest of the crate computes on.
//!
//! Reading goes in two steps so that errors can name what is wrong where: serde reads the
//! shape (and reports JSON syntax errors and unknown fields with line and column), then
//! `validate` checks every value with the constituency and field it belongs to.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::method::{Fraction, Method};
use crate::party_map::PartyMap;
use crate::problem::{CsvFile, Got, Key, NameKind, Problem};
use crate::seats::TiePolicy;

/// A problem with an election or apportionment file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The text is not JSON of the expected shape: serde's own detail (which names an unknown,
    /// missing or mistyped field) and where it stopped.
    #[error("{detail}{}", at_line(*line, *column))]
    Json {
        kind: JsonProblem,
        detail: String,
        /// From 1; 0 when serde gives no position.
        line: usize,
        column: usize,
    },
    /// A top-level field is wrong. (Problems are boxed: they are rare, and a `Result` of the
    /// engine stays small.)
    #[error("{field}: {problem}")]
    Field { field: Key, problem: Box<Problem> },
    /// A field inside one constituency is wrong.
    #[error("constituency \"{constituency}\": {field}: {problem}")]
    Constituency {
        constituency: String,
        field: Key,
        problem: Box<Problem>,
    },
    /// A CSV cell or row is wrong.
    #[error("{file} line {line}: {field}: {problem}")]
    Csv {
        file: CsvFile,
        line: u64,
        field: Key,
        problem: Box<Problem>,
    },
}

/// What kind of JSON problem serde found.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JsonProblem {
    /// Not JSON at all (a missing comma, a stray character).
    Syntax,
    /// The text ends before the JSON does.
    Eof,
    /// A field the file format does not have.
    UnknownField { field: String },
    /// A field the file format requires is absent.
    MissingField { field: String },
    /// JSON, but a value is not of the kind its field takes.
    Shape,
}

fn at_line(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" at line {line} column {column}")
    }
}

/// A serde error as an [`InputError`], its `Display` the same as serde's own. serde says which
/// field is unknown or missing only in its message, always in the same form (`unknown field
/// `x``, `missing field `x``): that name is read from it here, once, so that no caller has
/// to read serde's English.
pub(crate) fn json_error(e: &serde_json::Error) -> InputError {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    let message = e.to_string();
    let detail = message
        .strip_suffix(&at_line(line, column))
        .unwrap_or(&message)
        .to_owned();
    let named = |prefix: &str| {
        detail
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once('`'))
            .map(|(field, _)| field.to_owned())
    };
    let kind = match e.classify() {
        Category::Syntax => JsonProblem::Syntax,
        Category::Eof => JsonProblem::Eof,
        Category::Io | Category::Data => {
            if let Some(field) = named("unknown field `") {
                JsonProblem::UnknownField { field }
            } else if let Some(field) = named("missing field `") {
                JsonProblem::MissingField { field }
            } else {
                JsonProblem::Shape
            }
        }
    };
    InputError::Json {
        kind,
        detail,
        line,
        column,
    }
}

pub(crate) fn field(field: impl Into<String>, problem: Problem) -> InputError {
    InputError::Field {
        field: Key::new(field),
        problem: Box::new(problem),
    }
}

fn in_constituency(c: &str, f: Key, problem: Problem) -> InputError {
    InputError::Constituency {
        constituency: c.to_owned(),
        field: f,
        problem: Box::new(problem),
    }
}

/// The largest magnitude accepted: seats are given one claim level at a time, so an absurd
/// magnitude would only be slow, never wrong; the largest assemblies have about 3,000 seats.
pub const MAX_SEATS: u64 = 1_000_000;

/// A validated election. Parties are numbered in order of first appearance; constituencies
/// refer to them by that number.
#[derive(Debug, Clone, PartialEq)]
pub struct Election {
    pub name: String,
    pub method: Method,
    /// Fraction of national valid votes (party votes plus blank votes) a party needs.
    pub threshold: Fraction,
    /// Fraction of a constituency's valid votes (including blank votes) a party needs there.
    pub constituency_threshold: Fraction,
    /// How the two thresholds combine when both are set.
    pub threshold_rule: ThresholdRule,
    pub ties: TiePolicy,
    pub parties: Vec<String>,
    pub constituencies: Vec<Constituency>,
    pub notes: Vec<String>,
    pub sources: Vec<String>,
    pub recorded: Recorded,
}

/// How a national and a constituency threshold combine when both are set (when only one is
/// set, it alone decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThresholdRule {
    /// A party takes part in a constituency if it passes either threshold (Sweden: 4 %
    /// nationally or 12 % in the constituency). The default.
    #[default]
    Any,
    /// A party must pass both.
    All,
}

impl ThresholdRule {
    /// Whether a party with these results takes part in a constituency.
    pub fn admits(
        self,
        national: Fraction,
        national_ok: bool,
        local: Fraction,
        local_ok: bool,
    ) -> bool {
        match (national.is_zero(), local.is_zero()) {
            (true, true) => true,
            (false, true) => national_ok,
            (true, false) => local_ok,
            (false, false) => match self {
                ThresholdRule::Any => national_ok || local_ok,
                ThresholdRule::All => national_ok && local_ok,
            },
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ThresholdRule::Any => "any",
            ThresholdRule::All => "all",
        }
    }
}

/// One constituency (district, province, state) with its magnitude and votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constituency {
    pub name: String,
    pub seats: u64,
    /// `(party number, votes)` in file order, each party at most once.
    pub votes: Vec<(usize, u64)>,
    pub blank_votes: u64,
    /// The seats an authority declared here, when the file records them.
    pub recorded_seats: Option<Vec<(usize, u64)>>,
}

/// Outcomes an authority actually decided, kept beside the votes to compare with what the
/// rules compute. Nothing here is used to compute an allocation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recorded {
    /// Official seats in units that are not the file's constituencies (for example provinces,
    /// when only national votes are known).
    pub breakdown: Vec<RecordedUnit>,
    pub dissolutions: Vec<RecordedDissolution>,
}

/// Official seats in one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedUnit {
    pub name: String,
    pub seats: u64,
    pub won: PartyMap<u64>,
}

/// What happened to a dissolved party's seats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedDissolution {
    pub party: String,
    pub date: Option<String>,
    /// The first award of the party's seats (including seats later declined).
    pub awarded: PartyMap<u64>,
    /// Parties that declined the seats awarded to them.
    pub declined: Vec<String>,
    /// Where the declined seats went.
    pub declined_to: PartyMap<u64>,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

/// An election file as written by [`Election::to_json`].
#[derive(Serialize)]
struct FileOut<'a> {
    name: &'a str,
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_divisor: Option<f64>,
    threshold: f64,
    constituency_threshold: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    threshold_rule: Option<&'static str>,
    ties: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    constituencies: Vec<ConstituencyOut<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    sources: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    recorded: Option<RecordedOut<'a>>,
}

#[derive(Serialize)]
struct ConstituencyOut<'a> {
    name: &'a str,
    seats: u64,
    votes: PartyMap<u64>,
    blank_votes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    recorded_seats: Option<PartyMap<u64>>,
}

#[derive(Serialize)]
struct RecordedOut<'a> {
    #[serde(skip_serializing_if = "<[RecordedUnit]>::is_empty")]
    breakdown: &'a [RecordedUnit],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    dissolutions: Vec<DissolutionOut<'a>>,
}

#[derive(Serialize)]
struct DissolutionOut<'a> {
    party: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    awarded: &'a PartyMap<u64>,
    declined: &'a [String],
    declined_to: &'a PartyMap<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    sources: &'a [String],
}

impl Election {
    /// Reads an election file (JSON).
    pub fn from_json(text: &str) -> Result<Election, InputError> {
        let raw: RawElection = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        validate(raw, None)
    }

    /// Reads an election file, with the method given outside it (which wins over the file's).
    pub fn from_json_with_method(text: &str, method: Option<&str>) -> Result<Election, InputError> {
        let raw: RawElection = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        validate(raw, method)
    }

    /// Reads a votes CSV (`constituency,party,votes`) and a seats CSV
    /// (`constituency,seats[,blank_votes]`), both with a header row.
    pub fn from_csv(
        votes_csv: &str,
        seats_csv: &str,
        options: &CsvOptions,
    ) -> Result<Election, InputError> {
        from_csv(votes_csv, seats_csv, options)
    }

    pub fn total_seats(&self) -> u64 {
        self.constituencies.iter().map(|c| c.seats).sum()
    }

    pub fn party_index(&self, name: &str) -> Option<usize> {
        self.parties.iter().position(|p| p == name)
    }

    /// National votes per party, by party number.
    pub fn national_votes(&self) -> Vec<u64> {
        let mut totals = vec![0u64; self.parties.len()];
        for c in &self.constituencies {
            for &(p, v) in &c.votes {
                totals[p] = totals[p].saturating_add(v);
            }
        }
        totals
    }

    /// Whether every constituency records its official seats.
    pub fn has_recorded_seats(&self) -> bool {
        !self.constituencies.is_empty()
            && self
                .constituencies
                .iter()
                .all(|c| c.recorded_seats.is_some())
    }

    /// Writes the election back in the file format: it round-trips through
    /// [`Election::from_json`], the parties in their order (which numbers them: tie order, chart
    /// colours). Written from structs, not through a `serde_json::Value`, whose objects would sort
    /// the parties by name.
    pub fn to_json(&self) -> String {
        let name_of = |p: usize| self.parties.get(p).cloned().unwrap_or_default();
        let pairs =
            |v: &[(usize, u64)]| PartyMap(v.iter().map(|&(p, n)| (name_of(p), n)).collect());
        let file = FileOut {
            name: &self.name,
            method: self.method.name(),
            first_divisor: match self.method {
                Method::ModifiedSainteLague { first_divisor } => Some(first_divisor.as_f64()),
                _ => None,
            },
            threshold: self.threshold.as_f64(),
            constituency_threshold: self.constituency_threshold.as_f64(),
            threshold_rule: (self.threshold_rule != ThresholdRule::default())
                .then(|| self.threshold_rule.name()),
            ties: self.ties.name(),
            seed: match self.ties {
                TiePolicy::Lot { seed } => Some(seed),
                _ => None,
            },
            constituencies: self
                .constituencies
                .iter()
                .map(|c| ConstituencyOut {
                    name: &c.name,
                    seats: c.seats,
                    votes: pairs(&c.votes),
                    blank_votes: c.blank_votes,
                    recorded_seats: c.recorded_seats.as_deref().map(pairs),
                })
                .collect(),
            notes: &self.notes,
            sources: &self.sources,
            recorded: (!self.recorded.breakdown.is_empty()
                || !self.recorded.dissolutions.is_empty())
            .then(|| RecordedOut {
                breakdown: &self.recorded.breakdown,
                dissolutions: self
                    .recorded
                    .dissolutions
                    .iter()
                    .map(|d| DissolutionOut {
                        party: &d.party,
                        date: d.date.as_deref(),
                        awarded: &d.awarded,
                        declined: &d.declined,
                        declined_to: &d.declined_to,
                        note: d.note.as_deref(),
                        sources: &d.sources,
                    })
                    .collect(),
            }),
        };
        // Strings, numbers and maps of numbers: serialising cannot fail.
        serde_json::to_string(&file).unwrap_or_default()
    }
}

/// What a CSV pair cannot say: the election's name and rules.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvOptions {
    pub name: String,
    pub method: String,
    pub first_divisor: Option<f64>,
    pub threshold: f64,
    pub constituency_threshold: f64,
    /// `any` (default) or `all`, as the file field.
    pub threshold_rule: Option<String>,
    pub ties: Option<String>,
    pub seed: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElection {
    name: String,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    first_divisor: Option<Value>,
    #[serde(default)]
    threshold: Option<Value>,
    #[serde(default)]
    constituency_threshold: Option<Value>,
    #[serde(default)]
    threshold_rule: Option<String>,
    #[serde(default)]
    ties: Option<String>,
    #[serde(default)]
    seed: Option<Value>,
    constituencies: Vec<RawConstituency>,
    #[serde(default)]
    notes: Option<Notes>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    recorded: Option<RawRecorded>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Notes {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConstituency {
    name: String,
    seats: Value,
    votes: PartyMap<Value>,
    #[serde(default)]
    blank_votes: Option<Value>,
    #[serde(default)]
    recorded_seats: Option<PartyMap<Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecorded {
    #[serde(default)]
    breakdown: Vec<RawUnit>,
    #[serde(default)]
    dissolutions: Vec<RawDissolution>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    name: String,
    seats: Value,
    won: PartyMap<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDissolution {
    party: String,
    #[serde(default)]
    date: Option<String>,
    awarded: PartyMap<Value>,
    #[serde(default)]
    declined: Vec<String>,
    #[serde(default)]
    declined_to: PartyMap<Value>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

/// Reads a non-negative integer, describing what was there instead.
pub(crate) fn count(value: &Value) -> Result<u64, Problem> {
    let not = |got| Problem::NotWholeNumber {
        positive: false,
        got,
    };
    match value {
        Value::Number(n) => n.as_u64().ok_or_else(|| not(Got::Value(n.to_string()))),
        Value::String(s) => Err(not(Got::Text(s.clone()))),
        other => Err(not(Got::Value(other.to_string()))),
    }
}

/// Reads a positive integer (a number of seats); zero is refused by the caller, which says so.
pub(crate) fn count_seats(value: &Value) -> Result<u64, Problem> {
    count(value).map_err(|p| match p {
        Problem::NotWholeNumber { got, .. } => Problem::NotWholeNumber {
            positive: true,
            got,
        },
        other => other,
    })
}

/// Zero seats, refused.
pub(crate) fn zero_seats() -> Problem {
    Problem::NotWholeNumber {
        positive: true,
        got: Got::Value("0".to_owned()),
    }
}

/// Reads a fraction in [0, 1).
pub(crate) fn unit_fraction(value: Option<&Value>) -> Result<Fraction, Problem> {
    let Some(value) = value else {
        return Ok(Fraction::ZERO);
    };
    let not = |got: &dyn std::fmt::Display| Problem::NotFraction {
        got: got.to_string(),
    };
    let number = match value {
        Value::Null => return Ok(Fraction::ZERO),
        Value::Number(n) => n.as_f64().ok_or_else(|| not(n))?,
        other => return Err(not(other)),
    };
    match Fraction::from_f64(number) {
        Some(f) if f.below_one() => Ok(f),
        _ => Err(not(value)),
    }
}

fn check_name(kind: NameKind, name: &str) -> Result<(), Problem> {
    if name.trim().is_empty() {
        Err(Problem::EmptyName { kind })
    } else {
        Ok(())
    }
}

fn validate(raw: RawElection, method_override: Option<&str>) -> Result<Election, InputError> {
    let first_divisor = match &raw.first_divisor {
        None | Some(Value::Null) => None,
        Some(v) => {
            let f = v
                .as_f64()
                .and_then(Fraction::from_f64)
                .filter(|f| f.num > 0 && f.num <= 3 * f.den);
            Some(f.ok_or_else(|| {
                field(
                    "first_divisor",
                    Problem::NotFirstDivisor { got: v.to_string() },
                )
            })?)
        }
    };
    let Some(method_name) = method_override.or(raw.method.as_deref()) else {
        return Err(field("method", Problem::MethodMissing));
    };
    let method = parse_method(method_name, first_divisor)?;
    if first_divisor.is_some() && !matches!(method, Method::ModifiedSainteLague { .. }) {
        return Err(field(
            "first_divisor",
            Problem::FirstDivisorNotModified {
                method: method.name(),
            },
        ));
    }
    let threshold = unit_fraction(raw.threshold.as_ref()).map_err(|p| field("threshold", p))?;
    let constituency_threshold = unit_fraction(raw.constituency_threshold.as_ref())
        .map_err(|p| field("constituency_threshold", p))?;
    let threshold_rule = match raw.threshold_rule.as_deref() {
        None | Some("any") => ThresholdRule::Any,
        Some("all") => ThresholdRule::All,
        Some(other) => {
            return Err(field(
                "threshold_rule",
                Problem::NotThresholdRule {
                    got: other.to_owned(),
                },
            ));
        }
    };
    let seed = match &raw.seed {
        None | Some(Value::Null) => None,
        Some(v) => Some(count(v).map_err(|p| field("seed", p))?),
    };
    let ties = parse_ties(raw.ties.as_deref(), seed)?;

    if raw.constituencies.is_empty() {
        return Err(field(
            "constituencies",
            Problem::NoneListed {
                kind: NameKind::Constituency,
            },
        ));
    }
    let mut parties: Vec<String> = Vec::new();
    let mut party_numbers: HashMap<String, usize> = HashMap::new();
    let number_of =
        |name: &str, parties: &mut Vec<String>, numbers: &mut HashMap<String, usize>| -> usize {
            if let Some(&n) = numbers.get(name) {
                return n;
            }
            parties.push(name.to_owned());
            numbers.insert(name.to_owned(), parties.len() - 1);
            parties.len() - 1
        };
    let mut seen_constituencies = HashSet::new();
    let mut constituencies = Vec::with_capacity(raw.constituencies.len());
    let mut national_total = 0u64;
    for (i, rc) in raw.constituencies.into_iter().enumerate() {
        let cname = rc.name.clone();
        if cname.trim().is_empty() {
            return Err(field(
                format!("constituencies[{i}].name"),
                Problem::EmptyName {
                    kind: NameKind::Constituency,
                },
            ));
        }
        if !seen_constituencies.insert(cname.clone()) {
            return Err(in_constituency(
                &cname,
                Key::new("name"),
                Problem::ListedAgain {
                    kind: NameKind::Constituency,
                },
            ));
        }
        let seats =
            count_seats(&rc.seats).map_err(|p| in_constituency(&cname, Key::new("seats"), p))?;
        if seats == 0 {
            return Err(in_constituency(&cname, Key::new("seats"), zero_seats()));
        }
        if seats > MAX_SEATS {
            return Err(in_constituency(
                &cname,
                Key::new("seats"),
                Problem::TooManySeats {
                    max: MAX_SEATS,
                    got: seats,
                },
            ));
        }
        if let Some(dup) = rc.votes.first_duplicate() {
            return Err(in_constituency(
                &cname,
                Key::new("votes"),
                Problem::Repeated {
                    kind: NameKind::Party,
                    name: dup.to_owned(),
                },
            ));
        }
        if rc.votes.is_empty() {
            return Err(in_constituency(&cname, Key::new("votes"), Problem::NoParty));
        }
        let mut votes = Vec::with_capacity(rc.votes.len());
        for (party, value) in &rc.votes.0 {
            check_name(NameKind::Party, party)
                .map_err(|p| in_constituency(&cname, Key::new("votes"), p))?;
            let v =
                count(value).map_err(|p| in_constituency(&cname, Key::entry("votes", party), p))?;
            votes.push((number_of(party, &mut parties, &mut party_numbers), v));
        }
        let blank_votes = match &rc.blank_votes {
            None | Some(Value::Null) => 0,
            Some(v) => count(v).map_err(|p| in_constituency(&cname, Key::new("blank_votes"), p))?,
        };
        // Every sum the engine takes is a part of the national total, so checking that total
        // once here means no sum can overflow later.
        let local = votes
            .iter()
            .try_fold(blank_votes, |acc: u64, (_, v)| acc.checked_add(*v));
        national_total = local
            .and_then(|l| national_total.checked_add(l))
            .ok_or_else(|| in_constituency(&cname, Key::new("votes"), Problem::VotesOverflow))?;
        let recorded_seats = match &rc.recorded_seats {
            None => None,
            Some(map) => Some(recorded_in(&cname, map, &votes, seats, &party_numbers)?),
        };
        constituencies.push(Constituency {
            name: cname,
            seats,
            votes,
            blank_votes,
            recorded_seats,
        });
    }
    let recorded = match raw.recorded {
        None => Recorded::default(),
        Some(r) => validate_recorded(r, &party_numbers)?,
    };
    let notes = match raw.notes {
        None => Vec::new(),
        Some(Notes::One(s)) => vec![s],
        Some(Notes::Many(v)) => v,
    };
    Ok(Election {
        name: raw.name,
        method,
        threshold,
        constituency_threshold,
        threshold_rule,
        ties,
        parties,
        constituencies,
        notes,
        sources: raw.sources,
        recorded,
    })
}

pub(crate) fn parse_method(
    name: &str,
    first_divisor: Option<Fraction>,
) -> Result<Method, InputError> {
    Method::from_name(name, first_divisor).ok_or_else(|| {
        field(
            "method",
            Problem::UnknownMethod {
                name: name.to_owned(),
            },
        )
    })
}

pub(crate) fn parse_ties(ties: Option<&str>, seed: Option<u64>) -> Result<TiePolicy, InputError> {
    match (ties, seed) {
        (None | Some("error"), None) => Ok(TiePolicy::Error),
        (Some("most-votes"), None) => Ok(TiePolicy::MostVotes),
        (Some("lot"), Some(seed)) => Ok(TiePolicy::Lot { seed }),
        (Some("lot"), None) => Err(field("seed", Problem::LotNeedsSeed)),
        (t @ (Some("error" | "most-votes") | None), Some(_)) => Err(field(
            "seed",
            Problem::SeedWithoutLot {
                ties: t.unwrap_or("error").to_owned(),
            },
        )),
        (Some(other), _) => Err(field(
            "ties",
            Problem::NotTieRule {
                got: other.to_owned(),
            },
        )),
    }
}

fn recorded_in(
    cname: &str,
    map: &PartyMap<Value>,
    votes: &[(usize, u64)],
    seats: u64,
    numbers: &HashMap<String, usize>,
) -> Result<Vec<(usize, u64)>, InputError> {
    if let Some(dup) = map.first_duplicate() {
        return Err(in_constituency(
            cname,
            Key::new("recorded_seats"),
            Problem::Repeated {
                kind: NameKind::Party,
                name: dup.to_owned(),
            },
        ));
    }
    let mut out = Vec::new();
    let mut sum = 0u64;
    for (party, value) in &map.0 {
        let n = count(value)
            .map_err(|p| in_constituency(cname, Key::entry("recorded_seats", party), p))?;
        let p = numbers
            .get(party)
            .copied()
            .filter(|p| votes.iter().any(|(q, _)| q == p))
            .ok_or_else(|| {
                in_constituency(
                    cname,
                    Key::new("recorded_seats"),
                    Problem::NoVotesEntry {
                        party: party.clone(),
                    },
                )
            })?;
        sum = sum.saturating_add(n);
        out.push((p, n));
    }
    if sum != seats {
        return Err(in_constituency(
            cname,
            Key::new("recorded_seats"),
            Problem::SeatsSum {
                kind: NameKind::Constituency,
                sum,
                seats,
            },
        ));
    }
    Ok(out)
}

fn party_counts(
    what: &str,
    map: &PartyMap<Value>,
    numbers: &HashMap<String, usize>,
) -> Result<PartyMap<u64>, InputError> {
    if let Some(dup) = map.first_duplicate() {
        return Err(field(
            what,
            Problem::Repeated {
                kind: NameKind::Party,
                name: dup.to_owned(),
            },
        ));
    }
    let mut out = PartyMap::new();
    for (party, value) in &map.0 {
        if !numbers.contains_key(party) {
            return Err(field(
                what,
                Problem::NotStanding {
                    party: party.clone(),
                },
            ));
        }
        let n = count(value).map_err(|problem| InputError::Field {
            field: Key::entry(what, party),
            problem: Box::new(problem),
        })?;
        out.0.push((party.clone(), n));
    }
    Ok(out)
}

fn validate_recorded(
    raw: RawRecorded,
    numbers: &HashMap<String, usize>,
) -> Result<Recorded, InputError> {
    let mut breakdown = Vec::new();
    let mut seen = HashSet::new();
    for unit in raw.breakdown {
        let what = format!("recorded.breakdown \"{}\"", unit.name);
        if !seen.insert(unit.name.clone()) {
            return Err(field(
                what,
                Problem::ListedAgain {
                    kind: NameKind::Unit,
                },
            ));
        }
        let seats = count(&unit.seats).map_err(|p| field(format!("{what}: seats"), p))?;
        let won = party_counts(&format!("{what}: won"), &unit.won, numbers)?;
        let sum = won.iter().fold(0u64, |a, (_, n)| a.saturating_add(*n));
        if sum != seats {
            return Err(field(
                format!("{what}: won"),
                Problem::SeatsSum {
                    kind: NameKind::Unit,
                    sum,
                    seats,
                },
            ));
        }
        breakdown.push(RecordedUnit {
            name: unit.name,
            seats,
            won,
        });
    }
    let mut dissolutions = Vec::new();
    for d in raw.dissolutions {
        let what = format!("recorded.dissolutions \"{}\"", d.party);
        if !numbers.contains_key(&d.party) {
            return Err(field(what, Problem::ThisNotStanding));
        }
        let awarded = party_counts(&format!("{what}: awarded"), &d.awarded, numbers)?;
        let declined_to = party_counts(&format!("{what}: declined_to"), &d.declined_to, numbers)?;
        for p in &d.declined {
            if awarded.get(p).is_none() {
                return Err(field(
                    format!("{what}: declined"),
                    Problem::NothingToDecline { party: p.clone() },
                ));
            }
        }
        let declined_seats = d
            .declined
            .iter()
            .filter_map(|p| awarded.get(p))
            .fold(0u64, |a, n| a.saturating_add(*n));
        let passed_on = declined_to
            .iter()
            .fold(0u64, |a, (_, n)| a.saturating_add(*n));
        if declined_seats != passed_on {
            return Err(field(
                format!("{what}: declined_to"),
                Problem::PassedOnSum {
                    passed_on,
                    declined: declined_seats,
                },
            ));
        }
        dissolutions.push(RecordedDissolution {
            party: d.party,
            date: d.date,
            awarded,
            declined: d.declined,
            declined_to,
            note: d.note,
            sources: d.sources,
        });
    }
    Ok(Recorded {
        breakdown,
        dissolutions,
    })
}

/// Splits CSV text into records with their line numbers, using the header to find columns.
struct CsvTable {
    file: CsvFile,
    columns: Vec<String>,
    rows: Vec<(u64, Vec<String>)>,
}

impl CsvTable {
    fn parse(file: CsvFile, text: &str) -> Result<CsvTable, InputError> {
        let csv_error = |line: u64, e: &csv::Error| InputError::Csv {
            file,
            line,
            field: Key::new("row"),
            problem: Box::new(match e.kind() {
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => Problem::CsvFields {
                    expected: *expected_len,
                    got: *len,
                },
                csv::ErrorKind::Utf8 { .. } => Problem::CsvUtf8,
                _ => Problem::CsvSyntax(e.to_string()),
            }),
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let columns: Vec<String> = reader
            .headers()
            .map_err(|e| csv_error(1, &e))?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_ascii_lowercase())
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, csv::Position::line);
                csv_error(line, &e)
            })?;
            let line = record.position().map_or(0, csv::Position::line);
            if record.iter().all(str::is_empty) {
                continue;
            }
            rows.push((line, record.iter().map(str::to_owned).collect()));
        }
        Ok(CsvTable {
            file,
            columns,
            rows,
        })
    }

    fn column(&self, name: &str, required: bool) -> Result<Option<usize>, InputError> {
        match self.columns.iter().position(|c| c == name) {
            Some(i) => Ok(Some(i)),
            None if required => Err(InputError::Csv {
                file: self.file,
                line: 1,
                field: Key::new(name),
                problem: Box::new(Problem::MissingColumn {
                    header: self.columns.clone(),
                }),
            }),
            None => Ok(None),
        }
    }

    fn error(&self, line: u64, field: &str, problem: Problem) -> InputError {
        InputError::Csv {
            file: self.file,
            line,
            field: Key::new(field),
            problem: Box::new(problem),
        }
    }

    fn count(&self, line: u64, field: &str, cell: &str) -> Result<u64, InputError> {
        cell.parse::<u64>().map_err(|_| {
            self.error(
                line,
                field,
                Problem::NotWholeNumber {
                    positive: false,
                    got: Got::Value(format!("{cell:?}")),
                },
            )
        })
    }
}

fn from_csv(
    votes_csv: &str,
    seats_csv: &str,
    options: &CsvOptions,
) -> Result<Election, InputError> {
    let seats_table = CsvTable::parse(CsvFile::Seats, seats_csv)?;
    let (sc, ss) = (
        seats_table.column("constituency", true)?,
        seats_table.column("seats", true)?,
    );
    let sb = seats_table.column("blank_votes", false)?;
    let mut order: Vec<String> = Vec::new();
    let mut magnitude: HashMap<String, (u64, Option<u64>, u64)> = HashMap::new();
    for (line, row) in &seats_table.rows {
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map_or("", String::as_str);
        let name = cell(sc);
        if name.is_empty() {
            return Err(seats_table.error(
                *line,
                "constituency",
                Problem::EmptyName {
                    kind: NameKind::Constituency,
                },
            ));
        }
        let seats = seats_table.count(*line, "seats", cell(ss))?;
        if seats == 0 {
            return Err(seats_table.error(*line, "seats", zero_seats()));
        }
        let blank = match sb.map(|_| cell(sb)).filter(|c| !c.is_empty()) {
            Some(c) => Some(seats_table.count(*line, "blank_votes", c)?),
            None => None,
        };
        if magnitude
            .insert(name.to_owned(), (seats, blank, *line))
            .is_some()
        {
            return Err(seats_table.error(
                *line,
                "constituency",
                Problem::Repeated {
                    kind: NameKind::Constituency,
                    name: name.to_owned(),
                },
            ));
        }
        order.push(name.to_owned());
    }
    let votes_table = CsvTable::parse(CsvFile::Votes, votes_csv)?;
    let (vc, vp, vv) = (
        votes_table.column("constituency", true)?,
        votes_table.column("party", true)?,
        votes_table.column("votes", true)?,
    );
    let mut votes: HashMap<String, Vec<(String, Value)>> = HashMap::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for (line, row) in &votes_table.rows {
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map_or("", String::as_str);
        let (c, p) = (cell(vc), cell(vp));
        if !magnitude.contains_key(c) {
            return Err(votes_table.error(
                *line,
                "constituency",
                Problem::NotInSeatsFile {
                    constituency: c.to_owned(),
                },
            ));
        }
        if p.is_empty() {
            return Err(votes_table.error(
                *line,
                "party",
                Problem::EmptyName {
                    kind: NameKind::Party,
                },
            ));
        }
        if !seen.insert((c.to_owned(), p.to_owned())) {
            return Err(votes_table.error(
                *line,
                "party",
                Problem::RepeatedIn {
                    party: p.to_owned(),
                    constituency: c.to_owned(),
                },
            ));
        }
        let v = votes_table.count(*line, "votes", cell(vv))?;
        votes
            .entry(c.to_owned())
            .or_default()
            .push((p.to_owned(), Value::from(v)));
    }
    let mut constituencies = Vec::with_capacity(order.len());
    for name in order {
        let (seats, blank, line) = magnitude[&name];
        let Some(v) = votes.remove(&name) else {
            return Err(seats_table.error(
                line,
                "constituency",
                Problem::NoVotesRows {
                    constituency: name.clone(),
                },
            ));
        };
        constituencies.push(RawConstituency {
            name,
            seats: Value::from(seats),
            votes: PartyMap(v),
            blank_votes: blank.map(Value::from),
            recorded_seats: None,
        });
    }
    let raw = RawElection {
        name: options.name.clone(),
        method: Some(options.method.clone()),
        first_divisor: options.first_divisor.map(Value::from),
        threshold: Some(Value::from(options.threshold)),
        constituency_threshold: Some(Value::from(options.constituency_threshold)),
        threshold_rule: options.threshold_rule.clone(),
        ties: options.ties.clone(),
        seed: options.seed.map(Value::from),
        constituencies,
        notes: None,
        sources: Vec::new(),
        recorded: None,
    };
    validate(raw, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        Election::from_json(text).unwrap_err().to_string()
    }

    const GOOD: &str = r#"{"name": "Example 2013", "method": "dhondt", "threshold": 0.0,
        "constituency_threshold": 0.0,
        "constituencies": [{"name": "North", "seats": 5,
            "votes": {"A": 10000, "B": 6000, "C": 1500}, "blank_votes": 120}]}"#;

    #[test]
    fn the_contract_example_reads() {
        let e = Election::from_json(GOOD).unwrap();
        assert_eq!(e.parties, vec!["A", "B", "C"]);
        assert_eq!(
            e.constituencies[0].votes,
            vec![(0, 10000), (1, 6000), (2, 1500)]
        );
        assert_eq!(e.constituencies[0].blank_votes, 120);
        assert_eq!(e.total_seats(), 5);
        // And round-trips.
        let again = Election::from_json(&e.to_json()).unwrap();
        assert_eq!(again, e);
    }

    #[test]
    fn bad_values_name_the_constituency_and_field() {
        let bad = GOOD.replace("\"B\": 6000", "\"B\": -3");
        assert_eq!(
            err(&bad),
            "constituency \"North\": votes for \"B\": must be a non-negative integer, got -3"
        );
        let bad = GOOD.replace("\"B\": 6000", "\"B\": 6000.5");
        assert_eq!(
            err(&bad),
            "constituency \"North\": votes for \"B\": must be a non-negative integer, got 6000.5"
        );
        let bad = GOOD.replace("\"seats\": 5", "\"seats\": 0");
        assert_eq!(
            err(&bad),
            "constituency \"North\": seats: must be a positive integer, got 0"
        );
        let bad = GOOD.replace("\"seats\": 5", "\"seats\": 5000000");
        assert_eq!(
            err(&bad),
            "constituency \"North\": seats: must be at most 1000000, got 5000000"
        );
        let bad = GOOD.replace("\"A\": 10000", "\"A\": 18446744073709551615");
        assert_eq!(
            err(&bad),
            "constituency \"North\": votes: the votes add up to more than 2^64 - 1"
        );
        let bad = GOOD.replace("\"seats\": 5", "\"seats\": -2");
        assert_eq!(
            err(&bad),
            "constituency \"North\": seats: must be a positive integer, got -2"
        );
        let bad = GOOD.replace("\"C\": 1500", "\"\": 1500");
        assert_eq!(
            err(&bad),
            "constituency \"North\": votes: party name must not be empty"
        );
        let bad = GOOD.replace("\"C\": 1500", "\"A\": 1500");
        assert_eq!(
            err(&bad),
            "constituency \"North\": votes: party \"A\" is listed more than once"
        );
        let bad = GOOD.replace("\"threshold\": 0.0", "\"threshold\": 1.0");
        assert_eq!(err(&bad), "threshold: must be a number in [0, 1), got 1.0");
        let bad = GOOD.replace("\"threshold\": 0.0", "\"threshold\": -0.1");
        assert_eq!(err(&bad), "threshold: must be a number in [0, 1), got -0.1");
        let bad = GOOD.replace("\"dhondt\"", "\"plurality\"");
        assert!(err(&bad).starts_with("method: unknown method \"plurality\""));
        let bad = GOOD.replace("\"blank_votes\": 120", "\"blank_votes\": \"many\"");
        assert_eq!(
            err(&bad),
            "constituency \"North\": blank_votes: must be a non-negative integer, got the text \"many\""
        );
    }

    #[test]
    fn unknown_fields_and_syntax_errors_carry_line_and_column() {
        let bad = GOOD.replace("\"threshold\"", "\"treshold\"");
        let e = err(&bad);
        assert!(
            e.contains("unknown field `treshold`") && e.contains("line 1 column"),
            "{e}"
        );
        let e = err("{\"name\": \"x\",\n \"constituencies\": [}");
        assert!(e.contains("line 2 column"), "{e}");
        let bad = GOOD.replace("\"blank_votes\": 120", "\"blank\": 120");
        assert!(err(&bad).contains("unknown field `blank`"));
    }

    #[test]
    fn duplicate_constituencies_and_tie_settings() {
        let two = r#"{"name": "x", "method": "hare", "constituencies": [
            {"name": "N", "seats": 1, "votes": {"A": 1}}, {"name": "N", "seats": 1, "votes": {"A": 1}}]}"#;
        assert_eq!(
            err(two),
            "constituency \"N\": name: this constituency is listed more than once"
        );
        let lot = GOOD.replace("\"threshold\": 0.0", "\"ties\": \"lot\"");
        assert_eq!(
            err(&lot),
            "seed: ties = \"lot\" needs a seed, so that the draw can be repeated"
        );
        let lot = GOOD.replace("\"threshold\": 0.0", "\"ties\": \"lot\", \"seed\": 7");
        assert_eq!(
            Election::from_json(&lot).unwrap().ties,
            TiePolicy::Lot { seed: 7 }
        );
        let fd = GOOD.replace("\"threshold\": 0.0", "\"first_divisor\": 1.2");
        assert_eq!(
            err(&fd),
            "first_divisor: only applies to modified-sainte-lague, not dhondt"
        );
        let msl = fd.replace("\"dhondt\"", "\"modified-sainte-lague\"");
        assert_eq!(
            Election::from_json(&msl).unwrap().method,
            Method::ModifiedSainteLague {
                first_divisor: Fraction { num: 6, den: 5 }
            }
        );
    }

    #[test]
    fn missing_method_can_come_from_outside() {
        let none = GOOD.replace("\"method\": \"dhondt\",", "");
        assert_eq!(
            err(&none),
            "method: missing: give it in the file or on the command line"
        );
        let e = Election::from_json_with_method(&none, Some("sainte-lague")).unwrap();
        assert_eq!(e.method, Method::SainteLague);
    }

    #[test]
    fn csv_pairs_read_and_errors_name_the_line() {
        let options = CsvOptions {
            name: "csv".into(),
            method: "dhondt".into(),
            first_divisor: None,
            threshold: 0.0,
            constituency_threshold: 0.03,
            threshold_rule: None,
            ties: None,
            seed: None,
        };
        let seats = "constituency,seats,blank_votes\nNorth,5,120\nSouth,2,\n";
        let votes = "constituency,party,votes\nNorth,A,10000\nNorth,B,6000\nSouth,A,10\n";
        let e = Election::from_csv(votes, seats, &options).unwrap();
        assert_eq!(e.constituencies.len(), 2);
        assert_eq!(e.constituencies[0].blank_votes, 120);
        assert_eq!(e.constituencies[1].votes, vec![(0, 10)]);
        let bad = votes.replace("6000", "-3");
        assert_eq!(
            Election::from_csv(&bad, seats, &options)
                .unwrap_err()
                .to_string(),
            "votes file line 3: votes: must be a non-negative integer, got \"-3\""
        );
        let bad = format!("{votes}North,A,5\n");
        assert_eq!(
            Election::from_csv(&bad, seats, &options)
                .unwrap_err()
                .to_string(),
            "votes file line 5: party: \"A\" is listed twice in \"North\""
        );
        let bad = votes.replace("South,A", "West,A");
        assert!(
            Election::from_csv(&bad, seats, &options)
                .unwrap_err()
                .to_string()
                .contains("\"West\" is not in the seats file")
        );
        let bad = seats.replace("South,2", "South,0");
        assert!(
            Election::from_csv(votes, &bad, &options)
                .unwrap_err()
                .to_string()
                .contains("line 3: seats: must be a positive integer, got 0")
        );
    }
}
