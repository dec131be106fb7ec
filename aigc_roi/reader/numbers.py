"""Numbers as finance people write them: ``6_000_000``, ``1e6``, ``1.5万``, ``5%``.

Pure functions: text or YAML scalars in, floats out, or a ``ValueProblem``
saying what was expected.
"""

from __future__ import annotations

import math
import re
from typing import Any

SUFFIX_EXPONENTS = {"k": 3, "K": 3, "m": 6, "M": 6, "万": 4, "亿": 8, "%": -2}
"""Powers of ten of number suffixes (spec section 2; ``K`` also accepted)."""

_NUMBER = re.compile(
    r"""^\s*(?P<num>[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d+)?)
        \s*(?P<suffix>[kKmM万亿%]?)\s*$""",
    re.VERBOSE,
)
RANGE_SEPARATOR = ".."


class ValueProblem(ValueError):
    """A value that does not fit; the message reads after "expected ..."."""


def parse_number_text(text: str) -> float:
    """``"1.5万"`` -> 15000.0; raises ValueProblem for anything else."""
    match = _NUMBER.match(text)
    if match is None:
        raise ValueProblem("a number (suffixes k, m, 万, 亿, %)")
    value = float(match["num"].replace("_", ""))
    suffix = match["suffix"]
    if suffix:
        # Shift the decimal text, not the float, so "1.1%" is exactly 0.011.
        value = float(f"{value!r}e{SUFFIX_EXPONENTS[suffix]}")
    if not math.isfinite(value):
        raise ValueProblem("a finite number")
    return value


def is_number_text(text: str) -> bool:
    """True for text the format reads as a number (``1e6``, ``1.5万``, ``5%``)."""
    return _NUMBER.match(text) is not None


def to_number(value: Any) -> float:
    """A YAML scalar (int, float or suffixed string) as a finite float."""
    if isinstance(value, bool):
        raise ValueProblem("a number, not a boolean")
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:
            raise ValueProblem("a finite number") from None
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueProblem("a finite number")
        return value
    if isinstance(value, str):
        return parse_number_text(value)
    raise ValueProblem("a number")


def split_range(text: str) -> tuple[str, str] | None:
    """``"300..1000"`` -> ("300", "1000"); None when the text is not a range."""
    if RANGE_SEPARATOR not in text:
        return None
    low, _, high = text.partition(RANGE_SEPARATOR)
    return low, high
