"""Campaign ids and names written the ways a spreadsheet keeps text: a console's tab before the id, an Excel text
formula ``="7345678901234567890"`` (``""`` inside is a quote) and the apostrophe Excel and LibreOffice users type
(``'7345678901234567890``) are the text they hold, so one campaign-day written two ways is one campaign-day (QA:
oe_console_eqid_dup.csv counted its 100 spent twice) and an id glob matches every form (oe_console_eqid_only.csv
left three of its four rows unmatched). A name keeps an apostrophe before text a spreadsheet would keep anyway
(``'90s``); an id never starts with one.
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
ID = "7345678901234567890"
CONSOLE = "日期,项目ID,消耗(元),展示数,点击数,激活数\n"
"""巨量引擎's console export by project id, as the QA's files have it."""
FORMS = [f'="{ID}"', f"\t{ID}", f"'{ID}", ID, f'\t="{ID}"']
PLAN = """\
name: Ids
start: 2025-03
horizon_months: 12
acquisition:
  - {name: Douyin CPA, type: cpa, bid: 12, budget: 60000}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""


def _errors(paths: list[Path], **options: bool) -> list[str]:
    return export_errors(paths, HORIZON, **options)


def test_every_text_form_of_an_id_is_the_id(tmp_path: Path) -> None:
    lines = "".join(f"2025-03-{day:02d},{cell},100.00,1000,20,10\n" for day, cell in enumerate(FORMS, 1))
    rows = read_report([_write(tmp_path, "ids.csv", CONSOLE + lines)], HORIZON).rows
    assert [row.campaign_id for row in rows] == [ID] * len(FORMS)


@pytest.mark.parametrize("cell", [f'="{ID}"', f"'{ID}"])
def test_a_campaign_day_written_as_text_and_plain_is_a_repeat(tmp_path: Path, cell: str) -> None:
    path = _write(tmp_path, "dup.csv", CONSOLE + f"2025-03-01,{cell},100.00,1000,20,10\n"
                                                f"2025-03-01,{ID},100.00,1000,20,10\n")
    assert _errors([path]) == [
        f"{path}:3:2: 项目ID: expected one row per day and campaign (or sum_duplicates=True), found 2025-03-01 id "
        f"'{ID}' again (first at {path}:2:2)"]


def test_an_id_glob_matches_every_form(tmp_path: Path) -> None:
    """Four days of 100 each: 400 spent on the channel, nothing unmatched (the old reading matched 200)."""
    plan = _write(tmp_path, "plan.yaml", PLAN)
    lines = "".join(f"2025-03-{day:02d},{cell},100.00,1000,20,10\n" for day, cell in enumerate(FORMS[:4], 1))
    export = _write(tmp_path, "ids.csv", CONSOLE + lines)
    result = invoke(["actuals", str(plan), str(export), "--map", "Douyin CPA=7345*", "-f", "json", "--samples", "100"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["channels"][0]["months"][0]["actual"]["spend"] == 400.0
    assert data["unmatched"] == []


API = "stat_time_day,campaign_name,campaign_id,stat_cost,active\n"


@pytest.mark.parametrize(("cell", "name"), [
    ('="dy_a"', "dy_a"),
    ('="dy ""A"" 拉新"', 'dy "A" 拉新'),      # "" inside the formula is one quote
    ("'0123", "0123"),                          # typed so the leading zero stays
    ("'2025-03 拉新", "'2025-03 拉新"),          # text a spreadsheet keeps anyway: the apostrophe is the name's
    ("'2025-03-01", "2025-03-01"),              # a date a spreadsheet would have made a serial
    ("'=A1 测试", "=A1 测试"),                   # a formula sign, escaped as against CSV injection
    ("'-双11-", "-双11-"),
    ("'90s 怀旧", "'90s 怀旧"),
    ("'Tis the season", "'Tis the season"),
    ("'", "'"),
])
def test_a_names_text_forms(tmp_path: Path, cell: str, name: str) -> None:
    path = _write(tmp_path, "api.csv", API + f"2025-03-01,{cell},1790001,1000,100\n")
    assert [row.campaign for row in read_report([path], HORIZON).rows] == [name]


def test_an_id_written_as_text_is_an_id_against_totals_labels(tmp_path: Path) -> None:
    """A console campaign called 合计 with an id of its own is a campaign, however the id is written."""
    path = _write(tmp_path, "t.csv", "日期,广告组名称,广告组ID,花费(元),曝光次数\n2025-03-01,腾讯A,301,1000,5000\n"
                                     '2025-03-01,合计,="302",2000,10000\n2025-03-02,合计,\'303,500,2000\n')
    rows = read_report([path], HORIZON).rows
    assert [(row.campaign, row.campaign_id, row.spend) for row in rows] == [
        ("腾讯A", "301", 1000.0), ("合计", "302", 2000.0), ("合计", "303", 500.0)]


@pytest.mark.parametrize("cell", ['="--"', "'--", '=""'])
def test_text_of_dashes_or_nothing_names_no_campaign(tmp_path: Path, cell: str) -> None:
    path = _write(tmp_path, "api.csv", API + f"2025-03-01,dy_a,{cell},1000,100\n")
    assert [(row.campaign, row.campaign_id) for row in read_report([path], HORIZON).rows] == [("dy_a", "")]
