"""Which campaign a row is: its id as the platform wrote it, however a spreadsheet or pandas stored it, and a name or id
of dashes, which names none.

An id is matched across exports as text: 1790001.0 (a workbook's number, pandas' float written back) is 1790001. An
id stored as a number of more than 15 digits has lost its last ones (a spreadsheet keeps 15: Excel writes
7301234567890123456 as 7.30123E+18 in a CSV and 7301234567890120000 in a workbook), and one written in scientific
notation has been rounded whatever its length (1.79E+12), so two files of one campaign would count its day twice and
two campaigns could become one: refused, with why (rounded, or longer than 15 digits) and what to do. A console writes dashes
where a row has no campaign (an unlabelled sum, spend it attributes to none): no glob may match it (``--map 'X=*'``
took a sum of the other rows as a campaign and doubled the channel's spend), and its spend is listed as unmatched.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import export_errors
from export_files import write_export as _write

from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 3), 12)
API = "stat_time_day,campaign_name,campaign_id,stat_cost,active\n"
LOST = ("a spreadsheet keeps 15 digits of a number, so a longer id stored as one has lost its last: keep the id "
        "column as text (import it into Excel as Text)")
SCIENTIFIC = ("a spreadsheet wrote the id as a number in scientific notation, rounded to its first digits: keep the id "
              "column as text (import it into Excel as Text)")
PLAN = """\
name: Campaigns
start: 2025-03
horizon_months: 12
acquisition:
  - {name: Tencent CPA, type: cpa, bid: 15, budget: 60000, match: ["腾讯*"]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""


def _errors(paths: list[Path], **options: bool) -> list[str]:
    return export_errors(paths, HORIZON, **options)


def test_an_id_pandas_wrote_as_a_float_is_the_same_campaign(tmp_path: Path) -> None:
    """The same campaign-day in two exports, once as 1790001 and once as 1790001.0: a repeat, not 2,000 spent."""
    text = _write(tmp_path, "a.csv", API + "2025-03-01,dy_a,1790001,1000,100\n")
    pandas = _write(tmp_path, "b.csv", API + "2025-03-01,dy_a,1790001.0,1000,100\n")
    assert _errors([text, pandas]) == [
        f"{pandas}:2:3: campaign_id: expected one row per day and campaign (or sum_duplicates=True), found 2025-03-01 id "
        f"'1790001' again (first at {text}:2:3)"]


@pytest.mark.parametrize(("cell", "why"), [
    ("7.30123E+18", SCIENTIFIC), ("7.301234567890124e+18", SCIENTIFIC), ("1.79E+06", SCIENTIFIC),
    ("1.79E+12", SCIENTIFIC),  # 13 digits, within the 15 kept: Excel's General format wrote them rounded
    ('="7.30123E+18"', SCIENTIFIC), ("'7.30123E+18", SCIENTIFIC),  # text of what was already rounded
    ("7301234567890123776.0", LOST)])
def test_an_id_in_scientific_notation_or_a_float_too_long_is_refused(tmp_path: Path, cell: str, why: str) -> None:
    """Excel's CSV writes a 19-digit id as 7.30123E+18: two campaigns of that day read as one."""
    path = _write(tmp_path, "sci.csv", API + f"2025-03-01,dy_a,{cell},1000,100\n2025-03-01,dy_b,{cell},2000,150\n")
    assert _errors([path]) == [
        f"{path}:{line}:3: campaign_id: expected a campaign id with all its digits, found {cell!r}; {why}"
        for line in (2, 3)]


@pytest.mark.parametrize(("value", "shown"), [(7301234567890123456, "7301234567890120000"),
                                              (7.301234567890124e18, "7301234567890120000"),
                                              (1234567890123450.0, "1234567890123450")],
                         ids=["int", "float", "16-digits"])
def test_an_id_stored_as_a_long_number_in_a_workbook_is_refused(tmp_path: Path, value: float, shown: str) -> None:
    """openpyxl stores 7301234567890123456 as the float 7.301234567890124e+18 (7301234567890123776 read back);
    Excel keeps 15 digits, 1234567890123456 as 1234567890123450, which reads back as a whole number. The number is
    shown as Excel's formula bar shows it, its first 15 digits and zeros: 730123456789012|3456 rounds to
    730123456789012|0000, not as Python's 7.301234567890124e+18."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (API.strip().split(","), ["2025-03-01", "dy_a", value, 1000, 100]):
        book.active.append(row)
    path = tmp_path / "ids.xlsx"
    book.save(path)
    (error,) = _errors([path])
    assert error == f"{path}:2:3: campaign_id: expected a campaign id with all its digits, found '{shown}'; {LOST}"


def test_a_workbooks_short_id_is_the_text_ones(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (API.strip().split(","), ["2025-03-01", "dy_a", 1790001.0, 1000, 100],
                ["2025-03-02", "dy_a", 123456789012345, 1000, 100]):
        book.active.append(row)
    path = tmp_path / "ids.xlsx"
    book.save(path)
    assert [row.campaign_id for row in read_report([path], HORIZON).rows] == ["1790001", "123456789012345"]


UNLABELLED = ("日期,广告组名称,广告组ID,花费(元),曝光次数,激活次数\n2025-03-01,腾讯A,301,1000,5000,80\n"
              "2025-03-01,腾讯B,302,2000,10000,160\n2025-03-01,--,--,3000,15000,240\n2025-03-02,—,303,500,2000,40\n")
"""A Tencent console export: its third row, whose name and id are dashes, sums the first two; the fourth has an id."""


def test_a_name_or_id_of_dashes_is_none(tmp_path: Path) -> None:
    rows = read_report([_write(tmp_path, "t.csv", UNLABELLED)], HORIZON).rows
    assert [(row.campaign, row.campaign_id, row.spend) for row in rows] == [
        ("腾讯A", "301", 1000.0), ("腾讯B", "302", 2000.0), ("", "", 3000.0), ("", "303", 500.0)]


def test_a_row_of_no_campaign_is_matched_by_no_glob_and_listed_unmatched(tmp_path: Path) -> None:
    """--map 'Tencent CPA=*' read the sum as a campaign: 6,000 spent on 03-01 where 1,000 + 2,000 = 3,000 were.
    The row with id 303 is a campaign the glob matches (500); the dashes' 3,000 is listed, not lost."""
    plan = _write(tmp_path, "plan.yaml", PLAN)
    export = _write(tmp_path, "t.csv", UNLABELLED)
    result = invoke(["actuals", str(plan), str(export), "--map", "Tencent CPA=*", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["channels"][0]["months"][0]["actual"]["spend"] == 3500.0
    assert data["unmatched"] == [{"file": str(export), "campaign": "", "spend": 3000.0}]
    for lang, words in (("en", "(no campaign name or id)"), ("zh", "（无计划名称或 ID）")):
        shown = invoke(["actuals", str(plan), str(export), "--map", "Tencent CPA=*", "-f", "markdown", "--lang", lang])
        assert f"| {export} | {words} |" in shown.stdout


def test_an_empty_name_and_id_stay_refused(tmp_path: Path) -> None:
    """An empty cell is a hole in the export (a cell cut off, a merged cell): filled by the user, not guessed."""
    path = _write(tmp_path, "t.csv", "日期,广告组名称,广告组ID,花费(元),曝光次数\n2025-03-01,,,3000,15000\n")
    assert _errors([path]) == [f"{path}:2:2: 广告组名称: expected a campaign name or id, found an empty cell"]


def test_an_id_with_lost_digits_in_chinese(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", PLAN)
    path = _write(tmp_path, "long.csv", API + "2025-03-01,dy_a,7301234567890123776.0,1000,100\n")
    result = invoke(["actuals", str(plan), str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"{path}:2:3: campaign_id: 应为位数完整的计划 ID，实际为 '7301234567890123776.0'；电子表格只保留数字的 15 位，存成数字的更长 ID "
        "已丢失末尾几位：请把 ID 列保持为文本（导入 Excel 时设为“文本”）"]


def test_an_id_in_scientific_notation_in_chinese(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", PLAN)
    path = _write(tmp_path, "sci.csv", API + "2025-03-01,dy_a,1.79E+12,1000,100\n")
    result = invoke(["actuals", str(plan), str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"{path}:2:3: campaign_id: 应为位数完整的计划 ID，实际为 '1.79E+12'；电子表格把 ID 当作数字以科学计数法写出，"
        "只留下了前几位：请把 ID 列保持为文本（导入 Excel 时设为“文本”）"]
