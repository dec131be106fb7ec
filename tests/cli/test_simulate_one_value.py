"""`simulate` where every draw reads the same (QA: huatu.yaml, a plan without ranges).

Its net-cash histogram spread one value over 20 bins 0.05 wide (``-6,333,752.684 .. -6,333,752.634 0.00%``): a
constant sample is widened to v ± 0.5 before it is binned, and the samples themselves are the same to the bit. It
now reads that value once. Its IRR cells read "none: no single IRR" where `run` said "none: no sign change": a
simulation's IRR now says why where every draw without one says the same.

The plans are followed by hand: a team costing 1,000 a month for 6 months and nothing earned loses 6,000, its
cash negative every month (no sign change). Launch and Relaunch bring 300 users each in months 1 and 3, paying 10
each in that month only (monthly churn 1), a billboard costs 5,000 in month 2: cash 3,000 - 1,000 = 2,000,
-5,000 - 1,000 = -6,000, 2,000: +, -, + (more than one sign change).
"""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.whatif.simulate import shared_reason

FALLING = """\
name: Falling
horizon_months: 6
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {fixed: [{name: team, monthly: 1_000}]}
acquisition:
  - {name: Poster, type: flat, cost: 0, users: 0}
"""
DISCOUNTED = FALLING.replace("horizon_months: 6\n", "horizon_months: 6\ndiscount_rate: 5%..15%\n")
"""A range that moves the NPV and not the cash: every draw's net cash is still -6,000."""
TWICE = """\
name: Twice
horizon_months: 3
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {fixed: [{name: team, monthly: 1_000}]}
acquisition:
  - {name: Launch, type: flat, cost: 0, users: 300, months: 1}
  - {name: Billboard, type: flat, cost: 5_000, users: 0, months: 2}
  - {name: Relaunch, type: flat, cost: 0, users: 300, months: 3}
"""
MIXED = TWICE.replace("users: 300, months: 1", "users: 0..300, months: 1").replace("users: 300, months: 3",
                                                                                    "users: 0..300, months: 3")
"""Cash 10 u1 - 1,000, -6,000, 10 u3 - 1,000: no sign change where u1, u3 < 100, two where both > 100, one else."""
ONE_VALUE = {"en": "Net cash over the horizon: -6,000.00 in every sample (CNY).",
             "zh": "周期内净现金流：每次抽样都是 -6,000.00（CNY）。"}
NO_SIGN_CHANGE = {"en": "none: no sign change", "zh": "无：现金流未变号"}
TWO_SIGN_CHANGES = {"en": "none: more than one sign change", "zh": "无：现金流多次变号"}


def _write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _simulate(path: Path, lang: str, *options: str) -> str:
    result = invoke(["simulate", str(path), "--samples", "300", "--lang", lang, *options],
                    env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@pytest.mark.parametrize("plan", [FALLING, DISCOUNTED], ids=["no-range", "range-moving-no-cash"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_net_cash_every_draw_shares_reads_once(tmp_path: Path, plan: str, lang: str) -> None:
    shown = _simulate(_write(tmp_path, plan), lang)
    assert ONE_VALUE[lang] in shown, shown
    assert "per bin" not in shown and "各区间" not in shown, shown
    # The draws are one value to the bit: nothing to bin but float noise would there be any.
    net_cash = api.simulate(api.load(_write(tmp_path, plan)), 300).sample_figures["net_cash"]
    assert np.all(net_cash == -6_000.0)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_says_that_one_value_as_the_terminal_does(tmp_path: Path, lang: str) -> None:
    """Markdown spread it over 20 bins of float noise (-6,000.500 .. -5,999.500 in 0.05 steps, 19 of them 0.00%)."""
    lines = _simulate(_write(tmp_path, DISCOUNTED), lang, "-f", "markdown").splitlines()
    assert ONE_VALUE[lang] in lines
    # After the chances, before the fan, where the histogram stands.
    chances, fan = ("### Chances", "### Cumulative cash by month (CNY)") if lang == "en" else ("### 概率", "### 各月累计现金流（CNY）")
    assert lines.index(chances) < lines.index(ONE_VALUE[lang]) < lines.index(fan)
    assert not any("per bin" in line or "各区间" in line or " .. " in line for line in lines)


def test_csv_holds_one_bin_of_that_value_with_every_sample(tmp_path: Path) -> None:
    """The CSV's bins were JSON's numpy bins, 20 of 0.05 from -6,000.5 to -5,999.5 and 19 empty: a reader filtering
    the histogram rows saw a spread of a dollar that no sample has."""
    shown = _simulate(_write(tmp_path, FALLING), "en", "-f", "csv")
    rows = [row for row in csv.reader(shown.splitlines()) if row[0] == "net_cash_histogram"]
    assert [row[1:3] + [float(row[3]), row[4]] for row in rows] == [
        ["1", "low", -6_000.0, "CNY"], ["1", "high", -6_000.0, "CNY"], ["1", "count", 300.0, ""]]


def test_json_keeps_numpys_bins_around_that_value(tmp_path: Path) -> None:
    """JSON's histogram is a program's: numpy's 20 bins over v ± 0.5 (widths it can plot), every sample in the one
    holding v; its figures say v itself."""
    data = json.loads(_simulate(_write(tmp_path, FALLING), "en", "-f", "json"))
    histogram = data["net_cash_histogram"]
    assert histogram["edges"] == pytest.approx([-6_000.5 + i / 20 for i in range(21)], abs=1e-9)
    assert histogram["counts"] == [0] * 10 + [300] + [0] * 9
    assert data["figures"]["net_cash"]["p50"] == -6_000.0


def test_a_spread_net_cash_keeps_its_histogram(tmp_path: Path) -> None:
    shown = _simulate(_write(tmp_path, MIXED), "en")
    assert "in every sample (CNY)" not in shown
    assert "Net cash over the horizon: share of samples per bin (CNY)" in shown
    markdown = _simulate(_write(tmp_path, MIXED), "en", "-f", "markdown")
    assert "in every sample (CNY)" not in markdown
    assert "### Net cash over the horizon: share of samples per bin (CNY)" in markdown.splitlines()
    rows = csv.reader(_simulate(_write(tmp_path, MIXED), "en", "-f", "csv").splitlines())
    assert {row[1] for row in rows if row[0] == "net_cash_histogram"} == {str(i) for i in range(1, 21)}


def _irr_cells(shown: str, lang: str) -> list[str]:
    """The IRR row's Mean, P5, P50 and P95, each cell's lines joined: a table may wrap a none's words in its column."""
    lines = shown.splitlines()
    name, after = ("IRR", "MIRR") if lang == "en" else ("内部收益率", "修正内部收益率")
    start = next(i for i, line in enumerate(lines) if line.startswith(f"│ {name}"))
    rows = [lines[start], *itertools.takewhile(lambda line: not line.startswith(f"│ {after}"), lines[start + 1:])]
    columns = zip(*(row.split("│")[2:6] for row in rows), strict=True)
    return [("" if lang == "zh" else " ").join(part.strip() for part in column if part.strip()) for column in columns]


@pytest.mark.parametrize(("plan", "reasons"), [(FALLING, NO_SIGN_CHANGE), (TWICE, TWO_SIGN_CHANGES)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_irr_none_in_every_draw_says_why_as_run_does(tmp_path: Path, plan: str, reasons: dict[str, str],
                                                        lang: str) -> None:
    path = _write(tmp_path, plan)
    run = invoke(["run", str(path), "--lang", lang], env={"COLUMNS": "100", "NO_COLOR": "1"}).stdout
    assert reasons[lang] in run
    # Mean, P5, P50 and P95 of the card, each the reason run gives.
    assert _irr_cells(_simulate(path, lang), lang) == [reasons[lang]] * 4
    markdown = _simulate(path, lang, "-f", "markdown")
    assert f"| {reasons[lang]} | {reasons[lang]} | {reasons[lang]} | {reasons[lang]} |" in markdown
    data = json.loads(_simulate(path, lang, "-f", "json"))
    assert data["figures"]["irr"]["none_reason"] == ("no_sign_change" if plan is FALLING else "more_than_one_sign_change")


def test_compare_on_risk_says_why_each_column_has_no_irr(tmp_path: Path) -> None:
    paths = [str(_write(tmp_path, FALLING)), str(_write(tmp_path, TWICE, "twice.yaml"))]
    shown = invoke(["compare", *paths, "--samples", "200", "-q"], env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    row = next(line for line in shown.splitlines() if "IRR" in line and "MIRR" not in line)
    assert [cell.strip() for cell in row.split("│")[2:-1]] == [
        "none: no sign change · defined in 0.00%", "none: more than one sign change · defined in 0.00%"]


def test_draws_without_an_irr_for_two_reasons_say_no_single_irr(tmp_path: Path) -> None:
    data = json.loads(_simulate(_write(tmp_path, MIXED), "en", "-f", "json"))
    assert data["figures"]["irr"]["none_reason"] is None
    assert 0 < data["figures"]["irr"]["defined_share"] < 1
    assert shared_reason([3, 0]) == "no_sign_change" and shared_reason([0, 5]) == "more_than_one_sign_change"
    assert shared_reason([3, 5]) is None and shared_reason([0, 0]) is None


def test_the_plot_draws_one_bar_at_that_value(tmp_path: Path) -> None:
    """Bins 0.05 wide beside the zero line drew nothing to see: the plot's histogram is one bar at -6,000."""
    from aigc_roi.present.chart import simulation_figure
    from aigc_roi.present.numbers import NumberStyle

    scenario = api.load(_write(tmp_path, FALLING))
    histogram = simulation_figure(api.simulate(scenario, 300), scenario, NumberStyle("en", "CNY")).axes[1]
    assert not histogram.patches
    [bar] = histogram.collections
    assert [list(map(float, point)) for point in bar.get_segments()[0]] == [[-6_000.0, 0.0], [-6_000.0, 1.0]]
