"""zh compare at narrow widths shows every figure in full: every Δ, every 万 amount at two decimals, and a short label
beside its value (present/compare_view.py, present/blocks.py).

The zh layout's full-width brackets widened the label column's longest term, and compare took a layout that lost text
over one that took more lines: at 40 columns a table without its Δ column and with 327.0万 for 327.00万, at 60 every
万 amount a digit short (25.3万), and a stacked block with one long label put every value under its label.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.figures import FIGURE_NAMES

ZH = Path(__file__).resolve().parents[2] / "scenarios" / "zh"
DELTA = re.compile(r"Δ [-+0-9—]")
SHORT_WAN = re.compile(r"(?<![0-9.])[0-9]+\.[0-9]万")


def _compare(args: list[str], width: int) -> str:
    result = invoke(["--lang", "zh", "compare", *args], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [38, 40])
def test_two_plans_show_every_difference_in_full(width: int) -> None:
    text = _compare([str(ZH / "chat-assistant-cpa.yaml"), str(ZH / "starter.yaml")], width)
    # One scenario against the first: a Δ per figure, in a column or beside each value.
    assert "与第一个相比" in text or len(DELTA.findall(text)) == len(FIGURE_NAMES), text
    assert SHORT_WAN.findall(text) == [], text
    assert "327.00万" in text and "18.00万" in text, text  # ad spend: 3,270,000 and 180,000


@pytest.mark.parametrize("width", [60, 64])
def test_a_variant_keeps_its_amounts_to_two_decimals(width: int) -> None:
    text = _compare([str(ZH / "chat-assistant-cpa.yaml"), "--variant", "cheaper bid: acquisition[1].bid=10"], width)
    assert SHORT_WAN.findall(text) == [], text
    assert "与第一个相比" in text or len(DELTA.findall(text)) == len(FIGURE_NAMES), text


def test_a_short_label_sits_beside_its_value_in_a_block() -> None:
    names = ["chat-assistant-cpa", "starter", "feed-ads-only", "koc-seeding"]
    text = _compare([str(ZH / f"{name}.yaml") for name in names], 40)
    # The first plan's block has one value a field: a short label shares its line with it; a label too long to sit
    # beside it (ROI with its qualifier) takes its own lines.
    for field in ["广告支出", "总收入", "净收入", "边际贡献", "最大资金需求"]:
        assert re.search(rf"^  {field} +[-0-9.]+万", text, re.MULTILINE), f"{field}:\n{text}"
