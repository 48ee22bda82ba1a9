#!/bin/sh
# Table and bundle imports, side by side with their anchors in one run (bench/RESULTS.md,
# "Imports"). Needs python3-pandas (Debian) and a release build:
#   cargo build --release -p accord-cli
#   ACCORD_BIN=target/release/accord BEFORE_BIN=/path/to/accord-of-before bench/import/run.sh
# ROWS (default 1000000) ACLED-shaped rows; INCIDENTS (default 1000000) for the bundle;
# SKIP_TABLES=1 runs only the bundle part.
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
TIME="/usr/bin/time -f %e_s_%M_KB"
# Debian's python3 has python3-pandas (a pyenv python earlier on PATH may not).
PY=${PYTHON:-/usr/bin/python3}

if [ -z "${SKIP_TABLES:-}" ]; then
echo "== ACLED-shaped CSV, $ROWS rows"
[ -f "$WORK/acled-$ROWS.csv" ] || "$PY" "$HERE/gen_acled.py" "$ROWS" "$WORK/acled-$ROWS.csv"
ls -l "$WORK/acled-$ROWS.csv"
for round in $(seq 1 "$ROUNDS"); do
    echo "-- round $round: anchor (pandas read_csv + sqlite3 executemany into one table)"
    $TIME "$PY" "$HERE/pandas_sqlite.py" "$WORK/acled-$ROWS.csv" "$WORK/anchor.db"
    echo "-- round $round: accord import --format acled"
    rm -rf "$WORK/acled.db"*
    $TIME "$BIN" --db "$WORK/acled.db" import "$WORK/acled-$ROWS.csv" --format acled --case bench
    echo "-- round $round: the same file again (nothing changes)"
    $TIME "$BIN" --db "$WORK/acled.db" import "$WORK/acled-$ROWS.csv" --format acled --case bench
done
fi

echo "== bundle of $INCIDENTS generated incidents"
if [ ! -d "$WORK/bundle-$INCIDENTS" ]; then
    rm -rf "$WORK/gen.db"*
    "$BIN" --db "$WORK/gen.db" bench-data --incidents "$INCIDENTS" --seed 2017 --case bench
    $TIME "$BIN" --db "$WORK/gen.db" export bench "$WORK/bundle-$INCIDENTS"
fi
du -sb "$WORK/bundle-$INCIDENTS"
for round in $(seq 1 "$ROUNDS"); do
    if [ -n "$BEFORE" ]; then
        echo "-- round $round: the build before"
        rm -rf "$WORK/before.db"*
        # A build from before shard files refuses a bundle past 64 MiB a file or 512 MiB in all.
        $TIME "$BEFORE" --db "$WORK/before.db" import "$WORK/bundle-$INCIDENTS" ||
            echo "the build before refused the bundle"
    fi
    echo "-- round $round: this build"
    rm -rf "$WORK/after.db"*
    $TIME "$BIN" --db "$WORK/after.db" import "$WORK/bundle-$INCIDENTS"
done
"$BIN" --db "$WORK/after.db" verify
