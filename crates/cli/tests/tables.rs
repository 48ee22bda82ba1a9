//! `accord import FILE --format ...` and `accord export CASE --format ...` on the real binary:
//! the dry run's JSON, repeatability, refusal of bad rows (and `--skip-bad`), and Khmer text
//! through CSV, XLSX and Uwazi CSV.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use common::{accord, fails, ok, repo};

fn example(name: &str) -> PathBuf {
    repo().join("docs/examples/import").join(name)
}

fn import_json(db: &Path, file: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["import", file.to_str().unwrap(), "--json"];
    args.extend(extra);
    let out = ok(&accord(db, &args));
    serde_json::from_str(&out).unwrap()
}

#[test]
fn a_dry_run_says_what_would_happen_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let file = example("acled.csv");
    let dry = import_json(
        &db,
        &file,
        &["--format", "acled", "--case", "acled", "--dry-run"],
    );
    assert_eq!(
        dry,
        json!({
            "created": {"incidents": 4, "actors": 8, "sources": 3, "instruments": 0},
            "updated": {"incidents": 0, "actors": 0, "sources": 0, "instruments": 0},
            "unchanged": 0,
            "problems": [],
        })
    );
    assert!(!db.exists(), "a dry run into a new database creates none");

    let first = import_json(
        &db,
        &file,
        &["--format", "acled", "--case", "acled", "--title", "ACLED"],
    );
    assert_eq!(first["created"]["incidents"], 4);
    // Again: nothing to do.
    let again = import_json(&db, &file, &["--format", "acled", "--case", "acled"]);
    assert_eq!(again["created"], dry["updated"]);
    assert_eq!(again["unchanged"], 15);
    let cases = ok(&accord(&db, &["case", "list", "--json"]));
    assert!(cases.contains("\"ACLED\""), "{cases}");
    // The summary line, without --json.
    let out = ok(&accord(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--format",
            "acled",
            "--case",
            "acled",
        ],
    ));
    assert!(
        out.contains("created nothing; updated nothing; unchanged 15"),
        "{out}"
    );
    ok(&accord(&db, &["verify"]));
}

#[test]
fn a_bad_row_refuses_the_file_unless_bad_rows_are_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let bad = dir.path().join("bad.csv");
    let text = std::fs::read_to_string(example("acled.csv"))
        .unwrap()
        .replace("5-May-20", "31-Feb-20");
    std::fs::write(&bad, text).unwrap();
    let out = accord(
        &db,
        &[
            "import",
            bad.to_str().unwrap(),
            "--format",
            "acled",
            "--case",
            "acled",
        ],
    );
    let err = fails(&out);
    assert!(err.contains("row 3, column \"event_date\""), "{err}");
    assert!(err.contains("\"31-Feb-20\""), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing was imported"));
    let cases = ok(&accord(&db, &["case", "list", "--json"]));
    assert!(!cases.contains("acled"), "{cases}");

    let set_aside = dir.path().join("set-aside.csv");
    let report = import_json(
        &db,
        &bad,
        &[
            "--format",
            "acled",
            "--case",
            "acled",
            "--skip-bad",
            set_aside.to_str().unwrap(),
        ],
    );
    assert_eq!(report["created"]["incidents"], 3);
    assert_eq!(report["problems"][0]["row"], 3);
    let rows = std::fs::read_to_string(&set_aside).unwrap();
    let lines: Vec<&str> = rows.lines().collect();
    assert_eq!(lines.len(), 2, "{rows}");
    assert!(lines[0].ends_with(",problem,row"));
    assert!(
        lines[1].starts_with("XKH1002,31-Feb-20,") && lines[1].ends_with(",3"),
        "{rows}"
    );
    assert!(lines[1].contains("event_date: "), "{rows}");
}

#[test]
fn a_spreadsheet_needs_a_mapping_and_gets_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let file = example("table.csv");
    let err = fails(&accord(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--format",
            "table",
            "--case",
            "lh",
        ],
    ));
    assert!(
        err.contains("[columns]") && err.contains("id = \"Ref\""),
        "{err}"
    );
    let mapping = example("table.toml");
    let report = import_json(
        &db,
        &file,
        &[
            "--format",
            "table",
            "--case",
            "lh",
            "--mapping",
            mapping.to_str().unwrap(),
        ],
    );
    assert_eq!(report["created"]["incidents"], 3);
}

#[test]
fn khmer_text_survives_csv_xlsx_and_uwazi_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let file = example("uwazi.csv");
    import_json(&db, &file, &["--format", "uwazi", "--case", "uw"]);
    let khmer = "ការចាប់ខ្លួនសកម្មជនដីធ្លី";

    let csv = dir.path().join("out.csv");
    ok(&accord(
        &db,
        &[
            "export",
            "uw",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
        ],
    ));
    let incidents = std::fs::read_to_string(dir.path().join("out-incidents.csv")).unwrap();
    assert!(incidents.contains(khmer), "{incidents}");
    assert!(dir.path().join("out-findings.csv").exists());
    let sources = std::fs::read_to_string(dir.path().join("out-sources.csv")).unwrap();
    assert!(sources.contains("https://example.org/report-1"));

    let xlsx = dir.path().join("out.xlsx");
    ok(&accord(
        &db,
        &[
            "export",
            "uw",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    ));
    let bytes = std::fs::read(&xlsx).unwrap();
    let sheet = accord_tables::read::xlsx(&bytes, Some("incidents")).unwrap();
    assert_eq!(sheet.headers[0], "id");
    assert!(
        sheet
            .rows
            .iter()
            .any(|r| r.iter().any(|c| c.contains(khmer)))
    );
    for name in ["findings", "sources"] {
        assert!(
            accord_tables::read::xlsx(&bytes, Some(name)).is_ok(),
            "sheet {name}"
        );
    }
    // An existing file is not replaced without --force.
    let err = fails(&accord(
        &db,
        &[
            "export",
            "uw",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    ));
    assert!(err.contains("--force"), "{err}");

    // Uwazi: out and back in, into another case, gives the same incidents.
    let uwazi = dir.path().join("uwazi.csv");
    ok(&accord(
        &db,
        &[
            "export",
            "uw",
            "--format",
            "uwazi",
            "--out",
            uwazi.to_str().unwrap(),
        ],
    ));
    let text = std::fs::read_to_string(&uwazi).unwrap();
    assert!(
        text.starts_with("title,") && text.contains(&format!(",{khmer}")),
        "{text}"
    );
    let back = import_json(&db, &uwazi, &["--format", "uwazi", "--case", "uw"]);
    assert_eq!(back["created"]["incidents"], 0, "{back}");
    assert_eq!(back["updated"]["incidents"], 0, "{back}");
}

#[test]
fn bundles_still_import_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let out = ok(&accord(
        &db,
        &[
            "import",
            repo().join("docs/examples/minimal-case").to_str().unwrap(),
        ],
    ));
    assert!(out.starts_with("imported case "), "{out}");
    let err = fails(&accord(
        &db,
        &["import", example("acled.csv").to_str().unwrap()],
    ));
    assert!(!err.is_empty());
}

#[test]
fn an_xlsx_workbook_imports_as_a_spreadsheet() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    import_json(
        &db,
        &example("uwazi.csv"),
        &["--format", "uwazi", "--case", "uw"],
    );
    let xlsx = dir.path().join("out.xlsx");
    ok(&accord(
        &db,
        &[
            "export",
            "uw",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    ));
    let mapping = dir.path().join("mapping.toml");
    std::fs::write(
        &mapping,
        "sheet = \"incidents\"\n[columns]\nid = \"id\"\ndate = \"date\"\ntitle = \"title\"\nkind = \"kind\"\nsummary = \"summary\"\nplace = \"place\"\nthemes = \"themes\"\nsources = \"sources\"\nperpetrators = \"perpetrators\"\nvictims = \"victims\"\n",
    )
    .unwrap();
    let report = import_json(
        &db,
        &xlsx,
        &[
            "--format",
            "table",
            "--case",
            "from-xlsx",
            "--mapping",
            mapping.to_str().unwrap(),
        ],
    );
    assert_eq!(report["created"]["incidents"], 2, "{report}");
    assert_eq!(report["problems"], json!([]));
    let out = dir.path().join("again.csv");
    ok(&accord(
        &db,
        &[
            "export",
            "from-xlsx",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    let text = std::fs::read_to_string(dir.path().join("again-incidents.csv")).unwrap();
    assert!(
        text.contains("ការចាប់ខ្លួនសកម្មជនដីធ្លី"),
        "Khmer through XLSX and back: {text}"
    );
    assert!(text.contains("arrest-of-a-land-activist"));
}

/// The reference case holds PA-X's coding of its Paris instruments (issue 15 §2: ACPS is PA-X
/// agreement 252 and shows its codes): importing the PA-X file kept with the case's sources
/// changes nothing, and ACPS's notes carry its codes.
#[test]
fn the_reference_case_already_holds_its_pax_coding() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&accord(
        &db,
        &["import", common::reference().to_str().unwrap()],
    ));
    let law = repo().join("data/provenance/cambodia-2017/law");
    let dry = import_json(
        &db,
        &law.join("pax_agreements.csv"),
        &[
            "--format",
            "pax",
            "--case",
            "cambodia-2017",
            "--mapping",
            law.join("pax_mapping.toml").to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert_eq!(dry["unchanged"], 3, "{dry}");
    assert_eq!(dry["created"]["instruments"], 0, "{dry}");
    assert_eq!(dry["updated"]["instruments"], 0, "{dry}");
    let acps = std::fs::read_to_string(common::reference().join("instruments/ACPS.toml")).unwrap();
    assert!(acps.contains("- AgtId: 252"));
    assert!(acps.contains("Cons 3, Ele 3"), "ACPS shows its PA-X codes");
}
