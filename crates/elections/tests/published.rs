//! Every method against published worked examples and real elections, each cited where its
//! figures come from. Where a source gives only the votes, the expected seats were worked out by
//! hand (the quotients are in the comment), never by this crate.

#![expect(
    clippy::unwrap_used,
    reason = "helpers of a test binary: a failure should stop the test loudly"
)]

use accord_elections::election::Election;
use accord_elections::{
    Apportionment, Method, PartyMap, TieBreaker, TiePolicy, allocate, allocate_seats,
};
use serde_json::Value;

/// Allocates `votes` by `method` (by name, as a file would give it) and compares with `expected`.
fn check(method: &str, votes: &[u64], seats: u64, expected: &[u64]) {
    let m = Method::from_name(method, None).unwrap();
    let got = allocate_seats(m, votes, seats, &mut TieBreaker::new(TiePolicy::Error)).unwrap();
    assert_eq!(got, expected, "{method} {votes:?} {seats} seats");
    // The same through an election file, so names, parsing and totals are covered too.
    let parties: serde_json::Map<String, Value> = votes
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("P{i}"), Value::from(*v)))
        .collect();
    let file = serde_json::json!({"name": "example", "method": method,
        "constituencies": [{"name": "only", "seats": seats, "votes": parties}]});
    let allocation = allocate(&Election::from_json(&file.to_string()).unwrap()).unwrap();
    for (i, want) in expected.iter().enumerate() {
        let have = allocation
            .totals
            .get(&format!("P{i}"))
            .copied()
            .unwrap_or(0);
        assert_eq!(have, *want, "{method} P{i} through the file");
    }
}

#[test]
fn dhondt_wikipedia_example() {
    // Wikipedia, "D'Hondt method", Example: 230,000 voters, 8 seats, 4 parties:
    // A 100,000 -> 4, B 80,000 -> 3, C 30,000 -> 1, D 20,000 -> 0.
    check(
        "dhondt",
        &[100_000, 80_000, 30_000, 20_000],
        8,
        &[4, 3, 1, 0],
    );
    check(
        "jefferson",
        &[100_000, 80_000, 30_000, 20_000],
        8,
        &[4, 3, 1, 0],
    );
}

#[test]
fn wahlrecht_de_examples() {
    // wahlrecht.de, "Divisorverfahren mit Abrundung (d'Hondt)", dhondt123.html: 4160, 3380, 2460
    // votes, 10 seats -> 4, 4, 2. And "Sainte-Laguë", stlague12.html: the same votes -> 4, 3, 3.
    check("dhondt", &[4160, 3380, 2460], 10, &[4, 4, 2]);
    check("sainte-lague", &[4160, 3380, 2460], 10, &[4, 3, 3]);
    check("webster", &[4160, 3380, 2460], 10, &[4, 3, 3]);
    // wahlrecht.de, "Sitzzuteilungsverfahren anschaulich" (verfahren/anschaulich): 43, 33, 12,
    // 8, 4 votes, 10 seats.
    let v = [43, 33, 12, 8, 4];
    check("adams", &v, 10, &[4, 3, 1, 1, 1]);
    check("huntington-hill", &v, 10, &[4, 3, 1, 1, 1]);
    check("sainte-lague", &v, 10, &[5, 3, 1, 1, 0]);
    check("dhondt", &v, 10, &[5, 4, 1, 0, 0]);
}

#[test]
fn adams_and_hill_german_wikipedia() {
    // de.wikipedia.org, "Adams-Verfahren" and "Hill-Huntington-Verfahren": 450, 350, 199, 1
    // with 50 seats -> 22, 17, 10, 1 under both.
    check("adams", &[450, 350, 199, 1], 50, &[22, 17, 10, 1]);
    check("huntington-hill", &[450, 350, 199, 1], 50, &[22, 17, 10, 1]);
}

#[test]
fn huntington_hill_english_wikipedia_with_quota_threshold() {
    // en.wikipedia.org, "Huntington–Hill method", Example: 100, 80, 30, 20 with 8 seats and
    // only parties reaching one Hare quota (230 / 8 = 28.75, i.e. 1/8 of the votes) take part:
    // 4, 3, 1, 0.
    let file = r#"{"name": "hh", "method": "huntington-hill", "constituency_threshold": 0.125,
        "constituencies": [{"name": "x", "seats": 8, "votes": {"A": 100, "B": 80, "C": 30, "D": 20}}]}"#;
    let a = allocate(&Election::from_json(file).unwrap()).unwrap();
    assert_eq!(
        a.totals,
        PartyMap(vec![("A".into(), 4), ("B".into(), 3), ("C".into(), 1)])
    );
    assert_eq!(a.constituencies[0].below_threshold, vec!["D".to_owned()]);
}

#[test]
fn largest_remainder_examples() {
    // de.wikipedia.org, "Hare-Niemeyer-Verfahren": 216, 310, 22, 32 with 60 seats -> 23, 32, 2, 3.
    check("hare", &[216, 310, 22, 32], 60, &[23, 32, 2, 3]);
    check("hare-niemeyer", &[216, 310, 22, 32], 60, &[23, 32, 2, 3]);
    // de.wikipedia.org, "Hare-Niemeyer-Verfahren", second example: 31 seats.
    check(
        "hamilton",
        &[720_257, 323_524, 257_466, 213_138, 144_392, 88_315],
        31,
        &[13, 6, 5, 4, 2, 1],
    );
    // en.wikipedia.org, "Largest remainder method", Examples: 100,000 votes, 10 seats; Hare:
    // Yellows 5, Whites 2, Reds 1, Greens 1, Blues 1, Pinks 0.
    let v = [47_000, 16_000, 15_800, 12_000, 6_100, 3_100];
    check("hare", &v, 10, &[5, 2, 1, 1, 1, 0]);
    // Droop on the same votes, by hand: quota floor(100000 / 11) + 1 = 9091; whole quotas
    // 5, 1, 1, 1, 0, 0 (8 seats); remainders 1545, 6909, 6709, 2909, 6100, 3100: the two seats
    // left go to Whites and Reds.
    check("droop", &v, 10, &[5, 2, 2, 1, 0, 0]);
}

#[test]
fn imperiali_and_danish_by_hand() {
    // The Wikipedia D'Hondt example's votes (100,000 / 80,000 / 30,000 / 20,000; 8 seats).
    // Imperiali divisors 2, 3, 4, ...: A 50000, 33333, 25000, 20000, 16667; B 40000, 26667,
    // 20000, 16000; C 15000; D 10000. The 8 largest: A 5, B 3.
    check(
        "imperiali",
        &[100_000, 80_000, 30_000, 20_000],
        8,
        &[5, 3, 0, 0],
    );
    // Danish divisors 1, 4, 7, ...: A 100000, 25000, 14286, 10000; B 80000, 20000, 11429;
    // C 30000, 7500; D 20000. The 8 largest: A 3, B 3, C 1, D 1.
    check(
        "danish",
        &[100_000, 80_000, 30_000, 20_000],
        8,
        &[3, 3, 1, 1],
    );
}

#[test]
fn finland_2019_dhondt_per_district() {
    let data: Value =
        serde_json::from_str(include_str!("data/finland_eduskunta_2019.json")).unwrap();
    let mut constituencies = Vec::new();
    for d in data["districts"].as_array().unwrap() {
        let votes: serde_json::Map<String, Value> = d["names"]
            .as_array()
            .unwrap()
            .iter()
            .zip(d["votes"].as_array().unwrap())
            .map(|(n, v)| (n.as_str().unwrap().to_owned(), v.clone()))
            .collect();
        constituencies
            .push(serde_json::json!({"name": d["name"], "seats": d["seats"], "votes": votes}));
    }
    let file = serde_json::json!({"name": "Eduskunta 2019", "method": "dhondt", "threshold": null,
        "constituencies": constituencies});
    let election = Election::from_json(&file.to_string()).unwrap();
    let a = allocate(&election).unwrap();
    assert_eq!(a.house_size, 199);
    let expected = data["expected_national"].as_object().unwrap();
    for (party, seats) in expected {
        assert_eq!(a.totals.get(party).copied(), seats.as_u64(), "{party}");
    }
    let listed: u64 = expected.values().filter_map(Value::as_u64).sum();
    assert_eq!(listed, 199);
    assert_eq!(a.totals.len(), expected.len());
    // Cambodia's LEMNA rule equals D'Hondt without exact ties: the same seats here.
    let lemna = Election::from_json_with_method(&file.to_string(), Some("cambodia")).unwrap();
    assert_eq!(allocate(&lemna).unwrap().constituencies, a.constituencies);
}

#[test]
fn us_house_2020_huntington_hill() {
    let data: Value =
        serde_json::from_str(include_str!("data/us_house_2020_huntington_hill.json")).unwrap();
    let populations: serde_json::Map<String, Value> = data["names"]
        .as_array()
        .unwrap()
        .iter()
        .zip(data["votes"].as_array().unwrap())
        .map(|(n, v)| (n.as_str().unwrap().to_owned(), v.clone()))
        .collect();
    let file = serde_json::json!({"name": "US House 2020", "method": data["method"], "seats": 435,
        "min_seats": data["min_seats_each"], "populations": populations});
    let result = Apportionment::from_json(&file.to_string(), None)
        .unwrap()
        .apportion()
        .unwrap();
    assert_eq!(result.method, "huntington-hill");
    let expected: Vec<u64> = data["expected"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_u64)
        .collect();
    let got: Vec<u64> = result.seats.iter().map(|(_, s)| *s).collect();
    assert_eq!(got, expected);
}

/// Norway 2021: district seats by modified Sainte-Laguë (first divisor 1.4) in each county.
fn norway(method: &str) -> (Election, Vec<(String, String, u64)>) {
    let text = include_str!("data/norway_storting_2021.csv");
    let mut seats: Vec<(String, u64)> = Vec::new();
    let mut votes = String::from("constituency,party,votes\n");
    let mut expected = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let district_seats = f[3].parse::<u64>().unwrap() - f[4].parse::<u64>().unwrap();
        match seats.iter_mut().find(|(d, _)| d == f[0]) {
            Some((_, s)) => *s += district_seats,
            None => seats.push((f[0].to_owned(), district_seats)),
        }
        votes.push_str(&format!("{},{},{}\n", f[0], f[1], f[2]));
        expected.push((f[0].to_owned(), f[1].to_owned(), district_seats));
    }
    let seats_csv: String = std::iter::once("constituency,seats\n".to_owned())
        .chain(seats.iter().map(|(d, s)| format!("{d},{s}\n")))
        .collect();
    let options = accord_elections::CsvOptions {
        name: "Storting 2021".into(),
        method: method.into(),
        first_divisor: if method == "modified-sainte-lague" {
            Some(1.4)
        } else {
            None
        },
        threshold: 0.0,
        constituency_threshold: 0.0,
        threshold_rule: None,
        ties: None,
        seed: None,
    };
    (
        Election::from_csv(&votes, &seats_csv, &options).unwrap(),
        expected,
    )
}

#[test]
fn norway_2021_modified_sainte_lague_every_county() {
    let (election, expected) = norway("modified-sainte-lague");
    assert_eq!(election.total_seats(), 150);
    let a = allocate(&election).unwrap();
    for (district, party, seats) in &expected {
        let c = a
            .constituencies
            .iter()
            .find(|c| &c.name == district)
            .unwrap();
        assert_eq!(
            c.seats.get(party).copied().unwrap_or(0),
            *seats,
            "{district} {party}"
        );
    }
    // The first divisor matters: plain Sainte-Laguë gives a different result somewhere.
    let (plain, _) = norway("sainte-lague");
    assert_ne!(allocate(&plain).unwrap().constituencies, a.constituencies);
}

#[test]
fn madrid_2019_five_percent_threshold_with_blank_votes() {
    let election = Election::from_json(include_str!("data/madrid_city_council_2019.json")).unwrap();
    let a = allocate(&election).unwrap();
    let recorded = a.recorded.as_ref().unwrap();
    assert!(recorded.matches, "{:?}", recorded.differences);
    assert_eq!(a.totals.get("Más Madrid"), Some(&19));
    assert!(
        a.constituencies[0]
            .below_threshold
            .contains(&"IU".to_owned())
    );
    // Without the threshold IU (2.63 %) would take a seat from the PP: the threshold matters.
    let text = include_str!("data/madrid_city_council_2019.json").replace(
        "\"constituency_threshold\": 0.05",
        "\"constituency_threshold\": 0.0",
    );
    let open = allocate(&Election::from_json(&text).unwrap()).unwrap();
    assert_eq!(open.totals.get("IU"), Some(&1));
    assert_eq!(open.totals.get("PP"), Some(&14));
}
