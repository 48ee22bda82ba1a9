#!/usr/bin/env python3
"""Slow clients against a running Accord server (issue 11, finding 8), over loopback only.

Opens STALLED connections (default 500) that each send half a request line and headers and then
stall, measures the latency of normal `GET /login` requests on fresh connections meanwhile, and
then how long the server takes to close the stalled ones (its header-read timeout).

Usage:
    accord serve --db /tmp/slow.db --listen 127.0.0.1:8099 &     # any running server
    python3 bench/web/slow_clients.py [--port 8099] [--stalled 500] [--requests 50]

Needs an open-files limit above 2 x STALLED if the server runs in the same shell (`ulimit -n`).
Every wait is bounded: nothing here runs longer than about --close-bound + a few seconds.
"""

import argparse
import socket
import statistics
import sys
import time


def refuse_non_loopback(host):
    if host not in ("127.0.0.1", "::1", "localhost"):
        sys.exit(f"slow_clients.py: loopback only, not {host}")


def stall(host, port, count):
    held = []
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=10)
        s.sendall(b"GET /login HTTP/1.1\r\nHost: localhost\r\nUser-Ag")
        held.append(s)
    return held


def normal_request(host, port, path):
    """One whole request on a new connection; (status, seconds)."""
    started = time.perf_counter()
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(
            f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode()
        )
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    took = time.perf_counter() - started
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, took


def still_open(s):
    s.setblocking(False)
    try:
        return s.recv(1) != b""  # data would be an answer, which still means open
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        s.setblocking(True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8099)
    p.add_argument("--path", default="/login")
    p.add_argument("--stalled", type=int, default=500)
    p.add_argument("--requests", type=int, default=50)
    p.add_argument("--close-bound", type=float, default=60.0,
                   help="how long to wait for the server to close the stalled connections")
    a = p.parse_args()
    refuse_non_loopback(a.host)

    baseline = [normal_request(a.host, a.port, a.path)[1] for _ in range(a.requests)]

    t0 = time.perf_counter()
    held = stall(a.host, a.port, a.stalled)
    opened = time.perf_counter() - t0
    time.sleep(0.5)

    results = [normal_request(a.host, a.port, a.path) for _ in range(a.requests)]
    statuses = sorted({s for s, _ in results})
    lat = [t for _, t in results]
    open_after = sum(still_open(s) for s in held)

    # How long until the server has closed every stalled connection.
    closed_at = None
    deadline = t0 + a.close_bound
    while time.perf_counter() < deadline:
        if not any(still_open(s) for s in held):
            closed_at = time.perf_counter() - t0
            break
        time.sleep(0.1)
    for s in held:
        s.close()

    def ms(x):
        return f"{x * 1000:.1f} ms"

    print(f"stalled connections: {a.stalled} (opened in {opened:.2f} s), "
          f"still open after the measurement: {open_after}")
    print(f"GET {a.path} alone:          median {ms(statistics.median(baseline))}, "
          f"max {ms(max(baseline))} ({a.requests} requests)")
    print(f"GET {a.path} beside stalled: median {ms(statistics.median(lat))}, "
          f"max {ms(max(lat))}, statuses {statuses}")
    if closed_at is None:
        print(f"stalled connections NOT all closed within {a.close_bound:.0f} s")
        return 1
    print(f"all stalled connections closed by the server after {closed_at:.1f} s")
    return 0 if statuses == [200] and max(lat) < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
