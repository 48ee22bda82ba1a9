//! End-to-end tests of `accord import/export/case` on the real binary, with the reference case.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::Path;

use serde_json::Value;

use common::{accord, ok, reference, repo};

fn import_reference(db: &Path) {
    ok(&accord(db, &["import", reference().to_str().unwrap()]));
}

#[test]
fn the_reference_case_triggers_acps_article_29() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    import_reference(&db);
    let out = ok(&accord(&db, &["case", "status", "cambodia-2017", "--json"]));
    let status: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(status["case"], "cambodia-2017");
    let m = status["mechanisms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["citation"] == "ACPS Art. 29")
        .expect("ACPS Art. 29 is a mechanism of the case");
    assert_eq!(m["triggered"], true);
    assert_eq!(m["responsible"], serde_json::json!(["France", "Indonesia"]));
    assert_eq!(
        m["requested_by"],
        serde_json::json!(["Secretary-General of the United Nations"])
    );
    let consult: Vec<&str> = m["consult"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        consult.len(),
        19,
        "the 19 states of the Paris Conference: {consult:?}"
    );
    assert!(consult.contains(&"China") && consult.contains(&"United Kingdom"));
    let findings = m["findings"].as_array().unwrap();
    assert!(findings.len() >= 10, "{} findings", findings.len());

    // `since` is the earliest day of the earliest incident behind a qualifying finding: check it
    // against the exported bundle rather than trusting the status code that computed it.
    let export = dir.path().join("export");
    ok(&accord(
        &db,
        &["export", "cambodia-2017", export.to_str().unwrap()],
    ));
    let incidents: toml::Table =
        toml::from_str(&std::fs::read_to_string(export.join("incidents.toml")).unwrap()).unwrap();
    let findings_file: toml::Table =
        toml::from_str(&std::fs::read_to_string(export.join("findings.toml")).unwrap()).unwrap();
    let qualifying: Vec<&str> = findings.iter().map(|f| f.as_str().unwrap()).collect();
    let mut earliest = String::from("9999-12-31");
    for f in findings_file["findings"].as_array().unwrap() {
        if !qualifying.contains(&f["id"].as_str().unwrap()) {
            continue;
        }
        for inc in f["incidents"].as_array().unwrap() {
            let date = incidents["incidents"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["id"].as_str() == inc.as_str())
                .unwrap()["date"]
                .as_str()
                .unwrap()
                .to_owned();
            let start = date.split("..").next().unwrap().to_owned();
            let start = match start.len() {
                4 => format!("{start}-01-01"),
                7 => format!("{start}-01"),
                _ => start,
            };
            earliest = earliest.min(start);
        }
    }
    assert_eq!(m["since"], earliest.as_str());

    // Every provision the letter says is violated shows as violated or threatened.
    let provisions = status["provisions"].as_array().unwrap();
    for cite in [
        "ACPS Annex 5 Art. 4",
        "ACPS Annex 5 Art. 5",
        "ACPS Art. 15(2)(a)",
        "ASIT Art. 3(2)(a)",
        "ICCPR Art. 19",
        "ICCPR Art. 21",
        "ICCPR Art. 22",
        "ICCPR Art. 25",
    ] {
        let p = provisions
            .iter()
            .find(|p| p["citation"] == cite)
            .unwrap_or_else(|| panic!("{cite} is in the case"));
        assert!(
            p["status"] == "violated" || p["status"] == "threatened",
            "{cite}: {}",
            p["status"]
        );
    }

    // The readable table says the same.
    let table = ok(&accord(&db, &["case", "status", "cambodia-2017"]));
    assert!(table.contains("TRIGGERED since"), "{table}");
    let list = ok(&accord(&db, &["case", "list"]));
    assert!(list.contains("cambodia-2017"), "{list}");
}

fn read_tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn export_import_export_gives_identical_files() {
    let dir = tempfile::tempdir().unwrap();
    let (db1, db2) = (dir.path().join("1.db"), dir.path().join("2.db"));
    let (e1, e2) = (dir.path().join("e1"), dir.path().join("e2"));
    import_reference(&db1);
    ok(&accord(
        &db1,
        &["export", "cambodia-2017", e1.to_str().unwrap()],
    ));
    ok(&accord(&db2, &["import", e1.to_str().unwrap()]));
    ok(&accord(
        &db2,
        &["export", "cambodia-2017", e2.to_str().unwrap()],
    ));
    let (t1, t2) = (read_tree(&e1), read_tree(&e2));
    assert!(t1.len() > 10);
    assert_eq!(t1, t2);

    // Exporting over a non-empty directory needs --force.
    let out = accord(&db2, &["export", "cambodia-2017", e2.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty (use --force"));
}

/// Copy the reference bundle, apply one edit, import it into a database that already holds a
/// case, and check: failure, the message, and the database file unchanged byte for byte.
fn check_refused(file: &str, from: &str, to: &str, expected: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&accord(
        &db,
        &[
            "import",
            repo().join("docs/examples/minimal-case").to_str().unwrap(),
        ],
    ));
    let before = std::fs::read(&db).unwrap();
    let bundle = dir.path().join("bundle");
    for (rel, bytes) in read_tree(&reference()) {
        let path = bundle.join(&rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let path = bundle.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();

    let out = accord(&db, &["import", bundle.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "accepted a bad bundle");
    for want in expected {
        assert!(stderr.contains(want), "stderr lacks {want:?}:\n{stderr}");
    }
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the database changed");
    let list = ok(&accord(&db, &["case", "list"]));
    assert!(!list.contains("cambodia-2017"));
}

#[test]
fn a_syntax_error_is_refused_with_file_and_line() {
    check_refused(
        "case.toml",
        "id = \"cambodia-2017\"",
        "id = \"cambodia-2017",
        &["/bundle/case.toml:", "invalid basic string"],
    );
}

#[test]
fn a_dangling_reference_is_refused_with_file_line_and_field() {
    check_refused(
        "findings.toml",
        "provision = \"ACPS Art. 15(2)(a)\"",
        "provision = \"ACPS Art. 15(2)(z)\"",
        &[
            "/bundle/findings.toml:",
            ".provision: no provision ACPS Art. 15(2)(z) in this case",
        ],
    );
}

#[test]
fn a_duplicate_id_is_refused() {
    check_refused(
        "actors.toml",
        "id = \"indonesia\"",
        "id = \"france\"",
        &["/bundle/actors.toml:", ".id: duplicate actor id \"france\""],
    );
}

#[test]
fn a_malformed_date_is_refused() {
    check_refused(
        "incidents.toml",
        "date = \"2017-09-03\"",
        "date = \"2017-09-31\"",
        &[
            "/bundle/incidents.toml:",
            ".date: \"2017-09-31\" is not a date: September 2017 has 30 days",
        ],
    );
}

#[test]
fn a_bad_election_file_is_refused() {
    check_refused(
        "elections/2013-national-assembly.json",
        "\"method\"",
        "\"methd\"",
        &["/bundle/elections/2013-national-assembly.json:"],
    );
}

#[test]
fn importing_twice_needs_replace() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    import_reference(&db);
    let out = accord(&db, &["import", reference().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists (use --replace"));
    let out = ok(&accord(
        &db,
        &["import", "--replace", reference().to_str().unwrap()],
    ));
    assert!(out.starts_with("replaced case cambodia-2017"), "{out}");
}

#[test]
fn commands_on_a_missing_database_do_not_create_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let out = accord(&db, &["case", "list"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
    assert!(!db.exists());
}

/// `accord case status CASE --as-of DAY --json` for a bundle: the mechanism with this citation.
fn mechanism_as_of(bundle: &Path, case: &str, citation: &str, day: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&accord(&db, &["import", bundle.to_str().unwrap()]));
    let out = ok(&accord(
        &db,
        &["case", "status", case, "--as-of", day, "--json"],
    ));
    let status: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(status["case"], case);
    assert_eq!(status["as_of"], day, "the JSON says which day it is about");
    status["mechanisms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["citation"] == citation)
        .unwrap_or_else(|| panic!("{citation} is a mechanism of {case}"))
        .clone()
}

#[test]
fn acps_article_29_is_not_triggered_as_of_31_january_2017_and_triggered_as_of_1_february() {
    let before = mechanism_as_of(&reference(), "cambodia-2017", "ACPS Art. 29", "2017-01-31");
    assert_eq!(before["triggered"], false, "{before}");
    assert_eq!(before["since"], Value::Null);
    assert_eq!(before["findings"], serde_json::json!([]));

    // The first amendments to the Law on Political Parties are dated February 2017: they count
    // from the first day they may have happened.
    let after = mechanism_as_of(&reference(), "cambodia-2017", "ACPS Art. 29", "2017-02-01");
    assert_eq!(after["triggered"], true, "{after}");
    assert_eq!(after["since"], "2017-02-01");
    assert_eq!(after["since_incident"], "lpp-amendments-2017-02");
    let findings: Vec<&str> = after["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(
        findings.contains(&"f-acps-a5-4-lpp-amendments"),
        "{findings:?}"
    );
    // The arrest of Kem Sokha (3 September 2017) had not happened yet.
    assert!(
        !findings.contains(&"f-acps-a5-4-kem-sokha-arrest"),
        "{findings:?}"
    );
}

#[test]
fn the_example_case_triggers_as_of_the_day_of_the_dissolution() {
    let example = repo().join("docs/examples/minimal-case");
    let before = mechanism_as_of(&example, "example-2030", "FPA Art. 9", "2030-02-13");
    assert_eq!(before["triggered"], false, "{before}");
    let on = mechanism_as_of(&example, "example-2030", "FPA Art. 9", "2030-02-14");
    assert_eq!(on["triggered"], true, "{on}");
    assert_eq!(on["since"], "2030-02-14");
    assert_eq!(on["findings"], serde_json::json!(["f-dissolution"]));
}

#[test]
fn status_as_of_keeps_the_contract_and_says_so_in_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    import_reference(&db);
    let now: Value = serde_json::from_str(&ok(&accord(
        &db,
        &["case", "status", "cambodia-2017", "--json"],
    )))
    .unwrap();
    assert!(now.get("as_of").is_none(), "no as_of without --as-of");
    // Long after the letter, the status as of a day is the status today, plus the day.
    let mut later: Value = serde_json::from_str(&ok(&accord(
        &db,
        &[
            "case",
            "status",
            "cambodia-2017",
            "--as-of",
            "2024-01-01",
            "--json",
        ],
    )))
    .unwrap();
    assert_eq!(later["as_of"], "2024-01-01");
    later.as_object_mut().unwrap().remove("as_of");
    assert_eq!(later, now);

    let table = ok(&accord(
        &db,
        &["case", "status", "cambodia-2017", "--as-of", "2017-01-31"],
    ));
    assert!(table.contains("(as of 2017-01-31)"), "{table}");
    assert!(!table.contains("TRIGGERED"), "{table}");
}

#[test]
fn a_bad_as_of_date_is_refused_naming_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    import_reference(&db);
    for bad in ["2017-02-30", "2017-02", "yesterday"] {
        let out = accord(&db, &["case", "status", "cambodia-2017", "--as-of", bad]);
        let stderr = common::fails(&out);
        assert!(stderr.contains("--as-of"), "{bad}: {stderr}");
        assert!(stderr.contains(bad), "{bad}: {stderr}");
    }
}

/// The reference bundle with its incidents split over two shard files, `incidents/000001.toml`
/// and `incidents/000002.toml` (at an `[[incidents]]` header), as a large export writes them.
fn sharded_reference(at: &Path) {
    for (rel, bytes) in read_tree(&reference()) {
        let path = at.join(&rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let text = std::fs::read_to_string(at.join("incidents.toml")).unwrap();
    let headers: Vec<usize> = text
        .match_indices("[[incidents]]")
        .map(|(i, _)| i)
        .collect();
    assert!(headers.len() > 2);
    let cut = headers[headers.len() / 2];
    std::fs::remove_file(at.join("incidents.toml")).unwrap();
    std::fs::create_dir(at.join("incidents")).unwrap();
    std::fs::write(at.join("incidents/000001.toml"), &text[..cut]).unwrap();
    std::fs::write(at.join("incidents/000002.toml"), &text[cut..]).unwrap();
}

#[test]
fn a_bundle_with_its_incidents_in_shards_imports_as_the_one_file_does() {
    let dir = tempfile::tempdir().unwrap();
    let (db1, db2) = (dir.path().join("1.db"), dir.path().join("2.db"));
    let (e1, e2) = (dir.path().join("e1"), dir.path().join("e2"));
    let bundle = dir.path().join("sharded");
    sharded_reference(&bundle);
    import_reference(&db1);
    ok(&accord(&db2, &["import", bundle.to_str().unwrap()]));
    for (db, out) in [(&db1, &e1), (&db2, &e2)] {
        ok(&accord(
            db,
            &["export", "cambodia-2017", out.to_str().unwrap()],
        ));
    }
    // A small case exports as one incidents.toml, whichever way it came in.
    assert_eq!(read_tree(&e1), read_tree(&e2));
    assert!(e2.join("incidents.toml").is_file());
}

#[test]
fn a_bad_shard_is_refused_with_its_file_line_and_field_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let bundle = dir.path().join("sharded");
    sharded_reference(&bundle);
    let shard = bundle.join("incidents/000002.toml");
    let text = std::fs::read_to_string(&shard).unwrap();
    let at = text.find("\ndate = \"").unwrap() + 1;
    let line = text[..at].matches('\n').count() + 1;
    let end = at + text[at..].find('\n').unwrap();
    let bad = format!("{}date = \"2017-02-30\"{}", &text[..at], &text[end..]);
    std::fs::write(&shard, bad).unwrap();
    let out = accord(&db, &["import", bundle.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "accepted a bad shard");
    let want = format!("incidents/000002.toml:{line}: incidents[0].date: ");
    assert!(stderr.contains(&want), "stderr lacks {want:?}:\n{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert!(!db.exists(), "the database was created");

    // A shard that is not text is refused by name too.
    let mut bytes = std::fs::read(&shard).unwrap();
    bytes[10] = 0xff;
    std::fs::write(&shard, bytes).unwrap();
    let out = accord(&db, &["import", bundle.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("incidents/000002.toml: not UTF-8 text (byte 10)"),
        "{stderr}"
    );
    assert!(!db.exists(), "the database was created");
}
