#!/usr/bin/env python3
"""Search through the server: a mixed English/Khmer query set, one request at a time.

Usage: search_queries.py CASE_URL QUERIES SERVER_PID

Each query is a GET of CASE_URL/timeline?q=... on one keep-alive connection (what the timeline's
search box sends); the time is from sending the request to having read the whole page. The words
are those `accord bench-data` writes, so most queries match many incidents (a small vocabulary
makes every word frequent: harder for the index than real text). A page without a query is timed
the same way, so what the search adds can be told apart from what the page costs. The server's
resident memory is sampled after every request; its peak (VmHWM) is read at the end.
"""
import http.client
import random
import re
import statistics
import sys
import time
import urllib.parse

EN_WORDS = [
    "journalists", "arrested", "detention", "licence", "taxes", "warrant", "revolution",
    "gathering", "questioning", "Kampot", "Battambang", "monks", "students", "dissolved",
    "expelled", "summoned", "union", "lawyers", "relatives", "forum", "Dara", "Ratanakiri",
]
EN_PHRASES = [
    '"civil society"', '"pre-trial detention"', '"Lotus Party"', '"legal action"',
    '"public forum"', '"back taxes"', '"Mekong Herald"', '"Law on Political Parties"',
]
KM_WORDS = [
    "ចាប់ខ្លួន", "សមាគម", "អ្នកសារព័ត៌មាន", "សង្គមស៊ីវិល", "ភ្នំពេញ", "តុលាការកំពូល", "រំលាយ",
    "បាតុកម្ម", "អាជ្ញាប័ណ្ណ", "ពន្ធ", "មេធាវី", "សកម្មជន", "ព្រះសង្ឃ", "កំពត", "រដ្ឋសភា",
    "ឃុំខ្លួន", "ហាមឃាត់", "តាមដាន", "មេដឹកនាំសហជីព", "កាសែតចង្កៀង",
]
# Words that occur nowhere in the generated data (Senate, a zebra): the index must answer "none" fast.
ABSENT = ["ព្រឹទ្ធសភា", "zebra", "ហ្សេប្រា"]
KINDS = ["arrest", "threat", "statement", "harassment", "closure"]


def query_set(n, rng):
    """(class, query string) pairs, in a fixed order for a given seed."""
    classes = [
        ("en word", 20, lambda: {"q": rng.choice(EN_WORDS)}),
        ("en 2 words", 10, lambda: {"q": " ".join(rng.sample(EN_WORDS, 2))}),
        ("en phrase", 10, lambda: {"q": rng.choice(EN_PHRASES)}),
        ("km word", 25, lambda: {"q": rng.choice(KM_WORDS)}),
        ("km 2 words", 10, lambda: {"q": " ".join(rng.sample(KM_WORDS, 2))}),
        ("mixed en+km", 10, lambda: {"q": rng.choice(EN_WORDS) + " " + rng.choice(KM_WORDS)}),
        ("word + kind", 10, lambda: {"q": rng.choice(EN_WORDS + KM_WORDS), "kind": rng.choice(KINDS)}),
        ("absent word", 5, lambda: {"q": rng.choice(ABSENT)}),
    ]
    weights = [w for _, w, _ in classes]
    out = []
    for _ in range(n):
        name, _, make = rng.choices(classes, weights)[0]
        params = make()
        if rng.random() < 0.1:
            params["page"] = "2"
        out.append((name, params))
    return out


def rss_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def pct(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * len(values) + 0.5) - 1))
    return values[k]


def main():
    case_url, n, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    url = urllib.parse.urlsplit(case_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = {
        "Cookie": "accord_csrf=benchbenchbenchbenchbenchbenchbenchbench00",
        "Accept-Encoding": "gzip",
    }
    total_re = re.compile(rb"<strong>(\d+)</strong> incident")

    def get(params):
        path = f"{url.path}/timeline?{urllib.parse.urlencode(params)}"
        t0 = time.perf_counter()
        conn.request("GET", path, headers=headers)
        r = conn.getresponse()
        body = r.read()
        elapsed = (time.perf_counter() - t0) * 1000
        if r.status != 200:
            sys.exit(f"GET {path}: {r.status}")
        return elapsed, body

    rng = random.Random(2017)
    warmup = query_set(50, rng)
    queries = query_set(n, rng)
    for _, params in warmup:
        get(params)

    times, hits, rss = {}, {}, []
    for name, params in queries:
        elapsed, _ = get(params)
        times.setdefault(name, []).append(elapsed)
        rss.append(rss_kb(pid, "VmRSS"))
    # The result count of one query per class (asked uncompressed, so it can be read).
    headers.pop("Accept-Encoding")
    for name, params in queries:
        if name not in hits:
            _, body = get(params)
            m = total_re.search(body)
            hits[name] = (params, int(m.group(1)) if m else None)
    headers["Accept-Encoding"] = "gzip"

    baseline = [get({})[0] for _ in range(100)]
    all_times = [t for ts in times.values() for t in ts]
    print(f"{'class':14} {'queries':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}  example (total hits)")
    for name in sorted(times):
        ts = times[name]
        params, total = hits[name]
        print(
            f"{name:14} {len(ts):7d} {statistics.median(ts):7.1f} {pct(ts, 95):7.1f} {pct(ts, 99):7.1f}"
            f" {max(ts):7.1f}  {params} ({total})"
        )
    print(
        f"{'ALL':14} {len(all_times):7d} {statistics.median(all_times):7.1f} {pct(all_times, 95):7.1f}"
        f" {pct(all_times, 99):7.1f} {max(all_times):7.1f}"
    )
    print(
        f"{'no query':14} {len(baseline):7d} {statistics.median(baseline):7.1f} {pct(baseline, 95):7.1f}"
        f" {pct(baseline, 99):7.1f} {max(baseline):7.1f}  (the timeline page alone: what every search also pays)"
    )
    print(
        f"server memory while serving: peak RSS (VmHWM) {rss_kb(pid, 'VmHWM') / 1024:.0f} MB, "
        f"largest sampled RSS {max(rss) / 1024:.0f} MB "
        f"(anonymous {rss_kb(pid, 'RssAnon') / 1024:.0f} MB + file-backed {rss_kb(pid, 'RssFile') / 1024:.0f} MB at the end)"
    )


main()
