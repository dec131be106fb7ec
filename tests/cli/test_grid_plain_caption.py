"""sensitivity --grid without a terminal (a pipe, a file) shows no colour and no underline, so its caption says none:
the current plan's cell is marked ◆ and the caption names the mark, en and zh; a terminal keeps its colours' words."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE


def _plan(tmp_path: Path) -> str:
    path = tmp_path / "s.yaml"
    path.write_text(WORKED_EXAMPLE, encoding="utf-8")
    return str(path)


GRID = ["--grid", "acquisition[0].bid,monetization.purchases[0].price", "--grid-steps", "3"]


@pytest.mark.parametrize(("lang", "caption"), [("en", "ROI; now (◆): "), ("zh", "ROI；当前（◆）：")])
def test_a_piped_grid_marks_the_current_cell(tmp_path: Path, lang: str, caption: str) -> None:
    result = invoke(["sensitivity", _plan(tmp_path), *GRID, "--lang", lang])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert not any(word in result.stdout for word in ("green", "underlined", "绿色", "下划线"))
    assert any(line.startswith(caption) for line in lines), result.stdout
    # One cell marked: the middle of a 3 x 3 grid, the plan as written.
    marked = [line for line in lines if "◆ " in line and not line.startswith("ROI")]
    assert len(marked) == 1 and marked[0].split("│")[3].strip().startswith("◆ "), result.stdout


def test_a_coloured_grid_keeps_its_colour_words(tmp_path: Path) -> None:
    result = invoke(["sensitivity", _plan(tmp_path), *GRID], env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert result.exit_code == 0, result.stderr
    assert "green ≥ 0, red < 0; now (underlined): " in result.stdout and "◆" not in result.stdout
