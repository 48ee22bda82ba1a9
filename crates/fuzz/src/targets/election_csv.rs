//! Election files as a CSV pair: `Election::from_csv` on generated and mutated votes and seats
//! files with generated options, then allocation on what parses (bounded as for JSON).

use accord_elections::{CsvOptions, Election};

use crate::gen_text::words;
use crate::mutate::{mutate, number, special};
use crate::rng::Rng;
use crate::seeds::VOTES_CSV;
use crate::targets::election_json::compute;
use crate::{Target, frame};

pub const TARGET: Target = Target {
    name: "election-csv",
    about: "accord_elections::Election::from_csv (votes CSV, seats CSV, options), then allocate and dissolve on what parses",
    generate,
    run,
};

const NAMES: &[&str] = &[
    "North",
    "South",
    "Østfold",
    "ភ្នំពេញ",
    "\"Quoted, name\"",
    "",
    " ",
    "a\"b",
];
const PARTIES: &[&str] = &["A", "B", "C", "SV", "RØDT", "", "\"x\"", "A "];
const OPENERS: &[&str] = &["\"", ",", "\n", "\r\n", "\"\""];

fn cell(rng: &mut Rng, pool: &[&str]) -> String {
    match rng.below(10) {
        0 => special(rng),
        1 => words(rng, 2),
        2 => format!("\"{}\"", words(rng, 2).replace('"', "\"\"")),
        _ => (rng.pick(pool)).to_owned(),
    }
}

fn num(rng: &mut Rng, max: usize) -> String {
    if rng.one_in(6) {
        number(rng)
    } else {
        rng.below(max).to_string()
    }
}

fn votes_csv(rng: &mut Rng) -> String {
    let mut s = String::from(rng.pick(&[
        "constituency,party,votes\n",
        "constituency,party,votes",
        "party,constituency,votes\n",
        "a,b\n",
        "",
        "\u{feff}constituency,party,votes\r\n",
    ]));
    for _ in 0..rng.small(40) {
        let mut row = vec![cell(rng, NAMES), cell(rng, PARTIES), num(rng, 100_000)];
        if rng.one_in(10) {
            row.push(cell(rng, NAMES));
        }
        if rng.one_in(10) {
            row.pop();
        }
        s.push_str(&row.join(if rng.one_in(30) { ";" } else { "," }));
        s.push_str(if rng.one_in(10) { "\r\n" } else { "\n" });
    }
    s
}

fn seats_csv(rng: &mut Rng) -> String {
    let mut s = String::from(rng.pick(&[
        "constituency,seats\n",
        "constituency,seats,blank_votes\n",
        "seats\n",
        "",
    ]));
    for _ in 0..rng.small(10) {
        let mut row = vec![cell(rng, NAMES), num(rng, 30)];
        if rng.one_in(3) {
            row.push(num(rng, 1000));
        }
        s.push_str(&row.join(","));
        s.push('\n');
    }
    s
}

fn float(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => "NaN".into(),
        1 => "inf".into(),
        2 => "-inf".into(),
        3 => "-0.5".into(),
        4 => "1".into(),
        5 => "1e-320".into(),
        6 => "0.9999999999999999".into(),
        _ => format!("{}", rng.below(20) as f64 / 100.0),
    }
}

fn generate(rng: &mut Rng) -> Vec<u8> {
    let (mut votes, mut seats) = if rng.one_in(4) {
        (
            VOTES_CSV.replace(
                "district,party,votes,seats,levelling",
                "constituency,party,votes",
            ),
            String::from("constituency,seats\nØstfold,8\nAkershus,19\nOslo,19\n"),
        )
    } else {
        (votes_csv(rng), seats_csv(rng))
    };
    if rng.one_in(3) {
        votes = mutate(rng, &votes, &[VOTES_CSV], OPENERS, 128 * 1024);
    }
    if rng.one_in(4) {
        seats = mutate(rng, &seats, &[], OPENERS, 16 * 1024);
    }
    let method = (rng.pick(&[
        "dhondt",
        "sainte-lague",
        "modified-sainte-lague",
        "hare",
        "droop",
        "huntington-hill",
        "adams",
        "danish",
        "imperiali",
        "x",
        "",
    ]))
    .to_owned();
    let first_divisor = if rng.one_in(3) {
        float(rng)
    } else {
        String::new()
    };
    let rule = (rng.pick(&["", "any", "all", "x"])).to_owned();
    let ties = (rng.pick(&["", "error", "most-votes", "lot", "x"])).to_owned();
    let seed = if rng.one_in(3) {
        rng.next_u64().to_string()
    } else {
        String::new()
    };
    frame::encode(&[
        votes,
        seats,
        words(rng, 3),
        method,
        first_divisor,
        float(rng),
        float(rng),
        rule,
        ties,
        seed,
    ])
}

fn run(input: &[u8]) -> Result<(), String> {
    let p = frame::decode_text(input, 10);
    let options = CsvOptions {
        name: p[2].clone(),
        method: p[3].clone(),
        first_divisor: p[4].parse().ok(),
        threshold: p[5].parse().unwrap_or(0.0),
        constituency_threshold: p[6].parse().unwrap_or(0.0),
        threshold_rule: Some(p[7].clone()).filter(|s| !s.is_empty()),
        ties: Some(p[8].clone()).filter(|s| !s.is_empty()),
        seed: p[9].parse().ok(),
    };
    if let Ok(e) = Election::from_csv(&p[0], &p[1], &options) {
        compute(&e);
    }
    Ok(())
}
