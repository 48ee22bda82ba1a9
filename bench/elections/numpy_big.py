"""One D'Hondt allocation with numpy, two ways.

Usage: numpy_big.py ELECTION.json sort|bounded
sort:    every quotient v / k for k = 1..S, the S largest by argpartition (the textbook batch).
bounded: the D'Hondt divisor lies in [V / (S + n), V / S], so party i has between
         floor(v_i S / V) and floor(v_i (S + n) / V) seats; only quotients in that band are
         formed and ranked (numpy's best we found).
Prints the seats of the first five parties.
"""
import json
import sys

import numpy as np

c = json.load(open(sys.argv[1]))["constituencies"][0]
names = list(c["votes"])
v = np.array([c["votes"][p] for p in names], dtype=np.float64)
S, n, V = c["seats"], len(v), v.sum()
if sys.argv[2] == "sort":
    q = (v[:, None] / np.arange(1, S + 1)[None, :]).ravel()
    top = np.argpartition(-q, S - 1)[:S]
    seats = np.bincount(top // S, minlength=n)
else:
    lo = np.floor(v * S / V).astype(np.int64)
    hi = np.floor(v * (S + n) / V).astype(np.int64)
    width = int((hi - lo).max())
    k = lo[:, None] + 1 + np.arange(width)[None, :]
    q = np.where(k <= hi[:, None], v[:, None] / k, -np.inf)
    left = S - int(lo.sum())
    flat = q.ravel()
    top = np.argpartition(-flat, left - 1)[:left] if left > 0 else np.array([], dtype=np.int64)
    seats = lo + np.bincount(top // width, minlength=n)
assert seats.sum() == S
print(dict(zip(names[:5], seats[:5].tolist())))
