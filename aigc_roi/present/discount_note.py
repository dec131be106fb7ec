"""What NPV is discounted at, said beside it: the annual rate, the monthly rate m it gives and when cash counts.

docs/formulas.md §5: ``m = (1 + discount_rate)^(1/12) - 1``, compounded (twelve months equal one year at the annual
rate, not ``discount_rate / 12``), and month t's cash is discounted from the end of month t. A figure discounted
at a rate the page does not state cannot be checked, nor compared with one discounted at another.

Every place that states the rate (run's views, the report, the workbooks, compare's basis) says it as ``rate_stated``
does: one number as the file writes it, a range as its median said to be one (docs/formulas.md §12).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from aigc_roi.model.rounding import fixed
from aigc_roi.model.scenario import Z90, Distribution
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle


def monthly_rate(annual: float) -> float:
    """m of an annual discount rate (model/figure_values.py computes it the same way)."""
    return math.expm1(math.log1p(annual) / 12.0)


def rate_text(rate: float, style: NumberStyle) -> str:
    """An annual discount rate written as one number, with the digits it has: ``10%``."""
    return f"{style.plain(rate * 100)}%"


def range_data(rate: Distribution | None) -> dict[str, Any] | None:
    """A range of rates as JSON's ``discount_rate_range`` holds it; None for one number."""
    if rate is None:
        return None
    return {"distribution": rate.kind, "low": rate.low, "high": rate.high, "mode": rate.mode}


def range_text(rate: Mapping[str, Any], style: NumberStyle) -> str:
    """A range of rates (``range_data``) as a file writes it, in percent: ``5%..15%`` where that text reads as it (a
    lognormal, or a normal reaching 0), else its mapping (``{dist: uniform, low: 5%, high: 15%}``)."""
    kind, low, high = rate["distribution"], rate["low"], rate["high"]
    if kind == "lognormal" or (kind == "normal" and low <= 0):
        return f"{rate_text(low, style)}..{rate_text(high, style)}"
    if kind == "normal":  # low and high are its 90% interval, mean -+ Z90 sd
        keys = {"mean": (low + high) / 2, "sd": (high - low) / (2 * Z90)}
    elif kind == "triangular":
        keys = {"low": low, "mode": rate["mode"], "high": high}
    else:
        keys = {"low": low, "high": high}
    return "{dist: " + ", ".join([kind, *(f"{key}: {rate_text(value, style)}" for key, value in keys.items())]) + "}"


def rate_stated(rate: float, written: Mapping[str, Any] | None, style: NumberStyle, drawn: bool = False) -> str:
    """The rate figures are discounted at as its file states it: one number as written (``10%``); a range's median
    (``rate``) rounded as percentages are, said to be one (``8.66% (median of 5%..15%)``), and where each sample draws
    its own rate (``drawn``), said to be drawn."""
    if written is None:
        return rate_text(rate, style)
    key = "basis_rate_drawn" if drawn else "basis_rate_median"
    return label(key, style.lang).format(median=style.percent(rate), range=range_text(written, style))


def npv_basis(annual: float, style: NumberStyle, written: Mapping[str, Any] | None = None) -> str:
    """``NPV at 10% a year, m = 0.797% a month compounded; each month's cash at its end.``: m is (1 + rate)^(1/12) - 1,
    twelve of which make the annual rate, not rate / 12 (0.833%); the formula itself is in the report's definitions.
    ``written``: the range (``range_data``) ``annual`` is the median of, which the note names; None for one number."""
    if annual == 0:
        return label("npv_basis_undiscounted", style.lang)
    return label("npv_basis", style.lang).format(rate=rate_stated(annual, written, style),
                                                 monthly=f"{fixed(monthly_rate(annual), 3, shift=2)}%")
