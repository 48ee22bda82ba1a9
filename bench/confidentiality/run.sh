#!/usr/bin/env bash
# Issue 12, "Performance": encryption may cost at most 10 % of the requests per second of pages
# that show no restricted record, measured against the build before it on the same data, side by
# side in one run.
#
# Two release binaries, OLD_BIN (the build before) and NEW_BIN (this one), each serve its own copy
# of the same data: an instance with keys (`accord keys init`), a published case of
# $INCIDENTS generated incidents (`bench-data --seed 2017`), and a second, private case with
# restricted incidents, actors and sources (so the new build holds sealed rows and a non-empty
# in-memory search index, and merges it into every search). Anonymous readers load the published
# case's dashboard, timeline and two searches with wrk; the two servers take turns, page by page,
# for $ROUNDS rounds, so that whatever else the machine does falls on both alike. The median
# requests/s of each page and binary, and their ratio, go to target/bench-confidentiality/summary.txt.
#
# Usage: OLD_BIN=... NEW_BIN=... bench/confidentiality/run.sh
# Build the binary before a change from a worktree, e.g.
#   git worktree add /tmp/old <commit> && (cd /tmp/old && cargo build --release -p accord-cli)
# Environment: INCIDENTS (100000), ROUNDS (3), DURATION (wrk seconds, 8), CONNECTIONS (16),
# PLAIN_OLD (set: the old instance gets no keys and no restricted case; with OLD_BIN = NEW_BIN
# this measures what keys and restricted records cost in one build).
# Needs: wrk, curl, python3 (Debian packages wrk, curl, python3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
INCIDENTS=${INCIDENTS:-100000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8}
CONNECTIONS=${CONNECTIONS:-16}
OUT=$ROOT/target/bench-confidentiality
mkdir -p "$OUT"
: "${OLD_BIN:?set OLD_BIN to the release binary of the build before}"
: "${NEW_BIN:?set NEW_BIN to the release binary to measure}"
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/confidentiality: $tool is missing" >&2; exit 1; }
done

log() { echo "$*" | tee -a "$OUT/summary.txt"; }
: >"$OUT/summary.txt"
log "$(date -u +%FT%TZ) old=$OLD_BIN new=$NEW_BIN incidents=$INCIDENTS rounds=$ROUNDS duration=${DURATION}s connections=$CONNECTIONS"

# The restricted case: the example case with restricted people and an incident naming them.
RESTRICTED=$OUT/restricted-case
rm -rf "$RESTRICTED"
cp -r "$ROOT/docs/examples/minimal-case" "$RESTRICTED"
for n in 1 2 3 4 5 6 7 8; do
  cat >>"$RESTRICTED/actors.toml" <<TOML

[[actors]]
id = "witness-$n"
sensitivity = "restricted"
kind = "person"
name = "Witness number $n"
TOML
  cat >>"$RESTRICTED/incidents.toml" <<TOML

[[incidents]]
id = "statement-$n"
sensitivity = "restricted"
date = "2030-02-2$n"
title = "Statement of a witness to the journalists' arrest, number $n"
kind = "other"
summary = "The witness saw journalists arrested in front of the ministry."
actors = [{ actor = "witness-$n", role = "witness" }]
TOML
done

# prepare NAME BIN: an instance with keys, the published bench case and the restricted case.
prepare() {
  local name=$1 bin=$2 dir=$OUT/$1
  rm -rf "$dir" "$OUT/$name.key"
  mkdir -p "$dir"
  # A build from before the keys (or before sensitivity) gets neither: it is measured as it was.
  # PLAIN_OLD=1 makes the old instance plain on purpose (no keys, no restricted case): with the
  # same binary on both sides, that measures what keys and restricted records alone cost.
  if [ "$name" = old ] && [ -n "${PLAIN_OLD:-}" ]; then
    log "$name: plain (PLAIN_OLD): no keys"
  elif ACCORD_KEY_FILE="$OUT/$name.key" "$bin" --db "$dir/a.db" keys init --json >"$dir/keys.json" 2>"$dir/keys.err"; then
    log "$name: keys made"
  else
    log "$name: no keys ($(head -c 120 "$dir/keys.err" | tr '\n' ' '))"
  fi
  /usr/bin/time -f "$name bench-data: wall %e s, peak RSS %M KB" \
    env ACCORD_KEY_FILE="$OUT/$name.key" "$bin" --db "$dir/a.db" bench-data --incidents "$INCIDENTS" --seed 2017 --publish \
    >"$dir/bench-data.log" 2>>"$OUT/summary.txt"
  if [ "$name" = old ] && [ -n "${PLAIN_OLD:-}" ]; then
    log "$name: plain (PLAIN_OLD): no restricted case"
  elif ACCORD_KEY_FILE="$OUT/$name.key" "$bin" --db "$dir/a.db" import "$RESTRICTED" >/dev/null 2>"$dir/import.err"; then
    log "$name: restricted case imported"
  else
    log "$name: no restricted case ($(head -c 160 "$dir/import.err" | tr '\n' ' '))"
  fi
}

PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap stop EXIT

# serve NAME BIN PORT: start and wait until the search index is complete.
serve() {
  local name=$1 bin=$2 port=$3 dir=$OUT/$1
  ACCORD_LOG=info ACCORD_KEY_FILE="$OUT/$name.key" "$bin" --db "$dir/a.db" serve --addr "127.0.0.1:$port" >"$OUT/$name-server.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 3000); do
    if grep -qE "search index (rebuilt|up to date)" "$OUT/$name-server.log"; then return 0; fi
    sleep 0.2
  done
  echo "bench/confidentiality: $name did not finish its search index" >&2
  exit 1
}

prepare old "$OLD_BIN"
prepare new "$NEW_BIN"
serve old "$OLD_BIN" 18531
serve new "$NEW_BIN" 18532
grep -hE "search index (rebuilt|up to date)" "$OUT"/*-server.log | sed "s/\x1b\[[0-9;]*m//g" | tee -a "$OUT/summary.txt"

COOKIE="Cookie: accord_csrf=benchbenchbenchbenchbenchbenchbenchbench00"
GZIP="Accept-Encoding: gzip"
km=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("ចាប់ខ្លួន"))')
PAGES=("dashboard|/cases/bench" "timeline|/cases/bench/timeline" "search-en|/cases/bench/timeline?q=journalists" "search-km|/cases/bench/timeline?q=$km")

RESULTS=$OUT/results.tsv
: >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for entry in "${PAGES[@]}"; do
    page=${entry%%|*} path=${entry#*|}
    for pair in "old|18531" "new|18532"; do
      name=${pair%%|*} port=${pair#*|}
      url="http://127.0.0.1:$port$path"
      status=$(curl -s -H "$COOKIE" -H "$GZIP" -o /dev/null -w '%{http_code}' "$url")
      [ "$status" = 200 ] || { echo "bench/confidentiality: $name $page answered $status" >&2; exit 1; }
      wrk -c"$CONNECTIONS" -t2 -H "$COOKIE" -H "$GZIP" -d2s "$url" >/dev/null
      rps=$(wrk -c"$CONNECTIONS" -t2 -H "$COOKIE" -H "$GZIP" -d"${DURATION}s" "$url" | awk '/Requests\/sec/ {print $2}')
      printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$page" "$name" "$rps" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RESULTS"
    done
  done
done

python3 - "$RESULTS" <<'PY' | tee -a "$OUT/summary.txt"
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
pages = []
for r in rows:
    if r[1] not in pages:
        pages.append(r[1])
print(f"{'page':<10} {'old req/s (median)':>20} {'new req/s (median)':>20} {'new/old':>8}   rounds old | new")
for p in pages:
    old = [float(r[3]) for r in rows if r[1] == p and r[2] == "old"]
    new = [float(r[3]) for r in rows if r[1] == p and r[2] == "new"]
    mo, mn = statistics.median(old), statistics.median(new)
    print(f"{p:<10} {mo:>20.0f} {mn:>20.0f} {mn / mo:>8.3f}   {' '.join(f'{x:.0f}' for x in old)} | {' '.join(f'{x:.0f}' for x in new)}")
PY
