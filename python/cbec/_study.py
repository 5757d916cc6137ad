"""cbec.run_study("study.toml"): the study runner of `cbec run`."""
import os

from . import _engine
from ._checks import flag, text, whole_number
from ._engine import SpecError
from ._generate import MAX_THREADS
from ._results import Study


def run_study(path, out=None, threads=0, no_cache=False, check=False):
    """Runs a study file as `cbec run` does and writes its report folder (default: the study's
    [study] output beside the file; out= another folder). Returns a cbec.Study: .sections (one
    cbec.Result per analysis), .json (results.json), .folder, .warnings. check=True only validates."""
    if not isinstance(path, (str, os.PathLike)):
        raise SpecError(f"run_study takes the path of a study file (.toml), not {type(path).__name__}; "
                        "a DataFrame is analysed by the analyses' own functions (cbec.reg, cbec.did, ...)")
    path = text("run_study", "path", path)
    out = text("run_study", "out", out, optional=True)
    threads = whole_number("run_study", "threads", threads, 0, MAX_THREADS)
    raw = _engine.run_study(path, out, threads, flag("run_study", "no_cache", no_cache), flag("run_study", "check", check))
    if check:
        return raw["n_analyses"]
    return Study(raw)
