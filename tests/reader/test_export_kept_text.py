"""Amounts, counts, dates and currency codes kept as text the ways a spreadsheet's user keeps a cell from Excel's
conversions: a whole text formula ``="1,234.50"`` (``""`` inside is a quote) or an apostrophe before it
(``'1234.5``), as ids already were. Each is the text it holds, read with the checks of any other cell of its column:
a text that is no number is still refused at its cell, shown as written; a dash inside is nothing that day, as a
dash is; ``N/A`` inside reports nothing."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import export_errors
from export_files import write_export as _write

from aigc_roi.reader.exports import Horizon, read_report
from aigc_roi.reader.exports.cells import Amounts, CellError, count, day

HORIZON = Horizon.of((2025, 3), 12)
GENERIC = "date,campaign,spend,new_users\n"
PLAN = """\
name: Kept
start: 2025-03
horizon_months: 12
acquisition:
  - {name: Douyin CPA, type: cpa, bid: 12, budget: 60000, match: ["dy_*"]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""


@pytest.mark.parametrize(("cell", "expected"), [
    ('="1,234.50"', 1234.5), ("'1234.5", 1234.5), ('="1234"', 1234.0), ("'1,234", 1234.0), (' ="12" ', 12.0),
    ('="１，２３４"', 1234.0), ("'-5", -5.0)])
def test_a_number_kept_as_text_is_its_number(cell: str, expected: float) -> None:
    assert count(cell) == expected
    assert Amounts("CNY", "CNY")(cell) == expected


def test_an_amount_kept_as_text_keeps_its_currency_sign() -> None:
    assert Amounts(None, "USD")('="$1,234.50"') == 1234.5
    with pytest.raises(CellError, match=r"^expected an amount in CNY, found '=\"\$5\"'$"):
        Amounts("CNY", "CNY")('="$5"')


@pytest.mark.parametrize("cell", ['="-"', "'--", '=""', '="N/A"', "'null"])
def test_nothing_kept_as_text_is_nothing(cell: str) -> None:
    assert count(cell) is None


@pytest.mark.parametrize(("cell", "expected"), [
    ('="abc"', "expected a number, found '=\"abc\"'"),
    ("'12.5%", "expected a number, found \"'12.5%\"; a percentage is no amount or count"),
    ('="1,2345"', "expected a number, found '=\"1,2345\"'; a decimal comma: read the export with decimal_comma=True, "
                  "or export it with a decimal point, or write 1.2345"),
    ('="1,23,45"', "expected a number, found '=\"1,23,45\"'")])
def test_a_text_that_is_no_number_is_refused_as_written(cell: str, expected: str) -> None:
    with pytest.raises(CellError) as raised:
        count(cell)
    assert str(raised.value) == expected


@pytest.mark.parametrize("cell", ['="2025-03-01"', "'2025-03-01", '="2025/3/1"', "'20250301", '="2025年3月1日"',
                                  '="45717"', '="2025-03-01 00:00"'])
def test_a_date_kept_as_text_is_its_date(cell: str) -> None:
    assert day(cell) == datetime.date(2025, 3, 1)


@pytest.mark.parametrize(("cell", "expected"), [
    ('="2025-02-30"', "expected a date YYYY-MM-DD, found '=\"2025-02-30\"' (no such day: 2025-02 has 28 days)"),
    ("'March 1", "expected a date YYYY-MM-DD, found \"'March 1\""),
    ("2025-02-30", "expected a date YYYY-MM-DD, found '2025-02-30' (no such day: 2025-02 has 28 days)")])
def test_a_text_that_is_no_date_is_refused_as_written(cell: str, expected: str) -> None:
    with pytest.raises(CellError) as raised:
        day(cell)
    assert str(raised.value) == expected


def test_an_export_of_kept_text_reads_as_one_of_plain_cells(tmp_path: Path) -> None:
    """03-01: 1,234.50 and 80 users; 03-02: 1,234.5 and 90; 03-03: a dash inside a formula, 0 spent, and 10 users."""
    path = _write(tmp_path, "kept.csv", GENERIC + '="2025-03-01",dy_a,"=""1,234.50""",="80"\n'
                                                  "'2025-03-02,dy_a,'1234.5,'90\n"
                                                  '="2025-03-03",dy_a,="-",10\n')
    assert [(row.day.day, row.spend, row.users) for row in read_report([path], HORIZON).rows] == [
        (1, 1234.5, 80.0), (2, 1234.5, 90.0), (3, 0.0, 10.0)]


def test_not_reported_inside_a_formula_is_not_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "kept.csv", GENERIC + '2025-03-01,dy_a,100,="N/A"\n2025-03-02,dy_a,100,="N/A"\n')
    assert [row.users for row in read_report([path], HORIZON).rows] == [None, None]


def test_kept_text_that_is_no_number_or_date_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = _write(tmp_path, "kept.csv", GENERIC + '="2025-03-01",dy_a,="abc",="-5"\n="2025-02-30",dy_a,100,1\n'
                                                  '="2026-03-01",dy_a,100,1\n')
    assert export_errors([path], HORIZON) == [
        f"{path}:2:3: spend: expected a number, found '=\"abc\"'",
        f"{path}:2:4: new_users: expected a count >= 0, found '=\"-5\"'",
        f"{path}:3:1: date: expected a date YYYY-MM-DD, found '=\"2025-02-30\"' (no such day: 2025-02 has 28 days)",
        f"{path}:4:1: date: expected a date within 2025-03-01..2026-02-28 (the plan's months 1-12), found 2026-03-01"]


def test_an_hourly_report_of_dates_kept_as_text_is_told_apart_by_their_times(tmp_path: Path) -> None:
    """巨量引擎's hourly 时间 kept as text: hours 01:00 and 02:00 of one project, 100 + 200 = 300 元 that day."""
    path = _write(tmp_path, "hours.csv", "时间,项目ID,消耗(元)\n"
                                         '="2025-03-01 01:00",1790001,="100"\n="2025-03-01 02:00",1790001,\'200\n')
    report = read_report([path], HORIZON)
    assert [(row.day.day, row.spend) for row in report.rows] == [(1, 300.0)]
    assert report.sources[0].grain == ("hour",)


def test_a_currency_code_kept_as_text_is_the_code(tmp_path: Path) -> None:
    path = _write(tmp_path, "cur.csv", "date,campaign,spend,currency\n2025-03-01,dy_a,100,=\"CNY\"\n"
                                       "2025-03-02,dy_a,100,'usd\n")
    assert export_errors([path], HORIZON) == [
        f"{path}:3:4: currency: expected CNY (the plan's currency), found \"'usd\" (USD); actuals converts no currency: "
        "convert the export to CNY, or the plan to USD"]


@pytest.mark.parametrize("label", ['="合计"', '="Total: Account"'])
def test_a_totals_label_kept_as_text_in_the_date_cell_is_skipped(tmp_path: Path, label: str) -> None:
    """A console's bottom line, its label kept as text: 1,000 + 500 reported once, not the 1,500 of the sum again."""
    path = _write(tmp_path, "t.csv", "日期,广告组名称,广告组ID,花费(元),曝光次数\n2025-03-01,腾讯A,301,1000,5000\n"
                                     f"2025-03-01,腾讯B,302,500,2000\n{label},,,1500,7000\n")
    report = read_report([path], HORIZON)
    assert [row.spend for row in report.rows] == [1000.0, 500.0]
    assert [(totals.label, totals.spend) for totals in report.sources[0].skipped_totals] == [
        (label[2:-1], 1500.0)]


def test_a_days_subtotal_kept_as_text_in_the_campaign_cell_is_skipped(tmp_path: Path) -> None:
    """A console's 小计 of 03-01 with its date, its name kept as text, read as the plain 小计 is."""
    path = _write(tmp_path, "t.csv", "日期,广告组名称,广告组ID,花费(元),曝光次数\n2025-03-01,腾讯A,301,1000,5000\n"
                                     '2025-03-01,腾讯B,302,500,2000\n2025-03-01,="小计",,1500,7000\n')
    report = read_report([path], HORIZON)
    assert [row.spend for row in report.rows] == [1000.0, 500.0]
    assert [(totals.label, totals.spend) for totals in report.sources[0].skipped_totals] == [("小计", 1500.0)]


def test_the_cli_reads_kept_text_and_refuses_it_located_in_chinese(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", PLAN)
    good = _write(tmp_path, "good.csv", GENERIC + '="2025-03-01",dy_a,"=""1,234.50""",\'80\n')
    result = invoke(["actuals", str(plan), str(good), "-f", "json", "--samples", "100"])
    assert result.exit_code == 0, result.stderr
    actual = json.loads(result.stdout)["channels"][0]["months"][0]["actual"]
    assert (actual["spend"], actual["users"]) == (1234.5, 80.0)
    bad = _write(tmp_path, "bad.csv", GENERIC + '="2025-03-01",dy_a,="abc",80\n')
    refused = invoke(["actuals", str(plan), str(bad), "--lang", "zh"])
    assert refused.exit_code == 2 and refused.stderr.splitlines() == [f"{bad}:2:3: spend: 应为数字，实际为 '=\"abc\"'"]
