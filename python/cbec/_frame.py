"""pandas DataFrames to cbec's frame and back.

cbec's frame has numeric columns (float64, NaN missing) and text columns (codes into levels in
order of first appearance, -1 missing), as its CSV reader builds them (src/cbec/frame/column.hpp).
Numeric numpy columns (float, int, bool) are handed to the engine as they are and copied once,
into the frame; nullable pandas dtypes (Int64, Float64, boolean) become float64 with NaN first.
Object columns holding only numbers are numbers; other object, string and categorical columns are
text; None, NaN, pd.NA, "" and the CSV reader's missing texts ("NA", ".", ...) are missing.
"""
import os
import warnings

import numpy as np
import pandas as pd

from ._engine import DataError, missing_markers

# The texts a CSV cell is missing as ("NA", ".", "N/A", ...): missing in a text column too.
_MISSING_TEXT = frozenset(missing_markers())


def engine_data(data):
    """A file path (read by cbec as the command line reads it) or the columns of a DataFrame."""
    if isinstance(data, (str, os.PathLike)):
        return os.fspath(data)
    if isinstance(data, dict):
        data = pd.DataFrame(data)
    if not isinstance(data, pd.DataFrame):
        raise DataError(f"data must be a pandas DataFrame, a dict of columns or a file path, not {type(data).__name__}")
    names = [str(c) for c in data.columns]
    for n in names:
        if not n.isprintable() and not _utf8(n):
            raise DataError(f"column name {n!r} is not valid Unicode (a lone surrogate); rename the column")
    if len(set(names)) != len(names):
        raise DataError("the DataFrame has repeated column names: " + ", ".join(sorted({n for n in names if names.count(n) > 1})))
    return [column(name, data.iloc[:, j]) for j, name in enumerate(names)]


def column(name, s):
    """One column as the engine takes it: (name, numeric array) or (name, int32 codes, levels)."""
    dtype = s.dtype
    if isinstance(dtype, np.dtype) and dtype.kind == "c":
        raise DataError(f"column '{name}': complex numbers are not supported; give the real part (s.real) or the modulus (abs(s))")
    if isinstance(dtype, np.dtype) and dtype.kind == "m":
        raise DataError(f"column '{name}': time spans are not supported; give them as numbers (e.g. s.dt.days)")
    if pd.api.types.is_datetime64_any_dtype(dtype):
        raise DataError(f"column '{name}': dates are not supported; give the period as a whole number (e.g. s.dt.year)")
    if isinstance(dtype, np.dtype) and dtype.kind in "fiub":
        values = s.to_numpy(copy=False)
        if not dtype.isnative:   # big-endian bytes: the engine reads native ones
            values = values.astype(dtype.newbyteorder("="))
    elif pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
        values = s.to_numpy(dtype=np.float64, na_value=np.nan)
    elif dtype == object and pd.api.types.infer_dtype(s, skipna=True) in ("floating", "integer", "mixed-integer-float", "decimal"):
        # Numbers held as Python objects (Decimal, or a column cast to object) are numbers, as the
        # CSV reader reads a column of numbers.
        values = np.array([np.nan if v is None or v is pd.NA else float(v) for v in s], dtype=np.float64)
    else:
        return text_column(name, s)
    if values.dtype.kind in "iu" and values.size and max(abs(int(values.min())), abs(int(values.max()))) > 2**53:
        # As the CSV reader: whole numbers a double cannot hold exactly (18-digit codes) are text,
        # or distinct codes would merge.
        warnings.warn(f"column '{name}': whole numbers beyond 2^53 (codes such as 18-digit ids) are kept as text, "
                      "since a double cannot hold them exactly and distinct codes would merge", stacklevel=3)
        return text_column(name, pd.Series(values.astype(str)))
    if values.dtype.kind == "f":
        infinite = np.isinf(values)
        if infinite.any():
            # As the CSV reader, where "inf" is not a number: missing, and said.
            warnings.warn(f"column '{name}': {int(infinite.sum())} infinite value(s) read as missing", stacklevel=3)
            values = np.where(infinite, np.nan, values)
    return (name, values)


def _utf8(text):
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def text_column(name, s):
    values = s.astype(object)
    codes, uniques = pd.factorize(values, sort=False)
    texts = ["" if isinstance(u, str) and u in _MISSING_TEXT else str(u) for u in uniques]
    if not _utf8("".join(texts)):
        bad = next(t for t in texts if not _utf8(t))
        raise DataError(f"column '{name}': the text {bad!r} is not valid Unicode (a lone surrogate); fix or drop it")
    if "" in texts or len(set(texts)) != len(texts):
        # Different values with the same text (1 and "1") are one level; "" is missing, as in a CSV.
        levels, remap = [], {}
        for t in texts:
            if t and t not in remap:
                remap[t] = len(levels)
                levels.append(t)
        table = np.array([remap.get(t, -1) for t in texts] + [-1], dtype=np.int64)
        codes = table[codes]   # code -1 picks the trailing -1
        texts = levels
    return (name, np.ascontiguousarray(codes, dtype=np.int32), texts)


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
