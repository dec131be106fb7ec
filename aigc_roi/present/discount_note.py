"""What NPV is discounted at, said beside it: the annual rate, the monthly rate m it gives and when cash counts.

docs/formulas.md §5: ``m = (1 + discount_rate)^(1/12) - 1``, compounded (twelve months equal one year at the annual
rate, not ``discount_rate / 12``), and month t's cash is discounted from the end of month t. A figure discounted
at a rate the page does not state cannot be checked, nor compared with one discounted at another.
"""

from __future__ import annotations

import math

from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle


def monthly_rate(annual: float) -> float:
    """m of an annual discount rate (model/figure_values.py computes it the same way)."""
    return math.expm1(math.log1p(annual) / 12.0)


def npv_basis(annual: float, style: NumberStyle) -> str:
    """``NPV at 10% a year, m = 0.797% a month compounded; each month's cash at its end.``: m is (1 + rate)^(1/12) - 1,
    twelve of which make the annual rate, not rate / 12 (0.833%); the formula itself is in the report's definitions."""
    if annual == 0:
        return label("npv_basis_undiscounted", style.lang)
    return label("npv_basis", style.lang).format(rate=f"{style.plain(annual * 100)}%",
                                                 monthly=f"{monthly_rate(annual) * 100:.3f}%")
