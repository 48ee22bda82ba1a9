"""Second Python peer: `biprop` (PyPI), a divisor search with numpy rounding.

Usage: peer_biprop.py ELECTION.json   (one constituency; D'Hondt = rounding np.floor)
Prints the seats of the first five parties.
"""
import json
import sys

import numpy as np
from biprop import Election

c = json.load(open(sys.argv[1]))["constituencies"][0]
names = list(c["votes"])
votes = np.array([[c["votes"][p]] for p in names], dtype=np.float64)
e = Election(votes, party_names=names, total_seats=c["seats"])
seats = np.asarray(e.upper_apportionment(total_seats=c["seats"], rounding_method=np.floor)).ravel()
assert int(seats.sum()) == c["seats"], seats.sum()
print(dict(zip(names[:5], seats[:5].tolist())))
