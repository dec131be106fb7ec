"""The cumulative-cash chart's range caption never shows a cut number (QA numbers F3): Rich widens a panel for its
title only, so a range longer than the title was cut on the border (``-9,804,063 .. 1,695,``, zh ``-9,804 .. 1,6``).
Nor does it read 0 for an end other than 0 (docs/formulas.md §8, QA numbers F2 of be-words): such an end reads a
bound at its places, as the months table's cells do."""

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

from aigc_roi.present.numbers import NumberStyle, shown_nonzero
from aigc_roi.present.run_view import _range_caption, cash_chart

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
    return {style.whole(bottom, most_places=0), style.whole(top, most_places=0),
            *(style.in_unit(value, unit, nonzero_places=0) + unit for value in (bottom, top) for unit in units)}


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
    # An end reads 0 (0, 0.0k, 0.00亿) where it is 0, and only there.
    assert all(shown_nonzero(word) == (value != 0) for word, value in zip(words, (bottom, top), strict=False)), lines
    # Left out only where not even the amounts in full fit the width on lines of their own.
    assert words or max(cell_len(style.whole(bottom, most_places=0)),
                        cell_len(style.whole(top, most_places=0))) > width, lines


@pytest.mark.parametrize("cumulative", [[5e-324], [-5e-324], [5e-324, -1e-323]])
def test_a_span_too_small_to_share_among_the_rows_is_drawn(cumulative: list[float]) -> None:
    """Cumulative cash of a subnormal few: its span over the chart's rows underflows to 0 (hypothesis found 5e-324
    divided by zero)."""
    report = SimpleNamespace(months=[{"month": t + 1, "label": f"M{t + 1}", "cumulative_cash": value}
                                     for t, value in enumerate(cumulative)], figures={"payback_month": None})
    console = Console(width=40, file=io.StringIO(), color_system=None)
    console.print(cash_chart(report, NumberStyle("en", "CNY")))  # type: ignore[arg-type]
    assert "─" in console.file.getvalue()  # type: ignore[attr-defined]


# QA's s6, month 1: 10 users bought at 10 (100), each buying an item at 10 (100) delivered at 0.001 (0.01) and served
# at 0.004 (0.04), a fixed 0.4: cumulative cash 100 - 0.01 - 0.04 - 0.4 - 100 = -0.45, the lowest; month 2 adds the
# 0.1 viral users' and the order's 2.3 less 0.4 and a little: 1.448, the highest.
S6 = """version: 1
name: S6 tiny
horizon_months: 3
virality: 0.01
referral_reward: 0.01
acquisition:
  - {name: CPA, type: cpa, bid: 10, users: 10, months: 1}
retention: {monthly_churn: 0.99}
monetization:
  purchases: [{name: Item, price: 10, rate: 1, unit_cost: 0.001}]
  orders: [{name: O, price: 0.3, count: 1, months: 2}]
costs:
  serving_per_active_user: 0.004
  fixed: [{name: F, monthly: 0.4}]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_end_that_would_read_0_reads_a_bound(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "s6.yaml"
    path.write_text(S6, encoding="utf-8")
    shown = invoke(["run", str(path), "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    # The lowest cumulative cash, -0.45, reads >-1 as in the months table; the highest, 1.08, reads 1.
    assert re.search(r"╰─+ >-1 \.\. 1 ─+╯", shown), shown[-800:]


@pytest.mark.parametrize(("bottom", "top", "lang", "width", "caption"), [
    (-0.45, 1.08, "en", 80, (">-1 .. 1", [])),
    (-0.45, 1.08, "zh", 80, (">-1 .. 1", [])),
    (-0.45, 0.0, "en", 80, (">-1 .. 0", [])),      # a true 0 reads 0
    (0.0, 0.3, "zh", 80, ("0 .. <1", [])),
    (-2e-9, 5e-7, "en", 80, (">-1 .. <1", [])),
    # Too narrow for -9,804,063 (10 cells) on a line: in k, 9,804.063 to one decimal; 0.3 is 0.0003k, below 0.1k.
    (-9_804_063.0, 0.3, "en", 9, ("", ["-9,804.1k", "..", "<0.1k"])),
    # 98,765,432,101 whole is 14 cells, 98,765,432.1k 13: in M, 98,765.4M (9); -0.45 is -0.00000045M, above -0.1M.
    (-0.45, 98_765_432_101.0, "en", 9, ("", [">-0.1M ..", "98,765.4M"])),
])
def test_the_bound_in_every_unit(bottom: float, top: float, lang: str, width: int,
                                 caption: tuple[str, list[str]]) -> None:
    assert _range_caption(bottom, top, NumberStyle(lang, "CNY"), width) == caption


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_simulates_fan_reads_the_same_bounds(tmp_path: Path, lang: str) -> None:
    """`simulate`'s cash fan, by month and percentile, and its scale: s6 has no range, so every percentile of month 1
    is its -0.45 (>-1) and the highest, month 2's 1.448, reads 1."""
    path = tmp_path / "s6.yaml"
    path.write_text(S6, encoding="utf-8")
    shown = invoke(["simulate", str(path), "--samples", "100", "--lang", lang],
                   env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    fan = shown[shown.rindex("P5 ┃"):]  # the last table: the fan
    assert ">-1 .. 1 " in fan.splitlines()[0]
    assert re.search(r"│ M1 +│ >-1 │ >-1 │ >-1 │", fan), fan
