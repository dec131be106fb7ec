"""One export given twice to `actuals` (the same path, another spelling of it, a link, a copy under another name): its
money must never count twice. --sum-duplicates added every row into itself, and an hourly report's hours given again
were summed as more parts of their days with it; without it, each row was refused on its own. Refused whole, at the
second, in one line naming both, whatever the options, from the CLI and the library alike."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import export_errors
from export_files import write_export as _write

from aigc_roi import api
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 3), 12)
DAILY = "date,campaign,campaign_id,spend,new_users\n2025-03-01,dy_a,1790001,1000,80\n2025-03-02,dy_a,1790001,1200,90\n"
HOURLY = ("date,hour,adgroup_id,adgroup_name,cost,view_count,valid_click_count,activated_count\n"
          "2025-03-01,0,30001,tx_组1,10000,5000,80,9\n2025-03-01,1,30001,tx_组1,20000,5000,80,9\n")
"""Hours 0 and 1 of one Tencent ad group, cost in 分: 100 + 200 = 300 元 on 03-01."""
ADS = ("日期,项目ID,项目名称,广告ID,消耗(元),激活数\n2025-03-01,1790001,dy_项目A,1800001,1000.00,100\n"
       "2025-03-01,1790001,dy_项目A,1800002,500.00,40\n")
"""Two ads of one 巨量引擎 project on 03-01: 1,000 + 500 = 1,500 元."""
PLAN = """\
name: Twice
start: 2025-03
horizon_months: 12
acquisition:
  - {name: Douyin CPA, type: cpa, bid: 12, budget: 60000, match: ["dy_*", "tx_*"]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""


def _once(again: Path, first: Path, what: str = "file") -> str:
    return (f"{again}:1:1: expected each export once, found the same {what} as {first} (export 1), whose rows would "
            "count twice")


@pytest.mark.parametrize("text", [DAILY, HOURLY, ADS], ids=["daily", "hourly", "ads"])
@pytest.mark.parametrize("sum_duplicates", [False, True])
def test_one_path_given_twice_is_refused_in_one_line(tmp_path: Path, text: str, sum_duplicates: bool) -> None:
    path = _write(tmp_path, "report.csv", text)
    assert export_errors([path, path], HORIZON, sum_duplicates=sum_duplicates) == [_once(path, path)]


@pytest.mark.parametrize("sum_duplicates", [False, True])
def test_another_spelling_a_link_or_a_copy_is_the_same_export(tmp_path: Path, sum_duplicates: bool) -> None:
    path = _write(tmp_path, "report.csv", HOURLY)
    (tmp_path / "sub").mkdir()
    spelled = tmp_path / "sub" / ".." / "report.csv"
    symlink = tmp_path / "link.csv"
    symlink.symlink_to(path)
    hard = tmp_path / "hard.csv"
    os.link(path, hard)
    copy = tmp_path / "report (1).csv"
    shutil.copyfile(path, copy)
    for again, what in ((spelled, "file"), (symlink, "file"), (hard, "file"), (copy, "bytes")):
        assert export_errors([path, again], HORIZON, sum_duplicates=sum_duplicates) == [_once(again, path, what)]


def test_once_the_hours_are_their_days_parts(tmp_path: Path) -> None:
    """What the export given once reads: 100 + 200 元 on 03-01. Given twice with --sum-duplicates, the old reading
    made it 600."""
    path = _write(tmp_path, "hours.csv", HOURLY)
    assert [row.spend for row in read_report([path], HORIZON, sum_duplicates=True).rows] == [300.0]


def test_the_other_exports_problems_are_listed_and_the_repeats_not_again(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.csv", "date,campaign,spend\n2025-03-01,dy_b,abc\n")
    path = _write(tmp_path, "report.csv", DAILY)
    assert export_errors([bad, path, bad, path], HORIZON) == [
        f"{bad}:2:3: spend: expected a number, found 'abc'", _once(bad, bad),
        f"{path}:1:1: expected each export once, found the same file as {path} (export 2), whose rows would count twice"]


def test_the_same_rows_in_other_bytes_are_held_row_by_row(tmp_path: Path) -> None:
    """A report exported again and saved with CRLF line ends: other bytes, so read, and its rows refused as repeats."""
    path = _write(tmp_path, "a.csv", DAILY)
    again = _write(tmp_path, "b.csv", DAILY.replace("\n", "\r\n"))
    assert export_errors([path, again], HORIZON) == [
        f"{again}:{line}:3: campaign_id: expected one row per day and campaign (or sum_duplicates=True), found "
        f"2025-03-0{day} id '1790001' again (first at {path}:{line}:3)" for line, day in ((2, 1), (3, 2))]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "{again}:1:1: expected each export once, found the same bytes as {first} (export 1), whose rows would count "
           "twice"),
    ("zh", "{again}:1:1: 每个报表应只给一次，实际与第 1 个报表 {first} 内容完全相同，其各行会被重复计算")], ids=["en", "zh"])
@pytest.mark.parametrize("options", [[], ["--sum-duplicates"]], ids=["refusing", "summing"])
def test_the_cli_refuses_a_copy_in_one_line(tmp_path: Path, lang: str, expected: str, options: list[str]) -> None:
    plan = _write(tmp_path, "plan.yaml", PLAN)
    first = _write(tmp_path, "report.csv", HOURLY)
    again = tmp_path / "copy.csv"
    shutil.copyfile(first, again)
    result = invoke(["actuals", str(plan), str(first), str(again), *options, "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [expected.format(again=again, first=first)]


def test_the_cli_names_one_file_given_twice_in_chinese(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", PLAN)
    path = _write(tmp_path, "report.csv", ADS)
    result = invoke(["actuals", str(plan), str(path), str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{path}:1:1: 每个报表应只给一次，实际与第 1 个报表 {path} 是同一个文件，其各行会被重复计算"]


@pytest.mark.parametrize("sum_duplicates", [False, True])
def test_the_library_refuses_it_alike(tmp_path: Path, sum_duplicates: bool) -> None:
    scenario = api.load(_write(tmp_path, "plan.yaml", PLAN))
    path = _write(tmp_path, "report.csv", DAILY)
    with pytest.raises(ScenarioInvalid) as raised:
        api.actuals(scenario, [path, str(path)], sum_duplicates=sum_duplicates)
    assert [str(error) for error in raised.value.errors] == [_once(path, path)]
