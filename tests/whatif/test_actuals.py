"""`actuals`: campaigns mapped to channels, plan vs actual by plan month, percentiles, JSON and errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.whatif.actuals import percentile_of
from aigc_roi.whatif.errors import WhatIfError
from aigc_roi.whatif.reforecast import reforecast

PLAN = """\
name: Actuals test
start: 2025-01
horizon_months: 6
acquisition:
  - name: Douyin CPA   # the main channel
    type: cpa
    bid: 20
    budget: 100_000
    match: ["DY_*"]
  - name: Feed
    type: cpm
    cpm: 40
    ctr: 0.01
    cvr: 0.1
    budget: 40_000
    months: 1
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""

EXPORT = """\
date,campaign,spend,impressions,clicks,new_users,revenue
2025-01-01,dy_a,40000,,,1600,8000
2025-01-31,dy_b,60000,,,2400,12000
2025-01-10,feed_1,40000,1000000,10000,1000,5000
2025-01-12,brand_x,5000,,,0,0
2025-02-14,dy_a,10000,,,500,2500
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    return plan, export


def test_percentile_counts_half_the_ties() -> None:
    draws = np.array([1.0, 2.0, 3.0, 4.0])
    assert percentile_of(draws, 2.5) == 50.0
    assert percentile_of(draws, 2.0) == 37.5  # (1 below + half of 1 equal) / 4
    assert percentile_of(draws, 9.0) == 100.0
    assert percentile_of(np.array([np.nan]), 1.0) is None


def test_comparison_by_plan_month(files: tuple[Path, Path]) -> None:
    plan, export = files
    result = api.actuals(api.load(plan), [export], [("Feed", "feed_*")])
    assert result.month_numbers == (1, 2) and result.through_label == "2025-02"
    assert result.coverage == {1: 1.0, 2: 14 / 28}
    douyin, feed = result.channels
    january, february = douyin.months
    # January: 40,000 + 60,000 spent for 1,600 + 2,400 users: CAC 25 against the bid of 20.
    assert (january.actual.spend, january.actual.users, january.actual.cac) == (100_000, 4_000, 25)
    assert (january.plan.spend, january.plan.users, january.plan.cac) == (100_000, 5_000, 20)
    assert january.actual.revenue_per_user == 5.0  # 20,000 of early revenue / 4,000 users
    assert january.plan.revenue_per_user == 10.0   # price 10 x rate 1 in the join month
    # A fixed plan: the spend ties with every draw (P50), a CAC above every draw is P100 and flagged.
    assert january.percentile == {"spend": 50.0, "users": 0.0, "cac": 100.0}
    assert january.flagged == ("users", "cac")
    # February is covered for 14 of its 28 days: the plan is half a month.
    assert february.partial and (february.plan.spend, february.plan.users) == (50_000, 2_500)
    assert (february.actual.spend, february.actual.cac) == (10_000, 20)
    # bid: 110,000 / 4,500 = 24.44 vs 150,000 / 7,500 = 20 (ln 1.222 = 0.20);
    # budget: 110,000 vs 150,000 (|ln 0.733| = 0.31): the budget is furthest off.
    assert douyin.furthest is not None and douyin.furthest.path == "acquisition[0].budget"
    assert douyin.furthest.ratio == pytest.approx(110_000 / 150_000)
    assert douyin.deviations[1].ratio == pytest.approx((110_000 / 4_500) / 20)
    # Feed ran in month 1 only: its measured cpm, ctr, cvr are the plan's.
    assert (feed.months[0].actual.ctr, feed.months[0].actual.cvr) == (0.01, 0.1)
    assert feed.months[1].plan.spend == 0.0
    assert [(item.campaign, item.spend) for item in result.unmatched] == [("brand_x", 5000.0)]


def test_json_shape(files: tuple[Path, Path]) -> None:
    plan, export = files
    result = invoke(["actuals", str(plan), str(export), "--map", "Feed=feed_*", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data)[:5] == ["scenario", "through", "sources", "channels", "unmatched"]
    assert data["through"] == "2025-02"
    source = data["sources"][0]
    assert (source["file"], source["platform"], source["rows"]) == (str(export), "generic", 5)
    assert source["columns"]["users"] == "new_users"
    month = data["channels"][0]["months"][0]
    assert list(month)[:7] == ["month", "label", "partial", "plan", "actual", "percentile", "covered"]
    assert (month["label"], month["partial"], month["actual"]["cac"], month["percentile"]["cac"]) == ("2025-01", False, 25.0, 100.0)
    assert data["unmatched"] == [{"file": str(export), "campaign": "brand_x", "spend": 5000.0}]


def test_table_fits_80_columns_and_reads_in_chinese(files: tuple[Path, Path]) -> None:
    plan, export = files
    result = invoke(["actuals", str(plan), str(export), "--lang", "zh"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "偏差最大：acquisition[Douyin CPA].budget（广告支出）" in result.stdout and "未匹配的广告支出" in result.stdout


def test_csv_and_markdown(files: tuple[Path, Path]) -> None:
    plan, export = files
    csv = invoke(["actuals", str(plan), str(export), "--format", "csv"]).stdout.splitlines()
    assert csv[0].startswith("channel,path,month,label,partial,plan_spend,actual_spend")
    assert csv[1].startswith("Douyin CPA,acquisition[0],1,2025-01,0,100000,100000,5000,4000,20,25,50,0,100")
    markdown = invoke(["actuals", str(plan), str(export), "--format", "markdown"]).stdout
    assert "| Douyin CPA | 1 | 2025-01 |" in markdown and "P100!" in markdown


def test_ambiguous_campaign_names_both_channels(files: tuple[Path, Path]) -> None:
    plan, export = files
    result = invoke(["actuals", str(plan), str(export), "--map", "Feed=*_a"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        f"{export}:2:2: campaign: expected a campaign of one channel, found 'dy_a' matching both "
        "'Douyin CPA' ('DY_*') and 'Feed' ('*_a')")


def test_map_to_an_unknown_channel(files: tuple[Path, Path]) -> None:
    plan, export = files
    result = invoke(["actuals", str(plan), str(export), "--map", "Tiktok=x*"])
    assert result.exit_code == 2
    assert "--map Tiktok=x*: expected a channel of the plan (Douyin CPA, Feed), found 'Tiktok'" in result.stderr


def test_plan_without_start(tmp_path: Path, files: tuple[Path, Path]) -> None:
    _, export = files
    plan = tmp_path / "nostart.yaml"
    plan.write_text(PLAN.replace("start: 2025-01\n", ""), encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"{plan}:1:1: start: expected a month YYYY-MM")


def test_bad_export_gives_no_output(tmp_path: Path, files: tuple[Path, Path]) -> None:
    plan, _ = files
    export = tmp_path / "bad.csv"
    export.write_text("date,campaign,spend\n2025-01-01,dy_a,-1\n2025-09-01,dy_a,1\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "--lang", "zh"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{export}:2:3: spend: 应为 ≥ 0 的金额，实际为 '-1'",
        f"{export}:3:1: date: 应为 2025-01-01..2025-06-30 之内的日期（方案的第 1-6 月），实际为 2025-09-01",
    ]


def test_match_key_is_validated(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(PLAN.replace('match: ["DY_*"]', "match: dy_*"), encoding="utf-8")
    result = invoke(["validate", str(plan)])
    assert result.exit_code == 2
    assert f"{plan}:9:12: acquisition[0].match: expected a list" in result.stdout


def test_within_one_percent_of_a_fixed_plan_is_on_plan(files: tuple[Path, Path]) -> None:
    plan, export = files
    export.write_text(EXPORT.replace("2025-01-10,feed_1,40000,1000000,10000,1000",
                                     "2025-01-10,feed_1,40390,1000000,10000,1000"), encoding="utf-8")
    feed = api.actuals(api.load(plan), [export], [("Feed", "feed_*")]).channels[1]
    january = feed.months[0]
    # 40,390 against a fixed 40,000 is above every draw (P100) but 0.975% off: not flagged;
    # its CAC, 40.39 against 40, is as far off and not flagged either.
    assert (january.percentile["spend"], january.percentile["cac"]) == (100.0, 100.0)
    assert january.flagged == ()
    export.write_text(EXPORT.replace("2025-01-10,feed_1,40000", "2025-01-10,feed_1,40410"), encoding="utf-8")
    assert api.actuals(api.load(plan), [export], [("Feed", "feed_*")]).channels[1].months[0].flagged == ("spend", "cac")


def test_a_channel_no_row_matched_reports_nothing_not_zero(files: tuple[Path, Path]) -> None:
    plan, export = files
    result = api.actuals(api.load(plan), [export])  # no --map: Feed has no globs
    feed = result.channels[1]
    assert feed.matched_rows == 0 and feed.deviations == ()
    assert (feed.months[0].actual.spend, feed.months[0].actual.users, feed.months[0].percentile["spend"]) == (None, None, None)
    assert feed.months[0].plan.spend == 40_000
    assert [(item.campaign, item.spend) for item in result.unmatched] == [("feed_1", 40000.0), ("brand_x", 5000.0)]


def test_summary_on_stderr(files: tuple[Path, Path]) -> None:
    plan, export = files
    result = invoke(["actuals", str(plan), str(export), "--format", "json", "--lang", "zh"])
    # Five rows, of which brand_x's 5,000 and feed_1's 40,000 (no --map for Feed) belong to no channel.
    # The exact amount, as English shows it: a line on stderr is a record, never rounded to 万.
    assert result.stderr == "1 个报表共 5 行，截至 2025-02-14\n2 个广告计划未匹配，广告支出 45,000.00\n"
    assert invoke(["actuals", str(plan), str(export), "-q"]).stderr == ""


def test_actuals_xlsx_needs_an_output_file(files: tuple[Path, Path]) -> None:
    result = invoke(["actuals", *map(str, files), "-f", "xlsx"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --format xlsx needs -o FILE.xlsx, or -o - to write the workbook into a pipe\n"


def test_every_measure_is_named_in_words_in_either_language() -> None:
    from aigc_roi.present.actuals import MEASURES, METRICS
    from aigc_roi.present.labels import label

    # Deviation.measure's values (whatif/actuals.py) are JSON's keys; the table and markdown name them as the table's
    # headers do (CAC, New users, CTR), in either language, never as the key (cac, users_per_spend).
    assert {measure: label(key, "en") for measure, key in MEASURES.items()} == {
        "cac": "CAC", "spend": "spend", "users": "new users", "impressions": "impressions", "cpm": "CPM", "ctr": "CTR",
        "cvr": "CVR", "users_per_spend": "new users per 1 {money} of spend"}
    assert {measure: label(key, "zh") for measure, key in MEASURES.items()} == {
        "cac": "获客成本", "spend": "广告支出", "users": "新增用户", "impressions": "展示数", "cpm": "千次展示成本",
        "ctr": "点击率", "cvr": "转化率", "users_per_spend": "每 1 {money} 新增用户"}
    assert [label(key, "en") for key in METRICS.values()] == ["new users", "impressions", "clicks", "early revenue"]


def test_an_export_that_ends_earlier_leaves_its_later_months_unreported_not_zero(tmp_path: Path) -> None:
    """Feed's platform exported January only; Douyin's runs to the end of March: Feed's February and March are
    not in any export of Feed's, so they are unknown, not 0 spent (and not flagged), and measure nothing."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.replace("    months: 1\n", "    months: 1-3\n"), encoding="utf-8")
    douyin = tmp_path / "douyin.csv"
    douyin.write_text("date,campaign,spend,new_users\n2025-01-01,dy_a,100000,5000\n2025-02-01,dy_a,100000,5000\n"
                      "2025-03-31,dy_a,100000,5000\n", encoding="utf-8")
    feed = tmp_path / "feed.csv"
    feed.write_text("date,campaign,spend,impressions,clicks,new_users\n2025-01-01,feed_1,20000,500000,5000,500\n"
                    "2025-01-31,feed_1,20000,500000,5000,500\n", encoding="utf-8")
    result = api.actuals(api.load(plan), [douyin, feed], [("Feed", "feed_*")])
    assert result.month_numbers == (1, 2, 3)
    dy, fd = result.channels
    assert [month.covered for month in dy.months] == [1.0, 1.0, 1.0]
    assert [month.covered for month in fd.months] == [1.0, 0.0, 0.0]
    january, february, march = fd.months
    assert (january.actual.spend, january.actual.users) == (40_000, 1_000)
    for month in (february, march):
        assert (month.actual.spend, month.actual.users, month.percentile["spend"]) == (None, None, None)
        assert month.plan.spend == 0.0 and month.flagged == ()
    # The budget measured on January alone: 40,000 spent against 40,000 planned.
    budget = next(deviation for deviation in fd.deviations if deviation.path == "acquisition[1].budget")
    assert budget.ratio == pytest.approx(1.0)
    # The re-forecast rewrites Feed's January only (its later months stay as planned), Douyin's three months.
    edits = {edit.path: dict(edit.by_month) for edit in reforecast(api.load(plan), result).fields}
    assert edits["acquisition[1].budget"] == {1: 40_000, 2: None}
    assert edits["acquisition[0].budget"] == {1: 100_000, 2: 100_000, 3: 100_000, 4: None}
    table = invoke(["actuals", str(plan), str(douyin), str(feed), "--map", "Feed=feed_*"], env={"COLUMNS": "80"})
    assert table.exit_code == 0, table.stderr
    assert "2025-02†" in table.stdout and "not in this channel's exports (they end earlier): 2025-02, 2025-03" in table.stdout
    assert "partial month" not in table.stdout


@pytest.mark.parametrize(("exports", "arguments", "message"), [
    ([], {}, "exports: expected at least one export file, found none"),
    (None, {"samples": 99}, "samples: expected a whole number from 100 to 100,000, found 99"),
    (None, {"samples": 2_000.0}, "samples: expected a whole number from 100 to 100,000, found 2000.0 (float)"),
    (None, {"seed": -1}, "seed: expected a whole number from 0 to 2^128 - 1, found -1"),
])
def test_a_request_the_command_line_cannot_make_is_refused(files: tuple[Path, Path], exports: list[Path] | None,
                                                          arguments: dict[str, object], message: str) -> None:
    # No export was min()'s "arg is an empty sequence"; a negative seed or a fractional count numpy's errors.
    plan, export = files
    with pytest.raises(WhatIfError) as raised:
        api.actuals(api.load(plan), [export] if exports is None else exports, **arguments)  # type: ignore[arg-type]
    assert str(raised.value) == message
