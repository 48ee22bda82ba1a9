#!/usr/bin/env python3
"""The anchor: pandas read_csv of the CSV, then sqlite3 executemany of the same rows into one
table (31 TEXT columns), in one transaction. Prints the seconds of each step and rows/s.

usage: pandas_sqlite.py IN.csv OUT.db
"""
import os
import sqlite3
import sys
import time

import pandas as pd


def main():
    src, db = sys.argv[1], sys.argv[2]
    if os.path.exists(db):
        os.remove(db)
    t0 = time.perf_counter()
    df = pd.read_csv(src, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    t1 = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    cols = list(df.columns)
    con.execute(f"CREATE TABLE events ({', '.join(c + ' TEXT' for c in cols)})")
    rows = df.itertuples(index=False, name=None)
    with con:
        con.executemany(f"INSERT INTO events VALUES ({', '.join('?' for _ in cols)})", rows)
    con.close()
    t2 = time.perf_counter()
    n = len(df)
    print(f"pandas read_csv {t1 - t0:.2f} s, executemany {t2 - t1:.2f} s ({n / (t2 - t1):.0f} rows/s), "
          f"total {t2 - t0:.2f} s: {n / (t2 - t0):.0f} rows/s")


if __name__ == "__main__":
    main()
