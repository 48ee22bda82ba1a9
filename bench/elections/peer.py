"""The Python peer: the `apportionment` package (PyPI), one call per allocation.

Usage: peer.py mc ELECTION.json RUNS SEED | peer.py big ELECTION.json
mc:  numpy Gamma draws as in numpy_mc.py, then apportionment.methods.compute("dhondt", ...)
     for each constituency of each run.
big: one compute("dhondt", votes, 10000) call.
"""
import json
import sys

import numpy as np
from apportionment import methods

mode, path = sys.argv[1], sys.argv[2]
election = json.load(open(path))
if mode == "big":
    c = election["constituencies"][0]
    seats = methods.compute("dhondt", list(c["votes"].values()), c["seats"], parties=list(c["votes"]), verbose=False)
    print(sum(seats))
else:
    runs, seed = int(sys.argv[3]), int(sys.argv[4])
    rng = np.random.default_rng(seed)
    total_seats = 0
    for c in election["constituencies"]:
        observed = np.array(list(c["votes"].values()), dtype=np.float64)
        total = observed.sum()
        g = rng.gamma(400.0 * observed / total, size=(runs, len(observed)))
        votes = g / g.sum(axis=1, keepdims=True) * total
        for r in range(runs):
            total_seats += sum(methods.compute("dhondt", votes[r].tolist(), c["seats"], verbose=False))
    print(total_seats / runs)
