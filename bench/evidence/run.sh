#!/usr/bin/env bash
# Evidence and log benchmarks (issue 10, "Performance"), on release builds, over loopback:
#
#   upload  a 1 GB file uploaded through the API (streamed: curl -T), against
#           `sha256sum FILE && cp FILE DEST` on the same file, side by side (farm-bench, min/median/
#           max), and the server's resident memory before and after. Goal: >= 80 % of the
#           throughput of sha256sum + cp; memory growth < 100 MB.
#   verify  `accord verify` of a store with 100,000 generated incidents (about 135,000 records)
#           and 1 GB of evidence, against `sha256sum` of the same evidence bytes plus a full read
#           of the database (`sqlite3 DB .dump`). Goal: within 1.5x.
#   writes  incidents created through the API by wrk (8 connections) with the log on (this
#           build) against the build before the log (ACCORD_BIN_BEFORE), same data, one run.
#           Goal: >= 80 % of the requests per second before.
#
# Usage: bench/evidence/run.sh [upload|verify|writes|all]. Environment: ACCORD_BIN (default
# target/release/accord), ACCORD_BIN_BEFORE (for writes), RUNS (farm-bench runs, 5), DURATION
# (wrk seconds, 10), SIZE_MB (1024). Results: target/bench-evidence/summary.txt.
# Needs: farm-bench, curl, wrk, sqlite3, sha256sum (Debian: curl wrk sqlite3 coreutils).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
WHAT=${1:-all}
RUNS=${RUNS:-5}
DURATION=${DURATION:-10}
SIZE_MB=${SIZE_MB:-1024}
OUT=$ROOT/target/bench-evidence
BIN=${ACCORD_BIN:-$ROOT/target/release/accord}
mkdir -p "$OUT"
log() { echo "$*" | tee -a "$OUT/summary.txt"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; fi
}
trap stop_server EXIT

# setup BIN DIR: a database in DIR with the example case, an editor and an API token ($TOKEN).
setup() {
  local bin=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  "$bin" --db "$dir/accord.db" import docs/examples/minimal-case >/dev/null
  echo "bench-password-1234" | "$bin" --db "$dir/accord.db" user add bench@example.org --password-stdin >/dev/null
  "$bin" --db "$dir/accord.db" case grant example-2030 bench@example.org --role editor >/dev/null
  TOKEN=$("$bin" --db "$dir/accord.db" user token bench@example.org bench | grep -Eo '[A-Za-z0-9_-]{30,}' | tail -1)
}

# start BIN DIR PORT
start() {
  local bin=$1 dir=$2 port=$3
  "$bin" --db "$dir/accord.db" serve --addr "127.0.0.1:$port" >"$dir/serve.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/login" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$dir/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

if [ "$WHAT" = upload ] || [ "$WHAT" = all ]; then
  FILE=$OUT/upload.bin
  [ -f "$FILE" ] && [ "$(stat -c %s "$FILE")" = $((SIZE_MB * 1048576)) ] || head -c $((SIZE_MB * 1048576)) /dev/urandom >"$FILE"
  setup "$BIN" "$OUT/upload"
  start "$BIN" "$OUT/upload" 18090
  before=$(rss_kb "$SERVER_PID")
  log "== upload of $SIZE_MB MiB, $(date -u +%FT%TZ), load $(load)"
  # Each run uploads the same bytes: the store keeps one file, but every run hashes and writes
  # them in full (the duplicate is found only once the hash is known).
  # A: the upload through the server; B: sha256sum then cp of the same file (the anchor).
  farm-bench -n "$RUNS" --timeout 900 \
    --vs "sh -c 'sha256sum $FILE >/dev/null && cp $FILE $OUT/upload.copy && rm $OUT/upload.copy'" \
    -- curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/octet-stream' -T "$FILE" \
    "http://127.0.0.1:18090/api/v1/cases/example-2030/incidents/party-dissolved/evidence?file_name=upload.bin" \
    2>&1 | tee -a "$OUT/summary.txt"
  log "server RSS before ${before} kB, after $(rss_kb "$SERVER_PID") kB, peak $(hwm_kb "$SERVER_PID") kB"
  stop_server
fi

if [ "$WHAT" = verify ] || [ "$WHAT" = all ]; then
  DIR=$OUT/verify
  if [ ! -f "$DIR/ready" ]; then
    rm -rf "$DIR"; mkdir -p "$DIR"
    "$BIN" --db "$DIR/accord.db" bench-data --incidents 100000 --seed 2017 --case bench >/dev/null
    for i in 1 2 3 4; do
      head -c $((SIZE_MB * 1048576 / 4)) /dev/urandom >"$DIR/part$i.bin"
      inc=$("$BIN" --db "$DIR/accord.db" case status bench --json >/dev/null; sqlite3 "$DIR/accord.db" "SELECT id FROM incidents WHERE case_id='bench' LIMIT 1")
      "$BIN" --db "$DIR/accord.db" evidence add bench --incident "$inc" "$DIR/part$i.bin" >/dev/null
    done
    touch "$DIR/ready"
  fi
  log "== verify: $(sqlite3 "$DIR/accord.db" 'SELECT COUNT(*) FROM log_entries') log entries, $(du -sh "$DIR/accord.db.evidence" | cut -f1) evidence, $(date -u +%FT%TZ), load $(load)"
  farm-bench -n "$RUNS" --timeout 1800 \
    --vs "sh -c 'sha256sum $DIR/accord.db.evidence/sha256/*/* >/dev/null && sqlite3 $DIR/accord.db .dump >/dev/null'" \
    -- "$BIN" --db "$DIR/accord.db" verify 2>&1 | tee -a "$OUT/summary.txt"
fi

if [ "$WHAT" = writes ] || [ "$WHAT" = all ]; then
  command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
  BEFORE=${ACCORD_BIN_BEFORE:?set ACCORD_BIN_BEFORE to a release build from before the log}
  log "== incident creation through the API, wrk 8 connections ${DURATION}s, $(date -u +%FT%TZ), load $(load)"
  for round in 1 2; do
    for which in before after; do
      bin=$BIN; [ $which = before ] && bin=$BEFORE
      setup "$bin" "$OUT/writes-$which"
      start "$bin" "$OUT/writes-$which" 18091
      r=$(wrk -t2 -c8 -d"${DURATION}s" --latency -s bench/evidence/post_incident.lua \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        "http://127.0.0.1:18091/api/v1/cases/example-2030/incidents" 2>&1)
      stop_server
      n=$(sqlite3 "$OUT/writes-$which/accord.db" "SELECT COUNT(*) FROM incidents")
      log "round $round $which: $(echo "$r" | grep -E 'Requests/sec|Non-2xx|99%' | tr -s ' ' | tr '\n' ';') incidents stored $n"
    done
  done
fi
