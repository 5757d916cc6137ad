"""Argument checks of the Python layer, so a wrong value gets cbec's SpecError naming it (as the
command line's flags do) rather than a cast error from the engine's binding."""
import math
import numbers
import os

from ._engine import SpecError


def whole_number(where, key, value, low, high):
    """value (an int or a numpy integer) as an int in [low, high], or a SpecError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not low <= int(value) <= high:
        raise SpecError(f"{where}: {key} must be a whole number from {low} to {high}, not {value!r}")
    return int(value)


def number(where, key, value):
    """value as a finite float, or a SpecError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise SpecError(f"{where}: {key} must be a number, not {value!r}")
    return float(value)


def text(where, key, value, optional=False):
    """value as text (a path-like as its path); None only when optional."""
    if value is None and optional:
        return ""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str):
        raise SpecError(f"{where}: {key} must be text, not {type(value).__name__} {value!r}")
    return value


def flag(where, key, value):
    if not isinstance(value, bool):
        raise SpecError(f"{where}: {key} must be True or False, not {value!r}")
    return value


def json_safe(value):
    """A JSON value with NaN and infinities as null, as the engine writes missing numbers."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value
