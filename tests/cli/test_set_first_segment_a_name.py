"""``--set X.bid=...`` where X is no top-level key: X can only be an item's name, so a name that is none is refused as
one (reader/overrides.py), with the item it resembles (``Douyin`` held in ``Douyin CPA``), not as an unknown key of
the file's top level. A key of the format the file does not write (``targets``) is still a field path, and a
misspelt one (``horizon_month``) is still told the key it resembles."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = ("name: Named\nhorizon_months: 3\nretention: {monthly_churn: 0.5}\n"
        "acquisition:\n  - {name: Douyin CPA, type: cpa, bid: 20, users: 100}\n")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize(("written", "meant"), [
    ("Douyin", "acquisition[Douyin CPA].bid"),  # a word of the name
    ("douyin cpa", "acquisition[Douyin CPA].bid"),  # a near spelling
])
@pytest.mark.parametrize("command", ["check", "run"])
def test_a_name_that_is_none_is_refused_with_the_one_it_resembles(plan: Path, written: str, meant: str,
                                                                   command: str) -> None:
    result = invoke([command, str(plan), "--set", f"{written}.bid=13"])
    assert result.exit_code == 2
    said = (f"--set {written}.bid=13:1:1: {written}.bid: no channel, plan, purchase, order or fixed cost is named "
            f"'{written}'; did you mean '{meant}'?")
    assert said in (result.stdout + result.stderr)
    assert "unknown key" not in result.stdout + result.stderr


def test_in_chinese(plan: Path) -> None:
    result = invoke(["check", str(plan), "--set", "Douyin.bid=13", "--lang", "zh"])
    assert (f"{plan}: --set Douyin.bid=13:1:1: Douyin.bid: 没有名为 'Douyin' 的渠道、会员方案、单次购买、订单或固定成本；"
            "是否想写 'acquisition[Douyin CPA].bid'？") in result.stdout.splitlines()


def test_nothing_alike_asks_for_a_field_path(plan: Path) -> None:
    """Its example is a path that sets as written: the channel's, by its name."""
    result = invoke(["check", str(plan), "--set", "Kuaishou.bid=13"])
    assert result.exit_code == 2
    assert result.stdout == (f"{plan}: --set Kuaishou.bid=13:1:1: Kuaishou.bid: no channel, plan, purchase, order or "
                             "fixed cost is named 'Kuaishou'; write a field path such as acquisition[Douyin CPA].bid\n")


def test_a_key_of_the_format_the_file_lacks_is_a_field_path(plan: Path) -> None:
    result = invoke(["check", str(plan), "--set", "targets.min_roi=-1"])
    assert result.exit_code in (0, 1), result.stdout
    assert "1 target, 0 missed" in result.stderr


def test_a_misspelt_key_is_told_the_key_it_resembles(plan: Path) -> None:
    result = invoke(["check", str(plan), "--set", "horizon_month.x=3"])
    assert "unknown key 'horizon_month'; did you mean 'horizon_months'?" in result.stdout
