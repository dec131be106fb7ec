"""What a figure is and the rules every output follows for it: one table, ``FIGURES``.

Every layer above asks this module instead of keeping its own lists: the
engine fills ``FIGURE_NAMES`` in order, the presentation formats by
``unit``, says what a none means by ``none``, caps by ``display_cap``
and colours by ``coloured_by_sign``; ``compare``
marks the best by ``better``; ``simulate`` ranks "never" after every month
where ``never_ranks_last``; ``check`` bounds them. Adding a figure is one
line here, its computation in the engine and its labels (present/label_catalogue/figures.py).
Definitions: docs/formulas.md §5.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Unit = Literal["money", "users", "ratio", "percent", "month"]
"""money: the scenario's currency; users: people (expectations, may be fractional);
ratio: a plain multiple (ROAS 1.10); percent: a share shown x100 (ROI, IRR);
month: a whole month number of the horizon, or a count of months."""
Better = Literal["higher", "lower", "neither"]
"""peak_cash_month is "neither": an early or late low point is not better in itself."""
NoneMeaning = Literal["undefined", "never", "no_cash_need", "no_single_irr"]
"""What a figure's none (NaN in the engine, JSON null) says. undefined: a ratio over zero (shown "—");
never: not reached within the horizon (shown "never"), so later than any month; no_cash_need:
cumulative cash never goes below 0 (shown "—"); no_single_irr: the cash flow does not change sign
exactly once (shown with the run's ``irr_none_reason``, "none: no sign change" or "none: more than one sign
change")."""


@dataclass(frozen=True)
class Figure:
    name: str
    unit: Unit
    better: Better
    """Which way a figure improves; "neither" for a choice (ad spend), not an outcome."""
    none: NoneMeaning = "undefined"
    """What the figure's none says, so how every output shows it and how it ranks."""
    display_cap: float | None = None
    """Tables show a value above this as "> cap" (JSON, CSV and xlsx keep the number)."""
    coloured_by_sign: bool = False
    """The figures panel shows it green at 0 or more, red below: a gain or a loss at a glance."""
    over: str | None = None
    """The figure it is computed over: where that one is none, so is this one, and for that one's reason, not
    its own (a CAC payback without a CAC is no payback that never comes)."""
    never_past_horizon: bool = True
    """A "never" that means not within the horizon's months; False for one searched over ``ltv_months`` ages of a
    user (docs/formulas.md §5), which outputs must not bound by the horizon."""
    needs: str | None = None
    """A figure that must be non-zero for this one to say anything: without ad spend the campaign's paid payback is
    month 1 by definition (docs/formulas.md §12), which would read as a campaign that paid back, so the text formats
    say "no ad spend" instead (JSON, CSV and xlsx keep the value)."""
    calendar_month: bool = False
    """A month of the plan's calendar (a payback month, the peak cash month), which the text formats label as the
    months table does (``6 (2025-06)``) where the plan has a ``start``; not a count of months."""

    @property
    def undefined_for(self) -> str | None:
        """The figure whose state leaves this one nothing to say in a sample: the one it is computed ``over`` (none
        there) or the one it ``needs`` (0 there). A sampled distribution leaves such samples out and counts them
        apart (whatif/simulate.py, ``FigureSummary.undefined_share``)."""
        return self.over or self.needs

    @property
    def never_ranks_last(self) -> bool:
        """In percentiles none ranks after every month: "never" is the latest payback there is."""
        return self.none == "never"


IRR_DISPLAY_CAP = 10.0
"""Tables show an annual IRR above 1,000% as "> 1,000%": past that the number
says only that the cash flow barely borrows, and its digits mislead."""

FIGURES: tuple[Figure, ...] = (
    Figure("ad_spend", "money", "neither"),
    Figure("paid_users", "users", "higher"),
    Figure("new_users", "users", "higher"),
    Figure("cac", "money", "lower"),
    Figure("blended_cac", "money", "lower"),
    Figure("gross_revenue", "money", "higher"),
    Figure("net_revenue", "money", "higher"),
    Figure("contribution", "money", "higher"),
    Figure("net_cash", "money", "higher", coloured_by_sign=True),
    Figure("roas", "ratio", "higher"),
    Figure("roi", "percent", "higher", coloured_by_sign=True),
    Figure("blended_roas", "ratio", "higher"),
    Figure("payback_month", "month", "lower", none="never", calendar_month=True),
    Figure("first_payback_month", "month", "lower", none="never", calendar_month=True),
    Figure("paid_payback_month", "month", "lower", none="never", needs="ad_spend", calendar_month=True),
    Figure("peak_cash_need", "money", "lower"),
    Figure("peak_cash_month", "month", "neither", none="no_cash_need", calendar_month=True),
    Figure("npv", "money", "higher", coloured_by_sign=True),
    Figure("irr", "percent", "higher", none="no_single_irr", display_cap=IRR_DISPLAY_CAP),
    Figure("mirr", "percent", "higher", display_cap=IRR_DISPLAY_CAP),
    Figure("ltv", "money", "higher"),
    Figure("ltv_to_cac", "ratio", "higher", over="cac"),
    Figure("cac_payback_months", "month", "lower", none="never", over="cac", never_past_horizon=False),
)
"""The figures of docs/formulas.md §5, in the order every output lists them."""

FIGURE_NAMES: tuple[str, ...] = tuple(figure.name for figure in FIGURES)
BY_NAME: dict[str, Figure] = {figure.name: figure for figure in FIGURES}
DERIVED_FIGURES: tuple[Figure, ...] = (
    Figure("payback_probability", "percent", "higher"),
    Figure("subscribers", "users", "higher"),
    Figure("active_users", "users", "higher"),
    Figure("cumulative_cash", "money", "higher"),
)
"""Figures the engine does not compute: payback_probability is the simulated share of samples paying
back within the payback target, which `check` holds to ``targets.min_payback_probability``; the
monthly series a milestone may bound (model/milestones.py) that are no horizon figure."""
_RULES: dict[str, Figure] = {figure.name: figure for figure in (*FIGURES, *DERIVED_FIGURES)}

MONTH_COLUMNS: tuple[str, ...] = (
    "new_users", "active_users", "subscribers", "gross_revenue", "net_revenue", "ad_spend", "serving_cost",
    "delivery_cost", "referral_cost", "fixed_cost", "net_cash", "cumulative_cash", "recognised_revenue",
    "deferred_revenue",
)
"""The monthly series every output reports (docs/formulas.md §4.2-§4.8, §17), in order; money except
``COUNT_COLUMNS``."""
PAID_MONTH_COLUMNS: tuple[str, ...] = ("paid_contribution", "paid_cumulative_cash")
"""The paid channels' attributed contribution by month and P(t), its cumulative less ad spend, from which
``paid_payback_month`` is read (docs/formulas.md §5): after ``MONTH_COLUMNS`` in the files of `run` (JSON, CSV, xlsx),
so a reader rebuilds that figure as every other; money. The terminal and markdown, of fixed width, leave them out."""
COUNT_COLUMNS: frozenset[str] = frozenset({"new_users", "active_users", "subscribers"})
"""Month columns that count people (shown whole, never as money)."""

OPTIONAL_MONTH_COLUMNS: tuple[str, ...] = ("delivery_cost", "referral_cost")
"""Costs the terminal's months table shows only when some month has one (a column of zeros is noise there);
every file format always has them."""

CHANNEL_COLUMNS: tuple[str, ...] = (
    "name", "path", "type", "spend", "users", "cac", "roas", "roi", "gross_revenue", "contribution", "max_unit_cost",
    "saturating", "max_unit_cost_factor", "max_unit_cost_kind", "ltv", "ltv_to_cac",
)
"""Each channel's entries in every output (docs/formulas.md §6; ``ltv`` and ``ltv_to_cac`` of the users it
bought: §15), in order; ``path``, where the file sets it (``acquisition[1]``), tells apart two channels of one
name in JSON, CSV and xlsx; ``saturating`` beside the max bid, which it makes an average one, so a bid copied from
CSV or xlsx comes with the warning the table's "avg" gives; ``max_unit_cost_kind`` after both, what they price
(``bid``, ``cpm``, ``fee``, ``cost``: the channel type's unit cost), so a CSV row says it as the table's caption does."""


def rules_of(name: str) -> Figure:
    """The rules of a figure the engine computes or of a derived one (``KeyError`` for neither)."""
    return _RULES[name]


def unit_of(name: str) -> Unit:
    return _RULES[name].unit


def plain(value: Any) -> float | None:
    """A float, or None for the engine's NaN: a figure that is none (spec: JSON null)."""
    number = float(value)
    return None if math.isnan(number) else number


def figure_value(name: str, value: Any) -> float | int | None:
    """``plain``, with month figures as whole numbers."""
    number = plain(value)
    if number is not None and unit_of(name) == "month":
        return int(number)
    return number


def figures_of(figures: Mapping[str, Any], sample: int = 0) -> dict[str, float | int | None]:
    """One sample's figures (an engine ``Result.figures``) as plain numbers, none as None."""
    return {name: figure_value(name, figures[name][sample]) for name in FIGURE_NAMES}


def peak_cash_at_horizon(figures: Mapping[str, Any], horizon: int) -> bool:
    """Whether the lowest cumulative cash is in the last month (and below 0): cash still falling at the horizon, the
    peak cash need a lower bound (present/peak_cash.py)."""
    need, month = figures.get("peak_cash_need"), figures.get("peak_cash_month")
    return bool(need) and month is not None and int(month) >= horizon


def with_horizon_flag(figures: Mapping[str, Any], horizon: int) -> dict[str, Any]:
    """``figures`` (``figures_of``'s) with ``peak_cash_at_horizon`` added: what the machine formats and
    ``api.figures`` say beside them."""
    return {**figures, "peak_cash_at_horizon": peak_cash_at_horizon(figures, horizon)}
