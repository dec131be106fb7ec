"""Item names that read as an index (QA F8) or that two channels share (QA F9): a name is never re-read as an
index, a bracketed number that is both one item's index and another's name is refused with both spellings, and
a path message offers only paths that tell the items apart.

Each channel buys budget / bid paid users a month for 12 months: at bid 20 and 10 on 20,000 that is
12 x (1,000 + 2,000) = 36,000; bid 5 on the channel named "1" gives 12 x (4,000 + 2,000) = 72,000, on the one named
"0" 12 x (1,000 + 4,000) = 60,000.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

HEAD = "version: 1\nname: Numeric names\nhorizon_months: 12\nretention:\n  monthly_churn: 0.3\nacquisition:\n"
NUMERIC = HEAD + '  - {name: "1", type: cpa, bid: 20, budget: 20000}\n  - {name: "0", type: cpa, bid: 10, budget: 20000}\n'
SHARED = HEAD + "  - {name: A, type: cpa, bid: 20, budget: 20000}\n  - {name: A, type: cpa, bid: 10, budget: 20000}\n"


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _paid_users(*args: str) -> float:
    result = invoke(["run", *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["figures"]["paid_users"]


@pytest.mark.parametrize(("setting", "paid"), [("1.bid=5", 72_000), ("0.bid=5", 60_000)])
def test_a_numeric_name_names_its_item(tmp_path: Path, setting: str, paid: float) -> None:
    assert _paid_users(str(_file(tmp_path, NUMERIC)), "--set", setting) == pytest.approx(paid)


def test_the_only_channel_named_618_is_found_by_its_name(tmp_path: Path) -> None:
    path = _file(tmp_path, HEAD + '  - {name: "618", type: cpa, bid: 20, budget: 20000}\n')
    assert _paid_users(str(path), "--set", "618.bid=5") == pytest.approx(12 * 4_000)


def test_a_variant_by_a_numeric_name_moves_that_channel(tmp_path: Path) -> None:
    result = invoke(["compare", str(_file(tmp_path, NUMERIC)), "--variant", "x: 1.bid=5", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert [s["figures"]["paid_users"] for s in json.loads(result.stdout)["scenarios"]] == pytest.approx([36_000, 72_000])


@pytest.mark.parametrize("option", [["--set", "acquisition[1].bid=5"], ["--variant", "x: acquisition[1].bid=5"]])
def test_an_index_that_is_another_items_name_is_refused(tmp_path: Path, option: list[str]) -> None:
    command = "run" if option[0] == "--set" else "compare"
    result = invoke([command, str(_file(tmp_path, NUMERIC)), *option])
    assert result.exit_code == 2 and result.stdout == ""
    # Index [1] is the second item, named "0"; the first item is the one named "1" (QA zh3 F1: "item 1" / "第 1 项"
    # read as the first item, so the message named the same item twice and never the one at the index).
    assert ("acquisition[1].bid: [1] reads both as index 1 (the item named '0') and as the item named '1'; write the "
            "one meant by its name alone, 0.bid or 1.bid") in result.stderr
    zh = invoke([command, str(_file(tmp_path, NUMERIC)), *option, "--lang", "zh"])
    assert "[1] 既可读作索引 1（名为 '0' 的项），也可读作名为 '1' 的项；请只用名称写明是哪一项：0.bid 或 1.bid" in zh.stderr


def test_an_index_at_an_unnamed_item_says_it_has_no_name(tmp_path: Path) -> None:
    path = str(_file(tmp_path, HEAD + "  - {type: cpa, bid: 20, budget: 20000}\n"
                                      '  - {name: "0", type: cpa, bid: 10, budget: 20000}\n'))
    result = invoke(["run", path, "--set", "acquisition[0].bid=5"])
    assert result.exit_code == 2
    assert ("[0] reads both as index 0 (an item with no name) and as the item named '0'; write the one meant by its "
            "name alone, 0.bid") in result.stderr
    zh = invoke(["run", path, "--set", "acquisition[0].bid=5", "--lang", "zh"])
    assert "[0] 既可读作索引 0（一个没有名称的项），也可读作名为 '0' 的项；请只用名称写明是哪一项：0.bid" in zh.stderr


def test_an_index_that_is_no_other_items_name_is_the_index(tmp_path: Path) -> None:
    path = _file(tmp_path, HEAD + '  - {name: "0", type: cpa, bid: 20, budget: 20000}\n'
                                  '  - {name: B, type: cpa, bid: 10, budget: 20000}\n')
    assert _paid_users(str(path), "--set", "acquisition[0].bid=5") == pytest.approx(72_000)


def test_a_grid_driver_that_reads_two_ways_is_refused(tmp_path: Path) -> None:
    result = invoke(["sensitivity", str(_file(tmp_path, NUMERIC)), "--grid", "acquisition[1].bid,acquisition[0].budget"])
    assert result.exit_code == 2
    assert result.stderr == ("aigc-roi: --grid: [1] reads both as index 1 (the item named '0') and as the item named "
                             "'1'; write the one meant by its name alone, 0.bid or 1.bid\n")


WARNED = ("{path}:8:12: acquisition[1].name: 'A' is also acquisition[0]'s name (line 7); a gate, --set, actuals --map "
          "or allocate --lock naming 'A' cannot tell them apart\n")
"""The file's warning of its shared name (reader/shared_names.py): valid, as spec 1.1 allows it."""


def test_a_shared_name_is_offered_by_index(tmp_path: Path) -> None:
    path = str(_file(tmp_path, SHARED))
    result = invoke(["run", path, "--set", "A.bid=5"])
    assert result.exit_code == 2
    assert result.stderr.endswith("'A' names 2 items: write the one meant, acquisition[0].bid or acquisition[1].bid\n")
    grid = invoke(["sensitivity", path, "--grid", "acquisition[A].bid,acquisition[0].budget"])
    assert grid.exit_code == 2
    assert grid.stderr == WARNED.format(path=path) + ("aigc-roi: --grid: 'A' names 2 items: write the one meant, "
                                                      "acquisition[0].bid or acquisition[1].bid\n")


def test_allocate_takes_one_of_a_shared_name_by_its_path(tmp_path: Path) -> None:
    """QA: allocate refused the file only when asked to split. It runs, each A keyed and shown by its path too; --lock
    A would be a guess between the two and is refused naming both, --lock acquisition[1] keeps that A's 20,000 a month
    outside B, so the other, the one channel moved, gets all of B = 30,000."""
    path = _file(tmp_path, SHARED)
    for lang, refusal in (("en", "aigc-roi: --lock A: 'A' names 2 items: write the one meant, acquisition[0] or "
                                 "acquisition[1]\n"),
                          ("zh", "aigc-roi: --lock A：'A' 是 2 项的名称：请写明是哪一项，acquisition[0] 或 acquisition[1]\n")):
        refused = invoke(["allocate", str(path), "--budget", "30000", "--lock", "A", "--lang", lang])
        assert refused.exit_code == 2 and refused.stdout == ""
        assert refused.stderr.endswith(refusal), refused.stderr
    result = invoke(["allocate", str(path), "--budget", "30000", "--lock", "acquisition[1]", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == WARNED.format(path=path)
    document = json.loads(result.stdout)
    assert [(c["name"], c["path"], c["status"], c["best"]["budget"]) for c in document["channels"]] == [
        ("A (acquisition[0])", "acquisition[0]", "movable", pytest.approx(30_000)),
        ("A (acquisition[1])", "acquisition[1]", "locked", pytest.approx(20_000))]
    assert document["best"]["split"] == {"A (acquisition[0])": pytest.approx(30_000)}
