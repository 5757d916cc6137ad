"""The package's analysis functions, generated at import from the engine's registry.

Each analysis's option schema (`cbec analyses --json`) becomes a function with the same option
names, defaults and documentation; what the user passes goes to the engine unchanged and is
checked there by the same validation as the command line and the study file. An analysis added to
the registry appears here with no change to this package. Besides its options, a function takes
what the analyses of its command need, as the command line's flags: unit, time (or panel="unit,time") for
panels, first_treat for staggered treatment, seed and threads for draws, and w (a cbec.weights
object or a weights file), id and transform for spatial weights.
"""
import inspect
import json
import keyword
import os

from . import _engine
from ._checks import flag, text, whole_number
from ._engine import Error, SpecError
from ._frame import engine_data, frame_of, with_columns
from ._results import Result
from ._weights import Weights

_P = inspect.Parameter


def _python_name(key):
    return key + "_" if keyword.iskeyword(key) else key


def _context_parameters(needs):
    """(parameter name, default, help) of what an analysis needs besides its options."""
    out = [("delimiter", None, "When data is a file: CSV field separator (',', ';', 'tab', '|'; default: detected)"),
           ("encoding", None, "When data is a file: its text encoding (utf-8, gbk, gb18030, utf-16; default: detected)"),
           ("thousands", None, "When data is a file: thousands separator, e.g. ',' reads \"1,234\" as 1234"),
           ("percent", False, "When data is a file: read \"12.5%\" as 0.125"),
           ("cache", False, "When data is a file: keep the parsed CSV in a column cache beside it (FILE.cbec-cache), read instead while the file is unchanged")]
    if needs["panel"] != "none":
        out += [("unit", None, "Unit identifier column"), ("time", None, "Time period column (whole numbers)"),
                ("panel", None, "\"unit,time\" (or a pair): the same as unit and time")]
    if needs["treatment"]:
        out.append(("first_treat", None, "First treatment period of each unit (0 or missing: never treated)"))
    if needs["resampling"]:
        out += [("seed", 12345, "Random seed (the same seed gives the same numbers whatever the thread count)"),
                ("threads", 0, "Threads for replications (0: all)")]
    if needs["spatial"]:
        out += [("w", None, "Spatial weights: a cbec.weights(...) object or a weights file (.gal, .gwt, .csv)"),
                ("id", None, "Data column holding the weights' unit ids"),
                ("transform", "R", "R (row-standardized), B (binary) or S (variance-stabilizing)"),
                ("matrix", False, "Read a .csv weights file as a dense matrix"),
                ("symmetrize", False, "Make every link mutual (an edge list giving each pair once)")]
    return out


def _doc(schema, context):
    lines = [schema["summary"] + ".", "", f"cbec {schema['command']}" + (f" --method {schema['name']}" if schema["command"] != schema["name"] else "")
             + " on the command line; type = \"" + schema["name"] + "\" in a study file.", "", "Parameters", "----------",
             "data : pandas.DataFrame, dict of columns, or a data file path (.csv, .dta)"]
    for o in schema["options"]:
        extra = []
        if o["required"]:
            extra.append("required")
        if o["default"] is not None and o["kind"] != "flag":
            extra.append(f"default {o['default']!r}")
        if o.get("choices"):
            extra.append("one of " + ", ".join(o["choices"]))
        lines.append(f"{_python_name(o['key'])} : {o['kind']}" + (f" ({'; '.join(extra)})" if extra else ""))
        lines.append(f"    {o['help']}" + "".join(f" (also {_python_name(a)}=)" for a in o.get("aliases", [])))
    for name, default, text in context:
        lines += [f"{name} : default {default!r}", f"    {text}"]
    lines += ["", "Returns", "-------", "cbec.Result"]
    return "\n".join(lines)


def _signature(schema, context):
    params = [_P("data", _P.POSITIONAL_OR_KEYWORD)]
    keyword_only = []
    for o in schema["options"]:
        default = _P.empty if o["required"] else o["default"]
        kind = _P.POSITIONAL_OR_KEYWORD if o["positional"] and o["required"] else _P.KEYWORD_ONLY
        (params if kind == _P.POSITIONAL_OR_KEYWORD else keyword_only).append(_P(_python_name(o["key"]), kind, default=default))
        keyword_only += [_P(_python_name(a), _P.KEYWORD_ONLY, default=None) for a in o.get("aliases", [])]
    keyword_only += [_P(name, _P.KEYWORD_ONLY, default=default) for name, default, _ in context]
    return inspect.Signature(params + keyword_only)


# The most threads a run may ask for (0: all cores), the engine's bound, as the command line's --threads.
MAX_THREADS = _engine.MAX_THREADS
_TEXT_CONTEXT = ("unit", "time", "first_treat", "id", "transform", "delimiter", "encoding", "thousands")
_FLAG_CONTEXT = ("percent", "cache", "matrix", "symmetrize")


def _check_context(name, ctx):
    """The values besides the options, checked as the command line's flags are: text, true/false,
    a seed of 64 bits, threads from 0 (all cores) to MAX_THREADS, weights as an object or a file."""
    for key, value in ctx.items():
        if key in _TEXT_CONTEXT:
            text(name, key, value)
        if key in _FLAG_CONTEXT:
            flag(name, key, value)
    if "seed" in ctx:
        ctx["seed"] = whole_number(name, "seed", ctx["seed"], 0, 2**64 - 1)
    if "threads" in ctx:
        ctx["threads"] = whole_number(name, "threads", ctx["threads"], 0, MAX_THREADS)
    w = ctx.get("w")
    if w is not None and not isinstance(w, (str, _engine.Weights)):
        raise SpecError(f"{name}: w must be a cbec.weights(...) object or a weights file path, not {type(w).__name__}")


def _make_function(schema, needs):
    name = schema["name"]
    option_keys = {_python_name(o["key"]): o["key"] for o in schema["options"]}
    option_keys.update({_python_name(a): o["key"] for o in schema["options"] for a in o.get("aliases", [])})
    context = [(n if n not in option_keys else n + "_context", d, t) for n, d, t in _context_parameters(needs)]
    context_keys = {n: n.removesuffix("_context") for n, _, _ in context}
    signature = _signature(schema, context)

    def function(*args, **kwargs):
        try:
            given = signature.bind(*args, **kwargs).arguments
        except TypeError as e:
            raise SpecError(f"{name}: {e}; its options: {', '.join(option_keys)}") from None
        data = given.pop("data")
        options, ctx = {}, {}
        for key, value in given.items():
            if value is None:
                continue   # None: not given (the schema's default applies)
            if key in option_keys:
                if option_keys[key] in options:
                    raise SpecError(f"{name}: '{option_keys[key]}' is given twice ({key}=)")
                options[option_keys[key]] = value
            elif isinstance(value, Weights):
                ctx[context_keys[key]] = value._built
            else:
                ctx[context_keys[key]] = os.fspath(value) if isinstance(value, os.PathLike) else value
        panel = ctx.pop("panel", None)
        if panel is not None:
            parts = [p.strip() for p in panel.split(",")] if isinstance(panel, str) else list(panel) if isinstance(panel, (list, tuple)) else []
            if len(parts) != 2 or not all(isinstance(p, str) for p in parts):
                raise SpecError(f"panel '{panel}' must name the unit and time variables as unit,time")
            ctx["unit"], ctx["time"] = parts
        _check_context(name, ctx)
        columns = engine_data(data)
        if getattr(columns, "notes", None):
            ctx["input_notes"] = list(columns.notes)
        try:
            raw = _engine.run(name, columns, options, ctx)
        except Error as e:
            if isinstance(columns, str):
                raise
            raise type(e)(_engine.rows_as_positions(str(e))) from None
        out_data = None
        if schema["adds_columns"]:
            out_data = frame_of(raw["frame"]) if "frame" in raw else with_columns(data, raw["created"])
        names = options.get("names")
        return Result(name, raw["json"], raw["tables"], raw["figures"], out_data, model_names=[names] if isinstance(names, str) else names)

    function.__name__ = function.__qualname__ = _python_name(name)
    function.__signature__ = signature
    function.__doc__ = _doc(schema, context)
    return function


class Command:
    """A command of several analyses, as on the command line: cbec.did(df, method="cs", ...) runs
    cbec.did.cs(df, ...). Each analysis is an attribute."""

    def __init__(self, command, functions):
        self._command = command
        self._functions = functions
        self.__name__ = command["name"]
        selector = command["selector"]
        self._selector = selector
        for analysis, f in functions.items():
            setattr(self, _python_name(analysis), f)
        listing = "\n".join(f"    {a:<12} {f.__doc__.splitlines()[0]}" for a, f in functions.items())
        how = f"cbec.{self.__name__}(data, \"<analysis>\", ...)" if command["selector_positional"] else f"cbec.{self.__name__}(data, {selector}=\"<analysis>\", ...)"
        default = f" (default {command['default_analysis']})" if command["default_analysis"] else ""
        self.__doc__ = f"{command['summary']}.\n\n{how}{default}, or cbec.{self.__name__}.<analysis>(data, ...):\n{listing}"

    def __call__(self, data, *args, **kwargs):
        if self._command["selector_positional"]:
            if not args:
                raise SpecError(f"cbec.{self.__name__}: name the analysis: one of {', '.join(self._functions)}")
            chosen, args = args[0], args[1:]
        else:
            chosen = kwargs.pop(self._selector, None) or self._command["default_analysis"]
        if not chosen:
            raise SpecError(f"cbec.{self.__name__}: choose {self._selector}= one of {', '.join(self._functions)}")
        if not isinstance(chosen, str) or chosen not in self._functions:
            raise SpecError(f"'{chosen}' is not an analysis of cbec {self.__name__}; use one of {', '.join(self._functions)}")
        return self._functions[chosen](data, *args, **kwargs)

    def __dir__(self):
        return sorted(set(super().__dir__()) | {_python_name(a) for a in self._functions})

    def __repr__(self):
        return f"<cbec command {self.__name__}: {', '.join(self._functions)}>"


def build():
    """{analysis name: function} and {command name: function or Command}, from the registry."""
    registry = json.loads(_engine.registry())
    schemas = {a["name"]: a for a in registry["analyses"]}
    functions = {}
    for c in registry["commands"]:
        # As on the command line, an analysis takes the context flags of its command's analyses (an
        # analysis may use the first treatment period without requiring it).
        members = [schemas[a]["needs"] for a in c["analyses"]]
        needs = {"panel": "optional" if any(n["panel"] != "none" for n in members) else "none"}
        needs.update({k: any(n[k] for n in members) for k in ("treatment", "resampling", "spatial")})
        for a in c["analyses"]:
            functions[a] = _make_function(schemas[a], needs)
    functions = {a: functions[a] for a in schemas}   # in the registry's order
    commands = {}
    for c in registry["commands"]:
        members = {a: functions[a] for a in c["analyses"]}
        commands[c["name"]] = members[c["analyses"][0]] if len(members) == 1 else Command(c, members)
    return functions, commands
