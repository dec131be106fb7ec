"""One cell of an export as a number or a date, the way the consoles write them.

Numbers: thousands separators (``1,234.5``), a currency sign, ``%`` (/100),
and ``-``/``--``/empty for "nothing that day" (0). Dates: ``2025-01-03``,
``2025/1/3``, ``20250103``, ``2025年1月3日``, each optionally followed by a
time, or a date cell of a workbook. A cell that is neither raises
``CellError`` with what was expected, for the reader to locate.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from aigc_roi.model.limits import MAX_MAGNITUDE

EMPTY = frozenset({"", "-", "--", "—", "/", "n/a", "null"})
"""What the consoles write for nothing: read as 0."""

_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:[,，]\d{3})+(?:\.\d*)?")
_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|(\d{2})(\d{2})|年(\d{1,2})月(\d{1,2})日?)"
                   r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


class CellError(ValueError):
    """A cell that is not what its column holds: ``expected`` and ``found`` for the message."""

    def __init__(self, expected: str, found: str) -> None:
        super().__init__(f"expected {expected}, found {found}")
        self.expected, self.found = expected, found


def shown(cell: object) -> str:
    text = str(cell).strip()
    return "an empty cell" if not text else repr(text) if len(text) <= 40 else repr(text[:37] + "...")


def number(cell: object) -> float:
    """The number in a cell; ``CellError`` for text that is none."""
    if type(cell) is str and cell.isascii() and cell.replace(".", "", 1).isdigit():
        # Most cells of a large export are plain digits: read them without the regular expressions.
        value = float(cell)
        if value > MAX_MAGNITUDE:
            raise CellError(f"a number no larger than {MAX_MAGNITUDE:,.0f} (1e15)", shown(cell))
        return value
    if type(cell) is str and _THOUSANDS.fullmatch(cell):
        # The consoles' amounts ("1,234.50"): every such text is a plain number once its separators go.
        value = float(cell.replace(",", "").replace("，", ""))
    elif isinstance(cell, bool):
        raise CellError("a number", shown(cell))
    elif isinstance(cell, int | float):
        value = float(cell)
    else:
        text = str(cell).strip().lstrip("¥￥").strip()
        if text.lower() in EMPTY:
            return 0.0
        percent = text.endswith(("%", "％"))
        body = text[:-1].strip() if percent else text
        if _THOUSANDS.fullmatch(body):
            body = body.replace(",", "").replace("，", "")
        if not _PLAIN.fullmatch(body):
            raise CellError("a number", shown(cell))
        value = float(body) / (100.0 if percent else 1.0)
    if value != value or abs(value) > MAX_MAGNITUDE:
        raise CellError(f"a number no larger than {MAX_MAGNITUDE:,.0f} (1e15)", shown(cell))
    return value


def day(cell: object) -> datetime.date:
    """The date in a cell; ``CellError`` for anything else."""
    if type(cell) is str:
        return _day_of_text(cell.strip())
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    text = str(cell).strip()
    if isinstance(cell, float) and cell.is_integer():
        text = str(int(cell))
    return _day_of_text(text)


@lru_cache(maxsize=4096)
def _day_of_text(text: str) -> datetime.date:
    """A daily export repeats each date once per campaign: each text is parsed once."""
    found = _DATE.fullmatch(text)
    if found:
        year = int(found[1])
        month = int(found[2] or found[4] or found[6])
        day_of_month = int(found[3] or found[5] or found[7])
        try:
            return datetime.date(year, month, day_of_month)
        except ValueError:
            pass
    raise CellError("a date YYYY-MM-DD", shown(text))
