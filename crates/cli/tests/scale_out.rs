//! Two `accord serve` processes on one database behave as one (issue 13 §2): a write on one is
//! read on the other at once (pages cached per case version check the version in the database)
//! and found by the other's search within 2 seconds (each server follows the log into its own
//! index); sign-in failures on one count on the other; a session made on one works on the other
//! after the first is gone.
//!
//! Real binaries on real ports, on the backend the environment names (SQLite when
//! `ACCORD_TEST_POSTGRES_URL` is unset: two servers on one SQLite file in WAL mode are a real
//! setup too).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::io::{BufRead as _, Read as _, Write as _};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const CASE: &str = "example-2030";
const ADMIN: &str = "admin@example.org";
const PASSWORD: &str = "a long enough password";
/// How long a write made on one server may take to be found by the other's search.
const CATCH_UP: Duration = Duration::from_secs(2);

/// `accord --db DB ARGS...` with `stdin`, and none of the environment that could point it
/// elsewhere.
fn run(db: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = command(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "accord {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn command(db: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_accord"));
    cmd.arg("--db").arg(db);
    for var in [
        "ACCORD_DB",
        "ACCORD_CONFIG",
        "ACCORD_EVIDENCE_DIR",
        "ACCORD_SEARCH_DIR",
        "ACCORD_TRUSTED_PROXIES",
        "ACCORD_KEY_FILE",
        "ACCORD_BASE_URL",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("ACCORD_LOG_KEY", common::test_log_key());
    cmd
}

/// A running `accord serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(db: &str, search_dir: &Path, evidence_dir: &Path) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = command(db)
            .arg("--evidence-dir")
            .arg(evidence_dir)
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--search-dir")
            .arg(search_dir)
            .env("ACCORD_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = std::io::BufReader::new(stdout).lines();
        for line in lines.by_ref() {
            if line.unwrap().starts_with("Accord is serving") {
                // The server logs to its standard output: keep reading it (a closed pipe would
                // lose what it says about a failure), into the test's output.
                std::thread::spawn(move || {
                    for line in lines.map_while(Result::ok) {
                        eprintln!("server :{port}: {line}");
                    }
                });
                return Server { child, port };
            }
        }
        let status = child.wait().unwrap();
        panic!("accord serve stopped before serving: {status}");
    }

    fn stop(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    fn get(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        http(self.port, "GET", path, headers, "")
    }

    fn api_get(&self, path: &str, token: &str) -> Value {
        let reply = self.get(path, &[("Authorization", &format!("Bearer {token}"))]);
        assert_eq!(reply.status, 200, "GET {path}: {}", reply.body);
        serde_json::from_str(&reply.body).unwrap()
    }

    fn api_post(&self, path: &str, token: &str, json: &str) -> Reply {
        http(
            self.port,
            "POST",
            path,
            &[
                ("Authorization", &format!("Bearer {token}")),
                ("Content-Type", "application/json"),
            ],
            json,
        )
    }

    /// Submit the sign-in form (with a CSRF cookie and field of our own: the check is that they
    /// match).
    fn sign_in(&self, email: &str, password: &str) -> Reply {
        let csrf = "twoserverstwoserverstwoserverstwoservers123";
        http(
            self.port,
            "POST",
            "/login",
            &[
                ("Cookie", &format!("accord_csrf={csrf}")),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            &format!(
                "csrf={csrf}&email={email}&password={}&next=/",
                password.replace(' ', "+")
            ),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Vec<&str> {
        self.head
            .lines()
            .filter_map(|l| l.split_once(':'))
            .filter(|(n, _)| n.trim().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
            .collect()
    }
}

/// One HTTP/1.0 request (the server closes the connection after the answer, so the body is
/// whatever comes until then).
fn http(port: u16, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut request = format!(
        "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

/// How many incidents of the case a search on `server` finds.
fn found(server: &Server, token: &str, query: &str) -> u64 {
    server.api_get(&format!("/api/v1/cases/{CASE}/incidents?{query}"), token)["total"]
        .as_u64()
        .unwrap()
}

/// Poll until `server`'s search finds `expected` incidents, for at most [`CATCH_UP`] after
/// `since` (the moment the write was acknowledged).
fn found_within(server: &Server, token: &str, query: &str, expected: u64, since: Instant) {
    loop {
        let n = found(server, token, query);
        if n == expected {
            return;
        }
        assert!(
            since.elapsed() < CATCH_UP,
            "the other server's search still finds {n} (not {expected}) for {query:?} {:?} after the write",
            since.elapsed()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The database for this test: a new one on the backend the environment names (a SQLite file
/// in `dir`, or a new database on the PostgreSQL server `ACCORD_TEST_POSTGRES_URL` names).
fn database(dir: &Path) -> String {
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(accord_store::testing::fresh_url(dir))
        .unwrap()
}

#[test]
fn two_servers_on_one_database_behave_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let evidence = dir.path().join("evidence");
    std::fs::create_dir(&evidence).unwrap();
    let minimal = common::repo().join("docs/examples/minimal-case");
    let evidence_flag = ["--evidence-dir", evidence.to_str().unwrap()];
    let with_evidence = |args: &[&str]| -> Vec<String> {
        evidence_flag
            .iter()
            .chain(args)
            .map(|s| (*s).to_owned())
            .collect()
    };
    let cli = |args: &[&str], stdin: &str| {
        let args = with_evidence(args);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run(&db, &args, stdin)
    };
    cli(&["import", minimal.to_str().unwrap()], "");
    cli(&["case", "publish", CASE], "");
    cli(
        &["user", "add", ADMIN, "--admin", "--password-stdin"],
        PASSWORD,
    );
    cli(
        &["user", "add", "target@example.org", "--password-stdin"],
        PASSWORD,
    );
    let token = String::from_utf8(cli(&["user", "token", ADMIN, "two-servers"], "").stdout)
        .unwrap()
        .trim()
        .to_owned();

    let a = Server::start(&db, &dir.path().join("a.search"), &evidence);
    let b = Server::start(&db, &dir.path().join("b.search"), &evidence);

    // A second server given the first one's index directory is refused, naming the setting.
    let refused = command(&db)
        .arg("--evidence-dir")
        .arg(&evidence)
        .args(["serve", "--addr", "127.0.0.1:0", "--search-dir"])
        .arg(dir.path().join("a.search"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success() && err.contains("search_dir") && err.contains("--search-dir"),
        "{err}"
    );

    // 1. An incident created through A's API: B reads it at once and its search finds it.
    assert_eq!(found(&b, &token, "q=printing"), 0);
    let created = a.api_post(
        &format!("/api/v1/cases/{CASE}/incidents"),
        &token,
        r#"{"id": "printing-house-sealed", "title": "Printing house sealed by the police",
            "date": "2030-05-02", "kind": "closure", "sensitivity": "public"}"#,
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let written = Instant::now();
    let page = b.get(
        &format!("/cases/{CASE}/incidents/printing-house-sealed"),
        &[],
    );
    assert_eq!(page.status, 200, "B's page of the new incident");
    assert!(page.body.contains("Printing house sealed by the police"));
    found_within(&b, &token, "q=printing", 1, written);

    // 2. A finding confirmed on A: B's cached timeline page for the verdict (cached per case
    // version) shows it at once, and B's search by the verdict finds it within the bound.
    let timeline = format!("/cases/{CASE}/timeline?verdict=threat_of_violation");
    let before = b.get(&timeline, &[]);
    assert_eq!(before.status, 200);
    assert!(!before.body.contains("The Gazette forced to close"));
    assert_eq!(
        found(&b, &token, "q=gazette&verdict=threat_of_violation"),
        0
    );
    let confirmed = a.api_post(
        &format!("/api/v1/cases/{CASE}/findings/f-gazette/status"),
        &token,
        r#"{"status": "confirmed"}"#,
    );
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    let written = Instant::now();
    let after = b.get(&timeline, &[]);
    assert!(
        after.body.contains("The Gazette forced to close"),
        "B served its cached page of an older version"
    );
    found_within(
        &b,
        &token,
        "q=gazette&verdict=threat_of_violation",
        1,
        written,
    );

    // 3. Sign-in failures on A count on B: five wrong passwords on A, and B makes the sixth
    // attempt, with the right password, wait.
    for _ in 0..5 {
        let wrong = a.sign_in("target@example.org", "not the password at all");
        assert_eq!(wrong.status, 401, "{}", wrong.body);
    }
    let limited = b.sign_in("target@example.org", PASSWORD);
    assert_eq!(limited.status, 429, "B did not count A's failures");
    assert!(!limited.header("retry-after").is_empty());

    // 4. A session made on A works on B once A is gone.
    let signed_in = a.sign_in(ADMIN, PASSWORD);
    assert_eq!(signed_in.status, 303, "{}", signed_in.body);
    let session = signed_in
        .header("set-cookie")
        .into_iter()
        .find_map(|c| {
            c.split(';')
                .next()
                .filter(|kv| kv.starts_with("accord_session="))
        })
        .expect("a session cookie")
        .to_owned();
    a.stop();
    let account = b.get("/account", &[("Cookie", &session)]);
    assert_eq!(
        account.status, 200,
        "the session did not survive its server"
    );
    assert!(account.body.contains(ADMIN));

    // 5. The case deleted elsewhere (here: through the store, as another server or a command
    // would) and imported again without the incident made on A: B's index drops the old case's
    // incidents, so its search no longer finds the one the new case does not have.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = accord_store::open(&db, accord_store::Create::MustExist)
            .await
            .unwrap();
        assert!(store.delete_case(CASE, "test").await.unwrap());
    });
    let deleted = Instant::now();
    assert_eq!(
        b.get(&format!("/cases/{CASE}"), &[]).status,
        404,
        "B still serves the deleted case"
    );
    cli(&["import", minimal.to_str().unwrap()], "");
    let imported = Instant::now();
    // The deletion comes first in the log, so once the old incident is gone...
    found_within(&b, &token, "q=printing", 0, deleted);
    // ... the new case's incidents follow (the deletion took the old ones out too).
    found_within(&b, &token, "q=gazette", 1, imported);
    b.stop();
}

/// Writers on two servers at once (each server writes the saves that arrive together as one
/// group on PostgreSQL): every save is answered 201 and stored, and afterwards the log verifies
/// (`accord verify`: every entry, the tree, every checkpoint) and a checkpoint signed between the
/// writes is consistent with the one signed after them.
#[test]
fn concurrent_writes_on_two_servers_keep_the_log_verifiable() {
    const THREADS: usize = 8;
    const EACH: usize = 6;
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let evidence = dir.path().join("evidence");
    std::fs::create_dir(&evidence).unwrap();
    let minimal = common::repo().join("docs/examples/minimal-case");
    let ev = evidence.to_str().unwrap();
    run(
        &db,
        &["--evidence-dir", ev, "import", minimal.to_str().unwrap()],
        "",
    );
    run(
        &db,
        &[
            "--evidence-dir",
            ev,
            "user",
            "add",
            ADMIN,
            "--admin",
            "--password-stdin",
        ],
        PASSWORD,
    );
    let token = String::from_utf8(
        run(
            &db,
            &["--evidence-dir", ev, "user", "token", ADMIN, "writers"],
            "",
        )
        .stdout,
    )
    .unwrap()
    .trim()
    .to_owned();
    let servers = [
        Server::start(&db, &dir.path().join("a.search"), &evidence),
        Server::start(&db, &dir.path().join("b.search"), &evidence),
    ];
    let before = servers[1].api_get(&format!("/api/v1/cases/{CASE}/incidents"), &token)["total"]
        .as_u64()
        .unwrap();
    let first =
        String::from_utf8(run(&db, &["--evidence-dir", ev, "log", "checkpoint"], "").stdout)
            .unwrap();
    std::thread::scope(|s| {
        for t in 0..THREADS {
            let server = &servers[t % 2];
            let token = &token;
            s.spawn(move || {
                for n in 0..EACH {
                    let reply = server.api_post(
                        &format!("/api/v1/cases/{CASE}/incidents"),
                        token,
                        &format!(
                            r#"{{"id": "t{t}-n{n}", "title": "Written by {t}, number {n}",
                                "date": "2030-05-02", "kind": "closure", "sensitivity": "public"}}"#
                        ),
                    );
                    assert_eq!(reply.status, 201, "t{t}-n{n}: {}", reply.body);
                }
            });
        }
    });
    let after = servers[0].api_get(&format!("/api/v1/cases/{CASE}/incidents"), &token)["total"]
        .as_u64()
        .unwrap();
    assert_eq!(after, before + (THREADS * EACH) as u64);
    for server in servers {
        server.stop();
    }
    let second =
        String::from_utf8(run(&db, &["--evidence-dir", ev, "log", "checkpoint"], "").stdout)
            .unwrap();
    assert_ne!(first, second, "the log grew: a new checkpoint");
    let verified = run(&db, &["--evidence-dir", ev, "verify", "--json"], "");
    let report: Value = serde_json::from_slice(&verified.stdout).unwrap();
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["problems"], serde_json::json!([]));
    // Verify checked both checkpoints, each against the tree and the second against the first.
    assert!(
        report["entries"].as_u64().unwrap() >= (THREADS * EACH) as u64,
        "{report}"
    );
}
