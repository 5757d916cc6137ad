#!/usr/bin/env python3
"""Parity of the command line and the study file: for every analysis of the registry
(`cbec analyses --json`), the JSON of `cbec <command> --method <name> ... --json` must equal the
results of the same analysis with the same options as a study step (`cbec run`).

usage: check_parity.py CBEC SOURCE_DIR WORK_DIR
Cases are in cases/<family>.json beside this script: analysis, data (relative to the source), the panel
declaration, options (as a study file writes them), and optional `spatial` (a [spatial] table for
the study) or `weights` (named [weights.<name>] tables, e.g. a weights file) with `cli` (the command
line's equivalent flags; paths relative to the source)."""
import json
import os
import subprocess
import sys


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def study_table(src, table):
    """The lines of a [spatial] or [weights.<name>] table, its file paths made absolute."""
    return [f"{k} = {toml_value(os.path.join(src, v) if k in ('polygons', 'edits', 'file', 'points') else v)}" for k, v in table.items()]


def cli_args(schema, options):
    kinds = {o["key"]: o for o in schema["options"]}
    args = []
    for key, value in options.items():
        spec = kinds[key]
        if spec["positional"]:
            args += value if isinstance(value, list) else [str(value)]
            continue
        if spec["kind"] == "flag":
            if value:
                args.append(spec["flag"])
            continue
        if spec["kind"] == "range":
            args += [spec["flag"], f"{value[0]},{value[1]}"]
        elif isinstance(value, list):
            args += [spec["flag"]] + [str(v) for v in value]
        else:
            args += [spec["flag"], str(value)]
    return args


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}\n  exit {p.returncode}: {p.stderr.strip()}")
    return p.stdout


def main():
    cbec, src, work = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    os.makedirs(work, exist_ok=True)
    registry = json.loads(run([cbec, "analyses", "--json"]))
    schemas = {a["name"]: a for a in registry["analyses"]}
    positional = {c["name"] for c in registry.get("commands", []) if c.get("selector_positional")}
    folder = os.path.join(src, "tests", "parity", "cases")
    cases = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                cases += json.load(f)
    failures = []
    covered = set()
    for i, case in enumerate(cases):
        name = case["analysis"]
        schema = schemas.get(name)
        if schema is None:
            failures.append(f"case {i}: '{name}' is not a registered analysis")
            continue
        covered.add(name)
        data = os.path.join(src, case["data"])
        panel = case.get("panel", {})
        seed = case.get("seed", 12345)
        cmd = [cbec, schema["command"]]
        if len([a for a in schemas.values() if a["command"] == schema["command"]]) > 1:
            cmd += [name] if schema["command"] in positional else ["--method", name]
        cmd += [data]
        for key, flag in (("unit", "--unit"), ("time", "--time"), ("first_treat", "--first-treat")):
            if key in panel and schema["needs"]["panel"] != "none":   # describe takes no panel flags
                cmd += [flag, panel[key]]
        if schema["needs"]["resampling"]:
            cmd += ["--seed", str(seed), "--threads", "1"]
        # Paths in the extra flags are relative to the source, like the data path.
        extra = [os.path.join(src, a) if a.startswith(("tests/", "examples/")) else a for a in case.get("cli", [])]
        cmd += extra + cli_args(schema, case["options"]) + ["--json"]
        folder = os.path.join(work, f"{i:03d}_{name}")
        os.makedirs(folder, exist_ok=True)
        lines = ["[study]", f"seed = {seed}", "", "[data]", f"path = {toml_value(data)}"]
        lines += [f"{k} = {toml_value(v)}" for k, v in panel.items()]
        if "spatial" in case:
            lines += ["", "[spatial]"] + study_table(src, case["spatial"])
        for weights_name, table in case.get("weights", {}).items():
            lines += ["", f"[weights.{weights_name}]"] + study_table(src, table)
        lines += ["", "[[analysis]]", f"type = {toml_value(name)}"]
        lines += [f"{k} = {toml_value(v)}" for k, v in case["options"].items()]
        study = os.path.join(folder, "study.toml")
        with open(study, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        try:
            from_cli = json.loads(run(cmd))
            run([cbec, "run", study, "-o", os.path.join(folder, "report"), "--no-cache", "--threads", "1"])
            with open(os.path.join(folder, "report", "results.json"), encoding="utf-8") as f:
                from_study = json.load(f)["analyses"][0]["results"]
        except RuntimeError as e:
            failures.append(f"case {i} ({name}): {e}")
            continue
        if from_cli != from_study:
            diff = sorted(k for k in set(from_cli) | set(from_study) if from_cli.get(k) != from_study.get(k))
            failures.append(f"case {i} ({name}): the CLI's and the study's JSON differ in {diff}")
        else:
            print(f"ok   {name}: CLI and study JSON identical ({len(json.dumps(from_cli))} bytes)")
    for name in sorted(set(schemas) - covered):
        failures.append(f"'{name}' has no parity case in tests/parity/cases/")
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
