"""Every number an xlsx workbook holds reads back as the float64 JSON writes (docs/formulas.md §8): openpyxl writes
``%.16g``, so 4000544.7133326265 came back 4000544.713332627, one ulp off (QA numbers F2)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

from aigc_roi.present.workbook import Column, Sheet, sheets_bytes

VIDEO = Path(__file__).resolve().parents[2] / "scenarios" / "video-tool-kol-then-feed.yaml"
# Each needs 17 significant digits: 16 read back as another float (0.1 + 0.2 as 0.3).
AWKWARD = [0.1 + 0.2, 1 / 3, 4000544.7133326265, -1234567.8901234567, 2.0 ** 53 + 2, 1e-300 / 3, 5e-324, 123.0]


def test_a_sheet_keeps_every_float_to_the_last_bit() -> None:
    data = sheets_bytes([Sheet("numbers", [Column("x", "0.00")], [[value] for value in AWKWARD])])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    read = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [value.hex() for value in read] == [value.hex() for value in AWKWARD]
    assert sheet["A2"].number_format == "0.00" and sheet["A2"].data_type == "n"


@pytest.mark.parametrize("what_if", [[], ["--set", "horizon_months=18"]], ids=["plan", "what-if"])
def test_run_workbook_holds_the_json_figures_and_months_exactly(tmp_path: Path, what_if: list[str]) -> None:
    book = tmp_path / "vt.xlsx"
    assert invoke(["run", str(VIDEO), "-f", "xlsx", "-o", str(book), *what_if]).exit_code == 0
    data = json.loads(invoke(["run", str(VIDEO), "-f", "json", *what_if]).stdout)
    workbook = openpyxl.load_workbook(book)
    figures = {row[2]: row[1] for row in workbook["figures"].iter_rows(min_row=2, values_only=True)}
    expected = {name: value for name, value in data["figures"].items() if isinstance(value, float)}
    assert {name: figures[name] for name in expected} == expected
    months = [row[2:] for row in workbook["months"].iter_rows(min_row=2, values_only=True)]
    keys = list(data["months"][0])[2:]
    assert months == [tuple(month[key] for key in keys) for month in data["months"]]


def test_the_channels_sheet_is_exact_but_for_the_max_bid_a_ceiling_rounded_down(tmp_path: Path) -> None:
    book = tmp_path / "vt.xlsx"
    assert invoke(["run", str(VIDEO), "-f", "xlsx", "-o", str(book)]).exit_code == 0
    data = json.loads(invoke(["run", str(VIDEO), "-f", "json"]).stdout)
    rows = list(openpyxl.load_workbook(book)["channels"].iter_rows(min_row=2, values_only=True))
    keys = ("spend", "users", "cac", "roas", "roi", "gross_revenue", "contribution")
    assert [row[3:10] for row in rows] == [tuple(channel[key] for key in keys) for channel in data["channels"]]
    assert [row[14:16] for row in rows] == [(channel["ltv"], channel["ltv_to_cac"]) for channel in data["channels"]]
    # docs/formulas.md §8 and §10: JSON's 46,231.3914... and 36.8513... written down to the cents the cell shows.
    assert [row[10] for row in rows] == [46231.39, 36.85, None]
    assert [channel["max_unit_cost"] for channel in data["channels"][:2]] == [pytest.approx(46231.3914, abs=1e-4),
                                                                                pytest.approx(36.8514, abs=1e-4)]
