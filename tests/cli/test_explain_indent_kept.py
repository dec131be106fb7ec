"""An indented cell (compare --explain's input path under its figure) keeps its first word whole: the two-space indent
counts toward the column's width, as Rich keeps it before the word (QA: "  monetization.plans[Annu" / "al member]"
in a table 70 cells wide at 80 columns)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.console import Console
from rich.text import Text

from aigc_roi.present.layout import Column, fixed_table, prose_lines

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_path_with_a_space_breaks_at_its_space_at_80_columns(tmp_path: Path, lang: str) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(TEMPLATE.read_text(encoding="utf-8").replace("price: 99 ", "price: 79 ", 1), encoding="utf-8")
    result = invoke(["compare", str(TEMPLATE), str(new), "--explain", "--lang", lang],
                    env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    # Four figures moved by the one price: each names the path, broken only at the space in the plan's name.
    assert len(re.findall(r"│   monetization\.plans\[Annual +│", result.stdout)) == 4, result.stdout
    assert len(re.findall(r"│ member\]\.price +│", result.stdout)) == 4, result.stdout


def _rendered(columns: list[Column], width: int) -> list[str]:
    table = fixed_table(columns, width)
    assert table is not None
    console = Console(width=width, file=io.StringIO(), color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(table)
    return capture.get().splitlines()


@pytest.mark.parametrize("indent", [2, 4])
def test_an_indented_first_word_is_never_cut(indent: int) -> None:
    # The widest word is the indented one: "abcdefghijkl" is 12 cells, 14 or 16 with its indent, and the table (one
    # column, 4 cells of borders and padding) is given just that, too few for the whole line.
    cell = " " * indent + "abcdefghijkl mnopq"
    width = indent + 12 + 4
    lines = _rendered([Column("Name", [Text(cell), Text("short")], numeric=False)], width)
    assert any(line.startswith("│" + " " * (indent + 1) + "abcdefghijkl ") for line in lines), lines


def test_a_caption_line_keeps_its_indent() -> None:
    assert prose_lines("  aaaa bbbb\ncc", 7).plain == "  aaaa\nbbbb\ncc"
