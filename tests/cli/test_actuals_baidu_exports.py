"""`actuals` with 百度营销's console reports as a user downloads them: a 搜索推广 campaign report in GBK below its title
lines and a 信息流 app report, each compared with its channel; target conversions of another goal refused where they
say so, in English and Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: Baidu launch
start: 2025-03
horizon_months: 12
acquisition:
  - {name: Baidu search, type: cpa, bid: 30, budget: 60000, match: ["bd_搜索*"]}
  - {name: Baidu feed, type: cpa, bid: 30, budget: 60000, match: ["bd_app*"]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""

EXPORTS = {
    "search.csv": ("gbk", "数据生成时间：2025-03-03 09:12\n数据生成条件：\n1. 时间范围：20250301-20250302\n2. 时间单位：分日\n\n"
                          "日期,推广计划,账户,展现,点击,消费,点击率,平均点击价格,网页转化\n"
                          "2025-03-01,bd_搜索_品牌,acct,1200,60,1200.00,5.00%,20.00,3\n"
                          "2025-03-02,bd_搜索_品牌,acct,1000,50,800.50,5.00%,16.01,2\n"
                          "合计,--,--,2200,110,2000.50,5.00%,18.19,5\n"),
    "feed.csv": ("utf-8-sig", "日期,推广计划,推广计划ID,推广单元,推广单元ID,展现,点击,消费,激活人数\n"
                              "2025-03-01,bd_app_安卓,30001,人群A,40001,20000,400,1000.00,40\n"
                              "2025-03-01,bd_app_安卓,30001,人群B,40002,10000,200,500.00,10\n"
                              "2025-03-02,bd_app_安卓,30001,人群A,40001,18000,300,900.00,30\n"),
}
"""Search: 1,200.00 + 800.50 = 2,000.50 (its 合计 row skipped), no new users; feed: 1,000 + 500 + 900 = 2,400.00
for 40 + 10 + 30 = 80 activations over two units."""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, (encoding, text) in EXPORTS.items():
        (tmp_path / name).write_bytes(text.encode(encoding))
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    return tmp_path


def test_baidu_search_and_feed_reports_are_compared_with_their_channels(folder: Path) -> None:
    result = invoke(["actuals", "plan.yaml", *EXPORTS, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [(source["file"], source["platform"], source["currency"]) for source in report["sources"]] == [
        ("search.csv", "baidu_console", "CNY"), ("feed.csv", "baidu_console", "CNY")]
    months = {row["name"]: row["months"][0] for row in report["channels"]}
    assert (months["Baidu search"]["actual"]["spend"], months["Baidu search"]["actual"]["users"]) == (2000.5, None)
    assert (months["Baidu feed"]["actual"]["spend"], months["Baidu feed"]["actual"]["users"]) == (2400.0, 80.0)
    assert months["Baidu feed"]["actual"]["cac"] == pytest.approx(30.0)  # 2,400.00 / 80
    assert report["sources"][0]["skipped_totals"] == [{"label": "合计", "rows": 1, "spend": 2000.5, "line": 9}]
    assert report["unmatched"] == []


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "expected APP激活, the indicator of new users, found '表单提交成功'; 目标转化量 counts what each row's unit is "
           "optimised for: export the 激活人数 column, which counts new users whatever the goal"),
    ("zh", "应为 APP激活（新增用户的成效指标），实际为 '表单提交成功'；目标转化量 计的是各行推广单元各自的优化目标：请导出 激活人数 列，"
           "无论目标为何它都计新增用户"),
])
def test_target_conversions_of_a_form_goal_are_refused_at_their_target(folder: Path, lang: str, message: str) -> None:
    Path("forms.csv").write_text("日期,推广计划,推广单元,目标转化,消费,目标转化量\n"
                                 "2025-03-01,bd_app,单元A,APP激活,100.00,10\n"
                                 "2025-03-01,bd_app,单元C,表单提交成功,80.00,6\n", encoding="utf-8")
    result = invoke(["actuals", "plan.yaml", "forms.csv", "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"forms.csv:3:4: 目标转化: {message}\n"


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "expected a date YYYY-MM-DD, found '03/01/2025'; a date of two numbers before its year may be month first "
           "(MM/DD/YYYY) or day first (DD/MM/YYYY), and the export does not say which: write its dates as YYYY-MM-DD"),
    ("zh", "应为 YYYY-MM-DD 格式的日期，实际为 '03/01/2025'；年份前写两个数字的日期可能是月在前（MM/DD/YYYY），也可能是日在前"
           "（DD/MM/YYYY），报表未表明是哪种：请把日期写成 YYYY-MM-DD"),
])
def test_a_baidu_report_saved_with_dates_of_no_stated_order_is_refused_at_its_date(folder: Path, lang: str,
                                                                                   message: str) -> None:
    # Excel saving the report on a machine set to another locale rewrites its dates so.
    Path("saved.csv").write_text("日期,推广计划,消费\n03/01/2025,bd_app,100.00\n", encoding="utf-8")
    result = invoke(["actuals", "plan.yaml", "saved.csv", "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"saved.csv:2:1: 日期: {message}\n"
