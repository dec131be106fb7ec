"""actuals' percentile column names the CAC it ranks at every width (QA: at 80 columns in zh its short header was
分位 alone, which beside the !-flagged spend and users cells read as theirs; at 100 columns 获客成本 分位, in English
P(CAC)). The plan is tests/actuals_plans.py's with small budgets, its one export of two days: Douyin's table at 80
columns is the short-header layout in zh (支出 方案)."""

from __future__ import annotations

from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke


def _header(text: str) -> list[str]:
    """The first table's column headers, each one's lines joined by a space; [] where it is blocks."""
    lines = [[cell.strip() for cell in line.split("┃")[1:-1]] for line in text.split("└")[0].splitlines()
             if line.startswith("┃")]
    return [" ".join(filter(None, column)) for column in zip(*lines, strict=True)]


@pytest.mark.parametrize("width", [80, 90, 100, 120])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_percentile_header_names_cac(tmp_path: Path, lang: str, width: int) -> None:
    plan = two_channel_plan("P").replace("budget: 100000", "budget: 1000").replace("budget: 60000", "budget: 600")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "a.csv").write_text("date,campaign,spend,new_users\n2025-03-01,dy_a,300,25\n2025-03-02,gdt_a,200,13\n",
                                    encoding="utf-8")
    result = invoke(["actuals", str(tmp_path / "plan.yaml"), str(tmp_path / "a.csv"), "--lang", lang],
                    env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    header = _header(result.stdout)
    assert header, "a table at this width"
    if lang == "zh" and width == 80:
        assert "支出 方案" in header, "the short-header layout"
    assert header[-1] in ({"en": "P(CAC)", "zh": "CAC 分位"}[lang], "获客成本 分位")
