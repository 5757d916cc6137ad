"""Every analysis of the registry is a Python function, generated from its schema: a new analysis
appears in Python with no change to the package."""
import inspect
import json
import keyword

import cbec


def test_every_registered_analysis_has_a_function(cli):
    registry = cli.json("analyses")
    names = [a["name"] for a in registry["analyses"]]
    assert names, "the registry lists no analysis"
    assert sorted(cbec.functions) == sorted(names)
    for a in registry["analyses"]:
        f = cbec.functions[a["name"]]
        # Reachable as the command line groups it: cbec.<command> or cbec.<command>.<analysis>.
        command = cbec.commands[a["command"]]
        python_name = a["name"] + ("_" if keyword.iskeyword(a["name"]) else "")
        assert command is f or getattr(command, python_name) is f
        params = inspect.signature(f).parameters
        for o in a["options"]:
            key = o["key"] + ("_" if keyword.iskeyword(o["key"]) else "")
            assert key in params, f"{a['name']}: no parameter {key}"
            assert o["help"] in f.__doc__
        if a["needs"]["panel"] != "none":
            assert {"unit", "time", "panel"} <= set(params)
        if a["needs"]["treatment"]:
            assert "first_treat" in params
        if a["needs"]["spatial"]:
            assert {"w", "id", "transform"} <= set(params)


def test_commands_on_the_package_as_in_the_issue():
    for name in ("reg", "xtreg", "did", "spatial", "index", "converge", "treat"):
        assert name in cbec.commands and getattr(cbec, name) is cbec.commands[name]
    assert cbec.did.cs is cbec.functions["cs"]
    assert cbec.spatial.moran is cbec.functions["moran"]
    assert cbec.index.entropy is cbec.functions["entropy"]
    assert callable(cbec.weights) and callable(cbec.run_study) and callable(cbec.etable)


def test_the_registry_is_the_engines():
    # The module reads the schemas from the engine it was built with, the same JSON `cbec analyses --json` gives.
    schemas = json.loads(cbec._engine.registry())["analyses"]
    assert [s["name"] for s in schemas] == list(cbec.functions)


def test_signature_and_defaults_come_from_the_schema(cli):
    schema = next(a for a in cli.json("analyses")["analyses"] if a["name"] == "cs")
    params = inspect.signature(cbec.did.cs).parameters
    for o in schema["options"]:
        if not o["required"]:
            assert params[o["key"]].default == o["default"], o["key"]
    assert params["y"].default is inspect.Parameter.empty
    assert "first_treat" in params and "seed" in params
