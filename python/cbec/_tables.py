"""cbec.etable([...]): results side by side, as a study's [[table]] puts them."""
import json
import os

from . import _engine
from ._checks import flag, json_safe, text, whole_number
from ._engine import SpecError
from ._results import Model, Result, Table


def etable(results, title="", names=None, t=False, keep=None, digits=3, drop=None, order=None, indicate=None, coefstat=None,
           stats=None, labels=None, numbers=False):
    """Models of reg, xtreg (and any result holding regression models) in one esttab-style table,
    rendered by the engine exactly as `cbec reg data "f1" "f2" ...` renders its models; with results
    offering columns of estimates (did's cs, sunab, imputation and didm ATT, unitroot's statistics),
    one table of estimates with a column per estimate set and per model, as a study's [[table]].

    results: Results or Models (a Result of several models adds all of them); names: column titles
    (default (1), (2), ...); t: t statistics instead of standard errors; keep, drop, order: terms
    (names or regular expressions); indicate: ["Controls = x3 x4", ...] rows saying Yes/No;
    coefstat: "se", "t", "p" or "ci" in parentheses; stats: summary rows (n, r2, adj_r2, r2_within,
    adj_r2_within, f, clusters, loglik, aic, bic, rmse, vcov); labels: a dict {name: label} or a CSV
    file name,label; numbers: column numbers (1)...(k) above the names. The same options as
    `cbec reg --keep ... --labels ...`.
    Returns a cbec.Table (print it, .render("latex"), .to_frame(), or display it in a notebook)."""
    if isinstance(results, (Result, Model)):
        results = [results]
    if not isinstance(results, (list, tuple)):
        raise SpecError(f"etable: results must be a result or a list of results (reg, xtreg, did, ...), not {type(results).__name__}")
    if not results:
        raise SpecError("etable: no results to put side by side; give at least one")
    title = text("etable", "title", title, optional=True)
    if isinstance(names, str) or (names is not None and not isinstance(names, (list, tuple))):
        raise SpecError(f"etable: names must be a list of column titles, not {names!r}")
    names = [text("etable", "names", n) for n in (names or [])]
    digits = whole_number("etable", "digits", digits, 0, 15)
    t, numbers = flag("etable", "t", t), flag("etable", "numbers", numbers)
    texts, split_names, model_names = [], [], []
    for r in results:
        if isinstance(r, Model):
            texts.append(json.dumps(json_safe(r.json)))
            model_names.append(r.name)
        elif isinstance(r, Result) and isinstance(r.json.get("estimates"), list):
            texts.append(json.dumps(json_safe(r.json)))
        elif isinstance(r, Result) and r.models:
            models = [json_safe(m.json) for m in r.models]
            for key in ("hausman", "hausman_robust"):   # the result's tests beside its models, noted under the table
                if isinstance(r.json.get(key), dict):
                    models[0] = {**models[0], key: json_safe(r.json[key])}
            texts.extend(json.dumps(m) for m in models)
            model_names.extend(m.name for m in r.models)
            if isinstance(r.json.get("groups"), list):
                split_names.extend(m.name for m in r.models)
        else:
            raise SpecError(f"etable takes regression results (reg, xtreg, ...) or results offering estimates (did, unitroot), "
                            f"not {getattr(r, 'analysis', type(r).__name__)!r}")
    options = {k: v for k, v in (("keep", keep), ("drop", drop), ("order", order), ("indicate", indicate), ("coefstat", coefstat),
                                 ("stats", stats)) if v is not None}
    if numbers:
        options["numbers"] = True
    label_map = {}
    if isinstance(labels, (str, os.PathLike)):
        options["labels"] = os.fspath(labels)
    elif isinstance(labels, dict):
        label_map = {str(k): text("etable", f"labels[{k!r}]", v) for k, v in labels.items()}
    elif labels is not None:
        raise SpecError(f"etable: labels must be a dict {{name: label}} or a CSV file of name,label, not {type(labels).__name__}")
    if names and len(names) != len(texts) and len(model_names) == len(texts):   # regression models: one column each
        raise SpecError(f"etable: {len(names)} names for {len(texts)} columns; give one name per model")
    if not names and len(split_names) == len(texts):   # models of split_by results: named by their groups
        names = split_names
    # Models named by their analysis (xtreg's within, random, ...) keep those names, as its own table.
    if not names and len(model_names) == len(texts) and not all(n == f"({i + 1})" for i, n in enumerate(model_names)) and \
            all(n and not (n.startswith("(") and n.endswith(")")) for n in model_names):
        names = model_names
    return Table(_engine.etable(texts, title, names, t, digits, options, label_map))
