"""A CSV of columns separated by semicolons, as Excel saves "CSV" where the decimal mark is a comma (German, French,
Brazilian Windows): read where the export is read with a decimal comma (comma_numbers.py, tables.py), else refused at
its header with that fix. Read by commas it has no header (each line one cell), or, where its amounts have decimal
commas, a data row split at them taken for one (``2025-03-01;g_a;1500`` and ``50;12345``), refused as no known
export; read with a decimal point, its amounts' decimal commas would be refused anyway."""

from __future__ import annotations

import csv
from collections.abc import Sequence

from aigc_roi.reader.exports.comma_numbers import READ_WITH

SEMICOLONS = ("expected a header row of comma- or tab-separated columns, found columns separated by ';' (Excel's CSV "
              f"where the decimal mark is a comma); read it with {READ_WITH} if its numbers write a decimal comma, "
              "or save the export as comma-separated CSV, or as Unicode Text (UTF-16, tab-separated)")
MIN_COLUMNS = 3
"""Filled cells a line split at its semicolons has at least to be a header: an export's date, campaign and spend. A
title line with a semicolon or two is none."""


def semicolon_header(lines: Sequence[str]) -> tuple[int, int] | None:
    """The index among ``lines`` of the first with more semicolons than commas and tabs that they split into at
    least ``MIN_COLUMNS`` filled cells (an ``sep=;`` line, Excel's note of the separator, is one cell), and the
    1-based column of its first semicolon; None where no line is such."""
    for index, line in enumerate(lines):
        if line.count(";") <= max(line.count(","), line.count("\t")):
            continue
        try:
            cells = next(csv.reader([line], delimiter=";"), [])
        except csv.Error:  # a CR inside the line: the reading of the file locates it
            continue
        if sum(1 for cell in cells if cell.strip()) >= MIN_COLUMNS:
            return index, line.index(";") + 1
    return None
