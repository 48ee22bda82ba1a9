#!/usr/bin/env python3
"""Write an ACLED-shaped CSV of N rows (the current codebook's 31 columns), invented and
deterministic: ACLED's terms do not allow passing on its data, so the benchmark makes its own.

usage: gen_acled.py N OUT.csv
"""
import csv
import random
import sys

COLUMNS = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
           "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
           "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
           "source,source_scale,notes,fatalities,tags,timestamp").split(",")
TYPES = [
    ("Demonstrations", "Protests", "Peaceful protest"),
    ("Demonstrations", "Riots", "Mob violence"),
    ("Political violence", "Violence against civilians", "Attack"),
    ("Strategic developments", "Strategic developments", "Arrests"),
    ("Political violence", "Violence against civilians", "Abduction/forced disappearance"),
]
ACTORS = [f"Group {i} (Cambodia)" for i in range(400)] + ["Police Forces of Cambodia (1993-)",
          "Protesters (Cambodia)", "Civilians (Cambodia)", "Labor Group (Cambodia)"]
SOURCES = [f"Example Source {i}" for i in range(300)]
PLACES = [("Phnom Penh", "Chamkar Mon", 11.5564, 104.9282), ("Kampong Cham", "Kampong Siem", 11.99, 105.46),
          ("Siem Reap", "Siem Reap", 13.36, 103.86), ("Battambang", "Battambang", 13.10, 103.20)]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WORDS = ("the police arrested members gathered outside ministry land dispute workers union "
         "villagers protested against company journalist reported threats commune").split()


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(2017)
    with open(out, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for i in range(n):
            y, m, d = rnd.randint(1997, 2025), rnd.randint(1, 12), rnd.randint(1, 28)
            # The three spellings of dates seen in real exports.
            date = [f"{y:04}-{m:02}-{d:02}", f"{d}-{MONTHS[m-1]}-{y % 100:02}",
                    f"{d} {MONTHS[m-1]} {y}"][i % 3]
            disorder, etype, sub = TYPES[i % len(TYPES)]
            a1, a2 = rnd.choice(ACTORS), rnd.choice(ACTORS)
            admin1, admin2, lat, lon = PLACES[i % len(PLACES)]
            sources = "; ".join(rnd.sample(SOURCES, rnd.randint(1, 2)))
            notes = f"On {date}, " + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(20, 45))) + "."
            w.writerow([f"KHM{i + 1}", date, y, rnd.choice("1123"), disorder, etype, sub,
                        a1, rnd.choice(["", "Women (Cambodia)"]), "Political militia", a2, "",
                        "Civilians", "Political militia-Civilians", "", 116, "South-eastern Asia",
                        "Cambodia", admin1, admin2, "", admin1, f"{lat:.4f}", f"{lon:.4f}", 1,
                        sources, "National", notes, rnd.randint(0, 3), "", 1600000000 + i])


if __name__ == "__main__":
    main()
