"""--set refusals that answer in one line at the option, offering only paths --set then takes (docs/formulas.md §12):
a month set inside a range written as a mapping, as inside a number or a text range (QA set-hints 1); a month of a
field that takes none; a field written without its item (``bid.by_month.6``, 2); a bracketed number that is an index
and another item's name, offering whole items at their paths, and names no path tells apart (3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

HEAD = "version: 1\nname: hints\nhorizon_months: 12\nvirality: 0.05\nretention:\n  points: {1: 0.4, 12: 0.1}\n"
PLANS = ("monetization:\n  plans:\n"
         "    - {name: M, price: 30, period: month, conversion: {0: 2%, 1: 1%}, renewal: [0.6, 0.8]}\n")
RANGES = ["{dist: triangular, low: 10, mode: 12, high: 15}", "{low: 10, high: 15}", "{dist: normal, mean: 12, sd: 1}",
          '"10..15"', "12"]
"""A bid written once: as a range mapping of each form, a text range and a number."""


def _file(tmp_path: Path, bid: str, more: str = "") -> str:
    path = tmp_path / "s.yaml"
    path.write_text(HEAD + f"acquisition:\n  - {{name: D, type: cpa, bid: {bid}, budget: 20000}}\n{more}{PLANS}",
                    encoding="utf-8")
    return str(path)


def _refused(path: str, setting: str, lang: str = "en") -> str:
    result = invoke(["run", path, "--set", setting, "--lang", lang])
    assert result.exit_code == 2 and result.stdout == "", result.stderr
    return result.stderr


def _runs(path: str, setting: str) -> None:
    result = invoke(["run", path, "--set", setting])
    assert result.exit_code == 0, result.stderr


def _months(path: str, setting: str | None = None) -> list[dict[str, object]]:
    result = invoke(["run", path, "-f", "json", *(["--set", setting] if setting else [])])
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout)["months"])


@pytest.mark.parametrize("bid", RANGES)
@pytest.mark.parametrize(("written", "schedule"), [
    # The value written once held through month 5, where {1: bid, 6: 30} ramped to 30 over months 2 to 5; a range at
    # key 5 alone, held back to month 1 as one draw (each key is drawn on its own, §14), a number at keys 1 and 5.
    ("D.bid.by_month.6=30", "{{{first}5: {bid}, 6: 30}}"),
    ("acquisition[0].bid.by_month.6=30", "{{{first}5: {bid}, 6: 30}}"),
    ("acquisition[0].bid.by_month.1=30", "{{1: 30}}"), ("acquisition[D].bid.by_month={6: 30}", "{{6: 30}}"),
    ("acquisition[D].bid.by_month=30", "{{1: {bid}}}"),
])
def test_a_month_of_a_value_written_once_offers_the_schedule_meant(tmp_path: Path, bid: str, written: str,
                                                                   schedule: str) -> None:
    """The schedule offered keeps month 1 at the value as the file writes it and gives the month asked the value asked;
    run as offered, it is the file edited by hand to that schedule."""
    path = _file(tmp_path, bid)
    field = written.partition(".by_month")[0]
    whole = "acquisition[D].bid" if field.startswith("D") else field
    first = "1: 12, " if bid == "12" else ""
    offered = f"{whole}={{by_month: {schedule.format(bid=bid.strip(chr(34)), first=first)}}}"
    assert _refused(path, written) == (
        f"--set {written}:1:1: {written.partition('=')[0]}: cannot set one month of a value written once; "
        f"replace it whole, such as {offered}\n")
    assert _refused(path, written, "zh") == (
        f"--set {written}:1:1: {written.partition('=')[0]}: 不能只设置单一取值的某个月；请整体替换，如 {offered}\n")
    by_hand = tmp_path / "by_hand.yaml"
    by_hand.write_text(Path(path).read_text(encoding="utf-8").replace(
        f"bid: {bid},", f"bid: {offered.partition('=')[2]},"), encoding="utf-8")
    assert _months(path, offered) == _months(str(by_hand))


def test_the_schedule_offered_gives_the_month_asked_its_value(tmp_path: Path) -> None:
    """A fixed cost of 3000 a month set to 5 in month 3: 3000 in months 1 and 2, then 5 (docs/formulas.md §14), where
    {1: 3000, 3: 5} was offered, halfway (1502.5) in month 2."""
    path = tmp_path / "s.yaml"
    path.write_text(HEAD + "costs:\n  fixed:\n    - {name: T, monthly: 3000}\n" + PLANS, encoding="utf-8")
    offered = "costs.fixed[0].monthly={by_month: {1: 3000, 2: 3000, 3: 5}}"
    assert _refused(str(path), "costs.fixed[0].monthly.by_month.3=5").endswith(f"such as {offered}\n")
    assert [month["fixed_cost"] for month in _months(str(path), offered)[:4]] == [3000, 3000, 5, 5]


@pytest.mark.parametrize(("written", "field"), [
    ("virality.by_month.3", "virality"), ("retention.points.by_month.6", "retention.points"),
    ("M.conversion.by_month.2", "monetization.plans[M].conversion"),
    ("monetization.plans[0].renewal.by_month.2", "monetization.plans[0].renewal"),
    ("acquisition[0].bid.low.by_month.2", "acquisition[0].bid.low"),
])
def test_a_month_of_a_field_that_takes_none_is_refused_as_such(tmp_path: Path, written: str, field: str) -> None:
    """No ``{by_month: ...}`` is offered where the field refuses one."""
    path = _file(tmp_path, RANGES[0])
    assert _refused(path, f"{written}=0.1") == (
        f"--set {written}=0.1:1:1: {written}: cannot set one month of {field}: by_month is not allowed on this field\n")
    assert _refused(path, f"{written}=0.1", "zh") == (
        f"--set {written}=0.1:1:1: {written}: 不能设置 {field} 的某个月：此字段不能按月取值 by_month\n")


@pytest.mark.parametrize("key", ["low", "mode"])
def test_a_part_of_a_text_range_is_one_line_at_the_option(tmp_path: Path, key: str) -> None:
    path = _file(tmp_path, '"10..15"')
    assert _refused(path, f"D.bid.{key}=11") == (
        f"--set D.bid.{key}=11:1:1: D.bid.{key}: cannot set '{key}' inside a value that is not a mapping\n")


def test_a_field_without_its_item_offers_the_item_that_takes_it(tmp_path: Path) -> None:
    """Of two channels with a bid, only the one written by month has a month 6 to set."""
    path = _file(tmp_path, "12", "  - {name: B, type: cpa, bid: {by_month: {1: 10, 6: 20}}, budget: 20000}\n")
    assert _refused(path, "bid.by_month.6=30") == (
        "--set bid.by_month.6=30:1:1: bid.by_month.6: no channel, plan, purchase, order or fixed cost is named 'bid'; "
        "did you mean 'acquisition[B].bid.by_month.6'?\n")
    assert _refused(path, "bid.by_month.6=30", "zh").endswith(
        "没有名为 'bid' 的渠道、会员方案、单次购买、订单或固定成本；是否想写 'acquisition[B].bid.by_month.6'？\n")
    _runs(path, "acquisition[B].bid.by_month.6=30")


@pytest.mark.parametrize("bid", RANGES)
def test_a_field_without_its_item_that_none_can_take_says_what_would(tmp_path: Path, bid: str) -> None:
    path = _file(tmp_path, bid)
    # A range at key 5 alone, one draw held back to month 1; a number at keys 1 and 5.
    first = "1: 12, " if bid == "12" else ""
    assert _refused(path, "bid.by_month.6=30") == (
        "--set bid.by_month.6=30:1:1: bid.by_month.6: cannot set one month of a value written once; replace it whole, "
        f"such as acquisition[D].bid={{by_month: {{{first}5: {bid.strip(chr(34))}, 6: 30}}}}\n")
    _runs(path, f"acquisition[D].bid={{by_month: {{{first}5: {bid.strip(chr(34))}, 6: 30}}}}")


NUMBERED = ("version: 1\nname: n\nhorizon_months: 12\nretention: {monthly_churn: 0.3}\nacquisition:\n"
            '  - {name: "1", type: cpa, bid: 10, budget: 10000}\n'
            "  - {name: {second}, type: cpa, bid: 12, budget: 10000}\n"
            "  - {name: x, type: cpa, bid: 15, budget: 10000}\n")
"""Channel 0 named 1; channel 1 named y, or x as channel 2 is."""
ITEM = "{name: z, type: cpa, bid: 1, budget: 1}"


def _numbered(tmp_path: Path, second: str) -> str:
    path = tmp_path / "n.yaml"
    path.write_text(NUMBERED.replace("{second}", second), encoding="utf-8")
    return str(path)


def test_an_index_that_is_another_items_name_offers_whole_items_at_their_paths(tmp_path: Path) -> None:
    path = _numbered(tmp_path, "y")
    assert _refused(path, f"acquisition[1]={ITEM}").endswith(
        "acquisition[1]: [1] reads both as index 1 (the item named 'y') and as the item named '1'; write the one meant "
        "at its path, acquisition[y] or acquisition[0]\n")
    assert _refused(path, f"acquisition[1]={ITEM}", "zh").endswith(
        "[1] 既可读作索引 1（名为 'y' 的项），也可读作名为 '1' 的项；请用该项的路径写明是哪一项：acquisition[y] 或 acquisition[0]\n")
    _runs(path, f"acquisition[y]={ITEM}")
    _runs(path, f"acquisition[0]={ITEM}")


@pytest.mark.parametrize("written", ["acquisition[1]=" + ITEM, "acquisition[1].budget=5", "x.budget=5",
                                     "acquisition[x].budget=5"])
def test_an_item_no_path_names_is_never_offered(tmp_path: Path, written: str) -> None:
    """Channel 1 shares the name x and its index is channel 0's name: no path names it (§12)."""
    path = _numbered(tmp_path, "x")
    last = _refused(path, written).splitlines()[-1]
    zh = _refused(path, written, "zh").splitlines()[-1]
    assert "acquisition[1]." not in last.rpartition(": ")[2]
    if written.startswith("acquisition[1]"):
        assert last.endswith("[1] reads both as index 1 (the item named 'x') and as the item named '1', and no path "
                             "names each of them: give the items names of their own")
        assert zh.endswith("[1] 既可读作索引 1（名为 'x' 的项），也可读作名为 '1' 的项，且没有路径能分别指明它们：请给各项起各自的名称")
    else:
        assert last.endswith("'x' names 2 items and no path names each of them: give the items names of their own")
        assert zh.endswith("'x' 是 2 项的名称，且没有路径能分别指明它们：请给各项起各自的名称")
