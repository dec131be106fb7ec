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


DAYS_PER_MONTH = 30.4375
"""365.25 / 12: the month a per-day amount is multiplied into (as model/fits.py does for retention days)."""

_PLAIN = r"[+-]?\d[\d_.]*(?:[eE][+-]?\d+)?"
_AMOUNT = rf"(?P<amount>{_PLAIN}\s*[kKmM万亿]?)"
FULL_WIDTH = {"：": ":", "，": ",", "％": "%", "“": '"', "”": '"', "‘": "'", "’": "'", "（": "(", "）": ")", "。": "."}
"""Characters a Chinese input method (IME) types in place of their ASCII twin."""


def _written(value: float) -> str:
    """A number as the format reads it back, without rounding (repr keeps every digit)."""
    return str(int(value)) if value == int(value) else repr(value)


def slip_hint(text: str) -> tuple[int, str] | None:
    """The likely slip behind ``text`` that is not a number, as (offset of the character
    to point at, hint), or None. The hints name the fix in the format's own words."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    for position, char in enumerate(text):
        if char in FULL_WIDTH:
            if char in "“”‘’":
                unquoted = stripped.strip("“”‘’")
                return position, f"full-width quote '{char}' (IME input) does not quote in YAML: write {unquoted} or use ASCII quotes"
            fixed = text.replace(char, FULL_WIDTH[char]).strip()
            if char == "，":
                fixed = fixed.replace(",", "_")
            return position, f"full-width '{char}' (IME input): write {fixed}"
    if match := re.fullmatch(rf"[¥￥]\s*{_AMOUNT}", stripped):
        return lead, f"write {match['amount']} without '{stripped[0]}': amounts are in the scenario's currency"
    if match := re.fullmatch(rf"{_AMOUNT}\s*(?:元|块|RMB|CNY|rmb)", stripped):
        unit = stripped[len(match["amount"]):].strip()
        return lead + stripped.index(unit, len(match["amount"])), \
            f"write {match['amount'].strip()} without '{unit}': amounts are in the scenario's currency"
    if match := re.fullmatch(rf"(?P<number>{_PLAIN})\s*[wW]", stripped):
        return lead + len(stripped) - 1, f"'w' is not a suffix: write {match['number']}万"
    if match := re.fullmatch(rf"(?P<number>{_PLAIN})\s*(?P<suffix>[kKmM万亿]?)\s*/\s*(?:天|日|day|d)", stripped):
        if is_number_text(match["number"]):
            per_month = parse_number_text(match["number"]) * DAYS_PER_MONTH
            return lead + stripped.index("/"), (
                f"budgets and costs are per month: {stripped} is {_written(per_month)}{match['suffix']} a month "
                f"({match['number']}{match['suffix']} x {DAYS_PER_MONTH:g} days), so write {_written(per_month)}{match['suffix']}")
    if match := re.fullmatch(rf"(?P<number>{_PLAIN}\s*[kKmM万亿]?)\s*/\s*(?:月|month|mo)", stripped):
        return lead + stripped.index("/"), f"amounts are per month already: write {match['number']}"
    if match := re.fullmatch(rf"(?P<low>{_PLAIN}\s*[kKmM万亿%]?)\s*[-~～—]\s*(?P<high>{_PLAIN}\s*[kKmM万亿%]?)", stripped):
        if not match["low"].lower().endswith("e"):
            return lead + len(match["low"]), f"a range is written low..high: {match['low'].strip()}..{match['high'].strip()}"
    if re.fullmatch(rf"{_PLAIN}(?:,\d{{3}})+(?:\.\d+)?", stripped):
        return lead + stripped.index(","), f"no thousands commas: write {stripped.replace(',', '_')}"
    return None
