"""Batched numpy Monte-Carlo D'Hondt: all runs at once per constituency.

Usage: numpy_mc.py ELECTION.json RUNS SEED
Votes in each constituency ~ Dirichlet(400 x observed shares) x the constituency's votes (Gamma
draws, normalised), then D'Hondt for every run at once (top-m quotients by argpartition).
Prints mean seats per party.
"""
import json
import sys

import numpy as np

election = json.load(open(sys.argv[1]))
runs, seed = int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(seed)
parties = sorted({p for c in election["constituencies"] for p in c["votes"]})
index = {p: i for i, p in enumerate(parties)}
totals = np.zeros((runs, len(parties)), dtype=np.int64)
for c in election["constituencies"]:
    names = list(c["votes"])
    observed = np.array([c["votes"][p] for p in names], dtype=np.float64)
    total = observed.sum()
    g = rng.gamma(400.0 * observed / total, size=(runs, len(names)))
    votes = g / g.sum(axis=1, keepdims=True) * total
    m = c["seats"]
    quotients = (votes[:, :, None] / np.arange(1, m + 1)[None, None, :]).reshape(runs, -1)
    top = np.argpartition(-quotients, m - 1, axis=1)[:, :m]
    won = np.zeros((runs, len(names)), dtype=np.int64)
    np.add.at(won, (np.repeat(np.arange(runs), m), (top // m).ravel()), 1)
    totals[:, [index[p] for p in names]] += won
print({p: round(float(totals[:, i].mean()), 3) for i, p in enumerate(parties)})
