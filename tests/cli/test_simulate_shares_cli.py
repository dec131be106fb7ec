"""`simulate`'s variance shares through the CLI, on the statistics QA's plans (finding 1).

STEEP_BID has one range, a lognormal bid with 90% of its draws in 0.05..20, buying users for a budget of 10,000
in month 1. Each user pays 10 a month and costs 1 to serve, half of them churning each month: 1 + 0.5 + 0.25 =
1.75 active months over the horizon of 3, 15.75 net per user. So net cash = 10,000 / bid x 15.75 - 10,000 =
157,500 / bid - 10,000 and roi = net cash / 10,000: both are a function of the bid alone, however steep (the
bid's draws reach 1e-4 and below), and the bid's share of either variance is 1.
"""

from __future__ import annotations

import csv
import json
import math
import textwrap
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke

from aigc_roi.model.scenario import Z90
from aigc_roi.whatif.rank_neighbour_share import share_error

STEEP_BID = """\
version: 1
name: One range bid 0.05..20
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: "0.05..20", budget: 10000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""
TWO_CHANNELS = """\
version: 1
name: Two independent channels, additive
horizon_months: 3
acquisition:
  - {name: Feed, type: cpa, bid: "2..20", budget: 10000, months: 1}
  - {name: Search, type: cpa, bid: "4..16", budget: 10000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""
SAMPLES = 20_000
REST = "The rest is not explained by any input alone (interactions between inputs, or estimation noise)."
REST_ZH = "其余部分不能由任何单个输入单独解释（输入之间的交互作用，或估计噪声）。"


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def simulate(path: str, *args: str) -> str:
    result = invoke(["simulate", path, *args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def shares(path: str, *args: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(simulate(path, "-f", "json", *args))["variance_shares"]
    return found


def words(text: str) -> str:
    return " ".join(text.split())


def chinese(text: str) -> str:
    """Without whitespace: Chinese wraps between any two characters, with no space where it breaks."""
    return "".join(text.split())


def test_one_uncertain_input_has_all_of_each_variance_and_no_rest(tmp_path: Path) -> None:
    path = write(tmp_path, STEEP_BID)
    # Equal-count bins of the bid gave 0.68, 0.80, 0.73, 0.39 and 0.51 at 1,000 to 200,000 samples.
    for samples in ("1000", str(SAMPLES)):
        assert shares(path, "--samples", samples) == {"net_cash": {"acquisition[0].bid": 1.0},
                                                      "roi": {"acquisition[0].bid": 1.0}}
    table = words(simulate(path, "--samples", "1000"))
    assert "With one uncertain input each figure is a function of it: all of its variance is that input's." in table
    assert "The rest" not in table and "interaction" not in table
    assert "只有一个不确定输入时，每个指标都是它的函数" in chinese(simulate(path, "--samples", "1000", "--lang", "zh"))


def test_a_steep_outcome_goes_whole_to_its_input_beside_an_input_it_ignores(tmp_path: Path) -> None:
    # The discount rate discounts npv; net cash and roi do not see it.
    path = write(tmp_path, STEEP_BID + "discount_rate: 0.05..0.2\n")
    found = shares(path, "--samples", str(SAMPLES))
    for target in ("net_cash", "roi"):
        assert found[target]["discount_rate"] == 0.0
        # A few samples far out in the bid's tail hold most of the variance, and what the outcome does between
        # them reads as noise: the estimate falls short of 1 by more than its error at no effect (0.996 on
        # average over 100 seeds, 0.981 at the least). The binned estimate gave 0.73 here.
        assert found[target]["acquisition[0].bid"] >= 0.97
    table = words(simulate(path, "--samples", "2000"))
    assert REST in table
    assert REST_ZH in chinese(simulate(path, "--samples", "2000", "--lang", "zh"))


def test_two_additive_channels_split_the_variance_as_their_bids_reciprocals_vary(tmp_path: Path) -> None:
    # Net cash = 157,500 (1 / B1 + 1 / B2) - 20,000. 1 / B of a lognormal B with median m and sigma s has variance
    # e^(s^2) (e^(s^2) - 1) / m^2: s = ln(high / low) / (2 Z90), m^2 = low x high.
    def reciprocal_variance(low: float, high: float) -> float:
        sigma2 = (math.log(high / low) / (2 * Z90)) ** 2
        return math.exp(sigma2) * math.expm1(sigma2) / (low * high)

    feed, search = reciprocal_variance(2, 20), reciprocal_variance(4, 16)
    assert feed / (feed + search) == pytest.approx(0.8767, abs=1e-4)  # by hand: 0.025792 / 0.029419
    found = shares(write(tmp_path, TWO_CHANNELS), "--samples", str(SAMPLES))
    for target in ("net_cash", "roi"):
        assert found[target]["acquisition[0].bid"] == pytest.approx(feed / (feed + search), abs=4 * share_error(SAMPLES))
        assert found[target]["acquisition[1].bid"] == pytest.approx(search / (feed + search), abs=4 * share_error(SAMPLES))
        assert sum(found[target].values()) == pytest.approx(1.0, abs=4 * share_error(SAMPLES))


def test_too_few_samples_leave_the_variance_unsplit_and_every_format_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_CHANNELS)
    # Not "0.00% each, the rest is interaction": not estimated at all.
    assert shares(path, "--samples", "50") == {target: {"acquisition[0].bid": None, "acquisition[1].bid": None}
                                               for target in ("net_cash", "roi")}
    note = ("Shares of the variance of Net cash, ROI not estimated: defined in 50 of the samples, at least 100 are "
            "needed.")
    assert note in words(simulate(path, "--samples", "50"))
    assert note in words(simulate(path, "--samples", "50", "-f", "markdown"))
    assert chinese("未估计 净现金流、ROI 的方差占比：只在 50 次抽样中有定义，至少需要 100 次。") in chinese(
        simulate(path, "--samples", "50", "--lang", "zh"))
    assert REST not in words(simulate(path, "--samples", "50"))
    rows = list(csv.reader(simulate(path, "--samples", "50", "-f", "csv").splitlines()))
    assert ["variance_shares", "acquisition[0].bid", "net_cash", "", ""] in rows
