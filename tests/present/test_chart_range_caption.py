"""The cumulative-cash chart's range caption never shows a cut number (QA numbers F3): Rich widens a panel for its
title only, so a range longer than the title was cut on the border (``-9,804,063 .. 1,695,``, zh ``-9,804 .. 1,6``)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from cli_runner import invoke
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.run_view import cash_chart

# One user buys at 2,708,437.5 in month 1 for a 1,012,500 flat fee; a fixed 11,500,000 falls in month 2 alone: the
# cumulative cash is 1,695,937.5 then -9,804,062.5, halves rounded away from zero.
BIG = """\
name: rounding
horizon_months: 2
acquisition:
  - {name: A, type: flat, cost: 1012500, users: 1, months: 1}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: P, price: 2708437.5, rate: 1}]
costs:
  fixed: [{name: F, monthly: 11500000, months: 2}]
"""
SMALL = BIG.replace("1012500", "1012.5").replace("2708437.5", "2708.4375").replace("11500000", "11500")


@pytest.mark.parametrize(("plan", "lang", "caption"), [
    (BIG, "en", "-9,804,063 .. 1,695,938"), (SMALL, "zh", "-9,804 .. 1,696"), (BIG, "zh", "-980.4万 .. 169.6万")])
def test_the_range_sits_whole_on_the_border(tmp_path: Path, plan: str, lang: str, caption: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    shown = invoke(["run", str(path), "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    assert re.search(rf"╰─+ {re.escape(caption)} ─+╯", shown), shown[-800:]


def _forms(bottom: float, top: float, style: NumberStyle) -> set[str]:
    units = ("万", "亿") if style.lang == "zh" else ("k", "M")
    return {style.money(bottom, 0), style.money(top, 0), *(style.with_unit(value, unit) for value in (bottom, top)
                                                         for unit in units)}


@settings(max_examples=300, deadline=None)
@given(width=st.integers(5, 120), lang=st.sampled_from(["en", "zh"]),
       cumulative=st.lists(st.floats(-1.0, 1.0), min_size=1, max_size=40), power=st.integers(0, 12))
def test_no_width_cuts_a_number_of_the_caption(width: int, lang: str, cumulative: list[float], power: int) -> None:
    values = [value * 10.0 ** power for value in cumulative]
    report = SimpleNamespace(months=[{"month": t + 1, "label": f"M{t + 1}", "cumulative_cash": value}
                                     for t, value in enumerate(values)], figures={"payback_month": None})
    style = NumberStyle(lang, "CNY")
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(cash_chart(report, style))  # type: ignore[arg-type]
    lines = console.file.getvalue().rstrip("\n").split("\n")  # type: ignore[attr-defined]
    assert all(cell_len(line) <= width for line in lines)
    border = max(i for i, line in enumerate(lines) if line.startswith("╰"))
    on_border = lines[border].strip("╰╯─ ")
    words = [word for line in [on_border, *lines[border + 1:]] for word in line.split() if word != ".."]
    bottom, top = min(*values, 0.0), max(*values, 0.0)
    assert words == [] or (len(words) == 2 and set(words) <= _forms(bottom, top, style)), lines
    # Left out only where not even the amounts in full fit the width on lines of their own.
    assert words or max(cell_len(style.money(bottom, 0)), cell_len(style.money(top, 0))) > width, lines


@pytest.mark.parametrize("cumulative", [[5e-324], [-5e-324], [5e-324, -1e-323]])
def test_a_span_too_small_to_share_among_the_rows_is_drawn(cumulative: list[float]) -> None:
    """Cumulative cash of a subnormal few: its span over the chart's rows underflows to 0 (hypothesis found 5e-324
    divided by zero)."""
    report = SimpleNamespace(months=[{"month": t + 1, "label": f"M{t + 1}", "cumulative_cash": value}
                                     for t, value in enumerate(cumulative)], figures={"payback_month": None})
    console = Console(width=40, file=io.StringIO(), color_system=None)
    console.print(cash_chart(report, NumberStyle("en", "CNY")))  # type: ignore[arg-type]
    assert "─" in console.file.getvalue()  # type: ignore[attr-defined]
