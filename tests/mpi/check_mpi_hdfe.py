#!/usr/bin/env python3
"""A fixed-effects regression with its rows split across MPI processes gives the numbers of one
process (issue 19, "a partitioned HDFE"; src/cbec/estimate/ols/row_partition.hpp).

`cbec reg` on a synthetic panel with singletons and missing values, two-way and three-way fixed
effects (one of them text), iid, cluster-robust (clusters within the split effect, spread over
processes, two-way) and weighted fits: the JSON of `mpirun -n 2` and `mpirun -n 3` must equal that
of one process number by number to 1e-12 relative (the sums are added in another order, so the
bytes may differ), every other value exactly (counts of dropped rows, fixed-effect levels, absorbed
parameters, the input notes), except the demeaning's iteration counts (the convergence test may stop
one iteration apart). Rank 0 must say that the rows were split, and, for one model, that each
process read its share of the file (io/csv_share.hpp); only rank 0 writes. The largest relative
difference over all cases is printed.

Reading in shares: a row with the wrong number of fields gives the one-process message (its line
number included) under mpirun, and a quoted field holding a line break is refused with its line.

usage: check_mpi_hdfe.py CBEC WORK_DIR mpi|no-mpi [MPIEXEC]
Exit 77 (skipped) only when no mpirun is found; a cbec built without MPI where mpirun exists fails."""
import json
import math
import os
import random
import shutil
import subprocess
import sys

REL = 1e-12
ABS = 1e-13  # p-values far below any level: their absolute error only
NOT_COMPARED = {"demean_iterations", "demean_sweeps"}


def mpi_env():
    env = dict(os.environ)
    if os.geteuid() == 0:  # Open MPI refuses root unless told; CI containers run as root
        env.update(OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    env.setdefault("OMPI_MCA_btl_vader_single_copy_mechanism", "none")
    env["OMP_NUM_THREADS"] = "1"  # one thread per rank (cbec reg has no --threads)
    return env


def run(cmd, env=None):
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)


def make_panel(path, units=900, years=12, firms=60, seed=19):
    """Workers moving between firms; some seen once (singletons), some cells missing (text among them)."""
    rng = random.Random(seed)
    a = [rng.gauss(0, 1) for _ in range(units)]
    f = [rng.gauss(0, 1) for _ in range(firms)]
    g = [rng.gauss(0, 1) for _ in range(years)]
    with open(path, "w", encoding="utf-8") as out:
        out.write("id,year,firm,firm_name,region,x1,x2,x3,w,y\n")
        for i in range(units):
            firm = rng.randrange(firms)
            seen = 1 if i % 41 == 7 else years
            for t in range(seen):
                if t and rng.random() < 0.2:
                    firm = rng.randrange(firms)
                x1 = rng.gauss(0, 1) + 0.8 * a[i] + 0.5 * f[firm]
                x2 = rng.gauss(0, 1) + 0.5 * g[t]
                x3 = rng.gauss(0, 1)
                y = 1.5 * x1 - 0.7 * x2 + 0.2 * x3 + a[i] + f[firm] + g[t] + rng.gauss(0, 1)
                x3_cell = "n/a here" if (i, t) == (450, 3) else repr(x3)  # one cell not a number: an input note
                name = "" if (i * years + t) % 97 == 13 else f'"Firm {firm + 1:03d}, Ltd"'  # some names missing
                cells = [i + 1, 2001 + t, firm + 1, name, i % 9, x1, "" if rng.random() < 0.02 else x2,
                         x3_cell, 0.5 + (i % 4) / 2, "" if rng.random() < 0.015 else y]
                out.write(",".join(c if isinstance(c, str) else repr(c) for c in cells) + "\n")


LARGEST = [0.0]  # the largest relative difference seen


def differences(a, b, path="$"):
    """Where two parsed JSON values differ (numbers beyond REL/ABS)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = [f"{path}: keys {sorted(set(a) ^ set(b))}"] if set(a) != set(b) else []
        for k in set(a) & set(b):
            if k not in NOT_COMPARED:
                out += differences(a[k], b[k], f"{path}.{k}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} vs {len(b)} items"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}[{i}]")]
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool) and not isinstance(b, bool):
        if a == b or (math.isnan(a) and math.isnan(b)):
            return []
        gap = abs(a - b)
        if gap > ABS:
            LARGEST[0] = max(LARGEST[0], gap / max(abs(a), abs(b)))
        return [] if gap <= ABS or gap <= REL * max(abs(a), abs(b)) else [f"{path}: {a!r} vs {b!r}"]
    return [] if a == b else [f"{path}: {a!r} vs {b!r}"]


CASES = [
    ("two-way, iid", "y ~ x1 + x2 + x3 | id + year", ["--vcov", "iid"]),
    ("two-way, clustered by id (within processes)", "y ~ x1 + x2 + x3 | id + year", ["--vcov", "cluster:id"]),
    ("two-way, clustered by firm (spread over processes)", "y ~ x1 + x2 + x3 | id + year", ["--vcov", "cluster:firm"]),
    ("three-way, iid", "y ~ x1 + x2 + x3 | id + firm + year", ["--vcov", "iid"]),
    ("three-way, clustered by id", "y ~ x1 + x2 + x3 | id + firm + year", ["--vcov", "cluster:id"]),
    ("three-way, two-way clustering, weighted", "y ~ x1 + x2 + x3 | id + firm + year", ["--vcov", "cluster:firm+region", "--weights", "w"]),
    ("two-way, hc1, split effect second", "y ~ x1 + x2 | year + id", ["--vcov", "hc1"]),
    ("three-way, a text fixed effect, clustered by it", "y ~ x1 + log(w) + x3 | id + firm_name + year", ["--vcov", "cluster:firm_name"]),
    # Two models: the data read whole by every process, the rows split after the design (partition_rows).
    ("two models, read whole", ["y ~ x1 + x2 | id + year", "y ~ x1 + x3 | id + firm + year"], ["--vcov", "cluster:id"]),
]


def check_share_errors(cbec, mpirun, work, env, failures):
    """Reading in shares: the one-process message for a malformed row, and a refused quoted line break."""
    lines = open(os.path.join(work, "panel.csv"), encoding="utf-8").read().splitlines()
    bad_row = len(lines) * 3 // 4  # in the last process's share
    broken = os.path.join(work, "broken_row.csv")
    with open(broken, "w", encoding="utf-8") as f:
        f.write("\n".join(lines[:bad_row] + [lines[bad_row] + ",7"] + lines[bad_row + 1:]) + "\n")
    cmd = [cbec, "reg", broken, "y ~ x1 | id + year"]
    one = run(cmd, env)
    many = run(MPIRUN_ARGS(mpirun, 3) + cmd, env)
    want = one.stderr.strip()
    if one.returncode == 0 or f"line {bad_row + 1}:" not in want:
        failures.append(f"a malformed row at line {bad_row + 1}: one process said {want!r}")
    elif many.returncode != one.returncode or not many.stderr.strip().startswith(want):
        failures.append(f"a malformed row, mpirun -n 3: exit {many.returncode}, {many.stderr.strip()!r}; one process: {want!r}")
    else:
        print(f"ok   a malformed row at line {bad_row + 1}: the one-process message under mpirun -n 3")
    quoted = os.path.join(work, "line_break.csv")
    at = len(lines) // 3
    with open(quoted, "w", encoding="utf-8") as f:
        f.write("\n".join(lines[:at] + [lines[at].replace('"Firm ', '"Firm\n', 1)] + lines[at + 1:]) + "\n")
    cmd = [cbec, "reg", quoted, "y ~ x1 | id + year"]
    one = run(cmd, env)
    many = run(MPIRUN_ARGS(mpirun, 2) + cmd, env)
    if one.returncode != 0:
        failures.append(f"a quoted line break: one process failed: {one.stderr.strip()}")
    elif many.returncode == 0 or f"line {at + 1}: a quoted field holds a line break" not in many.stderr:
        failures.append(f"a quoted line break at line {at + 1}, mpirun -n 2: exit {many.returncode}, {many.stderr.strip()!r}")
    else:
        print(f"ok   a quoted line break at line {at + 1}: refused under mpirun -n 2 with its line")


def MPIRUN_ARGS(mpirun, ranks):
    return [mpirun, "-n", str(ranks), "--oversubscribe", "--bind-to", "none", "--mca", "btl", "self,vader"]


def main():
    cbec, work, built = sys.argv[1], sys.argv[2], sys.argv[3]
    mpirun = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else shutil.which("mpirun")
    if not mpirun or not os.path.exists(mpirun):
        print("SKIP: no mpirun on this machine (Debian: apt-get install openmpi-bin libopenmpi-dev, then rebuild cbec)")
        return 77
    if built != "mpi":
        print(f"FAIL: mpirun is installed ({mpirun}) but cbec was built without MPI: install libopenmpi-dev and reconfigure")
        return 1
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "panel.csv")
    make_panel(data)
    env = mpi_env()
    failures = []
    for label, formula, options in CASES:
        formulas = formula if isinstance(formula, list) else [formula]
        cmd = [cbec, "reg", data, *formulas, *options, "--json"]
        one = run(cmd, env)
        if one.returncode != 0:
            failures.append(f"{label}: one process exited {one.returncode}: {one.stderr.strip()}")
            continue
        reference = json.loads(one.stdout)
        for ranks in (2, 3):
            many = run(MPIRUN_ARGS(mpirun, ranks) + cmd, env)
            tag = f"{label}, mpirun -n {ranks}"
            if many.returncode != 0:
                failures.append(f"{tag}: exit {many.returncode}: {many.stderr.strip()}")
                continue
            name = "_".join(f.split("|")[1].strip().replace(" + ", "_") for f in formulas)
            with open(os.path.join(work, f"{name}_{options[1].replace(':', '_')}_{ranks}.json"), "w", encoding="utf-8") as f:
                f.write(many.stdout)
            if f"{ranks} MPI processes split the rows of {len(formulas)} fixed-effects regression" not in many.stderr:
                failures.append(f"{tag}: the rows were not split: {many.stderr.strip()}")
            shares = f"{ranks} MPI processes read the data in shares"
            if (shares in many.stderr) != (len(formulas) == 1):
                failures.append(f"{tag}: expected the data read {'in shares' if len(formulas) == 1 else 'whole'}: {many.stderr.strip()}")
            try:
                got = json.loads(many.stdout)  # one JSON document: only rank 0 wrote
            except json.JSONDecodeError as e:
                failures.append(f"{tag}: standard output is not one JSON document ({e})")
                continue
            diff = differences(got, reference)
            if diff:
                failures.append(f"{tag}: {len(diff)} values differ from one process, e.g. " + "; ".join(sorted(diff)[:5]))
            else:
                print(f"ok   {tag}: the one-process numbers to {REL:g} relative")
    check_share_errors(cbec, mpirun, work, env, failures)
    print(f"largest relative difference from one process: {LARGEST[0]:.2e}")
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
