"""Every registered analysis, from Python, gives the command line's JSON text: the parity cases of
tests/parity/cases/ (one or more per analysis, kept by whoever adds the analysis) run through the
generated functions, with the data given as a file and as a pandas DataFrame. A new analysis and
its parity case are covered here with no change to the Python package or to this test."""
import importlib.util
import json
import os

import pandas as pd
import pytest

import cbec
from conftest import path

_spec = importlib.util.spec_from_file_location("check_parity", path("tests", "parity", "check_parity.py"))
check_parity = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_parity)


def cases():
    folder = path("tests", "parity", "cases")
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                out += [pytest.param(c, id=f"{name[:-5]}-{i}-{c['analysis']}") for i, c in enumerate(json.load(f))]
    return out


def python_spatial(flags):
    """The command line's weights flags (--w, --id, --transform, --matrix) as keyword arguments."""
    out, i = {}, 0
    while i < len(flags):
        key = flags[i].lstrip("-")
        if key == "matrix":
            out["matrix"] = True
            i += 1
        else:
            out[key] = flags[i + 1]
            i += 2
    return out


@pytest.mark.parametrize("case", cases())
@pytest.mark.parametrize("given_as", ["file", "frame"])
def test_parity_case(cli, case, given_as):
    registry = cli.json("analyses")
    schema = next(a for a in registry["analyses"] if a["name"] == case["analysis"])
    positional = {c["name"] for c in registry["commands"] if c.get("selector_positional")}
    command = schema["command"]
    args = [command]
    if sum(a["command"] == command for a in registry["analyses"]) > 1:
        args += [case["analysis"]] if command in positional else ["--method", case["analysis"]]
    args.append(case["data"])
    context = {}
    for key, flag in (("unit", "--unit"), ("time", "--time"), ("first_treat", "--first-treat")):
        if key in case.get("panel", {}) and schema["needs"]["panel"] != "none":
            args += [flag, case["panel"][key]]
            context[key] = case["panel"][key]
    if schema["needs"]["resampling"]:
        seed = case.get("seed", 12345)
        args += ["--seed", seed, "--threads", 1]
        context.update(seed=seed, threads=1)
    args += case.get("cli", []) + check_parity.cli_args(schema, case["options"])
    context.update(python_spatial(case.get("cli", [])))

    if given_as == "frame":
        if not case["data"].endswith(".csv"):
            pytest.skip("pandas reads CSV files here")
        data = pd.read_csv(path(case["data"]), float_precision="round_trip", keep_default_na=False, na_values=[""])
    else:
        data = case["data"]
    options = {k + ("_" if k in ("lambda", "class") else ""): v for k, v in case["options"].items()}
    result = cbec.functions[case["analysis"]](data, **options, **context)
    assert result.to_json() + "\n" == cli(*args)
