//! End-to-end tests of `accord keys` on the real binary (issue 12): evidence is encrypted at rest
//! (no byte of it in any file Accord wrote, through the command line and through `serve`'s API), a
//! lost key file is rebuilt from shares (and too few, a mistyped or a foreign share change
//! nothing), rotation locks the old key out without rewriting evidence, and a missing key stops
//! every command that needs it with the way to get it back.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::io::{BufRead as _, Read as _, Write as _};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use serde_json::Value;
use sha2::Digest as _;

use common::{accord, fails, ok, read_tree, repo};

const CASE: &str = "example-2030";
const INCIDENT: &str = "party-dissolved";
/// What must never be found on the disk once the instance has keys.
const MARKER: &[u8] = b"MARKER-evidence-c0ffee-7b1d";

/// A temporary instance: the database and everything Accord writes in `data/`, the key file in
/// `keys/` (another disk, in a real deployment), files to upload in `outside/`.
struct Instance {
    dir: tempfile::TempDir,
}

impl Instance {
    fn new() -> Instance {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["data", "keys", "outside"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        let instance = Instance { dir };
        ok(&instance.run(&[
            "import",
            repo().join("docs/examples/minimal-case").to_str().unwrap(),
        ]));
        instance
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("data/a.db")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn key_file(&self) -> PathBuf {
        self.dir.path().join("keys/instance-key")
    }

    fn outside(&self, name: &str) -> PathBuf {
        self.dir.path().join("outside").join(name)
    }

    /// `accord --db DB --key-file KEYS ARGS...`
    fn run(&self, args: &[&str]) -> std::process::Output {
        let key_file = self.key_file();
        let mut all = vec!["--key-file", key_file.to_str().unwrap()];
        all.extend_from_slice(args);
        accord(&self.db(), &all)
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&ok(&self.run(args))).unwrap()
    }

    /// A file of `len` bytes (not text) with the marker inside it, stored outside the instance.
    fn evidence_file(&self, name: &str, len: usize) -> (PathBuf, Vec<u8>) {
        let mut bytes: Vec<u8> = (0..len as u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
            .collect();
        for at in [0, len / 2, len - MARKER.len()] {
            bytes[at..at + MARKER.len()].copy_from_slice(MARKER);
        }
        let path = self.outside(name);
        std::fs::write(&path, &bytes).unwrap();
        (path, bytes)
    }

    /// `evidence add`; returns the item's id.
    fn add(&self, file: &Path) -> String {
        let v = self.json(&[
            "evidence",
            "add",
            CASE,
            "--incident",
            INCIDENT,
            file.to_str().unwrap(),
            "--json",
        ]);
        v["id"].as_str().unwrap().to_owned()
    }

    /// `evidence get` into `outside/`; returns the bytes.
    fn get(&self, id: &str) -> Vec<u8> {
        let out = self.outside(&format!("got-{id}"));
        ok(&self.run(&[
            "evidence",
            "get",
            CASE,
            id,
            "--out",
            out.to_str().unwrap(),
            "--force",
        ]));
        std::fs::read(out).unwrap()
    }

    fn init(&self, extra: &[&str]) -> Value {
        let mut args = vec!["keys", "init", "--json"];
        args.extend_from_slice(extra);
        self.json(&args)
    }

    /// Every file under `data/` that holds the marker.
    fn files_with_marker(&self) -> Vec<String> {
        let files = read_tree(&self.data());
        let names: Vec<&String> = files.iter().map(|f| &f.0).collect();
        assert!(
            names.iter().any(|n| n.as_str() == "a.db")
                && names.iter().any(|n| n.starts_with("a.db.evidence/")),
            "{names:?}"
        );
        files
            .into_iter()
            .filter(|(_, bytes)| bytes.windows(MARKER.len()).any(|w| w == MARKER))
            .map(|(path, _)| path)
            .collect()
    }

    fn shares(init: &Value) -> Vec<String> {
        init["recovery_shares"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    }
}

#[test]
fn evidence_is_encrypted_at_rest_before_and_after_keys_init() {
    let inst = Instance::new();
    // One file stored before the keys exist: in the clear, as before this change.
    let (early, early_bytes) = inst.evidence_file("early.bin", 300_000);
    let early_id = inst.add(&early);
    assert_eq!(inst.files_with_marker().len(), 1, "the test sees plaintext");

    let init = inst.init(&[]);
    assert_eq!(init["key_file"], inst.key_file().to_str().unwrap());
    assert_eq!(init["threshold"], 1);
    let shares = Instance::shares(&init);
    assert_eq!(shares.len(), 1);
    assert!(shares[0].starts_with("AGE-SECRET-KEY-PQ-1"), "{shares:?}");
    assert_eq!(init["encrypted_existing"]["files"], 1, "{init}");
    let mode = std::fs::metadata(inst.key_file()).unwrap().mode() & 0o777;
    assert_eq!(mode, 0o600);

    // One stored after, larger than a segment and not a multiple of one.
    let (late, late_bytes) = inst.evidence_file("late.bin", 1_234_567);
    let late_id = inst.add(&late);

    assert_eq!(inst.files_with_marker(), Vec::<String>::new());
    let status = inst.json(&["keys", "status", "--json"]);
    assert_eq!(status["key_file_state"], "opens", "{status}");
    assert_eq!(status["evidence_encrypted"], 2, "{status}");
    assert_eq!(status["evidence_unencrypted"], 0, "{status}");

    assert_eq!(inst.get(&early_id), early_bytes);
    assert_eq!(inst.get(&late_id), late_bytes);
    let show = inst.json(&["evidence", "show", CASE, &late_id, "--json"]);
    assert_eq!(show["size"], 1_234_567);
    ok(&inst.run(&["verify"]));
    // The same bytes again are found stored (sealed files are named by the plaintext's hash).
    let again = inst.outside("again.bin");
    std::fs::write(&again, &late_bytes).unwrap();
    let v = inst.json(&[
        "evidence",
        "add",
        CASE,
        "--incident",
        INCIDENT,
        again.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(v["sha256"], show["sha256"]);
    assert_eq!(inst.files_with_marker(), Vec::<String>::new());
}

#[test]
fn a_changed_byte_in_a_sealed_file_is_found_by_verify_and_refused_by_get() {
    let inst = Instance::new();
    inst.init(&[]);
    let (file, _) = inst.evidence_file("x.bin", 200_000);
    let id = inst.add(&file);
    let sealed: Vec<(String, Vec<u8>)> = read_tree(&inst.data().join("a.db.evidence/sealed"));
    assert_eq!(sealed.len(), 1);
    let path = inst.data().join("a.db.evidence/sealed").join(&sealed[0].0);
    let mut bytes = sealed[0].1.clone();
    bytes[100_000] ^= 1;
    std::fs::write(&path, bytes).unwrap();
    let err = fails(&inst.run(&["verify"]));
    assert!(err.contains("evidence"), "{err}");
    let out = inst.outside("got");
    fails(&inst.run(&["evidence", "get", CASE, &id, "--out", out.to_str().unwrap()]));
}

#[test]
fn a_lost_key_file_is_rebuilt_from_three_of_five_shares_and_bad_shares_change_nothing() {
    let inst = Instance::new();
    let init = inst.init(&["--shares", "5", "--threshold", "3"]);
    assert_eq!(init["threshold"], 3);
    let shares = Instance::shares(&init);
    assert_eq!(shares.len(), 5);
    let (file, bytes) = inst.evidence_file("a.bin", 150_000);
    let id = inst.add(&file);
    let log_size = |inst: &Instance| -> u64 {
        let note = ok(&inst.run(&["log", "checkpoint"]));
        note.lines().nth(1).unwrap().parse().unwrap()
    };
    let size_before = log_size(&inst);

    std::fs::remove_file(inst.key_file()).unwrap();
    // Records still list (they need no key); the bytes do not open.
    ok(&inst.run(&["evidence", "list", CASE]));
    let err = fails(&inst.run(&["verify"]));
    assert!(err.contains("accord keys recover"), "{err}");
    let out = inst.outside("x");
    let err = fails(&inst.run(&["evidence", "get", CASE, &id, "--out", out.to_str().unwrap()]));
    assert!(
        err.contains("key file") && err.contains("is missing"),
        "{err}"
    );

    let recover = |given: &[&str]| {
        let mut args = vec!["keys", "recover"];
        for s in given {
            args.extend(["--share", s]);
        }
        inst.run(&args)
    };
    let mut typo = shares[1].clone().into_bytes();
    let at = typo.len() - 12;
    typo[at] = if typo[at] == b'x' { b'y' } else { b'x' };
    let typo = String::from_utf8(typo).unwrap();
    let other = Instance::new();
    let foreign = Instance::shares(&other.init(&["--shares", "3", "--threshold", "2"]));
    for (given, expected) in [
        (vec![&shares[0], &shares[3]], "2 shares given, 3 needed"),
        (vec![&shares[0], &typo, &shares[2]], "share 2 is not valid"),
        (
            vec![&shares[0], &shares[1], &foreign[0]],
            "share 3 is not valid: it belongs to another recovery key",
        ),
        (
            vec![&shares[4], &shares[2], &shares[4]],
            "share 3 is not valid: it is share 1 again",
        ),
    ] {
        let given: Vec<&str> = given.iter().map(|s| s.as_str()).collect();
        let err = fails(&recover(&given));
        assert!(err.contains(expected), "{given:?}: {err}");
        assert!(
            !inst.key_file().exists(),
            "a refused recovery wrote a key file"
        );
        assert!(
            std::fs::read_dir(inst.key_file().parent().unwrap())
                .unwrap()
                .next()
                .is_none(),
            "a refused recovery left a file"
        );
    }

    let out = ok(&recover(&[&shares[4], &shares[0], &shares[2]]));
    assert!(out.contains("rebuilt"), "{out}");
    assert!(inst.key_file().exists());
    assert_eq!(
        log_size(&inst),
        size_before + 1,
        "the recovery is one log entry, the refused ones none"
    );
    assert_eq!(inst.get(&id), bytes);
    ok(&inst.run(&["verify"]));
    let err = fails(&recover(&[&shares[1], &shares[2], &shares[3]]));
    assert!(err.contains("nothing to recover"), "{err}");
    // Any other three shares still work after a recovery (the recovery key did not change).
    std::fs::remove_file(inst.key_file()).unwrap();
    ok(&recover(&[&shares[1], &shares[2], &shares[3]]));
    assert_eq!(inst.get(&id), bytes);
}

#[test]
fn the_whole_recovery_key_rebuilds_a_lost_key_file_and_is_read_from_standard_input() {
    let inst = Instance::new();
    let init = inst.init(&[]);
    let key = Instance::shares(&init).remove(0);
    let (file, bytes) = inst.evidence_file("a.bin", 70_000);
    let id = inst.add(&file);
    std::fs::remove_file(inst.key_file()).unwrap();
    let err = fails(&inst.run(&["keys", "recover", "--shares-stdin"]));
    assert!(err.contains("no share given (1 needed)"), "{err}");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("--db")
        .arg(inst.db())
        .arg("--key-file")
        .arg(inst.key_file())
        .args(["keys", "recover", "--shares-stdin", "--json"])
        .env("ACCORD_LOG_KEY", common::test_log_key())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("\n{key}\n").as_bytes())
        .unwrap();
    let out = ok(&child.wait_with_output().unwrap());
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["shares_used"], 1);
    assert_eq!(inst.get(&id), bytes);
}

/// Every file under `dir`: (path, inode, modification time, bytes).
fn snapshot(dir: &Path) -> Vec<(String, u64, i64, Vec<u8>)> {
    read_tree(dir)
        .into_iter()
        .map(|(rel, bytes)| {
            let meta = std::fs::metadata(dir.join(&rel)).unwrap();
            (
                rel,
                meta.ino(),
                meta.mtime_nsec() + meta.mtime() * 1_000_000_000,
                bytes,
            )
        })
        .collect()
}

#[test]
fn rotation_locks_the_old_key_out_and_rewrites_no_evidence_file() {
    let inst = Instance::new();
    inst.init(&["--shares", "3", "--threshold", "2"]);
    let (a, a_bytes) = inst.evidence_file("a.bin", 100_000);
    let (b, b_bytes) = inst.evidence_file("b.bin", 70_001);
    let (a_id, b_id) = (inst.add(&a), inst.add(&b));
    let evidence = inst.data().join("a.db.evidence/sealed");
    let before = snapshot(&evidence);
    assert_eq!(before.len(), 2);
    let old_key = inst.outside("old-key");
    std::fs::copy(inst.key_file(), &old_key).unwrap();

    let v = inst.json(&["keys", "rotate", "--json"]);
    assert_eq!(v["key_file"], inst.key_file().to_str().unwrap());
    assert_ne!(
        std::fs::read(inst.key_file()).unwrap(),
        std::fs::read(&old_key).unwrap()
    );
    assert_eq!(
        snapshot(&evidence),
        before,
        "an evidence file was rewritten"
    );
    assert_eq!(inst.get(&a_id), a_bytes);
    assert_eq!(inst.get(&b_id), b_bytes);
    assert!(!PathBuf::from(format!("{}.next", inst.key_file().display())).exists());

    let out = inst.outside("with-old");
    let with_old = accord(
        &inst.db(),
        &[
            "--key-file",
            old_key.to_str().unwrap(),
            "evidence",
            "get",
            CASE,
            &a_id,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let err = fails(&with_old);
    assert!(err.contains("is not this instance's key"), "{err}");
    let status = inst.json(&["keys", "status", "--json"]);
    assert_eq!(status["key_file_state"], "opens");
    assert!(status["rewrapped_at"].is_string(), "{status}");
    ok(&inst.run(&["verify"]));
}

#[test]
fn a_key_change_interrupted_before_its_file_moved_is_finished_by_the_next_command() {
    let inst = Instance::new();
    inst.init(&[]);
    let (a, a_bytes) = inst.evidence_file("a.bin", 90_000);
    let id = inst.add(&a);
    let old_key = std::fs::read(inst.key_file()).unwrap();
    ok(&inst.run(&["keys", "rotate"]));
    // As if the rotation had stopped after its database write: the new key still beside the
    // old one.
    let next = PathBuf::from(format!("{}.next", inst.key_file().display()));
    std::fs::rename(inst.key_file(), &next).unwrap();
    std::fs::write(inst.key_file(), &old_key).unwrap();

    let got = inst.outside("got");
    let out = inst.run(&["evidence", "get", CASE, &id, "--out", got.to_str().unwrap()]);
    ok(&out);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("interrupted key change is finished"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!next.exists());
    assert_eq!(inst.get(&id), a_bytes);
}

#[test]
fn keys_init_refuses_what_exists_and_changes_nothing() {
    let inst = Instance::new();
    std::fs::write(inst.key_file(), "someone else's key\n").unwrap();
    let err = fails(&inst.run(&["keys", "init"]));
    assert!(
        err.contains("the key file") && err.contains("already exists"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(inst.key_file()).unwrap(),
        "someone else's key\n"
    );
    let status = inst.json(&["keys", "status", "--json"]);
    assert_eq!(status["keys"], false, "{status}");

    std::fs::remove_file(inst.key_file()).unwrap();
    for (args, expected) in [
        (
            vec!["--shares", "5", "--threshold", "1"],
            "at least 2 shares",
        ),
        (
            vec!["--shares", "2", "--threshold", "3"],
            "more than the 2 shares",
        ),
    ] {
        let mut all = vec!["keys", "init"];
        all.extend(args);
        let err = fails(&inst.run(&all));
        assert!(err.contains(expected), "{err}");
        assert!(!inst.key_file().exists());
    }
    fails(&inst.run(&["keys", "init", "--shares", "5"]));

    inst.init(&[]);
    let key = std::fs::read(inst.key_file()).unwrap();
    std::fs::remove_file(inst.key_file()).unwrap();
    let err = fails(&inst.run(&["keys", "init"]));
    assert!(err.contains("has keys already"), "{err}");
    assert!(!inst.key_file().exists());
    std::fs::write(inst.key_file(), &key).unwrap();
    let err = fails(&inst.run(&["keys", "rotate", "--key-file", "/nonexistent/key"]));
    assert!(err.contains("is missing"), "{err}");
}

#[test]
fn serve_refuses_to_start_without_its_key_file() {
    let inst = Instance::new();
    inst.init(&[]);
    std::fs::remove_file(inst.key_file()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("--db")
        .arg(inst.db())
        .arg("--key-file")
        .arg(inst.key_file())
        .args(["serve", "--addr", "127.0.0.1:1"])
        .env("ACCORD_LOG_KEY", common::test_log_key())
        .env("ACCORD_LOG", "error")
        .output()
        .unwrap();
    let err = fails(&out);
    assert!(err.contains("accord keys recover"), "{err}");
}

/// A server that is killed when the test ends, whether it passes or panics.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Send one HTTP/1.1 request and return the status code and body.
fn http(port: u16, request: &[u8], body: &[u8]) -> (u16, Vec<u8>) {
    // The server says it is serving as it starts listening; on a loaded machine the first
    // connection can still be refused for a moment, so it is tried again for up to 10 s.
    let mut tries = 0;
    let mut stream = loop {
        match std::net::TcpStream::connect(("127.0.0.1", port)) {
            Ok(s) => break s,
            Err(_) if tries < 100 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            Err(e) => panic!("the server on port {port} does not answer: {e}"),
        }
    };
    stream.write_all(request).unwrap();
    stream.write_all(body).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let head_end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&response[..head_end]).into_owned();
    let status = head[9..12].parse().unwrap();
    (status, response[head_end + 4..].to_vec())
}

/// An account with `role` on the case and an API token for it.
fn token(inst: &Instance, email: &str, role: &str) -> String {
    let mut add = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("--db")
        .arg(inst.db())
        .args(["user", "add", email, "--password-stdin"])
        .env("ACCORD_LOG_KEY", common::test_log_key())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    add.stdin
        .take()
        .unwrap()
        .write_all(b"a long enough password\n")
        .unwrap();
    assert!(add.wait().unwrap().success());
    ok(&inst.run(&["case", "grant", CASE, email, "--role", role]));
    let token_out = ok(&inst.run(&["user", "token", email, "api"]));
    token_out
        .split_whitespace()
        .rfind(|w| w.len() >= 30)
        .unwrap()
        .to_owned()
}

/// `accord serve` on a free port, once it says it is serving.
fn serve(inst: &Instance) -> (Server, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Server(
        std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
            .arg("--db")
            .arg(inst.db())
            .arg("--key-file")
            .arg(inst.key_file())
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .env("ACCORD_LOG_KEY", common::test_log_key())
            .env("ACCORD_LOG", "error")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut lines = std::io::BufReader::new(server.0.stdout.take().unwrap()).lines();
    for line in lines.by_ref() {
        if line.unwrap().starts_with("Accord is serving") {
            break;
        }
    }
    (server, port)
}

#[test]
fn an_upload_through_serve_leaves_no_evidence_byte_in_any_file_accord_wrote() {
    let inst = Instance::new();
    inst.init(&["--shares", "2", "--threshold", "2"]);
    let token = token(&inst, "uploader@example.org", "editor");
    let (server, port) = serve(&inst);
    let (_, bytes) = inst.evidence_file("upload.bin", 700_000);
    let request = format!(
        "POST /api/v1/cases/{CASE}/incidents/{INCIDENT}/evidence?file_name=upload.bin HTTP/1.1\r\n\
         Host: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        bytes.len()
    );
    let (status, body) = http(port, request.as_bytes(), &bytes);
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
    let created: Value = serde_json::from_slice(&body).unwrap();
    let id = created["id"].as_str().unwrap().to_owned();
    let request = format!(
        "GET /api/v1/cases/{CASE}/evidence/{id}/file HTTP/1.1\r\nHost: 127.0.0.1\r\n\
         Authorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    );
    let (status, downloaded) = http(port, request.as_bytes(), b"");
    // Scanned while the server runs: the write-ahead log and the search index are as it left them.
    let found = inst.files_with_marker();
    drop(server);
    assert_eq!(found, Vec::<String>::new());
    assert_eq!(inst.files_with_marker(), Vec::<String>::new());
    assert!(
        read_tree(&inst.data())
            .iter()
            .any(|(p, _)| p.ends_with("-wal")),
        "the scan covers the write-ahead log"
    );
    assert_eq!(status, 200);
    assert_eq!(downloaded, bytes, "the download through serve");
    assert_eq!(inst.get(&id), bytes);
}

/// What a restricted incident and actor hold, and must never leave in the clear on the disk.
const RECORD_MARKER: &str = "MARKER-restricted-5ea1ed-d00d";

/// The example case with a restricted witness and a restricted incident naming them, both
/// holding [`RECORD_MARKER`], written as a bundle in `outside/`.
fn restricted_bundle(inst: &Instance) -> PathBuf {
    let src = repo().join("docs/examples/minimal-case");
    let dst = inst.outside("restricted-case");
    for (rel, bytes) in read_tree(&src) {
        let to = dst.join(&rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, bytes).unwrap();
    }
    let append = |file: &str, text: &str| {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(dst.join(file))
            .unwrap();
        f.write_all(text.as_bytes()).unwrap();
    };
    append(
        "actors.toml",
        &format!(
            "\n[[actors]]\nid = \"witness-1\"\nsensitivity = \"restricted\"\n\
             restricted_to = [\"named@example.org\"]\nkind = \"person\"\n\
             name = \"Witness {RECORD_MARKER}\"\n"
        ),
    );
    append(
        "incidents.toml",
        &format!(
            "\n[[incidents]]\nid = \"witness-statement\"\nsensitivity = \"restricted\"\n\
             restricted_to = [\"named@example.org\"]\ndate = \"2030-02-20\"\n\
             title = \"Statement {RECORD_MARKER}\"\nkind = \"other\"\n\
             place = \"Safe house {RECORD_MARKER}\"\n\
             summary = \"The witness {RECORD_MARKER} saw the decree signed.\"\n\
             actors = [{{ actor = \"witness-1\", role = \"witness\" }}]\n"
        ),
    );
    dst
}

/// Every file under `dir` that holds `marker`.
fn holding(dir: &Path, marker: &[u8]) -> Vec<String> {
    read_tree(dir)
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(marker.len()).any(|w| w == marker))
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn restricted_records_and_evidence_leave_no_byte_on_disk_backups_included_and_survive_a_lost_key() {
    let inst = Instance::new();
    let init = inst.init(&["--shares", "3", "--threshold", "2"]);
    let shares = Instance::shares(&init);
    let bundle = restricted_bundle(&inst);
    ok(&inst.run(&["import", "--replace", bundle.to_str().unwrap()]));
    let (file, bytes) = inst.evidence_file("statement.bin", 200_000);
    let id = inst.json(&[
        "evidence",
        "add",
        CASE,
        "--incident",
        "witness-statement",
        file.to_str().unwrap(),
        "--json",
    ])["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // The server builds the search index (restricted incidents in memory only) and finds the
    // incident for a member the record names, and for nobody else.
    let owner = token(&inst, "named@example.org", "editor");
    let other = token(&inst, "other@example.org", "editor");
    let (server, port) = serve(&inst);
    let search = |token: &str| {
        let request = format!(
            "GET /api/v1/cases/{CASE}/incidents?q={RECORD_MARKER} HTTP/1.1\r\nHost: 127.0.0.1\r\n\
             Authorization: Bearer {token}\r\nConnection: close\r\n\r\n"
        );
        let (status, body) = http(port, request.as_bytes(), b"");
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        String::from_utf8(body).unwrap()
    };
    let index_built = inst.data().join("a.db.search/accord-log-size");
    for _ in 0..200 {
        if index_built.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(index_built.exists(), "the search index was not rebuilt");
    assert!(search(&owner).contains("witness-statement"));
    assert!(!search(&other).contains("witness-statement"));

    // A backup while the server runs, kept on the data disk too: it is scanned with the rest.
    let backup = inst.data().join("backup-1");
    let report: Value = serde_json::from_str(&ok(&inst.run(&[
        "backup",
        backup.to_str().unwrap(),
        "--json",
    ])))
    .unwrap();
    assert_eq!(report["sealed"], true);
    let found: Vec<String> = holding(&inst.data(), RECORD_MARKER.as_bytes())
        .into_iter()
        .chain(holding(&inst.data(), MARKER))
        .collect();
    drop(server);
    assert_eq!(found, Vec::<String>::new(), "files holding a marker");
    assert_eq!(inst.files_with_marker(), Vec::<String>::new());
    let names: Vec<String> = read_tree(&inst.data()).into_iter().map(|f| f.0).collect();
    for expected in [
        "a.db-wal",
        "a.db.search/",
        "backup-1/accord.db",
        "backup-1/evidence/",
    ] {
        assert!(
            names.iter().any(|n| n.starts_with(expected)),
            "the scan covers {expected}: {names:?}"
        );
    }
    // An export, file by file (text, and the evidence bytes by hash); `evidence.toml` is left
    // out, since every export adds a custody event to it.
    let exported = |dir: &Path| -> Vec<(String, String)> {
        read_tree(dir)
            .into_iter()
            .filter(|(p, _)| p != "evidence.toml")
            .map(|(p, bytes)| match String::from_utf8(bytes) {
                Ok(text) => (p, text),
                Err(e) => (p, hex::encode(sha2::Sha256::digest(e.as_bytes()))),
            })
            .collect()
    };
    let export = |inst: &Instance, name: &str| {
        let dir = inst.outside(name);
        ok(&inst.run(&["export", CASE, dir.to_str().unwrap()]));
        exported(&dir)
    };
    let before = export(&inst, "export-before");
    let incidents = &before
        .iter()
        .find(|(p, _)| p == "incidents.toml")
        .unwrap()
        .1;
    assert!(
        incidents.contains(RECORD_MARKER),
        "the operator's export holds the restricted text, opened"
    );
    assert!(before.iter().any(|(p, _)| p == "evidence/statement.bin"));

    // The key file is lost: two of the three shares rebuild it, and everything reads back.
    std::fs::remove_file(inst.key_file()).unwrap();
    ok(&inst.run(&[
        "keys", "recover", "--share", &shares[2], "--share", &shares[0],
    ]));
    assert_eq!(export(&inst, "export-recovered"), before);
    assert_eq!(inst.get(&id), bytes);

    // The backup restores elsewhere from the shares alone (its key file is lost too), verifies,
    // and holds the same case.
    let other_place = inst.dir.path().join("restored");
    std::fs::create_dir(&other_place).unwrap();
    let restored_db = other_place.join("r.db");
    let restored_key = inst.dir.path().join("keys/restored-key");
    let restore = |extra: &[&str]| {
        let mut args = vec![
            "--key-file",
            restored_key.to_str().unwrap(),
            "restore",
            backup.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        accord(&restored_db, &args)
    };
    let err = fails(&restore(&[]));
    assert!(err.contains("sealed"), "{err}");
    assert!(
        !restored_db.exists(),
        "a refused restore wrote the database"
    );
    ok(&restore(&["--share", &shares[1], "--share", &shares[2]]));
    assert!(restored_key.exists(), "the restore made a new instance key");
    let dir = inst.outside("export-restored");
    ok(&accord(
        &restored_db,
        &[
            "--key-file",
            restored_key.to_str().unwrap(),
            "export",
            CASE,
            dir.to_str().unwrap(),
        ],
    ));
    assert_eq!(exported(&dir), before);
}

#[test]
fn an_export_for_readers_leaves_out_what_they_may_not_see_and_lists_it() {
    let inst = Instance::new();
    let bundle = restricted_bundle(&inst);
    ok(&inst.run(&["import", "--replace", bundle.to_str().unwrap()]));
    let export = |name: &str, reader: &str| {
        let dir = inst.outside(name);
        let out = ok(&inst.run(&["export", CASE, dir.to_str().unwrap(), "--for", reader]));
        (dir, out)
    };

    let (public, said) = export("for-public", "public");
    assert!(said.contains("left out"), "{said}");
    assert_eq!(
        holding(&public, RECORD_MARKER.as_bytes()),
        Vec::<String>::new()
    );
    let omitted = std::fs::read_to_string(public.join("OMITTED.md")).unwrap();
    for id in ["`witness-statement`", "`witness-1`"] {
        assert!(omitted.contains(id), "{omitted}");
    }
    // What is left is a bundle `accord import` reads (OMITTED.md is not part of it).
    let elsewhere = inst.dir.path().join("elsewhere.db");
    ok(&accord(&elsewhere, &["import", public.to_str().unwrap()]));

    // The member the records name sees them; another member does not.
    let (named, _) = export("for-named", "member:named@example.org");
    assert!(!holding(&named, RECORD_MARKER.as_bytes()).is_empty());
    let (other, _) = export("for-other", "member:other@example.org");
    assert_eq!(
        holding(&other, RECORD_MARKER.as_bytes()),
        Vec::<String>::new()
    );

    let err = fails(&inst.run(&[
        "export",
        CASE,
        inst.outside("bad").to_str().unwrap(),
        "--for",
        "everyone",
    ]));
    assert!(err.contains("--for"), "{err}");
}
