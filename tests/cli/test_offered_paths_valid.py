"""Every path a refusal, a suggestion or a table offers is valid as written (docs/formulas.md §12): a name several
items share is narrowed by the whole rest of the path, as --set sets it (``Pro.price.by_month.7`` is the plan whose
price is written by month, not the purchase's plain price); a misspelt field under a shared name names the items that
have the key it resembles; a name holding brackets, or one that reads as another item's index, is shown by its index
and one holding dots is taken by its name alone; a path whose first word is a key of the file stays a field path for
--grid as for --set."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.model.paths import list_index, split_path

# Their plans give channels one name on purpose: what api.load warns of them is tested in tests/contract.
pytestmark = pytest.mark.filterwarnings("ignore::aigc_roi.api.ScenarioWarning")

SHARED = """\
name: shared names
start: 2025-01
retention: {monthly_churn: 0.2}
acquisition:
  - {name: Pro, type: cpa, bid: 20, budget: 10000, retention: {points: {1: 0.5, 3: 0.3}}}
  - {name: Pro, type: cpm, cpm: 30, ctr: 0.01, cvr: 0.1, budget: 10000}
  - {name: 专业版, type: kol, posts: 2, fee: 5000, views: 100000, view_to_user: 0.01}
  - {name: v1.5 X, type: cpa, bid: 25, budget: 5000}
  - {name: bid, type: cpa, bid: 30, budget: 5000}
  - {name: retention, type: cpa, bid: 30, budget: 5000}
monetization:
  plans:
    - {name: Pro, price: {by_month: {1: 30, 7: 40}}, period: month, conversion: 0.05, renewal: 0.5}
    - {name: 专业版, price: 300, period: year, conversion: 0.01}
  purchases:
    - {name: Pro, price: 10, rate: 0.02}
  orders:
    - {name: Pro, price: 1000, count: 1}
costs:
  fixed:
    - {name: Pro, monthly: 500}
"""
"""A cpa and a cpm channel, a plan written by month, a purchase, an order and a fixed cost all named Pro; channels
named as a plan (专业版), with dots (v1.5 X), as a field (bid) and as a key of the file (retention)."""
GRID = """\
name: grid names
retention: {monthly_churn: 0.2}
acquisition:
  - {name: Pro, type: cpa, bid: 20, budget: 10000}
monetization:
  plans:
    - {name: Pro, price: 30, period: month, conversion: {0: 3%, 1: 1%}, renewal: [0.5, 0.7]}
    - {name: Pro, price: 300, period: year, conversion: 0.01, renewal: 0.5}
"""
"""Two plans named Pro: one converting by age with a renewal list, one of plain numbers."""
PRO = """\
name: pro2
retention: {monthly_churn: 0.2}
acquisition:
  - {name: Pro, type: cpa, bid: 20, budget: 10000}
  - {name: Solo, type: cpa, bid: 20, budget: 10000}
monetization:
  plans:
    - {name: Pro, price: 30, period: month, conversion: 0.05, renewal: 0.5}
  purchases:
    - {name: Pro, price: 10, rate: 0.02}
"""
"""A cpa channel, a plan and a purchase named Pro, each price written once."""
WEIRD = """\
name: weird names
retention: {monthly_churn: 0.2}
acquisition:
  - {name: "A[1]", type: cpa, bid: 20, budget: 10000}
  - {name: "a.b", type: cpa, bid: 20, budget: 10000}
  - {name: "1", type: cpa, bid: 20, budget: 10000}
  - {name: "price", type: cpa, bid: 20, budget: 10000}
  - {name: "Ａ Ｂ", type: cpa, bid: 20, budget: 10000}
monetization:
  plans:
    - {name: bid, price: 30, period: month, conversion: 0.05, renewal: 0.5}
    - {name: "a.b", price: 30, period: month, conversion: 0.05}
"""
"""Names holding brackets (A[1]: item 0) and dots (a.b: item 1, and a plan), one that reads as an index (1: item 2,
where [1] is a.b), one that is a field (price), and full-width letters."""
FILES = {"shared": SHARED, "grid": GRID, "pro": PRO, "weird": WEIRD}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    written = {}
    for name, text in FILES.items():
        written[name] = tmp_path / f"{name}.yaml"
        written[name].write_text(text, encoding="utf-8")
    return written


def _value_at(scenario: Any, path: str) -> Any:
    """The value at an indexed path of a loaded scenario (a month of a by-month value by its month)."""
    node = scenario
    for segment in split_path(path) or []:
        index = list_index(segment) if segment.startswith("[") else None
        if index is not None:
            node = node[index]
        elif hasattr(node, "points"):
            node = dict(node.points)[int(segment)]
        elif isinstance(node, tuple):
            node = dict(node)[int(segment)]
        else:
            node = getattr(node, segment)
    return node


@pytest.mark.parametrize(("file", "written", "indexed", "value"), [
    # Of the plan, purchase and order named Pro, only the plan's price is written by month.
    ("shared", "Pro.price.by_month.7=50", "monetization.plans[0].price.7", 50),
    ("shared", "Pro.price.by_month.1=25", "monetization.plans[0].price.1", 25),
    # Of the two plans named Pro, only the first converts by age; only its renewal is a list.
    ("grid", "Pro.conversion.1=0.02", "monetization.plans[0].conversion.1", 0.02),
    ("grid", "Pro.renewal.0=0.6", "monetization.plans[0].renewal[0]", 0.6),
    # A name with dots, by its name alone: the channel a.b, as no item is named a.
    ("weird", "a.b.bid=3", "acquisition[1].bid", 3),
    ("weird", "a.b.price=3", "monetization.plans[1].price", 3),
    ("shared", "v1.5 X.bid=3", "acquisition[3].bid", 3),
])
def test_a_shared_name_is_the_item_the_whole_path_can_be_set_on(files: dict[str, Path], file: str, written: str,
                                                                 indexed: str, value: float) -> None:
    result = invoke(["run", str(files[file]), "--set", written, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert _value_at(api.load(files[file], sets=[written]), indexed) == pytest.approx(value)


@pytest.mark.parametrize(("written", "en", "zh"), [
    ("Pro.pric=3",
     "'Pro' names 3 items and none has a key 'pric'; 2 have 'price': write the one meant, "
     "monetization.plans[Pro].price or monetization.purchases[Pro].price",
     "'Pro' 是 3 项的名称，都没有字段 'pric'；其中 2 项有 'price'：请写明是哪一项，"
     "monetization.plans[Pro].price 或 monetization.purchases[Pro].price"),
    ("Solo={name: Solo, type: cpa, bid: 5, budget: 100}",
     "'Solo' is an item's name, not a key of the file: set the item whole at its path, acquisition[Solo]",
     "'Solo' 是项的名称，不是文件的字段：请在该项的路径上整体设置它，acquisition[Solo]"),
    ("pro.pric=3",
     "no channel, plan, purchase, order or fixed cost is named 'pro'; did you mean "
     "'monetization.plans[Pro].price' or 'monetization.purchases[Pro].price'?",
     "没有名为 'pro' 的渠道、会员方案、单次购买、订单或固定成本；是否想写 "
     "'monetization.plans[Pro].price' 或 'monetization.purchases[Pro].price'？"),
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_refusal_names_the_items_that_have_the_key_meant(files: dict[str, Path], written: str, en: str, zh: str,
                                                            lang: str) -> None:
    result = invoke(["run", str(files["pro"]), "--set", written, "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"--set {written}:1:1: {written.split('=')[0]}: {en if lang == 'en' else zh}\n"


@pytest.mark.parametrize(("file", "written", "at"), [
    ("pro", "Pro.bi=3", "acquisition[0].bi: unknown key 'bi'; did you mean 'bid'?"),
    ("weird", "a.b.pric=3", "monetization.plans[1].pric: unknown key 'pric'; did you mean 'price'?"),
])
def test_a_misspelt_key_under_a_shared_name_goes_to_the_one_item_with_a_key_like_it(
        files: dict[str, Path], file: str, written: str, at: str) -> None:
    """Of the items of the name, one has a key like the one written: the loader says so there."""
    result = invoke(["run", str(files[file]), "--set", written])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"--set {written}:1:1: {at}"


ASKED = [
    ("shared", "Pro.budget=5000"), ("shared", "Pro.price=5"), ("shared", "Pro.name=x"), ("shared", "ＰＲＯ.bid=3"),
    ("shared", "pro.monthly=400"), ("shared", "Pro.bid.by_month.3=30"), ("shared", "Pro.pric=3"),
    ("shared", "acquisition[pro].bid=3"), ("shared", "专业.price=400"),
    ("grid", "Pro.price=40"), ("grid", "Pro.conversion=0.02"), ("grid", "Pro.pric=40"),
    ("pro", "Pro.pric=3"), ("pro", "Pro.price.by_month.7=50"), ("pro", "Solo={name: S, type: cpa, bid: 5, budget: 100}"),
    ("pro", "pro.pric=3"), ("pro", "Pro.bid.by_month.2=3"),
    ("weird", "acquisition[1].bid=3"), ("weird", "a.b.name=x"), ("weird", "a_b.bid=3"), ("weird", "pric.bid=3"),
    ("weird", "acquisition[a_b].bid=3"),
]
"""--set texts on the files above that a refusal answers with paths."""
_OFFERED = (re.compile(r"write the one meant(?: by its name alone)?, (.*)$"), re.compile(r"at its path, (.*)$"))
_SUGGESTED = re.compile(r"did you mean ((?:'[^']*'(?: or )?)+)\?$")
_WHOLE = re.compile(r"such as (\S+)=(\{by_month: \{.*\}\})$")


def _offered(refusal: str, value: str) -> list[tuple[str, str]]:
    """The paths a refusal offers, each with the value to set there: the value given, or the hint's own."""
    for pattern in _OFFERED:
        if found := pattern.search(refusal):
            return [(path, value) for path in found[1].split(" or ")]
    if found := _SUGGESTED.search(refusal):
        return [(path, value) for path in re.findall(r"'([^']*)'", found[1])]
    if found := _WHOLE.search(refusal):
        return [(found[1], found[2])]
    return []


@pytest.mark.parametrize(("file", "written"), ASKED)
def test_every_path_a_refusal_offers_is_taken_as_written(files: dict[str, Path], file: str, written: str) -> None:
    result = invoke(["run", str(files[file]), "--set", written])
    assert result.exit_code == 2, result.stdout
    path, value = written.split("=", 1)
    offered = _offered(result.stderr.splitlines()[-1], value)
    assert offered, result.stderr
    for other, its_value in offered:
        taken = invoke(["run", str(files[file]), "--set", f"{other}={its_value}"])
        assert taken.exit_code == 0, (written, other, taken.stderr)


@pytest.mark.parametrize(("file", "driver"), [
    ("shared", "Pro.budget"), ("shared", "Pro.price"), ("grid", "Pro.price"), ("shared", "ＰＲＯ.bid"),
    ("weird", "acquisition[1].bid"), ("weird", "acquisition[A[2]].bid"), ("shared", "retention.bid"),
])
def test_every_driver_a_grid_refusal_offers_is_taken_as_written(files: dict[str, Path], file: str, driver: str) -> None:
    other = {"weird": "acquisition[Ａ Ｂ].bid", "shared": "acquisition[bid].bid", "grid": "acquisition[0].bid"}[file]
    result = invoke(["sensitivity", str(files[file]), "--grid", f"{driver},{other}"])
    assert result.exit_code == 2, result.stdout
    offered = _offered(result.stderr.splitlines()[-1], "")
    assert offered, result.stderr
    for path, _ in offered:
        taken = invoke(["sensitivity", str(files[file]), "--grid", f"{path},{other}", "-f", "json"])
        assert taken.exit_code == 0, (driver, path, taken.stderr)


def test_a_grid_path_whose_first_word_is_a_key_of_the_file_is_a_field_path(files: dict[str, Path]) -> None:
    """As --set reads it: the channel named retention is acquisition[retention], never retention.bid."""
    grid = invoke(["sensitivity", str(files["shared"]), "--grid", "retention.bid,bid.bid"])
    assert grid.exit_code == 2
    assert grid.stderr.splitlines()[-1] == ("aigc-roi: --grid: 'retention.bid' is not a driver; did you mean "
                                            "'acquisition[retention].bid'?")
    assert invoke(["run", str(files["shared"]), "--set", "retention.bid=5"]).exit_code == 2
    with pytest.raises(api.UnknownDriver):
        api.sensitivity_grid(api.load(files["shared"]), "retention.bid", "bid.bid")
    taken = json.loads(invoke(["sensitivity", str(files["shared"]), "--grid", "acquisition[retention].bid,bid.bid",
                               "-f", "json"]).stdout)
    assert (taken["rows"]["path"], taken["columns"]["path"]) == ("acquisition[5].bid", "acquisition[4].bid")


def _markdown_paths(text: str) -> list[tuple[str, str]]:
    """Each row's path, as its first column shows it, and its driver's label."""
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Path")]
    return [(cells[0].removeprefix("| "), cells[1]) for cells in rows]


@pytest.mark.parametrize("command", ["breakeven", "sensitivity"])
@pytest.mark.parametrize("file", ["weird", "shared"])
def test_every_path_a_table_shows_sets_its_driver(files: dict[str, Path], command: str, file: str) -> None:
    """The markdown's path of each driver, given to --set, sets that driver's field (its JSON path, by index)."""
    shown = _markdown_paths(invoke([command, str(files[file]), "-f", "markdown"]).stdout)
    drivers = json.loads(invoke([command, str(files[file]), "-f", "json"]).stdout)["drivers"]
    assert [label for _, label in shown] == [driver["label"] for driver in drivers]
    for (path, _), driver in zip(shown, drivers, strict=True):
        value = 0.37 if driver["current"] < 1 else 7.5  # a driver by month (a factor, 1) is replaced whole
        assert _value_at(api.load(files[file], sets=[f"{path}={value}"]), driver["path"]) == pytest.approx(value), path


def test_names_that_cannot_be_written_between_brackets_are_shown_by_their_index(files: dict[str, Path]) -> None:
    shown = {label: path for path, label in _markdown_paths(invoke(["breakeven", str(files["weird"]), "-f", "markdown"]).stdout)}
    assert (shown["A[1] bid"], shown["a.b bid"], shown["1 bid"], shown["price bid"]) == (
        "acquisition[0].bid", "acquisition[a.b].bid", "acquisition[2].bid", "acquisition[price].bid")


def test_explain_shows_each_change_at_a_path_set_takes(files: dict[str, Path], tmp_path: Path) -> None:
    """The channels named A[1] (item 0) and 1 (item 2) change their bids: [A[1]] is no path, and [1] is item 1."""
    new = tmp_path / "new.yaml"
    new.write_text(WEIRD.replace('"A[1]", type: cpa, bid: 20', '"A[1]", type: cpa, bid: 25')
                   .replace('"1", type: cpa, bid: 20', '"1", type: cpa, bid: 22'), encoding="utf-8")
    result = invoke(["compare", str(files["weird"]), str(new), "--explain", "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    rows = {line.split(" | ")[1] for line in result.stdout.splitlines() if "].bid | " in line}
    assert rows == {"acquisition[0].bid", "acquisition[2].bid"}
    for path, value in (("acquisition[0].bid", 25), ("acquisition[2].bid", 22)):
        assert _value_at(api.load(files["weird"], sets=[f"{path}={value}"]), path) == value
