//! End-to-end tests of the signed log on the real binary: `accord log key|checkpoint|cosign`,
//! `accord verify` catching each kind of tampering, and evidence packages checked offline.
//!
//! Tampering is done the way an attacker holding the files would: bytes overwritten in the blob
//! directory, rows changed with the `sqlite3` shell.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use common::{accord, accord_with_env, fails, ok, repo};

const CASE: &str = "example-2030";
const INCIDENT: &str = "party-dissolved";

/// A database with the minimal example case and two evidence files (so the log has entries of
/// every kind: records, evidence, custody), checkpointed. Returns the database and the SHA-256 of
/// the binary file.
fn populated(dir: &Path) -> (PathBuf, String) {
    let db = dir.join("a.db");
    ok(&accord(
        &db,
        &[
            "import",
            repo().join("docs/examples/minimal-case").to_str().unwrap(),
        ],
    ));
    let photo = dir.join("photo.jpg");
    let mut bytes = b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec();
    bytes.extend((0..5000u32).map(|i| (i * 7 % 251) as u8));
    std::fs::write(&photo, bytes).unwrap();
    let added: Value = serde_json::from_str(&ok(&accord(
        &db,
        &[
            "evidence",
            "add",
            CASE,
            "--incident",
            INCIDENT,
            photo.to_str().unwrap(),
            "--id",
            "photo",
            "--json",
        ],
    )))
    .unwrap();
    let text = dir.join("notes.txt");
    std::fs::write(&text, "notes of the day\n").unwrap();
    ok(&accord(
        &db,
        &[
            "evidence",
            "add",
            CASE,
            "--incident",
            "harassment",
            text.to_str().unwrap(),
            "--id",
            "notes",
        ],
    ));
    ok(&accord(&db, &["log", "checkpoint"]));
    (db, added["sha256"].as_str().unwrap().to_owned())
}

fn sqlite(db: &Path, sql: &str) {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg(sql)
        .output()
        .expect("the sqlite3 shell is installed (apt-get install sqlite3)");
    assert!(
        out.status.success(),
        "sqlite3 {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `accord verify --json` on a store that must NOT be intact: exit 1, and the report.
fn verify_fails(db: &Path) -> Value {
    let out = accord(db, &["verify", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "verify must exit 1: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert!(!report["problems"].as_array().unwrap().is_empty());
    report
}

fn kinds(report: &Value) -> Vec<String> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn verify_passes_on_an_intact_store() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = populated(dir.path());
    let out = accord(&db, &["verify"]);
    let text = ok(&out);
    assert_eq!(text.lines().count(), 1, "one summary line: {text}");
    assert!(text.contains("intact"), "{text}");
    let report: Value = serde_json::from_str(&ok(&accord(&db, &["verify", "--json"]))).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["evidence"], 2);
    assert!(report["entries"].as_u64().unwrap() > 10, "{report}");
    assert_eq!(report["problems"], serde_json::json!([]));
    assert!(
        out.stderr.is_empty(),
        "no progress bar without a terminal: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn verify_catches_one_changed_byte_in_an_evidence_file() {
    let dir = tempfile::tempdir().unwrap();
    let (db, sha) = populated(dir.path());
    let blob = PathBuf::from(format!("{}.evidence", db.display()))
        .join("sha256")
        .join(&sha[..2])
        .join(&sha);
    let mut bytes = std::fs::read(&blob).unwrap();
    bytes[100] ^= 0x20;
    std::fs::write(&blob, bytes).unwrap();
    let report = verify_fails(&db);
    assert_eq!(kinds(&report), ["evidence"], "{report}");
    assert!(
        report["problems"][0]["what"]
            .as_str()
            .unwrap()
            .contains(&sha),
        "names the file: {report}"
    );
    // Without --json: every problem on standard output, exit 1.
    let out = accord(&db, &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("evidence: "), "{text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("NOT intact"));
    // A download of the damaged file is refused rather than passed off as the original.
    let copy = dir.path().join("copy.jpg");
    let err = fails(&accord(
        &db,
        &[
            "evidence",
            "get",
            CASE,
            "photo",
            "--out",
            copy.to_str().unwrap(),
        ],
    ));
    assert!(err.contains("do not match"), "{err}");
    assert!(!copy.exists());
}

#[test]
fn verify_catches_a_changed_log_entry() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = populated(dir.path());
    sqlite(
        &db,
        "UPDATE log_entries SET actor = 'mallory' WHERE seq = 3",
    );
    let report = verify_fails(&db);
    assert!(kinds(&report).contains(&"log_entry".to_owned()), "{report}");
}

#[test]
fn verify_catches_a_removed_log_entry() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = populated(dir.path());
    sqlite(&db, "DELETE FROM log_entries WHERE seq = 3");
    let report = verify_fails(&db);
    assert!(kinds(&report).contains(&"log_order".to_owned()), "{report}");
}

#[test]
fn verify_catches_two_reordered_log_entries() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = populated(dir.path());
    // Swap entries 2 and 3 whole (their stored leaves move with them).
    sqlite(
        &db,
        "UPDATE log_entries SET seq = -1 WHERE seq = 2; \
         UPDATE log_entries SET seq = 2 WHERE seq = 3; \
         UPDATE log_entries SET seq = 3 WHERE seq = -1;",
    );
    let report = verify_fails(&db);
    let k = kinds(&report);
    assert!(
        k.contains(&"log_entry".to_owned()) || k.contains(&"log_order".to_owned()),
        "{report}"
    );
}

#[test]
fn verify_catches_a_record_edited_behind_accords_back() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = populated(dir.path());
    sqlite(
        &db,
        "UPDATE incidents SET title = 'Nothing happened' WHERE id = 'party-dissolved'",
    );
    let report = verify_fails(&db);
    assert_eq!(kinds(&report), ["record"], "{report}");
    assert!(
        report["problems"][0]["what"]
            .as_str()
            .unwrap()
            .contains("party-dissolved"),
        "{report}"
    );
}

#[test]
fn log_key_checkpoint_and_cosignature() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = populated(dir.path());
    let key = ok(&accord(&db, &["log", "key"]));
    let key = key.trim_end();
    let parts: Vec<&str> = key.splitn(3, '+').collect();
    assert_eq!(parts[0], "accord.test/cli", "the test key's name: {key}");
    assert!(
        parts[1].len() == 8 && parts[1].chars().all(|c| c.is_ascii_hexdigit()),
        "{key}"
    );

    let note = ok(&accord(&db, &["log", "checkpoint"]));
    let lines: Vec<&str> = note.lines().collect();
    assert_eq!(lines[0], "accord.test/cli", "origin line: {note}");
    let size: u64 = lines[1].parse().expect("tree size line");
    assert!(size > 10, "{note}");
    assert_eq!(lines[2].len(), 44, "base64 root hash: {note}");
    assert_eq!(lines[3], "", "{note}");
    assert!(
        lines[4].starts_with("— accord.test/cli "),
        "signature line: {note}"
    );
    assert!(note.ends_with('\n'));
    // Nothing written since: the same note again, byte for byte.
    assert_eq!(ok(&accord(&db, &["log", "checkpoint"])), note);

    // A witness co-signs; the note keeps the log's signature and gains the witness's.
    let witness = dir.path().join("witness.key");
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/witness-key"),
        &witness,
    )
    .unwrap();
    let cosigned = ok(&accord(
        &db,
        &["log", "cosign", "--witness-key", witness.to_str().unwrap()],
    ));
    assert!(cosigned.starts_with(&note[..note.find('\n').unwrap()]));
    assert_eq!(
        cosigned.lines().filter(|l| l.starts_with("— ")).count(),
        2,
        "{cosigned}"
    );
    assert!(
        cosigned.contains("\n— witness "),
        "the witness's signature line: {cosigned}"
    );
    let state = dir.path().join("witness.key.state");
    assert!(state.exists(), "the witness remembers what it co-signed");
    // The co-signed note is what `log checkpoint` prints from now on.
    assert_eq!(ok(&accord(&db, &["log", "checkpoint"])), cosigned);

    // The log grows; the witness checks the new checkpoint against the one it co-signed.
    ok(&accord(
        &db,
        &[
            "evidence",
            "get",
            CASE,
            "photo",
            "--out",
            dir.path().join("x").to_str().unwrap(),
        ],
    ));
    let again = ok(&accord(
        &db,
        &["log", "cosign", "--witness-key", witness.to_str().unwrap()],
    ));
    let new_size: u64 = again.lines().nth(1).unwrap().parse().unwrap();
    assert!(new_size > size, "{again}");
    ok(&accord(&db, &["verify"]));

    // A forked history: had the witness co-signed a tree of this size with another root, it
    // refuses to co-sign this one.
    let recorded = std::fs::read_to_string(&state).unwrap();
    let fields: Vec<&str> = recorded.trim_end().split(' ').collect();
    assert_eq!(fields.len(), 3, "origin size root: {recorded}");
    let forged = format!(
        "{} {} AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
        fields[0], fields[1]
    );
    std::fs::write(&state, forged).unwrap();
    let err = fails(&accord(
        &db,
        &["log", "cosign", "--witness-key", witness.to_str().unwrap()],
    ));
    assert!(err.contains("consistent"), "{err}");
}

#[test]
fn a_missing_log_key_is_created_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // Several keys: each is random, and every one must read back.
    for n in 0..6 {
        let db = dir.path().join(format!("{n}.db"));
        let key_file = dir.path().join(format!("keys/{n}.key"));
        let env = [
            ("ACCORD_LOG_KEY", key_file.to_str().unwrap()),
            ("ACCORD_LOG_NAME", "accord.example.org/log"),
        ];
        let key = ok(&accord_with_env(&db, &["log", "key"], &env));
        assert!(key.starts_with("accord.example.org/log+"), "{key}");
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        // The same key next time, and it signs.
        assert_eq!(ok(&accord_with_env(&db, &["log", "key"], &env)), key);
        ok(&accord_with_env(
            &db,
            &[
                "import",
                repo().join("docs/examples/minimal-case").to_str().unwrap(),
            ],
            &env,
        ));
        let note = ok(&accord_with_env(&db, &["log", "checkpoint"], &env));
        assert!(note.starts_with("accord.example.org/log\n"), "{note}");
    }
}

#[test]
fn an_evidence_package_verifies_offline_and_catches_a_changed_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (db, sha) = populated(dir.path());
    let pkg = dir.path().join("package");
    let out = ok(&accord(
        &db,
        &[
            "evidence",
            "package",
            CASE,
            "--incident",
            INCIDENT,
            "--out",
            pkg.to_str().unwrap(),
        ],
    ));
    assert!(out.contains("verify --package"), "{out}");
    assert!(pkg.join("SHA256SUMS").is_file());
    let sums = std::fs::read_to_string(pkg.join("SHA256SUMS")).unwrap();
    assert!(
        sums.contains(&sha),
        "the original is in the package: {sums}"
    );
    // `sha256sum -c` accepts it, without Accord.
    let check = Command::new("sha256sum")
        .args(["-c", "--quiet", "SHA256SUMS"])
        .current_dir(&pkg)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // Offline: no database needed.
    let nowhere = dir.path().join("no.db");
    let text = ok(&accord(
        &nowhere,
        &["verify", "--package", pkg.to_str().unwrap()],
    ));
    assert!(text.contains("intact"), "{text}");
    assert!(!nowhere.exists());

    // One byte of the original changed.
    let line = sums.lines().find(|l| l.starts_with(&sha)).unwrap();
    let file = pkg.join(line[64..].trim_start_matches([' ', '*']));
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[10] ^= 0x01;
    std::fs::write(&file, bytes).unwrap();
    let out = accord(
        &nowhere,
        &["verify", "--package", pkg.to_str().unwrap(), "--json"],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
}

#[test]
fn a_package_proves_its_own_export_events_and_a_failed_one_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, sha) = populated(dir.path());
    let pkg = dir.path().join("package");
    ok(&accord(
        &db,
        &[
            "evidence",
            "package",
            CASE,
            "--incident",
            INCIDENT,
            "--out",
            pkg.to_str().unwrap(),
        ],
    ));
    // Every custody event records.json lists, the export that wrote the package included, has
    // its log entry, with an inclusion proof, in the package.
    let records: Value =
        serde_json::from_str(&std::fs::read_to_string(pkg.join("records.json")).unwrap()).unwrap();
    let photo = &records["evidence"][0];
    let actions: Vec<&str> = photo["custody"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["received", "exported"], "{photo}");
    let entries: Vec<Value> = std::fs::read_to_string(pkg.join("log/entries.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let about_photo: Vec<&str> = entries
        .iter()
        .filter(|e| e["entry"]["record"] == "evidence/photo")
        .map(|e| e["entry"]["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        about_photo,
        ["evidence.add", "custody.exported"],
        "{entries:?}"
    );
    let text = ok(&accord(
        &db,
        &["verify", "--package", pkg.to_str().unwrap()],
    ));
    assert!(text.contains("intact"), "{text}");

    // The stored file gone: the package is refused naming it, and neither the package nor a
    // half-written directory is left behind.
    let blob = blobs_named(&db, &sha);
    std::fs::remove_file(&blob).unwrap();
    let again = dir.path().join("again");
    let err = fails(&accord(
        &db,
        &[
            "evidence",
            "package",
            CASE,
            "--incident",
            INCIDENT,
            "--out",
            again.to_str().unwrap(),
        ],
    ));
    assert!(err.contains(&sha[..12]) || err.contains("photo"), "{err}");
    assert!(!again.exists(), "no package after a failure");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("again"))
        .collect();
    assert!(left.is_empty(), "nothing half-written: {left:?}");
}

/// The stored file of `sha256` in the database's evidence directory.
fn blobs_named(db: &Path, sha256: &str) -> PathBuf {
    let mut root = db.as_os_str().to_owned();
    root.push(".evidence");
    let path = PathBuf::from(root)
        .join("sha256")
        .join(&sha256[..2])
        .join(sha256);
    assert!(path.is_file(), "{}", path.display());
    path
}

/// `accord verify` and `accord log cosign` say what they found in the user's language: each
/// problem's kind, what it is about and what is wrong, and a witness's refusal, with no English
/// sentence left (issue 16 §1); English stays as scripts read it.
#[test]
fn verify_and_cosign_speak_french_and_khmer() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = populated(dir.path());
    let witness = dir.path().join("witness.key");
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/witness-key"),
        &witness,
    )
    .unwrap();
    let witness = witness.to_str().unwrap();
    ok(&accord(&db, &["log", "cosign", "--witness-key", witness]));
    sqlite(
        &db,
        "UPDATE incidents SET title = 'Nothing happened' WHERE id = 'party-dissolved'; \
         UPDATE log_entries SET actor = 'mallory' WHERE seq = 3",
    );
    let state = dir.path().join("witness.key.state");
    let recorded = std::fs::read_to_string(&state).unwrap();
    let fields: Vec<&str> = recorded.trim_end().split(' ').collect();
    std::fs::write(
        &state,
        format!(
            "{} {} AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
            fields[0], fields[1]
        ),
    )
    .unwrap();
    let run = |lang: &str, args: &[&str]| {
        let out = accord_with_env(&db, args, &[("ACCORD_LANGUAGE", lang)]);
        assert_eq!(out.status.code(), Some(1), "{lang} {args:?}");
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let cosign = ["log", "cosign", "--witness-key", witness];
    let english = run("en", &["verify"]);
    for sentence in [
        "record: example-2030: incident/party-dissolved: differs from its last version",
        "it was changed behind Accord's back",
        "log_entry: entry 3: its content does not match its leaf hash: the entry was changed",
    ] {
        assert!(english.contains(sentence), "{sentence}: {english}");
    }
    let english_cosign = run("en", &cosign);
    assert!(
        english_cosign.contains("is not consistent with the one this witness co-signed"),
        "{english_cosign}"
    );
    for (lang, verify_said, cosign_said) in [
        (
            "fr",
            [
                "fiche\u{202F}: example-2030: incident/party-dissolved\u{202F}: diffère de sa dernière version",
                "entrée du journal\u{202F}: entrée 3\u{202F}: son contenu ne correspond pas",
            ],
            "n’est pas cohérent avec celui que ce témoin a cosigné",
        ),
        (
            "km",
            [
                "កំណត់ត្រា៖ example-2030: incident/party-dissolved៖ ខុសពីកំណែចុងក្រោយរបស់វា",
                "ធាតុកំណត់ហេតុ៖ ធាតុទី ៣៖ ខ្លឹមសាររបស់វាមិនត្រូវនឹង hash",
            ],
            "មិនស្របនឹងចំណុចដែលសាក្សីនេះបានចុះហត្ថលេខារួម",
        ),
    ] {
        let said = run(lang, &["verify"]);
        for expected in verify_said {
            assert!(said.contains(expected), "{lang}: {expected} not in {said}");
        }
        let refused = run(lang, &cosign);
        assert!(refused.contains(cosign_said), "{lang}: {refused}");
        for english in [
            "behind Accord's back",
            "does not match",
            "is not consistent",
            "the proof",
            "Details (in English)",
            "Détail (en anglais)",
        ] {
            assert!(
                !said.contains(english) && !refused.contains(english),
                "{lang}: {english} in {said}\n{refused}"
            );
        }
    }
}
