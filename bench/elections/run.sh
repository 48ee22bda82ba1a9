#!/usr/bin/env bash
# Election engine benchmark: accord against batched numpy and the Python peers, side by side.
#
#   bash bench/elections/run.sh            # builds the release binary once, then times
#   ACCORD_BIN=/path/to/accord bash bench/elections/run.sh   # use a binary already built
#   RUNS=5 bash bench/elections/run.sh     # timed repetitions per command (default 5)
#
# (a) 100,000 Monte-Carlo draws of a 25-constituency x 10-party x 125-seat election
#     (magnitudes 3-7), Dirichlet(400 x share) noise, D'Hondt in every constituency.
# (b) one D'Hondt allocation of 10,000 seats among 1,000 parties.
# Needs: python3 with venv and pip (PyPI reachable), cargo. The venv lives in bench/elections/.venv
# (git-ignored); the generated inputs in bench/elections/work/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-5}"

if [[ -z "${ACCORD_BIN:-}" ]]; then
  (cd "$root" && cargo build --release -p accord-cli)
  ACCORD_BIN="${CARGO_TARGET_DIR:-$root/target}/release/accord"
fi
if [[ ! -x "$here/.venv/bin/python" ]]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet numpy==2.4.6 apportionment==1.0 biprop==1.0.4
fi
py="$here/.venv/bin/python"
cd "$here"
"$py" make_inputs.py

echo "== sanity: the same answers =="
"$ACCORD_BIN" elections allocate work/big.json --json | "$py" -c '
import json, sys
t = json.load(sys.stdin)["totals"]
print("accord", {p: t.get(p, 0) for p in ["Q0000", "Q0001", "Q0002", "Q0003", "Q0004"]})'
"$py" numpy_big.py work/big.json bounded
"$py" numpy_big.py work/big.json sort
"$py" peer_biprop.py work/big.json
"$ACCORD_BIN" elections simulate work/mc.json --runs 100000 --seed 1 --noise dirichlet:400 --json | "$py" -c '
import json, sys
print("accord mean seats", {p["party"]: round(p["mean_seats"], 2) for p in json.load(sys.stdin)["parties"]})'
"$py" numpy_mc.py work/mc.json 100000 1

echo "== (a) Monte-Carlo: 100,000 draws (peer: 1,000 draws, it makes one call per allocation) =="
"$py" timecmd.py "$runs" \
  "accord simulate 100k=$ACCORD_BIN elections simulate work/mc.json --runs 100000 --seed 1 --noise dirichlet:400 --json" \
  "numpy batched 100k=$py numpy_mc.py work/mc.json 100000 1" \
  "apportionment (PyPI) 1k=$py peer.py mc work/mc.json 1000 1"

echo "== (b) one allocation, 10,000 seats among 1,000 parties =="
"$py" timecmd.py "$runs" \
  "accord allocate=$ACCORD_BIN elections allocate work/big.json --json" \
  "numpy bounded=$py numpy_big.py work/big.json bounded" \
  "numpy sort-all=$py numpy_big.py work/big.json sort" \
  "biprop (PyPI)=$py peer_biprop.py work/big.json" \
  "apportionment (PyPI)=$py peer.py big work/big.json"
