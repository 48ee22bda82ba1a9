"""Writes the two benchmark elections into work/ (deterministic: fixed seeds, stdlib only).

mc.json:  25 constituencies x 10 parties, magnitudes 3, 4, 5, 6, 7 repeated (125 seats), D'Hondt.
big.json: one constituency, 10,000 seats, 1,000 parties, D'Hondt.
"""
import json
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here, "work"), exist_ok=True)

rng = random.Random(2026)
base = [0.28, 0.22, 0.15, 0.1, 0.08, 0.06, 0.05, 0.03, 0.02, 0.01]
constituencies = []
for i in range(25):
    magnitude = 3 + i % 5
    electorate = rng.randint(40_000, 400_000)
    votes = {}
    for p, share in enumerate(base):
        local = share * rng.uniform(0.6, 1.4)
        votes[f"P{p:02d}"] = max(1, int(electorate * local))
    constituencies.append({"name": f"C{i:02d}", "seats": magnitude, "votes": votes})
assert sum(c["seats"] for c in constituencies) == 125
with open(os.path.join(here, "work", "mc.json"), "w") as f:
    json.dump({"name": "bench-mc", "method": "dhondt", "constituencies": constituencies}, f)

votes = {f"Q{p:04d}": rng.randint(1, 1_000_000) for p in range(1000)}
with open(os.path.join(here, "work", "big.json"), "w") as f:
    json.dump({"name": "bench-big", "method": "dhondt",
               "constituencies": [{"name": "all", "seats": 10_000, "votes": votes}]}, f)
