#!/usr/bin/env python3
"""One line per wrk run (read on stdin): requests/s, latency percentiles, errors.

Usage: wrk ... --latency | wrk_summary.py MODE NAME "STATUS BYTES SECONDS" "LOAD" ["TICKS HZ" [MACHINE]]
(STATUS BYTES SECONDS: one request made alone before the run, with curl; TICKS HZ: the CPU time
the server used during the run, in clock ticks of HZ a second, written as CPU time per request;
MACHINE: the busy clock ticks of all cores during the run (/proc/stat), written the same way: the
server, the database, wrk and anything else running)
"""
import re
import sys


def ms(text):
    """wrk prints latencies as 812.00us, 1.23ms or 1.02s."""
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not m:
        return float("nan")
    value, unit = float(m.group(1)), m.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def main():
    mode, name, first, load = sys.argv[1:5]
    cpu = sys.argv[5].split() if len(sys.argv) > 5 else None
    machine = int(sys.argv[6]) if len(sys.argv) > 6 else None
    out = sys.stdin.read()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    pct = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M))
    maxi = re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out)
    total = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    status, size, alone = (first.split() + ["?", "?", "?"])[:3]
    per_request = ""
    if cpu and total and int(total.group(1)) > 0:
        micros = int(cpu[0]) / int(cpu[1]) * 1e6 / int(total.group(1))
        per_request = f"  cpu {micros:6.0f} us/req"
        if machine is not None:
            all_micros = machine / int(cpu[1]) * 1e6 / int(total.group(1))
            per_request += f"  machine cpu {all_micros:6.0f} us/req"
    print(
        f"{mode:6} {name:18} {float(rps.group(1)) if rps else float('nan'):8.0f} req/s"
        f"  p50 {ms(pct.get('50', '')):6.1f} ms  p90 {ms(pct.get('90', '')):6.1f} ms"
        f"  p99 {ms(pct.get('99', '')):6.1f} ms  max {ms(maxi.group(1)) if maxi else float('nan'):7.1f} ms"
        f"{per_request}"
        f"  ({total.group(1) if total else '?'} requests; alone first: {status}, {size} B gzip, {alone} s"
        f"{'; NON-2XX ' + non2xx.group(1) if non2xx else ''}"
        f"{'; socket errors ' + errors.group(1) if errors else ''}; load {load})"
    )


main()
