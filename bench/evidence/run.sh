#!/usr/bin/env bash
# Evidence and log benchmarks (issues 10 and 12, "Performance"), on release builds, over loopback:
#
#   upload  a 1 GiB file uploaded through the API (streamed: curl -T) to servers side by side: the
#           build before (ACCORD_BIN_BEFORE, if given), this build without keys, this build with
#           keys (evidence encrypted as it arrives), and the anchor `sha256sum FILE && cp FILE
#           DEST`; then the file downloaded from the servers without and with keys. The servers'
#           resident memory before and after. Goals: >= 80 % of the anchor's throughput (issue 10);
#           encryption costs at most 20 % of the upload throughput of the build before (issue 12);
#           memory growth < 100 MB.
#   verify  `accord verify` of a store with 100,000 generated incidents (about 135,000 records)
#           and 1 GB of evidence, against `sha256sum` of the same evidence bytes plus a full read
#           of the database (`sqlite3 DB .dump`). Goal: within 1.5x.
#   writes  incidents created through the API by wrk (8 connections) with the log on (this
#           build) against the build before the log (ACCORD_BIN_BEFORE), same data, one run.
#           Goal: >= 80 % of the requests per second before.
#
# Commands compared are run in turn, A B C A B C ..., after one warm-up round: a drift of the
# machine's speed touches all alike, and each ratio is taken round by round; each round starts one
# command further on, so no command always runs right after the same other. Figures are wall
# seconds, median (min-max).
#
# Usage: bench/evidence/run.sh [upload|verify|writes|all]. Environment: ACCORD_BIN (default
# target/release/accord), ACCORD_BIN_BEFORE (for writes; for upload, optional), RUNS (rounds, 5),
# DURATION (wrk seconds, 10), SIZE_MB (1024). Results: target/bench-evidence/summary.txt.
# Needs: curl, wrk, sqlite3, sha256sum (Debian: curl wrk sqlite3 coreutils).
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

SERVER_PIDS=()
stop_servers() {
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  SERVER_PIDS=()
}
trap stop_servers EXIT

# setup BIN DIR: a database in DIR with the example case, an editor and an API token ($TOKEN).
setup() {
  local bin=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  "$bin" --db "$dir/accord.db" import docs/examples/minimal-case >/dev/null
  echo "bench-password-1234" | "$bin" --db "$dir/accord.db" user add bench@example.org --password-stdin >/dev/null
  "$bin" --db "$dir/accord.db" case grant example-2030 bench@example.org --role editor >/dev/null
  TOKEN=$("$bin" --db "$dir/accord.db" user token bench@example.org bench | grep -Eo '[A-Za-z0-9_-]{30,}' | tail -1)
}

# start BIN DIR PORT [KEY_FILE]: a server in the background ($SERVER_PID, also in SERVER_PIDS).
start() {
  local bin=$1 dir=$2 port=$3 key=()
  [ -n "${4:-}" ] && key=(--key-file "$4")
  "$bin" --db "$dir/accord.db" "${key[@]}" serve --addr "127.0.0.1:$port" >"$dir/serve.log" 2>&1 &
  SERVER_PID=$!
  SERVER_PIDS+=("$SERVER_PID")
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/login" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$dir/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}

# alternate RUNS MIB LABEL CMD [LABEL CMD ...]: one warm-up round, then RUNS rounds in which each
# command (run by sh -c, output discarded) runs once in turn, each round starting one command
# further on (a command that follows another's large write would otherwise always pay for it).
# Prints each command's wall seconds, median (min-max), its throughput over MIB mebibytes (when
# MIB > 0) and its median ratio to the first command, taken round by round.
alternate() {
  local runs=$1 mib=$2; shift 2
  local labels=() cmds=() i k round t0 t1 tmp
  while [ $# -gt 0 ]; do labels+=("$1"); cmds+=("$2"); shift 2; done
  tmp=$(mktemp -d)
  for round in $(seq 0 "$runs"); do
    for k in "${!cmds[@]}"; do
      i=$(( (k + round) % ${#cmds[@]} ))
      t0=$(date +%s%N)
      sh -c "${cmds[$i]}" >/dev/null 2>&1 || { echo "failed: ${labels[$i]}" >&2; return 1; }
      t1=$(date +%s%N)
      if [ "$round" -gt 0 ]; then echo "$(( (t1 - t0) / 1000 ))" >>"$tmp/$i"; fi
    done
  done
  for i in "${!cmds[@]}"; do
    paste "$tmp/$i" "$tmp/0" | awk -v label="${labels[$i]}" -v mib="$mib" '
      { t[NR] = $1 / 1e6; r[NR] = $1 / $2 }
      function median(a, n,   k, j, x) {
        for (k = 2; k <= n; k++) { x = a[k]; for (j = k - 1; j > 0 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
      }
      END {
        n = NR; m = median(t, n); q = median(r, n)
        printf "  %-34s %7.3f s (%.3f-%.3f)", label, m, t[1], t[n]
        if (mib > 0) printf "  %7.1f MiB/s", mib / m
        printf "  ratio to the first %.3f\n", q
      }'
  done
  rm -rf "$tmp"
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

if [ "$WHAT" = upload ] || [ "$WHAT" = all ]; then
  FILE=$OUT/upload.bin
  [ -f "$FILE" ] && [ "$(stat -c %s "$FILE")" = $((SIZE_MB * 1048576)) ] || head -c $((SIZE_MB * 1048576)) /dev/urandom >"$FILE"
  EVIDENCE="api/v1/cases/example-2030/incidents/party-dissolved/evidence?file_name=upload.bin"
  upload() { # PORT TOKEN
    echo "curl -fsS -o /dev/null -X POST -H 'Authorization: Bearer $2' -H 'Content-Type: application/octet-stream' -T $FILE 'http://127.0.0.1:$1/$EVIDENCE'"
  }
  ARGS=()
  if [ -n "${ACCORD_BIN_BEFORE:-}" ]; then
    setup "$ACCORD_BIN_BEFORE" "$OUT/upload-before"
    start "$ACCORD_BIN_BEFORE" "$OUT/upload-before" 18090
    ARGS+=("the build before, no keys" "$(upload 18090 "$TOKEN")")
  fi
  setup "$BIN" "$OUT/upload-plain"
  start "$BIN" "$OUT/upload-plain" 18091
  PLAIN_TOKEN=$TOKEN PLAIN_PID=$SERVER_PID
  ARGS+=("this build, no keys" "$(upload 18091 "$TOKEN")")
  setup "$BIN" "$OUT/upload-sealed"
  rm -f "$OUT/upload-sealed.key"
  "$BIN" --db "$OUT/upload-sealed/accord.db" --key-file "$OUT/upload-sealed.key" keys init >/dev/null 2>&1
  start "$BIN" "$OUT/upload-sealed" 18092 "$OUT/upload-sealed.key"
  SEALED_TOKEN=$TOKEN SEALED_PID=$SERVER_PID
  ARGS+=("this build, keys (encrypted)" "$(upload 18092 "$TOKEN")")
  ARGS+=("anchor: sha256sum + cp" "sha256sum $FILE >/dev/null && cp $FILE $OUT/upload.copy && rm $OUT/upload.copy")
  before_plain=$(rss_kb "$PLAIN_PID") before_sealed=$(rss_kb "$SEALED_PID")
  log "== upload of $SIZE_MB MiB, $RUNS rounds, $(date -u +%FT%TZ), load $(load)"
  alternate "$RUNS" "$SIZE_MB" "${ARGS[@]}" 2>&1 | tee -a "$OUT/summary.txt"
  # Downloads: the file each server stored, streamed back (and decrypted, with keys).
  id_of() { # PORT TOKEN
    curl -fsS -X POST -H "Authorization: Bearer $2" -H 'Content-Type: application/octet-stream' -T "$FILE" \
      "http://127.0.0.1:$1/$EVIDENCE" | grep -Eo '"id": *"[^"]+"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/'
  }
  PLAIN_ID=$(id_of 18091 "$PLAIN_TOKEN") SEALED_ID=$(id_of 18092 "$SEALED_TOKEN")
  download() { # PORT TOKEN ID
    echo "curl -fsS -o /dev/null -H 'Authorization: Bearer $2' 'http://127.0.0.1:$1/api/v1/cases/example-2030/evidence/$3/file'"
  }
  log "== download of $SIZE_MB MiB, $RUNS rounds, $(date -u +%FT%TZ), load $(load)"
  alternate "$RUNS" "$SIZE_MB" \
    "this build, no keys" "$(download 18091 "$PLAIN_TOKEN" "$PLAIN_ID")" \
    "this build, keys (decrypted)" "$(download 18092 "$SEALED_TOKEN" "$SEALED_ID")" \
    2>&1 | tee -a "$OUT/summary.txt"
  log "server RSS, no keys: before ${before_plain} kB, after $(rss_kb "$PLAIN_PID") kB, peak $(hwm_kb "$PLAIN_PID") kB"
  log "server RSS, keys:    before ${before_sealed} kB, after $(rss_kb "$SEALED_PID") kB, peak $(hwm_kb "$SEALED_PID") kB"
  stop_servers
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
  alternate "$RUNS" 0 \
    "accord verify" "$BIN --db $DIR/accord.db verify" \
    "anchor: sha256sum + sqlite3 .dump" "sha256sum $DIR/accord.db.evidence/sha256/*/* >/dev/null && sqlite3 $DIR/accord.db .dump >/dev/null" \
    2>&1 | tee -a "$OUT/summary.txt"
fi

if [ "$WHAT" = writes ] || [ "$WHAT" = all ]; then
  command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
  BEFORE=${ACCORD_BIN_BEFORE:?set ACCORD_BIN_BEFORE to a release build from before the log}
  log "== incident creation through the API, wrk 8 connections ${DURATION}s, $(date -u +%FT%TZ), load $(load)"
  for round in 1 2; do
    for which in before after; do
      bin=$BIN; [ $which = before ] && bin=$BEFORE
      setup "$bin" "$OUT/writes-$which"
      start "$bin" "$OUT/writes-$which" 18093
      r=$(wrk -t2 -c8 -d"${DURATION}s" --latency -s bench/evidence/post_incident.lua \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        "http://127.0.0.1:18093/api/v1/cases/example-2030/incidents" 2>&1)
      stop_servers
      n=$(sqlite3 "$OUT/writes-$which/accord.db" "SELECT COUNT(*) FROM incidents")
      log "round $round $which: $(echo "$r" | grep -E 'Requests/sec|Non-2xx|99%' | tr -s ' ' | tr '\n' ';') incidents stored $n"
    done
  done
fi
