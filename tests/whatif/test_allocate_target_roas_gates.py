"""`allocate --target-roas` on a gated plan (docs/allocate.md, limits and target ROAS; gates): the fill is run with
the gates, a fill failing a gate that passes today is made again with the test months held at today's split, and a
channel a failed gate stops gets nothing after the test, so T is the money `run` spends at the split shown.

The plan, worked by hand: two months, a user pays 100 in the month he is bought and leaves (churn 1), no costs, no
discounting, so NPV = net cash. Test buys in month 1 at a bid of 20 with h = 50,000: b a month buys
b / 20 x h / (b + h) users, his marginal ROAS is 5 (h / (b + h))^2 and his CAC 20 (b + h) / h. Scale buys in month 2
at a bid of BID (h = 50,000), marginal ROAS 100 / BID x (h / (b + h))^2, only if Test's CAC in month 1 is at most
MAX_CAC. At a target of 1.25 Test fills to 50,000 (5 x (1/2)^2 = 1.25): 1,250 users, CAC 40, net 125,000 - 50,000 =
75,000. Today Test spends 10,000: 10,000 / 20 x 5/6 = 416.67 users, CAC 24, net 41,666.67 - 10,000 = 31,666.67.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke

PLAN = """\
name: Gated fill
horizon_months: 2
discount_rate: 0
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
acquisition:
  - {name: Test, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000, months: 1}
  - {name: Scale, type: cpa, bid: BID, budget: 10_000, saturation_budget: 50_000, months: 2}
gates:
  - {name: proof, after_month: 1, channels: [Test], max_cac: MAX_CAC, then: [Scale]}
"""
ROOT2 = math.sqrt(2)


def _plan(tmp_path: Path, bid: int, max_cac: int) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("BID", str(bid)).replace("MAX_CAC", str(max_cac)), encoding="utf-8")
    return path


def _filled(path: Path, *options: str) -> dict[str, Any]:
    result = invoke(["allocate", str(path), "--target-roas", "1.25", "--format", "json", *options])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _run(path: Path, phases: list[dict[str, Any]]) -> dict[str, Any]:
    """`run --format json` of the plan with each channel's budget set to the split shown, the gate as it is."""
    sets = [option for phase in phases for name, budget in phase["split"].items()
            for option in ("--set", f"acquisition[{name}].budget={budget!r}")]
    result = invoke(["run", str(path), "--format", "json", *sets])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _splits(data: dict[str, Any]) -> dict[str, float]:
    return {name: budget for phase in data["best"]["phases"] for name, budget in phase["split"].items()}


def test_a_fill_failing_a_gate_passing_today_is_made_again_with_the_test_months_held(tmp_path: Path) -> None:
    # BID 10, MAX_CAC 30. Filled as if the gate passed, Test gets 50,000 (CAC 40 > 30: the gate fails) and Scale
    # 50,000 (2 sqrt 2 - 1) = 91,421 that it never spends. Held at today's 10,000 in month 1 (CAC 24, the gate
    # passes), Scale fills to the same 91,421: 5,000 (1 - 1/(2 sqrt 2)) = 3,232.2 users, 323,223 of revenue.
    # NPV 31,666.67 + 500,000 (1 - 1/(2 sqrt 2)) - 50,000 (2 sqrt 2 - 1) = 263,468.6 against 75,000 for the fill
    # that fails the gate; T = 10,000 + 91,421.
    path = _plan(tmp_path, 10, 30)
    data = _filled(path)
    scale = 50_000 * (2 * ROOT2 - 1)
    assert _splits(data) == pytest.approx({"Test": 10_000, "Scale": scale}, rel=1e-6)
    expected = 31_666.67 + 500_000 * (1 - 1 / (2 * ROOT2)) - scale
    assert data["best"]["value"] == pytest.approx(expected, rel=1e-6)
    assert data["best"]["basis"] == "held" and data["best"]["held_months"] == [1]
    assert data["budget"] == pytest.approx(10_000 + scale, rel=1e-6)
    assert data["gates"][0]["best_pass_share"] == 1.0
    ran = _run(path, data["best"]["phases"])
    assert ran["gates"][0]["passed"] is True
    assert data["best"]["value"] == pytest.approx(ran["figures"]["npv"], rel=1e-9)
    assert data["best"]["spend"] == pytest.approx(ran["figures"]["ad_spend"], rel=1e-9)
    messages = {warning["code"]: warning["message"] for warning in data["warnings"]}
    assert messages["gates_held"] == (
        "Today's split is kept in month 1: filled as if every gate passed, the split fails the gate 'proof' that "
        "today's split passes, so only the other months were filled.")
    shown = invoke(["allocate", str(path), "--target-roas", "1.25", "--lang", "zh"], env={"COLUMNS": "250"}).stdout
    assert "按闸门全部通过投满的分配会使当前分配下通过的闸门“proof”不通过" in shown


def test_a_gate_failing_today_and_at_the_fill_gives_its_channels_nothing_after_the_test(tmp_path: Path) -> None:
    # MAX_CAC 22: today's CAC 24 fails as the fill's 40 does, so nothing is held. Scale buys nothing in month 2
    # whatever its budget: it gets 0 there, and T is what run spends, 50,000 (it was 50,000 + 91,421).
    path = _plan(tmp_path, 10, 22)
    data = _filled(path)
    assert _splits(data) == pytest.approx({"Test": 50_000, "Scale": 0}, rel=1e-6)
    assert data["budget"] == pytest.approx(50_000, rel=1e-6)
    assert data["best"]["value"] == pytest.approx(75_000, rel=1e-6)
    assert data["best"]["basis"] == "filled" and data["gates"][0]["best_pass_share"] == 0.0
    ran = _run(path, data["best"]["phases"])
    assert ran["gates"][0]["passed"] is False
    assert data["best"]["spend"] == pytest.approx(ran["figures"]["ad_spend"], rel=1e-9)
    assert data["warnings"][0]["code"] == "gate_fails"


def test_a_fill_that_does_better_failing_its_gate_says_so_and_spends_only_what_runs(tmp_path: Path) -> None:
    # BID 40: held, Scale fills to 50,000 (sqrt 2 - 1) = 20,711 for 1,250 (1 - 1/sqrt 2) = 366.1 users, NPV
    # 31,666.67 + 125,000 (1 - 1/sqrt 2) - 20,711 = 47,567.6, less than the 75,000 of the fill that fails the gate.
    # That one stands, as with --budget; Scale, stopped, gets nothing; the curve's point at T says the gate fails.
    path = _plan(tmp_path, 40, 30)
    data = _filled(path)
    assert 31_666.67 + 125_000 * (1 - 1 / ROOT2) - 50_000 * (ROOT2 - 1) == pytest.approx(47_567.6, abs=0.1)
    assert _splits(data) == pytest.approx({"Test": 50_000, "Scale": 0}, rel=1e-6)
    assert data["best"]["value"] == pytest.approx(75_000, rel=1e-6)
    assert data["best"]["basis"] == "filled" and data["budget"] == pytest.approx(50_000, rel=1e-6)
    at_t = next(point for point in data["curve"] if point["multiple"] == pytest.approx(1.0))
    assert at_t["failed_gates"] == ["proof"]
    assert data["warnings"][0]["code"] == "gate_fails" and data["warnings"][0]["gate"] == "proof"
    # Scale gets nothing because the gate stops it, which the first warning says; not because of its first yuan.
    assert "on_minimum" not in [warning["code"] for warning in data["warnings"]]
