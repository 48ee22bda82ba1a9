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

/// `accord ARGS...` with `ACCORD_LANGUAGE=lang` and no configuration file.
fn accord_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(args)
        .env_remove("ACCORD_CONFIG")
        .env("ACCORD_LANGUAGE", lang)
        .output()
        .unwrap()
}

/// The runs of two English words or more a text holds, lower-cased: what is left once the
/// names are taken out (quoted names, flags, party codes in capitals, file paths) and the text
/// is cut at digits and punctuation.
fn english_runs(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if matches!(c, '"' | '“' | '”') {
            quoted = !quoted;
            plain.push('|');
        } else if !quoted {
            plain.push(c);
        }
    }
    let words: Vec<String> = plain
        .split(' ')
        .map(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            let name = w.starts_with("--")
                || w.contains('/')
                || w.contains(':') && !w.ends_with(':')
                || (bare.len() > 1 && bare.chars().all(|c| c.is_ascii_uppercase()));
            if name { "|".to_owned() } else { w.to_owned() }
        })
        .collect();
    words
        .join(" ")
        .split(|c: char| !(c.is_ascii_alphabetic() || c == ' ' || c == '\''))
        .map(|piece| piece.split_whitespace().collect::<Vec<_>>())
        .filter(|w| w.len() >= 2)
        .map(|w| w.join(" ").to_lowercase())
        .collect()
}

/// Issue 16: what `accord elections` prints of the engine's results and refusals (its steps,
/// notes, tie rules, and why it cannot read a file, allocate, dissolve, project or apportion)
/// is in `ACCORD_LANGUAGE`: for each command, no run of the English output's words is left in
/// the Khmer or the French output (the reference files' own notes and names aside), and the
/// `--json` output does not change.
#[test]
fn the_engines_words_follow_accord_language() {
    let settled = file(
        "settled.json",
        r#"{"name": "Settled", "method": "dhondt", "ties": "most-votes",
            "constituencies": [{"name": "N", "seats": 2, "votes": {"A": 20, "B": 10, "C": 5}}]}"#,
    );
    let tied = file(
        "tied.json",
        r#"{"name": "Tied", "method": "dhondt",
            "constituencies": [{"name": "N", "seats": 1, "votes": {"A": 10, "B": 10}}]}"#,
    );
    let full = file(
        "full.json",
        r#"{"name": "Full", "method": "dhondt",
            "constituencies": [{"name": "N", "seats": 2, "votes": {"A": 30, "B": 20}}]}"#,
    );
    let zero = file(
        "zero.json",
        r#"{"name": "Zero", "method": "dhondt",
            "constituencies": [{"name": "N", "seats": 2, "votes": {"A": 0, "B": 0}}]}"#,
    );
    let negative = file(
        "negative.json",
        &EXAMPLE.replace("\"B\": 6000", "\"B\": -3"),
    );
    let syntax = file(
        "syntax-l.json",
        "{\"name\": \"x\",\n \"constituencies\": [}",
    );
    let unknown = file(
        "unknown.json",
        &EXAMPLE.replace("\"dhondt\"", "\"plurality\""),
    );
    let apportion = file(
        "app-bad-l.json",
        r#"{"name": "tiny", "seats": 2, "min_seats": 1, "method": "adams", "populations": {"A": 1, "B": 1, "C": 1}}"#,
    );
    let votes = file("votes-l.csv", "constituency,party,votes\nNorth,A,x\n");
    let seats = file("seats-l.csv", "constituency,seats\nNorth,2\n");
    let p = |path: &PathBuf| path.to_str().unwrap().to_owned();
    let dissolve = |file: &str, party: &str, rule: &str, more: &[&str]| {
        let mut args: Vec<String> = [
            "elections",
            "dissolve",
            file,
            "--party",
            party,
            "--rule",
            rule,
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        args.extend(more.iter().map(|s| (*s).to_owned()));
        args
    };
    let of = |args: &[&str]| args.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let commands: Vec<(Vec<String>, bool)> = vec![
        (of(&["elections", "allocate", &p(&settled)]), true),
        (of(&["elections", "allocate", &p(&tied)]), false),
        (of(&["elections", "allocate", &p(&zero)]), false),
        (of(&["elections", "allocate", &p(&negative)]), false),
        (of(&["elections", "allocate", &p(&syntax)]), false),
        (of(&["elections", "allocate", &p(&unknown)]), false),
        (dissolve(CAMBODIA, "CNRP", "recorded", &[]), true),
        (
            dissolve(CAMBODIA, "CNRP", "minor-parties", &["--declined", "LDP"]),
            true,
        ),
        (dissolve(CAMBODIA, "CNRP", "rerun", &[]), true),
        (dissolve(CAMBODIA, "XYZ", "rerun", &[]), false),
        (dissolve(&p(&settled), "B", "rerun", &[]), true),
        (dissolve(&p(&settled), "A", "minor-parties", &[]), true),
        (dissolve(&p(&full), "A", "minor-parties", &[]), false),
        (
            of(&["elections", "simulate", &p(&zero), "--runs", "10"]),
            false,
        ),
        (of(&["elections", "apportion", &p(&apportion)]), false),
        (
            of(&[
                "elections",
                "allocate",
                &p(&votes),
                "--seats",
                &p(&seats),
                "--method",
                "dhondt",
            ]),
            false,
        ),
        (of(&["elections", "allocate", &p(&votes)]), false),
    ];
    // The reference file's own words (its name, its constituencies' names, the record's note)
    // are its author's, the same in every language.
    let reference: Value =
        serde_json::from_str(&std::fs::read_to_string(CAMBODIA).unwrap()).unwrap();
    let mut content: Vec<String> = [
        reference["name"].as_str().unwrap(),
        reference["recorded"]["dissolutions"][0]["note"]
            .as_str()
            .unwrap(),
    ]
    .iter()
    .map(|s| s.to_lowercase())
    .collect();
    for c in reference["constituencies"].as_array().unwrap() {
        content.push(c["name"].as_str().unwrap().to_lowercase());
    }
    let said = |o: &Output| {
        let mut text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
        .to_lowercase();
        for c in &content {
            text = text.replace(c.as_str(), "|");
        }
        text
    };
    for (args, ok) in &commands {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let en = accord_in("en", &args);
        assert_eq!(en.status.success(), *ok, "{args:?}: {}", said(&en));
        assert!(!said(&en).contains("panicked"), "{args:?}");
        let runs = english_runs(&said(&en));
        assert!(
            !runs.is_empty(),
            "{args:?}: the English says nothing to look for"
        );
        for lang in ["km", "fr"] {
            let out = accord_in(lang, &args);
            assert_eq!(out.status.success(), *ok, "{lang} {args:?}");
            let text = said(&out);
            let left: Vec<&String> = runs.iter().filter(|r| text.contains(r.as_str())).collect();
            assert!(
                left.is_empty(),
                "{lang} {args:?}: English {left:?} in:\n{text}"
            );
            // Every failure of these commands is known to the error line: none is passed on
            // as English detail.
            for detail in ["(en anglais)", "(ជាភាសាអង់គ្លេស)"] {
                assert!(!text.contains(detail), "{lang} {args:?}: {text}");
            }
        }
    }
    // A file that cannot be read: the command's words and the system's error in the language.
    let missing = "/nonexistent/election.json";
    for (lang, words) in [
        ("fr", ["lecture de", "introuvable"]),
        ("km", ["កំពុងអាន", "រកមិនឃើញឯកសារ"]),
    ] {
        let out = accord_in(lang, &["elections", "allocate", missing]);
        assert!(!out.status.success());
        let text = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(text.contains(missing), "{lang}: {text}");
        for word in words {
            assert!(text.contains(word), "{lang}: {word:?} not in {text}");
        }
        for detail in ["(en anglais)", "(ជាភាសាអង់គ្លេស)"] {
            assert!(!text.contains(detail), "{lang}: {text}");
        }
    }
    // Some of it, by kind: a tie rule, a step with its place, a refusal with its number.
    let km = |args: &[&str]| said(&accord_in("km", args));
    assert!(km(&["elections", "allocate", &p(&settled)]).contains("សម្លេងឆ្នោតច្រើនជាង"));
    let declined = dissolve(CAMBODIA, "CNRP", "minor-parties", &["--declined", "LDP"]);
    let declined: Vec<&str> = declined.iter().map(String::as_str).collect();
    assert!(km(&declined).contains("ថ្នាក់ជាតិ៖ អាសនៈដែលត្រូវបានបដិសេធ"));
    let err = km(&["elections", "allocate", &p(&negative)]);
    assert!(err.contains("-៣") && err.contains("ត្រូវតែជាចំនួនគត់"), "{err}");
    // The English error stays the engine's own sentence, as scripts have read it.
    let err = said(&accord_in("en", &["elections", "allocate", &p(&tied)]));
    assert!(
        err.contains("\"a\" and \"b\" have exactly equal claims"),
        "{err}"
    );
    // The JSON of a scenario is the same in every language, its steps with their codes.
    let json = |lang| {
        let args = dissolve(CAMBODIA, "CNRP", "recorded", &["--json"]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = accord_in(lang, &args);
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let en = json("en");
    assert_eq!(json("km"), en);
    let scenario: Value = serde_json::from_str(&en).unwrap();
    assert_eq!(scenario["steps"][0]["description"], "recorded award");
    assert_eq!(scenario["steps"][0]["code"], "recorded-award");
}

/// A reader that closes the pipe early (`accord elections allocate … | head -1`) ends the command
/// quietly with SIGPIPE's shell status, not a panic.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["elections", "allocate", CAMBODIA])
        .env_remove("ACCORD_CONFIG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the command has printed anything.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(141), "{stderr}");
}
