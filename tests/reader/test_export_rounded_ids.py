"""An id a spreadsheet rounded is refused whatever decimal mark it wrote: German Excel writes ``1.23457E+11`` as
``1,23457E+11``, which was read as an id, so two campaigns rounded to it were one, and with sum_duplicates=True the
spend of a campaign of no channel (brand_x, 5,000.00) was counted in Google's (g_a, 1,000.00)."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_files import export_errors, write_export

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import Horizon

HORIZON = Horizon.of((2025, 3), 12)
SCIENTIFIC = ("a spreadsheet wrote the id as a number in scientific notation, rounded to its first digits: keep the id "
              "column as text (import it into Excel as Text)")
ROUNDED = ["1,23457E+11", "1,23457e+11", "1.23457E11", "1,23457E11", "1.23457 E+11", "1,23457 E +11", "1.5E3",
           "1,5e-3", "-1,5E+3"]


@pytest.mark.parametrize("cell", ROUNDED)
@pytest.mark.parametrize("comma", [True, False], ids=["decimal-comma", "decimal-point"])
def test_a_rounded_id_is_refused_whatever_its_decimal_mark(tmp_path: Path, cell: str, comma: bool) -> None:
    # Quoted, and in Excel's CSV of semicolons also bare, as its comma splits no cell there.
    mark, bare = (";", cell) if comma else (",", f'"{cell}"')
    lines = [f"Tag{mark}Kampagne{mark}Kampagnen-ID{mark}Kosten",
             f'2025-03-01{mark}g_a{mark}"{cell}"{mark}1000', f"2025-03-01{mark}brand_x{mark}{bare}{mark}5000"]
    path = write_export(tmp_path, "id.csv", "\n".join(lines) + "\n")
    errors = export_errors([path], HORIZON, currency="EUR", decimal_comma=comma, sum_duplicates=True)
    assert errors == [f"{path}:{line}:3: Kampagnen-ID: expected a campaign id with all its digits, found {cell!r}; "
                      f"{SCIENTIFIC}" for line in (2, 3)]


def test_the_refusal_reads_in_chinese(tmp_path: Path) -> None:
    path = write_export(tmp_path, "id.csv", "Day,Campaign,Campaign ID,Cost\n2025-03-01,g_a,\"1,23457E+11\",1000\n")
    (error,) = export_errors([path], HORIZON, currency="EUR")
    assert translate(error.split(": ", 2)[2]) == (
        "应为位数完整的计划 ID，实际为 '1,23457E+11'；电子表格把 ID 当作数字以科学计数法写出，只留下了前几位：请把 ID 列保持为文本"
        "（导入 Excel 时设为“文本”）")
