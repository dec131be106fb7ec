"""`actuals` over an ad-level export from the command line: its ads summed into their campaign's day and said so in
both languages, matched by the campaign alone, and an ad given twice refused in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

PLAN = two_channel_plan("Grain test")

ADS = ("日期,项目ID,项目名称,广告ID,广告名称,消耗(元),激活数\n"
       "2025-03-01,1790001,dy_项目A,1800001,gdt_素材1,1000.00,100\n"
       "2025-03-01,1790001,dy_项目A,1800002,gdt_素材2,500.00,40\n")
"""Two ads of one Douyin project on one day, named like Tencent's campaigns (gdt_*)."""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_ads_are_summed_and_matched_by_their_campaign(tmp_path: Path, plan: Path) -> None:
    export = tmp_path / "ads.csv"
    export.write_text(ADS, encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "1 row from 1 export through 2025-03-01", "2 rows read, 1 summed into the same campaign-day's row",
        "every campaign matched a channel"]
    data = json.loads(result.stdout)
    assert [(source["grain"], source["parts"], source["summed"]) for source in data["sources"]] == [(["广告ID"], 1, 0)]
    # dy_项目A is Douyin's: 1,000 + 500 spent, 100 + 40 new users; the ads' gdt_ names claim nothing for Tencent.
    douyin, tencent = data["channels"]
    assert (douyin["months"][0]["actual"]["spend"], douyin["months"][0]["actual"]["users"]) == (1500.0, 140.0)
    assert tencent["months"][0]["actual"]["spend"] is None
    table = invoke(["actuals", str(plan), str(export)], env={"COLUMNS": "200"}).stdout
    assert ("  1 row summed into an earlier row of the same campaign-day as its parts (one row per day, campaign and "
            "广告ID)") in table
    zh = invoke(["actuals", str(plan), str(export), "--lang", "zh"], env={"COLUMNS": "200"}).stdout
    assert "  1 行作为组成部分并入此前同一计划同一天的行（每天每个计划每个广告ID一行）" in zh


def test_an_ad_or_an_hour_twice_in_chinese(tmp_path: Path, plan: Path) -> None:
    export = tmp_path / "ads.csv"
    export.write_text(ADS + "2025-03-01,1790001,dy_项目A,1800001,gdt_素材1,1000.00,100\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr == (f"{export}:4:2: 项目ID: 应为每天每个计划每个广告ID一行（或用 --sum-duplicates），"
                             f"实际为 2025-03-01 计划 ID '1790001' 广告ID '1800001' 重复（首次在 {export}:2:2）\n")
    hours = tmp_path / "hours.csv"
    hours.write_text("date,hour,adgroup_name,cost\n2025-03-01,0,gdt_a,100\n2025-03-01,0,gdt_a,100\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(hours), "--lang", "zh"])
    assert result.stderr == (f"{hours}:3:3: adgroup_name: 应为每小时每个计划一行（或用 --sum-duplicates），"
                             f"实际为 2025-03-01 00:00 'gdt_a' 重复（首次在 {hours}:2:3）\n")
    ads = tmp_path / "ads2.csv"
    ads.write_text(ADS, encoding="utf-8")
    day = tmp_path / "day.csv"
    day.write_text("日期,项目ID,项目名称,消耗(元)\n2025-03-01,1790001,dy_项目A,1500\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(ads), str(day), "--lang", "zh"])
    assert result.stderr == (f"{day}:2:2: 项目ID: 应为每天每个计划一行（或用 --sum-duplicates），实际为 2025-03-01 计划 ID "
                             f"'1790001' 重复（首次在 {ads}:2:2，每天每个计划每个广告ID一行）\n")
