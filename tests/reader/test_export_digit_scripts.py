"""Which digits an export's number is written in, read as the plan's are (reader/numbers.py): ASCII and the full-width
ones a Chinese IME types, no other script's. Python's ``\\d`` and ``float()`` take Arabic-Indic ``١٢٣`` too, so an
export read them, and its dot before three digits (``_DOT_GROUPED``, a rule of its own) wanted an ASCII first digit:
``١.٥٠٠`` in EUR was read as 1.5 without a word, where ``1.500`` is refused as maybe fifteen hundred, and ``1.٥٠٠``
was refused with a fix written in both scripts. The plan's one group (``one_group``) is now the export's too."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_files import COMMA_HINT, refusals, written

from aigc_roi.reader.exports.cells import Amounts, CellError, count
from aigc_roi.reader.numbers import one_group


@pytest.mark.parametrize(("cell", "value"), [("１２３", 123.0), ("１，２３４．５", 1234.5), ("＄１２", 12.0)])
def test_full_width_digits_read_as_digits(cell: str, value: float) -> None:
    assert Amounts(None, "USD")(cell) == value
    assert count(cell.lstrip("＄")) == value


@pytest.mark.parametrize("read", [count, lambda cell: count(cell, decimal_comma="EUR"), Amounts(None, "USD"),
                                  Amounts(None, "EUR"), Amounts(None, "EUR", comma=True)])
@pytest.mark.parametrize("cell", ["١٢٣", "١.٥٠٠", "1.٥٠٠", "۱۲۳", "१२३", "١,٥", "€١.٥٠٠"])
def test_other_scripts_digits_are_refused_as_no_number(read: object, cell: str) -> None:
    with pytest.raises(CellError) as raised:
        read(cell)  # type: ignore[operator]
    assert str(raised.value) == f"expected a number, found {cell!r}"


@pytest.mark.parametrize("cell", ["1.500", "１.５００", "１．５００", "-12.345", "1.5000", "0.500", "1.5", "1.500.000",
                                  "١.٥٠٠", "1.٥٠٠", "12.٣٤٥"])
def test_an_export_and_a_plan_tell_the_same_dot_before_three_digits(cell: str) -> None:
    """The plan warns of such a dot in EUR (dot_group_warning.py), the export refuses it: the same cells, full-width
    digits and dot as an IME types them (the plan's reader takes ``．`` as no dot: its digits are the rule here)."""
    try:
        Amounts(None, "EUR")(cell)
        told = False
    except CellError as error:
        told = "a dot before three digits may separate thousands" in str(error)
    assert told == (one_group(cell.replace("．", ".")) == ".")


def test_an_export_of_arabic_indic_spend_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend,new_users\n2025-01-03,dy_a,١.٥٠٠,12\n2025-01-04,dy_a,1.500,12\n")
    assert refusals(path, "EUR") == [
        f"{path}:2:3: spend: expected a number, found '١.٥٠٠'",
        f"{path}:3:3: spend: expected a number, found '1.500'; in EUR a dot before three digits may separate "
        f"thousands: write 1500 for thousands, or 1.5000 for a decimal point{COMMA_HINT}"]
