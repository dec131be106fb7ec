"""How numbers read in tables: rounding happens here and only here.

Money: thousands separators, 2 decimals in the headline figures and whole
units in monthly tables; with ``lang="zh"`` amounts of 10,000 or more are
shown in 万 with at least 1 decimal (or in 亿 with at least 2 decimals from
100,000,000). Ratios: 2 decimals; ROI and IRR as
percentages. Undefined figures show as an em dash.
"""

from __future__ import annotations

from dataclasses import dataclass

from aigc_roi.model.figures import unit_of

NONE = "—"


@dataclass(frozen=True)
class NumberStyle:
    lang: str = "en"
    currency: str = "CNY"

    def money(self, value: float | None, decimals: int = 2) -> str:
        if value is None:
            return NONE
        if self.lang == "zh" and abs(value) >= 1e4:
            # Pick the unit after rounding, so 99,999,999 reads 1.00亿, not 10,000.0万.
            in_wan = f"{value / 1e4:,.{max(decimals, 1)}f}"
            if abs(float(in_wan.replace(",", ""))) < 1e4:
                return in_wan + "万"
            return f"{value / 1e8:,.{max(decimals, 2)}f}亿"
        return f"{value:,.{decimals}f}"

    def count(self, value: float | None) -> str:
        if value is None:
            return NONE
        if self.lang == "zh" and abs(value) >= 1e4:
            return self.money(value, 1)
        return f"{value:,.0f}"

    def ratio(self, value: float | None) -> str:
        return NONE if value is None else f"{value:,.2f}"

    def percent(self, value: float | None) -> str:
        return NONE if value is None else f"{value * 100:,.2f}%"

    def month(self, value: float | None, never: str) -> str:
        return never if value is None else f"{value:.0f}"

    def figure(self, name: str, value: float | None, never: str = NONE) -> str:
        """A section-4 figure formatted by its unit (model/figures.py)."""
        unit = unit_of(name)
        if unit == "percent":
            return self.percent(value)
        if unit == "money":
            return self.money(value)
        if unit == "users":
            return self.count(value)
        if unit == "month":
            return self.month(value, never)
        return self.ratio(value)
