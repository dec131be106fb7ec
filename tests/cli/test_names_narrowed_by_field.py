"""A name several items share, narrowed to those that have the field written after it (docs/formulas.md §12,
model/paths.py ``meant_by_name``): ``Pro.price`` is the plan named Pro where a cpa channel, which has no price, is
named Pro too; ``Monthly.bid`` offers the two channels named Monthly that have a bid, never the plan named so.

The figures, by hand: a cpa channel at bid 10 on a budget of 10,000 buys 1,000 users a month for 6 months; a tenth
subscribe in their join month and 80% renew each month after, so a cohort pays 100 x price x (1 - 0.8^r) / 0.2 over
the r months left. Over r = 1..6: 500 x price x (6 - 2.951424) = 1,524.288 x price, 60,971.52 at price 40.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.model.errors import ScenarioInvalid

# Their plans give channels one name on purpose: what api.load warns of them is tested in tests/contract.
pytestmark = pytest.mark.filterwarnings("ignore::aigc_roi.api.ScenarioWarning")

CHANNEL_AND_PLAN = """\
name: channel and plan share a name
horizon_months: 6
acquisition:
  - {name: Pro, type: cpa, bid: 10, budget: 10000}
retention: {monthly_churn: 0.3}
monetization:
  plans:
    - {name: Pro, price: 30, period: month, conversion: 0.1, renewal: 0.8}
costs: {serving_per_active_user: 0.5}
"""
TWO_CHANNELS_AND_A_PLAN = CHANNEL_AND_PLAN.replace(
    "  - {name: Pro, type: cpa, bid: 10, budget: 10000}",
    "  - {name: Pro, type: cpa, bid: 10, budget: 10000}\n  - {name: Pro, type: cpa, bid: 20, budget: 10000}")
"""Channels 0 and 1 (1,000 and 500 users a month) and the plan, all named Pro."""
REVENUE_PER_PRICE = 1_524.288
"""Gross revenue per unit of price of 1,000 users a month (module docstring)."""
BID_REFUSED = ("'Pro' names 2 items: write the one meant, acquisition[0].bid or acquisition[1].bid",
               "'Pro' 是 2 项的名称：请写明是哪一项，acquisition[0].bid 或 acquisition[1].bid")


@pytest.fixture
def channel_and_plan(tmp_path: Path) -> Path:
    path = tmp_path / "channel_and_plan.yaml"
    path.write_text(CHANNEL_AND_PLAN, encoding="utf-8")
    return path


@pytest.fixture
def two_channels(tmp_path: Path) -> Path:
    path = tmp_path / "two_channels.yaml"
    path.write_text(TWO_CHANNELS_AND_A_PLAN, encoding="utf-8")
    return path


def _json(args: list[str]) -> dict:
    result = invoke([*args, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _without_set(data: dict) -> dict:
    """An output but for the record of the --set it was given, which keeps the path as written."""
    return {key: value for key, value in data.items() if key != "set"}


def test_run_set_takes_the_plans_price(channel_and_plan: Path) -> None:
    by_name = _json(["run", str(channel_and_plan), "--set", "Pro.price=40"])
    assert by_name["figures"]["gross_revenue"] == pytest.approx(40 * REVENUE_PER_PRICE)
    assert _without_set(by_name) == _without_set(_json(["run", str(channel_and_plan), "--set", "monetization.plans[0].price=40"]))


def test_compare_variant_takes_the_plans_price(channel_and_plan: Path) -> None:
    columns = _json(["compare", str(channel_and_plan), "--variant", "v: Pro.price=40"])["scenarios"]
    assert [column["figures"]["gross_revenue"] for column in columns] == pytest.approx(
        [30 * REVENUE_PER_PRICE, 40 * REVENUE_PER_PRICE])


def test_breakeven_set_takes_the_plans_price(channel_and_plan: Path) -> None:
    table = _json(["breakeven", str(channel_and_plan), "--set", "Pro.price=40"])
    price = next(driver for driver in table["drivers"] if driver["path"] == "monetization.plans[0].price")
    assert price["current"] == 40
    assert _without_set(table) == _without_set(_json(["breakeven", str(channel_and_plan), "--set",
                                                      "monetization.plans[0].price=40"]))


def test_sensitivity_set_and_grid_take_the_plans_price_and_the_channels_bid(channel_and_plan: Path) -> None:
    grid = _json(["sensitivity", str(channel_and_plan), "--set", "Pro.price=40", "--grid", "Pro.price,Pro.bid",
                  "--grid-steps", "3"])
    assert (grid["rows"]["path"], grid["columns"]["path"]) == ("monetization.plans[0].price", "acquisition[0].bid")
    assert grid["rows"]["values"] == pytest.approx([32, 40, 48]) and grid["columns"]["values"] == pytest.approx([8, 10, 12])


def test_allocate_set_takes_the_plans_price(channel_and_plan: Path) -> None:
    args = ["allocate", str(channel_and_plan), "--budget", "10000"]
    by_name = _json([*args, "--set", "Pro.price=40"])
    assert _without_set(by_name) == _without_set(_json([*args, "--set", "monetization.plans[0].price=40"]))


def test_the_librarys_sets_and_grid_take_the_plans_price(channel_and_plan: Path) -> None:
    scenario = api.load(channel_and_plan, sets=["Pro.price=40"])
    assert scenario == api.load(channel_and_plan, sets=["monetization.plans[0].price=40"])
    assert api.figures(scenario)["gross_revenue"] == pytest.approx(40 * REVENUE_PER_PRICE)
    grid = api.sensitivity_grid(scenario, "Pro.price", "Pro.bid", steps=3)
    assert (grid.row_driver.path, grid.column_driver.path) == ("monetization.plans[0].price", "acquisition[0].bid")


def test_a_plans_price_beside_two_channels_of_its_name(two_channels: Path) -> None:
    # 1,000 + 500 users a month.
    figures = _json(["run", str(two_channels), "--set", "Pro.price=40"])["figures"]
    assert figures["gross_revenue"] == pytest.approx(1.5 * 40 * REVENUE_PER_PRICE)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("option", ["--set", "--variant", "--grid", "breakeven --set"])
def test_a_bid_two_channels_have_offers_those_two_alone(two_channels: Path, option: str, lang: str) -> None:
    command = {"--set": ["run", str(two_channels), "--set", "Pro.bid=40"],
               "--variant": ["compare", str(two_channels), "--variant", "v: Pro.bid=40"],
               "--grid": ["sensitivity", str(two_channels), "--grid", "Pro.bid,Pro.price"],
               "breakeven --set": ["breakeven", str(two_channels), "--set", "Pro.bid=40"]}[option]
    result = invoke([*command, "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    assert BID_REFUSED[lang == "zh"] in result.stderr.splitlines()[-1], result.stderr


def test_the_librarys_sets_and_grid_offer_the_two_channels(two_channels: Path) -> None:
    with pytest.raises(ScenarioInvalid) as refused:
        api.load(two_channels, sets=["Pro.bid=40"])
    assert str(refused.value).endswith(BID_REFUSED[0])
    with pytest.raises(api.AmbiguousDriver, match=r"^'Pro' names 2 items: write the one meant, acquisition\[0\]\.bid "
                                                  r"or acquisition\[1\]\.bid$"):
        api.sensitivity_grid(api.load(two_channels), "Pro.bid", "Pro.price")


@pytest.mark.parametrize(("index", "users"), [(0, 250 + 500), (1, 1_000 + 250)])
def test_each_path_offered_is_taken(two_channels: Path, index: int, users: int) -> None:
    # Bid 40 on a budget of 10,000 buys 250 users a month, in place of the channel's own.
    path = f"acquisition[{index}].bid"
    revenue = users / 1_000 * 30 * REVENUE_PER_PRICE
    assert _json(["run", str(two_channels), "--set", f"{path}=40"])["figures"]["gross_revenue"] == pytest.approx(revenue)
    columns = _json(["compare", str(two_channels), "--variant", f"v: {path}=40"])["scenarios"]
    assert columns[1]["figures"]["gross_revenue"] == pytest.approx(revenue)
    grid = _json(["sensitivity", str(two_channels), "--grid", f"{path},Pro.price", "--grid-steps", "3"])
    assert grid["rows"]["path"] == path and grid["columns"]["path"] == "monetization.plans[0].price"
    assert api.figures(api.load(two_channels, sets=[f"{path}=40"]))["gross_revenue"] == pytest.approx(revenue)


CPA_AND_CPM = CHANNEL_AND_PLAN.replace(
    "  - {name: Pro, type: cpa, bid: 10, budget: 10000}",
    "  - {name: Pro, type: cpa, bid: 10, budget: 10000}\n"
    "  - {name: Pro, type: cpm, cpm: 40, ctr: 0.01, cvr: 0.05, budget: 20000}")
"""Two channels of one name and two types: only the cpa one has a bid, only the cpm one a cpm; both a budget."""


@pytest.mark.parametrize(("written", "meant"), [
    ("acquisition[Pro].bid=20", ("acquisition", 0, "bid")),
    ("Pro.bid=20", ("acquisition", 0, "bid")),
    ("acquisition[Pro].cpm=20", ("acquisition", 1, "cpm")),
    ("Pro.cpm=20", ("acquisition", 1, "cpm")),
])
def test_a_name_in_brackets_is_narrowed_as_a_name_alone(tmp_path: Path, written: str, meant: tuple[str, int, str]) -> None:
    path = tmp_path / "cpa_and_cpm.yaml"
    path.write_text(CPA_AND_CPM, encoding="utf-8")
    listed, index, field = meant
    assert getattr(getattr(api.load(path, sets=[written]), listed)[index], field) == 20
    result = invoke(["run", str(path), "--set", written])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("written", ["acquisition[Pro].budget=5000", "Pro.budget=5000"])
def test_a_field_both_channels_have_is_refused(tmp_path: Path, written: str) -> None:
    path = tmp_path / "cpa_and_cpm.yaml"
    path.write_text(CPA_AND_CPM, encoding="utf-8")
    result = invoke(["run", str(path), "--set", written])
    assert result.exit_code == 2
    assert result.stderr.endswith("'Pro' names 2 items: write the one meant, acquisition[0].budget or "
                                  "acquisition[1].budget\n"), result.stderr


def test_a_field_none_of_them_has_is_the_unknown_key_of_the_one_it_resembles(channel_and_plan: Path) -> None:
    result = invoke(["run", str(channel_and_plan), "--set", "Pro.pric=40"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("--set Pro.pric=40:1:1: monetization.plans[0].pric: unknown key 'pric'; "
                             "did you mean 'price'?\n")


@pytest.mark.parametrize(("option", "value"), [("--lock", ""), ("--min", "=2000"), ("--max", "=20000")])
def test_allocate_names_channels_alone(tmp_path: Path, two_channels: Path, option: str, value: str) -> None:
    """A lock or bound names a channel, all it can name: a plan of the name is none of them."""
    beside_a_plan = tmp_path / "beside_a_plan.yaml"
    beside_a_plan.write_text(CHANNEL_AND_PLAN.replace("  - {name: Pro, type: cpa, bid: 10, budget: 10000}",
                                                      "  - {name: Pro, type: cpa, bid: 10, budget: 10000}\n"
                                                      "  - {name: Other, type: cpa, bid: 20, budget: 10000}"),
                             encoding="utf-8")
    taken = invoke(["allocate", str(beside_a_plan), "--budget", "10000", option, f"Pro{value}"])
    assert taken.exit_code == 0, taken.stderr
    refused = invoke(["allocate", str(two_channels), "--budget", "10000", option, f"Pro{value}"])
    assert refused.exit_code == 2
    assert refused.stderr.endswith("'Pro' names 2 items: write the one meant, acquisition[0] or acquisition[1]\n")
    for index in (0, 1):
        by_path = invoke(["allocate", str(two_channels), "--budget", "10000", option, f"acquisition[{index}]{value}"])
        assert by_path.exit_code == 0, by_path.stderr
