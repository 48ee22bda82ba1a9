//! `accord observation list|add|review|import` on the real binary, on the reference case (its
//! instruments have real dates; the example case is set in an invented 2030, after today). The
//! scores here are test input in a temporary database, not data about Cambodia.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::{accord, fails, ok, reference};

const CASE: &str = "cambodia-2017";

fn db(dir: &Path) -> PathBuf {
    let db = dir.join("a.db");
    ok(&accord(&db, &["import", reference().to_str().unwrap()]));
    db
}

fn list(db: &Path) -> Vec<Value> {
    let out = ok(&accord(db, &["observation", "list", CASE, "--json"]));
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn an_observation_is_added_as_a_draft_reviewed_and_counted_as_of_the_end_of_its_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let out = ok(&accord(
        &db,
        &[
            "observation",
            "add",
            CASE,
            "--provision",
            "acps art 29",
            "--date",
            "2016",
            "--score",
            "1",
            "--source",
            "ohchr-2017-lpp",
            "--coded-by",
            "coder@example.org",
            "--note",
            "A test score.",
            "--json",
        ],
    ));
    let o: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(o["id"], "o-acps-art-29-2016");
    assert_eq!(o["provision"], "ACPS Art. 29");
    assert_eq!(
        (o["score"].clone(), o["status"].clone()),
        (1.into(), "draft".into())
    );
    assert_eq!(list(&db).len(), 1);

    // Its coder does not confirm it; someone else does.
    let refused = fails(&accord(
        &db,
        &[
            "observation",
            "review",
            CASE,
            "o-acps-art-29-2016",
            "--status",
            "confirmed",
            "--by",
            "coder@example.org",
        ],
    ));
    assert!(refused.contains("coder cannot confirm it"), "{refused}");
    let out = ok(&accord(
        &db,
        &[
            "observation",
            "review",
            CASE,
            "o-acps-art-29-2016",
            "--status",
            "confirmed",
            "--by",
            "reviewer@example.org",
        ],
    ));
    assert!(out.contains("o-acps-art-29-2016 is confirmed"), "{out}");

    let status = |day: &str| -> Value {
        let out = ok(&accord(
            &db,
            &["case", "status", CASE, "--as-of", day, "--json"],
        ));
        let v: Value = serde_json::from_str(&out).unwrap();
        v["provisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["citation"] == "ACPS Art. 29")
            .unwrap()["observation"]
            .clone()
    };
    assert_eq!(status("2016-12-30"), Value::Null);
    assert_eq!(
        status("2016-12-31"),
        serde_json::json!({"id": "o-acps-art-29-2016", "date": "2016", "score": 1, "score_label": "minimal"})
    );
    // The status table shows it, the list lists it, and an export carries it.
    let table = ok(&accord(&db, &["case", "status", CASE]));
    assert!(table.contains("IMPLEMENTATION"), "{table}");
    assert!(
        table
            .lines()
            .any(|l| l.trim_start().starts_with("ACPS Art. 29 ") && l.ends_with("1 minimal (2016)")),
        "{table}"
    );
    let table = ok(&accord(&db, &["observation", "list", CASE]));
    assert!(table.contains("1 minimal"), "{table}");
    let export = dir.path().join("export");
    ok(&accord(&db, &["export", CASE, export.to_str().unwrap()]));
    let file = std::fs::read_to_string(export.join("observations.toml")).unwrap();
    assert!(file.contains("id = \"o-acps-art-29-2016\""), "{file}");
    assert!(
        file.contains("reviewed_by = \"reviewer@example.org\""),
        "{file}"
    );
}

#[test]
fn a_bad_observation_is_refused_naming_the_flag_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let base = [
        "observation",
        "add",
        CASE,
        "--provision",
        "ACPS Art. 29",
        "--date",
        "2016",
        "--score",
        "1",
    ];
    for (flag, value, says) in [
        (
            "--score",
            "4",
            "--score: 4 is not on the Peace Accords Matrix scale",
        ),
        (
            "--score",
            "-1",
            "--score: -1 is not on the Peace Accords Matrix scale",
        ),
        ("--date", "2999", "--date: 2999 is in the future"),
        (
            "--date",
            "1990",
            "--date: 1990 is before ACPS existed (23 October 1991)",
        ),
        (
            "--date",
            "2016..2017",
            "--date: \"2016..2017\": an observation describes",
        ),
        (
            "--provision",
            "ACPS Art. 99",
            "--provision: no provision ACPS Art. 99 in this case",
        ),
        (
            "--source",
            "nowhere",
            "--source: no source \"nowhere\" in this case",
        ),
    ] {
        let mut args: Vec<&str> = base.to_vec();
        match args.iter().position(|a| *a == flag) {
            Some(i) => args[i + 1] = value,
            None => args.extend([flag, value]),
        }
        let stderr = fails(&accord(&db, &args));
        assert!(stderr.contains(says), "{flag} {value}: {stderr}");
        assert!(list(&db).is_empty(), "{flag} {value} wrote something");
    }
}

/// Write a CSV file and import it (with `--dry-run` when asked).
fn import(db: &Path, csv: &str, extra: &[&str]) -> std::process::Output {
    let file = db.with_file_name("pam.csv");
    std::fs::write(&file, csv).unwrap();
    let mut args = vec![
        "observation",
        "import",
        CASE,
        file.to_str().unwrap(),
        "--source",
        "ohchr-2017-lpp",
    ];
    args.extend_from_slice(extra);
    accord(db, &args)
}

const GOOD: &str = "Agreement,Provision,Year,Score,Comment\n\
                    ACPS,Art. 29,2015,1,test input\n\
                    ACPS,ACPS Art. 29,2016,0,\n\
                    \n\
                    acps,Art. 15(2)(a),2016,2,\n";

#[test]
fn a_peace_accords_matrix_table_is_checked_then_imported_whole_as_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let out = ok(&import(&db, GOOD, &["--dry-run"]));
    assert!(
        out.contains("row 2: pam-acps-art-29-2015 ACPS Art. 29 2015 scored 1"),
        "{out}"
    );
    assert!(out.contains("row 5: pam-acps-art-15-2-a-2016"), "{out}");
    assert!(out.contains("3 rows checked; nothing was written"), "{out}");
    assert!(list(&db).is_empty());

    let out = ok(&import(&db, GOOD, &[]));
    assert!(
        out.contains("recorded 3 observations in cambodia-2017 as drafts"),
        "{out}"
    );
    let all = list(&db);
    let ids: Vec<&str> = all.iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "pam-acps-art-29-2015",
            "pam-acps-art-29-2016",
            "pam-acps-art-15-2-a-2016"
        ]
    );
    assert!(all.iter().all(|o| o["status"] == "draft"
        && o["coded_by"] == "Peace Accords Matrix"
        && o["sources"] == serde_json::json!(["ohchr-2017-lpp"])));

    // The same table again is refused whole, row by row.
    let stderr = fails(&import(&db, GOOD, &[]));
    assert!(
        stderr.contains("row 2: ACPS Art. 29 for 2015 is imported already"),
        "{stderr}"
    );
    assert!(
        stderr.contains("3 problems; nothing was imported"),
        "{stderr}"
    );
    assert_eq!(list(&db).len(), 3);
}

#[test]
fn every_bad_row_is_named_with_its_column_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let csv = "agreement,provision,year,score\n\
               ACPS,Art. 29,2016,1\n\
               Accords of Nowhere,Art. 1,2016,1\n\
               ACPS,Art. 99,2016,1\n\
               ACPS,Art. 29,16,5\n\
               ACPS,Art. 29,2999,2\n\
               ACPS,Art. 29,1990,2\n\
               ACPS,Art. 29,2016,2\n";
    let stderr = fails(&import(&db, csv, &["--dry-run"]));
    for want in [
        "pam.csv: row 3, column agreement: no instrument \"Accords of Nowhere\" in this case",
        "pam.csv: row 4, column provision: no provision \"Art. 99\" in ACPS",
        "pam.csv: row 5, column year: \"16\" is not a year (YYYY)",
        "pam.csv: row 5, column score: 5 is not on the Peace Accords Matrix scale",
        "pam.csv: row 6, column year: 2999 is in the future",
        "pam.csv: row 7, column year: 1990 is before ACPS existed (23 October 1991)",
        "pam.csv: row 8: row 2 already codes ACPS Art. 29 for 2016",
        "7 problems; nothing was imported",
    ] {
        assert!(stderr.contains(want), "lacks {want:?}:\n{stderr}");
    }
    assert!(!stderr.contains("row 2,"), "row 2 is good:\n{stderr}");
    // Without --dry-run, the same: nothing is written.
    fails(&import(&db, csv, &[]));
    assert!(list(&db).is_empty());

    let stderr = fails(&import(
        &db,
        "agreement,provision,score\nACPS,Art. 29,1\n",
        &[],
    ));
    assert!(
        stderr.contains("row 1: the header has no column year"),
        "{stderr}"
    );
    let stderr = fails(&import(&db, GOOD, &["--source", "nowhere"]));
    assert!(
        stderr.contains("--source: no source \"nowhere\" in this case"),
        "{stderr}"
    );
    assert!(list(&db).is_empty());
}
