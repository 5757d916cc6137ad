#!/usr/bin/env python3
"""Replications split across MPI processes give the numbers of one process (issue 19).

For each case in cases.json beside this script (the format of tests/parity/cases/), the JSON of
`mpirun -n 3 cbec <command> ... --json` must be byte-identical to that of the same command run as
one process (with a different thread count, too), and rank 0 must report that the draws were split
(a build that ran every draw on every rank would give the same numbers). Also checked under mpirun:
an error is reported once with the exit code of one process, and commands that cannot yet run as
several processes are refused.

usage: check_mpi_parity.py CBEC SOURCE_DIR WORK_DIR mpi|no-mpi [MPIEXEC]
Exit 77 (skipped) only when no mpirun is found; a cbec built without MPI where mpirun exists fails."""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "parity"))
from check_parity import cli_args  # noqa: E402  (the flags of an analysis's options, as parity builds them)

RANKS = 3


def mpi_env():
    env = dict(os.environ)
    if os.geteuid() == 0:  # Open MPI refuses root unless told; CI containers run as root
        env.update(OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    # Containers often forbid the cross-memory attach of the shared-memory transport.
    env.setdefault("OMPI_MCA_btl_vader_single_copy_mechanism", "none")
    return env


def run(cmd, env=None):
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)


def main():
    cbec, src, work, built = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3], sys.argv[4]
    mpirun = sys.argv[5] if len(sys.argv) > 5 and sys.argv[5] else shutil.which("mpirun")
    if not mpirun or not os.path.exists(mpirun):
        print("SKIP: no mpirun on this machine (Debian: apt-get install openmpi-bin libopenmpi-dev, then rebuild cbec)")
        return 77
    if built != "mpi":
        print(f"FAIL: mpirun is installed ({mpirun}) but cbec was built without MPI (CBEC_MPI=OFF or MPI for C++ "
              "not found at configure time): install libopenmpi-dev and reconfigure")
        return 1
    os.makedirs(work, exist_ok=True)
    launch = [mpirun, "-n", str(RANKS), "--oversubscribe", "--bind-to", "none", "--mca", "btl", "self,vader"]
    env = mpi_env()
    registry = json.loads(run([cbec, "analyses", "--json"]).stdout)
    schemas = {a["name"]: a for a in registry["analyses"]}
    positional = {c["name"] for c in registry.get("commands", []) if c.get("selector_positional")}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json"), encoding="utf-8") as f:
        cases = json.load(f)
    failures = []
    for i, case in enumerate(cases):
        name = case["analysis"]
        schema = schemas[name]
        cmd = [cbec, schema["command"]]
        if len([a for a in schemas.values() if a["command"] == schema["command"]]) > 1:
            cmd += [name] if schema["command"] in positional else ["--method", name]
        cmd.append(os.path.join(src, case["data"]))
        for key, flag in (("unit", "--unit"), ("time", "--time"), ("first_treat", "--first-treat")):
            if key in case.get("panel", {}):
                cmd += [flag, case["panel"][key]]
        cmd += [os.path.join(src, a) if a.startswith("tests/") else a for a in case.get("cli", [])]
        cmd += cli_args(schema, case["options"]) + ["--seed", "2024", "--json"]
        one = run(cmd + ["--threads", "1"])
        many = run(launch + cmd + ["--threads", "2"], env)
        if one.returncode != 0 or many.returncode != 0:
            failures.append(f"{name}: exit {one.returncode} as one process, {many.returncode} under mpirun:\n"
                            f"  {one.stderr.strip()}\n  {many.stderr.strip()}")
            continue
        if f"{RANKS} MPI processes split the draws" not in many.stderr:
            failures.append(f"{name}: mpirun -n {RANKS} did not split the draws: {many.stderr.strip()}")
        with open(os.path.join(work, f"{i:02d}_{name}_one.json"), "w", encoding="utf-8") as f:
            f.write(one.stdout)
        with open(os.path.join(work, f"{i:02d}_{name}_mpi.json"), "w", encoding="utf-8") as f:
            f.write(many.stdout)
        if one.stdout != many.stdout:
            a, b = json.loads(one.stdout), json.loads(many.stdout)
            diff = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k)) if isinstance(a, dict) else ["(top level)"]
            failures.append(f"{name}: the JSON under mpirun -n {RANKS} differs from one process in {diff} (files in {work})")
        else:
            print(f"ok   {name}: mpirun -n {RANKS} JSON identical to one process ({len(one.stdout)} bytes)")
    # An error on every rank is reported once, with the exit code of one process, and no rank hangs.
    bad = [cbec, "did", "--method", "placebo", os.path.join(src, "tests/data/staggered_small.csv"), "--unit", "id",
           "--time", "year", "--first-treat", "first_treat", "--y", "no_such_column", "--draws", "200", "--json"]
    one, many = run(bad), run(launch + bad, env)
    line = one.stderr.strip()
    if one.returncode == 0 or many.returncode != one.returncode or many.stderr.count(line) != 1:
        failures.append(f"an error under mpirun: expected exit {one.returncode} and '{line}' once; got exit "
                        f"{many.returncode} and: {many.stderr.strip()}")
    else:
        print(f"ok   an error under mpirun is reported once, exit {many.returncode}: {line}")
    # Commands that do not split yet refuse to run as several processes, saying what to do.
    study = run(launch + [cbec, "run", os.path.join(src, "tests/data/studies/no_such_study.toml")], env)
    if study.returncode != 1 or study.stderr.count("does not run as several MPI processes") != 1:
        failures.append(f"cbec run under mpirun: expected one refusal and exit 1; got exit {study.returncode}: {study.stderr.strip()}")
    else:
        print("ok   cbec run under mpirun is refused once with what to do")
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
