"""What each channel allocate moves buys at each monthly budget (``report --allocate B``): users against spend.

The channel's own formula (docs/formulas.md §4.1: saturation for cpa and cpm, each further post's
decayed views for kol) at its median values, in the budget form allocate puts it in, from 0 to the
largest budget the budget curve gives it; today's budget and the chosen one are marked on the line.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import numpy as np

from aigc_roi.model.by_month import is_by_month
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Channel, FloatArray, Moving, Scenario, Value
from aigc_roi.present.chart_format import amount_axis, number_axis
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.report import svg
from aigc_roi.present.report.formulas import formula
from aigc_roi.present.report.words import word
from aigc_roi.present.text import html_text

if TYPE_CHECKING:
    from aigc_roi.whatif.allocate import Allocation, ChannelAllocation

RESPONSE_STEPS = 40
"""Budgets drawn per channel: a smooth line at the chart's width."""


class _MedianRow:
    """Reads a value of the median scenario as the row a users-and-spend formula takes (model/channels/base.py
    ``Params``); a channel with a value by month is not drawn (``_moving_field``), so every value here is one number."""

    def __call__(self, value: Value) -> FloatArray:
        return np.asarray(value, dtype=np.float64).reshape(-1)

    def monthly(self, value: Moving) -> FloatArray:
        return self(value)[None, :]  # type: ignore[arg-type]


def users_per_month(channel: Channel, budgets: FloatArray) -> FloatArray:
    """Users the channel buys in an active month at each monthly budget."""
    users, _ = channel.with_budget(budgets).users_and_spend(_MedianRow())
    return np.broadcast_to(users, (1, budgets.size)).reshape(-1)


def response_section(scenario: Scenario, result: Allocation, style: NumberStyle) -> str:
    """One chart per moved channel; empty when no channel is moved."""
    lang = style.lang
    # By place: a row's name is its key, x (acquisition[1]) where two channels share x (whatif/allocate_names.py).
    median = realize(scenario).acquisition
    charts = [_moving_note(row.name, moving, lang) if (moving := _moving_field(median[row.index]))
              else _chart(median[row.index], row, result, style)
              for row in result.channels if row.status == "movable"]
    charts = [chart for chart in charts if chart]
    if not charts:
        return ""
    return f'<h2>{html_text(word("response", lang))}</h2>' + "".join(charts)


def _moving_field(channel: Channel) -> str | None:
    """The first of the channel's fields written by month: allocate moves its budget (a bid by month is allowed), but
    then each month buys a different number of users for the same budget, which one line cannot draw."""
    return next((field.name for field in dataclasses.fields(channel) if is_by_month(getattr(channel, field.name))), None)


def _moving_note(name: str, field: str, lang: str) -> str:
    return f"<p>{html_text(word('response_by_month', lang).format(name=name, field=field))}</p>"


def _chart(channel: Channel, row: ChannelAllocation, result: Allocation, style: NumberStyle) -> str:
    lang = style.lang
    curve_budgets = [split.get(row.name, 0.0) for point in result.curve for split in (point.phases or (point.split,))]
    top = max([row.current_budget, row.best_budget, *curve_budgets])
    if not top > 0:
        return ""
    budgets = np.linspace(0.0, top, RESPONSE_STEPS + 1)
    marked = users_per_month(channel, np.array([row.current_budget, row.best_budget]))
    series = [svg.Series(word("response_line", lang), list(zip(budgets.tolist(), users_per_month(channel, budgets).tolist(),
                                                                strict=True)), "line"),
              svg.Series(word("response_today", lang), [(row.current_budget, float(marked[0]))], "square"),
              svg.Series(word("response_chosen", lang), [(row.best_budget, float(marked[1]))], "diamond")]
    budget = svg.x_values(budgets.tolist(), [row.current_budget, row.best_budget], style.money)
    chart = svg.xy_chart(series, budget, style.count, row.name,
                         word("response_budget", lang).format(currency=style.currency), lang=lang, x_axis=amount_axis(style),
                         y_axis=number_axis)
    if getattr(channel, "saturation_budget", None) is not None:
        quoted = f"<code>{html_text(formula('s4-1', 'users ='))}</code>"
    elif row.type == "kol":
        quoted = f"<code>{html_text(formula('s4-1', 'E(posts, decay) ='))}</code>"
    else:
        quoted = html_text(word("response_linear", lang))
    return f"<figure>{chart}<figcaption>{html_text(row.name)}{html_text(word('colon', lang))}{quoted}</figcaption></figure>"
