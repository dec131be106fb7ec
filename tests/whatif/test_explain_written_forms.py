"""What moved each figure when a value is written in another form in each version (docs/formulas.md §13): one number
in one and values by month, a range or conversions by age in the other; a churn in one and points in the other; a
schedule whose months moved; a channel bought by budget in one and by users in the other.

The value is one change, set whole on the base whichever version writes which form, its own row beside the others,
and each side keeps its text as written (the base's too: QA, ``{by_month: {1: 12, 6: 30}}`` -> 20 read ``— → 20``,
and a number turned into conversions by age took every other change into one row, ``*``, one way and not the other).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke
from explain_shares import shares_by_path, written
from spec_example import EVERY_ITEM, WORKED_EXAMPLE

from aigc_roi import api

FORMS = """\
name: forms
horizon_months: 3
acquisition:
  - {{name: CPA, type: cpa, bid: {bid}, users: 1000, months: 1}}
retention: {retention}
monetization:
  plans: [{{name: Monthly, price: 30, period: month, conversion: {conversion}, renewal: 0.5}}]
"""
PLAIN = {"bid": "20", "retention": "{monthly_churn: 0.5}", "conversion": "4%"}




# (field, path of the change, the base's form as written, the new version's)
CASES = [
    ("bid", "acquisition[0].bid", "{by_month: {1: 12, 3: 30}}", "20"),
    ("bid", "acquisition[0].bid", "{low: 15, high: 25}", "20"),
    ("conversion", "monetization.plans[0].conversion", "{0: 3%, 1: 1%}", "4%"),
    ("retention", "retention", "{points: {1: 0.6, 2: 0.3}}", "{monthly_churn: 0.5}"),
    ("bid", "acquisition[0].bid.by_month", "{by_month: {1: 12, 3: 30}}", "{by_month: {1: 12, 2: 30}}"),
]


@pytest.mark.parametrize(("field", "path", "form", "other"), CASES)
def test_each_version_keeps_its_text_of_a_value_written_in_another_form(
        tmp_path: Path, field: str, path: str, form: str, other: str) -> None:
    formed = written(tmp_path, "form.yaml", FORMS.format(**{**PLAIN, field: form}))
    plain = written(tmp_path, "other.yaml", FORMS.format(**{**PLAIN, field: other}))
    for base, new, before, after in ((formed, plain, form, other), (plain, formed, other, form)):
        changes = api.explain_change(base, new)
        # by_month's own text: the change is its months, set whole where they moved.
        shown = (before, after) if not path.endswith("by_month") else (before[11:-1], after[11:-1])
        assert [(change.path, change.base_path, change.before, change.after) for change in changes.changes] == [
            (path, path, *shown)]
        # A number where one version writes one (4% is 0.04), none for a value that is no one number.
        numbers = {"20": 20.0, "4%": 0.04}
        assert (changes.changes[0].before_number, changes.changes[0].after_number) == (
            numbers.get(before), numbers.get(after))
        assert changes.not_split == ()
        assert all(value in (0.0, None) for value in changes.unexplained.values())


def test_csv_json_and_markdown_keep_a_base_written_by_month(tmp_path: Path) -> None:
    by_month = "{by_month: {1: 12, 3: 30}}"
    args = ["compare", str(written(tmp_path, "base.yaml", FORMS.format(**{**PLAIN, "bid": by_month}))),
            str(written(tmp_path, "new.yaml", FORMS.format(**PLAIN))), "--explain"]
    rows = list(csv.DictReader(io.StringIO(invoke([*args, "--format", "csv"]).stdout)))
    npv = next(row for row in rows if row["figure"] == "npv")
    assert (npv["path"], npv["from"], npv["to"], npv["from_text"], npv["to_text"]) == (
        "acquisition[0].bid", "", "20", by_month, "20")
    data = json.loads(invoke([*args, "--format", "json"]).stdout)["explain"]
    item = data["figures"]["npv"]["contributions"][0]
    assert (item["from"], item["to"], item["from_text"], item["to_text"]) == (None, 20, by_month, "20")
    markdown = invoke([*args, "--format", "markdown"]).stdout
    assert f"| NPV | acquisition[CPA].bid | {by_month} | 20 |" in markdown


# Two months, every user gone after the first (churn 1), 1,000 users bought in month 1 for 10,000. Monthly at 30,
# conversion 4%, renewal 0.5: 40 x 30 = 1,200 in month 1, 20 x 30 = 600 in month 2. Annual at 199, 1%: 10 x 199 =
# 1,990 in month 1 (its renewal is past the horizon).
SUBSCRIPTIONS = """\
name: subs
horizon_months: 2
acquisition:
  - {name: CPA, type: cpa, bid: 10, users: 1000, months: 1}
retention: {monthly_churn: 1}
monetization:
  plans:
    - {name: Monthly, price: 30, period: month, conversion: 0.04, renewal: 0.5}
    - {name: Annual, price: 199, period: year, conversion: 0.01, renewal: 0.5}
"""
BY_AGE = "conversion: {0: 0.03, 1: 0.01}"


def test_a_number_and_conversions_by_age_are_one_change_beside_another_either_way(tmp_path: Path) -> None:
    base = written(tmp_path, "base.yaml", SUBSCRIPTIONS)
    new = written(tmp_path, "new.yaml", SUBSCRIPTIONS.replace("conversion: 0.04", BY_AGE).replace("199", "249"))
    # By age: 30 x 30 = 900 in month 1, (15 renewing + 10 converting at age 1) x 30 = 750 in month 2: -150 on 1,800.
    # Annual at 249: +10 x 50 = +500 in month 1. npv and roi (over the same 10,000 of spend) add: each input's own
    # effect. Cash: month 1 -6,810 (base), -7,110 (by age), -6,310 (249), -6,610 (both); month 2 never lower.
    # Peak cash need by age: ((7,110 - 6,810) + (6,610 - 6,310)) / 2 = +300; 249: ((6,310 - 6,810) + (6,610 - 7,110)) / 2
    # = -500.
    expected = {"npv": (-150, 500), "roi": (-0.015, 0.05), "peak_cash_need": (300, -500)}
    paths = ["monetization.plans[0].conversion", "monetization.plans[1].price"]
    for sign, (one, other) in ((1, (base, new)), (-1, (new, base))):
        changes = api.explain_change(one, other)
        assert [change.path for change in changes.changes] == paths
        for figure, (by_age, annual) in expected.items():
            assert shares_by_path(changes, figure) == {paths[0]: pytest.approx(sign * by_age), paths[1]: pytest.approx(sign * annual)}


def _shapley(base: Path, first: str, second: str, figure: str) -> tuple[float, float]:
    """The two inputs' shares of ``figure``, from the figures `run --set` gives at each combination."""
    def value(*sets: str) -> float:
        found = api.figures(api.load(base, list(sets)))[figure]
        assert isinstance(found, float)
        return found

    none, one, two, both = value(), value(first), value(second), value(first, second)
    return ((one - none) + (both - two)) / 2, ((two - none) + (both - one)) / 2


@pytest.mark.parametrize("figure", ["npv", "roi", "peak_cash_need"])
def test_the_shares_are_those_run_set_gives_on_a_plan_of_every_item(tmp_path: Path, figure: str) -> None:
    """EVERY_ITEM's Monthly conversion 4% -> by age, and Yearly 199 -> 249, each way: the shares agree with those of
    every combination run with --set (values by month, sources, fees, gates of nothing: interactions and all)."""
    base = written(tmp_path, "base.yaml", EVERY_ITEM)
    new = written(tmp_path, "new.yaml", EVERY_ITEM.replace("conversion: 4%", "conversion: {0: 3%, 1: 1%}")
                 .replace("price: 199", "price: 249"))
    conversion, price = "monetization.plans[0].conversion", "monetization.plans[1].price"
    for one, other, sets in ((base, new, (f"{conversion}={{0: 3%, 1: 1%}}", f"{price}=249")),
                             (new, base, (f"{conversion}=4%", f"{price}=199"))):
        assert shares_by_path(api.explain_change(one, other), figure) == dict(
            zip((conversion, price), map(pytest.approx, _shapley(one, *sets, figure)), strict=True))


def test_a_churn_turned_to_points_is_a_row_of_its_own_beside_a_bid(tmp_path: Path) -> None:
    """The worked example (docs/formulas.md §11): 1,000 users bought in month 1, churn 0.5 over 3 months, so 1,000 +
    500 + 250 = 1,750 active user-months, each buying the item at 10 and costing 1 to serve: npv = 15,750 - 1,000 b.
    Points {1: 0.6, 2: 0.3} keep 1,000 + 600 + 300 = 1,900: 17,100 - 1,000 b."""
    base = written(tmp_path, "base.yaml", WORKED_EXAMPLE)
    new = written(tmp_path, "new.yaml", WORKED_EXAMPLE.replace("bid: 20", "bid: 15").replace(
        "{monthly_churn: 0.5}", "{points: {1: 0.6, 2: 0.3}}"))
    changes = api.explain_change(base, new)
    assert [(change.path, change.before, change.after) for change in changes.changes] == [
        ("acquisition[0].bid", "20", "15"), ("retention", "{monthly_churn: 0.5}", "{points: {1: 0.6, 2: 0.3}}")]
    # npv adds: the bid 1,000 x 5 = +5,000, the points 9 x 150 = +1,350.
    assert shares_by_path(changes, "npv") == {"acquisition[0].bid": pytest.approx(5_000), "retention": pytest.approx(1_350)}
    # roi = npv / spend: -4,250 / 20,000 = -0.2125 (base), 750 / 15,000 = 0.05 (bid), -2,900 / 20,000 = -0.145
    # (points), 2,100 / 15,000 = 0.14 (both). Bid: ((0.05 + 0.2125) + (0.14 + 0.145)) / 2 = 0.27375; points:
    # ((-0.145 + 0.2125) + (0.14 - 0.05)) / 2 = 0.07875.
    assert shares_by_path(changes, "roi") == {"acquisition[0].bid": pytest.approx(0.27375), "retention": pytest.approx(0.07875)}


def test_a_schedule_whose_month_moved_is_set_whole_and_nothing_is_left_unsplit(tmp_path: Path) -> None:
    """Serving {1: 1, 3: 1} (1 every month) -> {1: 1, 2: 3} (1, 3, 3): 1,000 + 1,500 + 750 = 3,250 against 1,750,
    npv -1,500, all of it the schedule's; month 2 set on the base beside month 3 would be 1, 3, 1 and leave -500
    unsplit."""
    base = written(tmp_path, "base.yaml", WORKED_EXAMPLE.replace(
        "serving_per_active_user: 1", "serving_per_active_user: {by_month: {1: 1, 3: 1}}"))
    new = written(tmp_path, "new.yaml", WORKED_EXAMPLE.replace(
        "serving_per_active_user: 1", "serving_per_active_user: {by_month: {1: 1, 2: 3}}"))
    changes = api.explain_change(base, new)
    path = "costs.serving_per_active_user.by_month"
    assert [(change.path, change.before, change.after) for change in changes.changes] == [(path, "{1: 1, 3: 1}", "{1: 1, 2: 3}")]
    assert shares_by_path(changes, "npv") == {path: pytest.approx(-1_500)}
    assert changes.unexplained["npv"] == 0 and changes.not_split == ()


def test_a_channel_bought_by_users_in_place_of_a_budget_is_one_change_beside_a_price(tmp_path: Path) -> None:
    """A budget of 20,000 at a bid of 20 buys the same 1,000 users: the channel's share is 0; the price 10 -> 12 earns
    2 x 1,750 user-months = +3,500."""
    base = written(tmp_path, "base.yaml", WORKED_EXAMPLE.replace("users: 1000", "budget: 20000"))
    new = written(tmp_path, "new.yaml", WORKED_EXAMPLE.replace("price: 10", "price: 12"))
    changes = api.explain_change(base, new)
    assert [(change.path, change.before, change.after) for change in changes.changes] == [
        ("acquisition[0]", "{name: CPA, type: cpa, bid: 20, budget: 20000, months: 1}",
         "{name: CPA, type: cpa, bid: 20, users: 1000, months: 1}"),
        ("monetization.purchases[0].price", "10", "12")]
    assert shares_by_path(changes, "npv") == {"acquisition[0]": pytest.approx(0), "monetization.purchases[0].price": pytest.approx(3_500)}
