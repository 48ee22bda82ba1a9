#!/bin/sh
# Table and bundle imports, side by side with their anchors in one run (bench/RESULTS.md,
# "Imports"). Needs python3-pandas (Debian) and a release build:
#   cargo build --release -p accord-cli
#   ACCORD_BIN=target/release/accord BEFORE_BIN=/path/to/accord-of-before bench/import/run.sh
# BEFORE_BIN, when given, imports the table and the bundle too, each just before this build.
# Then the same bundle into a throwaway PostgreSQL cluster (Debian's postgresql; POSTGRES=0 skips).
# ROWS (default 1000000) ACLED-shaped rows; INCIDENTS (default 1000000) for the bundle;
# SKIP_TABLES=1 runs only the bundle part. WORK (default target/bench-import) holds the files.
# PRIO: a prefix for every timed command, e.g. PRIO="chrt -f 50" on a machine shared with other
# work, so that the import gets both cores while it runs (bench/RESULTS.md says when it was used).
set -eu
BIN=${ACCORD_BIN:-target/release/accord}
BEFORE=${BEFORE_BIN:-}
ROWS=${ROWS:-1000000}
# A million generated incidents (about 1.35 million records): exported as shard files of at most
# 10,000 records each (docs/case-format.md, "Large cases").
INCIDENTS=${INCIDENTS:-1000000}
ROUNDS=${ROUNDS:-1}
HERE=$(dirname "$0")
WORK=${WORK:-target/bench-import}
mkdir -p "$WORK"
PRIO=${PRIO:-}
TIME="$PRIO /usr/bin/time -f %e_s_%U_user_%S_sys_%M_KB"
# The time of day and the load average (other work on the machine) before each timed command.
timed() {
    echo "   $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    $TIME "$@"
}
# Debian's python3 has python3-pandas (a pyenv python earlier on PATH may not).
PY=${PYTHON:-/usr/bin/python3}

if [ -z "${SKIP_TABLES:-}" ]; then
echo "== ACLED-shaped CSV, $ROWS rows"
[ -f "$WORK/acled-$ROWS.csv" ] || "$PY" "$HERE/gen_acled.py" "$ROWS" "$WORK/acled-$ROWS.csv"
ls -l "$WORK/acled-$ROWS.csv"
for round in $(seq 1 "$ROUNDS"); do
    echo "-- round $round: anchor (pandas read_csv + sqlite3 executemany into one table)"
    timed "$PY" "$HERE/pandas_sqlite.py" "$WORK/acled-$ROWS.csv" "$WORK/anchor.db"
    if [ -n "$BEFORE" ]; then
        echo "-- round $round: the build before, accord import --format acled"
        rm -rf "$WORK/acled-before.db"*
        timed "$BEFORE" --db "$WORK/acled-before.db" import "$WORK/acled-$ROWS.csv" --format acled \
            --case bench
        rm -rf "$WORK/acled-before.db"*
    fi
    echo "-- round $round: accord import --format acled"
    rm -rf "$WORK/acled.db"*
    timed "$BIN" --db "$WORK/acled.db" import "$WORK/acled-$ROWS.csv" --format acled --case bench
    echo "-- round $round: the same file again (nothing changes)"
    timed "$BIN" --db "$WORK/acled.db" import "$WORK/acled-$ROWS.csv" --format acled --case bench
done
fi

echo "== bundle of $INCIDENTS generated incidents"
if [ ! -d "$WORK/bundle-$INCIDENTS" ]; then
    rm -rf "$WORK/gen.db"*
    "$BIN" --db "$WORK/gen.db" bench-data --incidents "$INCIDENTS" --seed 2017 --case bench
    timed "$BIN" --db "$WORK/gen.db" export bench "$WORK/bundle-$INCIDENTS"
fi
du -sb "$WORK/bundle-$INCIDENTS"
for round in $(seq 1 "$ROUNDS"); do
    if [ -n "$BEFORE" ]; then
        echo "-- round $round: the build before"
        rm -rf "$WORK/before.db"*
        # A build from before shard files refuses a bundle past 64 MiB a file or 512 MiB in all.
        timed "$BEFORE" --db "$WORK/before.db" import "$WORK/bundle-$INCIDENTS" ||
            echo "the build before refused the bundle"
    fi
    echo "-- round $round: this build"
    rm -rf "$WORK/after.db"*
    timed "$BIN" --db "$WORK/after.db" import "$WORK/bundle-$INCIDENTS"
done
"$BIN" --db "$WORK/after.db" verify

# The same bundle into PostgreSQL (issue 13 §5), unless POSTGRES=0: a throwaway cluster of
# Debian's PostgreSQL in a temporary directory (socket only, default settings: fsync on), as in
# scripts/test-postgres, stopped and removed at the end.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ "${POSTGRES:-1}" != 0 ] && [ -n "$PG_BIN" ]; then
    echo "== the same bundle into PostgreSQL ($("$PG_BIN/postgres" --version))"
    AS_OWNER=""
    [ "$(id -u)" = 0 ] && AS_OWNER="runuser -u nobody --"
    PG_DIR=$(mktemp -d /tmp/accord-bench-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown nobody "$PG_DIR"
    PG_FILES=$(mktemp -d /tmp/accord-bench-pgfiles.XXXXXX)
    stop_pg() {
        $AS_OWNER "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$PG_DIR" "$PG_FILES"
    }
    trap stop_pg EXIT
    $AS_OWNER "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U accord -E UTF8 --locale=C.UTF-8 \
        >"$PG_DIR/initdb.log"
    # The server's processes get PRIO too: they do half of the import's work.
    $PRIO $AS_OWNER "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
        -o "-k $PG_DIR -c listen_addresses= -p 5432" start >/dev/null
    URL="postgres://accord@localhost/bench?host=$PG_DIR&port=5432"
    pg_import() { # $1: the binary
        "$PG_BIN/psql" -q -h "$PG_DIR" -p 5432 -U accord -d postgres \
            -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench"
        rm -rf "$PG_FILES"/*
        mkdir "$PG_FILES/evidence"
        timed "$1" --db "$URL" --evidence-dir "$PG_FILES/evidence" --log-key "$PG_FILES/log-key" \
            import "$WORK/bundle-$INCIDENTS"
    }
    for round in $(seq 1 "$ROUNDS"); do
        if [ -n "$BEFORE" ]; then
            echo "-- round $round: the build before, PostgreSQL"
            pg_import "$BEFORE" || echo "the build before failed"
        fi
        echo "-- round $round: this build, PostgreSQL"
        pg_import "$BIN"
    done
    "$BIN" --db "$URL" --evidence-dir "$PG_FILES/evidence" --log-key "$PG_FILES/log-key" verify
fi
