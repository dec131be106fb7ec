"""`allocate` weighs both sides of every gate (docs/allocate.md, gates): the split searched as if the gate failed
(the money of the channels it stops unspent) beside the one searched as if it passed; and the spend it reports is
what `run` of the split spends, a failed gate's stopped channels not counted.

The plan, worked by hand: two months, a user pays 100 in the month he is bought and leaves (churn 1), no costs, no
discounting, so NPV = net cash. Test buys in month 1 at a bid of 20 with h = 50,000: b buys b / 20 x h / (b + h)
users, worth f(b) = 5 b h / (b + h) - b, CAC 20 (b + h) / h. Scale buys in month 2 at a bid of 400 (h = 50,000):
s is worth 0.25 s h / (s + h) - s < 0, and only if Test's CAC is at most 30, i.e. b <= 25,000 (or b > 0: a test
without spend fails).

T = 200,000 over the horizon. Passing, Scale gets at least 175,000: at best f(25,000) + g(175,000) = 58,333.33 -
165,277.78 = -106,944.44. Failing, Scale's money is not spent and Test is worth f(b) for any b > 25,000: f'(b) =
5 (h / (b + h))^2 - 1 = 0 at b = h (sqrt 5 - 1) = 61,803.40, CAC 20 sqrt 5 = 44.72 > 30, f = h (6 - 2 sqrt 5) =
76,393.20, the best of all splits. Searched as if the gate passed, the split is Test about 195,000 (its marginal
return equal to Scale's), which fails the gate: 3,979.59; before, that was shown as the best, and any --max on Test
between 25,000 and 195,000 gave a better best (Test at 40,000: f = 71,111.11).
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from hypothesis import given, settings
from hypothesis import strategies as st

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import allocate

PLAN = """\
name: Gate sides
horizon_months: 2
discount_rate: 0
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
acquisition:
  - {name: Test, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000, months: 1}
  - {name: Scale, type: cpa, bid: 400, budget: 10_000, saturation_budget: 50_000, months: 2}
gates:
  - {name: proof, after_month: 1, channels: [Test], max_cac: 30, then: [Scale]}
"""
H = 50_000.0
T = 200_000.0
SCENARIO = load_text(PLAN, "sides.yaml").scenario


def _test_value(b: float) -> float:
    """Test's net cash at b a month, the gate failing (Scale buys nothing)."""
    return 5 * b * H / (b + H) - b


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "sides.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _json(*arguments: str) -> dict[str, Any]:
    result = invoke([*arguments, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_failing_side_of_a_gate_is_searched_under_a_total(tmp_path: Path) -> None:
    data = _json("allocate", str(_plan(tmp_path)), "--total", "200000")
    best = data["best"]
    assert best["value"] == pytest.approx(H * (6 - 2 * math.sqrt(5)), abs=0.01)
    assert best["split"]["Test"] == pytest.approx(H * (math.sqrt(5) - 1), rel=1e-4)
    assert data["gates"][0]["best_pass_share"] == 0.0
    # run spends Test's money alone: Scale is stopped after month 1.
    assert best["spend"] == pytest.approx(best["split"]["Test"])
    ran = _json("run", str(_plan(tmp_path)), "--set", f"acquisition[Test].budget={best['split']['Test']!r}",
                "--set", f"acquisition[Scale].budget={best['split']['Scale']!r}")
    assert ran["figures"]["ad_spend"] == pytest.approx(best["spend"])
    assert ran["figures"]["npv"] == pytest.approx(best["value"])


def test_a_monthly_budget_reports_what_run_spends(tmp_path: Path) -> None:
    # B = 100,000: month 1 is Test's alone, CAC 20 x 150,000 / 50,000 = 60 > 30, so Scale's 100,000 in month 2 is not
    # spent: NPV f(100,000) = 66,666.67, spend 100,000 of the 200,000 the split gives out.
    data = _json("allocate", str(_plan(tmp_path)), "--budget", "100000")
    assert data["best"]["value"] == pytest.approx(_test_value(100_000))
    assert data["best"]["spend"] == pytest.approx(100_000)
    codes = [warning["code"] for warning in data["warnings"]]
    assert codes.index("spends_less") == codes.index("gate_fails") + 1
    terminal = invoke(["allocate", str(_plan(tmp_path)), "--budget", "100000"], env={"COLUMNS": "200"})
    assert "Run of the best split spends 100,000 over the horizon, not the 200,000 every channel's budget gives out" in terminal.stdout
    chinese = invoke(["allocate", str(_plan(tmp_path)), "--budget", "100000", "--lang", "zh"], env={"COLUMNS": "200"})
    assert "整个周期的广告支出为 10.0万，而非各渠道预算合计的 20.0万" in chinese.stdout


def test_a_split_spending_what_it_gives_out_says_nothing_of_it(tmp_path: Path) -> None:
    # Today's split passes the gate (CAC 24) and spends its 20,000: held as the only choice, nothing is stopped.
    data = _json("allocate", str(_plan(tmp_path)), "--total", "20000", "--min", "Test=10000", "--max", "Test=10000")
    assert data["gates"][0]["best_pass_share"] == 1.0
    assert data["best"]["spend"] == pytest.approx(20_000)
    assert "spends_less" not in [warning["code"] for warning in data["warnings"]]


@st.composite
def _bounds(draw: st.DrawFn) -> tuple[dict[str, int], dict[str, int]]:
    """Minimums and maximums of Test and Scale that admit T: minimums adding up to at most T, maximums to at least."""
    whole = int(T)
    test_low = draw(st.integers(0, whole))
    scale_low = draw(st.integers(0, whole - test_low))
    test_high = draw(st.integers(test_low, 2 * whole))
    scale_high = draw(st.integers(max(scale_low, whole - test_high), 2 * whole))
    return {"Test": test_low, "Scale": scale_low}, {"Test": test_high, "Scale": scale_high}


@functools.cache
def _unbounded() -> float:
    return allocate(SCENARIO, T, total=True, curve=()).best_value


def test_the_best_without_limits_is_the_optimum() -> None:
    assert _unbounded() == pytest.approx(H * (6 - 2 * math.sqrt(5)), abs=0.01)


@settings(max_examples=15, deadline=None)
@given(bounds=_bounds())
def test_limits_never_find_a_better_best(bounds: tuple[dict[str, int], dict[str, int]]) -> None:
    """Limits only shrink the splits searched: the best without them is at least as good."""
    minimums, maximums = bounds
    limited = allocate(SCENARIO, T, total=True, curve=(), minimums=minimums, maximums=maximums)
    assert _unbounded() >= limited.best_value - 0.01
