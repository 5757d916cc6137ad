#!/usr/bin/env python3
"""Runs the catalogue of bad inputs (tests/bad_inputs/*.json) against the cbec binary.

Each case writes its input files into a fresh folder, runs cbec there and checks:
- the exit code is the expected one (1 for a refused input, 0 for one read with a warning),
- never an internal error (exit 3), a crash (a signal) or a hang (a timeout),
- standard output and error are valid UTF-8 and, with --json, standard output is valid JSON,
- every `expect` text appears in the output and no `absent` text does.

Input files are given as text, or as {"gbk": text}, {"utf16": text} (little-endian with a BOM),
{"hex": bytes} or {"repeat": [text, count]} so that the catalogue itself stays plain UTF-8 JSON.

Usage: run_catalogue.py path/to/cbec [case-name-substring]
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))


def file_bytes(spec):
    if isinstance(spec, str):
        return spec.encode("utf-8")
    if "gbk" in spec:
        return spec["gbk"].encode("gbk")
    if "utf16" in spec:
        return b"\xff\xfe" + spec["utf16"].encode("utf-16-le")
    if "hex" in spec:
        return bytes.fromhex(spec["hex"])
    if "repeat" in spec:
        text, count = spec["repeat"]
        return (text * count).encode("utf-8")
    raise ValueError(f"unknown file spec {spec}")


def expand(arg, folder):
    return arg.replace("{src}", SOURCE).replace("{dir}", folder)


def run_case(cbec, case):
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        for name, spec in case.get("files", {}).items():
            with open(os.path.join(folder, name), "wb") as f:
                f.write(file_bytes(spec))
        args = [expand(a, folder) for a in case["args"]]
        try:
            r = subprocess.run([cbec] + args, cwd=folder, capture_output=True, timeout=case.get("timeout", 60))
        except subprocess.TimeoutExpired:
            return ["hangs (no answer in {} s)".format(case.get("timeout", 60))]
        out = r.stdout + r.stderr
        if r.returncode < 0:
            problems.append(f"crashed with signal {-r.returncode}")
        elif r.returncode == 3:
            problems.append("internal error (exit 3)")
        if r.returncode != case["exit"]:
            problems.append(f"exit {r.returncode}, expected {case['exit']}")
        try:
            text = out.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"output is not valid UTF-8 ({e})")
            text = out.decode("utf-8", "replace")
        if "--json" in args and r.returncode == 0:
            try:
                json.loads(r.stdout.decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as e:
                problems.append(f"--json output is not valid JSON ({e})")
        for want in case.get("expect", []):
            if expand(want, folder) not in text:
                problems.append(f"output lacks {want!r}")
        for unwanted in case.get("absent", []):
            if expand(unwanted, folder) in text:
                problems.append(f"output has {unwanted!r}")
        if problems:
            problems.append("output was:\n    " + text.strip().replace("\n", "\n    ")[:3000])
    return problems


def main():
    cbec = os.path.abspath(sys.argv[1])
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    cases = []
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".json"):
            with open(os.path.join(HERE, name), encoding="utf-8") as f:
                for case in json.load(f):
                    case["catalogue"] = name
                    cases.append(case)
    names = [c["name"] for c in cases]
    duplicated = {n for n in names if names.count(n) > 1}
    if duplicated:
        print(f"duplicate case names: {sorted(duplicated)}")
        return 1
    failed = 0
    ran = 0
    for case in cases:
        if only and only not in case["name"]:
            continue
        ran += 1
        problems = run_case(cbec, case)
        if problems:
            failed += 1
            print(f"FAIL {case['catalogue']} {case['name']}: {case.get('why', '')}")
            for p in problems:
                print("  - " + p)
    print(f"{ran - failed} of {ran} bad-input cases pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
