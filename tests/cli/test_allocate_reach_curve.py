"""`allocate --reach`: the budget curve is the best objective at every budget, B included; the split that reaches the
milestone is shown as the reaching split, beside it (docs/allocate.md, reach and the budget curve).

QA's reach.yaml read 1,779,921 at 0.75 B, 1,275,902 at B and 1,503,281 at 1.25 B: the point at B was the reaching
split, not the best NPV of B (1,700,545 by `--budget B`), so the curve dipped there and "Spend less" was measured from
it as if it were the curve's.

The plan, worked by hand (as tests/cli/test_allocate_filled.py): one month, no discounting, a user buys one item of 10
and costs 5 to serve. A and B are cpa at a bid of 1 with h = 1,000: b buys u(b) = b h / (b + h) users. B's users have
a conversion index of 2.25: each brings 17.5 where A's bring 5.

- new_users@1 = U: both channels buy users alike, so the split reaching furthest at a budget b splits it evenly, and
  the least budget is 2 x the x with u(x) = U / 2: x = h U / (2 h - U). U = 1,000: x = 1,000, b = 2,000;
  U = 1,800: x = 9,000, b = 18,000. Its NPV: u(b / 2) x 22.5 - b (9,250 and 2,250).
- The best split of b evens out 5 (h / (b_A + h))^2 = 17.5 (h / (b_B + h))^2: b_B + h = s (b_A + h), s = sqrt 3.5, and
  (b_A + h)(1 + s) = b + 2 h. NPV = 22.5 h - h^2 (5 / (b_A + h) + 17.5 / (b_B + h)) - b
  = 22,500 - 5e6 (1 + s)^2 / (b + 2,000) - b, while b_A > 0, b > 1,000 (1 + s) - 2,000 = 871.
  At 2,000: 10,197.93, more than the reaching split's 9,250. At 18,000: 2,439.59 against 2,250; at 4,500 (0.25 x
  18,000), 11,660.26, the best of that curve (0.5 x: 9,753.79).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke

from aigc_roi.present.numbers import NumberStyle

PLAN = """\
name: Reaching
horizon_months: 1
discount_rate: 0
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {serving_per_active_user: 5}
acquisition:
  - {name: A, type: cpa, bid: 1, budget: 1_500, saturation_budget: 1_000}
  - {name: B, type: cpa, bid: 1, budget: 1_500, saturation_budget: 1_000, conversion_index: 2.25}
"""
S = math.sqrt(3.5)


def best_npv(budget: float) -> float:
    """The best split's NPV at a monthly budget (above 871, where A gets some)."""
    return 22_500 - 5e6 * (1 + S) ** 2 / (budget + 2_000) - budget


def reaching_npv(budget: float) -> float:
    """The even split's NPV: u(b / 2) users in each channel, 5 + 17.5 between them."""
    half = budget / 2
    return half * 1_000 / (half + 1_000) * 22.5 - budget


def _plan(tmp_path: Path) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


def _run(*args: str) -> str:
    result = invoke(["allocate", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _json(*args: str) -> dict[str, Any]:
    return json.loads(_run(*args, "--format", "json"))  # type: ignore[no-any-return]


def _at(data: dict[str, Any], multiple: float) -> dict[str, Any]:
    return next(point for point in data["curve"] if point["multiple"] == multiple)


def test_the_curve_at_b_is_the_best_split_of_b_not_the_reaching_one(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    data = _json(path, "--reach", "new_users@1=1000")
    budget = data["budget"]
    assert budget == pytest.approx(2_000, rel=2e-4)
    # The split shown reaches the milestone: half of B in each channel.
    assert data["best"]["split"] == pytest.approx({"A": budget / 2, "B": budget / 2}, rel=1e-6)
    assert data["best"]["value"] == pytest.approx(reaching_npv(budget), rel=1e-9)
    assert data["constraints"]["reach"]["met"] is True
    # The curve's point at B is the best NPV of B (10,197.93 at 2,000), not the reaching split's 9,250.
    at_b = _at(data, 1.0)
    assert at_b["value"] == pytest.approx(best_npv(budget), rel=1e-9)
    assert at_b["split"]["A"] == pytest.approx((budget + 2_000) / (1 + S) - 1_000, rel=1e-5)
    assert at_b["value"] > data["best"]["value"]
    # What --budget B finds on its own, and the curve's points around B agree with it: no dip at B.
    alone = _json(path, "--budget", repr(budget))
    assert alone["best"]["value"] == pytest.approx(at_b["value"], rel=1e-9)
    values = [point["value"] for point in data["curve"] if point["multiple"] >= 0.5]
    assert values == sorted(values)
    for point in data["curve"]:
        if point["multiple"] >= 0.5:
            assert point["value"] == pytest.approx(best_npv(point["budget"]), rel=1e-5)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_reaching_split_is_named_so_and_the_curve_note_gives_both(tmp_path: Path, lang: str) -> None:
    style = NumberStyle(lang, "CNY")
    text = _run(_plan(tmp_path), "--reach", "new_users@1=1800", "--format", "markdown", "--lang", lang)
    # 2,250 at the reaching split of 18,000; the best split of 18,000 gives 2,439.59.
    reaching, best = style.money(reaching_npv(18_000), 0), style.money(best_npv(18_000), 0)
    if lang == "en":
        assert f"- At the reaching split: {reaching}" in text and "At the best split" not in text
        assert f"At B the best split gives {best}, the reaching split {reaching}: the reaching split takes the " \
               "milestone furthest, not NPV." in text
        # A's next yuan at 9,000: 10 x (1,000 / 10,000)^2 = 0.10 in revenue.
        assert "A: at the reaching split its next 1 CNY returns 0.10 CNY in revenue" in text
    else:
        assert f"- 达标分配下: {reaching}" in text and "最优分配下" not in text
        assert f"在 B 处最优分配为 {best}，达标分配为 {reaching}：达标分配使里程碑最高，而不是使净现值最高。" in text
        assert "A：达标分配下再投 1 元只带来 0.10 元收入" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_spend_less_is_measured_from_the_reaching_split_and_says_the_lower_budget_misses(tmp_path: Path, lang: str) -> None:
    # The curve of 18,000 peaks at 0.25 x: 11,660.26; the reaching split of 18,000 gives 2,250, 9,410.26 less.
    style = NumberStyle(lang, "CNY")
    data = _json(_plan(tmp_path), "--reach", "new_users@1=1800")
    assert data["budget"] == pytest.approx(18_000, rel=2e-4)
    assert data["recommended_budget"] == pytest.approx(data["budget"] / 4)
    assert _at(data, 0.25)["value"] == pytest.approx(best_npv(4_500), rel=1e-5)
    text = _run(_plan(tmp_path), "--reach", "new_users@1=1800", "--format", "markdown", "--lang", lang)
    budget, peak = style.money(4_500, 0), style.money(best_npv(4_500), 0)
    asked, loss = style.money(18_000, 0), style.money(best_npv(4_500) - reaching_npv(18_000), 0)
    if lang == "en":
        assert (f"Spend less: the best NPV on the budget curve is at {budget} ({peak}), where no split reaches the "
                f"milestone; the reaching split of B = {asked} loses {loss} against it.") in text
    else:
        assert (f"少花钱：预算曲线上净现值最高处在 {budget}（{peak}），但该预算下没有分配能达到里程碑；"
                f"B = {asked}的达标分配，净现值比它低 {loss}。") in text


def test_the_reaching_split_is_the_basis_of_best_where_budget_alone_searched(tmp_path: Path) -> None:
    # best.basis said "searched" for the reaching split, the milestone's search and not the objective's.
    path = _plan(tmp_path)
    assert _json(path, "--reach", "new_users@1=1000")["best"]["basis"] == "reaching"
    assert _json(path, "--budget", "2000")["best"]["basis"] == "searched"


def test_a_reaching_split_that_is_today_s_is_said_so_not_as_a_staged_search(tmp_path: Path) -> None:
    # Today's 1,500 each buys 1,500 x 1,000 / 2,500 = 600 users in each: new_users@1=1200 is reached at B = 3,000 by
    # today's split, the even split that reaches furthest.
    data = _json(_plan(tmp_path), "--reach", "new_users@1=1200")
    assert data["budget"] == pytest.approx(3_000, rel=2e-4)
    assert data["best"]["basis"] == "reaching"
    assert [(w["code"], w["message"]) for w in data["warnings"]] == [
        ("best_is_current", "The reaching split is the current one.")]
