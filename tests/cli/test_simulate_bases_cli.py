"""`simulate` and `compare --samples` through the CLI: every share on its stated base, means of months with a
decimal (QA stats, 3-5).

NEGATIVE_BID, the docs' worked example with its bid uniform on [-10, 30]: a bid below 0 (a quarter of the draws) is
clipped to 0, so a quarter of the samples buy users for nothing and have no CAC. A user bought at B is worth 9, 4.5
and 2.25 in months 1-3 (price 10, serving 1, half leave each month), so of the samples with a CAC (B uniform on
(0, 30]) the CAC pays back in month 1 when B <= 9, by month 3 when B <= 15.75: never in 1 - 15.75 / 30 = 47.5% of
them. UNIFORM_BID (B uniform on [0, 20], users paying 1 a month for 12 months) pays back in month ceil(B) when
B <= 12: each month 1..12 with chance 1 / 20, so the mean payback month of those that do is 6.5. Sampled numbers get
four standard errors of tolerance.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import textwrap
from pathlib import Path

import pytest
from cli_runner import invoke

NEGATIVE_BID = """\
name: Negative bid
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: {dist: uniform, low: -10, high: 30}, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""
UNIFORM_BID = """\
name: Uniform bid
horizon_months: 12
acquisition:
  - {name: Ads, type: cpa, bid: {dist: uniform, low: 0, high: 20}, users: 1000, months: 1}
retention: {monthly_churn: 0}
monetization:
  purchases: [{name: Credits, price: 1, rate: 1}]
"""
SAMPLES = 20_000


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def within(found: float, p: float, samples: int) -> bool:
    return abs(found - p) <= 4 * math.sqrt(p * (1 - p) / samples)


def row_of(table: str, start: str) -> str:
    return next(line for line in table.splitlines() if line.startswith(f"│ {start}"))


def test_a_cac_payback_reads_its_no_cac_share_and_its_never_share_of_the_rest(tmp_path: Path) -> None:
    path = write(tmp_path, NEGATIVE_BID)
    table = invoke(["simulate", str(path), "--samples", str(SAMPLES), "-q"], env={"COLUMNS": "200"}).stdout
    cell = row_of(table, "CAC payback")
    found = re.search(r"no CAC in ([\d.]+)% of all · never ([\d.]+)% of the rest", cell)
    assert found is not None, cell
    assert within(float(found[1]) / 100, 0.25, SAMPLES) and within(float(found[2]) / 100, 0.475, SAMPLES * 3 // 4)
    data = json.loads(invoke(["simulate", str(path), "--samples", str(SAMPLES), "-q", "-f", "json"]).stdout)["figures"]
    assert within(data["cac_payback_months"]["undefined_share"], 0.25, SAMPLES)
    assert data["ltv_to_cac"]["undefined_share"] == data["cac_payback_months"]["undefined_share"]
    assert "undefined_share" not in data["roi"]
    rows = list(csv.reader(io.StringIO(invoke(["simulate", str(path), "--samples", "400", "-q", "-f", "csv"]).stdout)))
    assert [row[:3] for row in rows if row[2] == "undefined_share"] == [
        ["figures", "paid_payback_month", "undefined_share"], ["figures", "ltv_to_cac", "undefined_share"],
        ["figures", "cac_payback_months", "undefined_share"]]


def test_a_paid_payback_without_ad_spend_is_left_out_not_month_1(tmp_path: Path) -> None:
    # NEGATIVE_BID's quarter of draws at a bid of 0 spend nothing: their paid payback is month 1 by definition, which
    # says nothing. The rest pay back as their CAC does (no organic or viral users): in month 1 for B <= 9 (30% of
    # them), by month 2 for B <= 13.5 (45%), by month 3 for B <= 15.75 (52.5%), so their median is month 3. Counted
    # as month 1, the quarter would have made the median month 2 (0.25 + 0.75 x 0.45 = 59% by month 2).
    path = write(tmp_path, NEGATIVE_BID)
    data = json.loads(invoke(["simulate", str(path), "--samples", str(SAMPLES), "-q", "-f", "json"]).stdout)["figures"]
    paid = data["paid_payback_month"]
    assert paid["undefined_share"] == data["cac_payback_months"]["undefined_share"]
    assert within(paid["undefined_share"], 0.25, SAMPLES)
    assert (paid["p50"], paid["p95"]) == (3, None)
    assert within(paid["defined_share"], 0.75 * 0.525, SAMPLES)
    table = invoke(["simulate", str(path), "--samples", str(SAMPLES), "-q"], env={"COLUMNS": "200"}).stdout
    found = re.search(r"no ad spend in ([\d.]+)% of all · never ([\d.]+)% of the rest", row_of(table, "Paid payback"))
    assert found is not None, row_of(table, "Paid payback")
    assert within(float(found[2]) / 100, 0.475, SAMPLES * 3 // 4)
    zh = invoke(["--lang", "zh", "simulate", str(path), "--samples", "2000", "-q"], env={"COLUMNS": "200"}).stdout
    assert "全部样本中无广告支出" in zh


def test_a_plan_without_ad_spend_has_no_paid_payback_to_show(tmp_path: Path) -> None:
    path = write(tmp_path, NEGATIVE_BID.replace("bid: {dist: uniform, low: -10, high: 30}", "bid: 0")
                 .replace("price: 10, rate: 1", "price: {dist: uniform, low: 5, high: 15}, rate: 1"))
    data = json.loads(invoke(["simulate", str(path), "--samples", "400", "-q", "-f", "json"]).stdout)["figures"]
    assert data["paid_payback_month"] == {"mean": None, "p5": None, "p50": None, "p95": None, "defined_share": 0.0,
                                          "undefined_share": 1.0}
    table = invoke(["simulate", str(path), "--samples", "400", "-q"], env={"COLUMNS": "200"}).stdout
    # Its share says why there is none, as the card's "No ad spend 100.00%" does (QA zh3 F17).
    assert [cell.strip() for cell in row_of(table, "Paid payback").split("│")[2:-1]] == \
        ["—"] * 4 + ["no ad spend in 100.00% of all"]


@pytest.mark.parametrize(("lang", "no_cac", "never", "rest"), [
    ("en", "No CAC", "Never", r"([\d.]+)% of the rest"), ("zh", "无获客成本", "未回本", r"其余样本中 ([\d.]+)%")])
def test_a_card_gives_the_cac_payback_a_row_for_each_share(tmp_path: Path, lang: str, no_cac: str, never: str,
                                                           rest: str) -> None:
    """At 40 columns the figures are cards: the CAC payback's shares are two rows, each named by what it holds."""
    path = write(tmp_path, NEGATIVE_BID)
    cards = invoke(["simulate", str(path), "--samples", str(SAMPLES), "-q", "--lang", lang],
                   env={"COLUMNS": "40"}).stdout.splitlines()
    start = next(i for i, line in enumerate(cards) if line.startswith(("CAC payback", "单用户 CAC")))
    shares = [re.split(r"\s{2,}", line.strip(), maxsplit=1) for line in cards[start + 5:start + 7]]
    assert [label for label, _ in shares] == [no_cac, never], cards[start:start + 7]
    found_none, found_never = re.fullmatch(r"([\d.]+)%", shares[0][1]), re.fullmatch(rest, shares[1][1])
    assert found_none is not None and found_never is not None, shares
    assert within(float(found_none[1]) / 100, 0.25, SAMPLES)
    assert within(float(found_never[1]) / 100, 0.475, SAMPLES * 3 // 4)


def test_the_mean_of_a_month_figure_keeps_a_decimal(tmp_path: Path) -> None:
    path = write(tmp_path, UNIFORM_BID)
    table = invoke(["simulate", str(path), "--samples", str(SAMPLES)], env={"COLUMNS": "200"}).stdout
    mean = row_of(table, "Payback month").split("│")[2].strip()
    assert re.fullmatch(r"\d+\.\d", mean), mean
    # 12,000 samples pay back, each month 1..12 alike: the mean's standard deviation is sqrt(143 / 12 / 12,000).
    assert abs(float(mean) - 6.5) <= 4 * math.sqrt(143 / 12 / 12_000) + 0.05
    assert row_of(table, "Payback month").split("│")[4].strip().isdigit()  # P50 stays a whole month


def test_compare_shows_the_defined_share_and_stars_no_median_over_part_of_the_samples(tmp_path: Path) -> None:
    # ROI is defined in every draw of UNIFORM_BID but in only 3/4 of NEGATIVE_BID's (no ad spend at a bid of 0).
    whole, part = write(tmp_path, UNIFORM_BID), write(tmp_path, NEGATIVE_BID, "negative.yaml")
    table = invoke(["compare", str(whole), str(part), "--samples", "4000", "-q"], env={"COLUMNS": "220"}).stdout
    roi = row_of(table, "ROI")
    assert "★" not in roi
    share = re.search(r"defined in ([\d.]+)%", roi)
    assert share is not None and within(float(share[1]) / 100, 0.75, 4000)
    rows = list(csv.reader(io.StringIO(invoke(["compare", str(whole), str(part), "--samples", "4000", "-q",
                                               "-f", "csv"]).stdout)))
    [defined] = [row for row in rows if row[:2] == ["roi", "defined_share"]]
    assert float(defined[2]) == 1.0 and within(float(defined[3]), 0.75, 4000)
    [median] = [row for row in rows if row[:2] == ["roi", "p50"]]
    assert median[-1] == ""
