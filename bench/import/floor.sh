#!/bin/sh
# The floor of an import: how long the database engine alone takes to store the rows an import
# wrote, with no Accord code at all (bench/RESULTS.md, "What the engines allow").
#
#   bench/import/floor.sh sqlite SRC.db [WORK_DIR]
#     A fresh database with SRC.db's schema, then in ONE transaction, with the store's settings
#     (WAL, synchronous NORMAL, foreign keys, secure_delete, a 64 MiB page cache, statement
#     journals in memory, the secondary indexes dropped and built again before the commit, as
#     the bulk path does): every row of every table of SRC.db copied by the sqlite3 shell
#     (`INSERT ... SELECT` across an attached database, in C; a WHERE clause keeps SQLite from
#     copying raw pages). Nothing is parsed, mapped, hashed or bound: what is left is SQLite's
#     B-tree work and the I/O of those rows.
#   bench/import/floor.sh postgres URL [WORK_DIR]
#     `pg_dump -Fc` of the database at URL, then `pg_restore --single-transaction` into a new
#     database beside it: PostgreSQL's own loader (COPY, then the indexes and constraints).
#
# The time of day, the load average and /usr/bin/time's figures are printed for each step.
set -eu
KIND=${1:?usage: floor.sh sqlite SRC.db | postgres URL}
SRC=${2:?usage: floor.sh sqlite SRC.db | postgres URL}
WORK=${3:-target/bench-import/floor}
mkdir -p "$WORK"
TIME="/usr/bin/time -f %e_s_%U_user_%S_sys_%M_KB"
stamp() { echo "   $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"; }

case "$KIND" in
sqlite)
    DST="$WORK/floor.db"
    rm -rf "$DST" "$DST-wal" "$DST-shm"
    sqlite3 "$SRC" .schema | grep -v '^CREATE TABLE sqlite_' >"$WORK/schema.sql"
    sqlite3 "$DST" <"$WORK/schema.sql"
    sqlite3 "$DST" "PRAGMA journal_mode = WAL" >/dev/null
    SQL="$WORK/floor.sql"
    {
        echo "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
        echo "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"
        echo "ATTACH '$SRC' AS src;"
        echo "BEGIN; PRAGMA defer_foreign_keys = ON;"
        sqlite3 "$SRC" "SELECT 'DROP INDEX \"' || name || '\";' FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        sqlite3 "$SRC" "SELECT 'INSERT INTO main.\"' || name || '\" SELECT * FROM src.\"' || name
            || '\" WHERE rowid IS NOT NULL;' FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%WITHOUT ROWID%'
            ORDER BY rowid"
        sqlite3 "$SRC" "SELECT 'INSERT INTO main.\"' || name || '\" SELECT * FROM src.\"' || name
            || '\" WHERE 1 = 1;' FROM sqlite_master
            WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%' ORDER BY rowid"
        echo "PRAGMA temp_store = DEFAULT;"
        sqlite3 "$SRC" "SELECT sql || ';' FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        echo "COMMIT;"
    } >"$SQL"
    echo "-- sqlite3 $(sqlite3 --version | cut -d' ' -f1): every row of $SRC into a fresh database, one transaction"
    stamp
    $TIME sqlite3 "$DST" <"$SQL"
    ls -l "$SRC" "$DST"
    for t in incidents record_versions log_entries; do
        echo "   $t: $(sqlite3 "$SRC" "SELECT count(*) FROM $t") in the source, $(sqlite3 "$DST" "SELECT count(*) FROM $t") copied"
    done
    ;;
postgres)
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    DUMP="$WORK/floor.pgdump"
    echo "-- pg_dump -Fc of $SRC"
    stamp
    $TIME "$PG_BIN/pg_dump" -Fc -Z 0 -f "$DUMP" -d "$SRC"
    ls -l "$DUMP"
    # The new database is made beside the source (same cluster, same connection settings).
    FLOOR_URL=$(printf '%s' "$SRC" | sed 's#^\(postgres[a-z]*://[^/]*/\)[^?]*#\1accord_floor#')
    ADMIN_URL=$(printf '%s' "$SRC" | sed 's#^\(postgres[a-z]*://[^/]*/\)[^?]*#\1postgres#')
    "$PG_BIN/psql" -q -d "$ADMIN_URL" -c "DROP DATABASE IF EXISTS accord_floor" \
        -c "CREATE DATABASE accord_floor"
    echo "-- pg_restore --single-transaction into a new database"
    stamp
    $TIME "$PG_BIN/pg_restore" --single-transaction --no-owner -d "$FLOOR_URL" "$DUMP"
    for t in incidents record_versions log_entries; do
        echo "   $t: $("$PG_BIN/psql" -At -d "$FLOOR_URL" -c "SELECT count(*) FROM $t") copied"
    done
    "$PG_BIN/psql" -q -d "$ADMIN_URL" -c "DROP DATABASE accord_floor"
    ;;
*)
    echo "floor.sh: the first argument is sqlite or postgres, not $KIND" >&2
    exit 2
    ;;
esac
