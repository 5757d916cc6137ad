#!/usr/bin/env python3
"""Numbers of the command line against reference fixtures: each case of a fixture is a cbec command
(arguments, paths relative to the source directory), a path into its JSON output ("models/0/se/x",
list indices as numbers), the reference value (a number, a text, or null for a missing value) and a
relative tolerance (of max(1, |value|) below 1). The fixtures name the R script that made them.

usage: check_reference_numbers.py CBEC SOURCE_DIR FIXTURE [FIXTURE ...]"""
import json
import os
import subprocess
import sys


def at(tree, path):
    for key in path.split("/"):
        tree = tree[int(key)] if isinstance(tree, list) else tree[key]
    return tree


def agrees(got, want, tol):
    if want is None or isinstance(want, str):
        return got == want
    return isinstance(got, (int, float)) and abs(got - want) <= tol * max(1.0, abs(want))


def main():
    cbec, source, fixtures = sys.argv[1], sys.argv[2], sys.argv[3:]
    failures = checked = 0
    for fixture in fixtures:
        with open(fixture, encoding="utf-8") as f:
            cases = json.load(f)["cases"]
        for case in cases:
            run = subprocess.run([cbec] + case["args"], cwd=source, capture_output=True, text=True)
            if run.returncode != 0:
                print(f"FAIL {case['name']}: exit {run.returncode}: {run.stderr.strip()}")
                failures += 1
                continue
            got = at(json.loads(run.stdout), case["path"])
            checked += 1
            if not agrees(got, case["value"], case["tol"]):
                print(f"FAIL {case['name']}: {case['path']} = {got!r}, reference {case['value']!r} (tolerance {case['tol']:g})")
                failures += 1
    print(f"{checked - failures} of {checked} reference numbers agree" if not failures else f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
