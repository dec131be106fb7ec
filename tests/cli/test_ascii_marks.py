"""On a stdout that cannot write Unicode (``PYTHONIOENCODING=ascii``, a CI log), a mark beside a figure is written in
an ASCII stand-in that no number holds (present/stand_ins.py ``MARKS``), the note under the table in the same one:
the dagger of a grid cell where a gate flips was ``+`` (``40.00% +``, and ``+: there a gate decides ...`` under the
table), which reads as a sign beside the figures, as the double dagger's ``++`` did on an actuals month.

The plan is tests/cli/test_sensitivity_gate_marks.py's (by hand there): in the grid of the price (16, 20, 24) by the
bid (8, 10, 12) the cells (16, 10), (16, 12) and (20, 12) fail the gate."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from test_sensitivity_gate_marks import PLAN
from typer.testing import CliRunner

from aigc_roi.cli.app import app
from aigc_roi.present.stand_ins import MARKS, for_encoding

NUMBER_CHARACTERS = set("0123456789+-.,%")
"""What a figure is written with: digits, its sign, its decimal and group marks, a percent."""


@pytest.mark.parametrize(("mark", "stand_in"), sorted(MARKS.items()))
def test_no_marks_stand_in_reads_as_part_of_a_number(mark: str, stand_in: str) -> None:
    assert not set(stand_in) & NUMBER_CHARACTERS, (mark, stand_in)
    assert for_encoding(f"16.67% {mark}", "ascii") == f"16.67% {stand_in}"


def test_the_daggers_are_a_caret_and_two() -> None:
    assert for_encoding("40.00% †", "ascii") == "40.00% ^"
    assert for_encoding("2025-03‡", "ascii") == "2025-03^^"


def test_a_grid_on_an_ascii_stdout_marks_its_flipped_cells_and_notes_them_with_a_caret(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(textwrap.dedent(PLAN), encoding="utf-8")
    result = CliRunner(charset="ascii").invoke(
        app, ["sensitivity", str(plan), "--grid", "item.price,T.bid", "--grid-steps", "3", "-q"],
        env={"COLUMNS": "80", "TERM": "dumb"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.isascii()
    cells = [[cell.strip() for cell in line.strip("|").split("|")[1:]] for line in result.stdout.splitlines()
             if re.match(r"\| \d", line)]
    assert [(i, j) for i, row in enumerate(cells) for j, cell in enumerate(row) if cell.endswith(" ^")] == [
        (0, 1), (0, 2), (1, 2)]
    assert not any(cell.endswith("+") for row in cells for cell in row)
    note = " ".join(line.strip() for line in result.stdout.splitlines() if not line.startswith(("|", "+")))
    assert "^: there a gate decides otherwise than now: gate 'test' fails (T, U stop after month 1)." in note
    assert "+:" not in note


def test_the_tornado_on_an_ascii_stdout_marks_its_drivers_with_a_caret(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(textwrap.dedent(PLAN), encoding="utf-8")
    result = CliRunner(charset="ascii").invoke(app, ["sensitivity", str(plan), "-q"],
                                               env={"COLUMNS": "80", "TERM": "dumb"})
    assert result.exit_code == 0, result.stderr
    drivers = {line.split("|")[1].strip() for line in result.stdout.splitlines() if line.startswith("| ")}
    assert {"T bid ^", "item price ^"} <= drivers and not any(driver.endswith("+") for driver in drivers)
    assert "\n^: at that move a gate decides otherwise than now" in result.stdout
