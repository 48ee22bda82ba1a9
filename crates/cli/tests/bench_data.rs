//! Tests of `accord bench-data` on the real binary: the generated case is valid, shaped like a real
//! monitoring case (English and Khmer, many kinds, a period, findings on real incidents),
//! deterministic for a seed, and bad arguments are refused without touching the database.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use common::{accord, ok};

fn refused(out: &Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "should have failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        stderr.contains(expected),
        "the error should say {expected:?}: {stderr}"
    );
}

/// Generate a case into a fresh database and export it; returns the bundle directory.
fn generate(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let db = dir.join(format!("{name}.db"));
    let mut all = vec!["bench-data"];
    all.extend_from_slice(args);
    ok(&accord(&db, &all));
    let out = dir.join(name);
    let case = args
        .iter()
        .position(|a| *a == "--case")
        .map_or("bench", |i| args[i + 1]);
    ok(&accord(&db, &["export", case, out.to_str().unwrap()]));
    out
}

/// Every file of a bundle directory, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn table(path: &Path, key: &str) -> Vec<toml::Value> {
    let text = std::fs::read_to_string(path).unwrap();
    let v: toml::Value = toml::from_str(&text).unwrap();
    v.get(key)
        .and_then(toml::Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn has_khmer(s: &str) -> bool {
    s.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c))
}

#[test]
fn the_generated_case_is_valid_mixed_and_realistic() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = generate(
        dir.path(),
        "a",
        &["--incidents", "600", "--findings", "60", "--seed", "7"],
    );

    let incidents = table(&bundle.join("incidents.toml"), "incidents");
    assert_eq!(incidents.len(), 600);
    let text =
        |i: &toml::Value, k: &str| i.get(k).and_then(|v| v.as_str()).unwrap_or("").to_owned();
    let khmer = incidents
        .iter()
        .filter(|i| has_khmer(&text(i, "title")))
        .count();
    assert!(
        (180..=360).contains(&khmer),
        "about 45 % of the titles should be Khmer, {khmer} of 600 are"
    );
    // Khmer titles run their words together (no space inside the first phrase).
    assert!(incidents.iter().any(|i| {
        let t = text(i, "title");
        has_khmer(&t) && t.split(' ').next().is_some_and(|w| w.chars().count() > 12)
    }));
    let kinds: BTreeSet<String> = incidents.iter().map(|i| text(i, "kind")).collect();
    assert!(
        kinds.len() >= 12,
        "most incident kinds should occur: {kinds:?}"
    );
    assert!(kinds.contains("arrest") && kinds.contains("dissolution"));
    let years: BTreeSet<i32> = incidents
        .iter()
        .map(|i| text(i, "date")[..4].parse().unwrap())
        .collect();
    assert_eq!(years.first(), Some(&2013));
    assert_eq!(years.last(), Some(&2025));
    assert!(incidents.iter().all(|i| !text(i, "summary").is_empty()));
    // Dates with less than a day's precision exist, as in real records.
    assert!(incidents.iter().any(|i| text(i, "date").len() == 7));
    assert!(incidents.iter().any(|i| text(i, "date").contains("..")));

    let findings = table(&bundle.join("findings.toml"), "findings");
    assert_eq!(findings.len(), 60);
    let ids: BTreeSet<String> = incidents.iter().map(|i| text(i, "id")).collect();
    for f in &findings {
        for i in f.get("incidents").and_then(|v| v.as_array()).unwrap() {
            assert!(ids.contains(i.as_str().unwrap()), "finding names {i}");
        }
    }
    let statuses: BTreeSet<String> = findings.iter().map(|f| text(f, "status")).collect();
    assert_eq!(
        statuses,
        ["confirmed", "draft", "retracted"]
            .map(str::to_owned)
            .into_iter()
            .collect()
    );

    // The bundle imports again as it is: the generator writes what a researcher could.
    let db = dir.path().join("again.db");
    ok(&accord(&db, &["import", bundle.to_str().unwrap()]));
    let status: Value =
        serde_json::from_str(&ok(&accord(&db, &["case", "status", "bench", "--json"]))).unwrap();
    let mechanisms: Vec<&str> = status["mechanisms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["citation"].as_str().unwrap())
        .collect();
    assert_eq!(mechanisms, ["BPA Art. 29", "BCOV Art. 41"]);
    // With 60 findings, 60 % confirmed and half of them violations, the agreement's mechanism fires.
    assert_eq!(status["mechanisms"][0]["triggered"], true);
    assert_eq!(status["provisions"].as_array().unwrap().len(), 16);
}

#[test]
fn a_seed_gives_the_same_case_and_another_seed_another() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--incidents", "250", "--seed", "42"];
    let a = files(&generate(dir.path(), "a", &args));
    let b = files(&generate(dir.path(), "b", &args));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{name} differs between two runs with seed 42"
        );
    }
    let c = files(&generate(
        dir.path(),
        "c",
        &["--incidents", "250", "--seed", "43"],
    ));
    assert_ne!(a["incidents.toml"], c["incidents.toml"]);
    // Instruments and mechanisms do not depend on the seed.
    assert_eq!(a["mechanisms.toml"], c["mechanisms.toml"]);
}

#[test]
fn the_default_findings_the_case_id_and_publication() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let out = ok(&accord(
        &db,
        &[
            "bench-data",
            "--incidents",
            "450",
            "--case",
            "big-one",
            "--publish",
        ],
    ));
    assert!(out.contains("450 incidents, 4 findings"), "{out}");
    assert!(
        out.contains("stored in"),
        "the time to store is reported: {out}"
    );
    let list: Value = serde_json::from_str(&ok(&accord(&db, &["case", "list", "--json"]))).unwrap();
    assert_eq!(list[0]["id"], "big-one");
    assert_eq!(list[0]["incidents"], 450);
    assert_eq!(list[0]["findings"], 4);
    assert_eq!(list[0]["published"], true);
}

#[test]
fn the_case_has_a_joint_letter_that_lists_its_violations() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    ok(&accord(&db, &["bench-data", "--incidents", "3000"]));
    let md = ok(&accord(
        &db,
        &[
            "letter",
            "render",
            "bench",
            "bench-appeal",
            "--format",
            "md",
            "--out",
            "-",
        ],
    ));
    assert!(
        md.starts_with("# Joint letter on the closing of civic space (invented)\n"),
        "{md}"
    );
    // Quoted provisions, cited sources (the first and the last report) and the incidents behind
    // the covenant's mechanism, each with its note.
    assert!(md.contains("> Everyone shall have the right to freedom of expression."));
    assert!(
        md.contains("/src-0000001") && md.contains("/src-0001000"),
        "{md}"
    );
    let listed = md
        .lines()
        .filter(|l| l.starts_with("- ") && l.contains("[^"))
        .count();
    assert!(listed >= 5, "incidents listed: {listed}\n{md}");
    // Eleven verified signatories are printed; the twelfth awaits verification.
    assert!(md.contains("\n11. Voices for Democracy\n"), "{md}");
    assert!(!md.contains("Women's Rights Watch"));
}

#[test]
fn bad_arguments_are_refused_before_the_database_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never.db");
    refused(
        &accord(&db, &["bench-data", "--incidents", "0"]),
        "--incidents must be between 1 and 5000000",
    );
    refused(
        &accord(&db, &["bench-data", "--incidents", "5000001"]),
        "--incidents must be between 1 and 5000000",
    );
    refused(
        &accord(&db, &["bench-data", "--incidents", "-3"]),
        "--incidents",
    );
    refused(
        &accord(
            &db,
            &["bench-data", "--incidents", "10", "--case", "not an id"],
        ),
        "\"not an id\" is not an id",
    );
    refused(
        &accord(
            &db,
            &["bench-data", "--incidents", "10", "--findings", "21"],
        ),
        "--findings 21 is more than twice --incidents 10",
    );
    refused(&accord(&db, &["bench-data"]), "--incidents");
    assert!(!db.exists(), "a refused run must not create the database");
}

#[test]
fn an_existing_case_is_kept_unless_replace() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    ok(&accord(
        &db,
        &["bench-data", "--incidents", "20", "--seed", "1"],
    ));
    refused(
        &accord(&db, &["bench-data", "--incidents", "30", "--seed", "2"]),
        "already exists",
    );
    let list: Value = serde_json::from_str(&ok(&accord(&db, &["case", "list", "--json"]))).unwrap();
    assert_eq!(list[0]["incidents"], 20, "the refused run changed nothing");
    let out = ok(&accord(
        &db,
        &[
            "bench-data",
            "--incidents",
            "30",
            "--seed",
            "2",
            "--replace",
        ],
    ));
    assert!(
        out.starts_with("replaced case bench: 30 incidents"),
        "{out}"
    );
    let list: Value = serde_json::from_str(&ok(&accord(&db, &["case", "list", "--json"]))).unwrap();
    assert_eq!(list[0]["incidents"], 30);
}
