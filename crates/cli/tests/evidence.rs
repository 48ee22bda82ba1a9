//! End-to-end tests of evidence files on the real binary: `accord evidence add|get|list|show`,
//! the upload limit, bundles that carry evidence (import refuses a changed file or a link), and
//! export → import → export with binary files.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;
use sha2::{Digest, Sha256};

use common::{accord, accord_with_env, fails, ok, read_tree, repo};

const CASE: &str = "example-2030";
const INCIDENT: &str = "party-dissolved";

fn minimal_case() -> PathBuf {
    repo().join("docs/examples/minimal-case")
}

/// A database with the minimal example case in it.
fn db_with_case(dir: &Path) -> PathBuf {
    let db = dir.join("a.db");
    ok(&accord(&db, &["import", minimal_case().to_str().unwrap()]));
    db
}

/// A small file that starts like a PNG image and goes on with bytes that are not text (every
/// byte value, including zero and invalid UTF-8).
fn png_like(dir: &Path, name: &str) -> PathBuf {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".to_vec();
    for i in 0..70_000u32 {
        bytes.push((i.wrapping_mul(2_654_435_761) >> 13) as u8);
    }
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn sha256_of(path: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(path).unwrap()))
}

/// `evidence add --json`, returning the parsed output.
fn add(db: &Path, file: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "evidence",
        "add",
        CASE,
        "--incident",
        INCIDENT,
        file.to_str().unwrap(),
        "--json",
    ];
    args.extend_from_slice(extra);
    let out = ok(&accord(db, &args));
    serde_json::from_str(&out).unwrap()
}

/// The files in the blob directory next to a database.
fn blobs(db: &Path) -> Vec<PathBuf> {
    let root = PathBuf::from(format!("{}.evidence", db.display())).join("sha256");
    let mut out = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(root) {
        for d in dirs {
            for f in std::fs::read_dir(d.unwrap().path()).unwrap() {
                out.push(f.unwrap().path());
            }
        }
    }
    out
}

#[test]
fn add_hashes_like_sha256sum_and_get_returns_the_exact_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_case(dir.path());
    let file = png_like(dir.path(), "photo.png");
    let out = ok(&accord(
        &db,
        &[
            "evidence",
            "add",
            CASE,
            "--incident",
            INCIDENT,
            file.to_str().unwrap(),
            "--id",
            "photo-1",
            "--captured-at",
            "2030-03-01T10:00:00Z",
            "--captured-by",
            "A. Researcher",
            "--source-url",
            "https://example.org/photo",
            "--method",
            "download",
            "--tool",
            "curl",
            "--note",
            "the front page",
            "--json",
        ],
    ));
    assert!(
        out.starts_with(r#"{"id":"photo-1","sha256":""#),
        "id, sha256, size first: {out}"
    );
    let added: Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&String> = added.as_object().unwrap().keys().collect();
    assert!(keys.contains(&&"size".to_owned()), "{keys:?}");
    assert_eq!(
        added["sha256"],
        sha256_of(&file),
        "SHA-256 of the raw bytes"
    );
    assert_eq!(added["size"], std::fs::metadata(&file).unwrap().len());
    assert_eq!(added["media_type"], "image/png", "sniffed from the content");
    // Stored once, under its hash, byte for byte.
    let stored = blobs(&db);
    assert_eq!(stored.len(), 1);
    assert!(stored[0].ends_with(added["sha256"].as_str().unwrap()));
    assert_eq!(
        std::fs::read(&stored[0]).unwrap(),
        std::fs::read(&file).unwrap()
    );

    let copy = dir.path().join("copy.png");
    let got = ok(&accord(
        &db,
        &[
            "evidence",
            "get",
            CASE,
            "photo-1",
            "--out",
            copy.to_str().unwrap(),
        ],
    ));
    assert!(got.contains("copy.png"), "{got}");
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&file).unwrap());
    // An existing file is not overwritten without --force.
    let err = fails(&accord(
        &db,
        &[
            "evidence",
            "get",
            CASE,
            "photo-1",
            "--out",
            copy.to_str().unwrap(),
        ],
    ));
    assert!(err.contains("--force"), "{err}");
    std::fs::write(&copy, b"something else").unwrap();
    ok(&accord(
        &db,
        &[
            "evidence",
            "get",
            CASE,
            "photo-1",
            "--out",
            copy.to_str().unwrap(),
            "--force",
        ],
    ));
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&file).unwrap());

    // The capture record and the chain of custody: received, then each download.
    let show: Value = serde_json::from_str(&ok(&accord(
        &db,
        &["evidence", "show", CASE, "photo-1", "--json"],
    )))
    .unwrap();
    assert_eq!(show["capture"]["captured_by"], "A. Researcher");
    assert_eq!(show["capture"]["source_url"], "https://example.org/photo");
    assert_eq!(show["note"], "the front page");
    let actions: Vec<&str> = show["custody"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["received", "downloaded", "downloaded"]);
    let text = ok(&accord(&db, &["evidence", "show", CASE, "photo-1"]));
    assert!(
        text.contains("A. Researcher") && text.contains("downloaded"),
        "{text}"
    );

    let list: Value = serde_json::from_str(&ok(&accord(
        &db,
        &["evidence", "list", CASE, "--incident", INCIDENT, "--json"],
    )))
    .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], "photo-1");
    let other: Value = serde_json::from_str(&ok(&accord(
        &db,
        &[
            "evidence",
            "list",
            CASE,
            "--incident",
            "harassment",
            "--json",
        ],
    )))
    .unwrap();
    assert_eq!(other.as_array().unwrap().len(), 0);
    assert!(ok(&accord(&db, &["evidence", "list", CASE])).contains("photo-1"));

    // The same bytes twice are one stored file.
    let again = add(&db, &file, &["--id", "photo-2"]);
    assert_eq!(again["sha256"], added["sha256"]);
    assert_eq!(blobs(&db).len(), 1);
    ok(&accord(&db, &["verify"]));
}

#[test]
fn evidence_of_an_unknown_incident_is_refused_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_case(dir.path());
    let file = png_like(dir.path(), "photo.png");
    let err = fails(&accord(
        &db,
        &[
            "evidence",
            "add",
            CASE,
            "--incident",
            "no-such-incident",
            file.to_str().unwrap(),
        ],
    ));
    assert!(err.contains("no-such-incident"), "{err}");
    let err = fails(&accord(
        &db,
        &[
            "evidence",
            "add",
            "no-such-case",
            "--incident",
            INCIDENT,
            file.to_str().unwrap(),
        ],
    ));
    assert!(err.contains("no-such-case"), "{err}");
    let list: Value =
        serde_json::from_str(&ok(&accord(&db, &["evidence", "list", CASE, "--json"]))).unwrap();
    assert_eq!(list, serde_json::json!([]), "no record");
    ok(&accord(&db, &["verify"]));
    assert_eq!(blobs(&db), Vec::<PathBuf>::new(), "no file left behind");
}

#[test]
fn a_file_over_the_upload_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_case(dir.path());
    let file = png_like(dir.path(), "photo.png");
    let args = [
        "evidence",
        "add",
        CASE,
        "--incident",
        INCIDENT,
        file.to_str().unwrap(),
    ];
    let mut flag = args.to_vec();
    flag.extend(["--upload-limit", "1000"]);
    let err = fails(&accord(&db, &flag));
    assert!(err.contains("upload limit of 1000 bytes"), "{err}");
    let err = fails(&accord_with_env(
        &db,
        &args,
        &[("ACCORD_UPLOAD_LIMIT", "70000")],
    ));
    assert!(err.contains("upload limit of 70000 bytes"), "{err}");
    // A limit the file fits under is accepted.
    ok(&accord_with_env(
        &db,
        &args,
        &[("ACCORD_UPLOAD_LIMIT", "80000")],
    ));
    assert_eq!(blobs(&db).len(), 1);
}

#[test]
fn a_named_evidence_directory_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_case(dir.path());
    let file = png_like(dir.path(), "photo.png");
    let missing = dir.path().join("no-such-dir");
    let err = fails(&accord(
        &db,
        &[
            "--evidence-dir",
            missing.to_str().unwrap(),
            "evidence",
            "add",
            CASE,
            "--incident",
            INCIDENT,
            file.to_str().unwrap(),
        ],
    ));
    assert!(
        err.contains("evidence_dir") && err.contains("no-such-dir"),
        "{err}"
    );
    assert!(!missing.exists());
    // Refused before anything is created.
    let fresh = dir.path().join("fresh.db");
    let err = fails(&accord_with_env(
        &fresh,
        &["import", minimal_case().to_str().unwrap()],
        &[("ACCORD_EVIDENCE_DIR", missing.to_str().unwrap())],
    ));
    assert!(err.contains("ACCORD_EVIDENCE_DIR"), "{err}");
    assert!(!fresh.exists(), "no database created");
    // A directory that exists is used instead of the default one.
    let elsewhere = dir.path().join("blobs");
    std::fs::create_dir(&elsewhere).unwrap();
    let env = [("ACCORD_EVIDENCE_DIR", elsewhere.to_str().unwrap())];
    let args = [
        "evidence",
        "add",
        CASE,
        "--incident",
        INCIDENT,
        file.to_str().unwrap(),
        "--json",
    ];
    let added: Value = serde_json::from_str(&ok(&accord_with_env(&db, &args, &env))).unwrap();
    let sha = added["sha256"].as_str().unwrap();
    assert!(elsewhere.join("sha256").join(&sha[..2]).join(sha).is_file());
    assert!(blobs(&db).is_empty(), "nothing in the default directory");
    ok(&accord_with_env(&db, &["verify"], &env));
}

/// Export a case that has a binary and a text evidence file.
fn exported_with_evidence(dir: &Path) -> (PathBuf, PathBuf) {
    let db = db_with_case(dir);
    let png = png_like(dir, "photo.png");
    add(&db, &png, &["--id", "photo"]);
    let text = dir.join("statement.txt");
    std::fs::write(&text, "Witness statement, 1 March 2030.\nស្ថានភាព\n").unwrap();
    add(
        &db,
        &text,
        &["--id", "statement", "--method", "handed over by a witness"],
    );
    let export = dir.join("e1");
    ok(&accord(&db, &["export", CASE, export.to_str().unwrap()]));
    (db, export)
}

#[test]
fn export_import_export_is_identical_with_binary_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let (db, e1) = exported_with_evidence(dir.path());
    assert_eq!(
        std::fs::read(e1.join("evidence/photo.png")).unwrap(),
        std::fs::read(dir.path().join("photo.png")).unwrap()
    );
    assert!(e1.join("evidence/statement.txt").is_file());
    let manifest = std::fs::read_to_string(e1.join("evidence.toml")).unwrap();
    assert!(
        manifest.contains(&sha256_of(&dir.path().join("photo.png"))),
        "{manifest}"
    );
    // The export is in each item's chain of custody.
    let show: Value = serde_json::from_str(&ok(&accord(
        &db,
        &["evidence", "show", CASE, "photo", "--json"],
    )))
    .unwrap();
    assert!(
        show["custody"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["action"] == "exported"),
        "{show}"
    );

    let db2 = dir.path().join("b.db");
    let out = ok(&accord(&db2, &["import", e1.to_str().unwrap()]));
    assert!(out.contains("2 evidence files"), "{out}");
    let e2 = dir.path().join("e2");
    ok(&accord(&db2, &["export", CASE, e2.to_str().unwrap()]));
    let (t1, t2) = (read_tree(&e1), read_tree(&e2));
    assert_eq!(
        t1.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        t2.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for ((path, a), (_, b)) in t1.iter().zip(&t2) {
        assert!(a == b, "{path} differs between the two exports");
    }
    ok(&accord(&db2, &["verify"]));
    // The imported copy hands out the same bytes.
    let copy = dir.path().join("copy.png");
    ok(&accord(
        &db2,
        &[
            "evidence",
            "get",
            CASE,
            "photo",
            "--out",
            copy.to_str().unwrap(),
        ],
    ));
    assert_eq!(
        std::fs::read(copy).unwrap(),
        std::fs::read(dir.path().join("photo.png")).unwrap()
    );
}

#[test]
fn a_bundle_with_a_changed_evidence_file_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_, e1) = exported_with_evidence(dir.path());
    let target = e1.join("evidence/photo.png");
    let mut bytes = std::fs::read(&target).unwrap();
    bytes[1000] ^= 0x01;
    std::fs::write(&target, bytes).unwrap();
    let db2 = dir.path().join("b.db");
    let err = fails(&accord(&db2, &["import", e1.to_str().unwrap()]));
    assert!(err.contains("evidence/photo.png"), "{err}");
    assert!(err.contains("SHA-256"), "{err}");
    assert!(
        !db2.exists(),
        "a refused bundle does not create the database"
    );
    assert!(!PathBuf::from(format!("{}.evidence", db2.display())).exists());
}

#[test]
fn a_bundle_with_an_evidence_file_over_the_upload_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_, e1) = exported_with_evidence(dir.path());
    let db2 = dir.path().join("b.db");
    let err = fails(&accord(
        &db2,
        &["--upload-limit", "1000", "import", e1.to_str().unwrap()],
    ));
    assert!(err.contains("evidence/photo.png"), "{err}");
    assert!(err.contains("upload limit of 1000 bytes"), "{err}");
    assert!(
        !err.contains("statement.txt"),
        "the small file is fine: {err}"
    );
    assert!(
        !db2.exists(),
        "a refused bundle does not create the database"
    );
}

#[test]
fn a_bundle_with_a_huge_text_file_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle");
    for (path, bytes) in read_tree(&minimal_case()) {
        let to = bundle.join(path);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, bytes).unwrap();
    }
    // One byte over the 64 MiB a text file of a bundle may hold.
    std::fs::write(bundle.join("NOTES.md"), vec![b'x'; (64 << 20) + 1]).unwrap();
    let db = dir.path().join("a.db");
    let err = fails(&accord(&db, &["import", bundle.to_str().unwrap()]));
    assert!(err.contains("NOTES.md") && err.contains("64 MiB"), "{err}");
    assert!(
        !db.exists(),
        "a refused bundle does not create the database"
    );
}

#[test]
fn a_bundle_with_a_symlink_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_, e1) = exported_with_evidence(dir.path());
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "not part of the bundle").unwrap();
    // A link in place of an evidence file, and one among the text files.
    let photo = e1.join("evidence/photo.png");
    std::fs::remove_file(&photo).unwrap();
    std::os::unix::fs::symlink(dir.path().join("photo.png"), &photo).unwrap();
    std::os::unix::fs::symlink(&secret, e1.join("instruments/linked.toml")).unwrap();
    let db2 = dir.path().join("b.db");
    let err = fails(&accord(&db2, &["import", e1.to_str().unwrap()]));
    assert!(err.contains("evidence/photo.png"), "{err}");
    assert!(err.contains("instruments/linked.toml"), "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert!(
        !db2.exists(),
        "a refused bundle does not create the database"
    );
}

/// An export with `--force` into a directory where `link` (a path inside it) is a symbolic link
/// to a file outside: refused, and the file outside untouched. Returns the error.
fn export_over_a_link_at(link: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = exported_with_evidence(dir.path());
    let dest = dir.path().join("dest");
    let at = dest.join(link);
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(&victim, &at).unwrap();
    let err = fails(&accord(
        &db,
        &["export", CASE, dest.to_str().unwrap(), "--force"],
    ));
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    err
}

#[test]
fn export_does_not_write_through_a_symlink() {
    export_over_a_link_at("evidence/photo.png");
}

/// The text files are written as the core makes them (one at a time); one that cannot be written
/// stops the export with the reason, and nothing is written through a link in its place.
#[test]
fn export_does_not_write_a_text_file_through_a_symlink() {
    let err = export_over_a_link_at("case.toml");
    assert!(err.contains("case.toml"), "{err}");
}

/// `serve --demo` stores the embedded reference case with every evidence file of its bundle, and
/// the result verifies.
#[test]
fn serve_demo_loads_the_reference_case_with_its_evidence_files() {
    use std::io::BufRead as _;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("--db")
        .arg(&db)
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
        .env_remove("ACCORD_DB")
        .env_remove("ACCORD_CONFIG")
        .env_remove("ACCORD_EVIDENCE_DIR")
        .env_remove("ACCORD_UPLOAD_LIMIT")
        .env("ACCORD_LOG_KEY", common::test_log_key())
        .env("ACCORD_LOG", "error")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let serving = line.starts_with("Accord is serving");
        seen.push(line);
        if serving {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        seen.iter()
            .any(|l| l.starts_with("loaded the reference case")),
        "{seen:?}"
    );
    // As many evidence items as the bundle has files under evidence/.
    let evidence_dir = common::reference().join("evidence");
    let on_disk = if evidence_dir.is_dir() {
        read_tree(&evidence_dir).len()
    } else {
        0
    };
    let list: Value = serde_json::from_str(&ok(&accord(
        &db,
        &["evidence", "list", "cambodia-2017", "--json"],
    )))
    .unwrap();
    assert_eq!(list.as_array().unwrap().len(), on_disk, "{list}");
    ok(&accord(&db, &["verify"]));
}

#[test]
fn the_configuration_file_sets_the_evidence_settings() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_case(dir.path());
    let file = png_like(dir.path(), "photo.png");
    let config = dir.path().join("accord.toml");
    let add = |config: &Path| {
        accord(
            &db,
            &[
                "--config",
                config.to_str().unwrap(),
                "evidence",
                "add",
                CASE,
                "--incident",
                INCIDENT,
                file.to_str().unwrap(),
            ],
        )
    };
    std::fs::write(&config, "upload_limit = 100\n").unwrap();
    let err = fails(&add(&config));
    assert!(err.contains("upload limit of 100 bytes"), "{err}");
    let missing = dir.path().join("missing");
    std::fs::write(
        &config,
        format!("evidence_dir = {:?}\n", missing.to_str().unwrap()),
    )
    .unwrap();
    let err = fails(&add(&config));
    assert!(
        err.contains("evidence_dir") && err.contains("configuration file"),
        "{err}"
    );
    // A flag wins over the file.
    let err = fails(&accord(
        &db,
        &[
            "--config",
            config.to_str().unwrap(),
            "--evidence-dir",
            dir.path().join("also-missing").to_str().unwrap(),
            "verify",
        ],
    ));
    assert!(err.contains("also-missing"), "{err}");
    assert!(blobs(&db).is_empty());
}

/// The custody events of an item, as `evidence show --json` prints them: (action, by, note).
fn custody(db: &Path, id: &str) -> Vec<(String, String, Option<String>)> {
    let shown: Value =
        serde_json::from_str(&ok(&accord(db, &["evidence", "show", CASE, id, "--json"]))).unwrap();
    shown["custody"]
        .as_array()
        .unwrap_or_else(|| panic!("no custody in {shown}"))
        .iter()
        .map(|c| {
            (
                c["action"].as_str().unwrap().to_owned(),
                c["by"].as_str().unwrap().to_owned(),
                c["note"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn custody_events_and_checks_are_recorded_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_case(dir.path());
    let file = png_like(dir.path(), "photo.png");
    let added = add(&db, &file, &["--id", "photo"]);
    let sha = added["sha256"].as_str().unwrap().to_owned();

    // A hand-over must say to whom; events Accord records itself cannot be typed in; an unknown
    // action is named. None of them writes anything.
    let err = fails(&accord(
        &db,
        &[
            "evidence",
            "custody",
            CASE,
            "photo",
            "--action",
            "handed_over",
        ],
    ));
    assert!(err.contains("--note") && err.contains("to whom"), "{err}");
    let err = fails(&accord(
        &db,
        &["evidence", "custody", CASE, "photo", "--action", "received"],
    ));
    assert!(
        err.contains("--action") && err.contains("Accord itself"),
        "{err}"
    );
    let err = fails(&accord(
        &db,
        &["evidence", "custody", CASE, "photo", "--action", "lost"],
    ));
    assert!(err.contains("--action"), "{err}");
    let err = fails(&accord(
        &db,
        &["evidence", "custody", CASE, "nothing", "--action", "copied"],
    ));
    assert!(err.contains("nothing"), "{err}");
    assert_eq!(custody(&db, "photo").len(), 1, "only `received`");

    ok(&accord(
        &db,
        &[
            "evidence",
            "custody",
            CASE,
            "photo",
            "--action",
            "handed_over",
            "--note",
            "to the Special Rapporteur's office, on an encrypted USB key",
            "--by",
            "ana@example.org",
        ],
    ));
    ok(&accord(
        &db,
        &["evidence", "custody", CASE, "photo", "--action", "copied"],
    ));
    let out = ok(&accord(&db, &["evidence", "check", CASE, "photo"]));
    assert!(out.contains(&sha), "{out}");
    let events = custody(&db, "photo");
    let actions: Vec<&str> = events.iter().map(|(a, _, _)| a.as_str()).collect();
    assert_eq!(actions, ["received", "handed_over", "copied", "verified"]);
    assert_eq!(events[1].1, "ana@example.org");
    assert_eq!(
        events[1].2.as_deref(),
        Some("to the Special Rapporteur's office, on an encrypted USB key")
    );
    assert_eq!(events[2].1, "cli");

    // One byte of the stored file changed: the check fails naming both hashes and records
    // nothing; `accord verify` finds it too.
    let blob = blobs(&db).into_iter().find(|p| p.ends_with(&sha)).unwrap();
    let mut bytes = std::fs::read(&blob).unwrap();
    bytes[100] ^= 0x01;
    std::fs::write(&blob, &bytes).unwrap();
    let err = fails(&accord(&db, &["evidence", "check", CASE, "photo"]));
    assert!(err.contains(&sha), "{err}");
    assert!(err.contains(&sha256_of(&blob)), "{err}");
    assert_eq!(custody(&db, "photo").len(), 4, "nothing recorded");
    let out = accord(&db, &["verify"]);
    assert_eq!(out.status.code(), Some(1));
}
