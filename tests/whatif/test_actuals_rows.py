"""`actuals` from the command line: errors located at the campaign's cell, duplicates and totals rows in both
languages, and an export in another currency than the plan's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

PLAN = two_channel_plan("Rows test")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_an_ambiguous_campaign_is_located_at_its_cell(tmp_path: Path, plan: Path) -> None:
    console = tmp_path / "oe.csv"
    console.write_text("日期,计划名称,计划ID,消耗(元)\n2025-03-01,抖音A,1790001,100\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(console), "--map", "Tencent CPA=抖音*"])
    assert result.exit_code == 2
    assert result.stderr == (f"{console}:2:2: 计划名称: expected a campaign of one channel, found '抖音A' matching both "
                             "'Douyin CPA' ('抖音*') and 'Tencent CPA' ('抖音*')\n")
    # Matched by its id alone: located at the id's cell.
    console.write_text("日期,计划名称,计划ID,消耗(元)\n2025-03-01,brand_x,1790001,100\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(console), "--map", "Tencent CPA=1790*", "--map", "Douyin CPA=179*"])
    assert result.stderr == (f"{console}:2:3: 计划ID: expected a campaign of one channel, found 'brand_x' matching both "
                             "'Douyin CPA' ('179*') and 'Tencent CPA' ('1790*')\n")


def test_duplicates_and_totals_in_chinese(tmp_path: Path, plan: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("stat_time_day,campaign_name,campaign_id,stat_cost\n2025-03-01,dy_a,1790001,100\n", encoding="utf-8")
    renamed = tmp_path / "b.csv"
    renamed.write_text("stat_time_day,campaign_name,campaign_id,stat_cost\n2025-03-01,dy_b,1790001,100\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(first), str(renamed), "--lang", "zh"])
    assert result.stderr == (f"{renamed}:2:3: campaign_id: 应为每天每个计划一行（或用 --sum-duplicates），"
                             f"实际为 2025-03-01 计划 ID '1790001' 重复（首次在 {first}:2:3）\n")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("date,campaign,spend\n2025-03-01,dy_a,100\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(first), str(sheet), "--lang", "zh"])
    assert result.stderr == (f"{sheet}:2:2: campaign: 应为每天每个计划一行（或用 --sum-duplicates），"
                             f"实际为 2025-03-01 'dy_a' 重复（首次在 {first}:2:2）；"
                             "不注明平台的报表（通用 CSV、无法判断平台的后台报表）会与每个报表的广告计划比对\n")
    totals = tmp_path / "totals.csv"
    totals.write_text("日期,计划名称,消耗(元)\n2025-03-01,抖音A,100\n合计,,100\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(totals), "-f", "json", "--lang", "zh"])
    assert result.stderr.splitlines() == [
        "1 个报表共 1 行，截至 2025-03-01", "作为合计行跳过：合计 100.00（1 行）", "每个广告计划都已匹配到渠道"]
    english = invoke(["actuals", str(plan), str(totals), "-f", "json"])
    assert english.stderr.splitlines() == [
        "1 row from 1 export through 2025-03-01", "skipped as totals: 合计 100.00 (1 row)",
        "every campaign matched a channel"]
    source = json.loads(english.stdout)["sources"][0]
    assert (source["totals"], source["skipped_totals"]) == (1, [{"label": "合计", "rows": 1, "spend": 100.0, "line": 3}])


def test_an_export_in_yuan_against_a_plan_in_dollars_is_refused(tmp_path: Path, plan: Path) -> None:
    plan.write_text(PLAN.replace("start:", "currency: USD\nstart:"), encoding="utf-8")
    export = tmp_path / "oe.csv"
    export.write_text("日期,计划名称,消耗(元),激活数\n2025-03-01,抖音A,1000,50\n", encoding="utf-8")
    out = tmp_path / "rf.yaml"
    result = invoke(["actuals", str(plan), str(export), "--reforecast", str(out)])
    assert result.exit_code == 2 and result.stdout == "" and not out.exists()
    assert result.stderr == (f"{export}:1:3: 消耗(元): expected money in USD (the plan's currency), found 元 (CNY); "
                             "actuals converts no currency: convert the export to USD, or the plan to CNY\n")
    zh = invoke(["actuals", str(plan), str(export), "--lang", "zh"])
    assert zh.stderr == (f"{export}:1:3: 消耗(元): 应为以 USD 计的金额（方案的币种），实际为元 (CNY)；"
                         "actuals 不做币种换算：请把报表换算为 USD，或把方案换算为 CNY\n")
