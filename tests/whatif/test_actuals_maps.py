"""``api.actuals(maps=...)`` takes what ``--map`` takes: (NAME, GLOB) pairs, or texts ``NAME=GLOB`` (one text alone
is one), and refuses any other item as an ArgumentError naming ``maps[i]``, where it crashed on unpacking (ValueError,
AttributeError) or took an empty glob, which matches no campaign, without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_roi import api
from aigc_roi.present.messages_zh import translate

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
DOUYIN = [ROOT / "examples" / "actuals" / "douyin-ocean-engine.csv"]
"""Campaigns dy_reg_a and dy_reg_b, which the plan's Douyin channel matches by no glob of its own."""
TEXT = "NAME=GLOB such as 'Douyin CPA=dy_*'"
PAIR = f"a (NAME, GLOB) pair of texts, neither blank, or {TEXT}"


@pytest.mark.parametrize("maps", ["Douyin activation CPA=dy_*", [" Douyin activation CPA = dy_* "],
                                  [("Douyin activation CPA", "dy_*")], [["Douyin activation CPA", "dy_*"]],
                                  ("acquisition[1]=dy_*",)], ids=repr)
def test_each_form_maps_both_campaigns(maps: object) -> None:
    plan = api.load(PLAN)
    assert len(api.actuals(plan, DOUYIN).unmatched) == 2
    assert api.actuals(plan, DOUYIN, maps).unmatched == ()  # type: ignore[arg-type]


@pytest.mark.parametrize(("maps", "message"), [
    ("nonsense", f"maps[0]: expected {TEXT}, found 'nonsense'"),
    (["Douyin activation CPA=dy_*", "nonsense"], f"maps[1]: expected {TEXT}, found 'nonsense'"),
    (["Douyin activation CPA= "], f"maps[0]: expected {TEXT}, found 'Douyin activation CPA= '"),
    (["=dy_*"], f"maps[0]: expected {TEXT}, found '=dy_*'"),
    ([("Douyin activation CPA", 5)], f"maps[0]: expected {PAIR}, found ('Douyin activation CPA', 5) (tuple)"),
    ([("Douyin activation CPA", "")], f"maps[0]: expected {PAIR}, found ('Douyin activation CPA', '') (tuple)"),
    ([("a", "b", "c")], f"maps[0]: expected {PAIR}, found ('a', 'b', 'c') (tuple)"),
    ([b"x=y"], f"maps[0]: expected {PAIR}, found b'x=y' (bytes)"),
    (5, "maps: expected a list of (NAME, GLOB) pairs or NAME=GLOB texts, found 5 (int)"),
    # bytes iterate as numbers: an empty one mapped nothing, silently (the library's type search found it).
    (b"", "maps: expected a list of (NAME, GLOB) pairs or NAME=GLOB texts, found b'' (bytes)"),
    # A dict's keys alone would be read, its globs dropped.
    ({"Douyin activation CPA": "dy_*"},
     "maps: expected a list of (NAME, GLOB) pairs or NAME=GLOB texts, found {'Douyin activation CPA': 'dy_*'} (dict)"),
], ids=repr)
def test_an_item_of_neither_form_is_refused_by_its_index(maps: object, message: str) -> None:
    with pytest.raises(api.ArgumentError) as refused:
        api.actuals(api.load(PLAN), DOUYIN, maps)  # type: ignore[arg-type]
    assert str(refused.value) == message
    assert refused.value.argument == message.partition(":")[0]
    # Every English frame of it has its Chinese: 应为 what was expected, 实际为 what was found.
    chinese = translate(message)
    assert "expected" not in chinese and "应为" in chinese and "实际为" in chinese, chinese
