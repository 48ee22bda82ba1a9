//! Dissolution scenarios on the reference case (the 2013 Cambodian National Assembly, as the
//! repository's data file records it) and on small hand-checked elections, and the Monte-Carlo
//! simulation's reproducibility.

#![expect(
    clippy::unwrap_used,
    reason = "helpers of a test binary: a failure should stop the test loudly"
)]

use accord_elections::scenario::{Basis, DissolveRule, Scope};
use accord_elections::{Election, PartyMap, SimulationOptions, dissolve, simulate};

const CAMBODIA: &str =
    include_str!("../../../data/cases/cambodia-2017/elections/2013-national-assembly.json");

fn map(pairs: &[(&str, u64)]) -> PartyMap<u64> {
    PartyMap(pairs.iter().map(|(p, n)| ((*p).to_owned(), *n)).collect())
}

fn cambodia() -> Election {
    Election::from_json(CAMBODIA).unwrap()
}

fn minor(scope: Scope, declined: &[&str]) -> DissolveRule {
    DissolveRule::MinorParties {
        scope,
        declined: declined.iter().map(|s| (*s).to_owned()).collect(),
        method: None,
    }
}

#[test]
fn cambodia_starts_from_the_official_seats() {
    let s = dissolve(&cambodia(), "CNRP", &DissolveRule::Recorded, None).unwrap();
    assert_eq!(s.basis, "recorded");
    assert_eq!(s.totals_before, map(&[("CPP", 68), ("CNRP", 55)]));
    // What happened (SOURCES S15-S17): FUNCINPEC 41, CNP 2, KEDP 1, and the 11 seats LDP and
    // KAPP declined went to the CPP.
    assert_eq!(
        s.totals_after,
        map(&[("CPP", 79), ("FUNCINPEC", 41), ("CNP", 2), ("KEDP", 1)])
    );
    assert_eq!(
        s.steps[0].seats,
        map(&[
            ("FUNCINPEC", 41),
            ("LDP", 6),
            ("KAPP", 5),
            ("CNP", 2),
            ("KEDP", 1)
        ])
    );
    assert!(s.indices_after.gallagher > s.indices_before.gallagher);
}

#[test]
fn cambodia_minor_parties_by_highest_average() {
    // D'Hondt of 55 seats over FUNCINPEC 242,413, LDP 68,389, KAPP 43,222, CNP 38,123,
    // KEDP 33,715, RDP 19,152 (checked with Python's exact fractions): 31, 8, 5, 5, 4, 2.
    let s = dissolve(&cambodia(), "CNRP", &minor(Scope::National, &[]), None).unwrap();
    assert_eq!(
        s.totals_after,
        map(&[
            ("CPP", 68),
            ("FUNCINPEC", 31),
            ("LDP", 8),
            ("KAPP", 5),
            ("CNP", 5),
            ("KEDP", 4),
            ("RDP", 2)
        ])
    );
    let funcinpec = s.parties.iter().find(|r| r.party == "FUNCINPEC").unwrap();
    assert_eq!(
        (
            funcinpec.seats_before,
            funcinpec.seats_after,
            funcinpec.change
        ),
        (0, 31, 31)
    );
    // The declined 13 seats (LDP 8, KAPP 5) pass by highest average from the seats held, which
    // gives them all to the CPP (3,235,969 / 69 far above FUNCINPEC's 242,413 / 32).
    let s = dissolve(
        &cambodia(),
        "CNRP",
        &minor(Scope::National, &["LDP", "KAPP"]),
        None,
    )
    .unwrap();
    assert_eq!(
        s.totals_after,
        map(&[
            ("CPP", 81),
            ("FUNCINPEC", 31),
            ("CNP", 5),
            ("KEDP", 4),
            ("RDP", 2)
        ])
    );
    assert_eq!(s.totals_after.iter().map(|(_, n)| n).sum::<u64>(), 123);
}

#[test]
fn cambodia_rerun_is_computed_on_the_aggregate() {
    // National D'Hondt without the CNRP (Python fractions): CPP 110, FUNCINPEC 8, LDP 2,
    // KAPP 1, CNP 1, KEDP 1.
    let s = dissolve(
        &cambodia(),
        "CNRP",
        &DissolveRule::Rerun,
        Some(Basis::Computed),
    )
    .unwrap();
    assert_eq!(
        s.totals_before,
        map(&[("CPP", 62), ("CNRP", 56), ("FUNCINPEC", 4), ("LDP", 1)])
    );
    assert_eq!(
        s.totals_after,
        map(&[
            ("CPP", 110),
            ("FUNCINPEC", 8),
            ("LDP", 2),
            ("KAPP", 1),
            ("CNP", 1),
            ("KEDP", 1)
        ])
    );
}

#[test]
fn scenario_errors_are_clear() {
    let e = cambodia();
    let err = dissolve(&e, "XYZ", &DissolveRule::Rerun, None)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "party \"XYZ\" does not stand in \"Cambodia National Assembly 2013\""
    );
    let err = dissolve(&e, "CPP", &DissolveRule::Recorded, None)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "rule \"recorded\": the file records no dissolution of \"CPP\""
    );
    let err = dissolve(&e, "CNRP", &minor(Scope::National, &["NOPE"]), None)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "--declined: party \"NOPE\" does not stand in this election"
    );
    // The record's 55 seats do not fit the computed basis (CNRP 56 there).
    let err = dissolve(&e, "CNRP", &DissolveRule::Recorded, Some(Basis::Computed))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "rule \"recorded\": the record gives out 55 seats, but \"CNRP\" holds 56 in the basis used"
    );
}

const TWO: &str = r#"{"name": "two", "method": "dhondt", "constituencies": [
    {"name": "North", "seats": 4, "votes": {"A": 500, "B": 300, "C": 120, "D": 80}},
    {"name": "South", "seats": 3, "votes": {"A": 100, "B": 400, "C": 250, "D": 10}}]}"#;

#[test]
fn per_constituency_rules_by_hand() {
    let e = Election::from_json(TWO).unwrap();
    // North D'Hondt, 4 seats: A 500, B 300, A 250, A 166.7 (B 150, C 120) -> A 3, B 1.
    // South, 3 seats: B 400, C 250, B 200 (A 100) -> B 2, C 1.
    // B dissolved, minor parties per constituency: North's 1 seat to C or D (no seat there):
    // C 120 > D 80 -> C. South's 2 seats to A and D (no seat there): A 100, A 50 vs D 10 -> A 2.
    let s = dissolve(&e, "B", &minor(Scope::Constituency, &[]), None).unwrap();
    let cs = s.constituencies.as_ref().unwrap();
    assert_eq!(cs[0].after, map(&[("A", 3), ("C", 1)]));
    assert_eq!(cs[1].after, map(&[("C", 1), ("A", 2)]));
    // Rerun without B: North A 500, 250, 166.7, 125 (C 120) -> A 4; South C 250, C 125, A 100 -> C 2, A 1.
    let s = dissolve(&e, "B", &DissolveRule::Rerun, None).unwrap();
    let cs = s.constituencies.as_ref().unwrap();
    assert_eq!(cs[0].after, map(&[("A", 4)]));
    assert_eq!(cs[1].after, map(&[("C", 2), ("A", 1)]));
    // South's A declines: its 2 seats go to the seated parties there by highest average from
    // their seats: C 250 / 2 = 125 vs nobody else seated -> C gets both.
    let s = dissolve(&e, "B", &minor(Scope::Constituency, &["A"]), None).unwrap();
    let cs = s.constituencies.as_ref().unwrap();
    assert_eq!(cs[1].after, map(&[("C", 3)]));
    // In North A keeps the 3 seats it won: it declines only seats awarded to it.
    assert_eq!(cs[0].after, map(&[("A", 3), ("C", 1)]));
    // Declining with nobody left to take the seats is an error, not a silent loss of seats.
    let lone = r#"{"name": "lone", "method": "dhondt", "constituencies": [
        {"name": "X", "seats": 2, "votes": {"A": 100, "B": 10}}]}"#;
    let err = dissolve(
        &Election::from_json(lone).unwrap(),
        "A",
        &minor(Scope::National, &["B"]),
        None,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "national: 2 declined seat(s) but no other seated party to pass them to"
    );
}

#[test]
fn simulation_is_reproducible_and_independent_of_threads() {
    let e = Election::from_json(TWO).unwrap();
    let options = SimulationOptions {
        runs: 2000,
        seed: 42,
        concentration: 50.0,
    };
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| simulate(&e, options))
        .unwrap();
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap()
        .install(|| simulate(&e, options))
        .unwrap();
    assert_eq!(one, two);
    let other = simulate(
        &e,
        SimulationOptions {
            seed: 43,
            ..options
        },
    )
    .unwrap();
    assert_ne!(one.parties, other.parties);
    for p in &one.parties {
        assert!(p.p5 <= p.p50 && p.p50 <= p.p95, "{p:?}");
        assert!((0.0..=1.0).contains(&p.p_majority) && (0.0..=1.0).contains(&p.p_seat));
    }
    let mean_total: f64 = one.parties.iter().map(|p| p.mean_seats).sum();
    assert!((mean_total - 7.0).abs() < 1e-9);
}

#[test]
fn simulation_with_little_noise_matches_the_allocation() {
    let e = Election::from_json(TWO).unwrap();
    let s = simulate(
        &e,
        SimulationOptions {
            runs: 500,
            seed: 1,
            concentration: 1e9,
        },
    )
    .unwrap();
    let a = s.parties.iter().find(|p| p.party == "A").unwrap();
    // A: North 3 + South 0 = 3 of 7, never a majority (4).
    assert_eq!((a.p5, a.p50, a.p95), (3, 3, 3));
    assert!(a.p_majority.abs() < 1e-12 && (a.p_seat - 1.0).abs() < 1e-12);
    let d = s.parties.iter().find(|p| p.party == "D").unwrap();
    assert_eq!((d.p95, d.p_seat), (0, 0.0));
    assert_eq!(s.majority, 4);
}

#[test]
fn simulation_rejects_bad_settings() {
    let e = Election::from_json(TWO).unwrap();
    let bad = simulate(
        &e,
        SimulationOptions {
            runs: 0,
            seed: 1,
            concentration: 1.0,
        },
    )
    .unwrap_err();
    assert_eq!(bad.to_string(), "--runs must be at least 1");
    let bad = simulate(
        &e,
        SimulationOptions {
            runs: 1,
            seed: 1,
            concentration: -1.0,
        },
    )
    .unwrap_err();
    assert_eq!(
        bad.to_string(),
        "dirichlet concentration must be a positive finite number, got -1"
    );
}

/// What the engine says is data (issue 16): steps, notes, tie rules and refusals are typed,
/// with the names and numbers a page needs, and their JSON is the English it always was.
#[test]
fn steps_notes_ties_and_refusals_are_typed_and_their_json_is_unchanged() {
    use accord_elections::{
        AllocateError, CsvFile, CsvOptions, InputError, JsonProblem, Place, Problem, ScenarioError,
        ScenarioNote, StepKind, TieRule,
    };
    let s = dissolve(&cambodia(), "CNRP", &minor(Scope::National, &["LDP"]), None).unwrap();
    let kinds: Vec<(StepKind, Option<Place>)> = s
        .steps
        .iter()
        .map(|st| (st.kind, st.place.clone()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (StepKind::Award, None),
            (StepKind::Declined, Some(Place::National)),
            (StepKind::PassedOn, Some(Place::National)),
        ]
    );
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["steps"][1]["description"], "national: seats declined");
    assert_eq!(json["steps"][1]["code"], "declined");
    // LDP declines all the seats the award gave it.
    assert_eq!(
        json["steps"][1]["seats"]["LDP"],
        json["steps"][0]["seats"]["LDP"]
    );

    let s = dissolve(&cambodia(), "CNRP", &DissolveRule::Rerun, None).unwrap();
    assert_eq!(s.notes, vec![ScenarioNote::RerunFromRecorded]);
    assert_eq!(
        serde_json::to_value(&s).unwrap()["notes"][0],
        "the \"before\" seats are the recorded ones; \"after\" is computed by the election's method without the party"
    );
    let s = dissolve(&cambodia(), "CNRP", &DissolveRule::Recorded, None).unwrap();
    assert!(
        matches!(s.notes.as_slice(), [ScenarioNote::Recorded(n)] if n.contains("Supreme Court"))
    );

    // A tie settled by most votes, its rule a name in JSON.
    let settled = Election::from_json(
        r#"{"name": "S", "method": "dhondt", "ties": "most-votes",
            "constituencies": [{"name": "N", "seats": 2, "votes": {"A": 20, "B": 10, "C": 5}}]}"#,
    )
    .unwrap();
    let a = accord_elections::allocate(&settled).unwrap();
    assert_eq!(a.ties[0].rule, TieRule::MostVotes);
    assert_eq!(
        serde_json::to_value(&a).unwrap()["ties"][0]["rule"],
        "most-votes"
    );
    let s = dissolve(&settled, "B", &DissolveRule::Rerun, None).unwrap();
    assert_eq!(
        s.notes,
        vec![ScenarioNote::NoSeatBefore {
            party: "B".to_owned()
        }]
    );

    // Refusals name their kind and values.
    let full = Election::from_json(
        r#"{"name": "F", "method": "dhondt",
            "constituencies": [{"name": "N", "seats": 2, "votes": {"A": 30, "B": 20}}]}"#,
    )
    .unwrap();
    assert_eq!(
        dissolve(&full, "A", &minor(Scope::Constituency, &[]), None).unwrap_err(),
        AllocateError::Scenario(ScenarioError::NoMinor {
            place: Place::Constituency("N".to_owned()),
            seats: 1
        })
    );
    match Election::from_json(
        r#"{"name": "x", "method": "dhondt", "colour": 1, "constituencies": []}"#,
    )
    .unwrap_err()
    {
        InputError::Json {
            kind: JsonProblem::UnknownField { field },
            line: 1,
            ..
        } => assert_eq!(field, "colour"),
        other => panic!("{other:?}"),
    }
    match Election::from_json(r#"{"method": "dhondt", "constituencies": []}"#).unwrap_err() {
        InputError::Json {
            kind: JsonProblem::MissingField { field },
            ..
        } => assert_eq!(field, "name"),
        other => panic!("{other:?}"),
    }
    let options = CsvOptions {
        name: "csv".to_owned(),
        method: "dhondt".to_owned(),
        first_divisor: None,
        threshold: 0.0,
        constituency_threshold: 0.0,
        threshold_rule: None,
        ties: None,
        seed: None,
    };
    let err = Election::from_csv(
        "constituency,party,votes\nN,A,1,9\n",
        "constituency,seats\nN,2\n",
        &options,
    )
    .unwrap_err();
    assert_eq!(
        err,
        InputError::Csv {
            file: CsvFile::Votes,
            line: 2,
            field: accord_elections::Key {
                path: "row".to_owned(),
                entry: None
            },
            problem: Box::new(Problem::CsvFields {
                expected: 3,
                got: 4
            }),
        }
    );
    assert_eq!(
        err.to_string(),
        "votes file line 2: row: found record with 4 fields, but the previous record has 3 fields"
    );
}
