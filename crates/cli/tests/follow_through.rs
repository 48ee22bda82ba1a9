//! `accord letter deliver|respond|deadline|follow-up|follow-through|awaiting` on the real binary,
//! on the reference case (its letter has a real date; the example case is set in an invented 2030,
//! after today). The records here are test input in a temporary database, not data about what the
//! addressees of the 2017 letter did.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::{accord, fails, ok, reference, repo};

const CASE: &str = "cambodia-2017";
const LETTER: &str = "2017-10-23-reconvene-paris-conference";

fn db(dir: &Path) -> PathBuf {
    let db = dir.join("a.db");
    ok(&accord(&db, &["import", reference().to_str().unwrap()]));
    db
}

fn records(db: &Path) -> Vec<Value> {
    let out = ok(&accord(db, &["letter", "follow-through", CASE, "--json"]));
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_delivery_a_deadline_and_a_response_are_recorded_and_the_overdue_letter_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    assert!(
        records(&db).is_empty(),
        "the reference case records no follow-through"
    );
    let out = ok(&accord(
        &db,
        &[
            "letter",
            "deliver",
            CASE,
            LETTER,
            "--to",
            "un-sg",
            "--date",
            "2017-10-23",
            "--method",
            "email",
            "--json",
        ],
    ));
    let d: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["kind"], "delivery");
    assert_eq!(d["id"], format!("delivery-{LETTER}-2017-10-23"));
    ok(&accord(
        &db,
        &[
            "letter",
            "deadline",
            CASE,
            LETTER,
            "--date",
            "2017-11-23",
            "--asked",
            "Reconvene the Conference.",
            "--addressee",
            "france",
        ],
    ));
    let late = |day: &str| -> Vec<Value> {
        let out = ok(&accord(
            &db,
            &["letter", "awaiting", CASE, "--as-of", day, "--json"],
        ));
        serde_json::from_str::<Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    assert!(late("2017-11-23").is_empty());
    let on = late("2017-12-03");
    assert_eq!(on.len(), 1);
    assert_eq!(on[0]["days_late"], 10);
    // "France" is not how the letter names the French addressee (its actor is `france`, its name
    // Emmanuel Macron): refused, nothing written.
    let err = fails(&accord(
        &db,
        &[
            "letter",
            "respond",
            CASE,
            LETTER,
            "--from",
            "France",
            "--date",
            "2017-12-01",
            "--action",
            "declined",
            "--summary",
            "A test answer.",
        ],
    ));
    assert!(err.contains("is not an addressee"), "{err}");
    let err = fails(&accord(
        &db,
        &[
            "letter",
            "respond",
            CASE,
            LETTER,
            "--from",
            "Samdech Hun Sen",
            "--date",
            "2017-12-01",
            "--action",
            "declined",
            "--summary",
            "x",
        ],
    ));
    assert!(
        err.contains("--from: \"Samdech Hun Sen\" is not an addressee"),
        "{err}"
    );
    assert!(err.contains("nothing was recorded"), "{err}");
    assert_eq!(
        records(&db).len(),
        2,
        "the response from \"France\" was refused too"
    );
    ok(&accord(
        &db,
        &[
            "letter",
            "respond",
            CASE,
            LETTER,
            "--from",
            "Emmanuel Macron",
            "--date",
            "2017-12-01",
            "--action",
            "declined",
            "--summary",
            "A test answer.",
        ],
    ));
    assert!(
        late("2017-12-03").is_empty(),
        "France answered on 1 December"
    );
    let err = fails(&accord(
        &db,
        &[
            "letter",
            "deliver",
            CASE,
            LETTER,
            "--to",
            "un-sg",
            "--date",
            "2017-10-01",
            "--method",
            "post",
        ],
    ));
    assert!(
        err.contains("--date: 2017-10-01 is before the letter"),
        "{err}"
    );
    let err = fails(&accord(
        &db,
        &[
            "letter",
            "follow-up",
            CASE,
            LETTER,
            "--cites",
            "example-2030/appeal-2030",
        ],
    ));
    assert!(
        err.contains("--cites:") && err.contains("another case"),
        "{err}"
    );
    assert_eq!(records(&db).len(), 3);
    // `case status` says when ACPS Art. 29 was last asked for and what was answered, as of a day.
    let status = ok(&accord(
        &db,
        &["case", "status", CASE, "--as-of", "2017-12-03"],
    ));
    assert!(
        status.contains(&format!(
            "last asked    2017-10-23 (41 days ago) in {LETTER}; latest response 2017-12-01 (2 days ago) from Emmanuel Macron: declined"
        )),
        "{status}"
    );
    let before = ok(&accord(
        &db,
        &["case", "status", CASE, "--as-of", "2017-10-01"],
    ));
    assert!(before.contains("last asked    never"), "{before}");
    // `verify` finds every record's version in the log.
    ok(&accord(&db, &["verify"]));
}

#[test]
fn the_example_case_round_trips_its_follow_through_and_reads_it_as_of_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    // The example case with docs/examples/follow-through.toml added.
    let example = dir.path().join("example");
    copy_dir(&repo().join("docs/examples/minimal-case"), &example);
    let with_comment =
        std::fs::read_to_string(repo().join("docs/examples/follow-through.toml")).unwrap();
    std::fs::write(example.join("follow-through.toml"), &with_comment).unwrap();
    ok(&accord(&db, &["import", example.to_str().unwrap()]));
    let out = dir.path().join("out");
    ok(&accord(
        &db,
        &["export", "example-2030", out.to_str().unwrap()],
    ));
    let exported = std::fs::read_to_string(out.join("follow-through.toml")).unwrap();
    assert!(
        with_comment.ends_with(&exported),
        "export writes the example's records as they are:\n{exported}"
    );
    // export -> import -> export is identical.
    let db2 = dir.path().join("b.db");
    ok(&accord(&db2, &["import", out.to_str().unwrap()]));
    let out2 = dir.path().join("out2");
    ok(&accord(
        &db2,
        &["export", "example-2030", out2.to_str().unwrap()],
    ));
    assert_eq!(
        std::fs::read_to_string(out2.join("follow-through.toml")).unwrap(),
        exported
    );
    let late = |day: &str| -> Vec<Value> {
        let out = ok(&accord(
            &db,
            &[
                "letter",
                "awaiting",
                "example-2030",
                "--as-of",
                day,
                "--json",
            ],
        ));
        serde_json::from_str::<Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    assert_eq!(late("2030-08-10").len(), 1);
    assert!(late("2030-08-20").is_empty());
    let listed = ok(&accord(
        &db,
        &[
            "letter",
            "follow-through",
            "example-2030",
            "appeal-2030",
            "--as-of",
            "2030-07-15",
        ],
    ));
    assert!(listed.contains("delivered to guarantor"), "{listed}");
    assert!(!listed.contains("response from"), "{listed}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
