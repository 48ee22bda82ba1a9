#!/usr/bin/env bash
# Evidence uploads to S3-compatible object storage (issue 13 §3; §5 names no S3 figure), on a
# release build, over loopback: a file of SIZE_MB MiB uploaded through the API (streamed: curl -T)
# to two servers side by side — one keeping evidence in a directory next to its database, one in a
# bucket of a local S3 server (moto's server mode, as scripts/test runs it) — and the anchor, the
# same file PUT straight into the S3 server by curl in one request (what the emulator itself
# takes). Then the stored file downloaded from both servers. The servers' resident memory before
# and after, and its peak: the file must never sit in memory.
#
# Rounds alternate A B C A B C ... after one warm-up round, each round starting one command
# further on (bench/evidence/run.sh's `alternate`, copied); figures are wall seconds, median
# (min-max), and each command's median ratio to the first, round by round.
#
# Usage: bench/evidence-s3/run.sh. Environment: ACCORD_BIN (default target/release/accord), RUNS
# (rounds, 3), SIZE_MB (1024). Results: target/bench-evidence-s3/summary.txt. Needs curl (7.75 or
# later, for --aws-sigv4), python3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-3}
SIZE_MB=${SIZE_MB:-1024}
OUT=$ROOT/target/bench-evidence-s3
BIN=${ACCORD_BIN:-$ROOT/target/release/accord}
mkdir -p "$OUT"
log() { echo "$*" | tee -a "$OUT/summary.txt"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
trap stop_all EXIT

# The S3 server, installed as scripts/test installs it.
moto_version=5.2.6
moto_venv="${XDG_CACHE_HOME:-$HOME/.cache}/accord-test/moto-$moto_version"
if [ ! -x "$moto_venv/bin/moto_server" ]; then
  python3 -m venv "$moto_venv"
  "$moto_venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$moto_version"
fi
S3_PORT=18190
"$moto_venv/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$OUT/moto.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$S3_PORT/" && break; sleep 0.1; done
curl -fsS -o /dev/null -X PUT "http://127.0.0.1:$S3_PORT/accord-bench"
export AWS_ENDPOINT="http://127.0.0.1:$S3_PORT" AWS_ALLOW_HTTP=true AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
# The anchor's requests are signed as Accord's are (moto refused an unsigned 1 GiB PUT with 403).
SIGN="--aws-sigv4 aws:amz:us-east-1:s3 --user bench:bench"

# setup DIR: a database in DIR with the example case, an editor and an API token ($TOKEN).
setup() {
  local dir=$1
  rm -rf "$dir"; mkdir -p "$dir"
  "$BIN" --db "$dir/accord.db" import docs/examples/minimal-case >/dev/null
  echo "bench-password-1234" | "$BIN" --db "$dir/accord.db" user add bench@example.org --password-stdin >/dev/null
  "$BIN" --db "$dir/accord.db" case grant example-2030 bench@example.org --role editor >/dev/null
  TOKEN=$("$BIN" --db "$dir/accord.db" user token bench@example.org bench | grep -Eo '[A-Za-z0-9_-]{30,}' | tail -1)
}

# start DIR PORT [EVIDENCE_STORE]: a server in the background ($SERVER_PID).
start() {
  local dir=$1 port=$2 store=()
  [ -n "${3:-}" ] && store=(--evidence-store "$3")
  "$BIN" --db "$dir/accord.db" "${store[@]}" serve --addr "127.0.0.1:$port" >"$dir/serve.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/login" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$dir/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}

# alternate RUNS MIB LABEL CMD [LABEL CMD ...]: as in bench/evidence/run.sh.
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

FILE=$OUT/upload.bin
[ -f "$FILE" ] && [ "$(stat -c %s "$FILE")" = $((SIZE_MB * 1048576)) ] || head -c $((SIZE_MB * 1048576)) /dev/urandom >"$FILE"
EVIDENCE="api/v1/cases/example-2030/incidents/party-dissolved/evidence?file_name=upload.bin"
upload() { # PORT TOKEN
  echo "curl -fsS -o /dev/null -X POST -H 'Authorization: Bearer $2' -H 'Content-Type: application/octet-stream' -T $FILE 'http://127.0.0.1:$1/$EVIDENCE'"
}
setup "$OUT/dir"
start "$OUT/dir" 18191
DIR_TOKEN=$TOKEN DIR_PID=$SERVER_PID
setup "$OUT/s3"
start "$OUT/s3" 18192 "s3://accord-bench/accord"
S3_TOKEN=$TOKEN S3_PID=$SERVER_PID
before_dir=$(rss_kb "$DIR_PID") before_s3=$(rss_kb "$S3_PID")
log "== upload of $SIZE_MB MiB, $RUNS rounds, $(date -u +%FT%TZ), load $(load), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
alternate "$RUNS" "$SIZE_MB" \
  "evidence in a directory" "$(upload 18191 "$DIR_TOKEN")" \
  "evidence in S3 (moto)" "$(upload 18192 "$S3_TOKEN")" \
  "anchor: curl PUT into moto" "curl -fsS -o /dev/null $SIGN -T $FILE http://127.0.0.1:$S3_PORT/accord-bench/anchor.bin" \
  2>&1 | tee -a "$OUT/summary.txt"
id_of() { # PORT TOKEN
  curl -fsS -X POST -H "Authorization: Bearer $2" -H 'Content-Type: application/octet-stream' -T "$FILE" \
    "http://127.0.0.1:$1/$EVIDENCE" | grep -Eo '"id": *"[^"]+"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/'
}
DIR_ID=$(id_of 18191 "$DIR_TOKEN") S3_ID=$(id_of 18192 "$S3_TOKEN")
download() { # PORT TOKEN ID
  echo "curl -fsS -o /dev/null -H 'Authorization: Bearer $2' 'http://127.0.0.1:$1/api/v1/cases/example-2030/evidence/$3/file'"
}
log "== download of $SIZE_MB MiB, $RUNS rounds, $(date -u +%FT%TZ), load $(load)"
alternate "$RUNS" "$SIZE_MB" \
  "evidence in a directory" "$(download 18191 "$DIR_TOKEN" "$DIR_ID")" \
  "evidence in S3 (moto)" "$(download 18192 "$S3_TOKEN" "$S3_ID")" \
  "anchor: curl GET from moto" "curl -fsS -o /dev/null $SIGN http://127.0.0.1:$S3_PORT/accord-bench/anchor.bin" \
  2>&1 | tee -a "$OUT/summary.txt"
log "server RSS, directory: before ${before_dir} kB, after $(rss_kb "$DIR_PID") kB, peak $(hwm_kb "$DIR_PID") kB"
log "server RSS, S3:        before ${before_s3} kB, after $(rss_kb "$S3_PID") kB, peak $(hwm_kb "$S3_PID") kB"
stop_all
