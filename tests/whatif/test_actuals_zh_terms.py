"""zh terms of `actuals` (QA zh80 findings 5 and 11): 方案 is the scenario's plan and 计划 an ad platform's campaign,
as the consoles name them (计划名称); CAC is 获客成本 in every header, as in run's figures panel."""

from __future__ import annotations

from pathlib import Path

from actuals_plans import two_channel_plan
from cli_runner import invoke

from aigc_roi.present.labels import label, short_label


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
    assert "· 方案与实际 (CNY)" in zh.stdout
    assert "花费 方案" in zh.stdout and "花费 计划" not in zh.stdout
    assert "计划与实际" not in zh.stdout
    assert "┃ 广告计划 " in zh.stdout
    assert "1 个广告计划未匹配，花费 500.00" in zh.stderr


def test_cac_is_one_term_in_the_percentile_headers(tmp_path: Path) -> None:
    plan, export = _exports(tmp_path)
    markdown = invoke(["actuals", str(plan), str(export), "--lang", "zh", "-f", "markdown"]).stdout
    assert "| 获客成本 方案 | 获客成本 实际 | 花费 分位 | 新增用户 分位 | 获客成本 分位 |" in markdown
    assert "CAC" not in markdown
    wide = invoke(["actuals", str(plan), str(export), "--lang", "zh"], env={"COLUMNS": "200"}).stdout
    assert "CAC" not in wide


def test_the_figures_name_irr_mirr_and_ad_spend_as_the_panel_does() -> None:
    assert label("irr", "zh") == "内部收益率 (IRR，年化)"
    assert label("mirr", "zh") == "修正内部收益率 (MIRR，年化)"
    assert label("spend", "zh") == label("ad_spend", "zh") == "广告支出"
    # The terminal's narrow fallback keeps the term it ranks beside: 分位 after the 获客成本 columns.
    assert short_label("actuals_percentile", "zh") == "分位"
