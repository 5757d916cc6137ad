"""Result objects: what an analysis returned (its JSON, tables and figures) with pandas views.

`Result.to_json()` is the text `cbec <command> ... --json` prints and `Result.summary()` the tables it
prints; `.coef`, `.se`, `.vcov` and `.tidy()` read the same JSON (cbec's uniform result shape:
statistics keyed by term, the variance matrix under vcov.matrix in vcov.terms' order).
"""
import json
import os

import numpy as np
import pandas as pd

from . import _engine
from ._checks import text
from ._engine import Error, SpecError


def _number(v):
    return np.nan if v is None else v


def _write_tables(tables, path, format):
    """The engine's table writer, its arguments checked: a path and, optionally, a format's name."""
    if not isinstance(path, (str, os.PathLike)):
        raise SpecError(f"write: path must be a file name, not {type(path).__name__} {path!r}")
    if not tables:
        raise SpecError("write: there is no table to write")
    _engine.write_tables(tables, os.fspath(path), text("write", "format", format, optional=True))


class Table:
    """A cbec table: the same cells and renderers (text, md, latex, csv, html) as the command line."""

    def __init__(self, table):
        self._table = table

    @property
    def title(self):
        return self._table.title

    @property
    def notes(self):
        return list(self._table.notes)

    def render(self, format="text"):
        return self._table.render(text("render", "format", format))

    def write(self, path, format=None):
        """Writes the table to a file, its format from the extension (.txt .md .tex .csv .html, or
        .xlsx: the one way to Excel, which render cannot return as text), as Result.write does."""
        _write_tables([self._table], path, format)

    def to_frame(self):
        """The table's cells (text) as a DataFrame: header as columns, title and notes in .attrs."""
        header = list(self._table.header)
        rows = [list(r) + [""] * (len(header) - len(r)) for r in self._table.rows]
        df = pd.DataFrame(rows, columns=header if header else None)
        df.attrs.update(title=self.title, notes=self.notes)
        return df

    def __str__(self):
        return self.render("text")

    def __repr__(self):
        return self.render("text")

    def _repr_html_(self):
        return self.render("html")


def _render_all(tables, format):
    # As the command line prints several tables: one blank line between them.
    format = text("summary", "format", format)
    return "\n".join(t.render(format) for t in tables)


class Model:
    """One regression model of a result (cbec's RegressionResult JSON)."""

    def __init__(self, json_dict, name=None):
        self.json = json_dict
        self.name = name

    @property
    def terms(self):
        return list(self.json["vcov"]["terms"]) if "vcov" in self.json else list(self.json["coef"])

    def _by_term(self, key):
        values = self.json.get(key, {})
        return pd.Series([_number(values.get(t)) for t in self.terms], index=pd.Index(self.terms, name="term"), name=key, dtype=float)

    @property
    def coef(self):
        return self._by_term("coef")

    @property
    def se(self):
        return self._by_term("se")

    @property
    def vcov(self):
        v = self.json.get("vcov")
        if not v or "matrix" not in v:
            raise Error("this model's results hold no variance matrix")
        terms = list(v["terms"])
        m = np.array([[_number(x) for x in row] for row in v["matrix"]], dtype=float).reshape(len(terms), len(terms))
        return pd.DataFrame(m, index=terms, columns=terms)

    @property
    def nobs(self):
        return self.json.get("nobs")

    def tidy(self):
        ci = self.json.get("conf_int", {})
        df = pd.DataFrame({
            "term": self.terms,
            "estimate": self.coef.to_numpy(),
            "std_error": self.se.to_numpy(),
            "statistic": self._by_term("stat").to_numpy(),
            "p_value": self._by_term("p_value").to_numpy(),
            "conf_low": [_number(ci.get(t, [None, None])[0]) for t in self.terms],
            "conf_high": [_number(ci.get(t, [None, None])[1]) for t in self.terms],
        })
        return df

    def to_json(self, indent=2):
        return json.dumps(self.json, indent=indent, ensure_ascii=False)


class Result:
    """What an analysis returned: .json (dict), .tables, .figures (Vega-Lite), .data (the data with
    the columns the analysis added, if it adds any); .coef, .se, .vcov, .tidy() for its models."""

    def __init__(self, analysis, json_text, tables, figures=(), data=None, title=None, model_names=None):
        self.analysis = analysis
        self._model_names = list(model_names or [])
        self.title = title
        self._json_text = json_text
        self.json = json.loads(json_text)
        self.tables = [t if isinstance(t, Table) else Table(t) for t in tables]
        self.figures = [{"name": n, "title": t, "spec": json.loads(s)} for n, t, s in figures]
        self.data = data

    @property
    def models(self):
        """The regression models in the results: `models` of reg/xtreg, or the result itself."""
        if isinstance(self.json.get("models"), list):
            names = self._model_names
            return [Model(m, names[i] if i < len(names) else m.get("name") or f"({i + 1})") for i, m in enumerate(self.json["models"])]
        if isinstance(self.json.get("coef"), dict):
            return [Model(self.json)]
        if isinstance(self.json.get("groups"), list):   # split_by: each group's models, named by group
            out = []
            for g in self.json["groups"]:
                models = g.get("results", {}).get("models") or []
                for i, m in enumerate(models):
                    name = f"{self.json.get('split_by', 'group')}={g.get('group')}" + (f" ({i + 1})" if len(models) > 1 else "")
                    out.append(Model(m, name))
            return out
        return []

    def _one_model(self, what):
        models = self.models
        if not models:
            # An AttributeError, so hasattr(result, "coef") is False for an analysis without coefficients.
            raise AttributeError(f"'{self.analysis}' gives no coefficients; its numbers are in .json and .tidy()")
        if len(models) > 1:
            raise Error(f"'{self.analysis}' holds {len(models)} models: take .models[i].{what}, or .tidy() for all")
        return models[0]

    @property
    def coef(self):
        """Coefficients by term (a DataFrame of terms x models when there are several)."""
        models = self.models
        if len(models) > 1:
            return pd.concat({m.name: m.coef for m in models}, axis=1)
        return self._one_model("coef").coef

    @property
    def se(self):
        models = self.models
        if len(models) > 1:
            return pd.concat({m.name: m.se for m in models}, axis=1)
        return self._one_model("se").se

    @property
    def vcov(self):
        return self._one_model("vcov").vcov

    def tidy(self):
        """Coefficients as a DataFrame (term, estimate, std_error, statistic, p_value, conf_low,
        conf_high; a model column when several); for analyses without coefficients, the first table."""
        models = self.models
        if models:
            frames = [m.tidy() for m in models]
            if len(models) > 1:
                for m, f in zip(models, frames):
                    f.insert(0, "model", m.name)
            return pd.concat(frames, ignore_index=True)
        if self.tables:
            return self.tables[0].to_frame()
        return pd.DataFrame()

    def summary(self, format="text"):
        """The tables as `cbec <command>` prints them (format: text, md, latex, csv, html)."""
        return _render_all(self.tables, format)

    def to_json(self):
        """The JSON text `cbec <command> ... --json` prints."""
        return self._json_text

    def write(self, path, format=None):
        """Writes the tables to a file as `cbec <command> ... -o path` does (format from the extension:
        .txt .md .tex .csv .html .xlsx, one sheet per table)."""
        _write_tables([t._table for t in self.tables], path, format)

    def __str__(self):
        return self.summary()

    def __repr__(self):
        return self.summary()

    def _repr_html_(self):
        return self.summary("html")


class Study:
    """A study run by cbec.run_study: its steps as Results, the report folder and results.json."""

    def __init__(self, raw):
        self.title = raw["title"]
        self.folder = raw.get("folder")
        self.warnings = list(raw.get("warnings", []))
        self.reused = raw.get("reused", 0)
        self.data_summary = Table(raw["data_summary"]) if "data_summary" in raw else None
        self.sections = [Result(s["type"], s["json"], s["tables"], title=s["title"]) for s in raw.get("sections", [])]
        self.json = None
        if self.folder:
            with open(f"{self.folder}/results.json", encoding="utf-8") as f:
                self.json = json.load(f)

    def summary(self, format="text"):
        tables = ([self.data_summary] if self.data_summary else []) + [t for s in self.sections for t in s.tables]
        return _render_all(tables, format)

    def __repr__(self):
        return f"<cbec study '{self.title}': {len(self.sections)} analyses, report in {self.folder}/index.html>"

    def _repr_html_(self):
        return self.summary("html")
