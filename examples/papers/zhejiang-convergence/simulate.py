#!/usr/bin/env python3
"""Writes panel.csv: SIMULATED cross-border e-commerce exports of Zhejiang's 11 cities, 2011-2020.

Data-generating process (the truth the study should recover), t = 2012..2020:
  g_t = rho W g_t + a_t + beta ln y_{t-1} + 0.25 internet_t + e_t,   g_t = ln y_t - ln y_{t-1}
a spatial lag (SAR) model with time effects a_t, rho = 0.35, beta = -0.08 (annual speed
-ln(1 + beta) = 0.0834, half-life 8.3 years), e ~ N(0, 0.03^2); W: the row-standardized
contiguity of weights.csv. ln y_2011 is 4.2 in the Northeast and 3.2 in the Southwest (sd 0.5).
Python's standard library only (random.Random(seed).gauss), so the same seed gives the same file.
Usage: simulate.py [out.csv]   (default: panel.csv beside this script)
"""
import csv
import math
import os
import random
import sys

SEED, RHO, BETA, GAMMA, SIGMA = 17, 0.35, -0.08, 0.25, 0.03
YEARS = range(2011, 2021)
HERE = os.path.dirname(os.path.abspath(__file__))

CITIES = [("Hangzhou", "杭州市"), ("Ningbo", "宁波市"), ("Wenzhou", "温州市"), ("Jiaxing", "嘉兴市"),
          ("Huzhou", "湖州市"), ("Shaoxing", "绍兴市"), ("Jinhua", "金华市"), ("Quzhou", "衢州市"),
          ("Zhoushan", "舟山市"), ("Taizhou", "台州市"), ("Lishui", "丽水市")]
NORTHEAST = {"Hangzhou", "Ningbo", "Jiaxing", "Huzhou", "Shaoxing", "Zhoushan"}


def row_standardized_weights():
    names = [c[0] for c in CITIES]
    links = {n: set() for n in names}
    with open(os.path.join(HERE, "weights.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            links[r["from"]].add(r["to"])
    return [[(1.0 / len(links[a]) if b in links[a] else 0.0) for b in names] for a in names]


def solve_sar(w, rhs):
    """(I - rho W)^-1 rhs by the Neumann series (|rho| < 1, W row-standardized)."""
    out, term = list(rhs), list(rhs)
    for _ in range(200):
        term = [RHO * sum(w[i][j] * term[j] for j in range(len(term))) for i in range(len(term))]
        out = [o + t for o, t in zip(out, term)]
    return out


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "panel.csv")
    rng = random.Random(SEED)
    w = row_standardized_weights()
    n = len(CITIES)
    lny = [(4.2 if c[0] in NORTHEAST else 3.2) + rng.gauss(0, 0.5) for c in CITIES]
    internet0 = [0.45 + (0.1 if c[0] in NORTHEAST else 0.0) + rng.gauss(0, 0.05) for c in CITIES]
    rows = []
    for t in YEARS:
        internet = [i0 + 0.03 * (t - 2011) + rng.gauss(0, 0.01) for i0 in internet0]
        if t > YEARS[0]:
            a_t = 0.6 + 0.02 * math.sin(t)
            rhs = [a_t + BETA * lny[i] + GAMMA * internet[i] + rng.gauss(0, SIGMA) for i in range(n)]
            growth = solve_sar(w, rhs)
            lny = [lny[i] + growth[i] for i in range(n)]
        for i, (en, cn) in enumerate(CITIES):
            rows.append([en, cn, t, f"{math.exp(lny[i]):.4f}", f"{internet[i]:.4f}"])
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["city", "city_cn", "year", "cbec_exports", "internet"])
        wr.writerows(rows)


if __name__ == "__main__":
    main()
