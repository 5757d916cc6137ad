"""cbec for Python: the same C++ engine as the `cbec` command, pandas DataFrames in, results out.

    import pandas as pd, cbec
    df = pd.read_csv("tests/data/grunfeld.csv")
    m = cbec.reg(df, "inv ~ value + capital | firm + year", vcov="cluster:firm")
    m.tidy()
    print(cbec.etable([m, cbec.reg(df, "inv ~ value | firm")]))

Every analysis of cbec's registry is a function here, generated at import from its option schema
(the same names, options, defaults and checks as the command line and the study file):
`cbec.<command>` for commands with one analysis (`cbec.reg`, `cbec.xtreg`, `cbec.treat`, ...), and
`cbec.<command>(data, method=...)` with `cbec.<command>.<analysis>` for the others
(`cbec.did(df, method="cs", ...)`, `cbec.did.cs`, `cbec.spatial.moran`, `cbec.index.entropy`,
`cbec.converge`). `cbec.functions` maps every analysis name to its function.
"""
import os as _os

_here = _os.path.dirname(_os.path.abspath(__file__))
# The files cbec ships (data/: the pilot-zone registry, region schemes, polygons; web/: the figure
# renderer), beside the package in share/ as in an installed cbec, unless the environment names them.
for _name, _env in (("data", "CBEC_DATA_DIR"), ("web", "CBEC_WEB_DIR")):
    if not _os.environ.get(_env) and _os.path.isdir(_os.path.join(_here, "share", _name)):
        _os.environ[_env] = _os.path.join(_here, "share", _name)

from ._engine import DataError, Error, FormulaError, NumericError, SpecError  # noqa: E402
from ._engine import version as __version__  # noqa: E402
from ._generate import build as _build  # noqa: E402
from ._results import Model, Result, Study, Table  # noqa: E402
from ._study import run_study  # noqa: E402
from ._tables import etable  # noqa: E402
from ._weights import Weights, weights  # noqa: E402

_reserved = set(globals())
functions, commands = _build()
for _command, _function in commands.items():
    if _command not in _reserved:
        globals()[_command] = _function

__all__ = ["DataError", "Error", "FormulaError", "NumericError", "SpecError", "Model", "Result", "Study", "Table",
           "Weights", "commands", "etable", "functions", "run_study", "weights"] + sorted(c for c in commands if c not in _reserved)
