"""`simulate` CSV and markdown carry the net-cash histogram and the fan of cumulative cash by month, as the terminal
and JSON do (docs/simulate.md: the CSV is "everything in one tidy table"); they left both out.

ZERO_WIDTH (tests/spec_example.py) draws every range at one value: every sample is the run, whose cash is
-11,000, 4,500 and 2,250 by month less 300 of tools in month 1, so cumulative cash -11,300, -6,800 and -4,550 at
every percentile, and net cash -4,550 in every sample: the terminal's line in markdown, and in the CSV one bin
from -4,550 to -4,550 that holds them all. UNIFORM_BID: cumulative cash in month
t is 1000 t - 1000 B for B ~ U[0, 20], so its median is 1000 t - 10,000 and its P5 1000 t - 19,000.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import ZERO_WIDTH
from test_simulate_cli import UNIFORM_BID, write

SAMPLES = 400
CUMULATIVE = {"M1": -11300.0, "M2": -6800.0, "M3": -4550.0}


def _rows(path: Path, *args: str) -> list[list[str]]:
    result = invoke(["simulate", str(path), "--samples", str(SAMPLES), "-q", "-f", "csv", *args])
    assert result.exit_code == 0, result.stderr
    return list(csv.reader(result.stdout.splitlines()))


def test_csv_holds_the_fan_by_month_with_its_percentiles_in_the_currency(tmp_path: Path) -> None:
    rows = _rows(write(tmp_path, ZERO_WIDTH))
    fan = [row for row in rows if row[0] == "cash_fan"]
    expected = []
    for month, (name, cash) in enumerate(CUMULATIVE.items(), start=1):
        expected += [["cash_fan", name, "month", str(month), ""],
                     *(["cash_fan", name, key, f"{cash:g}", "CNY"] for key in ("p5", "p50", "p95")),
                     ["cash_fan", name, "samples", str(SAMPLES), ""]]
    assert fan == expected


def test_csv_holds_the_net_cash_histogram_bin_by_bin(tmp_path: Path) -> None:
    rows = _rows(write(tmp_path, UNIFORM_BID))
    bins: dict[str, dict[str, tuple[float, str]]] = {}
    for section, name, statistic, value, currency in rows:
        if section == "net_cash_histogram":
            bins.setdefault(name, {})[statistic] = (float(value), currency)
    assert list(bins) == [str(i) for i in range(1, 21)]
    assert all(list(fields) == ["low", "high", "count"] for fields in bins.values())
    # The edges are amounts, the counts samples.
    assert {fields["low"][1] for fields in bins.values()} == {"CNY"} == {fields["high"][1] for fields in bins.values()}
    assert {fields["count"][1] for fields in bins.values()} == {""}
    # Twenty bins end to end over the samples, each sample in one.
    assert all(bins[str(i)]["high"][0] == bins[str(i + 1)]["low"][0] for i in range(1, 20))
    assert sum(fields["count"][0] for fields in bins.values()) == SAMPLES


def test_csv_holds_a_net_cash_every_sample_shares_as_one_bin(tmp_path: Path) -> None:
    """Not JSON's 20 bins of 0.05 around it (tests/cli/test_simulate_one_value.py)."""
    rows = [row for row in _rows(write(tmp_path, ZERO_WIDTH)) if row[0] == "net_cash_histogram"]
    assert rows == [["net_cash_histogram", "1", "low", "-4550", "CNY"], ["net_cash_histogram", "1", "high", "-4550", "CNY"],
                    ["net_cash_histogram", "1", "count", str(SAMPLES), ""]]


def test_csv_fan_and_histogram_are_jsons_numbers_and_the_closed_form(tmp_path: Path) -> None:
    path = write(tmp_path, UNIFORM_BID)
    rows = _rows(path, "--percentiles", "5,50")
    data = json.loads(invoke(["simulate", str(path), "--samples", str(SAMPLES), "-q", "-f", "json",
                              "--percentiles", "5,50"]).stdout)
    fan = {(name, statistic): float(value) for section, name, statistic, value, _ in rows if section == "cash_fan"}
    for month in data["cash_fan"]["months"]:
        for key in ("p5", "p50"):
            assert fan[(month["label"], key)] == pytest.approx(month[key], rel=1e-14)
        t = month["month"]
        # Four standard errors of a sample quantile of a uniform bid at 400 samples: about 2,000 at P50, 900 at P5.
        assert fan[(month["label"], "p50")] == pytest.approx(1000 * t - 10_000, abs=2_000)
        assert fan[(month["label"], "p5")] == pytest.approx(1000 * t - 19_000, abs=900)
    histogram = data["net_cash_histogram"]
    counts = [int(value) for section, _, statistic, value, _ in rows if section == "net_cash_histogram"
              and statistic == "count"]
    assert counts == histogram["counts"]
    lows = [float(value) for section, _, statistic, value, _ in rows if section == "net_cash_histogram" and statistic == "low"]
    assert lows == pytest.approx(histogram["edges"][:-1], rel=1e-14)
    # Net cash is 24,000 - 1,000 B: within [4,000, 24,000].
    assert 4_000 <= lows[0] and histogram["edges"][-1] <= 24_000


@pytest.mark.parametrize(("lang", "one_value", "fan", "month"), [
    ("en", "Net cash over the horizon: -4,550.00 in every sample (CNY).", "### Cumulative cash by month (CNY)",
     "| Month | P5 | P50 | P95 |"),
    ("zh", "周期内净现金流：每次抽样都是 -4,550.00（CNY）。", "### 各月累计现金流（CNY）", "| 月份 | P5 | P50 | P95 |"),
])
def test_markdown_has_the_histogram_and_the_fan_under_their_titles(tmp_path: Path, lang: str, one_value: str,
                                                                    fan: str, month: str) -> None:
    result = invoke(["simulate", str(write(tmp_path, ZERO_WIDTH)), "--samples", str(SAMPLES), "-q", "-f", "markdown",
                     "--lang", lang])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # After the chances, before the variance shares, as the terminal orders them; a net cash every sample shares
    # is the terminal's line, not bins of float noise around it.
    assert lines.index(one_value) < lines.index(fan)
    fan_rows = lines[lines.index(fan) + 2:lines.index(fan) + 6]
    assert fan_rows[0] == month
    if lang == "en":
        assert fan_rows[2:] == ["| M1 | -11,300 | -11,300 | -11,300 |", "| M2 | -6,800 | -6,800 | -6,800 |"]


def test_markdown_bins_a_spread_net_cash(tmp_path: Path) -> None:
    result = invoke(["simulate", str(write(tmp_path, UNIFORM_BID)), "--samples", str(SAMPLES), "-q", "-f", "markdown"])
    lines = result.stdout.splitlines()
    title = lines.index("### Net cash over the horizon: share of samples per bin (CNY)")
    assert lines[title + 2:title + 4] == ["| Net cash | Share of samples |", "|---|---:|"]
    bins = lines[title + 4:title + 24]
    # Each bin's span and its share; the shares of all 20 make the whole, to their rounding.
    assert all(re.fullmatch(r"\| [-\d,.]+ \.\. [-\d,.]+ \| \d+\.\d\d% \|", row) for row in bins), bins
    assert sum(float(row.split("| ")[-1].rstrip("% |")) for row in bins) == pytest.approx(100, abs=0.1)
    assert not lines[title + 24].startswith("|")
