#!/usr/bin/env python3
"""The means of a `run.sh languages` run (its summary lines on stdin): per page and language,
requests/s and the server's CPU time per request over the rounds, and Khmer's difference from
English (goal of issue 16: within 10 %).

Usage: lang_means.py < lang-runs.txt
"""
import re
import sys
from collections import defaultdict

LINE = re.compile(r"^(\w+)#(\d+)\s+(\S+)\s+(\d+) req/s.*?(?:cpu\s+(\d+) us/req)?\s+\(")


def mean(values):
    return sum(values) / len(values) if values else float("nan")


def main():
    rps = defaultdict(list)
    cpu = defaultdict(list)
    for line in sys.stdin:
        m = LINE.match(line)
        if not m:
            continue
        lang, _, page, r, c = m.groups()
        rps[(page, lang)].append(int(r))
        if c:
            cpu[(page, lang)].append(int(c))
    for page in dict.fromkeys(p for p, _ in rps):
        en, km = mean(rps[(page, "en")]), mean(rps[(page, "km")])
        ce, ck = mean(cpu[(page, "en")]), mean(cpu[(page, "km")])
        print(
            f"means  {page:18} English {en:6.0f} req/s, Khmer {km:6.0f} req/s: Khmer {100 * (km / en - 1):+.1f} %"
            f" ({len(rps[(page, 'en')])}+{len(rps[(page, 'km')])} runs);"
            f" server CPU per request English {ce:.0f} us, Khmer {ck:.0f} us: Khmer {100 * (ck / ce - 1):+.1f} %"
        )


main()
