#!/usr/bin/env python3
"""A fixed-effects regression with its rows split across MPI processes gives the numbers of one
process (issue 19, "a partitioned HDFE"; src/cbec/estimate/ols/row_partition.hpp).

`cbec reg` on a synthetic panel with singletons and missing values, two-way and three-way fixed
effects, iid, cluster-robust (clusters within the split effect, spread over processes, two-way) and
weighted fits: the JSON of `mpirun -n 2` and `mpirun -n 3` must equal that of one process number by
number to 1e-10 relative (the sums are added in another order, so the bytes may differ), every other
value exactly, except the demeaning's iteration counts (the convergence test may stop one
iteration apart). Rank 0 must say that the rows were split, and only rank 0 writes.

usage: check_mpi_hdfe.py CBEC WORK_DIR mpi|no-mpi [MPIEXEC]
Exit 77 (skipped) only when no mpirun is found; a cbec built without MPI where mpirun exists fails."""
import json
import math
import os
import random
import shutil
import subprocess
import sys

REL = 1e-10
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
    """Workers moving between firms; some seen once (singletons), some cells missing."""
    rng = random.Random(seed)
    a = [rng.gauss(0, 1) for _ in range(units)]
    f = [rng.gauss(0, 1) for _ in range(firms)]
    g = [rng.gauss(0, 1) for _ in range(years)]
    with open(path, "w", encoding="utf-8") as out:
        out.write("id,year,firm,region,x1,x2,x3,w,y\n")
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
                cells = [i + 1, 2001 + t, firm + 1, i % 9, x1, "" if rng.random() < 0.02 else x2, x3,
                         0.5 + (i % 4) / 2, "" if rng.random() < 0.015 else y]
                out.write(",".join(c if isinstance(c, str) else repr(c) for c in cells) + "\n")


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
]


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
        cmd = [cbec, "reg", data, formula, *options, "--json"]
        one = run(cmd, env)
        if one.returncode != 0:
            failures.append(f"{label}: one process exited {one.returncode}: {one.stderr.strip()}")
            continue
        reference = json.loads(one.stdout)
        for ranks in (2, 3):
            launch = [mpirun, "-n", str(ranks), "--oversubscribe", "--bind-to", "none", "--mca", "btl", "self,vader"]
            many = run(launch + cmd, env)
            tag = f"{label}, mpirun -n {ranks}"
            if many.returncode != 0:
                failures.append(f"{tag}: exit {many.returncode}: {many.stderr.strip()}")
                continue
            with open(os.path.join(work, f"{formula.split('|')[1].strip().replace(' + ', '_')}_{options[1].replace(':', '_')}_{ranks}.json"), "w", encoding="utf-8") as f:
                f.write(many.stdout)
            if f"{ranks} MPI processes split the rows of 1 fixed-effects regression" not in many.stderr:
                failures.append(f"{tag}: the rows were not split: {many.stderr.strip()}")
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
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
