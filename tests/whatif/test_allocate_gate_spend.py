"""What `allocate` says a split spends where a gate passes at the plan's medians but fails in some of a risk
objective's draws (docs/allocate.md, gates): `best.spend` is what `run` of the split spends (the gates decided at the
medians, as run decides them), and the mean over the draws is told apart, with the gate's pass share.

The plan: Test (locked, cpa, bid drawn in 8..12, median 10, 1,000 a month in months 1-2) is tested for a CAC of at
most 10.5; Feed (cpa, bid 20, months 1-4) stops after month 2 where it fails. At the medians the CAC is 10 and the gate
passes, so run of B = 2,000 spends 2 x 1,000 + 4 x 2,000 = 10,000 and of today's 1,000 2,000 + 4 x 1,000 = 6,000.
In a draw failing the gate Feed spends months 1-2 only: the mean is 2,000 + 2 x 2,000 + 2 x 2,000 x p = 6,000 + 4,000 p
at B (2,000 + 2,000 + 2,000 p today), p the share of draws passing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import allocate

PLAN = """\
name: Gate by draw
horizon_months: 4
acquisition:
  - {name: Test, type: cpa, bid: "8..12", budget: 1000, months: 1-2}
  - {name: Feed, type: cpa, bid: 20, budget: 1000}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
gates:
  - {name: Check, after_month: 2, channels: [Test], max_cac: 10.5, then: [Feed]}
"""


def test_best_spend_is_runs_and_the_draws_mean_is_apart() -> None:
    scenario = load_text(PLAN, "gate_by_draw.yaml").scenario
    result = allocate(scenario, 2000, "p10_npv", locks=["Test"], samples=400, curve=())
    share = result.gates[0].best
    assert 0 < share < 1
    assert result.best_spend == pytest.approx(10_000)
    assert result.best_allotted == pytest.approx(10_000)
    assert result.best_spend_mean == pytest.approx(6_000 + 4_000 * share)
    assert result.current_spent == pytest.approx(6_000)
    assert result.current_spent_mean == pytest.approx(4_000 + 2_000 * result.gates[0].current)


def test_a_median_objective_has_no_mean_over_draws() -> None:
    scenario = load_text(PLAN, "gate_by_draw.yaml").scenario
    result = allocate(scenario, 2000, "npv", locks=["Test"], curve=())
    assert result.best_spend == pytest.approx(10_000)
    assert result.best_spend_mean != result.best_spend_mean  # NaN


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_warning_says_what_run_spends_and_the_draws_mean(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "gate_by_draw.yaml"
    path.write_text(PLAN, encoding="utf-8")
    args = ["allocate", str(path), "--budget", "2000", "--lock", "Test", "--objective", "p10_npv", "--samples", "400"]
    data = json.loads(invoke([*args, "--format", "json"]).stdout)
    assert data["best"]["spend"] == pytest.approx(10_000)
    mean = data["best"]["spend_mean_over_draws"]
    assert 6_000 < mean < 10_000
    shown = " ".join(invoke([*args, "--lang", lang], env={"COLUMNS": "200"}).stdout.split())
    if lang == "en":
        assert "Run of the best split spends 10,000 over the horizon, all that every channel's budget gives out" in shown
        assert re.search(r"Over the 400 draws it spends [\d,]+ on average, each draw deciding the gates: the gate "
                         r"'Check' passes in [\d.]+% of them", shown)
    else:
        assert "整个周期的广告支出为 1.0万，即各渠道预算合计" in shown
        assert re.search(r"在 400 次抽样中平均支出 [\d,.]+万?（每次抽样各自判定闸门）：闸门“Check”在 [\d.]+% 的抽样中通过", shown)
