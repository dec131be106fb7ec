"""`compare --explain` never splits changes into combinations that break a conversion rule (QA spec N4;
docs/formulas.md §13, §15).

The plan: 1,000 users bought in month 1 at 40 (spend 40,000), horizon 3; a monthly plan at 30 with renewal 0.5
converts shares by age 0, 1 and 2. A subscriber who joins at age a pays over the rest of the horizon 52.5
(30 + 15 + 7.5), 45 or 30: revenue = 1,000 x (52.5 q0 + 45 q1 + 30 q2).

Conversions {0.3, 0.3, 0.3} -> {0.38, 0.38, 0.2}: each change alone sums to 0.98, 0.98 or 0.8 and all of them to
0.96, every one a valid file, but ages 0 and 1 raised together sum to 1.06, a plan with more than all of a cohort
subscribing, which the engine would scale down to 1 without a word, crediting the split with a plan no file
holds. With an index of 1.25, {0.3, 0.3, 0.1} -> {0.38, 0.38, 0.02} sums to at most 0.86, yet 1.25 x 0.86 =
1.075 > 1, and the engine would lower the index. The three shares are then one change, the plan's conversion,
credited with the whole difference.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api

PLAN = """\
name: ages
horizon_months: 3
acquisition:
  - {{name: A, type: cpa, bid: 40, users: 1000, months: 1{index}}}
retention: {{monthly_churn: 0.5}}
monetization:
  plans: [{{name: M, price: 30, period: month, conversion: {conversion}, renewal: 0.5}}]
costs: {{serving_per_active_user: 0}}
"""
AGES = ("monetization.plans[0].conversion[0]", "monetization.plans[0].conversion[1]",
        "monetization.plans[0].conversion[2]")
CASES = {
    "sum": ("", "{0: 0.3, 1: 0.3, 2: 0.3}", "{0: 0.38, 1: 0.38, 2: 0.2}", (0.3, 0.3, 0.3), (0.38, 0.38, 0.2)),
    "index": (", conversion_index: 1.25", "{0: 0.3, 1: 0.3, 2: 0.1}", "{0: 0.38, 1: 0.38, 2: 0.02}",
              (0.3, 0.3, 0.1), (0.38, 0.38, 0.02)),
}


def revenue(index: float, shares: tuple[float, float, float]) -> float:
    return 1_000 * index * (52.5 * shares[0] + 45 * shares[1] + 30 * shares[2])


def write(tmp_path: Path, case: str, extra: str = "") -> tuple[Path, Path]:
    index, before, after, _, _ = CASES[case]
    base, new = tmp_path / "base.yaml", tmp_path / "new.yaml"
    base.write_text(PLAN.format(index=index, conversion=before), encoding="utf-8")
    new.write_text(PLAN.format(index=index, conversion=after) + extra, encoding="utf-8")
    return base, new


@pytest.mark.parametrize("case", list(CASES))
def test_shares_that_break_a_rule_together_are_one_change(tmp_path: Path, case: str) -> None:
    changes = api.explain_change(*write(tmp_path, case))
    assert [change.path for change in changes.changes] == [", ".join(AGES)]
    index = 1.25 if case == "index" else 1.0
    _, _, _, before, after = CASES[case]
    npv = next(item for item in changes.explanation.attributions if item.figure == "npv")
    assert npv.shares == (pytest.approx(revenue(index, after) - revenue(index, before), rel=1e-12),)
    assert changes.unexplained["npv"] == pytest.approx(0, abs=1e-9)


def test_shares_whose_every_combination_keeps_the_rules_stay_apart(tmp_path: Path) -> None:
    # {0.3, 0.3, 0.3} -> {0.35, 0.35, 0.2}: ages 0 and 1 raised together sum to 1.0, on the edge, valid.
    base, new = write(tmp_path, "sum")
    new.write_text(new.read_text(encoding="utf-8").replace("0.38", "0.35"), encoding="utf-8")
    changes = api.explain_change(base, new)
    assert [change.path for change in changes.changes] == list(AGES)
    npv = next(item for item in changes.explanation.attributions if item.figure == "npv")
    # Each age's share alone: no interaction, the plan is linear in each share.
    assert npv.shares == pytest.approx((1_000 * 52.5 * 0.05, 1_000 * 45 * 0.05, -1_000 * 30 * 0.1), rel=1e-12)


def test_a_split_read_file_by_file_is_no_refusal(tmp_path: Path) -> None:
    # A horizon is a whole number, no number of the model a sample sets: every combination is read as a file, and
    # the one breaking the rule was refused, exit 2, at a --set the user never wrote.
    base, new = write(tmp_path, "sum")
    new.write_text(new.read_text(encoding="utf-8").replace("horizon_months: 3", "horizon_months: 4"), encoding="utf-8")
    result = invoke(["compare", str(base), str(new), "--explain", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    npv = json.loads(result.stdout)["explain"]["figures"]["npv"]["contributions"]
    assert sorted(item["path"] for item in npv) == ["horizon_months", ", ".join(AGES)]


BID_BESIDE = """\
name: beside
horizon_months: 3
acquisition:
  - {{name: A, type: cpa, bid: 47.25, users: 1000, months: 1, conversion_index: {index}}}
  - {{name: B, type: cpa, bid: {bid}, users: 1000, months: 1}}
retention: {{monthly_churn: 0.5}}
monetization:
  plans: [{{name: M, price: 30, period: month, conversion: {conversion}, renewal: 0.5}}]
"""


def test_only_the_rules_fields_are_kept_together(tmp_path: Path) -> None:
    """A's index 2 -> 1.5 and the plan's conversion 0.45 -> 0.6 are valid together (1.5 x 0.6 = 0.9) and not the
    conversion alone (2 x 0.6 = 1.2): one player. B's bid 47.25 -> 40 moves no conversion rule and keeps its own
    share; all three were one row.

    A subscriber who joins in month 1 pays 30 + 15 + 7.5 = 52.5 over the horizon. Revenue 1,000 x 52.5 x (2 x 0.45 +
    0.45) = 70,875 before, 1,000 x 52.5 x (1.5 x 0.6 + 0.6) = 78,750 after: +7,875, whatever B's bid. B's spend
    1,000 x 47.25 -> 1,000 x 40: NPV +7,250, whatever the conversions. No interaction, so each share is its own
    move, and they add up to the NPV's -23,625 -> -8,500 = +15,125."""
    base, new = tmp_path / "base.yaml", tmp_path / "new.yaml"
    base.write_text(BID_BESIDE.format(index=2, bid=47.25, conversion=0.45), encoding="utf-8")
    new.write_text(BID_BESIDE.format(index=1.5, bid=40, conversion=0.6), encoding="utf-8")
    changes = api.explain_change(base, new)
    assert [change.path for change in changes.changes] == [
        "acquisition[0].conversion_index, monetization.plans[0].conversion", "acquisition[1].bid"]
    npv = next(item for item in changes.explanation.attributions if item.figure == "npv")
    assert npv.shares == pytest.approx((7_875.0, 7_250.0), rel=1e-12)
    assert (npv.base, npv.new) == (pytest.approx(-23_625.0, rel=1e-12), pytest.approx(-8_500.0, rel=1e-12))
