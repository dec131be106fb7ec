"""What moved each figure where a change cannot be set on the base apart (docs/formulas.md §13): it is lumped, and
every change that can keeps its own row, whichever version is the base.

The worked example (docs/formulas.md §11) with serving by month: 1,000 users bought in month 1 at 20 (20,000 of
spend), churn 0.5, so 1,000, 500, 250 active users, each buying the item at p and served at s(t). BASE: 3 months,
s = {1: 1, 3: 2}, so 1, 1.5, 2; p = 10. NEW: 2 months, s = {1: 1} (1 every month), p = 12. The horizon 3 -> 2 set on
BASE alone leaves month 3 of its schedule past the horizon, no valid file, and month 3 left out is no value a --set
gives: the two are one change. The price is set apart.

    npv(base)        = 10 x 1,750 - (1,000 + 750 + 500) - 20,000 = -4,750
    npv(price)       = 12 x 1,750 - 2,250 - 20,000             = -1,250
    npv(the rest)    = 10 x 1,500 - 1,500 - 20,000             = -6,500
    npv(new)         = 12 x 1,500 - 1,500 - 20,000             = -3,500

price ((-1,250 + 4,750) + (-3,500 + 6,500)) / 2 = +3,250; the rest ((-6,500 + 4,750) + (-3,500 + 1,250)) / 2 = -2,000.
Peak cash need is month 1's: 11,000 (base and the rest), 9,000 (the price, and new): the price -2,000, the rest 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from explain_shares import shares_by_path, written
from spec_example import WORKED_EXAMPLE

from aigc_roi import api

BASE = WORKED_EXAMPLE.replace("serving_per_active_user: 1", "serving_per_active_user: {by_month: {1: 1, 3: 2}}")
NEW = (WORKED_EXAMPLE.replace("serving_per_active_user: 1", "serving_per_active_user: {by_month: {1: 1}}")
       .replace("horizon_months: 3", "horizon_months: 2").replace("price: 10", "price: 12"))
PRICE = "monetization.purchases[0].price"




@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    return written(tmp_path, "base.yaml", BASE), written(tmp_path, "new.yaml", NEW)


def test_a_lumped_change_leaves_the_price_its_own_share(versions: tuple[Path, Path]) -> None:
    changes = api.explain_change(*versions)
    assert [(change.path, change.before, change.after) for change in changes.changes] == [
        (PRICE, "10", "12"), ("*", None, None)]
    assert shares_by_path(changes, "npv") == {PRICE: pytest.approx(3_250), "*": pytest.approx(-2_000)}
    assert shares_by_path(changes, "peak_cash_need") == {PRICE: pytest.approx(-2_000), "*": pytest.approx(0)}
    # NEW as written is the lumped change's: nothing is left unsplit.
    assert changes.unexplained["npv"] == 0 and changes.not_split == ()


def test_the_other_way_the_same_shares_and_the_lumped_changes_are_values(versions: tuple[Path, Path]) -> None:
    """NEW -> BASE: month 3 is a value set on NEW, valid beside the horizon 2 -> 3 only: the two are one group, the
    price again apart, each share the other way's negated."""
    changes = api.explain_change(*reversed(versions))
    lumped = "horizon_months, costs.serving_per_active_user.by_month.3"
    assert [(change.path, change.before, change.after) for change in changes.changes] == [
        (PRICE, "12", "10"), (lumped, "2, —", "3, 2")]
    assert shares_by_path(changes, "npv") == {PRICE: pytest.approx(-3_250), lumped: pytest.approx(2_000)}


def test_the_views_name_the_lumped_row_as_every_other_change(versions: tuple[Path, Path]) -> None:
    args = ["compare", *map(str, versions), "--explain"]
    for lang, words in (("en", "every other change at once"), ("zh", "其余改动合在一起")):
        result = invoke([*args, "--lang", lang], env={"COLUMNS": "160"})
        assert result.exit_code == 0, result.stderr
        assert words in result.stdout
    data = json.loads(invoke([*args, "--format", "json"]).stdout)["explain"]
    assert [(item["path"], item["change"]) for item in data["figures"]["npv"]["contributions"]] == [
        (PRICE, pytest.approx(3_250)), ("*", pytest.approx(-2_000))]


def test_with_nothing_to_set_apart_every_change_is_one(tmp_path: Path) -> None:
    """The horizon and the schedule alone: one change, every change at once, the whole change of each figure
    (npv -4,750 -> 10 x 1,500 - 1,500 - 20,000 = -6,500)."""
    base = written(tmp_path, "base.yaml", BASE)
    new = written(tmp_path, "new.yaml", NEW.replace("price: 12", "price: 10"))
    changes = api.explain_change(base, new)
    assert [change.path for change in changes.changes] == ["*"]
    assert shares_by_path(changes, "npv") == {"*": pytest.approx(-1_750)}
    for lang, words in (("en", "every change at once"), ("zh", "全部改动合在一起")):
        result = invoke(["compare", str(base), str(new), "--explain", "--lang", lang], env={"COLUMNS": "160"})
        assert result.exit_code == 0, result.stderr
        assert words in result.stdout and ("every other" not in result.stdout and "其余改动" not in result.stdout)
