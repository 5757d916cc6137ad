#!/usr/bin/env python3
"""Runs one reference paper's study (examples/papers/<paper>/study.toml) and checks key cells of its
tables: the form the paper prints (stepwise columns, Controls rows, groups side by side, levels and
differences) and the numbers: for real data the values of independent runs of the same commands,
for simulated data the known truth within the sampling error.

Usage: check_paper.py <cbec> <source dir> <paper> <artifacts dir>
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

CBEC, SRC, PAPER, OUT = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
FOLDER = os.path.join(SRC, "examples", "papers", PAPER)
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def near(value, expected, tol, what):
    check(value is not None and abs(value - expected) <= tol, f"{what}: {value}, expected {expected} +- {tol}")


def run_study(study):
    report = os.path.join(OUT, "report")
    shutil.rmtree(report, ignore_errors=True)
    r = subprocess.run([CBEC, "run", study, "-o", report, "--no-cache"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"cbec run {study} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    with open(os.path.join(report, "results.json"), encoding="utf-8") as f:
        results = json.load(f)
    tables = {}
    for name in sorted(os.listdir(os.path.join(report, "tables"))):
        if name.endswith(".csv"):
            with open(os.path.join(report, "tables", name), encoding="utf-8") as f:
                tables[name[:-4]] = list(csv.reader(f))
    return results, tables


def step(results, title_start):
    """The results of the step whose title starts with `title_start`."""
    for a in results["analyses"]:
        if a["title"].startswith(title_start):
            return a["results"]
    sys.exit(f"no step titled '{title_start}...'")


def table(tables, title_start):
    """The rows of the first table whose title (first cell) starts with `title_start`."""
    for rows in tables.values():
        if rows and rows[0] and rows[0][0].startswith(title_start):
            return rows
    sys.exit(f"no table titled '{title_start}...'; titles: {[r[0][0] for r in tables.values() if r and r[0]]}")


def row(rows, label):
    for r in rows:
        if r and r[0].strip() == label:
            return r
    failures.append(f"no row '{label}' in table '{rows[0][0]}'")
    return []


def same_file(a, b, what):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        check(fa.read() == fb.read(), f"{what}: {a} differs from {b}")
