#!/usr/bin/env python3
"""`--timing` on the analyses whose estimators claim stages (spreg, spxt, the DID placebo, threshold):
standard error carries one line `timing (s): read .. weights .. design .. demean .. solve .. vcov ..
impacts .. replications .. output .. other .. total ..` with the stages in that order, the stages
claimed by each estimator are timed (> 0), the stages with other add up to the total and the
stages alone never exceed it; the JSON has `timing` with the same names and is otherwise identical
to the JSON without --timing.

usage: check_timing.py CBEC SOURCE_DIR"""
import json
import os
import subprocess
import sys

STAGES = ["read", "weights", "design", "demean", "solve", "vcov", "impacts", "replications", "output"]


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}\n  exit {p.returncode}: {p.stderr.strip()}")
    return p


def check(cbec, name, args, claimed):
    problems = []
    plain = json.loads(run([cbec] + args + ["--json"]).stdout)
    timed = run([cbec] + args + ["--json", "--timing"])
    lines = [l for l in timed.stderr.splitlines() if l.startswith("timing (s):")]
    if len(lines) != 1:
        return [f"{name}: expected one 'timing (s):' line on standard error, got {timed.stderr!r}"]
    words = lines[0][len("timing (s):"):].split()
    names, values = words[0::2], [float(v) for v in words[1::2]]
    if names != STAGES + ["other", "total"]:
        problems.append(f"{name}: stages {names}, expected {STAGES + ['other', 'total']}")
    printed = dict(zip(names, values))
    stages = sum(printed.get(s, 0) for s in STAGES)
    total = printed.get("total", 0)
    # printed to the millisecond: each of the 10 parts rounds by at most 0.0005
    if stages > total + 0.005:
        problems.append(f"{name}: the stages add up to {stages:.3f} s, more than the total {total:.3f} s")
    if abs(stages + printed.get("other", 0) - total) > 0.006:
        problems.append(f"{name}: stages + other = {stages + printed.get('other', 0):.3f} s, total {total:.3f} s")
    result = json.loads(timed.stdout)
    timing = result.pop("timing", None)
    if timing is None or sorted(timing) != sorted(STAGES + ["other", "total"]):
        problems.append(f"{name}: JSON timing {timing}")
    else:
        if sum(timing[s] for s in STAGES) > timing["total"] * (1 + 1e-12):
            problems.append(f"{name}: the JSON's stages add up to more than its total")
        for s in claimed:
            if not timing[s] > 0:
                problems.append(f"{name}: stage {s} not timed ({timing[s]})")
    if result != plain:
        diff = sorted(k for k in set(result) | set(plain) if result.get(k) != plain.get(k))
        problems.append(f"{name}: the JSON with --timing differs in {diff} (besides timing)")
    if not problems:
        print(f"ok   {name}: " + lines[0])
    return problems


def main():
    cbec, src = sys.argv[1], os.path.abspath(sys.argv[2])
    data = os.path.join(src, "tests", "data")
    produc = [os.path.join(data, "produc.csv"), "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp",
              "--w", os.path.join(data, "usaww.gal"), "--id", "state", "--unit", "state", "--time", "year", "--seed", "1", "--threads", "1"]
    cases = [
        ("spreg", ["spreg", os.path.join(data, "columbus.csv"), "CRIME ~ INC + HOVAL", "--w", os.path.join(data, "columbus.gal"),
                   "--id", "POLYID", "--model", "sar", "sem", "sdm", "--impact-draws", "200", "--seed", "1", "--threads", "1"],
         ["read", "weights", "design", "solve", "vcov", "impacts", "output"]),
        ("spreg sparse", ["spreg", os.path.join(data, "columbus.csv"), "CRIME ~ INC + HOVAL", "--w", os.path.join(data, "columbus.gal"),
                          "--id", "POLYID", "--model", "sar", "--log-det", "sparse", "--impact-draws", "50", "--seed", "1", "--threads", "1"],
         ["read", "weights", "design", "solve", "vcov", "impacts", "output"]),
        ("spxt", ["spxt"] + produc + ["--model", "sar", "sem", "--effect", "individual", "--impact-draws", "100"],
         ["read", "weights", "design", "solve", "impacts", "output"]),
        ("spxt dynamic", ["spxt"] + produc + ["--model", "sar", "--effect", "individual", "--dynamic", "--impact-draws", "50"],
         ["read", "weights", "design", "solve", "impacts", "output"]),
        ("did placebo", ["did", "--method", "placebo", os.path.join(data, "staggered_small.csv"), "--unit", "id", "--time", "year",
                         "--first-treat", "first_treat", "--y", "y", "--draws", "50", "--seed", "1", "--threads", "1"],
         ["read", "solve", "replications", "output"]),
        ("threshold", ["threshold", os.path.join(data, "hansen1999_invest.csv"), "--unit", "firm", "--time", "year", "--y", "i",
                       "--threshold", "l(d, 1)", "--regime", "l(c, 1)", "--x", "l(q, 1)", "--draws", "10", "--seed", "1", "--threads", "1"],
         ["read", "design", "solve", "replications", "output"]),
    ]
    failures = []
    for name, args, claimed in cases:
        try:
            failures += check(cbec, name, args, claimed)
        except RuntimeError as e:
            failures.append(f"{name}: {e}")
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
