"""What `actuals` writes for people: the summary's lines on stderr are records, their amounts exact in English and
Chinese alike; each time basis names the export's own date header; and the table at any width holds the same columns
in both languages, early revenue per user among them where the export has revenue."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: Records
start: 2025-03
horizon_months: 6
currency: USD
acquisition:
  - {name: Feed, type: cpa, bid: 10, budget: 3000, match: ["a*"]}
  - {name: Meta installs, type: cpa, bid: 4, budget: 2000, match: ["m_*"]}
  - {name: TikTok, type: cpa, bid: 2.5, budget: 1500, match: ["tt_*"]}
retention: {monthly_churn: 0.3}
monetization:
  purchases:
    - {name: Pack, price: 5, rate: 0.5}
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("plan.yaml").write_text(PLAN, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_summarys_amounts_are_exact_in_either_language(folder: Path, lang: str) -> None:
    Path("sheet.csv").write_text("date,campaign,spend\n2025-03-01,a,12345.67\n2025-03-01,zz_other,10000\n"
                                 "合计,,22345.67\n", encoding="utf-8")
    Path("meta.csv").write_text("Day,Campaign name,Amount spent (USD)\n2025-03-01,,10000.00\n2025-03-01,m_a,10000\n",
                                encoding="utf-8")
    result = invoke(["actuals", "plan.yaml", "sheet.csv", "meta.csv", "--lang", lang, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    # 12,345.67 + 10,000 = 22,345.67 in the sheet's 合计 row; Meta's row naming no campaign 10,000.00; zz_other's
    # 10,000 unmatched. Never 2.23万 or 1.00万 beside 12,345.67: each figure as the console wrote it.
    assert result.stderr.splitlines()[1:] == {
        "en": ["skipped as totals: 合计 22,345.67 (1 row), (a row naming no campaign) 10,000.00 (1 row)",
               "unmatched spend 10,000.00 in 1 campaign"],
        "zh": ["作为合计行跳过：合计 22,345.67（1 行）、（未写计划名称的行）10,000.00（1 行）",
               "1 个广告计划未匹配，广告支出 10,000.00"]}[lang]


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["  time basis: 报告开始日期: the day of the ad's delivery", "  time basis: 按天: the day of the ad's delivery"]),
    ("zh", ["  时间口径：报告开始日期：广告投放当天", "  时间口径：按天：广告投放当天"]),
])
def test_each_time_basis_names_the_exports_own_date_header(folder: Path, lang: str, lines: list[str]) -> None:
    Path("meta_zh.csv").write_text("报告开始日期,报告结束日期,广告系列名称,已花费金额 (USD)\n2025-03-01,2025-03-01,m_a,10\n",
                                   encoding="utf-8")
    Path("tiktok_zh.csv").write_text("按天,推广系列名称,货币,消耗\n2025-03-01,tt_a,USD,10\n", encoding="utf-8")
    result = invoke(["actuals", "plan.yaml", "meta_zh.csv", "tiktok_zh.csv", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith(lines[0][:7])] == lines


@pytest.mark.parametrize("width", ["80", "160"])
# At 80 columns "Early rev./user plan" wraps between its words, as "New users plan" does.
@pytest.mark.parametrize(("lang", "words"), [("en", ("CTR", "CVR", "rev./user")),
                                             ("zh", ("点击率", "转化率", "新客早期收入"))])
def test_the_table_holds_the_rates_and_early_revenue_per_user_at_any_width(folder: Path, lang: str,
                                                                          words: tuple[str, ...], width: str) -> None:
    Path("sheet.csv").write_text("date,campaign,spend,impressions,clicks,new_users,revenue\n"
                                 "2025-03-01,a,1000,50000,500,100,250\n2025-03-02,a,1000,50000,500,100,150\n",
                                 encoding="utf-8")
    result = invoke(["actuals", "plan.yaml", "sheet.csv", "--lang", lang], env={"COLUMNS": width, "LINES": "25"})
    assert result.exit_code == 0, result.stderr
    feed = result.stdout[result.stdout.index("Feed"):result.stdout.index("Meta installs")]
    # 1,000 clicks of 100,000 impressions: 1.00%; 200 users of them: 20.00%; 250 + 150 = 400 of revenue for 200 new
    # users: 2.00 each.
    for text in (*words, "1.00%", "20.00%", "2.00"):
        assert text in feed, (text, feed)
