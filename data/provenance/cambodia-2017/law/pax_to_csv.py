#!/usr/bin/env python3
"""Write pax_agreements.csv (beside this script), in the shape of PA-X's agreements CSV,
from pax_cambodia_1991_coding.json (PA-X V3 coding of the Paris instruments, see SOURCES.md).

Only the agreements the reference case holds as instruments are written: 252 (ACPS), 243 (ASIT)
and 378 (the Final Act). 364 (the Declaration on the Rehabilitation and Reconstruction of
Cambodia) is not an instrument of the case. The JSON leaves out the codes that are 0 or blank;
the CSV writes 0 for them, as PA-X's file does. Nothing else is changed.

    python3 data/provenance/cambodia-2017/law/pax_to_csv.py
"""
import csv
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "pax_agreements.csv"
HELD = [252, 243, 378]
META = ["AgtId", "Reg", "Con", "Contp", "PP", "PPName", "Ver", "Agt", "Dat", "Status", "Lgt",
        "N_characters", "Agtp", "Stage", "StageSub", "Part", "ThrdPart", "OthAgr", "Loc1ISO",
        "Loc1GWNO", "UcdpCon", "UcdpAgr", "PamAgr", "CowWar"]

data = json.loads((HERE / "pax_cambodia_1991_coding.json").read_text(encoding="utf-8"))
agreements = {a["AgtId"]: a for a in data["agreements"]}
codes = []
for agt in HELD:
    for p in agreements[agt]["coded_provisions"]:
        if p["var"] not in codes:
            codes.append(p["var"])
OUT.parent.mkdir(parents=True, exist_ok=True)
with OUT.open("w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(META + codes)
    for agt in HELD:
        a = agreements[agt]
        coded = {p["var"]: p["value"] for p in a["coded_provisions"]}
        w.writerow([a["meta"].get(k, "") for k in META] + [coded.get(c, 0) for c in codes])
print(f"{OUT}: {len(HELD)} agreements, {len(codes)} code columns")
