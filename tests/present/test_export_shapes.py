"""What a spreadsheet or pandas reads from the exports: one spelling of a boolean in every CSV (1 or 0, as the figures
table's flag must be among its numbers), and a cohort sheet that says its unit and dates its months as the months
sheet does (docs/formulas.md §8)."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import GATED_EXAMPLE, WORKED_EXAMPLE

from aigc_roi.present.tables import to_csv


def _write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _csv(path: Path, table: str) -> list[dict[str, str]]:
    result = invoke(["run", str(path), "--format", "csv", "--table", table])
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_every_csv_writes_a_boolean_as_1_or_0() -> None:
    # The one writer of every CSV (gates, fits, allocate's curve, ...): True was "True" beside a flag row's 1.
    assert to_csv((["flag", "count"], [[True, 2], [False, 0]])) == "flag,count\n1,2\n0,0\n"


def test_a_gate_passes_or_fails_as_1_or_0(tmp_path: Path) -> None:
    # docs/formulas.md §18: KOL's test ROAS is 1.35, short of 2 (failed); a threshold of 1 passes.
    assert [row["passed"] for row in _csv(_write(tmp_path, GATED_EXAMPLE), "gates")] == ["0"]
    passing = GATED_EXAMPLE.replace("min_roas: 2", "min_roas: 1")
    assert [row["passed"] for row in _csv(_write(tmp_path, passing), "gates")] == ["1"]


def test_a_fit_flags_as_1_or_0(tmp_path: Path) -> None:
    fitted = WORKED_EXAMPLE.replace("{monthly_churn: 0.5}", "{days: {1: 45%, 7: 22%, 30: 12%}}")
    rows = _csv(_write(tmp_path, fitted), "fits")
    # A power law never runs to an optimiser's bound (only an sBG fit does): at_bound is 0 on each of the three days.
    assert [row["at_bound"] for row in rows] == ["0", "0", "0"]
    assert {row[flag] for row in rows for flag in ("poor", "loose", "tail_understated")} <= {"0", "1"}


@pytest.mark.parametrize(("lang", "header"), [("en", "Cohort (contribution in CNY by month)"),
                                              ("zh", "同期群（各月边际贡献，CNY）")])
def test_the_cohort_sheet_states_its_unit_and_dates_its_months(tmp_path: Path, lang: str, header: str) -> None:
    # The worked example from November 2025: months 2025-11, 2025-12, 2026-01; one cohort of 1,000 users, each
    # contributing 9, 4.5 and 2.25, so 9,000, 4,500 and 2,250.
    path = _write(tmp_path, "start: 2025-11\n" + WORKED_EXAMPLE)
    book = tmp_path / "run.xlsx"
    assert invoke(["run", str(path), "--cohorts", "-f", "xlsx", "-o", str(book), "--lang", lang]).exit_code == 0
    sheet = openpyxl.load_workbook(book).worksheets[3]
    first, cohort = (list(row) for row in sheet.iter_rows(max_row=2))
    assert first[1].value == header
    months = [datetime.datetime(2025, 11, 1), datetime.datetime(2025, 12, 1), datetime.datetime(2026, 1, 1)]
    assert [cell.value for cell in first[3:]] == months and {cell.number_format for cell in first[3:]} == {"yyyy-mm"}
    assert [cell.value for cell in cohort] == [1, months[0], 1000, 9000, 4500, 2250]
    assert cohort[1].number_format == "yyyy-mm"
    # Without a start the months are M1, M2, ... in both sheets.
    plain = _write(tmp_path, WORKED_EXAMPLE, "plain.yaml")
    assert invoke(["run", str(plain), "--cohorts", "-f", "xlsx", "-o", str(book), "--force"]).exit_code == 0
    first = next(openpyxl.load_workbook(book).worksheets[3].iter_rows(max_row=1, values_only=True))
    assert list(first[3:]) == ["M1", "M2", "M3"]
