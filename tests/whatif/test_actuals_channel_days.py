"""`actuals` CSV and xlsx: each channel's months as its own exports cover them, as the table's marks say.

A finance reviewer read a month that one channel's export does not reach at all as "partial, planned 0" in the CSV
and the workbook, whose note stated the days every export together covers (2025-03-01 to 2025-04-15) on the rows of a
channel whose export ends 2025-03-31; the table marks that month † and JSON has its ``covered`` 0."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

import openpyxl
import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

PLAN = two_channel_plan("Days per channel")


def _export(campaign: str, last: datetime.date) -> str:
    days = (last - datetime.date(2025, 3, 1)).days + 1
    return "stat_time_day,campaign_name,stat_cost,active\n" + "".join(
        f"{datetime.date(2025, 3, 1) + datetime.timedelta(days=n)},{campaign},1000,100\n" for n in range(days))


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    """Douyin's export runs 2025-03-01..04-15, Tencent's 03-01..03-31."""
    plan, douyin, tencent = tmp_path / "plan.yaml", tmp_path / "douyin.csv", tmp_path / "tencent.csv"
    plan.write_text(PLAN, encoding="utf-8")
    douyin.write_text(_export("dy_a", datetime.date(2025, 4, 15)), encoding="utf-8")
    tencent.write_text(_export("gdt_a", datetime.date(2025, 3, 31)), encoding="utf-8")
    return [str(plan), str(douyin), str(tencent)]


def test_the_csv_says_the_share_of_each_month_the_channels_exports_cover(files: list[str]) -> None:
    result = invoke(["actuals", *files, "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # The columns before stay where they were; the share before the currency, which closes every CSV of amounts.
    assert list(rows[0])[-3:] == ["not_reported", "covered", "currency"]
    by_month = {(row["channel"], row["label"]): row for row in rows}
    # Douyin: March whole; April 04-01..04-15, 15 of its 30 days, its plan 100,000 x 15/30 = 50,000.
    assert by_month["Douyin CPA", "2025-03"]["covered"] == "1"
    assert [by_month["Douyin CPA", "2025-04"][key] for key in ("partial", "covered", "plan_spend")] == ["1", "0.5", "50000"]
    # Tencent: April not in its export at all, covered 0 (the table's †), its actual empty, not 0.
    april = by_month["Tencent CPA", "2025-04"]
    assert [april[key] for key in ("covered", "actual_spend", "actual_users")] == ["0", "", ""]


@pytest.mark.parametrize(("lang", "args", "header", "notes"), [
    ("en", (), "Share of days covered",
     {"Douyin CPA": "days this channel's exports cover: 2025-03-01 to 2025-04-15, their first to last row "
                    "(or --from/--through)",
      "Tencent CPA": "days this channel's exports cover: 2025-03-01 to 2025-03-31, their first to last row "
                     "(or --from/--through)"}),
    ("zh", (), "覆盖天数占比",
     {"Douyin CPA": "此渠道报表覆盖日期：2025-03-01 至 2025-04-15，其首行至末行（或用 --from/--through）",
      "Tencent CPA": "此渠道报表覆盖日期：2025-03-01 至 2025-03-31，其首行至末行（或用 --from/--through）"}),
    # Stated, the days are every export's, Tencent's too (stderr warns that its rows end 30 days earlier).
    ("en", ("--through", "2025-04-30"), "Share of days covered",
     {"Douyin CPA": "days this channel's exports cover: 2025-03-01 (first row) to 2025-04-30 (--through)",
      "Tencent CPA": "days this channel's exports cover: 2025-03-01 (first row) to 2025-04-30 (--through)"}),
])
def test_each_channels_rows_in_the_workbook_say_its_own_days(files: list[str], tmp_path: Path, lang: str,
                                                              args: tuple[str, ...], header: str,
                                                              notes: dict[str, str]) -> None:
    book = tmp_path / "actuals.xlsx"
    result = invoke(["actuals", *files, "-o", str(book), "--lang", lang, *args])
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(book).worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    assert headers[-2:] == [header, "Note" if lang == "en" else "说明"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {row[0]: row[-1] for row in rows} == notes
    shares = [row[-2] for row in rows]
    assert shares == ([1, 0.5, 1, 0] if not args else [1, 1, 1, 1])
    assert sheet.cell(2, len(headers) - 1).number_format == "0.00%"
