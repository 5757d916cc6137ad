"""pandas DataFrames to cbec's frame and back.

cbec's frame has numeric columns (float64, NaN missing) and text columns (codes into levels in
order of first appearance, -1 missing), as its CSV reader builds them (src/cbec/frame/column.hpp).
Numeric numpy columns (float, int, bool) are handed to the engine as they are and copied once,
into the frame; nullable pandas dtypes (Int64, Float64, boolean) become float64 with NaN first.
Categorical and string columns are text, as declared. Any other column (object, dates, periods,
...) is read from its cells' text by the CSV reader's rules (src/cbec/io/cell_column.hpp), so a
frame and its to_csv give the same columns: numbers unless most cells are not, TRUE/FALSE a dummy,
whole numbers beyond 2^53 text. In every column None, NaN, pd.NA, NaT, "" and the CSV reader's
missing texts ("NA", ".", ...; spaces and tabs around them ignored) are missing.
"""
import inspect
import os
import warnings

import numpy as np
import pandas as pd

from . import _engine
from ._engine import DataError, missing_markers

# The texts a CSV cell is missing as ("NA", ".", "N/A", ...): missing in a text column too.
_MISSING_TEXT = frozenset(missing_markers())
# Whole numbers from here on are not held exactly by a double (the CSV reader's rule, csv_cells.hpp).
_EXACT_WHOLE = 2**53


def engine_data(data):
    """A file path (read by cbec as the command line reads it) or the columns of a DataFrame."""
    if isinstance(data, (str, os.PathLike)):
        return os.fspath(data)
    if isinstance(data, dict):
        try:
            data = pd.DataFrame(data)
        except (ValueError, TypeError) as e:
            raise DataError(f"data: a dict of columns that is not a table ({e}); give columns of equal length") from None
    if not isinstance(data, pd.DataFrame):
        raise DataError(f"data must be a pandas DataFrame, a dict of columns or a file path, not {type(data).__name__}")
    names = [column_name(c) for c in data.columns]
    # Named index levels are columns too (a MultiIndex of unit and year, as linearmodels takes a
    # panel), unless a column has the name.
    index_levels = [level for level in data.index.names if level is not None and column_name(level) not in names]
    names += [column_name(level) for level in index_levels]
    for n in names:
        if not n.isprintable() and not _utf8(n):
            raise DataError(f"column name {n!r} is not valid Unicode (a lone surrogate); rename the column")
    if len(set(names)) != len(names):
        raise DataError("the DataFrame has repeated column names: " + ", ".join(sorted({n for n in names if names.count(n) > 1})))
    notes = []
    series = [data.iloc[:, j] for j in range(data.shape[1])] + [pd.Series(data.index.get_level_values(level)) for level in index_levels]
    return FrameColumns([column(name, s, notes) for name, s in zip(names, series)], notes)


class FrameColumns(list):
    """The columns as the engine takes them, and the notes their conversion gave (the frame's input
    notes, as the CSV reader's: in the result's JSON and tables, besides the warnings)."""

    def __init__(self, columns, notes):
        super().__init__(columns)
        self.notes = notes


def column_name(label):
    """A column label as the name formulas use: a MultiIndex header's levels joined by '_', as
    to_csv cannot write them either ('g_inv'), anything else as its text; without spaces and tabs
    around it, as the CSV reader reads a header (" inv" of read_csv(skipinitialspace=False) is inv)."""
    if isinstance(label, tuple):
        return "_".join(str(part).strip(" \t") for part in label if str(part).strip(" \t") != "")
    return str(label).strip(" \t")


def column(name, s, notes=None):
    """One column as the engine takes it: (name, numeric array) or (name, int32 codes, levels);
    what its conversion says is warned and added to notes."""
    notes = [] if notes is None else notes
    dtype = s.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "fiub":
        values = s.to_numpy(copy=False)
        if dtype.kind == "f" and dtype.itemsize != 8 and dtype.itemsize != 4:
            values = values.astype(np.float64)   # half and extended precision: widened (exact for half)
        elif not dtype.isnative:   # big-endian bytes: the engine reads native ones
            values = values.astype(dtype.newbyteorder("="))
        if dtype.kind in "iu" and _beyond_double(values):
            return cells_column(name, s, notes)   # 18-digit codes: text, as the CSV reader keeps them
    elif isinstance(dtype, np.dtype) and dtype.kind in "cmM":   # complex numbers, time spans, dates: their text
        return cells_column(name, s, notes)
    elif pd.api.types.is_integer_dtype(dtype):   # nullable Int64, UInt64, ...
        if _beyond_double(s.dropna()):
            return cells_column(name, s, notes)
        values = s.to_numpy(dtype=np.float64, na_value=np.nan)
    elif pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):   # nullable Float64, boolean
        values = s.to_numpy(dtype=np.float64, na_value=np.nan)
    elif isinstance(dtype, pd.CategoricalDtype) or isinstance(dtype, pd.StringDtype):
        return text_column(name, s)
    else:
        return cells_column(name, s, notes)
    if values.dtype.kind == "f":
        infinite = np.isinf(values)
        if infinite.any():
            # As the CSV reader, where "inf" is not a number: missing, and said.
            _note(notes, f"the DataFrame column '{name}': {int(infinite.sum())} infinite value(s) read as missing")
            values = np.where(infinite, np.nan, values)
    return (name, values)


def _beyond_double(whole):
    """Whether some of these whole numbers (no missing) are beyond 2^53, where doubles stop holding them exactly."""
    return len(whole) > 0 and max(abs(int(whole.min())), abs(int(whole.max()))) >= _EXACT_WHOLE


def cells_column(name, s, notes):
    """A column read from its cells' text (str of each value, as to_csv writes it; missing ones
    None) by the CSV reader's rules, its notes (text cells read as missing, codes kept as text,
    TRUE/FALSE as 1/0) given as warnings."""
    missing = pd.isna(s).to_numpy()
    texts = s.to_numpy(dtype=object) if s.dtype == object else s.astype(str).to_numpy()   # dates as to_csv writes them
    cells = [None if m else str(v) for v, m in zip(texts, missing)]
    for cell in cells:
        if cell is not None and not _utf8(cell):
            raise DataError(f"column '{name}': the text {cell!r} is not valid Unicode (a lone surrogate); fix or drop it")
    values, said = _engine.cells_column(name, cells)
    for note in said:
        _note(notes, note)
    return (name, *values) if isinstance(values, tuple) else (name, values)


def _note(notes, text):
    warnings.warn(text, stacklevel=_user_level())
    notes.append(text)


def _user_level():
    """The warnings' stack level that names the caller of cbec's function (not this module)."""
    frame, level = inspect.currentframe().f_back, 1
    while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "cbec":
        frame, level = frame.f_back, level + 1
    return level


def _utf8(text):
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def text_column(name, s):
    """A categorical or string column as text: each level's text without spaces and tabs around it,
    missing when empty or a missing text, as the CSV reader reads a text cell. A Categorical's
    levels keep the order of its categories (its first the reference level of a regressor, as in R
    and patsy); a string column's are sorted as a CSV's text."""
    declared = isinstance(s.dtype, pd.CategoricalDtype)
    if declared:
        codes, uniques = s.cat.codes.to_numpy(), list(s.cat.categories)
    else:
        codes, uniques = pd.factorize(np.asarray(s.astype(object), dtype=object), sort=False)
    texts = [str(u).strip(" \t") for u in uniques]
    texts = ["" if t in _MISSING_TEXT else t for t in texts]
    if not _utf8("".join(texts)):
        bad = next(t for t in texts if not _utf8(t))
        raise DataError(f"column '{name}': the text {bad!r} is not valid Unicode (a lone surrogate); fix or drop it")
    if "" in texts or len(set(texts)) != len(texts):
        # Different values with the same text (1 and "1", "a" and "a ") are one level; "" is missing, as in a CSV.
        levels, remap = [], {}
        for t in texts:
            if t and t not in remap:
                remap[t] = len(levels)
                levels.append(t)
        table = np.array([remap.get(t, -1) for t in texts] + [-1], dtype=np.int64)
        codes = table[codes]   # code -1 picks the trailing -1
        texts = levels
    return (name, np.ascontiguousarray(codes, dtype=np.int32), texts, declared)


def to_series(values, index=None):
    """A column from the engine: float64 values or (codes, levels) as a categorical."""
    if isinstance(values, tuple):
        codes, levels = values
        return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(levels, dtype=object)), index=index)
    return pd.Series(values, index=index)


def with_columns(df, created):
    """The caller's DataFrame with the columns an analysis added (or replaced)."""
    if isinstance(df, dict):
        df = pd.DataFrame(df)
    out = df.copy()
    for name, values in created.items():
        out[name] = to_series(values, index=out.index)
    return out


def frame_of(columns):
    """A DataFrame of every column of the engine's frame."""
    return pd.DataFrame({name: to_series(values) for name, values in columns})
