"""A `--set` that writes another shape than the file's keeps the file's value in view in the inputs table (CSV, the
xlsx `inputs` sheet, the report), and the CSV marks a set value in English whatever `--lang` (README: CSV stays
English for machines).

A finance tester found `--set 'acquisition[2].bid={by_month: {1: 12, 6: 30}}'` over the file's `bid: 18` listing
`acquisition[2].bid.by_month.1` as `12 (--set; not in the file)` with the file's `bid` row gone, the reverse (a number
over a schedule) dropping the schedule's rows the same way, and `25000（--set；文件：20k..45k）` in the CSV under
`--lang zh`. The expected cells are written from the plans below by hand: the file's value as it writes it, on one
line in flow style."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import GATED_EXAMPLE, WORKED_EXAMPLE

SCHEDULED = WORKED_EXAMPLE.replace("bid: 20", "bid: {by_month: {1: 12, 2: 18}}")
"""The worked example with its bid a schedule: 12 from month 1, 18 from month 2."""


def written(path: Path, *args: str) -> dict[str, tuple[str, str]]:
    """Each row of `run --table inputs` (CSV): its path -> (value, written)."""
    result = invoke(["run", str(path), "-f", "csv", "--table", "inputs", *args])
    assert result.exit_code == 0, result.stderr
    return {row[0]: (row[1], row[5]) for row in list(csv.reader(io.StringIO(result.stdout)))[1:]}


@pytest.fixture
def scheduled(tmp_path: Path) -> Path:
    path = tmp_path / "scheduled.yaml"
    path.write_text(SCHEDULED, encoding="utf-8")
    return path


def test_a_schedule_over_a_number_names_the_number_the_file_writes(example: Path) -> None:
    rows = written(example, "--set", "acquisition[0].bid={by_month: {1: 12, 3: 30}}")
    # The file's bid 20 is no row of the run any more: each month the set writes says it replaced it.
    assert rows["acquisition[0].bid.by_month.1"] == ("12", "12 (--set; file at acquisition[0].bid: 20)")
    assert rows["acquisition[0].bid.by_month.3"] == ("30", "30 (--set; file at acquisition[0].bid: 20)")
    assert "acquisition[0].bid" not in rows


def test_a_number_over_a_schedule_names_the_schedule_the_file_writes(scheduled: Path) -> None:
    rows = written(scheduled, "--set", "acquisition[0].bid=15")
    assert rows["acquisition[0].bid"] == ("15", "15 (--set; file: {by_month: {1: 12, 2: 18}})")
    assert not any(path.startswith("acquisition[0].bid.") for path in rows)


def test_a_schedule_of_other_months_names_the_schedule_it_replaced(scheduled: Path) -> None:
    # Month 3 the file does not write, but its months 1 and 2 are gone: the file's schedule is named whole.
    rows = written(scheduled, "--set", "acquisition[0].bid={by_month: {3: 15}}")
    assert rows["acquisition[0].bid.by_month.3"] == ("15", "15 (--set; file at acquisition[0].bid.by_month: {1: 12, 2: 18})")
    # Month 2 the file writes (18), but its month 1 is gone with it: "file: 18" alone would hide that.
    rows = written(scheduled, "--set", "acquisition[0].bid={by_month: {2: 15}}")
    assert rows["acquisition[0].bid.by_month.2"] == ("15", "15 (--set; file at acquisition[0].bid: {by_month: {1: 12, 2: 18}})")


def test_a_schedule_of_the_same_months_reads_month_by_month(scheduled: Path) -> None:
    rows = written(scheduled, "--set", "acquisition[0].bid={by_month: {1: 14, 2: 18, 3: 20}}",
                   "--set", "acquisition[0].bid.by_month.2=19")
    assert rows["acquisition[0].bid.by_month.1"] == ("14", "14 (--set; file: 12)")
    assert rows["acquisition[0].bid.by_month.2"] == ("19", "19 (--set; file: 18)")
    assert rows["acquisition[0].bid.by_month.3"] == ("20", "20 (--set; not in the file)")


def test_an_emptied_list_names_what_the_file_wrote(tmp_path: Path) -> None:
    path = tmp_path / "gated.yaml"
    path.write_text(GATED_EXAMPLE, encoding="utf-8")
    rows = written(path, "--set", "gates=[]")
    assert rows["gates"] == ("[]", "[] (--set; file: [{name: creators prove it, after_month: 2, channels: [KOL], "
                                   "min_roas: 2, then: [Feed]}])")
    assert not any(path.startswith("gates[") for path in rows)


def test_the_csv_marks_a_set_value_in_english_under_lang_zh(example: Path) -> None:
    rows = written(example, "--set", "acquisition[0].bid=15", "--set", "discount_rate=0.1",
                   "--set", "acquisition[0].users={by_month: {1: 900}}", "--lang", "zh")
    assert rows["acquisition[0].bid"] == ("15", "15 (--set; file: 20)")
    assert rows["discount_rate"] == ("0.1", "0.1 (--set; not in the file)")
    assert rows["acquisition[0].users.by_month.1"] == ("900", "900 (--set; file at acquisition[0].users: 1000)")


def test_the_sheet_and_the_report_in_chinese(scheduled: Path, tmp_path: Path) -> None:
    book = tmp_path / "run.xlsx"
    result = invoke(["run", str(scheduled), "--set", "acquisition[0].bid={by_month: {3: 15}}", "--set",
                     "acquisition[0].users={by_month: {1: 900}}", "-o", str(book), "--lang", "zh"])
    assert result.exit_code == 0, result.stderr
    rows = {row[0]: row for row in openpyxl.load_workbook(book)["输入"].iter_rows(min_row=2, values_only=True)}
    assert rows["acquisition[0].bid.by_month.3"][1] == 15
    assert rows["acquisition[0].bid.by_month.3"][5] == "15（--set；文件中 acquisition[0].bid.by_month：{1: 12, 2: 18}）"
    assert rows["acquisition[0].users.by_month.1"][5] == "900（--set；文件中 acquisition[0].users：1000）"
    result = invoke(["report", str(scheduled), "--samples", "200", "--set", "acquisition[0].bid=15", "--lang", "zh"])
    assert result.exit_code == 0, result.stderr
    cells = dict(re.findall(r'<tr><td class="path">([^<]+)</td><td>([^<]*)</td>', result.stdout.replace("<wbr>", "")))
    assert cells["acquisition[0].bid"] == "15（--set；文件：{by_month: {1: 12, 2: 18}}）"
