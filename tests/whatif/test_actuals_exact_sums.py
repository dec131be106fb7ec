"""`actuals` sums an export's amounts exactly: each is a decimal of the places its cell wrote, and so is their sum, so
0.10 + 0.20 is 0.3 in JSON (not 0.30000000000000004) and its CAC over 2 users 0.15, a ratio of the exact sum."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(two_channel_plan("Exact sums"), encoding="utf-8")
    return path


def _json(plan: Path, *exports: Path) -> dict:
    result = invoke(["actuals", str(plan), *map(str, exports), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _export(tmp_path: Path, header: str, rows: list[str]) -> Path:
    path = tmp_path / "export.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_month_s_spend_and_its_cac_are_exact(tmp_path: Path, plan: Path) -> None:
    """0.10 + 0.20 = 0.3 spent on 1 + 1 users: a CAC of 0.3 / 2 = 0.15."""
    export = _export(tmp_path, "date,campaign,spend,new_users", ["2025-03-01,dy_a,0.10,1", "2025-03-02,dy_a,0.20,1"])
    actual = _json(plan, export)["channels"][0]["months"][0]["actual"]
    assert (actual["spend"], actual["users"], actual["cac"]) == (0.3, 2, 0.15)


def test_the_sum_over_months_and_the_unmatched_spend_are_exact(tmp_path: Path, plan: Path) -> None:
    """Douyin spent 0.1 in March and 0.2 in April: 0.3 measured against its budget; xx_b, no channel's, 1.1 + 2.2 =
    3.3 unmatched."""
    export = _export(tmp_path, "date,campaign,spend,new_users",
                     ["2025-03-01,dy_a,0.1,1", "2025-04-01,dy_a,0.2,1", "2025-03-01,xx_b,1.1,1", "2025-03-02,xx_b,2.2,1"])
    data = _json(plan, export)
    assert data["channels"][0]["furthest"]["actual"] == 0.3
    assert [item["spend"] for item in data["unmatched"]] == [3.3]


@pytest.mark.parametrize(("header", "cells", "spent"), [
    # 57 分 + 1 分 = 0.58 元 (57 × 0.01 is 0.5700000000000001 as a float).
    ("spend(分)", ("57", "1"), 0.58),
    # 0.57 万元 + 0.01 万元 = 5,700 + 100 = 5,800 元 (0.57 × 10,000 is 5700.000000000001).
    ("spend(万元)", ("0.57", "0.01"), 5800),
    # 0.1 + 0.2 + 0.3 = 0.6, three cells of one place.
    ("spend", ("0.1", "0.2", "0.3"), 0.6),
])
def test_an_amount_in_another_unit_is_exact_in_the_plan_s(tmp_path: Path, plan: Path, header: str,
                                                          cells: tuple[str, ...], spent: float) -> None:
    rows = [f"2025-03-0{day},dy_a,{cell},1" for day, cell in enumerate(cells, 1)]
    export = _export(tmp_path, f"date,campaign,{header},new_users", rows)
    assert _json(plan, export)["channels"][0]["months"][0]["actual"]["spend"] == spent


def test_a_workbook_s_computed_cell_is_kept_to_six_places(tmp_path: Path, plan: Path) -> None:
    """A formula's result saved with the float's every digit, as Excel writes 0.1 + 0.2 (<v>0.30000000000000004</v>):
    kept to 6 places, 0.3 + 0.4 is 0.7 (the floats' sum is 0.7000000000000001)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["date", "campaign", "spend", "new_users"], ["2025-03-01", "dy_a", 0.3, 1], ["2025-03-02", "dy_a", 0.4, 1]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "computed.xlsx"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":  # openpyxl writes the float's shortest digits
                data, replaced = re.subn(rb"<v>0\.3</v>", b"<v>0.30000000000000004</v>", data)
                assert replaced == 1
            target.writestr(item, data)
    assert _json(plan, path)["channels"][0]["months"][0]["actual"]["spend"] == 0.7


@pytest.mark.parametrize(("value", "scale", "expected"), [
    (0.1, 1.0, 1), (110701.7, 1.0, 1), (100.0, 1.0, 0), (1e-05, 1.0, 5), (12345.0, 0.01, 2), (0.15, 10_000.0, 0),
    (0.123456, 10_000.0, 2), (0.30000000000000004, 1.0, 6), (1e16, 1.0, 0),
])
def test_places_are_those_the_cell_wrote_in_the_plan_s_unit(value: float, scale: float, expected: int) -> None:
    from aigc_roi.model.actuals import places

    assert places(value, scale) == expected
