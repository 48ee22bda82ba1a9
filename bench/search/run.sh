#!/bin/sh
# Search benchmark at a million incidents (accord-search): index build time, query latency per
# query class with and without the Khmer n-gram fallback, Khmer recall, index size and peak
# memory of each step. Every step is its own process so /usr/bin/time reports the peak RSS of
# building and of serving separately.
#
# Usage: bench/search/run.sh [DOCS]   (default 1000000; results in target/bench-search/)
# Needs: a Rust toolchain, /usr/bin/time (Debian package `time`).
set -eu

DOCS=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
TARGET=${CARGO_TARGET_DIR:-target}
OUT=target/bench-search
INDEX=$OUT/index
mkdir -p "$OUT"

[ -x /usr/bin/time ] || { echo "bench/search: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

cargo build --release -q -p accord-search --example bench
BENCH=$TARGET/release/examples/bench

# Runs one step under /usr/bin/time -v; its output goes to $OUT/NAME.txt, and a line with wall
# time, CPU time and peak RSS is appended.
step() {
    name=$1
    shift
    /usr/bin/time -v -o "$OUT/$name.time" "$BENCH" "$@" >"$OUT/$name.txt"
    awk -F': ' '
        /Elapsed \(wall clock\)/ { wall = $2 }
        /User time/ { user = $2 }
        /System time/ { sys = $2 }
        /Maximum resident set size/ { rss = $2 }
        END { printf "process: wall %s, user %s s, system %s s, peak RSS %.0f MB\n", wall, user, sys, rss / 1024 }
    ' "$OUT/$name.time" >>"$OUT/$name.txt"
    echo "== $name ($(cut -d' ' -f1-3 /proc/loadavg) load average)"
    cat "$OUT/$name.txt"
}

{
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ), docs: $DOCS"
} | tee "$OUT/machine.txt"

step generate generate --docs "$DOCS"
step build build --dir "$INDEX" --docs "$DOCS"
step query query --dir "$INDEX" --queries 2000
step query-words-only query --dir "$INDEX" --queries 2000 --khmer words
step recall recall --dir "$INDEX" --docs "$DOCS"
