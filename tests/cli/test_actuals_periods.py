"""`actuals` on a Google Ads report broken down by week (``Week,Campaign,Cost,...``) told the user to rename ``Week``
to ``Day``, after which the week of January 27 to February 2 was read as spent on January 27, all in January. It now
exits 2 at the ``Week`` cell, telling the user to export the report by day, in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "scenarios" / "chat-assistant-cpa.yaml"


@pytest.mark.parametrize(("lang", "refusal"), [
    ("en", "gweek.csv:1:1: Week (Mon - Sun): expected a column of days, found a column of weeks; a row of a week sums "
           "its days: export the report broken down by day"),
    ("zh", "gweek.csv:1:1: Week (Mon - Sun): 应为按天的日期列，实际为按周的列；一行是一周各天的合计：请按天细分后导出报表"),
])
def test_a_report_by_week_exits_2_at_its_week_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                     refusal: str) -> None:
    (tmp_path / "gweek.csv").write_text("Week (Mon - Sun),Campaign,Cost,Impr.,Clicks,Conversions\n"
                                        "2025-03-24,g_a,7000,1,1,1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", str(PLAN), "gweek.csv", "--lang", lang])
    assert result.exit_code == 2 and result.stdout == "" and result.stderr.splitlines() == [refusal], result.stderr
