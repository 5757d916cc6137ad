"""cbec.run_study("study.toml"): the study runner of `cbec run`."""
import os

from . import _engine
from ._checks import whole_number
from ._generate import MAX_THREADS
from ._results import Study


def run_study(path, out=None, threads=0, no_cache=False, check=False):
    """Runs a study file as `cbec run` does and writes its report folder (default: the study's
    [study] output beside the file; out= another folder). Returns a cbec.Study: .sections (one
    cbec.Result per analysis), .json (results.json), .folder, .warnings. check=True only validates."""
    threads = whole_number("run_study", "threads", threads, 0, MAX_THREADS)
    raw = _engine.run_study(os.fspath(path), os.fspath(out) if out else "", threads, bool(no_cache), bool(check))
    if check:
        return raw["n_analyses"]
    return Study(raw)
