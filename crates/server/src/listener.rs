//! The accept loop: how long a client may take, and how many may be connected at once.
//!
//! `axum::serve` starts hyper without a timer, so nothing bounds a slow client: a connection
//! that sends half a request line and stops holds a task and a socket forever, and enough of them
//! stop everyone else from being answered. This loop serves the same router with every wait on
//! the client bounded:
//!
//! - **Headers**: a request's line and headers must arrive within
//!   [`ConnectionLimits::header_read_timeout`], counted from the first moment the server waits for
//!   them. Trickling bytes does not extend it. The same clock closes an idle keep-alive
//!   connection, since waiting for the next request is waiting for its headers. Headers over
//!   64 KiB are refused (431), so that a connection cannot make the server hold more.
//! - **Bodies**: a request body that sends no byte for [`ConnectionLimits::body_idle_timeout`]
//!   while it is being read fails the read; the handler (or the auth layer's CSRF check) answers
//!   with an error and the connection closes.
//! - **Requests**: every request must have its response started within
//!   [`ConnectionLimits::request_timeout`] (answered 408 if its body was still arriving, else 503),
//!   so a body that trickles one byte just inside the idle limit is still cut off. Streamed
//!   evidence uploads are exempt ([`is_streamed_upload`]): gigabytes over a slow link take hours,
//!   and they stay bounded by the idle limit, which they meet as long as they make progress.
//! - **Responses**: a client that stops reading what it asked for (a large download) is
//!   disconnected once a write has waited [`ConnectionLimits::write_stall_timeout`].
//! - **Connections**: at most [`ConnectionLimits::max_connections`] are served at once. When all
//!   are taken the loop stops accepting, so newcomers wait in the kernel's backlog until a slot
//!   frees (which the limits above guarantee happens) rather than being refused.
//!
//! Invariant: every request passes through [`handle`], which sets the limits above and inserts the
//! peer address as `ConnectInfo<SocketAddr>`, as `into_make_service_with_connect_info` did.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, Method, Request, Response, StatusCode, header};
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::time::Sleep;
use tower::ServiceExt;

/// The largest request line and headers accepted (431 beyond).
const MAX_HEADER_SIZE: usize = 64 * 1024;

/// How long the server waits on a client, and how many clients it serves at once.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Time for a request's line and headers to arrive; also how long an idle keep-alive
    /// connection stays open.
    pub header_read_timeout: Duration,
    /// Longest silence inside a request body while the server is reading it.
    pub body_idle_timeout: Duration,
    /// Time from a request's headers to the start of its response (streamed evidence uploads
    /// excepted), including reading its body. On shutdown, also how long requests in flight
    /// may take to finish.
    pub request_timeout: Duration,
    /// Longest a response write may wait for a client that has stopped reading.
    pub write_stall_timeout: Duration,
    /// Connections served at once; further ones wait in the kernel's backlog.
    pub max_connections: u32,
}

impl Default for ConnectionLimits {
    /// Generous for a person on a slow mobile link, short enough that a few hundred idle
    /// connections cannot keep out anyone else.
    fn default() -> Self {
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(10),
            body_idle_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(30),
            write_stall_timeout: Duration::from_secs(60),
            max_connections: 1024,
        }
    }
}

/// Serve `app` on `listener` until `shutdown` completes, then stop accepting, let requests in
/// flight finish (for at most the request timeout) and return.
pub async fn serve_on(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    // Zero would accept nothing, ever; one is the least that serves.
    let max = limits.max_connections.max(1);
    let slots = Arc::new(Semaphore::new(max as usize));
    let (stop, stopping) = watch::channel(false);
    let mut shutdown = pin!(shutdown);
    loop {
        // Take a slot before accepting: when none is free, connections queue in the kernel.
        let slot = tokio::select! {
            () = &mut shutdown => break,
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break, // never closed
            },
        };
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, peer)) => {
                tokio::spawn(connection(
                    stream,
                    peer,
                    app.clone(),
                    limits,
                    slot,
                    stopping.clone(),
                ));
            }
            // A client that gave up before it was accepted: its problem, not the server's. No
            // pause here, or a stream of aborted connections would slow everyone's accepts.
            Err(e) if is_connection_error(&e) => {}
            Err(e) => {
                // Out of file descriptors or memory: wait a little rather than spin, and go on.
                tracing::warn!("accepting a connection failed: {e}");
                drop(slot);
                tokio::select! {
                    () = &mut shutdown => break,
                    () = tokio::time::sleep(Duration::from_millis(100)) => {}
                }
            }
        }
    }
    drop(listener);
    let _ = stop.send(true);
    // Every connection holds a slot until it ends: having them all back means all have ended.
    let _ = tokio::time::timeout(limits.request_timeout, slots.acquire_many(max)).await;
    Ok(())
}

fn is_connection_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}

/// Whether a request is a streamed evidence upload, exempt from the request timeout:
/// `POST /cases/{case}/incidents/{id}/evidence` and its API twin under `/api/v1`.
fn is_streamed_upload(method: &Method, path: &str) -> bool {
    if method != Method::POST {
        return false;
    }
    let path = path.strip_prefix("/api/v1").unwrap_or(path);
    let segments: Vec<&str> = path.split('/').collect();
    matches!(
        segments.as_slice(),
        ["", "cases", case, "incidents", id, "evidence"] if !case.is_empty() && !id.is_empty()
    )
}

/// One client connection, until it closes, fails a limit or the server stops.
async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    app: Router,
    limits: ConnectionLimits,
    _slot: OwnedSemaphorePermit,
    mut stopping: watch::Receiver<bool>,
) {
    // Responses are written whole; waiting to fill a segment only adds latency.
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(WriteStall::new(stream, limits.write_stall_timeout));
    let service = hyper::service::service_fn(move |req| handle(app.clone(), peer, limits, req));
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        // hyper's default lets headers grow to its whole buffer (about 400 KiB); times the
        // connection cap that is hundreds of megabytes an attacker could make the server hold.
        // No browser or API client sends more than a few KiB.
        .max_header_size(MAX_HEADER_SIZE)
        .keep_alive(true)
        .serve_connection(io, service);
    let mut conn = pin!(conn);
    let stop = async move {
        // An error means the loop is gone, which is a stop too.
        let _ = stopping.wait_for(|stop| *stop).await;
    };
    let done = tokio::select! {
        done = conn.as_mut() => done,
        () = stop => {
            // Idle connections close now; one in a request closes after its response.
            conn.as_mut().graceful_shutdown();
            conn.await
        }
    };
    // Timeouts and resets are a client's doing, not the server's: not worth a warning.
    if let Err(e) = done {
        tracing::debug!("connection from {peer} ended: {e}");
    }
}

/// One request: its body under the idle limit, the peer address in its extensions, the router's
/// answer under the request timeout.
async fn handle(
    app: Router,
    peer: SocketAddr,
    limits: ConnectionLimits,
    req: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
    let exempt = is_streamed_upload(req.method(), req.uri().path());
    let body_done = Arc::new(AtomicBool::new(req.body().is_end_stream()));
    let mut req = req.map(|body| {
        Body::new(IdleBody::new(
            body,
            limits.body_idle_timeout,
            Arc::clone(&body_done),
        ))
    });
    req.extensions_mut().insert(ConnectInfo(peer));
    let answer = app.oneshot(req);
    if exempt {
        return answer.await;
    }
    match tokio::time::timeout(limits.request_timeout, answer).await {
        Ok(response) => response,
        Err(_) if !body_done.load(Ordering::Acquire) => Ok(too_slow(
            StatusCode::REQUEST_TIMEOUT,
            "The request took too long to arrive.\n",
        )),
        Err(_) => Ok(too_slow(
            StatusCode::SERVICE_UNAVAILABLE,
            "The server took too long to answer. Try again later.\n",
        )),
    }
}

/// The answer to a request that ran out of time; the connection closes after it (its body may
/// be half read).
fn too_slow(status: StatusCode, text: &'static str) -> Response<Body> {
    let mut response = Response::new(Body::from(text));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // The router's security headers are not on this answer, which comes from outside it.
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// A request body that fails when the client sends nothing for too long while it is being read.
struct IdleBody {
    inner: Incoming,
    limit: Duration,
    /// Runs while the reader waits for the client; re-armed at the start of each wait, so time
    /// the handler spends on a chunk does not count against the client.
    silence: Pin<Box<Sleep>>,
    waiting: bool,
    /// Set once the whole body has arrived (the request timeout's 408 or 503 depends on it).
    done: Arc<AtomicBool>,
}

impl IdleBody {
    fn new(inner: Incoming, limit: Duration, done: Arc<AtomicBool>) -> IdleBody {
        IdleBody {
            inner,
            limit,
            silence: Box::pin(tokio::time::sleep(limit)),
            waiting: false,
            done,
        }
    }
}

/// The error a body read gets when the client went silent.
#[derive(Debug, thiserror::Error)]
#[error("the client sent no part of the request body for {0:?}")]
struct BodySilent(Duration);

impl HttpBody for IdleBody {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => {
                this.waiting = false;
                if frame.is_none() {
                    this.done.store(true, Ordering::Release);
                }
                Poll::Ready(frame.map(|f| f.map_err(Into::into)))
            }
            Poll::Pending => {
                if !this.waiting {
                    this.waiting = true;
                    let deadline = tokio::time::Instant::now() + this.limit;
                    this.silence.as_mut().reset(deadline);
                }
                match this.silence.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Some(Err(BodySilent(this.limit).into()))),
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// A socket whose writes fail once one has waited too long for the client to read.
struct WriteStall {
    io: TcpStream,
    limit: Duration,
    /// Started when a write first finds the socket full; cleared by any progress.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl WriteStall {
    fn new(io: TcpStream, limit: Duration) -> WriteStall {
        WriteStall {
            io,
            limit,
            stalled: None,
        }
    }

    /// Pass on a write's result; a pending one fails once the stall has lasted the limit.
    fn watch<T>(
        &mut self,
        cx: &mut Context<'_>,
        polled: Poll<std::io::Result<T>>,
    ) -> Poll<std::io::Result<T>> {
        if polled.is_ready() {
            self.stalled = None;
            return polled;
        }
        let limit = self.limit;
        let stall = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match stall.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("the client read nothing for {limit:?}"),
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for WriteStall {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl AsyncWrite for WriteStall {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.io).poll_write(cx, buf);
        this.watch(cx, polled)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.io).poll_write_vectored(cx, bufs);
        this.watch(cx, polled)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.io).poll_flush(cx);
        this.watch(cx, polled)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.io).poll_shutdown(cx);
        this.watch(cx, polled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_streamed_upload_routes_are_exempt() {
        let check = |method: Method, path: &str, expected: bool| {
            assert_eq!(
                is_streamed_upload(&method, path),
                expected,
                "{method} {path}"
            );
        };
        check(Method::POST, "/cases/c/incidents/i/evidence", true);
        check(Method::POST, "/api/v1/cases/c/incidents/i/evidence", true);
        check(Method::GET, "/cases/c/incidents/i/evidence", false);
        check(Method::POST, "/cases/c/incidents/i", false);
        check(Method::POST, "/cases//incidents/i/evidence", false);
        check(Method::POST, "/cases/c/incidents/i/evidence/x", false);
        check(Method::POST, "/api/v2/cases/c/incidents/i/evidence", false);
        check(Method::POST, "/login", false);
    }
}
