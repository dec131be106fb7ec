"""A Chinese channel name breaks before its full-width bracket as an English one does at its spaces.

A tester's plan named its channels 小红书达人（种草） and 抖音激活 CPA（安卓）: kept whole, each was one word as wide as
the name, and `run --lang zh` at 80 columns dropped the channel table's ROAS and LTV:CAC, which the same plan named
with a space for each bracket (小红书达人 种草) kept. The columns shown are the spaced plan's; so is a list's break after
its marks (、，；).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """name: 括号名称
horizon_months: 12
acquisition:
  - {{name: "{first}", type: cpa, bid: 12, budget: 5万}}
  - {{name: "{second}", type: cpa, bid: 15, budget: 3万}}
retention: {{monthly_churn: 0.3}}
monetization:
  plans: [{{name: 月度会员, price: 29, period: month, conversion: "3%", renewal: 0.7}}]
"""


def left_out(tmp_path: Path, first: str, second: str) -> str:
    plan = tmp_path / f"{len(list(tmp_path.iterdir()))}.yaml"
    plan.write_text(PLAN.format(first=first, second=second), encoding="utf-8")
    result = invoke(["run", str(plan), "--lang", "zh"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    shown = re.sub(r"\s", "", result.stdout)
    found = re.search(r"因宽度不足未显示：([^。]*)。", shown)
    return found.group(1) if found else ""


@pytest.mark.parametrize(("first", "second"), [("小红书达人（种草）", "抖音激活 CPA（安卓）"),
                                               ("免费冷启动（微信群、小红书）", "信息流【测试】")])
def test_a_bracket_breaks_a_name_as_a_space_does(tmp_path: Path, first: str, second: str) -> None:
    spaced = left_out(tmp_path, re.sub(r"[（【]", " \\g<0>", first), re.sub(r"[（【]", " \\g<0>", second))
    assert left_out(tmp_path, first, second) == spaced
    assert "ROAS" not in spaced


@pytest.mark.parametrize("listed", ["（微信群、小红书、抖音、快手）", "（微信群，小红书，抖音，快手）", "（微信群；小红书；抖音；快手）"])
def test_a_list_in_a_name_breaks_after_its_marks(tmp_path: Path, listed: str) -> None:
    """Chinese text breaks after 、，and ； as English does after a comma and its space: kept whole, the list 免费冷启动
    （微信群、小红书、抖音、快手） was a word of 30 cells, which cost run's channel table at 80 columns its ROAS and
    LTV:CAC where the same list spaced after each mark kept them."""
    spaced = left_out(tmp_path, "免费冷启动" + re.sub(r"[、，；]", "\\g<0> ", listed), "信息流")
    assert left_out(tmp_path, "免费冷启动" + listed, "信息流") == spaced
    assert "ROAS" not in spaced and "LTV:CAC" not in spaced
