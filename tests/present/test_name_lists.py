"""Several names in one CSV cell (present/name_lists.py): a name that could read as two, or as quoted, is written in
double quotes with its own doubled; every other name as it is, so a list of plain names reads as it always did.
The rule is checked by splitting as the docs tell a script to (docs/formulas.md §8, "Names in a CSV cell")."""

from __future__ import annotations

import csv
import io

import pytest

from aigc_roi.present.name_lists import listed_name, names_cell


def split(cell: str) -> list[str]:
    """The docs' recipe: CSV with ";" between fields and the spaces after it skipped."""
    return next(csv.reader([cell], delimiter=";", skipinitialspace=True), [])


def test_plain_names_are_written_as_they_are() -> None:
    assert names_cell(["Plan", "创作者先行 Creators first, gated scale-up", "a: b"]) == (
        "Plan; 创作者先行 Creators first, gated scale-up; a: b")
    assert names_cell([]) == ""


@pytest.mark.parametrize(("name", "written"), [
    ("A; B", '"A; B"'),
    ("A;B", '"A;B"'),
    ('say "hi"', '"say ""hi"""'),
    ('"', '""""'),
    ("two\nlines", '"two\nlines"'),
    (" lead", '" lead"'),
    ("trail ", '"trail "'),
    ("", '""'),
])
def test_a_name_that_could_be_misread_is_quoted(name: str, written: str) -> None:
    assert listed_name(name) == written


@pytest.mark.parametrize("names", [
    ["A; B", "C"],
    ["A", "B; C", 'say "hi"'],
    ["x;", ";y", ";", '""', "  spaced  ", "tab\tin", "two\r\nlines", "A"],
    ["", "B"],
    ["A; B: no_ad_spend", 'F "G": lower_bound'],
])
def test_every_list_splits_back_into_its_names(names: list[str]) -> None:
    assert split(names_cell(names)) == names


def test_a_cell_survives_the_csv_file_around_it() -> None:
    """The cell is itself a CSV field: the file's quoting wraps the names' quoting, and reading the file gives the
    cell back, which splits into the names."""
    names = ["A; B", 'say "hi"', "C"]
    buffer = io.StringIO()
    csv.writer(buffer).writerow(["best", names_cell(names)])
    assert buffer.getvalue() == 'best,"""A; B""; ""say """"hi""""""; C"\r\n'
    _, cell = next(csv.reader(io.StringIO(buffer.getvalue())))
    assert split(cell) == names
