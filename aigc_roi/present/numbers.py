"""How numbers read in tables: rounding happens here and only here, half away from zero on the number's 15
significant digits as a spreadsheet rounds (model/rounding.py, which the what-ifs' messages share).

Money: thousands separators, 2 decimals in the headline figures and whole
units in monthly tables; with ``lang="zh"`` amounts of 10,000 or more are
shown in 万 with at least 1 decimal (or in 亿 with at least 2 decimals from
100,000,000), each bound taken on the amount as rounded for display
(``_shown_below_10_000``). Counts of people: whole; in 万 with 1 decimal, 2 in the headline figures, as
their money. Ratios: 2 decimals; ROI and IRR as
percentages, an IRR above 1,000% as "> 1,000%". Undefined figures show as an em dash.

Compact amounts (narrow terminals, present/layout.py): one unit per column,
stated once in the header, chosen by the column's largest absolute value so
that it reads in at most 4 integer digits: k (thousands) below ten million,
else M, in English; 万 below 100,000,000 (亿 from there) in Chinese. One
decimal (two for 亿, as in the headline rule); a column whose amounts are
all below 10,000 keeps its plain form and needs no unit. Where each row of a
table takes its own unit (``compare``), every cell writes it (``11.8k``). A channel's spend or users other than 0
that would read 0 in its column's unit reads its first significant digits (``in_unit``'s ``nonzero_places``), as do
markdown's months and cohorts (``whole``): 300 of ad spend beside 1.2亿 reads 0.00030 (M); a true 0 reads 0. Those
digits stop at the 5th decimal of the cell's unit (``nonzero_text``): below 0.00001 of it a value reads ``<0.00001``
(``>-0.00001``). The terminal's months and cohort tables read such a value as a bound at the column's own places,
``<0.1``, ``>-1`` in full (``most_places`` 0), no wider than their other cells.

Two numbers a message or row compares take more decimals where these rules
would show two different ones as one text (model/compared.py ``told_apart``
over the ``decimals`` each style takes, ``figure``'s ``extra``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from aigc_roi.model.figures import Figure, rules_of
from aigc_roi.model.rounding import SIGNIFICANT_DIGITS, fixed, rounded, rounded_toward, value_places
from aigc_roi.present.labels import label

NONE = "—"
IRR_NONE_LABELS = {"no_sign_change": "irr_none_no_sign_change",
                   "more_than_one_sign_change": "irr_none_more_than_one_sign_change"}
"""The label of each reason an IRR is none (model/cashflow.py ``IRR_NONE_REASONS``); ``no_single_irr`` where no one
run's reason applies (a percentile of simulated draws)."""
WITHOUT_LABELS = {"ad_spend": "no_ad_spend"}
"""What a figure reads where the figure it ``needs`` (model/figures.py) is 0."""
COMPACT_UNITS = {"k": (3, 1), "M": (6, 1), "万": (4, 1), "亿": (8, 2)}
"""Unit -> (its power of ten, decimals) of compact amounts."""


def _shown_below_10_000(value: float, power: int, decimals: int) -> bool:
    """Whether ``value`` in units of 10^``power``, rounded to ``decimals`` as it would be shown, stays below 10,000.

    Every unit is chosen on the amount as shown, not as computed: 9,999.995 rounds to 10,000.00, so it reads
    1.00万, and 99,999,999 reads 1.00亿 rather than 10,000.0万.
    """
    # An unbounded maximum (inf) is no amount below 10,000, as float comparison has it.
    return math.isfinite(value) and abs(rounded(value, decimals - power)) < 10 ** (4 + power)


def _in_unit(value: float, power: int, decimals: int) -> str:
    """``value`` in units of 10^``power`` (the decimal point moved, not a float divided), thousands separated."""
    return fixed(value, decimals, separators=True, shift=-power)


def _in_wan_or_yi(value: float, decimals: int) -> str:
    """An amount of 10,000 or more as shown in Chinese: in 万 with at least 1 decimal, from 1亿 in 亿 with at least 2."""
    if _shown_below_10_000(value, 4, max(decimals, 1)):
        return f"{_in_unit(value, 4, max(decimals, 1))}万"
    return f"{_in_unit(value, 8, max(decimals, 2))}亿"


NONZERO_PLACES = 5
"""The most decimals of its cell's unit a value other than 0 that would read 0 takes (``nonzero_text``)."""


def nonzero_text(value: float, decimals: int, write: Callable[[int], str], most_places: int = NONZERO_PLACES) -> str:
    """``write(places)``, ``value`` (in the cell's unit) at ``decimals`` places, or where it is other than 0 and would
    read 0 there, at its first two significant digits (model/rounding.py ``value_places``): 300 beside 1.2亿 reads
    0.00030 (M), not 0.0, a true 0. Only down to the 5th decimal (``NONZERO_PLACES``, or ``decimals`` where more):
    word of mouth's new users decay toward 0 without reaching it, and 1.3e-17 (k) would read in 18 decimals and widen
    its column past the terminal (at 6 places, brand-subway's months table still lost two columns at 80). Below
    0.00001 of the unit the cell reads a bound, ``<0.00001`` (``>-0.00001``): not 0, and less than the last place
    shown; from 0.00001 to 0.0001 it reads at 5 decimals (0.00004). ``most_places`` below 5 moves the bound: at 0
    (or the cell's own decimals) no digit is added, and a value that would read 0 reads ``<0.1`` (``>-0.1``) in a
    column of one decimal, ``<1`` in whole units, a cell no wider than its neighbours."""
    places = value_places(value, decimals)
    cap = max(most_places, decimals)
    if places <= cap:
        return write(places)
    # Judged on the 15 significant digits every number is rounded from (model/rounding.py): 1e-6 as a float quotient
    # a hair below it is 0.00001.
    smallest = Decimal(1).scaleb(-cap)
    if abs(Decimal(f"{value:.{SIGNIFICANT_DIGITS}g}")) >= smallest:
        return write(cap)
    return f"<{smallest:f}" if value > 0 else f">-{smallest:f}"


HEADLINE_PLACES = 2
"""The places of a headline money figure (the figures table: run's, markdown's, compare's, the report's)."""


def headline_money(value: float, style: NumberStyle) -> str:
    """A money figure of the headline figures table at its cents, or, other than 0 and reading 0.00 there, a bound at
    the cents, as the months table's cells read one at their whole units (``nonzero_text``, docs/formulas.md §8): a
    peak cash need of 0.004 reads ``<0.01`` (a net cash of -0.004 ``>-0.01``), not 0.00, which says the plan needs no
    cash beside a peak cash month and a payback month 2."""
    return nonzero_text(value, HEADLINE_PLACES, lambda places: style.money(value, places), HEADLINE_PLACES)


def signed_change(text: str, value: float) -> str:
    """``text`` (``value`` as shown, its - written) with a + for a rise. A change that shows as 0 takes no sign: a
    difference of float noise (1.1e-16 between two ROAS) or a solver's last 1e-10 is no rise (docs/formulas.md §8)."""
    return f"+{text}" if value > 0 and shown_nonzero(text) else text


def shown_nonzero(text: str) -> bool:
    """Whether a number as shown (``0.00``, ``-0.4万``) reads as other than zero: it has a digit other than 0."""
    return any(digit in text for digit in "123456789")


def none_over(name: str, figures: Mapping[str, Any] | None) -> str | None:
    """The figure whose none makes ``name`` none in ``figures`` (``cac`` for ``cac_payback_months`` of a plan without
    paid users); None when ``name`` is none for its own reason, or ``figures`` do not say."""
    over = rules_of(name).over
    return over if over is not None and figures is not None and over in figures and figures[over] is None else None


def never_text(name: str, horizon: int, lang: str) -> str:
    """How a figure that is never reached reads in a run's figures: "never (≤ H)" for the payback months searched
    over the horizon, "never" alone for one searched over ``ltv_months`` (its label says so)."""
    never = label("never", lang)
    return f"{never} (≤ {horizon})" if rules_of(name).never_past_horizon else never


def month_label(month: int, labels: Sequence[str] | None) -> str | None:
    """The calendar label of plan month ``month`` (``2025-06``) where the plan has a start; None where its months are
    only numbered (``M6`` would repeat the number) or no labels are given."""
    if not labels or not 1 <= month <= len(labels) or labels[month - 1] == f"M{month}":
        return None
    return labels[month - 1]


def says_nothing(name: str, figures: Mapping[str, Any] | None) -> bool:
    """Whether ``name`` is moot in ``figures``: the figure it ``needs`` (model/figures.py) is 0, as a paid payback
    without ad spend, month 1 by definition. Tables say why instead of the value, and rank or subtract it with none."""
    needs = rules_of(name).needs
    return needs is not None and figures is not None and figures.get(needs) == 0


def irr_none_label(figures: Mapping[str, Any] | None) -> str:
    """The label of why an IRR is none: the run's ``irr_none_reason`` in ``figures`` (docs/formulas.md §5)."""
    return IRR_NONE_LABELS.get((figures or {}).get("irr_none_reason") or "", "no_single_irr")


def irr_borrowing(figures: Mapping[str, Any] | None) -> bool:
    """Whether the run's IRR in ``figures`` is a borrowing rate (``irr_kind``, docs/formulas.md §5): higher is worse."""
    return (figures or {}).get("irr_kind") == "borrowing"


def irr_borrowing_note(figures: Sequence[Mapping[str, Any] | None], lang: str) -> str | None:
    """The sentence under a table of these runs' figures when an IRR among them is a borrowing rate; else None."""
    return label("irr_borrowing_note", lang) if any(irr_borrowing(run) for run in figures) else None


def irr_kinds_differ(figures: Sequence[Mapping[str, Any] | None]) -> bool:
    """Whether some of these runs' IRRs are returns and some borrowing rates: no difference of the two means
    anything."""
    return len({(run or {}).get("irr_kind") for run in figures} - {None}) > 1


def past_display_cap(name: str, values: Iterable[float | None]) -> bool:
    """Whether a value of figure ``name`` among ``values`` reads only as "> 1,000%" (its display cap, model/figures.py):
    a change against it is no number anyone can read off the cells (3.2e13 less 1.7e10 is no change in points)."""
    cap = rules_of(name).display_cap
    return cap is not None and any(value is not None and value > cap for value in values)


def irr_better(figures: Sequence[Mapping[str, Any] | None]) -> str | None:
    """Which way the best IRR of these runs lies: "higher" for returns, "lower" where every one is a borrowing rate
    (cheaper money), None where some are and some are not (a rate of return and a cost of money do not rank)."""
    borrowing = [irr_borrowing(run) for run in figures]
    if not any(borrowing):
        return "higher"
    return "lower" if all(borrowing) else None


@dataclass(frozen=True)
class NumberStyle:
    lang: str = "en"
    currency: str = "CNY"

    def money(self, value: float | None, decimals: int = 2) -> str:
        if value is None:
            return NONE
        if self.lang == "zh" and not _shown_below_10_000(value, 0, decimals):
            return _in_wan_or_yi(value, decimals)
        # An amount that rounds to 0 has no sign (fixed): a solver's -1e-10 is not a loss.
        return fixed(value, decimals, separators=True)

    def last_place(self, value: float, decimals: int) -> float:
        """The amount one unit of the last digit of ``money(value, decimals)`` stands for: 0.01 for 12.34, 100
        for -4.1万 (zh keeps at least 1 decimal in 万 and 2 in 亿)."""
        if self.lang == "zh" and not _shown_below_10_000(value, 0, decimals):
            return 10.0 ** (4 - max(decimals, 1)) if _shown_below_10_000(value, 4, max(decimals, 1)) \
                else 10.0 ** (8 - max(decimals, 2))
        return 10.0 ** -decimals

    def toward(self, value: float, decimals: int, up: bool, held: Collection[float] = ()) -> float:
        """``value`` rounded up or down to the last digit ``money(value, decimals)`` shows (in 万 and 亿 too), so that
        it reads on that side of ``value``: a limit's good side, or the digit past it where that is ``held``
        (model/rounding.py ``rounded_toward``)."""
        return rounded_toward(value, -round(math.log10(self.last_place(value, decimals))), up, held)

    def compact_unit(self, values: Iterable[float | None]) -> str:
        """The unit one column of amounts is shown in when space is short ("" when none is needed)."""
        largest = max((abs(value) for value in values if value is not None), default=0.0)
        if _shown_below_10_000(largest, 0, 0):
            return ""
        if self.lang == "zh":
            return "万" if _shown_below_10_000(largest, *COMPACT_UNITS["万"]) else "亿"
        return "k" if _shown_below_10_000(largest, *COMPACT_UNITS["k"]) else "M"

    def in_unit(self, value: float | None, unit: str, nonzero_places: int | None = None) -> str:
        """``value`` in ``unit`` (from compact_unit), the unit itself left to the column header. ``nonzero_places``
        given: a value other than 0 that would read 0 in the unit reads its first significant digits (model/rounding.py
        ``value_places``), at most that many decimals, as a column's cells do: 160,000 beside 12亿 reads 0.0016 (亿),
        not 0.00, a channel's real 0; below them a bound, ``<0.00001`` at ``NONZERO_PLACES`` (``nonzero_text``'s
        ``most_places``). Not for a change: a solver's 1e-12 is no change to show."""
        if value is None:
            return NONE
        if not unit:
            return fixed(value, 0, separators=True)
        power, decimals = COMPACT_UNITS[unit]
        if nonzero_places is not None:
            # The places only: the number itself is shifted exactly (_in_unit), not a float divided.
            return nonzero_text(value / 10**power, decimals, lambda places: _in_unit(value, power, places),
                                nonzero_places)
        # -400 in k rounds to 0.0, without a sign (fixed): a sign on a zero would read as a loss.
        return _in_unit(value, power, decimals)

    def whole(self, value: float | None, count: bool = False, most_places: int = NONZERO_PLACES) -> str:
        """An amount (``count``: people) as a table's cells read it in full: whole, in 万 and 亿 in Chinese as ``money``
        (``count``) writes it; one other than 0 that would read 0 with its first significant digits (model/rounding.py
        ``value_places``), as ``in_unit``'s ``nonzero_places`` (``nonzero_text``, down to ``<0.00001``): a cohort's
        contribution of -0.35 reads -0.35, not 0, which is a cohort that earns and costs nothing."""
        if value is None:
            return NONE
        return nonzero_text(value, 0, lambda places: self.count(value, places) if count else self.money(value, places),
                            most_places)

    def block_unit(self, values: Iterable[float | None]) -> str:
        """The one unit amounts that add up (a change and its parts) are shown in with 2 decimals, so that they add
        up as shown: "" in English and where every one reads below 10,000, else 万 or 亿 as ``money`` would show
        the largest."""
        largest = max((abs(value) for value in values if value is not None), default=0.0)
        if self.lang != "zh" or _shown_below_10_000(largest, 0, 2):
            return ""
        return "万" if _shown_below_10_000(largest, 4, 2) else "亿"

    def with_unit(self, value: float | None, unit: str, extra: int = 0, plus: bool = False) -> str:
        """``value`` in ``unit`` with the unit after it (``11.8k``, ``1.2万``), where rows of one table each take their
        own unit, so no row's number reads in another's; ``extra`` decimals beyond the unit's, ``plus`` a + on a rise."""
        if value is None:
            return NONE
        power, decimals = COMPACT_UNITS[unit]
        # An amount that rounds to 0 has no sign (fixed): one would read as a loss or a rise.
        return fixed(value, decimals + extra, separators=True, shift=-power, plus=plus) + unit

    def count(self, value: float | None, decimals: int = 0, in_wan: int = 1) -> str:
        """People, whole; in Chinese from 10,000 in 万 with ``in_wan`` decimals (at least 1): 2 in the headline
        figures, as their money has (1.16万 paid users beside 28.00万 of ad spend, so the CAC of 24.14 reads back from
        them; 1.2万 would read back as 23.33)."""
        if value is None:
            return NONE
        if self.lang == "zh" and not _shown_below_10_000(value, 0, decimals):
            return _in_wan_or_yi(value, max(decimals, in_wan))
        return fixed(value, decimals, separators=True)

    def plain(self, value: float | None) -> str:
        """A number as an input states it, whatever its unit: thousands separated, cents and at least 6 significant
        digits kept (a range's median 547.723, a rate 0.015), trailing zeros dropped, never an exponent
        (2,000,000, not 2e+06)."""
        if value is None:
            return NONE
        if value == 0:
            return "0"
        decimals = max(2, 5 - math.floor(math.log10(abs(value))))
        return fixed(value, decimals, separators=True).rstrip("0").rstrip(".")

    def ratio(self, value: float | None, decimals: int = 2) -> str:
        return NONE if value is None else fixed(value, decimals, separators=True)

    def percent(self, value: float | None, decimals: int = 2) -> str:
        return NONE if value is None else f"{fixed(value, decimals, separators=True, shift=2)}%"

    def share(self, count: int, total: int, decimals: int = 2) -> str:
        """``count`` of ``total`` as a percentage that never rounds to an end it is not at: 3 of 100,000 reads
        ``<0.01%``, not ``0.00%`` (which says none), and 99,997 of 100,000 ``>99.99%``, not ``100.00%``.

        The smaller of a share and its complement is rounded half away from zero, the larger is 100% less it, so a
        share and the rest of the samples read 100.00% together wherever both are shown (payback "never 98.98%"
        beside a chance of payback of 1.02%, 203 of 20,000), where each rounded up would read 100.01%."""
        smaller = min(count, total - count)
        # Exact: the last decimal's units of a percent of ``smaller``, half away from zero, in integers.
        scale = 10 ** (decimals + 2)
        units = (2 * smaller * scale + total) // (2 * total) if total else 0
        text = self.percent((units if smaller == count else scale - units) / scale, decimals)
        # Judged on the text shown, so the ends are where fixed() rounds to them (half away from zero).
        if 0 < count and text == self.percent(0.0, decimals):
            return f"<{self.percent(1 / scale, decimals)}"
        if count < total and text == self.percent(1.0, decimals):
            return f">{self.percent(1 - 1 / scale, decimals)}"
        return text

    def chance(self, value: float, samples: int, decimals: int = 2) -> str:
        """A chance, a share of ``samples`` (``share``): every output that shows one, `simulate`'s, `compare`'s and
        `check`'s, shows it by this one rule; 3 of 100,000 reads ``<0.01%``."""
        return self.share(round(value * samples), samples, decimals)

    def points(self, change: float) -> str:
        """A change of a percentage, in percentage points: ``+1.50 pp`` (``+1.50 个百分点``)."""
        return f"{fixed(change, 2, separators=True, plus=change > 0, shift=2)} {label('percentage_points', self.lang)}"

    def month_change(self, change: float) -> str:
        return fixed(change, 0, plus=change > 0)

    def step(self, step: float) -> str:
        """A relative move such as a sensitivity step: 0.2 -> ``20%``."""
        return f"{step * 100:g}%"

    def month(self, value: float | None, never: str, decimals: int = 0) -> str:
        """A month number, whole; a mean of months with ``decimals`` (2.4, not a month 2 no sample has)."""
        return never if value is None else fixed(value, decimals)

    def figure(self, name: str, value: float | None, never: str = NONE, figures: Mapping[str, Any] | None = None,
               extra: int = 0, months: Sequence[str] | None = None) -> str:
        """A figure formatted by its rules (model/figures.py): unit, what its none says, display cap; ``figures``
        (the run's, with ``irr_none_reason`` and ``irr_kind``) say why it is none, or that an IRR is a borrowing
        rate; ``extra`` decimals beyond its unit's, to tell it from a limit it is compared with (model/compared.py
        ``told_apart``); ``months``, the plan's month labels, label a calendar month as the months table does
        (``6 (2025-06)``)."""
        rules = rules_of(name)
        if rules.needs is not None and says_nothing(name, figures):
            return label(WITHOUT_LABELS[rules.needs], self.lang)
        if value is None:
            if none_over(name, figures) is not None:
                return NONE
            if rules.none == "never":
                return never
            if rules.none == "no_single_irr":
                # Say why: an IRR exists only where the cash flow changes sign once (docs/formulas.md §5).
                return label(irr_none_label(figures), self.lang)
            return NONE
        text = self._figure_value(rules, value, never, extra, months)
        if name == "irr" and irr_borrowing(figures):
            # A borrowing-shaped flow's IRR is what the money costs: read the other way round (docs/formulas.md §5).
            return label("irr_borrowing_value", self.lang).format(value=text)
        return text

    def _figure_value(self, rules: Figure, value: float, never: str, extra: int, months: Sequence[str] | None) -> str:
        """A figure's number by its unit and display cap, a calendar month with its label in ``months``."""
        if rules.display_cap is not None and value > rules.display_cap:
            cap = rules.display_cap * 100 if rules.unit == "percent" else rules.display_cap
            return f"> {fixed(cap, 0, separators=True)}{'%' if rules.unit == 'percent' else ''}"
        unit = rules.unit
        if unit == "percent":
            return self.percent(value, 2 + extra)
        if unit == "money":
            return self.money(value, 2 + extra)
        if unit == "users":
            return self.count(value, extra, in_wan=2 + extra)
        if unit == "month":
            calendar = month_label(round(value), months) if rules.calendar_month else None
            return self.month(value, never) + ("" if calendar is None else f" ({calendar})")
        return self.ratio(value, 2 + extra)
