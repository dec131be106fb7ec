"""Rows finer than a campaign-day, QA round 2: a totals row labelled in a finer column (an ad's 小计, an hour's 合计
or 全天) is skipped and listed, never summed as one more part; an hour cell of no hour is refused at its cell; an
hour kept as text the spreadsheet way is that hour; two files of one report compare their finer headers as every
header is compared (units.header_key)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import write_export as _write

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 3), 12)
ADS = ("\ufeff日期,项目ID,项目名称,广告ID,广告名称,消耗(元),展示数,点击数,激活数\n"
       "2025-03-01,1790001,dy_项目A,1800001,广告1,1000.00,10000,200,100\n"
       "2025-03-01,1790001,dy_项目A,1800002,广告2,500.00,5000,100,40\n")
HOURS = ("\ufeff日期,小时,项目ID,项目名称,消耗(元),激活数\n"
         "2025-03-01,0,1790001,dy_项目A,100,10\n2025-03-01,1,1790001,dy_项目A,200,20\n")


@pytest.mark.parametrize("tail", ["1790001,dy_项目A,小计,小计,1500.00,15000,300,140",
                                  "1790001,dy_项目A,,合计,1500.00,15000,300,140",
                                  "1790001,dy_项目A,-,Total,1500.00,15000,300,140"])
def test_an_ads_subtotal_row_is_skipped_and_listed_not_summed(tmp_path: Path, tail: str) -> None:
    path = _write(tmp_path, "ads.csv", ADS + f"2025-03-01,{tail}\n")
    report = read_report([path], HORIZON)
    # 1,000 + 500 = 1,500 元 and 100 + 40 activations: the subtotal's 1,500 once more would make 3,000.
    assert [(row.spend, row.users) for row in report.rows] == [(1500.0, 140.0)]
    ((label, rows, spend, line),) = [(t.label, t.rows, t.spend, t.line) for t in report.sources[0].skipped_totals]
    assert (label in ("小计", "合计", "Total"), rows, spend, line) == (True, 1, 1500.0, 4)


@pytest.mark.parametrize("label", ["合计", "全天", "小计", "Total", '="合计"'])
def test_an_hourly_reports_day_total_in_its_hour_column_is_skipped(tmp_path: Path, label: str) -> None:
    path = _write(tmp_path, "hours.csv", HOURS + f"2025-03-01,{label},1790001,dy_项目A,300,30\n")
    report = read_report([path], HORIZON)
    # Hours 0 and 1: 100 + 200 = 300 元, 10 + 20 activations; the day's total row is not a third hour.
    assert [(row.spend, row.users) for row in report.rows] == [(300.0, 30.0)]
    assert [(t.rows, t.spend, t.line) for t in report.sources[0].skipped_totals] == [(1, 300.0, 4)]


def test_an_hour_cell_of_no_hour_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = _write(tmp_path, "hours.csv", HOURS + "2025-03-01,晚上,1790001,dy_项目A,300,30\n")
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], HORIZON)
    message = f"{path}:4:2: 小时: expected an hour such as 1, 01:00 or 01:00-02:00, found '晚上'"
    assert [str(error) for error in raised.value.errors] == [message]
    result = invoke(["actuals", "scenarios/chat-assistant-cpa.yaml", str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"{path}:4:2: 小时: 应为小时，如 1、01:00 或 01:00-02:00，实际为 '晚上'"]


@pytest.mark.parametrize("cell", ['="01:00"', "'01:00", '"=""01:00"""'])
def test_an_hour_kept_as_text_is_that_hour(tmp_path: Path, cell: str) -> None:
    path = _write(tmp_path, "h.csv", f"date,hour,campaign,spend\n2025-03-01,01:00,dy_a,100\n2025-03-01,{cell},dy_a,100\n")
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], HORIZON)
    assert [str(error) for error in raised.value.errors] == [
        f"{path}:3:3: campaign: expected one row per hour and campaign (or sum_duplicates=True), found 2025-03-01 01:00 "
        f"'dy_a' again (first at {path}:2:3)"]


@pytest.mark.parametrize(("head", "first", "second"), [
    ("stat_time_day,campaign_id,campaign_name,{},stat_cost,active\n", "AD_ID", "ad_id"),
    ("日期,项目ID,项目名称,{},消耗(元),激活数\n", "广告ID", "广告id")])
def test_one_reports_two_files_spelling_the_finer_header_apart_are_one_grain(tmp_path: Path, head: str, first: str,
                                                                               second: str) -> None:
    a = _write(tmp_path, "a.csv", head.format(first) + "2025-03-01,1790001,dy_组A,1800001,100.00,10\n"
                                                       "2025-03-01,1790001,dy_组A,1800002,200.00,10\n")
    b = _write(tmp_path, "b.csv", head.format(second) + "2025-03-01,1790001,dy_组A,1800003,50.00,10\n")
    # Three ads of one campaign-day: 100 + 200 + 50 = 350 元, 30 activations.
    assert [(row.spend, row.users) for row in read_report([a, b], HORIZON).rows] == [(350.0, 30.0)]
    again = _write(tmp_path, "c.csv", head.format(second) + "2025-03-01,1790001,dy_组A,1800002,200.00,10\n")
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([a, again], HORIZON)
    # The same ad again is named by the first file's spelling of its column.
    assert f"one row per day, campaign and {first} " in str(raised.value.errors[0])


def test_an_ads_id_that_lost_digits_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = _write(tmp_path, "sci.csv", "日期,项目名称,广告ID,消耗(元)\n2025-03-01,dy_项目A,1.80E+15,1000.00\n"
                                       "2025-03-01,dy_项目A,1800001234567890123.0,500.00\n")
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], HORIZON)
    assert [str(error) for error in raised.value.errors] == [
        f"{path}:2:3: 广告ID: expected an ad's id with all its digits, found '1.80E+15'; a spreadsheet wrote the id as "
        "a number in scientific notation, rounded to its first digits: keep the id column as text (import it into "
        "Excel as Text)",
        f"{path}:3:3: 广告ID: expected an ad's id with all its digits, found '1800001234567890123.0'; a spreadsheet "
        "keeps 15 digits of a number, so a longer id stored as one has lost its last: keep the id column as text "
        "(import it into Excel as Text)"]
