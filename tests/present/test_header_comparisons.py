"""A comparison in a column header stays on one line, with the words either side of its sign (present/layout.py
``_HEADER_WORD``): Rich, breaking a header at any space, printed breakeven's ``整体 ROI = 0 时`` as ``整体 ROI =`` /
``0 时`` and ``回本 ≤ 20 个月时`` as ``回本 ≤`` / ``20`` / ``个月时`` at 80 columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.present.layout import header_lines

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "aigc_roi" / "templates").glob("*.yaml"))
SIGN = "=<>≤≥≠"


def _header_cells(output: str) -> list[str]:
    """The text of each column on each header line of every table: the lines between ┏ and ┡."""
    cells: list[str] = []
    inside = False
    for line in output.splitlines():
        inside = (inside or line.startswith("┏")) and not line.startswith("┡")
        if inside and line.startswith("┃"):
            cells += [cell.strip() for cell in line.strip("┃").split("┃")]
    return cells


@pytest.mark.parametrize("columns", [80, 100])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("template", TEMPLATES, ids=[path.stem for path in TEMPLATES])
def test_breakeven_headers_keep_their_comparisons_whole(template: Path, lang: str, columns: int) -> None:
    result = invoke(["breakeven", str(template), "--lang", lang], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    for cell in _header_cells(result.stdout):
        assert not re.search(rf"^[{SIGN}]|[{SIGN}]$", cell), (cell, result.stdout)


@pytest.mark.parametrize(("header", "width", "lines"), [
    ("整体 ROI = 0 时", 7, "整体\nROI = 0\n时"),
    ("整体 ROI = 0 时", 10, "整体\nROI = 0 时"),
    ("Room before payback > 20 mo", 12, "Room before\npayback > 20\nmo"),
    ("> 20 months", 4, "> 20\nmonths"),
])
def test_a_header_breaks_around_its_comparison(header: str, width: int, lines: str) -> None:
    assert str(header_lines(header, width)) == lines
