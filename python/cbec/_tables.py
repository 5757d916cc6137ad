"""cbec.etable([...]): regression models side by side in the table `cbec reg` prints."""
import json

from . import _engine
from ._engine import SpecError
from ._results import Model, Result, Table


def etable(results, title="", names=None, t=False, keep=None, digits=3):
    """Models of reg, xtreg (and any result holding regression models) in one esttab-style table,
    rendered by the engine exactly as `cbec reg data "f1" "f2" ...` renders its models.

    results: Results or Models (a Result of several models adds all of them); names: column titles
    (default (1), (2), ...); t: t statistics instead of standard errors; keep: terms to show, in order.
    Returns a cbec.Table (print it, .render("latex"), .to_frame(), or display it in a notebook)."""
    if isinstance(results, (Result, Model)):
        results = [results]
    models = []
    for r in results:
        if isinstance(r, Model):
            models.append(r)
        elif isinstance(r, Result) and r.models:
            models.extend(r.models)
        else:
            raise SpecError(f"etable takes regression results (reg, xtreg, ...), not {getattr(r, 'analysis', type(r).__name__)!r}")
    texts = [json.dumps(m.json) for m in models]
    return Table(_engine.etable(texts, title or "", list(names or []), bool(t), list(keep or []), int(digits)))
