"""`actuals` with the exports of the consoles outside China, as a user downloads them: Google Ads, Meta Ads Manager,
TikTok Ads Manager and Apple Ads, each against a plan in dollars, and an export in dollars against a plan in yuan
refused where it says so, in English and Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: Global launch
start: 2025-03
horizon_months: 12
currency: {currency}
acquisition:
  - {{name: Google UAC, type: cpa, bid: 2, budget: 3000, match: ["g_*"]}}
  - {{name: Meta installs, type: cpa, bid: 2, budget: 3000, match: ["m_*"]}}
  - {{name: TikTok installs, type: cpa, bid: 2, budget: 3000, match: ["tt_*"]}}
  - {{name: Apple Search, type: cpa, bid: 2, budget: 3000, match: ["asa_*"]}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases:
    - {{name: Pack, price: 10, rate: 1}}
"""

EXPORTS = {
    "google.csv": ("utf-16", "\r\n".join([
        "Campaign report", "March 1, 2025 - March 31, 2025",
        "Campaign status\tCampaign\tDay\tCurrency code\tCost\tConversions",
        "Enabled\tg_uac\t2025-03-01\tUSD\t100.00\t40",
        "Enabled\tg_uac\t2025-03-02\tUSD\t50.50\t10",
        "Total: Account\t\t\tUSD\t150.50\t50"]) + "\r\n"),
    "meta.csv": ("utf-8-sig", "Reporting starts,Reporting ends,Campaign name,Day,Amount spent (USD),App installs\n"
                              "2025-03-01,2025-03-02,,,90.00,30\n"
                              "2025-03-01,2025-03-02,m_install,2025-03-01,60.00,20\n"
                              "2025-03-01,2025-03-02,m_install,2025-03-02,30.00,10\n"),
    "tiktok.csv": ("utf-8", "By Day,Campaign name,Currency,Cost,Conversions\n"
                            "2025-03-01,tt_install,USD,20.00,8\n"
                            "2025-03-02,tt_install,USD,22.00,3\n"),
    "apple.csv": ("utf-8", "Currency: USD\nTime Zone: UTC\n"
                           "Day,Campaign Name,Spend,Taps,Installs (Tap-Through)\n"
                           "2025-03-01,asa_brand,12.00,30,6\n"
                           "2025-03-02,asa_brand,8.00,20,4\n"
                           ",,20.00,50,10\n"),
}
"""Each platform's March 1-2: Google 100.00 + 50.50 = 150.50 for 40 + 10 = 50 conversions; Meta 60 + 30 = 90.00 for
20 + 10 = 30 installs (its total row naming no campaign skipped); TikTok 20 + 22 = 42.00 for 8 + 3 = 11; Apple
12 + 8 = 20.00 for 6 + 4 = 10 tap-through installs (its last row, the total, skipped)."""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, (encoding, text) in EXPORTS.items():
        (tmp_path / name).write_bytes(text.encode(encoding))
    for currency in ("USD", "CNY"):
        (tmp_path / f"plan_{currency}.yaml").write_text(PLAN.format(currency=currency), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("export", "channel", "platform", "spend", "users"), [
    ("google.csv", "Google UAC", "google_ads", 150.5, 50.0),
    ("meta.csv", "Meta installs", "meta_ads", 90.0, 30.0),
    ("tiktok.csv", "TikTok installs", "tiktok_ads", 42.0, 11.0),
    ("apple.csv", "Apple Search", "apple_ads", 20.0, 10.0),
])
def test_each_platforms_export_is_compared_with_its_channel(folder: Path, export: str, channel: str, platform: str,
                                                            spend: float, users: float) -> None:
    result = invoke(["actuals", "plan_USD.yaml", export, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    (source,) = report["sources"]
    assert (source["platform"], source["currency"]) == (platform, "USD")
    (month,) = next(row for row in report["channels"] if row["name"] == channel)["months"]
    assert (month["month"], month["actual"]["spend"], month["actual"]["users"]) == (1, spend, users)
    assert month["actual"]["cac"] == pytest.approx(spend / users)
    assert report["unmatched"] == []


def test_the_four_exports_together_each_claim_their_own_channel(folder: Path) -> None:
    result = invoke(["actuals", "plan_USD.yaml", *EXPORTS, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    spends = {row["name"]: row["months"][0]["actual"]["spend"] for row in json.loads(result.stdout)["channels"]}
    assert spends == {"Google UAC": 150.5, "Meta installs": 90.0, "TikTok installs": 42.0, "Apple Search": 20.0}


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "expected money in CNY (the plan's currency), found USD; actuals converts no currency: convert the export "
           "to CNY, or the plan to USD"),
    ("zh", "应为以 CNY 计的金额（方案的币种），实际为 USD；actuals 不做币种换算：请把报表换算为 CNY，或把方案换算为 USD"),
])
def test_dollars_against_a_plan_in_yuan_are_refused_where_the_export_states_them(folder: Path, lang: str,
                                                                               message: str) -> None:
    result = invoke(["actuals", "plan_CNY.yaml", "meta.csv", "apple.csv", "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"meta.csv:1:5: Amount spent (USD): {message}",
                                          f"apple.csv:1:1: Currency: {message}"]


def test_a_meta_report_not_broken_down_by_day_is_refused_in_chinese(folder: Path) -> None:
    Path("meta_month.csv").write_text("Reporting starts,Reporting ends,Campaign name,Amount spent (USD)\n"
                                      "2025-03-01,2025-03-31,m_install,300.00\n", encoding="utf-8")
    result = invoke(["actuals", "plan_USD.yaml", "meta_month.csv", "--lang", "zh"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("meta_month.csv:2:2: Reporting ends: 应为本行自己的日期 2025-03-01，实际为 2025-03-31；"
                             "跨 31 天的一行是这些天的合计：请按天细分后导出报表\n")


@pytest.mark.parametrize(("lang", "line"), [("en", "skipped as totals: (a row naming no campaign) 90.00 (1 row)"),
                                            ("zh", "作为合计行跳过：（未写计划名称的行）90.00（1 行）")])
def test_metas_total_row_naming_no_campaign_is_said_skipped(folder: Path, lang: str, line: str) -> None:
    result = invoke(["actuals", "plan_USD.yaml", "meta.csv", "--lang", lang, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert line in result.stderr.splitlines()
    (source,) = json.loads(result.stdout)["sources"]
    assert source["skipped_totals"] == [{"label": "", "rows": 1, "spend": 90.0, "line": 2}]
