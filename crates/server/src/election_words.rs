//! The election engine's notes, steps, tie rules and refusals in the reader's language, for the
//! election pages and the command line's human output alike.
//!
//! The engine (`accord-elections`) is pure and speaks no language: it returns each of these as
//! a typed value carrying the names and numbers it needs ([`ScenarioNote`], [`Step`],
//! [`TieRule`], [`AllocateError`], [`InputError`], [`SimulationError`]), whose `Display` is
//! the engine's English for JSON, logs and scripts. Here each kind is matched to its catalog
//! message (`el-*` in `locales/*.ftl`), numbers passed as numbers (plurals, the language's
//! digits). The matches are exhaustive, on purpose: a kind the engine adds does not compile
//! until it has its words.

use accord_elections::{
    AllocateError, CsvFile, Got, InputError, JsonProblem, Key, NameKind, Place, Problem,
    ScenarioError, ScenarioNote, SimulationError, Step, StepKind, TieReport, TieRule,
};
use fluent_bundle::FluentValue;

use crate::i18n::Say;

/// A list of names (parties, constituencies) as the interface writes them: joined by commas,
/// each as it is named (names are the data's, in no language).
fn names(list: &[String]) -> FluentValue<'static> {
    FluentValue::from(list.join(", "))
}

/// A count as a Fluent number (plural selection, the language's digits and grouping).
fn n(value: u64) -> FluentValue<'static> {
    FluentValue::from(value)
}

/// The rule that settled a tie (`most-votes`, `lot`) in words.
pub fn tie_rule(say: &Say<'_>, rule: TieRule) -> String {
    say.t(match rule {
        TieRule::MostVotes => "el-tie-rule-most-votes",
        TieRule::Lot => "el-tie-rule-lot",
    })
}

/// The arguments of a settled tie's messages (`el-flag-tie`, `el-note-tie`, `cli-el-tie`):
/// `place`, `seat`, `tied`, `rule`, `winners`.
pub fn tie_args<'a>(say: &Say<'_>, tie: &'a TieReport) -> [(&'static str, FluentValue<'a>); 5] {
    [
        ("place", tie.constituency.as_str().into()),
        ("seat", n(tie.seat)),
        ("tied", names(&tie.tied)),
        ("rule", tie_rule(say, tie.rule).into()),
        ("winners", names(&tie.winners)),
    ]
}

/// Where a stage took place: `national` in words, or the constituency's name.
pub fn place(say: &Say<'_>, place: &Place) -> String {
    match place {
        Place::National => say.t("el-scope-short-national"),
        Place::Constituency(name) => name.clone(),
    }
}

/// A scenario's stage (without its seats).
pub fn step(say: &Say<'_>, step: &Step) -> String {
    let what = say.t(match step.kind {
        StepKind::Award => "el-step-award",
        StepKind::AwardInConstituencies => "el-step-award-constituency",
        StepKind::Declined => "el-step-declined",
        StepKind::PassedOn => "el-step-passed-on",
        StepKind::RecordedAward => "el-step-recorded-award",
        StepKind::RecordedDeclined => "el-step-recorded-declined",
        StepKind::RecordedPassedOn => "el-step-recorded-passed-on",
    });
    match &step.place {
        Some(p) => say.msg(
            "el-step-at",
            &[("place", place(say, p).into()), ("step", what.into())],
        ),
        None => what,
    }
}

/// A note on a scenario's result; a record's own note is shown as its author wrote it.
pub fn scenario_note(say: &Say<'_>, note: &ScenarioNote) -> String {
    match note {
        ScenarioNote::NoSeatBefore { party } => {
            say.msg("el-note-no-seat", &[("party", party.as_str().into())])
        }
        ScenarioNote::RerunFromRecorded => say.t("el-note-rerun-recorded"),
        ScenarioNote::Recorded(text) => text.clone(),
    }
}

/// Why an election could not be allocated, or a scenario computed.
pub fn allocate_error(say: &Say<'_>, error: &AllocateError) -> String {
    match error {
        AllocateError::Tie {
            constituency,
            seat,
            seats,
            seats_left,
            parties,
        } => say.msg(
            "el-engine-tie",
            &[
                ("place", constituency.as_str().into()),
                ("seat", n(*seat)),
                ("last", n(seat + seats_left.saturating_sub(1))),
                ("seats", n(*seats)),
                ("left", n(*seats_left)),
                ("parties", names(parties)),
            ],
        ),
        AllocateError::NoCandidates {
            constituency,
            seats,
            seats_left,
        } => say.msg(
            "el-engine-no-candidates",
            &[
                ("place", constituency.as_str().into()),
                ("seats", n(*seats)),
                ("left", n(*seats_left)),
            ],
        ),
        AllocateError::Scenario(e) => scenario_error(say, e),
        AllocateError::Unapportioned { seats, seats_left } => say.msg(
            "el-engine-unapportioned",
            &[("seats", n(*seats)), ("left", n(*seats_left))],
        ),
    }
}

/// Why a scenario cannot be computed as asked.
pub fn scenario_error(say: &Say<'_>, error: &ScenarioError) -> String {
    let party = |id: &str, party: &str| say.msg(id, &[("party", party.into())]);
    match error {
        ScenarioError::NotStanding { party, election } => say.msg(
            "el-engine-not-standing",
            &[
                ("party", party.as_str().into()),
                ("election", election.as_str().into()),
            ],
        ),
        ScenarioError::BasisNotRecorded => say.t("el-err-basis-not-recorded"),
        ScenarioError::NotDivisor { method } => {
            say.msg("el-engine-not-divisor", &[("method", (*method).into())])
        }
        ScenarioError::DeclinedIsDissolved { party: p } => party("el-err-declined-dissolved", p),
        ScenarioError::DeclinedNotStanding { party: p } => party("el-err-declined-unknown", p),
        ScenarioError::NoMinor {
            place: Place::National,
            seats,
        } => say.msg("el-engine-no-minor", &[("seats", n(*seats))]),
        ScenarioError::NoMinor {
            place: Place::Constituency(c),
            seats,
        } => say.msg(
            "el-engine-no-minor-in",
            &[("place", c.as_str().into()), ("seats", n(*seats))],
        ),
        ScenarioError::NoOneToPassTo { place: p, seats } => say.msg(
            "el-engine-no-one-to-pass",
            &[("place", place(say, p).into()), ("seats", n(*seats))],
        ),
        ScenarioError::NotRecorded { party: p } => party("el-engine-not-recorded", p),
        ScenarioError::RecordedMismatch {
            party,
            awarded,
            held,
        } => say.msg(
            "el-engine-recorded-mismatch",
            &[
                ("party", party.as_str().into()),
                ("awarded", n(*awarded)),
                ("held", n(*held)),
            ],
        ),
    }
}

/// Why a simulation cannot run.
pub fn simulation_error(say: &Say<'_>, error: &SimulationError) -> String {
    match error {
        SimulationError::NoRuns => say.t("el-engine-no-runs"),
        SimulationError::Concentration { value, shape: None } => say.msg(
            "el-engine-concentration",
            &[("value", say.lang.digits(value).into())],
        ),
        SimulationError::Concentration {
            value,
            shape: Some(shape),
        } => say.msg(
            "el-engine-concentration-shape",
            &[
                ("value", say.lang.digits(value).into()),
                ("shape", say.lang.digits(shape).into()),
            ],
        ),
        SimulationError::NoVotes(place) => {
            say.msg("el-engine-no-votes", &[("place", place.as_str().into())])
        }
        SimulationError::TooLarge { parties, seats } => say.msg(
            "el-engine-too-large",
            &[
                ("parties", n(u64::try_from(*parties).unwrap_or(u64::MAX))),
                ("seats", n(*seats)),
                ("most", n(accord_elections::simulate::MAX_TALLY)),
            ],
        ),
        SimulationError::Run {
            run,
            constituency,
            seats_left,
        } => say.msg(
            "el-engine-run",
            &[
                ("run", n(*run)),
                ("place", constituency.as_str().into()),
                ("left", n(*seats_left)),
            ],
        ),
    }
}

/// A problem with an election or apportionment file, naming where it is.
pub fn input_error(say: &Say<'_>, error: &InputError) -> String {
    match error {
        // serde's own sentence (`detail`) is English; what it says is in the kind and the
        // field's name.
        InputError::Json {
            kind, line, column, ..
        } => {
            let (id, field) = match kind {
                JsonProblem::Syntax => ("el-input-json-syntax", None),
                JsonProblem::Eof => ("el-input-json-eof", None),
                JsonProblem::UnknownField { field } => ("el-input-json-unknown", Some(field)),
                JsonProblem::MissingField { field } => ("el-input-json-missing", Some(field)),
                JsonProblem::Shape => ("el-input-json-shape", None),
            };
            say.msg(
                id,
                &[
                    ("line", n(u64::try_from(*line).unwrap_or(u64::MAX))),
                    ("column", n(u64::try_from(*column).unwrap_or(u64::MAX))),
                    ("field", field.map_or_else(String::new, Clone::clone).into()),
                ],
            )
        }
        InputError::Field { field, problem: p } => say.msg(
            "el-input-field",
            &[
                ("field", key(say, field).into()),
                ("problem", problem(say, p).into()),
            ],
        ),
        InputError::Constituency {
            constituency,
            field,
            problem: p,
        } => say.msg(
            "el-input-constituency",
            &[
                ("place", constituency.as_str().into()),
                ("field", key(say, field).into()),
                ("problem", problem(say, p).into()),
            ],
        ),
        InputError::Csv {
            file,
            line,
            field,
            problem: p,
        } => say.msg(
            "el-input-csv",
            &[
                (
                    "file",
                    say.t(match file {
                        CsvFile::Votes => "el-input-file-votes",
                        CsvFile::Seats => "el-input-file-seats",
                    })
                    .into(),
                ),
                ("line", n(*line)),
                ("field", key(say, field).into()),
                ("problem", problem(say, p).into()),
            ],
        ),
    }
}

/// Where in a file: the key path as the file names it, and the entry of a map.
pub fn key(say: &Say<'_>, key: &Key) -> String {
    match &key.entry {
        Some(entry) => say.msg(
            "el-input-key-entry",
            &[
                ("path", key.path.as_str().into()),
                ("entry", entry.as_str().into()),
            ],
        ),
        None => key.path.clone(),
    }
}

/// What is wrong with one value.
pub fn problem(say: &Say<'_>, problem: &Problem) -> String {
    let kind = |k: NameKind| FluentValue::from(k.name());
    let text = |s: &str| FluentValue::from(s.to_owned());
    match problem {
        Problem::NotWholeNumber { positive, got } => say.msg(
            if *positive {
                "el-problem-positive"
            } else {
                "el-problem-whole-number"
            },
            &[("got", self::got(say, got).into())],
        ),
        Problem::NotFraction { got } => say.msg(
            "el-problem-fraction",
            &[("got", say.lang.digits(got).into())],
        ),
        Problem::NotFirstDivisor { got } => say.msg(
            "el-problem-first-divisor",
            &[("got", say.lang.digits(got).into())],
        ),
        Problem::MethodMissing => say.t("el-problem-method-missing"),
        Problem::UnknownMethod { name } => {
            let known: Vec<String> = accord_elections::method::METHOD_NAMES
                .iter()
                .map(|(c, _)| (*c).to_owned())
                .collect();
            say.msg(
                "el-problem-unknown-method",
                &[("name", text(name)), ("known", names(&known))],
            )
        }
        Problem::FirstDivisorNotModified { method } => say.msg(
            "el-problem-first-divisor-method",
            &[("method", (*method).into())],
        ),
        Problem::NotThresholdRule { got } => {
            say.msg("el-problem-threshold-rule", &[("got", text(got))])
        }
        Problem::NotTieRule { got } => say.msg("el-problem-tie-rule", &[("got", text(got))]),
        Problem::LotNeedsSeed => say.t("el-problem-lot-seed"),
        Problem::SeedWithoutLot { ties } => {
            say.msg("el-problem-seed-without-lot", &[("ties", text(ties))])
        }
        Problem::NoneListed { kind: k } => say.msg("el-problem-none-listed", &[("kind", kind(*k))]),
        Problem::EmptyName { kind: k } => say.msg("el-problem-empty-name", &[("kind", kind(*k))]),
        Problem::ListedAgain { kind: k } => {
            say.msg("el-problem-listed-again", &[("kind", kind(*k))])
        }
        Problem::Repeated { kind: k, name } => say.msg(
            "el-problem-repeated",
            &[("kind", kind(*k)), ("name", text(name))],
        ),
        Problem::RepeatedIn {
            party,
            constituency,
        } => say.msg(
            "el-problem-repeated-in",
            &[("party", text(party)), ("place", text(constituency))],
        ),
        Problem::TooManySeats { max, got } => say.msg(
            "el-problem-too-many-seats",
            &[("max", n(*max)), ("got", n(*got))],
        ),
        Problem::NoParty => say.t("el-problem-no-party"),
        Problem::VotesOverflow => say.t("el-problem-votes-overflow"),
        Problem::NoVotesEntry { party } => {
            say.msg("el-problem-no-votes-entry", &[("party", text(party))])
        }
        Problem::SeatsSum {
            kind: k,
            sum,
            seats,
        } => say.msg(
            "el-problem-seats-sum",
            &[("kind", kind(*k)), ("sum", n(*sum)), ("seats", n(*seats))],
        ),
        Problem::NotStanding { party } => {
            say.msg("el-problem-not-standing", &[("party", text(party))])
        }
        Problem::ThisNotStanding => say.t("el-problem-this-not-standing"),
        Problem::NothingToDecline { party } => {
            say.msg("el-problem-nothing-to-decline", &[("party", text(party))])
        }
        Problem::PassedOnSum {
            passed_on,
            declined,
        } => say.msg(
            "el-problem-passed-on-sum",
            &[("passed", n(*passed_on)), ("declined", n(*declined))],
        ),
        Problem::MinimumTooHigh {
            min_seats,
            units,
            needed,
            seats,
        } => say.msg(
            "el-problem-minimum",
            &[
                ("min", n(*min_seats)),
                ("units", n(u64::try_from(*units).unwrap_or(u64::MAX))),
                ("needed", n(u64::try_from(*needed).unwrap_or(u64::MAX))),
                ("seats", n(*seats)),
            ],
        ),
        Problem::CsvFields { expected, got } => say.msg(
            "el-problem-csv-fields",
            &[("expected", n(*expected)), ("got", n(*got))],
        ),
        Problem::CsvUtf8 => say.t("el-problem-csv-utf8"),
        Problem::CsvSyntax(detail) => say.msg("el-problem-csv-syntax", &[("detail", text(detail))]),
        Problem::MissingColumn { header } => {
            say.msg("el-problem-missing-column", &[("header", names(header))])
        }
        Problem::NotInSeatsFile { constituency } => say.msg(
            "el-problem-not-in-seats-file",
            &[("place", text(constituency))],
        ),
        Problem::NoVotesRows { constituency } => {
            say.msg("el-problem-no-votes-rows", &[("place", text(constituency))])
        }
    }
}

/// A value found where a number was expected: a number in the language's digits, a text as
/// the file holds it.
fn got(say: &Say<'_>, got: &Got) -> String {
    match got {
        Got::Value(v) => say.lang.digits(v),
        Got::Text(t) => say.msg("el-problem-got-text", &[("text", t.as_str().into())]),
    }
}

#[cfg(test)]
mod tests {
    use accord_core::Lang;
    use accord_elections::{
        AllocateError, CsvFile, Got, InputError, JsonProblem, Key, NameKind, Place, Problem,
        ScenarioError, ScenarioNote, SimulationError, Step, StepKind, TieReport, TieRule,
    };

    use super::*;
    use crate::i18n::{Say, test_catalogs};

    fn say(lang: Lang) -> Say<'static> {
        Say::new(test_catalogs(), lang)
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// The runs of two English words or more in the engine's sentence, its quoted names (and
    /// the file's own keywords, which are quoted too) left out: what a translation must not
    /// contain.
    fn english_runs(sentence: &str) -> Vec<String> {
        let mut plain = String::new();
        let mut quoted = false;
        for c in sentence.chars() {
            if c == '"' {
                quoted = !quoted;
                plain.push('|');
            } else if !quoted {
                plain.push(c);
            }
        }
        let mut runs = Vec::new();
        for piece in plain.split(|c: char| !(c.is_ascii_alphabetic() || c == ' ' || c == '\'')) {
            let words: Vec<&str> = piece.split_whitespace().collect();
            if words.len() >= 2 {
                runs.push(words.join(" ").to_lowercase());
            }
        }
        runs
    }

    /// Checks one worded value in every language: the English words come from the catalog
    /// (not a message id), and French and Khmer hold no run of the engine's English sentence.
    fn check(english: &str, word: impl Fn(&Say<'_>) -> String) {
        let runs = english_runs(english);
        for lang in [Lang::En, Lang::Fr, Lang::Km] {
            let text = word(&say(lang));
            assert!(
                !text.contains("el-") && !text.is_empty(),
                "{lang:?}: no message for {english:?}: {text}"
            );
            if lang == Lang::En {
                continue;
            }
            let lower = text.to_lowercase();
            let found: Vec<&String> = runs.iter().filter(|r| lower.contains(r.as_str())).collect();
            assert!(
                found.is_empty(),
                "{lang:?}: English {found:?} of {english:?} in {text:?}"
            );
        }
    }

    fn problems() -> Vec<Problem> {
        let got = Got::Value("-3".to_owned());
        vec![
            Problem::NotWholeNumber {
                positive: false,
                got: got.clone(),
            },
            Problem::NotWholeNumber {
                positive: true,
                got: Got::Text("five".to_owned()),
            },
            Problem::NotFraction {
                got: "1.5".to_owned(),
            },
            Problem::NotFirstDivisor {
                got: "4".to_owned(),
            },
            Problem::MethodMissing,
            Problem::UnknownMethod {
                name: "plurality".to_owned(),
            },
            Problem::FirstDivisorNotModified { method: "dhondt" },
            Problem::NotThresholdRule {
                got: "some".to_owned(),
            },
            Problem::NotTieRule {
                got: "coin".to_owned(),
            },
            Problem::LotNeedsSeed,
            Problem::SeedWithoutLot {
                ties: "error".to_owned(),
            },
            Problem::NoneListed {
                kind: NameKind::Constituency,
            },
            Problem::NoneListed {
                kind: NameKind::Unit,
            },
            Problem::EmptyName {
                kind: NameKind::Party,
            },
            Problem::EmptyName {
                kind: NameKind::Constituency,
            },
            Problem::EmptyName {
                kind: NameKind::Unit,
            },
            Problem::ListedAgain {
                kind: NameKind::Constituency,
            },
            Problem::ListedAgain {
                kind: NameKind::Unit,
            },
            Problem::Repeated {
                kind: NameKind::Party,
                name: "A".to_owned(),
            },
            Problem::Repeated {
                kind: NameKind::Constituency,
                name: "North".to_owned(),
            },
            Problem::RepeatedIn {
                party: "A".to_owned(),
                constituency: "North".to_owned(),
            },
            Problem::TooManySeats {
                max: 1_000_000,
                got: 5_000_000,
            },
            Problem::NoParty,
            Problem::VotesOverflow,
            Problem::NoVotesEntry {
                party: "A".to_owned(),
            },
            Problem::SeatsSum {
                kind: NameKind::Constituency,
                sum: 4,
                seats: 5,
            },
            Problem::SeatsSum {
                kind: NameKind::Unit,
                sum: 4,
                seats: 5,
            },
            Problem::NotStanding {
                party: "Z".to_owned(),
            },
            Problem::ThisNotStanding,
            Problem::NothingToDecline {
                party: "A".to_owned(),
            },
            Problem::PassedOnSum {
                passed_on: 3,
                declined: 2,
            },
            Problem::MinimumTooHigh {
                min_seats: 1,
                units: 3,
                needed: 3,
                seats: 2,
            },
            Problem::CsvFields {
                expected: 3,
                got: 2,
            },
            Problem::CsvUtf8,
            Problem::CsvSyntax("found record with 2 fields".to_owned()),
            Problem::MissingColumn {
                header: names(&["party", "votes"]),
            },
            Problem::NotInSeatsFile {
                constituency: "North".to_owned(),
            },
            Problem::NoVotesRows {
                constituency: "North".to_owned(),
            },
        ]
    }

    /// Every kind of problem, by name: the match has no wildcard, so a kind the engine adds
    /// must be named here, and the test below fails until a sample of it is checked.
    fn problem_kind(p: &Problem) -> &'static str {
        match p {
            Problem::NotWholeNumber { .. } => "whole-number",
            Problem::NotFraction { .. } => "fraction",
            Problem::NotFirstDivisor { .. } => "first-divisor",
            Problem::MethodMissing => "method-missing",
            Problem::UnknownMethod { .. } => "unknown-method",
            Problem::FirstDivisorNotModified { .. } => "first-divisor-method",
            Problem::NotThresholdRule { .. } => "threshold-rule",
            Problem::NotTieRule { .. } => "tie-rule",
            Problem::LotNeedsSeed => "lot-seed",
            Problem::SeedWithoutLot { .. } => "seed-without-lot",
            Problem::NoneListed { .. } => "none-listed",
            Problem::EmptyName { .. } => "empty-name",
            Problem::ListedAgain { .. } => "listed-again",
            Problem::Repeated { .. } => "repeated",
            Problem::RepeatedIn { .. } => "repeated-in",
            Problem::TooManySeats { .. } => "too-many-seats",
            Problem::NoParty => "no-party",
            Problem::VotesOverflow => "votes-overflow",
            Problem::NoVotesEntry { .. } => "no-votes-entry",
            Problem::SeatsSum { .. } => "seats-sum",
            Problem::NotStanding { .. } => "not-standing",
            Problem::ThisNotStanding => "this-not-standing",
            Problem::NothingToDecline { .. } => "nothing-to-decline",
            Problem::PassedOnSum { .. } => "passed-on-sum",
            Problem::MinimumTooHigh { .. } => "minimum",
            Problem::CsvFields { .. } => "csv-fields",
            Problem::CsvUtf8 => "csv-utf8",
            Problem::CsvSyntax(_) => "csv-syntax",
            Problem::MissingColumn { .. } => "missing-column",
            Problem::NotInSeatsFile { .. } => "not-in-seats-file",
            Problem::NoVotesRows { .. } => "no-votes-rows",
        }
    }

    #[test]
    fn every_problem_with_a_file_is_said_in_every_language() {
        let all = problems();
        let kinds: std::collections::BTreeSet<&str> = all.iter().map(problem_kind).collect();
        assert_eq!(
            kinds.len(),
            31,
            "a kind of problem has no sample: {kinds:?}"
        );
        for p in &all {
            // The reader's detail of a CSV syntax error is the CSV reader's own (English, and
            // introduced as such); the rest of the sentence is checked.
            let english = match p {
                Problem::CsvSyntax(_) => "the CSV cannot be read".to_owned(),
                other => other.to_string(),
            };
            check(&english, |s| problem(s, p));
        }
        let errors = [
            InputError::Field {
                field: Key {
                    path: "threshold".to_owned(),
                    entry: None,
                },
                problem: Box::new(Problem::NotFraction {
                    got: "1.0".to_owned(),
                }),
            },
            InputError::Constituency {
                constituency: "North".to_owned(),
                field: Key {
                    path: "votes".to_owned(),
                    entry: Some("B".to_owned()),
                },
                problem: Box::new(Problem::NotWholeNumber {
                    positive: false,
                    got: Got::Value("-3".to_owned()),
                }),
            },
            InputError::Csv {
                file: CsvFile::Votes,
                line: 3,
                field: Key {
                    path: "votes".to_owned(),
                    entry: None,
                },
                problem: Box::new(Problem::NotInSeatsFile {
                    constituency: "East".to_owned(),
                }),
            },
            InputError::Csv {
                file: CsvFile::Seats,
                line: 2,
                field: Key {
                    path: "seats".to_owned(),
                    entry: None,
                },
                problem: Box::new(Problem::NoParty),
            },
        ];
        for e in &errors {
            check(&e.to_string(), |s| input_error(s, e));
        }
        // serde's own sentence is not shown: its kind, the field it names and where it is.
        for kind in [
            JsonProblem::Syntax,
            JsonProblem::Eof,
            JsonProblem::Shape,
            JsonProblem::UnknownField {
                field: "colour".to_owned(),
            },
            JsonProblem::MissingField {
                field: "name".to_owned(),
            },
        ] {
            let e = InputError::Json {
                kind,
                detail: "x".to_owned(),
                line: 2,
                column: 14,
            };
            check("unknown field at line column expected value", |s| {
                input_error(s, &e)
            });
        }
        // Numbers in the language's digits; a key's entry named.
        let km = say(Lang::Km);
        let text = input_error(&km, &errors[1]);
        assert!(text.contains("“B”") && text.contains("-៣"), "{text}");
        assert!(input_error(&km, &errors[2]).contains('៣'));
    }

    #[test]
    fn every_refusal_of_the_engine_is_said_in_every_language() {
        let scenario = [
            ScenarioError::NotStanding {
                party: "Z".to_owned(),
                election: "E".to_owned(),
            },
            ScenarioError::BasisNotRecorded,
            ScenarioError::NotDivisor { method: "hare" },
            ScenarioError::DeclinedIsDissolved {
                party: "A".to_owned(),
            },
            ScenarioError::DeclinedNotStanding {
                party: "Z".to_owned(),
            },
            ScenarioError::NoMinor {
                place: Place::National,
                seats: 3,
            },
            ScenarioError::NoMinor {
                place: Place::Constituency("North".to_owned()),
                seats: 1,
            },
            ScenarioError::NoOneToPassTo {
                place: Place::National,
                seats: 2,
            },
            ScenarioError::NotRecorded {
                party: "A".to_owned(),
            },
            ScenarioError::RecordedMismatch {
                party: "A".to_owned(),
                awarded: 50,
                held: 55,
            },
        ];
        let mut errors: Vec<AllocateError> = vec![
            AllocateError::Tie {
                constituency: "North".to_owned(),
                seat: 3,
                seats: 3,
                seats_left: 1,
                parties: names(&["A", "B"]),
            },
            AllocateError::Tie {
                constituency: "North".to_owned(),
                seat: 2,
                seats: 3,
                seats_left: 2,
                parties: names(&["A", "B", "C"]),
            },
            AllocateError::NoCandidates {
                constituency: "North".to_owned(),
                seats: 5,
                seats_left: 2,
            },
            AllocateError::Unapportioned {
                seats: 5,
                seats_left: 1,
            },
        ];
        errors.extend(scenario.into_iter().map(AllocateError::Scenario));
        for e in &errors {
            check(&e.to_string(), |s| allocate_error(s, e));
        }
        let simulation = [
            SimulationError::NoRuns,
            SimulationError::Concentration {
                value: "-1".to_owned(),
                shape: None,
            },
            SimulationError::Concentration {
                value: "0.000001".to_owned(),
                shape: Some("1e-300".to_owned()),
            },
            SimulationError::NoVotes("North".to_owned()),
            SimulationError::TooLarge {
                parties: 10_000,
                seats: 10_000,
            },
            SimulationError::Run {
                run: 7,
                constituency: "North".to_owned(),
                seats_left: 1,
            },
        ];
        for e in &simulation {
            check(&e.to_string(), |s| simulation_error(s, e));
        }
        // Plurals and the language's digits.
        let freed = |lang, seats| {
            allocate_error(
                &say(lang),
                &AllocateError::Scenario(ScenarioError::NoMinor {
                    place: Place::National,
                    seats,
                }),
            )
        };
        assert!(freed(Lang::En, 1).ends_with("1 freed seat"));
        assert!(freed(Lang::En, 3).ends_with("3 freed seats"));
        assert!(freed(Lang::Fr, 3).contains("les 3 sièges libérés"));
        assert!(freed(Lang::Km, 3).contains('៣'));
    }

    #[test]
    fn steps_notes_and_tie_rules_are_said_in_every_language() {
        let kinds = [
            StepKind::Award,
            StepKind::AwardInConstituencies,
            StepKind::Declined,
            StepKind::PassedOn,
            StepKind::RecordedAward,
            StepKind::RecordedDeclined,
            StepKind::RecordedPassedOn,
        ];
        for kind in kinds {
            for place in [None, Some(Place::National)] {
                let st = Step {
                    kind,
                    place,
                    seats: accord_elections::PartyMap::new(),
                };
                check(&st.to_string(), |s| step(s, &st));
            }
        }
        let with_place = Step {
            kind: StepKind::Declined,
            place: Some(Place::National),
            seats: accord_elections::PartyMap::new(),
        };
        assert_eq!(
            step(&say(Lang::En), &with_place),
            "national: seats declined"
        );
        assert_eq!(with_place.to_string(), "national: seats declined");

        for note in [
            ScenarioNote::NoSeatBefore {
                party: "A".to_owned(),
            },
            ScenarioNote::RerunFromRecorded,
        ] {
            check(&note.to_string(), |s| scenario_note(s, &note));
        }
        // A record's own note is its author's, in whatever language it was written.
        let own = ScenarioNote::Recorded("as the decree says".to_owned());
        assert_eq!(scenario_note(&say(Lang::Km), &own), "as the decree says");

        for rule in [TieRule::MostVotes, TieRule::Lot] {
            let tie = TieReport {
                constituency: "North".to_owned(),
                seat: 3,
                tied: names(&["A", "B"]),
                winners: names(&["A"]),
                rule,
            };
            check("most votes", |s| tie_rule(s, rule));
            for lang in [Lang::Fr, Lang::Km] {
                let s = say(lang);
                let text = s.msg("el-flag-tie", &tie_args(&s, &tie));
                assert!(!text.contains(rule.name()), "{lang:?}: {text}");
                assert!(text.contains(&tie_rule(&s, rule)), "{lang:?}: {text}");
            }
        }
    }

    /// The check itself sees English where there is some.
    #[test]
    fn the_check_sees_an_english_sentence() {
        assert_eq!(
            english_runs("constituency \"North\": votes for \"B\": must be a non-negative integer"),
            vec!["votes for", "must be a non", "negative integer"]
        );
        let caught = std::panic::catch_unwind(|| {
            check("seats declined", |s| match s.lang {
                Lang::En => "seats declined".to_owned(),
                _ => "x seats declined".to_owned(),
            });
        });
        assert!(caught.is_err());
    }
}
