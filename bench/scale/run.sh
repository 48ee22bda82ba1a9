#!/usr/bin/env bash
# Scale-out web benchmark (issue 13 §5, web part), on a release build, over loopback, three setups
# side by side in one run:
#
#   sqlite-1   one `accord serve` on a SQLite file
#   pg-1       one `accord serve` on PostgreSQL (a throwaway cluster of this script's own)
#   pg-2-nginx two `accord serve` on that same PostgreSQL database behind nginx, which runs with
#              deploy/nginx.conf itself (TLS included); only ports, certificate files and the
#              paths nginx writes to are substituted
#
# Each setup serves the same generated published case "bench" of WEB_INCIDENTS incidents and is
# measured with wrk: the dashboard, the timeline and an English search (reads, CONNECTIONS
# connections), then incident creation through the JSON API with WRITERS (8) concurrent writers.
# Requests/s, p50 and p99 per line. Goals: reads on PostgreSQL within 30 % of SQLite on one
# server; writes with concurrent writers at least 2x SQLite's.
#
# Usage: bench/scale/run.sh. Environment: WEB_INCIDENTS (100000), DURATION (wrk seconds, 15),
# CONNECTIONS (16), WRITERS (8), ACCORD_BIN (default $CARGO_TARGET_DIR/release/accord, built here
# if missing), PARTS ("reads writes": which measurements; "writes" alone measures only the API
# writes), SETUPS ("sqlite-1 pg-1 pg-2-nginx": which setups, in that order). Results: target/bench-scale/summary.txt (and a log per server). The databases are
# made anew at each run.
#
# Needs: wrk, curl, python3, nginx, openssl, PostgreSQL's server binaries (Debian packages wrk,
# curl, python3, nginx-light or nginx, openssl, postgresql). Run as root (the cluster runs as
# `nobody`, since initdb refuses root) or as an ordinary user.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
WEB_INCIDENTS=${WEB_INCIDENTS:-100000}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-16}
WRITERS=${WRITERS:-8}
PARTS=${PARTS:-reads writes}
SETUPS=${SETUPS:-sqlite-1 pg-1 pg-2-nginx}
wants() { case " $1 " in *" $2 "*) return 0 ;; *) return 1 ;; esac; }
TARGET=${CARGO_TARGET_DIR:-target}
OUT=$ROOT/target/bench-scale
rm -rf "$OUT"
mkdir -p "$OUT"

for tool in wrk curl python3 nginx openssl; do
  command -v "$tool" >/dev/null || { echo "bench/scale: $tool is missing (apt-get install wrk curl python3 nginx-light openssl)" >&2; exit 1; }
done
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PG_BIN/initdb" ] || { echo "bench/scale: PostgreSQL is missing (apt-get install postgresql)" >&2; exit 1; }

BIN=${ACCORD_BIN:-$TARGET/release/accord}
if [ ! -x "$BIN" ]; then
  cargo build --release -p accord-cli
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

load() { cut -d' ' -f1-3 /proc/loadavg; }
log() { echo "$*" | tee -a "$OUT/summary.txt"; }

PIDS=()
as_owner=()
[ "$(id -u)" = 0 ] && as_owner=(runuser -u nobody --)
PG_DIR=$OUT/pg
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$OUT/nginx.pid" ] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# A throwaway PostgreSQL cluster: a Unix socket in $PG_DIR, no TCP port, trust authentication.
mkdir -p "$PG_DIR"
[ "$(id -u)" = 0 ] && chown nobody "$PG_DIR"
"${as_owner[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U accord >/dev/null
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-k $PG_DIR -c listen_addresses='' -p 5432 -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
psql "postgresql://accord@localhost/postgres?host=$PG_DIR&port=5432" -qc "CREATE DATABASE accord_bench" >/dev/null
PG_URL="postgres://accord@localhost/accord_bench?host=$PG_DIR&port=5432"
SQLITE_DB=$OUT/bench.db
mkdir -p "$OUT/evidence"

PASSWORD="bench password, long enough"
TOKENS=()
# prepare DB: the case, published, an administrator and an API token for the writers.
# A PostgreSQL database has no directory beside it for the log's key: its servers share one file.
key_of() { case $1 in postgres*) echo "$OUT/pg.log-key" ;; *) echo "$1.log-key" ;; esac; }
prepare() {
  local db=$1
  /usr/bin/time -f "bench-data: wall %e s" "$BIN" --db "$db" --evidence-dir "$OUT/evidence" --log-key "$(key_of "$db")" \
    bench-data --incidents "$WEB_INCIDENTS" --seed 2017 --publish 2>&1 | tail -n 1 | tee -a "$OUT/summary.txt" >&2
  echo "$PASSWORD" | "$BIN" --db "$db" --evidence-dir "$OUT/evidence" --log-key "$(key_of "$db")" user add bench@example.org --admin --password-stdin >/dev/null
  "$BIN" --db "$db" --evidence-dir "$OUT/evidence" --log-key "$(key_of "$db")" user token bench@example.org writers
}
log "scale-out benchmark: $WEB_INCIDENTS incidents, $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?'), load $(load)"
if wants "$SETUPS" sqlite-1; then
  log "sqlite: $SQLITE_DB"
  SQLITE_TOKEN=$(prepare "$SQLITE_DB")
fi
if wants "$SETUPS" pg-1 || wants "$SETUPS" pg-2-nginx; then
  log "postgres: $PG_URL"
  PG_TOKEN=$(prepare "$PG_URL")
fi

# serve DB PORT NAME: one server, with its own search index; waits until its index is complete.
serve() {
  local db=$1 port=$2 name=$3
  ACCORD_LOG=info "$BIN" --db "$db" --evidence-dir "$OUT/evidence" --log-key "$(key_of "$db")" serve --addr "127.0.0.1:$port" \
    --search-dir "$OUT/$name.search" --trusted-proxy 127.0.0.1 >"$OUT/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 6000); do
    if grep -qsE "search index (rebuilt|up to date)" "$OUT/$name.log" && grep -qs "is serving" "$OUT/$name.log"; then return 0; fi
    grep -qsE "search index rebuild failed|^Error" "$OUT/$name.log" && { cat "$OUT/$name.log" >&2; exit 1; }
    kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$OUT/$name.log" >&2; echo "bench/scale: $name exited" >&2; exit 1; }
    sleep 0.2
  done
  echo "bench/scale: $name's index was not built" >&2
  exit 1
}

# nginx with deploy/nginx.conf: ports, certificate and writable paths substituted, nothing else.
proxy() {
  local port=$1 a=$2 b=$3
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
    -keyout "$OUT/tls-key.pem" -out "$OUT/tls-cert.pem" >/dev/null 2>&1
  mkdir -p "$OUT/nginx-tmp"
  sed -e "s|^pid .*|pid $OUT/nginx.pid;|" \
    -e "s|^error_log .*|error_log $OUT/nginx-error.log warn;|" \
    -e "s|client_body_temp_path .*;|client_body_temp_path $OUT/nginx-tmp/body;|" \
    -e "s|proxy_temp_path .*;|proxy_temp_path $OUT/nginx-tmp/proxy;|" \
    -e "s|server 127.0.0.1:8081 |server 127.0.0.1:$a |" \
    -e "s|server 127.0.0.1:8082 |server 127.0.0.1:$b |" \
    -e "s|listen 80; |listen 127.0.0.1:$((port + 1)); |" \
    -e "s|listen 443 ssl|listen 127.0.0.1:$port ssl|" \
    -e "s|ssl_certificate /etc/accord/tls/fullchain.pem;|ssl_certificate $OUT/tls-cert.pem;|" \
    -e "s|ssl_certificate_key /etc/accord/tls/privkey.pem;|ssl_certificate_key $OUT/tls-key.pem;|" \
    deploy/nginx.conf >"$OUT/nginx.conf"
  diff deploy/nginx.conf "$OUT/nginx.conf" >"$OUT/nginx.conf.diff" || true
  nginx -c "$OUT/nginx.conf" -e "$OUT/nginx-error.log"
  for _ in $(seq 1 100); do
    curl -ksf -o /dev/null "https://127.0.0.1:$port/login" && return 0
    sleep 0.1
  done
  echo "bench/scale: nginx did not answer" >&2
  exit 1
}

# CPU accounting of a measurement, in clock ticks: the servers' own (SERVERS: their pids) and the
# whole machine's busy time (the servers, PostgreSQL, nginx, wrk and anything else running).
SERVERS=()
HZ=$(getconf CLK_TCK)
server_ticks() {
  local t=0 f
  for pid in "${SERVERS[@]}"; do
    read -r -a f <"/proc/$pid/stat"
    t=$((t + f[13] + f[14]))
  done
  echo "$t"
}
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }

COOKIE="Cookie: accord_csrf=benchbenchbenchbenchbenchbenchbenchbench00"
GZIP="Accept-Encoding: gzip"
# measure SETUP BASE TOKEN: reads, then writes.
measure() {
  local setup=$1 base=$2 token=$3
  local pages=("dashboard|$base/cases/bench" "timeline|$base/cases/bench/timeline" "search-en|$base/cases/bench/timeline?q=journalists")
  wants "$PARTS" reads || pages=()
  for entry in "${pages[@]}"; do
    local name=${entry%%|*} url=${entry#*|}
    local first; first=$(curl -ks -H "$COOKIE" -H "$GZIP" -o /dev/null -w '%{http_code} %{size_download} %{time_total}' "$url" || echo "failed 0 0")
    wrk -t2 -c"$CONNECTIONS" --timeout 60s -H "$COOKIE" -H "$GZIP" -d3s "$url" >/dev/null
    wrk -t2 -c"$CONNECTIONS" --timeout 60s -H "$COOKIE" -H "$GZIP" -d"${DURATION}s" --latency "$url" >"$OUT/wrk-$setup-$name.txt"
    python3 "$ROOT/bench/web/wrk_summary.py" "$setup" "$name" "$first" "$(load)" <"$OUT/wrk-$setup-$name.txt" | tee -a "$OUT/summary.txt"
  done
  wants "$PARTS" writes || return 0
  # Incident creation through the API, WRITERS connections each writing one after another.
  local url="$base/api/v1/cases/bench/incidents"
  local body='{"title": "Bench write: offices searched", "date": "2030-01-01", "kind": "other", "sensitivity": "public"}'
  local first; first=$(curl -ks -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d "$body" -o /dev/null -w '%{http_code} %{size_download} %{time_total}' "$url" || echo "failed 0 0")
  cat >"$OUT/write.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
LUA
  local s0 m0 s1 m1
  s0=$(server_ticks); m0=$(machine_ticks)
  wrk -t2 -c"$WRITERS" --timeout 60s -s "$OUT/write.lua" -d"${DURATION}s" --latency "$url" >"$OUT/wrk-$setup-write.txt"
  s1=$(server_ticks); m1=$(machine_ticks)
  python3 "$ROOT/bench/web/wrk_summary.py" "$setup" "api-create-$WRITERS" "$first" "$(load)" \
    "$((s1 - s0)) $HZ" "$((m1 - m0))" <"$OUT/wrk-$setup-write.txt" | tee -a "$OUT/summary.txt"
}

if wants "$SETUPS" sqlite-1; then
  serve "$SQLITE_DB" 18451 sqlite-1
  SERVERS=("${PIDS[-1]}")
  log "--- sqlite-1: one server on SQLite ($(load) load)"
  measure sqlite-1 "http://127.0.0.1:18451" "$SQLITE_TOKEN"
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
fi

if wants "$SETUPS" pg-1; then
  serve "$PG_URL" 18452 pg-1
  SERVERS=("${PIDS[-1]}")
  log "--- pg-1: one server on PostgreSQL ($(load) load)"
  measure pg-1 "http://127.0.0.1:18452" "$PG_TOKEN"
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
fi

if wants "$SETUPS" pg-2-nginx; then
  serve "$PG_URL" 18453 pg-2a
  serve "$PG_URL" 18454 pg-2b
  SERVERS=("${PIDS[-2]}" "${PIDS[-1]}")
  proxy 18455 18453 18454
  log "--- pg-2-nginx: two servers on PostgreSQL behind nginx with deploy/nginx.conf, over TLS ($(load) load; substitutions: $(grep -c '^>' "$OUT/nginx.conf.diff") lines)"
  measure pg-2-nginx "https://127.0.0.1:18455" "$PG_TOKEN"
fi
log "done ($(load) load)"
