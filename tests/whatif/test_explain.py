"""What moved each figure: Shapley shares checked by hand.

The plan is one month long so every figure has a closed form: 1,000 users
bought at bid b, each buying one item at price p, nothing else. Net cash =
1000 (p - b), roi = p / b - 1. Base b = 10, p = 30; new b = 15, p = 20.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import explain_example

from aigc_roi import api
from aigc_roi.whatif.explain import SAMPLED_ORDERS, explain


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    base, new = tmp_path / "base.yaml", tmp_path / "new.yaml"
    base.write_text(explain_example("Base", 10, 30), encoding="utf-8")
    new.write_text(explain_example("New", 15, 20), encoding="utf-8")
    return base, new


def test_shares_of_an_additive_figure_are_each_inputs_own_effect(versions: tuple[Path, Path]) -> None:
    changes = api.explain_change(*versions)
    assert [(change.path, change.before, change.after) for change in changes.changes] == [
        ("acquisition[0].bid", "10", "15"), ("monetization.purchases[0].price", "30", "20")]
    npv = next(item for item in changes.explanation.attributions if item.figure == "npv")
    # npv = 1000 (p - b): 20,000 -> 5,000; the bid costs 1000 x 5, the price 1000 x 10.
    assert (npv.base, npv.new) == (20_000, 5_000)
    assert npv.shares == pytest.approx((-5_000, -10_000))
    assert changes.explanation.exact and changes.explanation.orders == 2


def test_an_interaction_is_shared_between_the_inputs_that_make_it(versions: tuple[Path, Path]) -> None:
    roi = next(item for item in api.explain_change(*versions).explanation.attributions if item.figure == "roi")
    # roi = p / b - 1: base 2, bid alone 30/15 - 1 = 1, price alone 20/10 - 1 = 1, both 20/15 - 1 = 1/3.
    # bid: ((1 - 2) + (1/3 - 1)) / 2 = -5/6; price: ((1 - 2) + (1/3 - 1)) / 2 = -5/6; together 1/3 - 2.
    assert roi.shares == pytest.approx((-5 / 6, -5 / 6))
    assert sum(roi.shares) == pytest.approx(roi.new - roi.base)


def test_sampled_orders_still_add_up_to_the_whole_change() -> None:
    players = 12

    def value(subset: frozenset[int]) -> dict[str, float]:
        # An additive part (player i adds i) and an interaction (the product of factors 1 + 0.1 (i + 1)).
        return {"npv": sum(subset) + math.prod(1.0 + 0.1 * (i + 1) for i in subset), "roi": float(sum(subset))}

    asked: list[int] = []

    def values(subsets: Sequence[frozenset[int]]) -> list[dict[str, float]]:
        asked.append(len(subsets))
        return [value(subset) for subset in subsets]

    result = explain(players, values, horizon=12, figures=("npv", "roi"))
    # Every combination the split reads is asked for in one call (so it can be one engine call).
    assert len(asked) == 1
    assert not result.exact and result.orders == SAMPLED_ORDERS
    npv, roi = result.attributions
    # Each order's marginals telescope to v(all) - v(none), so the average does too.
    assert sum(npv.shares) == pytest.approx(npv.new - npv.base)
    # Without interaction every order credits each player its own effect: the sampled split is exact.
    assert roi.shares == pytest.approx(tuple(float(i) for i in range(players)))


def test_never_paying_back_counts_as_the_month_after_the_horizon(tmp_path: Path) -> None:
    base, new = tmp_path / "b.yaml", tmp_path / "n.yaml"
    base.write_text(explain_example("B", 10, 30), encoding="utf-8")
    new.write_text(explain_example("N", 40, 30), encoding="utf-8")  # 1000 x (30 - 40) < 0: never
    payback = next(item for item in api.explain_change(base, new).explanation.attributions if item.figure == "payback_month")
    assert (payback.base, payback.new) == (1, None)
    assert payback.shares == pytest.approx((1.0,))  # month 1 -> "month 2", the month after the 1-month horizon


def test_compare_explain_json_and_table(versions: tuple[Path, Path]) -> None:
    result = invoke(["compare", *map(str, versions), "--explain", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    explained = json.loads(result.stdout)["explain"]["figures"]["npv"]
    assert explained["base"] == 20_000 and explained["new"] == 5_000
    assert explained["contributions"] == [
        {"path": "acquisition[0].bid", "base_path": "acquisition[0].bid", "from": 10, "to": 15,
         "from_text": "10", "to_text": "15", "change": pytest.approx(-5_000)},
        {"path": "monetization.purchases[0].price", "base_path": "monetization.purchases[0].price", "from": 30,
         "to": 20, "from_text": "30", "to_text": "20", "change": pytest.approx(-10_000)}]
    table = invoke(["compare", *map(str, versions), "--explain"], env={"COLUMNS": "80"}).stdout
    # Largest share first: the price's -10,000 before the bid's -5,000.
    explained_table = table[table.index("What moved each figure"):]
    npv = explained_table[explained_table.index("NPV  "):]
    assert npv.index("30 → 20") < npv.index("10 → 15")
    assert "-10,000.00" in table and all(len(line) <= 80 for line in table.splitlines())


def test_explain_needs_exactly_two_files(versions: tuple[Path, Path]) -> None:
    result = invoke(["compare", str(versions[0]), "--variant", "x: acquisition[0].bid=5", "--explain"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --explain: give exactly two FILEs (base, new), without --variant or --samples\n"

