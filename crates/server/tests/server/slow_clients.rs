//! Slow clients against the real accept loop, over real loopback sockets: half-sent requests,
//! stalled and trickling bodies, clients that stop reading, and the cap on connections.
//!
//! Unlike the router tests these need a socket, because every limit under test lives in the
//! connection (hyper's header timer, the body and write deadlines, the accept loop's slots). Each
//! test starts its own server on `127.0.0.1:0` in a thread with its own runtime and talks to it
//! with blocking `std::net` sockets, so that a stalled client is exactly a socket nobody writes
//! to. Every wait has a bound; the bounds are generous (a loaded 2-core machine), the limits under
//! test short.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use crate::common;

use std::future::Future;
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use accord_server::{ConnectionLimits, ServerConfig, serve_on};
use axum::Router;
use axum::body::Bytes;
use axum::extract::ConnectInfo;
use axum::routing::{get, post};

/// A server running in its own thread; stopped (gracefully) when dropped.
struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serve the router `make` builds, under `limits`.
    fn start<F, Fut>(limits: ConnectionLimits, make: F) -> Server
    where
        F: FnOnce() -> Fut + Send + 'static,
        Fut: Future<Output = Router>,
    {
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let app = make().await;
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                serve_on(listener, app, limits, async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
            });
        });
        let addr = addr_rx
            .recv_timeout(Duration::from_secs(120))
            .expect("the server started");
        Server {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// Stop accepting and wait (bounded by the request timeout) for requests in flight.
    fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            thread.join().expect("the server thread ended cleanly");
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Limits for a test: everything long (so that only the limit under test acts), a small grace
/// on shutdown.
fn limits() -> ConnectionLimits {
    ConnectionLimits {
        header_read_timeout: Duration::from_secs(60),
        body_idle_timeout: Duration::from_secs(60),
        request_timeout: Duration::from_secs(5),
        write_stall_timeout: Duration::from_secs(60),
        max_connections: 1024,
    }
}

/// A small router standing in for the application where the test is about the connection.
#[expect(
    clippy::disallowed_methods,
    reason = "a test router of its own, not the application's (whose routes go through its table)"
)]
fn small_app() -> Router {
    Router::new()
        .route("/", get(|| async { "hello" }))
        .route(
            "/peer",
            get(|ConnectInfo(peer): ConnectInfo<SocketAddr>| async move { peer.to_string() }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_millis(1500)).await;
                "finally"
            }),
        )
        .route(
            "/big",
            get(|| async { Bytes::from(vec![b'x'; 64 * 1024 * 1024]) }),
        )
        .route(
            "/echo",
            post(|body: Bytes| async move { body.len().to_string() }),
        )
        .route(
            "/api/v1/cases/{case}/incidents/{id}/evidence",
            post(|body: Bytes| async move { body.len().to_string() }),
        )
}

/// The real application over an empty store in `dir`.
async fn real_app(dir: PathBuf) -> Router {
    let store = accord_store::testing::fresh_store(&dir).await.unwrap();
    accord_server::app(common::state(&dir, store, None, ServerConfig::default()))
}

fn connect(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect_timeout(&addr, Duration::from_secs(10)).expect("connect");
    s.set_nodelay(true).unwrap();
    s
}

/// A whole `Connection: close` request; the answer's status and text, and how long it took.
fn request(addr: SocketAddr, raw: &str) -> (u16, String, Duration) {
    let started = Instant::now();
    let mut s = connect(addr);
    s.write_all(raw.as_bytes()).unwrap();
    let text = read_to_close(&mut s, Duration::from_secs(30));
    (status_of(&text), text, started.elapsed())
}

fn get_request(path: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
}

/// Everything until the server closes (or `bound` passes: then the test fails).
fn read_to_close(s: &mut TcpStream, bound: Duration) -> String {
    let deadline = Instant::now() + bound;
    let mut out = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(!left.is_zero(), "the server did not close within {bound:?}");
        s.set_read_timeout(Some(left)).unwrap();
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                panic!("the server did not close within {bound:?}")
            }
            Err(_) => break, // reset: closed too
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How long until the server closes `s`, reading (and keeping) whatever it sends first; `None`
/// if it is still open after `bound`.
fn closed_within(s: &mut TcpStream, bound: Duration) -> Option<(Duration, String)> {
    let started = Instant::now();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let left = bound.saturating_sub(started.elapsed());
        if left.is_zero() {
            return None;
        }
        s.set_read_timeout(Some(left)).unwrap();
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return None;
            }
            Err(_) => break,
        }
    }
    Some((
        started.elapsed(),
        String::from_utf8_lossy(&out).into_owned(),
    ))
}

/// Whether the server still holds `s` open (nothing to read, no end of stream).
fn still_open(s: &TcpStream) -> bool {
    s.set_nonblocking(true).unwrap();
    let mut buf = [0u8; 1];
    let mut reader = s;
    let open = matches!(reader.read(&mut buf), Err(e) if e.kind() == ErrorKind::WouldBlock);
    s.set_nonblocking(false).unwrap();
    open
}

fn status_of(text: &str) -> u16 {
    text.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {text:?}"))
}

/// The soft limit on open files, from `/proc` (Linux); `None` where it cannot be read.
fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    let soft = line.split_whitespace().nth(3)?;
    if soft == "unlimited" {
        Some(u64::MAX)
    } else {
        soft.parse().ok()
    }
}

const STALLED: u64 = 500;
const CHILD_ENV: &str = "ACCORD_SLOW_CLIENTS_CHILD";

#[test]
fn a_normal_request_is_answered_while_500_half_sent_requests_stall() {
    // Both ends of 500 connections live in this process: more than 1,000 descriptors. Where the
    // soft limit is lower (often 1,024), run this test again in a child whose limit bash raised.
    let needed = 2 * STALLED + 200;
    let limit = open_files_limit().unwrap_or(u64::MAX);
    if limit < needed && std::env::var_os(CHILD_ENV).is_none() {
        let exe = std::env::current_exe().unwrap();
        let status = std::process::Command::new("bash")
            .arg("-c")
            .arg(r#"ulimit -n 4096 2>/dev/null || ulimit -n hard; exec "$0" "$@""#)
            .arg(exe)
            .args([
                "--exact",
                "a_normal_request_is_answered_while_500_half_sent_requests_stall",
                "--nocapture",
            ])
            .env(CHILD_ENV, "1")
            .status()
            .unwrap();
        assert!(status.success(), "the test failed in its child process");
        return;
    }
    // If even the hard limit is too low, hold as many as fit, and say so.
    let stalled = if limit < needed {
        let fit = limit.saturating_sub(200) / 2;
        eprintln!("open-files limit {limit}: holding {fit} stalled connections, not {STALLED}");
        fit
    } else {
        STALLED
    };

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let server = Server::start(limits(), move || real_app(path));
    let addr = server.addr;

    let mut held = Vec::new();
    for _ in 0..stalled {
        let mut s = connect(addr);
        s.write_all(b"GET /login HTTP/1.1\r\nHost: localhost\r\nUser-Ag")
            .unwrap();
        held.push(s);
    }
    // Let the accept loop take them all in (so they hold connections, not a backlog queue).
    std::thread::sleep(Duration::from_millis(500));

    let (status, _, took) = request(addr, &get_request("/login"));
    eprintln!("GET /login beside {stalled} stalled requests: {status} in {took:?}");
    assert_eq!(status, 200);
    assert!(
        took < Duration::from_secs(5),
        "GET /login took {took:?} beside {stalled} stalled requests"
    );
    let open = held.iter().filter(|s| still_open(s)).count();
    assert_eq!(
        open as u64, stalled,
        "the stalled connections were held while the normal request was answered"
    );
    drop(held);
    drop(server);
}

#[test]
fn a_half_sent_request_is_closed_after_the_header_timeout() {
    let server = Server::start(
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(1),
            ..limits()
        },
        || async { small_app() },
    );

    // Half a request line and headers, then nothing.
    let mut half = connect(server.addr);
    half.write_all(b"GET / HTTP/1.1\r\nHost: local").unwrap();
    let (took, _) = closed_within(&mut half, Duration::from_secs(10))
        .expect("a half-sent request is closed within 10 s");
    assert!(took >= Duration::from_millis(800), "closed early: {took:?}");

    // Nothing at all.
    let mut silent = connect(server.addr);
    closed_within(&mut silent, Duration::from_secs(10))
        .expect("a connection that sends nothing is closed within 10 s");

    // Trickling the headers one byte at a time does not restart the clock.
    let mut trickle = connect(server.addr);
    let started = Instant::now();
    let mut closed = false;
    for byte in b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
        .iter()
        .cycle()
        .take(100)
    {
        if trickle.write_all(&[*byte]).is_err() {
            closed = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        closed || closed_within(&mut trickle, Duration::from_secs(1)).is_some(),
        "trickled headers were still being read after {:?}",
        started.elapsed()
    );
}

#[test]
fn oversized_headers_are_refused() {
    let server = Server::start(limits(), || async { small_app() });
    let padding = "x".repeat(100 * 1024);
    let (status, text, _) = request(
        server.addr,
        &format!(
            "GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: {padding}\r\n\
             Connection: close\r\n\r\n"
        ),
    );
    assert_eq!(status, 431, "{text}");
}

#[test]
fn an_idle_keep_alive_connection_is_closed() {
    let server = Server::start(
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(1),
            ..limits()
        },
        || async { small_app() },
    );
    let mut s = connect(server.addr);
    s.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    // The whole answer ("hello"), then silence from both sides; the server must hang up.
    let (took, text) = closed_within(&mut s, Duration::from_secs(10))
        .expect("an idle keep-alive connection is closed within 10 s");
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(text.ends_with("hello"), "{text}");
    assert!(took >= Duration::from_millis(800), "closed early: {took:?}");
}

#[test]
fn a_form_body_that_stalls_is_closed() {
    // The real application: the auth layer's CSRF check reads the form body, and must not wait on
    // it forever.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let server = Server::start(
        ConnectionLimits {
            body_idle_timeout: Duration::from_secs(1),
            request_timeout: Duration::from_secs(30),
            ..limits()
        },
        move || real_app(path),
    );
    let token = "a".repeat(43);
    let mut s = connect(server.addr);
    s.write_all(
        format!(
            "POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: accord_csrf={token}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\n\
             csrf={token}&email="
        )
        .as_bytes(),
    )
    .unwrap();
    let (took, text) = closed_within(&mut s, Duration::from_secs(10))
        .expect("a stalled form body is closed within 10 s");
    assert!(took >= Duration::from_millis(800), "closed early: {took:?}");
    let status = status_of(&text);
    assert!((400..500).contains(&status), "{text}");
}

#[test]
fn a_trickling_body_is_cut_off_by_the_request_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let server = Server::start(
        ConnectionLimits {
            body_idle_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(2),
            ..limits()
        },
        move || real_app(path),
    );
    let token = "a".repeat(43);
    let mut s = connect(server.addr);
    s.write_all(
        format!(
            "POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: accord_csrf={token}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
        )
        .as_bytes(),
    )
    .unwrap();
    // One byte every 200 ms: never silent for the idle limit, far from done at the deadline.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if s.write_all(b"x").is_err() {
            break;
        }
        if let Some((_, text)) = closed_within(&mut s, Duration::from_millis(200)) {
            assert_eq!(status_of(&text), 408, "{text}");
            return;
        }
    }
    let text = read_to_close(&mut s, Duration::from_secs(5));
    assert_eq!(status_of(&text), 408, "{text}");
}

#[test]
fn an_upload_that_keeps_sending_outlives_the_request_timeout() {
    let server = Server::start(
        ConnectionLimits {
            body_idle_timeout: Duration::from_secs(2),
            request_timeout: Duration::from_secs(1),
            ..limits()
        },
        || async { small_app() },
    );
    // 3 s of body, a chunk every 150 ms: three times the request timeout, always in progress.
    let send_slowly = |path: &str| {
        let chunks = 20;
        let mut s = connect(server.addr);
        s.write_all(
            format!(
                "POST {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\
                 Content-Length: {}\r\n\r\n",
                chunks * 100
            )
            .as_bytes(),
        )
        .unwrap();
        for _ in 0..chunks {
            if s.write_all(&[b'x'; 100]).is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(150));
        }
        read_to_close(&mut s, Duration::from_secs(10))
    };

    let upload = send_slowly("/api/v1/cases/c/incidents/i/evidence");
    assert_eq!(status_of(&upload), 200, "{upload}");
    assert!(upload.ends_with("\r\n\r\n2000"), "{upload}");

    // The same body to any other route is cut off.
    let form = send_slowly("/echo");
    assert_eq!(status_of(&form), 408, "{form}");

    // An upload that goes silent is cut off by the idle limit.
    let mut s = connect(server.addr);
    s.write_all(
        b"POST /api/v1/cases/c/incidents/i/evidence HTTP/1.1\r\nHost: localhost\r\n\
          Content-Length: 1000000\r\n\r\nxxxxxxxxxx",
    )
    .unwrap();
    let (took, _) = closed_within(&mut s, Duration::from_secs(10))
        .expect("a silent upload is closed within 10 s");
    assert!(
        took >= Duration::from_millis(1500),
        "closed early: {took:?}"
    );
}

#[test]
fn a_client_that_stops_reading_is_disconnected() {
    let server = Server::start(
        ConnectionLimits {
            write_stall_timeout: Duration::from_secs(1),
            ..limits()
        },
        || async { small_app() },
    );
    let mut s = connect(server.addr);
    s.write_all(get_request("/big").as_bytes()).unwrap();
    // Read nothing while the server's writes stall, then take what it had sent before giving up.
    std::thread::sleep(Duration::from_secs(4));
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut received = 0usize;
    let mut buf = vec![0u8; 1024 * 1024];
    let ended = loop {
        if Instant::now() > deadline {
            break false;
        }
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        match s.read(&mut buf) {
            Ok(0) => break true,
            Ok(n) => received += n,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                break false;
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => break true,
        }
    };
    assert!(ended, "the connection was still open");
    assert!(
        received < 64 * 1024 * 1024,
        "the whole answer was sent ({received} bytes): the server kept waiting"
    );
}

#[test]
fn the_connection_cap_holds_newcomers_until_a_slot_frees() {
    let server = Server::start(
        ConnectionLimits {
            max_connections: 4,
            ..limits()
        },
        || async { small_app() },
    );
    let mut held: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = connect(server.addr);
            s.write_all(b"GET / HTTP/1.1\r\n").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));

    // The fifth is queued by the kernel, not answered...
    let mut fifth = connect(server.addr);
    fifth.write_all(get_request("/").as_bytes()).unwrap();
    fifth
        .set_read_timeout(Some(Duration::from_millis(1000)))
        .unwrap();
    let mut buf = [0u8; 64];
    match fifth.read(&mut buf) {
        Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
        other => panic!("the fifth connection was served beyond the cap: {other:?}"),
    }
    assert!(held.iter().all(still_open));

    // ...until one of the four leaves.
    drop(held.pop());
    let text = read_to_close(&mut fifth, Duration::from_secs(5));
    assert_eq!(status_of(&text), 200, "{text}");
}

#[test]
fn handlers_see_the_peer_address() {
    let server = Server::start(limits(), || async { small_app() });
    let mut s = connect(server.addr);
    let me = s.local_addr().unwrap();
    s.write_all(get_request("/peer").as_bytes()).unwrap();
    let text = read_to_close(&mut s, Duration::from_secs(10));
    assert_eq!(status_of(&text), 200, "{text}");
    assert!(text.ends_with(&me.to_string()), "{text} (expected {me})");
}

#[test]
fn shutdown_lets_a_request_in_flight_finish() {
    let mut server = Server::start(limits(), || async { small_app() });
    let addr = server.addr;
    let client = std::thread::spawn(move || request(addr, &get_request("/slow")));
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    server.stop();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "shutdown waited {:?}",
        started.elapsed()
    );
    let (status, text, _) = client.join().unwrap();
    assert_eq!(status, 200, "{text}");
    assert!(text.ends_with("finally"), "{text}");
    // And nothing is accepted any more.
    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_err());
}
