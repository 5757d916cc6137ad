#!/usr/bin/env python3
"""Writes panel.csv and truth.json: a SIMULATED panel of China's 367 mainland prefecture-level cities,
2011-2021, with the REAL pilot-zone years of the shipped registry (data/cbec_pilot_zones.csv, as
`cbec treat` matches them: county-level zones cover their parent prefecture).

Data-generating process (city effect a_i, year effect d_t, e ~ N(0, 0.08^2)):
  ln_gdppc  = 10.4 + 0.35 zone_i + 0.04 (t - 2011) + u_i + N(0, 0.03^2)   (zone cities are richer)
  ln_pop    = 5.8 + 0.4 zone_i + v_i + N(0, 0.01^2)
  industry  = 0.45 - 0.03 zone_i + w_i + N(0, 0.01^2)                      (secondary-industry share)
  internet  = 0.35 + 0.03 (t - 2011) + 0.05 zone_i + N(0, 0.02^2)
  innovation (mediator) = b_i + 0.05 (t - 2011) + A did_it + N(0, 0.05^2),  A = 0.30
  ln_exports = a_i + d_t + 0.5 ln_gdppc + 0.3 ln_pop - 0.4 industry + 0.2 internet
               + (TAU_region + 0.01 (t - g_i)) did_it + THETA innovation + e,   THETA = 0.20
with TAU = 0.10 (East), 0.06 (Central), 0.03 (West) of the three-belt grouping; the indirect
effect through innovation is A THETA = 0.06. Cities whose first zone comes after 2021 (batches 6
and 7) are not treated within the panel. Python's standard library only (random.Random(seed)).
Usage: simulate.py <cbec binary> [folder]   (default folder: this one)
"""
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

SEED, A, THETA, DYNAMIC = 2017, 0.30, 0.20, 0.01
TAU = {"East": 0.10, "Central": 0.06, "West": 0.03}
YEARS = range(2011, 2022)
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "data")


def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def zone_years(cbec, cities):
    """First pilot-zone year of each city by `cbec treat` on the shipped registry (0: none)."""
    with tempfile.TemporaryDirectory() as tmp:
        skeleton, treated = os.path.join(tmp, "cities.csv"), os.path.join(tmp, "treated.csv")
        with open(skeleton, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["city_cn", "year"])
            w.writerows([c["city_cn"], 2011] for c in cities)
        subprocess.run([cbec, "treat", skeleton, "--unit", "city_cn", "--time", "year", "--save", treated],
                       check=True, stdout=subprocess.DEVNULL)
        return {r["city_cn"]: (int(float(r["first_treat"] or 0)), int(float(r["batch"] or 0))) for r in read(treated)}


def main():
    cbec = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else HERE
    rng = random.Random(SEED)
    region = {p["name_cn"]: p["region3"] for p in read(os.path.join(DATA, "china_provinces.csv"))}
    cities = [c for c in read(os.path.join(DATA, "china_cities.csv")) if c["province_cn"] in region]   # the mainland
    years = zone_years(cbec, cities)
    d = {t: 0.04 * (t - 2011) + rng.gauss(0, 0.02) for t in YEARS}
    rows, effects = [], []
    for c in cities:
        g, batch = years[c["city_cn"]]
        if g > YEARS[-1]:
            g, batch = 0, 0
        zone = 1 if g else 0
        reg = region[c["province_cn"]]
        a, b = rng.gauss(0, 0.5) + 0.4 * zone, rng.gauss(0, 0.3)
        u, v, w = rng.gauss(0, 0.3), rng.gauss(0, 0.5), rng.gauss(0, 0.06)
        for t in YEARS:
            did = 1 if zone and t >= g else 0
            ln_gdppc = 10.4 + 0.35 * zone + 0.04 * (t - 2011) + u + rng.gauss(0, 0.03)
            ln_pop = 5.8 + 0.4 * zone + v + rng.gauss(0, 0.01)
            industry = 0.45 - 0.03 * zone + w + rng.gauss(0, 0.01)
            internet = 0.35 + 0.03 * (t - 2011) + 0.05 * zone + rng.gauss(0, 0.02)
            innovation = b + 0.05 * (t - 2011) + A * did + rng.gauss(0, 0.05)
            direct = (TAU[reg] + DYNAMIC * (t - g)) * did
            y = (a + d[t] + 0.5 * ln_gdppc + 0.3 * ln_pop - 0.4 * industry + 0.2 * internet
                 + direct + THETA * innovation + rng.gauss(0, 0.08))
            if did:
                effects.append((reg, t - g, direct + THETA * A))
            rows.append([c["city_cn"], c["province_cn"], t, g, batch, did, f"{y:.5f}", f"{ln_gdppc:.5f}",
                         f"{ln_pop:.5f}", f"{industry:.5f}", f"{internet:.5f}", f"{innovation:.5f}"])
    with open(os.path.join(out, "panel.csv"), "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["city_cn", "province_cn", "year", "first_treat", "batch", "did", "ln_exports", "ln_gdppc",
                     "ln_pop", "industry", "internet", "innovation"])
        wr.writerows(rows)
    mean = lambda xs: round(sum(xs) / len(xs), 6)
    truth = {"seed": SEED, "att_treated_cells": mean([e for _, _, e in effects]),
             "att_by_region": {r: mean([e for g, _, e in effects if g == r]) for r in TAU},
             "att_by_event_time": {str(k): mean([e for _, h, e in effects if h == k]) for k in sorted({h for _, h, _ in effects})},
             "direct_effect_at_event_time_0": TAU, "dynamic_per_year": DYNAMIC,
             "mediator_effect_of_did": A, "innovation_effect_on_exports": THETA, "indirect_effect": round(A * THETA, 6),
             "treated_cities": len({r[0] for r in rows if r[3]})}
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
