"""Things named as people name them (issue 25): --set and --grid by an item's name, the IME's ＝, paths by
name in the risk table, the share that never pays back beside the payback percentiles, and a difference
without a value shown as a dash.

The figures are the spec's worked example (tests/spec_example.py): 1000 users bought at bid 20 in month 1,
half leave each month, each active user buys one item at 10 and costs 1 to serve; contribution
9,000 + 4,500 + 2,250 = 15,750.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

from aigc_roi import api
from aigc_roi.model.paths import by_name

WITH_NAMED_ITEMS = WORKED_EXAMPLE.replace(
    "costs: {serving_per_active_user: 1}",
    "  plans: [{name: 月度会员, price: 29, period: month, conversion: 2%}]\n"
    "  orders: [{name: 企业定制, price: 5000, count: 1}]\n"
    "costs:\n  serving_per_active_user: 1\n  fixed: [{name: 工具和算力, monthly: 100}]",
)


def figures(path: Path, *sets: str) -> dict[str, float]:
    result = invoke(["run", str(path), "--format", "json", *(arg for text in sets for arg in ("--set", text))])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["figures"]


@pytest.fixture
def named(tmp_path: Path) -> Path:
    path = tmp_path / "named.yaml"
    path.write_text(WITH_NAMED_ITEMS, encoding="utf-8")
    return path


def test_a_channel_by_its_name_alone(example: Path) -> None:
    # Bid 14 instead of 20: ad spend 14,000 against the same 15,750 contribution, ROI 1,750 / 14,000 = 12.5%.
    assert figures(example, "CPA.bid=14")["roi"] == pytest.approx(0.125)


def test_a_purchase_by_its_name_alone(example: Path) -> None:
    # Price 12: revenue 12 x 1,750 active-user months = 21,000, less serving 1,750: (19,250 - 20,000) / 20,000.
    assert figures(example, "item.price=12")["roi"] == pytest.approx(-0.0375)


def test_a_fixed_cost_by_its_chinese_name(named: Path) -> None:
    # 400 a month instead of 100 over the 3 months: net cash 900 lower.
    before, after = figures(named)["net_cash"], figures(named, "工具和算力.monthly=400")["net_cash"]
    assert after - before == pytest.approx(-900)


@pytest.mark.parametrize(("by_its_name", "by_path"), [
    ("月度会员.price=39", "monetization.plans[0].price=39"),
    ("企业定制.count=3", "monetization.orders[0].count=3"),
])
def test_plans_and_orders_by_name_are_their_paths(named: Path, by_its_name: str, by_path: str) -> None:
    moved = figures(named, by_its_name)
    assert moved == figures(named, by_path) and moved != figures(named)


def test_an_unknown_name_suggests_the_item_it_resembles(named: Path) -> None:
    result = invoke(["run", str(named), "--set", "月度.price=39"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("--set 月度.price=39:1:1: 月度.price: no channel, plan, purchase, order or fixed cost is "
                             "named '月度'; did you mean 'monetization.plans[月度会员].price'?\n")
    zh = invoke(["run", str(named), "--set", "月度.price=39", "--lang", "zh"])
    assert "没有名为 '月度' 的渠道、会员方案、单次购买、订单或固定成本；是否想写 'monetization.plans[月度会员].price'？" in zh.stderr


def test_a_name_two_items_share_is_the_one_that_has_the_field(tmp_path: Path) -> None:
    """A cpa channel has no price: the purchase of its name is meant (docs/formulas.md §12)."""
    path = tmp_path / "twice.yaml"
    path.write_text(WORKED_EXAMPLE.replace("{name: item,", "{name: CPA,"), encoding="utf-8")
    # As test_a_purchase_by_its_name_alone: (19,250 - 20,000) / 20,000.
    assert figures(path, "CPA.price=12")["roi"] == pytest.approx(-0.0375)


def test_a_field_two_items_of_one_name_have_asks_which(tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text(WORKED_EXAMPLE.replace("{name: item,", "{name: CPA,"), encoding="utf-8")
    result = invoke(["run", str(path), "--set", "CPA.name=x"])
    assert result.exit_code == 2
    assert result.stderr.endswith("'CPA' names 2 items: write the one meant, acquisition[CPA].name or "
                                  "monetization.purchases[CPA].name\n")


TWO_NAMED_A = WORKED_EXAMPLE.replace("months: 1}", "months: 1}\n  - {name: CPA, type: cpa, bid: 10, users: 10, months: 1}")
"""Two channels named CPA, items 0 and 1 of acquisition: the spec allows a name twice."""
SHARED = ("'CPA' names 2 items: write the one meant, acquisition[0].bid or acquisition[1].bid",
          "'CPA' 是 2 项的名称：请写明是哪一项，acquisition[0].bid 或 acquisition[1].bid")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("option", "spelling"), [
    *((option, spelling) for option in ("--set", "--variant", "--grid") for spelling in
      ("acquisition[CPA].bid", "acquisition[ CPA ].bid", "CPA.bid", " CPA .bid")),
])
def test_a_name_two_channels_share_lists_their_indices(tmp_path: Path, option: str, spelling: str, lang: str) -> None:
    """Bracketed or bare, the name is refused with the paths that tell the two apart, not a bare "give the index"
    (--set, --variant) nor a suggestion of the bracketed spelling, as ambiguous (--grid). --grid's and --variant's
    refusals follow the file's warning of the shared name (reader/shared_names.py), the file read before the option
    (a variant is the file read again); a --set's refusal, met while the file is read, comes before it."""
    path = tmp_path / "two.yaml"
    path.write_text(TWO_NAMED_A, encoding="utf-8")
    command = {"--set": ["run", str(path), "--set", f"{spelling}=5"],
               "--variant": ["compare", str(path), "--variant", f"low: {spelling}=5"],
               "--grid": ["sensitivity", str(path), "--grid", f"{spelling},item.price"]}[option]
    result = invoke([*command, "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert SHARED[lang == "zh"] in lines[-1] and len(lines) == (1 if option == "--set" else 2), result.stderr
    if option != "--set":
        assert lines[0].startswith(f"{path}:5:12: acquisition[1].name: 'CPA' "), result.stderr


def test_a_full_width_equals_sign_gets_the_input_method_hint(example: Path) -> None:
    result = invoke(["run", str(example), "--set", "acquisition[CPA].bid＝14"])
    assert result.exit_code == 2
    assert result.stderr == ("--set acquisition[CPA].bid＝14:1:1: expected PATH=VALUE such as acquisition[0].bid=25; "
                             "full-width '＝' (IME input): write acquisition[CPA].bid=14\n")
    zh = invoke(["run", str(example), "--set", "acquisition[CPA].bid＝14", "--lang", "zh"])
    assert zh.stderr.endswith("全角字符 '＝'（输入法输入）：请写 acquisition[CPA].bid=14\n")


def test_grid_takes_drivers_by_name(example: Path) -> None:
    by_its_name = invoke(["sensitivity", str(example), "--grid", "CPA.bid,item.price", "--grid-steps", "3", "-f", "json"])
    by_path = invoke(["sensitivity", str(example), "--grid", "acquisition[0].bid,monetization.purchases[0].price",
                      "--grid-steps", "3", "-f", "json"])
    assert by_its_name.exit_code == 0, by_its_name.stderr
    assert json.loads(by_its_name.stdout) == json.loads(by_path.stdout)
    # Bid 20 and price 10 in the middle: the worked example's ROI, -21.25%.
    assert json.loads(by_its_name.stdout)["roi"][1][1] == pytest.approx(-0.2125)


@pytest.mark.parametrize("spelling", ["acquisition[ CPA ].bid, monetization.purchases[ item ].price",
                                      " CPA .bid , item .price", "acquisition[  CPA].bid,  item.price"])
def test_grid_reads_a_name_without_the_spaces_around_it_as_set_does(example: Path, spelling: str) -> None:
    result = invoke(["sensitivity", str(example), "--grid", spelling, "--grid-steps", "3", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["rows"]["path"], data["columns"]["path"]) == ("acquisition[0].bid",
                                                           "monetization.purchases[0].price")
    assert data["roi"][1][1] == pytest.approx(-0.2125)  # bid 20 and price 10: the worked example's ROI


@pytest.mark.parametrize("option", ["--set", "--grid"])
def test_an_index_with_spaces_is_read_as_a_name_by_set_and_grid_alike(example: Path, option: str) -> None:
    # The worked example has no item named 0: "[ 0 ]" is refused by both, at the option, exit 2.
    command = (["run", str(example), "--set", "acquisition[ 0 ].bid=5"] if option == "--set" else
               ["sensitivity", str(example), "--grid", "acquisition[ 0 ].bid,item.price"])
    result = invoke(command)
    assert result.exit_code == 2 and result.stdout == "" and len(result.stderr.splitlines()) == 1, result.stderr
    assert "acquisition[ 0 ].bid" in result.stderr


def test_variant_by_name(example: Path) -> None:
    result = invoke(["compare", str(example), "--variant", "cheaper: CPA.bid=14", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert [column["figures"]["roi"] for column in json.loads(result.stdout)["scenarios"]] == pytest.approx([-0.2125, 0.125])


def test_paths_by_name_keep_the_index_where_a_name_cannot_say_which(tmp_path: Path) -> None:
    path = tmp_path / "twins.yaml"
    path.write_text(WORKED_EXAMPLE.replace("retention:", "  - {name: CPA, type: cpa, bid: 5, users: 10, months: 1}\n"
                                           "retention:"), encoding="utf-8")
    with pytest.warns(api.ScenarioWarning, match="'CPA' is also acquisition\\[0\\]'s name"):
        scenario = api.load(path)
    assert by_name("acquisition[1].bid", scenario) == "acquisition[1].bid"  # two channels named CPA
    assert by_name("monetization.purchases[0].price", scenario) == "monetization.purchases[item].price"
    assert by_name("horizon_months", scenario) == "horizon_months"


NEVER_HALF = """\
name: Uniform bid
horizon_months: 12
acquisition:
  - {name: 抖音激活CPA, type: cpa, bid: {dist: uniform, low: 0, high: 20}, users: 1000, months: 1}
retention: {monthly_churn: 0}
monetization:
  purchases: [{name: Credits, price: 1, rate: 1}]
costs: {fixed: [{name: 工具和算力, monthly: 0..1}]}
"""


def test_simulate_shows_the_share_that_never_pays_back(tmp_path: Path) -> None:
    path = tmp_path / "never.yaml"
    path.write_text(NEVER_HALF, encoding="utf-8")
    result = invoke(["simulate", str(path), "--samples", "4000", "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    # Each of the 1,000 users pays 1 a month and stays: cumulative cash 1,000 (m - bid) pays back by month 12
    # only when the bid is at most about 12, so about 8 / 20 = 40% of the draws never pay back.
    row = next(line for line in result.stdout.splitlines() if line.startswith("| Payback month (plan cash) |"))
    never = float(re.search(r"never (\d+\.\d+)%", row)[1])
    assert never == pytest.approx(40, abs=3)
    # The risk table names each input by its item's name, as --set takes it.
    assert "| acquisition[抖音激活CPA].bid |" in result.stdout and "| costs.fixed[工具和算力].monthly |" in result.stdout


def test_a_difference_from_an_irr_of_none_is_a_dash(example: Path, tmp_path: Path) -> None:
    # The worked example's cash flow -11,000, 4,500, 2,250 never turns positive overall: no IRR to subtract from.
    other = tmp_path / "other.yaml"
    other.write_text(WORKED_EXAMPLE.replace("bid: 20", "bid: 5"), encoding="utf-8")
    result = invoke(["compare", str(example), str(other), "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    irr = next(line for line in result.stdout.splitlines() if line.startswith("| IRR (annual) |"))
    assert irr.split(" | ")[3] == "—", irr


@pytest.mark.parametrize("path", ["acquisition[CPA].bid", "CPA.bid", "acquisition[  CPA ].bid"])
def test_a_name_written_with_spaces_around_it_is_the_name_without_them(tmp_path: Path, path: str) -> None:
    # A cell pasted as "  CPA  " is the channel CPA in every output, so --set finds it by that name too. At a bid
    # of 10 the 1,000 users cost 10,000: roi = (15,750 - 10,000) / 10,000 = 0.575.
    spaced = tmp_path / "spaced.yaml"
    spaced.write_text(WORKED_EXAMPLE.replace("{name: CPA,", '{name: "  CPA  ",'), encoding="utf-8")
    assert figures(spaced, f"{path}=10")["roi"] == pytest.approx(0.575)
    channels = json.loads(invoke(["run", str(spaced), "--format", "json"]).stdout)["channels"]
    assert [channel["name"] for channel in channels] == ["CPA"]
