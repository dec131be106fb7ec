"""The zh/80-column QA sweep's findings on what a table's legend and cells say (docs/architecture.md: present/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]


def flat(text: str) -> str:
    """The output without its line breaks and the padding a wrapped caption leaves, so a sentence reads whole."""
    return "".join(line.strip() for line in text.splitlines())


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["lower is better for CAC, blended CAC, peak cash need and every payback month",
            "not ranked: ad spend, peak cash month."]),
    ("zh", ["获客成本、综合获客成本、最大资金需求和各回本月份越低越好", "不参与排名：广告支出、资金缺口最大月份。"]),
])
def test_the_compare_legend_names_every_figure_ranked_lower_and_every_one_not_ranked(lang: str, words: list[str]) -> None:
    # Peak cash need is starred at its lowest value (model/figures.py better="lower"): the legend must say so.
    scenarios = [str(ROOT / "scenarios" / name) for name in ("starter.yaml", "chat-assistant-cpa.yaml")]
    result = invoke(["compare", *scenarios, "--lang", lang], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    text = flat(result.stdout).replace("  ", "")
    for sentence in words:
        assert sentence.replace(" ", "") in text.replace(" ", "")
