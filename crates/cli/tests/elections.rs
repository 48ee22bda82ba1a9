//! End-to-end tests of `accord elections ...`: the built binary on real files, as a user or a
//! script would run it.

#![expect(
    clippy::unwrap_used,
    reason = "helpers of a test binary: a failure should stop the test loudly"
)]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

const CAMBODIA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/cases/cambodia-2017/elections/2013-national-assembly.json"
);

fn accord(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(args)
        .output()
        .unwrap()
}

/// Writes `text` to a file unique to this test.
fn file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("accord-elections-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr_of_failure(o: &Output) -> String {
    assert!(
        !o.status.success(),
        "unexpected success: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8(o.stderr.clone()).unwrap()
}

const EXAMPLE: &str = r#"{"name": "Example 2013", "method": "dhondt", "threshold": 0.0,
  "constituency_threshold": 0.0,
  "constituencies": [{"name": "North", "seats": 5, "votes": {"A": 10000, "B": 6000, "C": 1500}, "blank_votes": 120}]}"#;

#[test]
fn allocate_json_prints_the_contract() {
    let path = file("example.json", EXAMPLE);
    let json: Value = serde_json::from_str(&stdout(&accord(&[
        "elections",
        "allocate",
        path.to_str().unwrap(),
        "--json",
    ])))
    .unwrap();
    assert_eq!(json["name"], "Example 2013");
    assert_eq!(json["method"], "dhondt");
    assert_eq!(json["constituencies"][0]["name"], "North");
    assert_eq!(
        json["constituencies"][0]["seats"],
        serde_json::json!({"A": 3, "B": 2})
    );
    assert_eq!(json["totals"], serde_json::json!({"A": 3, "B": 2}));
    assert_eq!(
        json["votes"],
        serde_json::json!({"A": 10000, "B": 6000, "C": 1500})
    );
    for key in [
        "gallagher",
        "loosemore_hanby",
        "sainte_lague",
        "enp_votes",
        "enp_seats",
    ] {
        assert!(json["indices"][key].is_number(), "{key}");
    }
    // --method overrides the file's.
    let json: Value = serde_json::from_str(&stdout(&accord(&[
        "elections",
        "allocate",
        path.to_str().unwrap(),
        "--json",
        "--method",
        "hare",
    ])))
    .unwrap();
    assert_eq!(json["method"], "hare");
    // Hare: quota 17500 / 5 = 3500: A 2.86, B 1.71, C 0.43 -> 2, 1, 0 + remainders A, B -> 3, 2.
    assert_eq!(json["totals"], serde_json::json!({"A": 3, "B": 2}));
}

#[test]
fn allocate_table_is_readable() {
    let path = file("table.json", EXAMPLE);
    let out = stdout(&accord(&["elections", "allocate", path.to_str().unwrap()]));
    assert!(out.contains("Example 2013 - dhondt, 5 seats"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("A ") && l.contains("10000") && l.contains(" 3 ")),
        "{out}"
    );
    assert!(out.contains("Gallagher"), "{out}");
}

#[test]
fn bad_input_is_named_and_never_a_panic() {
    let path = file("bad.json", &EXAMPLE.replace("\"B\": 6000", "\"B\": -3"));
    let err = stderr_of_failure(&accord(&["elections", "allocate", path.to_str().unwrap()]));
    assert!(
        err.contains(
            "constituency \"North\": votes for \"B\": must be a non-negative integer, got -3"
        ),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let path = file("syntax.json", "{\"name\": \"x\",\n \"constituencies\": [}");
    let err = stderr_of_failure(&accord(&["elections", "allocate", path.to_str().unwrap()]));
    assert!(err.contains("line 2 column"), "{err}");
    let err = stderr_of_failure(&accord(&[
        "elections",
        "allocate",
        "/nonexistent/election.json",
    ]));
    assert!(err.contains("reading /nonexistent/election.json"), "{err}");
    let path = file(
        "tie.json",
        r#"{"name": "t", "method": "dhondt", "constituencies": [{"name": "X", "seats": 1, "votes": {"A": 5, "B": 5}}]}"#,
    );
    let err = stderr_of_failure(&accord(&["elections", "allocate", path.to_str().unwrap()]));
    assert!(
        err.contains("\"A\" and \"B\" have exactly equal claims"),
        "{err}"
    );
}

#[test]
fn csv_input_with_a_seats_file() {
    let votes = file(
        "votes.csv",
        "constituency,party,votes\nNorth,A,10000\nNorth,B,6000\nNorth,C,1500\nSouth,A,100\nSouth,C,300\n",
    );
    let seats = file(
        "seats.csv",
        "constituency,seats,blank_votes\nNorth,5,120\nSouth,2,0\n",
    );
    let out = accord(&[
        "elections",
        "allocate",
        votes.to_str().unwrap(),
        "--seats",
        seats.to_str().unwrap(),
        "--method",
        "dhondt",
        "--json",
    ]);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    // South: C 300, C 150, A 100 -> C 2.
    assert_eq!(json["totals"], serde_json::json!({"A": 3, "B": 2, "C": 2}));
    assert_eq!(json["name"], "votes");
    let err = stderr_of_failure(&accord(&["elections", "allocate", votes.to_str().unwrap()]));
    assert!(err.contains("--seats"), "{err}");
}

#[test]
fn dissolve_cambodia_computed_rule_against_the_record() {
    let out = stdout(&accord(&[
        "elections",
        "dissolve",
        CAMBODIA,
        "--party",
        "CNRP",
        "--rule",
        "minor-parties",
        "--scope",
        "national",
        "--json",
    ]));
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["totals_before"],
        serde_json::json!({"CPP": 68, "CNRP": 55})
    );
    assert_eq!(json["totals_after"]["FUNCINPEC"], 31);
    let recorded: Value = serde_json::from_str(&stdout(&accord(&[
        "elections",
        "dissolve",
        CAMBODIA,
        "--party",
        "CNRP",
        "--rule",
        "recorded",
        "--json",
    ])))
    .unwrap();
    assert_eq!(
        recorded["totals_after"],
        serde_json::json!({"CPP": 79, "FUNCINPEC": 41, "CNP": 2, "KEDP": 1})
    );
    let declined = stdout(&accord(&[
        "elections",
        "dissolve",
        CAMBODIA,
        "--party",
        "CNRP",
        "--rule",
        "minor-parties",
        "--declined",
        "LDP",
        "KAPP",
    ]));
    assert!(
        declined
            .lines()
            .any(|l| l.starts_with("CPP") && l.contains(" 81 ")),
        "{declined}"
    );
    assert!(declined.contains("seats-votes before"), "{declined}");
    let err = stderr_of_failure(&accord(&[
        "elections",
        "dissolve",
        CAMBODIA,
        "--party",
        "CNRP",
        "--rule",
        "recorded",
        "--declined",
        "LDP",
    ]));
    assert!(err.contains("only apply to --rule minor-parties"), "{err}");
}

#[test]
fn simulate_is_reproducible() {
    let path = file("sim.json", EXAMPLE);
    let run = || {
        stdout(&accord(&[
            "elections",
            "simulate",
            path.to_str().unwrap(),
            "--runs",
            "3000",
            "--seed",
            "9",
            "--noise",
            "dirichlet:100",
            "--json",
        ]))
    };
    let a = run();
    assert_eq!(a, run());
    let json: Value = serde_json::from_str(&a).unwrap();
    assert_eq!(json["runs"], 3000);
    let parties = json["parties"].as_array().unwrap();
    assert_eq!(parties[0]["party"], "A");
    assert!(parties[0]["mean_seats"].as_f64().unwrap() > 2.0);
    let err = stderr_of_failure(&accord(&[
        "elections",
        "simulate",
        path.to_str().unwrap(),
        "--noise",
        "gauss:3",
    ]));
    assert!(err.contains("dirichlet:K"), "{err}");
}

#[test]
fn apportion_json_shape() {
    let path = file(
        "app.json",
        r#"{"name": "tiny", "method": "huntington-hill", "seats": 10, "min_seats": 1,
        "populations": {"A": 6000, "B": 3000, "C": 100}}"#,
    );
    let json: Value = serde_json::from_str(&stdout(&accord(&[
        "elections",
        "apportion",
        path.to_str().unwrap(),
        "--json",
    ])))
    .unwrap();
    assert_eq!(
        json,
        serde_json::json!({"name": "tiny", "method": "huntington-hill", "seats": {"A": 6, "B": 3, "C": 1}})
    );
    let bad = file(
        "app-bad.json",
        r#"{"name": "tiny", "seats": 2, "min_seats": 1, "method": "adams", "populations": {"A": 1, "B": 1, "C": 1}}"#,
    );
    let err = stderr_of_failure(&accord(&["elections", "apportion", bad.to_str().unwrap()]));
    assert!(
        err.contains("min_seats: 1 for each of 3 units needs 3 seats"),
        "{err}"
    );
}

#[test]
fn help_documents_the_file_format() {
    let out = stdout(&accord(&["elections", "--help"]));
    for word in [
        "allocate",
        "dissolve",
        "simulate",
        "apportion",
        "constituency_threshold",
        "recorded_seats",
        "modified-sainte-lague",
    ] {
        assert!(out.contains(word), "{word} missing from:\n{out}");
    }
}
