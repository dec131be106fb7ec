"""What the export readers' tests share: an export written to a file as a platform or a spreadsheet saved it, and the
located errors reading it gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.exports import Horizon, read_report


def write_export(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """``text`` saved as ``name`` in ``encoding`` (a console's GBK or UTF-16 as much as UTF-8)."""
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


HORIZON = Horizon.of((2025, 1), 6)
"""The six months from January 2025 that most reader tests read their exports over."""
COMMA_HINT = "; if the export writes decimal commas (1.234,56), read it with decimal_comma=True"
"""What a refusal of a dot that may group thousands ends in: the fix of a whole export, where each cell was the user's
to rewrite."""


def written(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    """``text`` saved as ``name`` in UTF-8."""
    return write_export(tmp_path, name, text)


def refusals(path: Path, currency: str = "CNY", horizon: Horizon = HORIZON) -> list[str]:
    """``export_errors`` of one export against a plan in ``currency``."""
    return export_errors([path], horizon, currency=currency)


def export_errors(paths: list[Path], horizon: Horizon, **options: str | bool) -> list[str]:
    """Each located error reading ``paths`` over ``horizon`` gives, as a user reads it; fails where they read."""
    with pytest.raises(ScenarioInvalid) as raised:
        read_report(paths, horizon, **options)
    return [str(error) for error in raised.value.errors]


def workbook(path: Path, sheets: dict[str, list[list[object]]], hidden: dict[str, str] | None = None) -> Path:
    """A workbook at ``path`` of one sheet per title of ``sheets``, in that order, each holding its rows; ``hidden``:
    title -> its sheet_state (hidden, veryHidden)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = (hidden or {}).get(title, "visible")
    book.save(path)
    return path
