"""A CSV of semicolon-separated columns, as Excel saves "CSV" where the decimal mark is a comma, is refused on one line
at its header naming the separator and the fix (QA: 'found none' at line 1, or, with decimal commas, a data row split
at them taken for a header and refused as no known export with every shape listed, 2 KB at line 2), the first fix
reading it with a decimal comma (test_export_decimal_comma.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import HORIZON, export_errors, write_export

from aigc_roi.reader.exports import read_report

SEMICOLONS = ("expected a header row of comma- or tab-separated columns, found columns separated by ';' (Excel's CSV "
              "where the decimal mark is a comma); read it with decimal_comma=True if its numbers write a decimal "
              "comma, or save the export as comma-separated CSV, or as Unicode Text (UTF-16, tab-separated)")
HEADER = "Day;Campaign;Cost;Impr.;Clicks;Conversions\r\n"


@pytest.mark.parametrize(("text", "line", "column"), [
    # Decimal points: read by commas, no line has two cells.
    (HEADER + "2025-01-03;g_a;1500.50;12345;200;15\r\n", 1, 4),
    # Decimal commas: line 2 read by commas is two cells, 2025-01-03;g_a;1500 and 50;12345;200;15.
    (HEADER + "2025-01-03;g_a;1500,50;12345;200;15\r\n2025-01-04;g_a;2000,00;1200;250;20\r\n", 1, 4),
    # Quoted, as Excel quotes a cell of a comma: still one separator in three.
    (HEADER + '2025-01-03;g_a;"1500,50";12345;200;15\r\n', 1, 4),
    # Excel's sep=; line above the header: one cell split at its semicolon.
    ("sep=;\r\n" + HEADER + "2025-01-03;g_a;1500.50;12345;200;15\r\n", 2, 4),
    # Title lines above, as a console writes them.
    ("Campaign report\r\n\r\ndate;campaign;spend\r\n2025-01-03;g_a;1500,50\r\n", 3, 5),
])
def test_a_semicolon_export_is_refused_at_its_header(tmp_path: Path, text: str, line: int, column: int) -> None:
    path = write_export(tmp_path, "g.csv", text, "cp1252")
    assert export_errors([path], HORIZON) == [f"{path}:{line}:{column}: {SEMICOLONS}"]


@pytest.mark.parametrize("text", [
    # A title of semicolons above a header a shape recognises.
    "Report; all accounts; 2025-01\ndate,campaign,spend\n2025-01-03,g_a;g_b;g_c,100\n",
    # Semicolons in a campaign's name.
    "date,campaign,spend\n2025-01-03,g_a;b;c;d,100\n",
])
def test_semicolons_in_a_comma_export_are_its_text(tmp_path: Path, text: str) -> None:
    path = write_export(tmp_path, "g.csv", text)
    assert [row.spend for row in read_report([path], HORIZON).rows] == [100]


def test_an_unknown_comma_header_is_still_told_as_such(tmp_path: Path) -> None:
    """Semicolons below an unknown header are no header of theirs: the header is what is refused."""
    path = write_export(tmp_path, "g.csv", "when,what,cost\n2025-01-03;g_a;100;x,1,2\n")
    [error] = export_errors([path], HORIZON)
    assert error.startswith(f"{path}:1:1: header: expected the columns of a known export (")


def test_the_command_says_it_in_chinese(tmp_path: Path) -> None:
    plan = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"
    path = write_export(tmp_path, "g.csv", HEADER + "2025-03-03;g_a;1500,50;12345;200;15\r\n")
    result = invoke(["actuals", str(plan), str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"{path}:1:4: 应为以逗号或制表符分隔的表头行，实际为以 ';' 分隔的列（以逗号为小数点的地区中 Excel 保存的 CSV）；"
        "若其数字以逗号为小数点，请用 --decimal-comma 读取；否则请把报表另存为逗号分隔的 CSV，或另存为 Unicode 文本（UTF-16，"
        "制表符分隔）"]
