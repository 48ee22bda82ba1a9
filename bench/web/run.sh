#!/usr/bin/env bash
# Web benchmarks of Accord (issue 4, "Performance"), on a release build, over loopback:
#
#   web     a case of 100,000 generated incidents: the dashboard, the timeline, a filtered timeline
#           and a text search, loaded with wrk (--latency): requests/s and p99. Goal: >= 2,000
#           requests/s and p99 < 50 ms on 2 cores.
#   languages  the dashboard and the timeline of the 100,000-incident case read in English and in
#           Khmer (the reader's language cookie), side by side on one server, the two languages
#           alternating round by round (ROUNDS, 3) so that the machine's load falls on both alike.
#           Goal (issue 16): Khmer within 10 % of English.
#   search  a case of 1,000,000 generated incidents: the index build when the server starts, a mixed
#           English/Khmer query set through the server one request at a time (p50/p95 per class),
#           and the server's peak memory. Goals: build < 60 s, p95 < 20 ms, RSS < 300 MB.
#
# Usage: bench/web/run.sh [web|languages|search|all] (default all). Environment: WEB_INCIDENTS (100000),
# SEARCH_INCIDENTS (1000000), DURATION (wrk seconds, 20), CONNECTIONS (wrk, 16), QUERIES (500),
# ACCORD_BIN (default $CARGO_TARGET_DIR/release/accord, built here if missing).
# Results: target/bench-web/ (a log per step and summary.txt). Databases are kept there between
# runs (generating a million incidents takes minutes); delete the directory to start over.
#
# Cores: the machine has two. "pinned" runs give the server core 0 and wrk core 1 (taskset), so
# the server is measured on ONE core and the load generator cannot steal from it; "shared" runs
# let both use both cores, as they would if a coalition ran Accord and a browser on one small
# machine. Other processes on the machine are not stopped: the load average is printed with each
# result.
#
# Needs: wrk, curl, python3, util-linux (taskset) — Debian packages wrk, curl, python3, util-linux.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
WHAT=${1:-all}
WEB_INCIDENTS=${WEB_INCIDENTS:-100000}
SEARCH_INCIDENTS=${SEARCH_INCIDENTS:-1000000}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-16}
QUERIES=${QUERIES:-500}
TARGET=${CARGO_TARGET_DIR:-target}
OUT=$ROOT/target/bench-web
mkdir -p "$OUT"

for tool in wrk curl python3 taskset; do
  command -v "$tool" >/dev/null || { echo "bench/web: $tool is missing (apt-get install wrk curl python3 util-linux)" >&2; exit 1; }
done

BIN=${ACCORD_BIN:-$TARGET/release/accord}
if [ ! -x "$BIN" ]; then
  (cd web && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
  cargo build --release -p accord-cli
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

load() { cut -d' ' -f1-3 /proc/loadavg; }
log() { echo "$*" | tee -a "$OUT/summary.txt"; }

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap stop_server EXIT

# start_server DB PORT CPUS LOGFILE: serve DB on 127.0.0.1:PORT, restricted to CPUS (taskset list).
start_server() {
  local db=$1 port=$2 cpus=$3 logfile=$4
  ACCORD_LOG=info taskset -c "$cpus" "$BIN" --db "$db" serve --addr "127.0.0.1:$port" >"$logfile" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/login"; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$logfile" >&2; echo "bench/web: the server exited" >&2; exit 1; }
    sleep 0.1
  done
  echo "bench/web: the server did not start" >&2
  exit 1
}

# A browser's anonymous CSRF cookie: a returning visitor sends it, so the server does not mint one
# per request (a first-time visitor costs one getrandom more).
COOKIE="Cookie: accord_csrf=benchbenchbenchbenchbenchbenchbenchbench00"
# Browsers ask for compressed pages, and the server compresses (that costs CPU: it is measured).
GZIP="Accept-Encoding: gzip"

# generate DB N: a published case "bench" of N incidents (kept between runs).
generate() {
  local db=$1 n=$2
  # A database far smaller than a generated case is not one (a file left empty when the
  # database was deleted under a running server): generated anew.
  if [ -f "$db" ] && [ "$(stat -c %s "$db")" -lt 1048576 ]; then
    log "$db is too small to hold the case: generating it anew"
    rm -rf "$db" "$db"-wal "$db"-shm "$db".search "$db".search.lock "$db".evidence "$db".log-key
  fi
  if [ -f "$db" ]; then
    log "reusing $db ($n incidents)"
    return
  fi
  log "generating $n incidents into $db"
  /usr/bin/time -f "bench-data: wall %e s, user %U s, system %S s, peak RSS %M KB" \
    "$BIN" --db "$db" bench-data --incidents "$n" --seed 2017 --publish 2>&1 | tee -a "$OUT/summary.txt"
  ls -l "$db" | awk '{ printf "database: %.0f MB\n", $5 / 1048576 }' | tee -a "$OUT/summary.txt"
}

# wait_index LOGFILE: wait until the server's index is complete (rebuilt in the background, or
# found up to date at start).
wait_index() {
  local logfile=$1
  for _ in $(seq 1 6000); do
    if grep -qE "search index (rebuilt|up to date)" "$logfile"; then
      grep -E "search index (rebuilt|up to date)" "$logfile" | tail -1 | sed "s/\x1b\[[0-9;]*m//g" | tee -a "$OUT/summary.txt"
      return 0
    fi
    grep -q "search index rebuild failed" "$logfile" && { cat "$logfile" >&2; exit 1; }
    sleep 0.5
  done
  echo "bench/web: the index was not rebuilt within 50 minutes" >&2
  exit 1
}

web() {
  local db=$OUT/web-$WEB_INCIDENTS.db port=18431
  generate "$db" "$WEB_INCIDENTS"
  start_server "$db" "$port" 0 "$OUT/web-server.log"
  wait_index "$OUT/web-server.log"
  local base="http://127.0.0.1:$port/cases/bench"
  local km; km=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("ចាប់ខ្លួន"))')
  local pages=(
    "dashboard|$base"
    "timeline|$base/timeline"
    "timeline-page-40|$base/timeline?page=40"
    "timeline-kind|$base/timeline?kind=arrest"
    "timeline-actor|$base/timeline?actor=police"
    "timeline-kind-theme|$base/timeline?kind=arrest&theme=expression&from=2017-01-01&to=2018-12-31"
    "search-en|$base/timeline?q=journalists"
    "search-km|$base/timeline?q=$km"
  )
  for mode in pinned shared; do
    if [ "$mode" = shared ]; then
      stop_server
      start_server "$db" "$port" 0,1 "$OUT/web-server-shared.log"
    fi
    for entry in "${pages[@]}"; do
      local name=${entry%%|*} url=${entry#*|}
      # One request alone first: its status, compressed size and time (the cold cost: caches
      # of the case are filled by the first request after a start or a write).
      local first; first=$(curl -s -H "$COOKIE" -H "$GZIP" -o /dev/null -w '%{http_code} %{size_download} %{time_total}' "$url" || echo "failed 0 0")
      if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > 5 else 1)" "${first##* }" 2>/dev/null; then
        # Under load such a page would keep the server busy for minutes after wrk stops and
        # spoil the next measurements: it is reported from the lone request only.
        log "$(printf '%-6s %-18s not loaded with wrk: one request alone took %s s (%s)' "$mode" "$name" "${first##* }" "$first")"
        continue
      fi
      # Warm up (caches, first-use allocations), then measure. A request slower than wrk's
      # timeout would be left out of its latency statistics, so the timeout is long.
      local wrk=(wrk -c"$CONNECTIONS" --timeout 60s -H "$COOKIE" -H "$GZIP")
      if [ "$mode" = pinned ]; then wrk=(taskset -c 1 "${wrk[@]}" -t1); else wrk=("${wrk[@]}" -t2); fi
      "${wrk[@]}" -d3s "$url" >/dev/null
      "${wrk[@]}" -d"${DURATION}s" --latency "$url" >"$OUT/wrk-$mode-$name.txt"
      python3 "$ROOT/bench/web/wrk_summary.py" "$mode" "$name" "$first" "$(load)" <"$OUT/wrk-$mode-$name.txt" | tee -a "$OUT/summary.txt"
    done
  done
  local rss; rss=$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$SERVER_PID/status")
  log "web server peak RSS (shared run): $rss"
  stop_server
}

search() {
  local db=$OUT/search-$SEARCH_INCIDENTS.db port=18432
  generate "$db" "$SEARCH_INCIDENTS"
  # A fresh index: the server builds it on start, as after an upgrade or a restore.
  rm -rf "$db.search"
  log "index build on server start ($(load) load average)"
  start_server "$db" "$port" 0,1 "$OUT/search-server-build.log"
  wait_index "$OUT/search-server-build.log"
  awk '/VmHWM/ { printf "server peak RSS while building the index: %.0f MB\n", $2 / 1024 }' "/proc/$SERVER_PID/status" | tee -a "$OUT/summary.txt"
  du -sm "$db.search" | awk '{ print "index on disk: " $1 " MB" }' | tee -a "$OUT/summary.txt"
  stop_server

  # Serving: a fresh process on the built index, so its peak memory is that of serving alone.
  start_server "$db" "$port" 0,1 "$OUT/search-server.log"
  log "queries through the server, one at a time ($(load) load average)"
  python3 "$ROOT/bench/web/search_queries.py" "http://127.0.0.1:$port/cases/bench" "$QUERIES" "$SERVER_PID" \
    | tee -a "$OUT/summary.txt"
  stop_server
}

# cpu_ticks PID: the CPU time the process has used (all its threads, user and system), in clock
# ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# languages: English and Khmer readers of the same pages, on one server (both cores), rounds
# alternating en, km, en, km... Each page is first asked for once in each language, to check it
# is answered in that language (<html lang>) and to warm its caches. Besides requests/s, each
# run gives the server's CPU time per request (less moved than requests/s by the other work of
# a shared machine), and the end of the run the means per language and Khmer's ratio to English.
languages() {
  local db=$OUT/web-$WEB_INCIDENTS.db port=18433 rounds=${ROUNDS:-3}
  generate "$db" "$WEB_INCIDENTS"
  start_server "$db" "$port" 0,1 "$OUT/lang-server.log"
  wait_index "$OUT/lang-server.log"
  local base="http://127.0.0.1:$port/cases/bench"
  local pages=("dashboard|$base" "timeline|$base/timeline")
  : >"$OUT/lang-runs.txt"
  for entry in "${pages[@]}"; do
    local name=${entry%%|*} url=${entry#*|}
    for lang in en km; do
      local cookie="$COOKIE; accord_lang=$lang"
      local page; page=$(curl -s -H "$cookie" "$url")
      [[ $page == *"<html lang=\"$lang\">"* ]] || { echo "bench/web: $url is not answered in $lang" >&2; exit 1; }
      wrk -t2 -c"$CONNECTIONS" --timeout 60s -H "$cookie" -H "$GZIP" -d3s "$url" >/dev/null
    done
    for round in $(seq 1 "$rounds"); do
      for lang in en km; do
        local cookie="$COOKIE; accord_lang=$lang"
        local first; first=$(curl -s -H "$cookie" -H "$GZIP" -o /dev/null -w '%{http_code} %{size_download} %{time_total}' "$url")
        local before; before=$(cpu_ticks "$SERVER_PID")
        wrk -t2 -c"$CONNECTIONS" --timeout 60s -H "$cookie" -H "$GZIP" -d"${DURATION}s" --latency "$url" \
          >"$OUT/wrk-lang-$name-$lang-$round.txt"
        local cpu; cpu=$(( $(cpu_ticks "$SERVER_PID") - before ))
        python3 "$ROOT/bench/web/wrk_summary.py" "$lang#$round" "$name" "$first" "$(load)" "$cpu $(getconf CLK_TCK)" \
          <"$OUT/wrk-lang-$name-$lang-$round.txt" | tee -a "$OUT/summary.txt" "$OUT/lang-runs.txt"
      done
    done
  done
  stop_server
  python3 "$ROOT/bench/web/lang_means.py" <"$OUT/lang-runs.txt" | tee -a "$OUT/summary.txt"
}

{
  echo
  echo "== bench/web $WHAT, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(load)"
  echo "binary: $BIN"
} | tee -a "$OUT/summary.txt"

case $WHAT in
  web) web ;;
  languages) languages ;;
  search) search ;;
  all) web; search ;;
  *) echo "usage: bench/web/run.sh [web|languages|search|all]" >&2; exit 2 ;;
esac
