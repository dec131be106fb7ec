"""zh terms of `actuals` (QA zh80 findings 5 and 11): 方案 is the scenario's plan and 计划 an ad platform's campaign,
as the consoles name them (计划名称); CAC is 获客成本 in every header, as in run's figures panel; ad spend is 广告支出
(支出 in a narrow header), as run's figures name it, never 花费, which only Tencent's header 花费(元) spells."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

from aigc_roi.present.labels import LABELS, label, short_label
from aigc_roi.present.messages_zh import translate


def _exports(tmp_path: Path) -> tuple[Path, Path]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(two_channel_plan("zh terms"), encoding="utf-8")
    export = tmp_path / "oe.csv"
    # dy_a is the plan's Douyin channel; 无主计划 matches no channel, so it is an unmatched campaign.
    export.write_text("日期,计划名称,消耗(元)\n2025-03-01,dy_a,1000\n2025-03-01,无主计划,500\n", encoding="utf-8")
    return plan, export


def test_the_plan_is_fangan_and_a_campaign_is_jihua(tmp_path: Path) -> None:
    plan, export = _exports(tmp_path)
    zh = invoke(["actuals", str(plan), str(export), "--lang", "zh"], env={"COLUMNS": "200"})
    assert "· 方案与实际（CNY）" in zh.stdout
    assert "广告支出 方案" in zh.stdout and "广告支出 计划" not in zh.stdout
    assert "计划与实际" not in zh.stdout
    assert "┃ 广告计划 " in zh.stdout
    assert "1 个广告计划未匹配，广告支出 500.00" in zh.stderr


def test_cac_is_one_term_in_the_percentile_headers(tmp_path: Path) -> None:
    plan, export = _exports(tmp_path)
    markdown = invoke(["actuals", str(plan), str(export), "--lang", "zh", "-f", "markdown"]).stdout
    assert "| 获客成本 方案 | 获客成本 实际 | 广告支出 分位 | 新增用户 分位 | 获客成本 分位 |" in markdown
    assert "CAC" not in markdown
    wide = invoke(["actuals", str(plan), str(export), "--lang", "zh"], env={"COLUMNS": "200"}).stdout
    assert "CAC" not in wide


def test_the_figures_name_irr_mirr_and_ad_spend_as_the_panel_does() -> None:
    assert label("irr", "zh") == "内部收益率（IRR，年化）"
    assert label("mirr", "zh") == "修正内部收益率（MIRR，年化）"
    assert label("spend", "zh") == label("ad_spend", "zh") == "广告支出"
    # The terminal's narrow fallback names the CAC it ranks: 分位 alone read as the flagged spend's beside it.
    assert short_label("actuals_percentile", "zh") == "CAC 分位"


NOT_AD_SPEND = re.compile(r"花费(?!\(元\))")
"""花费 but in Tencent's console header 花费(元), which the messages quote as the export spells it."""


@pytest.mark.parametrize("args", [["--through", "2025-03-31"], ["-f", "markdown"], ["-f", "json"]],
                         ids=["table", "markdown", "json"])
@pytest.mark.parametrize("columns", ["80", "200"])
def test_ad_spend_is_guanggao_zhichu_in_every_output(tmp_path: Path, args: list[str], columns: str) -> None:
    """The table (wide, and at 80 columns its short header 支出), markdown, the summary and the warning of an export
    ending 30 days before --through say 广告支出."""
    plan, export = _exports(tmp_path)
    result = invoke(["actuals", str(plan), str(export), "--lang", "zh", *args], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    assert not NOT_AD_SPEND.search(result.stdout + result.stderr)
    assert "广告支出" in result.stderr


def test_no_zh_word_of_actuals_calls_ad_spend_huafei() -> None:
    """Every label of actuals and its sheets, its help and the messages of its reader and re-forecast."""
    words = [entry.zh for key, entry in LABELS.items() if key.startswith(("actuals_", "sheet_"))]
    words.append(invoke(["actuals", "--help", "--lang", "zh"]).stdout)
    reasons = ["it spent 5,000.00 for no new users", "it spent 5,000.00 for no impressions",
               "it spent 5,000.00 where the plan has no posts", "it reports 1,000 new users for no spend on a budget"]
    messages = [f"Feed 2025-03: {reason}; the re-forecast cannot express that month" for reason in reasons]
    messages += ["expected money in USD as the spend column, found CNY",
                "expected 4 cells as the header has, found 2; the row ends before its spend column",
                "expected whole 分 (a Tencent Ads API export reports cost in cents), found '1.5'; a cost in 元 comes "
                "from the console, whose header is 花费(元)"]
    words += [translate(message) for message in messages]
    assert [word for word in words if NOT_AD_SPEND.search(word)] == []
    assert all(word != message for word, message in zip(words[-len(messages):], messages, strict=True))
