"""Shared helpers of the Python module's tests: the built command-line tool (CBEC_EXE, set by CTest;
else build/cbec) run on the same data, so each test compares the module with the CLI's output."""
import json
import os
import subprocess

import pytest

SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def path(*parts):
    return os.path.join(SOURCE, *parts)


@pytest.fixture(autouse=True)
def in_the_source_tree(monkeypatch):
    # Relative data paths mean the same file to the module and to the command line.
    monkeypatch.chdir(SOURCE)


@pytest.fixture(scope="session")
def cli():
    exe = os.environ.get("CBEC_EXE") or path("build", "cbec")
    if not os.path.exists(exe):
        pytest.fail(f"the cbec program is not built ({exe}); build it or set CBEC_EXE")

    def run(*args, json_output=True):
        p = subprocess.run([exe, *map(str, args)] + (["--json"] if json_output else []), capture_output=True, text=True, cwd=SOURCE)
        if p.returncode != 0:
            raise AssertionError(f"cbec {' '.join(map(str, args))}: exit {p.returncode}: {p.stderr}")
        return p.stdout

    run.json = lambda *args: json.loads(run(*args))
    return run
