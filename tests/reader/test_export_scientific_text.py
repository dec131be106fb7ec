"""Names and ids that read like numbers in scientific notation (``1E5``, ``2e10``, ``3E+05``, ``1.5E3``).

A name column is text: an ad's name, where the export has no ad id column, was refused with the message meant for an
id a spreadsheet rounded. An id column refuses what a spreadsheet or a program writes for a number it rounded, always
with the exponent's sign (``1.79E+12``, ``3E+05``, ``7.301234567890124e+18``); ``1E5`` or ``2e10`` is no number any
of them writes, and no platform issues such an id: it is text typed as it is, an id of one's own sheet, read as
written. A decimal mark before the exponent (``1.5E3``, ``1,79E+12``) is a rounded number's, whatever its sign
(test_export_rounded_ids.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import export_errors
from export_files import write_export as _write

from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 3), 12)
NAMES = ["1E5", "2e10", "3E+05", "1.5E3"]
UNSIGNED = ["1E5", "2e10", "1E-05"]
SCIENTIFIC = ("a spreadsheet wrote the id as a number in scientific notation, rounded to its first digits: keep the id "
              "column as text (import it into Excel as Text)")
PLAN = """\
name: Names
start: 2025-03
horizon_months: 12
acquisition:
  - {name: Douyin CPA, type: cpa, bid: 12, budget: 60000, match: ["1E5", "dy_*"]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""


def test_campaign_names_in_scientific_notation_are_names(tmp_path: Path) -> None:
    lines = "".join(f"2025-03-01,{name},{100 * (n + 1)}\n" for n, name in enumerate(NAMES))
    rows = read_report([_write(tmp_path, "names.csv", "date,campaign,spend\n" + lines)], HORIZON).rows
    assert [(row.campaign, row.spend) for row in rows] == [("1E5", 100.0), ("2e10", 200.0), ("3E+05", 300.0),
                                                            ("1.5E3", 400.0)]


@pytest.mark.parametrize("head", ["日期,项目ID,项目名称,广告名称,消耗(元),激活数\n",
                                  "stat_time_day,campaign_id,campaign_name,ad_name,stat_cost,active\n"],
                         ids=["console", "api"])
def test_ad_names_in_scientific_notation_are_the_days_parts(tmp_path: Path, head: str) -> None:
    """Four ads, named only (no ad id column), of one campaign on 03-01: 100 + 200 + 300 + 400 = 1,000, 10 users
    each."""
    lines = "".join(f"2025-03-01,1790001,dy_项目A,{name},{100 * (n + 1)},10\n" for n, name in enumerate(NAMES))
    report = read_report([_write(tmp_path, "ads.csv", head + lines)], HORIZON)
    assert [(row.campaign_id, row.spend, row.users) for row in report.rows] == [("1790001", 1000.0, 40.0)]
    assert report.sources[0].parts == 3


def test_an_ad_name_in_scientific_notation_twice_is_the_same_ad_again(tmp_path: Path) -> None:
    path = _write(tmp_path, "ads.csv", "日期,项目ID,项目名称,广告名称,消耗(元)\n2025-03-01,1790001,dy_项目A,3E+05,100\n"
                                       "2025-03-01,1790001,dy_项目A,3E+05,100\n")
    assert export_errors([path], HORIZON) == [
        f"{path}:3:2: 项目ID: expected one row per day, campaign and 广告名称 (or sum_duplicates=True), found 2025-03-01 id "
        f"'1790001' 广告名称 '3E+05' again (first at {path}:2:2)"]


@pytest.mark.parametrize("cell", UNSIGNED)
def test_an_id_typed_in_scientific_notation_without_a_sign_is_its_text(tmp_path: Path, cell: str) -> None:
    path = _write(tmp_path, "ids.csv", f"date,campaign_id,spend\n2025-03-01,{cell},100\n")
    assert [row.campaign_id for row in read_report([path], HORIZON).rows] == [cell]


@pytest.mark.parametrize("cell", UNSIGNED)
def test_an_ads_id_typed_so_tells_the_parts_apart(tmp_path: Path, cell: str) -> None:
    path = _write(tmp_path, "ads.csv", f"日期,项目ID,广告ID,消耗(元)\n2025-03-01,1790001,{cell},100\n"
                                       "2025-03-01,1790001,1800001,50\n")
    assert [row.spend for row in read_report([path], HORIZON).rows] == [150.0]


@pytest.mark.parametrize(("column", "expected"), [(2, "a campaign id"), (3, "an ad's id")])
@pytest.mark.parametrize("cell", ["3E+05", "1E+05", "1.79E+12", "7.301234567890124e+18", "-1.5E+3"])
def test_an_id_a_spreadsheet_wrote_with_a_signed_exponent_is_refused(tmp_path: Path, column: int, expected: str,
                                                                      cell: str) -> None:
    ids = [cell, "1800001"] if column == 2 else ["1790001", cell]
    path = _write(tmp_path, "ids.csv", f"日期,项目ID,广告ID,消耗(元)\n2025-03-01,{ids[0]},{ids[1]},100\n")
    header = "项目ID" if column == 2 else "广告ID"
    assert export_errors([path], HORIZON) == [
        f"{path}:2:{column}: {header}: expected {expected} with all its digits, found {cell!r}; {SCIENTIFIC}"]


def test_a_name_glob_matches_a_name_that_reads_as_a_number(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", PLAN)
    export = _write(tmp_path, "names.csv", "date,campaign,spend\n2025-03-01,1E5,100\n2025-03-02,1E5,250\n")
    result = invoke(["actuals", str(plan), str(export), "-f", "csv", "--samples", "100"])
    assert result.exit_code == 0, result.stderr
    # 100 + 250 = 350 spent in March, all of it matched.
    assert ",350," in result.stdout.splitlines()[1] and "every campaign matched a channel" in result.stderr
